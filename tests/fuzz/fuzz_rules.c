/*
** Fuzz target: arbitrary bytes as the one rule file of a policy, through
** the scanner, parser and checker, the diagnostics rendered, and, when it
** loads, its examples run and the coverage and clause reports written. The
** policy's folder sits beside the bundled rules, so `extends "england"`
** finds the real base policy.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "stayput.h"

#ifndef STAYPUT_RULES_DIR
#error "STAYPUT_RULES_DIR must name the source tree's rules/ folder"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *search[] = { STAYPUT_RULES_DIR };
    sp_diags diags;
    sp_diags_init(&diags);
    bool oom = false;
    sp_policy *p = sp_policy_load_text(STAYPUT_RULES_DIR "/fuzzed", "policy.sp", (const char *)data,
                                       size, search, 1, &diags, &oom);
    sp_buf out;
    sp_buf_init(&out);
    sp_diags_render(&diags, &out);
    if (!p && !diags.count && !diags.oom)
        abort(); /* a failed load must say why */
    if (p) {
        if (diags.count)
            abort(); /* a loaded policy has no errors */
        size_t passed = 0, failed = 0;
        sp_coverage *cov = sp_coverage_new(p);
        if (cov && sp_policy_run_examples(p, true, &out, &passed, &failed, cov) == SP_OK) {
            sp_coverage_report(cov, &out);
            sp_clauses_report(cov, false, &out);
            sp_clauses_report(cov, true, &out);
        }
        sp_coverage_free(cov);
        sp_policy_free(p);
    }
    sp_buf_fini(&out);
    sp_diags_fini(&diags);
    return 0;
}
