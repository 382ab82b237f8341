/* ga-doc-pdf.c: a GaDoc as PDF, laid out with Pango and drawn with cairo
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is laid out twice with the same code. The first pass draws
 * nothing and records on which page each heading lands and how many pages
 * there are; the second draws, so the footer can say "第 N 页 共 M 页" and
 * the table of contents can give page numbers. Both passes measure text in
 * one PangoContext with hinting off, so they break lines and pages at the
 * same places; the table of contents reserves a fixed width for its page
 * numbers, so knowing them does not move anything.
 *
 * Units are PDF points throughout (the context's resolution is 72 dpi, so
 * a 10.5 pt font is 10.5 units tall).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "ga-doc-private.h"

#define PT_PER_MM (72.0 / 25.4)

#define LINE_SPACING       1.3    /* body text, as a factor of the font's line height */
#define CELL_LINE_SPACING  1.1
#define CELL_PAD_X         4.0
#define CELL_PAD_Y         3.0
#define BORDER_WIDTH       0.6
#define BULLET_INDENT      18.0
#define TOC_NUMBER_WIDTH   36.0
#define TOC_LEVEL_INDENT   21.0   /* two characters of body text */

typedef struct {
  GaDoc           *doc;
  cairo_t         *cr;            /* NULL while measuring */
  cairo_surface_t *surface;
  PangoContext    *pango;
  GPtrArray       *images;        /* cairo_surface_t per block (NULL for other blocks) */
  char            *body_family;
  char            *heading_family;

  double           left, right, top, bottom, width, page_w, page_h;
  double           y;
  guint            page;          /* 1-based */
  gboolean         page_empty;    /* nothing placed on the current page yet */
  guint            n_pages;       /* from the measuring pass; 0 while measuring */
  guint           *heading_pages; /* filled while measuring, read while drawing */
  int              outline_ids[4];
} Pdf;

/* ------------------------------------------------------------------ text */

static PangoLayout *
new_layout (Pdf           *pdf,
            const char    *family,
            double         size,
            gboolean       bold,
            double         width,
            PangoAlignment align,
            double         spacing)
{
  PangoLayout *layout = pango_layout_new (pdf->pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, (int) lround (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_line_spacing (layout, spacing);
  return layout;
}

/* A line break inside a paragraph ("\n" in the model) is U+2028 for
 * Pango, which would otherwise start a new paragraph there and indent its
 * first line again; Word's w:br does not. */
static void
append_pango_text (GString    *out,
                   const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\xe2\x80\xa8");
      else
        g_string_append_c (out, *p);
    }
}

static void
set_text (PangoLayout *layout,
          const char  *text)
{
  g_autoptr(GString) converted = g_string_new (NULL);

  append_pango_text (converted, text);
  pango_layout_set_text (layout, converted->str, (int) converted->len);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static PangoAlignment
pango_align (GaDocAlign align)
{
  switch (align)
    {
    case GA_DOC_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case GA_DOC_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case GA_DOC_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* One line of a layout: its top, bottom and baseline relative to the
 * layout's top, in points. */
typedef struct {
  double top;
  double bottom;
  double baseline;
} LineBox;

static GArray *
line_boxes (PangoLayout *layout)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      LineBox box;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      box.top = (double) y0 / PANGO_SCALE;
      box.bottom = (double) y1 / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (boxes, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return boxes;
}

/* Draws line `index` of `layout` so that the layout's top is at `top`. */
static void
show_line (Pdf         *pdf,
           PangoLayout *layout,
           int          index,
           double       x,
           double       top)
{
  PangoLayoutIter *iter;
  PangoRectangle logical;
  double baseline;

  if (pdf->cr == NULL)
    return;
  iter = pango_layout_get_iter (layout);
  for (int i = 0; i < index; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  cairo_move_to (pdf->cr, x + (double) logical.x / PANGO_SCALE, top + baseline);
  pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
  pango_layout_iter_free (iter);
}

static void
show_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             double       y)
{
  if (pdf->cr == NULL)
    return;
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* ------------------------------------------------------------------ pages */

static void
draw_page_furniture (Pdf *pdf)
{
  const char *running = ga_doc_get_running_title (pdf->doc);
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (pdf->cr == NULL)
    return;

  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  if (running != NULL && *running != '\0')
    {
      double rule = pdf->top - 5 * PT_PER_MM;
      double h;

      layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_SMALL, FALSE, pdf->width,
                           PANGO_ALIGN_CENTER, 1.0);
      set_text (layout, running);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      h = layout_height (layout);
      show_layout (pdf, layout, pdf->left, rule - 2 - h);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_move_to (pdf->cr, pdf->left, rule);
      cairo_line_to (pdf->cr, pdf->right, rule);
      cairo_stroke (pdf->cr);
      g_clear_object (&layout);
    }

  if (ga_doc_get_language (pdf->doc) == GA_DOC_LANG_ZH_CN)
    footer = g_strdup_printf ("第 %u 页 共 %u 页", pdf->page, pdf->n_pages);
  else
    footer = g_strdup_printf ("Page %u of %u", pdf->page, pdf->n_pages);
  layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_SMALL, FALSE, pdf->width,
                       PANGO_ALIGN_CENTER, 1.0);
  pango_layout_set_text (layout, footer, -1);
  show_layout (pdf, layout, pdf->left, pdf->bottom + 6 * PT_PER_MM);
}

static void
begin_page (Pdf *pdf)
{
  pdf->page++;
  pdf->y = pdf->top;
  pdf->page_empty = TRUE;
  draw_page_furniture (pdf);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->cr != NULL)
    cairo_show_page (pdf->cr);
  begin_page (pdf);
}

/* Makes room for `height` points: a new page unless they fit or the page
 * is still empty (then nothing would fit better on the next one). */
static void
need (Pdf    *pdf,
      double  height)
{
  if (pdf->y + height > pdf->bottom + 0.01 && !pdf->page_empty)
    new_page (pdf);
}

/* Places a layout line by line, breaking pages between lines. `marker`,
 * if given, is drawn at `marker_x` on the first line (a bullet). */
static void
flow_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             PangoLayout *marker,
             double       marker_x)
{
  g_autoptr(GArray) boxes = line_boxes (layout);

  for (guint i = 0; i < boxes->len; i++)
    {
      LineBox *box = &g_array_index (boxes, LineBox, i);
      double h = box->bottom - box->top;
      double top;

      need (pdf, h);
      top = pdf->y - box->top;
      show_line (pdf, layout, (int) i, x, top);
      if (i == 0 && marker != NULL && pdf->cr != NULL)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (marker);
          double marker_base = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_free (iter);
          show_layout (pdf, marker, marker_x, top + box->baseline - marker_base);
        }
      pdf->y += h;
      pdf->page_empty = FALSE;
    }
}

/* Vertical space that disappears at the top of a page. */
static void
space (Pdf    *pdf,
       double  points)
{
  if (!pdf->page_empty)
    pdf->y += points;
}

/* ------------------------------------------------------------------ blocks */

static const double heading_sizes[] = { GA_DOC_SIZE_H1, GA_DOC_SIZE_H2, GA_DOC_SIZE_H3 };
static const double heading_before[] = { 18, 12, 9 };
static const double heading_after[] = { 9, 6, 4 };

/* Adds the heading to the PDF's bookmarks, under the nearest heading of a
 * higher level above it. */
static void
add_outline (Pdf        *pdf,
             GaDocBlock *block)
{
  guint level = block->level;
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  g_autofree char *link = g_strdup_printf ("dest='h%u'", block->heading_index);

  for (guint up = level - 1; up >= 1; up--)
    if (pdf->outline_ids[up] > 0)
      {
        parent = pdf->outline_ids[up];
        break;
      }
  pdf->outline_ids[level] = cairo_pdf_surface_add_outline (pdf->surface, parent, block->text, link,
                                                           level == 1
                                                           ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
  for (guint down = level + 1; down < G_N_ELEMENTS (pdf->outline_ids); down++)
    pdf->outline_ids[down] = 0;
}

static void
place_heading (Pdf        *pdf,
               GaDocBlock *block)
{
  guint l = block->level - 1;
  g_autoptr(PangoLayout) layout = new_layout (pdf, pdf->heading_family, heading_sizes[l], TRUE,
                                              pdf->width, PANGO_ALIGN_LEFT, LINE_SPACING);
  g_autofree char *dest = g_strdup_printf ("name='h%u'", block->heading_index);

  set_text (layout, block->text);
  space (pdf, heading_before[l]);
  /* Keep the heading with two lines of what follows. */
  need (pdf, layout_height (layout) + 2 * GA_DOC_SIZE_BODY * 1.6);

  if (pdf->cr == NULL)
    {
      pdf->heading_pages[block->heading_index] = pdf->page;
      flow_layout (pdf, layout, pdf->left, NULL, 0);
    }
  else
    {
      cairo_tag_begin (pdf->cr, CAIRO_TAG_DEST, dest);
      flow_layout (pdf, layout, pdf->left, NULL, 0);
      cairo_tag_end (pdf->cr, CAIRO_TAG_DEST);
      add_outline (pdf, block);
    }
  pdf->y += heading_after[l];
}

/* The paragraph's text for Pango and its bold runs as attributes. */
static char *
paragraph_markup (const GaDocParagraph  *paragraph,
                  PangoAttrList        **attrs)
{
  GString *text = g_string_new (NULL);

  *attrs = pango_attr_list_new ();
  for (guint i = 0; i < paragraph->runs->len; i++)
    {
      GaDocRun *run = &g_array_index (paragraph->runs, GaDocRun, i);
      guint start = (guint) text->len;

      append_pango_text (text, run->text);
      if (run->bold && text->len > start)
        {
          PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          attr->start_index = start;
          attr->end_index = (guint) text->len;
          pango_attr_list_insert (*attrs, attr);
        }
    }
  return g_string_free (text, FALSE);
}


static void
place_paragraph (Pdf            *pdf,
                 GaDocParagraph *paragraph)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *text = paragraph_markup (paragraph, &attrs);
  g_autoptr(PangoLayout) layout = NULL;
  gboolean zh = ga_doc_get_language (pdf->doc) == GA_DOC_LANG_ZH_CN;
  double after = 6;

  switch (paragraph->style)
    {
    case GA_DOC_STYLE_SMALL:
      layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_SMALL, FALSE, pdf->width,
                           PANGO_ALIGN_LEFT, LINE_SPACING);
      after = 4;
      break;
    case GA_DOC_STYLE_CENTERED:
      layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, FALSE, pdf->width,
                           PANGO_ALIGN_CENTER, LINE_SPACING);
      break;
    case GA_DOC_STYLE_TITLE:
      layout = new_layout (pdf, pdf->heading_family, GA_DOC_SIZE_TITLE, TRUE, pdf->width,
                           PANGO_ALIGN_CENTER, LINE_SPACING);
      space (pdf, 24);
      after = 24;
      break;
    case GA_DOC_STYLE_NORMAL:
    default:
      layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, FALSE, pdf->width,
                           PANGO_ALIGN_LEFT, LINE_SPACING);
      /* Chinese body paragraphs start two characters in (首行缩进). Pango
       * justifies only at spaces, which in Chinese text are the few around
       * numbers and Latin words; stretching those looks worse than a ragged
       * edge of less than one character, so only English is justified. */
      if (zh)
        pango_layout_set_indent (layout, (int) lround (2 * GA_DOC_SIZE_BODY * PANGO_SCALE));
      else
        pango_layout_set_justify (layout, TRUE);
      break;
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  flow_layout (pdf, layout, pdf->left, NULL, 0);
  pdf->y += after;
}

static void
place_bullets (Pdf        *pdf,
               GaDocBlock *block)
{
  g_autoptr(PangoLayout) marker = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, FALSE, 0,
                                              PANGO_ALIGN_LEFT, LINE_SPACING);

  pango_layout_set_text (marker, "•", -1);
  for (guint i = 0; block->items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, FALSE,
                                                  pdf->width - BULLET_INDENT,
                                                  PANGO_ALIGN_LEFT, LINE_SPACING);

      set_text (layout, block->items[i]);
      flow_layout (pdf, layout, pdf->left + BULLET_INDENT, marker, pdf->left + 6);
      pdf->y += 2;
    }
  pdf->y += 4;
}

/* ------------------------------------------------------------------ tables */

typedef struct {
  PangoLayout *layout;
  GArray      *boxes;    /* LineBox */
} Cell;

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->boxes, g_array_unref);
}

static void
cell_init (Pdf        *pdf,
           Cell       *cell,
           const char *text,
           double      width,
           GaDocAlign  align,
           gboolean    bold)
{
  cell->layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, bold,
                             MAX (width - 2 * CELL_PAD_X, 1), pango_align (align),
                             CELL_LINE_SPACING);
  set_text (cell->layout, text);
  cell->boxes = line_boxes (cell->layout);
}

static double
cell_lines_height (Cell *cell,
                   guint first,
                   guint end)
{
  if (end <= first)
    return 0;
  return g_array_index (cell->boxes, LineBox, end - 1).bottom
         - g_array_index (cell->boxes, LineBox, first).top;
}

static double
cell_height (Cell *cell)
{
  return cell_lines_height (cell, 0, cell->boxes->len);
}

static void
stroke_rect (Pdf    *pdf,
             double  x,
             double  y,
             double  w,
             double  h)
{
  if (pdf->cr == NULL)
    return;
  cairo_set_line_width (pdf->cr, BORDER_WIDTH);
  cairo_rectangle (pdf->cr, x, y, w, h);
  cairo_stroke (pdf->cr);
}

/* The header rows of one table, laid out once and drawn on every page. */
typedef struct {
  GaDocTable *table;
  double     *x;          /* n_columns + 1 column edges */
  Cell       *columns;    /* n_columns column headers */
  Cell       *groups;     /* one per group */
  gboolean   *grouped;    /* column lies under a group */
  double      group_h;    /* 0 without groups */
  double      column_h;
  double      height;     /* 0 without a header */
} Header;

static void
header_init (Pdf        *pdf,
             Header     *header,
             GaDocTable *table,
             double     *x)
{
  guint n = table->n_columns;

  memset (header, 0, sizeof *header);
  header->table = table;
  header->x = x;
  if (table->header == NULL && table->groups->len == 0)
    return;

  header->columns = g_new0 (Cell, n);
  header->grouped = g_new0 (gboolean, n);
  header->groups = g_new0 (Cell, table->groups->len);
  for (guint g = 0; g < table->groups->len; g++)
    {
      GaDocGroup *group = &g_array_index (table->groups, GaDocGroup, g);
      double h;

      cell_init (pdf, &header->groups[g], group->text, x[group->first + group->n] - x[group->first],
                 GA_DOC_ALIGN_CENTER, TRUE);
      h = cell_height (&header->groups[g]) + 2 * CELL_PAD_Y;
      header->group_h = MAX (header->group_h, h);
      for (guint c = group->first; c < group->first + group->n; c++)
        header->grouped[c] = TRUE;
    }
  for (guint c = 0; c < n; c++)
    {
      cell_init (pdf, &header->columns[c], table->header != NULL ? table->header[c] : "",
                 x[c + 1] - x[c], GA_DOC_ALIGN_CENTER, TRUE);
      if (header->grouped[c] || header->group_h == 0)
        header->column_h = MAX (header->column_h,
                                cell_height (&header->columns[c]) + 2 * CELL_PAD_Y);
    }
  /* A column without a group spans both rows; it may need them taller. */
  for (guint c = 0; c < n; c++)
    if (!header->grouped[c] && header->group_h > 0)
      header->column_h = MAX (header->column_h,
                              cell_height (&header->columns[c]) + 2 * CELL_PAD_Y - header->group_h);
  header->height = header->group_h + header->column_h;
}

static void
header_clear (Header *header)
{
  guint n = header->table->n_columns;

  for (guint c = 0; header->columns != NULL && c < n; c++)
    cell_clear (&header->columns[c]);
  for (guint g = 0; header->groups != NULL && g < header->table->groups->len; g++)
    cell_clear (&header->groups[g]);
  g_free (header->columns);
  g_free (header->groups);
  g_free (header->grouped);
}

/* Draws a cell's text centred vertically in a box. */
static void
draw_centered (Pdf    *pdf,
               Cell   *cell,
               double  x,
               double  y,
               double  h)
{
  double text_h = cell_height (cell);

  show_layout (pdf, cell->layout, x + CELL_PAD_X,
               y + (h - text_h) / 2 - g_array_index (cell->boxes, LineBox, 0).top);
}

static void
header_draw (Pdf    *pdf,
             Header *header)
{
  GaDocTable *table = header->table;
  double y = pdf->y;
  double *x = header->x;

  if (header->height == 0)
    return;
  pdf->page_empty = FALSE;
  pdf->y += header->height;
  if (pdf->cr == NULL)
    return;

  cairo_save (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.91, 0.91, 0.91);
  cairo_rectangle (pdf->cr, x[0], y, x[table->n_columns] - x[0], header->height);
  cairo_fill (pdf->cr);
  cairo_restore (pdf->cr);

  for (guint g = 0; g < table->groups->len; g++)
    {
      GaDocGroup *group = &g_array_index (table->groups, GaDocGroup, g);
      double w = x[group->first + group->n] - x[group->first];

      draw_centered (pdf, &header->groups[g], x[group->first], y, header->group_h);
      stroke_rect (pdf, x[group->first], y, w, header->group_h);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      double top = header->grouped[c] ? y + header->group_h : y;
      double h = header->grouped[c] ? header->column_h : header->height;

      draw_centered (pdf, &header->columns[c], x[c], top, h);
      stroke_rect (pdf, x[c], top, x[c + 1] - x[c], h);
    }
}

static void
table_new_page (Pdf    *pdf,
                Header *header)
{
  new_page (pdf);
  header_draw (pdf, header);
}

static void
place_row (Pdf      *pdf,
           Header   *header,
           GaDocRow *row)
{
  GaDocTable *table = header->table;
  guint n = table->n_columns;
  double *x = header->x;
  g_autofree Cell *cells = g_new0 (Cell, n);
  g_autofree guint *next = g_new0 (guint, n);
  double full = 0;
  double page_room = pdf->bottom - pdf->top - header->height;

  for (guint c = 0; c < n; c++)
    {
      cell_init (pdf, &cells[c], row->cells[c], x[c + 1] - x[c], row->align[c], FALSE);
      full = MAX (full, cell_height (&cells[c]));
    }
  full += 2 * CELL_PAD_Y;

  /* A row that fits on a page is never split: it moves to the next page. */
  if (pdf->y + full > pdf->bottom && full <= page_room)
    table_new_page (pdf, header);

  for (;;)
    {
      double room = pdf->bottom - pdf->y - 2 * CELL_PAD_Y;
      double used = 0;
      gboolean done = TRUE;
      gboolean any = FALSE;
      g_autofree guint *end = g_new0 (guint, n);

      for (guint c = 0; c < n; c++)
        {
          end[c] = next[c];
          while (end[c] < cells[c].boxes->len
                 && cell_lines_height (&cells[c], next[c], end[c] + 1) <= room)
            end[c]++;
          if (end[c] > next[c])
            any = TRUE;
        }
      if (!any)
        {
          /* Not even one line fits below what is already on the page. */
          if (pdf->y > pdf->top + header->height + 0.01)
            {
              table_new_page (pdf, header);
              continue;
            }
          for (guint c = 0; c < n; c++)
            if (end[c] < cells[c].boxes->len)
              end[c]++;
        }
      for (guint c = 0; c < n; c++)
        {
          used = MAX (used, cell_lines_height (&cells[c], next[c], end[c]));
          if (end[c] < cells[c].boxes->len)
            done = FALSE;
        }
      used += 2 * CELL_PAD_Y;

      for (guint c = 0; c < n; c++)
        {
          double top = pdf->y + CELL_PAD_Y;

          for (guint line = next[c]; line < end[c]; line++)
            show_line (pdf, cells[c].layout, (int) line, x[c] + CELL_PAD_X,
                       top - g_array_index (cells[c].boxes, LineBox, next[c]).top);
          stroke_rect (pdf, x[c], pdf->y, x[c + 1] - x[c], used);
          next[c] = end[c];
        }
      pdf->y += used;
      pdf->page_empty = FALSE;
      if (done)
        break;
      table_new_page (pdf, header);
    }

  for (guint c = 0; c < n; c++)
    cell_clear (&cells[c]);
}

static void
place_table (Pdf        *pdf,
             GaDocTable *table)
{
  g_autofree double *x = g_new (double, table->n_columns + 1);
  Header header;
  double first_row = 0;

  x[0] = pdf->left;
  for (guint c = 0; c < table->n_columns; c++)
    x[c + 1] = x[c] + table->widths[c] * pdf->width;
  x[table->n_columns] = pdf->right;

  header_init (pdf, &header, table, x);

  /* Keep the header with the first body row (or one line of it). */
  if (table->rows->len > 0)
    first_row = 2 * CELL_PAD_Y + GA_DOC_SIZE_BODY * 1.4;
  space (pdf, 3);
  need (pdf, header.height + first_row);
  header_draw (pdf, &header);
  for (guint r = 0; r < table->rows->len; r++)
    place_row (pdf, &header, table->rows->pdata[r]);
  pdf->y += 8;

  header_clear (&header);
}

/* ------------------------------------------------------------------ other blocks */

static void
place_image (Pdf             *pdf,
             GaDocImage      *image,
             cairo_surface_t *surface)
{
  double w = MIN (image->width_mm * PT_PER_MM, pdf->width);
  double h = w * image->pixel_height / image->pixel_width;
  double caption_h = 0;
  double page_room = pdf->bottom - pdf->top;
  g_autoptr(PangoLayout) caption = NULL;

  if (image->caption != NULL)
    {
      caption = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_SMALL, FALSE, pdf->width,
                            PANGO_ALIGN_CENTER, LINE_SPACING);
      set_text (caption, image->caption);
      caption_h = layout_height (caption) + 4;
    }
  /* An image taller than a page is made smaller, never cut. */
  if (h + caption_h > page_room)
    {
      double scale = MAX (page_room - caption_h, page_room / 4) / h;

      w *= scale;
      h *= scale;
    }
  space (pdf, 4);
  need (pdf, h + caption_h);

  if (pdf->cr != NULL)
    {
      double x = pdf->left + (pdf->width - w) / 2;

      cairo_save (pdf->cr);
      cairo_translate (pdf->cr, x, pdf->y);
      cairo_scale (pdf->cr, w / image->pixel_width, h / image->pixel_height);
      cairo_set_source_surface (pdf->cr, surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (pdf->cr), CAIRO_FILTER_GOOD);
      cairo_paint (pdf->cr);
      cairo_restore (pdf->cr);
    }
  pdf->y += h;
  pdf->page_empty = FALSE;
  if (caption != NULL)
    {
      pdf->y += 4;
      show_layout (pdf, caption, pdf->left, pdf->y);
      pdf->y += caption_h - 4;
    }
  pdf->y += 8;
}

static void
place_toc (Pdf *pdf)
{
  g_autoptr(PangoLayout) title = new_layout (pdf, pdf->heading_family, GA_DOC_SIZE_H1, TRUE,
                                             pdf->width, PANGO_ALIGN_CENTER, LINE_SPACING);

  pango_layout_set_text (title, ga_doc_toc_title (pdf->doc), -1);
  space (pdf, 12);
  flow_layout (pdf, title, pdf->left, NULL, 0);
  pdf->y += 12;

  for (guint b = 0; b < pdf->doc->blocks->len; b++)
    {
      GaDocBlock *block = pdf->doc->blocks->pdata[b];
      double indent = (block->level - 1) * TOC_LEVEL_INDENT;
      g_autoptr(PangoLayout) entry = NULL;
      g_autoptr(PangoLayout) number = NULL;
      g_autoptr(GArray) boxes = NULL;
      g_autofree char *page = NULL;
      g_autofree char *link = NULL;
      PangoRectangle last, number_box;
      LineBox *box;
      double h, top, dots_from, dots_to;

      if (block->kind != GA_DOC_BLOCK_HEADING)
        continue;

      entry = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, block->level == 1,
                          pdf->width - indent - TOC_NUMBER_WIDTH, PANGO_ALIGN_LEFT,
                          LINE_SPACING);
      set_text (entry, block->text);
      boxes = line_boxes (entry);
      h = layout_height (entry);
      need (pdf, h);
      top = pdf->y;
      pdf->y += h + 2;
      pdf->page_empty = FALSE;
      if (pdf->cr == NULL)
        continue;

      page = g_strdup_printf ("%u", pdf->heading_pages[block->heading_index]);
      link = g_strdup_printf ("dest='h%u'", block->heading_index);
      number = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, FALSE, TOC_NUMBER_WIDTH,
                           PANGO_ALIGN_RIGHT, LINE_SPACING);
      pango_layout_set_text (number, page, -1);

      cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, link);
      show_layout (pdf, entry, pdf->left + indent, top);
      box = &g_array_index (boxes, LineBox, boxes->len - 1);
      {
        PangoLayoutIter *iter = pango_layout_get_iter (number);
        double number_base = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

        pango_layout_iter_free (iter);
        show_layout (pdf, number, pdf->right - TOC_NUMBER_WIDTH,
                     top + box->baseline - number_base);
      }
      /* Dot leaders from the end of the entry's last line to the number. */
      pango_layout_line_get_extents (pango_layout_get_line_readonly (entry, (int) boxes->len - 1),
                                     NULL, &last);
      dots_from = pdf->left + indent + (double) (last.x + last.width) / PANGO_SCALE + 4;
      pango_layout_get_extents (number, NULL, &number_box);
      dots_to = pdf->right - TOC_NUMBER_WIDTH + (double) number_box.x / PANGO_SCALE - 4;
      if (dots_to > dots_from)
        {
          static const double dash[] = { 0, 3 };

          cairo_save (pdf->cr);
          cairo_set_line_width (pdf->cr, 0.9);
          cairo_set_line_cap (pdf->cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (pdf->cr, dash, 2, 0);
          cairo_move_to (pdf->cr, dots_from, top + box->baseline - 0.5);
          cairo_line_to (pdf->cr, dots_to, top + box->baseline - 0.5);
          cairo_stroke (pdf->cr);
          cairo_restore (pdf->cr);
        }
      cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);
    }
  pdf->y += 8;
}

static void
place_signature (Pdf        *pdf,
                 GaDocBlock *block)
{
  double x = pdf->left + pdf->width * 0.42;
  double gap = 22;
  double total = 0;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; block->items[i] != NULL; i++)
    {
      PangoLayout *layout = new_layout (pdf, pdf->body_family, GA_DOC_SIZE_BODY, FALSE,
                                        pdf->right - x, PANGO_ALIGN_LEFT, LINE_SPACING);

      set_text (layout, block->items[i]);
      g_ptr_array_add (layouts, layout);
      total += layout_height (layout) + gap;
    }
  space (pdf, 18);
  need (pdf, total);
  for (guint i = 0; i < layouts->len; i++)
    {
      PangoLayout *layout = layouts->pdata[i];
      g_autoptr(GArray) boxes = line_boxes (layout);
      LineBox *box = &g_array_index (boxes, LineBox, boxes->len - 1);
      PangoRectangle last;
      double line_from;

      pdf->y += gap;
      show_layout (pdf, layout, x, pdf->y);
      pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, (int) boxes->len - 1),
                                     NULL, &last);
      line_from = x + (double) (last.x + last.width) / PANGO_SCALE + 4;
      /* The line to sign or seal on. */
      if (pdf->cr != NULL && line_from < pdf->right - 24)
        {
          cairo_set_line_width (pdf->cr, 0.5);
          cairo_move_to (pdf->cr, line_from, pdf->y + box->baseline + 2);
          cairo_line_to (pdf->cr, pdf->right, pdf->y + box->baseline + 2);
          cairo_stroke (pdf->cr);
        }
      pdf->y += layout_height (layout);
      pdf->page_empty = FALSE;
    }
  pdf->y += 8;
}

static void
place_blocks (Pdf *pdf)
{
  pdf->page = 0;
  memset (pdf->outline_ids, 0, sizeof pdf->outline_ids);
  begin_page (pdf);

  for (guint b = 0; b < pdf->doc->blocks->len; b++)
    {
      GaDocBlock *block = pdf->doc->blocks->pdata[b];

      switch (block->kind)
        {
        case GA_DOC_BLOCK_HEADING:
          place_heading (pdf, block);
          break;
        case GA_DOC_BLOCK_PARAGRAPH:
          place_paragraph (pdf, &block->paragraph);
          break;
        case GA_DOC_BLOCK_BULLETS:
          place_bullets (pdf, block);
          break;
        case GA_DOC_BLOCK_TABLE:
          place_table (pdf, &block->table);
          break;
        case GA_DOC_BLOCK_IMAGE:
          place_image (pdf, &block->image, pdf->images->pdata[b]);
          break;
        case GA_DOC_BLOCK_PAGE_BREAK:
          if (!pdf->page_empty)
            new_page (pdf);
          break;
        case GA_DOC_BLOCK_TOC:
          place_toc (pdf);
          break;
        case GA_DOC_BLOCK_SIGNATURE:
          place_signature (pdf, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (pdf->cr != NULL)
    cairo_show_page (pdf->cr);
}

/* ------------------------------------------------------------------ setup */

typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         at;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->len - reader->at < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
surface_unref (gpointer surface)
{
  if (surface != NULL)
    cairo_surface_destroy (surface);
}

static char *
family_list (const char *cjk,
             const char *latin)
{
  /* The CJK face first, so Latin text in it matches its CJK text; a
   * generic Latin face after it covers what it lacks. */
  return cjk != NULL ? g_strdup_printf ("%s, %s", cjk, latin) : g_strdup (latin);
}

static gboolean
pdf_init (Pdf      *pdf,
          GaDoc    *doc,
          GError  **error)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  memset (pdf, 0, sizeof *pdf);
  pdf->doc = doc;
  pdf->pango = pango_font_map_create_context (map);
  g_object_unref (map);
  pango_cairo_context_set_resolution (pdf->pango, 72);
  /* Hinting would make the layout depend on the device; the PDF is
   * measured and drawn in points. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pdf->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pdf->pango, FALSE);
  pango_context_set_language (pdf->pango,
                              pango_language_from_string (ga_doc_get_language (doc)
                                                          == GA_DOC_LANG_ZH_CN
                                                          ? "zh-cn" : "en"));
  pdf->body_family = family_list (ga_doc_get_body_font_family (), "DejaVu Serif, serif");
  pdf->heading_family = family_list (ga_doc_get_heading_font_family (), "DejaVu Sans, sans-serif");

  pdf->page_w = GA_DOC_PAGE_WIDTH_MM * PT_PER_MM;
  pdf->page_h = GA_DOC_PAGE_HEIGHT_MM * PT_PER_MM;
  pdf->left = GA_DOC_MARGIN_SIDE_MM * PT_PER_MM;
  pdf->right = pdf->page_w - GA_DOC_MARGIN_SIDE_MM * PT_PER_MM;
  pdf->top = GA_DOC_MARGIN_TOP_MM * PT_PER_MM;
  pdf->bottom = pdf->page_h - GA_DOC_MARGIN_BOTTOM_MM * PT_PER_MM;
  pdf->width = pdf->right - pdf->left;

  pdf->heading_pages = g_new0 (guint, MAX (doc->n_headings, 1));

  pdf->images = g_ptr_array_new_with_free_func (surface_unref);
  for (guint b = 0; b < doc->blocks->len; b++)
    {
      GaDocBlock *block = doc->blocks->pdata[b];
      cairo_surface_t *surface = NULL;

      if (block->kind == GA_DOC_BLOCK_IMAGE)
        {
          PngReader reader = { 0 };

          reader.data = g_bytes_get_data (block->image.png, &reader.len);
          surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
          if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
            {
              g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                           "An image of the document cannot be read: %s",
                           cairo_status_to_string (cairo_surface_status (surface)));
              cairo_surface_destroy (surface);
              return FALSE;
            }
          /* The model's size comes from the PNG header; the decoder has
           * the last word. */
          block->image.pixel_width = (guint) cairo_image_surface_get_width (surface);
          block->image.pixel_height = (guint) cairo_image_surface_get_height (surface);
        }
      g_ptr_array_add (pdf->images, surface);
    }
  return TRUE;
}

static void
pdf_clear (Pdf *pdf)
{
  g_clear_object (&pdf->pango);
  g_clear_pointer (&pdf->images, g_ptr_array_unref);
  g_clear_pointer (&pdf->body_family, g_free);
  g_clear_pointer (&pdf->heading_family, g_free);
  g_clear_pointer (&pdf->heading_pages, g_free);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
ga_doc_pdf_heading_pages (GaDoc   *doc,
                          guint   *pages,
                          GError **error)
{
  Pdf pdf;

  if (!pdf_init (&pdf, doc, error))
    {
      pdf_clear (&pdf);
      return FALSE;
    }
  place_blocks (&pdf);
  if (doc->n_headings > 0)
    memcpy (pages, pdf.heading_pages, sizeof (guint) * doc->n_headings);
  pdf_clear (&pdf);
  return TRUE;
}

gboolean
ga_doc_write_pdf (GaDoc       *doc,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *date = NULL;
  cairo_status_t status;
  gboolean ok;
  Pdf pdf;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pdf_init (&pdf, doc, error))
    {
      pdf_clear (&pdf);
      return FALSE;
    }

  /* Measuring pass: page count and heading pages. */
  place_blocks (&pdf);
  pdf.n_pages = pdf.page;

  pdf.surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, pdf.page_w, pdf.page_h);
  date = g_date_time_format (ga_doc_get_date (doc), "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, ga_doc_get_title (doc));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR,
                                  ga_doc_get_author (doc));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "GreenAssess");
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  pdf.cr = cairo_create (pdf.surface);
  cairo_set_source_rgb (pdf.cr, 0, 0, 0);

  place_blocks (&pdf);

  cairo_destroy (pdf.cr);
  pdf.cr = NULL;
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  pdf.surface = NULL;
  pdf_clear (&pdf);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE,
                   "Cannot make the PDF: %s", cairo_status_to_string (status));
      return FALSE;
    }
  ok = ga_doc_replace_file (path, bytes->data, bytes->len, error);
  return ok;
}
