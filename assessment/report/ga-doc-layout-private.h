/* ga-doc-layout-private.h: what the parts of the page layout share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout runs the same code in two ways. Measuring (once, in
 * ga_doc_layout_new()) places every block without drawing and records the
 * page count, the page of each heading and checkpoints: the position (page,
 * y) before every block and before every row of a table, and for each page
 * the last checkpoint passed before it began. Drawing page N starts again
 * from that checkpoint and places blocks as before, but only what falls on
 * page N reaches cairo; it stops when page N is full. Because both ways run
 * the same code in the same PangoContext, they break lines and pages at
 * the same places, so the footer can say "第 N 页 共 M 页" and the table of
 * contents can give page numbers.
 *
 * Units are points throughout (the context's resolution is 72 dpi, so a
 * 10.5 pt font is 10.5 units tall).
 */
#pragma once

#include <pango/pangocairo.h>

#include "ga-doc-layout.h"
#include "ga-doc-private.h"

G_BEGIN_DECLS

#define PT_PER_MM (72.0 / 25.4)

#define LINE_SPACING       1.3    /* body text, as a factor of the font's line height */
#define CELL_LINE_SPACING  1.1

/* Where drawing a page starts again. */
typedef struct {
  guint    block;
  guint    row;           /* table blocks: the row (0: the table's start) */
  guint    page;          /* 0: before the first page */
  double   y;
  gboolean page_empty;
} GaLayoutCheckpoint;

struct _GaDocLayout {
  GaDoc           *doc;
  PangoContext    *pango;
  GPtrArray       *images;        /* cairo_surface_t per block (NULL for other blocks) */
  char            *body_family;
  char            *heading_family;

  double           left, right, top, bottom, width, page_w, page_h;
  guint            n_pages;
  guint           *heading_pages; /* filled while measuring */
  GArray          *checkpoints;   /* of GaLayoutCheckpoint, in layout order; the first is the
                                   * start of the document */
  GArray          *page_starts;   /* guint per page + 1: index of the checkpoint to redo it from */

  /* The pass in progress. */
  gboolean         measuring;
  cairo_t         *cr;            /* NULL while measuring */
  guint            target;        /* the page being drawn (from 1) */
  cairo_surface_t *pdf;           /* the PDF writer's surface: links, targets and bookmarks */
  int              outline_ids[4];
  /* How the footer numbers the pages and how link targets are named, for
   * a layout that is one part of a longer PDF (ga-doc-annex.c): its first
   * page is page_offset + 1 of page_total (0: its own count), and its
   * targets' names begin with dest_prefix. */
  guint            page_offset;
  guint            page_total;
  char            *dest_prefix;
  double           y;
  guint            page;          /* from 1 */
  gboolean         page_empty;    /* nothing placed on the current page yet */
};

/* One line of a PangoLayout: its top, bottom and baseline relative to the
 * layout's top, in points. */
typedef struct {
  double top;
  double bottom;
  double baseline;
} GaLineBox;

/* ga-doc-layout-text.c: the text context every target shares */
PangoContext *ga_doc_text_context_new     (GaDocLanguage    language);
/* "CJK family, Latin families": the CJK face first, so that Latin text
 * in it matches its CJK text. */
char         *ga_doc_family_list          (const char      *cjk,
                                           const char      *latin);
/* The families of body text and headings, with their fallbacks. */
char         *ga_doc_body_families        (void);
char         *ga_doc_heading_families     (void);

/* ga-doc-layout-text.c: text (`pango` is the layout's or the chart's) */
PangoLayout  *_ga_layout_text_new         (PangoContext    *pango,
                                           const char      *family,
                                           double           size,
                                           gboolean         bold,
                                           double           width,
                                           PangoAlignment   align,
                                           double           spacing);
void          _ga_layout_append_text      (GString         *out,
                                           const char      *text);
void          _ga_layout_set_text         (PangoLayout     *text,
                                           const char      *s);
double        _ga_layout_text_height      (PangoLayout     *text);
double        _ga_layout_first_baseline   (PangoLayout     *text);
GArray       *_ga_layout_line_boxes       (PangoLayout     *text);

/* ga-doc-layout.c: drawing and pages */
/* Whether what is placed now reaches cairo (the page being drawn). */
gboolean      _ga_layout_drawing          (GaDocLayout     *layout);
void          _ga_layout_show_line        (GaDocLayout     *layout,
                                           PangoLayout     *text,
                                           int              index,
                                           double           x,
                                           double           top);
void          _ga_layout_show             (GaDocLayout     *layout,
                                           PangoLayout     *text,
                                           double           x,
                                           double           y);
void          _ga_layout_new_page         (GaDocLayout     *layout);
/* Makes room for `height` points: a new page unless they fit or the page
 * is still empty (then nothing would fit better on the next one). */
void          _ga_layout_need             (GaDocLayout     *layout,
                                           double           height);
/* Vertical space that disappears at the top of a page. */
void          _ga_layout_space            (GaDocLayout     *layout,
                                           double           points);
/* Places a layout line by line, breaking pages between lines. `marker`,
 * if given, is drawn at `marker_x` on the first line (a bullet). */
void          _ga_layout_flow             (GaDocLayout     *layout,
                                           PangoLayout     *text,
                                           double           x,
                                           PangoLayout     *marker,
                                           double           marker_x);
/* Records where drawing may start again: before block `block`, or before
 * row `row` (from 1) of the table that it is. */
void          _ga_layout_checkpoint       (GaDocLayout     *layout,
                                           guint            block,
                                           guint            row);
/* Whether the page being drawn is finished: nothing placed from now on
 * can fall on it. */
gboolean      _ga_layout_past_target      (GaDocLayout     *layout);

/* ga-doc-layout-blocks.c */
/* A heading keeps with the start of what follows it; a short paragraph
 * that introduces a figure keeps with the figure (blocks `b`). */
void          _ga_layout_place_heading    (GaDocLayout     *layout,
                                           guint            b);
void          _ga_layout_place_paragraph  (GaDocLayout     *layout,
                                           guint            b);
void          _ga_layout_place_bullets    (GaDocLayout     *layout,
                                           GaDocBlock      *block);
/* An image or a chart (block `b`), with its caption. */
void          _ga_layout_place_figure     (GaDocLayout     *layout,
                                           guint            b);
void          _ga_layout_place_toc        (GaDocLayout     *layout);
void          _ga_layout_place_signature  (GaDocLayout     *layout,
                                           GaDocBlock      *block);

/* ga-doc-layout-table.c: the table of block `block` from row `first_row`
 * (0: with the space and the header before its first row). */
/* The height of a table's header rows and a line of its first row. */
double        _ga_layout_table_lead       (GaDocLayout     *layout,
                                           GaDocTable      *table);
void          _ga_layout_place_table      (GaDocLayout     *layout,
                                           GaDocTable      *table,
                                           guint            block,
                                           guint            first_row);

/* For ga-doc-pdf.c: draws page `page` (from 1) with the PDF's links, link
 * targets and bookmarks in `pdf`, the surface of `cr`. The bookmarks nest
 * correctly only when the pages are drawn in order, each once. */
void          _ga_layout_draw_pdf_page    (GaDocLayout     *layout,
                                           cairo_t         *cr,
                                           cairo_surface_t *pdf,
                                           guint            page);

/* ga-doc-pdf.c: the document's title, author, creator and dates as the
 * metadata of the PDF @surface. */
void          _ga_doc_pdf_set_metadata    (GaDoc           *doc,
                                           cairo_surface_t *surface);

/* For ga-doc-annex.c: the layout's pages are pages @offset + 1 … of a
 * PDF of @total pages, and its link targets are named with @dest_prefix
 * (never the same as another layout's in that PDF). */
void          _ga_layout_set_numbering    (GaDocLayout     *layout,
                                           guint            offset,
                                           guint            total,
                                           const char      *dest_prefix);
/* The bookmark of the last heading of @level drawn by
 * _ga_layout_draw_pdf_page() (0: none). */
int           _ga_layout_get_outline_id   (GaDocLayout     *layout,
                                           guint            level);

G_END_DECLS
