#!/usr/bin/python3
# test-cli-water.py: the water-saving enterprise template from the command
# line (TAP output): listed by `templates`, an answers file with a water
# balance scored by `evaluate`, and the industry's required values looked up
# for an assessment in the database
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-water.py PATH/TO/greenassess-cli FIXTURES_DIR

import json
import os
import sys

from clitest import CODE, TMP, case, check, expect, main  # noqa: F401

FIX = os.path.abspath(sys.argv[2])

TID = "water-saving-gbt7119-2018"


def kat(name):
    return os.path.join(FIX, "..", "templates", TID, name)


def items_of(out):
    return {x["id"]: x for x in json.loads(out)["items"]}


@case("templates lists the water-saving template with its standard")
def test_list():
    out, _ = expect(["templates"], 0, out_has=(TID, "GB/T 7119-2018"))
    line = [x for x in out.splitlines() if x.startswith(TID)][0]
    check("节水型企业" in line and "Water-saving enterprise" in line, "both titles", out)


@case("evaluate: a balance of ten rows gives the rates, B6 not met fails the veto")
def test_evaluate():
    # V_i = 100 000 + 20 000 = 120 000; V_r = 840 000 + 30 000 + 10 000 = 880 000;
    # 重复利用率 880 000 / 1 000 000 = 88 %; 漏失率 6 000 / 120 000 = 5 %;
    # 单位产品取水量 120 000 / 40 000 = 3 m³/t.
    out, err = expect(["evaluate", "--json", TID, kat("case1.json")], 0)
    items = items_of(out)
    check(items["W_reuse"]["value"] == 88, "reuse 88 %", out, err)
    check(items["W_leak"]["value"] == 5, "leakage 5 %", out, err)
    check(items["W_per_product"]["value"] == 3, "3 m³ per t", out, err)
    summary = json.loads(out)["summary"]
    check(summary["veto"] == "fail" and summary["veto_failures"] == ["B6"], "B6 fails", out, err)
    check(summary["passed"] is False, "not passed", out, err)
    expect(["evaluate", "--lang=en", TID, kat("case1.json")], 0,
           out_has=("Veto: failed (not met: B6", "value 88.00 %", "O_intake  Water intake  = 120,000 m³"))


@case("score: a steel works' required values come from the bundled table (C31)")
def test_refvalues():
    db = os.path.join(TMP, "w.db")
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "节水测试钢厂", "--code", CODE,
            "--industry", "C31"], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", "1", "--template", TID,
            "--year", "2025"], 0)
    with open(kat("case2.json"), encoding="utf-8") as f:
        balance = json.load(f)["answers"]["wb"]
    expect(["answer", "set", "--db", db, "1", "wb", json.dumps(balance, ensure_ascii=False)], 0)
    out, err = expect(["assessment", "evaluate", "1", "--json", "--db", db], 0)
    items = items_of(out)
    # Steel in the provincial annex: reuse ≥ 97, leakage ≤ 8, wastewater reuse
    # ≥ 75, direct cooling ≥ 95; no value for indirect cooling or the quota.
    for slot, value in (("W_reuse_min", 97), ("W_leak_max", 8), ("W_wwr_min", 75),
                        ("W_cdir_min", 95)):
        check(items[slot]["value"] == value, "%s = %r" % (slot, value), out, err)
    check(items["W_cind_min"]["value"] is None, "no indirect cooling value", out, err)
    # 97.142857 ≥ 97, 8 ≤ 8, 75 ≥ 75, 97.44 ≥ 95: each met.
    for ind in ("W_reuse", "W_leak", "W_wwr", "W_cdir"):
        check(items[ind]["score"] == 1, "%s met" % ind, out, err)
        check(items[ind]["verified"] is False, "%s flagged unverified" % ind, out, err)


sys.exit(main())
