#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora, tests/fuzz/corpus/<target>/.

    tests/fuzz/make_corpus.py          (from anywhere; rewrites the seeds)

The seeds copied from the repository (named src-*) are rewritten each time:
the bundled rule files (each, and each policy's joined into one), the golden
tests' rule files and cases, the rule files of docs/language.md and
docs/errors.md, the examples, and generated valid cases of each bundled
policy (tests/oracle/gen_cases.py).
The hand-made bad inputs (bad-*) are written from the table below. Files of
other names (crash-*, leak-*, timeout-*: reproducers of fixed bugs, and what
fuzzing added) are left alone.
"""

import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(HERE, "corpus")

VALID_CASE = open(os.path.join(ROOT, "examples", "west-berkshire-case.json"), "rb").read()

# Broken and hostile inputs of each kind, by name.
BAD_RULES = {
    "empty": b"",
    "bom": b"\xef\xbb\xbfpolicy \"p\"\nversion \"1\"\nsource \"S\"\n",
    "crlf": b"policy \"p\"\r\nversion \"1\"\r\nsource \"S\"\r\nfact a: bool required\r\n"
            b"output o: bool\r\nrule r: o = a\r\n",
    "nul": b"policy \"p\"\nfact a\x00: bool\n",
    "bad-utf8-string": b"policy \"p\xff\xfe\"\nversion \"\xc3\"\n",
    "bad-utf8-ident": b"policy \"p\"\nfact caf\xc3\xa9: bool\nfact \xe2\x82: bool\n",
    "unterminated-string": b"policy \"p\nversion \"1",
    "deep-parens": b"policy \"p\"\nfact a: bool required\noutput o: bool\nrule r: o = "
                   + b"(" * 5000 + b"a" + b")" * 5000 + b"\n",
    "deep-not": b"policy \"p\"\nfact a: bool required\noutput o: bool\nrule r: o = "
                + b"not " * 5000 + b"a\n",
    "long-chain-and": b"policy \"p\"\nfact a: bool required\noutput o: bool\nrule r: o = a"
                      + b" and a" * 5000 + b"\n",
    "long-number": b"policy \"p\"\nfigure f: money = " + b"9" * 10000 + b"\n",
    "long-ident": b"policy \"p\"\nfact " + b"x" * 20000 + b": bool\n",
    "long-line": b"policy \"p\"\n" + b" " * 20000 + b"@\n",
    "many-errors": b"@\n" * 500,
    "stray-bytes": bytes(range(256)),
    "extends-self": b"policy \"p\"\nextends \"p\"\n",
    "extends-england": b"policy \"fuzzed\"\nextends \"england\"\nversion \"1\"\nsource \"S\"\n",
    "extends-missing": b"policy \"fuzzed\"\nextends \"no-such-policy\"\n",
}

BAD_CASES = {
    "empty": b"",
    "spaces": b" \t\r\n ",
    "bom": b"\xef\xbb\xbf" + VALID_CASE,
    "crlf": VALID_CASE.replace(b"\n", b"\r\n"),
    "nul-inside": VALID_CASE[:40] + b"\x00" + VALID_CASE[40:],
    "nul-escape": b"{\"case_id\": \"a\\u0000b\"}",
    "lone-surrogate": b"{\"case_id\": \"\\ud800\"}",
    "bad-utf8": b"{\"case_id\": \"\xff\xc3\x28\"}",
    "deep-arrays": b"[" * 100000 + b"]" * 100000,
    "deep-objects": b"{\"a\":" * 1000 + b"1" + b"}" * 1000,
    "long-number": VALID_CASE.replace(b"95.40", b"9" * 10000 + b".40"),
    "long-fraction": VALID_CASE.replace(b"95.40", b"95." + b"4" * 10000),
    "exponent": VALID_CASE.replace(b"95.40", b"9.54e1"),
    "negative-money": VALID_CASE.replace(b"95.40", b"-95.40"),
    "impossible-date": VALID_CASE.replace(b"2006-03-15", b"2006-02-30"),
    "far-date": VALID_CASE.replace(b"2006-03-15", b"9999-12-31"),
    "duplicate-key": b"{\"case_id\": \"a\", \"case_id\": \"b\"}",
    "trailing-garbage": VALID_CASE + b"}",
    "long-income-list": VALID_CASE.replace(b"95.40,", b"1.00, " * 10000),
    "not-object": b"[1, 2, 3]",
    "wrong-types": b"{\"case_id\": 1, \"assessment_date\": true, \"young_person\": []}",
    "long-key": b"{\"" + b"k" * 20000 + b"\": 1}",
    "long-case-id": VALID_CASE.replace(b"WB-0001", b"W" * 1000),
}

BAD_BATCHES = {
    "empty": b"",
    "blank-lines": b"\n\n \t\n\r\n",
    "crlf": VALID_CASE.replace(b"\n", b"") + b"\r\n" + b"{not json\r\n",
    "no-final-newline": VALID_CASE.replace(b"\n", b""),
    "mixed": VALID_CASE.replace(b"\n", b"") + b"\n\n{not json\n[]\n\"x\"\n"
             + VALID_CASE.replace(b"\n", b"") + b"\n",
    "nul": b"{\"case_id\": \"a\"}\x00\n\x00\n",
    "split-case": VALID_CASE,
    "form-feed-line": b"\x0c\x0b\n{}\n",
}


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def clear(target, prefix):
    for path in glob.glob(os.path.join(CORPUS, target, prefix + "*")):
        os.remove(path)


def flat(path):
    """A repository path as one file name."""
    return os.path.relpath(path, ROOT).replace(os.sep, "-")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def generated_cases(council, count):
    script = os.path.join(ROOT, "tests", "oracle", "gen_cases.py")
    out = subprocess.run([sys.executable, script, "--council", council, "--seed", "1",
                          "--count", str(count)], check=True, capture_output=True).stdout
    return out.splitlines()


# Tokens of the rule language that are not words of keywords.def.
RULE_TOKENS = ["is not", "whole number", "on or after", "on or before", "<=", ">=", "!=",
               "#", "\"", "\\\"", "\\n", "2024-02-29", "1st", "30th", "0.00", "_"]
JSON_TOKENS = ["{", "}", "[", "]", ":", ",", "\"", "true", "false", "null", "\\u0000",
               "\\ud83d\\ude00", "\\ud800", "\\\"", "\\/", "e+", "E-", "-0", "0.5",
               "\ufeff", "\r\n"]


def dict_entry(token):
    """One line of a libFuzzer dictionary: the token quoted, bytes escaped."""
    out = ""
    for b in token.encode("utf-8"):
        c = chr(b)
        out += "\\x%02x" % b if b < 0x20 or b >= 0x7f or c in "\"\\" else c
    return '"%s"' % out


def write_dict():
    """stayput.dict: the language's keywords and built-in functions (from
    src/keywords.def and src/builtins.def), its operators, JSON's tokens and
    the keys of the example cases."""
    words = []
    for name in ("keywords.def", "builtins.def"):
        for line in open(os.path.join(ROOT, "src", name)):
            m = re.match(r'X\((?:\w+,\s*)?"([^"]+)"', line)
            if m and m.group(1) not in words:
                words.append(m.group(1))
    keys = []

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k not in keys:
                    keys.append(k)
                walk(x)
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "*.json"))):
        walk(json.load(open(path)))
    lines = ["# libFuzzer dictionary of the fuzz targets; written by make_corpus.py", "",
             "# the rule language: keywords, built-in functions, other tokens"]
    lines += ["kw_%s=%s" % (re.sub(r"\W", "_", w), dict_entry(w)) for w in words]
    lines += [dict_entry(t) for t in RULE_TOKENS]
    lines += ["", "# JSON"] + [dict_entry(t) for t in JSON_TOKENS]
    lines += ["", "# keys of the example cases"] + [dict_entry('"%s"' % k) for k in keys]
    with open(os.path.join(HERE, "stayput.dict"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    write_dict()
    for target in ("rules", "case", "batch"):
        clear(target, "src-")
        clear(target, "bad-")

    rule_files = sorted(glob.glob(os.path.join(ROOT, "rules", "*", "*.sp"))
                        + glob.glob(os.path.join(ROOT, "tests", "golden", "**", "*.sp"),
                                    recursive=True))
    for path in rule_files:
        write("rules", "src-" + flat(path), read(path))
    # Each policy folder as one file (the fuzzer loads a policy of one file).
    for folder in sorted(glob.glob(os.path.join(ROOT, "rules", "*"))
                         + glob.glob(os.path.join(ROOT, "tests", "golden", "*", "policy"))):
        files = sorted(glob.glob(os.path.join(folder, "*.sp")))
        if len(files) > 1:
            write("rules", "src-whole-" + flat(folder), b"\n".join(read(f) for f in files))
    # The language reference's blocks, joined, are one policy (as its test
    # runs them); each rule file of the error reference is one seed.
    docs = os.path.join(ROOT, "docs")
    tour = re.findall(r"^```stayput\n(.*?)^```", open(os.path.join(docs, "language.md")).read(),
                      re.S | re.M)
    if tour:
        write("rules", "src-docs-language-tour", "\n".join(tour).encode())
    errors = open(os.path.join(docs, "errors.md")).read()
    for i, block in enumerate(re.findall(r"^```stayput\n(.*?)^```", errors, re.S | re.M)):
        write("rules", "src-docs-errors-%02d" % (i + 1), block.encode())
    for name, data in BAD_RULES.items():
        write("rules", "bad-" + name, data)

    councils = sorted(d for d in os.listdir(os.path.join(ROOT, "rules"))
                      if os.path.isdir(os.path.join(ROOT, "rules", d)))
    cases = sorted(glob.glob(os.path.join(ROOT, "examples", "*.json"))
                   + glob.glob(os.path.join(ROOT, "tests", "golden", "*", "*.json")))
    for path in cases:
        write("case", "src-" + flat(path), read(path))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "*", "*.jsonl"))):
        write("batch", "src-" + flat(path), b"".join(read(path).splitlines(True)[:20]))
        for i, line in enumerate(read(path).splitlines()[:20]):
            if line.strip():
                write("case", "src-%s-line%d" % (flat(path), i + 1), line)
    for council in councils:
        try:
            lines = generated_cases(council, 40)
        except subprocess.CalledProcessError:
            continue  # a council the generator does not know
        for i, line in enumerate(lines[:12]):
            write("case", "src-generated-%s-%02d" % (council, i + 1), line + b"\n")
        write("batch", "src-generated-%s" % council, b"\n".join(lines[12:20]) + b"\n")
    for name, data in BAD_CASES.items():
        write("case", "bad-" + name, data)
    for name, data in BAD_BATCHES.items():
        write("batch", "bad-" + name, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
