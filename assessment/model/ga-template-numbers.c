/* ga-template-numbers.c: the number every item is listed by
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists (the improvement list, History, search, the check, the report and
 * the workbook) name an item by "number title". The number is the
 * standard's clause when every item of the template has one that reads as a
 * number ("5.2.1", "4.3a") and no two share it; otherwise it is the item's
 * position in its first-level section ("3.2": the second item of the
 * third), counted in the template's item order. One rule for the whole
 * template, so numbers of one kind are never mixed in a list.
 */
#include "config.h"

#include "ga-template-private.h"

/* A clause that can stand as an item's number: "5.2.1", "4.3a". */
gboolean
ga_clause_is_number (const char *clause)
{
  const char *p = clause;

  if (clause == NULL || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
    p++;
  if (g_ascii_islower (*p))
    p++;
  return *p == '\0' && p - clause <= 12;
}

static void
number_section (GaSection *section,
                guint      first,
                guint     *n)
{
  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = g_ptr_array_index (section->items, i);

      g_free (item->number);
      item->number = g_strdup_printf ("%u.%u", first, ++*n);
    }
  for (guint i = 0; i < section->sections->len; i++)
    number_section (g_ptr_array_index (section->sections, i), first, n);
}

void
_ga_template_number_items (GaTemplate *tmpl)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean clauses = tmpl->items->len > 0;

  for (guint i = 0; i < tmpl->items->len && clauses; i++)
    {
      const GaItem *item = g_ptr_array_index (tmpl->items, i);

      clauses = ga_clause_is_number (item->clause) && g_hash_table_add (seen, item->clause);
    }
  if (clauses)
    {
      for (guint i = 0; i < tmpl->items->len; i++)
        {
          GaItem *item = g_ptr_array_index (tmpl->items, i);

          g_free (item->number);
          item->number = g_strdup (item->clause);
        }
      return;
    }
  for (guint i = 0; i < tmpl->root_sections->len; i++)
    {
      guint n = 0;

      number_section (g_ptr_array_index (tmpl->root_sections, i), i + 1, &n);
    }
}

const char *
ga_item_get_number (const GaItem *item)
{
  return item != NULL && item->number != NULL ? item->number : "";
}

char *
ga_item_label (const GaItem *item,
               const char   *language)
{
  const char *number = ga_item_get_number (item);
  const char *title;

  if (item == NULL)
    return g_strdup ("");
  title = ga_text_get (&item->title, language);
  if (*number == '\0')
    return g_strdup (title);
  return g_strdup_printf ("%s %s", number, title);
}
