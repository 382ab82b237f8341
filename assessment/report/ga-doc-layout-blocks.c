/* ga-doc-layout-blocks.c: headings, paragraphs, lists, images, charts, the
 * table of contents and the signature block on the page
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function places its block at the layout's current position and
 * moves it on; what it draws reaches cairo only on the page being drawn
 * (ga-doc-layout-private.h).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "ga-doc-layout-private.h"

#define BULLET_INDENT      18.0
#define TOC_NUMBER_WIDTH   36.0
#define TOC_LEVEL_INDENT   21.0   /* two characters of body text */

static const double heading_sizes[] = { GA_DOC_SIZE_H1, GA_DOC_SIZE_H2, GA_DOC_SIZE_H3 };
static const double heading_before[] = { 18, 12, 9 };
static const double heading_after[] = { 9, 6, 4 };

static PangoLayout *
body_text (GaDocLayout    *layout,
           double          size,
           double          width,
           PangoAlignment  align)
{
  return _ga_layout_text_new (layout->pango, layout->body_family, size, FALSE, width, align,
                              LINE_SPACING);
}

/* ------------------------------------------------------------------ the text of paragraphs */

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

      _ga_layout_append_text (text, run->text);
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

/* The paragraph's text laid out in its style, with the space it takes
 * before and after. */
static PangoLayout *
paragraph_text_new (GaDocLayout    *layout,
                    GaDocParagraph *paragraph,
                    double         *before,
                    double         *after)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *s = paragraph_markup (paragraph, &attrs);
  PangoLayout *text = NULL;
  gboolean zh = ga_doc_get_language (layout->doc) == GA_DOC_LANG_ZH_CN;

  *before = 0;
  *after = 6;
  switch (paragraph->style)
    {
    case GA_DOC_STYLE_SMALL:
      text = body_text (layout, GA_DOC_SIZE_SMALL, layout->width, PANGO_ALIGN_LEFT);
      *after = 4;
      break;
    case GA_DOC_STYLE_CENTERED:
      text = body_text (layout, GA_DOC_SIZE_BODY, layout->width, PANGO_ALIGN_CENTER);
      break;
    case GA_DOC_STYLE_TITLE:
      text = _ga_layout_text_new (layout->pango, layout->heading_family, GA_DOC_SIZE_TITLE, TRUE,
                                  layout->width, PANGO_ALIGN_CENTER, LINE_SPACING);
      *before = 24;
      *after = 24;
      break;
    case GA_DOC_STYLE_NORMAL:
    default:
      text = body_text (layout, GA_DOC_SIZE_BODY, layout->width, PANGO_ALIGN_LEFT);
      /* Chinese body paragraphs start two characters in (首行缩进). Pango
       * justifies only at spaces, which in Chinese text are the few around
       * numbers and Latin words; stretching those looks worse than a ragged
       * edge of less than one character, so only English is justified. */
      if (zh)
        pango_layout_set_indent (text, (int) lround (2 * GA_DOC_SIZE_BODY * PANGO_SCALE));
      else
        pango_layout_set_justify (text, TRUE);
      break;
    }
  pango_layout_set_text (text, s, -1);
  pango_layout_set_attributes (text, attrs);
  return text;
}

/* ------------------------------------------------------------------ the size of figures */

/* A figure (an image or a chart) as placed: the picture `w` × `h` points
 * centred in the text width, made smaller when it is taller than a page,
 * and its caption below; moved to the next page as a whole. */
typedef struct {
  GaDocBlock  *block;
  double       w, h;
  double       natural_w, natural_h;   /* a chart's size as it draws itself */
  PangoLayout *caption;
  double       caption_h;              /* with the space above it */
} Figure;

static void
figure_init (GaDocLayout *layout,
             GaDocBlock  *block,
             Figure      *figure)
{
  const char *caption = NULL;
  double page_room = layout->bottom - layout->top;

  memset (figure, 0, sizeof *figure);
  figure->block = block;
  if (block->kind == GA_DOC_BLOCK_IMAGE)
    {
      figure->w = MIN (block->image.width_mm * PT_PER_MM, layout->width);
      figure->h = figure->w * block->image.pixel_height / block->image.pixel_width;
      caption = block->image.caption;
    }
  else
    {
      figure->natural_w = figure->w = layout->width;
      figure->natural_h = figure->h = ga_doc_chart_get_height (&block->chart, layout->pango,
                                                               layout->width);
      caption = block->chart.caption;
    }
  if (caption != NULL)
    {
      figure->caption = body_text (layout, GA_DOC_SIZE_SMALL, layout->width, PANGO_ALIGN_CENTER);
      _ga_layout_set_text (figure->caption, caption);
      figure->caption_h = _ga_layout_text_height (figure->caption) + 4;
    }
  /* A figure taller than a page is made smaller, never cut. */
  if (figure->h + figure->caption_h > page_room)
    {
      double scale = MAX (page_room - figure->caption_h, page_room / 4) / figure->h;

      figure->w *= scale;
      figure->h *= scale;
    }
}

static void
figure_clear (Figure *figure)
{
  g_clear_object (&figure->caption);
}

/* ------------------------------------------------------------------ keeping together */

static gboolean
is_figure (GaDocLayout *layout,
           guint        b)
{
  GaDocBlock *block = b < layout->doc->blocks->len ? layout->doc->blocks->pdata[b] : NULL;

  return block != NULL && (block->kind == GA_DOC_BLOCK_IMAGE || block->kind == GA_DOC_BLOCK_CHART);
}

/* Whether paragraph `b`, laid out as `text`, introduces the figure after
 * it: three lines at most. */
static gboolean
keeps_figure (GaDocLayout *layout,
              guint        b,
              PangoLayout *text)
{
  return is_figure (layout, b + 1) && pango_layout_get_line_count (text) <= 3;
}

/* Whether paragraph `b`, laid out as `text`, is a note in the small style
 * right before a table (what a table in parts has before each part): it
 * stays with the table's header. */
static gboolean
keeps_table (GaDocLayout *layout,
             guint        b,
             PangoLayout *text)
{
  GaDocBlock *block = layout->doc->blocks->pdata[b];
  GaDocBlock *next = b + 1 < layout->doc->blocks->len ? layout->doc->blocks->pdata[b + 1] : NULL;

  return next != NULL && next->kind == GA_DOC_BLOCK_TABLE
         && block->kind == GA_DOC_BLOCK_PARAGRAPH
         && block->paragraph.style == GA_DOC_STYLE_SMALL
         && pango_layout_get_line_count (text) <= 3;
}

/* How much of block `b` must share the page with what comes before it:
 * a figure whole, a paragraph that introduces a figure with it, otherwise
 * two lines. Never more than `room`; then two lines. */
static double
lead_height (GaDocLayout *layout,
             guint        b,
             double       room)
{
  GaDocBlock *block = b < layout->doc->blocks->len ? layout->doc->blocks->pdata[b] : NULL;
  double two_lines = 2 * GA_DOC_SIZE_BODY * 1.6;
  double height = two_lines;

  if (is_figure (layout, b))
    {
      Figure figure;

      figure_init (layout, block, &figure);
      height = 4 + figure.h + figure.caption_h;
      figure_clear (&figure);
    }
  else if (block != NULL && block->kind == GA_DOC_BLOCK_PARAGRAPH && is_figure (layout, b + 1))
    {
      double before, after;
      g_autoptr(PangoLayout) text = paragraph_text_new (layout, &block->paragraph, &before,
                                                        &after);

      if (keeps_figure (layout, b, text))
        height = _ga_layout_text_height (text) + after + lead_height (layout, b + 1, G_MAXDOUBLE);
    }
  return height <= room ? height : two_lines;
}

/* ------------------------------------------------------------------ headings */

/* Adds the heading to the PDF's bookmarks, under the nearest heading of a
 * higher level above it. */
static void
add_outline (GaDocLayout *layout,
             GaDocBlock  *block)
{
  guint level = block->level;
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  g_autofree char *link = g_strdup_printf ("dest='%sh%u'", layout->dest_prefix,
                                           block->heading_index);

  for (guint up = level - 1; up >= 1; up--)
    if (layout->outline_ids[up] > 0)
      {
        parent = layout->outline_ids[up];
        break;
      }
  layout->outline_ids[level] = cairo_pdf_surface_add_outline (layout->pdf, parent, block->text,
                                                              link,
                                                              level == 1
                                                              ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
  for (guint down = level + 1; down < G_N_ELEMENTS (layout->outline_ids); down++)
    layout->outline_ids[down] = 0;
}

void
_ga_layout_place_heading (GaDocLayout *layout,
                          guint        b)
{
  GaDocBlock *block = layout->doc->blocks->pdata[b];
  guint l = block->level - 1;
  g_autoptr(PangoLayout) text = _ga_layout_text_new (layout->pango, layout->heading_family,
                                                     heading_sizes[l], TRUE, layout->width,
                                                     PANGO_ALIGN_LEFT, LINE_SPACING);
  g_autofree char *dest = g_strdup_printf ("name='%sh%u'", layout->dest_prefix,
                                           block->heading_index);
  double h;
  gboolean tagged;

  _ga_layout_set_text (text, block->text);
  _ga_layout_space (layout, heading_before[l]);
  /* Keep the heading with the start of what follows. */
  h = _ga_layout_text_height (text);
  _ga_layout_need (layout, h + lead_height (layout, b + 1, layout->bottom - layout->top - h));

  if (layout->measuring)
    layout->heading_pages[block->heading_index] = layout->page;
  /* The PDF's link target and bookmark go with the page the heading
   * starts on. */
  tagged = layout->pdf != NULL && _ga_layout_drawing (layout);
  if (tagged)
    cairo_tag_begin (layout->cr, CAIRO_TAG_DEST, dest);
  _ga_layout_flow (layout, text, layout->left, NULL, 0);
  if (tagged)
    {
      cairo_tag_end (layout->cr, CAIRO_TAG_DEST);
      add_outline (layout, block);
    }
  layout->y += heading_after[l];
}

/* ------------------------------------------------------------------ paragraphs and lists */

void
_ga_layout_place_paragraph (GaDocLayout *layout,
                            guint        b)
{
  GaDocBlock *block = layout->doc->blocks->pdata[b];
  double before, after, keep;
  g_autoptr(PangoLayout) text = paragraph_text_new (layout, &block->paragraph, &before, &after);

  _ga_layout_space (layout, before);
  /* A short paragraph before a figure introduces it: they go on one
   * page; so does a short note before a table and the table's head. */
  keep = keeps_figure (layout, b, text) ? lead_height (layout, b + 1, G_MAXDOUBLE) : 0;
  if (keeps_table (layout, b, text))
    keep = _ga_layout_table_lead (layout,
                                  &((GaDocBlock *) layout->doc->blocks->pdata[b + 1])->table);
  if (keep > 0)
    _ga_layout_need (layout, _ga_layout_text_height (text) + after + keep);
  _ga_layout_flow (layout, text, layout->left, NULL, 0);
  layout->y += after;
}

void
_ga_layout_place_bullets (GaDocLayout *layout,
                          GaDocBlock  *block)
{
  g_autoptr(PangoLayout) marker = body_text (layout, GA_DOC_SIZE_BODY, 0, PANGO_ALIGN_LEFT);

  pango_layout_set_text (marker, "•", -1);
  for (guint i = 0; block->items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) text = body_text (layout, GA_DOC_SIZE_BODY,
                                               layout->width - BULLET_INDENT, PANGO_ALIGN_LEFT);

      _ga_layout_set_text (text, block->items[i]);
      _ga_layout_flow (layout, text, layout->left + BULLET_INDENT, marker, layout->left + 6);
      layout->y += 2;
    }
  layout->y += 4;
}

/* ------------------------------------------------------------------ drawing figures */

static void
draw_image (GaDocLayout     *layout,
            cairo_surface_t *surface,
            double           x,
            double           y,
            double           w,
            double           h)
{
  cairo_t *cr = layout->cr;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, w / cairo_image_surface_get_width (surface),
               h / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_chart (GaDocLayout  *layout,
            const Figure *figure,
            double        x,
            double        y)
{
  cairo_t *cr = layout->cr;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, figure->w / figure->natural_w, figure->h / figure->natural_h);
  ga_doc_chart_draw (&figure->block->chart, cr, layout->pango, figure->natural_w);
  cairo_restore (cr);
}

void
_ga_layout_place_figure (GaDocLayout *layout,
                         guint        b)
{
  Figure figure;

  figure_init (layout, layout->doc->blocks->pdata[b], &figure);
  _ga_layout_space (layout, 4);
  _ga_layout_need (layout, figure.h + figure.caption_h);

  if (_ga_layout_drawing (layout))
    {
      double x = layout->left + (layout->width - figure.w) / 2;

      if (figure.block->kind == GA_DOC_BLOCK_IMAGE)
        draw_image (layout, layout->images->pdata[b], x, layout->y, figure.w, figure.h);
      else
        draw_chart (layout, &figure, x, layout->y);
    }
  layout->y += figure.h;
  layout->page_empty = FALSE;
  if (figure.caption != NULL)
    {
      layout->y += 4;
      _ga_layout_show (layout, figure.caption, layout->left, layout->y);
      layout->y += figure.caption_h - 4;
    }
  layout->y += 8;
  figure_clear (&figure);
}

/* ------------------------------------------------------------------ contents */

static void
draw_toc_entry (GaDocLayout *layout,
                GaDocBlock  *block,
                PangoLayout *entry,
                double       indent,
                double       top)
{
  cairo_t *cr = layout->cr;
  g_autoptr(PangoLayout) number = body_text (layout, GA_DOC_SIZE_BODY, TOC_NUMBER_WIDTH,
                                             PANGO_ALIGN_RIGHT);
  g_autoptr(GArray) boxes = _ga_layout_line_boxes (entry);
  g_autofree char *page = g_strdup_printf ("%u", layout->heading_pages[block->heading_index]
                                                 + layout->page_offset);
  g_autofree char *link = g_strdup_printf ("dest='%sh%u'", layout->dest_prefix,
                                           block->heading_index);
  GaLineBox *box = &g_array_index (boxes, GaLineBox, boxes->len - 1);
  PangoRectangle last, number_box;
  double dots_from, dots_to;

  pango_layout_set_text (number, page, -1);
  if (layout->pdf != NULL)
    cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  _ga_layout_show (layout, entry, layout->left + indent, top);
  _ga_layout_show (layout, number, layout->right - TOC_NUMBER_WIDTH,
                   top + box->baseline - _ga_layout_first_baseline (number));
  /* Dot leaders from the end of the entry's last line to the number. */
  pango_layout_line_get_extents (pango_layout_get_line_readonly (entry, (int) boxes->len - 1),
                                 NULL, &last);
  dots_from = layout->left + indent + (double) (last.x + last.width) / PANGO_SCALE + 4;
  pango_layout_get_extents (number, NULL, &number_box);
  dots_to = layout->right - TOC_NUMBER_WIDTH + (double) number_box.x / PANGO_SCALE - 4;
  if (dots_to > dots_from)
    {
      static const double dash[] = { 0, 3 };

      cairo_save (cr);
      cairo_set_line_width (cr, 0.9);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, dots_from, top + box->baseline - 0.5);
      cairo_line_to (cr, dots_to, top + box->baseline - 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  if (layout->pdf != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/* The table of contents reserves a fixed width for its page numbers, so
 * knowing them (after measuring) does not move anything. */
void
_ga_layout_place_toc (GaDocLayout *layout)
{
  g_autoptr(PangoLayout) title = _ga_layout_text_new (layout->pango, layout->heading_family,
                                                      GA_DOC_SIZE_H1, TRUE, layout->width,
                                                      PANGO_ALIGN_CENTER, LINE_SPACING);

  pango_layout_set_text (title, ga_doc_toc_title (layout->doc), -1);
  _ga_layout_space (layout, 12);
  _ga_layout_flow (layout, title, layout->left, NULL, 0);
  layout->y += 12;

  for (guint b = 0; b < layout->doc->blocks->len; b++)
    {
      GaDocBlock *block = layout->doc->blocks->pdata[b];
      double indent = (block->level - 1) * TOC_LEVEL_INDENT;
      g_autoptr(PangoLayout) entry = NULL;
      double h, top;

      if (block->kind != GA_DOC_BLOCK_HEADING)
        continue;

      entry = _ga_layout_text_new (layout->pango, layout->body_family, GA_DOC_SIZE_BODY,
                                   block->level == 1, layout->width - indent - TOC_NUMBER_WIDTH,
                                   PANGO_ALIGN_LEFT, LINE_SPACING);
      _ga_layout_set_text (entry, block->text);
      h = _ga_layout_text_height (entry);
      _ga_layout_need (layout, h);
      top = layout->y;
      layout->y += h + 2;
      layout->page_empty = FALSE;
      if (_ga_layout_drawing (layout))
        draw_toc_entry (layout, block, entry, indent, top);
    }
  layout->y += 8;
}

/* ------------------------------------------------------------------ signature */

void
_ga_layout_place_signature (GaDocLayout *layout,
                            GaDocBlock  *block)
{
  double x = layout->left + layout->width * 0.42;
  double gap = 22;
  double total = 0;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; block->items[i] != NULL; i++)
    {
      PangoLayout *text = body_text (layout, GA_DOC_SIZE_BODY, layout->right - x,
                                     PANGO_ALIGN_LEFT);

      _ga_layout_set_text (text, block->items[i]);
      g_ptr_array_add (texts, text);
      total += _ga_layout_text_height (text) + gap;
    }
  _ga_layout_space (layout, 18);
  _ga_layout_need (layout, total);
  for (guint i = 0; i < texts->len; i++)
    {
      PangoLayout *text = texts->pdata[i];
      g_autoptr(GArray) boxes = _ga_layout_line_boxes (text);
      GaLineBox *box = &g_array_index (boxes, GaLineBox, boxes->len - 1);
      PangoRectangle last;
      double line_from;

      layout->y += gap;
      _ga_layout_show (layout, text, x, layout->y);
      pango_layout_line_get_extents (pango_layout_get_line_readonly (text, (int) boxes->len - 1),
                                     NULL, &last);
      line_from = x + (double) (last.x + last.width) / PANGO_SCALE + 4;
      /* The line to sign or seal on. */
      if (_ga_layout_drawing (layout) && line_from < layout->right - 24)
        {
          cairo_set_line_width (layout->cr, 0.5);
          cairo_move_to (layout->cr, line_from, layout->y + box->baseline + 2);
          cairo_line_to (layout->cr, layout->right, layout->y + box->baseline + 2);
          cairo_stroke (layout->cr);
        }
      layout->y += _ga_layout_text_height (text);
      layout->page_empty = FALSE;
    }
  layout->y += 8;
}
