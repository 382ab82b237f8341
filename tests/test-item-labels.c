/* test-item-labels.c: how lists name items, how far items are met, guidance parts
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list (improvements, History, search, check, report, workbook) names
 * an item by ga_item_label(), "number title". For every bundled template
 * no two items may read the same there, in either language, and the
 * improvement list the engine produces must name its items that way. The
 * partly met count and the parts of "guidance" are checked on small known
 * cases.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-check.h"
#include "ga-engine.h"
#include "ga-session.h"

static GaTemplate *
load_bundled (const char *id)
{
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_resource (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  return tmpl;
}

/* Every item has a number and a title, and no two items of the template
 * share the pair, in Chinese or in English. The titles alone differ too:
 * the numbers are places, so a list must not rely on them to tell two
 * items apart. */
static void
test_distinct (gconstpointer data)
{
  g_autoptr(GaTemplate) tmpl = load_bundled (data);
  GPtrArray *items = ga_template_get_items (tmpl);
  const char * const languages[] = { "zh_CN", "en" };

  g_assert_cmpuint (items->len, >, 0);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < items->len; i++)
        {
          const GaItem *item = g_ptr_array_index (items, i);
          const char *number = ga_item_get_number (item);
          const char *title = ga_text_get (&item->title, languages[l]);
          char *label = ga_item_label (item, languages[l]);
          g_autofree char *expected = g_strdup_printf ("%s %s", number, title);

          /* A short number, never the standard's name or a chapter line. */
          g_assert_cmpstr (number, !=, "");
          g_assert_cmpuint (strlen (number), <=, 12);
          g_assert_null (strstr (number, "GB"));
          g_assert_cmpstr (title, !=, "");
          g_assert_cmpstr (label, ==, expected);
          if (!g_hash_table_add (titles, (gpointer) title))
            g_error ("%s: %s (%s): the title \"%s\" is already another item's",
                     (const char *) data, item->id, languages[l], title);
          if (!g_hash_table_add (seen, label))
            g_error ("%s: %s (%s): \"%s\" is already another item's", (const char *) data,
                     item->id, languages[l], expected);
        }
    }
}

/* The numbers: clauses when all are numeric and distinct, else the place in
 * the first-level section. */
static void
test_numbers (void)
{
  static const char clauses[] =
    "{\"format\": 1, \"id\": \"n\", \"version\": \"1\", \"kind\": \"custom\", \"title\": \"t\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": ["
    "  {\"id\": \"S1\", \"title\": \"a\", \"items\": ["
    "    {\"id\": \"A\", \"kind\": \"yesno\", \"title\": \"A\", \"source\": \"s\", \"clause\": \"5.1\"},"
    "    {\"id\": \"B\", \"kind\": \"yesno\", \"title\": \"B\", \"source\": \"s\", \"clause\": \"5.2a\"}]}]}";
  static const char places[] =
    "{\"format\": 1, \"id\": \"n\", \"version\": \"1\", \"kind\": \"custom\", \"title\": \"t\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": ["
    "  {\"id\": \"S1\", \"title\": \"a\", \"items\": ["
    "    {\"id\": \"A\", \"kind\": \"yesno\", \"title\": \"A\", \"source\": \"s\", \"clause\": \"5.1\"}],"
    "   \"sections\": [{\"id\": \"S11\", \"title\": \"b\", \"items\": ["
    "    {\"id\": \"B\", \"kind\": \"yesno\", \"title\": \"B\", \"source\": \"s\", \"clause\": \"5.1\"}]}]},"
    "  {\"id\": \"S2\", \"title\": \"c\", \"items\": ["
    "    {\"id\": \"C\", \"kind\": \"yesno\", \"title\": \"C\", \"source\": \"s\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) a = ga_template_new_from_data (clauses, -1, "clauses", &error);
  g_autoptr(GaTemplate) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ga_item_get_number (ga_template_find_item (a, "A")), ==, "5.1");
  g_assert_cmpstr (ga_item_get_number (ga_template_find_item (a, "B")), ==, "5.2a");
  /* A shared clause (and a missing one) numbers by place: B is the second
   * item of the first section (its subsection counts with it), C the first
   * of the second. */
  b = ga_template_new_from_data (places, -1, "places", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ga_item_get_number (ga_template_find_item (b, "A")), ==, "1.1");
  g_assert_cmpstr (ga_item_get_number (ga_template_find_item (b, "B")), ==, "1.2");
  g_assert_cmpstr (ga_item_get_number (ga_template_find_item (b, "C")), ==, "2.1");
}

static GaEngine *
engine_with_case (GaTemplate *tmpl,
                  const char *id,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "templates", id,
                                            file, NULL);
  g_autoptr(GaAnswerSet) answers = ga_answer_set_new_from_file (path, tmpl, &error);
  GaEngine *engine;

  g_assert_no_error (error);
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);
  return engine;
}

/* The improvement list names each item by its own "number title": no two
 * rows read the same, and none is a clause shared by many items. */
static void
test_improvements (void)
{
  g_autoptr(GaTemplate) tmpl = load_bundled ("gbt36132-2025");
  g_autoptr(GaEngine) engine = engine_with_case (tmpl, "gbt36132-2025", "case1");
  g_autoptr(GPtrArray) list = ga_engine_get_improvements (engine);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *en2 = NULL;
  gboolean has_en2 = FALSE;

  /* case1 leaves points on EN1, EN2, EN3, RE1a, RE2 … (test-templates.c). */
  g_assert_cmpuint (list->len, >=, 5);
  for (guint i = 0; i < list->len; i++)
    {
      GaImprovement *imp = g_ptr_array_index (list, i);
      char *label = ga_item_label (imp->item, "zh_CN");

      g_assert_true (g_str_has_prefix (label, ga_item_get_number (imp->item)));
      g_assert_true (g_hash_table_add (seen, label));
      has_en2 |= g_str_equal (imp->item->id, "EN2");
    }
  /* 能源低碳化 is the second first-level section (基本要求 the first), and
   * EN2 its fifth item in item order (EN1_basis, EN1, EN1P, EN1V, EN2). */
  g_assert_true (has_en2);
  en2 = ga_item_label (ga_template_find_item (tmpl, "EN2"), "zh_CN");
  g_assert_cmpstr (en2, ==, "2.5 单位产值碳排放量");
}

/* case1 of GB/T 36132-2025: EN2 5.5 of 11 is partly met, EN4 4 of 4 met,
 * RE3 0 of 4 (at the baseline) not met, CL3W N/A none of them. */
static void
test_met (void)
{
  g_autoptr(GaTemplate) tmpl = load_bundled ("gbt36132-2025");
  g_autoptr(GaEngine) engine = engine_with_case (tmpl, "gbt36132-2025", "case1");
  guint full = 0, partial = 0, not_met = 0;
  guint full_en = 0, partial_en = 0, not_en = 0;

#define MET(id) ga_result_get_met (ga_engine_get_item_result (engine, ga_template_find_item (tmpl, id)))
  g_assert_cmpint (MET ("EN2"), ==, GA_MET_PARTIAL);
  g_assert_cmpint (MET ("EN4"), ==, GA_MET_FULL);
  g_assert_cmpint (MET ("RE3"), ==, GA_MET_NOT);
  g_assert_cmpint (MET ("CL3W"), ==, GA_MET_NONE);
  /* Inputs without points (the baseline typed) are neither. */
  g_assert_cmpint (MET ("EN2_base"), ==, GA_MET_NONE);
#undef MET

  ga_engine_count_met (engine, NULL, &full, &partial, &not_met);
  ga_engine_count_met (engine, ga_template_find_section (tmpl, "S_EN"), &full_en, &partial_en,
                       &not_en);
  /* 能源低碳化 in case1: EN1 7.7/11 and EN2 5.5/11 and EN3 4/8 partly met,
   * EN4 4/4 met; the choice, table and reference-value inputs carry no
   * points. */
  g_assert_cmpuint (partial_en, ==, 3);
  g_assert_cmpuint (full_en, ==, 1);
  g_assert_cmpuint (not_en, ==, 0);
  /* The whole template counts the two veto items met as well. */
  g_assert_cmpuint (full, >=, full_en + 2);
  g_assert_cmpuint (partial, >=, partial_en);
  g_assert_cmpuint (not_met, >=, 1);
}

/* "guidance" as a text is what to do; as an object its parts. */
static void
test_guidance (void)
{
  static const char tmpl_json[] =
    "{\"format\": 1, \"id\": \"g\", \"version\": \"1\", \"kind\": \"custom\", \"title\": \"t\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": ["
    "  {\"id\": \"S1\", \"title\": \"a\", \"items\": ["
    "    {\"id\": \"A\", \"kind\": \"yesno\", \"title\": \"A\", \"source\": \"s\", \"guidance\": \"plain\"},"
    "    {\"id\": \"B\", \"kind\": \"yesno\", \"title\": \"B\", \"source\": \"s\", \"guidance\": {"
    "      \"do\": {\"zh_CN\": \"做\", \"en\": \"do\"}, \"evidence\": \"licence\","
    "      \"failures\": {\"en\": \"late\"}, \"source\": {\"zh_CN\": \"表\", \"en\": \"form\"}}}]}]}";
  static const char bad_json[] =
    "{\"format\": 1, \"id\": \"g\", \"version\": \"1\", \"kind\": \"custom\", \"title\": \"t\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": ["
    "  {\"id\": \"S1\", \"title\": \"a\", \"items\": ["
    "    {\"id\": \"B\", \"kind\": \"yesno\", \"title\": \"B\", \"source\": \"s\", \"guidance\": {"
    "      \"do\": \"x\", \"pitfalls\": \"y\"}}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_data (tmpl_json, -1, "g", &error);
  g_autoptr(GaTemplate) bad = NULL;
  GaItem *a, *b;

  g_assert_no_error (error);
  a = ga_template_find_item (tmpl, "A");
  b = ga_template_find_item (tmpl, "B");
  g_assert_cmpstr (ga_text_get (&a->guidance, "en"), ==, "plain");
  g_assert_cmpstr (ga_text_get (&a->guidance_failures, "en"), ==, "");
  g_assert_cmpstr (ga_text_get (&b->guidance, "zh_CN"), ==, "做");
  g_assert_cmpstr (ga_text_get (&b->guidance, "en"), ==, "do");
  g_assert_cmpstr (ga_text_get (&b->guidance_evidence, "zh_CN"), ==, "licence");
  g_assert_cmpstr (ga_text_get (&b->guidance_failures, "zh_CN"), ==, "late");
  g_assert_cmpstr (ga_text_get (&b->guidance_source, "en"), ==, "form");

  bad = ga_template_new_from_data (bad_json, -1, "bad", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "sections[0].items[0].guidance.pitfalls"));
}

/* The bundled GB/T 36132-2025 template: every quantitative item of the
 * indicator table says what to do, and the parts given are filled in both
 * languages with their source. */
static void
test_bundled_guidance (void)
{
  g_autoptr(GaTemplate) tmpl = load_bundled ("gbt36132-2025");
  GPtrArray *items = ga_template_get_items (tmpl);
  guint with_failures = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      if (item->guidance_failures.zh == NULL && item->guidance_failures.en == NULL)
        continue;
      with_failures++;
      g_assert_nonnull (item->guidance_failures.zh);
      g_assert_nonnull (item->guidance_failures.en);
      g_assert_nonnull (item->guidance.zh);
      g_assert_nonnull (item->guidance.en);
      g_assert_nonnull (item->guidance_source.zh);
      g_assert_nonnull (item->guidance_source.en);
    }
  g_assert_cmpuint (with_failures, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  /* Every bundled template, as the application lists them (kept for the
   * life of the program: the test cases borrow the ids). */
  static GStrv bundled;

  g_test_init (&argc, &argv, NULL);

  bundled = ga_template_list_bundled ();
  for (guint i = 0; bundled[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/item-labels/distinct/%s", bundled[i]);

      g_test_add_data_func (path, bundled[i], test_distinct);
    }
  g_test_add_func ("/ga/item-labels/numbers", test_numbers);
  g_test_add_func ("/ga/item-labels/improvements", test_improvements);
  g_test_add_func ("/ga/item-labels/met", test_met);
  g_test_add_func ("/ga/item-labels/guidance", test_guidance);
  g_test_add_func ("/ga/item-labels/bundled-guidance", test_bundled_guidance);
  return g_test_run ();
}
