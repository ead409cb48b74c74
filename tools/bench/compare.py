#!/usr/bin/env python3
"""Checks a bench program's output against the reference output, line by line.

usage:
  compare.py stayput OUT REF   stayput's batch output: every line's case_id, and
                               its decision key for key (same keys, same order,
                               same values), equal to the reference line's
  compare.py bytes OUT REF     a peer's output: byte-identical to the reference
  compare.py decisions OUT REF stayput's batch output against a line of the form
                               {"case_id":..., "decision": {...}} (the contract
                               oracle, tests/oracle/oracle.py): case_id and
                               decision equal key for key, JSON types included

REF is the bench reference (oracle.py's output, or baseline.c's, which must be
byte-identical to it). Prints one line, `ok: N lines` or the first differences,
and exits 0 when equal, 1 otherwise. Standard library only.
"""
import json
import sys

OUTPUT_KEYS = ["age_band", "total", "housing_benefit", "young_person_contribution",
               "council_payment"]
SHOW = 5


def compare_stayput(out_path, ref_path):
    bad = 0
    n = 0
    with open(out_path, "rb") as out, open(ref_path, "rb") as ref:
        for n, (line, want) in enumerate(zip(out, ref), 1):
            want = json.loads(want)
            try:
                got = json.loads(line)
                decision = got["decision"]
                ok = (got["case_id"] == want["case_id"]
                      and list(decision.items()) == [(k, want[k]) for k in OUTPUT_KEYS])
            except (ValueError, KeyError, TypeError):
                ok = False
            if not ok:
                bad += 1
                if bad <= SHOW:
                    shown = line.decode("utf-8", "replace").strip()
                    if len(shown) > 600:
                        shown = shown[:600] + "..."
                    print("line %d: want %s\n         got  %s" % (n, json.dumps(want), shown))
        rest_out = sum(1 for _ in out)
        rest_ref = sum(1 for _ in ref)
    if rest_out or rest_ref:
        print("line counts differ: %d extra output lines, %d extra reference lines"
              % (rest_out, rest_ref))
        bad += rest_out + rest_ref
    return n, bad


def same(a, b):
    """Equal values of the same JSON type (true is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


def compare_decisions(out_path, ref_path):
    bad = 0
    n = 0
    with open(out_path, "rb") as out, open(ref_path, "rb") as ref:
        for n, (line, want) in enumerate(zip(out, ref), 1):
            want = json.loads(want)
            try:
                got = json.loads(line)
                ok = (same(got["case_id"], want["case_id"])
                      and same(got["decision"], want["decision"]))
            except (ValueError, KeyError, TypeError):
                ok = False
            if not ok:
                bad += 1
                if bad <= SHOW:
                    print("line %d: want %s\n         got  %s"
                          % (n, json.dumps(want), line.decode("utf-8", "replace").strip()[:2000]))
        rest_out = sum(1 for _ in out)
        rest_ref = sum(1 for _ in ref)
    if rest_out or rest_ref:
        print("line counts differ: %d extra output lines, %d extra reference lines"
              % (rest_out, rest_ref))
        bad += rest_out + rest_ref
    return n, bad


def compare_bytes(out_path, ref_path):
    bad = 0
    n = 0
    with open(out_path, "rb") as out, open(ref_path, "rb") as ref:
        for n, (line, want) in enumerate(zip(out, ref), 1):
            if line != want:
                bad += 1
                if bad <= SHOW:
                    print("line %d: want %s\n         got  %s"
                          % (n, want.decode("utf-8", "replace").strip(),
                             line.decode("utf-8", "replace").strip()))
        rest_out = sum(1 for _ in out)
        rest_ref = sum(1 for _ in ref)
    if rest_out or rest_ref:
        print("line counts differ: %d extra output lines, %d extra reference lines"
              % (rest_out, rest_ref))
        bad += rest_out + rest_ref
    return n, bad


def main():
    modes = {"stayput": compare_stayput, "bytes": compare_bytes,
             "decisions": compare_decisions}
    if len(sys.argv) != 4 or sys.argv[1] not in modes:
        sys.exit(__doc__)
    mode, out_path, ref_path = sys.argv[1:]
    n, bad = modes[mode](out_path, ref_path)
    if bad:
        print("DIFFERENT: %d of %d lines differ (%s vs %s)" % (bad, n, out_path, ref_path))
        return 1
    print("ok: %d lines equal" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
