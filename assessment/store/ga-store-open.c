/* ga-store-open.c: opening a database or package — telling what a file is,
 * recovering its WAL, checking for damage, read-only access, migrations
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database is never judged by its main file alone. In WAL mode the main
 * file of an intact database can be legally half-updated: a checkpoint
 * that was killed, or that ran out of disk space, leaves pages that only
 * make sense together with the frames still in the -wal file. So the main
 * file is looked at only for what cannot change under a checkpoint (the
 * SQLite magic and the application id, which a checkpoint rewrites with
 * the same bytes), and everything else is read through a normal connection
 * that recovers the WAL first. "Damaged" is said only when SQLite's own
 * check of that recovered database fails.
 */
#include "config.h"

#include "ga-store-private.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <glib/gstdio.h>

/* ------------------------------------------------------------------ */
/* Knowing when SQLite recovered a WAL                                 */

/* SQLite announces a WAL recovery (the previous writer did not close the
 * database: it was killed, or a checkpoint failed) through its log. The
 * flag is per thread, because the recovery runs in the thread whose query
 * started it, and each GaStore is used by one thread at a time. */
static GPrivate recovered_key = G_PRIVATE_INIT (NULL);
static gboolean log_installed;

static void
sqlite_log_cb (void       *data,
               int         code,
               const char *message)
{
  if (code == SQLITE_NOTICE_RECOVER_WAL)
    g_private_set (&recovered_key, GINT_TO_POINTER (1));
}

/* The log must be configured before SQLite initialises, that is before
 * any connection of the process is opened, hence a constructor. */
__attribute__ ((constructor)) static void
install_sqlite_log (void)
{
  log_installed = sqlite3_config (SQLITE_CONFIG_LOG, sqlite_log_cb, NULL) == SQLITE_OK;
}

/* ------------------------------------------------------------------ */
/* Names and messages                                                  */

static const char *
application_name (guint32 application_id)
{
  return application_id == GA_PACKAGE_APPLICATION_ID ? "GreenAssess package" : "GreenAssess database";
}

void
ga_store_set_damaged_error (GError     **error,
                            const char  *path,
                            const char  *finding)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT,
               "%s is damaged: %s. Nothing more is written to it. Keep the file and the "
               "%s-wal file beside it, which may hold your latest changes: first make a copy "
               "that includes them with `greenassess-cli db backup --db %s COPY.db`, then "
               "recover what can still be read into a new database with `greenassess-cli db "
               "repair --db %s NEW.db`. A backup made earlier lacks every change made since, "
               "so use it only for what the repair cannot recover",
               shown, finding, shown, shown, shown);
}

void
ga_store_fail (GaStore     *store,
               int          rc,
               const char  *doing,
               GError     **error)
{
  int code = rc & 0xff;

  /* A write that met damage must not be followed by more writes into the
   * damaged file; an I/O error may be damage too, so the structure is
   * checked again before the next write. */
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    store->damaged = TRUE;
  else if (code == SQLITE_IOERR)
    store->checked = FALSE;
  ga_store_set_sqlite_error (store->db, rc, doing, error);
}

/* "file:" URI of @path for sqlite3_open_v2 (SQLITE_OPEN_URI): the
 * characters URIs give a meaning to are percent-encoded. */
char *
ga_store_file_uri (const char *path,
          const char *query)
{
  GString *uri = g_string_new ("file:");

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '?' || *p == '#')
        g_string_append_printf (uri, "%%%02x", (guchar) *p);
      else
        g_string_append_c (uri, *p);
    }
  g_string_append_printf (uri, "?%s", query);
  return g_string_free (uri, FALSE);
}

static gboolean
file_has_bytes (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

static gboolean
file_exists (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0;
}

/* ------------------------------------------------------------------ */
/* What a file is, from the bytes a checkpoint cannot change           */

typedef enum {
  HEADER_EMPTY,     /* 0 bytes: a new database */
  HEADER_SQLITE,    /* an SQLite file; application_id as its header says */
} HeaderKind;

static gboolean
screen_header (const char  *path,
               guint32      application_id,
               HeaderKind  *kind,
               guint32     *app_id,
               GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *shown = g_filename_display_name (path);
  guchar header[100];
  gssize got = 0;
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, GA_STORE_ERROR,
                   saved == EACCES || saved == EPERM ? GA_STORE_ERROR_READ_ONLY
                                                     : GA_STORE_ERROR_OPEN,
                   "Cannot read %s: %s. Check its permissions", shown, g_strerror (saved));
      return FALSE;
    }
  while (got < (gssize) sizeof header)
    {
      gssize n = read (fd, header + got, sizeof header - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN, "Cannot read %s: %s", shown,
                       g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      got += n;
    }
  close (fd);

  if (got == 0)
    {
      *kind = HEADER_EMPTY;
      *app_id = 0;
      return TRUE;
    }
  if (got < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE,
                   "%s is not a %s: it is not an SQLite database at all. The file was not "
                   "changed; choose another file", shown, application_name (application_id));
      return FALSE;
    }
  *kind = HEADER_SQLITE;
  *app_id = (guint32) header[68] << 24 | (guint32) header[69] << 16
            | (guint32) header[70] << 8 | (guint32) header[71];
  return TRUE;
}

static gboolean
refuse_foreign (const char  *path,
                guint32      app_id,
                guint32      application_id,
                GError     **error)
{
  g_autofree char *shown = NULL;

  if (app_id == application_id)
    return TRUE;
  shown = g_filename_display_name (path);
  if (app_id == GA_PACKAGE_APPLICATION_ID)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE,
                 "%s is a GreenAssess exchange package, not a database: import it with "
                 "`greenassess-cli package import`. The file was not changed", shown);
  else if (app_id == GA_STORE_APPLICATION_ID)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE,
                 "%s is a GreenAssess database, not an exchange package. The file was not "
                 "changed", shown);
  else
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE,
                 "%s is an SQLite database of another program, not a %s. The file was "
                 "not changed; choose another file", shown, application_name (application_id));
  return FALSE;
}

static void
set_newer_error (GError     **error,
                 const char  *path,
                 int          version)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NEWER,
               "%s was written by a newer version of GreenAssess (schema version %d; this "
               "version reads up to %d). The file was not changed: open it with the newer "
               "version, or export the assessments you need as packages there",
               shown, version, GA_STORE_SCHEMA_VERSION);
}

/* ------------------------------------------------------------------ */
/* Read-only files                                                     */

/* Why @path cannot be written, or NULL when it can. Writing a WAL
 * database needs the file and its folder (for -wal and -shm). */
static char *
why_read_only (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs vfs;

  if (statvfs (path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY) != 0)
    return g_strdup (N_("it is on a read-only disk"));
  if (access (path, W_OK) != 0)
    return g_strdup (N_("you may not change the file"));
  if (access (dir, W_OK) != 0)
    return g_strdup (N_("you may not write in its folder, where the -wal and -shm files go"));
  return NULL;
}

static void
set_read_only_error (GaStore  *store,
                     GError  **error)
{
  g_autofree char *shown = g_filename_display_name (store->path);

  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
               "%s is open for reading only (%s); nothing was saved. You can still list, "
               "check, export and back it up. To change it, copy it to a folder you may write "
               "(`greenassess-cli db backup --db %s COPY.db`) and open the copy",
               shown, store->read_only, shown);
}

gboolean
ga_store_is_read_only (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), TRUE);
  return store->read_only != NULL;
}

const char *
ga_store_get_read_only_reason (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  return store->read_only;
}

/* ------------------------------------------------------------------ */
/* Damage                                                              */

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return FALSE;
  return TRUE;
}

/* Runs @pragma (a quick_check) and adds what it finds to @found. Returns
 * the SQLite result code of running it. */
static int
run_check (sqlite3    *db,
           const char *pragma,
           GString    *found)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);

  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (line != NULL && strcmp (line, "ok") != 0)
        g_string_append_printf (found, "%s%s", found->len > 0 ? "; " : "", line);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* How long the check before a connection's first write may take. On a
 * typical database (a consultant's hundred assessments) it checks every
 * table in a few milliseconds; on a very large one it checks the small
 * tables whole and the large ones as far as the time allows, so that a
 * command that saves one answer stays quick. */
#define CHECK_BUDGET_US (80 * 1000)

static int
check_deadline_cb (void *data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* SQLite's quick check of the whole file (@all) or, within CHECK_BUDGET_US,
 * of every table but the evidence bytes, whose pages the check would read
 * in full; their SHA-256 is checked by `db check` and when a file is read.
 * Returns FALSE with the damage message, or with the error that kept the
 * check from running. */
static gboolean
check_structure (GaStore   *store,
                 gboolean   all,
                 GError   **error)
{
  g_autoptr(GString) found = g_string_new (NULL);
  int rc = SQLITE_OK;

  if (all)
    rc = run_check (store->db, "PRAGMA quick_check", found);
  else
    {
      g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
      gint64 deadline = g_get_monotonic_time () + CHECK_BUDGET_US;
      sqlite3_stmt *stmt = NULL;

      /* The tables with one row per enterprise or assessment first; the
       * answers and the history, which grow with every save, last. */
      rc = sqlite3_prepare_v2 (store->db,
                               "SELECT name FROM sqlite_schema WHERE type = 'table'"
                               " AND name <> 'blobs'"
                               " ORDER BY name IN ('answers', 'history'), name", -1, &stmt, NULL);
      while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (tables, ga_store_column_dup (stmt, 0));
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_progress_handler (store->db, 1000, check_deadline_cb, &deadline);
      for (guint i = 0; rc == SQLITE_OK && i < tables->len; i++)
        {
          char *pragma = sqlite3_mprintf ("PRAGMA quick_check(%Q)",
                                          (char *) g_ptr_array_index (tables, i));

          rc = run_check (store->db, pragma, found);
          sqlite3_free (pragma);
        }
      sqlite3_progress_handler (store->db, 0, NULL, NULL);
      /* Out of time: what was checked is fine. */
      if (rc == SQLITE_INTERRUPT)
        rc = SQLITE_OK;
    }

  if (found->len > 0 || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_autofree char *finding = NULL;

      if (found->len == 0)
        g_string_append (found, sqlite3_errmsg (store->db));
      finding = g_strdup_printf ("SQLite's own check of the database, with the changes "
                                 "waiting in its -wal file, found: %s", found->str);
      store->damaged = TRUE;
      ga_store_set_damaged_error (error, store->path, finding);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      ga_store_set_sqlite_error (store->db, rc, "Checking the database", error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_store_check_before_write (GaStore  *store,
                             GError  **error)
{
  if (store->read_only != NULL)
    {
      set_read_only_error (store, error);
      return FALSE;
    }
  if (store->damaged)
    {
      ga_store_set_damaged_error (error, store->path,
                                  "SQLite found damage in it while this program was using it");
      return FALSE;
    }
  if (!store->checked)
    {
      if (!check_structure (store, FALSE, error))
        return FALSE;
      store->checked = TRUE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Migrations                                                          */

static gboolean
migrate (GaStore  *self,
         guint32   application_id,
         int       version,
         GError  **error)
{
  const GaStoreMigration *steps;
  guint n_steps;
  gint64 current = version;
  g_autofree char *pragma = NULL;

  if (version == GA_STORE_SCHEMA_VERSION)
    {
      self->schema_version = version;
      return TRUE;
    }

  /* A backup before touching an existing schema: a migration that goes
   * wrong in a way the transaction cannot undo (a bug in a step) must not
   * cost the user their data. */
  if (version > 0 && application_id == GA_STORE_APPLICATION_ID)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *backup = g_strdup_printf ("%s.v%d-%s.bak", self->path, version, stamp);

      if (!ga_store_backup_database (self->db, backup, GA_STORE_WRITE_NO_REPLACE, error))
        {
          g_prefix_error (error, "The database was not migrated, because no backup could be "
                          "taken first: ");
          return FALSE;
        }
      g_free (self->migration_backup);
      self->migration_backup = g_steal_pointer (&backup);
    }

  if (!ga_store_begin (self, error))
    return FALSE;

  /* Another process may have migrated meanwhile. */
  if (!query_int (self->db, "PRAGMA user_version", &current))
    {
      ga_store_fail (self, sqlite3_errcode (self->db), "Reading the schema version", error);
      ga_store_rollback (self);
      return FALSE;
    }

  steps = ga_store_get_migrations (&n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      int rc;

      if (steps[i].version <= current)
        continue;
      rc = sqlite3_exec (self->db, steps[i].sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          g_autofree char *shown = g_filename_display_name (self->path);
          g_autofree char *doing = g_strdup_printf ("Migrating %s to schema version %d",
                                                    shown, steps[i].version);
          ga_store_fail (self, rc, doing, error);
          ga_store_rollback (self);
          return FALSE;
        }
    }

  pragma = g_strdup_printf ("PRAGMA application_id = %u; PRAGMA user_version = %d;",
                            application_id, GA_STORE_SCHEMA_VERSION);
  if (!ga_store_exec (self, pragma, "Writing the schema version", error))
    {
      ga_store_rollback (self);
      return FALSE;
    }

  if (current == 0)
    {
      g_autofree char *now = ga_store_now ();
      g_autofree char *meta = g_strdup_printf ("INSERT INTO meta (key, value) VALUES "
                                               "('created_at', '%s'), "
                                               "('created_by', 'GreenAssess " PACKAGE_VERSION "')",
                                               now);
      if (!ga_store_exec (self, meta, "Creating the database", error))
        {
          ga_store_rollback (self);
          return FALSE;
        }
    }

  if (!ga_store_commit (self, "Migrating the database", error))
    return FALSE;

  self->schema_version = GA_STORE_SCHEMA_VERSION;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

typedef struct {
  gint64 app_id;
  gint64 version;
  gint64 n_tables;
} Identity;

/* Reads what the file is through the open connection, which sees (and
 * first recovers) what its WAL holds. */
static gboolean
identify (GaStore   *self,
          Identity  *id,
          GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "SELECT (SELECT application_id FROM pragma_application_id),"
                               " (SELECT user_version FROM pragma_user_version),"
                               " (SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          id->app_id = sqlite3_column_int64 (stmt, 0);
          id->version = sqlite3_column_int64 (stmt, 1);
          id->n_tables = sqlite3_column_int64 (stmt, 2);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      /* Even the header or the schema cannot be read: say what SQLite's
       * check says, if it can run at all. */
      g_autoptr(GString) found = g_string_new (NULL);
      g_autofree char *finding = NULL;

      if (run_check (self->db, "PRAGMA quick_check", found) != SQLITE_OK && found->len == 0)
        g_string_append (found, sqlite3_errmsg (self->db));
      finding = g_strdup_printf ("SQLite cannot read its schema (%s)", found->str);
      ga_store_set_damaged_error (error, self->path, finding);
      return FALSE;
    }
  {
    g_autofree char *shown = g_filename_display_name (self->path);
    g_autofree char *doing = g_strdup_printf ("Opening %s", shown);

    ga_store_set_sqlite_error (self->db, rc, doing, error);
  }
  return FALSE;
}

static gboolean
setup_connection (GaStore  *self,
                  GError  **error)
{
  /* Durability. WAL lets readers (the GUI's list, an export running in a
   * thread) go on while an answer is saved. synchronous=FULL makes every
   * commit fsync the WAL before it returns: a save that returned survives
   * not only a crash of the process (which NORMAL would survive too, the
   * WAL being in the OS cache) but also a power loss or kernel crash,
   * which with NORMAL could lose the last transactions. The cost, measured
   * by ga-bench (store.bare_insert_median with FULL against NORMAL), is
   * about 0.15 ms per commit on the reference machine — well below what a
   * person typing answers notices — so FULL it is. docs/storage.md has the
   * figures. */
  sqlite3_stmt *stmt = NULL;
  const char *mode = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          mode = (const char *) sqlite3_column_text (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc == SQLITE_OK && (mode == NULL || g_ascii_strcasecmp (mode, "wal") != 0))
    {
      g_autofree char *shown = g_filename_display_name (self->path);

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "%s cannot be switched to write-ahead logging (journal mode stays '%s'); "
                   "it may be on a network file system, which SQLite cannot lock safely. Move "
                   "it to a local disk", shown, mode != NULL ? mode : "unknown");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      g_autofree char *shown = g_filename_display_name (self->path);
    g_autofree char *doing = g_strdup_printf ("Opening %s", shown);

      ga_store_fail (self, rc, doing, error);
      return FALSE;
    }
  return ga_store_exec (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                        "Setting up the connection", error);
}

char *
ga_store_read_uri (GaStore *store)
{
  g_autofree char *wal = g_strconcat (store->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (store->path, "-shm", NULL);

  /* A read-only connection to a WAL database creates -wal and -shm
   * files when they are missing and cannot remove them afterwards. No
   * -wal means that nothing waits in a WAL, and on a file nobody may
   * write nobody can start writing: the main file is the whole
   * database and is read as it is (immutable), leaving the folder as
   * it was. */
  if (!file_exists (wal) && !file_exists (shm))
    return ga_store_file_uri (store->path, "immutable=1");
  return ga_store_file_uri (store->path, "mode=ro");
}

/* Opens the SQLite connection of @self: read-write, or for reading only
 * when @self->read_only says why. */
static gboolean
open_connection (GaStore   *self,
         gboolean   create,
         GError   **error)
{
  int rc;

  if (self->read_only == NULL)
    {
      g_autofree char *uri = ga_store_file_uri (self->path, "mode=rw");
      int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX
                  | SQLITE_OPEN_EXRESCODE;

      if (create)
        {
          g_free (uri);
          uri = ga_store_file_uri (self->path, "mode=rwc");
          flags |= SQLITE_OPEN_CREATE;
        }
      rc = sqlite3_open_v2 (uri, &self->db, flags, NULL);
    }
  else
    {
      g_autofree char *uri = ga_store_read_uri (self);

      rc = sqlite3_open_v2 (uri, &self->db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX
                            | SQLITE_OPEN_EXRESCODE, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *shown = g_filename_display_name (self->path);

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot open or create %s: %s. Check that the folder exists and can be "
                   "written", shown,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, GA_STORE_BUSY_TIMEOUT_MS);
  self->gdb = ga_db_new_for_sqlite (self->db);
  return TRUE;
}

/* What can be told before SQLite opens @path: a folder, a missing file, a
 * file that is not SQLite or belongs to another program are refused; a
 * missing database gets its folder. *kind says whether the file is empty. */
static gboolean
screen_file (const char  *path,
             guint32      application_id,
             gboolean     create,
             gboolean     read_only,
             gboolean     exists,
             HeaderKind  *kind,
             GError     **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  guint32 header_app_id = 0;

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "%s is a folder; give the path of a database file", shown);
      return FALSE;
    }
  if (!exists && (!create || read_only))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND, "%s does not exist", shown);
      return FALSE;
    }

  /* A file that is not SQLite, or belongs to another program, is refused
   * before SQLite opens it: nothing is written to it and no -wal or -shm
   * file appears beside it. An application id of 0 in the main file can
   * still be ours (a new database whose first transaction is in the WAL):
   * the connection below tells. */
  if (exists)
    {
      if (!screen_header (path, application_id, kind, &header_app_id, error))
        return FALSE;
      if (header_app_id != 0 && !refuse_foreign (path, header_app_id, application_id, error))
        return FALSE;
      if (*kind == HEADER_EMPTY && !create)
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE,
                       "%s is empty or not a %s. The file was not changed", shown,
                       application_name (application_id));
          return FALSE;
        }
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_autofree char *shown_dir = g_filename_display_name (dir);

          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                       "Cannot create the folder %s for the database: %s", shown_dir,
                       g_strerror (saved));
          return FALSE;
        }
    }

  return TRUE;
}

/* Opens @path. @create: a missing or empty file becomes a new database
 * (or package, after @application_id). @read_only: for reading only, no
 * migration. A database that cannot be written is opened for reading
 * only, with the reason kept for the messages of refused writes. */
static GaStore *
open_store (const char  *path,
            guint32      application_id,
            gboolean     create,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(GaStore) self = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shown = g_filename_display_name (path);
  gboolean exists = file_exists (path);
  gboolean unclean;
  HeaderKind kind = HEADER_EMPTY;
  Identity id = { 0, 0, 0 };

  if (!screen_file (path, application_id, create, read_only, exists, &kind, error))
    return NULL;

  self = g_object_new (GA_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (read_only)
    self->read_only = g_strdup (N_("it was opened for reading"));
  else if (exists)
    self->read_only = why_read_only (path);
  if (self->read_only != NULL && kind == HEADER_EMPTY)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                   "%s cannot be written (%s), so no database can be created in it", shown,
                   self->read_only);
      return NULL;
    }

  /* Whether the last writer left without closing: SQLite's recovery notice,
   * or, where the log could not be hooked, a WAL with frames in it. */
  unclean = !log_installed && file_has_bytes (wal);
  g_private_set (&recovered_key, NULL);
  if (!open_connection (self, create, error) || !identify (self, &id, error))
    return NULL;
  unclean = unclean || g_private_get (&recovered_key) != NULL;

  if (id.app_id == 0 && id.n_tables == 0 && id.version == 0)
    {
      if (!create || self->read_only != NULL)
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE,
                       "%s is empty or not a %s. The file was not changed", shown,
                       application_name (application_id));
          return NULL;
        }
    }
  else if (!refuse_foreign (path, (guint32) id.app_id, application_id, error))
    return NULL;
  else if (id.version > GA_STORE_SCHEMA_VERSION)
    {
      set_newer_error (error, path, (int) id.version);
      return NULL;
    }
  else if (id.version < 1)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT,
                   "%s has the %s marker but no schema version, so it cannot be read. The "
                   "file was not changed", shown, application_name (application_id));
      return NULL;
    }

  if (self->read_only != NULL)
    {
      if (id.version < GA_STORE_SCHEMA_VERSION && !read_only)
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                       "%s was written by an earlier version of GreenAssess and must be "
                       "upgraded, which needs writing, but %s. Copy it to a folder you may "
                       "write and open the copy", shown, self->read_only);
          return NULL;
        }
      self->schema_version = (int) id.version;
      return g_steal_pointer (&self);
    }

  if (!setup_connection (self, error))
    return NULL;
  /* After a crash or a failed checkpoint the whole file is checked once,
   * before anything is written into it. */
  if (unclean && !check_structure (self, TRUE, error))
    return NULL;
  self->checked = unclean;
  if (!migrate (self, application_id, (int) id.version, error))
    return NULL;
  return g_steal_pointer (&self);
}

GaStore *
ga_store_open_internal (const char  *path,
                        guint32      application_id,
                        gboolean     create,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ga_db_target_is_uri (path))
    {
      if (application_id != GA_STORE_APPLICATION_ID)
        {
          g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                               "A package is a file; it cannot be written to a server");
          return NULL;
        }
      return ga_store_open_server (path, error);
    }
  return open_store (path, application_id, create, FALSE, error);
}

GaStore *
ga_store_open (const char  *path,
               GError     **error)
{
  return ga_store_open_internal (path, GA_STORE_APPLICATION_ID, TRUE, error);
}

GaStore *
ga_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ga_db_target_is_uri (path))
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                           "A store on a server cannot be opened for reading only yet; open it "
                           "normally (your role on the server decides what you may change)");
      return NULL;
    }
  return open_store (path, GA_STORE_APPLICATION_ID, FALSE, TRUE, error);
}
