/* ga-ledger-answer.c: the imported rows as the energy or water-balance
 * table's answer, the preview's tce and sums, saving; the names of fields
 * and reasons
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-engine.h"
#include "ga-ledger-private.h"

/* ---- the answer ---- */

GaAnswer *
ga_ledger_import_build_answer (GaLedgerImport *self,
                               const GaAnswer *current,
                               gboolean        replace,
                               GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *rows = json_array_new ();
  GPtrArray *totals = ga_ledger_import_get_totals (self);

  if (totals->len == 0)
    {
      json_array_unref (rows);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   ga_ledger_field_column (self, GA_LEDGER_FIELD_CARRIER) < 0
                   && (!self->water || ga_ledger_field_column (self, GA_LEDGER_FIELD_METER) < 0)
                     ? (self->water
                          ? _("No row can be imported: no column is mapped to the kind of water.")
                          : _("No row can be imported: no column is mapped to the carrier."))
                     : _("No row can be imported: see the rows not taken and why."));
      return NULL;
    }
  if (!replace && current != NULL && current->rows != NULL)
    {
      g_autoptr(JsonNode) old = ga_answer_to_json (current, self->item);
      JsonArray *old_rows = NULL;

      if (JSON_NODE_HOLDS_ARRAY (old))
        old_rows = json_node_get_array (old);
      else if (JSON_NODE_HOLDS_OBJECT (old)
               && json_object_has_member (json_node_get_object (old), "value"))
        old_rows = json_object_get_array_member (json_node_get_object (old), "value");
      for (guint i = 0; old_rows && i < json_array_get_length (old_rows); i++)
        json_array_add_element (rows, json_node_copy (json_array_get_element (old_rows, i)));
    }
  for (guint i = 0; i < totals->len; i++)
    {
      GaLedgerTotal *t = totals->pdata[i];
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, self->carrier_column->id, t->carrier);
      if (self->water && self->name_column != NULL && t->name != NULL)
        json_object_set_string_member (o, self->name_column->id, t->name);
      if (self->qty_column != NULL)
        json_object_set_double_member (o, self->qty_column->id, t->qty);
      if (self->unit_column != NULL)
        json_object_set_string_member (o, self->unit_column->id, t->unit);
      json_array_add_object_element (rows, o);
    }
  if (current != NULL && current->note != NULL)
    {
      JsonObject *o = json_object_new ();

      json_object_set_array_member (o, "value", rows);
      json_object_set_string_member (o, "note", current->note);
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, o);
    }
  else
    {
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, rows);
    }
  return ga_answer_from_json (node, self->item, error);
}

static int
tce_column (const GaItem *item)
{
  for (guint i = 0; i < item->columns->len; i++)
    {
      const GaColumn *c = item->columns->pdata[i];

      if (c->kind == GA_ITEM_COMPUTED && g_strcmp0 (c->unit, "tce") == 0)
        return (int) i;
    }
  return -1;
}

double
ga_ledger_import_preview_tce (GaLedgerImport *self,
                              GaSession      *session,
                              gboolean        replace,
                              GArray        **row_tce)
{
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GaEngine) engine = NULL;
  GPtrArray *totals = ga_ledger_import_get_totals (self);
  int col = tce_column (self->item);
  guint n, first_new;
  double sum = 0;

  g_return_val_if_fail (GA_IS_SESSION (session), NAN);

  if (row_tce != NULL)
    {
      double nan = NAN;

      *row_tce = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint i = 0; i < totals->len; i++)
        g_array_append_val (*row_tce, nan);
    }
  answer = ga_ledger_import_build_answer (self, ga_session_get_answer (session, self->item),
                                          replace, NULL);
  if (answer == NULL || col < 0)
    return NAN;
  engine = ga_engine_new (ga_session_get_template (session));
  ga_engine_set_answers (engine, ga_engine_get_answers (ga_session_get_engine (session)));
  if (!ga_engine_set_answer (engine, self->item->id, answer, NULL))
    return NAN;
  n = ga_engine_get_n_rows (engine, self->item);
  first_new = n >= totals->len ? n - totals->len : 0;
  for (guint r = 0; r < n; r++)
    {
      const GaValue *v = ga_engine_get_cell (engine, self->item, r, col);
      double x = v != NULL && v->kind == GA_VALUE_NUMBER ? v->u.number : NAN;

      if (row_tce != NULL && r >= first_new)
        g_array_index (*row_tce, double, r - first_new) = x;
      sum += x;
    }
  return sum;
}

GArray *
ga_ledger_import_preview_sums (GaLedgerImport *self,
                               GaSession      *session,
                               gboolean        replace)
{
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GaEngine) engine = NULL;
  GArray *sums = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  g_return_val_if_fail (GA_IS_SESSION (session), sums);

  answer = ga_ledger_import_build_answer (self, ga_session_get_answer (session, self->item),
                                          replace, NULL);
  if (answer == NULL)
    return sums;
  engine = ga_engine_new (ga_session_get_template (session));
  ga_engine_set_answers (engine, ga_engine_get_answers (ga_session_get_engine (session)));
  if (!ga_engine_set_answer (engine, self->item->id, answer, NULL))
    return sums;
  n = ga_engine_get_n_rows (engine, self->item);
  for (guint c = 0; c < self->item->columns->len; c++)
    {
      const GaColumn *column = self->item->columns->pdata[c];
      double sum = 0;

      if (column->kind != GA_ITEM_COMPUTED)
        continue;
      for (guint r = 0; r < n; r++)
        {
          const GaValue *v = ga_engine_get_cell (engine, self->item, r, c);

          sum += v != NULL && v->kind == GA_VALUE_NUMBER ? v->u.number : NAN;
        }
      g_array_append_val (sums, sum);
    }
  return sums;
}

gboolean
ga_ledger_import_apply (GaLedgerImport *self,
                        GaSession      *session,
                        gboolean        replace,
                        GError        **error)
{
  g_autoptr(GaAnswer) answer = NULL;

  g_return_val_if_fail (GA_IS_SESSION (session), FALSE);

  answer = ga_ledger_import_build_answer (self, ga_session_get_answer (session, self->item),
                                          replace, error);
  if (answer == NULL)
    return FALSE;
  return ga_session_set_answer (session, self->item, answer, error);
}

/* ---- names ---- */

static const char *const field_names[GA_LEDGER_N_FIELDS] = {
  "ignore", "carrier", "unit", "qty", "month", "meter",
};

const char *
ga_ledger_field_to_string (GaLedgerField field)
{
  return field < GA_LEDGER_N_FIELDS ? field_names[field] : "ignore";
}

gboolean
ga_ledger_field_from_string (const char    *text,
                             GaLedgerField *field)
{
  for (guint i = 0; i < GA_LEDGER_N_FIELDS; i++)
    if (g_strcmp0 (text, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  if (g_strcmp0 (text, "kind") == 0)
    {
      *field = GA_LEDGER_FIELD_CARRIER;
      return TRUE;
    }
  return FALSE;
}

const char *
ga_ledger_field_get_label (GaLedgerField field)
{
  switch (field)
    {
    case GA_LEDGER_FIELD_CARRIER: return _("Carrier");
    case GA_LEDGER_FIELD_UNIT: return _("Unit");
    case GA_LEDGER_FIELD_QTY: return _("Quantity");
    case GA_LEDGER_FIELD_MONTH: return _("Month (added up)");
    case GA_LEDGER_FIELD_METER: return _("Meter point");
    case GA_LEDGER_FIELD_IGNORE:
    case GA_LEDGER_N_FIELDS:
    default: return _("Not imported");
    }
}

const char *
ga_ledger_import_get_field_label (GaLedgerImport *self,
                                  GaLedgerField   field)
{
  if (!self->water)
    return ga_ledger_field_get_label (field);
  switch (field)
    {
    case GA_LEDGER_FIELD_CARRIER: return _("Kind of water");
    case GA_LEDGER_FIELD_QTY: return _("Volume");
    case GA_LEDGER_FIELD_METER: return _("Name or meter");
    default: return ga_ledger_field_get_label (field);
    }
}

const char *
ga_ledger_skip_reason_to_string (GaLedgerSkipReason reason)
{
  static const char *const names[] = {
    "blank", "subtotal", "breakdown", "unknown-carrier", "no-unit", "unknown-unit",
    "unit-mismatch", "no-number", "not-number", "zero", "negative", "unknown-kind",
    "not-volume",
  };

  return reason < G_N_ELEMENTS (names) ? names[reason] : "unknown";
}
