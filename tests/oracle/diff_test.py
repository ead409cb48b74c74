#!/usr/bin/env python3
"""Differential test: stayput against the independent oracle (oracle.py).

    diff_test.py --stayput build/stayput --council west-berkshire \
        --rules rules --seed 1 --count 2000
    diff_test.py --self-check --council west-berkshire --seed 1 --count 2000

Generates cases (gen_cases.py), runs
`STAYPUT_RULES=RULES stayput eval --council NAME --batch FILE`, and compares
each line's `decision` key for key (values and JSON types) with the oracle's.
Prints the first few differing cases in full and a last line
`N passed, N failed` (counting cases); exits 1 on any failure, else 0.

--self-check runs without the engine: it decides the generated cases with the
oracle, checks the form of every decision (declared outputs only, money with
two decimals, real dates, whole numbers, booleans) and some invariants, and
runs hand-worked examples from the contract.
"""

import argparse
import collections
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oracle  # noqa: E402
import gen_cases  # noqa: E402

MONEY_RE = re.compile(r"^-?[0-9]+\.[0-9]{2}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def same(a, b):
    """Equal values of the same JSON type (true is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def compare(expected, got):
    """[(key, expected, got)] for every key that differs."""
    diffs = []
    for k in list(expected) + [k for k in got if k not in expected]:
        e = expected.get(k, "<absent>")
        g = got.get(k, "<absent>")
        if not same(e, g):
            diffs.append((k, e, g))
    return diffs


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------

def form_errors(council, d):
    """Problems with the form of an oracle decision."""
    errs = []
    declared = oracle.OUTPUTS[council]
    if list(d) != declared:
        errs.append("keys %r are not the declared outputs %r" % (list(d), declared))
    for k, v in d.items():
        if v is None:
            if k in oracle.NEVER_NULL.get(council, ()):
                errs.append("%s is null" % k)
            continue
        if k in oracle.MONEY_OUTPUTS:
            if not isinstance(v, str) or not MONEY_RE.match(v):
                errs.append("%s: money %r without two decimals" % (k, v))
        elif k in oracle.DATE_OUTPUTS:
            try:
                ok = (isinstance(v, str) and DATE_RE.match(v)
                      and datetime.date.fromisoformat(v))
            except ValueError:
                ok = False
            if not ok:
                errs.append("%s: not a date %r" % (k, v))
        elif k in oracle.INT_OUTPUTS:
            if type(v) is not int:
                errs.append("%s: not a whole number %r" % (k, v))
        elif k in oracle.BOOL_OUTPUTS:
            if type(v) is not bool:
                errs.append("%s: not a bool %r" % (k, v))
        elif k == "categories":
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                errs.append("%s: not a list of text %r" % (k, v))
        elif not isinstance(v, str):
            errs.append("%s: not text %r" % (k, v))
    return errs


def invariant_errors(council, case, d):
    """Cross-checks between outputs, each a consequence of the contract."""
    errs = []
    f = oracle.Facts(case)
    age = oracle.age_on(f["young_person.date_of_birth"], f["assessment_date"])
    m = lambda s: None if s is None else Fraction(s)  # noqa: E731
    if d["eligible"] and d["end_date"] is not None:
        if not f["assessment_date"] < datetime.date.fromisoformat(d["end_date"]):
            errs.append("eligible on or after end_date")
    if council == "west-berkshire":
        total, contrib = m(d["weekly_total_to_carer"]), m(d["weekly_young_person_contribution"])
        hb, pay = m(d["weekly_housing_benefit"]), m(d["weekly_council_payment"])
        if d["eligible"]:
            if d["age_band"] is None or hb is None or contrib is None:
                errs.append("eligible with a null band, HB or contribution")
            if not (0 <= contrib <= 60):
                errs.append("contribution out of 0..60")
            if total is not None and age >= 18 and pay + contrib + hb != total:
                errs.append("payment + contribution + HB != total")
            if total is not None and pay <= 0:
                errs.append("council payment not positive")
        else:
            for k in ("age_band", "weekly_total_to_carer", "weekly_housing_benefit",
                      "weekly_young_person_contribution", "weekly_council_payment",
                      "next_review_due", "housing_benefit_paid_to"):
                if d[k] is not None:
                    errs.append("%s set for an ineligible case" % k)
            if d["expected_to_claim_housing_benefit"]:
                errs.append("expected to claim HB while ineligible")
        if (d["means_tested_disregard"] == "whole"
                and (d["expected_to_claim_housing_benefit"]
                     or (contrib is not None and contrib > 0))):
            errs.append("whole disregard in a commercial arrangement")
        if age < 18 and (d["means_tested_disregard"] is not None
                         or d["next_review_due"] is not None):
            errs.append("under 18 with a disregard or a review")
    if council == "calderdale":
        cats = d["categories"]
        if d["staying_put_category"] != "none" and d["staying_put_category"] not in cats:
            errs.append("category not among categories")
        if d["eligible"] and not cats:
            errs.append("eligible without a category")
    return errs


def hand_examples():
    """Worked by hand from the contract's text; (description, got, want)."""
    D = datetime.date
    o = oracle
    out = [
        ("29 Feb 2008: 18th birthday", o.nth_birthday(D(2008, 2, 29), 18), D(2026, 3, 1)),
        ("29 Feb 2008: six months before 18", o.add_months(o.nth_birthday(D(2008, 2, 29), 18), -6), D(2025, 9, 1)),
        ("2025-01-31 + 1 month", o.add_months(D(2025, 1, 31), 1), D(2025, 2, 28)),
        ("2024-01-31 + 1 month", o.add_months(D(2024, 1, 31), 1), D(2024, 2, 29)),
        ("2025-03-31 - 1 month", o.add_months(D(2025, 3, 31), -1), D(2025, 2, 28)),
        ("2025-08-31 + 6 months", o.add_months(D(2025, 8, 31), 6), D(2026, 2, 28)),
        ("2025-12-15 + 1 month", o.add_months(D(2025, 12, 15), 1), D(2026, 1, 15)),
        ("2026-01-15 - 1 month", o.add_months(D(2026, 1, 15), -1), D(2025, 12, 15)),
        ("age on birthday", o.age_on(D(2007, 9, 1), D(2025, 9, 1)), 18),
        ("age day before", o.age_on(D(2007, 9, 2), D(2025, 9, 1)), 17),
        ("29 Feb age on 28 Feb common", o.age_on(D(2008, 2, 29), D(2026, 2, 28)), 17),
        ("29 Feb age on 1 Mar common", o.age_on(D(2008, 2, 29), D(2026, 3, 1)), 18),
        ("29 Feb age on 29 Feb leap", o.age_on(D(2008, 2, 29), D(2028, 2, 29)), 20),
        ("29 Feb age on 28 Feb leap", o.age_on(D(2008, 2, 29), D(2028, 2, 28)), 19),
        ("half penny up", o.round_half_up_penny(Fraction("10.005")), Fraction("10.01")),
        ("below half", o.round_half_up_penny(Fraction("10.004999")), Fraction("10.00")),
        ("money form", o.fmt_money(Fraction(0)), "0.00"),
        ("money form 2", o.fmt_money(Fraction("326.79")), "326.79"),
        ("mean of none", o.mean_money([]), Fraction(0)),
        ("money string", o.parse_money("57.90"), Fraction("57.9")),
    ]

    def wb(**kw):
        case = {"case_id": "H", "assessment_date": "2025-09-01",
                "young_person": {"date_of_birth": "2006-05-10",
                                 "looked_after_immediately_before_18": True},
                "placement": {"provider": "local_authority"}}
        for k, v in kw.items():
            gen_cases.put(case, k.replace("__", "."), v)
        return o.decide_west_berkshire(o.load_case(json.dumps(case)))

    # 19 years old (born 2006-05-10, assessed 2025-09-01): band 19_20, 276.79
    d = wb()
    out += [
        ("WB 19: band", d["age_band"], "19_20"),
        ("WB 19: total", d["weekly_total_to_carer"], "276.79"),
        ("WB 19: HB", d["weekly_housing_benefit"], "68.12"),
        ("WB 19: no income, no contribution", d["weekly_young_person_contribution"], "0.00"),
        ("WB 19: council pays total - HB", d["weekly_council_payment"], "208.67"),
        ("WB 19: HB to young person", d["housing_benefit_paid_to"], "young_person"),
        ("WB 19: commercial (HB)", d["means_tested_disregard"], "section_23c_only"),
        ("WB 19: review 6 months after 18th", d["next_review_due"], "2024-11-10"),
        ("WB 19: support meeting", d["support_meeting_due_by"], "2023-05-10"),
        ("WB 19: panel", d["panel_approval_due_by"], "2023-04-10"),
        ("WB 19: notice", d["notice_days"], 28),
        ("WB 19: group", d["carer_benefit_group"], 1),
    ]
    # M = 57.91: 10.00 + 0.005 -> 10.01 (rounded once, half up)
    d = wb(young_person__weekly_income=["57.91"])
    out.append(("WB contribution half penny", d["weekly_young_person_contribution"], "10.01"))
    d = wb(young_person__weekly_income=["57.90", "57.91"])  # M = 57.905
    out.append(("WB contribution 57.905", d["weekly_young_person_contribution"], "10.00"))
    d = wb(young_person__weekly_income=["9.99", "10.00"])  # M = 9.995 < 10
    out.append(("WB contribution below 10", d["weekly_young_person_contribution"], "0.00"))
    d = wb(young_person__weekly_income=["10"])
    out.append(("WB contribution at 10", d["weekly_young_person_contribution"], "10.00"))
    d = wb(young_person__weekly_income=["157.90"])
    out.append(("WB contribution at 157.90", d["weekly_young_person_contribution"], "60.00"))
    d = wb(young_person__weekly_income=["1000"])
    out.append(("WB contribution capped", d["weekly_young_person_contribution"], "60.00"))
    d = wb(young_person__weekly_income=["100", "100", "101"])  # M = 100.333..
    # 10 + (42.4333..)/2 = 31.21666.. -> 31.22
    out.append(("WB contribution recurring", d["weekly_young_person_contribution"], "31.22"))
    out.append(("WB payment recurring", d["weekly_council_payment"], "177.45"))
    d = wb(young_person__can_claim_lha=False, young_person__weekly_income=["57.90"])
    out += [("WB no LHA: HB 0.00", d["weekly_housing_benefit"], "0.00"),
            ("WB no LHA: pays total - 10", d["weekly_council_payment"], "266.79"),
            ("WB no LHA: commercial", d["means_tested_disregard"], "section_23c_only")]
    d = wb(young_person__can_claim_lha=False)
    out.append(("WB no LHA, no contribution: whole", d["means_tested_disregard"], "whole"))
    d = wb(assessment_date="2023-06-01")  # 17: under 18
    out += [("WB 17: band", d["age_band"], "under_18"),
            ("WB 17: council pays 373.59", d["weekly_council_payment"], "373.59"),
            ("WB 17: no review", d["next_review_due"], None),
            ("WB 17: no disregard", d["means_tested_disregard"], None),
            ("WB 17: not expected to claim", d["expected_to_claim_housing_benefit"], False),
            ("WB 17: HB 0.00", d["weekly_housing_benefit"], "0.00")]
    d = wb(education__university_vacation=True)
    out.append(("WB vacation: 20_21", d["age_band"], "20_21"))
    d = wb(education__on_agreed_programme=True, education__course_end_date="2027-06-30",
           assessment_date="2027-06-01")
    out += [("WB programme: end date", d["end_date"], "2027-06-30"),
            ("WB programme: eligible at 21", d["eligible"], True),
            ("WB programme: band", d["age_band"], "20_21")]
    d = wb(young_person__breached_agreement=True)
    out += [("WB breach: ineligible", d["eligible"], False),
            ("WB breach: notice 7", d["notice_days"], 7),
            ("WB breach: no total", d["weekly_total_to_carer"], None)]
    d = wb(young_person__disability_adult_services=True)
    out += [("WB disability: no total", d["weekly_total_to_carer"], None),
            ("WB disability: no payment", d["weekly_council_payment"], None),
            ("WB disability: contribution still", d["weekly_young_person_contribution"], "0.00")]
    d = wb(**{"young_person__date_of_birth": "2008-03-31", "assessment_date": "2025-01-01"})
    out.append(("WB panel clamps", d["panel_approval_due_by"], "2025-02-28"))
    return out


def self_check(council, lines, show):
    passed = failed = 0
    shown = 0
    for desc, got, want in hand_examples():
        if same(got, want):
            passed += 1
        else:
            failed += 1
            print("hand example %s: want %r, got %r" % (desc, want, got))
    for line in lines:
        case = oracle.load_case(line)
        errs = []
        try:
            d = oracle.decide(council, case)
        except Exception as e:  # noqa: BLE001
            errs.append("oracle raised %s: %s" % (type(e).__name__, e))
            d = None
        if d is not None:
            errs += form_errors(council, d)
            errs += invariant_errors(council, case, d)
            # the decision survives a round trip through JSON
            if json.loads(json.dumps(d)) != d:
                errs.append("decision does not round-trip")
        if errs:
            failed += 1
            if shown < show:
                shown += 1
                print("case: %s\ndecision: %s\nproblems: %s\n"
                      % (line, json.dumps(d), "; ".join(errs)))
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


# --------------------------------------------------------------------------
# against the engine
# --------------------------------------------------------------------------

def run_engine(stayput, council, rules, lines, jobs, keep):
    fd, path = tempfile.mkstemp(prefix="stayput-diff-", suffix=".jsonl")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")
    env = dict(os.environ)
    env["STAYPUT_RULES"] = os.path.abspath(rules)
    cmd = [stayput, "eval", "--council", council, "--batch", path]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    try:
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=600)
    finally:
        if keep:
            os.replace(path, keep)
        else:
            os.unlink(path)
    return p, cmd


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stayput", help="path to the stayput binary")
    ap.add_argument("--council", required=True, choices=sorted(oracle.DECIDERS))
    ap.add_argument("--rules", default="rules", help="STAYPUT_RULES folder")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--cases", help="read cases (JSON Lines) from this file "
                    "instead of generating them")
    ap.add_argument("--jobs", type=int, default=0, help="pass --jobs N")
    ap.add_argument("--show", type=int, default=5,
                    help="how many differing cases to print in full")
    ap.add_argument("--keep", help="keep the generated case file here")
    ap.add_argument("--self-check", action="store_true",
                    help="check the generator and the oracle only")
    a = ap.parse_args(argv)

    if a.cases:
        with open(a.cases, encoding="utf-8") as fh:
            lines = [l.rstrip("\n") for l in fh if l.strip()]
    else:
        lines = gen_cases.generate(a.council, a.seed, a.count)

    if a.self_check:
        return self_check(a.council, lines, a.show)
    if not a.stayput:
        ap.error("--stayput is required (or --self-check)")

    p, cmd = run_engine(a.stayput, a.council, a.rules, lines, a.jobs, a.keep)
    out_lines = [l for l in p.stdout.decode("utf-8", "replace").split("\n") if l.strip()]
    if p.returncode not in (0, 5):
        sys.stderr.write("stayput exited %d: %s\n%s\n" % (
            p.returncode, " ".join(cmd), p.stderr.decode("utf-8", "replace")[:4000]))
    if len(out_lines) != len(lines):
        sys.stderr.write("stayput wrote %d lines for %d cases\n"
                         % (len(out_lines), len(lines)))

    passed = failed = 0
    shown = 0
    by_key = collections.Counter()
    for i, line in enumerate(lines):
        case = oracle.load_case(line)
        expected = oracle.decide(a.council, case)
        problems = []
        got_obj = None
        if i < len(out_lines):
            try:
                got_obj = json.loads(out_lines[i])
            except ValueError as e:
                problems.append("output line is not JSON: %s" % e)
        else:
            problems.append("no output line")
        got = None
        if isinstance(got_obj, dict):
            if "error" in got_obj:
                problems.append("engine error: %s" % json.dumps(got_obj["error"]))
            elif not isinstance(got_obj.get("decision"), dict):
                problems.append("no decision object")
            else:
                got = got_obj["decision"]
                if got_obj.get("case_id") != case["case_id"]:
                    problems.append("case_id %r, want %r"
                                    % (got_obj.get("case_id"), case["case_id"]))
                if got_obj.get("council") != a.council:
                    problems.append("council %r" % got_obj.get("council"))
        diffs = compare(expected, got) if got is not None else []
        for k, _, _ in diffs:
            by_key[k] += 1
        if problems:
            by_key["<error>"] += 1
        if diffs or problems:
            failed += 1
            if shown < a.show:
                shown += 1
                print("=== case %d (line %d) differs" % (i + 1, i + 1))
                print("facts:    " + line)
                print("expected: " + json.dumps(expected))
                print("got:      " + (json.dumps(got) if got is not None
                                      else (out_lines[i] if i < len(out_lines) else "-")))
                for pr in problems:
                    print("  problem: " + pr)
                for k, e, g in diffs:
                    print("  %s: expected %s, got %s" % (k, json.dumps(e), json.dumps(g)))
                print()
        else:
            passed += 1
    if by_key:
        print("differences by output: " + ", ".join(
            "%s %d" % kv for kv in by_key.most_common()))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
