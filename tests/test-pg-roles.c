/* test-pg-roles.c: the roles and row-level security of a team server
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by tests/pg/pg-test.sh against a throwaway cluster (GA_TEST_PG_URI,
 * a superuser). The test makes a database of its own, installs the schema
 * and roles there (twice: the second run must change nothing), creates
 * one user of each role, lets the administrator add two enterprises with a
 * row in every table, and then logs in as the consultant, the enterprise
 * user and the reviewer of the first enterprise with their passwords
 * (SCRAM over the Unix socket) and tries, in plain SQL, what each must not
 * do to the second enterprise: read, change, delete, add rows, move rows
 * to it, raise its own rights. Every attempt must be refused by the server
 * or reach zero rows, and the administrator then finds the second
 * enterprise's rows as they were. What each role may do is tried too, so
 * the checks cannot pass by refusing everything. Finally row-level
 * security is switched off on one table by hand to show that the check
 * sees it, and a second install repairs it.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "ga-db.h"
#include "ga-store.h"
#include "ga-store-pg-schema.h"

/* The SHA-256 of the one-byte files 0x01 (the first enterprise's
 * evidence) and 0x02 (the second's), as sha256sum prints them. */
#define S1 "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a"
#define S2 "dbc1b4c900ffe48d575b5da5c638040125f65db0fe3e24494b76ea986457d986"

typedef struct {
  char *db_name;
  char *super_uri;       /* the superuser, on the test's database */
  char *names[4];        /* admin, consultant, enterprise, reviewer */
  char *passwords[4];
  char *outsider;        /* a login role in no GreenAssess group */
} Fixture;

static Fixture fx;

/* GA_TEST_PG_URI with another user, password and database:
 * postgresql://USER:PASSWORD@/DB?host=…&port=… */
static char *
uri_with (const char *user, const char *password, const char *db_name)
{
  const char *base = g_getenv ("GA_TEST_PG_URI");
  const char *at = strchr (base, '@');
  const char *query;

  g_assert_nonnull (at);
  query = strchr (at, '?');
  return g_strdup_printf ("postgresql://%s:%s@/%s%s", user, password, db_name,
                          query != NULL ? query : "");
}

static GaDb *
connect_as (guint who)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = uri_with (fx.names[who], fx.passwords[who], fx.db_name);
  GaDb *db = ga_db_open (uri, &error);

  g_assert_no_error (error);
  return db;
}

static GaDb *
connect_super (void)
{
  g_autoptr(GError) error = NULL;
  GaDb *db = ga_db_open (fx.super_uri, &error);

  g_assert_no_error (error);
  return db;
}

static void
exec_ok (GaDb *db, const char *sql)
{
  g_autoptr(GError) error = NULL;

  ga_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gint64
count (GaDb *db, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDbStmt) stmt = ga_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ga_db_stmt_step (stmt, &error), ==, GA_DB_STEP_ROW);
  g_assert_no_error (error);
  return ga_db_stmt_column_int64 (stmt, 0);
}

static char *
text_of (GaDb *db, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDbStmt) stmt = ga_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ga_db_stmt_step (stmt, &error), ==, GA_DB_STEP_ROW);
  return g_strdup (ga_db_stmt_column_text (stmt, 0));
}

/* Runs @sql (one statement); returns the rows it changed, or -1 when the
 * server refused it. A refusal must be a permission or check error, not a
 * mistake in the statement. */
static gint64
attempt (GaDb *db, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDbStmt) stmt = NULL;
  gint64 changes;

  /* A failed statement ends the transaction on PostgreSQL: each attempt
   * is a transaction of its own. */
  stmt = ga_db_prepare (db, sql, &error);
  if (stmt != NULL && ga_db_stmt_step (stmt, &error) != GA_DB_STEP_ERROR)
    {
      changes = ga_db_stmt_get_changes (stmt);
      return changes;
    }
  g_assert_nonnull (error);
  if (!g_error_matches (error, GA_DB_ERROR, GA_DB_ERROR_PERMISSION)
      && !g_error_matches (error, GA_DB_ERROR, GA_DB_ERROR_CHECK)
      && !g_error_matches (error, GA_DB_ERROR, GA_DB_ERROR_OPEN))
    g_error ("%s: refused for the wrong reason: %s", sql, error->message);
  g_test_message ("  refused: %s — %s", sql, error->message);
  return -1;
}

/* Forbidden: the server refuses, or the statement reaches no row. */
static void
forbidden (GaDb *db, const char *sql)
{
  gint64 changes = attempt (db, sql);

  if (changes > 0)
    g_error ("%s: the server let %" G_GINT64_FORMAT " rows through", sql, changes);
  if (changes == 0)
    g_test_message ("  0 rows: %s", sql);
}

/* Forbidden and must be an error (an insert, a role change). */
static void
refused (GaDb *db, const char *sql)
{
  gint64 changes = attempt (db, sql);

  if (changes >= 0)
    g_error ("%s: the server accepted it (%" G_GINT64_FORMAT " rows)", sql, changes);
}

static void
allowed (GaDb *db, const char *sql, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDbStmt) stmt = ga_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  ga_db_stmt_step (stmt, &error);
  if (error != NULL)
    g_error ("%s: %s", sql, error->message);
  g_assert_cmpint (ga_db_stmt_get_changes (stmt), ==, expected);
}

/* Reads of the second enterprise (id 2, assessment 12) that must see
 * nothing, and of the first (id 1, assessment 11) that must see its row. */
static const char *const reads_other[] = {
  "SELECT count(*) FROM enterprises WHERE id = 2",
  "SELECT count(*) FROM enterprises WHERE credit_code = '91110000000000002B'",
  "SELECT count(*) FROM assessments WHERE enterprise_id = 2",
  "SELECT count(*) FROM answers WHERE assessment_id = 12",
  "SELECT count(*) FROM history WHERE assessment_id = 12",
  "SELECT count(*) FROM evidence WHERE assessment_id = 12",
  "SELECT count(*) FROM narratives WHERE assessment_id = 12",
  "SELECT count(*) FROM projects WHERE enterprise_id = 2",
  "SELECT count(*) FROM blobs WHERE sha256 = '" S2 "'",
  "SELECT count(*) FROM park_members",
  "SELECT count(*) FROM ga_assignments WHERE user_name <> current_user",
  "SELECT count(*) FROM answers a JOIN assessments s ON s.id = a.assessment_id"
  " WHERE s.enterprise_id <> 1",
};

static const char *const reads_own[] = {
  "SELECT count(*) FROM enterprises WHERE id = 1",
  "SELECT count(*) FROM assessments WHERE enterprise_id = 1",
  "SELECT count(*) FROM answers WHERE assessment_id = 11",
  "SELECT count(*) FROM history WHERE assessment_id = 11",
  "SELECT count(*) FROM evidence WHERE assessment_id = 11",
  "SELECT count(*) FROM narratives WHERE assessment_id = 11",
  "SELECT count(*) FROM projects WHERE enterprise_id = 1",
  "SELECT count(*) FROM blobs WHERE sha256 = '" S1 "'",
  "SELECT count(*) FROM ga_assignments WHERE user_name = current_user",
};

/* Changes of the second enterprise's rows: refused or no row reached. */
static const char *const changes_other[] = {
  "UPDATE enterprises SET name = 'taken' WHERE id = 2",
  "UPDATE assessments SET title = 'taken' WHERE id = 12",
  "UPDATE answers SET value = '99' WHERE assessment_id = 12",
  "UPDATE history SET state = 1 WHERE assessment_id = 12",
  "UPDATE evidence SET note = 'taken' WHERE assessment_id = 12",
  "UPDATE narratives SET text = 'taken' WHERE assessment_id = 12",
  "UPDATE projects SET name = 'taken' WHERE enterprise_id = 2",
  "UPDATE blobs SET data = '\\x03'::bytea WHERE sha256 = '" S2 "'",
  "UPDATE park_members SET added_at = 'x'",
  "UPDATE ga_assignments SET enterprise_id = 2",
  "DELETE FROM enterprises WHERE id = 2",
  "DELETE FROM assessments WHERE id = 12",
  "DELETE FROM answers WHERE assessment_id = 12",
  "DELETE FROM history WHERE assessment_id = 12",
  "DELETE FROM evidence WHERE assessment_id = 12",
  "DELETE FROM narratives WHERE assessment_id = 12",
  "DELETE FROM projects WHERE enterprise_id = 2",
  "DELETE FROM blobs WHERE sha256 = '" S2 "'",
  "DELETE FROM park_members",
  "DELETE FROM ga_assignments WHERE user_name <> current_user",
  "UPDATE meta SET value = '0' WHERE key = 'schema_version'",
  "DELETE FROM meta",
  "DELETE FROM templates",
  "DELETE FROM enterprises WHERE id = 1",
};

/* Statements that must fail outright. */
static const char *const refusals[] = {
  "INSERT INTO enterprises (uuid, name, credit_code, created_at, updated_at)"
  " VALUES ('e9', 'Nine', '91110000000000009X', 't', 't')",
  "INSERT INTO assessments (uuid, enterprise_id, template_hash, template_id, template_version,"
  " kind, title, created_at, updated_at) VALUES ('a9', 2, 'h1', 't', '1', 'factory', 'x', 't', 't')",
  "INSERT INTO answers (assessment_id, item_id, value, updated_at) VALUES (12, 'q9', '1', 't')",
  "INSERT INTO history (assessment_id, item_id, new_value, at, action)"
  " VALUES (12, 'q9', '1', 't', 'edit')",
  "INSERT INTO evidence (assessment_id, item_id, sha256, name, mime_type, size, added_at)"
  " VALUES (12, 'q1', '" S1 "', 'f', 'text/plain', 1, 't')",
  "INSERT INTO narratives (assessment_id, part, text, updated_at) VALUES (12, 'p9', 'x', 't')",
  "INSERT INTO projects (uuid, enterprise_id, name, type, created_at, updated_at)"
  " VALUES ('p9', 2, 'x', 'energy', 't', 't')",
  "INSERT INTO park_members (park_id, member_id, added_at) VALUES (2, 1, 't')",
  "INSERT INTO ga_assignments (user_name, enterprise_id) VALUES (current_user, 2)",
  "INSERT INTO meta (key, value) VALUES ('x', 'y')",
  /* moving an own row to the other enterprise */
  "UPDATE answers SET assessment_id = 12 WHERE assessment_id = 11",
  "UPDATE assessments SET enterprise_id = 2 WHERE id = 11",
  "UPDATE projects SET enterprise_id = 2 WHERE enterprise_id = 1",
  /* knowing the SHA-256 of the other enterprise's file is not enough */
  "INSERT INTO evidence (assessment_id, item_id, sha256, name, mime_type, size, added_at)"
  " VALUES (11, 'q1', '" S2 "', 'f', 'text/plain', 1, 't')",
  "UPDATE evidence SET sha256 = '" S2 "' WHERE assessment_id = 11",
  "INSERT INTO blobs (sha256, size, data) VALUES ('" S2 "', 1, '\\x05'::bytea)"
  " ON CONFLICT (sha256) DO NOTHING",
  /* history rows keep what they say */
  "UPDATE history SET author = 'someone', new_value = '0' WHERE assessment_id = 11",
  /* raising one's rights */
  "SET ROLE ga_admin",
  "SET ROLE ga_owner",
  "CREATE ROLE intruder LOGIN PASSWORD 'intruder-password'",
  "TRUNCATE answers",
  "TRUNCATE enterprises CASCADE",
  "ALTER TABLE answers DISABLE ROW LEVEL SECURITY",
  "ALTER TABLE answers NO FORCE ROW LEVEL SECURITY",
  "DROP POLICY ga_rows ON answers",
  "CREATE POLICY mine ON answers USING (true)",
  "CREATE TABLE public.stash (a int)",
  "CREATE TEMPORARY TABLE stash (a int)",
  "CREATE OR REPLACE FUNCTION public.ga_is_admin () RETURNS boolean LANGUAGE sql AS 'SELECT true'",
};

static void
try_as (guint who)
{
  static const char *const role_sql[] = { NULL, "consultant", "enterprise", "reviewer" };
  g_autoptr(GaDb) db = connect_as (who);
  gboolean writer = who == 1 || who == 2;
  g_autofree char *sql = NULL;
  g_autofree char *stamp = NULL;

  g_test_message ("as %s (%s):", fx.names[who], role_sql[who]);
  for (guint i = 0; i < G_N_ELEMENTS (reads_other); i++)
    {
      gint64 n = count (db, reads_other[i]);
      if (n != 0)
        g_error ("as %s: %s gave %" G_GINT64_FORMAT, role_sql[who], reads_other[i], n);
      g_test_message ("  0 rows: %s", reads_other[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (reads_own); i++)
    g_assert_cmpint (count (db, reads_own[i]), >=, 1);

  for (guint i = 0; i < G_N_ELEMENTS (changes_other); i++)
    forbidden (db, changes_other[i]);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    refused (db, refusals[i]);

  /* Granting oneself a group, or the rights of a role administrator. */
  sql = g_strdup_printf ("GRANT ga_admin TO \"%s\"", fx.names[who]);
  refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("ALTER ROLE \"%s\" CREATEROLE", fx.names[who]);
  refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("ALTER ROLE \"%s\" BYPASSRLS", fx.names[who]);
  refused (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SET SESSION AUTHORIZATION \"%s\"", fx.names[0]);
  refused (db, sql);
  g_clear_pointer (&sql, g_free);
  /* Granting to PUBLIC is only a warning from the server ("no privileges
   * were granted"): what counts is that PUBLIC has nothing afterwards. */
  attempt (db, "GRANT SELECT ON answers TO PUBLIC");
  {
    g_autoptr(GaDb) super = connect_super ();
    g_assert_cmpint (count (super, "SELECT count(*) FROM information_schema.role_table_grants"
                                   " WHERE grantee = 'PUBLIC' AND table_schema = 'public'"), ==, 0);
  }

  if (writer)
    {
      /* What a consultant and an enterprise user may do with their own. */
      allowed (db, "UPDATE answers SET value = '5' WHERE assessment_id = 11 AND item_id = 'q1'", 1);
      allowed (db, "UPDATE enterprises SET contact_name = 'Li' WHERE id = 1", 1);
      allowed (db, "UPDATE history SET state = 1 WHERE id ="
                   " (SELECT min (id) FROM history WHERE assessment_id = 11)", 1);
      allowed (db, "INSERT INTO blobs (sha256, size, data) VALUES ('" S1 "', 1, '\\x01'::bytea)"
                   " ON CONFLICT (sha256) DO NOTHING", 0);
      /* changed_by is the login, whatever the client writes into it */
      sql = g_strdup_printf ("INSERT INTO answers (assessment_id, item_id, value, updated_at,"
                             " changed_by) VALUES (11, 'q-%s', '1', 't', '%s')",
                             role_sql[who], fx.names[0]);
      allowed (db, sql, 1);
      g_free (sql);
      sql = g_strdup_printf ("SELECT changed_by FROM answers WHERE assessment_id = 11"
                             " AND item_id = 'q-%s'", role_sql[who]);
      stamp = text_of (db, sql);
      g_assert_cmpstr (stamp, ==, fx.names[who]);
      allowed (db, "INSERT INTO history (assessment_id, item_id, new_value, at, action)"
                   " VALUES (11, 'q1', '5', 't', 'edit')", 1);
      /* Sending the bytes themselves proves the user has the file: then
       * they may read the shared copy (which stays as it was). */
      allowed (db, "INSERT INTO blobs (sha256, size, data) VALUES ('" S2 "', 1, '\\x02'::bytea)"
                   " ON CONFLICT (sha256) DO NOTHING", 0);
      g_assert_cmpint (count (db, "SELECT count(*) FROM blobs WHERE sha256 = '" S2 "'"), ==, 1);
    }
  else
    {
      /* A reviewer only reads. */
      refused (db, "UPDATE answers SET value = '5' WHERE assessment_id = 11");
      refused (db, "INSERT INTO answers (assessment_id, item_id, value, updated_at)"
                   " VALUES (11, 'q-r', '1', 't')");
      refused (db, "DELETE FROM narratives WHERE assessment_id = 11");
      refused (db, "UPDATE enterprises SET contact_name = 'Li' WHERE id = 1");
      refused (db, "UPDATE history SET state = 1 WHERE assessment_id = 11");
      refused (db, "INSERT INTO blobs (sha256, size, data) VALUES ('s9', 1, '\\x09'::bytea)");
    }
}

/* The second enterprise's rows are as the administrator wrote them. */
static void
check_other_untouched (void)
{
  g_autoptr(GaDb) db = connect_as (0);
  g_autofree char *name = text_of (db, "SELECT name FROM enterprises WHERE id = 2");
  g_autofree char *value = text_of (db, "SELECT value FROM answers WHERE assessment_id = 12");
  g_autofree char *data = text_of (db, "SELECT encode (data, 'hex') FROM blobs WHERE sha256 = '" S2 "'");
  g_autofree char *owner = NULL;
  const char *const tables[] = {
    "SELECT count(*) FROM enterprises WHERE id = 2 AND name = 'Two' AND changed_by = current_user",
    "SELECT count(*) FROM assessments WHERE id = 12 AND title = 'A2'",
    "SELECT count(*) FROM history WHERE assessment_id = 12 AND state = 0",
    "SELECT count(*) FROM evidence WHERE assessment_id = 12 AND note IS NULL",
    "SELECT count(*) FROM narratives WHERE assessment_id = 12 AND text = 'two'",
    "SELECT count(*) FROM projects WHERE enterprise_id = 2 AND name = 'P2'",
    "SELECT count(*) FROM park_members WHERE park_id = 2 AND member_id = 1",
  };

  g_assert_cmpstr (name, ==, "Two");
  g_assert_cmpstr (value, ==, "2");
  g_assert_cmpstr (data, ==, "02");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count (db, tables[i]), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM ga_assignments"), ==, 3);
  owner = text_of (db, "SELECT value FROM meta WHERE key = 'schema_version'");
  g_assert_cmpint (g_ascii_strtoll (owner, NULL, 10), ==, GA_STORE_SCHEMA_VERSION);
}

static void
test_install_twice (void)
{
  g_autoptr(GaDb) db = connect_super ();
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  /* The first install ran in main(); the second finds everything there. */
  g_assert_true (ga_store_pg_install_report (db, steps, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < steps->len; i++)
    {
      const char *step = g_ptr_array_index (steps, i);
      g_test_message ("%s", step);
      g_assert_null (strstr (step, "created"));
    }
  /* Every table of enterprise data has row-level security, forced. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM pg_class WHERE relname IN ('enterprises',"
                              " 'assessments', 'answers', 'history', 'blobs', 'evidence',"
                              " 'narratives', 'projects', 'park_members', 'ga_assignments')"
                              " AND relnamespace = 'public'::regnamespace"
                              " AND relrowsecurity AND relforcerowsecurity"), ==, 10);
  /* PUBLIC has nothing on any table. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM information_schema.role_table_grants"
                              " WHERE grantee = 'PUBLIC' AND table_schema = 'public'"), ==, 0);
}

static void
test_roles (void)
{
  for (guint who = 1; who < 4; who++)
    try_as (who);
  check_other_untouched ();
}

static void
test_assignments (void)
{
  g_autoptr(GaDb) admin = connect_as (0);
  g_autoptr(GError) error = NULL;

  /* An enterprise user belongs to one enterprise. */
  g_assert_false (ga_store_pg_user_assign (admin, fx.names[2], "91110000000000002B", &error));
  g_assert_error (error, GA_DB_ERROR, GA_DB_ERROR_CHECK);
  g_clear_error (&error);
  /* A consultant may get a second one, and then sees it. */
  g_assert_true (ga_store_pg_user_assign (admin, fx.names[1], "91110000000000002B", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GaDb) consultant = connect_as (1);
    g_assert_cmpint (count (consultant, "SELECT count(*) FROM answers WHERE assessment_id = 12"),
                     ==, 1);
  }
  g_assert_true (ga_store_pg_user_unassign (admin, fx.names[1], "91110000000000002B", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GaDb) consultant = connect_as (1);
    g_assert_cmpint (count (consultant, "SELECT count(*) FROM answers WHERE assessment_id = 12"),
                     ==, 0);
  }
  /* The consultant, who has sent the second file's bytes (try_as), may
   * attach that file to the first enterprise's evidence: the store's way
   * of attaching a file that is on the server already. */
  {
    g_autoptr(GaDb) consultant = connect_as (1);
    allowed (consultant, "INSERT INTO evidence (assessment_id, item_id, sha256, name, mime_type,"
                         " size, added_at) VALUES (11, 'q2', '" S2 "', 'copy.txt', 'text/plain',"
                         " 1, 't')", 1);
  }
  /* Unknown codes and users are reported. */
  g_assert_false (ga_store_pg_user_assign (admin, fx.names[1], "000000000000000000", &error));
  g_assert_error (error, GA_DB_ERROR, GA_DB_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (ga_store_pg_user_assign (admin, "nobody-here", "91110000000000001A", &error));
  g_assert_error (error, GA_DB_ERROR, GA_DB_ERROR_FAILED);
  g_clear_error (&error);
  /* A consultant may not manage users. */
  {
    g_autoptr(GaDb) consultant = connect_as (1);
    const char *codes[] = { "91110000000000002B", NULL };
    g_assert_false (ga_store_pg_user_add (consultant, "helper-x", GA_STORE_PG_ROLE_ADMIN,
                                          "a-long-password", codes, &error));
    g_assert_error (error, GA_DB_ERROR, GA_DB_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_false (ga_store_pg_user_assign (consultant, fx.names[1], "91110000000000002B",
                                             &error));
    g_assert_error (error, GA_DB_ERROR, GA_DB_ERROR_PERMISSION);
    g_clear_error (&error);
  }
}

static void
test_outsiders (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = uri_with (fx.outsider, "outsider-password", fx.db_name);
  g_autofree char *wrong = uri_with (fx.names[1], "not-the-password", fx.db_name);
  GaDb *db;

  /* A login role in no GreenAssess group may not connect to the database. */
  db = ga_db_open (uri, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_test_message ("outsider refused: %s", error->message);
  g_clear_error (&error);
  /* A wrong password is refused (SCRAM). */
  db = ga_db_open (wrong, &error);
  g_assert_null (db);
  g_assert_error (error, GA_DB_ERROR, GA_DB_ERROR_OPEN);
}

/* The checks see a hole: with row-level security off on answers, the
 * consultant reads the other enterprise's answer; a second install puts it
 * back. */
static void
test_checks_see_a_hole (void)
{
  g_autoptr(GaDb) super = connect_super ();
  g_autoptr(GError) error = NULL;

  exec_ok (super, "ALTER TABLE answers NO FORCE ROW LEVEL SECURITY;"
                  " ALTER TABLE answers DISABLE ROW LEVEL SECURITY");
  {
    g_autoptr(GaDb) consultant = connect_as (1);
    g_assert_cmpint (count (consultant, "SELECT count(*) FROM answers WHERE assessment_id = 12"),
                     ==, 1);
  }
  g_assert_true (ga_store_pg_install (super, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GaDb) consultant = connect_as (1);
    g_assert_cmpint (count (consultant, "SELECT count(*) FROM answers WHERE assessment_id = 12"),
                     ==, 0);
  }
}

/* The application's store, opened on the server with a consultant's
 * login, works within what the server lets that login see: the list holds
 * only the assigned enterprise and its assessment, an answer to it is
 * saved with its history row stamped with the login, and the other
 * enterprise's assessment cannot be written through the store either. */
static void
test_store_as_consultant (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = uri_with (fx.names[1], fx.passwords[1], fx.db_name);
  g_autoptr(GaStore) store = ga_store_open (uri, &error);
  g_autoptr(GPtrArray) enterprises = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GaDb) admin = NULL;
  g_autofree char *who = NULL;
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  enterprises = ga_store_list_enterprises (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enterprises->len, ==, 1);
  g_assert_cmpstr (((GaEnterpriseSummary *) enterprises->pdata[0])->enterprise->name, ==, "One");
  assessments = ga_store_list_assessments (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 1);
  g_assert_cmpint (((GaAssessment *) assessments->pdata[0])->id, ==, 11);

  g_assert_true (ga_store_save_answer (store, 11, "q2", "\"yes\"", &error));
  g_assert_no_error (error);
  value = ga_store_get_answer (store, 11, "q2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "\"yes\"");

  /* Enterprise 2's assessment: the server hides it, so the store finds
   * nothing to write to. */
  g_assert_false (ga_store_save_answer (store, 12, "q2", "\"yes\"", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  admin = connect_as (0);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM answers WHERE assessment_id = 12"
                                 " AND item_id = 'q2'"), ==, 0);
  who = text_of (admin, "SELECT changed_by FROM history WHERE assessment_id = 11"
                        " AND item_id = 'q2'");
  g_assert_cmpstr (who, ==, fx.names[1]);
}

static char *
random_password (void)
{
  return g_strdup_printf ("%08x%08x%08x", g_random_int (), g_random_int (), g_random_int ());
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDb) super = NULL;
  g_autoptr(GaDb) admin = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *base = NULL;
  static const char *const roles[] = { "admin", "consultant", "enterprise", "reviewer" };
  const char *codes[] = { "91110000000000001A", NULL };

  fx.db_name = g_strdup_printf ("ga_roles_%d", (int) getpid ());
  for (guint i = 0; i < 4; i++)
    {
      fx.names[i] = g_strdup_printf ("%s-%d", roles[i], (int) getpid ());
      fx.passwords[i] = random_password ();
    }
  fx.outsider = g_strdup_printf ("outsider-%d", (int) getpid ());

  base = g_strdup (g_getenv ("GA_TEST_PG_URI"));
  super = ga_db_open (base, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("CREATE DATABASE %s ENCODING 'UTF8' TEMPLATE template0", fx.db_name);
  exec_ok (super, sql);
  g_clear_pointer (&super, ga_db_close);

  /* the superuser of GA_TEST_PG_URI, on the new database */
  {
    const char *scheme_end = strstr (base, "://") + 3;
    const char *at = strchr (scheme_end, '@');
    g_autofree char *userinfo = g_strndup (scheme_end, at - scheme_end);
    char *colon = strchr (userinfo, ':');
    g_assert_nonnull (colon);
    *colon = '\0';
    fx.super_uri = uri_with (userinfo, colon + 1, fx.db_name);
  }
  super = connect_super ();
  g_assert_true (ga_store_pg_install (super, &error));
  g_assert_no_error (error);

  g_assert_true (ga_store_pg_user_add (super, fx.names[0], GA_STORE_PG_ROLE_ADMIN,
                                       fx.passwords[0], NULL, &error));
  g_assert_no_error (error);
  g_free (sql);
  sql = g_strdup_printf ("CREATE ROLE \"%s\" LOGIN PASSWORD 'outsider-password'", fx.outsider);
  exec_ok (super, sql);

  /* The administrator (not a superuser) writes the data of two
   * enterprises, a park link between them, and adds the other users. */
  admin = connect_as (0);
  exec_ok (admin,
           "INSERT INTO enterprises (id, uuid, name, credit_code, created_at, updated_at) VALUES"
           " (1, 'e1', 'One', '91110000000000001A', 't', 't'),"
           " (2, 'e2', 'Two', '91110000000000002B', 't', 't');"
           "INSERT INTO templates (hash, template_id, version, kind, content)"
           " VALUES ('h1', 't', '1', 'factory', '\\x00'::bytea);"
           "INSERT INTO assessments (id, uuid, enterprise_id, template_hash, template_id,"
           " template_version, kind, title, created_at, updated_at) VALUES"
           " (11, 'a1', 1, 'h1', 't', '1', 'factory', 'A1', 't', 't'),"
           " (12, 'a2', 2, 'h1', 't', '1', 'factory', 'A2', 't', 't');"
           "INSERT INTO answers (assessment_id, item_id, value, updated_at) VALUES"
           " (11, 'q1', '1', 't'), (12, 'q1', '2', 't');"
           "INSERT INTO history (assessment_id, item_id, new_value, at, action) VALUES"
           " (11, 'q1', '1', 't', 'edit'), (12, 'q1', '2', 't', 'edit');"
           "INSERT INTO blobs (sha256, size, data) VALUES"
           " ('" S1 "', 1, '\\x01'::bytea), ('" S2 "', 1, '\\x02'::bytea);"
           "INSERT INTO evidence (assessment_id, item_id, sha256, name, mime_type, size, added_at)"
           " VALUES (11, 'q1', '" S1 "', 'one.txt', 'text/plain', 1, 't'),"
           " (12, 'q1', '" S2 "', 'two.txt', 'text/plain', 1, 't');"
           "INSERT INTO narratives (assessment_id, part, text, updated_at) VALUES"
           " (11, 'factory', 'one', 't'), (12, 'factory', 'two', 't');"
           "INSERT INTO projects (uuid, enterprise_id, name, type, created_at, updated_at) VALUES"
           " ('p1', 1, 'P1', 'energy', 't', 't'), ('p2', 2, 'P2', 'energy', 't', 't');"
           "INSERT INTO park_members (park_id, member_id, added_at) VALUES (2, 1, 't');");
  for (guint i = 1; i < 4; i++)
    {
      g_assert_true (ga_store_pg_user_add (admin, fx.names[i], (GaStorePgRole) i,
                                           fx.passwords[i], codes, &error));
      g_assert_no_error (error);
    }
}

static void
tear_down (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDb) super = ga_db_open (g_getenv ("GA_TEST_PG_URI"), &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", fx.db_name);
  exec_ok (super, sql);
  for (guint i = 0; i < 4; i++)
    {
      g_free (sql);
      sql = g_strdup_printf ("DROP ROLE \"%s\"", fx.names[i]);
      exec_ok (super, sql);
    }
  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE \"%s\"", fx.outsider);
  exec_ok (super, sql);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("GA_TEST_PG_URI") == NULL)
    {
      g_printerr ("test-pg-roles needs a PostgreSQL server: run it through tests/pg/pg-test.sh\n");
      return 77;
    }
  set_up ();
  g_test_add_func ("/ga/pg-roles/install-twice", test_install_twice);
  g_test_add_func ("/ga/pg-roles/forbidden", test_roles);
  g_test_add_func ("/ga/pg-roles/assignments", test_assignments);
  g_test_add_func ("/ga/pg-roles/outsiders", test_outsiders);
  g_test_add_func ("/ga/pg-roles/checks-see-a-hole", test_checks_see_a_hole);
  g_test_add_func ("/ga/pg-roles/store-as-consultant", test_store_as_consultant);
  status = g_test_run ();
  tear_down ();
  return status;
}
