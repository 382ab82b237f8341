#!/usr/bin/python3
# test-cli-water-import.py: greenassess-cli import of water ledgers (TAP
# output): an annual 用水台账 in XLSX and a monthly water-meter export in
# GBK fill the water-balance table of a water-saving self-evaluation with
# the same volumes and indicators as typing; the rows not taken and why,
# --table, --replace, undo, Chinese
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-water-import.py PATH/TO/greenassess-cli FIXTURES_DIR
#
# The known answer (tests/fixtures/import/make-water-fixtures.py), m³:
# V_i = 7 万吨 tap water + 9 000 吨 + 6 000 m³ groundwater = 85 000;
# V_u = 3 000 rain water; V_r = 24 万m³ circulation + 20 000 wastewater
# reused = 260 000; V_l = 2 000 (the annual ledger only); V_d = 60 000.
# Reuse rate 100 × 260 000 / (85 000 + 260 000) = 75.3623 %.

import json
import os
import sys

from clitest import CLI, CODE, TMP, case, check, expect, main, run  # noqa: F401

IMPORT = os.path.join(os.path.dirname(os.path.abspath(sys.argv[2])), "import")
LEDGER = os.path.join(IMPORT, "water-ledger.xlsx")
METER = os.path.join(IMPORT, "water-meter-monthly-gbk.csv")
ENERGY = os.path.join(IMPORT, "ledger-205-1.xlsx")

TYPED = [
    {"flow": "in_tap", "qty": 70000}, {"flow": "in_ground", "qty": 15000},
    {"flow": "in_nonconv", "qty": 3000}, {"flow": "use_process", "qty": 64000},
    {"flow": "use_mk_ind", "qty": 6000}, {"flow": "use_domestic", "qty": 13000},
    {"flow": "r_cool_ind", "qty": 240000}, {"flow": "r_wastewater", "qty": 20000},
    {"flow": "loss", "qty": 2000}, {"flow": "discharge", "qty": 60000},
]
RESULTS = ["O_intake", "O_reused", "O_total_use", "O_nonconv", "O_discharge", "W_reuse",
           "W_leak"]


def new_assessment(name, template="water-saving-gbt7119-2018"):
    db = os.path.join(TMP, name)
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "示例机械", "--code", CODE], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", CODE,
            "--template", template, "--year", "2025"], 0)
    return db


def results(db):
    out, _ = expect(["assessment", "evaluate", "--db", db, "1", "--json"], 0)
    doc = json.loads(out)
    found = {o["id"]: o.get("value") for o in doc["outputs"]}
    for item in doc.get("items", []):
        if item.get("id") in RESULTS:
            found[item["id"]] = item.get("value")
    return {k: found.get(k) for k in RESULTS}


def close(a, b):
    return a is not None and b is not None and abs(a - b) < 1e-9


@case("annual XLSX: dry run shows the rows, the reasons and V_i, V_r; the import equals typing")
def _():
    db = new_assessment("a.db")
    expect(["import", "--db", db, "1", LEDGER, "--dry-run"], 0,
           out_has=["Sheet “用水台账”", "Heading row: 3", "水源类别", "Kind of water",
                    "12 rows taken:", "7 rows not taken:",
                    "row 7 (subtotal)", "row 11 (breakdown): “其中：涂装前处理纯水”",
                    "row 15 (not-volume): “循环水” is given in kWh",
                    "row 19 (unknown-kind): “外购蒸汽”",
                    "15000 m³   1#深井、2#深井", "Intake V_i                    85000 m³",
                    "Reused V_r                    260000 m³", "Dry run: nothing saved."])
    expect(["import", "--db", db, "1", LEDGER], 0,
           out_has=["Imported 10 rows into “Water balance (year)”."])
    imported = results(db)
    check(imported["O_intake"] == 85000, "V_i %r" % imported)
    check(imported["O_reused"] == 260000, "V_r %r" % imported)
    check(close(imported["O_nonconv"], 100 * 3000 / 88000), "V_u share %r" % imported)
    # Typing the rows gives the same results.
    db2 = new_assessment("a2.db")
    expect(["answer", "set", "--db", db2, "1", "wb", json.dumps(TYPED)], 0)
    check(results(db2) == imported, "typed %r, imported %r" % (results(db2), imported))


@case("monthly meter CSV in GBK: months added, kind from the meter's name, same V_i and V_r")
def _():
    db = new_assessment("b.db")
    expect(["import", "--db", db, "1", METER], 0,
           out_has=["CSV, GB18030", "B  水表名称  Name or meter",
                    "Month (added up)", "row 3   Intake: groundwater", "9000 t    1#深井",
                    "row 8 (breakdown): “其中：涂装车间”", "row 15 (unknown-kind): “绿化”",
                    "Leakage V_l                   0 m³", "Imported 9 rows"],
           out_lacks=["Q  全年合计"])
    r = results(db)
    check(r["O_intake"] == 85000 and r["O_reused"] == 260000, "meter CSV: %r" % r)
    check(close(r["W_reuse"], 100 * 260000 / 345000), "reuse rate %r" % r)


@case("a table with rows: --replace or --append; undo; --table picks or refuses a table")
def _():
    db = new_assessment("c.db")
    expect(["import", "--db", db, "1", LEDGER], 0)
    expect(["import", "--db", db, "1", METER], 1,
           err_has=["“Water balance (year)” has 10 rows: add --replace", "--append"])
    expect(["import", "--db", db, "1", METER, "--append"], 0)
    # 85 000 + 85 000
    check(results(db)["O_intake"] == 170000, "--append: %r" % results(db))
    expect(["assessment", "undo", "--db", db, "1"], 0)
    check(results(db)["O_intake"] == 85000, "undo: %r" % results(db))
    expect(["import", "--db", db, "1", METER, "--replace", "--table", "wb"], 0)
    check(results(db)["O_intake"] == 85000, "--table wb: %r" % results(db))
    expect(["import", "--db", db, "1", METER, "--table", "M1"], 1,
           err_has=["--table M1: not a table a ledger can be imported into", "are: wb"])
    # An energy ledger has no kind of water: nothing to import.
    expect(["import", "--db", db, "1", ENERGY, "--replace"], 1,
           err_has=["No row can be imported"])
    # The energy template still imports into its energy table.
    edb = new_assessment("e.db", "energy-audit-gbt17166-2019")
    expect(["import", "--db", edb, "1", ENERGY, "--table", "energy"], 0,
           out_has=["Imported 3 rows into the energy table."])


@case("--map kind=… where the guess has the kind wrong")
def _():
    db = new_assessment("d.db")
    path = os.path.join(TMP, "plain.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Meter;Note;m3\nWM-1;tap water;70000\nWM-2;well water;15000\n")
    expect(["import", "--db", db, "1", path, "--dry-run"], 1,
           out_has=["Heading row: not found"])
    # 70 000 + 15 000 = 85 000 m³ of intake
    expect(["import", "--db", db, "1", path, "--header-row", "1", "--map", "Note=kind",
            "--map", "C=qty", "--replace"], 0,
           out_has=["Intake V_i                    85000 m³"])
    check(results(db)["O_intake"] == 85000, "--map: %r" % results(db))


@case("in Chinese")
def _():
    db = new_assessment("f.db")
    expect(["import", "--db", db, "1", LEDGER], 0,
           env_extra={"LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"},
           out_has=["取水: 自来水", "取水量 V_i", "不是体积单位", "已导入 10 行"])


sys.exit(main())
