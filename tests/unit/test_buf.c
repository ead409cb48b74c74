/*
** Unit tests for buf.c: the inline appends at the edge of the room there is,
** out of memory sticking, and JSON string escaping at every position of its
** eight-byte scan.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"

/* The escaping as RFC 8259 has it, one byte at a time. */
static void reference_json(const char *s, size_t n, char *out)
{
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': out[o++] = '\\'; out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; out[o++] = '\\'; break;
        case '\n': out[o++] = '\\'; out[o++] = 'n'; break;
        case '\r': out[o++] = '\\'; out[o++] = 'r'; break;
        case '\t': out[o++] = '\\'; out[o++] = 't'; break;
        case '\b': out[o++] = '\\'; out[o++] = 'b'; break;
        case '\f': out[o++] = '\\'; out[o++] = 'f'; break;
        default:
            if (c < 0x20)
                o += (size_t)sprintf(out + o, "\\u%04x", c);
            else
                out[o++] = (char)c;
        }
    }
    out[o++] = '"';
    out[o] = '\0';
}

static void assert_json(const char *s, size_t n)
{
    char want[1024];
    reference_json(s, n, want);
    sp_buf b;
    sp_buf_init(&b);
    assert_true(sp_buf_json_string(&b, s, n));
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    assert_int_equal(b.data[b.len], '\0');
    sp_buf_fini(&b);
}

static void test_buf_json_string_every_byte_every_place(void **state)
{
    (void)state;
    /* Each byte value at each offset of a 1..20-byte run of plain text, so
    ** that it falls in the eight-byte scan and in the tail. */
    char s[32];
    for (int c = 0; c < 256; c++)
        for (size_t len = 1; len <= 20; len++)
            for (size_t at = 0; at < len; at++) {
                memset(s, 'a', len);
                s[at] = (char)c;
                assert_json(s, len);
            }
    assert_json("", 0);
    assert_json("caf\xc3\xa9 \xe2\x82\xac 12.50 \x7f\x80\xff", 19);
    assert_json("\"\"\\\\\n\n\x01\x1f quotes and controls back to back", 36);
}

static void test_buf_appends_at_the_edge(void **state)
{
    (void)state;
    sp_buf b;
    sp_buf_init(&b);
    assert_true(sp_buf_putc(&b, 'x'));   /* from nothing: the slow path */
    assert_true(b.cap > 1);
    char want[4096];
    size_t n = 1;
    want[0] = 'x';
    /* Fill to exactly cap - 1 bytes with putc and appends, across growths. */
    for (int i = 0; n < 3000; i++) {
        if (i % 3 == 0) {
            assert_true(sp_buf_putc(&b, (char)('a' + i % 26)));
            want[n++] = (char)('a' + i % 26);
        } else {
            size_t k = b.cap - b.len - 1; /* exactly the room left, then one more */
            if (k > 7)
                k = (size_t)(i % 7);
            memset(want + n, 'k', k);
            assert_true(sp_buf_append(&b, want + n, k));
            n += k;
        }
        assert_int_equal(b.len, n);
        assert_true(b.len < b.cap);
        assert_int_equal(b.data[b.len], '\0');
    }
    assert_memory_equal(b.data, want, n);
    assert_true(sp_buf_puts(&b, "end"));
    assert_string_equal(b.data + n, "end");
    sp_buf_fini(&b);
}

static void test_buf_out_of_memory_sticks(void **state)
{
    (void)state;
    sp_buf b;
    sp_buf_init(&b);
    assert_true(sp_buf_puts(&b, "abc"));
    b.oom = true; /* as a failed growth leaves it, with room still there */
    assert_false(sp_buf_putc(&b, 'd'));
    assert_false(sp_buf_append(&b, "d", 1));
    assert_false(sp_buf_puts(&b, "d"));
    assert_int_equal(b.len, 3);
    assert_string_equal(b.data, "abc");
    sp_buf_fini(&b);
}

#define CHECK_PRINTF(...)                                   \
    do {                                                    \
        char want[1024];                                    \
        int n = snprintf(want, sizeof want, __VA_ARGS__);   \
        sp_buf b;                                           \
        sp_buf_init(&b);                                    \
        assert_true(sp_buf_puts(&b, "before|"));            \
        assert_true(sp_buf_printf(&b, __VA_ARGS__));        \
        assert_int_equal(b.len, 7 + (size_t)n);             \
        assert_memory_equal(b.data, "before|", 7);          \
        assert_memory_equal(b.data + 7, want, (size_t)n);   \
        assert_int_equal(b.data[b.len], '\0');              \
        sp_buf_fini(&b);                                    \
    } while (0)

static void test_buf_printf_as_snprintf(void **state)
{
    (void)state;
    /* the conversions written by buf.c itself, at their limits */
    CHECK_PRINTF("%s:%zu", "rules/x/a.sp", (size_t)12);
    CHECK_PRINTF("%zu %zu %zu", (size_t)0, (size_t)9, SIZE_MAX);
    CHECK_PRINTF("%d %d %d %d", 0, -1, INT_MAX, INT_MIN);
    CHECK_PRINTF("%u %u", 0u, UINT_MAX);
    CHECK_PRINTF("%ld %ld %lu", LONG_MAX, LONG_MIN, ULONG_MAX);
    CHECK_PRINTF("\"%lld months %lld days\"", LLONG_MIN, LLONG_MAX);
    CHECK_PRINTF("%llu%%%c%s", ULLONG_MAX, 'x', "");
    CHECK_PRINTF("no conversion at all");
    CHECK_PRINTF("%s", "");
    CHECK_PRINTF("100%% %s %%", "sure");
    /* the rest is vsnprintf's, also after conversions of ours */
    CHECK_PRINTF("%s %d then %5d and %-*s|", "a", 1, 42, 6, "pad");
    CHECK_PRINTF("%zu %7zu %.3s %x %04X", (size_t)3, (size_t)4, "abcdef", 255u, 10u);
    CHECK_PRINTF("%lld %lli", 5LL, 6LL);
    char big[600];
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK_PRINTF("%s=%zu", big, sizeof big);        /* longer than 256 */
    CHECK_PRINTF("%s=%5zu", big, sizeof big);       /* vsnprintf, longer than 256 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_json_string_every_byte_every_place),
        cmocka_unit_test(test_buf_appends_at_the_edge),
        cmocka_unit_test(test_buf_out_of_memory_sticks),
        cmocka_unit_test(test_buf_printf_as_snprintf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
