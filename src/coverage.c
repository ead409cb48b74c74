/*
** Coverage of a policy by its examples: which rules and branches the
** examples used, and the map from each cited clause of the policy text to
** the rules that implement it and the examples that exercise them.
*/
#include "coverage.h"

#include <stdlib.h>
#include <string.h>

#include "eval.h"

struct sp_coverage {
    const sp_policy *p;
    size_t words;             /* uint64_t words in an example bitset */
    uint64_t *used_by;        /* per rule: the examples that evaluated it, words each */
    bool **taken;             /* per rule, per branch: some example took it */
};

sp_coverage *sp_coverage_new(const sp_policy *p)
{
    sp_coverage *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->p = p;
    c->words = (p->n_examples + 63) / 64 + 1;
    c->used_by = calloc(p->n_rules * c->words + 1, sizeof *c->used_by);
    c->taken = calloc(p->n_rules + 1, sizeof *c->taken);
    if (!c->used_by || !c->taken) {
        sp_coverage_free(c);
        return NULL;
    }
    for (size_t r = 0; r < p->n_rules; r++) {
        c->taken[r] = calloc(p->rules[r].n_branches + 1, sizeof **c->taken);
        if (!c->taken[r]) {
            sp_coverage_free(c);
            return NULL;
        }
    }
    return c;
}

void sp_coverage_free(sp_coverage *c)
{
    if (!c)
        return;
    if (c->taken)
        for (size_t r = 0; r < c->p->n_rules; r++)
            free(c->taken[r]);
    free(c->taken);
    free(c->used_by);
    free(c);
}

void sp_coverage_record(sp_coverage *c, const sp_engine *e, size_t example)
{
    for (size_t r = 0; r < c->p->n_rules; r++) {
        const sp_rule_result *rr = &e->results[r];
        if (rr->state != SP_RULE_DONE)
            continue;
        c->used_by[r * c->words + example / 64] |= (uint64_t)1 << (example % 64);
        c->taken[r][rr->branch] = true;
    }
}

static bool used(const sp_coverage *c, size_t rule)
{
    for (size_t w = 0; w < c->words; w++)
        if (c->used_by[rule * c->words + w])
            return true;
    return false;
}

static size_t line_of(const sp_source *src, size_t offset)
{
    size_t line, col;
    sp_source_line_col(src, offset, &line, &col);
    return line;
}

/* The branch as written, on one line: "when age < 18", "otherwise". */
static void branch_words(const sp_rule *r, size_t b, sp_buf *out)
{
    const sp_branch *br = r->branches[b];
    if (!br->cond) {
        sp_buf_puts(out, "otherwise");
        return;
    }
    sp_buf_puts(out, "when ");
    const char *t = r->item->src->text;
    bool space = false;
    for (size_t i = br->cond->start; i < br->cond->end; i++) {
        if (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t') {
            space = true;
            continue;
        }
        if (space)
            sp_buf_putc(out, ' ');
        space = false;
        sp_buf_putc(out, t[i]);
    }
}

void sp_coverage_report(const sp_coverage *c, sp_buf *out)
{
    const sp_policy *p = c->p;
    int top = (int)p->n_layers - 1;
    size_t rules = 0, rules_used = 0, branches = 0, branches_used = 0;
    for (size_t r = 0; r < p->n_rules; r++) {
        const sp_rule *ru = &p->rules[r];
        if (ru->layer != top)   /* a base policy's examples cover its rules */
            continue;
        rules++;
        if (!used(c, r)) {
            sp_buf_printf(out, "%s:%zu: no example uses rule %s\n", ru->item->src->path, ru->line, ru->name);
            continue;
        }
        rules_used++;
        if (ru->n_branches < 2)
            continue;
        for (size_t b = 0; b < ru->n_branches; b++) {
            branches++;
            if (c->taken[r][b]) {
                branches_used++;
                continue;
            }
            sp_buf_printf(out, "%s:%zu: no example takes the branch \"", ru->item->src->path,
                          line_of(ru->item->src, ru->branches[b]->start));
            branch_words(ru, b, out);
            sp_buf_printf(out, "\" of rule %s\n", ru->name);
        }
    }
    sp_buf_printf(out, "%s: coverage: %zu of %zu rules, %zu of %zu branches of case analyses\n",
                  p->layers[top].name, rules_used, rules, branches_used, branches);
}

/* ---- the clause map ---- */

typedef struct clause {
    char *text;               /* "DOCUMENT, SECTION" */
    int *rules;
    size_t n_rules;
} clause;

static int cmp_clause(const void *a, const void *b)
{
    return strcmp(((const clause *)a)->text, ((const clause *)b)->text);
}

static bool add_citation(clause **cl, size_t *n, size_t *cap, const char *text, int rule)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*cl)[i].text, text) == 0) {
            clause *k = &(*cl)[i];
            if (k->n_rules && k->rules[k->n_rules - 1] == rule)
                return true;
            int *more = realloc(k->rules, (k->n_rules + 1) * sizeof *more);
            if (!more)
                return false;
            k->rules = more;
            k->rules[k->n_rules++] = rule;
            return true;
        }
    if (*n == *cap) {
        size_t grown = *cap ? *cap * 2 : 32;
        clause *more = realloc(*cl, grown * sizeof *more);
        if (!more)
            return false;
        *cl = more;
        *cap = grown;
    }
    clause *k = &(*cl)[(*n)++];
    k->text = strdup(text);
    k->rules = malloc(sizeof *k->rules);
    k->n_rules = 0;
    if (!k->text || !k->rules)
        return false;
    k->rules[k->n_rules++] = rule;
    return true;
}

static void json_str(sp_buf *out, const char *s)
{
    sp_buf_json_string(out, s, strlen(s));
}

bool sp_clauses_report(const sp_coverage *c, bool json, sp_buf *out)
{
    const sp_policy *p = c->p;
    clause *cl = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    sp_buf key;
    sp_buf_init(&key);
    for (size_t r = 0; r < p->n_rules && ok; r++) {
        const sp_rule *ru = &p->rules[r];
        const char *doc = p->layers[ru->layer].document;
        for (size_t b = 0; b <= ru->n_branches && ok; b++) {
            const sp_annot *a = b == 0 ? ru->item->annots : ru->branches[b - 1]->annots;
            for (; a && ok; a = a->next) {
                if (a->kind != SP_ANNOT_CITES)
                    continue;
                sp_buf_clear(&key);
                sp_buf_printf(&key, "%s, %s", a->document ? a->document : doc ? doc : "", a->text);
                ok = !key.oom && add_citation(&cl, &n, &cap, key.data, (int)r);
            }
        }
    }
    sp_buf_fini(&key);
    if (ok && n) /* cl is NULL when the policy cites nothing */
        qsort(cl, n, sizeof *cl, cmp_clause);
    if (ok && json)
        sp_buf_puts(out, "{\"policy\": ");
    if (ok && json) {
        json_str(out, p->layers[p->n_layers - 1].name);
        sp_buf_puts(out, ", \"clauses\": [");
    }
    for (size_t i = 0; i < n && ok; i++) {
        const clause *k = &cl[i];
        if (json) {
            sp_buf_puts(out, i ? ", {\"cites\": " : "{\"cites\": ");
            json_str(out, k->text);
            sp_buf_puts(out, ", \"rules\": [");
        } else {
            sp_buf_printf(out, "%s\n", k->text);
        }
        for (size_t j = 0; j < k->n_rules; j++) {
            const sp_rule *ru = &p->rules[k->rules[j]];
            if (json) {
                sp_buf_puts(out, j ? ", {\"rule\": " : "{\"rule\": ");
                json_str(out, ru->name);
                sp_buf_printf(out, ", \"source\": ");
                sp_buf tmp;
                sp_buf_init(&tmp);
                sp_buf_printf(&tmp, "%s:%zu", ru->item->src->path, ru->line);
                json_str(out, tmp.data ? tmp.data : "");
                ok = ok && !tmp.oom; /* else the source would be shown as "" */
                sp_buf_fini(&tmp);
                if (ru->replaced_by >= 0) {
                    sp_buf_puts(out, ", \"replaced_by\": ");
                    json_str(out, p->rules[ru->replaced_by].name);
                }
                sp_buf_putc(out, '}');
            } else {
                sp_buf_printf(out, "  rule %s (%s:%zu)", ru->name, ru->item->src->path, ru->line);
                if (ru->replaced_by >= 0)
                    sp_buf_printf(out, ", replaced by %s", p->rules[ru->replaced_by].name);
                sp_buf_putc(out, '\n');
            }
        }
        if (json)
            sp_buf_puts(out, "], \"examples\": [");
        size_t shown = 0;
        for (size_t e = 0; e < p->n_examples; e++) {
            bool uses = false;
            for (size_t j = 0; j < k->n_rules && !uses; j++)
                uses = (c->used_by[(size_t)k->rules[j] * c->words + e / 64] >> (e % 64)) & 1;
            if (!uses)
                continue;
            const sp_item *ex = p->examples[e];
            size_t line = line_of(ex->src, ex->start);
            if (json) {
                sp_buf_puts(out, shown ? ", {\"example\": " : "{\"example\": ");
                json_str(out, ex->name);
                sp_buf tmp;
                sp_buf_init(&tmp);
                sp_buf_printf(&tmp, "%s:%zu", ex->src->path, line);
                sp_buf_puts(out, ", \"source\": ");
                json_str(out, tmp.data ? tmp.data : "");
                ok = ok && !tmp.oom;
                sp_buf_fini(&tmp);
                sp_buf_putc(out, '}');
            } else {
                sp_buf_printf(out, "  example \"%s\" (%s:%zu)\n", ex->name, ex->src->path, line);
            }
            shown++;
        }
        if (json)
            sp_buf_puts(out, "]}");
        else if (!shown)
            sp_buf_puts(out, "  no example of this policy uses it\n");
    }
    if (ok && json)
        sp_buf_puts(out, "]}\n");
    for (size_t i = 0; i < n; i++) {
        free(cl[i].text);
        free(cl[i].rules);
    }
    free(cl);
    return ok && !out->oom;
}
