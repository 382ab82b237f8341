/* ga-sheet-private.h: what the XLSX and CSV readers share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-sheet-read.h"

G_BEGIN_DECLS

typedef struct {
  char  *text;          /* NULL for a blank cell */
  double number;
  guint8 kind;          /* GaSheetCellKind */
  guint8 flags;         /* GaSheetCellFlags */
} GaSheetCell;

struct _GaSheet {
  char         *name;
  GaSheetFormat format;
  const char   *encoding;
  char          separator;
  GPtrArray    *rows;   /* of GArray of GaSheetCell, NULL for an empty row */
  guint         n_columns;
  gsize         n_cells;
};

GaSheet *ga_sheet_new          (const char *name,
                                GaSheetFormat format);
/* Takes @text. FALSE with GA_SHEET_ERROR_TOO_LARGE past the limits. */
gboolean ga_sheet_set_cell     (GaSheet     *sheet,
                                guint        row,
                                guint        column,
                                GaSheetCellKind kind,
                                char        *text,
                                double       number,
                                guint        flags,
                                GError     **error);
const GaSheetCell *ga_sheet_cell (const GaSheet *sheet,
                                  guint          row,
                                  guint          column);
/* Copies the first cell of rows @r0..@r1, columns @c0..@c1 into its other
 * cells with GA_SHEET_CELL_MERGED, within the sheet's extent. */
void     ga_sheet_fill_merged  (GaSheet *sheet,
                                guint    r0,
                                guint    c0,
                                guint    r1,
                                guint    c1);
char    *ga_sheet_format_number (double value);

GaSheet *ga_sheet_read_xlsx    (const char  *path,
                                const char  *sheet_name,
                                GError     **error);
char   **ga_sheet_list_xlsx    (const char  *path,
                                GError     **error);
/* Tells what kind of file @path is from its first bytes: 'x' a zip
 * package, 'o' an OLE2 compound file, 't' text, 'b' other binary. */
char     ga_sheet_sniff        (const char  *path,
                                GError     **error);
/* An OLE2 file is either an .xls or an XLSX with a password: the latter
 * holds an "EncryptionInfo" stream. */
gboolean ga_sheet_ole_is_encrypted (const char *path);

G_END_DECLS
