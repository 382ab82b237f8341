/* test-report-figures.c: the charts of the self-evaluation report
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo database's assessments get their reports built. The green
 * factory's report shows the points of each part in a chart right after
 * the table of the parts' scores, with the engine's numbers; the energy
 * audit's shows its energy mix (the shares of the energy table) and its
 * points; clean production, which has no points, shows no chart. The PDF
 * is read back with pdftotext, the DOCX's pictures are counted.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-stdio.h>

#include "ga-format.h"
#include "ga-report-builder.h"
#include "ga-report-test-utils.h"
#include "ga-store-engine.h"

/* libgsf 1.14.50 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

static char *tmpdir;
static GaStore *store;

static GaSession *
open_demo (GaTemplateKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ga_store_list_assessments (store, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);
      GaSession *session = ga_session_new (store, a->id, NULL, &error);

      g_assert_no_error (error);
      if (ga_template_get_kind (ga_session_get_template (session)) == kind)
        return session;
      g_object_unref (session);
    }
  g_assert_not_reached ();
}

/* Writes the report of @session in @lang as PDF and DOCX under @name;
 * returns the PDF's text without spaces and counts the DOCX's pictures. */
static char *
write_report (GaSession  *session,
              const char *lang,
              const char *name,
              guint      *n_pictures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GaDoc) doc = ga_report_build (session, lang, date, &error);
  g_autofree char *pdf_name = g_strconcat (name, ".pdf", NULL);
  g_autofree char *docx_name = g_strconcat (name, ".docx", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, pdf_name, NULL);
  g_autofree char *docx = g_build_filename (tmpdir, docx_name, NULL);
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GsfInput) word = NULL;
  g_autoptr(GsfInput) media = NULL;

  g_assert_no_error (error);
  g_assert_true (ga_doc_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (ga_doc_write_docx (doc, docx, &error));
  g_assert_no_error (error);
  ga_report_test_keep (pdf, pdf_name);
  ga_report_test_keep (docx, docx_name);

  input = gsf_input_stdio_new (docx, &error);
  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  word = gsf_infile_child_by_name (zip, "word");
  g_assert_nonnull (word);
  media = gsf_infile_child_by_name (GSF_INFILE (word), "media");
  *n_pictures = media != NULL ? (guint) gsf_infile_num_children (GSF_INFILE (media)) : 0;

  if (!ga_report_test_have_tool ("pdftotext"))
    return NULL;
  return ga_report_test_pdf_text (pdf, 0);
}

static char *
without_spaces (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    if (*s != ' ')
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static const char *
find (const char *text,
      const char *needle)
{
  const char *at = strstr (text, needle);

  if (at == NULL)
    g_test_message ("not found: %s", needle);
  g_assert_nonnull (at);
  return at;
}

/* The chart's labels and values: each part worth points, with the points
 * earned and attainable as ga-format writes them. */
static void
check_section_chart (const char *chart,
                     GaSession  *session)
{
  GaTemplate *tmpl = ga_session_get_template (session);
  GaEngine *engine = ga_session_get_engine (session);
  GPtrArray *roots = ga_template_get_root_sections (tmpl);
  guint n = 0;

  for (guint s = 0; s < roots->len; s++)
    {
      GaSection *root = g_ptr_array_index (roots, s);
      const GaResult *res = ga_engine_get_section_result (engine, root);
      g_autofree char *title = NULL;
      g_autofree char *score = NULL;
      g_autofree char *max = NULL;
      g_autofree char *pair = NULL;
      const char *label;

      if (res == NULL || isnan (res->max) || res->max <= 0)
        continue;
      n++;
      title = without_spaces (ga_text_get (&root->title, "zh_CN"));
      score = ga_format_number (res->score, 2);
      max = ga_format_number (res->max, 2);
      /* The label, then the earned and the attainable points. */
      pair = g_strconcat (score, max, NULL);
      label = find (chart, title);
      find (label, pair);
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_green_factory (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_GREEN_FACTORY);
  guint pictures = 0;
  g_autofree char *text = write_report (session, "zh_CN", "green-factory", &pictures);
  const char *part, *table, *chart, *next;

  g_assert_cmpuint (pictures, ==, 1);
  if (text == NULL)
    return;
  /* Part three: the summary, the parts' scores, then the chart, before
   * part four. */
  part = find (text, "三、自评价得分及结论");
  part = find (part + 1, "三、自评价得分及结论");
  table = find (part, "序号部分得分/满分已填写");
  chart = find (table, "各部分得分与满分的对比见图1。得分满分");
  next = find (chart, "图1各部分得分与满分");
  g_assert_true (next < find (part, "四、存在问题及下一步计划"));
  check_section_chart (chart, session);
}

static void
test_energy_audit (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_ENERGY_AUDIT);
  GaTemplate *tmpl = ga_session_get_template (session);
  GaEngine *engine = ga_session_get_engine (session);
  GaItem *energy = ga_template_find_item (tmpl, "energy");
  GaOutput *total = ga_template_find_output (tmpl, "E_total");
  const GaResult *total_result = ga_engine_get_output_result (engine, total);
  guint pictures = 0;
  g_autofree char *text = write_report (session, "zh_CN", "energy-audit", &pictures);
  g_autofree char *total_text = NULL;
  g_autofree char *intro = NULL;
  const char *mix, *caption;
  int share = -1;

  g_assert_cmpuint (pictures, ==, 2);
  if (text == NULL)
    return;
  g_assert_nonnull (energy);
  g_assert_true (total_result->value.kind == GA_VALUE_NUMBER);
  total_text = ga_format_number (total_result->value.u.number, 2);
  intro = g_strdup_printf ("综合能耗%stce，各能源品种所占比例见图1。", total_text);

  /* A sub-heading of part two, in the table of contents too, after the three
   * data tables (energy, other carriers, process emissions). The demo plant
   * answered the process emissions 不适用: the report gives the reason and
   * asks for no rows. */
  find (text, "（四）能源消费结构");
  mix = find (find (text, "二、能源消费与结构") + 1, "二、能源消费与结构");
  g_assert_true (find (mix, "（三）碳酸盐分解的CO2排放") < find (mix, "（四）能源消费结构"));
  find (mix, "不适用：装配生产，无碳酸盐原料，不产生工业生产过程排放。");
  mix = find (mix, "（四）能源消费结构");
  find (mix, intro);
  caption = find (mix, "图1能源消费结构（按折标准煤计）");
  g_assert_true (caption < find (mix, "三、能耗指标与目标完成情况"));
  /* Each carrier's share, as the energy table computes it. */
  for (guint c = 0; c < energy->columns->len; c++)
    if (g_str_equal (((GaColumn *) g_ptr_array_index (energy->columns, c))->id, "share"))
      share = (int) c;
  g_assert_cmpint (share, >=, 0);
  g_assert_cmpuint (ga_engine_get_n_rows (engine, energy), >, 1);
  for (guint row = 0; row < ga_engine_get_n_rows (engine, energy); row++)
    {
      const GaValue *v = ga_engine_get_cell (engine, energy, row, (guint) share);
      g_autofree char *pct = NULL;

      g_assert_true (v->kind == GA_VALUE_NUMBER);
      pct = g_strdup_printf ("%.1f%%", v->u.number);
      find (mix, pct);
    }
  /* And the points of its parts after the scoring summary. */
  check_section_chart (find (caption, "各部分得分与满分的对比见图2。"), session);
  find (caption, "图2各部分得分与满分");
}

static void
test_clean_production (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_CLEAN_PRODUCTION);
  guint pictures = 0;
  g_autofree char *text = write_report (session, "zh_CN", "clean-production", &pictures);

  g_assert_cmpuint (pictures, ==, 0);
  if (text == NULL)
    return;
  g_assert_null (strstr (text, "图1"));
}

static void
test_english (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_ENERGY_AUDIT);
  guint pictures = 0;
  g_autofree char *text = write_report (session, "en", "energy-audit-en", &pictures);

  g_assert_cmpuint (pictures, ==, 2);
  if (text == NULL)
    return;
  find (text, "2.4Energymix");
  find (text, "Figure1Energymix(standardcoal)");
  find (text, "Figure2setsthepointseachpartearnedbesidethepointsitcanearn.");
  find (text, "PointsearnedPointsattainable");
  find (text, "Figure2Pointsperpart");
  g_assert_null (strstr (text, "图"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ga-report-figures-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "demo.db", NULL);
  store = ga_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);

  g_test_add_func ("/ga/report/figures/green-factory", test_green_factory);
  g_test_add_func ("/ga/report/figures/energy-audit", test_energy_audit);
  g_test_add_func ("/ga/report/figures/clean-production", test_clean_production);
  g_test_add_func ("/ga/report/figures/english", test_english);

  status = g_test_run ();
  g_object_unref (store);
  ga_report_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
