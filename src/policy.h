/*
** A loaded, checked policy: its layers (a council and the policies it
** extends), symbols resolved to slots, rules, assumptions and examples.
** Everything is owned by the policy's arena.
*/
#ifndef SP_POLICY_H
#define SP_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "value.h"

typedef enum sp_sym_kind {
    SP_SYM_FACT,
    SP_SYM_FIGURE,
    SP_SYM_TABLE,
    SP_SYM_TYPE,
    SP_SYM_OUTPUT,
    SP_SYM_VALUE
} sp_sym_kind;

typedef struct sp_layer {
    const char *name;         /* as declared by `policy "..."` */
    const char *dir;          /* the folder, as found */
    const char *version;      /* `version "..."`, or "" */
    const char *document;     /* `source "..."`: the cited document's short name */
    sp_source **files;        /* sorted by name */
    size_t n_files;
    sp_item *items;           /* every item of every file, file by file */
    int index;                /* 0 for the root base policy */
} sp_layer;

/* A piece of JSON rendered once at load (render.c), with its length so that
** a case appends it without a strlen. Arena-owned. */
typedef struct sp_frag {
    const char *s;            /* the bytes, NUL-terminated */
    size_t len;               /* their number, without the NUL */
} sp_frag;

typedef struct sp_symbol {
    const char *name;
    sp_sym_kind kind;
    sp_item *item;            /* the declaration */
    sp_type *type;            /* resolved type (TABLE: the value type) */
    int layer;
    int slot;                 /* FACT: fact index; OUTPUT/VALUE: deciding rule index */
    sp_value constant;        /* FIGURE: its value (the latest, when dated) */
    sp_value *table;          /* TABLE: one value per key value, by enum index (the latest) */
    bool dated;               /* FIGURE, TABLE: its values are in force from dates */
    size_t n_versions;        /* FIGURE, TABLE: 1 when undated */
    sp_date *version_from;    /* when each version takes effect, oldest first */
    sp_value *version_value;  /* FIGURE: each version's value */
    sp_value **version_table; /* TABLE: each version's rows */
    sp_enum *table_key;       /* TABLE: the enumeration of its keys */
    int output_index;         /* OUTPUT: position in the decision, else -1 */
    /* facts: where a case holds it */
    bool required;
    sp_value default_value;
    int64_t at_most;          /* lists: most items, -1 unbounded */
    bool has_range;
    sp_date range_from, range_to;
} sp_symbol;

/* What render.c writes once at load for a rule: the parts of its reason
** entries and trace steps that are the same for every case. */
typedef struct sp_rule_json {
    sp_frag name;             /* its name as a JSON string */
    sp_frag source;           /* "FILE:LINE" as a JSON string */
    sp_frag *cites;           /* per branch: its citations as used, a JSON string */
    sp_frag cites_own;        /* the rule's own citations, a JSON string */
    sp_frag *reason;          /* per branch: {"rule": ..., "source": ..., "cites": ... */
    sp_frag *reason_plain;    /* per branch: the whole entry when the result has no
                                 assumption, no dated figure and is decided:
                                 reason and , "assumptions": []} */
    sp_frag reason_own;       /* as reason, with the rule's own cites only
                                 (an undetermined condition took no branch) */
    sp_frag *trace_step;      /* per branch: its trace step up to the value,
                                 {"name": ... "cites": ..., "value":  */
} sp_rule_json;

typedef struct sp_rule {
    const char *name;
    sp_item *item;
    int target;               /* the symbol (output or value) it decides */
    int replaces;             /* rule index it replaces, or -1 */
    int replaced_by;          /* rule index that replaces it, or -1 */
    int layer;
    const char *cites;        /* rule-level citations, document prefixed, "; " joined */
    const char **branch_cites;/* per branch: its own citations, or NULL */
    size_t n_branches;
    sp_branch **branches;     /* in order; the last is the otherwise branch */
    uint64_t *assumes;        /* rule-level assumptions, a bitset */
    uint64_t **branch_assumes;/* per branch assumptions, a bitset each */
    size_t line;              /* line of the `rule`/`value` keyword */
    struct sp_rule_json *json;/* written once at load by render.c */
} sp_rule;

/* An output as the decision's JSON shows it, ready at load (render.c): what
** each case looks up for it, side by side. */
typedef struct sp_output_json {
    sp_frag key;              /* , "name": */
    int rule;                 /* the rule that decides it (its symbol's slot) */
    const sp_type *type;      /* its symbol's type */
    const sp_frag *enum_json; /* its symbol's enum_json */
    sp_frag *reasons;         /* per branch of its rule: its whole reasons when that
                                 rule's plain entry is all of them,
                                 , "name": [reason_plain]  (.s NULL for a branch
                                 of present(...), explained item by item) */
} sp_output_json;

typedef struct sp_policy {
    sp_arena arena;
    sp_layer *layers;         /* base first; the last is the policy itself */
    size_t n_layers;
    sp_symbol *syms;
    size_t n_syms;
    void *sym_index;          /* uthash table name -> symbol, load time only */
    sp_rule *rules;
    size_t n_rules;
    int *facts;               /* symbol index of each fact, by fact slot */
    size_t n_facts;
    int *outputs;             /* symbol index of each output, in decision order */
    size_t n_outputs;
    const char **assumptions; /* texts, by assumption id */
    size_t n_assumptions;
    size_t assume_words;      /* uint64_t words in an assumption bitset */
    sp_item **examples;       /* the top layer's examples */
    size_t n_examples;
    int reference;            /* the fact symbol naming the case, or -1 */
    int in_force;             /* the date fact that picks dated figures, or -1 */
    char digest[72];          /* "sha256:" and 64 hex digits */
    struct sp_fact_group *fact_root; /* dotted fact names as a tree (facts.c) */
    bool oom;                 /* an allocation failed while loading */
    /* written once at load by render.c: what every decision repeats */
    sp_frag decision_head;    /* , "council": ..., "policy": {...}, "decision": { */
    sp_output_json *output_json; /* per output, in decision order */
    sp_frag *assumption_json; /* per assumption: a JSON list of its text alone, ["..."] */
    sp_frag *sym_key;         /* per symbol: its name as a JSON key, with its
                                 separator, as an output's key:  , "name":  */
    sp_frag **enum_json;      /* per symbol of an enumeration type (or a list of
                                 one): each value as a JSON string; else NULL */
} sp_policy;

int sp_policy_lookup(const sp_policy *p, const char *name);

#endif
