/*
** Rendering decisions: the JSON of contract section 2, the text an auditor
** reads, the trace, batch error records; and running a policy's examples.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "coverage.h"
#include "eval.h"
#include "facts.h"
#include "json.h"
#include "receipt.h"
#include "render.h"
#include "render_parts.h"
#include "stayput.h"

/* ---- values ---- */

static inline void put_frag(sp_buf *out, sp_frag f)
{
    sp_buf_append(out, f.s, f.len);
}

/* s between quotes, as it is: for bytes known to need no escaping. One
** capacity check in the usual case, where the buffer has room. */
static inline void put_quoted(sp_buf *out, const char *s, size_t n)
{
    if (n + 2 < out->cap - out->len && !out->oom) {
        char *d = out->data + out->len;
        d[0] = '"';
        memcpy(d + 1, s, n);
        d[n + 1] = '"';
        d[n + 2] = '\0';
        out->len += n + 2;
        return;
    }
    sp_buf_putc(out, '"');
    sp_buf_append(out, s, n);
    sp_buf_putc(out, '"');
}

/* Text as a JSON string. Text with nothing to escape (a case id, a name:
** nearly all) is found so eight bytes at a time and copied at once; the
** rest goes through the escaper. */
static void text_json(sp_buf *out, const char *s, size_t n)
{
    uint64_t flags = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        flags |= sp_json_escape_flags(w);
    }
    for (; i < n; i++)
        flags |= (unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\';
    if (flags)
        sp_buf_json_string(out, s, n);
    else
        put_quoted(out, s, n);
}

/* Money in whole pence (nearly all money) as a JSON string; false, having
** written nothing, for any other amount. Digits, '.' and '-' need no
** escaping, so the quotes go round the digits as they are. */
static inline bool put_pence(sp_buf *out, sp_num n)
{
    if (n.num == 0) {   /* the commonest amount of all */
        sp_buf_puts(out, "\"0.00\"");
        return true;
    }
    char q[32], *end = q + sizeof q - 1;
    size_t len = sp_num_format_pence(n, end);
    if (!len)
        return false;
    *end = '"';
    end[-(ptrdiff_t)len - 1] = '"';
    sp_buf_append(out, end - len - 1, len + 2);
    return true;
}

/* A value as JSON. ej: the values of t's enumeration already as JSON
** strings (the policy's enum_json of the symbol whose value this is), or NULL
** to escape them. */
static void value_json_enum(const sp_policy *p, const sp_type *t, const sp_frag *ej, const sp_value *v,
                            sp_buf *out)
{
    char num[96];
    size_t n;
    switch (v->kind) {
    case SP_VAL_NULL:
        sp_buf_puts(out, "null");
        return;
    case SP_VAL_BOOL:
        sp_buf_puts(out, v->u.b ? "true" : "false");
        return;
    case SP_VAL_NUM:
        if (t && t->kind == SP_TYPE_MONEY) {
            if (put_pence(out, v->u.n))
                return;
            if (sp_num_format_fixed(v->u.n, 2, num)) {
                sp_buf_json_string(out, num, strlen(num));
                return;
            }
        } else if ((n = sp_num_format_whole(v->u.n, num + sizeof num))) {
            sp_buf_append(out, num + sizeof num - n, n);   /* a whole number, the usual case */
            return;
        }
        if (sp_num_format_int(v->u.n, num)) {
            sp_buf_puts(out, num);
        } else {
            sp_num_format_exact(v->u.n, num);
            sp_buf_json_string(out, num, strlen(num));
        }
        return;
    case SP_VAL_DATE: {
        char d[11];
        sp_date_format(v->u.d, d);
        put_quoted(out, d, 10);   /* digits and '-' */
        return;
    }
    case SP_VAL_TEXT:
        text_json(out, v->u.text.s, v->u.text.len);
        return;
    case SP_VAL_ENUM: {
        if (ej && t && t->kind == SP_TYPE_ENUM) {
            put_frag(out, ej[v->u.e]);
            return;
        }
        const char *s = t && t->kind == SP_TYPE_ENUM ? t->enumt->values[v->u.e] : "?";
        sp_buf_json_string(out, s, strlen(s));
        return;
    }
    case SP_VAL_LIST:
        sp_buf_putc(out, '[');
        for (size_t i = 0; i < v->u.list.n; i++) {
            if (i)
                sp_buf_puts(out, ", ");
            value_json_enum(p, t && t->kind == SP_TYPE_LIST ? t->elem : NULL, ej, &v->u.list.items[i], out);
        }
        sp_buf_putc(out, ']');
        return;
    case SP_VAL_DURATION:
        sp_buf_printf(out, "\"%lld months %lld days\"", (long long)v->u.dur.months, (long long)v->u.dur.days);
        return;
    case SP_VAL_UNDETERMINED:   /* whatever the type (contract section 7) */
        sp_buf_puts(out, "\"undetermined\"");
        return;
    }
}

static void value_json(const sp_policy *p, const sp_type *t, const sp_value *v, sp_buf *out)
{
    value_json_enum(p, t, NULL, v, out);
}

/* A value of type t, ej its enumeration's values pre-rendered (or NULL).
** The usual kinds of output, money in whole pence, an enumeration's value,
** a truth value and null, are written here, without a call. */
static inline void typed_value_json(const sp_policy *p, const sp_type *t, const sp_frag *ej, const sp_value *v,
                                    sp_buf *out)
{
    switch (v->kind) {
    case SP_VAL_NUM:
        if (t && t->kind == SP_TYPE_MONEY && put_pence(out, v->u.n))
            return;
        break;
    case SP_VAL_ENUM:
        if (ej && t->kind == SP_TYPE_ENUM) {
            put_frag(out, ej[v->u.e]);
            return;
        }
        break;
    case SP_VAL_BOOL:
        if (v->u.b)
            sp_buf_puts(out, "true");
        else
            sp_buf_puts(out, "false");
        return;
    case SP_VAL_NULL:
        sp_buf_puts(out, "null");
        return;
    default:
        break;
    }
    value_json_enum(p, t, ej, v, out);
}

/* The value of symbol sym, of its type. */
static inline void sym_value_json(const sp_policy *p, int sym, const sp_value *v, sp_buf *out)
{
    typed_value_json(p, p->syms[sym].type, p->enum_json ? p->enum_json[sym] : NULL, v, out);
}

/* The value as text for people: no quotes around text. */
static void value_text(const sp_policy *p, const sp_type *t, const sp_value *v, sp_buf *out)
{
    if (v->kind == SP_VAL_TEXT) {
        sp_buf_append(out, v->u.text.s, v->u.text.len);
        return;
    }
    if (v->kind == SP_VAL_ENUM || v->kind == SP_VAL_DATE || v->kind == SP_VAL_UNDETERMINED ||
        (v->kind == SP_VAL_NUM && t && t->kind == SP_TYPE_MONEY)) {
        sp_buf tmp;
        sp_buf_init(&tmp);
        value_json(p, t, v, &tmp);
        if (tmp.len >= 2)
            sp_buf_append(out, tmp.data + 1, tmp.len - 2);
        if (tmp.oom)
            out->oom = true;
        sp_buf_fini(&tmp);
        return;
    }
    value_json(p, t, v, out);
}

/* ---- pieces shared by the formats ---- */

/* What a name stood for in this case; NULL for a table (it has no one value). */
static const sp_value *symbol_value(const sp_engine *e, const sp_symbol *s)
{
    switch (s->kind) {
    case SP_SYM_FACT: return &e->facts[s->slot];
    case SP_SYM_FIGURE: return &s->constant;
    case SP_SYM_OUTPUT:
    case SP_SYM_VALUE: return &e->results[s->slot].value;
    default: return NULL;
    }
}

/* What a rule read from a name: a dated figure's value is the one that was in
** force for this case. */
static const sp_value *used_value(const sp_engine *e, const sp_rule_result *rr, const sp_symbol *s)
{
    if (s->dated) {
        for (size_t i = 0; i < rr->n_dated; i++)
            if (&e->p->syms[rr->dated[i].sym] == s)
                return s->kind == SP_SYM_FIGURE ? &rr->dated[i].value : NULL;
        return NULL;
    }
    return symbol_value(e, s);
}

static void rule_source(const sp_rule *r, sp_buf *out)
{
    sp_buf_printf(out, "%s:%zu", r->item->src->path, r->line);
}

/* Citations of a rule as used: its own, then those of the branch taken. */
void sp_render_rule_cites(const sp_rule *r, int branch, sp_buf *out)
{
    const char *own = r->cites;
    const char *br = branch >= 0 ? r->branch_cites[branch] : NULL;
    if (own)
        sp_buf_puts(out, own);
    if (own && br)
        sp_buf_puts(out, "; ");
    if (br)
        sp_buf_puts(out, br);
}

/* Appends what was built in tmp as a JSON string, then empties tmp. A failed
** allocation in tmp fails out too, so nothing short is ever printed. */
static void put_json(sp_buf *out, sp_buf *tmp)
{
    if (tmp->oom)
        out->oom = true;
    sp_buf_json_string(out, tmp->data ? tmp->data : "", tmp->len);
    sp_buf_clear(tmp);
}

static void json_cstr(sp_buf *out, const char *s)
{
    sp_buf_json_string(out, s, strlen(s));
}

static bool no_bits(const uint64_t *bits, size_t words)
{
    uint64_t any = 0;
    for (size_t w = 0; w < words; w++)
        any |= bits[w];
    return !any;
}

/* The assumptions of a bitset in id order, each as rendered at load. The
** bits set are visited, not every id; a list of one, the usual case after
** none, is written whole. */
static void assumptions_json(const sp_policy *p, const uint64_t *bits, sp_buf *out)
{
    size_t found = 0, id = 0;   /* found: 0, 1, or 2 for more than one */
    for (size_t w = 0; w < p->assume_words && found < 2; w++)
        if (bits[w]) {
            found += bits[w] & (bits[w] - 1) ? 2 : 1;
            id = w * 64 + (size_t)__builtin_ctzll(bits[w]);
        }
    if (found == 0) {
        sp_buf_puts(out, "[]");
        return;
    }
    if (found == 1 && id < p->n_assumptions) {
        put_frag(out, p->assumption_json[id]);
        return;
    }
    sp_buf_putc(out, '[');
    bool first = true;
    for (size_t w = 0; w < p->assume_words; w++)
        for (uint64_t b = bits[w]; b; b &= b - 1) {
            size_t i = w * 64 + (size_t)__builtin_ctzll(b);
            if (i >= p->n_assumptions)
                break;
            if (!first)
                sp_buf_puts(out, ", ");
            sp_frag one = p->assumption_json[i];   /* ["text"]: the string within */
            sp_buf_append(out, one.s + 1, one.len - 2);
            first = false;
        }
    sp_buf_putc(out, ']');
}

/* ---- undetermined outputs (eval --partial) ---- */

static bool needs_fact(const uint64_t *missing, size_t slot)
{
    return missing[slot / 64] >> (slot % 64) & 1;
}

/* The missing facts an undetermined value needs, in declaration order. */
static void needs_json(const sp_policy *p, const sp_value *v, sp_buf *out)
{
    sp_buf_putc(out, '[');
    for (size_t i = 0, n = 0; i < p->n_facts; i++)
        if (needs_fact(v->u.missing, i)) {
            sp_buf_puts(out, n++ ? ", " : "");
            json_cstr(out, p->syms[p->facts[i]].name);
        }
    sp_buf_putc(out, ']');
}

static void needs_text(const sp_policy *p, const sp_value *v, sp_buf *out)
{
    for (size_t i = 0, n = 0; i < p->n_facts; i++)
        if (needs_fact(v->u.missing, i)) {
            sp_buf_puts(out, n++ ? ", " : "");
            sp_buf_puts(out, p->syms[p->facts[i]].name);
        }
}

typedef struct fact_need {
    const char *name;
    size_t outputs;           /* undetermined outputs that need it */
} fact_need;

static int by_outputs_then_name(const void *a, const void *b)
{
    const fact_need *x = a, *y = b;
    if (x->outputs != y->outputs)
        return x->outputs > y->outputs ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* The facts still needed, the one that settles most outputs first, then by
** name; arena-owned. *n is 0 when every output is decided. NULL when out of
** memory. */
static fact_need *facts_needed(sp_engine *e, size_t *n)
{
    const sp_policy *p = e->p;
    fact_need *list = sp_arena_alloc(&e->arena, (p->n_facts + 1) * sizeof *list);
    *n = 0;
    if (!list)
        return NULL;
    for (size_t i = 0; i < p->n_facts; i++) {
        size_t count = 0;
        for (size_t o = 0; o < p->n_outputs; o++) {
            const sp_value *v = &e->results[p->syms[p->outputs[o]].slot].value;
            count += v->kind == SP_VAL_UNDETERMINED && needs_fact(v->u.missing, i);
        }
        if (count)
            list[(*n)++] = (fact_need){ p->syms[p->facts[i]].name, count };
    }
    qsort(list, *n, sizeof *list, by_outputs_then_name);
    return list;
}

/* A key written at load, `, "name": ` (an output's or a symbol's), without
** its separator when it comes first. */
static inline void put_key(sp_buf *out, sp_frag key, bool first)
{
    sp_buf_append(out, key.s + (first ? 2 : 0), key.len - (first ? 2 : 0));
}

/* "needs": {"OUTPUT": ["FACT", ...]}, "facts_needed": [...] */
static void needs_top_json(const sp_engine *e, const fact_need *list, size_t n, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, ", \"needs\": {");
    bool first = true;
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_value *v = &e->results[p->output_json[i].rule].value;
        if (v->kind != SP_VAL_UNDETERMINED)
            continue;
        put_key(out, p->output_json[i].key, first);
        first = false;
        needs_json(p, v, out);
    }
    sp_buf_puts(out, "}, \"facts_needed\": [");
    for (size_t i = 0; i < n; i++) {
        sp_buf_puts(out, i ? ", " : "");
        json_cstr(out, list[i].name);
    }
    sp_buf_putc(out, ']');
}

/* The part of a reason entry that depends only on the rule and the branch
** taken: {"rule": ..., "source": ..., "cites": ...  It is the same for every
** case, so it is written once, when the policy is loaded, from the rule's
** pieces (j) and the citations of the branch (or the rule's own). */
static void reason_start(const sp_rule_json *j, sp_frag cites, sp_buf *out)
{
    sp_buf_puts(out, "{\"rule\": ");
    put_frag(out, j->name);
    sp_buf_puts(out, ", \"source\": ");
    put_frag(out, j->source);
    sp_buf_puts(out, ", \"cites\": ");
    put_frag(out, cites);
}

/* b's bytes as a fragment in the policy's arena; false when out of memory,
** now or while b was built. */
static bool keep(sp_policy *p, const sp_buf *b, sp_frag *f)
{
    f->s = b->oom ? NULL : sp_arena_strndup(&p->arena, b->data ? b->data : "", b->len);
    f->len = b->len;
    return f->s != NULL;
}

/* Each value of the enumeration that symbol s holds (a list: its items), as
** a JSON string; NULL (and true) when s holds none. */
static bool prepare_enum(sp_policy *p, const sp_symbol *s, sp_buf *b, sp_frag **out)
{
    const sp_type *t = s->type;
    while (t && t->kind == SP_TYPE_LIST)
        t = t->elem;
    *out = NULL;
    if (!t || t->kind != SP_TYPE_ENUM || !t->enumt)
        return true;
    const sp_enum *en = t->enumt;
    sp_frag *v = sp_arena_alloc(&p->arena, (en->n_values + 1) * sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < en->n_values; i++) {
        sp_buf_clear(b);
        json_cstr(b, en->values[i]);
        if (!keep(p, b, &v[i]))
            return false;
    }
    *out = v;
    return true;
}

static void step_start(const sp_policy *p, const sp_rule *ru, int branch, sp_frag cites, sp_buf *tmp,
                       sp_buf *out);

/* What tmp holds, as a JSON string kept in the policy's arena (b: scratch);
** tmp is emptied. */
static bool keep_json(sp_policy *p, sp_buf *tmp, sp_buf *b, sp_frag *f)
{
    sp_buf_clear(b);
    put_json(b, tmp);
    return keep(p, b, f);
}

/* Everything a decision repeats from case to case, rendered once. */
bool sp_render_prepare(sp_policy *p)
{
    sp_buf b;
    sp_buf_init(&b);
    /* , "council": ..., "policy": {...}, "decision": {   after the case_id */
    const sp_layer *top = &p->layers[p->n_layers - 1];
    sp_buf_puts(&b, ", \"council\": ");
    json_cstr(&b, top->name);
    sp_buf_puts(&b, ", \"policy\": {\"version\": ");
    json_cstr(&b, top->version);
    sp_buf_puts(&b, ", \"digest\": ");
    json_cstr(&b, p->digest);
    sp_buf_puts(&b, "}, \"decision\": {");
    bool ok = keep(p, &b, &p->decision_head);
    p->output_json = sp_arena_alloc(&p->arena, (p->n_outputs + 1) * sizeof *p->output_json);
    p->assumption_json = sp_arena_alloc(&p->arena, (p->n_assumptions + 1) * sizeof *p->assumption_json);
    p->enum_json = sp_arena_alloc(&p->arena, (p->n_syms + 1) * sizeof *p->enum_json);
    p->sym_key = sp_arena_alloc(&p->arena, (p->n_syms + 1) * sizeof *p->sym_key);
    ok = ok && p->output_json && p->assumption_json && p->enum_json && p->sym_key;
    for (size_t i = 0; i < p->n_assumptions && ok; i++) {
        sp_buf_clear(&b);
        sp_buf_putc(&b, '[');
        json_cstr(&b, p->assumptions[i]);
        sp_buf_putc(&b, ']');
        ok = keep(p, &b, &p->assumption_json[i]);
    }
    /* , "name":   each symbol's key, with its separator */
    for (size_t i = 0; i < p->n_syms && ok; i++) {
        ok = prepare_enum(p, &p->syms[i], &b, &p->enum_json[i]);
        sp_buf_clear(&b);
        sp_buf_puts(&b, ", ");
        json_cstr(&b, p->syms[i].name);
        sp_buf_puts(&b, ": ");
        ok = ok && keep(p, &b, &p->sym_key[i]);
    }
    for (size_t i = 0; i < p->n_outputs && ok; i++) {
        int sym = p->outputs[i];
        p->output_json[i] = (sp_output_json){ .key = p->sym_key[sym], .rule = p->syms[sym].slot,
                                              .type = p->syms[sym].type, .enum_json = p->enum_json[sym] };
    }
    /* tmp: scratch for the pieces that are escaped as a whole */
    sp_buf tmp;
    sp_buf_init(&tmp);
    for (size_t r = 0; r < p->n_rules && ok; r++) {
        sp_rule *ru = &p->rules[r];
        size_t n = ru->n_branches + 1;
        sp_rule_json *j = ru->json = sp_arena_alloc(&p->arena, sizeof *j);
        ok = j && (j->reason = sp_arena_alloc(&p->arena, n * sizeof *j->reason)) &&
             (j->reason_plain = sp_arena_alloc(&p->arena, n * sizeof *j->reason_plain)) &&
             (j->trace_step = sp_arena_alloc(&p->arena, n * sizeof *j->trace_step)) &&
             (j->cites = sp_arena_alloc(&p->arena, n * sizeof *j->cites));
        /* its pieces as JSON strings, each escaped once */
        if (ok) {
            json_cstr(&tmp, ru->name);   /* put_json would quote it twice */
            ok = keep(p, &tmp, &j->name);
            sp_buf_clear(&tmp);
            rule_source(ru, &tmp);
            ok = ok && keep_json(p, &tmp, &b, &j->source);
            sp_render_rule_cites(ru, -1, &tmp);
            ok = ok && keep_json(p, &tmp, &b, &j->cites_own);
        }
        for (size_t i = 0; i < ru->n_branches && ok; i++) {
            sp_render_rule_cites(ru, (int)i, &tmp);
            ok = keep_json(p, &tmp, &b, &j->cites[i]);
            sp_buf_clear(&b);
            reason_start(j, j->cites[i], &b);
            ok = ok && keep(p, &b, &j->reason[i]);
            /* the usual entry: nothing assumed, no dated figure, decided */
            sp_buf_puts(&b, ", \"assumptions\": []}");
            ok = ok && keep(p, &b, &j->reason_plain[i]);
            sp_buf_clear(&b);
            step_start(p, ru, (int)i, j->cites[i], &tmp, &b);
            ok = ok && keep(p, &b, &j->trace_step[i]);
        }
        if (ok) {
            sp_buf_clear(&b);
            reason_start(j, j->cites_own, &b);
            ok = keep(p, &b, &j->reason_own);
        }
    }
    if (tmp.oom)
        ok = false;
    sp_buf_fini(&tmp);
    for (size_t i = 0; i < p->n_outputs && ok; i++) {
        sp_output_json *o = &p->output_json[i];
        const sp_rule *ru = &p->rules[o->rule];
        o->reasons = sp_arena_alloc(&p->arena, (ru->n_branches + 1) * sizeof *o->reasons);
        ok = o->reasons != NULL;
        for (size_t k = 0; k < ru->n_branches && ok; k++) {
            const sp_expr *v = ru->branches[k]->value;
            if (v->kind == SP_EXPR_CALL && v->builtin == SP_BUILTIN_PRESENT)
                continue;   /* explained by its items (by_items) */
            sp_buf_clear(&b);
            put_frag(&b, o->key);
            sp_buf_putc(&b, '[');
            put_frag(&b, ru->json->reason_plain[k]);
            sp_buf_putc(&b, ']');
            ok = keep(p, &b, &o->reasons[k]);
        }
    }
    sp_buf_fini(&b);
    return ok;
}

/* The dated figures a rule read: each value and the date it took effect. */
static void dated_json(const sp_policy *p, const sp_rule_result *rr, sp_buf *out)
{
    if (!rr->n_dated)
        return;
    sp_buf_puts(out, ", \"figures\": [");
    for (size_t i = 0; i < rr->n_dated; i++) {
        const sp_dated_use *u = &rr->dated[i];
        const sp_symbol *s = &p->syms[u->sym];
        char from[11];
        sp_date_format(s->version_from[u->version], from);
        sp_buf_puts(out, i ? ", {\"figure\": " : "{\"figure\": ");
        json_cstr(out, s->name);
        sp_buf_puts(out, ", \"value\": ");
        value_json(p, s->type, &u->value, out);
        sp_buf_printf(out, ", \"in_force_from\": \"%s\"}", from);
    }
    sp_buf_putc(out, ']');
}

static void dated_text(const sp_policy *p, const sp_rule_result *rr, const char *indent, sp_buf *out)
{
    for (size_t i = 0; i < rr->n_dated; i++) {
        const sp_dated_use *u = &rr->dated[i];
        const sp_symbol *s = &p->syms[u->sym];
        char from[11];
        sp_date_format(s->version_from[u->version], from);
        sp_buf_printf(out, "%sfigure %s = ", indent, s->name);
        value_text(p, s->type, &u->value, out);
        sp_buf_printf(out, ", in force from %s\n", from);
    }
}

static void branch_text(const sp_rule *r, int branch, sp_buf *out);
static size_t branch_line(const sp_rule *r, int branch);

/* The branch an undetermined rule reached, and the facts it needs. */
static void undetermined_json(const sp_policy *p, const sp_rule *ru, const sp_rule_result *rr, sp_buf *out)
{
    sp_buf tmp;
    sp_buf_init(&tmp);
    branch_text(ru, rr->branch, &tmp);
    sp_buf_puts(out, ", \"branch\": ");
    put_json(out, &tmp);
    sp_buf_fini(&tmp);
    sp_buf_printf(out, ", \"branch_line\": %zu, \"needs\": ", branch_line(ru, rr->branch));
    needs_json(p, &rr->value, out);
}

/* Whether a rule's reason entry is its branch's reason_plain: nothing
** assumed, no dated figure read, decided by the branch taken. */
static inline bool plain_result(const sp_policy *p, const sp_rule_result *rr)
{
    return !rr->undetermined_at && !rr->n_dated && rr->value.kind != SP_VAL_UNDETERMINED &&
           no_bits(rr->assumes, p->assume_words);
}

/* The reason entries of one rule: it, then each replaced rule it built on. */
static void rule_chain_json(const sp_engine *e, int rule, bool first, sp_buf *out)
{
    const sp_policy *p = e->p;
    for (int r = rule; r >= 0; first = false) {
        const sp_rule *ru = &p->rules[r];
        const sp_rule_result *rr = &e->results[r];
        if (!first)
            sp_buf_puts(out, ", ");
        if (plain_result(p, rr)) {
            put_frag(out, ru->json->reason_plain[rr->branch]);   /* the whole entry, as at load */
        } else {
            /* an undetermined condition took no branch: the rule's own cites */
            put_frag(out, rr->undetermined_at ? ru->json->reason_own : ru->json->reason[rr->branch]);
            sp_buf_puts(out, ", \"assumptions\": ");
            assumptions_json(p, rr->assumes, out);
            dated_json(p, rr, out);
            if (rr->value.kind == SP_VAL_UNDETERMINED)
                undetermined_json(p, ru, rr, out);
            sp_buf_putc(out, '}');
        }
        r = rr->used_base ? ru->replaces : -1;
    }
}

/* A list made by present(...) is explained item by item, by the rules of
** the values it kept, in order. */
static inline bool by_items(const sp_engine *e, int rule)
{
    const sp_rule_result *rr = &e->results[rule];
    const sp_expr *v = e->p->rules[rule].branches[rr->branch]->value;
    return v->kind == SP_EXPR_CALL && v->builtin == SP_BUILTIN_PRESENT &&
           rr->value.kind != SP_VAL_UNDETERMINED;
}

static void reasons_json(const sp_engine *e, int rule, sp_buf *out)
{
    sp_buf_putc(out, '[');
    if (by_items(e, rule)) {
        const sp_rule_result *rr = &e->results[rule];
        for (size_t i = 0; i < rr->n_item_rules; i++)
            rule_chain_json(e, rr->item_rules[i], i == 0, out);
    } else {
        rule_chain_json(e, rule, true, out);
    }
    sp_buf_putc(out, ']');
}

static const char *sym_kind_word(sp_sym_kind k)
{
    switch (k) {
    case SP_SYM_FACT: return "fact";
    case SP_SYM_FIGURE: return "figure";
    case SP_SYM_TABLE: return "table";
    case SP_SYM_OUTPUT: return "output";
    case SP_SYM_VALUE: return "value";
    default: return "name";
    }
}

/* An expression of a rule as written, with line breaks and runs of spaces folded. */
static void expr_text(const sp_rule *r, const sp_expr *shown, sp_buf *out)
{
    const char *t = r->item->src->text;
    bool space = false;
    for (size_t i = shown->start; i < shown->end; i++) {
        char c = t[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space)
            sp_buf_putc(out, ' ');
        space = false;
        sp_buf_putc(out, c);
    }
}

/* The condition of the branch taken, as written in the rule file. */
static void branch_text(const sp_rule *r, int branch, sp_buf *out)
{
    const sp_branch *b = r->branches[branch];
    sp_buf_puts(out, b->cond ? "when " : r->n_branches > 1 ? "otherwise: " : "= ");
    expr_text(r, b->cond ? b->cond : b->value, out);
}

static size_t branch_line(const sp_rule *r, int branch)
{
    size_t line, col;
    sp_source_line_col(r->item->src, r->branches[branch]->start, &line, &col);
    return line;
}

/* Whether any rule worked out for the case read fact `sym`. */
static bool fact_read(const sp_engine *e, int sym)
{
    for (size_t k = 0; k < e->n_order; k++) {
        const sp_rule_result *rr = &e->results[e->order[k]];
        for (size_t u = 0; u < rr->n_uses; u++)
            if (rr->uses[u] == sym)
                return true;
    }
    return false;
}

/* The start of a trace step, up to its value: {"name": ..., "kind": ...,
** "rule": ..., "source": ..., "branch": ..., "branch_line": N, "cites": ...,
** "value":   The same for every case that took `branch` with the citations
** `cites` (the branch's, or the rule's own when an undetermined condition
** took none), so it is written at load (trace_step) for the usual case, from
** the rule's pieces (ru->json; tmp: scratch). */
static void step_start(const sp_policy *p, const sp_rule *ru, int branch, sp_frag cites, sp_buf *tmp,
                       sp_buf *out)
{
    const sp_symbol *target = &p->syms[ru->target];
    sp_frag key = p->sym_key[ru->target];   /* , "name":  */
    sp_buf_puts(out, "{\"name\": ");
    sp_buf_append(out, key.s + 2, key.len - 4);
    sp_buf_puts(out, ", \"kind\": \"");
    sp_buf_puts(out, sym_kind_word(target->kind));
    sp_buf_puts(out, "\", \"rule\": ");
    put_frag(out, ru->json->name);
    if (ru->replaced_by >= 0)
        sp_buf_puts(out, ", \"replaced\": true");
    if (ru->replaces >= 0) {
        sp_buf_puts(out, ", \"replaces\": ");
        json_cstr(out, p->rules[ru->replaces].name);
    }
    sp_buf_puts(out, ", \"source\": ");
    put_frag(out, ru->json->source);
    branch_text(ru, branch, tmp);
    sp_buf_puts(out, ", \"branch\": ");
    put_json(out, tmp);
    sp_buf_printf(out, ", \"branch_line\": %zu", branch_line(ru, branch));
    sp_buf_puts(out, ", \"cites\": ");
    put_frag(out, cites);
    sp_buf_puts(out, ", \"value\": ");
}

/* Where this case's trace already shows a symbol's value: bytes
** [at, at + len) of the output; len 0 while not shown (no value's JSON is
** empty). */
typedef struct shown_at {
    size_t at;                /* offset in the output buffer (it may move) */
    size_t len;               /* 0: not shown yet */
} shown_at;

/* The value v of symbol sym, the same wherever the case's trace shows it
** (not a dated figure, whose value depends on the rule): rendered the first
** time, copied from there after. A date or an amount is so formatted once a
** case, not once for each rule that read it. */
static void shown_value(const sp_policy *p, shown_at *shown, int sym, const sp_value *v, sp_buf *out)
{
    shown_at *m = &shown[sym];
    /* Room for the copy: the buffer cannot move under its source. */
    if (m->len && m->len < out->cap - out->len && !out->oom) {
        memcpy(out->data + out->len, out->data + m->at, m->len);
        out->len += m->len;
        out->data[out->len] = '\0';
        return;
    }
    size_t at = out->len;
    sym_value_json(p, sym, v, out);
    if (!out->oom) {
        m->at = at;
        m->len = out->len - at;
    }
}

/* e is not const: the scratch of the facts read and the values shown is in
** its arena. */
static void trace_json(sp_engine *e, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, ", \"trace\": {\"facts\": {");
    unsigned char *read = sp_arena_alloc(&e->arena, p->n_facts + 1);
    shown_at *shown = sp_arena_alloc(&e->arena, (p->n_syms + 1) * sizeof *shown);
    if (!read || !shown) {
        out->oom = true;
        return;
    }
    /* Every fact any evaluated rule read, in declaration order: one pass
    ** over the uses marks them by fact slot. */
    for (size_t k = 0; k < e->n_order; k++) {
        const sp_rule_result *rr = &e->results[e->order[k]];
        for (size_t u = 0; u < rr->n_uses; u++) {
            const sp_symbol *s = &p->syms[rr->uses[u]];
            if (s->kind == SP_SYM_FACT)
                read[s->slot] = 1;
        }
    }
    bool first = true;
    for (size_t i = 0; i < p->n_facts; i++) {
        if (!read[i])
            continue;
        put_key(out, p->sym_key[p->facts[i]], first);
        first = false;
        shown_value(p, shown, p->facts[i], &e->facts[i], out);
    }
    sp_buf_puts(out, "}, \"steps\": [");
    for (size_t k = 0; k < e->n_order; k++) {
        int r = e->order[k];
        const sp_rule *ru = &p->rules[r];
        const sp_rule_result *rr = &e->results[r];
        if (k)
            sp_buf_puts(out, ", ");
        if (rr->undetermined_at) {   /* no branch was taken: the rule's own cites */
            sp_buf tmp;
            sp_buf_init(&tmp);
            step_start(p, ru, rr->branch, ru->json->cites_own, &tmp, out);
            sp_buf_fini(&tmp);
        } else {
            put_frag(out, ru->json->trace_step[rr->branch]);
        }
        if (p->syms[ru->target].slot == r)   /* the value the name has: later uses copy it */
            shown_value(p, shown, ru->target, &rr->value, out);
        else                                 /* a replaced rule's own value */
            sym_value_json(p, ru->target, &rr->value, out);
        if (rr->value.kind == SP_VAL_UNDETERMINED) {
            sp_buf_puts(out, ", \"needs\": ");
            needs_json(p, &rr->value, out);
        }
        sp_buf_puts(out, ", \"uses\": {");
        for (size_t u = 0; u < rr->n_uses; u++) {
            int sym = rr->uses[u];
            const sp_symbol *s = &p->syms[sym];
            put_key(out, p->sym_key[sym], u == 0);
            const sp_value *v = used_value(e, rr, s);
            if (!v)
                sp_buf_puts(out, "\"(table)\"");
            else if (s->dated)
                sym_value_json(p, sym, v, out);
            else
                shown_value(p, shown, sym, v, out);
        }
        if (!rr->n_dated && no_bits(rr->assumes, p->assume_words)) {
            sp_buf_puts(out, "}, \"assumptions\": []}");   /* the usual end */
            continue;
        }
        sp_buf_puts(out, "}, \"assumptions\": ");
        assumptions_json(p, rr->assumes, out);
        dated_json(p, rr, out);
        sp_buf_putc(out, '}');
    }
    sp_buf_puts(out, "]}");
}

static void case_id_json(const sp_engine *e, sp_buf *out)
{
    const sp_policy *p = e->p;
    if (p->reference < 0) {
        sp_buf_puts(out, "null");
        return;
    }
    const sp_symbol *s = &p->syms[p->reference];
    if (e->facts[s->slot].kind == SP_VAL_UNDETERMINED)   /* missing, with --partial */
        sp_buf_puts(out, "null");
    else if (e->facts[s->slot].kind == SP_VAL_TEXT)   /* the usual reference */
        text_json(out, e->facts[s->slot].u.text.s, e->facts[s->slot].u.text.len);
    else
        sym_value_json(p, p->reference, &e->facts[s->slot], out);
}

static void render_json(sp_engine *e, const sp_eval_options *opt, const fact_need *needed,
                        size_t n_needed, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, "{\"case_id\": ");
    case_id_json(e, out);
    put_frag(out, p->decision_head);
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_output_json *o = &p->output_json[i];
        put_key(out, o->key, i == 0);
        typed_value_json(p, o->type, o->enum_json, &e->results[o->rule].value, out);
    }
    sp_buf_putc(out, '}');
    if (opt->partial)
        needs_top_json(e, needed, n_needed, out);
    sp_buf_puts(out, ", \"reasons\": {");
    bool first = true;
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_output_json *o = &p->output_json[i];
        const sp_rule_result *rr = &e->results[o->rule];
        if (rr->value.kind == SP_VAL_NULL)
            continue;
        if (!rr->used_base && o->reasons[rr->branch].s && plain_result(p, rr)) {
            /* one rule, one plain entry: key and list as rendered at load */
            put_key(out, o->reasons[rr->branch], first);
            first = false;
            continue;
        }
        put_key(out, o->key, first);
        first = false;
        reasons_json(e, o->rule, out);
    }
    sp_buf_putc(out, '}');
    if (opt->trace)
        trace_json(e, out);
    if (opt->receipt)
        sp_receipt_render(e, out);
    sp_buf_puts(out, "}\n");
}

static void assumptions_text(const sp_policy *p, const uint64_t *bits, const char *indent, sp_buf *out)
{
    for (size_t i = 0; i < p->n_assumptions; i++)
        if (bits[i / 64] >> (i % 64) & 1)
            sp_buf_printf(out, "%sassumes: %s\n", indent, p->assumptions[i]);
}

/* The branch a rule took and its line, then what it cites, assumes and the
** dated figures it read, one per line. */
static void why_text(const sp_policy *p, const sp_rule *ru, const sp_rule_result *res, sp_buf *out)
{
    branch_text(ru, res->branch, out);
    sp_buf_printf(out, " (line %zu)\n    cites: ", branch_line(ru, res->branch));
    sp_render_rule_cites(ru, res->undetermined_at ? -1 : res->branch, out);
    sp_buf_putc(out, '\n');
    assumptions_text(p, res->assumes, "    ", out);
    dated_text(p, res, "    ", out);
}

/* Why, for people: the rule, the branch taken, the citations, the
** assumptions; then each replaced rule it built on. */
static void rule_chain_text(const sp_engine *e, int rule, const char *lead, sp_buf *out)
{
    const sp_policy *p = e->p;
    for (int r = rule, first = 1; r >= 0; first = 0) {
        const sp_rule *ru = &p->rules[r];
        const sp_rule_result *res = &e->results[r];
        bool open = res->value.kind == SP_VAL_UNDETERMINED;
        sp_buf_printf(out, "  %s rule %s (", first ? open ? "undetermined in" : lead : "building on", ru->name);
        rule_source(ru, out);
        sp_buf_puts(out, open ? ")\n    reached " : ")\n    because ");
        why_text(p, ru, res, out);
        if (open) {
            sp_buf_puts(out, "    needs: ");
            needs_text(p, &res->value, out);
            sp_buf_putc(out, '\n');
        }
        r = res->used_base ? ru->replaces : -1;
    }
}

static void render_text(const sp_engine *e, const sp_eval_options *opt, const fact_need *needed,
                        size_t n_needed, sp_buf *out)
{
    const sp_policy *p = e->p;
    const sp_layer *top = &p->layers[p->n_layers - 1];
    sp_buf_puts(out, "Decision for case ");
    if (p->reference >= 0 && e->facts[p->syms[p->reference].slot].kind != SP_VAL_UNDETERMINED) {
        const sp_symbol *s = &p->syms[p->reference];
        value_text(p, s->type, &e->facts[s->slot], out);
    }
    sp_buf_printf(out, "\nPolicy: %s, version %s (%s)\n", top->name, top->version, p->digest);
    if (opt->partial) {
        sp_buf_puts(out, n_needed ? "Facts needed, the most needed first:\n"
                                  : "Facts needed: none, every output is decided\n");
        for (size_t i = 0; i < n_needed; i++)
            sp_buf_printf(out, "  %s (needed by %zu undetermined %s)\n", needed[i].name, needed[i].outputs,
                          needed[i].outputs == 1 ? "output" : "outputs");
    }
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_symbol *s = &p->syms[p->outputs[i]];
        const sp_rule_result *rr = &e->results[s->slot];
        sp_buf_printf(out, "\n%s: ", s->name);
        value_text(p, s->type, &rr->value, out);
        sp_buf_putc(out, '\n');
        if (rr->value.kind == SP_VAL_NULL)
            sp_buf_puts(out, "  (does not apply)\n");
        if (by_items(e, s->slot)) {
            for (size_t i = 0; i < rr->n_item_rules; i++)
                rule_chain_text(e, rr->item_rules[i], "item decided by", out);
        } else {
            rule_chain_text(e, s->slot, "decided by", out);
        }
    }
    if (!opt->trace)
        return;
    sp_buf_puts(out, "\nDerivation, in the order it was worked out:\n");
    for (size_t k = 0; k < e->n_order; k++) {
        int r = e->order[k];
        const sp_rule *ru = &p->rules[r];
        const sp_rule_result *rr = &e->results[r];
        const sp_symbol *target = &p->syms[ru->target];
        sp_buf_printf(out, "\n  %s %s = ", sym_kind_word(target->kind), target->name);
        value_text(p, target->type, &rr->value, out);
        sp_buf_printf(out, "\n    rule %s (", ru->name);
        rule_source(ru, out);
        sp_buf_putc(out, ')');
        if (ru->replaced_by >= 0)
            sp_buf_printf(out, ", replaced by %s", p->rules[ru->replaced_by].name);
        sp_buf_puts(out, "\n    ");
        why_text(p, ru, rr, out);
        if (rr->value.kind == SP_VAL_UNDETERMINED) {
            sp_buf_puts(out, "    needs: ");
            needs_text(p, &rr->value, out);
            sp_buf_putc(out, '\n');
        }
        for (size_t u = 0; u < rr->n_uses; u++) {
            const sp_symbol *s = &p->syms[rr->uses[u]];
            sp_buf_printf(out, "    uses %s %s", sym_kind_word(s->kind), s->name);
            const sp_value *v = used_value(e, rr, s);
            if (v) {
                sp_buf_puts(out, " = ");
                value_text(p, s->type, v, out);
            }
            sp_buf_putc(out, '\n');
        }
    }
}

/* ---- one case ---- */

static void case_id_from_json(const sp_policy *p, const sp_json *root, sp_case_error *err)
{
    if (p->reference < 0 || !root || root->kind != SP_JSON_OBJECT)
        return;
    const char *name = p->syms[p->reference].name;
    const sp_json *j = root;
    while (j && j->kind == SP_JSON_OBJECT) {
        const char *dot = strchr(name, '.');
        size_t len = dot ? (size_t)(dot - name) : strlen(name);
        const sp_json *next = NULL;
        for (size_t i = 0; i < j->n_members; i++)
            if (j->members[i].key_len == len && memcmp(j->members[i].key, name, len) == 0)
                next = j->members[i].value;
        j = next;
        if (!dot)
            break;
        name = dot + 1;
    }
    if (j && j->kind == SP_JSON_STRING && j->len < sizeof err->case_id && !memchr(j->str, '\0', j->len)) {
        memcpy(err->case_id, j->str, j->len);
        err->case_id[j->len] = '\0';
        err->has_case_id = true;
    }
}

static sp_status engine_error(sp_engine *e, sp_case_error *err)
{
    err->code = e->err_code ? e->err_code : "internal";
    snprintf(err->message, sizeof err->message, "%s", e->err_message);
    err->path[0] = '\0';
    return e->err_status ? e->err_status : SP_ERR_RULES;
}

sp_status sp_case_check_size(size_t len, sp_case_error *err)
{
    /* What a failed case reads: no code, empty strings, no case id. The
    ** rest of the kilobyte is left as it is: clearing it all took more
    ** instructions than writing a decision's reasons. */
    err->code = NULL;
    err->message[0] = err->path[0] = err->case_id[0] = '\0';
    err->has_case_id = false;
    if (len <= SP_MAX_CASE_BYTES)
        return SP_OK;
    err->code = "too_large";
    snprintf(err->message, sizeof err->message, "the case is larger than %d bytes", SP_MAX_CASE_BYTES);
    return SP_ERR_INPUT;
}

/* Reads the case and evaluates every output, as sp_engine_eval and
** sp_engine_eval_values both begin. */
static sp_status decide(sp_engine *e, const char *json, size_t len, bool partial, sp_case_error *err)
{
    sp_status size = sp_case_check_size(len, err);
    if (size != SP_OK)
        return size;
    if (!sp_eval_begin(e))
        return engine_error(e, err);
    /* Most cases are read in one pass over their text; the others (any
    ** error among them) again through a JSON tree, which says what is wrong. */
    bool fast = !e->slow_read && sp_facts_read_fast(e->p, json, len, &e->arena, e->facts, partial, err);
    sp_json_error jerr;
    sp_json *root = fast ? NULL : sp_json_parse(&e->arena, json, len, &jerr);
    if (!fast && !root) {
        size_t line, col;
        sp_json_line_col(json, len, jerr.offset, &line, &col);
        switch (jerr.kind) {
        case SP_JSON_ERR_EMPTY:
            err->code = "empty_input";
            snprintf(err->message, sizeof err->message, "the case is empty: expected a JSON object");
            break;
        case SP_JSON_ERR_DEPTH:
            err->code = "too_deep";
            snprintf(err->message, sizeof err->message, "line %zu, column %zu: nested deeper than %d levels",
                     line, col, SP_JSON_MAX_DEPTH);
            break;
        case SP_JSON_ERR_DUPLICATE:
            err->code = "duplicate_key";
            snprintf(err->path, sizeof err->path, "%s", jerr.path);
            snprintf(err->message, sizeof err->message, "key '%s' is given twice", jerr.path);
            break;
        case SP_JSON_ERR_OOM:
            err->code = "out_of_memory";
            snprintf(err->message, sizeof err->message, "out of memory");
            return SP_ERR_OOM;
        default:
            err->code = "malformed_json";
            snprintf(err->message, sizeof err->message, "malformed JSON at line %zu, column %zu: %s", line,
                     col, jerr.message);
            break;
        }
        return SP_ERR_INPUT;
    }
    if (!fast)
        case_id_from_json(e->p, root, err);
    if (!fast && !sp_facts_read(e->p, root, &e->arena, e->facts, partial, err))
        return strcmp(err->code, "out_of_memory") == 0 ? SP_ERR_OOM : SP_ERR_INPUT;
    if (!sp_eval_outputs(e)) {
        char id[256];
        bool has = err->has_case_id;
        memcpy(id, err->case_id, sizeof id);
        sp_status st = engine_error(e, err);
        memcpy(err->case_id, id, sizeof id);
        err->has_case_id = has;
        return st;
    }
    return SP_OK;
}

sp_status sp_engine_eval(sp_engine *e, const char *json, size_t len, const sp_eval_options *opt,
                         sp_buf *out, sp_case_error *err)
{
    /* The uses each rule recorded are shown only by the trace, the HTML
    ** report (and its batch index) and the receipt. */
    e->skip_uses = opt->format != SP_FORMAT_HTML && !opt->trace && !opt->receipt;
    sp_status st = decide(e, json, len, opt->partial, err);
    if (st != SP_OK)
        return st;
    size_t before = out->len, n_needed = 0;
    const fact_need *needed = NULL;
    if (opt->partial && !(needed = facts_needed(e, &n_needed)))
        out->oom = true;
    if (opt->format == SP_FORMAT_TEXT)
        render_text(e, opt, needed, n_needed, out);
    else if (opt->format == SP_FORMAT_HTML)
        sp_render_html(e, opt, out);
    else
        render_json(e, opt, needed, n_needed, out);
    if (out->oom) {
        out->len = before;
        err->code = "out_of_memory";
        snprintf(err->message, sizeof err->message, "out of memory");
        return SP_ERR_OOM;
    }
    return SP_OK;
}

/* v as the decision's JSON writes it, in the engine's arena. */
static const char *arena_json(sp_engine *e, const sp_type *t, const sp_value *v, sp_buf *tmp)
{
    sp_buf_clear(tmp);
    value_json(e->p, t, v, tmp);
    return tmp->oom ? NULL : sp_arena_strndup(&e->arena, tmp->data ? tmp->data : "", tmp->len);
}

sp_status sp_engine_eval_values(sp_engine *e, const char *json, size_t len, sp_output_value *values,
                                const char **case_id, sp_case_error *err)
{
    e->skip_uses = true;   /* only the outputs' values are given */
    sp_status st = decide(e, json, len, false, err);
    if (st != SP_OK)
        return st;
    const sp_policy *p = e->p;
    sp_buf tmp;
    sp_buf_init(&tmp);
    case_id_json(e, &tmp);
    *case_id = tmp.oom ? NULL : sp_arena_strndup(&e->arena, tmp.data, tmp.len);
    bool ok = *case_id != NULL;
    for (size_t i = 0; i < p->n_outputs && ok; i++) {
        const sp_symbol *s = &p->syms[p->outputs[i]];
        const sp_value *v = &e->results[s->slot].value;
        sp_output_value *o = &values[i];
        o->name = s->name;
        o->is_money = s->type->kind == SP_TYPE_MONEY;
        o->is_null = v->kind == SP_VAL_NULL;
        o->amount = o->is_money && v->kind == SP_VAL_NUM ? v->u.n : sp_num_from_int(0);
        o->json = arena_json(e, s->type, v, &tmp);
        ok = o->json != NULL;
    }
    sp_buf_fini(&tmp);
    if (!ok) {
        err->code = "out_of_memory";
        snprintf(err->message, sizeof err->message, "out of memory");
        return SP_ERR_OOM;
    }
    return SP_OK;
}

void sp_render_batch_error(sp_buf *out, size_t line, const sp_case_error *err)
{
    sp_buf_printf(out, "{\"line\": %zu, \"case_id\": ", line);
    if (err->has_case_id)
        json_cstr(out, err->case_id);
    else
        sp_buf_puts(out, "null");
    sp_buf_puts(out, ", \"error\": {\"code\": ");
    json_cstr(out, err->code ? err->code : "internal");
    sp_buf_puts(out, ", \"message\": ");
    json_cstr(out, err->message);
    sp_buf_puts(out, ", \"path\": ");
    if (err->path[0])
        json_cstr(out, err->path);
    else
        sp_buf_puts(out, "null");
    sp_buf_puts(out, "}}\n");
}

/* ---- examples ---- */

static size_t line_of(const sp_source *src, size_t offset)
{
    size_t line, col;
    sp_source_line_col(src, offset, &line, &col);
    return line;
}

sp_status sp_policy_run_examples(const sp_policy *p, bool verbose, sp_buf *report, size_t *passed,
                                 size_t *failed, sp_coverage *cov)
{
    sp_engine *e = sp_engine_new(p);
    if (!e)
        return SP_ERR_OOM;
    sp_diags d;
    sp_diags_init(&d);
    sp_status st = SP_OK;
    for (size_t i = 0; i < p->n_examples; i++) {
        const sp_item *ex = p->examples[i];
        bool ok = sp_eval_begin(e);
        /* Facts: the given values, defaults for the rest. */
        for (size_t f = 0; ok && f < p->n_facts; f++)
            e->facts[f] = p->syms[p->facts[f]].default_value;
        const char *missing = NULL;
        for (size_t f = 0; ok && f < p->n_facts; f++) {
            const sp_symbol *s = &p->syms[p->facts[f]];
            bool given = false;
            for (const sp_pair *g = ex->given; g; g = g->next)
                if (strcmp(g->name, s->name) == 0) {
                    given = true;
                    ok = sp_check_constant((sp_policy *)p, &d, ex->src, g->value, s->type, &e->facts[f]);
                }
            if (!given && s->required && !missing)
                missing = s->name;
        }
        if (!ok) {
            st = SP_ERR_OOM;
            break;
        }
        size_t mark = report->len;
        sp_buf_printf(report, "%s:%zu: example \"%s\": ", ex->src->path, line_of(ex->src, ex->start), ex->name);
        if (missing) {
            sp_buf_printf(report, "FAILED: it gives no value for the required fact '%s'\n", missing);
            (*failed)++;
            continue;
        }
        bool decided = sp_eval_outputs(e);
        if (cov)
            sp_coverage_record(cov, e, i);
        if (!decided) {
            sp_buf_printf(report, "FAILED: %s: %s\n", e->err_code, e->err_message);
            (*failed)++;
            continue;
        }
        size_t mismatches = 0;
        for (const sp_pair *x = ex->expect; x; x = x->next) {
            int s = sp_policy_lookup(p, x->name);
            const sp_symbol *sym = &p->syms[s];
            sp_value want;
            if (!sp_check_constant((sp_policy *)p, &d, ex->src, x->value, sym->type, &want) ||
                !sp_eval_rule(e, sym->slot)) {
                /* a value the outputs did not need, and that fails: say why */
                if (!mismatches++)
                    sp_buf_puts(report, "FAILED\n");
                sp_buf_printf(report, "  %s:%zu: %s: %s: %s\n", ex->src->path, line_of(ex->src, x->start),
                              x->name, e->err_code ? e->err_code : "error", e->err_message);
                continue;
            }
            const sp_value *got = &e->results[sym->slot].value;
            if (sp_value_equal(&want, got))
                continue;
            if (!mismatches++)
                sp_buf_puts(report, "FAILED\n");
            sp_buf_printf(report, "  %s:%zu: %s: expected ", ex->src->path, line_of(ex->src, x->start), x->name);
            value_json(p, sym->type, &want, report);
            sp_buf_puts(report, ", got ");
            value_json(p, sym->type, got, report);
            sp_buf_putc(report, '\n');
        }
        if (mismatches) {
            (*failed)++;
        } else {
            (*passed)++;
            if (verbose) {
                sp_buf_puts(report, "ok\n");
            } else if (report->data) {
                /* a pass says nothing unless asked */
                report->len = mark;
                report->data[mark] = '\0';
            }
        }
    }
    sp_diags_fini(&d);
    sp_engine_free(e);
    return st;
}

/* ---- the pieces render_html.c and receipt.c build on (render_parts.h) ---- */

void sp_render_value_json(const sp_policy *p, const sp_type *t, const sp_value *v, sp_buf *out)
{
    value_json(p, t, v, out);
}

void sp_render_value_text(const sp_policy *p, const sp_type *t, const sp_value *v, sp_buf *out)
{
    value_text(p, t, v, out);
}

const sp_value *sp_render_used_value(const sp_engine *e, const sp_rule_result *rr,
                                     const sp_symbol *s)
{
    return used_value(e, rr, s);
}

void sp_render_rule_source(const sp_rule *r, sp_buf *out)
{
    rule_source(r, out);
}

void sp_render_expr_text(const sp_rule *r, const sp_expr *x, sp_buf *out)
{
    expr_text(r, x, out);
}

size_t sp_render_branch_line(const sp_rule *r, int branch)
{
    return branch_line(r, branch);
}

bool sp_render_by_items(const sp_engine *e, int rule)
{
    return by_items(e, rule);
}

const char *sp_render_kind_word(sp_sym_kind k)
{
    return sym_kind_word(k);
}

bool sp_render_fact_read(const sp_engine *e, int sym)
{
    return fact_read(e, sym);
}
