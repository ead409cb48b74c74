/*
** stayput: the library's public interface. The CLI (main.c) uses only this.
** A policy is loaded and checked once; an engine evaluates cases against it
** (one engine per thread), rendering each decision into a buffer.
*/
#ifndef STAYPUT_H
#define STAYPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "num.h"

typedef struct sp_policy sp_policy;
typedef struct sp_engine sp_engine;
typedef struct sp_sources sp_sources;

/* Outcome of loading or evaluating; the values are the CLI's exit codes. */
typedef enum sp_status {
    SP_OK = 0,
    SP_ERR_INPUT = 3,   /* bad case input */
    SP_ERR_RULES = 4,   /* rule-file errors, or a rule that failed on a case */
    SP_ERR_OOM = 6      /* out of memory */
} sp_status;

typedef enum sp_format { SP_FORMAT_JSON, SP_FORMAT_TEXT, SP_FORMAT_HTML } sp_format;

typedef struct sp_eval_options {
    sp_format format;
    bool trace;         /* add the whole derivation */
    bool receipt;       /* JSON: add the facts as read, the digest, the engine */
    bool partial;       /* a missing required fact leaves what needs it undetermined */
    const sp_sources *sources; /* HTML: quote each cited clause from these texts; NULL: cite only */
} sp_eval_options;

/* The largest case read, as a file or as a line of a batch: a thousand times
** any policy's facts, small enough that a hostile input cannot exhaust memory. */
#define SP_MAX_CASE_BYTES (1 << 20)

/* The largest rule file read (check, eval, fmt ...): far beyond any policy,
** small enough that offsets and line tables stay cheap. */
#define SP_MAX_RULE_FILE (16 << 20)

/* The largest receipt verify reads: a decision with --trace and the facts as
** read is larger than its case, but not sixteen times a case's limit. */
#define SP_MAX_RECEIPT_BYTES (16 << 20)

/* Why a case was not decided. */
typedef struct sp_case_error {
    const char *code;   /* stable code listed in docs/errors.md, e.g. "unknown_key" */
    char message[512];  /* one line for people */
    char path[256];     /* the key's dotted path, "" when none */
    char case_id[256];  /* the case's reference when it could be read, else "" */
    bool has_case_id;
} sp_case_error;

/* Finds the folder of a council: the first SEARCH[i]/NAME that is a folder.
** Returns a heap string the caller frees, or NULL. */
char *sp_policy_find(const char *name, const char *const *search, size_t n_search);

/* Loads the policy in folder `dir` (and the policies it extends, found beside
** it first, then on the search path) and checks it. On failure returns NULL
** and reports into diags; *oom tells an allocation failure apart. Caller
** frees with sp_policy_free. */
sp_policy *sp_policy_load(const char *dir, const char *const *search,
                          size_t n_search, sp_diags *diags, bool *oom);
/* As sp_policy_load, but the policy's one rule file, named `file`, is the
** `len` bytes of `text` (copied) instead of the *.sp files of `dir`: for the
** fuzzers and tests, without a file system. `dir` names the policy in
** diagnostics, and the policies it extends are looked for beside it first. */
sp_policy *sp_policy_load_text(const char *dir, const char *file, const char *text, size_t len,
                               const char *const *search, size_t n_search, sp_diags *diags,
                               bool *oom);
void sp_policy_free(sp_policy *p);
const char *sp_policy_name(const sp_policy *p);
/* The version the policy declares ("" when none); policy-owned. */
const char *sp_policy_version(const sp_policy *p);

/* An evaluator with its own per-case arena. NULL when out of memory. */
sp_engine *sp_engine_new(const sp_policy *p);
void sp_engine_free(sp_engine *e);

/* Evaluates one case given as JSON text and appends the rendered decision to
** out (JSON: one line and a newline; text: several lines; HTML: a whole page).
** On failure appends nothing and fills err; on success err->case_id holds
** the case's reference when it is text (for naming files). */
sp_status sp_engine_eval(sp_engine *e, const char *json, size_t len,
                         const sp_eval_options *opt, sp_buf *out,
                         sp_case_error *err);

/* SP_OK for a case of len bytes that is not too large, else SP_ERR_INPUT with
** err filled ("too_large"); sp_engine_eval checks this first. */
sp_status sp_case_check_size(size_t len, sp_case_error *err);

/* One output of a decision, for comparing decisions (stayput diff). */
typedef struct sp_output_value {
    const char *name;   /* the output's name; policy-owned */
    bool is_money;      /* declared as money (or money or null) */
    bool is_null;
    const char *json;   /* the value as the decision's JSON writes it: "12.50" with
                           its quotes, true, null, [...]; engine-owned, valid until
                           the engine's next case */
    sp_num amount;      /* money: the exact amount (0 when null) */
} sp_output_value;

/* The outputs the policy declares (those of the policies it extends
** included), in the decision's order: how many, each one's name
** (policy-owned), and whether it is money. */
size_t sp_policy_output_count(const sp_policy *p);
const char *sp_policy_output_name(const sp_policy *p, size_t i);
bool sp_policy_output_is_money(const sp_policy *p, size_t i);

/* Evaluates one case as sp_engine_eval does, but gives each output's value
** instead of a rendered decision: values[i] for output i (the caller's array
** of sp_policy_output_count entries), and *case_id the case's reference as
** JSON (a string, or null; engine-owned like the values). On failure fills
** err as sp_engine_eval does. */
sp_status sp_engine_eval_values(sp_engine *e, const char *json, size_t len,
                                sp_output_value *values, const char **case_id,
                                sp_case_error *err);

/* Appends the JSON error record of a batch line:
** {"line": N, "case_id": ..., "error": {"code": ..., "message": ..., "path": ...}} */
void sp_render_batch_error(sp_buf *out, size_t line, const sp_case_error *err);

/* A receipt: the JSON output of eval --receipt, read back for verify. */
typedef struct sp_receipt sp_receipt;

/* Reads a receipt. NULL with err filled (code, message, the key's path) when
** the text is not one; err->code is "out_of_memory" when out of memory.
** Caller frees with sp_receipt_free. */
sp_receipt *sp_receipt_read(const char *json, size_t len, sp_case_error *err);
void sp_receipt_free(sp_receipt *r);
/* The council the receipt names; receipt-owned. */
const char *sp_receipt_council(const sp_receipt *r);
/* Whether the receipt was made with a policy of p's digest. */
bool sp_receipt_same_digest(const sp_receipt *r, const sp_policy *p);
/* Evaluates the receipt's facts again with e (an engine of the policy to
** check against) and compares the decision and the reasons, output by output
** (a rule's source by its policy's name, file name and line), and the
** receipt's case_id and policy.digest with what its facts and its
** receipt.digest say. Appends the report to out (text for people, control
** characters escaped, or one JSON line) and sets *holds when nothing
** differs; facts this policy no longer reads are reported as a difference.
** On failure (a rule fails on the case, out of memory) appends nothing and
** returns the status with err filled. */
sp_status sp_receipt_verify(sp_engine *e, const sp_receipt *r, bool json, sp_buf *out, bool *holds,
                            sp_case_error *err);
/* ---- decision reports (HTML) ---- */

/* Reads from folder `dir` the text of each document that policy p's rules
** cite (found by its short name in a table of the folder's README.md, else
** as NAME.txt), and finds in it the passage each citation names. A document
** without a text is no error: sp_sources_missing names it, and its citations
** show unquoted. NULL on failure, with *st SP_ERR_INPUT (dir is no folder)
** or SP_ERR_OOM and why[] saying so. Caller frees with sp_sources_free,
** after every engine that used it. */
sp_sources *sp_sources_load(const char *dir, const sp_policy *p, char *why, size_t why_size,
                            sp_status *st);
void sp_sources_free(sp_sources *s);
/* The i-th cited document (from 0) the folder holds no text of, or NULL. */
const char *sp_sources_missing(const sp_sources *s, size_t i);

/* The index page of a batch of HTML reports: sp_render_html_index_begin
** (the page head, the policy, the counts), then a row per line of the batch
** in order, then sp_render_html_index_end. A case row describes the case
** sp_engine_eval last decided with e, linking to href (a relative URL). */
void sp_render_html_index_begin(const sp_policy *p, size_t decided, size_t failed, sp_buf *out);
void sp_render_html_index_case(const sp_engine *e, size_t line, const char *href, sp_buf *out);
void sp_render_html_index_error(size_t line, const sp_case_error *err, sp_buf *out);
void sp_render_html_index_end(sp_buf *out);
/* The reference of the case sp_engine_eval last decided with e, as its page
** and the index show it (appends nothing when the policy names no reference
** or the case has none). */
void sp_render_html_case_id(const sp_engine *e, sp_buf *out);

/* What a policy's examples used: which rules and branches, by which example. */
typedef struct sp_coverage sp_coverage;

/* Runs the policy's examples, appending a line per failure (and per pass when
** verbose) to report. Adds to *passed and *failed. When cov is not NULL (from
** sp_coverage_new for the same policy), records what each example used. */
sp_status sp_policy_run_examples(const sp_policy *p, bool verbose, sp_buf *report,
                                 size_t *passed, size_t *failed, sp_coverage *cov);

/* NULL when out of memory; caller frees with sp_coverage_free. */
sp_coverage *sp_coverage_new(const sp_policy *p);
void sp_coverage_free(sp_coverage *c);
/* Appends each rule of the policy (its own folder, not those it extends) and
** each branch of a case analysis that no example used, with file and line,
** then a summary line. */
void sp_coverage_report(const sp_coverage *c, sp_buf *out);
/* Appends each clause the policy cites, the rules citing it, and the examples
** that used those rules; as text, or as one JSON object. False when out of
** memory. */
bool sp_clauses_report(const sp_coverage *c, bool json, sp_buf *out);

#endif
