/* test-carry.c: starting an assessment from last year's, and comparing
 * two years
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-compare.h"
#include "ga-store-engine.h"
#include "ga-store-test-utils.h"

#define CODE "91350100M000100Y43"

/* Version 1.0.0: a compliance check C1 (10 points), a number N1 scored
 * between the baseline 50 and the leading value 90 (10 points), a text T1,
 * a table TB, a compliance check X1 (5 points) and an unscored number Y1. */
#define TEMPLATE_HEAD(version) \
  "{\"format\": 1, \"id\": \"carry-test\", \"version\": \"" version "\", \"kind\": \"green-factory\"," \
  " \"title\": {\"zh_CN\": \"结转测试\", \"en\": \"Carry test\"}," \
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}," \
  " \"source\": \"tests/test-carry.c\"," \
  " \"scoring\": {\"scheme\": \"points\", \"max\": 25}," \
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": [" \
  "  {\"id\": \"C1\", \"kind\": \"compliance\", \"title\": \"C1\", \"points\": 10, \"source\": \"t\"}," \
  "  {\"id\": \"N1\", \"kind\": \"number\", \"title\": \"N1\", \"points\": 10, \"min\": 0," \
  "   \"max\": 1000, \"unit\": \"t\", \"source\": \"t\"," \
  "   \"score\": {\"interp\": {\"baseline\": 50, \"leading\": 90}}}," \
  "  {\"id\": \"T1\", \"kind\": \"text\", \"title\": \"T1\", \"source\": \"t\"}" \
  " ]}, {\"id\": \"S2\", \"title\": \"S2\", \"items\": [" \
  "  {\"id\": \"TB\", \"kind\": \"table\", \"title\": \"TB\", \"source\": \"t\", \"columns\": [" \
  "    {\"id\": \"name\", \"kind\": \"text\", \"title\": \"name\"}," \
  "    {\"id\": \"qty\", \"kind\": \"number\", \"title\": \"qty\", \"min\": 0}]},"

static const char template_v1[] =
  TEMPLATE_HEAD ("1.0.0")
  "  {\"id\": \"X1\", \"kind\": \"compliance\", \"title\": \"X1\", \"points\": 5, \"source\": \"t\"},"
  "  {\"id\": \"Y1\", \"kind\": \"number\", \"title\": \"Y1\", \"source\": \"t\"}"
  " ]}]}";

/* Version 1.1.0: X1 is gone, Y1 became a date, Z1 (5 points) is new. */
static const char template_v2[] =
  TEMPLATE_HEAD ("1.1.0")
  "  {\"id\": \"Y1\", \"kind\": \"date\", \"title\": \"Y1\", \"source\": \"t\"},"
  "  {\"id\": \"Z1\", \"kind\": \"compliance\", \"title\": \"Z1\", \"points\": 5, \"source\": \"t\"}"
  " ]}]}";

static const char table_rows[] = "[{\"name\":\"锅炉\",\"qty\":2},{\"name\":\"空压机\",\"qty\":5}]";

typedef struct {
  char       *dir;
  GaStore    *store;
  GaTemplate *v1;
  GaTemplate *v2;
  gint64      enterprise;
  gint64      y2025;
  gint64      evidence;
} Fixture;

static void
save (GaStore    *store,
      gint64      id,
      const char *item,
      const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_save_answer (store, id, item, json, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) file = g_bytes_new_static ("%PDF-1.4 licence", 16);
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp (NULL, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "c.db", NULL);
  f->store = ga_store_open (path, &error);
  g_assert_no_error (error);
  ga_store_set_author (f->store, "王工");
  f->v1 = ga_template_new_from_data (template_v1, -1, "v1", &error);
  g_assert_no_error (error);
  f->v2 = ga_template_new_from_data (template_v2, -1, "v2", &error);
  g_assert_no_error (error);
  e->name = g_strdup ("结转测试企业");
  e->credit_code = g_strdup (CODE);
  f->enterprise = ga_store_add_enterprise (f->store, e, &error);
  g_assert_no_error (error);

  f->y2025 = ga_store_new_assessment (f->store, f->enterprise, f->v1, "2025", 2025, NULL, &error);
  g_assert_no_error (error);
  save (f->store, f->y2025, "C1", "\"partial\"");
  save (f->store, f->y2025, "N1", "70");
  save (f->store, f->y2025, "T1", "{\"value\": \"ISO 50001 认证\", \"note\": \"证书 2024\"}");
  save (f->store, f->y2025, "TB", table_rows);
  save (f->store, f->y2025, "X1", "\"yes\"");
  save (f->store, f->y2025, "Y1", "3");
  g_assert_true (ga_store_set_narrative (f->store, f->y2025, "factory", "工厂概况。", &error));
  g_assert_no_error (error);
  f->evidence = ga_store_add_evidence_bytes (f->store, f->y2025, "C1", "licence.pdf", file, &error);
  g_assert_no_error (error);
  ga_store_add_evidence_bytes (f->store, f->y2025, "X1", "x.pdf", file, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->v1, ga_template_unref);
  g_clear_pointer (&f->v2, ga_template_unref);
  g_clear_object (&f->store);
  ga_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
assert_answer (GaStore    *store,
               gint64      id,
               const char *item,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = ga_store_get_answer (store, id, item, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, expected);
}

static void
assert_check_clean (GaStore *store)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("problem: %s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* ------------------------------------------------------------------ */

static void
test_same_template (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_carry_dropped_free);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autofree char *text = NULL;
  g_autofree char *undone = NULL;
  sqlite3 *db = ga_store_get_handle (f->store);
  gint64 id;
  guint carried = 0;

  id = ga_store_new_assessment_from (f->store, f->y2025, f->v1, NULL, 2026, NULL,
                                     GA_CARRY_DEFAULT, dropped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, f->y2025);
  g_assert_cmpuint (dropped->len, ==, 0);

  a = ga_store_get_assessment (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->year, ==, 2026);
  g_assert_cmpint (a->enterprise_id, ==, f->enterprise);
  g_assert_cmpstr (a->title, ==, "结转测试 2026");
  g_assert_cmpuint (a->n_answers, ==, 6);

  /* Values, the note, and the table's rows arrive as they were. */
  assert_answer (f->store, id, "C1", "\"partial\"");
  assert_answer (f->store, id, "N1", "70");
  assert_answer (f->store, id, "T1", "{\"value\": \"ISO 50001 认证\", \"note\": \"证书 2024\"}");
  assert_answer (f->store, id, "TB", table_rows);
  text = ga_store_get_narrative (f->store, id, "factory", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "工厂概况。");

  /* Without the option, no evidence link. */
  evidence = ga_store_list_evidence (f->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 0);

  /* One history row per answer and text, marked with the year. */
  history = ga_store_list_history (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 7);
  for (guint i = 0; i < history->len; i++)
    {
      GaHistoryEntry *h = g_ptr_array_index (history, i);

      g_assert_true (h->carried_over);
      g_assert_cmpint (h->carried_from, ==, 2025);
      g_assert_cmpstr (h->author, ==, "王工");
      g_assert_null (h->old_value);
      carried++;
    }
  g_assert_cmpuint (carried, ==, 7);

  /* The earlier assessment is untouched; its rows are not marked. */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers WHERE assessment_id = 1"),
                   ==, 6);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = ga_store_list_history (f->store, f->y2025, &error);
  g_assert_false (((GaHistoryEntry *) g_ptr_array_index (history, 0))->carried_over);

  /* Undo takes the last carried value back out. */
  g_assert_true (ga_store_undo (f->store, id, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, "factory");
  g_clear_pointer (&text, g_free);
  text = ga_store_get_narrative (f->store, id, "factory", &error);
  g_assert_null (text);

  assert_check_clean (f->store);
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  sqlite3 *db = ga_store_get_handle (f->store);
  gint64 blobs = ga_test_query_int (db, "SELECT count(*) FROM blobs");
  gint64 id;

  id = ga_store_new_assessment_from (f->store, f->y2025, f->v1, "2026", 2026, NULL,
                                     GA_CARRY_EVIDENCE, NULL, &error);
  g_assert_no_error (error);
  evidence = ga_store_list_evidence (f->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 2);
  g_assert_cmpstr (((GaEvidence *) g_ptr_array_index (evidence, 0))->item_id, ==, "C1");
  g_assert_cmpstr (((GaEvidence *) g_ptr_array_index (evidence, 0))->name, ==, "licence.pdf");
  /* Links to the stored bytes: no second copy. */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM blobs"), ==, blobs);

  /* Removing the earlier assessment leaves the carried links' bytes. */
  g_assert_true (ga_store_delete_assessment (f->store, f->y2025, &error));
  g_assert_no_error (error);
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = ga_store_list_evidence (f->store, id, "C1", &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  {
    g_autoptr(GBytes) bytes =
      ga_store_get_evidence_bytes (f->store, ((GaEvidence *) evidence->pdata[0])->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, 16);
  }
  assert_check_clean (f->store);
}

/* Template 1.1.0 has no X1, and Y1 is a date there: both are dropped and
 * named; the rest arrives, and evidence of X1 stays behind. */
static void
test_new_version (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_carry_dropped_free);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GaAssessment) a = NULL;
  GaCarryDropped *d;
  gint64 id;

  id = ga_store_new_assessment_from (f->store, f->y2025, f->v2, NULL, 2026, NULL,
                                     GA_CARRY_EVIDENCE, dropped, &error);
  g_assert_no_error (error);
  a = ga_store_get_assessment (f->store, id, &error);
  g_assert_cmpstr (a->template_version, ==, "1.1.0");
  g_assert_cmpuint (a->n_answers, ==, 4);
  assert_answer (f->store, id, "TB", table_rows);
  assert_answer (f->store, id, "X1", NULL);
  assert_answer (f->store, id, "Y1", NULL);

  g_assert_cmpuint (dropped->len, ==, 2);
  d = g_ptr_array_index (dropped, 0);
  g_assert_cmpstr (d->item_id, ==, "X1");
  g_assert_nonnull (strstr (d->reason, "has no item X1"));
  d = g_ptr_array_index (dropped, 1);
  g_assert_cmpstr (d->item_id, ==, "Y1");

  evidence = ga_store_list_evidence (f->store, id, NULL, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((GaEvidence *) g_ptr_array_index (evidence, 0))->item_id, ==, "C1");
  assert_check_clean (f->store);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) other = NULL;
  g_auto(GStrv) parts = g_strsplit (template_v1, "green-factory", -1);
  g_autofree char *json = g_strjoinv ("custom", parts);
  sqlite3 *db = ga_store_get_handle (f->store);
  gint64 before = ga_test_query_int (db, "SELECT count(*) FROM assessments");

  /* Another kind of assessment: refused, nothing written. */
  other = ga_template_new_from_data (json, -1, "other", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_new_assessment_from (f->store, f->y2025, other, NULL, 2026, NULL, 0,
                                                 NULL, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A bad year fails inside the transaction: nothing is left behind. */
  g_assert_cmpint (ga_store_new_assessment_from (f->store, f->y2025, f->v1, NULL, 3000, NULL, 0,
                                                 NULL, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ga_store_new_assessment_from (f->store, 999, f->v1, NULL, 2026, NULL, 0,
                                                 NULL, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM assessments"), ==, before);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==, 6);
}

static void
test_previous_and_year (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 y2024, y2026;

  /* Only 2025 exists: a 2026 assessment starts from it, a 2025 one from
   * nothing earlier. */
  g_assert_cmpint (ga_store_find_previous_assessment (f->store, f->enterprise, f->v2, 2026, &error),
                   ==, f->y2025);
  g_assert_cmpint (ga_store_find_previous_assessment (f->store, f->enterprise, f->v1, 2025, &error),
                   ==, 0);
  g_assert_no_error (error);
  y2024 = ga_store_new_assessment (f->store, f->enterprise, f->v1, "2024", 2024, NULL, &error);
  g_assert_cmpint (ga_store_find_previous_assessment (f->store, f->enterprise, f->v1, 2025, &error),
                   ==, y2024);
  g_assert_cmpint (ga_store_find_previous_assessment (f->store, f->enterprise, f->v1, 0, &error),
                   ==, f->y2025);

  /* In 2026 the last full year is 2025; it is assessed already, so 2026. */
  g_assert_cmpint (ga_store_suggest_year (f->store, f->enterprise,
                                          GA_TEMPLATE_KIND_GREEN_FACTORY, 2026), ==, 2026);
  /* No clean-production assessment yet: the last full year. */
  g_assert_cmpint (ga_store_suggest_year (f->store, f->enterprise,
                                          GA_TEMPLATE_KIND_CLEAN_PRODUCTION, 2026), ==, 2025);
  /* Once 2026 exists too, 2027. */
  y2026 = ga_store_new_assessment (f->store, f->enterprise, f->v1, "2026", 2026, NULL, &error);
  g_assert_cmpint (y2026, >, 0);
  g_assert_cmpint (ga_store_suggest_year (f->store, f->enterprise,
                                          GA_TEMPLATE_KIND_GREEN_FACTORY, 2026), ==, 2027);
  /* Much later, the last full year again. */
  g_assert_cmpint (ga_store_suggest_year (f->store, f->enterprise,
                                          GA_TEMPLATE_KIND_GREEN_FACTORY, 2030), ==, 2029);
}

/* Known answer. 2025: C1 partial = 10 × 0.5 = 5; N1 70 lies (70-50)/(90-50)
 * = 50 % of the way from the baseline to the leading value = 5; X1 yes =
 * 5; S1 = 10, S2 = 5, total 15.
 * 2026 (carried over, then changed): C1 yes = 10; N1 80 → (80-50)/40 =
 * 75 % = 7.5; X1 no = 0; T1 text changed (not scored); TB unchanged.
 * S1 = 17.5 (+7.5), S2 = 0 (-5), total 17.5 (+2.5). */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEngine) a = NULL;
  g_autoptr(GaEngine) b = NULL;
  g_autoptr(GaComparison) cmp = NULL;
  const GaCompareItem *c;
  GaCompareSection *s;
  GPtrArray *sections;
  gint64 id;

  id = ga_store_new_assessment_from (f->store, f->y2025, f->v1, NULL, 2026, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  save (f->store, id, "C1", "\"yes\"");
  save (f->store, id, "N1", "80");
  save (f->store, id, "X1", "\"no\"");
  save (f->store, id, "T1", "\"ISO 50001 复审\"");

  a = ga_store_load_engine (f->store, f->y2025, &error);
  g_assert_no_error (error);
  b = ga_store_load_engine (f->store, id, &error);
  g_assert_no_error (error);
  cmp = ga_comparison_new (a, b);

  c = ga_comparison_find_item (cmp, "C1");
  g_assert_cmpfloat_with_epsilon (c->score_a, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->score_b, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->difference, 5, 1e-9);
  g_assert_true (c->changed);
  c = ga_comparison_find_item (cmp, "N1");
  g_assert_cmpfloat_with_epsilon (c->difference, 2.5, 1e-9);
  g_assert_cmpstr (c->answer_a, ==, "70 t");
  g_assert_cmpstr (c->answer_b, ==, "80 t");
  c = ga_comparison_find_item (cmp, "X1");
  g_assert_cmpfloat_with_epsilon (c->difference, -5, 1e-9);
  c = ga_comparison_find_item (cmp, "T1");
  g_assert_true (isnan (c->difference));
  g_assert_true (c->answer_changed);
  c = ga_comparison_find_item (cmp, "TB");
  g_assert_false (c->changed);
  g_assert_cmpstr (c->answer_b, ==, "2 rows");
  c = ga_comparison_find_item (cmp, "Y1");
  g_assert_false (c->changed);

  sections = ga_comparison_get_sections (cmp);
  g_assert_cmpuint (sections->len, ==, 2);
  s = g_ptr_array_index (sections, 0);
  g_assert_cmpstr (s->id, ==, "S1");
  g_assert_cmpfloat_with_epsilon (s->score_a, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->score_b, 17.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->difference, 7.5, 1e-9);
  s = g_ptr_array_index (sections, 1);
  g_assert_cmpfloat_with_epsilon (s->difference, -5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ga_comparison_get_difference (cmp), 2.5, 1e-9);
  /* C1, N1, T1, X1 */
  g_assert_cmpuint (ga_comparison_get_n_changed (cmp), ==, 4);
}

/* Across template versions: Z1 only in 2026 (nothing to compare, counts
 * as a change), X1 only in 2025 (listed at the end). */
static void
test_compare_versions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEngine) a = NULL;
  g_autoptr(GaEngine) b = NULL;
  g_autoptr(GaComparison) cmp = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  const GaCompareItem *c;
  GaCompareSection *last;
  GPtrArray *sections;
  gint64 id;

  id = ga_store_new_assessment_from (f->store, f->y2025, f->v2, NULL, 2026, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  a = ga_store_load_engine (f->store, f->y2025, &error);
  b = ga_store_load_engine (f->store, id, &error);
  g_assert_no_error (error);
  cmp = ga_comparison_new (a, b);
  c = ga_comparison_find_item (cmp, "Z1");
  g_assert_null (c->item_a);
  g_assert_cmpstr (c->answer_a, ==, "–");
  g_assert_true (c->changed);
  sections = ga_comparison_get_sections (cmp);
  g_assert_cmpuint (sections->len, ==, 3);
  last = g_ptr_array_index (sections, 2);
  g_assert_null (last->id);
  g_assert_cmpuint (last->items->len, ==, 1);
  c = g_ptr_array_index (last->items, 0);
  g_assert_cmpstr (c->id, ==, "X1");
  g_assert_null (c->item_b);
  /* Y1 (a number in 2025, an unanswered date in 2026). */
  c = ga_comparison_find_item (cmp, "Y1");
  g_assert_true (c->answer_changed);

  json = ga_comparison_to_json (cmp);
  text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (text, "\"version\":\"1.1.0\""));
  g_assert_nonnull (strstr (text, "\"id\":\"X1\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/carry/same-template", test_same_template);
  ADD ("/carry/evidence", test_evidence);
  ADD ("/carry/new-version", test_new_version);
  ADD ("/carry/refused", test_refused);
  ADD ("/carry/previous-and-year", test_previous_and_year);
  ADD ("/compare/known-answer", test_compare);
  ADD ("/compare/versions", test_compare_versions);
#undef ADD
  return g_test_run ();
}
