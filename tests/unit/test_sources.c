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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
