/* ga-engine-results.c: the results of an engine: look-ups and improvements
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ga-engine-private.h"
#include "ga-scheme.h"

/* ------------------------------------------------------------------------ */
/* Results                                                                  */

const GaResult *
ga_engine_get_item_result (GaEngine     *engine,
                           const GaItem *item)
{
  g_return_val_if_fail (engine != NULL && item != NULL, NULL);
  g_return_val_if_fail (item->index < engine->tmpl->items->len
                        && engine->tmpl->items->pdata[item->index] == item, NULL);
  return &engine->items[item->index];
}

GaMet
ga_result_get_met (const GaResult *result)
{
  if (result == NULL || result->status != GA_STATUS_COMPLETE)
    return GA_MET_NONE;
  if (result->veto_failed)
    return GA_MET_NOT;
  if (!result->noncompliant)
    return isfinite (result->max) || result->level > 0 ? GA_MET_FULL : GA_MET_NONE;
  /* Not fully met: some points earned is partly met. */
  return isfinite (result->score) && result->score > 0 ? GA_MET_PARTIAL : GA_MET_NOT;
}

static gboolean
is_below (const GaItem    *item,
          const GaSection *section)
{
  for (const GaSection *s = item->section; s != NULL; s = s->parent)
    if (s == section)
      return TRUE;
  return FALSE;
}

void
ga_engine_count_met (GaEngine        *engine,
                     const GaSection *section,
                     guint           *full,
                     guint           *partial,
                     guint           *not_met)
{
  guint n[4] = { 0, 0, 0, 0 };

  g_return_if_fail (engine != NULL);
  for (guint i = 0; i < engine->tmpl->items->len; i++)
    {
      const GaItem *item = engine->tmpl->items->pdata[i];

      const GaResult *r = &engine->items[i];

      if (section != NULL && !is_below (item, section))
        continue;
      /* A veto item has no points: answered and not failed is met. */
      if (item->veto && r->status == GA_STATUS_COMPLETE && !r->veto_failed)
        n[GA_MET_FULL]++;
      else
        n[ga_result_get_met (r)]++;
    }
  if (full != NULL)
    *full = n[GA_MET_FULL];
  if (partial != NULL)
    *partial = n[GA_MET_PARTIAL];
  if (not_met != NULL)
    *not_met = n[GA_MET_NOT];
}

GaFormula *
ga_engine_get_rule (GaEngine     *engine,
                    const GaItem *item)
{
  g_return_val_if_fail (engine != NULL && item != NULL, NULL);
  g_return_val_if_fail (item->index < engine->tmpl->items->len
                        && engine->tmpl->items->pdata[item->index] == item, NULL);
  return engine->istate[item->index].rule_formula;
}

const GaResult *
ga_engine_get_section_result (GaEngine        *engine,
                              const GaSection *section)
{
  g_return_val_if_fail (engine != NULL && section != NULL, NULL);
  g_return_val_if_fail (section->index < engine->tmpl->sections->len
                        && engine->tmpl->sections->pdata[section->index] == section, NULL);
  return &engine->sections[section->index];
}

const GaResult *
ga_engine_get_output_result (GaEngine       *engine,
                             const GaOutput *output)
{
  g_return_val_if_fail (engine != NULL && output != NULL, NULL);
  for (guint o = 0; o < engine->tmpl->outputs->len; o++)
    if (engine->tmpl->outputs->pdata[o] == output)
      return &engine->outputs[o];
  return NULL;
}

const GaResult *
ga_engine_lookup (GaEngine   *engine,
                  const char *id)
{
  const GaSymbol *sym;

  g_return_val_if_fail (engine != NULL, NULL);
  sym = ga_template_lookup_symbol (engine->tmpl, id);
  if (sym == NULL)
    return NULL;
  switch (sym->kind)
    {
    case GA_SYMBOL_ITEM: return &engine->items[sym->index];
    case GA_SYMBOL_SECTION: return &engine->sections[sym->index];
    case GA_SYMBOL_OUTPUT: return &engine->outputs[sym->index];
    default: return NULL;
    }
}

static void
improvement_free (gpointer data)
{
  g_free (data);
}

static int
compare_improvements (gconstpointer a,
                      gconstpointer b)
{
  const GaImprovement *ia = *(GaImprovement * const *) a;
  const GaImprovement *ib = *(GaImprovement * const *) b;

  if (ia->gain != ib->gain)
    return ia->gain > ib->gain ? -1 : 1;
  return ia->item->index < ib->item->index ? -1 : (ia->item->index > ib->item->index);
}

GPtrArray *
ga_engine_get_improvements (GaEngine *engine)
{
  GaTemplate *tmpl;
  GPtrArray *list = g_ptr_array_new_with_free_func (improvement_free);

  g_return_val_if_fail (engine != NULL, list);
  tmpl = engine->tmpl;
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      const GaResult *r = &engine->items[i];
      double gain;
      GaImprovement *imp;

      if (r->status == GA_STATUS_NA || item->veto)
        continue;
      if (ga_engine_item_is_indicator (engine, item))
        {
          /* Reaching level I adds the indicator's share to every index not
           * yet met: the gain is counted in index points of Y_I. */
          if (r->level == 1)
            continue;
          gain = (isnan (r->weight) ? 0 : r->weight) * 100;
          {
            GaSection *root = item->section;
            while (root->parent != NULL)
              root = root->parent;
            gain *= isnan (engine->sections[root->index].weight)
                    ? 0 : engine->sections[root->index].weight;
          }
        }
      else
        {
          if (isnan (item->points) || isnan (r->score) || isnan (r->max))
            continue;
          gain = item->points - r->score;
          /* Bonus points count only up to the cap. */
          if (item->bonus && !isnan (tmpl->bonus_cap))
            gain = MIN (gain, tmpl->bonus_cap - engine->summary.bonus);
        }
      /* 4.999999999999995 of 5 leaves nothing to gain (Excel's 15 digits). */
      if (!(gain > 0) || (!ga_engine_item_is_indicator (engine, item)
                          && ga_number_compare (r->score, item->points) >= 0))
        continue;
      imp = g_new0 (GaImprovement, 1);
      imp->item = item;
      imp->gain = gain;
      g_ptr_array_add (list, imp);
    }
  g_ptr_array_sort (list, compare_improvements);
  return list;
}
