"""An independent oracle for the stayput acceptance contract.

Written from /work/shared/spec/contract.md (sections 2 to 5) alone, without
reference to the engine or to the rule files, so that a difference between the
two points at a misreading on one side or the other.

Pure Python 3 standard library. Money is fractions.Fraction (never float);
dates are datetime.date.

    decide_england(case)        -> decision dict
    decide_west_berkshire(case) -> decision dict
    decide_calderdale(case)     -> decision dict
    decide(council, case)       -> decision dict

`case` is the case object as parsed from JSON.  Money may be a str, an int, a
decimal.Decimal or a Fraction (parse JSON with parse_float=decimal.Decimal,
parse_int=decimal.Decimal to keep it exact, see `load_case`).  A float is
refused.
"""

import calendar
import datetime
import decimal
import json
import math
import re
from fractions import Fraction

__all__ = [
    "decide", "decide_england", "decide_west_berkshire", "decide_calderdale",
    "load_case", "OUTPUTS", "MONEY_OUTPUTS", "DATE_OUTPUTS", "INT_OUTPUTS",
    "BOOL_OUTPUTS", "nth_birthday", "age_on", "add_months", "fmt_money",
    "round_half_up_penny", "parse_money", "Facts",
]

# --------------------------------------------------------------------------
# Section 3: the case facts and their defaults
# --------------------------------------------------------------------------

REQUIRED = object()

# dotted key -> (type, default)
FACTS = {
    "case_id": ("text", REQUIRED),
    "assessment_date": ("date", REQUIRED),
    "young_person.date_of_birth": ("date", REQUIRED),
    "young_person.looked_after_immediately_before_18": ("bool", REQUIRED),
    "young_person.wishes_to_stay_put": ("bool", True),
    "young_person.left_arrangement": ("bool", False),
    "young_person.returned_after_leaving": ("bool", False),
    "young_person.breached_agreement": ("bool", False),
    "young_person.vulnerable": ("bool", False),
    "young_person.disability_adult_services": ("bool", False),
    "young_person.weekly_income": ("money_list", []),
    "young_person.can_claim_lha": ("bool", True),
    "education.full_time": ("bool", False),
    "education.kind": ("kind", "none"),
    "education.course_end_date": ("date_or_null", None),
    "education.on_agreed_programme": ("bool", False),
    "education.going_to_university": ("bool", False),
    "education.left_course": ("bool", False),
    "education.university_vacation": ("bool", False),
    "housing.registered_and_actively_bidding": ("bool", False),
    "housing.move_on_start_date": ("date_or_null", None),
    "placement.provider": ("provider", REQUIRED),
    "placement.kinship": ("bool", False),
    "placement.carer_agrees": ("bool", True),
    "placement.foster_children_in_household": ("bool", False),
    "placement.start_date": ("date_or_null", None),
    "placement.last_review_date": ("date_or_null", None),
    "placement.all_payments_under_section_23c": ("bool", True),
    "carer.means_tested_benefits": ("bool", False),
    "carer.pension_credit": ("bool", False),
    "carer.housing_benefit_for_own_rent": ("bool", False),
}

KINDS = ("none", "gcse", "a_level", "training", "further_education",
         "higher_education")
PROVIDERS = ("local_authority", "independent_fostering_agency")
MAX_INCOME_WEEKS = 6  # "most recent weeks, at most 6"

_MONEY_RE = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class CaseError(ValueError):
    """The case is not a valid case under section 3 (the oracle only decides
    valid cases)."""


def parse_money(v, path="money"):
    """Money, read exactly: "digits with an optional fraction"; a JSON
    number or a string."""
    if isinstance(v, bool):
        raise CaseError("%s: not money: %r" % (path, v))
    if isinstance(v, Fraction):
        return v
    if isinstance(v, int):
        if v < 0:
            raise CaseError("%s: negative money" % path)
        return Fraction(v)
    if isinstance(v, decimal.Decimal):
        if not v.is_finite() or v < 0:
            raise CaseError("%s: bad money %r" % (path, v))
        return Fraction(v)
    if isinstance(v, str):
        if not _MONEY_RE.match(v):
            raise CaseError("%s: bad money %r" % (path, v))
        return Fraction(decimal.Decimal(v))
    if isinstance(v, float):
        raise CaseError("%s: money given as a float; parse JSON with "
                        "parse_float=decimal.Decimal" % path)
    raise CaseError("%s: not money: %r" % (path, v))


def parse_date(v, path="date"):
    if isinstance(v, datetime.date):
        return v
    if not isinstance(v, str) or not _DATE_RE.match(v):
        raise CaseError("%s: bad date %r" % (path, v))
    try:
        return datetime.date(int(v[0:4]), int(v[5:7]), int(v[8:10]))
    except ValueError:
        raise CaseError("%s: no such date %r" % (path, v))


class Facts:
    """The facts of a case with section 3's defaults applied."""

    def __init__(self, case):
        if not isinstance(case, dict):
            raise CaseError("a case is a JSON object")
        self._v = {}
        seen = set()
        for key, (typ, default) in FACTS.items():
            parts = key.split(".")
            node = case
            present = True
            for p in parts[:-1]:
                if isinstance(node, dict) and p in node:
                    node = node[p]
                else:
                    present = False
                    break
            if present and isinstance(node, dict) and parts[-1] in node:
                raw = node[parts[-1]]
                seen.add(key)
            else:
                if default is REQUIRED:
                    raise CaseError("missing required fact %s" % key)
                raw = default
            self._v[key] = self._convert(key, typ, raw)
        # unknown keys are an error
        def walk(node, prefix):
            for k, v in node.items():
                dotted = prefix + k
                if isinstance(v, dict) and dotted not in FACTS:
                    walk(v, dotted + ".")
                elif dotted not in FACTS:
                    raise CaseError("unknown key %s" % dotted)
        walk(case, "")
        ad = self._v["assessment_date"]
        if not (datetime.date(2000, 1, 1) <= ad <= datetime.date(2099, 12, 31)):
            raise CaseError("assessment_date out of range")

    @staticmethod
    def _convert(key, typ, raw):
        if typ == "text":
            if not isinstance(raw, str):
                raise CaseError("%s: not text" % key)
            return raw
        if typ == "bool":
            if not isinstance(raw, bool):
                raise CaseError("%s: not a bool" % key)
            return raw
        if typ == "date":
            return parse_date(raw, key)
        if typ == "date_or_null":
            return None if raw is None else parse_date(raw, key)
        if typ == "kind":
            if raw not in KINDS:
                raise CaseError("%s: bad kind %r" % (key, raw))
            return raw
        if typ == "provider":
            if raw not in PROVIDERS:
                raise CaseError("%s: bad provider %r" % (key, raw))
            return raw
        if typ == "money_list":
            if not isinstance(raw, list):
                raise CaseError("%s: not a list" % key)
            if len(raw) > MAX_INCOME_WEEKS:
                raise CaseError("%s: more than %d weeks" % (key, MAX_INCOME_WEEKS))
            return [parse_money(x, "%s[%d]" % (key, i)) for i, x in enumerate(raw)]
        raise AssertionError(typ)

    def __getitem__(self, key):
        return self._v[key]

    def __getattr__(self, name):
        # f.young_person_date_of_birth style is not used; use f["a.b"].
        raise AttributeError(name)


def load_case(line):
    """Parse one JSON Lines case exactly (money never via float)."""
    return json.loads(line, parse_float=decimal.Decimal,
                      parse_int=decimal.Decimal)


# --------------------------------------------------------------------------
# Section 4: shared definitions
# --------------------------------------------------------------------------

def nth_birthday(dob, n):
    """"The Nth birthday is the anniversary of the date of birth; for a birth
    on 29 February it is 1 March in a common year." """
    year = dob.year + n
    if dob.month == 2 and dob.day == 29 and not calendar.isleap(year):
        return datetime.date(year, 3, 1)
    return datetime.date(year, dob.month, dob.day)


def age_on(dob, day):
    """"Age is the number of birthdays reached on the assessment date (a
    birthday counts on its own day)." """
    if day < dob:
        raise CaseError("assessment date before the date of birth")
    n = day.year - dob.year
    while n > 0 and nth_birthday(dob, n) > day:
        n -= 1
    return n


def add_months(d, months):
    """"Adding months or years moves the calendar month (or year) and keeps
    the day, clamped to the last day of the month: 2025-01-31 plus 1 month is
    2025-02-28. Subtracting works the same way." """
    m0 = d.year * 12 + (d.month - 1) + months
    y, m = divmod(m0, 12)
    m += 1
    last = calendar.monthrange(y, m)[1]
    return datetime.date(y, m, min(d.day, last))


PENNY = Fraction(1, 100)


def round_half_up_penny(x):
    """"to the nearest penny, half a penny rounding up" (x >= 0 here; for a
    negative x, half rounds towards +infinity)."""
    return Fraction(math.floor(Fraction(x) * 100 + Fraction(1, 2)), 100)


def fmt_money(x):
    """Money as a string with exactly two decimals; the value must be a
    whole number of pence (section 2)."""
    if x is None:
        return None
    x = Fraction(x)
    p = x * 100
    if p.denominator != 1:
        raise AssertionError("money not a whole number of pence: %r" % x)
    p = p.numerator
    sign = "-" if p < 0 else ""
    p = abs(p)
    return "%s%d.%02d" % (sign, p // 100, p % 100)


def fmt_date(d):
    return None if d is None else d.isoformat()


def mean_money(values):
    """"The mean of an empty list of money is 0.00." Exact otherwise."""
    if not values:
        return Fraction(0)
    return sum(values, Fraction(0)) / len(values)


def M(s):
    return Fraction(decimal.Decimal(s))


# --------------------------------------------------------------------------
# Declared outputs per council
# --------------------------------------------------------------------------

ENGLAND_OUTPUTS = [
    "eligible", "end_date", "dbs_check_due_by", "means_tested_disregard",
    "approval_route", "weekly_total_to_carer", "notice_days",
    "expected_to_claim_housing_benefit",
]
WEST_BERKSHIRE_OUTPUTS = ENGLAND_OUTPUTS + [
    "age_band", "weekly_housing_benefit", "weekly_young_person_contribution",
    "weekly_council_payment", "housing_benefit_paid_to",
    "council_tax_invisible", "carer_benefit_group", "support_meeting_due_by",
    "panel_approval_due_by", "next_review_due",
]
CALDERDALE_OUTPUTS = ENGLAND_OUTPUTS + [
    "categories", "staying_put_category", "financial_plan_required",
    "panel_referral_due_by", "three_way_meeting_due_by",
    "rate_negotiation_from", "converts_to_shared_lives",
    "council_tax_invisible",
]
OUTPUTS = {
    "england": ENGLAND_OUTPUTS,
    "west-berkshire": WEST_BERKSHIRE_OUTPUTS,
    "calderdale": CALDERDALE_OUTPUTS,
}
MONEY_OUTPUTS = {"weekly_total_to_carer", "weekly_housing_benefit",
                 "weekly_young_person_contribution", "weekly_council_payment"}
DATE_OUTPUTS = {"end_date", "dbs_check_due_by", "support_meeting_due_by",
                "panel_approval_due_by", "next_review_due",
                "panel_referral_due_by", "three_way_meeting_due_by",
                "rate_negotiation_from"}
INT_OUTPUTS = {"notice_days", "carer_benefit_group"}
BOOL_OUTPUTS = {"eligible", "expected_to_claim_housing_benefit",
                "council_tax_invisible", "financial_plan_required",
                "converts_to_shared_lives"}
LIST_OUTPUTS = {"categories"}
# Outputs that may never be null for the council (section 2: "An output that
# the contract does not make null for an ineligible case is decided for every
# case").
NEVER_NULL = {
    "england": {"eligible", "end_date", "expected_to_claim_housing_benefit"},
    "west-berkshire": {"eligible", "end_date",
                       "expected_to_claim_housing_benefit", "notice_days",
                       "approval_route", "council_tax_invisible",
                       "carer_benefit_group", "support_meeting_due_by",
                       "panel_approval_due_by"},
    "calderdale": {"eligible", "categories", "staying_put_category",
                   "financial_plan_required", "converts_to_shared_lives",
                   "expected_to_claim_housing_benefit",
                   "council_tax_invisible"},
}


# --------------------------------------------------------------------------
# england
# --------------------------------------------------------------------------

class _Common:
    """Values every council uses (section 4 applied to the facts)."""

    def __init__(self, f):
        self.f = f
        self.dob = f["young_person.date_of_birth"]
        self.ad = f["assessment_date"]
        self.age = age_on(self.dob, self.ad)
        self.b16 = nth_birthday(self.dob, 16)
        self.b17 = nth_birthday(self.dob, 17)
        self.b18 = nth_birthday(self.dob, 18)
        self.b21 = nth_birthday(self.dob, 21)

    def england_conditions(self, end_date_for_test):
        # england eligible: "looked after immediately before 18, the young
        # person wishes to stay, the carer agrees, has not left, and the
        # assessment date is before `end_date`"
        f = self.f
        return (f["young_person.looked_after_immediately_before_18"]
                and f["young_person.wishes_to_stay_put"]
                and f["placement.carer_agrees"]
                and not f["young_person.left_arrangement"]
                and self.ad < end_date_for_test)

    def england_disregard(self):
        # "null under 18; else `none` if the young person returned after
        # leaving or was not looked after immediately before 18; else `whole`
        # if all payments are under section 23C; else `section_23c_only`"
        f = self.f
        if self.age < 18:
            return None
        if (f["young_person.returned_after_leaving"]
                or not f["young_person.looked_after_immediately_before_18"]):
            return "none"
        if f["placement.all_payments_under_section_23c"]:
            return "whole"
        return "section_23c_only"


def _england_raw(c):
    f = c.f
    end_date = c.b21  # "the 21st birthday"
    return {
        "eligible": c.england_conditions(end_date),
        "end_date": end_date,
        # "the 18th birthday when foster children live in the household,
        # else null"
        "dbs_check_due_by": c.b18 if f["placement.foster_children_in_household"] else None,
        "means_tested_disregard": c.england_disregard(),
        # "null (set by councils)"
        "approval_route": None,
        "weekly_total_to_carer": None,
        "notice_days": None,
        # "false (set by councils)"
        "expected_to_claim_housing_benefit": False,
    }


def _format(council, raw):
    out = {}
    for k in OUTPUTS[council]:
        v = raw[k]
        if v is None:
            out[k] = None
        elif k in MONEY_OUTPUTS:
            out[k] = fmt_money(v)
        elif k in DATE_OUTPUTS:
            out[k] = fmt_date(v)
        else:
            out[k] = v
    assert set(out) == set(raw), (set(out) ^ set(raw))
    return out


def decide_england(case):
    c = _Common(case if isinstance(case, Facts) else Facts(case))
    return _format("england", _england_raw(c))


# --------------------------------------------------------------------------
# west-berkshire
# --------------------------------------------------------------------------

WB_PAYMENTS = {  # "by band: 373.59, 326.79, 276.79, 226.79 (annual payments table)"
    "under_18": M("373.59"),
    "18_19": M("326.79"),
    "19_20": M("276.79"),
    "20_21": M("226.79"),
}
WB_HOUSING_BENEFIT = M("68.12")
WB_FLAT = M("10.00")
WB_JSA = M("57.90")
WB_CAP = M("50.00")


def _wb_raw(c):
    f = c.f
    r = _england_raw(c)

    # end_date: "the 21st birthday; but when `education.on_agreed_programme`,
    # the young person has not left the course, and the course ends after the
    # 21st birthday, the course end date"
    ced = f["education.course_end_date"]
    if (f["education.on_agreed_programme"] and not f["education.left_course"]
            and ced is not None and ced > c.b21):
        end_date = ced
    else:
        end_date = c.b21
    r["end_date"] = end_date

    # eligible: "as england, and the agreement has not been breached";
    # section 5: a council whose `eligible` is "as england" takes england's
    # conditions with its own `end_date` in the date test.
    eligible = (c.england_conditions(end_date)
                and not f["young_person.breached_agreement"])
    r["eligible"] = eligible

    # age_band: "null when not eligible; else `under_18`, `18_19`, `19_20`
    # or `20_21` by age; `20_21` at university vacation (age 18 or over) and
    # at 21 or over while still eligible on an agreed programme"
    if not eligible:
        band = None
    elif c.age < 18:
        band = "under_18"
    elif f["education.university_vacation"]:
        band = "20_21"
    elif c.age == 18:
        band = "18_19"
    elif c.age == 19:
        band = "19_20"
    else:  # 20, or 21 and over while still eligible (agreed programme)
        band = "20_21"
    r["age_band"] = band

    # weekly_total_to_carer: "null when not eligible; null when
    # `disability_adult_services` (...); else by band" -- IFA too (assumption)
    if not eligible or f["young_person.disability_adult_services"]:
        total = None
    else:
        total = WB_PAYMENTS[band]
    r["weekly_total_to_carer"] = total

    # expected_to_claim_housing_benefit: "eligible, 18 or over, can claim
    # LHA, and the carers do not receive help with their own rent"
    expected = bool(eligible and c.age >= 18 and f["young_person.can_claim_lha"]
                    and not f["carer.housing_benefit_for_own_rent"])
    r["expected_to_claim_housing_benefit"] = expected

    # weekly_housing_benefit: "null when not eligible; 68.12 when
    # `expected_to_claim_housing_benefit`; else 0.00"
    if not eligible:
        hb = None
    elif expected:
        hb = WB_HOUSING_BENEFIT
    else:
        hb = Fraction(0)
    r["weekly_housing_benefit"] = hb

    # weekly_young_person_contribution: "null when not eligible; 0.00 under
    # 18. Otherwise from the mean weekly income M: 0.00 when M is below 10.00
    # (...; an assumption); else 10.00 plus half of what M exceeds 57.90,
    # that half capped at 50.00 (the cap applies to the half alone, so the
    # contribution is at most 60.00 ...), rounded once at the end"
    # Section 4: "The mean of an empty list of money is 0.00."; rounding "to
    # the nearest penny, half a penny rounding up".
    if not eligible:
        contrib = None
    elif c.age < 18:
        contrib = Fraction(0)
    else:
        m = mean_money(f["young_person.weekly_income"])
        if m < WB_FLAT:
            contrib = Fraction(0)
        else:
            half = max(m - WB_JSA, Fraction(0)) / 2
            contrib = round_half_up_penny(WB_FLAT + min(half, WB_CAP))
    r["weekly_young_person_contribution"] = contrib

    # weekly_council_payment: "null when not eligible or the total is null;
    # 373.59 under 18; else the total less the contribution, less 68.12 when
    # `expected_to_claim_housing_benefit` (otherwise the council pays an
    # amount equal to LHA)"
    if not eligible or total is None:
        pay = None
    elif c.age < 18:
        pay = M("373.59")
    else:
        pay = total - contrib
        if expected:
            pay -= WB_HOUSING_BENEFIT
    r["weekly_council_payment"] = pay

    # housing_benefit_paid_to: "null unless `expected_to_claim_housing_benefit`;
    # then `carer_or_childrens_services` when vulnerable, else `young_person`"
    if not expected:
        r["housing_benefit_paid_to"] = None
    elif f["young_person.vulnerable"]:
        r["housing_benefit_paid_to"] = "carer_or_childrens_services"
    else:
        r["housing_benefit_paid_to"] = "young_person"

    # means_tested_disregard: "as england, except that a young person who is
    # expected to claim housing benefit or whose contribution is above 0.00
    # makes the arrangement commercial: then `section_23c_only` instead of
    # `whole` (`none` stays `none`; an assumption from 6.1, group 1 ...)"
    disregard = r["means_tested_disregard"]
    if disregard == "whole" and (expected or (contrib is not None and contrib > 0)):
        disregard = "section_23c_only"
    r["means_tested_disregard"] = disregard

    # council_tax_invisible: "full-time education (6.5)"
    r["council_tax_invisible"] = f["education.full_time"]

    # carer_benefit_group: "1 when the carer has neither means-tested
    # benefits nor Pension Credit; 2 with Pension Credit; otherwise 3 when the
    # young person cannot claim LHA or the carers receive help with their own
    # rent (...); otherwise 4 (an assumption for 3 and 4)"
    if not f["carer.means_tested_benefits"] and not f["carer.pension_credit"]:
        group = 1
    elif f["carer.pension_credit"]:
        group = 2
    elif (not f["young_person.can_claim_lha"]
          or f["carer.housing_benefit_for_own_rent"]):
        group = 3
    else:
        group = 4
    r["carer_benefit_group"] = group

    # support_meeting_due_by: "the 17th birthday"
    r["support_meeting_due_by"] = c.b17
    # panel_approval_due_by: "one month before the 17th birthday"
    r["panel_approval_due_by"] = add_months(c.b17, -1)

    # next_review_due: "null under 18 or when not eligible; else six months
    # after the last review, or after the start of the arrangement when there
    # has been none. It may fall before the assessment date: the review is
    # then overdue; it is never rolled forward"
    # placement.start_date: "null means the 18th birthday"
    if c.age < 18 or not eligible:
        review = None
    elif f["placement.last_review_date"] is not None:
        review = add_months(f["placement.last_review_date"], 6)
    else:
        start = f["placement.start_date"] or c.b18
        review = add_months(start, 6)
    r["next_review_due"] = review

    # notice_days: "7 when the agreement was breached, else 28"
    r["notice_days"] = 7 if f["young_person.breached_agreement"] else 28
    # approval_route: "`accommodation_and_resource_panel`"
    r["approval_route"] = "accommodation_and_resource_panel"
    return r


def decide_west_berkshire(case):
    c = _Common(case if isinstance(case, Facts) else Facts(case))
    return _format("west-berkshire", _wb_raw(c))


# --------------------------------------------------------------------------
# calderdale
# --------------------------------------------------------------------------

CALDERDALE_ORDER = ["disability_shared_lives", "higher_education",
                    "education_training", "vulnerability", "planned_move_on"]
CALDERDALE_BASELINE = M("138.88")


def first_30_september_on_or_after(d):
    s = datetime.date(d.year, 9, 30)
    return s if s >= d else datetime.date(d.year + 1, 9, 30)


def _cal_raw(c):
    f = c.f
    r = _england_raw(c)

    # categories, in order, with their ends (None = no end)
    ends = {}
    if f["young_person.disability_adult_services"]:
        # "converts to a Shared Lives adult placement: `end_date` null"
        ends["disability_shared_lives"] = None
    if f["education.kind"] == "higher_education":
        # "the 21st birthday"
        ends["higher_education"] = c.b21
    ced = f["education.course_end_date"]
    if (f["education.full_time"]
            and f["education.kind"] in ("gcse", "a_level", "training",
                                        "further_education")
            and ced is not None and ced >= c.b18
            and not f["education.left_course"]):
        # "going to university: the first 30 September on or after the course
        # end; otherwise one month after the course end; in both cases the
        # 21st birthday if that comes first"
        if f["education.going_to_university"]:
            e = first_30_september_on_or_after(ced)
        else:
            e = add_months(ced, 1)
        ends["education_training"] = min(e, c.b21)
    if f["young_person.vulnerable"]:
        ends["vulnerability"] = c.b21
    if f["housing.registered_and_actively_bidding"]:
        # "three months after `housing.move_on_start_date` (the 18th birthday
        # when null); the 21st birthday if that comes first"
        start = f["housing.move_on_start_date"] or c.b18
        ends["planned_move_on"] = min(add_months(start, 3), c.b21)
    categories = [k for k in CALDERDALE_ORDER if k in ends]
    r["categories"] = categories

    # staying_put_category: "`disability_shared_lives` when it applies; else
    # the category whose end is latest (on a tie, the earlier in the order);
    # `none` when none applies"
    if "disability_shared_lives" in ends:
        cat = "disability_shared_lives"
    elif categories:
        cat = categories[0]
        for k in categories[1:]:
            if ends[k] > ends[cat]:
                cat = k
    else:
        cat = "none"
    r["staying_put_category"] = cat

    # end_date: "the end of `staying_put_category`; null for `none` and
    # `disability_shared_lives`"
    end_date = None if cat in ("none", "disability_shared_lives") else ends[cat]
    r["end_date"] = end_date

    # eligible: "as england (for `disability_shared_lives`, which has no
    # `end_date`, the date test uses the 21st birthday), and a category
    # applies"
    if cat == "none":
        eligible = False
    else:
        eligible = c.england_conditions(end_date if end_date is not None else c.b21)
    r["eligible"] = eligible

    ifa = f["placement.provider"] == "independent_fostering_agency"
    # approval_route: "`adult_services_shared_lives` for disability;
    # `childrens_resource_panel` for an independent fostering agency
    # placement, and for the categories `vulnerability` and
    # `planned_move_on`; `manager_pathway_team` for `education_training` and
    # `higher_education` with a local authority placement; null for `none`"
    if cat == "none":
        route = None
    elif cat == "disability_shared_lives":
        route = "adult_services_shared_lives"
    elif ifa or cat in ("vulnerability", "planned_move_on"):
        route = "childrens_resource_panel"
    else:
        route = "manager_pathway_team"
    r["approval_route"] = route

    # financial_plan_required: "local authority placement, eligible, and not
    # `disability_shared_lives`"
    r["financial_plan_required"] = bool(not ifa and eligible
                                        and cat != "disability_shared_lives")

    # weekly_total_to_carer: "138.88 (the baseline rate) for an eligible
    # young person aged 18 or over in a local authority placement; null for
    # an independent fostering agency (negotiated), under 18,
    # `disability_shared_lives`, and at university vacation (agreed at panel)"
    if (eligible and c.age >= 18 and not ifa
            and cat != "disability_shared_lives"
            and not f["education.university_vacation"]):
        r["weekly_total_to_carer"] = CALDERDALE_BASELINE
    else:
        r["weekly_total_to_carer"] = None

    # panel_referral_due_by: "the day the young person is 17 and a half (six
    # months after the 17th birthday) when vulnerable, else null"
    r["panel_referral_due_by"] = (add_months(c.b17, 6)
                                  if f["young_person.vulnerable"] else None)
    # three_way_meeting_due_by: "six months before the 18th birthday for an
    # independent fostering agency placement, else null"
    r["three_way_meeting_due_by"] = add_months(c.b18, -6) if ifa else None
    # rate_negotiation_from: "the 16th birthday for an independent fostering
    # agency placement, else null"
    r["rate_negotiation_from"] = c.b16 if ifa else None
    # converts_to_shared_lives: "`disability_adult_services`"
    r["converts_to_shared_lives"] = f["young_person.disability_adult_services"]
    # expected_to_claim_housing_benefit: "eligible, 18 or over, can claim
    # LHA, not kinship, the carers do not receive means-tested help with
    # their rent, and `education.kind` is not `higher_education`"
    r["expected_to_claim_housing_benefit"] = bool(
        eligible and c.age >= 18 and f["young_person.can_claim_lha"]
        and not f["placement.kinship"]
        and not f["carer.housing_benefit_for_own_rent"]
        and f["education.kind"] != "higher_education")
    # council_tax_invisible: "full-time education"
    r["council_tax_invisible"] = f["education.full_time"]
    # notice_days: "null (reasonable notice)"
    r["notice_days"] = None
    return r


def decide_calderdale(case):
    c = _Common(case if isinstance(case, Facts) else Facts(case))
    return _format("calderdale", _cal_raw(c))


DECIDERS = {
    "england": decide_england,
    "west-berkshire": decide_west_berkshire,
    "calderdale": decide_calderdale,
}


def decide(council, case):
    return DECIDERS[council](case)


if __name__ == "__main__":
    import argparse
    import sys
    ap = argparse.ArgumentParser(description="Decide cases (JSON Lines on "
                                 "standard input or FILE) with the oracle.")
    ap.add_argument("--council", required=True, choices=sorted(DECIDERS))
    ap.add_argument("file", nargs="?", default="-")
    a = ap.parse_args()
    src = sys.stdin if a.file == "-" else open(a.file, encoding="utf-8")
    for line in src:
        if not line.strip():
            continue
        case = load_case(line)
        print(json.dumps({"case_id": case.get("case_id"),
                          "council": a.council,
                          "decision": decide(a.council, case)}))
