/*
** Fuzz target: arbitrary bytes as a case, decided against each bundled
** policy as JSON, as text and as an HTML report, with the derivation
** (--trace) and without, and as JSON with --partial. A decision in JSON must
** be one line of valid JSON; a report must be markup of our own, whatever the
** case holds; a case not decided must say why; the fast case reader and the
** JSON tree must agree to the byte.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "eval.h"
#include "facts.h"
#include "fuzz_common.h"

#include "../unit/facts_both_ways.inc"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_bundled_engines();
    return 0;
}

static const sp_eval_options options[] = {
    { .format = SP_FORMAT_JSON, .trace = true },
    { .format = SP_FORMAT_TEXT, .trace = true },
    { .format = SP_FORMAT_JSON, .trace = false },
    { .format = SP_FORMAT_JSON, .trace = true, .partial = true },
    { .format = SP_FORMAT_HTML, .trace = true },
};

/* No markup from the case gets into a report: every tag of the page is one of
** our own, so none is an element or has an attribute a page never has of its
** own (a script, an image, a frame, an event handler, a javascript: URL), and
** the page is valid UTF-8. Text may say anything: "javascript:" in a case's
** reference is shown, escaped, not run. */
static void assert_inert_html(const sp_buf *out)
{
    static const char *const never_element[] = { "script", "img", "iframe", "object", "svg", "embed" };
    if (out->oom)
        return;
    for (size_t k = 0; k < out->len; k++) {
        if (out->data[k] != '<')
            continue;
        const char *end = memchr(out->data + k, '>', out->len - k);
        if (!end)
            abort(); /* a '<' of the case's, not escaped */
        size_t n = (size_t)(end - (out->data + k));
        const char *tag = out->data + k + 1;
        if (tag[0] == '/') {
            tag++;
            n--;
        }
        for (size_t i = 0; i < sizeof never_element / sizeof *never_element; i++) {
            size_t m = strlen(never_element[i]);
            if (n > m && strncasecmp(tag, never_element[i], m) == 0 &&
                (tag[m] == '>' || tag[m] == ' ' || tag[m] == '/'))
                abort();
        }
        for (size_t i = 0; i + 3 < n; i++) {
            if (i + 11 <= n && strncasecmp(tag + i, "javascript:", 11) == 0)
                abort();
            if ((tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n') && (tag[i + 1] | 0x20) == 'o' &&
                (tag[i + 2] | 0x20) == 'n') {
                size_t j = i + 3;
                while (j < n && ((tag[j] | 0x20) >= 'a' && (tag[j] | 0x20) <= 'z'))
                    j++;
                if (j > i + 3 && j < n && tag[j] == '=')
                    abort(); /* an event attribute: onload=, onerror=, ... */
            }
        }
        k += n;
    }
    const unsigned char *s = (const unsigned char *)out->data;
    for (size_t k = 0; k < out->len;) {
        size_t len = s[k] < 0x80 ? 1 : s[k] >= 0xF0 ? 4 : s[k] >= 0xE0 ? 3 : s[k] >= 0xC2 ? 2 : 0;
        if (!len || k + len > out->len)
            abort();
        for (size_t j = 1; j < len; j++)
            if ((s[k + j] & 0xC0) != 0x80)
                abort();
        k += len;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sp_buf out;
    sp_buf_init(&out);
    for (size_t i = 0; i < fuzz_n_policies; i++)
        for (size_t k = 0; k < sizeof options / sizeof *options; k++) {
            sp_case_error err;
            sp_buf_clear(&out);
            sp_status st = sp_engine_eval(fuzz_engines[i], (const char *)data, size, &options[k], &out,
                                          &err);
            if (st == SP_OK && options[k].format == SP_FORMAT_JSON)
                fuzz_assert_json_line(&out, 0);
            if (st == SP_OK && options[k].format == SP_FORMAT_HTML)
                assert_inert_html(&out);
            if (st != SP_OK && (!err.code || !err.message[0] || out.len))
                abort(); /* an error has a code and a message, and no output */
            if (st == SP_OK && k == 0 && !out.oom) {
                /* The engine's arena is reset between cases: the same case
                ** again decides the same. */
                sp_buf again;
                sp_buf_init(&again);
                if (sp_engine_eval(fuzz_engines[i], (const char *)data, size, &options[k], &again,
                                   &err) != SP_OK ||
                    again.len != out.len || memcmp(again.data, out.data, out.len) != 0)
                    abort();
                sp_buf_fini(&again);
            }
        }
    /* The case read the fast way when it can (sp_facts_read_fast) and always
    ** through the JSON tree: the same decision, or the same error. */
    for (size_t i = 0; i < fuzz_n_policies; i++)
        for (int partial = 0; partial < 2; partial++) {
            sp_eval_options o = { .format = SP_FORMAT_JSON, .partial = partial };
            sp_buf slow;
            sp_case_error err, serr;
            memset(&err, 0, sizeof err);
            memset(&serr, 0, sizeof serr);
            sp_buf_init(&slow);
            sp_buf_clear(&out);
            sp_status st = sp_engine_eval(fuzz_engines[i], (const char *)data, size, &o, &out, &err);
            fuzz_engines[i]->slow_read = true;
            sp_status sst = sp_engine_eval(fuzz_engines[i], (const char *)data, size, &o, &slow, &serr);
            fuzz_engines[i]->slow_read = false;
            if (st != sst || out.len != slow.len || (out.len && memcmp(out.data, slow.data, out.len) != 0) ||
                err.has_case_id != serr.has_case_id ||
                (err.has_case_id && strcmp(err.case_id, serr.case_id) != 0))
                abort();
            if (st != SP_OK && (strcmp(err.code, serr.code) != 0 || strcmp(err.message, serr.message) != 0 ||
                                strcmp(err.path, serr.path) != 0))
                abort();
            sp_buf_fini(&slow);
            /* and to the same values, money to its exact fraction */
            if (facts_both_ways(fuzz_engines[i]->p, (const char *)data, size, partial) == 0)
                abort();
        }
    sp_buf_fini(&out);
    return 0;
}
