/* ga-export-sheet-scoring.c: the scoring sheet
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"
#include "ga-scheme.h"

/* ------------------------------------------------------------ scoring sheet */

const GaOption *
ex_find_option (GPtrArray  *options,
                const char *id)
{
  if (options == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < options->len; i++)
    {
      const GaOption *o = g_ptr_array_index (options, i);

      if (g_str_equal (o->id, id))
        return o;
    }
  return NULL;
}

static char *
item_remark (Export         *ex,
             const GaItem   *item,
             const GaAnswer *answer,
             gboolean        na)
{
  GString *out = g_string_new (NULL);

  /* Why it does not apply is in the explanation; the reason a user gave
   * is theirs and goes here. */
  if (na && answer != NULL && answer->not_applicable && answer->na_reason != NULL
      && *answer->na_reason != '\0')
    g_string_append_printf (out, "%s%s", ex_tr (ex, "不适用理由：", "Not applicable: "),
                            answer->na_reason);
  if (answer != NULL && answer->note != NULL && *answer->note != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, answer->note);
    }
  return g_string_free (out, FALSE);
}

static char *
item_evidence (Export       *ex,
               const GaItem *item)
{
  GString *out = g_string_new (NULL);
  GPtrArray *attached = ex->opt->evidence != NULL
                        ? g_hash_table_lookup (ex->opt->evidence, item->id) : NULL;

  for (guint i = 0; item->evidence != NULL && i < item->evidence->len; i++)
    {
      g_autofree char *document = ex_free_text (ex, g_ptr_array_index (item->evidence, i));

      g_string_append_printf (out, "%s%s", i == 0 ? "" : "；", document);
    }
  if (attached != NULL && attached->len > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, ex_tr (ex, "已附：", "Attached: "));
      for (guint i = 0; i < attached->len; i++)
        g_string_append_printf (out, "%s%s", i == 0 ? "" : "；",
                                (const char *) g_ptr_array_index (attached, i));
    }
  return g_string_free (out, FALSE);
}

/* The class of @item: 必选/可选 and what else it is. */
static char *
item_class (Export       *ex,
            const GaItem *item)
{
  GString *klass = g_string_new (item->mandatory ? ex_tr (ex, "必选", "mandatory")
                                                 : ex_tr (ex, "可选", "optional"));
  const char *sep = ex_tr (ex, "、", ", ");

  if (item->veto)
    g_string_append_printf (klass, "%s%s", sep, ex_tr (ex, "否决项", "veto"));
  if (item->bonus)
    g_string_append_printf (klass, "%s%s", sep, ex_tr (ex, "附加项", "bonus"));
  if (item->limiting)
    g_string_append_printf (klass, "%s%s", sep, ex_tr (ex, "限定性", "limiting"));
  if (item->kind == GA_ITEM_COMPUTED)
    g_string_append_printf (klass, "%s%s", sep, ex_tr (ex, "计算项", "computed"));
  return g_string_free (klass, FALSE);
}

/* The answer cell of @item: what the formulas read, in the words the user
 * chose (符合, 是, an option's label), a cell a reviewer may change. */
static void
write_answer (Export         *ex,
              GaItem         *item,
              guint           row,
              const GaResult *res,
              const GaAnswer *answer,
              gboolean        na)
{
  const Sheet *s = &ex->scoring;
  const ExDomain *domain = ex_item_domain (ex, item);
  GaValue shown = GA_VALUE_INIT;

  if (na && item->kind != GA_ITEM_COMPUTED && item->kind != GA_ITEM_TABLE)
    {
      ex_put_string (ex, s, row, SC_ANSWER, ex->na_text, ex->f_na, "an answer");
      ga_value_set_na (&shown);
    }
  else
    switch (item->kind)
      {
      case GA_ITEM_COMPLIANCE:
      case GA_ITEM_YESNO:
      case GA_ITEM_CHOICE:
        ex_domain_value (domain, &res->value, &shown);
        ex_put_value (ex, s, row, SC_ANSWER, &shown, ex->f_input, "an answer");
        break;
      case GA_ITEM_MULTI:
        {
          GString *labels = g_string_new (NULL);

          for (guint i = 0; answer != NULL && answer->selected != NULL &&
               answer->selected[i] != NULL; i++)
            {
              const GaOption *o = ex_find_option (item->options, answer->selected[i]);

              g_string_append_printf (labels, "%s%s", i == 0 ? "" : "；",
                                      o != NULL ? ex_text_of (ex, &o->label)
                                                : answer->selected[i]);
            }
          ex_put_string (ex, s, row, SC_ANSWER, labels->str, ex->f_wrap, "an answer");
          if (labels->len > 0)
            ga_value_set_text (&shown, labels->str);
          g_string_free (labels, TRUE);
          break;
        }
      case GA_ITEM_NUMBER:
      case GA_ITEM_POINTS:
        ex_put_value (ex, s, row, SC_ANSWER, &res->value,
                      ex_unit_format (ex, item->integer ? "0" : "0.00##", NULL, EX_FMT_INPUT),
                      "an answer");
        ga_value_copy (&res->value, &shown);
        break;
      case GA_ITEM_COMPUTED:
        {
          g_autoptr(GaFormula) waiting = ex_waiting_formula (ex, item);
          g_autofree char *f = ex_translate (ex, waiting, item->id);

          ex_put_formula (ex, s, row, SC_ANSWER, f, &res->value,
                          res->value.kind == GA_VALUE_TEXT && !na
                          ? ex->f_wrap : ex_unit_format (ex, item->format != NULL ? item->format
                                                                              : "0.00", NULL, na),
                          "a computed value");
          if (res->value.kind == GA_VALUE_TEXT)
            ex_note_wrapped (s, row, SC_ANSWER, res->value.u.text);
          if (na)
            ga_value_set_na (&shown);
          else
            ga_value_copy (&res->value, &shown);
          break;
        }
      case GA_ITEM_TABLE:
        {
          guint n = ga_engine_get_n_rows (ex->engine, item);
          g_autofree char *see = ex->zh
            ? g_strdup_printf ("见「%s」表（%u 行）", ex->energy.name, n)
            : g_strdup_printf ("see sheet \"%s\" (%u rows)", ex->energy.name, n);

          ex_put_string (ex, s, row, SC_ANSWER, see, ex->f_wrap, "a table reference");
          break;
        }
      case GA_ITEM_TEXT:
      case GA_ITEM_DATE:
      default:
        ex_put_value (ex, s, row, SC_ANSWER, &res->value, ex->f_input_wrap, "an answer");
        ga_value_copy (&res->value, &shown);
        break;
      }
  /* An input cell holds an error as its text (ex_put_value()). */
  if (item->kind != GA_ITEM_COMPUTED && shown.kind == GA_VALUE_ERROR)
    ga_value_set_text (&shown, ga_error_code_to_string (shown.u.error.code));
  if (item->kind != GA_ITEM_COMPUTED && item->kind != GA_ITEM_TABLE
      && item->kind != GA_ITEM_MULTI)
    ex_validate_item (ex, s, row, SC_ANSWER, item);
  ex_set_written (ex, item->id, &shown);
  ga_value_clear (&shown);
}

static void
write_item (Export         *ex,
            GaItem         *item)
{
  const Sheet *s = &ex->scoring;
  guint row = ex_item_row (ex, item);
  const GaResult *res = ga_engine_get_item_result (ex->engine, item);
  const GaAnswer *answer = ga_answer_set_get (ga_engine_get_answers (ex->engine), item->id);
  gboolean na = res->status == GA_STATUS_NA || (answer != NULL && answer->not_applicable);
  lxw_format *fw = na ? ex->f_na : ex->f_wrap;
  lxw_format *fc = na ? ex->f_na : ex->f_center;
  lxw_format *fp = na ? ex->f_na_center : ex->f_points;
  const char *v = g_hash_table_lookup (ex->cells, item->id);
  g_autofree char *remark = item_remark (ex, item, answer, na);
  g_autofree char *evidence = item_evidence (ex, item);
  g_autofree char *klass = item_class (ex, item);
  g_autofree char *where = g_strdup_printf ("%s %s", s->name, ex_item_number (ex, item));
  /* The unit in the title: the answer cell keeps the figure alone. */
  g_autofree char *unit = ex_unit_text (ex, item->unit);
  g_autofree char *title = ex_title_with_unit (ex_text_of (ex, &item->title), unit);
  gboolean unverified = !item->verified || res->unverified;

  /* The indicators' names are written once, by the merge over their rows
   * (write_section()), which covers this row. */
  ex_put_blank (ex, s, row, SC_L1, ex->f_section);
  ex_put_blank (ex, s, row, SC_L2, ex->f_section);
  ex_put_string (ex, s, row, SC_NO, ex_item_number (ex, item), fc, "an item number");
  ex_put_string (ex, s, row, SC_TITLE, title, fw, "an item title");
  ex_put_string (ex, s, row, SC_REQ, ex_text_of (ex, &item->requirement), fw, "a requirement");
  ex_put_string (ex, s, row, SC_CLASS, klass, fc, "an item class");
  ex_put_number (ex, s, row, SC_POINTS, ex_item_is_scored (item) ? item->points : NAN, fp,
                 "points");

  write_answer (ex, item, row, res, answer, na);

  /* Score and maximum. */
  if ((item->veto || ex_item_is_scored (item)) && v != NULL)
    {
      g_hash_table_insert (ex->extra_cells, g_strdup_printf ("score:%s", item->id),
                           ex_cell_ref (s, row, SC_SCORE));
      if (!item->veto)
        g_hash_table_insert (ex->extra_cells, g_strdup_printf ("max:%s", item->id),
                             ex_cell_ref (s, row, SC_MAX));
    }
  if (item->veto && v != NULL)
    {
      GaFormula *rule = ga_engine_get_rule (ex->engine, item);
      g_autofree char *ref = ex_rule_ref (item);
      g_autofree char *score_name = g_strconcat (GA_SCHEME_SCORE, item->id, NULL);
      GaSchemeLabels labels = ex_scheme_labels (ex);
      g_autoptr(GaFormula) cell = ga_scheme_veto_cell (item, rule, ref, ex->na_text,
                                                       labels.veto_met, labels.veto_failed);
      g_autofree char *f = ex_translate (ex, cell, item->id);
      GaValue cached = GA_VALUE_INIT;

      /* What the cell shows for the engine's result: pending ("") while
       * the item or its condition is unanswered or an error. */
      if (res->status == GA_STATUS_NA)
        ga_value_set_text (&cached, ex->na_text);
      else if (res->status == GA_STATUS_INCOMPLETE || res->status == GA_STATUS_ERROR
               || res->value.kind == GA_VALUE_BLANK)
        ga_value_set_text (&cached, "");
      else
        ga_value_set_text (&cached, res->veto_failed ? labels.veto_failed : labels.veto_met);
      ex_put_formula (ex, s, row, SC_SCORE, f, &cached, fc, "a veto result");
      ex_set_written (ex, score_name, &cached);
      ga_value_clear (&cached);
      ex_put_blank (ex, s, row, SC_MAX, fp);
    }
  else if (ex_item_is_scored (item) && v != NULL)
    {
      GaFormula *rule = ga_engine_get_rule (ex->engine, item);
      g_autofree char *ref = ex_rule_ref (item);
      g_autofree char *score_name = g_strconcat (GA_SCHEME_SCORE, item->id, NULL);
      g_autofree char *max_name = g_strconcat (GA_SCHEME_MAX, item->id, NULL);
      g_autoptr(GaFormula) max_cell = ga_scheme_max_cell (item, rule, ref);
      g_autoptr(GaFormula) score_cell = rule != NULL ? ga_scheme_score_cell (item, rule, ref)
                                                     : NULL;
      g_autofree char *f = score_cell != NULL ? ex_translate (ex, score_cell, item->id) : NULL;
      g_autofree char *m = ex_translate (ex, max_cell, item->id);
      GaValue cached = GA_VALUE_INIT;

      /* A multiple choice scores the options chosen, which are not in
       * cells: its score is written as the value. */
      if (score_cell == NULL)
        ex->n_value_only++;
      /* ex_put_formula() writes the value when there is no formula (a
       * multiple-choice score, or a formula beyond Excel's limits). */
      ex_put_formula_number (ex, s, row, SC_SCORE, f, res->score, fp, "an item score");
      ex_put_formula_number (ex, s, row, SC_MAX, m, res->max, fp, "an item maximum");
      if (isfinite (res->score))
        ga_value_set_number (&cached, res->score);
      ex_set_written (ex, score_name, &cached);
      if (isfinite (res->max))
        ga_value_set_number (&cached, res->max);
      else
        ga_value_set_blank (&cached);
      ex_set_written (ex, max_name, &cached);
      ga_value_clear (&cached);
    }
  else
    {
      ex_put_blank (ex, s, row, SC_SCORE, fp);
      ex_put_blank (ex, s, row, SC_MAX, fp);
    }

  ex_put_string (ex, s, row, SC_EVIDENCE, evidence, fw, "the evidence list");
  ex_put_built (ex, s, row, SC_EXPLAIN, ex_item_explanation (ex, item), fw, "an explanation");
  ex_put_string (ex, s, row, SC_REMARK, remark, fw, "a remark");

  /* Where the item's figures come from, and whether they are verified,
   * are on the sources sheet; the row carries a mark when they are not. */
  ex_put_string (ex, s, row, SC_MARK, unverified ? EX_MARK : NULL, ex->f_mark,
                 "an unverified mark");
  ex_add_source (ex, where, ex_text_of (ex, &item->title), item->source,
                 !unverified, !item->verified ? item->unverified_reason
                 : ex_tr (ex, "所用的数值中有未经核实的（如系数表中未核实的系数）",
                          "it uses a value that is not verified (such as an unverified "
                          "factor)"), FALSE);
}

/* Writes the summary formula @formula (taken) with the engine's value,
 * which the workbook then holds at @name. */
static void
put_summary_number (Export      *ex,
                    guint        row,
                    guint        col,
                    GaFormula   *formula,
                    double       value,
                    lxw_format  *format,
                    const char  *name,
                    const char  *what)
{
  g_autofree char *f = NULL;
  GaValue v = GA_VALUE_INIT;

  if (isfinite (value))
    ga_value_set_number (&v, value);
  ex_set_written (ex, name, &v);
  ga_value_clear (&v);

  /* A sum of nothing is a plain 0. */
  if (ga_formula_get_n_refs (formula) == 0)
    ex_put_number (ex, &ex->scoring, row, col, value, format, what);
  else
    {
      f = ex_translate (ex, formula, what);
      ex_put_formula_number (ex, &ex->scoring, row, col, f, value, format, what);
    }
  g_clear_pointer (&formula, ga_formula_unref);
}

static void
put_summary_text (Export      *ex,
                  guint        row,
                  GaFormula   *formula,
                  const char  *value,
                  const char  *name,
                  const char  *what)
{
  g_autofree char *f = ex_translate (ex, formula, what);
  GaValue v = GA_VALUE_INIT;

  ga_value_set_text (&v, value);
  ex_set_written (ex, name, &v);
  ga_value_clear (&v);

  ex_put_formula_text (ex, &ex->scoring, row, SC_SCORE, f, value, ex->f_total, what);
  g_clear_pointer (&formula, ga_formula_unref);
}

static void
write_subtotal (Export          *ex,
                const GaSection *section)
{
  const Sheet *s = &ex->scoring;
  guint row = ex_section_row (ex, section);
  const GaResult *res = ga_engine_get_section_result (ex->engine, section);
  g_autofree char *label = g_strdup_printf ("%s%s", ex_tr (ex, "小计：", "Subtotal: "),
                                            ex_text_of (ex, &section->title));
  g_autofree char *score_name = g_strconcat (GA_SCHEME_SECTION_SCORE, section->id, NULL);
  g_autofree char *max_name = g_strconcat (GA_SCHEME_SECTION_MAX, section->id, NULL);

  for (guint c = 0; c < N_SCORE_COLS; c++)
    if (c != SC_L1 && c != SC_L2)
      ex_put_blank (ex, s, row, c, ex->f_subtotal);
  ex_put_string (ex, s, row, SC_TITLE, label, ex->f_subtotal, "a subtotal label");
  /* Only the points scheme has section scores; clean production scores
   * on its own sheet. */
  if (!ex->points)
    return;
  ex_put_number (ex, s, row, SC_POINTS, ga_scheme_section_points (ex->tmpl, section),
                 ex->f_subtotal_num, "section points");
  put_summary_number (ex, row, SC_SCORE, ga_scheme_section_sum (ex->tmpl, section, FALSE),
                      res->score, ex->f_subtotal_num, score_name, "a section subtotal");
  put_summary_number (ex, row, SC_MAX, ga_scheme_section_sum (ex->tmpl, section, TRUE),
                      res->max, ex->f_subtotal_num, max_name, "a section maximum");
}

/* The first row of a section's block: its first item, its first
 * subsection's first row, or its subtotal when it is empty. */
static guint
section_first_row (Export          *ex,
                   const GaSection *section)
{
  if (section->items->len > 0)
    return ex_item_row (ex, g_ptr_array_index (section->items, 0));
  if (section->sections->len > 0)
    return section_first_row (ex, g_ptr_array_index (section->sections, 0));
  return ex_section_row (ex, section);
}

static void
write_section (Export          *ex,
               const GaSection *section,
               const char      *l1,
               const char      *l2)
{
  const Sheet *s = &ex->scoring;
  guint first, last;

  if (section->depth == 0)
    {
      l1 = ex_text_of (ex, &section->title);
      /* A first-level section starts a page when it would otherwise begin
       * at the foot of one (ex_finish_sheet()). */
      ex_break_before (s, section_first_row (ex, section));
    }
  else if (section->depth == 1)
    l2 = ex_text_of (ex, &section->title);

  for (guint i = 0; i < section->items->len; i++)
    {
      write_item (ex, g_ptr_array_index (section->items, i));
    }
  for (guint i = 0; i < section->sections->len; i++)
    {
      const GaSection *sub = g_ptr_array_index (section->sections, i);

      write_section (ex, sub, l1, l2);
    }
  write_subtotal (ex, section);

  /* Bureau forms show each indicator once, over all its rows. */
  last = ex_section_row (ex, section);
  first = section_first_row (ex, section);
  if (section->depth == 0)
    ex_merge (ex, s, first, SC_L1, last, SC_L1, l1, ex->f_section);
  else if (section->depth == 1 && first < last)
    ex_merge (ex, s, first, SC_L2, last - 1, SC_L2, l2, ex->f_section);
}

/* Starts a result row below the sections (total, bonus, veto, grade,
 * pass): every cell in the totals' format, @label across the indicator
 * columns. */
static void
write_result_label (Export     *ex,
                    guint       row,
                    const char *label)
{
  const Sheet *s = &ex->scoring;

  for (guint c = 0; c < N_SCORE_COLS; c++)
    ex_put_blank (ex, s, row, c, ex->f_total);
  ex_merge (ex, s, row, SC_L1, row, SC_REQ, label, ex->f_total);
}

void
ex_write_scoring (Export *ex)
{
  const Sheet *s = &ex->scoring;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  /* Widths that print the sheet one page wide on A4 landscape with the
   * text at 9 pt or more (ex_finish_sheet()); text wraps in them. */
  static const struct { const char *zh, *en; double width; } heads[N_SCORE_COLS] = {
    { "一级指标", "First-level indicator", 7 },
    { "二级指标", "Second-level indicator", 8 },
    { "序号", "No.", 5 },
    { "指标", "Indicator", 12 },
    { "要求", "Requirement", 19 },
    { "类别", "Class", 6 },
    { "分值", "Points", 5 },
    { "答案", "Answer", 10 },
    { "得分", "Score", 6 },
    { "可得分", "Max.", 6 },
    { "证据", "Evidence", 12 },
    { "评分说明", "Explanation", 16 },
    { "备注", "Remarks", 8 },
    { "核实", "Checked", 4 },
  };
  g_autofree char *title = g_strdup_printf ("%s %s", ex_text_of (ex,
                                                                 ga_template_get_title (ex->tmpl)),
                                            ex_tr (ex, "评分表", "scoring sheet"));
  g_autofree char *sub = g_strdup_printf ("%s  %s  %s %s  %s", ga_template_get_standard (ex->tmpl)
                                          ? ga_template_get_standard (ex->tmpl) : "",
                                          ex->opt->enterprise && ex->opt->enterprise->name
                                          ? ex->opt->enterprise->name : "",
                                          ex_tr (ex, "模板版本", "template version"),
                                          ga_template_get_version (ex->tmpl),
                                          ex->zh ? "（" EX_MARK " 未经官方文本核实，见「来源与核实」表）"
                                                 : "(" EX_MARK " not verified against the "
                                                   "official text: see the Sources sheet)");
  GaSchemeLabels labels = ex_scheme_labels (ex);
  guint row;

  ex_merge (ex, s, 0, 0, 0, N_SCORE_COLS - 1, title, ex->f_title);
  ex_merge (ex, s, 1, 0, 1, N_SCORE_COLS - 1, sub, ex->f_subtitle);
  for (guint c = 0; c < N_SCORE_COLS; c++)
    {
      ex_put_string (ex, s, 2, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header, "a heading");
      ex_set_column (ex, s, c, c, heads[c].width, NULL);
    }

  for (guint i = 0; i < roots->len; i++)
    write_section (ex, g_ptr_array_index (roots, i), "", "");

  /* Totals, bonus, veto status, grade and pass (ga-scheme-summary.c). */
  if (ex->points)
    {
      row = ex->total_row;
      write_result_label (ex, row, ex_tr (ex, "总分", "Total"));
      ex_put_number (ex, s, row, SC_POINTS, ga_template_get_max_score (ex->tmpl),
                     ex->f_total_num, "the maximum score");
      put_summary_number (ex, row, SC_SCORE, ga_scheme_section_sum (ex->tmpl, NULL, FALSE),
                          sum->score, ex->f_total_num, GA_SCHEME_TOTAL_SCORE, "the total score");
      put_summary_number (ex, row, SC_MAX, ga_scheme_section_sum (ex->tmpl, NULL, TRUE),
                          sum->max, ex->f_total_num, GA_SCHEME_TOTAL_MAX, "the attainable total");
    }
  if (ex->has_bonus)
    {
      row = ex->bonus_row;
      write_result_label (ex, row, ex_tr (ex, "附加分", "Bonus"));
      ex_put_number (ex, s, row, SC_POINTS, ga_template_get_bonus_cap (ex->tmpl),
                     ex->f_total_num, "the bonus cap");
      put_summary_number (ex, row, SC_SCORE, ga_scheme_bonus (ex->tmpl), sum->bonus,
                          ex->f_total_num, EX_NAME_BONUS, "the bonus");
    }
  if (ex->has_veto)
    {
      row = ex->veto_row;
      write_result_label (ex, row, ex_tr (ex, "否决项（基本要求）", "Veto items (basic requirements)"));
      put_summary_text (ex, row, ga_scheme_veto_status (ex->tmpl, &labels),
                        sum->veto == GA_VETO_FAIL ? labels.fail
                        : sum->veto == GA_VETO_PENDING ? labels.pending : labels.pass,
                        GA_SCHEME_VETO_STATUS, "the veto status");
    }
  if (ex->has_grades)
    {
      GPtrArray *grades = ga_template_get_grades (ex->tmpl);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; i < grades->len; i++)
        g_ptr_array_add (names, (gpointer) ex_text_of (ex, &((GaGrade *) grades->pdata[i])->label));
      g_ptr_array_add (names, NULL);
      row = ex->grade_row;
      write_result_label (ex, row, ex_tr (ex, "等级", "Grade"));
      put_summary_text (ex, row, ga_scheme_grade (ex->tmpl, (const char * const *) names->pdata,
                                                  &labels),
                        sum->grade != NULL ? ex_text_of (ex, &sum->grade->label) : "",
                        EX_NAME_GRADE, "the grade");
    }
  if (ex->has_pass)
    {
      row = ex->pass_row;
      write_result_label (ex, row, ex_tr (ex, "是否达到合格线", "Pass mark reached"));
      ex_put_number (ex, s, row, SC_POINTS, ga_template_get_pass_score (ex->tmpl),
                     ex->f_total_num, "the pass mark");
      put_summary_text (ex, row, ga_scheme_passed (ex->tmpl, &labels),
                        sum->passed ? labels.yes : labels.no, EX_NAME_PASS, "the pass result");
    }

  ex_page_setup (ex, s, TRUE, 2, 2, 3, 3);
}
