/* test-report.c: the self-evaluation report of every bundled template
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo database holds one assessment per template kind; the bundled
 * templates without one get a fresh assessment of the demo enterprise.
 * Each gets a small evidence file, then its report is built in both
 * languages and written as PDF and DOCX. pdftotext reads the PDF back and
 * the test looks for what a reviewer looks for: the enterprise's name and
 * credit code, the total exactly as ga-format writes the engine's summary,
 * the declaration, every heading of the outline of the template's kind,
 * the evidence index and the attached file's name. LibreOffice converts
 * one DOCX per language to PDF and the same texts are looked for there.
 * The tools are optional: without them those checks are skipped.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ga-format.h"
#include "ga-narrative.h"
#include "ga-report-builder.h"
#include "ga-store-engine.h"

#define EVIDENCE_NAME "licence_2025.txt"

/* The user's text of the first part (two paragraphs) and of the first
 * dimension; the markers are found again in pdftotext's output. */
#define NARRATIVE_PARAGRAPH_1 "本厂坚持绿色发展，NARRATIVE-ONE 已通过能源管理体系认证。"
#define NARRATIVE_PARAGRAPH_2 "Second paragraph NARRATIVE-TWO：屋顶光伏 2 MW。"
#define NARRATIVE_DIMENSION   "维度正文 NARRATIVE-THREE，计量器具配备率 100%。"

static char *tmpdir;
static GaStore *store;
static gboolean docx_converted[2];
static char *evidence_sha;     /* SHA-256 of the attached file */

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
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s failed: %s", argv[0], err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* @text without any white space: table cells and long headings wrap, and
 * the words of a line are found again once the breaks are gone. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle,
                 const char *where)
{
  g_autofree char *n = squeeze (needle);

  if (strstr (haystack, n) == NULL)
    g_test_message ("%s: “%s” not found", where, needle);
  g_assert_nonnull (strstr (haystack, n));
}

static gboolean
has_evidence_named (GPtrArray  *evidence,
                    const char *name)
{
  for (guint i = 0; i < evidence->len; i++)
    if (g_strcmp0 (((GaEvidence *) g_ptr_array_index (evidence, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* The assessment of the demo enterprise on template @id: the demo's own,
 * or a new one. */
static gint64
assessment_for (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ga_store_list_assessments (store, 0, &error);
  g_autoptr(GaEnterprise) demo = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  gint64 aid;

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);

      if (g_strcmp0 (a->template_id, id) == 0)
        return a->id;
    }
  demo = ga_store_find_enterprise (store, GA_STORE_DEMO_CREDIT_CODE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo);
  tmpl = ga_template_new_from_resource (id, &error);
  g_assert_no_error (error);
  aid = ga_store_new_assessment (store, demo->id, tmpl, id, 2025, "2025", &error);
  g_assert_no_error (error);
  return aid;
}

/* The outline's headings of the kind of @tmpl, as the report numbers them. */
static const char *const *
outline_for (GaTemplate *tmpl,
             gboolean    zh)
{
  static const char *const gf_zh[] = { "一、工厂基本情况", "二、绿色工厂创建情况",
                                       "三、自评价得分及结论", "四、存在问题及下一步计划", NULL };
  static const char *const gf_en[] = { "1. The factory", "2. Green factory work",
                                       "3. Score and conclusion", "4. Problems and next steps",
                                       NULL };
  static const char *const cp_zh[] = { "一、企业基本情况", "二、清洁生产指标评价",
                                       "三、综合评价指数与等级", "四、持续清洁生产方案", NULL };
  static const char *const cp_en[] = { "1. The enterprise", "2. Clean production indicators",
                                       "3. Composite index and level",
                                       "4. Continuing clean production plan", NULL };
  static const char *const ea_zh[] = { "一、企业概况", "二、能源消费与结构",
                                       "三、能耗指标与目标完成情况", "四、节能潜力与建议", NULL };
  static const char *const ea_en[] = { "1. The enterprise", "2. Energy consumption and structure",
                                       "3. Energy indicators and targets",
                                       "4. Savings potential and recommendations", NULL };
  static const char *const ws_zh[] = { "一、企业基本情况", "二、用水情况与水平衡",
                                       "三、节水型企业评价", "四、自评价结论",
                                       "五、存在问题及节水计划", NULL };
  static const char *const ws_en[] = { "1. The enterprise", "2. Water use and water balance",
                                       "3. Water-saving enterprise evaluation", "4. Conclusion",
                                       "5. Problems and water-saving plan", NULL };
  static const char *const sc_zh[] = { "一、企业基本情况", "二、绿色供应链管理工作情况",
                                       "三、供应商管理及定量指标", "（一）供应商名录",
                                       "四、自评价得分及结论", "五、存在问题及下一步计划", NULL };
  static const char *const sc_en[] = { "1. The enterprise", "2. Green supply chain management work",
                                       "3. Suppliers and their indicators", "3.1 Supplier register",
                                       "4. Score and conclusion", "5. Problems and next steps",
                                       NULL };
  static const char *const ca_zh[] = { "一、企业基本情况", "二、清洁生产审核过程",
                                       "三、审核重点、目标和清洁生产方案", "（四）清洁生产方案汇总表",
                                       "四、审核结论", "五、持续清洁生产计划", NULL };
  static const char *const ca_en[] = { "1. The enterprise", "2. The audit, stage by stage",
                                       "3. Focus, targets and options", "3.4 Options register",
                                       "4. Conclusion", "5. Continuing clean production", NULL };
  static const char *const gp_zh[] = { "一、园区基本情况", "二、绿色园区创建情况",
                                       "三、绿色指数及自评价结论", "四、存在问题及下一步计划", NULL };
  static const char *const gp_en[] = { "1. The park", "2. Green park work",
                                       "3. Green index and conclusion",
                                       "4. Problems and next steps", NULL };
  static const char *const cu_zh[] = { "一、基本情况", "二、评价内容", "三、评价结果",
                                       "四、存在问题及改进计划", NULL };
  static const char *const cu_en[] = { "1. The enterprise", "2. Evaluation", "3. Result",
                                       "4. Problems and improvement plan", NULL };

  static const char *const dg_zh[] = { "一、企业基本情况", "二、能源消费情况", "三、能量平衡与单位产品能耗",
                                       "四、重点用能设备能效", "五、能源计量与管理",
                                       "六、节能措施及效益", "七、诊断结论", NULL };
  static const char *const dg_en[] = { "1. Enterprise overview", "2. Energy use",
                                       "3. Energy balance and energy per unit product",
                                       "4. Key equipment efficiency", "5. Metering and management",
                                       "6. Saving measures, savings and payback", "7. Conclusions",
                                       NULL };

  switch (ga_template_get_kind (tmpl))
    {
    case GA_TEMPLATE_KIND_ENERGY_DIAGNOSIS:
      return zh ? dg_zh : dg_en;
    case GA_TEMPLATE_KIND_GREEN_FACTORY:
      return zh ? gf_zh : gf_en;
    case GA_TEMPLATE_KIND_CLEAN_PRODUCTION:
      return zh ? cp_zh : cp_en;
    case GA_TEMPLATE_KIND_ENERGY_AUDIT:
      return zh ? ea_zh : ea_en;
    case GA_TEMPLATE_KIND_WATER_SAVING:
      return zh ? ws_zh : ws_en;
    case GA_TEMPLATE_KIND_SUPPLY_CHAIN:
      return zh ? sc_zh : sc_en;
    case GA_TEMPLATE_KIND_GREEN_PARK:
      return zh ? gp_zh : gp_en;
    case GA_TEMPLATE_KIND_CP_AUDIT:
      return zh ? ca_zh : ca_en;
    case GA_TEMPLATE_KIND_CUSTOM:
    default:
      return zh ? cu_zh : cu_en;
    }
}

/* Where the squeezed @needle is in @haystack, or -1. */
static gssize
position (const char *haystack,
          const char *needle,
          gboolean    last)
{
  g_autofree char *n = squeeze (needle);
  const char *at = last ? g_strrstr (haystack, n) : strstr (haystack, n);

  return at != NULL ? at - haystack : -1;
}

/* The user's text stands right after the heading of its part, before
 * what the builder generates there, one paragraph each; a part without
 * text has no stand-in text. */
static void
check_narratives (const char *text,
                  const char *raw,
                  GaSession  *session,
                  gboolean    zh,
                  const char *pdf)
{
  GPtrArray *outline = ga_narrative_outline (ga_session_get_template (session),
                                             zh ? "zh_CN" : "en");
  const GaNarrativePart *first = g_ptr_array_index (outline, 0);
  const GaNarrativePart *dimension = NULL;
  gboolean diagnosis = ga_template_get_kind (ga_session_get_template (session))
                      == GA_TEMPLATE_KIND_ENERGY_DIAGNOSIS;
  const char *generated = diagnosis ? (zh ? "本次诊断依据" : "This diagnosis follows")
                                    : (zh ? "本次自评价依据" : "This self-evaluation follows");
  gssize heading, one, two, scope, section, three;

  for (guint i = 0; i < outline->len && dimension == NULL; i++)
    if (((GaNarrativePart *) outline->pdata[i])->level == 2)
      dimension = g_ptr_array_index (outline, i);
  /* The diagnosis report's parts are its own, not the template's
   * dimensions. */
  g_assert_true (dimension != NULL || diagnosis);

  /* The body's heading, not the table of contents' line. */
  heading = position (text, first->title, TRUE);
  one = position (text, NARRATIVE_PARAGRAPH_1, FALSE);
  two = position (text, NARRATIVE_PARAGRAPH_2, FALSE);
  scope = position (text, generated, TRUE);
  if (one < 0 || two < 0)
    g_test_message ("%s: the report text is not there", pdf);
  g_assert_cmpint (heading, >=, 0);
  g_assert_cmpint (one, >, heading);
  g_assert_cmpint (two, >, one);
  g_assert_cmpint (scope, >, two);
  /* Two paragraphs: a line break between them in the PDF's text. */
  {
    const char *end_one = strstr (raw, "NARRATIVE-ONE");
    const char *start_two = strstr (raw, "Second paragraph");

    g_assert_nonnull (end_one);
    g_assert_nonnull (start_two);
    g_assert_nonnull (memchr (end_one, '\n', start_two - end_one));
  }

  /* The dimension's sub-heading ("（一）title", "3.1 title": the first
   * dimension) after the body's heading of the part it belongs to. */
  if (dimension == NULL)
    {
      g_ptr_array_unref (outline);
      return;
    }
  {
    gssize parent = position (text, dimension->parent, TRUE);
    g_autofree char *heading_text = g_strconcat (zh ? "（一）" : ".1", dimension->title, NULL);
    g_autofree char *title = squeeze (heading_text);
    const char *at = strstr (text + MAX (parent, 0), title);

    g_assert_cmpint (parent, >=, 0);
    g_assert_nonnull (at);
    section = at - text;
  }
  three = position (text, NARRATIVE_DIMENSION, FALSE);
  g_assert_cmpint (three, >, section);
  g_assert_cmpint (three - section, <, 200);

  /* No stand-in text where the user wrote nothing. */
  g_assert_null (strstr (text, zh ? "尚无正文" : "Notextyet"));
  g_assert_null (strstr (text, zh ? "尚未撰写正文" : "hasnotextofyourown"));
  g_ptr_array_unref (outline);
}

/* Everything a reviewer looks for, in the text of a PDF. */
static void
check_text (const char *pdf,
            GaSession  *session,
            gboolean    zh)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *raw = run_tool (argv);
  g_autofree char *text = squeeze (raw);
  const GaEnterprise *e = ga_session_get_enterprise (session);
  GaTemplate *tmpl = ga_session_get_template (session);
  const GaSummary *sum = ga_engine_get_summary (ga_session_get_engine (session));
  g_autofree char *total = ga_format_score (sum->score, sum->max);
  const char *const *outline = outline_for (tmpl, zh);

  assert_contains (text, e->name, pdf);
  assert_contains (text, e->credit_code, pdf);
  /* Clean production has no points total: its composite index stands
   * there, as ga-format writes numbers. */
  if (isnan (sum->max))
    {
      g_autofree char *index = ga_format_number (sum->index[0], 2);

      /* A template without a score (scheme none) has neither. */
      g_assert_true (ga_template_get_scheme (tmpl) == GA_SCHEME_CLEAN_PRODUCTION
                     || ga_template_get_scheme (tmpl) == GA_SCHEME_NONE);
      if (ga_template_get_scheme (tmpl) == GA_SCHEME_CLEAN_PRODUCTION)
        assert_contains (text, index, pdf);
    }
  else
    assert_contains (text, total, pdf);
  /* The checksum of the attached file, its first line of 16 digits. */
  {
    g_autofree char *head = g_strndup (evidence_sha, 16);

    assert_contains (text, head, pdf);
  }
  assert_contains (text, ga_report_title_for (tmpl, zh ? "zh_CN" : "en"), pdf);
  assert_contains (text, zh ? "填写说明" : "Notes on filling in", pdf);
  assert_contains (text, zh ? "基本信息表" : "Basic information", pdf);
  assert_contains (text, zh ? "材料真实性承诺" : "Declaration of truthfulness", pdf);
  assert_contains (text, zh ? "网络安全和数据安全" : "cyber and data security", pdf);
  assert_contains (text, zh ? "法定代表人（签字）" : "Legal representative (signature)", pdf);
  for (guint i = 0; outline[i] != NULL; i++)
    assert_contains (text, outline[i], pdf);
  assert_contains (text, zh ? "附件：佐证材料清单" : "Annex: list of evidence", pdf);
  assert_contains (text, EVIDENCE_NAME, pdf);
  /* Only the green factory's cover carries the ministry's line. */
  if (ga_template_get_kind (tmpl) == GA_TEMPLATE_KIND_GREEN_FACTORY && zh)
    assert_contains (text, "工业和信息化部制", pdf);
  if (ga_template_get_kind (tmpl) != GA_TEMPLATE_KIND_GREEN_FACTORY)
    g_assert_null (strstr (text, "工业和信息化部制"));
  check_narratives (text, raw, session, zh, pdf);
  /* The water balance of the demo, grouped by kind (the tap-water row before
   * the groundwater row although typed in any order), and its rates with
   * their required values: 重复利用率 260 000 / (85 000 + 260 000) =
   * 75.36 %, 漏失率 2 000 / 85 000 = 2.35 %, 85 000 / 12 000 台 = 7.083. */
  if (ga_template_get_kind (tmpl) == GA_TEMPLATE_KIND_WATER_SAVING)
    {
      g_assert_cmpint (position (text, "市政自来水", FALSE), <, position (text, "厂区自备井", FALSE));
      assert_contains (text, zh ? "要求值" : "Required", pdf);
      assert_contains (text, "75.36", pdf);
      assert_contains (text, "2.35", pdf);
      assert_contains (text, "7.083", pdf);
      assert_contains (text, zh ? "水效领跑者：" : "Water-efficiency leader:", pdf);
    }
  /* No internal id of a section or an item shows. */
  {
    GPtrArray *sections = ga_template_get_sections (tmpl);

    for (guint i = 0; i < sections->len; i++)
      {
        const GaSection *s = g_ptr_array_index (sections, i);
        g_autofree char *needle = g_strdup_printf ("%s ", s->id);

        if (strlen (s->id) > 3)
          g_assert_null (strstr (raw, needle));
      }
  }
}

static void
test_report (gconstpointer data)
{
  const char *id = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 31, 0, 0, 0);
  gint64 aid = assessment_for (id);
  static const char *const langs[] = { "zh_CN", "en" };

  session = ga_session_new (store, aid, NULL, &error);
  g_assert_no_error (error);

  evidence = ga_store_list_evidence (store, aid, NULL, &error);
  g_assert_no_error (error);
  if (!has_evidence_named (evidence, EVIDENCE_NAME))
    {
      GPtrArray *items = ga_template_get_items (ga_session_get_template (session));
      g_autoptr(GBytes) bytes = g_bytes_new_static ("evidence\n", 9);
      const GaItem *item = g_ptr_array_index (items, 0);

      g_assert_cmpint (ga_store_add_evidence_bytes (store, aid, item->id, EVIDENCE_NAME, bytes,
                                                    &error), >, 0);
      g_assert_no_error (error);
    }
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = ga_store_list_evidence (store, aid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, >, 0);
  g_free (evidence_sha);
  evidence_sha = g_strdup (((GaEvidence *) g_ptr_array_index (evidence, 0))->sha256);

  /* The user's text of the first part and of the first dimension, typed
   * with the line ends of another system. */
  {
    GPtrArray *outline = ga_session_get_narrative_outline (session);
    const char *first = ((GaNarrativePart *) outline->pdata[0])->key;

    g_assert_true (ga_session_set_narrative (session, first,
                                             NARRATIVE_PARAGRAPH_1 "\r\n\r\n  "
                                             NARRATIVE_PARAGRAPH_2 "\r\n", &error));
    g_assert_no_error (error);
    for (guint i = 0; i < outline->len; i++)
      if (((GaNarrativePart *) outline->pdata[i])->level == 2)
        {
          g_assert_true (ga_session_set_narrative (session,
                                                   ((GaNarrativePart *) outline->pdata[i])->key,
                                                   NARRATIVE_DIMENSION, &error));
          g_assert_no_error (error);
          break;
        }
  }

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      gboolean zh = l == 0;
      g_autoptr(GaDoc) doc = ga_report_build (session, langs[l], date, &error);
      g_autofree char *base = g_strdup_printf ("%s-%s", id, langs[l]);
      g_autofree char *pdf_name = g_strconcat (base, ".pdf", NULL);
      g_autofree char *docx_name = g_strconcat (base, ".docx", NULL);
      g_autofree char *pdf = g_build_filename (tmpdir, pdf_name, NULL);
      g_autofree char *docx = g_build_filename (tmpdir, docx_name, NULL);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_assert_true (ga_doc_get_language (doc) == (zh ? GA_DOC_LANG_ZH_CN : GA_DOC_LANG_EN));
      g_assert_true (ga_doc_write_pdf (doc, pdf, &error));
      g_assert_no_error (error);
      g_assert_true (ga_doc_write_docx (doc, docx, &error));
      g_assert_no_error (error);

      if (!have_tool ("pdftotext"))
        continue;
      check_text (pdf, session, zh);

      /* One DOCX per language through LibreOffice: the first green factory
       * template's. */
      if (!docx_converted[l]
          && ga_template_get_kind (ga_session_get_template (session)) == GA_TEMPLATE_KIND_GREEN_FACTORY
          && g_getenv ("GA_TEST_NO_SOFFICE") == NULL && have_tool ("soffice"))
        {
          g_autofree char *outdir = g_build_filename (tmpdir, "lo", NULL);
          g_autofree char *profile = g_build_filename (tmpdir, "lo-profile", NULL);
          g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
          g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
          g_autofree char *converted = g_strconcat (outdir, G_DIR_SEPARATOR_S, base, ".pdf",
                                                    NULL);
          const char *argv[] = { "soffice", env, "--headless", "--norestore", "--convert-to",
                                 "pdf", "--outdir", outdir, docx, NULL };
          g_autofree char *out = run_tool (argv);

          g_test_message ("soffice: %s", out);
          g_assert_true (g_file_test (converted, G_FILE_TEST_EXISTS));
          check_text (converted, session, zh);
          docx_converted[l] = TRUE;
        }
    }
}

/* The English report quotes the engine's own explanation when gettext
 * speaks English (the tests run with LANGUAGE=en). */
static void
test_engine_explanation (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = ga_template_list_bundled ();
  gint64 aid = assessment_for (ids[0]);
  g_autoptr(GaSession) session = ga_session_new (store, aid, NULL, &error);
  g_autoptr(GaDoc) doc = NULL;
  g_autofree char *pdf = g_build_filename (tmpdir, "explain.pdf", NULL);
  g_autofree char *explain = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  if (g_strcmp0 (ga_format_language (), "en") != 0)
    {
      g_test_skip ("the test runs with LANGUAGE=en");
      return;
    }
  doc = ga_report_build (session, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ga_doc_write_pdf (doc, pdf, &error));
  if (!have_tool ("pdftotext"))
    return;
  raw = run_tool (argv);
  text = squeeze (raw);
  explain = ga_engine_explain_summary (ga_session_get_engine (session));
  /* Its first line is enough to know it is there. */
  first = g_strndup (explain, strcspn (explain, "\n"));
  assert_contains (text, first, pdf);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ga-report-build-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "demo.db", NULL);
  store = ga_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);

  ids = ga_template_list_bundled ();
  g_assert_true (g_strv_length (ids) > 0);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/report/build/%s", ids[i]);

      g_test_add_data_func (path, ids[i], test_report);
    }
  g_test_add_func ("/ga/report/build/engine-explanation", test_engine_explanation);

  status = g_test_run ();
  g_object_unref (store);
  if (g_getenv ("GA_TEST_KEEP") == NULL)
    rm_rf (tmpdir);
  else
    g_printerr ("kept %s\n", tmpdir);
  g_free (tmpdir);
  g_free (evidence_sha);
  return status;
}
