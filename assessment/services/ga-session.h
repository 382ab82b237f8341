/* ga-session.h: one open assessment: store, template, engine and answers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application and the command-line tool edit through this object so
 * that every change follows the same path: the engine checks and scores
 * the answer, the store saves it durably with a history row, then
 * ::item-changed tells the views. Nothing is shown as saved that the store
 * did not accept.
 */
#pragma once

#include <gio/gio.h>

#include "ga-engine.h"
#include "ga-refvalues.h"
#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_SESSION (ga_session_get_type ())

G_DECLARE_FINAL_TYPE (GaSession, ga_session, GA, SESSION, GObject)

/* Loads the assessment with its pinned template copy and its answers. A
 * stored answer that the template no longer accepts is kept in the store
 * and reported in @problems (strings, may be NULL) rather than lost. */
GaSession          *ga_session_new               (GaStore        *store,
                                                  gint64          assessment_id,
                                                  GPtrArray      *problems,
                                                  GError        **error);

GaStore            *ga_session_get_store         (GaSession      *self);
GaEngine           *ga_session_get_engine        (GaSession      *self);
GaTemplate         *ga_session_get_template      (GaSession      *self);
const GaAssessment *ga_session_get_assessment    (GaSession      *self);
const GaEnterprise *ga_session_get_enterprise    (GaSession      *self);
gint64              ga_session_get_id            (GaSession      *self);
gboolean            ga_session_is_read_only      (GaSession      *self);

/* The current answer to @item, or NULL when it has none. */
const GaAnswer     *ga_session_get_answer        (GaSession      *self,
                                                  const GaItem   *item);
/* The value the engine holds in place of a blank baseline or leading
 * value, looked up in a reference table (ga-refvalues.h): the number item
 * @item (@row and @column G_MAXUINT), or a cell of the table @item. NULL
 * when the value is typed or no table has one. */
const GaRefFill    *ga_session_get_ref_fill      (GaSession      *self,
                                                  const GaItem   *item,
                                                  guint           row,
                                                  guint           column);
/* What the reference tables give for the number item @item whatever the
 * user typed: a copy to free with g_free(), or NULL when @item is not a
 * baseline or leading value or no table has one for it. It points into
 * the session's tables: valid until they are read again. */
GaRefFill          *ga_session_dup_ref_value     (GaSession      *self,
                                                  const GaItem   *item);
/* Reads the reference tables again (after an import or a removal) and
 * rescores. */
gboolean            ga_session_reload_ref_tables (GaSession      *self,
                                                  GError        **error);

/* Checks @answer (NULL or empty: clear) against @item, saves it and
 * rescores. On failure nothing changed and @error says why. An answer
 * equal to the current one saves nothing, but a read-only assessment still
 * refuses it with the store's reason. */
gboolean            ga_session_set_answer        (GaSession      *self,
                                                  const GaItem   *item,
                                                  const GaAnswer *answer,
                                                  GError        **error);
/* Reads @text as typed for @item with ga_answer_parse_text(), the one check
 * of typed answers (its message is @error's), and saves it as
 * ga_session_set_answer() does. The note of the current answer is kept,
 * unless @note is given ("" removes it). */
gboolean            ga_session_set_answer_text   (GaSession      *self,
                                                  const GaItem   *item,
                                                  const char     *text,
                                                  const char     *note,
                                                  GError        **error);
/* Removes the answer to @item_id, also one the template cannot read or no
 * longer has (such an answer is kept in the store until it is cleared). */
gboolean            ga_session_clear_answer      (GaSession      *self,
                                                  const char     *item_id,
                                                  GError        **error);

gboolean            ga_session_can_undo          (GaSession      *self);
gboolean            ga_session_can_redo          (GaSession      *self);
/* Undoes or redoes the last change through the store's history; @item_id
 * (optional) receives the item that changed, NULL when the change was the
 * text of a report part (ga_session_undo_change() says which). */
gboolean            ga_session_undo              (GaSession      *self,
                                                  char          **item_id,
                                                  GError        **error);
gboolean            ga_session_redo              (GaSession      *self,
                                                  char          **item_id,
                                                  GError        **error);

/* Undoes (@redo: redoes) the last change, an answer's or a narrative's,
 * and says which: *@subject, *@key (the item id or the part key; both
 * optional). Emits ::item-changed or ::narrative-changed, then
 * ::history-changed. */
gboolean            ga_session_undo_change       (GaSession         *self,
                                                  gboolean           redo,
                                                  GaHistorySubject  *subject,
                                                  char             **key,
                                                  GError           **error);

/* The parts of the self-evaluation report that take the user's text
 * (GaNarrativePart*, ga-narrative.h), titled in the user's language. */
GPtrArray          *ga_session_get_narrative_outline (GaSession   *self);
/* The user's text of report part @part, or NULL when it has none. */
const char         *ga_session_get_narrative     (GaSession      *self,
                                                  const char     *part);
/* part key -> text of every part with text (owned by the session). */
GHashTable         *ga_session_get_narratives    (GaSession      *self);
/* Saves the text of @part, a key of the outline (NULL, "" or white space
 * removes it), with its history row; GA_STORE_ERROR_NOT_FOUND naming the
 * keys when the report has no such part. The text it has already saves
 * nothing, but a read-only assessment still refuses. Emits
 * ::narrative-changed and ::history-changed. */
gboolean            ga_session_set_narrative     (GaSession      *self,
                                                  const char     *part,
                                                  const char     *text,
                                                  GError        **error);
gboolean            ga_session_clear_narrative   (GaSession      *self,
                                                  const char     *part,
                                                  GError        **error);

guint               ga_session_get_evidence_count (GaSession     *self,
                                                   const GaItem  *item);
/* Attaches @file as evidence of @item. */
gboolean            ga_session_add_evidence      (GaSession      *self,
                                                  const GaItem   *item,
                                                  GFile          *file,
                                                  GError        **error);
/* GaEvidence* of @item (owned array). */
GPtrArray          *ga_session_list_evidence     (GaSession      *self,
                                                  const GaItem   *item,
                                                  GError        **error);
gboolean            ga_session_remove_evidence   (GaSession      *self,
                                                  const GaItem   *item,
                                                  gint64          evidence_id,
                                                  GError        **error);
/* item id -> GPtrArray of file names, for the export. */
GHashTable         *ga_session_dup_evidence_names (GaSession     *self);

/* A default file name for the export, e.g. "示例企业-绿色工厂评价-2025.xlsx"
 * (ga_export_name_build()). */
char               *ga_session_dup_export_name   (GaSession      *self);

G_END_DECLS
