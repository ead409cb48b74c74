/*
** Diagnostics: collected while loading a policy, rendered once by the CLI as
**   file:line:col: error[CODE]: message
** with the source line and a caret under the span.
*/
#ifndef SP_DIAG_H
#define SP_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "source.h"

/* Phases stop reporting after this many errors. */
#define SP_DIAG_MAX 50

/* A diagnostic copies what it shows (path, line text), so that it outlives
** the policy whose loading failed. */
typedef struct sp_diag {
    const char *code;          /* "E0202"; static storage */
    char *path;                /* heap-owned; the file, or NULL */
    size_t line, col;          /* 1-based; line 0 when not tied to a place; col in bytes */
    size_t char_col;           /* col in characters (UTF-8), as shown to people */
    size_t span;               /* bytes the caret line covers, at least 1 */
    char *line_text;           /* heap-owned copy of the source line, or NULL */
    char *message;             /* heap-owned */
    char *note;                /* heap-owned, or NULL */
    struct sp_diag *next;
} sp_diag;

typedef struct sp_diags {
    sp_diag *head, *tail;
    size_t count;
    bool oom;                  /* a diagnostic could not be recorded */
    bool dropped;              /* the last error was over the cap: drop its note */
} sp_diags;

void sp_diags_init(sp_diags *d);
void sp_diags_fini(sp_diags *d);
/* Records an error at a span. Returns false once SP_DIAG_MAX is reached. */
bool sp_diag_error(sp_diags *d, const char *code, const sp_source *src,
                   size_t start, size_t end, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Records an error about a whole file (no span), e.g. one that can't be read. */
bool sp_diag_file_error(sp_diags *d, const char *code, const char *path,
                        const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Attaches a note to the most recent error. */
void sp_diag_note(sp_diags *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Renders every diagnostic, gcc-style. */
void sp_diags_render(const sp_diags *d, sp_buf *out);

#endif
