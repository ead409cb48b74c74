/*
** stayput diff: the impact of a policy change. Each case of a batch is decided
** under an old and a new policy; the outputs that differ are counted, money
** changes summed exactly, and the cases that change listed after the summary.
*/
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_reader.h"
#include "cli.h"

#define ABSENT       SIZE_MAX /* an output the policy does not declare */

/* One of the two policies compared. */
typedef struct side {
    const char *given; /* the folder or council name, as given */
    bool council;      /* given with --council */
    char *dir;         /* the folder found; heap */
    sp_policy *p;
    sp_engine *e;
    sp_output_value *values; /* the current case's outputs; heap */
    const char *case_id;     /* the current case's reference as JSON; engine-owned */
} side;

/* An output listed in the summary: every output of the new policy in its
** order, then those only the old one declares, in its order. */
typedef struct column {
    const char *name;      /* policy-owned */
    size_t in_old, in_new; /* index in each policy's outputs, or ABSENT */
    bool money;            /* money in each policy that declares it: summed */
    size_t changed;        /* cases whose value changed */
    sp_num total;          /* the sum of new minus old, null counting as 0.00 */
} column;

/* The outcome of the run, and the changed cases held until the summary is out. */
typedef struct tally {
    size_t cases, changed, errors;
    column *cols;
    size_t n_cols;
    FILE *spool; /* the changed cases, rendered; an anonymous file */
    sp_buf rec;  /* one changed case being rendered */
} tally;

/* ---- arguments and policies ---- */

static int load_side(side *s)
{
    int status = EXIT_DONE;
    if (!(s->dir = policy_folder(s->council ? s->given : NULL, s->given, &status)))
        return status;
    if (!(s->p = load_policy(s->dir, &status)))
        return status;
    size_t n = sp_policy_output_count(s->p);
    s->e = sp_engine_new(s->p);
    s->values = calloc(n ? n : 1, sizeof *s->values);
    if (!s->e || !s->values)
        return out_of_memory();
    return EXIT_DONE;
}

static void free_side(side *s)
{
    free(s->values);
    sp_engine_free(s->e);
    sp_policy_free(s->p);
    free(s->dir);
}

static size_t find_output(const sp_policy *p, const char *name)
{
    size_t n = sp_policy_output_count(p);
    for (size_t i = 0; i < n; i++)
        if (strcmp(sp_policy_output_name(p, i), name) == 0)
            return i;
    return ABSENT;
}

/* The columns: the new policy's outputs, then those only the old one has. */
static bool make_columns(const side *old, const side *new, tally *t)
{
    size_t n_old = sp_policy_output_count(old->p), n_new = sp_policy_output_count(new->p);
    t->cols = calloc(n_old + n_new + 1, sizeof *t->cols);
    if (!t->cols)
        return false;
    for (size_t i = 0; i < n_new; i++) {
        column *c = &t->cols[t->n_cols++];
        c->name = sp_policy_output_name(new->p, i);
        c->in_new = i;
        c->in_old = find_output(old->p, c->name);
    }
    for (size_t i = 0; i < n_old; i++)
        if (find_output(new->p, sp_policy_output_name(old->p, i)) == ABSENT) {
            column *c = &t->cols[t->n_cols++];
            c->name = sp_policy_output_name(old->p, i);
            c->in_old = i;
            c->in_new = ABSENT;
        }
    for (size_t i = 0; i < t->n_cols; i++) {
        column *c = &t->cols[i];
        c->money = (c->in_old == ABSENT || sp_policy_output_is_money(old->p, c->in_old)) &&
                   (c->in_new == ABSENT || sp_policy_output_is_money(new->p, c->in_new));
        c->total = sp_num_from_int(0);
    }
    return true;
}

/* ---- one case ---- */

static const sp_output_value *value_of(const side *s, size_t i)
{
    return i == ABSENT ? NULL : &s->values[i];
}

static const char *json_of(const sp_output_value *v)
{
    return v ? v->json : "null";
}

/* A JSON value as people read it: a string without its quotes. */
static void put_text(sp_buf *out, const char *json)
{
    size_t n = strlen(json);
    if (n >= 2 && json[0] == '"' && !strchr(json, '\\'))
        sp_buf_append(out, json + 1, n - 2);
    else
        sp_buf_puts(out, json);
}

/* Renders a changed case (JSON: one line; text: a heading and a line per
** changed output) into t->rec, starting it at its first change. */
static void record_change(tally *t, bool json, size_t line, const char *case_id, const column *c,
                          const char *was, const char *now)
{
    sp_buf *r = &t->rec;
    bool first = r->len == 0;
    if (json) {
        if (first) {
            sp_buf_printf(r, "{\"line\": %zu, \"case_id\": %s, \"changes\": {", line, case_id);
        } else {
            sp_buf_puts(r, ", ");
        }
        sp_buf_json_string(r, c->name, strlen(c->name));
        sp_buf_printf(r, ": {\"old\": %s, \"new\": %s}", was, now);
        return;
    }
    if (first) {
        sp_buf_printf(r, "line %zu", line);
        if (strcmp(case_id, "null") != 0) {
            sp_buf_puts(r, ", case ");
            put_text(r, case_id);
        }
        sp_buf_puts(r, ":\n");
    }
    sp_buf_printf(r, "  %s: ", c->name);
    put_text(r, was);
    sp_buf_puts(r, " -> ");
    put_text(r, now);
    sp_buf_putc(r, '\n');
}

/* Compares the two decisions of the case at `line` and holds it when it
** changed; an exit status (a sum too large, a failed write: said). */
static int compare(tally *t, bool json, size_t line, const side *old, const side *new)
{
    sp_buf_clear(&t->rec);
    const char *case_id = strcmp(new->case_id, "null") != 0 ? new->case_id : old->case_id;
    for (size_t i = 0; i < t->n_cols; i++) {
        column *c = &t->cols[i];
        const sp_output_value *was = value_of(old, c->in_old), *now = value_of(new, c->in_new);
        if (c->money) {
            sp_num a = was ? was->amount : sp_num_from_int(0);
            sp_num b = now ? now->amount : sp_num_from_int(0);
            sp_num d, sum;
            if (!sp_num_sub(b, a, &d) || !sp_num_add(c->total, d, &sum)) {
                say("line %zu: the total change of '%s' is too large to hold", line, c->name);
                return EXIT_INTERNAL;
            }
            c->total = sum;
        }
        if (strcmp(json_of(was), json_of(now)) == 0)
            continue;
        c->changed++;
        record_change(t, json, line, case_id, c, json_of(was), json_of(now));
    }
    if (!t->rec.len)
        return EXIT_DONE;
    t->changed++;
    if (json)
        sp_buf_puts(&t->rec, "}}\n");
    if (t->rec.oom)
        return out_of_memory();
    if (!t->spool && !(t->spool = tmpfile())) {
        say("cannot make a temporary file for the changed cases: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    if (fwrite(t->rec.data, 1, t->rec.len, t->spool) != t->rec.len) {
        say("cannot write the changed cases to a temporary file: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    return EXIT_DONE;
}

/* Says why a line was not compared: once when both policies failed alike. */
static void report_error(size_t line, const sp_case_error *err, const char *under)
{
    const char *code = err->code ? err->code : "internal";
    if (err->path[0])
        say("line %zu: %s: %s (at %s), under %s", line, code, err->message, err->path, under);
    else
        say("line %zu: %s: %s, under %s", line, code, err->message, under);
}

static bool same_error(const sp_case_error *a, const sp_case_error *b)
{
    return strcmp(a->code ? a->code : "", b->code ? b->code : "") == 0 &&
           strcmp(a->message, b->message) == 0 && strcmp(a->path, b->path) == 0;
}

static int diff_case(tally *t, bool json, size_t line, const char *text, size_t len, side *old,
                     side *new)
{
    sp_case_error e_old, e_new;
    sp_status s_old = sp_engine_eval_values(old->e, text, len, old->values, &old->case_id, &e_old);
    sp_status s_new = sp_engine_eval_values(new->e, text, len, new->values, &new->case_id, &e_new);
    if (s_old == SP_ERR_OOM || s_new == SP_ERR_OOM)
        return out_of_memory();
    t->cases++;
    if (s_old == SP_OK && s_new == SP_OK)
        return compare(t, json, line, old, new);
    t->errors++;
    if (s_old != SP_OK && s_new != SP_OK && same_error(&e_old, &e_new)) {
        report_error(line, &e_old, "both policies");
    } else {
        if (s_old != SP_OK)
            report_error(line, &e_old, "the old policy");
        if (s_new != SP_OK)
            report_error(line, &e_new, "the new policy");
    }
    return EXIT_DONE;
}

/* A line past the size of a case: an error under both, not read. */
static int case_too_large(tally *t, size_t line)
{
    sp_case_error err;
    sp_case_check_size(LINE_TOO_LONG, &err);
    t->cases++;
    t->errors++;
    report_error(line, &err, "both policies");
    return EXIT_DONE;
}

/* ---- the report ---- */

static void summary_json(const tally *t)
{
    sp_buf b;
    sp_buf_init(&b);
    sp_buf_printf(&b, "{\"cases\": %zu, \"changed\": %zu, \"errors\": %zu, \"outputs\": {",
                  t->cases, t->changed, t->errors);
    for (size_t i = 0; i < t->n_cols; i++) {
        const column *c = &t->cols[i];
        char num[64];
        if (i)
            sp_buf_puts(&b, ", ");
        sp_buf_json_string(&b, c->name, strlen(c->name));
        sp_buf_printf(&b, ": {\"changed\": %zu, \"total_delta\": ", c->changed);
        if (c->money && sp_num_format_fixed(c->total, 2, num))
            sp_buf_printf(&b, "\"%s\"}", num);
        else
            sp_buf_puts(&b, "null}");
    }
    sp_buf_puts(&b, "}}\n");
    if (b.oom)
        out_of_memory();
    else
        emit(b.data, b.len);
    sp_buf_fini(&b);
}

static void summary_text(const tally *t, const side *old, const side *new)
{
    sp_buf b;
    sp_buf_init(&b);
    const side *both[2] = { old, new };
    for (int i = 0; i < 2; i++) {
        const char *version = sp_policy_version(both[i]->p);
        sp_buf_printf(&b, "%s policy: %s%s%s (%s)\n", i ? "new" : "old", sp_policy_name(both[i]->p),
                      *version ? " " : "", version, both[i]->dir);
    }
    sp_buf_putc(&b, '\n');
    sp_buf_printf(&b, "cases:   %zu\nchanged: %zu\nerrors:  %zu\n\n", t->cases, t->changed,
                  t->errors);
    int width = (int)strlen("output");
    for (size_t i = 0; i < t->n_cols; i++)
        if ((int)strlen(t->cols[i].name) > width)
            width = (int)strlen(t->cols[i].name);
    sp_buf_printf(&b, "%-*s  %7s  %s\n", width, "output", "changed", "total change");
    for (size_t i = 0; i < t->n_cols; i++) {
        const column *c = &t->cols[i];
        char num[64];
        sp_buf_printf(&b, "%-*s  %7zu", width, c->name, c->changed);
        if (c->money && sp_num_format_fixed(c->total, 2, num))
            sp_buf_printf(&b, "  %s%s", sp_num_cmp(c->total, sp_num_from_int(0)) > 0 ? "+" : "",
                          num);
        sp_buf_putc(&b, '\n');
    }
    if (t->changed)
        sp_buf_puts(&b, "\nchanged cases:\n");
    if (b.oom)
        out_of_memory();
    else
        emit(b.data, b.len);
    sp_buf_fini(&b);
}

/* Copies the changed cases after the summary. */
static int write_spool(tally *t)
{
    if (!t->spool)
        return EXIT_DONE;
    if (fflush(t->spool) != 0 || fseek(t->spool, 0, SEEK_SET) != 0) {
        say("cannot read back the changed cases: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    char block[64 * 1024];
    size_t got;
    while ((got = fread(block, 1, sizeof block, t->spool)) > 0 && !ferror(stdout))
        emit(block, got);
    if (ferror(t->spool)) {
        say("cannot read back the changed cases: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    return EXIT_DONE;
}

/* ---- the command ---- */

/* Reads the batch once, line by line (batch_reader.h): memory stays flat
** whatever the batch holds, and standard input works as a file does. */
static int run_diff(batch_reader *r, bool json, side *old, side *new)
{
    tally t = { 0 };
    sp_buf_init(&t.rec);
    int status = make_columns(old, new, &t) ? EXIT_DONE : out_of_memory();
    while (status == EXIT_DONE) {
        const char *s;
        size_t n;
        read_result rr = batch_next_line(r, &s, &n);
        if (rr == READ_ERROR) {
            say("cannot read the batch file '%s' after line %zu: %s", r->name, r->line,
                strerror(r->err));
            status = EXIT_INPUT;
        } else if (rr == READ_OOM) {
            status = out_of_memory();
        }
        if (rr != READ_OK)
            break;
        if (n == LINE_TOO_LONG)
            status = case_too_large(&t, r->line);
        else if (!blank_line(s, n))
            status = diff_case(&t, json, r->line, s, n, old, new);
    }
    if (status == EXIT_DONE) {
        if (json)
            summary_json(&t);
        else
            summary_text(&t, old, new);
        status = write_spool(&t);
    }
    if (status == EXIT_DONE && t.errors)
        status = EXIT_BATCH;
    if (t.spool)
        fclose(t.spool);
    sp_buf_fini(&t.rec);
    free(t.cols);
    return status;
}

int cmd_diff(args *a)
{
    side sides[2] = { { 0 } };
    size_t n_sides = 0;
    const char *batch = NULL, *text, *value;
    bool json = false;
    char name[64];
    arg_kind k;
    while ((k = next_arg(a, &text, name, sizeof name, &value)) != ARG_END) {
        if (k == ARG_OPERAND)
            return usage("diff takes no operand ('%s'): give the cases with --batch FILE", text);
        if (is_help(name))
            return print_usage();
        bool council = strcmp(name, "--council") == 0;
        if (council || strcmp(name, "--policy") == 0) {
            const char *v = option_value(a, name, value);
            if (!v)
                return EXIT_USAGE;
            if (n_sides == 2)
                return usage("diff compares two policies: give --policy or --council twice, "
                             "the old one first");
            sides[n_sides++] = (side){ .given = v, .council = council };
        } else if (strcmp(name, "--batch") == 0) {
            if (batch)
                return usage("option '--batch' is given twice");
            if (!(batch = option_value(a, name, value)))
                return EXIT_USAGE;
        } else if (strcmp(name, "--format") == 0) {
            const char *f = option_value(a, name, value);
            if (!f)
                return EXIT_USAGE;
            if (strcmp(f, "json") != 0 && strcmp(f, "text") != 0)
                return usage("unknown format '%s' for diff (use json or text)", f);
            json = strcmp(f, "json") == 0;
        } else {
            return usage("unknown option '%s' for diff", text);
        }
    }
    if (n_sides < 2)
        return usage("diff needs two policies, the old then the new: --policy PATH or "
                     "--council NAME for each");
    if (!batch)
        return usage("diff needs the cases: --batch FILE ('-' for standard input)");

    batch_reader r;
    if (!batch_reader_open(&r, batch))
        return EXIT_INPUT;
    int status = load_side(&sides[0]);
    if (status == EXIT_DONE)
        status = load_side(&sides[1]);
    if (status == EXIT_DONE)
        status = run_diff(&r, json, &sides[0], &sides[1]);
    free_side(&sides[0]);
    free_side(&sides[1]);
    batch_reader_close(&r);
    return status;
}
