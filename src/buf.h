/*
** Growable byte buffer for rendering output and reading files.
*/
#ifndef SP_BUF_H
#define SP_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct sp_buf {
    char *data;   /* heap-owned, always NUL-terminated when non-NULL */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes allocated */
    bool oom;     /* set once an append failed; later appends do nothing */
} sp_buf;

void sp_buf_init(sp_buf *b);
void sp_buf_fini(sp_buf *b);
void sp_buf_clear(sp_buf *b);
/* The out-of-line part of the appends below: grows the buffer (or finds it
** out of memory) and then appends. */
bool sp_buf_append_slow(sp_buf *b, const char *s, size_t n);

/* The appends are inline: most pieces fit in the room already there, and
** then an append is a copy and a NUL. */
static inline bool sp_buf_append(sp_buf *b, const char *s, size_t n)
{
    if (n < b->cap - b->len && !b->oom) {   /* cap is 0 or > len */
        if (n)
            memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return true;
    }
    return sp_buf_append_slow(b, s, n);
}

static inline bool sp_buf_puts(sp_buf *b, const char *s)
{
    return sp_buf_append(b, s, strlen(s));
}

static inline bool sp_buf_putc(sp_buf *b, char c)
{
    if (b->cap - b->len > 1 && !b->oom) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return true;
    }
    return sp_buf_append_slow(b, &c, 1);
}

#define SP_BUF_ONES ((uint64_t)0x0101010101010101u)
#define SP_BUF_HIGHS ((uint64_t)0x8080808080808080u)

/* Nonzero when one of the 8 bytes of w (8 bytes of a string) is one a JSON
** string must escape: below 0x20, a quote or a backslash. The usual bit trick
** for "a byte is zero", applied to w ^ '"'... and w ^ '\\'..., and for "a
** byte is below 0x20" to w itself (a byte of 0x80 or more never counts). The
** trick is exact about whether there is such a byte, and its lowest flag is
** the first such byte (a borrow only flags bytes above a true one): the first
** in memory when w was read little-endian. */
static inline uint64_t sp_json_escape_flags(uint64_t w)
{
    uint64_t q = w ^ (SP_BUF_ONES * '"'), bs = w ^ (SP_BUF_ONES * '\\');
    return (((w - SP_BUF_ONES * 0x20) & ~w) | ((q - SP_BUF_ONES) & ~q) | ((bs - SP_BUF_ONES) & ~bs)) &
           SP_BUF_HIGHS;
}

bool sp_buf_printf(sp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal, quotes included. */
bool sp_buf_json_string(sp_buf *b, const char *s, size_t n);
/* Reads a whole file (path "-" is standard input). Returns false and sets
** errno on failure. */
bool sp_buf_read_file(sp_buf *b, const char *path);
/* As sp_buf_read_file, but stops after max + 1 bytes: b->len > max then
** tells a file larger than max without reading the rest of it. */
bool sp_buf_read_file_at_most(sp_buf *b, const char *path, size_t max);

#endif
