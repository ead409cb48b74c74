/*
** stayput fmt: rewrites rule files in the canonical layout (src/fmt.c), in
** place and atomically; --check only names the files that would change.
*/
#define _XOPEN_SOURCE 700 /* realpath, lstat, fchown */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "cli.h"
#include "fmt.h"

/* Folders inside folders are walked this deep, no deeper: links are not
** followed, so only real nesting counts, and no rule tree is this deep. */
#define MAX_FOLDER_DEPTH 64
/* How standard input is named in messages and by --check. */
#define STDIN_NAME "<stdin>"

static const char fmt_usage[] =
    "Usage: stayput fmt [--check] PATH...\n"
    "\n"
    "Rewrites rule files in the canonical layout, in place. A PATH is a rule\n"
    "file, or a folder: every *.sp file inside it and its subfolders. '-' reads\n"
    "standard input and writes the result to standard output.\n"
    "\n"
    "  --check   change nothing; list each file whose layout differs (standard\n"
    "            input as " STDIN_NAME "), one a line, and exit 1 if any does\n"
    "\n"
    "A file that does not parse is left as it is, its errors shown (exit 4).\n"
    "A folder's walk skips symbolic links and anything but regular files.\n";

/* The worse of two exit statuses: internal, rule errors, differences, done. */
static int worse(int a, int b)
{
    static const int rank[] = { [EXIT_DONE] = 0, [EXIT_NEGATIVE] = 1, [EXIT_USAGE] = 3,
                                [EXIT_INPUT] = 2, [EXIT_RULES] = 4, [EXIT_BATCH] = 2,
                                [EXIT_INTERNAL] = 5 };
    return rank[a] >= rank[b] ? a : b;
}

/* Says that path cannot be written, and why; EXIT_INTERNAL. */
static int cannot_write(const char *path, const char *why)
{
    say("cannot write '%s': %s", path, why);
    return EXIT_INTERNAL;
}

/* Flushes the folder that holds target to disk, so that a rename in it
** survives a crash. A file system that cannot (EINVAL) is let be. */
static bool sync_folder(const char *target, size_t dir_len)
{
    char *dir = malloc(dir_len + 2);
    if (!dir)
        return false;
    snprintf(dir, dir_len + 2, "%.*s", (int)(dir_len ? dir_len : 1), dir_len ? target : "/");
    int fd = open(dir, O_RDONLY);
    free(dir);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0 || errno == EINVAL;
    int saved = errno;
    close(fd);
    errno = saved;
    return ok;
}

/* Replaces the file at path by data: a new file beside it, with its mode,
** owner and group, flushed to disk and renamed over it, so a reader sees the
** old file or the new, never half. A read-only file is refused, even to
** root, for whom access() grants everything. */
static int write_atomic(const char *path, const char *data, size_t len)
{
    char *target = realpath(path, NULL); /* through a symbolic link, to the file */
    struct stat st;
    if (!target || stat(target, &st) != 0) {
        int status = cannot_write(path, strerror(errno));
        free(target);
        return status;
    }
    if (!S_ISREG(st.st_mode) || (st.st_mode & 0222) == 0 || access(target, W_OK) != 0) {
        int status = cannot_write(path, !S_ISREG(st.st_mode) ? "not a regular file; not rewritten"
                                        : (st.st_mode & 0222) == 0 ? "read-only; not rewritten"
                                                                   : strerror(errno));
        free(target);
        return status;
    }
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) : 0;
    const char *name = slash ? slash + 1 : target;
    size_t size = dir_len + strlen(name) + 32;
    char *tmp = malloc(size);
    if (!tmp) {
        free(target);
        return out_of_memory();
    }
    snprintf(tmp, size, "%.*s/.%s.fmt-XXXXXX", (int)dir_len, target, name);
    int status = EXIT_DONE;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        status = cannot_write(path, strerror(errno));
        free(tmp);
        free(target);
        return status;
    }
    size_t done = 0;
    errno = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    /* Owner and group as the original's, where allowed (root, or a group of
    ** one's own); then the mode, which a change of owner may clear bits of. */
    if (done < len || (fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM) ||
        fchmod(fd, st.st_mode & 07777) != 0 || fsync(fd) != 0)
        status = cannot_write(path, done < len && errno == 0 ? "short write" : strerror(errno));
    if (close(fd) != 0 && status == EXIT_DONE)
        status = cannot_write(path, strerror(errno));
    if (status == EXIT_DONE && rename(tmp, target) != 0)
        status = cannot_write(path, strerror(errno));
    if (status != EXIT_DONE)
        unlink(tmp);
    else if (!sync_folder(target, dir_len)) {
        if (errno == ENOMEM)
            status = out_of_memory();
        else
            say("'%s' is written, but its folder cannot be flushed to disk: %s", path,
                strerror(errno));
        status = EXIT_INTERNAL;
    }
    free(tmp);
    free(target);
    return status;
}

/* Formats one file (path "-": standard input to standard output). */
static int fmt_one(const char *path, bool check)
{
    bool std = strcmp(path, "-") == 0;
    const char *shown = std ? STDIN_NAME : path;
    sp_buf in, out;
    sp_buf_init(&in);
    sp_buf_init(&out);
    errno = 0;
    int status = EXIT_DONE;
    if (!sp_buf_read_file_at_most(&in, path, SP_MAX_RULE_FILE)) {
        if (in.oom || errno == ENOMEM)
            status = out_of_memory();
        else
            say("cannot read '%s': %s", shown, strerror(errno));
        sp_buf_fini(&in);
        return status ? status : EXIT_RULES;
    }
    sp_diags d;
    sp_diags_init(&d);
    if (in.len > SP_MAX_RULE_FILE) { /* as check says it: only the first bytes were read */
        if (sp_diag_file_error(&d, "E0002", shown, "a rule file may hold at most %d MiB",
                               SP_MAX_RULE_FILE >> 20))
            render_diags(&d);
        status = d.oom ? out_of_memory() : EXIT_RULES;
        sp_diags_fini(&d);
        sp_buf_fini(&in);
        return status;
    }
    size_t line = 0;
    const char *text = in.data ? in.data : "";
    switch (sp_fmt_text(shown, text, in.len, &out, &d, &line)) {
    case SP_FMT_OK:
        if (out.len == in.len && memcmp(out.data ? out.data : "", text, in.len) == 0) {
            if (std && !check)
                emit(text, in.len);
        } else if (check) {
            emit(shown, strlen(shown)); /* a path of any length */
            emit("\n", 1);
            status = EXIT_NEGATIVE;
        } else if (std) {
            emit(out.data, out.len);
        } else {
            status = write_atomic(path, out.data, out.len);
        }
        break;
    case SP_FMT_ERRORS:
        render_diags(&d);
        status = EXIT_RULES;
        break;
    case SP_FMT_UNSAFE:
        if (line)
            say("internal error: the canonical layout of '%s' would not keep the item at line %zu "
                "as written (a fact option given twice is one cause); the file is left as it was",
                shown, line);
        else
            say("internal error: the canonical layout of '%s' does not read back as the same "
                "rules with every comment in its place, or is not stable; the file is left as it "
                "was",
                shown);
        status = EXIT_INTERNAL;
        break;
    case SP_FMT_OOM:
        status = out_of_memory();
        break;
    }
    sp_diags_fini(&d);
    sp_buf_fini(&out);
    sp_buf_fini(&in);
    return status;
}

/* Every *.sp file in folder dir and the folders inside it, by name, files
** and folders mixed. Hidden entries (a leading '.') are left alone, and so
** is what is neither a folder nor a regular file: a symbolic link is not
** followed (as gofmt's walk), so no circle of links can make the walk
** endless, and a FIFO is not opened, so it cannot block. */
static int fmt_folder(const char *dir, bool check, int depth)
{
    if (depth > MAX_FOLDER_DEPTH) {
        say("cannot format '%s': folders nest more than %d deep; the files below are left as "
            "they are",
            dir, MAX_FOLDER_DEPTH);
        return EXIT_RULES;
    }
    DIR *d = opendir(dir);
    if (!d) {
        say("cannot read '%s': %s", dir, strerror(errno));
        return EXIT_RULES;
    }
    strlist names = { 0 };
    bool ok = true;
    struct dirent *ent;
    while (ok && (ent = readdir(d)))
        if (ent->d_name[0] != '.')
            ok = strlist_add(&names, join(dir, ent->d_name));
    closedir(d);
    if (!ok) {
        strlist_free(&names);
        return out_of_memory();
    }
    if (names.n)
        qsort(names.items, names.n, sizeof *names.items, cmp_str);
    int status = EXIT_DONE;
    for (size_t i = 0; i < names.n; i++) {
        struct stat st;
        if (lstat(names.items[i], &st) != 0) {
            say("cannot read '%s': %s", names.items[i], strerror(errno));
            status = worse(status, EXIT_RULES);
        } else if (S_ISDIR(st.st_mode)) {
            status = worse(status, fmt_folder(names.items[i], check, depth + 1));
        } else if (S_ISREG(st.st_mode) && ends_with(names.items[i], ".sp")) {
            status = worse(status, fmt_one(names.items[i], check));
        }
    }
    strlist_free(&names);
    return status;
}

int cmd_fmt(args *a)
{
    const char *text, *value;
    char name[64];
    bool check = false;
    strlist paths = { 0 };
    arg_kind k;
    int status = EXIT_DONE;
    while (status == EXIT_DONE && (k = next_arg(a, &text, name, sizeof name, &value)) != ARG_END) {
        if (k == ARG_OPERAND) {
            if (!strlist_add(&paths, strdup(text)))
                status = out_of_memory();
        } else if (is_help(name)) {
            strlist_free(&paths);
            emit(fmt_usage, sizeof fmt_usage - 1);
            return EXIT_DONE;
        } else if (strcmp(name, "--check") == 0) {
            if (value)
                status = usage("option '--check' takes no value");
            check = true;
        } else {
            status = usage("unknown option '%s' for fmt", text);
        }
    }
    size_t stdin_uses = 0;
    for (size_t i = 0; i < paths.n; i++)
        stdin_uses += strcmp(paths.items[i], "-") == 0;
    if (status == EXIT_DONE && !paths.n)
        status = usage("fmt needs a PATH: a rule file, a folder of them, or '-' for standard input");
    if (status == EXIT_DONE && stdin_uses > 1)
        status = usage("fmt reads standard input ('-') once");
    if (status != EXIT_DONE) {
        strlist_free(&paths);
        return status;
    }
    /* A file that cannot be formatted or written does not stop the others:
    ** the worst status comes at the end. */
    for (size_t i = 0; i < paths.n; i++) {
        const char *path = paths.items[i];
        if (strcmp(path, "-") != 0 && is_dir(path))
            status = worse(status, fmt_folder(path, check, 0));
        else
            status = worse(status, fmt_one(path, check));
    }
    strlist_free(&paths);
    return status;
}
