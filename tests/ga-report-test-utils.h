/* ga-report-test-utils.h: what the tests of the report's layout, charts
 * and printing share: temporary folders, the poppler and LibreOffice tools,
 * and pixels of rendered pages
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and everything below it. */
void      ga_report_test_rm_rf          (const char         *path);

/* FALSE (and the test skipped, naming it) when @name is not installed. */
gboolean  ga_report_test_have_tool      (const char         *name);
/* Runs a program and returns its standard output; fails the test when it
 * fails. The program must be installed (ga_report_test_have_tool()). */
char     *ga_report_test_run            (const char * const *argv);

/* pdfinfo's page count, and pdftotext's text of page @page (from 1) or of
 * the whole document (@page 0), without the spaces and line ends that
 * readers insert differently. */
guint     ga_report_test_pdf_n_pages    (const char         *pdf);
char     *ga_report_test_pdf_text       (const char         *pdf,
                                         guint               page);
/* pdfimages -list: the number of raster images on page @page (from 1). */
guint     ga_report_test_pdf_n_images   (const char         *pdf,
                                         guint               page);
/* Page @page rendered by pdftoppm at @dpi into @dir, as a PNG file path. */
char     *ga_report_test_pdf_render     (const char         *pdf,
                                         guint               page,
                                         guint               dpi,
                                         const char         *dir);
/* Pixels of the PNG image (file or bytes) within @tolerance (0–255 per
 * channel) of the colour 0xRRGGBB. */
guint     ga_report_test_count_colour   (const char         *png_path,
                                         guint32             rgb,
                                         guint               tolerance);
guint     ga_report_test_count_colour_bytes (GBytes         *png,
                                             guint32         rgb,
                                             guint           tolerance);

/* Copies @path to $GA_REPORT_OUTPUT_DIR/@name when that is set, so the
 * files can be looked at. */
void      ga_report_test_keep           (const char         *path,
                                         const char         *name);

G_END_DECLS
