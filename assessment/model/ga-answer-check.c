/* ga-answer-check.c: answers built in code, checked against their item
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ga-answer-private.h"

/* ------------------------------------------------------------------------ */
/* Answers built in code                                                    */

static gboolean
check_cell (const GaValue  *cell,
            const GaItem   *item,
            guint           row,
            const GaColumn *column,
            GError        **error)
{
  g_autofree char *what = ga_answer_what_cell (item->id, row, column);
  gboolean ok;

  if (cell->kind == GA_VALUE_BLANK || column->kind == GA_ITEM_COMPUTED)
    return TRUE;
  switch (column->kind)
    {
    case GA_ITEM_NUMBER:
      if (cell->kind != GA_VALUE_NUMBER)
        break;
      return ga_answer_check_number (cell->u.number, column->min, column->max, FALSE,
                                     column->unit, what, error);
    case GA_ITEM_TEXT:
      ok = cell->kind == GA_VALUE_TEXT;
      if (ok)
        return TRUE;
      break;
    case GA_ITEM_DATE:
      if (cell->kind != GA_VALUE_TEXT)
        break;
      return ga_answer_check_date (cell->u.text, what, error);
    case GA_ITEM_CHOICE:
      if (cell->kind != GA_VALUE_TEXT)
        break;
      /* A unit is checked against the row's carrier (ga-units.c). */
      return column->units_of_column >= 0
             || ga_answer_check_option (column->options, cell->u.text, what, error);
    case GA_ITEM_YESNO:
      if (cell->kind == GA_VALUE_BOOLEAN)
        return TRUE;
      break;
    default:
      break;
    }
  {
    g_autofree char *shown = ga_value_to_display (cell);

    g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                 _("%s: '%s' (%s) does not fit; the column needs %s"), what, shown,
                 ga_value_kind_to_string (cell->kind), ga_answer_kind_need (column->kind));
  }
  return FALSE;
}

/* Each chosen option is known and chosen once. */
static gboolean
check_selected (const GaAnswer *answer,
                const GaItem   *item,
                const char     *what,
                GError        **error)
{
  for (guint i = 0; answer->selected != NULL && answer->selected[i] != NULL; i++)
    {
      if (!ga_answer_check_option (item->options, answer->selected[i], what, error))
        return FALSE;
      for (guint k = 0; k < i; k++)
        if (g_str_equal (answer->selected[k], answer->selected[i]))
          {
            ga_answer_set_twice_error (what, answer->selected[i], error);
            return FALSE;
          }
    }
  return TRUE;
}

/* Each row has one cell per column, each fitting its column. */
static gboolean
check_rows (const GaAnswer *answer,
            const GaItem   *item,
            const char     *what,
            GError        **error)
{
  for (guint r = 0; answer->rows != NULL && r < answer->rows->len; r++)
    {
      GaRow *row = answer->rows->pdata[r];
      if (row == NULL || row->n_cells != item->columns->len)
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("%s, row %u: a row needs %u cells, one per column"), what, r + 1,
                       item->columns->len);
          return FALSE;
        }
      for (guint c = 0; c < row->n_cells; c++)
        if (!check_cell (&row->cells[c], item, r, item->columns->pdata[c], error))
          return FALSE;
      if (!ga_answer_row_units (item, r, row, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ga_answer_check (const GaAnswer *answer,
                 const GaItem   *item,
                 GError        **error)
{
  g_autofree char *what = ga_answer_what_item (item->id);
  const GaValue *v = &answer->value;

  if (item->kind == GA_ITEM_COMPUTED)
    {
      ga_answer_set_computed_error (item, error);
      return FALSE;
    }
  if (answer->not_applicable)
    return ga_answer_check_na (item, error);
  if (answer->selected != NULL && item->kind != GA_ITEM_MULTI)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s takes a single value, not a list of options"), what);
      return FALSE;
    }
  if (answer->rows != NULL && item->kind != GA_ITEM_TABLE)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s takes a single value, not table rows"), what);
      return FALSE;
    }

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_TEXT && (g_str_equal (v->u.text, GA_COMPLIANCE_YES)
                                       || g_str_equal (v->u.text, GA_COMPLIANCE_PARTIAL)
                                       || g_str_equal (v->u.text, GA_COMPLIANCE_NO)))
        return TRUE;
      break;
    case GA_ITEM_YESNO:
      if (v->kind == GA_VALUE_BLANK || v->kind == GA_VALUE_BOOLEAN)
        return TRUE;
      break;
    case GA_ITEM_NUMBER:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_NUMBER)
        return ga_answer_check_number (v->u.number, item->min, item->max, item->integer,
                                       item->unit, what, error);
      break;
    case GA_ITEM_POINTS:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_NUMBER)
        return ga_answer_check_number (v->u.number, 0, item->points, FALSE, C_("unit", "points"),
                                       what, error);
      break;
    case GA_ITEM_CHOICE:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_TEXT)
        return ga_answer_check_option (item->options, v->u.text, what, error);
      break;
    case GA_ITEM_MULTI:
      if (v->kind != GA_VALUE_BLANK)
        {
          break;
        }
      return check_selected (answer, item, what, error);
    case GA_ITEM_TEXT:
      if (v->kind == GA_VALUE_BLANK || v->kind == GA_VALUE_TEXT)
        return TRUE;
      break;
    case GA_ITEM_DATE:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_TEXT)
        return ga_answer_check_date (v->u.text, what, error);
      break;
    case GA_ITEM_TABLE:
      if (v->kind != GA_VALUE_BLANK)
        {
          break;
        }
      return check_rows (answer, item, what, error);
    default:
      break;
    }
  {
    g_autofree char *shown = ga_value_to_display (v);
    g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                 _("%s (%s): '%s' (%s) does not fit; the item needs %s"), what,
                 ga_item_kind_to_string (item->kind), shown, ga_value_kind_to_string (v->kind),
                 ga_answer_kind_need (item->kind));
  }
  return FALSE;
}
