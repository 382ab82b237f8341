#!/usr/bin/python3
# test-cli.py: greenassess-cli used the way a new user uses it (TAP output)
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.py PATH/TO/greenassess-cli FIXTURES_DIR
#
# Every case runs the real executable and checks its exit status, what it
# prints on stdout and on stderr. The fixtures in tests/fixtures/cli are
# small synthetic templates whose scores are worked out by hand below.

import json
import os
import re
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
FIX = sys.argv[2]

results = []


def fixture(name):
    return os.path.join(FIX, name)


def run(*args, stdin=None, env_extra=None, cwd=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    env.setdefault("LANGUAGE", "en")
    if env_extra:
        env.update(env_extra)
    proc = subprocess.run([CLI] + list(args), capture_output=True, env=env,
                          input=stdin, timeout=120, cwd=cwd)
    return (proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


class Skip(Exception):
    pass


def case(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def check(cond, what, out=None, err=None):
    if not cond:
        detail = what
        if out is not None:
            detail += "\n--- stdout ---\n" + out
        if err is not None:
            detail += "\n--- stderr ---\n" + err
        raise AssertionError(detail)


def expect(args, code, out_has=(), err_has=(), out_not=(), err_not=(), env_extra=None,
           cwd=None):
    rc, out, err = run(*args, env_extra=env_extra, cwd=cwd)
    check(rc == code, "exit status %d, expected %d for %r" % (rc, code, args), out, err)
    for s in out_has:
        check(s in out, "stdout lacks %r" % s, out, err)
    for s in err_has:
        check(s in err, "stderr lacks %r" % s, out, err)
    for s in out_not:
        check(s not in out, "stdout has %r" % s, out, err)
    for s in err_not:
        check(s not in err, "stderr has %r" % s, out, err)
    return out, err


# --- usage ----------------------------------------------------------------

@case("no arguments: usage on stderr, exit 2")
def _():
    out, err = expect([], 2, err_has=["Usage:", "Commands:", "templates", "validate",
                                      "evaluate", "formula"])
    check(out == "", "nothing on stdout", out, err)


@case("unknown command: exit 2 and names it")
def _():
    expect(["frobnicate"], 2, err_has=["unknown command 'frobnicate'", "Usage:"])


@case("unknown top-level option: exit 2")
def _():
    expect(["--frob"], 2, err_has=["unknown option '--frob'"])


@case("--help lists the commands on stdout, exit 0")
def _():
    expect(["--help"], 0, out_has=["Usage:", "templates", "validate", "evaluate", "formula",
                                   "Exit status"])


@case("--version")
def _():
    out, _ = expect(["--version"], 0, out_has=["greenassess-cli "])
    check(re.match(r"greenassess-cli \d+\.\d+", out) is not None, "version number", out)


@case("every command has --help")
def _():
    for cmd, word in (("templates", "bundled"), ("validate", "FILE"),
                      ("evaluate", "ANSWERS.json"), ("formula", "EXPRESSION")):
        out, err = expect([cmd, "--help"], 0, out_has=["greenassess-cli " + cmd, word])
        check(err == "", "no stderr for %s --help" % cmd, out, err)


@case("help COMMAND is COMMAND --help")
def _():
    expect(["help", "formula"], 0, out_has=["--set", "--excel"])
    expect(["help", "nosuch"], 2, err_has=["unknown command 'nosuch'"])


@case("unknown option of a command: exit 2 with the command's help")
def _():
    expect(["evaluate", "--frob", fixture("points.json"), fixture("answers-pass.json")], 2,
           err_has=["--frob", "greenassess-cli evaluate", "--json"])


# --- templates ------------------------------------------------------------

@case("templates lists id, version, standard and both titles")
def _():
    rc, out, err = run("templates")
    check(rc == 0, "exit 0", out, err)
    if out.strip() == "":
        check("No bundled templates" in err, "says there are none", out, err)
        raise Skip("no bundled templates yet")
    lines = out.splitlines()
    header = lines[0].split()
    check(header[:5] == ["ID", "VERSION", "KIND", "VERIFIED", "STANDARD"], "header", out, err)
    check(len(lines) >= 2, "at least one template", out, err)
    for line in lines[1:]:
        fields = line.split()
        check(re.match(r"^[a-z0-9][a-z0-9._-]*$", fields[0]) is not None,
              "id column: %r" % line, out, err)
        check(re.match(r"^\d", fields[1]) is not None, "version column: %r" % line, out, err)
        check(fields[2] in ("green-factory", "clean-production", "energy-audit", "green-park",
                            "supply-chain", "water-saving", "energy-diagnosis", "annual-filing",
                            "cp-audit", "custom"), "kind column: %r" % line, out, err)
        check(fields[3] in ("yes", "no"), "verified column: %r" % line, out, err)
    # the industry templates extending GB/T 36132-2025 are listed, unverified
    for tid in ("gf2025-cement", "gf2025-steel", "gf2025-aluminium", "gf2025-flat-glass",
                "gf2025-paper", "gf2025-chlor-alkali"):
        row = [l.split() for l in lines[1:] if l.split()[0] == tid]
        check(len(row) == 1 and row[0][2:4] == ["green-factory", "no"], tid, out, err)
    # every bundled template must also validate as loaded by `evaluate`
    for line in lines[1:]:
        tid = line.split()[0]
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({"template": tid, "answers": {}}, f)
            path = f.name
        try:
            expect(["evaluate", tid, path], 0, out_has=["Template: " + tid])
        finally:
            os.unlink(path)


@case("templates rejects arguments")
def _():
    expect(["templates", "extra"], 2, err_has=["unexpected argument 'extra'"])


# --- validate -------------------------------------------------------------

@case("validate a good template: exit 0, id, version and item count")
def _():
    path = fixture("points.json")
    # items: V1, C1, Y1, N1, CH1, energy
    expect(["validate", path], 0, out_has=[path + ": valid (cli-points 1.2.0, 6 items)"])


@case("validate the clean-production fixture")
def _():
    path = fixture("cp.json")
    expect(["validate", path], 0, out_has=[path + ": valid (cli-cp 0.1.0, 3 items)"])


@case("validate a template with problems: exit 1, every problem with its path")
def _():
    path = fixture("invalid.json")
    out, err = expect(["validate", path], 1)
    # the unknown reference E9 in the formula of the second item
    check(re.search(re.escape(path) + r": sections\[0\]\.items\[1\].*E9", err) is not None,
          "names sections[0].items[1] and E9", out, err)
    # the unknown kind of the third item
    check(re.search(re.escape(path) + r": sections\[0\]\.items\[2\].*frobnicate", err)
          is not None, "names sections[0].items[2] and the kind", out, err)
    check("problem" in err, "counts the problems", out, err)


@case("validate a file that is not JSON: exit 1, file and line named")
def _():
    path = fixture("not-json.json")
    out, err = expect(["validate", path], 1, err_has=[path + ":"])
    check(re.search(r"\b2\b", err) is not None, "line 2 mentioned", out, err)


@case("validate several files: good ones reported, exit 1 if any is bad")
def _():
    good, bad = fixture("points.json"), fixture("invalid.json")
    expect(["validate", good, bad], 1, out_has=[good + ": valid"], err_has=[bad + ":"])


@case("validate a missing file: exit 1, the file named")
def _():
    path = os.path.join(FIX, "does-not-exist.json")
    expect(["validate", path], 1, err_has=[path + ": cannot read the file"])


@case("validate without a file: exit 2")
def _():
    expect(["validate"], 2, err_has=["missing FILE", "Usage:"])


# --- evaluate -------------------------------------------------------------

@case("evaluate: totals, veto, grade, items and outputs")
def _():
    out, err = expect(["evaluate", fixture("points.json"), fixture("answers-pass.json")], 0)
    # C1 partial: 10 x 0.5 = 5; Y1 yes: 5; N1 85 between baseline 80 and
    # leading 90: 10 x (85-80)/(90-80) = 5; CH1 option b: 2.  5+5+5+2 = 17 of 30.
    for s in ("Template: cli-points 1.2.0 (TEST-1)",
              "Title: CLI test template",
              "Score: 17 of 30",
              "Veto: pass",
              "Grade: B Good",          # 17 >= 15 (B), < 25 (A)
              "Passed: yes"):           # pass mark 15, veto passed
        check(s in out, "stdout has %r" % s, out, err)
    check(re.search(r"C1 .*score 5 of 10", out) is not None, "C1 5 of 10", out, err)
    check(re.search(r"N1 .*value 85 %.*score 5 of 10", out) is not None, "N1 5 of 10", out, err)
    check(re.search(r"CH1 .*score 2 of 5", out) is not None, "CH1 2 of 5", out, err)
    check(re.search(r"S1 .*score 17 of 30", out) is not None, "S1 subtotal", out, err)
    check(re.search(r"energy .*2 rows", out) is not None, "table rows", out, err)
    # coal 1000 x 2 / 1000 = 2 tce, power 500 x 3 / 1000 = 1.5 tce: 3.5 tce,
    # shown with the output's format "0.00"
    check(re.search(r"total_tce .*= 3\.50 tce", out) is not None, "total_tce 3.50", out, err)
    check(re.search(r"ratio .*= 0\.85", out) is not None, "ratio 0.85", out, err)


def points_variant(d, change):
    """points.json changed by @change(template), written into folder @d."""
    with open(fixture("points.json"), encoding="utf-8") as f:
        tmpl = json.load(f)
    change(tmpl)
    path = os.path.join(d, "variant.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(tmpl, f, ensure_ascii=False)
    return path


@case("evaluate: item and output values follow their format; a grade without label once")
def _():
    def change(t):
        for g in t["scoring"]["grades"]:
            del g["label"]
        t["sections"][0]["items"].append(
            {"id": "K1", "kind": "computed", "value": "N1*2/3", "format": "0.0", "unit": "%",
             "title": "Computed", "source": "synthetic"})
        t["outputs"][1]["format"] = "0.0%"
    with tempfile.TemporaryDirectory() as d:
        path = points_variant(d, change)
        out, err = expect(["evaluate", path, fixture("answers-pass.json")], 0)
    # 17 of 30 gives grade B (min 15); its label defaults to its id.
    check(re.search(r"^Grade: B$", out, re.M) is not None, "grade shown once", out, err)
    # K1 = 85 x 2 / 3 = 56.666…, format "0.0": 56.7
    check(re.search(r"K1 .*value 56\.7 %", out) is not None, "K1 56.7 %", out, err)
    # ratio = 85 / 100 = 0.85, format "0.0%": 85.0%
    check(re.search(r"ratio .*= 85\.0%", out) is not None, "ratio 85.0%", out, err)


@case("validate: one problem is '1 problem'")
def _():
    def change(t):
        t["outputs"][1]["value"] = "N9/100"
    with tempfile.TemporaryDirectory() as d:
        path = points_variant(d, change)
        out, err = expect(["validate", path], 1, err_has=[path + ": 1 problem\n"],
                          err_not=["1 problems"])


@case("evaluate: every scored item has a trace line under it")
def _():
    out, err = expect(["evaluate", fixture("points.json"), fixture("answers-pass.json")], 0)
    lines = out.splitlines()
    for item in ("C1", "Y1", "N1", "CH1"):
        idx = next((i for i, l in enumerate(lines) if l.strip().startswith(item + " ")), None)
        check(idx is not None, "item %s listed" % item, out, err)
        nxt = lines[idx + 1] if idx + 1 < len(lines) else ""
        indent = len(lines[idx]) - len(lines[idx].lstrip())
        check(len(nxt) - len(nxt.lstrip()) > indent and nxt.strip() != "",
              "trace under %s" % item, out, err)


@case("evaluate: a failed veto item is named and the assessment fails")
def _():
    out, err = expect(["evaluate", fixture("points.json"), fixture("answers-veto.json")], 0)
    # C1 N/A leaves the maximum (policy exclude): max 30 - 10 = 20.
    # Y1 5 + N1 88 -> 10 x 0.8 = 8 + CH1 2 = 15 of 20.
    check("Score: 15 of 20" in out, "score 15 of 20", out, err)
    check(re.search(r"Veto: failed.*V1 Lawfully established", out) is not None,
          "veto fail naming V1", out, err)
    check("Passed: no" in out, "not passed", out, err)
    check(re.search(r"V1 .*veto FAILED", out) is not None, "V1 marked", out, err)
    check(re.search(r"C1 .*\[not applicable\]", out) is not None, "C1 not applicable", out, err)


@case("evaluate --json: parseable, template identity and results")
def _():
    out, err = expect(["evaluate", "--json", fixture("points.json"),
                       fixture("answers-pass.json")], 0)
    doc = json.loads(out)
    t = doc["template"]
    check(t["id"] == "cli-points" and t["version"] == "1.2.0", "template id/version", out)
    check(re.match(r"^[0-9a-f]{64}$", t["content_hash"]) is not None, "sha-256 hash", out)
    # the same hash as the file's own SHA-256
    import hashlib
    with open(fixture("points.json"), "rb") as f:
        check(t["content_hash"] == hashlib.sha256(f.read()).hexdigest(), "hash of the file", out)
    summ = doc["summary"]
    # same hand calculation as the text output: 17 of 30, grade B, passed
    check(abs(float(summ["score"]) - 17) < 1e-9, "score 17", out)
    check(abs(float(summ["max"]) - 30) < 1e-9, "max 30", out)
    check(summ["veto"] == "pass" and summ["passed"] is True, "veto pass, passed", out)
    check(summ["grade"] == "B", "grade B", out)
    items = {i["id"]: i for i in doc["items"]}
    check(abs(items["N1"]["score"] - 5) < 1e-9 and abs(items["N1"]["max"] - 10) < 1e-9,
          "N1 5 of 10", out)
    check(items["V1"]["veto_failed"] is False, "V1 veto met", out)
    outputs = {o["id"]: o for o in doc["outputs"]}
    check(abs(outputs["total_tce"]["value"] - 3.5) < 1e-9, "total_tce 3.5", out)


@case("evaluate --lang zh_CN shows Chinese titles")
def _():
    expect(["evaluate", "--lang", "zh_CN", fixture("points.json"),
            fixture("answers-pass.json")], 0,
           out_has=["命令行测试模板", "利用率", "良"])


@case("evaluate --lang with an unknown language: exit 2")
def _():
    expect(["evaluate", "--lang", "fr", fixture("points.json"), fixture("answers-pass.json")],
           2, err_has=["fr", "zh_CN or en"])


@case("evaluate the clean-production fixture: Y_I/II/III and level")
def _():
    out, err = expect(["evaluate", fixture("cp.json"), fixture("cp-answers.json")], 0)
    # A1 15 (<= 20): level II; A2 0.5 (<= 1): level I; B1 option o3: level III.
    # Y_I   = 0.6 x (0.5x0 + 0.5x100) + 0.4 x 0   = 30
    # Y_II  = 0.6 x (0.5x100 + 0.5x100) + 0.4 x 0 = 60
    # Y_III = 0.6 x 100 + 0.4 x 100               = 100
    # I needs Y_I >= 85, II needs Y_II >= 85, III needs Y_III = 100: level III.
    check(re.search(r"Level: III +\(Y_I 30, Y_II 60, Y_III 100\)", out) is not None,
          "level line", out, err)
    check(re.search(r"A1 .*level II\b", out) is not None, "A1 level II", out, err)


@case("evaluate clean production with an unanswered indicator: level not determined")
def _():
    # No answers at all: every indicator of the fixture is still open, so the
    # engine reports level -1 and the CLI must not call that "below III".
    path = os.path.join(tempfile.mkdtemp(), "empty.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"template": "cli-cp", "answers": {}}')
    out, err = expect(["evaluate", "--lang", "en", fixture("cp.json"), path], 0)
    check("Level: not determined yet" in out, "level not determined", out, err)
    check("below III" not in out.split("Level:")[1].splitlines()[0], "not below III", out, err)


@case("evaluate with a missing answers file: exit 1, file named")
def _():
    path = os.path.join(FIX, "no-answers.json")
    expect(["evaluate", fixture("points.json"), path], 1, err_has=[path + ": no such file"])


@case("evaluate with an unknown template: exit 1, how to list them")
def _():
    expect(["evaluate", "no-such-template", fixture("answers-pass.json")], 1,
           err_has=["no-such-template:", "greenassess-cli templates"])


@case("evaluate with bad answers: exit 1, every problem named")
def _():
    out, err = expect(["evaluate", fixture("points.json"), fixture("answers-bad.json")], 1)
    path = fixture("answers-bad.json")
    for s in ("N1", "CH1", "NOPE"):
        check(re.search(re.escape(path) + ":.*" + s, err) is not None,
              "names %s" % s, out, err)
    check(out == "", "nothing on stdout", out, err)


@case("evaluate answers written for another template: exit 1, both ids named")
def _():
    path = fixture("answers-pass.json")
    expect(["evaluate", fixture("cp.json"), path], 1,
           err_has=[path + ":", "cli-points", "cli-cp"])


@case("evaluate with a template that is not valid: exit 1, its problems listed")
def _():
    for bad in ("invalid.json", "not-json.json"):
        path = fixture(bad)
        out, err = expect(["evaluate", path, fixture("answers-pass.json")], 1,
                          err_has=[path + ":"])
        check(out == "", "nothing on stdout", out, err)


@case("evaluate with missing arguments: exit 2")
def _():
    expect(["evaluate"], 2, err_has=["missing TEMPLATE"])
    expect(["evaluate", fixture("points.json")], 2, err_has=["missing ANSWERS.json"])
    expect(["evaluate", "a", "b", "c"], 2, err_has=["unexpected argument 'c'"])


# --- formula --------------------------------------------------------------

@case("formula arithmetic: 1+2*3 is 7")
def _():
    expect(["formula", "1+2*3"], 0, out_has=["7\n"])


@case("formula ROUND(2.675,2) is 2.68 (Excel rounds half away from zero)")
def _():
    out, _ = expect(["formula", "ROUND(2.675,2)"], 0)
    check(out == "2.68\n", "2.68", out)


@case("formula starting with a minus sign")
def _():
    # -2+5 = 3; not taken for an option
    out, _ = expect(["formula", "-2+5"], 0)
    check(out == "3\n", "3", out)


@case("formula parse error: column, message and a caret under it")
def _():
    out, err = expect(["formula", "1+*2"], 1)
    m = re.search(r"^error: column (\d+): ", err, re.M)
    check(m is not None, "error: column N:", out, err)
    col = int(m.group(1))
    lines = err.splitlines()
    i = lines.index("  1+*2")
    caret = lines[i + 1]
    check(caret.strip() == "^" and caret.index("^") - 2 == col - 1,
          "caret under column %d" % col, out, err)
    check(out == "", "nothing on stdout", out, err)


@case("formula parse error after wide characters: caret still lines up")
def _():
    text = '"能源" & (1'
    out, err = expect(["formula", text], 1)
    m = re.search(r"^error: column (\d+): ", err, re.M)
    check(m is not None, "column given", out, err)
    col = int(m.group(1))
    lines = err.splitlines()
    i = lines.index("  " + text)
    caret = lines[i + 1]
    # the two CJK characters take two cells each
    prefix = text[:col - 1]
    cells = sum(2 if "\u4e00" <= ch <= "\u9fff" else 1 for ch in prefix)
    check(caret.index("^") - 2 == cells, "caret at cell %d" % cells, out, err)


@case("formula that is not UTF-8: exit 1 (bad input), column of the bad byte")
def _():
    out, err = expect(["formula", b"1+\xff\xfe"], 1, err_has=["error: column 3:", "UTF-8"])


@case("formula longer than the limit: exit 1, the shown line stays short")
def _():
    text = "1+" * 5000 + "1"
    out, err = expect(["formula", text], 1, err_has=["error: column ", "limit"])
    lines = err.splitlines()
    check(len(lines) >= 3 and max(len(l) for l in lines[1:3]) < 100,
          "a window around the column, not 10 000 characters", None, err[:300])
    check(lines[1].startswith("  …") and lines[2].rstrip().endswith("^"), "window marks",
          None, err[:300])


@case("formula --excel prints the Excel translation")
def _():
    out, _ = expect(["formula", "--excel", 'IF(A>1, "high", "low")'], 0)
    check(out.startswith("=") and "IF(" in out.upper() and '"high"' in out, "=IF(...)", out)


@case("formula --set binds numbers, booleans and text")
def _():
    out, _ = expect(["formula", "E1*2", "--set", "E1=0.85"], 0)
    check(out == "1.7\n", "0.85 x 2 = 1.7", out)
    out, _ = expect(["formula", 'IF(flag, name & "!", "no")', "--set", "flag=TRUE",
                     "--set", "name=abc"], 0)
    check(out == "abc!\n", "abc!", out)
    out, _ = expect(["formula", "ISBLANK(x)", "--set", "x="], 0)
    check(out == "TRUE\n", "empty is blank", out)
    out, _ = expect(["formula", 'x & "a"', "--set", 'x="12"'], 0)
    check(out == "12a\n", "quoted text", out)


@case("formula --set NAME=na gives a not-applicable value")
def _():
    out, _ = expect(["formula", "x+1", "--set", "x=na"], 0)
    check(out == "N/A\n", "N/A propagates", out)


@case("formula --set table.column=1,2,3 is a range")
def _():
    out, _ = expect(["formula", "SUM(energy.tce)", "--set", "energy.tce=1,2,3.5"], 0)
    check(out == "6.5\n", "1+2+3.5", out)


@case("formula without a binding: blank, with a note on stderr")
def _():
    out, err = expect(["formula", "ISBLANK(E1)"], 0, err_has=["'E1' has no value"])
    check(out == "TRUE\n", "blank", out, err)


@case("formula error values are printed, with their message on stderr")
def _():
    out, err = expect(["formula", "1/0"], 0)
    check(out == "#DIV/0!\n", "#DIV/0!", out, err)


@case("formula --template reads lookup tables for FACTOR")
def _():
    out, err = expect(["formula", "--template", fixture("points.json"),
                       'FACTOR("factors", "power", "kgce")'], 0)
    check(out == "3\n", "factor 3", out, err)


@case("formula wrong usage: exit 2")
def _():
    expect(["formula"], 2, err_has=["missing EXPRESSION"])
    expect(["formula", "1", "2"], 2, err_has=["more than one EXPRESSION"])
    expect(["formula", "x", "--set", "x"], 2, err_has=["NAME=VALUE"])
    expect(["formula", "x", "--set", "1x=2"], 2, err_has=["not a reference name"])


@case("formula that starts with '-': -E1*2, --3, -(…), and -x after --")
def _():
    out, _ = expect(["formula", "-E1*2", "--set", "E1=3"], 0)
    check(out == "-6\n", "-(3)*2 = -6", out)
    out, _ = expect(["formula", "--3"], 0)
    check(out == "3\n", "--3 = 3", out)
    out, _ = expect(["formula", "-(1+2)"], 0)
    check(out == "-3\n", "-(1+2) = -3", out)
    out, _ = expect(["formula", "--set", "x=2", "--", "-x"], 0)
    check(out == "-2\n", "-x with x=2", out)
    out, _ = expect(["formula", "--", "-2^2"], 0)
    check(out == "4\n", "-2^2 = 4 after --", out)


@case("formula -x alone is --excel: the error says to put -- before the formula")
def _():
    expect(["formula", "-x"], 2, err_has=["missing EXPRESSION",
                                         "put -- before a formula that starts with '-'"])


@case("formula with a mistyped long option: exit 2, named, with the -- hint")
def _():
    out, err = expect(["formula", "--exel", "1"], 2,
                      err_has=["unknown option '--exel'",
                               "put -- before a formula that starts with '-'"])
    check(out == "", "nothing on stdout", out, err)


@case("formula with a number beyond the largest double: the message names the real limit")
def _():
    out, err = expect(["formula", "1.8E308"], 1,
                      err_has=["number 1.8E308 is larger than the largest number "
                               "(1.7976931348623157E+308)"])
    check("about 1.8E+308" not in err, "no self-contradicting limit", out, err)


@case("formula --set given twice: the last one wins, the note says so")
def _():
    out, err = expect(["formula", "x", "--set", "x=1", "--set", "x=2"], 0,
                      err_has=["--set x is given more than once; the last one (x=2) is used"],
                      err_not=["does not use"])
    check(out == "2\n", "x = 2", out, err)


@case("formula --set text in quotes: doubled quotes stand for one")
def _():
    out, _ = expect(["formula", "x", "--set", 'x="say ""hi"""'], 0)
    check(out == 'say "hi"\n', 'say "hi"', out)
    out, _ = expect(["formula", 'LEN(x)', "--set", 'x=""""'], 0)
    check(out == "1\n", 'one quote character', out)
    # a comma inside quotes does not split a table.column list: two values
    out, _ = expect(["formula", "COUNTA(t.c)", "--set", 't.c="a,b",c'], 0)
    check(out == "2\n", "two values", out)


@case("formula FACTOR without --template: #REF!, and says to pass --template")
def _():
    out, err = expect(["formula", 'FACTOR("gbt2589","raw_coal","kgce")'], 0,
                      err_has=["no lookup tables: pass --template"], err_not=["is not a key"])
    check(out == "#REF!\n", "#REF!", out, err)


@case("formula FACTOR: unknown table and column are #REF!, a missing key #N/A")
def _():
    t = fixture("points.json")
    out, err = expect(["formula", "--template", t, 'FACTOR("zz","coal","kgce")'], 0,
                      err_has=["#REF!: no lookup table 'zz' in template cli-points "
                               "(tables: 'factors')"])
    check(out == "#REF!\n", "#REF! for a table", out, err)
    out, err = expect(["formula", "--template", t, 'FACTOR("factors","coal","zz")'], 0,
                      err_has=["#REF!: table 'factors' has no column 'zz' "
                               "(columns: 'name', 'kgce')"])
    check(out == "#REF!\n", "#REF! for a column", out, err)
    out, err = expect(["formula", "--template", t, 'FACTOR("factors","oil","kgce")'], 0,
                      err_has=["#N/A: 'oil' is not a key of lookup table 'factors'"])
    check(out == "#N/A\n", "#N/A for a key", out, err)


@case("formula IFBLANK: a given value overrides the table's default")
def _():
    t = fixture("points.json")
    f = 'IFBLANK(coef, FACTOR("factors", "coal", "kgce"))*1000'
    # no coef: the table's 2 (synthetic fixture) x 1000
    out, _ = expect(["formula", "--template", t, f], 0)
    check(out == "2000\n", "2 x 1000", out)
    out, _ = expect(["formula", "--template", t, f, "--set", "coef=2.5"], 0)
    check(out == "2500\n", "2.5 x 1000", out)
    out, _ = expect(["formula", "--template", t, f, "--set", "coef=na"], 0)
    check(out == "N/A\n", "N/A stays N/A", out)
    out, _ = expect(["formula", "--excel", "IFBLANK(coef, 0)"], 0)
    check(out == '=IF(coef="",0,coef)\n', "Excel form", out)


@case("arguments that are not UTF-8: exit 1, the argument named")
def _():
    out, err = expect(["formula", "x", "--set", b"x=\xff"], 1,
                      err_has=["argument 3", "after --set", "not valid UTF-8"],
                      err_not=["Invalid byte sequence"])
    check(out == "", "nothing on stdout", out, err)
    expect(["evaluate", "--lang", b"e\xffn", fixture("points.json"),
            fixture("answers-pass.json")], 1,
           err_has=["argument 2", "after --lang", "not valid UTF-8"],
           err_not=["Invalid byte sequence"])
    # the formula itself: the parser's ENCODING error with the column
    expect(["formula", b"-\xff"], 1, err_has=["error: column 2:", "not valid UTF-8"])


@case("the plain C locale reads and prints UTF-8 (no '?', no conversion error)")
def _():
    out, err = expect(["formula", 'x&"厂"', "--set", "x=绿"], 0,
                      env_extra={"LC_ALL": "C", "LANG": "", "LANGUAGE": ""})
    check(out == "绿厂\n", "UTF-8 through", out, err)


@case("evaluate: a folder named like a bundled id does not hide the bundled template")
def _():
    rc, out, err = run("templates")
    ids = [l.split()[0] for l in out.splitlines()[1:]]
    if not ids:
        raise Skip("no bundled templates")
    tid = ids[0]
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, tid))
        answers = os.path.join(d, "a.json")
        with open(answers, "w") as f:
            json.dump({"template": tid, "answers": {}}, f)
        expect(["evaluate", tid, answers], 0, out_has=["Template: " + tid], cwd=d)
        # a folder that is no bundled id: both possibilities named
        os.mkdir(os.path.join(d, "mine"))
        expect(["evaluate", "mine", answers], 1,
               err_has=["mine: this is a folder", "not a template file",
                        "no bundled template has this id"], cwd=d)


@case("evaluate: the default language is the user's (zh* -> zh_CN), said in --help")
def _():
    args = ["evaluate", fixture("points.json"), fixture("answers-pass.json")]
    expect(args, 0, out_has=["CLI test template"], out_not=["命令行测试模板"],
           env_extra={"LANGUAGE": "en"})
    expect(args, 0, out_has=["命令行测试模板"],
           env_extra={"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"})
    out, _ = expect(["evaluate", "--help"], 0)
    check("default: the user's language" in out.replace("\n", " ").replace("  ", " ")
          or "default: the user's" in out, "--help says the default", out)


@case("docs/formula-language.md section 7 quotes the messages validate really prints")
def _():
    doc_path = os.path.join(FIX, "..", "..", "..", "docs", "formula-language.md")
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    section = doc[doc.index("## 7. Static checks"):doc.index("## 8.")]
    rows = re.findall(r"^\| [^|]+ \| `([^`]+)`[^|]* \| `([^`]+)` \|$", section, re.M)
    check(len(rows) >= 10, "the table has its rows (%d)" % len(rows))
    with open(fixture("points.json"), encoding="utf-8") as f:
        base = json.load(f)
    with tempfile.TemporaryDirectory() as d:
        for formula, message in rows:
            t = json.loads(json.dumps(base))
            t["outputs"].append({"id": "o1", "title": "x", "value": formula})
            path = os.path.join(d, "t.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(t, f, ensure_ascii=False)
            expect(["validate", path], 1, err_has=[path + ": " + message])


# --- export ---------------------------------------------------------------

def have_export():
    rc, out, err = run("--help")
    return re.search(r"^  export ", out, re.M) is not None


def export_args(out, *extra):
    return ["export", "--template", "gbt36132-2018", "--answers",
            os.path.join(FIX, "..", "export", "gbt36132-2018.case-full.json"),
            "--out", out, "--created", "1767225600"] + list(extra)


def workbook_xml(path):
    import zipfile
    with zipfile.ZipFile(path) as z:
        return z.read("xl/workbook.xml").decode("utf-8")


@case("export --out must name an .xlsx file: exit 1, the .xlsx name suggested")
def _():
    if not have_export():
        raise Skip("export is not built")
    with tempfile.TemporaryDirectory() as d:
        pdf = os.path.join(d, "r.pdf")
        out, err = expect(export_args(pdf), 1,
                          err_has=["must end in .xlsx", "use --out " + os.path.join(d, "r.xlsx")])
        check(not os.path.exists(pdf), "no r.pdf written", out, err)
        upper = os.path.join(d, "R.XLSX")
        expect(export_args(upper), 0)
        check(os.path.exists(upper), "R.XLSX written (case does not matter)")


@case("export --date must be a day of the calendar")
def _():
    if not have_export():
        raise Skip("export is not built")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "r.xlsx")
        out, err = expect(export_args(path, "--date", "2025-02-30"), 1,
                          err_has=["--date 2025-02-30 is not a day of the calendar"])
        check(not os.path.exists(path), "nothing written", out, err)
        expect(export_args(path, "--date", "2025-13-01"), 1, err_has=["not a day"])
        expect(export_args(path, "--date", "2023-02-29"), 1, err_has=["not a day"])
        expect(export_args(path, "--date", "2024-02-29"), 0)   # a leap day
        expect(export_args(path, "--date", "31.03.2026", "--force"), 2,
               err_has=["--date must look like 2026-03-31"])


@case("export: the workbook's default language is the user's, said in --help")
def _():
    if not have_export():
        raise Skip("export is not built")
    with tempfile.TemporaryDirectory() as d:
        en = os.path.join(d, "en.xlsx")
        zh = os.path.join(d, "zh.xlsx")
        expect(export_args(en), 0, env_extra={"LANGUAGE": "en"})
        expect(export_args(zh), 0, env_extra={"LANGUAGE": "zh_CN"})
        check('name="Basic information"' in workbook_xml(en), "English sheets for en")
        check('name="Basic information"' not in workbook_xml(zh), "Chinese sheets for zh_CN")
        forced = os.path.join(d, "forced.xlsx")
        expect(export_args(forced, "--lang", "zh_CN"), 0, env_extra={"LANGUAGE": "en"})
        check(workbook_xml(forced) == workbook_xml(zh), "--lang zh_CN wins over the locale")
    out, _ = expect(["export", "--help"], 0)
    check("the user's language" in out, "--help says the default", out)


@case("export --info nested 100 000 levels deep: exit 1 with the line, no crash")
def _():
    if not have_export():
        raise Skip("export is not built")
    with tempfile.TemporaryDirectory() as d:
        info = os.path.join(d, "deep.json")
        with open(info, "w") as f:
            f.write("{\"name\": \"a\",\n\"x\": " + "[" * 100000 + "\n")
        path = os.path.join(d, "r.xlsx")
        out, err = expect(export_args(path, "--info", info), 1,
                          err_has=[info + ": nested more than 200 levels at line 2"])
        check(not os.path.exists(path), "nothing written", out, err)


@case("export --info is strict JSON: a key twice, content after the object, empty file")
def _():
    if not have_export():
        raise Skip("export is not built")
    cases = [
        # json-glib alone would keep the second "name" silently.
        ('{"name": "甲", "name": "乙"}', ['1:15: duplicate key "name"']),
        # and would ignore the second object.
        ('{"name": "甲"}\n{"name": "乙"}', ["unexpected content after the end of the JSON "
                                           "at line 2, column 1"]),
        ("{'name': 'a'}", ["1:2: a key must be in double quotes"]),
        ("", ["the file is empty; the enterprise information is one flat JSON object"]),
    ]
    with tempfile.TemporaryDirectory() as d:
        info = os.path.join(d, "info.json")
        path = os.path.join(d, "r.xlsx")
        for text, wanted in cases:
            with open(info, "w", encoding="utf-8") as f:
                f.write(text)
            out, err = expect(export_args(path, "--info", info), 1,
                              err_has=[info + ": " + w for w in wanted])
            check(not os.path.exists(path), "nothing written for %r" % text, out, err)


# --- units of energy quantities --------------------------------------------

def energy_case(name):
    return os.path.join(FIX, "..", "templates", "energy-audit-gbt17166-2019", name)


@case("evaluate: 原煤 1000 t + 电力 200 万kWh + 柴油 50 t = 1032.955 tce in any units")
def _():
    # 0.7143 × 1000 + 1.229 × 200 + 1.4571 × 50 = 714.3 + 245.8 + 72.855 = 1032.955
    for name in ("case8.json", "case9.json", "case10.json"):
        out, err = expect(["evaluate", "--json", "energy-audit-gbt17166-2019",
                           energy_case(name)], 0)
        outputs = {o["id"]: o for o in json.loads(out)["outputs"]}
        check(abs(outputs["E_total"]["value"] - 1032.955) < 1e-9,
              "%s: E_total %r" % (name, outputs["E_total"]["value"]), out, err)
        out, err = expect(["evaluate", "energy-audit-gbt17166-2019", energy_case(name)], 0,
                          out_has=["= 1032.96 tce"])


@case("evaluate: a unit the carrier cannot take names the row, the unit and the units allowed")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "a.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"template": "energy-audit-gbt17166-2019", "answers": {"energy": [
                {"carrier": "electricity", "qty": 200, "unit": "万kWh"},
                {"carrier": "raw_coal", "qty": 1000, "unit": "万kWh"}]}}, f, ensure_ascii=False)
        expect(["evaluate", "energy-audit-gbt17166-2019", path], 1,
               err_has=["answers.energy: item 'energy', row 2: '万kWh' is not a unit of raw coal",
                        "one of t, kg"])
        expect(["evaluate", "energy-audit-gbt17166-2019", path], 1,
               err_has=["第 2 行", "“万kWh”不是原煤的计量单位", "t, kg"],
               env_extra={"LANGUAGE": "zh_CN"})


# --- run ------------------------------------------------------------------

print("1..%d" % len(results))
failed = 0
for n, (name, func) in enumerate(results, 1):
    try:
        func()
        print("ok %d - %s" % (n, name))
    except Skip as e:
        print("ok %d # SKIP %s" % (n, e))
    except Exception as e:  # a failed check or a crash of the harness
        failed += 1
        print("not ok %d - %s" % (n, name))
        for line in str(e).splitlines() or [repr(e)]:
            print("# " + line)
sys.exit(1 if failed else 0)
