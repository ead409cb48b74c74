/*
** The syntax tree of rule files, as the parser builds it and the checker
** annotates it (types, resolved symbols). Arena-owned by the policy.
*/
#ifndef SP_AST_H
#define SP_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "num.h"
#include "source.h"

typedef enum sp_expr_kind {
#define X(k, s) SP_EXPR_##k,
#include "ast.def"
#undef X
    SP_EXPR__COUNT
} sp_expr_kind;

const char *sp_expr_kind_name(sp_expr_kind k);

typedef enum sp_cmp_op {
    SP_CMP_EQ, SP_CMP_NE, SP_CMP_LT, SP_CMP_LE, SP_CMP_GT, SP_CMP_GE
} sp_cmp_op;

typedef enum sp_unit {
    SP_UNIT_DAYS, SP_UNIT_WEEKS, SP_UNIT_MONTHS, SP_UNIT_YEARS
} sp_unit;

typedef enum sp_type_kind {
    SP_TYPE_ERROR,    /* already reported; suppresses follow-on errors */
    SP_TYPE_BOOL,
    SP_TYPE_WHOLE,    /* whole number */
    SP_TYPE_MONEY,
    SP_TYPE_DATE,
    SP_TYPE_TEXT,
    SP_TYPE_ENUM,
    SP_TYPE_LIST,
    SP_TYPE_DURATION,
    SP_TYPE_NULL,     /* the type of the literal null */
    SP_TYPE_NUMLIT,   /* a decimal literal: becomes money or stays a number */
    SP_TYPE_NAMED     /* parser only: a type written by name, resolved by the checker */
} sp_type_kind;

typedef struct sp_ident {
    const char *name;
    size_t start, end;
    struct sp_ident *next;
} sp_ident;

typedef struct sp_enum {
    const char *name;         /* the type's name, or the fact/output it belongs to */
    const char **values;      /* in declaration order */
    size_t n_values;
} sp_enum;

typedef struct sp_type {
    sp_type_kind kind;
    bool nullable;            /* "or null" */
    sp_enum *enumt;           /* SP_TYPE_ENUM */
    struct sp_type *elem;     /* SP_TYPE_LIST */
    /* parser-only */
    const char *name;         /* SP_TYPE_NAMED */
    sp_ident *values;         /* an inline "one of" before resolution */
    size_t start, end;
} sp_type;

typedef struct sp_expr sp_expr;

struct sp_expr {
    sp_expr_kind kind;
    size_t start, end;        /* byte span in the rule file */
    sp_expr *a, *b, *c;       /* operands (IF: cond, then, else) */
    sp_expr *next_item;       /* parser only: chains the items of a list */
    sp_expr **args;           /* CALL, LIST, ONE_OF items */
    size_t n_args;
    const char *name;         /* NAME, CALL */
    const char *text;         /* TEXT (NUL-terminated, may not hold NUL) */
    size_t text_len;
    sp_num num;               /* NUMBER */
    bool is_decimal;          /* NUMBER written with a point */
    bool boolean;             /* BOOL */
    sp_date date;             /* DATE */
    int64_t count;            /* DURATION count, BIRTHDAY ordinal */
    int op;                   /* CMP: sp_cmp_op; DURATION: sp_unit; ROUND: sp_round_mode;
                                 NEXT_DATE: the month (1-12), with the day in count */
    int64_t scale;            /* ROUND: 100 for penny, 1 for pound */
    sp_ident *round_words;    /* ROUND: the words as written, checked later */
    bool parens;              /* written in parentheses (kept by the formatter) */
    /* filled by the checker */
    sp_type type;
    int sym;                  /* NAME: symbol index; INDEX: table symbol */
    int enum_value;           /* NAME resolved as an enumeration value: its index, else -1 */
    int builtin;              /* CALL: sp_builtin */
};

typedef enum sp_annot_kind { SP_ANNOT_CITES, SP_ANNOT_ASSUME } sp_annot_kind;

typedef struct sp_annot {
    sp_annot_kind kind;
    const char *text;         /* the section cited, or the assumption */
    const char *document;     /* CITES ... in "DOCUMENT"; NULL: the policy's source */
    size_t start, end;
    size_t text_start, text_end; /* the literal of text, as written */
    size_t doc_start;         /* the document's literal, which ends at end */
    int id;                   /* ASSUME: index into the policy's assumptions */
    struct sp_annot *next;
} sp_annot;

typedef struct sp_branch {
    sp_expr *cond;            /* NULL for otherwise */
    sp_expr *value;
    sp_annot *annots;
    size_t start, end;
    struct sp_branch *next;
} sp_branch;

typedef struct sp_pair {
    const char *name;         /* a fact or output name, or a table key */
    size_t start, end;
    sp_expr *value;
    struct sp_pair *next;
} sp_pair;

/* One dated value of a figure or table: in force from a date. */
typedef struct sp_version {
    sp_expr *from;            /* the date it takes effect; NULL for an undated figure */
    sp_expr *value;           /* FIGURE: its value */
    struct sp_pair *entries;  /* TABLE: its rows */
    struct sp_version *next;
} sp_version;

typedef enum sp_item_kind {
    SP_ITEM_POLICY,    /* policy "name" */
    SP_ITEM_VERSION,   /* version "..." */
    SP_ITEM_SOURCE,    /* source "document short name" */
    SP_ITEM_EXTENDS,   /* extends "other" */
    SP_ITEM_REFERENCE, /* reference fact */
    SP_ITEM_IN_FORCE,  /* figures in force on fact */
    SP_ITEM_TYPE,      /* type name: ... */
    SP_ITEM_FACT,
    SP_ITEM_FIGURE,
    SP_ITEM_TABLE,
    SP_ITEM_OUTPUT,
    SP_ITEM_VALUE,
    SP_ITEM_RULE,
    SP_ITEM_EXAMPLE
} sp_item_kind;

typedef struct sp_item {
    sp_item_kind kind;
    const sp_source *src;
    size_t start, end;        /* the item's first token */
    const char *name;         /* declared name; POLICY..EXTENDS: the string */
    size_t name_start, name_end;
    sp_type *type;            /* TYPE, FACT, FIGURE, TABLE (value type), OUTPUT, VALUE */
    const char *description;  /* optional text after a declaration */
    size_t desc_start, desc_end; /* its literal, as written */
    /* FACT */
    bool required;
    sp_expr *default_value;
    int64_t at_most;          /* list facts: most items, -1 when unbounded */
    size_t at_most_start, at_most_end; /* its number, as written */
    sp_expr *from, *to;       /* date facts: allowed range, or NULL */
    /* FIGURE */
    sp_expr *value;
    sp_version *versions;     /* FIGURE, TABLE: dated values, oldest first (else NULL) */
    /* TABLE */
    const char *key_type;     /* the enumeration the table is keyed by */
    size_t key_start, key_end;
    sp_pair *entries;
    /* RULE and VALUE */
    const char *target;       /* RULE: the output it decides or the rule it replaces */
    size_t target_start, target_end;
    bool replaces;
    sp_annot *annots;         /* rule-level cites and assumptions */
    sp_branch *branches;      /* "= expr" is one otherwise branch */
    /* EXAMPLE */
    sp_pair *given, *expect;
    struct sp_item *next;
} sp_item;

#endif
