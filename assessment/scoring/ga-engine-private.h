/* ga-engine-private.h: the engine's compiled plan and state, shared by its source files
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-engine.h"
#include "ga-template-private.h"

G_BEGIN_DECLS

/* How one reference of a formula finds its value: bound once when the
 * engine is built, so evaluation never looks a name up. */
typedef enum {
  GA_BIND_BLANK,     /* unresolvable (never in a validated template) */
  GA_BIND_VALUE,     /* a fixed slot: an item, section or output value */
  GA_BIND_ROW_CELL,  /* a column of the table whose row is being evaluated */
  GA_BIND_RANGE,     /* a whole column of a table */
} GaBindKind;

typedef struct {
  GaBindKind     kind;
  guint          table;    /* ROW_CELL / RANGE: table item index */
  guint          column;   /* ROW_CELL / RANGE: column index */
  const GaValue *value;    /* VALUE */
} GaBinding;

typedef struct {
  GaFormula *formula;      /* NULL: absent */
  GaBinding *bindings;
  gboolean   constant;     /* no references and no look-ups: @value is the result */
  GaValue    value;
} GaCompiled;

/* Applicability as a three-way answer plus failure. */
typedef enum {
  GA_APPLIES,
  GA_APPLIES_NOT,
  GA_APPLIES_UNKNOWN,    /* the condition needs an answer that is not given yet */
  GA_APPLIES_ERROR,
} GaApplicability;

/* Why an item is not applicable. */
typedef enum {
  GA_NA_NONE,
  GA_NA_ANSWER,          /* answered 不适用 */
  GA_NA_SECTION,         /* a section above is not applicable */
  GA_NA_CONDITION,       /* its own applicable formula is FALSE */
  GA_NA_VALUE,           /* its computed value or score is N/A (inputs not applicable) */
} GaNaCause;

typedef struct {
  GaCompiled   applicable;
  GaCompiled   value;
  GaCompiled   weight;
  GaCompiled   score;        /* FORMULA */
  GaCompiled   baseline;
  GaCompiled   leading;
  GaCompiled   bench[3];
  GaCompiled  *bands;
  guint        n_bands;

  /* Evaluated details, kept for explanations (not read by other nodes). */
  GaNaCause    na_cause;
  GaApplicability applies;
  GaValue      condition;    /* value of the item's own applicable formula */
  GaValue      problem;      /* the error or blank that stopped scoring */
  double       baseline_v;
  double       leading_v;
  double       bench_v[3];   /* NaN = not defined */
  int          band_hit;     /* index of the band met, -1 = otherwise */
  double       option_points;

  /* The chosen option of a choice answer, found when the answer is set. */
  const GaOption *option;

  /* Read by the category node (clean production): compared for changes. */
  double       raw_weight;   /* ω_ij as evaluated; NaN when unknown */
  GaStatus     weight_status;
} GaItemState;

typedef struct {
  GaCompiled      applicable;
  GaApplicability state;
  gboolean        from_parent;  /* NOT/UNKNOWN/ERROR inherited from above */
  GaValue         value;        /* the condition's value */
} GaSectionApplicable;

typedef struct {
  GaCompiled   weight;
  double       full_points;     /* stated or summed points, for award and renormalise */

  /* Aggregates read by the parent section and the summary. */
  double       bonus;
  guint        veto_fail;
  guint        veto_pending;
  double       na_points;       /* points of N/A children (explanations) */
  double       applicable_max;  /* max before the N/A policy */
  /* clean production (first-level sections) */
  double       w;               /* w_i as evaluated; NaN when unknown */
  GaStatus     w_status;
  double       index[3];        /* category's Σ ω'·100·[level ≤ k] */
  double       weight_sum;      /* Σ ω of applicable indicators */
  int          limiting_worst;  /* worst level of applicable limiting indicators (4 = not met) */
  int          others_worst;
  GPtrArray   *indicators;      /* GaItem*, every weighted item below (first-level only) */
} GaSectionState;

typedef struct {
  GaCompiled  *columns;         /* per column: the compiled row formula (computed columns) */
  GaValue    **cells;           /* per column: its values, one per row */
  guint       *length;          /* per column: rows held */
  guint       *capacity;        /* per column */
  GPtrArray   *fixed_rows;      /* GaRow*, the template's prefilled rows */
} GaTableState;

struct _GaEngine {
  gint             ref_count;
  GaTemplate      *tmpl;
  GaAnswerSet     *answers;
  const GaAnswer **answer_of;   /* per item, borrowed from @answers */

  GaResult        *items;
  GaResult        *sections;
  GaResult        *outputs;
  GaItemState     *istate;
  GaSectionApplicable *sa;
  GaSectionState  *sstate;
  GaCompiled      *output_formula;
  GaTableState    *tables;      /* per item; only tables are set up */

  GPtrArray       *veto_items;  /* GaItem* */
  GaSummary        summary;

  GHashTable      *exact_keys;  /* GaLookupTable* -> (key -> GaTableRow*) */

  /* Incremental updates: a min-heap of topological positions. */
  guint           *heap;
  guint            heap_len;
  guint8          *queued;
};

/* ga-engine.c, for the explanations and the JSON */
const GaValue *ga_engine_item_value   (GaEngine *engine,
                                       guint     item);
/* The N/A policy that decides how @item counts while it is not applicable. */
GaNaPolicy     ga_engine_item_na_policy (GaEngine     *engine,
                                         const GaItem *item);
gboolean       ga_engine_option_of    (const GaItem   *item,
                                       const char     *id,
                                       const GaOption **option);

G_END_DECLS
