/* ga-answer-values.c: a value checked against its item or column, with the message to show
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading an answer from JSON, from typed text and checking one built in
 * code all go through these, so that each mistake gets one message.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-answer-private.h"

/* ------------------------------------------------------------------------ */
/* Checking values                                                          */

const char *
ga_answer_json_kind (JsonNode *node)
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

char *
ga_answer_json_display (JsonNode *node)
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

gboolean
ga_answer_node_number (JsonNode *node,
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

const char *
ga_answer_node_string (JsonNode *node)
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
gboolean
ga_answer_check_number (double      v,
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

const GaOption *
ga_answer_find_option (GPtrArray  *options,
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

gboolean
ga_answer_check_option (GPtrArray  *options,
                        const char *id,
                        const char *what,
                        GError    **error)
{
  g_autofree char *allowed = NULL;

  if (ga_answer_find_option (options, id) != NULL)
    return TRUE;
  allowed = options_text (options);
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               "%s: unknown option '%s' (allowed: %s)", what, id, allowed);
  return FALSE;
}

gboolean
ga_answer_mark_na (GaAnswer      *answer,
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
