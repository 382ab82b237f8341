/* ga-scheme.c: the scoring rules of a template as formula trees
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule is a formula of the language (docs/formula-language.md), so the
 * engine evaluates it with the same blank and N/A rules as a template's own
 * formulas, and ga_formula_to_excel() writes it for the workbook. Constant
 * parts that the template fixes (the points of an option or a band, limited
 * to the item's points) are folded into the tree as numbers.
 */
#include "config.h"

#include <math.h>

#include "ga-answer.h"
#include "ga-formula-build.h"
#include "ga-scheme.h"
#include "ga-scheme-private.h"
#include "ga-template-private.h"

#define B GaFormulaBuilder

static GaOp
comparator_op (GaComparator cmp)
{
  switch (cmp)
    {
    case GA_CMP_LE: return GA_OP_LE;
    case GA_CMP_LT: return GA_OP_LT;
    case GA_CMP_GE: return GA_OP_GE;
    case GA_CMP_GT: return GA_OP_GT;
    case GA_CMP_EQ:
    default: return GA_OP_EQ;
    }
}

static double
limit (double v,
       double lo,
       double hi)
{
  return v < lo ? lo : (v > hi ? hi : v);
}

static gboolean
is_indicator (GaTemplate   *tmpl,
              const GaItem *item)
{
  return tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && item->weight != NULL;
}

gboolean
ga_scheme_item_is_scored (GaTemplate   *tmpl,
                          const GaItem *item)
{
  return !isnan (item->points) && !item->veto && !is_indicator (tmpl, item)
         && item->score.method != GA_SCORE_NONE && item->score.method != GA_SCORE_LEVELS;
}

/* IF(x=k1,v1,IF(x=k2,v2,…otherwise)) over the options of a choice. */
static GaTerm
option_table (B            *b,
              const GaItem *item,
              GaTerm        x,
              double      (*value) (const GaItem *, const GaOption *),
              double        otherwise)
{
  GaTerm t = ga_scheme_num (b, otherwise);

  for (guint i = item->options != NULL ? item->options->len : 0; i > 0; i--)
    {
      const GaOption *o = item->options->pdata[i - 1];
      t = ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, x, ga_scheme_text (b, o->id)), ga_scheme_num (b, value (item, o)), t);
    }
  return t;
}

static double
option_points (const GaItem   *item,
               const GaOption *o)
{
  return limit (isnan (o->points) ? 0 : o->points, 0, item->points);
}

static double
option_level (const GaItem   *item,
              const GaOption *o)
{
  return o->level > 0 ? o->level : 0;
}

/* The item's score as points. */
static GaTerm
score_rule (B            *b,
            const GaItem *item,
            GaTerm        x)
{
  const GaScoreRule *rule = &item->score;
  double p = item->points;

  switch (rule->method)
    {
    case GA_SCORE_COMPLIANCE:
      /* points × {1, partial_factor, 0} */
      return ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, x, ga_scheme_text (b, GA_COMPLIANCE_YES)), ga_scheme_num (b, p),
                  ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, x, ga_scheme_text (b, GA_COMPLIANCE_PARTIAL)),
                       ga_scheme_op (b, GA_OP_MUL, ga_scheme_num (b, p), ga_scheme_num (b, rule->partial_factor)),
                       ga_scheme_num (b, 0)));
    case GA_SCORE_YESNO:
      return ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, x, ga_formula_builder_boolean (b, TRUE)), ga_scheme_num (b, p),
                  ga_scheme_num (b, 0));
    case GA_SCORE_OPTIONS:
      /* A multiple choice's value is the number chosen: its points come
       * from the answer's options, not from a formula of its value. */
      if (item->kind != GA_ITEM_CHOICE)
        return G_MAXUINT;
      return option_table (b, item, x, option_points, 0);
    case GA_SCORE_POINTS:
      return ga_formula_builder_call (b, GA_FN_CLAMP, 3, x, ga_scheme_num (b, 0), ga_scheme_num (b, p));
    case GA_SCORE_INTERP:
      /* INTERP's direction: a baseline equal to the leading value gives
       * all the points when the value meets it, none otherwise. */
      if (rule->better != NULL)
        return ga_formula_builder_call (b, GA_FN_INTERP, 5, x,
                                        ga_formula_builder_graft (b, rule->baseline),
                                        ga_formula_builder_graft (b, rule->leading), ga_scheme_num (b, p),
                                        ga_scheme_text (b, rule->better));
      return ga_formula_builder_call (b, GA_FN_INTERP, 4, x,
                                      ga_formula_builder_graft (b, rule->baseline),
                                      ga_formula_builder_graft (b, rule->leading), ga_scheme_num (b, p));
    case GA_SCORE_BANDS:
      {
        /* The first band whose threshold the value meets. */
        GaTerm t = ga_scheme_num (b, limit (rule->band_otherwise, 0, p));
        for (guint i = rule->bands->len; i > 0; i--)
          {
            const GaBand *band = rule->bands->pdata[i - 1];
            GaTerm meets = ga_scheme_op (b, comparator_op (rule->band_cmp), x,
                               ga_formula_builder_graft (b, band->threshold));
            t = ga_scheme_if (b, meets, ga_scheme_num (b, limit (band->points, 0, p)), t);
          }
        return t;
      }
    case GA_SCORE_FORMULA:
      return ga_formula_builder_call (b, GA_FN_POINTS, 2,
                                      ga_formula_builder_graft (b, rule->formula), ga_scheme_num (b, p));
    case GA_SCORE_NONE:
    case GA_SCORE_LEVELS:
    default:
      return G_MAXUINT;
    }
}

/* TRUE while the veto item is met. */
static GaTerm
veto_rule (B            *b,
           const GaItem *item,
           GaTerm        x)
{
  const GaScoreRule *rule = &item->score;
  GaTerm t;

  switch (rule->method)
    {
    case GA_SCORE_COMPLIANCE:
      /* Partly met fails too. */
      return ga_scheme_op (b, GA_OP_EQ, x, ga_scheme_text (b, GA_COMPLIANCE_YES));
    case GA_SCORE_YESNO:
      return ga_scheme_op (b, GA_OP_EQ, x, ga_formula_builder_boolean (b, TRUE));
    case GA_SCORE_FORMULA:
      /* TRUE, or a number above 0: the condition times 1 is 1 or 0 for
       * TRUE and FALSE and the number itself otherwise; text is #VALUE!. */
      return ga_scheme_op (b, GA_OP_GT,
                 ga_scheme_op (b, GA_OP_MUL, ga_formula_builder_graft (b, rule->formula), ga_scheme_num (b, 1)),
                 ga_scheme_num (b, 0));
    default:
      if (item->kind != GA_ITEM_CHOICE)
        return G_MAXUINT;
      /* None of the options that fail is chosen. */
      t = G_MAXUINT;
      for (guint i = 0; item->options != NULL && i < item->options->len; i++)
        {
          const GaOption *o = item->options->pdata[i];
          GaTerm ok;
          if (!o->fails)
            continue;
          ok = ga_scheme_op (b, GA_OP_NE, x, ga_scheme_text (b, o->id));
          t = t == G_MAXUINT ? ok : ga_formula_builder_call (b, GA_FN_AND, 2, t, ok);
        }
      return t;
    }
}

/* The level a clean-production indicator meets. */
static GaTerm
level_rule (B            *b,
            const GaItem *item,
            GaTerm        x)
{
  const GaScoreRule *rule = &item->score;

  if (item->kind == GA_ITEM_CHOICE)
    return option_table (b, item, x, option_level, 0);
  switch (rule->method)
    {
    case GA_SCORE_COMPLIANCE:
      return ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, x, ga_scheme_text (b, GA_COMPLIANCE_YES)), ga_scheme_num (b, 1), ga_scheme_num (b, 0));
    case GA_SCORE_YESNO:
      return ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, x, ga_formula_builder_boolean (b, TRUE)), ga_scheme_num (b, 1),
                  ga_scheme_num (b, 0));
    case GA_SCORE_LEVELS:
      {
        /* The best level whose benchmark the value meets; LEVEL() takes
         * the four order comparators and "" for a level not defined. */
        GaTerm bench[3];
        gboolean any = FALSE;
        for (guint k = 0; k < 3; k++)
          {
            any |= rule->benchmark[k] != NULL;
            bench[k] = rule->benchmark[k] != NULL
                       ? ga_formula_builder_graft (b, rule->benchmark[k]) : G_MAXUINT;
          }
        if (!any)
          return G_MAXUINT;
        if (rule->level_cmp != GA_CMP_EQ)
          {
            static const char *cmp_text[] = {
              [GA_CMP_LE] = "<=", [GA_CMP_LT] = "<", [GA_CMP_GE] = ">=", [GA_CMP_GT] = ">",
            };
            for (guint k = 0; k < 3; k++)
              if (bench[k] == G_MAXUINT)
                bench[k] = ga_scheme_text (b, "");
            return ga_formula_builder_call (b, GA_FN_LEVEL, 5, x,
                                            ga_scheme_text (b, cmp_text[rule->level_cmp]), bench[0],
                                            bench[1], bench[2]);
          }
        {
          GaTerm t = ga_scheme_num (b, 0);
          for (guint k = 3; k > 0; k--)
            if (bench[k - 1] != G_MAXUINT)
              t = ga_scheme_if (b, ga_scheme_op (b, GA_OP_EQ, x, bench[k - 1]), ga_scheme_num (b, k), t);
          return t;
        }
      }
    default:
      return G_MAXUINT;
    }
}

GaFormula *
ga_scheme_item_rule (GaTemplate       *tmpl,
                     const GaItem     *item,
                     GaFormulaBuilder *builder)
{
  g_autoptr(GaFormulaBuilder) own = builder == NULL ? ga_formula_builder_new () : NULL;
  GaFormulaBuilder *b = builder != NULL ? builder : own;
  GaTerm x, root = G_MAXUINT;

  if (!item->veto && !is_indicator (tmpl, item) && !ga_scheme_item_is_scored (tmpl, item))
    return NULL;
  ga_formula_builder_reset (b);
  x = ga_formula_builder_ref (b, item->id);

  if (item->veto)
    root = veto_rule (b, item, x);
  else if (is_indicator (tmpl, item))
    root = level_rule (b, item, x);
  else if (ga_scheme_item_is_scored (tmpl, item))
    root = score_rule (b, item, x);
  if (root == G_MAXUINT)
    return NULL;
  return ga_formula_builder_finish (b, root);
}

static void
rule_free (gpointer data)
{
  if (data != NULL)
    ga_formula_unref (data);
}

GPtrArray *
ga_scheme_get_rules (GaTemplate *tmpl)
{
  if (g_once_init_enter (&tmpl->rules_made))
    {
      g_autoptr(GaFormulaBuilder) builder = ga_formula_builder_new ();
      GPtrArray *rules = g_ptr_array_new_full (tmpl->items->len, rule_free);

      for (guint i = 0; i < tmpl->items->len; i++)
        g_ptr_array_add (rules, ga_scheme_item_rule (tmpl, tmpl->items->pdata[i], builder));
      /* Built once here rather than by every engine. */
      if (tmpl->scheme == GA_SCHEME_POINTS)
        ga_scheme_append_summary (tmpl, rules);
      tmpl->rules = rules;
      g_once_init_leave (&tmpl->rules_made, 1);
    }
  return tmpl->rules;
}

/* ---------------------------------------------------------------------- */
/* Cells of the workbook                                                  */

/* The points an item that is not applicable earns under its section's
 * policy: all of them with "award" (bonus items none), else none (the
 * maximum drops them; "renormalise" scales the section afterwards). */
static double
na_points (const GaItem *item)
{
  GaNaPolicy policy = item->section != NULL ? item->section->na_policy : GA_NA_POLICY_EXCLUDE;

  return policy == GA_NA_POLICY_AWARD && !item->bonus ? item->points : 0;
}

/* Whether @rule can be blank or not applicable when the item's own value
 * is neither: it reads something else. */
static gboolean
rule_reads_others (const GaItem *item,
                   GaFormula    *rule)
{
  for (guint i = 0; i < ga_formula_get_n_refs (rule); i++)
    if (ga_formula_ref_is_strict (rule, i)
        && g_strcmp0 (ga_formula_get_ref (rule, i), item->id) != 0)
      return TRUE;
  return FALSE;
}

/* How a cell shows the item's value @x and its rule @r (G_MAXUINT: not
 * looked at): @na when either is not applicable, @blank while either is
 * blank, @error when either is an error, else @known, which reads @r only
 * through IFBLANK() so that the cell has no guard of its own:
 * IFERROR(IF(ISNOTAPPLICABLE(x),na,IF(ISBLANK(x),blank,
 *   IF(ISNOTAPPLICABLE(r),na,IF(ISBLANK(r),blank,known)))),error)
 * The tests of @r are left out when @r_checked is FALSE: a rule that reads
 * only the item's value is known once the value is. */
static GaFormula *
cell (B        *b,
      GaTerm    x,
      GaTerm    r,
      gboolean  r_checked,
      GaTerm    na,
      GaTerm    blank,
      GaTerm    known,
      GaTerm    error)
{
  GaTerm t = known;

  if (r != G_MAXUINT && r_checked)
    t = ga_scheme_if (b, ga_scheme_call1 (b, GA_FN_ISNOTAPPLICABLE, r), na,
             ga_scheme_if (b, ga_scheme_call1 (b, GA_FN_ISBLANK, r), blank, t));
  if (x != G_MAXUINT)
    t = ga_scheme_if (b, ga_scheme_call1 (b, GA_FN_ISNOTAPPLICABLE, x), na,
             ga_scheme_if (b, ga_scheme_call1 (b, GA_FN_ISBLANK, x), blank, t));
  if (error != G_MAXUINT)
    t = ga_formula_builder_call (b, GA_FN_IFERROR, 2, t, error);
  return ga_formula_builder_finish (b, t);
}

GaFormula *
ga_scheme_score_cell (const GaItem *item,
                      GaFormula    *rule,
                      const char   *rule_ref)
{
  g_autoptr(GaFormulaBuilder) b = ga_formula_builder_new ();
  GaTerm x = ga_formula_builder_ref (b, item->id);
  GaTerm r = ga_formula_builder_ref (b, rule_ref);

  return cell (b, x, r, rule_reads_others (item, rule), ga_scheme_num (b, na_points (item)), ga_scheme_num (b, 0),
               ga_formula_builder_call (b, GA_FN_IFBLANK, 2, r, ga_scheme_num (b, 0)), ga_scheme_num (b, 0));
}

GaFormula *
ga_scheme_max_cell (const GaItem *item,
                    GaFormula    *rule,
                    const char   *rule_ref)
{
  g_autoptr(GaFormulaBuilder) b = ga_formula_builder_new ();
  GaTerm x = ga_formula_builder_ref (b, item->id);
  GaTerm p = ga_scheme_num (b, item->points);

  /* Only a rule that reads something else can make the item N/A. */
  if (rule == NULL || !rule_reads_others (item, rule))
    return ga_formula_builder_finish (b, ga_scheme_if (b, ga_scheme_call1 (b, GA_FN_ISNOTAPPLICABLE, x),
                                              ga_scheme_num (b, na_points (item)), p));
  return cell (b, x, ga_formula_builder_ref (b, rule_ref), TRUE, ga_scheme_num (b, na_points (item)), p,
               p, p);
}

GaFormula *
ga_scheme_veto_cell (const GaItem *item,
                     GaFormula    *rule,
                     const char   *rule_ref,
                     const char   *na_text,
                     const char   *pass,
                     const char   *fail)
{
  g_autoptr(GaFormulaBuilder) b = ga_formula_builder_new ();
  GaTerm x = ga_formula_builder_ref (b, item->id);
  GaTerm r, known;

  /* No rule: every answer meets it. */
  if (rule == NULL)
    return cell (b, x, G_MAXUINT, FALSE, ga_scheme_text (b, na_text), ga_scheme_text (b, ""), ga_scheme_text (b, pass),
                 ga_scheme_text (b, ""));
  r = ga_formula_builder_ref (b, rule_ref);
  known = ga_scheme_if (b, ga_formula_builder_call (b, GA_FN_IFBLANK, 2, r,
                                           ga_formula_builder_boolean (b, FALSE)),
               ga_scheme_text (b, pass), ga_scheme_text (b, fail));
  return cell (b, x, r, rule_reads_others (item, rule), ga_scheme_text (b, na_text), ga_scheme_text (b, ""), known,
               ga_scheme_text (b, ""));
}

GaFormula *
ga_scheme_level_cell (const GaItem *item,
                      GaFormula    *rule,
                      const char   *rule_ref,
                      const char   *na_text)
{
  g_autoptr(GaFormulaBuilder) b = ga_formula_builder_new ();
  GaTerm x = ga_formula_builder_ref (b, item->id);
  GaTerm r = ga_formula_builder_ref (b, rule_ref);

  return cell (b, x, r, rule_reads_others (item, rule), ga_scheme_text (b, na_text), ga_scheme_text (b, ""),
               ga_formula_builder_call (b, GA_FN_IFBLANK, 2, r, ga_scheme_text (b, "")), ga_scheme_text (b, ""));
}
