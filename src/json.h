/*
** A strict RFC 8259 JSON reader into an arena-owned tree that keeps the
** exact text of every number and the byte offset of every value, rejects
** duplicate keys, and bounds nesting depth. No floating point anywhere.
*/
#ifndef SP_JSON_H
#define SP_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef enum sp_json_kind {
    SP_JSON_NULL,
    SP_JSON_BOOL,
    SP_JSON_NUMBER, /* text kept verbatim in str/len */
    SP_JSON_STRING, /* decoded UTF-8 in str/len (may contain NUL if \u0000) */
    SP_JSON_ARRAY,
    SP_JSON_OBJECT
} sp_json_kind;

typedef struct sp_json sp_json;
typedef struct sp_json_member sp_json_member;

struct sp_json_member {
    const char *key;      /* decoded, NUL-terminated */
    size_t key_len;
    size_t key_offset;    /* byte offset of the key's opening quote */
    sp_json *value;
};

struct sp_json {
    sp_json_kind kind;
    size_t offset;        /* byte offset of the value's first character */
    bool boolean;         /* SP_JSON_BOOL */
    const char *str;      /* SP_JSON_NUMBER, SP_JSON_STRING: NUL-terminated */
    size_t len;
    sp_json **items;      /* SP_JSON_ARRAY */
    size_t n_items;
    sp_json_member *members; /* SP_JSON_OBJECT, in input order */
    size_t n_members;
};

typedef enum sp_json_error_kind {
    SP_JSON_OK,
    SP_JSON_ERR_SYNTAX,     /* malformed JSON (message says what was expected) */
    SP_JSON_ERR_EMPTY,      /* no value at all (empty or only white space) */
    SP_JSON_ERR_DEPTH,      /* nesting deeper than the limit */
    SP_JSON_ERR_DUPLICATE,  /* a key given twice in one object */
    SP_JSON_ERR_OOM         /* out of memory */
} sp_json_error_kind;

typedef struct sp_json_error {
    sp_json_error_kind kind;
    size_t offset;        /* byte offset where the problem is */
    char message[160];    /* e.g. "expected ',' or '}' after an object member" */
    char path[256];       /* for SP_JSON_ERR_DUPLICATE: dotted path of the key,
                             list elements as [N], e.g. "person.incomes[2]" */
} sp_json_error;

#define SP_JSON_MAX_DEPTH 64

/* Parses text[0..len) as exactly one JSON value surrounded only by white
** space. Strings must be valid UTF-8 (invalid UTF-8 is a syntax error).
** Returns the tree (arena-owned) or NULL with *err filled in. */
sp_json *sp_json_parse(sp_arena *arena, const char *text, size_t len,
                       sp_json_error *err);

/* Line and column (1-based, column in bytes) of a byte offset. */
void sp_json_line_col(const char *text, size_t len, size_t offset,
                      size_t *line, size_t *col);

#endif
