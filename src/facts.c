/*
** The case reader: JSON objects mapped onto the tree of dotted fact names,
** each value checked against its declared type and read exactly.
*/
#include "facts.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

static sp_fact_group *group_new(sp_policy *p, const char *segment, size_t len)
{
    sp_fact_group *g = sp_arena_alloc(&p->arena, sizeof *g);
    if (!g)
        return NULL;
    g->segment = sp_arena_strndup(&p->arena, segment, len);
    g->seg_len = len;
    g->fact = -1;
    return g->segment ? g : NULL;
}

/* The kid named seg[0..len), which holds no NUL; kids are in strcmp order,
** which is that of the first differing byte, then of the length. */
static sp_fact_group *child(const sp_fact_group *g, const char *seg, size_t len)
{
    size_t lo = 0, hi = g->n_kids;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const sp_fact_group *k = g->kids[mid];
        size_t kl = k->seg_len;
        int c = len && kl ? (unsigned char)seg[0] - (unsigned char)k->segment[0] : 0;
        if (c == 0)
            c = memcmp(seg, k->segment, len < kl ? len : kl);
        if (c == 0)
            c = (len > kl) - (len < kl);
        if (c == 0)
            return g->kids[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Where a segment starts looking in a group's slots: its length and its
** first, middle and last bytes, mixed. */
static size_t seg_hash(const char *seg, size_t len)
{
    if (len == 0)
        return 0;
    uint32_t h = (uint32_t)len * 0x9e3779b1u;
    h ^= (unsigned char)seg[0] * 0x85ebca77u;
    h ^= (unsigned char)seg[len / 2] * 0x27d4eb2fu;
    h ^= (unsigned char)seg[len - 1] * 0xc2b2ae3du;
    return h ^ (h >> 15);
}

/* child() for reading a case: one hashed look-up, one comparison. */
static const sp_fact_group *find_kid(const sp_fact_group *g, const char *seg, size_t len)
{
    if (!g->slots)
        return NULL;
    for (size_t i = seg_hash(seg, len) & g->mask;; i = (i + 1) & g->mask) {
        const sp_fact_group *k = g->slots[i];
        if (!k)
            return NULL;
        if (k->seg_len == len && memcmp(k->segment, seg, len) == 0)
            return k;
    }
}

/* Fills the slots of g and of the groups below it: at least twice as many
** as kids, so a probe soon meets an empty one. */
static bool hash_kids(sp_policy *p, sp_fact_group *g)
{
    if (g->n_kids == 0)
        return true;
    size_t n = 4;
    while (n < 2 * g->n_kids)
        n *= 2;
    g->slots = sp_arena_alloc(&p->arena, n * sizeof *g->slots);
    if (!g->slots)
        return false;
    g->mask = n - 1;
    for (size_t i = 0; i < g->n_kids; i++) {
        sp_fact_group *k = g->kids[i];
        size_t at = seg_hash(k->segment, k->seg_len) & g->mask;
        while (g->slots[at])
            at = (at + 1) & g->mask;
        g->slots[at] = k;
        if (!hash_kids(p, k))
            return false;
    }
    return true;
}

/* What the fast reader remembers of earlier cases, to guess the next key
** (batch lines give their keys in one order, some left out now and then): a
** chain of keys per group, from `first` along `next`. A
** guess is checked against the case's bytes before it is taken, so a stale
** one costs only the comparison; they are shared by the threads of --jobs,
** hence atomic (relaxed: any value once stored is as good a guess). */
struct sp_fact_hint {
    _Atomic(const sp_fact_group *) first; /* a group's first key, as last seen */
    _Atomic(const sp_fact_group *) next;  /* the key after this one, as last seen */
};

/* Gives g and the groups below it their hints, and their quoted keys when
** a case can write them without escapes (only then does the fast reader
** compare bytes; fast_string gives up on anything else). */
static bool prepare_hints(sp_policy *p, sp_fact_group *g)
{
    g->hint = sp_arena_alloc(&p->arena, sizeof *g->hint);
    if (!g->hint)
        return false;
    atomic_init(&g->hint->first, NULL);
    atomic_init(&g->hint->next, NULL);
    bool plain = true;
    for (size_t i = 0; i < g->seg_len; i++) {
        unsigned char c = (unsigned char)g->segment[i];
        plain &= c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }
    if (plain) {
        char *q = sp_arena_alloc(&p->arena, g->seg_len + 4);
        if (!q)
            return false;
        q[0] = '"';
        memcpy(q + 1, g->segment, g->seg_len);
        memcpy(q + 1 + g->seg_len, "\":", 3);
        g->quoted = q;
        g->quoted_len = g->seg_len + 3;
    }
    for (size_t i = 0; i < g->n_kids; i++)
        if (!prepare_hints(p, g->kids[i]))
            return false;
    return true;
}

static bool add_child(sp_policy *p, sp_fact_group *g, sp_fact_group *k)
{
    sp_fact_group **kids = sp_arena_alloc(&p->arena, (g->n_kids + 1) * sizeof *kids);
    if (!kids)
        return false;
    size_t at = 0;
    while (at < g->n_kids && strcmp(g->kids[at]->segment, k->segment) < 0)
        at++;
    if (g->n_kids) {   /* memcpy from a NULL array is undefined, even for 0 bytes */
        memcpy(kids, g->kids, at * sizeof *kids);
        memcpy(kids + at + 1, g->kids + at, (g->n_kids - at) * sizeof *kids);
    }
    kids[at] = k;
    g->kids = kids;
    g->n_kids++;
    return true;
}

bool sp_facts_prepare(sp_policy *p)
{
    p->fact_root = group_new(p, "", 0);
    if (!p->fact_root)
        return false;
    for (size_t i = 0; i < p->n_facts; i++) {
        int s = p->facts[i];
        const char *name = p->syms[s].name;
        sp_fact_group *g = p->fact_root;
        for (;;) {
            const char *dot = strchr(name, '.');
            size_t len = dot ? (size_t)(dot - name) : strlen(name);
            sp_fact_group *k = child(g, name, len);
            if (!k) {
                k = group_new(p, name, len);
                if (!k || !add_child(p, g, k))
                    return false;
            }
            g = k;
            if (!dot)
                break;
            name = dot + 1;
        }
        g->fact = s;
    }
    return hash_kids(p, p->fact_root) && prepare_hints(p, p->fact_root);
}

/* A step of the path to the value being read: a key, or a list index. The
** path is written out only for an error, never on the way to a good case. */
typedef struct step {
    const char *key;          /* NULL for a list item */
    size_t index;
} step;

#define MAX_STEPS (SP_JSON_MAX_DEPTH + 2)

typedef struct reader {
    const sp_policy *p;
    sp_arena *a;
    sp_value *values;
    bool *seen;
    sp_case_error *err;
    step steps[MAX_STEPS];
    size_t depth;
    char path[256];           /* the steps written out, by path_of() */
} reader;

/* The dotted path of the value being read: "young.incomes[2]". */
static const char *path_of(reader *r)
{
    size_t n = 0;
    r->path[0] = '\0';
    for (size_t i = 0; i < r->depth && n < sizeof r->path; i++) {
        int w = r->steps[i].key
                    ? snprintf(r->path + n, sizeof r->path - n, "%s%s", n ? "." : "", r->steps[i].key)
                    : snprintf(r->path + n, sizeof r->path - n, "[%zu]", r->steps[i].index);
        if (w < 0)
            break;
        n += (size_t)w;
    }
    return r->path;
}

static bool fail(reader *r, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(reader *r, const char *code, const char *fmt, ...)
{
    r->err->code = code;
    snprintf(r->err->path, sizeof r->err->path, "%s", path_of(r));
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
    va_end(ap);
    return false;
}

/* Steps into a key or a list item; pop() steps back out. */
static size_t push_key(reader *r, const char *key)
{
    size_t old = r->depth;
    if (r->depth < MAX_STEPS)
        r->steps[r->depth++] = (step){ key, 0 };
    return old;
}

static size_t push_index(reader *r, size_t i)
{
    size_t old = r->depth;
    if (r->depth < MAX_STEPS)
        r->steps[r->depth++] = (step){ NULL, i };
    return old;
}

static void pop(reader *r, size_t old)
{
    r->depth = old;
}

static const char *json_kind_name(sp_json_kind k)
{
    switch (k) {
    case SP_JSON_NULL: return "null";
    case SP_JSON_BOOL: return "true or false";
    case SP_JSON_NUMBER: return "a number";
    case SP_JSON_STRING: return "text";
    case SP_JSON_ARRAY: return "a list";
    case SP_JSON_OBJECT: return "an object";
    }
    return "a value";
}

static const char *expected_name(const sp_type *t)
{
    switch (t->kind) {
    case SP_TYPE_BOOL: return "true or false";
    case SP_TYPE_WHOLE: return "a whole number";
    case SP_TYPE_MONEY: return "an amount of money (like 12.50 or \"12.50\")";
    case SP_TYPE_DATE: return "a date (\"YYYY-MM-DD\")";
    case SP_TYPE_TEXT: return "text";
    case SP_TYPE_ENUM: return "one of the listed values";
    case SP_TYPE_LIST: return "a list";
    default: return "a value";
    }
}

static bool read_value(reader *r, const sp_symbol *s, const sp_type *t, const sp_json *j, sp_value *out);

static bool wrong_type(reader *r, const sp_type *t, const sp_json *j)
{
    return fail(r, "wrong_type", "expected %s, found %s", expected_name(t), json_kind_name(j->kind));
}

static bool read_value(reader *r, const sp_symbol *s, const sp_type *t, const sp_json *j, sp_value *out)
{
    memset(out, 0, sizeof *out);
    if (j->kind == SP_JSON_NULL) {
        if (!t->nullable)
            return fail(r, "wrong_type", "null is not allowed here: expected %s", expected_name(t));
        out->kind = SP_VAL_NULL;
        return true;
    }
    switch (t->kind) {
    case SP_TYPE_BOOL:
        if (j->kind != SP_JSON_BOOL)
            return wrong_type(r, t, j);
        out->kind = SP_VAL_BOOL;
        out->u.b = j->boolean;
        return true;
    case SP_TYPE_WHOLE: {
        if (j->kind != SP_JSON_NUMBER)
            return wrong_type(r, t, j);
        const char *txt = j->str;
        bool neg = txt[0] == '-';
        size_t digits = strspn(txt + neg, "0123456789");
        if (digits == 0 || txt[neg + digits] != '\0')
            return fail(r, "bad_number", "expected a whole number, found %.40s", txt);
        if (digits > 12)
            return fail(r, "bad_number", "a whole number has at most 12 digits");
        if (!sp_num_parse(txt + neg, digits, &out->u.n))
            return fail(r, "bad_number", "malformed whole number %.40s", txt);
        if (neg)
            out->u.n.num = -out->u.n.num;
        out->kind = SP_VAL_NUM;
        return true;
    }
    case SP_TYPE_MONEY: {
        if (j->kind != SP_JSON_NUMBER && j->kind != SP_JSON_STRING)
            return wrong_type(r, t, j);
        size_t len = j->len;
        const char *txt = j->str;
        /* digits with at most one point, neither first nor last */
        size_t dot = len, dots = 0;
        bool ok = len > 0;
        for (size_t i = 0; i < len; i++) {
            if (txt[i] == '.') {
                if (dots++ == 0)
                    dot = i;
            } else if (txt[i] < '0' || txt[i] > '9')
                ok = false;
        }
        if (!ok || dot == 0 || dots > 1 || dot + 1 == len)
            return fail(r, "bad_number",
                        "malformed amount '%.40s': write digits with an optional fraction, no sign or exponent",
                        txt);
        if (dot > SP_NUM_MAX_INT_DIGITS || (dot < len && len - dot - 1 > SP_NUM_MAX_FRAC_DIGITS))
            return fail(r, "bad_number", "amount too long: at most %d digits before the point and %d after",
                        SP_NUM_MAX_INT_DIGITS, SP_NUM_MAX_FRAC_DIGITS);
        if (!sp_num_parse(txt, len, &out->u.n))
            return fail(r, "bad_number", "malformed amount '%.40s'", txt);
        out->kind = SP_VAL_NUM;
        return true;
    }
    case SP_TYPE_DATE: {
        if (j->kind != SP_JSON_STRING)
            return wrong_type(r, t, j);
        if (!sp_date_parse(j->str, j->len, &out->u.d))
            return fail(r, "bad_date", "'%.40s' is not a date: write an existing date as \"YYYY-MM-DD\"", j->str);
        if (s->has_range && (out->u.d < s->range_from || out->u.d > s->range_to)) {
            char a[11], b[11];
            sp_date_format(s->range_from, a);
            sp_date_format(s->range_to, b);
            return fail(r, "out_of_range", "%s is outside the supported range %s to %s", j->str, a, b);
        }
        out->kind = SP_VAL_DATE;
        return true;
    }
    case SP_TYPE_TEXT:
        if (j->kind != SP_JSON_STRING)
            return wrong_type(r, t, j);
        out->kind = SP_VAL_TEXT;
        out->u.text.s = j->str;
        out->u.text.len = j->len;
        return true;
    case SP_TYPE_ENUM: {
        if (j->kind != SP_JSON_STRING)
            return wrong_type(r, t, j);
        const sp_enum *en = t->enumt;
        for (size_t i = 0; i < en->n_values; i++)
            if (strlen(en->values[i]) == j->len && memcmp(en->values[i], j->str, j->len) == 0) {
                out->kind = SP_VAL_ENUM;
                out->u.e = (int)i;
                return true;
            }
        char allowed[256];
        size_t n = 0;
        allowed[0] = '\0';
        for (size_t i = 0; i < en->n_values && n < sizeof allowed; i++)
            n += (size_t)snprintf(allowed + n, sizeof allowed - n, "%s%s", i ? ", " : "", en->values[i]);
        return fail(r, "bad_value", "'%.40s' is not one of: %s", j->str, allowed);
    }
    case SP_TYPE_LIST: {
        if (j->kind != SP_JSON_ARRAY)
            return wrong_type(r, t, j);
        if (s->at_most >= 0 && j->n_items > (size_t)s->at_most)
            return fail(r, "list_too_long", "the list has %zu items; at most %lld are allowed", j->n_items,
                        (long long)s->at_most);
        sp_value *items = j->n_items ? sp_arena_alloc(r->a, j->n_items * sizeof *items) : NULL;
        if (j->n_items && !items)
            return fail(r, "out_of_memory", "out of memory");
        for (size_t i = 0; i < j->n_items; i++) {
            size_t old = push_index(r, i);
            if (!read_value(r, s, t->elem, j->items[i], &items[i]))
                return false;
            pop(r, old);
        }
        out->kind = SP_VAL_LIST;
        out->u.list.items = items;
        out->u.list.n = j->n_items;
        return true;
    }
    default:
        return fail(r, "wrong_type", "this fact cannot be given in a case");
    }
}

/* "did you mean": a sibling key, or a fact elsewhere with this last name. */
static void suggest_key(reader *r, const sp_fact_group *g, const char *key)
{
    sp_suggest sg;
    sp_suggest_init(&sg, key);
    for (size_t i = 0; i < g->n_kids; i++)
        sp_suggest_offer(&sg, g->kids[i]->segment);
    const char *near = sp_suggest_best(&sg);
    size_t n = strlen(r->err->message);
    if (near) {
        /* the full dotted path: the key's parent, then the sibling */
        const char *dot = strrchr(r->path, '.');
        int parent = dot ? (int)(dot - r->path) + 1 : 0;
        snprintf(r->err->message + n, sizeof r->err->message - n, "; did you mean '%.*s%s'?", parent,
                 r->path, near);
        return;
    }
    for (size_t i = 0; i < r->p->n_facts; i++) {
        const char *full = r->p->syms[r->p->facts[i]].name;
        const char *last = strrchr(full, '.');
        if (last && strcmp(last + 1, key) == 0) {
            snprintf(r->err->message + n, sizeof r->err->message - n, "; did you mean '%s'?", full);
            return;
        }
    }
}

static bool read_group(reader *r, const sp_fact_group *g, const sp_json *obj)
{
    for (size_t i = 0; i < obj->n_members; i++) {
        const sp_json_member *m = &obj->members[i];
        size_t old = push_key(r, m->key);
        /* a key holding a NUL matches no segment (they hold none) */
        const sp_fact_group *k = find_kid(g, m->key, m->key_len);
        if (!k) {
            fail(r, "unknown_key", "unknown key '%s'", path_of(r));
            suggest_key(r, g, m->key);
            return false;
        }
        if (k->fact >= 0) {
            const sp_symbol *s = &r->p->syms[k->fact];
            if (!read_value(r, s, s->type, m->value, &r->values[s->slot]))
                return false;
            r->seen[s->slot] = true;
        } else if (m->value->kind != SP_JSON_OBJECT) {
            return fail(r, "wrong_type", "expected an object, found %s", json_kind_name(m->value->kind));
        } else if (!read_group(r, k, m->value)) {
            return false;
        }
        pop(r, old);
    }
    return true;
}

bool sp_facts_read(const sp_policy *p, const sp_json *root, sp_arena *a, sp_value *values,
                   bool partial, sp_case_error *err)
{
    reader r = { .p = p, .a = a, .values = values, .err = err };
    if (root->kind != SP_JSON_OBJECT)
        return fail(&r, "not_an_object", "a case is a JSON object, not %s", json_kind_name(root->kind));
    r.seen = sp_arena_alloc(a, p->n_facts + 1);
    if (!r.seen)
        return fail(&r, "out_of_memory", "out of memory");
    if (!read_group(&r, p->fact_root, root))
        return false;
    for (size_t i = 0; i < p->n_facts; i++) {
        if (r.seen[i])
            continue;
        const sp_symbol *s = &p->syms[p->facts[i]];
        if (!s->required) {
            values[i] = s->default_value;
            continue;
        }
        if (!partial) {
            r.depth = 0;
            push_key(&r, s->name);
            return fail(&r, "missing_key", "missing required key '%s'", s->name);
        }
        /* --partial: undetermined, needing this fact alone (eval.c) */
        size_t words = (p->n_facts + 63) / 64;
        uint64_t *need = sp_arena_alloc(a, words * sizeof *need);
        if (!need)
            return fail(&r, "out_of_memory", "out of memory");
        need[i / 64] = (uint64_t)1 << (i % 64);
        values[i] = (sp_value){ .kind = SP_VAL_UNDETERMINED, .u.missing = need };
    }
    return true;
}

/* ---- the fast path: the case's text straight into the fact slots ----
**
** One pass over the JSON text that walks the tree of fact names as it reads.
** It accepts only what it is sure of: strict JSON whose keys are known
** facts and groups, given once, with values of the declared types, strings
** of ASCII without escapes or control characters. On anything else it gives up, and the
** caller reads the case again with sp_json_parse and sp_facts_read, which
** say what is wrong: so every error stays as that reader reports it. */

#define FAST_MAX_GROUPS 32    /* groups (objects) a case may open */
#define FAST_MAX_ITEMS 32     /* items of one list */
#define FAST_MAX_CHAIN 16     /* keys compared after a missed guess (later_key) */

typedef struct fast {
    const sp_policy *p;
    sp_arena *a;
    sp_value *values;
    bool *seen;
    const char *s;
    size_t pos, len;
    const sp_fact_group *opened[FAST_MAX_GROUPS];
    size_t n_opened;
    const char *ref;          /* the reference fact's string, when given as one */
    size_t ref_len;
} fast;

static inline void fast_ws(fast *f)
{
    /* one comparison for the byte that ends it nearly always: nothing above
    ** ' ' is white space */
    while (f->pos < f->len && (unsigned char)f->s[f->pos] <= ' ' &&
           (f->s[f->pos] == ' ' || f->s[f->pos] == '\n' || f->s[f->pos] == '\t' || f->s[f->pos] == '\r'))
        f->pos++;
}

static inline bool fast_at(const fast *f, char c)
{
    return f->pos < f->len && f->s[f->pos] == c;
}

#define FAST_ONES ((uint64_t)0x0101010101010101u)
#define FAST_HIGHS ((uint64_t)0x8080808080808080u)

/* Nonzero when one of the 8 bytes at s is a quote, a backslash, below 0x20
** or 0x80 and above (json.c's stop_flags): the lowest flag is the first. */
static inline uint64_t fast_stops(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t q = w ^ (FAST_ONES * '"'), bs = w ^ (FAST_ONES * '\\');
    return (((w - FAST_ONES * 0x20) & ~w) | ((q - FAST_ONES) & ~q) | ((bs - FAST_ONES) & ~bs) | w) &
           FAST_HIGHS;
}

/* A string of ASCII (0x20 to 0x7f) with no escape: its bytes, between the
** quotes. Eight bytes at a time while none of them stops it. */
static bool fast_string(fast *f, const char **str, size_t *len)
{
    if (!fast_at(f, '"'))
        return false;
    size_t start = ++f->pos;
    while (f->pos < f->len) {
        if (f->len - f->pos >= 8) {
            uint64_t stops = fast_stops(f->s + f->pos);
            if (!stops) {
                f->pos += 8;
                continue;
            }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            f->pos += (size_t)__builtin_ctzll(stops) / 8;
#endif
        }
        unsigned char c = (unsigned char)f->s[f->pos];
        if (c == '"') {
            *str = f->s + start;
            *len = f->pos++ - start;
            return true;
        }
        if (c < 0x20 || c >= 0x80 || c == '\\')
            return false;
        f->pos++;
    }
    return false;
}

static bool fast_literal(fast *f, const char *word, size_t n)
{
    if (f->len - f->pos < n || memcmp(f->s + f->pos, word, n) != 0)
        return false;
    f->pos += n;
    return true;
}

static inline bool is_digit(char c)
{
    return (unsigned char)(c - '0') <= 9;
}

/* n / 10^k in lowest terms, as make() in num.c leaves it: 10^k has no prime
** factors but 2 and 5, so the common factor is a power of 2 times a power
** of 5, each at most the k-th. */
static void set_decimal(sp_num *out, uint64_t n, int k)
{
    static const uint64_t pow5[SP_NUM_MAX_FRAC_DIGITS + 1] = {
        1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625
    };
    if (n == 0 || k == 0) {
        out->num = (int64_t)n;
        out->den = 1;
        return;
    }
    int twos = __builtin_ctzll(n);
    if (twos > k)
        twos = k;
    n >>= twos;
    int fives = 0;
    while (fives < k && n % 5 == 0) {
        n /= 5;
        fives++;
    }
    out->num = (int64_t)n;
    out->den = (int64_t)(((uint64_t)1 << (k - twos)) * pow5[k - fives]);
}

/* A whole number or an amount of money straight from the bytes at f->pos,
** taking exactly what a JSON number (or, for money, a string) that passes
** read_value's checks is: for a whole number a JSON number of an optional
** minus and at most 12 digits, no point; for money at most 12 digits, then
** optionally a point and 1 to 12 more, nothing else, in quotes or as a JSON
** number (there no leading zero). Never an exponent. The value is the one
** sp_num_parse gives, which reads it when it has more than 18 digits. */
static bool fast_decimal(fast *f, bool money, sp_num *out)
{
    const char *s = f->s;
    size_t p = f->pos, len = f->len;
    bool quoted = money && p < len && s[p] == '"';
    bool neg = !money && p < len && s[p] == '-';
    p += quoted || neg;
    size_t start = p;
    uint64_t n = 0;   /* wraps past 19 digits: then sp_num_parse reads them */
    while (p < len && is_digit(s[p]))
        n = n * 10 + (uint64_t)(s[p++] - '0');
    size_t ni = p - start, nf = 0;
    if (ni == 0 || ni > SP_NUM_MAX_INT_DIGITS || (!quoted && s[start] == '0' && ni > 1))
        return false;
    if (p < len && s[p] == '.') {
        if (!money)
            return false;
        size_t fs = ++p;
        while (p < len && is_digit(s[p]))
            n = n * 10 + (uint64_t)(s[p++] - '0');
        nf = p - fs;
        if (nf == 0 || nf > SP_NUM_MAX_FRAC_DIGITS)
            return false;
    }
    if (quoted) {
        if (p == len || s[p] != '"')
            return false;
    } else if (p < len && (s[p] == 'e' || s[p] == 'E')) {
        return false;
    }
    if (ni + nf <= 18)
        set_decimal(out, n, (int)nf);
    else if (!sp_num_parse(s + start, p - start, out))
        return false;
    if (neg)
        out->num = -out->num;
    f->pos = p + quoted;
    return true;
}

/* A date "YYYY-MM-DD" in quotes straight from the bytes at f->pos: what
** fast_string and sp_date_parse took, checked by the same sp_date_from_ymd. */
static bool fast_date(fast *f, sp_date *out)
{
    if (f->len - f->pos < 12)
        return false;
    const char *s = f->s + f->pos;
    if (s[0] != '"' || s[5] != '-' || s[8] != '-' || s[11] != '"')
        return false;
    if (!is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]) || !is_digit(s[4]) || !is_digit(s[6]) ||
        !is_digit(s[7]) || !is_digit(s[9]) || !is_digit(s[10]))
        return false;
    int y = (s[1] - '0') * 1000 + (s[2] - '0') * 100 + (s[3] - '0') * 10 + (s[4] - '0');
    int m = (s[6] - '0') * 10 + (s[7] - '0');
    int d = (s[9] - '0') * 10 + (s[10] - '0');
    if (!sp_date_from_ymd(y, m, d, out))
        return false;
    f->pos += 12;
    return true;
}

/* Whether the enumeration's value v is txt[0..len), which holds no NUL:
** without a strlen of every value. */
static inline bool same_text(const char *v, const char *txt, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (v[i] != txt[i])
            return false;   /* also at v's NUL */
    return v[len] == '\0';
}

static bool fast_value(fast *f, const sp_symbol *s, const sp_type *t, sp_value *out, int depth)
{
    const char *txt;
    size_t len;
    memset(out, 0, sizeof *out);
    if (fast_at(f, 'n')) {
        if (!t->nullable || !fast_literal(f, "null", 4))
            return false;
        out->kind = SP_VAL_NULL;
        return true;
    }
    switch (t->kind) {
    case SP_TYPE_BOOL:
        out->kind = SP_VAL_BOOL;
        out->u.b = fast_at(f, 't');
        return out->u.b ? fast_literal(f, "true", 4) : fast_literal(f, "false", 5);
    case SP_TYPE_WHOLE:
    case SP_TYPE_MONEY:
        if (!fast_decimal(f, t->kind == SP_TYPE_MONEY, &out->u.n))
            return false;
        out->kind = SP_VAL_NUM;
        return true;
    case SP_TYPE_DATE:
        if (!fast_date(f, &out->u.d))
            return false;
        if (s->has_range && (out->u.d < s->range_from || out->u.d > s->range_to))
            return false;
        out->kind = SP_VAL_DATE;
        return true;
    case SP_TYPE_TEXT:
        if (!fast_string(f, &txt, &len) || !(out->u.text.s = sp_arena_strndup(f->a, txt, len)))
            return false;
        out->kind = SP_VAL_TEXT;
        out->u.text.len = len;
        return true;
    case SP_TYPE_ENUM: {
        if (!fast_string(f, &txt, &len))
            return false;
        const sp_enum *en = t->enumt;
        for (size_t i = 0; i < en->n_values; i++)
            if (same_text(en->values[i], txt, len)) {
                out->kind = SP_VAL_ENUM;
                out->u.e = (int)i;
                return true;
            }
        return false;
    }
    case SP_TYPE_LIST: {
        sp_value items[FAST_MAX_ITEMS];
        size_t n = 0;
        if (!fast_at(f, '[') || depth >= SP_JSON_MAX_DEPTH - 1)
            return false;
        f->pos++;
        fast_ws(f);
        if (fast_at(f, ']'))
            f->pos++;
        else
            for (;;) {
                if (n == FAST_MAX_ITEMS || !fast_value(f, s, t->elem, &items[n++], depth + 1))
                    return false;
                fast_ws(f);
                if (fast_at(f, ']')) {
                    f->pos++;
                    break;
                }
                if (!fast_at(f, ','))
                    return false;
                f->pos++;
                fast_ws(f);
            }
        if (s->at_most >= 0 && n > (size_t)s->at_most)
            return false;
        out->u.list.items = n ? sp_arena_alloc_uninit(f->a, n * sizeof *items) : NULL;
        if (n && !out->u.list.items)
            return false;
        if (n)
            memcpy(out->u.list.items, items, n * sizeof *items);
        out->kind = SP_VAL_LIST;
        out->u.list.n = n;
        return true;
    }
    default:
        return false;
    }
}

/* Whether a[0..n) and b[0..n) are the same bytes, n >= 3: eight at a time,
** the last eight overlapping those before (memcmp is a call). */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    if (n < 8)
        return memcmp(a, b, n) == 0;
    for (size_t i = 0; i + 8 < n; i += 8) {
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y)
            return false;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
}

/* Whether the key of k, with its closing quote and colon, is at f->pos. */
static inline bool key_at(const fast *f, const sp_fact_group *k)
{
    return f->len - f->pos >= k->quoted_len && same_bytes(f->s + f->pos, k->quoted, k->quoted_len);
}

/* The guess missed: the keys that followed it in earlier cases, for a case
** that leaves out keys others give. NULL when none is at f->pos within
** FAST_MAX_CHAIN keys or all of g's kids (the chain may loop): so cases
** whose keys come in a new order each time pay a few comparisons a key
** before the look-up, not one for every kid of a large group. */
static const sp_fact_group *later_key(const fast *f, const sp_fact_group *g, const sp_fact_group *guess)
{
    const sp_fact_group *k = guess;
    for (size_t steps = 1; steps < g->n_kids && steps < FAST_MAX_CHAIN; steps++) {
        k = atomic_load_explicit(&k->hint->next, memory_order_relaxed);
        if (!k)
            return NULL;
        if (key_at(f, k))
            return k;
    }
    return NULL;
}

/* The object at f->pos, read into the facts of group g. Each key is first
** compared with the keys that followed the key before it in earlier cases
** (g's first key for the first); when none is there it is scanned and
** looked up. The checks after (given twice, a fact or a group) are the
** same either way. */
static bool fast_group(fast *f, const sp_fact_group *g, int depth)
{
    if (!fast_at(f, '{') || depth >= SP_JSON_MAX_DEPTH)
        return false;
    f->pos++;
    fast_ws(f);
    if (fast_at(f, '}')) {
        f->pos++;
        return true;
    }
    const sp_fact_group *prev = NULL;   /* the key before, in this object */
    for (;;) {
        _Atomic(const sp_fact_group *) *hint = prev ? &prev->hint->next : &g->hint->first;
        const sp_fact_group *guess = atomic_load_explicit(hint, memory_order_relaxed), *k = guess;
        if (k && !key_at(f, k))
            k = later_key(f, g, k);
        if (k) {
            /* the key, its closing quote and colon: so not a key it is a
            ** prefix of ("a" is not "ab") */
            f->pos += k->quoted_len;
        } else {
            const char *key;
            size_t key_len;
            if (!fast_string(f, &key, &key_len))
                return false;
            fast_ws(f);
            if (!fast_at(f, ':'))
                return false;
            f->pos++;
            const sp_fact_group *found = find_kid(g, key, key_len);
            if (!found)
                return false;
            /* only when the chain did not have it: so the chain keeps the
            ** keys that cases give now and then, in their order */
            if (found != guess && found->quoted)
                atomic_store_explicit(hint, found, memory_order_relaxed);
            k = found;
        }
        prev = k;
        fast_ws(f);
        if (k->fact >= 0) {
            const sp_symbol *s = &f->p->syms[k->fact];
            if (f->seen[s->slot])
                return false;   /* given twice */
            bool is_string = fast_at(f, '"');
            size_t at = f->pos + 1;
            if (!fast_value(f, s, s->type, &f->values[s->slot], depth + 1))
                return false;
            f->seen[s->slot] = true;
            if (k->fact == f->p->reference && is_string) {
                f->ref = f->s + at;
                f->ref_len = f->pos - at - 1;
            }
        } else {
            for (size_t i = 0; i < f->n_opened; i++)
                if (f->opened[i] == k)
                    return false;   /* given twice */
            if (f->n_opened == FAST_MAX_GROUPS)
                return false;
            f->opened[f->n_opened++] = k;
            if (!fast_group(f, k, depth + 1))
                return false;
        }
        fast_ws(f);
        if (fast_at(f, '}')) {
            f->pos++;
            return true;
        }
        if (!fast_at(f, ','))
            return false;
        f->pos++;
        fast_ws(f);
    }
}

bool sp_facts_read_fast(const sp_policy *p, const char *json, size_t len, sp_arena *a, sp_value *values,
                        bool partial, sp_case_error *err)
{
    /* field by field: an initializer would zero opened[], more bytes than a
    ** case has keys; it is read only below n_opened */
    fast f;
    f.p = p;
    f.a = a;
    f.values = values;
    f.s = json;
    f.pos = 0;
    f.len = json ? len : 0;
    f.n_opened = 0;
    f.ref = NULL;
    f.ref_len = 0;
    f.seen = sp_arena_alloc(a, p->n_facts + 1);
    if (!f.seen)
        return false;
    fast_ws(&f);
    if (!fast_group(&f, p->fact_root, 0))
        return false;
    fast_ws(&f);
    if (f.pos != f.len)
        return false;
    for (size_t i = 0; i < p->n_facts; i++) {
        if (f.seen[i])
            continue;
        const sp_symbol *s = &p->syms[p->facts[i]];
        if (!s->required) {
            values[i] = s->default_value;
            continue;
        }
        if (!partial)
            return false;
        /* --partial: undetermined, needing this fact alone (eval.c) */
        size_t words = (p->n_facts + 63) / 64;
        uint64_t *need = sp_arena_alloc(a, words * sizeof *need);
        if (!need)
            return false;
        need[i / 64] = (uint64_t)1 << (i % 64);
        values[i] = (sp_value){ .kind = SP_VAL_UNDETERMINED, .u.missing = need };
    }
    /* the case's reference, as render.c's case_id_from_json takes it */
    if (f.ref && f.ref_len < sizeof err->case_id) {
        memcpy(err->case_id, f.ref, f.ref_len);
        err->case_id[f.ref_len] = '\0';
        err->has_case_id = true;
    }
    return true;
}
