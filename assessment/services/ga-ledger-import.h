/* ga-ledger-import.h: energy and water ledgers (205-1-style tables,
 * 用水台账, monthly meter exports) read from a sheet into the rows of an
 * energy table or a water-balance table
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import finds the heading row, guesses what each column holds
 * (carrier, unit, quantity, a month of a meter export, a meter point),
 * reads each row below it and either takes it (a carrier of the table, a
 * unit the carrier can be given in, a positive number) or says why not:
 * blank, a subtotal, a breakdown (其中), an unknown carrier or unit, no
 * number. The user's mapping overrides the guess. Rows of the same carrier
 * and unit are added up into one row of the energy table, the way the
 * table is meant to be filled (one row per carrier).
 *
 * A water-balance table (a choice column of the kinds of water — intake
 * by source, uses, reuse, leakage, discharge — over a volume column in
 * m³, without a units column) is filled the same way: the "carrier" is
 * the row's kind, matched from the kind column's text or, failing that,
 * from the meter or name column's ("1#深井"); the volume is converted
 * into the table's unit (吨 read as m³, 万m³ and 万吨 as 10⁴ m³); rows of
 * the same kind are added up, their names joined into the row's name.
 *
 * Nothing is saved until ga_ledger_import_apply(): it sets the table's
 * answer through the session, as typing does, in one step that undo takes
 * back.
 */
#pragma once

#include "ga-session.h"
#include "ga-sheet-read.h"

G_BEGIN_DECLS

typedef enum {
  GA_LEDGER_FIELD_IGNORE,
  GA_LEDGER_FIELD_CARRIER,
  GA_LEDGER_FIELD_UNIT,
  GA_LEDGER_FIELD_QTY,      /* the quantity consumed in the period */
  GA_LEDGER_FIELD_MONTH,    /* one month of a meter export: the months are added up */
  GA_LEDGER_FIELD_METER,    /* the meter point: shown in the preview, not imported */
  GA_LEDGER_N_FIELDS
} GaLedgerField;

typedef enum {
  GA_LEDGER_SKIP_BLANK,
  GA_LEDGER_SKIP_SUBTOTAL,       /* 合计, 小计, total */
  GA_LEDGER_SKIP_BREAKDOWN,      /* 其中: part of the row above, counted there */
  GA_LEDGER_SKIP_UNKNOWN_CARRIER,
  GA_LEDGER_SKIP_NO_UNIT,
  GA_LEDGER_SKIP_UNKNOWN_UNIT,
  GA_LEDGER_SKIP_UNIT_MISMATCH,  /* a unit the carrier cannot be given in (电力 in t) */
  GA_LEDGER_SKIP_NO_NUMBER,      /* the quantity is blank */
  GA_LEDGER_SKIP_NOT_NUMBER,     /* the quantity is text, an error or a date */
  GA_LEDGER_SKIP_ZERO,
  GA_LEDGER_SKIP_NEGATIVE,
  GA_LEDGER_SKIP_UNKNOWN_KIND,   /* water: not a kind of the water-balance table */
  GA_LEDGER_SKIP_NOT_VOLUME,     /* water: a unit that is not a volume (kWh, kg) */
} GaLedgerSkipReason;

/* One source row taken. */
typedef struct {
  guint  source_row;     /* from 0 */
  char  *carrier;        /* key in the carriers' table ("raw_coal") */
  char  *unit;           /* key in the units table ("t") */
  double qty;
  char  *meter;          /* the meter point's text, or NULL */
  double table_qty;      /* @qty in the table's unit: water converted to m³;
                          * for an energy table @qty itself */
} GaLedgerRow;

/* One source row not taken. */
typedef struct {
  guint              source_row;
  GaLedgerSkipReason reason;
  char              *message;   /* translated: what and how to fix it */
} GaLedgerSkip;

/* One row of the energy table as the import fills it: the taken rows of a
 * carrier and unit added up. */
typedef struct {
  char  *carrier;
  char  *unit;
  double qty;
  guint  n_sources;
  char  *name;           /* water: the source rows' names joined ("1#深井、2#深井"),
                          * or NULL */
} GaLedgerTotal;

typedef struct _GaLedgerImport GaLedgerImport;

/* The energy table of @tmpl: the first table item with a units column
 * over a carrier column; when there is none, the first water-balance
 * table. NULL when the template has neither. */
const GaItem   *ga_ledger_import_find_target   (GaTemplate     *tmpl);
/* Whether a ledger can be imported into @item: an energy table or a
 * water-balance table. */
gboolean        ga_ledger_import_can_import    (GaTemplate     *tmpl,
                                                const GaItem   *item);
/* Every table of @tmpl a ledger can be imported into, in the template's
 * order (GaItem*, borrowed). */
GPtrArray      *ga_ledger_import_list_targets  (GaTemplate     *tmpl);
/* Whether @item is a water-balance table (see above). */
gboolean        ga_ledger_import_is_water_table (GaTemplate    *tmpl,
                                                 const GaItem  *item);

/* Reads @sheet (borrowed: it must outlive the import) for the table
 * @item of @tmpl and guesses the heading row and the columns. */
GaLedgerImport *ga_ledger_import_new           (const GaSheet  *sheet,
                                                GaTemplate     *tmpl,
                                                const GaItem   *item);
void            ga_ledger_import_free          (GaLedgerImport *self);

const GaSheet  *ga_ledger_import_get_sheet     (GaLedgerImport *self);
const GaItem   *ga_ledger_import_get_item      (GaLedgerImport *self);
gboolean        ga_ledger_import_is_water      (GaLedgerImport *self);
/* The label of the carrier or kind @key as the table's drop-down shows it. */
const char     *ga_ledger_import_get_kind_label (GaLedgerImport *self,
                                                 const char     *key);
/* The field as the user reads it for this table: "Carrier" of an energy
 * table is "Kind of water" of a water-balance table. */
const char     *ga_ledger_import_get_field_label (GaLedgerImport *self,
                                                  GaLedgerField   field);
/* The unit of the table's quantity column ("m³"), NULL when it has none. */
const char     *ga_ledger_import_get_table_unit (GaLedgerImport *self);
/* The heading row (from 0), or -1 when none was found: then every
 * column is ignored until the user maps them. */
int             ga_ledger_import_get_header_row (GaLedgerImport *self);
/* Sets the heading row and guesses the columns again from it. */
void            ga_ledger_import_set_header_row (GaLedgerImport *self,
                                                 int             row);
/* The heading of @column as the guess read it (the heading rows'
 * texts joined), "" when none. */
const char     *ga_ledger_import_get_heading   (GaLedgerImport *self,
                                                guint           column);
GaLedgerField   ga_ledger_import_get_field     (GaLedgerImport *self,
                                                guint           column);
/* The user's choice for @column; it stays when the rest is guessed again. */
void            ga_ledger_import_set_field     (GaLedgerImport *self,
                                                guint           column,
                                                GaLedgerField   field);
/* The unit a column's heading names ("消费量（万千瓦时）"), a key of the
 * units table, or NULL. */
const char     *ga_ledger_import_get_column_unit (GaLedgerImport *self,
                                                  guint           column);
/* Finds the column that @spec names: a letter ("B"), a number from 1, or
 * its heading (compared without spaces and case). -1 when none. */
int             ga_ledger_import_find_column   (GaLedgerImport *self,
                                                const char     *spec);

/* The rows read with the current mapping (recomputed after each change). */
GPtrArray      *ga_ledger_import_get_rows      (GaLedgerImport *self);   /* GaLedgerRow* */
GPtrArray      *ga_ledger_import_get_skipped   (GaLedgerImport *self);   /* GaLedgerSkip* */
GPtrArray      *ga_ledger_import_get_totals    (GaLedgerImport *self);   /* GaLedgerTotal* */

/* The answer the table gets: the totals as rows {"carrier", "qty", "unit"}
 * after the current answer's rows (@replace FALSE) or instead of them.
 * Checked as an answers file is; NULL with @error when nothing was taken. */
GaAnswer       *ga_ledger_import_build_answer  (GaLedgerImport *self,
                                                const GaAnswer *current,
                                                gboolean        replace,
                                                GError        **error);
/* What the table would hold after the import, computed by an engine of
 * its own over a copy of @session's answers (nothing is saved): the tce of
 * each total in @row_tce (NaN where it cannot be computed; may be NULL)
 * and the table's tce after the import, the sum of its first column in
 * tce. NaN when the table has no such column or a row cannot be
 * computed. */
double          ga_ledger_import_preview_tce   (GaLedgerImport *self,
                                                GaSession      *session,
                                                gboolean        replace,
                                                GArray        **row_tce);
/* What a water-balance table would hold after the import, computed as
 * ga_ledger_import_preview_tce() does: the sum of each computed column
 * (V_i, V_r …) in the table's order, NaN where one cannot be computed. An
 * empty array when nothing can be imported. */
GArray         *ga_ledger_import_preview_sums  (GaLedgerImport *self,
                                                GaSession      *session,
                                                gboolean        replace);
/* Saves that answer through @session (one step of history and undo). */
gboolean        ga_ledger_import_apply         (GaLedgerImport *self,
                                                GaSession      *session,
                                                gboolean        replace,
                                                GError        **error);

/* "carrier", "unit", "qty", "month", "meter", "ignore" and back ("kind"
 * is read as "carrier"). */
const char     *ga_ledger_field_to_string      (GaLedgerField   field);
gboolean        ga_ledger_field_from_string    (const char     *text,
                                                GaLedgerField  *field);
/* The field as the user reads it (translated). */
const char     *ga_ledger_field_get_label      (GaLedgerField   field);
const char     *ga_ledger_skip_reason_to_string (GaLedgerSkipReason reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaLedgerImport, ga_ledger_import_free)

G_END_DECLS
