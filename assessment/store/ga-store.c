/* ga-store.c: opening, migrating, backing up and checking the store;
 * enterprises
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
  self->evidence_limit = GA_STORE_DEFAULT_EVIDENCE_LIMIT;
  /* g_get_real_name() answers "Unknown" when the account has no name. */
  self->author = g_strdup (real != NULL && *real != '\0' && strcmp (real, "Unknown") != 0
                           ? real : g_get_user_name ());
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

sqlite3_stmt *
ga_store_prepare (GaStore     *store,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);

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

gboolean
ga_store_exec (GaStore     *store,
               const char  *sql,
               const char  *doing,
               GError     **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);

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
  if (!ga_store_check_before_write (store, error))
    return FALSE;
  /* IMMEDIATE takes the write lock now, so that a transaction never fails
   * half-way because another connection started writing first. */
  return ga_store_exec (store, "BEGIN IMMEDIATE", "Starting a transaction", error);
}

void
ga_store_rollback (GaStore *store)
{
  /* A failed COMMIT (disk full) can leave the transaction open. */
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
ga_store_commit (GaStore     *store,
                 const char  *doing,
                 GError     **error)
{
  if (!ga_store_exec (store, "COMMIT", doing, error))
    {
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
  store->author = g_strdup (author);
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

/* ------------------------------------------------------------------ */
/* Checking                                                            */

/* Short form of a SHA-256 for messages: enough to tell two apart. */
static char *
short_hash (const char *hash)
{
  return hash != NULL ? g_strdup_printf ("%.16s…", hash) : g_strdup ("(none)");
}

/* What refers to a damaged evidence file: every evidence row, with its
 * name, assessment and item, so that the user knows what to attach again. */
static void
describe_damaged_blob (GaStore    *store,
                       const char *hash,
                       const char *damage,
                       GPtrArray  *problems)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc = sqlite3_prepare_v2 (store->db,
                               "SELECT e.id, e.name, e.item_id, e.assessment_id, a.title"
                               " FROM evidence e LEFT JOIN assessments a ON a.id = e.assessment_id"
                               " WHERE e.sha256 = ?1 ORDER BY e.id", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      n++;
      g_ptr_array_add (problems,
                       g_strdup_printf ("evidence %" G_GINT64_FORMAT " “%s” (assessment %"
                                        G_GINT64_FORMAT " “%s”, item %s) is damaged: %s. Restore "
                                        "a backup, or remove this evidence and attach the file "
                                        "again",
                                        (gint64) sqlite3_column_int64 (stmt, 0),
                                        sqlite3_column_text (stmt, 1),
                                        (gint64) sqlite3_column_int64 (stmt, 3),
                                        sqlite3_column_type (stmt, 4) != SQLITE_NULL
                                        ? (const char *) sqlite3_column_text (stmt, 4) : "?",
                                        sqlite3_column_text (stmt, 2), damage));
    }
  sqlite3_finalize (stmt);
  if (n == 0)
    {
      g_autofree char *shown = short_hash (hash);

      g_ptr_array_add (problems,
                       g_strdup_printf ("a stored evidence file (SHA-256 %s) that no evidence "
                                        "refers to is damaged: %s", shown, damage));
    }
}

static void
describe_damaged_template (GaStore    *store,
                           const char *hash,
                           const char *template_id,
                           const char *version,
                           const char *damage,
                           GPtrArray  *problems)
{
  g_autoptr(GString) users = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db,
                               "SELECT id FROM assessments WHERE template_hash = ?1 ORDER BY id",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (users, "%s%" G_GINT64_FORMAT, users->len > 0 ? ", " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  if (users->len > 0)
    g_ptr_array_add (problems,
                     g_strdup_printf ("the template copy %s %s, which assessments %s use, is "
                                      "damaged: %s. Keep the database as it is and take "
                                      "the copy from a backup made before the damage",
                                      template_id != NULL ? template_id : "?",
                                      version != NULL ? version : "?", users->str, damage));
  else
    g_ptr_array_add (problems,
                     g_strdup_printf ("the template copy %s %s is damaged: %s. Take it from a "
                                      "backup made before the damage", template_id != NULL ? template_id : "?",
                                      version != NULL ? version : "?", damage));
}

/* @sql selects hash, content, recorded size (or NULL), and for templates
 * the template id and version. */
static gboolean
check_hashes (GaStore    *store,
              const char *sql,
              gboolean    templates,
              GPtrArray  *problems,
              GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);

  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 0);
      const void *data = sqlite3_column_blob (stmt, 1);
      gsize len = sqlite3_column_bytes (stmt, 1);
      g_autofree char *actual = ga_store_sha256_hex (data != NULL ? data : "", len);
      g_autofree char *damage = NULL;

      if (hash == NULL || g_ascii_strcasecmp (hash, actual) != 0)
        {
          g_autofree char *want = short_hash (hash);
          g_autofree char *have = short_hash (actual);

          damage = g_strdup_printf ("its bytes no longer match their SHA-256 (recorded %s, "
                                    "now %s)", want, have);
        }
      else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL
               && (guint64) sqlite3_column_int64 (stmt, 2) != len)
        damage = g_strdup_printf ("it has %" G_GSIZE_FORMAT " bytes, but %" G_GINT64_FORMAT
                                  " are recorded", len, (gint64) sqlite3_column_int64 (stmt, 2));
      if (damage == NULL)
        continue;
      if (templates)
        describe_damaged_template (store, hash, (const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4), damage,
                                   problems);
      else
        describe_damaged_blob (store, hash, damage, problems);
    }
  if (!ga_store_finalize_done (store, stmt, rc, "Checking stored files", error))
    return FALSE;
  return TRUE;
}

gboolean
ga_store_check (GaStore    *store,
                GPtrArray  *problems,
                GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  rc = sqlite3_prepare_v2 (store->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (line != NULL && strcmp (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf ("integrity check: %s", line));
    }
  /* Damage bad enough to stop the check itself is its finding too; the
   * checks below would only meet it again. */
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_ptr_array_add (problems, g_strdup_printf ("integrity check: %s",
                                                  sqlite3_errmsg (store->db)));
      sqlite3_finalize (stmt);
      return TRUE;
    }
  if (!ga_store_finalize_done (store, stmt, rc, "Checking the database's integrity", error))
    return FALSE;

  stmt = NULL;
  rc = sqlite3_prepare_v2 (store->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf ("row %" G_GINT64_FORMAT " of table %s refers to a missing "
                                      "row of %s",
                                      (gint64) sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_text (stmt, 0),
                                      sqlite3_column_text (stmt, 2)));
  if (!ga_store_finalize_done (store, stmt, rc, "Checking references between tables", error))
    return FALSE;

  if (!check_hashes (store, "SELECT sha256, data, size FROM blobs", FALSE, problems, error))
    return FALSE;
  if (!check_hashes (store, "SELECT hash, content, NULL, template_id, version FROM templates",
                     TRUE, problems, error))
    return FALSE;

  /* Evidence rows record the size they were attached with. */
  stmt = NULL;
  rc = sqlite3_prepare_v2 (store->db,
                           "SELECT e.id, e.name, e.size, b.size FROM evidence e "
                           "JOIN blobs b ON b.sha256 = e.sha256 WHERE e.size <> b.size",
                           -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf ("evidence %" G_GINT64_FORMAT " “%s” records %" G_GINT64_FORMAT
                                      " bytes but its file has %" G_GINT64_FORMAT,
                                      (gint64) sqlite3_column_int64 (stmt, 0),
                                      sqlite3_column_text (stmt, 1),
                                      (gint64) sqlite3_column_int64 (stmt, 2),
                                      (gint64) sqlite3_column_int64 (stmt, 3)));
  if (!ga_store_finalize_done (store, stmt, rc, "Checking evidence sizes", error))
    return FALSE;

  /* Every row against the rules of the editors and the pinned template. */
  return ga_store_validate (store, problems, error);
}

/* ------------------------------------------------------------------ */
/* Enterprises                                                         */

GaEnterprise *
ga_enterprise_new (void)
{
  GaEnterprise *e = g_new0 (GaEnterprise, 1);

  e->output_value = NAN;
  e->value_added = NAN;
  e->employees = -1;
  return e;
}

GaEnterprise *
ga_enterprise_copy (const GaEnterprise *src)
{
  GaEnterprise *e;

  g_return_val_if_fail (src != NULL, NULL);

  e = g_new0 (GaEnterprise, 1);
  *e = *src;
  e->uuid = g_strdup (src->uuid);
  e->name = g_strdup (src->name);
  e->credit_code = g_strdup (src->credit_code);
  e->industry = g_strdup (src->industry);
  e->region = g_strdup (src->region);
  e->address = g_strdup (src->address);
  e->legal_representative = g_strdup (src->legal_representative);
  e->contact_name = g_strdup (src->contact_name);
  e->contact_phone = g_strdup (src->contact_phone);
  e->contact_email = g_strdup (src->contact_email);
  e->created_at = g_strdup (src->created_at);
  e->updated_at = g_strdup (src->updated_at);
  return e;
}

void
ga_enterprise_free (GaEnterprise *e)
{
  if (e == NULL)
    return;
  g_free (e->uuid);
  g_free (e->name);
  g_free (e->credit_code);
  g_free (e->industry);
  g_free (e->region);
  g_free (e->address);
  g_free (e->legal_representative);
  g_free (e->contact_name);
  g_free (e->contact_phone);
  g_free (e->contact_email);
  g_free (e->created_at);
  g_free (e->updated_at);
  g_free (e);
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static gboolean
check_text (const char  *value,
            const char  *field,
            gsize        max_chars,
            GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s is not valid UTF-8 text", field);
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s is longer than %" G_GSIZE_FORMAT " characters", field, max_chars);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_figure (double      value,
              const char *field,
              GError    **error)
{
  if (isnan (value))
    return TRUE;   /* not given */
  if (!isfinite (value) || value < 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s must be a finite number of at least 0 (in 万元), not %g", field, value);
      return FALSE;
    }
  return TRUE;
}

/* Validates @in and fills the canonical forms of its codes. Every bad
 * field is reported, one per line: a form with three mistakes should not
 * take three attempts. The error has the domain and code of the first. */
static gboolean
normalize_enterprise (const GaEnterprise  *in,
                      char               **credit_code,
                      const char         **industry,
                      const char         **region,
                      GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  const char *phone = in->contact_phone;
  g_autofree char *trimmed = in->name != NULL ? g_strstrip (g_strdup (in->name)) : NULL;
  gboolean code_ok = FALSE;
  GError *problem = NULL;

#define COLLECT(call) \
  G_STMT_START { if (!(call)) g_ptr_array_add (problems, g_steal_pointer (&problem)); } G_STMT_END

  *credit_code = NULL;
  *industry = NULL;
  *region = NULL;

  if (!check_text (in->name, "The enterprise name", 200, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (empty (trimmed))
    g_ptr_array_add (problems, g_error_new_literal (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                                    "The enterprise needs a name (企业名称)"));
  COLLECT (check_text (in->address, "The address", 500, &problem));
  COLLECT (check_text (in->legal_representative, "The legal representative", 100, &problem));
  COLLECT (check_text (in->contact_name, "The contact name", 100, &problem));

  if (!check_text (in->credit_code, "统一社会信用代码", 40, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (empty (in->credit_code))
    g_ptr_array_add (problems,
                     g_error_new_literal (GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE,
                                          "The enterprise needs its 统一社会信用代码 (18 "
                                          "characters, printed on the business licence)"));
  else
    {
      *credit_code = ga_credit_code_normalize (in->credit_code);
      code_ok = ga_credit_code_validate (*credit_code, &problem);
      if (!code_ok)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
    }

  if (!empty (in->industry))
    {
      const GaIndustry *ind = ga_industry_validate (in->industry, &problem);
      if (ind == NULL)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
      else
        *industry = ind->code;
    }

  if (!empty (in->region))
    {
      const GaRegion *reg = ga_region_validate (in->region, &problem);
      if (reg == NULL)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
      else
        *region = reg->code;
    }
  else if (code_ok)
    /* The code's characters 3–8 name the registering authority's place,
     * which is where the enterprise is registered. */
    *region = ga_credit_code_get_province (*credit_code);

  if (!check_text (phone, "The contact phone", 50, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (!empty (phone))
    for (const char *p = phone; *p != '\0'; p++)
      if (!g_ascii_isdigit (*p) && strchr (" +-()", *p) == NULL)
        {
          g_ptr_array_add (problems,
                           g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                        "The contact phone '%s' may hold only digits, spaces "
                                        "and + - ( )", phone));
          break;
        }

  if (!check_text (in->contact_email, "The contact e-mail", 200, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (!empty (in->contact_email)
           && (strchr (in->contact_email, '@') == NULL
               || strchr (in->contact_email, ' ') != NULL))
    g_ptr_array_add (problems,
                     g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                  "The contact e-mail '%s' is not an e-mail address "
                                  "(name@example.cn)", in->contact_email));

  COLLECT (check_figure (in->output_value, "The output value (工业总产值)", &problem));
  COLLECT (check_figure (in->value_added, "The industrial value added (工业增加值)", &problem));
  if (in->employees < -1)
    g_ptr_array_add (problems,
                     g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                  "The number of employees must be 0 or more, not %"
                                  G_GINT64_FORMAT, in->employees));
#undef COLLECT

  if (problems->len > 0)
    {
      const GError *first = g_ptr_array_index (problems, 0);
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          const GError *p = g_ptr_array_index (problems, i);

          g_string_append_printf (all, "%s%s", i > 0 ? "\n" : "", p->message);
        }
      g_set_error_literal (error, first->domain, first->code, all->str);
      g_clear_pointer (credit_code, g_free);
      *industry = NULL;
      *region = NULL;
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_enterprise_validate (const GaEnterprise  *enterprise,
                        GError             **error)
{
  g_autofree char *credit_code = NULL;
  const char *industry = NULL, *region = NULL;

  g_return_val_if_fail (enterprise != NULL, FALSE);

  return normalize_enterprise (enterprise, &credit_code, &industry, &region, error);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (empty (text))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_enterprise_fields (sqlite3_stmt       *stmt,
                        const GaEnterprise *in,
                        const char         *credit_code,
                        const char         *industry,
                        const char         *region)
{
  g_autofree char *name = g_strstrip (g_strdup (in->name));

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, credit_code, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, industry);
  bind_text_or_null (stmt, 4, region);
  bind_text_or_null (stmt, 5, in->address);
  bind_text_or_null (stmt, 6, in->legal_representative);
  bind_text_or_null (stmt, 7, in->contact_name);
  bind_text_or_null (stmt, 8, in->contact_phone);
  bind_text_or_null (stmt, 9, in->contact_email);
  if (isnan (in->output_value))
    sqlite3_bind_null (stmt, 10);
  else
    sqlite3_bind_double (stmt, 10, in->output_value);
  if (isnan (in->value_added))
    sqlite3_bind_null (stmt, 11);
  else
    sqlite3_bind_double (stmt, 11, in->value_added);
  if (in->employees < 0)
    sqlite3_bind_null (stmt, 12);
  else
    sqlite3_bind_int64 (stmt, 12, in->employees);
  sqlite3_bind_int (stmt, 13, in->demo ? 1 : 0);
}

static gboolean
refuse_duplicate_code (GaStore     *store,
                       const char  *credit_code,
                       gint64       except_id,
                       GError     **error)
{
  g_autoptr(GaEnterprise) other = ga_store_find_enterprise (store, credit_code, error);

  if (other == NULL)
    return error == NULL || *error == NULL;
  if (other->id == except_id)
    return TRUE;
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
               "An enterprise with 统一社会信用代码 %s already exists: %s (id %" G_GINT64_FORMAT ")",
               credit_code, other->name, other->id);
  return FALSE;
}

gint64
ga_store_add_enterprise (GaStore             *store,
                         const GaEnterprise  *enterprise,
                         GError             **error)
{
  g_autofree char *credit_code = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  const char *industry = NULL, *region = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (enterprise != NULL, 0);

  if (!normalize_enterprise (enterprise, &credit_code, &industry, &region, error))
    return 0;

  if (!ga_store_begin (store, error))
    return 0;
  if (!refuse_duplicate_code (store, credit_code, 0, error))
    goto fail;

  stmt = ga_store_prepare (store,
                           "INSERT INTO enterprises (name, credit_code, industry, region, address,"
                           " legal_representative, contact_name, contact_phone, contact_email,"
                           " output_value, value_added, employees, demo, uuid, created_at,"
                           " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                           " ?12, ?13, ?14, ?15, ?15)", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  uuid = empty (enterprise->uuid) ? ga_store_new_uuid () : g_strdup (enterprise->uuid);
  bind_enterprise_fields (stmt, enterprise, credit_code, industry, region);
  sqlite3_bind_text (stmt, 14, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_STATIC);
  if (!ga_store_step_done (store, stmt, "Adding the enterprise", error))
    goto fail;
  id = sqlite3_last_insert_rowid (store->db);
  if (!ga_store_commit_changed (store, "Adding the enterprise", 0, error))
    return 0;
  return id;

fail:
  ga_store_rollback (store);
  return 0;
}

gboolean
ga_store_update_enterprise (GaStore             *store,
                            const GaEnterprise  *enterprise,
                            GError             **error)
{
  g_autofree char *credit_code = NULL;
  g_autofree char *now = NULL;
  const char *industry = NULL, *region = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (enterprise != NULL, FALSE);

  if (!normalize_enterprise (enterprise, &credit_code, &industry, &region, error))
    return FALSE;

  if (!ga_store_begin (store, error))
    return FALSE;
  if (!refuse_duplicate_code (store, credit_code, enterprise->id, error))
    goto fail;

  stmt = ga_store_prepare (store,
                           "UPDATE enterprises SET name = ?1, credit_code = ?2, industry = ?3,"
                           " region = ?4, address = ?5, legal_representative = ?6,"
                           " contact_name = ?7, contact_phone = ?8, contact_email = ?9,"
                           " output_value = ?10, value_added = ?11, employees = ?12, demo = ?13,"
                           " updated_at = ?14 WHERE id = ?15", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  bind_enterprise_fields (stmt, enterprise, credit_code, industry, region);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 15, enterprise->id);
  if (!ga_store_step_changed (store, stmt, "enterprise", enterprise->id, "Updating the enterprise",
                              error))
    goto fail;
  return ga_store_commit_changed (store, "Updating the enterprise", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

#define ENTERPRISE_COLUMNS \
  "e.id, e.uuid, e.name, e.credit_code, e.industry, e.region, e.address," \
  " e.legal_representative, e.contact_name, e.contact_phone, e.contact_email, e.output_value," \
  " e.value_added, e.employees, e.demo, e.created_at, e.updated_at"
#define N_ENTERPRISE_COLUMNS 17

static GaEnterprise *
enterprise_from_row (sqlite3_stmt *stmt,
                     int           first)
{
  GaEnterprise *e = g_new0 (GaEnterprise, 1);

  e->id = sqlite3_column_int64 (stmt, first + 0);
  e->uuid = ga_store_column_dup (stmt, first + 1);
  e->name = ga_store_column_dup (stmt, first + 2);
  e->credit_code = ga_store_column_dup (stmt, first + 3);
  e->industry = ga_store_column_dup (stmt, first + 4);
  e->region = ga_store_column_dup (stmt, first + 5);
  e->address = ga_store_column_dup (stmt, first + 6);
  e->legal_representative = ga_store_column_dup (stmt, first + 7);
  e->contact_name = ga_store_column_dup (stmt, first + 8);
  e->contact_phone = ga_store_column_dup (stmt, first + 9);
  e->contact_email = ga_store_column_dup (stmt, first + 10);
  e->output_value = sqlite3_column_type (stmt, first + 11) == SQLITE_NULL
                    ? NAN : sqlite3_column_double (stmt, first + 11);
  e->value_added = sqlite3_column_type (stmt, first + 12) == SQLITE_NULL
                   ? NAN : sqlite3_column_double (stmt, first + 12);
  e->employees = sqlite3_column_type (stmt, first + 13) == SQLITE_NULL
                 ? -1 : sqlite3_column_int64 (stmt, first + 13);
  e->demo = sqlite3_column_int (stmt, first + 14) != 0;
  e->created_at = ga_store_column_dup (stmt, first + 15);
  e->updated_at = ga_store_column_dup (stmt, first + 16);
  return e;
}

GaEnterprise *
ga_store_get_enterprise (GaStore  *store,
                         gint64    id,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  GaEnterprise *e = NULL;
  int rc;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  stmt = ga_store_prepare (store, "SELECT " ENTERPRISE_COLUMNS " FROM enterprises e WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    e = enterprise_from_row (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "There is no enterprise with id %" G_GINT64_FORMAT, id);
  else
    ga_store_fail (store, rc, "Reading the enterprise", error);
  sqlite3_reset (stmt);
  return e;
}

GaEnterprise *
ga_store_find_enterprise (GaStore     *store,
                          const char  *credit_code,
                          GError     **error)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  GaEnterprise *e = NULL;
  int rc;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (credit_code != NULL, NULL);

  code = ga_credit_code_normalize (credit_code);
  stmt = ga_store_prepare (store, "SELECT " ENTERPRISE_COLUMNS " FROM enterprises e"
                           " WHERE credit_code = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    e = enterprise_from_row (stmt, 0);
  else if (rc != SQLITE_DONE)
    ga_store_fail (store, rc, "Looking up the enterprise", error);
  sqlite3_reset (stmt);
  return e;
}

gboolean
ga_store_delete_enterprise (GaStore  *store,
                            gint64    id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!ga_store_begin (store, error))
    return FALSE;
  stmt = ga_store_prepare (store, "DELETE FROM enterprises WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ga_store_step_changed (store, stmt, "enterprise", id, "Deleting the enterprise",
                              error))
    goto fail;
  return ga_store_commit_changed (store, "Deleting the enterprise", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

void
ga_enterprise_summary_free (GaEnterpriseSummary *summary)
{
  if (summary == NULL)
    return;
  ga_enterprise_free (summary->enterprise);
  ga_assessment_free (summary->latest);
  g_free (summary);
}


GPtrArray *
ga_store_list_enterprises (GaStore  *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  /* One pass over the enterprises; each latest assessment is one probe of
   * assessments_enterprise (enterprise_id, updated_at, id) from its end,
   * so the list costs O(enterprises · log n) however many assessments
   * there are. */
  stmt = ga_store_prepare (store,
                           "SELECT " ENTERPRISE_COLUMNS ", " GA_STORE_ASSESSMENT_COLUMNS ","
                           " (SELECT count(*) FROM assessments c WHERE c.enterprise_id = e.id)"
                           " FROM enterprises e"
                           " LEFT JOIN assessments a ON a.id ="
                           "  (SELECT l.id FROM assessments l WHERE l.enterprise_id = e.id"
                           "   ORDER BY l.updated_at DESC, l.id DESC LIMIT 1)"
                           " ORDER BY e.name, e.id", error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_enterprise_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GaEnterpriseSummary *s = g_new0 (GaEnterpriseSummary, 1);

      s->enterprise = enterprise_from_row (stmt, 0);
      if (sqlite3_column_type (stmt, N_ENTERPRISE_COLUMNS) != SQLITE_NULL)
        s->latest = ga_store_assessment_from_row (stmt, N_ENTERPRISE_COLUMNS);
      s->n_assessments = sqlite3_column_int (stmt, N_ENTERPRISE_COLUMNS
                                            + GA_STORE_N_ASSESSMENT_COLUMNS);
      g_ptr_array_add (list, s);
    }
  if (!ga_store_reset_done (store, stmt, rc, "Listing the enterprises", error))
    return NULL;
  return g_steal_pointer (&list);
}
