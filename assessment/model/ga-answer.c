/* ga-answer.c: answers, their JSON and text forms, and answer sets
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every answer is checked against its item when it is read, so the engine
 * only ever sees answers of the right kind, within bounds and naming real
 * options. Messages name the item, the value and what would be accepted.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-json.h"
#include "ga-template-private.h"

G_DEFINE_QUARK (ga-answer-error-quark, ga_answer_error)

/* ------------------------------------------------------------------------ */
/* Answers                                                                  */

GaRow *
ga_row_new (guint n_cells)
{
  GaRow *row = g_new0 (GaRow, 1);

  row->n_cells = n_cells;
  row->cells = g_new0 (GaValue, MAX (n_cells, 1));
  return row;
}

void
ga_row_free (GaRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_cells; i++)
    ga_value_clear (&row->cells[i]);
  g_free (row->cells);
  g_free (row);
}

static GaRow *
row_copy (const GaRow *row)
{
  GaRow *copy = ga_row_new (row->n_cells);

  for (guint i = 0; i < row->n_cells; i++)
    ga_value_copy (&row->cells[i], &copy->cells[i]);
  return copy;
}

GaAnswer *
ga_answer_new (void)
{
  return g_new0 (GaAnswer, 1);
}

GaAnswer *
ga_answer_copy (const GaAnswer *answer)
{
  GaAnswer *copy;

  if (answer == NULL)
    return NULL;
  copy = ga_answer_new ();
  ga_value_copy (&answer->value, &copy->value);
  copy->not_applicable = answer->not_applicable;
  copy->na_reason = g_strdup (answer->na_reason);
  copy->note = g_strdup (answer->note);
  copy->selected = g_strdupv (answer->selected);
  if (answer->rows != NULL)
    {
      copy->rows = g_ptr_array_new_full (answer->rows->len, (GDestroyNotify) ga_row_free);
      for (guint i = 0; i < answer->rows->len; i++)
        g_ptr_array_add (copy->rows, row_copy (answer->rows->pdata[i]));
    }
  return copy;
}

void
ga_answer_free (GaAnswer *answer)
{
  if (answer == NULL)
    return;
  ga_value_clear (&answer->value);
  g_free (answer->na_reason);
  g_free (answer->note);
  g_strfreev (answer->selected);
  g_clear_pointer (&answer->rows, g_ptr_array_unref);
  g_free (answer);
}

gboolean
ga_answer_is_empty (const GaAnswer *answer)
{
  return answer == NULL
         || (answer->value.kind == GA_VALUE_BLANK && !answer->not_applicable
             && answer->selected == NULL && answer->rows == NULL);
}

static gboolean
values_identical (const GaValue *a,
                  const GaValue *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case GA_VALUE_NUMBER:
      return memcmp (&a->u.number, &b->u.number, sizeof (double)) == 0;
    case GA_VALUE_TEXT:
      return g_strcmp0 (a->u.text, b->u.text) == 0;
    case GA_VALUE_BOOLEAN:
      return !a->u.boolean == !b->u.boolean;
    case GA_VALUE_ERROR:
      return a->u.error.code == b->u.error.code
             && g_strcmp0 (a->u.error.message, b->u.error.message) == 0;
    default:
      return TRUE;
    }
}

gboolean
ga_answer_equal (const GaAnswer *a,
                 const GaAnswer *b)
{
  if (ga_answer_is_empty (a) || ga_answer_is_empty (b))
    return ga_answer_is_empty (a) && ga_answer_is_empty (b)
           && g_strcmp0 (a != NULL ? a->note : NULL, b != NULL ? b->note : NULL) == 0;
  if (!values_identical (&a->value, &b->value) || !a->not_applicable != !b->not_applicable
      || g_strcmp0 (a->na_reason, b->na_reason) != 0 || g_strcmp0 (a->note, b->note) != 0)
    return FALSE;
  if ((a->selected == NULL) != (b->selected == NULL)
      || (a->selected != NULL && !g_strv_equal ((const char * const *) a->selected,
                                                (const char * const *) b->selected)))
    return FALSE;
  if ((a->rows == NULL) != (b->rows == NULL))
    return FALSE;
  if (a->rows != NULL)
    {
      if (a->rows->len != b->rows->len)
        return FALSE;
      for (guint r = 0; r < a->rows->len; r++)
        {
          GaRow *ra = a->rows->pdata[r], *rb = b->rows->pdata[r];
          if (ra->n_cells != rb->n_cells)
            return FALSE;
          for (guint c = 0; c < ra->n_cells; c++)
            if (!values_identical (&ra->cells[c], &rb->cells[c]))
              return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Checking values                                                          */

static const char *
json_kind (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "a list";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "text";
    case G_TYPE_BOOLEAN: return "true/false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE: return "a number";
    default: return "a value";
    }
}

static char *
json_display (JsonNode *node)
{
  g_autofree char *s = NULL;

  if (node == NULL)
    return g_strdup ("nothing");
  s = json_to_string (node, FALSE);
  if (g_utf8_strlen (s, -1) > 40)
    {
      char *end = g_utf8_offset_to_pointer (s, 37);
      return g_strdup_printf ("%.*s…", (int) (end - s), s);
    }
  return g_steal_pointer (&s);
}

static gboolean
node_number (JsonNode *node,
             double   *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
ga_answer_is_iso_date (const char *s)
{
  unsigned y, m, d;
  char tail;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  if (sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static char *
bounds_text (double min,
             double max,
             const char *unit)
{
  g_autofree char *lo = isnan (min) ? NULL : ga_number_to_string (min);
  g_autofree char *hi = isnan (max) ? NULL : ga_number_to_string (max);
  const char *u = unit != NULL ? unit : "";
  const char *sp = unit != NULL ? " " : "";

  if (lo != NULL && hi != NULL)
    return g_strdup_printf ("from %s to %s%s%s", lo, hi, sp, u);
  if (lo != NULL)
    return g_strdup_printf ("at least %s%s%s", lo, sp, u);
  if (hi != NULL)
    return g_strdup_printf ("at most %s%s%s", hi, sp, u);
  return g_strdup ("any number");
}

/* @what names the item (and row/column) in messages. */
static gboolean
check_number (double      v,
              double      min,
              double      max,
              gboolean    integer,
              const char *unit,
              const char *what,
              GError    **error)
{
  g_autofree char *text = NULL;

  if (!isfinite (v))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "%s: the number is out of range", what);
      return FALSE;
    }
  text = ga_number_to_string (v);
  if ((!isnan (min) && v < min) || (!isnan (max) && v > max))
    {
      g_autofree char *allowed = bounds_text (min, max, unit);
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "%s: %s is out of bounds (allowed: %s)", what, text, allowed);
      return FALSE;
    }
  if (integer && v != floor (v))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "%s: %s is not a whole number (a whole number is required)", what, text);
      return FALSE;
    }
  return TRUE;
}

static char *
options_text (GPtrArray *options)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      GaOption *o = options->pdata[i];
      if (shown == 20)
        {
          g_string_append_printf (s, ", … (%u in all)", options->len);
          break;
        }
      g_string_append_printf (s, "%s%s", shown > 0 ? ", " : "", o->id);
      shown++;
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const GaOption *
find_option (GPtrArray  *options,
             const char *id)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      GaOption *o = options->pdata[i];
      if (g_str_equal (o->id, id))
        return o;
    }
  return NULL;
}

static gboolean
check_option (GPtrArray  *options,
              const char *id,
              const char *what,
              GError    **error)
{
  g_autofree char *allowed = NULL;

  if (find_option (options, id) != NULL)
    return TRUE;
  allowed = options_text (options);
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               "%s: unknown option '%s' (allowed: %s)", what, id, allowed);
  return FALSE;
}

gboolean
ga_answer_cell_from_json (JsonNode        *node,
                          const char      *item_id,
                          guint            row,
                          const GaColumn  *column,
                          GaValue         *out,
                          GError         **error)
{
  g_autofree char *what = g_strdup_printf ("item '%s', row %u, column '%s'", item_id, row + 1,
                                           column->id);
  g_autofree char *shown = json_display (node);
  const char *s;
  double v;

  ga_value_set_blank (out);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (column->kind)
    {
    case GA_ITEM_NUMBER:
      if (!node_number (node, &v))
        break;
      if (!check_number (v, column->min, column->max, FALSE, column->unit, what, error))
        return FALSE;
      ga_value_set_number (out, v);
      return TRUE;
    case GA_ITEM_TEXT:
      if ((s = node_string (node)) == NULL)
        break;
      ga_value_set_text (out, s);
      return TRUE;
    case GA_ITEM_DATE:
      if ((s = node_string (node)) == NULL)
        break;
      if (!ga_answer_is_iso_date (s))
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "%s: '%s' is not a date (use YYYY-MM-DD)", what, s);
          return FALSE;
        }
      ga_value_set_text (out, s);
      return TRUE;
    case GA_ITEM_CHOICE:
      if ((s = node_string (node)) == NULL)
        break;
      if (!check_option (column->options, s, what, error))
        return FALSE;
      ga_value_set_text (out, s);
      return TRUE;
    case GA_ITEM_YESNO:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        break;
      ga_value_set_boolean (out, json_node_get_boolean (node));
      return TRUE;
    case GA_ITEM_COMPUTED:
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
                   "%s: the column is computed; remove the value %s", what, shown);
      return FALSE;
    default:
      break;
    }
  {
    static const char * const needs[] = {
      [GA_ITEM_NUMBER] = "a number", [GA_ITEM_TEXT] = "text", [GA_ITEM_DATE] = "a date text "
      "(YYYY-MM-DD)", [GA_ITEM_CHOICE] = "an option id", [GA_ITEM_YESNO] = "true or false",
    };
    const char *need = (guint) column->kind < G_N_ELEMENTS (needs) && needs[column->kind] != NULL
                       ? needs[column->kind] : "a value";
    g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                 "%s: %s is %s, but the column needs %s", what, shown, json_kind (node), need);
  }
  return FALSE;
}

GaRow *
ga_answer_row_from_json (JsonNode      *node,
                         const GaItem  *item,
                         guint          row_index,
                         GError       **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonObject *obj;
  GaRow *row;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s', row %u: a row is an object {\"column\": value, …}, found %s",
                   item->id, row_index + 1, json_kind (node));
      return NULL;
    }
  obj = json_node_get_object (node);
  row = ga_row_new (item->columns->len);
  json_object_iter_init (&iter, obj);
  while (json_object_iter_next (&iter, &key, &value))
    {
      int c = ga_column_index (item, key);
      if (c < 0)
        {
          g_autofree char *columns = NULL;
          g_autoptr(GString) s = g_string_new (NULL);
          for (guint k = 0; k < item->columns->len; k++)
            {
              GaColumn *col = item->columns->pdata[k];
              if (col->kind != GA_ITEM_COMPUTED)
                g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", col->id);
            }
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "item '%s', row %u: unknown column '%s' (columns: %s)", item->id,
                       row_index + 1, key, s->str);
          ga_row_free (row);
          return NULL;
        }
      if (!ga_answer_cell_from_json (value, item->id, row_index, item->columns->pdata[c],
                                     &row->cells[c], error))
        {
          ga_row_free (row);
          return NULL;
        }
    }
  return row;
}

/* The value part of an answer (without N/A and note). */
static gboolean
answer_value_from_json (JsonNode      *node,
                        const GaItem  *item,
                        GaAnswer      *answer,
                        GError       **error)
{
  g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
  g_autofree char *shown = json_display (node);
  const char *s;
  double v;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      if ((s = node_string (node)) == NULL)
        break;
      if (!g_str_equal (s, GA_COMPLIANCE_YES) && !g_str_equal (s, GA_COMPLIANCE_PARTIAL)
          && !g_str_equal (s, GA_COMPLIANCE_NO))
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "%s: '%s' is not an answer to a compliance check (allowed: yes, partial, "
                       "no, or {\"na\": \"reason\"})", what, s);
          return FALSE;
        }
      ga_value_set_text (&answer->value, s);
      return TRUE;
    case GA_ITEM_YESNO:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        break;
      ga_value_set_boolean (&answer->value, json_node_get_boolean (node));
      return TRUE;
    case GA_ITEM_NUMBER:
      if (!node_number (node, &v))
        break;
      if (!check_number (v, item->min, item->max, item->integer, item->unit, what, error))
        return FALSE;
      ga_value_set_number (&answer->value, v);
      return TRUE;
    case GA_ITEM_POINTS:
      if (!node_number (node, &v))
        break;
      if (!check_number (v, 0, isnan (item->points) ? NAN : item->points, FALSE, "points", what,
                         error))
        return FALSE;
      ga_value_set_number (&answer->value, v);
      return TRUE;
    case GA_ITEM_CHOICE:
      if ((s = node_string (node)) == NULL)
        break;
      if (!check_option (item->options, s, what, error))
        return FALSE;
      ga_value_set_text (&answer->value, s);
      return TRUE;
    case GA_ITEM_MULTI:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) ids = NULL;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          break;
        array = json_node_get_array (node);
        ids = g_ptr_array_new_with_free_func (g_free);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            const char *id = node_string (json_array_get_element (array, i));
            if (id == NULL)
              {
                g_autofree char *el = json_display (json_array_get_element (array, i));
                g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                             "%s: %s in the list is not an option id", what, el);
                return FALSE;
              }
            if (!check_option (item->options, id, what, error))
              return FALSE;
            for (guint k = 0; k < ids->len; k++)
              if (g_str_equal (ids->pdata[k], id))
                {
                  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                               "%s: option '%s' is chosen twice", what, id);
                  return FALSE;
                }
            g_ptr_array_add (ids, g_strdup (id));
          }
        g_ptr_array_add (ids, NULL);
        g_strfreev (answer->selected);
        answer->selected = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
        return TRUE;
      }
    case GA_ITEM_TEXT:
      if ((s = node_string (node)) == NULL)
        break;
      ga_value_set_text (&answer->value, s);
      return TRUE;
    case GA_ITEM_DATE:
      if ((s = node_string (node)) == NULL)
        break;
      if (!ga_answer_is_iso_date (s))
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "%s: '%s' is not a date (use YYYY-MM-DD, e.g. 2025-12-31)", what, s);
          return FALSE;
        }
      ga_value_set_text (&answer->value, s);
      return TRUE;
    case GA_ITEM_TABLE:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) rows = NULL;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          break;
        array = json_node_get_array (node);
        rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_row_free);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            GaRow *row = ga_answer_row_from_json (json_array_get_element (array, i), item, i,
                                                  error);
            if (row == NULL)
              return FALSE;
            g_ptr_array_add (rows, row);
          }
        g_clear_pointer (&answer->rows, g_ptr_array_unref);
        answer->rows = g_steal_pointer (&rows);
        return TRUE;
      }
    case GA_ITEM_COMPUTED:
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
                   "%s is computed from other answers and cannot be answered", what);
      return FALSE;
    default:
      break;
    }

  {
    const char *need;
    switch (item->kind)
      {
      case GA_ITEM_YESNO: need = "true or false"; break;
      case GA_ITEM_NUMBER: need = "a number"; break;
      case GA_ITEM_POINTS: need = "a number of points"; break;
      case GA_ITEM_CHOICE: need = "an option id"; break;
      case GA_ITEM_MULTI: need = "a list of option ids"; break;
      case GA_ITEM_TABLE: need = "a list of rows"; break;
      case GA_ITEM_DATE: need = "a date text (YYYY-MM-DD)"; break;
      case GA_ITEM_COMPLIANCE: need = "\"yes\", \"partial\" or \"no\""; break;
      default: need = "text"; break;
      }
    g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                 "%s (%s): %s is %s, but the item needs %s", what,
                 ga_item_kind_to_string (item->kind), shown, json_kind (node), need);
  }
  return FALSE;
}

static gboolean
set_na (GaAnswer      *answer,
        const GaItem  *item,
        const char    *reason,
        GError       **error)
{
  if (!item->na_allowed)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s' cannot be answered 不适用 (N/A): the template requires an answer",
                   item->id);
      return FALSE;
    }
  answer->not_applicable = TRUE;
  g_free (answer->na_reason);
  answer->na_reason = reason != NULL && *reason != '\0' ? g_strdup (reason) : NULL;
  return TRUE;
}

GaAnswer *
ga_answer_from_json (JsonNode      *node,
                     const GaItem  *item,
                     GError       **error)
{
  g_autoptr(GaAnswer) answer = ga_answer_new ();

  g_return_val_if_fail (item != NULL, NULL);

  if (item->kind == GA_ITEM_COMPUTED)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
                   "item '%s' is computed from other answers and cannot be answered", item->id);
      return NULL;
    }
  /* A tree built in code has not been through ga_json_check(); the
   * messages below print parts of it, and printing recurses. */
  if (!ga_json_node_depth_ok (node, GA_JSON_MAX_DEPTH))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s': the answer is nested more than %d levels (lists and objects "
                   "inside each other)", item->id, GA_JSON_MAX_DEPTH);
      return NULL;
    }
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;
      JsonNode *na = json_object_get_member (obj, "na");
      JsonNode *v = json_object_get_member (obj, "value");
      JsonNode *note = json_object_get_member (obj, "note");

      json_object_iter_init_ordered (&iter, obj);
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (!g_str_equal (key, "na") && !g_str_equal (key, "value") && !g_str_equal (key, "note"))
          {
            g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                         "item '%s': unknown field '%s' in the answer (an answer object has "
                         "\"value\", \"note\" and \"na\")", item->id, key);
            return NULL;
          }
      if (note != NULL && !JSON_NODE_HOLDS_NULL (note))
        {
          if (node_string (note) == NULL)
            {
              g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                           "item '%s': the note must be text, found %s", item->id,
                           json_kind (note));
              return NULL;
            }
          answer->note = g_strdup (node_string (note));
        }
      if (na != NULL && JSON_NODE_HOLDS_VALUE (na)
          && json_node_get_value_type (na) == G_TYPE_BOOLEAN && !json_node_get_boolean (na))
        {
          /* {"na": false} reads as "applicable", but says nothing about the
           * answer itself; taking it as unanswered would hide a mistake. */
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "item '%s': \"na\" must be a reason text or true; to answer the item, "
                       "give {\"value\": …} (or the value alone) and leave \"na\" out",
                       item->id);
          return NULL;
        }
      if (na != NULL && !JSON_NODE_HOLDS_NULL (na))
        {
          const char *reason = node_string (na);
          if (reason == NULL && !(JSON_NODE_HOLDS_VALUE (na)
                                  && json_node_get_value_type (na) == G_TYPE_BOOLEAN))
            {
              g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                           "item '%s': \"na\" must be a reason text or true, found %s",
                           item->id, json_kind (na));
              return NULL;
            }
          if (v != NULL && !JSON_NODE_HOLDS_NULL (v))
            {
              g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                           "item '%s': an answer is either a value or N/A, not both", item->id);
              return NULL;
            }
          if (!set_na (answer, item, reason, error))
            return NULL;
          return g_steal_pointer (&answer);
        }
      if (!answer_value_from_json (v, item, answer, error))
        return NULL;
      return g_steal_pointer (&answer);
    }

  if (!answer_value_from_json (node, item, answer, error))
    return NULL;
  return g_steal_pointer (&answer);
}

static JsonNode *
row_to_json (const GaRow  *row,
             const GaItem *item)
{
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint c = 0; c < row->n_cells && c < item->columns->len; c++)
    {
      GaColumn *column = item->columns->pdata[c];
      if (column->kind == GA_ITEM_COMPUTED || row->cells[c].kind == GA_VALUE_BLANK)
        continue;
      json_object_set_member (obj, column->id, ga_value_to_json (&row->cells[c]));
    }
  json_node_take_object (node, obj);
  return node;
}

JsonNode *
ga_answer_to_json (const GaAnswer *answer,
                   const GaItem   *item)
{
  JsonNode *value = NULL;
  JsonObject *obj;
  JsonNode *node;

  if (answer == NULL || (ga_answer_is_empty (answer) && answer->note == NULL))
    return json_node_new (JSON_NODE_NULL);

  if (answer->selected != NULL)
    {
      JsonArray *array = json_array_new ();
      for (guint i = 0; answer->selected[i] != NULL; i++)
        json_array_add_string_element (array, answer->selected[i]);
      value = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (value, array);
    }
  else if (answer->rows != NULL && item != NULL && item->columns != NULL)
    {
      JsonArray *array = json_array_new ();
      for (guint r = 0; r < answer->rows->len; r++)
        json_array_add_element (array, row_to_json (answer->rows->pdata[r], item));
      value = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (value, array);
    }
  else if (!answer->not_applicable && answer->value.kind != GA_VALUE_BLANK)
    value = ga_value_to_json (&answer->value);

  if (!answer->not_applicable && answer->note == NULL && value != NULL)
    return value;

  obj = json_object_new ();
  if (answer->not_applicable)
    {
      if (answer->na_reason != NULL)
        json_object_set_string_member (obj, "na", answer->na_reason);
      else
        json_object_set_boolean_member (obj, "na", TRUE);
      g_clear_pointer (&value, json_node_unref);
    }
  else if (value != NULL)
    json_object_set_member (obj, "value", value);
  if (answer->note != NULL)
    json_object_set_string_member (obj, "note", answer->note);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}

/* ------------------------------------------------------------------------ */
/* Typed text                                                               */

static gboolean
word_in (const char         *text,
         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0 || g_str_equal (text, words[i]))
      return TRUE;
  return FALSE;
}

static const GaOption *
option_by_text (GPtrArray  *options,
                const char *text)
{
  const GaOption *o = find_option (options, text);

  if (o != NULL)
    return o;
  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      o = options->pdata[i];
      if (g_ascii_strcasecmp (o->id, text) == 0
          || g_strcmp0 (o->label.zh, text) == 0
          || (o->label.en != NULL && g_utf8_collate (o->label.en, text) == 0)
          || (o->label.en != NULL && g_ascii_strcasecmp (o->label.en, text) == 0))
        return o;
    }
  return NULL;
}

/* "na", "n/a", "不适用", optionally followed by ":" or "：" and a reason. */
static gboolean
parse_na_text (const char  *text,
               char       **reason)
{
  static const char * const prefixes[] = { "不适用", "n/a", "na", NULL };

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      gsize n = strlen (prefixes[i]);
      const char *rest;
      if (g_ascii_strncasecmp (text, prefixes[i], n) != 0)
        continue;
      rest = text + n;
      if (*rest == '\0')
        {
          *reason = NULL;
          return TRUE;
        }
      if (*rest == ':')
        rest++;
      else if (g_str_has_prefix (rest, "："))
        rest += strlen ("：");
      else
        continue;
      *reason = g_strstrip (g_strdup (rest));
      if (**reason == '\0')
        g_clear_pointer (reason, g_free);
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_number_text (const char *text,
                   double     *out)
{
  char *end = NULL;
  double v;

  if (*text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || isnan (v))
    return FALSE;
  *out = v;
  return TRUE;
}

GaAnswer *
ga_answer_parse_text (const char    *text,
                      const GaItem  *item,
                      GError       **error)
{
  static const char * const yes_words[] = { "yes", "y", "true", "1", "是", "符合", "对", NULL };
  static const char * const no_words[] = { "no", "n", "false", "0", "否", "不符合", NULL };
  static const char * const partial_words[] = { "partial", "p", "partly", "部分符合", "部分",
                                                NULL };
  g_autoptr(GaAnswer) answer = ga_answer_new ();
  g_autofree char *trimmed = NULL;
  g_autofree char *reason = NULL;
  double v;

  g_return_val_if_fail (item != NULL, NULL);

  if (item->kind == GA_ITEM_COMPUTED)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
                   "item '%s' is computed from other answers and cannot be answered", item->id);
      return NULL;
    }
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s': the answer is not valid UTF-8 text", item->id);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return g_steal_pointer (&answer);

  if (item->kind != GA_ITEM_TEXT && parse_na_text (trimmed, &reason))
    {
      if (!set_na (answer, item, reason, error))
        return NULL;
      return g_steal_pointer (&answer);
    }
  if (item->kind == GA_ITEM_TEXT && g_ascii_strncasecmp (trimmed, "na:", 3) == 0)
    {
      if (!set_na (answer, item, g_strstrip (trimmed + 3), error))
        return NULL;
      return g_steal_pointer (&answer);
    }

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      if (word_in (trimmed, yes_words))
        ga_value_set_text (&answer->value, GA_COMPLIANCE_YES);
      else if (word_in (trimmed, partial_words))
        ga_value_set_text (&answer->value, GA_COMPLIANCE_PARTIAL);
      else if (word_in (trimmed, no_words))
        ga_value_set_text (&answer->value, GA_COMPLIANCE_NO);
      else
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "item '%s': '%s' is not an answer to a compliance check (allowed: yes/符合, "
                       "partial/部分符合, no/不符合, na:reason)", item->id, trimmed);
          return NULL;
        }
      break;
    case GA_ITEM_YESNO:
      if (word_in (trimmed, yes_words))
        ga_value_set_boolean (&answer->value, TRUE);
      else if (word_in (trimmed, no_words))
        ga_value_set_boolean (&answer->value, FALSE);
      else
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "item '%s': '%s' is not yes or no (allowed: yes/是, no/否, na:reason)",
                       item->id, trimmed);
          return NULL;
        }
      break;
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
      {
        g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
        gboolean points = item->kind == GA_ITEM_POINTS;
        if (!parse_number_text (trimmed, &v))
          {
            g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                         "item '%s': '%s' is not a number (write it like 12.5)", item->id,
                         trimmed);
            return NULL;
          }
        if (!check_number (v, points ? 0 : item->min, points ? item->points : item->max,
                           points ? FALSE : item->integer, points ? "points" : item->unit, what,
                           error))
          return NULL;
        ga_value_set_number (&answer->value, v);
      }
      break;
    case GA_ITEM_CHOICE:
      {
        const GaOption *o = option_by_text (item->options, trimmed);
        if (o == NULL)
          {
            g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
            check_option (item->options, trimmed, what, error);
            return NULL;
          }
        ga_value_set_text (&answer->value, o->id);
      }
      break;
    case GA_ITEM_MULTI:
      {
        g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GRegex) sep = g_regex_new ("\\s*[,;，；、]\\s*", 0, 0, NULL);
        g_auto(GStrv) parts = g_regex_split (sep, trimmed, 0);
        for (guint i = 0; parts[i] != NULL; i++)
          {
            const GaOption *o;
            if (*parts[i] == '\0')
              continue;
            o = option_by_text (item->options, parts[i]);
            if (o == NULL)
              {
                g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
                check_option (item->options, parts[i], what, error);
                return NULL;
              }
            for (guint k = 0; k < ids->len; k++)
              if (g_str_equal (ids->pdata[k], o->id))
                {
                  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                               "item '%s': option '%s' is chosen twice", item->id, o->id);
                  return NULL;
                }
            g_ptr_array_add (ids, g_strdup (o->id));
          }
        g_ptr_array_add (ids, NULL);
        answer->selected = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
      }
      break;
    case GA_ITEM_TEXT:
      ga_value_set_text (&answer->value, trimmed);
      break;
    case GA_ITEM_DATE:
      if (!ga_answer_is_iso_date (trimmed))
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "item '%s': '%s' is not a date (use YYYY-MM-DD, e.g. 2025-12-31)",
                       item->id, trimmed);
          return NULL;
        }
      ga_value_set_text (&answer->value, trimmed);
      break;
    case GA_ITEM_TABLE:
      {
        g_autoptr(JsonParser) parser = NULL;
        g_autoptr(GError) local_error = NULL;
        const char *first = item->columns->len > 0
                            ? ((GaColumn *) item->columns->pdata[0])->id : "column";

        parser = ga_json_parse_bounded (trimmed, -1, GA_JSON_MAX_DEPTH, &local_error);
        if (parser == NULL)
          {
            g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                         "item '%s': a table is answered with a JSON list of rows, like "
                         "[{\"%s\": …}]; %s", item->id, first, local_error->message);
            return NULL;
          }
        if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
          {
            g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                         "item '%s': a table is answered with a JSON list of rows, like "
                         "[{\"%s\": …}]", item->id, first);
            return NULL;
          }
        return ga_answer_from_json (json_parser_get_root (parser), item, error);
      }
    default:
      break;
    }
  return g_steal_pointer (&answer);
}

/* ------------------------------------------------------------------------ */
/* Answer sets                                                              */

struct _GaAnswerSet {
  GHashTable *answers;   /* item id -> GaAnswer* */
};

GaAnswerSet *
ga_answer_set_new (void)
{
  GaAnswerSet *set = g_new0 (GaAnswerSet, 1);

  set->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) ga_answer_free);
  return set;
}

void
ga_answer_set_free (GaAnswerSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->answers);
  g_free (set);
}

GaAnswerSet *
ga_answer_set_copy (GaAnswerSet *set)
{
  GaAnswerSet *copy = ga_answer_set_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (set == NULL)
    return copy;
  g_hash_table_iter_init (&iter, set->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->answers, g_strdup (key), ga_answer_copy (value));
  return copy;
}

const GaAnswer *
ga_answer_set_get (GaAnswerSet *set,
                   const char  *item_id)
{
  g_return_val_if_fail (set != NULL, NULL);
  return item_id != NULL ? g_hash_table_lookup (set->answers, item_id) : NULL;
}

void
ga_answer_set_take (GaAnswerSet *set,
                    const char  *item_id,
                    GaAnswer    *answer)
{
  g_return_if_fail (set != NULL && item_id != NULL);
  if (answer == NULL)
    g_hash_table_remove (set->answers, item_id);
  else
    g_hash_table_replace (set->answers, g_strdup (item_id), answer);
}

guint
ga_answer_set_size (GaAnswerSet *set)
{
  return set != NULL ? g_hash_table_size (set->answers) : 0;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
ga_answer_set_get_ids (GaAnswerSet *set)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (set == NULL)
    return ids;
  g_hash_table_iter_init (&iter, set->answers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort (ids, compare_ids);
  return ids;
}

GaAnswerSet *
ga_answer_set_new_from_json (JsonNode    *root,
                             GaTemplate  *tmpl,
                             GError     **error)
{
  g_autoptr(GaAnswerSet) set = ga_answer_set_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  JsonObject *obj, *answers;
  JsonNode *answers_node, *template_node;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  g_return_val_if_fail (tmpl != NULL, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "$: an answers file is an object {\"template\": …, \"answers\": {…}}, "
                   "found %s", json_kind (root));
      return NULL;
    }
  if (!ga_json_node_depth_ok (root, GA_JSON_MAX_DEPTH))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "$: the answers are nested more than %d levels (lists and objects inside "
                   "each other)", GA_JSON_MAX_DEPTH);
      return NULL;
    }
  obj = json_node_get_object (root);
  /* In file order, so that the problems read from top to bottom. */
  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    if (!g_str_equal (key, "template") && !g_str_equal (key, "answers")
        && !g_str_equal (key, "version") && !g_str_equal (key, "content_hash") && key[0] != '_')
      g_ptr_array_add (problems, g_strdup_printf ("%s: unknown field '%s' (an answers file has "
                                                  "\"template\" and \"answers\")", key, key));

  /* Answers given to the wrong template would be checked against the wrong
   * items (ids like A1 repeat between templates): the file must say which
   * template it answers. */
  template_node = json_object_get_member (obj, "template");
  if (template_node == NULL)
    g_ptr_array_add (problems, g_strdup_printf ("$: missing required field 'template' (the id "
                                                "of the template these answers are for; "
                                                "here \"template\": \"%s\")",
                                                ga_template_get_id (tmpl)));
  else
    {
      const char *id = node_string (template_node);
      if (id == NULL)
        g_ptr_array_add (problems, g_strdup_printf ("template: expected the template id as text, "
                                                    "found %s", json_kind (template_node)));
      else if (!g_str_equal (id, ga_template_get_id (tmpl)))
        g_ptr_array_add (problems, g_strdup_printf ("template: these answers are for template "
                                                    "'%s', but the template being evaluated is "
                                                    "'%s'; use the answers with template '%s', or "
                                                    "answer template '%s'", id,
                                                    ga_template_get_id (tmpl), id,
                                                    ga_template_get_id (tmpl)));
    }

  answers_node = json_object_get_member (obj, "answers");
  if (answers_node == NULL)
    g_ptr_array_add (problems, g_strdup ("$: missing required field 'answers' (an object "
                                         "{\"item id\": answer, …})"));
  else if (!JSON_NODE_HOLDS_OBJECT (answers_node))
    g_ptr_array_add (problems, g_strdup_printf ("answers: expected an object {\"item id\": "
                                                "answer, …}, found %s", json_kind (answers_node)));
  else
    {
      answers = json_node_get_object (answers_node);
      json_object_iter_init_ordered (&iter, answers);
      while (json_object_iter_next_ordered (&iter, &key, &value))
        {
          GaItem *item = ga_template_find_item (tmpl, key);
          g_autoptr(GError) local_error = NULL;
          GaAnswer *answer;

          if (item == NULL)
            {
              g_ptr_array_add (problems, g_strdup_printf ("answers.%s: unknown item '%s' in "
                                                          "template '%s'", key, key,
                                                          ga_template_get_id (tmpl)));
              continue;
            }
          answer = ga_answer_from_json (value, item, &local_error);
          if (answer == NULL)
            {
              g_ptr_array_add (problems, g_strdup_printf ("answers.%s: %s", key,
                                                          local_error->message));
              continue;
            }
          if (ga_answer_is_empty (answer) && answer->note == NULL)
            ga_answer_free (answer);
          else
            ga_answer_set_take (set, key, answer);
        }
    }

  if (problems->len > 0)
    {
      g_autofree char *message = NULL;
      ga_problems_sort (problems, root);
      g_ptr_array_add (problems, NULL);
      message = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error_literal (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID, message);
      return NULL;
    }
  return g_steal_pointer (&set);
}

/* Answers files are limited like templates: far above any real file. */
#define MAX_ANSWERS_BYTES (64 * 1024 * 1024)

GaAnswerSet *
ga_answer_set_new_from_file (const char  *path,
                             GaTemplate  *tmpl,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL && tmpl != NULL, NULL);

  /* Messages do not repeat @path: whoever shows them puts the file name in
   * front once ("answers.json: 2:9: …"), as for templates. */
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      const char *why = local_error->message;
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        why = "it does not exist";
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        why = "permission denied";
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
        why = "it is a folder, not a file";
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE, "the file cannot be read: %s",
                   why);
      return NULL;
    }
  if (length > MAX_ANSWERS_BYTES)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE,
                   "1:1: the file is %" G_GSIZE_FORMAT " bytes; answers files are limited to "
                   "%d MB", length, MAX_ANSWERS_BYTES / (1024 * 1024));
      return NULL;
    }
  parser = ga_json_parse_bounded (data, (gssize) length, GA_JSON_MAX_DEPTH, &local_error);
  if (parser == NULL)
    {
      if (g_error_matches (local_error, GA_JSON_ERROR, GA_JSON_ERROR_EMPTY))
        g_set_error_literal (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE,
                             "1:1: the file is empty; an answers file is a JSON object "
                             "{\"template\": …, \"answers\": {…}}");
      else
        g_set_error_literal (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE,
                             local_error->message);
      return NULL;
    }
  return ga_answer_set_new_from_json (json_parser_get_root (parser), tmpl, error);
}

JsonNode *
ga_answer_set_to_json (GaAnswerSet *set,
                       GaTemplate  *tmpl)
{
  JsonObject *root = json_object_new ();
  JsonObject *answers = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  GPtrArray *items = ga_template_get_items (tmpl);

  json_object_set_string_member (root, "template", ga_template_get_id (tmpl));
  /* Items in template order, so that files diff well. */
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      const GaAnswer *answer = set != NULL ? ga_answer_set_get (set, item->id) : NULL;
      if (answer == NULL)
        continue;
      json_object_set_member (answers, item->id, ga_answer_to_json (answer, item));
    }
  json_object_set_object_member (root, "answers", answers);
  json_node_take_object (node, root);
  return node;
}

/* ------------------------------------------------------------------------ */
/* Answers built in code                                                    */

static gboolean
check_cell (const GaValue  *cell,
            const GaItem   *item,
            guint           row,
            const GaColumn *column,
            GError        **error)
{
  g_autofree char *what = g_strdup_printf ("item '%s', row %u, column '%s'", item->id, row + 1,
                                           column->id);
  gboolean ok;

  if (cell->kind == GA_VALUE_BLANK || column->kind == GA_ITEM_COMPUTED)
    return TRUE;
  switch (column->kind)
    {
    case GA_ITEM_NUMBER:
      if (cell->kind != GA_VALUE_NUMBER)
        break;
      return check_number (cell->u.number, column->min, column->max, FALSE, column->unit, what,
                           error);
    case GA_ITEM_TEXT:
      ok = cell->kind == GA_VALUE_TEXT;
      if (ok)
        return TRUE;
      break;
    case GA_ITEM_DATE:
      if (cell->kind != GA_VALUE_TEXT)
        break;
      if (!ga_answer_is_iso_date (cell->u.text))
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "%s: '%s' is not a date (use YYYY-MM-DD)", what, cell->u.text);
          return FALSE;
        }
      return TRUE;
    case GA_ITEM_CHOICE:
      if (cell->kind != GA_VALUE_TEXT)
        break;
      return check_option (column->options, cell->u.text, what, error);
    case GA_ITEM_YESNO:
      if (cell->kind == GA_VALUE_BOOLEAN)
        return TRUE;
      break;
    default:
      break;
    }
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               "%s: a %s value does not fit a column of kind '%s'", what,
               ga_value_kind_to_string (cell->kind), ga_item_kind_to_string (column->kind));
  return FALSE;
}

gboolean
ga_answer_check (const GaAnswer *answer,
                 const GaItem   *item,
                 GError        **error)
{
  g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
  const GaValue *v = &answer->value;
  const char *need = NULL;

  if (item->kind == GA_ITEM_COMPUTED)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
                   "%s is computed from other answers and cannot be answered", what);
      return FALSE;
    }
  if (answer->not_applicable)
    {
      if (!item->na_allowed)
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       "item '%s' cannot be answered 不适用 (N/A): the template requires an "
                       "answer", item->id);
          return FALSE;
        }
      return TRUE;
    }
  if (answer->selected != NULL && item->kind != GA_ITEM_MULTI)
    need = "a single value, not a list of options";
  else if (answer->rows != NULL && item->kind != GA_ITEM_TABLE)
    need = "a single value, not table rows";
  if (need != NULL)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID, "%s needs %s", what, need);
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
      need = "\"yes\", \"partial\" or \"no\"";
      break;
    case GA_ITEM_YESNO:
      if (v->kind == GA_VALUE_BLANK || v->kind == GA_VALUE_BOOLEAN)
        return TRUE;
      need = "true or false";
      break;
    case GA_ITEM_NUMBER:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_NUMBER)
        return check_number (v->u.number, item->min, item->max, item->integer, item->unit, what,
                             error);
      need = "a number";
      break;
    case GA_ITEM_POINTS:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_NUMBER)
        return check_number (v->u.number, 0, item->points, FALSE, "points", what, error);
      need = "a number of points";
      break;
    case GA_ITEM_CHOICE:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_TEXT)
        return check_option (item->options, v->u.text, what, error);
      need = "an option id";
      break;
    case GA_ITEM_MULTI:
      if (v->kind != GA_VALUE_BLANK)
        {
          need = "a list of option ids";
          break;
        }
      for (guint i = 0; answer->selected != NULL && answer->selected[i] != NULL; i++)
        {
          if (!check_option (item->options, answer->selected[i], what, error))
            return FALSE;
          for (guint k = 0; k < i; k++)
            if (g_str_equal (answer->selected[k], answer->selected[i]))
              {
                g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                             "%s: option '%s' is chosen twice", what, answer->selected[i]);
                return FALSE;
              }
        }
      return TRUE;
    case GA_ITEM_TEXT:
      if (v->kind == GA_VALUE_BLANK || v->kind == GA_VALUE_TEXT)
        return TRUE;
      need = "text";
      break;
    case GA_ITEM_DATE:
      if (v->kind == GA_VALUE_BLANK)
        return TRUE;
      if (v->kind == GA_VALUE_TEXT && ga_answer_is_iso_date (v->u.text))
        return TRUE;
      need = "a date (YYYY-MM-DD)";
      break;
    case GA_ITEM_TABLE:
      if (v->kind != GA_VALUE_BLANK)
        {
          need = "a list of rows";
          break;
        }
      for (guint r = 0; answer->rows != NULL && r < answer->rows->len; r++)
        {
          GaRow *row = answer->rows->pdata[r];
          if (row == NULL || row->n_cells != item->columns->len)
            {
              g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                           "%s, row %u: a row needs %u cells, one per column", what, r + 1,
                           item->columns->len);
              return FALSE;
            }
          for (guint c = 0; c < row->n_cells; c++)
            if (!check_cell (&row->cells[c], item, r, item->columns->pdata[c], error))
              return FALSE;
        }
      return TRUE;
    default:
      break;
    }
  {
    g_autofree char *shown = ga_value_to_display (v);
    g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                 "%s (%s): '%s' (%s) does not fit; the item needs %s", what,
                 ga_item_kind_to_string (item->kind), shown, ga_value_kind_to_string (v->kind),
                 need);
  }
  return FALSE;
}
