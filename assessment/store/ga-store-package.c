/* ga-store-package.c: exchange packages (one assessment in one file)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package is an SQLite file with the store's own schema and
 * PRAGMA application_id GA_PACKAGE_APPLICATION_ID, holding one assessment
 * with its enterprise, template copy, answers, narratives, history and
 * evidence.
 * Reusing the schema means packages are versioned and migrated exactly
 * like databases, evidence stays binary (no base64 growth), and the
 * import can verify the file with the same checks as `db check`.
 * docs/storage.md compares it with a JSON + base64 file.
 */
#include "config.h"

#include "ga-store-private.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

static gboolean
exec_bound (GaStore     *store,
            const char  *sql,
            gint64       id,
            const char  *doing,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
    }
  return ga_store_finalize_done (store, stmt, rc, doing, error);
}

static gboolean
attach (GaStore     *store,
        const char  *path,
        const char  *name,
        GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("ATTACH DATABASE ?1 AS %s", name);
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *doing = g_strdup_printf ("Opening %s", shown);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  return ga_store_finalize_done (store, stmt, rc, doing, error);
}

static void
detach (GaStore    *store,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DETACH DATABASE %s", name);

  sqlite3_exec (store->db, sql, NULL, NULL, NULL);
}

gboolean
ga_store_export_package (GaStore     *store,
                         gint64       assessment_id,
                         const char  *path,
                         GError     **error)
{
  return ga_store_export_package_to (store, assessment_id, path, GA_STORE_WRITE_REPLACE, error);
}

/* Copies the assessment @assessment_id of @store (attached to @pkg as
 * "src") into @pkg in one transaction: its enterprise with the register of
 * projects, its template copy, answers, history, report texts and
 * evidence, and the package's own record of what it holds (@uuid). */
static gboolean
copy_to_package (GaStore     *store,
                 GaStore     *pkg,
                 gint64       assessment_id,
                 const char  *uuid,
                 GError     **error)
{
  /* Copied in dependency order; the package has exactly the schema of the
   * store (both are at GA_STORE_SCHEMA_VERSION), so rows copy as they are.
   * Template copies lose their "imported" mark: the package carries the
   * assessment's pinned copy, not a template offered to new assessments. */
  static const char *const copy_sql[] = {
    "INSERT INTO main.enterprises SELECT * FROM src.enterprises"
    " WHERE id = (SELECT enterprise_id FROM src.assessments WHERE id = ?1)",
    "INSERT INTO main.templates (hash, template_id, version, kind, title, imported_at, content)"
    " SELECT hash, template_id, version, kind, title, NULL, content FROM src.templates"
    " WHERE hash = (SELECT template_hash FROM src.assessments WHERE id = ?1)",
    /* projects: below, after the schema of the source */
    "INSERT INTO main.assessments SELECT * FROM src.assessments WHERE id = ?1",
    "INSERT INTO main.answers SELECT * FROM src.answers WHERE assessment_id = ?1",
    /* history and narratives: below, after the schema of the source */
    "INSERT INTO main.blobs SELECT * FROM src.blobs"
    " WHERE sha256 IN (SELECT sha256 FROM src.evidence WHERE assessment_id = ?1)",
    "INSERT INTO main.evidence SELECT * FROM src.evidence WHERE assessment_id = ?1",
  };
  g_autofree char *now = NULL;
  char *meta;
  gboolean ok;

  if (!ga_store_begin (pkg, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (copy_sql); i++)
    if (!exec_bound (pkg, copy_sql[i], assessment_id, "Writing the package", error))
      {
        ga_store_rollback (pkg);
        return FALSE;
      }
  /* A database of schema 3 read where it cannot be upgraded (a read-only
   * disk) has no narratives, and its history only answers. */
  if (!exec_bound (pkg, store->schema_version >= 4
                   ? "INSERT INTO main.history SELECT * FROM src.history WHERE assessment_id = ?1"
                   : "INSERT INTO main.history (id, assessment_id, item_id, old_value, new_value,"
                     " author, at, action, state, target) SELECT id, assessment_id, item_id,"
                     " old_value, new_value, author, at, action, state, target FROM src.history"
                     " WHERE assessment_id = ?1", assessment_id, "Writing the package", error)
      || (store->schema_version >= 4
          && !exec_bound (pkg, "INSERT INTO main.narratives SELECT * FROM src.narratives"
                          " WHERE assessment_id = ?1", assessment_id, "Writing the package",
                          error))
      /* The enterprise's register of retrofit projects travels with it. */
      || (store->schema_version >= 5
          && !exec_bound (pkg, "INSERT INTO main.projects SELECT * FROM src.projects"
                          " WHERE enterprise_id = (SELECT enterprise_id FROM src.assessments"
                          " WHERE id = ?1)", assessment_id, "Writing the package", error))
      /* So do the imported reference tables its values may come from. */
      || (store->schema_version >= 6
          && !exec_bound (pkg, "INSERT INTO main.reference_tables SELECT * FROM"
                          " src.reference_tables", 0, "Writing the package", error)))
    {
      ga_store_rollback (pkg);
      return FALSE;
    }

  now = ga_store_now ();
  meta = sqlite3_mprintf ("INSERT INTO meta (key, value) VALUES ('package_assessment', %Q),"
                          " ('exported_at', %Q), ('exported_by', %Q)",
                          uuid, now, store->author);
  ok = ga_store_exec (pkg, meta, "Writing the package", error);
  sqlite3_free (meta);
  if (!ok)
    {
      ga_store_rollback (pkg);
      return FALSE;
    }
  return ga_store_commit (pkg, "Writing the package", error);
}

gboolean
ga_store_export_package_to (GaStore            *store,
                            gint64              assessment_id,
                            const char         *path,
                            GaStoreWriteFlags   flags,
                            GError            **error)
{
  g_autoptr(GaAssessment) assessment = NULL;
  g_autoptr(GaStore) pkg = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *src_path = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (!ga_store_require_file (store, error))
    return FALSE;

  assessment = ga_store_get_assessment (store, assessment_id, error);
  if (assessment == NULL)
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "%s is a folder; give the path of the package file to write", shown);
      return FALSE;
    }
  if (!ga_store_refuse_own_file (store, path, error)
      || !ga_store_refuse_existing (path, flags, error))
    return FALSE;

  /* Written beside the target and renamed: the package is complete or
   * absent, never half-written. */
  tmp = ga_store_create_temp_beside (path, error);
  if (tmp == NULL)
    return FALSE;

  pkg = ga_store_open_internal (tmp, GA_PACKAGE_APPLICATION_ID, TRUE, error);
  if (pkg == NULL)
    goto fail;

  /* A database nobody may write (a USB stick) is attached for reading
   * only, as the store reads it. */
  src_path = store->read_only != NULL ? ga_store_read_uri (store)
                                      : g_strdup (sqlite3_db_filename (store->db, "main"));
  if (!attach (pkg, src_path, "src", error))
    goto fail;
  if (!copy_to_package (store, pkg, assessment_id, assessment->uuid, error))
    goto fail_detach;
  detach (pkg, "src");

  /* One self-contained file to send: no -wal beside it. */
  if (!ga_store_exec (pkg, "PRAGMA journal_mode = DELETE", "Finishing the package", error))
    goto fail;
  g_clear_object (&pkg);

  return ga_store_place_file (tmp, path, flags, error);

fail_detach:
  detach (pkg, "src");
fail:
  /* Messages about the file being written name the temporary one. */
  ga_store_error_rename (error != NULL ? *error : NULL, tmp, path);
  g_clear_object (&pkg);
  ga_store_remove_files (tmp);
  return FALSE;
}

/* Reads the single assessment of an opened package. */
static gboolean
read_package_head (GaStore  *pkg,
                   char    **uuid,
                   char    **title,
                   char    **credit_code,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int n = 0;
  int rc;

  rc = sqlite3_prepare_v2 (pkg->db,
                           "SELECT a.uuid, a.title, e.credit_code FROM assessments a"
                           " JOIN enterprises e ON e.id = a.enterprise_id", -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ == 0)
        {
          *uuid = ga_store_column_dup (stmt, 0);
          *title = ga_store_column_dup (stmt, 1);
          *credit_code = ga_store_column_dup (stmt, 2);
        }
    }
  if (!ga_store_finalize_done (pkg, stmt, rc, "Reading the package", error))
    return FALSE;
  if (n != 1)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT,
                   "%s holds %d assessments; a package holds exactly one", pkg->path, n);
      return FALSE;
    }
  return TRUE;
}

/* At most this many problems are listed when a package is refused: the
 * first ones say what is wrong, a thousand would hide it. */
#define MAX_LISTED_PROBLEMS 10

static void
set_refusal (GError     **error,
             const char  *path,
             GPtrArray   *problems)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *shown = g_filename_display_name (path);

  for (guint i = 0; i < problems->len && i < MAX_LISTED_PROBLEMS; i++)
    g_string_append_printf (list, "\n%s", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > MAX_LISTED_PROBLEMS)
    g_string_append_printf (list, "\nand %u more", problems->len - MAX_LISTED_PROBLEMS);
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT,
               "The package %s is damaged or was changed by another program; nothing was "
               "imported:%s", shown, list->str);
}

static gint64
lookup_id (GaStore    *store,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return id;
}

/* The id here of the package's enterprise. It is matched by its credit
 * code and, when present, kept as it is here: the package must not
 * overwrite local details. Otherwise it is added (with a new UUID if its
 * own is taken). 0 with @error on failure. */
/* The columns schema 3 added and the kind of schema 7, copied as they are. */
#define ENTERPRISE_DETAILS \
  "postal_code, ownership, registration_authority, registered_capital, founded_on," \
  " valid_until, legal_representative_phone, contact_department, contact_mobile, fax," \
  " main_products, profile, kind"

static gint64
import_enterprise (GaStore     *store,
                   const char  *credit_code,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 enterprise_id;
  int rc;

  enterprise_id = lookup_id (store, "SELECT id FROM main.enterprises WHERE credit_code = ?1",
                             credit_code);
  if (enterprise_id == 0)
    {
      g_autofree char *fresh_uuid = ga_store_new_uuid ();

      rc = sqlite3_prepare_v2 (store->db,
                               "INSERT INTO main.enterprises (uuid, name, credit_code, industry,"
                               " region, address, legal_representative, contact_name,"
                               " contact_phone, contact_email, output_value, value_added,"
                               " employees, demo, created_at, updated_at, " ENTERPRISE_DETAILS ")"
                               " SELECT CASE WHEN EXISTS (SELECT 1 FROM main.enterprises m"
                               "   WHERE m.uuid = p.uuid) THEN ?1 ELSE p.uuid END,"
                               " name, credit_code, industry, region, address,"
                               " legal_representative, contact_name, contact_phone,"
                               " contact_email, output_value, value_added, employees, demo,"
                               " created_at, updated_at, " ENTERPRISE_DETAILS
                               " FROM pkg.enterprises p", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, fresh_uuid, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      if (!ga_store_finalize_done (store, stmt, rc, "Importing the enterprise", error))
        return 0;
      enterprise_id = sqlite3_last_insert_rowid (store->db);
    }

  return enterprise_id;
}

/* Inserts the package's assessment under @uuid and @title for the
 * enterprise @enterprise_id; its id, or 0 with @error set. */
static gint64
insert_assessment (GaStore     *store,
                   const char  *uuid,
                   const char  *title,
                   gint64       enterprise_id,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (store->db,
                           "INSERT INTO main.assessments (uuid, enterprise_id, template_hash,"
                           " template_id, template_version, kind, title, year, period, status,"
                           " created_at, updated_at, finalized_at, finalized_by)"
                           " SELECT ?1, ?2, template_hash, template_id, template_version, kind, ?3,"
                           " year, period, status, created_at, updated_at, finalized_at,"
                           " finalized_by FROM pkg.assessments", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, enterprise_id);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  if (!ga_store_finalize_done (store, stmt, rc, "Importing the assessment", error))
    return 0;
  return sqlite3_last_insert_rowid (store->db);
}

/* Copies the package's history to the assessment @assessment_id. The rows
 * keep their order and their undo links: every id (and target) is shifted
 * past the ids already used here. */
static gboolean
import_history (GaStore  *store,
                gint64    assessment_id,
                GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 offset = 0;
  int rc;

  {
    sqlite3_stmt *q = NULL;

    if (sqlite3_prepare_v2 (store->db,
                            "SELECT coalesce ((SELECT max (id) FROM main.history), 0)"
                            " - coalesce ((SELECT min (id) FROM pkg.history), 1) + 1",
                            -1, &q, NULL) == SQLITE_OK
        && sqlite3_step (q) == SQLITE_ROW)
      offset = sqlite3_column_int64 (q, 0);
    sqlite3_finalize (q);
  }
  rc = sqlite3_prepare_v2 (store->db,
                           "INSERT INTO main.history (id, assessment_id, item_id, old_value,"
                           " new_value, author, at, action, state, target, subject)"
                           " SELECT id + ?2, ?1, item_id, old_value, new_value, author, at, action,"
                           " state, target + ?2, subject FROM pkg.history ORDER BY id", -1, &stmt,
                           NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_int64 (stmt, 2, MAX (offset, 0));
      rc = sqlite3_step (stmt);
    }
  return ga_store_finalize_done (store, stmt, rc, "Importing the history", error);
}

static gint64
import_rows (GaStore               *store,
             const char            *uuid,
             const char            *title,
             const char            *credit_code,
             GaPackageImportFlags   flags,
             GError               **error)
{
  g_autofree char *new_uuid = NULL;
  g_autofree char *new_title = NULL;
  gint64 existing, enterprise_id, assessment_id;

  existing = lookup_id (store, "SELECT id FROM main.assessments WHERE uuid = ?1", uuid);
  if (existing > 0 && (flags & GA_PACKAGE_IMPORT_AS_COPY) == 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
                   "The package holds the assessment “%s” (UUID %s), which is already in this "
                   "database as assessment %" G_GINT64_FORMAT ". Nothing was imported; import "
                   "it as a copy (a new assessment with a new UUID) to keep both", title, uuid,
                   existing);
      return 0;
    }
  if (existing > 0)
    {
      new_uuid = ga_store_new_uuid ();
      new_title = g_strdup_printf ("%s (copy)", title);
    }
  else
    {
      new_uuid = g_strdup (uuid);
      new_title = g_strdup (title);
    }

  enterprise_id = import_enterprise (store, credit_code, error);
  if (enterprise_id == 0)
    return 0;
  /* The enterprise's projects that this database does not have yet (by
   * UUID) join its register; one it has is kept as it is here, as the
   * enterprise is. */
  if (!exec_bound (store,
                   "INSERT INTO main.projects (uuid, enterprise_id, name, type, content,"
                   " investment, start_on, end_on, energy_saving, co2_cut, water_saving,"
                   " progress, note, created_at, updated_at) SELECT uuid, ?1, name, type,"
                   " content, investment, start_on, end_on, energy_saving, co2_cut,"
                   " water_saving, progress, note, created_at, updated_at FROM pkg.projects p"
                   " WHERE NOT EXISTS (SELECT 1 FROM main.projects m WHERE m.uuid = p.uuid)"
                   " ORDER BY id", enterprise_id, "Importing the projects", error))
    return 0;

  /* Reference tables this database does not have yet (by UUID, or by key
   * and version): one it has is kept as it is here. */
  if (!exec_bound (store,
                   "INSERT INTO main.reference_tables (uuid, table_key, version, name, verified,"
                   " content, imported_at) SELECT uuid, table_key, version, name, verified,"
                   " content, imported_at FROM pkg.reference_tables p WHERE NOT EXISTS"
                   " (SELECT 1 FROM main.reference_tables m WHERE m.uuid = p.uuid"
                   " OR (m.table_key = p.table_key AND m.version = p.version)) ORDER BY id", 0,
                   "Importing the reference tables", error))
    return 0;

  if (!exec_bound (store,
                   "INSERT INTO main.templates (hash, template_id, version, kind, title,"
                   " imported_at, content) SELECT hash, template_id, version, kind, title, NULL,"
                   " content FROM pkg.templates WHERE hash IN (SELECT template_hash"
                   " FROM pkg.assessments) ON CONFLICT (hash) DO NOTHING", 0,
                   "Importing the template copy", error))
    return 0;

  assessment_id = insert_assessment (store, new_uuid, new_title, enterprise_id, error);
  if (assessment_id == 0)
    return 0;

  if (!exec_bound (store,
                   "INSERT INTO main.answers (assessment_id, item_id, value, author, updated_at)"
                   " SELECT ?1, item_id, value, author, updated_at FROM pkg.answers",
                   assessment_id, "Importing the answers", error)
      || !exec_bound (store,
                      "INSERT INTO main.narratives (assessment_id, part, text, author, updated_at)"
                      " SELECT ?1, part, text, author, updated_at FROM pkg.narratives",
                      assessment_id, "Importing the report texts", error))
    return 0;

  if (!import_history (store, assessment_id, error))
    return 0;

  if (!exec_bound (store,
                   "INSERT INTO main.blobs (sha256, size, data) SELECT sha256, size, data"
                   " FROM pkg.blobs WHERE sha256 IN (SELECT sha256 FROM pkg.evidence)"
                   " ON CONFLICT (sha256) DO NOTHING", 0,
                   "Importing the evidence files", error)
      || !exec_bound (store,
                      "INSERT INTO main.evidence (assessment_id, item_id, sha256, name, mime_type,"
                      " size, author, added_at, note) SELECT ?1, item_id, sha256, name, mime_type,"
                      " size, author, added_at, note FROM pkg.evidence ORDER BY id", assessment_id,
                      "Importing the evidence", error))
    return 0;

  return assessment_id;
}

gint64
ga_store_import_package (GaStore               *store,
                         const char            *path,
                         GaPackageImportFlags   flags,
                         GError               **error)
{
  g_autoptr(GaStore) pkg = NULL;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *credit_code = NULL;
  g_autofree char *shown = NULL;
  gint64 id = 0;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (path != NULL, 0);
  if (!ga_store_require_file (store, error))
    return 0;

  /* Messages name the file by its display name: it need not be UTF-8. */
  shown = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   "The package %s does not exist or is not a file", shown);
      return 0;
    }

  /* Work on a private copy: the user's file is never written to (not even
   * by a migration of an older package), and it cannot change under us. */
  dir = g_dir_make_tmp (NULL, &local);
  if (dir == NULL)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot make a temporary folder for the import: %s", local->message);
      return 0;
    }
  copy = g_build_filename (dir, "package.db", NULL);
  src = g_file_new_for_path (path);
  dst = g_file_new_for_path (copy);
  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &local))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot read the package %s: %s", shown, local->message);
      goto out;
    }

  pkg = ga_store_open_internal (copy, GA_PACKAGE_APPLICATION_ID, FALSE, error);
  if (pkg == NULL)
    goto out;

  /* Everything `db check` checks (integrity, references, hashes, and every
   * row against the rules of the editors and the pinned template), and the
   * evidence limit of the database that is to receive it. */
  problems = g_ptr_array_new_with_free_func (g_free);
  if (!ga_store_check (pkg, problems, error)
      || !ga_store_validate_evidence_sizes (pkg, store, problems, error))
    goto out;
  if (problems->len > 0)
    {
      set_refusal (error, path, problems);
      goto out;
    }
  if (!read_package_head (pkg, &uuid, &title, &credit_code, error))
    goto out;
  g_clear_object (&pkg);

  if (!attach (store, copy, "pkg", error))
    goto out;
  if (ga_store_begin (store, error))
    {
      id = import_rows (store, uuid, title, credit_code, flags, error);
      if (id == 0)
        ga_store_rollback (store);
      else if (!ga_store_commit (store, "Importing the package", error))
        id = 0;
    }
  detach (store, "pkg");
  if (id != 0)
    ga_store_emit_changed (store, id);

out:
  /* Messages about the package (from opening, migrating, checking or
   * attaching it) name the copy: the user knows only their file. */
  if (id == 0)
    ga_store_error_rename (error != NULL ? *error : NULL, copy, path);
  g_clear_object (&pkg);
  ga_store_remove_files (copy);
  g_rmdir (dir);
  return id;
}
