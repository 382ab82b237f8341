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
#   export-check.py clean MANIFEST.json
#       What a reader sees is submission-clean: every string of every
#       visible cell (hidden sheets, rows and columns left out; a formula's
#       cached value included) holds no internal identifier of the template
#       ("ids": item, section, option, column and output ids; words of its
#       units, "units", and text the user typed, "user_texts", excepted) and
#       no English sentence (two English words in a row); and every input
#       cell ("inputs": references, ranges allowed) has a data validation.
#
#   export-check.py edit MANIFEST.json
#       A reviewer's edit: openpyxl writes each "edits" entry {cell, value}
#       into a copy of the workbook, LibreOffice recalculates it, and every
#       "changes" cell must then differ from what the exported workbook
#       caches there, every "expect" entry (cell -> value) must hold.
#
#   export-check.py print MANIFEST.json
#       LibreOffice prints each workbook to PDF; the size of every piece of
#       text on every page (the font size of the PDF's text operators, which
#       LibreOffice scales with the sheet's print scale) must be at least
#       "min_pt" (9). The sizes per page are printed.
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


ENGLISH = re.compile(r"(?<![A-Za-z0-9_/])[A-Za-z]{2,}(?![A-Za-z0-9_/])"
                     r"[ ,;:'()-]+[A-Za-z]{2,}(?![A-Za-z0-9_/])")
TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def hidden_columns(ws):
    from openpyxl.utils import get_column_letter
    hidden = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden:
            for c in range(dim.min, dim.max + 1):
                hidden.add(get_column_letter(c))
    return hidden


def covered(ranges, cell):
    """Whether cell ('A1') is in one of ranges (openpyxl MultiCellRange)."""
    return any(cell in r for r in ranges)


def clean(manifest):
    import openpyxl
    from openpyxl.utils import range_boundaries, get_column_letter

    checked = 0
    for book in manifest["workbooks"]:
        wb = openpyxl.load_workbook(book["xlsx"], data_only=True)
        base = os.path.basename(book["xlsx"])
        ids = set(book.get("ids", []))
        units = set()
        for u in book.get("units", []):
            units.update(TOKEN.findall(u))
        user = sorted(book.get("user_texts", []), key=len, reverse=True)
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            hidden = hidden_columns(ws)
            for row in ws.iter_rows():
                for cell in row:
                    if not isinstance(cell.value, str) or cell.column_letter in hidden:
                        continue
                    if ws.row_dimensions[cell.row].hidden:
                        continue
                    text = cell.value
                    for u in user:
                        if u:
                            text = text.replace(u, " ")
                    checked += 1
                    found = (set(TOKEN.findall(text)) & ids) - units
                    if found:
                        fail("%s: %s!%s shows the internal id %s: %r" % (
                            base, ws.title, cell.coordinate, ", ".join(sorted(found)), cell.value))
                    m = ENGLISH.search(text)
                    if m and book.get("zh", True):
                        fail("%s: %s!%s is English (%r): %r" % (
                            base, ws.title, cell.coordinate, m.group(0), cell.value))
        for ref in book.get("inputs", []):
            sheet, cells = split_ref(ref)
            ws = wb[sheet]
            min_col, min_row, max_col, max_row = range_boundaries(cells)
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    coord = "%s%d" % (get_column_letter(c), r)
                    checked += 1
                    if not any(covered(dv.sqref.ranges, coord)
                               for dv in ws.data_validations.dataValidation):
                        fail("%s: the input %s!%s has no data validation" % (base, sheet, coord))
    print("clean: %d checks" % checked)
    return 1 if failures else 0


def edit(manifest):
    import openpyxl

    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return SKIP
    outdir = tempfile.mkdtemp(prefix="ga-edit-")
    try:
        books = manifest["workbooks"]
        edited = []
        for i, book in enumerate(books):
            wb = openpyxl.load_workbook(book["xlsx"])
            for e in book["edits"]:
                sheet, cell = split_ref(e["cell"])
                wb[sheet][cell] = e["value"]
            path = os.path.join(outdir, "edited-%d.xlsx" % i)
            wb.save(path)
            edited.append(path)
        csvdir = os.path.join(outdir, "csv")
        os.makedirs(csvdir)
        convert_all(soffice, edited, csvdir)
        checked = 0
        for i, book in enumerate(books):
            cached = openpyxl.load_workbook(book["xlsx"], data_only=True)
            base = "edited-%d" % i
            grids = {}

            def grid(sheet):
                if sheet not in grids:
                    path = os.path.join(csvdir, "%s-%s.csv" % (base, sheet))
                    grids[sheet] = read_csv_grid(path) if os.path.exists(path) else None
                return grids[sheet]
            for ref in book.get("changes", []):
                sheet, cell = split_ref(ref)
                g = grid(sheet)
                checked += 1
                if g is None:
                    fail("%s: no sheet %s" % (book["xlsx"], sheet))
                    continue
                before = cached[sheet][cell].value
                after = grid_value(g, cell)
                print("%s: %s: %r -> %r" % (os.path.basename(book["xlsx"]), ref, before, after))
                if same(before, after):
                    fail("%s: %s did not change after the edit: %r" % (book["xlsx"], ref, after))
            for ref, value in book.get("expect", {}).items():
                sheet, cell = split_ref(ref)
                g = grid(sheet)
                checked += 1
                got = grid_value(g, cell) if g is not None else None
                if not same(value, got):
                    fail("%s: %s after the edit: recalculated %r, expected %r" % (
                        book["xlsx"], ref, got, value))
        print("edit: %d workbooks, %d checks" % (len(books), checked))
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    return 1 if failures else 0


def pdf_font_sizes(path):
    """The font sizes of the text operators of each page of a PDF that
    LibreOffice wrote (its content streams are Flate-compressed)."""
    import zlib
    with open(path, "rb") as f:
        data = f.read()
    pages = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        sizes = [float(x) for x in re.findall(rb"/F\d+ ([0-9.]+) Tf", content)]
        if sizes:
            pages.append(sizes)
    return pages


def print_check(manifest):
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return SKIP
    outdir = tempfile.mkdtemp(prefix="ga-print-")
    min_pt = float(manifest.get("min_pt", 9.0))
    try:
        books = manifest["workbooks"]
        profile = tempfile.mkdtemp(prefix="ga-lo-profile-")
        try:
            env = dict(os.environ)
            for name in ("LD_PRELOAD", "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS",
                         "MALLOC_CHECK_", "G_DEBUG"):
                env.pop(name, None)
            env["HOME"] = profile
            cmd = [soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", outdir] + [b["xlsx"] for b in books]
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                  timeout=600)
            if proc.returncode != 0:
                fail("LibreOffice failed (%d): %s" % (proc.returncode,
                                                      proc.stdout.decode(errors="replace")))
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        for book in books:
            base = os.path.splitext(os.path.basename(book["xlsx"]))[0]
            pdf = os.path.join(outdir, base + ".pdf")
            if not os.path.exists(pdf):
                fail("%s: LibreOffice wrote no PDF" % base)
                continue
            pages = pdf_font_sizes(pdf)
            if not pages:
                fail("%s: no text found in the PDF" % base)
            smallest = min(min(p) for p in pages) if pages else 0
            print("print: %s: %d pages, smallest text %.2f pt; per page %s" % (
                base, len(pages), smallest, " ".join("%.2f" % min(p) for p in pages)))
            for n, sizes in enumerate(pages, 1):
                if min(sizes) < min_pt:
                    fail("%s: page %d prints text at %.2f pt, below %.1f pt" % (
                        base, n, min(sizes), min_pt))
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    return 1 if failures else 0


MODES = ("recalc", "readback", "clean", "edit", "print")


def main():
    # Messages name sheets and cells in Chinese whatever the locale of the
    # test run.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except AttributeError:
            pass
    if len(sys.argv) != 3 or sys.argv[1] not in MODES:
        print("usage: export-check.py %s MANIFEST.json" % "|".join(MODES), file=sys.stderr)
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
    if sys.argv[1] == "clean":
        return clean(manifest)
    if sys.argv[1] == "edit":
        return edit(manifest)
    if sys.argv[1] == "print":
        return print_check(manifest)
    return readback(manifest)


if __name__ == "__main__":
    sys.exit(main())
