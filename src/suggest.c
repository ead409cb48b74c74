/*
** "Did you mean": Levenshtein distance over short names.
*/
#include "suggest.h"

#include <string.h>

#define MAX_LEN 128

static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAX_LEN || lb > MAX_LEN)
        return (size_t)-1;
    size_t row[MAX_LEN + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

void sp_suggest_init(sp_suggest *s, const char *want)
{
    s->want = want;
    s->best = NULL;
    s->best_dist = (size_t)-1;
}

void sp_suggest_offer(sp_suggest *s, const char *candidate)
{
    if (strcmp(candidate, s->want) == 0)
        return;
    size_t d = distance(s->want, candidate);
    if (d < s->best_dist) {
        s->best = candidate;
        s->best_dist = d;
    }
}

const char *sp_suggest_best(const sp_suggest *s)
{
    if (!s->best)
        return NULL;
    size_t len = strlen(s->want);
    size_t limit = len / 3 > 2 ? len / 3 : 2;
    return s->best_dist <= limit ? s->best : NULL;
}
