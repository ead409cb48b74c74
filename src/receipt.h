/*
** Receipts: what `eval --receipt` adds to a decision (the facts as read, the
** policy digest, the engine), and `verify`'s re-evaluation (see stayput.h).
*/
#ifndef SP_RECEIPT_H
#define SP_RECEIPT_H

#include "buf.h"
#include "eval.h"

/* Appends , "receipt": {"facts": {...}, "digest": ..., "engine": ...} for
** the case that e has just evaluated. */
void sp_receipt_render(const sp_engine *e, sp_buf *out);

/* Appends the facts e holds as one JSON object that the case reader accepts
** again and reads to the same values: every declared fact a case can give
** (defaults applied), nested by dotted name, in declaration order; money as
** exact decimal strings, dates as "YYYY-MM-DD". */
void sp_receipt_facts_json(const sp_engine *e, sp_buf *out);

#endif
