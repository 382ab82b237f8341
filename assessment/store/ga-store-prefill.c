/* ga-store-prefill.c: items that take the enterprise record's figures and
 * the assessment's year until they are answered
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-store-engine.h"

/* The figure @source names, NaN when the record does not give it. */
static double
prefill_figure (const char         *source,
                const GaEnterprise *enterprise,
                const GaAssessment *assessment)
{
  if (g_str_equal (source, "assessment.year"))
    return assessment != NULL && assessment->year > 0 ? assessment->year : NAN;
  if (enterprise == NULL)
    return NAN;
  if (g_str_equal (source, "enterprise.value_added"))
    return enterprise->value_added;
  if (g_str_equal (source, "enterprise.output_value"))
    return enterprise->output_value;
  if (g_str_equal (source, "enterprise.employees"))
    return enterprise->employees >= 0 ? (double) enterprise->employees : NAN;
  return NAN;
}

void
ga_store_prefill_engine (GaEngine           *engine,
                         const GaEnterprise *enterprise,
                         const GaAssessment *assessment)
{
  GaTemplate *tmpl;
  GPtrArray *items;

  g_return_if_fail (engine != NULL);
  tmpl = ga_engine_get_template (engine);
  items = ga_template_get_items (tmpl);
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      double figure;
      g_autoptr(GaAnswer) answer = NULL;
      g_autoptr(GError) error = NULL;

      if (item->prefill == NULL || ga_store_prefill_is_year_source (item->prefill)
          || g_str_has_prefix (item->prefill, "members."))
        continue;
      figure = prefill_figure (item->prefill, enterprise, assessment);
      if (isfinite (figure))
        {
          answer = ga_answer_new ();
          ga_value_set_number (&answer->value, figure);
        }
      /* A figure the item refuses (a value added of 0 where the item wants
       * more) is not offered: the item waits for an answer instead. */
      if (!ga_engine_set_default (engine, item->id, answer, &error))
        g_debug ("%s is not prefilled from %s: %s", item->id, item->prefill, error->message);
    }
}

gboolean
ga_store_prefill_assessment (GaStore   *store,
                             gint64     assessment_id,
                             GaEngine  *engine,
                             GError   **error)
{
  g_autoptr(GaAssessment) assessment = NULL;
  g_autoptr(GaEnterprise) enterprise = NULL;

  assessment = ga_store_get_assessment (store, assessment_id, error);
  if (assessment == NULL)
    return FALSE;
  enterprise = ga_store_get_enterprise (store, assessment->enterprise_id, error);
  if (enterprise == NULL)
    return FALSE;
  ga_store_prefill_engine (engine, enterprise, assessment);
  ga_store_prefill_year (store, engine, enterprise, assessment);
  ga_store_prefill_members (store, engine, enterprise, assessment);
  return TRUE;
}
