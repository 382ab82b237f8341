/* ga-store-check.c: `db check` — SQLite's checks, references, the hashes of
 * stored files, then every row against the application's rules
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ga-store-private.h"

#include <math.h>
#include <string.h>

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
  if (!ga_store_require_file (store, error))
    return FALSE;

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
