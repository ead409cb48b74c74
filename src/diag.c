/*
** Diagnostics: recording and gcc-style rendering.
*/
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether byte c continues a UTF-8 character rather than starting one. */
static bool is_continuation(char c)
{
    return ((unsigned char)c & 0xc0) == 0x80;
}

void sp_diags_init(sp_diags *d)
{
    memset(d, 0, sizeof *d);
}

void sp_diags_fini(sp_diags *d)
{
    sp_diag *p = d->head;
    while (p) {
        sp_diag *next = p->next;
        free(p->message);
        free(p->note);
        free(p->path);
        free(p->line_text);
        free(p);
        p = next;
    }
    sp_diags_init(d);
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static bool record(sp_diags *d, const char *code, const sp_source *src,
                   const char *path, size_t start, size_t end,
                   const char *fmt, va_list ap)
{
    if (d->count >= SP_DIAG_MAX) {
        d->dropped = true;   /* so that its note is dropped too */
        return false;
    }
    d->dropped = false;
    sp_diag *g = calloc(1, sizeof *g);
    char *msg = vformat(fmt, ap);
    if (!g || !msg) {
        free(g);
        free(msg);
        d->oom = true;
        d->count++;
        return d->count < SP_DIAG_MAX;
    }
    g->code = code;
    g->message = msg;
    g->path = path ? strdup(path) : NULL;
    if (src && g->path) { /* without its file, a place can't be shown */
        sp_source_line_col(src, start, &g->line, &g->col);
        size_t len;
        const char *text = sp_source_line(src, g->line, &len);
        g->line_text = malloc(len + 1);
        if (g->line_text) {
            memcpy(g->line_text, text, len);
            g->line_text[len] = '\0';
        }
        g->char_col = 1;
        for (size_t i = 0; i + 1 < g->col && i < len; i++)
            g->char_col += !is_continuation(text[i]);
        size_t room = g->col <= len ? len - g->col + 1 : 1;
        g->span = end > start ? end - start : 1;
        if (g->span > room)
            g->span = room;
    }
    if ((path && !g->path) || (src && !g->line_text))
        d->oom = true;
    if (d->tail)
        d->tail->next = g;
    else
        d->head = g;
    d->tail = g;
    d->count++;
    return d->count < SP_DIAG_MAX;
}

bool sp_diag_error(sp_diags *d, const char *code, const sp_source *src,
                   size_t start, size_t end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool more = record(d, code, src, src ? src->path : NULL, start, end, fmt, ap);
    va_end(ap);
    return more;
}

bool sp_diag_file_error(sp_diags *d, const char *code, const char *path,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool more = record(d, code, NULL, path, 0, 0, fmt, ap);
    va_end(ap);
    return more;
}

void sp_diag_note(sp_diags *d, const char *fmt, ...)
{
    if (!d->tail || d->tail->note || d->dropped)
        return;
    va_list ap;
    va_start(ap, fmt);
    d->tail->note = vformat(fmt, ap);
    va_end(ap);
}

/* The most bytes of a source line a diagnostic shows. */
#define MAX_SHOWN 160

static void render_one(const sp_diag *g, sp_buf *out)
{
    if (!g->line) {
        sp_buf_printf(out, "%s: error[%s]: %s\n", g->path ? g->path : "stayput", g->code, g->message);
    } else {
        sp_buf_printf(out, "%s:%zu:%zu: error[%s]: %s\n", g->path, g->line, g->char_col, g->code,
                      g->message);
        const char *text = g->line_text ? g->line_text : "";
        size_t len = strlen(text);
        /* A very long line is shown as a window around the column. */
        size_t col = g->col;
        const char *lead = "", *trail = "";
        if (len > MAX_SHOWN) {
            size_t from = col > MAX_SHOWN / 2 ? col - MAX_SHOWN / 2 : 0;
            if (from > len - MAX_SHOWN)
                from = len - MAX_SHOWN;
            lead = from ? "..." : "";
            trail = from + MAX_SHOWN < len ? "..." : "";
            text += from;
            len = MAX_SHOWN;
            col = col - from + strlen(lead);
        }
        char num[32];
        int w = snprintf(num, sizeof num, "%zu", g->line);
        sp_buf_printf(out, " %s | %s", num, lead);
        /* Tabs and other controls print as spaces so the caret lines up. */
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)text[i];
            sp_buf_putc(out, c < 0x20 ? ' ' : (char)c);
        }
        sp_buf_printf(out, "%s\n %*s | ", trail, w, "");
        /* The caret goes under the character: a space for each character
        ** before it (a UTF-8 character is one column), '~' over the span. */
        size_t skip = strlen(lead);
        for (size_t i = 1; i < col && i <= len + skip; i++)
            if (i <= skip || !is_continuation(text[i - 1 - skip]))
                sp_buf_putc(out, ' ');
        sp_buf_putc(out, '^');
        for (size_t i = 1; i < g->span && col + i <= len + skip; i++)
            if (col + i <= skip || !is_continuation(text[col + i - 1 - skip]))
                sp_buf_putc(out, '~');
        sp_buf_putc(out, '\n');
    }
    if (g->note)
        sp_buf_printf(out, "note: %s\n", g->note);
}

void sp_diags_render(const sp_diags *d, sp_buf *out)
{
    for (const sp_diag *g = d->head; g; g = g->next)
        render_one(g, out);
    if (d->oom)
        sp_buf_puts(out, "stayput: out of memory while recording diagnostics\n");
    if (d->count >= SP_DIAG_MAX)
        sp_buf_printf(out, "stayput: stopped after %d errors\n", SP_DIAG_MAX);
}
