/*
** "Did you mean": the nearest of a set of names by edit distance.
*/
#ifndef SP_SUGGEST_H
#define SP_SUGGEST_H

#include <stddef.h>

typedef struct sp_suggest {
    const char *want;         /* the name written */
    const char *best;         /* the nearest offered so far */
    size_t best_dist;
} sp_suggest;

void sp_suggest_init(sp_suggest *s, const char *want);
void sp_suggest_offer(sp_suggest *s, const char *candidate);
/* The nearest candidate close enough to be a likely misspelling, or NULL. */
const char *sp_suggest_best(const sp_suggest *s);

#endif
