/*
** Fuzz target: arbitrary bytes as a rule file, through the formatter. What
** it formats, it formats the same way again (idempotence); a refusal to write
** (a file that does not read, or whose layout would not read back the same)
** leaves the output empty.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sp_buf once, twice;
    sp_buf_init(&once);
    sp_buf_init(&twice);
    sp_diags d;
    sp_diags_init(&d);
    sp_fmt_status st = sp_fmt_text("fuzzed.sp", (const char *)data, size, &once, &d, NULL);
    if (st != SP_FMT_OK && once.len)
        abort(); /* nothing is written when a file is refused */
    if (st == SP_FMT_ERRORS && !d.count && !d.oom)
        abort(); /* a refusal for errors says which */
    if (st == SP_FMT_OK) {
        sp_diags_fini(&d);
        sp_diags_init(&d);
        st = sp_fmt_text("fuzzed.sp", once.data ? once.data : "", once.len, &twice, &d, NULL);
        if (st != SP_FMT_OK && st != SP_FMT_OOM)
            abort(); /* the canonical layout reads back */
        if (st == SP_FMT_OK &&
            (once.len != twice.len || memcmp(once.data ? once.data : "", twice.data ? twice.data : "", once.len) != 0))
            abort(); /* formatting is idempotent */
    }
    sp_diags_fini(&d);
    sp_buf_fini(&twice);
    sp_buf_fini(&once);
    return 0;
}
