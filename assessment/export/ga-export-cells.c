/* ga-export-cells.c: cells of the workbook: references, writers, formats, page setup
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
  sheet->wrapped = g_array_new (FALSE, FALSE, sizeof (WrappedText));
  sheet->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  sheet->last_row = sheet->last_col = -1;
  sheet->repeat_first = sheet->repeat_last = -1;
}

void
ex_sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->name, g_free);
  g_clear_pointer (&sheet->quoted, g_free);
  if (sheet->wrapped != NULL)
    {
      for (guint i = 0; i < sheet->wrapped->len; i++)
        g_free (g_array_index (sheet->wrapped, WrappedText, i).text);
      g_clear_pointer (&sheet->wrapped, g_array_unref);
    }
  g_clear_pointer (&sheet->breaks, g_array_unref);
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
      ex_check (ex, worksheet_write_blank (s->ws, row, col, format), s, row, col, what);
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
  WrappedText w = { row, col, g_strdup (text) };

  if (s->wrapped == NULL || col >= MAX_TRACKED_COLS || text == NULL)
    return;
  g_array_append_val (s->wrapped, w);
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
  if (formula == NULL || g_utf8_strlen (formula, -1) >= EXCEL_MAX_FORMULA)
    {
      if (formula != NULL)
        ex->n_value_only++;
      ex_put_value (ex, s, row, col, cached, format, what);
      return;
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

  ex->f_bold_text = new_cell_format (ex);
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

/* Records what the sheet's writer asks for; ex_finish_sheet() applies it. */
void
ex_page_setup (Export      *ex,
               const Sheet *s,
               gboolean     landscape,
               int          repeat_first,
               int          repeat_last,
               guint        freeze_row,
               guint        freeze_col)
{
  Sheet *m = (Sheet *) s;

  m->landscape = landscape;
  m->repeat_first = repeat_first;
  m->repeat_last = repeat_last;
  m->freeze_row = freeze_row;
  m->freeze_col = freeze_col;
  m->repeat_cols = freeze_col;
  m->set_up = TRUE;
}

/* Paper (A4) and margins, in points. */
#define A4_SHORT 595.3
#define A4_LONG 841.9
#define MARGIN_SIDE_IN 0.4
#define MARGIN_TOP_IN 0.75
/* How wide a column prints, in points at 100 %: so much per unit of
 * width and so much per column, measured on LibreOffice's PDFs (its
 * substitute for 宋体 has wider digits than SimSun: Excel prints about
 * 5.3 per unit). The larger figures keep the scale safe in every
 * application. */
#define PT_PER_WIDTH_UNIT 6.7
#define PT_PER_COLUMN 4.7
/* Row height of one line of the body font, in points. */
#define LINE_PT 14.0
#define DEFAULT_ROW_PT 15.0
/* Excel's largest row height. */
#define MAX_ROW_PT 409.0

static double
row_height_of (GHashTable *heights,
               guint       row)
{
  gpointer h = g_hash_table_lookup (heights, GUINT_TO_POINTER (row + 1));

  return h != NULL ? GPOINTER_TO_UINT (h) / 10.0 : DEFAULT_ROW_PT;
}

/* Sets the height of every row with wrapped text and returns the heights
 * (row + 1 -> tenths of a point) of the rows it set. */
static GHashTable *
fit_row_heights (Export      *ex,
                 const Sheet *s)
{
  GHashTable *lines = g_hash_table_new (NULL, NULL);
  GHashTable *heights = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

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
      double height = MIN (LINE_PT * n + 2, MAX_ROW_PT);

      if (n > 1)
        {
          ex_check (ex, worksheet_set_row (s->ws, row, height, NULL), s, row, -1,
                    "a row height");
          g_hash_table_insert (heights, key, GUINT_TO_POINTER ((guint) (height * 10)));
        }
    }
  g_hash_table_unref (lines);
  return heights;
}

/* Page breaks before the blocks of @s (s->breaks) that would start low on
 * a page and fit on the next one, from the row heights and the page's
 * height at @scale. */
static void
set_page_breaks (Export      *ex,
                 const Sheet *s,
                 GHashTable  *heights,
                 double       scale)
{
  double page = ((s->landscape ? A4_SHORT : A4_LONG) - 2 * 72 * MARGIN_TOP_IN) / (scale / 100);
  double used = 0;
  guint first = s->repeat_last >= 0 ? (guint) s->repeat_last + 1 : 0;
  g_autoptr(GArray) rows = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));
  guint next_break = 0;

  if (s->breaks->len == 0 || s->last_row < 0)
    return;
  /* The repeated rows are on every page; the rows above them (a title)
   * on the first one. */
  for (int r = MAX (s->repeat_first, 0); r <= s->repeat_last; r++)
    page -= row_height_of (heights, r);
  for (int r = 0; r < s->repeat_first; r++)
    used += row_height_of (heights, r);
  if (page <= 0)
    return;
  for (guint r = first; r <= (guint) s->last_row; r++)
    {
      if (next_break < s->breaks->len && g_array_index (s->breaks, guint, next_break) == r)
        {
          guint end = next_break + 1 < s->breaks->len
                      ? g_array_index (s->breaks, guint, next_break + 1) : (guint) s->last_row + 1;
          double block = 0;

          for (guint k = r; k < end; k++)
            block += row_height_of (heights, k);
          /* A block that fits on a page but not on what is left of this
           * one starts a page; a block longer than a page starts where it
           * is. */
          if (r > first && used > 0 && used + block > page && block <= page)
            {
              lxw_row_t at = r;

              g_array_append_val (rows, at);
              used = 0;
            }
          next_break++;
        }
      used += row_height_of (heights, r);
      while (used > page)
        used -= page;
    }
  if (rows->len > 0 && rows->len < 1023)
    ex_check (ex, worksheet_set_h_pagebreaks (s->ws, (lxw_row_t *) rows->data), s, -1, -1,
              "the page breaks");
}

void
ex_finish_sheet (Export *ex,
                 Sheet  *s)
{
  const GaEnterpriseInfo *info = ex->opt->enterprise;
  g_autofree char *name = header_text (info != NULL && info->name != NULL ? info->name : "", 60);
  g_autofree char *title = header_text (ex_text_of (ex, ga_template_get_title (ex->tmpl)), 60);
  g_autofree char *header = NULL;
  g_autoptr(GHashTable) heights = NULL;
  const char *footer;
  double width = 0, printable, scale;
  int last_col;
  /* One percent more than the bare quotient: renderers round the scaled
   * font size down. */
  double min_scale = ceil (100 * EX_MIN_PRINT_PT / EX_BODY_PT) + 1;

  if (ex_failed (ex) || s->ws == NULL || !s->set_up)
    return;
  heights = fit_row_heights (ex, s);

  worksheet_set_paper (s->ws, 9 /* A4 */);
  if (s->landscape)
    worksheet_set_landscape (s->ws);
  else
    worksheet_set_portrait (s->ws);
  worksheet_set_margins (s->ws, MARGIN_SIDE_IN, MARGIN_SIDE_IN, MARGIN_TOP_IN, MARGIN_TOP_IN);
  worksheet_center_horizontally (s->ws);

  /* The scale that fits the columns on the page's width, but never below
   * what keeps the body text at EX_MIN_PRINT_PT: a sheet wider than that
   * goes on across pages rather than shrink its text. No "fit to page",
   * which would also drop the page breaks. */
  last_col = MIN (s->last_col, EX_HIDDEN_ZONE - 1);
  for (int c = 0; c <= last_col && c < MAX_TRACKED_COLS; c++)
    width += s->widths[c] * PT_PER_WIDTH_UNIT + PT_PER_COLUMN;
  printable = (s->landscape ? A4_LONG : A4_SHORT) - 2 * 72 * MARGIN_SIDE_IN;
  scale = width > 0 ? floor (100 * printable / width) : 100;
  scale = CLAMP (scale, min_scale, 100);
  worksheet_set_print_scale (s->ws, (uint16_t) scale);
  if (s->last_row >= 0 && last_col >= 0)
    ex_check (ex, worksheet_print_area (s->ws, 0, 0, s->last_row, last_col), s, -1, -1,
              "the print area");
  /* A sheet too wide for one page goes on across pages with its first
   * columns (the row's number and name) repeated. */
  if (scale == min_scale && width * scale / 100 > printable && s->repeat_cols > 0)
    ex_check (ex, worksheet_repeat_columns (s->ws, 0, s->repeat_cols - 1), s, -1, -1,
              "the columns repeated on every page");
  if (s->repeat_first >= 0)
    ex_check (ex, worksheet_repeat_rows (s->ws, s->repeat_first, s->repeat_last), s, -1, -1,
              "the rows repeated on every page");
  set_page_breaks (ex, s, heights, scale);

  header = g_strdup_printf ("&L%s&R%s", name, title);
  ex_check (ex, worksheet_set_header (s->ws, header), s, -1, -1, "the page header");
  footer = ex->zh ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N";
  ex_check (ex, worksheet_set_footer (s->ws, footer), s, -1, -1, "the page footer");
  if (s->freeze_row > 0 || s->freeze_col > 0)
    worksheet_freeze_panes (s->ws, s->freeze_row, s->freeze_col);
}
