/* ga-engine-sums.c: the points scheme's subtotals and summary, evaluated from ga-scheme-summary.c
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subtotals, the total, the bonus, the veto status, the grade and
 * whether the assessment passes are the formulas the workbook holds
 * (ga-scheme-summary.c). Their names are bound here to cells that hold the
 * items' and sections' results as the workbook shows them: a score or a
 * maximum as a number (0 while it is blank or an error), a veto item as
 * the text of its cell.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine-private.h"
#include "ga-scheme.h"

#define engine_labels ga_scheme_engine_labels

#define NA_TEXT "N/A"

static const GaValue blank_cell = GA_VALUE_INIT;

/* The cell @name stands for, or NULL. */
static GaValue *
cell_of (GaEngine   *engine,
         const char *name)
{
  GaEngineSums *sums = &engine->sums;
  const GaSymbol *sym;
  const char *id;
  guint slot;

  if (g_str_equal (name, GA_SCHEME_TOTAL_SCORE))
    return &sums->total_cells[0];
  if (g_str_equal (name, GA_SCHEME_TOTAL_MAX))
    return &sums->total_cells[1];
  if (g_str_equal (name, GA_SCHEME_VETO_STATUS))
    return &sums->total_cells[2];
  if (g_str_has_prefix (name, GA_SCHEME_SECTION_SCORE))
    id = name + strlen (GA_SCHEME_SECTION_SCORE), slot = 0;
  else if (g_str_has_prefix (name, GA_SCHEME_SECTION_MAX))
    id = name + strlen (GA_SCHEME_SECTION_MAX), slot = 1;
  else if (g_str_has_prefix (name, GA_SCHEME_SCORE))
    id = name + strlen (GA_SCHEME_SCORE), slot = 0;
  else if (g_str_has_prefix (name, GA_SCHEME_MAX))
    id = name + strlen (GA_SCHEME_MAX), slot = 1;
  else
    return NULL;
  sym = ga_template_lookup_symbol (engine->tmpl, id);
  if (sym == NULL)
    return NULL;
  if (sym->kind == GA_SYMBOL_SECTION && g_str_has_prefix (name, "section-"))
    return &sums->section_cells[2 * sym->index + slot];
  if (sym->kind == GA_SYMBOL_ITEM && !g_str_has_prefix (name, "section-"))
    return &sums->item_cells[2 * sym->index + slot];
  return NULL;
}

/* The cell a reference tagged by ga-scheme-summary.c names, or NULL. */
static GaValue *
cell_of_tag (GaEngine *engine,
             guint     tag)
{
  GaEngineSums *sums = &engine->sums;
  guint slot = GA_SCHEME_CELL_TAG_SLOT (tag);

  switch (GA_SCHEME_CELL_TAG_KIND (tag))
    {
    case GA_SCHEME_CELL_ITEM:
      return slot < 2 * engine->tmpl->items->len ? &sums->item_cells[slot] : NULL;
    case GA_SCHEME_CELL_SECTION:
      return slot < 2 * engine->tmpl->sections->len ? &sums->section_cells[slot] : NULL;
    case GA_SCHEME_CELL_TOTAL:
      return slot < 3 ? &sums->total_cells[slot] : NULL;
    default:
      return NULL;
    }
}

/* Binds the names of @formula (borrowed from the template) to the cells. */
static void
bind (GaEngine   *engine,
      GaFormula  *formula,
      GaCompiled *out)
{
  guint n;

  memset (out, 0, sizeof *out);
  out->formula = formula;
  if (formula == NULL)
    return;
  n = ga_formula_get_n_refs (formula);
  out->n_refs = n;
  out->bindings = ga_engine_alloc_bindings (engine, n);
  /* The cells never move: the evaluation reads them directly. */
  out->values = g_new (const GaValue *, MAX (n, 1));
  for (guint r = 0; r < n; r++)
    {
      GaBinding *b = &out->bindings[r];
      GaValue *cell = cell_of_tag (engine, ga_formula_ref_tag (formula, r));

      b->node = G_MAXUINT;
      out->values[r] = &blank_cell;
      if (cell == NULL)
        {
          /* Only a name ga-scheme-summary.c does not write. */
          g_critical ("summary formula %s: no cell for %s", ga_formula_get_text (formula),
                      ga_formula_get_ref (formula, r));
          continue;
        }
      b->kind = GA_BIND_VALUE;
      b->value = cell;
      out->values[r] = cell;
    }
}

static void
unbind (GaCompiled *c)
{
  c->formula = NULL;
  c->bindings = NULL;
  g_clear_pointer (&c->values, g_free);
  ga_value_clear (&c->value);
}

/* ------------------------------------------------------------------------ */
/* Subtotals                                                                */

/* Excel takes at most 255 arguments in a call: ga-scheme-summary.c nests
 * longer sums in groups of this many. */
#define GROUP 255
/* Terms of a subtotal that follows changes by their difference: with at
 * most 2^20 terms below 2^23 in size, every partial sum is below 2^43 and,
 * as a multiple of 2^-10, held exactly in a double's 53 bits. */
#define EXACT_TERMS (1u << 20)
#define EXACT_SCALE 1024.0
#define EXACT_LIMIT 8589934592.0   /* 2^23 * EXACT_SCALE */

/* Whether @v is a multiple of 2^-10 below 2^23 in size: then adding it
 * to, or taking it from, such a sum never rounds. */
static inline gboolean
small_dyadic (double v)
{
  double scaled = v * EXACT_SCALE;

  return fabs (scaled) < EXACT_LIMIT && (double) (gint64) scaled == scaled;
}

/* Term @m of cell @t of @plan changes from @old to @v. */
static inline void
plan_replace (GaSumPlan *plan,
              guint      m,
              guint      t,
              double     old,
              double     v)
{
  gboolean was = small_dyadic (old), is = small_dyadic (v);

  if (plan->group_stale != NULL)
    plan->group_stale[t / GROUP] |= 1u << m;
  plan->inexact[m] += !is;
  plan->inexact[m] -= !was;
  /* Every term before and after the change is exact, and so are the old
   * sum and the new one. */
  if (!plan->stale[m] && was && is && plan->inexact[m] == 0 && plan->n_terms <= EXACT_TERMS)
    plan->sum[m] += v - old;
  else
    plan->stale[m] = TRUE;
}

/* SUM() of @values, left to right: NaN where SUM() gives an error. */
static double
sum_doubles (const double *values,
             guint         n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += values[i];
  return isfinite (sum) ? sum : NAN;
}

/* The SUM() of @n_groups group sums (modified in place), nested again in
 * groups until one call holds them all, as sum_terms() nests them. */
static double
sum_groups (double *groups,
            guint   n_groups)
{
  while (n_groups > GROUP)
    {
      guint n_next = (n_groups + GROUP - 1) / GROUP;

      for (guint g = 0; g < n_next; g++)
        {
          groups[g] = sum_doubles (groups + g * GROUP, MIN (GROUP, n_groups - g * GROUP));
          if (isnan (groups[g]))
            return NAN;
        }
      n_groups = n_next;
    }
  return sum_doubles (groups, n_groups);
}

/* SUM() of term @m of @terms, nested in groups as call_all() in
 * ga-scheme-summary.c nests it: the same additions in the same order. A
 * number in a cell counts; a cell not filled yet is skipped. */
static double
sum_terms (GaValue * const *terms,
           guint            n,
           guint            m)
{
  g_autofree double *groups = NULL;
  guint n_groups;

  if (n <= GROUP)
    {
      double sum = 0;

      for (guint i = 0; i < n; i++)
        if (terms[i][m].kind == GA_VALUE_NUMBER)
          sum += terms[i][m].u.number;
      return isfinite (sum) ? sum : NAN;
    }
  n_groups = (n + GROUP - 1) / GROUP;
  groups = g_new (double, n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      groups[g] = sum_terms (terms + g * GROUP, MIN (GROUP, n - g * GROUP), m);
      if (isnan (groups[g]))
        return NAN;
    }
  return sum_groups (groups, n_groups);
}

/* sum_terms() of a plan of more than GROUP terms from the sums of its
 * groups, adding up again only the groups whose terms changed. */
static double
sum_plan_groups (GaSumPlan *plan,
                 guint      m)
{
  guint n_groups = (plan->n_terms + GROUP - 1) / GROUP;
  g_autofree double *groups = g_new (double, n_groups);

  for (guint g = 0; g < n_groups; g++)
    {
      if (plan->group_stale[g] & (1u << m))
        {
          plan->group_sum[2 * g + m] = sum_terms (plan->terms + g * GROUP,
                                                  MIN (GROUP, plan->n_terms - g * GROUP), m);
          plan->group_stale[g] &= ~(1u << m);
        }
      groups[g] = plan->group_sum[2 * g + m];
      if (isnan (groups[g]))
        return NAN;
    }
  return sum_groups (groups, n_groups);
}
static double
plan_sum (GaSumPlan *plan,
          guint      m)
{
  if (plan->stale[m])
    {
      plan->sum[m] = plan->group_stale != NULL ? sum_plan_groups (plan, m)
                     : sum_terms (plan->terms, plan->n_terms, m);
      plan->stale[m] = FALSE;
    }
  return plan->sum[m];
}

/* The subtotal's score or @max as its formula gives it, NaN for an error:
 * SUM(scores) and SUM(maxima), or with "renormalise"
 * IF(SUM(maxima)=0,0,SUM(scores)*stated/SUM(maxima)) and
 * IF(SUM(maxima)=0,0,stated). */
static double
plan_value (GaSumPlan *plan,
            gboolean   max)
{
  double maxima, scaled;

  if (!plan->renormalise)
    return plan_sum (plan, max ? 1 : 0);
  maxima = plan_sum (plan, 1);
  if (isnan (maxima))
    return NAN;
  if (ga_number_compare (maxima, 0) == 0)
    return 0;
  if (max)
    return plan->stated;
  scaled = plan_sum (plan, 0) * plan->stated;
  if (!isfinite (scaled))
    return NAN;
  scaled /= maxima;
  return isfinite (scaled) ? scaled : NAN;
}

/* The terms of @section's subtotal (NULL: the total) as children_sum() in
 * ga-scheme-summary.c lists them: the items directly below that add up,
 * then the sections. */
static guint
plan_fill (GaEngine        *engine,
           const GaSection *section,
           GaValue        **terms)
{
  GaTemplate *tmpl = engine->tmpl;
  GPtrArray *items = section != NULL ? section->items : NULL;
  GPtrArray *sections = section != NULL ? section->sections : tmpl->root_sections;
  guint n = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const GaItem *item = items->pdata[i];

      if (engine->sums.role[item->index] & GA_SUMS_ADDS_UP)
        {
          if (terms != NULL)
            {
              terms[n] = &engine->sums.item_cells[2 * item->index];
              engine->sums.item_term[item->index] = n;
            }
          n++;
        }
    }
  for (guint i = 0; i < sections->len; i++)
    {
      guint child = ((const GaSection *) sections->pdata[i])->index;

      if (terms != NULL)
        {
          terms[n] = &engine->sums.section_cells[2 * child];
          engine->sums.section_term[child] = n;
        }
      n++;
    }
  return n;
}

static void
plan_groups_init (GaSumPlan *plan)
{
  guint n_groups = (plan->n_terms + GROUP - 1) / GROUP;

  if (plan->n_terms <= GROUP)
    return;
  plan->group_sum = g_new0 (double, 2 * n_groups);
  plan->group_stale = g_new (guint8, n_groups);
  memset (plan->group_stale, 3, n_groups);
}

static void
plans_init (GaEngine *engine)
{
  GaTemplate *tmpl = engine->tmpl;
  GaEngineSums *sums = &engine->sums;
  guint n_sections = tmpl->sections->len;
  guint n_terms = 0;
  GaValue **next;

  sums->plans = g_new0 (GaSumPlan, n_sections + 2);
  sums->item_term = g_new0 (guint, MAX (tmpl->items->len, 1));
  sums->section_term = g_new0 (guint, MAX (n_sections, 1));
  for (guint s = 0; s <= n_sections; s++)
    n_terms += plan_fill (engine, s < n_sections ? tmpl->sections->pdata[s] : NULL, NULL);
  n_terms += sums->bonus_items->len;
  sums->plan_terms = g_new (GaValue *, MAX (n_terms, 1));
  next = sums->plan_terms;
  for (guint s = 0; s <= n_sections; s++)
    {
      const GaSection *section = s < n_sections ? tmpl->sections->pdata[s] : NULL;
      GaSumPlan *plan = &sums->plans[s];
      GaNaPolicy policy = section != NULL ? section->na_policy : tmpl->na_policy;

      plan->terms = next;
      plan->n_terms = plan_fill (engine, section, next);
      next += plan->n_terms;
      plan->renormalise = policy == GA_NA_POLICY_RENORMALISE;
      plan->stated = plan->renormalise
                     ? ga_scheme_section_points (tmpl, (GaSection *) section) : 0;
      /* Every cell is blank, which counts as an exact 0. */
      plan->stale[0] = plan->stale[1] = TRUE;
      plan_groups_init (plan);
    }
  /* The bonus (ga_scheme_bonus()): the scored bonus items in the
   * template's order. */
  {
    GaSumPlan *plan = &sums->plans[n_sections + 1];

    plan->terms = next;
    for (guint i = 0; i < sums->bonus_items->len; i++)
      {
        guint item = ((const GaItem *) sums->bonus_items->pdata[i])->index;

        plan->terms[i] = &sums->item_cells[2 * item];
        /* fill_item() feeds the subtotal first. */
        if (!(sums->role[item] & GA_SUMS_ADDS_UP))
          sums->item_term[item] = i;
      }
    plan->n_terms = sums->bonus_items->len;
    plan->stale[0] = plan->stale[1] = TRUE;
    plan_groups_init (plan);
  }
}

/* The bonus as ga_scheme_bonus() gives it: SUM() of the bonus items'
 * scores, with a cap MIN(SUM(…),cap); 0 without bonus items. */
static double
bonus_value (GaEngine *engine)
{
  GaEngineSums *sums = &engine->sums;
  double sum, cap = engine->tmpl->bonus_cap;

  if (sums->bonus_items->len == 0)
    return 0;
  sum = plan_sum (&sums->plans[engine->tmpl->sections->len + 1], 0);
  if (isnan (sum) || !isfinite (cap))
    return sum;
  /* MIN() keeps the first of equal values: the sum unless the cap is
   * smaller. */
  return cap < sum ? cap : sum;
}

/* The grade ga_scheme_grade() gives: none after a failed veto, else the
 * first grade whose minimum the total reaches. */
static const GaGrade *
grade_of (GaEngine *engine)
{
  GaEngineSums *sums = &engine->sums;
  GPtrArray *grades = engine->tmpl->grades;
  double total = sums->total_cells[0].u.number;

  if (sums->has_veto && g_str_equal (sums->total_cells[2].u.text, engine_labels.fail))
    return NULL;
  for (guint i = 0; i < grades->len; i++)
    {
      const GaGrade *grade = grades->pdata[i];

      if (ga_number_compare (total, grade->min_score) >= 0)
        return grade;
    }
  return NULL;
}

/* Whether the assessment passes as ga_scheme_passed() says: the veto
 * status is "pass" (with veto items) and the total reaches the pass score
 * (when there is one). */
static gboolean
passed_of (GaEngine *engine)
{
  GaEngineSums *sums = &engine->sums;
  double pass = engine->tmpl->pass_score;
  gboolean ok = TRUE;

  if (sums->has_veto)
    ok = g_str_equal (sums->total_cells[2].u.text, engine_labels.pass);
  if (isfinite (pass))
    ok = ok && ga_number_compare (sums->total_cells[0].u.number, pass) >= 0;
  return ok;
}

const GaValue *
ga_engine_sums_cell (GaEngine   *engine,
                     const char *name)
{
  return engine->sums.active ? cell_of (engine, name) : NULL;
}

void
ga_engine_sums_init (GaEngine *engine)
{
  GaTemplate *tmpl = engine->tmpl;
  GaEngineSums *sums = &engine->sums;
  guint n_sections = tmpl->sections->len;
  GaFormula **summary;

  if (tmpl->scheme != GA_SCHEME_POINTS)
    return;
  sums->active = TRUE;
  sums->item_cells = g_new0 (GaValue, 2 * MAX (tmpl->items->len, 1));
  sums->section_cells = g_new0 (GaValue, 2 * MAX (n_sections, 1));
  sums->bonus_items = g_ptr_array_new ();
  sums->role = g_new0 (guint8, MAX (tmpl->items->len, 1));
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];

      if (item->bonus && ga_scheme_item_is_scored (tmpl, item))
        {
          g_ptr_array_add (sums->bonus_items, item);
          sums->role[i] |= GA_SUMS_BONUS;
        }
      if (item->veto)
        {
          sums->role[i] |= GA_SUMS_VETO;
          sums->has_veto = TRUE;
        }
      if (ga_scheme_item_adds_up (tmpl, item))
        sums->role[i] |= GA_SUMS_ADDS_UP;
    }
  sums->veto_dirty = TRUE;
  sums->bonus_dirty = TRUE;
  sums->section_dirty = g_new (guint8, MAX (n_sections, 1));
  sums->section_value = g_new0 (double, 2 * MAX (n_sections, 1));
  for (guint s = 0; s < n_sections; s++)
    sums->section_dirty[s] = GA_SUMS_SCORE_DIRTY | GA_SUMS_MAX_DIRTY;
  sums->total_dirty = GA_SUMS_SCORE_DIRTY | GA_SUMS_MAX_DIRTY;
  sums->summary_dirty = TRUE;
  plans_init (engine);
  /* The formulas are made once per template (ga_scheme_get_rules()). */
  summary = (GaFormula **) ga_scheme_get_rules (tmpl)->pdata + tmpl->items->len;
  summary += 2 * n_sections;
  bind (engine, summary[GA_SCHEME_SUM_VETO], &sums->veto);
}

void
ga_engine_sums_clear (GaEngine *engine)
{
  GaEngineSums *sums = &engine->sums;
  GaTemplate *tmpl = engine->tmpl;

  if (!sums->active)
    return;
  for (guint i = 0; i < 2 * tmpl->items->len; i++)
    ga_value_clear (&sums->item_cells[i]);
  for (guint s = 0; s < 2 * tmpl->sections->len; s++)
    ga_value_clear (&sums->section_cells[s]);
  for (guint k = 0; k < 3; k++)
    ga_value_clear (&sums->total_cells[k]);
  unbind (&sums->veto);
  g_free (sums->item_cells);
  g_free (sums->section_cells);
  for (guint p = 0; p < tmpl->sections->len + 2; p++)
    {
      g_free (sums->plans[p].group_sum);
      g_free (sums->plans[p].group_stale);
    }
  g_free (sums->plans);
  g_free (sums->item_term);
  g_free (sums->section_term);
  g_free (sums->plan_terms);
  g_free (sums->role);
  g_free (sums->veto_text);
  g_free (sums->section_dirty);
  g_free (sums->section_value);
  g_ptr_array_unref (sums->bonus_items);
}

/* Sets @cell, term @m (0 score, 1 maximum) of @plan (NULL: of none), to
 * @v (0 for a blank or an error); whether it changed. */
static gboolean
set_number (GaSumPlan *plan,
            guint      m,
            guint      t,
            GaValue   *cell,
            double     v)
{
  double n = isfinite (v) ? v : 0;

  if (G_LIKELY (cell->kind == GA_VALUE_NUMBER))
    {
      if (ga_engine_same_double (cell->u.number, n))
        return FALSE;
      if (plan != NULL)
        plan_replace (plan, m, t, cell->u.number, n);
      cell->u.number = n;
      return TRUE;
    }
  if (plan != NULL)
    plan_replace (plan, m, t, 0, n);
  ga_value_clear (cell);
  ga_value_set_number (cell, n);
  return TRUE;
}

/* Sets a veto item's cell to @t; whether the veto status formula can give
 * another answer: a cell is set for the first time, or no cell or a first
 * one reads failed, or open, since the last. */
static gboolean
set_veto_cell (GaEngineSums *sums,
               GaValue      *cell,
               const char   *t)
{
  gboolean first = cell->kind != GA_VALUE_TEXT;
  guint failed = sums->veto_failed, open = sums->veto_open;

  if (!first)
    {
      sums->veto_failed -= g_str_equal (cell->u.text, engine_labels.veto_failed) ? 1 : 0;
      sums->veto_open -= *cell->u.text == '\0' ? 1 : 0;
    }
  sums->veto_failed += g_str_equal (t, engine_labels.veto_failed) ? 1 : 0;
  sums->veto_open += *t == '\0' ? 1 : 0;
  ga_value_clear (cell);
  ga_value_set_text (cell, t);
  return first || (failed == 0) != (sums->veto_failed == 0) || (open == 0) != (sums->veto_open == 0);
}

/* An item's score and maximum as its cells show them; which of them
 * changed (GA_SUMS_SCORE_DIRTY, GA_SUMS_MAX_DIRTY). */
static guint8
fill_item (GaEngine     *engine,
           const GaItem *item)
{
  const GaResult *r = &engine->items[item->index];
  GaValue *cells = &engine->sums.item_cells[2 * item->index];
  guint8 role = engine->sums.role[item->index];
  GaSumPlan *plan = (role & GA_SUMS_ADDS_UP) && item->section != NULL
                    ? &engine->sums.plans[item->section->index]
                    : (role & GA_SUMS_BONUS) ? &engine->sums.plans[engine->tmpl->sections->len + 1]
                    : NULL;
  guint8 changed = 0;
  guint term;

  if (item->veto)
    {
      /* ga_scheme_veto_cell(): "" while open, else met or failed. */
      const char *t = r->status == GA_STATUS_NA ? NA_TEXT
                      : r->status != GA_STATUS_COMPLETE || r->value.kind == GA_VALUE_BLANK ? ""
                      : r->veto_failed ? engine_labels.veto_failed : engine_labels.veto_met;

      if (cells[0].kind == GA_VALUE_TEXT && g_str_equal (cells[0].u.text, t))
        return 0;
      return set_veto_cell (&engine->sums, &cells[0], t) ? GA_SUMS_SCORE_DIRTY : GA_SUMS_SAME;
    }
  term = engine->sums.item_term[item->index];
  if (set_number (plan, 0, term, &cells[0], r->score))
    changed |= GA_SUMS_SCORE_DIRTY;
  if (set_number (plan, 1, term, &cells[1], r->max))
    changed |= GA_SUMS_MAX_DIRTY;
  return changed;
}

/* Called after @item was evaluated: its cells take its result, and the
 * formulas that read them are marked to be evaluated again. */
void
ga_engine_sums_item (GaEngine     *engine,
                     const GaItem *item)
{
  GaEngineSums *sums = &engine->sums;
  guint8 role = sums->role[item->index];
  guint8 changed;

  if (role == 0 || (changed = fill_item (engine, item)) == 0)
    return;
  if (changed == GA_SUMS_SAME)
    return;
  if ((role & GA_SUMS_ADDS_UP) && item->section != NULL)
    sums->section_dirty[item->section->index] |= changed;
  if (role & GA_SUMS_VETO)
    sums->veto_dirty = TRUE;
  if (role & GA_SUMS_BONUS)
    sums->bonus_dirty = TRUE;
}


void
ga_engine_sums_section (GaEngine *engine,
                        guint     index,
                        double   *score,
                        double   *max)
{
  GaTemplate *tmpl = engine->tmpl;
  GaSection *section = tmpl->sections->pdata[index];
  GaEngineSums *sums = &engine->sums;
  GaSumPlan *plan = &sums->plans[index];
  GaSection *parent = section->parent;
  GaSumPlan *up = &sums->plans[parent != NULL ? parent->index : tmpl->sections->len];
  guint8 *up_dirty = parent != NULL ? &sums->section_dirty[parent->index] : &sums->total_dirty;

  /* The cells of the items and sections below were filled when they were
   * evaluated (ga_engine_sums_item(), and here for the sections). */
  /* The maximum reads only maxima; the score may read both (renormalise). */
  if (sums->section_dirty[index] != 0)
    sums->section_value[2 * index] = plan_value (plan, FALSE);
  if (sums->section_dirty[index] & GA_SUMS_MAX_DIRTY)
    sums->section_value[2 * index + 1] = plan_value (plan, TRUE);
  sums->section_dirty[index] = 0;
  *score = sums->section_value[2 * index];
  *max = sums->section_value[2 * index + 1];
  /* The section's own cells, read by the subtotal above it (or the
   * total), which is evaluated after it. */
  if (set_number (up, 0, sums->section_term[index], &sums->section_cells[2 * index], *score))
    *up_dirty |= GA_SUMS_SCORE_DIRTY;
  if (set_number (up, 1, sums->section_term[index], &sums->section_cells[2 * index + 1], *max))
    *up_dirty |= GA_SUMS_MAX_DIRTY;
}

static char *
evaluate_text (GaEngine         *engine,
               const GaCompiled *c)
{
  GaValue v = GA_VALUE_INIT;
  char *t = NULL;

  if (c->formula == NULL)
    return NULL;
  ga_engine_eval_formula (engine, c, 0, 0, &v);
  if (v.kind == GA_VALUE_TEXT)
    t = g_strdup (v.u.text);
  ga_value_clear (&v);
  return t;
}

void
ga_engine_sums_summary (GaEngine  *engine,
                        GaSummary *s)
{
  GaTemplate *tmpl = engine->tmpl;
  GaEngineSums *sums = &engine->sums;
  GaSumPlan *plan = &sums->plans[tmpl->sections->len];
  const char *veto;

  /* The first-level sections' cells were filled when they were evaluated
   * (ga_engine_sums_section()). As for a section: the maximum reads only maxima, the score may read
   * both. */
  for (guint m = 0; m < 2; m++)
    if (m == 0 ? sums->total_dirty != 0 : (sums->total_dirty & GA_SUMS_MAX_DIRTY) != 0)
      {
        sums->total_value[m] = plan_value (plan, m == 1);
        if (set_number (NULL, 0, 0, &sums->total_cells[m], sums->total_value[m]))
          sums->summary_dirty = TRUE;
      }
  sums->total_dirty = 0;
  s->score = sums->total_value[0];
  s->max = sums->total_value[1];
  /* The bonus and the veto status read only their items' cells. */
  if (sums->bonus_dirty)
    {
      sums->bonus_value = bonus_value (engine);
      sums->bonus_dirty = FALSE;
    }
  s->bonus = sums->bonus_value;
  if (sums->veto_dirty)
    {
      g_free (sums->veto_text);
      sums->veto_text = evaluate_text (engine, &sums->veto);
      sums->veto_dirty = FALSE;
      sums->summary_dirty = TRUE;
      ga_value_clear (&sums->total_cells[2]);
      ga_value_set_text (&sums->total_cells[2],
                         sums->veto_text != NULL ? sums->veto_text : engine_labels.pass);
    }
  veto = sums->veto_text;
  s->veto = veto == NULL || g_str_equal (veto, engine_labels.pass) ? GA_VETO_PASS
            : g_str_equal (veto, engine_labels.fail) ? GA_VETO_FAIL : GA_VETO_PENDING;

  /* The grade and the pass read the total's cells and the veto status. */
  if (sums->summary_dirty)
    {
      sums->grade = grade_of (engine);
      sums->passed = passed_of (engine);
      sums->summary_dirty = FALSE;
    }
  s->grade = sums->grade;
  s->passed = sums->passed;
}
