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

#include "facts_both_ways.inc"

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
        assert_int_equal(facts_both_ways(policy, cases[i], strlen(cases[i]), false), 1);
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

/* The total of the case (n + a * 10 + ab * 100 + x.y.z * 1000 + count(pay)),
** decided by an engine that reads it the fast way when it can. */
static void assert_total(const char *json, const char *total)
{
    sp_engine *e = sp_engine_new(policy);
    assert_non_null(e);
    sp_buf out;
    sp_buf_init(&out);
    sp_case_error err;
    memset(&err, 0, sizeof err);
    sp_eval_options opt = { .format = SP_FORMAT_JSON };
    assert_int_equal(sp_engine_eval(e, json, strlen(json), &opt, &out, &err), SP_OK);
    char want[64];
    snprintf(want, sizeof want, "\"total\": %s}", total);
    if (!strstr(out.data, want))
        fail_msg("%s: expected %s in %s", json, want, out.data);
    sp_buf_fini(&out);
    sp_engine_free(e);
}

/* The fast reader guesses each key from the last case's order: cases one
** after another (the policy keeps the guesses) whose keys come in another
** order, leave one out, add one, give one twice, or begin with a guessed
** key that is a prefix of theirs ("a" for "ab") or has it as a prefix. */
static void test_fast_guessed_keys(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        bool taken;
        const char *total;    /* NULL: refused */
    } cases[] = {
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", true, "321" },
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", true, "321" },
        /* "ab" where "a" is guessed, then "a" where "person" is */
        { "{\"id\":\"P\",\"n\":1,\"ab\":3,\"a\":2,\"person\":{\"born\":\"2001-02-03\"}}", true, "321" },
        /* "a" where "ab" is guessed: the closing quote differs */
        { "{\"id\":\"P\",\"n\":1,\"a\":5,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", true, "351" },
        { "{\"id\":\"P\",\"n\":1,\"ab\":4,\"person\":{\"born\":\"2001-02-03\"}}", true, "401" },
        /* a key that the guess is a prefix of, unknown */
        { "{\"id\":\"P\",\"n\":1,\"abc\":4,\"person\":{\"born\":\"2001-02-03\"}}", false, NULL },
        /* given twice, each time where the last case's order says */
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", true, "321" },
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"a\":2,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", false, NULL },
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"ab\":3,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", false, NULL },
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"ab\":3,\"person\":{\"born\":\"2001-02-03\",\"born\":\"2001-02-03\"}}",
          false, NULL },
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"},\"person\":{}}", false,
          NULL },
        { "{\"id\":\"P\",\"n\":1,\"n\":1,\"a\":2,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", false, NULL },
        /* the keys after the guess in earlier cases, found further along
        ** (the chain now holds a -> ab -> a, a loop), and a key none of them is */
        { "{\"id\":\"P\",\"n\":1,\"ab\":3,\"a\":2,\"person\":{\"born\":\"2001-02-03\"}}", true, "321" },
        { "{\"id\":\"P\",\"n\":1,\"flag\":true,\"person\":{\"born\":\"2001-02-03\"}}", true, "1" },
        { "{\"id\":\"P\",\"n\":1,\"person\":{\"born\":\"2001-02-03\"}}", true, "1" },
        { "{\"id\":\"P\",\"n\":1,\"flag\":true,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", true, "301" },
        { "{\"id\":\"P\",\"n\":1,\"flag\":true,\"ab\":3,\"ab\":3,\"person\":{\"born\":\"2001-02-03\"}}", false,
          NULL },
        /* a required key left out, then the guesses of groups inside groups */
        { "{\"id\":\"P\",\"n\":1,\"a\":2,\"ab\":3}", false, NULL },
        { "{\"x\":{\"y\":{\"z\":7}},\"person\":{\"name\":\"Jo\",\"born\":\"2001-02-03\"},\"id\":\"Q\"}", true, "7000" },
        { "{\"x\":{\"y\":{\"z\":8}},\"person\":{\"name\":\"Jo\",\"born\":\"2001-02-03\"},\"id\":\"Q\"}", true, "8000" },
        { "{\"x\":{\"y\":{\"z\":8},\"y\":{}},\"person\":{\"born\":\"2001-02-03\"},\"id\":\"Q\"}", false, NULL },
        { "{\"x\":{\"y\":{\"z\":8,\"z\":8}},\"person\":{\"born\":\"2001-02-03\"},\"id\":\"Q\"}", false, NULL },
        /* white space around the guessed key: missed, then read as before */
        { "{ \"x\" : { \"y\" : { \"z\" : 9 } }, \"person\" :{\"born\":\"2001-02-03\"}, \"id\": \"Q\"}", true, "9000" },
        /* a guessed key cut short at the end of the text */
        { "{\"x\":{\"y\":{\"z\":9}},\"person\":{\"born\":\"2001-02-03\"},\"i", false, NULL },
        { "{\"x\":{\"y\":{\"z\":9}},\"person\":{\"born\":\"2001-02-03\"},\"id\"", false, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *c = cases[i].json;
        if (taken(c, false) != cases[i].taken)
            fail_msg("the fast reader %s %s", cases[i].taken ? "gave up on" : "took", c);
        sp_status st = agree(c);
        assert_int_equal(st, cases[i].total ? SP_OK : SP_ERR_INPUT);
        if (cases[i].total)
            assert_total(c, cases[i].total);
        if (cases[i].taken)
            assert_int_equal(facts_both_ways(policy, c, strlen(c), false), 1);
    }
}

/* Numbers and dates read straight from the bytes: the same exact values as
** the JSON tree gives (money in lowest terms, past 18 digits too), and the
** same refusals at every limit. */
static void test_fast_numbers_and_dates(void **state)
{
    (void)state;
    static const char *amounts[] = {
        "0", "0.0", "0.000", "7", "10", "10.00", "0.5", "0.50", "1.25", "0.0625", "12.345", "99.99", "0.1",
        "1000000.000001", "0.000000000001", "123456789012", "123456789012.123456",
        "123456789012.1234567", "123456789012.123456789012", "999999999999.999999999999",
        "1.000000000000", "640.000000000000", "390625.0000000000",
    };
    char c[256];
    for (size_t i = 0; i < sizeof amounts / sizeof *amounts; i++)
        for (int quoted = 0; quoted < 2; quoted++) {
            const char *q = quoted ? "\"" : "";
            snprintf(c, sizeof c, "{\"id\": \"M\", \"person\": {\"born\": \"2001-02-03\"}, \"extra\": %s%s%s, "
                     "\"pay\": [%s%s%s]}", q, amounts[i], q, q, amounts[i], q);
            if (!taken(c, false))
                fail_msg("the fast reader gave up on %s", c);
            assert_int_equal(facts_both_ways(policy, c, strlen(c), false), 1);
            assert_int_equal(agree(c), SP_OK);
        }
    /* leading zeros only in quotes; never a sign */
    static const char *quoted_only[] = { "007", "00.50", "0012.5" };
    for (size_t i = 0; i < sizeof quoted_only / sizeof *quoted_only; i++) {
        snprintf(c, sizeof c, "{\"id\": \"M\", \"person\": {\"born\": \"2001-02-03\"}, \"extra\": \"%s\"}",
                 quoted_only[i]);
        assert_true(taken(c, false));
        assert_int_equal(facts_both_ways(policy, c, strlen(c), false), 1);
        assert_int_equal(agree(c), SP_OK);
        snprintf(c, sizeof c, "{\"id\": \"M\", \"person\": {\"born\": \"2001-02-03\"}, \"extra\": %s}",
                 quoted_only[i]);
        assert_false(taken(c, false));
        assert_int_equal(agree(c), SP_ERR_INPUT);
    }
    static const char *bad_amounts[] = {
        "-1", "\"-1\"", "+1", "\"+1\"", "1.", "\"1.\"", ".5", "\".5\"", "1..2", "\"1..2\"", "\"1.2.3\"",
        "1.2.3", "1e2", "1E2", "1.5e1", "\"1e2\"", "\"\"", "\" 1\"", "\"1 \"", "1234567890123",
        "\"1234567890123\"", "1.1234567890123", "\"1.1234567890123\"", "\"12\\u0030\"", "0x1", "\"12",
        "12,", "true",
        "\"12}", "\"12.5}", /* the closing quote's place taken: would end the case */
    };
    for (size_t i = 0; i < sizeof bad_amounts / sizeof *bad_amounts; i++) {
        snprintf(c, sizeof c, "{\"id\": \"M\", \"person\": {\"born\": \"2001-02-03\"}, \"extra\": %s}",
                 bad_amounts[i]);
        if (taken(c, false))
            fail_msg("the fast reader took %s", c);
        agree(c);
    }
    static const struct {
        const char *n;
        bool ok;
    } wholes[] = {
        { "0", true }, { "-0", true }, { "5", true }, { "-5", true }, { "999999999999", true },
        { "-999999999999", true }, { "1000000000000", false }, { "-1000000000000", false }, { "00", false },
        { "-01", false }, { "1.0", false }, { "1.", false }, { "1e0", false }, { "-", false }, { "\"1\"", false },
        { "--1", false }, { "1-", false },
    };
    for (size_t i = 0; i < sizeof wholes / sizeof *wholes; i++) {
        snprintf(c, sizeof c, "{\"id\": \"W\", \"person\": {\"born\": \"2001-02-03\"}, \"n\": %s}", wholes[i].n);
        if (taken(c, false) != wholes[i].ok)
            fail_msg("the fast reader %s %s", wholes[i].ok ? "gave up on" : "took", c);
        if (wholes[i].ok)
            assert_int_equal(facts_both_ways(policy, c, strlen(c), false), 1);
        assert_int_equal(agree(c), wholes[i].ok ? SP_OK : SP_ERR_INPUT);
    }
    static const struct {
        const char *d;
        bool ok;
    } dates[] = {
        { "\"1990-01-01\"", true }, { "\"2030-12-31\"", true }, { "\"2000-02-29\"", true },
        { "\"2024-02-29\"", true }, { "\"2001-12-31\"", true }, { "\"2001-04-30\"", true },
        { "\"2023-02-29\"", false }, { "\"2100-02-29\"", false }, { "\"2001-04-31\"", false },
        { "\"2001-13-01\"", false }, { "\"2001-00-10\"", false }, { "\"2001-01-00\"", false },
        { "\"2001-01-32\"", false }, { "\"1989-12-31\"", false }, { "\"2031-01-01\"", false },
        { "\"2001-1-01\"", false }, { "\"2001-01-010\"", false }, { "\"2001/01/01\"", false },
        { "\"20a1-01-01\"", false }, { "\"2001-01-0\"", false }, { "\"+001-01-01\"", false },
        { "\"2001-01-01", false }, { "\"2001-01-01 \"", false }, { "20010101", false }, { "null", false },
        { "\"2001-02-03}", false }, /* the closing quote's place taken: would end the case */
    };
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        snprintf(c, sizeof c, "{\"id\": \"D\", \"person\": {\"born\": %s}}", dates[i].d);
        if (taken(c, false) != dates[i].ok)
            fail_msg("the fast reader %s %s", dates[i].ok ? "gave up on" : "took", c);
        if (dates[i].ok)
            assert_int_equal(facts_both_ways(policy, c, strlen(c), false), 1);
        assert_int_equal(agree(c), dates[i].ok ? SP_OK : SP_ERR_INPUT);
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
    assert_int_equal(facts_both_ways(policy, c, strlen(c), true), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_reads_plain_cases),
        cmocka_unit_test(test_fast_gives_up_on_the_unusual),
        cmocka_unit_test(test_fast_partial_missing_facts),
        cmocka_unit_test(test_fast_guessed_keys),
        cmocka_unit_test(test_fast_numbers_and_dates),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
