/*
** Calendar dates as day numbers (proleptic Gregorian), and the date
** arithmetic of the contract's shared definitions.
*/
#ifndef SP_DATE_H
#define SP_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Days since 1970-01-01 (negative before). */
typedef int32_t sp_date;

/* Years 1..9999 are representable. */
bool sp_date_from_ymd(int y, int m, int d, sp_date *out);  /* false if no such day */
void sp_date_to_ymd(sp_date d, int *y, int *m, int *day);
/* Parses exactly "YYYY-MM-DD"; false when malformed or the day does not exist. */
bool sp_date_parse(const char *s, size_t len, sp_date *out);
/* Writes "YYYY-MM-DD" and a NUL into out[11]. */
void sp_date_format(sp_date d, char out[11]);
bool sp_date_is_leap(int y);
int sp_date_days_in_month(int y, int m);

/* Adds n months (n may be negative), keeping the day and clamping it to the
** end of the target month: 2025-01-31 + 1 month = 2025-02-28. False when the
** result leaves years 1..9999. Years are 12 months. */
bool sp_date_add_months(sp_date d, int64_t n, sp_date *out);
/* Adds n days; false when out of range. */
bool sp_date_add_days(sp_date d, int64_t n, sp_date *out);
/* The Nth anniversary of d: same month and day N years later; an anniversary
** of 29 February in a common year is 1 March. False when out of range. */
bool sp_date_anniversary(sp_date d, int64_t n, sp_date *out);
/* Whole anniversaries of `from` reached on `on` (an anniversary counts on its
** own day, 29 February as above); negative when `on` is before `from`. */
int64_t sp_date_years_between(sp_date from, sp_date on);
/* The first date on or after d whose month and day are m and day (29 February
** only in leap years). False when out of range or no such month/day. */
bool sp_date_next_on_or_after(sp_date d, int m, int day, sp_date *out);

#endif
