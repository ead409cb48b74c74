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

/* The 64-bit fast paths below take values in [-INT64_MAX, INT64_MAX], so
** that negating and taking absolute values cannot overflow either; any
** other operand, and any 64-bit overflow on the way, goes the 128-bit way,
** which gives the same reduced result or reports the overflow. */
static inline bool fits64(sp_i128 v) { return v >= -(sp_i128)INT64_MAX && v <= INT64_MAX; }

static inline bool both64(sp_num a) { return fits64(a.num) && a.den <= INT64_MAX; }

static uint64_t gcd64(uint64_t x, uint64_t y)
{
    while (y) {
        uint64_t t = x % y;
        x = y;
        y = t;
    }
    return x;
}

static inline uint64_t uabs64(int64_t v) { return v < 0 ? -(uint64_t)v : (uint64_t)v; }

/* Builds the reduced n/d; false when d is 0 or a part is out of range. */
static bool make(sp_i128 n, sp_i128 d, sp_num *out)
{
    if (fits64(n) && fits64(d) && d != 0) {
        int64_t n64 = (int64_t)n, d64 = (int64_t)d;
        if (d64 < 0) {
            n64 = -n64;
            d64 = -d64;
        }
        if (d64 != 1) {
            int64_t g = (int64_t)gcd64(uabs64(n64), (uint64_t)d64);
            if (g > 1) {
                n64 /= g;
                d64 /= g;
            }
        }
        out->num = n64;
        out->den = d64;
        return true;
    }
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

/* Stores n/d that the arithmetic has already reduced (d > 0), without a
** gcd, except zero, which is 0/1 whatever d, and INT64_MIN, outside the
** stored range (see fits64): make() sees to both. */
static inline bool reduced64(int64_t n, int64_t d, sp_num *out)
{
    if (n == 0 || n == INT64_MIN)
        return make(n, d, out);
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

/* sp_num_parse for up to 18 digits in all, in 64 bits: n < 10^18. False
** when there are more (or the text is not a number: sp_num_parse tells). */
static bool parse64(const char *s, size_t len, sp_num *out)
{
    size_t i = 0, nd = 0;
    int64_t n = 0, d = 1;
    for (; i < len && digit(s[i]); i++) {
        if (++nd > 18)
            return false;
        n = n * 10 + (s[i] - '0');
    }
    if (nd == 0 || nd > SP_NUM_MAX_INT_DIGITS)
        return false;
    if (i < len && s[i] == '.') {
        size_t nf = 0;
        for (i++; i < len && digit(s[i]); i++) {
            if (++nd > 18 || ++nf > SP_NUM_MAX_FRAC_DIGITS)
                return false;
            n = n * 10 + (s[i] - '0');
            d *= 10;
        }
        if (nf == 0)
            return false;
    }
    return i == len && make(n, d, out);
}

bool sp_num_parse(const char *s, size_t len, sp_num *out)
{
    if (parse64(s, len, out))
        return true;
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
    if (both64(a) && both64(b)) {
        int64_t an = (int64_t)a.num, ad = (int64_t)a.den, bn = (int64_t)b.num, bd = (int64_t)b.den;
        int64_t x, y, t, den;
        if (an == 0 || bn == 0) {   /* a sum's first term, a zero figure */
            *out = an == 0 ? b : a;
            return true;
        }
        if (ad == bd) {   /* amounts of a list, most often: one gcd */
            if (!__builtin_add_overflow(an, bn, &t) && t != INT64_MIN) {
                int64_t g = ad == 1 ? 1 : (int64_t)gcd64(uabs64(t), (uint64_t)ad);
                return reduced64(t / g, ad / g, out);
            }
        } else {
            int64_t g = (int64_t)gcd64((uint64_t)ad, (uint64_t)bd);
            if (!__builtin_mul_overflow(an, bd / g, &x) && !__builtin_mul_overflow(bn, ad / g, &y) &&
                !__builtin_add_overflow(x, y, &t) && t != INT64_MIN) {
                int64_t g2 = (int64_t)gcd64(uabs64(t), (uint64_t)g);
                if (!__builtin_mul_overflow(ad / g, bd / g2, &den))
                    return reduced64(t / g2, den, out);   /* Knuth: no factor is left */
            }
        }
    }
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
    if (both64(a) && both64(b)) {
        int64_t an = (int64_t)a.num, ad = (int64_t)a.den, bn = (int64_t)b.num, bd = (int64_t)b.den;
        int64_t h1 = (int64_t)gcd64(uabs64(an), (uint64_t)bd), h2 = (int64_t)gcd64(uabs64(bn), (uint64_t)ad);
        int64_t n, d;
        if (!__builtin_mul_overflow(an / h1, bn / h2, &n) && !__builtin_mul_overflow(ad / h2, bd / h1, &d))
            return reduced64(n, d, out);
    }
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
    if (both64(a) && both64(b)) {
        /* Products of two 64-bit values fit 128 bits: compare a.num*b.den
        ** with b.num*a.den. */
        sp_i128 l = a.den == b.den ? a.num : a.num * b.den, r = a.den == b.den ? b.num : b.num * a.den;
        return (l > r) - (l < r);
    }
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
    sp_i128 d, f, q = 0, rem = 0;
    sp_num ip, r;
    uint64_t fs;
    if (both64(a) && !__builtin_mul_overflow(uabs64((int64_t)a.num % (int64_t)a.den), (uint64_t)scale, &fs)) {
        /* 64 bits throughout: f*scale fits, so one division. */
        int64_t n64 = (int64_t)a.num, d64 = (int64_t)a.den;
        d = d64;
        f = (sp_i128)uabs64(n64 % d64);
        ip = (sp_num){ n64 / d64, 1 };
        q = (sp_i128)(fs / (uint64_t)d64);
        rem = (sp_i128)(fs % (uint64_t)d64);
        goto rounded;
    }
    d = a.den;
    f = iabs(a.num % a.den);
    ip = (sp_num){ a.num / a.den, 1 };
    /* q = floor(f*scale/d) and rem = f*scale mod d, built bit by bit with
    ** 0 <= rem < d throughout; "rem >= d - x" is rem + x >= d unoverflowed. */
    for (int bit = 62; bit >= 0; bit--) {
        q *= 2;
        if (rem >= d - rem) { rem -= d - rem; q++; } else rem *= 2;
        if ((scale >> bit) & 1) {
            if (rem >= d - f) { rem -= d - f; q++; } else rem += f;
        }
    }
rounded:;
    /* Half-even needs the parity of the whole result, ip*scale + q. */
    bool odd = ((q & 1) != 0) != ((ip.num & 1) != 0 && scale % 2 != 0);
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
    if (scale <= 0)
        return false;
    if (a.den == 1 || a.den == scale)   /* whole, or in pence: no division */
        return true;
    if (a.den <= INT64_MAX)
        return scale % (int64_t)a.den == 0;
    return (sp_i128)scale % a.den == 0;
}

/* Writes the digits of v >= 0, returning their count. */
static size_t digits(sp_i128 v, char *out)
{
    char tmp[40];
    size_t n = 0;
    while (v > UINT64_MAX) {
        tmp[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    }
    uint64_t w = (uint64_t)v; /* the rest in machine division */
    do {
        tmp[n++] = (char)('0' + (int)(w % 10));
        w /= 10;
    } while (w);
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
    if (places < 0 || places > 38)
        return 0;
    /* Whole and fractional parts apart: frac < 10^places always fits. */
    sp_i128 ip, fr;
    if (places <= 18 && both64(a)) {
        int64_t p10 = (int64_t)tenpow(places), n64 = (int64_t)a.num, d64 = (int64_t)a.den;
        if (p10 % d64 != 0)
            return 0;
        ip = uabs64(n64 / d64);
        fr = uabs64(n64 % d64) * (uint64_t)(p10 / d64);
    } else {
        if (tenpow(places) % a.den != 0)
            return 0;
        ip = iabs(a.num / a.den);
        fr = iabs(a.num % a.den) * (tenpow(places) / a.den);
    }
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
    if (d <= UINT64_MAX) {   /* machine division for the usual sizes */
        uint64_t d64 = (uint64_t)d;
        while (d64 % 5 == 0) { d64 /= 5; fives++; }
        d = d64;
    } else
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

/* "00" "01" ... "99": two digits at a time, half the divisions. */
static const char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* Writes the digits of v ending just before `end`, a '-' first when neg;
** returns how many bytes it wrote. */
static inline size_t digits_before(char *end, uint64_t v, bool neg)
{
    char *p = end;
    while (v >= 100) {
        unsigned two = (unsigned)(v % 100) * 2;
        v /= 100;
        *--p = digit_pairs[two + 1];
        *--p = digit_pairs[two];
    }
    if (v >= 10) {
        *--p = digit_pairs[v * 2 + 1];
        *--p = digit_pairs[v * 2];
    } else {
        *--p = (char)('0' + v);
    }
    if (neg)
        *--p = '-';
    return (size_t)(end - p);
}

size_t sp_num_format_pence(sp_num a, char *end)
{
    /* den divides 100 exactly when it is one of 1 2 4 5 10 20 25 50 100 */
    const sp_i128 max = 1000000000000000;   /* 10^15: its pence fit 64 bits */
    if (a.den > 100 || a.num > max || a.num < -max)
        return 0;
    int per = 100 / (int)a.den;   /* pence in 1/den */
    if (per * (int)a.den != 100)
        return 0;
    int64_t p = (int64_t)a.num * per;   /* whole pence */
    uint64_t v = p < 0 ? (uint64_t)-p : (uint64_t)p;
    unsigned two = (unsigned)(v % 100) * 2;
    end[-1] = digit_pairs[two + 1];
    end[-2] = digit_pairs[two];
    end[-3] = '.';
    return 3 + digits_before(end - 3, v / 100, p < 0);
}

size_t sp_num_format_whole(sp_num a, char *end)
{
    const sp_i128 max = 1000000000000000000;   /* 10^18 */
    if (a.den != 1 || a.num > max || a.num < -max)
        return 0;
    int64_t w = (int64_t)a.num;
    return digits_before(end, w < 0 ? (uint64_t)-w : (uint64_t)w, w < 0);
}

void sp_num_sum_init(sp_num_sum *s)
{
    s->num = 0;
    s->den = 1;
    s->wide = false;
    s->exact = sp_num_from_int(0);
}

/* Moves the total to 128-bit fractions, where it goes on with sp_num_add. */
static bool sum_widen(sp_num_sum *s)
{
    s->wide = true;
    return make(s->num, s->den, &s->exact);
}

bool sp_num_sum_add(sp_num_sum *s, sp_num v)
{
    if (!s->wide && both64(v)) {
        int64_t vn = (int64_t)v.num, vd = (int64_t)v.den, scaled, total;
        if (vd != s->den) {
            /* the least common denominator: amounts in pence share 100 */
            int64_t g = (int64_t)gcd64((uint64_t)s->den, (uint64_t)vd), lcd, up;
            if (__builtin_mul_overflow(s->den / g, vd, &lcd) || __builtin_mul_overflow(s->num, lcd / s->den, &up))
                goto wide;
            s->num = up;
            s->den = lcd;
        }
        if (!__builtin_mul_overflow(vn, s->den / vd, &scaled) && !__builtin_add_overflow(s->num, scaled, &total) &&
            total != INT64_MIN) {
            s->num = total;
            return true;
        }
    }
wide:
    if (!s->wide && !sum_widen(s))
        return false;
    return sp_num_add(s->exact, v, &s->exact);
}

bool sp_num_sum_result(const sp_num_sum *s, int64_t count, sp_num *out)
{
    if (count <= 0)
        return false;
    int64_t den;
    if (!s->wide && !__builtin_mul_overflow(s->den, count, &den))
        return make(s->num, den, out);
    sp_num total = s->exact;
    if (!s->wide && !make(s->num, s->den, &total))
        return false;
    return sp_num_div(total, sp_num_from_int(count), out);
}
