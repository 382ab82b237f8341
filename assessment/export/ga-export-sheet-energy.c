/* ga-export-sheet-energy.c: the factors sheet, the tables sheet (energy and CO2) and the
 * computed indicators
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"
#include "ga-scheme.h"

/* ----------------------------------------------------------- factors sheet */

void
ex_write_factors (Export *ex)
{
  const Sheet *s = &ex->factors;
  GPtrArray *tables = ga_template_get_tables (ex->tmpl);
  guint row = 0;
  guint max_cols = 2;

  ex_put_string (ex, s, row, 0, ex_tr (ex, "系数表（公式中 FACTOR() 查找的数据）",
                                       "Factors (the tables FACTOR() looks up)"),
                 ex->f_bold_text, "a title");
  row += 2;
  for (guint t = 0; t < tables->len; t++)
    {
      GaLookupTable *table = g_ptr_array_index (tables, t);
      guint n_cols = table->columns->len;
      guint first, last;
      g_autofree char *title = g_strdup_printf ("%s  %s", table->id, ex_text_of (ex,
                                                                                 &table->title));
      g_autofree char *source = g_strdup_printf ("%s%s%s%s", ex_tr (ex, "来源：", "Source: "),
                                                 table->source != NULL ? table->source : "",
                                                 table->version != NULL ? "  " : "",
                                                 table->version != NULL ? table->version : "");

      max_cols = MAX (max_cols, n_cols + 2);
      ex_put_string (ex, s, row, 0, title, ex->f_bold_text, "a table title");
      ex_put_string (ex, s, row + 1, 0, source, ex->f_text, "a table source");
      if (!table->verified)
        {
          g_autofree char *why = g_strdup_printf ("%s%s", ex_tr (ex, "未核实：", "Unverified: "),
                                                  table->unverified_reason != NULL
                                                  ? table->unverified_reason : "");
          ex_put_string (ex, s, row + 1, 2, why, ex->f_unverified, "a verification note");
        }
      row += 2;
      for (guint c = 0; c < n_cols; c++)
        {
          const char *name = g_ptr_array_index (table->columns, c);
          const char *unit = table->column_units != NULL && c < table->column_units->len
                             ? g_ptr_array_index (table->column_units, c) : NULL;
          g_autofree char *head = unit != NULL ? g_strdup_printf ("%s (%s)", name, unit)
                                               : g_strdup (name);

          ex_put_string (ex, s, row, c, head, ex->f_header, "a column heading");
        }
      ex_put_string (ex, s, row, n_cols, ex_tr (ex, "说明", "Note"), ex->f_header,
                     "a column heading");
      ex_put_string (ex, s, row, n_cols + 1, ex_tr (ex, "核实", "Verified"), ex->f_header,
                     "a column heading");
      row++;
      first = row;
      for (guint r = 0; r < table->rows->len; r++, row++)
        {
          GaTableRow *tr_row = g_ptr_array_index (table->rows, r);

          ex_put_string (ex, s, row, 0, tr_row->key, ex->f_text, "a factor key");
          for (guint c = 1; c < n_cols; c++)
            {
              const GaValue *cell = &tr_row->cells[c - 1];

              ex_put_value (ex, s, row, c, cell,
                            cell->kind == GA_VALUE_NUMBER ? ex->f_text : ex->f_text, "a factor");
            }
          ex_put_string (ex, s, row, n_cols, tr_row->note, ex->f_wrap, "a factor note");
          ex_put_string (ex, s, row, n_cols + 1,
                         tr_row->verified ? ex_tr (ex, "已核实", "verified")
                                       : ex_tr (ex, "未核实", "unverified"),
                         tr_row->verified ? ex->f_text : ex->f_unverified, "a verification mark");
        }
      if (table->rows->len == 0)
        {
          for (guint c = 0; c < n_cols; c++)
            ex_put_blank (ex, s, row, c, ex->f_text);
          row++;
        }
      last = row - 1;
      for (guint c = 1; c < n_cols; c++)
        {
          FactorColumn *fc = g_new0 (FactorColumn, 1);

          fc->values = ex_range_ref (s, first, c, last, c);
          fc->keys = ex_range_ref (s, first, 0, last, 0);
          g_hash_table_insert (ex->factor_cols,
                               g_strdup_printf ("%s\x1f%s", table->id,
                                                (const char *) g_ptr_array_index (table->columns,
                                                                                  c)),
                               fc);
        }
      row++;
    }
  ex_set_column (ex, s, 0, 0, 18, NULL);
  ex_set_column (ex, s, 1, max_cols, 16, NULL);
  ex_page_setup (ex, s, FALSE, -1, -1, 1, 0);
}

/* ------------------------------------------------------------- energy sheet */

static const char *
option_label_for (Export         *ex,
                  const GaColumn *column,
                  const GaValue  *value)
{
  const GaOption *o;

  if (value->kind != GA_VALUE_TEXT)
    return NULL;
  o = ex_find_option (column->options, value->u.text);
  if (o != NULL)
    return ex_text_of (ex, &o->label);
  if (column->options_table != NULL)
    {
      GaLookupTable *table = ga_template_find_table (ex->tmpl, column->options_table);
      GaTableRow *row = table != NULL
                        ? g_hash_table_lookup (table->row_by_key, value->u.text) : NULL;

      if (row == NULL && table != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (value->u.text, -1);

          row = g_hash_table_lookup (table->row_by_key, folded);
        }
      if (row != NULL)
        {
          const char *label = ex_text_of (ex, &row->label);

          if (*label != '\0')
            return label;
          if (table->columns->len > 1 && row->cells[0].kind == GA_VALUE_TEXT)
            return row->cells[0].u.text;
        }
    }
  return value->u.text;
}

static char *
factor_source (Export         *ex,
               const GaColumn *column,
               const GaValue  *value)
{
  GaLookupTable *table = ga_template_find_table (ex->tmpl, column->options_table);
  GaTableRow *row = NULL;
  GString *out;

  if (table == NULL)
    return NULL;
  if (value->kind == GA_VALUE_TEXT)
    {
      g_autofree char *folded = g_utf8_casefold (value->u.text, -1);

      row = g_hash_table_lookup (table->row_by_key, folded);
      if (row == NULL)
        row = g_hash_table_lookup (table->row_by_key, value->u.text);
    }
  out = g_string_new (table->source != NULL ? table->source : table->id);
  if (row != NULL && row->note != NULL && *row->note != '\0')
    g_string_append_printf (out, "；%s", row->note);
  if (!table->verified || (row != NULL && !row->verified))
    g_string_append_printf (out, "（%s）", ex_tr (ex, "未核实", "unverified"));
  return g_string_free (out, FALSE);
}

/* The total of @column of @table (ga_scheme_column_total()), as a formula
 * with the engine's value. */
static void
put_column_total (Export         *ex,
                  const GaItem   *table,
                  const GaColumn *column,
                  guint           row,
                  guint           col)
{
  g_autofree char *range = g_strdup_printf ("%s.%s", table->id, column->id);
  g_autoptr(GaFormula) total = ga_scheme_column_total (range);
  g_autofree char *f = ex_translate (ex, total, "a table total");
  GaValue v = GA_VALUE_INIT;

  ga_engine_evaluate_formula (ex->engine, total, &v);
  ex_put_formula (ex, &ex->energy, row, col, f, &v, ex->f_total_num, "a table total");
  ga_value_clear (&v);
}

/* The share of the row's @column in its total (ga_scheme_share()). */
static void
put_share (Export         *ex,
           const GaItem   *table,
           TableLayout    *t,
           guint           r,
           guint           row)
{
  const GaColumn *column = g_ptr_array_index (table->columns, t->share_src);
  g_autofree char *range = g_strdup_printf ("%s.%s", table->id, column->id);
  g_autoptr(GaFormula) share = ga_scheme_share (column->id, range);
  g_autofree char *f = NULL;
  GaValue v = GA_VALUE_INIT;

  ex->row_table = table;
  ex->row_layout = t;
  ex->row_sheet_row = row;
  f = ex_translate (ex, share, "an energy share");
  ex->row_table = NULL;
  if (r < ga_engine_get_n_rows (ex->engine, table))
    ga_engine_evaluate_row_formula (ex->engine, share, table, r, &v);
  ex_put_formula (ex, &ex->energy, row, t->share_col, f, &v, ex->f_percent, "an energy share");
  ga_value_clear (&v);
}

static void
write_table_block (Export       *ex,
                   const GaItem *item,
                   TableLayout  *t)
{
  const Sheet *s = &ex->energy;
  guint head = t->first_row - 1;
  guint n_real = ga_engine_get_n_rows (ex->engine, item);
  guint last_col = 1;
  g_autofree char *title = g_strdup_printf ("%s  %s", item->id, ex_text_of (ex, &item->title));

  ex_put_string (ex, s, head - 1, 0, title, ex->f_bold_text, "a table title");
  ex_put_string (ex, s, head, 0, ex_tr (ex, "序号", "No."), ex->f_header, "a heading");
  for (guint c = 0; c < item->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (item->columns, c);
      guint col = g_array_index (t->col_of, guint, c);
      g_autofree char *h = column->unit != NULL && *column->unit != '\0'
                           ? g_strdup_printf ("%s (%s)", ex_text_of (ex, &column->title),
                                              column->unit)
                           : g_strdup (ex_text_of (ex, &column->title));

      ex_put_string (ex, s, head, col, h, ex->f_header, "a heading");
      last_col = MAX (last_col, col);
      if (ex_column_has_label (column))
        {
          ex_put_string (ex, s, head, ++col, ex_tr (ex, "名称", "Name"), ex->f_header, "a heading");
          last_col = MAX (last_col, col);
        }
      if (column->options_table != NULL)
        {
          ex_put_string (ex, s, head, ++col, ex_tr (ex, "系数来源", "Factor source"), ex->f_header,
                         "a heading");
          last_col = MAX (last_col, col);
        }
      if (t->share_src == (int) c && t->share_col >= 0)
        {
          ex_put_string (ex, s, head, t->share_col, ex_tr (ex, "占比", "Share"), ex->f_header,
                         "a heading");
          last_col = MAX (last_col, (guint) t->share_col);
        }
    }

  for (guint r = 0; r < t->n_rows; r++)
    {
      guint row = t->first_row + r;

      ex_put_number (ex, s, row, 0, r + 1, ex->f_center, "a row number");
      for (guint c = 0; c < item->columns->len; c++)
        {
          const GaColumn *column = g_ptr_array_index (item->columns, c);
          guint col = g_array_index (t->col_of, guint, c);
          static const GaValue blank = GA_VALUE_INIT;
          const GaValue *value = r < n_real ? ga_engine_get_cell (ex->engine, item, r, c) : &blank;
          g_autofree char *what = g_strdup_printf ("%s.%s row %u", item->id, column->id, r + 1);

          if (value == NULL)
            value = &blank;
          if (column->kind == GA_ITEM_COMPUTED)
            {
              g_autofree char *f = NULL;

              ex->row_table = item;
              ex->row_layout = t;
              ex->row_sheet_row = row;
              f = ex_translate (ex, column->formula, what);
              ex->row_table = NULL;
              ex_put_formula (ex, s, row, col, f, value, ex_unit_format (ex, "0.00##", NULL, FALSE),
                              what);
            }
          else if (column->kind == GA_ITEM_NUMBER)
            ex_put_value (ex, s, row, col, value, ex_unit_format (ex, "0.00##", NULL, FALSE), what);
          else
            ex_put_value (ex, s, row, col, value, ex->f_wrap, what);
          if (ex_column_has_label (column))
            ex_put_string (ex, s, row, ++col, option_label_for (ex, column, value), ex->f_wrap,
                           "a carrier name");
          if (column->options_table != NULL)
            {
              g_autofree char *src = factor_source (ex, column, value);

              ex_put_string (ex, s, row, ++col, value->kind == GA_VALUE_BLANK ? NULL : src,
                             ex->f_wrap, "a factor source");
            }
        }
      if (t->share_col >= 0)
        put_share (ex, item, t, r, row);
    }

  /* Totals of the additive columns. */
  ex_put_string (ex, s, t->total_row, 0, ex_tr (ex, "合计", "Total"), ex->f_total, "a total label");
  for (guint col = 1; col <= last_col; col++)
    ex_put_blank (ex, s, t->total_row, col, ex->f_total);
  for (guint c = 0; c < item->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (item->columns, c);

      if (ex_column_is_summable (column))
        put_column_total (ex, item, column, t->total_row, g_array_index (t->col_of, guint, c));
    }
  if (t->share_col >= 0)
    {
      /* The shares add up to 1 once there is a total. */
      g_autofree char *name = g_strconcat ("share:", item->id, NULL);
      g_autoptr(GaFormula) sum = ga_scheme_column_total (name);
      const GaColumn *src = g_ptr_array_index (item->columns, t->share_src);
      g_autofree char *range = g_strdup_printf ("%s.%s", item->id, src->id);
      g_autoptr(GaFormula) total = ga_scheme_column_total (range);
      g_autofree char *f = NULL;
      GaValue v = GA_VALUE_INIT;

      g_hash_table_replace (ex->extra_cells, g_strdup (name),
                            ex_range_ref (s, t->first_row, t->share_col,
                                          t->first_row + t->n_rows - 1, t->share_col));
      f = ex_translate (ex, sum, "the share total");
      ga_engine_evaluate_formula (ex->engine, total, &v);
      ex_put_formula_number (ex, s, t->total_row, t->share_col, f,
                             v.kind == GA_VALUE_NUMBER && v.u.number != 0 ? 1.0 : 0.0,
                             ex->f_percent, "the share total");
      ga_value_clear (&v);
    }
}

void
ex_write_outputs (Export *ex)
{
  const Sheet *s = ex->outputs_on_energy ? &ex->energy : &ex->summary;
  GPtrArray *outputs = ga_template_get_outputs (ex->tmpl);
  guint head = ex->outputs_first_row;
  static const struct { const char *zh, *en; } heads[] = {
    { "代码", "Id" }, { "指标", "Indicator" }, { "单位", "Unit" }, { "数值", "Value" },
    { "说明", "Description" },
  };

  if (outputs->len == 0)
    return;
  ex_put_string (ex, s, head - 1, 0,
                 ex_tr (ex, "计算指标（强度、与基准年和目标的比较）",
                        "Computed indicators (intensities, baseline and targets)"),
                 ex->f_bold_text, "a block title");
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    ex_put_string (ex, s, head, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header, "a heading");
  for (guint i = 0; i < outputs->len; i++)
    {
      GaOutput *out = g_ptr_array_index (outputs, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (ex->output_row, out)) - 1;
      const GaResult *res = ga_engine_get_output_result (ex->engine, out);
      g_autofree char *f = ex_translate (ex, out->formula, out->id);

      ex_put_string (ex, s, row, 0, out->id, ex->f_code, "an output id");
      ex_put_string (ex, s, row, 1, ex_text_of (ex, &out->title), ex->f_wrap, "an output title");
      ex_put_string (ex, s, row, 2, out->unit, ex->f_center, "an output unit");
      ex_put_formula (ex, s, row, 3, f, &res->value,
                      ex_unit_format (ex, out->format != NULL ? out->format : "0.00", NULL, FALSE),
                      out->id);
      ex_put_string (ex, s, row, 4, ex_text_of (ex, &out->description), ex->f_wrap,
                     "an output description");
    }
}

void
ex_write_energy (Export *ex)
{
  const Sheet *s = &ex->energy;
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  const char *title = ex->mix_table != NULL
                      ? ex_tr (ex, "能源消费与二氧化碳排放", "Energy use and CO2 emissions")
                      : ex_tr (ex, "明细表", "Tables");

  ex_merge (ex, s, 0, 0, 0, 9, title, ex->f_title);
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      TableLayout *t = g_hash_table_lookup (ex->tables, item);

      if (t != NULL)
        write_table_block (ex, item, t);
    }
  if (ex->outputs_on_energy)
    ex_write_outputs (ex);
  ex_set_column (ex, s, 0, 0, 8, NULL);
  ex_set_column (ex, s, 1, 14, 14, NULL);
  ex_page_setup (ex, s, TRUE, -1, -1, 1, 1);
}
