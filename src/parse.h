/*
** The rule-file front end: scanner (grammar/lexer.l) and parser
** (grammar/parser.y) turn one source file into a list of items.
*/
#ifndef SP_PARSE_H
#define SP_PARSE_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"

typedef struct sp_span {
    size_t start, end;        /* byte offsets in the source */
} sp_span;

/* State shared by the scanner and the parser while one file is read. */
typedef struct sp_parse_ctx {
    sp_arena *arena;          /* the policy's arena: every node lives there */
    const sp_source *src;
    sp_diags *diags;
    size_t offset;            /* scanner position in bytes */
    sp_item *head, *tail;     /* items parsed so far, in file order */
    bool failed;              /* a syntax or scanner error was reported */
    bool oom;                 /* an allocation failed */
} sp_parse_ctx;

/* Parses src. Items are appended to *items (arena-owned). Returns false when
** any error was reported (the diagnostics say which). */
bool sp_parse_source(sp_arena *arena, const sp_source *src, sp_diags *diags,
                     sp_item **items);

#endif
