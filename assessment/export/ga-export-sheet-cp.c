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

/* Binds the name "cp-@what:@id" of the clean-production formulas to @ref
 * (taken). */
static void
name_cp (Export     *ex,
         const char *what,
         const char *id,
         char       *ref)
{
  g_hash_table_replace (ex->extra_cells, ga_scheme_cp_name (what, id), ref);
}

typedef struct {
  guint     n;         /* ranges named "cp-inputs:0" … */
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
  g_autofree char *id = NULL;

  if (!runs->in_run)
    return;
  id = g_strdup_printf ("%u", runs->n++);
  name_cp (ex, "inputs", id, ex_range_ref (&ex->scoring, runs->run_row, runs->run_col,
                                            runs->run_last, runs->run_col));
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
      col = SC_ANSWER;
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

/* The level cell's formula (ga_scheme_cp_level()). It is not determined
 * (GaSummary.level -1) while an applicable indicator's level or weight, an
 * applicable category's weight or an input of an applicable category is
 * missing: the level cell is then "" and the result reads 未确定.
 *
 * Everything the engine looks at is in the workbook except a few states
 * the app alone knows (an applicability condition that cannot be decided,
 * an N/A answer where none is allowed, an incomplete table). When the
 * engine is undecided for such a reason only, the condition starts with
 * TRUE: the workbook says what the app says, and the explanation row of
 * the basic-information sheet names what is missing. */
static GaFormula *
level_formula (Export    *ex,
               GPtrArray *cats)
{
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  g_autoptr(GPtrArray) applicable = g_ptr_array_new ();
  AnswerRuns runs = { 0 };
  gboolean now = FALSE;   /* what the condition gives for the values written */

  for (guint i = 0; i < cats->len; i++)
    {
      const GaSchemeCategory *cat = g_ptr_array_index (cats, i);

      if (ga_engine_get_section_result (ex->engine, cat->section)->status == GA_STATUS_NA)
        continue;
      g_ptr_array_add (applicable, (gpointer) cat);
      if (!ga_scheme_cp_weight_is_constant (cat->section->weight))
        now |= !expression_is_number (ex, cat->section->weight);
      for (guint k = 0; k < cat->indicators->len; k++)
        {
          const GaItem *item = g_ptr_array_index (cat->indicators, k);
          const GaResult *res = ga_engine_get_item_result (ex->engine, item);

          if (res->status != GA_STATUS_NA)
            now |= res->level < 0 || !expression_is_number (ex, item->weight);
        }
    }
  for (guint i = 0; i < roots->len; i++)
    collect_answer_runs (ex, g_ptr_array_index (roots, i), &runs);
  answer_runs_flush (ex, &runs);
  now |= runs.blank;
  return ga_scheme_cp_level (ex->tmpl, cats, applicable, runs.n, sum->level < 0 && !now);
}

/* Binds the names of the sheet's cells (ga_scheme_cp_name()). */
static void
name_cp_cells (Export       *ex,
               GPtrArray    *cats,
               const guint  *rows,
               guint         first_row,
               guint         last_row)
{
  const Sheet *s = &ex->cp;
  static const char *met[] = { "met1", "met2", "met3" };
  static const char *all_met[] = { "all-met1", "all-met2", "all-met3" };
  static const struct { const char *name; guint col; } per_row[] = {
    { "weight", CP_WEIGHT }, { "level", CP_LEVEL }, { "applies", CP_APPLICABLE },
    { "eff", CP_EFF_WEIGHT },
  };
  static const struct { const char *name; guint col; } per_cat[] = {
    { "weights", CP_WEIGHT }, { "applies", CP_APPLICABLE }, { "levels", CP_LEVEL },
  };

  for (guint i = 0; i < cats->len; i++)
    {
      const GaSchemeCategory *cat = g_ptr_array_index (cats, i);
      guint r0 = rows[i];
      guint r1 = r0 + cat->indicators->len - 1;
      const char *sid = cat->section->id;

      name_cp (ex, "cat-weight", sid, ex_cell_ref (s, r0, CP_CAT_WEIGHT));
      name_cp (ex, "cat-applies", sid, ex_cell_ref (s, r0, CP_CAT_APP));
      name_cp (ex, "cat-eff", sid, ex_cell_ref (s, r0, CP_CAT_EFF));
      for (guint c = 0; c < G_N_ELEMENTS (per_cat); c++)
        name_cp (ex, per_cat[c].name, sid, ex_range_ref (s, r0, per_cat[c].col, r1,
                                                         per_cat[c].col));
      for (guint k = 0; k < cat->indicators->len; k++)
        {
          const GaItem *item = g_ptr_array_index (cat->indicators, k);

          for (guint c = 0; c < G_N_ELEMENTS (per_row); c++)
            name_cp (ex, per_row[c].name, item->id, ex_cell_ref (s, r0 + k, per_row[c].col));
          for (guint m = 0; m < 3; m++)
            name_cp (ex, met[m], item->id, ex_cell_ref (s, r0 + k, CP_MET1 + m));
        }
    }
  name_cp (ex, "all-applies", NULL, ex_range_ref (s, first_row, CP_APPLICABLE, last_row,
                                                  CP_APPLICABLE));
  name_cp (ex, "all-levels", NULL, ex_range_ref (s, first_row, CP_LEVEL, last_row, CP_LEVEL));
  name_cp (ex, "all-eff", NULL, ex_range_ref (s, first_row, CP_EFF_WEIGHT, last_row,
                                              CP_EFF_WEIGHT));
  for (guint m = 0; m < 3; m++)
    name_cp (ex, all_met[m], NULL, ex_range_ref (s, first_row, CP_MET1 + m, last_row,
                                                 CP_MET1 + m));
}

/* Writes the formula @f (taken) translated, with @cached. */
static void
put_tree (Export        *ex,
          guint          row,
          guint          col,
          GaFormula     *f,
          const GaValue *cached,
          lxw_format    *format,
          const char    *what)
{
  g_autofree char *text = ex_translate (ex, f, what);

  ex_put_formula (ex, &ex->cp, row, col, text, cached, format, what);
  g_clear_pointer (&f, ga_formula_unref);
}

static void
put_tree_number (Export     *ex,
                 guint       row,
                 guint       col,
                 GaFormula  *f,
                 double      cached,
                 lxw_format *format,
                 const char *what)
{
  GaValue v = GA_VALUE_INIT;

  if (isfinite (cached))
    ga_value_set_number (&v, cached);
  put_tree (ex, row, col, f, &v, format, what);
  ga_value_clear (&v);
}

static void
write_cp_benchmarks (Export       *ex,
                     const GaItem *item,
                     guint         r,
                     gboolean      na)
{
  const Sheet *s = &ex->cp;
  lxw_format *fc = na ? ex->f_na_center : ex->f_center;
  lxw_format *fn = na ? ex->f_na_center : ex->f_number;

  for (guint b = 0; b < 3; b++)
    {
      if (item->score.benchmark[b] != NULL)
        ex_put_expression (ex, s, r, CP_B1 + b, item->score.benchmark[b], fn, "a benchmark");
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
}

static void
write_cp_indicator (Export                 *ex,
                    const GaSchemeCategory *cat,
                    GaItem                 *item,
                    guint                   r)
{
  const Sheet *s = &ex->cp;
  const GaResult *cres = ga_engine_get_section_result (ex->engine, cat->section);
  const GaResult *res = ga_engine_get_item_result (ex->engine, item);
  gboolean na = res->status == GA_STATUS_NA;
  const char *v = g_hash_table_lookup (ex->cells, item->id);
  GaFormula *rule = ga_engine_get_rule (ex->engine, item);
  lxw_format *fc = na ? ex->f_na_center : ex->f_center;
  lxw_format *fn = na ? ex->f_na_center : ex->f_number;

  ex_put_string (ex, s, r, CP_ID, ex_item_number (ex, item), fc, "an indicator number");
  ex_put_string (ex, s, r, CP_TITLE, ex_text_of (ex, &item->title), na ? ex->f_na : ex->f_wrap,
                 "an indicator");
  ex_put_string (ex, s, r, CP_UNIT, item->unit, fc, "a unit");
  ex_put_expression (ex, s, r, CP_WEIGHT, item->weight, fn, "an indicator weight");
  ex_put_string (ex, s, r, CP_LIMITING, item->limiting ? "*" : NULL, fc, "a limiting mark");
  write_cp_benchmarks (ex, item, r, na);
  if (v != NULL)
    {
      /* The value as its cell shows it: a choice's label. */
      g_autoptr(GaFormula) f = ga_scheme_cp_value (item);
      g_autofree char *text = ex_translate_shown (ex, f, "an actual value");
      GaValue shown;

      ex_domain_value (ex_item_domain (ex, item), &res->value, &shown);
      ex_put_formula (ex, s, r, CP_VALUE, text, &shown, na ? fn : (shown.kind == GA_VALUE_TEXT
                                                                  ? ex->f_center : fn),
                      "an actual value");
      ga_value_clear (&shown);
    }
  else
    ex_put_blank (ex, s, r, CP_VALUE, fn);

  if (v != NULL && rule != NULL)
    {
      g_autofree char *ref = ex_rule_ref (item);
      GaValue lv = GA_VALUE_INIT;

      /* The engine decides the level before it looks at the weight; the
       * cell does not read the weight either. */
      g_autofree char *name = ga_scheme_cp_name ("level", item->id);

      if (na)
        ga_value_set_text (&lv, ex->na_text);
      else if (res->level >= 0)
        ga_value_set_number (&lv, res->level);
      else
        ga_value_set_text (&lv, "");
      put_tree (ex, r, CP_LEVEL, ga_scheme_level_cell (item, rule, ref, ex->na_text), &lv, fc,
                "a level met");
      ex_set_written (ex, name, &lv);
      ga_value_clear (&lv);
    }
  else
    ex_put_blank (ex, s, r, CP_LEVEL, fc);

  ex_put_number (ex, s, r, CP_APPLICABLE, na ? 0 : 1, fc, "an applicability flag");
  /* The engine keeps ω' (within the category) per indicator and the
   * category's effective weight per section. */
  put_tree_number (ex, r, CP_EFF_WEIGHT, ga_scheme_cp_eff (cat, item),
                   na || !isfinite (res->weight) || !isfinite (cres->weight)
                   ? 0 : cres->weight * res->weight, fn, "an effective weight");
  for (guint k = 0; k < 3; k++)
    put_tree_number (ex, r, CP_MET1 + k, ga_scheme_cp_met (item, k + 1),
                     !na && res->level >= 1 && res->level <= (int) k + 1 ? 1 : 0, fc,
                     "a met flag");
}

static void
write_cp_category (Export                 *ex,
                   GPtrArray              *cats,
                   const GaSchemeCategory *cat,
                   guint                   r0)
{
  const Sheet *s = &ex->cp;
  const GaResult *cres = ga_engine_get_section_result (ex->engine, cat->section);
  guint r1 = r0 + cat->indicators->len - 1;

  if (cat->indicators->len > 1)
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
  put_tree_number (ex, r0, CP_CAT_APP,
                   ga_scheme_cp_category_applies (cat, section_has_other_inputs (ex,
                                                                                 cat->section)),
                   cres->status == GA_STATUS_NA ? 0 : 1, ex->f_center,
                   "whether a category applies");
  put_tree_number (ex, r0, CP_CAT_EFF, ga_scheme_cp_category_eff (ex->tmpl, cats, cat),
                   isfinite (cres->weight) ? cres->weight : 0, ex->f_number,
                   "an effective category weight");
  for (guint k = 0; k < cat->indicators->len; k++)
    write_cp_indicator (ex, cat, g_ptr_array_index (cat->indicators, k), r0 + k);
}

/* The composite indices, the level and its name below the indicators. */
static void
write_cp_result (Export    *ex,
                 GPtrArray *cats,
                 guint      row)
{
  const Sheet *s = &ex->cp;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *rules = ga_template_get_level_rules (ex->tmpl);
  static const char *names[] = { "Y_I", "Y_II", "Y_III" };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GaValue v = GA_VALUE_INIT;

  for (guint k = 0; k < 3; k++, row++)
    {
      g_autofree char *id = g_strdup_printf ("%u", k + 1);

      g_autofree char *name = ga_scheme_cp_name ("index", id);

      ex_put_string (ex, s, row, CP_TITLE, names[k], ex->f_total, "an index label");
      ex->index_ref[k] = ex_cell_ref (s, row, CP_VALUE);
      name_cp (ex, "index", id, g_strdup (ex->index_ref[k]));
      if (isfinite (sum->index[k]))
        ga_value_set_number (&v, sum->index[k]);
      else
        ga_value_set_blank (&v);
      ex_set_written (ex, name, &v);
      put_tree_number (ex, row, CP_VALUE, ga_scheme_cp_index (ex->tmpl, cats, k), sum->index[k],
                       ex->f_total_num, "a composite index");
    }

  ex_put_string (ex, s, row, CP_TITLE, ex_tr (ex, "清洁生产水平（级别）", "Clean production level"),
                 ex->f_total, "a level label");
  ex->level_ref = ex_cell_ref (s, row, CP_VALUE);
  name_cp (ex, "level", NULL, g_strdup (ex->level_ref));
  if (sum->level >= 0)
    ga_value_set_number (&v, sum->level);
  else
    ga_value_set_text (&v, "");
  put_tree (ex, row, CP_VALUE, level_formula (ex, cats), &v, ex->f_total_num,
            "the clean production level");
  ga_value_clear (&v);

  /* The level's name from its number. */
  row++;
  for (guint i = 0; i < rules->len; i++)
    g_ptr_array_add (labels, (gpointer) ex_text_of (ex, &((GaLevelRule *) rules->pdata[i])->label));
  g_ptr_array_add (labels, NULL);
  ex_put_string (ex, s, row, CP_TITLE, ex_tr (ex, "评价结论", "Result"), ex->f_total,
                 "a level label");
  ga_value_set_text (&v, ex_level_label (ex, sum->level));
  put_tree (ex, row, CP_VALUE,
            ga_scheme_cp_level_label (ex->tmpl, (const char * const *) labels->pdata,
                                      ex_level_label (ex, -1), ex_level_label (ex, 0)),
            &v, ex->f_total, "the clean production result");
  ex_set_written (ex, EX_NAME_LEVEL_LABEL, &v);
  ga_value_clear (&v);
  ex->level_label_ref = ex_cell_ref (s, row, CP_VALUE);
  g_hash_table_replace (ex->extra_cells, g_strdup (EX_NAME_LEVEL_LABEL),
                        g_strdup (ex->level_label_ref));
}

/* One row per indicator, grouped by first-level category. Everything the
 * engine computes is a formula here (ga-scheme-cp.c): the level met (from
 * the benchmark cells), the renormalised weights within a category and
 * across categories, the indices Y_I/Y_II/Y_III and the level decision.
 * Only applicability (from the answers and the template's conditions) is
 * written as 1/0. */
void
ex_write_cp (Export *ex)
{
  const Sheet *s = &ex->cp;
  /* Widths that print the sheet one page wide on A4 landscape with the
   * text at 9 pt or more (ex_finish_sheet()). */
  static const struct { const char *zh, *en; double width; } heads[CP_N_COLS] = {
    { "一级指标", "Category", 7 },
    { "一级权重", "Category weight", 6 },
    { "一级适用", "Category applies", 5 },
    { "有效一级权重", "Effective category weight", 6 },
    { "序号", "No.", 5 },
    { "二级指标", "Indicator", 13 },
    { "单位", "Unit", 6 },
    { "权重", "Weight", 6 },
    { "限定性", "Limiting", 5 },
    { "I级基准值", "Level I", 7 },
    { "II级基准值", "Level II", 7 },
    { "III级基准值", "Level III", 7 },
    { "实际值", "Actual", 8 },
    { "达到级别", "Level met", 6 },
    { "适用", "Applies", 5 },
    { "有效权重", "Effective weight", 6 },
    { "Y_I", "Y_I", 5 },
    { "Y_II", "Y_II", 5 },
    { "Y_III", "Y_III", 5 },
  };

  g_autoptr(GPtrArray) cats = ga_scheme_cp_categories (ex->tmpl);
  g_autofree guint *rows = g_new0 (guint, MAX (cats->len, 1));
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

  /* Every category's rows first: each category's weight depends on every
   * other category's. */
  first_row = row;
  for (guint i = 0; i < cats->len; i++)
    {
      const GaSchemeCategory *cat = g_ptr_array_index (cats, i);

      rows[i] = row;
      row += cat->indicators->len;
    }
  last_row = row > first_row ? row - 1 : first_row;
  name_cp_cells (ex, cats, rows, first_row, last_row);
  for (guint i = 0; i < cats->len; i++)
    write_cp_category (ex, cats, g_ptr_array_index (cats, i), rows[i]);
  write_cp_result (ex, cats, last_row + 2);
  ex_page_setup (ex, s, TRUE, 2, 2, 3, 6);
}
