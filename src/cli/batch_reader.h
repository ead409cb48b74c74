/*
** Reading a batch: JSON Lines from a file or standard input, in large blocks,
** one line at a time, with memory bounded by the size of a case. A line
** longer than SP_MAX_CASE_BYTES is never held: it is skipped to its end and
** given as a line of length LINE_TOO_LONG, so that its place in the batch
** gets an error (too_large) and the batch goes on. eval --batch, diff and the
** HTML batch read through it.
*/
#ifndef STAYPUT_BATCH_READER_H
#define STAYPUT_BATCH_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LINE_TOO_LONG SIZE_MAX /* the length given for a line past SP_MAX_CASE_BYTES */

typedef enum { READ_OK, READ_EOF, READ_ERROR, READ_OOM } read_result;

typedef struct batch_reader {
    FILE *f;
    const char *name; /* as said in messages: the file's, or "standard input" */
    char *buf;       /* buf[start, end) is read and not yet taken */
    size_t start, end, cap;
    bool eof;
    size_t line;     /* lines read so far: the number of the line last given */
    int err;         /* errno of a failed read (READ_ERROR) */
} batch_reader;

/* Opens the batch `file` ('-': standard input). False, after saying why
** ("cannot read the batch file ..."), when it cannot be read or is a folder:
** the command then exits with EXIT_INPUT. */
bool batch_reader_open(batch_reader *r, const char *file);
/* Closes the file (not standard input) and frees the buffer. */
void batch_reader_close(batch_reader *r);

/* The next line, without its newline, in *s and *n: valid until the next
** call. *n is LINE_TOO_LONG for a line past the limit (*s then holds
** nothing). READ_EOF when no line is left; READ_ERROR (r->err) or READ_OOM
** when the input cannot be read on. */
read_result batch_next_line(batch_reader *r, const char **s, size_t *n);

/* Whether s[0, n) is only white space: a blank line, which a batch skips. */
bool blank_line(const char *s, size_t n);

#endif
