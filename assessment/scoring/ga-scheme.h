/* ga-scheme.h: the scoring rules of a template as formula trees
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How an item scores (compliance, yes/no, options, the reviewer's points,
 * interpolation, bands, a score formula), when a veto item is met and
 * which clean-production level an indicator reaches are written once, here,
 * as formulas of the formula language generated from the template. The
 * engine evaluates them (ga_engine_get_rule()); the export translates the
 * same trees to Excel, wrapped in the cell formulas below, which say how a
 * result that is blank, not applicable or an error shows in a cell.
 */
#pragma once

#include "ga-formula-build.h"
#include "ga-template.h"

G_BEGIN_DECLS

/* The rule of @item in @tmpl, or NULL when nothing is computed for it:
 *  - a scored item of the points scheme: its score as points (a number; a
 *    multiple choice, whose points depend on the options chosen rather
 *    than on its value, has none);
 *  - a veto item: TRUE while it is met, FALSE when it fails;
 *  - a clean-production indicator: the level it meets, 1..3, 0 below III.
 * Its references are @item itself and what the template's own formulas for
 * the item (benchmarks, thresholds, the score formula) use, so blank, N/A
 * and errors follow the strict-reference rule. @builder, when not NULL, is
 * used (and reset) rather than a new one, for making many rules. */
GaFormula *ga_scheme_item_rule  (GaTemplate       *tmpl,
                                 const GaItem     *item,
                                 GaFormulaBuilder *builder);

/* The rules of every item of @tmpl, by item index (NULL entries where an
 * item has none), followed for the points scheme by its summary formulas
 * (GA_SCHEME_SUM_*): made on the first call and kept with the template, as
 * its parsed formulas are. Borrowed. Safe to call from several threads. */
GPtrArray *ga_scheme_get_rules  (GaTemplate       *tmpl);

/* Whether the engine scores @item in the points scheme (points, not a veto
 * item or a clean-production indicator, a scoring method). */
gboolean   ga_scheme_item_is_scored (GaTemplate   *tmpl,
                                     const GaItem *item);

/* The cell formulas of the submission workbook. @rule is the item's rule
 * (NULL: none) and @rule_ref the name under which it is referenced (the
 * caller resolves it); the item's own value is referenced by its id.
 * Results the engine cannot score show as the engine counts them:
 *  - the score: the N/A points of the item's section's policy when it is
 *    not applicable, 0 while it is blank or an error, else the rule;
 *  - the maximum: the N/A points when it is not applicable, else its
 *    points;
 *  - a veto item: @na_text, "" while pending, else @pass or @fail;
 *  - a clean-production level: @na_text, "" while it cannot be decided,
 *    else the rule. */
GaFormula *ga_scheme_score_cell (const GaItem *item,
                                 GaFormula    *rule,
                                 const char   *rule_ref);
GaFormula *ga_scheme_max_cell   (const GaItem *item,
                                 GaFormula    *rule,
                                 const char   *rule_ref);
GaFormula *ga_scheme_veto_cell  (const GaItem *item,
                                 GaFormula    *rule,
                                 const char   *rule_ref,
                                 const char   *na_text,
                                 const char   *pass,
                                 const char   *fail);
GaFormula *ga_scheme_level_cell (const GaItem *item,
                                 GaFormula    *rule,
                                 const char   *rule_ref,
                                 const char   *na_text);

/* ---------------------------------------------------------------------- */
/* Sums and the summary (ga-scheme-summary.c)                              */

/* The names the formulas below read. The engine binds them to its results
 * as the workbook's cells show them; the export binds them to those cells:
 *  - "score:" and "max:" + an item id: its score and maximum (a number; a
 *    veto item's score is the text its cell shows, see ga_scheme_veto_cell);
 *  - "section-score:" and "section-max:" + a section id: its subtotal;
 *  - GA_SCHEME_TOTAL_SCORE, GA_SCHEME_TOTAL_MAX, GA_SCHEME_VETO_STATUS. */
#define GA_SCHEME_SCORE          "score:"
#define GA_SCHEME_MAX            "max:"
#define GA_SCHEME_SECTION_SCORE  "section-score:"
#define GA_SCHEME_SECTION_MAX    "section-max:"
#define GA_SCHEME_TOTAL_SCORE    "total:score"
#define GA_SCHEME_TOTAL_MAX      "total:max"
#define GA_SCHEME_VETO_STATUS    "total:veto"

/* The texts the summary formulas compare and give: a veto item's cell when
 * it is met or fails, the veto status, whether the pass mark is reached. */
typedef struct {
  const char *veto_met;
  const char *veto_failed;
  const char *pass;
  const char *pending;
  const char *fail;
  const char *yes;
  const char *no;
} GaSchemeLabels;

/* The references of the summary formulas below carry a tag
 * (ga_formula_ref_tag()) that says which cell they name without looking the
 * name up: its kind, the item's or section's index (for the totals 0 for
 * the score and maximum, 1 for the veto status) and 0 for a score, 1 for a
 * maximum. */
enum {
  GA_SCHEME_CELL_ITEM = 1,
  GA_SCHEME_CELL_SECTION = 2,
  GA_SCHEME_CELL_TOTAL = 3,
};
#define GA_SCHEME_CELL_TAG(kind, index, max) ((((guint) (index) * 2u + ((max) ? 1u : 0u)) << 2) | (guint) (kind))
#define GA_SCHEME_CELL_TAG_KIND(tag) ((tag) & 3u)
#define GA_SCHEME_CELL_TAG_SLOT(tag) ((tag) >> 2)

/* The texts of the engine's own copies of the summary formulas. */
extern const GaSchemeLabels ga_scheme_engine_labels;

/* Where ga_scheme_get_rules() keeps the points scheme's summary formulas
 * as the engine evaluates them (with ga_scheme_engine_labels, and each
 * grade's position as its label), after the items' rules: first each
 * section's score and maximum (2 × section index + 0 or 1), then these. */
enum {
  GA_SCHEME_SUM_TOTAL_SCORE,
  GA_SCHEME_SUM_TOTAL_MAX,
  GA_SCHEME_SUM_BONUS,
  GA_SCHEME_SUM_VETO,
  GA_SCHEME_SUM_GRADE,
  GA_SCHEME_SUM_PASSED,
  GA_SCHEME_SUM_N,
};

/* Appends the summary formulas above to @rules (NULL where the template has
 * none: no bonus item, no veto item, no grades). */
void       ga_scheme_append_summary  (GaTemplate      *tmpl,
                                      GPtrArray       *rules);

/* Whether @item's score adds up into its section's subtotal: scored, not
 * a bonus item. */
gboolean   ga_scheme_item_adds_up    (GaTemplate      *tmpl,
                                      const GaItem    *item);
/* The points of @section (NULL: the template's total) as stated, or the
 * sum of what adds up below it. */
double     ga_scheme_section_points  (GaTemplate      *tmpl,
                                      const GaSection *section);
/* The subtotal of @section (NULL: the total over the first-level sections)
 * under its N/A policy: its score, or with @max its attainable maximum.
 * "renormalise" keeps the stated points as the maximum and scales the
 * earned points by stated / applicable maximum. */
GaFormula *ga_scheme_section_sum     (GaTemplate      *tmpl,
                                      const GaSection *section,
                                      gboolean         max);
/* The bonus: the bonus items' scores added up, at most the template's cap;
 * NULL when the template has no scored bonus item. */
GaFormula *ga_scheme_bonus           (GaTemplate      *tmpl);
/* The veto status: @labels->fail when a veto item fails, ->pending while
 * one is still open, else ->pass; NULL when the template has no veto item. */
GaFormula *ga_scheme_veto_status     (GaTemplate           *tmpl,
                                      const GaSchemeLabels *labels);
/* The grade reached: @grade_labels[i] for the first of the template's
 * grades whose minimum the total meets, "" for none or when the veto
 * status fails; NULL when the template has no grades. */
GaFormula *ga_scheme_grade           (GaTemplate           *tmpl,
                                      const char * const   *grade_labels,
                                      const GaSchemeLabels *labels);
/* Whether the assessment passes: the veto status passes and the total
 * reaches the pass mark (when there is one): @labels->yes or ->no. */
GaFormula *ga_scheme_passed          (GaTemplate           *tmpl,
                                      const GaSchemeLabels *labels);
/* @part / @whole as a rate while @part is a number and @whole above 0,
 * else "". */
GaFormula *ga_scheme_rate            (const char           *part,
                                      const char           *whole);
/* The total of a table column: SUM(@range), @range a table.column. */
GaFormula *ga_scheme_column_total    (const char           *range);
/* The share of @part (a column of the row) in the column @range, while
 * @part is a number and the total not 0, else "". */
GaFormula *ga_scheme_share           (const char           *part,
                                      const char           *range);

/* ---------------------------------------------------------------------- */
/* Clean production (ga-scheme-cp.c)                                       */

/* A first-level category and its weighted indicators, in template order. */
typedef struct {
  const GaSection *section;
  GPtrArray       *indicators;   /* GaItem*, borrowed */
} GaSchemeCategory;

/* The names the clean-production formulas read: "cp-" @what ":" @id.
 * Per indicator (@id the item's): "weight", "level", "applies", "eff",
 * "met1".."met3"; per category (@id the section's):
 * "cat-weight", "cat-applies", "cat-eff" and the ranges "weights",
 * "applies", "levels" of its indicators; over every indicator (@id NULL)
 * the ranges "all-applies", "all-levels", "all-eff", "all-met1".."all-met3";
 * the indices "index" 1..3, the level "level" (@id NULL), and the answer
 * ranges "inputs" 0, 1, … of ga_scheme_cp_level(). */
char      *ga_scheme_cp_name               (const char *what,
                                            const char *id);
/* The categories of @tmpl that have indicators (GaSchemeCategory*). */
GPtrArray *ga_scheme_cp_categories         (GaTemplate *tmpl);
gboolean   ga_scheme_cp_weight_is_constant (GaFormula  *weight);
/* 1 when the category applies, else 0; @other_inputs: something else
 * below it applies, so it applies even with every indicator N/A. */
GaFormula *ga_scheme_cp_category_applies   (const GaSchemeCategory *cat,
                                            gboolean                other_inputs);
/* The category's weight over the categories that apply. */
GaFormula *ga_scheme_cp_category_eff       (GaTemplate             *tmpl,
                                            GPtrArray              *cats,
                                            const GaSchemeCategory *cat);
/* An indicator's effective weight: its share of its category's applicable
 * weights times the category's effective weight. */
GaFormula *ga_scheme_cp_eff                (const GaSchemeCategory *cat,
                                            const GaItem           *item);
/* The indicator's value as shown, "" while blank. */
GaFormula *ga_scheme_cp_value              (const GaItem           *item);
/* 1 when the indicator meets level @k (1..3) or better, else 0. */
GaFormula *ga_scheme_cp_met                (const GaItem           *item,
                                            guint                   k);
/* Y_(k+1) = 100 × Σ effective weight × met, @k 0..2. */
GaFormula *ga_scheme_cp_index              (GaTemplate             *tmpl,
                                            GPtrArray              *cats,
                                            guint                   k);
/* The level reached (0 below level III) by the template's level rules, ""
 * while it cannot be decided: a weight or level of an applicable category
 * (@applicable) missing, a blank in the @n_input_ranges answer ranges, or
 * @engine_only, a reason the workbook does not hold. */
GaFormula *ga_scheme_cp_level              (GaTemplate             *tmpl,
                                            GPtrArray              *cats,
                                            GPtrArray              *applicable,
                                            guint                   n_input_ranges,
                                            gboolean                engine_only);
/* The level's name: @labels[i] for the template's level rule i, @below for
 * 0, @undetermined_text for "". */
GaFormula *ga_scheme_cp_level_label        (GaTemplate             *tmpl,
                                            const char * const     *labels,
                                            const char             *undetermined_text,
                                            const char             *below);

G_END_DECLS
