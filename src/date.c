/*
** Calendar dates as day numbers since 1970-01-01 (proleptic Gregorian,
** years 1..9999): conversion, parsing, and month/year arithmetic.
*/
#include "date.h"

/* Howard Hinnant's days_from_civil: eras of 400 years starting 1 March,
** so the leap day falls at the end of each computational year. */
static int64_t civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    if (y >= 0) {
        /* Every date's year (1..9999): the same sums without signs, whose
        ** divisions by constants take fewer instructions (cases' dates are
        ** read this way). d only adds, so d < 1 wraps and unwraps. */
        uint64_t uy = (uint64_t)y, era = uy / 400, yoe = uy - era * 400;
        uint64_t doy = (153 * (uint64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 + (uint64_t)d - 1;
        uint64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (int64_t)(era * 146097 + doe) - 719468;
    }
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

#define MIN_DAY (-719162) /* 0001-01-01 */
#define MAX_DAY 2932896   /* 9999-12-31 */

static bool in_range(int64_t days) { return days >= MIN_DAY && days <= MAX_DAY; }

bool sp_date_is_leap(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int sp_date_days_in_month(int y, int m)
{
    static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12)
        return 0;
    return len[m - 1] + (m == 2 && sp_date_is_leap(y));
}

bool sp_date_from_ymd(int y, int m, int d, sp_date *out)
{
    if (y < 1 || y > 9999 || d < 1 || d > sp_date_days_in_month(y, m))
        return false;
    *out = (sp_date)civil(y, m, d);
    return true;
}

/* Howard Hinnant's civil_from_days. */
void sp_date_to_ymd(sp_date days, int *y, int *m, int *day)
{
    int64_t z = (int64_t)days + 719468;
    if (z >= 0) {
        /* from 0000-03-01 on, every valid date: as below without signs */
        uint64_t uz = (uint64_t)z, era = uz / 146097, doe = uz - era * 146097;
        uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        uint64_t mp = (5 * doy + 2) / 153;
        *day = (int)(doy - (153 * mp + 2) / 5 + 1);
        *m = (int)(mp < 10 ? mp + 3 : mp - 9);
        *y = (int)(yoe + era * 400 + (*m <= 2));
        return;
    }
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

bool sp_date_parse(const char *s, size_t len, sp_date *out)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return false;
    int v[3] = { 0, 0, 0 }, field = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            field++;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return false;
        v[field] = v[field] * 10 + (s[i] - '0');
    }
    return sp_date_from_ymd(v[0], v[1], v[2], out);
}

static void put(char *out, int v, int width)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
}

void sp_date_format(sp_date d, char out[11])
{
    int y, m, day;
    sp_date_to_ymd(d, &y, &m, &day);
    if (y < 1 || y > 9999) /* not a valid date; keep the text well formed */
        y = 0;
    put(out, y, 4);
    out[4] = '-';
    put(out + 5, m, 2);
    out[7] = '-';
    put(out + 8, day, 2);
    out[10] = '\0';
}

bool sp_date_add_months(sp_date d, int64_t n, sp_date *out)
{
    int y, m, day;
    sp_date_to_ymd(d, &y, &m, &day);
    int64_t t; /* months since year 0, January */
    if (__builtin_add_overflow((int64_t)y * 12 + (m - 1), n, &t) || t < 12 || t >= 10000 * 12)
        return false;
    int ny = (int)(t / 12), nm = (int)(t % 12) + 1;
    int dim = sp_date_days_in_month(ny, nm);
    return sp_date_from_ymd(ny, nm, day < dim ? day : dim, out);
}

bool sp_date_add_days(sp_date d, int64_t n, sp_date *out)
{
    int64_t r;
    if (__builtin_add_overflow((int64_t)d, n, &r) || !in_range(r))
        return false;
    *out = (sp_date)r;
    return true;
}

/* Day number of the anniversary in year ny of (m, day), without range
** checks: 29 February moves to 1 March in a common year. */
static int64_t anniv(int64_t ny, int m, int day)
{
    if (m == 2 && day == 29 && (ny % 4 != 0 || (ny % 100 == 0 && ny % 400 != 0)))
        return civil(ny, 3, 1);
    return civil(ny, m, day);
}

bool sp_date_anniversary(sp_date d, int64_t n, sp_date *out)
{
    int y, m, day;
    sp_date_to_ymd(d, &y, &m, &day);
    int64_t ny;
    if (__builtin_add_overflow((int64_t)y, n, &ny) || ny < 1 || ny > 9999)
        return false;
    *out = (sp_date)anniv(ny, m, day);
    return true;
}

int64_t sp_date_years_between(sp_date from, sp_date on)
{
    /* The largest n whose anniversary is on or before `on`. The anniversary
    ** in on's own year decides between that year count and one less, since
    ** the previous one falls in the year before. Negative n count back. */
    int fy, fm, fd, oy, om, od;
    sp_date_to_ymd(from, &fy, &fm, &fd);
    sp_date_to_ymd(on, &oy, &om, &od);
    int64_t n = (int64_t)oy - fy;
    /* anniv(oy, fm, fd) > on, compared as month and day within year oy */
    if (fm == 2 && fd == 29 && !sp_date_is_leap(oy)) {
        fm = 3;
        fd = 1;
    }
    return fm > om || (fm == om && fd > od) ? n - 1 : n;
}

bool sp_date_next_on_or_after(sp_date d, int m, int day, sp_date *out)
{
    if (day < 1 || day > sp_date_days_in_month(2000, m)) /* 2000: leap */
        return false;
    int y, dm, dd;
    sp_date_to_ymd(d, &y, &dm, &dd);
    if (y < 1)
        y = 1;
    /* At most 8 years pass between two 29 Februaries (e.g. 1896 to 1904). */
    for (; y <= 9999; y++) {
        sp_date c;
        if (sp_date_from_ymd(y, m, day, &c) && c >= d) {
            *out = c;
            return true;
        }
    }
    return false;
}
