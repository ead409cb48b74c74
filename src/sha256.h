/*
** SHA-256 (FIPS 180-4), for the policy digest.
*/
#ifndef SP_SHA256_H
#define SP_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sp_sha256 {
    uint32_t h[8];        /* chaining state */
    uint64_t total;       /* bytes hashed so far */
    unsigned char buf[64]; /* partial block */
    size_t fill;          /* bytes in buf */
} sp_sha256;

void sp_sha256_init(sp_sha256 *s);
void sp_sha256_update(sp_sha256 *s, const void *data, size_t len);
void sp_sha256_final(sp_sha256 *s, unsigned char out[32]);
/* Lower-case hex of a digest: 64 characters and a NUL. */
void sp_sha256_hex(const unsigned char digest[32], char out[65]);

#endif
