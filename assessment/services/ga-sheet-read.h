/* ga-sheet-read.h: one sheet of a workbook (XLSX) or a CSV file as rows of
 * text cells
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an import reads: the ledgers people keep in Excel or export from a
 * meter system. The reader does not interpret anything; it gives each cell
 * its text as the spreadsheet shows it at its simplest (a number in its
 * shortest form, TRUE/FALSE, a shared or inline string) and its kind, so
 * that the import decides what a column means.
 *
 * XLSX: the zip package is opened with libgsf and its parts are read with
 * libxml2's streaming reader: the workbook's sheet list and relations, the
 * shared strings (rich text joined, phonetic runs left out), the styles
 * (to flag a number formatted as a date: its value stays the serial
 * number), each cell's cached value (formulas are not recalculated), and
 * the merged ranges, whose other cells repeat the first cell's value with
 * GA_SHEET_CELL_MERGED set.
 *
 * CSV: UTF-8 with or without a byte order mark, UTF-16 with one (Excel's
 * "Unicode text"), otherwise GB18030 (which covers GBK, what a Chinese
 * Excel writes); the separator (comma, semicolon or tab) is guessed from
 * the first lines outside quotes; quoted fields may hold separators, line
 * breaks and doubled quotes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GA_SHEET_ERROR (ga_sheet_error_quark ())
GQuark ga_sheet_error_quark (void);

typedef enum {
  GA_SHEET_ERROR_NOT_SPREADSHEET,  /* neither XLSX nor text */
  GA_SHEET_ERROR_UNSUPPORTED,      /* .xls, .ods: another format to save as XLSX */
  GA_SHEET_ERROR_ENCRYPTED,        /* a workbook with a password */
  GA_SHEET_ERROR_DAMAGED,          /* an XLSX whose parts cannot be read */
  GA_SHEET_ERROR_SHEET_NOT_FOUND,
  GA_SHEET_ERROR_TOO_LARGE,
  GA_SHEET_ERROR_ENCODING,         /* text in no encoding the reader knows */
} GaSheetError;

typedef enum {
  GA_SHEET_CELL_BLANK,
  GA_SHEET_CELL_TEXT,
  GA_SHEET_CELL_NUMBER,
  GA_SHEET_CELL_BOOLEAN,
  GA_SHEET_CELL_ERROR,             /* #DIV/0!, #N/A … as cached by the spreadsheet */
} GaSheetCellKind;

typedef enum {
  GA_SHEET_CELL_DATE   = 1 << 0,   /* a number formatted as a date or time (a serial number) */
  GA_SHEET_CELL_MERGED = 1 << 1,   /* not the first cell of a merged range: a copy of it */
} GaSheetCellFlags;

typedef enum {
  GA_SHEET_FORMAT_XLSX,
  GA_SHEET_FORMAT_CSV,
} GaSheetFormat;

/* Limits: beyond them the read fails with GA_SHEET_ERROR_TOO_LARGE. */
#define GA_SHEET_MAX_FILE_BYTES  (64 * 1024 * 1024)
#define GA_SHEET_MAX_PART_BYTES  (256 * 1024 * 1024)
#define GA_SHEET_MAX_CELLS       (4 * 1024 * 1024)
#define GA_SHEET_MAX_ROWS        1048576
#define GA_SHEET_MAX_COLUMNS     16384

typedef struct _GaSheet GaSheet;

/* Reads the sheet called @sheet_name (compared as written, then ignoring
 * case) or, when NULL, the first sheet of an XLSX; a CSV has one sheet,
 * named after the file, and @sheet_name must be NULL or that name. The
 * format is told by the content, not the file name. */
GaSheet        *ga_sheet_read_file      (const char  *path,
                                         const char  *sheet_name,
                                         GError     **error);
/* Reads CSV text in memory (the same detection as a file). */
GaSheet        *ga_sheet_read_csv_data  (const char  *data,
                                         gsize        len,
                                         const char  *name,
                                         GError     **error);
/* The names of the sheets in order (a CSV: one, its file name), a
 * NULL-terminated array to free with g_strfreev(). */
char          **ga_sheet_list_sheets    (const char  *path,
                                         GError     **error);
void            ga_sheet_free           (GaSheet     *sheet);

const char     *ga_sheet_get_name       (const GaSheet *sheet);
GaSheetFormat   ga_sheet_get_format     (const GaSheet *sheet);
/* The encoding a CSV was read in ("UTF-8", "UTF-16", "GB18030"); "UTF-8"
 * for an XLSX. */
const char     *ga_sheet_get_encoding   (const GaSheet *sheet);
/* The separator a CSV was split at (',', ';', '\t'); 0 for an XLSX. */
char            ga_sheet_get_separator  (const GaSheet *sheet);
/* Rows up to the last one with a cell; columns up to the last cell of any
 * row. Cells past a row's end are blank. */
guint           ga_sheet_get_n_rows     (const GaSheet *sheet);
guint           ga_sheet_get_n_columns  (const GaSheet *sheet);

/* A cell's text: "" for a blank cell or one outside the sheet, never NULL. */
const char     *ga_sheet_get_text       (const GaSheet *sheet,
                                         guint          row,
                                         guint          column);
GaSheetCellKind ga_sheet_get_kind       (const GaSheet *sheet,
                                         guint          row,
                                         guint          column);
GaSheetCellFlags ga_sheet_get_flags     (const GaSheet *sheet,
                                         guint          row,
                                         guint          column);
/* A number cell's value, or a text cell read by ga_sheet_parse_number();
 * FALSE for anything else. */
gboolean        ga_sheet_get_number     (const GaSheet *sheet,
                                         guint          row,
                                         guint          column,
                                         double        *value);
/* Reads a number as people write it in a ledger: surrounding spaces,
 * thousands separators ("1,234.5"), full-width digits and signs
 * ("１２３．５"), a leading "+"; not "12 t" or "" (FALSE). */
gboolean        ga_sheet_parse_number   (const char    *text,
                                         double        *value);
/* "A", "B" … "Z", "AA" … for a column index from 0. */
char           *ga_sheet_column_name    (guint          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaSheet, ga_sheet_free)

G_END_DECLS
