/* test-report-merge.c: the report and its evidence in one PDF
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An assessment of the demo enterprise gets evidence made here: a PDF of
 * two pages (the second landscape) drawn with cairo, a PNG, a JPEG, a
 * text file, a damaged PDF and one that needs a password. The report job
 * writes the merged PDF, and pdfinfo, pdftotext, pdfimages and pdftoppm
 * read it back: the page count (the report's, the separator, then two,
 * one and one), the stamps on the evidence pages, the continuous page
 * numbers, the separator listing what is not merged with its SHA-256 and
 * why, the sizes of the pages, the image's colour and the JPEG embedded as
 * it is. Without the poppler tools those checks are skipped.
 */
#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "ga-report-job.h"
#include "ga-report-test-utils.h"
#include "ga-store-engine.h"

#define TEMPLATE_ID "gbt36132-2025"
#define ITEM_ID     "BR1"

static char *tmpdir;
static GaStore *store;
static int next_year = 2030;

/* ------------------------------------------------------------------ evidence made here */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
show_words (cairo_t    *cr,
            const char *text,
            double      x,
            double      y)
{
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 28);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

/* Two pages: A4 portrait with a blue block, then A4 landscape. */
static GBytes *
two_page_pdf (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, 595.3,
                                                                  841.9);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 100, 300, 395, 200);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_words (cr, "EVIDENCE PAGE ONE", 100, 200);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, 841.9, 595.3);
  show_words (cr, "EVIDENCE PAGE TWO", 100, 200);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* A landscape image, all one colour. */
static GBytes *
solid_png (guint32 rgb)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* A portrait JPEG, green. */
static GBytes *
green_jpeg (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 500);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, 0x00a000ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &len, "jpeg", &error, "quality",
                                            "90", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* A PDF of one page whose security handler wants a password that is not
 * empty: what a reader meets in a PDF sent "protected". */
static GBytes *
encrypted_pdf (void)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /Filter /Standard /V 1 /R 2 /O <1111111111111111111111111111111111111111111111111111"
    "111111111111> /U <22222222222222222222222222222222222222222222222222222222222222"
    "22> /P -44 >>",
  };
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n",
                          (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R /ID "
                          "[<33333333333333333333333333333333><33333333333333333333333333333333>]"
                          " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/* ------------------------------------------------------------------ the assessment */

static gint64
new_assessment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) demo = ga_store_find_enterprise (store, GA_STORE_DEMO_CREDIT_CODE,
                                                           &error);
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (TEMPLATE_ID, &error);
  g_autofree char *period = NULL;
  gint64 aid;

  g_assert_no_error (error);
  g_assert_nonnull (demo);
  period = g_strdup_printf ("%d", next_year);
  aid = ga_store_new_assessment (store, demo->id, tmpl, TEMPLATE_ID, next_year, period, &error);
  next_year++;
  g_assert_no_error (error);
  return aid;
}

static char *
attach (gint64      aid,
        const char *name,
        GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = ga_store_add_evidence_bytes (store, aid, ITEM_ID, name, bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_bytes_unref (bytes);
  list = ga_store_list_evidence (store, aid, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (((GaEvidence *) list->pdata[list->len - 1])->sha256);
}

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
}

/* Writes the report of @aid to @name in the test's folder and returns
 * the job, run. */
static GaReportJob *
write_report (gint64       aid,
              const char  *name,
              const char  *lang,
              gboolean     with_evidence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSession) session = ga_session_new (store, aid, NULL, &error);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  GaReportJob *job;

  g_assert_no_error (error);
  job = ga_report_job_new_for_session (session, path, lang, date, with_evidence, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
  g_assert_true (ga_report_job_run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  ga_report_test_keep (path, name);
  return job;
}

static void
assert_has (const char *text,
            const char *needle,
            const char *where)
{
  g_autofree char *squeezed = NULL;
  GString *s = g_string_new (NULL);

  for (const char *p = needle; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (s, *p);
  squeezed = g_string_free (s, FALSE);
  if (strstr (text, squeezed) == NULL)
    g_test_message ("%s: “%s” not found in “%s”", where, needle, text);
  g_assert_nonnull (strstr (text, squeezed));
}

/* pdfinfo's "Page N size: W x H pts" of page @page. */
static void
page_size (const char *pdf,
           guint       page,
           double     *w,
           double     *h)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdfinfo", "-f", number, "-l", number, pdf, NULL };
  g_autofree char *out = ga_report_test_run (argv);
  const char *line = strstr (out, " size: ");

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, " size: %lf x %lf", w, h), ==, 2);
}

/* ------------------------------------------------------------------ the tests */

static void
check_merged (gboolean zh)
{
  const char *lang = zh ? "zh_CN" : "en";
  gint64 aid = new_assessment ();
  g_autofree char *pdf_sha = attach (aid, "检测报告.pdf", two_page_pdf ());
  g_autofree char *png_sha = attach (aid, "现场照片.png", solid_png (0xff0000));
  g_autofree char *txt_sha = attach (aid, "说明.txt",
                                     g_bytes_new_static ("not a PDF\n", 10));
  g_autofree char *alone_name = g_strdup_printf ("alone-%s.pdf", lang);
  g_autofree char *merged_name = g_strdup_printf ("merged-%s.pdf", lang);
  g_autoptr(GaReportJob) alone = write_report (aid, alone_name, lang, FALSE);
  g_autoptr(GaReportJob) merged = write_report (aid, merged_name, lang, TRUE);
  g_autofree char *merged_path = g_build_filename (tmpdir, merged_name, NULL);
  g_autofree char *alone_path = g_build_filename (tmpdir, alone_name, NULL);
  const char * const *notes = ga_report_job_get_notes (merged);
  guint report_pages, total;
  double w, h;

  /* One note, on the text file, naming it and its number. */
  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 1);
  g_assert_nonnull (strstr (notes[0], "说明.txt"));
  g_assert_nonnull (strstr (notes[0], zh ? "附件 3" : "Annex 3"));
  g_assert_cmpuint (ga_report_job_get_n_merged (merged), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) ga_report_job_get_notes (alone)), ==, 0);

  if (!ga_report_test_have_tool ("pdfinfo") || !ga_report_test_have_tool ("pdftotext"))
    return;
  report_pages = ga_report_test_pdf_n_pages (alone_path);
  total = ga_report_test_pdf_n_pages (merged_path);
  /* The report, one separator page, the PDF's two pages, the image. */
  g_assert_cmpuint (total, ==, report_pages + 1 + 2 + 1);
  g_assert_cmpuint (ga_report_job_get_n_pages (merged), ==, total);

  /* The report's pages are numbered on to the end of the file. */
  {
    g_autofree char *first = ga_report_test_pdf_text (merged_path, 1);
    g_autofree char *footer = zh ? g_strdup_printf ("第1页共%u页", total)
                                 : g_strdup_printf ("Page1of%u", total);

    assert_has (first, footer, "page 1");
  }

  /* The separator: what is merged where, what is not and why, with its
   * checksum. */
  {
    g_autofree char *text = ga_report_test_pdf_text (merged_path, report_pages + 1);
    g_autofree char *pages = zh ? g_strdup_printf ("第%u–%u页", report_pages + 2,
                                                   report_pages + 3)
                                : g_strdup_printf ("%u–%u", report_pages + 2, report_pages + 3);
    g_autofree char *txt_head = g_strndup (txt_sha, 16);
    g_autofree char *png_head = g_strndup (png_sha, 16);
    g_autofree char *pdf_head = g_strndup (pdf_sha, 16);

    assert_has (text, zh ? "附件：佐证材料" : "Annex: evidence", "separator");
    assert_has (text, zh ? "未合并的文件" : "Files not merged", "separator");
    assert_has (text, "检测报告.pdf", "separator");
    assert_has (text, pages, "separator");
    assert_has (text, "说明.txt", "separator");
    assert_has (text, zh ? "不是PDF或图片" : "not a PDF or an image", "separator");
    assert_has (text, txt_head, "separator");
    /* The merged files' checksums are in the report's index, not here. */
    g_assert_null (strstr (text, png_head));
    g_assert_null (strstr (text, pdf_head));
  }

  /* The evidence pages: stamped, numbered on, and the PDF's own text. */
  {
    g_autofree char *p1 = ga_report_test_pdf_text (merged_path, report_pages + 2);
    g_autofree char *p2 = ga_report_test_pdf_text (merged_path, report_pages + 3);
    g_autofree char *p3 = ga_report_test_pdf_text (merged_path, report_pages + 4);
    g_autofree char *footer = zh ? g_strdup_printf ("第%u页共%u页", report_pages + 2, total)
                                 : g_strdup_printf ("Page%uof%u", report_pages + 2, total);

    assert_has (p1, zh ? "附件 1 · 第 1/2 页" : "Annex 1 · page 1/2", "evidence page 1");
    assert_has (p1, "EVIDENCEPAGEONE", "evidence page 1");
    assert_has (p1, "检测报告.pdf", "evidence page 1");
    assert_has (p1, footer, "evidence page 1");
    assert_has (p2, zh ? "附件 1 · 第 2/2 页" : "Annex 1 · page 2/2", "evidence page 2");
    assert_has (p2, "EVIDENCEPAGETWO", "evidence page 2");
    assert_has (p3, zh ? "附件 2 · 第 1/1 页" : "Annex 2 · page 1/1", "image page");
    assert_has (p3, "现场照片.png", "image page");
    g_assert_null (strstr (p3, "EVIDENCE"));
  }

  /* Portrait stays portrait, landscape turns the page. */
  page_size (merged_path, report_pages + 2, &w, &h);
  g_assert_cmpfloat (w, <, h);
  page_size (merged_path, report_pages + 3, &w, &h);
  g_assert_cmpfloat (w, >, h);
  page_size (merged_path, report_pages + 4, &w, &h);
  g_assert_cmpfloat (w, >, h);

  /* The image is drawn large, and the blue of the PDF's page is there. */
  if (ga_report_test_have_tool ("pdftoppm"))
    {
      g_autofree char *image = ga_report_test_pdf_render (merged_path, report_pages + 4, 50,
                                                          tmpdir);
      g_autofree char *page = ga_report_test_pdf_render (merged_path, report_pages + 2, 50,
                                                         tmpdir);

      /* 600 × 400 pixels at 72 dpi: 600 × 400 points, at 50 dpi about
       * 416 × 277 pixels, nearly all red. */
      g_assert_cmpuint (ga_report_test_count_colour (image, 0xff0000, 8), >, 100000);
      g_assert_cmpuint (ga_report_test_count_colour (page, 0x0000ff, 8), >, 10000);
    }
}

static void
test_merged_zh (void)
{
  check_merged (TRUE);
}

static void
test_merged_en (void)
{
  check_merged (FALSE);
}

/* A damaged PDF and an encrypted one are listed with why; the image after
 * them is merged all the same. */
static void
test_unreadable (void)
{
  gint64 aid = new_assessment ();
  g_autofree char *broken_sha = attach (aid, "损坏.pdf",
                                        g_bytes_new_static ("%PDF-1.4\ngarbage\n", 17));
  g_autofree char *locked_sha = attach (aid, "加密.pdf", encrypted_pdf ());
  g_autofree char *png_sha = attach (aid, "照片.png", solid_png (0x00ff00));
  g_autofree char *broken_head = g_strndup (broken_sha, 16);
  g_autofree char *locked_head = g_strndup (locked_sha, 16);
  g_autoptr(GaReportJob) alone = write_report (aid, "broken-alone.pdf", "zh_CN", FALSE);
  g_autoptr(GaReportJob) merged = write_report (aid, "broken-merged.pdf", "zh_CN", TRUE);
  g_autofree char *merged_path = g_build_filename (tmpdir, "broken-merged.pdf", NULL);
  g_autofree char *alone_path = g_build_filename (tmpdir, "broken-alone.pdf", NULL);
  const char * const *notes = ga_report_job_get_notes (merged);
  guint report_pages;

  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
  g_assert_nonnull (strstr (notes[0], "损坏.pdf"));
  g_assert_nonnull (strstr (notes[0], "已损坏"));
  g_assert_nonnull (strstr (notes[1], "加密.pdf"));
  g_assert_nonnull (strstr (notes[1], "已加密"));
  g_assert_nonnull (strstr (notes[1], "密码"));
  g_assert_cmpuint (ga_report_job_get_n_merged (merged), ==, 1);

  if (!ga_report_test_have_tool ("pdfinfo") || !ga_report_test_have_tool ("pdftotext"))
    return;
  report_pages = ga_report_test_pdf_n_pages (alone_path);
  g_assert_cmpuint (ga_report_test_pdf_n_pages (merged_path), ==, report_pages + 1 + 1);
  {
    g_autofree char *text = ga_report_test_pdf_text (merged_path, report_pages + 1);
    g_autofree char *image = ga_report_test_pdf_text (merged_path, report_pages + 2);

    assert_has (text, "损坏.pdf", "separator");
    assert_has (text, "已损坏或不完整", "separator");
    assert_has (text, "加密.pdf", "separator");
    assert_has (text, "需要密码", "separator");
    assert_has (text, broken_head, "separator");
    assert_has (text, locked_head, "separator");
    g_assert_null (strstr (text, png_sha));
    assert_has (image, "附件 3 · 第 1/1 页", "image page");
  }
}

/* A JPEG goes in as it is (DCT), not as decoded pixels. */
static void
test_jpeg_as_is (void)
{
  gint64 aid = new_assessment ();
  g_autofree char *sha = attach (aid, "photo.jpg", green_jpeg ());
  g_autoptr(GaReportJob) merged = write_report (aid, "jpeg.pdf", "en", TRUE);
  g_autofree char *path = g_build_filename (tmpdir, "jpeg.pdf", NULL);
  g_autofree char *number = NULL;
  g_autofree char *list = NULL;
  guint total;
  double w, h;

  g_assert_cmpuint (ga_report_job_get_n_merged (merged), ==, 1);
  if (!ga_report_test_have_tool ("pdfimages") || !ga_report_test_have_tool ("pdfinfo"))
    return;
  total = ga_report_test_pdf_n_pages (path);
  number = g_strdup_printf ("%u", total);
  {
    const char *argv[] = { "pdfimages", "-f", number, "-l", number, "-list", path, NULL };

    list = ga_report_test_run (argv);
  }
  g_assert_nonnull (strstr (list, "jpeg"));
  page_size (path, total, &w, &h);
  g_assert_cmpfloat (w, <, h);
}

/* Asked for, but none attached: the report alone, without a separator. */
static void
test_no_evidence (void)
{
  gint64 aid = new_assessment ();
  g_autoptr(GaReportJob) alone = write_report (aid, "none-alone.pdf", "zh_CN", FALSE);
  g_autoptr(GaReportJob) merged = write_report (aid, "none-merged.pdf", "zh_CN", TRUE);
  g_autofree char *merged_path = g_build_filename (tmpdir, "none-merged.pdf", NULL);
  g_autofree char *alone_path = g_build_filename (tmpdir, "none-alone.pdf", NULL);

  g_assert_cmpuint (ga_report_job_get_n_merged (merged), ==, 0);
  if (!ga_report_test_have_tool ("pdfinfo"))
    return;
  g_assert_cmpuint (ga_report_test_pdf_n_pages (merged_path), ==,
                    ga_report_test_pdf_n_pages (alone_path));
}

/* A Word file cannot carry the evidence; another suffix is no report. */
static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSession) session = ga_session_new (store, new_assessment (), NULL, &error);
  g_autofree char *docx = g_build_filename (tmpdir, "refused.docx", NULL);
  g_autofree char *odt = g_build_filename (tmpdir, "refused.odt", NULL);
  GaReportJob *job;

  g_assert_no_error (error);
  job = ga_report_job_new_for_session (session, docx, "en", NULL, TRUE, &error);
  g_assert_null (job);
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PDF"));
  g_clear_error (&error);
  job = ga_report_job_new_for_session (session, odt, "en", NULL, FALSE, &error);
  g_assert_null (job);
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  job = ga_report_job_new_for_session (session, docx, "en", NULL, FALSE, &error);
  g_assert_no_error (error);
  ga_report_job_free (job);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
cancel_midway_cb (double   fraction,
                  gpointer user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

/* Progress rises to 1; a job cancelled before it starts, or halfway
 * through the pages, leaves no file behind, not even its temporary one. */
static void
test_progress_cancel (void)
{
  g_autoptr(GError) error = NULL;
  gint64 aid = new_assessment ();
  g_autofree char *sha = attach (aid, "two.pdf", two_page_pdf ());
  g_autoptr(GaSession) session = ga_session_new (store, aid, NULL, &error);
  g_autofree char *dir = g_build_filename (tmpdir, "cancel", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GaReportJob) job = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  job = ga_report_job_new_for_session (session, path, "zh_CN", NULL, TRUE, &error);
  g_assert_no_error (error);
  ga_report_job_set_progress_func (job, progress_cb, seen);
  g_assert_true (ga_report_job_run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >, 2);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_cancellable_cancel (cancellable);
  g_assert_false (ga_report_job_run (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_clear_pointer (&listing, g_dir_close);

  g_cancellable_reset (cancellable);
  ga_report_job_set_progress_func (job, cancel_midway_cb, cancellable);
  g_assert_false (ga_report_job_run (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ga-report-merge-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "demo.db", NULL);
  store = ga_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);

  g_test_add_func ("/ga/report-merge/zh", test_merged_zh);
  g_test_add_func ("/ga/report-merge/en", test_merged_en);
  g_test_add_func ("/ga/report-merge/unreadable", test_unreadable);
  g_test_add_func ("/ga/report-merge/jpeg-as-is", test_jpeg_as_is);
  g_test_add_func ("/ga/report-merge/no-evidence", test_no_evidence);
  g_test_add_func ("/ga/report-merge/refused", test_refused);
  g_test_add_func ("/ga/report-merge/progress-cancel", test_progress_cancel);

  status = g_test_run ();
  g_object_unref (store);
  if (g_getenv ("GA_TEST_KEEP") == NULL)
    ga_report_test_rm_rf (tmpdir);
  else
    g_printerr ("kept %s\n", tmpdir);
  g_free (tmpdir);
  return status;
}
