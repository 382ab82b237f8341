#!/usr/bin/python3
# test-cli-names.py: greenassess-cli with file names that are not UTF-8 (TAP output)
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-names.py PATH/TO/greenassess-cli FIXTURES_DIR
#
# Archives made on Chinese Windows and unpacked on Linux leave file names in
# GBK. Such a name must work wherever the tool takes a file name (--db,
# --out, --template, --answers, evidence, backups, packages), the file must
# appear under exactly the bytes given, and everything the tool prints must
# stay valid UTF-8: names are shown by GLib's display name.

import os
import re
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
FIX = sys.argv[2]

# "测试" in GBK: not UTF-8.
GBK = b"\xb2\xe2\xca\xd4"
REPLACED = "\ufffd" * 4          # how GLib shows those bytes by default
CODE = "91350100M000100Y43"       # a valid 统一社会信用代码

results = []


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


def utf8(data, stream):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise AssertionError("%s is not valid UTF-8 (%s): %r" % (stream, e, data))


def run(*args, env_extra=None, cwd=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    env.setdefault("LANGUAGE", "en")
    env.pop("G_FILENAME_ENCODING", None)
    env.pop("G_BROKEN_FILENAMES", None)
    if env_extra:
        env.update(env_extra)
    proc = subprocess.run([CLI] + [os.fsencode(a) for a in args], capture_output=True,
                          env=env, timeout=120, cwd=cwd)
    return proc.returncode, utf8(proc.stdout, "stdout"), utf8(proc.stderr, "stderr")


def expect(args, code, out_has=(), err_has=(), env_extra=None, cwd=None):
    rc, out, err = run(*args, env_extra=env_extra, cwd=cwd)
    check(rc == code, "exit status %d, expected %d for %r" % (rc, code, args), out, err)
    for s in out_has:
        check(s in out, "stdout lacks %r" % s, out, err)
    for s in err_has:
        check(s in err, "stderr lacks %r" % s, out, err)
    return out, err


def have(command):
    rc, out, err = run("--help")
    return re.search(r"^  %s " % command, out, re.M) is not None


def gbk_dir(root):
    """A folder named in GBK inside @root, as bytes."""
    d = os.path.join(os.fsencode(root), b"d" + GBK)
    os.mkdir(d)
    return d


def template_copy(folder):
    """The points fixture under a GBK name in @folder."""
    path = os.path.join(folder, b"t" + GBK + b".json")
    with open(os.path.join(FIX, "points.json"), "rb") as src, open(path, "wb") as dst:
        dst.write(src.read())
    return path


def new_store(folder):
    """A database with one enterprise and one assessment, all under GBK
    names in @folder; returns its path."""
    db = os.path.join(folder, GBK + b".db")
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "测试厂", "--code", CODE], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", CODE,
            "--template", template_copy(folder), "--year", "2025"], 0)
    return db


def pdf(folder, name=GBK + b".pdf", data=b"%PDF-1.4 evidence\n"):
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


# --- the database ----------------------------------------------------------

@case("--db in a GBK folder under a GBK name: created there, shown as text")
def _():
    if not have("db"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = os.path.join(d, GBK + b".db")
        out, err = expect(["db", "init", "--db", db], 0, out_has=[REPLACED + ".db: ready"])
        check(os.path.isfile(db), "the database is at the exact bytes given", out, err)
        expect(["db", "check", "--db", db], 0, out_has=[REPLACED + ".db: ok"])
        # a missing GBK folder: refused, and said in UTF-8
        expect(["db", "check", "--db", os.path.join(d, b"x" + GBK, b"a.db")], 1,
               err_has=["x" + REPLACED, "there is no database here"])


@case("assessment new --template takes a template file with a GBK name")
def _():
    if not have("assessment"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        db = new_store(gbk_dir(t))
        expect(["assessment", "show", "--db", db, "1"], 0, out_has=["cli-points 1.2.0"])


# --- evidence ----------------------------------------------------------------

@case("evidence add of a GBK-named file: attached, its name stored as valid UTF-8")
def _():
    if not have("evidence"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = new_store(d)
        expect(["evidence", "add", "--db", db, "1", "C1", pdf(d)], 0, out_has=["1\n"])
        out, _ = expect(["evidence", "list", "--db", db, "1"], 0,
                        out_has=[REPLACED + ".pdf", "application/pdf"])
        check("invalid encoding" not in out, "the extension stays at the end", out)
        expect(["assessment", "show", "--db", db, "1"], 0, out_has=[REPLACED + ".pdf"])
        # Told the file system's encoding, GLib shows the real name.
        expect(["evidence", "add", "--db", db, "1", "C1", pdf(d)], 0,
               env_extra={"G_FILENAME_ENCODING": "UTF-8,GBK"})
        expect(["evidence", "list", "--db", db, "1"], 0, out_has=["测试.pdf"])
        # relative to the working folder, through a GBK folder
        expect(["evidence", "add", "--db", db, "1", "C1", b"d" + GBK + b"/" + GBK + b".pdf"],
               0, cwd=t)


@case("evidence add of a missing GBK-named file: exit 1, the name shown in UTF-8")
def _():
    if not have("evidence"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = new_store(d)
        expect(["evidence", "add", "--db", db, "1", "C1", os.path.join(d, b"no" + GBK + b".pdf")],
               1, err_has=["no" + REPLACED + ".pdf", "does not exist"])


@case("evidence extract to a GBK name: the same bytes at the exact path")
def _():
    if not have("evidence"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = new_store(d)
        expect(["evidence", "add", "--db", db, "1", "C1", pdf(d)], 0)
        dest = os.path.join(d, b"out" + GBK + b".pdf")
        expect(["evidence", "extract", "--db", db, "1", dest], 0,
               out_has=["out" + REPLACED + ".pdf"])
        with open(dest, "rb") as f:
            check(f.read() == b"%PDF-1.4 evidence\n", "the extracted bytes")
        expect(["evidence", "extract", "--db", db, "1", dest], 1,
               err_has=["out" + REPLACED + ".pdf already exists"])


# --- backup and packages -------------------------------------------------------

@case("db backup to a GBK name: written there; a second time refused in UTF-8")
def _():
    if not have("db"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = new_store(d)
        dest = os.path.join(d, b"bk" + GBK + b".db")
        expect(["db", "backup", "--db", db, dest], 0, out_has=["bk" + REPLACED + ".db"])
        check(os.path.isfile(dest), "the backup is at the exact bytes given")
        expect(["db", "check", "--db", dest], 0)
        expect(["db", "backup", "--db", db, dest], 1,
               err_has=["bk" + REPLACED + ".db already exists"])
        expect(["db", "backup", "--db", db, "--force", dest], 0)
        # into a GBK folder that does not exist: the folder named in UTF-8
        expect(["db", "backup", "--db", db, os.path.join(d, b"no" + GBK, b"b.db")], 1,
               err_has=["no" + REPLACED])


@case("package export to a GBK name and import from it into a GBK database")
def _():
    if not have("package"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = new_store(d)
        expect(["evidence", "add", "--db", db, "1", "C1", pdf(d)], 0)
        pkg = os.path.join(d, b"pk" + GBK + b".gapkg")
        expect(["package", "export", "--db", db, "1", pkg], 0,
               out_has=["pk" + REPLACED + ".gapkg"])
        check(os.path.isfile(pkg), "the package is at the exact bytes given")
        other = os.path.join(d, b"new" + GBK + b".db")
        expect(["package", "import", "--db", other, pkg], 0)
        expect(["evidence", "list", "--db", other, "1"], 0, out_has=[REPLACED + ".pdf"])
        # the same assessment again: refused, and the hint names the file in UTF-8
        expect(["package", "import", "--db", other, pkg], 1,
               err_has=["--as-copy", "pk" + REPLACED + ".gapkg"])
        expect(["package", "import", "--db", other, "--as-copy", pkg], 0)


# --- export ------------------------------------------------------------------

@case("export --out to a GBK name, from the database and from GBK-named files")
def _():
    if not have("export") or not have("db"):
        raise Skip("export or the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = new_store(d)
        out = os.path.join(d, b"wb" + GBK + b".xlsx")
        expect(["export", "--db", db, "1", "--out", out, "--created", "1767225600"], 0,
               out_has=["wb" + REPLACED + ".xlsx"])
        check(os.path.isfile(out), "the workbook is at the exact bytes given")
        expect(["export", "--db", db, "1", "--out", out], 1,
               err_has=["wb" + REPLACED + ".xlsx already exists"])
        # without a database: template and answers under GBK names
        answers = os.path.join(d, b"a" + GBK + b".json")
        with open(os.path.join(FIX, "answers-pass.json"), "rb") as src, \
                open(answers, "wb") as dst:
            dst.write(src.read())
        out2 = os.path.join(d, GBK + b".xlsx")
        expect(["export", "--template", template_copy(d), "--answers", answers,
                "--out", out2, "--created", "1767225600"], 0)
        check(os.path.isfile(out2), "the workbook from files is at the exact bytes given")
        # a name that does not end in .xlsx: the suggestion in UTF-8
        expect(["export", "--db", db, "1", "--out", os.path.join(d, GBK + b".pdf")], 1,
               err_has=[REPLACED + ".xlsx"])


@case("validate and evaluate read GBK-named template and answers files")
def _():
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        tmpl = template_copy(d)
        expect(["validate", tmpl], 0, out_has=["t" + REPLACED + ".json: valid"])
        answers = os.path.join(d, b"a" + GBK + b".json")
        with open(os.path.join(FIX, "answers-pass.json"), "rb") as src, \
                open(answers, "wb") as dst:
            dst.write(src.read())
        expect(["evaluate", tmpl, answers], 0, out_has=["Template: cli-points 1.2.0"])
        expect(["validate", os.path.join(d, b"x" + GBK + b".json")], 1,
               err_has=["x" + REPLACED + ".json"])


# --- text stays text -------------------------------------------------------------

@case("text arguments that are not UTF-8 are still refused: exit 1, the argument named")
def _():
    if not have("answer"):
        raise Skip("the store is not built")
    with tempfile.TemporaryDirectory() as t:
        d = gbk_dir(t)
        db = new_store(d)
        # --db is a file name; the answer and the note are text
        expect(["answer", "set", "--db", db, "1", "C1", GBK], 1,
               err_has=["answer set: argument 5", "not valid UTF-8"])
        expect(["answer", "set", "--db", db, "--note", GBK, "1", "C1", "yes"], 1,
               err_has=["argument 4", "after --note", "not valid UTF-8"])
        expect(["evidence", "add", "--db", db, "--note=" + os.fsdecode(GBK), "1", "C1",
                pdf(d)], 1, err_has=["after --note", "not valid UTF-8"])
        expect(["enterprise", "add", "--db", db, "--name", GBK, "--code", CODE], 1,
               err_has=["after --name", "not valid UTF-8"])


# --- run ---------------------------------------------------------------------

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
