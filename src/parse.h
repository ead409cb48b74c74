/*
** The rule-file front end: scanner (grammar/lexer.l) and parser
** (grammar/parser.y) turn one source file into a list of items.
*/
#ifndef SP_PARSE_H
#define SP_PARSE_H

#include <setjmp.h>
#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"

typedef struct sp_span {
    size_t start, end;        /* byte offsets in the source */
} sp_span;

/* A comment, kept only when asked for (the formatter needs them). */
typedef struct sp_comment {
    size_t start, end;        /* from the '#' to the end of its line, line break excluded */
    struct sp_comment *next;
} sp_comment;

/* State shared by the scanner and the parser while one file is read. */
/* The parser's stack depth: brackets, operators and conditions open at once.
** The checker then allows expressions SP_MAX_EXPR_DEPTH deep (check.h). */
#define SP_MAX_PARSE_DEPTH 10000

typedef struct sp_parse_ctx {
    sp_arena *arena;          /* the policy's arena: every node lives there */
    const sp_source *src;
    sp_diags *diags;
    size_t offset;            /* scanner position in bytes */
    sp_item *head, *tail;     /* items parsed so far, in file order */
    bool keep_comments;       /* record comments in comments (sp_parse_source_comments) */
    sp_comment *comments, *comments_tail; /* in file order */
    bool failed;              /* a syntax or scanner error was reported */
    bool oom;                 /* an allocation failed */
    bool too_deep;            /* the parser's stack reached SP_MAX_PARSE_DEPTH */
    jmp_buf on_fatal;         /* where the scanner's fatal errors (out of memory) return */
    void *scanner_blocks[8];  /* the scanner's live allocations (lexer.l), freed after a fatal error */
} sp_parse_ctx;

typedef enum sp_parse_status {
    SP_PARSE_OK,
    SP_PARSE_ERRORS,          /* syntax errors, reported in the diagnostics */
    SP_PARSE_OOM              /* out of memory */
} sp_parse_status;

/* Parses src. Items are appended to *items (arena-owned). */
sp_parse_status sp_parse_source(sp_arena *arena, const sp_source *src, sp_diags *diags,
                                sp_item **items);
/* As sp_parse_source, and the file's comments, in order, go to *comments
** (arena-owned). */
sp_parse_status sp_parse_source_comments(sp_arena *arena, const sp_source *src,
                                         sp_diags *diags, sp_item **items,
                                         sp_comment **comments);

#endif
