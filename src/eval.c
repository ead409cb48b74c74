/*
** The evaluator: walks the checked syntax tree with every name already a
** slot. Rules run lazily, once per case, recording what they read.
*/
#include "eval.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static bool fail(sp_engine *e, int rule, sp_status st, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static bool fail(sp_engine *e, int rule, sp_status st, const char *code, const char *fmt, ...)
{
    if (e->err_code)
        return false;   /* keep the first, innermost error */
    e->err_code = code;
    e->err_rule = rule;
    e->err_status = st;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(e->err_message, sizeof e->err_message, fmt, ap);
    va_end(ap);
    if (rule >= 0 && n >= 0 && (size_t)n < sizeof e->err_message) {
        const sp_rule *r = &e->p->rules[rule];
        snprintf(e->err_message + n, sizeof e->err_message - (size_t)n, " (rule '%s', %s:%zu)",
                 r->name, r->item->src->path, r->line);
    }
    return false;
}

static bool oom(sp_engine *e)
{
    return fail(e, -1, SP_ERR_OOM, "out_of_memory", "out of memory");
}

sp_engine *sp_engine_new(const sp_policy *p)
{
    sp_engine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->p = p;
    sp_arena_init(&e->arena, 64 * 1024);
    return e;
}

void sp_engine_free(sp_engine *e)
{
    if (!e)
        return;
    sp_arena_fini(&e->arena);
    free(e->results);
    free(e->touched);
    free(e);
}

bool sp_eval_begin(sp_engine *e)
{
    const sp_policy *p = e->p;
    sp_arena_reset(&e->arena);
    e->err_code = NULL;
    e->err_message[0] = '\0';
    e->err_rule = -1;
    e->n_order = 0;
    e->facts = sp_arena_alloc(&e->arena, (p->n_facts + 1) * sizeof *e->facts);
    if (!e->results) {
        e->results = calloc(p->n_rules + 1, sizeof *e->results);
        e->touched = calloc(p->n_rules + 1, sizeof *e->touched);
        if (!e->results || !e->touched) {
            free(e->results);
            free(e->touched);
            e->results = NULL;
            e->touched = NULL;
            return oom(e);
        }
    }
    /* Every result is zero again, as after calloc: only those of the rules
    ** the last case evaluated need it. A small array (a few cache lines)
    ** is cleared in one call; a larger one only where the case wrote. */
    if (p->n_rules * sizeof *e->results <= 2048)
        memset(e->results, 0, p->n_rules * sizeof *e->results);
    else
        for (size_t i = 0; i < e->n_touched; i++)
            memset(&e->results[e->touched[i]], 0, sizeof *e->results);
    e->n_touched = 0;
    e->order = sp_arena_alloc(&e->arena, (p->n_rules + 1) * sizeof *e->order);
    if (!e->facts || !e->results || !e->order)
        return oom(e);
    return true;
}

static inline void or_bits(uint64_t *to, const uint64_t *from, size_t words)
{
    to[0] |= from[0];   /* every set has a word, even with no assumptions */
    for (size_t i = 1; i < words; i++)
        to[i] |= from[i];
}

/* Records that the rule read sym; called through note_use, which skips
** the call when nothing will show the uses. */
static bool record_use(sp_engine *e, sp_rule_result *rr, int sym)
{
    for (size_t i = 0; i < rr->n_uses; i++)
        if (rr->uses[i] == sym)
            return true;
    if (rr->n_uses == rr->cap_uses) {
        size_t cap = rr->cap_uses ? rr->cap_uses * 2 : 8;
        int *more = sp_arena_alloc(&e->arena, cap * sizeof *more);
        if (!more)
            return oom(e);
        if (rr->n_uses)
            memcpy(more, rr->uses, rr->n_uses * sizeof *more);
        rr->uses = more;
        rr->cap_uses = cap;
    }
    rr->uses[rr->n_uses++] = sym;
    return true;
}

static inline bool note_use(sp_engine *e, sp_rule_result *rr, int sym)
{
    return e->skip_uses || record_use(e, rr, sym);
}

bool sp_value_equal(const sp_value *a, const sp_value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case SP_VAL_NULL: return true;
    case SP_VAL_BOOL: return a->u.b == b->u.b;
    case SP_VAL_NUM:   /* reduced, so equal values are equal fractions */
        return a->u.n.num == b->u.n.num && a->u.n.den == b->u.n.den;
    case SP_VAL_DATE: return a->u.d == b->u.d;
    case SP_VAL_TEXT:
        return a->u.text.len == b->u.text.len && memcmp(a->u.text.s, b->u.text.s, a->u.text.len) == 0;
    case SP_VAL_ENUM: return a->u.e == b->u.e;
    case SP_VAL_LIST:
        if (a->u.list.n != b->u.list.n)
            return false;
        for (size_t i = 0; i < a->u.list.n; i++)
            if (!sp_value_equal(&a->u.list.items[i], &b->u.list.items[i]))
                return false;
        return true;
    case SP_VAL_DURATION:
        return a->u.dur.months == b->u.dur.months && a->u.dur.days == b->u.dur.days;
    case SP_VAL_UNDETERMINED:   /* not known to be equal to anything */
        return false;
    }
    return false;
}

typedef struct frame {
    sp_engine *e;
    int rule;                 /* the rule being evaluated */
    sp_rule_result *rr;
    const uint64_t *pending;  /* partial: an operation stopped on an undetermined
                                 operand and needs these facts (see eval()) */
} frame;

static bool eval(frame *f, const sp_expr *x, sp_value *out);

/*
** Undetermined values (eval --partial). A missing fact reads as an
** undetermined value carrying the set of missing facts it needs (a bitset by
** fact slot), and what is computed from it is undetermined too, needing the
** union of what its operands need. Only what is evaluated counts: and/or and
** case analyses stay lazy, so `false and X`, `true or X` and a branch taken
** before X is reached are decided whatever X is. An operation that meets an
** undetermined operand stops (stop_undetermined) and returns false with no
** error set and f->pending holding what it needs; the nearest eval() makes
** that its undetermined value. Nothing is evaluated between the stop and that
** eval(), so pending never mixes with a sibling's. Without --partial no fact
** is undetermined and none of this runs.
*/

/* Adds what v (undetermined) needs to *need. False when out of memory.
** These helpers are cold: without --partial they never run, and keeping them
** out of line keeps the evaluator's hot paths as they were. */
__attribute__((cold)) static bool need_also(frame *f, const uint64_t **need, const sp_value *v)
{
    const uint64_t *a = *need, *b = v->u.missing;
    if (!a || a == b) {
        *need = b;
        return true;
    }
    size_t words = (f->e->p->n_facts + 63) / 64;
    bool b_in_a = true;
    for (size_t i = 0; i < words; i++)
        b_in_a = b_in_a && !(b[i] & ~a[i]);
    if (b_in_a)
        return true;
    uint64_t *u = sp_arena_alloc(&f->e->arena, words * sizeof *u);
    if (!u)
        return oom(f->e);
    for (size_t i = 0; i < words; i++)
        u[i] = a[i] | b[i];
    *need = u;
    return true;
}

/* Stops the operation at hand as undetermined, needing `need`. */
__attribute__((cold)) static bool stop_undetermined(frame *f, const uint64_t *need)
{
    f->pending = need;
    return false;
}

__attribute__((cold)) static bool undetermined(frame *f, const sp_value *v)
{
    return stop_undetermined(f, v->u.missing);
}

/* Evaluates both operands of a strict operation; when either is
** undetermined, stops needing what both need. */
static inline bool eval_two(frame *f, const sp_expr *a, sp_value *va, const sp_expr *b, sp_value *vb)
{
    if (!eval(f, a, va) || !eval(f, b, vb))
        return false;
    if (va->kind != SP_VAL_UNDETERMINED && vb->kind != SP_VAL_UNDETERMINED)
        return true;
    const uint64_t *need = NULL;
    if ((va->kind == SP_VAL_UNDETERMINED && !need_also(f, &need, va)) ||
        (vb->kind == SP_VAL_UNDETERMINED && !need_also(f, &need, vb)))
        return false;
    return stop_undetermined(f, need);
}

static bool null_operand(frame *f, const sp_expr *x)
{
    const sp_rule *r = &f->e->p->rules[f->rule];
    const char *text = r->item->src->text + x->start;
    int len = (int)(x->end - x->start);
    return fail(f->e, f->rule, SP_ERR_RULES, "null_value", "'%.*s' is null here", len > 60 ? 60 : len, text);
}

static bool overflow(frame *f)
{
    return fail(f->e, f->rule, SP_ERR_INPUT, "overflow", "a number is too large to compute exactly");
}

static bool eval_num(frame *f, const sp_expr *x, sp_num *out)
{
    sp_value v;
    if (!eval(f, x, &v))
        return false;
    if (v.kind != SP_VAL_NUM)
        return v.kind == SP_VAL_UNDETERMINED ? undetermined(f, &v) : null_operand(f, x);
    *out = v.u.n;
    return true;
}

static bool eval_date(frame *f, const sp_expr *x, sp_date *out)
{
    sp_value v;
    if (!eval(f, x, &v))
        return false;
    if (v.kind != SP_VAL_DATE)
        return v.kind == SP_VAL_UNDETERMINED ? undetermined(f, &v) : null_operand(f, x);
    *out = v.u.d;
    return true;
}

static inline bool eval_bool(frame *f, const sp_expr *x, bool *out)
{
    sp_value v;
    if (!eval(f, x, &v))
        return false;
    if (v.kind != SP_VAL_BOOL)
        return v.kind == SP_VAL_UNDETERMINED ? undetermined(f, &v) : null_operand(f, x);
    *out = v.u.b;
    return true;
}

static bool date_out(frame *f, bool ok, sp_date d, sp_value *out)
{
    if (!ok)
        return fail(f->e, f->rule, SP_ERR_INPUT, "overflow", "a date falls outside the years 1 to 9999");
    out->kind = SP_VAL_DATE;
    out->u.d = d;
    return true;
}

static int compare(const sp_value *a, const sp_value *b)
{
    if (a->kind == SP_VAL_NUM) {
        if (a->u.n.den == b->u.n.den)   /* whole numbers, amounts in pence */
            return (a->u.n.num > b->u.n.num) - (a->u.n.num < b->u.n.num);
        return sp_num_cmp(a->u.n, b->u.n);
    }
    return a->u.d < b->u.d ? -1 : a->u.d > b->u.d;
}

/* The version of a dated figure or table in force on the policy's date
** fact: the latest that took effect on or before it. */
static bool in_force(frame *f, const sp_symbol *s, size_t *version)
{
    const sp_policy *p = f->e->p;
    const sp_symbol *fact = &p->syms[p->in_force];
    const sp_value *on = &f->e->facts[fact->slot];
    if (on->kind == SP_VAL_UNDETERMINED)
        return undetermined(f, on);
    if (on->kind != SP_VAL_DATE)   /* the checker makes it a date always given */
        return fail(f->e, f->rule, SP_ERR_RULES, "internal", "'%s' is not a date", fact->name);
    size_t v = s->n_versions;
    while (v > 0 && s->version_from[v - 1] > on->u.d)
        v--;
    if (v == 0) {
        char d[11], first[11];
        sp_date_format(on->u.d, d);
        sp_date_format(s->version_from[0], first);
        return fail(f->e, f->rule, SP_ERR_INPUT, "not_in_force",
                    "no value of '%s' is in force on %s (%s): the first takes effect on %s", s->name, d,
                    fact->name, first);
    }
    *version = v - 1;
    return true;
}

static bool note_dated(frame *f, int sym, size_t version, const sp_value *value)
{
    sp_rule_result *rr = f->rr;
    for (size_t i = 0; i < rr->n_dated; i++)
        if (rr->dated[i].sym == sym && sp_value_equal(&rr->dated[i].value, value))
            return true;
    if (rr->n_dated == rr->cap_dated) {
        size_t cap = rr->cap_dated ? rr->cap_dated * 2 : 4;
        sp_dated_use *more = sp_arena_alloc(&f->e->arena, cap * sizeof *more);
        if (!more)
            return oom(f->e);
        if (rr->n_dated)
            memcpy(more, rr->dated, rr->n_dated * sizeof *more);
        rr->dated = more;
        rr->cap_dated = cap;
    }
    rr->dated[rr->n_dated++] = (sp_dated_use){ sym, version, *value };
    return true;
}

static bool eval_symbol(frame *f, const sp_expr *x, sp_value *out)
{
    sp_engine *e = f->e;
    const sp_policy *p = e->p;
    if (x->enum_value >= 0) {
        out->kind = SP_VAL_ENUM;
        out->u.e = x->enum_value;
        return true;
    }
    const sp_symbol *s = &p->syms[x->sym];
    if (!note_use(e, f->rr, x->sym))
        return false;
    switch (s->kind) {
    case SP_SYM_FACT:
        *out = e->facts[s->slot];
        return true;
    case SP_SYM_FIGURE: {
        size_t v = 0;
        if (s->dated && !in_force(f, s, &v))
            return false;
        *out = s->version_value[v];
        return !s->dated || note_dated(f, x->sym, v, out);
    }
    case SP_SYM_OUTPUT:
    case SP_SYM_VALUE: {
        const sp_rule_result *dep = &e->results[s->slot];
        if (dep->state != SP_RULE_DONE && !sp_eval_rule(e, s->slot))
            return false;
        or_bits(f->rr->assumes, dep->assumes, p->assume_words);
        *out = dep->value;
        return true;
    }
    default:
        return fail(e, f->rule, SP_ERR_RULES, "internal", "'%s' has no value", s->name);
    }
}

static bool eval_call(frame *f, const sp_expr *x, sp_value *out)
{
    switch ((sp_builtin)x->builtin) {
    case SP_BUILTIN_MIN:
    case SP_BUILTIN_MAX: {
        /* undetermined when any argument is: it could be the least or greatest */
        sp_value best = { .kind = SP_VAL_NULL };
        const uint64_t *need = NULL;
        for (size_t i = 0; i < x->n_args; i++) {
            sp_value v;
            if (!eval(f, x->args[i], &v))
                return false;
            if (v.kind == SP_VAL_NULL)
                return null_operand(f, x->args[i]);
            if (v.kind == SP_VAL_UNDETERMINED) {
                if (!need_also(f, &need, &v))
                    return false;
                continue;
            }
            int c = best.kind == SP_VAL_NULL ? 0 : compare(&v, &best);
            if (best.kind == SP_VAL_NULL || (x->builtin == SP_BUILTIN_MIN ? c < 0 : c > 0))
                best = v;
        }
        if (need)
            return stop_undetermined(f, need);
        *out = best;
        return true;
    }
    case SP_BUILTIN_MEAN:
    case SP_BUILTIN_SUM:
    case SP_BUILTIN_COUNT: {
        sp_value l;
        if (!eval(f, x->args[0], &l))
            return false;
        if (l.kind != SP_VAL_LIST)
            return l.kind == SP_VAL_UNDETERMINED ? undetermined(f, &l) : null_operand(f, x->args[0]);
        out->kind = SP_VAL_NUM;
        if (x->builtin == SP_BUILTIN_COUNT) {
            out->u.n = sp_num_from_int((int64_t)l.u.list.n);
            return true;
        }
        sp_num_sum total;
        sp_num_sum_init(&total);
        for (size_t i = 0; i < l.u.list.n; i++) {
            if (l.u.list.items[i].kind != SP_VAL_NUM)
                return null_operand(f, x->args[0]);
            if (!sp_num_sum_add(&total, l.u.list.items[i].u.n))
                return overflow(f);
        }
        /* The mean of an empty list is 0.00 (contract, shared definitions). */
        int64_t count = x->builtin == SP_BUILTIN_MEAN && l.u.list.n ? (int64_t)l.u.list.n : 1;
        return sp_num_sum_result(&total, count, &out->u.n) ? true : overflow(f);
    }
    case SP_BUILTIN_AGE: {
        sp_value birth, on;
        if (!eval_two(f, x->args[0], &birth, x->args[1], &on))
            return false;
        if (birth.kind != SP_VAL_DATE)
            return null_operand(f, x->args[0]);
        if (on.kind != SP_VAL_DATE)
            return null_operand(f, x->args[1]);
        out->kind = SP_VAL_NUM;
        out->u.n = sp_num_from_int(sp_date_years_between(birth.u.d, on.u.d));
        return true;
    }
    case SP_BUILTIN_BIRTHDAY: {
        sp_value birth, nth;
        sp_date d = 0;
        if (!eval_two(f, x->args[0], &birth, x->args[1], &nth))
            return false;
        if (birth.kind != SP_VAL_DATE)
            return null_operand(f, x->args[0]);
        if (nth.kind != SP_VAL_NUM)
            return null_operand(f, x->args[1]);
        sp_num n = nth.u.n;
        if (!sp_num_is_integer(n) || n.num < 0 || n.num > 10000)
            return fail(f->e, f->rule, SP_ERR_RULES, "bad_argument", "birthday needs a whole number from 0 to 10000");
        bool ok = sp_date_anniversary(birth.u.d, (int64_t)n.num, &d);
        return date_out(f, ok, d, out);
    }
    case SP_BUILTIN_LATEST:
    case SP_BUILTIN_EARLIEST: {
        /* nulls are passed over; the first of equals is kept; undetermined
        ** when any argument is */
        out->kind = SP_VAL_NULL;
        const uint64_t *need = NULL;
        for (size_t i = 0; i < x->n_args; i++) {
            sp_value v;
            if (!eval(f, x->args[i], &v))
                return false;
            if (v.kind == SP_VAL_UNDETERMINED && !need_also(f, &need, &v))
                return false;
            if (v.kind != SP_VAL_DATE)
                continue;
            if (out->kind == SP_VAL_NULL ||
                (x->builtin == SP_BUILTIN_LATEST ? v.u.d > out->u.d : v.u.d < out->u.d))
                *out = v;
        }
        return need ? stop_undetermined(f, need) : true;
    }
    case SP_BUILTIN_PRESENT: {
        sp_value *items = sp_arena_alloc(&f->e->arena, x->n_args * sizeof *items);
        int *rules = sp_arena_alloc(&f->e->arena, x->n_args * sizeof *rules);
        if (!items || !rules)
            return oom(f->e);
        size_t n = 0;
        const uint64_t *need = NULL;   /* an undetermined item may be null or not */
        for (size_t i = 0; i < x->n_args; i++) {
            if (!eval(f, x->args[i], &items[n]))
                return false;
            if (items[n].kind == SP_VAL_UNDETERMINED) {
                if (!need_also(f, &need, &items[n]))
                    return false;
            } else if (items[n].kind != SP_VAL_NULL) {
                rules[n++] = f->e->p->syms[x->args[i]->sym].slot;
            }
        }
        if (need)
            return stop_undetermined(f, need);
        out->kind = SP_VAL_LIST;
        out->u.list.items = items;
        out->u.list.n = n;
        /* the kept values' rules explain the list (see render.c) */
        f->rr->item_rules = rules;
        f->rr->n_item_rules = n;
        return true;
    }
    case SP_BUILTIN__COUNT:
        break;
    }
    return fail(f->e, f->rule, SP_ERR_RULES, "internal", "unknown function");
}

static bool eval_arith(frame *f, const sp_expr *x, sp_value *out)
{
    sp_value a, b;
    if (!eval_two(f, x->a, &a, x->b, &b))
        return false;
    if (a.kind == SP_VAL_NULL)
        return null_operand(f, x->a);
    if (b.kind == SP_VAL_NULL)
        return null_operand(f, x->b);
    if (a.kind == SP_VAL_DURATION) {   /* duration + date */
        sp_value t = a;
        a = b;
        b = t;
    }
    if (a.kind == SP_VAL_DATE) {
        int64_t sign = x->kind == SP_EXPR_SUB ? -1 : 1;
        sp_date d = a.u.d;
        bool ok = sp_date_add_months(d, sign * b.u.dur.months, &d) &&
                  sp_date_add_days(d, sign * b.u.dur.days, &d);
        return date_out(f, ok, d, out);
    }
    bool ok;
    out->kind = SP_VAL_NUM;
    switch (x->kind) {
    case SP_EXPR_ADD: ok = sp_num_add(a.u.n, b.u.n, &out->u.n); break;
    case SP_EXPR_SUB: ok = sp_num_sub(a.u.n, b.u.n, &out->u.n); break;
    case SP_EXPR_MUL: ok = sp_num_mul(a.u.n, b.u.n, &out->u.n); break;
    default:
        if (b.u.n.num == 0)
            return fail(f->e, f->rule, SP_ERR_RULES, "division_by_zero", "division by zero");
        ok = sp_num_div(a.u.n, b.u.n, &out->u.n);
        break;
    }
    return ok ? true : overflow(f);
}

static bool eval_node(frame *f, const sp_expr *x, sp_value *out)
{
    sp_engine *e = f->e;
    /* Each case sets what its kind of value reads; nothing zeroes the rest
    ** (a value is 48 bytes, and this runs for every node of every case). */
    switch (x->kind) {
    case SP_EXPR_BOOL:
        out->kind = SP_VAL_BOOL;
        out->u.b = x->boolean;
        return true;
    case SP_EXPR_NUMBER:
        out->kind = SP_VAL_NUM;
        out->u.n = x->num;
        return true;
    case SP_EXPR_DATE:
        out->kind = SP_VAL_DATE;
        out->u.d = x->date;
        return true;
    case SP_EXPR_TEXT:
        out->kind = SP_VAL_TEXT;
        out->u.text.s = x->text;
        out->u.text.len = x->text_len;
        return true;
    case SP_EXPR_NULL:
        out->kind = SP_VAL_NULL;
        return true;
    case SP_EXPR_DURATION: {
        out->kind = SP_VAL_DURATION;
        out->u.dur.months = 0;
        out->u.dur.days = 0;
        int64_t n = x->count;
        switch ((sp_unit)x->op) {
        case SP_UNIT_DAYS: out->u.dur.days = n; break;
        case SP_UNIT_WEEKS: out->u.dur.days = 7 * n; break;
        case SP_UNIT_MONTHS: out->u.dur.months = n; break;
        case SP_UNIT_YEARS: out->u.dur.months = 12 * n; break;
        }
        return true;
    }
    case SP_EXPR_LIST: {
        sp_value *items = x->n_args ? sp_arena_alloc(&e->arena, x->n_args * sizeof *items) : NULL;
        if (x->n_args && !items)
            return oom(e);
        size_t n = 0;
        const uint64_t *need = NULL;   /* undetermined as a whole when an item is */
        for (size_t i = 0; i < x->n_args; i++) {
            const sp_expr *item = x->args[i];
            if (item->kind == SP_EXPR_ITEM_WHEN) {
                sp_value keep;
                if (!eval(f, item->b, &keep))
                    return false;
                if (keep.kind == SP_VAL_UNDETERMINED) {
                    if (!need_also(f, &need, &keep))
                        return false;
                    continue;
                }
                if (keep.kind != SP_VAL_BOOL)
                    return null_operand(f, item->b);
                if (!keep.u.b)
                    continue;
                item = item->a;
            }
            if (!eval(f, item, &items[n]))
                return false;
            if (items[n].kind != SP_VAL_UNDETERMINED)
                n++;
            else if (!need_also(f, &need, &items[n]))
                return false;
        }
        if (need)
            return stop_undetermined(f, need);
        out->kind = SP_VAL_LIST;
        out->u.list.items = items;
        out->u.list.n = n;
        return true;
    }
    case SP_EXPR_NEXT_DATE: {
        sp_date from = 0, d = 0;
        if (!eval_date(f, x->a, &from))
            return false;
        bool ok = sp_date_next_on_or_after(from, x->op, (int)x->count, &d);
        return date_out(f, ok, d, out);
    }
    case SP_EXPR_NAME:
        return eval_symbol(f, x, out);
    case SP_EXPR_BASE: {
        int base = e->p->rules[f->rule].replaces;
        if (!sp_eval_rule(e, base))
            return false;
        f->rr->used_base = true;
        or_bits(f->rr->assumes, e->results[base].assumes, e->p->assume_words);
        *out = e->results[base].value;
        return true;
    }
    case SP_EXPR_NOT: {
        bool b = false;
        if (!eval_bool(f, x->a, &b))
            return false;
        out->kind = SP_VAL_BOOL;
        out->u.b = !b;
        return true;
    }
    case SP_EXPR_AND:
    case SP_EXPR_OR: {
        /* and/or stop early: the right side is not read, nor traced. Under
        ** --partial an undetermined left side makes the whole undetermined,
        ** and the right side is not read either: evaluation has reached a
        ** missing fact (contract, section 7), and the right side may be
        ** guarded by the left (`x is not null and x > 0`). */
        bool is_and = x->kind == SP_EXPR_AND;
        sp_value a, b;
        if (!eval(f, x->a, &a))
            return false;
        if (a.kind == SP_VAL_UNDETERMINED) {
            *out = a;
            return true;
        }
        if (a.kind != SP_VAL_BOOL)
            return null_operand(f, x->a);
        if (is_and ? !a.u.b : a.u.b) {
            *out = a;
            return true;
        }
        if (!eval(f, x->b, &b))
            return false;
        if (b.kind != SP_VAL_BOOL && b.kind != SP_VAL_UNDETERMINED)
            return null_operand(f, x->b);
        *out = b;
        return true;
    }
    case SP_EXPR_NEG: {
        sp_num n = { 0, 1 };
        if (!eval_num(f, x->a, &n))
            return false;
        out->kind = SP_VAL_NUM;
        return sp_num_sub(sp_num_from_int(0), n, &out->u.n) ? true : overflow(f);
    }
    case SP_EXPR_CMP: {
        sp_value a, b;
        if (x->b->kind == SP_EXPR_NUMBER) {   /* `age < 18`: the number read from its node */
            if (!eval(f, x->a, &a))
                return false;
            if (a.kind == SP_VAL_UNDETERMINED)
                return undetermined(f, &a);
            b.kind = SP_VAL_NUM;
            b.u.n = x->b->num;
        } else if (!eval_two(f, x->a, &a, x->b, &b)) {
            return false;
        }
        out->kind = SP_VAL_BOOL;
        if (x->op == SP_CMP_EQ || x->op == SP_CMP_NE) {
            bool eq = sp_value_equal(&a, &b);
            out->u.b = x->op == SP_CMP_EQ ? eq : !eq;
            return true;
        }
        if (a.kind == SP_VAL_NULL)
            return null_operand(f, x->a);
        if (b.kind == SP_VAL_NULL)
            return null_operand(f, x->b);
        int c = compare(&a, &b);
        switch ((sp_cmp_op)x->op) {
        case SP_CMP_LT: out->u.b = c < 0; break;
        case SP_CMP_LE: out->u.b = c <= 0; break;
        case SP_CMP_GT: out->u.b = c > 0; break;
        case SP_CMP_GE: out->u.b = c >= 0; break;
        default: break;
        }
        return true;
    }
    case SP_EXPR_ONE_OF: {
        sp_value a;
        if (!eval(f, x->a, &a))
            return false;
        if (a.kind == SP_VAL_UNDETERMINED)
            return undetermined(f, &a);
        out->kind = SP_VAL_BOOL;
        out->u.b = false;
        const uint64_t *need = NULL;   /* an undetermined choice might be equal */
        for (size_t i = 0; i < x->n_args && !out->u.b; i++) {
            const sp_expr *item = x->args[i];
            if (item->kind == SP_EXPR_NAME && item->enum_value >= 0) {   /* a value as written */
                out->u.b = a.kind == SP_VAL_ENUM && a.u.e == item->enum_value;
                continue;
            }
            sp_value v;
            if (!eval(f, item, &v))
                return false;
            if (v.kind == SP_VAL_UNDETERMINED && !need_also(f, &need, &v))
                return false;
            out->u.b = sp_value_equal(&a, &v);
        }
        return need && !out->u.b ? stop_undetermined(f, need) : true;
    }
    case SP_EXPR_ADD:
    case SP_EXPR_SUB:
    case SP_EXPR_MUL:
    case SP_EXPR_DIV:
        return eval_arith(f, x, out);
    case SP_EXPR_INDEX: {
        sp_value k;
        if (!eval(f, x->b, &k))
            return false;
        if (k.kind != SP_VAL_ENUM)
            return k.kind == SP_VAL_UNDETERMINED ? undetermined(f, &k) : null_operand(f, x->b);
        if (!note_use(e, f->rr, x->sym))
            return false;
        const sp_symbol *t = &e->p->syms[x->sym];
        size_t v = 0;
        if (t->dated && !in_force(f, t, &v))
            return false;
        *out = t->version_table[v][k.u.e];
        return !t->dated || note_dated(f, x->sym, v, out);
    }
    case SP_EXPR_CALL:
        return eval_call(f, x, out);
    case SP_EXPR_BIRTHDAY: {
        sp_date birth = 0, d = 0;
        if (!eval_date(f, x->a, &birth))
            return false;
        bool ok = sp_date_anniversary(birth, x->count, &d);
        return date_out(f, ok, d, out);
    }
    case SP_EXPR_ROUND: {
        sp_num n = { 0, 1 };
        if (!eval_num(f, x->a, &n))
            return false;
        out->kind = SP_VAL_NUM;
        return sp_num_round(n, x->scale, (sp_round_mode)x->op, &out->u.n) ? true : overflow(f);
    }
    case SP_EXPR_IF: {
        bool c = false;
        if (!eval_bool(f, x->a, &c))
            return false;
        return eval(f, c ? x->b : x->c, out);
    }
    case SP_EXPR_ITEM_WHEN:   /* only inside a list, handled there */
    case SP_EXPR__COUNT:
        break;
    }
    return fail(e, f->rule, SP_ERR_RULES, "internal", "unknown expression");
}

/* An operation that stopped on an undetermined operand is undetermined. */
static bool eval(frame *f, const sp_expr *x, sp_value *out)
{
    if (eval_node(f, x, out))
        return true;
    if (f->e->err_code || !f->pending)
        return false;
    out->kind = SP_VAL_UNDETERMINED;
    out->u.missing = f->pending;
    f->pending = NULL;
    return true;
}

/* A whole number (or a list of them) must come out whole, whatever the
** arithmetic that made it. */
static bool whole_where_declared(const sp_type *t, const sp_value *v)
{
    if (t->kind == SP_TYPE_WHOLE && v->kind == SP_VAL_NUM)
        return sp_num_is_integer(v->u.n);
    if (t->kind == SP_TYPE_LIST && t->elem && v->kind == SP_VAL_LIST) {
        for (size_t i = 0; i < v->u.list.n; i++)
            if (!whole_where_declared(t->elem, &v->u.list.items[i]))
                return false;
    }
    return true;
}

/* A money output (or each item of a list of money) is whole pence. */
static const sp_value *unrounded(const sp_type *t, const sp_value *v)
{
    if (t->kind == SP_TYPE_MONEY && v->kind == SP_VAL_NUM)
        return sp_num_is_multiple(v->u.n, 100) ? NULL : v;
    if (t->kind == SP_TYPE_LIST && t->elem && v->kind == SP_VAL_LIST)
        for (size_t i = 0; i < v->u.list.n; i++) {
            const sp_value *bad = unrounded(t->elem, &v->u.list.items[i]);
            if (bad)
                return bad;
        }
    return NULL;
}

bool sp_eval_rule(sp_engine *e, int rule)
{
    const sp_policy *p = e->p;
    sp_rule_result *rr = &e->results[rule];
    if (rr->state == SP_RULE_DONE)
        return true;
    if (rr->state == SP_RULE_RUNNING)   /* the checker rejects cycles */
        return fail(e, rule, SP_ERR_RULES, "internal", "a rule depends on itself");
    rr->state = SP_RULE_RUNNING;
    e->touched[e->n_touched++] = rule;
    rr->assumes = p->assume_words <= 1 ? &rr->assume_word   /* zero, as the whole result */
                                        : sp_arena_alloc(&e->arena, p->assume_words * sizeof *rr->assumes);
    if (!rr->assumes)
        return oom(e);
    const sp_rule *r = &p->rules[rule];
    frame f = { .e = e, .rule = rule, .rr = rr };
    or_bits(rr->assumes, r->assumes, p->assume_words);
    for (size_t i = 0; i < r->n_branches; i++) {
        const sp_branch *b = r->branches[i];
        bool take = true;
        if (b->cond && !eval_bool(&f, b->cond, &take)) {
            if (e->err_code || !f.pending)
                return false;
            /* which branch applies is unknown: the rule is undetermined */
            rr->branch = (int)i;
            rr->undetermined_at = true;
            rr->value = (sp_value){ .kind = SP_VAL_UNDETERMINED, .u.missing = f.pending };
            break;
        }
        if (!take)
            continue;
        rr->branch = (int)i;
        or_bits(rr->assumes, r->branch_assumes[i], p->assume_words);
        if (!eval(&f, b->value, &rr->value))
            return false;
        break;
    }
    const sp_symbol *target = &p->syms[r->target];
    if (rr->value.kind == SP_VAL_NULL && !target->type->nullable)
        return fail(e, rule, SP_ERR_RULES, "null_value", "'%s' came out null, but it is declared '%s'",
                    target->name, sp_type_name(target->type, (char[96]){0}, 96));
    if ((target->type->kind == SP_TYPE_WHOLE || target->type->kind == SP_TYPE_LIST) &&
        !whole_where_declared(target->type, &rr->value)) {
        char exact[96];
        const sp_value *v = &rr->value;
        if (v->kind == SP_VAL_LIST)
            for (size_t i = 0; i < v->u.list.n; i++)
                if (v->u.list.items[i].kind == SP_VAL_NUM && !sp_num_is_integer(v->u.list.items[i].u.n))
                    v = &v->u.list.items[i];
        sp_num_format_exact(v->kind == SP_VAL_NUM ? v->u.n : sp_num_from_int(0), exact);
        return fail(e, rule, SP_ERR_RULES, "not_whole", "'%s' is declared a whole number, but came out %s",
                    target->name, exact);
    }
    rr->state = SP_RULE_DONE;
    e->order[e->n_order++] = rule;
    return true;
}

bool sp_eval_outputs(sp_engine *e)
{
    const sp_policy *p = e->p;
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_symbol *s = &p->syms[p->outputs[i]];
        if (!sp_eval_rule(e, s->slot))
            return false;
        /* A money output must be whole pence: the rule has to round. */
        const sp_value *v = s->type->kind == SP_TYPE_MONEY || s->type->kind == SP_TYPE_LIST
                                ? unrounded(s->type, &e->results[s->slot].value)
                                : NULL;
        if (v) {
            char exact[96];
            sp_num_format_exact(v->u.n, exact);
            return fail(e, s->slot, SP_ERR_RULES, "not_rounded",
                        "output '%s' is %s, not a whole number of pence: the rule must round it", s->name,
                        exact);
        }
    }
    return true;
}
