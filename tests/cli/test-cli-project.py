#!/usr/bin/python3
# test-cli-project.py: greenassess-cli project list|add|set|remove (TAP
# output): an enterprise's register of green-retrofit projects, labels in
# either language, every bad field at once, db check, packages, mistakes
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-project.py PATH/TO/greenassess-cli FIXTURES_DIR

import os
import sqlite3
import sys

from clitest import CLI, CODE, TMP, case, check, expect, main, run  # noqa: F401


def new_db(name):
    db = os.path.join(TMP, name)
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "改造项目测试厂", "--code", CODE], 0)
    return db


BOILER = ["--name", "锅炉余热回收", "--type", "节能", "--content", "烟气余热回收装置 2 套",
          "--investment", "320.5", "--start", "2024-03", "--end", "2025-06-30",
          "--energy-saving", "850", "--co2-cut", "2210.4", "--progress", "in-progress"]


@case("add, list in English and Chinese, set, remove")
def test_round_trip():
    db = new_db("a.db")
    expect(["project", "list", CODE, "--db", db], 0, out_has=("has no projects",))
    out, _ = expect(["project", "add", CODE, "--db", db] + BOILER, 0)
    check(out.strip() == "1", "the new id is printed", out)
    expect(["project", "add", "1", "--db", db, "--name", "中水回用", "--type", "water",
            "--water-saving", "12000"], 0, out_has=("2",))
    expect(["project", "list", "1", "--db", db], 0,
           out_has=("锅炉余热回收", "Energy saving", "320.5", "2024-03 – 2025-06-30", "850",
                    "2210.4", "In progress", "Water saving", "12000", "Planned"))
    expect(["project", "list", "1", "--db", db], 0,
           out_has=("节能", "在建", "节水", "计划"),
           env_extra={"LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"})
    # Only the options given change; an empty value clears a field.
    expect(["project", "set", "1", "--db", db, "--progress", "已完成", "--co2-cut", ""], 0)
    con = sqlite3.connect(db)
    row = con.execute("SELECT type, progress, co2_cut, energy_saving, content FROM projects"
                      " WHERE id = 1").fetchone()
    con.close()
    check(row == ("energy", "done", None, 850.0, "烟气余热回收装置 2 套"), "stored %r" % (row,))
    expect(["project", "remove", "2", "--db", db], 0, out_has=("removed project “中水回用”",))
    expect(["project", "list", "1", "--db", db], 0, out_lacks=("中水回用",))
    expect(["db", "check", "--db", db], 0, out_has=(": ok",))


@case("every bad field at once, nothing saved")
def test_refused():
    db = new_db("b.db")
    _, err = expect(["project", "add", "1", "--db", db, "--name", "x", "--type", "solar",
                     "--investment", "lots", "--start", "2025-13", "--end", "2024-01",
                     "--progress", "half"], 1)
    for s in ("--investment: 'lots' is not a number", "--progress: 'half' is not planned",
              "The type 'solar' is not a project type", "The start '2025-13' is not a month"):
        check(s in err, "stderr lacks %r" % s, "", err)
    expect(["project", "add", "1", "--db", db, "--name", "x", "--type", "carbon",
            "--start", "2025-06", "--end", "2025-01"], 1,
           err_has=("The end 2025-01 is before the start 2025-06",))
    expect(["project", "list", "1", "--db", db], 0, out_has=("has no projects",))
    expect(["project", "add", "1", "--db", db, "--name", "x"], 2,
           err_has=("--name and --type are required",))
    expect(["project", "add", "99", "--db", db, "--name", "x", "--type", "carbon"], 1)
    expect(["project", "set", "abc", "--db", db], 1, err_has=("not a project number",))
    expect(["project", "set", "7", "--db", db, "--note", "x"], 1,
           err_has=("There is no project with id 7",))
    expect(["project", "bogus", "--db", db], 2)
    expect(["project", "list", "--db", db], 2)


@case("db check finds a row changed by another program")
def test_check():
    db = new_db("c.db")
    expect(["project", "add", "1", "--db", db] + BOILER, 0)
    con = sqlite3.connect(db)
    con.execute("UPDATE projects SET type = '节能', end_on = '2025/06'")
    con.commit()
    con.close()
    expect(["db", "check", "--db", db], 1,
           err_has=("project 1 (enterprise 1): The type '节能' is not a project type",
                    "project 1 (enterprise 1): The end '2025/06' is not a month"))


@case("a package carries the enterprise's projects, once")
def test_package():
    db = new_db("d.db")
    expect(["assessment", "new", "--db", db, "--enterprise", CODE, "--template",
            "gbt36132-2025", "--year", "2025"], 0)
    expect(["project", "add", "1", "--db", db] + BOILER, 0)
    pkg = os.path.join(TMP, "d.gapkg")
    expect(["package", "export", "1", pkg, "--db", db], 0)
    other = os.path.join(TMP, "e.db")
    expect(["package", "import", pkg, "--db", other], 0)
    expect(["package", "import", pkg, "--as-copy", "--db", other], 0)
    out, _ = expect(["project", "list", CODE, "--db", other], 0, out_has=("锅炉余热回收",))
    check(out.count("锅炉余热回收") == 1, "the project is there once", out)


@case("export --local-tables writes 附件2–4; its options are checked")
def test_export_local():
    import zipfile
    db = new_db("f.db")
    expect(["assessment", "new", "--db", db, "--enterprise", CODE, "--template",
            "gbt36132-2025", "--year", "2025"], 0)
    expect(["project", "add", "1", "--db", db] + BOILER, 0)
    out = os.path.join(TMP, "f.xlsx")
    expect(["export", "1", "--db", db, "--out", out, "--lang", "zh_CN", "--local-tables",
            "--apply-level", "provincial", "--apply-year", "2026"], 0)
    with zipfile.ZipFile(out) as z:
        book = z.read("xl/workbook.xml").decode("utf-8")
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    for name in ("附件2 培育计划", "附件3 绩效指标", "附件4 改造项目"):
        check(name in book, "the workbook lacks the sheet %s" % name, book)
    for text in ("省级", "锅炉余热回收", "在建", "正式表样未能取得"):
        check(text in strings, "the workbook lacks %r" % text, strings)
    plain = os.path.join(TMP, "g.xlsx")
    expect(["export", "1", "--db", db, "--out", plain], 0)
    with zipfile.ZipFile(plain) as z:
        check("附件" not in z.read("xl/workbook.xml").decode("utf-8"),
              "without --local-tables there is no 附件 sheet")
    expect(["export", "1", "--db", db, "--out", out, "--force", "--apply-level", "national"], 2,
           err_has=("go with --local-tables",))
    expect(["export", "1", "--db", db, "--out", out, "--force", "--local-tables",
            "--apply-level", "county"], 2, err_has=("national, provincial or municipal",))
    expect(["export", "1", "--db", db, "--out", out, "--force", "--local-tables",
            "--apply-year", "1999"], 2, err_has=("2000 to 2100",))
    expect(["export", "--template", "gbt36132-2025", "--answers", out, "--out", out,
            "--local-tables"], 2, err_has=("needs an assessment in the database",))


sys.exit(main())
