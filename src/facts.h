/*
** The case reader: a parsed JSON case -> typed values in the policy's fact
** slots. It knows facts only from the policy's declarations.
*/
#ifndef SP_FACTS_H
#define SP_FACTS_H

#include <stdbool.h>

#include "json.h"
#include "policy.h"
#include "stayput.h"
#include "value.h"

/* A node of the tree of dotted fact names: "person" holds
** "born", ... Built once per policy. */
typedef struct sp_fact_group {
    const char *segment;           /* this node's part of the name */
    size_t seg_len;                /* its length (no NUL inside) */
    int fact;                      /* the fact symbol at this node, or -1 */
    struct sp_fact_group **kids;   /* sorted by segment */
    size_t n_kids;
    struct sp_fact_group **slots;  /* the kids again, hashed by their segment for */
    size_t mask;                   /* reading a case: slots[mask + 1], open addressing */
    const char *quoted;            /* "segment": as a case's key, for the key guessed */
    size_t quoted_len;             /* by the fast reader; NULL when JSON would escape it */
    struct sp_fact_hint *hint;     /* the key order of the last case read (facts.c) */
} sp_fact_group;

/* Builds p->fact_root. False when out of memory. */
bool sp_facts_prepare(sp_policy *p);

/* Reads the case `root` into values[fact slot] (arena-owned values), applying
** defaults. Returns false with err filled (code, message, path) on the first
** problem. When partial, a missing required fact is no problem: its slot
** holds an undetermined value that needs that fact alone. */
bool sp_facts_read(const sp_policy *p, const sp_json *root, sp_arena *a,
                   sp_value *values, bool partial, sp_case_error *err);

/* The same, straight from the case's text json[0..len), for the cases it is
** sure of (strict JSON, known keys given once, values of the declared types,
** strings of ASCII without escapes or control characters): true with the values read and,
** when the reference fact is given as a string, err->case_id and
** err->has_case_id set as for a case read the slow way. False, writing
** nothing to err, for anything else, however valid or not: then read the
** case with sp_json_parse and sp_facts_read, which say what is wrong. */
bool sp_facts_read_fast(const sp_policy *p, const char *json, size_t len, sp_arena *a,
                        sp_value *values, bool partial, sp_case_error *err);

#endif
