/*
** Loading a policy from text in memory (sp_policy_load_text), as the fuzz
** targets do: the policies it extends are found beside its folder.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stayput.h"

#ifndef STAYPUT_SOURCE_DIR
#error "STAYPUT_SOURCE_DIR must name the source tree"
#endif

#define RULES STAYPUT_SOURCE_DIR "/rules"

static sp_policy *load_text(const char *text, sp_diags *d, sp_buf *rendered)
{
    const char *search[] = { RULES };
    bool oom = true;
    sp_diags_init(d);
    sp_buf_init(rendered);
    sp_policy *p = sp_policy_load_text(RULES "/in-memory", "policy.sp", text, strlen(text), search, 1,
                                       d, &oom);
    assert_false(oom);
    sp_diags_render(d, rendered);
    return p;
}

static void test_policy_load_text_extends_beside(void **state)
{
    (void)state;
    sp_diags d;
    sp_buf out;
    sp_policy *p = load_text("policy \"x\"\nextends \"england\"\nversion \"1\"\nsource \"S\"\n", &d,
                             &out);
    assert_non_null(p);
    assert_int_equal(d.count, 0);
    assert_string_equal(sp_policy_name(p), "x");
    sp_policy_free(p);
    sp_buf_fini(&out);
    sp_diags_fini(&d);
}

static void test_policy_load_text_errors_name_the_file(void **state)
{
    (void)state;
    sp_diags d;
    sp_buf out;
    sp_policy *p = load_text("policy \"x\"\nfact a: bool required\nrule r: o = a and\n", &d, &out);
    assert_null(p);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(out.data, "/rules/in-memory/policy.sp:3:7: error[E0100]: "));
    sp_buf_fini(&out);
    sp_diags_fini(&d);
}

static void test_policy_load_text_empty(void **state)
{
    (void)state;
    sp_diags d;
    sp_buf out;
    sp_policy *p = load_text("", &d, &out);
    assert_null(p);
    assert_non_null(strstr(out.data, "error[E0411]: no rule file in this folder says"));
    sp_buf_fini(&out);
    sp_diags_fini(&d);
}

/* The text need not end in a NUL: exactly len bytes are read. */
static void test_policy_load_text_reads_len_bytes(void **state)
{
    (void)state;
    const char text[] = "policy \"x\"\nversion \"1\"\nsource \"S\"\n@@@";
    const char *search[] = { RULES };
    sp_diags d;
    sp_diags_init(&d);
    bool oom = true;
    sp_policy *p = sp_policy_load_text(RULES "/in-memory", "policy.sp", text, strlen(text) - 3,
                                       search, 1, &d, &oom);
    assert_non_null(p);
    assert_false(oom);
    sp_policy_free(p);
    sp_diags_fini(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_policy_load_text_extends_beside),
        cmocka_unit_test(test_policy_load_text_errors_name_the_file),
        cmocka_unit_test(test_policy_load_text_empty),
        cmocka_unit_test(test_policy_load_text_reads_len_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
