/*
** Allocation failure, as SQLite's malloc tests do it: each scenario runs
** again and again with its Nth allocation failing (N = 1, 2, ... until a run
** makes fewer than N), once with only the Nth failing and once with every
** allocation from the Nth on failing. Every run must end in the right result
** or a clean out-of-memory status, and free all it allocated.
**
** malloc, calloc, realloc, strdup, strndup and free are wrapped at link time
** (-Wl,--wrap=..., this test's target only, tests/CMakeLists.txt), so that the
** library's calls come here. Under the sanitizer build LeakSanitizer checks
** for leaks too; here a count of live blocks finds the run that leaked.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fmt.h"
#include "stayput.h"

#ifndef STAYPUT_SOURCE_DIR
#error "STAYPUT_SOURCE_DIR must name the source tree"
#endif

/* ---- the allocator ---- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void __real_free(void *p);

static struct {
    bool armed;       /* the library is running: count its allocations */
    long fail_at;     /* the allocation of the run that fails (from 1); 0: none fails */
    bool persistent;  /* every allocation after fail_at fails too */
    long count;       /* allocations of the run so far, counted while armed */
    long failed;      /* allocations of the run made to fail */
    long live;        /* blocks allocated and not yet freed, all the time */
} mem;

static bool fail_now(void)
{
    if (!mem.armed)
        return false;
    mem.count++;
    if (mem.count == mem.fail_at || (mem.persistent && mem.count > mem.fail_at)) {
        mem.failed++;
        return true;
    }
    return false;
}

static void *counted(void *p)
{
    if (p)
        mem.live++;
    return p;
}

void *__wrap_malloc(size_t n)
{
    return fail_now() ? NULL : counted(__real_malloc(n));
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : counted(__real_calloc(n, size));
}

void *__wrap_realloc(void *p, size_t n)
{
    if (!p)
        return __wrap_malloc(n);
    if (fail_now())
        return NULL;
    void *q = __real_realloc(p, n);
    if (!q && n == 0)
        mem.live--; /* freed */
    return q;
}

char *__wrap_strdup(const char *s)
{
    return fail_now() ? NULL : counted(__real_strdup(s));
}

char *__wrap_strndup(const char *s, size_t n)
{
    return fail_now() ? NULL : counted(__real_strndup(s, n));
}

void __wrap_free(void *p)
{
    if (p)
        mem.live--;
    __real_free(p);
}

/* Fails the test, saying which run: the scenario and the failing allocation. */
static const char *current; /* the scenario running */
#define CHECK(cond)                                                                             \
    do {                                                                                        \
        if (!(cond))                                                                            \
            fail_msg("%s: allocation %ld failing%s: expected %s", current, mem.fail_at,         \
                     mem.persistent ? " (and every one after)" : "", #cond);                    \
    } while (0)

/* A run counts the allocations of the library's calls (armed) together, so
** that allocation N of the run is the Nth over all its stages. */
static void start_run(long fail_at, bool persistent)
{
    mem.fail_at = fail_at;
    mem.persistent = persistent;
    mem.count = 0;
    mem.failed = 0;
}

static void arm(void)
{
    mem.armed = true;
}

static void disarm(void)
{
    mem.armed = false;
}

/* ---- scenarios ---- */

/* What a run gave: each stage's text, or that it ran out of memory. */
typedef struct result {
    bool oom;          /* some stage reported out of memory (and the run stopped) */
    bool diags_oom;    /* a diagnostic could not be recorded (the load went on) */
    char *text;        /* heap: every stage's output, for comparison with a clean run */
    long allocations;  /* made by the library in the run */
} result;

typedef struct scenario {
    const char *name;
    const char *policy;     /* folder, under the source tree */
    const char *case_file;  /* under the source tree, or NULL: load only */
    bool policy_loads;      /* false: the policy has errors to report */
    bool case_decided;      /* false: the case has an error to report */
    bool batch_record;      /* render the case's batch error record too */
    bool examples;          /* run the policy's examples, with the coverage and clause reports */
    bool receipt;           /* decide the case with a receipt, then verify it */
    bool partial;           /* evaluate with --partial */
    const char *sources;    /* a folder of policy texts under the source tree, or NULL: the
                               HTML report quotes them */
} scenario;

static char *source_path(const char *rel)
{
    size_t n = strlen(STAYPUT_SOURCE_DIR) + strlen(rel) + 2;
    char *s = __real_malloc(n);
    snprintf(s, n, "%s/%s", STAYPUT_SOURCE_DIR, rel);
    return s;
}

/* Appends "text" for a stage, or fails the test. */
static void put(sp_buf *all, const char *stage, const char *text, size_t len)
{
    sp_buf_printf(all, "== %s\n", stage);
    sp_buf_append(all, text ? text : "", len);
    assert_false(all->oom);
}

/* One run of a scenario. The allocator is armed only around the library's
** calls; the test's own bookkeeping (all) runs disarmed. */
static result run(const scenario *sc, const char *json, size_t json_len, long fail_at,
                  bool persistent)
{
    result r = { 0 };
    sp_buf all;
    sp_buf_init(&all);
    char *dir = source_path(sc->policy);
    char *rules = source_path("rules");
    const char *search[] = { rules };
    start_run(fail_at, persistent);

    sp_diags diags;
    sp_diags_init(&diags);
    bool load_oom = false;
    arm();
    sp_policy *p = sp_policy_load(dir, search, 1, &diags, &load_oom);
    disarm();
    sp_buf rendered;
    sp_buf_init(&rendered);
    sp_diags_render(&diags, &rendered);
    CHECK(!rendered.data || !strstr(rendered.data, "(null)")); /* no NULL given to printf */
    put(&all, "load", rendered.data, rendered.len);
    r.diags_oom = diags.oom;
    sp_buf_fini(&rendered);
    if (!p) {
        /* A policy that loads fails only for want of memory, and says so. */
        if (sc->policy_loads && !load_oom)
            print_message("%s", all.data); /* what it said instead */
        CHECK(load_oom || !sc->policy_loads);
        r.oom = r.oom || load_oom;
    } else {
        CHECK(!load_oom);
        CHECK(sc->policy_loads);
    }
    sp_diags_fini(&diags);

    if (p && sc->examples && !r.oom) {
        sp_buf report;
        sp_buf_init(&report);
        size_t passed = 0, failed = 0;
        arm();
        /* as `stayput test --coverage` and `stayput clauses` */
        sp_coverage *cov = sp_coverage_new(p);
        sp_status st = cov ? sp_policy_run_examples(p, true, &report, &passed, &failed, cov)
                           : SP_ERR_OOM;
        if (st == SP_OK) {
            sp_coverage_report(cov, &report);
            if (!sp_clauses_report(cov, false, &report) || !sp_clauses_report(cov, true, &report))
                st = SP_ERR_OOM;
        }
        sp_coverage_free(cov);
        disarm();
        if (st == SP_ERR_OOM || report.oom) {
            r.oom = true;
        } else {
            CHECK(st == SP_OK);
            sp_buf_printf(&all, "%zu passed, %zu failed\n", passed, failed);
            put(&all, "examples", report.data, report.len);
        }
        sp_buf_fini(&report);
    }

    sp_sources *sources = NULL;
    if (p && sc->sources && !r.oom) {
        char *texts = source_path(sc->sources);
        char why[256];
        sp_status st;
        arm();
        sources = sp_sources_load(texts, p, why, sizeof why, &st);
        disarm();
        __real_free(texts);
        if (!sources) {
            CHECK(st == SP_ERR_OOM);
            r.oom = true;
        }
    }

    sp_engine *e = NULL;
    if (p && sc->case_file && !r.oom) {
        arm();
        e = sp_engine_new(p);
        disarm();
        if (!e)
            r.oom = true;
    }
    const sp_eval_options opts[] = {
        { .format = SP_FORMAT_JSON, .trace = true, .partial = sc->partial },
        { .format = SP_FORMAT_TEXT, .trace = true, .partial = sc->partial },
        { .format = SP_FORMAT_HTML, .trace = true, .sources = sources },
    };
    static const char *const stage[] = { "json", "text", "html" };
    for (size_t k = 0; e && k < (sc->partial ? 2u : 3u) && !r.oom; k++) {
        sp_buf out;
        sp_buf_init(&out);
        sp_case_error err;
        arm();
        sp_status st = sp_engine_eval(e, json, json_len, &opts[k], &out, &err);
        if (st != SP_OK && sc->batch_record && st != SP_ERR_OOM)
            sp_render_batch_error(&out, 7, &err);
        disarm();
        if (st == SP_ERR_OOM) {
            CHECK(strcmp(err.code, "out_of_memory") == 0);
            CHECK(out.len == 0); /* nothing of a decision is left in out */
            r.oom = true;
        } else if (out.oom) {
            r.oom = true; /* the batch record could not be written */
        } else {
            CHECK((st == SP_OK) == sc->case_decided);
            if (st != SP_OK)
                sp_buf_printf(&all, "%d %s: %s (%s)\n", (int)st, err.code, err.message, err.path);
            put(&all, stage[k], out.data, out.len);
        }
        sp_buf_fini(&out);
    }
    if (e && sc->receipt && !r.oom) {
        static const sp_eval_options ro = { .format = SP_FORMAT_JSON, .receipt = true };
        sp_buf out, report;
        sp_buf_init(&out);
        sp_buf_init(&report);
        sp_case_error err;
        sp_receipt *rc = NULL;
        bool holds = false;
        arm();
        sp_status st = sp_engine_eval(e, json, json_len, &ro, &out, &err);
        if (st == SP_OK) {
            rc = sp_receipt_read(out.data, out.len, &err);
            st = rc ? sp_receipt_verify(e, rc, false, &report, &holds, &err)
                    : strcmp(err.code, "out_of_memory") == 0 ? SP_ERR_OOM : SP_ERR_INPUT;
        }
        sp_receipt_free(rc);
        disarm();
        if (st == SP_ERR_OOM) {
            CHECK(strcmp(err.code, "out_of_memory") == 0);
            CHECK(report.len == 0); /* nothing of a report is left */
            r.oom = true;
        } else {
            CHECK(st == SP_OK && holds);
            put(&all, "receipt", out.data, out.len);
            put(&all, "verify", report.data, report.len);
        }
        sp_buf_fini(&out);
        sp_buf_fini(&report);
    }
    if (e && !r.oom && !sc->partial) {
        /* as `stayput diff` (which has no --partial): each output's value */
        sp_output_value values[64];
        const char *case_id = NULL;
        sp_case_error err;
        CHECK(sp_policy_output_count(p) <= 64);
        arm();
        sp_status st = sp_engine_eval_values(e, json, json_len, values, &case_id, &err);
        disarm();
        if (st == SP_ERR_OOM) {
            CHECK(strcmp(err.code, "out_of_memory") == 0);
            r.oom = true;
        } else {
            CHECK((st == SP_OK) == sc->case_decided);
            for (size_t i = 0; st == SP_OK && i < sp_policy_output_count(p); i++)
                sp_buf_printf(&all, "%s %s = %s%s\n", i ? "" : case_id, values[i].name, values[i].json,
                              values[i].is_money ? " (money)" : "");
        }
    }
    if (e && !r.oom && sc->case_decided) {
        /* the index of a batch of reports, with this case and an error row */
        sp_buf out;
        sp_buf_init(&out);
        sp_case_error err = { .code = "bad_value", .message = "<m>", .has_case_id = true };
        arm();
        sp_render_html_index_begin(p, 1, 1, &out);
        sp_render_html_index_case(e, 1, "1-x.html", &out);
        sp_render_html_index_error(2, &err, &out);
        sp_render_html_index_end(&out);
        disarm();
        if (out.oom)
            r.oom = true;
        else
            put(&all, "index", out.data, out.len);
        sp_buf_fini(&out);
    }
    sp_engine_free(e);
    sp_sources_free(sources);
    sp_policy_free(p);
    __real_free(dir);
    __real_free(rules);
    r.text = all.data ? __real_strdup(all.data) : __real_strdup("");
    r.allocations = mem.count;
    sp_buf_fini(&all);
    return r;
}

static void run_scenario(const scenario *sc)
{
    current = sc->name;
    long live0 = mem.live;
    char *case_path = sc->case_file ? source_path(sc->case_file) : NULL;
    sp_buf json;
    sp_buf_init(&json);
    if (case_path)
        assert_true(sp_buf_read_file(&json, case_path));

    long live = mem.live;
    result clean = run(sc, json.data, json.len, 0, false);
    assert_false(clean.oom);
    assert_false(clean.diags_oom);
    assert_int_equal(mem.live, live);

    long runs = 0;
    for (int persistent = 0; persistent < 2; persistent++) {
        for (long n = 1;; n++) {
            result r = run(sc, json.data, json.len, n, persistent);
            long failed = mem.failed;
            runs++;
            if (mem.live != live)
                fail_msg("%s: %ld blocks leaked when allocation %ld failed%s", sc->name,
                         mem.live - live, n, persistent ? " (and every one after)" : "");
            if (!r.oom && !r.diags_oom && strcmp(r.text, clean.text) != 0) {
                size_t at = 0, line = 1;
                while (r.text[at] == clean.text[at])
                    line += r.text[at++] == '\n';
                fail_msg("%s: allocation %ld failed%s, yet the run succeeded with a different "
                         "result, from line %zu:\n%.200s\n-- instead of --\n%.200s",
                         sc->name, n, persistent ? " (and every one after)" : "", line,
                         r.text + at, clean.text + at);
            }
            __real_free(r.text);
            if (!failed)
                break; /* the run made fewer than n allocations: all points done */
        }
    }
    print_message("%s: %ld allocations, %ld runs with allocations failing\n", sc->name,
                  clean.allocations, runs);
    __real_free(clean.text);
    sp_buf_fini(&json);
    __real_free(case_path);
    assert_int_equal(mem.live, live0);
}

static void test_oom_west_berkshire_case(void **state)
{
    (void)state;
    const scenario sc = { .name = "west-berkshire case", .policy = "rules/west-berkshire",
                          .case_file = "examples/west-berkshire-case.json",
                          .policy_loads = true, .case_decided = true, .receipt = true };
    run_scenario(&sc);
}

static void test_oom_partial_case(void **state)
{
    (void)state;
    const scenario sc = { .name = "west-berkshire partial case", .policy = "rules/west-berkshire",
                          .case_file = "tests/golden/eval-partial-two-missing/case.json",
                          .policy_loads = true, .case_decided = true, .partial = true };
    run_scenario(&sc);
}

static void test_oom_html_report_with_sources(void **state)
{
    (void)state;
    const scenario sc = { .name = "html report", .policy = "tests/golden/html-sources/policy",
                          .case_file = "tests/golden/eval-json/case.json",
                          .sources = "tests/golden/html-sources/texts", .policy_loads = true,
                          .case_decided = true };
    run_scenario(&sc);
}

static void test_oom_england_examples(void **state)
{
    (void)state;
    const scenario sc = { .name = "england examples", .policy = "rules/england",
                          .policy_loads = true, .examples = true };
    run_scenario(&sc);
}

static void test_oom_bad_case(void **state)
{
    (void)state;
    const scenario sc = { .name = "unknown key", .policy = "rules/england",
                          .case_file = "tests/golden/case-unknown-key/case.json",
                          .policy_loads = true, .case_decided = false, .batch_record = true };
    run_scenario(&sc);
}

static void test_oom_bad_rules(void **state)
{
    (void)state;
    const scenario sc = { .name = "unknown fact", .policy = "tests/golden/rule-E0203/policy",
                          .policy_loads = false };
    run_scenario(&sc);
}

/* The formatter, on a file with comments and line breaks to make, and on a
** file that does not parse: each run ends in the clean run's result or in a
** clean out-of-memory status with nothing written, and frees all it took. */
static void fmt_scenario(const char *name, const char *rel, sp_fmt_status want)
{
    current = name;
    char *path = source_path(rel);
    sp_buf text;
    sp_buf_init(&text);
    assert_true(sp_buf_read_file(&text, path));
    sp_buf clean;
    sp_buf_init(&clean);
    sp_diags d;
    sp_diags_init(&d);
    start_run(0, false);
    arm();
    sp_fmt_status st = sp_fmt_text(rel, text.data, text.len, &clean, &d, NULL);
    disarm();
    assert_int_equal(st, want);
    sp_diags_fini(&d);
    long live = mem.live; /* the clean result's block, from here on */
    long allocations = mem.count, runs = 0;
    for (int persistent = 0; persistent < 2; persistent++) {
        for (long n = 1;; n++) {
            sp_buf out;
            sp_buf_init(&out);
            sp_diags_init(&d);
            start_run(n, persistent);
            arm();
            st = sp_fmt_text(rel, text.data, text.len, &out, &d, NULL);
            disarm();
            long failed = mem.failed;
            runs++;
            CHECK(st == want || st == SP_FMT_OOM || (want == SP_FMT_ERRORS && d.oom));
            if (st == SP_FMT_OOM)
                CHECK(out.len == 0);
            if (st == SP_FMT_OK)
                CHECK(out.len == clean.len && memcmp(out.data, clean.data, out.len) == 0);
            sp_diags_fini(&d);
            sp_buf_fini(&out);
            if (mem.live != live)
                fail_msg("%s: %ld blocks leaked when allocation %ld failed%s", name, mem.live - live, n,
                         persistent ? " (and every one after)" : "");
            if (!failed)
                break;
        }
    }
    print_message("%s: %ld allocations, %ld runs with allocations failing\n", name, allocations, runs);
    sp_buf_fini(&clean);
    sp_buf_fini(&text);
    __real_free(path);
}

static void test_oom_fmt(void **state)
{
    (void)state;
    fmt_scenario("fmt payments.sp", "rules/west-berkshire/payments.sp", SP_FMT_OK);
    fmt_scenario("fmt syntax error", "tests/golden/fmt-syntax-error/bad.sp", SP_FMT_ERRORS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oom_west_berkshire_case),
        cmocka_unit_test(test_oom_partial_case),
        cmocka_unit_test(test_oom_html_report_with_sources),
        cmocka_unit_test(test_oom_england_examples),
        cmocka_unit_test(test_oom_bad_case),
        cmocka_unit_test(test_oom_bad_rules),
        cmocka_unit_test(test_oom_fmt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
