/* test-store-narratives.c: the user's text of the report's parts in the
 * store: schema 4 and its migration from schema 3, saving with history,
 * undo and redo shared with the answers, the checks of db check
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-test-utils.h"

#define CODE "91350100M000100Y43"

/* An opaque template copy: the store keeps narratives without reading the
 * template, as it keeps answers. */
static const char fake_template[] = "{\"format\": 1, \"id\": \"opaque\", \"version\": \"1.0.0\"}";

typedef struct {
  char    *dir;
  GaStore *store;
  gint64   id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (fake_template, strlen (fake_template));
  g_autofree char *path = NULL;
  gint64 eid;

  f->dir = g_dir_make_tmp (NULL, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "n.db", NULL);
  f->store = ga_store_open (path, &error);
  g_assert_no_error (error);
  ga_store_set_author (f->store, "tester");
  e->name = g_strdup ("叙述测试企业");
  e->credit_code = g_strdup (CODE);
  eid = ga_store_add_enterprise (f->store, e, &error);
  g_assert_no_error (error);
  f->id = ga_store_new_assessment_from_bytes (f->store, eid, "opaque", "1.0.0", "green-factory",
                                              bytes, "Narratives 2025", 2025, NULL, &error);
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

static void
narrate (GaStore    *store,
         gint64      id,
         const char *part,
         const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_set_narrative (store, id, part, text, &error));
  g_assert_no_error (error);
}

static void
assert_text (GaStore    *store,
             gint64      id,
             const char *part,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ga_store_get_narrative (store, id, part, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

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

/* ------------------------------------------------------------------ */

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GPtrArray) history = NULL;
  sqlite3 *db = ga_store_get_handle (f->store);
  GaHistoryEntry *last;

  assert_text (f->store, f->id, "factory", NULL);
  narrate (f->store, f->id, "factory", "第一段。\r\n\r\n第二段。");
  /* Line ends are kept as "\n" whatever the editor sent. */
  assert_text (f->store, f->id, "factory", "第一段。\n\n第二段。");
  narrate (f->store, f->id, "green-work.S_EN", "能源管理体系已通过认证。");

  /* The same text again writes nothing. */
  narrate (f->store, f->id, "factory", "第一段。\n\n第二段。");
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history"), ==, 2);

  all = ga_store_load_narratives (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (all, "green-work.S_EN"), ==, "能源管理体系已通过认证。");

  /* White space only removes the text, as clearing does. */
  narrate (f->store, f->id, "green-work.S_EN", " \n\t ");
  assert_text (f->store, f->id, "green-work.S_EN", NULL);
  narrate (f->store, f->id, "factory", NULL);
  assert_text (f->store, f->id, "factory", NULL);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM narratives"), ==, 0);

  history = ga_store_list_history (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  last = g_ptr_array_index (history, 3);
  g_assert_cmpint (last->subject, ==, GA_HISTORY_NARRATIVE);
  g_assert_cmpint (last->action, ==, GA_HISTORY_EDIT);
  g_assert_cmpstr (last->item_id, ==, "factory");
  g_assert_cmpstr (last->old_value, ==, "第一段。\n\n第二段。");
  g_assert_null (last->new_value);
  g_assert_cmpstr (last->author, ==, "tester");
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const char *const bad_parts[] = {
    "", ".factory", "factory.", "green-work..S_EN", "工厂", "a b", "../etc", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *long_part = g_strnfill (GA_STORE_MAX_PART_KEY + 1, 'a');
  g_autofree char *huge = g_strnfill (GA_STORE_MAX_NARRATIVE_BYTES + 1, 'x');
  sqlite3 *db = ga_store_get_handle (f->store);

  for (guint i = 0; bad_parts[i] != NULL; i++)
    {
      g_assert_false (ga_store_set_narrative (f->store, f->id, bad_parts[i], "x", &error));
      g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "is not a report part key"));
      g_clear_error (&error);
    }
  g_assert_false (ga_store_set_narrative (f->store, f->id, long_part, "x", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ga_store_set_narrative (f->store, f->id, "factory", huge, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (ga_store_set_narrative (f->store, f->id, "factory", "bell\a", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "U+0007"));
  g_clear_error (&error);
  g_assert_false (ga_store_set_narrative (f->store, f->id, "factory", "\xff\xfe", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history"), ==, 0);

  /* A final assessment keeps its text. */
  narrate (f->store, f->id, "factory", "定稿");
  g_assert_true (ga_store_set_assessment_status (f->store, f->id, GA_ASSESSMENT_FINAL, &error));
  g_assert_false (ga_store_set_narrative (f->store, f->id, "factory", "改动", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_text (f->store, f->id, "factory", "定稿");
}

/* Answers and narratives share one undo stack, newest change first, and
 * a new change of either ends what could be redone. */
static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GaHistorySubject subject;

  save (f->store, f->id, "E1", "1");
  narrate (f->store, f->id, "factory", "初稿");
  narrate (f->store, f->id, "factory", "二稿");
  save (f->store, f->id, "E1", "2");

  g_assert_true (ga_store_undo_change (f->store, f->id, FALSE, &subject, &key, &error));
  g_assert_cmpint (subject, ==, GA_HISTORY_ANSWER);
  g_assert_cmpstr (key, ==, "E1");
  g_clear_pointer (&key, g_free);

  g_assert_true (ga_store_undo_change (f->store, f->id, FALSE, &subject, &key, &error));
  g_assert_cmpint (subject, ==, GA_HISTORY_NARRATIVE);
  g_assert_cmpstr (key, ==, "factory");
  g_clear_pointer (&key, g_free);
  assert_text (f->store, f->id, "factory", "初稿");

  /* ga_store_undo() walks the same stack. */
  g_assert_true (ga_store_undo (f->store, f->id, &key, &error));
  g_assert_cmpstr (key, ==, "factory");
  g_clear_pointer (&key, g_free);
  assert_text (f->store, f->id, "factory", NULL);
  {
    g_autofree char *answer = ga_store_get_answer (f->store, f->id, "E1", &error);
    g_assert_cmpstr (answer, ==, "1");
  }

  g_assert_true (ga_store_undo_change (f->store, f->id, TRUE, &subject, &key, &error));
  g_assert_cmpint (subject, ==, GA_HISTORY_NARRATIVE);
  g_clear_pointer (&key, g_free);
  assert_text (f->store, f->id, "factory", "初稿");
  g_assert_true (ga_store_can_redo (f->store, f->id));

  /* A new narrative ends the redo stack, the answer's change in it too. */
  narrate (f->store, f->id, "problems", "下一步：更换空压机。");
  g_assert_false (ga_store_can_redo (f->store, f->id));
  g_assert_false (ga_store_undo_change (f->store, f->id, TRUE, NULL, NULL, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY);
  g_clear_error (&error);

  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (ga_store_check (f->store, problems, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("%s", (char *) problems->pdata[i]);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* db check reads the narratives and their history as a save writes them. */
static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);
  sqlite3 *db = ga_store_get_handle (f->store);

  narrate (f->store, f->id, "factory", "概况");
  narrate (f->store, f->id, "green-work", "创建情况");
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE narratives SET text = 'x' || char (0) || 'y'"
                                 "  WHERE part = 'factory';"
                                 " UPDATE narratives SET part = 'a b', author = x'07'"
                                 "  WHERE part = 'green-work';"
                                 " UPDATE history SET new_value = char (12) WHERE item_id = 'factory';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (ga_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", (char *) problems->pdata[i]);
  g_test_message ("%s", all->str);
  g_assert_nonnull (strstr (all->str, "report part “factory”: the text of report part factory "
                                      "holds the control character U+0000"));
  g_assert_nonnull (strstr (all->str, "'a b' is not a report part key"));
  g_assert_nonnull (strstr (all->str, "author is blob"));
  g_assert_nonnull (strstr (all->str, "history row 1: The text of report part factory holds the "
                                      "control character U+000C"));
}

/* ------------------------------------------------------------------ */
/* Migration from schema 3                                             */

static void
test_migrate_v3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                               "schema-v3.db", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) texts = NULL;
  g_autofree char *key = NULL;
  GaHistorySubject subject = GA_HISTORY_NARRATIVE;
  gsize len;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  /* Read without migrating (db check): no narratives, answers only. */
  store = ga_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, 3);
  texts = ga_store_load_narratives (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (texts), ==, 0);
  g_clear_pointer (&texts, g_hash_table_unref);
  history = ga_store_list_history (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 6);
  g_assert_cmpint (((GaHistoryEntry *) history->pdata[5])->subject, ==, GA_HISTORY_ANSWER);
  g_clear_pointer (&history, g_ptr_array_unref);
  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&store);
  before = ga_test_file_sha256 (path);
  {
    g_autofree char *original = ga_test_file_sha256 (fixture);
    g_assert_cmpstr (before, ==, original);
  }

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, GA_STORE_SCHEMA_VERSION);
  g_assert_nonnull (strstr (ga_store_get_migration_backup (store), ".v3-"));
  /* The backup taken first is the version 3 file with every row. */
  {
    sqlite3 *bak = NULL;

    g_assert_cmpint (sqlite3_open_v2 (ga_store_get_migration_backup (store), &bak,
                                      SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (ga_test_query_int (bak, "PRAGMA user_version"), ==, 3);
    g_assert_cmpint (ga_test_query_int (bak, "SELECT count(*) FROM history"), ==, 6);
    g_assert_cmpint (ga_test_query_int (bak, "SELECT count(*) FROM answers"), ==, 3);
    sqlite3_close (bak);
  }
  db = ga_store_get_handle (store);

  /* Every row came along (tests/fixtures/store/README.md lists them). */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM enterprises"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM assessments"), ==, 2);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==, 3);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history"), ==, 6);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM narratives"), ==, 0);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history"
                                          " WHERE subject = 'answer'"), ==, 6);

  /* The redoable answer of version 3 is redone, then a narrative joins
   * the same stack. */
  g_assert_true (ga_store_can_redo (store, 1));
  g_assert_true (ga_store_undo_change (store, 1, TRUE, &subject, &key, &error));
  g_assert_no_error (error);
  g_assert_cmpint (subject, ==, GA_HISTORY_ANSWER);
  g_assert_cmpstr (key, ==, "EN3");
  g_clear_pointer (&key, g_free);
  narrate (store, 1, "factory", "迁移后写的工厂概况。");
  g_assert_true (ga_store_undo_change (store, 1, FALSE, &subject, &key, &error));
  g_assert_cmpint (subject, ==, GA_HISTORY_NARRATIVE);
  g_assert_cmpstr (key, ==, "factory");
  g_clear_pointer (&key, g_free);
  assert_text (store, 1, "factory", NULL);
  g_assert_true (ga_store_undo_change (store, 1, FALSE, &subject, &key, &error));
  g_assert_cmpint (subject, ==, GA_HISTORY_ANSWER);
  g_assert_cmpstr (key, ==, "EN3");
  g_clear_pointer (&key, g_free);

  /* The final assessment is still final. */
  g_assert_false (ga_store_set_narrative (store, 2, "enterprise", "x", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
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
  g_test_add ("/ga/store-narratives/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("save-history", test_save);
  ADD ("refused", test_refused);
  ADD ("undo-redo-with-answers", test_undo_redo);
  ADD ("db-check", test_check);
  g_test_add_func ("/ga/store-narratives/migrate-v3", test_migrate_v3);
  return g_test_run ();
}
