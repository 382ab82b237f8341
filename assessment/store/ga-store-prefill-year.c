/* ga-store-prefill-year.c: figures an assessment takes from the same
 * enterprise's other assessments of the same year
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An annual filing reports the year's total energy, CO2, water and the
 * green-factory score; the enterprise has usually computed them already in
 * that year's energy audit and green-factory evaluation. A number item
 * that says "prefill": "energy.total_tce" takes the figure from there
 * while it has no answer (docs/template-format.md, "Figures the
 * application already has").
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-store-engine.h"

typedef struct {
  const char *source;   /* the name a template writes after "prefill" */
  const char *kind;     /* the kind of assessment the figure comes from */
  const char *id;       /* its item or output, NULL for the total score */
} YearSource;

static const YearSource year_sources[] = {
  { "energy.total_tce",        "energy-audit",  "E_total" },
  { "energy.co2_total",        "energy-audit",  "CO2_total" },
  { "energy.water_withdrawal", "energy-audit",  "water_withdrawal" },
  { "energy.sw_generated",     "energy-audit",  "sw_generated" },
  { "energy.sw_util_rate",     "energy-audit",  "sw_util_rate" },
  { "green_factory.score",     "green-factory", NULL },
};

static const YearSource *
find_source (const char *source)
{
  for (guint i = 0; source != NULL && i < G_N_ELEMENTS (year_sources); i++)
    if (strcmp (year_sources[i].source, source) == 0)
      return &year_sources[i];
  return NULL;
}

gboolean
ga_store_prefill_is_year_source (const char *source)
{
  return find_source (source) != NULL;
}

/* The newest other assessment of @kind of the same enterprise and year,
 * evaluated with its own answers and the enterprise record's figures (its
 * own year sources are not followed: no chain of assessments, no loop). */
static GaEngine *
load_same_year (GaStore            *store,
                const GaEnterprise *enterprise,
                const GaAssessment *assessment,
                const char         *kind)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = ga_store_list_assessments (store, assessment->enterprise_id, &error);
  if (list == NULL)
    {
      g_debug ("No same-year figures for assessment %" G_GINT64_FORMAT ": %s", assessment->id,
               error->message);
      return NULL;
    }
  /* The list is newest first. */
  for (guint i = 0; i < list->len; i++)
    {
      const GaAssessment *other = g_ptr_array_index (list, i);
      g_autoptr(GaTemplate) tmpl = NULL;
      g_autoptr(GaAnswerSet) set = NULL;
      g_autoptr(GaAnswerSet) filled = NULL;
      GaEngine *engine;

      if (other->id == assessment->id || other->year != assessment->year
          || g_strcmp0 (other->kind, kind) != 0)
        continue;
      tmpl = ga_store_load_template (store, other->id, &error);
      set = tmpl != NULL ? ga_store_load_answer_set (store, other->id, tmpl, &error) : NULL;
      filled = set != NULL ? ga_store_fill_ref_values (store, other->id, tmpl, set, &error) : NULL;
      if (filled == NULL)
        {
          g_debug ("Assessment %" G_GINT64_FORMAT " gives no figures: %s", other->id,
                   error != NULL ? error->message : "?");
          return NULL;
        }
      engine = ga_engine_new_with_answers (tmpl, filled);
      ga_store_prefill_engine (engine, enterprise, other);
      return engine;
    }
  return NULL;
}

/* The figure @src names in @engine, NaN when it has none: blank, an
 * error, not a number, or still incomplete (a part-filled energy table or
 * evaluation would pass on a figure that is too low). */
static double
figure_of (GaEngine         *engine,
           const YearSource *src)
{
  const GaResult *res;

  if (engine == NULL)
    return NAN;
  if (src->id == NULL)
    {
      const GaSummary *sum = ga_engine_get_summary (engine);

      return sum->status == GA_STATUS_COMPLETE ? sum->score : NAN;
    }
  res = ga_engine_lookup (engine, src->id);
  if (res == NULL || res->status != GA_STATUS_COMPLETE || !ga_value_is_number (&res->value))
    return NAN;
  return res->value.u.number;
}

static void
engine_unref0 (gpointer engine)
{
  if (engine != NULL)
    ga_engine_unref (engine);
}

void
ga_store_prefill_year (GaStore            *store,
                       GaEngine           *engine,
                       const GaEnterprise *enterprise,
                       const GaAssessment *assessment)
{
  GPtrArray *items;
  GHashTable *engines;   /* kind -> GaEngine* or NULL: each loaded once */

  g_return_if_fail (engine != NULL);
  if (store == NULL || assessment == NULL || assessment->year <= 0)
    return;
  items = ga_template_get_items (ga_engine_get_template (engine));
  engines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, engine_unref0);
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = items->pdata[i];
      const YearSource *src = find_source (item->prefill);
      GaEngine *other;
      double figure;
      g_autoptr(GaAnswer) answer = NULL;
      g_autoptr(GError) error = NULL;

      if (src == NULL)
        continue;
      if (!g_hash_table_lookup_extended (engines, src->kind, NULL, (gpointer *) &other))
        {
          other = load_same_year (store, enterprise, assessment, src->kind);
          g_hash_table_insert (engines, (gpointer) src->kind, other);
        }
      figure = figure_of (other, src);
      if (isfinite (figure))
        {
          answer = ga_answer_new ();
          ga_value_set_number (&answer->value, figure);
        }
      if (!ga_engine_set_default (engine, item->id, answer, &error))
        g_debug ("%s is not prefilled from %s: %s", item->id, item->prefill, error->message);
    }
  g_hash_table_unref (engines);
}
