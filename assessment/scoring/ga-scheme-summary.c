/* ga-scheme-summary.c: subtotals, the total, bonus, veto status, grade and pass as formula trees
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the points scheme adds up is written once, here. The engine binds
 * the names these formulas read to its item and section results and
 * evaluates them; the export binds them to the workbook's cells and
 * translates them (ga-scheme.h).
 */
#include "config.h"

#include <math.h>

#include "ga-formula-build.h"
#include "ga-scheme.h"
#include "ga-scheme-private.h"
#include "ga-template-private.h"

#define B GaFormulaBuilder

const GaSchemeLabels ga_scheme_engine_labels = {
  .veto_met = "met",
  .veto_failed = "failed",
  .pass = "pass",
  .pending = "pending",
  .fail = "fail",
  .yes = "yes",
  .no = "no",
};

/* Excel takes at most 255 arguments in a call. */
#define MAX_ARGS 255

/* The cell of an item's score or maximum (@max), tagged with where it is. */
static GaTerm
item_cell (B            *b,
           const GaItem *item,
           gboolean      max)
{
  g_autofree char *name = g_strconcat (max ? GA_SCHEME_MAX : GA_SCHEME_SCORE, item->id, NULL);

  return ga_formula_builder_ref_tagged (b, name,
                                        GA_SCHEME_CELL_TAG (GA_SCHEME_CELL_ITEM, item->index, max));
}

static GaTerm
section_cell (B               *b,
              const GaSection *section,
              gboolean         max)
{
  g_autofree char *name = g_strconcat (max ? GA_SCHEME_SECTION_MAX : GA_SCHEME_SECTION_SCORE,
                                       section->id, NULL);

  return ga_formula_builder_ref_tagged (b, name, GA_SCHEME_CELL_TAG (GA_SCHEME_CELL_SECTION,
                                                                     section->index, max));
}

/* GA_SCHEME_TOTAL_SCORE, GA_SCHEME_TOTAL_MAX or GA_SCHEME_VETO_STATUS. */
static GaTerm
total_cell (B          *b,
            const char *name)
{
  guint slot = g_str_equal (name, GA_SCHEME_TOTAL_SCORE) ? 0
               : g_str_equal (name, GA_SCHEME_TOTAL_MAX) ? 1 : 2;

  return ga_formula_builder_ref_tagged (b, name, GA_SCHEME_CELL_TAG (GA_SCHEME_CELL_TOTAL,
                                                                     slot / 2, slot % 2));
}

/* @func over @terms, nested in groups that keep each call within Excel's
 * limit; @empty when there are none. */
static GaTerm
call_all (B       *b,
          GaFunc   func,
          GArray  *terms,
          GaTerm   empty)
{
  g_autoptr(GArray) groups = NULL;

  if (terms->len == 0)
    return empty;
  if (terms->len <= MAX_ARGS)
    return ga_formula_builder_callv (b, func, terms->len, (const GaTerm *) terms->data);
  groups = g_array_new (FALSE, FALSE, sizeof (GaTerm));
  for (guint i = 0; i < terms->len; i += MAX_ARGS)
    {
      guint n = MIN (MAX_ARGS, terms->len - i);
      GaTerm t = ga_formula_builder_callv (b, func, n, &g_array_index (terms, GaTerm, i));

      g_array_append_val (groups, t);
    }
  return call_all (b, func, groups, empty);
}

gboolean
ga_scheme_item_adds_up (GaTemplate   *tmpl,
                        const GaItem *item)
{
  return ga_scheme_item_is_scored (tmpl, item) && !item->bonus;
}

double
ga_scheme_section_points (GaTemplate      *tmpl,
                          const GaSection *section)
{
  GPtrArray *items = section != NULL ? section->items : NULL;
  GPtrArray *sections = section != NULL ? section->sections : tmpl->root_sections;
  double sum = 0;

  if (section != NULL && isfinite (section->points))
    return section->points;
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (ga_scheme_item_adds_up (tmpl, items->pdata[i]))
      sum += ((const GaItem *) items->pdata[i])->points;
  for (guint i = 0; i < sections->len; i++)
    sum += ga_scheme_section_points (tmpl, sections->pdata[i]);
  return sum;
}

/* SUM() of the scores (or maxima) of what adds up directly below
 * @section (NULL: the first-level sections). */
static GaTerm
children_sum (B               *b,
              GaTemplate      *tmpl,
              const GaSection *section,
              gboolean         max)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (GaTerm));
  GPtrArray *items = section != NULL ? section->items : NULL;
  GPtrArray *sections = section != NULL ? section->sections : tmpl->root_sections;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const GaItem *item = items->pdata[i];
      GaTerm t;

      if (!ga_scheme_item_adds_up (tmpl, item))
        continue;
      t = item_cell (b, item, max);
      g_array_append_val (terms, t);
    }
  for (guint i = 0; i < sections->len; i++)
    {
      const GaSection *sub = sections->pdata[i];
      GaTerm t = section_cell (b, sub, max);

      g_array_append_val (terms, t);
    }
  return call_all (b, GA_FN_SUM, terms, ga_scheme_num (b, 0));
}

GaFormula *
ga_scheme_section_sum (GaTemplate      *tmpl,
                       const GaSection *section,
                       gboolean         max)
{
  g_autoptr(GaFormulaBuilder) b = ga_scheme_cells_builder_new ();
  GaNaPolicy policy = section != NULL ? section->na_policy : tmpl->na_policy;
  GaTerm maxima = children_sum (b, tmpl, section, TRUE);
  GaTerm stated, zero;

  if (policy != GA_NA_POLICY_RENORMALISE)
    return ga_formula_builder_finish (b, max ? maxima : children_sum (b, tmpl, section, FALSE));
  /* The section keeps its stated points as its maximum; the earned points
   * scale by stated / applicable maximum:
   * IF(Σmax=0,0,Σscore*stated/Σmax) and IF(Σmax=0,0,stated). */
  stated = ga_scheme_num (b, ga_scheme_section_points (tmpl, section));
  zero = ga_formula_builder_op (b, GA_OP_EQ, maxima, ga_scheme_num (b, 0));
  if (max)
    return ga_formula_builder_finish (b, ga_scheme_if (b, zero, ga_scheme_num (b, 0), stated));
  return ga_formula_builder_finish (
    b, ga_scheme_if (b, zero, ga_scheme_num (b, 0),
            ga_formula_builder_op (b, GA_OP_DIV,
                                   ga_formula_builder_op (b, GA_OP_MUL,
                                                          children_sum (b, tmpl, section, FALSE),
                                                          stated),
                                   maxima)));
}

GaFormula *
ga_scheme_bonus (GaTemplate *tmpl)
{
  g_autoptr(GaFormulaBuilder) b = ga_scheme_cells_builder_new ();
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (GaTerm));
  GaTerm sum;

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      const GaItem *item = tmpl->items->pdata[i];
      GaTerm t;

      if (!item->bonus || !ga_scheme_item_is_scored (tmpl, item))
        continue;
      t = item_cell (b, item, FALSE);
      g_array_append_val (terms, t);
    }
  if (terms->len == 0)
    return NULL;
  sum = call_all (b, GA_FN_SUM, terms, ga_scheme_num (b, 0));
  if (isfinite (tmpl->bonus_cap))
    sum = ga_formula_builder_call (b, GA_FN_MIN, 2, sum, ga_scheme_num (b, tmpl->bonus_cap));
  return ga_formula_builder_finish (b, sum);
}

/* OR(score:v1=@t, score:v2=@t, …) over the veto items. */
static GaTerm
any_veto_cell (B          *b,
               GaTemplate *tmpl,
               const char *t)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (GaTerm));

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      const GaItem *item = tmpl->items->pdata[i];
      GaTerm eq;

      if (!item->veto)
        continue;
      eq = ga_formula_builder_op (b, GA_OP_EQ, item_cell (b, item, FALSE), ga_scheme_text (b, t));
      g_array_append_val (terms, eq);
    }
  return call_all (b, GA_FN_OR, terms, ga_formula_builder_boolean (b, FALSE));
}

static gboolean
has_veto (GaTemplate *tmpl)
{
  for (guint i = 0; i < tmpl->items->len; i++)
    if (((const GaItem *) tmpl->items->pdata[i])->veto)
      return TRUE;
  return FALSE;
}

GaFormula *
ga_scheme_veto_status (GaTemplate           *tmpl,
                       const GaSchemeLabels *labels)
{
  g_autoptr(GaFormulaBuilder) b = NULL;

  if (!has_veto (tmpl))
    return NULL;
  b = ga_scheme_cells_builder_new ();
  /* A veto item's cell is "" while it is open (see ga_scheme_veto_cell()). */
  return ga_formula_builder_finish (
    b, ga_scheme_if (b, any_veto_cell (b, tmpl, labels->veto_failed), ga_scheme_text (b, labels->fail),
            ga_scheme_if (b, any_veto_cell (b, tmpl, ""), ga_scheme_text (b, labels->pending),
                 ga_scheme_text (b, labels->pass))));
}

GaFormula *
ga_scheme_grade (GaTemplate           *tmpl,
                 const char * const   *grade_labels,
                 const GaSchemeLabels *labels)
{
  g_autoptr(GaFormulaBuilder) b = NULL;
  GaTerm total, t;

  if (tmpl->grades->len == 0)
    return NULL;
  b = ga_scheme_cells_builder_new ();
  total = total_cell (b, GA_SCHEME_TOTAL_SCORE);
  t = ga_scheme_text (b, "");
  for (guint i = tmpl->grades->len; i > 0; i--)
    {
      const GaGrade *grade = tmpl->grades->pdata[i - 1];

      t = ga_scheme_if (b, ga_formula_builder_op (b, GA_OP_GE, total, ga_scheme_num (b, grade->min_score)),
               ga_scheme_text (b, grade_labels[i - 1]), t);
    }
  /* A failed veto item leaves no grade. */
  if (has_veto (tmpl))
    t = ga_scheme_if (b, ga_formula_builder_op (b, GA_OP_EQ,
                                       total_cell (b, GA_SCHEME_VETO_STATUS),
                                       ga_scheme_text (b, labels->fail)),
             ga_scheme_text (b, ""), t);
  return ga_formula_builder_finish (b, t);
}

GaFormula *
ga_scheme_passed (GaTemplate           *tmpl,
                  const GaSchemeLabels *labels)
{
  g_autoptr(GaFormulaBuilder) b = ga_scheme_cells_builder_new ();
  GaTerm cond = G_MAXUINT;

  if (has_veto (tmpl))
    cond = ga_formula_builder_op (b, GA_OP_EQ, total_cell (b, GA_SCHEME_VETO_STATUS),
                                  ga_scheme_text (b, labels->pass));
  if (isfinite (tmpl->pass_score))
    {
      GaTerm reached = ga_formula_builder_op (b, GA_OP_GE,
                                              total_cell (b, GA_SCHEME_TOTAL_SCORE),
                                              ga_scheme_num (b, tmpl->pass_score));

      cond = cond == G_MAXUINT ? reached : ga_formula_builder_call (b, GA_FN_AND, 2, cond,
                                                                    reached);
    }
  if (cond == G_MAXUINT)
    return ga_formula_builder_finish (b, ga_scheme_text (b, labels->yes));
  return ga_formula_builder_finish (b, ga_scheme_if (b, cond, ga_scheme_text (b, labels->yes),
                                            ga_scheme_text (b, labels->no)));
}

GaFormula *
ga_scheme_rate (const char *part,
                const char *whole)
{
  g_autoptr(GaFormulaBuilder) b = ga_scheme_cells_builder_new ();
  GaTerm p = ga_formula_builder_ref (b, part);
  GaTerm w = ga_formula_builder_ref (b, whole);
  GaTerm ok = ga_formula_builder_call (b, GA_FN_AND, 2,
                                       ga_formula_builder_call (b, GA_FN_ISNUMBER, 1, p),
                                       ga_formula_builder_op (b, GA_OP_GT, w, ga_scheme_num (b, 0)));

  return ga_formula_builder_finish (b, ga_scheme_if (b, ok, ga_formula_builder_op (b, GA_OP_DIV, p, w),
                                            ga_scheme_text (b, "")));
}

GaFormula *
ga_scheme_column_total (const char *range)
{
  g_autoptr(GaFormulaBuilder) b = ga_scheme_cells_builder_new ();

  return ga_formula_builder_finish (b, ga_formula_builder_call (b, GA_FN_SUM, 1,
                                                                ga_formula_builder_range (b,
                                                                                          range)));
}

GaFormula *
ga_scheme_share (const char *part,
                 const char *range)
{
  g_autoptr(GaFormulaBuilder) b = ga_scheme_cells_builder_new ();
  GaTerm p = ga_formula_builder_ref (b, part);
  GaTerm total = ga_formula_builder_call (b, GA_FN_SUM, 1, ga_formula_builder_range (b, range));
  GaTerm ok = ga_formula_builder_call (b, GA_FN_AND, 2,
                                       ga_formula_builder_call (b, GA_FN_ISNUMBER, 1, p),
                                       ga_formula_builder_op (b, GA_OP_NE, total, ga_scheme_num (b, 0)));
  GaTerm share = ga_scheme_if (b, ok, ga_formula_builder_op (b, GA_OP_DIV, p, total), ga_scheme_text (b, ""));

  return ga_formula_builder_finish (b, ga_formula_builder_call (b, GA_FN_IFERROR, 2, share,
                                                                ga_scheme_text (b, "")));
}

void
ga_scheme_append_summary (GaTemplate *tmpl,
                          GPtrArray  *rules)
{
  const GaSchemeLabels *labels = &ga_scheme_engine_labels;
  g_autoptr(GPtrArray) grades = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < tmpl->sections->len; s++)
    for (guint m = 0; m < 2; m++)
      g_ptr_array_add (rules, ga_scheme_section_sum (tmpl, tmpl->sections->pdata[s], m));
  for (guint m = 0; m < 2; m++)
    g_ptr_array_add (rules, ga_scheme_section_sum (tmpl, NULL, m));
  g_ptr_array_add (rules, ga_scheme_bonus (tmpl));
  g_ptr_array_add (rules, ga_scheme_veto_status (tmpl, labels));
  for (guint g = 0; g < tmpl->grades->len; g++)
    g_ptr_array_add (grades, g_strdup_printf ("%u", g));
  g_ptr_array_add (grades, NULL);
  g_ptr_array_add (rules, ga_scheme_grade (tmpl, (const char * const *) grades->pdata, labels));
  g_ptr_array_add (rules, ga_scheme_passed (tmpl, labels));
}
