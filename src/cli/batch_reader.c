/*
** Reading a batch line by line, in large blocks (batch_reader.h).
*/
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_reader.h"
#include "cli.h"
#include "stayput.h"

#define BLOCK (256 * 1024) /* the input is read in blocks of this size */

bool batch_reader_open(batch_reader *r, const char *file)
{
    memset(r, 0, sizeof *r);
    bool from_stdin = strcmp(file, "-") == 0;
    r->name = from_stdin ? "standard input" : file;
    r->f = from_stdin ? stdin : fopen(file, "rb");
    struct stat st;
    int err = !r->f ? errno : fstat(fileno(r->f), &st) == 0 && S_ISDIR(st.st_mode) ? EISDIR : 0;
    if (err) {
        say("cannot read the batch file '%s': %s", r->name, strerror(err));
        if (r->f && r->f != stdin)
            fclose(r->f);
        r->f = NULL;
        return false;
    }
    return true;
}

void batch_reader_close(batch_reader *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
    free(r->buf);
    r->buf = NULL;
}

bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

/* Reads another block after buf[start, end), moving what is left to the front
** and growing buf up to a line's limit. False at the end of the input or on
** a read error (r->err). */
static bool read_block(batch_reader *r, read_result *rr)
{
    if (r->eof)
        return false;
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->cap - r->end < BLOCK / 2) {
        size_t cap = r->cap ? 2 * r->cap : BLOCK;
        char *buf = realloc(r->buf, cap);
        if (!buf) {
            *rr = READ_OOM;
            return false;
        }
        r->buf = buf;
        r->cap = cap;
    }
    ssize_t got;
    do
        got = read(fileno(r->f), r->buf + r->end, r->cap - r->end);
    while (got < 0 && errno == EINTR);
    if (got <= 0) {
        r->eof = true;
        if (got < 0) {
            r->err = errno;
            *rr = READ_ERROR;
        }
        return false;
    }
    r->end += (size_t)got;
    return true;
}

read_result batch_next_line(batch_reader *r, const char **s, size_t *n)
{
    read_result rr = READ_OK;
    size_t scanned = 0; /* of buf[start, end), bytes known to hold no newline */
    bool skipping = false;
    for (;;) {
        size_t left = r->end - r->start - scanned;
        char *nl = left ? memchr(r->buf + r->start + scanned, '\n', left) : NULL;
        if (nl) {
            r->line++;
            *s = r->buf + r->start;
            *n = skipping ? LINE_TOO_LONG : (size_t)(nl - *s);
            r->start = (size_t)(nl - r->buf) + 1;
            return READ_OK;
        }
        scanned = r->end - r->start;
        if (scanned > SP_MAX_CASE_BYTES) {
            skipping = true;
            r->start = r->end = scanned = 0; /* drop what is held of the line */
        }
        if (!read_block(r, &rr)) {
            if (rr != READ_OK)
                return rr;
            if (!skipping && r->end == r->start)
                return READ_EOF;
            r->line++; /* the last line has no newline */
            *s = r->buf + r->start;
            *n = skipping ? LINE_TOO_LONG : r->end - r->start;
            r->start = r->end;
            return READ_OK;
        }
    }
}
