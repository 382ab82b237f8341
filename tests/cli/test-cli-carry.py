#!/usr/bin/python3
# test-cli-carry.py: greenassess-cli assessment new --from and assessment
# compare (TAP output): carrying last year's answers over, across template
# versions, with and without evidence links, and the comparison of two years
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-carry.py PATH/TO/greenassess-cli FIXTURES_DIR

import json
import os
import sys

from clitest import CLI, CODE, TMP, case, check, expect, main, run  # noqa: F401


def template(version, tail):
    """C1 compliance (10 points), N1 number between 50 and 90 (10 points),
    T1 text, TB table; then the items of @tail (25 points in all)."""
    return {
        "format": 1, "id": "carry-cli", "version": version, "kind": "green-factory",
        "title": {"zh_CN": "结转命令测试", "en": "Carry CLI test"},
        "standard": {"code": "TEST", "title": "test"}, "source": "tests/cli/test-cli-carry.py",
        "scoring": {"scheme": "points", "max": 25},
        "sections": [
            {"id": "S1", "title": "S1", "items": [
                {"id": "C1", "kind": "compliance", "title": "C1", "points": 10, "source": "t"},
                {"id": "N1", "kind": "number", "title": "N1", "points": 10, "min": 0,
                 "max": 1000, "source": "t",
                 "score": {"interp": {"baseline": 50, "leading": 90}}},
                {"id": "T1", "kind": "text", "title": "T1", "source": "t"}]},
            {"id": "S2", "title": "S2", "items": [
                {"id": "TB", "kind": "table", "title": "TB", "source": "t", "columns": [
                    {"id": "name", "kind": "text", "title": "name"},
                    {"id": "qty", "kind": "number", "title": "qty", "min": 0}]}] + tail}]}


V1 = template("1.0.0", [{"id": "X1", "kind": "compliance", "title": "X1", "points": 5,
                         "source": "t"}])
V2 = template("1.1.0", [{"id": "Z1", "kind": "compliance", "title": "Z1", "points": 5,
                         "source": "t"}])


def write(name, data):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    return path


def last_year(name):
    """A database with the 2025 assessment (id 1) answered."""
    db = os.path.join(TMP, name)
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "结转测试厂", "--code", CODE], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", CODE,
            "--template", write("v1.json", json.dumps(V1)), "--year", "2025"], 0)
    for item, value in (("C1", "partial"), ("N1", "70"), ("T1", "ISO 50001"), ("X1", "yes"),
                        ("TB", json.dumps([{"name": "锅炉", "qty": 2}]))):
        expect(["answer", "set", "1", item, value, "--db", db], 0)
    expect(["evidence", "add", "1", "C1", write("licence.pdf", "%PDF-1.4 licence"),
            "--db", db], 0)
    return db


@case("new --from carries the answers over, to the next year by default")
def test_from():
    db = last_year("a.db")
    out, _ = expect(["assessment", "new", "--db", db, "--from", "1"], 0)
    check(out.startswith("2 "), "the new id is printed", out)
    expect(["assessment", "show", "2", "--db", db], 0,
           out_has=("Year: 2026", "Answers (5)", "C1 = partial", "N1 = 70", "TB = 1 row",
                    "Evidence (0)"))
    expect(["assessment", "history", "2", "--db", db], 0,
           out_has=("C1: - -> partial  (carried over from 2025)",))
    # The earlier assessment keeps its own history, unmarked.
    expect(["assessment", "history", "1", "--db", db], 0, out_lacks=("carried over",))


@case("new --from --with-evidence links the files; a new version drops and names items")
def test_evidence_and_version():
    db = last_year("b.db")
    _, err = expect(["assessment", "new", "--db", db, "--from", "1", "--with-evidence",
                     "--template", write("v2.json", json.dumps(V2)), "--year", "2026"], 0,
                    err_has=("not carried over: X1",))
    expect(["assessment", "show", "2", "--db", db], 0,
           out_has=("carry-cli 1.1.0", "Evidence (1)", "licence.pdf"),
           out_lacks=("X1 =",))


@case("compare: scores, differences, --changed, --json")
def test_compare():
    db = last_year("c.db")
    expect(["assessment", "new", "--db", db, "--from", "1"], 0)
    expect(["answer", "set", "2", "C1", "yes", "--db", db], 0)
    expect(["answer", "set", "2", "N1", "80", "--db", db], 0)
    # 2025: C1 partial 5 + N1 (70-50)/(90-50)×10 = 5 + X1 yes 5 = 15.
    # 2026: C1 yes 10 + N1 (80-50)/40×10 = 7.5 + X1 5 = 22.5; +7.5.
    expect(["assessment", "compare", "1", "2", "--db", db], 0,
           out_has=("Score: 15 / 25 -> 22.5 / 25  +7.5", "2 items changed",
                    "S1 S1: 10 / 20 -> 17.5 / 20  +7.5",
                    "* C1 C1: Partly met (5) -> Met (10)  +5",
                    "* N1 N1: 70 (5) -> 80 (7.5)  +2.5", "TB TB: 1 row (-) -> 1 row (-)"))
    expect(["assessment", "compare", "1", "2", "--changed", "--db", db], 0,
           out_has=("* C1",), out_lacks=("TB TB", "S2 S2"))
    out, _ = expect(["assessment", "compare", "1", "2", "--json", "--db", db], 0)
    data = json.loads(out)
    check(data["difference"] == 7.5 and data["a"]["score"] == 15 and data["b"]["score"] == 22.5,
          "totals in JSON", out)
    items = {i["id"]: i for s in data["sections"] for i in s["items"]}
    check(items["N1"]["difference"] == 2.5 and items["T1"]["difference"] is None,
          "item differences in JSON", out)


@case("mistakes: usage, unknown assessment, another enterprise")
def test_mistakes():
    db = last_year("d.db")
    expect(["assessment", "new", "--db", db, "--enterprise", CODE, "--template", "carry-cli",
            "--with-evidence"], 2, err_has=("--with-evidence goes with --from",))
    expect(["assessment", "new", "--db", db], 2, err_has=("--from",))
    expect(["assessment", "new", "--db", db, "--from", "99"], 1)
    expect(["enterprise", "add", "--db", db, "--name", "另一厂", "--code", "91350100M000101W2G"],
           0)
    expect(["assessment", "new", "--db", db, "--from", "1", "--enterprise", "2"], 1,
           err_has=("another enterprise",))
    expect(["assessment", "compare", "1", "--db", db], 2)
    expect(["assessment", "compare", "1", "99", "--db", db], 1)
    expect(["assessment", "list", "--db", db], 0, out_lacks=("结转命令测试 2026",))


sys.exit(main())
