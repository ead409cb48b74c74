/*
** The policy texts that rules cite: each document a policy names, read from
** a folder, and the passage of it that each citation names (sp_sources_load
** in stayput.h loads them; render_html.c quotes them).
*/
#ifndef SP_SOURCES_H
#define SP_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "policy.h"
#include "stayput.h"

#define SP_QUOTE_MAX_PARTS 8

typedef enum sp_quote_kind {
    SP_QUOTE_NO_DOCUMENT, /* the folder holds no text of the cited document */
    SP_QUOTE_NOT_FOUND,   /* the text holds neither the section nor a passage like the citation */
    SP_QUOTE_SECTION,     /* the section's heading was found: the heading and its text, or
                             the passage of it that the rest of the citation names */
    SP_QUOTE_PASSAGE      /* no such heading: the passage that best matches the citation */
} sp_quote_kind;

/* A run of whole lines of a document. */
typedef struct sp_quote_part {
    size_t start, end;            /* bytes of the document's text */
    size_t first_line, last_line; /* counted from 1 */
    bool heading;                 /* the section's heading line */
    bool after_gap;               /* lines were left out between the last part and this one */
} sp_quote_part;

/* What a citation quotes. The parts point into the document's text, owned by
** the sp_sources it came from. */
typedef struct sp_quote {
    sp_quote_kind kind;
    const char *file; /* the document's path, as found; NULL for NO_DOCUMENT */
    const char *text; /* its bytes; NULL for NO_DOCUMENT */
    sp_quote_part parts[SP_QUOTE_MAX_PARTS];
    size_t n_parts;
    bool shortened; /* the section goes on beyond the parts shown */
    /* SECTION only: the citation names a detail after its section (the text
    ** of the citation from byte detail_at) that the section does not hold
    ** (sources.c, detail_holds, says when a passage holds it): the parts
    ** are then the closest passage, or the section itself when none is close. */
    bool detail_missing;
    bool detail_passage; /* detail_missing, and the parts are the closest passage */
    size_t detail_at;
} sp_quote;

/* The document citation `a` of rule r names: its own (`cites "..." in
** "DOCUMENT"`), or its policy's source; NULL when neither. Policy-owned. */
const char *sp_cite_document(const sp_policy *p, const sp_rule *r, const sp_annot *a);

/* The quote of citation `a` (an annotation of a rule of the policy the
** sources were loaded for); NULL for any other annotation. Sources-owned. */
const sp_quote *sp_sources_quote_of(const sp_sources *s, const sp_annot *a);

/* The i-th document (from 0) the policy cites: its short name, and the file
** of its text with the text's digest ("sha256:..."), both NULL when the
** folder has none. False past the last. Sources-owned. */
bool sp_sources_document(const sp_sources *s, size_t i, const char **name, const char **file,
                         const char **digest);

/* Finds in `text` (len bytes) the passage that citation `cite` names: its
** section by the heading the citation begins with, then the paragraph or list
** item its further detail best matches. For tests and for sp_sources_load;
** file names the text in the quote. False when out of memory. */
bool sp_sources_find(const char *file, const char *text, size_t len, const char *cite, sp_quote *q);

#endif
