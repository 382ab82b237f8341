#!/usr/bin/python3
# test-cli-db.py: greenassess-cli on a database that was damaged, is read-only or
# is being written by another program (TAP output)
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-db.py PATH/TO/greenassess-cli FIXTURES_DIR

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
FIX = sys.argv[2]
CODE = "91350100M000100Y43"

results = []


def run(*args, user=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    env.setdefault("LANGUAGE", "en")
    kwargs = {}
    if user is not None:
        kwargs["user"] = user
        kwargs["group"] = user
    proc = subprocess.run([CLI] + list(args), capture_output=True, env=env, timeout=120,
                          **kwargs)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def case(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def check(cond, what, out="", err=""):
    if not cond:
        raise AssertionError("%s\n--- stdout ---\n%s--- stderr ---\n%s" % (what, out, err))


def expect(args, code, out_has=(), err_has=(), err_not=(), user=None):
    rc, out, err = run(*args, user=user)
    check(rc == code, "exit status %d, expected %d for %r" % (rc, code, args), out, err)
    for s in out_has:
        check(s in out, "stdout lacks %r" % s, out, err)
    for s in err_has:
        check(s in err, "stderr lacks %r" % s, out, err)
    for s in err_not:
        check(s not in err, "stderr has %r" % s, out, err)
    return out, err


def make_db(folder, saves=150):
    """A database with one assessment of the points fixture and `saves` answers to N1
    (a history of `saves` rows)."""
    db = os.path.join(folder, "plant.db")
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "测试工厂", "--code", CODE], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", CODE,
            "--template", os.path.join(FIX, "points.json"), "--year", "2025"], 0)
    for k in range(saves):
        expect(["answer", "set", "--db", db, "1", "N1", str(k % 90 + 1)], 0)
    return db


def flip_page(db, name):
    """Overwrites the b-tree page header of a middle leaf page of table or index `name`."""
    con = sqlite3.connect(db)
    pages = [r[0] for r in con.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
        (name,))]
    con.close()
    page = pages[len(pages) // 2]
    with open(db, "r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(b"\xa5" * 64)


@case("a damaged table: check names the damage and advises backup then repair, "
      "never restoring an old backup first; backup and repair work; the copy checks clean")
def _():
    with tempfile.TemporaryDirectory() as d:
        db = make_db(d)
        flip_page(db, "history")
        out, err = expect(["db", "check", "--db", db], 1,
                          err_has=["integrity check", "db backup", "db repair"],
                          err_not=["restore a backup"])
        copy = os.path.join(d, "copy.db")
        expect(["db", "backup", "--db", db, copy], 0, out_has=["copy.db"])
        fixed = os.path.join(d, "fixed.db")
        out, err = expect(["db", "repair", "--db", db, fixed], 0,
                          out_has=["enterprises: 1 row recovered", "assessments: 1 row recovered",
                                   "could not be read", "fixed.db"])
        expect(["db", "check", "--db", fixed], 0, out_has=["ok"])
        out, _ = expect(["answer", "list", "--db", fixed, "1"], 0, out_has=["N1"])
        # The repaired database takes new answers.
        expect(["answer", "set", "--db", fixed, "1", "N1", "42"], 0)
        # Repair never replaces a file.
        expect(["db", "repair", "--db", db, fixed], 1, err_has=["already exists"])


@case("a write into a database with a damaged page is refused with the same advice")
def _():
    with tempfile.TemporaryDirectory() as d:
        db = make_db(d)
        flip_page(db, "history")
        before = open(db, "rb").read()
        expect(["answer", "set", "--db", db, "1", "N1", "5"], 1,
               err_has=["is damaged", "db backup", "db repair"], err_not=["restore a backup"])
        check(open(db, "rb").read() == before, "the damaged file was changed")


@case("a database nobody may write: reading commands work and say so, writing is refused")
def _():
    # Root may write anything: the commands run as an unprivileged user.
    user = 65534 if os.geteuid() == 0 else None
    with tempfile.TemporaryDirectory() as d:
        folder = os.path.join(d, "stick")
        os.mkdir(folder)
        db = make_db(folder, saves=3)
        os.chmod(d, 0o755)
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        try:
            out, err = expect(["enterprise", "list", "--db", db], 0, out_has=["测试工厂"],
                              err_has=["open for reading only"], user=user)
            expect(["answer", "list", "--db", db, "1"], 0, out_has=["N1"], user=user)
            expect(["db", "check", "--db", db], 0, out_has=["ok"], user=user)
            expect(["answer", "set", "--db", db, "1", "N1", "7"], 1,
                   err_has=["reading only", "db backup"], user=user)
            check(sorted(os.listdir(folder)) == ["plant.db"], "no -wal or -shm appeared: %r"
                  % os.listdir(folder))
        finally:
            os.chmod(folder, 0o755)


@case("the enterprise details of a report's basic information: given, shown, checked")
def _():
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "e.db")
        expect(["db", "init", "--db", db], 0)
        expect(["enterprise", "add", "--db", db, "--name", "测试工厂", "--code", CODE,
                "--ownership", "sino-foreign", "--postal-code", "350001",
                "--registered-capital", "800", "--founded", "2010-01-02",
                "--valid-until", "long-term", "--department", "能源部", "--mobile", "13800000000",
                "--fax", "0591-1", "--products", "零件", "--profile", "主营零件。"], 0)
        expect(["enterprise", "show", "--db", db, "1"], 0,
               out_has=["Postal code: 350001", "Ownership: Sino-foreign joint venture",
                        "Registered capital: 800 万元", "Founded: 2010-01-02",
                        "Business term until: long-term",
                        "Department, mobile, fax: 能源部 / 13800000000 / 0591-1",
                        "Main products: 零件", "Profile: 主营零件。"])
        # Every bad detail at once, nothing changed.
        expect(["enterprise", "edit", "--db", db, "1", "--postal-code", "12",
                "--ownership", "limited", "--founded", "2099-01-01",
                "--registered-capital", "lots"], 1,
               err_has=["must be six digits", "'limited' is not a 单位性质",
                        "must be a past date", "--registered-capital: 'lots' is not a number"])
        expect(["enterprise", "show", "--db", db, "1"], 0, out_has=["Postal code: 350001"])


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
    sys.exit(1 if failed else 0)


main()
