/* ga-ledger-private.h: how a ledger's words are recognised
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-ledger-import.h"

G_BEGIN_DECLS

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
