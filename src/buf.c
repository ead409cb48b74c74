/*
** Growable byte buffer.
*/
#include "buf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sp_buf_init(sp_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
}

void sp_buf_fini(sp_buf *b)
{
    free(b->data);
    sp_buf_init(b);
}

void sp_buf_clear(sp_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static bool reserve(sp_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra >= SIZE_MAX - b->len) {
        b->oom = true;
        return false;
    }
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool sp_buf_append_slow(sp_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

/* Appends the decimal digits of v, with a '-' first when neg. */
static bool put_decimal(sp_buf *b, unsigned long long v, bool neg)
{
    char tmp[24];
    size_t n = sizeof tmp;
    do {
        tmp[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (neg)
        tmp[--n] = '-';
    return sp_buf_append(b, tmp + n, sizeof tmp - n);
}

/* The conversions the callers use most, written here as printf would:
** %s, %c, %%, and %d %u %zu %ld %lu %lld %llu without flags, width or
** precision. False (having appended nothing that stays) at anything else,
** for vsnprintf to do the whole. */
static bool simple_printf(sp_buf *b, const char *fmt, va_list ap)
{
    size_t start = b->len;
    const char *p = fmt;
    for (;;) {
        const char *pct = strchr(p, '%');
        if (!pct)
            return sp_buf_puts(b, p);
        sp_buf_append(b, p, (size_t)(pct - p));
        p = pct + 1;
        int longs = 0;
        bool size = false;
        if (*p == 'z') {
            size = true;
            p++;
        } else
            while (*p == 'l' && longs < 2) {
                longs++;
                p++;
            }
        char conv = *p++;
        if ((size && conv != 'u') || (longs && conv != 'd' && conv != 'u'))
            conv = '\0';
        switch (conv) {
        case 's': {
            const char *str = va_arg(ap, const char *);
            sp_buf_puts(b, str ? str : "(null)"); /* as glibc prints it */
            break;
        }
        case 'c':
            sp_buf_putc(b, (char)va_arg(ap, int));
            break;
        case '%':
            sp_buf_putc(b, '%');
            break;
        case 'd': {
            long long v = longs == 2 ? va_arg(ap, long long)
                          : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
            put_decimal(b, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, v < 0);
            break;
        }
        case 'u': {
            unsigned long long v = size ? va_arg(ap, size_t)
                                   : longs == 2 ? va_arg(ap, unsigned long long)
                                   : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            put_decimal(b, v, false);
            break;
        }
        default:
            b->len = start; /* not one of ours: undo, vsnprintf does it all */
            if (b->data)
                b->data[start] = '\0';
            return false;
        }
    }
}

bool sp_buf_printf(sp_buf *b, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    bool done = simple_printf(b, fmt, ap);
    va_end(ap);
    if (done || b->oom) {
        va_end(again);
        return !b->oom;
    }
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, again);
    va_end(again);
    if (n < 0)
        return false;
    if ((size_t)n < sizeof small)
        return sp_buf_append(b, small, (size_t)n);
    if (!reserve(b, (size_t)n))
        return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

/* Bytes that a JSON string literal cannot hold as they are: the escape
** each needs ('u' for \u00XX), 0 for a byte copied as it is. */
static const char json_escape[256] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    ['"'] = '"', ['\\'] = '\\',
};

bool sp_buf_json_string(sp_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sp_buf_putc(b, '"');
    size_t start = 0, i = 0;
    while (i < n) {
        /* Eight plain bytes at a time; in a word that has a byte to
        ** escape, straight to that byte (little-endian: the lowest flag is
        ** the first byte in memory), else byte by byte. */
        if (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t flags = sp_json_escape_flags(w);
            if (!flags) {
                i += 8;
                continue;
            }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            i += (size_t)__builtin_ctzll(flags) / 8;
#endif
        }
        unsigned char c = (unsigned char)s[i];
        char esc = json_escape[c];
        if (!esc) {
            i++;
            continue;
        }
        char u[6] = { '\\', esc };
        size_t ulen = 2;
        if (esc == 'u') {
            u[2] = '0'; u[3] = '0';
            u[4] = hex[c >> 4]; u[5] = hex[c & 15];
            ulen = 6;
        }
        sp_buf_append(b, s + start, i - start);
        sp_buf_append(b, u, ulen);
        start = ++i;
    }
    sp_buf_append(b, s + start, n - start);
    return sp_buf_putc(b, '"');
}

bool sp_buf_read_file(sp_buf *b, const char *path)
{
    return sp_buf_read_file_at_most(b, path, SIZE_MAX - 1);
}

bool sp_buf_read_file_at_most(sp_buf *b, const char *path, size_t max)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return false;
    char chunk[65536];
    size_t n;
    bool ok = true;
    while (b->len <= max && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n > max + 1 - b->len)
            n = max + 1 - b->len; /* one byte past max tells "too large" */
        if (!sp_buf_append(b, chunk, n)) {
            ok = false;
            errno = ENOMEM;
            break;
        }
    }
    if (ok && ferror(f))
        ok = false;
    if (f != stdin)
        fclose(f);
    if (ok && !b->data)
        ok = sp_buf_append(b, "", 0);
    return ok;
}
