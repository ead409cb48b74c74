/*
** Engine tests through the public interface: policies written here, in a
** temporary folder, loaded, checked and evaluated. No bundled rules needed.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "stayput.h"

static char root[256];

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/%s/%s", root, dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static sp_policy *load(const char *dir, sp_diags *d)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, dir);
    const char *search[] = { root };
    bool oom;
    sp_diags_init(d);
    sp_policy *p = sp_policy_load(path, search, 1, d, &oom);
    if (!p && strcmp(dir, "broken") != 0) {
        sp_buf out;
        sp_buf_init(&out);
        sp_diags_render(d, &out);
        fprintf(stderr, "%s", out.data ? out.data : "?");
        sp_buf_fini(&out);
    }
    return p;
}

/* Evaluates a case and returns the rendered JSON (caller frees). */
static char *eval(sp_policy *p, const char *json, sp_status want)
{
    sp_engine *e = sp_engine_new(p);
    assert_non_null(e);
    sp_buf out;
    sp_buf_init(&out);
    sp_case_error err;
    sp_eval_options opt = { .format = SP_FORMAT_JSON };
    sp_status st = sp_engine_eval(e, json, strlen(json), &opt, &out, &err);
    if (st != want)
        fail_msg("status %d (%s: %s at %s)", st, err.code ? err.code : "", err.message, err.path);
    char *s = st == SP_OK ? strdup(out.data) : strdup(err.code);
    sp_buf_fini(&out);
    sp_engine_free(e);
    return s;
}

static const char *BASE =
    "policy \"base\"\n"
    "version \"1\"\n"
    "source \"Base Text\"\n"
    "reference ref\n"
    "fact ref: text required\n"
    "fact asof: date required\n"
    "fact born: date required\n"
    "fact pay: list of money default [] at most 3\n"
    "output old_enough: bool\n"
    "output ends: date\n"
    "output amount: money or null\n"
    "value age: whole number\n"
    "  cites \"1. Ages\"\n"
    "  = age(born, asof)\n"
    "rule adult for old_enough\n"
    "  cites \"1. Ages\"\n"
    "  = age >= 18 and asof before ends\n"
    "rule until_21 for ends\n"
    "  cites \"2. Ends\"\n"
    "  = 21st birthday of born\n"
    "rule half_mean for amount\n"
    "  cites \"3. Money\"\n"
    "  when not old_enough: null\n"
    "  otherwise: (mean(pay) / 2) rounded to penny half up\n"
    "    assume \"half the mean, rounded once\"\n";

static const char *COUNCIL =
    "policy \"council\"\n"
    "extends \"base\"\n"
    "source \"Council Text\"\n"
    "fact studying: bool default false\n"
    "rule course_end replaces until_21\n"
    "  cites \"5. Education\"\n"
    "  when studying: 22nd birthday of born\n"
    "    assume \"a course adds a year\"\n"
    "  otherwise: base\n";

static void test_engine_decides_with_reasons(void **state)
{
    (void)state;
    sp_diags d;
    sp_policy *p = load("base", &d);
    assert_non_null(p);
    char *out = eval(p, "{\"ref\": \"A1\", \"asof\": \"2025-06-01\", \"born\": \"2006-06-01\", "
                        "\"pay\": [\"10.01\", 10.00]}", SP_OK);
    assert_non_null(strstr(out, "\"case_id\": \"A1\""));
    assert_non_null(strstr(out, "\"old_enough\": true"));
    assert_non_null(strstr(out, "\"ends\": \"2027-06-01\""));
    /* mean 10.005, half 5.0025, rounded once: 5.00 */
    assert_non_null(strstr(out, "\"amount\": \"5.00\""));
    assert_non_null(strstr(out, "\"cites\": \"Base Text, 3. Money\""));
    assert_non_null(strstr(out, "\"assumptions\": [\"half the mean, rounded once\"]"));
    free(out);
    sp_policy_free(p);
    sp_diags_fini(&d);
}

static void test_engine_birthday_counts_on_its_day(void **state)
{
    (void)state;
    sp_diags d;
    sp_policy *p = load("base", &d);
    assert_non_null(p);
    char *out = eval(p, "{\"ref\": \"A2\", \"asof\": \"2025-06-01\", \"born\": \"2007-06-02\"}", SP_OK);
    assert_non_null(strstr(out, "\"old_enough\": false"));
    assert_non_null(strstr(out, "\"amount\": null"));
    /* a null output has no reasons */
    assert_null(strstr(out, "\"amount\": [{"));
    free(out);
    out = eval(p, "{\"ref\": \"A3\", \"asof\": \"2025-06-02\", \"born\": \"2007-06-02\"}", SP_OK);
    assert_non_null(strstr(out, "\"old_enough\": true"));
    free(out);
    sp_policy_free(p);
    sp_diags_fini(&d);
}

static void test_engine_extension_is_late_bound(void **state)
{
    (void)state;
    sp_diags d;
    sp_policy *p = load("council", &d);
    assert_non_null(p);
    assert_string_equal(sp_policy_name(p), "council");
    /* 21 today; studying moves the end to 22, so the base rule `adult`,
    ** which reads `ends`, sees the council's end. */
    char *out = eval(p, "{\"ref\": \"C1\", \"asof\": \"2027-06-01\", \"born\": \"2006-06-01\", "
                        "\"studying\": true}", SP_OK);
    assert_non_null(strstr(out, "\"ends\": \"2028-06-01\""));
    assert_non_null(strstr(out, "\"old_enough\": true"));
    /* the council rule decided; it did not use base, so it alone is listed */
    assert_non_null(strstr(out, "\"ends\": [{\"rule\": \"course_end\""));
    assert_non_null(strstr(out, "Council Text, 5. Education"));
    assert_non_null(strstr(out, "a course adds a year"));
    free(out);
    out = eval(p, "{\"ref\": \"C2\", \"asof\": \"2027-06-01\", \"born\": \"2006-06-01\"}", SP_OK);
    assert_non_null(strstr(out, "\"old_enough\": false"));
    /* built on the base rule: both listed, the council's first */
    const char *c = strstr(out, "\"rule\": \"course_end\"");
    const char *b = strstr(out, "\"rule\": \"until_21\"");
    assert_non_null(c);
    assert_non_null(b);
    assert_true(c < b);
    free(out);
    sp_policy_free(p);
    sp_diags_fini(&d);
}

static void test_engine_bad_case_input(void **state)
{
    (void)state;
    sp_diags d;
    sp_policy *p = load("base", &d);
    assert_non_null(p);
    struct { const char *json, *code; } cases[] = {
        { "", "empty_input" },
        { "{", "malformed_json" },
        { "[]", "not_an_object" },
        { "{\"ref\": \"x\", \"asof\": \"2025-02-30\", \"born\": \"2000-01-01\"}", "bad_date" },
        { "{\"ref\": \"x\", \"asof\": \"2025-01-01\"}", "missing_key" },
        { "{\"ref\": \"x\", \"asof\": \"2025-01-01\", \"born\": \"2000-01-01\", \"bron\": 1}", "unknown_key" },
        { "{\"ref\": \"x\", \"asof\": \"2025-01-01\", \"born\": \"2000-01-01\", \"pay\": [1e3]}", "bad_number" },
        { "{\"ref\": \"x\", \"asof\": \"2025-01-01\", \"born\": \"2000-01-01\", \"pay\": [\"-1\"]}", "bad_number" },
        { "{\"ref\": \"x\", \"asof\": \"2025-01-01\", \"born\": \"2000-01-01\", \"pay\": [1, 2, 3, 4]}", "list_too_long" },
        { "{\"ref\": \"x\", \"ref\": \"y\", \"asof\": \"2025-01-01\", \"born\": \"2000-01-01\"}", "duplicate_key" },
        { "{\"ref\": 5, \"asof\": \"2025-01-01\", \"born\": \"2000-01-01\"}", "wrong_type" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *code = eval(p, cases[i].json, SP_ERR_INPUT);
        assert_string_equal(code, cases[i].code);
        free(code);
    }
    sp_policy_free(p);
    sp_diags_fini(&d);
}

static void test_engine_rejects_bad_rules(void **state)
{
    (void)state;
    write_file("broken", "policy.sp",
               "policy \"broken\"\nsource \"T\"\noutput x: whole number\n"
               "rule a for x\n  cites \"1\"\n  = y + 1\n");
    sp_diags d;
    sp_policy *p = load("broken", &d);
    assert_null(p);
    sp_buf out;
    sp_buf_init(&out);
    sp_diags_render(&d, &out);
    assert_non_null(strstr(out.data, "policy.sp:6:5: error[E0202]: unknown name 'y'"));
    assert_non_null(strstr(out.data, "  = y + 1\n"));
    sp_buf_fini(&out);
    sp_diags_fini(&d);
}

/* Loads a one-file policy written here; NULL when it does not check, with
** the rendered diagnostics in *diags_out (caller frees). */
static sp_policy *load_text(const char *dir, const char *text, char **diags_out)
{
    write_file(dir, "policy.sp", text);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, dir);
    const char *search[] = { root };
    bool oom;
    sp_diags d;
    sp_diags_init(&d);
    sp_policy *p = sp_policy_load(path, search, 1, &d, &oom);
    sp_buf out;
    sp_buf_init(&out);
    sp_diags_render(&d, &out);
    *diags_out = strdup(out.data ? out.data : "");
    sp_buf_fini(&out);
    sp_diags_fini(&d);
    return p;
}

#define HEADER "policy \"r\"\nsource \"T\"\nreference id\nfact id: text required\n"

static void test_engine_if_inside_a_list_keeps_both_branches(void **state)
{
    (void)state;
    char *diags;
    sp_policy *p = load_text("iflist", HEADER
                             "fact x: bool default false\n"
                             "output n: whole number\n"
                             "output m: whole number\n"
                             "rule r for n\n  cites \"1\"\n  = count([if x then 1 else 5, 2])\n"
                             "rule s for m\n  cites \"1\"\n  = max(if x then 1 else 7, 3)\n", &diags);
    assert_non_null(p);
    char *out = eval(p, "{\"id\": \"a\"}", SP_OK);
    assert_non_null(strstr(out, "\"n\": 2, \"m\": 7"));
    free(out);
    free(diags);
    sp_policy_free(p);
}

static void test_engine_whole_numbers_stay_whole(void **state)
{
    (void)state;
    char *diags;
    sp_policy *p = load_text("whole", HEADER
                             "output n: whole number\n"
                             "rule r for n\n  cites \"1\"\n  = 1 + 0.5\n", &diags);
    assert_non_null(p);
    char *code = eval(p, "{\"id\": \"a\"}", SP_ERR_RULES);
    assert_string_equal(code, "not_whole");
    free(code);
    free(diags);
    sp_policy_free(p);
    p = load_text("wholediv", HEADER "fact k: whole number default 3\noutput n: whole number\n"
                  "rule r for n\n  cites \"1\"\n  = k / 2\n", &diags);
    assert_null(p);
    assert_non_null(strstr(diags, "error[E0301]: only money is divided"));
    free(diags);
}

static void test_engine_repeated_enumeration_value(void **state)
{
    (void)state;
    char *diags;
    sp_policy *p = load_text("enumdup", HEADER "type band: one of a, b, a\n"
                             "table t: money by band\n  a: 1.00\n  b: 2.00\n  cites \"1\"\n"
                             "fact k: one of x, x default x\n", &diags);
    assert_null(p);
    assert_non_null(strstr(diags, "5:25: error[E0201]: 'a' is listed twice"));
    assert_non_null(strstr(diags, "error[E0201]: 'x' is listed twice"));
    free(diags);
}

static void test_engine_depth_is_bounded(void **state)
{
    (void)state;
    /* 20,000 terms in one expression, then a chain of 3,000 values */
    size_t cap = 200000;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t n = (size_t)snprintf(text, cap, "%s", HEADER "output n: whole number\nrule r for n\n  cites \"1\"\n  = 1");
    for (int i = 0; i < 20000; i++)
        n += (size_t)snprintf(text + n, cap - n, " + 1");
    snprintf(text + n, cap - n, "\n");
    char *diags;
    sp_policy *p = load_text("deep", text, &diags);
    assert_null(p);
    assert_non_null(strstr(diags, "error[E0105]"));
    free(diags);
    n = (size_t)snprintf(text, cap, "%s", HEADER "output n: whole number\nrule r for n\n  cites \"1\"\n  = v2999\n"
                         "value v0: whole number\n  cites \"1\"\n  = 0\n");
    for (int i = 1; i < 3000; i++)
        n += (size_t)snprintf(text + n, cap - n, "value v%d: whole number\n  cites \"1\"\n  = v%d + 1\n", i, i - 1);
    p = load_text("chain", text, &diags);
    assert_null(p);
    assert_non_null(strstr(diags, "error[E0415]"));
    free(diags);
    free(text);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/stayput-test-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    write_file("base", "policy.sp", BASE);
    write_file("council", "policy.sp", COUNCIL);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_engine_decides_with_reasons),
        cmocka_unit_test(test_engine_birthday_counts_on_its_day),
        cmocka_unit_test(test_engine_extension_is_late_bound),
        cmocka_unit_test(test_engine_bad_case_input),
        cmocka_unit_test(test_engine_rejects_bad_rules),
        cmocka_unit_test(test_engine_if_inside_a_list_keeps_both_branches),
        cmocka_unit_test(test_engine_whole_numbers_stay_whole),
        cmocka_unit_test(test_engine_repeated_enumeration_value),
        cmocka_unit_test(test_engine_depth_is_bounded),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
