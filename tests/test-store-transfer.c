/* test-store-transfer.c: copying enterprises and their assessments from a
 * local file to another store and back (ga-store-transfer.h)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "server" of each case is an SQLite file, and, when GA_TEST_PG_URI
 * names a PostgreSQL server (tests/pg/pg-test.sh sets it for the meson test
 * store-transfer-pg), a schema of its own there. The stores are compared by
 * a dump this test makes with its own SQL over every table, keyed by the
 * natural keys (credit code, uuid, hash), so that two stores that hold the
 * same things under other ids give the same dump.
 */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-engine.h"
#include "ga-store-transfer.h"
#include "ga-db.h"

typedef struct {
  gboolean    server;
  const char *pg_uri;
} Backend;

typedef struct {
  const Backend *backend;
  char          *dir;
  char          *schema;
  char          *local;    /* the original file */
  char          *remote;   /* what ga_store_open() is given for the "server" */
  char          *pulled;   /* the fresh file pulled into */
} Fixture;

static guint schema_counter;

/* Evidence whose bytes must come back unchanged: a NUL, bytes that are
 * not UTF-8, and an empty file. */
static const guint8 evidence_one[] = { 0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0x0a };

static void
pg_exec (const char *uri,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDb) db = ga_db_open (uri, &error);

  g_assert_no_error (error);
  g_assert_true (ga_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->backend = data;
  fx->dir = g_dir_make_tmp ("ga-transfer-XXXXXX", &error);
  g_assert_no_error (error);
  fx->local = g_build_filename (fx->dir, "local.db", NULL);
  fx->pulled = g_build_filename (fx->dir, "pulled.db", NULL);
  if (fx->backend->server)
    {
      g_autofree char *sql = NULL;

      fx->schema = g_strdup_printf ("ga_transfer_%d_%u", (int) getpid (), ++schema_counter);
      sql = g_strdup_printf ("CREATE SCHEMA %s", fx->schema);
      pg_exec (fx->backend->pg_uri, sql);
      fx->remote = g_strdup_printf ("%s%coptions=-csearch_path%%3D%s", fx->backend->pg_uri,
                                    strchr (fx->backend->pg_uri, '?') != NULL ? '&' : '?',
                                    fx->schema);
    }
  else
    fx->remote = g_build_filename (fx->dir, "remote.db", NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  if (fx->schema != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SET client_min_messages = warning;"
                                              " DROP SCHEMA %s CASCADE", fx->schema);
      pg_exec (fx->backend->pg_uri, sql);
    }
  else
    remove_db (fx->remote);
  remove_db (fx->local);
  remove_db (fx->pulled);
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->schema);
  g_free (fx->local);
  g_free (fx->remote);
  g_free (fx->pulled);
}

/* ------------------------------------------------------------------ */
/* The dump                                                            */

static const char *const dump_queries[] = {
  "SELECT uuid, name, credit_code, industry, region, address, legal_representative,"
  " contact_name, contact_phone, contact_email, output_value, value_added, employees, demo,"
  " created_at, updated_at, postal_code, ownership, registration_authority, registered_capital,"
  " founded_on, valid_until, legal_representative_phone, contact_department, contact_mobile,"
  " fax, main_products, profile, kind FROM enterprises ORDER BY credit_code",
  "SELECT hash, template_id, version, kind, title, imported_at, content FROM templates"
  " ORDER BY hash",
  "SELECT e.credit_code, a.uuid, a.template_hash, a.template_id, a.template_version, a.kind,"
  " a.title, a.year, a.period, a.status, a.created_at, a.updated_at, a.finalized_at,"
  " a.finalized_by FROM assessments a JOIN enterprises e ON e.id = a.enterprise_id"
  " ORDER BY a.uuid",
  "SELECT a.uuid, r.item_id, r.value, r.author, r.updated_at FROM answers r"
  " JOIN assessments a ON a.id = r.assessment_id ORDER BY a.uuid, r.item_id",
  /* Every history row in order, its target as the position of the row it
   * names within the assessment's history. */
  "SELECT a.uuid, h.item_id, h.old_value, h.new_value, h.author, h.at, h.action, h.state,"
  " h.subject, (SELECT count(*) FROM history x WHERE x.assessment_id = h.assessment_id"
  " AND x.id <= h.target) FROM history h JOIN assessments a ON a.id = h.assessment_id"
  " ORDER BY a.uuid, h.id",
  "SELECT a.uuid, v.item_id, v.sha256, v.name, v.mime_type, v.size, v.author, v.added_at,"
  " v.note, b.data FROM evidence v JOIN assessments a ON a.id = v.assessment_id"
  " JOIN blobs b ON b.sha256 = v.sha256 ORDER BY a.uuid, v.id",
  "SELECT a.uuid, n.part, n.text, n.author, n.updated_at FROM narratives n"
  " JOIN assessments a ON a.id = n.assessment_id ORDER BY a.uuid, n.part",
  "SELECT e.credit_code, p.uuid, p.name, p.type, p.content, p.investment, p.start_on, p.end_on,"
  " p.energy_saving, p.co2_cut, p.water_saving, p.progress, p.note, p.created_at,"
  " p.updated_at FROM projects p JOIN enterprises e ON e.id = p.enterprise_id ORDER BY p.uuid",
  "SELECT p.credit_code, m.credit_code, k.added_at FROM park_members k"
  " JOIN enterprises p ON p.id = k.park_id JOIN enterprises m ON m.id = k.member_id"
  " ORDER BY p.credit_code, m.credit_code",
  "SELECT count(*) FROM blobs",
};

/* Every row of every table, one line per row, values by type; bytes as
 * their SHA-256 and length. Integers and doubles print alike, since a
 * REAL of SQLite and a double precision of PostgreSQL hold the same. */
static char *
dump (const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDb) db = ga_db_open (target, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (gsize q = 0; q < G_N_ELEMENTS (dump_queries); q++)
    {
      g_autoptr(GaDbStmt) stmt = ga_db_prepare (db, dump_queries[q], &error);
      GaDbStep step;

      g_assert_no_error (error);
      g_string_append_printf (out, "# %" G_GSIZE_FORMAT "\n", q);
      while ((step = ga_db_stmt_step (stmt, &error)) == GA_DB_STEP_ROW)
        {
          for (int c = 0; c < ga_db_stmt_column_count (stmt); c++)
            {
              switch (ga_db_stmt_column_type (stmt, c))
                {
                case GA_DB_TYPE_NULL:
                  g_string_append (out, "∅");
                  break;
                case GA_DB_TYPE_INTEGER:
                  g_string_append_printf (out, "%.17g", (double) ga_db_stmt_column_int64 (stmt, c));
                  break;
                case GA_DB_TYPE_FLOAT:
                  g_string_append_printf (out, "%.17g", ga_db_stmt_column_double (stmt, c));
                  break;
                case GA_DB_TYPE_BLOB:
                  {
                    gsize length = 0;
                    const guint8 *data = ga_db_stmt_column_blob (stmt, c, &length);
                    g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                        data, length);

                    g_string_append_printf (out, "<%s:%" G_GSIZE_FORMAT ">", sum, length);
                  }
                  break;
                default:
                  g_string_append_printf (out, "“%s”", ga_db_stmt_column_text (stmt, c));
                  break;
                }
              g_string_append_c (out, '|');
            }
          g_string_append_c (out, '\n');
        }
      g_assert_no_error (error);
      g_assert_cmpint (step, ==, GA_DB_STEP_DONE);
    }
  return g_string_free (out, FALSE);
}

/* The number of rows of @table in @target. */
static gint64
count_rows (const char *target,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDb) db = ga_db_open (target, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GaDbStmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = ga_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_db_stmt_step (stmt, &error), ==, GA_DB_STEP_ROW);
  return ga_db_stmt_column_int64 (stmt, 0);
}

/* ------------------------------------------------------------------ */
/* The local data                                                      */

typedef struct {
  gint64 demo_id;        /* the demo enterprise */
  gint64 park_id;
  gint64 assessment;     /* an assessment of the demo enterprise */
  gint64 park_assessment;
  gint64 evidence_one;
  gint64 evidence_empty;
} Local;

static gint64
first_assessment (GaStore *store,
                  gint64   enterprise_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ga_store_list_assessments (store, enterprise_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >, 0);
  return ((GaAssessment *) g_ptr_array_index (list, list->len - 1))->id;
}

/* The demo data, a park with the demo enterprise as member, two evidence
 * files, an edit that was undone (a history row with a target), a report
 * text and a project. */
static GaStore *
make_local (Fixture *fx,
            Local   *local)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) demo = NULL;
  g_autoptr(GaProject) project = ga_project_new ();
  g_autoptr(GBytes) one = g_bytes_new_static (evidence_one, sizeof evidence_one);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GPtrArray) all = NULL;
  GaStore *store = ga_store_open (fx->local, &error);

  g_assert_no_error (error);
  ga_store_set_author (store, "林工");
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);
  demo = ga_store_find_enterprise (store, GA_STORE_DEMO_CREDIT_CODE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo);
  local->demo_id = demo->id;
  g_assert_true (ga_store_create_demo_park (store, demo->id, &error));
  g_assert_no_error (error);
  all = ga_store_list_enterprises (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      GaEnterpriseSummary *s = g_ptr_array_index (all, i);

      if (s->enterprise->kind == GA_ENTERPRISE_PARK)
        local->park_id = s->enterprise->id;
    }
  g_assert_cmpint (local->park_id, >, 0);

  local->assessment = first_assessment (store, local->demo_id);
  local->park_assessment = first_assessment (store, local->park_id);
  local->evidence_one = ga_store_add_evidence_bytes (store, local->assessment, "E1",
                                                     "营业执照.pdf", one, &error);
  g_assert_no_error (error);
  local->evidence_empty = ga_store_add_evidence_bytes (store, local->assessment, "E2",
                                                       "empty.txt", empty, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_save_answer (store, local->assessment, "TRANSFER-1", "42", &error));
  g_assert_no_error (error);
  g_assert_true (ga_store_undo (store, local->assessment, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ga_store_set_narrative (store, local->assessment, "factory",
                                         "本企业位于福州市。\n第二段。", &error));
  g_assert_no_error (error);

  project->enterprise_id = local->demo_id;
  project->name = g_strdup ("空压机余热回收");
  project->type = g_strdup ("energy");
  project->investment = 0.1 + 0.2;   /* every bit must come back */
  project->energy_saving = 120;
  project->start_on = g_strdup ("2026-03");
  g_assert_cmpint (ga_store_add_project (store, project, &error), >, 0);
  g_assert_no_error (error);
  return store;
}

/* Runs a transfer that must succeed, showing its error if it does not. */
static void
transfer_ok (GaStore              *source,
             GaStore              *destination,
             const char * const   *codes,
             GaStoreTransferFlags  flags,
             GaStoreTransferStats *stats)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = ga_store_transfer (source, destination, codes, flags, stats, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* ------------------------------------------------------------------ */
/* Cases                                                               */

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Local local = { 0 };
  g_autoptr(GaStore) store = make_local (fx, &local);
  g_autoptr(GaStore) remote = ga_store_open (fx->remote, &error);
  g_autoptr(GaStore) pulled = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *original = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *round = NULL;
  g_autofree char *again = NULL;
  GaStoreTransferStats stats;
  gint64 enterprises, history, blobs;

  g_assert_no_error (error);
  original = dump (fx->local);
  /* The data this test is about is really there. */
  g_assert_cmpint (count_rows (fx->local, "park_members"), ==, 1);
  g_assert_cmpint (count_rows (fx->local, "projects"), ==, 1);
  g_assert_cmpint (count_rows (fx->local, "narratives"), >=, 1);
  g_assert_cmpint (count_rows (fx->local, "evidence"), ==, 2);
  g_assert_nonnull (strstr (original, "“undo”"));

  transfer_ok (store, remote, NULL, GA_STORE_TRANSFER_NONE, &stats);
  /* The demo enterprise and the park. */
  g_assert_cmpuint (stats.enterprises_added, ==, 2);
  g_assert_cmpuint (stats.assessments_added, ==, count_rows (fx->local, "assessments"));
  g_assert_cmpuint (stats.projects_added, ==, 1);
  g_assert_cmpuint (stats.park_members_added, ==, 1);
  g_assert_cmpuint (stats.blobs_sent, ==, 2);
  on_server = dump (fx->remote);
  g_assert_cmpstr (on_server, ==, original);

  pulled = ga_store_open (fx->pulled, &error);
  g_assert_no_error (error);
  transfer_ok (remote, pulled, NULL, GA_STORE_TRANSFER_NONE, &stats);
  round = dump (fx->pulled);
  g_assert_cmpstr (round, ==, original);

  /* The bytes through the store's own API, in the pulled file. */
  {
    g_autoptr(GaEnterprise) demo = ga_store_find_enterprise (pulled, GA_STORE_DEMO_CREDIT_CODE,
                                                             &error);
    g_autoptr(GaAssessment) a = ga_store_get_assessment (store, local.assessment, &error);
    gint64 id;

    g_assert_no_error (error);
    id = ga_store_resolve_assessment (pulled, a->uuid, &error);
    g_assert_no_error (error);
    evidence = ga_store_list_evidence (pulled, id, "E1", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evidence->len, ==, 1);
    back = ga_store_get_evidence_bytes (pulled, ((GaEvidence *) evidence->pdata[0])->id, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (back, NULL), g_bytes_get_size (back),
                     evidence_one, sizeof evidence_one);
    g_assert_nonnull (demo);
  }

  /* A second push adds nothing. */
  enterprises = count_rows (fx->remote, "enterprises");
  history = count_rows (fx->remote, "history");
  blobs = count_rows (fx->remote, "blobs");
  transfer_ok (store, remote, NULL, GA_STORE_TRANSFER_NONE, &stats);
  g_assert_cmpuint (stats.enterprises_added + stats.assessments_added + stats.projects_added
                    + stats.blobs_sent + stats.park_members_added + stats.enterprises_replaced
                    + stats.assessments_replaced + stats.projects_replaced, ==, 0);
  g_assert_cmpuint (stats.enterprises_same, ==, 2);
  g_assert_cmpuint (stats.assessments_same, ==, count_rows (fx->local, "assessments"));
  g_assert_cmpint (count_rows (fx->remote, "enterprises"), ==, enterprises);
  g_assert_cmpint (count_rows (fx->remote, "history"), ==, history);
  g_assert_cmpint (count_rows (fx->remote, "blobs"), ==, blobs);
  again = dump (fx->remote);
  g_assert_cmpstr (again, ==, original);
}

static void
test_conflict (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Local local = { 0 };
  g_autoptr(GaStore) store = make_local (fx, &local);
  g_autoptr(GaStore) remote = ga_store_open (fx->remote, &error);
  g_autoptr(GaProject) project = ga_project_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mine = NULL;
  GaStoreTransferStats stats;

  g_assert_no_error (error);
  transfer_ok (store, remote, NULL, GA_STORE_TRANSFER_NONE, NULL);
  before = dump (fx->remote);

  /* A new project of the demo enterprise, which is copied first, and a
   * changed answer of the park's assessment, which is met later: the
   * refusal must undo the project's copy too. */
  project->enterprise_id = local.demo_id;
  project->name = g_strdup ("中水回用");
  project->type = g_strdup ("water");
  project->investment = g_test_rand_double_range (1, 2);
  g_assert_cmpint (ga_store_add_project (store, project, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (ga_store_save_answer (store, local.park_assessment, "TRANSFER-2", "\"改\"",
                                       &error));
  g_assert_no_error (error);

  g_assert_false (ga_store_transfer (store, remote, NULL, GA_STORE_TRANSFER_NONE, &stats, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  g_assert_cmpuint (stats.projects_added, ==, 0);
  after = dump (fx->remote);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* Replacing is an explicit choice; then the server holds the local copy. */
  transfer_ok (store, remote, NULL, GA_STORE_TRANSFER_REPLACE, &stats);
  g_assert_cmpuint (stats.assessments_replaced, ==, 1);
  g_assert_cmpuint (stats.projects_added, ==, 1);
  g_clear_pointer (&after, g_free);
  after = dump (fx->remote);
  mine = dump (fx->local);
  g_assert_cmpstr (after, ==, mine);
}

static void
test_selection (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Local local = { 0 };
  g_autoptr(GaStore) store = make_local (fx, &local);
  g_autoptr(GaStore) remote = ga_store_open (fx->remote, &error);
  g_autoptr(GaEnterprise) other = ga_enterprise_new ();
  const char *unknown[] = { "91110000100000000R", NULL };
  const char *only[] = { GA_STORE_DEMO_CREDIT_CODE, NULL };
  GaStoreTransferStats stats;

  g_assert_no_error (error);
  other->name = g_strdup ("另一家企业");
  other->credit_code = g_strdup ("91350100M000100Y43");
  g_assert_cmpint (ga_store_add_enterprise (store, other, &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (ga_store_transfer (store, remote, unknown, GA_STORE_TRANSFER_NONE, &stats,
                                     &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "91110000100000000R"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fx->remote, "enterprises"), ==, 0);

  /* Only the demo enterprise: not the park (whose member it is) nor the
   * other one. */
  transfer_ok (store, remote, only, GA_STORE_TRANSFER_NONE, &stats);
  g_assert_cmpuint (stats.enterprises_added, ==, 1);
  g_assert_cmpint (count_rows (fx->remote, "enterprises"), ==, 1);
  g_assert_cmpint (count_rows (fx->remote, "park_members"), ==, 0);
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  /* Port 1 on the loopback: nothing listens there. */
  g_autoptr(GaStore) remote = ga_store_open ("postgresql://ga@127.0.0.1:1/none?connect_timeout=5",
                                             &error);

  g_assert_null (remote);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static void
add_cases (const Backend *backend)
{
  const char *name = backend->server ? "postgresql" : "sqlite";
  const struct {
    const char *path;
    void (*func) (Fixture *, gconstpointer);
  } cases[] = {
    { "round-trip", test_round_trip },
    { "conflict", test_conflict },
    { "selection", test_selection },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store-transfer/%s/%s", name, cases[i].path);

      g_test_add (path, Fixture, backend, fixture_set_up, cases[i].func, fixture_tear_down);
    }
}

int
main (int   argc,
      char *argv[])
{
  static Backend sqlite = { FALSE, NULL };
  static Backend pg = { TRUE, NULL };

  g_test_init (&argc, &argv, NULL);

  add_cases (&sqlite);
  pg.pg_uri = g_getenv ("GA_TEST_PG_URI");
  if (pg.pg_uri != NULL && *pg.pg_uri != '\0')
    {
      add_cases (&pg);
      g_test_add_func ("/store-transfer/postgresql/unreachable", test_unreachable);
    }

  return g_test_run ();
}
