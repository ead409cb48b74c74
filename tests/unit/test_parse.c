/*
** Front-end tests: the scanner and parser on rule-file text, directly.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "parse.h"

typedef struct fixture {
    sp_arena arena;
    sp_diags diags;
    sp_item *items;
    sp_buf rendered;
} fixture;

static bool parse(fixture *f, const char *text)
{
    sp_arena_init(&f->arena, 0);
    sp_diags_init(&f->diags);
    sp_buf_init(&f->rendered);
    f->items = NULL;
    sp_source *src = sp_source_new(&f->arena, "t.sp", "t.sp", text, strlen(text));
    assert_non_null(src);
    bool ok = sp_parse_source(&f->arena, src, &f->diags, &f->items) == SP_PARSE_OK;
    sp_diags_render(&f->diags, &f->rendered);
    return ok;
}

static void done(fixture *f)
{
    sp_buf_fini(&f->rendered);
    sp_diags_fini(&f->diags);
    sp_arena_fini(&f->arena);
}

static void test_parse_items_in_order(void **state)
{
    (void)state;
    fixture f;
    assert_true(parse(&f, "policy \"p\"\n"
                          "fact young_person.date_of_birth: date required\n"
                          "output band: one of under_18, 18_19 or null\n"
                          "rule r for band\n"
                          "  cites \"6.1\"\n"
                          "  when 1 < 2: under_18\n"
                          "    assume \"a\"\n"
                          "  otherwise: null\n"));
    sp_item *it = f.items;
    assert_int_equal(it->kind, SP_ITEM_POLICY);
    it = it->next;
    assert_int_equal(it->kind, SP_ITEM_FACT);
    assert_string_equal(it->name, "young_person.date_of_birth");
    assert_true(it->required);
    it = it->next;
    assert_int_equal(it->kind, SP_ITEM_OUTPUT);
    assert_int_equal(it->type->kind, SP_TYPE_ENUM);
    assert_true(it->type->nullable);
    assert_string_equal(it->type->values->next->name, "18_19");
    it = it->next;
    assert_int_equal(it->kind, SP_ITEM_RULE);
    assert_string_equal(it->target, "band");
    assert_non_null(it->branches->cond);
    assert_int_equal(it->branches->annots->kind, SP_ANNOT_ASSUME);
    assert_null(it->branches->next->cond);
    assert_null(it->next);
    done(&f);
}

static void test_parse_precedence(void **state)
{
    (void)state;
    fixture f;
    assert_true(parse(&f, "value v: bool\n  = not a and b or c = 1 + 2 * 3\n"));
    sp_expr *e = f.items->branches->value;
    assert_int_equal(e->kind, SP_EXPR_OR);
    assert_int_equal(e->a->kind, SP_EXPR_AND);
    assert_int_equal(e->a->a->kind, SP_EXPR_NOT);
    assert_int_equal(e->b->kind, SP_EXPR_CMP);
    assert_int_equal(e->b->b->kind, SP_EXPR_ADD);
    assert_int_equal(e->b->b->b->kind, SP_EXPR_MUL);
    done(&f);
}

static void test_parse_rounding_takes_the_whole_expression(void **state)
{
    (void)state;
    fixture f;
    assert_true(parse(&f, "value v: money\n  = 1.00 + 2.005 rounded to penny half up\n"));
    sp_expr *e = f.items->branches->value;
    assert_int_equal(e->kind, SP_EXPR_ROUND);
    assert_int_equal(e->a->kind, SP_EXPR_ADD);
    assert_string_equal(e->round_words->name, "penny");
    done(&f);
}

static void test_parse_words_that_are_one_token(void **state)
{
    (void)state;
    fixture f;
    assert_true(parse(&f, "fact n: whole number default 3\n"
                          "output k: one of none, whole\n"
                          "value v: bool\n  = a is not b and d on or after e\n"));
    assert_int_equal(f.items->type->kind, SP_TYPE_WHOLE);
    assert_string_equal(f.items->next->type->values->next->name, "whole");
    sp_expr *e = f.items->next->next->branches->value;
    assert_int_equal(e->a->op, SP_CMP_NE);
    assert_int_equal(e->b->op, SP_CMP_GE);
    done(&f);
}

static void test_parse_reports_every_syntax_error(void **state)
{
    (void)state;
    fixture f;
    /* Two broken items and a good one between them: both errors, one run. */
    assert_false(parse(&f, "rule a for x\n  cites \"1\"\n  when b c: 1\n  otherwise: 2\n"
                           "fact ok: bool default true\n"
                           "output y: money = 3\n"));
    assert_int_equal(f.diags.count, 2);
    assert_non_null(strstr(f.rendered.data, "t.sp:3:10: error[E0100]"));
    assert_non_null(strstr(f.rendered.data, "t.sp:6:17: error[E0100]"));
    /* the good item between them survived */
    bool found = false;
    for (sp_item *it = f.items; it; it = it->next)
        found |= it->kind == SP_ITEM_FACT && strcmp(it->name, "ok") == 0;
    assert_true(found);
    done(&f);
}

static void test_parse_scanner_errors_point_at_the_byte(void **state)
{
    (void)state;
    fixture f;
    assert_false(parse(&f, "value v: date\n  cites \"x\"\n  = 2025-02-30\n"));
    assert_non_null(strstr(f.rendered.data, "t.sp:3:5: error[E0103]: no such date '2025-02-30'"));
    assert_non_null(strstr(f.rendered.data, "\n   |     ^~~~~~~~~~\n"));
    done(&f);
    assert_false(parse(&f, "value v: text\n  = \"unterminated\n"));
    assert_non_null(strstr(f.rendered.data, "t.sp:2:5: error[E0102]"));
    done(&f);
    assert_false(parse(&f, "value v: text\n  = \"bad \\q escape\"\n"));
    assert_non_null(strstr(f.rendered.data, "t.sp:2:10: error[E0102]: unknown escape '\\q'"));
    done(&f);
}

static void test_parse_stops_after_the_cap(void **state)
{
    (void)state;
    fixture f;
    char text[4096] = "";
    for (int i = 0; i < 100; i++)
        strcat(text, "fact x: ?\n");
    assert_false(parse(&f, text));
    assert_int_equal(f.diags.count, SP_DIAG_MAX);
    assert_non_null(strstr(f.rendered.data, "stopped after 50 errors"));
    done(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_items_in_order),
        cmocka_unit_test(test_parse_precedence),
        cmocka_unit_test(test_parse_rounding_takes_the_whole_expression),
        cmocka_unit_test(test_parse_words_that_are_one_token),
        cmocka_unit_test(test_parse_reports_every_syntax_error),
        cmocka_unit_test(test_parse_scanner_errors_point_at_the_byte),
        cmocka_unit_test(test_parse_stops_after_the_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
