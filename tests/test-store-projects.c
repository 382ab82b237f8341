/* test-store-projects.c: the register of an enterprise's green-retrofit
 * projects: schema 5 and its migration from schema 4, the checks of a save
 * and of db check, packages
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-test-utils.h"

#define CODE "91350100M000100Y43"

/* A template that loads, as a package requires. */
static const char fake_template[] =
  "{\"format\": 1, \"id\": \"opaque\", \"version\": \"1.0.0\", \"kind\": \"custom\","
  " \"title\": {\"zh_CN\": \"项目测试\", \"en\": \"Projects test\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"},"
  " \"source\": \"tests/test-store-projects.c\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 10},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"B1\", \"kind\": \"compliance\", \"title\": \"B1\", \"points\": 10,"
  "   \"source\": \"t\"}]}]}";

typedef struct {
  char    *dir;
  GaStore *store;
  gint64   enterprise;
  gint64   assessment;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (fake_template, strlen (fake_template));
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp (NULL, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "p.db", NULL);
  f->store = ga_store_open (path, &error);
  g_assert_no_error (error);
  e->name = g_strdup ("项目测试企业");
  e->credit_code = g_strdup (CODE);
  f->enterprise = ga_store_add_enterprise (f->store, e, &error);
  g_assert_no_error (error);
  f->assessment = ga_store_new_assessment_from_bytes (f->store, f->enterprise, "opaque", "1.0.0",
                                                      "custom", bytes, "Projects 2025",
                                                      2025, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ga_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* 余热回收: a project with every field given. */
static GaProject *
boiler_project (gint64 enterprise)
{
  GaProject *p = ga_project_new ();

  p->enterprise_id = enterprise;
  p->name = g_strdup ("  锅炉余热回收改造 ");
  p->type = g_strdup ("energy");
  p->content = g_strdup ("烟气余热回收装置 2 套\n配套管网改造");
  p->investment = 320.5;
  p->start_on = g_strdup ("2024-03");
  p->end_on = g_strdup ("2025-06-30");
  p->energy_saving = 850;
  p->co2_cut = 2210.4;
  p->progress = GA_PROJECT_IN_PROGRESS;
  p->note = g_strdup ("");
  return p;
}

static gint64
add (GaStore   *store,
     GaProject *p)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ga_store_add_project (store, p, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GPtrArray *
check_problems (GaStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  return problems;
}

static void
test_add_list_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaProject) in = boiler_project (f->enterprise);
  g_autoptr(GaProject) water = ga_project_new ();
  g_autoptr(GaProject) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id, id2;

  id = add (f->store, in);
  water->enterprise_id = f->enterprise;
  water->name = g_strdup ("中水回用");
  water->type = g_strdup ("water");
  water->water_saving = 12000;
  id2 = add (f->store, water);

  /* Stored trimmed, an empty note as none, the numbers as given. */
  got = ga_store_get_project (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "锅炉余热回收改造");
  g_assert_cmpstr (got->type, ==, "energy");
  g_assert_cmpstr (got->content, ==, "烟气余热回收装置 2 套\n配套管网改造");
  g_assert_cmpfloat (got->investment, ==, 320.5);
  g_assert_cmpstr (got->start_on, ==, "2024-03");
  g_assert_cmpstr (got->end_on, ==, "2025-06-30");
  g_assert_cmpfloat (got->energy_saving, ==, 850);
  g_assert_cmpfloat (got->co2_cut, ==, 2210.4);
  g_assert_true (isnan (got->water_saving));
  g_assert_cmpint (got->progress, ==, GA_PROJECT_IN_PROGRESS);
  g_assert_null (got->note);
  g_assert_true (g_uuid_string_is_valid (got->uuid));
  g_assert_cmpint (got->enterprise_id, ==, f->enterprise);

  list = ga_store_list_projects (f->store, f->enterprise, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((GaProject *) list->pdata[0])->id, ==, id);
  g_assert_cmpint (((GaProject *) list->pdata[1])->id, ==, id2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Finished: progress done, the investment corrected. */
  got->progress = GA_PROJECT_DONE;
  got->investment = 298;
  g_assert_true (ga_store_update_project (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, ga_project_free);
  got = ga_store_get_project (f->store, id, &error);
  g_assert_cmpint (got->progress, ==, GA_PROJECT_DONE);
  g_assert_cmpfloat (got->investment, ==, 298);

  problems = check_problems (f->store);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_true (ga_store_delete_project (f->store, id2, &error));
  g_assert_no_error (error);
  g_assert_false (ga_store_delete_project (f->store, id2, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = ga_store_list_projects (f->store, f->enterprise, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The register goes with its enterprise. */
  g_assert_true (ga_store_delete_enterprise (f->store, f->enterprise, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ga_test_query_int (ga_store_get_handle (f->store),
                                      "SELECT count(*) FROM projects"), ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaProject) p = ga_project_new ();
  g_auto(GStrv) lines = NULL;
  g_autoptr(GaProject) ok = boiler_project (f->enterprise);

  p->enterprise_id = f->enterprise;
  p->name = g_strdup ("   ");
  p->type = g_strdup ("solar");
  p->investment = -1;
  p->co2_cut = INFINITY;
  p->start_on = g_strdup ("2025-13");
  p->end_on = g_strdup ("2025/06");

  /* Every bad field at once, one per line; nothing written. */
  g_assert_cmpint (ga_store_add_project (f->store, p, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_nonnull (strstr (error->message, "The project has no name"));
  g_assert_nonnull (strstr (error->message, "The type 'solar' is not a project type; it is one "
                                            "of energy (节能), water (节水)"));
  g_assert_nonnull (strstr (error->message, "investment (万元) must be a finite number of at "
                                            "least 0, not -1"));
  g_assert_nonnull (strstr (error->message, "CO2 cut (t a year) must be a finite number"));
  g_assert_nonnull (strstr (error->message, "The start '2025-13' is not a month"));
  g_assert_nonnull (strstr (error->message, "The end '2025/06' is not a month"));
  g_clear_error (&error);
  g_assert_cmpint (ga_test_query_int (ga_store_get_handle (f->store),
                                      "SELECT count(*) FROM projects"), ==, 0);

  /* The end before the start, by month and by day. */
  g_free (ok->end_on);
  ok->end_on = g_strdup ("2024-02");
  g_assert_false (ga_project_validate (ok, &error));
  g_assert_cmpstr (error->message, ==, "The end 2024-02 is before the start 2024-03");
  g_clear_error (&error);
  g_free (ok->start_on);
  g_free (ok->end_on);
  ok->start_on = g_strdup ("2024-03-10");
  ok->end_on = g_strdup ("2024-03-09");
  g_assert_false (ga_project_validate (ok, &error));
  g_clear_error (&error);
  g_free (ok->end_on);
  ok->end_on = g_strdup ("2024-03");   /* the same month: fine */
  g_assert_true (ga_project_validate (ok, &error));
  g_assert_no_error (error);

  /* A label is not a stored key; a missing enterprise or project. */
  g_free (ok->type);
  ok->type = g_strdup ("节能");
  g_assert_false (ga_project_validate (ok, &error));
  g_clear_error (&error);
  g_assert_true (ga_project_find_type ("节能") == ga_project_find_type ("energy"));
  g_free (ok->type);
  ok->type = g_strdup ("carbon");
  ok->enterprise_id = 999;
  g_assert_cmpint (ga_store_add_project (f->store, ok, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ok->id = 42;
  g_assert_false (ga_store_update_project (f->store, ok, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no project with id 42");
}

static void
test_progress_and_types (void)
{
  GaProjectProgress progress = GA_PROJECT_PLANNED;
  guint n = 0;

  for (const GaProjectType *t = ga_project_types (); t->id != NULL; t++)
    n++;
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (ga_project_find_type ("digital")->label_zh, ==, "数字化");
  g_assert_cmpstr (ga_project_find_type ("Carbon reduction")->id, ==, "carbon");
  g_assert_null (ga_project_find_type ("solar"));

  g_assert_true (ga_project_progress_from_string ("在建", &progress));
  g_assert_cmpint (progress, ==, GA_PROJECT_IN_PROGRESS);
  g_assert_true (ga_project_progress_from_string ("done", &progress));
  g_assert_cmpint (progress, ==, GA_PROJECT_DONE);
  g_assert_false (ga_project_progress_from_string ("50%", &progress));
  g_assert_cmpstr (ga_project_progress_label (GA_PROJECT_DONE, "zh_CN"), ==, "已完成");
  g_assert_cmpstr (ga_project_progress_label (GA_PROJECT_PLANNED, "en"), ==, "Planned");
  g_assert_cmpstr (ga_project_progress_to_string (GA_PROJECT_IN_PROGRESS), ==, "in-progress");
}

/* Rows changed with SQLite are found by db check, each with its field. */
static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GaProject) p = boiler_project (f->enterprise);
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = ga_store_get_handle (f->store);
  gint64 id = add (f->store, p);
  g_autofree char *sql = g_strdup_printf ("UPDATE projects SET type = '节能', start_on = "
                                          "'2024-3', investment = 'much', name = ' 锅炉 ',"
                                          " progress = 'done', uuid = 'x' WHERE id = %"
                                          G_GINT64_FORMAT, id);
  gboolean type = FALSE, start = FALSE, investment = FALSE, uuid = FALSE;

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  problems = check_problems (f->store);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = problems->pdata[i];

      g_assert_true (g_str_has_prefix (line, "project 1 (enterprise 1): "));
      type |= strstr (line, "The type '节能' is not a project type") != NULL;
      start |= strstr (line, "The start '2024-3' is not a month") != NULL;
      investment |= strstr (line, "investment is not a number") != NULL;
      uuid |= strstr (line, "its UUID is not a UUID") != NULL;
    }
  g_assert_true (type && start && investment && uuid);
  g_assert_cmpuint (problems->len, ==, 4);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Valid again but not trimmed: stored as the editor never stores it. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE projects SET type = 'energy', start_on = '2024-03',"
                                 " investment = 1, uuid = '3c3a1f0e-0b5e-4a54-9f3b-8e1f1c2d3e4f'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  problems = check_problems (f->store);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "not stored as the editor stores it"));
}

/* A package carries the enterprise's projects; importing it again (as a
 * copy) does not add them twice, and an enterprise already there gains
 * the projects it did not have. */
static void
test_package (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaProject) p = boiler_project (f->enterprise);
  g_autoptr(GaStore) other = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *pkg = g_build_filename (f->dir, "a.gapkg", NULL);
  g_autofree char *pkg2 = g_build_filename (f->dir, "b.gapkg", NULL);
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
  gint64 imported;

  add (f->store, p);
  g_assert_true (ga_store_export_package (f->store, f->assessment, pkg, &error));
  g_assert_no_error (error);

  other = ga_store_open (path, &error);
  g_assert_no_error (error);
  imported = ga_store_import_package (other, pkg, GA_PACKAGE_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  imported = ga_store_import_package (other, pkg, GA_PACKAGE_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  list = ga_store_list_projects (other, 1, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((GaProject *) list->pdata[0])->name, ==, "锅炉余热回收改造");
  g_assert_cmpfloat (((GaProject *) list->pdata[0])->co2_cut, ==, 2210.4);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A second project at the source travels in the next package. */
  g_free (p->name);
  p->name = g_strdup ("能源管控中心");
  g_free (p->type);
  p->type = g_strdup ("digital");
  add (f->store, p);
  g_assert_true (ga_store_export_package (f->store, f->assessment, pkg2, &error));
  ga_store_import_package (other, pkg2, GA_PACKAGE_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  list = ga_store_list_projects (other, 1, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((GaProject *) list->pdata[1])->type, ==, "digital");

  problems = check_problems (other);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* tests/fixtures/store/schema-v4.db, written by the schema-4 store: read
 * without migrating it has no projects; the migration keeps every row and
 * adds the empty register. */
static void
test_migrate_v4 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                               "schema-v4.db", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *original = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GaProject) p = NULL;
  gsize len;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  store = ga_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, 4);
  list = ga_store_list_projects (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  problems = check_problems (store);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_object (&store);
  before = ga_test_file_sha256 (path);
  original = ga_test_file_sha256 (fixture);
  g_assert_cmpstr (before, ==, original);

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, GA_STORE_SCHEMA_VERSION);
  g_assert_nonnull (strstr (ga_store_get_migration_backup (store), ".v4-"));
  {
    sqlite3 *bak = NULL;

    g_assert_cmpint (sqlite3_open_v2 (ga_store_get_migration_backup (store), &bak,
                                      SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (ga_test_query_int (bak, "PRAGMA user_version"), ==, 4);
    g_assert_cmpint (ga_test_query_int (bak, "SELECT count(*) FROM narratives"), ==, 1);
    sqlite3_close (bak);
  }

  /* Every row came along (tests/fixtures/store/README.md lists them). */
  db = ga_store_get_handle (store);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM enterprises"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM assessments"), ==, 2);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==, 2);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history"), ==, 3);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM narratives"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM projects"), ==, 0);

  p = boiler_project (1);
  add (store, p);
  problems = check_problems (store);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ga/store-projects/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("add-list-update", test_add_list_update);
  ADD ("refused", test_refused);
  ADD ("db-check", test_check);
  ADD ("package", test_package);
  g_test_add_func ("/ga/store-projects/progress-and-types", test_progress_and_types);
  g_test_add_func ("/ga/store-projects/migrate-v4", test_migrate_v4);
  return g_test_run ();
}
