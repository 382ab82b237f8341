/* ga-units.c: the unit a table row's quantity is given in
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A choice column with "units_of" holds the unit of the row's quantity,
 * a key of a units lookup table (columns "dim" and "factor": the dimension
 * and how many of the dimension's base unit one unit is). The column it
 * names is the row's carrier, a choice over a lookup table whose "unit"
 * column is the unit its coefficient is per (and whose optional
 * "default_unit" column is the unit new rows start with). A carrier may be
 * given in every unit of the same dimension as its coefficient's unit; the
 * conversion itself is written in the template's formulas, so that the
 * engine and the workbook compute it the same way.
 *
 * A row that states no unit keeps the meaning rows had before units could
 * be chosen: its quantity is in the coefficient's unit. Reading such a row
 * states that unit in it, so that every front end shows what the number
 * means.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ga-answer-private.h"

static void
carrier_units_free (gpointer data)
{
  GaCarrierUnits *cu = data;

  g_free (cu->coef_unit);
  g_free (cu->default_unit);
  g_clear_pointer (&cu->allowed, g_ptr_array_unref);
  g_free (cu);
}

static const char *
row_key (GaLookupTable *table,
         const char    *key)
{
  g_autofree char *folded = g_utf8_casefold (key, -1);
  GaTableRow *row = g_hash_table_lookup (table->row_by_key, folded);

  return row != NULL ? row->key : key;
}

/* The text in @column of @table's row @key, or NULL. */
static const char *
cell_text (GaLookupTable *table,
           const char    *key,
           const char    *column)
{
  const GaValue *v = ga_lookup_table_get (table, key, column);

  return v != NULL && v->kind == GA_VALUE_TEXT ? v->u.text : NULL;
}

static gboolean
has_column (GaLookupTable *table,
            const char    *column)
{
  for (guint i = 1; i < table->columns->len; i++)
    if (g_str_equal (table->columns->pdata[i], column))
      return TRUE;
  return FALSE;
}

/* The units table's keys of the dimension @dim, in table order. */
static GPtrArray *
units_of_dim (GaLookupTable *units,
              const char    *dim)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < units->rows->len; r++)
    {
      GaTableRow *row = units->rows->pdata[r];

      if (g_strcmp0 (cell_text (units, row->key, "dim"), dim) == 0)
        g_ptr_array_add (keys, g_strdup (row->key));
    }
  return keys;
}

/* Every row of the units table has a dimension and a factor above 0. */
static gboolean
check_units_table (GaLoader      *l,
                   const char    *p,
                   GaLookupTable *units)
{
  gboolean ok = TRUE;

  if (!has_column (units, "dim") || !has_column (units, "factor"))
    {
      ga_loader_problem (l, p, "units_of: the options table '%s' must have the columns "
                         "'dim' and 'factor'", units->id);
      return FALSE;
    }
  for (guint r = 0; r < units->rows->len; r++)
    {
      GaTableRow *row = units->rows->pdata[r];
      const GaValue *factor = ga_lookup_table_get (units, row->key, "factor");

      if (cell_text (units, row->key, "dim") == NULL || factor == NULL
          || factor->kind != GA_VALUE_NUMBER || !(factor->u.number > 0))
        {
          ga_loader_problem (l, p, "units_of: unit '%s' of table '%s' needs a 'dim' text and a "
                             "'factor' above 0", row->key, units->id);
          ok = FALSE;
        }
    }
  return ok;
}

/* The units of one carrier @key of @carriers; NULL after a problem. */
static GaCarrierUnits *
carrier_units_new (GaLoader      *l,
                   const char    *p,
                   GaLookupTable *carriers,
                   GaLookupTable *units,
                   const char    *key)
{
  const char *coef = cell_text (carriers, key, "unit");
  const char *dflt = cell_text (carriers, key, "default_unit");
  const char *dim = coef != NULL ? cell_text (units, coef, "dim") : NULL;
  GaCarrierUnits *cu;

  if (dim == NULL)
    {
      ga_loader_problem (l, p, "units_of: the unit '%s' of '%s' in table '%s' is not a key of "
                         "table '%s'", coef != NULL ? coef : "", key, carriers->id, units->id);
      return NULL;
    }
  if (dflt != NULL && g_strcmp0 (cell_text (units, dflt, "dim"), dim) != 0)
    {
      ga_loader_problem (l, p, "units_of: the default unit '%s' of '%s' is not a unit of the "
                         "same kind as '%s' in table '%s'", dflt, key, coef, units->id);
      return NULL;
    }
  cu = g_new0 (GaCarrierUnits, 1);
  cu->coef_unit = g_strdup (row_key (units, coef));
  cu->default_unit = g_strdup (dflt != NULL ? row_key (units, dflt) : cu->coef_unit);
  cu->allowed = units_of_dim (units, dim);
  return cu;
}

void
ga_loader_resolve_units (GaLoader   *l,
                         const char *path,
                         GaItem     *item)
{
  for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
    {
      GaColumn *column = item->columns->pdata[c];
      g_autofree char *p = NULL;
      GaLookupTable *units, *carriers = NULL;
      GaColumn *of;
      int k;

      column->units_of_column = -1;
      if (column->units_of == NULL)
        continue;
      p = g_strdup_printf ("%s.columns[%u].units_of", path, c);
      k = ga_column_index (item, column->units_of);
      of = k >= 0 ? item->columns->pdata[k] : NULL;
      units = column->options_table != NULL ? ga_template_find_table (l->tmpl,
                                                                      column->options_table)
                                            : NULL;
      if (of != NULL && of->options_table != NULL)
        carriers = ga_template_find_table (l->tmpl, of->options_table);
      if (units == NULL)
        {
          ga_loader_problem (l, p, "a column of units needs \"options_table\", the units table");
          continue;
        }
      if (of == NULL || of == column || carriers == NULL)
        {
          ga_loader_problem (l, p, "'%s' is not a choice column of this table over a lookup "
                             "table", column->units_of);
          continue;
        }
      if (!has_column (carriers, "unit"))
        {
          ga_loader_problem (l, p, "table '%s' needs a 'unit' column: the unit each "
                             "coefficient is per", carriers->id);
          continue;
        }
      if (!check_units_table (l, p, units))
        continue;
      column->units_of_column = k;
      column->carrier_units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     carrier_units_free);
      for (guint r = 0; r < carriers->rows->len; r++)
        {
          GaTableRow *row = carriers->rows->pdata[r];
          GaCarrierUnits *cu = carrier_units_new (l, p, carriers, units, row->key);

          if (cu != NULL)
            g_hash_table_insert (column->carrier_units, g_utf8_casefold (row->key, -1), cu);
        }
    }
}

const GaCarrierUnits *
ga_column_get_carrier_units (const GaColumn *column,
                             const char     *carrier)
{
  g_autofree char *folded = NULL;

  if (column == NULL || column->carrier_units == NULL || carrier == NULL)
    return NULL;
  folded = g_utf8_casefold (carrier, -1);
  return g_hash_table_lookup (column->carrier_units, folded);
}

const GaColumn *
ga_item_find_units_column (const GaItem *item)
{
  for (guint c = 0; item != NULL && item->columns != NULL && c < item->columns->len; c++)
    {
      const GaColumn *column = item->columns->pdata[c];

      if (column->units_of_column >= 0 && column->carrier_units != NULL)
        return column;
    }
  return NULL;
}

void
ga_carrier_units_free_table (GaColumn *column)
{
  g_clear_pointer (&column->carrier_units, g_hash_table_unref);
  g_clear_pointer (&column->units_of, g_free);
}

/* "t, kg" */
static char *
allowed_text (const GaCarrierUnits *cu)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < cu->allowed->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", (char *) cu->allowed->pdata[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
allowed_key (const GaCarrierUnits *cu,
             const char           *unit)
{
  for (guint i = 0; i < cu->allowed->len; i++)
    if (g_str_equal (cu->allowed->pdata[i], unit))
      return cu->allowed->pdata[i];
  return NULL;
}

gboolean
ga_answer_row_units (const GaItem *item,
                     guint         r,
                     GaRow        *row,
                     gboolean      fill,
                     GError      **error)
{
  for (guint c = 0; c < item->columns->len && c < row->n_cells; c++)
    {
      const GaColumn *column = item->columns->pdata[c];
      const GaValue *carrier, *unit = &row->cells[c];
      const GaCarrierUnits *cu;

      if (column->units_of_column < 0 || (guint) column->units_of_column >= row->n_cells)
        continue;
      carrier = &row->cells[column->units_of_column];
      cu = carrier->kind == GA_VALUE_TEXT
           ? ga_column_get_carrier_units (column, carrier->u.text) : NULL;
      if (cu == NULL)
        {
          g_autofree char *what = ga_answer_what_cell (item->id, r, column);

          /* Without a carrier, any unit of the table. */
          if (unit->kind == GA_VALUE_TEXT
              && !ga_answer_check_option (column->options, unit->u.text, what, error))
            return FALSE;
          continue;
        }
      if (unit->kind == GA_VALUE_BLANK && fill)
        ga_value_set_text (&row->cells[c], cu->coef_unit);
      else if (unit->kind == GA_VALUE_TEXT && allowed_key (cu, unit->u.text) == NULL)
        {
          const GaColumn *of = item->columns->pdata[column->units_of_column];
          const GaOption *o = ga_answer_find_option (of->options, carrier->u.text);
          g_autofree char *allowed = allowed_text (cu);

          /* TRANSLATORS: item id, row number, the unit given, the carrier's
           * name, the units it may be given in ("t, kg") */
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s', row %u: '%s' is not a unit of %s; give its quantity in "
                         "one of %s"), item->id, r + 1, unit->u.text,
                       o != NULL ? ga_text_get (&o->label, NULL) : carrier->u.text, allowed);
          return FALSE;
        }
    }
  return TRUE;
}
