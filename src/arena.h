/*
** Arena: a bump allocator. One per loaded policy (source text, AST, symbols)
** and one per evaluated case, reset between the cases of a batch.
*/
#ifndef SP_ARENA_H
#define SP_ARENA_H

#include <stddef.h>

typedef struct sp_arena_block sp_arena_block;

typedef struct sp_arena {
    sp_arena_block *head;   /* newest block; older blocks follow ->next */
    size_t block_size;      /* default size of a new block */
} sp_arena;

/* Prepares caller storage; allocates nothing until the first sp_arena_alloc. */
void sp_arena_init(sp_arena *a, size_t block_size);
/* Frees every block. The arena may be used again afterwards. */
void sp_arena_fini(sp_arena *a);
/* Forgets every allocation but keeps the first block for reuse. */
void sp_arena_reset(sp_arena *a);
/* Returns zeroed memory aligned for any type, or NULL when out of memory.
** Arena-owned: valid until sp_arena_reset or sp_arena_fini. */
void *sp_arena_alloc(sp_arena *a, size_t size);
/* Copies len bytes and a terminating NUL; NULL when out of memory. */
char *sp_arena_strndup(sp_arena *a, const char *s, size_t len);
char *sp_arena_strdup(sp_arena *a, const char *s);

#endif
