/*
** Fuzz target: arbitrary bytes as a batch (JSON Lines), split and decided
** as `stayput eval --batch` does: lines end at '\n', blank lines (white
** space only) are skipped, every other line gives exactly one JSON line out,
** a decision or an error record. One engine decides all the lines, as in
** the CLI; the policy is one of the bundled ones, chosen by the input's
** length (fuzz_case tries every policy on every case; here the lines are
** what matters, and one policy keeps the target fast).
*/
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_bundled_engines();
    return 0;
}

/* As main.c's blank(). */
static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

static size_t count_newlines(const sp_buf *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->len; i++)
        n += b->data[i] == '\n';
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const sp_eval_options opt = { .format = SP_FORMAT_JSON, .trace = false };
    const char *text = (const char *)data;
    {
        size_t i = size % fuzz_n_policies;
        sp_buf out;
        sp_buf_init(&out);
        size_t lines = 0, cases = 0;
        for (size_t at = 0; at < size;) {
            const char *nl = memchr(text + at, '\n', size - at);
            size_t n = nl ? (size_t)(nl - (text + at)) : size - at;
            lines++;
            if (!blank(text + at, n)) {
                cases++;
                /* Each line in a block of its own size, so that reading past
                ** its end is caught. */
                char *line = malloc(n ? n : 1);
                if (!line)
                    abort();
                memcpy(line, text + at, n);
                size_t before = out.len;
                sp_case_error err;
                sp_status st = sp_engine_eval(fuzz_engines[i], line, n, &opt, &out, &err);
                if (st != SP_OK)
                    sp_render_batch_error(&out, lines, &err);
                if (!out.oom)
                    fuzz_assert_json_line(&out, before);
                free(line);
            }
            at += n + (nl != NULL);
        }
        if (!out.oom && count_newlines(&out) != cases) {
            fprintf(stderr, "fuzz: %zu cases gave %zu output lines\n", cases,
                    count_newlines(&out));
            abort();
        }
        sp_buf_fini(&out);
    }
    return 0;
}
