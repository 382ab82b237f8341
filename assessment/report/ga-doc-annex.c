/* ga-doc-annex.c: a report and the files attached to it, in one PDF
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes over the files. The first reads each one, finds out what it
 * is and counts its pages, so that every page number is known before the
 * first page is drawn (the footers say "of M", the separator page gives
 * each file's pages). The second draws: the report's pages, the separator
 * (a GaDoc of its own, laid out like the report and numbered on from it),
 * then each file's pages, reading it again. One file at a time is held.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "ga-doc-annex-private.h"

struct _GaDocAnnex {
  GaDocAnnexReadFunc  read;
  gpointer            user_data;
  GDestroyNotify      destroy;
  GPtrArray          *files;        /* GaAnnexFile* */
  guint               total_pages;
  gboolean            zh;           /* the language of the last write */
};

static void
annex_file_free (gpointer data)
{
  GaAnnexFile *file = data;

  g_free (file->name);
  g_free (file->sha256);
  g_free (file->reason);
  g_free (file);
}

GaDocAnnex *
ga_doc_annex_new (GaDocAnnexReadFunc read,
                  gpointer           user_data,
                  GDestroyNotify     destroy)
{
  GaDocAnnex *annex;

  g_return_val_if_fail (read != NULL, NULL);

  annex = g_new0 (GaDocAnnex, 1);
  annex->read = read;
  annex->user_data = user_data;
  annex->destroy = destroy;
  annex->files = g_ptr_array_new_with_free_func (annex_file_free);
  return annex;
}

void
ga_doc_annex_free (GaDocAnnex *annex)
{
  if (annex == NULL)
    return;
  if (annex->destroy != NULL)
    annex->destroy (annex->user_data);
  g_ptr_array_unref (annex->files);
  g_free (annex);
}

void
ga_doc_annex_add (GaDocAnnex *annex,
                  guint       number,
                  const char *name,
                  const char *sha256,
                  gint64      key)
{
  GaAnnexFile *file;

  g_return_if_fail (annex != NULL);

  file = g_new0 (GaAnnexFile, 1);
  file->number = number;
  file->name = ga_doc_clean_text (name);
  file->sha256 = g_strdup (sha256 != NULL ? sha256 : "");
  file->key = key;
  g_ptr_array_add (annex->files, file);
}

guint
ga_doc_annex_get_n_files (GaDocAnnex *annex)
{
  g_return_val_if_fail (annex != NULL, 0);

  return annex->files->len;
}

static GaAnnexFile *
file_at (GaDocAnnex *annex,
         guint       index)
{
  g_return_val_if_fail (annex != NULL, NULL);
  g_return_val_if_fail (index < annex->files->len, NULL);

  return annex->files->pdata[index];
}

GaDocAnnexStatus
ga_doc_annex_get_status (GaDocAnnex *annex,
                         guint       index)
{
  GaAnnexFile *file = file_at (annex, index);

  return file != NULL ? file->status : GA_DOC_ANNEX_PENDING;
}

guint
ga_doc_annex_get_first_page (GaDocAnnex *annex,
                             guint       index)
{
  GaAnnexFile *file = file_at (annex, index);

  return file != NULL && file->status == GA_DOC_ANNEX_MERGED ? file->first_page : 0;
}

guint
ga_doc_annex_get_n_pages (GaDocAnnex *annex,
                          guint       index)
{
  GaAnnexFile *file = file_at (annex, index);

  return file != NULL && file->status == GA_DOC_ANNEX_MERGED ? file->n_pages : 0;
}

const char *
ga_doc_annex_get_reason (GaDocAnnex *annex,
                         guint       index)
{
  GaAnnexFile *file = file_at (annex, index);

  return file != NULL ? file->reason : NULL;
}

guint
ga_doc_annex_get_total_pages (GaDocAnnex *annex)
{
  g_return_val_if_fail (annex != NULL, 0);

  return annex->total_pages;
}

char *
ga_doc_annex_dup_note (GaDocAnnex *annex,
                       guint       index)
{
  GaAnnexFile *file = file_at (annex, index);

  if (file == NULL || file->status == GA_DOC_ANNEX_MERGED || file->reason == NULL)
    return NULL;
  if (annex->zh)
    return g_strdup_printf ("附件 %u（%s）未合并：%s。", file->number, file->name, file->reason);
  return g_strdup_printf ("Annex %u (%s) is not merged: %s.", file->number, file->name,
                          file->reason);
}

/* ------------------------------------------------------------------ the separator page */

/* The checksum in lines of 16 digits, as the evidence index writes it. */
static char *
hash_lines (const char *sha256)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (sha256);

  for (gsize i = 0; i < len; i += 16)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, sha256 + i, MIN (16, len - i));
    }
  return g_string_free (out, FALSE);
}

static char *
page_range (guint    first,
            guint    n,
            gboolean zh)
{
  if (n == 1)
    return zh ? g_strdup_printf ("第 %u 页", first) : g_strdup_printf ("%u", first);
  return zh ? g_strdup_printf ("第 %u–%u 页", first, first + n - 1)
            : g_strdup_printf ("%u–%u", first, first + n - 1);
}

/* The separator: what follows, file by file (the first file's first page
 * being @first_annex_page), and what is not there. */
static GaDoc *
separator_new (GaDoc      *report,
               GaDocAnnex *annex,
               guint       first_annex_page)
{
  gboolean zh = ga_doc_get_language (report) == GA_DOC_LANG_ZH_CN;
  GaDoc *doc = ga_doc_new (ga_doc_get_language (report));
  guint merged = 0, left = 0, page = first_annex_page;

  for (guint i = 0; i < annex->files->len; i++)
    {
      GaAnnexFile *file = annex->files->pdata[i];

      if (file->status == GA_DOC_ANNEX_MERGED)
        merged++;
      else
        left++;
    }

  ga_doc_set_title (doc, ga_doc_get_title (report));
  ga_doc_set_author (doc, ga_doc_get_author (report));
  ga_doc_set_date (doc, ga_doc_get_date (report));
  ga_doc_set_running_title (doc, ga_doc_get_running_title (report));
  ga_doc_add_heading (doc, 1, zh ? "附件：佐证材料" : "Annex: evidence");
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL,
                        zh ? "以下各页依次为“附件：佐证材料清单”中的 PDF 文件和图片，按清单序号排列。"
                             "每页右上角注明附件序号及该页在原文件中的页码，页脚为本文件的连续页码。"
                           : "The pages that follow are the PDF files and images of the annex "
                             "“list of evidence”, in the order of its numbers. The top right "
                             "corner of each page gives the file's number and the page within "
                             "that file; the footer numbers the pages of this whole document.");

  if (merged > 0)
    {
      const double widths[] = { 0.1, 0.54, 0.12, 0.24 };
      const char *header[] = { zh ? "序号" : "No.", zh ? "文件名" : "File name",
                               zh ? "页数" : "Pages", zh ? "本文件中的页码" : "Pages here" };
      GaDocTable *t;

      ga_doc_add_heading (doc, 2, zh ? "合并的文件" : "Files merged");
      t = ga_doc_add_table (doc, 4, widths, NULL);
      ga_doc_table_set_header (t, header);
      ga_doc_table_set_column_align (t, 0, GA_DOC_ALIGN_CENTER);
      ga_doc_table_set_column_align (t, 2, GA_DOC_ALIGN_END);
      for (guint i = 0; i < annex->files->len; i++)
        {
          GaAnnexFile *file = annex->files->pdata[i];
          g_autofree char *number = NULL;
          g_autofree char *n = NULL;
          g_autofree char *range = NULL;
          const char *cells[4];

          if (file->status != GA_DOC_ANNEX_MERGED)
            continue;
          number = g_strdup_printf ("%u", file->number);
          n = g_strdup_printf ("%u", file->n_pages);
          range = page_range (page, file->n_pages, zh);
          page += file->n_pages;
          cells[0] = number;
          cells[1] = file->name;
          cells[2] = n;
          cells[3] = range;
          ga_doc_table_add_row (t, cells);
        }
    }

  if (left > 0)
    {
      const double widths[] = { 0.08, 0.27, 0.32, 0.33 };
      const char *header[] = { zh ? "序号" : "No.", zh ? "文件名" : "File name",
                               zh ? "未合并的原因" : "Why it is not here", "SHA-256" };
      GaDocTable *t;

      ga_doc_add_heading (doc, 2, zh ? "未合并的文件" : "Files not merged");
      ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL,
                            zh ? "下列文件未合并到本文件中，请按原件另行提交；SHA-256 校验值可用于核对原件未被改动。"
                               : "The files below are not in this document; submit the "
                                 "originals separately. Their SHA-256 checksums confirm that "
                                 "an original is unchanged.");
      t = ga_doc_add_table (doc, 4, widths, NULL);
      ga_doc_table_set_header (t, header);
      ga_doc_table_set_column_align (t, 0, GA_DOC_ALIGN_CENTER);
      for (guint i = 0; i < annex->files->len; i++)
        {
          GaAnnexFile *file = annex->files->pdata[i];
          g_autofree char *number = NULL;
          g_autofree char *hash = NULL;
          const char *cells[4];

          if (file->status != GA_DOC_ANNEX_NOT_MERGEABLE
              && file->status != GA_DOC_ANNEX_UNREADABLE)
            continue;
          number = g_strdup_printf ("%u", file->number);
          hash = hash_lines (file->sha256);
          cells[0] = number;
          cells[1] = file->name;
          cells[2] = file->reason;
          cells[3] = hash;
          ga_doc_table_add_row (t, cells);
        }
    }
  return doc;
}

/* ------------------------------------------------------------------ writing */

typedef struct {
  int fd;
  int error;      /* errno of the first write that failed */
} Sink;

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  GaDoc             *doc;
  GaDocAnnex        *annex;
  gboolean           zh;
  GaDocProgressFunc  progress;
  gpointer           progress_data;
  GCancellable      *cancellable;
  guint              total;         /* pages of the file */
  guint              drawn;
  double             last_reported;
} Writer;

static void
report_progress (Writer *w,
                 double  fraction)
{
  if (w->progress == NULL || fraction - w->last_reported < 0.005)
    return;
  w->last_reported = fraction;
  w->progress (MIN (fraction, 1.0), w->progress_data);
}

/* The first pass takes a tenth of the time, drawing the rest. */
static void
page_done (Writer *w)
{
  w->drawn++;
  report_progress (w, 0.1 + 0.9 * w->drawn / MAX (w->total, 1));
}

static gboolean
cancelled (Writer  *w,
           GError **error)
{
  return g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

/* First pass: what each file is and how many pages it has. */
static gboolean
inspect_files (Writer  *w,
               GError **error)
{
  GaDocAnnex *annex = w->annex;

  for (guint i = 0; i < annex->files->len; i++)
    {
      GaAnnexFile *file = annex->files->pdata[i];
      g_autoptr(GError) read_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      GaAnnexOpened opened;

      if (cancelled (w, error))
        return FALSE;
      bytes = annex->read (annex->user_data, file->key, &read_error);
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      file->status = GA_DOC_ANNEX_PENDING;
      file->first_page = 0;
      if (_ga_annex_open (file, bytes, read_error, w->zh, &opened))
        file->status = GA_DOC_ANNEX_MERGED;
      _ga_annex_opened_clear (&opened);
      report_progress (w, 0.1 * (i + 1) / annex->files->len);
    }
  return TRUE;
}

/* Second pass, one file: its pages, read again. */
static void
draw_file (Writer          *w,
           GaAnnexFile     *file,
           cairo_t         *cr,
           cairo_surface_t *surface,
           PangoContext    *pango,
           const char      *family,
           int              parent_outline)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) bytes = w->annex->read (w->annex->user_data, file->key, &read_error);
  GaAnnexFile probe = { 0 };
  GaAnnexOpened opened;
  gboolean ok;
  g_autofree char *title = NULL;
  g_autofree char *link = NULL;

  probe.name = file->name;
  ok = _ga_annex_open (&probe, bytes, read_error, w->zh, &opened);
  g_free (probe.reason);

  for (guint i = 0; i < file->n_pages && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
       i++)
    {
      double w_pt = 0, h_pt = 0, page_w, page_h;
      gboolean have = ok && i < probe.n_pages;

      if (g_cancellable_is_cancelled (w->cancellable))
        break;
      if (have && opened.pdf != NULL)
        {
          PopplerPage *page = poppler_document_get_page (opened.pdf, (int) i);

          if (page != NULL)
            {
              poppler_page_get_size (page, &w_pt, &h_pt);
              g_object_unref (page);
            }
        }
      else if (have && opened.image != NULL)
        {
          w_pt = gdk_pixbuf_get_width (opened.image);
          h_pt = gdk_pixbuf_get_height (opened.image);
        }
      _ga_annex_page_size (w_pt, h_pt, &page_w, &page_h);
      cairo_pdf_surface_set_size (surface, page_w, page_h);
      _ga_annex_draw_content (cr, have ? &opened : NULL, i, page_w, page_h, pango, family, w->zh);
      _ga_annex_draw_stamp (cr, file, i, file->first_page + i, w->total, page_w, page_h, pango,
                            family, w->zh);
      if (i == 0)
        {
          title = w->zh ? g_strdup_printf ("附件 %u  %s", file->number, file->name)
                        : g_strdup_printf ("Annex %u  %s", file->number, file->name);
          link = g_strdup_printf ("page=%u", file->first_page);
          cairo_pdf_surface_add_outline (surface, parent_outline, title, link, 0);
        }
      cairo_show_page (cr);
      page_done (w);
    }
  _ga_annex_opened_clear (&opened);
}

static gboolean
draw_all (Writer           *w,
          GaDocLayout      *report,
          GaDocLayout      *separator,
          cairo_surface_t  *surface,
          GError          **error)
{
  PangoContext *pango = ga_doc_text_context_new (ga_doc_get_language (w->doc));
  g_autofree char *family = ga_doc_body_families ();
  cairo_t *cr = cairo_create (surface);
  guint n_report = ga_doc_layout_get_n_pages (report);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint page = 1; page <= n_report; page++)
    {
      if (g_cancellable_is_cancelled (w->cancellable))
        break;
      _ga_layout_draw_pdf_page (report, cr, surface, page);
      cairo_show_page (cr);
      page_done (w);
    }
  if (separator != NULL)
    for (guint page = 1; page <= ga_doc_layout_get_n_pages (separator); page++)
      {
        if (g_cancellable_is_cancelled (w->cancellable))
          break;
        _ga_layout_draw_pdf_page (separator, cr, surface, page);
        cairo_show_page (cr);
        page_done (w);
        parent = _ga_layout_get_outline_id (separator, 1);
      }
  for (guint i = 0; i < w->annex->files->len; i++)
    {
      GaAnnexFile *file = w->annex->files->pdata[i];

      if (g_cancellable_is_cancelled (w->cancellable)
          || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        break;
      if (file->status == GA_DOC_ANNEX_MERGED)
        draw_file (w, file, cr, surface, pango, family, parent);
    }
  cairo_destroy (cr);
  g_object_unref (pango);
  return !cancelled (w, error);
}

static void
set_write_error (GError    **error,
                 const char *path,
                 const char *why)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE, "Cannot write “%s”: %s", shown, why);
}

/* A hidden file in the folder of @path, to be renamed onto it. */
static char *
temp_beside (const char  *path,
             int         *fd,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  char *tmp = g_build_filename (dir, ".ga-pdf-XXXXXX", NULL);

  *fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (*fd < 0)
    {
      set_write_error (error, path, g_strerror (errno));
      g_free (tmp);
      return NULL;
    }
  return tmp;
}

/* Lays out the separator page(s) before the evidence files, which list
 * the files with the numbers of their first pages; *@separator_doc holds
 * the document the layout reads. Its length comes first: the files'
 * pages follow it, and it gives their numbers. Longer numbers could make
 * it longer in theory, so it is laid out again until the numbers it gives
 * fit it. */
static GaDocLayout *
lay_out_separator (GaDoc       *doc,
                   GaDocAnnex  *annex,
                   guint        n_report,
                   double       width,
                   double       height,
                   GaDoc      **separator_doc,
                   GError     **error)
{
  GaDocLayout *separator = NULL;
  guint n_separator = 1;

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      g_clear_pointer (&separator, ga_doc_layout_free);
      g_clear_pointer (separator_doc, ga_doc_unref);
      *separator_doc = separator_new (doc, annex, n_report + n_separator + 1);
      separator = ga_doc_layout_new (*separator_doc, width, height, NULL, error);
      if (separator == NULL)
        return NULL;
      if (ga_doc_layout_get_n_pages (separator) == n_separator)
        break;
      n_separator = ga_doc_layout_get_n_pages (separator);
    }
  return separator;
}

/* Gives each merged file the number of its first page after the report's
 * @w->total pages (and the separator's), then numbers the report's and the
 * separator's pages out of the whole. */
static void
number_pages (Writer      *w,
              GaDocLayout *report,
              GaDocLayout *separator,
              guint        n_report)
{
  GaDocAnnex *annex = w->annex;
  guint n_files_pages = 0;

  for (guint i = 0; i < annex->files->len; i++)
    {
      GaAnnexFile *file = annex->files->pdata[i];

      if (file->status != GA_DOC_ANNEX_MERGED)
        continue;
      file->first_page = w->total + n_files_pages + 1;
      n_files_pages += file->n_pages;
    }
  w->total += n_files_pages;
  annex->total_pages = w->total;
  _ga_layout_set_numbering (report, 0, w->total, "");
  if (separator != NULL)
    _ga_layout_set_numbering (separator, n_report, w->total, "annex-");
}

/* Draws every page into the open temporary file @fd beside @path, then
 * syncs and closes it and gives it the name @path. FALSE with @error set
 * when a step fails; the file descriptor is closed in any case. */
static gboolean
write_pdf_file (Writer      *w,
                GaDocLayout *report,
                GaDocLayout *separator,
                const char  *path,
                const char  *tmp,
                int          fd,
                double       width,
                double       height,
                GError     **error)
{
  Sink sink = { fd, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink, width, height);
  _ga_doc_pdf_set_metadata (w->doc, surface);
  ok = draw_all (w, report, separator, surface, error);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && (status != CAIRO_STATUS_SUCCESS || sink.error != 0))
    {
      if (sink.error != 0)
        set_write_error (error, path, g_strerror (sink.error));
      else
        g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE, "Cannot make the PDF: %s",
                     cairo_status_to_string (status));
      ok = FALSE;
    }
  /* On disk before it takes the name: a crash leaves the old file or the
   * whole new one. */
  if (ok && fsync (sink.fd) != 0)
    {
      set_write_error (error, path, g_strerror (errno));
      ok = FALSE;
    }
  if (close (sink.fd) != 0 && ok)
    {
      set_write_error (error, path, g_strerror (errno));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      set_write_error (error, path, g_strerror (errno));
      ok = FALSE;
    }
  return ok;
}

gboolean
ga_doc_write_pdf_with_annex (GaDoc              *doc,
                             GaDocAnnex         *annex,
                             const char         *path,
                             GaDocProgressFunc   progress,
                             gpointer            progress_data,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GaDocLayout) report = NULL;
  g_autoptr(GaDocLayout) separator = NULL;
  g_autoptr(GaDoc) separator_doc = NULL;
  g_autofree char *tmp = NULL;
  Writer w = { 0 };
  int fd = -1;
  double width, height;
  guint n_report;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (annex != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  w.doc = doc;
  w.annex = annex;
  w.zh = ga_doc_get_language (doc) == GA_DOC_LANG_ZH_CN;
  w.progress = progress;
  w.progress_data = progress_data;
  w.cancellable = cancellable;
  w.last_reported = -1;
  annex->total_pages = 0;
  annex->zh = w.zh;

  ga_doc_layout_get_default_page (&width, &height, NULL);
  report = ga_doc_layout_new (doc, width, height, NULL, error);
  if (report == NULL || !inspect_files (&w, error))
    return FALSE;
  n_report = ga_doc_layout_get_n_pages (report);

  if (annex->files->len > 0)
    {
      separator = lay_out_separator (doc, annex, n_report, width, height, &separator_doc, error);
      if (separator == NULL)
        return FALSE;
      w.total = n_report + ga_doc_layout_get_n_pages (separator);
    }
  else
    w.total = n_report;
  number_pages (&w, report, separator, n_report);

  tmp = temp_beside (path, &fd, error);
  if (tmp == NULL)
    return FALSE;
  if (!write_pdf_file (&w, report, separator, path, tmp, fd, width, height, error))
    {
      g_unlink (tmp);
      annex->total_pages = 0;
      return FALSE;
    }
  report_progress (&w, 1.0);
  return TRUE;
}
