/* ga-export-cells.c: cells of the workbook: references, writers, formats
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"

/* ------------------------------------------------------------------ texts */

const char *
ex_tr (Export     *ex,
       const char *zh,
       const char *en)
{
  return ex->zh ? zh : en;
}

const char *
ex_text_of (Export       *ex,
            const GaText *text)
{
  const char *s = ga_text_get (text, ex->lang);

  return s != NULL ? s : "";
}

/* A text as an Excel string literal. */
char *
ex_excel_string (const char *text)
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

char *
ex_excel_number (double number)
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

char *
ex_cell_ref (const Sheet *sheet,
             guint        row,
             guint        col)
{
  char c[8];

  col_name (col, c);
  return g_strdup_printf ("%s!$%s$%u", sheet->quoted, c, row + 1);
}

char *
ex_range_ref (const Sheet *sheet,
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

void
ex_sheet_init (Sheet      *sheet,
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
  sheet->wrapped = g_array_new (FALSE, FALSE, sizeof (WrappedCell));
  sheet->paragraphs = g_array_new (FALSE, FALSE, sizeof (double));
  sheet->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  sheet->block_titles = g_array_new (FALSE, FALSE, sizeof (WrappedText));
  sheet->last_row = sheet->last_col = -1;
  sheet->repeat_first = sheet->repeat_last = -1;
}

void
ex_sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->name, g_free);
  g_clear_pointer (&sheet->quoted, g_free);
  g_clear_pointer (&sheet->wrapped, g_array_unref);
  g_clear_pointer (&sheet->paragraphs, g_array_unref);
  g_clear_pointer (&sheet->breaks, g_array_unref);
  g_clear_pointer (&sheet->title, g_free);
  if (sheet->block_titles != NULL)
    {
      for (guint i = 0; i < sheet->block_titles->len; i++)
        g_free (g_array_index (sheet->block_titles, WrappedText, i).text);
      g_clear_pointer (&sheet->block_titles, g_array_unref);
    }
}

/* Extends the used range of @s to (@row, @col). */
static void
touch (const Sheet *s,
       guint        row,
       guint        col)
{
  Sheet *m = (Sheet *) s;

  /* The hidden zone is neither shown nor printed. */
  if (col >= EX_HIDDEN_ZONE)
    return;
  m->last_row = MAX (m->last_row, (int) row);
  m->last_col = MAX (m->last_col, (int) col);
}

void
ex_break_before (const Sheet *s,
                 guint        row)
{
  g_array_append_val (((Sheet *) s)->breaks, row);
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
void
ex_check (Export      *ex,
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

gboolean
ex_failed (Export *ex)
{
  return ex->error != NULL;
}

/* ----------------------------------------------------------------- counting */

static void
count_text (Export     *ex,
            const char *text)
{
  if (g_hash_table_contains (ex->counted_texts, text))
    return;
  g_hash_table_add (ex->counted_texts, g_strdup (text));
  ex->counts->unique_strings++;
  ex->counts->string_bytes += strlen (text);
}

/* ------------------------------------------------------------------ writers */

static gboolean format_wraps (Export     *ex,
                              lxw_format *format);

void
ex_put_string (Export      *ex,
               const Sheet *s,
               guint        row,
               guint        col,
               const char  *text,
               lxw_format  *format,
               const char  *what)
{
  if (ex_failed (ex))
    return;
  touch (s, row, col);
  if (text == NULL || *text == '\0')
    {
      if (ex->counts != NULL)
        ex->counts->blanks++;
      ex_check (ex, worksheet_write_blank (s->ws, row, col, format), s, row, col, what);
      return;
    }
  /* A text of no more bytes than the limit has no more characters. */
  if (strlen (text) > EXCEL_MAX_CELL_TEXT && g_utf8_strlen (text, -1) > EXCEL_MAX_CELL_TEXT)
    {
      g_autofree char *cell = cell_name (row, col);

      g_set_error (&ex->error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_LIMIT,
                   "cannot export to %s: %s at %s!%s has %ld characters and an Excel cell "
                   "holds at most 32,767; shorten it", ex->display_path, what, s->name, cell,
                   g_utf8_strlen (text, -1));
      return;
    }
  if (ex->counts != NULL)
    {
      ex->counts->strings++;
      count_text (ex, text);
    }
  /* Always a string cell, never a formula, whatever the text starts with. */
  ex_check (ex, worksheet_write_string (s->ws, row, col, text, format), s, row, col, what);
  if (format_wraps (ex, format))
    ex_note_wrapped (s, row, col, text);
}

/* Whether text in @format wraps (merged section titles are left out: they
 * span many rows). */
static gboolean
format_wraps (Export     *ex,
              lxw_format *format)
{
  lxw_format *wrapping[] = {
    ex->f_header, ex->f_wrap, ex->f_center, ex->f_na, ex->f_label, ex->f_input,
    ex->f_input_wrap, ex->f_mark_wrap,
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrapping); i++)
    if (format == wrapping[i])
      return TRUE;
  return FALSE;
}

/* The row of (@row, @col) must be high enough for @text in the column's
 * width (ex_finish_sheet()). */
void
ex_note_wrapped (const Sheet *s,
                 guint        row,
                 guint        col,
                 const char  *text)
{
  WrappedCell w = { row, col, 0, 0 };

  if (s->wrapped == NULL || col >= MAX_TRACKED_COLS || text == NULL)
    return;
  /* The widths, not a copy of the text: over a large template the texts
   * would be held twice (here and in the workbook's strings). */
  w.first = s->paragraphs->len;
  w.n = ex_paragraph_widths (text, s->paragraphs);
  g_array_append_val (s->wrapped, w);
}

void
ex_put_number (Export      *ex,
               const Sheet *s,
               guint        row,
               guint        col,
               double       number,
               lxw_format  *format,
               const char  *what)
{
  if (ex_failed (ex))
    return;
  touch (s, row, col);
  if (ex->counts != NULL)
    {
      if (isfinite (number))
        ex->counts->numbers++;
      else
        ex->counts->blanks++;
    }
  if (!isfinite (number))
    ex_check (ex, worksheet_write_blank (s->ws, row, col, format), s, row, col, what);
  else
    ex_check (ex, worksheet_write_number (s->ws, row, col, number, format), s, row, col, what);
}

void
ex_put_blank (Export      *ex,
              const Sheet *s,
              guint        row,
              guint        col,
              lxw_format  *format)
{
  if (ex_failed (ex))
    return;
  touch (s, row, col);
  if (ex->counts != NULL)
    ex->counts->blanks++;
  ex_check (ex, worksheet_write_blank (s->ws, row, col, format), s, row, col, "an empty cell");
}

/* An input value (an answer) as a constant cell. */
void
ex_put_value (Export        *ex,
              const Sheet   *s,
              guint          row,
              guint          col,
              const GaValue *value,
              lxw_format    *format,
              const char    *what)
{
  if (ex_failed (ex))
    return;
  switch (value->kind)
    {
    case GA_VALUE_NUMBER:
      ex_put_number (ex, s, row, col, value->u.number, format, what);
      break;
    case GA_VALUE_TEXT:
      ex_put_string (ex, s, row, col, value->u.text, format, what);
      break;
    case GA_VALUE_BOOLEAN:
      if (ex->counts != NULL)
        ex->counts->booleans++;
      ex_check (ex, worksheet_write_boolean (s->ws, row, col, value->u.boolean, format),
                s, row, col, what);
      break;
    case GA_VALUE_NA:
      ex_put_string (ex, s, row, col, ex->na_text, ex->f_na, what);
      break;
    case GA_VALUE_ERROR:
      ex_put_string (ex, s, row, col, ga_error_code_to_string (value->u.error.code), format, what);
      break;
    case GA_VALUE_BLANK:
    default:
      ex_put_blank (ex, s, row, col, format);
      break;
    }
}

/* A formula with its cached result. Excel refuses formulas longer than
 * 8,192 characters; such a cell gets the value instead (counted, and said
 * on the basic-information sheet). */
void
ex_put_formula (Export        *ex,
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

  if (ex_failed (ex))
    return;
  touch (s, row, col);
  if (cached == NULL)
    cached = &blank;
  if (formula == NULL
      || (strlen (formula) >= EXCEL_MAX_FORMULA
          && g_utf8_strlen (formula, -1) >= EXCEL_MAX_FORMULA))
    {
      if (formula != NULL)
        ex->n_value_only++;
      ex_put_value (ex, s, row, col, cached, format, what);
      return;
    }
  if (ex->counts != NULL)
    {
      ex->counts->formulas++;
      ex->counts->formula_bytes += strlen (formula);
      if (cached->kind != GA_VALUE_NUMBER)
        {
          ex->counts->text_formulas++;
          if (cached->kind == GA_VALUE_TEXT)
            ex->counts->result_bytes += strlen (cached->u.text);
        }
    }
  switch (cached->kind)
    {
    case GA_VALUE_NUMBER:
      err = worksheet_write_formula_num (s->ws, row, col, formula, format, cached->u.number);
      break;
    case GA_VALUE_TEXT:
      err = worksheet_write_formula_str (s->ws, row, col, formula, format, cached->u.text);
      /* A sentence wraps like any text. */
      if (format_wraps (ex, format))
        ex_note_wrapped (s, row, col, cached->u.text);
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
  ex_check (ex, err, s, row, col, what);
}

void
ex_put_formula_number (Export      *ex,
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
  ex_put_formula (ex, s, row, col, formula, &v, format, what);
  ga_value_clear (&v);
}

void
ex_put_formula_text (Export      *ex,
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
  ex_put_formula (ex, s, row, col, formula, &v, format, what);
  ga_value_clear (&v);
}

void
ex_set_column (Export      *ex,
               const Sheet *s,
               guint        first,
               guint        last,
               double       width,
               lxw_format  *format)
{
  if (ex_failed (ex))
    return;
  for (guint c = first; c <= last && c < MAX_TRACKED_COLS; c++)
    ((Sheet *) s)->widths[c] = width;
  ex_check (ex, worksheet_set_column (s->ws, first, last, width, format), s, -1, -1,
            "the column widths");
}

/* Hides columns @first to @last (look-up keys): not shown, not printed. */
void
ex_hide_columns (Export      *ex,
                 const Sheet *s,
                 guint        first,
                 guint        last)
{
  lxw_row_col_options hidden = { .hidden = LXW_TRUE };

  if (ex_failed (ex) || last < first)
    return;
  ex_check (ex, worksheet_set_column_opt (s->ws, first, last, 12, NULL, &hidden), s, -1, -1,
            "hidden columns");
}

void
ex_merge (Export      *ex,
          const Sheet *s,
          guint        r1,
          guint        c1,
          guint        r2,
          guint        c2,
          const char  *text,
          lxw_format  *format)
{
  if (ex_failed (ex))
    return;
  if (r1 == r2 && c1 == c2)
    {
      ex_put_string (ex, s, r1, c1, text, format, "a heading");
      return;
    }
  touch (s, r2, c2);
  if (ex->counts != NULL)
    {
      ex->counts->merges++;
      count_text (ex, text != NULL ? text : "");
    }
  ex_check (ex, worksheet_merge_range (s->ws, r1, c1, r2, c2, text != NULL ? text : "", format),
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
  format_set_font_size (f, EX_BODY_PT);
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

void
ex_make_formats (Export *ex)
{
  lxw_format *normal = STAILQ_FIRST (ex->wb->formats);

  /* The workbook's first format is its Normal style, whose font sets the
   * unit of column widths: the body font, so that a column's width in
   * characters means the same in Excel, WPS and LibreOffice (which
   * substitutes Calibri with a much wider font where Calibri is
   * missing). */
  if (normal != NULL)
    {
      format_set_font_name (normal, "宋体");
      format_set_font_size (normal, EX_BODY_PT);
    }

  ex->f_title = new_format (ex);
  format_set_bold (ex->f_title);
  format_set_font_size (ex->f_title, 16);
  format_set_align (ex->f_title, LXW_ALIGN_CENTER);

  ex->f_title_left = new_format (ex);
  format_set_bold (ex->f_title_left);
  format_set_font_size (ex->f_title_left, 16);

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

  /* Headings of blocks: bold, no border, free to run over the cells to
   * their right. */
  ex->f_bold_text = new_format (ex);
  format_set_bold (ex->f_bold_text);


  /* The ※ of a row whose source is not verified. */
  ex->f_mark = new_cell_format (ex);
  format_set_font_color (ex->f_mark, 0xC00000);
  format_set_align (ex->f_mark, LXW_ALIGN_CENTER);
  ex->f_mark_wrap = new_cell_format (ex);
  format_set_font_color (ex->f_mark_wrap, 0xC00000);
  format_set_text_wrap (ex->f_mark_wrap);

  /* Cells a reviewer may change: a light yellow, as forms mark them. */
  ex->f_input = new_cell_format (ex);
  format_set_align (ex->f_input, LXW_ALIGN_CENTER);
  format_set_text_wrap (ex->f_input);
  format_set_bg_color (ex->f_input, 0xFFFDE7);
  ex->f_input_wrap = new_cell_format (ex);
  format_set_text_wrap (ex->f_input_wrap);
  format_set_bg_color (ex->f_input_wrap, 0xFFFDE7);

  /* A note under a title, without borders. */
  ex->f_note = new_format (ex);
  format_set_text_wrap (ex->f_note);
  format_set_align (ex->f_note, LXW_ALIGN_LEFT);
  ex->f_plain = new_format (ex);
}

/* A number format showing the unit, e.g. 0.00 "tce". */
lxw_format *
ex_unit_format (Export     *ex,
                const char *base,
                const char *unit,
                int         style)
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
  key = g_strdup_printf ("%d%s", style, code->str);
  f = g_hash_table_lookup (ex->num_formats, key);
  if (f == NULL)
    {
      f = new_cell_format (ex);
      format_set_num_format (f, code->str);
      if (style == EX_FMT_NA)
        {
          format_set_bg_color (f, 0xD9D9D9);
          format_set_font_color (f, 0x595959);
        }
      else if (style == EX_FMT_INPUT)
        format_set_bg_color (f, 0xFFFDE7);
      g_hash_table_insert (ex->num_formats, g_steal_pointer (&key), f);
    }
  g_string_free (code, TRUE);
  return f;
}
