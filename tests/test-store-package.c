/* test-store-package.c: a package is checked against everything the
 * application enforces before any of it is imported
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each hostile case exports a real assessment from a fresh database,
 * changes the package with SQLite directly (as anyone can), imports it,
 * and requires a refusal that names the user's file and the problem, never
 * the temporary copy the import works on, and a database left exactly as
 * it was.
 */
#include <string.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-test-utils.h"
#include "ga-store-engine.h"

#define VALID_CODE   "91350100M000100Y43"
#define VALID_CODE_2 "91110000100000000R"

/* Where the cases keep their files. */
static char *work_root;

/* Where the import makes its temporary copies (TMPDIR for this process,
 * beside the cases' folders): a message that names anything inside it
 * leaks the copy. */
static char *temp_root;

/* A number item (E3), a text item (T1), a compliance check (B1) and an
 * output. */
static const char template_json[] =
  "{\"format\": 1, \"id\": \"pkg-test\", \"version\": \"1.0.0\", \"kind\": \"custom\","
  " \"title\": {\"zh_CN\": \"包测试\", \"en\": \"Package test\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"},"
  " \"source\": \"tests/test-store-package.c\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 20},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"E3\", \"kind\": \"number\", \"title\": \"E3\", \"points\": 10, \"min\": 0,"
  "   \"max\": 100, \"source\": \"t\","
  "   \"score\": {\"interp\": {\"baseline\": 50, \"leading\": 90}}},"
  "  {\"id\": \"T1\", \"kind\": \"text\", \"title\": \"T1\", \"source\": \"t\"},"
  "  {\"id\": \"B1\", \"kind\": \"compliance\", \"title\": \"B1\", \"points\": 10,"
  "   \"source\": \"t\"}"
  " ]}],"
  " \"outputs\": [{\"id\": \"O1\", \"title\": \"O1\", \"value\": \"E3*2\"}]}";

/* The row count of every table, and the schema, in one string. */
static char *
counts (GaStore *store)
{
  sqlite3 *db = ga_store_get_handle (store);
  static const char *const tables[] = {
    "enterprises", "templates", "assessments", "answers", "narratives", "history", "blobs",
    "evidence", "meta",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT " ", tables[i], ga_test_query_int (db, sql));
    }
  g_string_append_printf (out, "schema=%" G_GINT64_FORMAT,
                          ga_test_query_int (db, "SELECT count(*) FROM sqlite_schema"));
  return g_string_free (out, FALSE);
}

typedef struct {
  char    *dir;
  char    *pkg;          /* the package made from src */
  GaStore *src;
  GaStore *dst;          /* the database it is imported into */
  gint64   assessment;   /* in src */
  gint64   evidence;     /* in src */
} Fixture;

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

static gint64
add_assessment (GaStore *store,
                gint64   enterprise,
                int      year)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (template_json, strlen (template_json));
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = ga_store_new_assessment_from_bytes (store, enterprise, "pkg-test", "1.0.0", "custom", bytes,
                                           "绿色工厂自评 2025", year, NULL, &error);
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
narrate (GaStore    *store,
         gint64      assessment,
         const char *part,
         const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_set_narrative (store, assessment, part, text, &error));
  g_assert_no_error (error);
}

/* A database with one assessment: three answers, an undo and a redo, the
 * report text of two parts (one changed, then undone: a redoable change
 * of a narrative), one evidence file; exported as f->pkg. The database to import into already
 * has an enterprise and an assessment of its own. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autofree char *template = g_build_filename (work_root, "case-XXXXXX", NULL);
  g_autofree char *src_path = NULL;
  g_autofree char *dst_path = NULL;
  gint64 e;

  f->dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (f->dir);
  src_path = g_build_filename (f->dir, "factory.db", NULL);
  dst_path = g_build_filename (f->dir, "consultant.db", NULL);
  f->pkg = g_build_filename (f->dir, "绿色工厂 2025.gapkg", NULL);

  f->src = ga_store_open (src_path, &error);
  g_assert_no_error (error);
  ga_store_set_author (f->src, "factory");
  e = add_enterprise (f->src, "福州绿色机械", VALID_CODE);
  f->assessment = add_assessment (f->src, e, 2025);
  save (f->src, f->assessment, "E3", "12.5");
  save (f->src, f->assessment, "T1", "\"ISO 14001 认证\"");
  save (f->src, f->assessment, "B1", "\"yes\"");
  save (f->src, f->assessment, "B1", "{\"value\": \"partial\", \"note\": \"证书到期\"}");
  g_assert_true (ga_store_undo (f->src, f->assessment, NULL, &error));
  g_assert_true (ga_store_redo (f->src, f->assessment, NULL, &error));
  narrate (f->src, f->assessment, "enterprise", "福州绿色机械成立于 2001 年。\n\n主营农业机械。");
  narrate (f->src, f->assessment, "evaluation.S1", "能源计量器具配备齐全。");
  narrate (f->src, f->assessment, "evaluation.S1", "能源计量器具配备齐全，定期校准。");
  g_assert_true (ga_store_undo (f->src, f->assessment, NULL, &error));
  f->evidence = ga_store_add_evidence_bytes (f->src, f->assessment, "B1", "licence.pdf", pdf,
                                             &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_export_package (f->src, f->assessment, f->pkg, &error));
  g_assert_no_error (error);

  f->dst = ga_store_open (dst_path, &error);
  g_assert_no_error (error);
  ga_store_set_author (f->dst, "consultant");
  add_assessment (f->dst, add_enterprise (f->dst, "Another client", VALID_CODE_2), 2024);
  save (f->dst, 1, "E3", "70");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->src);
  g_clear_object (&f->dst);
  ga_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->pkg);
}

/* Runs @sql on the package file as another program would, with ?1 bound
 * to @text when given. */
static void
tamper (Fixture    *f,
        const char *sql,
        const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (f->pkg, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Imports f->pkg into f->dst and requires a refusal whose message names
 * the package by the user's path and holds each of the NULL-terminated
 * @needles, with f->dst and the package file unchanged. Returns the
 * message. */
static char *
assert_refused (Fixture    *f,
                GQuark      domain,
                int         code,
                const char *first_needle,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = counts (f->dst);
  g_autofree char *after = NULL;
  g_autofree char *pkg_before = ga_test_file_sha256 (f->pkg);
  g_autofree char *pkg_after = NULL;
  const char *needle;
  va_list args;
  gint64 id;

  id = ga_store_import_package (f->dst, f->pkg, GA_PACKAGE_IMPORT_AS_COPY, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, domain, code);

  g_assert_nonnull (strstr (error->message, f->pkg));
  g_assert_null (strstr (error->message, temp_root));
  g_assert_null (strstr (error->message, "package.db"));
  va_start (args, first_needle);
  for (needle = first_needle; needle != NULL; needle = va_arg (args, const char *))
    if (strstr (error->message, needle) == NULL)
      g_error ("“%s” is not in the message: %s", needle, error->message);
  va_end (args);

  after = counts (f->dst);
  g_assert_cmpstr (before, ==, after);
  pkg_after = ga_test_file_sha256 (f->pkg);
  g_assert_cmpstr (pkg_before, ==, pkg_after);
  /* No temporary copy is left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (temp_root, 0, NULL);
    g_assert_nonnull (dir);
    g_assert_null (g_dir_read_name (dir));
  }
  return g_strdup (error->message);
}

#define refused(f, ...) \
  g_free (assert_refused ((f), GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT, __VA_ARGS__, NULL))

/* ------------------------------------------------------------------ */
/* What a package may carry                                            */

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaAssessment) a = NULL;
  g_autofree char *value = NULL;
  gint64 id;

  g_assert_true (ga_store_check (f->src, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  id = ga_store_import_package (f->dst, f->pkg, GA_PACKAGE_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  a = ga_store_get_assessment (f->dst, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->year, ==, 2025);
  g_assert_cmpuint (a->n_answers, ==, 3);
  value = ga_store_get_answer (f->dst, id, "E3", &error);
  g_assert_cmpstr (value, ==, "12.5");
  g_assert_true (ga_store_can_undo (f->dst, id));

  g_assert_true (ga_store_check (f->dst, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* A final assessment travels with its finalisation time. */
  g_assert_true (ga_store_set_assessment_status (f->src, f->assessment, GA_ASSESSMENT_FINAL,
                                                 &error));
  g_assert_true (ga_store_export_package (f->src, f->assessment, f->pkg, &error));
  id = ga_store_import_package (f->dst, f->pkg, GA_PACKAGE_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
}

/* The demo data answers every kind of item of every bundled template
 * (tables, choices, N/A with reasons): each of its assessments travels as
 * a package and passes every check on both sides. */
static void
test_valid_demo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (ga_store_create_demo (f->src, &error));
  g_assert_no_error (error);
  g_assert_true (ga_store_check (f->src, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  list = ga_store_list_assessments (f->src, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, 2);
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);
      g_autoptr(GaEngine) engine = NULL;
      gint64 id;

      g_assert_true (ga_store_export_package (f->src, a->id, f->pkg, &error));
      g_assert_no_error (error);
      id = ga_store_import_package (f->dst, f->pkg, GA_PACKAGE_IMPORT_AS_COPY, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      engine = ga_store_load_engine (f->dst, id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (engine);
    }
  g_assert_true (ga_store_check (f->dst, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Answers that do not fit the pinned template                         */

static void
test_text_for_number (Fixture       *f,
                      gconstpointer  data)
{
  tamper (f, "UPDATE answers SET value = '\"abc\"' WHERE item_id = 'E3'", NULL);
  refused (f, "item 'E3'", "\"abc\"", "a number");
}

static void
test_unknown_item (Fixture       *f,
                   gconstpointer  data)
{
  tamper (f, "INSERT INTO answers (assessment_id, item_id, value, author, updated_at)"
          " SELECT id, 'Z9', '1', 'x', updated_at FROM assessments", NULL);
  refused (f, "has no item 'Z9'");
}

static void
test_out_of_bounds (Fixture       *f,
                    gconstpointer  data)
{
  tamper (f, "UPDATE answers SET value = '1e300' WHERE item_id = 'E3'", NULL);
  refused (f, "item 'E3': 1E+300 is out of bounds");
}

/* An undo restores the old value of a history row: it is read like an
 * answer. */
static void
test_history_value (Fixture       *f,
                    gconstpointer  data)
{
  tamper (f, "UPDATE history SET old_value = '[1, 2]' WHERE id = (SELECT min (id) FROM history"
          " WHERE item_id = 'B1' AND old_value IS NOT NULL)", NULL);
  refused (f, "history row", "item 'B1'");
}

static void
test_huge_text (Fixture       *f,
                gconstpointer  data)
{
  /* 50 MiB of text: valid JSON, so SQLite's json_valid() lets it in. */
  tamper (f, "UPDATE answers SET value = '\"' || replace (hex (zeroblob (25 * 1024 * 1024)), '0',"
          " 'a') || '\"' WHERE item_id = 'T1'", NULL);
  refused (f, "The answer to T1 is 50.0", "(52428802 bytes), more than the 1.0",
           "an answer may hold");
}

static void
test_many_problems (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_auto(GStrv) lines = NULL;

  tamper (f, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)"
          " INSERT INTO answers (assessment_id, item_id, value, updated_at)"
          " SELECT 1, 'X' || i, '1', '2025-01-01T00:00:00.000Z' FROM n", NULL);
  message = assert_refused (f, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT, "has no item", NULL);
  /* The first ten, then how many more. */
  g_assert_nonnull (strstr (message, "\nand 20 more"));
  lines = g_strsplit (message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
}

/* ------------------------------------------------------------------ */
/* Enterprises and assessments                                         */

static void
test_credit_code (Fixture       *f,
                  gconstpointer  data)
{
  /* 18 characters, so the schema's CHECK lets it in. */
  tamper (f, "UPDATE enterprises SET credit_code = '91350100M000100Y4X'", NULL);
  refused (f, "enterprise 1 “福州绿色机械”", "91350100M000100Y4X",
           "the check character should be 3, not X");
}

static void
test_credit_code_lower_case (Fixture       *f,
                             gconstpointer  data)
{
  /* Valid once normalised, but not found by its code afterwards. */
  tamper (f, "UPDATE enterprises SET credit_code = lower (credit_code)", NULL);
  refused (f, "91350100m000100y43", "not stored as the editor stores it");
}

static void
test_enterprise_fields (Fixture       *f,
                        gconstpointer  data)
{
  tamper (f, "UPDATE enterprises SET contact_email = 'nobody', output_value = 'lots'", NULL);
  refused (f, "e-mail 'nobody'", "output_value is text");
}

static void
test_year (Fixture       *f,
           gconstpointer  data)
{
  tamper (f, "UPDATE assessments SET year = -99999999999", NULL);
  refused (f, "assessment 1 “绿色工厂自评 2025”", "year -99999999999 is out of range");
}

static void
test_final_nonsense (Fixture       *f,
                     gconstpointer  data)
{
  tamper (f, "UPDATE assessments SET status = 'final', finalized_at = 'nonsense'", NULL);
  refused (f, "the finalisation time “nonsense” is not a time");
}

static void
test_timestamp (Fixture       *f,
                gconstpointer  data)
{
  tamper (f, "UPDATE answers SET updated_at = 'yesterday' WHERE item_id = 'T1'", NULL);
  refused (f, "“yesterday” is not a time");
}

static void
test_two_assessments (Fixture       *f,
                      gconstpointer  data)
{
  tamper (f, "INSERT INTO assessments (uuid, enterprise_id, template_hash, template_id,"
          " template_version, kind, title, status, created_at, updated_at)"
          " SELECT '5b0f6b51-4f3f-4a51-9a8e-0d0e7c4ad2a1', enterprise_id, template_hash,"
          " template_id, template_version, kind, 'second', 'draft', created_at, updated_at"
          " FROM assessments", NULL);
  refused (f, "holds 2 assessments");
}

/* ------------------------------------------------------------------ */
/* Evidence                                                            */

static void
test_evidence_control_character (Fixture       *f,
                                 gconstpointer  data)
{
  tamper (f, "UPDATE evidence SET name = 'lic' || char (27) || '[2Jence.pdf'", NULL);
  refused (f, "evidence 1", "control character (U+001B", "\\u001B");
}

static void
test_evidence_over_limit (Fixture       *f,
                          gconstpointer  data)
{
  /* The receiving database's limit applies, as when attaching there. */
  ga_store_set_evidence_limit (f->dst, 10);
  refused (f, "evidence 1", "licence.pdf", "more than the 10 bytes");
}

/* Attaching refuses nothing because of its name: characters a stored name
 * may not hold are replaced. */
static void
test_evidence_name_on_attach (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 id;

  id = ga_store_add_evidence_bytes (f->src, f->assessment, "T1", "/tmp/a\nb\u202Etxt.exe", bytes,
                                    &error);
  g_assert_no_error (error);
  list = ga_store_list_evidence (f->src, f->assessment, NULL, &error);
  for (guint i = 0; i < list->len; i++)
    if (((GaEvidence *) list->pdata[i])->id == id)
      g_assert_cmpstr (((GaEvidence *) list->pdata[i])->name, ==, "a\uFFFDb\uFFFDtxt.exe");
  g_assert_true (ga_store_check (f->src, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* The schema                                                          */

static void
test_extra_table (Fixture       *f,
                  gconstpointer  data)
{
  tamper (f, "CREATE TABLE extra (x)", NULL);
  refused (f, "table “extra” is not part of the schema");
}

static void
test_trigger (Fixture       *f,
              gconstpointer  data)
{
  tamper (f, "CREATE TRIGGER sneaky AFTER INSERT ON answers BEGIN DELETE FROM history; END", NULL);
  refused (f, "trigger “sneaky” is not part of the schema");
}

static void
test_changed_table (Fixture       *f,
                    gconstpointer  data)
{
  tamper (f, "DROP INDEX history_stack", NULL);
  refused (f, "index history_stack of the schema (version 7) is missing");
}

/* A package carries the template copy its assessment is pinned to and
 * nothing else: an import would keep any other. */
static void
test_extra_template (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                       (const guchar *) "{}", 2);

  tamper (f, "INSERT INTO templates (hash, template_id, version, kind, content)"
          " VALUES (?1, 'x', '1', 'custom', CAST ('{}' AS BLOB))", hash);
  refused (f, "the package's assessment is not pinned to it");
}

/* ------------------------------------------------------------------ */
/* Narratives                                                          */

/* The report texts travel with their history: the redoable change of a
 * narrative is redone in the database the package went to. */
static void
test_narratives (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  GaHistorySubject subject = GA_HISTORY_ANSWER;
  g_autofree char *key = NULL;
  guint narrative_rows = 0;
  gint64 id;

  id = ga_store_import_package (f->dst, f->pkg, GA_PACKAGE_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  texts = ga_store_load_narratives (f->dst, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (texts), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (texts, "enterprise"), ==,
                   "福州绿色机械成立于 2001 年。\n\n主营农业机械。");
  g_assert_cmpstr (g_hash_table_lookup (texts, "evaluation.S1"), ==, "能源计量器具配备齐全。");

  history = ga_store_list_history (f->dst, id, &error);
  for (guint i = 0; i < history->len; i++)
    if (((GaHistoryEntry *) history->pdata[i])->subject == GA_HISTORY_NARRATIVE)
      narrative_rows++;
  g_assert_cmpuint (narrative_rows, ==, 4);   /* three edits and the undo */

  g_assert_true (ga_store_undo_change (f->dst, id, TRUE, &subject, &key, &error));
  g_assert_no_error (error);
  g_assert_cmpint (subject, ==, GA_HISTORY_NARRATIVE);
  g_assert_cmpstr (key, ==, "evaluation.S1");
  text = ga_store_get_narrative (f->dst, id, "evaluation.S1", &error);
  g_assert_cmpstr (text, ==, "能源计量器具配备齐全，定期校准。");

  g_assert_true (ga_store_check (f->dst, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_narrative_part (Fixture       *f,
                     gconstpointer  data)
{
  tamper (f, "UPDATE narratives SET part = 'factory/../x' WHERE part = 'enterprise'", NULL);
  refused (f, "report part “factory/../x”", "is not a report part key");
}

static void
test_narrative_text (Fixture       *f,
                     gconstpointer  data)
{
  tamper (f, "UPDATE narratives SET text = 'a' || char (27) || '[31m' WHERE part = 'enterprise'",
          NULL);
  refused (f, "report part “enterprise”", "control character U+001B");
}

static void
test_narrative_blank (Fixture       *f,
                      gconstpointer  data)
{
  tamper (f, "UPDATE narratives SET text = '  ' || char (10) WHERE part = 'enterprise'", NULL);
  refused (f, "nothing but white space");
}

/* An undo writes the old value of a history row back as the part's text. */
static void
test_narrative_history (Fixture       *f,
                        gconstpointer  data)
{
  tamper (f, "UPDATE history SET new_value = CAST (x'ff41' AS TEXT) WHERE subject = 'narrative'"
          " AND action = 'edit' AND new_value LIKE '%定期校准%'", NULL);
  refused (f, "history row", "report part evaluation.S1 is not valid UTF-8");
}

static void
test_narrative_subject (Fixture       *f,
                        gconstpointer  data)
{
  /* An undo of a narrative's change that names an answer's change. */
  tamper (f, "UPDATE history SET subject = 'answer' WHERE subject = 'narrative'"
          " AND action = 'undo'", NULL);
  refused (f, "an undo or redo that does not refer to an earlier change");
}

/* ------------------------------------------------------------------ */
/* Messages name the user's file                                       */

static void
test_newer_package (Fixture       *f,
                    gconstpointer  data)
{
  tamper (f, "PRAGMA user_version = 99", NULL);
  g_free (assert_refused (f, GA_STORE_ERROR, GA_STORE_ERROR_NEWER, "newer version", NULL));
}

static void
test_damaged_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (f->pkg, &contents, &len, NULL));
  memset (contents, 'x', MIN (len, 100));
  g_assert_true (g_file_set_contents (f->pkg, contents, len, NULL));
  g_free (assert_refused (f, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE, "not a GreenAssess package",
                          NULL));
}

/* ------------------------------------------------------------------ */
/* db check reports the same                                           */

static void
test_db_check (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);
  sqlite3 *db = ga_store_get_handle (f->src);

  g_assert_true (ga_store_check (f->src, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE answers SET value = '\"abc\"' WHERE item_id = 'E3';"
                                 " UPDATE assessments SET year = -99999999999;"
                                 " UPDATE evidence SET name = 'a' || char (7);"
                                 " CREATE TABLE extra (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (ga_store_check (f->src, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", (char *) problems->pdata[i]);
  g_test_message ("%s", all->str);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_nonnull (strstr (all->str, "item 'E3' (number): \"abc\" is text"));
  g_assert_nonnull (strstr (all->str, "year -99999999999"));
  g_assert_nonnull (strstr (all->str, "evidence 1 “a\\u0007”: the evidence name contains a "
                                      "control character (U+0007"));
  g_assert_nonnull (strstr (all->str, "table “extra” is not part of the schema"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  int status;

  /* Before anything asks GLib for the temporary folder. */
  root = g_build_filename (g_getenv ("TMPDIR") != NULL ? g_getenv ("TMPDIR") : "/tmp",
                           "ga-test-package-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (root));
  work_root = root;
  temp_root = g_build_filename (root, "tmp", NULL);
  g_assert_cmpint (g_mkdir (temp_root, 0700), ==, 0);
  g_setenv ("TMPDIR", temp_root, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ga/store-package/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("valid", test_valid);
  ADD ("valid-demo", test_valid_demo);
  ADD ("answer/text-for-number", test_text_for_number);
  ADD ("answer/unknown-item", test_unknown_item);
  ADD ("answer/out-of-bounds", test_out_of_bounds);
  ADD ("answer/history-value", test_history_value);
  ADD ("answer/huge-text", test_huge_text);
  ADD ("narrative/round-trip", test_narratives);
  ADD ("narrative/part-key", test_narrative_part);
  ADD ("narrative/control-character", test_narrative_text);
  ADD ("narrative/white-space", test_narrative_blank);
  ADD ("narrative/history-value", test_narrative_history);
  ADD ("narrative/history-subject", test_narrative_subject);
  ADD ("answer/many-problems", test_many_problems);
  ADD ("enterprise/credit-code", test_credit_code);
  ADD ("enterprise/credit-code-lower-case", test_credit_code_lower_case);
  ADD ("enterprise/fields", test_enterprise_fields);
  ADD ("assessment/year", test_year);
  ADD ("assessment/final-nonsense", test_final_nonsense);
  ADD ("assessment/timestamp", test_timestamp);
  ADD ("assessment/two", test_two_assessments);
  ADD ("evidence/control-character", test_evidence_control_character);
  ADD ("evidence/over-limit", test_evidence_over_limit);
  ADD ("evidence/name-on-attach", test_evidence_name_on_attach);
  ADD ("schema/extra-table", test_extra_table);
  ADD ("schema/trigger", test_trigger);
  ADD ("schema/missing-index", test_changed_table);
  ADD ("schema/extra-template", test_extra_template);
  ADD ("file/newer", test_newer_package);
  ADD ("file/damaged", test_damaged_file);
  ADD ("db-check", test_db_check);
#undef ADD

  status = g_test_run ();
  ga_test_rm_rf (root);
  return status;
}
