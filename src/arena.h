/*
** Arena: a bump allocator. One per loaded policy (source text, AST, symbols)
** and one per evaluated case, reset between the cases of a batch.
*/
#ifndef SP_ARENA_H
#define SP_ARENA_H

#include <stdalign.h>
#include <stddef.h>
#include <string.h>

typedef struct sp_arena_block sp_arena_block;

typedef struct sp_arena {
    sp_arena_block *head;   /* newest block; older blocks follow ->next */
    size_t block_size;      /* default size of a new block */
    unsigned char *next;    /* the head block's free space: next[0..room) */
    size_t room;
} sp_arena;

#define SP_ARENA_ALIGN alignof(max_align_t)

/* Prepares caller storage; allocates nothing until the first sp_arena_alloc. */
void sp_arena_init(sp_arena *a, size_t block_size);
/* Frees every block. The arena may be used again afterwards. */
void sp_arena_fini(sp_arena *a);
/* Forgets every allocation but keeps the first block for reuse. */
void sp_arena_reset(sp_arena *a);
/* The out-of-line part of sp_arena_alloc_uninit: a new block, a size of 0,
** or a size too large. */
void *sp_arena_alloc_slow(sp_arena *a, size_t size);

/* As sp_arena_alloc, but the memory is not zeroed. Inline: most
** allocations fit in the head block and are a bump of a pointer. */
static inline void *sp_arena_alloc_uninit(sp_arena *a, size_t size)
{
    /* Rounded up to the alignment; 0 (size 0, or so large that rounding
    ** wraps) takes the slow path. */
    size_t r = (size + SP_ARENA_ALIGN - 1) & ~(SP_ARENA_ALIGN - 1);
    if (r - 1 < a->room) {
        void *p = a->next;
        a->next += r;
        a->room -= r;
        return p;
    }
    return sp_arena_alloc_slow(a, size);
}

/* Returns zeroed memory aligned for any type, or NULL when out of memory.
** Arena-owned: valid until sp_arena_reset or sp_arena_fini. */
static inline void *sp_arena_alloc(sp_arena *a, size_t size)
{
    void *p = sp_arena_alloc_uninit(a, size);
    if (p && size)
        memset(p, 0, size);
    return p;
}

/* Copies len bytes and a terminating NUL; NULL when out of memory. */
char *sp_arena_strndup(sp_arena *a, const char *s, size_t len);
char *sp_arena_strdup(sp_arena *a, const char *s);

#endif
