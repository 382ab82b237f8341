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

/* TRUE when column @c of every row holds the row's label: the label
 * column shows it already. */
static gboolean
column_is_label (Export              *ex,
                 const GaLookupTable *table,
                 guint                c)
{
  const ExDomain *d = ex_table_domain (ex, table);
  guint k = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const GaTableRow *row = g_ptr_array_index (table->rows, r);

      if (row->key == NULL)
        continue;
      if (row->cells[c - 1].kind != GA_VALUE_TEXT
          || !g_str_equal (row->cells[c - 1].u.text, d->labels->pdata[k]))
        return FALSE;
      k++;
    }
  return k > 0;
}

/* The heading of @table's column @name: the title of the first table
 * column of the template whose formula reads nothing else of a lookup
 * table ("折标依据" for FACTOR("gbt2589", carrier, "basis")), else the
 * name itself. */
static const char *
factor_heading (Export              *ex,
                const GaLookupTable *table,
                guint                index)
{
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  const char *name = g_ptr_array_index (table->columns, index);

  /* The template's own heading first. */
  if (table->column_titles != NULL
      && (table->column_titles[index].zh != NULL || table->column_titles[index].en != NULL))
    return ex_text_of (ex, &table->column_titles[index]);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
        {
          const GaColumn *column = g_ptr_array_index (item->columns, c);
          guint n = column->formula != NULL ? ga_formula_get_n_lookups (column->formula) : 0;
          gboolean only = n > 0;

          for (guint k = 0; k < n && only; k++)
            {
              const char *t, *col;

              ga_formula_get_lookup (column->formula, k, &t, &col, NULL);
              only = g_str_equal (t, table->id) && g_str_equal (col, name);
            }
          if (only)
            return ex_text_of (ex, &column->title);
        }
    }
  return name;
}

/* A column of @table whose texts are keys of look-up tables or option
 * ids: what formulas need, not what a reader reads. */
static gboolean
table_column_holds_keys (Export              *ex,
                         const GaLookupTable *table,
                         guint                c)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      const GaTableRow *row = g_ptr_array_index (table->rows, r);

      if (row->cells[c - 1].kind == GA_VALUE_TEXT && ex_is_key (ex, row->cells[c - 1].u.text))
        return TRUE;
    }
  return FALSE;
}

/* Writes the lookup table @table from @row of the factors sheet: its
 * title, header, rows and their marks, and its sources; records the
 * ranges the look-ups read. Widens *@max_cols and *@hidden_max to the
 * columns it takes; returns the row after it and a blank row. */
static guint
write_factor_table (Export        *ex,
                    GaLookupTable *table,
                    guint          row,
                    guint         *max_cols,
                    guint         *hidden_max)
{
  const Sheet *s = &ex->factors;
  const ExDomain *domain = ex_table_domain (ex, table);
  guint n_cols = table->columns->len;
  g_autofree guint *col_of = g_new0 (guint, n_cols + 1);
  g_autofree char *title = g_strdup_printf ("%s%s%s", ex_text_of (ex, &table->title),
                                            table->verified ? "" : "  ",
                                            table->verified ? "" : EX_MARK);
  /* The name, ※ when the row is not verified, then the figures. */
  guint first, last, col = 2, hidden = EX_HIDDEN_ZONE + 1, mark_col = 1, k;
  const char *where = s->name;

  for (guint c = 1; c < n_cols; c++)
    col_of[c] = column_is_label (ex, table, c) || table_column_holds_keys (ex, table, c)
                ? hidden++ : col++;
  *max_cols = MAX (*max_cols, col);
  *hidden_max = MAX (*hidden_max, hidden - 1);

  ex_break_before (s, row);
  ex_put_string (ex, s, row, 0, title, ex->f_bold_text, "a table title");
  row++;
  ex_put_string (ex, s, row, 0, ex_tr (ex, "名称", "Name"), ex->f_header, "a column heading");
  ex_put_string (ex, s, row, EX_HIDDEN_ZONE, (const char *) g_ptr_array_index (table->columns, 0),
                 ex->f_header, "a column heading");
  for (guint c = 1; c < n_cols; c++)
    {
      g_autofree char *unit = ex_unit_text (ex, table->column_units != NULL
                                                && c < table->column_units->len
                                                ? g_ptr_array_index (table->column_units, c)
                                                : NULL);
      g_autofree char *head = ex_title_with_unit (factor_heading (ex, table, c), unit);

      ex_put_string (ex, s, row, col_of[c], head, ex->f_header, "a column heading");
    }
  ex_put_string (ex, s, row, mark_col, ex_tr (ex, "核实", "Checked"), ex->f_header,
                 "a column heading");
  row++;
  first = row;
  {
    g_autofree char *source = g_strdup_printf ("%s%s%s", table->source != NULL
                                               ? table->source : "",
                                               table->version != NULL ? "  " : "",
                                               table->version != NULL ? table->version : "");

    ex_add_source (ex, where, ex_text_of (ex, &table->title), source, table->verified,
                   table->unverified_reason, TRUE);
  }
  k = 0;
  for (guint r = 0; r < table->rows->len; r++)
    {
      GaTableRow *tr_row = g_ptr_array_index (table->rows, r);

      if (tr_row->key == NULL)
        continue;
      ex_put_string (ex, s, row, 0, domain->labels->pdata[k++], ex->f_wrap, "a factor name");
      ex_put_string (ex, s, row, EX_HIDDEN_ZONE, tr_row->key, ex->f_text, "a factor key");
      for (guint c = 1; c < n_cols; c++)
        ex_put_value (ex, s, row, col_of[c], &tr_row->cells[c - 1],
                      tr_row->cells[c - 1].kind == GA_VALUE_TEXT ? ex->f_wrap : ex->f_text,
                      "a factor");
      /* The table's title carries the table's mark; a row its own. */
      ex_put_string (ex, s, row, mark_col, tr_row->verified ? NULL : EX_MARK, ex->f_mark,
                     "a verification mark");
      ex_add_source (ex, where, domain->labels->pdata[k - 1], tr_row->note,
                     tr_row->verified, NULL, FALSE);
      row++;
    }
  if (row == first)
    {
      for (guint c = 0; c < col; c++)
        ex_put_blank (ex, s, row, c, ex->f_text);
      row++;
    }
  last = row - 1;
  for (guint c = 1; c < n_cols; c++)
    {
      FactorColumn *fc = g_new0 (FactorColumn, 1);

      fc->values = ex_range_ref (s, first, col_of[c], last, col_of[c]);
      fc->keys = ex_range_ref (s, first, EX_HIDDEN_ZONE, last, EX_HIDDEN_ZONE);
      fc->labels = ex_range_ref (s, first, 0, last, 0);
      g_hash_table_insert (ex->factor_cols,
                           g_strdup_printf ("%s\x1f%s", table->id,
                                            (const char *) g_ptr_array_index (table->columns,
                                                                              c)),
                           fc);
    }
  row++;
  return row;
}

/* Every lookup table as a block: its title, a header, one row per key
 * with the row's label first. The keys themselves, and columns that hold
 * keys, are in the hidden zone, where the look-ups find them. Sources and
 * notes are on the sources sheet; ※ marks what is not verified. */
void
ex_write_factors (Export *ex)
{
  const Sheet *s = &ex->factors;
  GPtrArray *tables = ga_template_get_tables (ex->tmpl);
  guint row = 0;
  guint max_cols = 2;
  guint hidden_max = EX_HIDDEN_ZONE;

  ex_put_string (ex, s, row, 0, ex_tr (ex, "系数表（计算所查用的系数）",
                                       "Factors (the figures the calculations look up)"),
                 ex->f_title_left, "a title");
  ex_put_string (ex, s, row + 1, 0,
                 ex_tr (ex, "各表及各行的来源和核实情况见「来源与核实」表；"
                            EX_MARK " 表示未经官方文本核实。",
                        "The sources of every table and row are on the Sources sheet; "
                        EX_MARK " marks what is not verified against the official text."),
                 ex->f_plain, "a note");
  row += 3;
  for (guint t = 0; t < tables->len; t++)
    row = write_factor_table (ex, g_ptr_array_index (tables, t), row, &max_cols, &hidden_max);
  /* Portrait, one page wide at 9 pt or more: the widest table has five
   * columns of figures besides its names. */
  ex_set_column (ex, s, 0, 0, 22, NULL);
  ex_set_column (ex, s, 1, 1, 4, NULL);
  ex_set_column (ex, s, 2, max_cols - 1, 9, NULL);
  ex_hide_columns (ex, s, EX_HIDDEN_ZONE, hidden_max);
  /* The tables differ in their columns: every page repeats the sheet's
   * title, and a table starts a page when it would not fit on the rest of
   * one. */
  ex_page_setup (ex, s, FALSE, 0, 0, 3, 1);
}

/* ------------------------------------------------------------- energy sheet */

/* A column that holds words rather than figures: text, a choice, or a
 * computed column whose values are text. */
static gboolean
column_is_text (Export       *ex,
                const GaItem *table,
                guint         c)
{
  const GaColumn *column = g_ptr_array_index (table->columns, c);
  guint n = ga_engine_get_n_rows (ex->engine, table);

  if (column->kind == GA_ITEM_TEXT || ex_column_domain (ex, column) != NULL)
    return TRUE;
  for (guint r = 0; column->kind == GA_ITEM_COMPUTED && r < n; r++)
    {
      const GaValue *v = ga_engine_get_cell (ex->engine, table, r, c);

      if (v != NULL && v->kind == GA_VALUE_TEXT)
        return TRUE;
    }
  return FALSE;
}

/* Whether the factor row @value of @column's lookup table is verified. */
static gboolean
factor_verified (Export         *ex,
                 const GaColumn *column,
                 const GaValue  *value)
{
  GaLookupTable *table = ga_template_find_table (ex->tmpl, column->options_table);
  GaTableRow *row = NULL;

  if (table == NULL || value->kind != GA_VALUE_TEXT)
    return TRUE;
  {
    g_autofree char *folded = g_utf8_casefold (value->u.text, -1);

    row = g_hash_table_lookup (table->row_by_key, folded);
    if (row == NULL)
      row = g_hash_table_lookup (table->row_by_key, value->u.text);
  }
  return table->verified && (row == NULL || row->verified);
}

/* Whether row @r of @table holds anything typed (a carrier, a quantity). */
static gboolean
row_is_used (Export       *ex,
             const GaItem *table,
             guint         r)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (table->columns, c);
      const GaValue *value = ga_engine_get_cell (ex->engine, table, r, c);

      if (column->kind != GA_ITEM_COMPUTED && value != NULL && value->kind != GA_VALUE_BLANK)
        return TRUE;
    }
  return FALSE;
}

/* A total of a computed column that adds up only some of the rows in use
 * (CO2 of electricity waits for a grid factor) says so in the cell's note:
 * which rows are left out, and that the total grows once they have a
 * value. */
static void
note_partial_total (Export         *ex,
                    const GaItem   *table,
                    const GaColumn *column,
                    guint           row,
                    guint           col)
{
  guint index = 0, n_rows = ga_engine_get_n_rows (ex->engine, table);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *note = NULL;
  guint n_missing = 0;

  if (column->kind != GA_ITEM_COMPUTED)
    return;
  while (index < table->columns->len && g_ptr_array_index (table->columns, index) != column)
    index++;
  for (guint r = 0; r < n_rows; r++)
    {
      const GaValue *value = ga_engine_get_cell (ex->engine, table, r, index);

      if (!row_is_used (ex, table, r) || (value != NULL && value->kind == GA_VALUE_NUMBER))
        continue;
      g_string_append_printf (missing, "%s%u", n_missing > 0 ? (ex->zh ? "、" : ", ") : "", r + 1);
      n_missing++;
    }
  if (n_missing == 0)
    return;
  note = ex->zh
         ? g_strdup_printf ("※ 部分合计：序号 %s 的行尚无值（例如电力尚未选择电网排放因子），"
                            "未计入本合计；补齐后合计随之更新。", missing->str)
         : g_strdup_printf ("※ Partial total: row %s has no value yet (for example electricity "
                            "before a grid emission factor is chosen) and is not included; the "
                            "total updates once it has one.", missing->str);
  if (ex->counts != NULL)
    ex->counts->comments++;
  ex_check (ex, worksheet_write_comment (ex->energy.ws, row, col, note), &ex->energy, row, col,
            "the note of a partial total");
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
  note_partial_total (ex, table, column, row, col);
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

/* Writes the table's title and header row above @t's rows, and the
 * validation of the columns a reviewer may fill in. */
static void
write_table_head (Export       *ex,
                  const GaItem *item,
                  TableLayout  *t)
{
  const Sheet *s = &ex->energy;
  guint head = t->first_row - 1;
  guint last_row = t->first_row + t->n_rows - 1;

  ex_break_before (s, head - 1);
  ex_put_string (ex, s, head - 1, 0, ex_text_of (ex, &item->title), ex->f_bold_text,
                 "a table title");
  ex_note_block_title (s, head - 1, ex_text_of (ex, &item->title));
  ex_put_string (ex, s, head, 0, ex_tr (ex, "序号", "No."), ex->f_header, "a heading");
  for (guint c = 0; c < item->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (item->columns, c);
      guint col = g_array_index (t->col_of, guint, c);
      g_autofree char *unit = ex_unit_text (ex, column->unit);
      g_autofree char *h = ex_title_with_unit (ex_text_of (ex, &column->title), unit);

      ex_put_string (ex, s, head, col, h, ex->f_header, "a heading");
      /* What a reviewer may fill in: the table's input columns; a unit
       * takes the units of its row's carrier (below). */
      if (column->kind != GA_ITEM_COMPUTED && column->units_of_column < 0)
        ex_validate_column (ex, s, t->first_row, last_row, col, column);
    }
  if (t->share_col >= 0)
    ex_put_string (ex, s, head, t->share_col, ex_tr (ex, "占比", "Share"), ex->f_header,
                   "a heading");
  if (t->mark_col >= 0)
    ex_put_string (ex, s, head, t->mark_col, ex_tr (ex, "核实", "Checked"), ex->f_header,
                   "a heading");
}

/* Writes the cell of row @r (sheet row @row) and column @c of the table:
 * a computed column as its formula with the engine's value, an input as
 * the value (a choice as its label), with a unit's validation. FALSE when
 * the cell picks a factor that is not verified. */
static gboolean
write_table_cell (Export       *ex,
                  const GaItem *item,
                  TableLayout  *t,
                  guint         r,
                  guint         row,
                  guint         c)
{
  const Sheet *s = &ex->energy;
  guint n_real = ga_engine_get_n_rows (ex->engine, item);
  const GaColumn *column = g_ptr_array_index (item->columns, c);
  guint col = g_array_index (t->col_of, guint, c);
  static const GaValue blank = GA_VALUE_INIT;
  const GaValue *value = r < n_real ? ga_engine_get_cell (ex->engine, item, r, c) : &blank;
  g_autofree char *what = g_strdup_printf ("%s.%s row %u", item->id, column->id, r + 1);
  const ExDomain *domain = ex_column_domain (ex, column);

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
      ex_put_formula (ex, s, row, col, f, value,
                      value->kind == GA_VALUE_TEXT
                      ? ex->f_wrap : ex_unit_format (ex, "0.00##", NULL, EX_FMT_PLAIN),
                      what);
      if (value->kind == GA_VALUE_TEXT)
        ex_note_wrapped (s, row, col, value->u.text);
    }
  else if (column->kind == GA_ITEM_NUMBER)
    ex_put_value (ex, s, row, col, value,
                  ex_unit_format (ex, "0.00##", NULL, EX_FMT_INPUT), what);
  else if (domain != NULL)
    {
      GaValue shown;

      /* A choice holds the label the user chose (ga-export-labels.c). */
      ex_domain_value (domain, value, &shown);
      ex_put_value (ex, s, row, col, &shown, ex->f_input_wrap, what);
      ga_value_clear (&shown);
    }
  else
    ex_put_value (ex, s, row, col, value, ex->f_input_wrap, what);
  if (column->units_of_column >= 0)
    {
      const GaValue *carrier = r < n_real ? ga_engine_get_cell (ex->engine, item, r,
                                                                column->units_of_column)
                                          : NULL;

      ex_validate_unit_cell (ex, s, row, col, column, carrier != NULL ? carrier : &blank);
    }
  if (column->options_table != NULL)
    return factor_verified (ex, column, value);
  return TRUE;
}

/* Writes the table's total row: the totals of the additive columns and,
 * with a share column, the shares' total. */
static void
write_table_totals (Export       *ex,
                    const GaItem *item,
                    TableLayout  *t)
{
  const Sheet *s = &ex->energy;

  ex_put_string (ex, s, t->total_row, 0, ex_tr (ex, "合计", "Total"), ex->f_total, "a total label");
  for (guint col = 1; col <= t->last_col; col++)
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

/* Writes one table of the energy sheet at the place @t laid out for it. */
static void
write_table_block (Export       *ex,
                   const GaItem *item,
                   TableLayout  *t)
{
  const Sheet *s = &ex->energy;

  write_table_head (ex, item, t);
  for (guint r = 0; r < t->n_rows; r++)
    {
      guint row = t->first_row + r;
      gboolean verified = TRUE;

      ex_put_number (ex, s, row, 0, r + 1, ex->f_center, "a row number");
      for (guint c = 0; c < item->columns->len; c++)
        verified &= write_table_cell (ex, item, t, r, row, c);
      if (t->share_col >= 0)
        put_share (ex, item, t, r, row);
      if (t->mark_col >= 0)
        ex_put_string (ex, s, row, t->mark_col, verified ? NULL : EX_MARK, ex->f_mark,
                       "an unverified mark");
    }
  write_table_totals (ex, item, t);
}

/* The computed indicators (the template's outputs), a sheet of their own:
 * number, indicator, unit, value, description. */
void
ex_write_outputs (Export *ex)
{
  const Sheet *s = &ex->outputs;
  GPtrArray *outputs = ga_template_get_outputs (ex->tmpl);
  guint head = ex->outputs_first_row;
  static const struct { const char *zh, *en; double width; } heads[] = {
    { "序号", "No.", 5 }, { "指标", "Indicator", 22 }, { "单位", "Unit", 11 },
    { "数值", "Value", 14 }, { "说明", "Description", 32 },
  };

  ex_put_string (ex, s, 0, 0,
                 ex_tr (ex, "计算指标（强度、与基准年和目标的比较）",
                        "Computed indicators (intensities, baseline and targets)"),
                 ex->f_title_left, "a title");
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      ex_put_string (ex, s, head, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header,
                     "a heading");
      ex_set_column (ex, s, c, c, heads[c].width, NULL);
    }
  for (guint i = 0; i < outputs->len; i++)
    {
      GaOutput *out = g_ptr_array_index (outputs, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (ex->output_row, out)) - 1;
      const GaResult *res = ga_engine_get_output_result (ex->engine, out);
      g_autofree char *f = ex_translate (ex, out->formula, out->id);

      ex_put_number (ex, s, row, 0, i + 1, ex->f_center, "an output number");
      ex_put_string (ex, s, row, 1, ex_text_of (ex, &out->title), ex->f_wrap, "an output title");
      g_autofree char *unit = ex_unit_text (ex, out->unit);

      ex_put_string (ex, s, row, 2, unit, ex->f_center, "an output unit");
      /* A text result (a basis, a yes or no) wraps; a figure has its format. */
      ex_put_formula (ex, s, row, 3, f, &res->value,
                      res->value.kind == GA_VALUE_TEXT
                      ? ex->f_wrap
                      : ex_unit_format (ex, out->format != NULL ? out->format : "0.00", NULL,
                                        EX_FMT_PLAIN),
                      out->id);
      if (res->value.kind == GA_VALUE_TEXT)
        ex_note_wrapped (s, row, 3, res->value.u.text);
      ex_put_string (ex, s, row, 4, ex_text_of (ex, &out->description), ex->f_wrap,
                     "an output description");
    }
  ex_page_setup (ex, s, FALSE, head, head, head + 1, 2);
}

void
ex_write_energy (Export *ex)
{
  const Sheet *s = &ex->energy;
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  const char *title = ex->mix_table != NULL
                      ? ex_tr (ex, "能源消费与二氧化碳排放", "Energy use and CO2 emissions")
                      : ex_tr (ex, "明细表", "Tables");
  guint last_col = 5, hidden_max = 0;
  double widths[MAX_TRACKED_COLS];

  for (guint c = 0; c < MAX_TRACKED_COLS; c++)
    widths[c] = 0;
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      TableLayout *t = g_hash_table_lookup (ex->tables, item);

      if (t == NULL)
        continue;
      last_col = MAX (last_col, t->last_col);
      for (guint c = 0; c < item->columns->len; c++)
        {
          guint col = g_array_index (t->col_of, guint, c);
          /* Text columns wider than figures. */
          double w = column_is_text (ex, item, c) ? 12 : 10;

          if (g_array_index (t->hidden, gboolean, c))
            hidden_max = MAX (hidden_max, col);
          else if (col < MAX_TRACKED_COLS)
            widths[col] = MAX (widths[col], w);
        }
    }
  ex_put_string (ex, s, 0, 0, title, ex->f_title_left, "a title");
  ex_note_sheet_title (s, title);
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      TableLayout *t = g_hash_table_lookup (ex->tables, item);

      if (t != NULL)
        write_table_block (ex, item, t);
    }
  widths[0] = MAX (widths[0], 5);
  for (guint c = 0; c <= last_col && c < MAX_TRACKED_COLS; c++)
    ex_set_column (ex, s, c, c, widths[c] > 0 ? widths[c] : 9, NULL);
  if (hidden_max >= EX_HIDDEN_ZONE)
    ex_hide_columns (ex, s, EX_HIDDEN_ZONE, hidden_max);
  /* Every page repeats the header rows of the table: the one table's
   * title and column headings, or with several tables the sheet's title
   * (each table then starts a page when it would not fit on the rest of
   * one). A sheet too wide for one page at 9 pt goes on across pages with
   * the row number and the first column (the carrier) repeated. */
  if (g_hash_table_size (ex->tables) == 1)
    {
      GHashTableIter iter;
      TableLayout *t;

      g_hash_table_iter_init (&iter, ex->tables);
      g_hash_table_iter_next (&iter, NULL, (gpointer *) &t);
      ex_page_setup (ex, s, TRUE, t->first_row - 2, t->first_row - 1, t->first_row, 2);
    }
  else
    ex_page_setup (ex, s, TRUE, 0, 0, 1, 2);
}
