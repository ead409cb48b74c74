/*
** Arena: a bump allocator with a chain of blocks.
*/
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct sp_arena_block {
    sp_arena_block *next; /* the block allocated before this one */
    size_t size;          /* usable bytes in data */
    alignas(max_align_t) unsigned char data[];
};

void sp_arena_init(sp_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->next = NULL;
    a->room = 0;
}

void sp_arena_fini(sp_arena *a)
{
    sp_arena_block *b = a->head;
    while (b) {
        sp_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->next = NULL;
    a->room = 0;
}

void sp_arena_reset(sp_arena *a)
{
    if (!a->head)
        return;
    /* Keep the oldest block (the first, usually the default size); free the rest. */
    sp_arena_block *b = a->head;
    while (b->next) {
        sp_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = b;
    a->next = b->data;
    a->room = b->size;
}

void *sp_arena_alloc_slow(sp_arena *a, size_t size)
{
    const size_t align = SP_ARENA_ALIGN;
    if (size > SIZE_MAX - align)
        return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    sp_arena_block *b = a->head;
    if (!b || a->room < size) {
        size_t want = size > a->block_size ? size : a->block_size;
        if (want > SIZE_MAX - sizeof *b)
            return NULL;
        sp_arena_block *nb = malloc(sizeof *nb + want);
        if (!nb)
            return NULL;
        nb->size = want;
        if (b && size > a->block_size) {
            /* A large one-off block goes behind the current one so the
            ** current block's free space is not wasted. */
            nb->next = b->next;
            b->next = nb;
            return nb->data;
        }
        nb->next = b;
        a->head = nb;
        a->next = nb->data;
        a->room = want;
    }
    void *p = a->next;
    a->next += size;
    a->room -= size;
    return p;
}

char *sp_arena_strndup(sp_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = sp_arena_alloc_uninit(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *sp_arena_strdup(sp_arena *a, const char *s)
{
    return sp_arena_strndup(a, s, strlen(s));
}
