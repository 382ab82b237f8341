#!/usr/bin/python3
# test-cli-narrative.py: greenassess-cli narrative list|show|set|clear (TAP
# output): the keys of each kind's outline, text from --text, a file and
# standard input, undo and redo through `assessment`, the history, check's
# warnings and value ranges, the report, packages, a final assessment, and mistakes
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-narrative.py PATH/TO/greenassess-cli FIXTURES_DIR

import os
import shutil
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
FIX = sys.argv[2]
CODE = "91350100M000100Y43"
TMP = tempfile.mkdtemp(prefix="ga-cli-narrative-")

FACTORY = "本厂始建于 2001 年，主营农业机械。\n\n2024 年完成屋顶光伏改造。"
ENERGY = "厂区屋顶光伏 2 MW，年发电 220 万 kWh。"

results = []


def run(*args, stdin=None, env_extra=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    env.setdefault("LANGUAGE", "en")
    if env_extra:
        env.update(env_extra)
    proc = subprocess.run([CLI] + list(args), capture_output=True, env=env, timeout=120,
                          input=stdin)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def case(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def check(cond, what, out="", err=""):
    if not cond:
        raise AssertionError("%s\n--- stdout ---\n%s--- stderr ---\n%s" % (what, out, err))


def expect(args, code, out_has=(), err_has=(), out_lacks=(), stdin=None, env_extra=None):
    rc, out, err = run(*args, stdin=stdin, env_extra=env_extra)
    check(rc == code, "exit status %d, expected %d for %r" % (rc, code, args), out, err)
    for s in out_has:
        check(s in out, "stdout lacks %r" % s, out, err)
    for s in out_lacks:
        check(s not in out, "stdout has %r" % s, out, err)
    for s in err_has:
        check(s in err, "stderr lacks %r" % s, out, err)
    return out, err


def new_db(name):
    """A database with a green factory (1), a clean production (2) and an
    energy audit (3) assessment of one enterprise."""
    db = os.path.join(TMP, name)
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "叙述测试工厂", "--code", CODE], 0)
    for template in ("gbt36132-2025", "cp-electroplating-2015", "energy-audit-gbt17166-2019"):
        expect(["assessment", "new", "--db", db, "--enterprise", CODE, "--template", template,
                "--year", "2025"], 0)
    return db


def pdf_text(path):
    proc = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                          check=True)
    return proc.stdout.decode("utf-8")


@case("list shows the outline of each kind, in the user's language")
def _():
    db = new_db("list.db")
    out, _ = expect(["narrative", "list", "1", "--db", db], 0,
                    out_has=("factory", "The factory", "green-work", "green-work.S_EN",
                             "conclusion", "problems"))
    lines = [line.split()[0] for line in out.splitlines()]
    check(lines.index("factory") < lines.index("green-work") < lines.index("green-work.S_EN")
          < lines.index("conclusion") < lines.index("problems"), "not in the report's order", out)
    expect(["narrative", "list", "2", "--db", db], 0,
           out_has=("enterprise", "indicators", "level", "plan"))
    expect(["narrative", "list", "3", "--db", db], 0,
           out_has=("enterprise", "energy", "indicators", "savings"))
    expect(["narrative", "list", "1", "--db", db], 0, out_has=("工厂基本情况", "绿色工厂创建情况"),
           env_extra={"LANGUAGE": "zh_CN"})


@case("set from --text, a file and standard input; show prints it as stored")
def _():
    db = new_db("set.db")
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", FACTORY], 0,
           out_has=("factory: saved, %d characters" % len(FACTORY),))
    path = os.path.join(TMP, "energy.txt")
    with open(path, "wb") as f:
        f.write(ENERGY.encode("utf-8") + b"\r\n")
    expect(["narrative", "set", "1", "--db", db, "--part", "green-work.S_EN", "--file", path], 0)
    out, _ = expect(["narrative", "show", "1", "--db", db, "--part", "green-work.S_EN"], 0)
    check(out == ENERGY + "\n\n", "CRLF not stored as LF: %r" % out, out)
    expect(["narrative", "set", "1", "--db", db, "--part", "problems", "--file", "-"], 0,
           stdin="下一步：更换空压机。\n".encode("utf-8"))
    out, _ = expect(["narrative", "show", "1", "--db", db], 0,
                    out_has=("== factory (The factory) ==", FACTORY, ENERGY, "更换空压机"))
    check(out.index("factory") < out.index("green-work.S_EN") < out.index("problems"),
          "not in the report's order", out)
    out, _ = expect(["narrative", "list", "1", "--db", db], 0)
    row = [line for line in out.splitlines() if line.split()[0] == "conclusion"][0]
    check(row.split()[1] == "-", "a part without text shows a length", out)


@case("undo and redo go through the assessment's one stack")
def _():
    db = new_db("undo.db")
    expect(["answer", "set", "1", "BR1", "yes", "--db", db], 0)
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", "初稿"], 0)
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", "二稿"], 0)
    expect(["assessment", "undo", "1", "--db", db], 0, out_has=("report part factory = “初稿”",))
    expect(["assessment", "undo", "1", "--db", db], 0,
           out_has=("report part factory = (no text)",))
    expect(["assessment", "undo", "1", "--db", db], 0, out_has=("BR1 = (no answer)",))
    expect(["assessment", "redo", "1", "--db", db], 0, out_has=("BR1 = yes",))
    expect(["assessment", "redo", "1", "--db", db], 0, out_has=("report part factory = “初稿”",))
    out, _ = expect(["assessment", "history", "1", "--db", db], 0,
                    out_has=("report part factory: (no text) -> “初稿”",
                             "report part factory: “初稿” -> “二稿”"))
    expect(["narrative", "clear", "1", "--db", db, "--part", "factory"], 0,
           out_has=("factory cleared",))
    expect(["narrative", "clear", "1", "--db", db, "--part", "factory"], 0,
           out_has=("nothing to clear",))
    expect(["assessment", "undo", "1", "--db", db], 0, out_has=("report part factory = “初稿”",))


@case("check lists each part without text as a warning with its key")
def _():
    db = new_db("check.db")
    out, err = expect(["check", "1", "--db", db], 1,
                      out_has=("factory: warning:", "green-work.S_EN: warning:",
                               "problems: warning:"))
    expect(["narrative", "set", "1", "--db", db, "--part", "green-work.S_EN", "--text", ENERGY],
           0)
    out, _ = expect(["check", "1", "--db", db], 1, out_lacks=("green-work.S_EN: warning:",))
    check("factory: warning:" in out, "the other parts are still listed", out)


@case("check names a value outside its plausible range by its item id, and not once mended")
def _():
    db = new_db("range.db")
    expect(["answer", "set", "1", "EN3_base", "150", "--db", db], 0)
    out, _ = expect(["check", "1", "--db", db], 1, out_has=("EN3_base: ",))
    line = [l for l in out.splitlines() if l.startswith("EN3_base: ") and "150 %" in l]
    check(len(line) == 1, "no range line for EN3_base", out)
    check("from 0 to 100 %" in line[0] and "check the unit and the figure" in line[0],
          "the line lacks the range or the fix", out)
    expect(["check", "1", "--db", db], 1, out_has=("超出合理范围", "0 至 100 %"),
           env_extra={"LANGUAGE": "zh_CN"})
    expect(["answer", "set", "1", "EN3_base", "50", "--db", db], 0)
    out, _ = expect(["check", "1", "--db", db], 1)
    check(not any(l.startswith("EN3_base: ") and "%" in l for l in out.splitlines()),
          "a value in range is still listed", out)
    # The energy audit's 等价值 coefficient below the 当量值 carries its
    # source and says that the range is not verified.
    expect(["answer", "set", "3", "elec_basis", "primary", "--db", db], 0)
    expect(["answer", "set", "3", "elec_equal", "0.03", "--db", db], 0)
    out, _ = expect(["check", "3", "--db", db], 1, out_has=("elec_equal: ",))
    line = [l for l in out.splitlines() if l.startswith("elec_equal: ") and "0.03" in l]
    check(len(line) == 1 and "at least 0.1229 kgce/kWh" in line[0]
          and "GB/T 2589" in line[0] and "not verified" in line[0],
          "elec_equal's range line lacks its bound, source or flag", out)
    expect(["answer", "set", "3", "elec_equal", "0.3", "--db", db], 0)
    expect(["check", "3", "--db", db], 1, out_lacks=("0.1229 kgce/kWh",))


@case("the report prints the text, in both languages")
def _():
    if shutil.which("pdftotext") is None:
        return
    db = new_db("report.db")
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", FACTORY], 0)
    expect(["narrative", "set", "1", "--db", db, "--part", "green-work.S_EN", "--text", ENERGY],
           0)
    for lang in ("zh_CN", "en"):
        out = os.path.join(TMP, "report-%s.pdf" % lang)
        expect(["report", "1", "--db", db, "--out", out, "--lang", lang], 0)
        text = pdf_text(out)
        for needle in ("本厂始建于 2001 年，主营农业机械。", "2024 年完成屋顶光伏改造。", ENERGY):
            check(needle in text, "%s lacks %r" % (out, needle), text)
        check(text.index("本厂始建于") < text.index("2024 年完成"), "paragraphs out of order")


@case("the text travels in a package")
def _():
    db = new_db("src.db")
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", FACTORY], 0)
    pkg = os.path.join(TMP, "one.gapkg")
    expect(["package", "export", "1", pkg, "--db", db], 0)
    dst = os.path.join(TMP, "dst.db")
    expect(["db", "init", "--db", dst], 0)
    expect(["package", "import", pkg, "--db", dst], 0)
    out, _ = expect(["narrative", "show", "1", "--db", dst, "--part", "factory"], 0)
    check(out == FACTORY + "\n", "the text changed on the way: %r" % out, out)
    expect(["db", "check", "--db", dst], 0)


@case("mistakes: a part the report lacks, no text, both sources, a final assessment")
def _():
    db = new_db("bad.db")
    expect(["narrative", "set", "1", "--db", db, "--part", "nope", "--text", "x"], 1,
           err_has=("has no part “nope”", "green-work.S_EN"))
    expect(["narrative", "set", "1", "--db", db, "--part", "energy", "--text", "x"], 1,
           err_has=("has no part “energy”",))
    expect(["narrative", "set", "1", "--db", db, "--text", "x"], 1, err_has=("--part KEY",))
    expect(["narrative", "set", "1", "--db", db, "--part", "factory"], 1,
           err_has=("exactly one of --text",))
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", "x",
            "--file", "-"], 1, err_has=("exactly one of --text",))
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", "a\x07b"], 1,
           err_has=("U+0007",))
    binary = os.path.join(TMP, "scan.bin")
    with open(binary, "wb") as f:
        f.write(b"\x89PNG\x00\x01")
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--file", binary], 1,
           err_has=("not a text file",))
    expect(["narrative", "show", "1", "--db", db, "--part", "factory"], 0,
           err_has=("has no text yet",))
    expect(["narrative", "bogus", "1", "--db", db], 2)
    expect(["narrative", "list", "--db", db], 2)
    expect(["narrative", "list", "99", "--db", db], 1)
    expect(["assessment", "finalize", "1", "--db", db], 0)
    expect(["narrative", "set", "1", "--db", db, "--part", "factory", "--text", "x"], 1,
           err_has=("final",))
    expect(["db", "check", "--db", db], 0)


def main():
    print("1..%d" % len(results))
    failed = 0
    for i, (name, func) in enumerate(results, 1):
        try:
            func()
            print("ok %d - %s" % (i, name))
        except Exception as e:  # an unexpected exception fails the case, not the run
            failed += 1
            print("not ok %d - %s" % (i, name))
            for line in str(e).splitlines():
                print("# " + line)
    shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(1 if failed else 0)


main()
