/* ga-answer-values.c: a value checked against its item or column, with the message to show
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading an answer from JSON, from typed text (the application's entries,
 * `greenassess-cli answer set`) and checking one built in code all go
 * through these, so that each mistake gets one message: what is wrong, for
 * which item, and how to write it instead, in the user's language.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ga-answer-private.h"

/* ------------------------------------------------------------------------ */
/* Who and what a message is about                                          */

char *
ga_answer_what_item (const char *item_id)
{
  return g_strdup_printf (_("item '%s'"), item_id);
}

char *
ga_answer_what_cell (const char     *item_id,
                     guint           row,
                     const GaColumn *column)
{
  const char *title = ga_text_get (&column->title, NULL);

  if (title[0] != '\0' && g_strcmp0 (title, column->id) != 0)
    /* TRANSLATORS: item id, row number (from 1), column id, column title */
    return g_strdup_printf (_("item '%s', row %u, column '%s' (%s)"), item_id, row + 1,
                            column->id, title);
  /* TRANSLATORS: item id, row number (from 1), column id */
  return g_strdup_printf (_("item '%s', row %u, column '%s'"), item_id, row + 1, column->id);
}

const char *
ga_answer_kind_need (GaItemKind kind)
{
  switch (kind)
    {
    case GA_ITEM_COMPLIANCE: return _("\"yes\", \"partial\" or \"no\"");
    case GA_ITEM_YESNO: return _("true or false");
    case GA_ITEM_NUMBER: return _("a number");
    case GA_ITEM_POINTS: return _("a number of points");
    case GA_ITEM_CHOICE: return _("an option id");
    case GA_ITEM_MULTI: return _("a list of option ids");
    case GA_ITEM_DATE: return _("a date text (YYYY-MM-DD)");
    case GA_ITEM_TABLE: return _("a list of rows");
    case GA_ITEM_TEXT: return C_("what an item needs", "text");
    default: return _("a value");
    }
}

/* ------------------------------------------------------------------------ */
/* Checking values                                                          */

const char *
ga_answer_json_kind (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return C_("what a value is", "text");
    case G_TYPE_BOOLEAN: return "true/false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE: return _("a number");
    default: return _("a value");
    }
}

char *
ga_answer_json_display (JsonNode *node)
{
  g_autofree char *s = NULL;

  if (node == NULL)
    return g_strdup (_("nothing"));
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

/* Digits, an optional sign, decimal point and exponent: what people write
 * and Excel reads. g_ascii_strtod() alone would also take 0x10, inf, nan
 * and "1,5" cut at the comma. */
gboolean
ga_answer_is_decimal (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

gboolean
ga_answer_parse_number (const char  *text,
                        const char  *what,
                        double      *out,
                        GError     **error)
{
  if (!ga_answer_is_decimal (text))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s: '%s' is not a number; write it in decimal with a dot for decimals, "
                     "like 12.5 or -3"), what, text);
      return FALSE;
    }
  *out = g_ascii_strtod (text, NULL);
  return TRUE;
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

/* Written YYYY-MM-DD, whether or not the day exists. */
static gboolean
looks_like_iso_date (const char *s)
{
  static const char pattern[] = "dddd-dd-dd";

  if (strlen (s) != sizeof pattern - 1)
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != pattern[i])
      return FALSE;
  return TRUE;
}

gboolean
ga_answer_check_date (const char  *text,
                      const char  *what,
                      GError     **error)
{
  if (ga_answer_is_iso_date (text))
    return TRUE;
  if (looks_like_iso_date (text))
    g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                 _("%s: there is no day '%s' in the calendar; check the month (01 to 12) and "
                   "the day of the month"), what, text);
  else
    g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                 _("%s: '%s' is not a date; write it as YYYY-MM-DD, like 2025-06-30"), what,
                 text);
  return FALSE;
}

/* @v with its unit: "100 %", "5 points". */
static char *
with_unit (double      v,
           const char *unit)
{
  g_autofree char *number = ga_number_to_string (v);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}

/* @what names the item (and row/column) in messages; @unit is shown with
 * the bounds. */
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
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (!isfinite (v))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s: the number is out of range (too large to compute with); write an "
                     "ordinary number like 12.5"), what);
      return FALSE;
    }
  text = ga_number_to_string (v);
  if ((!isnan (min) && v < min) || (!isnan (max) && v > max))
    {
      /* "from 0 to 100 %": the unit once, after the last number. */
      lo = isnan (min) ? NULL : isnan (max) ? with_unit (min, unit) : ga_number_to_string (min);
      hi = isnan (max) ? NULL : with_unit (max, unit);
      if (lo != NULL && hi != NULL)
        g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                     _("%s: %s is out of bounds; enter a number from %s to %s"), what, text,
                     lo, hi);
      else if (lo != NULL)
        g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                     _("%s: %s is out of bounds; enter a number of at least %s"), what, text, lo);
      else
        g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                     _("%s: %s is out of bounds; enter a number of at most %s"), what, text, hi);
      return FALSE;
    }
  if (integer && v != floor (v))
    {
      g_autofree char *below = ga_number_to_string (floor (v));
      g_autofree char *above = ga_number_to_string (ceil (v));

      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s: %s is not a whole number; enter a whole number, like %s or %s"), what,
                   text, below, above);
      return FALSE;
    }
  return TRUE;
}

static const char * const yes_words[] = { "yes", "y", "true", "1", "是", "符合", "对", NULL };
static const char * const no_words[] = { "no", "n", "false", "0", "否", "不符合", NULL };

static gboolean
word_in (const char         *text,
         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0 || g_str_equal (text, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
ga_answer_parse_yesno (const char  *text,
                       const char  *what,
                       gboolean    *out,
                       GError     **error)
{
  if (word_in (text, yes_words))
    *out = TRUE;
  else if (word_in (text, no_words))
    *out = FALSE;
  else
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s: '%s' is not yes or no; enter yes (是) or no (否)"), what, text);
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
          g_string_append (s, ", ");
          g_string_append_printf (s, _("… (%u in all)"), options->len);
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

const GaOption *
ga_answer_option_by_text (GPtrArray  *options,
                          const char *text)
{
  const GaOption *o = ga_answer_find_option (options, text);

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
               _("%s: '%s' is not one of the options; choose one of %s"), what, id, allowed);
  return FALSE;
}

void
ga_answer_set_twice_error (const char  *what,
                           const char  *id,
                           GError     **error)
{
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               _("%s: option '%s' is chosen twice; choose each option once"), what, id);
}

void
ga_answer_set_computed_error (const GaItem  *item,
                              GError       **error)
{
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
               _("item '%s' is computed from other answers and cannot be answered; answer the "
                 "items it is computed from"), item->id);
}

gboolean
ga_answer_check_na (const GaItem  *item,
                    GError       **error)
{
  if (item->na_allowed)
    return TRUE;
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               _("item '%s' cannot be answered 不适用 (N/A): the template requires an answer; "
                 "give a value instead"), item->id);
  return FALSE;
}

gboolean
ga_answer_mark_na (GaAnswer      *answer,
                   const GaItem  *item,
                   const char    *reason,
                   GError       **error)
{
  if (!ga_answer_check_na (item, error))
    return FALSE;
  answer->not_applicable = TRUE;
  g_free (answer->na_reason);
  answer->na_reason = reason != NULL && *reason != '\0' ? g_strdup (reason) : NULL;
  return TRUE;
}
