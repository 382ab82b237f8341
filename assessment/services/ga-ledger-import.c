/* ga-ledger-import.c: a ledger sheet read into the rows of an energy
 * table or a water-balance table
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ga-ledger-private.h"

/* Rows searched for the heading, and heading rows at most. */
#define HEADER_SEARCH_ROWS 40
#define MAX_HEADING_ROWS   4


static void
ledger_row_free (gpointer data)
{
  GaLedgerRow *row = data;

  g_free (row->carrier);
  g_free (row->unit);
  g_free (row->meter);
  g_free (row);
}

static void
ledger_skip_free (gpointer data)
{
  GaLedgerSkip *skip = data;

  g_free (skip->message);
  g_free (skip);
}

static void
ledger_total_free (gpointer data)
{
  GaLedgerTotal *total = data;

  g_free (total->carrier);
  g_free (total->unit);
  g_free (total->name);
  g_free (total);
}

static gboolean
is_energy_table (const GaItem *item)
{
  const GaColumn *units = item->kind == GA_ITEM_TABLE ? ga_item_find_units_column (item) : NULL;

  return units != NULL && units->units_of_column >= 0;
}

/* A water-balance table's kind column: its first choice column, when its
 * options are kinds of water. */
static int
water_kind_column (const GaItem *item)
{
  if (item->kind != GA_ITEM_TABLE || ga_item_find_units_column (item) != NULL)
    return -1;
  for (guint i = 0; i < item->columns->len; i++)
    {
      const GaColumn *c = item->columns->pdata[i];

      if (c->kind == GA_ITEM_CHOICE)
        return c->options != NULL && ga_ledger_is_water_kind_column (c) ? (int) i : -1;
    }
  return -1;
}

static const GaColumn *find_qty_column (const GaItem *item, int after);

gboolean
ga_ledger_import_is_water_table (GaTemplate   *tmpl,
                                 const GaItem *item)
{
  int kind;
  const GaColumn *qty;

  g_return_val_if_fail (item != NULL, FALSE);

  kind = water_kind_column (item);
  qty = kind >= 0 ? find_qty_column (item, kind) : NULL;
  return qty != NULL && ga_ledger_match_volume (qty->unit, NULL) != NULL;
}

gboolean
ga_ledger_import_can_import (GaTemplate   *tmpl,
                             const GaItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return is_energy_table (item) || ga_ledger_import_is_water_table (tmpl, item);
}

GPtrArray *
ga_ledger_import_list_targets (GaTemplate *tmpl)
{
  GPtrArray *items, *targets = g_ptr_array_new ();

  g_return_val_if_fail (tmpl != NULL, targets);

  items = ga_template_get_items (tmpl);
  for (guint i = 0; i < items->len; i++)
    if (ga_ledger_import_can_import (tmpl, items->pdata[i]))
      g_ptr_array_add (targets, items->pdata[i]);
  return targets;
}

const GaItem *
ga_ledger_import_find_target (GaTemplate *tmpl)
{
  GPtrArray *items;

  g_return_val_if_fail (tmpl != NULL, NULL);

  items = ga_template_get_items (tmpl);
  for (guint i = 0; i < items->len; i++)
    if (is_energy_table (items->pdata[i]))
      return items->pdata[i];
  for (guint i = 0; i < items->len; i++)
    if (ga_ledger_import_is_water_table (tmpl, items->pdata[i]))
      return items->pdata[i];
  return NULL;
}

/* The first NUMBER column after the carrier column: the quantity. */
static const GaColumn *
find_qty_column (const GaItem *item,
                 int           after)
{
  for (guint i = after + 1; i < item->columns->len; i++)
    {
      const GaColumn *c = item->columns->pdata[i];

      if (c->kind == GA_ITEM_NUMBER)
        return c;
    }
  return NULL;
}

/* ---- the heading ---- */

/* The distinct fields the cells of @row name (months counted once);
 * a heading row names the carrier and one other thing. */
static guint
row_heading_score (GaLedgerImport *self,
                   guint           row)
{
  gboolean seen[GA_LEDGER_N_FIELDS] = { FALSE };
  guint score = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *norm = ga_ledger_normalize (ga_sheet_get_text (self->sheet, row, c));
      int prio;
      GaLedgerField f = self->water ? ga_ledger_guess_water_field (norm, &prio)
                                    : ga_ledger_guess_field (norm, &prio);

      if (ga_sheet_get_kind (self->sheet, row, c) != GA_SHEET_CELL_TEXT)
        continue;
      if (f != GA_LEDGER_FIELD_IGNORE && !seen[f])
        {
          seen[f] = TRUE;
          score++;
        }
    }
  return seen[GA_LEDGER_FIELD_CARRIER] && score >= 2 ? score : 0;
}

static int
guess_header_row (GaLedgerImport *self)
{
  guint n = MIN (ga_sheet_get_n_rows (self->sheet), HEADER_SEARCH_ROWS);
  guint best = 0;
  int row = -1;

  for (guint r = 0; r < n; r++)
    {
      guint score = row_heading_score (self, r);

      if (score > best)
        {
          best = score;
          row = (int) r;
        }
    }
  return row;
}

/* Guesses the fields from the headings: each field's best column (the
 * leftmost of the highest priority); months all; the quantity only when
 * there are no months (a meter export's 合计 column repeats their sum). */
static void
guess_fields_from_headings (GaLedgerImport *self)
{
  int best_prio[GA_LEDGER_N_FIELDS];
  int best_col[GA_LEDGER_N_FIELDS];
  int other_kind_col = -1;   /* water: a second column that names rows */
  gboolean months = FALSE;

  for (guint f = 0; f < GA_LEDGER_N_FIELDS; f++)
    {
      best_prio[f] = 0;
      best_col[f] = -1;
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      char **parts = self->heading_parts->pdata[c];
      GaLedgerField field = GA_LEDGER_FIELD_IGNORE;
      int prio = 0;

      /* The heading's rows each say something: the best of them counts,
       * and a 合计 below a quantity heading makes it the total column. */
      for (guint i = 0; parts[i]; i++)
        {
          g_autofree char *norm = ga_ledger_normalize (parts[i]);
          int p;
          GaLedgerField f = self->water ? ga_ledger_guess_water_field (norm, &p)
                                        : ga_ledger_guess_field (norm, &p);

          if (f == GA_LEDGER_FIELD_QTY && field == GA_LEDGER_FIELD_QTY && p == 1)
            prio++;
          else if (f != GA_LEDGER_FIELD_IGNORE && p > prio)
            {
              field = f;
              prio = p;
            }
        }
      if (field == GA_LEDGER_FIELD_MONTH)
        {
          months = TRUE;
          if (!g_array_index (self->user_set, gboolean, c))
            g_array_index (self->fields, GaLedgerField, c) = GA_LEDGER_FIELD_MONTH;
        }
      else if (field != GA_LEDGER_FIELD_IGNORE && prio > best_prio[field])
        {
          if (field == GA_LEDGER_FIELD_CARRIER && other_kind_col < 0)
            other_kind_col = best_col[field];
          best_prio[field] = prio;
          best_col[field] = (int) c;
        }
      else if (field == GA_LEDGER_FIELD_CARRIER && other_kind_col < 0)
        other_kind_col = (int) c;
    }
  /* A water ledger's 名称 beside its 水源类别: the rows' names, and their
   * kind when the kind column does not say it. */
  if (self->water && best_col[GA_LEDGER_FIELD_METER] < 0)
    best_col[GA_LEDGER_FIELD_METER] = other_kind_col;
  for (guint f = 0; f < GA_LEDGER_N_FIELDS; f++)
    {
      int c = best_col[f];

      if (c < 0 || g_array_index (self->user_set, gboolean, c)
          || (f == GA_LEDGER_FIELD_QTY && months))
        continue;
      g_array_index (self->fields, GaLedgerField, c) = f;
    }
}

/* The carrier or kind @text names, or NULL. */
static const char *
match_kind (GaLedgerImport *self,
            const char     *text)
{
  return self->water ? ga_ledger_match_water_kind (self->carrier_column, text)
                     : ga_ledger_match_carrier (self->carriers, text);
}

/* Whether @row is a data row: its carrier cell names a carrier, or is a
 * subtotal. */
static gboolean
is_data_row (GaLedgerImport *self,
             guint           row,
             int             carrier_col)
{
  const char *text;
  g_autofree char *norm = NULL;

  if (carrier_col < 0)
    return FALSE;
  text = ga_sheet_get_text (self->sheet, row, carrier_col);
  norm = ga_ledger_normalize (text);
  return match_kind (self, text) != NULL || ga_ledger_is_subtotal (norm);
}

int
ga_ledger_field_column (GaLedgerImport *self,
              GaLedgerField   field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (g_array_index (self->fields, GaLedgerField, c) == field)
      return (int) c;
  return -1;
}

static gboolean
is_column_label (const char *text)
{
  return g_utf8_strlen (text, -1) == 1 && strstr ("甲乙丙丁戊己庚辛", text) != NULL;
}

/* The headings of rows @from to @to (excluded): each column's texts, a
 * text repeated below (a merged heading) once. */
static void
set_headings (GaLedgerImport *self,
              guint           from,
              guint           to)
{
  g_ptr_array_set_size (self->headings, 0);
  g_ptr_array_set_size (self->heading_parts, 0);
  for (guint c = 0; c < self->n_columns; c++)
    {
      GPtrArray *parts = g_ptr_array_new ();
      const char *last = NULL;

      for (guint r = from; r < to; r++)
        {
          const char *t = ga_sheet_get_text (self->sheet, r, c);

          /* The 205-1 form numbers its columns 甲 乙 丙 1 2 …: not a heading. */
          if (ga_sheet_get_kind (self->sheet, r, c) != GA_SHEET_CELL_TEXT
              || g_strcmp0 (t, last) == 0 || is_column_label (t))
            continue;
          g_ptr_array_add (parts, g_strdup (t));
          last = t;
        }
      g_ptr_array_add (parts, NULL);
      g_ptr_array_add (self->heading_parts, g_ptr_array_free (parts, FALSE));
      g_ptr_array_add (self->headings,
                       g_strjoinv (" / ", self->heading_parts->pdata[c]));
    }
}

/* Reads the headings (from the heading row down to the first data row,
 * at most MAX_HEADING_ROWS rows) and guesses the columns' fields. */
static void
guess_columns (GaLedgerImport *self)
{
  guint n_rows = ga_sheet_get_n_rows (self->sheet);
  int carrier_col;

  for (guint c = 0; c < self->n_columns; c++)
    if (!g_array_index (self->user_set, gboolean, c))
      g_array_index (self->fields, GaLedgerField, c) = GA_LEDGER_FIELD_IGNORE;
  if (self->header_row < 0)
    {
      set_headings (self, 0, 0);
      self->data_row = 0;
      self->dirty = TRUE;
      return;
    }
  /* First from the heading row alone, to find the carrier column. */
  set_headings (self, self->header_row, self->header_row + 1);
  guess_fields_from_headings (self);
  carrier_col = ga_ledger_field_column (self, GA_LEDGER_FIELD_CARRIER);
  self->data_row = self->header_row + 1;
  while (self->data_row < n_rows && self->data_row < (guint) self->header_row + MAX_HEADING_ROWS
         && !is_data_row (self, self->data_row, carrier_col))
    self->data_row++;
  if (self->data_row >= n_rows || !is_data_row (self, self->data_row, carrier_col))
    self->data_row = self->header_row + 1;

  /* Then from every heading row, each text once. */
  set_headings (self, self->header_row, self->data_row);
  for (guint c = 0; c < self->n_columns; c++)
    if (!g_array_index (self->user_set, gboolean, c))
      g_array_index (self->fields, GaLedgerField, c) = GA_LEDGER_FIELD_IGNORE;
  guess_fields_from_headings (self);
  self->dirty = TRUE;
}

GaLedgerImport *
ga_ledger_import_new (const GaSheet *sheet,
                      GaTemplate    *tmpl,
                      const GaItem  *item)
{
  GaLedgerImport *self;

  g_return_val_if_fail (sheet != NULL && tmpl != NULL && item != NULL, NULL);
  g_return_val_if_fail (ga_ledger_import_can_import (tmpl, item), NULL);

  self = g_new0 (GaLedgerImport, 1);
  self->sheet = sheet;
  self->tmpl = ga_template_ref (tmpl);
  self->item = item;
  self->qty_factor = 1;
  if (is_energy_table (item))
    {
      self->unit_column = ga_item_find_units_column (item);
      self->carrier_column = item->columns->pdata[self->unit_column->units_of_column];
      self->qty_column = find_qty_column (item, self->unit_column->units_of_column);
      self->carriers = ga_template_find_table (tmpl, self->carrier_column->options_table);
      self->units = ga_template_find_table (tmpl, self->unit_column->options_table);
    }
  else
    {
      int kind = water_kind_column (item);

      self->water = TRUE;
      self->carrier_column = item->columns->pdata[kind];
      self->qty_column = find_qty_column (item, kind);
      if (self->qty_column != NULL)
        ga_ledger_match_volume (self->qty_column->unit, &self->qty_factor);
      for (guint i = 0; i < item->columns->len && self->name_column == NULL; i++)
        if (((GaColumn *) item->columns->pdata[i])->kind == GA_ITEM_TEXT)
          self->name_column = item->columns->pdata[i];
    }
  self->n_columns = ga_sheet_get_n_columns (sheet);
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->heading_parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->fields = g_array_new (FALSE, TRUE, sizeof (GaLedgerField));
  g_array_set_size (self->fields, self->n_columns);
  self->user_set = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (self->user_set, self->n_columns);
  self->header_row = guess_header_row (self);
  guess_columns (self);
  return self;
}

void
ga_ledger_import_free (GaLedgerImport *self)
{
  if (self == NULL)
    return;
  ga_template_unref (self->tmpl);
  g_ptr_array_unref (self->headings);
  g_ptr_array_unref (self->heading_parts);
  g_array_unref (self->fields);
  g_array_unref (self->user_set);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_ptr_array_unref);
  g_free (self);
}

const GaSheet *
ga_ledger_import_get_sheet (GaLedgerImport *self)
{
  return self->sheet;
}

const GaItem *
ga_ledger_import_get_item (GaLedgerImport *self)
{
  return self->item;
}

gboolean
ga_ledger_import_is_water (GaLedgerImport *self)
{
  return self->water;
}

const char *
ga_ledger_import_get_table_unit (GaLedgerImport *self)
{
  return self->qty_column != NULL ? self->qty_column->unit : NULL;
}

int
ga_ledger_import_get_header_row (GaLedgerImport *self)
{
  return self->header_row;
}

void
ga_ledger_import_set_header_row (GaLedgerImport *self,
                                 int             row)
{
  g_return_if_fail (row >= -1 && row < (int) ga_sheet_get_n_rows (self->sheet));
  self->header_row = row;
  guess_columns (self);
}

const char *
ga_ledger_import_get_heading (GaLedgerImport *self,
                              guint           column)
{
  return column < self->headings->len ? self->headings->pdata[column] : "";
}

GaLedgerField
ga_ledger_import_get_field (GaLedgerImport *self,
                            guint           column)
{
  return column < self->n_columns ? g_array_index (self->fields, GaLedgerField, column)
                                  : GA_LEDGER_FIELD_IGNORE;
}

void
ga_ledger_import_set_field (GaLedgerImport *self,
                            guint           column,
                            GaLedgerField   field)
{
  g_return_if_fail (column < self->n_columns && field < GA_LEDGER_N_FIELDS);

  /* One column per field, except months: the column that had it gives it up. */
  if (field != GA_LEDGER_FIELD_MONTH && field != GA_LEDGER_FIELD_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (c != column && g_array_index (self->fields, GaLedgerField, c) == field)
        g_array_index (self->fields, GaLedgerField, c) = GA_LEDGER_FIELD_IGNORE;
  g_array_index (self->fields, GaLedgerField, column) = field;
  g_array_index (self->user_set, gboolean, column) = TRUE;
  self->dirty = TRUE;
}

const char *
ga_ledger_import_get_column_unit (GaLedgerImport *self,
                                  guint           column)
{
  char **parts;
  const char *unit = NULL;

  if (column >= self->heading_parts->len)
    return NULL;
  parts = self->heading_parts->pdata[column];
  for (guint i = 0; parts[i] && unit == NULL; i++)
    if (!self->water)
      unit = ga_ledger_unit_in_text (self->units, parts[i]);
    /* A water ledger's "用水量（吨）", or a heading that is the unit: "m3". */
    else if ((unit = ga_ledger_volume_in_text (parts[i], NULL)) == NULL)
      unit = ga_ledger_match_volume (parts[i], NULL);
  return unit;
}

int
ga_ledger_import_find_column (GaLedgerImport *self,
                              const char     *spec)
{
  g_autofree char *norm = ga_ledger_normalize (spec);
  guint64 n = 0;
  char *end;

  if (*norm == '\0')
    return -1;
  n = g_ascii_strtoull (norm, &end, 10);
  if (end != norm && *end == '\0')
    return n >= 1 && n <= self->n_columns ? (int) n - 1 : -1;
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *name = ga_sheet_column_name (c);
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_equal (lower, norm))
        return (int) c;
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *h = ga_ledger_normalize (self->headings->pdata[c]);
      g_autofree char *first = ga_ledger_normalize (ga_sheet_get_text (self->sheet,
                                                                       MAX (self->header_row, 0), c));

      if (g_str_equal (h, norm) || g_str_equal (first, norm))
        return (int) c;
    }
  return -1;
}

/* ---- reading the rows ---- */

static gboolean
is_breakdown_text (const char *text)
{
  g_autofree char *norm = ga_ledger_normalize (text);

  return ga_ledger_is_breakdown (norm);
}

static void
skip (GaLedgerImport     *self,
      guint               row,
      GaLedgerSkipReason  reason,
      char               *message)
{
  GaLedgerSkip *s = g_new0 (GaLedgerSkip, 1);

  s->source_row = row;
  s->reason = reason;
  s->message = message;
  g_ptr_array_add (self->skipped, s);
}

static gboolean
row_is_blank (GaLedgerImport *self,
              guint           row)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (ga_sheet_get_kind (self->sheet, row, c) != GA_SHEET_CELL_BLANK)
      return FALSE;
  return TRUE;
}

/* The text of @row's cells in the carrier and meter columns and its first
 * cell: where a ledger writes 合计. */
static gboolean
row_is_subtotal (GaLedgerImport *self,
                 guint           row)
{
  int cols[3] = { ga_ledger_field_column (self, GA_LEDGER_FIELD_CARRIER),
                  ga_ledger_field_column (self, GA_LEDGER_FIELD_METER), 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      g_autofree char *norm = NULL;

      if (cols[i] < 0 || ga_sheet_get_kind (self->sheet, row, cols[i]) != GA_SHEET_CELL_TEXT)
        continue;
      norm = ga_ledger_normalize (ga_sheet_get_text (self->sheet, row, cols[i]));
      if (ga_ledger_is_subtotal (norm))
        return TRUE;
    }
  return FALSE;
}

typedef enum { QTY_OK, QTY_BLANK, QTY_NOT_NUMBER } QtyState;

/* The row's quantity: the quantity column, or the months added up. On
 * QTY_NOT_NUMBER, @bad_col is the cell that is not a number. */
static QtyState
row_quantity (GaLedgerImport *self,
              guint           row,
              double         *qty,
              int            *bad_col,
              int            *unit_col)
{
  gboolean any = FALSE;
  double sum = 0;

  *unit_col = -1;
  for (guint c = 0; c < self->n_columns; c++)
    {
      GaLedgerField f = g_array_index (self->fields, GaLedgerField, c);
      double v;

      if (f != GA_LEDGER_FIELD_QTY && f != GA_LEDGER_FIELD_MONTH)
        continue;
      if (*unit_col < 0)
        *unit_col = (int) c;
      if (ga_sheet_get_kind (self->sheet, row, c) == GA_SHEET_CELL_BLANK)
        continue;
      if (!ga_sheet_get_number (self->sheet, row, c, &v)
          || (ga_sheet_get_flags (self->sheet, row, c) & GA_SHEET_CELL_DATE))
        {
          *bad_col = (int) c;
          return QTY_NOT_NUMBER;
        }
      sum += v;
      any = TRUE;
    }
  /* Twelve months of decimals add up with binary noise: keep 12 digits. */
  if (sum != 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      sum = g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, "%.12g", sum), NULL);
    }
  *qty = sum;
  return any ? QTY_OK : QTY_BLANK;
}

const char *
ga_ledger_import_get_kind_label (GaLedgerImport *self,
                                 const char     *key)
{
  for (guint i = 0; self->carrier_column->options && i < self->carrier_column->options->len; i++)
    {
      GaOption *o = self->carrier_column->options->pdata[i];

      if (g_strcmp0 (o->id, key) == 0)
        return ga_text_get (&o->label, NULL);
    }
  return key;
}

/* The unit of @row: its unit cell, else the heading of its quantity
 * column, else brackets after the carrier's name. NULL with a reason. */
static const char *
row_unit (GaLedgerImport     *self,
          guint               row,
          const char         *carrier_text,
          int                 qty_col,
          GaLedgerSkipReason *reason,
          char              **message)
{
  int unit_col = ga_ledger_field_column (self, GA_LEDGER_FIELD_UNIT);
  const char *text = unit_col >= 0 ? ga_sheet_get_text (self->sheet, row, unit_col) : "";
  const char *unit;

  if (*text != '\0')
    {
      unit = ga_ledger_match_unit (self->units, text);
      if (unit == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint i = 0; self->units && i < self->units->rows->len; i++)
            g_string_append_printf (known, "%s%s", i ? ", " : "",
                                    ((GaTableRow *) self->units->rows->pdata[i])->key);
          *reason = GA_LEDGER_SKIP_UNKNOWN_UNIT;
          *message = g_strdup_printf (_("The unit “%s” is not one the energy table knows "
                                        "(%s): convert the quantity or correct the unit."),
                                      text, known->str);
        }
      return unit;
    }
  unit = qty_col >= 0 ? ga_ledger_import_get_column_unit (self, qty_col) : NULL;
  if (unit == NULL)
    unit = ga_ledger_unit_in_text (self->units, carrier_text);
  if (unit == NULL)
    {
      *reason = GA_LEDGER_SKIP_NO_UNIT;
      *message = g_strdup (_("No unit: map the unit column, or write the unit in the "
                             "quantity's heading, e.g. “消费量（吨）”."));
    }
  return unit;
}

static gboolean
unit_allowed (GaLedgerImport *self,
              const char     *carrier,
              const char     *unit)
{
  const GaCarrierUnits *cu = ga_column_get_carrier_units (self->unit_column, carrier);

  if (cu == NULL || cu->allowed == NULL)
    return TRUE;
  for (guint i = 0; i < cu->allowed->len; i++)
    if (g_strcmp0 (cu->allowed->pdata[i], unit) == 0)
      return TRUE;
  return FALSE;
}

static char *
allowed_list (GaLedgerImport *self,
              const char     *carrier)
{
  const GaCarrierUnits *cu = ga_column_get_carrier_units (self->unit_column, carrier);
  GString *s = g_string_new (NULL);

  for (guint i = 0; cu && cu->allowed && i < cu->allowed->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (char *) cu->allowed->pdata[i]);
  return g_string_free (s, FALSE);
}

/* The rest of a water ledger's row, its quantity read: its kind, from
 * the kind column or else the name; its unit, a volume; its name. */
static void
read_water_row (GaLedgerImport *self,
                guint           row,
                const char     *kind_text,
                double          qty,
                int             qty_col)
{
  int meter_col = ga_ledger_field_column (self, GA_LEDGER_FIELD_METER);
  int unit_col = ga_ledger_field_column (self, GA_LEDGER_FIELD_UNIT);
  const char *name = meter_col >= 0 ? ga_sheet_get_text (self->sheet, row, meter_col) : "";
  const char *unit_text = unit_col >= 0 ? ga_sheet_get_text (self->sheet, row, unit_col) : "";
  const char *shown = *kind_text ? kind_text : name;
  const char *kind = match_kind (self, kind_text);
  const char *unit = NULL;
  double factor = 1;
  GaLedgerRow *taken;

  if (kind == NULL && *name)
    kind = match_kind (self, name);
  if (kind == NULL)
    {
      skip (self, row, GA_LEDGER_SKIP_UNKNOWN_KIND,
            *shown == '\0'
              ? g_strdup (_("No kind of water: map the column that names the source or use "
                            "(自来水, 地下水, 生产用水, 循环水, 排水 …)."))
              : g_strdup_printf (_("“%s” is not a kind of water the water-balance table knows: "
                                   "enter its volume by hand under the kind it is (intake by "
                                   "source, use, reuse, leakage or discharge)."), shown));
      return;
    }
  if (*unit_text != '\0')
    {
      unit = ga_ledger_match_volume (unit_text, &factor);
      if (unit == NULL)
        {
          if (ga_ledger_is_other_unit (unit_text))
            skip (self, row, GA_LEDGER_SKIP_NOT_VOLUME,
                  g_strdup_printf (_("“%s” is given in %s, which is not a volume: a "
                                     "water-balance row is a volume of water (m³, 吨, 万m³, "
                                     "万吨)."), shown, unit_text));
          else
            skip (self, row, GA_LEDGER_SKIP_UNKNOWN_UNIT,
                  g_strdup_printf (_("The unit “%s” is not a volume the water-balance table "
                                     "knows (m³, 万m³, 千m³, 吨, 万吨, L): convert the volume or "
                                     "correct the unit."), unit_text));
          return;
        }
    }
  if (unit == NULL && qty_col >= 0)
    {
      unit = ga_ledger_import_get_column_unit (self, qty_col);
      if (unit != NULL)
        ga_ledger_match_volume (unit, &factor);
    }
  if (unit == NULL)
    unit = ga_ledger_volume_in_text (kind_text, &factor);
  if (unit == NULL)
    unit = ga_ledger_volume_in_text (name, &factor);
  if (unit == NULL)
    {
      skip (self, row, GA_LEDGER_SKIP_NO_UNIT,
            g_strdup (_("No unit: map the unit column, or write the unit in the volume's "
                        "heading, e.g. “用水量（m³）”.")));
      return;
    }
  taken = g_new0 (GaLedgerRow, 1);
  taken->source_row = row;
  taken->carrier = g_strdup (kind);
  taken->unit = g_strdup (unit);
  taken->qty = qty;
  taken->table_qty = qty * factor / self->qty_factor;
  if (*name)
    taken->meter = g_strdup (name);
  else if (*kind_text)
    taken->meter = g_strdup (kind_text);
  g_ptr_array_add (self->rows, taken);
}

static void
read_row (GaLedgerImport *self,
          guint           row)
{
  int carrier_col = ga_ledger_field_column (self, GA_LEDGER_FIELD_CARRIER);
  int meter_col = ga_ledger_field_column (self, GA_LEDGER_FIELD_METER);
  const char *carrier_text = carrier_col >= 0 ? ga_sheet_get_text (self->sheet, row, carrier_col) : "";
  g_autofree char *norm = ga_ledger_normalize (carrier_text);
  g_autofree char *message = NULL;
  GaLedgerSkipReason reason = GA_LEDGER_SKIP_BLANK;
  const char *carrier, *unit;
  int bad_col = -1, qty_col = -1;
  double qty = 0;
  QtyState state;
  GaLedgerRow *taken;

  if (row_is_blank (self, row))
    {
      skip (self, row, GA_LEDGER_SKIP_BLANK, g_strdup (_("Blank row.")));
      return;
    }
  if (row_is_subtotal (self, row))
    {
      skip (self, row, GA_LEDGER_SKIP_SUBTOTAL,
            g_strdup (_("A total of the rows above: they are imported one by one.")));
      return;
    }
  if (ga_ledger_is_breakdown (norm) || (self->water && meter_col >= 0 && is_breakdown_text (
        ga_sheet_get_text (self->sheet, row, meter_col))))
    {
      skip (self, row, GA_LEDGER_SKIP_BREAKDOWN,
            g_strdup_printf (_("“%s” is part of the row above and counted there."),
                             ga_ledger_is_breakdown (norm) || meter_col < 0
                               ? carrier_text : ga_sheet_get_text (self->sheet, row, meter_col)));
      return;
    }
  state = row_quantity (self, row, &qty, &bad_col, &qty_col);
  if (state == QTY_NOT_NUMBER)
    {
      g_autofree char *col = ga_sheet_column_name (bad_col);

      skip (self, row, GA_LEDGER_SKIP_NOT_NUMBER,
            g_strdup_printf (_("The quantity in column %s, “%s”, is not a number: correct it "
                               "in the file or map another column."),
                             col, ga_sheet_get_text (self->sheet, row, bad_col)));
      return;
    }
  if (state == QTY_BLANK && self->water)
    {
      const char *shown = *carrier_text || meter_col < 0
                            ? carrier_text : ga_sheet_get_text (self->sheet, row, meter_col);

      if (*shown == '\0')
        skip (self, row, GA_LEDGER_SKIP_BLANK, g_strdup (_("No kind of water and no volume.")));
      else
        skip (self, row, GA_LEDGER_SKIP_NO_NUMBER,
              g_strdup_printf (_("“%s” has no quantity."), shown));
      return;
    }
  if (state == QTY_BLANK)
    {
      if (*norm == '\0')
        skip (self, row, GA_LEDGER_SKIP_BLANK, g_strdup (_("No carrier and no quantity.")));
      else
        skip (self, row, GA_LEDGER_SKIP_NO_NUMBER,
              g_strdup_printf (_("“%s” has no quantity."), carrier_text));
      return;
    }
  if (self->water && (qty == 0 || qty < 0))
    {
      const char *shown = *carrier_text || meter_col < 0
                            ? carrier_text : ga_sheet_get_text (self->sheet, row, meter_col);

      skip (self, row, qty == 0 ? GA_LEDGER_SKIP_ZERO : GA_LEDGER_SKIP_NEGATIVE,
            qty == 0 ? g_strdup_printf (_("“%s”: the quantity is zero."), shown)
                     : g_strdup_printf (_("“%s”: the volume is negative; a water-balance row "
                                          "is a volume that flowed."), shown));
      return;
    }
  if (self->water)
    {
      read_water_row (self, row, carrier_text, qty, qty_col);
      return;
    }
  if (qty == 0 || qty < 0)
    {
      skip (self, row, qty == 0 ? GA_LEDGER_SKIP_ZERO : GA_LEDGER_SKIP_NEGATIVE,
            qty == 0 ? g_strdup_printf (_("“%s”: the quantity is zero."), carrier_text)
                     : g_strdup_printf (_("“%s”: the quantity is negative; an energy table "
                                          "row is what was consumed."), carrier_text));
      return;
    }
  carrier = ga_ledger_match_carrier (self->carriers, carrier_text);
  if (carrier == NULL)
    {
      skip (self, row, GA_LEDGER_SKIP_UNKNOWN_CARRIER,
            *norm == '\0'
              ? g_strdup (_("No carrier name: map the column that names the energy carrier."))
              : g_strdup_printf (_("“%s” is not a carrier of the energy table: enter it by "
                                   "hand as the carrier it is, or in the table of other "
                                   "carriers."), carrier_text));
      return;
    }
  unit = row_unit (self, row, carrier_text, qty_col, &reason, &message);
  if (unit == NULL)
    {
      skip (self, row, reason, g_steal_pointer (&message));
      return;
    }
  if (!unit_allowed (self, carrier, unit))
    {
      g_autofree char *allowed = allowed_list (self, carrier);

      skip (self, row, GA_LEDGER_SKIP_UNIT_MISMATCH,
            g_strdup_printf (_("%s cannot be given in %s; its units are %s."),
                             ga_ledger_import_get_kind_label (self, carrier), unit, allowed));
      return;
    }
  taken = g_new0 (GaLedgerRow, 1);
  taken->source_row = row;
  taken->carrier = g_strdup (carrier);
  taken->unit = g_strdup (unit);
  taken->qty = qty;
  taken->table_qty = qty;
  if (meter_col >= 0 && *ga_sheet_get_text (self->sheet, row, meter_col))
    taken->meter = g_strdup (ga_sheet_get_text (self->sheet, row, meter_col));
  g_ptr_array_add (self->rows, taken);
}

/* Water: the rows of a kind added up in the table's unit, their names
 * joined. */
static void
add_to_water_totals (GaLedgerImport    *self,
                     const GaLedgerRow *row)
{
  GaLedgerTotal *t = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < self->totals->len && t == NULL; i++)
    if (g_str_equal (((GaLedgerTotal *) self->totals->pdata[i])->carrier, row->carrier))
      t = self->totals->pdata[i];
  if (t == NULL)
    {
      t = g_new0 (GaLedgerTotal, 1);
      t->carrier = g_strdup (row->carrier);
      t->unit = g_strdup (self->qty_column->unit);
      g_ptr_array_add (self->totals, t);
    }
  t->qty = g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, "%.12g", t->qty + row->table_qty),
                           NULL);
  t->n_sources++;
  if (row->meter != NULL)
    {
      g_auto(GStrv) names = t->name ? g_strsplit (t->name, "、", -1) : NULL;

      if (names == NULL || !g_strv_contains ((const char *const *) names, row->meter))
        {
          char *joined = t->name ? g_strconcat (t->name, "、", row->meter, NULL)
                                 : g_strdup (row->meter);

          g_free (t->name);
          t->name = joined;
        }
    }
}

static void
add_to_totals (GaLedgerImport    *self,
               const GaLedgerRow *row)
{
  GaLedgerTotal *t;

  if (self->water)
    {
      add_to_water_totals (self, row);
      return;
    }

  for (guint i = 0; i < self->totals->len; i++)
    {
      t = self->totals->pdata[i];
      if (g_str_equal (t->carrier, row->carrier) && g_str_equal (t->unit, row->unit))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          t->qty = g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, "%.12g", t->qty + row->qty),
                                   NULL);
          t->n_sources++;
          return;
        }
    }
  t = g_new0 (GaLedgerTotal, 1);
  t->carrier = g_strdup (row->carrier);
  t->unit = g_strdup (row->unit);
  t->qty = row->qty;
  t->n_sources = 1;
  g_ptr_array_add (self->totals, t);
}

static void
ensure_read (GaLedgerImport *self)
{
  guint n_rows = ga_sheet_get_n_rows (self->sheet);

  if (!self->dirty && self->rows != NULL)
    return;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_ptr_array_unref);
  self->rows = g_ptr_array_new_with_free_func (ledger_row_free);
  self->skipped = g_ptr_array_new_with_free_func (ledger_skip_free);
  self->totals = g_ptr_array_new_with_free_func (ledger_total_free);
  /* Trailing blank rows are no rows at all. */
  while (n_rows > self->data_row && row_is_blank (self, n_rows - 1))
    n_rows--;
  for (guint r = self->data_row; r < n_rows; r++)
    read_row (self, r);
  for (guint i = 0; i < self->rows->len; i++)
    add_to_totals (self, self->rows->pdata[i]);
  self->dirty = FALSE;
}

GPtrArray *
ga_ledger_import_get_rows (GaLedgerImport *self)
{
  ensure_read (self);
  return self->rows;
}

GPtrArray *
ga_ledger_import_get_skipped (GaLedgerImport *self)
{
  ensure_read (self);
  return self->skipped;
}

GPtrArray *
ga_ledger_import_get_totals (GaLedgerImport *self)
{
  ensure_read (self);
  return self->totals;
}
