/* ga-store-repair.c: recovering what a damaged database still holds into a
 * new one
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The damaged file is only read. Each table is read in its own key order
 * straight from the table's b-tree (NOT INDEXED: an index may be what is
 * damaged); when a read meets damage, the table is read again from the
 * other end down to the last row already recovered, so that one damaged
 * page costs the rows on it and not the rest of the table. Rows that lost
 * what they refer to (answers of an assessment that could not be read)
 * are dropped and counted, so the new database keeps its references.
 */
#include "config.h"

#include "ga-store-private.h"

#include <string.h>

typedef struct {
  const char *table;
  const char *key;         /* ORDER BY of the table's own b-tree */
  const char *key_desc;    /* the same, last row first */
  const char *after;       /* WHERE the key lies past the last row read */
  int         n_key;       /* key columns, the first ones of SELECT key, * */
} TableOrder;

/* In dependency order, so that a row's references are copied before it. */
static const TableOrder tables[] = {
  { "meta", "key", "key DESC", "key > ?1", 1 },
  { "enterprises", "rowid", "rowid DESC", "rowid > ?1", 1 },
  { "projects", "rowid", "rowid DESC", "rowid > ?1", 1 },
  { "park_members", "park_id, member_id", "park_id DESC, member_id DESC", "(park_id, member_id) > (?1, ?2)", 2 },
  { "reference_tables", "rowid", "rowid DESC", "rowid > ?1", 1 },
  { "templates", "rowid", "rowid DESC", "rowid > ?1", 1 },
  { "assessments", "rowid", "rowid DESC", "rowid > ?1", 1 },
  { "answers", "assessment_id, item_id", "assessment_id DESC, item_id DESC", "(assessment_id, item_id) > (?1, ?2)", 2 },
  { "narratives", "assessment_id, part", "assessment_id DESC, part DESC", "(assessment_id, part) > (?1, ?2)", 2 },
  { "history", "rowid", "rowid DESC", "rowid > ?1", 1 },
  { "blobs", "rowid", "rowid DESC", "rowid > ?1", 1 },
  { "evidence", "rowid", "rowid DESC", "rowid > ?1", 1 },
};

/* Rows referring to something that was not recovered, removed child first. */
static const char *const orphans[][2] = {
  { "evidence", "DELETE FROM evidence WHERE sha256 NOT IN (SELECT sha256 FROM blobs)"
                " OR assessment_id NOT IN (SELECT id FROM assessments)" },
  { "history", "DELETE FROM history WHERE assessment_id NOT IN (SELECT id FROM assessments)" },
  { "answers", "DELETE FROM answers WHERE assessment_id NOT IN (SELECT id FROM assessments)" },
  { "narratives", "DELETE FROM narratives WHERE assessment_id NOT IN"
                  " (SELECT id FROM assessments)" },
  { "projects", "DELETE FROM projects WHERE enterprise_id NOT IN (SELECT id FROM enterprises)" },
  { "park_members", "DELETE FROM park_members WHERE park_id NOT IN (SELECT id FROM enterprises)"
                    " OR member_id NOT IN (SELECT id FROM enterprises)" },
  { "assessments", "DELETE FROM assessments WHERE enterprise_id NOT IN"
                   " (SELECT id FROM enterprises) OR template_hash NOT IN"
                   " (SELECT hash FROM templates)" },
};

typedef struct {
  guint  copied;
  int    rc;            /* how the read ended: SQLITE_DONE or an error */
  GValue last[2];       /* key of the last row read */
} Scan;

static void
scan_clear (Scan *scan)
{
  for (guint i = 0; i < G_N_ELEMENTS (scan->last); i++)
    if (G_IS_VALUE (&scan->last[i]))
      g_value_unset (&scan->last[i]);
}

static void
remember_key (Scan         *scan,
              sqlite3_stmt *stmt,
              int           n_key)
{
  scan_clear (scan);
  for (int i = 0; i < n_key; i++)
    {
      if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
        {
          g_value_init (&scan->last[i], G_TYPE_INT64);
          g_value_set_int64 (&scan->last[i], sqlite3_column_int64 (stmt, i));
        }
      else
        {
          g_value_init (&scan->last[i], G_TYPE_STRING);
          g_value_set_string (&scan->last[i], (const char *) sqlite3_column_text (stmt, i));
        }
    }
}

static void
bind_key (sqlite3_stmt *stmt,
          const GValue *key,
          int           n_key)
{
  for (int i = 0; i < n_key; i++)
    {
      if (G_VALUE_HOLDS_INT64 (&key[i]))
        sqlite3_bind_int64 (stmt, i + 1, g_value_get_int64 (&key[i]));
      else
        sqlite3_bind_text (stmt, i + 1, g_value_get_string (&key[i]), -1, SQLITE_TRANSIENT);
    }
}

/* Copies the rows @select yields (key columns first, then the table's) into
 * @insert, until the end or the first read that fails. */
static gboolean
copy_rows (sqlite3_stmt  *select,
           sqlite3_stmt  *insert,
           int            n_key,
           Scan          *scan,
           GError       **error)
{
  int n_columns = sqlite3_column_count (select);

  while ((scan->rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      int rc;

      for (int c = n_key; c < n_columns; c++)
        sqlite3_bind_value (insert, c - n_key + 1, sqlite3_column_value (select, c));
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        {
          ga_store_set_sqlite_error (sqlite3_db_handle (insert), rc, "Writing the repaired copy",
                                     error);
          return FALSE;
        }
      remember_key (scan, select, n_key);
      scan->copied++;
    }
  return TRUE;
}

static gboolean
repair_table (sqlite3          *src,
              GaStore          *dst,
              const TableOrder *t,
              GPtrArray        *report,
              GError          **error)
{
  g_autofree char *forward = NULL;
  g_autofree char *backward = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *insert = NULL;
  Scan front = { 0, SQLITE_DONE, { G_VALUE_INIT, G_VALUE_INIT } };
  Scan back = { 0, SQLITE_DONE, { G_VALUE_INIT, G_VALUE_INIT } };
  gboolean ok = FALSE;
  int rc, n_columns;

  forward = g_strdup_printf ("SELECT %s, * FROM \"%s\" NOT INDEXED ORDER BY %s", t->key, t->table,
                             t->key);
  rc = sqlite3_prepare_v2 (src, forward, -1, &select, NULL);
  if (rc != SQLITE_OK)
    {
      g_ptr_array_add (report, g_strdup_printf ("%s: nothing could be read (%s)", t->table,
                                                sqlite3_errmsg (src)));
      return TRUE;
    }
  n_columns = sqlite3_column_count (select) - t->n_key;
  {
    GString *sql = g_string_new (NULL);

    g_string_printf (sql, "INSERT OR %s INTO \"%s\" VALUES (",
                     strcmp (t->table, "meta") == 0 ? "REPLACE" : "IGNORE", t->table);
    for (int c = 0; c < n_columns; c++)
      g_string_append (sql, c == 0 ? "?" : ", ?");
    g_string_append_c (sql, ')');
    insert_sql = g_string_free (sql, FALSE);
  }
  rc = sqlite3_prepare_v2 (dst->db, insert_sql, -1, &insert, NULL);
  if (rc != SQLITE_OK)
    {
      ga_store_fail (dst, rc, "Preparing the repaired copy", error);
      goto out;
    }

  if (!copy_rows (select, insert, t->n_key, &front, error))
    goto out;
  sqlite3_finalize (select);
  select = NULL;
  if (front.rc == SQLITE_DONE)
    {
      g_ptr_array_add (report, g_strdup_printf ("%s: %u %s recovered", t->table, front.copied,
                                                front.copied == 1 ? "row" : "rows"));
      ok = TRUE;
      goto out;
    }

  /* Damage: read from the other end, down to where the first read got. */
  backward = g_strdup_printf ("SELECT %s, * FROM \"%s\" NOT INDEXED%s%s ORDER BY %s",
                              t->key, t->table, front.copied > 0 ? " WHERE " : "",
                              front.copied > 0 ? t->after : "",
                              t->key_desc);
  rc = sqlite3_prepare_v2 (src, backward, -1, &select, NULL);
  if (rc == SQLITE_OK)
    {
      if (front.copied > 0)
        bind_key (select, front.last, t->n_key);
      if (!copy_rows (select, insert, t->n_key, &back, error))
        goto out;
    }
  g_ptr_array_add (report,
                   g_strdup_printf ("%s: %u %s recovered; the rows on the damaged part of the "
                                    "table could not be read (%s)", t->table,
                                    front.copied + back.copied,
                                    front.copied + back.copied == 1 ? "row" : "rows",
                                    sqlite3_errstr (front.rc)));
  ok = TRUE;

out:
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  scan_clear (&front);
  scan_clear (&back);
  return ok;
}

static gboolean
drop_orphans (GaStore    *dst,
              GPtrArray  *report,
              GError    **error)
{
  /* Removing an assessment can orphan its answers: repeat until stable. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (orphans); i++)
      {
        if (!ga_store_exec (dst, orphans[i][1], "Checking the repaired copy", error))
          return FALSE;
        if (sqlite3_changes (dst->db) > 0)
          g_ptr_array_add (report,
                           g_strdup_printf ("%s: %d left out, because what they belong to "
                                            "could not be recovered", orphans[i][0],
                                            sqlite3_changes (dst->db)));
      }
  return TRUE;
}

gboolean
ga_store_repair_to (GaStore     *store,
                    const char  *dest,
                    GPtrArray   *report,
                    GError     **error)
{
  g_autoptr(GaStore) dst = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  if (!ga_store_require_file (store, error))
    return FALSE;

  if (store->schema_version != GA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s has schema version %d; this version repairs version %d only",
                   store->path, store->schema_version, GA_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (!ga_store_refuse_own_file (store, dest, error)
      || !ga_store_refuse_existing (dest, GA_STORE_WRITE_NO_REPLACE, error))
    return FALSE;

  tmp = ga_store_create_temp_beside (dest, error);
  if (tmp == NULL)
    return FALSE;
  dst = ga_store_open (tmp, error);
  if (dst == NULL)
    goto fail;
  /* References are restored by drop_orphans(), not refused row by row. */
  if (!ga_store_exec (dst, "PRAGMA foreign_keys = OFF", "Preparing the repaired copy", error)
      || !ga_store_begin (dst, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!repair_table (store->db, dst, &tables[i], report, error))
      {
        ga_store_rollback (dst);
        goto fail;
      }
  if (!drop_orphans (dst, report, error))
    {
      ga_store_rollback (dst);
      goto fail;
    }
  if (!ga_store_commit (dst, "Writing the repaired copy", error)
      || !ga_store_exec (dst, "PRAGMA foreign_keys = ON", "Checking the repaired copy", error))
    goto fail;

  /* What the copy still lacks (an evidence file whose bytes were damaged)
   * is part of the report, not a failure: the copy is the best there is. */
  if (!ga_store_check (dst, problems, error))
    goto fail;
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (report, g_strdup_printf ("in the copy: %s",
                                              (char *) g_ptr_array_index (problems, i)));
  g_clear_object (&dst);
  return ga_store_place_file (tmp, dest, GA_STORE_WRITE_NO_REPLACE, error);

fail:
  ga_store_error_rename (error != NULL ? *error : NULL, tmp, dest);
  g_clear_object (&dst);
  ga_store_remove_files (tmp);
  return FALSE;
}
