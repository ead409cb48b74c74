/*
** Loading a policy: the folder's rule files, the policies it extends, the
** digest over them all, then the checker.
*/
#define _XOPEN_SOURCE 700 /* realpath */
#include "policy.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "facts.h"
#include "parse.h"
#include "render.h"
#include "sha256.h"
#include "stayput.h"

/* A chain of extension longer than this is surely a mistake. */
#define MAX_LAYERS 16
#define RULE_FILE_SUFFIX ".sp"

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* sp_policy_find, telling out of memory (*oom) apart from not found. */
static char *find_policy(const char *name, const char *const *search, size_t n_search, bool *oom)
{
    if (!*name || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return NULL;
    for (size_t i = 0; i < n_search; i++) {
        if (!search[i] || !*search[i])
            continue;
        size_t n = strlen(search[i]) + strlen(name) + 2;
        char *path = malloc(n);
        if (!path) {
            *oom = true;
            return NULL;
        }
        snprintf(path, n, "%s/%s", search[i], name);
        if (is_dir(path))
            return path;
        free(path);
    }
    return NULL;
}

char *sp_policy_find(const char *name, const char *const *search, size_t n_search)
{
    bool oom = false;
    return find_policy(name, search, n_search, &oom);
}

/* The path shown to people: relative to the current directory when the
** file is beneath it, else absolute. */
static char *display_path(const char *path)
{
    char real[PATH_MAX], cwd[PATH_MAX];
    if (!realpath(path, real))
        return strdup(path);
    if (getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd);
        if (strncmp(real, cwd, n) == 0 && real[n] == '/')
            return strdup(real + n + 1);
    }
    return strdup(real);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rule files of a folder, sorted by name (heap array of heap strings). */
static char **list_rule_files(const char *dir, size_t *n, bool *oom)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        *oom = errno == ENOMEM;   /* opendir allocates: out of memory, not a bad folder */
        return NULL;
    }
    size_t cap = 16;
    char **names = malloc(cap * sizeof *names);
    struct dirent *ent;
    while (names && (ent = readdir(d))) {
        size_t len = strlen(ent->d_name);
        size_t sl = strlen(RULE_FILE_SUFFIX);
        if (len <= sl || ent->d_name[0] == '.' || strcmp(ent->d_name + len - sl, RULE_FILE_SUFFIX) != 0)
            continue;
        if (*n == cap) {
            cap *= 2;
            char **more = realloc(names, cap * sizeof *names);
            if (!more) {
                for (size_t i = 0; i < *n; i++)
                    free(names[i]);
                free(names);
                names = NULL;
                break;
            }
            names = more;
        }
        names[*n] = strdup(ent->d_name);
        if (!names[*n]) {
            /* a list cut short would load a different policy: fail whole */
            for (size_t i = 0; i < *n; i++)
                free(names[i]);
            free(names);
            names = NULL;
            break;
        }
        (*n)++;
    }
    closedir(d);
    if (!names) {
        *oom = true;
        *n = 0;
        return NULL;
    }
    qsort(names, *n, sizeof *names, cmp_names);
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

typedef struct loader {
    sp_policy *p;
    sp_diags *d;
    const char *const *search;
    size_t n_search;
    bool oom;
    bool failed;
    const char *mem_file;          /* sp_policy_load_text: the top policy's one file, else NULL */
    const char *mem_text;          /* its text, mem_len bytes */
    size_t mem_len;
    const char *chain[MAX_LAYERS]; /* names of the policies being loaded, outermost first */
} loader;

/* The one name of an in-memory policy, as list_rule_files gives names. */
static char **single_name(const char *name, size_t *n, bool *oom)
{
    char **names = malloc(sizeof *names);
    if (names && !(names[0] = strdup(name))) {
        free(names);
        names = NULL;
    }
    *oom = !names;
    *n = names ? 1 : 0;
    return names;
}

static sp_item *header_item(sp_item *items, sp_item_kind kind)
{
    for (sp_item *it = items; it; it = it->next)
        if (it->kind == kind)
            return it;
    return NULL;
}

/* Loads the folder `dir` and, first, what it extends. `wanted` is the name
** the extending policy asked for (NULL for the policy itself). */
static bool load_layer(loader *L, const char *dir, const char *wanted, int depth)
{
    sp_policy *p = L->p;
    if (depth >= MAX_LAYERS) {
        sp_diag_file_error(L->d, "E0410", dir, "policies extend each other more than %d deep (a circle?)",
                           MAX_LAYERS);
        return false;
    }
    size_t n_files = 0;
    bool from_memory = L->mem_file && depth == 0;
    char **names = from_memory ? single_name(L->mem_file, &n_files, &L->oom)
                               : list_rule_files(dir, &n_files, &L->oom);
    if (L->oom)
        return false;
    if (!names || n_files == 0) {
        sp_diag_file_error(L->d, "E0002", dir, "%s", names ? "no rule files (*.sp) in this folder"
                                                           : strerror(errno));
        free_names(names, n_files);
        return false;
    }
    sp_layer layer = { 0 };
    layer.dir = sp_arena_strdup(&p->arena, dir);
    layer.files = sp_arena_alloc(&p->arena, n_files * sizeof *layer.files);
    if (!layer.dir || !layer.files) {
        L->oom = true;
        free_names(names, n_files);
        return false;
    }
    sp_item *tail = NULL;
    bool ok = true;
    for (size_t i = 0; i < n_files && !L->oom; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(plen);
        if (!path) {
            L->oom = true;
            break;
        }
        snprintf(path, plen, "%s/%s", dir, names[i]);
        sp_buf text;
        sp_buf_init(&text);
        bool read = from_memory ? sp_buf_append(&text, L->mem_text, L->mem_len)
                                : sp_buf_read_file_at_most(&text, path, SP_MAX_RULE_FILE);
        if (!read) {
            if (text.oom || errno == ENOMEM)
                L->oom = true;
            else
                sp_diag_file_error(L->d, "E0002", path, "cannot read: %s", strerror(errno));
            ok = false;
        } else if (text.len > SP_MAX_RULE_FILE) {
            sp_diag_file_error(L->d, "E0002", path, "a rule file may hold at most %d MiB",
                               SP_MAX_RULE_FILE >> 20);
            ok = false;
        } else {
            char *shown = display_path(path);
            sp_source *src = shown ? sp_source_new(&p->arena, shown, names[i], text.data, text.len) : NULL;
            free(shown);
            if (!src) {
                L->oom = true;
            } else {
                layer.files[layer.n_files++] = src;
                sp_item *items = NULL;
                sp_parse_status st = sp_parse_source(&p->arena, src, L->d, &items);
                if (st == SP_PARSE_OOM)
                    L->oom = true;
                else if (st != SP_PARSE_OK)
                    ok = false;
                if (items) {
                    if (tail)
                        tail->next = items;
                    else
                        layer.items = items;
                    tail = items;
                    while (tail->next)
                        tail = tail->next;
                }
            }
        }
        sp_buf_fini(&text);
        free(path);
    }
    free_names(names, n_files);
    if (L->oom || !ok)
        return false;

    /* The header. */
    int n_policy = 0;
    sp_item *pol = NULL;
    for (sp_item *it = layer.items; it; it = it->next)
        if (it->kind == SP_ITEM_POLICY) {
            if (n_policy++)
                sp_diag_error(L->d, "E0411", it->src, it->start, it->name_end,
                              "a second 'policy' header in one folder (the first is in %s)", pol->src->path);
            else
                pol = it;
        }
    if (!pol) {
        char *shown = display_path(dir);
        sp_diag_file_error(L->d, "E0411", shown ? shown : dir,
                           "no rule file in this folder says 'policy \"NAME\"'");
        free(shown);
        return false;
    }
    if (n_policy > 1)
        return false;
    layer.name = pol->name;
    if (wanted && strcmp(wanted, layer.name) != 0) {
        sp_diag_error(L->d, "E0412", pol->src, pol->start, pol->name_end,
                      "this folder declares policy '%s', but '%s' was asked for", layer.name, wanted);
        return false;
    }
    sp_item *v = header_item(layer.items, SP_ITEM_VERSION);
    sp_item *s = header_item(layer.items, SP_ITEM_SOURCE);
    layer.version = v ? v->name : "";
    layer.document = s ? s->name : NULL;

    sp_item *ext = header_item(layer.items, SP_ITEM_EXTENDS);
    if (ext) {
        /* The policies being loaded, from the first asked for down to this
        ** one: extending any of them again is a circle. */
        L->chain[depth] = layer.name;
        for (int i = 0; i <= depth; i++)
            if (strcmp(L->chain[i], ext->name) == 0) {
                sp_buf path;
                sp_buf_init(&path);
                for (int j = i; j <= depth; j++)
                    sp_buf_printf(&path, "'%s' extends ", L->chain[j]);
                sp_buf_printf(&path, "'%s'", ext->name);
                sp_diag_error(L->d, "E0410", ext->src, ext->start, ext->name_end,
                              "policies extend each other in a circle: %s", path.data ? path.data : "");
                sp_buf_fini(&path);
                return false;
            }
        /* Beside this folder first, so that a copied rules tree works as it is. */
        char *parent = strdup(dir);
        if (!parent) {
            L->oom = true;
            return false;
        }
        char *slash = strrchr(parent, '/');
        const char *up = slash ? (slash == parent ? "/" : (*slash = '\0', parent)) : ".";
        const char *first[1] = { up };
        char *base = find_policy(ext->name, first, 1, &L->oom);
        if (!base && !L->oom)
            base = find_policy(ext->name, L->search, L->n_search, &L->oom);
        free(parent);
        if (L->oom)
            return false;
        if (!base) {
            sp_diag_error(L->d, "E0413", ext->src, ext->start, ext->name_end,
                          "policy '%s' extends '%s', but no folder of that name was found", layer.name,
                          ext->name);
            sp_diag_note(L->d, "looked beside %s and on the search path", dir);
            return false;
        }
        bool based = load_layer(L, base, ext->name, depth + 1);
        free(base);
        if (!based)
            return false;
    }
    layer.index = (int)p->n_layers;
    p->layers[p->n_layers++] = layer;
    return true;
}

/* sha256 over, for each layer from the base up and each file in name order:
** "POLICY/FILE", a NUL, the byte count in decimal, a NUL, the bytes. */
static void digest(sp_policy *p)
{
    sp_sha256 h;
    sp_sha256_init(&h);
    for (size_t l = 0; l < p->n_layers; l++)
        for (size_t i = 0; i < p->layers[l].n_files; i++) {
            const sp_source *s = p->layers[l].files[i];
            char head[64];
            sp_sha256_update(&h, p->layers[l].name, strlen(p->layers[l].name));
            sp_sha256_update(&h, "/", 1);
            sp_sha256_update(&h, s->rel, strlen(s->rel) + 1);
            int n = snprintf(head, sizeof head, "%zu", s->len);
            sp_sha256_update(&h, head, (size_t)n + 1);
            sp_sha256_update(&h, s->text, s->len);
        }
    unsigned char out[32];
    char hex[65];
    sp_sha256_final(&h, out);
    sp_sha256_hex(out, hex);
    snprintf(p->digest, sizeof p->digest, "sha256:%s", hex);
}

static sp_policy *load(loader *L, const char *dir, sp_diags *diags, bool *oom)
{
    *oom = false;
    sp_policy *p = calloc(1, sizeof *p);
    if (!p) {
        *oom = true;
        return NULL;
    }
    sp_arena_init(&p->arena, 256 * 1024);
    p->layers = sp_arena_alloc(&p->arena, MAX_LAYERS * sizeof *p->layers);
    L->p = p;
    L->d = diags;
    bool ok = p->layers && load_layer(L, dir, NULL, 0);
    if (!p->layers)
        L->oom = true;
    if (ok && !L->oom) {
        digest(p);
        ok = sp_check_policy(p, diags);
        if (ok && !(sp_facts_prepare(p) && sp_render_prepare(p))) {
            p->oom = true;
            ok = false;
        }
    }
    if (!ok || L->oom || p->oom) {
        *oom = L->oom || p->oom;
        if (*oom && !diags->count)
            sp_diag_file_error(diags, "E0001", dir, "out of memory while loading the policy");
        sp_policy_free(p);
        return NULL;
    }
    return p;
}

sp_policy *sp_policy_load(const char *dir, const char *const *search, size_t n_search,
                          sp_diags *diags, bool *oom)
{
    loader L = { .search = search, .n_search = n_search };
    return load(&L, dir, diags, oom);
}

sp_policy *sp_policy_load_text(const char *dir, const char *file, const char *text, size_t len,
                               const char *const *search, size_t n_search, sp_diags *diags,
                               bool *oom)
{
    loader L = { .search = search, .n_search = n_search, .mem_file = file, .mem_text = text,
                 .mem_len = len };
    return load(&L, dir, diags, oom);
}

void sp_policy_free(sp_policy *p)
{
    if (!p)
        return;
    sp_arena_fini(&p->arena);
    free(p);
}

const char *sp_policy_name(const sp_policy *p)
{
    return p->layers[p->n_layers - 1].name;
}

const char *sp_policy_version(const sp_policy *p)
{
    return p->layers[p->n_layers - 1].version;
}

size_t sp_policy_output_count(const sp_policy *p)
{
    return p->n_outputs;
}

const char *sp_policy_output_name(const sp_policy *p, size_t i)
{
    return p->syms[p->outputs[i]].name;
}

bool sp_policy_output_is_money(const sp_policy *p, size_t i)
{
    return p->syms[p->outputs[i]].type->kind == SP_TYPE_MONEY;
}
