#!/usr/bin/env python3
"""Random but valid stayput cases (contract section 3), as JSON Lines.

Deterministic for a given --seed and --council; biased toward the boundaries
that the decisions turn on: assessment dates on and around the 16th, 17th,
18th, 21st birthdays, 29 February births, month ends (clamped month
arithmetic), mean weekly incomes around 10.00, 57.90 and 157.90 and on half
pennies, empty income lists, course end dates around the 18th and 21st
birthdays and 30 September, null versus set dates, every enumeration value,
both providers, defaults omitted or spelled out, money as JSON numbers and as
strings.

    gen_cases.py --council west-berkshire --seed 1 --count 2000 > cases.jsonl
"""

import argparse
import calendar
import datetime
import json
import os
import random
import sys
from decimal import Decimal
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402  (for the shared date arithmetic)

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
MIN_AD = D(2000, 1, 1)
MAX_AD = D(2099, 12, 31)

COUNCIL_PREFIX = {"england": "EN", "west-berkshire": "WB",
                  "calderdale": "CA"}


class Raw:
    """A JSON token written as it is (a money number such as 57.90)."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def dumps(v):
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, dict):
        return "{" + ", ".join(json.dumps(k) + ": " + dumps(x)
                               for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dumps(x) for x in v) + "]"
    if isinstance(v, datetime.date):
        return json.dumps(v.isoformat())
    if isinstance(v, float):
        raise TypeError("no floats in cases")
    return json.dumps(v)


# --------------------------------------------------------------------------
# money
# --------------------------------------------------------------------------

def dec_text(x, min_places=0):
    """Exact decimal text of a Fraction whose denominator divides a power of
    ten (at most 12 places), with at least min_places decimals."""
    x = Fraction(x)
    assert x >= 0
    places = 0
    while (x * 10 ** places).denominator != 1:
        places += 1
        assert places <= 12, x
    places = max(places, min_places)
    n = int(x * 10 ** places)
    if places == 0:
        return str(n)
    s = str(n).rjust(places + 1, "0")
    return s[:-places] + "." + s[-places:]


def money_token(rng, x):
    """A money value written one of the ways section 3 allows."""
    style = rng.random()
    if style < 0.35:
        text = dec_text(x, 2)            # 57.90
    elif style < 0.6:
        text = dec_text(x)               # 57.9, 57
    elif style < 0.7:
        text = dec_text(x, rng.choice([3, 4, 12]))  # 57.900
    else:
        text = dec_text(x, rng.choice([0, 1, 2, 2]))
    if rng.random() < 0.4:
        return text                      # a JSON string
    return Raw(text)                     # a JSON number


def F(s):
    return Fraction(Decimal(s))


MEAN_TARGETS = [F(s) for s in [
    "0", "0.01", "0.005", "5", "9.98", "9.99", "9.994", "9.995",
    "9.999999999999", "10", "10.00", "10.000000000001", "10.005", "10.01",
    "33.33", "57.89", "57.895", "57.899999999999", "57.9", "57.900000000001",
    "57.905", "57.91", "57.915", "57.92", "57.93", "100", "100.01", "100.015",
    "157.88", "157.89", "157.895", "157.899999999999", "157.9",
    "157.900000000001", "157.905", "157.91", "157.92", "158", "200.01",
    "1000", "999999999999.99", "999999999999.999999999999",
]]


MAX_MONEY = F("999999999999.999999999999")


def gen_income(rng):
    r = rng.random()
    if r < 0.2:
        return None                      # key omitted: default []
    if r < 0.3:
        return []
    k = rng.choice([1, 1, 2, 3, 4, 5, 6, 6])
    if rng.random() < 0.6:
        target = rng.choice(MEAN_TARGETS)
    else:
        # anywhere up to 300, on pennies or half pennies
        target = Fraction(rng.randrange(0, 60000), 200)
    values = [target] * k
    if k > 1 and rng.random() < 0.7:
        # spread the weeks around the mean, keeping the sum
        for i in range(k - 1):
            d = Fraction(rng.randrange(-3000, 3001), 100)
            j = rng.randrange(i + 1, k)
            if values[i] + d >= 0 and values[j] - d >= 0:
                values[i] += d
                values[j] -= d
    if k > 1 and rng.random() < 0.25:
        # a sum that does not divide evenly: a mean with recurring decimals
        i = rng.randrange(k)
        values[i] += Fraction(rng.choice([1, 2, 5]), 100)
    if rng.random() < 0.1:
        # a sub-penny week
        i = rng.randrange(k)
        values[i] += Fraction(rng.choice([1, 5, 9]), 1000)
    # at most 12 digits before the point (section 3's documented limit)
    values = [min(v, MAX_MONEY) for v in values]
    return [money_token(rng, v) for v in values]


# --------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------

def rand_date(rng, lo, hi):
    if hi < lo:
        lo, hi = hi, lo
    return lo + datetime.timedelta(days=rng.randrange((hi - lo).days + 1))


def month_end_near(rng, d):
    """The last day of a month near d (clamping material)."""
    m = oracle.add_months(d, rng.randrange(-2, 3))
    return D(m.year, m.month, calendar.monthrange(m.year, m.month)[1])


def gen_dob(rng):
    r = rng.random()
    if r < 0.18:
        # born on 29 February
        year = rng.choice([y for y in range(1980, 2085) if calendar.isleap(y)])
        return D(year, 2, 29)
    year = rng.randrange(1979, 2085)
    if r < 0.3:
        # month ends, and 28 February, 1 March
        month = rng.choice([1, 3, 5, 7, 8, 10, 12, 2, 3, 8])
        day = calendar.monthrange(year, month)[1]
        if rng.random() < 0.2:
            month, day = rng.choice([(2, 28), (3, 1), (1, 31), (8, 31),
                                     (12, 31), (1, 1)])
        return D(year, month, day)
    return rand_date(rng, D(year, 1, 1), D(year, 12, 31))


def near(rng, d, spread=3):
    return d + datetime.timedelta(days=rng.randrange(-spread, spread + 1))


def gen_assessment(rng, dob):
    bd = lambda n: oracle.nth_birthday(dob, n)  # noqa: E731
    r = rng.random()
    if r < 0.55:
        n = rng.choice([16, 17, 17, 18, 18, 18, 19, 20, 21, 21, 21, 22])
        b = bd(n)
        off = rng.choice([0, 0, 0, -1, -1, 1, 1, -2, 2, -30, 30, -3, 3])
        d = b + datetime.timedelta(days=off)
        if rng.random() < 0.1:
            d = D(b.year, 2, 28) if b.month in (2, 3) else d
        return d
    if r < 0.9:
        return rand_date(rng, bd(17), bd(22))
    return rand_date(rng, bd(15), bd(24))


def gen_optional_date(rng, dob, anchors, p_null=0.45):
    """None (null), or a date near one of the anchors."""
    r = rng.random()
    if r < p_null:
        return None
    a = rng.choice(anchors)
    r = rng.random()
    if r < 0.45:
        return near(rng, a, rng.choice([0, 1, 3]))
    if r < 0.65:
        return month_end_near(rng, a)
    return rand_date(rng, oracle.add_months(a, -14), oracle.add_months(a, 14))


# --------------------------------------------------------------------------
# a case
# --------------------------------------------------------------------------

# (key, probability of the non-default value, default)
BOOLS = [
    ("young_person.wishes_to_stay_put", 0.1, True),
    ("young_person.left_arrangement", 0.08, False),
    ("young_person.returned_after_leaving", 0.2, False),
    ("young_person.breached_agreement", 0.12, False),
    ("young_person.vulnerable", 0.35, False),
    ("young_person.disability_adult_services", 0.15, False),
    ("young_person.can_claim_lha", 0.25, True),
    ("education.full_time", 0.5, False),
    ("education.on_agreed_programme", 0.4, False),
    ("education.going_to_university", 0.3, False),
    ("education.left_course", 0.15, False),
    ("education.university_vacation", 0.2, False),
    ("housing.registered_and_actively_bidding", 0.35, False),
    ("placement.kinship", 0.25, False),
    ("placement.carer_agrees", 0.08, True),
    ("placement.foster_children_in_household", 0.4, False),
    ("placement.all_payments_under_section_23c", 0.3, True),
    ("carer.means_tested_benefits", 0.4, False),
    ("carer.pension_credit", 0.3, False),
    ("carer.housing_benefit_for_own_rent", 0.3, False),
]


def put(case, dotted, value):
    parts = dotted.split(".")
    node = case
    for p in parts[:-1]:
        node = node.setdefault(p, {})
    node[parts[-1]] = value


def gen_facts(rng, council):
    """The facts as a flat dict: dotted key -> value (or absent)."""
    facts = {}
    while True:
        dob = gen_dob(rng)
        ad = gen_assessment(rng, dob)
        if MIN_AD <= ad <= MAX_AD and ad >= dob:
            break
    bd = lambda n: oracle.nth_birthday(dob, n)  # noqa: E731
    facts["assessment_date"] = ad
    facts["young_person.date_of_birth"] = dob
    facts["young_person.looked_after_immediately_before_18"] = rng.random() < 0.85
    facts["placement.provider"] = rng.choice(oracle.PROVIDERS)

    for key, p, default in BOOLS:
        value = (not default) if rng.random() < p else default
        if value == default and rng.random() < 0.6:
            continue                     # omitted: the default applies
        facts[key] = value

    if rng.random() < 0.85:
        kinds = list(oracle.KINDS)
        if council == "calderdale":
            kinds += ["gcse", "a_level", "training", "further_education"]
        kind = rng.choice(kinds)
        if kind != "none" or rng.random() < 0.5:
            facts["education.kind"] = kind

    anchors_course = [bd(21), bd(21), bd(18), bd(18), bd(19), bd(20), bd(22),
                      ad, D(bd(18).year, 9, 30), D(bd(19).year, 9, 30)]
    ced = gen_optional_date(rng, dob, anchors_course, 0.35)
    if ced is not None or rng.random() < 0.5:
        facts["education.course_end_date"] = ced
    if ced is not None and ced > bd(21) and rng.random() < 0.6:
        # past the 21st birthday, on or around the end of the course
        ad2 = rng.choice([near(rng, ced, 1), ced, rand_date(rng, bd(21), ced)])
        if MIN_AD <= ad2 <= MAX_AD:
            facts["assessment_date"] = ad = ad2
            if rng.random() < 0.7:
                facts["education.on_agreed_programme"] = True

    anchors_move = [bd(18), oracle.add_months(bd(21), -3), ad,
                    oracle.add_months(ad, -3)]
    mo = gen_optional_date(rng, dob, anchors_move)
    if mo is not None or rng.random() < 0.5:
        facts["housing.move_on_start_date"] = mo

    st = gen_optional_date(rng, dob, [bd(18), bd(18), bd(19), ad])
    if st is not None or rng.random() < 0.5:
        facts["placement.start_date"] = st

    lr = gen_optional_date(rng, dob, [ad, oracle.add_months(ad, -6),
                                      oracle.add_months(ad, -7), bd(18)])
    if lr is not None or rng.random() < 0.5:
        facts["placement.last_review_date"] = lr

    inc = gen_income(rng)
    if inc is not None:
        facts["young_person.weekly_income"] = inc
    return facts


def gen_case(rng, council, case_id):
    facts = gen_facts(rng, council)
    items = list(facts.items())
    if rng.random() < 0.3:
        rng.shuffle(items)               # key order is not significant
    case = {"case_id": case_id}
    for k, v in items:
        put(case, k, v)
    if rng.random() < 0.05:
        for group in ("education", "housing", "carer"):
            case.setdefault(group, {})   # an empty object: all defaults
    return case


def generate(council, seed, count):
    """count case lines (JSON text, no newline)."""
    rng = random.Random("%s/%s" % (council, seed))
    prefix = COUNCIL_PREFIX.get(council, "XX")
    return [dumps(gen_case(rng, council, "%s-%s-%05d" % (prefix, seed, i + 1)))
            for i in range(count)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--council", required=True)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=1000)
    a = ap.parse_args(argv)
    out = sys.stdout
    for line in generate(a.council, a.seed, a.count):
        out.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
