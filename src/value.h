/*
** Run-time values of the policy language.
*/
#ifndef SP_VALUE_H
#define SP_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "num.h"

typedef enum sp_value_kind {
    SP_VAL_NULL,
    SP_VAL_BOOL,
    SP_VAL_NUM,       /* money and whole numbers */
    SP_VAL_DATE,
    SP_VAL_TEXT,
    SP_VAL_ENUM,
    SP_VAL_LIST,
    SP_VAL_DURATION,
    SP_VAL_UNDETERMINED /* eval --partial: depends on a missing fact */
} sp_value_kind;

typedef struct sp_value sp_value;

struct sp_value {
    sp_value_kind kind;
    union {
        bool b;
        sp_num n;
        sp_date d;
        struct { const char *s; size_t len; } text;
        int e;                                   /* enumeration value index */
        struct { sp_value *items; size_t n; } list;
        struct { int64_t months, days; } dur;
        const uint64_t *missing;                 /* UNDETERMINED: the missing facts
                                                    it needs, a bitset by fact slot */
    } u;
};

#endif
