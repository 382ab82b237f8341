/* ga-engine.h: evaluation of a template against answers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga_engine_new() compiles a validated template once into a dependency
 * graph in topological order. ga_engine_set_answer() recomputes only what
 * depends on the changed answer; the result is always exactly what a full
 * ga_engine_evaluate() gives (tests/test-engine.c checks this as a
 * property over random answer sequences).
 */
#pragma once

#include "ga-answer.h"

G_BEGIN_DECLS

typedef enum {
  GA_STATUS_COMPLETE,    /* answered / computable */
  GA_STATUS_INCOMPLETE,  /* something it needs is not answered yet */
  GA_STATUS_NA,          /* not applicable */
  GA_STATUS_ERROR,       /* a formula error (value holds it) */
} GaStatus;

typedef enum {
  GA_VETO_PASS,          /* every veto item answered and met */
  GA_VETO_FAIL,          /* at least one veto item failed */
  GA_VETO_PENDING,       /* none failed, some not answered yet */
} GaVetoStatus;

typedef struct {
  GaValue   value;        /* items: answer or computed value; sections: score; outputs: value */
  double    score;        /* points earned; NaN when not scored */
  double    max;          /* points possible after the N/A policy; NaN when not scored */
  GaStatus  status;
  int       level;        /* clean production: best level met (1..3), 0 below III, -1 none */
  double    weight;       /* clean production: effective (renormalised) weight, else NaN */
  gboolean  veto_failed;  /* veto items: the answer fails the requirement */
  gboolean  noncompliant; /* answered and not (fully) met */
  guint     answered;     /* sections: answered items below it; items: 0 or 1 */
  guint     total;        /* sections: answerable items below it */
  gboolean  unverified;   /* the item is "verified": false, or it used (directly or through
                           * what it is computed from) a value that is: a FACTOR() look-up
                           * of an unverified row or table, an unverified item */
} GaResult;

typedef struct {
  double        score;        /* base score (bonus excluded) */
  double        max;
  double        bonus;        /* 附加项, capped */
  GaStatus      status;
  GaVetoStatus  veto;
  GPtrArray    *veto_failures;  /* GaItem*, borrowed */
  const GaGrade *grade;         /* NULL when no grade applies */
  gboolean      passed;         /* veto passed and score >= pass score (if any) */
  double        index[3];       /* clean production Y_I, Y_II, Y_III; NaN otherwise */
  int           level;          /* clean production level 1..3, 0 below III; -1 not a CP
                                 * template, or not determined yet (an indicator or a weight
                                 * is incomplete or an error: see ga_engine_explain_summary()) */
  guint         answered;
  guint         total;
} GaSummary;

typedef struct {
  GaItem *item;   /* borrowed */
  double  gain;   /* points the item would add if fully met */
} GaImprovement;

typedef struct _GaEngine GaEngine;

GaEngine        *ga_engine_new                (GaTemplate       *tmpl);
/* The same as ga_engine_new() followed by ga_engine_set_answers(), with
 * one evaluation instead of two. */
GaEngine        *ga_engine_new_with_answers   (GaTemplate       *tmpl,
                                               GaAnswerSet      *answers);
GaEngine        *ga_engine_ref                (GaEngine         *engine);
void             ga_engine_unref              (GaEngine         *engine);
GaTemplate      *ga_engine_get_template       (GaEngine         *engine);

/* Replaces all answers (copied) and evaluates everything. */
void             ga_engine_set_answers        (GaEngine         *engine,
                                               GaAnswerSet      *answers);
/* The engine's own copy of the answers. */
GaAnswerSet     *ga_engine_get_answers        (GaEngine         *engine);
/* Changes one answer (copied; NULL clears it) and recomputes only what
 * depends on it. Fails for unknown or computed items. */
gboolean         ga_engine_set_answer         (GaEngine         *engine,
                                               const char       *item_id,
                                               const GaAnswer   *answer,
                                               GError          **error);
/* Evaluates everything from scratch. */
void             ga_engine_evaluate           (GaEngine         *engine);

/* Defaults: the value an item takes while it has no answer, such as the
 * value added of the enterprise record for an item whose template says
 * "prefill": "enterprise.value_added". An answer overrides it; clearing the
 * answer brings the default back. The default is not an answer: it is not
 * in ga_engine_get_answers() and is never saved. @answer NULL removes it.
 * Fails for unknown or computed items and for a value the item refuses. */
gboolean         ga_engine_set_default        (GaEngine         *engine,
                                               const char       *item_id,
                                               const GaAnswer   *answer,
                                               GError          **error);
/* The item's default, or NULL. */
const GaAnswer  *ga_engine_get_default        (GaEngine         *engine,
                                               const GaItem     *item);
/* TRUE when the item has no answer and shows its default. */
gboolean         ga_engine_uses_default       (GaEngine         *engine,
                                               const GaItem     *item);
/* Gives @dest (an engine of the same template) the defaults of @src. */
void             ga_engine_copy_defaults      (GaEngine         *dest,
                                               GaEngine         *src);

const GaResult  *ga_engine_get_item_result    (GaEngine         *engine,
                                               const GaItem     *item);
const GaResult  *ga_engine_get_section_result (GaEngine         *engine,
                                               const GaSection  *section);
const GaResult  *ga_engine_get_output_result  (GaEngine         *engine,
                                               const GaOutput   *output);
/* Item, section or output by id; NULL if none. */
const GaResult  *ga_engine_lookup             (GaEngine         *engine,
                                               const char       *id);
const GaSummary *ga_engine_get_summary        (GaEngine         *engine);

/* The formula the engine scores @item with (ga-scheme.h): its score as
 * points, the condition a veto item meets, or the level a clean-production
 * indicator reaches; NULL when it has none. Borrowed. */
GaFormula       *ga_engine_get_rule           (GaEngine         *engine,
                                               const GaItem     *item);

/* Evaluates @formula against the current results: its names are bound as
 * in the template's own formulas (items, sections, outputs, table.column
 * ranges, FACTOR look-ups), and the names of the summary formulas
 * (ga-scheme.h: "score:ID", "section-score:ID", the total…) to the results
 * as the workbook shows them. For figures the engine does not keep (a
 * benchmark's value, a column total, a rate). @result is cleared first. */
void             ga_engine_evaluate_formula   (GaEngine         *engine,
                                               GaFormula        *formula,
                                               GaValue          *result);
/* The same in row @row of the table item @table: its column ids name the
 * row's cells. */
void             ga_engine_evaluate_row_formula (GaEngine     *engine,
                                                 GaFormula    *formula,
                                                 const GaItem *table,
                                                 guint         row,
                                                 GaValue      *result);

/* Table items: evaluated cells (answers and computed columns). */
guint            ga_engine_get_n_rows         (GaEngine         *engine,
                                               const GaItem     *table);
const GaValue   *ga_engine_get_cell           (GaEngine         *engine,
                                               const GaItem     *table,
                                               guint             row,
                                               guint             column);

/* The trace: how the value and score of an item, section or output came
 * about, in words a consultant understands ("6.5 of 10: 0.85 lies 65 % of
 * the way from the baseline 0.80 to the leading value 0.90"). Built on
 * demand; translated with gettext. NULL for an unknown id. */
char            *ga_engine_explain            (GaEngine         *engine,
                                               const char       *id);
/* Overall: total, veto, grade, or the clean-production level and what
 * blocks the next level. */
char            *ga_engine_explain_summary    (GaEngine         *engine);

/* A number as the template's format ("0.00") shows it, rounded as Excel
 * shows it; without a format, at most 10 significant digits. */
char            *ga_engine_format_number      (double            number,
                                               const char       *format);
/* The value of the item or output @id as it is shown: formatted by its
 * "format" ("0", "0.0", "0.00", "0.0%", "#,##0.00", …), else integers as
 * they are and other numbers with up to 4 decimals (no E notation for
 * ordinary magnitudes); text, TRUE/FALSE, "N/A", error codes as they are;
 * "" for blank. No unit. NULL for an unknown id. The results JSON keeps the
 * exact double. */
char            *ga_engine_format_value       (GaEngine         *engine,
                                               const char       *id);

/* Unmet scored items, largest possible gain first. GaImprovement*, owned. */
GPtrArray       *ga_engine_get_improvements   (GaEngine         *engine);

/* How far an answered item meets its requirement. */
typedef enum {
  GA_MET_NONE,      /* not answered, N/A, not scored or cannot be computed */
  GA_MET_FULL,      /* full points, or a level reached */
  GA_MET_PARTIAL,   /* some points but not all (6.875 of 11, 部分符合) */
  GA_MET_NOT,       /* no points, a failed veto, below level III */
} GaMet;

GaMet            ga_result_get_met            (const GaResult   *result);
/* Counts of the items below @section (NULL: all items) by how far they
 * are met (a veto item answered and not failed is met); any pointer may
 * be NULL. */
void             ga_engine_count_met          (GaEngine         *engine,
                                               const GaSection  *section,
                                               guint            *full,
                                               guint            *partial,
                                               guint            *not_met);

/* Machine-readable results (documented in docs/template-format.md). */
JsonNode        *ga_engine_results_to_json    (GaEngine         *engine);

const char      *ga_status_to_string          (GaStatus          status);
const char      *ga_veto_status_to_string     (GaVetoStatus      veto);
/* Translated forms of the two above, for text shown to users. */
const char      *ga_status_to_display         (GaStatus          status);
const char      *ga_veto_status_to_display    (GaVetoStatus      veto);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaEngine, ga_engine_unref)

G_END_DECLS
