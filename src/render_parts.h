/*
** The pieces of render.c that the other renderers (render_html.c) build on,
** so that a value, a rule's source or a branch reads the same in every format.
*/
#ifndef SP_RENDER_PARTS_H
#define SP_RENDER_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "eval.h"
#include "policy.h"

/* A value as the decision's JSON writes it (money as a string with two
** decimals, or every decimal it has; dates as "YYYY-MM-DD"; undetermined as
** "undetermined"), which the case reader reads back to the same value. */
void sp_render_value_json(const sp_policy *p, const sp_type *t, const sp_value *v, sp_buf *out);
/* A value as text for people (no quotes around text; money with two decimals). */
void sp_render_value_text(const sp_policy *p, const sp_type *t, const sp_value *v, sp_buf *out);
/* What rule result rr read from symbol s (a dated figure: the value in force);
** NULL for a table. Engine-owned. */
const sp_value *sp_render_used_value(const sp_engine *e, const sp_rule_result *rr,
                                     const sp_symbol *s);
/* The citations of rule r as used: its own, then those of branch `branch`
** (none when -1), "; " joined. */
void sp_render_rule_cites(const sp_rule *r, int branch, sp_buf *out);
/* "FILE:LINE" of a rule. */
void sp_render_rule_source(const sp_rule *r, sp_buf *out);
/* An expression of rule r as written, white space folded. */
void sp_render_expr_text(const sp_rule *r, const sp_expr *x, sp_buf *out);
/* The line of a rule's branch. */
size_t sp_render_branch_line(const sp_rule *r, int branch);
/* Whether the rule's value is a present(...) list, explained item by item. */
bool sp_render_by_items(const sp_engine *e, int rule);
/* "fact", "figure", "table", "output", "value". */
const char *sp_render_kind_word(sp_sym_kind k);
/* Whether any rule worked out for the case read fact symbol sym. */
bool sp_render_fact_read(const sp_engine *e, int sym);

/* The HTML page of the case e just decided (render_html.c). */
void sp_render_html(const sp_engine *e, const sp_eval_options *opt, sp_buf *out);

#endif
