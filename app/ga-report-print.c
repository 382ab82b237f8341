/* ga-report-print.c: a report printed, through GTK's print dialog
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operation works in points with the origin at the paper's corner
 * (GTK_UNIT_POINTS, use-full-page), which is what ga_doc_layout_draw_page()
 * draws in, so the printed page is the PDF's page when the paper is A4.
 * The pages are counted when printing begins, from the page setup the
 * dialog settled on; GTK then asks for them one at a time, in any order
 * (a range, reversed, several on a sheet).
 */
#include "config.h"

#include "ga-doc-layout.h"
#include "ga-report-print.h"

struct _GaReportPrint
{
  GtkPrintOperation  parent_instance;

  /* Owned references */
  GaDoc             *doc;
  GaDocLayout       *layout;   /* while printing */
  guint              n_pages;
  GError            *error;    /* why printing stopped, if it did */
};

G_DEFINE_FINAL_TYPE (GaReportPrint, ga_report_print, GTK_TYPE_PRINT_OPERATION)

/* The default page: A4 with the document's margins. */
static GtkPageSetup *
default_page_setup_new (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GaDocMargins margins;

  ga_doc_layout_get_default_page (NULL, NULL, &margins);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, margins.top, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, margins.bottom, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, margins.left, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, margins.right, GTK_UNIT_POINTS);
  return setup;
}

static void
ga_report_print_begin_print (GtkPrintOperation *operation,
                             GtkPrintContext   *context)
{
  GaReportPrint *self = GA_REPORT_PRINT (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  g_autoptr(GError) error = NULL;
  GaDocMargins margins;

  /* The dialog gives a paper's own margins, often a quarter of an inch,
   * when another paper is chosen: too close to the edge for the running
   * title and the page numbers. */
  ga_doc_layout_get_default_page (NULL, NULL, &margins);
  margins.top = MAX (margins.top, gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
  margins.bottom = MAX (margins.bottom, gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));
  margins.left = MAX (margins.left, gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
  margins.right = MAX (margins.right, gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));

  g_clear_pointer (&self->layout, ga_doc_layout_free);
  self->layout = ga_doc_layout_new (self->doc, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context), &margins, &error);
  if (self->layout == NULL)
    {
      /* GTK's own error cannot be set from here: printing is cancelled
       * and the reason kept for whoever started it. */
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      self->n_pages = 0;
      gtk_print_operation_cancel (operation);
      return;
    }
  self->n_pages = ga_doc_layout_get_n_pages (self->layout);
  gtk_print_operation_set_n_pages (operation, (int) self->n_pages);
}

static void
ga_report_print_draw_page (GtkPrintOperation *operation,
                           GtkPrintContext   *context,
                           int                page_nr)
{
  GaReportPrint *self = GA_REPORT_PRINT (operation);

  if (self->layout == NULL || page_nr < 0 || (guint) page_nr >= self->n_pages)
    return;
  ga_doc_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context),
                           (guint) page_nr);
}

static void
ga_report_print_end_print (GtkPrintOperation *operation,
                           GtkPrintContext   *context)
{
  GaReportPrint *self = GA_REPORT_PRINT (operation);

  g_clear_pointer (&self->layout, ga_doc_layout_free);
}

static void
ga_report_print_finalize (GObject *object)
{
  GaReportPrint *self = GA_REPORT_PRINT (object);

  g_clear_pointer (&self->layout, ga_doc_layout_free);
  g_clear_pointer (&self->doc, ga_doc_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ga_report_print_parent_class)->finalize (object);
}

static void
ga_report_print_class_init (GaReportPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ga_report_print_finalize;
  operation_class->begin_print = ga_report_print_begin_print;
  operation_class->draw_page = ga_report_print_draw_page;
  operation_class->end_print = ga_report_print_end_print;
}

static void
ga_report_print_init (GaReportPrint *self)
{
  g_autoptr(GtkPageSetup) setup = default_page_setup_new ();

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  /* The dialog's page setup tab: the paper and its orientation. */
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

GaReportPrint *
ga_report_print_new (GaDoc *doc)
{
  GaReportPrint *self;

  g_return_val_if_fail (doc != NULL, NULL);

  self = g_object_new (GA_TYPE_REPORT_PRINT, NULL);
  self->doc = ga_doc_ref (doc);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), ga_doc_get_title (doc));
  return self;
}

guint
ga_report_print_get_n_pages (GaReportPrint *self)
{
  g_return_val_if_fail (GA_IS_REPORT_PRINT (self), 0);

  return self->n_pages;
}

const GError *
ga_report_print_get_error (GaReportPrint *self)
{
  g_return_val_if_fail (GA_IS_REPORT_PRINT (self), NULL);

  return self->error;
}
