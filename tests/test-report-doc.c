/* test-report-doc.c: the report's document model and its DOCX and PDF writers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One document with Chinese and English text, a three-level outline, a
 * 120-row table with a merged header, an image drawn here with cairo and a
 * signature block is written as DOCX and PDF, and real readers check the
 * results: libgsf and GMarkup read the DOCX package back, poppler-utils
 * (pdftotext, pdfinfo, pdffonts) read the PDF, and LibreOffice converts the
 * DOCX to PDF so that its text can be compared with ours. A test whose
 * reader is not installed is skipped with a message saying which.
 *
 * Set GA_REPORT_OUTPUT_DIR to a folder to keep the written files there.
 */

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>

#include "ga-doc.h"

#define N_ROWS 120

static char *tmpdir;

static const char * const headings[] = {
  "一、工厂基本情况",
  "1.1 基本信息与发展现状",
  "1.1.1 Contact and registration details",
  "二、绿色工厂创建情况",
  "2.1 能源资源投入",
  "2.1.1 Energy indicators by year",
  "2.2 Products and emissions",
  "三、自评价结论",
  NULL,
};

/* ------------------------------------------------------------------ helpers */

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

/* Runs a program and returns its standard output, or NULL (and skips the
 * test) when the program is not installed. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (message);
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s failed: %s", argv[0], err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *program = g_find_program_in_path (name);

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
    }
  return program != NULL;
}

static char *
pdf_page_text_full (const char *pdf,
                    guint       page,
                    gboolean    layout)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8",
                         layout ? "-layout" : "-raw", pdf, "-", NULL };

  return run_tool (argv);
}

static char *
pdf_page_text (const char *pdf,
               guint       page)
{
  return pdf_page_text_full (pdf, page, FALSE);
}

static guint
pdf_n_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line;

  g_assert_nonnull (info);
  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + 7, " "), NULL, 10);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Text without spaces: readers differ in whether they report the spaces
 * between Chinese characters and digits ("第 1 页" or "第1页"). */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The same for binary data, which may hold NUL bytes. */
static guint
count_occurrences_len (const char *haystack,
                       gsize       len,
                       const char *needle)
{
  gsize n_len = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + n_len <= len; i++)
    if (memcmp (haystack + i, needle, n_len) == 0)
      n++;
  return n;
}

static void
keep_output_as (const char *path,
                const char *name)
{
  const char *dir = g_getenv ("GA_REPORT_OUTPUT_DIR");
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *target = NULL;
  gsize len;

  if (dir == NULL || *dir == '\0')
    return;
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  base = name != NULL ? g_strdup (name) : g_path_get_basename (path);
  target = g_build_filename (dir, base, NULL);
  g_assert_true (g_file_set_contents (target, contents, (gssize) len, NULL));
}

static void
keep_output (const char *path)
{
  keep_output_as (path, NULL);
}

/* ------------------------------------------------------------------ the document */

static cairo_status_t
png_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A small bar chart, so the image is recognisable on the page. */
static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 240);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();
  static const double values[] = { 0.55, 0.8, 0.65, 0.9, 0.4 };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, 30, 10);
  cairo_line_to (cr, 30, 220);
  cairo_line_to (cr, 470, 220);
  cairo_stroke (cr);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      cairo_set_source_rgb (cr, 0.18, 0.55 + 0.05 * i, 0.34);
      cairo_rectangle (cr, 50 + i * 84, 220 - values[i] * 200, 56, values[i] * 200);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, png_write_cb, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static GaDoc *
make_doc (GaDocLanguage language)
{
  g_autoptr(GaDoc) doc = ga_doc_new (language);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  static const double widths[] = { 0.1, 0.42, 0.16, 0.16, 0.16 };
  const char * const header[] = { "序号", "指标名称", "2023 年", "2024 年", "单位" };
  const char * const bullets[] = {
    "建立能源管理体系并通过认证（GB/T 23331）；",
    "Metering of energy carriers to GB 17167 at the first and second levels;",
    "屋顶分布式光伏装机 1.2 MW，年发电量约 130 万 kWh。",
    NULL,
  };
  const char * const signature[] = { "法定代表人（签字）：", "单位（盖章）：", "日期：", NULL };
  GaDocParagraph *paragraph;
  GaDocTable *table;

  ga_doc_set_title (doc, "绿色工厂自评价报告");
  ga_doc_set_author (doc, "示例企业 Example Co., Ltd.");
  ga_doc_set_date (doc, date);
  ga_doc_set_running_title (doc, "示例企业 · 绿色工厂自评价报告");

  ga_doc_add_paragraph (doc, GA_DOC_STYLE_TITLE, "绿色工厂自评价报告");
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_CENTERED, "申报单位：示例企业有限公司");
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_CENTERED, "所在省市：江苏省苏州市");
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_CENTERED, "2026 年 3 月 1 日");
  ga_doc_add_page_break (doc);
  ga_doc_add_toc (doc);
  ga_doc_add_page_break (doc);

  ga_doc_add_heading (doc, 1, headings[0]);
  ga_doc_add_heading (doc, 2, headings[1]);
  paragraph = ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, NULL);
  ga_doc_paragraph_add_run (paragraph, "示例企业有限公司", TRUE);
  ga_doc_paragraph_add_run (paragraph,
                            "成立于 2008 年，主要从事精密金属零部件的研发、生产和销售，"
                            "现有员工 320 人，2024 年工业总产值 5.6 亿元。公司先后获得"
                            "省级绿色工厂、专精特新“小巨人”等称号，并建立了 ISO 14001 "
                            "环境管理体系和 ISO 50001 能源管理体系。The plant runs two "
                            "machining lines and one surface-treatment line, with a "
                            "combined energy use of 4,820 tce in 2024.", FALSE);
  ga_doc_add_heading (doc, 3, headings[2]);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL,
                        "Registered address: No. 88 Green Road, Suzhou Industrial Park.\n"
                        "统一社会信用代码：91320594MA1MY5QK3T；联系人：王工，电话 0512-6000 0000。");
  ga_doc_add_bullets (doc, bullets);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_SMALL,
                        "注：数据来源于企业能源统计报表，<未经第三方核查> & 仅供自评价使用。");

  ga_doc_add_heading (doc, 1, headings[3]);
  ga_doc_add_heading (doc, 2, headings[4]);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL,
                        "下表列出企业近两年的能源资源投入指标，数值按 GB/T 2589 折算为标准煤。");
  ga_doc_add_heading (doc, 3, headings[5]);
  table = ga_doc_add_table (doc, 5, widths, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  ga_doc_table_set_header (table, header);
  g_assert_true (ga_doc_table_add_header_group (table, 2, 2, "指标数值"));
  ga_doc_table_set_column_align (table, 0, GA_DOC_ALIGN_CENTER);
  ga_doc_table_set_column_align (table, 2, GA_DOC_ALIGN_END);
  ga_doc_table_set_column_align (table, 3, GA_DOC_ALIGN_END);
  ga_doc_table_set_column_align (table, 4, GA_DOC_ALIGN_CENTER);
  for (guint r = 1; r <= N_ROWS; r++)
    {
      g_autofree char *n = g_strdup_printf ("R%03u", r);
      g_autofree char *name = g_strdup_printf (r % 7 == 0
                                               ? "单位产品综合能耗（第 %u 项，含外购电力、"
                                                 "天然气和蒸汽，按当量值折算）"
                                               : "Indicator %u 综合能耗", r);
      g_autofree char *a = g_strdup_printf ("%.2f", 1000.0 + r * 3.25);
      g_autofree char *b = g_strdup_printf ("%.2f", 990.0 + r * 3.05);
      const char * const row[] = { n, name, a, b, "tce" };
      guint index = ga_doc_table_add_row (table, row);

      if (r == 1)
        ga_doc_table_set_cell_align (table, index, 1, GA_DOC_ALIGN_CENTER);
    }

  ga_doc_add_heading (doc, 2, headings[6]);
  g_assert_true (ga_doc_add_image (doc, png, 120, "图 1 2020—2024 年单位产品综合能耗", &error));
  g_assert_no_error (error);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL,
                        "Emissions of particulate matter and VOCs stayed below the limits of "
                        "GB 16297 in every monitoring round.");

  ga_doc_add_heading (doc, 1, headings[7]);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL,
                        "经自评价，本单位符合绿色工厂评价要求的基本要求，自评价得分 86.5 分。"
                        "本单位承诺所提交材料真实有效，接受核查并承担相应责任。");
  ga_doc_add_signature (doc, signature);
  return g_steal_pointer (&doc);
}

static char *
write_once (const char *name,
            gboolean    docx)
{
  g_autoptr(GaDoc) doc = make_doc (GA_DOC_LANG_ZH_CN);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (docx)
        g_assert_true (ga_doc_write_docx (doc, path, &error));
      else
        g_assert_true (ga_doc_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      keep_output (path);
    }
  return path;
}

/* ------------------------------------------------------------------ model */

static void
test_model_text (void)
{
  g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_EN);

  ga_doc_set_title (doc, "a\x01" "b\x0b" "c\tD\r\nE\rF\xc2\x85G\xef\xbf\xbe" "H\xff" "I");
  g_assert_cmpstr (ga_doc_get_title (doc), ==, "abc D\nE\nFGH\xef\xbf\xbd" "I");
  ga_doc_set_title (doc, NULL);
  g_assert_cmpstr (ga_doc_get_title (doc), ==, "");
  g_assert_cmpint (ga_doc_get_language (doc), ==, GA_DOC_LANG_EN);
  g_assert_cmpuint (ga_doc_get_n_blocks (doc), ==, 0);
  ga_doc_add_heading (doc, 7, "clamped");
  ga_doc_add_page_break (doc);
  g_assert_cmpuint (ga_doc_get_n_blocks (doc), ==, 2);
}

static void
test_model_invalid (void)
{
  g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_ZH_CN);
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a not a png image, just text.....", 38);
  g_autoptr(GError) error = NULL;
  const double bad_widths[] = { 1, 0, 1 };
  GaDocTable *table;

  g_assert_null (ga_doc_add_table (doc, 0, NULL, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ga_doc_add_table (doc, 3, bad_widths, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_doc_add_image (doc, not_png, 50, NULL, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (ga_doc_get_n_blocks (doc), ==, 0);

  table = ga_doc_add_table (doc, 4, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ga_doc_table_add_header_group (table, 1, 2, "g"));
  g_assert_false (ga_doc_table_add_header_group (table, 2, 2, "overlaps"));
  g_assert_false (ga_doc_table_add_header_group (table, 3, 2, "too wide"));
  g_assert_false (ga_doc_table_add_header_group (table, 0, 0, "empty"));
  g_assert_true (ga_doc_table_add_header_group (table, 0, 1, "first"));
}

/* ------------------------------------------------------------------ DOCX package */

typedef struct {
  GHashTable *styles;      /* w:pStyle values used */
  GHashTable *elements;    /* element names seen */
  GString    *text;        /* w:t contents */
  gboolean    in_text;
} XmlScan;

static void
scan_start_cb (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  XmlScan *scan = data;

  g_hash_table_add (scan->elements, g_strdup (element));
  scan->in_text = g_str_equal (element, "w:t");
  if (g_str_equal (element, "w:pStyle"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "w:val"))
        g_hash_table_add (scan->styles, g_strdup (values[i]));
}

static void
scan_end_cb (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  XmlScan *scan = data;

  scan->in_text = FALSE;
}

static void
scan_text_cb (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              data,
              GError              **error)
{
  XmlScan *scan = data;

  if (scan->in_text)
    g_string_append_len (scan->text, text, (gssize) len);
}

static const GMarkupParser scan_parser = { scan_start_cb, scan_end_cb, scan_text_cb, NULL, NULL };

static void
xml_scan_init (XmlScan *scan)
{
  scan->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->text = g_string_new (NULL);
  scan->in_text = FALSE;
}

static void
xml_scan_clear (XmlScan *scan)
{
  g_hash_table_unref (scan->styles);
  g_hash_table_unref (scan->elements);
  g_string_free (scan->text, TRUE);
}

/* Well-formedness by GMarkup, which refuses what XML 1.0 refuses
 * (unbalanced tags, bad entities, control characters). */
static void
parse_xml (const char *xml,
           gsize       len,
           XmlScan    *scan)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_markup_parse_context_new (&scan_parser, G_MARKUP_TREAT_CDATA_AS_TEXT, scan, NULL);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\""));
  g_assert_true (g_utf8_validate (xml, (gssize) len, NULL));
  g_markup_parse_context_parse (context, xml, (gssize) len, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static char *
read_part (GsfInfile  *zip,
           const char *path,
           gsize      *len)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfInfile *dir = zip;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  GsfInput *input = NULL;
  char *data;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      input = gsf_infile_child_by_name (dir, parts[i]);
      if (input == NULL)
        return NULL;
      g_ptr_array_add (held, input);
      if (parts[i + 1] != NULL)
        {
          g_assert_true (GSF_IS_INFILE (input));
          dir = GSF_INFILE (input);
        }
    }
  *len = (gsize) gsf_input_size (input);
  data = g_malloc (*len + 1);
  g_assert_nonnull (gsf_input_read (input, *len, (guint8 *) data));
  data[*len] = '\0';
  return data;
}

static GsfInfile *
open_zip (const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  g_object_unref (input);
  return zip;
}

static void
test_docx_package (void)
{
  g_autofree char *path = write_once ("report.docx", TRUE);
  GsfInfile *zip = open_zip (path);
  static const char * const parts[] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
    "word/settings.xml", "word/fontTable.xml", "word/numbering.xml", "word/header1.xml",
    "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml",
    NULL,
  };
  XmlScan document, styles, footer;
  g_autofree char *xml = NULL;
  g_autofree char *png = NULL;
  gsize len;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      XmlScan scan;
      g_autofree char *part = read_part (zip, parts[i], &len);

      g_test_message ("part %s", parts[i]);
      g_assert_nonnull (part);
      xml_scan_init (&scan);
      parse_xml (part, len, &scan);
      xml_scan_clear (&scan);
    }
  png = read_part (zip, "word/media/image1.png", &len);
  g_assert_nonnull (png);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  xml_scan_init (&document);
  xml = read_part (zip, "word/document.xml", &len);
  parse_xml (xml, len, &document);
  for (guint l = 1; l <= 3; l++)
    {
      g_autofree char *id = g_strdup_printf ("Heading%u", l);

      g_assert_true (g_hash_table_contains (document.styles, id));
    }
  for (guint i = 0; headings[i] != NULL; i++)
    /* Once in the table of contents, once as the heading. */
    g_assert_cmpuint (count_occurrences (document.text->str, headings[i]), ==, 2);
  g_assert_true (g_hash_table_contains (document.elements, "w:tblHeader"));
  g_assert_true (g_hash_table_contains (document.elements, "w:drawing"));
  g_assert_true (g_hash_table_contains (document.elements, "w:gridSpan"));
  g_assert_true (g_hash_table_contains (document.elements, "w:vMerge"));
  g_assert_true (g_hash_table_contains (document.elements, "w:bookmarkStart"));
  g_assert_nonnull (strstr (xml, " TOC \\o &quot;1-3&quot; \\h \\z \\u "));
  g_assert_nonnull (strstr (xml, "&lt;未经第三方核查&gt; &amp; 仅供"));
  g_assert_nonnull (strstr (xml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  g_assert_nonnull (strstr (document.text->str, "R120"));
  xml_scan_clear (&document);
  g_clear_pointer (&xml, g_free);

  xml_scan_init (&styles);
  xml = read_part (zip, "word/styles.xml", &len);
  parse_xml (xml, len, &styles);
  g_assert_nonnull (strstr (xml, "w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"));
  g_assert_nonnull (strstr (xml, "<w:outlineLvl w:val=\"2\"/>"));
  g_assert_nonnull (strstr (xml, "w:eastAsia=\"SimSun\""));
  g_assert_nonnull (strstr (xml, "w:eastAsia=\"SimHei\""));
  xml_scan_clear (&styles);
  g_clear_pointer (&xml, g_free);

  xml = read_part (zip, "word/settings.xml", &len);
  g_assert_nonnull (strstr (xml, "<w:updateFields w:val=\"true\"/>"));
  g_clear_pointer (&xml, g_free);

  xml_scan_init (&footer);
  xml = read_part (zip, "word/footer1.xml", &len);
  parse_xml (xml, len, &footer);
  g_assert_nonnull (strstr (xml, "w:instr=\" PAGE \""));
  g_assert_nonnull (strstr (xml, "w:instr=\" NUMPAGES \""));
  g_assert_nonnull (strstr (footer.text->str, "第 "));
  xml_scan_clear (&footer);

  g_object_unref (zip);
}

/* Any text, however hostile, gives well-formed XML. */
static void
test_docx_hostile_text (void)
{
  g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_EN);
  g_autofree char *path = g_build_filename (tmpdir, "hostile.docx", NULL);
  g_autoptr(GError) error = NULL;
  GString *nasty = g_string_new ("]]><!-- \"quoted\" 'single' &amp; <w:t> ");
  g_autofree char *xml = NULL;
  GsfInfile *zip;
  XmlScan scan;
  gsize len;

  for (guint c = 1; c < 0x20; c++)
    g_string_append_c (nasty, (char) c);
  g_string_append (nasty, "\x7f\xc2\x80\xc2\x9f\xef\xbf\xbe\xef\xbf\xbf\xed\xa0\x80\xff\xfe end");
  ga_doc_set_title (doc, nasty->str);
  ga_doc_set_author (doc, nasty->str);
  ga_doc_set_running_title (doc, nasty->str);
  ga_doc_add_heading (doc, 1, nasty->str);
  ga_doc_add_paragraph (doc, GA_DOC_STYLE_NORMAL, nasty->str);
  ga_doc_add_toc (doc);
  {
    GaDocTable *table = ga_doc_add_table (doc, 2, NULL, &error);
    const char * const row[] = { nasty->str, NULL };

    g_assert_no_error (error);
    ga_doc_table_set_header (table, row);
    ga_doc_table_add_row (table, row);
    ga_doc_table_add_row (table, NULL);
  }
  g_assert_true (ga_doc_write_docx (doc, path, &error));
  g_assert_no_error (error);
  g_string_free (nasty, TRUE);

  zip = open_zip (path);
  xml_scan_init (&scan);
  xml = read_part (zip, "word/document.xml", &len);
  parse_xml (xml, len, &scan);
  g_assert_nonnull (strstr (scan.text->str, "]]><!-- \"quoted\" 'single' &amp; <w:t> "));
  xml_scan_clear (&scan);
  g_clear_pointer (&xml, g_free);
  xml_scan_init (&scan);
  xml = read_part (zip, "docProps/core.xml", &len);
  parse_xml (xml, len, &scan);
  xml_scan_clear (&scan);
  g_object_unref (zip);

  g_clear_pointer (&path, g_free);
  path = g_build_filename (tmpdir, "hostile.pdf", NULL);
  g_assert_true (ga_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
}

static void
test_write_failure (void)
{
  g_autoptr(GaDoc) doc = make_doc (GA_DOC_LANG_ZH_CN);
  g_autofree char *folder = g_build_filename (tmpdir, "no-such-folder", NULL);
  g_autofree char *docx = g_build_filename (folder, "r.docx", NULL);
  g_autofree char *pdf = g_build_filename (folder, "r.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ga_doc_write_docx (doc, docx, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (ga_doc_write_pdf (doc, pdf, &error));
  g_assert_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ PDF, read back */

/* The pages on which the table's first and last rows are printed. */
static void
table_pages (const char *pdf,
             guint       n_pages,
             guint      *first,
             guint      *last)
{
  *first = *last = 0;
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_page_text (pdf, p);

      if (strstr (text, "R001") != NULL)
        *first = p;
      if (strstr (text, "R120") != NULL)
        *last = p;
    }
}

/* Checks what both PDFs (ours and LibreOffice's from the DOCX) must show. */
static void
check_report_pdf (const char *pdf,
                  gboolean    expect_toc_numbers)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_autofree char *footer = NULL;
  guint n_pages, first, last;

  if (text == NULL)
    return;
  n_pages = pdf_n_pages (pdf);
  g_test_message ("%s: %u pages", pdf, n_pages);
  g_assert_cmpuint (n_pages, >=, 5);

  for (guint i = 0; headings[i] != NULL; i++)
    {
      g_test_message ("heading %s", headings[i]);
      /* In the table of contents and in the body. */
      g_assert_cmpuint (count_occurrences (text, headings[i]), >=, 2);
    }
  g_assert_nonnull (strstr (text, "示例企业有限公司"));
  g_assert_nonnull (strstr (text, "4,820 tce in 2024"));
  g_assert_nonnull (strstr (text, "法定代表人（签字）："));
  g_assert_nonnull (strstr (text, "图 1 2020—2024 年单位产品综合能耗"));

  footer = g_strdup_printf ("第1页共%u页", n_pages);
  {
    g_autofree char *page1 = pdf_page_text (pdf, 1);
    g_autofree char *page1_squeezed = without_spaces (page1);
    g_autofree char *last_footer = g_strdup_printf ("第%u页共%u页", n_pages, n_pages);
    g_autofree char *page_n = pdf_page_text (pdf, n_pages);
    g_autofree char *page_n_squeezed = without_spaces (page_n);

    g_assert_nonnull (strstr (page1_squeezed, footer));
    g_assert_nonnull (strstr (page_n_squeezed, last_footer));
  }

  /* The table spans pages and its header is on each of them. */
  table_pages (pdf, n_pages, &first, &last);
  g_test_message ("table from page %u to %u", first, last);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (last, >, first);
  for (guint p = first; p <= last; p++)
    {
      g_autofree char *page = pdf_page_text (pdf, p);

      g_assert_nonnull (strstr (page, "指标名称"));
      g_assert_nonnull (strstr (page, "指标数值"));
    }

  /* The table of contents (page 2) gives each heading's page. */
  {
    g_autofree char *toc = pdf_page_text (pdf, 2);

    g_assert_nonnull (strstr (toc, "目"));
    for (guint i = 0; headings[i] != NULL; i++)
      g_assert_nonnull (strstr (toc, headings[i]));
    if (expect_toc_numbers)
      {
        g_autofree char *table_page = g_strdup_printf ("%u", first);

        g_assert_nonnull (strstr (toc, table_page));
      }
  }
}

static void
test_pdf_text (void)
{
  g_autofree char *pdf = write_once ("report.pdf", FALSE);

  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;
  check_report_pdf (pdf, TRUE);

  /* The heading "2.1.1 …" is on the page where the table starts, and the
   * table of contents says so. */
  {
    guint n_pages = pdf_n_pages (pdf), first, last;
    g_autofree char *toc = pdf_page_text_full (pdf, 2, TRUE);
    g_autofree char *entry = NULL;
    g_auto(GStrv) lines = g_strsplit (toc, "\n", -1);

    table_pages (pdf, n_pages, &first, &last);
    entry = g_strdup_printf ("%u", first);
    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], headings[5]) != NULL)
        {
          g_strstrip (lines[i]);
          g_test_message ("toc line: %s", lines[i]);
          g_assert_true (g_str_has_suffix (lines[i], entry));
        }
  }
}

static void
test_pdf_info (void)
{
  g_autofree char *pdf = write_once ("report.pdf", FALSE);
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *fonts_argv[] = { "pdffonts", pdf, NULL };
  const char *dests_argv[] = { "pdfinfo", "-dests", pdf, NULL };
  g_autofree char *info = run_tool (info_argv);
  g_autofree char *fonts = NULL;
  g_autofree char *dests = NULL;
  g_autofree char *family = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean embedded_cjk = FALSE;

  if (info == NULL)
    return;
  g_assert_nonnull (strstr (info, "Title:           绿色工厂自评价报告"));
  g_assert_nonnull (strstr (info, "Author:          示例企业 Example Co., Ltd."));
  g_assert_nonnull (strstr (info, "Creator:         GreenAssess"));
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));

  /* Every heading is a named destination (bookmarks and links use them). */
  dests = run_tool (dests_argv);
  for (guint i = 0; headings[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("\"h%u\"", i);

      g_assert_nonnull (strstr (dests, name));
    }

  /* The table of contents links to them, and the bookmarks nest by level
   * (cairo writes these dictionaries uncompressed). */
  {
    g_autofree char *raw = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (pdf, &raw, &len, NULL));
    g_assert_cmpuint (count_occurrences_len (raw, len, "/Subtype /Link"), ==,
                      g_strv_length ((char **) headings));
    g_assert_cmpuint (count_occurrences_len (raw, len, "/Type /Outlines"), ==, 1);
    g_assert_cmpuint (count_occurrences_len (raw, len, "/Parent "), >=,
                      g_strv_length ((char **) headings));
  }

  if (ga_doc_get_body_font_family () == NULL)
    {
      g_test_skip ("no CJK font is installed");
      return;
    }
  fonts = run_tool (fonts_argv);
  family = g_strdup (ga_doc_get_body_font_family ());
  /* PDF font names have no spaces: "WenQuanYi Zen Hei" -> "WenQuanYiZenHei". */
  g_strdelimit (family, " ", '\0');
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

      for (guint c = 0; columns[c] != NULL; c++)
        if (*columns[c] != '\0')
          g_ptr_array_add (fields, columns[c]);
      /* name type [encoding] emb sub uni object ID: "emb" is 5th from the end. */
      if (fields->len >= 6 && strstr (fields->pdata[0], family) != NULL
          && g_str_equal (fields->pdata[fields->len - 5], "yes"))
        embedded_cjk = TRUE;
    }
  g_test_message ("%s", fonts);
  g_assert_true (embedded_cjk);
}

static void
test_pdf_english (void)
{
  g_autoptr(GaDoc) doc = make_doc (GA_DOC_LANG_EN);
  g_autofree char *path = g_build_filename (tmpdir, "english.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *toc = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (ga_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;
  expected = g_strdup_printf ("Page 1 of %u", pdf_n_pages (path));
  page1 = pdf_page_text (path, 1);
  g_assert_nonnull (strstr (page1, expected));
  toc = pdf_page_text (path, 2);
  g_assert_nonnull (strstr (toc, "Contents"));
}

/* Content larger than a page: a cell longer than a page is split across
 * pages (with the header repeated), a tall image is made smaller, a table
 * without a header and long unbroken words still lay out. */
static void
test_pdf_oversized (void)
{
  g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_ZH_CN);
  g_autofree char *path = g_build_filename (tmpdir, "oversized.pdf", NULL);
  g_autofree char *docx = g_build_filename (tmpdir, "oversized.docx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *text = NULL;
  GaDocTable *table;
  cairo_surface_t *surface;
  GByteArray *bytes = g_byte_array_new ();

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (long_text, "第%u句很长的说明文字。", i + 1);
  g_string_append (long_text, "结束标记");

  table = ga_doc_add_table (doc, 2, NULL, &error);
  g_assert_no_error (error);
  {
    const char * const header[] = { "左列表头", "右列表头" };
    const char * const row[] = { long_text->str, "短" };

    ga_doc_table_set_header (table, header);
    ga_doc_table_add_row (table, row);
    ga_doc_table_add_row (table, row);
  }
  table = ga_doc_add_table (doc, 3, NULL, &error);
  g_assert_no_error (error);
  {
    const char * const row[] = { "x", "Pneumonoultramicroscopicsilicovolcanoconiosis"
                                 "Pneumonoultramicroscopicsilicovolcanoconiosis", NULL };

    ga_doc_table_add_row (table, row);
  }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 400);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, png_write_cb, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  png = g_byte_array_free_to_bytes (bytes);
  g_assert_true (ga_doc_add_image (doc, png, 100, "很高的图", &error));
  g_assert_no_error (error);

  g_assert_true (ga_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (ga_doc_write_docx (doc, docx, &error));
  g_assert_no_error (error);
  keep_output (path);

  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    guint n_pages = pdf_n_pages (path);

    text = run_tool (argv);
    g_test_message ("%u pages", n_pages);
    g_assert_cmpuint (n_pages, >=, 3);
    g_assert_nonnull (strstr (text, "结束标记"));
    g_assert_nonnull (strstr (text, "很高的图"));
    /* The long cell spans pages; each of them shows the header. */
    for (guint p = 1; p <= n_pages; p++)
      {
        g_autofree char *page = pdf_page_text (path, p);

        if (strstr (page, "句很长的说明文字") != NULL)
          g_assert_nonnull (strstr (page, "左列表头"));
      }
  }
}

/* ------------------------------------------------------------------ DOCX, through LibreOffice */

static void
test_docx_libreoffice (void)
{
  g_autofree char *docx = write_once ("report.docx", TRUE);
  g_autofree char *outdir = g_build_filename (tmpdir, "lo", NULL);
  g_autofree char *profile = g_build_filename (tmpdir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  g_autofree char *pdf = g_build_filename (outdir, "report.pdf", NULL);
  const char *argv[] = { "soffice", env, "--headless", "--norestore", "--convert-to", "pdf",
                         "--outdir", outdir, docx, NULL };
  g_autofree char *out = NULL;

  if (!have_tool ("soffice") || !have_tool ("pdftotext") || !have_tool ("pdfinfo"))
    return;
  out = run_tool (argv);
  g_test_message ("soffice: %s", out);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  keep_output_as (pdf, "report-libreoffice.pdf");
  check_report_pdf (pdf, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ga-report-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ga/report/model/text", test_model_text);
  g_test_add_func ("/ga/report/model/invalid", test_model_invalid);
  g_test_add_func ("/ga/report/docx/package", test_docx_package);
  g_test_add_func ("/ga/report/docx/hostile-text", test_docx_hostile_text);
  g_test_add_func ("/ga/report/write-failure", test_write_failure);
  g_test_add_func ("/ga/report/pdf/text", test_pdf_text);
  g_test_add_func ("/ga/report/pdf/info", test_pdf_info);
  g_test_add_func ("/ga/report/pdf/english", test_pdf_english);
  g_test_add_func ("/ga/report/pdf/oversized", test_pdf_oversized);
  g_test_add_func ("/ga/report/docx/libreoffice", test_docx_libreoffice);

  status = g_test_run ();
  rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
