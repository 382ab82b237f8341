/* ga-scheme-cp.c: the clean-production composite index and level as formula trees
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook's clean-production sheet: per indicator the level met, the
 * effective weight and the met flags; per category whether it applies and
 * its effective weight; the indices Y_I, Y_II, Y_III and the level. Each
 * cell's formula is made here, reading the sheet's cells by the names of
 * ga_scheme_cp_name(), which the export binds to them.
 */
#include "config.h"

#include <math.h>

#include "ga-formula-build.h"
#include "ga-scheme.h"
#include "ga-scheme-private.h"
#include "ga-template-private.h"

#define B GaFormulaBuilder

static GaTerm
iferror0 (B      *b,
          GaTerm  t)
{
  return ga_formula_builder_call (b, GA_FN_IFERROR, 2, t, ga_scheme_num (b, 0));
}

char *
ga_scheme_cp_name (const char *what,
                   const char *id)
{
  return g_strdup_printf ("cp-%s:%s", what, id != NULL ? id : "");
}

static GaTerm
cell (B          *b,
      const char *what,
      const char *id)
{
  g_autofree char *name = ga_scheme_cp_name (what, id);

  return ga_formula_builder_ref (b, name);
}

static GaTerm
range (B          *b,
       const char *what,
       const char *id)
{
  g_autofree char *name = ga_scheme_cp_name (what, id);

  return ga_formula_builder_range (b, name);
}

/* A weight whose formula reads nothing: always the same number. */
gboolean
ga_scheme_cp_weight_is_constant (GaFormula *weight)
{
  return weight != NULL && ga_formula_get_n_refs (weight) == 0 &&
         ga_formula_get_n_lookups (weight) == 0;
}

static void
category_free (gpointer data)
{
  GaSchemeCategory *cat = data;

  g_ptr_array_unref (cat->indicators);
  g_free (cat);
}

GPtrArray *
ga_scheme_cp_categories (GaTemplate *tmpl)
{
  GPtrArray *cats = g_ptr_array_new_with_free_func (category_free);

  for (guint i = 0; i < tmpl->root_sections->len; i++)
    {
      GaSchemeCategory *cat = g_new0 (GaSchemeCategory, 1);

      cat->section = tmpl->root_sections->pdata[i];
      cat->indicators = g_ptr_array_new ();
      for (guint k = 0; k < tmpl->items->len; k++)
        {
          GaItem *item = tmpl->items->pdata[k];
          const GaSection *root = item->section;

          while (root != NULL && root->parent != NULL)
            root = root->parent;
          if (root == cat->section && item->weight != NULL)
            g_ptr_array_add (cat->indicators, item);
        }
      if (cat->indicators->len == 0)
        category_free (cat);
      else
        g_ptr_array_add (cats, cat);
    }
  return cats;
}

/* How many applicable indicators of @cat (of every category when NULL)
 * have no level yet (a level cell is a number exactly when the indicator
 * applies and its level is known), plus, for weights that are formulas,
 * the applicable ones whose weight is not a number: above 0 while
 * something is missing. */
static GaTerm
missing (B                      *b,
         GPtrArray              *cats,
         const GaSchemeCategory *only)
{
  GaTerm t;

  if (only != NULL)
    t = ga_scheme_op (b, GA_OP_SUB, ga_scheme_call1 (b, GA_FN_SUM, range (b, "applies", only->section->id)),
            ga_scheme_call1 (b, GA_FN_COUNT, range (b, "levels", only->section->id)));
  else
    t = ga_scheme_op (b, GA_OP_SUB, ga_scheme_call1 (b, GA_FN_SUM, range (b, "all-applies", NULL)),
            ga_scheme_call1 (b, GA_FN_COUNT, range (b, "all-levels", NULL)));
  for (guint i = 0; i < cats->len; i++)
    {
      const GaSchemeCategory *cat = cats->pdata[i];

      if (only != NULL && cat != only)
        continue;
      for (guint k = 0; k < cat->indicators->len; k++)
        {
          const GaItem *item = cat->indicators->pdata[k];

          if (ga_scheme_cp_weight_is_constant (item->weight))
            continue;
          /* IF(ISNUMBER(weight),0,applies) */
          t = ga_scheme_op (b, GA_OP_ADD, t,
                  ga_scheme_if (b, ga_scheme_call1 (b, GA_FN_ISNUMBER, cell (b, "weight", item->id)), ga_scheme_num (b, 0),
                       cell (b, "applies", item->id)));
        }
    }
  return t;
}

/* Σ weight × applies over the category's indicators. */
static GaTerm
applicable_weight (B                      *b,
                   const GaSchemeCategory *cat)
{
  return ga_formula_builder_call (b, GA_FN_SUMPRODUCT, 2, range (b, "weights", cat->section->id),
                                  range (b, "applies", cat->section->id));
}

GaFormula *
ga_scheme_cp_category_applies (const GaSchemeCategory *cat,
                               gboolean                other_inputs)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  GaTerm pending, weighted, t;

  /* It applies while one of its levels or weights, or its own weight, is
   * still missing; otherwise when the weights of what applies add up to
   * more than 0. */
  g_ptr_array_add (one, (gpointer) cat);
  pending = ga_scheme_op (b, GA_OP_GT, missing (b, one, cat), ga_scheme_num (b, 0));
  if (!ga_scheme_cp_weight_is_constant (cat->section->weight))
    pending = ga_formula_builder_call (b, GA_FN_OR, 2, pending,
                                       ga_scheme_call1 (b, GA_FN_NOT,
                                              ga_scheme_call1 (b, GA_FN_ISNUMBER,
                                                     cell (b, "cat-weight", cat->section->id))));
  weighted = iferror0 (b, ga_scheme_if (b, ga_scheme_op (b, GA_OP_GT, applicable_weight (b, cat), ga_scheme_num (b, 0)),
                               ga_scheme_num (b, 1), ga_scheme_num (b, 0)));
  t = ga_scheme_if (b, pending, ga_scheme_num (b, 1), weighted);
  /* Nothing else in it applies: not when none of its indicators does. */
  if (!other_inputs)
    t = ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, ga_scheme_call1 (b, GA_FN_SUM, range (b, "applies", cat->section->id)),
                    ga_scheme_num (b, 0)),
             ga_scheme_num (b, 0), t);
  return ga_formula_builder_finish (b, t);
}

/* The category weight as a number, 0 when it is not one (not answered
 * yet, an error), as the engine counts it. */
static GaTerm
category_weight (B                      *b,
                 const GaSchemeCategory *cat)
{
  GaTerm w = cell (b, "cat-weight", cat->section->id);

  return iferror0 (b, ga_scheme_if (b, ga_scheme_call1 (b, GA_FN_ISNUMBER, w), w, ga_scheme_num (b, 0)));
}

GaFormula *
ga_scheme_cp_category_eff (GaTemplate             *tmpl,
                           GPtrArray              *cats,
                           const GaSchemeCategory *cat)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();
  g_autoptr(GArray) applies = g_array_new (FALSE, FALSE, sizeof (GaTerm));
  GaTerm a = cell (b, "cat-applies", cat->section->id);
  GaTerm w = category_weight (b, cat);
  GaTerm weighted = G_MAXUINT, all, t;

  /* A category that does not apply: the template's N/A policy decides
   * (award: counted as met; otherwise the first-level weights are
   * rescaled over the categories that apply). */
  if (tmpl->na_policy == GA_NA_POLICY_AWARD)
    return ga_formula_builder_finish (b, iferror0 (b, ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, a, ga_scheme_num (b, 0)),
                                                           ga_scheme_num (b, 0), w)));
  for (guint i = 0; i < cats->len; i++)
    {
      const GaSchemeCategory *c = cats->pdata[i];
      GaTerm ai = cell (b, "cat-applies", c->section->id);
      GaTerm term = ga_scheme_op (b, GA_OP_MUL, category_weight (b, c), ai);

      g_array_append_val (applies, ai);
      weighted = weighted == G_MAXUINT ? term : ga_scheme_op (b, GA_OP_ADD, weighted, term);
    }
  all = ga_formula_builder_callv (b, GA_FN_MIN, applies->len, (const GaTerm *) applies->data);
  t = ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, a, ga_scheme_num (b, 0)), ga_scheme_num (b, 0),
           ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, all, ga_scheme_num (b, 0)), ga_scheme_op (b, GA_OP_DIV, w, weighted), w));
  return ga_formula_builder_finish (b, iferror0 (b, t));
}

GaFormula *
ga_scheme_cp_eff (const GaSchemeCategory *cat,
                  const GaItem           *item)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();
  GaTerm app = cell (b, "applies", item->id);
  GaTerm share = ga_scheme_op (b, GA_OP_DIV,
                     ga_scheme_op (b, GA_OP_MUL, cell (b, "cat-eff", cat->section->id),
                         cell (b, "weight", item->id)),
                     applicable_weight (b, cat));

  /* ω' × the category's effective weight: IF(applies=0,0,e×w/Σw·a). */
  return ga_formula_builder_finish (b, iferror0 (b, ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, app, ga_scheme_num (b, 0)),
                                                         ga_scheme_num (b, 0), share)));
}

GaFormula *
ga_scheme_cp_value (const GaItem *item)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();

  return ga_formula_builder_finish (b, ga_formula_builder_call (b, GA_FN_IFBLANK, 2,
                                                                ga_formula_builder_ref (b,
                                                                                        item->id),
                                                                ga_scheme_text (b, "")));
}

GaFormula *
ga_scheme_cp_met (const GaItem *item,
                  guint         k)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();
  GaTerm l = cell (b, "level", item->id);
  GaTerm met = ga_formula_builder_call (b, GA_FN_AND, 3, ga_scheme_call1 (b, GA_FN_ISNUMBER, l),
                                        ga_scheme_op (b, GA_OP_GE, l, ga_scheme_num (b, 1)),
                                        ga_scheme_op (b, GA_OP_LE, l, ga_scheme_num (b, k)));

  return ga_formula_builder_finish (b, ga_scheme_if (b, met, ga_scheme_num (b, 1), ga_scheme_num (b, 0)));
}

static const char *const met_names[] = { "met1", "met2", "met3" };
static const char *const all_met_names[] = { "all-met1", "all-met2", "all-met3" };

GaFormula *
ga_scheme_cp_index (GaTemplate *tmpl,
                    GPtrArray  *cats,
                    guint       k)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();
  GaTerm t = ga_formula_builder_call (b, GA_FN_SUMPRODUCT, 2, range (b, "all-eff", NULL),
                                      range (b, all_met_names[k], NULL));

  /* Y_k = 100 × Σ effective weight × met; with "award" a category that
   * does not apply counts as met with its whole weight. */
  if (tmpl->na_policy == GA_NA_POLICY_AWARD)
    for (guint i = 0; i < cats->len; i++)
      {
        const GaSchemeCategory *c = cats->pdata[i];

        t = ga_scheme_op (b, GA_OP_ADD, t,
                ga_scheme_op (b, GA_OP_MUL, category_weight (b, c),
                    ga_scheme_op (b, GA_OP_SUB, ga_scheme_num (b, 1), cell (b, "cat-applies", c->section->id))));
      }
  return ga_formula_builder_finish (b, ga_scheme_op (b, GA_OP_MUL, ga_scheme_num (b, 100), t));
}

/* Σ applies × (1 - met_k) over the limiting indicators, or with
 * !@limiting over the others: how many of them miss level k. */
static GaTerm
not_met (B         *b,
         GPtrArray *cats,
         guint      k,
         gboolean   limiting)
{
  GaTerm lim = G_MAXUINT;

  for (guint i = 0; i < cats->len; i++)
    {
      const GaSchemeCategory *c = cats->pdata[i];

      for (guint j = 0; j < c->indicators->len; j++)
        {
          const GaItem *item = c->indicators->pdata[j];
          GaTerm term;

          if (!item->limiting)
            continue;
          term = ga_scheme_op (b, GA_OP_MUL, cell (b, "applies", item->id),
                     ga_scheme_op (b, GA_OP_SUB, ga_scheme_num (b, 1), cell (b, met_names[k], item->id)));
          lim = lim == G_MAXUINT ? term : ga_scheme_op (b, GA_OP_ADD, lim, term);
        }
    }
  if (limiting)
    return lim;
  {
    /* Every indicator's, less the limiting ones'. */
    GaTerm all = ga_scheme_op (b, GA_OP_SUB, ga_scheme_call1 (b, GA_FN_SUM, range (b, "all-applies", NULL)),
                     ga_formula_builder_call (b, GA_FN_SUMPRODUCT, 2,
                                              range (b, "all-applies", NULL),
                                              range (b, all_met_names[k], NULL)));
    return lim == G_MAXUINT ? all : ga_scheme_op (b, GA_OP_SUB, all, lim);
  }
}

/* The level cannot be decided yet: an applicable category's weight that
 * is not a number, an applicable indicator without a level or weight, an
 * input that is not answered (the blank cells of the ranges "inputs:0"
 * …), or @engine_only: a state the workbook does not hold. */
static GaTerm
undetermined (B         *b,
              GPtrArray *cats,
              GPtrArray *applicable,
              guint      n_input_ranges,
              gboolean   engine_only)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (GaTerm));
  GaTerm t;

  if (engine_only)
    {
      t = ga_formula_builder_boolean (b, TRUE);
      g_array_append_val (terms, t);
    }
  for (guint i = 0; i < applicable->len; i++)
    {
      const GaSchemeCategory *c = applicable->pdata[i];

      if (ga_scheme_cp_weight_is_constant (c->section->weight))
        continue;
      t = ga_scheme_call1 (b, GA_FN_NOT, ga_scheme_call1 (b, GA_FN_ISNUMBER, cell (b, "cat-weight", c->section->id)));
      g_array_append_val (terms, t);
    }
  if (cats->len > 0)
    {
      t = ga_scheme_op (b, GA_OP_GT, missing (b, cats, NULL), ga_scheme_num (b, 0));
      g_array_append_val (terms, t);
    }
  if (n_input_ranges > 0)
    {
      GaTerm blanks = G_MAXUINT;

      for (guint i = 0; i < n_input_ranges; i++)
        {
          g_autofree char *id = g_strdup_printf ("%u", i);
          GaTerm c = ga_scheme_call1 (b, GA_FN_COUNTBLANK, range (b, "inputs", id));

          blanks = blanks == G_MAXUINT ? c : ga_scheme_op (b, GA_OP_ADD, blanks, c);
        }
      t = ga_scheme_op (b, GA_OP_GT, blanks, ga_scheme_num (b, 0));
      g_array_append_val (terms, t);
    }
  if (terms->len == 0)
    return ga_formula_builder_boolean (b, FALSE);
  return ga_formula_builder_callv (b, GA_FN_OR, terms->len, (const GaTerm *) terms->data);
}

GaFormula *
ga_scheme_cp_level (GaTemplate *tmpl,
                    GPtrArray  *cats,
                    GPtrArray  *applicable,
                    guint       n_input_ranges,
                    gboolean    engine_only)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();
  GaTerm t = ga_scheme_num (b, 0);

  /* The first level rule met: its index reaches the minimum, no
   * applicable limiting indicator misses its level, the others reach
   * theirs. */
  for (guint i = tmpl->level_rules->len; i > 0; i--)
    {
      const GaLevelRule *rule = tmpl->level_rules->pdata[i - 1];
      guint k = CLAMP (rule->level, 1, 3) - 1;
      g_autoptr(GArray) conds = g_array_new (FALSE, FALSE, sizeof (GaTerm));
      g_autofree char *index = g_strdup_printf ("%u", k + 1);
      GaTerm c = ga_scheme_op (b, GA_OP_GE, cell (b, "index", index), ga_scheme_num (b, rule->min_index));

      g_array_append_val (conds, c);
      if (rule->limiting_at_level)
        {
          GaTerm lim = not_met (b, cats, k, TRUE);
          if (lim != G_MAXUINT)
            {
              c = ga_scheme_op (b, GA_OP_EQ, lim, ga_scheme_num (b, 0));
              g_array_append_val (conds, c);
            }
        }
      if (rule->others_min_level >= 1 && rule->others_min_level <= 3)
        {
          c = ga_scheme_op (b, GA_OP_EQ, not_met (b, cats, rule->others_min_level - 1, FALSE), ga_scheme_num (b, 0));
          g_array_append_val (conds, c);
        }
      t = ga_scheme_if (b, ga_formula_builder_callv (b, GA_FN_AND, conds->len,
                                            (const GaTerm *) conds->data),
               ga_scheme_num (b, rule->level), t);
    }
  /* Not determined yet: "", never a level. */
  t = ga_scheme_if (b, undetermined (b, cats, applicable, n_input_ranges, engine_only), ga_scheme_text (b, ""), t);
  return ga_formula_builder_finish (b, t);
}

GaFormula *
ga_scheme_cp_level_label (GaTemplate         *tmpl,
                          const char * const *labels,
                          const char         *undetermined_text,
                          const char         *below)
{
  g_autoptr(B) b = ga_scheme_cells_builder_new ();
  GaTerm level = cell (b, "level", NULL);
  GaTerm t = ga_scheme_text (b, below);

  for (guint i = tmpl->level_rules->len; i > 0; i--)
    {
      const GaLevelRule *rule = tmpl->level_rules->pdata[i - 1];

      t = ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, level, ga_scheme_num (b, rule->level)), ga_scheme_text (b, labels[i - 1]), t);
    }
  t = ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, level, ga_scheme_text (b, "")), ga_scheme_text (b, undetermined_text), t);
  return ga_formula_builder_finish (b, t);
}
