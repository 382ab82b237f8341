/* ga-answer-text.c: answers typed as text ("yes", "12.5", "na: no boiler")
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-json.h"
#include "ga-answer-private.h"

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

static const char * const yes_words[] = { "yes", "y", "true", "1", "是", "符合", "对", NULL };
static const char * const no_words[] = { "no", "n", "false", "0", "否", "不符合", NULL };
static const char * const partial_words[] = { "partial", "p", "partly", "部分符合", "部分", NULL };

static gboolean
compliance_from_text (const char    *text,
                      const GaItem  *item,
                      GaAnswer      *answer,
                      GError       **error)
{
  if (word_in (text, yes_words))
    ga_value_set_text (&answer->value, GA_COMPLIANCE_YES);
  else if (word_in (text, partial_words))
    ga_value_set_text (&answer->value, GA_COMPLIANCE_PARTIAL);
  else if (word_in (text, no_words))
    ga_value_set_text (&answer->value, GA_COMPLIANCE_NO);
  else
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s': '%s' is not an answer to a compliance check (allowed: yes/符合, "
                   "partial/部分符合, no/不符合, na:reason)", item->id, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
yesno_from_text (const char    *text,
                 const GaItem  *item,
                 GaAnswer      *answer,
                 GError       **error)
{
  if (word_in (text, yes_words))
    ga_value_set_boolean (&answer->value, TRUE);
  else if (word_in (text, no_words))
    ga_value_set_boolean (&answer->value, FALSE);
  else
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s': '%s' is not yes or no (allowed: yes/是, no/否, na:reason)",
                   item->id, text);
      return FALSE;
    }
  return TRUE;
}

/* A number, or a number of points (from 0 to the item's points). */
static gboolean
number_from_text (const char    *text,
                  const GaItem  *item,
                  GaAnswer      *answer,
                  GError       **error)
{
  g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
  gboolean points = item->kind == GA_ITEM_POINTS;
  double v;

  if (!parse_number_text (text, &v))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s': '%s' is not a number (write it like 12.5)", item->id, text);
      return FALSE;
    }
  if (!ga_answer_check_number (v, points ? 0 : item->min, points ? item->points : item->max,
                               points ? FALSE : item->integer, points ? "points" : item->unit,
                               what, error))
    return FALSE;
  ga_value_set_number (&answer->value, v);
  return TRUE;
}

/* An option by its id or its label, in either language. */
static gboolean
choice_from_text (const char    *text,
                  const GaItem  *item,
                  GaAnswer      *answer,
                  GError       **error)
{
  const GaOption *o = option_by_text (item->options, text);

  if (o == NULL)
    {
      g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
      ga_answer_check_option (item->options, text, what, error);
      return FALSE;
    }
  ga_value_set_text (&answer->value, o->id);
  return TRUE;
}

/* Options separated by commas, semicolons or 、, each chosen once. */
static gboolean
multi_from_text (const char    *text,
                 const GaItem  *item,
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
      o = option_by_text (item->options, parts[i]);
      if (o == NULL)
        {
          g_autofree char *what = g_strdup_printf ("item '%s'", item->id);
          ga_answer_check_option (item->options, parts[i], what, error);
          return FALSE;
        }
      for (guint k = 0; k < ids->len; k++)
        if (g_str_equal (ids->pdata[k], o->id))
          {
            g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                         "item '%s': option '%s' is chosen twice", item->id, o->id);
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
                const GaItem  *item,
                GaAnswer      *answer,
                GError       **error)
{
  if (!ga_answer_is_iso_date (text))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "item '%s': '%s' is not a date (use YYYY-MM-DD, e.g. 2025-12-31)",
                   item->id, text);
      return FALSE;
    }
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

/* The value of @answer from @text (trimmed, not N/A) for the kinds read as
 * one value; tables are read by table_from_text(). */
static gboolean
value_from_text (const char    *text,
                 const GaItem  *item,
                 GaAnswer      *answer,
                 GError       **error)
{
  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      return compliance_from_text (text, item, answer, error);
    case GA_ITEM_YESNO:
      return yesno_from_text (text, item, answer, error);
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
      return number_from_text (text, item, answer, error);
    case GA_ITEM_CHOICE:
      return choice_from_text (text, item, answer, error);
    case GA_ITEM_MULTI:
      return multi_from_text (text, item, answer, error);
    case GA_ITEM_TEXT:
      ga_value_set_text (&answer->value, text);
      return TRUE;
    case GA_ITEM_DATE:
      return date_from_text (text, item, answer, error);
    default:
      return TRUE;
    }
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
