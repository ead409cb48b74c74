/*
** Fuzz target: arbitrary bytes as a case, decided against each bundled
** policy as JSON, as text and as an HTML report, with the derivation
** (--trace) and without, and as JSON with --partial. A decision in JSON must
** be one line of valid JSON; a report must be markup of our own, whatever the
** case holds; a case not decided must say why.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz_common.h"

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

/* No markup from the case gets into a report: none of the elements or
** attributes a page never has of its own, and the page is valid UTF-8. */
static void assert_inert_html(const sp_buf *out)
{
    static const char *const never[] = { "<script", "<img", "<iframe", "<object", "<svg",
                                         "onerror=", "onload=", "javascript:" };
    if (out->oom)
        return;
    for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
        size_t n = strlen(never[i]);
        for (size_t k = 0; k + n <= out->len; k++)
            if (strncasecmp(out->data + k, never[i], n) == 0)
                abort();
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
    sp_buf_fini(&out);
    return 0;
}
