/*
** The evaluator: (policy, facts) -> a value for every output, with what each
** rule used. Lazy and memoised per rule; prints nothing (render.c does).
*/
#ifndef SP_EVAL_H
#define SP_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "policy.h"
#include "stayput.h"
#include "value.h"

/* A dated figure or table read by a rule: the value taken and the version
** (so the date it took effect) that was in force. */
typedef struct sp_dated_use {
    int sym;
    size_t version;
    sp_value value;
} sp_dated_use;

typedef enum sp_rule_state { SP_RULE_PENDING, SP_RULE_RUNNING, SP_RULE_DONE } sp_rule_state;

/* What one rule gave for the case at hand. */
typedef struct sp_rule_result {
    sp_rule_state state;
    int branch;               /* the branch that decided */
    bool undetermined_at;     /* partial: the condition of `branch` was undetermined */
    bool used_base;           /* the rule read `base` */
    sp_value value;
    uint64_t *assumes;        /* assumptions used, its own and those of what it read: */
    uint64_t assume_word;     /* here when one word holds them all, else in the arena */
    struct sp_dated_use *dated; /* dated figures and tables read: which value, from when */
    size_t n_dated, cap_dated;
    int *item_rules;          /* present(): the rules of the values kept, which explain it */
    size_t n_item_rules;
    int *uses;                /* symbols read, in first-read order */
    size_t n_uses, cap_uses;
} sp_rule_result;

struct sp_engine {
    const sp_policy *p;
    sp_arena arena;           /* per case: reset before each */
    sp_value *facts;          /* by fact slot */
    sp_rule_result *results;  /* by rule; heap-owned, kept from case to case */
    int *touched;             /* the rules whose results this case changed, to be */
    size_t n_touched;         /* cleared before the next (not all of them: most */
                              /* are never evaluated for a case) */
    int *order;               /* rules in the order they finished */
    size_t n_order;
    bool skip_uses;           /* nothing will read the results' uses: don't record them */
    bool slow_read;           /* read every case through a JSON tree, as for an error */
                              /* (tests compare the two readers) */
    /* an evaluation error */
    const char *err_code;
    char err_message[512];
    int err_rule;
    sp_status err_status;
};

/* Prepares e for a new case: resets the arena and the rule results. */
bool sp_eval_begin(sp_engine *e);
/* Evaluates every output. False with e->err_* set on failure. */
bool sp_eval_outputs(sp_engine *e);
/* Evaluates one rule (and what it needs). */
bool sp_eval_rule(sp_engine *e, int rule);
/* Equality of two values of one type. */
bool sp_value_equal(const sp_value *a, const sp_value *b);

#endif
