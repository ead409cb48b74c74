#!/usr/bin/env python3
"""Runs the transcripts of docs/caseworkers.md. Every ```json NAME or
```jsonl NAME block is written to the file NAME in an empty folder; then each
```sh block, in order, is a transcript: a line starting with `$ ` is a command,
run by bash in that folder (with `stayput` the binary under test and
STAYPUT_RULES the repository's rules/), and the lines up to the next command
are its expected output, standard output and standard error as they come (as
in a terminal), byte for byte.

usage: test_caseworkers_doc.py STAYPUT DOC [--show]
  --show   print what each command gives now, to write the document from"""
import os
import re
import subprocess
import sys
import tempfile


def transcripts(text):
    """The (command, expected output) pairs of every ```sh block, in order."""
    pairs = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        lines = block.splitlines(keepends=True)
        if not lines or not lines[0].startswith("$ "):
            pairs.append((None, block))   # a block that is no transcript fails
            continue
        for line in lines:
            if line.startswith("$ "):
                pairs.append([line[2:].rstrip("\n"), ""])
            else:
                pairs[-1][1] += line
    return pairs


def main():
    stayput, doc = os.path.abspath(sys.argv[1]), sys.argv[2]
    show = "--show" in sys.argv[3:]
    text = open(doc, encoding="utf-8").read()
    rules = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(doc)), "..", "rules"))
    files = re.findall(r"^```jsonl? ([\w.-]+)\n(.*?)^```", text, re.S | re.M)
    pairs = transcripts(text)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, body in files:
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(body)
        env = dict(os.environ, STAYPUT_RULES=rules, STAYPUT_BIN=stayput, LC_ALL="C")
        for command, expected in pairs:
            if command is None:
                failed += 1
                print(f"a ```sh block is not a transcript (its first line must be '$ command'):\n{expected}")
                continue
            run = subprocess.run(["bash", "-c", 'stayput() { "$STAYPUT_BIN" "$@"; }\n' + command],
                                 cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True)
            got = run.stdout
            if show:
                print(f"$ {command}\n{got}", end="")
            if got == expected:
                passed += 1
            else:
                failed += 1
                if not show:
                    print(f"$ {command}\n--- expected\n{expected}--- got\n{got}")
    if passed + failed == 0:
        print("no transcripts found")
        failed = 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
