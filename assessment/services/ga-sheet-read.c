/* ga-sheet-read.c: sheets as rows of text cells; the CSV reader
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ga-sheet-private.h"

G_DEFINE_QUARK (ga-sheet-error-quark, ga_sheet_error)

static void
row_free (gpointer data)
{
  GArray *row = data;

  if (row == NULL)
    return;
  for (guint i = 0; i < row->len; i++)
    g_free (g_array_index (row, GaSheetCell, i).text);
  g_array_unref (row);
}

GaSheet *
ga_sheet_new (const char    *name,
              GaSheetFormat  format)
{
  GaSheet *sheet = g_new0 (GaSheet, 1);

  sheet->name = g_strdup (name ? name : "");
  sheet->format = format;
  sheet->encoding = "UTF-8";
  sheet->rows = g_ptr_array_new_with_free_func (row_free);
  return sheet;
}

void
ga_sheet_free (GaSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

static gboolean
too_large (GError **error)
{
  g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_TOO_LARGE,
               _("The sheet has more than %u rows, %u columns or %u cells. "
                 "Copy the ledger's rows into a smaller sheet and import that."),
               GA_SHEET_MAX_ROWS, GA_SHEET_MAX_COLUMNS, GA_SHEET_MAX_CELLS);
  return FALSE;
}

gboolean
ga_sheet_set_cell (GaSheet         *sheet,
                   guint            row,
                   guint            column,
                   GaSheetCellKind  kind,
                   char            *text,
                   double           number,
                   guint            flags,
                   GError         **error)
{
  GArray *cells;
  GaSheetCell *cell;

  if (row >= GA_SHEET_MAX_ROWS || column >= GA_SHEET_MAX_COLUMNS
      || sheet->n_cells >= GA_SHEET_MAX_CELLS)
    {
      g_free (text);
      return too_large (error);
    }
  if (kind == GA_SHEET_CELL_BLANK)
    {
      g_free (text);
      return TRUE;
    }
  if (row >= sheet->rows->len)
    g_ptr_array_set_size (sheet->rows, row + 1);
  cells = g_ptr_array_index (sheet->rows, row);
  if (cells == NULL)
    {
      cells = g_array_new (FALSE, TRUE, sizeof (GaSheetCell));
      sheet->rows->pdata[row] = cells;
    }
  if (column >= cells->len)
    {
      sheet->n_cells += column + 1 - cells->len;
      if (sheet->n_cells > GA_SHEET_MAX_CELLS)
        {
          g_free (text);
          return too_large (error);
        }
      g_array_set_size (cells, column + 1);
    }
  cell = &g_array_index (cells, GaSheetCell, column);
  g_free (cell->text);
  cell->text = text;
  cell->number = number;
  cell->kind = kind;
  cell->flags = flags;
  sheet->n_columns = MAX (sheet->n_columns, column + 1);
  return TRUE;
}

const GaSheetCell *
ga_sheet_cell (const GaSheet *sheet,
               guint          row,
               guint          column)
{
  GArray *cells;

  g_return_val_if_fail (sheet != NULL, NULL);
  if (row >= sheet->rows->len)
    return NULL;
  cells = g_ptr_array_index (sheet->rows, row);
  if (cells == NULL || column >= cells->len)
    return NULL;
  if (g_array_index (cells, GaSheetCell, column).kind == GA_SHEET_CELL_BLANK)
    return NULL;
  return &g_array_index (cells, GaSheetCell, column);
}

void
ga_sheet_fill_merged (GaSheet *sheet,
                      guint    r0,
                      guint    c0,
                      guint    r1,
                      guint    c1)
{
  const GaSheetCell *first = ga_sheet_cell (sheet, r0, c0);
  GaSheetCell copy;

  if (first == NULL)
    return;
  copy = *first;
  /* A long range (a whole row or column merged) stops at the used area. */
  if (r1 - r0 >= 256)
    r1 = MAX (r0, MIN (r1, sheet->rows->len - 1));
  if (c1 - c0 >= 256)
    c1 = MAX (c0, MIN (c1, sheet->n_columns - 1));
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        if ((r == r0 && c == c0) || ga_sheet_cell (sheet, r, c) != NULL)
          continue;
        if (!ga_sheet_set_cell (sheet, r, c, copy.kind, g_strdup (copy.text), copy.number,
                                (copy.flags & GA_SHEET_CELL_DATE) | GA_SHEET_CELL_MERGED,
                                NULL))
          return;
      }
}

char *
ga_sheet_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* 15 significant digits: what a spreadsheet shows, so that a value
   * stored as 1032.9549999999999 reads 1032.955. */
  if (value == 0)
    return g_strdup ("0");
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  return g_strdup (buf);
}

const char *
ga_sheet_get_name (const GaSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return sheet->name;
}

GaSheetFormat
ga_sheet_get_format (const GaSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, GA_SHEET_FORMAT_CSV);
  return sheet->format;
}

const char *
ga_sheet_get_encoding (const GaSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return sheet->encoding;
}

char
ga_sheet_get_separator (const GaSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->separator;
}

guint
ga_sheet_get_n_rows (const GaSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->rows->len;
}

guint
ga_sheet_get_n_columns (const GaSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->n_columns;
}

const char *
ga_sheet_get_text (const GaSheet *sheet,
                   guint          row,
                   guint          column)
{
  const GaSheetCell *cell = ga_sheet_cell (sheet, row, column);

  return cell && cell->text ? cell->text : "";
}

GaSheetCellKind
ga_sheet_get_kind (const GaSheet *sheet,
                   guint          row,
                   guint          column)
{
  const GaSheetCell *cell = ga_sheet_cell (sheet, row, column);

  return cell ? cell->kind : GA_SHEET_CELL_BLANK;
}

GaSheetCellFlags
ga_sheet_get_flags (const GaSheet *sheet,
                    guint          row,
                    guint          column)
{
  const GaSheetCell *cell = ga_sheet_cell (sheet, row, column);

  return cell ? cell->flags : 0;
}

gboolean
ga_sheet_get_number (const GaSheet *sheet,
                     guint          row,
                     guint          column,
                     double        *value)
{
  const GaSheetCell *cell = ga_sheet_cell (sheet, row, column);

  if (cell == NULL)
    return FALSE;
  if (cell->kind == GA_SHEET_CELL_NUMBER)
    {
      if (value)
        *value = cell->number;
      return TRUE;
    }
  if (cell->kind == GA_SHEET_CELL_TEXT)
    return ga_sheet_parse_number (cell->text, value);
  return FALSE;
}

/* Full-width forms (U+FF01…U+FF5E) of the characters a number uses, and
 * the ideographic space, as ASCII; everything else as it is. */
static char *
number_to_ascii (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3000)
        g_string_append_c (out, ' ');
      else if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (out, (char) (c - 0xFF01 + 0x21));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Drops thousands separators when they sit every three digits before the
 * decimal point ("1,234,567.5"); FALSE when a comma is anywhere else. */
static gboolean
drop_thousands (char *s)
{
  char *dot = strchr (s, '.');
  gsize int_end = dot ? (gsize) (dot - s) : strlen (s);
  gsize digits_since = 0;
  gboolean seen_comma = FALSE, seen_digit = FALSE;
  char *w = s;

  if (strchr (s, ',') == NULL)
    return TRUE;
  for (gsize i = 0; i < int_end; i++)
    {
      if (s[i] == ',')
        {
          if (!seen_digit || (seen_comma && digits_since != 3) || digits_since > 3)
            return FALSE;
          seen_comma = TRUE;
          digits_since = 0;
          continue;
        }
      if (g_ascii_isdigit (s[i]))
        {
          seen_digit = TRUE;
          digits_since++;
        }
    }
  if (seen_comma && digits_since != 3)
    return FALSE;
  if (dot && strchr (dot, ','))
    return FALSE;
  for (const char *r = s; *r; r++)
    if (*r != ',')
      *w++ = *r;
  *w = '\0';
  return TRUE;
}

gboolean
ga_sheet_parse_number (const char *text,
                       double     *value)
{
  g_autofree char *s = NULL;
  char *start, *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  s = number_to_ascii (text);
  g_strstrip (s);
  start = s;
  if (*start == '+')
    start++;
  if (*start == '\0' || !(g_ascii_isdigit (*start) || *start == '-' || *start == '.'))
    return FALSE;
  if (!drop_thousands (start))
    return FALSE;
  errno = 0;
  v = g_ascii_strtod (start, &end);
  if (end == start || *end != '\0' || errno == ERANGE || !isfinite (v))
    return FALSE;
  /* g_ascii_strtod() also reads hexadecimal and "inf": a ledger has neither. */
  for (const char *p = start; *p; p++)
    if (!(g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == 'e' || *p == 'E'
          || *p == '+'))
      return FALSE;
  if (value)
    *value = v;
  return TRUE;
}

char *
ga_sheet_column_name (guint column)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      column--;
      buf[--i] = (char) ('A' + column % 26);
      column /= 26;
    }
  return g_strdup (buf + i);
}

/* ---- CSV ---- */

/* The text of @data in UTF-8, with the encoding it was read in. */
static char *
csv_to_utf8 (const char  *data,
             gsize        len,
             const char **encoding,
             gsize       *out_len,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize written = 0;
  char *text;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *from = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";

      *encoding = "UTF-16";
      text = g_convert (data + 2, len - 2, "UTF-8", from, NULL, &written, &local);
      if (text == NULL)
        goto bad;
      *out_len = written;
      return text;
    }
  if (g_utf8_validate_len (data, len, NULL))
    {
      *encoding = "UTF-8";
      *out_len = len;
      return g_strndup (data, len);
    }
  *encoding = "GB18030";
  text = g_convert (data, len, "UTF-8", "GB18030", NULL, &written, &local);
  if (text != NULL && g_utf8_validate_len (text, written, NULL))
    {
      *out_len = written;
      return text;
    }
  g_free (text);
bad:
  g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_ENCODING,
               _("The file is neither UTF-8, UTF-16 nor GB18030 (GBK) text. "
                 "Save it again as CSV UTF-8 or as an Excel workbook (.xlsx)."));
  return NULL;
}

/* The separator whose count per line is the same on most of the first
 * lines (outside quotes): comma, then tab, then semicolon on a tie. */
static char
csv_guess_separator (const char *text,
                     gsize       len)
{
  static const char candidates[] = { ',', '\t', ';' };
  guint counts[3][20] = { { 0 } };
  guint line = 0;
  gboolean quoted = FALSE;
  char best = ',';
  guint best_score = 0;

  for (gsize i = 0; i < len && line < 20; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == '\n')
        line++;
      else if (!quoted)
        for (guint k = 0; k < 3; k++)
          if (c == candidates[k])
            counts[k][line]++;
    }
  if (line < 20 && len > 0)
    line++;
  for (guint k = 0; k < 3; k++)
    {
      guint score = 0;

      /* Lines with as many separators as the first line, if it has any. */
      if (counts[k][0] == 0)
        continue;
      for (guint l = 0; l < line; l++)
        if (counts[k][l] == counts[k][0])
          score += 1 + counts[k][l];
      if (score > best_score)
        {
          best_score = score;
          best = candidates[k];
        }
    }
  if (best_score == 0)
    for (guint k = 0; k < 3; k++)
      for (guint l = 0; l < line; l++)
        if (counts[k][l] > 0)
          return candidates[k];
  return best;
}

static gboolean
csv_add_field (GaSheet  *sheet,
               guint     row,
               guint     column,
               GString  *field,
               GError  **error)
{
  char *text;
  double v;

  if (field->len == 0)
    return TRUE;
  text = g_strndup (field->str, field->len);
  g_string_truncate (field, 0);
  if (ga_sheet_parse_number (text, &v))
    return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_NUMBER, text, v, 0, error);
  return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_TEXT, text, 0, 0, error);
}

static gboolean
csv_parse (GaSheet    *sheet,
           const char *text,
           gsize       len,
           char        sep,
           GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  guint row = 0, column = 0;
  gboolean quoted = FALSE, row_used = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < len && text[i + 1] == '"')
            g_string_append_c (field, text[i++]);
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
          continue;
        }
      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          row_used = TRUE;
        }
      else if (c == sep)
        {
          if (!csv_add_field (sheet, row, column++, field, error))
            return FALSE;
          row_used = TRUE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
          if (!csv_add_field (sheet, row, column, field, error))
            return FALSE;
          row++;
          column = 0;
          row_used = FALSE;
        }
      else
        {
          g_string_append_c (field, c);
          row_used = TRUE;
        }
    }
  if (row_used && !csv_add_field (sheet, row, column, field, error))
    return FALSE;
  return TRUE;
}

GaSheet *
ga_sheet_read_csv_data (const char  *data,
                        gsize        len,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(GaSheet) sheet = NULL;
  g_autofree char *text = NULL;
  const char *encoding = "UTF-8";
  gsize text_len = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > GA_SHEET_MAX_FILE_BYTES)
    {
      too_large (error);
      return NULL;
    }
  text = csv_to_utf8 (data ? data : "", len, &encoding, &text_len, error);
  if (text == NULL)
    return NULL;
  sheet = ga_sheet_new (name, GA_SHEET_FORMAT_CSV);
  sheet->encoding = encoding;
  sheet->separator = csv_guess_separator (text, text_len);
  if (!csv_parse (sheet, text, text_len, sheet->separator, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

/* ---- files ---- */

char
ga_sheet_sniff (const char  *path,
                GError     **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  unsigned char head[4096];
  size_t n;
  FILE *f;

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot open “%s”: %s."), shown, g_strerror (saved));
      return 0;
    }
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  if (n >= 4 && memcmp (head, "PK\x03\x04", 4) == 0)
    return 'x';
  if (n >= 8 && memcmp (head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return 'o';
  if (n >= 2 && (memcmp (head, "\xFF\xFE", 2) == 0 || memcmp (head, "\xFE\xFF", 2) == 0))
    return 't';
  if (memchr (head, '\0', n) != NULL)
    return 'b';
  return 't';
}

static char *
csv_sheet_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *shown = g_filename_display_name (base);
  char *dot = strrchr (shown, '.');

  if (dot && dot != shown)
    *dot = '\0';
  return g_steal_pointer (&shown);
}

static GaSheet *
read_csv_file (const char  *path,
               const char  *sheet_name,
               GError     **error)
{
  g_autofree char *name = csv_sheet_name (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;
  gsize len = 0;

  if (sheet_name != NULL && *sheet_name && g_utf8_collate (sheet_name, name) != 0)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_SHEET_NOT_FOUND,
                   _("“%s” is a CSV file with one sheet, “%s”; there is no sheet “%s”."),
                   shown, name, sheet_name);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && st.st_size > GA_SHEET_MAX_FILE_BYTES)
    {
      too_large (error);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return ga_sheet_read_csv_data (data, len, name, error);
}

static void
set_not_spreadsheet (const char *path,
                     char        kind,
                     GError    **error)
{
  g_autofree char *shown = g_filename_display_name (path);

  if (kind == 'o')
    g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_UNSUPPORTED,
                 _("“%s” is an old Excel 97–2003 workbook (.xls) or another Office "
                   "file. Open it in a spreadsheet and save it as an Excel workbook "
                   "(.xlsx) or CSV, then import that."), shown);
  else
    g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_NOT_SPREADSHEET,
                 _("“%s” is not a spreadsheet: import an Excel workbook (.xlsx) "
                   "or a CSV file."), shown);
}

GaSheet *
ga_sheet_read_file (const char  *path,
                    const char  *sheet_name,
                    GError     **error)
{
  char kind;

  g_return_val_if_fail (path != NULL, NULL);

  kind = ga_sheet_sniff (path, error);
  switch (kind)
    {
    case 'x':
      return ga_sheet_read_xlsx (path, sheet_name, error);
    case 't':
      return read_csv_file (path, sheet_name, error);
    case 'o':
      if (ga_sheet_ole_is_encrypted (path))
        {
          g_autofree char *shown = g_filename_display_name (path);

          g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_ENCRYPTED,
                       _("“%s” is protected with a password. Open it in a spreadsheet, "
                         "remove the password (or save an unprotected copy) and "
                         "import that."), shown);
          return NULL;
        }
      set_not_spreadsheet (path, kind, error);
      return NULL;
    case 'b':
      set_not_spreadsheet (path, kind, error);
      return NULL;
    default:
      return NULL;
    }
}

char **
ga_sheet_list_sheets (const char  *path,
                      GError     **error)
{
  g_autoptr(GaSheet) sheet = NULL;
  char kind;

  g_return_val_if_fail (path != NULL, NULL);

  kind = ga_sheet_sniff (path, error);
  if (kind == 'x')
    return ga_sheet_list_xlsx (path, error);
  if (kind == 't')
    {
      char **names = g_new0 (char *, 2);

      names[0] = csv_sheet_name (path);
      return names;
    }
  if (kind != 0)
    {
      /* The same message as reading it. */
      sheet = ga_sheet_read_file (path, NULL, error);
      g_assert (sheet == NULL);
    }
  return NULL;
}
