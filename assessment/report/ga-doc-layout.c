/* ga-doc-layout.c: a GaDoc broken into pages, and any page drawn on demand
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See ga-doc-layout-private.h for how measuring and drawing share one
 * pass. This file holds the pass itself (pages, page furniture,
 * checkpoints, the loop over the blocks) and the public API; the blocks
 * are placed in ga-doc-layout-blocks.c and ga-doc-layout-table.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-doc-layout-private.h"

#define MIN_TEXT_SIZE 72.0   /* points of text either way, at least */

/* ------------------------------------------------------------------ drawing */

gboolean
_ga_layout_drawing (GaDocLayout *layout)
{
  return layout->cr != NULL && layout->page == layout->target;
}

gboolean
_ga_layout_past_target (GaDocLayout *layout)
{
  return !layout->measuring && layout->page > layout->target;
}

/* Draws line `index` of `text` so that the layout's top is at `top`. */
void
_ga_layout_show_line (GaDocLayout *layout,
                      PangoLayout *text,
                      int          index,
                      double       x,
                      double       top)
{
  PangoLayoutIter *iter;
  PangoRectangle logical;
  double baseline;

  if (!_ga_layout_drawing (layout))
    return;
  iter = pango_layout_get_iter (text);
  for (int i = 0; i < index; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  cairo_move_to (layout->cr, x + (double) logical.x / PANGO_SCALE, top + baseline);
  pango_cairo_show_layout_line (layout->cr, pango_layout_iter_get_line_readonly (iter));
  pango_layout_iter_free (iter);
}

void
_ga_layout_show (GaDocLayout *layout,
                 PangoLayout *text,
                 double       x,
                 double       y)
{
  if (!_ga_layout_drawing (layout))
    return;
  cairo_move_to (layout->cr, x, y);
  pango_cairo_show_layout (layout->cr, text);
}

/* ------------------------------------------------------------------ pages */

static void
draw_page_furniture (GaDocLayout *layout)
{
  const char *running = ga_doc_get_running_title (layout->doc);
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) text = NULL;

  if (!_ga_layout_drawing (layout))
    return;

  cairo_set_source_rgb (layout->cr, 0, 0, 0);
  if (running != NULL && *running != '\0')
    {
      double rule = layout->top - 5 * PT_PER_MM;
      double h;

      text = _ga_layout_text_new (layout->pango, layout->body_family, GA_DOC_SIZE_SMALL, FALSE,
                                  layout->width, PANGO_ALIGN_CENTER, 1.0);
      _ga_layout_set_text (text, running);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      h = _ga_layout_text_height (text);
      _ga_layout_show (layout, text, layout->left, rule - 2 - h);
      cairo_set_line_width (layout->cr, 0.5);
      cairo_move_to (layout->cr, layout->left, rule);
      cairo_line_to (layout->cr, layout->right, rule);
      cairo_stroke (layout->cr);
      g_clear_object (&text);
    }

  if (ga_doc_get_language (layout->doc) == GA_DOC_LANG_ZH_CN)
    footer = g_strdup_printf ("第 %u 页 共 %u 页", layout->page + layout->page_offset,
                              layout->page_total > 0 ? layout->page_total : layout->n_pages);
  else
    footer = g_strdup_printf ("Page %u of %u", layout->page + layout->page_offset,
                              layout->page_total > 0 ? layout->page_total : layout->n_pages);
  text = _ga_layout_text_new (layout->pango, layout->body_family, GA_DOC_SIZE_SMALL, FALSE,
                              layout->width, PANGO_ALIGN_CENTER, 1.0);
  pango_layout_set_text (text, footer, -1);
  _ga_layout_show (layout, text, layout->left, layout->bottom + 6 * PT_PER_MM);
}

/* While measuring, the page that begins now is redone from the last
 * checkpoint: it began while placing what that checkpoint precedes. */
void
_ga_layout_new_page (GaDocLayout *layout)
{
  layout->page++;
  layout->y = layout->top;
  layout->page_empty = TRUE;
  if (layout->measuring)
    {
      guint last = layout->checkpoints->len - 1;

      g_array_append_val (layout->page_starts, last);
    }
  draw_page_furniture (layout);
}

void
_ga_layout_need (GaDocLayout *layout,
                 double       height)
{
  if (layout->y + height > layout->bottom + 0.01 && !layout->page_empty)
    _ga_layout_new_page (layout);
}

void
_ga_layout_space (GaDocLayout *layout,
                  double       points)
{
  if (!layout->page_empty)
    layout->y += points;
}

void
_ga_layout_flow (GaDocLayout *layout,
                 PangoLayout *text,
                 double       x,
                 PangoLayout *marker,
                 double       marker_x)
{
  g_autoptr(GArray) boxes = _ga_layout_line_boxes (text);

  for (guint i = 0; i < boxes->len; i++)
    {
      GaLineBox *box = &g_array_index (boxes, GaLineBox, i);
      double h = box->bottom - box->top;
      double top;

      _ga_layout_need (layout, h);
      top = layout->y - box->top;
      _ga_layout_show_line (layout, text, (int) i, x, top);
      if (i == 0 && marker != NULL)
        _ga_layout_show (layout, marker, marker_x,
                         top + box->baseline - _ga_layout_first_baseline (marker));
      layout->y += h;
      layout->page_empty = FALSE;
    }
}

void
_ga_layout_checkpoint (GaDocLayout *layout,
                       guint        block,
                       guint        row)
{
  GaLayoutCheckpoint point;

  if (!layout->measuring)
    return;
  point.block = block;
  point.row = row;
  point.page = layout->page;
  point.y = layout->y;
  point.page_empty = layout->page_empty;
  g_array_append_val (layout->checkpoints, point);
}

/* ------------------------------------------------------------------ blocks */

static void
place_block (GaDocLayout *layout,
             guint        b,
             guint        first_row)
{
  GaDocBlock *block = layout->doc->blocks->pdata[b];

  switch (block->kind)
    {
    case GA_DOC_BLOCK_HEADING:
      _ga_layout_place_heading (layout, b);
      break;
    case GA_DOC_BLOCK_PARAGRAPH:
      _ga_layout_place_paragraph (layout, b);
      break;
    case GA_DOC_BLOCK_BULLETS:
      _ga_layout_place_bullets (layout, block);
      break;
    case GA_DOC_BLOCK_TABLE:
      _ga_layout_place_table (layout, &block->table, b, first_row);
      break;
    case GA_DOC_BLOCK_IMAGE:
    case GA_DOC_BLOCK_CHART:
      _ga_layout_place_figure (layout, b);
      break;
    case GA_DOC_BLOCK_PAGE_BREAK:
      if (!layout->page_empty)
        _ga_layout_new_page (layout);
      break;
    case GA_DOC_BLOCK_TOC:
      _ga_layout_place_toc (layout);
      break;
    case GA_DOC_BLOCK_SIGNATURE:
      _ga_layout_place_signature (layout, block);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Places the blocks from the checkpoint `from` on, until the end or, when
 * drawing, until the page being drawn is full. */
static void
place_blocks (GaDocLayout *layout,
              guint        from)
{
  GaLayoutCheckpoint start = g_array_index (layout->checkpoints, GaLayoutCheckpoint, from);
  guint n_blocks = layout->doc->blocks->len;

  layout->page = start.page;
  layout->y = start.y;
  layout->page_empty = start.page_empty;
  if (layout->page == 0)
    _ga_layout_new_page (layout);

  for (guint b = start.block; b < n_blocks && !_ga_layout_past_target (layout); b++)
    {
      guint first_row = b == start.block ? start.row : 0;

      if (first_row == 0)
        _ga_layout_checkpoint (layout, b, 0);
      place_block (layout, b, first_row);
    }
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

static gboolean
decode_images (GaDocLayout  *layout,
               GError      **error)
{
  GaDoc *doc = layout->doc;

  layout->images = g_ptr_array_new_with_free_func (surface_unref);
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
      g_ptr_array_add (layout->images, surface);
    }
  return TRUE;
}

void
ga_doc_layout_get_default_page (double       *width,
                                double       *height,
                                GaDocMargins *margins)
{
  if (width != NULL)
    *width = GA_DOC_PAGE_WIDTH_MM * PT_PER_MM;
  if (height != NULL)
    *height = GA_DOC_PAGE_HEIGHT_MM * PT_PER_MM;
  if (margins != NULL)
    {
      margins->top = GA_DOC_MARGIN_TOP_MM * PT_PER_MM;
      margins->bottom = GA_DOC_MARGIN_BOTTOM_MM * PT_PER_MM;
      margins->left = GA_DOC_MARGIN_SIDE_MM * PT_PER_MM;
      margins->right = GA_DOC_MARGIN_SIDE_MM * PT_PER_MM;
    }
}

static gboolean
valid_page (double              width,
            double              height,
            const GaDocMargins *m)
{
  return isfinite (width) && isfinite (height)
         && isfinite (m->top) && isfinite (m->bottom) && isfinite (m->left) && isfinite (m->right)
         && m->top >= 0 && m->bottom >= 0 && m->left >= 0 && m->right >= 0
         && width - m->left - m->right >= MIN_TEXT_SIZE
         && height - m->top - m->bottom >= MIN_TEXT_SIZE;
}

GaDocLayout *
ga_doc_layout_new (GaDoc               *doc,
                   double               width,
                   double               height,
                   const GaDocMargins  *margins,
                   GError             **error)
{
  g_autoptr(GaDocLayout) layout = NULL;
  GaDocMargins defaults;
  GaLayoutCheckpoint start = { 0, 0, 0, 0, TRUE };

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ga_doc_layout_get_default_page (NULL, NULL, &defaults);
  if (margins == NULL)
    margins = &defaults;
  if (!valid_page (width, height, margins))
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                   "A page of %g × %g points with margins of %g, %g, %g and %g points leaves "
                   "no room for the text",
                   width, height, margins->top, margins->right, margins->bottom, margins->left);
      return NULL;
    }

  layout = g_new0 (GaDocLayout, 1);
  layout->doc = ga_doc_ref (doc);
  layout->dest_prefix = g_strdup ("");
  layout->pango = ga_doc_text_context_new (ga_doc_get_language (doc));
  layout->body_family = ga_doc_body_families ();
  layout->heading_family = ga_doc_heading_families ();
  layout->page_w = width;
  layout->page_h = height;
  layout->left = margins->left;
  layout->right = width - margins->right;
  layout->top = margins->top;
  layout->bottom = height - margins->bottom;
  layout->width = layout->right - layout->left;
  layout->heading_pages = g_new0 (guint, MAX (doc->n_headings, 1));
  layout->checkpoints = g_array_new (FALSE, FALSE, sizeof (GaLayoutCheckpoint));
  layout->page_starts = g_array_new (FALSE, TRUE, sizeof (guint));
  if (!decode_images (layout, error))
    return NULL;

  /* Page numbers count from 1: the first entry stands for no page. */
  g_array_set_size (layout->page_starts, 1);
  g_array_append_val (layout->checkpoints, start);
  layout->measuring = TRUE;
  place_blocks (layout, 0);
  layout->measuring = FALSE;
  layout->n_pages = layout->page;
  return g_steal_pointer (&layout);
}

void
ga_doc_layout_free (GaDocLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_object (&layout->pango);
  g_clear_pointer (&layout->images, g_ptr_array_unref);
  g_free (layout->body_family);
  g_free (layout->heading_family);
  g_free (layout->dest_prefix);
  g_free (layout->heading_pages);
  g_clear_pointer (&layout->checkpoints, g_array_unref);
  g_clear_pointer (&layout->page_starts, g_array_unref);
  g_clear_pointer (&layout->doc, ga_doc_unref);
  g_free (layout);
}

guint
ga_doc_layout_get_n_pages (GaDocLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_pages;
}

guint
ga_doc_layout_get_heading_page (GaDocLayout *layout,
                                guint        heading_index)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (heading_index < layout->doc->n_headings, 0);

  return layout->heading_pages[heading_index];
}

static void
draw_page (GaDocLayout     *layout,
           cairo_t         *cr,
           cairo_surface_t *pdf,
           guint            page)
{
  layout->cr = cr;
  layout->pdf = pdf;
  layout->target = page;
  place_blocks (layout, g_array_index (layout->page_starts, guint, page));
  layout->cr = NULL;
  layout->pdf = NULL;
  layout->target = 0;
}

void
ga_doc_layout_draw_page (GaDocLayout *layout,
                         cairo_t     *cr,
                         guint        page)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < layout->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_page (layout, cr, NULL, page + 1);
  cairo_restore (cr);
}

void
_ga_layout_draw_pdf_page (GaDocLayout     *layout,
                          cairo_t         *cr,
                          cairo_surface_t *pdf,
                          guint            page)
{
  if (page == 1)
    memset (layout->outline_ids, 0, sizeof layout->outline_ids);
  draw_page (layout, cr, pdf, page);
}

void
_ga_layout_set_numbering (GaDocLayout *layout,
                          guint        offset,
                          guint        total,
                          const char  *dest_prefix)
{
  layout->page_offset = offset;
  layout->page_total = total;
  g_free (layout->dest_prefix);
  layout->dest_prefix = g_strdup (dest_prefix != NULL ? dest_prefix : "");
}

int
_ga_layout_get_outline_id (GaDocLayout *layout,
                           guint        level)
{
  g_return_val_if_fail (level < G_N_ELEMENTS (layout->outline_ids), 0);

  return layout->outline_ids[level];
}
