#!/usr/bin/env python3
"""stayput fmt is idempotent: for every rule file of the repository (rules/,
tools/bench/policy, tests/**/*.sp) and for the policy that docs/language.md's
stayput blocks make together, fmt(fmt(x)) == fmt(x). A file that does not
parse must be refused with exit 4 and nothing on standard output; no file may
meet the formatter's safety net (exit 6)."""
import glob
import os
import re
import subprocess
import sys


def fmt(stayput, data):
    run = subprocess.run([stayput, "fmt", "-"], input=data, capture_output=True)
    return run.returncode, run.stdout, run.stderr


def main():
    stayput, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    inputs = []
    for pattern in ("rules/*/*.sp", "tools/bench/policy/*.sp", "tests/**/*.sp"):
        for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
            with open(path, "rb") as f:
                inputs.append((os.path.relpath(path, root), f.read()))
    with open(os.path.join(root, "docs", "language.md"), encoding="utf-8") as f:
        blocks = re.findall(r"^```stayput\n(.*?)```", f.read(), re.S | re.M)
    inputs.append(("docs/language.md (its stayput blocks)", "\n".join(blocks).encode()))
    formatted = refused = failed = 0
    for name, data in inputs:
        status, once, err = fmt(stayput, data)
        if status == 4 and not once:
            refused += 1
            continue
        if status != 0:
            failed += 1
            print(f"{name}: exit {status}\n{err.decode(errors='replace')}")
            continue
        status, twice, err = fmt(stayput, once)
        if status != 0 or twice != once:
            failed += 1
            print(f"{name}: formatting the formatted file changes it again (exit {status})")
            continue
        formatted += 1
    print(f"{formatted} idempotent, {refused} refused (syntax errors), {failed} failed")
    return 1 if failed or formatted < 40 else 0


if __name__ == "__main__":
    sys.exit(main())
