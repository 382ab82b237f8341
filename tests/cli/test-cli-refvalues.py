#!/usr/bin/python3
# test-cli-refvalues.py: greenassess-cli refvalues list|show|import|remove
# (TAP output): the bundled table, a consultant's CSV with rows that cannot
# be read, the looked-up values in a score, the equal-values rule, packages
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-refvalues.py PATH/TO/greenassess-cli FIXTURES_DIR

import os
import sys
import json

from clitest import CLI, CODE, TMP, case, check, expect, main, run  # noqa: F401


def new_db(name):
    db = os.path.join(TMP, name)
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "参考值测试厂", "--code", CODE,
            "--industry", "C26"], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", "1", "--template", "gbt36132-2025",
            "--year", "2025"], 0)
    return db


SHEET = (
    "名称,某省评价表\n"
    "版本,2026\n"
    "方案,指标,行业,产品,基准值,引领值,已核实\n"
    "gbt36132-2025,RE3,C26,,85,85,是\n"
    "gbt36132-2025,RE4,,,八十,100,\n"
    "gbt36132-2025,,,,1,2,\n"
)


def write(name, text, encoding="utf-8"):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding=encoding) as f:
        f.write(text)
    return path


def item(db, item_id):
    out, _ = expect(["assessment", "evaluate", "1", "--json", "--db", db], 0)
    for x in json.loads(out)["items"]:
        if x["id"] == item_id:
            return x
    raise AssertionError("no item " + item_id)


@case("list shows the bundled table, flagged not verified; show prints its rows")
def test_list():
    db = new_db("a.db")
    expect(["refvalues", "list", "--db", db], 0,
           out_has=("bundled", "gbt36132-2025-form-example", "2026", "12", "no"))
    expect(["refvalues", "show", "gbt36132-2025-form-example", "--db", db], 0,
           out_has=("gbt36132-2025/RE3", "92.22", "80", "Source:"))
    expect(["refvalues", "show", "nothing", "--db", db], 1, err_has=("no reference table",))


@case("a blank baseline is looked up and scored; a typed one overrides")
def test_lookup_and_override():
    db = new_db("b.db")
    expect(["answer", "set", "1", "RE3", "86.11", "--db", db], 0)
    # Bundled RE3 80 / 92.22: (86.11 - 80) / (92.22 - 80) x 4 = 2.
    r = item(db, "RE3")
    check(abs(r["score"] - 2.0) < 1e-9, "RE3 scored between 80 and 92.22: %r" % r)
    expect(["refvalues", "used", "1", "--db", db], 0,
           out_has=("RE3_base: 基准值 (baseline) 80 from the reference table", "not verified",
                    "RE3_lead: 引领值 (leading value) 92.22"))
    expect(["answer", "set", "1", "RE3_base", "86.11", "--db", db], 0)
    check(item(db, "RE3")["score"] == 0, "a typed baseline 86.11 overrides: 0 points")
    out, _ = expect(["refvalues", "used", "1", "--db", db], 0)
    check("RE3_base:" not in out, "a typed value is not listed as looked up", out)


@case("import: rows that cannot be read are named and nothing is imported")
def test_import_errors():
    db = new_db("c.db")
    path = write("省表.csv", SHEET)
    _, err = expect(["refvalues", "import", path, "--db", db], 1,
                    err_has=("row 5, 基准值 (baseline): “八十” is not a number",
                             "row 6: the indicator (指标) is empty", "nothing was imported"))
    out, _ = expect(["refvalues", "list", "--db", db], 0)
    check("某省评价表" not in out, "nothing imported", out)


@case("import --skip-bad-rows; the imported C26 row wins; equal values give all or no points")
def test_import_and_equal_values():
    db = new_db("d.db")
    path = write("省表-gbk.csv", SHEET, encoding="gbk")
    expect(["refvalues", "import", path, "--skip-bad-rows", "--db", db], 0,
           out_has=("某省评价表", "2026", "1 rows"))
    expect(["refvalues", "list", "--db", db], 0, out_has=("某省评价表", "bundled"))
    # Baseline = leading value = 85 (higher is better): 85 meets it -> 4; 84.9 -> 0.
    expect(["answer", "set", "1", "RE3", "85", "--db", db], 0)
    r = item(db, "RE3")
    check(r["score"] == 4, "85 meets 85: all 4 points: %r" % r)
    check("baseline equals the leading value" in r["trace"], "the rule is explained: %r" % r)
    expect(["answer", "set", "1", "RE3", "84.9", "--db", db], 0)
    check(item(db, "RE3")["score"] == 0, "84.9 does not meet 85: 0 points")
    # A package carries the table.
    pkg = os.path.join(TMP, "d.gapkg")
    expect(["package", "export", "1", pkg, "--db", db], 0)
    other = os.path.join(TMP, "e.db")
    expect(["package", "import", pkg, "--db", other], 0)
    expect(["refvalues", "list", "--db", other], 0, out_has=("某省评价表",))
    expect(["db", "check", "--db", other], 0)
    # Remove it: the bundled values come back.
    out, _ = expect(["refvalues", "list", "--db", db], 0)
    expect(["refvalues", "remove", "1", "--db", db], 0, out_has=("removed",))
    expect(["refvalues", "remove", "1", "--db", db], 1)
    expect(["refvalues", "remove", "x", "--db", db], 1, err_has=("not the id",))
    r = item(db, "RE3")
    check(abs(r["score"] - 4 * 4.9 / 12.22) < 1e-9, "back to 80 / 92.22: %r" % r)


@case("单位产品 before any product row: waiting for the table, not #DIV/0!")
def test_missing_input():
    db = new_db("f.db")
    expect(["answer", "set", "1", "EN1_basis", "product", "--db", db], 0)
    r = item(db, "EN1")
    check(r["status"] == "incomplete", "EN1 is incomplete: %r" % r)
    check("needs table EN1P" in r["trace"], "the trace names the input: %r" % r)
    out, _ = expect(["assessment", "evaluate", "1", "--db", db], 0)
    check("error" not in out.lower(), "no error in the summary", out)


sys.exit(main())
