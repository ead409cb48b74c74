/*
** The policy texts that rules cite: finding each document in a folder by its
** short name, and in it the passage a citation names. Plain text only: a
** heading is a short line standing alone; paragraphs are separated by blank
** lines; list items start with a bullet or an indented number.
*/
#include "sources.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "policy.h"
#include "sha256.h"

#define HEADING_MAX   100                 /* a longer line is a sentence, not a heading */
#define SECTION_QUOTE 1500                /* bytes of a section shown when no detail narrows it */
#define TEXT_MAX      (16u * 1024 * 1024) /* a larger file is no policy text */

/* ---- a document's lines, paragraphs and list items ---- */

typedef struct line_info {
    size_t start, end; /* bytes, without the newline and trailing white space */
    size_t indent;     /* leading spaces and tabs */
    bool blank;
    bool item;    /* a list item: a bullet, or an indented "N." or "N)" */
    long number;  /* a numbered item's number, else -1 */
    bool heading; /* a short line standing alone, unindented, not a sentence */
} line_info;

/* A paragraph, or one list item (with its continuation lines). */
typedef struct unit {
    size_t first, last; /* lines, from 0 */
    bool item;
    long number;
    uint32_t *words; /* its words, hashed, in order */
    size_t n_words;
} unit;

typedef struct doc_index {
    const char *text;
    size_t len;
    line_info *lines;
    size_t n_lines;
    unit *units;
    size_t n_units;
    uint32_t *word_store; /* every unit's words, back to back */
    /* Lines by what they read as (loose_hash), then by number: every
    ** non-blank line, and the headings alone; built once, so that finding
    ** the line a citation names costs no scan of the text. */
    struct line_key *keys, *heads;
    size_t n_keys, n_heads;
} doc_index;

typedef struct line_key {
    uint32_t hash;
    size_t line;
} line_key;

static void index_free(doc_index *d)
{
    free(d->lines);
    free(d->units);
    free(d->word_store);
    free(d->keys);
    free(d->heads);
    memset(d, 0, sizeof *d);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of the white space character at s[0..n): an ASCII one, or a
** no-break space (U+00A0), which texts converted from web pages are full of. */
static size_t space_len(const char *s, size_t n)
{
    if (n && is_space(s[0]))
        return 1;
    return n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

/* Length of the white space that ends s[0..n). */
static size_t trailing_space(const char *s, size_t n)
{
    size_t k = 0;
    for (;;) {
        if (n - k >= 1 && is_space(s[n - k - 1]))
            k += 1;
        else if (n - k >= 2 && (unsigned char)s[n - k - 2] == 0xC2 &&
                 (unsigned char)s[n - k - 1] == 0xA0)
            k += 2;
        else
            return k;
    }
}

/* The UTF-8 bullet "•" (U+2022) or "-", "*" followed by a space. */
static size_t bullet_len(const char *s, size_t n)
{
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xA2)
        return 3;
    if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return 1;
    return 0;
}

static void classify(const char *text, line_info *l)
{
    const char *s = text + l->start;
    size_t n = l->end - l->start;
    size_t i = 0, k;
    while ((k = space_len(s + i, n - i)))
        i += k;
    l->indent = i;
    l->blank = i == n;
    l->number = -1;
    if (l->blank)
        return;
    if (bullet_len(s + i, n - i)) {
        l->item = true;
        return;
    }
    size_t d = i;
    long num = 0;
    while (d < n && d - i < 4 && s[d] >= '0' && s[d] <= '9')
        num = num * 10 + (s[d++] - '0');
    if (i > 0 && d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
        l->item = true;
        l->number = num;
    }
}

static uint32_t hash_word(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        h = (h ^ c) * 16777619u;
    }
    return h;
}

/* Length of a typographic quote (U+2018, U+2019, U+201C, U+201D) at s, else 0. */
static size_t curly_quote(const char *s, size_t n)
{
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
        unsigned char c = (unsigned char)s[2];
        if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D)
            return 3;
    }
    return 0;
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Words that say little about which passage is meant. */
static bool stop_word(const char *s, size_t n)
{
    static const char *const words[] = { "a",    "an",  "and",   "are",   "as",    "at",   "be",
                                         "by",   "for", "from",  "has",   "have",  "if",   "in",
                                         "is",   "it",  "its",   "of",    "on",    "or",   "s",
                                         "that", "the", "their", "them",  "there", "they", "this",
                                         "to",   "was", "were",  "which", "who",   "will", "with" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n) {
            size_t k = 0;
            while (k < n && (s[k] | 0x20) == words[i][k])
                k++;
            if (k == n)
                return true;
        }
    return false;
}

/* Calls back for each word of s[0..n): runs of letters and digits (and
** bytes of other UTF-8 characters, typographic quotes excepted). */
typedef void (*word_fn)(void *ctx, const char *w, size_t n);

static void each_word(const char *s, size_t n, word_fn fn, void *ctx)
{
    size_t i = 0;
    while (i < n) {
        if (!word_byte((unsigned char)s[i]) || curly_quote(s + i, n - i)) {
            i += curly_quote(s + i, n - i) ? 3 : 1;
            continue;
        }
        size_t j = i;
        while (j < n && word_byte((unsigned char)s[j]) && !curly_quote(s + j, n - j))
            j++;
        fn(ctx, s + i, j - i);
        i = j;
    }
}

typedef struct word_sink {
    uint32_t *out; /* NULL: only count */
    size_t n;
} word_sink;

static void sink_word(void *ctx, const char *w, size_t n)
{
    word_sink *k = ctx;
    if (k->out)
        k->out[k->n] = hash_word(w, n);
    k->n++;
}

static bool ends_with_colon(const doc_index *d, size_t line)
{
    const line_info *l = &d->lines[line];
    return l->end > l->start && d->text[l->end - 1] == ':';
}

/* A heading: one line standing alone, unindented, short, and not a sentence
** (no final stop, comma, semicolon; no colon, which introduces what follows). */
static bool heading_line(const doc_index *d, size_t i)
{
    const line_info *l = &d->lines[i];
    if (l->blank || l->indent || l->item || l->end - l->start > HEADING_MAX)
        return false;
    if ((i > 0 && !d->lines[i - 1].blank) || (i + 1 < d->n_lines && !d->lines[i + 1].blank))
        return false;
    char last = d->text[l->end - 1];
    if (last == '.' || last == ',' || last == ';')
        return false;
    return !memchr(d->text + l->start, ':', l->end - l->start);
}

static bool keys_build(doc_index *d);

static bool index_build(doc_index *d, const char *text, size_t len)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = len;
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    d->lines = calloc(n, sizeof *d->lines);
    d->units = calloc(n, sizeof *d->units);
    if (!d->lines || !d->units) {
        index_free(d);
        return false;
    }
    for (size_t i = 0, start = 0; start <= len && i < n; i++) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        line_info *l = &d->lines[d->n_lines++];
        l->start = start;
        l->end = end - trailing_space(text + start, end - start);
        classify(text, l);
        if (!nl)
            break;
        start = end + 1;
    }
    for (size_t i = 0; i < d->n_lines; i++)
        d->lines[i].heading = heading_line(d, i);

    /* Units: a paragraph's lines up to its first list item; each item with
    ** the lines that continue it; a line after an item that is unindented or
    ** introduces something (ends with ':') starts a paragraph again. */
    for (size_t i = 0; i < d->n_lines; i++) {
        const line_info *l = &d->lines[i];
        if (l->blank)
            continue;
        bool starts = i == 0 || d->lines[i - 1].blank || l->item || l->heading;
        if (!starts && !l->item && d->n_units && d->units[d->n_units - 1].item)
            starts = l->indent == 0 || ends_with_colon(d, i);
        if (starts) {
            unit *u = &d->units[d->n_units++];
            u->first = u->last = i;
            u->item = l->item;
            u->number = l->number;
        } else {
            d->units[d->n_units - 1].last = i;
        }
    }
    /* Each unit's words, hashed. */
    size_t total = 0;
    for (size_t k = 0; k < d->n_units; k++) {
        unit *u = &d->units[k];
        word_sink sink = { 0 };
        each_word(text + d->lines[u->first].start, d->lines[u->last].end - d->lines[u->first].start,
                  sink_word, &sink);
        u->n_words = sink.n;
        total += sink.n;
    }
    d->word_store = malloc((total ? total : 1) * sizeof *d->word_store);
    if (!d->word_store) {
        index_free(d);
        return false;
    }
    total = 0;
    for (size_t k = 0; k < d->n_units; k++) {
        unit *u = &d->units[k];
        word_sink sink = { .out = d->word_store + total };
        each_word(text + d->lines[u->first].start, d->lines[u->last].end - d->lines[u->first].start,
                  sink_word, &sink);
        u->words = d->word_store + total;
        total += sink.n;
    }
    if (!keys_build(d)) {
        index_free(d);
        return false;
    }
    return true;
}

/* ---- matching a citation's section to a heading ---- */

/* The next character of a text compared loosely: white space runs are one
** space, letters lower case, typographic quotes plain ones. -1 at the end. */
static int next_loose(const char *s, size_t n, size_t *i)
{
    if (*i >= n)
        return -1;
    size_t k = space_len(s + *i, n - *i);
    if (k || s[*i] == '\n') {
        while (*i < n && ((k = space_len(s + *i, n - *i)) || s[*i] == '\n'))
            *i += k ? k : 1;
        return *i < n ? ' ' : -1;
    }
    size_t q = curly_quote(s + *i, n - *i);
    if (q) {
        unsigned char c = (unsigned char)s[*i + 2];
        *i += q;
        return c == 0x9C || c == 0x9D ? '"' : '\'';
    }
    unsigned char c = (unsigned char)s[(*i)++];
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The bytes [*a0, *an) of line l that a citation is compared with: without
** its indent, a final ':' and the white space before that. */
static void line_span(const doc_index *d, size_t line, size_t *a0, size_t *an)
{
    const line_info *l = &d->lines[line];
    *a0 = l->start + l->indent;
    *an = l->end;
    if (*an > *a0 && d->text[*an - 1] == ':')
        (*an)--;
    while (*an > *a0 && is_space(d->text[*an - 1]))
        (*an)--;
}

/* A hash of s[0..n) read loosely: texts that read alike hash alike. */
static uint32_t loose_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i = 0;
    for (int c; (c = next_loose(s, n, &i)) >= 0;)
        h = (h ^ (uint32_t)c) * 16777619u;
    return h;
}

static int by_key(const void *x, const void *y)
{
    const line_key *a = x, *b = y;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

static bool keys_build(doc_index *d)
{
    d->keys = malloc((d->n_lines ? d->n_lines : 1) * sizeof *d->keys);
    d->heads = malloc((d->n_lines ? d->n_lines : 1) * sizeof *d->heads);
    if (!d->keys || !d->heads)
        return false;
    for (size_t i = 0; i < d->n_lines; i++) {
        if (d->lines[i].blank)
            continue;
        size_t a0, an;
        line_span(d, i, &a0, &an);
        line_key k = { loose_hash(d->text + a0, an - a0), i };
        d->keys[d->n_keys++] = k;
        if (d->lines[i].heading)
            d->heads[d->n_heads++] = k;
    }
    qsort(d->keys, d->n_keys, sizeof *d->keys, by_key);
    qsort(d->heads, d->n_heads, sizeof *d->heads, by_key);
    return true;
}

/* Whether line l reads as s[0..n), loosely, a final ':' of the line aside. */
static bool line_reads(const doc_index *d, size_t line, const char *s, size_t n)
{
    if (d->lines[line].blank)
        return false;
    size_t a0, an;
    line_span(d, line, &a0, &an);
    const char *a = d->text + a0;
    size_t alen = an - a0, i = 0, j = 0;
    for (;;) {
        int x = next_loose(a, alen, &i), y = next_loose(s, n, &j);
        if (x != y)
            return false;
        if (x < 0)
            return true;
    }
}

/* The first line of keys[0..n_keys) at or after `from` that reads as s[0..n)
** (whose hash is h), or -1. */
static long first_keyed(const doc_index *d, const line_key *keys, size_t n_keys, uint32_t h,
                        size_t from, const char *s, size_t n)
{
    size_t lo = 0, hi = n_keys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid].hash < h || (keys[mid].hash == h && keys[mid].line < from))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n_keys && keys[lo].hash == h; lo++)
        if (line_reads(d, keys[lo].line, s, n))
            return (long)keys[lo].line;
    return -1;
}

/* The first line at or after `from` that reads as s[0..n), headings first;
** only a heading when headings_only. */
static long find_line(const doc_index *d, size_t from, const char *s, size_t n, bool headings_only)
{
    uint32_t h = loose_hash(s, n);
    long l = first_keyed(d, d->heads, d->n_heads, h, from, s, n);
    if (l >= 0 || headings_only)
        return l;
    return first_keyed(d, d->keys, d->n_keys, h, from, s, n);
}

/* ---- scoring passages against the citation's detail ---- */

typedef struct query {
    uint32_t words[64]; /* distinct content words */
    size_t n_words;
    uint32_t seq[128]; /* every word in order, for pairs */
    size_t n_seq;
} query;

static void query_word(void *ctx, const char *w, size_t n)
{
    query *q = ctx;
    uint32_t h = hash_word(w, n);
    if (q->n_seq < sizeof q->seq / sizeof *q->seq)
        q->seq[q->n_seq++] = h;
    if (stop_word(w, n))
        return;
    for (size_t i = 0; i < q->n_words; i++)
        if (q->words[i] == h)
            return;
    if (q->n_words < sizeof q->words / sizeof *q->words)
        q->words[q->n_words++] = h;
}

static bool unit_has(const unit *u, uint32_t w)
{
    for (size_t i = 0; i < u->n_words; i++)
        if (u->words[i] == w)
            return true;
    return false;
}

static bool unit_has_pair(const unit *u, uint32_t a, uint32_t b)
{
    for (size_t i = 0; i + 1 < u->n_words; i++)
        if (u->words[i] == a && u->words[i + 1] == b)
            return true;
    return false;
}

/* A word found in few passages of the document says more than a common one:
** 1 + log2(passages / passages holding it). */
static unsigned weight(const doc_index *d, uint32_t w)
{
    size_t df = 0;
    for (size_t k = 0; k < d->n_units; k++)
        df += unit_has(&d->units[k], w);
    if (!df)
        return 0;
    unsigned wt = 1;
    for (size_t r = d->n_units / df; r > 1; r >>= 1)
        wt++;
    return wt;
}

/* The unit among units [lo, hi) that best matches q, or -1 when none
** matches at least half of the words' weight. */
static long best_unit(const doc_index *d, size_t lo, size_t hi, const query *q)
{
    unsigned wts[64], possible = 0;
    for (size_t i = 0; i < q->n_words; i++) {
        wts[i] = weight(d, q->words[i]);
        possible += 2 * wts[i];
    }
    long best = -1;
    unsigned best_score = 0;
    for (size_t k = lo; k < hi; k++) {
        const unit *u = &d->units[k];
        unsigned words = 0, pairs = 0;
        for (size_t i = 0; i < q->n_words; i++)
            if (unit_has(u, q->words[i]))
                words += 2 * wts[i];
        for (size_t i = 0; i + 1 < q->n_seq; i++)
            pairs += unit_has_pair(u, q->seq[i], q->seq[i + 1]);
        unsigned score = words + pairs;
        if (2 * words >= possible && possible && score > best_score) {
            best = (long)k;
            best_score = score;
        }
    }
    return best;
}

/* ---- building the quote ---- */

static void add_part(const doc_index *d, sp_quote *q, size_t first, size_t last, bool heading)
{
    if (q->n_parts == SP_QUOTE_MAX_PARTS)
        return;
    size_t prev_last = q->n_parts ? q->parts[q->n_parts - 1].last_line - 1 : first;
    if (q->n_parts && first <= prev_last)
        return; /* already shown */
    bool gap = false;
    for (size_t i = prev_last + 1; q->n_parts && i < first; i++)
        gap = gap || !d->lines[i].blank;
    sp_quote_part *p = &q->parts[q->n_parts++];
    p->start = d->lines[first].start;
    p->end = d->lines[last].end;
    p->first_line = first + 1;
    p->last_line = last + 1;
    p->heading = heading;
    p->after_gap = gap;
}

/* The units of the lines [first, last]. */
static void units_of(const doc_index *d, size_t first, size_t last, size_t *lo, size_t *hi)
{
    *lo = 0;
    while (*lo < d->n_units && d->units[*lo].first < first)
        (*lo)++;
    *hi = *lo;
    while (*hi < d->n_units && d->units[*hi].last <= last)
        (*hi)++;
}

/* The block (run of non-blank lines) that holds line i: its last line. */
static size_t block_end(const doc_index *d, size_t i)
{
    while (i + 1 < d->n_lines && !d->lines[i + 1].blank)
        i++;
    return i;
}

/* Whether unit k is a table's caption ("Caption: ..."). */
static bool caption_unit(const doc_index *d, size_t k)
{
    const line_info *l = &d->lines[d->units[k].first];
    return !d->units[k].item && l->end - l->start - l->indent >= 8 &&
           strncmp(d->text + l->start + l->indent, "Caption:", 8) == 0;
}

/* The first line of what follows unit k after blank lines. */
static size_t next_block(const doc_index *d, size_t k)
{
    size_t next = d->units[k].last + 1;
    while (next < d->n_lines && d->lines[next].blank)
        next++;
    return next;
}

/* Quotes unit k with what makes it readable: a list item after the words
** that introduce the list; a paragraph that introduces something (ends with
** ':', or captions a table) with what follows it; a table after its caption. */
static void quote_unit(const doc_index *d, size_t k, sp_quote *q)
{
    /* a table that a caption names: the caption, which brings the table */
    if (k > 0 && caption_unit(d, k - 1) && next_block(d, k - 1) == d->units[k].first &&
        !d->lines[d->units[k].first].heading)
        k--;
    const unit *u = &d->units[k];
    if (u->item) {
        /* back over the list (items, and indented words between them such
        ** as "or") to the words before it */
        size_t j = k;
        while (j > 0 && !ends_with_colon(d, d->units[j - 1].last) &&
               (d->units[j - 1].item || d->lines[d->units[j - 1].first].indent))
            j--;
        if (j > 0 && ends_with_colon(d, d->units[j - 1].last))
            add_part(d, q, d->units[j - 1].first, d->units[j - 1].last, false);
        add_part(d, q, u->first, u->last, false);
        return;
    }
    add_part(d, q, u->first, u->last, false);
    if (caption_unit(d, k)) {
        size_t next = next_block(d, k);
        if (next < d->n_lines && !d->lines[next].heading)
            add_part(d, q, next, block_end(d, next), false);
    } else if (ends_with_colon(d, u->last)) {
        /* the list it introduces: items, and indented words between them */
        size_t j = k + 1;
        while (j < d->n_units && !ends_with_colon(d, d->units[j].last) &&
               (d->units[j].item || d->lines[d->units[j].first].indent))
            j++;
        if (j > k + 1)
            add_part(d, q, d->units[k + 1].first, d->units[j - 1].last, false);
    }
}

/* The first numbered list item `number` among units [lo, hi), or -1. */
static long numbered_item(const doc_index *d, size_t lo, size_t hi, long number)
{
    for (size_t k = lo; k < hi; k++)
        if (d->units[k].item && d->units[k].number == number)
            return (long)k;
    return -1;
}

/* A detail ending in a number, as in "criterion 3" or "group 1": the number
** when the detail is a word or two and then it, else -1. */
static long detail_number(const char *s, size_t n)
{
    while (n && is_space(s[n - 1]))
        n--;
    size_t i = n;
    while (i && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    if (i == n || n - i > 4 || i == 0 || s[i - 1] != ' ')
        return -1;
    size_t spaces = 0;
    for (size_t k = 0; k < i; k++)
        spaces += s[k] == ' ';
    if (spaces > 2)
        return -1;
    return strtol(s + i, NULL, 10);
}

/* ---- whether a passage holds the citation's detail ---- */

#define DETAIL_WORDS 32 /* the detail's significant words weighed, at most */

/* The detail's significant words (not stop words), each found or not. */
typedef struct detail_words {
    const char *w[DETAIL_WORDS];
    size_t len[DETAIL_WORDS];
    bool found[DETAIL_WORDS];
    size_t n;
} detail_words;

static bool same_letters(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if ((x >= 'A' && x <= 'Z' ? x | 0x20 : x) != (y >= 'A' && y <= 'Z' ? y | 0x20 : y))
            return false;
    }
    return true;
}

/* Whether words a and b are one word, case aside, or one and the same word
** with an ending of up to three letters ("claim", "claims"; "review",
** "reviewed") when they share at least five letters. */
static bool same_word(const char *a, size_t an, const char *b, size_t bn)
{
    size_t k = an < bn ? an : bn;
    if (an == bn)
        return same_letters(a, b, an);
    return k >= 5 && (an > bn ? an - bn : bn - an) <= 3 && same_letters(a, b, k);
}

static void detail_word(void *ctx, const char *w, size_t n)
{
    detail_words *dw = ctx;
    if (stop_word(w, n) || dw->n == DETAIL_WORDS)
        return;
    for (size_t i = 0; i < dw->n; i++)
        if (dw->len[i] == n && same_letters(dw->w[i], w, n))
            return;
    dw->w[dw->n] = w;
    dw->len[dw->n++] = n;
}

static void passage_word(void *ctx, const char *w, size_t n)
{
    detail_words *dw = ctx;
    for (size_t i = 0; i < dw->n; i++)
        if (!dw->found[i] && same_word(dw->w[i], dw->len[i], w, n))
            dw->found[i] = true;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Length of a currency sign at s[0..n) ("£", "€", "$"), else 0. */
static size_t currency_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '$')
        return 1;
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA3)
        return 2;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x82 &&
        (unsigned char)s[2] == 0xAC)
        return 3;
    return 0;
}

/* Length of the number at s[0..n) (digits, with '.' or ',' between digits:
** "2.50", "1,000"), else 0. */
static size_t number_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (is_digit(s[i]) || ((s[i] == '.' || s[i] == ',') && i > 0 && i + 1 < n &&
                                        is_digit(s[i - 1]) && is_digit(s[i + 1]))))
        i++;
    return i;
}

/* Whether t[i..i+n) of t[0..tn) is no part of a longer number. */
static bool whole_number_at(const char *t, size_t tn, size_t i, size_t n)
{
    bool before = i > 0 && (is_digit(t[i - 1]) ||
                            (i > 1 && (t[i - 1] == '.' || t[i - 1] == ',') && is_digit(t[i - 2])));
    size_t j = i + n;
    bool after = j < tn && (is_digit(t[j]) ||
                            (j + 1 < tn && (t[j] == '.' || t[j] == ',') && is_digit(t[j + 1])));
    return !before && !after;
}

/* Whether the quote's passage (its parts but the heading) holds s[0..n) as
** it stands, not as part of a longer number. */
static bool passage_has(const sp_quote *q, const char *s, size_t n)
{
    for (size_t p = 0; p < q->n_parts; p++) {
        if (q->parts[p].heading)
            continue;
        const char *t = q->text + q->parts[p].start;
        size_t tn = q->parts[p].end - q->parts[p].start;
        for (size_t i = 0; i + n <= tn; i++)
            if (memcmp(t + i, s, n) == 0 && whole_number_at(t, tn, i, n))
                return true;
    }
    return false;
}

/* Whether the passage quoted holds the detail well enough to be shown as
** the passage it names: every number of the detail (with its currency sign,
** if any) stands in it as written, and it holds at least two thirds of the
** detail's significant words (stop words aside; a word matches another
** with an ending of up to three letters added or dropped). */
static bool detail_holds(const sp_quote *q, const char *detail, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t c = currency_len(detail + i, n - i), k = number_len(detail + i + c, n - i - c);
        bool starts = i == 0 || !word_byte((unsigned char)detail[i - 1]);
        if (k && (c || starts) && !passage_has(q, detail + i, c + k))
            return false;
        i += k ? c + k : 1;
        while (k && i < n && word_byte((unsigned char)detail[i]))
            i++; /* "21st": the number is 21 */
    }
    detail_words dw;
    memset(&dw, 0, sizeof dw);
    each_word(detail, n, detail_word, &dw);
    for (size_t p = 0; p < q->n_parts; p++)
        if (!q->parts[p].heading)
            each_word(q->text + q->parts[p].start, q->parts[p].end - q->parts[p].start,
                      passage_word, &dw);
    size_t found = 0;
    for (size_t i = 0; i < dw.n; i++)
        found += dw.found[i];
    return 3 * found >= 2 * dw.n;
}

/* ---- finding a citation ---- */

/* The line that the citation's section reads as: the longest leading run of
** its ", " separated parts that reads as a line; then, after it, the longest
** run of what is left that reads as a heading (a sub-heading), and so on.
** -1 when none; *detail_at is where the rest (the detail) begins. */
static long find_section(const doc_index *d, const char *cite, size_t n, size_t *detail_at)
{
    long anchor = -1;
    size_t used = 0;
    for (;;) {
        size_t rest = used;
        while (rest < n && (cite[rest] == ' ' || cite[rest] == ','))
            rest++;
        if (rest >= n)
            break;
        long found = -1;
        size_t found_end = 0;
        for (size_t end = n; end > rest && found < 0; end--) {
            if (end != n && !(cite[end] == ',' && end + 1 < n && cite[end + 1] == ' '))
                continue;
            found = anchor < 0 ? find_line(d, 0, cite + rest, end - rest, false)
                               : find_line(d, (size_t)anchor + 1, cite + rest, end - rest, true);
            found_end = end;
        }
        if (found < 0)
            break;
        anchor = found;
        used = found_end;
    }
    while (used < n && (cite[used] == ' ' || cite[used] == ','))
        used++;
    *detail_at = used;
    return anchor;
}

/* No heading reads as the section: the passage of the whole text most like
** the citation. */
static void quote_passage(const doc_index *d, const char *cite, size_t n, sp_quote *q)
{
    query qy;
    memset(&qy, 0, sizeof qy);
    each_word(cite, n, query_word, &qy);
    long k = best_unit(d, 0, d->n_units, &qy);
    if (k < 0) {
        q->kind = SP_QUOTE_NOT_FOUND;
        return;
    }
    q->kind = SP_QUOTE_PASSAGE;
    quote_unit(d, (size_t)k, q);
}

/* The last line of the section that heading line a begins. */
static size_t section_end(const doc_index *d, size_t a)
{
    for (size_t i = a + 1; i < d->n_lines; i++)
        if (d->lines[i].heading)
            return i - 1;
    return d->n_lines ? d->n_lines - 1 : 0;
}

/* The section itself, units [lo, hi), as far as a page allows: whole
** paragraphs. */
static void quote_section(const doc_index *d, size_t lo, size_t hi, sp_quote *q)
{
    size_t shown = 0;
    for (size_t u = lo; u < hi; u++) {
        size_t bytes = d->lines[d->units[u].last].end - d->lines[d->units[u].first].start;
        if ((shown && shown + bytes > SECTION_QUOTE) || q->n_parts == SP_QUOTE_MAX_PARTS) {
            q->shortened = true;
            break;
        }
        /* consecutive units of one block go in one part */
        size_t first = d->units[u].first, last = d->units[u].last;
        while (
            u + 1 < hi && d->units[u + 1].first == last + 1 &&
            shown + bytes +
                    (d->lines[d->units[u + 1].last].end - d->lines[d->units[u + 1].first].start) <=
                SECTION_QUOTE) {
            u++;
            bytes += d->lines[d->units[u].last].end - d->lines[last].end;
            last = d->units[u].last;
        }
        add_part(d, q, first, last, false);
        shown += bytes;
    }
}

/* The passage of units [lo, hi) that the detail names: the numbered item it
** ends with (*sure), else the unit its words best match; -1 when none. */
static long detail_unit(const doc_index *d, size_t lo, size_t hi, const char *detail, size_t n,
                        bool *sure)
{
    long num = detail_number(detail, n), k = num >= 0 ? numbered_item(d, lo, hi, num) : -1;
    *sure = k >= 0;
    if (k >= 0)
        return k;
    query qy;
    memset(&qy, 0, sizeof qy);
    each_word(detail, n, query_word, &qy);
    return best_unit(d, lo, hi, &qy);
}

static void find_in(const doc_index *d, const char *cite, sp_quote *q)
{
    size_t n = strlen(cite), used;
    long anchor = find_section(d, cite, n, &used);
    if (anchor < 0) {
        quote_passage(d, cite, n, q);
        return;
    }
    q->kind = SP_QUOTE_SECTION;
    size_t a = (size_t)anchor, lo, hi;
    add_part(d, q, a, a, true);
    units_of(d, a + 1, section_end(d, a), &lo, &hi);
    if (used == n) {
        quote_section(d, lo, hi, q);
        return;
    }
    q->detail_at = used;
    bool sure;
    long k = detail_unit(d, lo, hi, cite + used, n - used, &sure);
    if (k >= 0) {
        quote_unit(d, (size_t)k, q);
        q->detail_missing = q->detail_passage = !sure && !detail_holds(q, cite + used, n - used);
        return;
    }
    q->detail_missing = true;
    quote_section(d, lo, hi, q);
}

bool sp_sources_find(const char *file, const char *text, size_t len, const char *cite, sp_quote *q)
{
    memset(q, 0, sizeof *q);
    q->file = file;
    q->text = text;
    doc_index d;
    if (!index_build(&d, text, len))
        return false;
    find_in(&d, cite, q);
    index_free(&d);
    return true;
}

/* ---- the folder ---- */

typedef struct source_doc {
    char *name; /* the short name rules cite */
    char *path; /* DIR/FILE; NULL when the folder has no text of it */
    char *text;
    size_t len;
    char digest[72]; /* "sha256:" and the hex digest of the text */
} source_doc;

typedef struct quoted {
    const sp_annot *annot;
    sp_quote quote;
} quoted;

struct sp_sources {
    source_doc *docs;
    size_t n_docs;
    quoted *quotes; /* sorted by annot */
    size_t n_quotes;
};

void sp_sources_free(sp_sources *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_docs; i++) {
        free(s->docs[i].name);
        free(s->docs[i].path);
        free(s->docs[i].text);
    }
    free(s->docs);
    free(s->quotes);
    free(s);
}

bool sp_sources_document(const sp_sources *s, size_t i, const char **name, const char **file,
                         const char **digest)
{
    if (!s || i >= s->n_docs)
        return false;
    *name = s->docs[i].name;
    *file = s->docs[i].path;
    *digest = s->docs[i].path ? s->docs[i].digest : NULL;
    return true;
}

const char *sp_sources_missing(const sp_sources *s, size_t i)
{
    for (size_t k = 0; k < s->n_docs; k++)
        if (!s->docs[k].path && i-- == 0)
            return s->docs[k].name;
    return NULL;
}

static char *join_path(const char *dir, const char *name, size_t name_len)
{
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    char *p = malloc(dl + 1 + name_len + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, name, name_len);
    p[dl + 1 + name_len] = '\0';
    return p;
}

static bool regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Whether s[0..n) reads as name, loosely. */
static bool same_name(const char *s, size_t n, const char *name)
{
    size_t i = 0, j = 0, nl = strlen(name);
    for (;;) {
        int x = next_loose(s, n, &i), y = next_loose(name, nl, &j);
        if (x != y)
            return false;
        if (x < 0)
            return true;
    }
}

/* A plain file name: no folder, not hidden. */
static bool plain_name(const char *s, size_t n)
{
    return n && s[0] != '.' && !memchr(s, '/', n) && !memchr(s, '\0', n);
}

/* The file of document `name` named by a row of a Markdown table in the
** folder's README.md (a cell holding the name, another the file, with or
** without backquotes); else the file NAME.txt or NAME. Heap path, or NULL. */
static char *find_document(const char *dir, const sp_buf *readme, const char *name, bool *oom)
{
    const char *t = readme->data ? readme->data : "";
    for (const char *line = t; *line;) {
        const char *nl = strchr(line, '\n');
        const char *le = nl ? nl : line + strlen(line);
        const char *s = line;
        while (s < le && is_space(*s))
            s++;
        bool row = s < le && *s == '|', named = false;
        const char *cell_file = NULL;
        size_t cell_file_len = 0;
        for (const char *c = s + 1; row && c < le;) {
            const char *bar = memchr(c, '|', (size_t)(le - c));
            const char *ce = bar ? bar : le;
            const char *a = c, *b = ce;
            while (a < b && (is_space(*a) || *a == '`'))
                a++;
            while (b > a && (is_space(b[-1]) || b[-1] == '`'))
                b--;
            if (same_name(a, (size_t)(b - a), name)) {
                named = true;
            } else if (!cell_file && plain_name(a, (size_t)(b - a))) {
                char *p = join_path(dir, a, (size_t)(b - a));
                if (!p) {
                    *oom = true;
                    return NULL;
                }
                if (regular_file(p)) {
                    cell_file = a;
                    cell_file_len = (size_t)(b - a);
                }
                free(p);
            }
            c = ce + 1;
        }
        if (named && cell_file) {
            char *p = join_path(dir, cell_file, cell_file_len);
            *oom = !p;
            return p;
        }
        line = nl ? nl + 1 : le;
    }
    static const char *const suffixes[] = { ".txt", "" };
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(name), k = strlen(suffixes[i]);
        char *file = malloc(n + k + 1);
        if (!file) {
            *oom = true;
            return NULL;
        }
        memcpy(file, name, n);
        memcpy(file + n, suffixes[i], k + 1);
        char *p = plain_name(file, n + k) ? join_path(dir, file, n + k) : NULL;
        bool plain = plain_name(file, n + k);
        free(file);
        if (plain && !p) {
            *oom = true;
            return NULL;
        }
        if (p && regular_file(p))
            return p;
        free(p);
    }
    return NULL;
}

const char *sp_cite_document(const sp_policy *p, const sp_rule *r, const sp_annot *a)
{
    return a->document ? a->document : p->layers[r->layer].document;
}

/* Calls fn for every citation of every rule. */
typedef bool (*cite_fn)(void *ctx, const char *document, const sp_annot *a);

static bool each_cite(const sp_policy *p, cite_fn fn, void *ctx)
{
    for (size_t r = 0; r < p->n_rules; r++) {
        const sp_rule *ru = &p->rules[r];
        for (const sp_annot *a = ru->item->annots; a; a = a->next)
            if (a->kind == SP_ANNOT_CITES && !fn(ctx, sp_cite_document(p, ru, a), a))
                return false;
        for (size_t b = 0; b < ru->n_branches; b++)
            for (const sp_annot *a = ru->branches[b]->annots; a; a = a->next)
                if (a->kind == SP_ANNOT_CITES && !fn(ctx, sp_cite_document(p, ru, a), a))
                    return false;
    }
    return true;
}

static bool count_cite(void *ctx, const char *document, const sp_annot *a)
{
    (void)document;
    (void)a;
    (*(size_t *)ctx)++;
    return true;
}

typedef struct loading {
    sp_sources *s;
    const char *dir;
    sp_buf readme;
    doc_index *index; /* by document */
    bool oom;
} loading;

static long doc_named(const sp_sources *s, const char *name)
{
    for (size_t i = 0; i < s->n_docs; i++)
        if (strcmp(s->docs[i].name, name) == 0)
            return (long)i;
    return -1;
}

static bool add_document(void *ctx, const char *document, const sp_annot *a)
{
    (void)a;
    loading *L = ctx;
    sp_sources *s = L->s;
    if (!document || doc_named(s, document) >= 0)
        return true;
    source_doc *d = &s->docs[s->n_docs];
    d->name = strdup(document);
    if (!d->name)
        return !(L->oom = true);
    s->n_docs++;
    d->path = find_document(L->dir, &L->readme, document, &L->oom);
    if (L->oom)
        return false;
    if (!d->path)
        return true;
    sp_buf b;
    sp_buf_init(&b);
    errno = 0;
    bool ok = sp_buf_read_file(&b, d->path) && b.len <= TEXT_MAX;
    if (!ok) {
        L->oom = errno == ENOMEM;
        sp_buf_fini(&b);
        free(d->path);
        d->path = NULL; /* unreadable: as if absent */
        return !L->oom;
    }
    d->text = b.data;
    d->len = b.len;
    sp_sha256 h;
    unsigned char sum[32];
    sp_sha256_init(&h);
    sp_sha256_update(&h, d->text, d->len);
    sp_sha256_final(&h, sum);
    memcpy(d->digest, "sha256:", 7);
    sp_sha256_hex(sum, d->digest + 7);
    if (!index_build(&L->index[s->n_docs - 1], d->text, d->len))
        return !(L->oom = true);
    return true;
}

static bool add_quote(void *ctx, const char *document, const sp_annot *a)
{
    loading *L = ctx;
    sp_sources *s = L->s;
    quoted *e = &s->quotes[s->n_quotes++];
    e->annot = a;
    memset(&e->quote, 0, sizeof e->quote);
    long i = document ? doc_named(s, document) : -1;
    if (i < 0 || !s->docs[i].path) {
        e->quote.kind = SP_QUOTE_NO_DOCUMENT;
        return true;
    }
    e->quote.file = s->docs[i].path;
    e->quote.text = s->docs[i].text;
    find_in(&L->index[i], a->text, &e->quote);
    return true;
}

static int by_annot(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)((const quoted *)x)->annot, b = (uintptr_t)((const quoted *)y)->annot;
    return a < b ? -1 : a > b;
}

sp_sources *sp_sources_load(const char *dir, const sp_policy *p, char *why, size_t why_size,
                            sp_status *st)
{
    *st = SP_OK;
    if (why_size)
        why[0] = '\0';
    struct stat sb;
    errno = 0;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        snprintf(why, why_size, "cannot read the policy texts folder '%s': %s", dir,
                 strerror(errno ? errno : ENOTDIR));
        *st = SP_ERR_INPUT;
        return NULL;
    }
    size_t n_cites = 0;
    each_cite(p, count_cite, &n_cites);
    loading L = { .dir = dir };
    sp_buf_init(&L.readme);
    L.s = calloc(1, sizeof *L.s);
    if (L.s) {
        L.s->docs = calloc(n_cites + 1, sizeof *L.s->docs);
        L.s->quotes = calloc(n_cites + 1, sizeof *L.s->quotes);
    }
    L.index = calloc(n_cites + 1, sizeof *L.index);
    L.oom = !L.s || !L.s->docs || !L.s->quotes || !L.index;
    if (!L.oom) {
        char *readme = join_path(dir, "README.md", 9);
        L.oom = !readme;
        errno = 0;
        if (readme && regular_file(readme) && !sp_buf_read_file(&L.readme, readme))
            L.oom = errno == ENOMEM;
        free(readme);
    }
    if (!L.oom)
        each_cite(p, add_document, &L);
    if (!L.oom) {
        each_cite(p, add_quote, &L);
        qsort(L.s->quotes, L.s->n_quotes, sizeof *L.s->quotes, by_annot);
    }
    for (size_t i = 0; i < n_cites + 1 && L.index; i++)
        index_free(&L.index[i]);
    free(L.index);
    sp_buf_fini(&L.readme);
    if (L.oom) {
        sp_sources_free(L.s);
        snprintf(why, why_size, "out of memory");
        *st = SP_ERR_OOM;
        return NULL;
    }
    return L.s;
}

const sp_quote *sp_sources_quote_of(const sp_sources *s, const sp_annot *a)
{
    if (!s)
        return NULL;
    quoted key = { .annot = a };
    const quoted *e = bsearch(&key, s->quotes, s->n_quotes, sizeof *s->quotes, by_annot);
    return e ? &e->quote : NULL;
}
