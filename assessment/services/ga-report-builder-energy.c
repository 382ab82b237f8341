/* ga-report-builder-energy.c: the energy data of the self-evaluation report: the
 * rows of every table item (carriers, products) and the computed indicators
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-report-builder-private.h"

/* The label of the row @key of the lookup table @table_id, or NULL. */
static char *
lookup_label (const Report *r,
              const char   *table_id,
              const char   *key)
{
  GaLookupTable *table = ga_template_find_table (r->tmpl, table_id);
  g_autofree char *folded = g_utf8_casefold (key, -1);
  const GaTableRow *row = table != NULL ? g_hash_table_lookup (table->row_by_key, folded) : NULL;
  const char *label = row != NULL ? ga_text_get (&row->label, r->lang) : NULL;

  return empty (label) ? NULL : g_strdup (label);
}

/* A machine key such as "natural-gas": what a computed column holds to
 * look a factor up, not something a reader needs. */
static gboolean
is_key (const GaValue *v)
{
  const char *s;

  if (v->kind != GA_VALUE_TEXT || strlen (v->u.text) < 3)
    return FALSE;
  s = v->u.text;
  if (!g_ascii_islower (*s))
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_islower (*s) && !g_ascii_isdigit (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

/* Whether the report shows column @c of the table item: not when no row
 * has a value in it, nor when it is computed and holds only keys. */
static gboolean
column_shown (const Report *r,
              const GaItem *item,
              guint         c,
              guint         n_rows)
{
  const GaColumn *col = g_ptr_array_index (item->columns, c);
  gboolean any = FALSE;
  gboolean all_keys = TRUE;

  for (guint row = 0; row < n_rows; row++)
    {
      const GaValue *v = ga_engine_get_cell (r->engine, item, row, c);

      if (v == NULL || v->kind == GA_VALUE_BLANK)
        continue;
      any = TRUE;
      if (!is_key (v))
        all_keys = FALSE;
    }
  if (n_rows == 0)
    return TRUE;
  return any && !(col->kind == GA_ITEM_COMPUTED && all_keys);
}

/* The rows of every table item under @root, as tables of their own. */
guint
_ga_report_add_data_tables (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      guint n_rows, n_cols;
      guint shown_cols[14];
      g_autofree double *widths = NULL;
      g_autofree const char **header = NULL;
      g_autofree char *caption = NULL;
      GaDocTable *t;

      if (item->kind != GA_ITEM_TABLE || item->columns == NULL || item->columns->len == 0)
        continue;
      n++;
      _ga_report_sub_heading (r, n - 1, text_of (r, &item->title));
      n_rows = ga_engine_get_n_rows (r->engine, item);
      n_cols = 0;
      for (guint c = 0; c < item->columns->len && n_cols < G_N_ELEMENTS (shown_cols); c++)
        if (column_shown (r, item, c, n_rows))
          shown_cols[n_cols++] = c;
      if (n_rows == 0)
        {
          g_autofree char *message = r->zh
            ? g_strdup_printf ("“%s”（%s）尚未填写任何一行，请在评价中补充后重新生成报告。",
                               text_of (r, &item->title), _ga_report_item_number (r, item))
            : g_strdup_printf ("“%s” (%s) has no row yet; add them in the assessment and write "
                               "the report again.", text_of (r, &item->title),
                               _ga_report_item_number (r, item));

          ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, message);
          continue;
        }
      widths = g_new (double, n_cols);
      header = g_new0 (const char *, n_cols + 1);
      {
        g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

        for (guint c = 0; c < n_cols; c++)
          {
            const GaColumn *col = g_ptr_array_index (item->columns, shown_cols[c]);
            const char *title = text_of (r, &col->title);
            char *h = empty (col->unit) || strstr (title, col->unit) != NULL
                      ? g_strdup (title)
                                        : g_strdup_printf ("%s（%s）", title, col->unit);

            g_ptr_array_add (owned, h);
            header[c] = h;
            widths[c] = 1.0;
          }
        t = table (r, n_cols, widths, header);
        for (guint row = 0; row < n_rows; row++)
          {
            g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

            for (guint c = 0; c < n_cols; c++)
              {
                const GaColumn *col = g_ptr_array_index (item->columns, shown_cols[c]);
                const GaValue *v = ga_engine_get_cell (r->engine, item, row, shown_cols[c]);
                char *shown = NULL;

                if (v != NULL && v->kind == GA_VALUE_TEXT && col->options != NULL)
                  {
                    for (guint o = 0; o < col->options->len && shown == NULL; o++)
                      {
                        const GaOption *opt = g_ptr_array_index (col->options, o);

                        if (g_strcmp0 (opt->id, v->u.text) == 0)
                          shown = g_strdup (text_of (r, &opt->label));
                      }
                  }
                if (shown == NULL && v != NULL && v->kind == GA_VALUE_TEXT
                    && col->options_table != NULL)
                  shown = lookup_label (r, col->options_table, v->u.text);
                if (shown == NULL)
                  shown = v == NULL || v->kind == GA_VALUE_BLANK ? g_strdup ("")
                          : v->kind == GA_VALUE_NUMBER ? ga_format_number (v->u.number, 2)
                          : ga_value_to_display (v);
                g_ptr_array_add (cells, shown);
              }
            ga_doc_table_add_row (t, (const char * const *) cells->pdata);
          }
      }
      caption = r->zh ? g_strdup_printf ("数据来源：评价项 %s。", _ga_report_item_number (r, item))
                      : g_strdup_printf ("Source: item %s of the assessment.",
                                         _ga_report_item_number (r, item));
      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, caption);
    }
  return n;
}

void
_ga_report_add_outputs (Report *r)
{
  GPtrArray *outputs = ga_template_get_outputs (r->tmpl);
  const double widths[] = { 0.5, 0.3, 0.2 };
  const char *header[] = { tr (r, "指标", "Indicator"), tr (r, "数值", "Value"),
                           tr (r, "单位", "Unit") };
  GaDocTable *t;

  if (outputs == NULL || outputs->len == 0)
    {
      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                            tr (r, "模板没有定义计算指标。", "The template defines no computed indicator."));
      return;
    }
  t = table (r, 3, widths, header);
  ga_doc_table_set_column_align (t, 1, GA_DOC_ALIGN_END);
  for (guint i = 0; i < outputs->len; i++)
    {
      const GaOutput *o = g_ptr_array_index (outputs, i);
      const GaResult *res = ga_engine_get_output_result (r->engine, o);
      g_autofree char *value = ga_engine_format_value (r->engine, o->id);
      const char *shown = value;
      const char *cells[3];

      if (res != NULL && res->status == GA_STATUS_INCOMPLETE)
        shown = tr (r, "数据不全，无法计算", "incomplete data");
      else if (res != NULL && res->status == GA_STATUS_NA)
        shown = tr (r, "不适用", "N/A");
      cells[0] = text_of (r, &o->title);
      cells[1] = shown != NULL ? shown : "";
      cells[2] = o->unit != NULL ? o->unit : "";
      ga_doc_table_add_row (t, cells);
    }
}
