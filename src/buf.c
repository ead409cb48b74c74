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

bool sp_buf_append(sp_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool sp_buf_puts(sp_buf *b, const char *s)
{
    return sp_buf_append(b, s, strlen(s));
}

bool sp_buf_putc(sp_buf *b, char c)
{
    return sp_buf_append(b, &c, 1);
}

bool sp_buf_printf(sp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
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

bool sp_buf_json_string(sp_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sp_buf_putc(b, '"');
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (c < 0x20) {
                u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
                u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = '\0';
                esc = u;
            }
        }
        if (esc) {
            sp_buf_append(b, s + start, i - start);
            sp_buf_puts(b, esc);
            start = i + 1;
        }
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
