/*
** Unit tests for date.c: day numbers, parsing and formatting, month and
** year arithmetic, and the 29 February rules.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "date.h"

static sp_date D(const char *s)
{
    sp_date d;
    assert_true(sp_date_parse(s, strlen(s), &d));
    return d;
}

static void assert_date(sp_date d, const char *want)
{
    char buf[11];
    sp_date_format(d, buf);
    assert_string_equal(buf, want);
}

static void test_date_epoch_and_limits(void **state)
{
    (void)state;
    sp_date d;
    assert_true(sp_date_from_ymd(1970, 1, 1, &d));
    assert_int_equal(d, 0);
    assert_int_equal(D("1969-12-31"), -1);
    assert_int_equal(D("2000-03-01"), 11017);
    assert_int_equal(D("0001-01-01"), -719162);
    assert_int_equal(D("9999-12-31"), 2932896);
    assert_false(sp_date_from_ymd(0, 12, 31, &d));
    assert_false(sp_date_from_ymd(10000, 1, 1, &d));
}

static void test_date_round_trips_every_day(void **state)
{
    (void)state;
    /* Every day in range converts back and forth, days follow in order. */
    int py = 0, pm = 12, pd = 31;
    for (sp_date d = D("0001-01-01"); d <= D("9999-12-31"); d++) {
        int y, m, day;
        sp_date back;
        sp_date_to_ymd(d, &y, &m, &day);
        assert_true(sp_date_from_ymd(y, m, day, &back));
        assert_int_equal(back, d);
        if (day == 1)
            assert_true(pd == sp_date_days_in_month(py, pm) && (m == pm % 12 + 1));
        else
            assert_true(day == pd + 1 && m == pm && y == py);
        py = y;
        pm = m;
        pd = day;
    }
}

static void test_date_leap_years(void **state)
{
    (void)state;
    assert_true(sp_date_is_leap(2024));
    assert_true(sp_date_is_leap(2000));
    assert_true(sp_date_is_leap(1600));
    assert_false(sp_date_is_leap(1900));
    assert_false(sp_date_is_leap(2100));
    assert_false(sp_date_is_leap(2025));
    assert_int_equal(sp_date_days_in_month(2024, 2), 29);
    assert_int_equal(sp_date_days_in_month(1900, 2), 28);
    assert_int_equal(sp_date_days_in_month(2025, 4), 30);
    assert_int_equal(sp_date_days_in_month(2025, 12), 31);
    assert_int_equal(sp_date_days_in_month(2025, 0), 0);
    assert_int_equal(sp_date_days_in_month(2025, 13), 0);
}

static void test_date_parse_accepts_real_dates(void **state)
{
    (void)state;
    assert_date(D("2024-02-29"), "2024-02-29");
    assert_date(D("2000-02-29"), "2000-02-29");
    assert_date(D("2025-12-31"), "2025-12-31");
    assert_date(D("0001-01-01"), "0001-01-01");
    /* Only the first len bytes are read. */
    sp_date d;
    assert_true(sp_date_parse("2025-06-01T00", 10, &d));
    assert_date(d, "2025-06-01");
}

static void test_date_parse_rejects(void **state)
{
    (void)state;
    static const char *bad[] = {
        "2025-02-30", "2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01",
        "2025-00-10", "2025-01-00", "0000-01-01", "2025-2-3",   "2025-02-3",
        "25-02-03",   "2025/02/03", "2025-02-03 ", " 2025-02-03", "2025-02-0x",
        "+025-02-03", "2025-0a-03", "",           "2025-02-031", "20250203--",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sp_date d = 12345;
        assert_false(sp_date_parse(bad[i], strlen(bad[i]), &d));
        assert_int_equal(d, 12345);
    }
    sp_date d;
    assert_false(sp_date_parse("2025-02-03", 9, &d));
}

static void test_date_add_days(void **state)
{
    (void)state;
    sp_date d;
    assert_true(sp_date_add_days(D("2024-02-28"), 1, &d));
    assert_date(d, "2024-02-29");
    assert_true(sp_date_add_days(D("2025-02-28"), 1, &d));
    assert_date(d, "2025-03-01");
    assert_true(sp_date_add_days(D("2025-01-01"), -1, &d));
    assert_date(d, "2024-12-31");
    assert_true(sp_date_add_days(D("2025-01-01"), 365, &d));
    assert_date(d, "2026-01-01");
    assert_false(sp_date_add_days(D("9999-12-31"), 1, &d));
    assert_false(sp_date_add_days(D("0001-01-01"), -1, &d));
    assert_false(sp_date_add_days(0, INT64_MAX, &d));
    assert_false(sp_date_add_days(-1, INT64_MIN, &d));
}

static void test_date_add_months_clamps(void **state)
{
    (void)state;
    sp_date d;
    assert_true(sp_date_add_months(D("2025-01-31"), 1, &d));
    assert_date(d, "2025-02-28");
    assert_true(sp_date_add_months(D("2024-01-31"), 1, &d));
    assert_date(d, "2024-02-29");
    assert_true(sp_date_add_months(D("2024-03-31"), -1, &d));
    assert_date(d, "2024-02-29");
    assert_true(sp_date_add_months(D("2025-03-31"), 1, &d));
    assert_date(d, "2025-04-30");
    /* Each step is from the original date, so the day is not lost. */
    assert_true(sp_date_add_months(D("2025-01-31"), 2, &d));
    assert_date(d, "2025-03-31");
    assert_true(sp_date_add_months(D("2025-11-15"), 2, &d));
    assert_date(d, "2026-01-15");
    assert_true(sp_date_add_months(D("2025-01-15"), -1, &d));
    assert_date(d, "2024-12-15");
    assert_true(sp_date_add_months(D("2025-06-10"), 0, &d));
    assert_date(d, "2025-06-10");
    assert_true(sp_date_add_months(D("2024-02-29"), 12, &d));
    assert_date(d, "2025-02-28");
    assert_true(sp_date_add_months(D("2025-01-15"), -12 * 2024, &d));
    assert_date(d, "0001-01-15");
}

static void test_date_add_months_out_of_range(void **state)
{
    (void)state;
    sp_date d = 7;
    assert_false(sp_date_add_months(D("9999-12-01"), 1, &d));
    assert_false(sp_date_add_months(D("0001-01-31"), -1, &d));
    assert_false(sp_date_add_months(D("2025-01-01"), INT64_MAX, &d));
    assert_false(sp_date_add_months(D("2025-01-01"), INT64_MIN, &d));
    assert_int_equal(d, 7);
    assert_true(sp_date_add_months(D("9998-12-31"), 12, &d));
    assert_date(d, "9999-12-31");
}

static void test_date_anniversary_of_29_february(void **state)
{
    (void)state;
    sp_date d;
    sp_date born = D("2008-02-29");
    assert_true(sp_date_anniversary(born, 18, &d));
    assert_date(d, "2026-03-01");
    assert_true(sp_date_anniversary(born, 16, &d));
    assert_date(d, "2024-02-29");
    assert_true(sp_date_anniversary(born, 92, &d)); /* 2100 is common */
    assert_date(d, "2100-03-01");
    assert_true(sp_date_anniversary(born, -8, &d));
    assert_date(d, "2000-02-29");
    assert_true(sp_date_anniversary(born, -1, &d));
    assert_date(d, "2007-03-01");
    assert_true(sp_date_anniversary(born, 0, &d));
    assert_date(d, "2008-02-29");
}

static void test_date_anniversary_ordinary_days(void **state)
{
    (void)state;
    sp_date d;
    assert_true(sp_date_anniversary(D("2008-02-28"), 1, &d));
    assert_date(d, "2009-02-28");
    assert_true(sp_date_anniversary(D("2008-03-01"), 1, &d));
    assert_date(d, "2009-03-01");
    assert_true(sp_date_anniversary(D("1990-12-31"), 35, &d));
    assert_date(d, "2025-12-31");
    assert_false(sp_date_anniversary(D("2000-01-01"), 8000, &d));
    assert_false(sp_date_anniversary(D("2000-01-01"), -2000, &d));
    assert_false(sp_date_anniversary(D("2000-01-01"), INT64_MAX, &d));
}

static void test_date_age_on_birthday_and_day_before(void **state)
{
    (void)state;
    sp_date born = D("2008-02-29");
    assert_int_equal(sp_date_years_between(born, D("2026-02-28")), 17);
    assert_int_equal(sp_date_years_between(born, D("2026-03-01")), 18);
    assert_int_equal(sp_date_years_between(born, D("2024-02-28")), 15);
    assert_int_equal(sp_date_years_between(born, D("2024-02-29")), 16);
    assert_int_equal(sp_date_years_between(born, born), 0);
    assert_int_equal(sp_date_years_between(born, D("2009-02-28")), 0);
    assert_int_equal(sp_date_years_between(born, D("2009-03-01")), 1);

    sp_date b2 = D("1990-06-15");
    assert_int_equal(sp_date_years_between(b2, D("2025-06-14")), 34);
    assert_int_equal(sp_date_years_between(b2, D("2025-06-15")), 35);
    assert_int_equal(sp_date_years_between(b2, D("2025-12-31")), 35);
    /* Born 1 March: 29 February of a leap year is still the day before. */
    assert_int_equal(sp_date_years_between(D("2007-03-01"), D("2024-02-29")), 16);
    assert_int_equal(sp_date_years_between(D("2007-03-01"), D("2024-03-01")), 17);
}

static void test_date_years_between_matches_anniversary(void **state)
{
    (void)state;
    /* For each of several birthdays, age n starts exactly on anniversary n. */
    static const char *births[] = { "2008-02-29", "2000-02-29", "1999-12-31",
                                    "2001-03-01", "2004-02-28", "1970-01-01" };
    for (size_t i = 0; i < sizeof births / sizeof births[0]; i++) {
        sp_date b = D(births[i]);
        for (int64_t n = -30; n <= 100; n++) {
            sp_date a;
            assert_true(sp_date_anniversary(b, n, &a));
            assert_int_equal(sp_date_years_between(b, a), n);
            assert_true(sp_date_years_between(b, a - 1) < n);
        }
    }
}

static void test_date_years_between_negative(void **state)
{
    (void)state;
    sp_date b = D("2000-06-15");
    assert_int_equal(sp_date_years_between(b, D("2000-06-14")), -1);
    assert_int_equal(sp_date_years_between(b, D("1999-06-15")), -1);
    assert_int_equal(sp_date_years_between(b, D("1999-06-14")), -2);
}

static void test_date_next_on_or_after(void **state)
{
    (void)state;
    sp_date d;
    assert_true(sp_date_next_on_or_after(D("2026-09-30"), 9, 30, &d));
    assert_date(d, "2026-09-30");
    assert_true(sp_date_next_on_or_after(D("2026-10-01"), 9, 30, &d));
    assert_date(d, "2027-09-30");
    assert_true(sp_date_next_on_or_after(D("2026-09-29"), 9, 30, &d));
    assert_date(d, "2026-09-30");
    assert_true(sp_date_next_on_or_after(D("2026-01-01"), 4, 6, &d));
    assert_date(d, "2026-04-06");
    assert_true(sp_date_next_on_or_after(D("2025-03-01"), 2, 29, &d));
    assert_date(d, "2028-02-29");
    assert_true(sp_date_next_on_or_after(D("1897-01-01"), 2, 29, &d)); /* 1900 is common */
    assert_date(d, "1904-02-29");
    assert_true(sp_date_next_on_or_after(D("2024-02-29"), 2, 29, &d));
    assert_date(d, "2024-02-29");
}

static void test_date_next_on_or_after_rejects(void **state)
{
    (void)state;
    sp_date d = 7;
    assert_false(sp_date_next_on_or_after(D("2026-01-01"), 2, 30, &d));
    assert_false(sp_date_next_on_or_after(D("2026-01-01"), 4, 31, &d));
    assert_false(sp_date_next_on_or_after(D("2026-01-01"), 13, 1, &d));
    assert_false(sp_date_next_on_or_after(D("2026-01-01"), 0, 1, &d));
    assert_false(sp_date_next_on_or_after(D("2026-01-01"), 1, 0, &d));
    assert_false(sp_date_next_on_or_after(D("9999-12-31"), 12, 30, &d));
    assert_false(sp_date_next_on_or_after(D("9997-03-01"), 2, 29, &d));
    assert_int_equal(d, 7);
    assert_true(sp_date_next_on_or_after(D("9999-12-31"), 12, 31, &d));
    assert_date(d, "9999-12-31");
}

/* Age against its definition, the largest n whose anniversary falls on or
** before the day: for birth days around leap days and year ends, on every
** day of several years, common and leap, centuries included. */
static void test_date_years_between_is_its_definition(void **state)
{
    (void)state;
    static const char *births[] = { "2000-02-29", "1996-02-28", "1996-03-01", "1999-12-31",
                                    "2001-01-01", "1900-03-01", "2004-02-29", "2010-06-15" };
    for (size_t b = 0; b < sizeof births / sizeof births[0]; b++) {
        sp_date born = D(births[b]), day;
        for (day = D("1995-01-01"); day <= D("2102-12-31"); day += 7) {
            int64_t n = sp_date_years_between(born, day);
            sp_date at, next;
            assert_true(sp_date_anniversary(born, n, &at));
            assert_true(sp_date_anniversary(born, n + 1, &next));
            assert_true(at <= day);
            assert_true(next > day);
        }
        for (day = D("2099-12-01"); day <= D("2101-03-31"); day++) {   /* 2100: not a leap year */
            int64_t n = sp_date_years_between(born, day);
            sp_date at, next;
            assert_true(sp_date_anniversary(born, n, &at) && at <= day);
            assert_true(sp_date_anniversary(born, n + 1, &next) && next > day);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_epoch_and_limits),
        cmocka_unit_test(test_date_round_trips_every_day),
        cmocka_unit_test(test_date_leap_years),
        cmocka_unit_test(test_date_parse_accepts_real_dates),
        cmocka_unit_test(test_date_parse_rejects),
        cmocka_unit_test(test_date_add_days),
        cmocka_unit_test(test_date_add_months_clamps),
        cmocka_unit_test(test_date_add_months_out_of_range),
        cmocka_unit_test(test_date_anniversary_of_29_february),
        cmocka_unit_test(test_date_anniversary_ordinary_days),
        cmocka_unit_test(test_date_age_on_birthday_and_day_before),
        cmocka_unit_test(test_date_years_between_matches_anniversary),
        cmocka_unit_test(test_date_years_between_negative),
        cmocka_unit_test(test_date_years_between_is_its_definition),
        cmocka_unit_test(test_date_next_on_or_after),
        cmocka_unit_test(test_date_next_on_or_after_rejects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
