/* ga-store-answers.c: answers, their history, undo and redo
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ga-store-private.h"

#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ga-json.h"

/* ------------------------------------------------------------------ */
/* Answers                                                             */

gboolean
ga_store_check_item_id (const char  *item_id,
                        GError     **error)
{
  if (item_id == NULL || *item_id == '\0' || strlen (item_id) > GA_STORE_MAX_ITEM_ID
      || !g_utf8_validate (item_id, -1, NULL))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "'%s' is not an item id (1 to %d characters of UTF-8 text)",
                   item_id != NULL && g_utf8_validate (item_id, -1, NULL)
                   && strlen (item_id) <= GA_STORE_MAX_ITEM_ID ? item_id : "",
                   GA_STORE_MAX_ITEM_ID);
      return FALSE;
    }
  return TRUE;
}

/* What a stored answer must be, whoever wrote it: at most
 * GA_STORE_MAX_ANSWER_BYTES of UTF-8 text holding strict JSON, nested at
 * most GA_JSON_MAX_DEPTH levels, no key twice, nothing after the value:
 * what every later reader of the answer can read back without surprises. */
static JsonParser *
parse_answer_json (const char  *item_id,
                   const char  *json,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;

  if (length > GA_STORE_MAX_ANSWER_BYTES)
    {
      g_autofree char *have = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (GA_STORE_MAX_ANSWER_BYTES,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_TOO_LARGE,
                   "The answer to %s is %s (%" G_GSIZE_FORMAT " bytes), more than the %s an "
                   "answer may hold; put long documents in evidence files", item_id, have,
                   length, limit);
      return NULL;
    }
  if (!g_utf8_validate_len (json, length, NULL))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "The answer to %s is not valid UTF-8 text", item_id);
      return NULL;
    }
  parser = ga_json_parse_bounded (json, length, GA_JSON_MAX_DEPTH, &local);
  if (g_error_matches (local, GA_JSON_ERROR, GA_JSON_ERROR_EMPTY))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "The answer to %s is empty; pass NULL to remove an answer", item_id);
      return NULL;
    }
  if (parser == NULL)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "The answer to %s is not JSON: %s", item_id, local->message);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

gboolean
ga_store_check_answer_json (const char  *item_id,
                            const char  *json,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;

  if (json == NULL)
    json = "";
  parser = parse_answer_json (item_id, json, length < 0 ? strlen (json) : (gsize) length, error);
  return parser != NULL;
}

static gboolean
check_json (const char  *item_id,
            const char  *json,
            GError     **error)
{
  if (json == NULL)
    return TRUE;
  return ga_store_check_answer_json (item_id, json, -1, error);
}

GaAnswer *
ga_store_parse_answer (GaTemplate  *tmpl,
                       const char  *item_id,
                       const char  *json,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  GaItem *item;

  if (!ga_store_check_item_id (item_id, error))
    return NULL;
  item = ga_template_find_item (tmpl, item_id);
  if (item == NULL)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_UNKNOWN_ITEM,
                   "The template %s %s has no item '%s'", ga_template_get_id (tmpl),
                   ga_template_get_version (tmpl), item_id);
      return NULL;
    }
  if (json == NULL)
    json = "";
  parser = parse_answer_json (item_id, json, length < 0 ? strlen (json) : (gsize) length, error);
  if (parser == NULL)
    return NULL;
  return ga_answer_from_json (json_parser_get_root (parser), item, error);
}

/* The table and the words of each subject of a change. */
static const char *
subject_name (GaHistorySubject subject)
{
  return subject == GA_HISTORY_NARRATIVE ? "narrative" : "answer";
}

/* The current value of an answer or a narrative inside the open
 * transaction. Returns FALSE on a database error; *value is NULL when there
 * is none. */
static gboolean
read_value (GaStore           *store,
            GaHistorySubject   subject,
            gint64             assessment_id,
            const char        *key,
            char             **value,
            GError           **error)
{
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  *value = NULL;
  if (subject == GA_HISTORY_NARRATIVE)
    stmt = ga_store_stmt (store,
                          "SELECT text FROM narratives WHERE assessment_id = ? AND part = ?",
                          error);
  else
    stmt = ga_store_stmt (store,
                          "SELECT value FROM answers WHERE assessment_id = ? AND item_id = ?",
                          error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  ga_db_stmt_bind_text (stmt, 2, key, -1);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      *value = ga_store_stmt_dup (stmt, 0);
      step = GA_DB_STEP_DONE;
    }
  return ga_store_stmt_end (store, stmt, step, local,
                            subject == GA_HISTORY_NARRATIVE ? "Reading the report text"
                                                            : "Reading the answer", error);
}

static char *
saving_what (GaHistorySubject  subject,
             const char       *key)
{
  return subject == GA_HISTORY_NARRATIVE
         ? g_strdup_printf ("Saving the report text of part %s", key)
         : g_strdup_printf ("Saving the answer to %s", key);
}

static gboolean
write_value (GaStore           *store,
             GaHistorySubject   subject,
             gint64             assessment_id,
             const char        *key,
             const char        *value,
             const char        *now,
             GError           **error)
{
  g_autofree char *doing = saving_what (subject, key);
  gboolean narrative = subject == GA_HISTORY_NARRATIVE;
  GaDbStmt *stmt;

  if (value != NULL)
    {
      if (narrative)
        stmt = ga_store_stmt (store,
                              "INSERT INTO narratives (assessment_id, part, text, author,"
                              " updated_at) VALUES (?, ?, ?, ?, ?)"
                              " ON CONFLICT (assessment_id, part) DO UPDATE SET"
                              " text = excluded.text, author = excluded.author,"
                              " updated_at = excluded.updated_at", error);
      else
        stmt = ga_store_stmt (store,
                              "INSERT INTO answers (assessment_id, item_id, value, author,"
                              " updated_at) VALUES (?, ?, ?, ?, ?)"
                              " ON CONFLICT (assessment_id, item_id) DO UPDATE SET"
                              " value = excluded.value, author = excluded.author,"
                              " updated_at = excluded.updated_at", error);
      if (stmt == NULL)
        return FALSE;
      ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
      ga_db_stmt_bind_text (stmt, 2, key, -1);
      ga_db_stmt_bind_text (stmt, 3, value, -1);
      ga_db_stmt_bind_text (stmt, 4, store->author, -1);
      ga_db_stmt_bind_text (stmt, 5, now, -1);
    }
  else
    {
      if (narrative)
        stmt = ga_store_stmt (store,
                              "DELETE FROM narratives WHERE assessment_id = ? AND part = ?",
                              error);
      else
        stmt = ga_store_stmt (store,
                              "DELETE FROM answers WHERE assessment_id = ? AND item_id = ?",
                              error);
      if (stmt == NULL)
        return FALSE;
      ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
      ga_db_stmt_bind_text (stmt, 2, key, -1);
    }
  if (!ga_store_stmt_run (store, stmt, doing, error))
    return FALSE;

  return ga_store_touch_assessment (store, assessment_id, now, doing, error);
}

static gboolean
append_history (GaStore           *store,
                GaHistorySubject   subject,
                gint64             assessment_id,
                const char        *key,
                const char        *old_value,
                const char        *new_value,
                const char        *action,
                gint64             target,
                const char        *now,
                GError           **error)
{
  GaDbStmt *stmt;

  stmt = ga_store_stmt (store,
                        "INSERT INTO history (assessment_id, item_id, old_value, new_value,"
                        " author, at, action, state, target, subject)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  ga_db_stmt_bind_text (stmt, 2, key, -1);
  ga_db_stmt_bind_text (stmt, 3, old_value, -1);
  ga_db_stmt_bind_text (stmt, 4, new_value, -1);
  ga_db_stmt_bind_text (stmt, 5, store->author, -1);
  ga_db_stmt_bind_text (stmt, 6, now, -1);
  ga_db_stmt_bind_text (stmt, 7, action, -1);
  if (target > 0)
    ga_db_stmt_bind_int64 (stmt, 8, target);
  else
    ga_db_stmt_bind_null (stmt, 8);
  ga_db_stmt_bind_text (stmt, 9, subject_name (subject), -1);
  return ga_store_stmt_run (store, stmt, "Recording the change in the history", error);
}

gboolean
ga_store_apply_change (GaStore           *store,
                       GaHistorySubject   subject,
                       gint64             assessment_id,
                       const char        *key,
                       const char        *new_value,
                       const char        *now,
                       GError           **error)
{
  g_autofree char *old_value = NULL;
  GaDbStmt *stmt;

  if (!read_value (store, subject, assessment_id, key, &old_value, error))
    return FALSE;
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;   /* nothing changes, nothing to undo */

  if (!write_value (store, subject, assessment_id, key, new_value, now, error))
    return FALSE;

  /* A new edit ends what could be redone, answers and narratives alike:
   * they share one stack. */
  stmt = ga_store_stmt (store,
                        "UPDATE history SET state = 2"
                        " WHERE assessment_id = ? AND action = 'edit' AND state = 1", error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  if (!ga_store_stmt_run (store, stmt, "Updating the redo list", error))
    return FALSE;

  return append_history (store, subject, assessment_id, key, old_value, new_value, "edit", 0,
                         now, error);
}

gboolean
ga_store_apply_answer (GaStore     *store,
                       gint64       assessment_id,
                       const char  *item_id,
                       const char  *new_value,
                       const char  *now,
                       GError     **error)
{
  return ga_store_apply_change (store, GA_HISTORY_ANSWER, assessment_id, item_id, new_value, now,
                                error);
}

gboolean
ga_store_read_change_value (GaStore           *store,
                            GaHistorySubject   subject,
                            gint64             assessment_id,
                            const char        *key,
                            char             **value,
                            GError           **error)
{
  return read_value (store, subject, assessment_id, key, value, error);
}

gboolean
ga_store_clear_answer (GaStore     *store,
                       gint64       assessment_id,
                       const char  *item_id,
                       GError     **error)
{
  return ga_store_save_answer (store, assessment_id, item_id, NULL, error);
}

gboolean
ga_store_save_answer (GaStore     *store,
                      gint64       assessment_id,
                      const char  *item_id,
                      const char  *json_value,
                      GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *doing = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ga_store_check_item_id (item_id, error) || !check_json (item_id, json_value, error))
    return FALSE;

  if (!ga_store_begin (store, error))
    return FALSE;
  now = ga_store_now ();
  if (!ga_store_check_writable (store, assessment_id, error)
      || !ga_store_apply_answer (store, assessment_id, item_id, json_value, now, error))
    {
      ga_store_rollback (store);
      return FALSE;
    }
  doing = g_strdup_printf ("Saving the answer to %s", item_id);
  return ga_store_commit_changed (store, doing, assessment_id, error);
}

char *
ga_store_get_answer (GaStore     *store,
                     gint64       assessment_id,
                     const char  *item_id,
                     GError     **error)
{
  char *value = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  read_value (store, GA_HISTORY_ANSWER, assessment_id, item_id, &value, error);
  return value;
}

GHashTable *
ga_store_load_answers (GaStore  *store,
                       gint64    assessment_id,
                       GError  **error)
{
  g_autoptr(GHashTable) answers = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  stmt = ga_store_stmt (store, "SELECT item_id, value FROM answers WHERE assessment_id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    g_hash_table_insert (answers, ga_store_stmt_dup (stmt, 0), ga_store_stmt_dup (stmt, 1));
  if (!ga_store_stmt_end (store, stmt, step, local, "Loading the answers", error))
    return NULL;
  return g_steal_pointer (&answers);
}

/* ------------------------------------------------------------------ */
/* History, undo, redo                                                 */

void
ga_history_entry_free (GaHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->item_id);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->author);
  g_free (entry->at);
  g_free (entry);
}

const char *
ga_history_action_to_string (GaHistoryAction action)
{
  switch (action)
    {
    case GA_HISTORY_UNDO:
      return "undo";
    case GA_HISTORY_REDO:
      return "redo";
    case GA_HISTORY_EDIT:
    default:
      return "edit";
    }
}

/* "carried-over:2025:Wang Li" -> carried over from 2025 by Wang Li. */
static void
split_carried_author (GaHistoryEntry *e)
{
  const char *rest;
  char *end = NULL;
  gint64 year;

  if (e->author == NULL || !g_str_has_prefix (e->author, GA_STORE_CARRY_PREFIX))
    return;
  rest = e->author + strlen (GA_STORE_CARRY_PREFIX);
  year = g_ascii_strtoll (rest, &end, 10);
  if (end == rest || *end != ':' || year < 0 || year > 9999)
    return;
  e->carried_over = TRUE;
  e->carried_from = (int) year;
  rest = end + 1;
  if (*rest == '\0')
    g_clear_pointer (&e->author, g_free);
  else
    {
      char *author = g_strdup (rest);

      g_free (e->author);
      e->author = author;
    }
}

GPtrArray *
ga_store_list_history (GaStore  *store,
                       gint64    assessment_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  /* A database of schema 3 or older (read, not migrated) has answers only. */
  if (store->schema_version >= 4)
    stmt = ga_store_stmt (store,
                          "SELECT id, item_id, old_value, new_value, author, at, action, subject"
                          " FROM history WHERE assessment_id = ? ORDER BY id", error);
  else
    stmt = ga_store_stmt (store,
                          "SELECT id, item_id, old_value, new_value, author, at, action,"
                          " 'answer' FROM history WHERE assessment_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_history_entry_free);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    {
      GaHistoryEntry *e = g_new0 (GaHistoryEntry, 1);
      const char *action = ga_db_stmt_column_text (stmt, 6);

      e->id = ga_db_stmt_column_int64 (stmt, 0);
      e->item_id = ga_store_stmt_dup (stmt, 1);
      e->old_value = ga_store_stmt_dup (stmt, 2);
      e->new_value = ga_store_stmt_dup (stmt, 3);
      e->author = ga_store_stmt_dup (stmt, 4);
      split_carried_author (e);
      e->at = ga_store_stmt_dup (stmt, 5);
      e->action = g_strcmp0 (action, "undo") == 0 ? GA_HISTORY_UNDO
                  : g_strcmp0 (action, "redo") == 0 ? GA_HISTORY_REDO : GA_HISTORY_EDIT;
      e->subject = g_strcmp0 (ga_db_stmt_column_text (stmt, 7), "narrative") == 0
                   ? GA_HISTORY_NARRATIVE : GA_HISTORY_ANSWER;
      g_ptr_array_add (list, e);
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Reading the history", error))
    return NULL;
  return g_steal_pointer (&list);
}

/* Undo and redo share everything but the direction:
 * undo takes the newest edit in state 0, restores its old value, state 1;
 * redo takes the oldest edit in state 1 (the one undone last), applies its
 * new value again, state 0. */
static gboolean
undo_redo (GaStore           *store,
           gint64             assessment_id,
           gboolean           redo,
           GaHistorySubject  *subject_out,
           char             **key_out,
           GError           **error)
{
  g_autofree char *key = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *current = NULL;
  g_autofree char *now = NULL;
  GaHistorySubject subject = GA_HISTORY_ANSWER;
  const char *restore;
  GaDbStmt *stmt;
  GError *local = NULL;
  gint64 target = 0;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!ga_store_begin (store, error))
    return FALSE;
  if (!ga_store_check_writable (store, assessment_id, error))
    goto fail;

  if (redo)
    stmt = ga_store_stmt (store,
                          "SELECT id, item_id, old_value, new_value, subject FROM history"
                          " WHERE assessment_id = ? AND action = 'edit' AND state = 1"
                          " ORDER BY id ASC LIMIT 1", error);
  else
    stmt = ga_store_stmt (store,
                          "SELECT id, item_id, old_value, new_value, subject FROM history"
                          " WHERE assessment_id = ? AND action = 'edit' AND state = 0"
                          " ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      target = ga_db_stmt_column_int64 (stmt, 0);
      key = ga_store_stmt_dup (stmt, 1);
      old_value = ga_store_stmt_dup (stmt, 2);
      new_value = ga_store_stmt_dup (stmt, 3);
      if (g_strcmp0 (ga_db_stmt_column_text (stmt, 4), "narrative") == 0)
        subject = GA_HISTORY_NARRATIVE;
      ga_db_stmt_reset (stmt);
    }
  else if (step == GA_DB_STEP_DONE)
    {
      ga_db_stmt_reset (stmt);
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY,
                           redo ? "There is nothing to redo in this assessment"
                                : "There is nothing to undo in this assessment");
      goto fail;
    }
  else
    {
      ga_store_stmt_end (store, stmt, step, local, redo ? "Redoing" : "Undoing", error);
      goto fail;
    }

  if (!read_value (store, subject, assessment_id, key, &current, error))
    goto fail;

  now = ga_store_now ();
  restore = redo ? new_value : old_value;
  if (!write_value (store, subject, assessment_id, key, restore, now, error))
    goto fail;

  stmt = ga_store_stmt (store, "UPDATE history SET state = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, redo ? 0 : 1);
  ga_db_stmt_bind_int64 (stmt, 2, target);
  if (!ga_store_stmt_run (store, stmt, "Updating the history", error))
    goto fail;

  if (!append_history (store, subject, assessment_id, key, current, restore,
                       redo ? "redo" : "undo", target, now, error))
    goto fail;

  if (!ga_store_commit (store, redo ? "Redoing" : "Undoing", error))
    return FALSE;
  if (subject_out != NULL)
    *subject_out = subject;
  if (key_out != NULL)
    *key_out = g_steal_pointer (&key);
  ga_store_emit_changed (store, assessment_id);
  return TRUE;

fail:
  ga_store_rollback (store);
  return FALSE;
}

gboolean
ga_store_undo (GaStore  *store,
               gint64    assessment_id,
               char    **item_id,
               GError  **error)
{
  return undo_redo (store, assessment_id, FALSE, NULL, item_id, error);
}

gboolean
ga_store_redo (GaStore  *store,
               gint64    assessment_id,
               char    **item_id,
               GError  **error)
{
  return undo_redo (store, assessment_id, TRUE, NULL, item_id, error);
}

gboolean
ga_store_undo_change (GaStore           *store,
                      gint64             assessment_id,
                      gboolean           redo,
                      GaHistorySubject  *subject,
                      char             **key,
                      GError           **error)
{
  return undo_redo (store, assessment_id, redo, subject, key, error);
}

static gboolean
has_edit_in_state (GaStore *store,
                   gint64   assessment_id,
                   int      state)
{
  GaDbStmt *stmt;
  gboolean found;

  stmt = ga_store_stmt (store,
                        "SELECT 1 FROM history WHERE assessment_id = ? AND action = 'edit'"
                        " AND state = ? LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  ga_db_stmt_bind_int64 (stmt, 2, state);
  found = ga_db_stmt_step (stmt, NULL) == GA_DB_STEP_ROW;
  ga_db_stmt_reset (stmt);
  return found;
}

gboolean
ga_store_can_undo (GaStore *store,
                   gint64   assessment_id)
{
  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  return has_edit_in_state (store, assessment_id, 0);
}

gboolean
ga_store_can_redo (GaStore *store,
                   gint64   assessment_id)
{
  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  return has_edit_in_state (store, assessment_id, 1);
}
