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
  /* A water-balance table (ga_ledger_import_is_water()): the carrier
   * column is the choice of the row's kind, its options the kinds; the
   * quantity column has a volume unit and no units column beside it; the
   * name column (a text column, or NULL) gets the source rows' names. */
  gboolean        water;
  const GaColumn *name_column;
  double          qty_factor;   /* m³ in one unit of the quantity column */
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
/* The same for the columns of a water ledger: its own words first
 * (水源, 用水量, 水表名称 …), then those above. */
GaLedgerField  ga_ledger_guess_water_field (const char *heading,
                                            int        *priority);

/* The volume unit @text names ("吨", "万m³", "立方米", "L"): its key
 * ("t", "万m³", "m³" …) and in @factor how many m³ one of it is (a tonne
 * of water read as 1 m³); NULL when @text names no volume. */
const char    *ga_ledger_match_volume     (const char    *text,
                                           double        *factor);
/* The volume unit a heading or a name gives in brackets at its end or
 * after a "/" ("用水量（万吨）"), or NULL. */
const char    *ga_ledger_volume_in_text   (const char    *text,
                                           double        *factor);
/* Whether @text names a unit that is not a volume (kWh, kg, 元 …): a row
 * of a water ledger given in it is not water. */
gboolean       ga_ledger_is_other_unit    (const char    *text);
/* The option of the kind column @column (a water-balance table) that
 * @text names: the option's id or label, the label's part after "取水:"
 * or "Intake:", or a common name of the kind (自来水, 深井, 中水,
 * 循环水, 排水 …, the longest contained in @text); NULL when none. */
const char    *ga_ledger_match_water_kind (const GaColumn *column,
                                           const char     *text);

/* Whether the options of the choice column @column are kinds of water
 * (at least two labels hold a common name of their kind). */
gboolean       ga_ledger_is_water_kind_column (const GaColumn *column);

/* 合计, 小计, 总计, total …; 其中 … */
gboolean       ga_ledger_is_subtotal      (const char    *normalized);
gboolean       ga_ledger_is_breakdown     (const char    *normalized);

G_END_DECLS
