/*
** Strict RFC 8259 reader: recursive descent into an arena tree, verbatim
** number text, UTF-8 checked strings, duplicate-key and depth errors.
*/
#include "json.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Objects up to this size are checked for duplicates pairwise; larger ones
** are sorted so a hostile object cannot cost quadratic time. */
#define SMALL_OBJECT 32

typedef struct frame {
    const char *key; /* NULL for an array element */
    size_t key_len;
    size_t index;
} frame;

typedef struct parser {
    sp_arena *arena;
    const unsigned char *s;
    size_t len, pos;
    sp_json_error *err;
    int depth;
    frame frames[SP_JSON_MAX_DEPTH]; /* how each open container reached its child */
    /* One heap stack shared by all open containers: a container pushes its
    ** children above its parent's and pops them once copied to the arena. */
    sp_json_member *stack;
    size_t top, cap;
    char *sbuf; /* scratch for decoding a string before it is copied */
    size_t slen, scap;
} parser;

static sp_json *value(parser *p);

static void *fail(parser *p, sp_json_error_kind kind, size_t at,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void *fail(parser *p, sp_json_error_kind kind, size_t at,
                  const char *fmt, ...)
{
    va_list ap;
    p->err->kind = kind;
    p->err->offset = at;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *oom(parser *p)
{
    return fail(p, SP_JSON_ERR_OOM, p->pos, "out of memory");
}

/* Describes the text at an offset for "found ..." in messages; a run of
** letters is shown whole so "NaN" reads better than 'N'. */
static const char *what(const parser *p, size_t at, char buf[24])
{
    if (at >= p->len)
        return "end of input";
    unsigned char c = p->s[at];
    size_t n = 0;
    while (at + n < p->len && n < 16 &&
           ((p->s[at + n] | 0x20) >= 'a' && (p->s[at + n] | 0x20) <= 'z'))
        n++;
    if (n > 1)
        snprintf(buf, 24, "'%.*s'", (int)n, (const char *)p->s + at);
    else if (c >= 0x20 && c < 0x7f)
        snprintf(buf, 24, "'%c'", c);
    else
        snprintf(buf, 24, "byte 0x%02x", c);
    return buf;
}

/* JSON's four white-space bytes. */
static const bool is_ws[256] = { [' '] = true, ['\t'] = true, ['\n'] = true, ['\r'] = true };

static inline void ws(parser *p)
{
    while (p->pos < p->len && is_ws[p->s[p->pos]])
        p->pos++;
}

#define ONES ((uint64_t)0x0101010101010101u)
#define HIGHS ((uint64_t)0x8080808080808080u)

/* Nonzero when one of the 8 bytes at s ends a plain ASCII run of a string:
** a quote, a backslash, below 0x20, or 0x80 and above. The usual bit trick
** for "a byte is zero", applied to w ^ '"'... and w ^ '\\'..., and for "a
** byte is below 0x20" to w. It is exact about whether there is such a
** byte, and its lowest flag is the first such byte (a borrow only flags
** bytes above a true one). */
static inline uint64_t stop_flags(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t q = w ^ (ONES * '"'), bs = w ^ (ONES * '\\');
    return (((w - ONES * 0x20) & ~w) | ((q - ONES) & ~q) | ((bs - ONES) & ~bs) | w) & HIGHS;
}

static int peek(const parser *p)
{
    return p->pos < p->len ? p->s[p->pos] : -1;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static sp_json *node(parser *p, sp_json_kind kind, size_t at)
{
    sp_json *v = sp_arena_alloc(p->arena, sizeof *v);
    if (!v)
        return oom(p);
    v->kind = kind;
    v->offset = at;
    return v;
}

static sp_json *number(parser *p)
{
    char buf[24];
    size_t start = p->pos;
    if (peek(p) == '-')
        p->pos++;
    if (!is_digit(peek(p)))
        return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                    "expected a digit after '-', found %s", what(p, p->pos, buf));
    if (peek(p) == '0') {
        if (p->pos + 1 < p->len && is_digit(p->s[p->pos + 1]))
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "a number may not have leading zeros");
        p->pos++;
    } else {
        while (is_digit(peek(p)))
            p->pos++;
    }
    if (peek(p) == '.') {
        p->pos++;
        if (!is_digit(peek(p)))
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "expected a digit after '.', found %s", what(p, p->pos, buf));
        while (is_digit(peek(p)))
            p->pos++;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        p->pos++;
        if (peek(p) == '+' || peek(p) == '-')
            p->pos++;
        if (!is_digit(peek(p)))
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "expected a digit in the exponent, found %s", what(p, p->pos, buf));
        while (is_digit(peek(p)))
            p->pos++;
    }
    sp_json *v = node(p, SP_JSON_NUMBER, start);
    if (!v)
        return NULL;
    v->len = p->pos - start;
    v->str = sp_arena_strndup(p->arena, (const char *)p->s + start, v->len);
    return v->str ? v : oom(p);
}

static bool put(parser *p, const char *b, size_t n)
{
    if (p->scap - p->slen < n) {
        size_t cap = p->scap ? p->scap : 64;
        while (cap - p->slen < n)
            cap *= 2;
        char *nb = realloc(p->sbuf, cap);
        if (!nb)
            return false;
        p->sbuf = nb;
        p->scap = cap;
    }
    memcpy(p->sbuf + p->slen, b, n);
    p->slen += n;
    return true;
}

static size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Reads the 4 hex digits of a \u escape whose backslash is at `at`. */
static bool hex4(const parser *p, size_t at, uint32_t *out)
{
    if (p->len - at < 6)
        return false;
    uint32_t v = 0;
    for (size_t i = at + 2; i < at + 6; i++) {
        unsigned char c = p->s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            v |= (c | 0x20) - 'a' + 10;
        else
            return false;
    }
    *out = v;
    return true;
}

static bool escape(parser *p)
{
    size_t at = p->pos; /* the backslash */
    char out[4];
    int c = at + 1 < p->len ? p->s[at + 1] : -1;
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *plain = c > 0 ? strchr(from, c) : NULL;
    if (plain) {
        p->pos += 2;
        if (!put(p, &to[plain - from], 1))
            return oom(p), false;
        return true;
    }
    if (c == -1)
        return fail(p, SP_JSON_ERR_SYNTAX, at, "unterminated string"), false;
    if (c != 'u') {
        if (c >= 0x20 && c < 0x7f)
            fail(p, SP_JSON_ERR_SYNTAX, at, "invalid escape '\\%c' in string", c);
        else
            fail(p, SP_JSON_ERR_SYNTAX, at, "invalid escape in string");
        return false;
    }
    uint32_t cp, lo;
    if (!hex4(p, at, &cp))
        return fail(p, SP_JSON_ERR_SYNTAX, at,
                    "expected 4 hex digits after '\\u' in string"), false;
    p->pos += 6;
    if (cp >= 0xd800 && cp <= 0xdfff) {
        /* A high surrogate must be followed at once by an escaped low one. */
        if (cp >= 0xdc00 || p->pos + 1 >= p->len || p->s[p->pos] != '\\' ||
            p->s[p->pos + 1] != 'u' || !hex4(p, p->pos, &lo) ||
            lo < 0xdc00 || lo > 0xdfff)
            return fail(p, SP_JSON_ERR_SYNTAX, at,
                        "lone surrogate '\\u%04X' in string", (unsigned)cp), false;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        p->pos += 6;
    }
    if (!put(p, out, utf8_encode(cp, out)))
        return oom(p), false;
    return true;
}

/* Decodes the string at p->pos into the arena. */
static bool string(parser *p, const char **str, size_t *len)
{
    size_t start = p->pos++;
    p->slen = 0;
    for (;;) {
        if (p->pos >= p->len)
            return fail(p, SP_JSON_ERR_SYNTAX, start, "unterminated string"), false;
        unsigned char c = p->s[p->pos];
        if (c == '"')
            break;
        if (c == '\\') {
            if (!escape(p))
                return false;
            continue;
        }
        if (c < 0x20)
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "unescaped control character 0x%02x in string", c), false;
        /* Copy the run of plain bytes in one go. */
        size_t run = p->pos;
        while (run < p->len) {
            /* Eight plain bytes at a time; in a word that has a byte that
            ** stops them, straight to that byte (little-endian: the lowest
            ** flag is the first byte in memory), else byte by byte. */
            if (p->len - run >= 8) {
                uint64_t flags = stop_flags(p->s + run);
                if (!flags) {
                    run += 8;
                    continue;
                }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                run += (size_t)__builtin_ctzll(flags) / 8;
#endif
            }
            unsigned char d = p->s[run];
            if (d == '"' || d == '\\' || d < 0x20)
                break;
            if (d < 0x80) {
                run++;
                continue;
            }
            size_t n = sp_utf8_len(p->s + run, p->len - run);
            if (!n)
                return fail(p, SP_JSON_ERR_SYNTAX, run, "invalid UTF-8 in string"), false;
            run += n;
        }
        if (p->slen == 0 && run < p->len && p->s[run] == '"') {
            /* No escapes: the usual key or value is copied once, straight
            ** from the input. */
            char *s = sp_arena_strndup(p->arena, (const char *)p->s + p->pos, run - p->pos);
            if (!s)
                return oom(p), false;
            *str = s;
            *len = run - p->pos;
            p->pos = run + 1;
            return true;
        }
        if (!put(p, (const char *)p->s + p->pos, run - p->pos))
            return oom(p), false;
        p->pos = run;
    }
    p->pos++;
    char *s = sp_arena_strndup(p->arena, p->sbuf ? p->sbuf : "", p->slen);
    if (!s)
        return oom(p), false;
    *str = s;
    *len = p->slen;
    return true;
}

static bool push(parser *p, sp_json_member m)
{
    if (p->top == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        if (cap > SIZE_MAX / sizeof *p->stack)
            return false;
        sp_json_member *ns = realloc(p->stack, cap * sizeof *ns);
        if (!ns)
            return false;
        p->stack = ns;
        p->cap = cap;
    }
    p->stack[p->top++] = m;
    return true;
}

/* Appends text to the error path, silently truncating. */
static void path_add(char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void path_add(char *path, const char *fmt, ...)
{
    size_t used = strlen(path), room = sizeof ((sp_json_error *)0)->path;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(path + used, room - used, fmt, ap);
    va_end(ap);
}

static void path_key(char *path, const char *key, size_t len)
{
    path_add(path, "%s%.*s", path[0] ? "." : "", (int)(len > 200 ? 200 : len), key);
}

static void *duplicate(parser *p, const sp_json_member *m)
{
    char *path = p->err->path;
    path[0] = '\0';
    /* frames[depth - 1] belongs to this object itself; the ones below
    ** lead to it. */
    for (int i = 0; i < p->depth - 1; i++) {
        if (p->frames[i].key)
            path_key(path, p->frames[i].key, p->frames[i].key_len);
        else
            path_add(path, "[%zu]", p->frames[i].index);
    }
    path_key(path, m->key, m->key_len);
    return fail(p, SP_JSON_ERR_DUPLICATE, m->key_offset, "duplicate key '%.*s' in object",
                (int)(m->key_len > 60 ? 60 : m->key_len), m->key);
}

typedef struct keyref {
    const char *key;
    size_t len, idx;
} keyref;

static int keycmp(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static int keyref_cmp(const void *x, const void *y)
{
    const keyref *a = x, *b = y;
    int c = keycmp(a->key, a->len, b->key, b->len);
    return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

/* Index of the first member whose key repeats an earlier one, n if none,
** or SIZE_MAX when out of memory. */
static size_t first_duplicate(const sp_json_member *m, size_t n)
{
    if (n <= SMALL_OBJECT) {
        /* equal keys have equal lengths: most pairs differ there */
        for (size_t j = 1; j < n; j++)
            for (size_t i = 0; i < j; i++)
                if (m[i].key_len == m[j].key_len && !memcmp(m[i].key, m[j].key, m[j].key_len))
                    return j;
        return n;
    }
    keyref *r = malloc(n * sizeof *r);
    if (!r)
        return SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        r[i] = (keyref){m[i].key, m[i].key_len, i};
    qsort(r, n, sizeof *r, keyref_cmp);
    /* Within a run of equal keys indexes ascend, so the smallest repeat
    ** is the earliest second occurrence. */
    size_t best = n;
    for (size_t i = 1; i < n; i++)
        if (r[i].idx < best && !keycmp(r[i - 1].key, r[i - 1].len, r[i].key, r[i].len))
            best = r[i].idx;
    free(r);
    return best;
}

/* Moves the container's children from the stack into the arena. */
static bool collect(parser *p, sp_json *v, size_t base)
{
    size_t n = p->top - base;
    bool ok = true;
    if (n && v->kind == SP_JSON_ARRAY) {
        v->items = n <= SIZE_MAX / sizeof *v->items
                       ? sp_arena_alloc(p->arena, n * sizeof *v->items) : NULL;
        if ((ok = v->items != NULL))
            for (size_t i = 0; i < n; i++)
                v->items[i] = p->stack[base + i].value;
        v->n_items = n;
    } else if (n) {
        v->members = n <= SIZE_MAX / sizeof *v->members
                         ? sp_arena_alloc(p->arena, n * sizeof *v->members) : NULL;
        if ((ok = v->members != NULL))
            memcpy(v->members, p->stack + base, n * sizeof *v->members);
        v->n_members = n;
    }
    p->top = base;
    return ok ? true : (oom(p), false);
}

static sp_json *array(parser *p)
{
    char buf[24];
    size_t base = p->top;
    sp_json *v = node(p, SP_JSON_ARRAY, p->pos++);
    if (!v)
        return NULL;
    ws(p);
    if (peek(p) == ']') {
        p->pos++;
        return v;
    }
    for (size_t i = 0;; i++) {
        p->frames[p->depth - 1] = (frame){NULL, 0, i};
        sp_json *item = value(p);
        if (!item)
            return NULL;
        if (!push(p, (sp_json_member){.value = item}))
            return oom(p);
        ws(p);
        int c = peek(p);
        if (c == ']')
            break;
        if (c != ',')
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "expected ',' or ']' after an array element, found %s",
                        what(p, p->pos, buf));
        p->pos++;
        ws(p);
        if (peek(p) == ']')
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "expected a value after ',' in an array, found ']'");
    }
    p->pos++;
    return collect(p, v, base) ? v : NULL;
}

static sp_json *object(parser *p)
{
    char buf[24];
    size_t base = p->top;
    sp_json *v = node(p, SP_JSON_OBJECT, p->pos++);
    if (!v)
        return NULL;
    ws(p);
    if (peek(p) == '}') {
        p->pos++;
        return v;
    }
    for (;;) {
        sp_json_member m = {.key_offset = p->pos};
        if (peek(p) != '"')
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        p->top == base ? "expected a string key or '}' in an object, found %s"
                                       : "expected a string key after ',' in an object, found %s",
                        what(p, p->pos, buf));
        if (!string(p, &m.key, &m.key_len))
            return NULL;
        ws(p);
        if (peek(p) != ':')
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "expected ':' after an object key, found %s", what(p, p->pos, buf));
        p->pos++;
        p->frames[p->depth - 1] = (frame){m.key, m.key_len, 0};
        if (!(m.value = value(p)))
            return NULL;
        if (!push(p, m))
            return oom(p);
        ws(p);
        int c = peek(p);
        if (c == '}')
            break;
        if (c != ',')
            return fail(p, SP_JSON_ERR_SYNTAX, p->pos,
                        "expected ',' or '}' after an object member, found %s",
                        what(p, p->pos, buf));
        p->pos++;
        ws(p);
    }
    p->pos++;
    if (!collect(p, v, base))
        return NULL;
    /* Checked once the object is complete, so a later syntax error inside
    ** the same object wins over a duplicate key. */
    size_t dup = first_duplicate(v->members, v->n_members);
    if (dup == SIZE_MAX)
        return oom(p);
    return dup < v->n_members ? duplicate(p, &v->members[dup]) : v;
}

static inline sp_json *literal(parser *p, const char *word, sp_json_kind kind, bool b)
{
    char buf[24];
    size_t n = strlen(word); /* inlined, so a constant: the bytes are compared in line */
    bool same = p->len - p->pos >= n;
    for (size_t i = 0; same && i < n; i++)
        same = p->s[p->pos + i] == (unsigned char)word[i];
    if (!same)
        return fail(p, SP_JSON_ERR_SYNTAX, p->pos, "expected a JSON value, found %s",
                    what(p, p->pos, buf));
    sp_json *v = node(p, kind, p->pos);
    if (v)
        v->boolean = b;
    p->pos += n;
    return v;
}

static sp_json *value(parser *p)
{
    char buf[24];
    ws(p);
    int c = peek(p);
    switch (c) {
    case '{':
    case '[': {
        if (p->depth == SP_JSON_MAX_DEPTH)
            return fail(p, SP_JSON_ERR_DEPTH, p->pos,
                        "nesting deeper than %d arrays and objects", SP_JSON_MAX_DEPTH);
        p->depth++;
        sp_json *v = c == '{' ? object(p) : array(p);
        p->depth--;
        return v;
    }
    case '"': {
        sp_json *v = node(p, SP_JSON_STRING, p->pos);
        return v && string(p, &v->str, &v->len) ? v : NULL;
    }
    case 't':
        return literal(p, "true", SP_JSON_BOOL, true);
    case 'f':
        return literal(p, "false", SP_JSON_BOOL, false);
    case 'n':
        return literal(p, "null", SP_JSON_NULL, false);
    default:
        if (c == '-' || is_digit(c))
            return number(p);
        return fail(p, SP_JSON_ERR_SYNTAX, p->pos, "expected a JSON value, found %s",
                    what(p, p->pos, buf));
    }
}

sp_json *sp_json_parse(sp_arena *arena, const char *text, size_t len,
                       sp_json_error *err)
{
    sp_json_error spare;
    parser p = {.arena = arena, .s = (const unsigned char *)text, .len = len,
                .err = err ? err : &spare};
    memset(p.err, 0, sizeof *p.err);
    if (!text)
        p.len = 0;
    /* RFC 8259 lets a parser ignore a leading byte order mark; editors on
    ** some systems add one, so accept it rather than reject the file. */
    if (p.len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        p.pos = 3;
    ws(&p);
    sp_json *v = NULL;
    if (p.pos == p.len)
        fail(&p, SP_JSON_ERR_EMPTY, p.pos, "expected a JSON value, found end of input");
    else if ((v = value(&p)) != NULL) {
        ws(&p);
        if (p.pos < p.len)
            v = fail(&p, SP_JSON_ERR_SYNTAX, p.pos, "unexpected text after the JSON value");
    }
    free(p.stack);
    free(p.sbuf);
    return v;
}

void sp_json_line_col(const char *text, size_t len, size_t offset,
                      size_t *line, size_t *col)
{
    size_t ln = 1, start = 0;
    if (offset > len)
        offset = len;
    /* Only LF ends a line; a CR before it is just a byte of that line. */
    for (size_t i = 0; i < offset; i++)
        if (text[i] == '\n') {
            ln++;
            start = i + 1;
        }
    *line = ln;
    *col = offset - start + 1;
}
