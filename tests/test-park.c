/* test-park.c: a green industrial park as an enterprise of its own kind:
 * schema 7 and its migration, the member links, and park figures computed
 * from the members' own assessments (the members.* prefill sources)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-engine.h"
#include "ga-store-test-utils.h"

/* Valid 统一社会信用代码 (GB 32100 check characters worked out by hand). */
#define PARK_CODE "91350100M000300Y3F"
#define A_CODE    "91350100M000100Y43"
#define B_CODE    "91350100M000200Y3P"
#define C_CODE    "91350100M000100Y30"

/* A park template that scores the members' clean-production share: 10
 * points × share / 100. */
static const char share_template[] =
  "{\"format\": 1, \"id\": \"park-share\", \"version\": \"1.0.0\", \"kind\": \"green-park\","
  " \"title\": \"share\", \"standard\": {\"code\": \"TEST\", \"title\": \"test\"},"
  " \"source\": \"tests/test-park.c\", \"scoring\": {\"scheme\": \"points\", \"max\": 10},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"N\", \"kind\": \"number\", \"title\": \"N\", \"source\": \"t\","
  "   \"prefill\": \"members.count\"},"
  "  {\"id\": \"GF\", \"kind\": \"number\", \"title\": \"GF\", \"source\": \"t\","
  "   \"prefill\": \"members.green_factory_count\"},"
  "  {\"id\": \"SH\", \"kind\": \"number\", \"title\": \"SH\", \"unit\": \"%\", \"min\": 0,"
  "   \"max\": 100, \"source\": \"t\", \"prefill\": \"members.cp_audit_share\","
  "   \"points\": 10, \"score\": {\"formula\": \"SH / 10\"}}]}]}";

typedef struct {
  char    *dir;
  GaStore *store;
  gint64   park, a, b, c;
} Fixture;

static gint64
add_enterprise (GaStore          *store,
                const char       *name,
                const char       *code,
                GaEnterpriseKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  gint64 id;

  e->name = g_strdup (name);
  e->credit_code = g_strdup (code);
  e->kind = kind;
  id = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
new_assessment (GaStore    *store,
                gint64      enterprise,
                const char *template_id,
                int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (template_id, &error);
  gint64 id;

  g_assert_no_error (error);
  id = ga_store_new_assessment (store, enterprise, tmpl, NULL, year, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp (NULL, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "park.db", NULL);
  f->store = ga_store_open (path, &error);
  g_assert_no_error (error);
  f->park = add_enterprise (f->store, "示范工业园区", PARK_CODE, GA_ENTERPRISE_PARK);
  f->a = add_enterprise (f->store, "甲工厂", A_CODE, GA_ENTERPRISE_FACTORY);
  f->b = add_enterprise (f->store, "乙工厂", B_CODE, GA_ENTERPRISE_FACTORY);
  f->c = add_enterprise (f->store, "丙工厂", C_CODE, GA_ENTERPRISE_FACTORY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ga_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
add_all_members (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_add_park_member (f->store, f->park, f->a, &error));
  g_assert_no_error (error);
  g_assert_true (ga_store_add_park_member (f->store, f->park, f->b, &error));
  g_assert_true (ga_store_add_park_member (f->store, f->park, f->c, &error));
  g_assert_no_error (error);
}

/* The kind is kept; members are listed by name, refused twice, refused
 * with the wrong kinds, removed once; deleting a member removes its link. */
static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) park = ga_store_get_enterprise (f->store, f->park, &error);
  g_autoptr(GaEnterprise) a = ga_store_get_enterprise (f->store, f->a, &error);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (park->kind, ==, GA_ENTERPRISE_PARK);
  g_assert_cmpint (a->kind, ==, GA_ENTERPRISE_FACTORY);

  list = ga_store_list_park_members (f->store, f->park, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  add_all_members (f);
  list = ga_store_list_park_members (f->store, f->park, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_false (ga_store_add_park_member (f->store, f->park, f->a, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "甲工厂"));
  g_clear_error (&error);
  /* A factory has no members, a park is no member. */
  g_assert_false (ga_store_add_park_member (f->store, f->a, f->b, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_add_park_member (f->store, f->park, f->park, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_add_park_member (f->store, f->park, 999, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Linked enterprises keep their kinds. */
  park->kind = GA_ENTERPRISE_FACTORY;
  g_assert_false (ga_store_update_enterprise (f->store, park, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  a->kind = GA_ENTERPRISE_PARK;
  g_assert_false (ga_store_update_enterprise (f->store, a, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ga_store_remove_park_member (f->store, f->park, f->a, &error));
  g_assert_no_error (error);
  g_assert_false (ga_store_remove_park_member (f->store, f->park, f->a, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* No longer a member: it may become a park now. */
  g_assert_true (ga_store_update_enterprise (f->store, a, &error));
  g_assert_no_error (error);

  g_assert_true (ga_store_delete_enterprise (f->store, f->b, &error));
  g_assert_no_error (error);
  list = ga_store_list_park_members (f->store, f->park, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((GaEnterprise *) list->pdata[0])->name, ==, "丙工厂");
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (ga_store_check (f->store, problems, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("%s", (const char *) problems->pdata[i]);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Three members, two with a clean-production assessment for 2025 (甲, 乙),
 * the third (丙) with one for 2024 only and a final green-factory
 * assessment for 2025.
 *
 * Hand calculation: members.count = 3; members.cp_audit_count = 2 (丙's
 * 2024 assessment is another year); members.cp_audit_share = 2 / 3 × 100 =
 * 66.666…%; members.green_factory_count = 1 (丙).
 * The bundled park template takes KF = 3 and KFA = 2 until answered, so
 * BR3 = KFA / KF × 100 = 66.666…% < 100 % and the entry condition fails;
 * typing KFA = 3 makes it 100 % and it is met.
 * The share template scores SH / 10 of 10 points = 6.666…. */
static void
test_members_prefill (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GaAssessment) park_assessment = NULL;
  g_autoptr(GaEnterprise) park = NULL;
  g_autoptr(GaTemplate) share = NULL;
  g_autoptr(GaEngine) share_engine = NULL;
  g_autoptr(GaAnswer) answer = ga_answer_new ();
  const GaResult *r;
  const GaSummary *sum;
  gint64 pa, cf;

  add_all_members (f);
  new_assessment (f->store, f->a, "cp-custom", 2025);
  new_assessment (f->store, f->b, "cp-electroplating-2015", 2025);
  new_assessment (f->store, f->c, "cp-custom", 2024);
  cf = new_assessment (f->store, f->c, "gbt36132-2025", 2025);
  pa = new_assessment (f->store, f->park, "green-park-miit2016", 2025);

  engine = ga_store_load_engine (f->store, pa, &error);
  g_assert_no_error (error);
  r = ga_engine_lookup (engine, "KF");
  g_assert_cmpint (r->value.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (r->value.u.number, ==, 3);
  r = ga_engine_lookup (engine, "KFA");
  g_assert_cmpfloat (r->value.u.number, ==, 2);
  r = ga_engine_lookup (engine, "BR3");
  g_assert_cmpfloat_with_epsilon (r->value.u.number, 200.0 / 3.0, 1e-9);
  g_assert_true (r->veto_failed);
  sum = ga_engine_get_summary (engine);
  g_assert_cmpint (sum->veto, ==, GA_VETO_FAIL);
  g_assert_false (sum->passed);

  /* An answer overrides the members' figure. */
  ga_value_set_number (&answer->value, 3);
  g_assert_true (ga_store_set_answer (f->store, pa,
                                      ga_template_find_item (ga_engine_get_template (engine),
                                                             "KFA"), answer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&engine, ga_engine_unref);
  engine = ga_store_load_engine (f->store, pa, &error);
  g_assert_no_error (error);
  r = ga_engine_lookup (engine, "BR3");
  g_assert_cmpfloat (r->value.u.number, ==, 100);
  g_assert_false (r->veto_failed);

  /* The share and the green-factory count, scored. */
  park_assessment = ga_store_get_assessment (f->store, pa, &error);
  park = ga_store_get_enterprise (f->store, f->park, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ga_store_members_figure (f->store, "members.cp_audit_share",
                                                           park, park_assessment),
                                  200.0 / 3.0, 1e-9);
  g_assert_cmpfloat (ga_store_members_figure (f->store, "members.green_factory_count", park,
                                              park_assessment), ==, 0);
  g_assert_true (ga_store_set_assessment_status (f->store, cf, GA_ASSESSMENT_FINAL, &error));
  g_assert_no_error (error);

  share = ga_template_new_from_data (share_template, -1, "share", &error);
  g_assert_no_error (error);
  share_engine = ga_engine_new (share);
  ga_store_prefill_members (f->store, share_engine, park, park_assessment);
  g_assert_cmpfloat (ga_engine_lookup (share_engine, "N")->value.u.number, ==, 3);
  g_assert_cmpfloat (ga_engine_lookup (share_engine, "GF")->value.u.number, ==, 1);
  r = ga_engine_lookup (share_engine, "SH");
  g_assert_cmpfloat_with_epsilon (r->value.u.number, 200.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->score, 20.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ga_engine_get_summary (share_engine)->score, 20.0 / 3.0, 1e-9);
}

/* A factory has no member figures; a park without members has a count of
 * 0 and no share; a park assessment without a year has no year-bound one. */
static void
test_members_none (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) park = ga_store_get_enterprise (f->store, f->park, &error);
  g_autoptr(GaEnterprise) a = ga_store_get_enterprise (f->store, f->a, &error);
  GaAssessment year = { 0 };

  year.year = 2025;
  g_assert_true (isnan (ga_store_members_figure (f->store, "members.count", a, &year)));
  g_assert_cmpfloat (ga_store_members_figure (f->store, "members.count", park, &year), ==, 0);
  g_assert_true (isnan (ga_store_members_figure (f->store, "members.cp_audit_share", park,
                                                 &year)));
  add_all_members (f);
  year.year = 0;
  g_assert_cmpfloat (ga_store_members_figure (f->store, "members.count", park, &year), ==, 3);
  g_assert_true (isnan (ga_store_members_figure (f->store, "members.cp_audit_count", park,
                                                 &year)));
}

/* A database of schema 5 opens at schema 7: its enterprises are factories
 * and it can hold members. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                               "schema-v5.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  list = ga_store_list_enterprises (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >, 0);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((GaEnterpriseSummary *) list->pdata[i])->enterprise->kind, ==,
                     GA_ENTERPRISE_FACTORY);
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* The demo data: a park with the demo factory as its member and a partly
 * answered park assessment whose key-firm counts come from the member
 * (its clean-production assessment of 2025): KF = 1, KFA = 1, BR3 = 100 %. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) park = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GaEngine) engine = NULL;
  const GaResult *r;

  g_assert_true (ga_store_create_demo (f->store, &error));
  g_assert_no_error (error);
  park = ga_store_find_enterprise (f->store, "91350105MA8TDEM2PU", &error);
  g_assert_no_error (error);
  g_assert_nonnull (park);
  g_assert_cmpint (park->kind, ==, GA_ENTERPRISE_PARK);
  g_assert_true (park->demo);
  members = ga_store_list_park_members (f->store, park->id, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((GaEnterprise *) members->pdata[0])->credit_code, ==,
                   GA_STORE_DEMO_CREDIT_CODE);
  assessments = ga_store_list_assessments (f->store, park->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 1);
  engine = ga_store_load_engine (f->store,
                                 ((GaAssessment *) assessments->pdata[0])->id, &error);
  g_assert_no_error (error);
  r = ga_engine_lookup (engine, "BR3");
  g_assert_cmpfloat (r->value.u.number, ==, 100);
  g_assert_false (r->veto_failed);
  g_assert_cmpint (ga_engine_get_summary (engine)->status, ==, GA_STATUS_INCOMPLETE);
  /* A second call changes nothing. */
  g_assert_true (ga_store_create_demo (f->store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ga/park/members", Fixture, NULL, fixture_setup, test_members, fixture_teardown);
  g_test_add ("/ga/park/members-prefill", Fixture, NULL, fixture_setup, test_members_prefill,
              fixture_teardown);
  g_test_add ("/ga/park/members-none", Fixture, NULL, fixture_setup, test_members_none,
              fixture_teardown);
  g_test_add_func ("/ga/park/migration", test_migration);
  g_test_add ("/ga/park/demo", Fixture, NULL, fixture_setup, test_demo, fixture_teardown);
  return g_test_run ();
}
