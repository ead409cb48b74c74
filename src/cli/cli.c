/*
** The command line's common parts: messages, output, paths, arguments and
** loading a policy. Each command (main.c, cmd_*.c) builds on them.
*/
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "cli.h"
/* ---- messages ---- */

void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("stayput: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("stayput: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nTry 'stayput --help' for more information.\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

int out_of_memory(void)
{
    say("out of memory");
    return EXIT_INTERNAL;
}

/* Every write to standard output comes here. The first failure is reported;
** ferror(stdout) then stops the work and sets the exit status (main). */
void emit(const char *data, size_t len)
{
    if (len && !ferror(stdout) && fwrite(data, 1, len, stdout) != len && errno != EPIPE)
        say("cannot write the output: %s", strerror(errno));
}

void emitf(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > 0)
        emit(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

void render_diags(const sp_diags *d)
{
    sp_buf b;
    sp_buf_init(&b);
    sp_diags_render(d, &b);
    if (b.len)
        fwrite(b.data, 1, b.len, stderr);
    if (b.oom || d->oom)
        say("out of memory: some diagnostics are not shown");
    sp_buf_fini(&b);
}

/* ---- paths ---- */

/* The council search path: $STAYPUT_RULES, ./rules, the installed rules. */
size_t search_path(const char *dirs[3])
{
    size_t n = 0;
    const char *env = getenv("STAYPUT_RULES");
    if (env && *env)
        dirs[n++] = env;
    dirs[n++] = "rules";
    dirs[n++] = STAYPUT_DATADIR "/rules";
    return n;
}

bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Whether folder `dir` holds rule files, which makes it a policy folder. */
bool has_rule_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool found = false;
    struct dirent *ent;
    while (!found && (ent = readdir(d)))
        found = ent->d_name[0] != '.' && ends_with(ent->d_name, ".sp");
    closedir(d);
    return found;
}

/* "DIR/NAME" on the heap, without doubling a trailing slash; NULL when out of memory. */
char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    size_t size = n + 1 + strlen(name) + 1;
    char *path = malloc(size);
    if (path)
        snprintf(path, size, "%.*s/%s", (int)n, dir, name);
    return path;
}

/* Takes s (freeing it on failure); false when s is NULL or out of memory. */
bool strlist_add(strlist *l, char *s)
{
    if (!s)
        return false;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items) {
            free(s);
            return false;
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = s;
    return true;
}

void strlist_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the policy folders inside `dir`, by name. False when out of memory. */
bool policy_subfolders(const char *dir, strlist *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return true;
    strlist found = { 0 };
    bool ok = true;
    struct dirent *ent;
    while (ok && (ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        char *path = join(dir, ent->d_name);
        if (!path)
            ok = false;
        else if (is_dir(path) && has_rule_files(path))
            ok = strlist_add(&found, path);
        else
            free(path);
    }
    closedir(d);
    if (ok && found.n)
        qsort(found.items, found.n, sizeof *found.items, cmp_str);
    for (size_t i = 0; i < found.n; i++) {
        if (ok)
            ok = strlist_add(out, found.items[i]);
        else
            free(found.items[i]);
    }
    free(found.items);
    return ok;
}

/* The policies a PATH of `check` or `test` names: itself when it holds rule
** files (or is no folder at all: loading it then says why), else each policy
** folder inside it. A folder with neither is loaded, to report that. */
bool policies_of(const char *path, strlist *out)
{
    if (is_dir(path) && !has_rule_files(path)) {
        size_t before = out->n;
        if (!policy_subfolders(path, out))
            return false;
        if (out->n > before)
            return true;
    }
    return strlist_add(out, strdup(path));
}

/* ---- arguments ---- */

/* The next argument. For an option, name receives it without its value and
** *inline_value the text after '=' (or NULL). */
arg_kind next_arg(args *a, const char **text, char *name, size_t name_size,
                         const char **inline_value)
{
    if (a->i >= a->argc)
        return ARG_END;
    const char *s = a->argv[a->i++];
    *text = s;
    if (!a->only_operands && strcmp(s, "--") == 0) {
        a->only_operands = true;
        return next_arg(a, text, name, name_size, inline_value);
    }
    if (a->only_operands || s[0] != '-' || s[1] == '\0')
        return ARG_OPERAND;
    const char *eq = s[1] == '-' ? strchr(s, '=') : NULL;
    size_t n = eq ? (size_t)(eq - s) : strlen(s);
    if (n >= name_size)
        n = name_size - 1;
    memcpy(name, s, n);
    name[n] = '\0';
    *inline_value = eq ? eq + 1 : NULL;
    return ARG_OPTION;
}

/* The value of option `name`: its inline value or the next argument. NULL,
** after saying so, when it has none. */
const char *option_value(args *a, const char *name, const char *inline_value)
{
    if (inline_value)
        return inline_value;
    if (a->i < a->argc) {
        const char *v = a->argv[a->i];
        if (v[0] != '-' || v[1] == '\0') {
            a->i++;
            return v;
        }
    }
    usage("option '%s' needs a value", name);
    return NULL;
}

bool is_help(const char *name)
{
    return strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0;
}

/* ---- policies ---- */

/* Loads a policy, rendering its diagnostics on failure; *status is then the
** exit status. */
sp_policy *load_policy(const char *dir, int *status)
{
    const char *search[3];
    size_t n_search = search_path(search);
    sp_diags d;
    sp_diags_init(&d);
    bool oom = false;
    sp_policy *p = sp_policy_load(dir, search, n_search, &d, &oom);
    if (!p) {
        render_diags(&d);
        if (!d.count && oom)
            say("out of memory while loading the policy in '%s'", dir);
        else if (!d.count)
            say("cannot load the policy in '%s'", dir);
        *status = oom ? EXIT_INTERNAL : EXIT_RULES;
    }
    sp_diags_fini(&d);
    return p;
}

/* The names of the councils on the search path, sorted. */
void list_councils(strlist *names)
{
    const char *search[3];
    size_t n_search = search_path(search);
    for (size_t s = 0; s < n_search; s++) {
        strlist dirs = { 0 };
        if (is_dir(search[s]))
            policy_subfolders(search[s], &dirs);
        for (size_t i = 0; i < dirs.n; i++) {
            const char *slash = strrchr(dirs.items[i], '/');
            strlist_add(names, strdup(slash ? slash + 1 : dirs.items[i]));
        }
        strlist_free(&dirs);
    }
    if (names->n)
        qsort(names->items, names->n, sizeof *names->items, cmp_str);
}

int unknown_council(const char *name)
{
    strlist names = { 0 };
    list_councils(&names);
    sp_buf known;
    sp_buf_init(&known);
    for (size_t i = 0; i < names.n; i++) {
        if (i > 0 && strcmp(names.items[i], names.items[i - 1]) == 0)
            continue;
        if (known.len)
            sp_buf_puts(&known, ", ");
        sp_buf_puts(&known, names.items[i]);
    }
    int status;
    if (known.len && !known.oom)
        status = usage("unknown council '%s' (councils found: %s)", name, known.data);
    else
        status = usage("unknown council '%s': no policy folder of that name in $STAYPUT_RULES, "
                       "./rules or the installed rules",
                       name);
    sp_buf_fini(&known);
    strlist_free(&names);
    return status;
}

char *policy_folder(const char *council, const char *path, int *status)
{
    char *dir;
    if (council) {
        const char *search[3];
        size_t n_search = search_path(search);
        if (!(dir = sp_policy_find(council, search, n_search)))
            *status = unknown_council(council);
    } else if (!(dir = strdup(path))) {
        *status = out_of_memory();
    }
    return dir;
}
