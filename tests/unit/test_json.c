/*
** Unit tests for the strict JSON reader (src/json.c).
*/
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"

static sp_arena arena;
static sp_json_error err;

static int setup(void **state)
{
    (void)state;
    sp_arena_init(&arena, 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sp_arena_fini(&arena);
    return 0;
}

static sp_json *parse_n(const char *text, size_t len)
{
    return sp_json_parse(&arena, text, len, &err);
}

static sp_json *parse(const char *text)
{
    return parse_n(text, strlen(text));
}

static void expect_error(const char *text, sp_json_error_kind kind, size_t offset)
{
    sp_json *v = parse(text);
    if (v || err.kind != kind || err.offset != offset)
        fail_msg("%s: got kind %d offset %zu (%s), want kind %d offset %zu",
                 text, (int)err.kind, err.offset, err.message, (int)kind, offset);
}

static const sp_json *member(const sp_json *obj, const char *key)
{
    for (size_t i = 0; i < obj->n_members; i++)
        if (strcmp(obj->members[i].key, key) == 0)
            return obj->members[i].value;
    return NULL;
}

static void test_json_scalars(void **state)
{
    (void)state;
    sp_json *v = parse("null");
    assert_non_null(v);
    assert_int_equal(v->kind, SP_JSON_NULL);
    v = parse(" true ");
    assert_int_equal(v->kind, SP_JSON_BOOL);
    assert_true(v->boolean);
    assert_int_equal(v->offset, 1);
    v = parse("false");
    assert_int_equal(v->kind, SP_JSON_BOOL);
    assert_false(v->boolean);
    v = parse("\"hi\"");
    assert_int_equal(v->kind, SP_JSON_STRING);
    assert_string_equal(v->str, "hi");
    assert_int_equal(v->len, 2);
    v = parse("\t\r\n\"\"\n");
    assert_int_equal(v->kind, SP_JSON_STRING);
    assert_int_equal(v->len, 0);
    assert_string_equal(v->str, "");
    assert_int_equal(err.kind, SP_JSON_OK);
}

static void test_json_numbers_kept_verbatim(void **state)
{
    (void)state;
    const char *ok[] = {"57.90", "123456789012345678901234567890", "0", "-0", "-12",
                        "0.000", "1e5", "1E+05", "-2.50e-3", "10", "0e0"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        sp_json *v = parse(ok[i]);
        assert_non_null(v);
        assert_int_equal(v->kind, SP_JSON_NUMBER);
        assert_string_equal(v->str, ok[i]);
        assert_int_equal(v->len, strlen(ok[i]));
    }
    sp_json *v = parse("[57.90, 1.0]");
    assert_string_equal(v->items[0]->str, "57.90");
    assert_string_equal(v->items[1]->str, "1.0");
    assert_int_equal(v->items[1]->offset, 8);
}

static void test_json_bad_numbers_rejected(void **state)
{
    (void)state;
    expect_error("01", SP_JSON_ERR_SYNTAX, 0);
    assert_string_equal(err.message, "a number may not have leading zeros");
    expect_error("[-007]", SP_JSON_ERR_SYNTAX, 2);
    expect_error("+1", SP_JSON_ERR_SYNTAX, 0);
    expect_error("-", SP_JSON_ERR_SYNTAX, 1);
    expect_error("1.", SP_JSON_ERR_SYNTAX, 2);
    expect_error(".5", SP_JSON_ERR_SYNTAX, 0);
    expect_error("1e", SP_JSON_ERR_SYNTAX, 2);
    expect_error("1e+", SP_JSON_ERR_SYNTAX, 3);
    expect_error("0x10", SP_JSON_ERR_SYNTAX, 1);
    expect_error("NaN", SP_JSON_ERR_SYNTAX, 0);
    assert_string_equal(err.message, "expected a JSON value, found 'NaN'");
    expect_error("[1, Infinity]", SP_JSON_ERR_SYNTAX, 4);
    expect_error("-Infinity", SP_JSON_ERR_SYNTAX, 1);
}

static void test_json_nested_members_in_input_order(void **state)
{
    (void)state;
    const char *text =
        "{\"young_person\": {\"name\": \"Ann\", \"age\": 16, \"flags\": [true, null]},"
        " \"b\": [], \"a\": {}}";
    sp_json *v = parse(text);
    assert_non_null(v);
    assert_int_equal(v->kind, SP_JSON_OBJECT);
    assert_int_equal(v->n_members, 3);
    assert_string_equal(v->members[0].key, "young_person");
    assert_int_equal(v->members[0].key_offset, 1);
    assert_string_equal(v->members[1].key, "b");
    assert_string_equal(v->members[2].key, "a");
    const sp_json *yp = v->members[0].value;
    assert_int_equal(yp->kind, SP_JSON_OBJECT);
    assert_int_equal(yp->offset, 17);
    assert_int_equal(yp->n_members, 3);
    assert_string_equal(yp->members[0].key, "name");
    assert_string_equal(yp->members[1].key, "age");
    assert_string_equal(yp->members[2].key, "flags");
    assert_string_equal(member(yp, "age")->str, "16");
    const sp_json *flags = member(yp, "flags");
    assert_int_equal(flags->kind, SP_JSON_ARRAY);
    assert_int_equal(flags->n_items, 2);
    assert_int_equal(flags->items[0]->kind, SP_JSON_BOOL);
    assert_int_equal(flags->items[1]->kind, SP_JSON_NULL);
    assert_int_equal(member(v, "b")->n_items, 0);
    assert_int_equal(member(v, "a")->n_members, 0);

    /* Exactly the nesting limit is fine. */
    char deep[2 * SP_JSON_MAX_DEPTH + 1];
    memset(deep, '[', SP_JSON_MAX_DEPTH);
    memset(deep + SP_JSON_MAX_DEPTH, ']', SP_JSON_MAX_DEPTH);
    assert_non_null(parse_n(deep, 2 * SP_JSON_MAX_DEPTH));
}

static void test_json_escapes_and_surrogate_pairs(void **state)
{
    (void)state;
    sp_json *v = parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"");
    assert_non_null(v);
    assert_string_equal(v->str, "a\"b\\c/d\b\f\n\r\t");
    v = parse("\"\\u0041\\u00e9\\u20AC\\ud83d\\ude00\"");
    assert_non_null(v);
    assert_string_equal(v->str, "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    v = parse("\"x\\u0000y\"");
    assert_int_equal(v->len, 3);
    assert_memory_equal(v->str, "x\0y", 3);
    v = parse("{\"k\\u00e9y\": 1}");
    assert_string_equal(v->members[0].key, "k\xc3\xa9y");
    assert_int_equal(v->members[0].key_len, 4);
    /* Raw multibyte UTF-8 passes through unchanged. */
    v = parse("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\"");
    assert_string_equal(v->str, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf");
}

static void test_json_bad_strings_rejected(void **state)
{
    (void)state;
    expect_error("\"abc", SP_JSON_ERR_SYNTAX, 0);
    assert_string_equal(err.message, "unterminated string");
    expect_error("[\"a\\q\"]", SP_JSON_ERR_SYNTAX, 3);
    assert_string_equal(err.message, "invalid escape '\\q' in string");
    expect_error("\"a\nb\"", SP_JSON_ERR_SYNTAX, 2);
    expect_error("\"\\u12g4\"", SP_JSON_ERR_SYNTAX, 1);
    expect_error("\"ab\\ud800\"", SP_JSON_ERR_SYNTAX, 3);
    expect_error("\"\\ud800\\u0041\"", SP_JSON_ERR_SYNTAX, 1);
    expect_error("\"\\udc00\"", SP_JSON_ERR_SYNTAX, 1);
    expect_error("\"\\ud800x\"", SP_JSON_ERR_SYNTAX, 1);
    expect_error("'single'", SP_JSON_ERR_SYNTAX, 0);
}

static void test_json_invalid_utf8_rejected(void **state)
{
    (void)state;
    const char *bad[] = {
        "\"a\x80\"",             /* stray continuation byte */
        "\"a\xc0\xaf\"",         /* overlong '/' */
        "\"a\xe0\x80\xaf\"",     /* overlong, 3 bytes */
        "\"a\xf0\x80\x80\xaf\"", /* overlong, 4 bytes */
        "\"a\xed\xa0\x80\"",     /* U+D800 encoded directly */
        "\"a\xf4\x90\x80\x80\"", /* above U+10FFFF */
        "\"a\xc3\"",             /* truncated */
        "\"a\xe2\x82\"",         /* truncated */
        "\"a\xff\"",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        expect_error(bad[i], SP_JSON_ERR_SYNTAX, 2);
        assert_string_equal(err.message, "invalid UTF-8 in string");
    }
    expect_error("\"a\xc3", SP_JSON_ERR_SYNTAX, 2);
    expect_error("\xc3\xa9", SP_JSON_ERR_SYNTAX, 0);
}

static void test_json_syntax_errors_with_offsets(void **state)
{
    (void)state;
    expect_error("{\"a\": 1 x}", SP_JSON_ERR_SYNTAX, 8);
    assert_string_equal(err.message, "expected ',' or '}' after an object member, found 'x'");
    expect_error("{\"a\" 1}", SP_JSON_ERR_SYNTAX, 5);
    expect_error("{a: 1}", SP_JSON_ERR_SYNTAX, 1);
    expect_error("{", SP_JSON_ERR_SYNTAX, 1);
    assert_non_null(strstr(err.message, "end of input"));
    expect_error("[1 2]", SP_JSON_ERR_SYNTAX, 3);
    expect_error("[1", SP_JSON_ERR_SYNTAX, 2);
    expect_error("[,]", SP_JSON_ERR_SYNTAX, 1);
    expect_error("tru", SP_JSON_ERR_SYNTAX, 0);
    expect_error("nulL", SP_JSON_ERR_SYNTAX, 0);
    expect_error("1 2", SP_JSON_ERR_SYNTAX, 2);
    assert_string_equal(err.message, "unexpected text after the JSON value");
    expect_error("{} x", SP_JSON_ERR_SYNTAX, 3);
    expect_error("[1] /* c */", SP_JSON_ERR_SYNTAX, 4);
    expect_error("[\x01]", SP_JSON_ERR_SYNTAX, 1);
    assert_string_equal(err.message, "expected a JSON value, found byte 0x01");
    expect_error("\f1", SP_JSON_ERR_SYNTAX, 0);
}

static void test_json_trailing_comma_rejected(void **state)
{
    (void)state;
    expect_error("[1,]", SP_JSON_ERR_SYNTAX, 3);
    expect_error("[1, ]", SP_JSON_ERR_SYNTAX, 4);
    expect_error("{\"a\": 1,}", SP_JSON_ERR_SYNTAX, 8);
    assert_string_equal(err.message,
                        "expected a string key after ',' in an object, found '}'");
}

static void test_json_empty_is_empty(void **state)
{
    (void)state;
    expect_error("", SP_JSON_ERR_EMPTY, 0);
    expect_error(" \t\r\n ", SP_JSON_ERR_EMPTY, 5);
    expect_error("\xef\xbb\xbf ", SP_JSON_ERR_EMPTY, 4);
    assert_null(sp_json_parse(&arena, NULL, 0, &err));
    assert_int_equal(err.kind, SP_JSON_ERR_EMPTY);
}

static void test_json_bom_accepted(void **state)
{
    (void)state;
    sp_json *v = parse("\xef\xbb\xbf{\"a\": 1}");
    assert_non_null(v);
    assert_int_equal(v->offset, 3);
    assert_string_equal(v->members[0].value->str, "1");
    /* Only at the very start. */
    expect_error(" \xef\xbb\xbf{}", SP_JSON_ERR_SYNTAX, 1);
}

static void test_json_duplicate_key_paths(void **state)
{
    (void)state;
    expect_error("{\"a\": 1, \"a\": 2}", SP_JSON_ERR_DUPLICATE, 9);
    assert_string_equal(err.path, "a");

    const char *nested = "{\"young_person\": {\"date_of_birth\": \"2008-01-01\", "
                         "\"name\": \"x\", \"date_of_birth\": \"2008-01-02\"}}";
    expect_error(nested, SP_JSON_ERR_DUPLICATE,
                 (size_t)(strstr(nested, "\"name\": \"x\", ") + 13 - nested));
    assert_string_equal(err.path, "young_person.date_of_birth");

    const char *in_array = "{\"a\": [{\"b\": 1}, {\"b\": 1, \"b\": 2}]}";
    expect_error(in_array, SP_JSON_ERR_DUPLICATE, 26);
    assert_string_equal(err.path, "a[1].b");

    expect_error("[0, [1, {\"x\": {\"y\": 1, \"y\": 1}}]]", SP_JSON_ERR_DUPLICATE, 23);
    assert_string_equal(err.path, "[1][1].x.y");

    /* The earliest second occurrence is reported. */
    expect_error("{\"p\":1,\"q\":1,\"q\":1,\"p\":1}", SP_JSON_ERR_DUPLICATE, 13);
    assert_string_equal(err.path, "q");

    /* Keys differing only after an escaped NUL are distinct. */
    assert_non_null(parse("{\"a\\u0000b\": 1, \"a\\u0000c\": 2, \"a\": 3}"));
    /* Same key in sibling objects is fine. */
    assert_non_null(parse("[{\"a\": 1}, {\"a\": 2}]"));
}

/* Builds {"k0":0,"k1":1,...} with n members; dup >= 0 repeats key dup last. */
static char *big_object(size_t n, long dup, size_t *len)
{
    char *s = malloc(n * 24 + 64);
    assert_non_null(s);
    size_t o = 0;
    s[o++] = '{';
    for (size_t i = 0; i < n; i++)
        o += (size_t)sprintf(s + o, "%s\"k%zu\":%zu", i ? "," : "", i, i);
    if (dup >= 0)
        o += (size_t)sprintf(s + o, ",\"k%ld\":0", dup);
    s[o++] = '}';
    s[o] = '\0';
    *len = o;
    return s;
}

/* 100,000 members, every key checked for a duplicate (by sorting, not pair
** by pair; the time is measured by hand, never in a test). */
static void test_json_large_object(void **state)
{
    (void)state;
    size_t len;
    char *text = big_object(100000, -1, &len);
    sp_json *v = parse_n(text, len);
    assert_non_null(v);
    assert_int_equal(v->n_members, 100000);
    assert_string_equal(v->members[99999].key, "k99999");
    assert_string_equal(v->members[99999].value->str, "99999");
    free(text);

    text = big_object(100000, 5, &len);
    expect_error(text, SP_JSON_ERR_DUPLICATE, (size_t)(strrchr(text, ',') + 1 - text));
    assert_string_equal(err.path, "k5");
    free(text);

    /* A large array goes through the same scratch stack. */
    char *arr = malloc(200001);
    assert_non_null(arr);
    arr[0] = '[';
    for (size_t i = 0; i < 100000; i++) {
        arr[1 + 2 * i] = '0';
        arr[2 + 2 * i] = i + 1 < 100000 ? ',' : ']';
    }
    v = parse_n(arr, 200001);
    assert_non_null(v);
    assert_int_equal(v->n_items, 100000);
    free(arr);
}

static void test_json_deep_nesting_is_depth_error(void **state)
{
    (void)state;
    size_t n = 100000;
    char *text = malloc(n);
    assert_non_null(text);
    memset(text, '[', n);
    assert_null(parse_n(text, n));
    assert_int_equal(err.kind, SP_JSON_ERR_DEPTH);
    assert_int_equal(err.offset, SP_JSON_MAX_DEPTH);
    for (size_t i = 0; i + 5 <= n; i += 5)
        memcpy(text + i, "{\"\":[", 5);
    assert_null(parse_n(text, n));
    assert_int_equal(err.kind, SP_JSON_ERR_DEPTH);
    assert_int_equal(err.offset, 5 * (SP_JSON_MAX_DEPTH / 2));
    free(text);
}

static void test_json_line_col(void **state)
{
    (void)state;
    const char *t = "{\n  \"a\": 1,\r\n  x\n}";
    size_t line, col;
    sp_json_line_col(t, strlen(t), 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    expect_error(t, SP_JSON_ERR_SYNTAX, 15);
    sp_json_line_col(t, strlen(t), err.offset, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 3);
    sp_json_line_col(t, strlen(t), 1000, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 2);
}

static void test_json_oom_is_reported(void **state)
{
    (void)state;
    /* A first block of a given size, then a block size no allocation can
    ** satisfy: every arena allocation past the budget fails. */
    const char *text = "{\"a\": [1, 2.5, {\"b\": \"c\\u00e9\"}], \"d\": [true, null]}";
    bool saw_oom = false, saw_ok = false;
    for (size_t budget = 16; budget <= 4096 && !saw_ok; budget += 16) {
        sp_arena a;
        sp_arena_init(&a, budget);
        assert_non_null(sp_arena_alloc(&a, 1));
        a.block_size = SIZE_MAX; /* too big to even ask malloc for */
        sp_json *v = sp_json_parse(&a, text, strlen(text), &err);
        if (v) {
            saw_ok = true;
            assert_int_equal(err.kind, SP_JSON_OK);
        } else {
            saw_oom = true;
            assert_int_equal(err.kind, SP_JSON_ERR_OOM);
        }
        sp_arena_fini(&a);
    }
    assert_true(saw_oom);
    assert_true(saw_ok);
}

/* The string scanner takes eight bytes at a time and jumps to the first
** byte that stops a plain run: each kind of such byte at each place of
** strings of 1..20 bytes, followed by more text, reads as it should. */
static void test_json_string_stops_at_every_place(void **state)
{
    (void)state;
    static const struct {
        const char *in;   /* what is put at the place */
        const char *out;  /* what it decodes to; NULL: an error at the place */
    } kinds[] = {
        { "\\\"", "\"" }, { "\\\\", "\\" }, { "\\n", "\n" }, { "\\u00e9", "\xc3\xa9" },
        { "\xc3\xa9", "\xc3\xa9" }, { "\xe2\x82\xac", "\xe2\x82\xac" }, { "\x7f", "\x7f" },
        { "\x01", NULL }, { "\x1f", NULL }, { "\xff", NULL }, { "\xc3(", NULL },
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t len = 1; len <= 20; len++)
            for (size_t at = 0; at < len; at++) {
                char text[128], want[64];
                size_t n = 0, w = 0;
                text[n++] = '[';
                text[n++] = '"';
                for (size_t i = 0; i < len; i++) {
                    const char *piece = i == at ? kinds[k].in : "a";
                    const char *dec = i == at ? kinds[k].out : "a";
                    memcpy(text + n, piece, strlen(piece));
                    n += strlen(piece);
                    if (dec) {
                        memcpy(want + w, dec, strlen(dec));
                        w += strlen(dec);
                    }
                }
                memcpy(text + n, "\", \"and more text after it\"]", 28);
                n += 28;
                sp_json *v = parse_n(text, n);
                if (!kinds[k].out) {
                    if (v || err.kind != SP_JSON_ERR_SYNTAX || err.offset != 2 + at)
                        fail_msg("kind %zu len %zu at %zu: got offset %zu", k, len, at, err.offset);
                    continue;
                }
                assert_non_null(v);
                assert_int_equal(v->n_items, 2);
                assert_int_equal(v->items[0]->len, w);
                assert_memory_equal(v->items[0]->str, want, w);
                assert_int_equal(v->items[0]->str[w], '\0');
                assert_string_equal(v->items[1]->str, "and more text after it");
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_scalars),
        cmocka_unit_test(test_json_numbers_kept_verbatim),
        cmocka_unit_test(test_json_bad_numbers_rejected),
        cmocka_unit_test(test_json_nested_members_in_input_order),
        cmocka_unit_test(test_json_escapes_and_surrogate_pairs),
        cmocka_unit_test(test_json_bad_strings_rejected),
        cmocka_unit_test(test_json_invalid_utf8_rejected),
        cmocka_unit_test(test_json_syntax_errors_with_offsets),
        cmocka_unit_test(test_json_trailing_comma_rejected),
        cmocka_unit_test(test_json_empty_is_empty),
        cmocka_unit_test(test_json_bom_accepted),
        cmocka_unit_test(test_json_duplicate_key_paths),
        cmocka_unit_test(test_json_large_object),
        cmocka_unit_test(test_json_deep_nesting_is_depth_error),
        cmocka_unit_test(test_json_line_col),
        cmocka_unit_test(test_json_string_stops_at_every_place),
        cmocka_unit_test(test_json_oom_is_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
