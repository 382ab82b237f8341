/* test-store-enterprise.c: the enterprise's details a self-evaluation report's
 * 基本信息表 asks for — stored, checked field by field, carried in packages,
 * and added to databases of schema 2 by the migration
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-test-utils.h"

#define VALID_CODE "91350100M000100Y43"

static GaEnterprise *
full_enterprise (void)
{
  GaEnterprise *e = ga_enterprise_new ();

  e->name = g_strdup ("闽江绿源机械制造有限公司");
  e->credit_code = g_strdup (VALID_CODE);
  e->industry = g_strdup ("C34");
  e->address = g_strdup ("福州市闽侯县");
  e->postal_code = g_strdup ("350100");
  e->ownership = g_strdup ("private");
  e->registration_authority = g_strdup ("福州市市场监督管理局");
  e->registered_capital = 5000;
  e->founded_on = g_strdup ("2008-05-12");
  e->valid_until = g_strdup ("long-term");
  e->legal_representative = g_strdup ("林某");
  e->legal_representative_phone = g_strdup ("0591-8888 0000");
  e->contact_department = g_strdup ("能源管理部");
  e->contact_name = g_strdup ("陈某");
  e->contact_phone = g_strdup ("0591-8888 0001");
  e->contact_mobile = g_strdup ("138 0000 0000");
  e->fax = g_strdup ("0591-8888 0002");
  e->contact_email = g_strdup ("energy@example.cn");
  e->main_products = g_strdup ("通用机械零部件");
  e->profile = g_strdup ("主营通用机械零部件的设计与制造。");
  return e;
}

static void
assert_details_equal (const GaEnterprise *a,
                      const GaEnterprise *b)
{
  g_assert_cmpstr (a->postal_code, ==, b->postal_code);
  g_assert_cmpstr (a->ownership, ==, b->ownership);
  g_assert_cmpstr (a->registration_authority, ==, b->registration_authority);
  g_assert_cmpfloat (a->registered_capital, ==, b->registered_capital);
  g_assert_cmpstr (a->founded_on, ==, b->founded_on);
  g_assert_cmpstr (a->valid_until, ==, b->valid_until);
  g_assert_cmpstr (a->legal_representative_phone, ==, b->legal_representative_phone);
  g_assert_cmpstr (a->contact_department, ==, b->contact_department);
  g_assert_cmpstr (a->contact_mobile, ==, b->contact_mobile);
  g_assert_cmpstr (a->fax, ==, b->fax);
  g_assert_cmpstr (a->main_products, ==, b->main_products);
  g_assert_cmpstr (a->profile, ==, b->profile);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "e.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaEnterprise) e = full_enterprise ();
  g_autoptr(GaEnterprise) got = NULL;
  g_autoptr(GaEnterprise) copy = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  got = ga_store_get_enterprise (store, id, &error);
  g_assert_no_error (error);
  assert_details_equal (got, e);
  copy = ga_enterprise_copy (got);
  assert_details_equal (copy, e);

  /* Editing replaces every field; an emptied one is not given any more. */
  g_clear_pointer (&got->profile, g_free);
  got->registered_capital = NAN;
  g_free (got->valid_until);
  got->valid_until = g_strdup ("2038-05-11");
  g_assert_true (ga_store_update_enterprise (store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, ga_enterprise_free);
  copy = ga_store_get_enterprise (store, id, &error);
  g_assert_null (copy->profile);
  g_assert_true (isnan (copy->registered_capital));
  g_assert_cmpstr (copy->valid_until, ==, "2038-05-11");
  g_assert_cmpstr (copy->ownership, ==, "private");
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* Every bad detail is named, each on its own line, and nothing is added. */
static void
test_all_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = full_enterprise ();
  const char *expected[] = {
    "The postal code (邮编) '3501' must be six digits",
    "'limited' is not a 单位性质",
    "The registered capital (注册资本) must be a finite number of at least 0",
    "The founding date (成立日期) '2099-01-01' must be a past date",
    "The business term (营业期限) 'forever' must be a date",
    "The fax 'call me' may hold only digits",
  };

  g_free (e->postal_code);
  e->postal_code = g_strdup ("3501");
  g_free (e->ownership);
  e->ownership = g_strdup ("limited");
  e->registered_capital = -5;
  g_free (e->founded_on);
  e->founded_on = g_strdup ("2099-01-01");
  g_free (e->valid_until);
  e->valid_until = g_strdup ("forever");
  g_free (e->fax);
  e->fax = g_strdup ("call me");

  g_assert_false (ga_enterprise_validate (e, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (error->message, expected[i]) == NULL)
      g_error ("“%s” is not in: %s", expected[i], error->message);
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  }

  /* The ownership ids have their labels. */
  g_assert_cmpstr (ga_enterprise_find_ownership ("sino-foreign")->label_zh, ==, "中外合资");
  g_assert_null (ga_enterprise_find_ownership ("limited"));
}

/* A package carries the details; an import adds them with the enterprise. */
static void
test_package (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *a_path = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.db", NULL);
  g_autofree char *pkg = g_build_filename (dir, "x.gapkg", NULL);
  g_autoptr(GaStore) a = ga_store_open (a_path, &error);
  g_autoptr(GaStore) b = NULL;
  g_autoptr(GaEnterprise) e = full_enterprise ();
  g_autoptr(GaEnterprise) got = NULL;
  static const char tmpl[] =
    "{\"format\": 1, \"id\": \"details\", \"version\": \"1.0.0\", \"kind\": \"green-factory\","
    " \"title\": {\"zh_CN\": \"详情\", \"en\": \"Details\"},"
    " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"tests\","
    " \"scoring\": {\"scheme\": \"points\", \"max\": 10},"
    " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
    "  {\"id\": \"B1\", \"kind\": \"compliance\", \"title\": \"B1\", \"points\": 10,"
    "   \"source\": \"t\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (tmpl, strlen (tmpl));
  gint64 eid, aid, imported;

  g_assert_no_error (error);
  eid = ga_store_add_enterprise (a, e, &error);
  g_assert_no_error (error);
  aid = ga_store_new_assessment_from_bytes (a, eid, "details", "1.0.0", "green-factory", bytes,
                                            "Details 2025", 2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_export_package (a, aid, pkg, &error));
  g_assert_no_error (error);

  b = ga_store_open (b_path, &error);
  g_assert_no_error (error);
  imported = ga_store_import_package (b, pkg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  got = ga_store_find_enterprise (b, VALID_CODE, &error);
  g_assert_no_error (error);
  assert_details_equal (got, e);
  g_clear_object (&a);
  g_clear_object (&b);
  ga_test_rm_rf (dir);
}

/* tests/fixtures/store/schema-v2.db, written by the schema-2 store: the
 * migration keeps every row, adds the columns empty, and the details can
 * then be filled in. */
static void
test_migrate_v2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                               "schema-v2.db", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  /* Read before the upgrade (as `db check` does): the details are empty. */
  store = ga_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, 2);
  e = ga_store_get_enterprise (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e->name, ==, "第二版企业");
  g_assert_null (e->postal_code);
  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&store);
  g_clear_pointer (&e, ga_enterprise_free);

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, GA_STORE_SCHEMA_VERSION);
  g_assert_nonnull (ga_store_get_migration_backup (store));
  e = ga_store_get_enterprise (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e->credit_code, ==, VALID_CODE);
  g_assert_cmpfloat (e->output_value, ==, 12000);
  g_assert_cmpint (e->employees, ==, 250);
  g_assert_null (e->ownership);
  g_assert_true (isnan (e->registered_capital));
  answers = ga_store_load_answers (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (answers, "N1"), ==, "42.0");
  g_assert_cmpuint (g_hash_table_size (answers), ==, 2);

  e->ownership = g_strdup ("state-owned");
  e->postal_code = g_strdup ("350001");
  g_assert_true (ga_store_update_enterprise (store, e, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (problems, 0);
  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/store/enterprise/details-round-trip", test_round_trip);
  g_test_add_func ("/ga/store/enterprise/details-all-problems", test_all_problems);
  g_test_add_func ("/ga/store/enterprise/details-in-packages", test_package);
  g_test_add_func ("/ga/store/migrate/v2", test_migrate_v2);

  return g_test_run ();
}
