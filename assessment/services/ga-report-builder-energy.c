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

/* Whether no row has a value in column @c. */
static gboolean
column_empty (const Report *r,
              const GaItem *item,
              guint         c,
              guint         n_rows)
{
  for (guint row = 0; row < n_rows; row++)
    {
      const GaValue *v = ga_engine_get_cell (r->engine, item, row, c);

      if (v != NULL && v->kind != GA_VALUE_BLANK)
        return FALSE;
    }
  return TRUE;
}

/* The rows of every table item under @root, as tables of their own. */
static gboolean
answered_na (const Report *r,
             const GaItem *item)
{
  const GaAnswer *answer = ga_session_get_answer (r->session, item);

  return answer != NULL && answer->not_applicable;
}

/* The header of column @col: its title, with its unit unless the title
 * already ends with one in brackets (“折标系数 (kgce/单位)” with the unit
 * kgce/unit, “燃料燃烧CO2 (t)” with tCO2: the unit starts as the
 * bracket does). */
static char *
column_header (const Report   *r,
               const GaColumn *col)
{
  const char *title = text_of (r, &col->title);
  const char *open = NULL;
  gsize len = strlen (title);

  if (empty (col->unit) || strstr (title, col->unit) != NULL)
    return g_strdup (title);
  if (len > 0 && title[len - 1] == ')')
    open = strrchr (title, '(');
  else if (g_str_has_suffix (title, "）"))
    open = g_strrstr (title, "（");
  if (open != NULL)
    {
      const char *inside = g_utf8_next_char (open);

      if (*inside != '\0' && g_utf8_get_char (inside) == g_utf8_get_char (col->unit))
        return g_strdup (title);
    }
  return r->zh ? g_strdup_printf ("%s（%s）", title, col->unit)
               : g_strdup_printf ("%s (%s)", title, col->unit);
}

/* The text of one cell as the report shows it: a choice's label, a
 * number with two decimals, a blank as nothing. */
static char *
cell_text (const Report   *r,
           const GaColumn *col,
           const GaValue  *v)
{
  if (v != NULL && v->kind == GA_VALUE_TEXT && col->options != NULL)
    {
      for (guint o = 0; o < col->options->len; o++)
        {
          const GaOption *opt = g_ptr_array_index (col->options, o);

          if (g_strcmp0 (opt->id, v->u.text) == 0)
            return g_strdup (text_of (r, &opt->label));
        }
    }
  if (v != NULL && v->kind == GA_VALUE_TEXT && col->options_table != NULL)
    {
      char *label = lookup_label (r, col->options_table, v->u.text);

      if (label != NULL)
        return label;
    }
  if (v == NULL || v->kind == GA_VALUE_BLANK)
    return g_strdup ("");
  if (v->kind == GA_VALUE_NUMBER)
    return ga_format_number (v->u.number, 2);
  return ga_value_to_display (v);
}

static void
strv_free (gpointer data)
{
  g_strfreev (data);
}

/* The rows of the table item, every column the report shows, set on the
 * page by _ga_report_add_fitted_table(); notes name the columns left out:
 * those no row fills, and the computed ones that only hold lookup keys
 * ("natural-gas", "kg"), helpers of the template's formulas. */
static void
add_rows_table (Report       *r,
                const GaItem *item,
                guint         n_rows)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (strv_free);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) numeric = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) left_out = g_string_new (NULL);
  g_autoptr(GString) keys_out = g_string_new (NULL);

  for (guint c = 0; c < item->columns->len; c++)
    {
      const GaColumn *col = g_ptr_array_index (item->columns, c);
      gboolean is_number = col->kind == GA_ITEM_NUMBER || col->kind == GA_ITEM_COMPUTED;
      gboolean any = FALSE;

      if (!column_shown (r, item, c, n_rows))
        {
          GString *list = column_empty (r, item, c, n_rows) ? left_out : keys_out;

          if (list->len > 0)
            g_string_append (list, tr (r, "、", ", "));
          g_string_append_printf (list, "“%s”", text_of (r, &col->title));
          continue;
        }
      /* Numbers go to the right; a computed column that also holds text
       * (a label, a message) does not. */
      for (guint row = 0; row < n_rows && is_number; row++)
        {
          const GaValue *v = ga_engine_get_cell (r->engine, item, row, c);

          if (v == NULL || v->kind == GA_VALUE_BLANK)
            continue;
          if (v->kind != GA_VALUE_NUMBER)
            is_number = FALSE;
          any = TRUE;
        }
      is_number = is_number && any;
      g_array_append_val (shown, c);
      g_array_append_val (numeric, is_number);
      g_ptr_array_add (header, column_header (r, col));
    }
  g_ptr_array_add (header, NULL);
  for (guint row = 0; row < n_rows; row++)
    {
      char **cells = g_new0 (char *, shown->len + 1);

      for (guint i = 0; i < shown->len; i++)
        {
          guint c = g_array_index (shown, guint, i);

          cells[i] = cell_text (r, g_ptr_array_index (item->columns, c),
                                ga_engine_get_cell (r->engine, item, row, c));
        }
      g_ptr_array_add (rows, cells);
    }
  if (shown->len > 0)
    _ga_report_add_fitted_table (r, shown->len, (const char * const *) header->pdata, rows,
                                 (const gboolean *) numeric->data);
  if (left_out->len > 0)
    {
      g_autofree char *note = TR_PRINTF (r, "未列出没有数据的列：%s。",
                                         "Columns without data are not shown: %s.",
                                         left_out->str);

      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, note);
    }
  if (keys_out->len > 0)
    {
      g_autofree char *note = TR_PRINTF (r, "未列出仅存放查表键的计算列：%s。",
                                         "Computed columns that only hold lookup keys are not "
                                         "shown: %s.",
                                         keys_out->str);

      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, note);
    }
}

guint
_ga_report_add_data_tables (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      guint n_rows;
      g_autofree char *caption = NULL;

      if (item->kind != GA_ITEM_TABLE || item->columns == NULL || item->columns->len == 0)
        continue;
      n++;
      _ga_report_sub_heading (r, n - 1, text_of (r, &item->title));
      n_rows = ga_engine_get_n_rows (r->engine, item);
      if (n_rows == 0 && answered_na (r, item))
        {
          /* A plant without process emissions answers the table 不适用:
           * the report says so, with the reason, and asks for nothing. */
          const GaAnswer *answer = ga_session_get_answer (r->session, item);
          g_autofree char *message = NULL;

          if (!empty (answer->na_reason))
            message = r->zh ? g_strdup_printf ("不适用：%s。", answer->na_reason)
                            : g_strdup_printf ("Not applicable: %s.", answer->na_reason);
          else
            message = g_strdup (tr (r, "不适用。", "Not applicable."));
          ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_NORMAL, message);
          continue;
        }
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
      add_rows_table (r, item, n_rows);
      caption = r->zh ? g_strdup_printf ("数据来源：评价项 %s。", _ga_report_item_number (r, item))
                      : g_strdup_printf ("Source: item %s of the assessment.",
                                         _ga_report_item_number (r, item));
      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, caption);
    }
  return n;
}

/* What a computed indicator's formula error means to the reader of the
 * report; the code stays in brackets, so the workbook's cell can be found. */
static char *
output_error_text (Report     *r,
                   GaErrorCode code)
{
  const char *reason;

  switch (code)
    {
    case GA_ERROR_CODE_DIV0:
      reason = tr (r, "无法计算：作除数的数据为零或尚未填写", "cannot be computed: a figure it divides by is zero or not filled in");
      break;
    case GA_ERROR_CODE_NA:
      reason = tr (r, "无法计算：查表未找到对应的值", "cannot be computed: a look-up found no value");
      break;
    case GA_ERROR_CODE_VALUE:
      reason = tr (r, "无法计算：所用数据不是数值", "cannot be computed: a figure it uses is not a number");
      break;
    default:
      reason = tr (r, "无法计算", "cannot be computed");
      break;
    }
  return g_strdup_printf ("%s (%s)", reason, ga_error_code_to_string (code));
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
      const char *unit = o->unit;
      g_autofree char *why = NULL;
      const char *cells[3];

      if (res != NULL && res->status == GA_STATUS_INCOMPLETE)
        shown = tr (r, "数据不全，无法计算", "incomplete data");
      else if (res != NULL && res->status == GA_STATUS_NA)
        shown = tr (r, "不适用", "N/A");
      else if (res != NULL && res->value.kind == GA_VALUE_ERROR)
        {
          /* A submission shows no bare spreadsheet error: it says the
           * figure cannot be given yet, and why, in the reader's words. */
          why = output_error_text (r, res->value.u.error.code);
          shown = why;
          unit = NULL;
        }
      cells[0] = text_of (r, &o->title);
      cells[1] = shown != NULL ? shown : "";
      cells[2] = unit != NULL ? unit : "";
      ga_doc_table_add_row (t, cells);
    }
}

/* ------------------------------------------------------------------ energy mix */

#define MIX_MAX_SLICES 8

typedef struct {
  char   *label;
  double  tce;
} Carrier;

static void
carrier_clear (gpointer data)
{
  g_free (((Carrier *) data)->label);
}

/* What row @row of the table item is about, as the report names it: its
 * first choice column's label, else its first text. */
static char *
row_label (const Report *r,
           const GaItem *item,
           guint         row)
{
  for (guint c = 0; c < item->columns->len; c++)
    {
      const GaColumn *col = g_ptr_array_index (item->columns, c);
      const GaValue *v = ga_engine_get_cell (r->engine, item, row, c);

      if ((col->kind != GA_ITEM_CHOICE && col->kind != GA_ITEM_TEXT)
          || v == NULL || v->kind != GA_VALUE_TEXT || empty (v->u.text))
        continue;
      for (guint o = 0; col->options != NULL && o < col->options->len; o++)
        {
          const GaOption *opt = g_ptr_array_index (col->options, o);

          if (g_strcmp0 (opt->id, v->u.text) == 0)
            return g_strdup (text_of (r, &opt->label));
        }
      if (col->options_table != NULL)
        {
          char *label = lookup_label (r, col->options_table, v->u.text);

          if (label != NULL)
            return label;
        }
      return g_strdup (v->u.text);
    }
  return TR_PRINTF (r, "第 %u 行", "Row %u", row + 1);
}

/* The first standard-coal column of @item (the one the total and the
 * shares of the energy table count), or -1. */
static int
tce_column (const GaItem *item)
{
  for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
    {
      const GaColumn *col = g_ptr_array_index (item->columns, c);

      if (col->kind == GA_ITEM_COMPUTED && g_strcmp0 (col->unit, "tce") == 0)
        return (int) c;
    }
  return -1;
}

/* Each carrier's standard coal, summed over the rows that name it, from
 * every table item with a standard-coal column; largest first. */
static GArray *
collect_carriers (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  GArray *carriers = g_array_new (FALSE, TRUE, sizeof (Carrier));

  g_array_set_clear_func (carriers, carrier_clear);
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      int c = item->kind == GA_ITEM_TABLE ? tce_column (item) : -1;

      for (guint row = 0; c >= 0 && row < ga_engine_get_n_rows (r->engine, item); row++)
        {
          const GaValue *v = ga_engine_get_cell (r->engine, item, row, (guint) c);
          g_autofree char *label = NULL;
          Carrier *found = NULL;

          if (v == NULL || v->kind != GA_VALUE_NUMBER || !isfinite (v->u.number)
              || v->u.number <= 0)
            continue;
          label = row_label (r, item, row);
          for (guint k = 0; k < carriers->len && found == NULL; k++)
            if (g_str_equal (g_array_index (carriers, Carrier, k).label, label))
              found = &g_array_index (carriers, Carrier, k);
          if (found != NULL)
            found->tce += v->u.number;
          else
            {
              Carrier carrier = { g_steal_pointer (&label), v->u.number };

              g_array_append_val (carriers, carrier);
            }
        }
    }
  return carriers;
}

static int
by_tce_descending (gconstpointer a,
                   gconstpointer b)
{
  double x = ((const Carrier *) a)->tce;
  double y = ((const Carrier *) b)->tce;

  return x < y ? 1 : x > y ? -1 : 0;
}

static void
add_slice (GaDocChart *chart,
           const char *label,
           double      tce)
{
  g_autofree char *number = ga_format_number (tce, 2);
  g_autofree char *text = g_strdup_printf ("%s tce", number);
  const char *texts[] = { text };

  ga_doc_chart_add_category (chart, label, &tce, texts);
}

void
_ga_report_add_energy_mix (Report *r,
                           guint   n_tables)
{
  g_autoptr(GArray) carriers = collect_carriers (r);
  const char *series[] = { tr (r, "折标准煤", "Standard coal"), NULL };
  g_autofree char *intro = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *total_text = NULL;
  double total = 0, rest = 0;
  GaDocChart *chart;

  if (carriers->len == 0)
    return;
  g_array_sort (carriers, by_tce_descending);
  for (guint k = 0; k < carriers->len; k++)
    total += g_array_index (carriers, Carrier, k).tce;
  total_text = ga_format_number (total, 2);

  _ga_report_sub_heading (r, n_tables, tr (r, "能源消费结构", "Energy mix"));
  r->figures++;
  intro = TR_PRINTF (r, "按 GB/T 2589 折算为标准煤，综合能耗 %s tce，各能源品种所占比例见图 %u。",
                     "Converted to standard coal (GB/T 2589), total energy consumption is %s tce; "
                     "Figure %u shows the share of each carrier.", total_text, r->figures);
  paragraph (r, intro);
  caption = TR_PRINTF (r, "图 %u 能源消费结构（按折标准煤计）", "Figure %u Energy mix (standard coal)",
                       r->figures);
  chart = ga_doc_add_chart (r->doc, GA_DOC_CHART_SHARES, series, "tce", caption, NULL);
  /* One series: the chart always exists. */
  g_assert (chart != NULL);
  /* The smallest carriers as one slice, so that every slice has a
   * colour of its own. */
  for (guint k = 0; k < carriers->len; k++)
    {
      Carrier *carrier = &g_array_index (carriers, Carrier, k);

      if (carriers->len > MIX_MAX_SLICES && k >= MIX_MAX_SLICES - 1)
        rest += carrier->tce;
      else
        add_slice (chart, carrier->label, carrier->tce);
    }
  if (rest > 0)
    add_slice (chart, tr (r, "其他", "Other"), rest);
}
