/* ga-bench-store.c: the store benchmarks (one "NAME VALUE UNIT" line per figure)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets (design/ARCHITECTURE.md, 2-core reference machine):
 *   store.save_answer_median   <= 2 x store.bare_insert_median
 *   store.open_list            <= 50 ms
 *   store.open_assessment      <= 10 ms
 *
 * store.bare_insert_* is the floor: one single-row INSERT committed on its
 * own in a fresh WAL database with the store's durability setting
 * (synchronous=FULL: the WAL is fsynced before the commit returns).
 * store.bare_insert_normal_median is the same with synchronous=NORMAL, the
 * cost FULL adds (docs/storage.md). Saves and bare inserts are timed in
 * alternating rounds so that both see the same disk and load.
 *
 * The large database (1,000 enterprises, 5,000 assessments of 300 answers:
 * 1.5 million answers) is generated in a temporary folder through SQLite
 * directly, in one transaction with prepared statements and without a
 * journal, then switched to WAL like a real store. Its figures are warm
 * (the file is in the OS cache, as it is when the application runs):
 *   store.open_list        ga_store_open() + ga_store_list_enterprises()
 *                          (each enterprise with its latest assessment), closed
 *                          again, median of 7;
 *   store.open_assessment  ga_store_load_engine() on an open store: the
 *                          assessment, its 300 answers parsed and checked
 *                          against the template, a new engine evaluated;
 *                          median of 21 random assessments (the template
 *                          copy is parsed once and then shared, as in the
 *                          application); store.open_assessment_first is the
 *                          first one, which parses the template.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-engine.h"

void ga_bench_store_run (void);

#define ROUNDS           5
#define PER_ROUND        100
#define N_ENTERPRISES    1000
#define N_ASSESSMENTS    5000
#define N_ITEMS          300
#define OPEN_RUNS        7
#define ASSESSMENT_RUNS  21

static double
bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static int
bench_cmp_double (const void *a,
                  const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
bench_percentile (double *v,
                  guint   n,
                  double  p)
{
  guint i;

  qsort (v, n, sizeof (double), bench_cmp_double);
  i = (guint) ceil (p * n) - 1;
  return v[MIN (i, n - 1)];
}

static void
bench_report (const char *name,
              double      value,
              const char *unit)
{
  printf ("%s %.3f %s\n", name, value, unit);
  fflush (stdout);
}

static void
bench_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
bench_exec (sqlite3    *db,
            const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* ------------------------------------------------------------------ */
/* Save versus bare insert                                             */

static sqlite3 *
open_bare (const char *path,
           const char *synchronous)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = WAL; PRAGMA synchronous = %s;"
                                          " CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);",
                                          synchronous);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("cannot open %s", path);
  bench_exec (db, sql);
  return db;
}

static double
bare_insert_ms (sqlite3      *db,
                sqlite3_stmt *stmt,
                int           i)
{
  double t0 = bench_now_ms ();

  sqlite3_reset (stmt);
  sqlite3_bind_int (stmt, 1, i);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("bare insert: %s", sqlite3_errmsg (db));
  return bench_now_ms () - t0;
}

static void
bench_saves (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = g_build_filename (dir, "save.db", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *normal_path = g_build_filename (dir, "normal.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (store_path, &error);
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) tmpl = g_bytes_new_static ("{}", 2);
  double saves[ROUNDS * PER_ROUND], bare[ROUNDS * PER_ROUND], normal[ROUNDS * PER_ROUND];
  sqlite3 *bare_db, *normal_db;
  sqlite3_stmt *bare_stmt = NULL, *normal_stmt = NULL;
  gint64 id;
  guint n = 0;

  g_assert_no_error (error);
  e->name = g_strdup ("Bench");
  e->credit_code = g_strdup ("91350100M000100Y43");
  id = ga_store_new_assessment_from_bytes (store, ga_store_add_enterprise (store, e, &error),
                                           "bench", "1", "custom", tmpl, "Bench", 2025, NULL,
                                           &error);
  g_assert_no_error (error);

  bare_db = open_bare (bare_path, "FULL");
  normal_db = open_bare (normal_path, "NORMAL");
  sqlite3_prepare_v2 (bare_db, "INSERT INTO t (v) VALUES ('answer ' || ?)", -1, &bare_stmt, NULL);
  sqlite3_prepare_v2 (normal_db, "INSERT INTO t (v) VALUES ('answer ' || ?)", -1, &normal_stmt,
                      NULL);

  for (guint r = 0; r < ROUNDS; r++)
    {
      for (guint i = 0; i < PER_ROUND; i++)
        bare[r * PER_ROUND + i] = bare_insert_ms (bare_db, bare_stmt, i);
      for (guint i = 0; i < PER_ROUND; i++)
        {
          char item[16], value[32];
          double t0;

          /* Items of a 300-item checklist, each saved several times: most
           * saves replace an answer, as when a user corrects one. */
          g_snprintf (item, sizeof item, "Q%03u", (n * 7) % N_ITEMS);
          g_snprintf (value, sizeof value, "%u.5", n);
          t0 = bench_now_ms ();
          if (!ga_store_save_answer (store, id, item, value, &error))
            g_error ("save: %s", error->message);
          saves[n++] = bench_now_ms () - t0;
        }
      for (guint i = 0; i < PER_ROUND; i++)
        normal[r * PER_ROUND + i] = bare_insert_ms (normal_db, normal_stmt, i);
    }
  sqlite3_finalize (bare_stmt);
  sqlite3_finalize (normal_stmt);
  sqlite3_close (bare_db);
  sqlite3_close (normal_db);

  bench_report ("store.bare_insert_median", bench_percentile (bare, n, 0.5), "ms");
  bench_report ("store.bare_insert_p99", bench_percentile (bare, n, 0.99), "ms");
  bench_report ("store.bare_insert_normal_median", bench_percentile (normal, n, 0.5), "ms");
  bench_report ("store.save_answer_median", bench_percentile (saves, n, 0.5), "ms");
  bench_report ("store.save_answer_p99", bench_percentile (saves, n, 0.99), "ms");
}

/* ------------------------------------------------------------------ */
/* The large database                                                  */

/* A 300-item points template: 10 sections of 30 items, each section 10
 * compliance checks (2 points), 10 numbers scored by interpolation
 * (5 points) and 10 yes/no items (3 points): 100 points a section. The
 * numbers mean nothing; they exist to be evaluated. */
static char *
bench_template (void)
{
  GString *s = g_string_new ("{\"format\": 1, \"id\": \"bench-300\", \"version\": \"1.0.0\","
                             " \"kind\": \"green-factory\", \"title\": \"Bench 300\","
                             " \"standard\": {\"code\": \"BENCH\", \"title\": \"bench\"},"
                             " \"source\": \"tests/bench/ga-bench-store.c\","
                             " \"scoring\": {\"scheme\": \"points\", \"max\": 1000},"
                             " \"sections\": [");

  for (guint sec = 0; sec < 10; sec++)
    {
      g_string_append_printf (s, "%s{\"id\": \"S%u\", \"title\": \"Section %u\", \"items\": [",
                              sec ? ", " : "", sec, sec);
      for (guint k = 0; k < 30; k++)
        {
          guint i = sec * 30 + k;

          if (k)
            g_string_append (s, ", ");
          if (k < 10)
            g_string_append_printf (s, "{\"id\": \"Q%03u\", \"kind\": \"compliance\", \"title\": "
                                    "\"C%u\", \"points\": 2, \"source\": \"bench\"}", i, i);
          else if (k < 20)
            g_string_append_printf (s, "{\"id\": \"Q%03u\", \"kind\": \"number\", \"title\": "
                                    "\"N%u\", \"points\": 5, \"min\": 0, \"max\": 1, \"source\": "
                                    "\"bench\", \"score\": {\"interp\": {\"baseline\": 0.8, "
                                    "\"leading\": 0.9}}}", i, i);
          else
            g_string_append_printf (s, "{\"id\": \"Q%03u\", \"kind\": \"yesno\", \"title\": "
                                    "\"Y%u\", \"points\": 3, \"source\": \"bench\"}", i, i);
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static const char *
bench_answer (guint item,
              guint seed,
              char *buf)
{
  static const char *const compliance[] = { "\"yes\"", "\"partial\"", "\"no\"" };
  guint k = item % 30;

  if (k < 10)
    return compliance[(item + seed) % 3];
  if (k < 20)
    {
      g_snprintf (buf, 16, "0.%02u", 70 + (item * 7 + seed) % 30);
      return buf;
    }
  return (item + seed) % 4 ? "true" : "false";
}

static void
generate (const char *path,
          const char *template_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, template_json, -1);
  sqlite3 *db = NULL;
  sqlite3_stmt *ent = NULL, *ass = NULL, *ans = NULL, *tpl = NULL;
  GRand *rand = g_rand_new_with_seed (20251121);
  const char *stamp = "2025-06-30T08:00:00.000000Z";

  /* The schema comes from the store itself. */
  g_assert_no_error (error);
  g_clear_object (&store);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("cannot open %s", path);
  bench_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                  " PRAGMA cache_size = -65536; BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO templates (hash, template_id, version, kind, title,"
                      " content) VALUES (?, 'bench-300', '1.0.0', 'green-factory', 'Bench 300', ?)",
                      -1, &tpl, NULL);
  sqlite3_bind_text (tpl, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_blob (tpl, 2, template_json, strlen (template_json), SQLITE_STATIC);
  if (sqlite3_step (tpl) != SQLITE_DONE)
    g_error ("template: %s", sqlite3_errmsg (db));
  sqlite3_finalize (tpl);

  sqlite3_prepare_v2 (db, "INSERT INTO enterprises (id, uuid, name, credit_code, industry, region,"
                      " employees, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, '34', '350000',"
                      " ?5, ?6, ?6)", -1, &ent, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO assessments (id, uuid, enterprise_id, template_hash,"
                      " template_id, template_version, kind, title, year, status, created_at,"
                      " updated_at) VALUES (?1, ?2, ?3, ?4, 'bench-300', '1.0.0', 'green-factory',"
                      " ?5, ?6, 'draft', ?7, ?7)", -1, &ass, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO answers (assessment_id, item_id, value, author, updated_at)"
                      " VALUES (?, ?, ?, 'bench', ?)", -1, &ans, NULL);

  for (guint e = 1; e <= N_ENTERPRISES; e++)
    {
      char code[19], name[64];
      g_autofree char *uuid = g_uuid_string_random ();

      /* Distinct valid codes: a running number in the organisation part. */
      g_snprintf (code, sizeof code, "91350100%09u", e);
      code[17] = ga_credit_code_check_char (code);
      code[18] = '\0';
      g_snprintf (name, sizeof name, "Enterprise %04u", e);
      sqlite3_reset (ent);
      sqlite3_bind_int (ent, 1, e);
      sqlite3_bind_text (ent, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ent, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ent, 4, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (ent, 5, g_rand_int_range (rand, 20, 2000));
      sqlite3_bind_text (ent, 6, stamp, -1, SQLITE_STATIC);
      if (sqlite3_step (ent) != SQLITE_DONE)
        g_error ("enterprise: %s", sqlite3_errmsg (db));
    }

  for (guint a = 1; a <= N_ASSESSMENTS; a++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char title[64], updated[40];

      g_snprintf (title, sizeof title, "Assessment %u", a);
      g_snprintf (updated, sizeof updated, "2025-%02u-%02uT%02u:00:00.000000Z",
                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                  g_rand_int_range (rand, 0, 24));
      sqlite3_reset (ass);
      sqlite3_bind_int (ass, 1, a);
      sqlite3_bind_text (ass, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (ass, 3, (a - 1) % N_ENTERPRISES + 1);
      sqlite3_bind_text (ass, 4, hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (ass, 5, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (ass, 6, 2020 + a % 6);
      sqlite3_bind_text (ass, 7, updated, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (ass) != SQLITE_DONE)
        g_error ("assessment: %s", sqlite3_errmsg (db));

      for (guint i = 0; i < N_ITEMS; i++)
        {
          char item[8], buf[16];

          g_snprintf (item, sizeof item, "Q%03u", i);
          sqlite3_reset (ans);
          sqlite3_bind_int (ans, 1, a);
          sqlite3_bind_text (ans, 2, item, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (ans, 3, bench_answer (i, a, buf), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (ans, 4, stamp, -1, SQLITE_STATIC);
          if (sqlite3_step (ans) != SQLITE_DONE)
            g_error ("answer: %s", sqlite3_errmsg (db));
        }
    }
  sqlite3_finalize (ent);
  sqlite3_finalize (ass);
  sqlite3_finalize (ans);
  bench_exec (db, "COMMIT; ANALYZE; PRAGMA journal_mode = WAL");
  sqlite3_close (db);
  g_rand_free (rand);
}

static void
bench_large (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "large.db", NULL);
  g_autofree char *template_json = bench_template ();
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double open_list[OPEN_RUNS], open_assessment[ASSESSMENT_RUNS];
  double t0, generated;
  GRand *rand = g_rand_new_with_seed (7);

  t0 = bench_now_ms ();
  generate (path, template_json);
  generated = bench_now_ms () - t0;
  bench_report ("store.generate_1_5m_answers", generated / 1000, "s");

  for (guint r = 0; r < OPEN_RUNS; r++)
    {
      g_autoptr(GPtrArray) list = NULL;

      t0 = bench_now_ms ();
      store = ga_store_open (path, &error);
      g_assert_no_error (error);
      list = ga_store_list_enterprises (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, N_ENTERPRISES);
      g_clear_object (&store);
      open_list[r] = bench_now_ms () - t0;
    }
  bench_report ("store.open_list", bench_percentile (open_list, OPEN_RUNS, 0.5), "ms");

  /* What a command that writes pays once per connection on this database:
   * SQLite's quick check of every table but the evidence bytes before the
   * first write, plus the save itself; a second save on the same
   * connection is the anchor. */
  {
    double first[OPEN_RUNS], second[OPEN_RUNS];

    for (guint r = 0; r < OPEN_RUNS; r++)
      {
        char buf[16];
        const char *value = bench_answer (0, r, buf);

        store = ga_store_open (path, &error);
        g_assert_no_error (error);
        t0 = bench_now_ms ();
        if (!ga_store_save_answer (store, 1, "Q000", value, &error))
          g_error ("first save: %s", error->message);
        first[r] = bench_now_ms () - t0;
        value = bench_answer (0, r + 1, buf);
        t0 = bench_now_ms ();
        if (!ga_store_save_answer (store, 1, "Q000", value, &error))
          g_error ("second save: %s", error->message);
        second[r] = bench_now_ms () - t0;
        g_clear_object (&store);
      }
    bench_report ("store.first_save_with_check", bench_percentile (first, OPEN_RUNS, 0.5), "ms");
    bench_report ("store.second_save", bench_percentile (second, OPEN_RUNS, 0.5), "ms");
  }

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < ASSESSMENT_RUNS; r++)
    {
      g_autoptr(GaEngine) engine = NULL;
      gint64 id = g_rand_int_range (rand, 1, N_ASSESSMENTS + 1);

      t0 = bench_now_ms ();
      engine = ga_store_load_engine (store, id, &error);
      if (engine == NULL)
        g_error ("load assessment %" G_GINT64_FORMAT ": %s", id, error->message);
      g_assert_cmpuint (ga_engine_get_summary (engine)->answered, ==, N_ITEMS);
      open_assessment[r] = bench_now_ms () - t0;
      if (r == 0)
        bench_report ("store.open_assessment_first", open_assessment[0], "ms");
    }
  bench_report ("store.open_assessment", bench_percentile (open_assessment, ASSESSMENT_RUNS, 0.5),
                "ms");
  g_clear_object (&store);
  g_rand_free (rand);
}

void
ga_bench_store_run (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, &error);

  g_assert_no_error (error);
  bench_saves (dir);
  bench_large (dir);
  bench_rm_rf (dir);
}
