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

#include "engine_eval.inc"

/* Evaluates a case and returns the rendered JSON, or the error's code when
** want is an error (caller frees). */
static char *eval(sp_policy *p, const char *json, sp_status want)
{
    return eval_with(p, json, (sp_eval_options){ .format = SP_FORMAT_JSON }, want);
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

/* ---- eval --partial: undetermined values ---- */

/* Evaluates a case with --partial; returns the rendered JSON (caller frees). */
static char *eval_partial(sp_policy *p, const char *json, sp_format format)
{
    return eval_with(p, json, (sp_eval_options){ .format = format, .partial = true }, SP_OK);
}

/* Every construct of the language over facts that may be missing. */
static const char *PARTIAL =
    HEADER
    "fact a: bool required\n"
    "fact b: bool required\n"
    "fact n: money required\n"
    "fact m: money required\n"
    "fact born: date required\n"
    "fact asof: date required\n"
    "fact items: list of money required\n"
    "type kind: one of x, y\n"
    "fact k: kind required\n"
    "output and_ab: bool\nrule r1 for and_ab\n  cites \"1\"\n  = a and b\n"
    "output and_ba: bool\nrule r2 for and_ba\n  cites \"1\"\n  = b and a\n"
    "output or_ab: bool\nrule r3 for or_ab\n  cites \"1\"\n  = a or b\n"
    "output or_ba: bool\nrule r4 for or_ba\n  cites \"1\"\n  = b or a\n"
    "output not_a: bool\nrule r5 for not_a\n  cites \"1\"\n  = not a\n"
    "output cases: whole number\nrule r6 for cases\n  cites \"1\"\n"
    "  when not b: 1\n  when a: 2\n  otherwise: 3\n"
    "output choice: whole number\nrule r7 for choice\n  cites \"1\"\n  = if a then 1 else 2\n"
    "value half: money\n  cites \"1\"\n  = n / 2\n"
    "output total: money\nrule r8 for total\n  cites \"1\"\n  = (half + 1.00) rounded to penny half up\n"
    "output biggest: money\nrule r9 for biggest\n  cites \"1\"\n  = max(n, m)\n"
    "output listed: money\nrule r10 for listed\n  cites \"1\"\n  = sum([1.00, n when b])\n"
    "value xv: kind or null\n  cites \"1\"\n  when a: x\n  otherwise: null\n"
    "value yv: kind or null\n  cites \"1\"\n  when b: y\n  otherwise: null\n"
    "output kept: list of kind\nrule r11 for kept\n  cites \"1\"\n  = present(xv, yv)\n"
    "output last: date or null\nrule r12 for last\n  cites \"1\"\n  = latest(born, asof)\n"
    "output counted: whole number\nrule r13 for counted\n  cites \"1\"\n  = count(items)\n"
    "output known: bool\nrule r14 for known\n  cites \"1\"\n  = k is one of (x, y)\n"
    "output both: money\nrule r15 for both\n  cites \"1\"\n  = n + m\n";

static void test_engine_partial_three_valued_logic(void **state)
{
    (void)state;
    char *diags;
    sp_policy *p = load_text("partial", PARTIAL, &diags);
    assert_non_null(p);
    /* a is false; every other required fact is missing */
    char *out = eval_partial(p, "{\"id\": \"P1\", \"a\": false}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"decision\": {"
                                "\"and_ab\": false, "          /* false and X */
                                "\"and_ba\": \"undetermined\", " /* X and false: X is reached first */
                                "\"or_ab\": \"undetermined\", " /* false or X */
                                "\"or_ba\": \"undetermined\", "
                                "\"not_a\": true, "
                                "\"cases\": \"undetermined\", " /* the first condition is unknown */
                                "\"choice\": 2, "
                                "\"total\": \"undetermined\", " /* through the value half */
                                "\"biggest\": \"undetermined\", "
                                "\"listed\": \"undetermined\", " /* an item's condition is unknown */
                                "\"kept\": \"undetermined\", "   /* yv may be null or not */
                                "\"last\": \"undetermined\", "
                                "\"counted\": \"undetermined\", "
                                "\"known\": \"undetermined\", "
                                "\"both\": \"undetermined\"}"));
    assert_non_null(strstr(out, "\"needs\": {\"and_ba\": [\"b\"], \"or_ab\": [\"b\"], \"or_ba\": [\"b\"], \"cases\": [\"b\"], "
                                "\"total\": [\"n\"], \"biggest\": [\"n\", \"m\"], \"listed\": [\"b\"], "
                                "\"kept\": [\"b\"], \"last\": [\"born\", \"asof\"], \"counted\": [\"items\"], "
                                "\"known\": [\"k\"], \"both\": [\"n\", \"m\"]}"));
    /* b settles 6 outputs, n 3, m 2, the rest 1 each, by name */
    assert_non_null(strstr(out, "\"facts_needed\": [\"b\", \"n\", \"m\", \"asof\", \"born\", \"items\", \"k\"]"));
    /* an undetermined output's reason: the rule, where it stopped, what it needs */
    assert_non_null(strstr(out, "\"cases\": [{\"rule\": \"r6\", \"source\": "));
    assert_non_null(strstr(out, "\"branch\": \"when not b\", \"branch_line\": "));
    assert_non_null(strstr(out, "\"needs\": [\"b\"]}]"));
    free(out);

    /* a is true: the other way round */
    out = eval_partial(p, "{\"id\": \"P2\", \"a\": true}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"and_ab\": \"undetermined\", \"and_ba\": \"undetermined\", "
                                "\"or_ab\": true, \"or_ba\": \"undetermined\", \"not_a\": false"));
    assert_non_null(strstr(out, "\"choice\": 1"));
    free(out);

    /* a branch taken before the missing fact is reached decides */
    out = eval_partial(p, "{\"id\": \"P3\", \"b\": false, \"n\": 3.00}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"cases\": 1"));
    assert_non_null(strstr(out, "\"total\": \"2.50\""));
    assert_non_null(strstr(out, "\"listed\": \"1.00\""));   /* the item is left out */
    assert_non_null(strstr(out, "\"kept\": \"undetermined\""));   /* xv needs a */
    assert_non_null(strstr(out, "\"biggest\": \"undetermined\""));
    assert_non_null(strstr(out, "\"biggest\": [\"m\"]"));
    free(out);
    out = eval_partial(p, "{\"id\": \"P4\", \"b\": true}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"cases\": \"undetermined\""));   /* now `when a` is reached */
    assert_non_null(strstr(out, "\"cases\": [\"a\"]"));
    assert_non_null(strstr(out, "\"listed\": [\"n\"]"));   /* the item is kept: its value is needed */
    free(out);

    /* nothing missing: decided as without --partial, with empty needs */
    const char *full = "{\"id\": \"P5\", \"a\": true, \"b\": false, \"n\": 3.00, \"m\": 4.00, "
                       "\"born\": \"2000-01-01\", \"asof\": \"2025-01-01\", \"items\": [1.00], \"k\": \"y\"}";
    out = eval_partial(p, full, SP_FORMAT_JSON);
    char *plain = eval(p, full, SP_OK);
    assert_non_null(strstr(out, "\"needs\": {}, \"facts_needed\": [], \"reasons\": "));
    assert_null(strstr(out, "undetermined"));
    assert_null(strstr(plain, "\"needs\""));
    /* the rest is byte for byte the same */
    const char *added = ", \"needs\": {}, \"facts_needed\": []";
    const char *cut = strstr(out, added);
    assert_non_null(cut);
    size_t head = (size_t)(cut - out);
    assert_memory_equal(plain, out, head);
    assert_string_equal(plain + head, cut + strlen(added));
    free(plain);
    free(out);

    /* the case's reference missing too: null, and needed by no output */
    out = eval_partial(p, "{\"a\": false}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "{\"case_id\": null, "));
    assert_non_null(strstr(out, "\"facts_needed\": [\"b\", \"n\", \"m\", \"asof\", \"born\", \"items\", \"k\"]"));
    free(out);

    /* without --partial a missing fact stays an error */
    char *code = eval(p, "{\"id\": \"P6\", \"a\": false}", SP_ERR_INPUT);
    assert_string_equal(code, "missing_key");
    free(code);
    free(diags);
    sp_policy_free(p);
}

/* A guard on the left of and/or that is missing: the right side, which the
** guard protects, is not read (it would fail on the null here). */
static void test_engine_partial_guard_not_passed(void **state)
{
    (void)state;
    char *diags;
    sp_policy *p = load_text("guard",
                             HEADER
                             "fact flag: bool required\n"
                             "fact opt: date or null default null\n"
                             "output o: bool\nrule r for o\n  cites \"1\"\n  = flag and opt after 2020-01-01\n",
                             &diags);
    assert_non_null(p);
    char *out = eval_partial(p, "{\"id\": \"G1\"}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"decision\": {\"o\": \"undetermined\"}"));
    assert_non_null(strstr(out, "\"facts_needed\": [\"flag\"]"));
    free(out);
    out = eval_partial(p, "{\"id\": \"G2\", \"flag\": false}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"decision\": {\"o\": false}"));
    free(out);
    sp_policy_free(p);
    free(diags);
}

static void test_engine_partial_dated_figures_and_calls(void **state)
{
    (void)state;
    char *diags;
    sp_policy *p = load_text("partialdated", HEADER
                             "figures in force on asof\n"
                             "fact asof: date required\n"
                             "fact born: date required\n"
                             "fact nth: whole number required\n"
                             "figure rate: money\n  = 1.00 from 2000-01-01\n  = 2.00 from 2025-01-01\n"
                             "  cites \"1\"\n"
                             "output paid: money\nrule r for paid\n  cites \"1\"\n  = rate\n"
                             "output bday: date\nrule s for bday\n  cites \"1\"\n  = birthday(born, nth)\n",
                             &diags);
    assert_non_null(p);
    /* the date that picks a dated figure is missing: the figure is unknown */
    char *out = eval_partial(p, "{\"id\": \"D1\", \"born\": \"2000-02-29\"}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"decision\": {\"paid\": \"undetermined\", \"bday\": \"undetermined\"}, "
                                "\"needs\": {\"paid\": [\"asof\"], \"bday\": [\"nth\"]}, "
                                "\"facts_needed\": [\"asof\", \"nth\"]"));
    free(out);
    /* both arguments of a call missing: it needs both */
    out = eval_partial(p, "{\"id\": \"D2\", \"asof\": \"2025-06-01\"}", SP_FORMAT_JSON);
    assert_non_null(strstr(out, "\"decision\": {\"paid\": \"2.00\", \"bday\": \"undetermined\"}, "
                                "\"needs\": {\"bday\": [\"born\", \"nth\"]}"));
    free(out);
    free(diags);
    sp_policy_free(p);
}

static void test_engine_partial_text_and_trace(void **state)
{
    (void)state;
    char *diags;
    sp_policy *p = load_text("partialtext", PARTIAL, &diags);
    assert_non_null(p);
    sp_engine *e = sp_engine_new(p);
    assert_non_null(e);
    sp_buf out;
    sp_buf_init(&out);
    sp_case_error err;
    sp_eval_options opt = { .format = SP_FORMAT_TEXT, .trace = true, .partial = true };
    const char *json = "{\"id\": \"T1\", \"a\": false, \"b\": true, \"m\": 1.00}";
    assert_int_equal(sp_engine_eval(e, json, strlen(json), &opt, &out, &err), SP_OK);
    assert_non_null(strstr(out.data, "Facts needed, the most needed first:\n"
                                     "  n (needed by 4 undetermined outputs)\n"));
    assert_non_null(strstr(out.data, "\ntotal: undetermined\n  undetermined in rule r8 ("));
    assert_non_null(strstr(out.data, "    needs: n\n"));
    /* the derivation shows the undetermined value and what it needs */
    assert_non_null(strstr(out.data, "  value half = undetermined\n"));
    assert_non_null(strstr(out.data, "    uses fact n = undetermined\n"));
    sp_buf_clear(&out);
    opt.format = SP_FORMAT_JSON;
    assert_int_equal(sp_engine_eval(e, json, strlen(json), &opt, &out, &err), SP_OK);
    assert_non_null(strstr(out.data, "\"value\": \"undetermined\", \"needs\": [\"n\"], \"uses\": {\"n\": \"undetermined\"}"));
    sp_buf_fini(&out);
    sp_engine_free(e);
    free(diags);
    sp_policy_free(p);
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

/* The case reader finds keys by a hash of their length and first, middle
** and last bytes: twenty facts alike in all four (one probe chain), and keys
** that differ from one of them only in a byte, a length or a NUL. */
static void test_engine_keys_alike_in_their_hash(void **state)
{
    (void)state;
    char text[4096] = HEADER, name[8];
    size_t n = strlen(text);
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof name, "a%cx%ca", 'b' + i, 'b' + i);
        n += (size_t)snprintf(text + n, sizeof text - n, "fact g.%s: whole number default 0\n", name);
    }
    snprintf(text + n, sizeof text - n, "output n: whole number\n"
             "rule r for n\n  cites \"1\"\n  = g.abxba * 10000 + g.ajxja * 100 + g.auxua\n");
    char *diags;
    sp_policy *p = load_text("alike", text, &diags);
    if (!p)
        fail_msg("%s", diags);
    char *out = eval(p, "{\"id\": \"a\", \"g\": {\"auxua\": 3, \"abxba\": 1, \"acxca\": 9, \"ajxja\": 2}}", SP_OK);
    assert_non_null(strstr(out, "\"n\": 10203"));
    free(out);
    static const char *unknown[] = {
        "{\"id\": \"a\", \"g\": {\"abxca\": 1}}",     /* same hash, other bytes */
        "{\"id\": \"a\", \"g\": {\"avxva\": 1}}",     /* same hash, not declared */
        "{\"id\": \"a\", \"g\": {\"abxbaa\": 1}}",    /* one byte longer */
        "{\"id\": \"a\", \"g\": {\"abxb\": 1}}",      /* one byte shorter */
        "{\"id\": \"a\", \"g\": {\"abxba\\u0000\": 1}}",
        "{\"id\": \"a\", \"g\": {\"\": 1}}",
        "{\"id\": \"a\", \"h\": {\"abxba\": 1}}",
    };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        out = eval(p, unknown[i], SP_ERR_INPUT);
        assert_string_equal(out, "unknown_key");
        free(out);
    }
    free(diags);
    sp_policy_free(p);
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
        cmocka_unit_test(test_engine_keys_alike_in_their_hash),
        cmocka_unit_test(test_engine_partial_three_valued_logic),
        cmocka_unit_test(test_engine_partial_guard_not_passed),
        cmocka_unit_test(test_engine_partial_dated_figures_and_calls),
        cmocka_unit_test(test_engine_partial_text_and_trace),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
