/* ga-answer-text.c: answers typed as text ("yes", "12.5", "na: no boiler")
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ga-json.h"
#include "ga-answer-private.h"

/* ------------------------------------------------------------------------ */
/* Typed text                                                               */

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

static const char * const partial_words[] = { "partial", "p", "partly", "部分符合", "部分", NULL };

static gboolean
compliance_from_text (const char    *text,
                      const char    *what,
                      GaAnswer      *answer,
                      GError       **error)
{
  gboolean yes;

  for (guint i = 0; partial_words[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, partial_words[i]) == 0 || g_str_equal (text, partial_words[i]))
      {
        ga_value_set_text (&answer->value, GA_COMPLIANCE_PARTIAL);
        return TRUE;
      }
  if (!ga_answer_parse_yesno (text, what, &yes, NULL))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("%s: '%s' is not an answer to a compliance check; enter yes (符合), partial "
                     "(部分符合) or no (不符合)"), what, text);
      return FALSE;
    }
  ga_value_set_text (&answer->value, yes ? GA_COMPLIANCE_YES : GA_COMPLIANCE_NO);
  return TRUE;
}

static gboolean
yesno_from_text (const char    *text,
                 const char    *what,
                 GaAnswer      *answer,
                 GError       **error)
{
  gboolean yes;

  if (!ga_answer_parse_yesno (text, what, &yes, error))
    return FALSE;
  ga_value_set_boolean (&answer->value, yes);
  return TRUE;
}

/* A number, or a number of points (from 0 to the item's points). */
static gboolean
number_from_text (const char    *text,
                  const GaItem  *item,
                  const char    *what,
                  GaAnswer      *answer,
                  GError       **error)
{
  gboolean points = item->kind == GA_ITEM_POINTS;
  double v;

  if (!ga_answer_parse_number (text, what, &v, error))
    return FALSE;
  if (!ga_answer_check_number (v, points ? 0 : item->min, points ? item->points : item->max,
                               points ? FALSE : item->integer,
                               points ? C_("unit", "points") : item->unit, what, error))
    return FALSE;
  ga_value_set_number (&answer->value, v);
  return TRUE;
}

/* An option by its id or its label, in either language. */
static gboolean
choice_from_text (const char    *text,
                  const GaItem  *item,
                  const char    *what,
                  GaAnswer      *answer,
                  GError       **error)
{
  const GaOption *o = ga_answer_option_by_text (item->options, text);

  if (o == NULL)
    return ga_answer_check_option (item->options, text, what, error);
  ga_value_set_text (&answer->value, o->id);
  return TRUE;
}

/* Options separated by commas, semicolons or 、, each chosen once. */
static gboolean
multi_from_text (const char    *text,
                 const GaItem  *item,
                 const char    *what,
                 GaAnswer      *answer,
                 GError       **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) sep = g_regex_new ("\\s*[,;，；、]\\s*", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (sep, text, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const GaOption *o;
      if (*parts[i] == '\0')
        continue;
      o = ga_answer_option_by_text (item->options, parts[i]);
      if (o == NULL)
        return ga_answer_check_option (item->options, parts[i], what, error);
      for (guint k = 0; k < ids->len; k++)
        if (g_str_equal (ids->pdata[k], o->id))
          {
            ga_answer_set_twice_error (what, o->id, error);
            return FALSE;
          }
      g_ptr_array_add (ids, g_strdup (o->id));
    }
  g_ptr_array_add (ids, NULL);
  answer->selected = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  return TRUE;
}

static gboolean
date_from_text (const char    *text,
                const char    *what,
                GaAnswer      *answer,
                GError       **error)
{
  if (!ga_answer_check_date (text, what, error))
    return FALSE;
  ga_value_set_text (&answer->value, text);
  return TRUE;
}

/* A table is typed as the JSON list of its rows, read as a JSON answer. */
static GaAnswer *
table_from_text (const char    *text,
                 const GaItem  *item,
                 GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *first = item->columns->len > 0
                      ? ((GaColumn *) item->columns->pdata[0])->id : "column";

  parser = ga_json_parse_bounded (text, -1, GA_JSON_MAX_DEPTH, &local_error);
  if (parser == NULL)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("item '%s': a table is answered with a JSON list of rows, like "
                     "[{\"%s\": …}]; %s"), item->id, first, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("item '%s': a table is answered with a JSON list of rows, like "
                     "[{\"%s\": …}]"), item->id, first);
      return NULL;
    }
  return ga_answer_from_json (json_parser_get_root (parser), item, error);
}

/* The value of @answer from @text (trimmed, not N/A) for the kinds read as
 * one value; tables are read by table_from_text(). */
static gboolean
value_from_text (const char    *text,
                 const GaItem  *item,
                 GaAnswer      *answer,
                 GError       **error)
{
  g_autofree char *what = ga_answer_what_item (item->id);

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      return compliance_from_text (text, what, answer, error);
    case GA_ITEM_YESNO:
      return yesno_from_text (text, what, answer, error);
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
      return number_from_text (text, item, what, answer, error);
    case GA_ITEM_CHOICE:
      return choice_from_text (text, item, what, answer, error);
    case GA_ITEM_MULTI:
      return multi_from_text (text, item, what, answer, error);
    case GA_ITEM_TEXT:
      ga_value_set_text (&answer->value, text);
      return TRUE;
    case GA_ITEM_DATE:
      return date_from_text (text, what, answer, error);
    default:
      return TRUE;
    }
}

/* Text that is not UTF-8 (a file in GBK, a terminal in another charset). */
static void
set_not_utf8_error (const char  *item_id,
                    GError     **error)
{
  g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
               _("item '%s': the answer is not valid UTF-8 text"), item_id);
}

GaAnswer *
ga_answer_parse_text (const char    *text,
                      const GaItem  *item,
                      GError       **error)
{
  g_autoptr(GaAnswer) answer = ga_answer_new ();
  g_autofree char *trimmed = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  if (item->kind == GA_ITEM_COMPUTED)
    {
      ga_answer_set_computed_error (item, error);
      return NULL;
    }
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      set_not_utf8_error (item->id, error);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return g_steal_pointer (&answer);

  if (item->kind != GA_ITEM_TEXT && parse_na_text (trimmed, &reason))
    {
      if (!ga_answer_mark_na (answer, item, reason, error))
        return NULL;
      return g_steal_pointer (&answer);
    }
  /* Text answers would take "na" for the text itself: only "na:" marks
   * them N/A. */
  if (item->kind == GA_ITEM_TEXT && g_ascii_strncasecmp (trimmed, "na:", 3) == 0)
    {
      if (!ga_answer_mark_na (answer, item, g_strstrip (trimmed + 3), error))
        return NULL;
      return g_steal_pointer (&answer);
    }

  if (item->kind == GA_ITEM_TABLE)
    return table_from_text (trimmed, item, error);
  if (!value_from_text (trimmed, item, answer, error))
    return NULL;
  return g_steal_pointer (&answer);
}

gboolean
ga_answer_parse_cell_text (const char      *text,
                           const GaItem    *item,
                           guint            row,
                           const GaColumn  *column,
                           GaValue         *out,
                           GError         **error)
{
  g_autofree char *what = NULL;
  g_autofree char *trimmed = NULL;
  const GaOption *o;
  gboolean yes;
  double v;

  g_return_val_if_fail (item != NULL && column != NULL && out != NULL, FALSE);

  ga_value_set_blank (out);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      set_not_utf8_error (item->id, error);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return TRUE;
  what = ga_answer_what_cell (item->id, row, column);
  switch (column->kind)
    {
    case GA_ITEM_NUMBER:
      if (!ga_answer_parse_number (trimmed, what, &v, error)
          || !ga_answer_check_number (v, column->min, column->max, FALSE, column->unit, what,
                                      error))
        return FALSE;
      ga_value_set_number (out, v);
      return TRUE;
    case GA_ITEM_DATE:
      if (!ga_answer_check_date (trimmed, what, error))
        return FALSE;
      ga_value_set_text (out, trimmed);
      return TRUE;
    case GA_ITEM_CHOICE:
      o = ga_answer_option_by_text (column->options, trimmed);
      if (o == NULL)
        return ga_answer_check_option (column->options, trimmed, what, error);
      ga_value_set_text (out, o->id);
      return TRUE;
    case GA_ITEM_YESNO:
      if (!ga_answer_parse_yesno (trimmed, what, &yes, error))
        return FALSE;
      ga_value_set_boolean (out, yes);
      return TRUE;
    case GA_ITEM_COMPUTED:
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
                   _("%s: the column is computed; remove the value %s"), what, trimmed);
      return FALSE;
    default:
      ga_value_set_text (out, trimmed);
      return TRUE;
    }
}

/* ------------------------------------------------------------------------ */
/* A block pasted from a spreadsheet                                        */

/* Reads one quoted cell starting at @p (on the opening quote) into @cell;
 * returns the position after the closing quote. */
static const char *
read_quoted_cell (const char *p,
                  GString    *cell)
{
  for (p++; *p != '\0'; p++)
    {
      if (*p == '"' && p[1] == '"')
        {
          g_string_append_c (cell, '"');
          p++;
        }
      else if (*p == '"')
        return p + 1;
      else
        g_string_append_c (cell, *p);
    }
  return p;
}

GPtrArray *
ga_answer_split_block (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text != NULL ? text : "";
  gsize len = strlen (p);

  /* The line break a spreadsheet puts after the last row ends nothing. */
  if (len > 0 && p[len - 1] == '\n')
    len--;
  if (len > 0 && p[len - 1] == '\r')
    len--;
  if (len == 0)
    return rows;
  for (const char *end = p + len;; )
    {
      if (p < end && *p == '"' && cell->len == 0)
        {
          p = read_quoted_cell (p, cell);
          if (p > end)
            p = end;
          continue;
        }
      if (p < end && *p != '\t' && *p != '\n' && *p != '\r')
        {
          g_string_append_c (cell, *p++);
          continue;
        }
      g_ptr_array_add (cells, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (p < end && *p == '\t')
        {
          p++;
          continue;
        }
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
      if (p >= end)
        break;
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
    }
  return rows;
}
