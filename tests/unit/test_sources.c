/*
** Quoting policy texts (sources.c): the section a citation names by its
** heading, the passage its detail names, and the folder's documents found by
** the README's table.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "policy.h"
#include "sources.h"
#include "stayput.h"

#ifndef STAYPUT_POLICY_TEXTS
#define STAYPUT_POLICY_TEXTS "/work/shared/policies"
#endif

/* A text laid out as the policy texts are: headings on lines of their own,
** paragraphs, bulleted and numbered lists, a captioned table; typographic
** quotes and no-break spaces as web pages leave them. */
static const char text[] =
    "Demo Policy\n"                                                   /* 1 */
    "\n"
    "1. Introduction\n"                                               /* 3 */
    "\n"
    "The council supports young people until they are 21.\n"         /* 5 */
    "\n"
    "It is the duty of the council:\n"                                /* 7 */
    "\n"
    "  \xE2\x80\xA2 to monitor the arrangement; and\n"                /* 9 */
    "  \xE2\x80\xA2 to give advice and financial support.\n"          /* 10 */
    "\n"
    "2. Payments\n"                                                   /* 12 */
    "\n"
    "Payments are reviewed every year by the panel.\n"               /* 14 */
    "\n"
    "The criteria are as follows:\n"                                  /* 16 */
    "\n"
    "  1. The course must be full time;\n"                            /* 18 */
    "  2. The young person must attend it;\n"                         /* 19 */
    "  3. The panel agrees the rate.\n"                               /* 20 */
    "\n"
    "Caption: weekly rates table\n"                                   /* 22 */
    "\xC2\xA0\xC2\xA0\n"                                              /* 23: no-break spaces only */
    "  Band Rate\n"                                                   /* 24 */
    "Adult 10.00\n"                                                   /* 25 */
    "\n"
    "Where Children Live in the Household\n"                          /* 27 */
    "\n"
    "A carer\xE2\x80\x99s household needs checks.\n"                  /* 29 */
    "\n"
    "Recommendations for services:\n"                                 /* 31 */
    "\n"
    "  \xE2\x80\xA2 We recommend contracts that include the arrangement.\n" /* 33 */
    "\n"
    "3. Ending\n"                                                     /* 35 */
    "\n"
    "The arrangement ends on the 21st birthday.\n";                   /* 37 */

static sp_quote find(const char *cite)
{
    sp_quote q;
    assert_true(sp_sources_find("demo.txt", text, strlen(text), cite, &q));
    assert_string_equal(q.file, "demo.txt");
    return q;
}

/* The text of part i of q. */
static const char *part(const sp_quote *q, size_t i)
{
    static char buf[512];
    assert_true(i < q->n_parts);
    size_t n = q->parts[i].end - q->parts[i].start;
    assert_true(n < sizeof buf);
    memcpy(buf, text + q->parts[i].start, n);
    buf[n] = '\0';
    return buf;
}

static void test_sources_section_by_its_heading(void **state)
{
    (void)state;
    sp_quote q = find("1. Introduction");
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
    assert_int_equal(q.n_parts, 4);
    assert_true(q.parts[0].heading);
    assert_string_equal(part(&q, 0), "1. Introduction");
    assert_string_equal(part(&q, 1), "The council supports young people until they are 21.");
    assert_string_equal(part(&q, 3), "  \xE2\x80\xA2 to monitor the arrangement; and\n"
                                     "  \xE2\x80\xA2 to give advice and financial support.");
    assert_int_equal(q.parts[3].last_line, 10); /* the section stops before "2. Payments" */
    assert_false(q.shortened);
    assert_false(q.parts[1].after_gap);
}

static void test_sources_detail_names_a_paragraph(void **state)
{
    (void)state;
    sp_quote q = find("2. Payments, reviewed every year");
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
    assert_int_equal(q.n_parts, 2);
    assert_string_equal(part(&q, 0), "2. Payments");
    assert_string_equal(part(&q, 1), "Payments are reviewed every year by the panel.");
    assert_int_equal(q.parts[1].first_line, 14);
}

static void test_sources_list_item_with_the_words_before_the_list(void **state)
{
    (void)state;
    sp_quote q = find("1. Introduction, to give advice and financial support");
    assert_int_equal(q.n_parts, 3);
    assert_string_equal(part(&q, 1), "It is the duty of the council:");
    assert_string_equal(part(&q, 2), "  \xE2\x80\xA2 to give advice and financial support.");
    assert_true(q.parts[2].after_gap); /* the first item is left out */
}

static void test_sources_numbered_detail_is_that_item(void **state)
{
    (void)state;
    sp_quote q = find("2. Payments, criterion 2");
    assert_int_equal(q.n_parts, 3);
    assert_string_equal(part(&q, 1), "The criteria are as follows:");
    assert_string_equal(part(&q, 2), "  2. The young person must attend it;");
    assert_int_equal(q.parts[2].first_line, 19);
}

static void test_sources_caption_brings_its_table(void **state)
{
    (void)state;
    sp_quote q = find("2. Payments, weekly rates table, Adult");
    assert_int_equal(q.n_parts, 3);
    assert_string_equal(part(&q, 1), "Caption: weekly rates table");
    assert_string_equal(part(&q, 2), "  Band Rate\nAdult 10.00");
    /* a row of the table alone brings its caption too */
    q = find("2. Payments, Adult 10.00");
    assert_int_equal(q.n_parts, 3);
    assert_string_equal(part(&q, 1), "Caption: weekly rates table");
    assert_string_equal(part(&q, 2), "  Band Rate\nAdult 10.00");
    assert_false(q.detail_missing);
}

static void test_sources_sub_heading_after_the_section(void **state)
{
    (void)state;
    sp_quote q = find("2. Payments, Where Children Live in the Household");
    assert_int_equal(q.n_parts, 4); /* to the next heading: a line ending in ':' is none */
    assert_string_equal(part(&q, 0), "Where Children Live in the Household");
    assert_string_equal(part(&q, 1), "A carer\xE2\x80\x99s household needs checks.");
}

static void test_sources_line_ending_in_a_colon_as_the_section(void **state)
{
    (void)state;
    /* typographic quote in the text, plain one in the citation */
    sp_quote q = find("Recommendations for services, we recommend contracts");
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
    assert_string_equal(part(&q, 0), "Recommendations for services:");
    assert_string_equal(part(&q, 1),
                        "  \xE2\x80\xA2 We recommend contracts that include the arrangement.");
}

static void test_sources_headings_read_loosely(void **state)
{
    (void)state;
    sp_quote q = find("where children   live in the HOUSEHOLD, a carer's household");
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
    assert_int_equal(q.n_parts, 2);
    assert_int_equal(q.parts[1].first_line, 29);
}

static void test_sources_passage_without_its_heading(void **state)
{
    (void)state;
    sp_quote q = find("4. Endings, the arrangement ends on the 21st birthday");
    assert_int_equal(q.kind, SP_QUOTE_PASSAGE);
    assert_int_equal(q.n_parts, 1);
    assert_string_equal(part(&q, 0), "The arrangement ends on the 21st birthday.");
}

static void test_sources_nothing_like_the_citation(void **state)
{
    (void)state;
    sp_quote q = find("9. Appeals, tribunal hearings");
    assert_int_equal(q.kind, SP_QUOTE_NOT_FOUND);
    assert_int_equal(q.n_parts, 0);
}

static void test_sources_unmatched_detail_shows_the_section(void **state)
{
    (void)state;
    sp_quote q = find("3. Ending, zebra crossings");
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
    assert_int_equal(q.n_parts, 2);
    assert_string_equal(part(&q, 1), "The arrangement ends on the 21st birthday.");
    assert_true(q.detail_missing); /* and the page says so */
    assert_false(q.detail_passage);
}

static void test_sources_empty_and_odd_texts(void **state)
{
    (void)state;
    sp_quote q;
    assert_true(sp_sources_find("e.txt", "", 0, "1. Introduction", &q));
    assert_int_equal(q.kind, SP_QUOTE_NOT_FOUND);
    assert_true(sp_sources_find("e.txt", "\n\n\n", 3, "", &q));
    assert_int_equal(q.kind, SP_QUOTE_NOT_FOUND);
    static const char odd[] = "x\r\n\r\n1. A\xff\xfe\r\n\r\n\t\xE2\x80\n";
    assert_true(sp_sources_find("o.txt", odd, sizeof odd - 1, "1. A\xff\xfe, \xE2\x80", &q));
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
}

static void test_sources_missing_detail_warns(void **state)
{
    (void)state;
    /* a numbered detail the section has no item of */
    sp_quote q = find("2. Payments, criterion 9");
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
    assert_true(q.detail_missing);
    assert_int_equal(q.detail_at, strlen("2. Payments, "));
    /* a detail whose number the closest passage does not hold */
    q = find("2. Payments, reviewed every 5 years");
    assert_true(q.detail_missing);
    assert_true(q.detail_passage);
    assert_string_equal(part(&q, 1), "Payments are reviewed every year by the panel.");
    q = find("2. Payments, weekly rates table, Adult 12.00");
    assert_true(q.detail_missing);
    q = find("2. Payments, weekly rates table, Adult 10.00");
    assert_false(q.detail_missing);
    q = find("2. Payments, weekly rates table, Adult 10");
    assert_true(q.detail_missing); /* 10 is not 10.00 as written */
    q = find("2. Payments, weekly rates table, Adult 0.00");
    assert_true(q.detail_missing); /* nor is 0.00 */
    /* a detail of which the passage holds too few words */
    q = find("1. Introduction, to give advice and financial support on housing tenancy deposits");
    assert_true(q.detail_missing);
    assert_true(q.detail_passage);
    /* the detail's words with other endings are its words */
    q = find("1. Introduction, monitor the arrangements");
    assert_false(q.detail_missing);
    /* no detail, or one found: no warning */
    q = find("1. Introduction");
    assert_false(q.detail_missing);
    q = find("2. Payments, criterion 2");
    assert_false(q.detail_missing);
    q = find("2. Payments, reviewed every year");
    assert_false(q.detail_missing);
}

/* Every citation of every bundled policy, against the policy texts: each
** quotes its section (or its passage) and the detail it names. */
static void test_sources_every_bundled_citation_is_found(void **state)
{
    (void)state;
    const char *texts = getenv("STAYPUT_POLICY_TEXTS");
    if (!texts)
        texts = STAYPUT_POLICY_TEXTS;
    struct stat st;
    if (stat(texts, &st) != 0) {
        print_message("no policy texts at %s: skipped\n", texts);
        skip();
    }
    static const char *const councils[] = { "england", "england-ifa-protocol", "calderdale",
                                            "west-berkshire" };
    const char *search[] = { STAYPUT_SOURCE_DIR "/rules" };
    size_t checked = 0, bad = 0;
    for (size_t c = 0; c < sizeof councils / sizeof *councils; c++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/rules/%s", STAYPUT_SOURCE_DIR, councils[c]);
        sp_diags d;
        sp_diags_init(&d);
        bool oom = false;
        sp_policy *p = sp_policy_load(dir, search, 1, &d, &oom);
        assert_non_null(p);
        char why[256];
        sp_status s_st;
        sp_sources *s = sp_sources_load(texts, p, why, sizeof why, &s_st);
        assert_non_null(s);
        assert_null(sp_sources_missing(s, 0));
        for (size_t r = 0; r < p->n_rules; r++) {
            const sp_rule *ru = &p->rules[r];
            for (size_t b = 0; b <= ru->n_branches; b++) {
                const sp_annot *a = b == 0 ? ru->item->annots : ru->branches[b - 1]->annots;
                for (; a; a = a->next) {
                    if (a->kind != SP_ANNOT_CITES)
                        continue;
                    const sp_quote *q = sp_sources_quote_of(s, a);
                    assert_non_null(q);
                    checked++;
                    if (q->kind != SP_QUOTE_SECTION || q->detail_missing || !q->n_parts) {
                        print_message("%s:%zu: \"%s\": kind %d%s\n", ru->item->src->path, ru->line,
                                      a->text, (int)q->kind,
                                      q->detail_missing ? ", detail not found" : "");
                        for (size_t k = 0; k < q->n_parts; k++)
                            print_message("  lines %zu-%zu\n", q->parts[k].first_line,
                                          q->parts[k].last_line);
                        bad++;
                    }
                }
            }
        }
        sp_sources_free(s);
        sp_policy_free(p);
        sp_diags_fini(&d);
    }
    print_message("%zu citations checked\n", checked);
    assert_true(checked > 100);
    assert_int_equal(bad, 0);
}

/* A citation of 60 parts, each a sub-heading of the one before, in a text of
** 96,000 lines: the last part's section is found. (Each part's line is looked
** up in the text's index rather than scanned for; what that saves is measured
** by hand, never by a timed test: 0.5 s against 3.8 s for 60 parts of a 16 MB
** text.) */
static void test_sources_many_parts(void **state)
{
    (void)state;
    enum { PARTS = 60, FILLER = 800 };
    size_t cap = (size_t)PARTS * (FILLER * 48 + 32), ccap = PARTS * 16;
    char *t = malloc(cap), *cite = malloc(ccap);
    assert_non_null(t);
    assert_non_null(cite);
    size_t len = 0, clen = 0;
    for (int p = 0; p < PARTS; p++) {
        len += (size_t)snprintf(t + len, cap - len, "Part %d\n\n", p);
        for (int f = 0; f < FILLER; f++)
            len +=
                (size_t)snprintf(t + len, cap - len, "Filler paragraph %d of part %d.\n\n", f, p);
        clen += (size_t)snprintf(cite + clen, ccap - clen, "%sPart %d", p ? ", " : "", p);
    }
    sp_quote q;
    assert_true(sp_sources_find("big.txt", t, len, "Part 0", &q));
    assert_int_equal(q.kind, SP_QUOTE_SECTION);
    assert_int_equal(q.parts[0].first_line, 1);
    assert_true(sp_sources_find("big.txt", t, len, cite, &q));
    assert_int_equal(q.kind, SP_QUOTE_SECTION); /* each part a sub-heading of the one before */
    assert_int_equal(q.parts[0].first_line, (PARTS - 1) * (2 + 2 * FILLER) + 1);
    assert_false(q.detail_missing);
    free(t);
    free(cite);
}

/* ---- a folder of texts ---- */

static void write_file(const char *path, const char *content)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static const char policy_text[] = "policy \"p\"\nversion \"1\"\nsource \"Demo Policy\"\n"
                                  "fact a: bool required\noutput o: bool\n"
                                  "rule r for o\n  cites \"2. Payments, criterion 3\"\n"
                                  "  cites \"1. Introduction\" in \"Other Paper\"\n"
                                  "  cites \"X\" in \"Absent Paper\"\n  = a\n";

static void test_sources_load_finds_documents_by_the_readme(void **state)
{
    (void)state;
    char dir[] = "/tmp/stayput-sources-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/README.md", dir);
    write_file(path, "# texts\n\n| file | short name |\n| --- | --- |\n"
                     "| `001_demo.txt` | Demo Policy |\n| ../escape.txt | Absent Paper |\n");
    snprintf(path, sizeof path, "%s/001_demo.txt", dir);
    write_file(path, text);
    snprintf(path, sizeof path, "%s/Other Paper.txt", dir); /* found by its name */
    write_file(path, "Other\n\n1. Introduction\n\nSomething else.\n");

    sp_diags d;
    sp_diags_init(&d);
    bool oom = false;
    sp_policy *p = sp_policy_load_text("/tmp/in-memory", "policy.sp", policy_text,
                                       strlen(policy_text), NULL, 0, &d, &oom);
    assert_non_null(p);
    char why[256];
    sp_status st;
    sp_sources *s = sp_sources_load(dir, p, why, sizeof why, &st);
    assert_non_null(s);
    assert_int_equal(st, SP_OK);
    assert_string_equal(sp_sources_missing(s, 0), "Absent Paper"); /* no path outside the folder */
    assert_null(sp_sources_missing(s, 1));

    const sp_rule *r = &p->rules[0];
    const sp_annot *a = r->item->annots;
    const sp_quote *q = sp_sources_quote_of(s, a);
    assert_non_null(q);
    assert_int_equal(q->kind, SP_QUOTE_SECTION);
    assert_non_null(strstr(q->file, "/001_demo.txt"));
    assert_int_equal(q->parts[q->n_parts - 1].first_line, 20); /* criterion 3 */
    q = sp_sources_quote_of(s, a->next);
    assert_non_null(q);
    assert_non_null(strstr(q->file, "/Other Paper.txt"));
    assert_int_equal(q->parts[1].first_line, 5);
    q = sp_sources_quote_of(s, a->next->next);
    assert_non_null(q);
    assert_int_equal(q->kind, SP_QUOTE_NO_DOCUMENT);
    assert_null(sp_sources_quote_of(s, (const sp_annot *)text)); /* not a citation of p */
    sp_sources_free(s);

    /* a folder that is not there */
    snprintf(path, sizeof path, "%s/none", dir);
    assert_null(sp_sources_load(path, p, why, sizeof why, &st));
    assert_int_equal(st, SP_ERR_INPUT);
    assert_non_null(strstr(why, "cannot read the policy texts folder"));

    sp_policy_free(p);
    sp_diags_fini(&d);
    snprintf(path, sizeof path, "%s/README.md", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/001_demo.txt", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/Other Paper.txt", dir);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sources_section_by_its_heading),
        cmocka_unit_test(test_sources_detail_names_a_paragraph),
        cmocka_unit_test(test_sources_list_item_with_the_words_before_the_list),
        cmocka_unit_test(test_sources_numbered_detail_is_that_item),
        cmocka_unit_test(test_sources_caption_brings_its_table),
        cmocka_unit_test(test_sources_sub_heading_after_the_section),
        cmocka_unit_test(test_sources_line_ending_in_a_colon_as_the_section),
        cmocka_unit_test(test_sources_headings_read_loosely),
        cmocka_unit_test(test_sources_passage_without_its_heading),
        cmocka_unit_test(test_sources_nothing_like_the_citation),
        cmocka_unit_test(test_sources_unmatched_detail_shows_the_section),
        cmocka_unit_test(test_sources_empty_and_odd_texts),
        cmocka_unit_test(test_sources_load_finds_documents_by_the_readme),
        cmocka_unit_test(test_sources_missing_detail_warns),
        cmocka_unit_test(test_sources_every_bundled_citation_is_found),
        cmocka_unit_test(test_sources_many_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
