#!/usr/bin/env python3
"""Runs every example of docs/errors.md: each ```stayput block is saved as
demo/policy.sp, checked with `stayput check demo`, and its diagnostics must
equal the ```console block that follows, byte for byte; each ```json case is
evaluated against the bundled england policy, and its error line likewise.
A section without such blocks (a limit too large to show) is left to the
golden tests; a pattern never reaches past the next ### heading."""
import os
import re
import subprocess
import sys
import tempfile


def main():
    stayput, doc = os.path.abspath(sys.argv[1]), sys.argv[2]
    text = open(doc, encoding="utf-8").read()
    pattern = re.compile(
        r"^### (E\d{4})[^\n]*\n(?:(?!\n### ).)*?```stayput\n(.*?)```\n\n```console\n\$ stayput check demo\n(.*?)```",
        re.S | re.M)
    passed = failed = 0
    for code, source, expected in pattern.findall(text):
        with tempfile.TemporaryDirectory() as tmp:
            os.mkdir(os.path.join(tmp, "demo"))
            with open(os.path.join(tmp, "demo", "policy.sp"), "w", encoding="utf-8") as f:
                f.write(source)
            run = subprocess.run([stayput, "check", "demo"], cwd=tmp, capture_output=True, text=True)
        ok = run.returncode == 4 and run.stderr == expected and f"error[{code}]" in run.stderr
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"{code}: exit {run.returncode}\n--- expected\n{expected}--- got\n{run.stderr}")
    # Case input: each ```json case, evaluated against the bundled england.
    rules = os.path.join(os.path.dirname(os.path.abspath(doc)), "..", "rules")
    cases = re.compile(
        r"^### ([a-z_]+)\n(?:(?!\n### ).)*?```json\n(.*?)```\n\n```console\n\$ stayput eval --council england case.json\n(.*?)```",
        re.S | re.M)
    for code, case, expected in cases.findall(text):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "case.json"), "w", encoding="utf-8") as f:
                f.write(case)
            env = dict(os.environ, STAYPUT_RULES=os.path.abspath(rules))
            run = subprocess.run([stayput, "eval", "--council", "england", "case.json"], cwd=tmp,
                                 capture_output=True, text=True, env=env)
        if run.returncode == 3 and run.stderr == expected and f": {code}: " in run.stderr:
            passed += 1
        else:
            failed += 1
            print(f"{code}: exit {run.returncode}\n--- expected\n{expected}--- got\n{run.stderr}")
    if passed + failed == 0:
        print("no examples found")
        failed = 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
