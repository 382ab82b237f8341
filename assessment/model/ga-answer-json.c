/* ga-answer-json.c: answers read from JSON and written back
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ga-json.h"
#include "ga-answer-private.h"

gboolean
ga_answer_cell_from_json (JsonNode        *node,
                          const char      *item_id,
                          guint            row,
                          const GaColumn  *column,
                          GaValue         *out,
                          GError         **error)
{
  g_autofree char *what = ga_answer_what_cell (item_id, row, column);
  g_autofree char *shown = ga_answer_json_display (node);
  const char *s;
  double v;

  ga_value_set_blank (out);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (column->kind)
    {
    case GA_ITEM_NUMBER:
      if (!ga_answer_node_number (node, &v))
        break;
      if (!ga_answer_check_number (v, column->min, column->max, FALSE, column->unit, what, error))
        return FALSE;
      ga_value_set_number (out, v);
      return TRUE;
    case GA_ITEM_TEXT:
      if ((s = ga_answer_node_string (node)) == NULL)
        break;
      ga_value_set_text (out, s);
      return TRUE;
    case GA_ITEM_DATE:
      if ((s = ga_answer_node_string (node)) == NULL)
        break;
      if (!ga_answer_check_date (s, what, error))
        return FALSE;
      ga_value_set_text (out, s);
      return TRUE;
    case GA_ITEM_CHOICE:
      if ((s = ga_answer_node_string (node)) == NULL)
        break;
      /* A unit is checked against the row's carrier (ga-units.c). */
      if (column->units_of_column < 0
          && !ga_answer_check_option (column->options, s, what, error))
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
                   _("%s: the column is computed; remove the value %s"), what, shown);
      return FALSE;
    default:
      break;
    }
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               _("%s: %s is %s, but the column needs %s"), what, shown,
               ga_answer_json_kind (node), ga_answer_kind_need (column->kind));
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
                   _("item '%s', row %u: a row is an object {\"column\": value, …}, found %s"),
                   item->id, row_index + 1, ga_answer_json_kind (node));
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
                       _("item '%s', row %u: unknown column '%s'; the columns are %s"),
                       item->id,
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
  if (!ga_answer_row_units (item, row_index, row, TRUE, error))
    {
      ga_row_free (row);
      return NULL;
    }
  return row;
}

/* How reading the value of one kind went: read, refused with a message,
 * or of the wrong JSON type (which gets one message for every kind). */
typedef enum {
  VALUE_READ,
  VALUE_REFUSED,
  VALUE_WRONG_TYPE,
} ValueResult;

static ValueResult
compliance_from_json (JsonNode   *node,
                      const char *what,
                      GaAnswer   *answer,
                      GError    **error)
{
  const char *s = ga_answer_node_string (node);

  if (s == NULL)
    return VALUE_WRONG_TYPE;
  if (!g_str_equal (s, GA_COMPLIANCE_YES) && !g_str_equal (s, GA_COMPLIANCE_PARTIAL)
      && !g_str_equal (s, GA_COMPLIANCE_NO))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s: '%s' is not an answer to a compliance check; write \"yes\", "
                     "\"partial\" or \"no\", or {\"na\": \"reason\"} if it does not apply"),
                   what, s);
      return VALUE_REFUSED;
    }
  ga_value_set_text (&answer->value, s);
  return VALUE_READ;
}

static ValueResult
yesno_from_json (JsonNode *node,
                 GaAnswer *answer)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return VALUE_WRONG_TYPE;
  ga_value_set_boolean (&answer->value, json_node_get_boolean (node));
  return VALUE_READ;
}

/* A number, or a number of points (from 0 to the item's points). */
static ValueResult
number_from_json (JsonNode     *node,
                  const GaItem *item,
                  const char   *what,
                  GaAnswer     *answer,
                  GError      **error)
{
  gboolean points = item->kind == GA_ITEM_POINTS;
  double v;

  if (!ga_answer_node_number (node, &v))
    return VALUE_WRONG_TYPE;
  if (points && !ga_answer_check_number (v, 0, isnan (item->points) ? NAN : item->points, FALSE,
                                         C_("unit", "points"), what, error))
    return VALUE_REFUSED;
  if (!points && !ga_answer_check_number (v, item->min, item->max, item->integer, item->unit,
                                          what, error))
    return VALUE_REFUSED;
  ga_value_set_number (&answer->value, v);
  return VALUE_READ;
}

static ValueResult
choice_from_json (JsonNode     *node,
                  const GaItem *item,
                  const char   *what,
                  GaAnswer     *answer,
                  GError      **error)
{
  const char *s = ga_answer_node_string (node);

  if (s == NULL)
    return VALUE_WRONG_TYPE;
  if (!ga_answer_check_option (item->options, s, what, error))
    return VALUE_REFUSED;
  ga_value_set_text (&answer->value, s);
  return VALUE_READ;
}

/* A list of option ids, each known and chosen once. */
static ValueResult
multi_from_json (JsonNode     *node,
                 const GaItem *item,
                 const char   *what,
                 GaAnswer     *answer,
                 GError      **error)
{
  JsonArray *array;
  g_autoptr(GPtrArray) ids = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return VALUE_WRONG_TYPE;
  array = json_node_get_array (node);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = ga_answer_node_string (json_array_get_element (array, i));
      if (id == NULL)
        {
          g_autofree char *el = ga_answer_json_display (json_array_get_element (array, i));
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("%s: %s in the list is not an option id; write each option id as "
                         "text in quotes"), what, el);
          return VALUE_REFUSED;
        }
      if (!ga_answer_check_option (item->options, id, what, error))
        return VALUE_REFUSED;
      for (guint k = 0; k < ids->len; k++)
        if (g_str_equal (ids->pdata[k], id))
          {
            ga_answer_set_twice_error (what, id, error);
            return VALUE_REFUSED;
          }
      g_ptr_array_add (ids, g_strdup (id));
    }
  g_ptr_array_add (ids, NULL);
  g_strfreev (answer->selected);
  answer->selected = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  return VALUE_READ;
}

static ValueResult
text_from_json (JsonNode *node,
                GaAnswer *answer)
{
  const char *s = ga_answer_node_string (node);

  if (s == NULL)
    return VALUE_WRONG_TYPE;
  ga_value_set_text (&answer->value, s);
  return VALUE_READ;
}

static ValueResult
date_from_json (JsonNode   *node,
                const char *what,
                GaAnswer   *answer,
                GError    **error)
{
  const char *s = ga_answer_node_string (node);

  if (s == NULL)
    return VALUE_WRONG_TYPE;
  if (!ga_answer_check_date (s, what, error))
    return VALUE_REFUSED;
  ga_value_set_text (&answer->value, s);
  return VALUE_READ;
}

/* A list of row objects, each checked against the columns. */
static ValueResult
table_from_json (JsonNode     *node,
                 const GaItem *item,
                 GaAnswer     *answer,
                 GError      **error)
{
  JsonArray *array;
  g_autoptr(GPtrArray) rows = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return VALUE_WRONG_TYPE;
  array = json_node_get_array (node);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_row_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      GaRow *row = ga_answer_row_from_json (json_array_get_element (array, i), item, i, error);
      if (row == NULL)
        return VALUE_REFUSED;
      g_ptr_array_add (rows, row);
    }
  g_clear_pointer (&answer->rows, g_ptr_array_unref);
  answer->rows = g_steal_pointer (&rows);
  return VALUE_READ;
}

/* The message for a value of the wrong JSON type: what was given and what
 * the item needs. */
static void
set_wrong_type_error (JsonNode     *node,
                      const GaItem *item,
                      const char   *what,
                      GError      **error)
{
  g_autofree char *shown = ga_answer_json_display (node);

  /* TRANSLATORS: "item 'E3' (number): "abc" is text, but the item needs a
   * number"; the kind in brackets is the template's word for it */
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               _("%s (%s): %s is %s, but the item needs %s"), what,
               ga_item_kind_to_string (item->kind), shown, ga_answer_json_kind (node),
               ga_answer_kind_need (item->kind));
}

/* The value part of an answer (without N/A and note). */
static gboolean
answer_value_from_json (JsonNode      *node,
                        const GaItem  *item,
                        GaAnswer      *answer,
                        GError       **error)
{
  g_autofree char *what = ga_answer_what_item (item->id);
  ValueResult result = VALUE_WRONG_TYPE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      result = compliance_from_json (node, what, answer, error);
      break;
    case GA_ITEM_YESNO:
      result = yesno_from_json (node, answer);
      break;
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
      result = number_from_json (node, item, what, answer, error);
      break;
    case GA_ITEM_CHOICE:
      result = choice_from_json (node, item, what, answer, error);
      break;
    case GA_ITEM_MULTI:
      result = multi_from_json (node, item, what, answer, error);
      break;
    case GA_ITEM_TEXT:
      result = text_from_json (node, answer);
      break;
    case GA_ITEM_DATE:
      result = date_from_json (node, what, answer, error);
      break;
    case GA_ITEM_TABLE:
      result = table_from_json (node, item, answer, error);
      break;
    case GA_ITEM_COMPUTED:
      ga_answer_set_computed_error (item, error);
      return FALSE;
    default:
      break;
    }
  if (result != VALUE_WRONG_TYPE)
    return result == VALUE_READ;
  set_wrong_type_error (node, item, what, error);
  return FALSE;
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
      ga_answer_set_computed_error (item, error);
      return NULL;
    }
  /* A tree built in code has not been through ga_json_check(); the
   * messages below print parts of it, and printing recurses. */
  if (!ga_json_node_depth_ok (node, GA_JSON_MAX_DEPTH))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("item '%s': the answer is nested more than %d levels (lists and objects "
                     "inside each other)"), item->id, GA_JSON_MAX_DEPTH);
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
                         _("item '%s': unknown field '%s' in the answer (an answer object has "
                           "\"value\", \"note\" and \"na\")"), item->id, key);
            return NULL;
          }
      if (note != NULL && !JSON_NODE_HOLDS_NULL (note))
        {
          if (ga_answer_node_string (note) == NULL)
            {
              g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                           _("item '%s': the note must be text, found %s"), item->id,
                           ga_answer_json_kind (note));
              return NULL;
            }
          answer->note = g_strdup (ga_answer_node_string (note));
        }
      if (na != NULL && JSON_NODE_HOLDS_VALUE (na)
          && json_node_get_value_type (na) == G_TYPE_BOOLEAN && !json_node_get_boolean (na))
        {
          /* {"na": false} reads as "applicable", but says nothing about the
           * answer itself; taking it as unanswered would hide a mistake. */
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s': \"na\" must be a reason text or true; to answer the item, "
                         "give {\"value\": …} (or the value alone) and leave \"na\" out"),
                       item->id);
          return NULL;
        }
      if (na != NULL && !JSON_NODE_HOLDS_NULL (na))
        {
          const char *reason = ga_answer_node_string (na);
          if (reason == NULL && !(JSON_NODE_HOLDS_VALUE (na)
                                  && json_node_get_value_type (na) == G_TYPE_BOOLEAN))
            {
              g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                           _("item '%s': \"na\" must be a reason text or true, found %s"),
                           item->id, ga_answer_json_kind (na));
              return NULL;
            }
          if (v != NULL && !JSON_NODE_HOLDS_NULL (v))
            {
              g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                           _("item '%s': an answer is either a value or N/A, not both; leave out "
                             "\"value\" or \"na\""), item->id);
              return NULL;
            }
          if (!ga_answer_mark_na (answer, item, reason, error))
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
