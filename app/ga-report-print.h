/* ga-report-print.h: a report printed, through GTK's print dialog
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-doc.h"

G_BEGIN_DECLS

#define GA_TYPE_REPORT_PRINT (ga_report_print_get_type ())

G_DECLARE_FINAL_TYPE (GaReportPrint, ga_report_print, GA, REPORT_PRINT, GtkPrintOperation)

/* A print operation that prints @doc (a reference is taken) with the
 * pages of ga-doc-layout.h: laid out again for the paper the print dialog
 * chooses (A4 unless the user picks another), drawn a page at a time. The
 * document keeps its margins on any paper, or the page setup's where they
 * are wider (a printer that cannot print so close to the edge). */
GaReportPrint *ga_report_print_new       (GaDoc          *doc);
/* The number of pages of the last layout, 0 before printing began. */
guint          ga_report_print_get_n_pages (GaReportPrint *self);
/* Why the report could not be laid out on the paper chosen (printing was
 * then cancelled), or NULL. */
const GError  *ga_report_print_get_error   (GaReportPrint *self);

G_END_DECLS
