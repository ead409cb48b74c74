#!/usr/bin/env python3
"""The engine knows no policy: no fact, output, figure (by name or by value),
table or council of any folder under rules/ may be written in src/ or
grammar/. Fails naming each file, line and word."""
import os
import re
import sys


def declared(rules):
    words, numbers = set(), set()
    for folder in sorted(os.listdir(rules)):
        path = os.path.join(rules, folder)
        if not os.path.isdir(path):
            continue
        words.add(folder)
        for name in sorted(os.listdir(path)):
            if not name.endswith(".sp"):
                continue
            text = open(os.path.join(path, name), encoding="utf-8").read()
            text = re.sub(r"#[^\n]*", "", text)
            for kind, ident in re.findall(r"^(fact|output|figure|table|policy)\s+\"?([A-Za-z_][\w.\-]*)", text, re.M):
                words.add(ident)
                parts = ident.split(".")
                for i in range(1, len(parts)):   # the groups of a dotted fact
                    words.add(".".join(parts[:i]))
            for value in re.findall(r"^figure\s+\w+\s*:[^=]*=\s*([0-9]+\.[0-9]+)", text, re.M):
                numbers.add(value)
            for value in re.findall(r"^\s+\w+:\s*([0-9]+\.[0-9]+)\s*$", text, re.M):  # table rows
                numbers.add(value)
    return words, numbers


# Words the contract itself fixes in the output, whatever the policy:
# `case_id` is always the key of the case's reference (sections 1 and 2).
CONTRACT_WORDS = {"case_id"}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    words, numbers = declared(os.path.join(root, "rules"))
    words -= CONTRACT_WORDS
    numbers = {n for n in numbers if n.strip("0.")}  # 0.00 names no policy
    if not words:
        print("no policies found under rules/\n0 passed, 1 failed")
        return 1
    found = []
    for part in ("src", "grammar"):
        for dirpath, _, files in os.walk(os.path.join(root, part)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                for lineno, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
                    for w in words:
                        if re.search(r"(?<![\w.\-])" + re.escape(w) + r"(?![\w\-])", line):
                            found.append(f"{os.path.relpath(path, root)}:{lineno}: names '{w}'")
                    for n in numbers:
                        if re.search(r"(?<![\d.])" + re.escape(n) + r"(?![\d])", line):
                            found.append(f"{os.path.relpath(path, root)}:{lineno}: holds the figure {n}")
    for f in found:
        print(f)
    print(f"checked {len(words)} names and {len(numbers)} figures of rules/ against src/ and grammar/")
    print(f"{0 if found else 1} passed, {1 if found else 0} failed")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
