#!/usr/bin/python3
# export-check.py: checks of exported workbooks by a real spreadsheet
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by tests/test-export.c with Debian's /usr/bin/python3 (python3-openpyxl,
# libreoffice-calc-nogui; build-aux/install-deps.sh installs both).
#
#   export-check.py recalc MANIFEST.json
#       LibreOffice, with a profile that makes it recalculate every formula
#       on load (OOXMLRecalcMode=0; without it LibreOffice 7.4 shows the
#       cached results), converts each workbook to one CSV per sheet. Every
#       formula cell's recalculated value must equal the value cached in it
#       (the engine's), numbers to 2 decimals; and each "expect" entry
#       (cell -> engine value, written by the C test) must hold. An
#       expected "" means an empty cell: that is how the workbook writes a
#       value the engine has not determined, such as a clean-production
#       level of -1 (the result cell beside it then reads 未确定 / "not
#       determined"), so a recalculated 0 there is a failure.
#
#   export-check.py readback MANIFEST.json
#       openpyxl reads each workbook: every "texts" entry (text a user typed,
#       starting with = + - @) must be in the workbook as a string cell and
#       never as a formula, and every "refs" entry {cell, must} says that
#       the formula in cell references each address in must.
#
# Exit status: 0 all good, 1 a check failed (each failure on stderr),
# 77 a tool is missing (the C test turns that into a skip outside CI).

import csv
import glob
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def split_ref(ref):
    """'sheet'!$A$1 -> (sheet, 'A1'); ranges keep their colon."""
    m = re.match(r"^'((?:[^']|'')*)'!(.*)$", ref)
    if m:
        return m.group(1).replace("''", "'"), m.group(2).replace("$", "")
    sheet, _, cell = ref.partition("!")
    return sheet, cell.replace("$", "")


def cell_rc(cell):
    m = re.match(r"^([A-Z]+)([0-9]+)$", cell)
    col = 0
    for ch in m.group(1):
        col = col * 26 + (ord(ch) - 64)
    return int(m.group(2)) - 1, col - 1


def find_soffice():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    for path in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"):
        if os.path.exists(path):
            return path
    return None


def convert_all(soffice, xlsx_files, outdir):
    """One CSV per sheet for each workbook, recalculated on load."""
    profile = tempfile.mkdtemp(prefix="ga-lo-profile-")
    try:
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(RECALC_PROFILE)
        # Field separator ',', text delimiter '"', UTF-8 (76), from line 1,
        # values as stored (not as shown), formulas not exported, every
        # sheet to its own file (-1).
        filt = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
        cmd = [soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
               "--convert-to", filt, "--outdir", outdir] + xlsx_files
        env = dict(os.environ)
        env.pop("LD_PRELOAD", None)    # sanitizer runtimes of the C test are not for LibreOffice
        env.pop("ASAN_OPTIONS", None)
        env.pop("LSAN_OPTIONS", None)
        env.pop("UBSAN_OPTIONS", None)
        env.pop("MALLOC_CHECK_", None)
        env.pop("G_DEBUG", None)
        env["HOME"] = profile
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                              timeout=300)
        if proc.returncode != 0:
            fail("LibreOffice failed (%d): %s" % (proc.returncode, proc.stdout.decode(errors="replace")))
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def read_csv_grid(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def grid_value(grid, cell):
    r, c = cell_rc(cell)
    if r >= len(grid) or c >= len(grid[r]):
        return ""
    return grid[r][c]


def as_number(text):
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    text = str(text).strip()
    scale = 1.0
    # LibreOffice keeps the percent sign of a percentage format even when
    # it writes values as stored.
    if text.endswith("%"):
        text = text[:-1]
        scale = 0.01
    try:
        return float(text) * scale
    except ValueError:
        return None


def same(expected, got):
    """Numbers to 2 decimals; text exactly; '' and None alike (never 0)."""
    if expected is None:
        expected = ""
    if isinstance(expected, bool):
        expected = "TRUE" if expected else "FALSE"
    en = as_number(expected)
    gn = as_number(got)
    if en is not None and gn is not None:
        return abs(en - gn) <= 0.005 + 1e-9 * abs(en)
    return str(expected).strip() == str(got).strip()


def recalc(manifest):
    import openpyxl

    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return SKIP
    outdir = tempfile.mkdtemp(prefix="ga-recalc-")
    try:
        books = manifest["workbooks"]
        convert_all(soffice, [b["xlsx"] for b in books], outdir)
        checked = 0
        for book in books:
            base = os.path.splitext(os.path.basename(book["xlsx"]))[0]
            wb_f = openpyxl.load_workbook(book["xlsx"], data_only=False)
            wb_v = openpyxl.load_workbook(book["xlsx"], data_only=True)
            grids = {}
            for ws in wb_f.worksheets:
                csv_path = os.path.join(outdir, "%s-%s.csv" % (base, ws.title))
                if not os.path.exists(csv_path):
                    fail("%s: LibreOffice wrote no CSV for sheet %s (have: %s)" % (
                        base, ws.title, ", ".join(sorted(os.listdir(outdir)))))
                    continue
                grids[ws.title] = read_csv_grid(csv_path)
            # Every formula: the cached value (the engine's) is what a
            # recalculating spreadsheet computes.
            for ws in wb_f.worksheets:
                grid = grids.get(ws.title)
                if grid is None:
                    continue
                wv = wb_v[ws.title]
                for row in ws.iter_rows():
                    for cell in row:
                        if cell.data_type != "f":
                            continue
                        cached = wv[cell.coordinate].value
                        got = grid_value(grid, cell.coordinate)
                        checked += 1
                        if not same(cached, got):
                            fail("%s: %s!%s = %s: recalculated %r, cached (engine) %r" % (
                                base, ws.title, cell.coordinate, cell.value, got, cached))
            for ref, value in book.get("expect", {}).items():
                sheet, cell = split_ref(ref)
                grid = grids.get(sheet)
                if grid is None:
                    fail("%s: no sheet %s for %s" % (base, sheet, ref))
                    continue
                got = grid_value(grid, cell)
                checked += 1
                if not same(value, got):
                    fail("%s: %s: recalculated %r, engine %r" % (base, ref, got, value))
        print("recalc: %d workbooks, %d cells compared" % (len(books), checked))
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    return 1 if failures else 0


def readback(manifest):
    import openpyxl

    checked = 0
    for book in manifest["workbooks"]:
        wb = openpyxl.load_workbook(book["xlsx"], data_only=False)
        base = os.path.basename(book["xlsx"])
        for text in book.get("texts", []):
            found = 0
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for cell in row:
                        if cell.value is None:
                            continue
                        if cell.data_type == "f" and isinstance(cell.value, str) and \
                           cell.value.lstrip("=") == text.lstrip("="):
                            fail("%s: %s!%s: user text %r became a formula" % (
                                base, ws.title, cell.coordinate, text))
                        if isinstance(cell.value, str) and text in cell.value:
                            if cell.data_type != "s":
                                fail("%s: %s!%s holds %r as type %s, not a string" % (
                                    base, ws.title, cell.coordinate, text, cell.data_type))
                            else:
                                found += 1
            checked += 1
            if found == 0:
                fail("%s: user text %r is not in the workbook" % (base, text))
        for ref in book.get("refs", []):
            sheet, cell = split_ref(ref["cell"])
            value = wb[sheet][cell].value
            checked += 1
            if not isinstance(value, str) or not value.startswith("="):
                fail("%s: %s holds %r, not a formula" % (base, ref["cell"], value))
                continue
            text = value.replace("$", "")
            for must in ref["must"]:
                msheet, mcell = split_ref(must)
                needle = "'%s'!%s" % (msheet.replace("'", "''"), mcell)
                if needle not in text:
                    fail("%s: the formula in %s (%s) does not reference %s" % (
                        base, ref["cell"], value, must))
    print("readback: %d checks" % checked)
    return 1 if failures else 0


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("recalc", "readback"):
        print("usage: export-check.py recalc|readback MANIFEST.json", file=sys.stderr)
        return 2
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("python3-openpyxl is not installed", file=sys.stderr)
        return SKIP
    with open(sys.argv[2], encoding="utf-8") as f:
        manifest = json.load(f)
    if sys.argv[1] == "recalc":
        return recalc(manifest)
    return readback(manifest)


if __name__ == "__main__":
    sys.exit(main())
