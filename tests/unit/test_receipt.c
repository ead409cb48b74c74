/*
** Receipts: the facts written into a receipt read back to the same values and
** the same decision, for every example of the bundled rule files; verify
** finds such a receipt identical; a file that is no receipt is refused.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "eval.h"
#include "receipt.h"
#include "stayput.h"

#ifndef STAYPUT_SOURCE_DIR
#error "STAYPUT_SOURCE_DIR must name the source tree"
#endif

#define RULES STAYPUT_SOURCE_DIR "/rules"

static sp_policy *load(const char *dir)
{
    const char *search[] = { RULES };
    sp_diags d;
    sp_diags_init(&d);
    bool oom = false;
    sp_policy *p = sp_policy_load(dir, search, 1, &d, &oom);
    assert_int_equal(d.count, 0);
    sp_diags_fini(&d);
    assert_non_null(p);
    return p;
}

static sp_policy *load_text(const char *text)
{
    const char *search[] = { RULES };
    sp_diags d;
    sp_diags_init(&d);
    bool oom = false;
    sp_policy *p = sp_policy_load_text(RULES "/in-memory", "policy.sp", text, strlen(text), search,
                                       1, &d, &oom);
    assert_int_equal(d.count, 0);
    sp_diags_fini(&d);
    assert_non_null(p);
    return p;
}

/* Puts example i's facts into e (its values, defaults for the rest), as
** `stayput test` does. False when the example lacks a required fact. */
static bool example_facts(sp_policy *p, sp_engine *e, size_t i)
{
    const sp_item *ex = p->examples[i];
    sp_diags d;
    sp_diags_init(&d);
    assert_true(sp_eval_begin(e));
    bool complete = true;
    for (size_t f = 0; f < p->n_facts; f++) {
        const sp_symbol *s = &p->syms[p->facts[f]];
        e->facts[f] = s->default_value;
        bool given = false;
        for (const sp_pair *g = ex->given; g; g = g->next)
            if (strcmp(g->name, s->name) == 0) {
                given = true;
                assert_true(sp_check_constant(p, &d, ex->src, g->value, s->type, &e->facts[f]));
            }
        if (!given && s->required)
            complete = false;
    }
    sp_diags_fini(&d);
    return complete;
}

/* Every example of the policy in `dir`: its facts written as a receipt's
** facts are read back to the same values; the decision made from them is the
** example's; the receipt of that decision verifies as identical. */
static void round_trip_examples(const char *dir)
{
    sp_policy *p = load(dir);
    sp_engine *given = sp_engine_new(p), *again = sp_engine_new(p), *check = sp_engine_new(p);
    assert_non_null(given);
    assert_non_null(again);
    assert_non_null(check);
    assert_true(p->n_examples > 0);
    size_t tried = 0;
    for (size_t i = 0; i < p->n_examples; i++) {
        if (!example_facts(p, given, i))
            continue;
        tried++;
        sp_buf facts, out, report;
        sp_buf_init(&facts);
        sp_buf_init(&out);
        sp_buf_init(&report);
        sp_receipt_facts_json(given, &facts);
        assert_false(facts.oom);
        assert_true(sp_eval_outputs(given));

        sp_case_error err;
        const sp_eval_options opt = { .format = SP_FORMAT_JSON, .receipt = true };
        sp_status st = sp_engine_eval(again, facts.data, facts.len, &opt, &out, &err);
        if (st != SP_OK)
            fail_msg("%s example %s: the receipt's facts are not read back: %s: %s (at %s)\n%s",
                     dir, p->examples[i]->name, err.code, err.message, err.path, facts.data);
        for (size_t f = 0; f < p->n_facts; f++)
            if (!sp_value_equal(&given->facts[f], &again->facts[f]))
                fail_msg("%s example %s: fact %s reads back differently from %s", dir,
                         p->examples[i]->name, p->syms[p->facts[f]].name, facts.data);
        for (size_t o = 0; o < p->n_outputs; o++) {
            const sp_symbol *s = &p->syms[p->outputs[o]];
            if (!sp_value_equal(&given->results[s->slot].value, &again->results[s->slot].value))
                fail_msg("%s example %s: output %s differs when decided from the receipt's facts",
                         dir, p->examples[i]->name, s->name);
        }

        sp_receipt *r = sp_receipt_read(out.data, out.len, &err);
        if (!r)
            fail_msg("%s example %s: %s: %s", dir, p->examples[i]->name, err.code, err.message);
        bool holds = false;
        assert_int_equal(sp_receipt_verify(check, r, false, &report, &holds, &err), SP_OK);
        if (!holds)
            fail_msg("%s example %s: the receipt does not hold:\n%s", dir, p->examples[i]->name,
                     report.data);
        assert_non_null(strstr(report.data, "\nidentical: "));
        sp_receipt_free(r);
        sp_buf_fini(&facts);
        sp_buf_fini(&out);
        sp_buf_fini(&report);
    }
    assert_true(tried > 0);
    sp_engine_free(given);
    sp_engine_free(again);
    sp_engine_free(check);
    sp_policy_free(p);
}

static void test_receipt_round_trips_england_examples(void **state)
{
    (void)state;
    round_trip_examples(RULES "/england");
}

static void test_receipt_round_trips_west_berkshire_examples(void **state)
{
    (void)state;
    round_trip_examples(RULES "/west-berkshire");
}

static void test_receipt_round_trips_calderdale_examples(void **state)
{
    (void)state;
    round_trip_examples(RULES "/calderdale");
}

static void test_receipt_round_trips_ifa_protocol_examples(void **state)
{
    (void)state;
    round_trip_examples(RULES "/england-ifa-protocol");
}

/* The longest amounts a case may give, and defaults, come back exactly. */
static void test_receipt_facts_exact_money_and_defaults(void **state)
{
    (void)state;
    sp_policy *p = load_text("policy \"m\"\nversion \"1\"\nsource \"S\"\nreference id\n"
                             "fact id: text required\n"
                             "fact a.pay: list of money default []\n"
                             "fact b: whole number default 7\n"
                             "fact a.when: date or null default null\n"
                             "fact a.kind: one of x, y default y\n"
                             /* defaults no case could give: left out, applied again */
                             "fact c: money default -1.00\n"
                             "fact d: date default 1999-12-31 from 2000-01-01 to 2099-12-31\n"
                             "output n: whole number\n"
                             "rule r for n\n  cites \"1\"\n  = b\n");
    sp_engine *e = sp_engine_new(p);
    assert_non_null(e);
    static const char json[] = "{\"id\": \"q\\\"1\", \"a\": {\"pay\": [999999999999.999999999999, "
                               "\"0.000000000001\", 3.1, \"4\"]}}";
    sp_buf out;
    sp_buf_init(&out);
    sp_case_error err;
    const sp_eval_options opt = { .format = SP_FORMAT_JSON, .receipt = true };
    assert_int_equal(sp_engine_eval(e, json, strlen(json), &opt, &out, &err), SP_OK);
    const char *facts = strstr(out.data, "\"receipt\": {\"facts\": ");
    assert_non_null(facts);
    const char *want =
        "\"receipt\": {\"facts\": {\"id\": \"q\\\"1\", \"a\": {\"pay\": "
        "[\"999999999999.999999999999\", "
        "\"0.000000000001\", \"3.10\", \"4.00\"], \"when\": null, \"kind\": \"y\"}, \"b\": 7}, "
        "\"digest\": \"sha256:";
    assert_memory_equal(facts, want, strlen(want));
    sp_receipt *r = sp_receipt_read(out.data, out.len, &err);
    assert_non_null(r);
    sp_buf report;
    sp_buf_init(&report);
    bool holds = false;
    assert_int_equal(sp_receipt_verify(e, r, false, &report, &holds, &err), SP_OK);
    assert_true(holds);
    assert_non_null(
        strstr(report.data, "\nidentical: the decision and the reasons of the one output"));
    sp_buf_fini(&report);
    sp_receipt_free(r);
    sp_buf_fini(&out);
    sp_engine_free(e);
    sp_policy_free(p);
}

static void bad_receipt(const char *json, const char *code, const char *path)
{
    sp_case_error err;
    sp_receipt *r = sp_receipt_read(json, strlen(json), &err);
    assert_null(r);
    assert_string_equal(err.code, code);
    assert_string_equal(err.path, path);
    assert_true(err.message[0] != '\0');
}

static void test_receipt_read_refuses_what_is_no_receipt(void **state)
{
    (void)state;
    static const char tail[] = ", \"engine\": \"stayput 0\"}}";
    char buf[512];
    bad_receipt("", "empty_input", "");
    bad_receipt("{\"council\": \"x\",}", "malformed_json", "");
    bad_receipt("[]", "not_a_receipt", "");
    bad_receipt("{\"council\": \"x\", \"decision\": {}, \"reasons\": {}}", "not_a_receipt",
                "receipt");
    bad_receipt("{\"receipt\": {\"facts\": [], \"digest\": \"d\", \"engine\": \"e\"}}",
                "not_a_receipt", "receipt.facts");
    bad_receipt("{\"receipt\": {\"facts\": {}, \"digest\": 1, \"engine\": \"e\"}}", "not_a_receipt",
                "receipt.digest");
    snprintf(buf, sizeof buf,
             "{\"decision\": {}, \"reasons\": {}, \"receipt\": {\"facts\": {}, \"digest\": \"d\"%s",
             tail);
    bad_receipt(buf, "not_a_receipt", "council");
    snprintf(buf, sizeof buf,
             "{\"council\": \"a\\u0000b\", \"decision\": {}, \"reasons\": {}, \"receipt\": "
             "{\"facts\": {}, "
             "\"digest\": \"d\"%s",
             tail);
    bad_receipt(buf, "not_a_receipt", "council");
    snprintf(
        buf, sizeof buf,
        "{\"council\": \"a\", \"reasons\": {}, \"receipt\": {\"facts\": {}, \"digest\": \"d\"%s",
        tail);
    bad_receipt(buf, "not_a_receipt", "decision");
    snprintf(buf, sizeof buf,
             "{\"council\": \"a\", \"decision\": {}, \"reasons\": [], \"receipt\": {\"facts\": {}, "
             "\"digest\": \"d\"%s",
             tail);
    bad_receipt(buf, "not_a_receipt", "reasons");
    bad_receipt("{\"receipt\": {}, \"receipt\": {}}", "duplicate_key", "receipt");
    /* policy.digest, which eval writes beside receipt.digest, must be there */
    snprintf(buf, sizeof buf,
             "{\"council\": \"a\", \"decision\": {}, \"reasons\": {}, \"receipt\": {\"facts\": {}, "
             "\"digest\": \"d\"%s",
             tail);
    bad_receipt(buf, "not_a_receipt", "policy.digest");
    snprintf(buf, sizeof buf,
             "{\"council\": \"a\", \"policy\": {\"digest\": 1}, \"decision\": {}, \"reasons\": {}, "
             "\"receipt\": {\"facts\": {}, \"digest\": \"d\"%s",
             tail);
    bad_receipt(buf, "not_a_receipt", "policy.digest");

    snprintf(buf, sizeof buf,
             "{\"council\": \"a\", \"policy\": {\"digest\": \"d\"}, \"decision\": {}, "
             "\"reasons\": {}, \"receipt\": {\"facts\": {}, \"digest\": \"d\"%s",
             tail);
    sp_case_error err;
    sp_receipt *r = sp_receipt_read(buf, strlen(buf), &err);
    assert_non_null(r);
    assert_string_equal(sp_receipt_council(r), "a");
    sp_receipt_free(r);
}

/* A small policy: one text fact that is the case's reference, one output. */
#define SMALL_POLICY                                                                               \
    "policy \"small\"\nversion \"1\"\nsource \"Doc\"\nreference id\n"                              \
    "fact id: text required\nfact n: whole number default 2\n"                                     \
    "output twice: whole number\n"                                                                 \
    "rule double for twice\n  cites \"1\"\n  = n * 2\n"

/* The receipt of `json` decided by policy `text`, on the heap. */
static char *receipt_of(const char *text, const char *json)
{
    sp_policy *p = load_text(text);
    sp_engine *e = sp_engine_new(p);
    assert_non_null(e);
    sp_buf out;
    sp_buf_init(&out);
    sp_case_error err;
    const sp_eval_options opt = { .format = SP_FORMAT_JSON, .receipt = true };
    assert_int_equal(sp_engine_eval(e, json, strlen(json), &opt, &out, &err), SP_OK);
    sp_engine_free(e);
    sp_policy_free(p);
    return out.data;
}

/* Verifies `receipt` against policy `text`: the status, the report in *report
** (caller frees), whether it holds. */
static sp_status verify_text(const char *text, const char *receipt, bool json, char **report,
                             bool *holds)
{
    sp_policy *p = load_text(text);
    sp_engine *e = sp_engine_new(p);
    assert_non_null(e);
    sp_case_error err;
    sp_receipt *r = sp_receipt_read(receipt, strlen(receipt), &err);
    if (!r)
        fail_msg("not a receipt: %s: %s\n%s", err.code, err.message, receipt);
    sp_buf out;
    sp_buf_init(&out);
    sp_status st = sp_receipt_verify(e, r, json, &out, holds, &err);
    *report = out.data;
    sp_receipt_free(r);
    sp_engine_free(e);
    sp_policy_free(p);
    return st;
}

/* Replaces the first `from` in s (a heap string) by `to`. */
static char *replace(char *s, const char *from, const char *to)
{
    char *at = strstr(s, from);
    if (!at)
        fail_msg("'%s' is not in %s", from, s);
    size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
    char *t = malloc(n);
    assert_non_null(t);
    snprintf(t, n, "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
    free(s);
    return t;
}

static void test_receipt_verify_refuses_edited_case_id(void **state)
{
    (void)state;
    char *receipt = receipt_of(SMALL_POLICY, "{\"id\": \"C-1\"}");
    char *report;
    bool holds = true;
    assert_int_equal(verify_text(SMALL_POLICY, receipt, false, &report, &holds), SP_OK);
    assert_true(holds);
    free(report);
    receipt = replace(receipt, "\"case_id\": \"C-1\"", "\"case_id\": \"OTHER\"");
    assert_int_equal(verify_text(SMALL_POLICY, receipt, false, &report, &holds), SP_OK);
    assert_false(holds);
    assert_non_null(strstr(report, "\nthe receipt's case_id does not match its facts: case_id is "
                                   "\"OTHER\", the facts give \"C-1\"\n"));
    assert_non_null(strstr(report, "\ndiffers: the receipt's case_id does not match its facts\n"));
    free(report);
    assert_int_equal(verify_text(SMALL_POLICY, receipt, true, &report, &holds), SP_OK);
    assert_false(holds);
    assert_non_null(strstr(report, "\"identical\": false"));
    assert_non_null(strstr(report, "\"inconsistent\": [{\"at\": \"case_id\", \"message\": \"the "
                                   "receipt's case_id does not match its facts\", \"has\": "
                                   "\"OTHER\", \"expected\": \"C-1\"}]"));
    free(report);
    free(receipt);
}

static void test_receipt_verify_refuses_edited_policy_digest(void **state)
{
    (void)state;
    char *receipt = receipt_of(SMALL_POLICY, "{\"id\": \"C-1\"}");
    receipt = replace(receipt, "\"digest\": \"sha256:", "\"digest\": \"sha256:0");
    assert_non_null(strstr(receipt, "\"policy\": {\"version\": \"1\", \"digest\": \"sha256:0"));
    char *report;
    bool holds = true;
    assert_int_equal(verify_text(SMALL_POLICY, receipt, false, &report, &holds), SP_OK);
    assert_false(holds);
    assert_non_null(strstr(report, "\nthe receipt's policy.digest does not match its "
                                   "receipt.digest: policy.digest is sha256:0"));
    free(report);
    free(receipt);
}

static void test_receipt_verify_unread_facts_differ(void **state)
{
    (void)state;
    char *receipt = receipt_of(SMALL_POLICY, "{\"id\": \"C-1\", \"n\": 5}");
    /* the policy now requires a fact the receipt lacks */
    static const char required[] = SMALL_POLICY "fact m: bool required\n";
    char *report;
    bool holds = true;
    assert_int_equal(verify_text(required, receipt, false, &report, &holds), SP_OK);
    assert_false(holds);
    assert_non_null(strstr(report, "\ndigest differs: "));
    assert_non_null(strstr(report, "\nthe receipt's facts are no longer a case this policy reads: "
                                   "missing_key: "));
    assert_non_null(strstr(report, " (at receipt.facts.m)\n"));
    free(report);
    /* or no longer declares a key the receipt gives */
    static const char dropped[] = "policy \"small\"\nversion \"1\"\nsource \"Doc\"\nreference id\n"
                                  "fact id: text required\n"
                                  "output twice: whole number\n"
                                  "rule double for twice\n  cites \"1\"\n  = 4\n";
    assert_int_equal(verify_text(dropped, receipt, true, &report, &holds), SP_OK);
    assert_false(holds);
    assert_non_null(strstr(report, "\"facts_error\": {\"code\": \"unknown_key\", "));
    assert_non_null(strstr(report, "\"path\": \"receipt.facts.n\"}"));
    free(report);
    free(receipt);
}

static void test_receipt_verify_escapes_control_characters(void **state)
{
    (void)state;
    char *receipt = receipt_of(SMALL_POLICY, "{\"id\": \"C\\u001b[2J\\u0007\\\\1\"}");
    /* an output only the receipt has, with a control character in its name */
    receipt = replace(receipt, "\"decision\": {", "\"decision\": {\"x\\r\\u0000y\": 1, ");
    receipt = replace(receipt, "\"engine\": \"stayput ", "\"engine\": \"stayput \\u001b[31m");
    char *report;
    bool holds = true;
    assert_int_equal(verify_text(SMALL_POLICY, receipt, false, &report, &holds), SP_OK);
    assert_false(holds);
    for (const char *c = report; *c; c++)
        if ((unsigned char)*c < 0x20 && *c != '\n')
            fail_msg("a control character (0x%02x) in the report:\n%s", (unsigned char)*c, report);
    assert_non_null(strstr(report, "receipt for case C\\u001b[2J\\u0007\\\\1, council small, made "
                                   "by stayput \\u001b[31m"));
    assert_non_null(
        strstr(report, "\noutput x\\r\\u0000y differs\n  value: was 1, now (absent)\n"));
    assert_non_null(strstr(report, "are not as the receipt says: x\\r\\u0000y\n") ||
                    strstr(report, "is not as the receipt says: x\\r\\u0000y\n"));
    free(report);
    free(receipt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_receipt_round_trips_england_examples),
        cmocka_unit_test(test_receipt_round_trips_west_berkshire_examples),
        cmocka_unit_test(test_receipt_round_trips_calderdale_examples),
        cmocka_unit_test(test_receipt_round_trips_ifa_protocol_examples),
        cmocka_unit_test(test_receipt_facts_exact_money_and_defaults),
        cmocka_unit_test(test_receipt_read_refuses_what_is_no_receipt),
        cmocka_unit_test(test_receipt_verify_refuses_edited_case_id),
        cmocka_unit_test(test_receipt_verify_refuses_edited_policy_digest),
        cmocka_unit_test(test_receipt_verify_unread_facts_differ),
        cmocka_unit_test(test_receipt_verify_escapes_control_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
