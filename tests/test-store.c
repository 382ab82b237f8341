/* test-store.c: the SQLite store — schema and migrations, failures that must
 * leave the database unchanged, answers with history and undo, evidence,
 * packages, crash safety, and the store's CLI commands
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crash test runs this program again as a child (--crash-child) that
 * saves answers until it is killed with SIGKILL.
 */
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-test-utils.h"
#include "ga-store-engine.h"

#define VALID_CODE   "91350100M000100Y43"
#define VALID_CODE_2 "91110000100000000R"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef struct {
  char    *dir;
  char    *path;
  GaStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp (NULL, &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ga_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  ga_store_set_author (f->store, "tester");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ga_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* A digest of everything in the database: user_version, application_id
 * and every row of every table (rows sorted, BLOBs by their hash), so
 * that "unchanged" means no row was added, removed or altered. */
static char *
dump_handle (sqlite3 *db)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT user_version FROM pragma_user_version) || '/'"
                                       " || (SELECT application_id FROM pragma_application_id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_checksum_update (sum, sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, t));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_checksum_update (sum, g_ptr_array_index (tables, t), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);

              if (type == SQLITE_BLOB)
                {
                  g_autofree char *h = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                   sqlite3_column_blob (stmt, c),
                                                                   sqlite3_column_bytes (stmt, c));
                  g_string_append_printf (row, "|b:%s", h);
                }
              else if (type == SQLITE_NULL)
                g_string_append (row, "|null");
              else
                g_string_append_printf (row, "|%d:%s", type, sqlite3_column_text (stmt, c));
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);
      for (guint r = 0; r < rows->len; r++)
        {
          g_checksum_update (sum, g_ptr_array_index (rows, r), -1);
          g_checksum_update (sum, (const guchar *) "\n", 1);
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

static char *
dump_path (const char *path)
{
  sqlite3 *db = NULL;
  char *digest;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  digest = dump_handle (db);
  sqlite3_close_v2 (db);
  return digest;
}

static gint64
add_enterprise (GaStore    *store,
                const char *name,
                const char *code)
{
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->name = g_strdup (name);
  e->credit_code = g_strdup (code);
  e->industry = g_strdup ("34");
  id = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* An opaque template copy for tests that do not evaluate. */
static const char fake_template[] = "{\"format\": 1, \"id\": \"opaque\", \"version\": \"1.0.0\"}";

/* A template for the command-line cases: a number that may be negative
 * (N1), a scored number (E1), a text item (T1), a compliance check (B1)
 * and an output (O1). */
static const char template_cli[] =
  "{\"format\": 1, \"id\": \"cli-store\", \"version\": \"1.0.0\", \"kind\": \"custom\","
  " \"title\": {\"zh_CN\": \"命令行测试\", \"en\": \"CLI test\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"tests/test-store.c\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 20},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"N1\", \"kind\": \"number\", \"title\": \"N1\", \"min\": -100, \"max\": 100,"
  "   \"source\": \"t\"},"
  "  {\"id\": \"E1\", \"kind\": \"number\", \"title\": \"E1\", \"points\": 10, \"min\": 0,"
  "   \"max\": 100, \"source\": \"t\","
  "   \"score\": {\"interp\": {\"baseline\": 50, \"leading\": 90}}},"
  "  {\"id\": \"T1\", \"kind\": \"text\", \"title\": \"T1\", \"source\": \"t\"},"
  "  {\"id\": \"B1\", \"kind\": \"compliance\", \"title\": \"B1\", \"points\": 10,"
  "   \"source\": \"t\"}"
  " ]}],"
  " \"outputs\": [{\"id\": \"O1\", \"title\": \"O1\", \"value\": \"N1*2\"}]}";

static gint64
add_assessment (GaStore *store,
                gint64   enterprise_id,
                int      year)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (fake_template, strlen (fake_template));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Assessment %d", year);
  gint64 id;

  id = ga_store_new_assessment_from_bytes (store, enterprise_id, "opaque", "1.0.0",
                                           "green-factory", bytes, title, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* An assessment on template_cli, for tests whose data must fit a
 * template that loads (a package import reads every answer against it). */
static gint64
add_cli_assessment (GaStore *store,
                    gint64   enterprise_id,
                    int      year)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (template_cli, strlen (template_cli));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Assessment %d", year);
  gint64 id;

  id = ga_store_new_assessment_from_bytes (store, enterprise_id, "cli-store", "1.0.0", "custom",
                                           bytes, title, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
save (GaStore    *store,
      gint64      assessment,
      const char *item,
      const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_save_answer (store, assessment, item, json, &error));
  g_assert_no_error (error);
}

static void
assert_answer (GaStore    *store,
               gint64      assessment,
               const char *item,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = ga_store_get_answer (store, assessment, item, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, expected);
}

/* ------------------------------------------------------------------ */
/* Opening and schema                                                  */

static void
test_open_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "nested", "folder", "new.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (ga_store_get_schema_version (store), ==, GA_STORE_SCHEMA_VERSION);
  g_assert_null (ga_store_get_migration_backup (store));   /* nothing to back up */

  db = ga_store_get_handle (store);
  g_assert_cmpint (ga_test_query_int (db, "PRAGMA user_version"), ==, GA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (ga_test_query_int (db, "PRAGMA application_id"), ==, GA_STORE_APPLICATION_ID);
  g_assert_cmpint (ga_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "PRAGMA synchronous"), ==, 2);   /* FULL */
  g_assert_cmpint (ga_test_query_int (db, "PRAGMA busy_timeout"), >=, 1000);
  {
    g_autofree char *mode = ga_test_query_text (db, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  g_clear_object (&store);

  /* Opening again neither migrates nor backs up. */
  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (ga_store_get_migration_backup (store));
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

static void
test_default_path (void)
{
  g_autofree char *path = ga_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "greenassess",
                                                "greenassess.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* ------------------------------------------------------------------ */
/* Enterprises                                                         */

static void
test_enterprise (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaEnterprise) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->name = g_strdup ("  福州绿色机械有限公司 ");
  e->credit_code = g_strdup ("9135 0100 m000100y43");   /* typed with spaces and lower case */
  e->industry = g_strdup ("C34");
  e->address = g_strdup ("福州市马尾区");
  e->legal_representative = g_strdup ("张三");
  e->contact_name = g_strdup ("李四");
  e->contact_phone = g_strdup ("+86 591-8888 0000");
  e->contact_email = g_strdup ("li@example.cn");
  e->output_value = 12000.5;
  e->value_added = 3000.25;
  e->employees = 250;
  id = ga_store_add_enterprise (f->store, e, &error);
  g_assert_no_error (error);

  got = ga_store_get_enterprise (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "福州绿色机械有限公司");
  g_assert_cmpstr (got->credit_code, ==, VALID_CODE);
  g_assert_cmpstr (got->industry, ==, "34");   /* C34 is kept as the division */
  g_assert_cmpstr (got->region, ==, "350000"); /* from the code's characters 3–8 */
  g_assert_cmpstr (got->contact_phone, ==, "+86 591-8888 0000");
  g_assert_cmpfloat_with_epsilon (got->output_value, 12000.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (got->value_added, 3000.25, 1e-9);
  g_assert_cmpint (got->employees, ==, 250);
  g_assert_false (got->demo);
  g_assert_nonnull (got->uuid);
  g_assert_nonnull (got->created_at);
  g_clear_pointer (&got, ga_enterprise_free);

  got = ga_store_find_enterprise (f->store, "91350100m000100y43", &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, id);
  g_clear_pointer (&got, ga_enterprise_free);
  g_assert_null (ga_store_find_enterprise (f->store, VALID_CODE_2, &error));
  g_assert_no_error (error);

  /* Unknown figures stay unknown (not 0). */
  {
    g_autoptr(GaEnterprise) bare = ga_enterprise_new ();
    g_autoptr(GaEnterprise) back = NULL;
    gint64 id2;

    bare->name = g_strdup ("B");
    bare->credit_code = g_strdup (VALID_CODE_2);
    bare->region = g_strdup ("广东");
    id2 = ga_store_add_enterprise (f->store, bare, &error);
    g_assert_no_error (error);
    back = ga_store_get_enterprise (f->store, id2, &error);
    g_assert_true (isnan (back->output_value));
    g_assert_true (isnan (back->value_added));
    g_assert_cmpint (back->employees, ==, -1);
    g_assert_cmpstr (back->region, ==, "440000");
    g_assert_null (back->industry);
  }

  /* Update. */
  got = ga_store_get_enterprise (f->store, id, &error);
  g_free (got->name);
  got->name = g_strdup ("福州绿色机械股份有限公司");
  got->employees = 260;
  g_assert_true (ga_store_update_enterprise (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, ga_enterprise_free);
  got = ga_store_get_enterprise (f->store, id, &error);
  g_assert_cmpstr (got->name, ==, "福州绿色机械股份有限公司");
  g_assert_cmpint (got->employees, ==, 260);

  list = ga_store_list_enterprises (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_enterprise_refused (Fixture       *f,
                         gconstpointer  data)
{
  static const struct {
    const char *name, *code, *industry, *region, *email, *phone;
    double      output;
    gint64      employees;
    GQuark    (*domain) (void);
    int         code_expected;
    const char *message;
  } cases[] = {
    { "X", "91350100M000100Y4X", NULL, NULL, NULL, NULL, NAN, -1, ga_codes_error_quark,
      GA_CODES_ERROR_CREDIT_CODE, "the check character should be 3, not X" },
    { "X", "", NULL, NULL, NULL, NULL, NAN, -1, ga_codes_error_quark,
      GA_CODES_ERROR_CREDIT_CODE, "统一社会信用代码" },
    { "", VALID_CODE_2, NULL, NULL, NULL, NULL, NAN, -1, ga_store_error_quark,
      GA_STORE_ERROR_INVALID, "needs a name" },
    { "X", VALID_CODE_2, "99", NULL, NULL, NULL, NAN, -1, ga_codes_error_quark,
      GA_CODES_ERROR_INDUSTRY, "GB/T 4754-2017" },
    { "X", VALID_CODE_2, NULL, "990000", NULL, NULL, NAN, -1, ga_codes_error_quark,
      GA_CODES_ERROR_REGION, "GB/T 2260" },
    { "X", VALID_CODE_2, NULL, NULL, "not-an-address", NULL, NAN, -1, ga_store_error_quark,
      GA_STORE_ERROR_INVALID, "e-mail" },
    { "X", VALID_CODE_2, NULL, NULL, NULL, "call me", NAN, -1, ga_store_error_quark,
      GA_STORE_ERROR_INVALID, "phone" },
    { "X", VALID_CODE_2, NULL, NULL, NULL, NULL, -5, -1, ga_store_error_quark,
      GA_STORE_ERROR_INVALID, "工业总产值" },
    { "X", VALID_CODE_2, NULL, NULL, NULL, NULL, INFINITY, -1, ga_store_error_quark,
      GA_STORE_ERROR_INVALID, "finite" },
    { "X", VALID_CODE_2, NULL, NULL, NULL, NULL, NAN, -7, ga_store_error_quark,
      GA_STORE_ERROR_INVALID, "employees" },
    { "duplicate", VALID_CODE, NULL, NULL, NULL, NULL, NAN, -1, ga_store_error_quark,
      GA_STORE_ERROR_EXISTS, "already exists" },
  };
  g_autofree char *before = NULL;

  add_enterprise (f->store, "First", VALID_CODE);
  before = dump_handle (ga_store_get_handle (f->store));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GaEnterprise) e = ga_enterprise_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      e->name = g_strdup (cases[i].name);
      e->credit_code = g_strdup (cases[i].code);
      e->industry = g_strdup (cases[i].industry);
      e->region = g_strdup (cases[i].region);
      e->contact_email = g_strdup (cases[i].email);
      e->contact_phone = g_strdup (cases[i].phone);
      e->output_value = cases[i].output;
      e->employees = cases[i].employees;

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_cmpint (ga_store_add_enterprise (f->store, e, &error), ==, 0);
      g_assert_error (error, cases[i].domain (), cases[i].code_expected);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      after = dump_handle (ga_store_get_handle (f->store));
      g_assert_cmpstr (before, ==, after);
    }
}

/* ------------------------------------------------------------------ */
/* Assessments                                                         */

static void
test_assessment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autofree char *prefix = NULL;
  gint64 e1 = add_enterprise (f->store, "A", VALID_CODE);
  gint64 e2 = add_enterprise (f->store, "B", VALID_CODE_2);
  gint64 a1 = add_assessment (f->store, e1, 2024);
  gint64 a2 = add_assessment (f->store, e1, 2025);
  gint64 a3 = add_assessment (f->store, e2, 2025);
  sqlite3 *db = ga_store_get_handle (f->store);

  /* Three assessments, one template copy. */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM templates"), ==, 1);

  a = ga_store_get_assessment (f->store, a1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->template_id, ==, "opaque");
  g_assert_cmpstr (a->template_version, ==, "1.0.0");
  g_assert_cmpstr (a->kind, ==, "green-factory");
  g_assert_cmpint (a->year, ==, 2024);
  g_assert_cmpint (a->status, ==, GA_ASSESSMENT_DRAFT);
  g_assert_null (a->finalized_at);
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, fake_template, -1);
    g_assert_cmpstr (a->template_hash, ==, hash);
  }
  copy = ga_store_get_template_copy (f->store, a->template_hash, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (copy, NULL), g_bytes_get_size (copy), fake_template,
                   strlen (fake_template));

  /* References the CLI accepts. */
  g_assert_cmpint (ga_store_resolve_assessment (f->store, "2", &error), ==, a2);
  g_assert_cmpint (ga_store_resolve_assessment (f->store, a->uuid, &error), ==, a1);
  prefix = g_strndup (a->uuid, 8);
  g_assert_cmpint (ga_store_resolve_assessment (f->store, prefix, &error), ==, a1);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_resolve_assessment (f->store, "99", &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ga_store_resolve_assessment (f->store, "abc", &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = ga_store_list_assessments (f->store, e1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ga_store_list_assessments (f->store, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The start list shows each enterprise's latest assessment. */
  save (f->store, a1, "E1", "1");   /* a1 becomes the most recently updated */
  list = ga_store_list_enterprises (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  {
    GaEnterpriseSummary *s0 = g_ptr_array_index (list, 0);
    GaEnterpriseSummary *s1 = g_ptr_array_index (list, 1);

    g_assert_cmpstr (s0->enterprise->name, ==, "A");
    g_assert_cmpint (s0->n_assessments, ==, 2);
    g_assert_cmpint (s0->latest->id, ==, a1);
    g_assert_cmpint (s1->latest->id, ==, a3);
  }

  /* Bad input. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (fake_template, strlen (fake_template));

    g_assert_cmpint (ga_store_new_assessment_from_bytes (f->store, 999, "opaque", "1.0.0",
                                                         "green-factory", bytes, "t", 2025, NULL,
                                                         &error), ==, 0);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (ga_store_new_assessment_from_bytes (f->store, e1, "opaque", "1.0.0",
                                                         "audit", bytes, "t", 2025, NULL,
                                                         &error), ==, 0);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (ga_store_new_assessment_from_bytes (f->store, e1, "opaque", "1.0.0",
                                                         "custom", bytes, "t", 1066, NULL,
                                                         &error), ==, 0);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Deleting the last assessment that pins a copy drops the copy too. */
  g_assert_true (ga_store_delete_enterprise (f->store, e1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM assessments"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==, 0);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history"), ==, 0);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM templates"), ==, 1);
  g_assert_true (ga_store_delete_assessment (f->store, a3, &error));
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM templates"), ==, 0);
}

static void
test_final_read_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);
  gint64 ev;

  save (f->store, id, "E1", "1");
  ev = ga_store_add_evidence_bytes (f->store, id, "E1", "a.txt", bytes, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_set_assessment_status (f->store, id, GA_ASSESSMENT_FINAL, &error));
  g_assert_no_error (error);

  a = ga_store_get_assessment (f->store, id, &error);
  g_assert_cmpint (a->status, ==, GA_ASSESSMENT_FINAL);
  g_assert_nonnull (a->finalized_at);
  g_assert_cmpstr (a->finalized_by, ==, "tester");
  g_clear_pointer (&a, ga_assessment_free);

  before = dump_handle (ga_store_get_handle (f->store));

  g_assert_false (ga_store_save_answer (f->store, id, "E1", "2", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "is final"));
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);
  g_assert_false (ga_store_undo (f->store, id, NULL, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (ga_store_add_evidence_bytes (f->store, id, "E1", "b.txt", bytes, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ga_store_remove_evidence (f->store, ev, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ga_store_set_evidence_note (f->store, ev, "caption", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ga_store_delete_assessment (f->store, id, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  after = dump_handle (ga_store_get_handle (f->store));
  g_assert_cmpstr (before, ==, after);

  /* Reopened, it takes changes again. */
  g_assert_true (ga_store_set_assessment_status (f->store, id, GA_ASSESSMENT_DRAFT, &error));
  save (f->store, id, "E1", "2");
  assert_answer (f->store, id, "E1", "2");
  a = ga_store_get_assessment (f->store, id, &error);
  g_assert_null (a->finalized_at);
}

/* ------------------------------------------------------------------ */
/* Answers, history, undo                                              */

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);
  GaHistoryEntry *h;

  assert_answer (f->store, id, "E1", NULL);
  save (f->store, id, "E1", "12.5");
  save (f->store, id, "B1", "{\"value\": \"partial\", \"note\": \"证书将到期\"}");
  save (f->store, id, "W1", "{\"na\": \"无工业废水\"}");
  save (f->store, id, "E1", "13");
  save (f->store, id, "E1", "13");   /* the same value: no change, no history row */
  save (f->store, id, "W1", NULL);   /* cleared */

  assert_answer (f->store, id, "E1", "13");
  assert_answer (f->store, id, "W1", NULL);
  all = ga_store_load_answers (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (all, "B1"), ==,
                   "{\"value\": \"partial\", \"note\": \"证书将到期\"}");

  history = ga_store_list_history (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  h = g_ptr_array_index (history, 3);
  g_assert_cmpstr (h->item_id, ==, "E1");
  g_assert_cmpstr (h->old_value, ==, "12.5");
  g_assert_cmpstr (h->new_value, ==, "13");
  g_assert_cmpstr (h->author, ==, "tester");
  g_assert_cmpint (h->action, ==, GA_HISTORY_EDIT);
  g_assert_nonnull (h->at);
  h = g_ptr_array_index (history, 4);
  g_assert_cmpstr (h->old_value, ==, "{\"na\": \"无工业废水\"}");
  g_assert_null (h->new_value);

  /* Refused input leaves everything as it was. */
  before = dump_handle (ga_store_get_handle (f->store));
  g_assert_false (ga_store_save_answer (f->store, id, "E1", "{not json", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not JSON"));
  g_clear_error (&error);
  g_assert_false (ga_store_save_answer (f->store, id, "", "1", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_save_answer (f->store, id, "E1", "\"\xff\"", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_save_answer (f->store, 999, "E1", "1", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = dump_handle (ga_store_get_handle (f->store));
  g_assert_cmpstr (before, ==, after);
}

/* @depth arrays one inside the other around 1: [[…1…]]. */
static char *
nested_array (guint depth)
{
  GString *s = g_string_sized_new (2 * depth + 1);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  g_string_append_c (s, '1');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* An answer is strict JSON read by the bounded reader: nested at most 200
 * levels (100 000 '[' would exhaust json-glib's stack), no key twice,
 * nothing after the value, no single quotes; a refused answer changes
 * nothing. */
static void
test_answers_strict_json (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *at_limit = nested_array (200);
  g_autofree char *over_limit = nested_array (201);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 e = add_enterprise (f->store, "Factory", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);
  GString *brackets = g_string_new (NULL);
  static const struct { const char *json, *says; } refused[] = {
    { "{\"value\": 1, \"value\": 2}", "value" },
    { "1 2", "unexpected content after the end of the JSON" },
    { "'yes'", "1:1" },
    { "[1,]", "1:" },
  };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (brackets, '[');
  deep = g_string_free (brackets, FALSE);

  save (f->store, id, "E1", "1");
  before = dump_handle (ga_store_get_handle (f->store));

  g_assert_false (ga_store_save_answer (f->store, id, "E1", deep, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The answer to E1 is not JSON"));
  g_assert_nonnull (strstr (error->message, "nested more than 200 levels"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (ga_store_save_answer (f->store, id, "E1", refused[i].json, &error));
      g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
      g_test_message ("%s -> %s", refused[i].json, error->message);
      g_assert_nonnull (strstr (error->message, refused[i].says));
      g_clear_error (&error);
    }

  /* 200 arrays one inside the other are fine, 201 are not. */
  g_assert_false (ga_store_save_answer (f->store, id, "E1", over_limit, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_save_answer (f->store, id, "E1", "  ", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is empty"));
  g_clear_error (&error);

  after = dump_handle (ga_store_get_handle (f->store));
  g_assert_cmpstr (before, ==, after);
  assert_answer (f->store, id, "E1", "1");

  save (f->store, id, "E1", at_limit);
  assert_answer (f->store, id, "E1", at_limit);
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *item = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);

  g_assert_false (ga_store_can_undo (f->store, id));
  g_assert_false (ga_store_undo (f->store, id, NULL, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY);
  g_clear_error (&error);

  save (f->store, id, "A", "1");
  save (f->store, id, "A", "2");
  save (f->store, id, "B", "\"x\"");
  g_assert_true (ga_store_can_undo (f->store, id));
  g_assert_false (ga_store_can_redo (f->store, id));

  /* Undo B, undo A=2: A is 1 again, B has no answer. */
  g_assert_true (ga_store_undo (f->store, id, &item, &error));
  g_assert_cmpstr (item, ==, "B");
  g_clear_pointer (&item, g_free);
  assert_answer (f->store, id, "B", NULL);
  g_assert_true (ga_store_undo (f->store, id, &item, &error));
  g_assert_cmpstr (item, ==, "A");
  g_clear_pointer (&item, g_free);
  assert_answer (f->store, id, "A", "1");
  g_assert_true (ga_store_can_redo (f->store, id));

  /* Redo brings back A=2 (the edit undone last), then B. */
  g_assert_true (ga_store_redo (f->store, id, &item, &error));
  g_assert_cmpstr (item, ==, "A");
  g_clear_pointer (&item, g_free);
  assert_answer (f->store, id, "A", "2");
  assert_answer (f->store, id, "B", NULL);

  /* Undo again, then a new edit: the redo stack is gone. */
  g_assert_true (ga_store_undo (f->store, id, NULL, &error));
  assert_answer (f->store, id, "A", "1");
  save (f->store, id, "C", "true");
  g_assert_false (ga_store_can_redo (f->store, id));
  g_assert_false (ga_store_redo (f->store, id, NULL, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY);
  g_clear_error (&error);

  /* Undo now walks C, then A=1 (A=2 and B were dropped from the redo
   * stack and are not undoable either), then nothing. */
  g_assert_true (ga_store_undo (f->store, id, &item, &error));
  g_assert_cmpstr (item, ==, "C");
  g_clear_pointer (&item, g_free);
  assert_answer (f->store, id, "C", NULL);
  g_assert_true (ga_store_undo (f->store, id, &item, &error));
  g_assert_cmpstr (item, ==, "A");
  g_clear_pointer (&item, g_free);
  assert_answer (f->store, id, "A", NULL);
  g_assert_false (ga_store_undo (f->store, id, NULL, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY);
  g_clear_error (&error);

  /* Every step is in the history: 4 edits, 5 undos, 1 redo. */
  history = ga_store_list_history (f->store, id, &error);
  g_assert_cmpuint (history->len, ==, 10);
  {
    guint counts[3] = { 0 };

    for (guint i = 0; i < history->len; i++)
      counts[((GaHistoryEntry *) g_ptr_array_index (history, i))->action]++;
    g_assert_cmpuint (counts[GA_HISTORY_EDIT], ==, 4);
    g_assert_cmpuint (counts[GA_HISTORY_UNDO], ==, 5);
    g_assert_cmpuint (counts[GA_HISTORY_REDO], ==, 1);
  }
  {
    GaHistoryEntry *last = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpint (last->action, ==, GA_HISTORY_UNDO);
    g_assert_cmpstr (last->old_value, ==, "1");
    g_assert_null (last->new_value);
  }
}

/* ------------------------------------------------------------------ */
/* Evidence                                                            */

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) abc = g_bytes_new_static ("abc", 3);
  g_autoptr(GBytes) back = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GFile) gfile = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 a1 = add_assessment (f->store, e, 2024);
  gint64 a2 = add_assessment (f->store, e, 2025);
  sqlite3 *db = ga_store_get_handle (f->store);
  GaEvidence *ev;
  gint64 id1, id2, id3;
  static const char pdf_data[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";

  pdf = g_bytes_new_static (pdf_data, sizeof pdf_data - 1);

  id1 = ga_store_add_evidence_bytes (f->store, a1, "B1", "dir/营业执照.pdf", pdf, &error);
  g_assert_no_error (error);
  id2 = ga_store_add_evidence_bytes (f->store, a2, "B1", "copy.pdf", pdf, &error);
  g_assert_no_error (error);
  id3 = ga_store_add_evidence_bytes (f->store, a1, "E1", "abc.txt", abc, &error);
  g_assert_no_error (error);

  /* Identical bytes are stored once. */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM blobs"), ==, 2);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM evidence"), ==, 3);

  list = ga_store_list_evidence (f->store, a1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  ev = g_ptr_array_index (list, 0);
  g_assert_cmpint (ev->id, ==, id1);
  g_assert_cmpstr (ev->name, ==, "营业执照.pdf");   /* no folder */
  g_assert_cmpstr (ev->mime_type, ==, "application/pdf");
  g_assert_cmpuint (ev->size, ==, sizeof pdf_data - 1);
  g_assert_cmpstr (ev->author, ==, "tester");
  ev = g_ptr_array_index (list, 1);
  /* SHA-256("abc"), FIPS 180-2 appendix B.1. */
  g_assert_cmpstr (ev->sha256, ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (ev->mime_type, ==, "text/plain");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = ga_store_list_evidence (f->store, a1, "E1", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  back = ga_store_get_evidence_bytes (f->store, id2, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));

  g_assert_true (ga_store_set_evidence_note (f->store, id1, "第 2 页", &error));
  g_assert_no_error (error);
  list = ga_store_list_evidence (f->store, a1, "B1", &error);
  g_assert_cmpstr (((GaEvidence *) g_ptr_array_index (list, 0))->note, ==, "第 2 页");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Removing one of two references keeps the bytes; the last drops them. */
  g_assert_true (ga_store_remove_evidence (f->store, id1, &error));
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM blobs"), ==, 2);
  g_assert_true (ga_store_remove_evidence (f->store, id2, &error));
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM blobs"), ==, 1);
  g_assert_false (ga_store_remove_evidence (f->store, id2, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  (void) id3;

  /* From a file. */
  file = g_build_filename (f->dir, "readings.csv", NULL);
  g_assert_true (g_file_set_contents (file, "month,kWh\n1,300000\n", -1, NULL));
  gfile = g_file_new_for_path (file);
  g_assert_cmpint (ga_store_add_evidence (f->store, a2, "E2", gfile, &error), >, 0);
  g_assert_no_error (error);
  list = ga_store_list_evidence (f->store, a2, "E2", &error);
  g_assert_cmpstr (((GaEvidence *) g_ptr_array_index (list, 0))->name, ==, "readings.csv");
  g_assert_cmpuint (((GaEvidence *) g_ptr_array_index (list, 0))->size, ==, 19);

  /* A folder or a missing file is refused with its name. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/scan.pdf");

    g_assert_cmpint (ga_store_add_evidence (f->store, a2, "E2", folder, &error), ==, 0);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (ga_store_add_evidence (f->store, a2, "E2", missing, &error), ==, 0);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "scan.pdf"));
  }
}

static void
test_evidence_too_large (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GBytes) big = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);
  gsize n = 4096;
  char *buf = g_malloc0 (n + 1);

  g_assert_cmpuint (ga_store_get_evidence_limit (f->store), ==, 50 * 1024 * 1024);
  ga_store_set_evidence_limit (f->store, n);
  big = g_bytes_new_take (buf, n + 1);
  before = dump_handle (ga_store_get_handle (f->store));

  g_assert_cmpint (ga_store_add_evidence_bytes (f->store, id, "E1", "scan.tif", big, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "scan.tif is "));
  g_assert_nonnull (strstr (error->message, "(4097 bytes), more than the "));
  g_assert_nonnull (strstr (error->message, "(4096 bytes)"));
  g_clear_error (&error);

  /* A file is refused from its size, before it is read. */
  file = g_build_filename (f->dir, "video.mp4", NULL);
  g_assert_true (g_file_set_contents (file, g_bytes_get_data (big, NULL), n + 1, NULL));
  gfile = g_file_new_for_path (file);
  g_assert_cmpint (ga_store_add_evidence (f->store, id, "E1", gfile, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  after = dump_handle (ga_store_get_handle (f->store));
  g_assert_cmpstr (before, ==, after);

  /* Exactly at the limit is accepted. */
  {
    g_autoptr(GBytes) fits = g_bytes_new_from_bytes (big, 0, n);
    g_assert_cmpint (ga_store_add_evidence_bytes (f->store, id, "E1", "ok.bin", fits, &error), >, 0);
    g_assert_no_error (error);
  }
}

/* ------------------------------------------------------------------ */
/* Backup and check                                                    */

/* Nothing written half-way is left behind: no "*.tmp" beside the target. */
static void
assert_no_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".tmp"));
}


static void
test_backup_and_check (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("evidence bytes", 14);
  g_autofree char *backup = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *live = NULL;
  g_autofree char *copy = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);
  sqlite3 *db = ga_store_get_handle (f->store);

  save (f->store, id, "E1", "1");
  g_assert_cmpint (ga_store_add_evidence_bytes (f->store, id, "E1", "x.txt", bytes, &error), >, 0);

  g_assert_true (ga_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  live = dump_handle (db);
  copy = dump_path (backup);
  g_assert_cmpstr (live, ==, copy);
  /* The backup is one self-contained file. */
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_assert_false (ga_store_backup (f->store, f->dir, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN);
  g_clear_error (&error);

  /* Never onto the database itself, nor its WAL, whatever the flags. */
  {
    g_autofree char *wal = g_strconcat (ga_store_get_path (f->store), "-wal", NULL);
    g_autofree char *dotted = g_build_filename (f->dir, ".", "test.db", NULL);

    g_assert_true (ga_store_is_own_file (f->store, ga_store_get_path (f->store)));
    g_assert_true (ga_store_is_own_file (f->store, dotted));
    g_assert_false (ga_store_is_own_file (f->store, backup));
    g_assert_false (ga_store_backup (f->store, ga_store_get_path (f->store), &error));
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (ga_store_backup_to (f->store, wal, GA_STORE_WRITE_REPLACE, &error));
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* NO_REPLACE leaves an existing file as it was. */
  {
    g_autofree char *notes = g_build_filename (f->dir, "notes.txt", NULL);
    g_autofree char *kept = NULL;

    g_assert_true (g_file_set_contents (notes, "my notes", -1, NULL));
    g_assert_false (ga_store_backup_to (f->store, notes, GA_STORE_WRITE_NO_REPLACE, &error));
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, notes));
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (notes, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "my notes");
    assert_no_temp_files (f->dir);
  }

  /* A folder that does not exist: the message names the path asked for
   * and the folder, never a temporary name. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "b.db", NULL);

    g_assert_false (ga_store_backup (f->store, missing, &error));
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN);
    g_assert_nonnull (strstr (error->message, missing));
    g_assert_nonnull (strstr (error->message, "does not exist"));
    g_assert_null (strstr (error->message, ".tmp"));
    g_clear_error (&error);
  }

  g_assert_true (ga_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Damage one evidence file behind the store's back. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE blobs SET data = x'00'", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (ga_store_check (f->store, problems, &error));
  g_assert_cmpuint (problems->len, >=, 1);
  /* Named so that the user knows what to attach again: evidence id, file
   * name, assessment and item, not only a hash. */
  {
    const char *p = g_ptr_array_index (problems, 0);
    g_autoptr(GPtrArray) list = ga_store_list_evidence (f->store, id, NULL, &error);
    g_autofree char *ev = g_strdup_printf ("evidence %" G_GINT64_FORMAT " “x.txt”",
                                           ((GaEvidence *) list->pdata[0])->id);
    g_autofree char *as = g_strdup_printf ("assessment %" G_GINT64_FORMAT " “", id);

    g_assert_nonnull (strstr (p, ev));
    g_assert_nonnull (strstr (p, as));
    g_assert_nonnull (strstr (p, "item E1"));
    g_assert_nonnull (strstr (p, "damaged"));
  }

  /* And it is never handed out as the original. */
  {
    g_autoptr(GPtrArray) list = ga_store_list_evidence (f->store, id, NULL, &error);
    g_autoptr(GBytes) got = ga_store_get_evidence_bytes (f->store,
                                                         ((GaEvidence *) list->pdata[0])->id,
                                                         &error);
    g_assert_null (got);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT);
  }
}

/* ------------------------------------------------------------------ */
/* Failures that must leave the file unchanged                         */

static void
test_refuse_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GaStore) store = NULL;
  guint8 junk[8192];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) junk, sizeof junk, NULL));
  before = ga_test_file_sha256 (path);

  store = ga_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE);
  g_assert_nonnull (strstr (error->message, "not an SQLite database"));
  g_assert_nonnull (strstr (error->message, "was not changed"));

  after = ga_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  ga_test_rm_rf (dir);
}

static void
test_refuse_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GaStore) store = NULL;

  /* A real store whose pages after the header were overwritten: the header
   * is fine, so opening works, and the first query that meets a damaged
   * page fails with a clear error instead of returning wrong data. */
  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  add_enterprise (store, "A", VALID_CODE);
  add_enterprise (store, "B", VALID_CODE_2);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  memset (contents + 4096, 0xA5, len - 4096);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  store = ga_store_open (path, &error);
  if (store != NULL)
    {
      g_autoptr(GPtrArray) list = ga_store_list_enterprises (store, &error);
      g_assert_null (list);
    }
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

static void
test_refuse_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GaStore) store = NULL;
  sqlite3 *db = NULL;

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  add_enterprise (store, "A", VALID_CODE);
  g_clear_object (&store);

  /* What a future version would leave behind. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = ga_test_file_sha256 (path);

  store = ga_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version of GreenAssess"));
  g_assert_nonnull (strstr (error->message, "schema version 99"));
  g_assert_nonnull (strstr (error->message, "was not changed"));

  after = ga_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  ga_test_rm_rf (dir);
}

static void
test_refuse_foreign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GaStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);"
                                 " INSERT INTO photos (name) VALUES ('cat.jpg')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  before = ga_test_file_sha256 (path);

  store = ga_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE);
  g_assert_nonnull (strstr (error->message, "another program"));
  after = ga_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  ga_test_rm_rf (dir);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) big = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);
  sqlite3 *db = ga_store_get_handle (f->store);
  gsize n = 256 * 1024;

  save (f->store, id, "E1", "1");
  before = dump_handle (db);

  /* The database may not grow by a single page: the same as a full disk
   * as far as SQLite is concerned (SQLITE_FULL). */
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         ga_test_query_int (db, "PRAGMA page_count"));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  big = g_bytes_new_take (g_malloc0 (n), n);
  g_assert_cmpint (ga_store_add_evidence_bytes (f->store, id, "E1", "big.bin", big, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);

  /* Many answers until one does not fit either. */
  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *item = g_strdup_printf ("X%d", i);
      g_autofree char *value = g_strdup_printf ("\"%0200d\"", i);

      if (!ga_store_save_answer (f->store, id, item, value, &error))
        break;
    }
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FULL);
  g_clear_error (&error);

  /* Whatever went in went in whole: every saved answer has its history
   * row, and the answer that hit the limit left nothing behind. */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers a WHERE NOT EXISTS"
                              " (SELECT 1 FROM history h WHERE h.assessment_id = a.assessment_id"
                              " AND h.item_id = a.item_id)"), ==, 0);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==,
                   ga_test_query_int (db, "SELECT count(*) FROM history"));
  {
    g_autofree char *ok = ga_test_query_text (db, "PRAGMA integrity_check");
    g_assert_cmpstr (ok, ==, "ok");
  }

  /* The failed evidence left nothing: drop the answers added after it and
   * the digest is the one from before. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM answers WHERE item_id LIKE 'X%';"
                                 " DELETE FROM history WHERE item_id LIKE 'X%';"
                                 " UPDATE assessments SET updated_at = (SELECT updated_at FROM"
                                 " answers WHERE item_id = 'E1')", NULL, NULL, NULL), ==, SQLITE_OK);
  after = dump_handle (db);
  g_assert_cmpstr (before, ==, after);
}

/* Runs @func in a child process that has given up root's right to write
 * anything, and returns the child's exit status. */
static int
run_unprivileged (int (*func) (const char *path),
                  const char *path)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (90);
      _exit (func (path));
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
try_open_and_save (const char *path)
{
  GError *error = NULL;
  GaStore *store = ga_store_open (path, &error);
  int result;

  if (store != NULL)
    {
      /* Opening might be allowed; saving must not be. */
      gboolean saved = ga_store_save_answer (store, 1, "E1", "42", &error);

      g_object_unref (store);
      if (saved)
        return 10;
    }
  if (error == NULL)
    return 11;
  result = (error->domain == GA_STORE_ERROR
            && (error->code == GA_STORE_ERROR_READ_ONLY || error->code == GA_STORE_ERROR_OPEN)
            && strstr (error->message, path) != NULL) ? 0 : 12;
  if (result != 0)
    fprintf (stderr, "unexpected error: %s\n", error->message);
  g_error_free (error);
  return result;
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GaStore) store = NULL;
  gint64 e, id;

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  e = add_enterprise (store, "A", VALID_CODE);
  id = add_assessment (store, e, 2025);
  g_assert_cmpint (id, ==, 1);
  save (store, id, "E1", "1");
  g_clear_object (&store);
  before = dump_path (path);

  /* 1: a read-only file in a read-only folder. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_cmpint (run_unprivileged (try_open_and_save, path), ==, 0);

  /* 2: a writable file in a read-only folder (no room for -wal, -shm). */
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (run_unprivileged (try_open_and_save, path), ==, 0);

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  after = dump_path (path);
  g_assert_cmpstr (before, ==, after);
  ga_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Migrations                                                          */

static void
test_migrate_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                               "schema-v1.db", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GaEnterprise) ent = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) answers = NULL;
  gsize len;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  original = dump_path (path);

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, GA_STORE_SCHEMA_VERSION);
  db = ga_store_get_handle (store);
  g_assert_cmpint (ga_test_query_int (db, "PRAGMA user_version"), ==, GA_STORE_SCHEMA_VERSION);

  /* The backup taken first is the v1 file, row for row. */
  g_assert_nonnull (ga_store_get_migration_backup (store));
  g_assert_true (g_str_has_prefix (ga_store_get_migration_backup (store), path));
  g_assert_true (g_str_has_suffix (ga_store_get_migration_backup (store), ".bak"));
  g_assert_nonnull (strstr (ga_store_get_migration_backup (store), ".v1-"));
  saved = dump_path (ga_store_get_migration_backup (store));
  g_assert_cmpstr (saved, ==, original);

  /* Every row came along (README.md in the fixture folder lists them). */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM enterprises"), ==, 2);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM assessments"), ==, 3);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==, 15);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history"), ==, 20);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM evidence"), ==, 3);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM blobs"), ==, 2);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM templates"), ==, 1);

  ent = ga_store_find_enterprise (store, VALID_CODE, &error);
  g_assert_cmpstr (ent->name, ==, "迁移测试企业甲");
  g_assert_cmpint (ent->employees, ==, 321);
  g_assert_cmpfloat_with_epsilon (ent->output_value, 12345.5, 1e-9);

  answers = ga_store_load_answers (store, 1, &error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 13);
  g_assert_cmpstr (g_hash_table_lookup (answers, "E12"), ==, "120.5");
  g_assert_cmpstr (g_hash_table_lookup (answers, "B1"), ==,
                   "{\"value\":\"partial\",\"note\":\"证书 2026-03 到期\"}");
  g_assert_null (g_hash_table_lookup (answers, "W1"));

  /* The new columns: a final assessment counts as finalised when it was
   * last changed; drafts have none. */
  a = ga_store_get_assessment (store, 2, &error);
  g_assert_cmpint (a->status, ==, GA_ASSESSMENT_FINAL);
  g_assert_cmpstr (a->finalized_at, ==, a->updated_at);
  g_clear_pointer (&a, ga_assessment_free);
  a = ga_store_get_assessment (store, 1, &error);
  g_assert_null (a->finalized_at);

  /* Undo state survives: W1 can be redone, then undone. */
  g_assert_true (ga_store_can_redo (store, 1));
  g_assert_true (ga_store_redo (store, 1, NULL, &error));
  g_assert_no_error (error);
  assert_answer (store, 1, "W1", "{\"na\":\"无工业废水排放\"}");
  history = ga_store_list_history (store, 1, &error);
  g_assert_cmpuint (history->len, ==, 19);

  evidence = ga_store_list_evidence (store, 1, NULL, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_null (((GaEvidence *) evidence->pdata[0])->note);
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (ga_store_check (store, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }

  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Packages                                                            */

/* `db check` opens read-only: a v1 file is neither migrated nor backed up,
 * and no -wal or -shm appears beside it (review item 29). */
static void
test_open_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                               "schema-v1.db", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaStore) store = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  before = ga_test_file_sha256 (path);

  store = ga_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, 1);
  g_assert_null (ga_store_get_migration_backup (store));
  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  /* Writing through it fails instead of changing the file. */
  g_assert_false (ga_store_save_answer (store, 1, "E1", "1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&store);

  after = ga_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  /* Not a database: refused, unchanged. */
  {
    g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);

    g_assert_true (g_file_set_contents (text, "not a database", -1, NULL));
    g_assert_null (ga_store_open_read_only (text, &error));
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE);
    g_clear_error (&error);
  }
  ga_test_rm_rf (dir);
}

/* Every bad field at once, each on its own line (review item 48). */
static void
test_enterprise_all_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_auto(GStrv) lines = NULL;

  e->name = g_strdup ("Factory");
  e->credit_code = g_strdup ("91350100M000100Y4X");
  e->contact_phone = g_strdup ("call me");
  e->contact_email = g_strdup ("nobody");
  e->industry = g_strdup ("Q99");
  e->output_value = -5;
  g_assert_false (ga_enterprise_validate (e, &error));
  /* The first problem gives the domain and code. */
  g_assert_error (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_nonnull (strstr (error->message, "check character"));
  g_assert_nonnull (strstr (error->message, "Q99"));
  g_assert_nonnull (strstr (error->message, "contact phone"));
  g_assert_nonnull (strstr (error->message, "e-mail"));
  g_assert_nonnull (strstr (error->message, "output value"));
  g_clear_error (&error);

  g_clear_pointer (&e->credit_code, g_free);
  e->credit_code = g_strdup (VALID_CODE);
  g_clear_pointer (&e->contact_phone, g_free);
  g_clear_pointer (&e->contact_email, g_free);
  g_clear_pointer (&e->industry, g_free);
  e->output_value = NAN;
  g_assert_true (ga_enterprise_validate (e, &error));
  g_assert_no_error (error);
}

/* Files written for the user: an existing one is kept unless replacing is
 * asked for, the database is never a target, nothing half-written or
 * temporary is left, and messages name the user's path (items 2, 20). */
static void
test_write_targets (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autofree char *victim = g_build_filename (f->dir, "victim.png", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *pkg = g_build_filename (f->dir, "p.gapkg", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "o.txt", NULL);
  g_autofree char *got = NULL;
  gsize len = 0;
  gint64 e = add_enterprise (f->store, "Factory", VALID_CODE);
  gint64 id = add_assessment (f->store, e, 2025);
  gint64 ev = ga_store_add_evidence_bytes (f->store, id, "E1", "m.pdf", bytes, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (victim, "an unrelated picture", -1, NULL));

  g_assert_false (ga_store_save_evidence (f->store, ev, victim, GA_STORE_WRITE_NO_REPLACE,
                                          &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (victim, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, "an unrelated picture");
  g_clear_pointer (&got, g_free);

  g_assert_true (ga_store_save_evidence (f->store, ev, out, GA_STORE_WRITE_NO_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &got, &len, NULL));
  g_assert_cmpmem (got, len, "%PDF-1.4\n%%EOF\n", 15);
  g_clear_pointer (&got, g_free);
  /* Replacing when asked. */
  g_assert_true (ga_store_save_evidence (f->store, ev, victim, GA_STORE_WRITE_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (victim, &got, &len, NULL));
  g_assert_cmpmem (got, len, "%PDF-1.4\n%%EOF\n", 15);
  g_clear_pointer (&got, g_free);

  /* Never the database, not even when replacing is asked for. */
  g_assert_false (ga_store_save_evidence (f->store, ev, f->path, GA_STORE_WRITE_REPLACE, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_export_package_to (f->store, id, f->path, GA_STORE_WRITE_REPLACE,
                                              &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A package over an existing file: refused, the file kept. */
  g_assert_true (g_file_set_contents (pkg, "keep", -1, NULL));
  g_assert_false (ga_store_export_package_to (f->store, id, pkg, GA_STORE_WRITE_NO_REPLACE,
                                              &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (pkg, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, "keep");
  g_clear_pointer (&got, g_free);

  /* A missing folder: the user's path and what to do, no temporary name,
   * no GLib function name. */
  g_assert_false (ga_store_save_evidence (f->store, ev, missing, GA_STORE_WRITE_NO_REPLACE,
                                          &error));
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_null (strstr (error->message, ".tmp"));
  g_assert_null (strstr (error->message, "g_"));
  g_clear_error (&error);
  g_assert_false (ga_store_export_package_to (f->store, id, missing, GA_STORE_WRITE_REPLACE,
                                              &error));
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_null (strstr (error->message, ".tmp"));
  g_clear_error (&error);

  assert_no_temp_files (f->dir);
}

static void
test_package (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pkg = g_build_filename (f->dir, "exchange.gapkg", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GaStore) other = NULL;
  g_autoptr(GaAssessment) src = NULL;
  g_autoptr(GaAssessment) dst = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 e = add_enterprise (f->store, "Factory", VALID_CODE);
  gint64 id = add_cli_assessment (f->store, e, 2025);
  gint64 imported, copy;
  sqlite3 *odb;

  save (f->store, id, "E1", "1");
  save (f->store, id, "E1", "2");
  save (f->store, id, "B1", "\"yes\"");
  g_assert_true (ga_store_undo (f->store, id, NULL, &error));
  g_assert_cmpint (ga_store_add_evidence_bytes (f->store, id, "E1", "m.pdf", pdf, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (ga_store_export_package (f->store, id, pkg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pkg, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *wal = g_strconcat (pkg, "-wal", NULL);
    sqlite3 *p = NULL;

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_cmpint (sqlite3_open_v2 (pkg, &p, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (ga_test_query_int (p, "PRAGMA application_id"), ==, GA_PACKAGE_APPLICATION_ID);
    g_assert_cmpint (ga_test_query_int (p, "SELECT count(*) FROM assessments"), ==, 1);
    sqlite3_close_v2 (p);
  }

  /* A package is not a database, and a database is not a package. */
  {
    g_autoptr(GaStore) wrong = ga_store_open (pkg, &error);
    g_assert_null (wrong);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE);
    g_assert_nonnull (strstr (error->message, "package import"));
    g_clear_error (&error);
  }

  /* On the other machine the enterprise already exists under another name:
   * it is matched by its code and kept as it is. */
  other = ga_store_open (other_path, &error);
  g_assert_no_error (error);
  add_enterprise (other, "Local name", VALID_CODE);
  add_enterprise (other, "Someone else", VALID_CODE_2);

  g_assert_cmpint (ga_store_import_package (other, f->path, 0, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE);
  g_clear_error (&error);

  imported = ga_store_import_package (other, pkg, GA_PACKAGE_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  odb = ga_store_get_handle (other);
  g_assert_cmpint (ga_test_query_int (odb, "SELECT count(*) FROM enterprises"), ==, 2);
  {
    g_autoptr(GaEnterprise) kept = ga_store_find_enterprise (other, VALID_CODE, &error);
    g_assert_cmpstr (kept->name, ==, "Local name");
  }

  src = ga_store_get_assessment (f->store, id, &error);
  dst = ga_store_get_assessment (other, imported, &error);
  g_assert_cmpstr (dst->uuid, ==, src->uuid);
  g_assert_cmpstr (dst->template_hash, ==, src->template_hash);
  g_assert_cmpstr (dst->title, ==, src->title);
  g_assert_cmpuint (dst->n_answers, ==, src->n_answers);
  assert_answer (other, imported, "E1", "2");
  assert_answer (other, imported, "B1", NULL);
  history = ga_store_list_history (other, imported, &error);
  g_assert_cmpuint (history->len, ==, 4);
  /* Undo and redo go on where they stopped. */
  g_assert_true (ga_store_redo (other, imported, NULL, &error));
  assert_answer (other, imported, "B1", "\"yes\"");
  evidence = ga_store_list_evidence (other, imported, NULL, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  {
    g_autoptr(GBytes) got = ga_store_get_evidence_bytes (other,
                                                         ((GaEvidence *) evidence->pdata[0])->id,
                                                         &error);
    g_assert_true (g_bytes_equal (got, pdf));
  }

  /* The same package again: refused, nothing changes. */
  before = dump_handle (odb);
  g_assert_cmpint (ga_store_import_package (other, pkg, 0, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already in this database"));
  g_assert_nonnull (strstr (error->message, "as a copy"));
  g_clear_error (&error);
  after = dump_handle (odb);
  g_assert_cmpstr (before, ==, after);

  /* As a copy: a new UUID, the same content, evidence bytes shared. */
  copy = ga_store_import_package (other, pkg, GA_PACKAGE_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, !=, imported);
  g_clear_pointer (&dst, ga_assessment_free);
  dst = ga_store_get_assessment (other, copy, &error);
  g_assert_cmpstr (dst->uuid, !=, src->uuid);
  g_assert_true (g_str_has_suffix (dst->title, "(copy)"));
  assert_answer (other, copy, "E1", "2");
  g_assert_cmpint (ga_test_query_int (odb, "SELECT count(*) FROM blobs"), ==, 1);
  g_assert_cmpint (ga_test_query_int (odb, "SELECT count(*) FROM templates"), ==, 1);

  /* A tampered package is refused whole. */
  {
    sqlite3 *p = NULL;

    g_assert_cmpint (sqlite3_open (pkg, &p), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (p, "UPDATE blobs SET data = x'01'", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (p);
    g_free (before);
    before = dump_handle (odb);
    g_assert_cmpint (ga_store_import_package (other, pkg, GA_PACKAGE_IMPORT_AS_COPY, &error), ==, 0);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, pkg));
    g_clear_error (&error);
    g_free (after);
    after = dump_handle (odb);
    g_assert_cmpstr (before, ==, after);
  }

  g_assert_cmpint (ga_store_import_package (other, "/nonexistent.gapkg", 0, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
}

static void
test_version_compare (void)
{
  g_assert_cmpint (ga_template_version_compare ("1.0.0", "1.0.0"), ==, 0);
  g_assert_cmpint (ga_template_version_compare ("1.10.0", "1.9.2"), >, 0);
  g_assert_cmpint (ga_template_version_compare ("1.0", "1.0.1"), <, 0);
  g_assert_cmpint (ga_template_version_compare ("2", "10"), <, 0);
  g_assert_cmpint (ga_template_version_compare ("1.0.1", "1.0.beta"), >, 0);
  g_assert_cmpint (ga_template_version_compare ("2025-1", "2025-2"), <, 0);
}

/* ------------------------------------------------------------------ */
/* Crash safety                                                        */

/* The child: saves answer c<k> = k for k = start, start+1, … and writes
 * "k\n" to @ack_path after each save has returned, until it is killed. */
static int
crash_child (const char *db_path,
             const char *ack_path,
             const char *start_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (db_path, &error);
  gint64 start = g_ascii_strtoll (start_text, NULL, 10);
  int fd;

  if (store == NULL)
    {
      fprintf (stderr, "crash child: %s\n", error->message);
      return 3;
    }
  fd = open (ack_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
  if (fd < 0)
    return 4;
  /* Bounded, in case the parent never kills it. */
  for (gint64 k = start; k < start + 20000; k++)
    {
      char item[32], value[32], ack[32];
      int n;

      g_snprintf (item, sizeof item, "c%" G_GINT64_FORMAT, k);
      g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, k);
      if (!ga_store_save_answer (store, 1, item, value, &error))
        {
          fprintf (stderr, "crash child: %s\n", error->message);
          return 5;
        }
      n = g_snprintf (ack, sizeof ack, "%" G_GINT64_FORMAT "\n", k);
      if (write (fd, ack, n) != n)
        return 6;
    }
  close (fd);
  return 0;
}

static guint
count_lines (const char *path)
{
  g_autofree char *data = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return 0;
  for (const char *p = data; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *ack = g_build_filename (dir, "acks", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GArray) acked = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 next = 1;
  guint kills = 0, mid_save = 0;
  gint64 started = g_get_monotonic_time ();

  g_assert_no_error (error);
  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  add_assessment (store, add_enterprise (store, "Crash", VALID_CODE), 2025);
  g_clear_object (&store);

  for (int round = 0; round < 50; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, next);
      g_autofree char *acks = NULL;
      g_auto(GStrv) lines = NULL;
      guint before = count_lines (ack);
      guint want = g_test_rand_int_range (1, 40);
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      gint64 last = 0;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, "--crash-child", path, ack,
                                start, NULL);
      g_assert_no_error (error);

      /* Let it get going, then kill it at a random moment: after a random
       * number of acknowledged saves plus a random fraction of one. */
      while (count_lines (ack) < before + want && g_get_monotonic_time () < deadline
             && g_subprocess_get_identifier (child) != NULL)
        g_usleep (200);
      g_usleep (g_test_rand_int_range (0, 400));
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_if_signaled (child))
        kills++;
      else
        g_error ("the crash child ended by itself (status %d) instead of being killed",
                 g_subprocess_get_status (child));

      g_assert_true (g_file_get_contents (ack, &acks, NULL, NULL));
      lines = g_strsplit (acks, "\n", -1);
      for (guint i = before; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          gint64 k = g_ascii_strtoll (lines[i], NULL, 10);

          g_array_append_val (acked, k);
          last = k;
        }
      /* The save in flight when the child died may or may not have
       * committed; skip its number so that each number has one meaning. */
      next = MAX (next, last + 2);

      /* After every kill: the database opens (WAL recovery), is intact,
       * and holds every acknowledged answer. */
      store = ga_store_open (path, &error);
      g_assert_no_error (error);
      {
        sqlite3 *db = ga_store_get_handle (store);
        g_autofree char *ok = ga_test_query_text (db, "PRAGMA integrity_check");
        g_autoptr(GHashTable) answers = ga_store_load_answers (store, 1, &error);
        gint64 in_flight;

        g_assert_cmpstr (ok, ==, "ok");
        for (guint i = 0; i < acked->len; i++)
          {
            gint64 k = g_array_index (acked, gint64, i);
            g_autofree char *item = g_strdup_printf ("c%" G_GINT64_FORMAT, k);
            g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, k);

            g_assert_cmpstr (g_hash_table_lookup (answers, item), ==, value);
          }
        /* Each answer arrived with its history row, or neither did. */
        g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==,
                         ga_test_query_int (db, "SELECT count(*) FROM history"));
        /* Saves that committed without being acknowledged: at most the
         * one in flight at each kill. */
        in_flight = (gint64) g_hash_table_size (answers) - (gint64) acked->len;
        g_assert_cmpint (in_flight, >=, 0);
        g_assert_cmpint (in_flight, <=, round + 1);
        mid_save = (guint) in_flight;
      }
      g_clear_object (&store);
    }

  g_test_message ("%u kills, %u acknowledged saves, %u saves committed but not yet "
                  "acknowledged when killed, %.1f s", kills, acked->len, mid_save,
                  (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (kills, ==, 50);
  g_assert_cmpuint (acked->len, >=, 50);
  ga_test_rm_rf (dir);
}


/* ------------------------------------------------------------------ */
/* With templates and the engine                                       */

/* Three items of 10 points. With B1 = yes (10), E1 = 0.85 (half-way from
 * the baseline 0.80 to the leading value 0.90: 5 of 10) and Y1 = yes (10)
 * the score is 25 of 30. */
static const char template_v1[] =
  "{\"format\": 1, \"id\": \"store-test\", \"version\": \"1.0.0\", \"kind\": \"green-factory\","
  " \"title\": {\"zh_CN\": \"存储测试模板\", \"en\": \"Store test template\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"tests/test-store.c\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 30},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"B1\", \"kind\": \"compliance\", \"title\": \"B1\", \"points\": 10, \"source\": \"t\"},"
  "  {\"id\": \"E1\", \"kind\": \"number\", \"title\": \"E1\", \"points\": 10, \"min\": 0, \"max\": 1,"
  "   \"source\": \"t\", \"score\": {\"interp\": {\"baseline\": 0.8, \"leading\": 0.9}}},"
  "  {\"id\": \"Y1\", \"kind\": \"yesno\", \"title\": \"Y1\", \"points\": 10, \"source\": \"t\"}"
  " ]}]}";

/* Version 1.1.0: Y1 is worth 5, the maximum 25; the same answers give 20. */
static const char template_v2[] =
  "{\"format\": 1, \"id\": \"store-test\", \"version\": \"1.1.0\", \"kind\": \"green-factory\","
  " \"title\": {\"zh_CN\": \"存储测试模板\", \"en\": \"Store test template\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"tests/test-store.c\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 25},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"B1\", \"kind\": \"compliance\", \"title\": \"B1\", \"points\": 10, \"source\": \"t\"},"
  "  {\"id\": \"E1\", \"kind\": \"number\", \"title\": \"E1\", \"points\": 10, \"min\": 0, \"max\": 1,"
  "   \"source\": \"t\", \"score\": {\"interp\": {\"baseline\": 0.8, \"leading\": 0.9}}},"
  "  {\"id\": \"Y1\", \"kind\": \"yesno\", \"title\": \"Y1\", \"points\": 5, \"source\": \"t\"}"
  " ]}]}";

static void
answer_three (GaStore *store,
              gint64   id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_set_answer_text (store, id, "B1", "符合", &error));
  g_assert_no_error (error);
  g_assert_true (ga_store_set_answer_text (store, id, "E1", "0.85", &error));
  g_assert_no_error (error);
  g_assert_true (ga_store_set_answer_text (store, id, "Y1", "yes", &error));
  g_assert_no_error (error);
}

static void
assert_score (GaStore *store,
              gint64   id,
              double   score,
              double   max)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEngine) engine = ga_store_load_engine (store, id, &error);
  const GaSummary *summary;

  g_assert_no_error (error);
  summary = ga_engine_get_summary (engine);
  g_assert_cmpfloat_with_epsilon (summary->score, score, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary->max, max, 1e-9);
}

static void
test_engine_templates (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) v1 = NULL;
  g_autoptr(GaTemplate) v2 = NULL;
  g_autoptr(GaTemplate) latest = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 e = add_enterprise (f->store, "A", VALID_CODE);
  gint64 old_id, new_id;
  sqlite3 *db = ga_store_get_handle (f->store);

  v1 = ga_store_import_template (f->store, template_v1, -1, "v1.json", &error);
  g_assert_no_error (error);
  old_id = ga_store_new_assessment (f->store, e, v1, NULL, 2025, NULL, &error);
  g_assert_no_error (error);
  a = ga_store_get_assessment (f->store, old_id, &error);
  g_assert_cmpstr (a->title, ==, "存储测试模板 2025");
  g_assert_cmpstr (a->template_hash, ==, ga_template_get_content_hash (v1));
  answer_three (f->store, old_id);
  assert_answer (f->store, old_id, "B1", "\"yes\"");
  assert_score (f->store, old_id, 25, 30);

  /* Answers are checked against the pinned template and refused whole. */
  before = dump_handle (db);
  g_assert_false (ga_store_set_answer_text (f->store, old_id, "E1", "1.5", &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_set_answer_text (f->store, old_id, "E1", "abc", &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_set_answer_text (f->store, old_id, "Q9", "1", &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_UNKNOWN_ITEM);
  g_clear_error (&error);
  /* A broken template is refused with the loader's list of problems. */
  g_assert_null (ga_store_import_template (f->store, "{\"format\": 1}", -1, "bad.json", &error));
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ga_store_import_template (f->store, "{not json", -1, "bad.json", &error));
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON);
  g_clear_error (&error);
  after = dump_handle (db);
  g_assert_cmpstr (before, ==, after);

  /* A second version: offered as the latest; the old assessment keeps its
   * copy and its score. */
  v2 = ga_store_import_template (f->store, template_v2, -1, "v2.json", &error);
  g_assert_no_error (error);
  list = ga_store_list_templates (f->store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((GaTemplateInfo *) list->pdata[0])->version, ==, "1.1.0");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ga_store_list_template_versions (f->store, "store-test", &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((GaTemplateInfo *) list->pdata[1])->version, ==, "1.0.0");

  latest = ga_store_load_imported_template (f->store, "store-test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ga_template_get_version (latest), ==, "1.1.0");
  new_id = ga_store_new_assessment (f->store, e, latest, "new", 2025, NULL, &error);
  g_assert_no_error (error);
  answer_three (f->store, new_id);
  assert_score (f->store, new_id, 20, 25);
  assert_score (f->store, old_id, 25, 30);

  /* Importing the same file again changes nothing; the same version with
   * other content is refused. */
  g_clear_pointer (&v1, ga_template_unref);
  v1 = ga_store_import_template (f->store, template_v1, -1, "v1.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM templates"), ==, 2);
  {
    g_autofree char *changed = g_strdup (template_v2);
    char *p = strstr (changed, "\"points\": 5");

    p[10] = '6';
    p = strstr (changed, "\"max\": 25");
    p[8] = '6';
    g_assert_null (ga_store_import_template (f->store, changed, -1, "v2b.json", &error));
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, "higher \"version\""));
  }
}

static void
test_engine_demo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) demo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) bundled = ga_template_list_bundled ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean kinds[GA_TEMPLATE_KIND_N_KINDS] = { FALSE, };
  guint n_kinds = 0;

  /* One assessment per kind a factory files: not the custom examples, not
   * the park (an enterprise of its own). */
  for (guint i = 0; bundled[i] != NULL; i++)
    {
      g_autoptr(GaTemplate) t = ga_template_new_from_resource (bundled[i], &error);
      GaTemplateKind kind;

      g_assert_no_error (error);
      kind = ga_template_get_kind (t);
      if (kind != GA_TEMPLATE_KIND_CUSTOM && kind != GA_TEMPLATE_KIND_GREEN_PARK)
        kinds[kind] = TRUE;
    }
  for (guint k = 0; k < GA_TEMPLATE_KIND_N_KINDS; k++)
    n_kinds += kinds[k] ? 1 : 0;

  g_assert_true (ga_store_create_demo (f->store, &error));
  g_assert_no_error (error);

  demo = ga_store_find_enterprise (f->store, GA_STORE_DEMO_CREDIT_CODE, &error);
  g_assert_nonnull (demo);
  g_assert_true (demo->demo);
  g_assert_nonnull (strstr (demo->name, "示例企业"));
  g_assert_true (ga_credit_code_validate (demo->credit_code, NULL));

  list = ga_store_list_assessments (f->store, demo->id, &error);
  g_assert_cmpuint (list->len, ==, n_kinds);
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);
      g_autoptr(GaEngine) engine = ga_store_load_engine (f->store, a->id, &error);
      const GaSummary *s;

      /* Every stored answer fits its template, and the assessment is
       * partly filled: some answers, not all. */
      g_assert_no_error (error);
      s = ga_engine_get_summary (engine);
      g_test_message ("demo %s: %u of %u answered, score %g of %g", a->template_id,
                      s->answered, s->total, s->score, s->max);
      g_assert_cmpuint (a->n_answers, >, 0);
      g_assert_cmpuint (s->answered, >, 0);
      g_assert_cmpuint (s->answered, <, s->total);
      g_assert_cmpint (a->year, ==, 2025);
    }

  /* Asking again changes nothing. */
  before = dump_handle (ga_store_get_handle (f->store));
  g_assert_true (ga_store_create_demo (f->store, &error));
  after = dump_handle (ga_store_get_handle (f->store));
  g_assert_cmpstr (before, ==, after);
}

/* Runs greenassess-cli with @args (in the folder @cwd, NULL: this one)
 * and returns its exit status; *out and *err receive what it printed. */
static int
run_cli_argv_in (const char  *cwd,
                 char       **out,
                 char       **err,
                 GPtrArray   *args)
{
  g_autofree char *cli = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *o = NULL, *e = NULL;

  g_ptr_array_add (argv, cli);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &o, &e, &error));
  g_assert_no_error (error);
  g_test_message ("greenassess-cli %s … → %d\n%s%s",
                  args->len > 0 ? (char *) g_ptr_array_index (args, 0) : "",
                  g_subprocess_get_exit_status (proc), o, e);
  if (out != NULL)
    *out = o;
  else
    g_free (o);
  if (err != NULL)
    *err = e;
  else
    g_free (e);
  return g_subprocess_get_exit_status (proc);
}

static int
run_cli_argv (char       **out,
              char       **err,
              GPtrArray   *args)
{
  return run_cli_argv_in (NULL, out, err, args);
}

/* The same with the arguments given as a NULL-terminated list. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  return run_cli_argv (out, err, args);
}

/* Runs greenassess-cli, asserts its exit status and returns what it
 * printed, stdout then stderr. */
static char *
cli (int         status,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_assert_cmpint (run_cli_argv (&out, &err, args), ==, status);
  return g_strconcat (out, err, NULL);
}

/* A database with enterprise 1 (VALID_CODE) and assessment 1 on
 * template_cli, in @dir. */
static char *
cli_setup (const char *dir)
{
  g_autofree char *tmpl = g_build_filename (dir, "cli-store.json", NULL);
  char *db = g_build_filename (dir, "cli.db", NULL);

  g_assert_true (g_file_set_contents (tmpl, template_cli, -1, NULL));
  g_free (cli (0, "db", "init", "--db", db, NULL));
  g_free (cli (0, "enterprise", "add", "--name", "福州绿色机械", "--code", VALID_CODE, "--db", db,
               NULL));
  g_free (cli (0, "assessment", "new", "--enterprise", "1", "--template", tmpl, "--db", db,
               NULL));
  return db;
}

static gboolean
cli_available (void)
{
  g_autofree char *path = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  g_autofree char *help = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE)
      || run_cli (NULL, &help, "db", "--help", NULL) != 0)
    {
      g_test_skip ("greenassess-cli with the store commands is not built");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli (void)
{
  g_autofree char *cli = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *other = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pkg = NULL;
  g_autofree char *help = NULL;
  char *out = NULL, *err = NULL;

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE)
      || run_cli (NULL, &help, "db", "--help", NULL) != 0)
    {
      g_free (help);
      g_test_skip ("greenassess-cli with the store commands is not built");
      return;
    }

  dir = g_dir_make_tmp (NULL, NULL);
  db = g_build_filename (dir, "cli.db", NULL);
  other = g_build_filename (dir, "other.db", NULL);
  tmpl = g_build_filename (dir, "store-test.json", NULL);
  pdf = g_build_filename (dir, "licence.pdf", NULL);
  pkg = g_build_filename (dir, "a.gapkg", NULL);
  g_assert_true (g_file_set_contents (tmpl, template_v1, -1, NULL));
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n%%EOF\n", -1, NULL));

  /* Usage errors: 2. */
  g_assert_cmpint (run_cli (NULL, NULL, "db", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "db", "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "enterprise", "add", "--name", "X", "--db", db, NULL), ==, 2);
  /* No database yet: 1, and the message says how to make one. */
  g_assert_cmpint (run_cli (NULL, &err, "enterprise", "list", "--db", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "db init"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, NULL, "db", "init", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "schema version"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (NULL, &err, "enterprise", "add", "--name", "福州绿色机械", "--code",
                            "91350100M000100Y4X", "--db", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "the check character should be 3, not X"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "enterprise", "add", "--name", "福州绿色机械", "--code",
                            VALID_CODE, "--industry", "C34", "--employees", "250", "--db", db,
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "enterprise", "list", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "福建省"));
  g_clear_pointer (&out, g_free);

  /* A template file is imported (validated) and the assessment pinned to it. */
  g_assert_cmpint (run_cli (&out, NULL, "assessment", "new", "--enterprise", VALID_CODE,
                            "--template", tmpl, "--year", "2025", "--db", db, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1 "));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, NULL, "answer", "set", "1", "B1", "符合", "--db", db, NULL), ==, 0);
  /* As typed, not as JSON (review item 30). */
  g_assert_cmpstr (out, ==, "B1 = yes\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, "answer", "set", "1", "E1", "0.85", "--db", db, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "answer", "set", "1", "Y1", "yes", "--db", db, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, &err, "answer", "set", "1", "E1", "1.5", "--db", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "E1"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, "answer", "set", "1", "Q9", "1", "--db", db, NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, "answer", "set", "7", "B1", "yes", "--db", db, NULL), ==, 1);

  /* 25 of 30, as in /ga/store/engine/templates-versions-evaluate. */
  g_assert_cmpint (run_cli (&out, NULL, "assessment", "evaluate", "1", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "25 / 30"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (NULL, &err, "evidence", "add", "1", "B1", pdf, "--max-size", "10",
                            "--db", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "more than the"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, "evidence", "add", "1", "B1", pdf, "--db", db, NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, NULL, "evidence", "list", "1", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "application/pdf"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (NULL, NULL, "assessment", "undo", "1", "--db", db, NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, NULL, "assessment", "history", "1", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "undo"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, "assessment", "finalize", "1", "--db", db, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, &err, "answer", "set", "1", "Y1", "no", "--db", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "final"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (NULL, NULL, "package", "export", "1", pkg, "--db", db, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "package", "import", pkg, "--db", other, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, &err, "package", "import", pkg, "--db", other, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "as a copy"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, "package", "import", pkg, "--as-copy", "--db", other, NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (&out, NULL, "assessment", "list", "--db", other, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "(copy)"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, NULL, "db", "check", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "ok"));
  g_clear_pointer (&out, g_free);
  {
    g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);

    g_assert_cmpint (run_cli (NULL, NULL, "db", "backup", copy, "--db", db, NULL), ==, 0);
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }
  ga_test_rm_rf (dir);
}

#define has(text, part) g_assert_nonnull (strstr ((text), (part)))
#define lacks(text, part) g_assert_null (strstr ((text), (part)))

/* Typed answers (review items 4/13, 9, 30, 31, 32). */
static void
test_cli_values (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  char *o;

  if (!cli_available ())
    return;
  dir = g_dir_make_tmp (NULL, NULL);
  db = cli_setup (dir);

  /* A negative number is a value, not an option, with or without "--",
   * which itself never stays among the arguments. */
  o = cli (0, "answer", "set", "1", "N1", "-1", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "N1 = -1\n");
  g_free (o);
  o = cli (0, "answer", "set", "1", "N1", "--db", db, "--", "-2.5", NULL);
  g_assert_cmpstr (o, ==, "N1 = -2.5\n");
  g_free (o);
  o = cli (0, "answer", "set", "--db", db, "1", "N1", "-1e1", NULL);
  g_assert_cmpstr (o, ==, "N1 = -10\n");
  g_free (o);
  /* Not a number: an unknown option, with the way out named. */
  o = cli (2, "answer", "set", "1", "T1", "-x", "--db", db, NULL);
  has (o, "Unknown option -x");
  has (o, "put -- before it");
  g_free (o);
  o = cli (0, "answer", "set", "1", "T1", "--db", db, "--", "-x", NULL);
  g_assert_cmpstr (o, ==, "T1 = \"-x\"\n");
  g_free (o);
  /* After "--" even an option's name is a value: here one too many. */
  o = cli (2, "answer", "set", "--db", db, "1", "T1", "--", "x", "--note", NULL);
  has (o, "unexpected argument '--note'");
  g_free (o);

  /* Shown as typed: 70, not 70.0, in the echo, the list and the history. */
  o = cli (0, "answer", "set", "1", "E1", "70", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 70\n");
  g_free (o);
  o = cli (0, "answer", "list", "1", "--db", db, NULL);
  has (o, "E1 = 70\n");
  lacks (o, "70.0");
  g_free (o);
  o = cli (0, "answer", "set", "1", "E1", "85.5", "--note", "meter 3", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 85.5  (note: meter 3)\n");
  g_free (o);
  o = cli (0, "assessment", "history", "1", "--db", db, NULL);
  has (o, "E1: - -> 70\n");
  has (o, "E1: 70 -> 85.5  (note: meter 3)\n");
  lacks (o, ".0 ");
  g_free (o);
  o = cli (0, "assessment", "undo", "1", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 70\n");
  g_free (o);
  /* --json keeps the stored form for scripts. */
  o = cli (0, "answer", "list", "1", "--json", "--db", db, NULL);
  has (o, "N1 = -10");
  has (o, "T1 = \"-x\"");
  g_free (o);

  /* na, n/a, 不适用 (with a reason) are N/A for a text item too; text:
   * keeps the letters. */
  o = cli (0, "answer", "set", "1", "T1", "na", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "T1 = N/A\n");
  g_free (o);
  o = cli (0, "answer", "set", "1", "T1", "不适用：无此工序", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "T1 = N/A: 无此工序\n");
  g_free (o);
  o = cli (0, "answer", "set", "1", "T1", "N/A", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "T1 = N/A\n");
  g_free (o);
  o = cli (0, "answer", "set", "1", "T1", "text:na", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "T1 = \"na\"\n");
  g_free (o);
  o = cli (0, "answer", "set", "1", "N1", "na:not measured", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "N1 = N/A: not measured\n");
  g_free (o);
  o = cli (1, "answer", "set", "1", "N1", "text:5", "--db", db, NULL);
  has (o, "literal text of a text item");
  g_free (o);

  /* Decimal only: 0x10 is not 16, inf is not a number. */
  o = cli (1, "answer", "set", "1", "E1", "0x10", "--db", db, NULL);
  has (o, "'0x10' is not a number");
  g_free (o);
  o = cli (1, "answer", "set", "1", "E1", "inf", "--db", db, NULL);
  has (o, "'inf' is not a number");
  g_free (o);
  o = cli (1, "answer", "set", "1", "E1", "--db", db, "--", "-0x1p3", NULL);
  g_free (o);
  o = cli (0, "answer", "list", "1", "--db", db, NULL);
  has (o, "E1 = 70\n");
  g_free (o);

  /* Clearing: an unknown id or an output is an error, not a silent 0. */
  o = cli (1, "answer", "clear", "1", "ZZ", "--db", db, NULL);
  has (o, "assessment 1 has no item 'ZZ'");
  g_free (o);
  o = cli (1, "answer", "clear", "1", "O1", "--db", db, NULL);
  has (o, "'O1' is an output, it cannot be answered");
  g_free (o);
  o = cli (1, "answer", "set", "1", "O1", "5", "--db", db, NULL);
  has (o, "'O1' is an output, it cannot be answered");
  g_free (o);
  o = cli (0, "answer", "clear", "1", "E1", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 cleared (was 70)\n");
  g_free (o);
  o = cli (0, "answer", "clear", "1", "E1", "--db", db, NULL);
  has (o, "E1 has no answer");
  g_free (o);

  ga_test_rm_rf (dir);
}

/* answer set, clear, undo and redo go through the application's session:
 * the note is kept as the application keeps it, a final assessment refuses
 * even an unchanged answer, and the model's messages are shown as they
 * are, in the user's language. */
static void
test_cli_session (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  char *o;

  if (!cli_available ())
    return;
  dir = g_dir_make_tmp (NULL, NULL);
  db = cli_setup (dir);

  o = cli (0, "answer", "set", "1", "E1", "70", "--note", "meter 3", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 70  (note: meter 3)\n");
  g_free (o);
  /* A new value keeps the note; --note '' removes it. */
  o = cli (0, "answer", "set", "1", "E1", "85", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 85  (note: meter 3)\n");
  g_free (o);
  o = cli (0, "answer", "set", "1", "E1", "85", "--note", "", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 85\n");
  g_free (o);
  o = cli (0, "assessment", "undo", "1", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 85  (note: meter 3)\n");
  g_free (o);
  o = cli (0, "assessment", "redo", "1", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 85\n");
  g_free (o);
  /* The same value again is no change: nothing is added to the history. */
  o = cli (0, "answer", "set", "1", "E1", "85", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 85\n");
  g_free (o);
  o = cli (0, "assessment", "history", "1", "--db", db, NULL);
  has (o, "E1: 85  (note: meter 3) -> 85\n");
  lacks (o, "E1: 85 -> 85\n");
  {
    g_auto(GStrv) lines = g_strsplit (o, "\n", -1);

    /* Three edits, an undo and a redo; the last line is empty. */
    g_assert_cmpuint (g_strv_length (lines), ==, 6);
  }
  g_free (o);

  /* The model's messages, as they are: they name the item and say how. */
  o = cli (1, "answer", "set", "1", "E1", "150", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "item 'E1': 150 is out of bounds; enter a number from 0 to 100\n");
  g_free (o);
  o = cli (1, "answer", "set", "1", "E1", "12,5", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "item 'E1': '12,5' is not a number; write it in decimal with a dot for "
                   "decimals, like 12.5 or -3\n");
  g_free (o);
  o = cli (1, "answer", "set", "1", "B1", "maybe", "--db", db, NULL);
  has (o, "item 'B1': 'maybe' is not an answer to a compliance check; enter yes (符合)");
  g_free (o);

  /* A final assessment refuses an unchanged answer too, as it refuses a
   * new one (exit 1, the store's reason). */
  g_free (cli (0, "assessment", "finalize", "1", "--db", db, NULL));
  o = cli (1, "answer", "set", "1", "E1", "85", "--db", db, NULL);
  has (o, "final and cannot be changed; reopen it first");
  g_free (o);
  o = cli (1, "answer", "set", "1", "E1", "90", "--db", db, NULL);
  has (o, "final and cannot be changed; reopen it first");
  g_free (o);
  o = cli (1, "answer", "clear", "1", "E1", "--db", db, NULL);
  has (o, "final and cannot be changed; reopen it first");
  g_free (o);
  o = cli (1, "assessment", "undo", "1", "--db", db, NULL);
  has (o, "final");
  g_free (o);
  g_free (cli (0, "assessment", "reopen", "1", "--db", db, NULL));
  o = cli (0, "answer", "list", "1", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "E1 = 85\n");
  g_free (o);

  ga_test_rm_rf (dir);
}

/* Option values and what commands say (items 5, 22, 26, 45, 46, 48, 49). */
static void
test_cli_options (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *missing = NULL;
  char *o;

  if (!cli_available ())
    return;
  dir = g_dir_make_tmp (NULL, NULL);
  db = cli_setup (dir);
  pdf = g_build_filename (dir, "licence.pdf", NULL);
  missing = g_build_filename (dir, "missing.pdf", NULL);
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n%%EOF\n", -1, NULL));

  /* --max-size: a negative size does not lift the limit (it used to wrap
   * to 2^64 - 1); zero, junk and too much are refused, as bad values:
   * exit 1. */
  o = cli (1, "evidence", "add", "1", "B1", pdf, "--max-size", "-1", "--db", db, NULL);
  has (o, "--max-size: '-1' is not a size");
  g_free (o);
  o = cli (1, "evidence", "add", "1", "B1", pdf, "--max-size", "0", "--db", db, NULL);
  has (o, "above 0");
  g_free (o);
  o = cli (1, "evidence", "add", "1", "B1", pdf, "--max-size", "10x", "--db", db, NULL);
  g_free (o);
  o = cli (1, "evidence", "add", "1", "B1", pdf, "--max-size", "2G", "--db", db, NULL);
  has (o, "900000000");
  g_free (o);
  /* 10 bytes is less than the 15-byte file. */
  o = cli (1, "evidence", "add", "1", "B1", pdf, "--max-size", "10", "--db", db, NULL);
  has (o, "more than the");
  g_free (o);
  o = cli (0, "evidence", "add", "1", "B1", pdf, "--max-size", "1K", "--db", db, NULL);
  g_assert_cmpstr (o, ==, "1\n");
  g_free (o);

  /* Bad values of options: 1; unknown options and missing arguments: 2. */
  o = cli (1, "enterprise", "add", "--name", "X", "--code", VALID_CODE_2, "--employees", "12.5",
           "--db", db, NULL);
  has (o, "--employees: '12.5'");
  g_free (o);
  o = cli (1, "enterprise", "add", "--name", "X", "--code", VALID_CODE_2, "--employees", "-5",
           "--db", db, NULL);
  has (o, "--employees: '-5'");
  g_free (o);
  o = cli (1, "assessment", "new", "--enterprise", "1", "--template", "x", "--year", "abc",
           "--db", db, NULL);
  has (o, "--year");
  g_free (o);
  g_free (cli (2, "enterprise", "add", "--frob", "--db", db, NULL));
  g_free (cli (2, "enterprise", "add", "--name", NULL));

  /* A missing file is named once. */
  o = cli (1, "evidence", "add", "1", "B1", missing, "--db", db, NULL);
  has (o, "does not exist");
  g_assert_true (strstr (o, missing) == g_strrstr (o, missing));
  g_free (o);

  /* Every bad field at once. */
  o = cli (1, "enterprise", "add", "--name", "Y", "--code", "91350100M000100Y4X", "--phone",
           "abc", "--email", "foo", "--output-value", "0x10", "--db", db, NULL);
  has (o, "check character");
  has (o, "contact phone");
  has (o, "e-mail");
  has (o, "--output-value: '0x10'");
  g_free (o);

  /* The region follows the credit code: by default when adding, and when
   * a new code from another province is given (广东 → 江苏). */
  o = cli (0, "enterprise", "add", "--name", "深圳工厂", "--code", "91440300MA5DC1QX1F", "--db", db,
           NULL);
  g_assert_cmpstr (o, ==, "2\n");
  g_free (o);
  o = cli (0, "enterprise", "show", "2", "--db", db, NULL);
  has (o, "440000 广东省");
  g_free (o);
  o = cli (0, "enterprise", "edit", "2", "--code", "91320100MA1MXXXX1C", "--db", db, NULL);
  has (o, "region changed from 广东省 to 江苏省");
  g_free (o);
  o = cli (0, "enterprise", "show", "2", "--db", db, NULL);
  has (o, "320000 江苏省");
  g_free (o);
  /* An explicit --region wins, with a note. */
  o = cli (0, "enterprise", "edit", "2", "--code", "91440300MA5DC1QX1F", "--region", "江苏",
           "--db", db, NULL);
  has (o, "registered in 广东省, not in 江苏省");
  g_free (o);
  o = cli (0, "enterprise", "show", "2", "--db", db, NULL);
  has (o, "320000 江苏省");
  g_free (o);

  /* The list names the enterprise, not only its id. */
  o = cli (0, "assessment", "list", "--db", db, NULL);
  has (o, "1 福州绿色机械");
  g_free (o);

  /* Twice final, twice a draft: said, exit 0. */
  o = cli (0, "assessment", "finalize", "1", "--db", db, NULL);
  has (o, "assessment 1 is final now");
  g_free (o);
  o = cli (0, "assessment", "finalize", "1", "--db", db, NULL);
  has (o, "assessment 1 is already final");
  g_free (o);
  o = cli (0, "assessment", "reopen", "1", "--db", db, NULL);
  has (o, "assessment 1 is a draft again");
  g_free (o);
  o = cli (0, "assessment", "reopen", "1", "--db", db, NULL);
  has (o, "assessment 1 is already a draft");
  g_free (o);

  ga_test_rm_rf (dir);
}

/* Files the commands write or read (items 2, 19, 20, 21, 29). */
static void
test_cli_files (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *victim = NULL;
  g_autofree char *picture = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *pkg = NULL;
  g_autofree char *other = NULL;
  g_autofree char *nowhere = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *got = NULL;
  g_autofree char *victim_hash = NULL;
  g_autofree char *hash = NULL;
  char *o;

  if (!cli_available ())
    return;
  dir = g_dir_make_tmp (NULL, NULL);
  db = cli_setup (dir);
  pdf = g_build_filename (dir, "licence.pdf", NULL);
  notes = g_build_filename (dir, "notes.txt", NULL);
  victim = g_build_filename (dir, "victim.db", NULL);
  picture = g_build_filename (dir, "ev.png", NULL);
  backup = g_build_filename (dir, "backup.db", NULL);
  pkg = g_build_filename (dir, "a.gapkg", NULL);
  other = g_build_filename (dir, "other.db", NULL);
  nowhere = g_build_filename (dir, "nonexist", "o.txt", NULL);
  wal = g_strconcat (db, "-wal", NULL);
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n%%EOF\n", -1, NULL));
  g_assert_true (g_file_set_contents (notes, "my notes", -1, NULL));
  g_assert_true (g_file_set_contents (picture, "a picture", -1, NULL));
  g_free (cli (0, "db", "init", "--db", victim, NULL));
  victim_hash = ga_test_file_sha256 (victim);
  g_free (cli (0, "evidence", "add", "1", "B1", pdf, "--db", db, NULL));

  /* db backup: an existing file is kept unless --force; the database
   * itself (or its WAL) never, even with --force. */
  o = cli (1, "db", "backup", notes, "--db", db, NULL);
  has (o, "already exists");
  has (o, "--force");
  g_free (o);
  g_assert_true (g_file_get_contents (notes, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, "my notes");
  g_clear_pointer (&got, g_free);
  o = cli (1, "db", "backup", db, "--db", db, NULL);
  has (o, "is the database being read");
  g_free (o);
  g_free (cli (1, "db", "backup", db, "--force", "--db", db, NULL));
  g_free (cli (1, "db", "backup", wal, "-f", "--db", db, NULL));
  g_free (cli (0, "db", "backup", backup, "--db", db, NULL));
  g_free (cli (1, "db", "backup", backup, "--db", db, NULL));
  g_free (cli (0, "db", "backup", backup, "--force", "--db", db, NULL));

  /* package export does not replace another database. */
  o = cli (1, "package", "export", "1", victim, "--db", db, NULL);
  has (o, "already exists");
  g_free (o);
  hash = ga_test_file_sha256 (victim);
  g_assert_cmpstr (hash, ==, victim_hash);
  g_free (cli (0, "package", "export", "1", pkg, "--db", db, NULL));

  /* evidence extract does not replace an unrelated file without --force. */
  g_free (cli (1, "evidence", "extract", "1", picture, "--db", db, NULL));
  g_assert_true (g_file_get_contents (picture, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, "a picture");
  g_clear_pointer (&got, g_free);
  g_free (cli (0, "evidence", "extract", "1", picture, "--force", "--db", db, NULL));
  g_assert_true (g_file_get_contents (picture, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, "%PDF-1.4\n%%EOF\n");
  g_clear_pointer (&got, g_free);
  g_free (cli (1, "evidence", "extract", "1", db, "--force", "--db", db, NULL));

  /* Messages name the user's path, not a temporary name or GLib's
   * functions, and say what to do. */
  o = cli (1, "evidence", "extract", "1", nowhere, "--db", db, NULL);
  has (o, nowhere);
  has (o, "does not exist");
  lacks (o, ".tmp");
  lacks (o, "g_rename");
  g_free (o);
  o = cli (1, "package", "export", "1", nowhere, "--db", db, NULL);
  has (o, nowhere);
  lacks (o, ".tmp");
  g_free (o);
  assert_no_temp_files (dir);

  /* Evidence in a package is held to the limit of attaching it, which
   * --max-size sets as for evidence add; the refusal names the package. */
  o = cli (1, "package", "import", pkg, "--max-size", "10", "--db", other, NULL);
  has (o, pkg);
  has (o, "“licence.pdf” is 15 bytes");
  has (o, "nothing was imported");
  lacks (o, "package.db");
  g_free (o);
  g_free (cli (1, "package", "import", pkg, "--max-size", "0", "--db", other, NULL));

  /* A duplicate import names the option that keeps both. */
  g_free (cli (0, "package", "import", pkg, "--db", other, NULL));
  o = cli (1, "package", "import", pkg, "--db", other, NULL);
  has (o, "--as-copy");
  g_free (o);

  /* db check names damaged evidence by id, name, assessment and item. */
  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "UPDATE blobs SET data = x'00'", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (handle);
  }
  o = cli (1, "db", "check", "--db", db, NULL);
  has (o, "evidence 1 “licence.pdf” (assessment 1 “");
  has (o, "item B1");
  g_free (o);

  /* db check reads an older database without migrating it; db migrate
   * does, after a backup. */
  {
    g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                                 "schema-v1.db", NULL);
    g_autofree char *old = g_build_filename (dir, "old.db", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (old, contents, len, NULL));
    before = ga_test_file_sha256 (old);
    o = cli (0, "db", "check", "--db", old, NULL);
    has (o, "schema version 1, will be upgraded to 7 when opened for writing");
    has (o, ": ok");
    g_free (o);
    after = ga_test_file_sha256 (old);
    g_assert_cmpstr (before, ==, after);
    o = cli (0, "db", "migrate", "--db", old, NULL);
    has (o, "migrated from schema version 1 to 7");
    has (o, ".bak");
    g_free (o);
    o = cli (0, "db", "migrate", "--db", old, NULL);
    has (o, "already at schema version 7");
    g_free (o);
    o = cli (0, "db", "--help", NULL);
    has (o, "db migrate");
    g_free (o);
  }

  ga_test_rm_rf (dir);
}

/* A package is an SQLite file anyone can write. SQLite's json_valid()
 * (the CHECK on answers) lets through 1500 levels of nesting and keys
 * given twice: the import reads every answer as a save would and refuses
 * the package, naming each item. The same rows written into a database
 * behind the store's back make loading the answers say which item holds
 * what, without recursing into it. */
static void
test_package_hostile_answers (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaStore) other = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autofree char *pkg = g_build_filename (f->dir, "hostile.gapkg", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *deep = nested_array (1500);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *o = NULL;
  gint64 e = add_enterprise (f->store, "Factory", VALID_CODE);
  gint64 id;
  sqlite3 *handles[2] = { NULL, NULL };

  tmpl = ga_store_import_template (f->store, template_cli, -1, "template_cli", &error);
  g_assert_no_error (error);
  id = ga_store_new_assessment (f->store, e, tmpl, NULL, 2025, NULL, &error);
  g_assert_no_error (error);
  save (f->store, id, "E1", "70");
  save (f->store, id, "T1", "\"ok\"");
  g_assert_true (ga_store_export_package (f->store, id, pkg, &error));
  g_assert_no_error (error);

  /* Someone edits the package, and the database: E1 nested 1500 levels,
   * T1 with "value" twice. */
  g_assert_cmpint (sqlite3_open (pkg, &handles[0]), ==, SQLITE_OK);
  handles[1] = ga_store_get_handle (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (handles); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handles[i],
                                           "UPDATE answers SET value = ?1 WHERE item_id = 'E1'",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, deep, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_exec (handles[i], "UPDATE answers SET value ="
                                     " '{\"value\": \"a\", \"value\": 1}' WHERE item_id = 'T1'",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (ga_test_query_int (handles[i], "SELECT count(*) FROM answers"
                                  " WHERE json_valid (value)"), ==, 2);
    }
  sqlite3_close_v2 (handles[0]);

  other = ga_store_open (other_path, &error);
  g_assert_no_error (error);
  before = dump_handle (ga_store_get_handle (other));
  g_assert_cmpint (ga_store_import_package (other, pkg, GA_PACKAGE_IMPORT_DEFAULT, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, pkg));
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  g_assert_nonnull (strstr (error->message, "The answer to E1 is not JSON: nested more than 200 "
                                            "levels"));
  g_assert_nonnull (strstr (error->message, "The answer to T1 is not JSON: "));
  g_assert_nonnull (strstr (error->message, "duplicate key \"value\""));
  g_clear_error (&error);
  after = dump_handle (ga_store_get_handle (other));
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&other);

  engine = ga_store_load_engine (f->store, id, &error);
  g_assert_null (engine);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "do not fit its template"));
  g_assert_nonnull (strstr (error->message, "\nThe answer to E1 is not JSON: nested more than "
                                            "200 levels"));
  g_assert_nonnull (strstr (error->message, "\nThe answer to T1 is not JSON: "));
  g_assert_nonnull (strstr (error->message, "duplicate key \"value\""));
  g_clear_error (&error);
  g_clear_object (&f->store);

  /* The command line says the same and exits with 1; listing the answers
   * shows the stored text as it is. */
  if (!cli_available ())
    return;
  o = cli (1, "assessment", "evaluate", "1", "--db", f->path, NULL);
  has (o, "nested more than 200 levels");
  has (o, "duplicate key");
  g_clear_pointer (&o, g_free);
  o = cli (0, "answer", "list", "1", "--db", f->path, NULL);
  has (o, "[[[[");
  has (o, "{\"value\": \"a\", \"value\": 1}");
}

/* answer set on a table item reads VALUE as JSON: 100 000 '[' is refused
 * with the depth message and exit status 1, and nothing is saved. */
static void
test_cli_deep_answer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *deep = NULL;
  GString *brackets;
  char *o;

  if (!cli_available ())
    return;
  dir = g_dir_make_tmp (NULL, NULL);
  db = g_build_filename (dir, "cli.db", NULL);
  g_free (cli (0, "db", "init", "--db", db, NULL));
  g_free (cli (0, "enterprise", "add", "--name", "福州绿色机械", "--code", VALID_CODE, "--db", db,
               NULL));
  g_free (cli (0, "assessment", "new", "--enterprise", "1", "--template",
               "energy-audit-gbt17166-2019", "--db", db, NULL));
  brackets = g_string_new (NULL);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (brackets, '[');
  deep = g_string_free (brackets, FALSE);

  o = cli (1, "answer", "set", "1", "energy", deep, "--db", db, NULL);
  has (o, "item 'energy': a table is answered with a JSON list of rows");
  has (o, "nested more than 200 levels");
  g_free (o);
  o = cli (0, "answer", "list", "1", "--db", db, NULL);
  lacks (o, "energy");
  g_free (o);
  ga_test_rm_rf (dir);
}

/* --template: an existing regular file is the template even when it is
 * named like a bundled id; a folder named like a bundled id is not, and
 * the bundled template is used; neither gives an error naming both. */
static void
test_cli_template_rule (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *plain_folder = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  char *out = NULL, *err = NULL;
  char *o;

  if (!cli_available ())
    return;
  dir = g_dir_make_tmp (NULL, NULL);
  db = g_build_filename (dir, "cli.db", NULL);
  file = g_build_filename (dir, "gbt36132-2025", NULL);
  folder = g_build_filename (dir, "gbt36132-2018", NULL);
  plain_folder = g_build_filename (dir, "my-templates", NULL);
  g_assert_true (g_file_set_contents (file, template_cli, -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (plain_folder, 0755), ==, 0);
  g_free (cli (0, "db", "init", "--db", db, NULL));
  g_free (cli (0, "enterprise", "add", "--name", "福州绿色机械", "--code", VALID_CODE, "--db", db,
               NULL));

  /* Run in @dir so that the bare names are relative paths there. */
  g_ptr_array_add (args, "assessment");
  g_ptr_array_add (args, "new");
  g_ptr_array_add (args, "--enterprise");
  g_ptr_array_add (args, "1");
  g_ptr_array_add (args, "--template");
  g_ptr_array_add (args, "gbt36132-2025");
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, db);
  g_assert_cmpint (run_cli_argv_in (dir, &out, &err, args), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  o = cli (0, "assessment", "show", "1", "--db", db, NULL);
  has (o, "cli-store");
  lacks (o, "gbt36132-2025");
  g_free (o);

  g_ptr_array_index (args, 5) = "gbt36132-2018";
  g_assert_cmpint (run_cli_argv_in (dir, &out, &err, args), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  o = cli (0, "assessment", "show", "2", "--db", db, NULL);
  has (o, "gbt36132-2018");
  g_free (o);

  g_ptr_array_index (args, 5) = "my-templates";
  g_assert_cmpint (run_cli_argv_in (dir, &out, &err, args), ==, 1);
  has (err, "this is a folder or a special file, not a template file, and no imported or "
            "bundled template has this id");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_ptr_array_index (args, 5) = "no-such-template";
  g_assert_cmpint (run_cli_argv_in (dir, &out, &err, args), ==, 1);
  has (err, "no such file, and no imported or bundled template has this id");
  has (err, "greenassess-cli templates");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ga_test_rm_rf (dir);
}


static void
add_engine_tests (void)
{
  g_test_add ("/ga/store/engine/templates-versions-evaluate", Fixture, NULL, fixture_setup,
              test_engine_templates, fixture_teardown);
  g_test_add ("/ga/store/engine/demo", Fixture, NULL, fixture_setup, test_engine_demo,
              fixture_teardown);
  g_test_add_func ("/ga/store/cli/round-trip", test_cli);
  g_test_add_func ("/ga/store/cli/values", test_cli_values);
  g_test_add_func ("/ga/store/cli/session", test_cli_session);
  g_test_add_func ("/ga/store/cli/options", test_cli_options);
  g_test_add_func ("/ga/store/cli/files", test_cli_files);
  g_test_add_func ("/ga/store/cli/deep-answer", test_cli_deep_answer);
  g_test_add_func ("/ga/store/cli/template-rule", test_cli_template_rule);
  g_test_add ("/ga/store/package/hostile-answers", Fixture, NULL, fixture_setup,
              test_package_hostile_answers, fixture_teardown);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && strcmp (argv[1], "--crash-child") == 0)
    return crash_child (argv[2], argv[3], argv[4]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/store/open/create", test_open_create);
  g_test_add_func ("/ga/store/open/default-path", test_default_path);
  g_test_add ("/ga/store/enterprise/add-get-update", Fixture, NULL, fixture_setup,
              test_enterprise, fixture_teardown);
  g_test_add ("/ga/store/enterprise/refused-unchanged", Fixture, NULL, fixture_setup,
              test_enterprise_refused, fixture_teardown);
  g_test_add ("/ga/store/assessment/create-list-delete", Fixture, NULL, fixture_setup,
              test_assessment, fixture_teardown);
  g_test_add ("/ga/store/assessment/final-read-only", Fixture, NULL, fixture_setup,
              test_final_read_only, fixture_teardown);
  g_test_add ("/ga/store/answers/save-history", Fixture, NULL, fixture_setup, test_answers,
              fixture_teardown);
  g_test_add ("/ga/store/answers/strict-json", Fixture, NULL, fixture_setup,
              test_answers_strict_json, fixture_teardown);
  g_test_add ("/ga/store/answers/undo-redo", Fixture, NULL, fixture_setup, test_undo_redo,
              fixture_teardown);
  g_test_add ("/ga/store/evidence/add-dedup-remove", Fixture, NULL, fixture_setup, test_evidence,
              fixture_teardown);
  g_test_add ("/ga/store/evidence/too-large-unchanged", Fixture, NULL, fixture_setup,
              test_evidence_too_large, fixture_teardown);
  g_test_add ("/ga/store/db/backup-check", Fixture, NULL, fixture_setup, test_backup_and_check,
              fixture_teardown);
  g_test_add_func ("/ga/store/failure/garbage-file", test_refuse_garbage);
  g_test_add_func ("/ga/store/failure/damaged-pages", test_refuse_damaged);
  g_test_add_func ("/ga/store/failure/newer-version", test_refuse_newer);
  g_test_add_func ("/ga/store/failure/foreign-database", test_refuse_foreign);
  g_test_add ("/ga/store/failure/disk-full", Fixture, NULL, fixture_setup, test_disk_full,
              fixture_teardown);
  g_test_add_func ("/ga/store/failure/read-only", test_read_only);
  g_test_add_func ("/ga/store/migrate/v1", test_migrate_v1);
  g_test_add_func ("/ga/store/open/read-only", test_open_read_only);
  g_test_add_func ("/ga/store/enterprise/all-problems", test_enterprise_all_problems);
  g_test_add ("/ga/store/files/write-targets", Fixture, NULL, fixture_setup, test_write_targets,
              fixture_teardown);
  g_test_add ("/ga/store/package/export-import", Fixture, NULL, fixture_setup, test_package,
              fixture_teardown);
  g_test_add_func ("/ga/store/templates/version-compare", test_version_compare);
  g_test_add_func ("/ga/store/crash/kill-50-times", test_crash);
  add_engine_tests ();

  return g_test_run ();
}
