/*
** stayput's command line: arguments, files, output format and exit codes.
** Every decision is the library's (stayput.h); this file only wires it up.
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "stayput.h"

enum { EXIT_NEGATIVE = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_RULES = 4, EXIT_BATCH = 5, EXIT_INTERNAL = 6 };

static const char USAGE[] =
    "usage: stayput COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  eval (--council NAME | --policy PATH) [--format json|text] [--trace] FILE\n"
    "                      decide one case (a JSON object; FILE '-' is standard input)\n"
    "  eval (--council NAME | --policy PATH) --batch FILE [--jobs N]\n"
    "                      decide one case per line (JSON Lines), one JSON line out per case\n"
    "  check PATH...       check rule files (a policy folder, or a folder of them)\n"
    "  test [PATH...]      run the examples in the rule files (all councils without PATH)\n"
    "\n"
    "options:\n"
    "  --help              show this help\n"
    "  --version           show the version\n"
    "\n"
    "Councils are the folders of $STAYPUT_RULES, ./rules, then " STAYPUT_DATADIR "/rules.\n"
    "Exit status: 0 done, 1 an example failed, 2 usage, 3 bad case input,\n"
    "4 rule-file errors, 5 some batch lines failed, 6 internal error.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "stayput: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'stayput --help'.\n");
    return EXIT_USAGE;
}

/* The search path for councils and for the policies they extend. */
static size_t search_path(const char *out[3])
{
    size_t n = 0;
    const char *env = getenv("STAYPUT_RULES");
    if (env && *env)
        out[n++] = env;
    out[n++] = "rules";
    out[n++] = STAYPUT_DATADIR "/rules";
    return n;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A policy folder holds rule files directly. */
static bool is_policy_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return false;
    bool found = false;
    struct dirent *ent;
    while (!found && (ent = readdir(d))) {
        size_t n = strlen(ent->d_name);
        found = n > 3 && strcmp(ent->d_name + n - 3, ".sp") == 0;
    }
    closedir(d);
    return found;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The policy folders named by PATH: itself, or its sub-folders in name order.
** Returns a heap array of heap strings. */
static char **policy_dirs(const char *path, size_t *n)
{
    *n = 0;
    char **dirs = NULL;
    if (is_policy_dir(path) || !is_dir(path)) {
        dirs = malloc(sizeof *dirs);
        if (dirs && (dirs[0] = strdup(path)))
            *n = 1;
        return dirs;
    }
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    size_t cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        size_t len = strlen(path) + strlen(ent->d_name) + 2;
        char *sub = malloc(len);
        if (!sub)
            break;
        snprintf(sub, len, "%s/%s", path, ent->d_name);
        if (!is_policy_dir(sub)) {
            free(sub);
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            char **more = realloc(dirs, cap * sizeof *more);
            if (!more) {
                free(sub);
                break;
            }
            dirs = more;
        }
        dirs[(*n)++] = sub;
    }
    closedir(d);
    if (dirs)
        qsort(dirs, *n, sizeof *dirs, cmp_str);
    return dirs;
}

static void free_dirs(char **dirs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(dirs[i]);
    free(dirs);
}

/* Loads a policy, printing its diagnostics. *status is the exit code on failure. */
static sp_policy *load(const char *dir, int *status)
{
    const char *search[3];
    size_t n = search_path(search);
    sp_diags d;
    sp_diags_init(&d);
    bool oom = false;
    sp_policy *p = sp_policy_load(dir, search, n, &d, &oom);
    if (!p) {
        sp_buf out;
        sp_buf_init(&out);
        sp_diags_render(&d, &out);
        fputs(out.data ? out.data : "stayput: out of memory\n", stderr);
        sp_buf_fini(&out);
        *status = oom ? EXIT_INTERNAL : EXIT_RULES;
    }
    sp_diags_fini(&d);
    return p;
}

static int flush_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "stayput: cannot write the output: %s\n", strerror(errno));
        return EXIT_INTERNAL;
    }
    return 0;
}

static int write_buf(sp_buf *b)
{
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
        return EXIT_INTERNAL;
    sp_buf_clear(b);
    return 0;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

static int eval_batch(sp_engine *e, const char *path, const sp_eval_options *opt)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "stayput: cannot read %s: %s\n", path, strerror(errno));
        return EXIT_INPUT;
    }
    sp_buf out;
    sp_buf_init(&out);
    char *line = NULL;
    size_t cap = 0, number = 0;
    ssize_t len;
    int status = 0;
    while ((len = getline(&line, &cap, in)) >= 0) {
        number++;
        if (blank(line, (size_t)len))
            continue;
        sp_case_error err;
        sp_status st = sp_engine_eval(e, line, (size_t)len, opt, &out, &err);
        if (st == SP_ERR_OOM) {
            status = EXIT_INTERNAL;
            break;
        }
        if (st != SP_OK) {
            sp_render_batch_error(&out, number, &err);
            status = EXIT_BATCH;
        }
        if (out.len >= 1 << 16 && write_buf(&out)) {
            status = EXIT_INTERNAL;
            break;
        }
    }
    if (ferror(in)) {
        fprintf(stderr, "stayput: cannot read %s: %s\n", path, strerror(errno));
        status = EXIT_INPUT;
    }
    if (write_buf(&out))
        status = EXIT_INTERNAL;
    free(line);
    sp_buf_fini(&out);
    if (in != stdin)
        fclose(in);
    return status;
}

static int eval_one(sp_engine *e, const char *path, const sp_eval_options *opt)
{
    sp_buf in, out;
    sp_buf_init(&in);
    sp_buf_init(&out);
    int status = 0;
    if (!sp_buf_read_file(&in, path)) {
        fprintf(stderr, "stayput: cannot read %s: %s\n", path, strerror(errno));
        status = in.oom ? EXIT_INTERNAL : EXIT_INPUT;
    } else {
        sp_case_error err;
        sp_status st = sp_engine_eval(e, in.data, in.len, opt, &out, &err);
        if (st == SP_OK) {
            status = write_buf(&out);
        } else {
            fprintf(stderr, "stayput: %s: %s: %s%s%s%s\n", path, err.code, err.message,
                    err.path[0] ? " (at " : "", err.path, err.path[0] ? ")" : "");
            status = (int)st;
        }
    }
    sp_buf_fini(&in);
    sp_buf_fini(&out);
    return status;
}

static int cmd_eval(int argc, char **argv)
{
    const char *council = NULL, *policy = NULL, *file = NULL, *batch = NULL;
    sp_eval_options opt = { .format = SP_FORMAT_JSON };
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool has_next = i + 1 < argc;
        if (strcmp(a, "--council") == 0 || strcmp(a, "--policy") == 0 || strcmp(a, "--format") == 0 ||
            strcmp(a, "--batch") == 0 || strcmp(a, "--jobs") == 0) {
            if (!has_next)
                return usage_error("%s needs a value", a);
            const char *v = argv[++i];
            if (strcmp(a, "--council") == 0)
                council = v;
            else if (strcmp(a, "--policy") == 0)
                policy = v;
            else if (strcmp(a, "--batch") == 0)
                batch = v;
            else if (strcmp(a, "--jobs") == 0) {
                char *end;
                long n = strtol(v, &end, 10);
                if (*end || n < 1 || n > 256)
                    return usage_error("--jobs takes a number from 1 to 256, not '%s'", v);
            } else if (strcmp(v, "json") == 0)
                opt.format = SP_FORMAT_JSON;
            else if (strcmp(v, "text") == 0)
                opt.format = SP_FORMAT_TEXT;
            else
                return usage_error("unknown format '%s' (json or text)", v);
        } else if (strcmp(a, "--trace") == 0) {
            opt.trace = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else if (!file) {
            file = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
    }
    if (!council == !policy)
        return usage_error("%s", "eval needs --council NAME or --policy PATH (one of them)");
    if (!file == !batch)
        return usage_error("%s", "eval needs a case FILE ('-' for standard input) or --batch FILE");
    char *dir = NULL;
    if (council) {
        const char *search[3];
        size_t n = search_path(search);
        dir = sp_policy_find(council, search, n);
        if (!dir)
            return usage_error("unknown council '%s'", council);
    }
    int status = 0;
    sp_policy *p = load(dir ? dir : policy, &status);
    free(dir);
    if (!p)
        return status;
    sp_engine *e = sp_engine_new(p);
    if (!e) {
        sp_policy_free(p);
        fprintf(stderr, "stayput: out of memory\n");
        return EXIT_INTERNAL;
    }
    status = batch ? eval_batch(e, batch, &opt) : eval_one(e, file, &opt);
    sp_engine_free(e);
    sp_policy_free(p);
    int fl = flush_stdout();
    return fl ? fl : status;
}

static int cmd_check(int argc, char **argv)
{
    if (argc == 0)
        return usage_error("%s", "check needs a PATH");
    int status = 0;
    size_t checked = 0;
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-')
            return usage_error("unknown option '%s'", argv[i]);
        size_t n;
        char **dirs = policy_dirs(argv[i], &n);
        if (n == 0) {
            fprintf(stderr, "%s: error[E0002]: no policy folder here\n", argv[i]);
            status = EXIT_RULES;
        }
        for (size_t j = 0; j < n; j++) {
            int st = 0;
            sp_policy *p = load(dirs[j], &st);
            if (!p && st > status)
                status = st;
            if (p)
                checked++;
            sp_policy_free(p);
        }
        free_dirs(dirs, n);
    }
    if (!status)
        printf("%zu polic%s checked, no problems\n", checked, checked == 1 ? "y" : "ies");
    int fl = flush_stdout();
    return fl ? fl : status;
}

static int cmd_test(int argc, char **argv)
{
    const char *search[3];
    size_t n_search = search_path(search);
    const char *deflt = NULL;
    for (size_t i = 0; i < n_search && !deflt; i++)
        if (is_dir(search[i]))
            deflt = search[i];
    bool verbose = false;
    int n_paths = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--verbose") == 0)
            verbose = true;
        else if (argv[i][0] == '-')
            return usage_error("unknown option '%s'", argv[i]);
        else
            n_paths++;
    }
    if (!n_paths && !deflt)
        return usage_error("%s", "no rules folder found; name one");
    size_t passed = 0, failed = 0;
    int status = 0;
    for (int i = 0; i < argc || (!n_paths && i == 0); i++) {
        const char *path = n_paths ? argv[i] : deflt;
        if (n_paths && argv[i][0] == '-')
            continue;
        size_t n;
        char **dirs = policy_dirs(path, &n);
        for (size_t j = 0; j < n; j++) {
            int st = 0;
            sp_policy *p = load(dirs[j], &st);
            if (!p) {
                status = st;
                continue;
            }
            sp_buf report;
            sp_buf_init(&report);
            size_t before_p = passed, before_f = failed;
            if (sp_policy_run_examples(p, verbose, &report, &passed, &failed) != SP_OK)
                status = EXIT_INTERNAL;
            fputs(report.data ? report.data : "", stdout);
            printf("%s: %zu passed, %zu failed\n", sp_policy_name(p), passed - before_p, failed - before_f);
            sp_buf_fini(&report);
            sp_policy_free(p);
        }
        free_dirs(dirs, n);
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    if (!status && failed)
        status = EXIT_NEGATIVE;
    int fl = flush_stdout();
    return fl ? fl : status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
        return flush_stdout();
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("stayput %s\n", STAYPUT_VERSION);
        return flush_stdout();
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0) {
            fputs(USAGE, stdout);
            return flush_stdout();
        }
    if (strcmp(cmd, "eval") == 0)
        return cmd_eval(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "test") == 0)
        return cmd_test(argc - 2, argv + 2);
    return usage_error("unknown command '%s'", cmd);
}
