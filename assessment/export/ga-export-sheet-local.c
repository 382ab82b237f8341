/* ga-export-sheet-local.c: the local summary tables of a green-manufacturing
 * round (附件2 培育计划, 附件3 绿色绩效指标, 附件4 绿色化改造项目)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The official forms of these tables could not be obtained; their columns
 * are inferred from the notices that ask for them. Each sheet says so in a
 * note under its title and with ※ beside its headings, and the 来源与核实
 * sheet gives the source and why it is not verified, as for any other
 * unverified figure. Cells the application has nothing for stay empty (a
 * light yellow one is for the user to fill in); a figure derived from
 * others on the sheet is a formula with its value cached.
 */
#include "config.h"

#include <math.h>

#include "ga-export-book.h"

typedef struct {
  const char *zh, *en;
  double      width;
} Column;

/* The title, the note that the layout is not verified, and the headings
 * at @header_row with ※ in the column after the last. */
/* A row high enough for @text wrapped across columns @width units wide
 * (CJK characters take two units): the note is merged over the whole
 * table, which the row heights of the other sheets do not measure. */
static void
fit_note_row (Export      *ex,
              const Sheet *s,
              guint        row,
              const char  *text,
              double       width)
{
  double units = 0;
  double lines;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  lines = ceil (units / MAX (width - 2, 1));
  if (lines > 1)
    ex_check (ex, worksheet_set_row (s->ws, row, 14 * lines + 2, NULL), s, row, -1,
              "a row height");
}

static void
write_frame (Export       *ex,
             const Sheet  *s,
             const char   *title,
             const Column *cols,
             guint         n_cols,
             guint         header_row)
{
  const char *note = ex_tr (ex, EX_MARK " 本表栏目系根据地方通知推断，未与正式表样核对；提交前请按"
                            "当地下发的表样调整（见“来源与核实”）。",
                            EX_MARK " The columns of this table are inferred from the local "
                            "notice and not checked against the official form; adjust them to "
                            "the form the local bureau issues before submitting (see Sources).");
  double width = 0;

  ex_merge (ex, s, 0, 0, 0, n_cols - 1, title, ex->f_title);
  ex_merge (ex, s, 1, 0, 1, n_cols - 1, note, ex->f_note);
  for (guint c = 0; c < n_cols; c++)
    width += cols[c].width;
  fit_note_row (ex, s, 1, note, width);
  for (guint c = 0; c < n_cols; c++)
    {
      ex_put_string (ex, s, header_row, c, ex->zh ? cols[c].zh : cols[c].en, ex->f_header,
                     "a heading");
      ex_set_column (ex, s, c, c, cols[c].width, NULL);
    }
  ex_put_string (ex, s, header_row, n_cols, EX_MARK, ex->f_mark, "a mark");
  ex_set_column (ex, s, n_cols, n_cols, 3, NULL);
  ex_add_source (ex, s->name, title,
                 "武汉市江岸区2025年绿色制造申报通知（附件2—4） / the 2025 green-manufacturing "
                 "notice of Jiang'an district, Wuhan (attachments 2 to 4)",
                 FALSE,
                 "正式表样未能取得，栏目系推断 / the official form could not be obtained; the "
                 "columns are inferred", FALSE);
  ex_page_setup (ex, s, TRUE, header_row, header_row, header_row + 1, 0);
}

static void
put_text_or_blank (Export      *ex,
                   const Sheet *s,
                   guint        row,
                   guint        col,
                   const char  *text,
                   lxw_format  *format,
                   const char  *what)
{
  if (text != NULL && *text != '\0')
    ex_put_string (ex, s, row, col, text, format, what);
  else
    ex_put_blank (ex, s, row, col, format);
}

static void
put_figure (Export      *ex,
            const Sheet *s,
            guint        row,
            guint        col,
            double       value,
            const char  *what)
{
  /* As typed (General): 52000 and 2210.4, without padding decimals that
   * would widen the narrow columns. */
  if (isfinite (value))
    ex_put_number (ex, s, row, col, value, ex->f_text, what);
  else
    ex_put_blank (ex, s, row, col, ex->f_text);
}

static void
validate_list (Export      *ex,
               const Sheet *s,
               guint        row,
               guint        col,
               const char **values)
{
  lxw_data_validation dv = { 0 };

  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.value_list = (char **) values;
  ex_check (ex, worksheet_data_validation_cell (s->ws, row, col, &dv), s, row, col,
            "a drop-down list");
}

/* ------------------------------------------------------------------ */
/* 附件2 绿色制造培育计划汇总表                                          */

static void
write_plan (Export                    *ex,
            const GaExportLocalTables *t)
{
  static const Column cols[] = {
    { "序号", "No.", 5 },
    { "区", "District", 9 },
    { "单位名称", "Name", 24 },
    { "统一社会信用代码", "Credit code", 20 },
    { "类别", "Category", 9 },
    { "所属行业", "Industry", 16 },
    { "拟申报层级", "Level applied for", 10 },
    { "计划申报年份", "Planned year", 9 },
    { "联系人/电话", "Contact / phone", 20 },
  };
  static const char *levels_zh[] = { "国家级", "省级", "市级", NULL };
  static const char *levels_en[] = { "National", "Provincial", "Municipal", NULL };
  const char **levels = ex->zh ? levels_zh : levels_en;
  const Sheet *s = &ex->local_plan;
  const GaEnterpriseInfo *e = ex->opt->enterprise;
  g_autofree char *industry = NULL;
  g_autofree char *contact = NULL;
  const guint row = 3;

  write_frame (ex, s, ex_tr (ex, "附件2 绿色制造培育计划汇总表",
                             "Annex 2 Green manufacturing cultivation plan"),
               cols, G_N_ELEMENTS (cols), 2);
  ex_put_number (ex, s, row, 0, 1, ex->f_center, "a number");
  /* The enterprise record keeps the province, not the district. */
  ex_put_blank (ex, s, row, 1, ex->f_input);
  put_text_or_blank (ex, s, row, 2, e != NULL ? e->name : NULL, ex->f_wrap, "the name");
  put_text_or_blank (ex, s, row, 3, e != NULL ? e->credit_code : NULL, ex->f_center,
                     "the credit code");
  put_text_or_blank (ex, s, row, 4, t->category == GA_EXPORT_CATEGORY_FACTORY
                                    ? ex_tr (ex, "绿色工厂", "Green factory") : NULL,
                     ex->f_center, "the category");
  if (e != NULL && e->industry_name != NULL)
    industry = e->industry_code != NULL
               ? g_strdup_printf ("%s（%s）", e->industry_name, e->industry_code)
               : g_strdup (e->industry_name);
  put_text_or_blank (ex, s, row, 5, industry, ex->f_wrap, "the industry");
  put_text_or_blank (ex, s, row, 6, t->level != GA_EXPORT_LEVEL_NONE ? levels[t->level - 1] : NULL,
                     ex->f_input, "the level");
  validate_list (ex, s, row, 6, levels);
  if (t->plan_year > 0)
    ex_put_number (ex, s, row, 7, t->plan_year, ex->f_input, "the planned year");
  else
    ex_put_blank (ex, s, row, 7, ex->f_input);
  {
    lxw_data_validation dv = { 0 };

    dv.validate = LXW_VALIDATION_TYPE_INTEGER;
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_number = 2000;
    dv.maximum_number = 2100;
    ex_check (ex, worksheet_data_validation_cell (s->ws, row, 7, &dv), s, row, 7,
              "a year's validation");
  }
  if (e != NULL && (e->contact_person != NULL || e->contact_phone != NULL))
    contact = g_strdup_printf ("%s%s%s", e->contact_person != NULL ? e->contact_person : "",
                               e->contact_person != NULL && e->contact_phone != NULL ? " / " : "",
                               e->contact_phone != NULL ? e->contact_phone : "");
  put_text_or_blank (ex, s, row, 8, contact, ex->f_wrap, "the contact");
}

/* ------------------------------------------------------------------ */
/* 附件3 绿色制造培育企业绿色绩效指标汇总表                              */

enum {
  P_NO, P_NAME, P_YEAR, P_OUTPUT, P_VA, P_ENERGY, P_ENERGY_PRODUCT, P_EFFICIENCY, P_CO2,
  P_CO2_INTENSITY, P_WATER, P_WATER_PRODUCT, P_WASTE, P_WASTE_RATE, P_POLLUTANTS, P_GREEN_POWER,
  N_P_COLS
};

static void
write_performance (Export                    *ex,
                   const GaExportLocalTables *t)
{
  static const Column cols[N_P_COLS] = {
    { "序号", "No.", 4.5 },
    { "单位名称", "Name", 12 },
    { "年份", "Year", 5.5 },
    { "工业总产值（万元）", "Output value (10k CNY)", 7 },
    { "工业增加值（万元）", "Value added (10k CNY)", 7 },
    { "综合能耗（tce）", "Energy use (tce)", 7 },
    { "单位产品综合能耗（kgce/产品单位）", "Energy per product (kgce/unit)", 7 },
    { "能效水平（标杆/基准/限额）", "Efficiency level", 7 },
    { "CO₂排放量（t）", "CO₂ (t)", 7 },
    { "CO₂排放强度（t/万元）", "CO₂ intensity (t/10k CNY)", 7 },
    { "取水量（m³）", "Water withdrawn (m³)", 7 },
    { "单位产品取水量（m³/产品单位）", "Water per product (m³/unit)", 7 },
    { "一般工业固废产生量（t）", "Solid waste (t)", 7 },
    { "一般工业固废综合利用率（%）", "Solid waste used (%)", 7 },
    { "主要污染物排放", "Main pollutants", 7 },
    { "可再生能源/绿电占比（%）", "Renewables / green power (%)", 7 },
  };
  const Sheet *s = &ex->local_perf;
  const GaEnterpriseInfo *e = ex->opt->enterprise;
  guint n = t->years != NULL ? t->years->len : 0;

  write_frame (ex, s, ex_tr (ex, "附件3 绿色制造培育企业绿色绩效指标汇总表",
                             "Annex 3 Green performance indicators"),
               cols, N_P_COLS, 2);
  for (guint i = 0; i < n; i++)
    {
      const GaExportYear *y = &g_array_index (t->years, GaExportYear, i);
      guint row = 3 + i;
      g_autofree char *co2 = ex_cell_ref (s, row, P_CO2);
      g_autofree char *va = ex_cell_ref (s, row, P_VA);
      g_autofree char *f = ga_formula_excel_ratio (co2, va);

      ex_put_number (ex, s, row, P_NO, i + 1, ex->f_center, "a number");
      put_text_or_blank (ex, s, row, P_NAME, e != NULL ? e->name : NULL, ex->f_wrap, "the name");
      ex_put_number (ex, s, row, P_YEAR, y->year, ex->f_integer, "the year");
      put_figure (ex, s, row, P_OUTPUT, y->output_value, "the output value");
      put_figure (ex, s, row, P_VA, y->value_added, "the value added");
      put_figure (ex, s, row, P_ENERGY, y->energy, "the energy use");
      put_figure (ex, s, row, P_ENERGY_PRODUCT, y->energy_per_product, "the energy per product");
      ex_put_blank (ex, s, row, P_EFFICIENCY, ex->f_input);
      put_figure (ex, s, row, P_CO2, y->co2, "the CO2 emissions");
      /* Derived on the sheet: it follows an edited CO2 or value added. */
      if (isfinite (y->co2) && isfinite (y->value_added) && y->value_added > 0)
        ex_put_formula_number (ex, s, row, P_CO2_INTENSITY, f, y->co2 / y->value_added,
                               ex->f_number, "the CO2 intensity");
      else
        ex_put_formula_text (ex, s, row, P_CO2_INTENSITY, f, "", ex->f_number,
                             "the CO2 intensity");
      put_figure (ex, s, row, P_WATER, y->water, "the water withdrawn");
      ex_put_blank (ex, s, row, P_WATER_PRODUCT, ex->f_input);
      put_figure (ex, s, row, P_WASTE, y->solid_waste, "the solid waste");
      put_figure (ex, s, row, P_WASTE_RATE, y->waste_use_rate, "the solid waste use rate");
      ex_put_blank (ex, s, row, P_POLLUTANTS, ex->f_input);
      ex_put_blank (ex, s, row, P_GREEN_POWER, ex->f_input);
    }
}

/* ------------------------------------------------------------------ */
/* 附件4 培育企业绿色化改造项目及计划汇总表                              */

enum {
  J_NO, J_NAME, J_TYPE, J_CONTENT, J_INVESTMENT, J_PERIOD, J_ENERGY, J_CO2, J_WATER, J_PROGRESS,
  N_J_COLS
};

static char *
project_period (Export                *ex,
                const GaExportProject *p)
{
  if (p->start != NULL && p->end != NULL)
    return g_strdup_printf ("%s %s %s", p->start, ex_tr (ex, "至", "to"), p->end);
  if (p->start != NULL)
    return g_strdup_printf (ex->zh ? "%s 起" : "from %s", p->start);
  if (p->end != NULL)
    return g_strdup_printf (ex->zh ? "至 %s" : "to %s", p->end);
  return NULL;
}

/* The totals of the figures' columns, as formulas over the rows. */
static void
write_project_totals (Export      *ex,
                      const Sheet *s,
                      GPtrArray   *projects,
                      guint        first,
                      guint        total_row)
{
  static const guint sums[] = { J_INVESTMENT, J_ENERGY, J_CO2, J_WATER };

  ex_put_string (ex, s, total_row, J_NAME, ex_tr (ex, "合计", "Total"), ex->f_subtotal,
                 "the total");
  for (guint k = 0; k < G_N_ELEMENTS (sums); k++)
    {
      g_autofree char *range = ex_range_ref (s, first, sums[k], total_row - 1, sums[k]);
      g_autofree char *f = ga_formula_excel_sum (range);
      double total = 0;

      for (guint i = 0; i < projects->len; i++)
        {
          const GaExportProject *p = g_ptr_array_index (projects, i);
          double v = sums[k] == J_INVESTMENT ? p->investment
                     : sums[k] == J_ENERGY ? p->energy_saving
                     : sums[k] == J_CO2 ? p->co2_cut : p->water_saving;

          if (isfinite (v))
            total += v;
        }
      ex_put_formula_number (ex, s, total_row, sums[k], f, total, ex->f_subtotal_num,
                             "a total");
    }
}

static void
write_projects (Export                    *ex,
                const GaExportLocalTables *t)
{
  static const Column cols[N_J_COLS] = {
    { "序号", "No.", 5 },
    { "项目名称", "Project", 18 },
    { "类型", "Type", 8 },
    { "建设内容", "Content", 28 },
    { "总投资（万元）", "Investment (10k CNY)", 9 },
    { "起止时间", "Period", 13 },
    { "预计年节能量（tce）", "Energy saved a year (tce)", 9 },
    { "预计年减碳量（tCO₂）", "CO₂ cut a year (t)", 9 },
    { "预计年节水量（m³）", "Water saved a year (m³)", 9 },
    { "进度", "Progress", 8 },
  };
  const Sheet *s = &ex->local_projects;
  const GaEnterpriseInfo *e = ex->opt->enterprise;
  g_autofree char *owner = NULL;
  GPtrArray *projects = t->projects;
  guint n = projects != NULL ? projects->len : 0;
  const guint first = 4;

  write_frame (ex, s, ex_tr (ex, "附件4 培育企业绿色化改造项目及计划汇总表",
                             "Annex 4 Green retrofit projects and plans"),
               cols, N_J_COLS, 3);
  owner = g_strdup_printf ("%s%s", ex_tr (ex, "单位名称：", "Enterprise: "),
                           e != NULL && e->name != NULL ? e->name : "");
  ex_merge (ex, s, 2, 0, 2, N_J_COLS - 1, owner, ex->f_label);
  if (n == 0)
    {
      ex_merge (ex, s, first, 0, first, N_J_COLS - 1,
                ex_tr (ex, "（尚未登记改造项目）", "(no retrofit project registered yet)"),
                ex->f_note);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const GaExportProject *p = g_ptr_array_index (projects, i);
      g_autofree char *period = project_period (ex, p);
      guint row = first + i;

      ex_put_number (ex, s, row, J_NO, i + 1, ex->f_center, "a number");
      put_text_or_blank (ex, s, row, J_NAME, p->name, ex->f_wrap, "a project name");
      put_text_or_blank (ex, s, row, J_TYPE, p->type, ex->f_center, "a project type");
      put_text_or_blank (ex, s, row, J_CONTENT, p->content, ex->f_wrap, "a project's content");
      put_figure (ex, s, row, J_INVESTMENT, p->investment, "an investment");
      put_text_or_blank (ex, s, row, J_PERIOD, period, ex->f_wrap, "a period");
      put_figure (ex, s, row, J_ENERGY, p->energy_saving, "an energy saving");
      put_figure (ex, s, row, J_CO2, p->co2_cut, "a CO2 cut");
      put_figure (ex, s, row, J_WATER, p->water_saving, "a water saving");
      put_text_or_blank (ex, s, row, J_PROGRESS, p->progress, ex->f_center, "a progress");
    }
  write_project_totals (ex, s, projects, first, first + n);
}

void
ex_write_local (Export *ex)
{
  const GaExportLocalTables *t = ex->opt->local_tables;

  write_plan (ex, t);
  write_performance (ex, t);
  write_projects (ex, t);
}
