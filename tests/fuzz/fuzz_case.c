/*
** Fuzz target: arbitrary bytes as a case, decided against each bundled
** policy as JSON and as text, with the derivation (--trace) and without,
** and with --partial.
** A decision in JSON must be one line of valid JSON; a case not decided
** must say why.
*/
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

static const sp_eval_options options[] = {
    { .format = SP_FORMAT_JSON, .trace = true },
    { .format = SP_FORMAT_TEXT, .trace = true },
    { .format = SP_FORMAT_JSON, .trace = false },
    { .format = SP_FORMAT_JSON, .trace = true, .partial = true },
};

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
