/*
** The checker: names to slots, types, rule replacement chains, cycles and
** examples. Load time only; the evaluator trusts what it leaves behind.
*/
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

#define uthash_malloc(sz) sp_arena_alloc(&p->arena, sz)
#define uthash_free(ptr, sz) ((void)0)
#define uthash_nonfatal_oom(e) (p->oom = true)
#include <uthash.h>

typedef struct sym_entry {
    const char *name;
    int index;
    UT_hash_handle hh;
} sym_entry;

typedef struct checker {
    sp_policy *p;
    sp_diags *d;
    sp_rule *rule;            /* the rule being checked, for `base` */
    const sp_source *src;     /* the file of the item being checked */
    int type_depth;           /* named types being resolved, to catch circles */
} checker;

static sp_type T_ERROR = { .kind = SP_TYPE_ERROR };
static sp_type T_BOOL = { .kind = SP_TYPE_BOOL };
static sp_type T_WHOLE = { .kind = SP_TYPE_WHOLE };
static sp_type T_MONEY = { .kind = SP_TYPE_MONEY };
static sp_type T_DATE = { .kind = SP_TYPE_DATE };
static sp_type T_TEXT = { .kind = SP_TYPE_TEXT };
static sp_type T_NULL = { .kind = SP_TYPE_NULL };
static sp_type T_NUMLIT = { .kind = SP_TYPE_NUMLIT };
static sp_type T_DURATION = { .kind = SP_TYPE_DURATION };

static const struct { const char *name; int lo, hi; } builtins[] = {
#define X(k, name, lo, hi) { name, lo, hi },
#include "builtins.def"
#undef X
};

/* ---- names ---- */

int sp_policy_lookup(const sp_policy *p, const char *name)
{
    sym_entry *e = NULL;
    sym_entry *table = p->sym_index;
    HASH_FIND_STR(table, name, e);
    return e ? e->index : -1;
}

static int rule_lookup(sym_entry *table, const char *name)
{
    sym_entry *e = NULL;
    HASH_FIND_STR(table, name, e);
    return e ? e->index : -1;
}

static size_t item_line(const sp_item *it)
{
    size_t line, col;
    sp_source_line_col(it->src, it->start, &line, &col);
    return line;
}

static const char *sym_kind_name(sp_sym_kind k)
{
    switch (k) {
    case SP_SYM_FACT: return "fact";
    case SP_SYM_FIGURE: return "figure";
    case SP_SYM_TABLE: return "table";
    case SP_SYM_TYPE: return "type";
    case SP_SYM_OUTPUT: return "output";
    case SP_SYM_VALUE: return "value";
    }
    return "name";
}

static int declare(checker *c, sp_item *it, sp_sym_kind kind, int layer)
{
    sp_policy *p = c->p;
    int prev = sp_policy_lookup(p, it->name);
    if (prev >= 0) {
        sp_item *first = p->syms[prev].item;
        sp_diag_error(c->d, "E0201", it->src, it->name_start, it->name_end,
                      "'%s' is already declared (as a %s)", it->name,
                      sym_kind_name(p->syms[prev].kind));
        sp_diag_note(c->d, "first declared at %s:%zu", first->src->path, item_line(first));
        return -1;
    }
    sym_entry *e = sp_arena_alloc(&p->arena, sizeof *e);
    if (!e) {
        p->oom = true;
        return -1;
    }
    int idx = (int)p->n_syms++;
    sp_symbol *s = &p->syms[idx];
    s->name = it->name;
    s->kind = kind;
    s->item = it;
    s->layer = layer;
    s->slot = -1;
    s->output_index = -1;
    s->at_most = -1;
    e->name = it->name;
    e->index = idx;
    sym_entry *table = p->sym_index;
    HASH_ADD_KEYPTR(hh, table, e->name, strlen(e->name), e);
    p->sym_index = table;
    return idx;
}

/* Every name the policy knows, for "did you mean". */
static const char *nearest_name(const sp_policy *p, const char *name, int only_kind)
{
    sp_suggest s;
    sp_suggest_init(&s, name);
    for (size_t i = 0; i < p->n_syms; i++)
        if (only_kind < 0 || (int)p->syms[i].kind == only_kind)
            sp_suggest_offer(&s, p->syms[i].name);
    return sp_suggest_best(&s);
}

static void unknown_name(checker *c, size_t start, size_t end, const char *what,
                         const char *name, int only_kind)
{
    sp_diag_error(c->d, "E0202", c->src, start, end, "unknown %s '%s'", what, name);
    const char *near = nearest_name(c->p, name, only_kind);
    if (near)
        sp_diag_note(c->d, "did you mean '%s'?", near);
}

/* ---- types ---- */

const char *sp_type_name(const sp_type *t, char *buf, size_t size)
{
    char inner[128];
    const char *base;
    switch (t->kind) {
    case SP_TYPE_BOOL: base = "bool"; break;
    case SP_TYPE_WHOLE: base = "whole number"; break;
    case SP_TYPE_MONEY: base = "money"; break;
    case SP_TYPE_DATE: base = "date"; break;
    case SP_TYPE_TEXT: base = "text"; break;
    case SP_TYPE_ENUM:
        snprintf(inner, sizeof inner, "one of %s", t->enumt ? t->enumt->name : "?");
        base = inner;
        break;
    case SP_TYPE_LIST: {
        char e[96];
        snprintf(inner, sizeof inner, "list of %s",
                 t->elem ? sp_type_name(t->elem, e, sizeof e) : "?");
        base = inner;
        break;
    }
    case SP_TYPE_DURATION: base = "duration"; break;
    case SP_TYPE_NULL: base = "null"; break;
    case SP_TYPE_NUMLIT: base = "number"; break;
    case SP_TYPE_NAMED: base = t->name; break;
    default: base = "?"; break;
    }
    snprintf(buf, size, "%s%s", base, t->nullable && t->kind != SP_TYPE_NULL ? " or null" : "");
    return buf;
}

static int enum_index(const sp_enum *en, const char *name);

/* Resolves a declared type in place: named types, inline enumerations. */
static bool resolve_type(checker *c, sp_type *t, const char *owner)
{
    sp_policy *p = c->p;
    if (t->kind == SP_TYPE_NAMED) {
        int s = sp_policy_lookup(p, t->name);
        if (s < 0 || p->syms[s].kind != SP_SYM_TYPE) {
            unknown_name(c, t->start, t->end, "type", t->name, SP_SYM_TYPE);
            t->kind = SP_TYPE_ERROR;
            return false;
        }
        sp_type *named = p->syms[s].type;
        /* The named type may come later in the files: resolve it first. A
        ** chain of names deeper than this is a circle. */
        if (++c->type_depth > 32) {
            sp_diag_error(c->d, "E0203", c->src, t->start, t->end, "type '%s' is defined in terms of itself",
                          t->name);
            t->kind = SP_TYPE_ERROR;
            c->type_depth = 0;
            return false;
        }
        bool ok = resolve_type(c, named, p->syms[s].name);
        if (c->type_depth)
            c->type_depth--;
        if (!ok) {
            t->kind = SP_TYPE_ERROR;
            return false;
        }
        bool nullable = t->nullable;
        *t = *named;
        t->nullable = nullable || named->nullable;
        return t->kind != SP_TYPE_ERROR;
    }
    if (t->kind == SP_TYPE_ENUM && !t->enumt) {
        size_t n = 0;
        for (sp_ident *i = t->values; i; i = i->next)
            n++;
        sp_enum *en = sp_arena_alloc(&p->arena, sizeof *en);
        const char **vals = sp_arena_alloc(&p->arena, n * sizeof *vals + 1);
        if (!en || !vals) {
            p->oom = true;
            return false;
        }
        en->name = owner;
        en->values = vals;
        /* A value listed twice is reported and kept once, so the type stays
        ** usable and the checker goes on. */
        for (sp_ident *i = t->values; i; i = i->next) {
            if (enum_index(en, i->name) >= 0) {
                sp_diag_error(c->d, "E0201", c->src, i->start, i->end, "'%s' is listed twice", i->name);
                continue;
            }
            vals[en->n_values++] = i->name;
        }
        t->enumt = en;
    }
    if (t->kind == SP_TYPE_LIST && t->elem)
        return resolve_type(c, t->elem, owner);
    return true;
}

static int enum_index(const sp_enum *en, const char *name)
{
    for (size_t i = 0; i < en->n_values; i++)
        if (strcmp(en->values[i], name) == 0)
            return (int)i;
    return -1;
}

/* E0204 with the nearest value of the enumeration as a suggestion. */
static void not_a_value(sp_diags *d, const sp_source *src, const sp_expr *e, const sp_enum *en)
{
    sp_diag_error(d, "E0204", src, e->start, e->end, "'%s' is not a value of %s", e->name, en->name);
    sp_suggest sg;
    sp_suggest_init(&sg, e->name);
    for (size_t i = 0; i < en->n_values; i++)
        sp_suggest_offer(&sg, en->values[i]);
    const char *near = sp_suggest_best(&sg);
    if (near)
        sp_diag_note(d, "did you mean '%s'?", near);
}

static bool is_numeric(const sp_type *t)
{
    return t->kind == SP_TYPE_WHOLE || t->kind == SP_TYPE_MONEY || t->kind == SP_TYPE_NUMLIT;
}

/* Whether a value of type `from` may stand where `to` is expected. */
static bool assignable(const sp_type *to, const sp_type *from)
{
    if (to->kind == SP_TYPE_ERROR || from->kind == SP_TYPE_ERROR)
        return true;
    if (from->kind == SP_TYPE_NULL)
        return to->nullable;
    if (from->kind == SP_TYPE_NUMLIT)
        return to->kind == SP_TYPE_MONEY || to->kind == SP_TYPE_WHOLE || to->kind == SP_TYPE_NUMLIT;
    if (to->kind == SP_TYPE_NUMLIT)
        return is_numeric(from);
    if (to->kind != from->kind)
        return false;
    if (to->kind == SP_TYPE_ENUM)
        return to->enumt == from->enumt;
    if (to->kind == SP_TYPE_LIST)
        return !to->elem || !from->elem || assignable(to->elem, from->elem);
    return true;
}

/* The common type of two operands that must agree, or NULL. */
static const sp_type *unify(const sp_type *a, const sp_type *b)
{
    if (a->kind == SP_TYPE_ERROR || b->kind == SP_TYPE_ERROR)
        return &T_ERROR;
    if (a->kind == SP_TYPE_NULL)
        return b;
    if (b->kind == SP_TYPE_NULL)
        return a;
    if (a->kind == SP_TYPE_NUMLIT && is_numeric(b))
        return b;
    if (b->kind == SP_TYPE_NUMLIT && is_numeric(a))
        return a;
    if (assignable(a, b) && assignable(b, a))
        return a;
    return NULL;
}

static void type_mismatch(checker *c, const sp_expr *e, const char *what,
                          const sp_type *want, const sp_type *got)
{
    char w[160], g[160];
    sp_diag_error(c->d, "E0301", c->src, e->start, e->end, "%s: expected %s, found %s",
                  what, sp_type_name(want, w, sizeof w), sp_type_name(got, g, sizeof g));
}

static const sp_type *check_expr(checker *c, sp_expr *e, const sp_type *expected);

static const sp_type *set_type(sp_expr *e, const sp_type *t)
{
    e->type = *t;
    return &e->type;
}

static const sp_type *expect_kind(checker *c, sp_expr *e, const sp_type *want, const char *what)
{
    const sp_type *t = check_expr(c, e, want);
    if (!assignable(want, t)) {
        type_mismatch(c, e, what, want, t);
        return &T_ERROR;
    }
    return t;
}

static const sp_type *check_name(checker *c, sp_expr *e, const sp_type *expected)
{
    sp_policy *p = c->p;
    /* An enumeration value wins where one is expected: `kind is gcse`. */
    if (expected && expected->kind == SP_TYPE_ENUM && expected->enumt) {
        int v = enum_index(expected->enumt, e->name);
        if (v >= 0) {
            e->enum_value = v;
            sp_type t = *expected;
            t.nullable = false;
            return set_type(e, &t);
        }
    }
    int s = sp_policy_lookup(p, e->name);
    if (s < 0) {
        if (expected && expected->kind == SP_TYPE_ENUM && expected->enumt) {
            not_a_value(c->d, c->src, e, expected->enumt);
        } else {
            unknown_name(c, e->start, e->end, "name", e->name, -1);
        }
        return set_type(e, &T_ERROR);
    }
    sp_symbol *sym = &p->syms[s];
    if (sym->kind == SP_SYM_TYPE || sym->kind == SP_SYM_TABLE) {
        sp_diag_error(c->d, "E0302", c->src, e->start, e->end,
                      "'%s' is a %s, not a value%s", e->name, sym_kind_name(sym->kind),
                      sym->kind == SP_SYM_TABLE ? " (look it up: name[key])" : "");
        return set_type(e, &T_ERROR);
    }
    e->sym = s;
    return set_type(e, sym->type ? sym->type : &T_ERROR);
}

static bool round_words(checker *c, sp_expr *e)
{
    /* unit, then mode: "penny half up", "pound down" */
    sp_ident *w = e->round_words;
    if (!w)
        return false;
    if (strcmp(w->name, "penny") == 0 || strcmp(w->name, "pence") == 0)
        e->scale = 100;
    else if (strcmp(w->name, "pound") == 0 || strcmp(w->name, "pounds") == 0)
        e->scale = 1;
    else {
        sp_diag_error(c->d, "E0303", c->src, w->start, w->end,
                      "unknown rounding unit '%s': write penny or pound", w->name);
        return false;
    }
    sp_ident *m = w->next;
    const char *a = m ? m->name : "";
    const char *b = m && m->next ? m->next->name : "";
    size_t used = 0;
    if (strcmp(a, "half") == 0 && strcmp(b, "up") == 0) {
        e->op = SP_ROUND_HALF_UP;
        used = 2;
    } else if (strcmp(a, "half") == 0 && strcmp(b, "even") == 0) {
        e->op = SP_ROUND_HALF_EVEN;
        used = 2;
    } else if (strcmp(a, "up") == 0) {
        e->op = SP_ROUND_UP;
        used = 1;
    } else if (strcmp(a, "down") == 0) {
        e->op = SP_ROUND_DOWN;
        used = 1;
    }
    sp_ident *rest = m;
    for (size_t i = 0; i < used && rest; i++)
        rest = rest->next;
    if (!used || rest) {
        size_t at = m ? m->start : w->end;
        size_t end = m ? e->end : w->end;
        sp_diag_error(c->d, "E0303", c->src, at, end,
                      "the rounding mode must be 'half up', 'half even', 'up' or 'down'");
        return false;
    }
    return true;
}

static const sp_type *check_call(checker *c, sp_expr *e)
{
    int b = -1;
    for (int i = 0; i < SP_BUILTIN__COUNT; i++)
        if (strcmp(builtins[i].name, e->name) == 0)
            b = i;
    if (b < 0) {
        sp_diag_error(c->d, "E0202", c->src, e->start, e->start + strlen(e->name),
                      "unknown function '%s'", e->name);
        sp_suggest sg;
        sp_suggest_init(&sg, e->name);
        for (int i = 0; i < SP_BUILTIN__COUNT; i++)
            sp_suggest_offer(&sg, builtins[i].name);
        const char *near = sp_suggest_best(&sg);
        if (near)
            sp_diag_note(c->d, "did you mean '%s'?", near);
        return set_type(e, &T_ERROR);
    }
    e->builtin = b;
    int n = (int)e->n_args;
    if (n < builtins[b].lo || (builtins[b].hi >= 0 && n > builtins[b].hi)) {
        sp_diag_error(c->d, "E0304", c->src, e->start, e->end,
                      "%s takes %d%s argument%s, not %d", e->name, builtins[b].lo,
                      builtins[b].hi < 0 ? " or more" : "", builtins[b].lo == 1 ? "" : "s", n);
        return set_type(e, &T_ERROR);
    }
    switch ((sp_builtin)b) {
    case SP_BUILTIN_MIN:
    case SP_BUILTIN_MAX: {
        const sp_type *t = check_expr(c, e->args[0], NULL);
        for (int i = 1; i < n; i++) {
            const sp_type *u = check_expr(c, e->args[i], t);
            const sp_type *j = unify(t, u);
            if (!j) {
                type_mismatch(c, e->args[i], e->name, t, u);
                return set_type(e, &T_ERROR);
            }
            t = j;
        }
        if (t->kind != SP_TYPE_ERROR && !is_numeric(t) && t->kind != SP_TYPE_DATE) {
            sp_diag_error(c->d, "E0301", c->src, e->start, e->end,
                          "%s compares numbers, money or dates", e->name);
            return set_type(e, &T_ERROR);
        }
        sp_type r = *t;
        r.nullable = false;
        return set_type(e, &r);
    }
    case SP_BUILTIN_MEAN:
    case SP_BUILTIN_SUM:
    case SP_BUILTIN_COUNT: {
        const sp_type *t = check_expr(c, e->args[0], NULL);
        if (t->kind == SP_TYPE_ERROR)
            return set_type(e, &T_ERROR);
        if (t->kind != SP_TYPE_LIST) {
            sp_diag_error(c->d, "E0301", c->src, e->args[0]->start, e->args[0]->end,
                          "%s takes a list", e->name);
            return set_type(e, &T_ERROR);
        }
        if (b == SP_BUILTIN_COUNT)
            return set_type(e, &T_WHOLE);
        const sp_type *el = t->elem ? t->elem : &T_NUMLIT;
        if (!is_numeric(el)) {
            sp_diag_error(c->d, "E0301", c->src, e->args[0]->start, e->args[0]->end,
                          "%s takes a list of numbers or money", e->name);
            return set_type(e, &T_ERROR);
        }
        if (b == SP_BUILTIN_MEAN && el->kind == SP_TYPE_WHOLE) {
            sp_diag_error(c->d, "E0301", c->src, e->args[0]->start, e->args[0]->end,
                          "mean takes a list of money");
            return set_type(e, &T_ERROR);
        }
        sp_type r = *el;
        r.nullable = false;
        return set_type(e, &r);
    }
    case SP_BUILTIN_AGE:
        expect_kind(c, e->args[0], &T_DATE, "age: the date of birth");
        expect_kind(c, e->args[1], &T_DATE, "age: the date it is taken on");
        return set_type(e, &T_WHOLE);
    case SP_BUILTIN_BIRTHDAY:
        expect_kind(c, e->args[0], &T_DATE, "birthday: the date of birth");
        expect_kind(c, e->args[1], &T_WHOLE, "birthday: which birthday");
        return set_type(e, &T_DATE);
    case SP_BUILTIN_LATEST:
    case SP_BUILTIN_EARLIEST: {
        for (int i = 0; i < n; i++)
            expect_kind(c, e->args[i], &(sp_type){ .kind = SP_TYPE_DATE, .nullable = true },
                        e->name);
        sp_type r = { .kind = SP_TYPE_DATE, .nullable = true };
        return set_type(e, &r);
    }
    case SP_BUILTIN_PRESENT: {
        /* present(a, b): the values among a, b that are not null. The
        ** decision's reasons are those of the values kept, so each argument
        ** names a value or an output. */
        const sp_type *t = NULL;
        for (int i = 0; i < n; i++) {
            sp_expr *x = e->args[i];
            const sp_type *u = check_expr(c, x, t);
            if (x->kind != SP_EXPR_NAME || x->sym < 0 ||
                (c->p->syms[x->sym].kind != SP_SYM_VALUE && c->p->syms[x->sym].kind != SP_SYM_OUTPUT)) {
                if (u->kind != SP_TYPE_ERROR)
                    sp_diag_error(c->d, "E0304", c->src, x->start, x->end,
                                  "present() takes the names of values or outputs");
                return set_type(e, &T_ERROR);
            }
            const sp_type *j = t ? unify(t, u) : u;
            if (!j) {
                type_mismatch(c, x, "present() needs values of one type", t, u);
                return set_type(e, &T_ERROR);
            }
            t = j;
        }
        sp_type *elem = sp_arena_alloc(&c->p->arena, sizeof *elem);
        if (!elem) {
            c->p->oom = true;
            return set_type(e, &T_ERROR);
        }
        *elem = *t;
        elem->nullable = false;
        sp_type r = { .kind = SP_TYPE_LIST, .elem = elem };
        return set_type(e, &r);
    }
    case SP_BUILTIN__COUNT:
        break;
    }
    return set_type(e, &T_ERROR);
}

static const sp_type *check_arith(checker *c, sp_expr *e)
{
    const sp_type *a = check_expr(c, e->a, NULL);
    const sp_type *b = check_expr(c, e->b, a->kind == SP_TYPE_NUMLIT ? NULL : a);
    if (a->kind == SP_TYPE_ERROR || b->kind == SP_TYPE_ERROR)
        return set_type(e, &T_ERROR);
    if (a->kind == SP_TYPE_NUMLIT && b->kind != SP_TYPE_NUMLIT && is_numeric(b) &&
        (e->kind == SP_EXPR_ADD || e->kind == SP_EXPR_SUB))
        return set_type(e, b);
    if (e->kind == SP_EXPR_ADD || e->kind == SP_EXPR_SUB) {
        if (a->kind == SP_TYPE_DATE && b->kind == SP_TYPE_DURATION)
            return set_type(e, &T_DATE);
        if (a->kind == SP_TYPE_DURATION && b->kind == SP_TYPE_DATE && e->kind == SP_EXPR_ADD)
            return set_type(e, &T_DATE);
        const sp_type *u = unify(a, b);
        if (u && is_numeric(u)) {
            sp_type r = *u;
            r.nullable = false;
            return set_type(e, &r);
        }
        sp_diag_error(c->d, "E0301", c->src, e->start, e->end,
                      "cannot %s %s and %s", e->kind == SP_EXPR_ADD ? "add" : "subtract",
                      sp_type_name(a, (char[64]){0}, 64), sp_type_name(b, (char[64]){0}, 64));
        return set_type(e, &T_ERROR);
    }
    /* * and /: money by a number, or numbers */
    bool money_a = a->kind == SP_TYPE_MONEY, money_b = b->kind == SP_TYPE_MONEY;
    if (is_numeric(a) && is_numeric(b) && !(money_a && money_b) && !(money_b && e->kind == SP_EXPR_DIV)) {
        if (money_a || money_b)
            return set_type(e, &T_MONEY);
        if (a->kind == SP_TYPE_NUMLIT && b->kind == SP_TYPE_NUMLIT)
            return set_type(e, &T_NUMLIT);
        if (e->kind == SP_EXPR_DIV) {
            /* a fraction of a whole number has no type to hold it */
            sp_diag_error(c->d, "E0301", c->src, e->start, e->end,
                          "only money is divided: whole numbers divided may leave a fraction");
            return set_type(e, &T_ERROR);
        }
        return set_type(e, &T_WHOLE);
    }
    sp_diag_error(c->d, "E0301", c->src, e->start, e->end,
                  "cannot %s %s by %s", e->kind == SP_EXPR_MUL ? "multiply" : "divide",
                  sp_type_name(a, (char[64]){0}, 64), sp_type_name(b, (char[64]){0}, 64));
    return set_type(e, &T_ERROR);
}

static const sp_type *check_expr(checker *c, sp_expr *e, const sp_type *expected)
{
    if (!e)
        return &T_ERROR;
    switch (e->kind) {
    case SP_EXPR_BOOL: return set_type(e, &T_BOOL);
    case SP_EXPR_NUMBER: return set_type(e, &T_NUMLIT);
    case SP_EXPR_DATE: return set_type(e, &T_DATE);
    case SP_EXPR_TEXT: return set_type(e, &T_TEXT);
    case SP_EXPR_NULL: return set_type(e, &T_NULL);
    case SP_EXPR_DURATION: return set_type(e, &T_DURATION);
    case SP_EXPR_NAME: return check_name(c, e, expected);
    case SP_EXPR_BASE:
        if (!c->rule || c->rule->replaces < 0) {
            sp_diag_error(c->d, "E0408", c->src, e->start, e->end,
                          "'base' is used only in a rule that replaces another");
            return set_type(e, &T_ERROR);
        }
        return set_type(e, c->p->syms[c->rule->target].type);
    case SP_EXPR_LIST: {
        const sp_type *el = expected && expected->kind == SP_TYPE_LIST ? expected->elem : NULL;
        for (size_t i = 0; i < e->n_args; i++) {
            sp_expr *x = e->args[i];
            if (x->kind == SP_EXPR_ITEM_WHEN) {
                expect_kind(c, x->b, &T_BOOL, "an item's 'when' needs a condition");
                x = x->a;
            }
            const sp_type *t = check_expr(c, x, el);
            const sp_type *u = el ? unify(el, t) : t;
            if (!u) {
                type_mismatch(c, e->args[i], "a list's items must agree", el, t);
                return set_type(e, &T_ERROR);
            }
            el = u;
        }
        sp_type *elem = sp_arena_alloc(&c->p->arena, sizeof *elem);
        if (!elem) {
            c->p->oom = true;
            return set_type(e, &T_ERROR);
        }
        *elem = el ? *el : T_NUMLIT;
        sp_type r = { .kind = SP_TYPE_LIST, .elem = elem };
        return set_type(e, &r);
    }
    case SP_EXPR_NOT:
        expect_kind(c, e->a, &T_BOOL, "'not' needs a condition");
        return set_type(e, &T_BOOL);
    case SP_EXPR_AND:
    case SP_EXPR_OR:
        expect_kind(c, e->a, &T_BOOL, e->kind == SP_EXPR_AND ? "'and' joins conditions" : "'or' joins conditions");
        expect_kind(c, e->b, &T_BOOL, e->kind == SP_EXPR_AND ? "'and' joins conditions" : "'or' joins conditions");
        return set_type(e, &T_BOOL);
    case SP_EXPR_NEG: {
        const sp_type *t = check_expr(c, e->a, NULL);
        if (t->kind != SP_TYPE_ERROR && !is_numeric(t)) {
            sp_diag_error(c->d, "E0301", c->src, e->start, e->end, "only numbers and money can be negated");
            return set_type(e, &T_ERROR);
        }
        return set_type(e, t);
    }
    case SP_EXPR_CMP: {
        /* An enumeration value may stand on either side (`gcse is kind`):
        ** read the side that names something first, the other in its light. */
        const sp_type *a, *b;
        if (e->a->kind == SP_EXPR_NAME && sp_policy_lookup(c->p, e->a->name) < 0) {
            b = check_expr(c, e->b, NULL);
            a = check_expr(c, e->a, b);
        } else {
            a = check_expr(c, e->a, NULL);
            b = check_expr(c, e->b, a);
        }
        const sp_type *u = unify(a, b);
        if (!u) {
            char ta[96], tb[96];
            sp_diag_error(c->d, "E0301", c->src, e->start, e->end,
                          "cannot compare %s with %s", sp_type_name(a, ta, sizeof ta),
                          sp_type_name(b, tb, sizeof tb));
            return set_type(e, &T_BOOL);
        }
        if (e->op != SP_CMP_EQ && e->op != SP_CMP_NE && u->kind != SP_TYPE_ERROR &&
            !is_numeric(u) && u->kind != SP_TYPE_DATE) {
            char tu[96];
            sp_diag_error(c->d, "E0301", c->src, e->start, e->end,
                          "%s values have no order: use 'is' or 'is not'",
                          sp_type_name(u, tu, sizeof tu));
        }
        return set_type(e, &T_BOOL);
    }
    case SP_EXPR_ONE_OF: {
        const sp_type *a = check_expr(c, e->a, NULL);
        for (size_t i = 0; i < e->n_args; i++) {
            const sp_type *t = check_expr(c, e->args[i], a);
            if (!unify(a, t))
                type_mismatch(c, e->args[i], "'is one of' needs values of the same type", a, t);
        }
        return set_type(e, &T_BOOL);
    }
    case SP_EXPR_ADD:
    case SP_EXPR_SUB:
    case SP_EXPR_MUL:
    case SP_EXPR_DIV:
        return check_arith(c, e);
    case SP_EXPR_INDEX: {
        sp_policy *p = c->p;
        if (e->a->kind != SP_EXPR_NAME) {
            sp_diag_error(c->d, "E0305", c->src, e->a->start, e->a->end, "only a table can be looked up with [ ]");
            return set_type(e, &T_ERROR);
        }
        int s = sp_policy_lookup(p, e->a->name);
        if (s < 0) {
            unknown_name(c, e->a->start, e->a->end, "table", e->a->name, SP_SYM_TABLE);
            return set_type(e, &T_ERROR);
        }
        if (p->syms[s].kind != SP_SYM_TABLE) {
            sp_diag_error(c->d, "E0305", c->src, e->a->start, e->a->end,
                          "'%s' is a %s, not a table", e->a->name, sym_kind_name(p->syms[s].kind));
            return set_type(e, &T_ERROR);
        }
        e->sym = s;
        sp_type key = { .kind = SP_TYPE_ENUM, .enumt = p->syms[s].table_key };
        const sp_type *k = check_expr(c, e->b, &key);
        if (k->kind != SP_TYPE_ERROR && !(k->kind == SP_TYPE_ENUM && k->enumt == key.enumt))
            type_mismatch(c, e->b, "the table's key", &key, k);
        return set_type(e, p->syms[s].type);
    }
    case SP_EXPR_CALL:
        return check_call(c, e);
    case SP_EXPR_BIRTHDAY:
        expect_kind(c, e->a, &T_DATE, "a birthday is counted from a date");
        return set_type(e, &T_DATE);
    case SP_EXPR_ROUND: {
        const sp_type *t = check_expr(c, e->a, &T_MONEY);
        round_words(c, e);
        if (t->kind != SP_TYPE_ERROR && t->kind != SP_TYPE_MONEY && t->kind != SP_TYPE_NUMLIT) {
            sp_diag_error(c->d, "E0301", c->src, e->a->start, e->a->end, "only money is rounded");
            return set_type(e, &T_ERROR);
        }
        return set_type(e, &T_MONEY);
    }
    case SP_EXPR_IF: {
        expect_kind(c, e->a, &T_BOOL, "'if' needs a condition");
        const sp_type *a = check_expr(c, e->b, expected);
        const sp_type *b = check_expr(c, e->c, expected ? expected : a);
        const sp_type *u = unify(a, b);
        if (!u) {
            type_mismatch(c, e->c, "both sides of 'if' must agree", a, b);
            return set_type(e, &T_ERROR);
        }
        sp_type r = *u;
        r.nullable = a->nullable || b->nullable || a->kind == SP_TYPE_NULL || b->kind == SP_TYPE_NULL;
        return set_type(e, &r);
    }
    case SP_EXPR_ITEM_WHEN:
        sp_diag_error(c->d, "E0301", c->src, e->start, e->end, "'x when c' is an item of a list [ ]");
        return set_type(e, &T_ERROR);
    case SP_EXPR_NEXT_DATE: {
        static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                              "August", "September", "October", "November", "December" };
        e->op = 0;
        for (int m = 0; m < 12; m++)
            if (strcmp(e->name, months[m]) == 0)
                e->op = m + 1;
        expect_kind(c, e->a, &T_DATE, "'on or after' needs a date");
        if (!e->op) {
            sp_diag_error(c->d, "E0301", c->src, e->start, e->end,
                          "'%s' is not a month: write it in full, like September", e->name);
            return set_type(e, &T_ERROR);
        }
        if (e->count < 1 || e->count > sp_date_days_in_month(2000, e->op)) {
            sp_diag_error(c->d, "E0103", c->src, e->start, e->end, "%s has no day %lld", e->name,
                          (long long)e->count);
            return set_type(e, &T_ERROR);
        }
        return set_type(e, &T_DATE);
    }
    case SP_EXPR__COUNT:
        break;
    }
    return set_type(e, &T_ERROR);
}

/* ---- constants ---- */

bool sp_check_constant(sp_policy *p, sp_diags *d, const sp_source *src,
                       const sp_expr *e, const sp_type *type, sp_value *out)
{
    char tn[128];
    memset(out, 0, sizeof *out);
    if (e->kind == SP_EXPR_NULL) {
        if (!type->nullable) {
            sp_diag_error(d, "E0301", src, e->start, e->end, "null where %s is expected",
                          sp_type_name(type, tn, sizeof tn));
            return false;
        }
        out->kind = SP_VAL_NULL;
        return true;
    }
    switch (type->kind) {
    case SP_TYPE_ERROR:
        return false;
    case SP_TYPE_BOOL:
        if (e->kind != SP_EXPR_BOOL)
            break;
        out->kind = SP_VAL_BOOL;
        out->u.b = e->boolean;
        return true;
    case SP_TYPE_WHOLE:
    case SP_TYPE_MONEY:
    case SP_TYPE_NUMLIT: {
        const sp_expr *n = e->kind == SP_EXPR_NEG ? e->a : e;
        if (n->kind != SP_EXPR_NUMBER)
            break;
        if (type->kind == SP_TYPE_WHOLE && n->is_decimal)
            break;
        out->kind = SP_VAL_NUM;
        out->u.n = n->num;
        if (e != n)
            out->u.n.num = -out->u.n.num;
        return true;
    }
    case SP_TYPE_DATE:
        if (e->kind != SP_EXPR_DATE)
            break;
        out->kind = SP_VAL_DATE;
        out->u.d = e->date;
        return true;
    case SP_TYPE_TEXT:
        if (e->kind != SP_EXPR_TEXT)
            break;
        out->kind = SP_VAL_TEXT;
        out->u.text.s = e->text;
        out->u.text.len = e->text_len;
        return true;
    case SP_TYPE_ENUM: {
        if (e->kind != SP_EXPR_NAME)
            break;
        int v = enum_index(type->enumt, e->name);
        if (v < 0) {
            not_a_value(d, src, e, type->enumt);
            return false;
        }
        out->kind = SP_VAL_ENUM;
        out->u.e = v;
        return true;
    }
    case SP_TYPE_LIST: {
        if (e->kind != SP_EXPR_LIST)
            break;
        sp_value *items = e->n_args ? sp_arena_alloc(&p->arena, e->n_args * sizeof *items) : NULL;
        if (e->n_args && !items) {
            p->oom = true;
            return false;
        }
        for (size_t i = 0; i < e->n_args; i++)
            if (!sp_check_constant(p, d, src, e->args[i], type->elem, &items[i]))
                return false;
        out->kind = SP_VAL_LIST;
        out->u.list.items = items;
        out->u.list.n = e->n_args;
        return true;
    }
    default:
        break;
    }
    sp_diag_error(d, "E0301", src, e->start, e->end, "expected a value of type %s here",
                  sp_type_name(type, tn, sizeof tn));
    return false;
}

/* The rows of one version of a table, every key given once. */
static bool table_rows(checker *c, sp_symbol *s, const sp_pair *entries, sp_value **out)
{
    sp_policy *p = c->p;
    sp_item *it = s->item;
    sp_enum *en = s->table_key;
    sp_value *rows = sp_arena_alloc(&p->arena, (en->n_values + 1) * sizeof *rows);
    bool *seen = sp_arena_alloc(&p->arena, en->n_values + 1);
    if (!rows || !seen) {
        p->oom = true;
        return false;
    }
    *out = rows;
    for (const sp_pair *e = entries; e; e = e->next) {
        int v = enum_index(en, e->name);
        if (v < 0) {
            sp_diag_error(c->d, "E0204", it->src, e->start, e->end, "'%s' is not a value of %s", e->name,
                          it->key_type);
            continue;
        }
        if (seen[v]) {
            sp_diag_error(c->d, "E0201", it->src, e->start, e->end, "'%s' is given twice", e->name);
            continue;
        }
        seen[v] = true;
        sp_check_constant(p, c->d, it->src, e->value, s->type, &rows[v]);
    }
    for (size_t v = 0; v < en->n_values; v++)
        if (!seen[v]) {
            sp_diag_error(c->d, "E0409", it->src, it->name_start, it->name_end,
                          "table '%s' gives no value for '%s'", s->name, en->values[v]);
            break;
        }
    return true;
}

/* A figure's or table's values, each in force from a date (oldest first),
** or its one undated value. False only when out of memory. */
static bool check_versions(checker *c, sp_symbol *s)
{
    sp_policy *p = c->p;
    sp_item *it = s->item;
    sp_diags *d = c->d;
    if (s->kind == SP_SYM_TABLE) {
        int k = sp_policy_lookup(p, it->key_type);
        if (k < 0 || p->syms[k].kind != SP_SYM_TYPE || p->syms[k].type->kind != SP_TYPE_ENUM) {
            sp_diag_error(d, "E0203", it->src, it->key_start, it->key_end,
                          "a table is keyed by an enumeration type, and '%s' is not one", it->key_type);
            return true;
        }
        s->table_key = p->syms[k].type->enumt;
    }
    size_t n = 0;
    for (sp_version *v = it->versions; v; v = v->next)
        n++;
    s->n_versions = n ? n : 1;
    s->version_from = sp_arena_alloc(&p->arena, s->n_versions * sizeof *s->version_from);
    s->version_value = sp_arena_alloc(&p->arena, s->n_versions * sizeof *s->version_value);
    s->version_table = sp_arena_alloc(&p->arena, s->n_versions * sizeof *s->version_table);
    if (!s->version_from || !s->version_value || !s->version_table) {
        p->oom = true;
        return false;
    }
    if (!n) {   /* undated: one value, in force whatever the date */
        s->version_from[0] = INT32_MIN;
        if (s->kind == SP_SYM_FIGURE)
            sp_check_constant(p, d, it->src, it->value, s->type, &s->version_value[0]);
        else if (!table_rows(c, s, it->entries, &s->version_table[0]))
            return false;
    }
    size_t i = 0;
    for (sp_version *v = it->versions; v; v = v->next, i++) {
        sp_value from;
        if (sp_check_constant(p, d, it->src, v->from, &T_DATE, &from)) {
            s->version_from[i] = from.u.d;
            if (i && from.u.d <= s->version_from[i - 1])
                sp_diag_error(d, "E0417", it->src, v->from->start, v->from->end,
                              "dated values go oldest first, each from a later date than the one before");
        }
        if (s->kind == SP_SYM_FIGURE)
            sp_check_constant(p, d, it->src, v->value, s->type, &s->version_value[i]);
        else if (s->table_key && !table_rows(c, s, v->entries, &s->version_table[i]))
            return false;
    }
    s->dated = n > 0;
    s->constant = s->version_value[s->n_versions - 1];
    s->table = s->version_table[s->n_versions - 1];
    return true;
}

/* ---- rules ---- */

static uint64_t *new_bits(sp_policy *p)
{
    uint64_t *b = sp_arena_alloc(&p->arena, (p->assume_words ? p->assume_words : 1) * sizeof *b);
    if (!b)
        p->oom = true;
    return b;
}

/* Joins the citations of a list of annotations: "DOC, SECTION; DOC, SECTION". */
static const char *join_cites(checker *c, const sp_annot *a, const sp_layer *layer, bool *any)
{
    sp_buf b;
    sp_buf_init(&b);
    *any = false;
    for (; a; a = a->next) {
        if (a->kind != SP_ANNOT_CITES)
            continue;
        const char *doc = a->document ? a->document : layer->document;
        if (!doc || !*doc) {
            sp_diag_error(c->d, "E0406", c->src, a->start, a->end,
                          "this citation names no document");
            sp_diag_note(c->d, "add 'source \"DOCUMENT\"' to the policy header, or write 'cites \"...\" in \"DOCUMENT\"'");
            continue;
        }
        if (*any)
            sp_buf_puts(&b, "; ");
        sp_buf_printf(&b, "%s, %s", doc, a->text);
        *any = true;
    }
    const char *s = *any && b.data ? sp_arena_strdup(&c->p->arena, b.data) : NULL;
    if (*any && !s)
        c->p->oom = true;
    sp_buf_fini(&b);
    return s;
}

static void set_assumes(const sp_annot *a, uint64_t *bits)
{
    for (; a; a = a->next)
        if (a->kind == SP_ANNOT_ASSUME && bits)
            bits[a->id / 64] |= (uint64_t)1 << (a->id % 64);
}

static void number_assumptions(sp_policy *p, sp_annot *a)
{
    for (; a; a = a->next)
        if (a->kind == SP_ANNOT_ASSUME)
            a->id = (int)p->n_assumptions++;
}

static void fill_assumptions(sp_policy *p, sp_annot *a)
{
    for (; a; a = a->next)
        if (a->kind == SP_ANNOT_ASSUME)
            p->assumptions[a->id] = a->text;
}

/* Walks an expression, calling fn on every rule it depends on. */
typedef void (*dep_fn)(void *ctx, int rule);

static void expr_deps(const sp_policy *p, const sp_rule *r, const sp_expr *e, dep_fn fn, void *ctx)
{
    if (!e)
        return;
    if (e->kind == SP_EXPR_NAME && e->sym >= 0) {
        const sp_symbol *s = &p->syms[e->sym];
        if ((s->kind == SP_SYM_OUTPUT || s->kind == SP_SYM_VALUE) && s->slot >= 0)
            fn(ctx, s->slot);
    }
    if (e->kind == SP_EXPR_BASE && r->replaces >= 0)
        fn(ctx, r->replaces);
    expr_deps(p, r, e->a, fn, ctx);
    expr_deps(p, r, e->b, fn, ctx);
    expr_deps(p, r, e->c, fn, ctx);
    for (size_t i = 0; i < e->n_args; i++)
        expr_deps(p, r, e->args[i], fn, ctx);
}

size_t sp_expr_depth(const sp_expr *root, bool *oom)
{
    typedef struct { const sp_expr *e; size_t depth; } slot;
    size_t cap = 64, n = 0, deepest = 0;
    slot *st = malloc(cap * sizeof *st);
    if (!st) {
        *oom = true;
        return 0;
    }
    st[n++] = (slot){ root, 1 };
    while (n) {
        slot top = st[--n];
        if (!top.e)
            continue;
        if (top.depth > deepest)
            deepest = top.depth;
        const sp_expr *e = top.e;
        size_t kids = 3 + e->n_args;
        if (n + kids > cap) {
            size_t more = (n + kids) * 2;
            slot *grown = realloc(st, more * sizeof *st);
            if (!grown) {
                free(st);
                *oom = true;
                return 0;
            }
            st = grown;
            cap = more;
        }
        st[n++] = (slot){ e->a, top.depth + 1 };
        st[n++] = (slot){ e->b, top.depth + 1 };
        st[n++] = (slot){ e->c, top.depth + 1 };
        for (size_t i = 0; i < e->n_args; i++)
            st[n++] = (slot){ e->args[i], top.depth + 1 };
    }
    free(st);
    return deepest;
}

/* The rules each rule depends on, as adjacency lists. */
typedef struct dep_graph {
    sp_policy *p;
    int **deps;               /* per rule: the rules it reads */
    size_t *n_deps, *cap_deps;
} dep_graph;

typedef struct dep_ctx {
    dep_graph *g;
    int rule;
} dep_ctx;

static void add_dep(void *ctx, int to)
{
    dep_ctx *dc = ctx;
    dep_graph *g = dc->g;
    int from = dc->rule;
    for (size_t i = 0; i < g->n_deps[from]; i++)
        if (g->deps[from][i] == to)
            return;
    if (g->n_deps[from] == g->cap_deps[from]) {
        size_t cap = g->cap_deps[from] ? 2 * g->cap_deps[from] : 4;
        int *more = sp_arena_alloc(&g->p->arena, cap * sizeof *more);
        if (!more) {
            g->p->oom = true;
            return;
        }
        if (g->n_deps[from])
            memcpy(more, g->deps[from], g->n_deps[from] * sizeof *more);
        g->deps[from] = more;
        g->cap_deps[from] = cap;
    }
    g->deps[from][g->n_deps[from]++] = to;
}

/* Orders the rules so that each comes after what it reads (Kahn's
** algorithm, without recursion), reports a circle, and bounds how deep the
** evaluator's recursion can go: each rule's own expression depth plus the
** deepest rule it reads. */
static void order_rules(checker *c, const size_t *own_depth)
{
    sp_policy *p = c->p;
    size_t n = p->n_rules;
    dep_graph g = { .p = p };
    g.deps = sp_arena_alloc(&p->arena, n * sizeof *g.deps);
    g.n_deps = sp_arena_alloc(&p->arena, n * sizeof *g.n_deps);
    g.cap_deps = sp_arena_alloc(&p->arena, n * sizeof *g.cap_deps);
    size_t *waiting = sp_arena_alloc(&p->arena, n * sizeof *waiting);  /* deps not yet ordered */
    size_t *weight = sp_arena_alloc(&p->arena, n * sizeof *weight);
    int *queue = sp_arena_alloc(&p->arena, n * sizeof *queue);
    int **readers = sp_arena_alloc(&p->arena, n * sizeof *readers);
    size_t *n_readers = sp_arena_alloc(&p->arena, n * sizeof *n_readers);
    if (!g.deps || !g.n_deps || !g.cap_deps || !waiting || !weight || !queue || !readers || !n_readers) {
        p->oom = true;
        return;
    }
    for (size_t r = 0; r < n; r++) {
        dep_ctx dc = { &g, (int)r };
        const sp_rule *ru = &p->rules[r];
        for (size_t i = 0; i < ru->n_branches; i++) {
            expr_deps(p, ru, ru->branches[i]->cond, add_dep, &dc);
            expr_deps(p, ru, ru->branches[i]->value, add_dep, &dc);
        }
    }
    if (p->oom)
        return;
    /* who reads each rule, to release them as it is ordered */
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < g.n_deps[r]; i++)
            n_readers[g.deps[r][i]]++;
    for (size_t r = 0; r < n; r++) {
        readers[r] = n_readers[r] ? sp_arena_alloc(&p->arena, n_readers[r] * sizeof **readers) : NULL;
        if (n_readers[r] && !readers[r]) {
            p->oom = true;
            return;
        }
        n_readers[r] = 0;
    }
    size_t head = 0, tail = 0;
    for (size_t r = 0; r < n; r++) {
        for (size_t i = 0; i < g.n_deps[r]; i++) {
            int dep = g.deps[r][i];
            readers[dep][n_readers[dep]++] = (int)r;
        }
        waiting[r] = g.n_deps[r];
        if (!waiting[r])
            queue[tail++] = (int)r;
    }
    while (head < tail) {
        int r = queue[head++];
        size_t deepest = 0;
        for (size_t i = 0; i < g.n_deps[r]; i++)
            if (weight[g.deps[r][i]] > deepest)
                deepest = weight[g.deps[r][i]];
        weight[r] = own_depth[r] + 1 + deepest;
        if (weight[r] > SP_MAX_EVAL_DEPTH) {
            const sp_item *it = p->rules[r].item;
            sp_diag_error(c->d, "E0415", it->src, it->name_start, it->name_end,
                          "rule '%s' sits on a chain of rules and expressions nested more than %d deep",
                          p->rules[r].name, SP_MAX_EVAL_DEPTH);
            return;
        }
        for (size_t i = 0; i < n_readers[r]; i++)
            if (--waiting[readers[r][i]] == 0)
                queue[tail++] = readers[r][i];
    }
    if (tail == n)
        return;
    /* What is left waits on itself: from one such rule, follow dependencies
    ** that are also left until one repeats; that is the circle. */
    int start = -1;
    for (size_t r = 0; r < n && start < 0; r++)
        if (waiting[r])
            start = (int)r;
    unsigned char *seen = sp_arena_alloc(&p->arena, n);
    int *path = sp_arena_alloc(&p->arena, (n + 1) * sizeof *path);
    if (!seen || !path) {
        p->oom = true;
        return;
    }
    size_t len = 0;
    int r = start;
    while (!seen[r]) {
        seen[r] = 1;
        path[len++] = r;
        int next = -1;
        for (size_t i = 0; i < g.n_deps[r] && next < 0; i++)
            if (waiting[g.deps[r][i]])
                next = g.deps[r][i];
        r = next;
    }
    size_t from = 0;
    while (path[from] != r)
        from++;
    sp_buf b;
    sp_buf_init(&b);
    for (size_t i = from; i < len; i++)
        sp_buf_printf(&b, "%s -> ", p->rules[path[i]].name);
    sp_buf_puts(&b, p->rules[r].name);
    const sp_item *it = p->rules[r].item;
    sp_diag_error(c->d, "E0404", it->src, it->name_start, it->name_end,
                  "rules depend on each other in a circle: %s", b.data ? b.data : "");
    sp_buf_fini(&b);
}

static void check_examples(checker *c)
{
    sp_policy *p = c->p;
    for (size_t i = 0; i < p->n_examples; i++) {
        sp_item *ex = p->examples[i];
        c->src = ex->src;
        for (sp_pair *g = ex->given; g; g = g->next) {
            int s = sp_policy_lookup(p, g->name);
            if (s < 0 || p->syms[s].kind != SP_SYM_FACT) {
                unknown_name(c, g->start, g->end, "fact", g->name, SP_SYM_FACT);
                continue;
            }
            sp_value v;
            sp_check_constant(p, c->d, ex->src, g->value, p->syms[s].type, &v);
        }
        for (sp_pair *x = ex->expect; x; x = x->next) {
            int s = sp_policy_lookup(p, x->name);
            if (s < 0 || (p->syms[s].kind != SP_SYM_OUTPUT && p->syms[s].kind != SP_SYM_VALUE)) {
                unknown_name(c, x->start, x->end, "output", x->name, SP_SYM_OUTPUT);
                continue;
            }
            sp_value v;
            sp_check_constant(p, c->d, ex->src, x->value, p->syms[s].type, &v);
        }
    }
}

bool sp_check_policy(sp_policy *p, sp_diags *d)
{
    checker c = { .p = p, .d = d };
    size_t before = d->count;

    /* Count what to allocate. */
    size_t n_items = 0, n_rules = 0, n_examples = 0;
    for (size_t l = 0; l < p->n_layers; l++)
        for (sp_item *it = p->layers[l].items; it; it = it->next) {
            n_items++;
            if (it->kind == SP_ITEM_RULE || it->kind == SP_ITEM_VALUE)
                n_rules++;
            if (it->kind == SP_ITEM_EXAMPLE && l + 1 == p->n_layers)
                n_examples++;
        }
    p->syms = sp_arena_alloc(&p->arena, (n_items + 1) * sizeof *p->syms);
    p->rules = sp_arena_alloc(&p->arena, (n_rules + 1) * sizeof *p->rules);
    p->examples = sp_arena_alloc(&p->arena, (n_examples + 1) * sizeof *p->examples);
    if (!p->syms || !p->rules || !p->examples) {
        p->oom = true;
        return false;
    }

    /* 1. Declare every name. */
    for (size_t l = 0; l < p->n_layers; l++)
        for (sp_item *it = p->layers[l].items; it; it = it->next) {
            c.src = it->src;
            int s = -1;
            switch (it->kind) {
            case SP_ITEM_TYPE: s = declare(&c, it, SP_SYM_TYPE, (int)l); break;
            case SP_ITEM_FACT: s = declare(&c, it, SP_SYM_FACT, (int)l); break;
            case SP_ITEM_FIGURE: s = declare(&c, it, SP_SYM_FIGURE, (int)l); break;
            case SP_ITEM_TABLE: s = declare(&c, it, SP_SYM_TABLE, (int)l); break;
            case SP_ITEM_OUTPUT: s = declare(&c, it, SP_SYM_OUTPUT, (int)l); break;
            case SP_ITEM_VALUE: s = declare(&c, it, SP_SYM_VALUE, (int)l); break;
            case SP_ITEM_EXAMPLE:
                if (l + 1 == p->n_layers)
                    p->examples[p->n_examples++] = it;
                break;
            default: break;
            }
            if (s >= 0)
                p->syms[s].type = it->type;
        }
    if (p->oom)
        return false;

    /* 2. Resolve types, facts, figures, tables. */
    size_t n_facts = 0, n_outputs = 0;
    for (size_t i = 0; i < p->n_syms; i++) {
        sp_symbol *s = &p->syms[i];
        c.src = s->item->src;
        if (s->type)
            resolve_type(&c, s->type, s->name);
        if (s->kind == SP_SYM_FACT)
            n_facts++;
        if (s->kind == SP_SYM_OUTPUT)
            n_outputs++;
    }
    p->facts = sp_arena_alloc(&p->arena, (n_facts + 1) * sizeof *p->facts);
    p->outputs = sp_arena_alloc(&p->arena, (n_outputs + 1) * sizeof *p->outputs);
    if (!p->facts || !p->outputs) {
        p->oom = true;
        return false;
    }
    for (size_t i = 0; i < p->n_syms; i++) {
        sp_symbol *s = &p->syms[i];
        sp_item *it = s->item;
        c.src = it->src;
        if (s->kind == SP_SYM_FACT) {
            s->slot = (int)p->n_facts;
            p->facts[p->n_facts++] = (int)i;
            s->required = it->required;
            s->at_most = it->at_most;
            if (it->required && it->default_value) {
                sp_diag_error(d, "E0407", it->src, it->name_start, it->name_end,
                              "fact '%s' is both required and given a default", s->name);
            } else if (!it->required && !it->default_value) {
                sp_diag_error(d, "E0407", it->src, it->name_start, it->name_end,
                              "fact '%s' needs 'required' or a 'default'", s->name);
            } else if (it->default_value) {
                sp_check_constant(p, d, it->src, it->default_value, s->type, &s->default_value);
            }
            if (it->at_most >= 0 && s->type->kind != SP_TYPE_LIST)
                sp_diag_error(d, "E0407", it->src, it->name_start, it->name_end,
                              "'at most' bounds a list, and '%s' is not a list", s->name);
            if (it->from) {
                sp_value a, b;
                if (s->type->kind != SP_TYPE_DATE)
                    sp_diag_error(d, "E0407", it->src, it->from->start, it->to->end,
                                  "'from ... to ...' bounds a date, and '%s' is not a date", s->name);
                else if (sp_check_constant(p, d, it->src, it->from, &T_DATE, &a) &&
                         sp_check_constant(p, d, it->src, it->to, &T_DATE, &b)) {
                    s->has_range = true;
                    s->range_from = a.u.d;
                    s->range_to = b.u.d;
                }
            }
        } else if (s->kind == SP_SYM_OUTPUT) {
            s->output_index = (int)p->n_outputs;
            p->outputs[p->n_outputs++] = (int)i;
        } else if (s->kind == SP_SYM_FIGURE || s->kind == SP_SYM_TABLE) {
            if (!check_versions(&c, s))
                return false;
        }
    }

    /* 3. Rules: who decides what, and what replaces what. */
    sym_entry *rule_names = NULL;   /* rule name -> index, load time only */
    for (size_t l = 0; l < p->n_layers; l++)
        for (sp_item *it = p->layers[l].items; it; it = it->next) {
            if (it->kind != SP_ITEM_RULE && it->kind != SP_ITEM_VALUE)
                continue;
            c.src = it->src;
            int idx = (int)p->n_rules;
            sp_rule *r = &p->rules[idx];
            r->name = it->name;
            r->item = it;
            r->layer = (int)l;
            r->replaces = r->replaced_by = -1;
            r->target = -1;
            r->line = item_line(it);
            int same = rule_lookup(rule_names, r->name);
            if (same >= 0) {
                sp_diag_error(d, "E0201", it->src, it->name_start, it->name_end,
                              "a rule named '%s' already exists", r->name);
                sp_diag_note(d, "first declared at %s:%zu", p->rules[same].item->src->path, p->rules[same].line);
                goto next_item;
            }
            if (it->kind == SP_ITEM_VALUE) {
                r->target = sp_policy_lookup(p, it->name);
                if (r->target < 0 || p->syms[r->target].item != it)
                    goto next_item;   /* a duplicate, reported above */
            } else if (!it->replaces) {
                int s = sp_policy_lookup(p, it->target);
                if (s < 0) {
                    unknown_name(&c, it->target_start, it->target_end, "output", it->target, SP_SYM_OUTPUT);
                    goto next_item;
                }
                if (p->syms[s].kind != SP_SYM_OUTPUT) {
                    sp_diag_error(d, "E0302", it->src, it->target_start, it->target_end,
                                  "'%s' is a %s; a rule decides an output", it->target,
                                  sym_kind_name(p->syms[s].kind));
                    goto next_item;
                }
                if (p->syms[s].slot >= 0) {
                    const sp_rule *o = &p->rules[p->syms[s].slot];
                    sp_diag_error(d, "E0402", it->src, it->target_start, it->target_end,
                                  "'%s' is already decided by rule '%s'", it->target, o->name);
                    if (o->layer != (int)l)
                        sp_diag_note(d, "to change it, write 'rule %s replaces %s' (%s:%zu)",
                                     r->name, o->name, o->item->src->path, o->line);
                    else
                        sp_diag_note(d, "one output has one rule; the other is at %s:%zu",
                                     o->item->src->path, o->line);
                    goto next_item;
                }
                r->target = s;
            } else {
                int base = rule_lookup(rule_names, it->target);
                if (base < 0 || p->rules[base].target < 0) {
                    sp_diag_error(d, "E0403", it->src, it->target_start, it->target_end,
                                  "rule '%s' replaces '%s', but no rule of that name comes before it",
                                  r->name, it->target);
                    sp_suggest sg;
                    sp_suggest_init(&sg, it->target);
                    for (int j = 0; j < idx; j++)
                        sp_suggest_offer(&sg, p->rules[j].name);
                    const char *near = sp_suggest_best(&sg);
                    if (near)
                        sp_diag_note(d, "did you mean '%s'?", near);
                    goto next_item;
                }
                if (p->rules[base].layer == (int)l) {
                    sp_diag_error(d, "E0403", it->src, it->target_start, it->target_end,
                                  "rule '%s' is in the same policy: change it instead of replacing it",
                                  it->target);
                    goto next_item;
                }
                if (p->rules[base].replaced_by >= 0) {
                    const sp_rule *o = &p->rules[p->rules[base].replaced_by];
                    sp_diag_error(d, "E0402", it->src, it->target_start, it->target_end,
                                  "rule '%s' is already replaced by '%s'", it->target, o->name);
                    goto next_item;
                }
                r->replaces = base;
                p->rules[base].replaced_by = idx;
                r->target = p->rules[base].target;
            }
            p->syms[r->target].slot = idx;
            sym_entry *named = sp_arena_alloc(&p->arena, sizeof *named);
            if (!named) {
                p->oom = true;
                return false;
            }
            named->name = r->name;
            named->index = idx;
            HASH_ADD_KEYPTR(hh, rule_names, named->name, strlen(named->name), named);
            p->n_rules++;
        next_item:;
        }
    /* The deciding rule of each output and value is the last of its chain. */
    for (size_t i = 0; i < p->n_syms; i++) {
        sp_symbol *s = &p->syms[i];
        if (s->kind != SP_SYM_OUTPUT && s->kind != SP_SYM_VALUE)
            continue;
        if (s->slot < 0) {
            if (s->kind == SP_SYM_OUTPUT)
                sp_diag_error(d, "E0401", s->item->src, s->item->name_start, s->item->name_end,
                              "no rule decides output '%s'", s->name);
            continue;
        }
        while (p->rules[s->slot].replaced_by >= 0)
            s->slot = p->rules[s->slot].replaced_by;
    }

    /* 4. Assumptions get ids; then each rule's citations and bodies. */
    for (size_t i = 0; i < p->n_rules; i++) {
        number_assumptions(p, p->rules[i].item->annots);
        for (sp_branch *b = p->rules[i].item->branches; b; b = b->next)
            number_assumptions(p, b->annots);
    }
    p->assume_words = (p->n_assumptions + 63) / 64;
    p->assumptions = sp_arena_alloc(&p->arena, (p->n_assumptions + 1) * sizeof *p->assumptions);
    if (!p->assumptions) {
        p->oom = true;
        return false;
    }
    size_t *own_depth = sp_arena_alloc(&p->arena, (p->n_rules + 1) * sizeof *own_depth);
    if (!own_depth) {
        p->oom = true;
        return false;
    }
    for (size_t i = 0; i < p->n_rules; i++) {
        sp_rule *r = &p->rules[i];
        sp_item *it = r->item;
        const sp_layer *layer = &p->layers[r->layer];
        /* The checker and the evaluator recurse over expressions: bound them. */
        bool too_deep = false;
        for (sp_branch *b = it->branches; b && !too_deep; b = b->next) {
            bool oom = false;
            size_t dc = b->cond ? sp_expr_depth(b->cond, &oom) : 0;
            size_t dv = sp_expr_depth(b->value, &oom);
            if (oom) {
                p->oom = true;
                return false;
            }
            size_t deepest = dc > dv ? dc : dv;
            if (deepest > own_depth[i])
                own_depth[i] = deepest;
            if (deepest > SP_MAX_EXPR_DEPTH) {
                const sp_expr *x = dc > dv ? b->cond : b->value;
                sp_diag_error(d, "E0105", it->src, x->start, x->start + 1,
                              "this expression nests more than %d deep: split it into named values",
                              SP_MAX_EXPR_DEPTH);
                too_deep = true;
            }
        }
        if (too_deep)
            continue;
        c.src = it->src;
        c.rule = r;
        fill_assumptions(p, it->annots);
        for (sp_branch *b = it->branches; b; b = b->next) {
            fill_assumptions(p, b->annots);
            r->n_branches++;
        }
        r->branches = sp_arena_alloc(&p->arena, (r->n_branches + 1) * sizeof *r->branches);
        r->branch_cites = sp_arena_alloc(&p->arena, (r->n_branches + 1) * sizeof *r->branch_cites);
        r->branch_assumes = sp_arena_alloc(&p->arena, (r->n_branches + 1) * sizeof *r->branch_assumes);
        r->assumes = new_bits(p);
        if (!r->branches || !r->branch_cites || !r->branch_assumes || !r->assumes) {
            p->oom = true;
            return false;
        }
        set_assumes(it->annots, r->assumes);
        bool any_rule_cite, any_branch_cite = false;
        r->cites = join_cites(&c, it->annots, layer, &any_rule_cite);
        size_t bi = 0;
        const sp_type *target = p->syms[r->target].type;
        for (sp_branch *b = it->branches; b; b = b->next, bi++) {
            bool any;
            r->branches[bi] = b;
            r->branch_cites[bi] = join_cites(&c, b->annots, layer, &any);
            any_branch_cite |= any;
            r->branch_assumes[bi] = new_bits(p);
            if (!r->branch_assumes[bi]) {
                p->oom = true;
                return false;
            }
            set_assumes(b->annots, r->branch_assumes[bi]);
            if (b->cond)
                expect_kind(&c, b->cond, &T_BOOL, "a 'when' needs a condition");
            const sp_type *t = check_expr(&c, b->value, target);
            if (target && target->kind == SP_TYPE_WHOLE && b->value->kind == SP_EXPR_NUMBER &&
                b->value->is_decimal)
                sp_diag_error(d, "E0301", it->src, b->value->start, b->value->end,
                              "'%s' is a whole number, and this has a fraction", p->syms[r->target].name);
            else if (target && !assignable(target, t))
                type_mismatch(&c, b->value,
                              it->kind == SP_ITEM_VALUE ? "this value's type" : "the output's type",
                              target, t);
        }
        bool wrote_cites = false;
        for (const sp_annot *a = it->annots; a; a = a->next)
            wrote_cites |= a->kind == SP_ANNOT_CITES;
        for (sp_branch *b = it->branches; b; b = b->next)
            for (const sp_annot *a = b->annots; a; a = a->next)
                wrote_cites |= a->kind == SP_ANNOT_CITES;
        if (!any_rule_cite && !any_branch_cite && !wrote_cites)
            sp_diag_error(d, "E0405", it->src, it->start, it->name_end,
                          "rule '%s' cites no clause of the policy text", r->name);
        c.rule = NULL;
    }

    /* 5. No rule may depend on itself, nor nest deeper than the evaluator goes. */
    if (d->count == before && p->n_rules)
        order_rules(&c, own_depth);

    /* 6. The case reference, the date figures are taken on, the examples. */
    p->reference = -1;
    p->in_force = -1;
    const sp_item *dated = NULL;
    for (size_t i = 0; i < p->n_syms; i++)
        if (p->syms[i].dated && !dated)
            dated = p->syms[i].item;
    for (size_t l = 0; l < p->n_layers; l++)
        for (sp_item *it = p->layers[l].items; it; it = it->next)
            if (it->kind == SP_ITEM_IN_FORCE) {
                int s = sp_policy_lookup(p, it->name);
                c.src = it->src;
                if (s < 0 || p->syms[s].kind != SP_SYM_FACT)
                    unknown_name(&c, it->name_start, it->name_end, "fact", it->name, SP_SYM_FACT);
                else if (p->syms[s].type->kind != SP_TYPE_DATE || p->syms[s].type->nullable)
                    sp_diag_error(d, "E0416", it->src, it->name_start, it->name_end,
                                  "figures are taken on a date: '%s' is not a date that is always given", it->name);
                else
                    p->in_force = s;
            }
    if (dated && p->in_force < 0 && d->count == before)
        sp_diag_error(d, "E0416", dated->src, dated->name_start, dated->name_end,
                      "'%s' has dated values: say in the policy header which date decides, "
                      "'figures in force on FACT'", dated->name);
    for (size_t l = 0; l < p->n_layers; l++)
        for (sp_item *it = p->layers[l].items; it; it = it->next)
            if (it->kind == SP_ITEM_REFERENCE) {
                int s = sp_policy_lookup(p, it->name);
                c.src = it->src;
                if (s < 0 || p->syms[s].kind != SP_SYM_FACT)
                    unknown_name(&c, it->name_start, it->name_end, "fact", it->name, SP_SYM_FACT);
                else
                    p->reference = s;
            }
    check_examples(&c);
    if (p->oom)
        sp_diag_file_error(d, "E0001", p->layers[p->n_layers - 1].dir, "out of memory");
    return d->count == before && !p->oom;
}
