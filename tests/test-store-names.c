/* test-store-names.c: the store with file names that are not UTF-8
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Archives made on Chinese Windows and unpacked on Linux leave file names in
 * GBK. The store opens and writes such files by the bytes it is given,
 * stores an evidence file's name as text (its display name), and names
 * files in its messages by their display names, so that every message is
 * valid UTF-8.
 */
#include <string.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-test-utils.h"

#define VALID_CODE "91350100M000100Y43"

/* "测试" in GBK: not UTF-8. */
#define GBK "\xb2\xe2\xca\xd4"

static const char pdf_data[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";

typedef struct {
  char    *root;   /* a temporary folder */
  char    *dir;    /* root/d<GBK>: a folder whose name is not UTF-8 */
  char    *path;   /* dir/<GBK>.db */
  GaStore *store;
  gint64   assessment;
} Fixture;

/* A template with the one item evidence is attached to, so that a package
 * of the assessment passes the import's checks. */
static const char fake_template[] =
  "{\"format\": 1, \"id\": \"names\", \"version\": \"1.0.0\", \"kind\": \"green-factory\","
  " \"title\": {\"zh_CN\": \"名称\", \"en\": \"Names\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"tests\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 10},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"B1\", \"kind\": \"compliance\", \"title\": \"B1\", \"points\": 10,"
  "   \"source\": \"t\"}]}]}";

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (fake_template, strlen (fake_template));
  gint64 enterprise;

  f->root = g_dir_make_tmp (NULL, &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->root, "d" GBK, NULL);
  g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);
  f->path = g_build_filename (f->dir, GBK ".db", NULL);
  f->store = ga_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  ga_store_set_author (f->store, "tester");

  e->name = g_strdup ("测试厂");
  e->credit_code = g_strdup (VALID_CODE);
  enterprise = ga_store_add_enterprise (f->store, e, &error);
  g_assert_no_error (error);
  f->assessment = ga_store_new_assessment_from_bytes (f->store, enterprise, "names", "1.0.0",
                                                      "green-factory", bytes, "Assessment",
                                                      2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->assessment, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ga_test_rm_rf (f->root);
  g_free (f->root);
  g_free (f->dir);
  g_free (f->path);
}

static char *
write_file (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, pdf_data, sizeof pdf_data - 1, &error));
  g_assert_no_error (error);
  return path;
}

/* A message is UTF-8 text and names @path by its display name. */
static void
assert_message_names (const GError *error,
                      const char   *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, shown) == NULL)
    g_error ("“%s” does not name %s", error->message, shown);
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaStore) read_only = NULL;

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (ga_store_get_path (f->store), ==, f->path);
  g_clear_object (&f->store);

  read_only = ga_store_open_read_only (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_check (read_only, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_evidence_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = write_file (f->dir, GBK ".pdf");
  g_autofree char *missing = g_build_filename (f->dir, "no" GBK ".pdf", NULL);
  g_autofree char *expected = g_filename_display_basename (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) absent = g_file_new_for_path (missing);
  GaEvidence *ev;

  g_assert_cmpint (ga_store_add_evidence (f->store, f->assessment, "B1", file, &error), >, 0);
  g_assert_no_error (error);
  list = ga_store_list_evidence (f->store, f->assessment, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  ev = g_ptr_array_index (list, 0);
  /* Text, the last component only, and still ending in the extension. */
  g_assert_true (g_utf8_validate (ev->name, -1, NULL));
  g_assert_cmpstr (ev->name, ==, expected);
  g_assert_true (g_str_has_suffix (ev->name, ".pdf"));
  g_assert_cmpstr (ev->mime_type, ==, "application/pdf");
  g_assert_cmpuint (ev->size, ==, sizeof pdf_data - 1);

  g_assert_cmpint (ga_store_add_evidence (f->store, f->assessment, "B1", absent, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  assert_message_names (error, missing);
}

static void
test_evidence_bytes_name (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf_data, sizeof pdf_data - 1);
  g_autofree char *expected = g_filename_display_basename (GBK ".pdf");
  GaEvidence *ev;

  /* A file name in the file system's encoding, with its folder. */
  g_assert_cmpint (ga_store_add_evidence_bytes (f->store, f->assessment, "B1",
                                                "d" GBK "/" GBK ".pdf", bytes, &error), >, 0);
  g_assert_no_error (error);
  list = ga_store_list_evidence (f->store, f->assessment, NULL, &error);
  g_assert_no_error (error);
  ev = g_ptr_array_index (list, 0);
  g_assert_true (g_utf8_validate (ev->name, -1, NULL));
  g_assert_cmpstr (ev->name, ==, expected);
  g_assert_null (strchr (ev->name, '/'));
  g_assert_cmpstr (ev->mime_type, ==, "application/pdf");
}

static void
test_write_targets (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf_data, sizeof pdf_data - 1);
  g_autofree char *extracted = g_build_filename (f->dir, "out" GBK ".pdf", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "bk" GBK ".db", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no" GBK, "bk.db", NULL);
  g_autofree char *nowhere_dir = g_path_get_dirname (nowhere);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 ev;

  ev = ga_store_add_evidence_bytes (f->store, f->assessment, "B1", "m.pdf", bytes, &error);
  g_assert_no_error (error);

  g_assert_true (ga_store_save_evidence (f->store, ev, extracted, GA_STORE_WRITE_NO_REPLACE,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (extracted, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, pdf_data, sizeof pdf_data - 1);
  g_assert_false (ga_store_save_evidence (f->store, ev, extracted, GA_STORE_WRITE_NO_REPLACE,
                                         &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  assert_message_names (error, extracted);
  g_clear_error (&error);

  g_assert_true (ga_store_backup_to (f->store, backup, GA_STORE_WRITE_NO_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (ga_store_backup_to (f->store, backup, GA_STORE_WRITE_NO_REPLACE, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  assert_message_names (error, backup);
  g_clear_error (&error);

  /* A folder that does not exist: the file and the folder named as text. */
  g_assert_false (ga_store_backup_to (f->store, nowhere, GA_STORE_WRITE_NO_REPLACE, &error));
  assert_message_names (error, nowhere);
  assert_message_names (error, nowhere_dir);
  g_clear_error (&error);
  g_assert_false (ga_store_save_evidence (f->store, ev, nowhere, GA_STORE_WRITE_REPLACE,
                                         &error));
  assert_message_names (error, nowhere_dir);
  g_clear_error (&error);

  /* The database itself is refused by its display name too. */
  g_assert_false (ga_store_save_evidence (f->store, ev, f->path, GA_STORE_WRITE_REPLACE,
                                         &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  assert_message_names (error, f->path);
}

static void
test_package (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf_data, sizeof pdf_data - 1);
  g_autoptr(GaStore) other = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *pkg = g_build_filename (f->dir, "pk" GBK ".gapkg", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "new" GBK ".db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no" GBK ".gapkg", NULL);
  g_autofree char *expected = g_filename_display_basename (GBK ".pdf");
  gint64 imported;

  g_assert_cmpint (ga_store_add_evidence_bytes (f->store, f->assessment, "B1", GBK ".pdf", bytes,
                                                &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (ga_store_export_package_to (f->store, f->assessment, pkg,
                                             GA_STORE_WRITE_NO_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pkg, G_FILE_TEST_IS_REGULAR));
  g_assert_false (ga_store_export_package_to (f->store, f->assessment, pkg,
                                              GA_STORE_WRITE_NO_REPLACE, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  assert_message_names (error, pkg);
  g_clear_error (&error);

  other = ga_store_open (other_path, &error);
  g_assert_no_error (error);
  imported = ga_store_import_package (other, pkg, GA_PACKAGE_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  evidence = ga_store_list_evidence (other, imported, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((GaEvidence *) g_ptr_array_index (evidence, 0))->name, ==, expected);

  g_assert_cmpint (ga_store_import_package (other, missing, GA_PACKAGE_IMPORT_DEFAULT, &error),
                   ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  assert_message_names (error, missing);
}

int
main (int    argc,
      char **argv)
{
  /* GLib's default: file names are UTF-8, and bytes that are not are shown
   * as U+FFFD. */
  g_unsetenv ("G_FILENAME_ENCODING");
  g_unsetenv ("G_BROKEN_FILENAMES");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ga/store-names/open", Fixture, NULL, fixture_setup, test_open,
              fixture_teardown);
  g_test_add ("/ga/store-names/evidence-file", Fixture, NULL, fixture_setup, test_evidence_file,
              fixture_teardown);
  g_test_add ("/ga/store-names/evidence-bytes-name", Fixture, NULL, fixture_setup,
              test_evidence_bytes_name, fixture_teardown);
  g_test_add ("/ga/store-names/write-targets", Fixture, NULL, fixture_setup, test_write_targets,
              fixture_teardown);
  g_test_add ("/ga/store-names/package", Fixture, NULL, fixture_setup, test_package,
              fixture_teardown);
  return g_test_run ();
}
