/* ga-store-carry.c: starting an assessment from an earlier one
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new year's assessment of an enterprise usually says much of what last
 * year's said: the management systems, the tables of equipment, the texts
 * of the report. Carrying them over copies the answers, the report texts
 * and (when asked) the links to the evidence files into the new
 * assessment, in the transaction that creates it. Every copied answer and
 * text gets a history row whose author says where it came from
 * (GA_STORE_CARRY_PREFIX), so that History shows "carried over from 2025"
 * and undo can take a carried value back out. Evidence files are stored
 * once per SHA-256: a carried link refers to the same stored bytes, so
 * carrying costs no space.
 */
#include "ga-store-engine.h"
#include "ga-store-private.h"

#include <string.h>

void
ga_carry_dropped_free (GaCarryDropped *dropped)
{
  if (dropped == NULL)
    return;
  g_free (dropped->item_id);
  g_free (dropped->reason);
  g_free (dropped);
}

static void
add_dropped (GPtrArray  *dropped,
             const char *item_id,
             char       *reason)
{
  GaCarryDropped *d;

  if (dropped == NULL)
    {
      g_free (reason);
      return;
    }
  d = g_new0 (GaCarryDropped, 1);
  d->item_id = g_strdup (item_id);
  d->reason = reason;
  g_ptr_array_add (dropped, d);
}

typedef struct {
  GaStore    *store;
  gint64      id;          /* the new assessment */
  const char *carried_by;  /* the history rows' author */
  const char *now;
} Carry;

static gboolean
insert_history (Carry             *c,
                GaHistorySubject   subject,
                const char        *key,
                const char        *value,
                GError           **error)
{
  GaDbStmt *stmt;

  stmt = ga_store_stmt (c->store,
                        "INSERT INTO history (assessment_id, item_id, old_value, new_value,"
                        " author, at, action, state, target, subject)"
                        " VALUES (?, ?, NULL, ?, ?, ?, 'edit', 0, NULL, ?)", error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, c->id);
  ga_db_stmt_bind_text (stmt, 2, key, -1);
  ga_db_stmt_bind_text (stmt, 3, value, -1);
  ga_db_stmt_bind_text (stmt, 4, c->carried_by, -1);
  ga_db_stmt_bind_text (stmt, 5, c->now, -1);
  ga_db_stmt_bind_text (stmt, 6, subject == GA_HISTORY_NARRATIVE ? "narrative" : "answer", -1);
  return ga_store_stmt_run (c->store, stmt, "Recording the carried-over value in the history",
                            error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The keys of @table, sorted: the rows go in the same order every time. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/* Each answer of @from that the new template still has an item for and
 * that reads as an answer to that item is copied; the others are listed in
 * @dropped with the reason. */
static gboolean
carry_answers (Carry       *c,
               gint64       from,
               GaTemplate  *tmpl,
               GPtrArray   *dropped,
               GError     **error)
{
  g_autoptr(GHashTable) answers = ga_store_load_answers (c->store, from, error);
  g_autoptr(GPtrArray) keys = NULL;

  if (answers == NULL)
    return FALSE;
  keys = sorted_keys (answers);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *item_id = g_ptr_array_index (keys, i);
      const char *value = g_hash_table_lookup (answers, item_id);
      GaItem *item = ga_template_find_item (tmpl, item_id);
      g_autoptr(GaAnswer) answer = NULL;
      g_autoptr(GError) local = NULL;
      GaDbStmt *stmt;

      if (item == NULL || item->kind == GA_ITEM_COMPUTED)
        {
          add_dropped (dropped, item_id,
                       g_strdup_printf (item == NULL
                                        ? "the template %s %s has no item %s"
                                        : "%s is computed in the template %s %s",
                                        item == NULL ? ga_template_get_id (tmpl) : item_id,
                                        item == NULL ? ga_template_get_version (tmpl)
                                                     : ga_template_get_id (tmpl),
                                        item == NULL ? item_id : ga_template_get_version (tmpl)));
          continue;
        }
      answer = ga_store_parse_answer (tmpl, item_id, value, -1, &local);
      if (answer == NULL)
        {
          add_dropped (dropped, item_id, g_strdup (local->message));
          continue;
        }

      stmt = ga_store_stmt (c->store,
                            "INSERT INTO answers (assessment_id, item_id, value, author,"
                            " updated_at) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      ga_db_stmt_bind_int64 (stmt, 1, c->id);
      ga_db_stmt_bind_text (stmt, 2, item_id, -1);
      ga_db_stmt_bind_text (stmt, 3, value, -1);
      ga_db_stmt_bind_text (stmt, 4, c->store->author, -1);
      ga_db_stmt_bind_text (stmt, 5, c->now, -1);
      if (!ga_store_stmt_run (c->store, stmt, "Carrying over an answer", error)
          || !insert_history (c, GA_HISTORY_ANSWER, item_id, value, error))
        return FALSE;
    }
  return TRUE;
}

/* The report texts are the user's prose: all of them are carried. */
static gboolean
carry_narratives (Carry   *c,
                  gint64   from,
                  GError **error)
{
  g_autoptr(GHashTable) texts = ga_store_load_narratives (c->store, from, error);
  g_autoptr(GPtrArray) keys = NULL;

  if (texts == NULL)
    return FALSE;
  keys = sorted_keys (texts);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *part = g_ptr_array_index (keys, i);
      const char *text = g_hash_table_lookup (texts, part);
      GaDbStmt *stmt;

      stmt = ga_store_stmt (c->store,
                            "INSERT INTO narratives (assessment_id, part, text, author,"
                            " updated_at) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      ga_db_stmt_bind_int64 (stmt, 1, c->id);
      ga_db_stmt_bind_text (stmt, 2, part, -1);
      ga_db_stmt_bind_text (stmt, 3, text, -1);
      ga_db_stmt_bind_text (stmt, 4, c->store->author, -1);
      ga_db_stmt_bind_text (stmt, 5, c->now, -1);
      if (!ga_store_stmt_run (c->store, stmt, "Carrying over a report text", error)
          || !insert_history (c, GA_HISTORY_NARRATIVE, part, text, error))
        return FALSE;
    }
  return TRUE;
}

/* Links to the same stored files, for the items the new template has;
 * the time and author of each link stay those of the original. */
static gboolean
carry_evidence (Carry       *c,
                gint64       from,
                GaTemplate  *tmpl,
                GError     **error)
{
  g_autoptr(GPtrArray) list = ga_store_list_evidence (c->store, from, NULL, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      GaEvidence *ev = g_ptr_array_index (list, i);
      GaDbStmt *stmt;

      if (ga_template_find_item (tmpl, ev->item_id) == NULL)
        continue;
      stmt = ga_store_stmt (c->store,
                            "INSERT INTO evidence (assessment_id, item_id, sha256, name,"
                            " mime_type, size, author, added_at, note)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      ga_db_stmt_bind_int64 (stmt, 1, c->id);
      ga_db_stmt_bind_text (stmt, 2, ev->item_id, -1);
      ga_db_stmt_bind_text (stmt, 3, ev->sha256, -1);
      ga_db_stmt_bind_text (stmt, 4, ev->name, -1);
      ga_db_stmt_bind_text (stmt, 5, ev->mime_type, -1);
      ga_db_stmt_bind_int64 (stmt, 6, (gint64) ev->size);
      ga_db_stmt_bind_text (stmt, 7, ev->author, -1);
      ga_db_stmt_bind_text (stmt, 8, ev->added_at, -1);
      ga_db_stmt_bind_text (stmt, 9, ev->note, -1);
      if (!ga_store_stmt_run (c->store, stmt, "Carrying over an evidence link", error))
        return FALSE;
    }
  return TRUE;
}

gint64
ga_store_new_assessment_from (GaStore       *store,
                              gint64         previous_id,
                              GaTemplate    *tmpl,
                              const char    *title,
                              int            year,
                              const char    *period,
                              GaCarryFlags   flags,
                              GPtrArray     *dropped,
                              GError       **error)
{
  g_autoptr(GaAssessment) previous = NULL;
  g_autofree char *default_title = NULL;
  g_autofree char *carried_by = NULL;
  g_autofree char *now = NULL;
  const char *kind;
  Carry c = { store, 0, NULL, NULL };

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (tmpl != NULL, 0);

  previous = ga_store_get_assessment (store, previous_id, error);
  if (previous == NULL)
    return 0;
  kind = ga_template_kind_to_string (ga_template_get_kind (tmpl));
  if (g_strcmp0 (previous->kind, kind) != 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "Assessment %" G_GINT64_FORMAT " (%s) is a %s assessment and the template %s "
                   "is for %s assessments; start from an assessment of the same kind",
                   previous_id, previous->title, previous->kind, ga_template_get_id (tmpl), kind);
      return 0;
    }
  if (title == NULL || *title == '\0')
    {
      default_title = year != 0
                      ? g_strdup_printf ("%s %d", ga_store_template_title (tmpl), year)
                      : g_strdup (ga_store_template_title (tmpl));
      title = default_title;
    }

  if (!ga_store_begin (store, error))
    return 0;
  c.id = ga_store_insert_assessment (store, previous->enterprise_id, ga_template_get_id (tmpl),
                                     ga_template_get_version (tmpl), kind,
                                     ga_template_get_bytes (tmpl), title, year, period, error);
  if (c.id == 0)
    goto fail;
  now = ga_store_now ();
  carried_by = g_strdup_printf (GA_STORE_CARRY_PREFIX "%d:%s", MAX (previous->year, 0),
                                store->author != NULL ? store->author : "");
  c.carried_by = carried_by;
  c.now = now;
  if (!carry_answers (&c, previous_id, tmpl, dropped, error)
      || !carry_narratives (&c, previous_id, error)
      || ((flags & GA_CARRY_EVIDENCE) && !carry_evidence (&c, previous_id, tmpl, error)))
    goto fail;
  if (!ga_store_commit_changed (store, "Starting the assessment from an earlier one", c.id,
                                error))
    {
      if (dropped != NULL)
        g_ptr_array_set_size (dropped, 0);
      return 0;
    }
  return c.id;

fail:
  ga_store_rollback (store);
  if (dropped != NULL)
    g_ptr_array_set_size (dropped, 0);
  return 0;
}

gint64
ga_store_find_previous_assessment (GaStore     *store,
                                   gint64       enterprise_id,
                                   GaTemplate  *tmpl,
                                   int          year,
                                   GError     **error)
{
  GaDbStmt *stmt;
  GError *local = NULL;
  gint64 id = 0;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (tmpl != NULL, 0);

  /* The same template first (its items match), then the latest year,
   * then the latest made. A year of 0 puts no bound on the year. */
  stmt = ga_store_stmt (store,
                        "SELECT id FROM assessments WHERE enterprise_id = ? AND kind = ?"
                        " AND (? = 0 OR year IS NULL OR year < ?)"
                        " ORDER BY template_id = ? DESC, coalesce (year, 0) DESC,"
                        " created_at DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  ga_db_stmt_bind_int64 (stmt, 1, enterprise_id);
  ga_db_stmt_bind_text (stmt, 2, ga_template_kind_to_string (ga_template_get_kind (tmpl)), -1);
  ga_db_stmt_bind_int64 (stmt, 3, year);
  ga_db_stmt_bind_int64 (stmt, 4, year);
  ga_db_stmt_bind_text (stmt, 5, ga_template_get_id (tmpl), -1);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      id = ga_db_stmt_column_int64 (stmt, 0);
      step = GA_DB_STEP_DONE;
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Looking for an earlier assessment", error))
    return 0;
  return id;
}

int
ga_store_suggest_year (GaStore         *store,
                       gint64           enterprise_id,
                       GaTemplateKind   kind,
                       int              current_year)
{
  GaDbStmt *stmt;
  int latest = 0;

  g_return_val_if_fail (GA_IS_STORE (store), current_year - 1);

  stmt = ga_store_stmt (store,
                        "SELECT max (year) FROM assessments WHERE enterprise_id = ? AND kind = ?",
                        NULL);
  if (stmt != NULL)
    {
      ga_db_stmt_bind_int64 (stmt, 1, enterprise_id);
      ga_db_stmt_bind_text (stmt, 2, ga_template_kind_to_string (kind), -1);
      if (ga_db_stmt_step (stmt, NULL) == GA_DB_STEP_ROW)
        latest = (int) ga_db_stmt_column_int64 (stmt, 0);
      ga_db_stmt_reset (stmt);
    }
  /* The last full year; when that one is assessed already, the year after
   * the latest assessed. */
  return MAX (current_year - 1, latest > 0 ? latest + 1 : 0);
}
