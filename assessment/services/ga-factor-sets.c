/* ga-factor-sets.c: the grid emission factors an energy audit starts with
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-factor-sets.h"
#include "ga-format.h"
#include "ga-store-engine.h"

#define GRID_TABLE  "grid_ef"
#define YEAR_ITEM   "grid_year"
#define REGION_ITEM "grid_region"

static void
factor_set_free (gpointer data)
{
  GaFactorSet *set = data;

  g_free (set->id);
  g_free (set->title);
  g_free (set);
}

GPtrArray *
ga_factor_sets_list (void)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (factor_set_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) ids = ga_template_list_bundled ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (ids[i], NULL);
      GaLookupTable *table;

      /* A bundled template that fails to load is reported where templates
       * are listed; here it just contributes nothing. */
      if (tmpl == NULL || ga_template_get_kind (tmpl) != GA_TEMPLATE_KIND_ENERGY_AUDIT)
        continue;
      table = ga_template_find_table (tmpl, GRID_TABLE);
      if (table == NULL)
        continue;

      for (guint j = 0; j < table->rows->len; j++)
        {
          GaTableRow *row = g_ptr_array_index (table->rows, j);
          const GaValue *ef = ga_lookup_table_get (table, row->key, "ef");
          g_autofree char *number = NULL;
          GaFactorSet *set;

          if (g_hash_table_contains (seen, row->key))
            continue;
          g_hash_table_add (seen, g_strdup (row->key));

          number = ef != NULL && ef->kind == GA_VALUE_NUMBER ? ga_format_number (ef->u.number, 4)
                                                             : g_strdup ("–");
          set = g_new0 (GaFactorSet, 1);
          set->id = g_strdup (row->key);
          set->verified = row->verified;
          if (row->verified)
            /* Translators: a grid factor: "2022 East China — 0.5992 kgCO2/kWh". */
            set->title = g_strdup_printf (_("%s — %s kgCO2/kWh"),
                                          ga_text_get (&row->label, NULL), number);
          else
            set->title = g_strdup_printf (_("%s — %s kgCO2/kWh (not verified)"),
                                          ga_text_get (&row->label, NULL), number);
          g_ptr_array_add (sets, set);
        }
    }

  return g_steal_pointer (&sets);
}

static gboolean
has_option (const GaItem *item,
            const char   *id)
{
  for (guint i = 0; item->options != NULL && i < item->options->len; i++)
    if (g_strcmp0 (((GaOption *) g_ptr_array_index (item->options, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
ga_factor_sets_apply (GaStore     *store,
                      gint64       assessment_id,
                      GaTemplate  *tmpl,
                      const char  *id,
                      GError     **error)
{
  GaItem *year_item = ga_template_find_item (tmpl, YEAR_ITEM);
  GaItem *region_item = ga_template_find_item (tmpl, REGION_ITEM);
  g_autofree char *year = NULL;
  const char *underscore;

  if (id == NULL || id[0] == '\0' || year_item == NULL || region_item == NULL)
    return TRUE;
  underscore = strchr (id, '_');
  if (underscore == NULL)
    return TRUE;
  year = g_strndup (id, underscore - id);
  if (!has_option (year_item, year) || !has_option (region_item, underscore + 1))
    return TRUE;

  {
    g_autoptr(GaAnswer) year_answer = ga_answer_new ();
    g_autoptr(GaAnswer) region_answer = ga_answer_new ();

    ga_value_set_text (&year_answer->value, year);
    ga_value_set_text (&region_answer->value, underscore + 1);
    return ga_store_set_answer (store, assessment_id, year_item, year_answer, error)
           && ga_store_set_answer (store, assessment_id, region_item, region_answer, error);
  }
}
