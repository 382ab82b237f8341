/* ga-export-workbook.c: the layout of the submission workbook, and the build
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is computed first (which cell holds which item, section,
 * table column and output), then the sheets are written. Every computed
 * cell is a formula over those cells with the engine's result cached in it.
 *
 * Errors are sticky: the first libxlsxwriter failure is kept in
 * Export.error with the sheet and cell it happened at, and every later
 * write is skipped, so each call site stays one line while no return code
 * goes unchecked.
 *
 * Each sheet is written by its own ga-export-sheet-*.c; the cell writers
 * and formats are in ga-export-cells.c, how sheets print in
 * ga-export-print.c, the translation of formulas in ga-export-formula.c
 * (labels: ga-export-labels.c), the explanations and the conclusion in
 * ga-export-explain.c, the data validation in ga-export-validation.c and
 * the texts in the workbook's language in ga-export-text.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "ga-export-book.h"
#include "ga-scheme.h"

/* ------------------------------------------------------------------ layout */

gboolean
ex_item_is_scored (const GaItem *item)
{
  return !item->veto && isfinite (item->points) && item->score.method != GA_SCORE_NONE &&
         item->score.method != GA_SCORE_LEVELS;
}

static guint
layout_section (Export          *ex,
                const GaSection *section,
                guint            row)
{
  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = g_ptr_array_index (section->items, i);

      g_hash_table_insert (ex->item_row, item, GUINT_TO_POINTER (row + 1));
      if (item->kind != GA_ITEM_TABLE)
        g_hash_table_insert (ex->cells, g_strdup (item->id),
                             ex_cell_ref (&ex->scoring, row, SC_ANSWER));
      row++;
    }
  for (guint i = 0; i < section->sections->len; i++)
    row = layout_section (ex, g_ptr_array_index (section->sections, i), row);
  g_hash_table_insert (ex->section_row, (gpointer) section, GUINT_TO_POINTER (row + 1));
  if (ex->points)
    g_hash_table_insert (ex->cells, g_strdup (section->id), ex_cell_ref (&ex->scoring, row,
                                                                         SC_SCORE));
  return row + 1;
}

guint
ex_section_row (Export          *ex,
                const GaSection *section)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ex->section_row, section)) - 1;
}

guint
ex_item_row (Export       *ex,
             const GaItem *item)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ex->item_row, item)) - 1;
}

static gboolean
column_is_tce (const GaColumn *column)
{
  return column->kind == GA_ITEM_COMPUTED && column->unit != NULL &&
         strstr (column->unit, "/") == NULL && g_ascii_strcasecmp (column->unit, "tce") == 0;
}

/* Computed columns with a unit of their own (tce, tCO2, kgce) add up over
 * the rows; coefficients ("kgce/kg") and quantities in mixed units do not. */
gboolean
ex_column_is_summable (const GaColumn *column)
{
  return column->kind == GA_ITEM_COMPUTED && column->unit != NULL && *column->unit != '\0' &&
         strchr (column->unit, '/') == NULL;
}

static gboolean
table_has_percent_column (const GaItem *table)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (table->columns, c);

      if (column->kind == GA_ITEM_COMPUTED && g_strcmp0 (column->unit, "%") == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
ex_column_has_label (const GaColumn *column)
{
  return column->kind == GA_ITEM_CHOICE;
}

static void
table_layout_free (gpointer data)
{
  TableLayout *t = data;

  g_array_unref (t->col_of);
  g_array_unref (t->hidden);
  g_free (t);
}

static void
factor_column_free (gpointer data)
{
  FactorColumn *fc = data;

  g_free (fc->values);
  g_free (fc->keys);
  g_free (fc->labels);
  g_free (fc);
}

/* TRUE when @text is an id of the template's data: a key of a lookup
 * table or an option of an item or column. */
gboolean
ex_is_key (Export     *ex,
           const char *text)
{
  GPtrArray *tables = ga_template_get_tables (ex->tmpl);
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  for (guint t = 0; t < tables->len; t++)
    {
      const GaLookupTable *table = g_ptr_array_index (tables, t);

      if (g_hash_table_contains (table->row_by_key, folded)
          || g_hash_table_contains (table->row_by_key, text))
        return TRUE;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      if (ex_find_option (item->options, text) != NULL)
        return TRUE;
      for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
        if (ex_find_option (((GaColumn *) item->columns->pdata[c])->options, text) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* A computed column whose values are look-up keys ("raw_coal", a method
 * named by an id): what a formula needs, not what a reader reads. */
static gboolean
column_holds_keys (Export         *ex,
                   const GaItem   *table,
                   guint           c)
{
  const GaColumn *column = g_ptr_array_index (table->columns, c);
  guint n = ga_engine_get_n_rows (ex->engine, table);

  if (column->kind != GA_ITEM_COMPUTED)
    return FALSE;
  for (guint r = 0; r < n; r++)
    {
      const GaValue *v = ga_engine_get_cell (ex->engine, table, r, c);

      if (v != NULL && v->kind == GA_VALUE_TEXT && ex_is_key (ex, v->u.text))
        return TRUE;
    }
  return FALSE;
}

/* Energy sheet: each table item is a block (title, header, rows, total),
 * followed by the outputs. A block's columns: the row number, the
 * template's columns (a choice shows its label), the share of the first
 * tce column, and ※ where a row uses an unverified factor; columns of
 * look-up keys go to the hidden zone. */
static void
layout_energy (Export *ex)
{
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  guint row = 2;
  guint hidden_col = EX_HIDDEN_ZONE;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      TableLayout *t;
      gboolean has_percent, factors = FALSE;
      guint col = 1;

      if (item->kind != GA_ITEM_TABLE)
        continue;
      t = g_new0 (TableLayout, 1);
      t->col_of = g_array_new (FALSE, TRUE, sizeof (guint));
      t->hidden = g_array_new (FALSE, TRUE, sizeof (gboolean));
      t->share_col = -1;
      t->share_src = -1;
      t->mark_col = -1;
      t->first_row = row + 2;   /* block title, header */
      /* A template that computes shares itself keeps its own column. */
      has_percent = table_has_percent_column (item);
      t->n_rows = MAX (ga_engine_get_n_rows (ex->engine, item), 1);
      t->total_row = t->first_row + t->n_rows;
      for (guint c = 0; c < item->columns->len; c++)
        {
          const GaColumn *column = g_ptr_array_index (item->columns, c);
          g_autofree char *name = g_strdup_printf ("%s.%s", item->id, column->id);
          gboolean hidden = column_holds_keys (ex, item, c);
          guint at = hidden ? hidden_col++ : col++;

          g_array_append_val (t->col_of, at);
          g_array_append_val (t->hidden, hidden);
          g_hash_table_insert (ex->cells, g_steal_pointer (&name),
                               ex_range_ref (&ex->energy, t->first_row, at,
                                             t->first_row + t->n_rows - 1, at));
          factors |= column->options_table != NULL;
          if (t->share_src < 0 && column_is_tce (column))
            {
              t->share_src = c;
              if (!has_percent)
                t->share_col = col++;
              if (ex->mix_table == NULL)
                ex->mix_table = item;
            }
        }
      if (factors)
        t->mark_col = col++;
      t->last_col = col - 1;
      g_hash_table_insert (ex->tables, item, t);
      row = t->total_row + 2;
    }
}

void
ex_layout_outputs (Export *ex)
{
  GPtrArray *outputs = ga_template_get_outputs (ex->tmpl);
  const Sheet *s = &ex->outputs;
  guint row = ex->outputs_first_row + 1;

  for (guint i = 0; i < outputs->len; i++)
    {
      GaOutput *out = g_ptr_array_index (outputs, i);

      g_hash_table_insert (ex->output_row, out, GUINT_TO_POINTER (row + 1));
      g_hash_table_insert (ex->cells, g_strdup (out->id), ex_cell_ref (s, row, 3));
      row++;
    }
}

/* -------------------------------------------------------------------- main */

/* Takes the next row below the sections for a result (total, bonus,
 * veto, grade, pass) and returns the reference of its score cell. */
static char *
result_row (Export *ex,
            guint  *row,
            guint  *at)
{
  *at = (*row)++;
  return ex_cell_ref (&ex->scoring, *at, SC_SCORE);
}

static void
name_cell (Export     *ex,
           const char *prefix,
           const char *id,
           char       *ref)
{
  if (ref != NULL)
    g_hash_table_replace (ex->extra_cells, g_strconcat (prefix, id, NULL), ref);
}

/* The names the summary formulas of ga-scheme.h read: the subtotal cells,
 * the total and the veto status. */
static void
name_result_cells (Export *ex)
{
  GPtrArray *sections = ga_template_get_sections (ex->tmpl);

  if (ex->points)
    for (guint i = 0; i < sections->len; i++)
      {
        const GaSection *section = g_ptr_array_index (sections, i);
        guint row = ex_section_row (ex, section);

        name_cell (ex, GA_SCHEME_SECTION_SCORE, section->id,
                   ex_cell_ref (&ex->scoring, row, SC_SCORE));
        name_cell (ex, GA_SCHEME_SECTION_MAX, section->id,
                   ex_cell_ref (&ex->scoring, row, SC_MAX));
      }
  name_cell (ex, GA_SCHEME_TOTAL_SCORE, "", g_strdup (ex->total_ref));
  name_cell (ex, GA_SCHEME_TOTAL_MAX, "", g_strdup (ex->max_ref));
  name_cell (ex, GA_SCHEME_VETO_STATUS, "", g_strdup (ex->veto_ref));
  /* The conclusion's (ga-export-explain.c). */
  name_cell (ex, EX_NAME_BONUS, "", g_strdup (ex->bonus_ref));
  name_cell (ex, EX_NAME_GRADE, "", g_strdup (ex->grade_ref));
  name_cell (ex, EX_NAME_PASS, "", g_strdup (ex->pass_ref));
}

static void
compute_scoring_layout (Export *ex)
{
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  guint row = 3;

  ex->first_data_row = row;
  for (guint i = 0; i < roots->len; i++)
    row = layout_section (ex, g_ptr_array_index (roots, i), row);
  ex->last_data_row = row > ex->first_data_row ? row - 1 : row;

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      ex->has_bonus |= item->bonus && ex_item_is_scored (item);
      ex->has_veto |= item->veto;
    }
  ex->has_grades = ga_template_get_grades (ex->tmpl)->len > 0;
  ex->has_pass = isfinite (ga_template_get_pass_score (ex->tmpl));
  if (ex->points)
    {
      ex->total_ref = result_row (ex, &row, &ex->total_row);
      ex->max_ref = ex_cell_ref (&ex->scoring, ex->total_row, SC_MAX);
    }
  else
    /* Veto items count in every scheme; scores only in the points one. */
    ex->has_bonus = ex->has_grades = ex->has_pass = FALSE;
  if (ex->has_bonus)
    ex->bonus_ref = result_row (ex, &row, &ex->bonus_row);
  if (ex->has_veto)
    ex->veto_ref = result_row (ex, &row, &ex->veto_row);
  if (ex->has_grades)
    ex->grade_ref = result_row (ex, &row, &ex->grade_row);
  if (ex->has_pass)
    ex->pass_ref = result_row (ex, &row, &ex->pass_row);
  name_result_cells (ex);
}

static void
report_cells (Export     *ex,
              GHashTable *out)
{
  GHashTableIter iter;
  gpointer key, value;
  const struct { const char *name; const char *ref; } named[] = {
    { "total", ex->total_ref }, { "max", ex->max_ref }, { "bonus", ex->bonus_ref },
    { "veto", ex->veto_ref }, { "grade", ex->grade_ref }, { "pass", ex->pass_ref },
    { "Y_I", ex->index_ref[0] }, { "Y_II", ex->index_ref[1] }, { "Y_III", ex->index_ref[2] },
    { "level", ex->level_ref }, { "level_label", ex->level_label_ref },
    { "conclusion", ex->conclusion_ref }, { "conclusion:info", ex->conclusion_info_ref },
  };

  g_hash_table_iter_init (&iter, ex->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (out, g_strdup (key), g_strdup (value));
  g_hash_table_iter_init (&iter, ex->extra_cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (out, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (named[i].ref != NULL)
      g_hash_table_replace (out, g_strdup (named[i].name), g_strdup (named[i].ref));
}

static void
written_free (gpointer data)
{
  ga_value_clear (data);
  g_free (data);
}

static lxw_worksheet *
add_sheet (Export     *ex,
           Sheet      *sheet,
           const char *name)
{
  lxw_error err;

  ex_sheet_init (sheet, name);
  if (ex_failed (ex))
    return NULL;
  err = workbook_validate_sheet_name (ex->wb, name);
  if (err != LXW_NO_ERROR)
    {
      ex_check (ex, err, NULL, -1, -1, name);
      return NULL;
    }
  sheet->ws = workbook_add_worksheet (ex->wb, name);
  if (sheet->ws == NULL)
    ex_check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL, -1, -1, name);
  return sheet->ws;
}

/* Sets up the export state: the options, the language and the empty
 * tables that the layout and the sheet writers fill. */
static void
export_init (Export                *ex,
             GaEngine              *engine,
             const GaExportOptions *options,
             const char            *display_path)
{
  ex->engine = engine;
  ex->tmpl = ga_engine_get_template (engine);
  ex->opt = options;
  ex->lang = options->language != NULL ? options->language : "zh_CN";
  ex->zh = !g_str_has_prefix (ex->lang, "en");
  ex->na_text = ex->zh ? "不适用" : "N/A";
  ex->display_path = display_path;
  ex->num_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ex->factor_cols = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, factor_column_free);
  ex->tables = g_hash_table_new_full (NULL, NULL, NULL, table_layout_free);
  ex->domains = g_hash_table_new_full (NULL, NULL, NULL, ex_domain_free);
  ex->numbers = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ex->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, written_free);
  ex->list_ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ex->source_rows = g_ptr_array_new_with_free_func (ex_source_row_free);
  ex->item_row = g_hash_table_new (NULL, NULL);
  ex->section_row = g_hash_table_new (NULL, NULL);
  ex->output_row = g_hash_table_new (NULL, NULL);

  ex->counts = options->counts;
  if (ex->counts != NULL)
    {
      memset (ex->counts, 0, sizeof *ex->counts);
      ex->counted_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  /* Keys are owned copies: table column ranges are built names. */
  ex->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ex->extra_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Frees everything export_init() and the writers left in the state. */
static void
export_clear (Export *ex)
{
  g_hash_table_unref (ex->num_formats);
  g_hash_table_unref (ex->cells);
  g_hash_table_unref (ex->extra_cells);
  g_hash_table_unref (ex->factor_cols);
  g_hash_table_unref (ex->tables);
  g_hash_table_unref (ex->domains);
  g_hash_table_unref (ex->numbers);
  g_hash_table_unref (ex->written);
  g_hash_table_unref (ex->list_ranges);
  g_ptr_array_unref (ex->source_rows);
  g_hash_table_unref (ex->item_row);
  g_hash_table_unref (ex->section_row);
  g_hash_table_unref (ex->output_row);
  g_clear_pointer (&ex->counted_texts, g_hash_table_unref);
  g_free (ex->total_ref);
  g_free (ex->max_ref);
  g_free (ex->bonus_ref);
  g_free (ex->veto_ref);
  g_free (ex->grade_ref);
  g_free (ex->pass_ref);
  g_free (ex->level_ref);
  g_free (ex->level_label_ref);
  g_free (ex->conclusion_ref);
  g_free (ex->conclusion_info_ref);
  g_free (ex->conclusion_text);
  ga_value_clear (&ex->conclusion_value);
  g_clear_error (&ex->rule_error);
  for (guint k = 0; k < 3; k++)
    g_free (ex->index_ref[k]);
  ex_sheet_clear (&ex->info);
  ex_sheet_clear (&ex->scoring);
  ex_sheet_clear (&ex->energy);
  ex_sheet_clear (&ex->cp);
  ex_sheet_clear (&ex->summary);
  ex_sheet_clear (&ex->outputs);
  ex_sheet_clear (&ex->factors);
  ex_sheet_clear (&ex->sources);
  ex_sheet_clear (&ex->lists);
  ex_sheet_clear (&ex->local_plan);
  ex_sheet_clear (&ex->local_perf);
  ex_sheet_clear (&ex->local_projects);
}

/* Writes the file's document properties: the title with the enterprise's
 * name, the standard, the company and the template's content hash. */
static void
set_document_properties (Export *ex)
{
  const GaExportOptions *options = ex->opt;
  lxw_doc_properties props = { 0 };
  g_autofree char *doc_title = NULL;

  doc_title = g_strdup_printf ("%s%s%s", ex_text_of (ex, ga_template_get_title (ex->tmpl)),
                               options->enterprise && options->enterprise->name ? " - " : "",
                               options->enterprise && options->enterprise->name
                               ? options->enterprise->name : "");
  props.title = doc_title;
  props.subject = (char *) (ga_template_get_standard (ex->tmpl) != NULL
                            ? ga_template_get_standard (ex->tmpl) : "");
  props.company = options->enterprise ? options->enterprise->name : NULL;
  props.comments = (char *) ga_template_get_content_hash (ex->tmpl);
  props.created = (time_t) options->created;
  ex_check (ex, workbook_set_properties (ex->wb, &props), NULL, -1, -1, "the document properties");
}

/* The name of the sheet of tables: tables of products or water use are
 * not energy, so the sheet is named after what it holds. Also records
 * whether the template has tables at all. */
static const char *
tables_sheet_name (Export *ex)
{
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  gboolean has_tables = FALSE;
  gboolean has_energy_table = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      if (item->kind != GA_ITEM_TABLE)
        continue;
      has_tables = TRUE;
      for (guint c = 0; c < item->columns->len; c++)
        has_energy_table |= column_is_tce (g_ptr_array_index (item->columns, c));
    }
  ex->has_energy = has_tables;
  if (has_energy_table || ga_template_get_kind (ex->tmpl) == GA_TEMPLATE_KIND_ENERGY_AUDIT)
    return ex_tr (ex, "能源与碳排放", "Energy and CO2");
  return ex_tr (ex, "明细表", "Tables");
}

/* Decides which sheets the template needs and adds them in their order
 * in the workbook; a sheet left out is still named, for references. */
static void
add_sheets (Export *ex)
{
  const char *energy_name = tables_sheet_name (ex);

  ex->has_cp = ga_template_get_scheme (ex->tmpl) == GA_SCHEME_CLEAN_PRODUCTION;
  ex->points = ga_template_get_scheme (ex->tmpl) == GA_SCHEME_POINTS;
  ex->has_factors = ga_template_get_tables (ex->tmpl)->len > 0;
  ex->has_outputs = ga_template_get_outputs (ex->tmpl)->len > 0;

  add_sheet (ex, &ex->info, ex_tr (ex, "基本信息", "Basic information"));
  add_sheet (ex, &ex->scoring, ex_tr (ex, "评分表", "Scoring"));
  if (ex->has_energy)
    add_sheet (ex, &ex->energy, energy_name);
  else
    ex_sheet_init (&ex->energy, energy_name);
  if (ex->has_cp)
    add_sheet (ex, &ex->cp, ex_tr (ex, "清洁生产", "Clean production"));
  add_sheet (ex, &ex->summary, ex_tr (ex, "汇总", "Summary"));
  if (ex->has_outputs)
    add_sheet (ex, &ex->outputs, ex_tr (ex, "计算指标", "Indicators"));
  else
    ex_sheet_init (&ex->outputs, ex_tr (ex, "计算指标", "Indicators"));
  if (ex->has_factors)
    add_sheet (ex, &ex->factors, ex_tr (ex, "系数表", "Factors"));
  ex->has_local = ex->opt->local_tables != NULL;
  if (ex->has_local)
    {
      add_sheet (ex, &ex->local_plan, ex_tr (ex, "附件2 培育计划", "Annex 2 Plan"));
      add_sheet (ex, &ex->local_perf, ex_tr (ex, "附件3 绩效指标", "Annex 3 Indicators"));
      add_sheet (ex, &ex->local_projects, ex_tr (ex, "附件4 改造项目", "Annex 4 Projects"));
    }
  add_sheet (ex, &ex->sources, ex_tr (ex, "来源与核实", "Sources"));
}

/* Lays out every sheet, then writes them: formulas refer to cells on
 * sheets written later, so the layout comes first. */
static void
write_sheets (Export *ex)
{
  Sheet *sheets[] = { &ex->info, &ex->scoring, &ex->energy, &ex->cp, &ex->summary,
                      &ex->outputs, &ex->factors, &ex->local_plan, &ex->local_perf,
                      &ex->local_projects, &ex->sources };

  compute_scoring_layout (ex);
  if (ex->has_energy)
    layout_energy (ex);
  /* The computed indicators have a sheet of their own: title, header. */
  ex->outputs_first_row = 2;
  ex_layout_outputs (ex);

  if (ex->has_factors)
    ex_write_factors (ex);
  if (ex->has_energy)
    ex_write_energy (ex);
  if (ex->has_cp)
    ex_write_cp (ex);
  ex_write_scoring (ex);
  if (ex->has_outputs)
    ex_write_outputs (ex);
  ex_write_summary (ex);
  ex_write_info (ex);
  if (ex->has_local)
    ex_write_local (ex);
  ex_write_sources (ex);

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    ex_finish_sheet (ex, sheets[i]);
  if (ex->counts != NULL)
    {
      const Sheet *all[] = { &ex->info, &ex->scoring, &ex->energy, &ex->cp, &ex->summary,
                             &ex->outputs, &ex->factors, &ex->lists, &ex->local_plan,
                             &ex->local_perf, &ex->local_projects, &ex->sources };

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        if (all[i]->ws != NULL)
          {
            ex->counts->sheets++;
            ex->counts->rows += (guint) (all[i]->last_row + 1);
          }
    }
  if (!ex_failed (ex))
    worksheet_activate (ex->info.ws);
}

gboolean
_ga_export_build (GaEngine              *engine,
                  const GaExportOptions *options,
                  const char            *filename,
                  const char            *display_path,
                  GError               **error)
{
  Export ex = { 0 };
  lxw_workbook_options wb_options = { .constant_memory = LXW_FALSE };
  lxw_error close_err;
  gboolean ok = FALSE;

  export_init (&ex, engine, options, display_path);

  ex.wb = workbook_new_opt (filename, &wb_options);
  if (ex.wb == NULL)
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_WRITE,
                   "cannot export to %s: the workbook could not be created; "
                   "check the free memory and the temporary folder", display_path);
      goto out;
    }

  set_document_properties (&ex);
  ex_make_formats (&ex);
  add_sheets (&ex);
  ex_number_items (&ex);
  write_sheets (&ex);

  /* What the layout and the formulas needed is not needed to write the
   * file: freed first, the close does not add to it (unless the caller
   * asked where the cells are). */
  if (options->cells == NULL)
    {
      g_hash_table_remove_all (ex.written);
      g_hash_table_remove_all (ex.cells);
      g_hash_table_remove_all (ex.extra_cells);
      g_hash_table_remove_all (ex.item_row);
      g_hash_table_remove_all (ex.domains);
    }

  /* workbook_close() also frees the workbook, so it runs even after a
   * failure; the temporary file it leaves is removed by the caller. */
  close_err = workbook_close (ex.wb);
  ex.wb = NULL;
  if (!ex_failed (&ex) && close_err != LXW_NO_ERROR)
    ex_check (&ex, close_err, NULL, -1, -1, "the file");
  if (ex_failed (&ex))
    g_propagate_error (error, g_steal_pointer (&ex.error));
  else
    {
      ok = TRUE;
      if (options->cells != NULL)
        report_cells (&ex, options->cells);
    }

out:
  export_clear (&ex);
  return ok;
}
