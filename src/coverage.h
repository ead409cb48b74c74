/*
** Coverage of a policy by its examples (see stayput.h for the public part).
*/
#ifndef SP_COVERAGE_H
#define SP_COVERAGE_H

#include <stddef.h>

#include "policy.h"
#include "stayput.h"

/* Records what the engine evaluated for example number `example`. */
void sp_coverage_record(sp_coverage *c, const sp_engine *e, size_t example);

#endif
