/* ga-report-outline-supply.c: the self-evaluation report of a green supply
 * chain management enterprise
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts follow ga-narrative.c (supply-chain): the enterprise, the
 * supply chain work along the template's categories, the suppliers (the
 * register item by item and the indicators counted from it), the score
 * and conclusion, the problems and next steps.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-report-builder-private.h"

/* The columns of a supplier register that a reader needs, in this order;
 * the computed 0/1 columns only feed the indicators. */
static const char *const register_columns[] = {
  "sup_name", "sup_cat", "sup_green", "sup_evidence", "sup_amount", "sup_risk", "sup_audited",
  "sup_agreement",
};

static int
column_index (const GaItem *item,
              const char   *id)
{
  for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
    if (g_str_equal (((GaColumn *) g_ptr_array_index (item->columns, c))->id, id))
      return (int) c;
  return -1;
}

/* A cell as a reader sees it: an option's label, 是/否, a number with two
 * decimals at most, the text itself; "" when blank. */
static char *
cell_text (Report        *r,
           const GaItem  *item,
           guint          row,
           guint          c)
{
  const GaColumn *col = g_ptr_array_index (item->columns, c);
  const GaValue *v = ga_engine_get_cell (r->engine, item, row, c);

  if (v == NULL || v->kind == GA_VALUE_BLANK)
    return g_strdup ("");
  if (v->kind == GA_VALUE_TEXT && col->options != NULL)
    for (guint o = 0; o < col->options->len; o++)
      {
        const GaOption *opt = g_ptr_array_index (col->options, o);

        if (g_ascii_strcasecmp (opt->id, v->u.text) == 0)
          return g_strdup (text_of (r, &opt->label));
      }
  if (v->kind == GA_VALUE_BOOLEAN)
    return g_strdup (v->u.boolean ? tr (r, "是", "yes") : tr (r, "否", "no"));
  if (v->kind == GA_VALUE_NUMBER)
    return ga_format_number (v->u.number, 2);
  return ga_value_to_display (v);
}

/* One table of the register @item: a numbered row per supplier. */
static void
add_register (Report       *r,
              const GaItem *item)
{
  guint n_rows = ga_engine_get_n_rows (r->engine, item);
  int cols[G_N_ELEMENTS (register_columns)];
  const char *header[G_N_ELEMENTS (register_columns) + 2] = { NULL, };
  gboolean numeric[G_N_ELEMENTS (register_columns) + 1];
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = 0;

  if (n_rows == 0)
    {
      g_autofree char *message = TR_PRINTF (r, "“%s”（%s）尚未填写，请在评价中补充后重新生成报告。",
                                            "“%s” (%s) has no row yet; add the suppliers in the "
                                            "assessment and write the report again.",
                                            text_of (r, &item->title),
                                            _ga_report_item_number (r, item));

      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, message);
      return;
    }
  header[0] = tr (r, "序号", "No.");
  for (guint k = 0; k < G_N_ELEMENTS (register_columns); k++)
    {
      int c = column_index (item, register_columns[k]);
      const GaColumn *col;

      if (c < 0)
        continue;
      col = g_ptr_array_index (item->columns, c);
      cols[n] = c;
      if (!empty (col->unit))
        {
          char *h = TR_PRINTF (r, "%s（%s）", "%s (%s)", text_of (r, &col->title), col->unit);

          g_ptr_array_add (owned, h);
          header[n + 1] = h;
        }
      else
        header[n + 1] = text_of (r, &col->title);
      n++;
    }
  /* The widths follow what the cells hold (ga-report-builder-table.c). */
  numeric[0] = TRUE;
  for (guint k = 0; k < n; k++)
    {
      const GaColumn *col = g_ptr_array_index (item->columns, cols[k]);

      numeric[k + 1] = col->kind == GA_ITEM_NUMBER;
    }
  for (guint row = 0; row < n_rows; row++)
    {
      char **cells = g_new0 (char *, n + 2);

      cells[0] = g_strdup_printf ("%u", row + 1);
      for (guint k = 0; k < n; k++)
        cells[k + 1] = cell_text (r, item, row, cols[k]);
      g_ptr_array_add (rows, cells);
    }
  _ga_report_add_fitted_table (r, n + 1, header, rows, numeric);
}

/* The suppliers: each register (a table item with a supplier-name
 * column), then the indicators computed from it. */
static void
add_suppliers (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      if (item->kind != GA_ITEM_TABLE || column_index (item, "sup_name") < 0)
        continue;
      _ga_report_sub_heading (r, n++, text_of (r, &item->title));
      add_register (r, item);
    }
  if (n == 0)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                          tr (r, "模板没有供应商名录。", "The template has no supplier register."));
  _ga_report_sub_heading (r, n, tr (r, "供应商管理定量指标", "Supplier indicators"));
  paragraph (r, tr (r, "以下指标由供应商名录计算，计算式见各指标说明。",
                    "The indicators below are counted from the supplier register; each says how."));
  _ga_report_add_outputs (r);
}

void
_ga_report_outline_supply_chain (Report *r)
{
  _ga_report_part_heading (r, "enterprise");
  _ga_report_add_profile (r);
  _ga_report_part_heading (r, "gscm-work");
  _ga_report_add_sections (r, "gscm-work");
  _ga_report_part_heading (r, "suppliers");
  add_suppliers (r);
  _ga_report_part_heading (r, "conclusion");
  _ga_report_add_summary (r);
  _ga_report_add_section_scores (r);
  _ga_report_add_section_chart (r);
  _ga_report_part_heading (r, "problems");
  _ga_report_add_problems (r);
}
