/* ga-store.c: the store object, errors, transactions, files written for the
 * user, backups
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ga-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

G_DEFINE_QUARK (ga-store-error-quark, ga_store_error)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaStore, ga_store, G_TYPE_OBJECT)

static void
ga_store_finalize (GObject *object)
{
  GaStore *self = GA_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db_statements, g_hash_table_unref);
  g_clear_pointer (&self->gdb, ga_db_close);
  if (self->templates != NULL)
    g_clear_pointer (&self->templates, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* The last connection to close checkpoints the WAL into the main
       * file and removes it; nothing acknowledged depends on that. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->migration_backup, g_free);
  g_clear_pointer (&self->read_only, g_free);

  G_OBJECT_CLASS (ga_store_parent_class)->finalize (object);
}

static void
ga_store_class_init (GaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ga_store_finalize;

  /**
   * GaStore::changed:
   * @assessment_id: the assessment that changed, or 0 for enterprises and
   *   templates
   *
   * Emitted after a change was committed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
ga_store_init (GaStore *self)
{
  const char *real = g_get_real_name ();

  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
  self->db_statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                               (GDestroyNotify) ga_db_stmt_free);
  self->evidence_limit = GA_STORE_DEFAULT_EVIDENCE_LIMIT;
  /* g_get_real_name() answers "Unknown" when the account has no name. The
   * name is in the system's encoding; the database takes UTF-8 text only. */
  if (real == NULL || *real == '\0' || strcmp (real, "Unknown") == 0)
    real = g_get_user_name ();
  self->author = g_utf8_make_valid (real, -1);
}

void
ga_store_emit_changed (GaStore *store,
                       gint64   assessment_id)
{
  g_signal_emit (store, signals[SIGNAL_CHANGED], 0, assessment_id);
}

/* ------------------------------------------------------------------ */
/* Errors and small helpers                                            */

void
ga_store_set_sqlite_error (sqlite3    *db,
                           int         rc,
                           const char *doing,
                           GError    **error)
{
  const char *msg = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  const char *name = db != NULL ? sqlite3_db_filename (db, "main") : NULL;
  /* Messages are text: a file name in GBK is shown by its display name. */
  g_autofree char *file = name != NULL && *name != '\0' ? g_filename_display_name (name)
                                                         : g_strdup ("the database");

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FULL,
                   "%s failed: the disk is full (or the database reached its size limit). "
                   "Nothing was saved; free some disk space and try again", doing);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                   "%s failed: %s cannot be written (%s). Nothing was saved; check the "
                   "permissions of the file and of its folder, which must also hold the "
                   "-wal and -shm files beside it", doing, file, msg);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "%s failed: %s cannot be opened (%s). Check that the folder exists and "
                   "can be written", doing, file, msg);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      {
        g_autofree char *finding = g_strdup_printf ("%s failed (%s)", doing, msg);

        ga_store_set_damaged_error (error, file, finding);
      }
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_BUSY,
                   "%s failed: another program kept %s locked for more than %d seconds. "
                   "Close it and try again", doing, file, GA_STORE_BUSY_TIMEOUT_MS / 1000);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s failed: the data breaks a rule of the database (%s)", doing, msg);
      break;
    case SQLITE_TOOBIG:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_TOO_LARGE,
                   "%s failed: the value is too large for the database (%s)", doing, msg);
      break;
    default:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FAILED,
                   "%s failed: %s (SQLite error %d)", doing, msg, rc);
      break;
    }
}

/* The operations whose SQL is still SQLite's own refuse a store on a
 * server with this, instead of failing somewhere inside SQLite. */
static void
set_not_on_server_error (GaStore  *store,
                         GError  **error)
{
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FAILED,
               "This operation is not available yet for a store on a PostgreSQL server (%s); "
               "use a local database file for it", store->path);
}

gboolean
ga_store_require_file (GaStore  *store,
                       GError  **error)
{
  if (store->db != NULL)
    return TRUE;
  set_not_on_server_error (store, error);
  return FALSE;
}

sqlite3_stmt *
ga_store_prepare (GaStore     *store,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);

  if (store->db == NULL)
    {
      set_not_on_server_error (store, error);
      return NULL;
    }
  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          ga_store_fail (store, rc, "Preparing a query", error);
          return NULL;
        }
      g_hash_table_insert (store->statements, (gpointer) sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

/* The statement was reset or finalized first: the error SQLite keeps on
 * the connection is then the one of its last step. */
static gboolean
check_done (GaStore     *store,
            int          rc,
            const char  *doing,
            GError     **error)
{
  if (rc != SQLITE_DONE)
    {
      ga_store_fail (store, rc, doing, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_store_reset_done (GaStore       *store,
                     sqlite3_stmt  *stmt,
                     int            rc,
                     const char    *doing,
                     GError       **error)
{
  sqlite3_reset (stmt);
  return check_done (store, rc, doing, error);
}

gboolean
ga_store_finalize_done (GaStore       *store,
                        sqlite3_stmt  *stmt,
                        int            rc,
                        const char    *doing,
                        GError       **error)
{
  sqlite3_finalize (stmt);
  return check_done (store, rc, doing, error);
}

gboolean
ga_store_step_done (GaStore       *store,
                    sqlite3_stmt  *stmt,
                    const char    *doing,
                    GError       **error)
{
  return ga_store_reset_done (store, stmt, sqlite3_step (stmt), doing, error);
}

gboolean
ga_store_step_changed (GaStore       *store,
                       sqlite3_stmt  *stmt,
                       const char    *what,
                       gint64         id,
                       const char    *doing,
                       GError       **error)
{
  if (!ga_store_step_done (store, stmt, doing, error))
    return FALSE;
  if (sqlite3_changes (store->db) == 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   "There is no %s with id %" G_GINT64_FORMAT, what, id);
      return FALSE;
    }
  return TRUE;
}

GaDbStmt *
ga_store_stmt (GaStore     *store,
               const char  *sql,
               GError     **error)
{
  return ga_store_stmt_insert (store, sql, NULL, error);
}

GaDbStmt *
ga_store_stmt_insert (GaStore     *store,
                      const char  *sql,
                      const char  *id_column,
                      GError     **error)
{
  GaDbStmt *stmt = g_hash_table_lookup (store->db_statements, sql);

  if (stmt == NULL)
    {
      GError *local = NULL;

      stmt = id_column != NULL ? ga_db_prepare_insert (store->gdb, sql, id_column, &local)
                               : ga_db_prepare (store->gdb, sql, &local);
      if (stmt == NULL)
        {
          ga_store_fail_db (store, local, "Preparing a query", error);
          return NULL;
        }
      g_hash_table_insert (store->db_statements, (gpointer) sql, stmt);
    }
  else
    ga_db_stmt_clear_bindings (stmt);
  return stmt;
}

void
ga_store_fail_db (GaStore     *store,
                  GError      *db_error,
                  const char  *doing,
                  GError     **error)
{
  g_autoptr(GError) local = db_error;
  const char *msg = local != NULL ? local->message : "unknown error";
  int rc = ga_db_get_sqlite_code (store->gdb);
  gboolean server = ga_db_get_dialect (store->gdb) == GA_DB_DIALECT_POSTGRESQL;

  /* SQLite's own code says more than the GaDbError (a full disk, damage)
   * and keeps the messages the store has always given. */
  if (!server && rc != 0)
    {
      ga_store_fail (store, rc, doing, error);
      return;
    }

  switch (local != NULL && local->domain == GA_DB_ERROR ? local->code : GA_DB_ERROR_FAILED)
    {
    case GA_DB_ERROR_BUSY:
      if (server)
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_BUSY,
                     "%s failed: another user was changing the same data at the same time "
                     "(%s). Nothing was saved; try again", doing, msg);
      else
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_BUSY,
                     "%s failed: another program kept the database locked (%s). Close it and "
                     "try again", doing, msg);
      break;
    case GA_DB_ERROR_PERMISSION:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                   "%s failed: %s may not be changed this way (%s). Nothing was saved; ask "
                   "whoever manages it for the right to make this change", doing,
                   ga_db_get_display_name (store->gdb), msg);
      break;
    case GA_DB_ERROR_UNIQUE:
    case GA_DB_ERROR_FOREIGN_KEY:
    case GA_DB_ERROR_NOT_NULL:
    case GA_DB_ERROR_CHECK:
    case GA_DB_ERROR_BAD_VALUE:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s failed: the data breaks a rule of the database (%s)", doing, msg);
      break;
    case GA_DB_ERROR_OPEN:
    case GA_DB_ERROR_CONNECTION:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "%s failed: %s cannot be reached (%s). Nothing was saved; check the "
                   "connection and try again", doing, ga_db_get_display_name (store->gdb), msg);
      break;
    default:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FAILED, "%s failed: %s", doing, msg);
      break;
    }
}

gboolean
ga_store_stmt_end (GaStore     *store,
                   GaDbStmt    *stmt,
                   GaDbStep     step,
                   GError      *db_error,
                   const char  *doing,
                   GError     **error)
{
  gboolean ok = step == GA_DB_STEP_DONE;

  /* The error first: SQLite's message on the connection is the one of the
   * failed step until the statement is touched again. */
  if (step == GA_DB_STEP_ROW)
    /* A loop that stopped early: a defect, said as such. */
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FAILED,
                 "%s failed: the query returned more rows than expected", doing);
  else if (step == GA_DB_STEP_ERROR)
    {
      ga_store_fail_db (store, db_error, doing, error);
      db_error = NULL;
    }
  g_clear_error (&db_error);
  ga_db_stmt_reset (stmt);
  return ok;
}

gboolean
ga_store_stmt_run (GaStore     *store,
                   GaDbStmt    *stmt,
                   const char  *doing,
                   GError     **error)
{
  GError *local = NULL;
  GaDbStep step = ga_db_stmt_step (stmt, &local);

  return ga_store_stmt_end (store, stmt, step, local, doing, error);
}

gboolean
ga_store_stmt_run_changed (GaStore     *store,
                           GaDbStmt    *stmt,
                           const char  *what,
                           gint64       id,
                           const char  *doing,
                           GError     **error)
{
  if (!ga_store_stmt_run (store, stmt, doing, error))
    return FALSE;
  if (ga_db_stmt_get_changes (stmt) == 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   "There is no %s with id %" G_GINT64_FORMAT, what, id);
      return FALSE;
    }
  return TRUE;
}

void
ga_store_bind_text_or_null (GaDbStmt   *stmt,
                            int         index,
                            const char *text)
{
  if (text == NULL || *text == '\0')
    ga_db_stmt_bind_null (stmt, index);
  else
    ga_db_stmt_bind_text (stmt, index, text, -1);
}

char *
ga_store_stmt_dup (GaDbStmt *stmt,
                   int       column)
{
  return g_strdup (ga_db_stmt_column_text (stmt, column));
}

gboolean
ga_store_exec (GaStore     *store,
               const char  *sql,
               const char  *doing,
               GError     **error)
{
  int rc;

  if (store->db == NULL)
    {
      set_not_on_server_error (store, error);
      return FALSE;
    }
  rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ga_store_fail (store, rc, doing, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_store_begin (GaStore  *store,
                GError  **error)
{
  GError *local = NULL;

  if (!ga_store_check_before_write (store, error))
    return FALSE;
  /* On SQLite this is BEGIN IMMEDIATE, which takes the write lock now, so
   * that a transaction never fails half-way because another connection
   * started writing first. */
  if (!ga_db_begin (store->gdb, &local))
    {
      ga_store_fail_db (store, local, "Starting a transaction", error);
      return FALSE;
    }
  return TRUE;
}

void
ga_store_rollback (GaStore *store)
{
  /* A failed COMMIT (disk full) can leave the transaction open. */
  if (ga_db_get_depth (store->gdb) > 0)
    ga_db_rollback (store->gdb, NULL);
  else if (store->db != NULL && !sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
ga_store_commit (GaStore     *store,
                 const char  *doing,
                 GError     **error)
{
  GError *local = NULL;

  if (!ga_db_commit (store->gdb, &local))
    {
      ga_store_fail_db (store, local, doing, error);
      ga_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_store_commit_changed (GaStore     *store,
                         const char  *doing,
                         gint64       assessment_id,
                         GError     **error)
{
  if (!ga_store_commit (store, doing, error))
    return FALSE;
  ga_store_emit_changed (store, assessment_id);
  return TRUE;
}

void
ga_store_set_file_error (GError     **error,
                         int          errnum,
                         const char  *path)
{
  /* Messages name files by their display names: a file name need not be
   * UTF-8 (GBK names unpacked from an archive), a message must be. */
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *shown_dir = g_filename_display_name (dir);

  switch (errnum)
    {
    case ENOENT:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot write %s: the folder %s does not exist. Create it first, or choose "
                   "another folder", shown, shown_dir);
      break;
    case ENOTDIR:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot write %s: a part of the path %s is a file, not a folder. Choose "
                   "another folder", shown, shown_dir);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                   "Cannot write %s: permission denied. Choose a folder you may write to, or "
                   "check the permissions of %s", shown, shown_dir);
      break;
    case EROFS:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                   "Cannot write %s: the folder %s is on a read-only disk. Choose another folder",
                   shown, shown_dir);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FULL,
                   "Cannot write %s: the disk is full. Nothing was written; free some space and "
                   "try again", shown);
      break;
    case EISDIR:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "%s is a folder; give the path of a file", shown);
      break;
    default:
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot write %s: %s", shown, g_strerror (errnum));
      break;
    }
}

char *
ga_store_create_temp_mode (const char  *path,
                           int          mode,
                           GError     **error)
{
  /* Same folder as @path, so that the final rename stays on one file
   * system and is atomic. O_EXCL: never reuse somebody else's file. */
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmp = g_strdup_printf ("%s.%08x.tmp", path, g_random_int ());
      int fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL, mode);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&tmp);
        }
      if (errno != EEXIST)
        {
          ga_store_set_file_error (error, errno, path);
          return NULL;
        }
    }
  {
    g_autofree char *shown = g_filename_display_name (path);

    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                 "Cannot write %s: no free temporary name beside it", shown);
  }
  return NULL;
}

char *
ga_store_create_temp_beside (const char  *path,
                             GError     **error)
{
  return ga_store_create_temp_mode (path, 0600, error);
}

void
ga_store_error_rename (GError     *error,
                       const char *tmp,
                       const char *path)
{
  g_autofree char *shown_tmp = NULL;
  g_autofree char *shown = NULL;

  if (error == NULL || tmp == NULL)
    return;
  /* The message may name @tmp as it is or by its display name. */
  shown_tmp = g_filename_display_name (tmp);
  shown = g_filename_display_name (path);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? tmp : shown_tmp;
      g_auto(GStrv) parts = NULL;

      if (strstr (error->message, name) == NULL)
        continue;
      parts = g_strsplit (error->message, name, -1);
      g_free (error->message);
      error->message = g_strjoinv (shown, parts);
    }
}

static void
set_exists_error (GError     **error,
                  const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
               "%s already exists and was left unchanged", shown);
}

gboolean
ga_store_refuse_existing (const char         *path,
                          GaStoreWriteFlags   flags,
                          GError            **error)
{
  GStatBuf st;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "%s is a folder; give the path of a file", shown);
      return FALSE;
    }
  /* g_lstat: a dangling symbolic link is an existing name too. */
  if ((flags & GA_STORE_WRITE_NO_REPLACE) != 0 && g_lstat (path, &st) == 0)
    {
      set_exists_error (error, path);
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_store_place_file (const char         *tmp,
                     const char         *dest,
                     GaStoreWriteFlags   flags,
                     GError            **error)
{
  if ((flags & GA_STORE_WRITE_NO_REPLACE) != 0)
    {
      GStatBuf st;
      int saved;

      /* link() never replaces: the check and the placing are one step, so
       * a file that appeared meanwhile is not lost either. */
      if (link (tmp, dest) == 0)
        {
          g_unlink (tmp);
          return TRUE;
        }
      saved = errno;
      if (saved == EEXIST)
        {
          set_exists_error (error, dest);
          ga_store_remove_files (tmp);
          return FALSE;
        }
      if (saved != EPERM && saved != ENOTSUP && saved != EOPNOTSUPP && saved != EMLINK
          && saved != ENOSYS && saved != EXDEV)
        {
          ga_store_set_file_error (error, saved, dest);
          ga_store_remove_files (tmp);
          return FALSE;
        }
      /* A file system without hard links (FAT, some network shares). */
      if (g_lstat (dest, &st) == 0)
        {
          set_exists_error (error, dest);
          ga_store_remove_files (tmp);
          return FALSE;
        }
    }
  if (g_rename (tmp, dest) != 0)
    {
      ga_store_set_file_error (error, errno, dest);
      ga_store_remove_files (tmp);
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_store_is_own_file (GaStore    *store,
                      const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *canon = NULL;
  GStatBuf target;
  gboolean exists;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  canon = g_canonicalize_filename (path, NULL);
  exists = g_stat (path, &target) == 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *own = g_strconcat (store->path, suffixes[i], NULL);
      g_autofree char *own_canon = g_canonicalize_filename (own, NULL);
      GStatBuf st;

      if (strcmp (canon, own_canon) == 0)
        return TRUE;
      /* Another name for the same file: a link, "./", "..". */
      if (exists && g_stat (own, &st) == 0 && st.st_dev == target.st_dev
          && st.st_ino == target.st_ino)
        return TRUE;
    }
  return FALSE;
}

gboolean
ga_store_refuse_own_file (GaStore     *store,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *shown_db = NULL;

  if (!ga_store_is_own_file (store, path))
    return TRUE;
  shown = g_filename_display_name (path);
  shown_db = g_filename_display_name (store->path);
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
               "%s is the database being read (%s) or one of its files; nothing was written. "
               "Give the path of another file", shown, shown_db);
  return FALSE;
}

char *
ga_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

char *
ga_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

char *
ga_store_sha256_hex (const void *data,
                     gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

char *
ga_store_column_dup (sqlite3_stmt *stmt,
                     int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* ------------------------------------------------------------------ */
/* Files and backups                                                   */

void
ga_store_remove_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/* Copies the database behind @src to @dest with the online backup API: a
 * consistent snapshot even while others write. The copy is written to a
 * temporary file in @dest's folder and renamed, so @dest is complete or
 * absent. */
gboolean
ga_store_backup_database (sqlite3            *src,
                          const char         *dest,
                          GaStoreWriteFlags   flags,
                          GError            **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int rc;

  tmp = ga_store_create_temp_beside (dest, error);
  if (tmp == NULL)
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dst, "main", src, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dst);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (20);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK)
            rc = sqlite3_errcode (dst);
        }
    }
  if (rc == SQLITE_OK)
    {
      /* The copy inherits WAL mode from the header; leave it as one
       * self-contained file. */
      rc = sqlite3_exec (dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *shown = g_filename_display_name (dest);
      g_autofree char *doing = g_strdup_printf ("Writing the backup %s", shown);
      ga_store_set_sqlite_error (dst, rc, doing, error);
      /* The message names the file being written, which is the temporary
       * one: the user knows only @dest. */
      ga_store_error_rename (error != NULL ? *error : NULL, tmp, dest);
      sqlite3_close_v2 (dst);
      ga_store_remove_files (tmp);
      return FALSE;
    }
  sqlite3_close_v2 (dst);

  return ga_store_place_file (tmp, dest, flags, error);
}

char *
ga_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "greenassess", "greenassess.db", NULL);
}

const char *
ga_store_get_path (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  return store->path;
}

int
ga_store_get_schema_version (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), 0);
  return store->schema_version;
}

const char *
ga_store_get_migration_backup (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  return store->migration_backup;
}

sqlite3 *
ga_store_get_handle (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  return store->db;
}

void
ga_store_set_author (GaStore    *store,
                     const char *author)
{
  g_return_if_fail (GA_IS_STORE (store));
  g_return_if_fail (author != NULL);

  g_free (store->author);
  /* Written into every change: UTF-8 text, as the database takes it. */
  store->author = g_utf8_make_valid (author, -1);
}

const char *
ga_store_get_author (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  return store->author;
}

gboolean
ga_store_backup_to (GaStore            *store,
                    const char         *dest,
                    GaStoreWriteFlags   flags,
                    GError            **error)
{
  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  if (!ga_store_require_file (store, error))
    return FALSE;

  if (!ga_store_refuse_own_file (store, dest, error)
      || !ga_store_refuse_existing (dest, flags, error))
    return FALSE;
  return ga_store_backup_database (store->db, dest, flags, error);
}

gboolean
ga_store_backup (GaStore     *store,
                 const char  *dest,
                 GError     **error)
{
  return ga_store_backup_to (store, dest, GA_STORE_WRITE_REPLACE, error);
}
