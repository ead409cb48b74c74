/*
** The checker: declares symbols across a policy's layers, resolves names to
** slots, type-checks every rule, orders rule replacements, rejects cycles,
** and checks the examples. Reports every problem into the diagnostics.
*/
#ifndef SP_CHECK_H
#define SP_CHECK_H

#include <stdbool.h>

#include "diag.h"
#include "policy.h"

typedef enum sp_builtin {
#define X(k, name, lo, hi) SP_BUILTIN_##k,
#include "builtins.def"
#undef X
    SP_BUILTIN__COUNT
} sp_builtin;

/* How deep one expression may nest (E0105), and how deep a chain of rules,
** each rule counted with its expressions, may go (E0415): the checker and the
** evaluator recurse that far, on the stack of a thread. */
#define SP_MAX_EXPR_DEPTH 256
#define SP_MAX_EVAL_DEPTH 2048

/* How deep an expression's tree goes (a leaf is 1), counted without
** recursion: a long `1 + 1 + ...` builds a deep tree without deepening the
** parser's stack. 0, with *oom set, when out of memory. */
size_t sp_expr_depth(const sp_expr *root, bool *oom);

/* Checks p (layers loaded, items parsed). Returns false when any error was
** reported. */
bool sp_check_policy(sp_policy *p, sp_diags *d);

/* Reads a constant (an example's value, a default) of the given type.
** Returns false after reporting an error at the expression. */
bool sp_check_constant(sp_policy *p, sp_diags *d, const sp_source *src,
                       const sp_expr *e, const sp_type *type, sp_value *out);

/* The type as the language writes it ("money or null"), into buf. */
const char *sp_type_name(const sp_type *t, char *buf, size_t size);

#endif
