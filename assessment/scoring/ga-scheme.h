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
 * item has none): made on the first call and kept with the template, as
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

G_END_DECLS
