#!/usr/bin/env python3
"""The commands of a guide are a test: they are run in order, in a copy of the
project's rules/ and examples/, and their output is compared with the guide's.

    test_doc_commands.py STAYPUT ROOT DOC.md

The blocks of the document, in order:
  ```sh              each line (but comments) is run with bash from the copy's
                     top folder, where build/stayput is the program under test;
                     every command must exit 0
  ```output          follows a ```sh block: the standard output of its last
                     command, exactly, except that a line '...' stands for any
                     number of lines
  ```LANG PATH       writes the file PATH of the copy before the next commands.
                     For LANG 'stayput' and a file that exists, the block
                     replaces the item that begins with the block's first line
                     (down to the next blank line, or the end of the file), or
                     is added at the end when no item begins so; otherwise the
                     block is the whole file.
Other blocks are not run.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.S | re.M)


def matches(expected, actual):
    """Whether the lines match, '...' standing for any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def write_file(top, path, lang, block):
    target = os.path.join(top, path)
    if lang == "stayput" and os.path.exists(target):
        lines = open(target, encoding="utf-8").read().splitlines(keepends=True)
        first = block.splitlines(keepends=True)[0]
        if first in lines:
            start = lines.index(first)
            end = start
            while end < len(lines) and lines[end].strip():
                end += 1
            lines[start:end] = block.splitlines(keepends=True)
        else:
            if lines and lines[-1].strip():
                lines.append("\n")
            lines.append(block)
        text = "".join(lines)
    else:
        text = block
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    stayput, root, doc = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    blocks = [(m.group(1).split(), m.group(2)) for m in FENCE.finditer(open(doc, encoding="utf-8").read())]
    commands = checked = 0
    with tempfile.TemporaryDirectory() as top:
        for folder in ("rules", "examples"):
            shutil.copytree(os.path.join(root, folder), os.path.join(top, folder))
        os.mkdir(os.path.join(top, "build"))
        os.symlink(stayput, os.path.join(top, "build", "stayput"))
        env = {k: v for k, v in os.environ.items() if k != "STAYPUT_RULES"}
        env["LC_ALL"] = "C"
        last = None
        for info, body in blocks:
            lang = info[0] if info else ""
            if lang == "sh":
                for line in body.splitlines():
                    if not line.strip() or line.lstrip().startswith("#"):
                        continue
                    run = subprocess.run(["bash", "-c", line], cwd=top, env=env, capture_output=True, text=True)
                    commands += 1
                    if run.returncode != 0:
                        print("FAIL: '%s' exited %d\n%s%s" % (line, run.returncode, run.stdout, run.stderr))
                        return 1
                    last = (line, run.stdout)
            elif lang == "output":
                if last is None:
                    print("FAIL: an output block follows no command")
                    return 1
                line, out = last
                if not matches(body.splitlines(), out.splitlines()):
                    print("FAIL: the output of '%s' is not the guide's\n--- the guide:\n%s--- the program:\n%s"
                          % (line, body, out))
                    return 1
                checked += 1
                last = None
            elif len(info) == 2:
                write_file(top, info[1], lang, body)
    if not commands:
        print("FAIL: no commands found in " + doc)
        return 1
    print("%s: %d commands run, %d outputs as shown" % (os.path.basename(doc), commands, checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
