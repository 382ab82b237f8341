/* test-sheet-read.c: reading XLSX and CSV sheets as rows of text cells
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are in tests/fixtures/import (make-fixtures.py says how
 * each was made): a workbook written by hand with every kind of cell, a
 * 205-1-style ledger written by openpyxl and the same ledger saved again by
 * LibreOffice, a monthly meter export in GBK.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "ga-sheet-read.h"

static char *
fixture (const char *name)
{
  return g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "import", name, NULL);
}

static char *
temp_file (const char *name,
           const char *data,
           gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-sheet-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_xlsx_kinds (void)
{
  g_autofree char *path = fixture ("sheet-kinds.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) sheet = ga_sheet_read_file (path, NULL, &error);
  double v = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (ga_sheet_get_name (sheet), ==, "Kinds");
  g_assert_cmpint (ga_sheet_get_format (sheet), ==, GA_SHEET_FORMAT_XLSX);
  /* Rows up to B8 (the merged B7:C8); the whole-row merge of row 10 has a
   * blank first cell and adds nothing. Columns up to F4. */
  g_assert_cmpuint (ga_sheet_get_n_rows (sheet), ==, 8);
  g_assert_cmpuint (ga_sheet_get_n_columns (sheet), ==, 6);

  /* Shared strings: plain, rich text joined without the phonetic run and
   * with its preserved space, empty (blank), escaped markup. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 0, 0), ==, "能源名称");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 0, 1), ==, "电力 ");
  g_assert_cmpint (ga_sheet_get_kind (sheet, 0, 2), ==, GA_SHEET_CELL_BLANK);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 0, 3), ==, "a & <b>");

  g_assert_cmpstr (ga_sheet_get_text (sheet, 1, 0), ==, "内联");
  /* The stored binary value shows as a spreadsheet shows it. */
  g_assert_cmpint (ga_sheet_get_kind (sheet, 1, 1), ==, GA_SHEET_CELL_NUMBER);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 1, 1), ==, "1032.955");
  g_assert_true (ga_sheet_get_number (sheet, 1, 1, &v));
  g_assert_cmpfloat_with_epsilon (v, 1032.955, 1e-9);
  g_assert_cmpint (ga_sheet_get_kind (sheet, 1, 2), ==, GA_SHEET_CELL_BOOLEAN);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 1, 2), ==, "TRUE");
  g_assert_cmpint (ga_sheet_get_kind (sheet, 1, 3), ==, GA_SHEET_CELL_ERROR);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 1, 3), ==, "#DIV/0!");
  g_assert_false (ga_sheet_get_number (sheet, 1, 3, NULL));
  g_assert_cmpstr (ga_sheet_get_text (sheet, 1, 4), ==, "能源名称x");

  /* Row 3 is absent: blank. */
  g_assert_cmpint (ga_sheet_get_kind (sheet, 2, 0), ==, GA_SHEET_CELL_BLANK);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 2, 0), ==, "");

  /* Dates stay serial numbers, flagged: built-in format 14 and a custom
   * 年月日 format; a format whose "d" is quoted text is not a date. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 3, 0), ==, "46037");
  g_assert_true (ga_sheet_get_flags (sheet, 3, 0) & GA_SHEET_CELL_DATE);
  g_assert_true (ga_sheet_get_flags (sheet, 3, 1) & GA_SHEET_CELL_DATE);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 3, 2), ==, "12.5");
  g_assert_false (ga_sheet_get_flags (sheet, 3, 2) & GA_SHEET_CELL_DATE);
  /* A formula without a cached value is blank. */
  g_assert_cmpint (ga_sheet_get_kind (sheet, 3, 3), ==, GA_SHEET_CELL_BLANK);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 3, 5), ==, "FALSE");

  /* A row and cells without references follow the previous ones; a cell
   * with one jumps there. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 4, 0), ==, "1");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 4, 1), ==, "-0.0025");
  g_assert_cmpint (ga_sheet_get_kind (sheet, 4, 2), ==, GA_SHEET_CELL_BLANK);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 4, 4), ==, "3");

  /* B7:C8 merged: the other three cells repeat B7, flagged. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 6, 1), ==, "合并");
  g_assert_false (ga_sheet_get_flags (sheet, 6, 1) & GA_SHEET_CELL_MERGED);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 6, 2), ==, "合并");
  g_assert_true (ga_sheet_get_flags (sheet, 6, 2) & GA_SHEET_CELL_MERGED);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 7, 1), ==, "合并");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 7, 2), ==, "合并");
  g_assert_true (ga_sheet_get_flags (sheet, 7, 2) & GA_SHEET_CELL_MERGED);

  /* Outside the sheet: blank, never NULL. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 1000, 1000), ==, "");
}

static void
test_xlsx_sheets (void)
{
  g_autofree char *path = fixture ("sheet-kinds.xlsx");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = ga_sheet_list_sheets (path, &error);
  g_autoptr(GaSheet) second = NULL;
  g_autoptr(GaSheet) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Kinds");
  g_assert_cmpstr (names[1], ==, "月度 Meter");

  /* By name, case ignored; its part is named by an absolute target. */
  second = ga_sheet_read_file (path, "月度 meter", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ga_sheet_get_name (second), ==, "月度 Meter");
  g_assert_cmpstr (ga_sheet_get_text (second, 0, 0), ==, "second");

  missing = ga_sheet_read_file (path, "2025", &error);
  g_assert_null (missing);
  g_assert_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_SHEET_NOT_FOUND);
  /* The message lists the sheets there are. */
  g_assert_nonnull (strstr (error->message, "“Kinds”, “月度 Meter”"));
}

/* The ledger as openpyxl wrote it and as LibreOffice saved it again reads
 * the same, cell for cell. */
static void
test_xlsx_ledger (void)
{
  g_autofree char *path = fixture ("ledger-205-1.xlsx");
  g_autofree char *lo_path = fixture ("ledger-205-1-lo.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) sheet = ga_sheet_read_file (path, NULL, &error);
  g_autoptr(GaSheet) lo = NULL;
  g_auto(GStrv) names = NULL;
  double v = 0;

  g_assert_no_error (error);
  lo = ga_sheet_read_file (lo_path, NULL, &error);
  g_assert_no_error (error);
  names = ga_sheet_list_sheets (lo_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (names[0], ==, "205-1表");
  g_assert_cmpstr (names[1], ==, "说明");

  g_assert_cmpstr (ga_sheet_get_name (sheet), ==, "205-1表");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 0, 0), ==, "能源购进、消费与库存");
  /* The title spans A1:M1. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 0, 12), ==, "能源购进、消费与库存");
  g_assert_true (ga_sheet_get_flags (sheet, 0, 12) & GA_SHEET_CELL_MERGED);
  /* 消费量 spans G5:J5 above 合计 … 2.非工业生产消费. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 4, 9), ==, "消费量");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 5, 6), ==, "合计");
  /* 能源名称 spans A5:A6. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 5, 0), ==, "能源名称");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 11, 0), ==, "电力");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 11, 1), ==, "万千瓦时");
  g_assert_true (ga_sheet_get_number (sheet, 11, 6, &v));
  g_assert_cmpfloat (v, ==, 200);
  g_assert_true (ga_sheet_get_flags (sheet, 15, 10) & GA_SHEET_CELL_DATE);

  g_assert_cmpuint (ga_sheet_get_n_rows (lo), ==, ga_sheet_get_n_rows (sheet));
  for (guint r = 0; r < ga_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < 13; c++)
      {
        if (g_strcmp0 (ga_sheet_get_text (lo, r, c), ga_sheet_get_text (sheet, r, c)) != 0)
          g_test_message ("row %u column %u", r + 1, c + 1);
        g_assert_cmpstr (ga_sheet_get_text (lo, r, c), ==, ga_sheet_get_text (sheet, r, c));
        g_assert_cmpint (ga_sheet_get_flags (lo, r, c) & GA_SHEET_CELL_DATE, ==,
                         ga_sheet_get_flags (sheet, r, c) & GA_SHEET_CELL_DATE);
      }
}

static void
test_csv_gbk (void)
{
  g_autofree char *path = fixture ("meter-monthly-gbk.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) sheet = ga_sheet_read_file (path, NULL, &error);
  g_auto(GStrv) names = NULL;
  g_autoptr(GaSheet) wrong = NULL;
  double v = 0;

  g_assert_no_error (error);
  g_assert_cmpint (ga_sheet_get_format (sheet), ==, GA_SHEET_FORMAT_CSV);
  g_assert_cmpstr (ga_sheet_get_encoding (sheet), ==, "GB18030");
  g_assert_cmpint (ga_sheet_get_separator (sheet), ==, ',');
  g_assert_cmpstr (ga_sheet_get_name (sheet), ==, "meter-monthly-gbk");
  g_assert_cmpuint (ga_sheet_get_n_rows (sheet), ==, 8);
  g_assert_cmpuint (ga_sheet_get_n_columns (sheet), ==, 16);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 0, 0), ==, "计量点");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 0, 14), ==, "12月");
  g_assert_cmpstr (ga_sheet_get_text (sheet, 4, 1), ==, "柴油");
  /* "4,000" was quoted: one field, a number with a thousands separator. */
  g_assert_cmpstr (ga_sheet_get_text (sheet, 4, 3), ==, "4,000");
  g_assert_cmpint (ga_sheet_get_kind (sheet, 4, 3), ==, GA_SHEET_CELL_NUMBER);
  g_assert_true (ga_sheet_get_number (sheet, 4, 3, &v));
  g_assert_cmpfloat (v, ==, 4000);
  /* The empty line is an empty row. */
  g_assert_cmpint (ga_sheet_get_kind (sheet, 5, 0), ==, GA_SHEET_CELL_BLANK);
  g_assert_cmpstr (ga_sheet_get_text (sheet, 7, 0), ==, "制表：能源管理部 2026年1月");

  names = ga_sheet_list_sheets (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "meter-monthly-gbk");
  wrong = ga_sheet_read_file (path, "Sheet1", &error);
  g_assert_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_SHEET_NOT_FOUND);
  g_assert_null (wrong);
}

static GaSheet *
csv (const char *data,
     gsize       len)
{
  g_autoptr(GError) error = NULL;
  GaSheet *sheet = ga_sheet_read_csv_data (data, len, "t", &error);

  g_assert_no_error (error);
  return sheet;
}

static void
test_csv_variants (void)
{
  static const char bom_semicolon[] = "\xEF\xBB\xBF" "能源;单位;用量\n电力;万kWh;\"1,5\"\n";
  static const char tabs[] = "a,b\tc\td\r\n1\t2\t3\r\n";
  static const char quotes[] = "\"x, \"\"y\"\"\",\"two\nlines\"\r\n,,last";
  static const char cr_only[] = "a,b\r1,2\r";
  /* "能源,1" in UTF-16LE with its byte order mark. */
  static const char utf16[] = "\xFF\xFE\xFD\x80\x90\x6E,\x00" "1\x00\n\x00";
  g_autoptr(GaSheet) s1 = csv (bom_semicolon, sizeof bom_semicolon - 1);
  g_autoptr(GaSheet) s2 = csv (tabs, sizeof tabs - 1);
  g_autoptr(GaSheet) s3 = csv (quotes, sizeof quotes - 1);
  g_autoptr(GaSheet) s4 = csv (cr_only, sizeof cr_only - 1);
  g_autoptr(GaSheet) s5 = csv (utf16, sizeof utf16 - 1);

  g_assert_cmpstr (ga_sheet_get_encoding (s1), ==, "UTF-8");
  g_assert_cmpint (ga_sheet_get_separator (s1), ==, ';');
  /* The byte order mark is not part of the first cell. */
  g_assert_cmpstr (ga_sheet_get_text (s1, 0, 0), ==, "能源");
  g_assert_cmpstr (ga_sheet_get_text (s1, 1, 2), ==, "1,5");
  /* A decimal comma is not a thousands separator: text, not 15. */
  g_assert_cmpint (ga_sheet_get_kind (s1, 1, 2), ==, GA_SHEET_CELL_TEXT);

  g_assert_cmpint (ga_sheet_get_separator (s2), ==, '\t');
  g_assert_cmpstr (ga_sheet_get_text (s2, 0, 0), ==, "a,b");
  g_assert_cmpstr (ga_sheet_get_text (s2, 1, 2), ==, "3");

  g_assert_cmpstr (ga_sheet_get_text (s3, 0, 0), ==, "x, \"y\"");
  g_assert_cmpstr (ga_sheet_get_text (s3, 0, 1), ==, "two\nlines");
  g_assert_cmpuint (ga_sheet_get_n_rows (s3), ==, 2);
  g_assert_cmpstr (ga_sheet_get_text (s3, 1, 2), ==, "last");

  g_assert_cmpuint (ga_sheet_get_n_rows (s4), ==, 2);
  g_assert_cmpstr (ga_sheet_get_text (s4, 1, 1), ==, "2");

  g_assert_cmpstr (ga_sheet_get_encoding (s5), ==, "UTF-16");
  g_assert_cmpstr (ga_sheet_get_text (s5, 0, 0), ==, "能源");
  g_assert_cmpstr (ga_sheet_get_text (s5, 0, 1), ==, "1");
}

static void
test_parse_number (void)
{
  static const struct { const char *text; gboolean ok; double value; } cases[] = {
    { "1032.955", TRUE, 1032.955 },
    { " 1,234,567.5 ", TRUE, 1234567.5 },
    { "+12", TRUE, 12 },
    { "-0.5", TRUE, -0.5 },
    { "1e3", TRUE, 1000 },
    { "１２３．５", TRUE, 123.5 },
    { "　42　", TRUE, 42 },
    { "1,23", FALSE, 0 },
    { "12,3456", FALSE, 0 },
    { ",123", FALSE, 0 },
    { "12 t", FALSE, 0 },
    { "0x10", FALSE, 0 },
    { "inf", FALSE, 0 },
    { "nan", FALSE, 0 },
    { "", FALSE, 0 },
    { "—", FALSE, 0 },
    { "1.2.3", FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = -1;

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ga_sheet_parse_number (cases[i].text, &v), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpfloat_with_epsilon (v, cases[i].value, 1e-9);
    }
}

static void
test_column_name (void)
{
  g_autofree char *a = ga_sheet_column_name (0);
  g_autofree char *z = ga_sheet_column_name (25);
  g_autofree char *aa = ga_sheet_column_name (26);
  g_autofree char *xfd = ga_sheet_column_name (16383);

  g_assert_cmpstr (a, ==, "A");
  g_assert_cmpstr (z, ==, "Z");
  g_assert_cmpstr (aa, ==, "AA");
  g_assert_cmpstr (xfd, ==, "XFD");
}

/* An OLE2 compound file with one stream called @stream. */
static char *
write_ole (const char *stream)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-sheet-XXXXXX", &error);
  char *path = g_build_filename (dir, "book.xlsx", NULL);
  GsfOutput *out = gsf_output_stdio_new (path, &error);
  GsfOutfile *ole;
  GsfOutput *child;

  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (out);
  child = gsf_outfile_new_child (ole, stream, FALSE);
  gsf_output_write (child, 4, (const guint8 *) "\x04\x00\x04\x00");
  gsf_output_close (child);
  g_object_unref (child);
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (ole);
  g_object_unref (out);
  return path;
}

/* A zip package whose only part is @part. */
static char *
write_zip (const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-sheet-XXXXXX", &error);
  char *path = g_build_filename (dir, "book.xlsx", NULL);
  GsfOutput *out = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;
  GsfOutput *child;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (out, &error);
  g_assert_no_error (error);
  child = gsf_outfile_new_child (zip, part, FALSE);
  gsf_output_write (child, 3, (const guint8 *) "abc");
  gsf_output_close (child);
  g_object_unref (child);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  g_object_unref (out);
  return path;
}

static void
expect_error (const char *path,
              GaSheetError code,
              const char  *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) sheet = ga_sheet_read_file (path, NULL, &error);
  g_auto(GStrv) names = NULL;

  g_assert_null (sheet);
  g_assert_error (error, GA_SHEET_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, in_message));
  g_clear_error (&error);
  names = ga_sheet_list_sheets (path, &error);
  g_assert_null (names);
  g_assert_error (error, GA_SHEET_ERROR, (int) code);
}

static void
test_errors (void)
{
  g_autofree char *encrypted = write_ole ("EncryptionInfo");
  g_autofree char *xls = write_ole ("Workbook");
  g_autofree char *ods = write_zip ("mimetype");
  g_autofree char *zip = write_zip ("word/document.xml");
  g_autofree char *binary = temp_file ("x.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *bad_text = temp_file ("x.csv", "\x80\x80\xff,1\n", 6);
  g_autofree char *ledger = fixture ("ledger-205-1.xlsx");
  g_autofree char *data = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *wide = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) none = NULL;
  g_autoptr(GaSheet) sheet = NULL;
  gsize len = 0;

  expect_error (encrypted, GA_SHEET_ERROR_ENCRYPTED, "password");
  expect_error (xls, GA_SHEET_ERROR_UNSUPPORTED, ".xls");
  expect_error (ods, GA_SHEET_ERROR_UNSUPPORTED, "OpenDocument");
  expect_error (zip, GA_SHEET_ERROR_NOT_SPREADSHEET, "not an Excel workbook");
  expect_error (binary, GA_SHEET_ERROR_NOT_SPREADSHEET, "x.png");

  sheet = ga_sheet_read_file (bad_text, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_ENCODING);
  g_clear_error (&error);

  /* A workbook cut short: the zip directory at its end is gone. */
  g_file_get_contents (ledger, &data, &len, &error);
  g_assert_no_error (error);
  truncated = temp_file ("cut.xlsx", data, len / 2);
  sheet = ga_sheet_read_file (truncated, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_DAMAGED);
  g_clear_error (&error);

  /* One column past the last an XLSX can have. */
  {
    g_autoptr(GString) line = g_string_new (NULL);

    for (guint i = 0; i <= GA_SHEET_MAX_COLUMNS; i++)
      g_string_append (line, "1,");
    g_string_append (line, "1\n");
    wide = temp_file ("wide.csv", line->str, line->len);
  }
  none = ga_sheet_read_file (wide, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_TOO_LARGE);
  g_clear_error (&error);

  none = ga_sheet_read_file ("/nonexistent/ledger.xlsx", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  for (const char *const *p = (const char *const[]) { encrypted, xls, ods, zip, binary,
                                                      bad_text, truncated, wide, NULL };
       *p; p++)
    remove_temp (*p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/sheet-read/xlsx-kinds", test_xlsx_kinds);
  g_test_add_func ("/ga/sheet-read/xlsx-sheets", test_xlsx_sheets);
  g_test_add_func ("/ga/sheet-read/xlsx-ledger", test_xlsx_ledger);
  g_test_add_func ("/ga/sheet-read/csv-gbk", test_csv_gbk);
  g_test_add_func ("/ga/sheet-read/csv-variants", test_csv_variants);
  g_test_add_func ("/ga/sheet-read/parse-number", test_parse_number);
  g_test_add_func ("/ga/sheet-read/column-name", test_column_name);
  g_test_add_func ("/ga/sheet-read/errors", test_errors);
  return g_test_run ();
}
