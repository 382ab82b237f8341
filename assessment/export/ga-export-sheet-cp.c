/* ga-export-sheet-cp.c: the clean-production sheet
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"
#include "ga-scheme.h"

/* -------------------------------------------------- clean production sheet */

/* The name of the clean-production level @level as the template words it,
 * for the cached value of the level cell; "not determined" for -1 (an
 * indicator or a weight still missing), "below level III" when no rule
 * has that level. */
const char *
ex_level_label (Export *ex,
                int     level)
{
  GPtrArray *rules = ga_template_get_level_rules (ex->tmpl);
  const char *label = ex_tr (ex, "未达到III级", "below level III");

  if (level < 0)
    return ex_tr (ex, "未确定", "not determined");

  for (guint i = 0; i < rules->len; i++)
    {
      const GaLevelRule *rule = g_ptr_array_index (rules, i);

      if (rule->level == level)
        label = ex_text_of (ex, &rule->label);
    }
  return label;
}

/* Every clean-production indicator has a weight; a level comes from its
 * benchmarks or from the levels of its options. */
static gboolean
item_is_cp_indicator (const GaItem *item)
{
  return item->weight != NULL;
}

typedef struct {
  const GaSection *section;
  GPtrArray       *items;   /* GaItem*, borrowed */
  guint            first_row;
} CpCategory;

static void
cp_category_free (gpointer data)
{
  CpCategory *c = data;

  g_ptr_array_unref (c->items);
  g_free (c);
}

/* TRUE when @formula evaluates to a number now: what ISNUMBER() says of
 * the cell ex_put_expression() writes it to. */
static gboolean
expression_is_number (Export    *ex,
                      GaFormula *formula)
{
  GaValue v = GA_VALUE_INIT;
  gboolean number;

  if (formula == NULL)
    return FALSE;
  ex_evaluate (ex, formula, &v);
  number = v.kind == GA_VALUE_NUMBER;
  ga_value_clear (&v);
  return number;
}

/* TRUE when ex_put_expression() writes @formula as a plain number: a weight
 * that can never be missing needs no check. */
static gboolean
expression_is_constant (Export    *ex,
                        GaFormula *formula)
{
  return formula != NULL && ga_formula_get_n_refs (formula) == 0 &&
         ga_formula_get_n_lookups (formula) == 0 && expression_is_number (ex, formula);
}

/* TRUE when an indicator of the categories @cats has a weight that can be
 * missing (a formula over answers). */
static gboolean
weights_may_be_missing (Export    *ex,
                        GPtrArray *cats)
{
  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);

      for (guint k = 0; k < cat->items->len; k++)
        if (!expression_is_constant (ex, ((GaItem *) g_ptr_array_index (cat->items, k))->weight))
          return TRUE;
    }
  return FALSE;
}

/* SUMPRODUCT(applies*(1-ISNUMBER(level)*ISNUMBER(weight))): how many
 * applicable indicators of the rows @r0..@r1 have no level or no weight
 * yet. The weight factor is left out when every weight is a constant. */
static char *
missing_indicators_formula (Export   *ex,
                            guint     r0,
                            guint     r1,
                            gboolean  weights)
{
  const Sheet *s = &ex->cp;
  g_autofree char *app = ex_range_ref (s, r0, CP_APPLICABLE, r1, CP_APPLICABLE);
  g_autofree char *lvl = ex_range_ref (s, r0, CP_LEVEL, r1, CP_LEVEL);
  g_autofree char *w = ex_range_ref (s, r0, CP_WEIGHT, r1, CP_WEIGHT);

  if (!weights)
    return g_strdup_printf ("SUMPRODUCT(%s*(1-ISNUMBER(%s)))", app, lvl);
  return g_strdup_printf ("SUMPRODUCT(%s*(1-ISNUMBER(%s)*ISNUMBER(%s)))", app, lvl, w);
}

/* TRUE when something below @section other than an indicator takes part
 * in its status and applies (an input, a scored or computed value that
 * feeds it, the engine's rule for what a section depends on): the engine
 * then keeps the category even when all its indicators are not
 * applicable. */
static gboolean
section_has_other_inputs (Export          *ex,
                          const GaSection *section)
{
  for (guint i = 0; i < section->items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (section->items, i);
      gboolean feeds = item->kind != GA_ITEM_COMPUTED || isfinite (item->points) || item->veto ||
                       item->bonus;

      if (feeds && !item_is_cp_indicator (item) &&
          ga_engine_get_item_result (ex->engine, item)->status != GA_STATUS_NA)
        return TRUE;
    }
  for (guint i = 0; i < section->sections->len; i++)
    if (section_has_other_inputs (ex, g_ptr_array_index (section->sections, i)))
      return TRUE;
  return FALSE;
}

/* Whether a category applies (1) or not (0), as the engine decides: not
 * when none of its indicators (and nothing else in it) applies; not when
 * the weights of those that apply add up to 0; but while one of their
 * levels or weights, or the category's own weight, is still missing, it
 * applies (its status is incomplete, and the first-level weights are not
 * rescaled as if it did not count). @wr and @ar are the category's weight
 * and applicability ranges. */
static char *
category_applies_formula (Export           *ex,
                          const CpCategory *cat,
                          const char       *wr,
                          const char       *ar)
{
  const Sheet *s = &ex->cp;
  guint r0 = cat->first_row, r1 = cat->first_row + cat->items->len - 1;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *missing = NULL;
  g_autofree char *w = NULL;
  g_autofree char *f = NULL;

  g_ptr_array_add (one, (gpointer) cat);
  missing = missing_indicators_formula (ex, r0, r1, weights_may_be_missing (ex, one));
  if (expression_is_constant (ex, cat->section->weight))
    f = g_strdup_printf ("IF(%s>0,1,IFERROR(IF(SUMPRODUCT(%s,%s)>0,1,0),0))", missing, wr, ar);
  else
    {
      w = ex_cell_ref (s, r0, CP_CAT_WEIGHT);
      f = g_strdup_printf ("IF(OR(%s>0,NOT(ISNUMBER(%s))),1,IFERROR(IF(SUMPRODUCT(%s,%s)>0,1,0)"
                           ",0))", missing, w, wr, ar);
    }
  if (section_has_other_inputs (ex, cat->section))
    return g_steal_pointer (&f);
  return g_strdup_printf ("IF(SUM(%s)=0,0,%s)", ar, f);
}

typedef struct {
  GString  *terms;     /* COUNTBLANK(range)+… over the answer cells */
  guint     run_row;   /* the run being built: first row, last row, column */
  guint     run_last;
  guint     run_col;
  gboolean  in_run;
  gboolean  blank;     /* one of the cells is blank now */
} AnswerRuns;

static void
answer_runs_flush (Export      *ex,
                   AnswerRuns  *runs)
{
  g_autofree char *range = NULL;

  if (!runs->in_run)
    return;
  range = runs->run_row == runs->run_last
          ? ex_cell_ref (&ex->scoring, runs->run_row, runs->run_col)
          : ex_range_ref (&ex->scoring, runs->run_row, runs->run_col, runs->run_last,
                          runs->run_col);
  g_string_append_printf (runs->terms, "%sCOUNTBLANK(%s)", runs->terms->len ? "+" : "", range);
  runs->in_run = FALSE;
}

/* The answer cells (scoring sheet) of the inputs below @section that are
 * not indicators: the engine needs them answered too before it decides a
 * level (ga_item_feeds_section(): every answerable item feeds its
 * section). Items and sections the engine found not applicable are left
 * out, as the literal applicability flags of the sheet leave them out.
 * Items of a section sit on consecutive rows, so most become one range. */
static void
collect_answer_runs (Export          *ex,
                     const GaSection *section,
                     AnswerRuns      *runs)
{
  if (ga_engine_get_section_result (ex->engine, section)->status == GA_STATUS_NA)
    return;
  for (guint i = 0; i < section->items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (section->items, i);
      const GaResult *res = ga_engine_get_item_result (ex->engine, item);
      guint row, col;

      /* Indicators are checked on the clean-production sheet; computed
       * values and tables have no answer cell. */
      if (item_is_cp_indicator (item) || item->kind == GA_ITEM_COMPUTED ||
          item->kind == GA_ITEM_TABLE || res->status == GA_STATUS_NA ||
          g_hash_table_lookup (ex->cells, item->id) == NULL)
        continue;
      row = ex_item_row (ex, item);
      col = ex_item_uses_code_column (item) ? SC_CODE : SC_ANSWER;
      if (runs->in_run && runs->run_col == col && runs->run_last + 1 == row)
        runs->run_last = row;
      else
        {
          answer_runs_flush (ex, runs);
          runs->in_run = TRUE;
          runs->run_row = runs->run_last = row;
          runs->run_col = col;
        }
      if (res->value.kind == GA_VALUE_BLANK)
        runs->blank = TRUE;
    }
  for (guint i = 0; i < section->sections->len; i++)
    collect_answer_runs (ex, g_ptr_array_index (section->sections, i), runs);
}

/* The condition under which the level is not determined, as the engine
 * decides it (GaSummary.level -1): an applicable indicator whose level
 * cannot be read (its value or a benchmark blank, not a number or an
 * error: the level cell is then "") or whose weight is not a number, an
 * applicable category whose weight is not a number, or an input of an
 * applicable category not answered. The level cell is then "" and the
 * result reads 未确定.
 *
 * Everything the engine looks at is in the workbook except a few states
 * the app alone knows (an applicability condition that cannot be decided,
 * an N/A answer where none is allowed, an incomplete table). When the
 * engine is undecided for such a reason only, the condition starts with
 * TRUE: the workbook says what the app says, and the explanation row of
 * the basic-information sheet names what is missing. */
static char *
cp_undetermined_formula (Export    *ex,
                         GPtrArray *cats,
                         guint      first_row,
                         guint      last_row)
{
  const Sheet *s = &ex->cp;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  GString *terms = g_string_new (NULL);
  AnswerRuns runs = { g_string_new (NULL), 0, 0, 0, FALSE, FALSE };
  gboolean now = FALSE;   /* what the condition gives for the values written */

  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);
      g_autofree char *w = NULL;

      if (ga_engine_get_section_result (ex->engine, cat->section)->status == GA_STATUS_NA)
        continue;
      if (!expression_is_constant (ex, cat->section->weight))
        {
          w = ex_cell_ref (s, cat->first_row, CP_CAT_WEIGHT);
          g_string_append_printf (terms, ",NOT(ISNUMBER(%s))", w);
          now |= !expression_is_number (ex, cat->section->weight);
        }
      for (guint k = 0; k < cat->items->len; k++)
        {
          const GaItem *item = g_ptr_array_index (cat->items, k);
          const GaResult *res = ga_engine_get_item_result (ex->engine, item);

          if (res->status != GA_STATUS_NA)
            now |= res->level < 0 || !expression_is_number (ex, item->weight);
        }
    }
  if (cats->len > 0)
    {
      g_autofree char *missing = missing_indicators_formula (ex, first_row, last_row,
                                                             weights_may_be_missing (ex, cats));

      g_string_append_printf (terms, ",%s>0", missing);
    }
  for (guint i = 0; i < roots->len; i++)
    collect_answer_runs (ex, g_ptr_array_index (roots, i), &runs);
  answer_runs_flush (ex, &runs);
  if (runs.terms->len > 0)
    g_string_append_printf (terms, ",%s>0", runs.terms->str);
  now |= runs.blank;
  g_string_free (runs.terms, TRUE);

  if (sum->level < 0 && !now)
    g_string_prepend (terms, ",TRUE");
  if (terms->len == 0)
    g_string_append (terms, ",FALSE");
  /* Drop the leading comma. */
  g_string_erase (terms, 0, 1);
  g_string_prepend (terms, "OR(");
  g_string_append_c (terms, ')');
  return g_string_free (terms, FALSE);
}

/* One row per indicator, grouped by first-level category. Everything the
 * engine computes is a formula here: the level met (from the benchmark
 * cells), the renormalised weights within a category and across
 * categories, the indices Y_I/Y_II/Y_III and the level decision. Only
 * applicability (from the answers and the template's conditions) is
 * written as 1/0. */
void
ex_write_cp (Export *ex)
{
  const Sheet *s = &ex->cp;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  GPtrArray *rules = ga_template_get_level_rules (ex->tmpl);
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  gboolean award = ga_template_get_na_policy (ex->tmpl) == GA_NA_POLICY_AWARD;
  static const struct { const char *zh, *en; double width; } heads[CP_N_COLS] = {
    { "一级指标", "Category", 12 },
    { "一级权重", "Category weight", 8 },
    { "一级适用", "Category applies", 6 },
    { "有效一级权重", "Effective category weight", 9 },
    { "序号", "No.", 7 },
    { "二级指标", "Indicator", 26 },
    { "单位", "Unit", 9 },
    { "权重", "Weight", 8 },
    { "限定性", "Limiting", 7 },
    { "I级基准值", "Level I", 10 },
    { "II级基准值", "Level II", 10 },
    { "III级基准值", "Level III", 10 },
    { "实际值", "Actual", 11 },
    { "达到级别", "Level met", 8 },
    { "适用", "Applies", 6 },
    { "有效权重", "Effective weight", 9 },
    { "Y_I", "Y_I", 7 },
    { "Y_II", "Y_II", 7 },
    { "Y_III", "Y_III", 7 },
  };
  g_autoptr(GPtrArray) cats = g_ptr_array_new_with_free_func (cp_category_free);
  g_autofree char *lim_range = NULL, *app_range = NULL, *eff_range = NULL;
  /* A category weight that is not a number (not answered yet, an error)
   * counts as 0, as the engine counts it, hence N() and IFERROR(). */
  GString *weighted_sum = g_string_new (NULL);  /* W_1*A_1+W_2*A_2+… */
  GString *all_apply = g_string_new ("MIN(");    /* 0 when a category does not apply */
  GString *award_extra = g_string_new (NULL);    /* AWARD: W_i*(1-A_i) for each category */
  char *met_range[3];
  guint row = 3, first_row, last_row;

  ex_merge (ex, s, 0, 0, 0, CP_N_COLS - 1, ex_tr (ex, "清洁生产评价指标", "Clean production indicators"),
            ex->f_title);
  ex_merge (ex, s, 1, 0, 1, CP_N_COLS - 1,
            ex_tr (ex, "达到级别：1=I级，2=II级，3=III级，0=未达到III级；Y_k = 100 × Σ 有效权重 × 达标",
                   "Level met: 1 = I, 2 = II, 3 = III, 0 = below III; "
                   "Y_k = 100 × Σ effective weight × met"),
            ex->f_subtitle);
  for (guint c = 0; c < CP_N_COLS; c++)
    {
      ex_put_string (ex, s, 2, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header, "a heading");
      ex_set_column (ex, s, c, c, heads[c].width, NULL);
    }

  /* Categories and their rows first: each category's weight depends on
   * every other category's. */
  first_row = row;
  for (guint i = 0; i < roots->len; i++)
    {
      CpCategory *cat = g_new0 (CpCategory, 1);

      cat->section = g_ptr_array_index (roots, i);
      cat->items = g_ptr_array_new ();
      for (guint k = 0; k < items->len; k++)
        {
          GaItem *item = g_ptr_array_index (items, k);
          const GaSection *root = item->section;

          while (root != NULL && root->parent != NULL)
            root = root->parent;
          if (root == cat->section && item_is_cp_indicator (item))
            g_ptr_array_add (cat->items, item);
        }
      if (cat->items->len == 0)
        {
          cp_category_free (cat);
          continue;
        }
      cat->first_row = row;
      row += cat->items->len;
      g_ptr_array_add (cats, cat);
    }
  last_row = row > first_row ? row - 1 : first_row;

  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);
      g_autofree char *w = ex_cell_ref (s, cat->first_row, CP_CAT_WEIGHT);
      g_autofree char *a = ex_cell_ref (s, cat->first_row, CP_CAT_APP);

      g_string_append_printf (weighted_sum, "%sIFERROR(N(%s),0)*%s", i ? "+" : "", w, a);
      g_string_append_printf (all_apply, "%s%s", i ? "," : "", a);
      g_string_append_printf (award_extra, "+IFERROR(N(%s),0)*(1-%s)", w, a);
    }
  g_string_append_c (all_apply, ')');

  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);
      const GaResult *cres = ga_engine_get_section_result (ex->engine, cat->section);
      guint r0 = cat->first_row, r1 = cat->first_row + cat->items->len - 1;
      g_autofree char *w_cell = ex_cell_ref (s, r0, CP_CAT_WEIGHT);
      g_autofree char *a_cell = ex_cell_ref (s, r0, CP_CAT_APP);
      g_autofree char *e_cell = ex_cell_ref (s, r0, CP_CAT_EFF);
      g_autofree char *wr = ex_range_ref (s, r0, CP_WEIGHT, r1, CP_WEIGHT);
      g_autofree char *ar = ex_range_ref (s, r0, CP_APPLICABLE, r1, CP_APPLICABLE);
      g_autofree char *app_f = category_applies_formula (ex, cat, wr, ar);
      g_autofree char *eff_f = NULL;
      gboolean cat_na = cres->status == GA_STATUS_NA;

      /* A category that does not apply: the template's N/A policy decides
       * (award: counted as met; otherwise the first-level weights are
       * rescaled over the categories that apply), as in the engine. */
      if (award)
        eff_f = g_strdup_printf ("IFERROR(IF(%s=0,0,N(%s)),0)", a_cell, w_cell);
      else
        eff_f = g_strdup_printf ("IFERROR(IF(%s=0,0,IF(%s=0,N(%s)/(%s),N(%s))),0)", a_cell,
                                 all_apply->str, w_cell, weighted_sum->str, w_cell);

      if (cat->items->len > 1)
        {
          ex_merge (ex, s, r0, CP_CATEGORY, r1, CP_CATEGORY, ex_text_of (ex, &cat->section->title),
                    ex->f_section);
          /* A merged range is written as text first; the formulas then
           * replace its first cell. */
          ex_merge (ex, s, r0, CP_CAT_WEIGHT, r1, CP_CAT_WEIGHT, "", ex->f_number);
          ex_merge (ex, s, r0, CP_CAT_APP, r1, CP_CAT_APP, "", ex->f_center);
          ex_merge (ex, s, r0, CP_CAT_EFF, r1, CP_CAT_EFF, "", ex->f_number);
        }
      else
        ex_put_string (ex, s, r0, CP_CATEGORY, ex_text_of (ex, &cat->section->title), ex->f_section,
                       "a category");
      ex_put_expression (ex, s, r0, CP_CAT_WEIGHT, cat->section->weight, ex->f_number,
                         "a category weight");
      ex_put_formula_number (ex, s, r0, CP_CAT_APP, app_f, cat_na ? 0 : 1, ex->f_center,
                             "whether a category applies");
      ex_put_formula_number (ex, s, r0, CP_CAT_EFF, eff_f,
                             isfinite (cres->weight) ? cres->weight : 0, ex->f_number,
                             "an effective category weight");

      for (guint k = 0; k < cat->items->len; k++)
        {
          GaItem *item = g_ptr_array_index (cat->items, k);
          guint r = r0 + k;
          const GaResult *res = ga_engine_get_item_result (ex->engine, item);
          gboolean na = res->status == GA_STATUS_NA;
          const char *v = g_hash_table_lookup (ex->cells, item->id);
          lxw_format *fc = na ? ex->f_na_center : ex->f_center;
          lxw_format *fn = na ? ex->f_na_center : ex->f_number;
          g_autofree char *lvl = ex_cell_ref (s, r, CP_LEVEL);
          g_autofree char *app = ex_cell_ref (s, r, CP_APPLICABLE);
          g_autofree char *w = ex_cell_ref (s, r, CP_WEIGHT);
          g_autofree char *eff = g_strdup_printf ("IFERROR(IF(%s=0,0,%s*%s/SUMPRODUCT(%s,%s)),0)",
                                                  app, e_cell, w, wr, ar);
          g_autofree char *value_f = v != NULL ? g_strdup_printf ("IF(%s=\"\",\"\",%s)", v, v)
                                               : NULL;
          double eff_value;

          ex_put_string (ex, s, r, CP_ID, item->id, fc, "an indicator number");
          ex_put_string (ex, s, r, CP_TITLE, ex_text_of (ex, &item->title),
                         na ? ex->f_na : ex->f_wrap, "an indicator");
          ex_put_string (ex, s, r, CP_UNIT, item->unit, fc, "a unit");
          ex_put_expression (ex, s, r, CP_WEIGHT, item->weight, fn, "an indicator weight");
          ex_put_string (ex, s, r, CP_LIMITING, item->limiting ? "*" : NULL, fc, "a limiting mark");
          for (guint b = 0; b < 3; b++)
            {
              if (item->score.benchmark[b] != NULL)
                ex_put_expression (ex, s, r, CP_B1 + b, item->score.benchmark[b], fn,
                                   "a benchmark");
              else if (item->kind == GA_ITEM_CHOICE)
                {
                  GString *labels = g_string_new (NULL);

                  for (guint o = 0; item->options != NULL && o < item->options->len; o++)
                    {
                      const GaOption *opt = g_ptr_array_index (item->options, o);

                      if (opt->level == (int) b + 1)
                        g_string_append_printf (labels, "%s%s", labels->len ? "；" : "",
                                                ex_text_of (ex, &opt->label));
                    }
                  ex_put_string (ex, s, r, CP_B1 + b, labels->str, na ? ex->f_na : ex->f_wrap,
                                 "a level description");
                  g_string_free (labels, TRUE);
                }
              else
                ex_put_string (ex, s, r, CP_B1 + b, "—", fc, "an undefined level");
            }
          ex_put_formula (ex, s, r, CP_VALUE, value_f, &res->value, fn, "an actual value");

          if (v != NULL && ga_engine_get_rule (ex->engine, item) != NULL)
            {
              g_autofree char *ref = ex_rule_ref (item);
              g_autoptr(GaFormula) cell = ga_scheme_level_cell (item,
                                                                ga_engine_get_rule (ex->engine,
                                                                                    item),
                                                                ref, ex->na_text);
              g_autofree char *f = ex_translate (ex, cell, item->id);
              GaValue lv = GA_VALUE_INIT;

              /* The engine decides the level before it looks at the
               * weight; the cell does not read the weight either. */
              if (na)
                ga_value_set_text (&lv, ex->na_text);
              else if (res->level >= 0)
                ga_value_set_number (&lv, res->level);
              ex_put_formula (ex, s, r, CP_LEVEL, f, &lv, fc, "a level met");
              ga_value_clear (&lv);
            }
          else
            ex_put_blank (ex, s, r, CP_LEVEL, fc);

          ex_put_number (ex, s, r, CP_APPLICABLE, na ? 0 : 1, fc, "an applicability flag");

          /* The engine keeps ω' (within the category) per indicator and the
           * category's effective weight per section. */
          eff_value = na || !isfinite (res->weight) || !isfinite (cres->weight)
                      ? 0 : cres->weight * res->weight;
          ex_put_formula_number (ex, s, r, CP_EFF_WEIGHT, eff, eff_value, fn,
                                 "an effective weight");

          for (guint k3 = 0; k3 < 3; k3++)
            {
              g_autofree char *f = g_strdup_printf ("IF(AND(ISNUMBER(%s),%s>=1,%s<=%u),1,0)",
                                                    lvl, lvl, lvl, k3 + 1);
              gboolean met = !na && res->level >= 1 && res->level <= (int) k3 + 1;

              ex_put_formula_number (ex, s, r, CP_MET1 + k3, f, met ? 1 : 0, fc, "a met flag");
            }
        }
    }
  row = last_row + 1;

  lim_range = ex_range_ref (s, first_row, CP_LIMITING, last_row, CP_LIMITING);
  app_range = ex_range_ref (s, first_row, CP_APPLICABLE, last_row, CP_APPLICABLE);
  eff_range = ex_range_ref (s, first_row, CP_EFF_WEIGHT, last_row, CP_EFF_WEIGHT);
  for (guint k = 0; k < 3; k++)
    met_range[k] = ex_range_ref (s, first_row, CP_MET1 + k, last_row, CP_MET1 + k);

  /* Composite indices and the level. */
  row++;
  for (guint k = 0; k < 3; k++, row++)
    {
      static const char *names[] = { "Y_I", "Y_II", "Y_III" };
      g_autofree char *f = NULL;

      if (award && cats->len > 0)
        f = g_strdup_printf ("100*(SUMPRODUCT(%s,%s)%s)", eff_range, met_range[k],
                             award_extra->str);
      else
        f = g_strdup_printf ("100*SUMPRODUCT(%s,%s)", eff_range, met_range[k]);
      ex_put_string (ex, s, row, CP_TITLE, names[k], ex->f_total, "an index label");
      ex_put_formula_number (ex, s, row, CP_VALUE, f, sum->index[k], ex->f_total_num,
                             "a composite index");
      ex->index_ref[k] = ex_cell_ref (s, row, CP_VALUE);
    }
  {
    GString *f = g_string_new (NULL);
    GString *labels = g_string_new (NULL);
    g_autofree char *stars = ex_excel_string ("*");
    g_autofree char *below = ex_excel_string (ex_level_label (ex, 0));
    g_autofree char *undetermined = ex_excel_string (ex_level_label (ex, -1));
    g_autofree char *guard = cp_undetermined_formula (ex, cats, first_row, last_row);

    for (guint i = 0; i < rules->len; i++)
      {
        const GaLevelRule *rule = g_ptr_array_index (rules, i);
        int k = CLAMP (rule->level, 1, 3) - 1;
        g_autofree char *min = ex_excel_number (rule->min_index);
        GString *cond = g_string_new (NULL);

        g_string_append_printf (cond, "%s>=%s", ex->index_ref[k], min);
        if (rule->limiting_at_level)
          g_string_append_printf (cond, ",SUMPRODUCT((%s=%s)*%s*(1-%s))=0", lim_range, stars,
                                  app_range, met_range[k]);
        if (rule->others_min_level >= 1 && rule->others_min_level <= 3)
          g_string_append_printf (cond, ",SUMPRODUCT((%s<>%s)*%s*(1-%s))=0", lim_range, stars,
                                  app_range, met_range[rule->others_min_level - 1]);
        g_string_append_printf (f, "IF(AND(%s),%d,", cond->str, rule->level);
        g_string_free (cond, TRUE);
      }
    g_string_append_c (f, '0');
    for (guint i = 0; i < rules->len; i++)
      g_string_append_c (f, ')');
    /* Not determined yet: "" as the engine's -1, never a level. */
    g_string_prepend (f, ",\"\",");
    g_string_prepend (f, guard);
    g_string_prepend (f, "IF(");
    g_string_append_c (f, ')');

    ex_put_string (ex, s, row, CP_TITLE, ex_tr (ex, "清洁生产水平（级别）", "Clean production level"),
                   ex->f_total, "a level label");
    ex_put_formula_number (ex, s, row, CP_VALUE, f->str, sum->level >= 0 ? sum->level : NAN,
                           ex->f_total_num, "the clean production level");
    ex->level_ref = ex_cell_ref (s, row, CP_VALUE);

    /* The level's name from its number. */
    g_string_append_printf (labels, "IF(%s=\"\",%s,", ex->level_ref, undetermined);
    for (guint i = 0; i < rules->len; i++)
      {
        const GaLevelRule *rule = g_ptr_array_index (rules, i);
        g_autofree char *label = ex_excel_string (ex_text_of (ex, &rule->label));

        g_string_append_printf (labels, "IF(%s=%d,%s,", ex->level_ref, rule->level, label);
      }
    g_string_append (labels, below);
    for (guint i = 0; i <= rules->len; i++)
      g_string_append_c (labels, ')');
    row++;
    ex_put_string (ex, s, row, CP_TITLE, ex_tr (ex, "评价结论", "Result"), ex->f_total,
                   "a level label");
    ex_put_formula_text (ex, s, row, CP_VALUE, labels->str, ex_level_label (ex, sum->level),
                         ex->f_total,
                         "the clean production result");
    ex->level_label_ref = ex_cell_ref (s, row, CP_VALUE);
    g_string_free (f, TRUE);
    g_string_free (labels, TRUE);
  }
  for (guint k = 0; k < 3; k++)
    g_free (met_range[k]);
  g_string_free (weighted_sum, TRUE);
  g_string_free (all_apply, TRUE);
  g_string_free (award_extra, TRUE);
  ex_page_setup (ex, s, TRUE, 2, 2, 3, 6);
}
