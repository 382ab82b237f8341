/* test-store-durability.c: the store under kills, checkpoints, a full disk,
 * several writers, damage and read-only media — always judged through the
 * store's own open path, never only with sqlite3
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kill and concurrency tests run this program again as a child
 * (--child MODE …) that saves answers or attaches evidence and writes one
 * line to an acknowledgement file after each call has returned.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-test-utils.h"

#define VALID_CODE "91350100M000100Y43"
#define N_ITEMS    40

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* A real template whose items are the numbers c0…c39, w0…w9, u0…u9 and
 * "shared", so that `db check` can hold every answer against it. */
static GBytes *
durability_template (void)
{
  GString *json = g_string_new ("{\"format\": 1, \"id\": \"durability\", \"version\": \"1.0.0\","
                                " \"kind\": \"green-factory\", \"title\": {\"zh_CN\": \"耐久\","
                                " \"en\": \"Durability\"}, \"standard\": {\"code\": \"TEST\","
                                " \"title\": \"test\"}, \"source\": \"tests\", \"scoring\":"
                                " {\"scheme\": \"points\", \"max\": 0}, \"sections\": [{\"id\":"
                                " \"S1\", \"title\": \"S1\", \"items\": [");
  const char *prefixes[] = { "c", "w", "u" };
  const guint counts[] = { N_ITEMS, 10, 10 };

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (guint i = 0; i < counts[p]; i++)
      g_string_append_printf (json, "{\"id\": \"%s%u\", \"kind\": \"number\", \"title\":"
                              " \"%s%u\", \"source\": \"t\"}, ", prefixes[p], i, prefixes[p], i);
  g_string_append (json, "{\"id\": \"shared\", \"kind\": \"number\", \"title\": \"shared\","
                   " \"source\": \"t\"}]}]}");
  return g_string_free_to_bytes (json);
}

/* A database with one enterprise and two assessments (ids 1 and 2). */
static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) tmpl = durability_template ();
  gint64 eid, id;

  g_assert_no_error (error);
  e->name = g_strdup ("耐久测试企业");
  e->credit_code = g_strdup (VALID_CODE);
  e->industry = g_strdup ("34");
  eid = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  id = ga_store_new_assessment_from_bytes (store, eid, "durability", "1.0.0", "green-factory",
                                           tmpl, "Durability 2025", 2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  id = ga_store_new_assessment_from_bytes (store, eid, "durability", "1.0.0", "green-factory",
                                           tmpl, "Durability 2026", 2026, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 2);
}

static GBytes *
random_bytes (guint32 seed,
              gsize   size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint32 *words = g_malloc (size + 4);

  for (gsize i = 0; i < size / 4 + 1; i++)
    words[i] = g_rand_int (rand);
  return g_bytes_new_take (words, size);
}

static void
ack (int         fd,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
ack (int         fd,
     const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gssize n;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  n = (gssize) strlen (line);
  if (write (fd, line, n) != n)
    _exit (6);
}

/* The whole problem list of `db check`, or NULL when there is none. */
static char *
db_check (GaStore *store)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (!ga_store_check (store, problems, &error))
    g_error ("db check could not run: %s", error->message);
  if (problems->len == 0)
    return NULL;
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

/* ------------------------------------------------------------------ */
/* Children                                                            */

/* answers: saves c<k mod 40> = k for k = start, start+1 … ("a k").
 * evidence: for each k attaches ev<k>.bin of 2–6 MiB ("e k id"), saves
 * c<k mod 40> = k ("a k"), then removes ev<k-2>.bin ("r id"); the
 * database keeps about three large files and checkpoints all the time. */
static int
child_saves (const char *mode,
             const char *db_path,
             const char *ack_path,
             gint64      start,
             int         autocheckpoint)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (db_path, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gboolean evidence = strcmp (mode, "evidence") == 0;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA wal_autocheckpoint = %d", autocheckpoint);
  int fd;

  if (store == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 3;
    }
  /* A small WAL limit: most kills land in or near a checkpoint. */
  sqlite3_exec (ga_store_get_handle (store), pragma, NULL, NULL, NULL);
  fd = open (ack_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
  if (fd < 0)
    return 4;
  for (gint64 k = start; k < start + 100000; k++)
    {
      char item[16], value[32];

      if (evidence)
        {
          g_autoptr(GBytes) bytes = random_bytes ((guint32) k, (2 + k % 5) * 1024 * 1024);
          g_autofree char *name = g_strdup_printf ("ev%" G_GINT64_FORMAT ".bin", k);
          gint64 id = ga_store_add_evidence_bytes (store, 1, "c0", name, bytes, &error);

          if (id == 0)
            {
              fprintf (stderr, "child: %s\n", error->message);
              return 5;
            }
          ack (fd, "e %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", k, id);
          g_array_append_val (ids, id);
        }
      g_snprintf (item, sizeof item, "c%" G_GINT64_FORMAT, k % N_ITEMS);
      g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, k);
      if (!ga_store_save_answer (store, 1, item, value, &error))
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 5;
        }
      ack (fd, "a %" G_GINT64_FORMAT "\n", k);
      if (evidence && ids->len > 2)
        {
          gint64 old = g_array_index (ids, gint64, ids->len - 3);

          if (!ga_store_remove_evidence (store, old, &error))
            {
              fprintf (stderr, "child: %s\n", error->message);
              return 5;
            }
          ack (fd, "r %" G_GINT64_FORMAT "\n", old);
        }
    }
  close (fd);
  return 0;
}

/* A writer among others: @n saves of w<j mod 10> and "shared" (prefix w),
 * or @n attachments of @size MiB (prefix e), all in
 * assessment 1; or saves with an undo and a redo each in assessment 2
 * (prefix u: undo takes the top of an assessment's stack, whoever pushed
 * it). Every failure is written as a line "fail …" and the child goes on. */
static int
child_writer (const char *db_path,
              const char *ack_path,
              const char *kind,
              int         n,
              int         size_mib)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (db_path, &error);
  int fd = open (ack_path, O_WRONLY | O_APPEND | O_CREAT, 0600);

  if (fd < 0)
    return 4;
  if (store == NULL)
    {
      ack (fd, "fail open: %s\n", error->message);
      return 0;
    }
  for (int j = 0; j < n; j++)
    {
      char item[16], value[32];

      g_clear_error (&error);
      if (kind[0] == 'e')
        {
          g_autoptr(GBytes) bytes = random_bytes ((guint32) (j + 1000 * size_mib),
                                                  (gsize) size_mib << 20);
          g_autofree char *name = g_strdup_printf ("big%d-%d.bin", size_mib, j);
          gint64 id = ga_store_add_evidence_bytes (store, 1, "c1", name, bytes, &error);

          /* Kept: each attachment grows the file, so each checkpoint
           * writes a page 1 that counts pages not yet in the main file. */
          if (id == 0)
            ack (fd, "fail evidence %d: %s\n", j, error->message);
          else
            ack (fd, "ok %d\n", j);
          continue;
        }
      /* The w writer opens the database for every save, as a loop of
       * `greenassess-cli answer set` does: each open meets whatever the
       * other writers are doing (a checkpoint of 40 MiB, say). */
      if (kind[0] == 'w')
        {
          g_clear_object (&store);
          store = ga_store_open (db_path, &error);
          if (store == NULL)
            {
              ack (fd, "fail open: %s\n", error->message);
              continue;
            }
        }
      g_snprintf (item, sizeof item, "%s%d", kind, j % 10);
      g_snprintf (value, sizeof value, "%d", j);
      if (!ga_store_save_answer (store, kind[0] == 'u' ? 2 : 1, item, value, &error))
        {
          ack (fd, "fail save %s: %s\n", item, error->message);
          continue;
        }
      if (kind[0] == 'w' && !ga_store_save_answer (store, 1, "shared", value, &error))
        {
          ack (fd, "fail save shared: %s\n", error->message);
          continue;
        }
      if (kind[0] == 'u')
        {
          g_autofree char *undone = NULL;
          g_autofree char *redone = NULL;

          if (!ga_store_undo (store, 2, &undone, &error)
              || !ga_store_redo (store, 2, &redone, &error))
            {
              ack (fd, "fail undo/redo: %s\n", error->message);
              continue;
            }
        }
      ack (fd, "ok %d\n", j);
    }
  close (fd);
  return 0;
}

static int
run_child (int    argc,
           char **argv)
{
  if (argc == 7 && strcmp (argv[2], "saves") == 0)
    return child_saves (argv[3], argv[4], argv[5], g_ascii_strtoll (argv[6], NULL, 10),
                        strcmp (argv[3], "evidence") == 0 ? 64 : 4);
  if (argc == 8 && strcmp (argv[2], "writer") == 0)
    return child_writer (argv[3], argv[4], argv[5], atoi (argv[6]), atoi (argv[7]));
  fprintf (stderr, "unknown child\n");
  return 2;
}

/* ------------------------------------------------------------------ */
/* A checkpoint killed half-way                                        */

/* Writes into the main file @db_path what a checkpoint of @wal_path has
 * written when it is killed after @fraction of its pages: a checkpoint
 * copies the newest version of each page in page-number order, so page 1,
 * whose header already counts every page of the grown database, is in the
 * main file before the pages at its end. The WAL still holds every
 * committed frame. */
static guint
apply_part_of_wal (const char *db_path,
                   const char *wal_path,
                   double      fraction)
{
  g_autofree guchar *wal = NULL;
  g_autoptr(GArray) newest = g_array_new (FALSE, TRUE, sizeof (gsize));
  gsize len = 0;
  guint32 page_size;
  gsize frame_size, n_frames, n_pages = 0, n_apply, written = 0;
  int fd;

  g_assert_true (g_file_get_contents (wal_path, (char **) &wal, &len, NULL));
  g_assert_cmpuint (len, >, 32);
  page_size = (guint32) wal[8] << 24 | (guint32) wal[9] << 16 | (guint32) wal[10] << 8 | wal[11];
  frame_size = 24 + page_size;
  n_frames = (len - 32) / frame_size;
  /* newest[pgno] = 1 + the index of the newest frame of page pgno. */
  for (gsize i = 0; i < n_frames; i++)
    {
      const guchar *frame = wal + 32 + i * frame_size;
      guint32 pgno = (guint32) frame[0] << 24 | (guint32) frame[1] << 16
                     | (guint32) frame[2] << 8 | frame[3];
      gsize index = i + 1;

      if (pgno >= newest->len)
        g_array_set_size (newest, pgno + 1);
      if (g_array_index (newest, gsize, pgno) == 0)
        n_pages++;
      g_array_index (newest, gsize, pgno) = index;
    }
  n_apply = MAX ((gsize) (n_pages * fraction), 1);
  fd = g_open (db_path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (guint32 pgno = 1; pgno < newest->len && written < n_apply; pgno++)
    {
      gsize index = g_array_index (newest, gsize, pgno);

      if (index == 0)
        continue;
      g_assert_cmpint (pwrite (fd, wal + 32 + (index - 1) * frame_size + 24, page_size,
                               (off_t) (pgno - 1) * page_size), ==, (gssize) page_size);
      written++;
    }
  close (fd);
  return (guint) written;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

static void
test_killed_checkpoint (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *live = g_build_filename (dir, "live.db", NULL);
  g_autofree char *live_wal = g_strconcat (live, "-wal", NULL);
  g_autoptr(GaStore) store = NULL;

  make_database (live);
  store = ga_store_open (live, &error);
  g_assert_no_error (error);
  /* Everything from here on stays in the WAL, and the database grows by
   * the scan, so that the checkpoint extends the main file. */
  sqlite3_exec (ga_store_get_handle (store), "PRAGMA wal_checkpoint(TRUNCATE);"
                " PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL);
  for (int k = 0; k < 400; k++)
    {
      g_autofree char *item = g_strdup_printf ("c%d", k % N_ITEMS);
      g_autofree char *value = g_strdup_printf ("%d", k);

      g_assert_true (ga_store_save_answer (store, 1, item, value, &error));
    }
  {
    g_autoptr(GBytes) bytes = random_bytes (7, 300 * 1024);

    g_assert_cmpint (ga_store_add_evidence_bytes (store, 1, "c0", "scan.pdf", bytes, &error),
                     >, 0);
  }

  /* The state a crash in the middle of a checkpoint leaves, for several
   * points of the checkpoint: main file partly updated, WAL complete. */
  for (guint step = 1; step <= 4; step++)
    {
      g_autofree char *name = g_strdup_printf ("crashed-%u.db", step);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autoptr(GaStore) reopened = NULL;
      g_autoptr(GaStore) reader = NULL;
      g_autoptr(GHashTable) answers = NULL;
      g_autofree char *problems = NULL;
      g_autofree char *ok = NULL;
      guint applied;

      copy_file (live, path);
      copy_file (live_wal, wal);
      applied = apply_part_of_wal (path, wal, step / 5.0);
      g_test_message ("step %u: %u pages of the checkpoint written into the main file", step,
                      applied);

      /* Reading first (db check, backup, list): read-only, but the WAL is
       * recovered and nothing is called damaged. */
      reader = ga_store_open_read_only (path, &error);
      g_assert_no_error (error);
      problems = db_check (reader);
      g_assert_null (problems);
      g_clear_object (&reader);

      reopened = ga_store_open (path, &error);
      g_assert_no_error (error);
      answers = ga_store_load_answers (reopened, 1, &error);
      g_assert_no_error (error);
      for (int k = 400 - N_ITEMS; k < 400; k++)
        {
          g_autofree char *item = g_strdup_printf ("c%d", k % N_ITEMS);
          g_autofree char *value = g_strdup_printf ("%d", k);

          g_assert_cmpstr (g_hash_table_lookup (answers, item), ==, value);
        }
      ok = ga_test_query_text (ga_store_get_handle (reopened), "PRAGMA integrity_check");
      g_assert_cmpstr (ok, ==, "ok");
      g_assert_true (ga_store_save_answer (reopened, 1, "c1", "1", &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Random kills during saves and attachments                           */

typedef struct {
  GHashTable *answers;     /* item -> last acknowledged value (gint64 as text) */
  GHashTable *evidence;    /* id (gint64*) present, acknowledged */
  gint64      last;        /* highest k acknowledged */
  char        last_kind;   /* 'a', 'e' or 'r': the last acknowledged step */
  GArray     *e_ids;       /* attachments acknowledged by the last child, in order */
  guint       n_attached;  /* attachments acknowledged by all children */
  GHashTable *unacked;     /* "item=value" of each kill's save in flight */
  gint64      start;       /* the first k of the last child */
  guint       round_lines; /* lines the last child acknowledged */
} Acked;

static void
read_acks (const char *path,
           Acked      *acked)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;

  g_array_set_size (acked->e_ids, 0);
  acked->round_lines = 0;
  if (!g_file_get_contents (path, &data, NULL, NULL))
    return;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char kind;
      gint64 a = 0, b = 0;

      if (sscanf (lines[i], "%c %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &kind, &a, &b) < 2)
        continue;
      acked->round_lines++;
      acked->last_kind = kind;
      if (kind == 'a')
        {
          g_hash_table_insert (acked->answers, g_strdup_printf ("c%" G_GINT64_FORMAT,
                                                               a % N_ITEMS),
                               g_strdup_printf ("%" G_GINT64_FORMAT, a));
          acked->last = MAX (acked->last, a);
        }
      else if (kind == 'e')
        {
          g_hash_table_add (acked->evidence, g_memdup2 (&b, sizeof b));
          g_array_append_val (acked->e_ids, b);
          acked->n_attached++;
          acked->last = MAX (acked->last, a);
        }
      else if (kind == 'r')
        g_hash_table_remove (acked->evidence, &a);
    }
}

/* After a kill: the store's own open path opens the file (0 refusals),
 * every acknowledged answer and attachment is there, and both SQLite's
 * and the store's checks pass. The one step in flight may or may not have
 * committed. */
static void
verify_after_kill (const char *path,
                   Acked      *acked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *ok = NULL;
  g_autofree char *problems = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 maybe_removed = 0;

  if (store == NULL)
    g_error ("an intact database was refused after a kill: %s", error->message);
  {
    /* The save in flight: the child's first if it acknowledged nothing,
     * after "e k" answer k, after "a k" answer k+1. */
    gint64 k = acked->round_lines == 0 ? acked->start
               : acked->last_kind == 'e' ? acked->last : acked->last + 1;

    g_hash_table_add (acked->unacked, g_strdup_printf ("c%" G_GINT64_FORMAT "=%" G_GINT64_FORMAT,
                                                       k % N_ITEMS, k));
  }
  answers = ga_store_load_answers (store, 1, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, acked->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *stored = g_hash_table_lookup (answers, key);
      g_autofree char *pair = g_strdup_printf ("%s=%s", (char *) key, stored);

      /* Each kill's save in flight may have committed unacknowledged; it
       * stays until a later acknowledged save of the item replaces it. */
      if (g_strcmp0 (stored, value) != 0
          && !(stored != NULL && g_ascii_strtoll (stored, NULL, 10) > g_ascii_strtoll (value, NULL, 10)
               && g_hash_table_contains (acked->unacked, pair)))
        g_error ("acknowledged answer %s = %s lost (stored: %s; last acknowledged step %c %"
                 G_GINT64_FORMAT ")", (char *) key, (char *) value, stored, acked->last_kind,
                 acked->last);
    }

  evidence = ga_store_list_evidence (store, 1, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < evidence->len; i++)
    g_hash_table_add (present, &((GaEvidence *) evidence->pdata[i])->id);
  /* After "a k" the child's removal of its attachment two before may be
   * in flight; if it committed, the attachment is gone for good. */
  if (acked->last_kind == 'a' && acked->e_ids->len >= 3)
    maybe_removed = g_array_index (acked->e_ids, gint64, acked->e_ids->len - 3);
  if (maybe_removed != 0 && !g_hash_table_contains (present, &maybe_removed))
    g_hash_table_remove (acked->evidence, &maybe_removed);
  g_hash_table_iter_init (&iter, acked->evidence);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_error ("acknowledged evidence %" G_GINT64_FORMAT " lost", *(gint64 *) key);

  ok = ga_test_query_text (ga_store_get_handle (store), "PRAGMA integrity_check");
  g_assert_cmpstr (ok, ==, "ok");
  problems = db_check (store);
  if (problems != NULL)
    g_error ("db check after a kill: %s", problems);
}

/* Keeps the two newest attachments, so that the database stays the size
 * of a few scans however many rounds run. */
static void
prune_evidence (const char *path,
                Acked      *acked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GPtrArray) evidence = NULL;

  g_assert_no_error (error);
  evidence = ga_store_list_evidence (store, 1, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i + 2 < evidence->len; i++)
    {
      gint64 id = ((GaEvidence *) evidence->pdata[i])->id;

      g_assert_true (ga_store_remove_evidence (store, id, &error));
      g_assert_no_error (error);
      g_hash_table_remove (acked->evidence, &id);
    }
}

static void
test_kills (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "kills.db", NULL);
  g_autofree char *ack_path = g_build_filename (dir, "acks", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  Acked acked = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    0, 'a', g_array_new (FALSE, FALSE, sizeof (gint64)), 0,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0, 0,
  };
  guint kills = 0, during_evidence = 0;
  gint64 started = g_get_monotonic_time ();
  /* 150 kills; the sanitizer build, four times slower, checks the same
   * code paths with 40. GA_KILL_ROUNDS chooses another number. */
#ifdef __SANITIZE_ADDRESS__
  const guint default_rounds = 40;
#else
  const guint default_rounds = 150;
#endif
  const guint rounds = g_getenv ("GA_KILL_ROUNDS") ? (guint) atoi (g_getenv ("GA_KILL_ROUNDS"))
                                                   : default_rounds;

  g_assert_no_error (error);
  make_database (path);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      const char *mode = round % 2 == 0 ? "evidence" : "answers";
      g_autofree char *start = NULL;

      acked.start = acked.last + 2;
      start = g_strdup_printf ("%" G_GINT64_FORMAT, acked.start);

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, "--child", "saves", mode,
                                path, ack_path, start, NULL);
      g_assert_no_error (error);
      /* 0.05–0.35 s: past the start, into saves, attachments and the
       * checkpoints the small WAL limit forces. */
      g_usleep (g_test_rand_int_range (50000, 350000));
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      if (!g_subprocess_get_if_signaled (child))
        g_error ("the child ended by itself (status %d) instead of being killed",
                 g_subprocess_get_exit_status (child));
      kills++;
      if (mode[0] == 'e')
        during_evidence++;

      read_acks (ack_path, &acked);
      verify_after_kill (path, &acked);
      /* Between prunes the file grows with every attachment, so that the
       * checkpoints the kills land in extend the main file. */
      if (round % 6 == 5)
        prune_evidence (path, &acked);
      /* Acknowledgements are read whole each time; start afresh. */
      g_unlink (ack_path);
      acked.last_kind = 'a';
    }

  g_test_message ("%u kills (%u while attaching files of 2 to 6 MiB), %u answers and %u "
                  "attachments acknowledged and kept, 0 refusals, %.1f s", kills,
                  during_evidence, g_hash_table_size (acked.answers), acked.n_attached,
                  (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (kills, ==, rounds);
  g_assert_cmpuint (acked.n_attached, >=, rounds / 15);
  g_hash_table_unref (acked.answers);
  g_hash_table_unref (acked.evidence);
  g_array_unref (acked.e_ids);
  g_hash_table_unref (acked.unacked);
  ga_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Several writers                                                     */

static void
run_writers (const char  *path,
             const char  *dir,
             const char  *const *kinds,
             guint        n_kinds,
             int          n,
             int          size_mib)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  GSubprocess *children[4];
  char *acks[4];
  g_autofree char *count = g_strdup_printf ("%d", n);
  g_autofree char *size = g_strdup_printf ("%d", size_mib);

  g_assert_cmpuint (n_kinds, <=, G_N_ELEMENTS (children));
  for (guint i = 0; i < n_kinds; i++)
    {
      acks[i] = g_strdup_printf ("%s/acks-%s", dir, kinds[i]);
      g_unlink (acks[i]);
      children[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, "--child", "writer",
                                      path, acks[i], kinds[i], kinds[i][0] == 'e' ? "3" : count,
                                      size, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *data = NULL;
      guint ok = 0, failed = 0;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_subprocess_wait_check (children[i], NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (acks[i], &data, NULL, NULL));
      lines = g_strsplit (data, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        if (g_str_has_prefix (lines[l], "ok "))
          ok++;
        else if (g_str_has_prefix (lines[l], "fail"))
          {
            failed++;
            g_test_message ("writer %s: %s", kinds[i], lines[l]);
          }
      g_test_message ("writer %s: %u calls succeeded, %u refused", kinds[i], ok, failed);
      g_assert_cmpuint (failed, ==, 0);
      g_assert_cmpuint (ok, ==, kinds[i][0] == 'e' ? 3 : (guint) n);
      g_object_unref (children[i]);
      g_free (acks[i]);
    }
}

static void
test_concurrent_writers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autofree char *problems = NULL;
  const char *two[] = { "w", "e" };
  const char *three[] = { "w", "e", "u" };
  const int n = 120;
  sqlite3 *db;

  make_database (path);
  /* Two programs: answers saved while files of 40 MiB are attached. */
  run_writers (path, dir, two, G_N_ELEMENTS (two), n, 40);
  /* Three: with undo and redo among them. */
  run_writers (path, dir, three, G_N_ELEMENTS (three), n, 20);

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  db = ga_store_get_handle (store);
  answers = ga_store_load_answers (store, 1, &error);
  g_assert_no_error (error);
  /* No lost update: every save is in the history (the writer saves w and
   * shared twice over two runs: 4n rows; the undoer n edits, n undos and
   * n redos), and each w item holds its last value of the second run. */
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history WHERE item_id LIKE 'w%'"
                                  " OR item_id = 'shared'"), ==, 4 * n);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history WHERE action = 'edit'"
                                  " AND item_id LIKE 'u%'"), ==, n);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history WHERE action = 'undo'"), ==, n);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history WHERE action = 'redo'"), ==, n);
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *item = g_strdup_printf ("w%d", i);
      g_autofree char *want = g_strdup_printf ("%d", n - 10 + i);

      g_assert_cmpstr (g_hash_table_lookup (answers, item), ==, want);
    }
  g_assert_cmpstr (g_hash_table_lookup (answers, "shared"), ==, "119");
  problems = db_check (store);
  g_assert_null (problems);
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* Another program holding the write lock longer than the busy timeout:
 * the save waits, then says so, and nothing is half-written. */
static void
test_lock_held (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "locked.db", NULL);
  g_autoptr(GaStore) holder = NULL;
  g_autoptr(GaStore) other = NULL;
  g_autoptr(GHashTable) answers = NULL;
  gint64 started;
  double waited;

  make_database (path);
  holder = ga_store_open (path, &error);
  g_assert_no_error (error);
  other = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (ga_store_get_handle (holder), "BEGIN IMMEDIATE", NULL, NULL,
                                 NULL), ==, SQLITE_OK);

  started = g_get_monotonic_time ();
  g_assert_false (ga_store_save_answer (other, 1, "c1", "1", &error));
  waited = (g_get_monotonic_time () - started) / 1e6;
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("refused after %.1f s: %s", waited, error->message);
  g_assert_cmpfloat (waited, >=, 4.5);
  g_clear_error (&error);

  /* Once the other program lets go, the same save goes through. */
  g_assert_cmpint (sqlite3_exec (ga_store_get_handle (holder), "COMMIT", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (ga_store_save_answer (other, 1, "c1", "1", &error));
  g_assert_no_error (error);
  answers = ga_store_load_answers (holder, 1, &error);
  g_assert_cmpstr (g_hash_table_lookup (answers, "c1"), ==, "1");
  g_clear_object (&holder);
  g_clear_object (&other);
  ga_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* A full disk                                                         */

static gboolean
mount_tmpfs (const char *dir,
             const char *options)
{
  if (mount ("tmpfs", dir, "tmpfs", 0, options) == 0)
    return TRUE;
  g_test_skip_printf ("cannot mount a small tmpfs here (%s); run the tests as root outside "
                      "a restricted container to include this case", g_strerror (errno));
  return FALSE;
}

static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "full.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GPtrArray) acked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) scan = random_bytes (99, 1500 * 1000);
  gboolean scan_acked = FALSE;
  guint refused = 0;

  if (!mount_tmpfs (dir, "size=2m"))
    {
      g_rmdir (dir);
      return;
    }
  make_database (path);
  {
    g_autoptr(GBytes) pad = random_bytes (3, 200 * 1024);

    g_assert_true (g_file_set_contents (filler, g_bytes_get_data (pad, NULL),
                                        g_bytes_get_size (pad), NULL));
  }

  /* Fill the disk: a 1.5 MB scan (its commit may or may not fit; the
   * checkpoint when the store closes cannot), then answers until they
   * fail, then every command again. */
  for (int round = 0; round < 6; round++)
    {
      g_autoptr(GaStore) store = ga_store_open (path, &error);

      if (store == NULL)
        {
          /* A full disk may keep the database from opening for writing;
           * then it says so, and never that the file is damaged. */
          g_assert_false (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT));
          g_test_message ("round %d: open refused: %s", round, error->message);
          refused++;
          g_clear_error (&error);
          continue;
        }
      if (round == 0)
        scan_acked = ga_store_add_evidence_bytes (store, 1, "c0", "scan.pdf", scan, &error) > 0;
      else
        for (int k = 0; k < 20; k++)
          {
            g_autofree char *item = g_strdup_printf ("c%d", (round * 20 + k) % N_ITEMS);
            g_autofree char *value = g_strdup_printf ("%d", round * 100 + k);

            if (!ga_store_save_answer (store, 1, item, value, &error))
              break;
            g_ptr_array_add (acked, g_strdup_printf ("%s=%s", item, value));
          }
      if (error != NULL)
        {
          g_assert_false (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT));
          g_test_message ("round %d: %s", round, error->message);
          g_clear_error (&error);
        }
      /* Reading never says damaged either. */
      {
        g_autoptr(GaStore) reader = ga_store_open_read_only (path, &error);

        if (reader != NULL)
          {
            g_autofree char *problems = db_check (reader);

            g_assert_null (problems);
          }
        else
          g_assert_false (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT));
        g_clear_error (&error);
      }
    }
  g_test_message ("scan %s, %u answers acknowledged on the full disk, %u opens refused",
                  scan_acked ? "attached" : "refused", acked->len, refused);

  /* Room again: the database opens and holds every acknowledged change. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  {
    g_autoptr(GaStore) store = ga_store_open (path, &error);
    g_autoptr(GHashTable) answers = NULL;
    g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GPtrArray) evidence = NULL;
    g_autofree char *ok = NULL;
    g_autofree char *problems = NULL;
    GHashTableIter iter;
    gpointer key, value;

    g_assert_no_error (error);
    answers = ga_store_load_answers (store, 1, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < acked->len; i++)
      {
        g_auto(GStrv) kv = g_strsplit (acked->pdata[i], "=", 2);

        g_hash_table_insert (last, g_strdup (kv[0]), g_strdup (kv[1]));
      }
    g_hash_table_iter_init (&iter, last);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpstr (g_hash_table_lookup (answers, key), ==, value);
    evidence = ga_store_list_evidence (store, 1, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evidence->len, ==, scan_acked ? 1 : 0);
    ok = ga_test_query_text (ga_store_get_handle (store), "PRAGMA integrity_check");
    g_assert_cmpstr (ok, ==, "ok");
    problems = db_check (store);
    g_assert_null (problems);
    g_assert_true (ga_store_save_answer (store, 1, "c1", "7", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Damage                                                              */

static void
test_damage_stops_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "flipped.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GaStore) store = NULL;
  gint64 root;

  make_database (path);
  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  for (int k = 0; k < 2000; k++)
    {
      g_autofree char *item = g_strdup_printf ("c%d", k % N_ITEMS);
      g_autofree char *value = g_strdup_printf ("%d", k);

      g_assert_true (ga_store_save_answer (store, 1, item, value, &error));
    }
  root = ga_test_query_int (ga_store_get_handle (store),
                    "SELECT rootpage FROM sqlite_schema WHERE name = 'history_assessment'");
  g_clear_object (&store);

  /* A bit flip in the page header of an index of the history, a page no
   * save of one answer reads first: the file was closed cleanly, so only
   * the check before the first write can notice. */
  {
    int fd = g_open (path, O_RDWR, 0);
    guchar type;

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (pread (fd, &type, 1, (root - 1) * 4096), ==, 1);
    type ^= 0x40;
    g_assert_cmpint (pwrite (fd, &type, 1, (root - 1) * 4096), ==, 1);
    close (fd);
  }
  before = ga_test_file_sha256 (path);

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (ga_store_save_answer (store, 1, "c1", "99", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT);
  /* What to do first keeps the WAL: a backup by this program, then
   * repair. Restoring an old backup is the last resort, not the advice. */
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, "db backup"));
  g_assert_nonnull (strstr (error->message, "db repair"));
  g_assert_null (strstr (error->message, "restore a backup"));
  g_clear_error (&error);
  /* And again: no write ever goes ahead on this connection. */
  g_assert_false (ga_store_save_answer (store, 1, "c2", "99", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&store);
  after = ga_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* Reading still works, and `db check` names the damage. */
  store = ga_store_open_read_only (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *problems = db_check (store);

    g_assert_nonnull (problems);
    g_test_message ("db check: %s", problems);
  }
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* A damaged page of the history table: the repair recovers the rows on
 * both sides of it into a new database that checks clean, and reads the
 * damaged file only. */
static void
test_repair (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *fixed = g_build_filename (dir, "fixed.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  gint64 page, n_leaves, n_history;
  sqlite3 *db;

  make_database (path);
  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  for (int k = 0; k < 3000; k++)
    {
      g_autofree char *item = g_strdup_printf ("c%d", k % N_ITEMS);
      g_autofree char *value = g_strdup_printf ("%d", k);

      g_assert_true (ga_store_save_answer (store, 1, item, value, &error));
    }
  db = ga_store_get_handle (store);
  n_leaves = ga_test_query_int (db, "SELECT count(*) FROM dbstat WHERE name = 'history'"
                            " AND pagetype = 'leaf'");
  g_assert_cmpint (n_leaves, >, 10);
  page = ga_test_query_int (db, "SELECT pageno FROM dbstat WHERE name = 'history' AND pagetype = 'leaf'"
                        " ORDER BY path LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat"
                        " WHERE name = 'history' AND pagetype = 'leaf')");
  g_clear_object (&store);
  {
    int fd = g_open (path, O_RDWR, 0);
    guchar junk[64];

    memset (junk, 0xA5, sizeof junk);
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, (page - 1) * 4096), ==, sizeof junk);
    close (fd);
  }
  before = ga_test_file_sha256 (path);

  store = ga_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_repair_to (store, fixed, report, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_ptr_array_add (report, NULL);
  joined = g_strjoinv ("\n", (char **) report->pdata);
  g_test_message ("%s", joined);
  g_assert_nonnull (strstr (joined, "enterprises: 1 row recovered"));
  g_assert_nonnull (strstr (joined, "assessments: 2 rows recovered"));
  g_assert_nonnull (strstr (joined, "answers: 40 rows recovered"));
  g_assert_nonnull (strstr (joined, "history:"));
  g_assert_nonnull (strstr (joined, "could not be read"));
  {
    g_autofree char *after = ga_test_file_sha256 (path);

    g_assert_cmpstr (before, ==, after);
  }

  store = ga_store_open (fixed, &error);
  g_assert_no_error (error);
  db = ga_store_get_handle (store);
  n_history = ga_test_query_int (db, "SELECT count(*) FROM history");
  /* One leaf page of about 3000 rows was lost, not the rest of the table:
   * rows on both sides of it are there. */
  g_assert_cmpint (n_history, <, 3000);
  g_assert_cmpint (n_history, >, 3000 - 3000 / n_leaves * 3);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history WHERE id < 100"), ==, 99);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM history WHERE id > 2900"), ==, 100);
  {
    g_autofree char *problems = db_check (store);

    g_assert_null (problems);
  }
  g_assert_true (ga_store_save_answer (store, 1, "c1", "1", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Read-only media                                                     */

static int
read_only_child (const char *path)
{
  GError *error = NULL;
  GaStore *store = ga_store_open (path, &error);
  GPtrArray *list;
  int result = 0;

  if (store == NULL)
    {
      fprintf (stderr, "read-only open refused: %s\n", error->message);
      return 20;
    }
  if (!ga_store_is_read_only (store))
    result = 21;
  list = ga_store_list_enterprises (store, &error);
  if (list == NULL || list->len != 1)
    result = 22;
  g_clear_pointer (&list, g_ptr_array_unref);
  if (ga_store_save_answer (store, 1, "c1", "5", &error))
    result = 23;
  else if (!g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY)
           || strstr (error->message, path) == NULL
           || strstr (error->message, "db backup") == NULL)
    {
      fprintf (stderr, "unexpected: %s\n", error->message);
      result = 24;
    }
  g_clear_error (&error);
  g_object_unref (store);
  return result;
}

static void
test_read_only_medium (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "stick.db", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GaStore) store = NULL;

  if (!mount_tmpfs (dir, "size=4m"))
    {
      g_rmdir (dir);
      return;
    }
  make_database (path);
  store = ga_store_open (path, &error);
  g_assert_true (ga_store_save_answer (store, 1, "c3", "3", &error));
  g_clear_object (&store);
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=4m"), ==, 0);

  /* Listing, checking and backing up work; saving says why not. */
  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_is_read_only (store));
  g_assert_cmpstr (ga_store_get_read_only_reason (store), ==, "it is on a read-only disk");
  {
    g_autoptr(GPtrArray) list = ga_store_list_enterprises (store, &error);
    g_autoptr(GHashTable) answers = ga_store_load_answers (store, 1, &error);
    g_autofree char *problems = db_check (store);
    g_autofree char *tmp = g_dir_make_tmp (NULL, NULL);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (g_hash_table_lookup (answers, "c3"), ==, "3");
    g_assert_null (problems);
    backup = g_build_filename (tmp, "copy.db", NULL);
    g_assert_true (ga_store_backup (store, backup, &error));
    g_assert_no_error (error);
    /* A package of an assessment, for the consultant. */
    {
      g_autofree char *pkg = g_build_filename (tmp, "a.gapkg", NULL);

      g_assert_true (ga_store_export_package (store, 1, pkg, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (pkg, G_FILE_TEST_IS_REGULAR));
    }
  }
  g_assert_false (ga_store_save_answer (store, 1, "c1", "5", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only disk"));
  g_clear_error (&error);
  g_clear_object (&store);

  /* The copy is a normal, writable database. */
  store = ga_store_open (backup, &error);
  g_assert_no_error (error);
  g_assert_false (ga_store_is_read_only (store));
  g_assert_true (ga_store_save_answer (store, 1, "c1", "5", &error));
  g_clear_object (&store);

  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  g_rmdir (dir);
  {
    g_autofree char *tmp = g_path_get_dirname (backup);

    ga_test_rm_rf (tmp);
  }
}

/* No permission (any user, any machine): the file and folder are not
 * writable for the account that opens them. */
static void
test_read_only_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  pid_t pid;
  int status = 0;

  make_database (path);
  before = ga_test_file_sha256 (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  fflush (stdout);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (90);
      _exit (read_only_child (path));
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  after = ga_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  ga_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1 && strcmp (argv[1], "--child") == 0)
    return run_child (argc, argv);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/store/durability/killed-checkpoint", test_killed_checkpoint);
  g_test_add_func ("/ga/store/durability/damage-stops-writes", test_damage_stops_writes);
  g_test_add_func ("/ga/store/durability/repair", test_repair);
  g_test_add_func ("/ga/store/durability/read-only-permissions", test_read_only_permissions);
  g_test_add_func ("/ga/store/durability/read-only-medium", test_read_only_medium);
  g_test_add_func ("/ga/store/durability/disk-full", test_disk_full);
  g_test_add_func ("/ga/store/durability/concurrent-writers", test_concurrent_writers);
  g_test_add_func ("/ga/store/durability/lock-held", test_lock_held);
  g_test_add_func ("/ga/store/durability/kills", test_kills);

  return g_test_run ();
}
