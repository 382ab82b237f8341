/* ga-bench-server.c: saving answers on a PostgreSQL server (one
 * "NAME VALUE UNIT" line per figure)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs only when GA_TEST_PG_URI names a server, for example on the
 * throwaway cluster that tests/pg/pg-test.sh starts:
 *
 *   GA_BENCH_ONLY=server tests/pg/pg-test.sh build/tests/ga-bench
 *
 * Each figure has its floor beside it, measured in the same run on the same
 * server through the same kind of connection (the URI given, one
 * connection per client): server.bare_* is one INSERT … ON CONFLICT DO
 * UPDATE into a table of the same shape as the store's answers table, sent
 * with libpq's PQexecParams() and committed on its own, which is the least
 * a save of one answer can cost. A store save also reads the old value,
 * ends the redo list and appends the history row, in one transaction.
 *
 * One client (server.save_*, server.bare_insert_*): ROUNDS rounds of
 * PER_ROUND bare inserts then PER_ROUND saves, alternating so that both see
 * the same load; median and 99th percentile in ms.
 *
 * N_CLIENTS concurrent clients (threads, each with a GaStore or a libpq
 * connection of its own, opened before the clock starts): each makes
 * PER_CLIENT saves to items of its own, all in one assessment
 * (server.concurrent_same_*) or each in an assessment of its own
 * (server.concurrent_diff_*); throughput in saves per second over the wall
 * time from the common start to the last client's end, and the 99th
 * percentile of one save's latency in ms.
 *
 * The cluster of pg-test.sh runs with fsync and synchronous_commit off
 * (tests/pg/pg-cluster.sh): the figures are the cost of the statements and
 * round trips, not of the disk.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ga-store.h"

void ga_bench_server_run (void);

#ifdef GA_BENCH_HAVE_LIBPQ

#include <libpq-fe.h>

#define ROUNDS      5
#define PER_ROUND   100
#define N_ITEMS     300
#define N_CLIENTS   50
#define PER_CLIENT  40

static double
srv_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static int
srv_cmp_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
srv_percentile (double *v,
                guint   n,
                double  p)
{
  guint i;

  qsort (v, n, sizeof (double), srv_cmp_double);
  i = (guint) ceil (p * n) - 1;
  return v[MIN (i, n - 1)];
}

static void
srv_report (const char *name,
            double      value,
            const char *unit)
{
  printf ("%s %.3f %s\n", name, value, unit);
  fflush (stdout);
}

static PGconn *
srv_connect (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("ga-bench server: cannot connect: %s", PQerrorMessage (conn));
  return conn;
}

static void
srv_exec (PGconn     *conn,
          const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("ga-bench server: %s: %s", sql, PQerrorMessage (conn));
  PQclear (res);
}

/* The answers table's shape (assessment/store/ga-store-pg-schema.c),
 * without its foreign key and JSON check. */
static const char bare_table[] =
  "CREATE TABLE bare_answers (assessment_id bigint NOT NULL, item_id text COLLATE \"C\" NOT NULL,"
  " value text NOT NULL, author text, updated_at text COLLATE \"C\" NOT NULL,"
  " changed_by text NOT NULL DEFAULT session_user, PRIMARY KEY (assessment_id, item_id))";

/* The statement a store save runs for the answer itself. */
static const char bare_insert[] =
  "INSERT INTO bare_answers (assessment_id, item_id, value, author, updated_at)"
  " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (assessment_id, item_id) DO UPDATE SET"
  " value = excluded.value, author = excluded.author, updated_at = excluded.updated_at";

static double
bare_one (PGconn     *conn,
          gint64      assessment_id,
          const char *item,
          const char *value)
{
  char id[24];
  double t0 = srv_now_ms ();
  /* The store stamps each save with the time too: made inside the clock. */
  g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format_iso8601 (dt);
  const char *params[5] = { id, item, value, "bench", now };
  PGresult *res;

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, assessment_id);
  res = PQexecParams (conn, bare_insert, 5, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("ga-bench server: bare insert: %s", PQerrorMessage (conn));
  PQclear (res);
  return srv_now_ms () - t0;
}

static double
save_one (GaStore    *store,
          gint64      assessment_id,
          const char *item,
          const char *value)
{
  g_autoptr(GError) error = NULL;
  double t0 = srv_now_ms ();

  if (!ga_store_save_answer (store, assessment_id, item, value, &error))
    g_error ("ga-bench server: save of %s: %s", item, error->message);
  return srv_now_ms () - t0;
}

static gint64
new_assessment (GaStore *store,
                gint64   enterprise_id,
                guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) tmpl = g_bytes_new_static ("{}", 2);
  g_autofree char *title = g_strdup_printf ("Bench %u", n);
  gint64 id = ga_store_new_assessment_from_bytes (store, enterprise_id, "bench", "1", "custom",
                                                  tmpl, title, 2025, NULL, &error);

  if (id == 0)
    g_error ("ga-bench server: %s", error->message);
  return id;
}

/* ------------------------------------------------------------------ */
/* Concurrent clients                                                  */

typedef struct {
  const char *target;
  gboolean    bare;
  gint64      assessment_id;
  guint       client;
  GaStore    *store;
  PGconn     *conn;
  double     *latency;         /* PER_CLIENT slots of the shared array */
  gint       *go;              /* set to 1 when every client is ready */
  double      end_ms;
} Client;

static gpointer
client_run (gpointer data)
{
  Client *c = data;

  while (!g_atomic_int_get (c->go))
    g_thread_yield ();
  for (guint k = 0; k < PER_CLIENT; k++)
    {
      char item[24], value[32];

      g_snprintf (item, sizeof item, "T%02u_%02u", c->client, k % 10);
      g_snprintf (value, sizeof value, "%u.5", k);
      c->latency[k] = c->bare ? bare_one (c->conn, c->assessment_id, item, value)
                              : save_one (c->store, c->assessment_id, item, value);
    }
  c->end_ms = srv_now_ms ();
  return NULL;
}

static void
run_concurrent (const char   *target,
                gboolean      bare,
                const gint64 *assessment_ids,
                const char   *name)
{
  Client clients[N_CLIENTS];
  GThread *threads[N_CLIENTS];
  double *latency = g_new (double, N_CLIENTS * PER_CLIENT);
  double start, end = 0;
  gint go = 0;
  g_autofree char *throughput = g_strdup_printf ("%s_throughput", name);
  g_autofree char *p99 = g_strdup_printf ("%s_p99", name);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      Client *c = &clients[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *author = g_strdup_printf ("client %u", i);

      *c = (Client) { target, bare, assessment_ids[i], i, NULL, NULL,
                      latency + i * PER_CLIENT, &go, 0 };
      if (bare)
        c->conn = srv_connect (target);
      else
        {
          c->store = ga_store_open (target, &error);
          if (c->store == NULL)
            g_error ("ga-bench server: client %u: %s", i, error->message);
          ga_store_set_author (c->store, author);
        }
      threads[i] = g_thread_new ("client", client_run, c);
    }
  start = srv_now_ms ();
  g_atomic_int_set (&go, 1);
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_thread_join (threads[i]);
      end = MAX (end, clients[i].end_ms);
      if (clients[i].conn != NULL)
        PQfinish (clients[i].conn);
      g_clear_object (&clients[i].store);
    }
  srv_report (throughput, N_CLIENTS * PER_CLIENT / ((end - start) / 1e3), "saves/s");
  srv_report (p99, srv_percentile (latency, N_CLIENTS * PER_CLIENT, 0.99), "ms");
  g_free (latency);
}

void
ga_bench_server_run (void)
{
  const char *uri = g_getenv ("GA_TEST_PG_URI");
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *target = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  double saves[ROUNDS * PER_ROUND], bare[ROUNDS * PER_ROUND];
  gint64 enterprise_id, id, same[N_CLIENTS], diff[N_CLIENTS];
  PGconn *conn;
  guint n = 0;

  if (uri == NULL || *uri == '\0')
    {
      fprintf (stderr, "ga-bench: the server group needs a PostgreSQL server; run it with "
               "GA_BENCH_ONLY=server tests/pg/pg-test.sh build/tests/ga-bench (a throwaway "
               "cluster), or set GA_TEST_PG_URI to a server\n");
      return;
    }

  /* A schema of its own, dropped at the end; the store installs its
   * tables there, the bare table goes beside them. */
  schema = g_strdup_printf ("ga_bench_%d", (int) getpid ());
  target = g_strdup_printf ("%s%coptions=-csearch_path%%3D%s", uri,
                            strchr (uri, '?') != NULL ? '&' : '?', schema);
  conn = srv_connect (uri);
  sql = g_strdup_printf ("CREATE SCHEMA %s", schema);
  srv_exec (conn, sql);
  PQfinish (conn);

  store = ga_store_open (target, &error);
  if (store == NULL)
    g_error ("ga-bench server: %s", error->message);
  ga_store_set_author (store, "bench");
  e->name = g_strdup ("Bench");
  e->credit_code = g_strdup ("91350100M000100Y43");
  enterprise_id = ga_store_add_enterprise (store, e, &error);
  if (enterprise_id == 0)
    g_error ("ga-bench server: %s", error->message);
  id = new_assessment (store, enterprise_id, 0);
  conn = srv_connect (target);
  srv_exec (conn, bare_table);

  for (guint r = 0; r < ROUNDS; r++)
    {
      for (guint i = 0; i < PER_ROUND; i++)
        {
          char item[16], value[32];
          guint k = r * PER_ROUND + i;

          g_snprintf (item, sizeof item, "Q%03u", (k * 7) % N_ITEMS);
          g_snprintf (value, sizeof value, "%u.5", k);
          bare[k] = bare_one (conn, id, item, value);
        }
      for (guint i = 0; i < PER_ROUND; i++)
        {
          char item[16], value[32];

          /* Items of a 300-item checklist, each saved several times, as in
           * ga-bench-store.c: most saves replace an answer. */
          g_snprintf (item, sizeof item, "Q%03u", (n * 7) % N_ITEMS);
          g_snprintf (value, sizeof value, "%u.5", n);
          saves[n++] = save_one (store, id, item, value);
        }
    }
  PQfinish (conn);

  srv_report ("server.bare_insert_median", srv_percentile (bare, n, 0.5), "ms");
  srv_report ("server.bare_insert_p99", srv_percentile (bare, n, 0.99), "ms");
  srv_report ("server.save_answer_median", srv_percentile (saves, n, 0.5), "ms");
  srv_report ("server.save_answer_p99", srv_percentile (saves, n, 0.99), "ms");

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      same[i] = id;
      diff[i] = new_assessment (store, enterprise_id, i + 1);
    }
  run_concurrent (target, TRUE, same, "server.concurrent_same_bare");
  run_concurrent (target, FALSE, same, "server.concurrent_same_save");
  run_concurrent (target, TRUE, diff, "server.concurrent_diff_bare");
  run_concurrent (target, FALSE, diff, "server.concurrent_diff_save");

  g_clear_object (&store);
  conn = srv_connect (uri);
  g_free (sql);
  sql = g_strdup_printf ("SET client_min_messages = warning; DROP SCHEMA %s CASCADE", schema);
  srv_exec (conn, sql);
  PQfinish (conn);
}

#else /* !GA_BENCH_HAVE_LIBPQ */

void
ga_bench_server_run (void)
{
  fprintf (stderr, "ga-bench: the server group is not built: this build has no libpq "
           "(meson option postgresql)\n");
}

#endif
