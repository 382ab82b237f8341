/* ga-doc-layout.h: a GaDoc laid out on pages, drawn one page at a time
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout breaks a document into pages of a given size and margins
 * with Pango, and draws any of them into a cairo context whose user units
 * are points (1/72 inch) with the origin at the top-left corner of the
 * paper: the PDF writer draws every page into a PDF surface, printing
 * draws the pages the print dialog asks for into the GtkPrintContext's
 * context. Text is measured in a PangoContext of the layout's own (72
 * dpi, hinting off), never in the target's, so a page breaks its lines
 * and pages at the same places on every target; the same document on the
 * same page gives the same pages as ga_doc_write_pdf().
 *
 * Every page carries the running title above the top margin and
 * "第 N 页 共 M 页" ("Page N of M") below the bottom one.
 */
#pragma once

#include <cairo.h>

#include "ga-doc.h"

G_BEGIN_DECLS

/* Distances from the paper's edges to the text, in points. */
typedef struct {
  double top;
  double bottom;
  double left;
  double right;
} GaDocMargins;

typedef struct _GaDocLayout GaDocLayout;

/* The page of the PDF and the DOCX, in points: A4 (595.3 × 841.9) with
 * the margins Chinese word processors default to (2.54 cm top and
 * bottom, 3.18 cm left and right). Either pointer may be NULL. */
void          ga_doc_layout_get_default_page (double       *width,
                                              double       *height,
                                              GaDocMargins *margins);

/* Lays @doc out on pages @width × @height points with @margins (NULL:
 * the default ones). Fails with GA_DOC_ERROR_INVALID when an image of the
 * document cannot be decoded, or when the page leaves no room for text
 * (less than 72 points either way between the margins). The layout holds
 * a reference on @doc, which must not change while the layout lives. */
GaDocLayout  *ga_doc_layout_new              (GaDoc               *doc,
                                              double               width,
                                              double               height,
                                              const GaDocMargins  *margins,
                                              GError             **error);
void          ga_doc_layout_free             (GaDocLayout         *layout);

guint         ga_doc_layout_get_n_pages      (GaDocLayout         *layout);
/* Page (counted from 1) on which heading number @heading_index (0 for
 * the document's first heading) starts. */
guint         ga_doc_layout_get_heading_page (GaDocLayout         *layout,
                                              guint                heading_index);

/* Draws page @page (0 for the first, as GtkPrintOperation counts) into
 * @cr, in points from the paper's top-left corner. It neither clears the
 * page nor ends it (no cairo_show_page()); the state of @cr is saved and
 * restored around the drawing. Pages may be drawn in any order and more
 * than once. */
void          ga_doc_layout_draw_page        (GaDocLayout         *layout,
                                              cairo_t             *cr,
                                              guint                page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaDocLayout, ga_doc_layout_free)

G_END_DECLS
