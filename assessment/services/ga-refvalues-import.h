/* ga-refvalues-import.h: a reference table read from a CSV or XLSX sheet
 * or from its JSON file
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet a consultant keeps (docs/reference-values.md): optional lines
 * "名称 / name", "版本 / version", "编号 / id", "来源 / source" above a
 * header row that names the columns (指标 / indicator, 基准值 / baseline,
 * 引领值 / leading …), then one reference value per row. A row that cannot
 * be read is left out and reported by its row number; the others are
 * taken.
 */
#pragma once

#include "ga-refvalues.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;         /* NULL: the file's, else its base name */
  const char *name;       /* NULL: the file's, else its base name */
  const char *version;    /* NULL: the file's, else "1" */
  const char *source;     /* NULL: the file's */
  const char *programme;  /* rows without a programme column: this template id */
  const char *sheet;      /* XLSX: the sheet to read; NULL the first */
} GaRefImportOptions;

/* Reads @path (format told by its content: JSON, XLSX or CSV). Rows that
 * were left out are described in @skipped ("row 7: …", translated) when
 * it is not NULL. NULL with @error when nothing usable was found. */
GaRefTable *ga_ref_table_import_file (const char                *path,
                                      const GaRefImportOptions  *options,
                                      GPtrArray                 *skipped,
                                      GError                   **error);

G_END_DECLS
