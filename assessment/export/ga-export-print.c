/* ga-export-print.c: how the sheets print: row heights, scale, print area, repeated rows,
 * page breaks, header and footer
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each sheet's writer says what it wants (ex_page_setup(): orientation,
 * the rows repeated on every page, the panes) and where a block starts
 * (ex_break_before()); ex_finish_sheet() applies it once every row is
 * written, when the heights of the rows are known.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"

/* Appends to @widths the width of each paragraph of @text in Excel's
 * width unit (CJK characters count two) and returns their number. */
guint
ex_paragraph_widths (const char *text,
                     GArray     *widths)
{
  guint n = 0;
  double units = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || c == '\n')
        {
          g_array_append_val (widths, units);
          n++;
          units = 0;
          if (c == 0)
            break;
          continue;
        }
      units += g_unichar_iswide (c) ? 2.0 : 1.1;
    }
  return n;
}

/* Lines that paragraphs of these widths take in a column @width
 * characters wide. */
static guint
paragraph_lines (const double *paragraphs,
                 guint         n,
                 double        width)
{
  double room = MAX (width - 1, 1);
  guint lines = 0;

  for (guint i = 0; i < n; i++)
    lines += MAX (1, (guint) ceil (paragraphs[i] / room));
  return lines;
}

/* Lines @text takes in a column @width characters wide. */
static guint
text_lines (const char *text,
            double      width)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = ex_paragraph_widths (text, widths);

  return paragraph_lines ((const double *) widths->data, n, width);
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

void
ex_note_sheet_title (const Sheet *s,
                     const char  *text)
{
  Sheet *m = (Sheet *) s;

  g_free (m->title);
  m->title = g_strdup (text);
}

void
ex_note_block_title (const Sheet *s,
                     guint        row,
                     const char  *text)
{
  WrappedText w = { row, 0, g_strdup (text) };

  g_array_append_val (s->block_titles, w);
}

/* A sheet that goes on across pages repeats its first columns on each
 * page, and a title in the first column that runs on to the right would
 * be cut at their edge on every page after the first. So the sheet's
 * title goes to the page header of every page (and its row out of the
 * print area), and each block's title is merged over the repeated
 * columns and wraps in them. Returns the width the titles wrap in. */
static double
keep_titles_whole (Export *ex,
                   Sheet  *s)
{
  double width = 0;
  lxw_format *f;

  if (s->title != NULL && s->repeat_first == 0)
    {
      /* The title row was the one repeated: now the page header is. */
      s->repeat_first = s->repeat_last > 0 ? 1 : -1;
      if (s->repeat_first < 0)
        s->repeat_last = -1;
    }
  if (s->block_titles->len == 0 || s->repeat_cols < 2)
    return 0;
  for (guint c = 0; c < s->repeat_cols && c < MAX_TRACKED_COLS; c++)
    width += s->widths[c];
  f = workbook_add_format (ex->wb);
  format_set_font_name (f, "宋体");
  format_set_font_size (f, EX_BODY_PT);
  format_set_bold (f);
  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  for (guint i = 0; i < s->block_titles->len; i++)
    {
      const WrappedText *w = &g_array_index (s->block_titles, WrappedText, i);

      ex_check (ex, worksheet_merge_range (s->ws, w->row, 0, w->row, s->repeat_cols - 1, w->text,
                                           f), s, w->row, 0, "a table title");
    }
  return width;
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
static void
note_lines (GHashTable *lines,
            guint       row,
            guint       n)
{
  guint old = GPOINTER_TO_UINT (g_hash_table_lookup (lines, GUINT_TO_POINTER (row + 1)));

  if (n > old)
    g_hash_table_insert (lines, GUINT_TO_POINTER (row + 1), GUINT_TO_POINTER (n));
}

/* @title_width: the width the block titles wrap in, 0 when they run on
 * to the right instead. */
static GHashTable *
fit_row_heights (Export      *ex,
                 const Sheet *s,
                 double       title_width)
{
  GHashTable *lines = g_hash_table_new (NULL, NULL);
  GHashTable *heights = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < s->wrapped->len; i++)
    {
      const WrappedCell *w = &g_array_index (s->wrapped, WrappedCell, i);

      note_lines (lines, w->row,
                  paragraph_lines (&g_array_index (s->paragraphs, double, w->first), w->n,
                                   s->widths[w->col]));
    }
  for (guint i = 0; title_width > 0 && i < s->block_titles->len; i++)
    {
      const WrappedText *w = &g_array_index (s->block_titles, WrappedText, i);

      note_lines (lines, w->row, text_lines (w->text, title_width));
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
  double width = 0, printable, scale, title_width = 0;
  gboolean spills;
  int last_col, first_row;
  /* One percent more than the bare quotient: renderers round the scaled
   * font size down. */
  double min_scale = ceil (100 * EX_MIN_PRINT_PT / EX_BODY_PT) + 1;

  if (ex_failed (ex) || s->ws == NULL || !s->set_up)
    return;

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
  spills = scale == min_scale && width * scale / 100 > printable && s->repeat_cols > 0;
  if (spills)
    title_width = keep_titles_whole (ex, s);
  heights = fit_row_heights (ex, s, title_width);

  worksheet_set_paper (s->ws, 9 /* A4 */);
  if (s->landscape)
    worksheet_set_landscape (s->ws);
  else
    worksheet_set_portrait (s->ws);
  worksheet_set_margins (s->ws, MARGIN_SIDE_IN, MARGIN_SIDE_IN, MARGIN_TOP_IN, MARGIN_TOP_IN);
  worksheet_center_horizontally (s->ws);

  worksheet_set_print_scale (s->ws, (uint16_t) scale);
  /* The sheet's title is in the page header of a sheet that spills. */
  first_row = spills && s->title != NULL ? 1 : 0;
  if (s->last_row >= first_row && last_col >= 0)
    ex_check (ex, worksheet_print_area (s->ws, first_row, 0, s->last_row, last_col), s, -1, -1,
              "the print area");
  /* A sheet too wide for one page goes on across pages with its first
   * columns (the row's number and name) repeated. */
  if (spills)
    ex_check (ex, worksheet_repeat_columns (s->ws, 0, s->repeat_cols - 1), s, -1, -1,
              "the columns repeated on every page");
  if (s->repeat_first >= 0)
    ex_check (ex, worksheet_repeat_rows (s->ws, s->repeat_first, s->repeat_last), s, -1, -1,
              "the rows repeated on every page");
  set_page_breaks (ex, s, heights, scale);

  if (spills && s->title != NULL)
    {
      g_autofree char *sheet_title = header_text (s->title, 40);

      header = g_strdup_printf ("&L%s&C&B%s&B&R%s", name, sheet_title, title);
    }
  else
    header = g_strdup_printf ("&L%s&R%s", name, title);
  ex_check (ex, worksheet_set_header (s->ws, header), s, -1, -1, "the page header");
  footer = ex->zh ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N";
  ex_check (ex, worksheet_set_footer (s->ws, footer), s, -1, -1, "the page footer");
  if (s->freeze_row > 0 || s->freeze_col > 0)
    worksheet_freeze_panes (s->ws, s->freeze_row, s->freeze_col);
}
