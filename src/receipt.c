/*
** Receipts: writing the facts as read into a decision (eval --receipt), and
** verifying a receipt by evaluating its facts again and comparing, output by
** output, the decision and the reasons.
*/
#include "receipt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "json.h"
#include "render_parts.h"
#include "stayput.h"

/* ---- writing the facts ---- */

/* Whether a case can give a value of type t (what the case reader reads). */
static bool readable(const sp_type *t)
{
    switch (t->kind) {
    case SP_TYPE_BOOL:
    case SP_TYPE_WHOLE:
    case SP_TYPE_MONEY:
    case SP_TYPE_DATE:
    case SP_TYPE_TEXT:
    case SP_TYPE_ENUM:
        return true;
    case SP_TYPE_LIST:
        return t->elem && readable(t->elem);
    default:
        return false;
    }
}

/* Whether the case reader accepts v for fact s. A value read from a case
** always is; a default need not be (a negative amount, a date outside the
** fact's range), and is then left out of the receipt, to be applied again. */
static bool acceptable(const sp_symbol *s, const sp_type *t, const sp_value *v)
{
    char num[96];
    switch (v->kind) {
    case SP_VAL_NULL:
        return t->nullable;
    case SP_VAL_NUM: {
        if (v->u.n.num < 0 && t->kind == SP_TYPE_MONEY)
            return false;
        size_t len = t->kind == SP_TYPE_MONEY ? sp_num_format_exact(v->u.n, num)
                                              : sp_num_format_int(v->u.n, num);
        const char *digits = num + (num[0] == '-');
        size_t whole = strcspn(digits, "./");
        if (!len || digits[whole] == '/' || whole > SP_NUM_MAX_INT_DIGITS)
            return false;
        return digits[whole] != '.' || strlen(digits + whole + 1) <= SP_NUM_MAX_FRAC_DIGITS;
    }
    case SP_VAL_DATE:
        return !s->has_range || (v->u.d >= s->range_from && v->u.d <= s->range_to);
    case SP_VAL_LIST:
        if (s->at_most >= 0 && v->u.list.n > (size_t)s->at_most)
            return false;
        for (size_t i = 0; i < v->u.list.n; i++)
            if (!acceptable(s, t->elem, &v->u.list.items[i]))
                return false;
        return true;
    case SP_VAL_DURATION:
        return false;
    default:
        return true;
    }
}

/* Whether fact s goes into the receipt: a case can give it, and the value
** the case had reads back. */
static bool written(const sp_engine *e, const sp_symbol *s)
{
    const sp_value *v = &e->facts[s->slot];
    if (!readable(s->type) || v->kind == SP_VAL_UNDETERMINED) /* missing, with --partial */
        return false;
    return !sp_value_equal(v, &s->default_value) || acceptable(s, s->type, v);
}

/* The first fact slot (declaration order) in g's subtree that goes into the
** receipt, or n_facts when none. */
static size_t first_slot(const sp_engine *e, const sp_fact_group *g)
{
    const sp_policy *p = e->p;
    size_t best = p->n_facts;
    if (g->fact >= 0 && written(e, &p->syms[g->fact]))
        best = (size_t)p->syms[g->fact].slot;
    for (size_t i = 0; i < g->n_kids; i++) {
        size_t k = first_slot(e, g->kids[i]);
        if (k < best)
            best = k;
    }
    return best;
}

/* The members of group g, each at the place of its first declared fact. */
static void group_json(const sp_engine *e, const sp_fact_group *g, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_putc(out, '{');
    size_t after = 0; /* slots below this were written */
    bool first = true;
    for (;;) {
        const sp_fact_group *next = NULL;
        size_t next_slot = p->n_facts;
        for (size_t i = 0; i < g->n_kids; i++) {
            size_t s = first_slot(e, g->kids[i]);
            if (s >= after && s < next_slot) {
                next = g->kids[i];
                next_slot = s;
            }
        }
        if (!next)
            break;
        after = next_slot + 1;
        if (!first)
            sp_buf_puts(out, ", ");
        first = false;
        sp_buf_json_string(out, next->segment, strlen(next->segment));
        sp_buf_puts(out, ": ");
        if (next->fact >= 0) {
            const sp_symbol *s = &p->syms[next->fact];
            sp_render_value_json(p, s->type, &e->facts[s->slot], out); /* reads back the same */
        } else {
            group_json(e, next, out);
        }
    }
    sp_buf_putc(out, '}');
}

void sp_receipt_facts_json(const sp_engine *e, sp_buf *out)
{
    group_json(e, e->p->fact_root, out);
}

void sp_receipt_render(const sp_engine *e, sp_buf *out)
{
    sp_buf_puts(out, ", \"receipt\": {\"facts\": ");
    sp_receipt_facts_json(e, out);
    sp_buf_puts(out, ", \"digest\": ");
    sp_buf_json_string(out, e->p->digest, strlen(e->p->digest));
    sp_buf_puts(out, ", \"engine\": \"stayput " STAYPUT_VERSION "\"}");
}

/* ---- JSON trees ---- */

/* Writes j compactly, in the engine's layout ("a": 1, "b": [2, 3]). */
static void json_write(const sp_json *j, sp_buf *out)
{
    switch (j->kind) {
    case SP_JSON_NULL:
        sp_buf_puts(out, "null");
        return;
    case SP_JSON_BOOL:
        sp_buf_puts(out, j->boolean ? "true" : "false");
        return;
    case SP_JSON_NUMBER:
        sp_buf_append(out, j->str, j->len);
        return;
    case SP_JSON_STRING:
        sp_buf_json_string(out, j->str, j->len);
        return;
    case SP_JSON_ARRAY:
        sp_buf_putc(out, '[');
        for (size_t i = 0; i < j->n_items; i++) {
            if (i)
                sp_buf_puts(out, ", ");
            json_write(j->items[i], out);
        }
        sp_buf_putc(out, ']');
        return;
    case SP_JSON_OBJECT:
        sp_buf_putc(out, '{');
        for (size_t i = 0; i < j->n_members; i++) {
            if (i)
                sp_buf_puts(out, ", ");
            sp_buf_json_string(out, j->members[i].key, j->members[i].key_len);
            sp_buf_puts(out, ": ");
            json_write(j->members[i].value, out);
        }
        sp_buf_putc(out, '}');
        return;
    }
}

static const sp_json *member(const sp_json *obj, const char *key, size_t len)
{
    if (!obj || obj->kind != SP_JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->n_members; i++)
        if (obj->members[i].key_len == len && memcmp(obj->members[i].key, key, len) == 0)
            return obj->members[i].value;
    return NULL;
}

static const sp_json *get(const sp_json *obj, const char *key)
{
    return member(obj, key, strlen(key));
}

/* Appends s as the JSON form writes it, without the quotes: control
** characters and backslashes escaped (DEL too), so that text taken from a
** receipt cannot move the cursor or erase a terminal's lines. */
static void put_escaped(sp_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch != 0x7f && ch != '\\')
            continue;
        sp_buf_append(out, s + start, i - start);
        start = i + 1;
        switch (ch) {
        case '\\':
            sp_buf_puts(out, "\\\\");
            break;
        case '\n':
            sp_buf_puts(out, "\\n");
            break;
        case '\r':
            sp_buf_puts(out, "\\r");
            break;
        case '\t':
            sp_buf_puts(out, "\\t");
            break;
        case '\b':
            sp_buf_puts(out, "\\b");
            break;
        case '\f':
            sp_buf_puts(out, "\\f");
            break;
        default: {
            char u[7] = { '\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15], '\0' };
            sp_buf_puts(out, u);
        }
        }
    }
    sp_buf_append(out, s + start, n - start);
}

static void put_text(sp_buf *out, const char *s)
{
    put_escaped(out, s, strlen(s));
}

/* ---- reading a receipt ---- */

struct sp_receipt {
    sp_arena arena;         /* the parsed file */
    const sp_json *case_id; /* NULL when the file has none */
    const char *council;
    const sp_json *decision;
    const sp_json *reasons;
    const sp_json *facts;
    const char *digest;        /* receipt.digest */
    const char *policy_digest; /* policy.digest, which eval writes equal to it */
    const char *engine;
};

static sp_receipt *bad(sp_receipt *r, sp_case_error *err, const char *code, const char *path,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static sp_receipt *bad(sp_receipt *r, sp_case_error *err, const char *code, const char *path,
                       const char *fmt, ...)
{
    err->code = code;
    snprintf(err->path, sizeof err->path, "%s", path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    sp_receipt_free(r);
    return NULL;
}

/* The text of a string member, NULL when it is missing, not text, or holds a NUL. */
static const char *text_of(const sp_json *j)
{
    if (!j || j->kind != SP_JSON_STRING || memchr(j->str, '\0', j->len))
        return NULL;
    return j->str;
}

sp_receipt *sp_receipt_read(const char *json, size_t len, sp_case_error *err)
{
    memset(err, 0, sizeof *err);
    sp_receipt *r = calloc(1, sizeof *r);
    if (!r) {
        err->code = "out_of_memory";
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    sp_arena_init(&r->arena, 64 * 1024);
    sp_json_error jerr;
    const sp_json *root = sp_json_parse(&r->arena, json, len, &jerr);
    if (!root) {
        size_t line, col;
        sp_json_line_col(json, len, jerr.offset, &line, &col);
        switch (jerr.kind) {
        case SP_JSON_ERR_OOM:
            return bad(r, err, "out_of_memory", "", "out of memory");
        case SP_JSON_ERR_EMPTY:
            return bad(r, err, "empty_input", "", "the receipt is empty: expected a JSON object");
        case SP_JSON_ERR_DUPLICATE:
            return bad(r, err, "duplicate_key", jerr.path, "key '%s' is given twice", jerr.path);
        case SP_JSON_ERR_DEPTH:
            return bad(r, err, "too_deep", "", "line %zu, column %zu: nested deeper than %d levels",
                       line, col, SP_JSON_MAX_DEPTH);
        default:
            return bad(r, err, "malformed_json", "", "malformed JSON at line %zu, column %zu: %s",
                       line, col, jerr.message);
        }
    }
    static const char made[] = "; a receipt is the output of 'stayput eval --receipt'";
    if (root->kind != SP_JSON_OBJECT)
        return bad(r, err, "not_a_receipt", "", "the receipt is not a JSON object%s", made);
    const sp_json *rec = get(root, "receipt");
    if (!rec || rec->kind != SP_JSON_OBJECT)
        return bad(r, err, "not_a_receipt", "receipt", "%s 'receipt' object%s",
                   rec ? "expected a" : "no", made);
    r->facts = get(rec, "facts");
    if (!r->facts || r->facts->kind != SP_JSON_OBJECT)
        return bad(r, err, "not_a_receipt", "receipt.facts",
                   "'receipt.facts' must be the object of the case's facts%s", made);
    if (!(r->digest = text_of(get(rec, "digest"))))
        return bad(r, err, "not_a_receipt", "receipt.digest",
                   "'receipt.digest' must be the policy's digest, as text%s", made);
    if (!(r->engine = text_of(get(rec, "engine"))))
        return bad(r, err, "not_a_receipt", "receipt.engine",
                   "'receipt.engine' must name the engine, as text%s", made);
    if (!(r->council = text_of(get(root, "council"))) || !r->council[0])
        return bad(r, err, "not_a_receipt", "council", "'council' must name the policy, as text%s",
                   made);
    r->decision = get(root, "decision");
    if (!r->decision || r->decision->kind != SP_JSON_OBJECT)
        return bad(r, err, "not_a_receipt", "decision",
                   "'decision' must be the object of the outputs%s", made);
    r->reasons = get(root, "reasons");
    if (!r->reasons || r->reasons->kind != SP_JSON_OBJECT)
        return bad(r, err, "not_a_receipt", "reasons",
                   "'reasons' must be the object of the outputs' reasons%s", made);
    if (!(r->policy_digest = text_of(get(get(root, "policy"), "digest"))))
        return bad(r, err, "not_a_receipt", "policy.digest",
                   "'policy.digest' must be the policy's digest, as text%s", made);
    r->case_id = get(root, "case_id");
    return r;
}

void sp_receipt_free(sp_receipt *r)
{
    if (!r)
        return;
    sp_arena_fini(&r->arena);
    free(r);
}

const char *sp_receipt_council(const sp_receipt *r)
{
    return r->council;
}

bool sp_receipt_same_digest(const sp_receipt *r, const sp_policy *p)
{
    return strcmp(r->digest, p->digest) == 0;
}

/* ---- verifying ---- */

/* One difference: at `at` of output `output`, the receipt had `was` and the
** policy now gives `now` (NULL: absent on that side). */
typedef struct difference {
    const char *output; /* arena-owned; one pointer per output */
    size_t output_len;  /* a name read from a receipt may hold a NUL */
    const char *at;     /* "value", or a path in the reasons: "reasons[0].cites" */
    const sp_json *was, *now;
    struct difference *next;
} difference;

/* The comparison of a receipt's outputs with the policy's, and what it found. */
typedef struct comparison {
    sp_arena *arena;          /* holds the differences */
    const sp_policy *p;       /* the policy deciding now */
    const char *council;      /* the policy the receipt was made by, as it names it */
    difference *head, **tail; /* output by output, in the order compared */
    bool oom;
} comparison;

/* Splits a rule's source "DIR/FOLDER/FILE:LINE" into FOLDER and FILE:LINE. */
static void split_source(const sp_json *j, const char **folder, size_t *folder_len,
                         const char **rest, size_t *rest_len)
{
    const char *s = j->str;
    size_t slash = j->len, start = 0;
    while (slash > 0 && s[slash - 1] != '/')
        slash--;
    if (slash > 0) {
        start = slash - 1;
        while (start > 0 && s[start - 1] != '/')
            start--;
    }
    *folder = s + start;
    *folder_len = slash > start ? slash - 1 - start : 0;
    *rest = s + slash;
    *rest_len = j->len - slash;
}

/* The policy whose folder is `folder`, by its declared name. A policy that
** another extends is found by its name, so it sits in a folder of that name;
** only the policy verified may sit in a folder of any name (a council's
** folder copied to `april/`, a path given to --policy). So a folder naming a
** policy the one verified extends is that policy; any other folder holds the
** policy itself: the council the receipt names on the receipt's side, the
** policy's declared name now. */
static const char *source_policy(const comparison *c, const char *folder, size_t len, bool now)
{
    const sp_policy *p = c->p;
    for (size_t i = 0; i + 1 < p->n_layers; i++)
        if (strlen(p->layers[i].name) == len && memcmp(p->layers[i].name, folder, len) == 0)
            return p->layers[i].name;
    return now ? p->layers[p->n_layers - 1].name : c->council;
}

/* A rule's source is compared as POLICY/FILE:LINE (see source_policy): where
** the policy's folder was found, and under what name, is not the rule's. */
static bool same_source(const comparison *c, const sp_json *was, const sp_json *now)
{
    const char *fw, *fn, *rw, *rn;
    size_t lfw, lfn, lrw, lrn;
    split_source(was, &fw, &lfw, &rw, &lrw);
    split_source(now, &fn, &lfn, &rn, &lrn);
    return lrw == lrn && memcmp(rw, rn, lrw) == 0 &&
           strcmp(source_policy(c, fw, lfw, false), source_policy(c, fn, lfn, true)) == 0;
}

static bool is_source(const sp_json_member *m)
{
    return m->key_len == 6 && memcmp(m->key, "source", 6) == 0;
}

/* Equal as JSON values: objects by key whatever the order, numbers by their
** text (the engine writes each number one way), a rule's source by policy,
** file and line. */
static bool json_equal(const comparison *c, const sp_json *a, const sp_json *b, bool source)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case SP_JSON_NULL:
        return true;
    case SP_JSON_BOOL:
        return a->boolean == b->boolean;
    case SP_JSON_NUMBER:
        return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
    case SP_JSON_STRING:
        if (source)
            return same_source(c, a, b);
        return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
    case SP_JSON_ARRAY:
        if (a->n_items != b->n_items)
            return false;
        for (size_t i = 0; i < a->n_items; i++)
            if (!json_equal(c, a->items[i], b->items[i], false))
                return false;
        return true;
    case SP_JSON_OBJECT:
        /* the reader refuses a key given twice: as many members, each found
        ** and equal, is the same object */
        if (a->n_members != b->n_members)
            return false;
        for (size_t i = 0; i < a->n_members; i++) {
            const sp_json_member *m = &a->members[i];
            const sp_json *o = member(b, m->key, m->key_len);
            if (!o || !json_equal(c, m->value, o, is_source(m)))
                return false;
        }
        return true;
    }
    return false;
}

static void record(comparison *c, const char *output, size_t output_len, const char *at,
                   const sp_json *was, const sp_json *now)
{
    difference *d = sp_arena_alloc(c->arena, sizeof *d);
    char *copy = d ? sp_arena_strdup(c->arena, at) : NULL;
    if (!copy) {
        c->oom = true;
        return;
    }
    *d = (difference){ output, output_len, copy, was, now, NULL };
    *c->tail = d;
    c->tail = &d->next;
}

/* Records each place where was and now part, comparing each node once: it
** goes down through objects, and arrays of the same length, and records a
** value that differs, a member only one side has, or arrays of different
** lengths, where it finds them. path (of size psize, plen used) names the
** place; a place too deep to name is compared whole. */
static void report_differences(comparison *c, const char *output, size_t output_len, char *path,
                               size_t plen, size_t psize, const sp_json *was, const sp_json *now,
                               bool source)
{
    bool descend = was && now && was->kind == now->kind && plen + 32 < psize &&
                   (was->kind == SP_JSON_OBJECT ||
                    (was->kind == SP_JSON_ARRAY && was->n_items == now->n_items));
    if (!descend) {
        if (!json_equal(c, was, now, source))
            record(c, output, output_len, path, was, now);
        return;
    }
    if (was->kind == SP_JSON_ARRAY) {
        for (size_t i = 0; i < was->n_items; i++) {
            int n = snprintf(path + plen, psize - plen, "[%zu]", i);
            report_differences(c, output, output_len, path, plen + (size_t)n, psize, was->items[i],
                               now->items[i], false);
        }
        path[plen] = '\0';
        return;
    }
    /* the members as the policy writes them now, then those it no longer writes */
    for (int side = 0; side < 2; side++) {
        const sp_json *from = side ? was : now, *other = side ? now : was;
        for (size_t i = 0; i < from->n_members; i++) {
            const sp_json_member *m = &from->members[i];
            const sp_json *o = member(other, m->key, m->key_len);
            if (side && o)
                continue;
            int n = snprintf(path + plen, psize - plen, ".%s", m->key);
            size_t end = n < 0 ? plen : plen + (size_t)n < psize ? plen + (size_t)n : psize - 1;
            if (side)
                record(c, output, output_len, path, m->value, NULL);
            else
                report_differences(c, output, output_len, path, end, psize, o, m->value,
                                   is_source(m));
        }
    }
    path[plen] = '\0';
}

static void compare_output(comparison *c, const char *name, size_t len, const sp_receipt *r,
                           const sp_json *decision, const sp_json *reasons)
{
    const char *output = sp_arena_strndup(c->arena, name, len);
    if (!output) {
        c->oom = true;
        return;
    }
    const sp_json *was = member(r->decision, name, len), *now = member(decision, name, len);
    if (!json_equal(c, was, now, false))
        record(c, output, len, "value", was, now);
    char path[256] = "reasons";
    report_differences(c, output, len, path, strlen(path), sizeof path,
                       member(r->reasons, name, len), member(reasons, name, len), false);
}

/* All that verify found. The receipt holds when nothing differs: the facts
** are read, no output differs, and the receipt agrees with itself. */
typedef struct verdict {
    comparison c;                /* the outputs, when the facts are read */
    size_t n_outputs;            /* outputs compared */
    const sp_case_error *unread; /* why the facts are no case this policy reads; NULL: read */
    const sp_json *case_id_now;  /* the case_id the facts give (NULL: none, or unread) */
    bool case_id_differs;        /* the receipt's case_id is not the one its facts give */
    bool digests_differ;         /* its policy.digest is not its receipt.digest */
} verdict;

static bool identical(const verdict *v)
{
    return !v->c.head && !v->unread && !v->case_id_differs && !v->digests_differ;
}

static const char case_id_message[] = "the receipt's case_id does not match its facts";
static const char digests_message[] =
    "the receipt's policy.digest does not match its receipt.digest";
static const char unread_message[] = "the receipt's facts are no longer a case this policy reads";

static void text_value(const sp_json *j, sp_buf *out)
{
    if (!j)
        sp_buf_puts(out, "(absent)");
    else
        json_write(j, out);
}

static void report_text(const sp_receipt *r, const sp_policy *p, const verdict *v, sp_buf *out)
{
    const sp_layer *top = &p->layers[p->n_layers - 1];
    const sp_json *case_id = r->case_id;
    sp_buf_puts(out, "receipt for case ");
    if (case_id && case_id->kind == SP_JSON_STRING)
        put_escaped(out, case_id->str, case_id->len);
    else if (case_id)
        json_write(case_id, out);
    else
        sp_buf_puts(out, "(none)");
    sp_buf_puts(out, ", council ");
    put_text(out, r->council);
    sp_buf_puts(out, ", made by ");
    put_text(out, r->engine);
    sp_buf_putc(out, '\n');
    if (strcmp(r->council, top->name) != 0) {
        sp_buf_puts(out, "note: the receipt names council ");
        put_text(out, r->council);
        sp_buf_puts(out, "; it is verified against policy ");
        put_text(out, top->name);
        sp_buf_putc(out, '\n');
    }
    if (strcmp(r->digest, p->digest) == 0) {
        sp_buf_printf(out, "digest: %s, as in the receipt\n", p->digest);
    } else {
        sp_buf_puts(out, "digest differs: the receipt has ");
        put_text(out, r->digest);
        sp_buf_puts(out, ", policy ");
        put_text(out, top->name);
        sp_buf_puts(out, " version ");
        put_text(out, top->version);
        sp_buf_printf(out, " now has %s\n", p->digest);
    }
    if (strcmp(r->engine, "stayput " STAYPUT_VERSION) != 0)
        sp_buf_puts(out, "engine differs: this is stayput " STAYPUT_VERSION "\n");
    if (v->digests_differ) {
        sp_buf_printf(out, "%s: policy.digest is ", digests_message);
        put_text(out, r->policy_digest);
        sp_buf_puts(out, ", receipt.digest is ");
        put_text(out, r->digest);
        sp_buf_putc(out, '\n');
    }
    if (v->case_id_differs) {
        sp_buf_printf(out, "%s: case_id is ", case_id_message);
        text_value(r->case_id, out);
        sp_buf_puts(out, ", the facts give ");
        text_value(v->case_id_now, out);
        sp_buf_putc(out, '\n');
    }
    if (v->unread) {
        sp_buf_printf(out, "%s: ", unread_message);
        put_text(out, v->unread->code ? v->unread->code : "internal");
        sp_buf_puts(out, ": ");
        put_text(out, v->unread->message);
        if (v->unread->path[0]) {
            sp_buf_puts(out, " (at receipt.facts.");
            put_text(out, v->unread->path);
            sp_buf_putc(out, ')');
        }
        sp_buf_putc(out, '\n');
    }
    size_t n_differ = 0;
    const char *last = NULL;
    for (const difference *d = v->c.head; d; d = d->next) {
        if (d->output != last) {
            sp_buf_puts(out, "output ");
            put_escaped(out, d->output, d->output_len);
            sp_buf_puts(out, " differs\n");
            last = d->output;
            n_differ++;
        }
        sp_buf_puts(out, "  ");
        put_text(out, d->at);
        sp_buf_puts(out, ": was ");
        text_value(d->was, out);
        sp_buf_puts(out, ", now ");
        text_value(d->now, out);
        sp_buf_putc(out, '\n');
    }
    if (identical(v)) {
        if (v->n_outputs == 1)
            sp_buf_puts(out, "identical: the decision and the reasons of the one output are as "
                             "the receipt says\n");
        else
            sp_buf_printf(out,
                          "identical: the decision and the reasons of all %zu outputs are as the "
                          "receipt says\n",
                          v->n_outputs);
        return;
    }
    const char *sep = "differs: ";
    if (v->case_id_differs) {
        sp_buf_printf(out, "%s%s", sep, case_id_message);
        sep = "; ";
    }
    if (v->digests_differ) {
        sp_buf_printf(out, "%s%s", sep, digests_message);
        sep = "; ";
    }
    if (v->unread) {
        sp_buf_printf(out, "%s%s", sep, unread_message);
        sep = "; ";
    }
    if (n_differ) {
        sp_buf_printf(out, "%s%zu of %zu outputs %s not as the receipt says: ", sep, n_differ,
                      v->n_outputs, n_differ == 1 ? "is" : "are");
        last = NULL;
        for (const difference *d = v->c.head; d; d = d->next)
            if (d->output != last) {
                if (last)
                    sp_buf_puts(out, ", ");
                put_escaped(out, d->output, d->output_len);
                last = d->output;
            }
    }
    sp_buf_putc(out, '\n');
}

static void json_str(sp_buf *out, const char *s)
{
    sp_buf_json_string(out, s, strlen(s));
}

/* {"at": ..., "message": ..., "has": ..., "expected": ...}: a part of the
** receipt that disagrees with another part. */
static void json_inconsistent(sp_buf *out, const char *at, const char *message, const sp_json *has,
                              const char *has_text, const sp_json *expected,
                              const char *expected_text)
{
    sp_buf_puts(out, "{\"at\": ");
    json_str(out, at);
    sp_buf_puts(out, ", \"message\": ");
    json_str(out, message);
    sp_buf_puts(out, ", \"has\": ");
    if (has)
        json_write(has, out);
    else if (has_text)
        json_str(out, has_text);
    else
        sp_buf_puts(out, "null");
    sp_buf_puts(out, ", \"expected\": ");
    if (expected)
        json_write(expected, out);
    else if (expected_text)
        json_str(out, expected_text);
    else
        sp_buf_puts(out, "null");
    sp_buf_putc(out, '}');
}

static void report_json(const sp_receipt *r, const sp_policy *p, const verdict *v, sp_buf *out)
{
    sp_buf_puts(out, "{\"case_id\": ");
    if (r->case_id)
        json_write(r->case_id, out);
    else
        sp_buf_puts(out, "null");
    sp_buf_printf(
        out, ", \"identical\": %s, \"council\": {\"receipt\": ", identical(v) ? "true" : "false");
    json_str(out, r->council);
    sp_buf_puts(out, ", \"now\": ");
    json_str(out, sp_policy_name(p));
    sp_buf_puts(out, "}, \"digest\": {\"receipt\": ");
    json_str(out, r->digest);
    sp_buf_puts(out, ", \"now\": ");
    json_str(out, p->digest);
    sp_buf_printf(out, ", \"same\": %s}, \"engine\": {\"receipt\": ",
                  strcmp(r->digest, p->digest) ? "false" : "true");
    json_str(out, r->engine);
    sp_buf_puts(out, ", \"now\": \"stayput " STAYPUT_VERSION "\"}, \"inconsistent\": [");
    if (v->case_id_differs)
        json_inconsistent(out, "case_id", case_id_message, r->case_id, NULL, v->case_id_now, NULL);
    if (v->digests_differ) {
        if (v->case_id_differs)
            sp_buf_puts(out, ", ");
        json_inconsistent(out, "policy.digest", digests_message, NULL, r->policy_digest, NULL,
                          r->digest);
    }
    sp_buf_puts(out, "], \"facts_error\": ");
    if (v->unread) {
        sp_buf_puts(out, "{\"code\": ");
        json_str(out, v->unread->code ? v->unread->code : "internal");
        sp_buf_puts(out, ", \"message\": ");
        json_str(out, v->unread->message);
        sp_buf_puts(out, ", \"path\": ");
        char path[sizeof v->unread->path + 16];
        if (v->unread->path[0] &&
            snprintf(path, sizeof path, "receipt.facts.%s", v->unread->path) > 0)
            json_str(out, path);
        else
            sp_buf_puts(out, "null");
        sp_buf_putc(out, '}');
    } else {
        sp_buf_puts(out, "null");
    }
    sp_buf_puts(out, ", \"differs\": {");
    const char *last = NULL;
    for (const difference *d = v->c.head; d; d = d->next) {
        if (d->output != last) {
            if (last)
                sp_buf_puts(out, "], ");
            sp_buf_json_string(out, d->output, d->output_len);
            sp_buf_puts(out, ": [");
        } else {
            sp_buf_puts(out, ", ");
        }
        last = d->output;
        sp_buf_puts(out, "{\"at\": ");
        json_str(out, d->at);
        if (d->was) {
            sp_buf_puts(out, ", \"was\": ");
            json_write(d->was, out);
        }
        if (d->now) {
            sp_buf_puts(out, ", \"now\": ");
            json_write(d->now, out);
        }
        sp_buf_putc(out, '}');
    }
    sp_buf_puts(out, last ? "]}}\n" : "}}\n");
}

static sp_status verify_fail(sp_case_error *err, const char *code, const char *message)
{
    err->code = code;
    snprintf(err->message, sizeof err->message, "%s", message);
    return strcmp(code, "out_of_memory") == 0 ? SP_ERR_OOM : SP_ERR_RULES;
}

/* Compares the decision made again (root, the engine's JSON) with the
** receipt's, output by output, and its case_id with the receipt's. */
static sp_status compare_decision(verdict *v, const sp_receipt *r, const sp_json *root,
                                  sp_case_error *err)
{
    comparison *c = &v->c;
    const sp_json *decision = get(root, "decision"), *reasons = get(root, "reasons");
    if (!decision || decision->kind != SP_JSON_OBJECT || !reasons ||
        reasons->kind != SP_JSON_OBJECT)
        return verify_fail(err, "internal", "the decision made again has no outputs");
    /* every output the policy decides now, then those only the receipt has */
    for (size_t i = 0; i < decision->n_members; i++)
        compare_output(c, decision->members[i].key, decision->members[i].key_len, r, decision,
                       reasons);
    v->n_outputs = decision->n_members;
    const sp_json *sides[2] = { r->decision, r->reasons };
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->n_members; i++) {
            const sp_json_member *m = &sides[s]->members[i];
            if (member(decision, m->key, m->key_len) ||
                (s && member(r->decision, m->key, m->key_len)))
                continue;
            compare_output(c, m->key, m->key_len, r, decision, reasons);
            v->n_outputs++;
        }
    v->case_id_now = get(root, "case_id");
    v->case_id_differs = !json_equal(c, r->case_id, v->case_id_now, false);
    if (c->oom)
        return verify_fail(err, "out_of_memory", "out of memory");
    return SP_OK;
}

sp_status sp_receipt_verify(sp_engine *e, const sp_receipt *r, bool json, sp_buf *out, bool *holds,
                            sp_case_error *err)
{
    memset(err, 0, sizeof *err);
    *holds = false;
    const sp_policy *p = e->p;
    sp_buf facts, now;
    sp_buf_init(&facts);
    sp_buf_init(&now);
    sp_arena arena;
    sp_arena_init(&arena, 64 * 1024);
    verdict v = { .c = { .arena = &arena, .p = p, .council = r->council } };
    v.c.tail = &v.c.head;
    v.digests_differ = strcmp(r->policy_digest, r->digest) != 0;
    sp_case_error unread;
    sp_status st = SP_OK;
    json_write(r->facts, &facts);
    sp_eval_options opt = { .format = SP_FORMAT_JSON };
    if (facts.oom) {
        st = verify_fail(err, "out_of_memory", "out of memory");
        goto done;
    }
    st = sp_engine_eval(e, facts.data, facts.len, &opt, &now, &unread);
    if (st == SP_ERR_INPUT) {
        /* facts the policy no longer reads (a fact it now requires, a key it
        ** no longer declares): the decision cannot be made again as it was,
        ** which is a difference, not a bad receipt */
        v.unread = &unread;
        st = SP_OK;
    } else if (st != SP_OK) {
        *err = unread;
        goto done;
    } else {
        sp_json_error jerr;
        const sp_json *root = sp_json_parse(&arena, now.data, now.len, &jerr);
        if (!root) {
            st = jerr.kind == SP_JSON_ERR_OOM
                     ? verify_fail(err, "out_of_memory", "out of memory")
                     : verify_fail(err, "internal", "the decision made again is not JSON");
            goto done;
        }
        if ((st = compare_decision(&v, r, root, err)) != SP_OK)
            goto done;
    }
    size_t before = out->len;
    if (json)
        report_json(r, p, &v, out);
    else
        report_text(r, p, &v, out);
    if (out->oom) {
        out->len = before;
        st = verify_fail(err, "out_of_memory", "out of memory");
        goto done;
    }
    *holds = identical(&v);
done:
    sp_arena_fini(&arena);
    sp_buf_fini(&facts);
    sp_buf_fini(&now);
    return st;
}
