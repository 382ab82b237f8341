/* ga-local-tables.c: what the local summary tables of a green-manufacturing
 * round (附件2–4) say about an enterprise, gathered from the store
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-local-tables.h"
#include "ga-store-engine.h"

/* Where an assessment's figures of 附件3 are: the ids of the bundled
 * energy audit's items and outputs (a custom template that uses the same
 * ids feeds the table too). */
static const struct {
  const char *id;
  gsize       offset;
} figure_ids[] = {
  { "output_value", G_STRUCT_OFFSET (GaExportYear, output_value) },
  { "value_added", G_STRUCT_OFFSET (GaExportYear, value_added) },
  { "E_total", G_STRUCT_OFFSET (GaExportYear, energy) },
  { "E_per_product", G_STRUCT_OFFSET (GaExportYear, energy_per_product) },
  { "CO2_total", G_STRUCT_OFFSET (GaExportYear, co2) },
  { "water_withdrawal", G_STRUCT_OFFSET (GaExportYear, water) },
  { "sw_generated", G_STRUCT_OFFSET (GaExportYear, solid_waste) },
  { "sw_util_rate", G_STRUCT_OFFSET (GaExportYear, waste_use_rate) },
};

static void
year_init (GaExportYear *y,
           int           year)
{
  y->year = year;
  for (guint i = 0; i < G_N_ELEMENTS (figure_ids); i++)
    G_STRUCT_MEMBER (double, y, figure_ids[i].offset) = NAN;
}

/* Fills the figures @y does not have yet from what @engine computes. */
static void
take_figures (GaExportYear *y,
              GaEngine     *engine)
{
  for (guint i = 0; i < G_N_ELEMENTS (figure_ids); i++)
    {
      double *field = &G_STRUCT_MEMBER (double, y, figure_ids[i].offset);
      const GaResult *res = isnan (*field) ? ga_engine_lookup (engine, figure_ids[i].id) : NULL;

      /* Only a complete figure: a total over a table nobody filled in is
       * not a fact about the enterprise. */
      if (res != NULL && res->status == GA_STATUS_COMPLETE && res->value.kind == GA_VALUE_NUMBER
          && isfinite (res->value.u.number))
        *field = res->value.u.number;
    }
}

/* The exported assessment first, then final before draft, then the most
 * recently changed: whose figures a year takes when several give one. */
static gint
by_preference (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const GaAssessment *x = *(GaAssessment * const *) a;
  const GaAssessment *y = *(GaAssessment * const *) b;
  gint64 preferred_id = *(const gint64 *) data;

  if ((x->id == preferred_id) != (y->id == preferred_id))
    return x->id == preferred_id ? -1 : 1;
  if (x->status != y->status)
    return x->status == GA_ASSESSMENT_FINAL ? -1 : 1;
  return -g_strcmp0 (x->updated_at, y->updated_at);
}

static gboolean
gather_years (GaExportLocalTables *t,
              GaStore             *store,
              const GaAssessment  *assessment,
              const GaEnterprise  *enterprise,
              GaEngine            *current,
              GError             **error)
{
  g_autoptr(GPtrArray) all = ga_store_list_assessments (store, assessment->enterprise_id, error);
  int last = assessment->year;

  if (all == NULL)
    return FALSE;
  if (last <= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      last = g_date_time_get_year (now);
    }
  g_ptr_array_sort_with_data (all, by_preference, (gpointer) &assessment->id);
  for (int year = last - 2; year <= last; year++)
    {
      GaExportYear y;

      year_init (&y, year);
      for (guint i = 0; i < all->len; i++)
        {
          const GaAssessment *a = g_ptr_array_index (all, i);
          g_autoptr(GaEngine) engine = NULL;

          if (a->year != year)
            continue;
          engine = a->id == assessment->id && current != NULL
                   ? ga_engine_ref (current) : ga_store_load_engine (store, a->id, NULL);
          /* An assessment whose answers its template cannot read gives
           * nothing here; its own export says why. */
          if (engine != NULL)
            take_figures (&y, engine);
        }
      /* The enterprise record's figures are those of the basic-information
       * sheet, which shows the exported assessment's year. */
      if (year == last && isnan (y.output_value))
        y.output_value = enterprise->output_value;
      if (year == last && isnan (y.value_added))
        y.value_added = enterprise->value_added;
      g_array_append_val (t->years, y);
    }
  return TRUE;
}

GaExportLocalTables *
ga_local_tables_gather (GaStore        *store,
                        gint64          assessment_id,
                        GaEngine       *current,
                        GaExportLevel   level,
                        int             plan_year,
                        GPtrArray     **projects,
                        GError        **error)
{
  g_autoptr(GaExportLocalTables) t = ga_export_local_tables_new ();
  g_autoptr(GaAssessment) assessment = NULL;
  g_autoptr(GaEnterprise) enterprise = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (projects != NULL, NULL);

  assessment = ga_store_get_assessment (store, assessment_id, error);
  if (assessment == NULL)
    return NULL;
  enterprise = ga_store_get_enterprise (store, assessment->enterprise_id, error);
  if (enterprise == NULL)
    return NULL;
  t->category = g_strcmp0 (assessment->kind, "green-factory") == 0
                ? GA_EXPORT_CATEGORY_FACTORY : GA_EXPORT_CATEGORY_NONE;
  t->level = level;
  t->plan_year = plan_year;
  if (!gather_years (t, store, assessment, enterprise, current, error))
    return NULL;
  *projects = ga_store_list_projects (store, enterprise->id, error);
  if (*projects == NULL)
    return NULL;
  return g_steal_pointer (&t);
}

void
ga_local_tables_set_projects (GaExportLocalTables *tables,
                              GPtrArray           *projects,
                              const char          *language)
{
  gboolean en = language != NULL && g_str_has_prefix (language, "en");

  g_ptr_array_set_size (tables->projects, 0);
  for (guint i = 0; projects != NULL && i < projects->len; i++)
    {
      const GaProject *p = g_ptr_array_index (projects, i);
      const GaProjectType *type = ga_project_find_type (p->type);
      GaExportProject *row = g_new0 (GaExportProject, 1);

      row->name = g_strdup (p->name);
      row->type = g_strdup (type == NULL ? p->type : en ? type->label_en : type->label_zh);
      row->content = g_strdup (p->content);
      row->investment = p->investment;
      row->start = g_strdup (p->start_on);
      row->end = g_strdup (p->end_on);
      row->energy_saving = p->energy_saving;
      row->co2_cut = p->co2_cut;
      row->water_saving = p->water_saving;
      row->progress = g_strdup (ga_project_progress_label (p->progress, language));
      g_ptr_array_add (tables->projects, row);
    }
}
