#!/usr/bin/python3
# test-cli-park.py: greenassess-cli park members|add-member|remove-member and
# enterprise --kind (TAP output): the members of a green industrial park,
# the kinds both sides must have, and what each mistake says
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-park.py PATH/TO/greenassess-cli FIXTURES_DIR

import os
import sqlite3
import sys

from clitest import CLI, CODE, TMP, case, check, expect, main, run  # noqa: F401

PARK = "91350100M000300Y3F"
OTHER = "91350100M000200Y3P"


def new_db(name):
    db = os.path.join(TMP, name)
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "示范园区", "--code", PARK,
            "--kind", "park"], 0)
    expect(["enterprise", "add", "--db", db, "--name", "甲工厂", "--code", CODE], 0)
    expect(["enterprise", "add", "--db", db, "--name", "乙工厂", "--code", OTHER], 0)
    return db


@case("add, list, remove members; the kinds are kept")
def test_round_trip():
    db = new_db("a.db")
    expect(["enterprise", "show", PARK, "--db", db], 0, out_has=("Kind: park",))
    expect(["park", "members", PARK, "--db", db], 0, out_has=("has no member enterprises",))
    expect(["park", "add-member", PARK, CODE, "--db", db], 0,
           out_has=("甲工厂 is now a member of 示范园区",))
    expect(["park", "add-member", "1", "3", "--db", db], 0)
    expect(["park", "members", "1", "--db", db], 0, out_has=("甲工厂", "乙工厂", OTHER))
    con = sqlite3.connect(db)
    rows = con.execute("SELECT park_id, member_id FROM park_members ORDER BY member_id").fetchall()
    kinds = con.execute("SELECT kind FROM enterprises ORDER BY id").fetchall()
    con.close()
    check(rows == [(1, 2), (1, 3)], "stored %r" % (rows,))
    check(kinds == [("park",), ("factory",), ("factory",)], "kinds %r" % (kinds,))
    expect(["park", "remove-member", "1", OTHER, "--db", db], 0,
           out_has=("乙工厂 is no longer a member of 示范园区",))
    expect(["park", "members", "1", "--db", db], 0, out_lacks=("乙工厂",))
    expect(["db", "check", "--db", db], 0, out_has=(": ok",))


@case("mistakes say what and how to fix, in the user's language")
def test_refused():
    db = new_db("b.db")
    expect(["park", "add-member", PARK, CODE, "--db", db], 0)
    expect(["park", "add-member", PARK, CODE, "--db", db], 1,
           err_has=("甲工厂 is already a member of 示范园区",))
    expect(["park", "members", CODE, "--db", db], 1,
           err_has=("is a factory, not a park", "--kind park"))
    expect(["park", "add-member", CODE, OTHER, "--db", db], 1,
           err_has=("is a factory, not a park",))
    expect(["park", "add-member", PARK, PARK, "--db", db], 1,
           err_has=("a park's members are factories",))
    expect(["park", "remove-member", PARK, OTHER, "--db", db], 1,
           err_has=("is not a member of park",))
    expect(["enterprise", "edit", PARK, "--kind", "factory", "--db", db], 1,
           err_has=("stays a park",))
    expect(["enterprise", "edit", PARK, "--kind", "estate", "--db", db], 1,
           err_has=("--kind: 'estate' is not a kind of enterprise",))
    expect(["park", "add-member", PARK, CODE, "--db", db], 1,
           err_has=("已是",), env_extra={"LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"})
    expect(["park", "add-member", PARK, "--db", db], 2)


sys.exit(main())
