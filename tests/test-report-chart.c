/* test-report-chart.c: chart blocks in the PDF and the DOCX
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document with a bar chart (points earned and attainable per part, with
 * Chinese labels, one of them long enough to wrap) and a shares chart (an
 * energy mix) is written as PDF and as DOCX. In the PDF the charts are
 * vector graphics: poppler finds their labels as text and no raster image
 * on their page, and the rendered page shows the bars' colour. The DOCX
 * carries each chart as a PNG in word/media/ with its relationship, drawn
 * inline by a w:drawing; LibreOffice converts it to PDF, where the two
 * pictures and the captions are found.
 *
 * Set GA_REPORT_OUTPUT_DIR to a folder to keep the written files there.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-stdio.h>

#include "ga-doc.h"
#include "ga-report-test-utils.h"

/* libgsf 1.14.50 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define BAR_GREEN 0x29804f   /* the first series' fill (0.16, 0.50, 0.31) */

static char *tmpdir;

static const char * const parts[] = {
  "基本要求", "基础设施", "管理体系", "能源与资源投入",
  "产品（含生态设计、碳足迹核算与绿色供应链管理要求）", "环境排放", "绩效",
};
static const double earned[] = { 0, 16.5, 12, 21.25, 8, 10, 14.5 };
static const double attainable[] = { 0, 20, 15, 30, 15, 10, 30 };

static const char * const carriers[] = { "电力", "天然气", "原煤", "蒸汽", "柴油" };
static const double tce[] = { 1245.6, 812.3, 402.1, 150.0, 12.4 };

static GaDoc *
make_doc (void)
{
  GaDoc *doc = ga_doc_new (GA_DOC_LANG_ZH_CN);
  const char * const bar_series[] = { "得分", "满分", NULL };
  const char * const share_series[] = { "综合能耗", NULL };
  g_autoptr(GError) error = NULL;
  GaDocChart *chart;

  ga_doc_set_title (doc, "图表测试");
  ga_doc_set_running_title (doc, "示例企业 · 绿色工厂自评价报告");
  ga_doc_add_heading (doc, 1, "三、自评价得分及结论");
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, "各部分得分与满分对比如下图。");
  chart = ga_doc_add_chart (doc, GA_DOC_CHART_BARS, bar_series, "分", "图 1 各部分得分", &error);
  g_assert_no_error (error);
  g_assert_nonnull (chart);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const double values[] = { earned[i], attainable[i] };
      g_autofree char *text = g_strdup_printf ("%g / %g", earned[i], attainable[i]);
      const char * const texts[] = { text, NULL };

      ga_doc_chart_add_category (chart, parts[i], values, texts);
    }
  ga_doc_add_heading (doc, 1, "四、能源消费结构");
  chart = ga_doc_add_chart (doc, GA_DOC_CHART_SHARES, share_series, "tce",
                            "图 2 能源消费结构（按折标准煤）", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (carriers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%.1f tce", tce[i]);
      const char * const texts[] = { text };

      ga_doc_chart_add_category (chart, carriers[i], &tce[i], texts);
    }
  /* Nothing to draw for these: no bar, no slice, and no failure. */
  ga_doc_chart_add_category (chart, "外购热力", (const double[]) { NAN }, NULL);
  ga_doc_chart_add_category (chart, "余热回收", (const double[]) { -5 }, NULL);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_SMALL, "数据来源：能源消费表。");
  return doc;
}

static char *
write_once (const char *name,
            gboolean    docx)
{
  g_autoptr(GaDoc) doc = make_doc ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (docx)
        g_assert_true (ga_doc_write_docx (doc, path, &error));
      else
        g_assert_true (ga_doc_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      ga_report_test_keep (path, name);
    }
  return path;
}

/* ------------------------------------------------------------------ model */

static void
test_invalid (void)
{
  g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_EN);
  const char * const none[] = { NULL };
  const char * const five[] = { "a", "b", "c", "d", "e", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (ga_doc_add_chart (doc, GA_DOC_CHART_BARS, none, NULL, NULL, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ga_doc_add_chart (doc, GA_DOC_CHART_BARS, five, NULL, NULL, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ga_doc_add_chart (doc, (GaDocChartKind) 7, five + 4, NULL, NULL, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_assert_cmpuint (ga_doc_get_n_blocks (doc), ==, 0);
}

/* A chart without categories, or with nothing but missing values, is an
 * empty frame: both writers still write. */
static void
test_empty (void)
{
  g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_EN);
  const char * const series[] = { "Earned", "Attainable", NULL };
  g_autofree char *pdf = g_build_filename (tmpdir, "empty.pdf", NULL);
  g_autofree char *docx = g_build_filename (tmpdir, "empty.docx", NULL);
  g_autoptr(GError) error = NULL;
  GaDocChart *chart;

  g_assert_nonnull (ga_doc_add_chart (doc, GA_DOC_CHART_BARS, series, NULL, NULL, &error));
  chart = ga_doc_add_chart (doc, GA_DOC_CHART_SHARES, series, NULL, "Nothing", &error);
  g_assert_nonnull (chart);
  ga_doc_chart_add_category (chart, "none", NULL, NULL);
  chart = ga_doc_add_chart (doc, GA_DOC_CHART_BARS, series, NULL, "Zeros", &error);
  ga_doc_chart_add_category (chart, "zero", (const double[]) { 0, 0 }, NULL);
  g_assert_true (ga_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (ga_doc_write_docx (doc, docx, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ PDF */

static void
test_pdf (void)
{
  g_autofree char *pdf = write_once ("charts.pdf", FALSE);
  g_autofree char *text = NULL;
  g_autofree char *png = NULL;
  guint green;

  if (!ga_report_test_have_tool ("pdftotext") || !ga_report_test_have_tool ("pdfimages")
      || !ga_report_test_have_tool ("pdftoppm"))
    return;

  text = ga_report_test_pdf_text (pdf, 0);
  /* The legend, every label (the long one wraps, so its two ends are
   * looked for), the value texts, the unit and the captions. */
  for (const char * const *s = (const char * const[]) { "得分", "满分", "基础设施", "能源与资源投入",
                                                        "产品（含生态设计", "绿色供应链管理要求）",
                                                        "21.25/30", "16.5/20", "分",
                                                        "图1各部分得分", "电力", "天然气", "柴油",
                                                        "1245.6tce", "12.4tce",
                                                        "图2能源消费结构（按折标准煤）", NULL };
       *s != NULL; s++)
    {
      g_test_message ("looking for %s", *s);
      g_assert_nonnull (strstr (text, *s));
    }
  /* Shares of the total 2622.4 tce, in the legend and in the wide slices. */
  g_assert_nonnull (strstr (text, "47.5%"));
  g_assert_nonnull (strstr (text, "31.0%"));
  g_assert_nonnull (strstr (text, "0.5%"));
  g_assert_null (strstr (text, "外购热力"));
  g_assert_null (strstr (text, "余热回收"));

  /* Vector graphics: no raster image in the PDF. */
  g_assert_cmpuint (ga_report_test_pdf_n_images (pdf, 1), ==, 0);
  png = ga_report_test_pdf_render (pdf, 1, 60, tmpdir);
  green = ga_report_test_count_colour (png, BAR_GREEN, 16);
  g_test_message ("%u pixels of the bars' green at 60 dpi", green);
  /* The bars earned 82.25 points over a plot about 75 mm wide: several
   * hundred pixels at 60 dpi. */
  g_assert_cmpuint (green, >, 300);
}

/* ------------------------------------------------------------------ DOCX */

static char *
read_part (GsfInfile  *zip,
           const char *path,
           gsize      *len)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInfile *dir = zip;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  GsfInput *input = NULL;
  char *data;

  for (guint i = 0; names[i] != NULL; i++)
    {
      input = gsf_infile_child_by_name (dir, names[i]);
      if (input == NULL)
        return NULL;
      g_ptr_array_add (held, input);
      if (names[i + 1] != NULL)
        dir = GSF_INFILE (input);
    }
  *len = (gsize) gsf_input_size (input);
  data = g_malloc (*len + 1);
  g_assert_nonnull (gsf_input_read (input, *len, (guint8 *) data));
  data[*len] = '\0';
  return data;
}

static void
test_docx (void)
{
  g_autofree char *path = write_once ("charts.docx", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, &error);
  g_autoptr(GsfInfile) zip = NULL;
  g_autofree char *rels = NULL;
  g_autofree char *document = NULL;
  g_autofree char *types = NULL;
  gsize len;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);

  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/media/image%u.png", i);
      g_autofree char *target = g_strdup_printf ("Id=\"rIdImage%u\" Type=\"http://schemas."
                                                 "openxmlformats.org/officeDocument/2006/"
                                                 "relationships/image\" Target=\"media/image%u"
                                                 ".png\"", i, i);
      g_autofree char *embed = g_strdup_printf ("<a:blip r:embed=\"rIdImage%u\"/>", i);
      g_autofree char *data = read_part (zip, name, &len);
      g_autoptr(GBytes) png = NULL;

      g_test_message ("%s", name);
      g_assert_nonnull (data);
      g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
      png = g_bytes_new (data, len);
      /* The first chart's bars, or the pie's largest slice. */
      g_assert_cmpuint (ga_report_test_count_colour_bytes (png, BAR_GREEN, 16), >, 2000);
      if (rels == NULL)
        {
          rels = read_part (zip, "word/_rels/document.xml.rels", &len);
          document = read_part (zip, "word/document.xml", &len);
        }
      g_assert_nonnull (strstr (rels, target));
      g_assert_nonnull (strstr (document, embed));
    }
  g_assert_null (read_part (zip, "word/media/image3.png", &len));
  types = read_part (zip, "[Content_Types].xml", &len);
  g_assert_nonnull (strstr (types, "Extension=\"png\" ContentType=\"image/png\""));
  /* Inline pictures the width of the text (146.4 mm in EMU), described by
   * their captions. */
  g_assert_nonnull (strstr (document, "<w:drawing><wp:inline"));
  g_assert_nonnull (strstr (document, "<wp:extent cx=\"5270400\""));
  g_assert_nonnull (strstr (document, "descr=\"图 1 各部分得分\""));
  g_assert_nonnull (strstr (document, "<pic:pic>"));
}

static void
test_docx_libreoffice (void)
{
  g_autofree char *docx = write_once ("charts.docx", TRUE);
  g_autofree char *outdir = g_build_filename (tmpdir, "lo", NULL);
  g_autofree char *profile = g_build_filename (tmpdir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  g_autofree char *pdf = g_build_filename (outdir, "charts.pdf", NULL);
  const char *argv[] = { "soffice", env, "--headless", "--norestore", "--convert-to", "pdf",
                         "--outdir", outdir, docx, NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  guint images = 0;
  guint n_pages;

  if (!ga_report_test_have_tool ("soffice") || !ga_report_test_have_tool ("pdftotext")
      || !ga_report_test_have_tool ("pdfimages"))
    return;
  out = ga_report_test_run (argv);
  g_test_message ("soffice: %s", out);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  ga_report_test_keep (pdf, "charts-libreoffice.pdf");
  text = ga_report_test_pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "图1各部分得分"));
  g_assert_nonnull (strstr (text, "图2能源消费结构（按折标准煤）"));
  n_pages = ga_report_test_pdf_n_pages (pdf);
  for (guint p = 1; p <= n_pages; p++)
    images += ga_report_test_pdf_n_images (pdf, p);
  g_assert_cmpuint (images, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ga-report-chart-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ga/report/chart/invalid", test_invalid);
  g_test_add_func ("/ga/report/chart/empty", test_empty);
  g_test_add_func ("/ga/report/chart/pdf", test_pdf);
  g_test_add_func ("/ga/report/chart/docx", test_docx);
  g_test_add_func ("/ga/report/chart/docx-libreoffice", test_docx_libreoffice);

  status = g_test_run ();
  ga_report_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
