/*
** stayput verify: decides a receipt's case again, by the council it names or
** a policy given by path, and says whether the decision still holds.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char verify_usage[] =
    "Usage: stayput verify [--policy PATH] [--format text|json] RECEIPT\n"
    "\n"
    "Decides the case of RECEIPT (the output of 'stayput eval --receipt'; '-'\n"
    "reads standard input) again, by the council the receipt names, or by the\n"
    "policy folder PATH, and compares the decision and the reasons output by\n"
    "output. Says whether the policy's digest changed, then each output that\n"
    "differs: what the receipt has, what the policy gives now. Facts the policy\n"
    "no longer reads, and a receipt whose case_id or policy.digest disagree\n"
    "with its facts or its receipt.digest, differ too.\n"
    "\n"
    "Exit status: 0 identical (even when the digest changed), 1 something\n"
    "differs, 2 usage error or unknown council, 3 no receipt (malformed, or\n"
    "larger than 16 MiB), 4 rule-file errors, 6 out of memory.\n";

/* The exit status of a library status, each named (contract, section 1). */
static int exit_status(sp_status st)
{
    switch (st) {
    case SP_OK:
        return EXIT_DONE;
    case SP_ERR_INPUT:
        return EXIT_INPUT;
    case SP_ERR_RULES:
        return EXIT_RULES;
    case SP_ERR_OOM:
        return EXIT_INTERNAL;
    }
    return EXIT_INTERNAL;
}

/* Says why the receipt's case could not be decided; returns the exit status. */
static int case_failed(sp_status st, const sp_case_error *err, bool same_digest)
{
    const char *code = err->code ? err->code : "internal";
    if (err->path[0])
        say("cannot decide the receipt's case again: %s: %s (at receipt.facts.%s)", code,
            err->message, err->path);
    else
        say("cannot decide the receipt's case again: %s: %s", code, err->message);
    if (!same_digest)
        say("note: the policy has changed since the receipt was made (its digest differs)");
    return exit_status(st);
}

static int verify(const char *file, const char *policy, bool json)
{
    sp_buf in;
    sp_buf_init(&in);
    errno = 0;
    if (!sp_buf_read_file_at_most(&in, file, SP_MAX_RECEIPT_BYTES)) {
        int err = errno;
        sp_buf_fini(&in);
        if (err == ENOMEM)
            return out_of_memory();
        if (strcmp(file, "-") == 0)
            say("cannot read the receipt from standard input: %s", strerror(err));
        else
            say("cannot read the receipt file '%s': %s", file, strerror(err));
        return EXIT_INPUT;
    }
    const char *shown = strcmp(file, "-") == 0 ? "standard input" : file;
    if (in.len > SP_MAX_RECEIPT_BYTES) {
        sp_buf_fini(&in);
        say("bad receipt in %s: too_large: the receipt is larger than %d MiB (%d bytes)", shown,
            SP_MAX_RECEIPT_BYTES >> 20, SP_MAX_RECEIPT_BYTES);
        return EXIT_INPUT;
    }
    sp_case_error err;
    sp_receipt *r = sp_receipt_read(in.data, in.len, &err);
    sp_buf_fini(&in);
    if (!r) {
        if (strcmp(err.code, "out_of_memory") == 0)
            return out_of_memory();
        if (err.path[0])
            say("bad receipt in %s: %s: %s (at %s)", shown, err.code, err.message, err.path);
        else
            say("bad receipt in %s: %s: %s", shown, err.code, err.message);
        return EXIT_INPUT;
    }

    int status = EXIT_DONE;
    char *dir = policy_folder(policy ? NULL : sp_receipt_council(r), policy, &status);
    sp_policy *p = dir ? load_policy(dir, &status) : NULL;
    sp_engine *e = p ? sp_engine_new(p) : NULL;
    if (p && !e)
        status = out_of_memory();
    if (e) {
        sp_buf out;
        sp_buf_init(&out);
        bool holds = false;
        sp_status st = sp_receipt_verify(e, r, json, &out, &holds, &err);
        if (st == SP_ERR_OOM) {
            status = out_of_memory();
        } else if (st != SP_OK) {
            status = case_failed(st, &err, sp_receipt_same_digest(r, p));
        } else {
            emit(out.data, out.len);
            status = holds ? EXIT_DONE : EXIT_NEGATIVE;
        }
        sp_buf_fini(&out);
    }
    sp_engine_free(e);
    if (p)
        sp_policy_free(p);
    free(dir);
    sp_receipt_free(r);
    return status;
}

int cmd_verify(args *a)
{
    const char *policy = NULL, *format = NULL, *file = NULL, *text, *value;
    bool json = false;
    char name[64];
    arg_kind k;
    while ((k = next_arg(a, &text, name, sizeof name, &value)) != ARG_END) {
        if (k == ARG_OPERAND) {
            if (file)
                return usage("verify takes one RECEIPT; '%s' is a second one", text);
            file = text;
        } else if (is_help(name)) {
            emit(verify_usage, sizeof verify_usage - 1);
            return EXIT_DONE;
        } else if (strcmp(name, "--policy") == 0) {
            if (policy)
                return usage("option '--policy' is given twice");
            if (!(policy = option_value(a, name, value)))
                return EXIT_USAGE;
        } else if (strcmp(name, "--format") == 0) {
            if (format)
                return usage("option '--format' is given twice");
            const char *f = format = option_value(a, name, value);
            if (!f)
                return EXIT_USAGE;
            if (strcmp(f, "json") != 0 && strcmp(f, "text") != 0)
                return usage("unknown format '%s' for verify (text or json)", f);
            json = strcmp(f, "json") == 0;
        } else {
            return usage("unknown option '%s' for verify", text);
        }
    }
    if (!file)
        return usage("verify needs a RECEIPT: the output of 'stayput eval --receipt' ('-' for "
                     "standard input)");
    return verify(file, policy, json);
}
