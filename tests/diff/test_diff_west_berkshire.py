#!/usr/bin/env python3
"""stayput diff on a real policy: West Berkshire with one row of its payments
table changed, on a generated caseload with some bad lines.

What should change is worked out here, independently of `diff`: a case changes
exactly when its decision (by `stayput eval` under the old policy) is in the
changed age band with a weekly total, and then its total and the council's
payment (when it has one) rise by the change of the row. The sums are exact
(Decimal). The JSON report must match, byte for byte in the form the contract
gives; standard input must give the same; the text report must show the same
counts and totals.

    test_diff_west_berkshire.py --stayput build/stayput --rules rules
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import OrderedDict
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "oracle", "gen_cases.py")

BAND = "19_20"
OLD_ROW = "  19_20: 276.79\n"
NEW_ROW = "  19_20: 281.04\n"
STEP = Decimal("4.25")
MONEY_THAT_MOVES = ("weekly_total_to_carer", "weekly_council_payment")

# Bad lines put into the caseload, by their line number in the file.
BAD = {
    5: '{"case_id": "BAD-1", "assessment_date": "2025-06-01"',
    40: '{"case_id": "BAD-2", "assessment_date": "2025-06-01", "young_person": {"dob": "2006-01-01"}}',
    41: "",  # blank: no case, no error
    300: '{"case_id": "BAD-3", "assessment_date": "2025-02-30", "young_person": '
         '{"date_of_birth": "2006-01-01", "looked_after_immediately_before_18": true}, '
         '"placement": {"provider": "local_authority"}}',
}


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stayput", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    stayput = os.path.abspath(args.stayput)

    with tempfile.TemporaryDirectory() as tmp:
        # Two copies of the rules the council needs; the new one with the row changed.
        for side in ("old", "new"):
            for council in ("england", "west-berkshire"):
                shutil.copytree(os.path.join(args.rules, council), os.path.join(tmp, side, council))
        payments = os.path.join(tmp, "new", "west-berkshire", "payments.sp")
        text = open(payments, encoding="utf-8").read()
        if text.count(OLD_ROW) != 1:
            fail("the payments table has no row %r to change" % OLD_ROW)
        open(payments, "w", encoding="utf-8").write(text.replace(OLD_ROW, NEW_ROW))

        gen = run([sys.executable, GEN, "--council", "west-berkshire", "--seed", str(args.seed),
                   "--count", str(args.count)], check=True)
        lines = gen.stdout.splitlines()
        for n in sorted(BAD):
            lines.insert(n - 1, BAD[n])
        cases = os.path.join(tmp, "cases.jsonl")
        with open(cases, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))  # the last line without its newline
        bad_lines = sorted(n for n, t in BAD.items() if t)
        n_cases = sum(1 for t in lines if t.strip())

        # The old decisions, case by case (eval --batch: one output line per case).
        old_dir = os.path.join(tmp, "old", "west-berkshire")
        new_dir = os.path.join(tmp, "new", "west-berkshire")
        ev = run([stayput, "eval", "--policy", old_dir, "--batch", cases])
        if ev.returncode != 5:
            fail("eval of the caseload: exit %d, expected 5\n%s" % (ev.returncode, ev.stderr))
        numbers = [i + 1 for i, t in enumerate(lines) if t.strip()]
        decided = ev.stdout.splitlines()
        if len(decided) != len(numbers):
            fail("eval gave %d lines for %d cases" % (len(decided), len(numbers)))
        output_names = None
        expected_changes = []
        totals = {}
        for line, out in zip(numbers, decided):
            d = json.loads(out, object_pairs_hook=OrderedDict)
            if "error" in d:
                if line not in bad_lines:
                    fail("line %d failed under the old policy: %s" % (line, out))
                continue
            dec = d["decision"]
            if output_names is None:
                output_names = list(dec.keys())
            if dec.get("age_band") != BAND or dec["weekly_total_to_carer"] is None:
                continue
            changes = OrderedDict()
            for name in output_names:
                if name in MONEY_THAT_MOVES and dec[name] is not None:
                    was = Decimal(dec[name])
                    changes[name] = OrderedDict([("old", dec[name]), ("new", "%.2f" % (was + STEP))])
                    totals[name] = totals.get(name, Decimal("0.00")) + STEP
            expected_changes.append(OrderedDict([("line", line), ("case_id", d["case_id"]),
                                                 ("changes", changes)]))
        if len(expected_changes) < 20:
            fail("the caseload has only %d cases in band %s: not a test" % (len(expected_changes), BAND))

        # The outputs declared as money, read from the rule files.
        money_outputs = set()
        for council in ("england", "west-berkshire"):
            folder = os.path.join(tmp, "old", council)
            for fn in os.listdir(folder):
                money_outputs |= set(re.findall(r"^output (\w+): money\b",
                                                open(os.path.join(folder, fn), encoding="utf-8").read(), re.M))
        outputs = OrderedDict()
        for name in output_names:
            counted = sum(1 for c in expected_changes if name in c["changes"])
            money = name in money_outputs
            delta = "%.2f" % totals.get(name, Decimal("0.00")) if money else None
            outputs[name] = OrderedDict([("changed", counted), ("total_delta", delta)])
        summary = OrderedDict([("cases", n_cases), ("changed", len(expected_changes)),
                               ("errors", len(bad_lines)), ("outputs", outputs)])
        expected = "".join(json.dumps(x) + "\n" for x in [summary] + expected_changes)

        # diff, from the file and from standard input.
        cmd = [stayput, "diff", "--policy", old_dir, "--policy", new_dir, "--format", "json"]
        got = run(cmd + ["--batch", cases])
        with open(cases, "rb") as f:
            piped = subprocess.run(cmd + ["--batch", "-"], stdin=f, capture_output=True)
        for what, r, out in (("file", got, got.stdout), ("stdin", piped, piped.stdout.decode())):
            if r.returncode != 5:
                fail("diff (%s): exit %d, expected 5" % (what, r.returncode))
            if out != expected:
                exp, act = expected.splitlines(), out.splitlines()
                for i, (a, b) in enumerate(zip(exp, act)):
                    if a != b:
                        fail("diff (%s): line %d differs\nexpected %s\n     got %s" % (what, i + 1, a, b))
                fail("diff (%s): %d lines, expected %d" % (what, len(act), len(exp)))
        reported = [int(m) for m in re.findall(r"^stayput: line (\d+): ", got.stderr, re.M)]
        if reported != bad_lines:
            fail("errors reported for lines %s, expected %s\n%s" % (reported, bad_lines, got.stderr))
        if "under both policies" not in got.stderr:
            fail("an error that both policies give is not said once: " + got.stderr)

        # The new decisions agree with what was predicted (a check of the test).
        ev_new = run([stayput, "eval", "--policy", new_dir, "--batch", cases])
        for line, a, b in zip(numbers, decided, ev_new.stdout.splitlines()):
            if line in bad_lines:
                continue
            da, db = json.loads(a)["decision"], json.loads(b)["decision"]
            moved = {k for k in da if da[k] != db[k]}
            predicted = next((c["changes"].keys() for c in expected_changes if c["line"] == line), [])
            if moved != set(predicted):
                fail("line %d: eval says %s change, predicted %s" % (line, sorted(moved), sorted(predicted)))

        # The text report: the same counts and totals, for people.
        txt = run([stayput, "diff", "--policy", old_dir, "--policy", new_dir, "--batch", cases])
        if txt.returncode != 5:
            fail("diff (text): exit %d" % txt.returncode)
        head = txt.stdout.split("\nchanged cases:\n")[0]
        for label, value in (("cases", n_cases), ("changed", len(expected_changes)), ("errors", len(bad_lines))):
            if not re.search(r"^%s: +%d$" % (label, value), head, re.M):
                fail("text report: no line '%s: %d'\n%s" % (label, value, head))
        for name in MONEY_THAT_MOVES:
            row = r"^%s +%d +\+%s$" % (name, outputs[name]["changed"], re.escape(outputs[name]["total_delta"]))
            if not re.search(row, head, re.M):
                fail("text report: no row %r\n%s" % (row, head))
        if txt.stdout.count("\nline ") != len(expected_changes):
            fail("text report: not one entry per changed case")

    print("diff on west-berkshire: %d cases, %d changed, %d errors, totals %s: as predicted"
          % (n_cases, len(expected_changes), len(bad_lines),
             ", ".join("%s %s" % (k, outputs[k]["total_delta"]) for k in MONEY_THAT_MOVES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
