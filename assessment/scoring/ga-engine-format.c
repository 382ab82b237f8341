/* ga-engine-format.c: numbers and values as the explanations and the application show them
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ga-engine-private.h"

/* ------------------------------------------------------------------------ */
/* Number formats                                                           */

/* The subset of Excel number formats that templates use: an optional
 * thousands separator ("#,##0"), a number of fixed ("0") and optional ("#")
 * decimals, and an optional "%". */
typedef struct {
  gboolean grouping;
  int      fixed;
  int      optional;
  gboolean percent;
} NumberFormat;

static gboolean
parse_number_format (const char   *format,
                     NumberFormat *out)
{
  const char *p = format;

  memset (out, 0, sizeof *out);
  if (format == NULL || *format == '\0')
    return FALSE;
  if (g_str_has_prefix (p, "#,##0"))
    {
      out->grouping = TRUE;
      p += 5;
    }
  else if (*p == '0')
    p++;
  else if (*p == '#')
    p++;
  else
    return FALSE;
  if (*p == '.')
    {
      p++;
      while (*p == '0')
        {
          out->fixed++;
          p++;
        }
      while (*p == '#')
        {
          out->optional++;
          p++;
        }
    }
  if (*p == '%')
    {
      out->percent = TRUE;
      p++;
    }
  return *p == '\0' && out->fixed + out->optional <= 15;
}

static char *
format_fixed (double              v,
              const NumberFormat *f)
{
  int decimals = f->fixed + f->optional;
  g_autofree char *text = NULL;
  GString *out;
  const char *digits, *dot;

  if (f->percent)
    v *= 100;
  v = ga_round_half_away (v, decimals);
  if (v == 0)
    v = 0;   /* no "-0.00" */
  text = g_strdup_printf ("%.*f", decimals, v);
  if (f->optional > 0)
    {
      /* Optional decimals: drop their trailing zeros (and a bare point). */
      char *end = text + strlen (text) - 1;
      int dropped = 0;
      while (dropped < f->optional && *end == '0')
        {
          *end-- = '\0';
          dropped++;
        }
      if (*end == '.')
        *end = '\0';
    }
  out = g_string_new (NULL);
  digits = text;
  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  dot = strchr (digits, '.');
  {
    gsize int_len = dot != NULL ? (gsize) (dot - digits) : strlen (digits);
    for (gsize i = 0; i < int_len; i++)
      {
        if (f->grouping && i > 0 && (int_len - i) % 3 == 0)
          g_string_append_c (out, ',');
        g_string_append_c (out, digits[i]);
      }
  }
  if (dot != NULL)
    g_string_append (out, dot);
  if (f->percent)
    g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/* Rounds to @digits significant digits. */
static double
round_significant (double v,
                   int    digits)
{
  char buf[64];

  if (v == 0 || !isfinite (v))
    return v;
  g_snprintf (buf, sizeof buf, "%.*e", digits - 1, v);
  return g_ascii_strtod (buf, NULL);
}

char *
ga_engine_format_number (double      number,
                         const char *format)
{
  NumberFormat f;

  if (!isfinite (number))
    return ga_number_to_string (number);
  if (parse_number_format (format, &f))
    return format_fixed (number, &f);
  return ga_number_to_string (round_significant (number, 10));
}

/* A value as shown without a format: whole numbers as they are, others with
 * up to 4 decimals (tiny ones with 4 significant digits). */
static char *
format_plain (double v)
{
  if (v == floor (v) && fabs (v) < 1e15)
    return ga_number_to_string (v);
  if (fabs (v) >= 1e-4)
    return ga_number_to_string (ga_round_half_away (round_significant (v, 15), 4));
  return ga_number_to_string (round_significant (v, 4));
}

static char *
format_value (const GaValue *v,
              const char    *format)
{
  NumberFormat f;

  if (v->kind != GA_VALUE_NUMBER)
    return ga_value_to_display (v);
  if (parse_number_format (format, &f))
    return format_fixed (v->u.number, &f);
  return format_plain (v->u.number);
}

char *
ga_engine_format_value (GaEngine   *engine,
                        const char *id)
{
  const GaSymbol *sym;

  g_return_val_if_fail (engine != NULL && id != NULL, NULL);
  sym = ga_template_lookup_symbol (engine->tmpl, id);
  if (sym == NULL)
    return NULL;
  switch (sym->kind)
    {
    case GA_SYMBOL_ITEM:
      return format_value (&engine->items[sym->index].value,
                           ((GaItem *) engine->tmpl->items->pdata[sym->index])->format);
    case GA_SYMBOL_SECTION:
      return format_value (&engine->sections[sym->index].value, NULL);
    case GA_SYMBOL_OUTPUT:
      return format_value (&engine->outputs[sym->index].value,
                           ((GaOutput *) engine->tmpl->outputs->pdata[sym->index])->format);
    default:
      return NULL;
    }
}

char *
ga_engine_value_text_formatted (const GaValue *v,
                      const char    *unit,
                      const char    *format)
{
  g_autofree char *s = NULL;

  if (v->kind == GA_VALUE_NUMBER)
    s = format_value (v, format);
  else if (v->kind == GA_VALUE_ERROR)
    return g_strdup_printf ("%s%s%s", ga_error_code_to_string (v->u.error.code),
                            v->u.error.message != NULL ? " " : "",
                            v->u.error.message != NULL ? v->u.error.message : "");
  else if (v->kind == GA_VALUE_BLANK)
    return g_strdup (_("(not answered)"));
  else
    s = ga_value_to_display (v);
  if (unit != NULL && *unit != '\0')
    return g_strdup_printf ("%s %s", s, unit);
  return g_steal_pointer (&s);
}

char *
ga_engine_value_text (const GaValue *v,
            const char    *unit)
{
  return ga_engine_value_text_formatted (v, unit, NULL);
}

