/* ga-ledger-private.h: how a ledger's words are recognised
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-ledger-import.h"

G_BEGIN_DECLS

struct _GaLedgerImport {
  const GaSheet  *sheet;
  GaTemplate     *tmpl;
  const GaItem   *item;
  const GaColumn *carrier_column;
  const GaColumn *unit_column;
  const GaColumn *qty_column;
  GaLookupTable  *carriers;
  GaLookupTable  *units;

  int             header_row;
  guint           data_row;     /* the first row read as data */
  guint           n_columns;
  GPtrArray      *headings;     /* char*, one per column: its heading rows' texts joined */
  GPtrArray      *heading_parts; /* GStrv, one per column: those texts */
  GArray         *fields;       /* GaLedgerField, one per column */
  GArray         *user_set;     /* gboolean: the user chose this column's field */

  gboolean        dirty;
  GPtrArray      *rows;
  GPtrArray      *skipped;
  GPtrArray      *totals;
};

/* The first column mapped to @field, or -1. */
int            ga_ledger_field_column     (GaLedgerImport *self,
                                           GaLedgerField   field);

/* @text as compared: case folded, without spaces, full-width forms as
 * ASCII, （）【】 as (), ³ ⁴ as 3 4, "：" as ":". */
char          *ga_ledger_normalize        (const char    *text);
/* The key of @units that @text names ("吨", "万千瓦时", "kWh", "10⁴ m³"),
 * or NULL. */
const char    *ga_ledger_match_unit       (GaLookupTable *units,
                                           const char    *text);
/* The unit a heading or a name gives in brackets at its end or as its
 * last word ("消费量（万千瓦时）", "原煤(t)"), or NULL. */
const char    *ga_ledger_unit_in_text     (GaLookupTable *units,
                                           const char    *text);
/* The key of @carriers that @text names, by key, name or label, with or
 * without a unit in brackets or a qualifier in the table's name, or by a
 * common name ("coal", "用电", "外购电力"); NULL when none. */
const char    *ga_ledger_match_carrier    (GaLookupTable *carriers,
                                           const char    *text);
/* What a heading (one heading cell, normalised) says its column holds,
 * with a priority among columns of the same field (higher wins); IGNORE
 * when it says nothing. */
GaLedgerField  ga_ledger_guess_field      (const char    *heading,
                                           int           *priority);
/* 合计, 小计, 总计, total …; 其中 … */
gboolean       ga_ledger_is_subtotal      (const char    *normalized);
gboolean       ga_ledger_is_breakdown     (const char    *normalized);

G_END_DECLS
