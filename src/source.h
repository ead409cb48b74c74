/*
** A loaded source file: its display path, its bytes, and a line-start table
** so that byte offsets become line:column only when a diagnostic is shown.
*/
#ifndef SP_SOURCE_H
#define SP_SOURCE_H

#include <stddef.h>

#include "arena.h"

typedef struct sp_source {
    const char *path;        /* as shown to the user; arena-owned */
    const char *rel;         /* name relative to its policy folder (digest) */
    const char *text;        /* NUL-terminated; arena-owned */
    size_t len;
    size_t *line_starts;     /* byte offset of each line's first byte */
    size_t n_lines;
} sp_source;

/* Copies text into the arena and indexes its lines. NULL when out of memory. */
sp_source *sp_source_new(sp_arena *a, const char *path, const char *rel,
                         const char *text, size_t len);
/* 1-based line and column (column counts bytes) of a byte offset. */
void sp_source_line_col(const sp_source *s, size_t offset, size_t *line,
                        size_t *col);
/* The line holding offset, without its line break. */
const char *sp_source_line(const sp_source *s, size_t line, size_t *len);

#endif
