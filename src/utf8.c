/*
** UTF-8: the one definition of a well-formed character (RFC 3629), shared by
** the case reader and the rule-file reader.
*/
#include "utf8.h"

/* Length of the well-formed UTF-8 sequence at s[0..n), or 0 if it is not
** one (overlong forms, UTF-16 surrogates and values past U+10FFFF are not). */
size_t sp_utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xbf; /* bounds of the second byte */
    if (c >= 0xc2 && c <= 0xdf)
        need = 2;
    else if (c >= 0xe0 && c <= 0xef) {
        need = 3;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else
        return 0;
    if (n < need || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++)
        if (s[i] < 0x80 || s[i] > 0xbf)
            return 0;
    return need;
}

size_t sp_utf8_invalid(const char *text, size_t len, size_t from)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = from;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = sp_utf8_len(s + i, len - i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}
