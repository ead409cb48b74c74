/*
** Decision reports for auditors: one self-contained HTML page per case (no
** scripts, no fetches; print styles), and the index page of a batch. Every
** text from a case, a rule file or a policy text is escaped here.
*/
#include "render_parts.h"

#include <string.h>

#include "sources.h"
#include "stayput.h"

/* ---- escaping ---- */

/* Length of the well-formed UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

/* Whether the UTF-8 sequence s[0..len) is a character that changes the
** direction of the text around it: U+061C, U+200E, U+200F, U+202A to
** U+202E, U+2066 to U+2069. A case's text holding one could turn the rest
** of a title or a line around. */
static bool bidi_control(const unsigned char *s, size_t len)
{
    if (len == 2)
        return s[0] == 0xD8 && s[1] == 0x9C;
    if (len != 3 || s[0] != 0xE2)
        return false;
    return (s[1] == 0x80 && (s[2] == 0x8E || s[2] == 0x8F || (s[2] >= 0xAA && s[2] <= 0xAE))) ||
           (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9);
}

/* Appends s[0..n) as HTML text, safe in an element or a quoted attribute:
** markup characters become references; control characters, direction
** controls and bytes that are not UTF-8 become U+FFFD, so the page stays
** well formed and reads in the order it is written. */
static void html_text(sp_buf *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0, i = 0;
    while (i < n) {
        const char *rep = NULL;
        size_t len = 1;
        switch (u[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        case '\n':
        case '\r': /* a text's CR LF: the browser reads it as one line break */
        case '\t':
            break;
        default:
            if (u[i] < 0x20 || u[i] == 0x7F) {
                rep = "\xEF\xBF\xBD";
            } else if (u[i] >= 0x80) {
                len = utf8_seq(u + i, n - i);
                if (!len || bidi_control(u + i, len)) {
                    rep = "\xEF\xBF\xBD";
                    len = len ? len : 1;
                }
            }
        }
        if (rep) {
            sp_buf_append(out, s + run, i - run);
            sp_buf_puts(out, rep);
            run = i + len;
        }
        i += len;
    }
    sp_buf_append(out, s + run, n - run);
}

static void html_cstr(sp_buf *out, const char *s)
{
    html_text(out, s, strlen(s));
}

/* Appends what was built in tmp as HTML text, then empties tmp. */
static void put_html(sp_buf *out, sp_buf *tmp)
{
    if (tmp->oom)
        out->oom = true;
    html_text(out, tmp->data ? tmp->data : "", tmp->len);
    sp_buf_clear(tmp);
}

/* ---- the page's frame ---- */

static const char style[] =
    ":root{color-scheme:light}\n"
    "body{font:15px/1.45 system-ui,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;"
    "color:#1a1a1a;background:#fff;max-width:62rem;margin:0 auto;padding:1.5rem}\n"
    "h1{font-size:1.6rem;margin:0 0 .6rem}\n"
    "h2{font-size:1.25rem;color:#1f4e79;border-bottom:2px solid #1f4e79;padding-bottom:.2rem;"
    "margin:2rem 0 .8rem}\n"
    "h3{font-size:1.05rem;margin:0 0 .4rem}\n"
    "p{margin:.3rem 0}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #ccd}\n"
    "thead th{background:#e8eef5}\n"
    "code{font-family:ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.9em;"
    "overflow-wrap:anywhere}\n"
    "a{color:#1f4e79}\n"
    ".na{color:#555;font-style:italic}\n"
    ".meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}\n"
    ".meta dt{font-weight:bold}\n"
    ".meta dd{margin:0;overflow-wrap:anywhere}\n"
    ".output{border:1px solid #ccd;border-radius:4px;padding:.6rem .9rem;margin:.8rem 0}\n"
    ".rule{margin:.5rem 0 .7rem}\n"
    ".rule+.rule{border-top:1px dashed #ccd;padding-top:.5rem}\n"
    ".uses{margin:.2rem 0 .4rem;padding-left:1.4rem}\n"
    "figure{margin:.5rem 0}\n"
    "figcaption{font-weight:bold}\n"
    "blockquote{margin:.3rem 0;padding:.3rem .8rem;border-left:4px solid #1f4e79;"
    "background:#f3f6fa}\n"
    "blockquote p{white-space:pre-wrap;margin:.25rem 0}\n"
    "blockquote .heading{font-weight:bold}\n"
    ".gap{color:#555}\n"
    ".where{font-size:.85em;color:#444}\n"
    ".assumes{background:#fff6e0;border-left:4px solid #b80;padding:.2rem .6rem;margin:.3rem 0}\n"
    ".error td{background:#fdecea}\n"
    "footer{margin-top:2rem;font-size:.85em;color:#444;border-top:1px solid #ccd;"
    "padding-top:.5rem}\n"
    "@page{margin:16mm 14mm}\n"
    "@media print{body{font-size:10pt;max-width:none;padding:0}"
    "h2{break-after:avoid}.output,figure,tr,.assumes{break-inside:avoid}"
    "a{color:inherit;text-decoration:none}"
    "blockquote,thead th,.assumes,.error td{background:none}}\n";

static void page_begin(sp_buf *out, sp_buf *title)
{
    sp_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"stayput " STAYPUT_VERSION "\">\n<title>");
    put_html(out, title);
    sp_buf_puts(out, "</title>\n<style>\n");
    sp_buf_puts(out, style);
    sp_buf_puts(out, "</style>\n</head>\n<body>\n");
}

static void page_end(sp_buf *out)
{
    sp_buf_puts(out, "<footer>Produced by stayput " STAYPUT_VERSION
                     ". This page is complete in itself: it loads nothing and runs no "
                     "scripts.</footer>\n</body>\n</html>\n");
}

/* The policy, the policies it builds on, and its digest. */
static void policy_meta(const sp_policy *p, sp_buf *out)
{
    const sp_layer *top = &p->layers[p->n_layers - 1];
    sp_buf_puts(out, "<dt>Policy</dt><dd>");
    html_cstr(out, top->name);
    if (top->version[0]) {
        sp_buf_puts(out, ", version ");
        html_cstr(out, top->version);
    }
    sp_buf_puts(out, "</dd>\n");
    for (size_t i = p->n_layers - 1; i-- > 0;) {
        sp_buf_puts(out, "<dt>Builds on</dt><dd>");
        html_cstr(out, p->layers[i].name);
        if (p->layers[i].version[0]) {
            sp_buf_puts(out, ", version ");
            html_cstr(out, p->layers[i].version);
        }
        sp_buf_puts(out, "</dd>\n");
    }
    sp_buf_puts(out, "<dt>Policy digest</dt><dd><code>");
    html_cstr(out, p->digest);
    sp_buf_puts(out, "</code></dd>\n");
}

/* ---- values ---- */

/* A value for people: yes/no, lists item by item, "does not apply" for null. */
static void value_html(const sp_policy *p, const sp_type *t, const sp_value *v, sp_buf *out)
{
    switch (v->kind) {
    case SP_VAL_NULL:
        sp_buf_puts(out, "<span class=\"na\">does not apply</span>");
        return;
    case SP_VAL_BOOL:
        sp_buf_puts(out, v->u.b ? "yes" : "no");
        return;
    case SP_VAL_LIST:
        if (!v->u.list.n)
            sp_buf_puts(out, "<span class=\"na\">none (an empty list)</span>");
        for (size_t i = 0; i < v->u.list.n; i++) {
            if (i)
                sp_buf_puts(out, ", ");
            value_html(p, t && t->kind == SP_TYPE_LIST ? t->elem : NULL, &v->u.list.items[i], out);
        }
        return;
    default: {
        sp_buf tmp;
        sp_buf_init(&tmp);
        sp_render_value_text(p, t, v, &tmp);
        put_html(out, &tmp);
        sp_buf_fini(&tmp);
        return;
    }
    }
}

void sp_render_html_case_id(const sp_engine *e, sp_buf *out)
{
    const sp_policy *p = e->p;
    if (p->reference < 0)
        return;
    const sp_symbol *s = &p->syms[p->reference];
    const sp_value *v = &e->facts[s->slot];
    if (v->kind != SP_VAL_NULL)
        sp_render_value_text(p, s->type, v, out);
}

/* ---- citations ---- */

/* The lines of each part of a quote: "line 12", "lines 12, 30-32". */
static void quote_lines(const sp_quote *q, sp_buf *out)
{
    bool one = q->n_parts == 1 && q->parts[0].first_line == q->parts[0].last_line;
    sp_buf_puts(out, one ? ", line " : ", lines ");
    for (size_t i = 0; i < q->n_parts; i++) {
        const sp_quote_part *part = &q->parts[i];
        sp_buf_printf(out, "%s%zu", i ? ", " : "", part->first_line);
        if (part->last_line != part->first_line)
            sp_buf_printf(out, "&#8211;%zu", part->last_line);
    }
}

/* The quote of citation `cite`: a warning first when the section does not
** hold the detail it names, then the passage, and where it stands. */
static void quote_html(const sp_quote *q, const char *cite, sp_buf *out)
{
    if (q->detail_missing) {
        sp_buf_puts(out, "<p class=\"where\"><strong>Warning:</strong> the detail &#8216;");
        html_cstr(out, cite + q->detail_at);
        sp_buf_puts(out, "&#8217; was not found in this section; ");
        sp_buf_puts(out, q->detail_passage ? "the closest passage:"
                         : q->shortened    ? "the section, as far as it is shown:"
                                           : "the section, in full:");
        sp_buf_puts(out, "</p>\n");
    }
    sp_buf_puts(out, "<blockquote>");
    for (size_t i = 0; i < q->n_parts; i++) {
        const sp_quote_part *part = &q->parts[i];
        if (part->after_gap)
            sp_buf_puts(out, "<p class=\"gap\">[&#8230;]</p>");
        sp_buf_puts(out, part->heading ? "<p class=\"heading\">" : "<p>");
        html_text(out, q->text + part->start, part->end - part->start);
        sp_buf_puts(out, "</p>");
    }
    if (q->shortened)
        sp_buf_puts(out, "<p class=\"gap\">[&#8230;]</p>");
    sp_buf_puts(out, "</blockquote>\n<p class=\"where\">");
    sp_buf_puts(out, q->kind == SP_QUOTE_SECTION ? "Quoted from " : "The passage of ");
    html_cstr(out, q->file);
    if (q->kind != SP_QUOTE_SECTION)
        sp_buf_puts(out, " most like the citation (no heading reads as its section)");
    quote_lines(q, out);
    sp_buf_puts(out, q->shortened ? "; the section goes on in the text.</p>\n" : ".</p>\n");
}

#define QUOTES_SEEN 256

/* The clauses a page has quoted so far: a clause cited again points back. */
typedef struct quotes_seen {
    const sp_sources *sources;
    const char *doc[QUOTES_SEEN];
    const char *text[QUOTES_SEEN];
    size_t n;
} quotes_seen;

/* One citation: the document and section, then the text it names (or where
** on the page it was quoted already). */
static void cite_html(const sp_policy *p, const sp_rule *r, const sp_annot *a, quotes_seen *seen,
                      sp_buf *out)
{
    const char *doc = sp_cite_document(p, r, a);
    size_t earlier = seen->n;
    for (size_t i = 0; i < seen->n && earlier == seen->n; i++)
        if (strcmp(seen->text[i], a->text) == 0 &&
            (seen->doc[i] == doc || (doc && seen->doc[i] && strcmp(seen->doc[i], doc) == 0)))
            earlier = i;
    const sp_quote *q = sp_sources_quote_of(seen->sources, a);
    bool quoted = q && q->n_parts && (q->kind == SP_QUOTE_SECTION || q->kind == SP_QUOTE_PASSAGE);
    bool again = earlier < seen->n;
    if (quoted && !again && seen->n < QUOTES_SEEN) {
        seen->doc[seen->n] = doc;
        seen->text[seen->n++] = a->text;
        sp_buf_printf(out, "<figure id=\"q%zu\">\n", earlier);
    } else {
        sp_buf_puts(out, "<figure>\n");
    }
    sp_buf_puts(out, "<figcaption>Cites <cite>");
    if (doc) {
        html_cstr(out, doc);
        sp_buf_puts(out, ", ");
    }
    html_cstr(out, a->text);
    sp_buf_puts(out, "</cite></figcaption>\n");
    if (quoted && again) {
        sp_buf_printf(out, "<p class=\"where\"><a href=\"#q%zu\">Quoted above</a>.</p>\n", earlier);
    } else if (quoted) {
        quote_html(q, a->text, out);
    } else if (q && q->kind == SP_QUOTE_NOT_FOUND) {
        sp_buf_puts(out, "<p class=\"where\">No heading or passage of ");
        html_cstr(out, q->file);
        sp_buf_puts(out, " reads as this citation.</p>\n");
    } else if (q) {
        sp_buf_puts(out, "<p class=\"where\">The policy texts folder holds no text of this "
                         "document.</p>\n");
    }
    sp_buf_puts(out, "</figure>\n");
}

static void assumptions_html(const sp_policy *p, const uint64_t *bits, sp_buf *out)
{
    for (size_t i = 0; i < p->n_assumptions; i++)
        if (bits[i / 64] >> (i % 64) & 1) {
            sp_buf_puts(out, "<p class=\"assumes\"><strong>Assumes:</strong> ");
            html_cstr(out, p->assumptions[i]);
            sp_buf_puts(out, "</p>\n");
        }
}

/* ---- why: a rule, in words ---- */

static void code_expr(const sp_rule *r, const sp_expr *x, sp_buf *out)
{
    sp_buf tmp;
    sp_buf_init(&tmp);
    sp_render_expr_text(r, x, &tmp);
    sp_buf_puts(out, "<code>");
    put_html(out, &tmp);
    sp_buf_puts(out, "</code>");
    sp_buf_fini(&tmp);
}

/* What a rule read, each name with the value it had for the case. */
static void uses_html(const sp_engine *e, const sp_rule_result *rr, sp_buf *out)
{
    const sp_policy *p = e->p;
    if (!rr->n_uses && !rr->n_dated)
        return;
    sp_buf_puts(out, "<p>It read:</p>\n<ul class=\"uses\">\n");
    for (size_t u = 0; u < rr->n_uses; u++) {
        const sp_symbol *s = &p->syms[rr->uses[u]];
        sp_buf_printf(out, "<li>%s <code>", sp_render_kind_word(s->kind));
        html_cstr(out, s->name);
        sp_buf_puts(out, "</code>");
        const sp_value *v = sp_render_used_value(e, rr, s);
        if (v) {
            sp_buf_puts(out, " = ");
            value_html(p, s->type, v, out);
        }
        sp_buf_puts(out, "</li>\n");
    }
    for (size_t i = 0; i < rr->n_dated; i++) {
        const sp_dated_use *d = &rr->dated[i];
        const sp_symbol *s = &p->syms[d->sym];
        char from[11];
        sp_date_format(s->version_from[d->version], from);
        sp_buf_puts(out, "<li>figure <code>");
        html_cstr(out, s->name);
        sp_buf_puts(out, "</code> = ");
        value_html(p, s->type, &d->value, out);
        sp_buf_printf(out, ", the value in force from %s</li>\n", from);
    }
    sp_buf_puts(out, "</ul>\n");
}

/* A rule that decided a value: which one, where, the branch it took and
** why, what it read, what it cites (quoted) and assumes; then each rule it
** built on. */
static void rule_chain_html(const sp_engine *e, int rule, const char *lead, quotes_seen *seen,
                            sp_buf *out)
{
    const sp_policy *p = e->p;
    for (int r = rule, first = 1; r >= 0; first = 0) {
        const sp_rule *ru = &p->rules[r];
        const sp_rule_result *rr = &e->results[r];
        const sp_branch *b = ru->branches[rr->branch];
        sp_buf tmp;
        sp_buf_init(&tmp);
        sp_buf_printf(out, "<div class=\"rule\">\n<p>%s rule <code>", first ? lead : "Building on");
        html_cstr(out, ru->name);
        sp_buf_puts(out, "</code> (<code>");
        sp_render_rule_source(ru, &tmp);
        put_html(out, &tmp);
        sp_buf_fini(&tmp);
        sp_buf_puts(out, "</code>)");
        size_t line = sp_render_branch_line(ru, rr->branch);
        if (b->cond) {
            sp_buf_puts(out, ", because this condition held: ");
            code_expr(ru, b->cond, out);
            sp_buf_printf(out, " (line %zu); it gives ", line);
            code_expr(ru, b->value, out);
        } else if (ru->n_branches > 1) {
            sp_buf_printf(out,
                          ", because none of its conditions held; otherwise (line %zu) it "
                          "gives ",
                          line);
            code_expr(ru, b->value, out);
        } else {
            sp_buf_puts(out, ", which gives ");
            code_expr(ru, b->value, out);
            sp_buf_printf(out, " (line %zu)", line);
        }
        sp_buf_puts(out, ".</p>\n");
        uses_html(e, rr, out);
        for (const sp_annot *a = ru->item->annots; a; a = a->next)
            if (a->kind == SP_ANNOT_CITES)
                cite_html(p, ru, a, seen, out);
        for (const sp_annot *a = b->annots; a; a = a->next)
            if (a->kind == SP_ANNOT_CITES)
                cite_html(p, ru, a, seen, out);
        assumptions_html(p, rr->assumes, out);
        sp_buf_puts(out, "</div>\n");
        r = rr->used_base ? ru->replaces : -1;
    }
}

/* Whether assumption i bears on output slot `rule`: the rules that explain it carry it. */
static bool output_assumes(const sp_engine *e, int rule, size_t i)
{
    const sp_rule_result *rr = &e->results[rule];
    if (sp_render_by_items(e, rule)) {
        for (size_t k = 0; k < rr->n_item_rules; k++)
            if (output_assumes(e, rr->item_rules[k], i))
                return true;
        return false;
    }
    for (int r = rule; r >= 0;) {
        const sp_rule_result *x = &e->results[r];
        if (x->assumes[i / 64] >> (i % 64) & 1)
            return true;
        r = x->used_base ? e->p->rules[r].replaces : -1;
    }
    return false;
}

/* ---- the page of one case ---- */

/* The title, and the header: the case, the policy, the texts quoted. */
static void header_html(const sp_engine *e, const sp_eval_options *opt, const sp_buf *id,
                        sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf title;
    sp_buf_init(&title);
    sp_buf_puts(&title, "Decision for case ");
    sp_buf_append(&title, id->data ? id->data : "", id->len);
    sp_buf_puts(&title, " \xE2\x80\x94 ");
    sp_buf_puts(&title, p->layers[p->n_layers - 1].name);
    page_begin(out, &title);
    sp_buf_fini(&title);

    sp_buf_puts(out, "<header>\n<h1>Decision for case <span class=\"case-id\">");
    html_text(out, id->data ? id->data : "", id->len);
    sp_buf_puts(out, "</span></h1>\n<dl class=\"meta\">\n");
    policy_meta(p, out);
    if (!opt->sources)
        sp_buf_puts(out, "<dt>Policy texts</dt><dd>cited, not quoted (quotes need <code>--sources "
                         "DIR</code>)</dd>\n");
    const char *doc, *file, *digest;
    for (size_t i = 0; sp_sources_document(opt->sources, i, &doc, &file, &digest); i++) {
        sp_buf_puts(out, "<dt>Policy text</dt><dd>");
        html_cstr(out, doc);
        if (file) {
            sp_buf_puts(out, ": quoted from <code>");
            html_cstr(out, file);
            sp_buf_puts(out, "</code> (<code>");
            html_cstr(out, digest);
            sp_buf_puts(out, "</code>)");
        } else {
            sp_buf_puts(out, ": no text of it in the policy texts folder; cited, not quoted");
        }
        sp_buf_puts(out, "</dd>\n");
    }
    sp_buf_puts(out, "</dl>\n</header>\n");
}

/* The decision: every output with its value. */
static void decision_html(const sp_engine *e, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, "<section id=\"decision\">\n<h2>Decision</h2>\n<table>\n"
                     "<thead><tr><th scope=\"col\">Output</th><th scope=\"col\">Value</th></tr>"
                     "</thead>\n<tbody>\n");
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_symbol *s = &p->syms[p->outputs[i]];
        const sp_value *v = &e->results[s->slot].value;
        sp_buf_puts(out, "<tr><th scope=\"row\">");
        if (v->kind != SP_VAL_NULL)
            sp_buf_printf(out, "<a href=\"#o%zu\">", i);
        sp_buf_puts(out, "<code>");
        html_cstr(out, s->name);
        sp_buf_puts(out, v->kind != SP_VAL_NULL ? "</code></a>" : "</code>");
        sp_buf_puts(out, "</th><td>");
        value_html(p, s->type, v, out);
        sp_buf_puts(out, "</td></tr>\n");
    }
    sp_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* Why: each output that applies, by the rules that decided it. */
static void why_html(const sp_engine *e, const sp_eval_options *opt, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, "<section id=\"why\">\n<h2>Why</h2>\n");
    quotes_seen seen = { .sources = opt->sources };
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_symbol *s = &p->syms[p->outputs[i]];
        const sp_rule_result *rr = &e->results[s->slot];
        if (rr->value.kind == SP_VAL_NULL)
            continue;
        sp_buf_printf(out, "<section class=\"output\" id=\"o%zu\">\n<h3><code>", i);
        html_cstr(out, s->name);
        sp_buf_puts(out, "</code>: ");
        value_html(p, s->type, &rr->value, out);
        sp_buf_puts(out, "</h3>\n");
        if (sp_render_by_items(e, s->slot)) {
            sp_buf_puts(out, "<p>Each item of this list is explained by the rule that gave "
                             "it.</p>\n");
            for (size_t k = 0; k < rr->n_item_rules; k++)
                rule_chain_html(e, rr->item_rules[k], "The item comes from", &seen, out);
        } else {
            rule_chain_html(e, s->slot, "Decided by", &seen, out);
        }
        sp_buf_puts(out, "</section>\n");
    }
    sp_buf_puts(out, "</section>\n");
}

/* The assumptions: each reading of the text the decision relied on, with
** the outputs that rest on it. */
static void assumptions_section_html(const sp_engine *e, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, "<section id=\"assumptions\">\n<h2>Assumptions</h2>\n");
    bool any = false;
    for (size_t a = 0; a < p->n_assumptions; a++) {
        bool listed = false;
        for (size_t i = 0; i < p->n_outputs; i++) {
            const sp_symbol *s = &p->syms[p->outputs[i]];
            if (e->results[s->slot].value.kind == SP_VAL_NULL || !output_assumes(e, s->slot, a))
                continue;
            if (!any)
                sp_buf_puts(out, "<p>Readings of the policy text that the decision relies "
                                 "on, and the outputs that rest on each:</p>\n<ol>\n");
            any = true;
            if (!listed) {
                sp_buf_puts(out, "<li>");
                html_cstr(out, p->assumptions[a]);
                sp_buf_puts(out, " <span class=\"where\">(");
            } else {
                sp_buf_puts(out, ", ");
            }
            listed = true;
            sp_buf_printf(out, "<a href=\"#o%zu\">", i);
            html_cstr(out, s->name);
            sp_buf_puts(out, "</a>");
        }
        if (listed)
            sp_buf_puts(out, ")</span></li>\n");
    }
    sp_buf_puts(out, any ? "</ol>\n" : "<p>The decision relies on no assumption.</p>\n");
    sp_buf_puts(out, "</section>\n");
}

/* The facts used: each fact of the case a rule read, as read. */
static void facts_html(const sp_engine *e, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, "<section id=\"facts\">\n<h2>Facts used</h2>\n<table>\n<thead><tr>"
                     "<th scope=\"col\">Fact</th><th scope=\"col\">Value</th></tr></thead>\n"
                     "<tbody>\n");
    for (size_t i = 0; i < p->n_facts; i++) {
        int sym = p->facts[i];
        if (!sp_render_fact_read(e, sym))
            continue;
        sp_buf_puts(out, "<tr><th scope=\"row\"><code>");
        html_cstr(out, p->syms[sym].name);
        sp_buf_puts(out, "</code></th><td>");
        value_html(p, p->syms[sym].type, &e->facts[i], out);
        sp_buf_puts(out, "</td></tr>\n");
    }
    sp_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* The derivation (--trace): every rule worked out, in the order it finished. */
static void derivation_html(const sp_engine *e, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf_puts(out, "<section id=\"derivation\">\n<h2>Derivation</h2>\n<p>Every rule "
                     "worked out for the case, in the order it finished.</p>\n<ol>\n");
    sp_buf tmp;
    sp_buf_init(&tmp);
    for (size_t k = 0; k < e->n_order; k++) {
        int r = e->order[k];
        const sp_rule *ru = &p->rules[r];
        const sp_rule_result *rr = &e->results[r];
        const sp_symbol *t = &p->syms[ru->target];
        sp_buf_printf(out, "<li>%s <code>", sp_render_kind_word(t->kind));
        html_cstr(out, t->name);
        sp_buf_puts(out, "</code> = ");
        value_html(p, t->type, &rr->value, out);
        sp_buf_puts(out, " <span class=\"where\">by rule <code>");
        html_cstr(out, ru->name);
        sp_buf_puts(out, "</code> (<code>");
        sp_render_rule_source(ru, &tmp);
        put_html(out, &tmp);
        sp_buf_printf(out, "</code>), line %zu", sp_render_branch_line(ru, rr->branch));
        sp_render_rule_cites(ru, rr->branch, &tmp);
        if (tmp.len) {
            sp_buf_puts(out, "; cites <cite>");
            put_html(out, &tmp);
            sp_buf_puts(out, "</cite>");
        }
        if (tmp.oom)
            out->oom = true;
        sp_buf_puts(out, "</span></li>\n");
    }
    sp_buf_fini(&tmp);
    sp_buf_puts(out, "</ol>\n</section>\n");
}

void sp_render_html(const sp_engine *e, const sp_eval_options *opt, sp_buf *out)
{
    sp_buf id;
    sp_buf_init(&id);
    sp_render_html_case_id(e, &id);
    if (id.oom)
        out->oom = true;
    header_html(e, opt, &id, out);
    sp_buf_fini(&id);
    decision_html(e, out);
    why_html(e, opt, out);
    assumptions_section_html(e, out);
    facts_html(e, out);
    if (opt->trace)
        derivation_html(e, out);
    page_end(out);
}

/* ---- the index of a batch ---- */

void sp_render_html_index_begin(const sp_policy *p, size_t decided, size_t failed, sp_buf *out)
{
    sp_buf title;
    sp_buf_init(&title);
    sp_buf_puts(&title, "Decision reports \xE2\x80\x94 ");
    sp_buf_puts(&title, sp_policy_name(p));
    page_begin(out, &title);
    sp_buf_fini(&title);
    sp_buf_puts(out, "<header>\n<h1>Decision reports</h1>\n<dl class=\"meta\">\n");
    policy_meta(p, out);
    sp_buf_printf(out, "<dt>Cases</dt><dd>%zu decided, %zu %s failed</dd>\n</dl>\n</header>\n",
                  decided, failed, failed == 1 ? "line" : "lines");
    sp_buf_puts(out, "<section id=\"cases\">\n<h2>Cases</h2>\n<table>\n<thead><tr>"
                     "<th scope=\"col\">Line</th><th scope=\"col\">Case</th>"
                     "<th scope=\"col\">Decision</th></tr></thead>\n<tbody>\n");
}

void sp_render_html_index_case(const sp_engine *e, size_t line, const char *href, sp_buf *out)
{
    const sp_policy *p = e->p;
    sp_buf id;
    sp_buf_init(&id);
    sp_render_html_case_id(e, &id);
    if (id.oom)
        out->oom = true;
    sp_buf_printf(out, "<tr><td>%zu</td><td><a href=\"", line);
    html_cstr(out, href);
    sp_buf_puts(out, "\">");
    if (id.len)
        put_html(out, &id);
    else
        sp_buf_puts(out, "(no reference)");
    sp_buf_fini(&id);
    sp_buf_puts(out, "</a></td><td>");
    bool first = true;
    for (size_t i = 0; i < p->n_outputs; i++) {
        const sp_symbol *s = &p->syms[p->outputs[i]];
        const sp_value *v = &e->results[s->slot].value;
        if (v->kind == SP_VAL_NULL)
            continue;
        if (!first)
            sp_buf_puts(out, "; ");
        first = false;
        sp_buf_puts(out, "<code>");
        html_cstr(out, s->name);
        sp_buf_puts(out, "</code> ");
        value_html(p, s->type, v, out);
    }
    sp_buf_puts(out, "</td></tr>\n");
}

void sp_render_html_index_error(size_t line, const sp_case_error *err, sp_buf *out)
{
    sp_buf_printf(out, "<tr class=\"error\"><td>%zu</td><td>", line);
    if (err->has_case_id)
        html_cstr(out, err->case_id);
    else
        sp_buf_puts(out, "<span class=\"na\">unknown</span>");
    sp_buf_puts(out, "</td><td><strong>Not decided</strong>: <code>");
    html_cstr(out, err->code ? err->code : "internal");
    sp_buf_puts(out, "</code> ");
    html_cstr(out, err->message);
    if (err->path[0]) {
        sp_buf_puts(out, " (at <code>");
        html_cstr(out, err->path);
        sp_buf_puts(out, "</code>)");
    }
    sp_buf_puts(out, "</td></tr>\n");
}

void sp_render_html_index_end(sp_buf *out)
{
    sp_buf_puts(out, "</tbody>\n</table>\n</section>\n");
    page_end(out);
}
