/*
** Unit tests for num.c: parsing limits, exact arithmetic, overflow
** detection, rounding modes and formatting.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "num.h"

#define MAX128 ((sp_i128)(((sp_i128)INT64_MAX << 64) | (sp_i128)UINT64_MAX))

#include "num_reference.inc"

static sp_num N(const char *s)
{
    sp_num n;
    assert_true(sp_num_parse(s, strlen(s), &n));
    return n;
}

static sp_num Q(sp_i128 num, sp_i128 den) /* callers pass reduced parts */
{
    sp_num n = { num, den };
    return n;
}

static sp_i128 E(int p) /* 10^p */
{
    sp_i128 v = 1;
    while (p-- > 0)
        v *= 10;
    return v;
}

static void assert_exact(sp_num a, const char *want)
{
    char buf[96];
    assert_int_equal(sp_num_format_exact(a, buf), strlen(want));
    assert_string_equal(buf, want);
}

static void assert_reduced(sp_num a, sp_i128 num, sp_i128 den)
{
    assert_true(a.num == num);
    assert_true(a.den == den);
}

static void test_num_parse_forms(void **state)
{
    (void)state;
    assert_reduced(N("0"), 0, 1);
    assert_reduced(N("42"), 42, 1);
    assert_reduced(N("007"), 7, 1);
    assert_reduced(N("0.50"), 1, 2);
    assert_reduced(N("326.79"), 32679, 100);
    assert_reduced(N("10.000"), 10, 1);
    assert_reduced(N("0.0"), 0, 1);
    /* Only len bytes are read. */
    sp_num n;
    assert_true(sp_num_parse("12.5xyz", 4, &n));
    assert_reduced(n, 25, 2);
}

static void test_num_parse_digit_limits(void **state)
{
    (void)state;
    assert_reduced(N("999999999999"), 999999999999, 1);
    assert_reduced(N("0.000000000001"), 1, E(12));
    sp_num n = N("999999999999.999999999999");
    assert_true(n.num == E(24) - 1 && n.den == E(12));
    assert_reduced(N("000000000000.000000000000"), 0, 1);
    static const char *bad[] = {
        "1000000000000", "0000000000000", "1.0000000000000", "1234567890123.5",
        "1234567890123456789012345678901234567890123456789",
        "1.1234567890123456789012345678901234567890123456789",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(sp_num_parse(bad[i], strlen(bad[i]), &n));
}

static void test_num_parse_rejects(void **state)
{
    (void)state;
    static const char *bad[] = {
        "", "1.", ".5", ".", "-1", "+1", "1e3", "1E3", " 1", "1 ", "1,5",
        "1..5", "1.2.3", "0x10", "12a", "\xd9\xa1", "1.-5", "--1", "-0",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sp_num n = { 77, 1 };
        assert_false(sp_num_parse(bad[i], strlen(bad[i]), &n));
        assert_reduced(n, 77, 1);
    }
    sp_num n;
    assert_false(sp_num_parse("12", 0, &n));
    assert_false(sp_num_parse("1\0", 2, &n));
}

static void test_num_from_int(void **state)
{
    (void)state;
    assert_reduced(sp_num_from_int(-3), -3, 1);
    assert_reduced(sp_num_from_int(INT64_MIN), INT64_MIN, 1);
    assert_exact(sp_num_from_int(INT64_MIN), "-9223372036854775808");
}

static void test_num_add_sub_exact(void **state)
{
    (void)state;
    sp_num r;
    assert_true(sp_num_add(N("0.1"), N("0.2"), &r));
    assert_int_equal(sp_num_cmp(r, N("0.3")), 0);
    assert_reduced(r, 3, 10);
    assert_true(sp_num_sub(N("0.3"), N("0.1"), &r));
    assert_reduced(r, 1, 5);
    assert_true(sp_num_sub(N("1"), N("1.5"), &r));
    assert_reduced(r, -1, 2);
    assert_true(sp_num_sub(N("2.5"), N("2.50"), &r));
    assert_reduced(r, 0, 1);
    assert_true(sp_num_add(Q(1, 3), Q(1, 6), &r));
    assert_reduced(r, 1, 2);
    assert_true(sp_num_add(Q(-1, 3), Q(1, 3), &r));
    assert_reduced(r, 0, 1);
}

static void test_num_mean_of_three_prices(void **state)
{
    (void)state;
    sp_num s, mean;
    assert_true(sp_num_add(N("57.90"), N("57.91"), &s));
    assert_true(sp_num_add(s, N("57.92"), &s));
    assert_true(sp_num_div(s, sp_num_from_int(3), &mean));
    assert_int_equal(sp_num_cmp(mean, N("57.91")), 0);
    assert_reduced(mean, 5791, 100);
    char buf[64];
    assert_int_equal(sp_num_format_fixed(mean, 2, buf), 5);
    assert_string_equal(buf, "57.91");
}

static void test_num_mul_div_exact(void **state)
{
    (void)state;
    sp_num r;
    assert_true(sp_num_mul(N("326.79"), N("0.2"), &r));
    assert_exact(r, "65.358");
    assert_true(sp_num_mul(Q(-2, 3), Q(3, 4), &r));
    assert_reduced(r, -1, 2);
    assert_true(sp_num_div(sp_num_from_int(100), sp_num_from_int(3), &r));
    assert_reduced(r, 100, 3);
    assert_true(sp_num_mul(r, sp_num_from_int(3), &r));
    assert_reduced(r, 100, 1);
    assert_true(sp_num_div(Q(1, 2), Q(-1, 4), &r));
    assert_reduced(r, -2, 1);
    assert_true(sp_num_div(Q(-3, 5), Q(-9, 10), &r));
    assert_reduced(r, 2, 3);
    assert_true(sp_num_mul(Q(0, 1), Q(-5, 7), &r));
    assert_reduced(r, 0, 1);
    assert_true(sp_num_div(sp_num_from_int(0), Q(-5, 7), &r));
    assert_reduced(r, 0, 1);
}

static void test_num_division_by_zero(void **state)
{
    (void)state;
    sp_num r = { 9, 1 };
    assert_false(sp_num_div(N("1"), N("0"), &r));
    assert_false(sp_num_div(N("0"), N("0.00"), &r));
    assert_reduced(r, 9, 1);
}

static void test_num_large_values_cancel_without_overflow(void **state)
{
    (void)state;
    /* Cross-reduction keeps intermediates small when the result is small. */
    sp_num r;
    assert_true(sp_num_mul(Q(E(36), 7), Q(7, E(36)), &r));
    assert_reduced(r, 1, 1);
    assert_true(sp_num_div(Q(E(37), 3), Q(E(37), 9), &r));
    assert_reduced(r, 3, 1);
    assert_true(sp_num_add(Q(1, E(37)), Q(1, E(37)), &r));
    assert_reduced(r, 1, E(37) / 2);
    assert_true(sp_num_sub(Q(MAX128, 1), Q(MAX128, 1), &r));
    assert_reduced(r, 0, 1);
    assert_true(sp_num_add(Q(MAX128 - 1, 1), Q(1, 1), &r));
    assert_true(r.num == MAX128);
    assert_true(sp_num_sub(Q(-MAX128 + 1, 1), Q(1, 1), &r));
    assert_true(r.num == -MAX128);
}

static void test_num_overflow_detected(void **state)
{
    (void)state;
    sp_num r = { 5, 1 };
    assert_false(sp_num_add(Q(MAX128, 1), Q(1, 1), &r));
    assert_false(sp_num_sub(Q(-MAX128, 1), Q(1, 1), &r));
    assert_false(sp_num_sub(Q(-MAX128, 1), Q(MAX128, 1), &r));
    assert_false(sp_num_mul(Q(E(20), 1), Q(E(19), 1), &r));
    assert_false(sp_num_mul(Q(1, E(20)), Q(1, E(19) + 1), &r));
    assert_false(sp_num_div(Q(E(20), 1), Q(1, E(19)), &r));
    assert_false(sp_num_add(Q(1, E(20)), Q(1, E(19) + 1), &r));
    assert_reduced(r, 5, 1);
    /* A product whose true value fits is fine, one past it is not. */
    assert_true(sp_num_mul(Q(E(19), 1), Q(E(19), 1), &r));
    assert_true(r.num == E(38));
    assert_false(sp_num_mul(Q(E(38), 1), Q(2, 1), &r));
    /* Repeated doubling stops with false, never wraps to a negative. */
    sp_num x = sp_num_from_int(1);
    int steps = 0;
    while (sp_num_add(x, x, &x)) {
        assert_true(x.num > 0);
        steps++;
    }
    assert_int_equal(steps, 126);
}

static void test_num_cmp(void **state)
{
    (void)state;
    assert_int_equal(sp_num_cmp(N("1.5"), N("1.50")), 0);
    assert_int_equal(sp_num_cmp(N("1.49"), N("1.5")), -1);
    assert_int_equal(sp_num_cmp(N("2"), N("1.999999999999")), 1);
    assert_int_equal(sp_num_cmp(Q(-1, 2), Q(-1, 3)), -1);
    assert_int_equal(sp_num_cmp(Q(-1, 3), Q(-1, 2)), 1);
    assert_int_equal(sp_num_cmp(Q(-1, 2), Q(1, 3)), -1);
    assert_int_equal(sp_num_cmp(Q(0, 1), Q(-1, 3)), 1);
    assert_int_equal(sp_num_cmp(Q(-7, 2), Q(-7, 2)), 0);
    assert_int_equal(sp_num_cmp(Q(-7, 2), Q(-3, 1)), -1);
    /* Cross products of these overflow; cmp must still answer. */
    sp_i128 x = E(37);
    assert_int_equal(sp_num_cmp(Q(x + 1, x), Q(x + 2, x + 1)), 1);
    assert_int_equal(sp_num_cmp(Q(x + 2, x + 1), Q(x + 1, x)), -1);
    assert_int_equal(sp_num_cmp(Q(-(x + 1), x), Q(-(x + 2), x + 1)), -1);
    assert_int_equal(sp_num_cmp(Q(-MAX128, 3), Q(-MAX128, 3)), 0);
    assert_int_equal(sp_num_cmp(Q(-MAX128, 3), Q(-MAX128 + 3, 3)), -1);
    assert_int_equal(sp_num_cmp(Q(MAX128, 3), Q(MAX128 - 3, 3)), 1);
    assert_int_equal(sp_num_cmp(Q(1, MAX128), Q(1, MAX128 - 1)), -1);
}

static void test_num_is_integer_and_multiple(void **state)
{
    (void)state;
    assert_true(sp_num_is_integer(N("12.00")));
    assert_false(sp_num_is_integer(N("12.01")));
    assert_true(sp_num_is_multiple(N("12.01"), 100));
    assert_true(sp_num_is_multiple(N("12.5"), 100));
    assert_false(sp_num_is_multiple(N("12.005"), 100));
    assert_true(sp_num_is_multiple(N("12"), 1));
    assert_false(sp_num_is_multiple(N("12.5"), 1));
    assert_true(sp_num_is_multiple(Q(-1, 4), 100));
    assert_true(sp_num_is_multiple(Q(1, 3), 3));
    assert_false(sp_num_is_multiple(Q(1, 3), 100));
    assert_false(sp_num_is_multiple(N("1"), 0));
    assert_false(sp_num_is_multiple(N("1"), -100));
}

struct round_case {
    const char *in;
    int neg;
    sp_round_mode mode;
    int64_t scale;
    const char *want; /* fixed with 2 places; "" is the 4/3 case */
};

static void test_num_round_modes(void **state)
{
    (void)state;
    static const struct round_case c[] = {
        /* Half-penny ties. */
        { "10.005", 0, SP_ROUND_HALF_UP, 100, "10.01" },
        { "10.005", 1, SP_ROUND_HALF_UP, 100, "-10.01" },
        { "10.015", 0, SP_ROUND_HALF_EVEN, 100, "10.02" },
        { "10.025", 0, SP_ROUND_HALF_EVEN, 100, "10.02" },
        { "10.015", 1, SP_ROUND_HALF_EVEN, 100, "-10.02" },
        { "10.025", 1, SP_ROUND_HALF_EVEN, 100, "-10.02" },
        { "0.005", 0, SP_ROUND_HALF_EVEN, 100, "0.00" },
        { "0.005", 1, SP_ROUND_HALF_EVEN, 100, "0.00" },
        { "0.005", 1, SP_ROUND_HALF_UP, 100, "-0.01" },
        { "10.005", 0, SP_ROUND_UP, 100, "10.01" },
        { "10.005", 0, SP_ROUND_DOWN, 100, "10.00" },
        { "10.005", 1, SP_ROUND_DOWN, 100, "-10.00" },
        /* Not ties. */
        { "10.0049", 0, SP_ROUND_HALF_UP, 100, "10.00" },
        { "10.0051", 0, SP_ROUND_HALF_EVEN, 100, "10.01" },
        { "10.0051", 1, SP_ROUND_HALF_EVEN, 100, "-10.01" },
        { "10.001", 0, SP_ROUND_UP, 100, "10.01" },
        { "10.001", 1, SP_ROUND_UP, 100, "-10.01" },
        { "10.009", 0, SP_ROUND_DOWN, 100, "10.00" },
        { "10.009", 1, SP_ROUND_DOWN, 100, "-10.00" },
        { "0.999", 0, SP_ROUND_HALF_UP, 100, "1.00" },
        { "0.999", 1, SP_ROUND_UP, 100, "-1.00" },
        /* Exact values are untouched in every mode. */
        { "10.01", 0, SP_ROUND_UP, 100, "10.01" },
        { "10.01", 1, SP_ROUND_DOWN, 100, "-10.01" },
        { "7", 0, SP_ROUND_UP, 100, "7.00" },
        /* Whole pounds: half even looks at the parity of the whole result. */
        { "2.5", 0, SP_ROUND_HALF_EVEN, 1, "2.00" },
        { "3.5", 0, SP_ROUND_HALF_EVEN, 1, "4.00" },
        { "2.5", 1, SP_ROUND_HALF_EVEN, 1, "-2.00" },
        { "3.5", 1, SP_ROUND_HALF_EVEN, 1, "-4.00" },
        { "2.5", 1, SP_ROUND_HALF_UP, 1, "-3.00" },
        { "2.4", 0, SP_ROUND_UP, 1, "3.00" },
        { "2.6", 1, SP_ROUND_DOWN, 1, "-2.00" },
        { "0.5", 0, SP_ROUND_HALF_EVEN, 1, "0.00" },
        { "1.5", 0, SP_ROUND_HALF_EVEN, 1, "2.00" },
        /* Odd scale: thirds. 1.5 = 4.5 thirds -> 4/3 (even) or 5/3. */
        { "1.5", 0, SP_ROUND_HALF_EVEN, 3, "" },
        /* Quarter-pound: 0.125 is a tie between 0 and 0.25. */
        { "0.125", 0, SP_ROUND_HALF_EVEN, 4, "0.00" },
        { "0.375", 0, SP_ROUND_HALF_EVEN, 4, "0.50" },
        { "1.375", 1, SP_ROUND_HALF_UP, 4, "-1.50" },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        sp_num a = N(c[i].in), r;
        if (c[i].neg)
            a.num = -a.num;
        assert_true(sp_num_round(a, c[i].scale, c[i].mode, &r));
        assert_true(sp_num_is_multiple(r, c[i].scale));
        if (c[i].want[0] == '\0') {
            assert_exact(r, "4/3");
            continue;
        }
        char buf[64];
        sp_num_format_fixed(r, 2, buf);
        if (strcmp(buf, c[i].want) != 0)
            fail_msg("case %zu: %s%s -> %s, want %s", i, c[i].neg ? "-" : "",
                     c[i].in, buf, c[i].want);
    }
}

static void test_num_round_non_decimal(void **state)
{
    (void)state;
    sp_num r;
    assert_true(sp_num_round(Q(1, 3), 100, SP_ROUND_HALF_UP, &r));
    assert_reduced(r, 33, 100);
    assert_true(sp_num_round(Q(2, 3), 100, SP_ROUND_HALF_EVEN, &r));
    assert_reduced(r, 67, 100);
    assert_true(sp_num_round(Q(-2, 3), 100, SP_ROUND_DOWN, &r));
    assert_reduced(r, -33, 50);
    assert_true(sp_num_round(Q(-1, 3), 100, SP_ROUND_UP, &r));
    assert_reduced(r, -17, 50);
    assert_true(sp_num_round(Q(100, 3), 100, SP_ROUND_HALF_UP, &r));
    assert_exact(r, "33.33");
}

static void test_num_round_limits(void **state)
{
    (void)state;
    sp_num r = { 5, 1 };
    assert_false(sp_num_round(N("1.5"), 0, SP_ROUND_HALF_UP, &r));
    assert_false(sp_num_round(N("1.5"), -100, SP_ROUND_HALF_UP, &r));
    assert_reduced(r, 5, 1);
    /* Whole numbers round to themselves however large. */
    assert_true(sp_num_round(Q(MAX128, 1), 100, SP_ROUND_UP, &r));
    assert_true(r.num == MAX128 && r.den == 1);
    assert_true(sp_num_round(Q(-MAX128, 1), INT64_MAX, SP_ROUND_HALF_EVEN, &r));
    assert_true(r.num == -MAX128 && r.den == 1);
    assert_true(sp_num_round(Q(MAX128, 2), 1, SP_ROUND_DOWN, &r));
    assert_true(r.num == MAX128 / 2 && r.den == 1);
    assert_true(sp_num_round(Q(MAX128, 2), 1, SP_ROUND_UP, &r));
    assert_true(r.num == MAX128 / 2 + 1 && r.den == 1);
    /* 3.3e36 + 2/3 in pennies needs a numerator of 3.3e38: reported. */
    r.num = 5;
    r.den = 1;
    assert_false(sp_num_round(Q(E(37) + 1, 3), 100, SP_ROUND_HALF_UP, &r));
    assert_reduced(r, 5, 1);
    assert_true(sp_num_round(Q(E(37) + 1, 3), 1, SP_ROUND_HALF_UP, &r));
    assert_true(r.num == (E(37) + 1) / 3 + 1 && r.den == 1);
    /* A huge denominator times the scale that fits only after reduction. */
    assert_true(sp_num_round(Q(1, E(37)), 100, SP_ROUND_UP, &r));
    assert_reduced(r, 1, 100);
}

static void test_num_format_fixed(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(sp_num_format_fixed(N("0"), 2, buf), 4);
    assert_string_equal(buf, "0.00");
    assert_int_equal(sp_num_format_fixed(N("326.79"), 2, buf), 6);
    assert_string_equal(buf, "326.79");
    assert_int_equal(sp_num_format_fixed(Q(-1, 2), 2, buf), 5);
    assert_string_equal(buf, "-0.50");
    assert_int_equal(sp_num_format_fixed(Q(E(12), 1), 2, buf), 16);
    assert_string_equal(buf, "1000000000000.00");
    assert_int_equal(sp_num_format_fixed(N("0.07"), 2, buf), 4);
    assert_string_equal(buf, "0.07");
    assert_int_equal(sp_num_format_fixed(Q(-1207, 100), 3, buf), 7);
    assert_string_equal(buf, "-12.070");
    assert_int_equal(sp_num_format_fixed(N("12"), 0, buf), 2);
    assert_string_equal(buf, "12");
    assert_int_equal(sp_num_format_fixed(N("0.000000000001"), 12, buf), 14);
    assert_string_equal(buf, "0.000000000001");
    assert_int_equal(sp_num_format_fixed(Q(-MAX128, 1), 2, buf), 43);
    assert_string_equal(buf, "-170141183460469231731687303715884105727.00");
    assert_int_equal(sp_num_format_fixed(Q(1, E(38)), 38, buf), 40);
    assert_string_equal(buf, "0.00000000000000000000000000000000000001");
}

static void test_num_format_fixed_rejects(void **state)
{
    (void)state;
    char buf[64];
    assert_int_equal(sp_num_format_fixed(N("0.125"), 2, buf), 0);
    assert_int_equal(sp_num_format_fixed(Q(1, 3), 2, buf), 0);
    assert_int_equal(sp_num_format_fixed(N("0.5"), 0, buf), 0);
    assert_int_equal(sp_num_format_fixed(N("1"), -1, buf), 0);
    assert_int_equal(sp_num_format_fixed(N("1"), 39, buf), 0);
    /* 39 digits, a point and 30 decimals would not fit in 64 bytes. */
    assert_int_equal(sp_num_format_fixed(Q(MAX128, 1), 30, buf), 0);
}

static void test_num_format_int(void **state)
{
    (void)state;
    char buf[48];
    assert_int_equal(sp_num_format_int(N("12"), buf), 2);
    assert_string_equal(buf, "12");
    assert_int_equal(sp_num_format_int(sp_num_from_int(-3), buf), 2);
    assert_string_equal(buf, "-3");
    assert_int_equal(sp_num_format_int(N("0.00"), buf), 1);
    assert_string_equal(buf, "0");
    assert_int_equal(sp_num_format_int(Q(MAX128, 1), buf), 39);
    assert_string_equal(buf, "170141183460469231731687303715884105727");
    assert_int_equal(sp_num_format_int(Q(-MAX128, 1), buf), 40);
    assert_int_equal(sp_num_format_int(Q(1, 2), buf), 0);
    assert_int_equal(sp_num_format_int(Q(-7, 3), buf), 0);
}

static void test_num_format_exact(void **state)
{
    (void)state;
    assert_exact(N("0.125"), "0.125");
    assert_exact(sp_num_from_int(-3), "-3");
    assert_exact(N("0"), "0");
    assert_exact(Q(100, 3), "100/3");
    assert_exact(Q(-1, 3), "-1/3");
    assert_exact(Q(-1, 2), "-0.5");
    assert_exact(N("57.90"), "57.9");
    assert_exact(Q(1, 1024), "0.0009765625");
    assert_exact(Q(-7, 80), "-0.0875");
    assert_exact(Q(1, 6), "1/6");
    /* Terminating, but 2^-100 needs 100 places: falls back to a fraction. */
    sp_i128 p = (sp_i128)1 << 100;
    assert_exact(Q(1, p), "1/1267650600228229401496703205376");
    assert_exact(Q(-MAX128, MAX128 - 1),
                 "-170141183460469231731687303715884105727/"
                 "170141183460469231731687303715884105726");
}

/* ---- the 64-bit fast paths, at their edges and against the 128-bit code ---- */

#define M64 ((sp_i128)INT64_MAX)
#define P63 ((sp_i128)1 << 63)   /* INT64_MAX + 1: the first value past the fast paths */
#define P64 ((sp_i128)1 << 64)

static void test_num_fast_add_edges(void **state)
{
    (void)state;
    sp_num r;
    /* integers: the sum leaves 64 bits and goes on in 128 */
    assert_true(sp_num_add(Q(M64, 1), Q(1, 1), &r));
    assert_reduced(r, P63, 1);
    assert_true(sp_num_add(Q(M64, 1), Q(M64, 1), &r));
    assert_reduced(r, 2 * M64, 1);
    assert_true(sp_num_sub(Q(-M64, 1), Q(1, 1), &r)); /* INT64_MIN itself */
    assert_reduced(r, -P63, 1);
    assert_true(sp_num_add(Q(M64 - 1, 1), Q(1, 1), &r));
    assert_reduced(r, M64, 1);
    assert_true(sp_num_add(Q(M64, 1), Q(-M64, 1), &r));
    assert_reduced(r, 0, 1);
    /* fractions: a cross product past 64 bits */
    assert_true(sp_num_add(Q(M64, 2), Q(M64, 3), &r));
    assert_reduced(r, 5 * M64, 6);
    assert_true(sp_num_add(Q(1, M64), Q(1, M64 - 1), &r));
    assert_reduced(r, 2 * M64 - 1, M64 * (M64 - 1));
    assert_true(sp_num_sub(Q(1, M64), Q(1, M64), &r));
    assert_reduced(r, 0, 1);
    /* mixed: one operand past 64 bits */
    assert_true(sp_num_add(Q(P63, 1), Q(-1, 1), &r));
    assert_reduced(r, M64, 1);
    assert_true(sp_num_add(Q(1, P64), Q(1, 2), &r));
    assert_reduced(r, P63 + 1, P64);
    assert_true(sp_num_add(Q(INT64_MIN, 1), Q(1, 1), &r));
    assert_reduced(r, -M64, 1);
    /* still an overflow where the 128-bit code finds one */
    assert_false(sp_num_add(Q(MAX128, 1), Q(M64, 1), &r));
}

static void test_num_fast_mul_edges(void **state)
{
    (void)state;
    sp_num r;
    assert_true(sp_num_mul(Q(3037000499, 1), Q(3037000499, 1), &r)); /* just fits */
    assert_reduced(r, (sp_i128)3037000499 * 3037000499, 1);
    assert_true(sp_num_mul(Q((sp_i128)1 << 32, 1), Q((sp_i128)1 << 32, 1), &r));
    assert_reduced(r, P64, 1);
    assert_true(sp_num_mul(Q(M64, 1), Q(-2, 1), &r));
    assert_reduced(r, -2 * M64, 1);
    assert_true(sp_num_mul(Q(1, M64), Q(1, 2), &r));
    assert_reduced(r, 1, 2 * M64);
    assert_true(sp_num_mul(Q(M64, 3), Q(3, M64), &r));
    assert_reduced(r, 1, 1);
    assert_true(sp_num_div(Q(-M64, 1), Q(M64, 1), &r));
    assert_reduced(r, -1, 1);
    assert_true(sp_num_mul(Q(P63, 1), Q(1, 2), &r)); /* mixed */
    assert_reduced(r, (sp_i128)1 << 62, 1);
    assert_true(sp_num_mul(Q(INT64_MIN, 1), Q(-1, 1), &r));
    assert_reduced(r, P63, 1);
    assert_true(sp_num_mul(Q(M64, 1), Q(M64, 1), &r));
    assert_reduced(r, M64 * M64, 1);
    assert_false(sp_num_mul(Q(M64, 1), Q(M64 * 4, 1), &r)); /* about 2^128 */
    assert_false(sp_num_mul(Q(P64, 1), Q(P64 / 2, 1), &r)); /* 2^127 */
}

static void test_num_fast_cmp_edges(void **state)
{
    (void)state;
    /* M/(M-1) < (M-1)/(M-2): the products differ by one, past 2^125 */
    assert_int_equal(sp_num_cmp(Q(M64, M64 - 1), Q(M64 - 1, M64 - 2)), -1);
    assert_int_equal(sp_num_cmp(Q(M64 - 1, M64 - 2), Q(M64, M64 - 1)), 1);
    assert_int_equal(sp_num_cmp(Q(-M64, 1), Q(M64, 1)), -1);
    assert_int_equal(sp_num_cmp(Q(M64, 1), Q(M64, 1)), 0);
    assert_int_equal(sp_num_cmp(Q(1, M64), Q(1, M64 - 1)), -1);
    assert_int_equal(sp_num_cmp(Q(M64, 1), Q(P63, 1)), -1);        /* mixed */
    assert_int_equal(sp_num_cmp(Q(INT64_MIN, 1), Q(-M64, 1)), -1);
    assert_int_equal(sp_num_cmp(Q(1, P64), Q(1, M64)), -1);
}

static void test_num_fast_round_edges(void **state)
{
    (void)state;
    sp_num r;
    assert_true(sp_num_round(Q(M64, 2), 1, SP_ROUND_HALF_UP, &r));
    assert_reduced(r, (sp_i128)1 << 62, 1);
    assert_true(sp_num_round(Q(M64, 2), 1, SP_ROUND_DOWN, &r));
    assert_reduced(r, ((sp_i128)1 << 62) - 1, 1);
    assert_true(sp_num_round(Q(-M64, 2), 1, SP_ROUND_HALF_EVEN, &r));
    assert_reduced(r, -((sp_i128)1 << 62), 1);
    /* f*scale past 64 bits: the bit-by-bit way */
    assert_true(sp_num_round(Q(M64 - 1, M64), E(18), SP_ROUND_HALF_UP, &r));
    assert_reduced(r, 1, 1);
    assert_true(sp_num_round(Q(M64 - 1, M64), E(18), SP_ROUND_DOWN, &r));
    assert_reduced(r, E(18) - 1, E(18));
    assert_true(sp_num_round(Q(1, M64), INT64_MAX, SP_ROUND_HALF_UP, &r));
    assert_reduced(r, 1, M64);
    assert_true(sp_num_round(Q(M64, 1), INT64_MAX, SP_ROUND_UP, &r));
    assert_reduced(r, M64, 1);
    assert_true(sp_num_round(Q(INT64_MIN, 3), 100, SP_ROUND_HALF_UP, &r)); /* mixed */
    assert_true(r.num == -((sp_i128)3074457345618258602 * 100 + 67) && r.den == 100);
}

static void test_num_fast_format_edges(void **state)
{
    (void)state;
    char buf[96];
    assert_int_equal(sp_num_format_int(Q(M64, 1), buf), 19);
    assert_string_equal(buf, "9223372036854775807");
    assert_int_equal(sp_num_format_int(Q(INT64_MIN, 1), buf), 20);
    assert_string_equal(buf, "-9223372036854775808");
    assert_int_equal(sp_num_format_fixed(Q(-M64, 100), 2, buf), 21);
    assert_string_equal(buf, "-92233720368547758.07");
    assert_int_equal(sp_num_format_fixed(Q(M64, E(18)), 18, buf), 20);
    assert_string_equal(buf, "9.223372036854775807");
    assert_int_equal(sp_num_format_fixed(Q(1, 3), 18, buf), 0);
    assert_exact(Q(1, (sp_i128)7450580596923828125), "0.000000000000000000134217728"); /* 5^27 */
    assert_exact(Q(-1, (sp_i128)7450580596923828125 * 5), "-0.0000000000000000000268435456"); /* 5^28 */
    assert_exact(Q(P64 + 1, 1), "18446744073709551617");
    assert_true(sp_num_is_multiple(Q(1, M64), INT64_MAX));
    assert_false(sp_num_is_multiple(Q(1, P63), INT64_MAX));
}

static void test_num_fast_parse_edges(void **state)
{
    (void)state;
    sp_num n;
    assert_reduced(N("999999999999.999999"), E(18) - 1, E(6));   /* 18 digits: 64 bits */
    assert_reduced(N("999999999999.9999999"), E(19) - 1, E(7));  /* 19: 128 bits */
    assert_reduced(N("123456.000000000001"), 123456 * E(12) + 1, E(12));
    assert_false(sp_num_parse("1234567890123", 13, &n));          /* 13 whole digits */
    assert_false(sp_num_parse("1234567890123.5", 15, &n));
    assert_false(sp_num_parse("1.0000000000001", 15, &n));        /* 13 after the point */
}

/* Values at and around the 64-bit edges, for the cross checks below. */
static sp_i128 edge(unsigned k)
{
    static const sp_i128 mag[] = {
        0, 1, 2, 3, 5, 7, 10, 99, 100, 4294967295, 4294967296, 3037000499, 3037000500,
        (sp_i128)1 << 62, M64 - 2, M64 - 1, M64, P63, P63 + 1, P64 - 1, P64, P64 + 3,
        (sp_i128)1000000000000000 * 1000000000000000 + 7, MAX128 / 3, MAX128 - 1, MAX128,
    };
    size_t n = sizeof mag / sizeof mag[0];
    sp_i128 v = mag[k % n];
    return (k / n) % 2 ? -v : v;
}

#define N_EDGES (2 * 26)

static void assert_same(bool ok, sp_num r, bool want_ok, sp_num want)
{
    assert_int_equal(ok, want_ok);
    if (ok)
        assert_true(r.num == want.num && r.den == want.den);
}

static void test_num_fast_paths_match_128_bit_code(void **state)
{
    (void)state;
    /* Every pair of reduced fractions built from the edge values: the
    ** results (and the overflow reports) of the fast paths are those of
    ** the 128-bit-only code. */
    static const int64_t scales[] = { 1, 2, 100, 1000000007, INT64_MAX };
    for (unsigned i = 0; i < N_EDGES * N_EDGES; i++) {
        sp_num a;
        if (!ref_make(edge(i % N_EDGES), edge(i / N_EDGES), &a))
            continue;
        char got[96], want[96];
        assert_int_equal(sp_num_format_exact(a, got), ref_num_format_exact(a, want));
        assert_string_equal(got, want);
        for (int places = 0; places <= 20; places += 2) {
            assert_int_equal(sp_num_format_fixed(a, places, got), ref_num_format_fixed(a, places, want));
            assert_string_equal(got, want);
        }
        assert_int_equal(sp_num_format_int(a, got), ref_num_format_int(a, want));
        for (size_t s = 0; s < sizeof scales / sizeof scales[0]; s++) {
            assert_int_equal(sp_num_is_multiple(a, scales[s]), ref_num_is_multiple(a, scales[s]));
            for (int mode = SP_ROUND_HALF_UP; mode <= SP_ROUND_DOWN; mode++) {
                sp_num r = { 0, 1 }, w = { 0, 1 };
                bool ok = sp_num_round(a, scales[s], (sp_round_mode)mode, &r);
                assert_same(ok, r, ref_num_round(a, scales[s], (sp_round_mode)mode, &w), w);
            }
        }
        for (unsigned j = 0; j < N_EDGES * N_EDGES; j += 7) {
            sp_num b;
            if (!ref_make(edge(j % N_EDGES), edge(j / N_EDGES), &b))
                continue;
            sp_num r = { 0, 1 }, w = { 0, 1 };
            bool ok = sp_num_add(a, b, &r);
            assert_same(ok, r, ref_num_add(a, b, &w), w);
            ok = sp_num_sub(a, b, &r);
            assert_same(ok, r, ref_num_sub(a, b, &w), w);
            ok = sp_num_mul(a, b, &r);
            assert_same(ok, r, ref_num_mul(a, b, &w), w);
            ok = sp_num_div(a, b, &r);
            assert_same(ok, r, ref_num_div(a, b, &w), w);
            assert_int_equal(sp_num_cmp(a, b), ref_num_cmp(a, b));
        }
    }
    /* and every text of up to 20 digits around the 18-digit switch */
    static const char *texts[] = {
        "0", "9", "999999999999", "999999999999.999999", "999999999999.9999999",
        "000000000000.000000000001", "123456789012.123456789012", "1.000000000000",
        "12.345678901234567", "0.00000000000", "9999999999999", "1.",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        sp_num r = { 0, 1 }, w = { 0, 1 };
        size_t len = strlen(texts[t]);
        bool ok = sp_num_parse(texts[t], len, &r);
        assert_same(ok, r, ref_num_parse(texts[t], len, &w), w);
    }
}

/* sum() and mean() total their terms over a common denominator and reduce
** once; the results and overflow reports are those of adding one term at a
** time and dividing by the count. */
static bool sum_by_steps(const sp_num *terms, size_t n, int64_t count, sp_num *out)
{
    sp_num total = sp_num_from_int(0);
    for (size_t i = 0; i < n; i++)
        if (!ref_num_add(total, terms[i], &total))
            return false;
    return ref_num_div(total, sp_num_from_int(count), out);
}

/* sp_num_sum over the terms gives what sum_by_steps gives, or fails as it does. */
static void assert_sum_by_steps(const sp_num *terms, size_t n, int64_t count)
{
    sp_num_sum s;
    sp_num_sum_init(&s);
    bool ok = true;
    for (size_t t = 0; t < n && ok; t++)
        ok = sp_num_sum_add(&s, terms[t]);
    sp_num r = { 0, 1 }, w = { 0, 1 };
    ok = ok && sp_num_sum_result(&s, count, &r);
    assert_same(ok, r, sum_by_steps(terms, n, count, &w), w);
}

static void test_num_sum_matches_adding_term_by_term(void **state)
{
    (void)state;
    sp_num terms[4];
    /* amounts in pence, reduced to many denominators (1323/100, 1223/25, 1/2 ...) */
    static const char *money[] = { "13.23", "48.92", "0.50", "0.05", "100.00", "57.91", "0.01", "999999999999.99" };
    for (unsigned i = 0; i < 8 * 8 * 8; i++) {
        size_t n = 0;
        for (unsigned k = i; n < 3; k /= 8)
            assert_true(sp_num_parse(money[k % 8], strlen(money[k % 8]), &terms[n++]));
        for (int64_t count = 1; count <= 3; count++)
            assert_sum_by_steps(terms, n, count);
    }
    /* and the edge values, where the total leaves 64 bits or overflows */
    for (unsigned i = 0; i < N_EDGES * N_EDGES; i += 3) {
        size_t n = 0;
        for (unsigned k = i; n < 4; k = k * 7 + 11) {
            if (ref_make(edge(k % N_EDGES), edge((k / N_EDGES) % N_EDGES), &terms[n]))
                n++;
        }
        for (int64_t count = 1; count <= 4; count += 3)
            assert_sum_by_steps(terms, n, count);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_parse_forms),
        cmocka_unit_test(test_num_parse_digit_limits),
        cmocka_unit_test(test_num_parse_rejects),
        cmocka_unit_test(test_num_from_int),
        cmocka_unit_test(test_num_add_sub_exact),
        cmocka_unit_test(test_num_mean_of_three_prices),
        cmocka_unit_test(test_num_mul_div_exact),
        cmocka_unit_test(test_num_division_by_zero),
        cmocka_unit_test(test_num_large_values_cancel_without_overflow),
        cmocka_unit_test(test_num_overflow_detected),
        cmocka_unit_test(test_num_cmp),
        cmocka_unit_test(test_num_is_integer_and_multiple),
        cmocka_unit_test(test_num_round_modes),
        cmocka_unit_test(test_num_round_non_decimal),
        cmocka_unit_test(test_num_round_limits),
        cmocka_unit_test(test_num_format_fixed),
        cmocka_unit_test(test_num_format_fixed_rejects),
        cmocka_unit_test(test_num_format_int),
        cmocka_unit_test(test_num_format_exact),
        cmocka_unit_test(test_num_fast_add_edges),
        cmocka_unit_test(test_num_fast_mul_edges),
        cmocka_unit_test(test_num_fast_cmp_edges),
        cmocka_unit_test(test_num_fast_round_edges),
        cmocka_unit_test(test_num_fast_format_edges),
        cmocka_unit_test(test_num_fast_parse_edges),
        cmocka_unit_test(test_num_fast_paths_match_128_bit_code),
        cmocka_unit_test(test_num_sum_matches_adding_term_by_term),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
