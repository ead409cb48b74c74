/*
** Unit tests for sha256.c: FIPS 180-4 / NIST example vectors, padding
** boundaries, and independence from how the input is chunked.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sha256.h"

static void hex_of(const void *data, size_t len, char out[65])
{
    sp_sha256 s;
    unsigned char d[32];
    sp_sha256_init(&s);
    sp_sha256_update(&s, data, len);
    sp_sha256_final(&s, d);
    sp_sha256_hex(d, out);
}

static void expect(const char *msg, const char *want)
{
    char got[65];
    hex_of(msg, strlen(msg), got);
    assert_string_equal(got, want);
}

static void test_sha256_empty(void **state)
{
    (void)state;
    expect("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_sha256_empty_update_with_null(void **state)
{
    (void)state;
    sp_sha256 s;
    unsigned char d[32];
    char got[65];
    sp_sha256_init(&s);
    sp_sha256_update(&s, NULL, 0);
    sp_sha256_final(&s, d);
    sp_sha256_hex(d, got);
    assert_string_equal(got, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_sha256_abc(void **state)
{
    (void)state;
    expect("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_sha256_448_bit_vector(void **state)
{
    (void)state;
    expect("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
           "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_sha256_896_bit_vector(void **state)
{
    (void)state;
    expect("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
           "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
           "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_sha256_million_a_odd_chunks(void **state)
{
    (void)state;
    static char a[1000000];
    memset(a, 'a', sizeof a);
    /* Chunk sizes that straddle block boundaries in every way. */
    static const size_t sizes[] = { 1, 7, 63, 64, 65, 127, 3, 1000, 13 };
    sp_sha256 s;
    unsigned char d[32];
    char got[65];
    sp_sha256_init(&s);
    size_t off = 0;
    for (size_t i = 0; off < sizeof a; i = (i + 1) % (sizeof sizes / sizeof sizes[0])) {
        size_t n = sizes[i] < sizeof a - off ? sizes[i] : sizeof a - off;
        sp_sha256_update(&s, a + off, n);
        off += n;
    }
    sp_sha256_final(&s, d);
    sp_sha256_hex(d, got);
    assert_string_equal(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_sha256_padding_boundaries(void **state)
{
    (void)state;
    /* Lengths around 56 (where the length no longer fits) and 64; the
    ** digests are those of coreutils sha256sum. */
    static const struct { size_t n; const char *hex; } v[] = {
        { 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
        { 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
        { 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
        { 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
        { 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
        { 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
        { 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
        { 128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e" },
    };
    char a[128], got[65];
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        hex_of(a, v[i].n, got);
        assert_string_equal(got, v[i].hex);
    }
}

static void test_sha256_chunking_is_irrelevant(void **state)
{
    (void)state;
    unsigned char msg[300];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (unsigned char)(i * 31 + 7);
    for (size_t len = 0; len <= sizeof msg; len++) {
        char whole[65], bytes[65];
        hex_of(msg, len, whole);
        sp_sha256 s;
        unsigned char d[32];
        sp_sha256_init(&s);
        for (size_t i = 0; i < len; i++)
            sp_sha256_update(&s, msg + i, 1);
        sp_sha256_final(&s, d);
        sp_sha256_hex(d, bytes);
        assert_string_equal(whole, bytes);
    }
}

static void test_sha256_hex_is_lower_case(void **state)
{
    (void)state;
    unsigned char d[32];
    char out[65];
    for (int i = 0; i < 32; i++)
        d[i] = (unsigned char)(i * 8 + 0x0f);
    sp_sha256_hex(d, out);
    assert_int_equal(strlen(out), 64);
    assert_memory_equal(out, "0f171f272f373f47", 16);
    assert_string_equal(out + 56, "eff7ff07");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_empty),
        cmocka_unit_test(test_sha256_empty_update_with_null),
        cmocka_unit_test(test_sha256_abc),
        cmocka_unit_test(test_sha256_448_bit_vector),
        cmocka_unit_test(test_sha256_896_bit_vector),
        cmocka_unit_test(test_sha256_million_a_odd_chunks),
        cmocka_unit_test(test_sha256_padding_boundaries),
        cmocka_unit_test(test_sha256_chunking_is_irrelevant),
        cmocka_unit_test(test_sha256_hex_is_lower_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
