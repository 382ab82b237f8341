/* ga-doc-pdf.c: a GaDoc as PDF
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are those of ga-doc-layout.h on the default page (A4 with
 * the default margins), drawn one after the other into a cairo PDF
 * surface. The PDF adds what paper cannot have: the document's metadata,
 * a bookmark per heading and links from the table of contents to the
 * headings.
 */
#include "config.h"

#include <cairo-pdf.h>

#include "ga-doc-layout-private.h"

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

void
_ga_doc_pdf_set_metadata (GaDoc           *doc,
                          cairo_surface_t *surface)
{
  g_autofree char *date = g_date_time_format (ga_doc_get_date (doc), "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ga_doc_get_title (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, ga_doc_get_author (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "GreenAssess");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static cairo_surface_t *
pdf_surface_new (GaDoc      *doc,
                 GByteArray *bytes,
                 double      width,
                 double      height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, width, height);

  _ga_doc_pdf_set_metadata (doc, surface);
  return surface;
}

gboolean
ga_doc_write_pdf (GaDoc       *doc,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GaDocLayout) layout = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ga_doc_layout_get_default_page (&width, &height, NULL);
  layout = ga_doc_layout_new (doc, width, height, NULL, error);
  if (layout == NULL)
    return FALSE;

  surface = pdf_surface_new (doc, bytes, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint page = 1; page <= ga_doc_layout_get_n_pages (layout); page++)
    {
      _ga_layout_draw_pdf_page (layout, cr, surface, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE,
                   "Cannot make the PDF: %s", cairo_status_to_string (status));
      return FALSE;
    }
  return ga_doc_replace_file (path, bytes->data, bytes->len, error);
}
