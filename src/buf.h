/*
** Growable byte buffer for rendering output and reading files.
*/
#ifndef SP_BUF_H
#define SP_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct sp_buf {
    char *data;   /* heap-owned, always NUL-terminated when non-NULL */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes allocated */
    bool oom;     /* set once an append failed; later appends do nothing */
} sp_buf;

void sp_buf_init(sp_buf *b);
void sp_buf_fini(sp_buf *b);
void sp_buf_clear(sp_buf *b);
bool sp_buf_append(sp_buf *b, const char *s, size_t n);
bool sp_buf_puts(sp_buf *b, const char *s);
bool sp_buf_putc(sp_buf *b, char c);
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
