/*
** Unit tests for the decision's fast number formatters (num.c's
** sp_num_format_pence and sp_num_format_whole, which write backwards from
** the end they are given): where they write, they write exactly what
** sp_num_format_fixed and sp_num_format_int write, and nothing around it;
** elsewhere they decline, and the renderer uses those.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "num.h"

/* Numerators around every power of ten and the fast paths' limits. */
static sp_i128 numerator(unsigned i)
{
    static const int64_t base[] = { 0, 1, 5, 9, 10, 11, 49, 50, 99, 100, 101, 999, 1000, 12345, 37359 };
    unsigned nb = sizeof base / sizeof base[0];
    sp_i128 v;
    if (i < nb) {
        v = base[i];
    } else {
        /* 10^k - 1, 10^k, 10^k + 1 for k = 2..19 */
        unsigned k = 2 + (i - nb) / 3, d = (i - nb) % 3;
        v = 1;
        for (unsigned j = 0; j < k; j++)
            v *= 10;
        v += (sp_i128)d - 1;
    }
    return v;
}

#define N_NUMERATORS (15 + 3 * 18)

/* Runs a backwards formatter into the middle of a buffer of '#': the text
** is got[32 - n .. 32); every other byte must still be '#'. */
typedef size_t (*formatter)(sp_num, char *);

static size_t run(formatter f, sp_num a, char got[64])
{
    memset(got, '#', 64);
    size_t n = f(a, got + 32);
    for (size_t i = 0; i < 64; i++)
        if (i < 32 - n || i >= 32)
            assert_int_equal(got[i], '#');
    return n;
}

static sp_i128 gcd(sp_i128 a, sp_i128 b)
{
    if (a < 0)
        a = -a;
    while (b) {
        sp_i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static void test_num_format_pence_matches_fixed(void **state)
{
    (void)state;
    static const int64_t dens[] = { 1, 2, 3, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 1000 };
    const sp_i128 max = 1000000000000000;   /* 10^15, the fast path's limit */
    size_t written = 0;
    for (unsigned i = 0; i < N_NUMERATORS; i++)
        for (int sign = -1; sign <= 1; sign += 2)
            for (size_t d = 0; d < sizeof dens / sizeof dens[0]; d++) {
                sp_i128 num = sign * numerator(i), den = dens[d];
                sp_i128 g = gcd(num, den);
                sp_num a = { num / g, den / g };   /* reduced, as every sp_num is */
                char got[64], want[64];
                size_t n = run(sp_num_format_pence, a, got);
                size_t w = sp_num_format_fixed(a, 2, want);
                bool pence = 100 % a.den == 0;
                if (pence && a.num <= max && a.num >= -max) {
                    assert_int_equal(n, w);
                    assert_memory_equal(got + 32 - n, want, n);
                    written++;
                } else {
                    assert_int_equal(n, 0);
                }
            }
    assert_true(written > 300);
}

static void test_num_format_pence_examples(void **state)
{
    (void)state;
    char buf[64];
    sp_num a = { 37359, 100 };
    assert_int_equal(run(sp_num_format_pence, a, buf), 6);
    assert_memory_equal(buf + 26, "373.59", 6);
    a = (sp_num){ -1, 2 };
    assert_int_equal(run(sp_num_format_pence, a, buf), 5);
    assert_memory_equal(buf + 27, "-0.50", 5);
    a = (sp_num){ 0, 1 };
    assert_int_equal(run(sp_num_format_pence, a, buf), 4);
    assert_memory_equal(buf + 28, "0.00", 4);
    a = (sp_num){ -1000000000000000, 1 };   /* the limit: 10^17 pence, 20 bytes */
    assert_int_equal(run(sp_num_format_pence, a, buf), 20);
    assert_memory_equal(buf + 12, "-1000000000000000.00", 20);
    a = (sp_num){ 1, 8 };   /* 0.125: not whole pence */
    assert_int_equal(run(sp_num_format_pence, a, buf), 0);
}

static void test_num_format_whole_matches_int(void **state)
{
    (void)state;
    const sp_i128 max = 1000000000000000000;   /* 10^18 */
    for (unsigned i = 0; i < N_NUMERATORS; i++)
        for (int sign = -1; sign <= 1; sign += 2)
            for (int64_t den = 1; den <= 3; den += 2) {
                sp_i128 num = sign * numerator(i);
                sp_i128 g = gcd(num, den);
                sp_num a = { num / g, den / g };
                char got[64], want[64];
                size_t n = run(sp_num_format_whole, a, got);
                size_t w = sp_num_format_int(a, want);
                if (a.den == 1 && a.num <= max && a.num >= -max) {
                    assert_int_equal(n, w);
                    assert_memory_equal(got + 32 - n, want, n);
                } else {
                    assert_int_equal(n, 0);
                }
            }
    char buf[64];
    sp_num a = { -9, 1 };
    assert_int_equal(run(sp_num_format_whole, a, buf), 2);
    assert_memory_equal(buf + 30, "-9", 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_format_pence_matches_fixed),
        cmocka_unit_test(test_num_format_pence_examples),
        cmocka_unit_test(test_num_format_whole_matches_int),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
