/* ga-report-builder-table.c: a data table of the report sized to what its
 * cells hold, and set in parts when it is wider than the page
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every column gets two widths, estimated from its header and its cells:
 * the width it wants (its header on two lines, its numbers and short texts
 * on one, longer texts wrapped at twelve characters) and the tightest it
 * stays legible at (its header on three lines, no word nor number broken).
 * A table whose tight widths fit on the text width of a portrait page is
 * one table, its columns between the two. A wider one (the options
 * register of a clean-production audit has seventeen columns) is set as
 * several tables one after the other, each with the row's key columns
 * first and as many further columns as fit, the parts as even as they can
 * be; a note before the first part says so and each further part is
 * marked as continued. No column is left out. A landscape page would not
 * hold the widest tables either: its text is 662 pt wide, and the tight
 * widths of the options register's sixteen filled columns add up to
 * 691 pt in Chinese and 1050 pt in English (the energy table's fifteen:
 * 756 and 1140 pt).
 *
 * The widths are estimated from the characters rather than measured with
 * the fonts, so a report is laid out the same on every machine: a CJK
 * character is one em, Latin letters and digits a little over half of
 * one (the widest of the serif faces the writers end up with).
 */
#include "config.h"

#include <string.h>

#include "ga-report-builder-private.h"

#define TEXT_WRAP_EM   12.0  /* a text cell wraps beyond this width */
#define TEXT_TIGHT_EM   6.0  /* ... and at this width when the page is short of room */
#define COLUMN_MIN_EM   2.0  /* the narrowest column */
#define KEY_CODE_EM     6.0  /* a first column this narrow is a code: the next one names the row */
#define BOLD_FACTOR     1.15 /* header text is bold (DejaVu Serif Bold is this much wider) */
#define BORDER_SLACK    1.5  /* points: the rules between cells */

/* The width of character @c in ems of the table text, on the wide side:
 * the DOCX asks for Times New Roman, which LibreOffice without it sets in
 * DejaVu Serif, whose digits are 0.64 em and its lower case letters 0.58
 * on average. */
static double
char_em (gunichar c)
{
  if (g_unichar_iswide (c) || c == 'W' || c == 'M')
    return 1.0;
  if (c == 'm' || c == 'w')
    return 0.9;
  if (c == ' ')
    return 0.32;
  if (c < 128 && strchr (".,:;'!|()[]", (int) c) != NULL)
    return 0.4;
  if (c < 128 && g_ascii_isdigit (c))
    return 0.64;
  if (c < 128 && g_ascii_isupper (c))
    return 0.74;
  if (c < 128 && g_ascii_islower (c))
    return 0.58;
  return 0.68;
}

/* The widest line of @text and its longest run that cannot be broken
 * (lines break at spaces, after a hyphen or a slash and on either side of
 * a CJK character), in ems. */
static void
measure (const char *text,
         double     *line_em,
         double     *word_em)
{
  double line = 0, word = 0;

  *line_em = 0;
  *word_em = 0;
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double w = char_em (c);

      if (c == '\n')
        {
          *line_em = MAX (*line_em, line);
          *word_em = MAX (*word_em, word);
          line = word = 0;
          continue;
        }
      line += w;
      if (c == ' ' || g_unichar_iswide (c))
        {
          *word_em = MAX (*word_em, word);
          word = 0;
          if (c != ' ')
            *word_em = MAX (*word_em, w);
        }
      else if ((c == '-' || c == '/') && word > 0)
        {
          /* "Mid/long-term": the line may break after either. */
          *word_em = MAX (*word_em, word + w);
          word = 0;
        }
      else
        word += w;
    }
  *line_em = MAX (*line_em, line);
  *word_em = MAX (*word_em, word);
}

typedef struct {
  double tight;   /* points, padding included */
  double want;
} Fit;

static Fit
column_fit (guint               c,
            const char         *header,
            GPtrArray          *rows,
            gboolean            numeric)
{
  double size = ga_doc_get_table_text_size ();
  double extra = 2 * ga_doc_get_cell_padding () + BORDER_SLACK;
  double head_line, head_word, body_line = 0, body_word = 0;
  double tight, want;
  Fit fit;

  measure (header, &head_line, &head_word);
  head_line *= BOLD_FACTOR;
  head_word *= BOLD_FACTOR;
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *cells = g_ptr_array_index (rows, i);
      double line, word;

      measure (cells[c], &line, &word);
      body_line = MAX (body_line, line);
      body_word = MAX (body_word, word);
    }
  if (numeric)
    {
      /* A number is never broken (it is one word); a message such as
       * 数据不全 in a column of numbers may be. */
      want = MIN (body_line, TEXT_WRAP_EM);
      tight = body_word;
    }
  else
    {
      want = MIN (body_line, TEXT_WRAP_EM);
      tight = MAX (body_word, MIN (body_line, TEXT_TIGHT_EM));
    }
  want = MAX (MAX (want, head_word), head_line / 2);
  tight = MAX (MAX (tight, head_word), head_line / 3);
  fit.want = MAX (want, COLUMN_MIN_EM) * size + extra;
  fit.tight = MAX (tight, COLUMN_MIN_EM) * size + extra;
  /* A single word longer than the page is wrapped by the writers. */
  fit.tight = MIN (fit.tight, ga_doc_get_text_width () / 2);
  fit.want = MIN (MAX (fit.want, fit.tight), ga_doc_get_text_width ());
  return fit;
}

/* The widths of the columns @cols (n of them) on the text width @room:
 * what they want when that fits, else their tight widths and the rest of
 * the room shared in proportion to what each still wants. */
static void
allot (const Fit   *fits,
       const guint *cols,
       guint        n,
       double       room,
       double      *widths)
{
  double sum_want = 0, sum_tight = 0;

  for (guint i = 0; i < n; i++)
    {
      sum_want += fits[cols[i]].want;
      sum_tight += fits[cols[i]].tight;
    }
  for (guint i = 0; i < n; i++)
    {
      const Fit *f = &fits[cols[i]];

      if (sum_want <= room)
        widths[i] = f->want;
      else if (sum_tight < room && sum_want > sum_tight)
        widths[i] = f->tight + (f->want - f->tight) * (room - sum_tight) / (sum_want - sum_tight);
      else
        widths[i] = f->tight;
    }
}

/* How many parts the columns from @first on take when each part holds at
 * most @capacity points of tight widths (at least one column each); with
 * @part_of, which part each column goes to. */
static guint
pack (const Fit *fits,
      guint      first,
      guint      n_cols,
      double     capacity,
      guint     *part_of)
{
  guint parts = 0;
  double used = 0;

  for (guint c = first; c < n_cols; c++)
    {
      if (parts == 0 || used + fits[c].tight > capacity)
        {
          parts++;
          used = 0;
        }
      used += fits[c].tight;
      if (part_of != NULL)
        part_of[c] = parts - 1;
    }
  return parts;
}

/* How many of the first columns name the row and are repeated in every
 * part: the first, and the second too when the first is a short code
 * (编号, 序号) and the second is text (the option's or supplier's name). */
static guint
key_columns (const Fit      *fits,
             guint           n_cols,
             const gboolean *numeric,
             double          room)
{
  double code = KEY_CODE_EM * ga_doc_get_table_text_size ()
                + 2 * ga_doc_get_cell_padding () + BORDER_SLACK;

  if (n_cols >= 3 && !numeric[1] && fits[0].tight <= code
      && fits[0].tight + fits[1].tight <= room / 2)
    return 2;
  return 1;
}

static char *
key_names (Report             *r,
           const char * const *header,
           guint               n_keys)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < n_keys; k++)
    {
      if (k > 0)
        g_string_append (out, tr (r, "、", ", "));
      g_string_append_printf (out, "“%s”", header[k]);
    }
  return g_string_free (out, FALSE);
}

static void
add_part (Report             *r,
          const guint        *cols,
          guint               n,
          const Fit          *fits,
          const char * const *header,
          GPtrArray          *rows,
          const gboolean     *numeric)
{
  g_autofree double *widths = g_new (double, n);
  g_autofree const char **head = g_new0 (const char *, n + 1);
  g_autofree const char **cells = g_new0 (const char *, n + 1);
  GaDocTable *t;

  allot (fits, cols, n, ga_doc_get_text_width (), widths);
  for (guint i = 0; i < n; i++)
    head[i] = header[cols[i]];
  t = table (r, n, widths, head);
  for (guint i = 0; i < n; i++)
    if (numeric[cols[i]])
      ga_doc_table_set_column_align (t, i, GA_DOC_ALIGN_END);
  for (guint row = 0; row < rows->len; row++)
    {
      const char * const *all = g_ptr_array_index (rows, row);

      for (guint i = 0; i < n; i++)
        cells[i] = all[cols[i]];
      ga_doc_table_add_row (t, cells);
    }
}

guint
_ga_report_add_fitted_table (Report             *r,
                             guint               n_cols,
                             const char * const *header,
                             GPtrArray          *rows,
                             const gboolean     *numeric)
{
  double room = ga_doc_get_text_width ();
  g_autofree Fit *fits = g_new (Fit, n_cols);
  g_autofree guint *part_of = g_new0 (guint, n_cols);
  g_autofree guint *cols = g_new (guint, n_cols);
  g_autofree char *keys = NULL;
  double sum = 0, keys_w = 0, lo = 0, hi;
  guint n_keys, n_parts;

  g_return_val_if_fail (n_cols > 0, 0);

  for (guint c = 0; c < n_cols; c++)
    {
      fits[c] = column_fit (c, header[c], rows, numeric[c]);
      sum += fits[c].tight;
    }
  if (sum <= room || n_cols == 1)
    {
      for (guint c = 0; c < n_cols; c++)
        cols[c] = c;
      add_part (r, cols, n_cols, fits, header, rows, numeric);
      return 1;
    }

  n_keys = key_columns (fits, n_cols, numeric, room);
  for (guint k = 0; k < n_keys; k++)
    keys_w += fits[k].tight;
  hi = MAX (room - keys_w, 1);
  for (guint c = n_keys; c < n_cols; c++)
    lo = MAX (lo, fits[c].tight);
  /* The fewest parts, then the smallest capacity that still gives that
   * many: the columns spread evenly instead of a last part of one. */
  n_parts = pack (fits, n_keys, n_cols, hi, NULL);
  for (guint step = 0; step < 40 && hi - lo > 0.5; step++)
    {
      double mid = (lo + hi) / 2;

      if (pack (fits, n_keys, n_cols, mid, NULL) <= n_parts)
        hi = mid;
      else
        lo = mid;
    }
  pack (fits, n_keys, n_cols, hi, part_of);

  keys = key_names (r, header, n_keys);
  for (guint p = 0; p < n_parts; p++)
    {
      g_autofree char *note = NULL;
      guint n = 0;

      for (guint k = 0; k < n_keys; k++)
        cols[n++] = k;
      for (guint c = n_keys; c < n_cols; c++)
        if (part_of[c] == p)
          cols[n++] = c;
      if (p == 0)
        note = TR_PRINTF (r, "本表共 %u 列，页面宽度容纳不下，分 %u 部分排列，各部分均以%s列开头。",
                          "The table's %u columns are wider than the page: it is set in %u "
                          "parts, each starting with %s.",
                          n_cols, n_parts, keys);
      else
        note = TR_PRINTF (r, "续表（第 %u 部分，共 %u 部分）", "Continued (part %u of %u)",
                          p + 1, n_parts);
      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, note);
      add_part (r, cols, n, fits, header, rows, numeric);
    }
  return n_parts;
}
