/* ga-session.c: one open assessment: store, template, engine and answers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-export.h"
#include "ga-export-name.h"
#include "ga-narrative.h"
#include "ga-refvalues.h"
#include "ga-session.h"
#include "ga-store-engine.h"

struct _GaSession
{
  GObject       parent_instance;

  GaStore      *store;
  GaAssessment *assessment;
  GaEnterprise *enterprise;
  GaTemplate   *tmpl;
  GaEngine     *engine;
  GHashTable   *evidence_counts;   /* item id -> count (GUINT_TO_POINTER) */
  GHashTable   *narratives;        /* part key -> text, as stored */
  GPtrArray    *outline;           /* GaNarrativePart*, in the user's language */

  /* The answers as typed and stored; the engine holds them with the
   * baselines and leading values nobody typed looked up (ga-refvalues.h). */
  GaAnswerSet  *typed;
  GPtrArray    *ref_slots;         /* GaRefSlot* of the template */
  GPtrArray    *ref_tables;        /* GaRefTable*: imported, then bundled */
  GPtrArray    *ref_fills;         /* GaRefFill*: what the engine holds from them */
  char         *industry;
};

enum {
  ITEM_CHANGED,
  NARRATIVE_CHANGED,
  HISTORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaSession, ga_session, G_TYPE_OBJECT)

static void
ga_session_dispose (GObject *object)
{
  GaSession *self = GA_SESSION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ga_session_parent_class)->dispose (object);
}

static void
ga_session_finalize (GObject *object)
{
  GaSession *self = GA_SESSION (object);

  g_clear_pointer (&self->assessment, ga_assessment_free);
  g_clear_pointer (&self->enterprise, ga_enterprise_free);
  g_clear_pointer (&self->engine, ga_engine_unref);
  g_clear_pointer (&self->tmpl, ga_template_unref);
  g_clear_pointer (&self->evidence_counts, g_hash_table_unref);
  g_clear_pointer (&self->narratives, g_hash_table_unref);
  g_clear_pointer (&self->outline, g_ptr_array_unref);
  g_clear_pointer (&self->typed, ga_answer_set_free);
  g_clear_pointer (&self->ref_fills, g_ptr_array_unref);
  g_clear_pointer (&self->ref_slots, g_ptr_array_unref);
  g_clear_pointer (&self->ref_tables, g_ptr_array_unref);
  g_clear_pointer (&self->industry, g_free);

  G_OBJECT_CLASS (ga_session_parent_class)->finalize (object);
}

static void
ga_session_class_init (GaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ga_session_dispose;
  object_class->finalize = ga_session_finalize;

  /**
   * GaSession::item-changed:
   * @item_id: the item whose answer or evidence changed
   *
   * Emitted after a change was saved and rescored.
   */
  signals[ITEM_CHANGED] = g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * GaSession::narrative-changed:
   * @part: the key of the report part whose text changed
   *
   * Emitted after the user's text of a report part was saved, undone or
   * redone.
   */
  signals[NARRATIVE_CHANGED] = g_signal_new ("narrative-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * GaSession::history-changed:
   *
   * Emitted when what can be undone or redone may have changed.
   */
  signals[HISTORY_CHANGED] = g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
ga_session_init (GaSession *self)
{
  self->evidence_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
count_evidence (GaSession *self)
{
  g_autoptr(GPtrArray) all = NULL;

  g_hash_table_remove_all (self->evidence_counts);
  all = ga_store_list_evidence (self->store, self->assessment->id, NULL, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GaEvidence *evidence = g_ptr_array_index (all, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->evidence_counts, evidence->item_id));

      g_hash_table_insert (self->evidence_counts, g_strdup (evidence->item_id),
                           GUINT_TO_POINTER (n + 1));
    }
}

GaSession *
ga_session_new (GaStore    *store,
                gint64      assessment_id,
                GPtrArray  *problems,
                GError    **error)
{
  g_autoptr(GaSession) self = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  self = g_object_new (GA_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);

  self->assessment = ga_store_get_assessment (store, assessment_id, error);
  if (self->assessment == NULL)
    return NULL;
  self->enterprise = ga_store_get_enterprise (store, self->assessment->enterprise_id, error);
  if (self->enterprise == NULL)
    return NULL;

  /* The assessment is scored with the template copy it was started with,
   * never with a newer version of the same template. */
  self->tmpl = ga_store_load_template (store, assessment_id, error);
  if (self->tmpl == NULL)
    return NULL;

  /* An answer the template cannot read is listed and stays in the store. */
  answers = ga_store_load_answer_set_checked (store, assessment_id, self->tmpl,
                                              problems != NULL ? problems : ignored, error);
  if (answers == NULL)
    return NULL;

  self->ref_tables = ga_store_ref_tables_in_use (store, error);
  if (self->ref_tables == NULL)
    return NULL;
  self->ref_slots = ga_ref_slots_find (self->tmpl);
  self->industry = g_strdup (self->enterprise->industry != NULL ? self->enterprise->industry : "");
  self->ref_fills = g_ptr_array_new_with_free_func (g_free);
  self->typed = g_steal_pointer (&answers);
  answers = ga_ref_fill_answers (self->tmpl, self->ref_slots, self->typed, self->ref_tables,
                                 self->industry, self->ref_fills);
  self->engine = ga_engine_new_with_answers (self->tmpl, answers);
  ga_store_prefill_engine (self->engine, self->enterprise, self->assessment);
  ga_store_prefill_year (store, self->engine, self->enterprise, self->assessment);
  ga_store_prefill_members (store, self->engine, self->enterprise, self->assessment);
  count_evidence (self);

  self->narratives = ga_store_load_narratives (store, assessment_id, error);
  if (self->narratives == NULL)
    return NULL;
  self->outline = ga_narrative_outline (self->tmpl, NULL);

  return g_steal_pointer (&self);
}

GaStore *
ga_session_get_store (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return self->store;
}

GaEngine *
ga_session_get_engine (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return self->engine;
}

GaTemplate *
ga_session_get_template (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return self->tmpl;
}

const GaAssessment *
ga_session_get_assessment (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return self->assessment;
}

const GaEnterprise *
ga_session_get_enterprise (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return self->enterprise;
}

gint64
ga_session_get_id (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), 0);

  return self->assessment->id;
}

gboolean
ga_session_is_read_only (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), TRUE);

  return self->assessment->status == GA_ASSESSMENT_FINAL || ga_store_is_read_only (self->store);
}

const GaAnswer *
ga_session_get_answer (GaSession    *self,
                       const GaItem *item)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  return ga_answer_set_get (self->typed, item->id);
}

/* Brings the engine's answers to the slots of reference values in line
 * with the typed answers and the tables, changing only those that differ
 * (the engine recomputes what depends on them). */
static void
refresh_ref_values (GaSession *self)
{
  g_autoptr(GPtrArray) fills = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaAnswerSet) filled = ga_ref_fill_answers (self->tmpl, self->ref_slots, self->typed,
                                                       self->ref_tables, self->industry, fills);
  GaAnswerSet *held = ga_engine_get_answers (self->engine);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  for (guint i = 0; i < self->ref_slots->len; i++)
    {
      const GaItem *item = ((GaRefSlot *) self->ref_slots->pdata[i])->item;
      const GaAnswer *want = ga_answer_set_get (filled, item->id);
      const GaAnswer *has = ga_answer_set_get (held, item->id);
      if ((want == NULL) != (has == NULL) || (want != NULL && !ga_answer_equal (want, has)))
        {
          g_autoptr(GError) error = NULL;
          if (!ga_engine_set_answer (self->engine, item->id, want, &error))
            g_warning ("reference value for %s: %s", item->id, error->message);
          else
            g_ptr_array_add (changed, (gpointer) item);
        }
    }
  g_ptr_array_unref (self->ref_fills);
  self->ref_fills = g_steal_pointer (&fills);
  /* The rows of the values that changed show their new source. */
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[ITEM_CHANGED], 0, ((GaItem *) changed->pdata[i])->id);
}

/* The typed answer @answer (NULL: none) to @item as the session now holds
 * it. */
static void
keep_typed (GaSession      *self,
            const GaItem   *item,
            const GaAnswer *answer)
{
  ga_answer_set_take (self->typed, item->id, answer != NULL ? ga_answer_copy (answer) : NULL);
  refresh_ref_values (self);
}

const GaRefFill *
ga_session_get_ref_fill (GaSession    *self,
                         const GaItem *item,
                         guint         row,
                         guint         column)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  for (guint i = 0; i < self->ref_fills->len; i++)
    {
      const GaRefFill *fill = self->ref_fills->pdata[i];
      if (fill->slot->item == item && fill->row == row && fill->slot->column == column)
        return fill;
    }
  return NULL;
}

GaRefFill *
ga_session_dup_ref_value (GaSession    *self,
                          const GaItem *item)
{
  g_autoptr(GPtrArray) fills = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaAnswer) filled = NULL;

  g_return_val_if_fail (GA_IS_SESSION (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  if (item->kind != GA_ITEM_NUMBER || ga_ref_slots_for_item (self->ref_slots, item) == NULL)
    return NULL;
  /* As if nothing were typed for @item. */
  filled = ga_ref_fill_answer (self->tmpl, self->ref_slots, item, NULL, self->typed,
                               self->ref_tables, self->industry, fills);
  for (guint i = 0; i < fills->len; i++)
    {
      const GaRefFill *fill = fills->pdata[i];

      if (fill->slot->item == item && fill->row == G_MAXUINT && fill->ref != NULL)
        return g_memdup2 (fill, sizeof *fill);
    }
  return NULL;
}

gboolean
ga_session_reload_ref_tables (GaSession  *self,
                              GError    **error)
{
  GPtrArray *tables;

  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);

  tables = ga_store_ref_tables_in_use (self->store, error);
  if (tables == NULL)
    return FALSE;
  /* The fills point into the tables being replaced: refreshed at once. */
  g_ptr_array_unref (self->ref_tables);
  self->ref_tables = tables;
  refresh_ref_values (self);
  for (guint i = 0; i < self->ref_slots->len; i++)
    g_signal_emit (self, signals[ITEM_CHANGED], 0,
                   ((GaRefSlot *) self->ref_slots->pdata[i])->item->id);
  return TRUE;
}

gboolean
ga_session_set_answer (GaSession       *self,
                       const GaItem    *item,
                       const GaAnswer  *answer,
                       GError         **error)
{
  g_autoptr(GaAnswer) previous = NULL;
  const GaAnswer *current;

  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (answer != NULL && ga_answer_is_empty (answer))
    answer = NULL;

  current = ga_session_get_answer (self, item);
  if ((current == NULL && answer == NULL)
      || (current != NULL && answer != NULL && ga_answer_equal (current, answer)))
    {
      /* Nothing changes, nothing is written; but a final assessment or a
       * database open for reading only says so, whatever the answer. */
      if (ga_session_is_read_only (self))
        return ga_store_set_answer (self->store, self->assessment->id, item, answer, error);
      return TRUE;
    }
  previous = current ? ga_answer_copy (current) : NULL;

  /* The engine validates against the item (kind, bounds, options) before
   * anything is written. */
  if (!ga_engine_set_answer (self->engine, item->id, answer, error))
    return FALSE;

  if (!ga_store_set_answer (self->store, self->assessment->id, item, answer, error))
    {
      /* Keep the engine in step with what is durably stored. */
      ga_engine_set_answer (self->engine, item->id, previous, NULL);
      refresh_ref_values (self);
      return FALSE;
    }
  keep_typed (self, item, answer);

  g_signal_emit (self, signals[ITEM_CHANGED], 0, item->id);
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  return TRUE;
}

gboolean
ga_session_set_answer_text (GaSession     *self,
                            const GaItem  *item,
                            const char    *text,
                            const char    *note,
                            GError       **error)
{
  g_autoptr(GaAnswer) answer = NULL;
  const GaAnswer *current;

  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  answer = ga_answer_parse_text (text, item, error);
  if (answer == NULL)
    return FALSE;
  current = ga_session_get_answer (self, item);
  g_clear_pointer (&answer->note, g_free);
  if (note != NULL)
    answer->note = note[0] != '\0' ? g_strdup (note) : NULL;
  else if (current != NULL && current->note != NULL)
    answer->note = g_strdup (current->note);
  return ga_session_set_answer (self, item, answer, error);
}

gboolean
ga_session_clear_answer (GaSession   *self,
                         const char  *item_id,
                         GError     **error)
{
  GaItem *item;

  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  item = ga_template_find_item (self->tmpl, item_id);
  if (item != NULL && ga_session_get_answer (self, item) != NULL)
    return ga_session_set_answer (self, item, NULL, error);
  /* An answer the engine does not hold (the template cannot read it, or
   * has no such item) is only in the store. */
  if (!ga_store_clear_answer (self->store, self->assessment->id, item_id, error))
    return FALSE;
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  return TRUE;
}

gboolean
ga_session_can_undo (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);

  return !ga_session_is_read_only (self) && ga_store_can_undo (self->store, self->assessment->id);
}

gboolean
ga_session_can_redo (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);

  return !ga_session_is_read_only (self) && ga_store_can_redo (self->store, self->assessment->id);
}

/* Brings the engine's answer to @item_id in line with the store after an
 * undo or redo changed it there. */
static gboolean
reload_answer (GaSession   *self,
               const char  *item_id,
               GError     **error)
{
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  GaItem *item = ga_template_find_item (self->tmpl, item_id);

  if (item == NULL)
    return TRUE;
  answer = ga_store_get_typed_answer (self->store, self->assessment->id, self->tmpl, item,
                                      &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!ga_engine_set_answer (self->engine, item_id, answer, error))
    return FALSE;
  keep_typed (self, item, answer);
  g_signal_emit (self, signals[ITEM_CHANGED], 0, item_id);
  return TRUE;
}

/* Brings the cached text of report part @part in line with the store. */
static gboolean
reload_narrative (GaSession   *self,
                  const char  *part,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = ga_store_get_narrative (self->store, self->assessment->id, part, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (text != NULL)
    g_hash_table_replace (self->narratives, g_strdup (part), text);
  else
    g_hash_table_remove (self->narratives, part);
  g_signal_emit (self, signals[NARRATIVE_CHANGED], 0, part);
  return TRUE;
}

gboolean
ga_session_undo_change (GaSession         *self,
                        gboolean           redo,
                        GaHistorySubject  *subject,
                        char             **key,
                        GError           **error)
{
  g_autofree char *changed = NULL;
  GaHistorySubject what = GA_HISTORY_ANSWER;
  gboolean ok;

  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);

  if (!ga_store_undo_change (self->store, self->assessment->id, redo, &what, &changed, error))
    return FALSE;

  if (changed == NULL)
    ok = TRUE;
  else if (what == GA_HISTORY_NARRATIVE)
    ok = reload_narrative (self, changed, error);
  else
    ok = reload_answer (self, changed, error);
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  if (ok && subject != NULL)
    *subject = what;
  if (ok && key != NULL)
    *key = g_steal_pointer (&changed);
  return ok;
}

/* The item that changed, or NULL when the change was a narrative's. */
static gboolean
undo_or_redo (GaSession  *self,
              gboolean    redo,
              char      **item_id,
              GError    **error)
{
  g_autofree char *key = NULL;
  GaHistorySubject subject = GA_HISTORY_ANSWER;

  if (!ga_session_undo_change (self, redo, &subject, &key, error))
    return FALSE;
  if (item_id != NULL && subject == GA_HISTORY_ANSWER)
    *item_id = g_steal_pointer (&key);
  return TRUE;
}

gboolean
ga_session_undo (GaSession  *self,
                 char      **item_id,
                 GError    **error)
{
  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);

  return undo_or_redo (self, FALSE, item_id, error);
}

gboolean
ga_session_redo (GaSession  *self,
                 char      **item_id,
                 GError    **error)
{
  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);

  return undo_or_redo (self, TRUE, item_id, error);
}

/* ------------------------------------------------------------------ */
/* Narratives                                                          */

GPtrArray *
ga_session_get_narrative_outline (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return self->outline;
}

const char *
ga_session_get_narrative (GaSession  *self,
                          const char *part)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  return g_hash_table_lookup (self->narratives, part);
}

GHashTable *
ga_session_get_narratives (GaSession *self)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return self->narratives;
}

gboolean
ga_session_set_narrative (GaSession   *self,
                          const char  *part,
                          const char  *text,
                          GError     **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (part == NULL || ga_narrative_outline_find (self->outline, part) == NULL)
    {
      g_autoptr(GString) keys = g_string_new (NULL);

      for (guint i = 0; i < self->outline->len; i++)
        g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "",
                                ((GaNarrativePart *) self->outline->pdata[i])->key);
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   _("The report of “%s” has no part “%s”; its parts are: %s"),
                   self->assessment->title, part != NULL ? part : "", keys->str);
      return FALSE;
    }

  /* What the store would keep decides whether anything changes (text
   * that is not UTF-8 goes on to the store's message). */
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    {
      normal = ga_narrative_normalize (text);
      if (g_strcmp0 (normal, ga_session_get_narrative (self, part)) == 0
          && !ga_session_is_read_only (self))
        return TRUE;
    }

  if (!ga_store_set_narrative (self->store, self->assessment->id, part, text, error))
    return FALSE;
  if (normal != NULL)
    g_hash_table_replace (self->narratives, g_strdup (part), g_steal_pointer (&normal));
  else
    g_hash_table_remove (self->narratives, part);
  g_signal_emit (self, signals[NARRATIVE_CHANGED], 0, part);
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  return TRUE;
}

gboolean
ga_session_clear_narrative (GaSession   *self,
                            const char  *part,
                            GError     **error)
{
  return ga_session_set_narrative (self, part, NULL, error);
}

guint
ga_session_get_evidence_count (GaSession    *self,
                               const GaItem *item)
{
  g_return_val_if_fail (GA_IS_SESSION (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->evidence_counts, item->id));
}

gboolean
ga_session_add_evidence (GaSession     *self,
                         const GaItem  *item,
                         GFile         *file,
                         GError       **error)
{
  guint n;

  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (ga_store_add_evidence (self->store, self->assessment->id, item->id, file, error) == 0)
    return FALSE;
  n = ga_session_get_evidence_count (self, item);
  g_hash_table_insert (self->evidence_counts, g_strdup (item->id), GUINT_TO_POINTER (n + 1));
  g_signal_emit (self, signals[ITEM_CHANGED], 0, item->id);
  return TRUE;
}

GPtrArray *
ga_session_list_evidence (GaSession     *self,
                          const GaItem  *item,
                          GError       **error)
{
  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  return ga_store_list_evidence (self->store, self->assessment->id, item->id, error);
}

gboolean
ga_session_remove_evidence (GaSession     *self,
                            const GaItem  *item,
                            gint64         evidence_id,
                            GError       **error)
{
  g_return_val_if_fail (GA_IS_SESSION (self), FALSE);

  if (!ga_store_remove_evidence (self->store, evidence_id, error))
    return FALSE;
  count_evidence (self);
  g_signal_emit (self, signals[ITEM_CHANGED], 0, item->id);
  return TRUE;
}

GHashTable *
ga_session_dup_evidence_names (GaSession *self)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (GA_IS_SESSION (self), names);

  all = ga_store_list_evidence (self->store, self->assessment->id, NULL, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GaEvidence *evidence = g_ptr_array_index (all, i);
      GPtrArray *list = g_hash_table_lookup (names, evidence->item_id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (names, g_strdup (evidence->item_id), list);
        }
      g_ptr_array_add (list, g_strdup (evidence->name));
    }
  return names;
}

char *
ga_session_dup_export_name (GaSession *self)
{
  g_autofree char *period = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (GA_IS_SESSION (self), NULL);

  if (self->assessment->period != NULL && self->assessment->period[0] != '\0')
    period = g_strdup (self->assessment->period);
  else if (self->assessment->year > 0)
    period = g_strdup_printf ("%d", self->assessment->year);
  /* TRANSLATORS: part of an exported file's name, after the enterprise:
   * "%s" is the kind of assessment ("Green factory"). */
  if (ga_template_get_kind (self->tmpl) == GA_TEMPLATE_KIND_CUSTOM && self->assessment->title != NULL)
    what = g_strdup (self->assessment->title);
  else
    what = g_strdup_printf (_("%s evaluation"),
                            ga_template_kind_label (ga_template_get_kind (self->tmpl)));

  return ga_export_name_build (self->enterprise->name, what, period, ".xlsx", _("assessment"));
}
