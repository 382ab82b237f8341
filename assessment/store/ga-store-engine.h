/* ga-store-engine.h: the store together with templates, answers and the
 * engine
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-engine.h"
#include "ga-store.h"

G_BEGIN_DECLS

/* Creates an assessment pinned to @tmpl: its id, version, content hash
 * and a copy of its JSON. @title NULL gives "<template title> <year>". */
gint64       ga_store_new_assessment      (GaStore         *store,
                                           gint64           enterprise_id,
                                           GaTemplate      *tmpl,
                                           const char      *title,
                                           int              year,
                                           const char      *period,
                                           GError         **error);

/* What ga_store_new_assessment_from() carries over besides the answers and
 * the report texts. */
typedef enum {
  GA_CARRY_DEFAULT  = 0,
  GA_CARRY_EVIDENCE = 1 << 0,  /* the links to the evidence files (the same stored bytes) */
} GaCarryFlags;

/* An answer that was not carried over, and why (in English, for logs and
 * the CLI; the application says it in the user's language by item). */
typedef struct {
  char *item_id;
  char *reason;
} GaCarryDropped;

void         ga_carry_dropped_free        (GaCarryDropped  *dropped);

/* Starts an assessment of the enterprise of @previous_id pinned to @tmpl
 * (which must be of the same kind) with what @previous_id holds: every
 * answer whose item @tmpl still has and which reads as an answer to it
 * (the others are added to @dropped, GaCarryDropped*, when it is not
 * NULL), every report text and, with GA_CARRY_EVIDENCE, the evidence links
 * of the items kept. One transaction: all of it or nothing. Each carried
 * answer and text has a history row marked as carried over from the year
 * of @previous_id (GaHistoryEntry.carried_over). @title NULL gives
 * "<template title> <year>". Returns the new id or 0. */
gint64       ga_store_new_assessment_from (GaStore         *store,
                                           gint64           previous_id,
                                           GaTemplate      *tmpl,
                                           const char      *title,
                                           int              year,
                                           const char      *period,
                                           GaCarryFlags     flags,
                                           GPtrArray       *dropped,
                                           GError         **error);
/* The assessment of @enterprise_id a new one of @tmpl for @year would
 * start from: of the same kind and an earlier year (or none given), of the
 * same template id if there is one, the latest year first. @year 0: any
 * year. 0 when there is none (and on an error, which sets @error). */
gint64       ga_store_find_previous_assessment (GaStore    *store,
                                                gint64      enterprise_id,
                                                GaTemplate *tmpl,
                                                int         year,
                                                GError    **error);
/* The year a new assessment of @kind of the enterprise covers by default:
 * the last full year (@current_year - 1), or, when the enterprise has an
 * assessment of that kind for that year or later, the year after its
 * latest one. */
int          ga_store_suggest_year        (GaStore         *store,
                                           gint64           enterprise_id,
                                           GaTemplateKind   kind,
                                           int              current_year);

/* The assessment's pinned template copy, loaded once per content hash and
 * shared (the result is a new reference). */
GaTemplate  *ga_store_load_template       (GaStore         *store,
                                           gint64           assessment_id,
                                           GError         **error);
/* The stored answers, each checked against @tmpl (every problem listed). */
GaAnswerSet *ga_store_load_answer_set     (GaStore         *store,
                                           gint64           assessment_id,
                                           GaTemplate      *tmpl,
                                           GError         **error);
/* The same, keeping every answer that fits @tmpl and adding one line to
 * @problems for each that does not (the answer stays in the store). */
GaAnswerSet *ga_store_load_answer_set_checked (GaStore     *store,
                                              gint64       assessment_id,
                                              GaTemplate  *tmpl,
                                              GPtrArray   *problems,
                                              GError     **error);
/* The stored answer to @item, read against @tmpl; NULL without an error
 * when there is none. */
GaAnswer    *ga_store_get_typed_answer    (GaStore         *store,
                                           gint64           assessment_id,
                                           GaTemplate      *tmpl,
                                           const GaItem    *item,
                                           GError         **error);
/* A copy of @answers of the assessment with the baselines and leading
 * values that the user has not typed looked up in the reference tables
 * (ga_ref_fill_answers()) for the enterprise's industry. */
GaAnswerSet *ga_store_fill_ref_values     (GaStore         *store,
                                           gint64           assessment_id,
                                           GaTemplate      *tmpl,
                                           GaAnswerSet     *answers,
                                           GError         **error);
/* Template + answers (with looked-up reference values), evaluated. */
GaEngine    *ga_store_load_engine         (GaStore         *store,
                                           gint64           assessment_id,
                                           GError         **error);

/* Gives every item whose template says "prefill" the enterprise record's
 * figure or the assessment's year as its default (ga_engine_set_default()):
 * the value counts until the item is answered, and follows the record. */
void         ga_store_prefill_engine      (GaEngine           *engine,
                                           const GaEnterprise *enterprise,
                                           const GaAssessment *assessment);
/* Hand-made demo answers (an answers file's "answers" object) for the
 * bundled template @template_id, or NULL (ga-store-demo-programmes.c). */
const char  *ga_store_demo_answers_for    (const char         *template_id);
/* Gives every item whose "prefill" names a figure of another assessment
 * of the same enterprise and year ("energy.total_tce", "green_factory.score";
 * ga-store-prefill-year.c) that figure as its default, while the figure is
 * complete there. */
void         ga_store_prefill_year        (GaStore            *store,
                                           GaEngine           *engine,
                                           const GaEnterprise *enterprise,
                                           const GaAssessment *assessment);
gboolean     ga_store_prefill_is_year_source (const char      *source);
/* The same, reading the assessment and its enterprise from @store. */
/* ga-store-prefill-members.c: the same for the items of a park assessment
 * that count its member enterprises ("members.count", "members.cp_audit_count",
 * "members.cp_audit_share", "members.green_factory_count"); the figure of
 * one source, NaN when it has none (a factory, no year, no members). */
void         ga_store_prefill_members     (GaStore            *store,
                                           GaEngine           *engine,
                                           const GaEnterprise *enterprise,
                                           const GaAssessment *assessment);
double       ga_store_members_figure      (GaStore            *store,
                                           const char         *source,
                                           const GaEnterprise *park,
                                           const GaAssessment *assessment);
/* The same, reading the assessment and its enterprise from @store; the
 * members' figures too. */
gboolean     ga_store_prefill_assessment  (GaStore         *store,
                                           gint64           assessment_id,
                                           GaEngine        *engine,
                                           GError         **error);

/* Saves @answer (NULL or empty clears it) as ga_answer_to_json() writes
 * it; see ga_store_save_answer(). */
gboolean     ga_store_set_answer          (GaStore         *store,
                                           gint64           assessment_id,
                                           const GaItem    *item,
                                           const GaAnswer  *answer,
                                           GError         **error);
/* Parses @text with ga_answer_parse_text() against the assessment's pinned
 * template and saves it. */
gboolean     ga_store_set_answer_text     (GaStore         *store,
                                           gint64           assessment_id,
                                           const char      *item_id,
                                           const char      *text,
                                           GError         **error);

/* Validates @data with ga_template_new_from_data() and keeps it as a
 * user-imported template (several versions per id; the latest is offered).
 * Returns the loaded template. */
GaTemplate  *ga_store_import_template     (GaStore         *store,
                                           const char      *data,
                                           gssize           length,
                                           const char      *origin,
                                           GError         **error);
/* An imported template; @version NULL = the latest. */
GaTemplate  *ga_store_load_imported_template (GaStore      *store,
                                              const char   *template_id,
                                              const char   *version,
                                              GError      **error);

/* Demo data for "Open demo data": the enterprise 示例企业 (a valid credit
 * code, marked demo) and one partly answered assessment per bundled
 * template kind (green factory, clean production, energy audit) that
 * exists. Does nothing when the demo enterprise is already there. */
gboolean     ga_store_create_demo         (GaStore         *store,
                                           GError         **error);

/* The demo enterprise's credit code. */
#define GA_STORE_DEMO_CREDIT_CODE "91350105MA8TDEM10K"

/* ga-store-demo-park.c: the demo park with the enterprise @member_id as
 * its member and a partly answered park assessment; nothing when it
 * exists already. */
gboolean     ga_store_create_demo_park    (GaStore         *store,
                                           gint64           member_id,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaCarryDropped, ga_carry_dropped_free)

G_END_DECLS
