/*
** Rendering of decisions (see stayput.h for the entry points); what is the
** same for every case is written once, when a policy is loaded.
*/
#ifndef SP_RENDER_H
#define SP_RENDER_H

#include <stdbool.h>

#include "policy.h"

/* Writes each rule's constant reason text into the policy. False when out
** of memory. */
bool sp_render_prepare(sp_policy *p);

#endif
