/*
** The decision's JSON where render.c takes its short cuts (pieces written at
** load, whole reason entries, values without the escaper): assumption lists
** across bitset words, case ids to escape, enumeration, whole-number and
** money values, and the trace's facts and steps.
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

static sp_policy *load_text(const char *dir, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/%s/policy.sp", root, dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/%s", root, dir);
    const char *search[] = { root };
    bool oom;
    sp_diags d;
    sp_diags_init(&d);
    sp_policy *p = sp_policy_load(path, search, 1, &d, &oom);
    if (!p) {
        sp_buf out;
        sp_buf_init(&out);
        sp_diags_render(&d, &out);
        fail_msg("%s", out.data ? out.data : "?");
    }
    sp_diags_fini(&d);
    return p;
}

#include "engine_eval.inc"

/* The case's JSON decision (caller frees). */
static char *eval(sp_policy *p, const char *json, bool trace)
{
    return eval_with(p, json, (sp_eval_options){ .format = SP_FORMAT_JSON, .trace = trace }, SP_OK);
}

static void assert_has(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("missing %s\nin %s", part, text);
}

/* 66 assumptions on one rule (ids 0..65, two bitset words), then one on a
** branch of another (66) and two on its other branch (67, 68). */
static sp_policy *many_assumptions(void)
{
    static char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text,
                                "policy \"many\"\nversion \"1\"\nsource \"T\"\nreference id\n"
                                "fact id: text required\nfact n: whole number required\n"
                                "fact m: money default 0.00\nfact unused: bool default false\n"
                                "output kind: one of small, big\noutput count: whole number\n"
                                "output rest: money\n"
                                "rule r_count for count\n  cites \"1\"\n");
    for (int i = 0; i < 66; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "  assume \"A%02d\"\n", i);
    snprintf(text + n, sizeof text - n,
             "  = n - 10\n"
             "rule r_kind for kind\n  cites \"2\"\n"
             "  when n > 5: big\n    assume \"B66\"\n"
             "  otherwise: small\n    assume \"B67\"\n    assume \"B68\"\n"
             "rule r_rest for rest\n  cites \"3\"\n  = m - 5.00\n");
    return load_text("many", text);
}

static void test_render_assumptions_across_words(void **state)
{
    (void)state;
    sp_policy *p = many_assumptions();
    char *out = eval(p, "{\"id\": \"c1\", \"n\": 9}", false);
    /* one assumption, in the second word */
    assert_has(out, "\"kind\": [{\"rule\": \"r_kind\", \"source\": ");
    assert_has(out, "\"cites\": \"T, 2\", \"assumptions\": [\"B66\"]}]");
    /* all 66 of the rule's, in order, across both words */
    char want[2048] = "\"cites\": \"T, 1\", \"assumptions\": [";
    for (int i = 0; i < 66; i++)
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s\"A%02d\"", i ? ", " : "", i);
    strcat(want, "]}]");
    assert_has(out, want);
    /* a plain entry: nothing assumed */
    assert_has(out, "\"rest\": [{\"rule\": \"r_rest\", \"source\": ");
    assert_has(out, "\"cites\": \"T, 3\", \"assumptions\": []}]}}\n");
    free(out);
    out = eval(p, "{\"id\": \"c2\", \"n\": 1}", false);
    assert_has(out, "\"cites\": \"T, 2\", \"assumptions\": [\"B67\", \"B68\"]}]");
    free(out);
    sp_policy_free(p);
}

static void test_render_values(void **state)
{
    (void)state;
    sp_policy *p = many_assumptions();
    char *out = eval(p, "{\"id\": \"c1\", \"n\": 1, \"m\": \"4.50\"}", false);
    assert_has(out, "{\"case_id\": \"c1\", \"council\": \"many\", \"policy\": {\"version\": \"1\", ");
    assert_has(out, "\"decision\": {\"kind\": \"small\", \"count\": -9, \"rest\": \"-0.50\"}, \"reasons\": {");
    free(out);
    out = eval(p, "{\"id\": \"c1\", \"n\": 123456789012, \"m\": \"0.05\"}", false);
    assert_has(out, "\"decision\": {\"kind\": \"big\", \"count\": 123456789002, \"rest\": \"-4.95\"}");
    free(out);
    sp_policy_free(p);
}

static void test_render_case_ids_escaped(void **state)
{
    (void)state;
    sp_policy *p = many_assumptions();
    static const char *const cases[][2] = {
        { "{\"id\": \"abcdefgh\\\"ij\", \"n\": 1}", "{\"case_id\": \"abcdefgh\\\"ij\", " },
        { "{\"id\": \"q\\\\s\\u0001\\u00e9\", \"n\": 1}", "{\"case_id\": \"q\\\\s\\u0001\xc3\xa9\", " },
        { "{\"id\": \"abcdefghijklmnop\\n\", \"n\": 1}", "{\"case_id\": \"abcdefghijklmnop\\n\", " },
        { "{\"id\": \"\", \"n\": 1}", "{\"case_id\": \"\", " },
        { "{\"id\": \"abcdefghijklmnopq\", \"n\": 1}", "{\"case_id\": \"abcdefghijklmnopq\", " },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = eval(p, cases[i][0], false);
        if (strncmp(out, cases[i][1], strlen(cases[i][1])) != 0)
            fail_msg("case %zu: %s", i, out);
        free(out);
    }
    sp_policy_free(p);
}

static void test_render_trace_facts_and_steps(void **state)
{
    (void)state;
    sp_policy *p = many_assumptions();
    char *out = eval(p, "{\"id\": \"c1\", \"n\": 9, \"unused\": true}", true);
    /* the facts some rule read, in declaration order; `unused` and the
    ** reference, read by none, are not there */
    assert_has(out, "\"trace\": {\"facts\": {\"n\": 9, \"m\": \"0.00\"}, \"steps\": [");
    assert_has(out, "{\"name\": \"kind\", \"kind\": \"output\", \"rule\": \"r_kind\", \"source\": ");
    assert_has(out, "\"branch\": \"when n > 5\", \"branch_line\": 83, \"cites\": \"T, 2\", \"value\": \"big\", "
                    "\"uses\": {\"n\": 9}, \"assumptions\": [\"B66\"]}");
    assert_has(out, "\"branch\": \"= m - 5.00\", \"branch_line\": 90, \"cites\": \"T, 3\", "
                    "\"value\": \"-5.00\", \"uses\": {\"m\": \"0.00\"}, \"assumptions\": []}]}}\n");
    free(out);
    sp_policy_free(p);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/stayput-render-XXXXXX");
    return mkdtemp(root) ? 0 : -1;
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
        cmocka_unit_test(test_render_assumptions_across_words),
        cmocka_unit_test(test_render_values),
        cmocka_unit_test(test_render_case_ids_escaped),
        cmocka_unit_test(test_render_trace_facts_and_steps),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
