/*
** stayput: the command line. Reads argv and files, writes results and
** diagnostics, maps outcomes to exit codes; every decision is the library's.
*/
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "batch_reader.h"
#include "cli.h"

#define MAX_JOBS     256
#define CHUNK_LINES  128           /* a batch goes to the workers in chunks of lines */
#define CHUNK_BYTES  (1024 * 1024) /* ... or of this many bytes, whichever comes first */
#define CHUNK_OUTPUT (256 * 1024)  /* --jobs: ... or of lines giving about this much output */
#define RING_EXTRA   12            /* --jobs N: chunks held at most: 2 N + this */

static const char usage_text[] =
    "Usage: stayput COMMAND [OPTIONS]\n"
    "\n"
    "Decides Staying Put cases by the rules of a council's policy.\n"
    "\n"
    "Commands:\n"
    "  eval (--council NAME | --policy PATH) [--format json|text|html] [--trace]\n"
    "       [--receipt] [--partial] [--sources DIR] FILE\n"
    "        Decide one case, a JSON object (FILE '-' reads standard input).\n"
    "  eval (--council NAME | --policy PATH) [--trace] [--receipt] [--partial]\n"
    "       --batch FILE [--jobs N]\n"
    "        Decide each line of a JSON Lines file: one JSON line out per case, in\n"
    "        input order, and an error record for a bad line.\n"
    "  eval (--council NAME | --policy PATH) --batch FILE --format html --out DIR\n"
    "       [--sources DIR]\n"
    "        Write a decision report per case, DIR/LINE-CASE_ID.html, and\n"
    "        DIR/index.html listing each case and each bad line.\n"
    "  check PATH...\n"
    "        Parse and check the rule files of each policy folder (or of each policy\n"
    "        folder inside PATH).\n"
    "  test [--verbose] [--coverage] [PATH...]\n"
    "        Run the examples written in the rule files; every policy of the rules\n"
    "        folder without PATH. The last line is 'N passed, N failed'.\n"
    "  verify [--policy PATH] [--format text|json] RECEIPT\n"
    "        Decide the case of a receipt (the output of eval --receipt) again, by\n"
    "        the council it names or the policy at PATH, and compare the decision\n"
    "        and the reasons: exit 0 when identical, 1 naming each output that\n"
    "        differs. Text for people by default.\n"
    "  clauses PATH [--format json|text]\n"
    "        Each clause of the policy text that the policy cites, the rules that\n"
    "        cite it, and the examples that use those rules.\n"
    "  diff (--council NAME | --policy PATH) (--council NAME | --policy PATH)\n"
    "       --batch FILE [--format text|json]\n"
    "        Decide each case of a JSON Lines file under the old policy (the first\n"
    "        given) and the new one: how many cases and outputs change, the total\n"
    "        change of each money output, then each case that changes.\n"
    "  fmt [--check] PATH...\n"
    "        Rewrite rule files (a file, or every *.sp in a folder) in the canonical\n"
    "        layout; '-' reads standard input and writes standard output. --check\n"
    "        changes nothing, lists the files that differ and exits 1 if any does.\n"
    "  help\n"
    "        Show this text.\n"
    "\n"
    "Options:\n"
    "  --council NAME   the policy folder NAME, looked for in $STAYPUT_RULES, then\n"
    "                   ./rules, then the installed data folder\n"
    "  --policy PATH    a policy folder given by its path\n"
    "  --format FORMAT  json (the default; text for diff and verify), text, or\n"
    "                   html: a self-contained page for auditors (why each output,\n"
    "                   the clauses cited, the assumptions, the facts used, the\n"
    "                   digest)\n"
    "  --sources DIR    (html) quote each cited clause from the policy texts in\n"
    "                   DIR, found by the table of DIR/README.md or as NAME.txt\n"
    "  --out DIR        (html --batch) the folder the pages are written to\n"
    "  --trace          add the whole derivation to each decision\n"
    "  --receipt        add what verify needs: the facts as read (defaults\n"
    "                   applied), the policy's digest and the engine's version\n"
    "  --partial        a case may leave out required facts: what needs one is\n"
    "                   \"undetermined\", and \"needs\" and \"facts_needed\" say\n"
    "                   which facts would decide it\n"
    "  --batch FILE     JSON Lines input, one case a line ('-' reads standard input)\n"
    "  --jobs N         evaluate a batch on N threads (default 1); same output\n"
    "  --verbose        (test) list the examples that pass too\n"
    "  --coverage       (test) then list the rules and branches no example used\n"
    "  --check          (fmt) list the files not in the canonical layout\n"
    "  --help           show this text\n"
    "  --version        show the version\n"
    "\n"
    "Exit status:\n"
    "  0 done, 1 an example failed, a receipt no longer holds or a file is not\n"
    "  in the canonical layout (fmt --check), 2 usage error,\n"
    "  3 bad case input or receipt,\n"
    "  4 rule-file errors, 5 some lines of a batch failed,\n"
    "  6 out of memory or a failed write.\n";


int print_usage(void)
{
    emit(usage_text, sizeof usage_text - 1);
    return EXIT_DONE;
}

/* ---- eval: one case ---- */

static int eval_one(const char *dir, const char *file, const sp_eval_options *opt,
                    const char *sources_dir)
{
    sp_buf in;
    sp_buf_init(&in);
    errno = 0;
    if (!sp_buf_read_file_at_most(&in, file, SP_MAX_CASE_BYTES)) {
        int err = errno;
        sp_buf_fini(&in);
        if (err == ENOMEM)
            return out_of_memory();
        if (strcmp(file, "-") == 0)
            say("cannot read the case from standard input: %s", strerror(err));
        else
            say("cannot read the case file '%s': %s", file, strerror(err));
        return EXIT_INPUT;
    }
    int status = EXIT_DONE;
    sp_policy *p = load_policy(dir, &status);
    if (!p) {
        sp_buf_fini(&in);
        return status;
    }
    sp_eval_options o = *opt;
    sp_sources *sources = NULL;
    status = open_sources(sources_dir, p, &sources);
    o.sources = sources;
    sp_engine *e = status == EXIT_DONE ? sp_engine_new(p) : NULL;
    if (!e) {
        sp_sources_free(sources);
        sp_policy_free(p);
        sp_buf_fini(&in);
        return status == EXIT_DONE ? out_of_memory() : status;
    }
    sp_buf out;
    sp_buf_init(&out);
    sp_case_error err;
    sp_status st = sp_engine_eval(e, in.data, in.len, &o, &out, &err);
    if (st == SP_OK) {
        emit(out.data, out.len);
    } else {
        const char *code = err.code ? err.code : "internal";
        if (err.path[0])
            say("%s: %s (at %s)", code, err.message, err.path);
        else
            say("%s: %s", code, err.message);
        status = (int)st;
    }
    sp_buf_fini(&out);
    sp_engine_free(e);
    sp_sources_free(sources);
    sp_policy_free(p);
    sp_buf_fini(&in);
    return status;
}

/* ---- eval: a batch ---- */

typedef enum { CHUNK_EMPTY, CHUNK_FILLED, CHUNK_DONE } chunk_state;

/* A run of input lines and, once evaluated, their output lines. */
typedef struct chunk {
    sp_buf text;       /* the non-blank lines, back to back, newlines removed */
    size_t *start;     /* offset of each line in text */
    size_t *len;       /* its length */
    size_t *line;      /* its line number in the file, from 1 */
    size_t n, cap;     /* lines held, lines allocated */
    sp_buf out;        /* the output lines */
    size_t failed;     /* lines that gave an error record */
    bool oom;          /* a line ran out of memory (its error record says so) */
    bool lost;         /* the output could not be held: the batch stops */
    chunk_state state; /* guarded by the pool's mutex while threads run */
} chunk;

static void chunk_free(chunk *c)
{
    sp_buf_fini(&c->text);
    sp_buf_fini(&c->out);
    free(c->start);
    free(c->len);
    free(c->line);
}

static bool chunk_add(chunk *c, const char *s, size_t n, size_t line)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : CHUNK_LINES;
        size_t *start = realloc(c->start, cap * sizeof *start);
        if (start)
            c->start = start;
        size_t *len = realloc(c->len, cap * sizeof *len);
        if (len)
            c->len = len;
        size_t *ln = realloc(c->line, cap * sizeof *ln);
        if (ln)
            c->line = ln;
        if (!start || !len || !ln)
            return false;
        c->cap = cap;
    }
    c->start[c->n] = c->text.len;
    c->len[c->n] = n;
    c->line[c->n] = line;
    if (n != LINE_TOO_LONG && !sp_buf_append(&c->text, s, n))
        return false;
    c->n++;
    return true;
}

/* Fills c with the next lines of the batch, at most `lines`, skipping blank
** ones. READ_EOF when the input ended (c may still hold lines, as with
** READ_ERROR). */
static read_result fill_chunk(batch_reader *r, chunk *c, size_t lines)
{
    c->n = 0;
    sp_buf_clear(&c->text);
    while (c->n < lines && c->text.len < CHUNK_BYTES) {
        const char *s;
        size_t n;
        read_result rr = batch_next_line(r, &s, &n);
        if (rr != READ_OK)
            return rr;
        if (n != LINE_TOO_LONG && blank_line(s, n))
            continue;
        if (!chunk_add(c, s, n, r->line))
            return READ_OOM;
    }
    return READ_OK;
}

/* Evaluates every line of c into c->out. */
static void run_chunk(sp_engine *e, const sp_eval_options *opt, chunk *c)
{
    if (c->out.oom) {
        sp_buf_fini(&c->out);
        sp_buf_init(&c->out);
    }
    sp_buf_clear(&c->out);
    c->failed = 0;
    c->oom = false;
    c->lost = false;
    for (size_t i = 0; i < c->n && !c->lost; i++) {
        sp_case_error err;
        sp_status st;
        if (c->len[i] == LINE_TOO_LONG) {
            st = sp_case_check_size(SIZE_MAX, &err);
        } else {
            st = sp_engine_eval(e, c->text.data + c->start[i], c->len[i], opt, &c->out, &err);
        }
        if (st != SP_OK) {
            sp_render_batch_error(&c->out, c->line[i], &err);
            c->failed++;
            if (st == SP_ERR_OOM)
                c->oom = true;
        }
        if (c->out.oom)
            c->lost = true;
    }
}

/* The outcome of a batch, folded chunk by chunk. */
typedef struct batch_tally {
    size_t failed; /* lines that gave an error record */
    bool oom;
    bool write_failed; /* standard output failed: stop early */
} batch_tally;

static void write_chunk(const chunk *c, batch_tally *t)
{
    emit(c->out.data, c->out.len);
    t->failed += c->failed;
    t->oom = t->oom || c->oom || c->lost;
    if (ferror(stdout))
        t->write_failed = true;
}

/* --jobs N: N threads (the main one and N - 1 more) each take the next chunk
** of the batch (reading it), evaluate it, and write the finished chunks in
** input order: the thread that finishes the chunk next in order writes it and
** the finished ones after it, while the others go on evaluating. No thread
** only reads or only writes, so N threads keep N cores busy. A ring of k
** chunks bounds how far reading runs ahead of writing: far enough that the
** other threads go on while one is held up (preempted, or writing); a chunk's
** lines are as many as give about CHUNK_OUTPUT bytes of output, at the
** average so far, so that the ring's memory does not grow with --trace. */
typedef struct pool {
    pthread_mutex_t reader; /* held by the thread reading a chunk (then mu) */
    pthread_mutex_t mu;     /* guards the fields below */
    pthread_cond_t freed;   /* a chunk was written, or reading ended or stopped */
    chunk *slots;           /* a ring of k chunks: chunk i is slots[i % k] */
    size_t k;
    batch_reader *r;        /* read only by the thread holding reader */
    read_result rr;         /* how reading ended */
    bool reading;           /* reading has not ended */
    bool stop;              /* no more chunks: out of memory or the output failed */
    size_t read;            /* chunks read so far */
    size_t written;         /* chunks written (or dropped after a stop) so far */
    bool writing;           /* a thread is writing chunks */
    size_t out_bytes;       /* output written so far, */
    size_t out_lines;       /* ... for this many lines of the batch */
    batch_tally *t;         /* touched only by the thread writing */
    const sp_eval_options *opt;
} pool;

typedef struct worker {
    pool *pl;
    sp_engine *engine; /* each thread evaluates with its own */
    pthread_t thread;
    bool started;
} worker;

/* Writes the finished chunks next in order, unless another thread is
** writing (it will write them too). Called and returns with pl->mu held. */
static void write_ready(pool *pl)
{
    if (pl->writing)
        return;
    pl->writing = true;
    while (pl->written < pl->read && pl->slots[pl->written % pl->k].state == CHUNK_DONE) {
        chunk *c = &pl->slots[pl->written % pl->k];
        batch_tally *t = pl->t;
        pthread_mutex_unlock(&pl->mu);
        if (!t->oom && !t->write_failed)
            write_chunk(c, t);
        bool stop = t->oom || t->write_failed;
        pthread_mutex_lock(&pl->mu);
        pl->out_bytes += c->out.len;
        pl->out_lines += c->n;
        c->state = CHUNK_EMPTY;
        pl->written++;
        pl->stop = pl->stop || stop;
        pthread_cond_broadcast(&pl->freed);
    }
    pl->writing = false;
}

/* How many lines the next chunk takes (called with pl->mu held). */
static size_t chunk_lines(const pool *pl)
{
    if (!pl->out_lines)
        return CHUNK_LINES / 8; /* the first chunks, before any output is known */
    size_t per_line = pl->out_bytes / pl->out_lines + 1;
    size_t n = CHUNK_OUTPUT / per_line;
    return n < 1 ? 1 : n > CHUNK_LINES ? CHUNK_LINES : n;
}

static void *work(void *arg)
{
    worker *w = arg;
    pool *pl = w->pl;
    for (;;) {
        pthread_mutex_lock(&pl->reader);
        pthread_mutex_lock(&pl->mu);
        while (pl->reading && !pl->stop && pl->read - pl->written == pl->k)
            pthread_cond_wait(&pl->freed, &pl->mu);
        bool go = pl->reading && !pl->stop;
        /* The slot at `read` is written, and this thread's while it holds
        ** reader: write_ready stops short of it. */
        chunk *c = &pl->slots[pl->read % pl->k];
        size_t lines = chunk_lines(pl);
        pthread_mutex_unlock(&pl->mu);
        read_result rr = go ? fill_chunk(pl->r, c, lines) : READ_EOF;
        pthread_mutex_lock(&pl->mu);
        if (go && rr != READ_OK) {
            pl->rr = rr;
            pl->reading = false;
            pthread_cond_broadcast(&pl->freed);
        }
        go = go && c->n && rr != READ_OOM;
        if (go) {
            c->state = CHUNK_FILLED;
            pl->read++;
        }
        pthread_mutex_unlock(&pl->mu);
        pthread_mutex_unlock(&pl->reader);
        if (!go)
            break;
        run_chunk(w->engine, pl->opt, c);
        pthread_mutex_lock(&pl->mu);
        c->state = CHUNK_DONE;
        write_ready(pl);
        pthread_mutex_unlock(&pl->mu);
    }
    return NULL;
}

static read_result run_serial(const sp_policy *p, const sp_eval_options *opt, batch_reader *r,
                              batch_tally *t)
{
    sp_engine *e = sp_engine_new(p);
    if (!e)
        return READ_OOM;
    chunk c = { 0 };
    read_result rr = READ_OK;
    while (rr == READ_OK && !t->oom && !t->write_failed) {
        rr = fill_chunk(r, &c, CHUNK_LINES);
        if (c.n && rr != READ_OOM) {
            run_chunk(e, opt, &c);
            write_chunk(&c, t);
        }
    }
    chunk_free(&c);
    sp_engine_free(e);
    return rr;
}

static read_result run_parallel(const sp_policy *p, const sp_eval_options *opt, batch_reader *r,
                                size_t jobs, batch_tally *t)
{
    pool pl = { .k = 2 * jobs + RING_EXTRA, .r = r, .rr = READ_OK, .reading = true, .t = t, .opt = opt };
    worker *workers = calloc(jobs, sizeof *workers);
    pl.slots = calloc(pl.k, sizeof *pl.slots);
    if (!workers || !pl.slots) {
        free(workers);
        free(pl.slots);
        return READ_OOM;
    }
    pthread_mutex_init(&pl.reader, NULL);
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.freed, NULL);

    /* workers[0] is this thread. The others wait for the mutex until all
    ** are started, so that none reads if one cannot be. */
    pthread_mutex_lock(&pl.mu);
    for (size_t i = 0; i < jobs && pl.reading; i++) {
        workers[i].pl = &pl;
        workers[i].engine = sp_engine_new(p);
        if (!workers[i].engine
            || (i > 0 && pthread_create(&workers[i].thread, NULL, work, &workers[i]) != 0)) {
            pl.rr = READ_OOM;
            pl.reading = false;
        } else {
            workers[i].started = i > 0;
        }
    }
    pthread_mutex_unlock(&pl.mu);
    if (pl.reading)
        work(&workers[0]);

    for (size_t i = 0; i < jobs; i++) {
        if (workers[i].started)
            pthread_join(workers[i].thread, NULL);
        sp_engine_free(workers[i].engine);
    }
    for (size_t i = 0; i < pl.k; i++)
        chunk_free(&pl.slots[i]);
    pthread_cond_destroy(&pl.freed);
    pthread_mutex_destroy(&pl.mu);
    pthread_mutex_destroy(&pl.reader);
    free(pl.slots);
    free(workers);
    return pl.rr;
}

static int eval_batch(const char *dir, const char *file, const sp_eval_options *opt, size_t jobs)
{
    batch_reader r;
    if (!batch_reader_open(&r, file))
        return EXIT_INPUT;
    int status = EXIT_DONE;
    sp_policy *p = load_policy(dir, &status);
    if (!p) {
        batch_reader_close(&r);
        return status;
    }
    batch_tally t = { 0 };
    read_result rr = jobs > 1 ? run_parallel(p, opt, &r, jobs, &t) : run_serial(p, opt, &r, &t);
    sp_policy_free(p);
    batch_reader_close(&r);

    if (t.write_failed)
        return EXIT_INTERNAL; /* emit said why */
    if (rr == READ_OOM || t.oom)
        return out_of_memory();
    if (rr == READ_ERROR) {
        say("cannot read the batch file '%s' after line %zu: %s", r.name, r.line, strerror(r.err));
        return EXIT_INPUT;
    }
    return t.failed ? EXIT_BATCH : EXIT_DONE;
}

/* ---- commands ---- */

static int cmd_eval(args *a)
{
    const char *council = NULL, *policy = NULL, *file = NULL, *batch = NULL, *jobs_text = NULL;
    const char *sources = NULL, *out_dir = NULL;
    sp_eval_options opt = { .format = SP_FORMAT_JSON, .trace = false };
    bool format_given = false;
    const char *text, *value;
    char name[64];
    arg_kind k;
    while ((k = next_arg(a, &text, name, sizeof name, &value)) != ARG_END) {
        if (k == ARG_OPERAND) {
            if (file)
                return usage("eval takes one case FILE; '%s' is a second one", text);
            file = text;
            continue;
        }
        if (is_help(name))
            return print_usage();
        const char **slot = NULL;
        if (strcmp(name, "--council") == 0)
            slot = &council;
        else if (strcmp(name, "--policy") == 0)
            slot = &policy;
        else if (strcmp(name, "--batch") == 0)
            slot = &batch;
        else if (strcmp(name, "--jobs") == 0)
            slot = &jobs_text;
        else if (strcmp(name, "--sources") == 0)
            slot = &sources;
        else if (strcmp(name, "--out") == 0)
            slot = &out_dir;
        if (slot) {
            if (*slot)
                return usage("option '%s' is given twice", name);
            if (!(*slot = option_value(a, name, value)))
                return EXIT_USAGE;
        } else if (strcmp(name, "--format") == 0) {
            const char *f = option_value(a, name, value);
            if (!f)
                return EXIT_USAGE;
            if (strcmp(f, "json") == 0)
                opt.format = SP_FORMAT_JSON;
            else if (strcmp(f, "text") == 0)
                opt.format = SP_FORMAT_TEXT;
            else if (strcmp(f, "html") == 0)
                opt.format = SP_FORMAT_HTML;
            else
                return usage("unknown format '%s' (use json, text or html)", f);
            format_given = true;
        } else if (strcmp(name, "--trace") == 0) {
            if (value)
                return usage("option '--trace' takes no value");
            opt.trace = true;
        } else if (strcmp(name, "--receipt") == 0) {
            if (value)
                return usage("option '--receipt' takes no value");
            opt.receipt = true;
        } else if (strcmp(name, "--partial") == 0) {
            if (value)
                return usage("option '--partial' takes no value");
            opt.partial = true;
        } else {
            return usage("unknown option '%s' for eval", text);
        }
    }
    if (council && policy)
        return usage("eval takes --council NAME or --policy PATH, not both");
    if (!council && !policy)
        return usage("eval needs --council NAME or --policy PATH");
    if (file && batch)
        return usage("eval takes a case FILE or --batch FILE, not both");
    if (!file && !batch)
        return usage("eval needs a case FILE ('-' for standard input) or --batch FILE");
    if (jobs_text && !batch)
        return usage("--jobs works only with --batch");
    if (batch && format_given && opt.format == SP_FORMAT_TEXT)
        return usage("--batch writes JSON Lines; --format text works only with one case");
    if (opt.receipt && opt.format != SP_FORMAT_JSON)
        return usage("--receipt works only with --format json");
    if (opt.receipt && opt.partial)
        return usage("--receipt replays a decided case: it does not combine with --partial");
    if (sources && opt.format != SP_FORMAT_HTML)
        return usage("--sources works only with --format html");
    if (out_dir && !(batch && opt.format == SP_FORMAT_HTML))
        return usage("--out works only with --batch FILE --format html (one case's page goes "
                     "to standard output)");
    if (batch && opt.format == SP_FORMAT_HTML && !out_dir)
        return usage("--batch with --format html needs --out DIR, the folder for the pages");
    if (opt.partial && opt.format == SP_FORMAT_HTML)
        return usage("--partial works with --format json or text");
    size_t jobs = 1;
    if (jobs_text) {
        char *end;
        errno = 0;
        unsigned long n = strtoul(jobs_text, &end, 10);
        if (!isdigit((unsigned char)jobs_text[0]) || *end || errno || n < 1 || n > MAX_JOBS)
            return usage("--jobs takes a whole number from 1 to %d, not '%s'", MAX_JOBS, jobs_text);
        jobs = n;
    }

    int status = EXIT_DONE;
    char *dir = policy_folder(council, policy, &status);
    if (!dir)
        return status;
    if (batch && opt.format == SP_FORMAT_HTML)
        status = eval_batch_html(dir, batch, &opt, sources, out_dir);
    else
        status = batch ? eval_batch(dir, batch, &opt, jobs) : eval_one(dir, file, &opt, sources);
    free(dir);
    return status;
}

/* path_operands found --help: show the usage, exit 0. */
#define WANTS_HELP (-1)

/* Reads the operands of check or test into paths (and --verbose when verbose
** is given). Returns EXIT_DONE, WANTS_HELP or an exit status. */
static int path_operands(args *a, const char *cmd, strlist *paths, bool *verbose, bool *coverage)
{
    const char *text, *value;
    char name[64];
    arg_kind k;
    while ((k = next_arg(a, &text, name, sizeof name, &value)) != ARG_END) {
        if (k == ARG_OPERAND) {
            if (!strlist_add(paths, strdup(text)))
                return out_of_memory();
        } else if (is_help(name)) {
            return WANTS_HELP;
        } else if (verbose && (strcmp(name, "--verbose") == 0 || strcmp(name, "-v") == 0)) {
            if (value)
                return usage("option '--verbose' takes no value");
            *verbose = true;
        } else if (coverage && strcmp(name, "--coverage") == 0) {
            if (value)
                return usage("option '--coverage' takes no value");
            *coverage = true;
        } else {
            return usage("unknown option '%s' for %s", text, cmd);
        }
    }
    return EXIT_DONE;
}

/* Gathers the policies named by the operands of check or test. */
static int gather(const strlist *paths, strlist *policies)
{
    for (size_t i = 0; i < paths->n; i++)
        if (!policies_of(paths->items[i], policies))
            return out_of_memory();
    return EXIT_DONE;
}

static int cmd_check(args *a)
{
    strlist paths = { 0 }, policies = { 0 };
    int status = path_operands(a, "check", &paths, NULL, NULL);
    if (status == EXIT_DONE && !paths.n)
        status = usage("check needs a PATH: a policy folder, or a folder of them");
    if (status == EXIT_DONE)
        status = gather(&paths, &policies);
    for (size_t i = 0; status != EXIT_INTERNAL && status != WANTS_HELP && i < policies.n; i++) {
        int st = EXIT_DONE;
        sp_policy *p = load_policy(policies.items[i], &st);
        if (p)
            sp_policy_free(p);
        else
            status = st;
    }
    if (status == EXIT_DONE)
        emitf("%zu %s checked: no errors\n", policies.n, policies.n == 1 ? "policy" : "policies");
    strlist_free(&paths);
    strlist_free(&policies);
    return status == WANTS_HELP ? print_usage() : status;
}

static int cmd_test(args *a)
{
    strlist paths = { 0 }, policies = { 0 };
    bool verbose = false, coverage = false;
    int status = path_operands(a, "test", &paths, &verbose, &coverage);
    if (status == EXIT_DONE && !paths.n) {
        /* The rules folder: the first of the search path that exists. */
        const char *search[3];
        size_t n_search = search_path(search);
        for (size_t i = 0; i < n_search && !paths.n; i++)
            if (is_dir(search[i]) && !strlist_add(&paths, strdup(search[i])))
                status = out_of_memory();
        if (status == EXIT_DONE && !paths.n) {
            say("no rules folder found: set STAYPUT_RULES, run where rules/ is, "
                "or name the policy folders");
            status = EXIT_RULES;
        }
    }
    if (status == EXIT_DONE)
        status = gather(&paths, &policies);
    if (status != EXIT_DONE) {
        strlist_free(&paths);
        strlist_free(&policies);
        return status == WANTS_HELP ? print_usage() : status;
    }
    size_t passed = 0, failed = 0;
    bool load_failed = false, oom = false;
    sp_buf report;
    sp_buf_init(&report);
    for (size_t i = 0; !oom && i < policies.n; i++) {
        int st = EXIT_DONE;
        sp_policy *p = load_policy(policies.items[i], &st);
        if (!p) {
            load_failed = true;
            oom = st == EXIT_INTERNAL;
            continue;
        }
        size_t was_passed = passed, was_failed = failed;
        sp_buf_clear(&report);
        sp_coverage *cov = coverage ? sp_coverage_new(p) : NULL;
        if ((coverage && !cov) ||
            sp_policy_run_examples(p, verbose, &report, &passed, &failed, cov) != SP_OK || report.oom) {
            oom = true;
        } else {
            if (cov)
                sp_coverage_report(cov, &report);
            oom = report.oom;
            emit(report.data, report.len);
            emitf("%s: %zu passed, %zu failed\n", sp_policy_name(p), passed - was_passed,
                  failed - was_failed);
        }
        sp_coverage_free(cov);
        sp_policy_free(p);
    }
    sp_buf_fini(&report);
    strlist_free(&paths);
    strlist_free(&policies);
    if (oom)
        return out_of_memory();
    emitf("%zu passed, %zu failed\n", passed, failed);
    if (load_failed)
        return EXIT_RULES;
    return failed ? EXIT_NEGATIVE : EXIT_DONE;
}

static int cmd_clauses(args *a)
{
    const char *text, *value, *path = NULL;
    char name[64];
    bool json = false;
    arg_kind k;
    while ((k = next_arg(a, &text, name, sizeof name, &value)) != ARG_END) {
        if (k == ARG_OPERAND) {
            if (path)
                return usage("clauses takes one PATH, a policy folder");
            path = text;
        } else if (is_help(name)) {
            return print_usage();
        } else if (strcmp(name, "--format") == 0) {
            const char *v = option_value(a, name, value);
            if (!v)
                return usage("option '--format' needs a value");
            if (strcmp(v, "json") != 0 && strcmp(v, "text") != 0)
                return usage("unknown format '%s' for clauses (json or text)", v);
            json = strcmp(v, "json") == 0;
        } else {
            return usage("unknown option '%s' for clauses", text);
        }
    }
    if (!path)
        return usage("clauses needs a PATH: a policy folder");
    int status = EXIT_DONE;
    sp_policy *p = load_policy(path, &status);
    if (!p)
        return status;
    sp_coverage *cov = sp_coverage_new(p);
    sp_buf out, report;
    sp_buf_init(&out);
    sp_buf_init(&report);
    size_t passed = 0, failed = 0;
    bool ok = cov && sp_policy_run_examples(p, false, &report, &passed, &failed, cov) == SP_OK &&
              sp_clauses_report(cov, json, &out);
    if (ok)
        emit(out.data, out.len);
    sp_buf_fini(&out);
    sp_buf_fini(&report);
    sp_coverage_free(cov);
    sp_policy_free(p);
    return ok ? EXIT_DONE : out_of_memory();
}

static int run(int argc, char **argv)
{
    if (argc < 2)
        return usage("no command given");
    const char *cmd = argv[1];
    args a = { .argc = argc, .argv = argv, .i = 2 };
    if (strcmp(cmd, "eval") == 0)
        return cmd_eval(&a);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(&a);
    if (strcmp(cmd, "test") == 0)
        return cmd_test(&a);
    if (strcmp(cmd, "clauses") == 0)
        return cmd_clauses(&a);
    if (strcmp(cmd, "verify") == 0)
        return cmd_verify(&a);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(&a);
    if (strcmp(cmd, "fmt") == 0)
        return cmd_fmt(&a);
    if (strcmp(cmd, "help") == 0 || is_help(cmd))
        return print_usage();
    if (strcmp(cmd, "--version") == 0) {
        emit("stayput " STAYPUT_VERSION "\n", strlen("stayput " STAYPUT_VERSION "\n"));
        return EXIT_DONE;
    }
    if (cmd[0] == '-')
        return usage("unknown option '%s'", cmd);
    return usage("unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    /* A closed pipe is a failed write (exit 6), not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    int status = run(argc, argv);
    if (ferror(stdout))
        return EXIT_INTERNAL; /* emit said why */
    if (fflush(stdout) != 0) {
        if (errno != EPIPE) /* the reader left: nothing to tell it */
            say("cannot write the output: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    return status;
}
