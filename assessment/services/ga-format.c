/* ga-format.c: numbers, scores and values as people read them
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-formula.h"

const char *
ga_format_language (void)
{
  /* The first entry of the user's language list decides, as it does for
   * gettext (and for ga_text_get() without a language). */
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "zh") ? "zh_CN" : "en";
}

/* Rounded as Excel's ROUND and the engine round (half away from zero), then
 * written as the engine writes numbers: always a dot (the numbers shown
 * are the numbers typed, and the answer parser reads a dot), no trailing
 * zeros, E notation from 1E+15 on. */
static char *
format_number (double      value,
               int         decimals,
               const char *missing)
{
  double rounded;

  if (!isfinite (value))
    return g_strdup (missing);
  rounded = ga_round_half_away (value, CLAMP (decimals, 0, 6));
  if (rounded == 0)
    /* Never "-0". */
    return g_strdup ("0");
  return ga_number_to_string (rounded);
}

char *
ga_format_number (double value,
                  int    decimals)
{
  return format_number (value, decimals, "–");
}

char *
ga_format_number_plain (double value,
                        int    decimals)
{
  return format_number (value, decimals, "-");
}

char *
ga_format_score (double score,
                 double max)
{
  g_autofree char *s = ga_format_number (score, 2);
  g_autofree char *m = ga_format_number (max, 2);

  /* Translators: a score and the maximum, "6.5 / 10". */
  return g_strdup_printf (_("%s / %s"), s, m);
}

const char *
ga_format_level (int level)
{
  switch (level)
    {
    case 1:
      return _("Level I (international leading)");
    case 2:
      return _("Level II (domestic advanced)");
    case 3:
      return _("Level III (domestic general)");
    case 0:
      return _("Below level III");
    default:
      return _("Level not determined yet");
    }
}

const char *
ga_format_level_numeral (int level)
{
  switch (level)
    {
    case 1:
      return "I";
    case 2:
      return "II";
    case 3:
      return "III";
    default:
      return NULL;
    }
}

char *
ga_format_summary_short (GaEngine *engine)
{
  const GaSummary *summary = ga_engine_get_summary (engine);
  GaTemplate *tmpl = ga_engine_get_template (engine);

  if (ga_template_get_scheme (tmpl) == GA_SCHEME_CLEAN_PRODUCTION)
    return g_strdup (ga_format_level (summary->level));
  if (ga_template_get_scheme (tmpl) == GA_SCHEME_NONE)
    /* Translators: answered items of all items, "12 of 40 answered". */
    return g_strdup_printf (_("%u of %u answered"), summary->answered, summary->total);
  return ga_format_score (summary->score, summary->max);
}

char *
ga_format_value (const GaValue *value,
                 const char    *unit)
{
  return ga_format_value_as (value, NULL, unit);
}

/* With @format (a template's "0.00"), a number is shown as the workbook
 * shows it, so one figure reads the same in the table, the indicators and
 * the workbook; without, to 4 decimals. */
char *
ga_format_value_as (const GaValue *value,
                    const char    *format,
                    const char    *unit)
{
  g_autofree char *text = NULL;

  switch (value->kind)
    {
    case GA_VALUE_BLANK:
      return g_strdup ("–");
    case GA_VALUE_NA:
      return g_strdup (_("N/A"));
    case GA_VALUE_NUMBER:
      text = format != NULL && isfinite (value->u.number)
               ? ga_engine_format_number (value->u.number, format)
               : ga_format_number (value->u.number, 4);
      break;
    case GA_VALUE_BOOLEAN:
      text = g_strdup (value->u.boolean ? _("Yes") : _("No"));
      break;
    case GA_VALUE_TEXT:
      /* An empty text is what a formula gives for "not yet". */
      if (value->u.text == NULL || value->u.text[0] == '\0')
        return g_strdup ("–");
      text = g_strdup (value->u.text);
      break;
    case GA_VALUE_ERROR:
    default:
      return g_strdup (ga_error_code_to_string (value->u.error.code));
    }
  if (unit != NULL && unit[0] != '\0' && value->kind == GA_VALUE_NUMBER)
    return g_strdup_printf ("%s %s", text, unit);
  return g_steal_pointer (&text);
}
