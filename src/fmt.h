/*
** The formatter: one canonical layout for a rule file, derived from its
** syntax tree, every comment kept in its place (stayput fmt).
*/
#ifndef SP_FMT_H
#define SP_FMT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* Code is kept within this many columns wherever a line break can do it;
** texts, names and a line without a place to break may run longer. */
#define SP_FMT_WIDTH 100

typedef enum sp_fmt_status {
    SP_FMT_OK,        /* out holds the file in the canonical layout */
    SP_FMT_ERRORS,    /* the file does not read (syntax, nesting too deep): diags say where */
    SP_FMT_UNSAFE,    /* the layout would not read back as the same file: out is unchanged */
    SP_FMT_OOM        /* out of memory: out is unchanged */
} sp_fmt_status;

/* Formats the rule file `text` (len bytes; `path` names it in diagnostics)
** and appends the result to out, without the byte-order mark it may start
** with. Before anything is appended the result is read back: it must give
** the same syntax tree (locations aside), the same comments in the same order,
** each after as many tokens (parentheses aside), and formatted again it must
** stay as it is; else SP_FMT_UNSAFE and *unsafe_line (when not NULL) is the
** line of the input's first item that differs (0: none in particular).
** Diagnostics are recorded in diags. */
sp_fmt_status sp_fmt_text(const char *path, const char *text, size_t len, sp_buf *out,
                          sp_diags *diags, size_t *unsafe_line);

/* Whether two rule files read as the same syntax tree (locations, layout and
** parentheses aside; numbers and texts as written) with the same comments in
** order, each after as many tokens: the check sp_fmt_text makes. *same is
** false when either does not read. Returns SP_FMT_OOM or SP_FMT_OK. */
sp_fmt_status sp_fmt_same(const char *a, size_t alen, const char *b, size_t blen, bool *same);

#endif
