/*
** Formatter tests: the canonical layout of each kind of item, comments,
** parentheses, texts and numbers as written, idempotence over every bundled
** rule file, and the read-back comparison that guards the rewrite.
*/
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fmt.h"

#ifndef STAYPUT_SOURCE_DIR
#error "STAYPUT_SOURCE_DIR must name the source tree"
#endif

/* Formats text, which must succeed; the caller frees the result. */
static char *fmt(const char *text)
{
    sp_buf out;
    sp_buf_init(&out);
    sp_diags d;
    sp_diags_init(&d);
    size_t line;
    sp_fmt_status st = sp_fmt_text("t.sp", text, strlen(text), &out, &d, &line);
    if (st != SP_FMT_OK) {
        sp_buf r;
        sp_buf_init(&r);
        sp_diags_render(&d, &r);
        print_error("status %d for:\n%s\n%s", (int)st, text, r.data ? r.data : "");
        sp_buf_fini(&r);
    }
    assert_int_equal(st, SP_FMT_OK);
    sp_diags_fini(&d);
    char *s = strdup(out.data ? out.data : "");
    sp_buf_fini(&out);
    return s;
}

/* fmt(in) is `want`; fmt(want) is want (idempotent); in and want read the same. */
static void formats(const char *in, const char *want)
{
    char *got = fmt(in);
    if (strcmp(got, want) != 0)
        print_error("--- input\n%s--- want\n%s--- got\n%s", in, want, got);
    assert_string_equal(got, want);
    char *again = fmt(got);
    assert_string_equal(again, got);
    bool same = false;
    assert_int_equal(sp_fmt_same(in, strlen(in), got, strlen(got), &same), SP_FMT_OK);
    assert_true(same);
    free(again);
    free(got);
}

static bool same(const char *a, const char *b)
{
    bool s = true;
    assert_int_equal(sp_fmt_same(a, strlen(a), b, strlen(b), &s), SP_FMT_OK);
    return s;
}

static void test_fmt_every_item_kind(void **state)
{
    (void)state;
    formats("policy   \"p\"\nversion \"1.0\"\nsource \"Doc\"\nextends \"base\"\n"
            "reference case_id\nfigures   in force   on assessment_date\n"
            "type band: one of a, b,c   or null\n"
            "fact case_id: text required \"the id\"\n"
            "fact d: date from 2000-01-01 to 2099-12-31 default 2020-01-01 required\n"
            "fact xs: list of money default [1.00,2.00] at most 06\n"
            "output o: money or null \"described\"\n"
            "figure f: money = 10.00 cites \"1\" in \"Other doc\" assume \"why\"\n"
            "figure g: money = 1.00 from 2000-01-01 = 2.50 from 2025-04-07\n"
            "table t: money by band a: 1.00 b: -2.00 cites \"t\"\n"
            "table u: money by band from 2000-01-01 a: 1.00 b: 2.00 from 2025-01-01 a: 3.00 b: 4.00\n"
            "value v: money = a + b cites \"v\"\n"
            "rule r for o cites \"r\" when a: 1.00 assume \"x\" otherwise: 2.00\n"
            "rule r2 replaces base_rule = [a when b, c] cites \"r2\"\n"
            "example \"e\" given case_id = \"x\" d = 2020-01-01 expect o = -1.50\n"
            "example \"nothing given\" given expect o = null\n",
            "policy \"p\"\nversion \"1.0\"\nsource \"Doc\"\nextends \"base\"\n"
            "reference case_id\nfigures in force on assessment_date\n"
            "type band: one of a, b, c or null\n"
            "fact case_id: text required\n  \"the id\"\n"
            "fact d: date required default 2020-01-01 from 2000-01-01 to 2099-12-31\n"
            "fact xs: list of money default [1.00, 2.00] at most 06\n"
            "output o: money or null\n  \"described\"\n"
            "figure f: money = 10.00\n  cites \"1\" in \"Other doc\"\n  assume \"why\"\n"
            "\n"
            "figure g: money\n  = 1.00 from 2000-01-01\n  = 2.50 from 2025-04-07\n"
            "\n"
            "table t: money by band\n  a: 1.00\n  b: -2.00\n  cites \"t\"\n"
            "\n"
            "table u: money by band\n  from 2000-01-01\n    a: 1.00\n    b: 2.00\n"
            "  from 2025-01-01\n    a: 3.00\n    b: 4.00\n"
            "\n"
            "value v: money\n  cites \"v\"\n  = a + b\n"
            "\n"
            "rule r for o\n  cites \"r\"\n  when a: 1.00\n    assume \"x\"\n  otherwise: 2.00\n"
            "\n"
            "rule r2 replaces base_rule\n  cites \"r2\"\n  = [a when b, c]\n"
            "\n"
            "example \"e\"\n  given\n    case_id = \"x\"\n    d = 2020-01-01\n  expect\n    o = -1.50\n"
            "\n"
            "example \"nothing given\"\n  given\n  expect\n    o = null\n");
}

static void test_fmt_blank_lines(void **state)
{
    (void)state;
    /* Runs of blank lines become one; one-line declarations keep their
    ** groups (an output may stand right above its rule); a blank line
    ** follows a rule; nothing leads or trails. */
    formats("\n\n\nfact a: bool required\nfact b: bool required\n\n\n\nfact c: bool required\n"
            "output o: bool\nrule r for o\n  cites \"x\"\n  = a\nrule s for p\n  cites \"x\"\n  = b\n\n\n",
            "fact a: bool required\nfact b: bool required\n\nfact c: bool required\n"
            "output o: bool\nrule r for o\n  cites \"x\"\n  = a\n\nrule s for p\n  cites \"x\"\n  = b\n");
    formats("", "");
    formats("\n\n", "");
    formats("# only\n\n\n# comments\n", "# only\n\n# comments\n");
}

static void test_fmt_comments_kept_in_place(void **state)
{
    (void)state;
    /* A comment block stays attached to the item after it; end-of-line
    ** comments end the same line; own-line comments inside an item take the
    ** indentation of the line they come before. */
    formats("# Section\n\n# About r.\nrule r for o # the output\n"
            "  cites \"x\" # why\n"
            "  # the first case\n"
            "  when a: b\n"
            "    # its value's cite\n"
            "    cites \"y\"\n"
            "  otherwise: c # the rest\n"
            "# Trailing.\n",
            "# Section\n\n# About r.\nrule r for o # the output\n"
            "  cites \"x\" # why\n"
            "  # the first case\n"
            "  when a: b\n"
            "    # its value's cite\n"
            "    cites \"y\"\n"
            "  otherwise: c # the rest\n"
            "# Trailing.\n");
    /* Inside an expression a comment breaks the line it ends; the chain it is
    ** in is laid out one operand a line. */
    formats("value v: bool = a # first\n and b\n",
            "value v: bool\n  = a # first\n      and b\n");
    formats("value v: bool = f(a, # one\n b)\n",
            "value v: bool\n  = f(a, # one\n      b)\n");
    formats("example \"e\"\n  given\n    # the case\n    a = 1\n  # now\n  expect\n    b = 2 # two\n",
            "example \"e\"\n  given\n    # the case\n    a = 1\n  # now\n  expect\n    b = 2 # two\n");
    /* Trailing white space of a comment goes; tabs and text stay. */
    formats("#\tcomment   \n# x\r\nfact a: bool required\n", "#\tcomment\n# x\nfact a: bool required\n");
}

static void test_fmt_comment_after_comment_stays_apart(void **state)
{
    (void)state;
    /* Two comments after one token: the second gets a line of its own
    ** rather than joining the first. */
    char *got = fmt("fact a: bool # one\n# two\n required\nfact b: bool required\n");
    assert_string_equal(got,
                        "fact a: bool # one\n    # two\n    required\nfact b: bool required\n");
    char *again = fmt(got);
    assert_string_equal(again, got);
    free(again);
    free(got);
}

/* A comment stays before the token it came before: in a `one of` list (one
** value a line then) and before a fact's option, not after the next item's. */
static void test_fmt_comments_keep_their_token(void **state)
{
    (void)state;
    formats("type category: one of\n  none, # nothing applies\n  education_training, # para 4.1\n"
            "  planned_move_on # para 4.2\nfact k: category required\n",
            "type category: one of\n  none, # nothing applies\n  education_training, # para 4.1\n"
            "  planned_move_on # para 4.2\nfact k: category required\n");
    formats("type c: one of # the kinds\n a,\n# the second\n b or null\n",
            "type c: one of # the kinds\n  a,\n  # the second\n  b or null\n");
    formats("type c: one of a,b\n", "type c: one of a, b\n");
    formats("fact d: date default 2020-01-01 # on default\n  from 2000-01-01 to 2099-12-31\n",
            "fact d: date default 2020-01-01 # on default\n    from 2000-01-01 to 2099-12-31\n");
    formats("fact d: date required # r\n default # d\n 2020-01-01\n",
            "fact d: date required # r\n    default # d\n    2020-01-01\n");
    /* after the keyword of a rule's target, a cite, a table's key, a row or a given */
    formats(
        "rule r # c\n for o\n  cites # a\n \"x\" in # b\n \"Doc\"\n  otherwise: 1\n\n"
        "table t: money # t\n by band\n  a: # e\n 1.00\n\n"
        "example \"e\"\n  given\n    a # g\n = 1\n  expect\n    o = 1\n",
        "rule r # c\n    for o\n  cites # a\n      \"x\" in # b\n      \"Doc\"\n  otherwise: 1\n\n"
        "table t: money # t\n    by band\n  a: # e\n      1.00\n\n"
        "example \"e\"\n  given\n    a # g\n        = 1\n  expect\n    o = 1\n");
    formats("fact n: list of money required # r\n at most 3 # m\n \"n\"\n",
            "fact n: list of money required # r\n    at most 3 # m\n  \"n\"\n");
}

/* Formatting what fmt gives changes nothing, with comments just inside
** parentheses; and a comment after a list's bracket does not push the
** first element further in than the others. */
static void test_fmt_comment_in_parentheses_is_stable(void **state)
{
    (void)state;
    formats("value v: money = min(( # c\na - 1) / 2, 3)\n",
            "value v: money\n  = min(( # c\n         a - 1)\n            / 2,\n        3)\n");
    formats("value v: money = ( # why\n a + b) * c\n",
            "value v: money\n  = ( # why\n     a + b)\n      * c\n");
    formats("fact xs: list of money default [ # c\n 1.00, # x\n 2.00 ]\n",
            "fact xs: list of money default [ # c\n                                1.00, # x\n"
            "                                2.00]\n");
    formats("value v: money = f( # c\n a, b)\n",
            "value v: money\n  = f( # c\n      a,\n      b)\n");
}

static void test_fmt_parentheses_and_precedence(void **state)
{
    (void)state;
    /* Parentheses written are kept (once); those the tree needs are there. */
    formats("value v: money = (a + b) * c - (d - e) + -(f) + ((g))\n",
            "value v: money\n  = (a + b) * c - (d - e) + -(f) + (g)\n");
    formats("value v: bool = not (a and b) or (if a then b else c) = d\n",
            "value v: bool\n  = not (a and b) or (if a then b else c) = d\n");
    formats("value v: bool = if a then b else c or d\n", "value v: bool\n  = if a then b else c or d\n");
    formats("value v: money = - - 1 - -2\n", "value v: money\n  = - -1 - -2\n");
    /* `is`, `before` and the others as written; `is not one of` too. */
    formats("value v: bool = a is   not b and c  on   or after d and e is not one of (f) and g before h\n",
            "value v: bool\n  = a is not b\n      and c on or after d\n      and e is not one of (f)\n"
            "      and g before h\n");
    formats("value v: bool = not e is one of (f, g)\n", "value v: bool\n  = not e is one of (f, g)\n");
    /* A comment between `is` and `not` makes them two words: `is (not b)`,
    ** which the parentheses keep so. */
    formats("value v: bool = a is # c\n not b\n", "value v: bool\n  = a\n      is # c\n      (not b)\n");
    /* Parentheses added: a comment after the operand stays after them. */
    formats("value v: bool = a != not b # c\n and d\n", "value v: bool\n  = a != (not b) # c\n      and d\n");
    formats("value v: money = (x rounded to penny half up) + 1 rounded to pound down\n",
            "value v: money\n  = (x rounded to penny half up) + 1 rounded to pound down\n");
    formats("value v: date = 21st birthday of (d) + 6 months - 1 day\n",
            "value v: date\n  = 21st birthday of (d) + 6 months - 1 day\n");
    formats("value v: date = first   30 September on or after t[k]\n",
            "value v: date\n  = first 30 September on or after t[k]\n");
}

static void test_fmt_texts_and_numbers_as_written(void **state)
{
    (void)state;
    formats("figure f: money = 10.00 cites \"a \\\"b\\\" \\\\ c\\td\\n\" in \"x\\ty\"\n"
            "fact t: text default \"tab\there\" \"q\\\"\"\n"
            "value n: bool = 0.50 = 000.5 and 007 days = 1 week\n",
            "figure f: money = 10.00\n  cites \"a \\\"b\\\" \\\\ c\\td\\n\" in \"x\\ty\"\n"
            "\n"
            "fact t: text default \"tab\there\"\n  \"q\\\"\"\n"
            "value n: bool\n  = 0.50 = 000.5 and 007 days = 1 week\n");
}

static void test_fmt_long_lines_break(void **state)
{
    (void)state;
    /* More than three conditions: one a line, continued 4 further in. */
    formats("rule r for o\n  cites \"x\"\n  = a and b and c and d\n",
            "rule r for o\n  cites \"x\"\n  = a\n      and b\n      and c\n      and d\n");
    formats("rule r for o\n  cites \"x\"\n  when a and b and c and d: e\n  otherwise: f\n",
            "rule r for o\n  cites \"x\"\n  when a\n      and b\n      and c\n      and d:\n    e\n"
            "  otherwise: f\n");
    /* Inside parentheses the operators line up under the first operand. */
    formats("rule r for o\n  cites \"x\"\n  when a and (b or c or d or e): f\n  otherwise: g\n",
            "rule r for o\n  cites \"x\"\n  when a\n      and (b\n           or c\n           or d\n           or e):\n"
            "    f\n  otherwise: g\n");
    /* A value that does not fit after its condition takes its own line; a
    ** group that does not fit takes one element a line, lined up. */
    formats("rule r for o\n  cites \"x\"\n"
            "  when education.going_to_university: min(first 30 September on or after "
            "education.course_end_date, twenty_first_birthday)\n"
            "  otherwise: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, "
            "cccccccccccccccccccccccccccccccccccc]\n",
            "rule r for o\n  cites \"x\"\n"
            "  when education.going_to_university:\n"
            "    min(first 30 September on or after education.course_end_date, twenty_first_birthday)\n"
            "  otherwise:\n"
            "    [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,\n"
            "     bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,\n"
            "     cccccccccccccccccccccccccccccccccccc]\n");
    formats("value v: money = (flat_contribution + min((mean_weekly_income - jsa_rate) / 2, "
            "contribution_cap)) rounded to penny half up\n",
            "value v: money\n"
            "  = (flat_contribution + min((mean_weekly_income - jsa_rate) / 2, contribution_cap))\n"
            "      rounded to penny half up\n");
    /* Too long even so: the parenthesised chain breaks too. */
    formats("value v: money = (aaaaaaaaaaaaaaaaaaaaaaaaa + min((bbbbbbbbbbbbbbbbbbbbbbbbb - ccccccccc) / 2, "
            "dddddddddddddddddd)) rounded to penny half up\n",
            "value v: money\n"
            "  = (aaaaaaaaaaaaaaaaaaaaaaaaa\n"
            "     + min((bbbbbbbbbbbbbbbbbbbbbbbbb - ccccccccc) / 2, dddddddddddddddddd))\n"
            "      rounded to penny half up\n");
}

static void test_fmt_rejects_what_does_not_read(void **state)
{
    (void)state;
    sp_buf out, r;
    sp_buf_init(&out);
    sp_buf_init(&r);
    sp_diags d;
    sp_diags_init(&d);
    const char *bad = "policy \"p\"\nrule r for o\n  when a b: c\n";
    assert_int_equal(sp_fmt_text("t.sp", bad, strlen(bad), &out, &d, NULL), SP_FMT_ERRORS);
    assert_int_equal(out.len, 0);
    sp_diags_render(&d, &r);
    assert_string_equal(r.data, "t.sp:3:10: error[E0100]: unexpected name here\n"
                                " 3 |   when a b: c\n"
                                "   |          ^\n");
    sp_diags_fini(&d);
    sp_buf_clear(&r);

    /* Deeper than the checker allows: not formatted either (E0105). */
    sp_diags_init(&d);
    char deep[4096] = "value v: bool = a";
    for (int i = 0; i < 300; i++)
        strcat(deep, " and a");
    strcat(deep, "\n");
    assert_int_equal(sp_fmt_text("t.sp", deep, strlen(deep), &out, &d, NULL), SP_FMT_ERRORS);
    assert_int_equal(out.len, 0);
    sp_diags_render(&d, &r);
    assert_non_null(strstr(r.data, "error[E0105]: this expression nests more than 256 deep"));
    sp_diags_fini(&d);
    sp_buf_fini(&r);
    sp_buf_fini(&out);
}

static void test_fmt_same_tells_differences(void **state)
{
    (void)state;
    assert_true(same("value v: bool = a and b # c\n", "value v: bool\n  = a and b # c\n"));
    assert_true(same("value v: bool = (a and b)\n", "value v: bool = a and b\n"));
    assert_false(same("value v: bool = a and b\n", "value v: bool = a or b\n"));
    assert_false(same("value v: money = (a + b) * c\n", "value v: money = a + b * c\n"));
    assert_false(same("figure f: money = 10.00\n", "figure f: money = 10.0\n"));
    assert_false(same("fact t: text default \"a\\tb\"\n", "fact t: text default \"a\tb\"\n"));
    assert_false(same("figure f: money = 1.00 cites \"a\\tb\"\n", "figure f: money = 1.00 cites \"a\tb\"\n"));
    assert_false(same("value v: bool = a # one\n", "value v: bool = a # two\n"));
    assert_false(same("value v: bool = a # one\n", "value v: bool = a\n"));
    assert_false(same("value v: bool = a\n", "value v: bool = a\nvalue w: bool = a\n"));
    assert_false(same("value v: bool = a\n", "value v: bool = a b\n"));
    assert_false(same("value v: money = 1 rounded to penny up\n", "value v: money = 1 rounded to penny down\n"));
    /* What the tree keeps once: a fact's option given twice. */
    assert_false(same("fact a: text required \"one\" \"two\"\n", "fact a: text required\n  \"two\"\n"));
    assert_false(same("fact b: bool default true default false\n", "fact b: bool default false\n"));
    assert_true(same("fact b: bool default false required\n", "fact b: bool required default false\n"));
    assert_true(same("fact n: list of money at most 007\n", "fact n: list of money\n at most 007\n"));
    assert_false(same("fact n: list of money at most 007\n", "fact n: list of money at most 7\n"));
    /* A comment that moves across code reads differently. */
    assert_false(same("value v: bool = a # c\n and b\n", "value v: bool = a and # c\n b\n"));
    assert_false(same("type t: one of a, # c\n b\n", "type t: one of a, b # c\n"));
    assert_false(same("fact d: date default 2020-01-01 # c\n from 2000-01-01 to 2001-01-01\n",
                      "fact d: date default 2020-01-01 from # c\n 2000-01-01 to 2001-01-01\n"));
    assert_true(same("value v: money = ( # c\n a)\n", "value v: money = # c\n a\n"));
}

/* A file whose layout would lose something is left alone: nothing out. */
static void test_fmt_refuses_to_lose_text(void **state)
{
    (void)state;
    const char *dup = "fact c: text required\nfact a: text required \"one\" \"two\"\n";
    sp_buf out;
    sp_buf_init(&out);
    sp_diags d;
    sp_diags_init(&d);
    size_t line = 0;
    assert_int_equal(sp_fmt_text("t.sp", dup, strlen(dup), &out, &d, &line), SP_FMT_UNSAFE);
    assert_int_equal(out.len, 0);
    assert_int_equal(line, 2);
    assert_int_equal(d.count, 0);
    /* A fact's options written out of order, a comment between them: in the
    ** canonical order the comment would come before other code. */
    const char *moved = "fact d: date default 2020-01-01 # c\n  required\n";
    assert_int_equal(sp_fmt_text("t.sp", moved, strlen(moved), &out, &d, &line), SP_FMT_UNSAFE);
    assert_int_equal(out.len, 0);
    sp_diags_fini(&d);
    sp_buf_fini(&out);
}

/* Every bundled rule file and the bench policy: formatting twice changes
** nothing more than formatting once, and what it gives reads the same. */
static void test_fmt_idempotent_on_bundled_files(void **state)
{
    (void)state;
    static const char *const dirs[] = {
        "rules/england", "rules/west-berkshire", "rules/calderdale", "rules/england-ifa-protocol",
        "tools/bench/policy",
    };
    size_t files = 0;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", STAYPUT_SOURCE_DIR, dirs[i]);
        DIR *d = opendir(dir);
        assert_non_null(d);
        struct dirent *ent;
        while ((ent = readdir(d))) {
            size_t n = strlen(ent->d_name);
            if (n < 4 || strcmp(ent->d_name + n - 3, ".sp") != 0)
                continue;
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
            sp_buf text;
            sp_buf_init(&text);
            assert_true(sp_buf_read_file(&text, path));
            char *once = fmt(text.data);
            char *twice = fmt(once);
            if (strcmp(once, twice) != 0)
                print_error("not idempotent: %s\n", path);
            assert_string_equal(once, twice);
            assert_true(same(text.data, once));
            free(twice);
            free(once);
            sp_buf_fini(&text);
            files++;
        }
        closedir(d);
    }
    assert_true(files >= 30);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fmt_every_item_kind),
        cmocka_unit_test(test_fmt_blank_lines),
        cmocka_unit_test(test_fmt_comments_kept_in_place),
        cmocka_unit_test(test_fmt_comment_after_comment_stays_apart),
        cmocka_unit_test(test_fmt_comments_keep_their_token),
        cmocka_unit_test(test_fmt_comment_in_parentheses_is_stable),
        cmocka_unit_test(test_fmt_parentheses_and_precedence),
        cmocka_unit_test(test_fmt_texts_and_numbers_as_written),
        cmocka_unit_test(test_fmt_long_lines_break),
        cmocka_unit_test(test_fmt_rejects_what_does_not_read),
        cmocka_unit_test(test_fmt_same_tells_differences),
        cmocka_unit_test(test_fmt_refuses_to_lose_text),
        cmocka_unit_test(test_fmt_idempotent_on_bundled_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
