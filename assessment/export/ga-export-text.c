/* ga-export-text.c: the texts of the workbook in its language: free texts of the template,
 * the numbers items are shown by, the rows of the sources sheet
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ga-export-book.h"

/* ------------------------------------------------------------ free texts */

static gboolean
is_cjk (gunichar c)
{
  return g_unichar_iswide (c) && g_unichar_isalpha (c);
}

/* Counts the CJK characters and the ASCII letters of @text (@length
 * bytes). */
static void
count_script (const char *text,
              gssize      length,
              guint      *cjk,
              guint      *latin)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  *cjk = *latin = 0;
  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_cjk (c))
        (*cjk)++;
      else if (c < 128 && g_ascii_isalpha (c))
        (*latin)++;
    }
}

/* Where "中文 / English" splits: the first " / " with mostly Chinese
 * before it and mostly English after it; NULL when there is none. */
static const char *
bilingual_split (const char *text)
{
  for (const char *p = strstr (text, " / "); p != NULL; p = strstr (p + 1, " / "))
    {
      guint cjk_left, latin_left, cjk_right, latin_right;

      count_script (text, p - text, &cjk_left, &latin_left);
      count_script (p + 3, -1, &cjk_right, &latin_right);
      if (cjk_left > 0 && cjk_left * 2 >= latin_left && latin_right > 3 * cjk_right)
        return p;
    }
  return NULL;
}

/* Drops parenthesised English glosses, " (business licence)", from a
 * Chinese text. */
static char *
drop_glosses (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strstr (p, " (");
      const char *close = open != NULL ? strchr (open, ')') : NULL;
      guint cjk, latin;

      if (close == NULL)
        break;
      count_script (open + 2, close - open - 2, &cjk, &latin);
      g_string_append_len (out, p, open - p);
      if (cjk > 0 || latin == 0)
        g_string_append_len (out, open, close + 1 - open);
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

char *
ex_free_text (Export     *ex,
              const char *text)
{
  const char *split;

  if (text == NULL)
    return NULL;
  split = bilingual_split (text);
  if (split != NULL && ex->zh)
    {
      g_autofree char *part = g_strndup (text, split - text);

      return drop_glosses (part);
    }
  if (split != NULL)
    return g_strstrip (g_strdup (split + 3));
  return ex->zh ? drop_glosses (text) : g_strdup (text);
}

gboolean
ex_has_english (const char *text)
{
  gboolean after_word = FALSE;

  /* Two ASCII words of two letters or more, apart only by spaces or
   * punctuation between words, read as English; "GB/T 2589", "kgce/kWh",
   * "Level I" or "Y_I" do not. */
  for (const char *p = text != NULL ? text : ""; *p != '\0';)
    {
      const char *start = p, *q;
      gboolean word;

      if (!g_ascii_isalpha (*p))
        {
          after_word = FALSE;
          p = g_utf8_next_char (p);
          continue;
        }
      while (g_ascii_isalpha (*p))
        p++;
      word = p - start >= 2 && !g_ascii_isdigit (*p) && *p != '_' && *p != '/'
             && (start == text || !(g_ascii_isalnum (start[-1]) || start[-1] == '_'
                                    || start[-1] == '/'));
      if (word && after_word)
        return TRUE;
      for (q = p; *q == ' ' || *q == ',' || *q == ';' || *q == ':' || *q == '\'' || *q == '-'
           || *q == '(' || *q == ')'; q++)
        ;
      after_word = word && q > p && g_ascii_isalpha (*q);
      p = q;
    }
  return FALSE;
}

/* A unit in the workbook's language: "产品单位/product unit" gives either
 * side; "kgce/万元" stays. NULL for an English unit in Chinese. */
char *
ex_unit_text (Export     *ex,
              const char *unit)
{
  const char *slash;

  if (unit == NULL || *unit == '\0')
    return NULL;
  for (slash = strchr (unit, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      guint cjk_left, latin_left, cjk_right, latin_right;

      count_script (unit, slash - unit, &cjk_left, &latin_left);
      count_script (slash + 1, -1, &cjk_right, &latin_right);
      if (cjk_left > 0 && latin_left == 0 && cjk_right == 0 && ex_has_english (slash + 1))
        return ex->zh ? g_strndup (unit, slash - unit) : g_strdup (slash + 1);
    }
  if (ex->zh && ex_has_english (unit))
    return NULL;
  return g_strdup (unit);
}

char *
ex_title_with_unit (const char *title,
                    const char *unit)
{
  gsize n = strlen (title);

  if (unit == NULL || *unit == '\0' || (n > 0 && title[n - 1] == ')')
      || g_str_has_suffix (title, "）") || strstr (title, unit) != NULL)
    return g_strdup (title);
  /* A column named after its unit ("kgce" in kgce/unit) reads as the unit. */
  if (n > 0 && strstr (unit, title) != NULL)
    return g_strdup (unit);
  return g_strdup_printf ("%s (%s)", title, unit);
}

/* ---------------------------------------------------------- item numbers */

/* The items' numbers are the template's (ga_item_get_number()); the
 * workbook keeps its own table so a sheet can look them up by item. */
void
ex_number_items (Export *ex)
{
  GPtrArray *items = ga_template_get_items (ex->tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (ex->numbers, (gpointer) item, g_strdup (ga_item_get_number (item)));
    }
}

const char *
ex_item_number (Export       *ex,
                const GaItem *item)
{
  const char *n = g_hash_table_lookup (ex->numbers, item);

  return n != NULL ? n : "";
}

/* -------------------------------------------------------- sources sheet */

void
ex_source_row_free (gpointer data)
{
  ExSourceRow *r = data;

  g_free (r->sheet);
  g_free (r->what);
  g_free (r->source);
  g_free (r->verification);
  g_free (r);
}

void
ex_add_source (Export     *ex,
               const char *sheet,
               const char *what,
               const char *source,
               gboolean    verified,
               const char *reason,
               gboolean    heading)
{
  ExSourceRow *r = g_new0 (ExSourceRow, 1);
  g_autofree char *why = ex_free_text (ex, reason);

  r->sheet = g_strdup (sheet);
  r->what = g_strdup (what);
  r->source = ex_free_text (ex, source);
  r->verified = verified;
  r->heading = heading;
  r->factor = g_strcmp0 (sheet, ex->factors.name) == 0;
  if (verified)
    r->verification = g_strdup (ex_tr (ex, "已核实", "verified"));
  else if (why != NULL && *why != '\0')
    r->verification = g_strdup_printf ("%s %s", EX_MARK, why);
  else
    r->verification = g_strdup_printf ("%s %s", EX_MARK, ex_tr (ex, "未经官方文本核实",
                                                                "not checked against the "
                                                                "official text"));
  g_ptr_array_add (ex->source_rows, r);
}
