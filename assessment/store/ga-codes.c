/* ga-codes.c: 统一社会信用代码, GB/T 4754 industries and GB/T 2260 regions
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ga-codes.h"

#include <string.h>

G_DEFINE_QUARK (ga-codes-error-quark, ga_codes_error)

/* GB 32100-2015, 4.2 and Annex: the 31 characters of the code in the order
 * of their values 0…30 (I, O, S, V and Z are not used because they are
 * easily confused with digits or each other). */
static const char credit_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* Weights W_i = 3^(i-1) mod 31 of positions 1…17 (GB 32100-2015, 5.2). */
static const int credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

static int
credit_char_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;
  p = strchr (credit_charset, c);
  return p != NULL ? (int) (p - credit_charset) : -1;
}

char
ga_credit_code_check_char (const char *code)
{
  int sum = 0;

  g_return_val_if_fail (code != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      int v = credit_char_value (code[i]);

      if (v < 0)
        return '\0';
      sum += v * credit_weights[i];
    }

  /* C18 = 31 − (Σ mod 31); a result of 31 is written as 0. */
  return credit_charset[(31 - sum % 31) % 31];
}

gboolean
ga_credit_code_validate (const char  *code,
                         GError     **error)
{
  gsize len;
  char expected;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (code == NULL || *code == '\0')
    {
      g_set_error_literal (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE,
                           "统一社会信用代码 is missing: enter the 18-character code printed on "
                           "the business licence");
      return FALSE;
    }

  if (!g_utf8_validate (code, -1, NULL))
    {
      g_set_error_literal (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE,
                           "统一社会信用代码 is not valid UTF-8 text");
      return FALSE;
    }

  len = g_utf8_strlen (code, -1);
  if (len != GA_CREDIT_CODE_LENGTH)
    {
      g_set_error (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE,
                   "统一社会信用代码 %s: it has %" G_GSIZE_FORMAT " characters, a code has 18",
                   code, len);
      return FALSE;
    }

  {
    guint i = 0;

    for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p), i++)
      {
        gunichar c = g_utf8_get_char (p);
        const char *hint;
        char shown[8] = { 0 };

        if (c < 0x80 && credit_char_value ((char) c) >= 0)
          continue;

        g_unichar_to_utf8 (c, shown);
        if (c >= 0x80)
          hint = "only ASCII digits and letters are used; retype full-width characters";
        else if (g_ascii_islower ((char) c))
          hint = "letters are upper-case";
        else if (strchr ("IOSVZ", (char) c) != NULL)
          hint = "the letters I, O, S, V and Z are never used";
        else
          hint = "only digits and the letters A-H J-N P-R T-U W-Y are used";

        g_set_error (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE,
                     "统一社会信用代码 %s: character %u ('%s') is not allowed (%s)",
                     code, i + 1, shown, hint);
        return FALSE;
      }
  }

  expected = ga_credit_code_check_char (code);
  if (code[17] != expected)
    {
      g_set_error (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE,
                   "统一社会信用代码 %s: the check character should be %c, not %c "
                   "(check the code against the business licence)",
                   code, expected, code[17]);
      return FALSE;
    }

  return TRUE;
}

char *
ga_credit_code_normalize (const char *text)
{
  GString *s;

  g_return_val_if_fail (text != NULL, NULL);

  s = g_string_sized_new (GA_CREDIT_CODE_LENGTH);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '\t' || *p == '\n' || *p == '\r')
        continue;
      g_string_append_c (s, g_ascii_toupper (*p));
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* GB/T 4754-2017                                                      */

static const GaIndustry industries[] = {
#include "data/gbt4754-2017.inc"
};

const GaIndustry *
ga_industry_get_all (guint *n_entries)
{
  if (n_entries != NULL)
    *n_entries = G_N_ELEMENTS (industries);
  return industries;
}

/* @query (a code without its section letter) starts @code, or @code
 * starts the digits of @query (a class within a division). */
static gboolean
code_matches (const char *code,
              const char *query)
{
  gsize n = strlen (query);

  if (n == 0)
    return FALSE;
  if (g_ascii_strncasecmp (code, query, n) == 0)
    return TRUE;
  for (const char *p = query; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return g_ascii_isdigit (code[0]) && g_str_has_prefix (query, code);
}

gboolean
ga_industry_matches (const GaIndustry *industry,
                     const char       *query)
{
  g_autofree char *q = g_strstrip (g_strdup (query != NULL ? query : ""));
  gboolean is_section = g_strcmp0 (industry->code, industry->section) == 0;

  if (q[0] == '\0')
    return TRUE;
  if (strstr (industry->name, q) != NULL)
    return TRUE;
  if (code_matches (industry->code, q))
    return TRUE;
  /* "C26", "c2": the section letter, then the division. */
  if (!is_section && g_ascii_toupper (q[0]) == industry->section[0] && q[1] != '\0')
    return code_matches (industry->code, q + 1);
  return FALSE;
}

const GaIndustry *
ga_industry_lookup (const char *code)
{
  const char *division = NULL;
  char section = '\0';

  if (code == NULL)
    return NULL;

  /* "C", "26" or "C26" (the section letter in front, as statistics forms
   * often print it). */
  if (g_ascii_isalpha (code[0]) && code[1] == '\0')
    section = g_ascii_toupper (code[0]);
  else if (g_ascii_isalpha (code[0]) && g_ascii_isdigit (code[1]) && g_ascii_isdigit (code[2])
           && code[3] == '\0')
    {
      section = g_ascii_toupper (code[0]);
      division = code + 1;
    }
  else if (g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[1]) && code[2] == '\0')
    division = code;
  else
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    {
      const GaIndustry *ind = &industries[i];

      if (division != NULL)
        {
          if (strcmp (ind->code, division) == 0)
            return (section == '\0' || ind->section[0] == section) ? ind : NULL;
        }
      else if (ind->code[0] == section && ind->code[1] == '\0')
        return ind;
    }
  return NULL;
}

const GaIndustry *
ga_industry_validate (const char  *code,
                      GError     **error)
{
  const GaIndustry *ind = ga_industry_lookup (code);

  if (ind == NULL)
    {
      const GaIndustry *div = NULL;

      /* "A26": a real division under the wrong section deserves its own hint. */
      if (code != NULL && g_ascii_isalpha (code[0]) && strlen (code) == 3)
        div = ga_industry_lookup (code + 1);
      if (div != NULL)
        g_set_error (error, GA_CODES_ERROR, GA_CODES_ERROR_INDUSTRY,
                     "industry %s: division %s (%s) belongs to section %s, not %c",
                     code, div->code, div->name, div->section, g_ascii_toupper (code[0]));
      else
        g_set_error (error, GA_CODES_ERROR, GA_CODES_ERROR_INDUSTRY,
                     "industry '%s' is not a GB/T 4754-2017 code: give a section letter A–T "
                     "or a two-digit division 01–97, e.g. C or 26 or C26",
                     code != NULL ? code : "");
    }
  return ind;
}

/* ------------------------------------------------------------------ */
/* GB/T 2260                                                           */

static const GaRegion regions[] = {
#include "data/gbt2260-provinces.inc"
};

const GaRegion *
ga_region_get_all (guint *n_entries)
{
  if (n_entries != NULL)
    *n_entries = G_N_ELEMENTS (regions);
  return regions;
}

static gboolean
is_six_digits (const char *s)
{
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return s[6] == '\0';
}

const GaRegion *
ga_region_lookup (const char *code_or_name)
{
  if (code_or_name == NULL || *code_or_name == '\0')
    return NULL;

  if (is_six_digits (code_or_name))
    {
      /* The first two digits are the province in every GB/T 2260 code. */
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        if (strncmp (regions[i].code, code_or_name, 2) == 0)
          return &regions[i];
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (strcmp (regions[i].name, code_or_name) == 0
        || strcmp (regions[i].short_name, code_or_name) == 0)
      return &regions[i];
  return NULL;
}

const GaRegion *
ga_region_validate (const char  *code_or_name,
                    GError     **error)
{
  const GaRegion *region = ga_region_lookup (code_or_name);

  if (region == NULL)
    g_set_error (error, GA_CODES_ERROR, GA_CODES_ERROR_REGION,
                 "region '%s' is not a GB/T 2260 province-level division: give a code such "
                 "as 350000 or a name such as 福建省",
                 code_or_name != NULL ? code_or_name : "");
  return region;
}

const char *
ga_credit_code_get_province (const char *code)
{
  char digits[7];

  if (code == NULL || strlen (code) < 8)
    return NULL;
  memcpy (digits, code + 2, 6);
  digits[6] = '\0';
  if (!is_six_digits (digits))
    return NULL;

  {
    const GaRegion *region = ga_region_lookup (digits);
    return region != NULL ? region->code : NULL;
  }
}
