/* ga-engine-sections.c: evaluation of sections, outputs and the summary
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Section nodes add up what is below them under the N/A policy, clean-
 * production categories their indicators' weights and levels; the summary
 * adds up the first-level sections.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ga-engine-private.h"
#include "ga-scheme.h"

/* ------------------------------------------------------------------------ */
/* Sections                                                                 */

gboolean
ga_engine_eval_section_applicable (GaEngine *engine,
                                   guint     index)
{
  GaSection *section = engine->tmpl->sections->pdata[index];
  GaSectionApplicable *sa = &engine->sa[index];
  GaApplicability old_state = sa->state, parent, own = GA_APPLIES;
  GaValue v = GA_VALUE_INIT;
  gboolean changed;

  parent = section->parent != NULL ? engine->sa[section->parent->index].state : GA_APPLIES;
  if (parent != GA_APPLIES_NOT && sa->applicable.formula != NULL)
    {
      ga_engine_eval_formula (engine, &sa->applicable, 0, 0, &v);
      own = ga_engine_applicability_of (&v);
    }
  sa->state = ga_engine_applicability_and (parent, own);
  sa->from_parent = parent != GA_APPLIES && (parent == GA_APPLIES_NOT || own == GA_APPLIES);
  changed = old_state != sa->state || !ga_engine_same_value (&sa->value, &v);
  ga_value_clear (&sa->value);
  sa->value = v;
  return changed;
}

typedef struct {
  double   earned;
  double   app_max;
  double   na_max;
  guint    n_children;
  guint    n_na;
  gboolean any_error;
  gboolean any_incomplete;
} Tally;

static void
tally_child (Tally          *t,
             const GaResult *r,
             double          full_points,
             gboolean        counts)
{
  t->n_children++;
  if (r->status == GA_STATUS_NA)
    t->n_na++;
  else if (r->status == GA_STATUS_ERROR)
    t->any_error = TRUE;
  else if (r->status == GA_STATUS_INCOMPLETE)
    t->any_incomplete = TRUE;
  if (!counts)
    return;
  if (r->status == GA_STATUS_NA)
    t->na_max += full_points;
  else
    {
      t->earned += r->score;
      t->app_max += r->max;
    }
}

static void
eval_category (GaEngine       *engine,
               GaSection      *section,
               GaSectionState *ns,
               GaResult       *r)
{
  GPtrArray *indicators = ns->indicators;
  double sum = 0;
  gboolean incomplete = FALSE, error = FALSE;
  GaValue problem = GA_VALUE_INIT;
  double w;

  ns->limiting_worst = 0;
  ns->others_worst = 0;
  for (guint k = 0; k < 3; k++)
    ns->index[k] = 0;

  for (guint j = 0; j < indicators->len; j++)
    {
      guint index = ns->weighted[j].index;

      if (engine->items[index].status == GA_STATUS_NA)
        continue;
      if (!isnan (engine->raw_weight[index]))
        sum += engine->raw_weight[index];
    }
  ns->weight_sum = sum;

  for (guint j = 0; j < indicators->len; j++)
    {
      guint index = ns->weighted[j].index;
      GaResult *ir = &engine->items[index];
      double raw = engine->raw_weight[index];
      double wj;
      int worst;

      if (ir->status == GA_STATUS_NA)
        {
          ir->weight = 0;
          continue;
        }
      wj = sum > 0 && !isnan (raw) ? raw / sum : 0;
      ir->weight = wj;
      if (ir->status == GA_STATUS_ERROR)
        error = TRUE;
      else if (ir->status == GA_STATUS_INCOMPLETE)
        incomplete = TRUE;
      /* An applicable indicator without a level contributes nothing. */
      for (int k = 0; k < 3; k++)
        if (ir->level >= 1 && ir->level <= k + 1)
          ns->index[k] += wj * 100;
      worst = ir->level >= 1 && ir->level <= 3 ? ir->level : 4;
      if (ns->weighted[j].flags & GA_CHILD_LIMITING)
        ns->limiting_worst = MAX (ns->limiting_worst, worst);
      else
        ns->others_worst = MAX (ns->others_worst, worst);
    }

  ns->w = NAN;
  ns->w_status = GA_STATUS_COMPLETE;
  if (ns->weight.formula != NULL)
    {
      if (ga_engine_evaluate_number (engine, &ns->weight, &w, &problem))
        ns->w = w;
      else
        ns->w_status = ga_engine_status_of_problem (&problem) == GA_STATUS_ERROR
                       ? GA_STATUS_ERROR : GA_STATUS_INCOMPLETE;
      ga_value_clear (&problem);
    }
  if (ns->w_status == GA_STATUS_ERROR)
    error = TRUE;
  else if (ns->w_status == GA_STATUS_INCOMPLETE)
    incomplete = TRUE;

  if (r->status != GA_STATUS_NA)
    {
      if (sum <= 0)
        r->status = incomplete || error ? r->status : GA_STATUS_NA;
      if (r->status != GA_STATUS_NA)
        {
          if (error)
            r->status = GA_STATUS_ERROR;
          else if (incomplete && r->status == GA_STATUS_COMPLETE)
            r->status = GA_STATUS_INCOMPLETE;
        }
    }
}

static gboolean
same_section_state (const GaSectionState *a,
                    const GaSectionState *b)
{
  for (guint k = 0; k < 3; k++)
    if (!ga_engine_same_double (a->index[k], b->index[k]))
      return FALSE;
  return ga_engine_same_double (a->bonus, b->bonus) && a->veto_fail == b->veto_fail
         && a->veto_pending == b->veto_pending && ga_engine_same_double (a->na_points, b->na_points)
         && ga_engine_same_double (a->applicable_max,
                                   b->applicable_max) && ga_engine_same_double (a->w, b->w)
         && a->w_status == b->w_status && ga_engine_same_double (a->weight_sum, b->weight_sum)
         && a->limiting_worst == b->limiting_worst && a->others_worst == b->others_worst;
}

/* Adds (@sign 1) or takes away (-1) what first-level section @index
 * counts in the summary (see ga_engine_update_summary()). */
void
ga_engine_root_tally (GaEngine *engine,
                      guint     index,
                      int       sign)
{
  GaRootTally *t = &engine->roots;
  const GaResult *r = &engine->sections[index];
  const GaSectionState *ss = &engine->sstate[index];

  t->answered += sign * (int) r->answered;
  t->total += sign * (int) r->total;
  t->veto_fail += sign * (int) ss->veto_fail;
  t->veto_pending += sign * (int) ss->veto_pending;
  t->n_na += sign * (r->status == GA_STATUS_NA);
  t->n_error += sign * (r->status == GA_STATUS_ERROR);
  t->n_incomplete += sign * (r->status == GA_STATUS_INCOMPLETE);
}

gboolean
ga_engine_eval_section (GaEngine *engine,
                        guint     index)
{
  GaTemplate *tmpl = engine->tmpl;
  GaSection *section = tmpl->sections->pdata[index];
  GaSectionState *ss = &engine->sstate[index];
  GaSectionState old = *ss;
  GaResult *stored = &engine->sections[index];
  GaApplicability applies = engine->sa[index].state;
  gboolean points_scheme = tmpl->scheme == GA_SCHEME_POINTS;
  Tally t = { 0 };
  GaResult r;
  gboolean changed;

  if (section->parent == NULL)
    ga_engine_root_tally (engine, index, -1);
  ga_engine_result_init (&r);
  r.weight = stored->weight;
  ss->bonus = 0;
  ss->veto_fail = 0;
  ss->veto_pending = 0;

  for (guint i = 0; i < ss->n_children; i++)
    {
      const GaSectionChild *child = &ss->children[i];
      const GaResult *ir = &engine->items[child->index];

      r.answered += ir->answered;
      r.total += ir->total;
      if ((child->flags & GA_CHILD_VETO) && ir->status != GA_STATUS_NA)
        {
          if (ir->veto_failed)
            ss->veto_fail++;
          else if (ir->status != GA_STATUS_COMPLETE)
            ss->veto_pending++;
        }
      if ((child->flags & GA_CHILD_BONUS) && ir->status != GA_STATUS_NA && !isnan (ir->score))
        ss->bonus += ir->score;
      tally_child (&t, ir, child->points, child->flags & GA_CHILD_COUNTS);
    }
  for (guint c = 0; c < section->sections->len; c++)
    {
      GaSection *child = section->sections->pdata[c];
      const GaResult *cr = &engine->sections[child->index];
      const GaSectionState *cs = &engine->sstate[child->index];

      r.answered += cr->answered;
      r.total += cr->total;
      ss->veto_fail += cs->veto_fail;
      ss->veto_pending += cs->veto_pending;
      ss->bonus += cs->bonus;
      tally_child (&t, cr, cs->full_points, points_scheme);
    }

  ss->na_points = t.na_max;
  ss->applicable_max = t.app_max;
  if (applies == GA_APPLIES_NOT || (t.n_children > 0 && t.n_na == t.n_children))
    r.status = GA_STATUS_NA;
  else if (t.any_error || applies == GA_APPLIES_ERROR)
    r.status = GA_STATUS_ERROR;
  else if (t.any_incomplete || applies == GA_APPLIES_UNKNOWN)
    r.status = GA_STATUS_INCOMPLETE;
  else
    r.status = GA_STATUS_COMPLETE;

  if (points_scheme)
    {
      /* What the workbook's subtotal formulas give (ga-scheme-summary.c). */
      ga_engine_sums_section (engine, index, &r.score, &r.max);
      ga_value_set_number (&r.value, r.score);
      r.noncompliant = r.status != GA_STATUS_NA && r.score < r.max;
    }
  else if (ss->indicators != NULL)
    eval_category (engine, section, ss, &r);

  changed = !ga_engine_same_result (stored, &r) || !same_section_state (&old, ss);
  ga_value_clear (&stored->value);
  *stored = r;
  if (section->parent == NULL)
    ga_engine_root_tally (engine, index, 1);
  return changed;
}

/* ------------------------------------------------------------------------ */
/* Outputs                                                                  */

static GaStatus
status_of_value (const GaValue *v)
{
  switch (v->kind)
    {
    case GA_VALUE_BLANK: return GA_STATUS_INCOMPLETE;
    case GA_VALUE_NA: return GA_STATUS_NA;
    case GA_VALUE_ERROR: return GA_STATUS_ERROR;
    default: return GA_STATUS_COMPLETE;
    }
}

gboolean
ga_engine_eval_output (GaEngine *engine,
                       guint     index)
{
  GaResult *stored = &engine->outputs[index];
  GaValue v = GA_VALUE_INIT;
  gboolean changed;

  GaGap *gap = &engine->output_gaps[index];
  GaGap old_gap = *gap;
  GaStatus status;

  engine->gap = (GaGap) { G_MAXUINT, 0, NULL };
  engine->gap_self = NULL;
  ga_engine_eval_formula (engine, &engine->output_formula[index], 0, 0, &v);
  status = status_of_value (&v);
  *gap = (GaGap) { G_MAXUINT, 0, NULL };
  if (status == GA_STATUS_COMPLETE
      && (engine->gap.table != G_MAXUINT || engine->gap.name != NULL))
    {
      status = GA_STATUS_INCOMPLETE;
      *gap = engine->gap;
    }
  changed = !ga_engine_same_value (&stored->value, &v) || stored->status != status
            || old_gap.table != gap->table || old_gap.column != gap->column
            || old_gap.name != gap->name;
  ga_value_clear (&stored->value);
  stored->value = v;
  stored->status = status;
  return changed;
}

/* ------------------------------------------------------------------------ */
/* Summary                                                                  */

/* Clean production: the categories' effective weights, the indices
 * Y_I..Y_III and the level. */
static void
summary_clean_production (GaEngine  *engine,
                          GaSummary *s)
{
  GaTemplate *tmpl = engine->tmpl;
  double w_applicable = 0;
  gboolean any_na = FALSE;
  int limiting_worst = 0, others_worst = 0;

  for (guint i = 0; i < tmpl->root_sections->len; i++)
    {
      GaSection *section = tmpl->root_sections->pdata[i];
      const GaResult *r = &engine->sections[section->index];
      const GaSectionState *ss = &engine->sstate[section->index];
      if (r->status == GA_STATUS_NA)
        any_na = TRUE;
      else if (!isnan (ss->w))
        w_applicable += ss->w;
    }
  for (guint k = 0; k < 3; k++)
    s->index[k] = 0;
  for (guint i = 0; i < tmpl->root_sections->len; i++)
    {
      GaSection *section = tmpl->root_sections->pdata[i];
      GaResult *r = &engine->sections[section->index];
      const GaSectionState *ss = &engine->sstate[section->index];
      double w = isnan (ss->w) ? 0 : ss->w;

      /* A whole category not applicable: the standards do not say; the
       * template's N/A policy decides (award: counted as met; otherwise
       * the first-level weights are rescaled over what applies). */
      if (r->status == GA_STATUS_NA)
        {
          if (tmpl->na_policy == GA_NA_POLICY_AWARD)
            {
              r->weight = w;
              for (guint k = 0; k < 3; k++)
                s->index[k] += w * 100;
            }
          else
            r->weight = 0;
          continue;
        }
      if (any_na && tmpl->na_policy != GA_NA_POLICY_AWARD)
        w = w_applicable > 0 ? w / w_applicable : 0;
      r->weight = w;
      for (guint k = 0; k < 3; k++)
        s->index[k] += w * ss->index[k];
      limiting_worst = MAX (limiting_worst, ss->limiting_worst);
      others_worst = MAX (others_worst, ss->others_worst);
    }

  s->level = 0;
  /* The level needs every indicator and weight that applies: with one
   * missing or in error, any level could still change. */
  if (s->status == GA_STATUS_INCOMPLETE || s->status == GA_STATUS_ERROR)
    s->level = -1;
  for (guint i = 0; s->level == 0 && i < tmpl->level_rules->len; i++)
    {
      GaLevelRule *rule = tmpl->level_rules->pdata[i];
      if (ga_number_compare (s->index[rule->level - 1], rule->min_index) < 0)
        continue;
      if (rule->limiting_at_level && limiting_worst > rule->level)
        continue;
      if (rule->others_min_level > 0 && others_worst > rule->others_min_level)
        continue;
      s->level = rule->level;
      break;
    }
  s->passed = s->veto == GA_VETO_PASS && s->level >= 1;
}

void
ga_engine_update_summary (GaEngine *engine)
{
  GaTemplate *tmpl = engine->tmpl;
  GaSummary *s = &engine->summary;
  const GaRootTally *t = &engine->roots;
  guint n_roots = tmpl->root_sections->len;

  s->grade = NULL;
  s->level = -1;
  s->score = NAN;
  s->max = NAN;
  s->bonus = NAN;
  for (guint k = 0; k < 3; k++)
    s->index[k] = NAN;

  /* The first-level sections as they were evaluated (ga_engine_root_tally()). */
  s->answered = t->answered;
  s->total = t->total;
  if (n_roots > 0 && t->n_na == n_roots)
    s->status = GA_STATUS_NA;
  else if (t->n_error > 0)
    s->status = GA_STATUS_ERROR;
  else if (t->n_incomplete > 0)
    s->status = GA_STATUS_INCOMPLETE;
  else
    s->status = GA_STATUS_COMPLETE;

  s->veto = t->veto_fail > 0 ? GA_VETO_FAIL
            : (t->veto_pending > 0 ? GA_VETO_PENDING : GA_VETO_PASS);
  /* The points scheme: the total, bonus, veto status, grade and pass as
   * the workbook computes them (ga-scheme-summary.c). */
  if (tmpl->scheme == GA_SCHEME_POINTS)
    ga_engine_sums_summary (engine, s);
  /* The failed veto items, listed again only when one of the veto items
   * changed: an answer elsewhere does not walk them. */
  if (s->veto != GA_VETO_FAIL)
    {
      if (s->veto_failures->len > 0)
        g_ptr_array_set_size (s->veto_failures, 0);
      engine->veto_list_dirty = TRUE;
    }
  else if (engine->veto_list_dirty)
    {
      g_ptr_array_set_size (s->veto_failures, 0);
      for (guint i = 0; i < engine->veto_items->len; i++)
        {
          GaItem *item = engine->veto_items->pdata[i];
          if (engine->items[item->index].veto_failed
              && engine->items[item->index].status != GA_STATUS_NA)
            g_ptr_array_add (s->veto_failures, item);
        }
      engine->veto_list_dirty = FALSE;
    }

  if (tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
    summary_clean_production (engine, s);
  else if (tmpl->scheme != GA_SCHEME_POINTS)
    s->passed = s->veto == GA_VETO_PASS;
}

const GaSummary *
ga_engine_get_summary (GaEngine *engine)
{
  return &engine->summary;
}
