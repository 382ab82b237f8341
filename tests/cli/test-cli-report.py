#!/usr/bin/python3
# test-cli-report.py: greenassess-cli report (TAP output): the files it writes,
# its exit statuses, the refusal to replace a file without --force, the
# date SOURCE_DATE_EPOCH gives, and --with-evidence (the evidence merged into
# the PDF after the report)
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-report.py PATH/TO/greenassess-cli FIXTURES_DIR

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

CLI = os.path.abspath(sys.argv[1])
FIX = sys.argv[2]
CODE = "91350100M000100Y43"
TMP = tempfile.mkdtemp(prefix="ga-cli-report-")

results = []


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    env.setdefault("LANGUAGE", "en")
    env.pop("SOURCE_DATE_EPOCH", None)
    if env_extra:
        env.update(env_extra)
    proc = subprocess.run([CLI] + list(args), capture_output=True, env=env, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def case(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def check(cond, what, out="", err=""):
    if not cond:
        raise AssertionError("%s\n--- stdout ---\n%s--- stderr ---\n%s" % (what, out, err))


def expect(args, code, out_has=(), err_has=(), env_extra=None):
    rc, out, err = run(*args, env_extra=env_extra)
    check(rc == code, "exit status %d, expected %d for %r" % (rc, code, args), out, err)
    for s in out_has:
        check(s in out, "stdout lacks %r" % s, out, err)
    for s in err_has:
        check(s in err, "stderr lacks %r" % s, out, err)
    return out, err


def make_db():
    db = os.path.join(TMP, "plant.db")
    if os.path.exists(db):
        return db
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "报告测试工厂", "--code", CODE], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", CODE,
            "--template", "gbt36132-2025", "--year", "2025"], 0)
    evidence = os.path.join(TMP, "licence_scan.txt")
    with open(evidence, "w") as f:
        f.write("licence\n")
    expect(["evidence", "add", "--db", db, "1", "BR1", evidence], 0)
    return db


def pdf_text(path):
    if shutil.which("pdftotext") is None:
        return None
    proc = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                          check=True)
    return "".join(proc.stdout.decode("utf-8").split())


@case("report writes a PDF and a DOCX")
def _():
    db = make_db()
    pdf = os.path.join(TMP, "report.pdf")
    docx = os.path.join(TMP, "report.docx")
    expect(["report", "1", "--db", db, "--out", pdf, "--lang", "zh_CN"], 0, out_has=(pdf,))
    with open(pdf, "rb") as f:
        check(f.read(5) == b"%PDF-", "not a PDF")
    expect(["report", "1", "--db", db, "--out", docx, "--lang", "en"], 0, out_has=(docx,))
    with zipfile.ZipFile(docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
    check("报告测试工厂" in body, "the DOCX lacks the enterprise name")
    check("Declaration of truthfulness" in body, "the English DOCX lacks the declaration")
    check("licence_scan.txt" in body, "the DOCX lacks the evidence file")
    text = pdf_text(pdf)
    if text is not None:
        for s in ("报告测试工厂", CODE, "材料真实性承诺", "附件：佐证材料清单", "licence_scan.txt"):
            check(s in text, "the PDF lacks %r" % s)


@case("--lang zh_CN under the plain C locale writes every sentence in Chinese")
def _():
    # Under LC_ALL=C gettext ignores LANGUAGE; the report must still quote
    # the engine's explanation in Chinese, not "Total 0 of 100" in English.
    db = make_db()
    docx = os.path.join(TMP, "c-locale.docx")
    expect(["report", "1", "--db", db, "--out", docx, "--lang", "zh_CN"], 0,
           env_extra={"LC_ALL": "C", "LANG": "C", "LANGUAGE": ""})
    with zipfile.ZipFile(docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
    check("计分说明：" in body, "the Chinese report lacks the engine's explanation")
    check("Total " not in body and "Incomplete" not in body,
          "the Chinese report quotes the engine in English")


@case("an existing file is left unless --force")
def _():
    db = make_db()
    pdf = os.path.join(TMP, "kept.pdf")
    with open(pdf, "w") as f:
        f.write("mine")
    expect(["report", "1", "--db", db, "--out", pdf], 1, err_has=("--force",))
    with open(pdf) as f:
        check(f.read() == "mine", "the file was changed")
    expect(["report", "1", "--db", db, "--out", pdf, "--force"], 0)
    with open(pdf, "rb") as f:
        check(f.read(5) == b"%PDF-", "--force did not replace the file")


@case("SOURCE_DATE_EPOCH dates the report")
def _():
    db = make_db()
    pdf = os.path.join(TMP, "dated.pdf")
    expect(["report", "1", "--db", db, "--out", pdf, "--lang", "zh_CN"], 0,
           env_extra={"SOURCE_DATE_EPOCH": "1700000000"})
    text = pdf_text(pdf)
    if text is not None:
        check("2023年11月14日" in text, "the date is not the one SOURCE_DATE_EPOCH gives")


@case("bad input and wrong usage")
def _():
    db = make_db()
    out = os.path.join(TMP, "bad.docx")
    expect(["report", "1", "--db", db, "--out", os.path.join(TMP, "r.txt")], 1,
           err_has=(".docx or .pdf",))
    expect(["report", "99", "--db", db, "--out", out], 1)
    expect(["report", "1", "--db", os.path.join(TMP, "missing.db"), "--out", out], 1)
    expect(["report", "1", "--db", db], 2, err_has=("--out",))
    expect(["report", "--db", db, "--out", out], 2)
    expect(["report", "1", "--db", db, "--out", out, "--lang", "fr"], 2, err_has=("'fr'",))
    expect(["report", "1", "--db", db, "--out", out, "--bogus"], 2)
    check(not os.path.exists(out), "a failed run left a file")
    expect(["report", "--help"], 0, out_has=("--out",))


def png_bytes(width, height, rgb):
    """A PNG of one colour, written by hand (no imaging library needed)."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def pdf_pages(path):
    proc = subprocess.run(["pdfinfo", path], capture_output=True, check=True)
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gives no page count for %s" % path)


def page_text(path, page):
    proc = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8",
                           path, "-"], capture_output=True, check=True)
    return "".join(proc.stdout.decode("utf-8").split())


@case("--with-evidence merges the PDFs and images after the report")
def _():
    db = os.path.join(TMP, "merge.db")
    expect(["db", "init", "--db", db], 0)
    expect(["enterprise", "add", "--db", db, "--name", "合并测试工厂", "--code", CODE], 0)
    expect(["assessment", "new", "--db", db, "--enterprise", CODE,
            "--template", "gbt36132-2025", "--year", "2025"], 0)
    # A PDF of several pages: a report the tool writes.
    scan = os.path.join(TMP, "scan.pdf")
    expect(["report", "1", "--db", db, "--out", scan, "--lang", "en"], 0)
    photo = os.path.join(TMP, "photo.png")
    with open(photo, "wb") as f:
        f.write(png_bytes(300, 200, (255, 0, 0)))
    notes = os.path.join(TMP, "notes.txt")
    with open(notes, "w") as f:
        f.write("not a PDF\n")
    broken = os.path.join(TMP, "broken.pdf")
    with open(broken, "wb") as f:
        f.write(b"%PDF-1.4\nthis is not a PDF body\n")
    for path in (scan, photo, notes, broken):
        expect(["evidence", "add", "--db", db, "1", "BR1", path], 0)

    alone = os.path.join(TMP, "alone.pdf")
    merged = os.path.join(TMP, "merged.pdf")
    expect(["report", "1", "--db", db, "--out", alone, "--lang", "en"], 0)
    out, err = expect(["report", "1", "--db", db, "--out", merged, "--lang", "en",
                       "--with-evidence"], 0, out_has=(merged,),
                      err_has=("notes.txt", "broken.pdf", "damaged", "2 of 4 evidence files"))
    check("scan.pdf" not in err and "photo.png" not in err,
          "a merged file is reported as not merged", out, err)
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        return
    scan_pages = pdf_pages(scan)
    report_pages = pdf_pages(alone)
    total = pdf_pages(merged)
    # The report, the separator page, the scan's pages, the photo.
    check(total == report_pages + 1 + scan_pages + 1,
          "%d pages, expected %d + 1 + %d + 1" % (total, report_pages, scan_pages))
    check("%d pages" % total in err, "stderr lacks the page count", out, err)
    separator = page_text(merged, report_pages + 1)
    for s in ("Annex:evidence", "Filesnotmerged", "notes.txt", "broken.pdf", "scan.pdf"):
        check(s in separator, "the separator page lacks %r" % s)
    first = page_text(merged, report_pages + 2)
    check("Annex1·page1/%d" % scan_pages in first, "the first scan page lacks its stamp")
    check("Page%dof%d" % (report_pages + 2, total) in first, "the page number is not continuous")
    last = page_text(merged, total)
    check("Annex2·page1/1" in last, "the photo's page lacks its stamp")

    # In Chinese, the stamps too.
    merged_zh = os.path.join(TMP, "merged-zh.pdf")
    expect(["report", "1", "--db", db, "--out", merged_zh, "--lang", "zh_CN",
            "--with-evidence"], 0, err_has=("未合并",))
    check("附件2·第1/1页" in page_text(merged_zh, pdf_pages(merged_zh)),
          "the Chinese stamp is missing")


@case("--with-evidence refuses a Word file")
def _():
    db = make_db()
    docx = os.path.join(TMP, "with-evidence.docx")
    expect(["report", "1", "--db", db, "--out", docx, "--with-evidence"], 2,
           err_has=("--with-evidence", "FILE.pdf"))
    check(not os.path.exists(docx), "a refused run left a file")


@case("a folder that does not exist leaves nothing behind")
def _():
    db = make_db()
    out = os.path.join(TMP, "no-such-folder", "r.pdf")
    expect(["report", "1", "--db", db, "--out", out], 1)
    check(not os.path.exists(os.path.dirname(out)), "the folder was created")


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
    shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(1 if failed else 0)


main()
