/*
** Exact numbers: rationals of 128-bit integers, for money and whole numbers.
** Every operation detects overflow and reports it; nothing wraps, nothing
** passes through binary floating point.
*/
#ifndef SP_NUM_H
#define SP_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

__extension__ typedef __int128 sp_i128;

/* A reduced fraction num/den with den > 0 and gcd(|num|, den) == 1. */
typedef struct sp_num {
    sp_i128 num;
    sp_i128 den;
} sp_num;

typedef enum sp_round_mode {
    SP_ROUND_HALF_UP,   /* ties away from zero */
    SP_ROUND_HALF_EVEN, /* ties to the even neighbour */
    SP_ROUND_UP,        /* away from zero */
    SP_ROUND_DOWN       /* towards zero */
} sp_round_mode;

/* The most digits accepted before and after the point when reading. */
#define SP_NUM_MAX_INT_DIGITS 12
#define SP_NUM_MAX_FRAC_DIGITS 12

sp_num sp_num_from_int(int64_t v);
/* Parses "digits[.digits]" exactly (no sign, no exponent, no spaces):
** at most SP_NUM_MAX_INT_DIGITS before the point and SP_NUM_MAX_FRAC_DIGITS
** after. Returns false when the text is not of that form or too long. */
bool sp_num_parse(const char *s, size_t len, sp_num *out);

/* Arithmetic: return false on overflow (or division by zero); *out is
** untouched then. */
bool sp_num_add(sp_num a, sp_num b, sp_num *out);
bool sp_num_sub(sp_num a, sp_num b, sp_num *out);
bool sp_num_mul(sp_num a, sp_num b, sp_num *out);
bool sp_num_div(sp_num a, sp_num b, sp_num *out);
/* -1, 0 or 1. Never overflows. */
int sp_num_cmp(sp_num a, sp_num b);
/* Rounds to a multiple of 1/scale (scale 100: pennies; scale 1: pounds). */
bool sp_num_round(sp_num a, int64_t scale, sp_round_mode mode, sp_num *out);
bool sp_num_is_integer(sp_num a);
/* True when a is a whole number of 1/scale units (e.g. whole pence). */
bool sp_num_is_multiple(sp_num a, int64_t scale);

/* Writes a with exactly `places` decimals ("12.34", "-0.50", "0.00") into
** out (at least 64 bytes). a must be a multiple of 10^-places. Returns the
** length, or 0 when it is not. */
size_t sp_num_format_fixed(sp_num a, int places, char *out);
/* Writes an integer value ("12", "-3") into out (at least 48 bytes). Returns
** the length, or 0 when a is not an integer. */
size_t sp_num_format_int(sp_num a, char *out);
/* Writes any value exactly: decimal when it terminates ("0.125"), otherwise
** "num/den". For traces. out at least 96 bytes. */
size_t sp_num_format_exact(sp_num a, char *out);

/* Money in its usual form, for the decision's JSON: when a is a whole
** number of pence (den divides 100) and at most 10^15 of num either way,
** writes it as sp_num_format_fixed(a, 2, ...) would ("12.34", "-0.50",
** "0.00"), but backwards: the text ends just before `end` and takes at most
** 24 bytes before it (no NUL). Returns its length, so it starts at
** end - length; 0, writing nothing, for any other value. Written so, a
** number needs neither its length first nor a copy. */
size_t sp_num_format_pence(sp_num a, char *end);
/* The same for a whole number of at most 10^18 either way, written as
** sp_num_format_int would ("12", "-3"); 0 for any other value. */
size_t sp_num_format_whole(sp_num a, char *end);

/* A running total for sum() and mean(): the terms are added over a common
** denominator and the total reduced once, at the end, instead of at every
** step. Exact all the way; it goes on in 128-bit fractions (sp_num_add)
** when a term or the total leaves 64 bits. */
typedef struct sp_num_sum {
    int64_t num, den;   /* the total so far, num/den, not reduced */
    bool wide;          /* the total is in `exact` instead */
    sp_num exact;
} sp_num_sum;

void sp_num_sum_init(sp_num_sum *s);
/* false on overflow (of the 128-bit fractions, as sp_num_add) */
bool sp_num_sum_add(sp_num_sum *s, sp_num v);
/* The total divided by `count` (1 for a sum, the number of terms for a
** mean, > 0), reduced. false on overflow. */
bool sp_num_sum_result(const sp_num_sum *s, int64_t count, sp_num *out);

#endif
