#!/usr/bin/python3
# test-cli-import.py: greenassess-cli import (TAP output): a 205-1-style
# XLSX ledger and a monthly meter CSV in GBK fill the energy table with the
# same total as typing; the preview, the rows not taken, --map, --replace,
# --append, undo, and the mistakes a user makes
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-import.py PATH/TO/greenassess-cli FIXTURES_DIR
#
# The known answer: 原煤 1000 t, 电力 200 万kWh, 柴油 50 t,
# 1000 × 0.7143 + 200 × 1.229 + 50 × 1.4571 = 714.3 + 245.8 + 72.855
# = 1032.955 tce. The meter export holds the same in kWh and kg.

import json
import os
import sys

from clitest import CLI, CODE, TMP, case, check, expect, main, run  # noqa: F401

IMPORT = os.path.join(os.path.dirname(os.path.abspath(sys.argv[2])), "import")
LEDGER = os.path.join(IMPORT, "ledger-205-1.xlsx")
METER = os.path.join(IMPORT, "meter-monthly-gbk.csv")


def new_assessment(name):
    db = os.path.join(TMP, name)
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "示例化工", "--code", CODE], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", CODE,
            "--template", "energy-audit-gbt17166-2019", "--year", "2025"], 0)
    return db


def total(db):
    out, err = expect(["assessment", "evaluate", "--db", db, "1", "--json"], 0)
    outputs = {o["id"]: o for o in json.loads(out)["outputs"]}
    return outputs["E_total"]["value"]


def energy_rows(db):
    out, _ = expect(["answer", "list", "--db", db, "1"], 0)
    return [line for line in out.splitlines() if line.startswith("energy ")]


@case("205-1 XLSX: dry run shows the preview and saves nothing; the import gives 1032.955 tce")
def _():
    db = new_assessment("a.db")
    out, _ = expect(["import", "--db", db, "1", LEDGER, "--dry-run"], 0,
                    out_has=["Sheet “205-1表”", "Heading row: 5", "消费量 / 合计",
                             "3 rows taken:", "6 rows not taken:",
                             "row 9 (no-number): “洗精煤” has no quantity.",
                             "row 14 (subtotal)", "714.3 tce", "245.8 tce", "72.855 tce",
                             "after the import: 1032.955 tce", "Dry run: nothing saved."])
    check(total(db) == 0 or total(db) is None, "a dry run saved something", out)
    expect(["import", "--db", db, "1", LEDGER], 0,
           out_has=["Imported 3 rows into the energy table."])
    t = total(db)
    check(abs(t - 1032.955) < 1e-9, "E_total %r after the XLSX import" % t)


@case("meter CSV in GBK: twelve months added, two meters in one row, 1032.955 tce")
def _():
    db = new_assessment("b.db")
    expect(["import", "--db", db, "1", METER], 0,
           out_has=["CSV, GB18030", "A  计量点  Meter point", "Month (added up)",
                    "1#主变", "2#主变", "electricity  2000000 kWh", "diesel       50000 kg",
                    "row 7 (subtotal)", "Imported 3 rows"],
           out_lacks=["P  合计"])
    t = total(db)
    check(abs(t - 1032.955) < 1e-9, "E_total %r after the CSV import" % t)


@case("a table with rows: --replace or --append must be said; undo takes an import back")
def _():
    db = new_assessment("c.db")
    expect(["import", "--db", db, "1", LEDGER], 0)
    expect(["import", "--db", db, "1", METER], 1,
           err_has=["the energy table has 3 rows: add --replace", "--append"])
    check(abs(total(db) - 1032.955) < 1e-9, "a refused import changed the table")
    expect(["import", "--db", db, "1", METER, "--append"], 0,
           out_has=["after the import: 2065.91 tce"])
    # 2 × 1032.955
    check(abs(total(db) - 2065.91) < 1e-9, "--append: %r" % total(db))
    expect(["assessment", "undo", "--db", db, "1"], 0)
    check(abs(total(db) - 1032.955) < 1e-9, "undo: %r" % total(db))
    expect(["import", "--db", db, "1", METER, "--replace"], 0)
    check(abs(total(db) - 1032.955) < 1e-9, "--replace: %r" % total(db))
    expect(["import", "--db", db, "1", METER, "--replace", "--append"], 2,
           err_has=["exclude each other"])


@case("--header-row and --map where the guess finds nothing")
def _():
    db = new_assessment("d.db")
    path = os.path.join(TMP, "plain.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Site;Kind;Used (t)\nBoiler house;coal;1000\nFleet;Diesel;50\n")
    expect(["import", "--db", db, "1", path, "--dry-run"], 1,
           out_has=["Heading row: not found"], err_has=["no column is mapped to the carrier"])
    # 1000 × 0.7143 + 50 × 1.4571 = 714.3 + 72.855 = 787.155
    expect(["import", "--db", db, "1", path, "--header-row", "1", "--map", "kind=carrier",
            "--map", "C=qty"], 0,
           out_has=["C  Used (t)  Quantity (t)", "after the import: 787.155 tce"])
    check(abs(total(db) - 787.155) < 1e-9, "--map: %r" % total(db))
    expect(["import", "--db", db, "1", path, "--map", "Z=carrier"], 1,
           err_has=["no column “Z”"])
    expect(["import", "--db", db, "1", path, "--map", "B=fuel"], 1,
           err_has=["COLUMN=FIELD"])
    expect(["import", "--db", db, "1", path, "--header-row", "9"], 1,
           err_has=["rows 1 to 3"])


@case("files that are not ledgers, sheets that are not there")
def _():
    db = new_assessment("e.db")
    expect(["import", "--db", db, "1", LEDGER, "--sheet", "2024"], 1,
           err_has=["has no sheet “2024”", "“205-1表”, “说明”"])
    png = os.path.join(TMP, "photo.xlsx")
    with open(png, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    expect(["import", "--db", db, "1", png], 1, err_has=["is not a spreadsheet"])
    expect(["import", "--db", db, "1", os.path.join(TMP, "missing.csv")], 1,
           err_has=["missing.csv"])
    expect(["import", "--db", db, "1"], 2, err_has=["missing ASSESSMENT or FILE"])
    check(energy_rows(db) == [] or "energy = -" in " ".join(energy_rows(db)),
          "a failed import saved rows: %r" % energy_rows(db))


@case("in Chinese")
def _():
    db = new_assessment("f.db")
    expect(["import", "--db", db, "1", METER], 0,
           env_extra={"LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"},
           out_has=["计量点", "月份（累加）", "已导入 3 行"])


sys.exit(main())
