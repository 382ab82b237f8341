/* ga-export-sheet-summary.c: the summary sheet and its charts
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"
#include "ga-scheme.h"

/* ------------------------------------------------------------------ summary */

/* Rows a chart takes (288 pixels × 1.2 and its offset, in rows of 20
 * pixels), with a blank row after it. */
#define CHART_ROWS 19

/* Adds to @chart (NULL when it could not be made) the series @name: rows
 * @first to @last of the summary's column @col, labelled by column 0.
 * FALSE, with the failure recorded naming @what, when it cannot be. */
static gboolean
add_summary_series (Export      *ex,
                    lxw_chart   *chart,
                    guint        first,
                    guint        last,
                    guint        col,
                    const char  *name,
                    const char  *what)
{
  const Sheet *s = &ex->summary;
  lxw_chart_series *series = chart != NULL ? chart_add_series (chart, NULL, NULL) : NULL;

  if (series == NULL)
    {
      ex_check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, s, -1, -1, what);
      return FALSE;
    }
  chart_series_set_categories (series, s->name, first, 0, last, 0);
  chart_series_set_values (series, s->name, first, col, last, col);
  chart_series_set_name (series, name);
  return TRUE;
}

/* Places @chart on the summary sheet, its top left corner in cell (@row,
 * @col), a little larger than libxlsxwriter's default size. */
static void
insert_summary_chart (Export      *ex,
                      guint        row,
                      guint        col,
                      lxw_chart   *chart,
                      const char  *what)
{
  const Sheet *s = &ex->summary;
  lxw_chart_options place = { .x_offset = 10, .y_offset = 10, .x_scale = 1.2, .y_scale = 1.2 };

  ex_break_before (s, row);
  if (ex->counts != NULL)
    ex->counts->charts++;
  ex_check (ex, worksheet_insert_chart_opt (s->ws, row, col, chart, &place), s, row, col, what);
}

/* Writes the title, the conclusion and the table's header row. */
static void
write_summary_head (Export *ex)
{
  const Sheet *s = &ex->summary;
  gboolean points = ex->points;

  ex_merge (ex, s, 0, 0, 0, 4, ex_tr (ex, "评价汇总", "Summary"), ex->f_title);
  /* The conclusion reads the result cells, so it follows a recalculation
   * (ga-export-explain.c); a merged range takes its text first, then the
   * formula replaces its first cell. */
  ex_merge (ex, s, 1, 0, 1, 4, "", ex->f_note);
  ex_put_conclusion (ex, s, 1, 0, ex->f_note);
  ex->conclusion_ref = ex_cell_ref (s, 1, 0);
  if (!ex_failed (ex))
    worksheet_set_row (s->ws, 1, 45, NULL);
  ex_put_string (ex, s, 2, 0, points ? ex_tr (ex, "一级指标", "Indicator") : ex_tr (ex, "指标", "Figure"),
                 ex->f_header, "a heading");
  ex_put_string (ex, s, 2, 1, points ? ex_tr (ex, "得分", "Score") : ex_tr (ex, "数值", "Value"),
                 ex->f_header, "a heading");
  if (points)
    {
      ex_put_string (ex, s, 2, 2, ex_tr (ex, "可得分", "Attainable"), ex->f_header, "a heading");
      ex_put_string (ex, s, 2, 3, ex_tr (ex, "得分率", "Rate"), ex->f_header, "a heading");
    }
}

/* Writes one row of a points scheme's table from @row: a root section's
 * score and maximum read from the scoring sheet, and its score rate. */
static void
write_section_row (Export          *ex,
                   guint            row,
                   const GaSection *section)
{
  const Sheet *s = &ex->summary;
  const GaResult *res = ga_engine_get_section_result (ex->engine, section);
  guint r = ex_section_row (ex, section);
  g_autofree char *score = ex_cell_ref (&ex->scoring, r, SC_SCORE);
  g_autofree char *max = ex_cell_ref (&ex->scoring, r, SC_MAX);
  g_autofree char *part = g_strconcat (GA_SCHEME_SECTION_SCORE, section->id, NULL);
  g_autofree char *whole = g_strconcat (GA_SCHEME_SECTION_MAX, section->id, NULL);
  g_autoptr(GaFormula) rate_f = ga_scheme_rate (part, whole);
  g_autofree char *rate = ex_translate (ex, rate_f, "a rate");
  GaValue rate_v = GA_VALUE_INIT;

  ex_put_string (ex, s, row, 0, ex_text_of (ex, &section->title), ex->f_wrap, "a section");
  ex_put_formula_number (ex, s, row, 1, score, res->score, ex->f_number, "a section score");
  ex_put_formula_number (ex, s, row, 2, max, res->max, ex->f_number, "a section maximum");
  ga_engine_evaluate_formula (ex->engine, rate_f, &rate_v);
  ex_put_formula (ex, s, row, 3, rate, &rate_v, ex->f_percent, "a rate");
  ga_value_clear (&rate_v);
}

/* Writes the rows under the sections from @row: the total of a points
 * scheme, or the composite indices and the level of clean production.
 * Moves @last to the last row a chart reads; returns the next free row. */
static guint
write_summary_totals (Export *ex,
                      guint   row,
                      guint  *last)
{
  const Sheet *s = &ex->summary;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);

  if (ex->points)
    {
      ex_put_string (ex, s, row, 0, ex_tr (ex, "总分", "Total"), ex->f_total, "a label");
      ex_put_formula_number (ex, s, row, 1, ex->total_ref, sum->score, ex->f_total_num,
                             "the total");
      ex_put_formula_number (ex, s, row, 2, ex->max_ref, sum->max, ex->f_total_num, "the maximum");
      row++;
    }
  else if (ex->has_cp)
    {
      static const char *names[] = { "Y_I", "Y_II", "Y_III" };

      for (guint k = 0; k < 3; k++, row++)
        {
          ex_put_string (ex, s, row, 0, names[k], ex->f_text, "a label");
          ex_put_formula_number (ex, s, row, 1, ex->index_ref[k], sum->index[k], ex->f_number,
                                 "a composite index");
        }
      *last = row - 1;
      if (ex->level_label_ref != NULL)
        {
          ex_put_string (ex, s, row, 0, ex_tr (ex, "清洁生产水平", "Clean production level"),
                         ex->f_total, "a label");
          ex_put_formula_text (ex, s, row, 1, ex->level_label_ref, ex_level_label (ex, sum->level),
                               ex->f_total, "the level");
          row++;
        }
    }
  return row;
}

/* Adds the column chart of the clean-production composite indices (rows
 * @first to @last) at *@chart_row and moves it on. FALSE when it failed. */
static gboolean
add_index_chart (Export *ex,
                 guint   first,
                 guint   last,
                 guint  *chart_row)
{
  lxw_chart *col = workbook_add_chart (ex->wb, LXW_CHART_COLUMN);

  if (!add_summary_series (ex, col, first, last, 1,
                           ex_tr (ex, "综合评价指数", "Composite index"), "the index chart"))
    return FALSE;
  chart_title_set_name (col, ex_tr (ex, "清洁生产综合评价指数", "Clean production indices"));
  chart_legend_set_position (col, LXW_CHART_LEGEND_NONE);
  chart_axis_set_min (col->y_axis, 0);
  chart_axis_set_max (col->y_axis, 100);
  insert_summary_chart (ex, *chart_row, 0, col, "the index chart");
  *chart_row += CHART_ROWS;
  return TRUE;
}

/* Adds the bar chart of the sections' scores against their maxima and,
 * from three sections on, the radar chart of their rates (rows @first to
 * @last) at *@chart_row and moves it on. FALSE when one failed. */
static gboolean
add_score_charts (Export *ex,
                  guint   n_sections,
                  guint   first,
                  guint   last,
                  guint  *chart_row)
{
  const Sheet *s = &ex->summary;
  lxw_chart *bar = workbook_add_chart (ex->wb, LXW_CHART_BAR);
  lxw_chart *radar = n_sections >= 3 ? workbook_add_chart (ex->wb, LXW_CHART_RADAR) : NULL;

  if (bar == NULL || (n_sections >= 3 && radar == NULL))
    {
      ex_check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, s, -1, -1, "a chart");
      return FALSE;
    }
  if (!add_summary_series (ex, bar, first, last, 1, ex_tr (ex, "得分", "Score"),
                           "a chart series")
      || !add_summary_series (ex, bar, first, last, 2, ex_tr (ex, "可得分", "Attainable"),
                              "a chart series"))
    return FALSE;
  chart_title_set_name (bar, ex_tr (ex, "各一级指标得分", "Score by indicator"));
  chart_legend_set_position (bar, LXW_CHART_LEGEND_BOTTOM);
  insert_summary_chart (ex, *chart_row, 0, bar, "the score chart");
  *chart_row += CHART_ROWS;

  if (radar != NULL)
    {
      if (!add_summary_series (ex, radar, first, last, 3, ex_tr (ex, "得分率", "Rate"),
                               "a chart series"))
        return FALSE;
      chart_title_set_name (radar, ex_tr (ex, "得分率", "Score rate"));
      chart_legend_set_position (radar, LXW_CHART_LEGEND_NONE);
      insert_summary_chart (ex, *chart_row, 0, radar, "the rate chart");
      *chart_row += CHART_ROWS;
    }
  return TRUE;
}

/* Adds the doughnut chart of the energy mix, read from the energy sheet's
 * mix table, at *@chart_row and moves it on. FALSE when it failed. */
static gboolean
add_mix_chart (Export *ex,
               guint  *chart_row)
{
  const Sheet *s = &ex->summary;
  TableLayout *t = g_hash_table_lookup (ex->tables, ex->mix_table);
  guint label_col = 0;
  guint src = g_array_index (t->col_of, guint, t->share_src);
  lxw_chart *pie = workbook_add_chart (ex->wb, LXW_CHART_DOUGHNUT);
  lxw_chart_series *series;

  /* The categories are the carrier names: the first choice column
   * (it holds the labels), else the row numbers. */
  for (guint c = 0; c < ex->mix_table->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (ex->mix_table->columns, c);

      if (ex_column_has_label (column) && !g_array_index (t->hidden, gboolean, c))
        {
          label_col = g_array_index (t->col_of, guint, c);
          break;
        }
    }
  if (pie == NULL || (series = chart_add_series (pie, NULL, NULL)) == NULL)
    {
      ex_check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, s, -1, -1, "the energy mix chart");
      return FALSE;
    }
  chart_series_set_categories (series, ex->energy.name, t->first_row, label_col,
                               t->first_row + t->n_rows - 1, label_col);
  chart_series_set_values (series, ex->energy.name, t->first_row, src,
                           t->first_row + t->n_rows - 1, src);
  chart_series_set_name (series, ex_tr (ex, "综合能耗构成", "Energy mix"));
  chart_series_set_labels (series);
  chart_series_set_labels_options (series, LXW_FALSE, LXW_FALSE, LXW_FALSE);
  chart_series_set_labels_percentage (series);
  chart_title_set_name (pie, ex_tr (ex, "能源消费结构（按折标煤）", "Energy mix (tce)"));
  insert_summary_chart (ex, *chart_row, 0, pie, "the energy mix chart");
  *chart_row += CHART_ROWS;
  return TRUE;
}

void
ex_write_summary (Export *ex)
{
  const Sheet *s = &ex->summary;
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  gboolean points = ex->points;
  guint row = 3, first, last, chart_row;
  guint n_rows = points ? roots->len : 0;

  write_summary_head (ex);
  first = row;
  for (guint i = 0; i < n_rows; i++, row++)
    write_section_row (ex, row, g_ptr_array_index (roots, i));
  last = row - 1;
  row = write_summary_totals (ex, row, &last);
  /* Wide enough for the charts below the table (576 pixels). */
  ex_set_column (ex, s, 0, 0, 30, NULL);
  ex_set_column (ex, s, 1, 3, 12, NULL);
  ex_set_column (ex, s, 4, 4, 14, NULL);

  /* The charts below the table, one under the other, each where a page
   * may break before it. */
  chart_row = (guint) MAX (s->last_row, (int) row) + 2;

  if (ex->has_cp && !ex_failed (ex)
      && !add_index_chart (ex, first, last, &chart_row))
    return;
  if (points && roots->len > 0 && !ex_failed (ex)
      && !add_score_charts (ex, roots->len, first, last, &chart_row))
    return;
  if (ex->mix_table != NULL && !ex_failed (ex)
      && !add_mix_chart (ex, &chart_row))
    return;
  /* The rows under the charts are part of the printed page. */
  ex_put_blank (ex, s, chart_row - 1, 4, NULL);
  ex_page_setup (ex, s, FALSE, -1, -1, 3, 0);
}
