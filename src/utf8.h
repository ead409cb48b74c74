/*
** UTF-8 well-formedness (RFC 3629).
*/
#ifndef SP_UTF8_H
#define SP_UTF8_H

#include <stddef.h>

/* Length of the well-formed UTF-8 sequence at s[0..n) whose first byte is not
** ASCII, or 0 if it is not one (overlong forms, UTF-16 surrogates and values
** past U+10FFFF are not). */
size_t sp_utf8_len(const unsigned char *s, size_t n);

/* Offset of the first byte at or after `from` that is not part of a
** well-formed UTF-8 character, or len when text[from, len) is all UTF-8. */
size_t sp_utf8_invalid(const char *text, size_t len, size_t from);

#endif
