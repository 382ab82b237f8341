/* test-store-concurrency.c: several clients saving answers at once on a
 * PostgreSQL server, each through a GaStore of its own
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run through tests/pg/pg-test.sh (the meson test store-concurrency-pg),
 * which starts a throwaway cluster and sets GA_TEST_PG_URI; without it the
 * program exits with 77 (skipped). Each case gets a schema of its own, as in
 * test-store-server.c.
 *
 *   /concurrency/own-items    N_CLIENTS threads, each with its own
 *                             connection, save a sequence of values to their
 *                             own items of one assessment: every
 *                             acknowledged save is there, history has one
 *                             row per change, in each item's order, and
 *                             each row's old value is the previous row's
 *                             new value (no lost update).
 *   /concurrency/same-item    N_CLIENTS threads save distinct values to one
 *                             item: each save succeeds or fails with
 *                             GA_STORE_ERROR_BUSY, the answer is one of the
 *                             acknowledged values, history has one row per
 *                             acknowledged save and its last row holds the
 *                             answer.
 *   /concurrency/same-item-chain  the same load; each history row's old
 *                             value must be the new value of the row before
 *                             it (what undo restores). It fails on the store
 *                             as it is: a save reads the old value without a
 *                             lock under READ COMMITTED, so two saves of one
 *                             item can both record the same old value. meson
 *                             runs it as store-concurrency-chain-pg, expected
 *                             to fail, until saves of one assessment are
 *                             serialised; GA_TEST_DUMP_HISTORY=1 lists the
 *                             rows.
 *   /concurrency/kill         a child process saving a series of answers is
 *                             killed with SIGKILL; every save it reported
 *                             as acknowledged (through a pipe, after
 *                             ga_store_save_answer() returned TRUE) is on
 *                             the server.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ga-store.h"
#include "ga-db.h"

#define N_CLIENTS        8
#define SAVES_PER_CLIENT 30
#define ITEMS_PER_CLIENT 5
#define KILL_AFTER       40   /* acknowledged saves before the child is killed */
#define KILL_MAX         100000

static const char *pg_uri;
static guint schema_counter;

typedef struct {
  char   *schema;
  char   *target;    /* the URI with search_path set to the schema */
  gint64  assessment_id;
} Fixture;

static void
pg_exec (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDb) db = ga_db_open (pg_uri, &error);

  g_assert_no_error (error);
  g_assert_true (ga_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static char *
target_for (const char *schema)
{
  /* libpq reads options=-csearch_path=… as a setting of the session. */
  return g_strdup_printf ("%s%coptions=-csearch_path%%3D%s", pg_uri,
                          strchr (pg_uri, '?') != NULL ? '&' : '?', schema);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"id\": \"conc\"}", 14);
  gint64 enterprise_id;

  fx->schema = g_strdup_printf ("ga_conc_%d_%u", (int) getpid (), ++schema_counter);
  sql = g_strdup_printf ("CREATE SCHEMA %s", fx->schema);
  pg_exec (sql);
  fx->target = target_for (fx->schema);

  /* The first connection installs the tables; the clients open theirs
   * afterwards. */
  store = ga_store_open (fx->target, &error);
  g_assert_no_error (error);
  e->name = g_strdup ("并发测试有限公司");
  e->credit_code = g_strdup ("91350100M000100Y43");
  enterprise_id = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  fx->assessment_id = ga_store_new_assessment_from_bytes (store, enterprise_id, "conc", "1.0.0",
                                                          "green-factory", bytes, "Concurrency",
                                                          2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fx->assessment_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("SET client_min_messages = warning;"
                                          " DROP SCHEMA %s CASCADE", fx->schema);

  pg_exec (sql);
  g_free (fx->schema);
  g_free (fx->target);
}

/* ------------------------------------------------------------------ */
/* Clients                                                             */

typedef struct {
  const Fixture *fx;
  guint          client;
  gboolean       same_item;
  /* Filled by the thread: */
  GPtrArray     *acked_items;    /* char*, in the order acknowledged */
  GPtrArray     *acked_values;
  guint          n_busy;
  char          *failure;        /* an error other than busy, or NULL */
} Client;

static gpointer
client_run (gpointer data)
{
  Client *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (c->fx->target, &error);
  g_autofree char *author = g_strdup_printf ("client %u", c->client);

  if (store == NULL)
    {
      c->failure = g_strdup_printf ("open: %s", error->message);
      return NULL;
    }
  ga_store_set_author (store, author);
  for (guint k = 0; k < SAVES_PER_CLIENT; k++)
    {
      g_autofree char *item = NULL;
      g_autofree char *value = NULL;

      if (c->same_item)
        item = g_strdup ("SAME");
      else
        item = g_strdup_printf ("C%u_%u", c->client, k % ITEMS_PER_CLIENT);
      /* Every value is new for its item, so every save is a change. */
      value = g_strdup_printf ("\"client %u save %u\"", c->client, k);
      if (ga_store_save_answer (store, c->fx->assessment_id, item, value, &error))
        {
          g_ptr_array_add (c->acked_items, g_steal_pointer (&item));
          g_ptr_array_add (c->acked_values, g_steal_pointer (&value));
        }
      else if (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_BUSY))
        {
          c->n_busy++;
          g_clear_error (&error);
        }
      else
        {
          c->failure = g_strdup_printf ("save %u of %s: %s (code %d)", k, item, error->message,
                                        error->code);
          return NULL;
        }
    }
  return NULL;
}

static void
run_clients (const Fixture *fx,
             gboolean       same_item,
             Client        *clients)
{
  GThread *threads[N_CLIENTS];

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i].fx = fx;
      clients[i].client = i;
      clients[i].same_item = same_item;
      clients[i].acked_items = g_ptr_array_new_with_free_func (g_free);
      clients[i].acked_values = g_ptr_array_new_with_free_func (g_free);
      threads[i] = g_thread_new ("client", client_run, &clients[i]);
    }
  for (guint i = 0; i < N_CLIENTS; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < N_CLIENTS; i++)
    if (clients[i].failure != NULL)
      g_error ("client %u: %s", i, clients[i].failure);
}

static void
clients_free (Client *clients)
{
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_ptr_array_unref (clients[i].acked_items);
      g_ptr_array_unref (clients[i].acked_values);
      g_free (clients[i].failure);
    }
}

/* The history rows of @item, oldest first (GaHistoryEntry*, borrowed). */
static GPtrArray *
rows_of (GPtrArray  *history,
         const char *item)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < history->len; i++)
    {
      GaHistoryEntry *h = g_ptr_array_index (history, i);

      if (g_strcmp0 (h->item_id, item) == 0)
        g_ptr_array_add (rows, h);
    }
  return rows;
}

static GPtrArray *
open_history (const Fixture  *fx,
              GaStore       **store_out)
{
  g_autoptr(GError) error = NULL;
  GaStore *store = ga_store_open (fx->target, &error);
  GPtrArray *history;

  g_assert_no_error (error);
  history = ga_store_list_history (store, fx->assessment_id, &error);
  g_assert_no_error (error);
  *store_out = store;
  return history;
}

/* ------------------------------------------------------------------ */
/* Own items                                                           */

static void
test_own_items (Fixture       *fx,
                gconstpointer  data)
{
  Client clients[N_CLIENTS] = { 0 };
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  run_clients (fx, FALSE, clients);
  history = open_history (fx, &store);
  answers = ga_store_load_answers (store, fx->assessment_id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      /* Items of their own: nobody else writes them, so nothing may be
       * refused as busy. */
      g_assert_cmpuint (clients[i].n_busy, ==, 0);
      g_assert_cmpuint (clients[i].acked_items->len, ==, SAVES_PER_CLIENT);
      total += clients[i].acked_items->len;

      for (guint it = 0; it < ITEMS_PER_CLIENT; it++)
        {
          g_autofree char *item = g_strdup_printf ("C%u_%u", i, it);
          g_autoptr(GPtrArray) rows = rows_of (history, item);
          const char *previous = NULL;
          guint r = 0;

          /* Save k went to item k % ITEMS_PER_CLIENT: this item got saves
           * it, it + 5, it + 10, …, in that order, and its history must
           * list exactly those, each old value the one before. */
          for (guint k = it; k < SAVES_PER_CLIENT; k += ITEMS_PER_CLIENT, r++)
            {
              const char *saved = g_ptr_array_index (clients[i].acked_values, k);
              GaHistoryEntry *h;

              g_assert_cmpuint (r, <, rows->len);
              h = g_ptr_array_index (rows, r);
              g_assert_cmpstr (h->new_value, ==, saved);
              g_assert_cmpstr (h->old_value, ==, previous);
              g_assert_cmpint (h->action, ==, GA_HISTORY_EDIT);
              previous = saved;
            }
          g_assert_cmpuint (rows->len, ==, r);
          g_assert_cmpstr (g_hash_table_lookup (answers, item), ==, previous);
        }
    }
  /* 8 clients x 30 saves, each one change with one history row. */
  g_assert_cmpuint (total, ==, N_CLIENTS * SAVES_PER_CLIENT);
  g_assert_cmpuint (history->len, ==, total);
  g_assert_cmpuint (g_hash_table_size (answers), ==, N_CLIENTS * ITEMS_PER_CLIENT);
  clients_free (clients);
}

/* ------------------------------------------------------------------ */
/* One item                                                            */

static void
check_same_item (Fixture  *fx,
                 gboolean  chain)
{
  Client clients[N_CLIENTS] = { 0 };
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) acked = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  GaHistoryEntry *last;
  guint total = 0, busy = 0, broken = 0;

  run_clients (fx, TRUE, clients);
  history = open_history (fx, &store);
  rows = rows_of (history, "SAME");
  answer = ga_store_get_answer (store, fx->assessment_id, "SAME", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      total += clients[i].acked_values->len;
      busy += clients[i].n_busy;
      for (guint k = 0; k < clients[i].acked_values->len; k++)
        g_hash_table_add (acked, g_ptr_array_index (clients[i].acked_values, k));
    }
  g_test_message ("%u saves acknowledged, %u refused as busy", total, busy);
  g_assert_cmpuint (total + busy, ==, N_CLIENTS * SAVES_PER_CLIENT);
  g_assert_cmpuint (total, >, 0);

  /* Every acknowledged save wrote a value new to the item: one row each,
   * and no row for a refused one. */
  g_assert_cmpuint (rows->len, ==, total);
  g_assert_cmpuint (history->len, ==, total);
  for (guint r = 0; r < rows->len; r++)
    {
      GaHistoryEntry *h = g_ptr_array_index (rows, r);

      g_assert_true (g_hash_table_contains (acked, h->new_value));
    }
  g_assert_nonnull (answer);
  g_assert_true (g_hash_table_contains (acked, answer));
  last = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (last->new_value, ==, answer);

  if (!chain)
    goto out;
  /* What undo restores is each row's old value: it must be what the item
   * held just before, the previous row's new value. */
  for (guint r = 0; r < rows->len; r++)
    {
      GaHistoryEntry *h = g_ptr_array_index (rows, r);
      const char *before = r == 0 ? NULL
                                  : ((GaHistoryEntry *) g_ptr_array_index (rows, r - 1))->new_value;

      if (g_getenv ("GA_TEST_DUMP_HISTORY") != NULL)
        g_test_message ("row %u (id %" G_GINT64_FORMAT ", %s): %s -> %s", r, h->id, h->author,
                        h->old_value ? h->old_value : "(none)", h->new_value);
      if (g_strcmp0 (h->old_value, before) != 0)
        {
          if (broken++ == 0)
            g_test_message ("history row %u of %u: old value %s, but the row before set %s",
                            r, rows->len, h->old_value ? h->old_value : "(none)",
                            before ? before : "(none)");
        }
    }
  g_test_message ("%u of %u history rows do not follow the row before", broken, rows->len);
  g_assert_cmpuint (broken, ==, 0);
out:
  clients_free (clients);
}

static void
test_same_item (Fixture       *fx,
                gconstpointer  data)
{
  check_same_item (fx, FALSE);
}

static void
test_same_item_chain (Fixture       *fx,
                      gconstpointer  data)
{
  check_same_item (fx, TRUE);
}

/* ------------------------------------------------------------------ */
/* A client killed mid-way                                             */

static const char *self_path;

/* The child: saves K0, K1, … with values 0, 1, … and writes the index of
 * each acknowledged save to fd 1 as a line. */
static int
child_main (const char *target,
            const char *assessment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (target, &error);
  gint64 id = g_ascii_strtoll (assessment, NULL, 10);

  if (store == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < KILL_MAX; i++)
    {
      char item[16], value[16];

      g_snprintf (item, sizeof item, "K%u", i);
      g_snprintf (value, sizeof value, "%u", i);
      if (!ga_store_save_answer (store, id, item, value, &error))
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 1;
        }
      if (dprintf (1, "%u\n", i) < 0)
        return 1;
    }
  return 0;
}

static void
test_kill (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fx->assessment_id);
  const char *argv[] = { self_path, "--child", fx->target, id, NULL };
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_auto(GStrv) lines = NULL;
  GPid pid;
  int out_fd, status;
  guint n_lines = 0, n_acked = 0;
  gboolean killed = FALSE;
  char buf[256];
  ssize_t n;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  while ((n = read (out_fd, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      for (ssize_t i = 0; i < n; i++)
        n_lines += buf[i] == '\n';
      g_string_append_len (got, buf, n);
      if (!killed && n_lines >= KILL_AFTER)
        {
          /* Mid-way: the child is inside or between saves. */
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          killed = TRUE;
        }
    }
  close (out_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (killed);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  store = ga_store_open (fx->target, &error);
  g_assert_no_error (error);
  answers = ga_store_load_answers (store, fx->assessment_id, &error);
  g_assert_no_error (error);
  lines = g_strsplit (got->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char item[16];

      /* A line cut by the kill (no newline) was not acknowledged. */
      if (lines[i + 1] == NULL)
        break;
      g_assert_cmpuint (g_ascii_strtoull (lines[i], NULL, 10), ==, i);
      g_snprintf (item, sizeof item, "K%u", i);
      g_assert_cmpstr (g_hash_table_lookup (answers, item), ==, lines[i]);
      n_acked++;
    }
  g_test_message ("%u saves acknowledged before the kill, %u answers on the server", n_acked,
                  g_hash_table_size (answers));
  g_assert_cmpuint (n_acked, >=, KILL_AFTER);
  /* The save in flight may or may not have committed; nothing beyond it. */
  g_assert_cmpuint (g_hash_table_size (answers), <=, n_acked + 1);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    return child_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  self_path = argv[0];
  pg_uri = g_getenv ("GA_TEST_PG_URI");
  if (pg_uri == NULL || *pg_uri == '\0')
    {
      fprintf (stderr, "SKIP: GA_TEST_PG_URI is not set; run through tests/pg/pg-test.sh\n");
      return 77;
    }

  g_test_add ("/concurrency/own-items", Fixture, NULL, fixture_set_up, test_own_items,
              fixture_tear_down);
  g_test_add ("/concurrency/same-item", Fixture, NULL, fixture_set_up, test_same_item,
              fixture_tear_down);
  g_test_add ("/concurrency/same-item-chain", Fixture, NULL, fixture_set_up,
              test_same_item_chain, fixture_tear_down);
  g_test_add ("/concurrency/kill", Fixture, NULL, fixture_set_up, test_kill, fixture_tear_down);
  return g_test_run ();
}
