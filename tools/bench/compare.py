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


def text(line):
    return line.decode("utf-8", "replace").strip()


def compare_lines(out_path, ref_path, matches, show):
    """Counts the lines of OUT for which matches(line, reference line) is
    false, and lines that one file has beyond the other; prints the first
    SHOW differences as show(line, reference line) gives them."""
    bad = 0
    n = 0
    with open(out_path, "rb") as out, open(ref_path, "rb") as ref:
        for n, (line, want) in enumerate(zip(out, ref), 1):
            if not matches(line, want):
                bad += 1
                if bad <= SHOW:
                    print("line %d: want %s\n         got  %s" % ((n,) + show(line, want)))
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


def stayput_matches(line, want):
    want = json.loads(want)
    try:
        got = json.loads(line)
        decision = got["decision"]
        return (got["case_id"] == want["case_id"]
                and list(decision.items()) == [(k, want[k]) for k in OUTPUT_KEYS])
    except (ValueError, KeyError, TypeError):
        return False


def stayput_shown(line, want):
    shown = text(line)
    if len(shown) > 600:
        shown = shown[:600] + "..."
    return json.dumps(json.loads(want)), shown


def decisions_match(line, want):
    want = json.loads(want)
    try:
        got = json.loads(line)
        return same(got["case_id"], want["case_id"]) and same(got["decision"], want["decision"])
    except (ValueError, KeyError, TypeError):
        return False


def compare_stayput(out_path, ref_path):
    return compare_lines(out_path, ref_path, stayput_matches, stayput_shown)


def compare_decisions(out_path, ref_path):
    return compare_lines(out_path, ref_path, decisions_match,
                         lambda line, want: (json.dumps(json.loads(want)), text(line)[:2000]))


def compare_bytes(out_path, ref_path):
    return compare_lines(out_path, ref_path, lambda line, want: line == want,
                         lambda line, want: (text(want), text(line)))


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
