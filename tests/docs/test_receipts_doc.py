#!/usr/bin/env python3
"""Runs the ```console blocks of docs/receipts.md, in order, in one scratch
folder holding a copy of rules/ and examples/: each `$ ` line is a bash command
(`stayput` is the binary under test), and the lines after it, up to the next
`$ ` line, are its expected standard output and error, where `...` matches any
text within a line."""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def matches(expected, got):
    pattern = "".join(".*" if part == "..." else re.escape(part)
                      for part in re.split(r"(\.\.\.)", expected))
    return re.fullmatch(pattern, got) is not None


def main():
    stayput, doc = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    root = os.path.join(os.path.dirname(doc), "..")
    text = open(doc, encoding="utf-8").read()
    blocks = re.findall(r"^```console\n(.*?)^```", text, re.S | re.M)
    steps = []  # (command, expected lines)
    for block in blocks:
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(os.path.join(root, "rules"), os.path.join(tmp, "rules"))
        shutil.copytree(os.path.join(root, "examples"), os.path.join(tmp, "examples"))
        env = dict(os.environ, LC_ALL="C", STAYPUT_BIN=stayput)
        env.pop("STAYPUT_RULES", None)
        status = 0
        for command, expected in steps:
            if command == "echo $?":
                got = [str(status)]
            else:
                run = subprocess.run(["bash", "-c", 'stayput() { "$STAYPUT_BIN" "$@"; }\n' + command],
                                     cwd=tmp, env=env, capture_output=True, text=True)
                status = run.returncode
                got = (run.stdout + run.stderr).splitlines()
            ok = len(got) == len(expected) and all(matches(e, g) for e, g in zip(expected, got))
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"$ {command}\n--- expected\n" + "\n".join(expected) + "\n--- got\n" + "\n".join(got))
    if passed + failed == 0:
        print("no console blocks found")
        failed = 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
