#!/usr/bin/env python3
"""The language reference is a test: its ```stayput blocks, joined in order,
are one policy. It must check without errors and its examples must pass."""
import os
import re
import subprocess
import sys
import tempfile


def main():
    stayput, doc = os.path.abspath(sys.argv[1]), sys.argv[2]
    text = open(doc, encoding="utf-8").read()
    blocks = re.findall(r"^```stayput\n(.*?)^```", text, re.S | re.M)
    if not blocks:
        print("no stayput blocks found\n0 passed, 1 failed")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "tour")
        os.mkdir(folder)
        with open(os.path.join(folder, "policy.sp"), "w", encoding="utf-8") as f:
            f.write("\n".join(blocks))
        run = subprocess.run([stayput, "test", "tour"], cwd=tmp, capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    if run.returncode != 0 or not re.fullmatch(r"[1-9]\d* passed, 0 failed", last):
        print(f"the language reference's policy did not pass (exit {run.returncode})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
