/* ga-compare.h: two assessments side by side (last year and this year)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each assessment is scored by its own engine, with the template copy it
 * is pinned to; the comparison matches items and sections by id. The
 * structure is that of B (usually the newer one); what only A has is
 * gathered at the end. Differences are B minus A.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ga-engine.h"

G_BEGIN_DECLS

typedef struct {
  const char   *id;
  const GaItem *item_a;         /* NULL: not in A's template */
  const GaItem *item_b;         /* NULL: not in B's template */
  char         *answer_a;       /* the answer as shown ("–" when there is none) */
  char         *answer_b;
  double        score_a;        /* points earned; NaN when not scored */
  double        score_b;
  double        max_a;          /* points possible; NaN when not scored */
  double        max_b;
  double        difference;     /* score_b - score_a; NaN when either is NaN */
  gboolean      answer_changed; /* the answers differ (values, rows, N/A, note) */
  gboolean      changed;        /* the answer or the score differs */
} GaCompareItem;

typedef struct {
  const char      *id;          /* NULL for the items only A has */
  const GaSection *section_a;   /* NULL: not in A's template */
  const GaSection *section_b;   /* NULL: not in B's template, or the items only A has */
  guint            depth;
  double           score_a;
  double           max_a;
  double           score_b;
  double           max_b;
  double           difference;
  GPtrArray       *items;       /* GaCompareItem*, the section's own items */
  gboolean         changed;     /* an item of it changed, or its score did */
} GaCompareSection;

typedef struct _GaComparison GaComparison;

/* Compares the current results of @a and @b (both evaluated). */
GaComparison     *ga_comparison_new          (GaEngine      *a,
                                              GaEngine      *b);
void              ga_comparison_free         (GaComparison  *comparison);

GaEngine         *ga_comparison_get_engine   (GaComparison  *comparison,
                                              gboolean       b);
/* GaCompareSection*, in B's order (nested sections after their parent),
 * then the items only A has (id NULL) when there are any. */
GPtrArray        *ga_comparison_get_sections (GaComparison  *comparison);
/* By item id; NULL when neither has it. */
const GaCompareItem *ga_comparison_find_item (GaComparison  *comparison,
                                              const char    *item_id);
/* Totals: base score, maximum and their difference (B - A). */
double            ga_comparison_get_difference (GaComparison *comparison);
guint             ga_comparison_get_n_changed  (GaComparison *comparison);

/* Everything above as JSON (docs/cli.md, "assessment compare"). */
JsonNode         *ga_comparison_to_json      (GaComparison  *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaComparison, ga_comparison_free)

G_END_DECLS
