/*
** The fast case reader (sp_facts_read_fast): the case's text straight into
** the fact slots. Every case here is decided twice, by an engine that reads
** it the fast way when it can and by one that always reads it through the
** JSON tree (slow_read): the output, or the error (code, message, path,
** case id), must be the same to the byte. And the fast reader must take the
** plain cases and leave the unusual ones (escapes, duplicates, unknown keys,
** numbers past its limits) to the tree.
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

#include "arena.h"
#include "eval.h"
#include "facts.h"
#include "stayput.h"

static char root[256];
static sp_policy *policy;

static const char *POLICY =
    "policy \"fast\"\n"
    "source \"T\"\n"
    "reference id\n"
    "fact id: text required\n"
    "fact n: whole number default 0\n"
    "fact a: whole number default 0\n"
    "fact ab: whole number default 0\n"
    "fact flag: bool default false\n"
    "fact colour: one of red, green default red\n"
    "fact pay: list of money default [] at most 3\n"
    "fact extra: money or null default null\n"
    "fact person.born: date required from 1990-01-01 to 2030-12-31\n"
    "fact person.name: text default \"\"\n"
    "fact x.y.z: whole number default 0\n"
    "output total: whole number\n"
    "rule r for total\n"
    "  cites \"1\"\n"
    "  = n + a * 10 + ab * 100 + x.y.z * 1000 + count(pay)\n";

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/stayput-test-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    char path[512];
    snprintf(path, sizeof path, "%s/fast", root);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/fast/policy.sp", root);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(POLICY, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/fast", root);
    const char *search[] = { root };
    bool oom;
    sp_diags d;
    sp_diags_init(&d);
    policy = sp_policy_load(path, search, 1, &d, &oom);
    if (!policy) {
        sp_buf out;
        sp_buf_init(&out);
        sp_diags_render(&d, &out);
        fprintf(stderr, "%s", out.data ? out.data : "?");
        sp_buf_fini(&out);
    }
    sp_diags_fini(&d);
    return policy ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sp_policy_free(policy);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Whether the fast reader takes the case. */
static bool taken(const char *json, bool partial)
{
    sp_arena a;
    sp_arena_init(&a, 4096);
    sp_value *values = sp_arena_alloc(&a, (policy->n_facts + 1) * sizeof *values);
    assert_non_null(values);
    sp_case_error err;
    memset(&err, 0, sizeof err);
    bool ok = sp_facts_read_fast(policy, json, strlen(json), &a, values, partial, &err);
    if (!ok)
        assert_false(err.has_case_id); /* nothing written when it gives up */
    sp_arena_fini(&a);
    return ok;
}

/* Decides the case both ways, with and without --trace and --partial, and
** checks that they agree to the byte; returns the status of the plain way. */
static sp_status agree(const char *json)
{
    sp_status first = SP_OK;
    for (int k = 0; k < 4; k++) {
        sp_eval_options opt = { .format = SP_FORMAT_JSON, .trace = k & 1, .partial = k & 2 };
        sp_engine *e[2] = { sp_engine_new(policy), sp_engine_new(policy) };
        assert_non_null(e[0]);
        assert_non_null(e[1]);
        e[1]->slow_read = true;
        sp_buf out[2];
        sp_case_error err[2];
        sp_status st[2];
        for (int i = 0; i < 2; i++) {
            sp_buf_init(&out[i]);
            memset(&err[i], 0, sizeof err[i]);
            st[i] = sp_engine_eval(e[i], json, strlen(json), &opt, &out[i], &err[i]);
        }
        assert_int_equal(st[0], st[1]);
        if (st[0] == SP_OK) {
            assert_int_equal(out[0].len, out[1].len);
            assert_memory_equal(out[0].data, out[1].data, out[0].len);
        } else {
            assert_string_equal(err[0].code, err[1].code);
            assert_string_equal(err[0].message, err[1].message);
            assert_string_equal(err[0].path, err[1].path);
        }
        assert_int_equal(err[0].has_case_id, err[1].has_case_id);
        if (err[0].has_case_id)
            assert_string_equal(err[0].case_id, err[1].case_id);
        for (int i = 0; i < 2; i++) {
            sp_buf_fini(&out[i]);
            sp_engine_free(e[i]);
        }
        if (k == 0)
            first = st[0];
    }
    return first;
}

static void test_fast_reads_plain_cases(void **state)
{
    (void)state;
    static const char *cases[] = {
        "{\"id\": \"A1\", \"person\": {\"born\": \"2001-02-03\"}}",
        " \t\r\n{\"id\":\"A1\",\"person\":{\"born\":\"2001-02-03\",\"name\":\"Jo Bloggs\"}} \n",
        "{\"person\": {\"name\": \"\", \"born\": \"1990-01-01\"}, \"id\": \"\", \"n\": -0, \"a\": 0}",
        "{\"id\": \"A\", \"person\": {\"born\": \"2030-12-31\"}, \"n\": 999999999999, \"ab\": -999999999999}",
        "{\"id\": \"A\", \"person\": {\"born\": \"2000-02-29\"}, \"pay\": [\"0.5\", 12, 99.99]}",
        "{\"id\": \"A\", \"person\": {\"born\": \"2000-02-29\"}, \"pay\": [], \"extra\": null}",
        "{\"id\": \"A\", \"person\": {\"born\": \"2000-02-29\"}, \"extra\": \"12.345\", \"flag\": true}",
        "{\"id\": \"A\", \"person\": {\"born\": \"2000-02-29\"}, \"colour\": \"green\", \"flag\": false}",
        "{\"id\": \"A\", \"person\": {\"born\": \"2000-02-29\"}, \"x\": {\"y\": {\"z\": 7}}}",
        "{\"id\": \"A\", \"person\": {\"born\": \"2000-02-29\"}, \"x\": {}, \"a\": 1, \"ab\": 2}",
        /* strings read eight bytes at a time: longer, DEL, a quote at each place in a word */
        "{\"id\": \"A long reference, \x7f and ~ too\", \"person\": {\"born\": \"2000-02-29\"}}",
        "{\"id\": \"1234567\", \"person\": {\"name\": \"12345678\", \"born\": \"2000-02-29\"}}",
        "{\"id\": \"123456789\", \"person\": {\"name\": \"123456789012345\", \"born\": \"2000-02-29\"}}",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (!taken(cases[i], false))
            fail_msg("the fast reader gave up on %s", cases[i]);
        assert_int_equal(agree(cases[i]), SP_OK);
    }
    /* a key that is a prefix of another, and the other: each its own fact */
    sp_engine *e = sp_engine_new(policy);
    sp_buf out;
    sp_buf_init(&out);
    sp_case_error err;
    memset(&err, 0, sizeof err);
    sp_eval_options opt = { .format = SP_FORMAT_JSON };
    const char *c = "{\"id\": \"P\", \"ab\": 3, \"a\": 2, \"n\": 1, \"person\": {\"born\": \"2001-02-03\"}, "
                    "\"x\": {\"y\": {\"z\": 4}}, \"pay\": [1, 2]}";
    assert_int_equal(sp_engine_eval(e, c, strlen(c), &opt, &out, &err), SP_OK);
    assert_non_null(strstr(out.data, "\"total\": 4323"));
    assert_non_null(strstr(out.data, "\"case_id\": \"P\""));
    sp_buf_fini(&out);
    sp_engine_free(e);
}

/* What the fast reader leaves to the tree: still read, or still refused,
** exactly as before. */
static void test_fast_gives_up_on_the_unusual(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        sp_status status;
    } cases[] = {
        /* escapes in keys and strings, unicode escapes: valid, read slowly */
        { "{\"i\\u0064\": \"A\", \"person\": {\"born\": \"2001-02-03\"}}", SP_OK },
        { "{\"id\": \"A\\\"B\", \"person\": {\"born\": \"2001-02-03\"}}", SP_OK },
        { "{\"id\": \"\\u00e9\\ud83d\\ude00\", \"person\": {\"born\": \"2001-02-03\"}}", SP_OK },
        { "{\"id\": \"caf\xc3\xa9\", \"person\": {\"born\": \"2001-02-03\"}}", SP_OK },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001\\u002d02-03\"}}", SP_OK },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"colour\": \"gr\\u0065en\"}", SP_OK },
        { "{\"id\": \"ABCDEFGHIJKLMNOP\\nQ\", \"person\": {\"born\": \"2001-02-03\"}}", SP_OK },
        { "{\"id\": \"ABCDEFGHIJ\xc3\xa9\", \"person\": {\"born\": \"2001-02-03\"}}", SP_OK },
        { "{\"id\": \"ABCDEFGHIJKLM\x01\", \"person\": {\"born\": \"2001-02-03\"}}", SP_ERR_INPUT },
        { "{\"person\": {\"born\": \"2001-02-03\"}, \"id\": \"ABCDEFGHIJKLMNOP", SP_ERR_INPUT },
        { "\xef\xbb\xbf{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}}", SP_OK },
        /* duplicate keys, at the top, in a group, a group twice */
        { "{\"id\": \"A\", \"id\": \"B\", \"person\": {\"born\": \"2001-02-03\"}}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\", \"born\": \"2001-02-03\"}}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"person\": {}}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"x\": {}, \"person\": {\"born\": \"2001-02-03\"}, \"x\": {}}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"i\\u0064\": \"B\", \"person\": {\"born\": \"2001-02-03\"}}", SP_ERR_INPUT },
        /* numbers at and past the limits */
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"n\": 1000000000000}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"n\": 1e2}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"n\": 1.0}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"n\": 01}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"n\": -}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"pay\": [-1]}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"pay\": [\"1.\"]}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"pay\": [\".5\"]}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"pay\": [1, 2, 3, 4]}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"pay\": [1e3]}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"extra\": \"1234567890123456789012345\"}",
          SP_ERR_INPUT },
        /* dates, values, types, keys */
        { "{\"id\": \"A\", \"person\": {\"born\": \"1989-12-31\"}}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-30\"}}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"colour\": \"blue\"}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"flag\": null}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"flag\": tru}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"abc\": 1}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}, \"x\": {\"y\": 1}}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\", \"borm\": 1}}", SP_ERR_INPUT },
        { "{\"id\": 7, \"person\": {\"born\": \"2001-02-03\"}}", SP_ERR_INPUT },
        { "{\"id\": \"A\"}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}} x", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"},}", SP_ERR_INPUT },
        { "{\"id\": \"A\", \"person\": {\"born\": \"2001-02-03\"}", SP_ERR_INPUT },
        { "{\"id\": \"A\x01\", \"person\": {\"born\": \"2001-02-03\"}}", SP_ERR_INPUT },
        { "{\"id\": \"A\xff\", \"person\": {\"born\": \"2001-02-03\"}}", SP_ERR_INPUT },
        { "{\"x\": {\"y\": {\"z\": {\"w\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
          "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}}",
          SP_ERR_INPUT },
        { "[]", SP_ERR_INPUT },
        { "  ", SP_ERR_INPUT },
        { "", SP_ERR_INPUT },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        if (taken(cases[i].json, false))
            fail_msg("the fast reader took %s", cases[i].json);
        assert_int_equal(agree(cases[i].json), cases[i].status);
    }
}

/* --partial: a missing required fact, undetermined, the fast way too. */
static void test_fast_partial_missing_facts(void **state)
{
    (void)state;
    const char *c = "{\"id\": \"A\", \"n\": 2}";
    assert_false(taken(c, false));
    assert_true(taken(c, true));
    assert_int_equal(agree(c), SP_ERR_INPUT);
    c = "{\"n\": 2}";
    assert_true(taken(c, true));
    agree(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_reads_plain_cases),
        cmocka_unit_test(test_fast_gives_up_on_the_unusual),
        cmocka_unit_test(test_fast_partial_missing_facts),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
