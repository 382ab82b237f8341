/* ga-store-assessment.c: assessments and the template copies they pin
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ga-store-private.h"

#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ga-json.h"

#define ASSESSMENT_COLUMNS GA_STORE_ASSESSMENT_COLUMNS

GaAssessment *
ga_store_assessment_from_row (GaDbStmt *stmt,
                              int       first)
{
  GaAssessment *a = g_new0 (GaAssessment, 1);

  a->id = ga_db_stmt_column_int64 (stmt, first + 0);
  a->uuid = ga_store_stmt_dup (stmt, first + 1);
  a->enterprise_id = ga_db_stmt_column_int64 (stmt, first + 2);
  a->template_id = ga_store_stmt_dup (stmt, first + 3);
  a->template_version = ga_store_stmt_dup (stmt, first + 4);
  a->template_hash = ga_store_stmt_dup (stmt, first + 5);
  a->kind = ga_store_stmt_dup (stmt, first + 6);
  a->title = ga_store_stmt_dup (stmt, first + 7);
  a->year = (int) ga_db_stmt_column_int64 (stmt, first + 8);
  a->period = ga_store_stmt_dup (stmt, first + 9);
  a->status = g_strcmp0 (ga_db_stmt_column_text (stmt, first + 10), "final") == 0
              ? GA_ASSESSMENT_FINAL : GA_ASSESSMENT_DRAFT;
  a->created_at = ga_store_stmt_dup (stmt, first + 11);
  a->updated_at = ga_store_stmt_dup (stmt, first + 12);
  a->finalized_at = ga_store_stmt_dup (stmt, first + 13);
  a->finalized_by = ga_store_stmt_dup (stmt, first + 14);
  return a;
}

GaAssessment *
ga_assessment_copy (const GaAssessment *src)
{
  GaAssessment *a;

  g_return_val_if_fail (src != NULL, NULL);

  a = g_new0 (GaAssessment, 1);
  *a = *src;
  a->uuid = g_strdup (src->uuid);
  a->template_id = g_strdup (src->template_id);
  a->template_version = g_strdup (src->template_version);
  a->template_hash = g_strdup (src->template_hash);
  a->kind = g_strdup (src->kind);
  a->title = g_strdup (src->title);
  a->period = g_strdup (src->period);
  a->created_at = g_strdup (src->created_at);
  a->updated_at = g_strdup (src->updated_at);
  a->finalized_at = g_strdup (src->finalized_at);
  a->finalized_by = g_strdup (src->finalized_by);
  return a;
}

void
ga_assessment_free (GaAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->uuid);
  g_free (a->template_id);
  g_free (a->template_version);
  g_free (a->template_hash);
  g_free (a->kind);
  g_free (a->title);
  g_free (a->period);
  g_free (a->created_at);
  g_free (a->updated_at);
  g_free (a->finalized_at);
  g_free (a->finalized_by);
  g_free (a);
}

const char *
ga_assessment_status_to_string (GaAssessmentStatus status)
{
  return status == GA_ASSESSMENT_FINAL ? "final" : "draft";
}

/* ------------------------------------------------------------------ */
/* Template copies                                                     */

char *
ga_store_put_template (GaStore     *store,
                       const char  *template_id,
                       const char  *version,
                       const char  *kind,
                       const char  *title,
                       GBytes      *content,
                       gboolean     imported,
                       GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  GaDbStmt *stmt;
  gsize len;
  const void *data = g_bytes_get_data (content, &len);

  hash = ga_store_sha256_hex (data != NULL ? data : "", len);

  if (imported)
    {
      GError *local = NULL;
      GaDbStep step;

      /* Same id and version must mean the same template: an assessment
       * pinned to "x 1.2" must never meet two different "x 1.2". */
      stmt = ga_store_stmt (store,
                            "SELECT hash FROM templates WHERE template_id = ? AND version = ?"
                            " AND hash <> ? AND imported_at IS NOT NULL", error);
      if (stmt == NULL)
        return NULL;
      ga_db_stmt_bind_text (stmt, 1, template_id, -1);
      ga_db_stmt_bind_text (stmt, 2, version, -1);
      ga_db_stmt_bind_text (stmt, 3, hash, -1);
      step = ga_db_stmt_step (stmt, &local);
      if (step == GA_DB_STEP_ROW)
        {
          ga_db_stmt_reset (stmt);
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
                       "Template %s version %s is already imported with different content. "
                       "Give the changed template a higher \"version\" and import it again",
                       template_id, version);
          return NULL;
        }
      if (!ga_store_stmt_end (store, stmt, step, local, "Looking up imported templates", error))
        return NULL;
    }

  stmt = ga_store_stmt (store,
                        "INSERT INTO templates (hash, template_id, version, kind, title,"
                        " imported_at, content) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT (hash) DO UPDATE SET"
                        " imported_at = coalesce (templates.imported_at, excluded.imported_at),"
                        " title = coalesce (templates.title, excluded.title)", error);
  if (stmt == NULL)
    return NULL;
  now = imported ? ga_store_now () : NULL;
  ga_db_stmt_bind_text (stmt, 1, hash, -1);
  ga_db_stmt_bind_text (stmt, 2, template_id, -1);
  ga_db_stmt_bind_text (stmt, 3, version, -1);
  ga_db_stmt_bind_text (stmt, 4, kind, -1);
  ga_db_stmt_bind_text (stmt, 5, title, -1);
  ga_db_stmt_bind_text (stmt, 6, now, -1);
  ga_db_stmt_bind_blob (stmt, 7, data, len);
  if (!ga_store_stmt_run (store, stmt, "Storing the template copy", error))
    return NULL;
  return g_steal_pointer (&hash);
}

GBytes *
ga_store_get_template_copy (GaStore     *store,
                            const char  *hash,
                            GError     **error)
{
  GaDbStmt *stmt;
  GBytes *bytes = NULL;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (hash != NULL, NULL);

  stmt = ga_store_stmt (store, "SELECT content FROM templates WHERE hash = ?", error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_text (stmt, 1, hash, -1);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      gsize len = 0;
      const guint8 *data = ga_db_stmt_column_blob (stmt, 0, &len);

      bytes = g_bytes_new (data, len);
    }
  else if (step == GA_DB_STEP_DONE)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "The template copy %s is missing from the database", hash);
  else
    ga_store_fail_db (store, local, "Reading the template copy", error);
  ga_db_stmt_reset (stmt);
  return bytes;
}

GaTemplate *
ga_store_load_template_by_hash (GaStore     *store,
                                const char  *hash,
                                const char  *origin,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GaTemplate *tmpl;
  gsize len;
  const char *data;

  if (store->templates == NULL)
    store->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) ga_template_unref);

  /* Template copies never change (they are addressed by their hash), so a
   * template loaded once serves every assessment pinned to it. */
  tmpl = g_hash_table_lookup (store->templates, hash);
  if (tmpl != NULL)
    return ga_template_ref (tmpl);

  bytes = ga_store_get_template_copy (store, hash, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  tmpl = ga_template_new_from_data (data, len, origin, error);
  if (tmpl == NULL)
    {
      g_prefix_error (error, "The template copy pinned by the assessment no longer loads: ");
      return NULL;
    }
  g_hash_table_insert (store->templates, g_strdup (hash), ga_template_ref (tmpl));
  return tmpl;
}

/* ------------------------------------------------------------------ */
/* Assessments                                                         */

gboolean
ga_store_check_assessment_fields (const char  *kind,
                                  const char  *title,
                                  gint64       year,
                                  const char  *period,
                                  GError     **error)
{
  if (!ga_template_kind_from_string (kind, NULL))
    {
      g_autofree char *names = ga_template_kind_names ();
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "Unknown assessment kind '%s': use %s",
                   kind != NULL && g_utf8_validate (kind, -1, NULL) && strlen (kind) <= 40
                   ? kind : "…", names);
      return FALSE;
    }
  if (title == NULL || *title == '\0' || !g_utf8_validate (title, -1, NULL)
      || g_utf8_strlen (title, -1) > 200)
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "The assessment needs a title of 1 to 200 characters (UTF-8 text)");
      return FALSE;
    }
  if (year != 0 && (year < 1900 || year > 2200))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "The assessment year %" G_GINT64_FORMAT " is out of range; give a year "
                   "such as 2025", year);
      return FALSE;
    }
  if (period != NULL && (!g_utf8_validate (period, -1, NULL) || g_utf8_strlen (period, -1) > 50))
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "The assessment period must be UTF-8 text of at most 50 characters");
      return FALSE;
    }
  return TRUE;
}

gint64
ga_store_insert_assessment (GaStore     *store,
                            gint64       enterprise_id,
                            const char  *template_id,
                            const char  *template_version,
                            const char  *kind,
                            GBytes      *template_json,
                            const char  *title,
                            int          year,
                            const char  *period,
                            GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GaEnterprise) enterprise = NULL;
  GaDbStmt *stmt;

  if (template_id == NULL || *template_id == '\0' || template_version == NULL
      || *template_version == '\0')
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "The template has no id or version; an assessment must pin both");
      return 0;
    }
  if (!ga_store_check_assessment_fields (kind, title, year, period, error))
    return 0;

  enterprise = ga_store_get_enterprise (store, enterprise_id, error);
  if (enterprise == NULL)
    return 0;

  hash = ga_store_put_template (store, template_id, template_version, kind, NULL, template_json,
                                FALSE, error);
  if (hash == NULL)
    return 0;

  stmt = ga_store_stmt_insert (store,
                               "INSERT INTO assessments (uuid, enterprise_id, template_hash,"
                               " template_id, template_version, kind, title, year, period, status,"
                               " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft',"
                               " ?, ?)", "id", error);
  if (stmt == NULL)
    return 0;
  uuid = ga_store_new_uuid ();
  now = ga_store_now ();
  ga_db_stmt_bind_text (stmt, 1, uuid, -1);
  ga_db_stmt_bind_int64 (stmt, 2, enterprise_id);
  ga_db_stmt_bind_text (stmt, 3, hash, -1);
  ga_db_stmt_bind_text (stmt, 4, template_id, -1);
  ga_db_stmt_bind_text (stmt, 5, template_version, -1);
  ga_db_stmt_bind_text (stmt, 6, kind, -1);
  ga_db_stmt_bind_text (stmt, 7, title, -1);
  if (year != 0)
    ga_db_stmt_bind_int64 (stmt, 8, year);
  else
    ga_db_stmt_bind_null (stmt, 8);
  ga_store_bind_text_or_null (stmt, 9, period);
  ga_db_stmt_bind_text (stmt, 10, now, -1);
  ga_db_stmt_bind_text (stmt, 11, now, -1);
  if (!ga_store_stmt_run (store, stmt, "Creating the assessment", error))
    return 0;
  return ga_db_stmt_get_insert_id (stmt);
}

gint64
ga_store_new_assessment_from_bytes (GaStore     *store,
                                    gint64       enterprise_id,
                                    const char  *template_id,
                                    const char  *template_version,
                                    const char  *kind,
                                    GBytes      *template_json,
                                    const char  *title,
                                    int          year,
                                    const char  *period,
                                    GError     **error)
{
  gint64 id;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (template_json != NULL, 0);

  /* The fields are checked before the write lock is taken. */
  if (template_id == NULL || *template_id == '\0' || template_version == NULL
      || *template_version == '\0')
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "The template has no id or version; an assessment must pin both");
      return 0;
    }
  if (!ga_store_check_assessment_fields (kind, title, year, period, error))
    return 0;

  if (!ga_store_begin (store, error))
    return 0;
  id = ga_store_insert_assessment (store, enterprise_id, template_id, template_version, kind,
                                   template_json, title, year, period, error);
  if (id == 0)
    {
      ga_store_rollback (store);
      return 0;
    }
  if (!ga_store_commit_changed (store, "Creating the assessment", id, error))
    return 0;
  return id;
}

GaAssessment *
ga_store_get_assessment (GaStore  *store,
                         gint64    id,
                         GError  **error)
{
  GaDbStmt *stmt;
  GaAssessment *a = NULL;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  stmt = ga_store_stmt (store,
                        "SELECT " ASSESSMENT_COLUMNS ","
                        " (SELECT count(*) FROM answers n WHERE n.assessment_id = a.id)"
                        " FROM assessments a WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      a = ga_store_assessment_from_row (stmt, 0);
      a->n_answers = (int) ga_db_stmt_column_int64 (stmt, GA_STORE_N_ASSESSMENT_COLUMNS);
    }
  else if (step == GA_DB_STEP_DONE)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "There is no assessment with id %" G_GINT64_FORMAT, id);
  else
    ga_store_fail_db (store, local, "Reading the assessment", error);
  ga_db_stmt_reset (stmt);
  return a;
}

gint64
ga_store_resolve_assessment (GaStore     *store,
                             const char  *ref,
                             GError     **error)
{
  GaDbStmt *stmt;
  gint64 id = 0;
  gboolean numeric = ref != NULL && *ref != '\0';
  GError *local_db = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), 0);

  for (const char *p = ref; numeric && *p != '\0'; p++)
    numeric = g_ascii_isdigit (*p);

  if (numeric)
    {
      g_autoptr(GaAssessment) a = NULL;
      g_autoptr(GError) local = NULL;

      id = g_ascii_strtoll (ref, NULL, 10);
      a = ga_store_get_assessment (store, id, &local);
      if (a != NULL)
        return id;
      /* A UUID prefix may be all digits ("20251130"); try that next. */
      if (strlen (ref) < 6 || local->code != GA_STORE_ERROR_NOT_FOUND)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return 0;
        }
    }

  if (ref == NULL || strlen (ref) < 6 || strlen (ref) > 36)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   "'%s' is not an assessment: give its number or its UUID (at least the "
                   "first 6 characters)", ref != NULL ? ref : "");
      return 0;
    }

  /* A prefix range on the UNIQUE index of uuid: UUIDs are lower-case hex
   * and '-', all below '~'. */
  stmt = ga_store_stmt (store,
                        "SELECT id FROM assessments WHERE uuid >= ? AND uuid < ?"
                        " LIMIT 2", error);
  if (stmt == NULL)
    return 0;
  {
    g_autofree char *lower = g_ascii_strdown (ref, -1);
    g_autofree char *above = g_strconcat (lower, "~", NULL);
    guint n = 0;

    /* The reference is shown back in messages; text that is not UTF-8
     * matches no UUID. */
    if (!g_utf8_validate (lower, -1, NULL))
      {
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                     "There is no assessment with UUID %s", "…");
        return 0;
      }
    ga_db_stmt_bind_text (stmt, 1, lower, -1);
    ga_db_stmt_bind_text (stmt, 2, above, -1);
    while ((step = ga_db_stmt_step (stmt, &local_db)) == GA_DB_STEP_ROW)
      {
        id = ga_db_stmt_column_int64 (stmt, 0);
        n++;
      }
    if (!ga_store_stmt_end (store, stmt, step, local_db, "Looking up the assessment", error))
      return 0;
    if (n == 0)
      {
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                     "There is no assessment with UUID %s%s", ref, strlen (ref) < 36 ? "…" : "");
        return 0;
      }
    if (n > 1)
      {
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                     "Several assessments have a UUID starting with %s; give more characters",
                     ref);
        return 0;
      }
  }
  return id;
}

GPtrArray *
ga_store_list_assessments (GaStore  *store,
                           gint64    enterprise_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  if (enterprise_id > 0)
    {
      stmt = ga_store_stmt (store,
                               "SELECT " ASSESSMENT_COLUMNS ","
                               " (SELECT count(*) FROM answers n WHERE n.assessment_id = a.id)"
                               " FROM assessments a WHERE a.enterprise_id = ?"
                               " ORDER BY a.updated_at DESC, a.id DESC", error);
      if (stmt != NULL)
        ga_db_stmt_bind_int64 (stmt, 1, enterprise_id);
    }
  else
    stmt = ga_store_stmt (store,
                             "SELECT " ASSESSMENT_COLUMNS ","
                             " (SELECT count(*) FROM answers n WHERE n.assessment_id = a.id)"
                             " FROM assessments a ORDER BY a.updated_at DESC, a.id DESC", error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_assessment_free);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    {
      GaAssessment *a = ga_store_assessment_from_row (stmt, 0);

      a->n_answers = (int) ga_db_stmt_column_int64 (stmt, GA_STORE_N_ASSESSMENT_COLUMNS);
      g_ptr_array_add (list, a);
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Listing the assessments", error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
ga_store_touch_assessment (GaStore     *store,
                           gint64       assessment_id,
                           const char  *now,
                           const char  *doing,
                           GError     **error)
{
  GaDbStmt *stmt;

  stmt = ga_store_stmt (store, "UPDATE assessments SET updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_text (stmt, 1, now, -1);
  ga_db_stmt_bind_int64 (stmt, 2, assessment_id);
  return ga_store_stmt_run (store, stmt, doing, error);
}

gboolean
ga_store_check_writable (GaStore  *store,
                         gint64    assessment_id,
                         GError  **error)
{
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;
  gboolean ok = FALSE;

  /* Every write to an assessment starts here, inside its transaction. On
   * a server, where several clients write at once, the row is locked until
   * the commit: two saves of one item then take turns, so each reads the
   * old value the other wrote (history, and so undo, stays a chain), and
   * nothing lands in an assessment made final in between. SQLite's
   * BEGIN IMMEDIATE already lets one writer in at a time. */
  stmt = ga_store_stmt (store,
                        ga_db_get_dialect (store->gdb) == GA_DB_DIALECT_POSTGRESQL
                          ? "SELECT status, title FROM assessments WHERE id = ? FOR UPDATE"
                          : "SELECT status, title FROM assessments WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      if (g_strcmp0 (ga_db_stmt_column_text (stmt, 0), "final") == 0)
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                     "The assessment “%s” is final and cannot be changed; reopen it first",
                     ga_db_stmt_column_text (stmt, 1));
      else
        ok = TRUE;
    }
  else if (step == GA_DB_STEP_DONE)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "There is no assessment with id %" G_GINT64_FORMAT, assessment_id);
  else
    ga_store_fail_db (store, local, "Reading the assessment", error);
  ga_db_stmt_reset (stmt);
  return ok;
}

gboolean
ga_store_set_assessment_status (GaStore            *store,
                                gint64              id,
                                GaAssessmentStatus  status,
                                GError            **error)
{
  g_autofree char *now = NULL;
  gboolean final = status == GA_ASSESSMENT_FINAL;
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!ga_store_begin (store, error))
    return FALSE;
  /* Making an assessment final records who and when (schema 2); reopening
   * clears it, so the date is always that of the final version. */
  stmt = ga_store_stmt (store,
                        "UPDATE assessments SET status = ?, updated_at = ?, finalized_at = ?,"
                        " finalized_by = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  ga_db_stmt_bind_text (stmt, 1, ga_assessment_status_to_string (status), -1);
  ga_db_stmt_bind_text (stmt, 2, now, -1);
  ga_db_stmt_bind_text (stmt, 3, final ? now : NULL, -1);
  ga_db_stmt_bind_text (stmt, 4, final ? store->author : NULL, -1);
  ga_db_stmt_bind_int64 (stmt, 5, id);
  if (!ga_store_stmt_run_changed (store, stmt, "assessment", id,
                                  "Changing the assessment's status", error))
    goto fail;
  return ga_store_commit_changed (store, "Changing the assessment's status", id, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

gboolean
ga_store_delete_assessment (GaStore  *store,
                            gint64    id,
                            GError  **error)
{
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!ga_store_begin (store, error))
    return FALSE;
  if (!ga_store_check_writable (store, id, error))
    goto fail;
  stmt = ga_store_stmt (store, "DELETE FROM assessments WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  if (!ga_store_stmt_run (store, stmt, "Deleting the assessment", error))
    goto fail;
  return ga_store_commit_changed (store, "Deleting the assessment", id, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}
