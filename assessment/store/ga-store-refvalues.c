/* ga-store-refvalues.c: imported reference tables (schema 6)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table is stored whole in the file format of docs/reference-values.md,
 * so what a consultant imported reads back exactly; db check parses each
 * one with the same reader.
 */
#include "config.h"

#include "ga-store-private.h"

#include "ga-json.h"
#include "ga-refvalues.h"
#include "ga-store-engine.h"

#define REF_TABLE_MAX_DEPTH 8

static gboolean
require_schema (GaStore  *store,
                GError  **error)
{
  if (store->schema_version >= 6)
    return TRUE;
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
               "The database %s has schema version %d, which has no reference tables; "
               "open it for writing once to upgrade it", store->path, store->schema_version);
  return FALSE;
}

gint64
ga_store_put_ref_table (GaStore           *store,
                        const GaRefTable  *table,
                        GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *content = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  GaDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (table != NULL, 0);

  if (!require_schema (store, error) || !ga_store_begin (store, error))
    return 0;
  root = ga_ref_table_to_json (table);
  content = json_to_string (root, FALSE);
  stmt = ga_store_stmt (store, "DELETE FROM reference_tables WHERE table_key = ?"
                        " AND version = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_text (stmt, 1, table->id, -1);
  ga_db_stmt_bind_text (stmt, 2, table->version, -1);
  if (!ga_store_stmt_run (store, stmt, "Replacing the reference table", error))
    goto fail;
  stmt = ga_store_stmt_insert (store, "INSERT INTO reference_tables (uuid, table_key, version,"
                               " name, verified, content, imported_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)", "id", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  uuid = ga_store_new_uuid ();
  ga_db_stmt_bind_text (stmt, 1, uuid, -1);
  ga_db_stmt_bind_text (stmt, 2, table->id, -1);
  ga_db_stmt_bind_text (stmt, 3, table->version, -1);
  ga_db_stmt_bind_text (stmt, 4, table->name, -1);
  ga_db_stmt_bind_int64 (stmt, 5, table->verified ? 1 : 0);
  ga_db_stmt_bind_text (stmt, 6, content, -1);
  ga_db_stmt_bind_text (stmt, 7, now, -1);
  if (!ga_store_stmt_run (store, stmt, "Saving the reference table", error))
    goto fail;
  id = ga_db_stmt_get_insert_id (stmt);
  if (!ga_store_commit_changed (store, "Saving the reference table", 0, error))
    return 0;
  return id;

fail:
  ga_store_rollback (store);
  return 0;
}

/* The stored JSON of a table read back. */
static GaRefTable *
table_from_content (const char  *content,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;

  if (content == NULL)
    {
      g_set_error (error, GA_REFVALUES_ERROR, GA_REFVALUES_ERROR_INVALID, "the table is empty");
      return NULL;
    }
  parser = ga_json_parse_bounded (content, -1, REF_TABLE_MAX_DEPTH, error);
  if (parser == NULL)
    return NULL;
  return ga_ref_table_from_json (json_parser_get_root (parser), error);
}

GPtrArray *
ga_store_list_ref_tables (GaStore  *store,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GaDbStmt *stmt;
  GError *db_error = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_ref_table_free);
  if (store->schema_version < 6)
    return g_steal_pointer (&list);
  stmt = ga_store_stmt (store, "SELECT id, content FROM reference_tables"
                        " ORDER BY imported_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((step = ga_db_stmt_step (stmt, &db_error)) == GA_DB_STEP_ROW)
    {
      g_autoptr(GError) local = NULL;
      GaRefTable *table = table_from_content (ga_db_stmt_column_text (stmt, 1), &local);

      /* db check reports a damaged table; it is not used meanwhile. */
      if (table == NULL)
        {
          g_warning ("reference table %" G_GINT64_FORMAT " of %s is unreadable: %s",
                     ga_db_stmt_column_int64 (stmt, 0), store->path, local->message);
          continue;
        }
      table->store_id = ga_db_stmt_column_int64 (stmt, 0);
      g_ptr_array_add (list, table);
    }
  if (!ga_store_stmt_end (store, stmt, step, db_error, "Listing the reference tables", error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
ga_store_remove_ref_table (GaStore  *store,
                           gint64    id,
                           GError  **error)
{
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!require_schema (store, error) || !ga_store_begin (store, error))
    return FALSE;
  stmt = ga_store_stmt (store, "DELETE FROM reference_tables WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  if (!ga_store_stmt_run_changed (store, stmt, "reference table", id,
                                  "Removing the reference table", error))
    goto fail;
  return ga_store_commit_changed (store, "Removing the reference table", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

/* db check: each table reads back with the reader of imports, under a
 * UUID, with the key, version, name and flag its content gives. */
gboolean
ga_store_validate_ref_tables (GaStore    *store,
                              GPtrArray  *problems,
                              GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  guint before = problems->len;
  int rc;

  if (store->schema_version < 6)
    return TRUE;
  rc = sqlite3_prepare_v2 (store->db, "SELECT id, uuid, table_key, version, verified, content,"
                           " imported_at FROM reference_tables ORDER BY id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_autoptr(GError) local = NULL;
        g_autoptr(GaRefTable) table = NULL;
        g_autofree char *where = g_strdup_printf ("reference table %" G_GINT64_FORMAT,
                                                  (gint64) sqlite3_column_int64 (stmt, 0));
        const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
        const char *at = (const char *) sqlite3_column_text (stmt, 6);
        g_autoptr(GDateTime) time = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;

        if (problems->len - before >= 50)
          continue;
        if (uuid == NULL || !g_uuid_string_is_valid (uuid))
          g_ptr_array_add (problems, g_strdup_printf ("%s: its UUID is not a UUID", where));
        if (time == NULL)
          g_ptr_array_add (problems, g_strdup_printf ("%s: the import time is not an ISO 8601 "
                                                      "time", where));
        table = table_from_content ((const char *) sqlite3_column_text (stmt, 5), &local);
        if (table == NULL)
          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", where, local->message));
        else if (g_strcmp0 (table->id, (const char *) sqlite3_column_text (stmt, 2)) != 0
                 || g_strcmp0 (table->version, (const char *) sqlite3_column_text (stmt, 3)) != 0
                 || (sqlite3_column_int (stmt, 4) != 0) != (table->verified != FALSE))
          g_ptr_array_add (problems, g_strdup_printf ("%s: its key, version or verified flag "
                                                      "differs from its content", where));
      }
  return ga_store_finalize_done (store, stmt, rc, "Checking the reference tables", error);
}

GPtrArray *
ga_store_ref_tables_in_use (GaStore  *store,
                            GError  **error)
{
  GPtrArray *tables = ga_store_list_ref_tables (store, error);
  g_autoptr(GPtrArray) bundled = NULL;

  if (tables == NULL)
    return NULL;
  /* Imported tables come first: a consultant's table wins over the
   * bundled one for the same indicator and industry. */
  bundled = ga_ref_tables_bundled ();
  g_ptr_array_set_free_func (bundled, NULL);
  g_ptr_array_extend_and_steal (tables, g_steal_pointer (&bundled));
  return tables;
}

char *
ga_store_assessment_industry (GaStore  *store,
                              gint64    assessment_id,
                              GError  **error)
{
  g_autoptr(GaAssessment) assessment = ga_store_get_assessment (store, assessment_id, error);
  g_autoptr(GaEnterprise) enterprise = NULL;

  if (assessment == NULL)
    return NULL;
  enterprise = ga_store_get_enterprise (store, assessment->enterprise_id, error);
  if (enterprise == NULL)
    return NULL;
  return g_strdup (enterprise->industry != NULL ? enterprise->industry : "");
}

GaAnswerSet *
ga_store_fill_ref_values (GaStore      *store,
                          gint64        assessment_id,
                          GaTemplate   *tmpl,
                          GaAnswerSet  *answers,
                          GError      **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *industry = ga_store_assessment_industry (store, assessment_id, error);

  if (industry == NULL)
    return NULL;
  tables = ga_store_ref_tables_in_use (store, error);
  if (tables == NULL)
    return NULL;
  slots = ga_ref_slots_find (tmpl);
  return ga_ref_fill_answers (tmpl, slots, answers, tables, industry, NULL);
}
