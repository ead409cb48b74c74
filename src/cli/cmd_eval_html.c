/*
** eval --format html: the policy texts a report quotes (--sources DIR), and
** a batch written as one page per case and an index (--batch FILE --out DIR).
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "batch_reader.h"
#include "cli.h"

#define PAGE_NAME_ID 48 /* characters of the case's reference kept in a page's name */

int open_sources(const char *dir, const sp_policy *p, sp_sources **out)
{
    *out = NULL;
    if (!dir)
        return EXIT_DONE;
    char why[512];
    sp_status st;
    *out = sp_sources_load(dir, p, why, sizeof why, &st);
    if (!*out) {
        if (st == SP_ERR_OOM)
            return out_of_memory();
        return usage("--sources: %s", why);
    }
    const char *doc;
    for (size_t i = 0; (doc = sp_sources_missing(*out, i)); i++)
        say("note: '%s' holds no text of \"%s\" (neither in a README.md table nor as a .txt "
            "file); its citations are shown without quotes",
            dir, doc);
    return EXIT_DONE;
}

/* The page of line `line`: "<line>-<reference>.html", the reference (as the
** index shows it, id[0..n)) cut short and kept to letters, digits, '-' and
** '_' (anything else becomes '_'), so no reference can name a path outside
** the folder; "<line>.html" without one. */
static void page_name(size_t line, const char *id, size_t n, char *name, size_t size)
{
    char kept[PAGE_NAME_ID + 1];
    size_t k = 0;
    for (; k < n && k < PAGE_NAME_ID; k++) {
        char c = id[k];
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
        kept[k] = keep ? c : '_';
    }
    kept[k] = '\0';
    if (k)
        snprintf(name, size, "%zu-%s.html", line, kept);
    else
        snprintf(name, size, "%zu.html", line);
}

/* Writes data to DIR/NAME, replacing a file there but never following a
** symbolic link. False, after saying why, on failure. */
static bool write_page(const char *dir, const char *name, const sp_buf *data)
{
    char *path = join(dir, name);
    if (!path) {
        out_of_memory();
        return false;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0644);
    bool ok = fd >= 0;
    for (size_t done = 0; ok && done < data->len;) {
        ssize_t w = write(fd, data->data + done, data->len - done);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        if (ok)
            done += (size_t)w;
    }
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (!ok)
        say("cannot write '%s': %s", path, strerror(errno));
    free(path);
    return ok;
}

/* Makes the output folder unless it exists. */
static int make_out_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return EXIT_DONE;
        say("cannot write the reports to '%s': %s", dir, strerror(ENOTDIR));
        return EXIT_INTERNAL;
    }
    if (mkdir(dir, 0777) != 0) {
        say("cannot make the folder '%s': %s", dir, strerror(errno));
        return EXIT_INTERNAL;
    }
    return EXIT_DONE;
}

int eval_batch_html(const char *dir, const char *file, const sp_eval_options *opt,
                    const char *sources_dir, const char *out_dir)
{
    batch_reader r;
    if (!batch_reader_open(&r, file))
        return EXIT_INPUT;
    int status = EXIT_DONE;
    sp_policy *p = load_policy(dir, &status);
    sp_sources *sources = NULL;
    if (p)
        status = open_sources(sources_dir, p, &sources);
    if (status == EXIT_DONE)
        status = make_out_dir(out_dir);
    sp_engine *e = status == EXIT_DONE ? sp_engine_new(p) : NULL;
    if (status == EXIT_DONE && !e)
        status = out_of_memory();
    if (status != EXIT_DONE) {
        sp_sources_free(sources);
        sp_policy_free(p);
        batch_reader_close(&r);
        return status;
    }
    sp_eval_options o = *opt;
    o.sources = sources;

    sp_buf page, rows, index, id;
    sp_buf_init(&page);
    sp_buf_init(&id);
    sp_buf_init(&rows);
    sp_buf_init(&index);
    size_t decided = 0, failed = 0;
    bool oom = false, write_failed = false;
    int read_err = 0;
    while (!oom && !write_failed) {
        const char *s;
        size_t n;
        read_result rr = batch_next_line(&r, &s, &n);
        if (rr == READ_ERROR)
            read_err = r.err;
        oom = rr == READ_OOM;
        if (rr != READ_OK)
            break;
        if (n != LINE_TOO_LONG && blank_line(s, n))
            continue;
        sp_buf_clear(&page);
        sp_case_error err;
        sp_status st = n == LINE_TOO_LONG ? sp_case_check_size(LINE_TOO_LONG, &err)
                                          : sp_engine_eval(e, s, n, &o, &page, &err);
        if (st == SP_OK) {
            char name[PAGE_NAME_ID + 32];
            sp_buf_clear(&id);
            sp_render_html_case_id(e, &id);
            page_name(r.line, id.data, id.len, name, sizeof name);
            oom = id.oom;
            write_failed = !oom && !write_page(out_dir, name, &page);
            sp_render_html_index_case(e, r.line, name, &rows);
            decided++;
        } else {
            oom = st == SP_ERR_OOM;
            sp_render_html_index_error(r.line, &err, &rows);
            failed++;
        }
        oom = oom || rows.oom;
    }
    size_t lines = r.line;
    const char *shown = r.name;
    batch_reader_close(&r);
    if (!oom && !write_failed) {
        sp_render_html_index_begin(p, decided, failed, &index);
        sp_buf_append(&index, rows.data ? rows.data : "", rows.len);
        sp_render_html_index_end(&index);
        oom = index.oom;
        if (!oom)
            write_failed = !write_page(out_dir, "index.html", &index);
    }
    sp_buf_fini(&page);
    sp_buf_fini(&id);
    sp_buf_fini(&rows);
    sp_buf_fini(&index);
    sp_engine_free(e);
    sp_sources_free(sources);
    sp_policy_free(p);

    if (write_failed)
        return EXIT_INTERNAL;
    if (oom)
        return out_of_memory();
    if (read_err) {
        say("cannot read the batch file '%s' after line %zu: %s", shown, lines, strerror(read_err));
        return EXIT_INPUT;
    }
    char *index_path = join(out_dir, "index.html");
    if (!index_path)
        return out_of_memory();
    emitf("%s: %zu %s decided, %zu %s failed\n", index_path, decided,
          decided == 1 ? "case" : "cases", failed, failed == 1 ? "line" : "lines");
    free(index_path);
    return failed ? EXIT_BATCH : EXIT_DONE;
}
