/* ga-report-outline-water.c: the self-evaluation report of a water-saving
 * enterprise (GB/T 7119): the water balance grouped by kind of flow, the
 * rates against the industry's required values, the verdict and the
 * water-efficiency leader conditions
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-report-builder-private.h"

/* The first table item of the template with a choice column @kind and a
 * number column @qty: the water balance. */
static const GaItem *
balance_table (const Report *r,
               guint        *kind_col,
               guint        *name_col,
               guint        *qty_col)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);
      gboolean kind = FALSE, qty = FALSE;

      if (item->kind != GA_ITEM_TABLE || item->columns == NULL)
        continue;
      *name_col = G_MAXUINT;
      for (guint c = 0; c < item->columns->len; c++)
        {
          const GaColumn *col = g_ptr_array_index (item->columns, c);

          if (!kind && col->kind == GA_ITEM_CHOICE && col->options != NULL)
            kind = TRUE, *kind_col = c;
          else if (!qty && col->kind == GA_ITEM_NUMBER)
            qty = TRUE, *qty_col = c;
          else if (*name_col == G_MAXUINT && col->kind == GA_ITEM_TEXT)
            *name_col = c;
        }
      if (kind && qty)
        return item;
    }
  return NULL;
}

/* The balance, one row per flow, in the order of the kinds (intake by
 * source, uses, reuse, losses, discharge) whatever order they were typed in. */
static void
add_balance (Report *r)
{
  guint kind_col = 0, name_col = G_MAXUINT, qty_col = 0;
  const GaItem *item = balance_table (r, &kind_col, &name_col, &qty_col);
  const GaColumn *kinds;
  const double widths[] = { 0.4, 0.38, 0.22 };
  const char *header[] = { tr (r, "类别", "Kind"), tr (r, "名称", "Name"),
                           tr (r, "水量（m³）", "Volume (m³)") };
  g_autofree char *caption = NULL;
  GaDocTable *t;
  guint n_rows;

  if (item == NULL)
    {
      _ga_report_add_data_tables (r);
      return;
    }
  _ga_report_sub_heading (r, 0, text_of (r, &item->title));
  n_rows = ga_engine_get_n_rows (r->engine, item);
  if (n_rows == 0)
    {
      g_autofree char *message = TR_PRINTF (r, "“%s”（%s）尚未填写任何一行，请在评价中补充后重新生成报告。",
                                            "“%s” (%s) has no row yet; add them in the assessment "
                                            "and write the report again.",
                                            text_of (r, &item->title),
                                            _ga_report_item_number (r, item));

      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, message);
      return;
    }
  kinds = g_ptr_array_index (item->columns, kind_col);
  t = table (r, 3, widths, header);
  ga_doc_table_set_column_align (t, 2, GA_DOC_ALIGN_END);
  for (guint o = 0; o < kinds->options->len; o++)
    {
      const GaOption *opt = g_ptr_array_index (kinds->options, o);

      for (guint row = 0; row < n_rows; row++)
        {
          const GaValue *k = ga_engine_get_cell (r->engine, item, row, kind_col);
          const GaValue *name = name_col != G_MAXUINT
                                ? ga_engine_get_cell (r->engine, item, row, name_col) : NULL;
          const GaValue *q = ga_engine_get_cell (r->engine, item, row, qty_col);
          g_autofree char *qty = q != NULL && q->kind == GA_VALUE_NUMBER
                                 ? ga_format_number (q->u.number, 0) : g_strdup ("");
          const char *cells[3];

          if (k == NULL || k->kind != GA_VALUE_TEXT || g_strcmp0 (k->u.text, opt->id) != 0)
            continue;
          cells[0] = text_of (r, &opt->label);
          cells[1] = name != NULL && name->kind == GA_VALUE_TEXT ? name->u.text : "";
          cells[2] = qty;
          ga_doc_table_add_row (t, cells);
        }
    }
  caption = TR_PRINTF (r, "数据来源：评价项 %s。取水量不含非常规水源；重复利用水量含循环水、冷凝水回用、废水回用和串联水。",
                       "Source: item %s of the assessment. The intake excludes non-conventional "
                       "water; reused water includes circulating, condensate, reused wastewater and "
                       "series use.", _ga_report_item_number (r, item));
  ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, caption);
}

/* What became of the indicator @item against its required value. */
static const char *
verdict (const Report   *r,
         const GaResult *res)
{
  if (res->status == GA_STATUS_NA)
    return tr (r, "不适用", "not applicable");
  if (res->status == GA_STATUS_INCOMPLETE || isnan (res->score))
    return tr (r, "待填写", "waiting for data");
  if (res->status == GA_STATUS_ERROR)
    return tr (r, "无法计算", "cannot be computed");
  return res->score >= res->max ? tr (r, "达到", "met") : tr (r, "未达到", "not met");
}

/* The rates computed from the balance, each with the value the industry
 * requires (the item its threshold rule reads) and whether it is met. */
static void
add_rates (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  const double widths[] = { 0.36, 0.2, 0.2, 0.24 };
  const char *header[] = { tr (r, "指标", "Indicator"), tr (r, "数值", "Value"),
                           tr (r, "要求值", "Required"), tr (r, "结论", "Result") };
  GaDocTable *t = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);
      const GaResult *res = ga_engine_get_item_result (r->engine, item);
      const char *ref;
      g_autofree char *value = NULL;
      g_autofree char *required = NULL;
      g_autofree char *title = NULL;
      const char *cells[4];

      if (item->kind != GA_ITEM_COMPUTED || item->score.method != GA_SCORE_INTERP
          || item->score.baseline == NULL || ga_formula_get_n_refs (item->score.baseline) != 1)
        continue;
      if (t == NULL)
        {
          _ga_report_sub_heading (r, 1, tr (r, "技术指标", "Technical indicators"));
          t = table (r, 4, widths, header);
          ga_doc_table_set_column_align (t, 1, GA_DOC_ALIGN_END);
          ga_doc_table_set_column_align (t, 2, GA_DOC_ALIGN_END);
        }
      ref = ga_formula_get_ref (item->score.baseline, 0);
      value = res->status == GA_STATUS_NA ? g_strdup ("—")
                                          : ga_engine_format_value (r->engine, item->id);
      required = ga_engine_format_value (r->engine, ref);
      title = empty (item->unit) ? g_strdup (text_of (r, &item->title))
                                 : g_strdup_printf (r->zh ? "%s（%s）" : "%s (%s)",
                                                    text_of (r, &item->title), item->unit);
      cells[0] = title;
      cells[1] = value != NULL ? value : "";
      cells[2] = required != NULL && *required != '\0' && g_strcmp0 (required, "N/A") != 0
                 ? required : "—";
      cells[3] = verdict (r, res);
      ga_doc_table_add_row (t, cells);
    }
  if (t != NULL)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                          tr (r, "要求值取自本行业节水型企业标准或参考值表；“不适用”表示本行业不考核该指标或企业没有这类水量。",
                              "Required values come from the industry's water-saving enterprise "
                              "standard or the reference table; “not applicable” means the industry "
                              "does not assess the indicator or the enterprise has no such flows."));
  _ga_report_sub_heading (r, t != NULL ? 2 : 1, tr (r, "用水量与其他指标", "Volumes and other figures"));
  _ga_report_add_outputs (r);
}

/* The water-efficiency leader conditions: the section whose items are not
 * scored and that holds a computed eligibility, as a sentence. */
static void
add_leader (Report *r)
{
  const GaResult *res = ga_engine_lookup (r->engine, "L_eligible");
  const GaResult *intake = ga_engine_lookup (r->engine, "L_intake");
  g_autofree char *value = NULL;
  g_autofree char *volume = NULL;
  g_autofree char *text = NULL;

  if (res == NULL)
    return;
  value = ga_engine_format_value (r->engine, "L_eligible");
  volume = intake != NULL ? ga_engine_format_value (r->engine, "L_intake") : g_strdup ("");
  if (res->status != GA_STATUS_COMPLETE)
    text = TR_PRINTF (r, "水效领跑者申报条件尚未填写完整（年取水量 %s m³）。",
                      "The water-efficiency leader conditions are not all answered yet (annual "
                      "intake %s m³).", volume);
  else if (g_strcmp0 (value, "是") == 0)
    text = TR_PRINTF (r, "按所填各项，企业符合重点用水企业水效领跑者的申报条件（年取水量 %s m³，大于 15 万 m³）；遴选按同行业水效比较确定。",
                      "By the answers, the enterprise meets the conditions for applying as a "
                      "water-efficiency leader (annual intake %s m³, above 150,000 m³); the "
                      "selection compares water efficiency within the industry.", volume);
  else
    text = TR_PRINTF (r, "按所填各项，企业暂不符合水效领跑者的申报条件（年取水量 %s m³；须大于 15 万 m³，属遴选行业，且各项条件均符合）。",
                      "By the answers, the enterprise does not yet meet the conditions for applying "
                      "as a water-efficiency leader (annual intake %s m³; it must exceed 150,000 m³, "
                      "the industry must be one of the selection and every condition met).",
                      volume);
  _ga_report_labelled (r, tr (r, "水效领跑者：", "Water-efficiency leader: "), text);
}

void
_ga_report_outline_water (Report *r)
{
  _ga_report_part_heading (r, "enterprise");
  _ga_report_add_profile (r);
  _ga_report_part_heading (r, "water");
  add_balance (r);
  add_rates (r);
  _ga_report_part_heading (r, "evaluation");
  _ga_report_add_sections (r, "evaluation");
  _ga_report_part_heading (r, "conclusion");
  _ga_report_add_summary (r);
  add_leader (r);
  _ga_report_part_heading (r, "plan");
  _ga_report_add_problems (r);
}
