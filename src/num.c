/*
** Exact rationals of 128-bit integers: reduction, checked arithmetic,
** rounding to 1/scale and decimal formatting.
*/
#include "num.h"

#include <string.h>

/* The smallest __int128 is never stored: without it negation and absolute
** values cannot overflow, so the usable range is symmetric, +-MAX. */
#define MAX128 ((sp_i128)(((sp_i128)INT64_MAX << 64) | (sp_i128)UINT64_MAX))
#define MIN128 (-MAX128 - 1)

static sp_i128 gcd(sp_i128 a, sp_i128 b) /* a, b >= 0 */
{
    while (b) {
        if ((a >> 64) == 0 && (b >> 64) == 0) {
            /* Money and ages fit in 64 bits: a machine division, not a
            ** call to the 128-bit one. */
            uint64_t x = (uint64_t)a, y = (uint64_t)b;
            while (y) {
                uint64_t t = x % y;
                x = y;
                y = t;
            }
            return (sp_i128)x;
        }
        sp_i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static sp_i128 iabs(sp_i128 v) { return v < 0 ? -v : v; }

/* Builds the reduced n/d; false when d is 0 or a part is out of range. */
static bool make(sp_i128 n, sp_i128 d, sp_num *out)
{
    if (d == 0 || n == MIN128 || d == MIN128)
        return false;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    if (d == 1) {
        out->num = n;
        out->den = 1;
        return true;
    }
    sp_i128 g = gcd(iabs(n), d);
    if (g > 1) {
        n /= g;
        d /= g;
    }
    out->num = n;
    out->den = d;
    return true;
}

sp_num sp_num_from_int(int64_t v)
{
    sp_num r = { v, 1 };
    return r;
}

static bool digit(char c) { return c >= '0' && c <= '9'; }

bool sp_num_parse(const char *s, size_t len, sp_num *out)
{
    size_t i = 0, ni = 0, nf = 0;
    sp_i128 n = 0, d = 1;
    /* Stopping at the digit limits keeps n below 10^24: no overflow. */
    for (; i < len && digit(s[i]); i++) {
        if (++ni > SP_NUM_MAX_INT_DIGITS)
            return false;
        n = n * 10 + (s[i] - '0');
    }
    if (ni == 0)
        return false;
    if (i < len && s[i] == '.') {
        for (i++; i < len && digit(s[i]); i++) {
            if (++nf > SP_NUM_MAX_FRAC_DIGITS)
                return false;
            n = n * 10 + (s[i] - '0');
            d *= 10;
        }
        if (nf == 0)
            return false;
    }
    return i == len && make(n, d, out);
}

bool sp_num_add(sp_num a, sp_num b, sp_num *out)
{
    /* Knuth's form: scale by den/gcd, then cancel gcd(t, g), the only
    ** common factor left. An intermediate can still exceed 127 bits when
    ** the result is within a few bits of the limit; that reports overflow. */
    sp_i128 g = gcd(a.den, b.den);
    sp_i128 x, y, t, den;
    if (__builtin_mul_overflow(a.num, b.den / g, &x) ||
        __builtin_mul_overflow(b.num, a.den / g, &y) ||
        __builtin_add_overflow(x, y, &t) || t == MIN128)
        return false;
    sp_i128 g2 = gcd(iabs(t), g);
    if (__builtin_mul_overflow(a.den / g, b.den / g2, &den))
        return false;
    return make(t / g2, den, out);
}

bool sp_num_sub(sp_num a, sp_num b, sp_num *out)
{
    b.num = -b.num; /* safe: MIN128 is never stored */
    return sp_num_add(a, b, out);
}

bool sp_num_mul(sp_num a, sp_num b, sp_num *out)
{
    /* Cross-cancel first; the result is then already reduced. */
    sp_i128 g1 = gcd(iabs(a.num), b.den), g2 = gcd(iabs(b.num), a.den);
    sp_i128 n, d;
    if (__builtin_mul_overflow(a.num / g1, b.num / g2, &n) ||
        __builtin_mul_overflow(a.den / g2, b.den / g1, &d))
        return false;
    return make(n, d, out);
}

bool sp_num_div(sp_num a, sp_num b, sp_num *out)
{
    if (b.num == 0)
        return false;
    sp_num inv = { b.num < 0 ? -b.den : b.den, iabs(b.num) };
    return sp_num_mul(a, inv, out);
}

int sp_num_cmp(sp_num a, sp_num b)
{
    /* Compare continued-fraction terms, so nothing is ever multiplied:
    ** with equal integer parts, ra/ad < rb/bd exactly when ad/ra > bd/rb,
    ** so go on with the reciprocals and the answer's sign flipped. */
    sp_i128 an = a.num, ad = a.den, bn = b.num, bd = b.den;
    for (int sign = 1;; sign = -sign) {
        /* Floor quotients and remainders in [0, den), with no q*den that
        ** could overflow. */
        sp_i128 ra = an % ad, rb = bn % bd;
        sp_i128 qa = an / ad - (ra < 0), qb = bn / bd - (rb < 0);
        if (ra < 0) ra += ad;
        if (rb < 0) rb += bd;
        if (qa != qb)
            return qa < qb ? -sign : sign;
        if (ra == 0 || rb == 0)
            return ra == rb ? 0 : (ra == 0 ? -sign : sign);
        an = ad;
        ad = ra;
        bn = bd;
        bd = rb;
    }
}

bool sp_num_round(sp_num a, int64_t scale, sp_round_mode mode, sp_num *out)
{
    if (scale <= 0)
        return false;
    /* a = ip +- f/d with 0 <= f < d; only f/d is rounded, so whole numbers
    ** and huge denominators never overflow. */
    sp_i128 d = a.den, f = iabs(a.num % a.den);
    sp_num ip = { a.num / a.den, 1 }, r;
    /* q = floor(f*scale/d) and rem = f*scale mod d, built bit by bit with
    ** 0 <= rem < d throughout; "rem >= d - x" is rem + x >= d unoverflowed. */
    sp_i128 q = 0, rem = 0;
    for (int bit = 62; bit >= 0; bit--) {
        q *= 2;
        if (rem >= d - rem) { rem -= d - rem; q++; } else rem *= 2;
        if ((scale >> bit) & 1) {
            if (rem >= d - f) { rem -= d - f; q++; } else rem += f;
        }
    }
    /* Half-even needs the parity of the whole result, ip*scale + q. */
    bool odd = (q % 2 != 0) != (ip.num % 2 != 0 && scale % 2 != 0);
    bool away = false;
    if (rem != 0) {
        sp_i128 rest = d - rem; /* distance to the next unit out */
        switch (mode) {
        case SP_ROUND_HALF_UP:   away = rem >= rest; break;
        case SP_ROUND_HALF_EVEN: away = rem > rest || (rem == rest && odd); break;
        case SP_ROUND_UP:        away = true; break;
        case SP_ROUND_DOWN:      away = false; break;
        }
    }
    q += away; /* q <= scale < 2^63, far from the limits */
    if (!make(a.num < 0 ? -q : q, scale, &r) || !sp_num_add(ip, r, &r))
        return false;
    *out = r;
    return true;
}

bool sp_num_is_integer(sp_num a) { return a.den == 1; }

bool sp_num_is_multiple(sp_num a, int64_t scale)
{
    /* a*scale is whole iff den divides scale, as num and den are coprime. */
    return scale > 0 && (sp_i128)scale % a.den == 0;
}

/* Writes the digits of v >= 0, returning their count. */
static size_t digits(sp_i128 v, char *out)
{
    char tmp[40];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

/* 10^p for 0 <= p <= 38 (the largest power that fits). */
static sp_i128 tenpow(int p)
{
    sp_i128 v = 1;
    while (p-- > 0)
        v *= 10;
    return v;
}

/* Fixed-point text of a with `places` decimals into out[cap]; 0 when a is
** not a multiple of 10^-places or the text does not fit. */
static size_t fixed(sp_num a, int places, char *out, size_t cap)
{
    if (places < 0 || places > 38 || tenpow(places) % a.den != 0)
        return 0;
    /* Whole and fractional parts apart: frac < 10^places always fits. */
    sp_i128 ip = iabs(a.num / a.den);
    sp_i128 fr = iabs(a.num % a.den) * (tenpow(places) / a.den);
    char buf[80];
    size_t n = 0;
    if (a.num < 0)
        buf[n++] = '-';
    n += digits(ip, buf + n);
    if (places > 0) {
        char f[40];
        size_t nf = digits(fr, f);
        buf[n++] = '.';
        memset(buf + n, '0', (size_t)places - nf);
        memcpy(buf + n + places - nf, f, nf);
        n += (size_t)places;
    }
    if (n + 1 > cap)
        return 0;
    memcpy(out, buf, n);
    out[n] = '\0';
    return n;
}

/* Pounds and pence that fit 64 bits, the usual case, without 128-bit
** division: "12.34". Returns 0 when a is not of that kind. */
static size_t pence(sp_num a, char *out)
{
    if ((a.den != 1 && a.den != 2 && a.den != 4 && a.den != 5 && a.den != 10 && a.den != 20 &&
         a.den != 25 && a.den != 50 && a.den != 100) ||
        a.num > (sp_i128)1e15 || a.num < -(sp_i128)1e15)
        return 0;
    int64_t p = (int64_t)a.num * (100 / (int64_t)a.den);   /* whole pence */
    char tmp[32];
    size_t n = 0;
    uint64_t v = p < 0 ? (uint64_t)(-p) : (uint64_t)p;
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
    tmp[n++] = '.';
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (p < 0)
        tmp[n++] = '-';
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return n;
}

size_t sp_num_format_fixed(sp_num a, int places, char *out)
{
    if (places == 2) {
        size_t fast = pence(a, out);
        if (fast)
            return fast;
    }
    size_t n = fixed(a, places, out, 64);
    if (n == 0)
        out[0] = '\0';
    return n;
}

size_t sp_num_format_int(sp_num a, char *out)
{
    size_t n = a.den == 1 ? fixed(a, 0, out, 48) : 0;
    if (n == 0)
        out[0] = '\0';
    return n;
}

size_t sp_num_format_exact(sp_num a, char *out)
{
    /* The decimal terminates iff den is 2^i 5^j; it then needs max(i, j)
    ** places. */
    sp_i128 d = a.den;
    int twos = 0, fives = 0;
    while (d % 2 == 0) { d /= 2; twos++; }
    while (d % 5 == 0) { d /= 5; fives++; }
    if (d == 1) {
        size_t n = fixed(a, twos > fives ? twos : fives, out, 96);
        if (n)
            return n;
    }
    /* Not terminating, or too long: num/den is at most 81 bytes. */
    size_t n = 0;
    if (a.num < 0)
        out[n++] = '-';
    n += digits(iabs(a.num), out + n);
    out[n++] = '/';
    n += digits(a.den, out + n);
    out[n] = '\0';
    return n;
}
