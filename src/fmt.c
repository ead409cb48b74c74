/*
** The formatter: prints a parsed rule file in the canonical layout, placing
** each comment before the first token that follows it in the source (gofmt's
** way), then reads the result back and compares it with the original.
*/
#include "fmt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "parse.h"

/* A comment of the source, as the printer sees it. */
typedef struct com {
    size_t start, end;        /* from '#' to the last byte that is not trailing white space */
    bool own_line;            /* nothing but white space before it on its line */
} com;

/* What is due before the next token: the printer writes line breaks late, so
** that a comment at the end of a line can still join the line it ends. */
enum { DUE_NOTHING, DUE_LINE, DUE_BLANK, DUE_START };

typedef struct printer {
    sp_buf *out;
    const char *text;         /* the source */
    size_t len;
    const com *coms;          /* the source's comments, in order */
    size_t n_coms, next_com;  /* next_com: the first not yet written */
    int due;                  /* DUE_*: what comes before the next token */
    size_t indent;            /* the indentation of the line that is due */
    size_t col;               /* the column after the last byte written */
    bool after_comment;       /* the current line ends with a comment */
    size_t base;              /* where continuation lines are measured from */
    size_t off;               /* continuation: base + off (0 directly inside parentheses) */
    size_t trail;             /* columns that must follow the expression on its line */
    bool flat;                /* no line breaks in what is being printed */
    bool measuring;           /* count columns only, write nothing */
    bool overflow;            /* measuring went past the width */
    bool too_deep;            /* an expression nests deeper than the checker allows */
} printer;

/* ---- writing ---- */

/* Ends the line written last, without the space that may end it. */
static void end_line(printer *p)
{
    sp_buf *b = p->out;
    while (b->len && b->data[b->len - 1] == ' ')
        b->data[--b->len] = '\0';
    sp_buf_putc(b, '\n');
}

static void write_due(printer *p)
{
    if (p->due == DUE_NOTHING)
        return;
    if (!p->measuring) {
        if (p->due == DUE_LINE || p->due == DUE_BLANK)
            end_line(p);
        if (p->due == DUE_BLANK)
            sp_buf_putc(p->out, '\n');
        for (size_t i = 0; i < p->indent; i++)
            sp_buf_putc(p->out, ' ');
    }
    p->col = p->indent;
    p->due = DUE_NOTHING;
}

static void put(printer *p, const char *s, size_t n)
{
    write_due(p);
    if (!p->measuring)
        sp_buf_append(p->out, s, n);
    p->col += n;
    p->after_comment = false;
    if (p->col > SP_FMT_WIDTH)
        p->overflow = true;
}

static void puts_(printer *p, const char *s)
{
    put(p, s, strlen(s));
}

/* The source bytes [start, end), as written. */
static void lit(printer *p, size_t start, size_t end)
{
    put(p, p->text + start, end > start ? end - start : 0);
}

static void flush(printer *p, size_t pos);

/* A token whose place in the source is pos: the comments before it first. */
static void tok(printer *p, size_t pos, const char *s)
{
    flush(p, pos);
    puts_(p, s);
}

/* The next token starts a new line at `indent`. */
static void newline(printer *p, size_t indent)
{
    if (p->due == DUE_NOTHING)
        p->due = DUE_LINE;
    p->indent = indent;
}

static void blankline(printer *p)
{
    if (p->due != DUE_START)
        p->due = DUE_BLANK;
    p->indent = 0;
}

static void write_comment(printer *p, const com *c)
{
    put(p, p->text + c->start, c->end - c->start);
    p->after_comment = true;
}

/* Writes the comments that come before source offset pos. One that follows
** code on its line in the source ends the line written last; any other has
** a line of its own, indented as the line that is due. A comment always
** ends its line: what follows goes on, on a continuation line. */
static void flush(printer *p, size_t pos)
{
    if (p->measuring)
        return;
    while (p->next_com < p->n_coms && p->coms[p->next_com].start < pos) {
        const com *c = &p->coms[p->next_com++];
        if (!c->own_line && p->due != DUE_START && !p->after_comment) {
            int due = p->due;
            size_t indent = p->indent;
            while (p->out->len && p->out->data[p->out->len - 1] == ' ')
                p->out->data[--p->out->len] = '\0';
            sp_buf_putc(p->out, ' ');
            sp_buf_append(p->out, p->text + c->start, c->end - c->start);
            p->after_comment = true;
            p->due = due == DUE_NOTHING ? DUE_LINE : due;
            p->indent = due == DUE_NOTHING ? p->base + p->off : indent;
        } else {
            if (p->due == DUE_NOTHING)
                newline(p, p->base + p->off);
            size_t indent = p->indent;
            write_comment(p, c);
            newline(p, indent);
        }
    }
}

/* Whether a comment starts inside [start, end). */
static bool comment_in(const printer *p, size_t start, size_t end)
{
    size_t lo = p->next_com, hi = p->n_coms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->coms[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->n_coms && p->coms[lo].start < end;
}

/* Starts a line of an item at `indent` for the token at source offset pos. */
static void start_line(printer *p, size_t indent, size_t pos)
{
    newline(p, indent);
    flush(p, pos);
    p->base = indent;
    p->off = 4;
    p->trail = 0;
}

/* ---- reading the source between tokens ---- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Skips white space and comments from i: the start of the next token. */
static size_t skip(const printer *p, size_t i)
{
    while (i < p->len) {
        if (is_space(p->text[i])) {
            i++;
        } else if (p->text[i] == '#') {
            while (i < p->len && p->text[i] != '\n')
                i++;
        } else {
            break;
        }
    }
    return i;
}

/* The '(' that opens the parenthesized expression starting at pos: back
** over white space and comments (known by their spans). pos when none. */
static size_t open_paren(const printer *p, size_t pos)
{
    size_t i = pos;
    for (;;) {
        while (i > 0 && is_space(p->text[i - 1]))
            i--;
        size_t lo = 0, hi = p->n_coms; /* the last comment that starts before i */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (p->coms[mid].start < i)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == 0 || p->coms[lo - 1].end != i)
            break;
        i = p->coms[lo - 1].start;
    }
    return i > 0 && p->text[i - 1] == '(' ? i - 1 : pos;
}

/* Where the first token printed for e stands in the source: its '(' when it
** was written in parentheses. Comments before it are written before it. */
static size_t lead(const printer *p, const sp_expr *e)
{
    return e->parens ? open_paren(p, e->start) : e->start;
}

/* The start of the last token, '(' aside, that starts in [from, pos): the
** keyword before an option's value. pos when none. */
static size_t token_before(const printer *p, size_t from, size_t pos)
{
    size_t last = pos;
    for (size_t i = skip(p, from); i < pos; i = skip(p, i)) {
        size_t start = i;
        if (p->text[i] == '"') {
            for (i++; i < p->len && p->text[i] != '"'; i++)
                if (p->text[i] == '\\')
                    i++;
            i = i < p->len ? i + 1 : p->len;
        } else if (is_word(p->text[i]) || p->text[i] == '.') {
            while (i < p->len && (is_word(p->text[i]) || p->text[i] == '.'))
                i++;
        } else {
            i++;
        }
        if (p->text[start] != '(')
            last = start;
    }
    return last;
}

/* The token after expression e (and the parentheses that close around it):
** the operator or keyword that follows an operand. */
static size_t after(const printer *p, const sp_expr *e)
{
    size_t i = skip(p, e->end);
    while (i < p->len && p->text[i] == ')')
        i = skip(p, i + 1);
    return i;
}

/* The length of the run of bytes from i that satisfy is_word. */
static size_t word_len(const printer *p, size_t i)
{
    size_t n = 0;
    while (i + n < p->len && is_word(p->text[i + n]))
        n++;
    return n;
}

static bool word_at(const printer *p, size_t i, const char *w)
{
    size_t n = strlen(w);
    return word_len(p, i) == n && memcmp(p->text + i, w, n) == 0;
}

/* From i, white space (no comment: the scanner's rule for "is not" and "on
** or after") and then word w, which must end there. Returns the offset after
** w, or 0. */
static size_t then_word(const printer *p, size_t i, const char *w)
{
    size_t j = i;
    while (j < p->len && is_space(p->text[j]))
        j++;
    if (j == i || !word_at(p, j, w))
        return 0;
    j += strlen(w);
    return j < p->len && p->text[j] == '.' ? 0 : j;
}

/* The first token from `from` that is the keyword w (a keyword is never a
** name, and texts are skipped whole); p->len when none. */
static size_t word_after(const printer *p, size_t from, const char *w)
{
    for (size_t i = skip(p, from); i < p->len; i = skip(p, i)) {
        if (word_at(p, i, w))
            return i;
        if (p->text[i] == '"') {
            for (i++; i < p->len && p->text[i] != '"'; i++)
                if (p->text[i] == '\\')
                    i++;
            i = i < p->len ? i + 1 : p->len;
        } else if (is_word(p->text[i]) || p->text[i] == '.') {
            while (i < p->len && (is_word(p->text[i]) || p->text[i] == '.'))
                i++;
        } else {
            i++;
        }
    }
    return p->len;
}

/* A comparison's operator as written at i, if it is one of op's spellings;
** else the symbol. */
static const char *cmp_op(const printer *p, size_t i, int op)
{
    static const char *const symbol[] = { "=", "!=", "<", "<=", ">", ">=" };
    const char *t = p->text + i;
    size_t rest = p->len - i;
    const char *word = NULL;
    int is = -1;
    if (rest >= 2 && t[0] == '!' && t[1] == '=')
        is = SP_CMP_NE;
    else if (rest >= 2 && t[0] == '<' && t[1] == '=')
        is = SP_CMP_LE;
    else if (rest >= 2 && t[0] == '>' && t[1] == '=')
        is = SP_CMP_GE;
    else if (rest >= 1 && t[0] == '<')
        is = SP_CMP_LT;
    else if (rest >= 1 && t[0] == '>')
        is = SP_CMP_GT;
    else if (rest >= 1 && t[0] == '=')
        is = SP_CMP_EQ;
    else if (word_at(p, i, "is"))
        is = then_word(p, i + 2, "not") ? (word = "is not", SP_CMP_NE) : (word = "is", SP_CMP_EQ);
    else if (word_at(p, i, "before"))
        is = (word = "before", SP_CMP_LT);
    else if (word_at(p, i, "after"))
        is = (word = "after", SP_CMP_GT);
    else if (word_at(p, i, "on")) {
        size_t j = then_word(p, i + 2, "or");
        if (j && then_word(p, j, "after"))
            is = (word = "on or after", SP_CMP_GE);
        else if (j && then_word(p, j, "before"))
            is = (word = "on or before", SP_CMP_LE);
    }
    if (op < SP_CMP_EQ || op > SP_CMP_GE)
        return "=";
    return is == op && word ? word : symbol[op];
}

/* ---- expressions ---- */

#define MAX_FLAT_CONDITIONS 3

/* Binding strength, loosest first, as parser.y's precedence declarations. */
enum {
    PREC_ITEM = 1, PREC_IF = 1, PREC_ROUND = 2, PREC_OR = 3, PREC_AND = 4, PREC_NOT = 5,
    PREC_CMP = 6, PREC_ADD = 7, PREC_MUL = 8, PREC_NEG = 9, PREC_POSTFIX = 10, PREC_PRIMARY = 11
};

/* `a is not one of (...)`: the parser makes it not(a is one of (...)) with
** one span for both. */
static bool not_one_of(const sp_expr *e)
{
    return e->kind == SP_EXPR_NOT && e->a && e->a->kind == SP_EXPR_ONE_OF && !e->a->parens &&
           e->a->start == e->start;
}

static int prec(const sp_expr *e)
{
    switch (e->kind) {
    case SP_EXPR_IF: return PREC_IF;
    case SP_EXPR_ITEM_WHEN: return PREC_ITEM;
    case SP_EXPR_ROUND: return PREC_ROUND;
    case SP_EXPR_OR: return PREC_OR;
    case SP_EXPR_AND: return PREC_AND;
    case SP_EXPR_NOT: return not_one_of(e) ? PREC_CMP : PREC_NOT;
    case SP_EXPR_CMP:
    case SP_EXPR_ONE_OF: return PREC_CMP;
    case SP_EXPR_ADD:
    case SP_EXPR_SUB: return PREC_ADD;
    case SP_EXPR_MUL:
    case SP_EXPR_DIV: return PREC_MUL;
    case SP_EXPR_NEG: return PREC_NEG;
    case SP_EXPR_INDEX: return PREC_POSTFIX;
    default: return PREC_PRIMARY;
    }
}

static bool is_chain(const sp_expr *e)
{
    switch (e->kind) {
    case SP_EXPR_AND: case SP_EXPR_OR: case SP_EXPR_ADD: case SP_EXPR_SUB:
    case SP_EXPR_MUL: case SP_EXPR_DIV:
        return true;
    default:
        return false;
    }
}

static const char *chain_op(const sp_expr *e)
{
    switch (e->kind) {
    case SP_EXPR_AND: return "and";
    case SP_EXPR_OR: return "or";
    case SP_EXPR_ADD: return "+";
    case SP_EXPR_SUB: return "-";
    case SP_EXPR_MUL: return "*";
    default: return "/";
    }
}

static void expr(printer *p, const sp_expr *e, int need, int depth);
static void body(printer *p, const sp_expr *e, int depth);

/* The operands of the chain of `and` or of `or` that e heads (1 for any
** other expression). */
static size_t logic_operands(const sp_expr *e)
{
    size_t n = 1;
    if (e->kind != SP_EXPR_AND && e->kind != SP_EXPR_OR)
        return n;
    for (const sp_expr *x = e; x && x->kind == e->kind && (x == e || !x->parens); x = x->a)
        n++;
    return n;
}

/* Whether e fits flat from here, with p->trail columns after it. A chain of
** more than three conditions takes a line each, whatever its length. */
static bool fits(const printer *p, const sp_expr *e, int depth)
{
    if (comment_in(p, e->start, e->end) || logic_operands(e) > MAX_FLAT_CONDITIONS)
        return false;
    printer m = *p;
    m.measuring = true;
    m.flat = true;
    m.overflow = false;
    body(&m, e, depth);
    return !m.overflow && !m.too_deep && m.col + p->trail <= SP_FMT_WIDTH;
}

/* Between two parts of a construct: a space, or a continuation line when the
** construct is broken. pos: the source offset of the next part's first token. */
static void sep(printer *p, size_t cont, size_t pos)
{
    if (p->flat) {
        put(p, " ", 1);
    } else {
        newline(p, cont);
        flush(p, pos);
    }
}

/* A bracketed, comma-separated group: on one line when it fits, else one
** element a line, lined up after the opening bracket. */
static void group(printer *p, const char *open, sp_expr *const *items, size_t n,
                  const char *close, size_t start, size_t end, int depth)
{
    puts_(p, open);
    size_t base = p->base, off = p->off, trail = p->trail;
    bool flat = p->flat;
    p->base = p->col;
    p->off = 4;
    if (!p->flat && n && !comment_in(p, start, end)) {
        printer m = *p;
        m.measuring = m.flat = true;
        m.overflow = false;
        for (size_t i = 0; i < n; i++) {
            if (i)
                put(&m, ", ", 2);
            expr(&m, items[i], PREC_ITEM, depth);
        }
        p->flat = !m.overflow && !m.too_deep && m.col + 1 + trail <= SP_FMT_WIDTH;
    }
    for (size_t i = 0; i < n; i++) {
        if (i) {
            tok(p, after(p, items[i - 1]), ",");
            if (p->flat)
                put(p, " ", 1);
            else
                newline(p, p->base);
        }
        p->trail = i + 1 == n ? trail + 1 : 1;
        /* a comment before the element ends its line: the element then
        ** starts where the others do */
        p->off = 0;
        if (items[i])
            flush(p, lead(p, items[i]));
        p->off = 4;
        expr(p, items[i], PREC_ITEM, depth);
    }
    p->flat = flat;
    p->base = base;
    p->off = off;
    p->trail = trail;
    tok(p, end - 1, close);
}

/* The operands of a chain of one operator (a and b and c), one a line when
** broken. The parser nests them to the left: this walks down that side. */
static void chain(printer *p, const sp_expr *e, int pr, size_t cont, size_t trail, int depth)
{
    const sp_expr *l = e->a;
    p->trail = 0;
    if (l && !l->parens && is_chain(l) && prec(l) == pr && depth < SP_MAX_EXPR_DEPTH)
        chain(p, l, pr, cont, 0, depth + 1);
    else
        expr(p, l, pr, depth + 1);
    if (!l)
        return;
    sep(p, cont, after(p, l));
    puts_(p, chain_op(e));
    put(p, " ", 1);
    p->trail = trail;
    p->off = 4;
    expr(p, e->b, pr + 1, depth + 1);
}

/* Digits written at the start of a token at i. */
static size_t digits(const printer *p, size_t i)
{
    size_t n = 0;
    while (i + n < p->len && p->text[i + n] >= '0' && p->text[i + n] <= '9')
        n++;
    return n;
}

static void one_of(printer *p, const sp_expr *in, bool negated, int depth)
{
    size_t trail = p->trail;
    p->trail = 0;
    expr(p, in->a, PREC_ADD, depth + 1);
    put(p, " ", 1);
    if (in->a)
        flush(p, after(p, in->a));
    puts_(p, negated ? "is not one of " : "is one of ");
    p->trail = trail;
    group(p, "(", in->args, in->n_args, ")", in->a ? in->a->end : in->start, in->end, depth + 1);
}

static void body(printer *p, const sp_expr *e, int depth)
{
    if (p->measuring && p->overflow)
        return;
    size_t cont = p->base + p->off;
    size_t trail = p->trail;
    p->off = 4;
    switch (e->kind) {
    case SP_EXPR_BOOL:
        puts_(p, e->boolean ? "true" : "false");
        break;
    case SP_EXPR_NULL:
        puts_(p, "null");
        break;
    case SP_EXPR_BASE:
        puts_(p, "base");
        break;
    case SP_EXPR_NAME:
        puts_(p, e->name);
        break;
    case SP_EXPR_NUMBER:
    case SP_EXPR_TEXT:
    case SP_EXPR_DATE:
        lit(p, e->start, e->end);
        break;
    case SP_EXPR_DURATION: {
        size_t n = digits(p, e->start);
        lit(p, e->start, e->start + n);
        size_t w = skip(p, e->start + n);
        put(p, " ", 1);
        flush(p, w);
        lit(p, w, w + word_len(p, w));
        break;
    }
    case SP_EXPR_BIRTHDAY: {
        size_t n = digits(p, e->start);
        lit(p, e->start, e->start + n + 2); /* 21st */
        put(p, " ", 1);
        tok(p, skip(p, e->start + n + 2), "birthday of ");
        expr(p, e->a, PREC_PRIMARY, depth + 1);
        break;
    }
    case SP_EXPR_NEXT_DATE: {
        size_t d = skip(p, e->start + strlen("first"));
        size_t month = skip(p, d + digits(p, d));
        puts_(p, "first ");
        flush(p, d);
        lit(p, d, d + digits(p, d));
        put(p, " ", 1);
        tok(p, month, e->name);
        put(p, " ", 1);
        tok(p, skip(p, month + strlen(e->name)), "on or after ");
        expr(p, e->a, PREC_PRIMARY, depth + 1);
        break;
    }
    case SP_EXPR_LIST:
        group(p, "[", e->args, e->n_args, "]", e->start, e->end, depth + 1);
        break;
    case SP_EXPR_CALL:
        puts_(p, e->name);
        flush(p, skip(p, e->start + word_len(p, e->start)));
        group(p, "(", e->args, e->n_args, ")", e->start, e->end, depth + 1);
        break;
    case SP_EXPR_INDEX: {
        p->trail = 1;
        expr(p, e->a, PREC_POSTFIX, depth + 1);
        if (e->a)
            tok(p, after(p, e->a), "[");
        size_t base = p->base;
        p->base = p->col;
        p->trail = trail + 1;
        expr(p, e->b, PREC_ITEM, depth + 1);
        p->base = base;
        tok(p, e->end - 1, "]");
        break;
    }
    case SP_EXPR_NOT:
        if (not_one_of(e)) {
            one_of(p, e->a, true, depth + 1);
        } else {
            puts_(p, "not ");
            expr(p, e->a, PREC_NOT, depth + 1);
        }
        break;
    case SP_EXPR_NEG:
        puts_(p, e->a && e->a->kind == SP_EXPR_NEG && !e->a->parens ? "- " : "-");
        expr(p, e->a, PREC_NEG, depth + 1);
        break;
    case SP_EXPR_ONE_OF:
        one_of(p, e, false, depth);
        break;
    case SP_EXPR_AND:
    case SP_EXPR_OR:
        if (p->measuring && logic_operands(e) > MAX_FLAT_CONDITIONS)
            p->overflow = true; /* never on one line */
        /* fall through */
    case SP_EXPR_ADD:
    case SP_EXPR_SUB:
    case SP_EXPR_MUL:
    case SP_EXPR_DIV:
        chain(p, e, prec(e), cont, trail, depth);
        break;
    case SP_EXPR_CMP: {
        p->trail = 0;
        expr(p, e->a, PREC_ADD, depth + 1);
        if (!e->a)
            break;
        size_t at = after(p, e->a);
        sep(p, cont, at);
        puts_(p, cmp_op(p, at, e->op));
        put(p, " ", 1);
        p->trail = trail;
        p->off = 4;
        expr(p, e->b, PREC_ADD, depth + 1);
        break;
    }
    case SP_EXPR_ROUND:
        p->trail = 0;
        expr(p, e->a, PREC_ROUND, depth + 1);
        if (!e->a)
            break;
        sep(p, cont, after(p, e->a));
        puts_(p, "rounded to");
        for (const sp_ident *w = e->round_words; w; w = w->next) {
            put(p, " ", 1);
            tok(p, w->start, w->name);
        }
        break;
    case SP_EXPR_IF:
        puts_(p, "if ");
        p->trail = 0;
        expr(p, e->a, PREC_IF, depth + 1);
        if (!e->a || !e->b)
            break;
        sep(p, cont, after(p, e->a));
        puts_(p, "then ");
        p->off = 4;
        expr(p, e->b, PREC_IF, depth + 1);
        sep(p, cont, after(p, e->b));
        puts_(p, "else ");
        p->trail = trail;
        p->off = 4;
        expr(p, e->c, PREC_IF, depth + 1);
        break;
    case SP_EXPR_ITEM_WHEN:
        p->trail = 0;
        expr(p, e->a, PREC_ITEM, depth + 1);
        if (!e->a)
            break;
        sep(p, cont, after(p, e->a));
        puts_(p, "when ");
        p->trail = trail;
        p->off = 4;
        expr(p, e->b, PREC_ITEM, depth + 1);
        break;
    default:
        break;
    }
    p->trail = trail;
}

/* Prints e, in parentheses when it was written in them or when its context
** (which needs at least binding strength `need`) requires them. */
static void expr(printer *p, const sp_expr *e, int need, int depth)
{
    if (!e)
        return;
    if (depth > SP_MAX_EXPR_DEPTH) {
        p->too_deep = true;
        return;
    }
    if (p->measuring && p->overflow)
        return;
    flush(p, lead(p, e)); /* comments after its '(' stay inside, as written */
    bool paren = e->parens || prec(e) < need;
    size_t base = p->base, off = p->off, trail = p->trail;
    if (paren) {
        puts_(p, "(");
        p->base = p->col;
        p->off = 0;
        p->trail = trail + 1;
        flush(p, e->start); /* a comment after '(': e goes on under it */
    }
    bool flat = p->flat;
    if (!p->flat && fits(p, e, depth))
        p->flat = true;
    body(p, e, depth);
    p->flat = flat;
    p->base = base;
    p->off = off;
    p->trail = trail;
    if (paren && e->parens)
        tok(p, skip(p, e->end), ")"); /* the one written: comments before it stay inside */
    else if (paren)
        puts_(p, ")");
}

/* A whole expression at the top of a clause, continuing from base. */
static void top_expr(printer *p, const sp_expr *e, size_t base, size_t trail)
{
    p->base = base;
    p->off = 4;
    p->trail = trail;
    expr(p, e, PREC_ITEM, 1);
    p->trail = 0;
}

/* ---- items ---- */

/* A name (or, when s is NULL, a literal as written) of an item's first
** line, at [start, end) in the source. */
static void name(printer *p, size_t start, size_t end, const char *s)
{
    flush(p, start);
    if (s)
        puts_(p, s);
    else
        lit(p, start, end);
}

static void type(printer *p, const sp_type *t)
{
    if (!t)
        return;
    flush(p, t->start);
    switch (t->kind) {
    case SP_TYPE_BOOL: puts_(p, "bool"); break;
    case SP_TYPE_WHOLE: puts_(p, "whole number"); break;
    case SP_TYPE_MONEY: puts_(p, "money"); break;
    case SP_TYPE_DATE: puts_(p, "date"); break;
    case SP_TYPE_TEXT: puts_(p, "text"); break;
    case SP_TYPE_ENUM: {
        /* one value a line when a comment is among them: each stays by its value */
        const sp_ident *last = t->values;
        while (last && last->next)
            last = last->next;
        bool lines = last && comment_in(p, t->start, last->end);
        puts_(p, "one of");
        for (const sp_ident *v = t->values; v; v = v->next) {
            if (lines)
                newline(p, p->base + 2);
            else
                put(p, " ", 1);
            flush(p, v->start);
            puts_(p, v->name);
            if (v->next)
                tok(p, skip(p, v->end), ",");
        }
        break;
    }
    case SP_TYPE_LIST:
        puts_(p, "list of ");
        type(p, t->elem);
        break;
    case SP_TYPE_NAMED: puts_(p, t->name); break;
    default: break;
    }
    if (t->nullable)
        puts_(p, " or null");
}

static void annots(printer *p, const sp_annot *a, size_t indent)
{
    for (; a; a = a->next) {
        start_line(p, indent, a->start);
        puts_(p, a->kind == SP_ANNOT_CITES ? "cites " : "assume ");
        tok(p, a->text_start, "");
        lit(p, a->text_start, a->text_end);
        if (a->document) {
            put(p, " ", 1);
            tok(p, token_before(p, a->text_end, a->doc_start), "in ");
            tok(p, a->doc_start, "");
            lit(p, a->doc_start, a->end);
        }
    }
}

/* `name: value` (table rows) or `name = value` (examples). */
static void pairs(printer *p, const sp_pair *x, size_t indent, const char *between)
{
    for (; x; x = x->next) {
        start_line(p, indent, x->start);
        puts_(p, x->name);
        if (*between == ' ')
            put(p, " ", 1);
        if (x->value)
            tok(p, token_before(p, x->start, lead(p, x->value)), between + (*between == ' '));
        top_expr(p, x->value, indent, 0);
    }
}

/* Whether `when c: v` or `otherwise: v` fits on one line. */
static bool branch_fits(const printer *p, const sp_branch *b)
{
    if (comment_in(p, b->start, b->value->end))
        return false;
    printer m = *p;
    m.measuring = m.flat = true;
    m.overflow = false;
    if (b->cond) {
        puts_(&m, "when ");
        top_expr(&m, b->cond, 2, 0);
        puts_(&m, ": ");
    } else {
        puts_(&m, "otherwise: ");
    }
    top_expr(&m, b->value, 2, 0);
    return !m.overflow && !m.too_deep;
}

static void rule_body(printer *p, const sp_item *it)
{
    annots(p, it->annots, 2);
    for (const sp_branch *b = it->branches; b; b = b->next) {
        if (!b->value)
            continue;
        start_line(p, 2, b->start);
        if (!b->cond && b->start < p->len && p->text[b->start] == '=') {
            puts_(p, "= ");
            top_expr(p, b->value, 2, 0);
        } else if (branch_fits(p, b)) {
            if (b->cond) {
                puts_(p, "when ");
                top_expr(p, b->cond, 2, 0);
                puts_(p, ": ");
            } else {
                puts_(p, "otherwise: ");
            }
            top_expr(p, b->value, 2, 0);
        } else {
            if (b->cond) {
                puts_(p, "when ");
                top_expr(p, b->cond, 2, 1);
                puts_(p, ":");
            } else {
                puts_(p, "otherwise:");
            }
            start_line(p, 4, b->value->start);
            top_expr(p, b->value, 4, 0);
        }
        annots(p, b->annots, 4);
    }
}

static void item(printer *p, const sp_item *it)
{
    static const char *const header[] = {
        [SP_ITEM_POLICY] = "policy ", [SP_ITEM_VERSION] = "version ",
        [SP_ITEM_SOURCE] = "source ", [SP_ITEM_EXTENDS] = "extends ",
    };
    p->base = 0;
    p->off = 4;
    p->trail = 0;
    switch (it->kind) {
    case SP_ITEM_POLICY:
    case SP_ITEM_VERSION:
    case SP_ITEM_SOURCE:
    case SP_ITEM_EXTENDS:
        puts_(p, header[it->kind]);
        name(p, it->name_start, it->name_end, NULL);
        break;
    case SP_ITEM_REFERENCE:
        puts_(p, "reference ");
        name(p, it->name_start, it->name_end, it->name);
        break;
    case SP_ITEM_IN_FORCE:
        puts_(p, "figures in force on ");
        name(p, it->name_start, it->name_end, it->name);
        break;
    case SP_ITEM_TYPE:
        puts_(p, "type ");
        name(p, it->name_start, it->name_end, it->name);
        puts_(p, ": ");
        type(p, it->type);
        break;
    case SP_ITEM_FACT:
        puts_(p, "fact ");
        name(p, it->name_start, it->name_end, it->name);
        puts_(p, ": ");
        type(p, it->type);
        /* Each option's keyword takes the comments before it: written in
        ** another order, a comment would move across code, and the read-back
        ** refuses that. */
        if (it->required) {
            put(p, " ", 1);
            tok(p, word_after(p, it->type ? it->type->end : it->name_end, "required"), "required");
        }
        if (it->default_value) {
            put(p, " ", 1);
            tok(p, token_before(p, it->name_end, lead(p, it->default_value)), "default ");
            top_expr(p, it->default_value, 0, 0);
        }
        if (it->at_most >= 0) {
            put(p, " ", 1);
            size_t most = token_before(p, it->name_end, it->at_most_start);
            tok(p, token_before(p, it->name_end, most), "at ");
            tok(p, most, "most ");
            tok(p, it->at_most_start, "");
            lit(p, it->at_most_start, it->at_most_end);
        }
        if (it->from && it->to) {
            put(p, " ", 1);
            tok(p, token_before(p, it->name_end, lead(p, it->from)), "from ");
            top_expr(p, it->from, 0, 0);
            put(p, " ", 1);
            tok(p, token_before(p, it->from->end, lead(p, it->to)), "to ");
            top_expr(p, it->to, 0, 0);
        }
        if (it->description) {
            start_line(p, 2, it->desc_start);
            lit(p, it->desc_start, it->desc_end);
        }
        break;
    case SP_ITEM_OUTPUT:
        puts_(p, "output ");
        name(p, it->name_start, it->name_end, it->name);
        puts_(p, ": ");
        type(p, it->type);
        if (it->description) {
            start_line(p, 2, it->desc_start);
            lit(p, it->desc_start, it->desc_end);
        }
        break;
    case SP_ITEM_FIGURE:
        puts_(p, "figure ");
        name(p, it->name_start, it->name_end, it->name);
        puts_(p, ": ");
        type(p, it->type);
        if (it->value) {
            puts_(p, " = ");
            top_expr(p, it->value, 0, 0);
        }
        for (const sp_version *v = it->versions; v; v = v->next) {
            if (!v->value || !v->from)
                continue;
            start_line(p, 2, v->value->start);
            puts_(p, "= ");
            top_expr(p, v->value, 2, 0);
            puts_(p, " from ");
            top_expr(p, v->from, 2, 0);
        }
        annots(p, it->annots, 2);
        break;
    case SP_ITEM_TABLE:
        puts_(p, "table ");
        name(p, it->name_start, it->name_end, it->name);
        puts_(p, ": ");
        type(p, it->type);
        put(p, " ", 1);
        tok(p, token_before(p, it->name_end, it->key_start), "by ");
        name(p, it->key_start, it->key_end, it->key_type);
        pairs(p, it->entries, 2, ": ");
        for (const sp_version *v = it->versions; v; v = v->next) {
            if (!v->from)
                continue;
            start_line(p, 2, v->from->start);
            puts_(p, "from ");
            top_expr(p, v->from, 2, 0);
            pairs(p, v->entries, 4, ": ");
        }
        annots(p, it->annots, 2);
        break;
    case SP_ITEM_VALUE:
    case SP_ITEM_RULE:
        if (it->kind == SP_ITEM_VALUE) {
            puts_(p, "value ");
            name(p, it->name_start, it->name_end, it->name);
            puts_(p, ": ");
            type(p, it->type);
        } else {
            puts_(p, "rule ");
            name(p, it->name_start, it->name_end, it->name);
            put(p, " ", 1);
            tok(p, token_before(p, it->name_end, it->target_start),
                it->replaces ? "replaces " : "for ");
            name(p, it->target_start, it->target_end, it->target);
        }
        rule_body(p, it);
        break;
    case SP_ITEM_EXAMPLE: {
        puts_(p, "example ");
        name(p, it->name_start, it->name_end, NULL);
        size_t given = skip(p, it->name_end);
        start_line(p, 2, given);
        puts_(p, "given");
        pairs(p, it->given, 4, " = ");
        size_t expect = skip(p, given + strlen("given"));
        for (const sp_pair *x = it->given; x; x = x->next)
            if (x->value && !x->next)
                expect = skip(p, x->value->end);
        start_line(p, 2, expect);
        puts_(p, "expect");
        pairs(p, it->expect, 4, " = ");
        break;
    }
    }
}

/* An item of several lines (figure, table, value, rule, example) is followed
** by a blank line; before an item, a blank line is kept where there was one,
** so that one-line declarations stay in their groups, and a declaration may
** stand right above the rule that decides it. */
static bool is_block(const sp_item *it)
{
    switch (it->kind) {
    case SP_ITEM_FIGURE: case SP_ITEM_TABLE: case SP_ITEM_VALUE: case SP_ITEM_RULE:
    case SP_ITEM_EXAMPLE:
        return true;
    default:
        return false;
    }
}

/* Whether a blank line comes before source offset pos (white space only
** between it and the token or comment before). */
static bool blank_before(const printer *p, size_t pos)
{
    int lines = 0;
    while (pos > 0 && is_space(p->text[pos - 1])) {
        if (p->text[--pos] == '\n')
            lines++;
    }
    return pos > 0 && lines >= 2;
}

/* A comment between items, on a line of its own. */
static void top_comment(printer *p, const com *c, bool blank)
{
    if (blank)
        blankline(p);
    else
        newline(p, 0);
    write_comment(p, c);
    p->next_com++;
}

static void file(printer *p, const sp_item *items)
{
    const sp_item *prev = NULL;
    for (const sp_item *it = items; it; it = it->next) {
        bool first = true;
        while (p->next_com < p->n_coms && p->coms[p->next_com].start < it->start) {
            const com *c = &p->coms[p->next_com];
            top_comment(p, c, blank_before(p, c->start) || (first && prev && is_block(prev)));
            first = false;
        }
        if (blank_before(p, it->start) || (first && prev && is_block(prev)))
            blankline(p);
        else
            newline(p, 0);
        item(p, it);
        /* What ends the item's last line in the source ends it here too. */
        size_t limit = it->next ? it->next->start : p->len;
        p->base = 0;
        p->off = 4;
        if (p->next_com < p->n_coms && p->coms[p->next_com].start < limit &&
            !p->coms[p->next_com].own_line && !p->after_comment)
            flush(p, p->coms[p->next_com].start + 1);
        prev = it;
    }
    while (p->next_com < p->n_coms) {
        const com *c = &p->coms[p->next_com];
        top_comment(p, c, blank_before(p, c->start));
    }
    if (p->due != DUE_START)
        sp_buf_putc(p->out, '\n');
}

/* ---- reading back and comparing ---- */

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

typedef struct side {
    const char *text;         /* the source the spans point into */
} side;

static bool same_slice(side x, size_t xs, size_t xe, side y, size_t ys, size_t ye)
{
    return xe - xs == ye - ys && memcmp(x.text + xs, y.text + ys, xe - xs) == 0;
}

static bool same_node(side sx, const sp_expr *x, side sy, const sp_expr *y)
{
    if (x->kind != y->kind || x->n_args != y->n_args || !same_str(x->name, y->name) ||
        !!x->a != !!y->a || !!x->b != !!y->b || !!x->c != !!y->c)
        return false;
    switch (x->kind) {
    case SP_EXPR_BOOL:
        return x->boolean == y->boolean;
    case SP_EXPR_NUMBER:
    case SP_EXPR_TEXT:
    case SP_EXPR_DATE:
        /* the value, and the literal as written */
        if (x->kind == SP_EXPR_NUMBER && (x->is_decimal != y->is_decimal || sp_num_cmp(x->num, y->num) != 0))
            return false;
        if (x->kind == SP_EXPR_TEXT && (x->text_len != y->text_len || memcmp(x->text, y->text, x->text_len) != 0))
            return false;
        if (x->kind == SP_EXPR_DATE && x->date != y->date)
            return false;
        return same_slice(sx, x->start, x->end, sy, y->start, y->end);
    case SP_EXPR_DURATION:
    case SP_EXPR_BIRTHDAY:
    case SP_EXPR_NEXT_DATE:
    case SP_EXPR_CMP:
        return x->count == y->count && x->op == y->op;
    case SP_EXPR_ROUND: {
        const sp_ident *a = x->round_words, *b = y->round_words;
        for (; a && b; a = a->next, b = b->next)
            if (!same_str(a->name, b->name))
                return false;
        return !a && !b;
    }
    default:
        return true;
    }
}

/* Compares two expression trees without recursion (the parser takes any
** depth), pair by pair. */
static bool same_expr(side sx, const sp_expr *x, side sy, const sp_expr *y, bool *oom)
{
    typedef struct { const sp_expr *x, *y; } pair;
    size_t cap = 64, n = 0;
    pair *st = malloc(cap * sizeof *st);
    if (!st) {
        *oom = true;
        return false;
    }
    bool same = true;
    st[n++] = (pair){ x, y };
    while (n && same) {
        pair top = st[--n];
        if (!top.x || !top.y) {
            same = top.x == top.y;
            continue;
        }
        if (!same_node(sx, top.x, sy, top.y)) {
            same = false;
            continue;
        }
        size_t kids = 3 + top.x->n_args;
        if (n + kids > cap) {
            size_t more = (n + kids) * 2;
            pair *grown = realloc(st, more * sizeof *st);
            if (!grown) {
                *oom = true;
                same = false;
                break;
            }
            st = grown;
            cap = more;
        }
        st[n++] = (pair){ top.x->a, top.y->a };
        st[n++] = (pair){ top.x->b, top.y->b };
        st[n++] = (pair){ top.x->c, top.y->c };
        for (size_t i = 0; i < top.x->n_args; i++)
            st[n++] = (pair){ top.x->args[i], top.y->args[i] };
    }
    free(st);
    return same;
}

static bool same_type(const sp_type *x, const sp_type *y)
{
    for (; x && y; x = x->elem, y = y->elem) {
        if (x->kind != y->kind || x->nullable != y->nullable || !same_str(x->name, y->name))
            return false;
        const sp_ident *a = x->values, *b = y->values;
        for (; a && b; a = a->next, b = b->next)
            if (!same_str(a->name, b->name))
                return false;
        if (a || b)
            return false;
    }
    return !x && !y;
}

static bool same_annots(side sx, const sp_annot *x, side sy, const sp_annot *y)
{
    for (; x && y; x = x->next, y = y->next) {
        if (x->kind != y->kind || !same_str(x->text, y->text) || !same_str(x->document, y->document) ||
            !same_slice(sx, x->text_start, x->text_end, sy, y->text_start, y->text_end))
            return false;
    }
    return !x && !y;
}

static bool same_pairs(side sx, const sp_pair *x, side sy, const sp_pair *y, bool *oom)
{
    for (; x && y; x = x->next, y = y->next)
        if (!same_str(x->name, y->name) || !same_expr(sx, x->value, sy, y->value, oom))
            return false;
    return !x && !y;
}

static bool same_item(side sx, const sp_item *x, side sy, const sp_item *y, bool *oom)
{
    if (x->kind != y->kind || !same_str(x->name, y->name) || !same_type(x->type, y->type) ||
        !same_str(x->description, y->description) || x->required != y->required ||
        x->at_most != y->at_most || !same_str(x->key_type, y->key_type) ||
        !same_str(x->target, y->target) || x->replaces != y->replaces)
        return false;
    if (x->description && !same_slice(sx, x->desc_start, x->desc_end, sy, y->desc_start, y->desc_end))
        return false;
    if (x->kind <= SP_ITEM_EXTENDS && !same_slice(sx, x->name_start, x->name_end, sy, y->name_start, y->name_end))
        return false;
    if (!same_expr(sx, x->default_value, sy, y->default_value, oom) ||
        !same_expr(sx, x->from, sy, y->from, oom) || !same_expr(sx, x->to, sy, y->to, oom) ||
        !same_expr(sx, x->value, sy, y->value, oom) || !same_annots(sx, x->annots, sy, y->annots) ||
        !same_pairs(sx, x->entries, sy, y->entries, oom) || !same_pairs(sx, x->given, sy, y->given, oom) ||
        !same_pairs(sx, x->expect, sy, y->expect, oom))
        return false;
    const sp_version *v = x->versions, *w = y->versions;
    for (; v && w; v = v->next, w = w->next)
        if (!same_expr(sx, v->from, sy, w->from, oom) || !same_expr(sx, v->value, sy, w->value, oom) ||
            !same_pairs(sx, v->entries, sy, w->entries, oom))
            return false;
    if (v || w)
        return false;
    const sp_branch *b = x->branches, *c = y->branches;
    for (; b && c; b = b->next, c = c->next)
        if (!same_expr(sx, b->cond, sy, c->cond, oom) || !same_expr(sx, b->value, sy, c->value, oom) ||
            !same_annots(sx, b->annots, sy, c->annots))
            return false;
    return !b && !c;
}

/* A comment's text without the white space that ends its line. */
static size_t comment_end(const char *text, const sp_comment *c)
{
    size_t end = c->end;
    while (end > c->start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
        end--;
    return end;
}

/* ---- the tokens, counted ---- */

typedef struct token {
    const char *s;            /* in the text */
    size_t len;
} token;

/* The tokens of a rule file that reads (strings whole; "is not" as two
** words), parentheses left out: the formatter adds and drops those. With
** out NULL, only counts. ranks (when not NULL) gets, for each comment in
** turn, how many tokens come before it; *n_ranks counts them. */
static size_t tokens(const char *t, size_t len, token *out, size_t *ranks, size_t *n_ranks)
{
    size_t n_coms = 0;
    size_t n = 0, i = 0;
    while (i < len) {
        char c = t[i];
        size_t start = i;
        if (is_space(c)) {
            i++;
            continue;
        }
        if (c == '#') {
            while (i < len && t[i] != '\n')
                i++;
            if (ranks)
                ranks[n_coms] = n;
            n_coms++;
            continue;
        }
        if (c == '"') {
            for (i++; i < len && t[i] != '"'; i++)
                if (t[i] == '\\')
                    i++;
            i = i < len ? i + 1 : len;
        } else if (c >= '0' && c <= '9') {
            /* as the scanner: 12, 12.50, 21st, 18_19; "1weeks" is 1 and weeks */
            while (i < len && t[i] >= '0' && t[i] <= '9')
                i++;
            if (i + 1 < len && t[i] == '.' && t[i + 1] >= '0' && t[i + 1] <= '9') {
                for (i++; i < len && t[i] >= '0' && t[i] <= '9'; i++)
                    ;
            } else if (i < len && t[i] == '_') {
                while (i < len && is_word(t[i]))
                    i++;
            } else if (i + 1 < len && (!memcmp(t + i, "st", 2) || !memcmp(t + i, "nd", 2) ||
                                       !memcmp(t + i, "rd", 2) || !memcmp(t + i, "th", 2))) {
                i += 2;
            }
        } else if (is_word(c) || c == '.') {
            while (i < len && (is_word(t[i]) || t[i] == '.'))
                i++;
        } else if ((c == '<' || c == '>' || c == '!') && i + 1 < len && t[i + 1] == '=') {
            i += 2;
        } else {
            i++;
            if (c == '(' || c == ')')
                continue;
        }
        if (out)
            out[n] = (token){ t + start, i - start };
        n++;
    }
    if (n_ranks)
        *n_ranks = n_coms;
    return n;
}

static int cmp_token(const void *a, const void *b)
{
    const token *x = a, *y = b;
    int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static bool same_token(token a, token b)
{
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

/* Whether y holds every token of x as many times (in any order: a fact's
** options and a rule's cites move), parentheses aside. What the tree does not
** keep, a second description or default of one fact, would go missing: *lost
** is then the first such token of x (else SIZE_MAX). */
static bool same_tokens(const char *x, size_t xlen, const char *y, size_t ylen, size_t *lost, bool *oom)
{
    *lost = SIZE_MAX;
    size_t nx = tokens(x, xlen, NULL, NULL, NULL), ny = tokens(y, ylen, NULL, NULL, NULL);
    token *tx = malloc((nx + 1) * sizeof *tx), *ty = malloc((ny + 1) * sizeof *ty);
    token *sx = malloc((nx + 1) * sizeof *sx);
    bool same = false;
    if (!tx || !ty || !sx) {
        *oom = true;
    } else {
        tokens(x, xlen, tx, NULL, NULL);
        tokens(y, ylen, ty, NULL, NULL);
        memcpy(sx, tx, nx * sizeof *tx);
        qsort(sx, nx, sizeof *sx, cmp_token);
        qsort(ty, ny, sizeof *ty, cmp_token);
        size_t i = 0;
        while (i < nx && i < ny && same_token(sx[i], ty[i]))
            i++;
        same = i == nx && i == ny;
        if (!same && i < nx) {
            /* the first place in x of the token that differs */
            for (size_t k = 0; k < nx && *lost == SIZE_MAX; k++)
                if (same_token(tx[k], sx[i]))
                    *lost = (size_t)(tx[k].s - x);
        }
    }
    free(tx);
    free(ty);
    free(sx);
    return same;
}

/* Whether each comment of x has as many tokens before it (parentheses
** aside) as the same comment of y: none moved across code. */
static bool same_places(const char *x, size_t xlen, const char *y, size_t ylen, bool *oom)
{
    size_t cx, cy;
    tokens(x, xlen, NULL, NULL, &cx);
    tokens(y, ylen, NULL, NULL, &cy);
    if (cx != cy)
        return false;
    size_t *rx = malloc((cx + 1) * sizeof *rx), *ry = malloc((cy + 1) * sizeof *ry);
    bool same = false;
    if (!rx || !ry) {
        *oom = true;
    } else {
        tokens(x, xlen, NULL, rx, &cx);
        tokens(y, ylen, NULL, ry, &cy);
        same = cx == 0 || memcmp(rx, ry, cx * sizeof *rx) == 0;
    }
    free(rx);
    free(ry);
    return same;
}

typedef struct parsed {
    sp_arena arena;
    sp_source *src;
    sp_item *items;
    sp_comment *comments;
    sp_parse_status status;
} parsed;

static void parse(parsed *r, const char *path, const char *text, size_t len, sp_diags *diags)
{
    sp_arena_init(&r->arena, 0);
    r->items = NULL;
    r->comments = NULL;
    r->src = sp_source_new(&r->arena, path, path, text, len);
    r->status = r->src ? sp_parse_source_comments(&r->arena, r->src, diags, &r->items, &r->comments)
                       : SP_PARSE_OOM;
}

/* Compares what two parsed files hold. *differs: the first item of x that
** differs, or NULL (a difference in comments, or in the number of items). */
static bool same_file(const parsed *x, const parsed *y, const sp_item **differs, bool *oom)
{
    side sx = { x->src->text }, sy = { y->src->text };
    const sp_item *a = x->items, *b = y->items;
    *differs = NULL;
    for (; a && b; a = a->next, b = b->next) {
        if (!same_item(sx, a, sy, b, oom)) {
            *differs = a;
            return false;
        }
    }
    if (a || b)
        return false;
    const sp_comment *c = x->comments, *d = y->comments;
    for (; c && d; c = c->next, d = d->next) {
        size_t ce = comment_end(sx.text, c), de = comment_end(sy.text, d);
        if (!same_slice(sx, c->start, ce, sy, d->start, de))
            return false;
    }
    if (c || d || !same_places(x->src->text, x->src->len, y->src->text, y->src->len, oom))
        return false;
    size_t lost;
    if (!same_tokens(x->src->text, x->src->len, y->src->text, y->src->len, &lost, oom)) {
        for (a = x->items; a && lost != SIZE_MAX && a->next && a->next->start <= lost; a = a->next)
            ;
        *differs = lost != SIZE_MAX ? a : NULL;
        return false;
    }
    return true;
}

sp_fmt_status sp_fmt_same(const char *a, size_t alen, const char *b, size_t blen, bool *same)
{
    sp_diags d;
    sp_diags_init(&d);
    parsed x, y;
    parse(&x, "a", a, alen, &d);
    parse(&y, "b", b, blen, &d);
    bool oom = x.status == SP_PARSE_OOM || y.status == SP_PARSE_OOM || d.oom;
    const sp_item *differs;
    *same = !oom && x.status == SP_PARSE_OK && y.status == SP_PARSE_OK && same_file(&x, &y, &differs, &oom);
    sp_arena_fini(&x.arena);
    sp_arena_fini(&y.arena);
    sp_diags_fini(&d);
    return oom ? SP_FMT_OOM : SP_FMT_OK;
}

/* ---- the whole ---- */

/* Reports an expression nested deeper than the checker allows (E0105): the
** printer recurses over expressions, so it takes only what check accepts. */
static bool shallow(const sp_expr *e, const sp_source *src, sp_diags *d, bool *oom)
{
    if (!e || sp_expr_depth(e, oom) <= SP_MAX_EXPR_DEPTH)
        return true;
    if (!*oom)
        sp_diag_error(d, "E0105", src, e->start, e->start + 1,
                      "this expression nests more than %d deep: split it into named values",
                      SP_MAX_EXPR_DEPTH);
    return false;
}

static bool shallow_pairs(const sp_pair *x, const sp_source *src, sp_diags *d, bool *oom)
{
    bool ok = true;
    for (; x; x = x->next)
        if (!shallow(x->value, src, d, oom))
            ok = false;
    return ok;
}

/* Every expression of the file within the checker's depth; each one too deep
** is reported. */
static bool all_shallow(const sp_item *items, const sp_source *src, sp_diags *d, bool *oom)
{
    bool ok = true;
    for (const sp_item *it = items; it && !*oom; it = it->next) {
        const sp_expr *roots[] = { it->default_value, it->from, it->to, it->value };
        for (size_t i = 0; i < sizeof roots / sizeof *roots; i++)
            if (!shallow(roots[i], src, d, oom))
                ok = false;
        const sp_pair *lists[] = { it->entries, it->given, it->expect };
        for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
            if (!shallow_pairs(lists[i], src, d, oom))
                ok = false;
        for (const sp_version *v = it->versions; v; v = v->next)
            if (!shallow(v->from, src, d, oom) || !shallow(v->value, src, d, oom) ||
                !shallow_pairs(v->entries, src, d, oom))
                ok = false;
        for (const sp_branch *b = it->branches; b; b = b->next) {
            if (!shallow(b->cond, src, d, oom))
                ok = false;
            if (!shallow(b->value, src, d, oom))
                ok = false;
        }
    }
    return ok;
}

/* The comments as the printer needs them: trimmed, and whether each has a
** line of its own. NULL when out of memory (or none: *n is then 0). */
static com *comments_of(const sp_source *src, const sp_comment *list, size_t *n, bool *oom)
{
    *n = 0;
    for (const sp_comment *c = list; c; c = c->next)
        (*n)++;
    if (!*n)
        return NULL;
    com *coms = malloc(*n * sizeof *coms);
    if (!coms) {
        *oom = true;
        return NULL;
    }
    size_t i = 0;
    for (const sp_comment *c = list; c; c = c->next, i++) {
        size_t s = c->start;
        while (s > 0 && (src->text[s - 1] == ' ' || src->text[s - 1] == '\t' || src->text[s - 1] == '\r'))
            s--;
        coms[i] = (com){ c->start, comment_end(src->text, c), s == 0 || src->text[s - 1] == '\n' };
    }
    return coms;
}

sp_fmt_status sp_fmt_text(const char *path, const char *text, size_t len, sp_buf *out,
                          sp_diags *diags, size_t *unsafe_line)
{
    if (unsafe_line)
        *unsafe_line = 0;
    /* A byte-order mark is allowed at the start (docs/errors.md); the
    ** canonical layout has none. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    parsed x;
    parse(&x, path, text, len, diags);
    bool oom = x.status == SP_PARSE_OOM;
    sp_fmt_status status = SP_FMT_OK;
    if (!oom && x.status != SP_PARSE_OK)
        status = SP_FMT_ERRORS;
    else if (!oom && !all_shallow(x.items, x.src, diags, &oom))
        status = SP_FMT_ERRORS;
    if (oom || status != SP_FMT_OK) {
        sp_arena_fini(&x.arena);
        return oom ? SP_FMT_OOM : status;
    }

    size_t n_coms = 0;
    com *coms = comments_of(x.src, x.comments, &n_coms, &oom);
    sp_buf result;
    sp_buf_init(&result);
    printer p = {
        .out = &result, .text = x.src->text, .len = x.src->len, .coms = coms, .n_coms = n_coms,
        .due = DUE_START, .off = 4,
    };
    if (!oom)
        file(&p, x.items);
    oom = oom || result.oom;

    /* Read it back: the same tree and the same comments, or nothing is written. */
    if (!oom) {
        sp_diags again;
        sp_diags_init(&again);
        parsed y;
        parse(&y, path, result.data ? result.data : "", result.len, &again);
        const sp_item *differs = NULL;
        oom = y.status == SP_PARSE_OOM;
        if (!oom && (p.too_deep || y.status != SP_PARSE_OK || !same_file(&x, &y, &differs, &oom))) {
            status = SP_FMT_UNSAFE;
            if (differs && unsafe_line) {
                size_t col;
                sp_source_line_col(x.src, differs->start, unsafe_line, &col);
            }
        }
        /* Formatted again, the result stays as it is (else a second run
        ** would change the file again): cheap, and --check depends on it. */
        if (!oom && status == SP_FMT_OK) {
            size_t n_again = 0;
            com *coms_again = comments_of(y.src, y.comments, &n_again, &oom);
            sp_buf twice;
            sp_buf_init(&twice);
            printer q = {
                .out = &twice, .text = y.src->text, .len = y.src->len, .coms = coms_again,
                .n_coms = n_again, .due = DUE_START, .off = 4,
            };
            if (!oom)
                file(&q, y.items);
            oom = oom || twice.oom;
            if (!oom && (q.too_deep || twice.len != result.len ||
                         memcmp(twice.data ? twice.data : "", result.data ? result.data : "",
                                result.len) != 0))
                status = SP_FMT_UNSAFE;
            sp_buf_fini(&twice);
            free(coms_again);
        }
        sp_arena_fini(&y.arena);
        sp_diags_fini(&again);
    }
    if (!oom && status == SP_FMT_OK && !sp_buf_append(out, result.data ? result.data : "", result.len))
        oom = true;
    sp_buf_fini(&result);
    free(coms);
    sp_arena_fini(&x.arena);
    return oom ? SP_FMT_OOM : status;
}
