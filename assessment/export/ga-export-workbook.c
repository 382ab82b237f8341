/* ga-export-workbook.c: the sheets of the submission workbook
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
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "ga-export-private.h"

#define N_SCORE_COLS 17
#define EXCEL_MAX_FORMULA 8192
#define EXCEL_MAX_CELL_TEXT 32767

/* Scoring-sheet columns. */
enum {
  SC_L1, SC_L2, SC_ID, SC_TITLE, SC_REQ, SC_MANDATORY, SC_CLASS, SC_POINTS, SC_ANSWER,
  SC_CODE, SC_SCORE, SC_MAX, SC_EVIDENCE, SC_EXPLAIN, SC_REMARK, SC_SOURCE, SC_VERIFIED,
};

/* Clean-production sheet columns. */
enum {
  CP_CATEGORY, CP_CAT_WEIGHT, CP_CAT_APP, CP_CAT_EFF, CP_ID, CP_TITLE, CP_UNIT, CP_WEIGHT,
  CP_LIMITING, CP_B1, CP_B2, CP_B3, CP_VALUE, CP_LEVEL, CP_APPLICABLE, CP_EFF_WEIGHT, CP_MET1,
  CP_MET2, CP_MET3, CP_N_COLS
};

#define MAX_TRACKED_COLS 32

typedef struct {
  guint  row, col;
  char  *text;
} WrappedText;

typedef struct {
  lxw_worksheet *ws;
  char          *name;
  char          *quoted;   /* 'name' as formulas spell it */
  /* Column widths and the wrapped texts written, so that rows get a
   * height that shows them: neither LibreOffice nor WPS grows a row for
   * wrapped text in a file that does not say how high it is. */
  double         widths[MAX_TRACKED_COLS];
  GArray        *wrapped;  /* WrappedText */
} Sheet;

typedef struct {
  char *values;  /* 'Factors'!$C$5:$C$9 */
  char *keys;    /* 'Factors'!$A$5:$A$9 */
} FactorColumn;

typedef struct {
  guint first_row;   /* first data row (0-based) */
  guint n_rows;      /* at least 1: an empty table keeps one blank row so ranges stay valid */
  guint total_row;
  GArray *col_of;    /* column index in the sheet for each GaColumn */
  int share_col;     /* -1 when there is no tce column */
  int share_src;     /* the GaColumn index the share is computed from */
  int label_for;     /* unused marker */
} TableLayout;

typedef struct {
  GaEngine              *engine;
  GaTemplate            *tmpl;
  const GaExportOptions *opt;
  const char            *lang;
  gboolean               zh;
  const char            *na_text;
  const char            *display_path;
  lxw_workbook          *wb;
  GError                *error;
  guint                  n_value_only;  /* formulas Excel cannot hold, written as values */

  /* formats */
  lxw_format *f_title, *f_subtitle, *f_header, *f_text, *f_wrap, *f_center, *f_number,
             *f_points, *f_na, *f_na_center, *f_section, *f_subtotal, *f_subtotal_num,
             *f_total, *f_total_num, *f_label, *f_code, *f_percent, *f_unverified,
             *f_integer, *f_bold_text;
  GHashTable *num_formats;   /* number format text -> lxw_format* (owned by the workbook) */

  Sheet info, scoring, energy, cp, summary, factors;
  gboolean has_energy, has_cp, has_factors;
  gboolean outputs_on_energy;

  GHashTable *cells;       /* id -> absolute reference of its value cell */
  GHashTable *extra_cells; /* "score:ID", "max:ID" -> reference, for GaExportOptions.cells */
  GHashTable *factor_cols; /* "table\x1fcolumn" -> FactorColumn* */
  GHashTable *tables;      /* GaItem* (table) -> TableLayout* */

  /* scoring sheet */
  GHashTable *item_row;     /* GaItem* -> row + 1 */
  GHashTable *section_row;  /* GaSection* -> subtotal row + 1 */
  guint       first_data_row;
  guint       last_data_row;
  guint       total_row, max_row_unused, bonus_row, veto_row, grade_row, pass_row;
  gboolean    has_bonus, has_veto, has_grades, has_pass;
  gboolean    points;       /* the points scheme: section scores and a total */
  char       *total_ref, *max_ref, *bonus_ref, *veto_ref, *grade_ref, *pass_ref;

  /* clean production */
  char *index_ref[3];
  char *level_ref, *level_label_ref;

  /* outputs */
  GHashTable *output_row;   /* GaOutput* -> row + 1 */
  guint       outputs_first_row;

  /* while a table row's formulas are translated */
  const GaItem      *row_table;
  const TableLayout *row_layout;
  guint              row_sheet_row;

  /* energy mix for the summary chart */
  const GaItem *mix_table;
} Export;

/* ------------------------------------------------------------------ texts */

static const char *
tr (Export     *ex,
    const char *zh,
    const char *en)
{
  return ex->zh ? zh : en;
}

static const char *
text_of (Export       *ex,
         const GaText *text)
{
  const char *s = ga_text_get (text, ex->lang);

  return s != NULL ? s : "";
}

/* A text as an Excel string literal. */
static char *
excel_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static char *
excel_number (double number)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* %.15g is what Excel keeps; g_ascii_formatd never uses a decimal comma. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", number);
  return g_strdup (buf);
}

/* --------------------------------------------------------------- references */

static void
col_name (guint  col,
          char  *buf)
{
  char tmp[8];
  int n = 0;

  col++;
  while (col > 0)
    {
      tmp[n++] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  for (int i = 0; i < n; i++)
    buf[i] = tmp[n - 1 - i];
  buf[n] = '\0';
}

static char *
cell_ref (const Sheet *sheet,
          guint        row,
          guint        col)
{
  char c[8];

  col_name (col, c);
  return g_strdup_printf ("%s!$%s$%u", sheet->quoted, c, row + 1);
}

static char *
range_ref (const Sheet *sheet,
           guint        row1,
           guint        col1,
           guint        row2,
           guint        col2)
{
  char c1[8], c2[8];

  col_name (col1, c1);
  col_name (col2, c2);
  return g_strdup_printf ("%s!$%s$%u:$%s$%u", sheet->quoted, c1, row1 + 1, c2, row2 + 1);
}

static char *
cell_name (guint row,
           guint col)
{
  char c[8];

  col_name (col, c);
  return g_strdup_printf ("%s%u", c, row + 1);
}

static void
sheet_init (Sheet      *sheet,
            const char *name)
{
  GString *q = g_string_new ("'");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (q, '\'');
      g_string_append_c (q, *p);
    }
  g_string_append_c (q, '\'');
  sheet->name = g_strdup (name);
  sheet->quoted = g_string_free (q, FALSE);
  for (guint i = 0; i < MAX_TRACKED_COLS; i++)
    sheet->widths[i] = 8.43;
  sheet->wrapped = g_array_new (FALSE, FALSE, sizeof (WrappedText));
}

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->name, g_free);
  g_clear_pointer (&sheet->quoted, g_free);
  if (sheet->wrapped != NULL)
    {
      for (guint i = 0; i < sheet->wrapped->len; i++)
        g_free (g_array_index (sheet->wrapped, WrappedText, i).text);
      g_clear_pointer (&sheet->wrapped, g_array_unref);
    }
}

/* ------------------------------------------------------------------- errors */

static const char *
lxw_hint (lxw_error err)
{
  switch (err)
    {
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return "Excel cells hold at most 32,767 characters; shorten the text";
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
      return "the text is longer than Excel allows there; shorten it";
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
      return "check that the folder (and the temporary folder) is writable and not full";
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return "the system ran out of memory; close other programs and try again";
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
      return "writing the file failed; check the free disk space and try again";
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return "the sheet has more rows or columns than Excel allows";
    default:
      return "this is a bug in the export; please report it with the template";
    }
}

static int
lxw_code (lxw_error err)
{
  switch (err)
    {
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return GA_EXPORT_ERROR_LIMIT;
    default:
      return GA_EXPORT_ERROR_WRITE;
    }
}

/* Records the first failure with where it happened. */
static void
check (Export      *ex,
       lxw_error    err,
       const Sheet *sheet,
       int          row,
       int          col,
       const char  *what)
{
  g_autofree char *where = NULL;

  if (err == LXW_NO_ERROR || ex->error != NULL)
    return;
  if (sheet != NULL && row >= 0 && col >= 0)
    {
      g_autofree char *cell = cell_name (row, col);

      where = g_strdup_printf (" at %s!%s", sheet->name, cell);
    }
  else if (sheet != NULL)
    where = g_strdup_printf (" on sheet %s", sheet->name);
  g_set_error (&ex->error, GA_EXPORT_ERROR, lxw_code (err),
               "cannot export to %s: writing %s%s failed: %s; %s",
               ex->display_path, what, where != NULL ? where : "", lxw_strerror (err),
               lxw_hint (err));
}

static gboolean
failed (Export *ex)
{
  return ex->error != NULL;
}

/* ------------------------------------------------------------------ writers */

static void
put_string (Export      *ex,
            const Sheet *s,
            guint        row,
            guint        col,
            const char  *text,
            lxw_format  *format,
            const char  *what)
{
  if (failed (ex))
    return;
  if (text == NULL || *text == '\0')
    {
      check (ex, worksheet_write_blank (s->ws, row, col, format), s, row, col, what);
      return;
    }
  if (g_utf8_strlen (text, -1) > EXCEL_MAX_CELL_TEXT)
    {
      g_autofree char *cell = cell_name (row, col);

      g_set_error (&ex->error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_LIMIT,
                   "cannot export to %s: %s at %s!%s has %ld characters and an Excel cell "
                   "holds at most 32,767; shorten it", ex->display_path, what, s->name, cell,
                   g_utf8_strlen (text, -1));
      return;
    }
  /* Always a string cell, never a formula, whatever the text starts with. */
  check (ex, worksheet_write_string (s->ws, row, col, text, format), s, row, col, what);
  if (format != ex->f_section && s->wrapped != NULL && col < MAX_TRACKED_COLS)
    {
      WrappedText w = { row, col, g_strdup (text) };

      g_array_append_val (s->wrapped, w);
    }
}

/* Lines @text takes in a column @width characters wide: CJK characters
 * count two, as in Excel's width unit. */
static guint
text_lines (const char *text,
            double      width)
{
  double room = MAX (width - 1, 1);
  guint lines = 0;
  double units = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || c == '\n')
        {
          lines += MAX (1, (guint) ceil (units / room));
          units = 0;
          if (c == 0)
            break;
          continue;
        }
      units += g_unichar_iswide (c) ? 2.0 : 1.1;
    }
  return lines;
}

static void
fit_row_heights (Export      *ex,
                 const Sheet *s)
{
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (failed (ex) || s->ws == NULL)
    return;
  for (guint i = 0; i < s->wrapped->len; i++)
    {
      const WrappedText *w = &g_array_index (s->wrapped, WrappedText, i);
      guint n = text_lines (w->text, s->widths[w->col]);
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (lines, GUINT_TO_POINTER (w->row + 1)));

      if (n > old)
        g_hash_table_insert (lines, GUINT_TO_POINTER (w->row + 1), GUINT_TO_POINTER (n));
    }
  g_hash_table_iter_init (&iter, lines);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint row = GPOINTER_TO_UINT (key) - 1;
      guint n = GPOINTER_TO_UINT (value);

      /* At most 6 lines: long provenance notes would otherwise make rows
       * a page high; the whole text stays in the cell. */
      if (n > 1)
        check (ex, worksheet_set_row (s->ws, row, 14.0 * MIN (n, 6), NULL), s, row, -1,
               "a row height");
    }
}

static void
put_number (Export      *ex,
            const Sheet *s,
            guint        row,
            guint        col,
            double       number,
            lxw_format  *format,
            const char  *what)
{
  if (failed (ex))
    return;
  if (!isfinite (number))
    check (ex, worksheet_write_blank (s->ws, row, col, format), s, row, col, what);
  else
    check (ex, worksheet_write_number (s->ws, row, col, number, format), s, row, col, what);
}

static void
put_blank (Export      *ex,
           const Sheet *s,
           guint        row,
           guint        col,
           lxw_format  *format)
{
  if (failed (ex))
    return;
  check (ex, worksheet_write_blank (s->ws, row, col, format), s, row, col, "an empty cell");
}

/* An input value (an answer) as a constant cell. */
static void
put_value (Export        *ex,
           const Sheet   *s,
           guint          row,
           guint          col,
           const GaValue *value,
           lxw_format    *format,
           const char    *what)
{
  if (failed (ex))
    return;
  switch (value->kind)
    {
    case GA_VALUE_NUMBER:
      put_number (ex, s, row, col, value->u.number, format, what);
      break;
    case GA_VALUE_TEXT:
      put_string (ex, s, row, col, value->u.text, format, what);
      break;
    case GA_VALUE_BOOLEAN:
      check (ex, worksheet_write_boolean (s->ws, row, col, value->u.boolean, format),
             s, row, col, what);
      break;
    case GA_VALUE_NA:
      put_string (ex, s, row, col, ex->na_text, ex->f_na, what);
      break;
    case GA_VALUE_ERROR:
      put_string (ex, s, row, col, ga_error_code_to_string (value->u.error.code), format, what);
      break;
    case GA_VALUE_BLANK:
    default:
      put_blank (ex, s, row, col, format);
      break;
    }
}

/* A formula with its cached result. Excel refuses formulas longer than
 * 8,192 characters; such a cell gets the value instead (counted, and said
 * on the basic-information sheet). */
static void
put_formula (Export        *ex,
             const Sheet   *s,
             guint          row,
             guint          col,
             const char    *formula,
             const GaValue *cached,
             lxw_format    *format,
             const char    *what)
{
  static const GaValue blank = GA_VALUE_INIT;
  lxw_error err;

  if (failed (ex))
    return;
  if (cached == NULL)
    cached = &blank;
  if (formula == NULL || g_utf8_strlen (formula, -1) >= EXCEL_MAX_FORMULA)
    {
      if (formula != NULL)
        ex->n_value_only++;
      put_value (ex, s, row, col, cached, format, what);
      return;
    }
  switch (cached->kind)
    {
    case GA_VALUE_NUMBER:
      err = worksheet_write_formula_num (s->ws, row, col, formula, format, cached->u.number);
      break;
    case GA_VALUE_TEXT:
      err = worksheet_write_formula_str (s->ws, row, col, formula, format, cached->u.text);
      break;
    case GA_VALUE_BOOLEAN:
      err = worksheet_write_formula_str (s->ws, row, col, formula, format,
                                         cached->u.boolean ? "TRUE" : "FALSE");
      break;
    case GA_VALUE_NA:
      err = worksheet_write_formula_str (s->ws, row, col, formula, format, ex->na_text);
      break;
    case GA_VALUE_ERROR:
      err = worksheet_write_formula_str (s->ws, row, col, formula, format,
                                         ga_error_code_to_string (cached->u.error.code));
      break;
    case GA_VALUE_BLANK:
    default:
      err = worksheet_write_formula_str (s->ws, row, col, formula, format, "");
      break;
    }
  check (ex, err, s, row, col, what);
}

static void
put_formula_number (Export      *ex,
                    const Sheet *s,
                    guint        row,
                    guint        col,
                    const char  *formula,
                    double       cached,
                    lxw_format  *format,
                    const char  *what)
{
  GaValue v = GA_VALUE_INIT;

  if (isfinite (cached))
    ga_value_set_number (&v, cached);
  put_formula (ex, s, row, col, formula, &v, format, what);
  ga_value_clear (&v);
}

static void
put_formula_text (Export      *ex,
                  const Sheet *s,
                  guint        row,
                  guint        col,
                  const char  *formula,
                  const char  *cached,
                  lxw_format  *format,
                  const char  *what)
{
  GaValue v = GA_VALUE_INIT;

  ga_value_set_text (&v, cached != NULL ? cached : "");
  put_formula (ex, s, row, col, formula, &v, format, what);
  ga_value_clear (&v);
}

static void
set_column (Export      *ex,
            const Sheet *s,
            guint        first,
            guint        last,
            double       width,
            lxw_format  *format)
{
  if (failed (ex))
    return;
  for (guint c = first; c <= last && c < MAX_TRACKED_COLS; c++)
    ((Sheet *) s)->widths[c] = width;
  check (ex, worksheet_set_column (s->ws, first, last, width, format), s, -1, -1,
         "the column widths");
}

static void
merge (Export      *ex,
       const Sheet *s,
       guint        r1,
       guint        c1,
       guint        r2,
       guint        c2,
       const char  *text,
       lxw_format  *format)
{
  if (failed (ex))
    return;
  if (r1 == r2 && c1 == c2)
    {
      put_string (ex, s, r1, c1, text, format, "a heading");
      return;
    }
  check (ex, worksheet_merge_range (s->ws, r1, c1, r2, c2, text != NULL ? text : "", format),
         s, r1, c1, "a merged heading");
}

/* ------------------------------------------------------------------ formats */

static lxw_format *
new_format (Export *ex)
{
  lxw_format *f = workbook_add_format (ex->wb);

  /* 宋体 (SimSun) is what bureau forms use. Where it is missing,
   * spreadsheets substitute another Chinese font (LibreOffice goes through
   * fontconfig, e.g. to WenQuanYi Zen Hei). */
  format_set_font_name (f, "宋体");
  format_set_font_size (f, 10.5);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

static lxw_format *
new_cell_format (Export *ex)
{
  lxw_format *f = new_format (ex);

  format_set_border (f, LXW_BORDER_THIN);
  return f;
}

/* Subtotal and total rows: bold on @background; @number for their
 * figures, centred with two decimals. */
static lxw_format *
new_sum_format (Export      *ex,
                lxw_color_t  background,
                gboolean     number)
{
  lxw_format *f = new_cell_format (ex);

  format_set_bold (f);
  format_set_bg_color (f, background);
  if (number)
    {
      format_set_num_format (f, "0.00");
      format_set_align (f, LXW_ALIGN_CENTER);
    }
  return f;
}

static void
make_formats (Export *ex)
{
  ex->f_title = new_format (ex);
  format_set_bold (ex->f_title);
  format_set_font_size (ex->f_title, 16);
  format_set_align (ex->f_title, LXW_ALIGN_CENTER);

  ex->f_subtitle = new_format (ex);
  format_set_align (ex->f_subtitle, LXW_ALIGN_CENTER);

  ex->f_header = new_cell_format (ex);
  format_set_bold (ex->f_header);
  format_set_text_wrap (ex->f_header);
  format_set_align (ex->f_header, LXW_ALIGN_CENTER);
  format_set_bg_color (ex->f_header, 0xDDEBF7);

  ex->f_text = new_cell_format (ex);
  ex->f_wrap = new_cell_format (ex);
  format_set_text_wrap (ex->f_wrap);
  ex->f_center = new_cell_format (ex);
  format_set_align (ex->f_center, LXW_ALIGN_CENTER);
  format_set_text_wrap (ex->f_center);

  ex->f_number = new_cell_format (ex);
  format_set_num_format (ex->f_number, "0.00");
  ex->f_integer = new_cell_format (ex);
  format_set_num_format (ex->f_integer, "0");
  ex->f_points = new_cell_format (ex);
  format_set_num_format (ex->f_points, "0.0#");
  format_set_align (ex->f_points, LXW_ALIGN_CENTER);
  ex->f_percent = new_cell_format (ex);
  format_set_num_format (ex->f_percent, "0.00%");

  /* Not-applicable rows: grey fill, text 不适用. */
  ex->f_na = new_cell_format (ex);
  format_set_bg_color (ex->f_na, 0xD9D9D9);
  format_set_font_color (ex->f_na, 0x595959);
  format_set_text_wrap (ex->f_na);
  ex->f_na_center = new_cell_format (ex);
  format_set_bg_color (ex->f_na_center, 0xD9D9D9);
  format_set_font_color (ex->f_na_center, 0x595959);
  format_set_align (ex->f_na_center, LXW_ALIGN_CENTER);
  format_set_num_format (ex->f_na_center, "0.0#");

  ex->f_section = new_cell_format (ex);
  format_set_bold (ex->f_section);
  format_set_text_wrap (ex->f_section);
  format_set_align (ex->f_section, LXW_ALIGN_CENTER);

  ex->f_subtotal = new_sum_format (ex, 0xF2F2F2, FALSE);
  ex->f_subtotal_num = new_sum_format (ex, 0xF2F2F2, TRUE);

  ex->f_total = new_sum_format (ex, 0xFFF2CC, FALSE);
  ex->f_total_num = new_sum_format (ex, 0xFFF2CC, TRUE);

  ex->f_label = new_cell_format (ex);
  format_set_bold (ex->f_label);
  format_set_bg_color (ex->f_label, 0xF2F2F2);
  format_set_text_wrap (ex->f_label);

  ex->f_bold_text = new_cell_format (ex);
  format_set_bold (ex->f_bold_text);

  ex->f_code = new_cell_format (ex);
  format_set_font_color (ex->f_code, 0x808080);
  format_set_align (ex->f_code, LXW_ALIGN_CENTER);

  ex->f_unverified = new_cell_format (ex);
  format_set_font_color (ex->f_unverified, 0xC00000);
  format_set_text_wrap (ex->f_unverified);
}

/* A number format showing the unit, e.g. 0.00 "tce". */
static lxw_format *
unit_format (Export     *ex,
             const char *base,
             const char *unit,
             gboolean    na)
{
  g_autofree char *key = NULL;
  GString *code;
  lxw_format *f;

  if (base == NULL || *base == '\0')
    base = "0.00";
  code = g_string_new (base);
  if (unit != NULL && *unit != '\0')
    {
      g_string_append (code, " \"");
      for (const char *p = unit; *p != '\0'; p++)
        if (*p != '"' && *p != '\\')
          g_string_append_c (code, *p);
      g_string_append_c (code, '"');
    }
  key = g_strdup_printf ("%d%s", na, code->str);
  f = g_hash_table_lookup (ex->num_formats, key);
  if (f == NULL)
    {
      f = new_cell_format (ex);
      format_set_num_format (f, code->str);
      if (na)
        {
          format_set_bg_color (f, 0xD9D9D9);
          format_set_font_color (f, 0x595959);
        }
      g_hash_table_insert (ex->num_formats, g_steal_pointer (&key), f);
    }
  g_string_free (code, TRUE);
  return f;
}

/* --------------------------------------------------------- page setup */

static char *
header_text (const char *text,
             guint       max_chars)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  /* & starts a code in Excel headers: a literal one is doubled. */
  for (const char *p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

static void
page_setup (Export      *ex,
            const Sheet *s,
            gboolean     landscape,
            int          repeat_first,
            int          repeat_last,
            guint        freeze_row,
            guint        freeze_col)
{
  const GaEnterpriseInfo *info = ex->opt->enterprise;
  g_autofree char *name = header_text (info != NULL && info->name != NULL ? info->name : "", 60);
  g_autofree char *title = header_text (text_of (ex, ga_template_get_title (ex->tmpl)), 60);
  g_autofree char *header = NULL;
  const char *footer;

  if (failed (ex))
    return;
  worksheet_set_paper (s->ws, 9 /* A4 */);
  if (landscape)
    worksheet_set_landscape (s->ws);
  else
    worksheet_set_portrait (s->ws);
  worksheet_set_margins (s->ws, 0.5, 0.5, 0.75, 0.75);
  worksheet_fit_to_pages (s->ws, 1, 0);
  worksheet_center_horizontally (s->ws);
  if (repeat_first >= 0)
    check (ex, worksheet_repeat_rows (s->ws, repeat_first, repeat_last), s, -1, -1,
           "the rows repeated on every page");
  header = g_strdup_printf ("&L%s&R%s", name, title);
  check (ex, worksheet_set_header (s->ws, header), s, -1, -1, "the page header");
  footer = ex->zh ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N";
  check (ex, worksheet_set_footer (s->ws, footer), s, -1, -1, "the page footer");
  if (freeze_row > 0 || freeze_col > 0)
    worksheet_freeze_panes (s->ws, freeze_row, freeze_col);
}

/* ----------------------------------------------------- formula translation */

static char *
ref_to_cell_cb (gpointer    user_data,
                guint       index,
                const char *name)
{
  Export *ex = user_data;
  const char *ref;

  /* Inside a table row, a column id is the cell of the same row. */
  if (ex->row_table != NULL)
    {
      GPtrArray *columns = ex->row_table->columns;

      for (guint i = 0; i < columns->len; i++)
        {
          const GaColumn *c = g_ptr_array_index (columns, i);

          if (g_str_equal (c->id, name))
            return cell_ref (&ex->energy, ex->row_sheet_row,
                             g_array_index (ex->row_layout->col_of, guint, i));
        }
    }
  ref = g_hash_table_lookup (ex->cells, name);
  /* NULL (unreachable for a validated template) makes the translation
   * fail with a message naming the reference. */
  return g_strdup (ref);
}

static char *
lookup_to_excel_cb (gpointer    user_data,
                    const char *table,
                    const char *key_expr,
                    const char *column)
{
  Export *ex = user_data;
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", table, column);
  const FactorColumn *fc = g_hash_table_lookup (ex->factor_cols, key);

  if (fc == NULL)
    return g_strdup ("NA()");
  return g_strdup_printf ("INDEX(%s,MATCH(%s,%s,0))", fc->values, key_expr, fc->keys);
}

/* Translates @formula; on failure records a GA_EXPORT_ERROR_FORMULA naming
 * @what and returns NULL. */
static char *
translate (Export     *ex,
           GaFormula  *formula,
           const char *what)
{
  GaExcelContext ctx = {
    .ref_to_cell = ref_to_cell_cb,
    .lookup_to_excel = lookup_to_excel_cb,
    .na_text = ex->na_text,
    .user_data = ex,
  };
  g_autoptr(GError) local = NULL;
  char *text;

  if (failed (ex) || formula == NULL)
    return NULL;
  text = ga_formula_to_excel (formula, &ctx, &local);
  if (text == NULL && (g_error_matches (local, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_LONG) ||
                       g_error_matches (local, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_DEEP)))
    {
      /* Beyond Excel's limits: the cell gets the value (put_formula()
       * writes it when the formula is NULL), counted and said on the
       * basic-information sheet. */
      ex->n_value_only++;
      return NULL;
    }
  if (text == NULL)
    g_set_error (&ex->error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_FORMULA,
                 "cannot export to %s: the formula of %s (%s) has no Excel equivalent: %s; "
                 "change the template's formula", ex->display_path, what,
                 ga_formula_get_text (formula), local != NULL ? local->message : "");
  return text;
}

/* ------------------------------------------------------- own evaluation */

/* Benchmarks and weights are expressions the engine evaluates without
 * storing; the export evaluates them the same way for the cached values. */
typedef struct {
  Export    *ex;
  GaFormula *formula;
  GPtrArray *scratch;  /* GaValue arrays handed out by get_range */
} EvalData;

static const GaValue *
eval_get_ref (gpointer user_data,
              guint    index)
{
  static const GaValue blank = GA_VALUE_INIT;
  EvalData *d = user_data;
  const GaResult *res = ga_engine_lookup (d->ex->engine, ga_formula_get_ref (d->formula, index));

  return res != NULL ? &res->value : &blank;
}

static void
free_value_array (gpointer data)
{
  GArray *values = data;

  for (guint i = 0; i < values->len; i++)
    ga_value_clear (&g_array_index (values, GaValue, i));
  g_array_unref (values);
}

static gboolean
eval_get_range (gpointer        user_data,
                guint           index,
                const GaValue **values,
                guint          *n_values)
{
  EvalData *d = user_data;
  const char *name = ga_formula_get_ref (d->formula, index);
  const char *dot = strchr (name, '.');
  g_autofree char *table_id = NULL;
  const GaItem *table;
  GArray *out;
  guint n;

  if (dot == NULL)
    return FALSE;
  table_id = g_strndup (name, dot - name);
  table = ga_template_find_item (d->ex->tmpl, table_id);
  if (table == NULL || table->kind != GA_ITEM_TABLE)
    return FALSE;
  for (guint c = 0; c < table->columns->len; c++)
    {
      const GaColumn *col = g_ptr_array_index (table->columns, c);

      if (!g_str_equal (col->id, dot + 1))
        continue;
      n = ga_engine_get_n_rows (d->ex->engine, table);
      out = g_array_sized_new (FALSE, TRUE, sizeof (GaValue), n);
      for (guint r = 0; r < n; r++)
        {
          GaValue v = GA_VALUE_INIT;

          ga_value_copy (ga_engine_get_cell (d->ex->engine, table, r, c), &v);
          g_array_append_val (out, v);
        }
      g_ptr_array_add (d->scratch, out);
      *values = (const GaValue *) out->data;
      *n_values = n;
      return TRUE;
    }
  return FALSE;
}

static gboolean
eval_lookup (gpointer       user_data,
             const char    *table_id,
             const GaValue *key,
             const char    *column,
             GaValue       *out)
{
  EvalData *d = user_data;
  GaLookupTable *table = ga_template_find_table (d->ex->tmpl, table_id);
  g_autofree char *key_text = NULL;
  const GaValue *cell;

  if (table == NULL)
    return FALSE;
  key_text = ga_value_to_display (key);
  cell = ga_lookup_table_get (table, key_text, column);
  if (cell == NULL)
    return FALSE;
  ga_value_copy (cell, out);
  return TRUE;
}

static void
evaluate (Export    *ex,
          GaFormula *formula,
          GaValue   *out)
{
  EvalData d = { ex, formula, g_ptr_array_new_with_free_func (free_value_array) };
  GaFormulaContext ctx = {
    .get_ref = eval_get_ref,
    .get_range = eval_get_range,
    .lookup = eval_lookup,
    .user_data = &d,
  };

  ga_formula_evaluate (formula, &ctx, out);
  g_ptr_array_unref (d.scratch);
}

/* Writes @formula evaluated as a live formula, or as a plain number when
 * it references nothing (a constant benchmark or weight). */
static void
put_expression (Export      *ex,
                const Sheet *s,
                guint        row,
                guint        col,
                GaFormula   *formula,
                lxw_format  *format,
                const char  *what)
{
  GaValue v = GA_VALUE_INIT;

  if (failed (ex))
    return;
  if (formula == NULL)
    {
      put_blank (ex, s, row, col, format);
      return;
    }
  evaluate (ex, formula, &v);
  if (ga_formula_get_n_refs (formula) == 0 && ga_formula_get_n_lookups (formula) == 0 &&
      v.kind == GA_VALUE_NUMBER)
    put_number (ex, s, row, col, v.u.number, format, what);
  else
    {
      g_autofree char *f = translate (ex, formula, what);

      put_formula (ex, s, row, col, f, &v, format, what);
    }
  ga_value_clear (&v);
}

/* ------------------------------------------------------------------ layout */

static gboolean
item_uses_code_column (const GaItem *item)
{
  return item->kind == GA_ITEM_COMPLIANCE || item->kind == GA_ITEM_YESNO ||
         item->kind == GA_ITEM_CHOICE || item->kind == GA_ITEM_MULTI;
}

static gboolean
item_is_scored (const GaItem *item)
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
                             cell_ref (&ex->scoring, row,
                                       item_uses_code_column (item) ? SC_CODE : SC_ANSWER));
      row++;
    }
  for (guint i = 0; i < section->sections->len; i++)
    row = layout_section (ex, g_ptr_array_index (section->sections, i), row);
  g_hash_table_insert (ex->section_row, (gpointer) section, GUINT_TO_POINTER (row + 1));
  if (ex->points)
    g_hash_table_insert (ex->cells, g_strdup (section->id), cell_ref (&ex->scoring, row, SC_SCORE));
  return row + 1;
}

static guint
section_row (Export          *ex,
             const GaSection *section)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ex->section_row, section)) - 1;
}

static guint
item_row (Export       *ex,
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
static gboolean
column_is_summable (const GaColumn *column)
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

static gboolean
column_has_label (const GaColumn *column)
{
  return column->kind == GA_ITEM_CHOICE;
}

static void
table_layout_free (gpointer data)
{
  TableLayout *t = data;

  g_array_unref (t->col_of);
  g_free (t);
}

static void
factor_column_free (gpointer data)
{
  FactorColumn *fc = data;

  g_free (fc->values);
  g_free (fc->keys);
  g_free (fc);
}

/* Energy sheet: each table item is a block (title, header, rows, total),
 * followed by the outputs. */
static void
layout_energy (Export *ex)
{
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  guint row = 2;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      TableLayout *t;
      gboolean has_percent;
      guint col = 1;

      if (item->kind != GA_ITEM_TABLE)
        continue;
      t = g_new0 (TableLayout, 1);
      t->col_of = g_array_new (FALSE, TRUE, sizeof (guint));
      t->share_col = -1;
      t->share_src = -1;
      t->first_row = row + 2;   /* block title, header */
      /* A template that computes shares itself keeps its own column. */
      has_percent = table_has_percent_column (item);
      t->n_rows = MAX (ga_engine_get_n_rows (ex->engine, item), 1);
      t->total_row = t->first_row + t->n_rows;
      for (guint c = 0; c < item->columns->len; c++)
        {
          const GaColumn *column = g_ptr_array_index (item->columns, c);
          g_autofree char *name = g_strdup_printf ("%s.%s", item->id, column->id);

          g_array_append_val (t->col_of, col);
          g_hash_table_insert (ex->cells, g_steal_pointer (&name),
                               range_ref (&ex->energy, t->first_row, col,
                                          t->first_row + t->n_rows - 1, col));
          col++;
          if (column_has_label (column))
            col++;            /* name */
          if (column->options_table != NULL)
            col++;            /* coefficient source */
          if (t->share_src < 0 && column_is_tce (column))
            {
              t->share_src = c;
              if (!has_percent)
                t->share_col = col++;
              if (ex->mix_table == NULL)
                ex->mix_table = item;
            }
        }
      g_hash_table_insert (ex->tables, item, t);
      row = t->total_row + 2;
    }
  ex->outputs_first_row = row;
}

static void
layout_outputs (Export *ex)
{
  GPtrArray *outputs = ga_template_get_outputs (ex->tmpl);
  const Sheet *s = ex->outputs_on_energy ? &ex->energy : &ex->summary;
  guint row = ex->outputs_first_row + 1;

  for (guint i = 0; i < outputs->len; i++)
    {
      GaOutput *out = g_ptr_array_index (outputs, i);

      g_hash_table_insert (ex->output_row, out, GUINT_TO_POINTER (row + 1));
      g_hash_table_insert (ex->cells, g_strdup (out->id), cell_ref (s, row, 3));
      row++;
    }
}

/* ----------------------------------------------------------- factors sheet */

static void
write_factors (Export *ex)
{
  const Sheet *s = &ex->factors;
  GPtrArray *tables = ga_template_get_tables (ex->tmpl);
  guint row = 0;
  guint max_cols = 2;

  put_string (ex, s, row, 0, tr (ex, "系数表（公式中 FACTOR() 查找的数据）",
                                 "Factors (the tables FACTOR() looks up)"), ex->f_bold_text, "a title");
  row += 2;
  for (guint t = 0; t < tables->len; t++)
    {
      GaLookupTable *table = g_ptr_array_index (tables, t);
      guint n_cols = table->columns->len;
      guint first, last;
      g_autofree char *title = g_strdup_printf ("%s  %s", table->id, text_of (ex, &table->title));
      g_autofree char *source = g_strdup_printf ("%s%s%s%s", tr (ex, "来源：", "Source: "),
                                                 table->source != NULL ? table->source : "",
                                                 table->version != NULL ? "  " : "",
                                                 table->version != NULL ? table->version : "");

      max_cols = MAX (max_cols, n_cols + 2);
      put_string (ex, s, row, 0, title, ex->f_bold_text, "a table title");
      put_string (ex, s, row + 1, 0, source, ex->f_text, "a table source");
      if (!table->verified)
        {
          g_autofree char *why = g_strdup_printf ("%s%s", tr (ex, "未核实：", "Unverified: "),
                                                  table->unverified_reason != NULL
                                                  ? table->unverified_reason : "");
          put_string (ex, s, row + 1, 2, why, ex->f_unverified, "a verification note");
        }
      row += 2;
      for (guint c = 0; c < n_cols; c++)
        {
          const char *name = g_ptr_array_index (table->columns, c);
          const char *unit = table->column_units != NULL && c < table->column_units->len
                             ? g_ptr_array_index (table->column_units, c) : NULL;
          g_autofree char *head = unit != NULL ? g_strdup_printf ("%s (%s)", name, unit)
                                               : g_strdup (name);

          put_string (ex, s, row, c, head, ex->f_header, "a column heading");
        }
      put_string (ex, s, row, n_cols, tr (ex, "说明", "Note"), ex->f_header, "a column heading");
      put_string (ex, s, row, n_cols + 1, tr (ex, "核实", "Verified"), ex->f_header,
                  "a column heading");
      row++;
      first = row;
      for (guint r = 0; r < table->rows->len; r++, row++)
        {
          GaTableRow *tr_row = g_ptr_array_index (table->rows, r);

          put_string (ex, s, row, 0, tr_row->key, ex->f_text, "a factor key");
          for (guint c = 1; c < n_cols; c++)
            {
              const GaValue *cell = &tr_row->cells[c - 1];

              put_value (ex, s, row, c, cell,
                         cell->kind == GA_VALUE_NUMBER ? ex->f_text : ex->f_text, "a factor");
            }
          put_string (ex, s, row, n_cols, tr_row->note, ex->f_wrap, "a factor note");
          put_string (ex, s, row, n_cols + 1,
                      tr_row->verified ? tr (ex, "已核实", "verified")
                                       : tr (ex, "未核实", "unverified"),
                      tr_row->verified ? ex->f_text : ex->f_unverified, "a verification mark");
        }
      if (table->rows->len == 0)
        {
          for (guint c = 0; c < n_cols; c++)
            put_blank (ex, s, row, c, ex->f_text);
          row++;
        }
      last = row - 1;
      for (guint c = 1; c < n_cols; c++)
        {
          FactorColumn *fc = g_new0 (FactorColumn, 1);

          fc->values = range_ref (s, first, c, last, c);
          fc->keys = range_ref (s, first, 0, last, 0);
          g_hash_table_insert (ex->factor_cols,
                               g_strdup_printf ("%s\x1f%s", table->id,
                                                (const char *) g_ptr_array_index (table->columns, c)),
                               fc);
        }
      row++;
    }
  set_column (ex, s, 0, 0, 18, NULL);
  set_column (ex, s, 1, max_cols, 16, NULL);
  page_setup (ex, s, FALSE, -1, -1, 1, 0);
}

/* ------------------------------------------------------------ scoring sheet */

static const char *
compliance_label (Export     *ex,
                  const char *value)
{
  if (g_strcmp0 (value, GA_COMPLIANCE_YES) == 0)
    return tr (ex, "符合", "Met");
  if (g_strcmp0 (value, GA_COMPLIANCE_PARTIAL) == 0)
    return tr (ex, "部分符合", "Partly met");
  if (g_strcmp0 (value, GA_COMPLIANCE_NO) == 0)
    return tr (ex, "不符合", "Not met");
  return value;
}

static const GaOption *
find_option (GPtrArray  *options,
             const char *id)
{
  if (options == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < options->len; i++)
    {
      const GaOption *o = g_ptr_array_index (options, i);

      if (g_str_equal (o->id, id))
        return o;
    }
  return NULL;
}

static GaNaPolicy
item_na_policy (const GaItem *item)
{
  return item->section != NULL ? item->section->na_policy : GA_NA_POLICY_EXCLUDE;
}

/* The score of an N/A item under its section's policy, as the engine
 * counts it: AWARD earns the points (not for bonus items), the others earn
 * nothing and leave the maximum (RENORMALISE scales the section after). */
static const char *
na_points (const GaItem *item,
           const char   *points)
{
  return item_na_policy (item) == GA_NA_POLICY_AWARD && !item->bonus ? points : "0";
}

static const char *
cmp_text (GaComparator cmp)
{
  switch (cmp)
    {
    case GA_CMP_LE: return "<=";
    case GA_CMP_LT: return "<";
    case GA_CMP_GE: return ">=";
    case GA_CMP_GT: return ">";
    case GA_CMP_EQ:
    default: return "=";
    }
}

/* An item's score formula in parts, mirroring the engine's order:
 *   value N/A            -> the N/A points;
 *   value blank          -> 0 (incomplete; the maximum stays);
 *   @na_rest TRUE        -> the N/A points (a baseline, threshold or score
 *                           formula that is not applicable);
 *   otherwise @core, which gives 0 for whatever the engine cannot score;
 * and any Excel error is 0, as an error status scores 0 in the engine. */
typedef struct {
  char *na_rest;  /* NULL: only the value decides N/A */
  char *core;
} ScoreParts;

static void
score_parts_clear (ScoreParts *parts)
{
  g_clear_pointer (&parts->na_rest, g_free);
  g_clear_pointer (&parts->core, g_free);
}

static gboolean
score_parts (Export       *ex,
             const GaItem *item,
             const char   *v,
             const char   *p,
             ScoreParts   *parts)
{
  g_autofree char *na = excel_string (ex->na_text);

  switch (item->score.method)
    {
    case GA_SCORE_COMPLIANCE:
      {
        g_autofree char *pf = excel_number (item->score.partial_factor);

        parts->core = g_strdup_printf ("IF(%s=\"%s\",%s,IF(%s=\"%s\",%s*%s,0))", v,
                                       GA_COMPLIANCE_YES, p, v, GA_COMPLIANCE_PARTIAL, p, pf);
        return TRUE;
      }
    case GA_SCORE_YESNO:
      parts->core = g_strdup_printf ("IF(%s=TRUE,%s,0)", v, p);
      return TRUE;
    case GA_SCORE_OPTIONS:
      {
        GString *out;
        guint n = 0;

        /* Multiple choice scores the chosen options' points, which are not
         * in cells: the caller writes the value. */
        if (item->kind != GA_ITEM_CHOICE)
          return FALSE;
        out = g_string_new (NULL);
        for (guint i = 0; item->options != NULL && i < item->options->len; i++)
          {
            const GaOption *o = g_ptr_array_index (item->options, i);
            g_autofree char *id = excel_string (o->id);
            g_autofree char *pts = excel_number (CLAMP (isfinite (o->points) ? o->points : 0,
                                                        0, item->points));

            g_string_append_printf (out, "IF(%s=%s,%s,", v, id, pts);
            n++;
          }
        g_string_append_c (out, '0');
        for (guint i = 0; i < n; i++)
          g_string_append_c (out, ')');
        parts->core = g_string_free (out, FALSE);
        return TRUE;
      }
    case GA_SCORE_POINTS:
      parts->core = g_strdup_printf ("IF(ISNUMBER(%s),MIN(MAX(%s,0),%s),0)", v, v, p);
      return TRUE;
    case GA_SCORE_INTERP:
      {
        g_autofree char *b = translate (ex, item->score.baseline, item->id);
        g_autofree char *l = b != NULL ? translate (ex, item->score.leading, item->id) : NULL;

        if (b == NULL || l == NULL)
          return FALSE;
        parts->na_rest = g_strdup_printf ("OR((%s)=%s,(%s)=%s)", b, na, l, na);
        parts->core = g_strdup_printf ("IF(AND(ISNUMBER(%s),ISNUMBER(%s),ISNUMBER(%s)),"
                                       "IF((%s)=(%s),0,%s*MIN(MAX((%s-(%s))/((%s)-(%s)),0),1)),0)",
                                       v, b, l, b, l, p, v, b, l, b);
        return TRUE;
      }
    case GA_SCORE_BANDS:
      {
        GString *na_test = g_string_new ("OR(FALSE");
        GString *numeric = g_string_new ("AND(ISNUMBER(");
        GString *steps = g_string_new (NULL);
        GPtrArray *bands = item->score.bands;
        guint n = 0;
        g_autofree char *otherwise = excel_number (CLAMP (item->score.band_otherwise, 0,
                                                          item->points));

        g_string_append_printf (numeric, "%s)", v);
        for (guint i = 0; bands != NULL && i < bands->len; i++)
          {
            const GaBand *band = g_ptr_array_index (bands, i);
            g_autofree char *t = translate (ex, band->threshold, item->id);
            g_autofree char *pts = excel_number (CLAMP (band->points, 0, item->points));

            if (t == NULL)
              {
                g_string_free (na_test, TRUE);
                g_string_free (numeric, TRUE);
                g_string_free (steps, TRUE);
                return FALSE;
              }
            g_string_append_printf (na_test, ",(%s)=%s", t, na);
            g_string_append_printf (numeric, ",ISNUMBER(%s)", t);
            g_string_append_printf (steps, "IF(%s%s(%s),%s,", v, cmp_text (item->score.band_cmp),
                                    t, pts);
            n++;
          }
        g_string_append (steps, otherwise);
        for (guint i = 0; i < n; i++)
          g_string_append_c (steps, ')');
        g_string_append_c (na_test, ')');
        g_string_append_c (numeric, ')');
        parts->na_rest = g_string_free (na_test, FALSE);
        parts->core = g_strdup_printf ("IF(%s,%s,0)", numeric->str, steps->str);
        g_string_free (numeric, TRUE);
        g_string_free (steps, TRUE);
        return TRUE;
      }
    case GA_SCORE_FORMULA:
      {
        g_autofree char *f = translate (ex, item->score.formula, item->id);

        if (f == NULL)
          return FALSE;
        /* Numbers are clamped to [0, points], TRUE earns the points; text,
         * blank and errors score 0. */
        parts->na_rest = g_strdup_printf ("(%s)=%s", f, na);
        parts->core = g_strdup_printf ("IF(ISNUMBER(%s),MIN(MAX(%s,0),%s),"
                                       "IF(ISLOGICAL(%s),IF(%s,%s,0),0))", f, f, p, f, f, p);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static char *
item_score_formula (Export       *ex,
                    const GaItem *item,
                    const char   *v)
{
  g_autofree char *p = excel_number (item->points);
  g_autofree char *na = excel_string (ex->na_text);
  ScoreParts parts = { NULL, NULL };
  const char *nap = na_points (item, p);
  char *out;

  if (!score_parts (ex, item, v, p, &parts))
    {
      if (!failed (ex) && item->kind == GA_ITEM_MULTI)
        ex->n_value_only++;
      return NULL;
    }
  if (parts.na_rest != NULL)
    out = g_strdup_printf ("IFERROR(IF(%s=%s,%s,IF(%s=\"\",0,IF(%s,%s,%s))),0)", v, na, nap, v,
                           parts.na_rest, nap, parts.core);
  else
    out = g_strdup_printf ("IFERROR(IF(%s=%s,%s,IF(%s=\"\",0,%s)),0)", v, na, nap, v,
                           parts.core);
  score_parts_clear (&parts);
  return out;
}

static char *
item_max_formula (Export       *ex,
                  const GaItem *item,
                  const char   *v)
{
  g_autofree char *p = excel_number (item->points);
  g_autofree char *na = excel_string (ex->na_text);
  ScoreParts parts = { NULL, NULL };
  const char *nap = na_points (item, p);
  char *out;

  if (!score_parts (ex, item, v, p, &parts))
    return failed (ex) ? NULL : g_strdup_printf ("IF(%s=%s,%s,%s)", v, na, nap, p);
  if (parts.na_rest != NULL)
    out = g_strdup_printf ("IFERROR(IF(%s=%s,%s,IF(%s=\"\",%s,IF(%s,%s,%s))),%s)", v, na, nap,
                           v, p, parts.na_rest, nap, p, p);
  else
    out = g_strdup_printf ("IF(%s=%s,%s,%s)", v, na, nap, p);
  score_parts_clear (&parts);
  return out;
}

/* A veto item: 通过 / 否决 / 不适用, or "" while it is pending (unanswered,
 * or a condition that cannot be decided), as the engine counts them. */
static char *
veto_formula (Export       *ex,
              const GaItem *item,
              const char   *v)
{
  g_autofree char *na = excel_string (ex->na_text);
  g_autofree char *pass = excel_string (tr (ex, "通过", "pass"));
  g_autofree char *fail = excel_string (tr (ex, "否决", "veto"));
  g_autofree char *cond = NULL;

  switch (item->score.method)
    {
    case GA_SCORE_COMPLIANCE:
      cond = g_strdup_printf ("%s=\"%s\"", v, GA_COMPLIANCE_YES);
      break;
    case GA_SCORE_YESNO:
      cond = g_strdup_printf ("%s<>FALSE", v);
      break;
    case GA_SCORE_FORMULA:
      {
        g_autofree char *f = translate (ex, item->score.formula, item->id);

        if (f == NULL)
          return NULL;
        /* TRUE passes, a number passes when > 0, blank is pending. */
        cond = g_strdup_printf ("IF(ISNUMBER(%s),%s>0,IF(ISLOGICAL(%s),%s,NA()))", f, f, f, f);
        break;
      }
    default:
      {
        GString *c = g_string_new ("AND(TRUE");

        for (guint i = 0; item->kind == GA_ITEM_CHOICE && item->options != NULL &&
             i < item->options->len; i++)
          {
            const GaOption *o = g_ptr_array_index (item->options, i);
            g_autofree char *id = excel_string (o->id);

            if (o->fails)
              g_string_append_printf (c, ",%s<>%s", v, id);
          }
        g_string_append_c (c, ')');
        cond = g_string_free (c, FALSE);
        break;
      }
    }
  return g_strdup_printf ("IFERROR(IF(%s=%s,%s,IF(%s=\"\",\"\",IF(%s,%s,%s))),\"\")", v, na, na,
                          v, cond, pass, fail);
}

static char *
item_remark (Export         *ex,
             const GaItem   *item,
             const GaAnswer *answer,
             gboolean        na)
{
  GString *out = g_string_new (NULL);

  if (na)
    {
      if (answer != NULL && answer->not_applicable)
        g_string_append_printf (out, "%s%s", tr (ex, "不适用理由：", "Not applicable: "),
                                answer->na_reason != NULL ? answer->na_reason : "");
      else
        g_string_append (out, tr (ex, "不适用（适用条件不满足）",
                                  "Not applicable (its condition is not met)"));
    }
  if (answer != NULL && answer->note != NULL && *answer->note != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, answer->note);
    }
  return g_string_free (out, FALSE);
}

static char *
item_evidence (Export       *ex,
               const GaItem *item)
{
  GString *out = g_string_new (NULL);
  GPtrArray *attached = ex->opt->evidence != NULL
                        ? g_hash_table_lookup (ex->opt->evidence, item->id) : NULL;

  for (guint i = 0; item->evidence != NULL && i < item->evidence->len; i++)
    g_string_append_printf (out, "%s%s", i == 0 ? "" : "；",
                            (const char *) g_ptr_array_index (item->evidence, i));
  if (attached != NULL && attached->len > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, tr (ex, "已附：", "Attached: "));
      for (guint i = 0; i < attached->len; i++)
        g_string_append_printf (out, "%s%s", i == 0 ? "" : "；",
                                (const char *) g_ptr_array_index (attached, i));
    }
  return g_string_free (out, FALSE);
}

static void
write_item (Export         *ex,
            GaItem         *item,
            const char     *l1,
            const char     *l2)
{
  const Sheet *s = &ex->scoring;
  guint row = item_row (ex, item);
  const GaResult *res = ga_engine_get_item_result (ex->engine, item);
  const GaAnswer *answer = ga_answer_set_get (ga_engine_get_answers (ex->engine), item->id);
  gboolean na = res->status == GA_STATUS_NA || (answer != NULL && answer->not_applicable);
  lxw_format *fw = na ? ex->f_na : ex->f_wrap;
  lxw_format *fc = na ? ex->f_na : ex->f_center;
  lxw_format *fp = na ? ex->f_na_center : ex->f_points;
  const char *v = g_hash_table_lookup (ex->cells, item->id);
  g_autofree char *remark = item_remark (ex, item, answer, na);
  g_autofree char *evidence = item_evidence (ex, item);
  g_autofree char *explain = ga_engine_explain (ex->engine, item->id);
  g_autofree char *source = NULL;
  GString *klass = g_string_new (NULL);

  put_string (ex, s, row, SC_L1, l1, ex->f_section, "a first-level indicator");
  put_string (ex, s, row, SC_L2, l2, ex->f_section, "a second-level indicator");
  put_string (ex, s, row, SC_ID, item->id, fc, "an item number");
  put_string (ex, s, row, SC_TITLE, text_of (ex, &item->title), fw, "an item title");
  put_string (ex, s, row, SC_REQ, text_of (ex, &item->requirement), fw, "a requirement");
  put_string (ex, s, row, SC_MANDATORY,
              item->mandatory ? tr (ex, "必选", "mandatory") : tr (ex, "可选", "optional"),
              fc, "必选/可选");
  /* A veto item's class is exactly 否决项: the veto status formula looks
   * for it. */
  if (item->veto)
    g_string_append (klass, tr (ex, "否决项", "veto"));
  else
    {
      if (item->bonus)
        g_string_append (klass, tr (ex, "附加项", "bonus"));
      if (item->limiting)
        g_string_append_printf (klass, "%s%s", klass->len ? "、" : "",
                                tr (ex, "限定性", "limiting"));
      if (item->kind == GA_ITEM_COMPUTED)
        g_string_append_printf (klass, "%s%s", klass->len ? "、" : "",
                                tr (ex, "计算项", "computed"));
    }
  put_string (ex, s, row, SC_CLASS, klass->str, fc, "an item class");
  g_string_free (klass, TRUE);
  put_number (ex, s, row, SC_POINTS, item_is_scored (item) ? item->points : NAN, fp, "points");

  /* The answer as people read it, and the value formulas see. */
  if (na && item->kind != GA_ITEM_COMPUTED && item->kind != GA_ITEM_TABLE)
    {
      put_string (ex, s, row, SC_ANSWER, ex->na_text, ex->f_na, "an answer");
      put_string (ex, s, row, SC_CODE, item_uses_code_column (item) ? ex->na_text : NULL,
                  ex->f_na, "an answer code");
    }
  else
    {
      switch (item->kind)
        {
        case GA_ITEM_COMPLIANCE:
          put_string (ex, s, row, SC_ANSWER,
                      res->value.kind == GA_VALUE_TEXT
                      ? compliance_label (ex, res->value.u.text) : NULL, fc, "an answer");
          put_value (ex, s, row, SC_CODE, &res->value, ex->f_code, "an answer code");
          break;
        case GA_ITEM_YESNO:
          put_string (ex, s, row, SC_ANSWER,
                      res->value.kind == GA_VALUE_BOOLEAN
                      ? (res->value.u.boolean ? tr (ex, "是", "yes") : tr (ex, "否", "no"))
                      : NULL, fc, "an answer");
          put_value (ex, s, row, SC_CODE, &res->value, ex->f_code, "an answer code");
          break;
        case GA_ITEM_CHOICE:
          {
            const GaOption *o = res->value.kind == GA_VALUE_TEXT
                                ? find_option (item->options, res->value.u.text) : NULL;

            put_string (ex, s, row, SC_ANSWER, o != NULL ? text_of (ex, &o->label)
                        : (res->value.kind == GA_VALUE_TEXT ? res->value.u.text : NULL),
                        fw, "an answer");
            put_value (ex, s, row, SC_CODE, &res->value, ex->f_code, "an answer code");
            break;
          }
        case GA_ITEM_MULTI:
          {
            GString *labels = g_string_new (NULL);

            for (guint i = 0; answer != NULL && answer->selected != NULL &&
                 answer->selected[i] != NULL; i++)
              {
                const GaOption *o = find_option (item->options, answer->selected[i]);

                g_string_append_printf (labels, "%s%s", i == 0 ? "" : "；",
                                        o != NULL ? text_of (ex, &o->label) : answer->selected[i]);
              }
            put_string (ex, s, row, SC_ANSWER, labels->str, fw, "an answer");
            g_string_free (labels, TRUE);
            put_value (ex, s, row, SC_CODE, &res->value, ex->f_code, "an answer code");
            break;
          }
        case GA_ITEM_NUMBER:
        case GA_ITEM_POINTS:
          put_value (ex, s, row, SC_ANSWER, &res->value,
                     unit_format (ex, item->integer ? "0" : "0.00", item->unit, FALSE),
                     "an answer");
          put_blank (ex, s, row, SC_CODE, ex->f_code);
          break;
        case GA_ITEM_COMPUTED:
          {
            g_autofree char *f = translate (ex, item->value, item->id);

            put_formula (ex, s, row, SC_ANSWER, f, &res->value,
                         unit_format (ex, "0.00", item->unit, na), "a computed value");
            put_blank (ex, s, row, SC_CODE, ex->f_code);
            break;
          }
        case GA_ITEM_TABLE:
          {
            guint n = ga_engine_get_n_rows (ex->engine, item);
            g_autofree char *see = ex->zh
              ? g_strdup_printf ("见「%s」表（%u 行）", ex->energy.name, n)
              : g_strdup_printf ("see sheet \"%s\" (%u rows)", ex->energy.name, n);

            put_string (ex, s, row, SC_ANSWER, see, fw, "a table reference");
            put_blank (ex, s, row, SC_CODE, ex->f_code);
            break;
          }
        case GA_ITEM_TEXT:
        case GA_ITEM_DATE:
        default:
          put_value (ex, s, row, SC_ANSWER, &res->value, fw, "an answer");
          put_blank (ex, s, row, SC_CODE, ex->f_code);
          break;
        }
    }

  /* Score and maximum. */
  if ((item->veto || item_is_scored (item)) && v != NULL)
    {
      g_hash_table_insert (ex->extra_cells, g_strdup_printf ("score:%s", item->id),
                           cell_ref (s, row, SC_SCORE));
      if (!item->veto)
        g_hash_table_insert (ex->extra_cells, g_strdup_printf ("max:%s", item->id),
                             cell_ref (s, row, SC_MAX));
    }
  if (item->veto && v != NULL)
    {
      g_autofree char *f = veto_formula (ex, item, v);
      GaValue cached = GA_VALUE_INIT;

      if (res->status == GA_STATUS_NA)
        ga_value_set_text (&cached, ex->na_text);
      else if (res->status == GA_STATUS_INCOMPLETE || res->value.kind == GA_VALUE_BLANK)
        ga_value_set_text (&cached, "");
      else
        ga_value_set_text (&cached, res->veto_failed ? tr (ex, "否决", "veto")
                                                     : tr (ex, "通过", "pass"));
      put_formula (ex, s, row, SC_SCORE, f, &cached, fc, "a veto result");
      ga_value_clear (&cached);
      put_blank (ex, s, row, SC_MAX, fp);
    }
  else if (item_is_scored (item) && v != NULL)
    {
      g_autofree char *f = item_score_formula (ex, item, v);
      g_autofree char *m = item_max_formula (ex, item, v);

      /* put_formula() writes the value when there is no formula (a
       * multiple-choice score, or a formula beyond Excel's limits). */
      put_formula_number (ex, s, row, SC_SCORE, f, res->score, fp, "an item score");
      put_formula_number (ex, s, row, SC_MAX, m, res->max, fp, "an item maximum");
    }
  else
    {
      put_blank (ex, s, row, SC_SCORE, fp);
      put_blank (ex, s, row, SC_MAX, fp);
    }

  put_string (ex, s, row, SC_EVIDENCE, evidence, fw, "the evidence list");
  put_string (ex, s, row, SC_EXPLAIN, explain, fw, "an explanation");
  put_string (ex, s, row, SC_REMARK, remark, fw, "a remark");
  source = g_strdup_printf ("%s%s%s", item->source != NULL ? item->source : "",
                            item->clause != NULL && item->source != NULL &&
                            strstr (item->source, item->clause) == NULL ? "  " : "",
                            item->clause != NULL && (item->source == NULL ||
                                                     strstr (item->source, item->clause) == NULL)
                            ? item->clause : "");
  put_string (ex, s, row, SC_SOURCE, source, fw, "the source");
  if (!item->verified)
    {
      g_autofree char *why = g_strdup_printf ("%s%s%s", tr (ex, "未核实", "unverified"),
                                              item->unverified_reason != NULL ? ": " : "",
                                              item->unverified_reason != NULL
                                              ? item->unverified_reason : "");
      put_string (ex, s, row, SC_VERIFIED, why, ex->f_unverified, "an unverified marker");
    }
  else
    put_blank (ex, s, row, SC_VERIFIED, fw);
}

/* The cells a section's subtotal adds up: its own scored (non-bonus) items
 * and its subsections' subtotals. */
static char *
section_sum (Export          *ex,
             const GaSection *section,
             guint            col)
{
  GString *out = g_string_new ("SUM(");
  gboolean any = FALSE;

  for (guint i = 0; i < section->items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (section->items, i);
      g_autofree char *ref = NULL;

      if (!item_is_scored (item) || item->bonus)
        continue;
      ref = cell_ref (&ex->scoring, item_row (ex, item), col);
      g_string_append_printf (out, "%s%s", any ? "," : "", ref);
      any = TRUE;
    }
  for (guint i = 0; i < section->sections->len; i++)
    {
      const GaSection *sub = g_ptr_array_index (section->sections, i);
      g_autofree char *ref = cell_ref (&ex->scoring, section_row (ex, sub), col);

      g_string_append_printf (out, "%s%s", any ? "," : "", ref);
      any = TRUE;
    }
  if (!any)
    g_string_append_c (out, '0');
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

static double
section_stated_points (const GaSection *section)
{
  double sum = 0;

  if (isfinite (section->points))
    return section->points;
  for (guint i = 0; i < section->items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (section->items, i);

      if (item_is_scored (item) && !item->bonus)
        sum += item->points;
    }
  for (guint i = 0; i < section->sections->len; i++)
    sum += section_stated_points (g_ptr_array_index (section->sections, i));
  return sum;
}

static void
write_subtotal (Export          *ex,
                const GaSection *section)
{
  const Sheet *s = &ex->scoring;
  guint row = section_row (ex, section);
  const GaResult *res = ga_engine_get_section_result (ex->engine, section);
  g_autofree char *label = g_strdup_printf ("%s%s", tr (ex, "小计：", "Subtotal: "),
                                            text_of (ex, &section->title));
  g_autofree char *score_sum = section_sum (ex, section, SC_SCORE);
  g_autofree char *max_sum = section_sum (ex, section, SC_MAX);
  g_autofree char *score = NULL;
  g_autofree char *max = NULL;
  double stated = section_stated_points (section);

  if (section->na_policy == GA_NA_POLICY_RENORMALISE)
    {
      g_autofree char *pts = excel_number (stated);

      /* The section keeps its maximum; earned points scale by
       * maximum / applicable maximum. */
      score = g_strdup_printf ("IF(%s=0,0,%s*%s/%s)", max_sum, score_sum, pts, max_sum);
      max = g_strdup_printf ("IF(%s=0,0,%s)", max_sum, pts);
    }
  else
    {
      score = g_steal_pointer (&score_sum);
      max = g_steal_pointer (&max_sum);
    }

  for (guint c = 0; c < N_SCORE_COLS; c++)
    if (c != SC_L1 && c != SC_L2)
      put_blank (ex, s, row, c, ex->f_subtotal);
  put_string (ex, s, row, SC_TITLE, label, ex->f_subtotal, "a subtotal label");
  /* Only the points scheme has section scores; clean production scores
   * on its own sheet. */
  if (!ex->points)
    return;
  put_number (ex, s, row, SC_POINTS, stated, ex->f_subtotal_num, "section points");
  put_formula_number (ex, s, row, SC_SCORE, score, res->score, ex->f_subtotal_num,
                      "a section subtotal");
  put_formula_number (ex, s, row, SC_MAX, max, res->max, ex->f_subtotal_num,
                      "a section maximum");
}

/* The first row of a section's block: its first item, its first
 * subsection's first row, or its subtotal when it is empty. */
static guint
section_first_row (Export          *ex,
                   const GaSection *section)
{
  if (section->items->len > 0)
    return item_row (ex, g_ptr_array_index (section->items, 0));
  if (section->sections->len > 0)
    return section_first_row (ex, g_ptr_array_index (section->sections, 0));
  return section_row (ex, section);
}

static void
write_section (Export          *ex,
               const GaSection *section,
               const char      *l1,
               const char      *l2)
{
  const Sheet *s = &ex->scoring;
  guint first, last;

  if (section->depth == 0)
    l1 = text_of (ex, &section->title);
  else if (section->depth == 1)
    l2 = text_of (ex, &section->title);

  for (guint i = 0; i < section->items->len; i++)
    {
      write_item (ex, g_ptr_array_index (section->items, i), l1, l2);
    }
  for (guint i = 0; i < section->sections->len; i++)
    {
      const GaSection *sub = g_ptr_array_index (section->sections, i);

      write_section (ex, sub, l1, l2);
    }
  write_subtotal (ex, section);

  /* Bureau forms show each indicator once, over all its rows. */
  last = section_row (ex, section);
  first = section_first_row (ex, section);
  if (section->depth == 0)
    merge (ex, s, first, SC_L1, last, SC_L1, l1, ex->f_section);
  else if (section->depth == 1 && first < last)
    merge (ex, s, first, SC_L2, last - 1, SC_L2, l2, ex->f_section);
}

static char *
grade_formula (Export     *ex,
               const char *total,
               const char *veto)
{
  GPtrArray *grades = ga_template_get_grades (ex->tmpl);
  GString *out = g_string_new (NULL);
  g_autofree char *fail = excel_string (tr (ex, "不通过", "fail"));

  if (veto != NULL)
    g_string_append_printf (out, "IF(%s=%s,\"\",", veto, fail);
  for (guint i = 0; i < grades->len; i++)
    {
      const GaGrade *g = g_ptr_array_index (grades, i);
      g_autofree char *min = excel_number (g->min_score);
      g_autofree char *label = excel_string (text_of (ex, &g->label));

      g_string_append_printf (out, "IF(%s>=%s,%s,", total, min, label);
    }
  g_string_append (out, "\"\"");
  for (guint i = 0; i < grades->len; i++)
    g_string_append_c (out, ')');
  if (veto != NULL)
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* Starts a result row below the sections (total, bonus, veto, grade,
 * pass): every cell in the totals' format, @label across the indicator
 * columns. */
static void
write_result_label (Export     *ex,
                    guint       row,
                    const char *label)
{
  const Sheet *s = &ex->scoring;

  for (guint c = 0; c < N_SCORE_COLS; c++)
    put_blank (ex, s, row, c, ex->f_total);
  merge (ex, s, row, SC_L1, row, SC_REQ, label, ex->f_total);
}

static void
write_scoring (Export *ex)
{
  const Sheet *s = &ex->scoring;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  static const struct { const char *zh, *en; double width; } heads[N_SCORE_COLS] = {
    { "一级指标", "First-level indicator", 10 },
    { "二级指标", "Second-level indicator", 12 },
    { "序号", "No.", 8 },
    { "指标", "Indicator", 18 },
    { "要求", "Requirement", 36 },
    { "必选/可选", "Mandatory", 6 },
    { "类别", "Class", 7 },
    { "分值", "Points", 6 },
    { "答案", "Answer", 14 },
    { "取值", "Value", 8 },
    { "得分", "Score", 7 },
    { "可得分", "Attainable", 7 },
    { "证据", "Evidence", 22 },
    { "评分说明", "Explanation", 30 },
    { "备注", "Remarks", 18 },
    { "来源/条款", "Source / clause", 16 },
    { "核实", "Verification", 12 },
  };
  g_autofree char *title = g_strdup_printf ("%s %s", text_of (ex, ga_template_get_title (ex->tmpl)),
                                            tr (ex, "评分表", "scoring sheet"));
  g_autofree char *sub = g_strdup_printf ("%s  %s  %s %s", ga_template_get_standard (ex->tmpl)
                                          ? ga_template_get_standard (ex->tmpl) : "",
                                          ex->opt->enterprise && ex->opt->enterprise->name
                                          ? ex->opt->enterprise->name : "",
                                          tr (ex, "模板版本", "template version"),
                                          ga_template_get_version (ex->tmpl));
  g_autofree char *score_range = NULL;
  g_autofree char *class_range = NULL;
  guint row;

  merge (ex, s, 0, 0, 0, N_SCORE_COLS - 1, title, ex->f_title);
  merge (ex, s, 1, 0, 1, N_SCORE_COLS - 1, sub, ex->f_subtitle);
  for (guint c = 0; c < N_SCORE_COLS; c++)
    {
      put_string (ex, s, 2, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header, "a heading");
      set_column (ex, s, c, c, heads[c].width, NULL);
    }

  for (guint i = 0; i < roots->len; i++)
    write_section (ex, g_ptr_array_index (roots, i), "", "");

  /* Totals. */
  row = ex->total_row;
  score_range = range_ref (s, ex->first_data_row, SC_SCORE, ex->last_data_row, SC_SCORE);
  class_range = range_ref (s, ex->first_data_row, SC_CLASS, ex->last_data_row, SC_CLASS);
  if (ex->points)
  {
    GString *tot = g_string_new ("SUM(");
    GString *max = g_string_new ("SUM(");
    double full = 0;

    for (guint i = 0; i < roots->len; i++)
      {
        guint r = section_row (ex, g_ptr_array_index (roots, i));
        g_autofree char *a = cell_ref (s, r, SC_SCORE);
        g_autofree char *b = cell_ref (s, r, SC_MAX);

        g_string_append_printf (tot, "%s%s", i ? "," : "", a);
        g_string_append_printf (max, "%s%s", i ? "," : "", b);
        full += section_stated_points (g_ptr_array_index (roots, i));
      }
    g_string_append_c (tot, ')');
    g_string_append_c (max, ')');
    if (ga_template_get_na_policy (ex->tmpl) == GA_NA_POLICY_RENORMALISE)
      {
        /* As in a section: the total keeps the full maximum and the
         * earned points scale by full / applicable maximum. */
        g_autofree char *pts = excel_number (full);
        g_autofree char *t = g_strdup_printf ("IF(%s=0,0,%s*%s/%s)", max->str, tot->str, pts,
                                              max->str);
        g_autofree char *m = g_strdup_printf ("IF(%s=0,0,%s)", max->str, pts);

        g_string_assign (tot, t);
        g_string_assign (max, m);
      }
    write_result_label (ex, row, tr (ex, "总分", "Total"));
    put_number (ex, s, row, SC_POINTS, ga_template_get_max_score (ex->tmpl), ex->f_total_num,
                "the maximum score");
    put_formula_number (ex, s, row, SC_SCORE, tot->str, sum->score, ex->f_total_num,
                        "the total score");
    put_formula_number (ex, s, row, SC_MAX, max->str, sum->max, ex->f_total_num,
                        "the attainable total");
    g_string_free (tot, TRUE);
    g_string_free (max, TRUE);
  }

  if (ex->has_bonus)
    {
      GString *f = g_string_new ("SUM(");
      gboolean any = FALSE;
      double cap = ga_template_get_bonus_cap (ex->tmpl);
      g_autofree char *formula = NULL;

      for (guint i = 0; i < items->len; i++)
        {
          const GaItem *item = g_ptr_array_index (items, i);
          g_autofree char *ref = NULL;

          if (!item->bonus || !item_is_scored (item))
            continue;
          ref = cell_ref (s, item_row (ex, item), SC_SCORE);
          g_string_append_printf (f, "%s%s", any ? "," : "", ref);
          any = TRUE;
        }
      if (!any)
        g_string_append_c (f, '0');
      g_string_append_c (f, ')');
      if (isfinite (cap))
        {
          g_autofree char *c = excel_number (cap);

          formula = g_strdup_printf ("MIN(%s,%s)", f->str, c);
        }
      else
        formula = g_strdup (f->str);
      g_string_free (f, TRUE);
      row = ex->bonus_row;
      write_result_label (ex, row, tr (ex, "附加分", "Bonus"));
      put_number (ex, s, row, SC_POINTS, cap, ex->f_total_num, "the bonus cap");
      put_formula_number (ex, s, row, SC_SCORE, formula, sum->bonus, ex->f_total_num,
                          "the bonus");
    }

  if (ex->has_veto)
    {
      g_autofree char *veto = excel_string (tr (ex, "否决", "veto"));
      g_autofree char *klass = excel_string (tr (ex, "否决项", "veto"));
      g_autofree char *fail = excel_string (tr (ex, "不通过", "fail"));
      g_autofree char *pending = excel_string (tr (ex, "待定", "pending"));
      g_autofree char *pass = excel_string (tr (ex, "通过", "pass"));
      g_autofree char *f = g_strdup_printf ("IF(SUMPRODUCT(--(%s=%s))>0,%s,"
                                            "IF(SUMPRODUCT((%s=%s)*(%s=\"\"))>0,%s,%s))",
                                            score_range, veto, fail, class_range, klass,
                                            score_range, pending, pass);
      const char *cached = sum->veto == GA_VETO_FAIL ? tr (ex, "不通过", "fail")
                           : sum->veto == GA_VETO_PENDING ? tr (ex, "待定", "pending")
                           : tr (ex, "通过", "pass");

      row = ex->veto_row;
      write_result_label (ex, row, tr (ex, "否决项（基本要求）", "Veto items (basic requirements)"));
      put_formula_text (ex, s, row, SC_SCORE, f, cached, ex->f_total, "the veto status");
    }

  if (ex->has_grades)
    {
      g_autofree char *f = grade_formula (ex, ex->total_ref, ex->has_veto ? ex->veto_ref : NULL);

      row = ex->grade_row;
      write_result_label (ex, row, tr (ex, "等级", "Grade"));
      put_formula_text (ex, s, row, SC_SCORE, f,
                        sum->grade != NULL ? text_of (ex, &sum->grade->label) : "",
                        ex->f_total, "the grade");
    }

  if (ex->has_pass)
    {
      g_autofree char *pass = excel_number (ga_template_get_pass_score (ex->tmpl));
      g_autofree char *yes = excel_string (tr (ex, "是", "yes"));
      g_autofree char *no = excel_string (tr (ex, "否", "no"));
      g_autofree char *fail = excel_string (tr (ex, "通过", "pass"));
      g_autofree char *f = NULL;

      if (ex->has_veto)
        f = g_strdup_printf ("IF(AND(%s=%s,%s>=%s),%s,%s)", ex->veto_ref, fail, ex->total_ref,
                             pass, yes, no);
      else
        f = g_strdup_printf ("IF(%s>=%s,%s,%s)", ex->total_ref, pass, yes, no);
      row = ex->pass_row;
      write_result_label (ex, row, tr (ex, "是否达到合格线", "Pass mark reached"));
      put_number (ex, s, row, SC_POINTS, ga_template_get_pass_score (ex->tmpl), ex->f_total_num,
                  "the pass mark");
      put_formula_text (ex, s, row, SC_SCORE, f,
                        sum->passed ? tr (ex, "是", "yes") : tr (ex, "否", "no"),
                        ex->f_total, "the pass result");
    }

  page_setup (ex, s, TRUE, 2, 2, 3, 3);
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
  o = find_option (column->options, value->u.text);
  if (o != NULL)
    return text_of (ex, &o->label);
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
          const char *label = text_of (ex, &row->label);

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
    g_string_append_printf (out, "（%s）", tr (ex, "未核实", "unverified"));
  return g_string_free (out, FALSE);
}

/* SUM(table.column) as the engine computes it (an error in any row is the
 * result, as in Excel), for the cached value of a total. */
static void
table_column_sum (Export         *ex,
                  const GaItem   *table,
                  const GaColumn *column,
                  GaValue        *out)
{
  g_autofree char *text = g_strdup_printf ("SUM(%s.%s)", table->id, column->id);
  g_autoptr(GaFormula) formula = ga_formula_parse (text, NULL, NULL);

  ga_value_set_blank (out);
  if (formula != NULL)
    evaluate (ex, formula, out);
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
  g_autofree char *title = g_strdup_printf ("%s  %s", item->id, text_of (ex, &item->title));

  put_string (ex, s, head - 1, 0, title, ex->f_bold_text, "a table title");
  put_string (ex, s, head, 0, tr (ex, "序号", "No."), ex->f_header, "a heading");
  for (guint c = 0; c < item->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (item->columns, c);
      guint col = g_array_index (t->col_of, guint, c);
      g_autofree char *h = column->unit != NULL && *column->unit != '\0'
                           ? g_strdup_printf ("%s (%s)", text_of (ex, &column->title), column->unit)
                           : g_strdup (text_of (ex, &column->title));

      put_string (ex, s, head, col, h, ex->f_header, "a heading");
      last_col = MAX (last_col, col);
      if (column_has_label (column))
        {
          put_string (ex, s, head, ++col, tr (ex, "名称", "Name"), ex->f_header, "a heading");
          last_col = MAX (last_col, col);
        }
      if (column->options_table != NULL)
        {
          put_string (ex, s, head, ++col, tr (ex, "系数来源", "Factor source"), ex->f_header,
                      "a heading");
          last_col = MAX (last_col, col);
        }
      if (t->share_src == (int) c && t->share_col >= 0)
        {
          put_string (ex, s, head, t->share_col, tr (ex, "占比", "Share"), ex->f_header,
                      "a heading");
          last_col = MAX (last_col, (guint) t->share_col);
        }
    }

  for (guint r = 0; r < t->n_rows; r++)
    {
      guint row = t->first_row + r;

      put_number (ex, s, row, 0, r + 1, ex->f_center, "a row number");
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
              f = translate (ex, column->formula, what);
              ex->row_table = NULL;
              put_formula (ex, s, row, col, f, value, unit_format (ex, "0.00##", NULL, FALSE),
                           what);
            }
          else if (column->kind == GA_ITEM_NUMBER)
            put_value (ex, s, row, col, value, unit_format (ex, "0.00##", NULL, FALSE), what);
          else
            put_value (ex, s, row, col, value, ex->f_wrap, what);
          if (column_has_label (column))
            put_string (ex, s, row, ++col, option_label_for (ex, column, value), ex->f_wrap,
                        "a carrier name");
          if (column->options_table != NULL)
            {
              g_autofree char *src = factor_source (ex, column, value);

              put_string (ex, s, row, ++col, value->kind == GA_VALUE_BLANK ? NULL : src,
                          ex->f_wrap, "a factor source");
            }
        }
      if (t->share_col >= 0)
        {
          guint src_col = g_array_index (t->col_of, guint, t->share_src);
          g_autofree char *cell = cell_ref (s, row, src_col);
          g_autofree char *range = range_ref (s, t->first_row, src_col,
                                              t->first_row + t->n_rows - 1, src_col);
          g_autofree char *f = g_strdup_printf ("IFERROR(IF(AND(ISNUMBER(%s),SUM(%s)<>0),"
                                                "%s/SUM(%s),\"\"),\"\")",
                                                cell, range, cell, range);
          const GaValue *mine = r < n_real ? ga_engine_get_cell (ex->engine, item, r,
                                                                 t->share_src) : NULL;
          GaValue total = GA_VALUE_INIT;

          table_column_sum (ex, item, g_ptr_array_index (item->columns, t->share_src), &total);
          put_formula_number (ex, s, row, t->share_col, f,
                              mine != NULL && mine->kind == GA_VALUE_NUMBER &&
                              total.kind == GA_VALUE_NUMBER && total.u.number != 0
                              ? mine->u.number / total.u.number : NAN,
                              ex->f_percent, "an energy share");
          ga_value_clear (&total);
        }
    }

  /* Totals of the additive columns. */
  put_string (ex, s, t->total_row, 0, tr (ex, "合计", "Total"), ex->f_total, "a total label");
  for (guint col = 1; col <= last_col; col++)
    put_blank (ex, s, t->total_row, col, ex->f_total);
  for (guint c = 0; c < item->columns->len; c++)
    {
      const GaColumn *column = g_ptr_array_index (item->columns, c);
      guint col = g_array_index (t->col_of, guint, c);
      g_autofree char *range = NULL;
      g_autofree char *f = NULL;
      GaValue total = GA_VALUE_INIT;

      if (!column_is_summable (column))
        continue;
      range = range_ref (s, t->first_row, col, t->first_row + t->n_rows - 1, col);
      f = g_strdup_printf ("SUM(%s)", range);
      table_column_sum (ex, item, column, &total);
      put_formula (ex, s, t->total_row, col, f, &total, ex->f_total_num, "a table total");
      ga_value_clear (&total);
    }
  if (t->share_col >= 0)
    {
      g_autofree char *range = range_ref (s, t->first_row, t->share_col,
                                          t->first_row + t->n_rows - 1, t->share_col);
      g_autofree char *f = g_strdup_printf ("SUM(%s)", range);
      GaValue total = GA_VALUE_INIT;

      table_column_sum (ex, item, g_ptr_array_index (item->columns, t->share_src), &total);
      put_formula_number (ex, s, t->total_row, t->share_col, f,
                          total.kind == GA_VALUE_NUMBER && total.u.number != 0 ? 1.0 : 0.0,
                          ex->f_percent, "the share total");
      ga_value_clear (&total);
    }
}

static void
write_outputs (Export *ex)
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
  put_string (ex, s, head - 1, 0, tr (ex, "计算指标（强度、与基准年和目标的比较）",
                                      "Computed indicators (intensities, baseline and targets)"),
              ex->f_bold_text, "a block title");
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    put_string (ex, s, head, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header, "a heading");
  for (guint i = 0; i < outputs->len; i++)
    {
      GaOutput *out = g_ptr_array_index (outputs, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (ex->output_row, out)) - 1;
      const GaResult *res = ga_engine_get_output_result (ex->engine, out);
      g_autofree char *f = translate (ex, out->formula, out->id);

      put_string (ex, s, row, 0, out->id, ex->f_code, "an output id");
      put_string (ex, s, row, 1, text_of (ex, &out->title), ex->f_wrap, "an output title");
      put_string (ex, s, row, 2, out->unit, ex->f_center, "an output unit");
      put_formula (ex, s, row, 3, f, &res->value,
                   unit_format (ex, out->format != NULL ? out->format : "0.00", NULL, FALSE),
                   out->id);
      put_string (ex, s, row, 4, text_of (ex, &out->description), ex->f_wrap,
                  "an output description");
    }
}

static void
write_energy (Export *ex)
{
  const Sheet *s = &ex->energy;
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  const char *title = ex->mix_table != NULL
                      ? tr (ex, "能源消费与二氧化碳排放", "Energy use and CO2 emissions")
                      : tr (ex, "明细表", "Tables");

  merge (ex, s, 0, 0, 0, 9, title, ex->f_title);
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      TableLayout *t = g_hash_table_lookup (ex->tables, item);

      if (t != NULL)
        write_table_block (ex, item, t);
    }
  if (ex->outputs_on_energy)
    write_outputs (ex);
  set_column (ex, s, 0, 0, 8, NULL);
  set_column (ex, s, 1, 14, 14, NULL);
  page_setup (ex, s, TRUE, -1, -1, 1, 1);
}

/* -------------------------------------------------- clean production sheet */

/* The name of the clean-production level @level as the template words it,
 * for the cached value of the level cell; "not determined" for -1 (an
 * indicator or a weight still missing), "below level III" when no rule
 * has that level. */
static const char *
level_label (Export *ex,
             int     level)
{
  GPtrArray *rules = ga_template_get_level_rules (ex->tmpl);
  const char *label = tr (ex, "未达到III级", "below level III");

  if (level < 0)
    return tr (ex, "未确定", "not determined");

  for (guint i = 0; i < rules->len; i++)
    {
      const GaLevelRule *rule = g_ptr_array_index (rules, i);

      if (rule->level == level)
        label = text_of (ex, &rule->label);
    }
  return label;
}

/* Every clean-production indicator has a weight; a level comes from its
 * benchmarks or from the levels of its options. */
static gboolean
item_is_cp_indicator (const GaItem *item)
{
  return item->weight != NULL;
}

/* The level met (1..3, 0 below III) as the engine decides it: from the
 * chosen option's level, from the benchmark cells of the same row (the
 * best level whose benchmark the value meets), or 1/0 for compliance and
 * yes/no indicators; "" while it cannot be decided. */
static char *option_level_formula (const GaItem *item,
                                   const char   *v);

static char *
level_formula (Export       *ex,
               const GaItem *item,
               const char   *v,
               const Sheet  *s,
               guint         row)
{
  GString *numeric, *steps;
  guint n = 0;
  char *out;

  if (item->kind == GA_ITEM_CHOICE)
    return option_level_formula (item, v);
  if (item->score.method == GA_SCORE_COMPLIANCE)
    return g_strdup_printf ("IF(%s=\"%s\",1,0)", v, GA_COMPLIANCE_YES);
  if (item->score.method == GA_SCORE_YESNO)
    return g_strdup_printf ("IF(%s=TRUE,1,0)", v);
  if (item->score.method != GA_SCORE_LEVELS)
    return NULL;
  numeric = g_string_new (NULL);
  steps = g_string_new (NULL);
  g_string_append_printf (numeric, "AND(ISNUMBER(%s)", v);
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *b = NULL;

      if (item->score.benchmark[k] == NULL)
        continue;
      b = cell_ref (s, row, CP_B1 + k);
      g_string_append_printf (numeric, ",ISNUMBER(%s)", b);
      g_string_append_printf (steps, "IF(%s%s%s,%u,", v, cmp_text (item->score.level_cmp), b,
                              k + 1);
      n++;
    }
  g_string_append_c (numeric, ')');
  g_string_append_c (steps, '0');
  for (guint k = 0; k < n; k++)
    g_string_append_c (steps, ')');
  out = g_strdup_printf ("IF(%s,%s,\"\")", numeric->str, steps->str);
  g_string_free (numeric, TRUE);
  g_string_free (steps, TRUE);
  return out;
}

/* The level of a choice indicator from its options' levels. */
static char *
option_level_formula (const GaItem *item,
                      const char   *v)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; item->options != NULL && i < item->options->len; i++)
    {
      const GaOption *o = g_ptr_array_index (item->options, i);
      g_autofree char *id = excel_string (o->id);

      g_string_append_printf (out, "IF(%s=%s,%d,", v, id, MAX (o->level, 0));
      n++;
    }
  g_string_append_c (out, '0');
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

typedef struct {
  const GaSection *section;
  GPtrArray       *items;   /* GaItem*, borrowed */
  guint            first_row;
} CpCategory;

static void
cp_category_free (gpointer data)
{
  CpCategory *c = data;

  g_ptr_array_unref (c->items);
  g_free (c);
}

/* TRUE when @formula evaluates to a number now: what ISNUMBER() says of
 * the cell put_expression() writes it to. */
static gboolean
expression_is_number (Export    *ex,
                      GaFormula *formula)
{
  GaValue v = GA_VALUE_INIT;
  gboolean number;

  if (formula == NULL)
    return FALSE;
  evaluate (ex, formula, &v);
  number = v.kind == GA_VALUE_NUMBER;
  ga_value_clear (&v);
  return number;
}

/* TRUE when put_expression() writes @formula as a plain number: a weight
 * that can never be missing needs no check. */
static gboolean
expression_is_constant (Export    *ex,
                        GaFormula *formula)
{
  return formula != NULL && ga_formula_get_n_refs (formula) == 0 &&
         ga_formula_get_n_lookups (formula) == 0 && expression_is_number (ex, formula);
}

/* TRUE when an indicator of the categories @cats has a weight that can be
 * missing (a formula over answers). */
static gboolean
weights_may_be_missing (Export    *ex,
                        GPtrArray *cats)
{
  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);

      for (guint k = 0; k < cat->items->len; k++)
        if (!expression_is_constant (ex, ((GaItem *) g_ptr_array_index (cat->items, k))->weight))
          return TRUE;
    }
  return FALSE;
}

/* SUMPRODUCT(applies*(1-ISNUMBER(level)*ISNUMBER(weight))): how many
 * applicable indicators of the rows @r0..@r1 have no level or no weight
 * yet. The weight factor is left out when every weight is a constant. */
static char *
missing_indicators_formula (Export   *ex,
                            guint     r0,
                            guint     r1,
                            gboolean  weights)
{
  const Sheet *s = &ex->cp;
  g_autofree char *app = range_ref (s, r0, CP_APPLICABLE, r1, CP_APPLICABLE);
  g_autofree char *lvl = range_ref (s, r0, CP_LEVEL, r1, CP_LEVEL);
  g_autofree char *w = range_ref (s, r0, CP_WEIGHT, r1, CP_WEIGHT);

  if (!weights)
    return g_strdup_printf ("SUMPRODUCT(%s*(1-ISNUMBER(%s)))", app, lvl);
  return g_strdup_printf ("SUMPRODUCT(%s*(1-ISNUMBER(%s)*ISNUMBER(%s)))", app, lvl, w);
}

/* TRUE when something below @section other than an indicator takes part
 * in its status and applies (an input, a scored or computed value that
 * feeds it, the engine's rule for what a section depends on): the engine
 * then keeps the category even when all its indicators are not
 * applicable. */
static gboolean
section_has_other_inputs (Export          *ex,
                          const GaSection *section)
{
  for (guint i = 0; i < section->items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (section->items, i);
      gboolean feeds = item->kind != GA_ITEM_COMPUTED || isfinite (item->points) || item->veto ||
                       item->bonus;

      if (feeds && !item_is_cp_indicator (item) &&
          ga_engine_get_item_result (ex->engine, item)->status != GA_STATUS_NA)
        return TRUE;
    }
  for (guint i = 0; i < section->sections->len; i++)
    if (section_has_other_inputs (ex, g_ptr_array_index (section->sections, i)))
      return TRUE;
  return FALSE;
}

/* Whether a category applies (1) or not (0), as the engine decides: not
 * when none of its indicators (and nothing else in it) applies; not when
 * the weights of those that apply add up to 0; but while one of their
 * levels or weights, or the category's own weight, is still missing, it
 * applies (its status is incomplete, and the first-level weights are not
 * rescaled as if it did not count). @wr and @ar are the category's weight
 * and applicability ranges. */
static char *
category_applies_formula (Export           *ex,
                          const CpCategory *cat,
                          const char       *wr,
                          const char       *ar)
{
  const Sheet *s = &ex->cp;
  guint r0 = cat->first_row, r1 = cat->first_row + cat->items->len - 1;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *missing = NULL;
  g_autofree char *w = NULL;
  g_autofree char *f = NULL;

  g_ptr_array_add (one, (gpointer) cat);
  missing = missing_indicators_formula (ex, r0, r1, weights_may_be_missing (ex, one));
  if (expression_is_constant (ex, cat->section->weight))
    f = g_strdup_printf ("IF(%s>0,1,IFERROR(IF(SUMPRODUCT(%s,%s)>0,1,0),0))", missing, wr, ar);
  else
    {
      w = cell_ref (s, r0, CP_CAT_WEIGHT);
      f = g_strdup_printf ("IF(OR(%s>0,NOT(ISNUMBER(%s))),1,IFERROR(IF(SUMPRODUCT(%s,%s)>0,1,0)"
                           ",0))", missing, w, wr, ar);
    }
  if (section_has_other_inputs (ex, cat->section))
    return g_steal_pointer (&f);
  return g_strdup_printf ("IF(SUM(%s)=0,0,%s)", ar, f);
}

typedef struct {
  GString  *terms;     /* COUNTBLANK(range)+… over the answer cells */
  guint     run_row;   /* the run being built: first row, last row, column */
  guint     run_last;
  guint     run_col;
  gboolean  in_run;
  gboolean  blank;     /* one of the cells is blank now */
} AnswerRuns;

static void
answer_runs_flush (Export      *ex,
                   AnswerRuns  *runs)
{
  g_autofree char *range = NULL;

  if (!runs->in_run)
    return;
  range = runs->run_row == runs->run_last
          ? cell_ref (&ex->scoring, runs->run_row, runs->run_col)
          : range_ref (&ex->scoring, runs->run_row, runs->run_col, runs->run_last, runs->run_col);
  g_string_append_printf (runs->terms, "%sCOUNTBLANK(%s)", runs->terms->len ? "+" : "", range);
  runs->in_run = FALSE;
}

/* The answer cells (scoring sheet) of the inputs below @section that are
 * not indicators: the engine needs them answered too before it decides a
 * level (ga_item_feeds_section(): every answerable item feeds its
 * section). Items and sections the engine found not applicable are left
 * out, as the literal applicability flags of the sheet leave them out.
 * Items of a section sit on consecutive rows, so most become one range. */
static void
collect_answer_runs (Export          *ex,
                     const GaSection *section,
                     AnswerRuns      *runs)
{
  if (ga_engine_get_section_result (ex->engine, section)->status == GA_STATUS_NA)
    return;
  for (guint i = 0; i < section->items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (section->items, i);
      const GaResult *res = ga_engine_get_item_result (ex->engine, item);
      guint row, col;

      /* Indicators are checked on the clean-production sheet; computed
       * values and tables have no answer cell. */
      if (item_is_cp_indicator (item) || item->kind == GA_ITEM_COMPUTED ||
          item->kind == GA_ITEM_TABLE || res->status == GA_STATUS_NA ||
          g_hash_table_lookup (ex->cells, item->id) == NULL)
        continue;
      row = item_row (ex, item);
      col = item_uses_code_column (item) ? SC_CODE : SC_ANSWER;
      if (runs->in_run && runs->run_col == col && runs->run_last + 1 == row)
        runs->run_last = row;
      else
        {
          answer_runs_flush (ex, runs);
          runs->in_run = TRUE;
          runs->run_row = runs->run_last = row;
          runs->run_col = col;
        }
      if (res->value.kind == GA_VALUE_BLANK)
        runs->blank = TRUE;
    }
  for (guint i = 0; i < section->sections->len; i++)
    collect_answer_runs (ex, g_ptr_array_index (section->sections, i), runs);
}

/* The condition under which the level is not determined, as the engine
 * decides it (GaSummary.level -1): an applicable indicator whose level
 * cannot be read (its value or a benchmark blank, not a number or an
 * error: the level cell is then "") or whose weight is not a number, an
 * applicable category whose weight is not a number, or an input of an
 * applicable category not answered. The level cell is then "" and the
 * result reads 未确定.
 *
 * Everything the engine looks at is in the workbook except a few states
 * the app alone knows (an applicability condition that cannot be decided,
 * an N/A answer where none is allowed, an incomplete table). When the
 * engine is undecided for such a reason only, the condition starts with
 * TRUE: the workbook says what the app says, and the explanation row of
 * the basic-information sheet names what is missing. */
static char *
cp_undetermined_formula (Export    *ex,
                         GPtrArray *cats,
                         guint      first_row,
                         guint      last_row)
{
  const Sheet *s = &ex->cp;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  GString *terms = g_string_new (NULL);
  AnswerRuns runs = { g_string_new (NULL), 0, 0, 0, FALSE, FALSE };
  gboolean now = FALSE;   /* what the condition gives for the values written */

  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);
      g_autofree char *w = NULL;

      if (ga_engine_get_section_result (ex->engine, cat->section)->status == GA_STATUS_NA)
        continue;
      if (!expression_is_constant (ex, cat->section->weight))
        {
          w = cell_ref (s, cat->first_row, CP_CAT_WEIGHT);
          g_string_append_printf (terms, ",NOT(ISNUMBER(%s))", w);
          now |= !expression_is_number (ex, cat->section->weight);
        }
      for (guint k = 0; k < cat->items->len; k++)
        {
          const GaItem *item = g_ptr_array_index (cat->items, k);
          const GaResult *res = ga_engine_get_item_result (ex->engine, item);

          if (res->status != GA_STATUS_NA)
            now |= res->level < 0 || !expression_is_number (ex, item->weight);
        }
    }
  if (cats->len > 0)
    {
      g_autofree char *missing = missing_indicators_formula (ex, first_row, last_row,
                                                             weights_may_be_missing (ex, cats));

      g_string_append_printf (terms, ",%s>0", missing);
    }
  for (guint i = 0; i < roots->len; i++)
    collect_answer_runs (ex, g_ptr_array_index (roots, i), &runs);
  answer_runs_flush (ex, &runs);
  if (runs.terms->len > 0)
    g_string_append_printf (terms, ",%s>0", runs.terms->str);
  now |= runs.blank;
  g_string_free (runs.terms, TRUE);

  if (sum->level < 0 && !now)
    g_string_prepend (terms, ",TRUE");
  if (terms->len == 0)
    g_string_append (terms, ",FALSE");
  /* Drop the leading comma. */
  g_string_erase (terms, 0, 1);
  g_string_prepend (terms, "OR(");
  g_string_append_c (terms, ')');
  return g_string_free (terms, FALSE);
}

/* One row per indicator, grouped by first-level category. Everything the
 * engine computes is a formula here: the level met (from the benchmark
 * cells), the renormalised weights within a category and across
 * categories, the indices Y_I/Y_II/Y_III and the level decision. Only
 * applicability (from the answers and the template's conditions) is
 * written as 1/0. */
static void
write_cp (Export *ex)
{
  const Sheet *s = &ex->cp;
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  GPtrArray *rules = ga_template_get_level_rules (ex->tmpl);
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  gboolean award = ga_template_get_na_policy (ex->tmpl) == GA_NA_POLICY_AWARD;
  static const struct { const char *zh, *en; double width; } heads[CP_N_COLS] = {
    { "一级指标", "Category", 12 },
    { "一级权重", "Category weight", 8 },
    { "一级适用", "Category applies", 6 },
    { "有效一级权重", "Effective category weight", 9 },
    { "序号", "No.", 7 },
    { "二级指标", "Indicator", 26 },
    { "单位", "Unit", 9 },
    { "权重", "Weight", 8 },
    { "限定性", "Limiting", 7 },
    { "I级基准值", "Level I", 10 },
    { "II级基准值", "Level II", 10 },
    { "III级基准值", "Level III", 10 },
    { "实际值", "Actual", 11 },
    { "达到级别", "Level met", 8 },
    { "适用", "Applies", 6 },
    { "有效权重", "Effective weight", 9 },
    { "Y_I", "Y_I", 7 },
    { "Y_II", "Y_II", 7 },
    { "Y_III", "Y_III", 7 },
  };
  g_autoptr(GPtrArray) cats = g_ptr_array_new_with_free_func (cp_category_free);
  g_autofree char *lim_range = NULL, *app_range = NULL, *eff_range = NULL;
  /* A category weight that is not a number (not answered yet, an error)
   * counts as 0, as the engine counts it, hence N() and IFERROR(). */
  GString *weighted_sum = g_string_new (NULL);  /* W_1*A_1+W_2*A_2+… */
  GString *all_apply = g_string_new ("MIN(");    /* 0 when a category does not apply */
  GString *award_extra = g_string_new (NULL);    /* AWARD: W_i*(1-A_i) for each category */
  char *met_range[3];
  guint row = 3, first_row, last_row;

  merge (ex, s, 0, 0, 0, CP_N_COLS - 1, tr (ex, "清洁生产评价指标", "Clean production indicators"),
         ex->f_title);
  merge (ex, s, 1, 0, 1, CP_N_COLS - 1,
         tr (ex, "达到级别：1=I级，2=II级，3=III级，0=未达到III级；Y_k = 100 × Σ 有效权重 × 达标",
             "Level met: 1 = I, 2 = II, 3 = III, 0 = below III; Y_k = 100 × Σ effective weight × met"),
         ex->f_subtitle);
  for (guint c = 0; c < CP_N_COLS; c++)
    {
      put_string (ex, s, 2, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header, "a heading");
      set_column (ex, s, c, c, heads[c].width, NULL);
    }

  /* Categories and their rows first: each category's weight depends on
   * every other category's. */
  first_row = row;
  for (guint i = 0; i < roots->len; i++)
    {
      CpCategory *cat = g_new0 (CpCategory, 1);

      cat->section = g_ptr_array_index (roots, i);
      cat->items = g_ptr_array_new ();
      for (guint k = 0; k < items->len; k++)
        {
          GaItem *item = g_ptr_array_index (items, k);
          const GaSection *root = item->section;

          while (root != NULL && root->parent != NULL)
            root = root->parent;
          if (root == cat->section && item_is_cp_indicator (item))
            g_ptr_array_add (cat->items, item);
        }
      if (cat->items->len == 0)
        {
          cp_category_free (cat);
          continue;
        }
      cat->first_row = row;
      row += cat->items->len;
      g_ptr_array_add (cats, cat);
    }
  last_row = row > first_row ? row - 1 : first_row;

  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);
      g_autofree char *w = cell_ref (s, cat->first_row, CP_CAT_WEIGHT);
      g_autofree char *a = cell_ref (s, cat->first_row, CP_CAT_APP);

      g_string_append_printf (weighted_sum, "%sIFERROR(N(%s),0)*%s", i ? "+" : "", w, a);
      g_string_append_printf (all_apply, "%s%s", i ? "," : "", a);
      g_string_append_printf (award_extra, "+IFERROR(N(%s),0)*(1-%s)", w, a);
    }
  g_string_append_c (all_apply, ')');

  for (guint i = 0; i < cats->len; i++)
    {
      const CpCategory *cat = g_ptr_array_index (cats, i);
      const GaResult *cres = ga_engine_get_section_result (ex->engine, cat->section);
      guint r0 = cat->first_row, r1 = cat->first_row + cat->items->len - 1;
      g_autofree char *w_cell = cell_ref (s, r0, CP_CAT_WEIGHT);
      g_autofree char *a_cell = cell_ref (s, r0, CP_CAT_APP);
      g_autofree char *e_cell = cell_ref (s, r0, CP_CAT_EFF);
      g_autofree char *wr = range_ref (s, r0, CP_WEIGHT, r1, CP_WEIGHT);
      g_autofree char *ar = range_ref (s, r0, CP_APPLICABLE, r1, CP_APPLICABLE);
      g_autofree char *app_f = category_applies_formula (ex, cat, wr, ar);
      g_autofree char *eff_f = NULL;
      gboolean cat_na = cres->status == GA_STATUS_NA;

      /* A category that does not apply: the template's N/A policy decides
       * (award: counted as met; otherwise the first-level weights are
       * rescaled over the categories that apply), as in the engine. */
      if (award)
        eff_f = g_strdup_printf ("IFERROR(IF(%s=0,0,N(%s)),0)", a_cell, w_cell);
      else
        eff_f = g_strdup_printf ("IFERROR(IF(%s=0,0,IF(%s=0,N(%s)/(%s),N(%s))),0)", a_cell,
                                 all_apply->str, w_cell, weighted_sum->str, w_cell);

      if (cat->items->len > 1)
        {
          merge (ex, s, r0, CP_CATEGORY, r1, CP_CATEGORY, text_of (ex, &cat->section->title),
                 ex->f_section);
          /* A merged range is written as text first; the formulas then
           * replace its first cell. */
          merge (ex, s, r0, CP_CAT_WEIGHT, r1, CP_CAT_WEIGHT, "", ex->f_number);
          merge (ex, s, r0, CP_CAT_APP, r1, CP_CAT_APP, "", ex->f_center);
          merge (ex, s, r0, CP_CAT_EFF, r1, CP_CAT_EFF, "", ex->f_number);
        }
      else
        put_string (ex, s, r0, CP_CATEGORY, text_of (ex, &cat->section->title), ex->f_section,
                    "a category");
      put_expression (ex, s, r0, CP_CAT_WEIGHT, cat->section->weight, ex->f_number,
                      "a category weight");
      put_formula_number (ex, s, r0, CP_CAT_APP, app_f, cat_na ? 0 : 1, ex->f_center,
                          "whether a category applies");
      put_formula_number (ex, s, r0, CP_CAT_EFF, eff_f,
                          isfinite (cres->weight) ? cres->weight : 0, ex->f_number,
                          "an effective category weight");

      for (guint k = 0; k < cat->items->len; k++)
        {
          GaItem *item = g_ptr_array_index (cat->items, k);
          guint r = r0 + k;
          const GaResult *res = ga_engine_get_item_result (ex->engine, item);
          gboolean na = res->status == GA_STATUS_NA;
          const char *v = g_hash_table_lookup (ex->cells, item->id);
          lxw_format *fc = na ? ex->f_na_center : ex->f_center;
          lxw_format *fn = na ? ex->f_na_center : ex->f_number;
          g_autofree char *lvl = cell_ref (s, r, CP_LEVEL);
          g_autofree char *app = cell_ref (s, r, CP_APPLICABLE);
          g_autofree char *w = cell_ref (s, r, CP_WEIGHT);
          g_autofree char *eff = g_strdup_printf ("IFERROR(IF(%s=0,0,%s*%s/SUMPRODUCT(%s,%s)),0)",
                                                  app, e_cell, w, wr, ar);
          g_autofree char *value_f = v != NULL ? g_strdup_printf ("IF(%s=\"\",\"\",%s)", v, v)
                                               : NULL;
          g_autofree char *level_f = NULL;
          double eff_value;

          put_string (ex, s, r, CP_ID, item->id, fc, "an indicator number");
          put_string (ex, s, r, CP_TITLE, text_of (ex, &item->title),
                      na ? ex->f_na : ex->f_wrap, "an indicator");
          put_string (ex, s, r, CP_UNIT, item->unit, fc, "a unit");
          put_expression (ex, s, r, CP_WEIGHT, item->weight, fn, "an indicator weight");
          put_string (ex, s, r, CP_LIMITING, item->limiting ? "*" : NULL, fc, "a limiting mark");
          for (guint b = 0; b < 3; b++)
            {
              if (item->score.benchmark[b] != NULL)
                put_expression (ex, s, r, CP_B1 + b, item->score.benchmark[b], fn,
                                "a benchmark");
              else if (item->kind == GA_ITEM_CHOICE)
                {
                  GString *labels = g_string_new (NULL);

                  for (guint o = 0; item->options != NULL && o < item->options->len; o++)
                    {
                      const GaOption *opt = g_ptr_array_index (item->options, o);

                      if (opt->level == (int) b + 1)
                        g_string_append_printf (labels, "%s%s", labels->len ? "；" : "",
                                                text_of (ex, &opt->label));
                    }
                  put_string (ex, s, r, CP_B1 + b, labels->str, na ? ex->f_na : ex->f_wrap,
                              "a level description");
                  g_string_free (labels, TRUE);
                }
              else
                put_string (ex, s, r, CP_B1 + b, "—", fc, "an undefined level");
            }
          put_formula (ex, s, r, CP_VALUE, value_f, &res->value, fn, "an actual value");

          if (v != NULL)
            level_f = level_formula (ex, item, v, s, r);
          if (level_f != NULL)
            {
              g_autofree char *na_lit = excel_string (ex->na_text);
              g_autofree char *guarded =
                g_strdup_printf ("IFERROR(IF(%s=%s,%s,IF(%s=\"\",\"\",%s)),\"\")", v, na_lit,
                                 na_lit, v, level_f);
              GaValue lv = GA_VALUE_INIT;

              /* The engine decides the level before it looks at the
               * weight; the cell does not read the weight either. */
              if (na)
                ga_value_set_text (&lv, ex->na_text);
              else if (res->level >= 0)
                ga_value_set_number (&lv, res->level);
              put_formula (ex, s, r, CP_LEVEL, guarded, &lv, fc, "a level met");
              ga_value_clear (&lv);
            }
          else
            put_blank (ex, s, r, CP_LEVEL, fc);

          put_number (ex, s, r, CP_APPLICABLE, na ? 0 : 1, fc, "an applicability flag");

          /* The engine keeps ω' (within the category) per indicator and the
           * category's effective weight per section. */
          eff_value = na || !isfinite (res->weight) || !isfinite (cres->weight)
                      ? 0 : cres->weight * res->weight;
          put_formula_number (ex, s, r, CP_EFF_WEIGHT, eff, eff_value, fn, "an effective weight");

          for (guint k3 = 0; k3 < 3; k3++)
            {
              g_autofree char *f = g_strdup_printf ("IF(AND(ISNUMBER(%s),%s>=1,%s<=%u),1,0)",
                                                    lvl, lvl, lvl, k3 + 1);
              gboolean met = !na && res->level >= 1 && res->level <= (int) k3 + 1;

              put_formula_number (ex, s, r, CP_MET1 + k3, f, met ? 1 : 0, fc, "a met flag");
            }
        }
    }
  row = last_row + 1;

  lim_range = range_ref (s, first_row, CP_LIMITING, last_row, CP_LIMITING);
  app_range = range_ref (s, first_row, CP_APPLICABLE, last_row, CP_APPLICABLE);
  eff_range = range_ref (s, first_row, CP_EFF_WEIGHT, last_row, CP_EFF_WEIGHT);
  for (guint k = 0; k < 3; k++)
    met_range[k] = range_ref (s, first_row, CP_MET1 + k, last_row, CP_MET1 + k);

  /* Composite indices and the level. */
  row++;
  for (guint k = 0; k < 3; k++, row++)
    {
      static const char *names[] = { "Y_I", "Y_II", "Y_III" };
      g_autofree char *f = NULL;

      if (award && cats->len > 0)
        f = g_strdup_printf ("100*(SUMPRODUCT(%s,%s)%s)", eff_range, met_range[k],
                             award_extra->str);
      else
        f = g_strdup_printf ("100*SUMPRODUCT(%s,%s)", eff_range, met_range[k]);
      put_string (ex, s, row, CP_TITLE, names[k], ex->f_total, "an index label");
      put_formula_number (ex, s, row, CP_VALUE, f, sum->index[k], ex->f_total_num,
                          "a composite index");
      ex->index_ref[k] = cell_ref (s, row, CP_VALUE);
    }
  {
    GString *f = g_string_new (NULL);
    GString *labels = g_string_new (NULL);
    g_autofree char *stars = excel_string ("*");
    g_autofree char *below = excel_string (level_label (ex, 0));
    g_autofree char *undetermined = excel_string (level_label (ex, -1));
    g_autofree char *guard = cp_undetermined_formula (ex, cats, first_row, last_row);

    for (guint i = 0; i < rules->len; i++)
      {
        const GaLevelRule *rule = g_ptr_array_index (rules, i);
        int k = CLAMP (rule->level, 1, 3) - 1;
        g_autofree char *min = excel_number (rule->min_index);
        GString *cond = g_string_new (NULL);

        g_string_append_printf (cond, "%s>=%s", ex->index_ref[k], min);
        if (rule->limiting_at_level)
          g_string_append_printf (cond, ",SUMPRODUCT((%s=%s)*%s*(1-%s))=0", lim_range, stars,
                                  app_range, met_range[k]);
        if (rule->others_min_level >= 1 && rule->others_min_level <= 3)
          g_string_append_printf (cond, ",SUMPRODUCT((%s<>%s)*%s*(1-%s))=0", lim_range, stars,
                                  app_range, met_range[rule->others_min_level - 1]);
        g_string_append_printf (f, "IF(AND(%s),%d,", cond->str, rule->level);
        g_string_free (cond, TRUE);
      }
    g_string_append_c (f, '0');
    for (guint i = 0; i < rules->len; i++)
      g_string_append_c (f, ')');
    /* Not determined yet: "" as the engine's -1, never a level. */
    g_string_prepend (f, ",\"\",");
    g_string_prepend (f, guard);
    g_string_prepend (f, "IF(");
    g_string_append_c (f, ')');

    put_string (ex, s, row, CP_TITLE, tr (ex, "清洁生产水平（级别）", "Clean production level"),
                ex->f_total, "a level label");
    put_formula_number (ex, s, row, CP_VALUE, f->str, sum->level >= 0 ? sum->level : NAN,
                        ex->f_total_num, "the clean production level");
    ex->level_ref = cell_ref (s, row, CP_VALUE);

    /* The level's name from its number. */
    g_string_append_printf (labels, "IF(%s=\"\",%s,", ex->level_ref, undetermined);
    for (guint i = 0; i < rules->len; i++)
      {
        const GaLevelRule *rule = g_ptr_array_index (rules, i);
        g_autofree char *label = excel_string (text_of (ex, &rule->label));

        g_string_append_printf (labels, "IF(%s=%d,%s,", ex->level_ref, rule->level, label);
      }
    g_string_append (labels, below);
    for (guint i = 0; i <= rules->len; i++)
      g_string_append_c (labels, ')');
    row++;
    put_string (ex, s, row, CP_TITLE, tr (ex, "评价结论", "Result"), ex->f_total, "a level label");
    put_formula_text (ex, s, row, CP_VALUE, labels->str, level_label (ex, sum->level), ex->f_total,
                      "the clean production result");
    ex->level_label_ref = cell_ref (s, row, CP_VALUE);
    g_string_free (f, TRUE);
    g_string_free (labels, TRUE);
  }
  for (guint k = 0; k < 3; k++)
    g_free (met_range[k]);
  g_string_free (weighted_sum, TRUE);
  g_string_free (all_apply, TRUE);
  g_string_free (award_extra, TRUE);
  page_setup (ex, s, TRUE, 2, 2, 3, 6);
}

/* ------------------------------------------------------- basic information */

static void
info_row (Export     *ex,
          guint      *row,
          const char *label,
          const char *value)
{
  put_string (ex, &ex->info, *row, 0, label, ex->f_label, "a label");
  put_string (ex, &ex->info, *row, 1, value, ex->f_wrap, label);
  (*row)++;
}

static void
info_number (Export     *ex,
             guint      *row,
             const char *label,
             double      value,
             const char *unit)
{
  put_string (ex, &ex->info, *row, 0, label, ex->f_label, "a label");
  put_number (ex, &ex->info, *row, 1, value, unit_format (ex, "#,##0.##", unit, FALSE), label);
  (*row)++;
}

static void
info_formula (Export      *ex,
              guint       *row,
              const char  *label,
              const char  *ref,
              const GaValue *cached,
              lxw_format  *format)
{
  put_string (ex, &ex->info, *row, 0, label, ex->f_label, "a label");
  if (ref != NULL)
    put_formula (ex, &ex->info, *row, 1, ref, cached, format, label);
  else
    put_blank (ex, &ex->info, *row, 1, format);
  (*row)++;
}

static void
write_info (Export *ex)
{
  const Sheet *s = &ex->info;
  const GaEnterpriseInfo *e = ex->opt->enterprise;
  g_autoptr(GaEnterpriseInfo) empty = ga_enterprise_info_new ();
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  g_autofree char *today = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *tmpl_id = NULL;
  g_autofree char *done = NULL;
  guint row = 2;

  if (e == NULL)
    e = empty;
  if (ex->opt->date != NULL)
    today = g_strdup (ex->opt->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }
  standard = g_strdup_printf ("%s %s", ga_template_get_standard (ex->tmpl) != NULL
                              ? ga_template_get_standard (ex->tmpl) : "",
                              ga_template_get_standard_title (ex->tmpl) != NULL
                              ? ga_template_get_standard_title (ex->tmpl) : "");
  tmpl_id = g_strdup_printf ("%s %s", ga_template_get_id (ex->tmpl),
                             ga_template_get_version (ex->tmpl));

  merge (ex, s, 0, 0, 0, 1, tr (ex, "基本信息表", "Basic information"), ex->f_title);

  put_string (ex, s, row, 0, tr (ex, "一、申报单位", "1. Applicant"), ex->f_bold_text, "a heading");
  row++;
  info_row (ex, &row, tr (ex, "工厂名称", "Factory name"), e->name);
  info_row (ex, &row, tr (ex, "统一社会信用代码", "Unified social credit code"), e->credit_code);
  info_row (ex, &row, tr (ex, "所属行业代码（GB/T 4754）", "Industry code (GB/T 4754)"),
            e->industry_code);
  info_row (ex, &row, tr (ex, "所属行业", "Industry"), e->industry_name);
  info_row (ex, &row, tr (ex, "所在省市", "Province and city"), e->region);
  info_row (ex, &row, tr (ex, "通讯地址", "Postal address"), e->address);
  info_row (ex, &row, tr (ex, "工厂地址", "Factory address"), e->factory_address);
  info_row (ex, &row, tr (ex, "主要产品", "Main products"), e->main_products);
  info_row (ex, &row, tr (ex, "单位性质", "Ownership"), e->ownership);
  info_row (ex, &row, tr (ex, "注册机关", "Registration authority"), e->registration_authority);
  info_row (ex, &row, tr (ex, "成立日期", "Founded"), e->founded);
  info_number (ex, &row, tr (ex, "注册资本", "Registered capital"), e->registered_capital,
               tr (ex, "万元", "10k CNY"));
  info_row (ex, &row, tr (ex, "法定代表人", "Legal representative"), e->legal_representative);
  info_row (ex, &row, tr (ex, "法定代表人电话", "Legal representative's phone"), e->legal_phone);
  info_row (ex, &row, tr (ex, "申报联系部门", "Contact department"), e->contact_department);
  info_row (ex, &row, tr (ex, "联系人", "Contact person"), e->contact_person);
  info_row (ex, &row, tr (ex, "电话", "Phone"), e->contact_phone);
  info_row (ex, &row, tr (ex, "手机", "Mobile"), e->contact_mobile);
  info_row (ex, &row, tr (ex, "传真", "Fax"), e->fax);
  info_row (ex, &row, tr (ex, "电子邮箱", "E-mail"), e->email);
  info_number (ex, &row, tr (ex, "从业人数", "Employees"), e->employees, tr (ex, "人", ""));
  info_number (ex, &row, tr (ex, "工业总产值", "Gross industrial output"), e->output_value,
               tr (ex, "万元", "10k CNY"));
  info_number (ex, &row, tr (ex, "营业收入", "Revenue"), e->revenue, tr (ex, "万元", "10k CNY"));
  info_number (ex, &row, tr (ex, "占地面积", "Site area"), e->floor_area, "m²");

  row++;
  put_string (ex, s, row, 0, tr (ex, "二、评价", "2. Assessment"), ex->f_bold_text, "a heading");
  row++;
  info_row (ex, &row, tr (ex, "评价名称", "Assessment"), ex->opt->assessment_name);
  info_row (ex, &row, tr (ex, "评价期", "Period"), ex->opt->period);
  info_row (ex, &row, tr (ex, "评价依据", "Standard"), standard);
  info_row (ex, &row, tr (ex, "评价模板及版本", "Template and version"), tmpl_id);
  info_row (ex, &row, tr (ex, "模板内容哈希（SHA-256）", "Template content hash (SHA-256)"),
            ga_template_get_content_hash (ex->tmpl));
  if (!ga_template_get_verified (ex->tmpl))
    info_row (ex, &row, tr (ex, "核实状态", "Verification"),
              tr (ex, "模板中部分数值未经官方文本核实，见评分表“核实”列",
                  "some values in the template are not verified against the official text; "
                  "see the Verification column"));
  info_row (ex, &row, tr (ex, "报告日期", "Date"), today);
  done = g_strdup_printf ("%u / %u", sum->answered, sum->total);
  info_row (ex, &row, tr (ex, "已回答 / 应回答", "Answered / to answer"), done);

  row++;
  put_string (ex, s, row, 0, tr (ex, "三、评价结果", "3. Result"), ex->f_bold_text, "a heading");
  row++;
  if (ga_template_get_scheme (ex->tmpl) == GA_SCHEME_CLEAN_PRODUCTION && ex->has_cp)
    {
      const char *names[] = { "Y_I", "Y_II", "Y_III" };
      GaValue v = GA_VALUE_INIT;

      for (guint k = 0; k < 3; k++)
        {
          if (isfinite (sum->index[k]))
            ga_value_set_number (&v, sum->index[k]);
          else
            ga_value_set_blank (&v);
          info_formula (ex, &row, names[k], ex->index_ref[k], &v, ex->f_number);
        }
      ga_value_set_text (&v, level_label (ex, sum->level));
      info_formula (ex, &row, tr (ex, "清洁生产水平", "Clean production level"),
                    ex->level_label_ref, &v, ex->f_text);
      ga_value_clear (&v);
    }
  if (ga_template_get_scheme (ex->tmpl) != GA_SCHEME_CLEAN_PRODUCTION)
    {
      GaValue v = GA_VALUE_INIT;

      ga_value_set_number (&v, sum->score);
      info_formula (ex, &row, tr (ex, "得分", "Score"), ex->total_ref, &v, ex->f_number);
      ga_value_set_number (&v, sum->max);
      info_formula (ex, &row, tr (ex, "可得分", "Attainable"), ex->max_ref, &v, ex->f_number);
      if (ex->has_bonus)
        {
          ga_value_set_number (&v, sum->bonus);
          info_formula (ex, &row, tr (ex, "附加分", "Bonus"), ex->bonus_ref, &v, ex->f_number);
        }
      if (ex->has_veto)
        {
          ga_value_set_text (&v, sum->veto == GA_VETO_FAIL ? tr (ex, "不通过", "fail")
                                 : sum->veto == GA_VETO_PENDING ? tr (ex, "待定", "pending")
                                 : tr (ex, "通过", "pass"));
          info_formula (ex, &row, tr (ex, "基本要求（否决项）", "Basic requirements (veto)"),
                        ex->veto_ref, &v, ex->f_text);
        }
      if (ex->has_grades)
        {
          ga_value_set_text (&v, sum->grade != NULL ? text_of (ex, &sum->grade->label) : "");
          info_formula (ex, &row, tr (ex, "等级", "Grade"), ex->grade_ref, &v, ex->f_text);
        }
      if (ex->has_pass)
        {
          ga_value_set_text (&v, sum->passed ? tr (ex, "是", "yes") : tr (ex, "否", "no"));
          info_formula (ex, &row, tr (ex, "是否达到合格线", "Pass mark reached"), ex->pass_ref,
                        &v, ex->f_text);
        }
      ga_value_clear (&v);
    }
  {
    g_autofree char *overall = ga_engine_explain_summary (ex->engine);

    info_row (ex, &row, tr (ex, "结论说明", "Explanation"), overall);
  }
  if (ex->n_value_only > 0)
    {
      g_autofree char *note = ex->zh
        ? g_strdup_printf ("%u 个单元格写入的是数值而非公式（公式超出 Excel 的长度或嵌套限制，"
                           "或多选题按所选选项计分）", ex->n_value_only)
        : g_strdup_printf ("%u cells hold values, not formulas (a formula beyond Excel's "
                           "length or nesting limits, or a multiple-choice score)",
                           ex->n_value_only);

      info_row (ex, &row, tr (ex, "说明", "Note"), note);
    }

  set_column (ex, s, 0, 0, 28, NULL);
  set_column (ex, s, 1, 1, 60, NULL);
  page_setup (ex, s, FALSE, -1, -1, 0, 0);
}

/* ------------------------------------------------------------------ summary */

/* Adds to @chart (NULL when it could not be made) the series @name: rows
 * @first to @last of the summary's column @col, labelled by column 0.
 * FALSE, with the failure recorded naming @what, when it cannot be. */
static gboolean
add_summary_series (Export      *ex,
                    lxw_chart   *chart,
                    guint        first,
                    guint        last,
                    guint        col,
                    const char  *name,
                    const char  *what)
{
  const Sheet *s = &ex->summary;
  lxw_chart_series *series = chart != NULL ? chart_add_series (chart, NULL, NULL) : NULL;

  if (series == NULL)
    {
      check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, s, -1, -1, what);
      return FALSE;
    }
  chart_series_set_categories (series, s->name, first, 0, last, 0);
  chart_series_set_values (series, s->name, first, col, last, col);
  chart_series_set_name (series, name);
  return TRUE;
}

/* Places @chart on the summary sheet, its top left corner in cell (@row,
 * @col), a little larger than libxlsxwriter's default size. */
static void
insert_summary_chart (Export      *ex,
                      guint        row,
                      guint        col,
                      lxw_chart   *chart,
                      const char  *what)
{
  const Sheet *s = &ex->summary;
  lxw_chart_options place = { .x_offset = 10, .y_offset = 10, .x_scale = 1.2, .y_scale = 1.2 };

  check (ex, worksheet_insert_chart_opt (s->ws, row, col, chart, &place), s, row, col, what);
}

static void
write_summary (Export *ex)
{
  const Sheet *s = &ex->summary;
  GPtrArray *roots = ga_template_get_root_sections (ex->tmpl);
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  gboolean points = ex->points;
  guint row = 3, first, last;
  guint n_rows = points ? roots->len : 0;
  g_autofree char *overall = ga_engine_explain_summary (ex->engine);

  merge (ex, s, 0, 0, 0, 5, tr (ex, "评价汇总", "Summary"), ex->f_title);
  merge (ex, s, 1, 0, 1, 5, overall, ex->f_subtitle);
  put_string (ex, s, 2, 0, points ? tr (ex, "一级指标", "Indicator") : tr (ex, "指标", "Figure"),
              ex->f_header, "a heading");
  put_string (ex, s, 2, 1, points ? tr (ex, "得分", "Score") : tr (ex, "数值", "Value"),
              ex->f_header, "a heading");
  if (points)
    {
      put_string (ex, s, 2, 2, tr (ex, "可得分", "Attainable"), ex->f_header, "a heading");
      put_string (ex, s, 2, 3, tr (ex, "得分率", "Rate"), ex->f_header, "a heading");
    }
  first = row;
  for (guint i = 0; i < n_rows; i++, row++)
    {
      const GaSection *section = g_ptr_array_index (roots, i);
      const GaResult *res = ga_engine_get_section_result (ex->engine, section);
      guint r = section_row (ex, section);
      g_autofree char *score = cell_ref (&ex->scoring, r, SC_SCORE);
      g_autofree char *max = cell_ref (&ex->scoring, r, SC_MAX);
      g_autofree char *b = cell_ref (s, row, 1);
      g_autofree char *c = cell_ref (s, row, 2);
      g_autofree char *rate = g_strdup_printf ("IF(AND(ISNUMBER(%s),%s>0),%s/%s,\"\")", b, c, b, c);

      put_string (ex, s, row, 0, text_of (ex, &section->title), ex->f_wrap, "a section");
      put_formula_number (ex, s, row, 1, score, res->score, ex->f_number, "a section score");
      put_formula_number (ex, s, row, 2, max, res->max, ex->f_number, "a section maximum");
      put_formula_number (ex, s, row, 3, rate,
                          isfinite (res->score) && isfinite (res->max) && res->max > 0
                          ? res->score / res->max : NAN, ex->f_percent, "a rate");
    }
  last = row - 1;
  if (points)
    {
      put_string (ex, s, row, 0, tr (ex, "总分", "Total"), ex->f_total, "a label");
      put_formula_number (ex, s, row, 1, ex->total_ref, sum->score, ex->f_total_num, "the total");
      put_formula_number (ex, s, row, 2, ex->max_ref, sum->max, ex->f_total_num, "the maximum");
      row++;
    }
  else if (ex->has_cp)
    {
      static const char *names[] = { "Y_I", "Y_II", "Y_III" };

      for (guint k = 0; k < 3; k++, row++)
        {
          put_string (ex, s, row, 0, names[k], ex->f_text, "a label");
          put_formula_number (ex, s, row, 1, ex->index_ref[k], sum->index[k], ex->f_number,
                              "a composite index");
        }
      last = row - 1;
      if (ex->level_label_ref != NULL)
        {
          put_string (ex, s, row, 0, tr (ex, "清洁生产水平", "Clean production level"),
                      ex->f_total, "a label");
          put_formula_text (ex, s, row, 1, ex->level_label_ref, level_label (ex, sum->level),
                            ex->f_total, "the level");
          row++;
        }
    }
  set_column (ex, s, 0, 0, 30, NULL);
  set_column (ex, s, 1, 5, 12, NULL);

  /* layout_outputs() placed them below the section table. */
  if (!ex->outputs_on_energy)
    write_outputs (ex);

  if (ex->has_cp && !failed (ex))
    {
      lxw_chart *col = workbook_add_chart (ex->wb, LXW_CHART_COLUMN);

      if (!add_summary_series (ex, col, first, last, 1,
                               tr (ex, "综合评价指数", "Composite index"), "the index chart"))
        return;
      chart_title_set_name (col, tr (ex, "清洁生产综合评价指数", "Clean production indices"));
      chart_legend_set_position (col, LXW_CHART_LEGEND_NONE);
      chart_axis_set_min (col->y_axis, 0);
      chart_axis_set_max (col->y_axis, 100);
      insert_summary_chart (ex, 2, 6, col, "the index chart");
    }

  if (points && roots->len > 0 && !failed (ex))
    {
      lxw_chart *bar = workbook_add_chart (ex->wb, LXW_CHART_BAR);
      lxw_chart *radar = roots->len >= 3 ? workbook_add_chart (ex->wb, LXW_CHART_RADAR) : NULL;

      if (bar == NULL || (roots->len >= 3 && radar == NULL))
        {
          check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, s, -1, -1, "a chart");
          return;
        }
      if (!add_summary_series (ex, bar, first, last, 1, tr (ex, "得分", "Score"),
                               "a chart series")
          || !add_summary_series (ex, bar, first, last, 2, tr (ex, "可得分", "Attainable"),
                                  "a chart series"))
        return;
      chart_title_set_name (bar, tr (ex, "各一级指标得分", "Score by indicator"));
      chart_legend_set_position (bar, LXW_CHART_LEGEND_BOTTOM);
      insert_summary_chart (ex, 2, 6, bar, "the score chart");

      if (radar != NULL)
        {
          if (!add_summary_series (ex, radar, first, last, 3, tr (ex, "得分率", "Rate"),
                                   "a chart series"))
            return;
          chart_title_set_name (radar, tr (ex, "得分率", "Score rate"));
          chart_legend_set_position (radar, LXW_CHART_LEGEND_NONE);
          insert_summary_chart (ex, 20, 6, radar, "the rate chart");
        }
    }

  if (ex->mix_table != NULL && !failed (ex))
    {
      TableLayout *t = g_hash_table_lookup (ex->tables, ex->mix_table);
      guint label_col = 0;
      guint src = g_array_index (t->col_of, guint, t->share_src);
      lxw_chart *pie = workbook_add_chart (ex->wb, LXW_CHART_DOUGHNUT);
      lxw_chart_series *series;

      /* The categories are the carrier names: the label column after the
       * first choice column, else the row numbers. */
      for (guint c = 0; c < ex->mix_table->columns->len; c++)
        {
          const GaColumn *column = g_ptr_array_index (ex->mix_table->columns, c);

          if (column_has_label (column))
            {
              label_col = g_array_index (t->col_of, guint, c) + 1;
              break;
            }
        }
      if (pie == NULL || (series = chart_add_series (pie, NULL, NULL)) == NULL)
        {
          check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, s, -1, -1, "the energy mix chart");
          return;
        }
      chart_series_set_categories (series, ex->energy.name, t->first_row, label_col,
                                   t->first_row + t->n_rows - 1, label_col);
      chart_series_set_values (series, ex->energy.name, t->first_row, src,
                               t->first_row + t->n_rows - 1, src);
      chart_series_set_name (series, tr (ex, "综合能耗构成", "Energy mix"));
      chart_series_set_labels (series);
      chart_series_set_labels_options (series, LXW_FALSE, LXW_FALSE, LXW_FALSE);
      chart_series_set_labels_percentage (series);
      chart_title_set_name (pie, tr (ex, "能源消费结构（按折标煤）", "Energy mix (tce)"));
      insert_summary_chart (ex, 38, 6, pie, "the energy mix chart");
    }
  page_setup (ex, s, TRUE, -1, -1, 3, 0);
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
  return cell_ref (&ex->scoring, *at, SC_SCORE);
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

      ex->has_bonus |= item->bonus && item_is_scored (item);
      ex->has_veto |= item->veto;
    }
  ex->has_grades = ga_template_get_grades (ex->tmpl)->len > 0;
  ex->has_pass = isfinite (ga_template_get_pass_score (ex->tmpl));
  if (ex->points)
    {
      ex->total_ref = result_row (ex, &row, &ex->total_row);
      ex->max_ref = cell_ref (&ex->scoring, ex->total_row, SC_MAX);
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

static lxw_worksheet *
add_sheet (Export     *ex,
           Sheet      *sheet,
           const char *name)
{
  lxw_error err;

  sheet_init (sheet, name);
  if (failed (ex))
    return NULL;
  err = workbook_validate_sheet_name (ex->wb, name);
  if (err != LXW_NO_ERROR)
    {
      check (ex, err, NULL, -1, -1, name);
      return NULL;
    }
  sheet->ws = workbook_add_worksheet (ex->wb, name);
  if (sheet->ws == NULL)
    check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL, -1, -1, name);
  return sheet->ws;
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
  lxw_doc_properties props = { 0 };
  GPtrArray *items;
  g_autofree char *doc_title = NULL;
  lxw_error close_err;
  gboolean has_tables = FALSE;
  gboolean has_energy_table = FALSE;
  const char *energy_name;
  gboolean ok = FALSE;

  ex.engine = engine;
  ex.tmpl = ga_engine_get_template (engine);
  ex.opt = options;
  ex.lang = options->language != NULL ? options->language : "zh_CN";
  ex.zh = !g_str_has_prefix (ex.lang, "en");
  ex.na_text = ex.zh ? "不适用" : "N/A";
  ex.display_path = display_path;
  ex.num_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ex.factor_cols = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, factor_column_free);
  ex.tables = g_hash_table_new_full (NULL, NULL, NULL, table_layout_free);
  ex.item_row = g_hash_table_new (NULL, NULL);
  ex.section_row = g_hash_table_new (NULL, NULL);
  ex.output_row = g_hash_table_new (NULL, NULL);

  /* Keys are owned copies: table column ranges are built names. */
  ex.cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ex.extra_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ex.wb = workbook_new_opt (filename, &wb_options);
  if (ex.wb == NULL)
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_WRITE,
                   "cannot export to %s: the workbook could not be created; "
                   "check the free memory and the temporary folder", display_path);
      goto out;
    }

  doc_title = g_strdup_printf ("%s%s%s", text_of (&ex, ga_template_get_title (ex.tmpl)),
                               options->enterprise && options->enterprise->name ? " - " : "",
                               options->enterprise && options->enterprise->name
                               ? options->enterprise->name : "");
  props.title = doc_title;
  props.subject = (char *) (ga_template_get_standard (ex.tmpl) != NULL
                            ? ga_template_get_standard (ex.tmpl) : "");
  props.company = options->enterprise ? options->enterprise->name : NULL;
  props.comments = (char *) ga_template_get_content_hash (ex.tmpl);
  props.created = (time_t) options->created;
  check (&ex, workbook_set_properties (ex.wb, &props), NULL, -1, -1, "the document properties");

  make_formats (&ex);

  items = ga_template_get_items (ex.tmpl);
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      if (item->kind != GA_ITEM_TABLE)
        continue;
      has_tables = TRUE;
      for (guint c = 0; c < item->columns->len; c++)
        has_energy_table |= column_is_tce (g_ptr_array_index (item->columns, c));
    }
  /* Tables of products or water use are not energy: the sheet is named
   * after what it holds. */
  if (has_energy_table || ga_template_get_kind (ex.tmpl) == GA_TEMPLATE_KIND_ENERGY_AUDIT)
    energy_name = tr (&ex, "能源与碳排放", "Energy and CO2");
  else
    energy_name = tr (&ex, "明细表", "Tables");
  ex.has_energy = has_tables;
  ex.has_cp = ga_template_get_scheme (ex.tmpl) == GA_SCHEME_CLEAN_PRODUCTION;
  ex.points = ga_template_get_scheme (ex.tmpl) == GA_SCHEME_POINTS;
  ex.has_factors = ga_template_get_tables (ex.tmpl)->len > 0;
  ex.outputs_on_energy = ex.has_energy;

  add_sheet (&ex, &ex.info, tr (&ex, "基本信息", "Basic information"));
  add_sheet (&ex, &ex.scoring, tr (&ex, "评分表", "Scoring"));
  if (ex.has_energy)
    add_sheet (&ex, &ex.energy, energy_name);
  else
    sheet_init (&ex.energy, energy_name);
  if (ex.has_cp)
    add_sheet (&ex, &ex.cp, tr (&ex, "清洁生产", "Clean production"));
  add_sheet (&ex, &ex.summary, tr (&ex, "汇总", "Summary"));
  if (ex.has_factors)
    add_sheet (&ex, &ex.factors, tr (&ex, "系数表", "Factors"));

  /* Layout first: formulas refer to cells on sheets written later. */
  compute_scoring_layout (&ex);
  if (ex.has_energy)
    layout_energy (&ex);
  if (!ex.outputs_on_energy)
    {
      /* On the summary: after the section table and its total rows. */
      ex.outputs_first_row = 3 + ga_template_get_root_sections (ex.tmpl)->len + 6;
    }
  layout_outputs (&ex);

  if (ex.has_factors)
    write_factors (&ex);
  if (ex.has_energy)
    write_energy (&ex);
  if (ex.has_cp)
    write_cp (&ex);
  write_scoring (&ex);
  write_summary (&ex);
  write_info (&ex);

  fit_row_heights (&ex, &ex.info);
  fit_row_heights (&ex, &ex.scoring);
  if (ex.has_energy)
    fit_row_heights (&ex, &ex.energy);
  if (ex.has_cp)
    fit_row_heights (&ex, &ex.cp);
  fit_row_heights (&ex, &ex.summary);
  if (ex.has_factors)
    fit_row_heights (&ex, &ex.factors);
  if (!failed (&ex))
    worksheet_activate (ex.info.ws);

  /* workbook_close() also frees the workbook, so it runs even after a
   * failure; the temporary file it leaves is removed by the caller. */
  close_err = workbook_close (ex.wb);
  ex.wb = NULL;
  if (!failed (&ex) && close_err != LXW_NO_ERROR)
    check (&ex, close_err, NULL, -1, -1, "the file");
  if (failed (&ex))
    g_propagate_error (error, g_steal_pointer (&ex.error));
  else
    {
      ok = TRUE;
      if (options->cells != NULL)
        report_cells (&ex, options->cells);
    }

out:
  g_hash_table_unref (ex.num_formats);
  g_hash_table_unref (ex.cells);
  g_hash_table_unref (ex.extra_cells);
  g_hash_table_unref (ex.factor_cols);
  g_hash_table_unref (ex.tables);
  g_hash_table_unref (ex.item_row);
  g_hash_table_unref (ex.section_row);
  g_hash_table_unref (ex.output_row);
  g_free (ex.total_ref);
  g_free (ex.max_ref);
  g_free (ex.bonus_ref);
  g_free (ex.veto_ref);
  g_free (ex.grade_ref);
  g_free (ex.pass_ref);
  g_free (ex.level_ref);
  g_free (ex.level_label_ref);
  for (guint k = 0; k < 3; k++)
    g_free (ex.index_ref[k]);
  sheet_clear (&ex.info);
  sheet_clear (&ex.scoring);
  sheet_clear (&ex.energy);
  sheet_clear (&ex.cp);
  sheet_clear (&ex.summary);
  sheet_clear (&ex.factors);
  return ok;
}
