/*
** The command line's common parts, shared by main.c and each cmd_*.c: exit
** statuses, messages, writing standard output, paths, argument scanning and
** loading a policy. The executable's own code; the library never uses it.
*/
#ifndef STAYPUT_CLI_H
#define STAYPUT_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "stayput.h"

/* Exit statuses, the same for every command (contract, section 1). */
enum {
    EXIT_DONE = 0,     /* every case decided */
    EXIT_NEGATIVE = 1, /* an example failed; files differ (fmt --check, verify) */
    EXIT_USAGE = 2,    /* unknown command, flag or council; missing argument */
    EXIT_INPUT = 3,    /* bad case input, or an unreadable case file */
    EXIT_RULES = 4,    /* rule-file errors, or an unreadable rule file */
    EXIT_BATCH = 5,    /* a batch finished, but some lines failed */
    EXIT_INTERNAL = 6  /* out of memory, a failed write */
};

/* ---- messages (standard error, "stayput: " first) ---- */

void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Says what is wrong and how to get help; returns EXIT_USAGE. */
int usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Says "out of memory"; returns EXIT_INTERNAL. */
int out_of_memory(void);
void render_diags(const sp_diags *d);

/* ---- standard output: every write comes here; the first failure is said,
** and main turns ferror(stdout) into EXIT_INTERNAL ---- */

void emit(const char *data, size_t len);
void emitf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- paths ---- */

/* The council search path: $STAYPUT_RULES, ./rules, the installed rules. */
size_t search_path(const char *dirs[3]);
bool is_dir(const char *path);
bool ends_with(const char *s, const char *suffix);
/* Whether folder `dir` holds rule files (*.sp), which makes it a policy folder. */
bool has_rule_files(const char *dir);
/* "DIR/NAME" on the heap, without doubling a trailing slash; NULL when out of memory. */
char *join(const char *dir, const char *name);

/* A list of heap strings, owned by the list. */
typedef struct strlist {
    char **items;
    size_t n, cap;
} strlist;

/* Takes s (freeing it on failure); false when s is NULL or out of memory. */
bool strlist_add(strlist *l, char *s);
void strlist_free(strlist *l);
/* qsort comparison of two char * */
int cmp_str(const void *a, const void *b);
/* Appends the policy folders inside `dir`, by name. False when out of memory. */
bool policy_subfolders(const char *dir, strlist *out);
/* The policies a PATH of `check` or `test` names: itself when it holds rule
** files (or is no folder at all: loading it then says why), else each policy
** folder inside it. False when out of memory. */
bool policies_of(const char *path, strlist *out);

/* ---- arguments ---- */

typedef struct args {
    int argc;
    char **argv;
    int i;              /* next argument */
    bool only_operands; /* after "--" */
} args;

typedef enum { ARG_END, ARG_OPERAND, ARG_OPTION } arg_kind;

/* The next argument. For an option, name receives it without its value and
** *inline_value the text after '=' (or NULL). */
arg_kind next_arg(args *a, const char **text, char *name, size_t name_size,
                  const char **inline_value);
/* The value of option `name`: its inline value or the next argument. NULL,
** after saying so, when it has none. */
const char *option_value(args *a, const char *name, const char *inline_value);
/* "--help" or "-h" */
bool is_help(const char *name);

/* ---- policies ---- */

/* Loads and checks the policy in folder `dir`, rendering its diagnostics on
** failure; *status is then the exit status (EXIT_RULES or EXIT_INTERNAL). */
sp_policy *load_policy(const char *dir, int *status);
/* The names of the councils on the search path, sorted. */
void list_councils(strlist *names);
/* Says that council `name` is unknown and lists the known ones; EXIT_USAGE. */
int unknown_council(const char *name);
/* The folder of council `council` found on the search path, or else `path`
** (exactly one is given), on the heap. NULL, after saying why (an unknown
** council, out of memory), with *status the exit status. */
char *policy_folder(const char *council, const char *path, int *status);

/* ---- commands (each in its own cmd_*.c; main.c dispatches) ---- */

/* Shows the usage text on standard output; returns EXIT_DONE. */
int print_usage(void);
/* stayput diff: the arguments after the command's name; the exit status. */
int cmd_diff(args *a);
/* stayput verify [--policy PATH] [--format text|json] RECEIPT (cmd_verify.c) */
int cmd_verify(args *a);
/* ---- eval --format html (cmd_eval_html.c) ---- */

/* Loads the policy texts of folder `dir` for policy p into *out (NULL, and
** EXIT_DONE, when dir is NULL); notes each cited document it lacks. */
int open_sources(const char *dir, const sp_policy *p, sp_sources **out);
/* eval --batch FILE --format html --out DIR: a page per case, DIR/index.html. */
int eval_batch_html(const char *dir, const char *file, const sp_eval_options *opt,
                    const char *sources_dir, const char *out_dir);

/* ---- commands in their own files ---- */

/* stayput fmt [--check] PATH... (cmd_fmt.c) */
int cmd_fmt(args *a);

#endif
