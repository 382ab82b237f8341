/* test-report-layout.c: a GaDoc's pages, drawn one at a time
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document of several pages (a table of contents, a table of 150 rows
 * whose header repeats, long paragraphs, an image and a chart) is laid
 * out. Drawn on the default page in any order, its pages are those of
 * ga_doc_write_pdf() (poppler reads the same text on each); laid out on
 * other paper and margins it gets other pages, each footer counts them
 * and the contents give the page every heading is on. A short paragraph
 * goes to the next page with the chart or the table (after a small-style
 * note) it introduces. Any cairo target will do: a page is also drawn
 * into an image.
 *
 * Set GA_REPORT_OUTPUT_DIR to a folder to keep the written files there.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "ga-doc-layout.h"
#include "ga-report-test-utils.h"

#define N_ROWS 150

static char *tmpdir;

static const char * const headings[] = {
  "一、企业概况", "二、能源消费与结构", "（一）能源消费表", "（二）能源消费结构", "三、结论", NULL,
};

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static GaDoc *
make_doc (void)
{
  GaDoc *doc = ga_doc_new (GA_DOC_LANG_ZH_CN);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GError) error = NULL;
  const char * const header[] = { "序号", "能源品种", "实物量", "折标准煤（tce）" };
  const char * const series[] = { "得分", "满分", NULL };
  GaDocTable *table;
  GaDocChart *chart;

  ga_doc_set_title (doc, "分页测试");
  ga_doc_set_running_title (doc, "示例企业 — 能源审计自评价报告");
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_TITLE, "能源审计自评价报告");
  ga_doc_add_page_break (doc);
  ga_doc_add_toc (doc);
  ga_doc_add_page_break (doc);
  ga_doc_add_heading (doc, 1, headings[0]);
  for (guint i = 0; i < 6; i++)
    ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL,
                          "企业成立于 2008 年，主要从事精密金属零部件的研发、生产和销售，现有员工 320 人。"
                          "公司建立了能源管理体系，对主要用能设备实行分级计量，并按月统计能源消费，"
                          "数据经能源管理部门审核后报送。The plant runs two machining lines and one "
                          "surface-treatment line.");
  ga_doc_add_heading (doc, 1, headings[1]);
  ga_doc_add_heading (doc, 2, headings[2]);
  table = ga_doc_add_table (doc, 4, (const double[]) { 0.1, 0.4, 0.25, 0.25 }, &error);
  g_assert_no_error (error);
  ga_doc_table_set_header (table, header);
  for (guint r = 1; r <= N_ROWS; r++)
    {
      g_autofree char *n = g_strdup_printf ("R%03u", r);
      g_autofree char *name = g_strdup_printf (r % 9 == 0 ? "第 %u 种能源（外购，含运输损耗，"
                                                            "按收到基低位发热量折算）"
                                                          : "第 %u 种能源", r);
      g_autofree char *qty = g_strdup_printf ("%.1f", r * 12.5);
      g_autofree char *tce = g_strdup_printf ("%.2f", r * 1.75);
      const char * const row[] = { n, name, qty, tce };

      ga_doc_table_add_row (table, row);
    }
  ga_doc_add_heading (doc, 2, headings[3]);
  g_assert_true (ga_doc_add_image (doc, png, 80, "图 1 示意", &error));
  chart = ga_doc_add_chart (doc, GA_DOC_CHART_BARS, series, "分", "图 2 各部分得分", &error);
  g_assert_no_error (error);
  ga_doc_chart_add_category (chart, "能源管理", (const double[]) { 8, 10 }, NULL);
  ga_doc_chart_add_category (chart, "节能技术", (const double[]) { 12.5, 20 }, NULL);
  ga_doc_add_heading (doc, 1, headings[4]);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, "结论：能源利用状况基本合理。");
  ga_doc_add_signature (doc, (const char * const[]) { "单位（盖章）：", "日期：", NULL });
  return doc;
}

/* Draws the pages in `order` (from 0) into a PDF at `path`. */
static void
draw_pages (GaDocLayout *layout,
            double       width,
            double       height,
            const guint *order,
            guint        n,
            const char  *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n; i++)
    {
      ga_doc_layout_draw_page (layout, cr, order[i]);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------ tests */

static void
test_default_page (void)
{
  GaDocMargins margins;
  double width, height;

  ga_doc_layout_get_default_page (&width, &height, &margins);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (margins.top, 72.0, 0.01);
  g_assert_cmpfloat_with_epsilon (margins.bottom, 72.0, 0.01);
  g_assert_cmpfloat_with_epsilon (margins.left, 90.14, 0.01);
  g_assert_cmpfloat_with_epsilon (margins.right, 90.14, 0.01);
}

static void
test_invalid (void)
{
  g_autoptr(GaDoc) doc = make_doc ();
  g_autoptr(GError) error = NULL;
  GaDocMargins wide = { 10, 10, 300, 300 };

  g_assert_null (ga_doc_layout_new (doc, 595, 842, &wide, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ga_doc_layout_new (doc, NAN, 842, NULL, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ga_doc_layout_new (doc, 100, 100, NULL, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
}

/* Pages drawn backwards, and one of them twice, are the writer's pages. */
static void
test_same_as_pdf (void)
{
  g_autoptr(GaDoc) doc = make_doc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDocLayout) layout = NULL;
  g_autofree char *written = g_build_filename (tmpdir, "written.pdf", NULL);
  g_autofree char *drawn = g_build_filename (tmpdir, "drawn.pdf", NULL);
  g_autofree guint *order = NULL;
  double width, height;
  guint n;

  g_assert_true (ga_doc_write_pdf (doc, written, &error));
  g_assert_no_error (error);
  ga_doc_layout_get_default_page (&width, &height, NULL);
  layout = ga_doc_layout_new (doc, width, height, NULL, &error);
  g_assert_no_error (error);
  n = ga_doc_layout_get_n_pages (layout);
  g_test_message ("%u pages", n);
  g_assert_cmpuint (n, >=, 6);

  order = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    order[i] = n - 1 - i;
  order[n] = 2;
  draw_pages (layout, width, height, order, n + 1, drawn);
  ga_report_test_keep (written, "layout-written.pdf");
  ga_report_test_keep (drawn, "layout-drawn.pdf");

  if (!ga_report_test_have_tool ("pdftotext") || !ga_report_test_have_tool ("pdfinfo"))
    return;
  g_assert_cmpuint (ga_report_test_pdf_n_pages (written), ==, n);
  g_assert_cmpuint (ga_report_test_pdf_n_pages (drawn), ==, n + 1);
  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *ours = ga_report_test_pdf_text (drawn, i + 1);
      g_autofree char *theirs = ga_report_test_pdf_text (written, order[i] + 1);
      g_autofree char *footer = g_strdup_printf ("第%u页共%u页", order[i] + 1, n);

      g_assert_cmpstr (ours, ==, theirs);
      g_assert_nonnull (strstr (ours, footer));
    }
}

/* US Letter, landscape, with narrow margins: other pages, the same text. */
static void
test_other_paper (void)
{
  g_autoptr(GaDoc) doc = make_doc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDocLayout) a4 = NULL;
  g_autoptr(GaDocLayout) letter = NULL;
  g_autofree char *drawn = g_build_filename (tmpdir, "letter.pdf", NULL);
  g_autofree guint *order = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  GaDocMargins margins = { 54, 54, 40, 40 };
  double width, height;
  guint n;

  ga_doc_layout_get_default_page (&width, &height, NULL);
  a4 = ga_doc_layout_new (doc, width, height, NULL, &error);
  g_assert_no_error (error);
  letter = ga_doc_layout_new (doc, 792, 612, &margins, &error);
  g_assert_no_error (error);
  n = ga_doc_layout_get_n_pages (letter);
  g_test_message ("%u pages on Letter landscape, %u on A4", n, ga_doc_layout_get_n_pages (a4));
  g_assert_cmpuint (n, !=, ga_doc_layout_get_n_pages (a4));

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  draw_pages (letter, 792, 612, order, n, drawn);
  ga_report_test_keep (drawn, "layout-letter.pdf");
  if (!ga_report_test_have_tool ("pdftotext") || !ga_report_test_have_tool ("pdfinfo"))
    return;

  g_assert_cmpuint (ga_report_test_pdf_n_pages (drawn), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = ga_report_test_pdf_text (drawn, i + 1);
      g_autofree char *footer = g_strdup_printf ("第%u页共%u页", i + 1, n);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "示例企业—能源审计自评价报告"));
      g_string_append (all, text);
    }
  /* Every row once, the header on every page the table spans. */
  for (guint r = 1; r <= N_ROWS; r += 7)
    {
      g_autofree char *row = g_strdup_printf ("R%03u", r);

      g_assert_nonnull (strstr (all->str, row));
    }
  for (guint h = 0; headings[h] != NULL; h++)
    {
      guint page = ga_doc_layout_get_heading_page (letter, h);
      g_autofree char *text = ga_report_test_pdf_text (drawn, page);

      g_test_message ("%s on page %u", headings[h], page);
      g_assert_nonnull (strstr (text, headings[h]));
    }
}

/* A heading, the short paragraph introducing a chart and the chart share
 * a page wherever the page would break: after 1 to 16 paragraphs of
 * filler (about 50 points each), one of them falls near the bottom. */
static void
test_keep_figure (void)
{
  guint moved = 0;

  if (!ga_report_test_have_tool ("pdftotext"))
    return;
  for (guint fill = 1; fill <= 16; fill++)
    {
      g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_ZH_CN);
      g_autoptr(GError) error = NULL;
      g_autoptr(GaDocLayout) layout = NULL;
      g_autofree char *pdf = g_build_filename (tmpdir, "keep.pdf", NULL);
      g_autofree char *text = NULL;
      const char * const series[] = { "得分", "满分", NULL };
      GaDocChart *chart;
      double width, height;
      guint page;

      ga_doc_add_heading (doc, 1, "一、概况");
      for (guint i = 0; i < fill * 3; i++)
        ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, "填充文字，用于把后面的标题推到页面的不同位置。"
                                                         "每段约一行半。");
      ga_doc_add_heading (doc, 2, "（一）得分");
      ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, "各部分得分见图 1。");
      chart = ga_doc_add_chart (doc, GA_DOC_CHART_BARS, series, "分", "图 1 得分", &error);
      for (guint c = 0; c < 8; c++)
        ga_doc_chart_add_category (chart, "部分", (const double[]) { c, 10 }, NULL);
      ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, "结束。");

      g_assert_true (ga_doc_write_pdf (doc, pdf, &error));
      g_assert_no_error (error);
      ga_doc_layout_get_default_page (&width, &height, NULL);
      layout = ga_doc_layout_new (doc, width, height, NULL, &error);
      g_assert_no_error (error);
      page = ga_doc_layout_get_heading_page (layout, 1);
      text = ga_report_test_pdf_text (pdf, page);
      g_assert_nonnull (strstr (text, "（一）得分各部分得分见图1。"));
      g_assert_nonnull (strstr (text, "图1得分"));
      /* The heading went to a page of its own, with the chart. */
      if (!strstr (text, "填充文字"))
        moved++;
    }
  g_test_message ("the heading moved with the chart %u times", moved);
  g_assert_cmpuint (moved, >, 0);
}

/* A short note in the small style before a table (a table set in parts
 * has one before each part) shares a page with the table's header rows
 * and first row wherever the page would break: after 1 to 48 one-line
 * paragraphs of filler, the note falls near the bottom of the first page
 * at least once, and then moves with the table. */
static void
test_keep_table_note (void)
{
  guint moved = 0;

  if (!ga_report_test_have_tool ("pdftotext"))
    return;
  for (guint fill = 1; fill <= 48; fill++)
    {
      g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_ZH_CN);
      g_autoptr(GError) error = NULL;
      g_autofree char *pdf = g_build_filename (tmpdir, "keep-table.pdf", NULL);
      const char * const header[] = { "编号", "表头第一列的标题较长需要折行显示", "数值" };
      const char * const row[] = { "F1", "第一行", "12.5" };
      GaDocTable *table;
      guint n_pages, note_page = 0, table_page = 0;

      for (guint i = 0; i < fill; i++)
        ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, "填充文字一行。");
      ga_doc_add_paragraph (doc, GA_DOC_STYLE_SMALL, "续表（第 2 部分，共 2 部分）");
      table = ga_doc_add_table (doc, 3, (const double[]) { 1, 1, 1 }, &error);
      g_assert_no_error (error);
      ga_doc_table_set_header (table, header);
      ga_doc_table_add_row (table, row);

      g_assert_true (ga_doc_write_pdf (doc, pdf, &error));
      g_assert_no_error (error);
      n_pages = ga_report_test_pdf_n_pages (pdf);
      for (guint p = 1; p <= n_pages; p++)
        {
          g_autofree char *text = ga_report_test_pdf_text (pdf, p);

          if (strstr (text, "续表（第2部分，共2部分）") != NULL)
            note_page = p;
          if (strstr (text, "F1第一行12.5") != NULL)
            table_page = p;
        }
      g_assert_cmpuint (note_page, >, 0);
      g_assert_cmpuint (note_page, ==, table_page);
      if (note_page > 1)
        {
          g_autofree char *page = ga_report_test_pdf_text (pdf, note_page);

          /* The note starts its page: the page break fell right before it. */
          if (strstr (page, "填充文字一行。") == NULL)
            moved++;
        }
    }
  g_test_message ("the note moved with its table %u times", moved);
  g_assert_cmpuint (moved, >, 0);
}

/* Any cairo context: a page as pixels, two pixels per point. */
static void
test_image_target (void)
{
  g_autoptr(GaDoc) doc = make_doc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDocLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  guint dark = 0;
  double width, height;
  int stride;

  ga_doc_layout_get_default_page (&width, &height, NULL);
  layout = ga_doc_layout_new (doc, width, height, NULL, &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * 2),
                                        (int) ceil (height * 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  cairo_set_source_rgb (cr, 1, 0, 0);
  ga_doc_layout_draw_page (layout, cr, 3);
  /* The context's state is as it was. */
  {
    double r, g, b, a;

    g_assert_cmpint (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a), ==,
                     CAIRO_STATUS_SUCCESS);
    g_assert_cmpfloat (r, ==, 1);
    g_assert_cmpfloat (g, ==, 0);
  }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((*(const guint32 *) (data + y * stride + 4 * x) & 0xffffff) < 0x404040)
        dark++;
  cairo_surface_destroy (surface);
  g_test_message ("%u dark pixels", dark);
  g_assert_cmpuint (dark, >, 20000);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ga-report-layout-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ga/report/layout/default-page", test_default_page);
  g_test_add_func ("/ga/report/layout/invalid", test_invalid);
  g_test_add_func ("/ga/report/layout/same-as-pdf", test_same_as_pdf);
  g_test_add_func ("/ga/report/layout/other-paper", test_other_paper);
  g_test_add_func ("/ga/report/layout/keep-figure", test_keep_figure);
  g_test_add_func ("/ga/report/layout/keep-table-note", test_keep_table_note);
  g_test_add_func ("/ga/report/layout/image-target", test_image_target);

  status = g_test_run ();
  ga_report_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
