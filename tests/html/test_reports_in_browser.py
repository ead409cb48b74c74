#!/usr/bin/env python3
"""Decision reports in a real browser: each bundled example (examples/*-case.json,
with its council) is written as an HTML page quoting the policy texts, then
headless Chromium reads it back (its DOM after loading) and draws it (a PNG).

Checks, for each page: the decision table holds every output with the value the
JSON decision has; every citation is quoted, the quote's text standing in the
policy text files themselves; the page has no script and loads nothing; the PNG
is not blank. Then a case whose reference is markup stays inert in the browser,
and the commands of docs/auditors.md run and their index page renders.

Exit 77 (ctest SKIP) when no Chromium is installed. Without the policy texts
folder the pages are made and checked without quotes (the citations alone).
usage: test_reports_in_browser.py --stayput BIN --root REPO --sources DIR
"""
import argparse
import concurrent.futures
import glob
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pngcheck  # noqa: E402

SKIP = 77


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, binary, scratch):
        self.binary = binary
        self.scratch = scratch

    def run(self, args, url, name):
        profile = os.path.join(self.scratch, "profile-" + name)  # one per run: they run at once
        cmd = [self.binary, "--headless=new", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
               "--user-data-dir=" + profile, *args, url]
        return subprocess.run(cmd, capture_output=True, timeout=120)

    def render(self, path, name):
        """Loads the page once: its DOM after loading, a PNG of the window, and
        the page printed to PDF (its print styles)."""
        png = os.path.join(self.scratch, name + ".png")
        pdf = os.path.join(self.scratch, name + ".pdf")
        run = self.run(["--window-size=800,900", "--screenshot=" + png, "--print-to-pdf=" + pdf,
                        "--no-pdf-header-footer", "--dump-dom"], "file://" + os.path.abspath(path),
                       name)
        if run.returncode != 0 or not os.path.exists(png) or not os.path.exists(pdf):
            raise RuntimeError(f"chromium failed on {path}: {run.stderr.decode()[-2000:]}")
        return run.stdout.decode("utf-8"), png, pdf


class Page(html.parser.HTMLParser):
    """What a reader sees of a page: its text, the decision table's rows, each
    citation with its quote, and any element that could run or fetch."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.stack = [], []
        self.rows, self.row, self.cell = {}, None, None
        self.cites, self.in_caption, self.in_quote = [], False, False
        self.active = []  # script, iframe, object, embed, link, img, on* attributes
        self.in_decision = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        attrs = dict(attrs)
        if tag in ("script", "iframe", "object", "embed", "link", "img", "frame", "base"):
            self.active.append(tag)
        self.active += [k for k in attrs if k.startswith("on")]
        if tag == "section" and attrs.get("id") == "decision":
            self.in_decision = True
        if self.in_decision and tag == "tr":
            self.row = []
        if self.row is not None and tag in ("th", "td"):
            self.cell = []
        if tag == "figcaption":
            self.in_caption = True
            self.cites.append({"cite": "", "quote": [], "where": ""})
        if tag == "blockquote":
            self.in_quote = True
        if tag == "p" and self.in_quote:
            self.cites[-1]["quote"].append("")

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        if tag == "section" and self.in_decision and "section" not in self.stack[1:]:
            self.in_decision = False
        if tag in ("th", "td") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        if tag == "tr" and self.row is not None:
            if len(self.row) == 2 and self.row[0] != "Output":
                self.rows[self.row[0]] = self.row[1]
            self.row = None
        if tag == "figcaption":
            self.in_caption = False
        if tag == "blockquote":
            self.in_quote = False

    def handle_data(self, data):
        if "style" in self.stack:
            return
        if "title" in self.stack:
            self.title += data
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.in_caption:
            self.cites[-1]["cite"] += data
        elif self.in_quote and self.cites and self.cites[-1]["quote"]:
            self.cites[-1]["quote"][-1] += data
        elif self.cites and "p" in self.stack and "figure" in self.stack:
            self.cites[-1]["where"] += data


def parse(dom):
    p = Page()
    p.feed(dom)
    p.close()
    return p


def shown(value):
    """A JSON decision value as the report writes it."""
    if value is None:
        return "does not apply"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) if value else "none (an empty list)"
    return str(value)


def loose(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL " + what)


def check_picture(t, name, png, pdf, least):
    colours, share = pngcheck.ink(png)
    t.check(colours > 1 and share > least,
            f"{name}: the picture is not blank ({colours} colours, {share:.1%} drawn)")
    data = open(pdf, "rb").read()
    pages = re.search(rb"/Count (\d+)", data)
    t.check(data.startswith(b"%PDF") and pages and int(pages.group(1)) >= 1,
            f"{name}: it prints (to PDF)")


def check_page(t, name, rendered, decision, texts, quoting):
    dom, png, pdf = rendered
    p = parse(dom)
    t.check(not p.active, f"{name}: the page has no script and loads nothing ({p.active})")
    t.check(decision["case_id"] in p.title, f"{name}: the title names case {decision['case_id']}")
    text = loose("".join(p.text))
    t.check(decision["policy"]["digest"] in text, f"{name}: the policy digest is shown")
    t.check(f"version {decision['policy']['version']}" in text, f"{name}: the policy version is shown")
    t.check("@media print" in dom, f"{name}: the page has print styles")
    for output, value in decision["decision"].items():
        t.check(p.rows.get(output) == shown(value),
                f"{name}: output {output} reads {shown(value)!r} (page: {p.rows.get(output)!r})")
    t.check(len(p.rows) == len(decision["decision"]), f"{name}: one row per output")
    cites = {r["cites"] for rs in decision["reasons"].values() for r in rs}
    on_page = {loose(c["cite"]) for c in p.cites}
    for cite in cites:
        for one in cite.split("; "):
            t.check("Cites " + loose(one) in on_page, f"{name}: cites {one!r}")
    t.check(p.cites, f"{name}: some clause is cited")
    quoted = set()
    for c in p.cites if quoting else []:
        quote = [loose(q) for q in c["quote"] if loose(q) and loose(q) != "[\u2026]"]
        if loose(c["where"]) == "Quoted above.":
            t.check(loose(c["cite"]) in quoted, f"{name}: {c['cite']!r} was quoted above")
            continue
        quoted.add(loose(c["cite"]))
        t.check(quote, f"{name}: {c['cite']!r} is quoted ({loose(c['where'])})")
        t.check("was not found in this section" not in c["where"],
                f"{name}: {c['cite']!r} is quoted with no warning ({loose(c['where'])})")
        for q in quote:
            t.check(any(q in text_ for text_ in texts),
                    f"{name}: the quote {q[:60]!r}... stands in a policy text")
        if quote:
            section = loose(c["cite"]).split(", ", 1)[1] if ", " in c["cite"] else ""
            heading = quote[0].rstrip(":")
            t.check(section.startswith(heading) or "passage" in c["where"],
                    f"{name}: the quote opens with the heading of {section!r} (got {heading!r})")
    check_picture(t, name, png, pdf, 0.01)
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stayput", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--sources", required=True)
    args = ap.parse_args()
    binary = chromium_binary()
    if not binary:
        print("SKIP: no Chromium (apt-get install chromium) to render the reports")
        return SKIP
    stayput, root = os.path.abspath(args.stayput), os.path.abspath(args.root)
    quoting = os.path.isdir(args.sources)
    if not quoting:
        print(f"NOTE: no policy texts folder at {args.sources}: the pages are checked without "
              "quotes")
        args.sources = os.path.join(root, "tests", "golden", "html-sources", "texts")
    env = dict(os.environ, STAYPUT_RULES=os.path.join(root, "rules"))
    texts = [loose(open(f, encoding="utf-8", errors="replace").read())
             for f in glob.glob(os.path.join(args.sources, "*.txt"))]
    t = Checks()
    with tempfile.TemporaryDirectory() as scratch:
        browser = Browser(binary, scratch)
        pages = {}      # name -> page file, all rendered at once below
        decisions = {}  # council -> its JSON decision
        examples = sorted(glob.glob(os.path.join(root, "examples", "*-case.json")))
        t.check(examples, "bundled examples found")
        for case in examples:
            council = os.path.basename(case)[:-len("-case.json")]
            decisions[council] = json.loads(subprocess.run(
                [stayput, "eval", "--council", council, case], env=env, check=True,
                capture_output=True).stdout)
            pages[council] = os.path.join(scratch, council + ".html")
            with open(pages[council], "wb") as f:
                run = subprocess.run([stayput, "eval", "--council", council, "--format", "html",
                                      "--sources", args.sources, case], env=env, stdout=f,
                                     stderr=subprocess.PIPE)
            t.check(run.returncode == 0 and (not run.stderr or not quoting),
                    f"{council}: eval --format html exits 0 quietly ({run.returncode}, {run.stderr!r})")

        # A reference that is markup must stay text in the browser.
        case = json.load(open(os.path.join(root, "examples", "west-berkshire-case.json")))
        case["case_id"] = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
        hostile = os.path.join(scratch, "hostile.json")
        json.dump(case, open(hostile, "w"))
        pages["hostile"] = os.path.join(scratch, "hostile.html")
        with open(pages["hostile"], "wb") as f:
            subprocess.run([stayput, "eval", "--council", "west-berkshire", "--format", "html",
                            hostile], env=env, stdout=f, check=True)

        # The commands of docs/auditors.md, as written; their index page.
        doc = open(os.path.join(root, "docs", "auditors.md"), encoding="utf-8").read()
        blocks = re.findall(r"```sh\n(.*?)```", doc, re.S)
        t.check(blocks, "docs/auditors.md has commands")
        work = os.path.join(scratch, "doc")
        os.makedirs(os.path.join(work, "build"))
        os.symlink(stayput, os.path.join(work, "build", "stayput"))
        for name in ("examples", "rules"):
            os.symlink(os.path.join(root, name), os.path.join(work, name))
        for block in blocks:
            script = re.sub(r"^texts=.*$", "texts=" + args.sources, block, flags=re.M)
            run = subprocess.run(["bash", "-c", "set -u\n" + script], cwd=work,
                                 capture_output=True, text=True, env=dict(os.environ))
            t.check(run.returncode == 0, f"docs/auditors.md block runs:\n{block}{run.stderr}")
        index = os.path.join(work, "reports", "index.html")
        t.check(os.path.exists(index), "docs/auditors.md: the batch wrote reports/index.html")
        if os.path.exists(index):
            pages["index"] = index

        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            rendered = dict(zip(pages, pool.map(browser.render, pages.values(), pages)))

        for council, decision in decisions.items():
            check_page(t, council, rendered[council], decision, texts, quoting)
        p = parse(rendered["hostile"][0])
        t.check(not p.active, f"hostile reference: no element runs or fetches ({p.active})")
        t.check("pwned" != p.title.strip() and case["case_id"] in p.title,
                "hostile reference: the title shows it as text")
        t.check(case["case_id"] in "".join(p.text), "hostile reference: the heading shows it as text")
        if "index" in rendered:
            dom, png, pdf = rendered["index"]
            p = parse(dom)
            text = loose("".join(p.text))
            t.check("WB-0001" in text and "missing_key" in text,
                    "the index lists the decided case and the bad line's error")
            t.check(not p.active, "the index has no script and loads nothing")
            check_picture(t, "index", png, pdf, 0.005)
    print(f"{t.passed} passed, {t.failed} failed")
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main())
