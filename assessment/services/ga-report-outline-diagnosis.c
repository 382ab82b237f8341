/* ga-report-outline-diagnosis.c: the outline of the energy-saving diagnosis
 * report (诊断报告): enterprise overview, energy use, energy balance and
 * energy per unit product, key equipment, metering and management, saving
 * measures with their savings and payback, conclusions
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts follow the report content of the 工业企业节能诊断服务指南 as
 * the research notes give it (the guide's own text of that section was not
 * retrieved, so the template is flagged unverified). Each part reads the
 * items of the bundled diagnosis template by id; a part whose items a
 * template does not have says so instead of failing.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-report-builder-private.h"

static void
small (Report     *r,
       const char *text)
{
  ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, text);
}

/* The value of item or output @id as the template formats it, or a
 * word for what is missing. */
static char *
figure (Report     *r,
        const char *id)
{
  const GaResult *res = ga_engine_lookup (r->engine, id);

  GaItem *item = ga_template_find_item (r->tmpl, id);

  if (item != NULL && item->kind != GA_ITEM_COMPUTED && res != NULL
      && res->value.kind == GA_VALUE_BLANK)
    return g_strdup (tr (r, "未填写", "not answered"));
  if (res == NULL || res->status == GA_STATUS_INCOMPLETE || res->value.kind == GA_VALUE_BLANK)
    return g_strdup (tr (r, "数据不全", "incomplete"));
  if (res->status == GA_STATUS_NA)
    return g_strdup (tr (r, "不适用", "N/A"));
  return ga_engine_format_value (r->engine, id);
}

/* A compliance answer in the report's language. */
static const char *
compliance_text (Report         *r,
                 const GaResult *res)
{
  const char *v = res != NULL && res->value.kind == GA_VALUE_TEXT ? res->value.u.text : NULL;

  if (res != NULL && res->status == GA_STATUS_NA)
    return tr (r, "不适用", "N/A");
  if (g_strcmp0 (v, GA_COMPLIANCE_YES) == 0)
    return tr (r, "符合", "met");
  if (g_strcmp0 (v, GA_COMPLIANCE_PARTIAL) == 0)
    return tr (r, "部分符合", "partly met");
  if (g_strcmp0 (v, GA_COMPLIANCE_NO) == 0)
    return tr (r, "不符合", "not met");
  return tr (r, "未填写", "not answered");
}

/* A table of the items @ids: title, value, unit. */
static void
items_table (Report             *r,
             const char * const *ids)
{
  const double widths[] = { 0.5, 0.3, 0.2 };
  const char *header[] = { tr (r, "项目", "Item"), tr (r, "数值", "Value"), tr (r, "单位", "Unit") };
  GaDocTable *t = table (r, 3, widths, header);

  ga_doc_table_set_column_align (t, 1, GA_DOC_ALIGN_END);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GaItem *item = ga_template_find_item (r->tmpl, ids[i]);
      g_autofree char *value = NULL;
      const char *cells[3];

      if (item == NULL)
        continue;
      if (item->kind == GA_ITEM_COMPLIANCE)
        value = g_strdup (compliance_text (r, ga_engine_lookup (r->engine, ids[i])));
      else if (item->kind == GA_ITEM_TEXT)
        value = ga_engine_format_value (r->engine, ids[i]);
      else
        value = figure (r, ids[i]);
      cells[0] = text_of (r, &item->title);
      cells[1] = value != NULL ? value : "";
      cells[2] = item->unit != NULL ? item->unit : "";
      ga_doc_table_add_row (t, cells);
    }
}

static int
column_index (const GaItem *item,
              const char   *id)
{
  for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
    if (g_strcmp0 (((GaColumn *) g_ptr_array_index (item->columns, c))->id, id) == 0)
      return (int) c;
  return -1;
}

/* A cell as a reader sees it: an option's or a lookup row's label, a
 * number to two decimals. */
static char *
cell_text (Report         *r,
           const GaColumn *col,
           const GaValue  *v)
{
  if (v == NULL || v->kind == GA_VALUE_BLANK)
    return g_strdup ("");
  if (v->kind == GA_VALUE_TEXT && col->options != NULL)
    for (guint o = 0; o < col->options->len; o++)
      {
        const GaOption *opt = g_ptr_array_index (col->options, o);

        if (g_strcmp0 (opt->id, v->u.text) == 0)
          return g_strdup (text_of (r, &opt->label));
      }
  if (v->kind == GA_VALUE_TEXT && col->options_table != NULL)
    {
      GaLookupTable *lt = ga_template_find_table (r->tmpl, col->options_table);
      g_autofree char *folded = g_utf8_casefold (v->u.text, -1);
      const GaTableRow *row = lt != NULL ? g_hash_table_lookup (lt->row_by_key, folded) : NULL;
      const char *label = row != NULL ? ga_text_get (&row->label, r->lang) : NULL;

      if (!empty (label))
        return g_strdup (label);
    }
  if (v->kind == GA_VALUE_NUMBER)
    return ga_format_number (v->u.number, 2);
  return ga_value_to_display (v);
}

/* The rows of table item @id in the columns @cols, then a row of totals
 * (@totals: an output id or NULL per column, the first column holds the
 * word "total") when @totals is given. Returns the number of rows. */
static guint
rows_table (Report             *r,
            const char         *id,
            const char * const *cols,
            const char * const *totals)
{
  GaItem *item = ga_template_find_item (r->tmpl, id);
  guint n_cols = g_strv_length ((char **) cols);
  g_autofree gboolean *numeric = g_new0 (gboolean, n_cols);
  g_autofree const char **header = g_new0 (const char *, n_cols + 1);
  g_autofree int *index = g_new (int, n_cols);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_rows;

  if (item == NULL || item->kind != GA_ITEM_TABLE)
    return 0;
  n_rows = ga_engine_get_n_rows (r->engine, item);
  if (n_rows == 0)
    {
      g_autofree char *msg = TR_PRINTF (r, "“%s”（%s）尚未填写任何一行。",
                                        "“%s” (%s) has no row yet.", text_of (r, &item->title),
                                        _ga_report_item_number (r, item));

      small (r, msg);
      return 0;
    }
  for (guint c = 0; c < n_cols; c++)
    {
      const GaColumn *col;

      index[c] = column_index (item, cols[c]);
      g_assert (index[c] >= 0);
      col = g_ptr_array_index (item->columns, index[c]);
      if (empty (col->unit) || strstr (text_of (r, &col->title), col->unit) != NULL)
        header[c] = text_of (r, &col->title);
      else
        {
          char *h = g_strdup_printf (r->zh ? "%s（%s）" : "%s (%s)", text_of (r, &col->title),
                                     col->unit);

          g_ptr_array_add (owned, h);
          header[c] = h;
        }
    }
  /* Numbers to the right, words (a type, a result) to the left. */
  for (guint c = 1; c < n_cols; c++)
    {
      const GaValue *first = ga_engine_get_cell (r->engine, item, 0, index[c]);
      const GaColumn *col = g_ptr_array_index (item->columns, index[c]);

      numeric[c] = col->kind == GA_ITEM_NUMBER || (first != NULL && first->kind == GA_VALUE_NUMBER);
    }
  for (guint row = 0; row < n_rows; row++)
    {
      char **cells = g_new0 (char *, n_cols + 1);

      for (guint c = 0; c < n_cols; c++)
        cells[c] = cell_text (r, g_ptr_array_index (item->columns, index[c]),
                              ga_engine_get_cell (r->engine, item, row, index[c]));
      g_ptr_array_add (rows, cells);
    }
  if (totals != NULL)
    {
      char **cells = g_new0 (char *, n_cols + 1);

      cells[0] = g_strdup (tr (r, "合计", "Total"));
      for (guint c = 1; c < n_cols; c++)
        cells[c] = totals[c] != NULL ? figure (r, totals[c]) : g_strdup ("");
      g_ptr_array_add (rows, cells);
    }
  /* The widths follow what the cells hold (ga-report-builder-table.c). */
  _ga_report_add_fitted_table (r, n_cols, header, rows, numeric);
  {
    g_autofree char *caption = TR_PRINTF (r, "数据来源：评价项 %s。", "Source: item %s of the assessment.",
                                          _ga_report_item_number (r, item));

    small (r, caption);
  }
  return n_rows;
}

/* ------------------------------------------------------------------ parts */

static void
part_enterprise (Report *r)
{
  static const char *const ids[] = { "diag_year", "output_qty", "output_unit", "value_added",
                                     NULL };
  GaItem *products = ga_template_find_item (r->tmpl, "products");

  _ga_report_part_heading (r, "enterprise");
  if (!empty (r->enterprise->profile))
    paragraph (r, r->enterprise->profile);
  if (products != NULL)
    {
      g_autofree char *text = ga_engine_format_value (r->engine, "products");

      if (!empty (text))
        paragraph (r, text);
    }
  items_table (r, ids);
  {
    const GaSummary *sum = ga_engine_get_summary (r->engine);
    const char *standard = ga_template_get_standard (r->tmpl);
    g_autofree char *period = r->assessment->year > 0
      ? g_strdup_printf (r->zh ? "%d年" : "%d", r->assessment->year)
      : g_strdup (tr (r, "（年度未填写）", "(year not given)"));
    g_autofree char *scope = TR_PRINTF (r, "本次诊断依据《%s》%s%s，诊断年度为%s，共 %u 项，已填写 %u 项。",
                                        "This diagnosis follows “%s”%s%s, covers %s and has %u "
                                        "items, %u of them answered.",
                                        text_of (r, ga_template_get_title (r->tmpl)),
                                        empty (standard) ? "" : tr (r, "，依据文件：", ", basis "),
                                        empty (standard) ? "" : standard, period, sum->total,
                                        sum->answered);

    paragraph (r, scope);
  }
}

typedef struct {
  char   *label;
  double  tce;
} Slice;

static void
slice_clear (gpointer data)
{
  g_free (((Slice *) data)->label);
}

static int
by_tce (gconstpointer a,
        gconstpointer b)
{
  double x = ((const Slice *) a)->tce, y = ((const Slice *) b)->tce;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Adds the standard coal of each row of the carrier table @id (its
 * carrier in @label_col, its tce in @tce_col) to @slices, one per carrier. */
static void
collect_slices (Report     *r,
                const char *id,
                const char *label_col,
                const char *tce_col,
                GArray     *slices)
{
  GaItem *item = ga_template_find_item (r->tmpl, id);
  int lc = item != NULL && item->kind == GA_ITEM_TABLE ? column_index (item, label_col) : -1;
  int tc = item != NULL && item->kind == GA_ITEM_TABLE ? column_index (item, tce_col) : -1;

  for (guint row = 0; lc >= 0 && tc >= 0 && row < ga_engine_get_n_rows (r->engine, item); row++)
    {
      const GaValue *v = ga_engine_get_cell (r->engine, item, row, (guint) tc);
      g_autofree char *label = NULL;
      gboolean found = FALSE;

      if (v == NULL || v->kind != GA_VALUE_NUMBER || v->u.number <= 0)
        continue;
      label = cell_text (r, g_ptr_array_index (item->columns, lc),
                         ga_engine_get_cell (r->engine, item, row, (guint) lc));
      for (guint k = 0; k < slices->len && !found; k++)
        if (g_str_equal (g_array_index (slices, Slice, k).label, label))
          {
            g_array_index (slices, Slice, k).tce += v->u.number;
            found = TRUE;
          }
      if (!found)
        {
          Slice slice = { g_steal_pointer (&label), v->u.number };

          g_array_append_val (slices, slice);
        }
    }
}

/* The energy mix as a chart of shares: the carriers of the energy tables
 * only (the balance and the measures are in tce too, but are not
 * carriers); the smallest beyond seven as one slice. */
static void
energy_mix (Report *r,
            guint   index)
{
  g_autoptr(GArray) slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  const char *series[] = { tr (r, "折标准煤", "Standard coal"), NULL };
  g_autofree char *caption = NULL;
  double rest = 0;
  GaDocChart *chart;

  g_array_set_clear_func (slices, slice_clear);
  collect_slices (r, "energy", "carrier", "tce", slices);
  collect_slices (r, "energy_other", "o_name", "o_tce", slices);
  if (slices->len == 0)
    return;
  g_array_sort (slices, by_tce);
  _ga_report_sub_heading (r, index, tr (r, "能源消费结构", "Energy mix"));
  r->figures++;
  caption = TR_PRINTF (r, "图 %u 能源消费结构（按折标准煤计）", "Figure %u Energy mix (standard coal)",
                       r->figures);
  chart = ga_doc_add_chart (r->doc, GA_DOC_CHART_SHARES, series, "tce", caption, NULL);
  g_assert (chart != NULL);
  for (guint k = 0; k < slices->len; k++)
    {
      Slice *slice = &g_array_index (slices, Slice, k);

      if (slices->len > 8 && k >= 7)
        rest += slice->tce;
      else
        {
          g_autofree char *number = ga_format_number (slice->tce, 2);
          g_autofree char *text = g_strdup_printf ("%s tce", number);
          const char *texts[] = { text };

          ga_doc_chart_add_category (chart, slice->label, &slice->tce, texts);
        }
    }
  if (rest > 0)
    {
      g_autofree char *number = ga_format_number (rest, 2);
      g_autofree char *text = g_strdup_printf ("%s tce", number);
      const char *texts[] = { text };

      ga_doc_chart_add_category (chart, tr (r, "其他", "Other"), &rest, texts);
    }
}

static void
part_energy (Report *r)
{
  static const char *const cols[] = { "carrier", "qty", "unit", "tce", "share", "co2", NULL };
  static const char *const totals[] = { NULL, NULL, NULL, "E_total", NULL, "CO2_total", NULL };
  g_autofree char *total = figure (r, "E_total");
  g_autofree char *co2 = figure (r, "CO2_total");
  g_autofree char *basis = figure (r, "E_basis");
  g_autofree char *text = TR_PRINTF (r, "诊断年度综合能耗 %s tce（电力折标：%s），二氧化碳排放 %s tCO2。",
                                     "Total energy consumption in the diagnosis year: %s tce "
                                     "(electricity: %s); CO2 emissions %s t.", total, basis, co2);

  _ga_report_part_heading (r, "energy");
  paragraph (r, text);
  _ga_report_sub_heading (r, 0, tr (r, "能源消费表", "Energy consumption"));
  if (ga_template_find_item (r->tmpl, "energy") != NULL)
    rows_table (r, "energy", cols, totals);
  energy_mix (r, 1);
}

static void
part_balance (Report *r)
{
  static const char *const cols[] = { "b_name", "b_in", "b_use", "b_loss", "b_eff", "b_share",
                                      NULL };
  static const char *const totals[] = { NULL, "B_in", NULL, "B_loss", "B_eff", "B_cover", NULL };
  static const char *const sec[] = { "sec_actual", "sec_limit", "sec_bench", "sec_check", NULL };

  _ga_report_part_heading (r, "balance");
  _ga_report_sub_heading (r, 0, tr (r, "分工序/设备能量平衡", "Energy balance by process or equipment"));
  if (ga_template_find_item (r->tmpl, "balance") != NULL)
    rows_table (r, "balance", cols, totals);
  _ga_report_sub_heading (r, 1, tr (r, "单位产品能耗对标", "Energy per unit product against the standards"));
  items_table (r, sec);
  small (r, tr (r, "限额值和标杆值由企业按适用的国家标准填写，模板不提供数值。",
                "The limit and benchmark values are typed from the applicable national standards; "
                "the template ships none."));
}

static void
part_equipment (Report *r)
{
  static const char *const cols[] = { "q_name", "q_type", "q_std", "q_eff", "q_min", "q_gap",
                                      "q_result", NULL };
  const GaResult *below_res = ga_engine_lookup (r->engine, "Q_below");
  GaItem *eq = ga_template_find_item (r->tmpl, "equipment");
  guint n = eq != NULL ? ga_engine_get_n_rows (r->engine, eq) : 0;
  g_autofree char *below = figure (r, "Q_below");
  g_autofree char *text = NULL;

  if (below_res != NULL && below_res->status == GA_STATUS_COMPLETE)
    text = TR_PRINTF (r, "共核查重点用能设备 %u 台（组），其中 %s 台（组）实测效率低于所对照的能效等级阈值，"
                      "应列入改造或淘汰计划。",
                      "%u key units were checked; %s of them run below the energy-efficiency "
                      "grade threshold they were checked against and are candidates for retrofit "
                      "or replacement.", n, below);
  else
    text = TR_PRINTF (r, "列出重点用能设备 %u 台（组）；能效等级阈值或实测效率尚未全部填写，核查结论待填写后得出。",
                      "%u key units are listed; their grade thresholds or measured efficiencies "
                      "are not all entered yet, so the check waits for them.", n);

  _ga_report_part_heading (r, "equipment");
  paragraph (r, text);
  if (ga_template_find_item (r->tmpl, "equipment") != NULL)
    rows_table (r, "equipment", cols, NULL);
  small (r, tr (r, "能效等级阈值由诊断人员按所列能效标准的正文填写，模板不提供数值（未经核对）。",
                "The grade thresholds are typed by the diagnosis team from the text of the standards "
                "listed; the template ships none (not verified)."));
}

static void
part_management (Report *r)
{
  static const char *const ids[] = { "M1", "M2", "M3", "M4", NULL };

  _ga_report_part_heading (r, "management");
  items_table (r, ids);
}

static void
part_measures (Report *r)
{
  static const char *const cols[] = { "m_name", "m_invest", "m_tce", "m_money", "m_payback",
                                      "m_co2", NULL };
  static const char *const totals[] = { NULL, "M_invest", "M_tce", "M_money", "M_payback",
                                        "M_co2", NULL };
  g_autofree char *n = figure (r, "M_count");
  g_autofree char *invest = figure (r, "M_invest");
  g_autofree char *tce = figure (r, "M_tce");
  g_autofree char *share = figure (r, "M_share");
  g_autofree char *money = figure (r, "M_money");
  g_autofree char *payback = figure (r, "M_payback");
  g_autofree char *co2 = figure (r, "M_co2");
  g_autofree char *text = TR_PRINTF (r, "提出节能措施 %s 项，总投资 %s 万元，年节能量 %s tce（占综合能耗 %s%%），"
                                     "年节能效益 %s 万元，综合投资回收期 %s 年，年减排二氧化碳 %s t。",
                                     "%s measures are proposed: investment %s ×10⁴ yuan, annual saving "
                                     "%s tce (%s %% of the total energy), annual money saving %s ×10⁴ "
                                     "yuan, overall payback %s years, CO2 cut %s t a year.",
                                     n, invest, tce, share, money, payback, co2);

  _ga_report_part_heading (r, "measures");
  paragraph (r, text);
  if (ga_template_find_item (r->tmpl, "measures") != NULL)
    rows_table (r, "measures", cols, totals);
  small (r, tr (r, "投资回收期 = 投资 ÷ 年节能效益；CO2减排 = 年节能量 × 排放系数（未填写时取本企业平均值）。",
                "Payback = investment ÷ annual money saving; CO2 cut = saving × factor (the site "
                "average where none is typed)."));
}

static void
part_conclusion (Report *r)
{
  GaItem *own = ga_template_find_item (r->tmpl, "diag_conclusion");

  _ga_report_part_heading (r, "conclusion");
  if (own != NULL)
    {
      g_autofree char *text = ga_engine_format_value (r->engine, "diag_conclusion");

      if (!empty (text))
        paragraph (r, text);
    }
  _ga_report_sub_heading (r, 0, tr (r, "主要指标", "Main indicators"));
  _ga_report_add_outputs (r);
}

void
_ga_report_outline_diagnosis (Report *r)
{
  part_enterprise (r);
  part_energy (r);
  part_balance (r);
  part_equipment (r);
  part_management (r);
  part_measures (r);
  part_conclusion (r);
}
