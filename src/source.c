/*
** Source files and their line tables.
*/
#include "source.h"

#include <string.h>

sp_source *sp_source_new(sp_arena *a, const char *path, const char *rel,
                         const char *text, size_t len)
{
    sp_source *s = sp_arena_alloc(a, sizeof *s);
    if (!s)
        return NULL;
    s->path = sp_arena_strdup(a, path);
    s->rel = sp_arena_strdup(a, rel);
    s->text = sp_arena_strndup(a, text, len);
    if (!s->path || !s->rel || !s->text)
        return NULL;
    s->len = len;
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            n++;
    s->line_starts = sp_arena_alloc(a, n * sizeof *s->line_starts);
    if (!s->line_starts)
        return NULL;
    s->n_lines = 0;
    s->line_starts[s->n_lines++] = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            s->line_starts[s->n_lines++] = i + 1;
    return s;
}

void sp_source_line_col(const sp_source *s, size_t offset, size_t *line,
                        size_t *col)
{
    size_t lo = 0, hi = s->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = offset - s->line_starts[lo] + 1;
}

const char *sp_source_line(const sp_source *s, size_t line, size_t *len)
{
    if (line == 0 || line > s->n_lines) {
        *len = 0;
        return "";
    }
    size_t start = s->line_starts[line - 1];
    size_t end = line < s->n_lines ? s->line_starts[line] - 1 : s->len;
    if (end > start && s->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return s->text + start;
}
