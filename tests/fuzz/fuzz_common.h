/*
** Shared by the fuzz targets: the bundled policies (every folder of rules/
** that loads), loaded once for the life of the fuzzer.
*/
#ifndef SP_FUZZ_COMMON_H
#define SP_FUZZ_COMMON_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "stayput.h"

#ifndef STAYPUT_RULES_DIR
#error "STAYPUT_RULES_DIR must name the source tree's rules/ folder"
#endif

#define FUZZ_MAX_POLICIES 32

static sp_policy *fuzz_policies[FUZZ_MAX_POLICIES]; /* owned until exit */
static size_t fuzz_n_policies;

static int fuzz_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every policy folder of rules/, in name order (so that runs are
** deterministic); a folder that fails to load (others may be editing it) is
** skipped with a message. Aborts if none loads. */
static void fuzz_load_bundled(void)
{
    const char *search[] = { STAYPUT_RULES_DIR };
    DIR *d = opendir(STAYPUT_RULES_DIR);
    if (!d) {
        fprintf(stderr, "fuzz: cannot open %s\n", STAYPUT_RULES_DIR);
        abort();
    }
    char *names[FUZZ_MAX_POLICIES];
    size_t n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) && n < FUZZ_MAX_POLICIES)
        if (ent->d_name[0] != '.')
            names[n++] = strdup(ent->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, fuzz_cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", STAYPUT_RULES_DIR, names[i]);
        sp_diags diags;
        sp_diags_init(&diags);
        bool oom = false;
        sp_policy *p = sp_policy_load(path, search, 1, &diags, &oom);
        if (p)
            fuzz_policies[fuzz_n_policies++] = p;
        else
            fprintf(stderr, "fuzz: skipping %s: it does not load\n", path);
        sp_diags_fini(&diags);
        free(names[i]);
    }
    if (!fuzz_n_policies) {
        fprintf(stderr, "fuzz: no bundled policy loads\n");
        abort();
    }
}

/* The bundled policies with one engine each, for the case and batch targets. */
static sp_engine *fuzz_engines[FUZZ_MAX_POLICIES];

static void fuzz_load_bundled_engines(void)
{
    fuzz_load_bundled();
    for (size_t i = 0; i < fuzz_n_policies; i++)
        if (!(fuzz_engines[i] = sp_engine_new(fuzz_policies[i])))
            abort();
}

/* Aborts (a crash the fuzzer reports) unless out[from..) is one JSON value
** on one line ending in a newline. */
static void fuzz_assert_json_line(const sp_buf *out, size_t from)
{
    const char *s = out->data + from;
    size_t n = out->len - from;
    if (!n || s[n - 1] != '\n' || memchr(s, '\n', n - 1)) {
        fprintf(stderr, "fuzz: JSON output is not exactly one line\n");
        abort();
    }
    sp_arena a;
    sp_arena_init(&a, 0);
    sp_json_error err;
    sp_json *v = sp_json_parse(&a, s, n - 1, &err);
    if (!v && err.kind != SP_JSON_ERR_OOM) {
        fprintf(stderr, "fuzz: JSON output does not parse (%s at %zu):\n%.*s\n", err.message,
                err.offset, (int)n, s);
        abort();
    }
    sp_arena_fini(&a);
}

#endif
