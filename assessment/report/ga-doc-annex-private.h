/* ga-doc-annex-private.h: what the parts of the merged PDF share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>

#include "ga-doc-annex.h"
#include "ga-doc-layout-private.h"

G_BEGIN_DECLS

typedef enum {
  GA_ANNEX_KIND_OTHER,
  GA_ANNEX_KIND_PDF,
  GA_ANNEX_KIND_IMAGE,
} GaAnnexKind;

typedef struct {
  guint             number;
  char             *name;
  char             *sha256;
  gint64            key;

  GaAnnexKind       kind;
  GaDocAnnexStatus  status;
  char             *reason;       /* why it is not merged, in the report's language */
  guint             first_page;
  guint             n_pages;
} GaAnnexFile;

/* A file opened to be drawn: a PDF document or an image, upright. */
typedef struct {
  GBytes          *bytes;
  PopplerDocument *pdf;
  GdkPixbuf       *image;
  gboolean         jpeg_as_is;    /* the bytes are a JPEG cairo may embed unchanged */
} GaAnnexOpened;

/* ga-doc-annex-files.c: reading the files */
/* Reads and opens @file, setting its kind, status, page count and reason
 * (in Chinese when @zh). Returns FALSE, with @opened cleared, when the
 * file is not merged; @error only for a cancelled read. */
gboolean  _ga_annex_open            (GaAnnexFile         *file,
                                     GBytes              *bytes,
                                     GError              *read_error,
                                     gboolean             zh,
                                     GaAnnexOpened       *opened);
void      _ga_annex_opened_clear    (GaAnnexOpened       *opened);

/* The page size (points) for a page @w × @h: A4, turned landscape for a
 * landscape page. */
void      _ga_annex_page_size       (double               w,
                                     double               h,
                                     double              *page_w,
                                     double              *page_h);
/* Draws page @index of @opened (0 for an image) on the current page of
 * @cr (of size @page_w × @page_h), scaled into the space the stamp
 * leaves; @opened NULL draws a notice that the page could not be read
 * again. */
void      _ga_annex_draw_content    (cairo_t             *cr,
                                     GaAnnexOpened       *opened,
                                     guint                index,
                                     double               page_w,
                                     double               page_h,
                                     PangoContext        *pango,
                                     const char          *family,
                                     gboolean             zh);
/* The stamp at the top ("附件 3 · 第 2/5 页" right, the name left) and
 * the footer ("第 N 页 共 M 页") of an attached page. */
void      _ga_annex_draw_stamp      (cairo_t             *cr,
                                     const GaAnnexFile   *file,
                                     guint                index,
                                     guint                page,
                                     guint                total,
                                     double               page_w,
                                     double               page_h,
                                     PangoContext        *pango,
                                     const char          *family,
                                     gboolean             zh);

G_END_DECLS
