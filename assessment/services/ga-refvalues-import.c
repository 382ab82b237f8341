/* ga-refvalues-import.c: a reference table from a sheet or a JSON file
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ga-json.h"
#include "ga-refvalues-import.h"
#include "ga-sheet-read.h"

#define REF_FILE_MAX_BYTES (16 * 1024 * 1024)
#define REF_FILE_MAX_DEPTH 8

typedef enum {
  COL_PROGRAMME,
  COL_INDICATOR,
  COL_INDUSTRY,
  COL_PRODUCT,
  COL_UNIT,
  COL_BASELINE,
  COL_LEADING,
  COL_GRADE1,
  COL_GRADE2,
  COL_GRADE3,
  COL_SOURCE,
  COL_VERIFIED,
  N_COLS
} Col;

/* The header words of each column, compared without case and spaces. */
static const char *const col_names[N_COLS][4] = {
  [COL_PROGRAMME] = { "programme", "template", "方案", "模板" },
  [COL_INDICATOR] = { "indicator", "指标", "指标编号", NULL },
  [COL_INDUSTRY] = { "industry", "行业", "行业代码", NULL },
  [COL_PRODUCT] = { "product", "产品", NULL, NULL },
  [COL_UNIT] = { "unit", "单位", NULL, NULL },
  [COL_BASELINE] = { "baseline", "基准值", NULL, NULL },
  [COL_LEADING] = { "leading", "引领值", "标杆值", "标杆(引领)值" },
  [COL_GRADE1] = { "grade1", "1级", "一级", NULL },
  [COL_GRADE2] = { "grade2", "2级", "二级", NULL },
  [COL_GRADE3] = { "grade3", "3级", "三级", NULL },
  [COL_SOURCE] = { "source", "来源", "出处", NULL },
  [COL_VERIFIED] = { "verified", "已核实", "核实", NULL },
};

/* A header cell as compared: casefolded, without spaces. */
static char *
header_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *s = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

static int
column_of (const char *text)
{
  g_autofree char *key = header_key (text);

  for (int c = 0; c < N_COLS; c++)
    for (guint k = 0; k < G_N_ELEMENTS (col_names[c]) && col_names[c][k] != NULL; k++)
      {
        g_autofree char *name = header_key (col_names[c][k]);
        if (strcmp (key, name) == 0)
          return c;
      }
  return -1;
}

/* The header row: the first naming an indicator and a baseline or a
 * leading value; @cols receives each column's index (-1 none). */
static gboolean
find_header (const GaSheet *sheet,
             guint         *header,
             int            cols[N_COLS])
{
  for (guint r = 0; r < ga_sheet_get_n_rows (sheet) && r < 50; r++)
    {
      for (int c = 0; c < N_COLS; c++)
        cols[c] = -1;
      for (guint c = 0; c < ga_sheet_get_n_columns (sheet); c++)
        {
          int which = column_of (ga_sheet_get_text (sheet, r, c));
          if (which >= 0 && cols[which] < 0)
            cols[which] = (int) c;
        }
      if (cols[COL_INDICATOR] >= 0 && (cols[COL_BASELINE] >= 0 || cols[COL_LEADING] >= 0))
        {
          *header = r;
          return TRUE;
        }
    }
  return FALSE;
}

/* "名称 / name", "版本 / version" … lines above the header. */
static void
read_head (const GaSheet *sheet,
           guint          header,
           char         **meta)
{
  static const char *const keys[4][3] = {
    { "id", "编号", NULL }, { "name", "名称", "表名" }, { "version", "版本", "年份" },
    { "source", "来源", "出处" },
  };

  for (guint r = 0; r < header; r++)
    {
      g_autofree char *key = header_key (ga_sheet_get_text (sheet, r, 0));
      const char *value = ga_sheet_get_text (sheet, r, 1);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        for (guint j = 0; j < 3 && keys[k][j] != NULL; j++)
          if (strcmp (key, keys[k][j]) == 0 && *value != '\0' && meta[k] == NULL)
            meta[k] = g_strstrip (g_strdup (value));
    }
}

static const char *
cell (const GaSheet *sheet,
      guint          row,
      const int      cols[N_COLS],
      Col            col)
{
  return cols[col] < 0 ? "" : ga_sheet_get_text (sheet, row, (guint) cols[col]);
}

/* A number cell of the row: TRUE and NaN when blank; FALSE with a line in
 * @skipped when it is not a number. */
static gboolean
number_cell (const GaSheet *sheet,
             guint          row,
             const int      cols[N_COLS],
             Col            col,
             double        *out,
             GPtrArray     *skipped)
{
  const char *text = cell (sheet, row, cols, col);

  *out = NAN;
  if (cols[col] < 0 || *text == '\0')
    return TRUE;
  if (ga_sheet_get_number (sheet, row, (guint) cols[col], out) && isfinite (*out))
    return TRUE;
  if (skipped != NULL)
    g_ptr_array_add (skipped, g_strdup_printf (_("row %u, %s (%s): “%s” is not a number"),
                                               row + 1, col_names[col][1], col_names[col][0],
                                               text));
  return FALSE;
}

static gboolean
is_yes (const char *text)
{
  g_autofree char *key = header_key (text);

  return strcmp (key, "yes") == 0 || strcmp (key, "true") == 0 || strcmp (key, "是") == 0
         || strcmp (key, "1") == 0 || strcmp (key, "已核实") == 0;
}

/* One data row onto @table; FALSE (with a line in @skipped) when it is
 * left out. Blank rows are skipped silently. */
static void
read_row (const GaSheet            *sheet,
          guint                     r,
          const int                 cols[N_COLS],
          const GaRefImportOptions *options,
          GaRefTable               *table,
          GPtrArray                *skipped)
{
  const char *programme = cell (sheet, r, cols, COL_PROGRAMME);
  const char *indicator = cell (sheet, r, cols, COL_INDICATOR);
  double baseline, leading, grades[3];
  gboolean numbers_ok;
  GaRefRow *row;
  gboolean blank = TRUE;

  for (guint c = 0; c < ga_sheet_get_n_columns (sheet); c++)
    blank &= *ga_sheet_get_text (sheet, r, c) == '\0';
  if (blank)
    return;
  if (*programme == '\0' && options->programme != NULL)
    programme = options->programme;
  if (*programme == '\0' || *indicator == '\0')
    {
      if (skipped != NULL)
        g_ptr_array_add (skipped, g_strdup_printf (*indicator == '\0'
                                                   ? _("row %u: the indicator (指标) is empty")
                                                   : _("row %u: no template (方案) is given for "
                                                       "the row"), r + 1));
      return;
    }
  numbers_ok = number_cell (sheet, r, cols, COL_BASELINE, &baseline, skipped);
  numbers_ok &= number_cell (sheet, r, cols, COL_LEADING, &leading, skipped);
  for (guint k = 0; k < 3; k++)
    numbers_ok &= number_cell (sheet, r, cols, COL_GRADE1 + k, &grades[k], skipped);
  if (!numbers_ok)
    return;
  if (isnan (baseline) && isnan (leading) && isnan (grades[0]))
    {
      if (skipped != NULL)
        g_ptr_array_add (skipped, g_strdup_printf (_("row %u: no baseline (基准值), leading value "
                                                     "(引领值) or grade is given"), r + 1));
      return;
    }
  row = ga_ref_table_add_row (table, programme, indicator, cell (sheet, r, cols, COL_INDUSTRY),
                              cell (sheet, r, cols, COL_PRODUCT), baseline, leading);
  memcpy (row->grades, grades, sizeof grades);
  if (*cell (sheet, r, cols, COL_UNIT) != '\0')
    row->unit = g_strdup (cell (sheet, r, cols, COL_UNIT));
  if (*cell (sheet, r, cols, COL_SOURCE) != '\0')
    row->source = g_strdup (cell (sheet, r, cols, COL_SOURCE));
  /* Only a row the sheet marks as checked counts as verified. */
  row->verified = is_yes (cell (sheet, r, cols, COL_VERIFIED));
  row->line = r + 1;
}

static char *
base_name_without_extension (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup (base);
}

static GaRefTable *
import_sheet (const char                *path,
              const GaRefImportOptions  *options,
              GPtrArray                 *skipped,
              GError                   **error)
{
  g_autoptr(GaSheet) sheet = ga_sheet_read_file (path, options->sheet, error);
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *base = base_name_without_extension (path);
  char *meta[4] = { NULL, NULL, NULL, NULL };
  int cols[N_COLS];
  guint header;
  GaRefTable *table;
  gboolean verified = TRUE;

  if (sheet == NULL)
    return NULL;
  if (!find_header (sheet, &header, cols))
    {
      g_set_error (error, GA_REFVALUES_ERROR, GA_REFVALUES_ERROR_INVALID,
                   _("%s: no header row naming the columns 指标 (indicator) and 基准值 (baseline) "
                     "or 引领值 (leading) was found in the first 50 rows"), shown);
      return NULL;
    }
  read_head (sheet, header, meta);
  table = ga_ref_table_new (options->id != NULL ? options->id : meta[0] != NULL ? meta[0] : base,
                            options->name != NULL ? options->name
                            : meta[1] != NULL ? meta[1] : base,
                            options->version != NULL ? options->version
                            : meta[2] != NULL ? meta[2] : "1");
  table->source = g_strdup (options->source != NULL ? options->source : meta[3]);
  for (guint k = 0; k < G_N_ELEMENTS (meta); k++)
    g_free (meta[k]);
  for (guint r = header + 1; r < ga_sheet_get_n_rows (sheet); r++)
    read_row (sheet, r, cols, options, table, skipped);
  for (guint i = 0; i < table->rows->len; i++)
    verified &= ((GaRefRow *) table->rows->pdata[i])->verified;
  table->verified = table->rows->len > 0 && verified;
  if (table->rows->len == 0)
    {
      g_set_error (error, GA_REFVALUES_ERROR, GA_REFVALUES_ERROR_INVALID,
                   _("%s: no row below the header could be read"), shown);
      ga_ref_table_free (table);
      return NULL;
    }
  return table;
}

static GaRefTable *
import_json (const char                *path,
             const char                *data,
             gsize                      length,
             const GaRefImportOptions  *options,
             GError                   **error)
{
  g_autoptr(JsonParser) parser = ga_json_parse_bounded (data, (gssize) length, REF_FILE_MAX_DEPTH,
                                                        error);
  g_autofree char *shown = g_filename_display_name (path);
  GaRefTable *table;

  if (parser == NULL)
    {
      g_prefix_error (error, "%s: ", shown);
      return NULL;
    }
  table = ga_ref_table_from_json (json_parser_get_root (parser), error);
  if (table == NULL)
    {
      g_prefix_error (error, "%s: ", shown);
      return NULL;
    }
  if (options->version != NULL)
    {
      g_free (table->version);
      table->version = g_strdup (options->version);
    }
  if (options->name != NULL)
    {
      g_free (table->name);
      table->name = g_strdup (options->name);
    }
  return table;
}

GaRefTable *
ga_ref_table_import_file (const char                *path,
                          const GaRefImportOptions  *options,
                          GPtrArray                 *skipped,
                          GError                   **error)
{
  static const GaRefImportOptions none = { NULL };
  g_autofree char *data = NULL;
  gsize length = 0;
  const char *p;

  if (options == NULL)
    options = &none;
  /* JSON is told by its first character; anything else goes to the sheet
   * reader, which tells XLSX from CSV by the content. */
  if (g_file_get_contents (path, &data, &length, NULL) && length <= REF_FILE_MAX_BYTES)
    {
      for (p = data; p < data + length && g_ascii_isspace (*p); p++)
        ;
      if (p < data + length && *p == '{')
        return import_json (path, data, length, options, error);
    }
  return import_sheet (path, options, skipped, error);
}
