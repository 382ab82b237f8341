/* ga-engine-private.h: the engine's compiled plan and state, shared by its source files
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "ga-engine.h"
#include "ga-engine-rules.h"
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
  GaBindKind      kind;
  guint           table;    /* ROW_CELL / RANGE: table item index */
  guint           column;   /* ROW_CELL / RANGE: column index */
  const GaValue  *value;    /* VALUE */
  const GaResult *result;   /* VALUE of an item, section or output: its result (status) */
  guint           node;     /* the graph node it reads (G_MAXUINT: none) */
} GaBinding;

typedef struct {
  GaFormula *formula;      /* NULL: absent */
  GaBinding *bindings;
  gboolean   constant;     /* no references and no look-ups: @value is the result */
  gboolean   watch;        /* has a range or a result binding */
  const GaValue **values;  /* set: every reference reads a value that stays put */
  /* Every reference is strict and reads an item, section or output (or
   * nothing): @values holds them, and the evaluation reads them without
   * asking the engine (see ga_engine_eval_formula()). */
  gboolean   strict_values;
  guint      n_refs;
  GaValue    value;
} GaCompiled;

/* Where an unverified value that a node used comes from: a FACTOR()
 * look-up that hit a row (or table) with "verified": false, or an item with
 * "verified": false upstream. Nothing set: every value it used is
 * verified. */
typedef struct {
  const GaLookupTable *table;
  const GaTableRow    *row;
  const GaItem        *item;
} GaOrigin;

/* An incomplete input that a formula read while it was evaluated: a range of
 * an incomplete table, or a value marked incomplete. */
typedef struct {
  guint       table;    /* G_MAXUINT: no range */
  guint       column;
  const char *name;     /* the value's name, or NULL */
} GaGap;

/* Per column of a table: what its cells hold, for the formulas that use the
 * column as a range. */
enum {
  GA_COLUMN_REQUIRED_BLANK = 1 << 0,   /* a required cell is empty */
  GA_COLUMN_ERROR          = 1 << 1,   /* a cell is an error */
  GA_COLUMN_TABLE_NA       = 1 << 2,   /* the table is answered 不适用 */
};

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

/* The template's parts of an item's rule, evaluated for explanations only. */
typedef struct {
  GaCompiled   baseline;
  GaCompiled   leading;
  GaCompiled   bench[3];
  GaCompiled  *bands;
  guint        n_bands;
} GaItemParts;

/* An item's formulas point into the engine's packed array of them (in
 * item order), or at its empty one when the item has none. */
typedef struct {
  GaCompiled  *applicable;
  GaCompiled  *value;
  GaCompiled  *weight;
  GaFormula   *rule_formula; /* score, veto condition or level (ga-scheme.c); the template's */
  GaCompiled  *rule;
  /* The template's parts of the rule, bound when an explanation first
   * asks for them (ga_engine_item_details()); NULL until then. */
  GaItemParts *parts;

  /* Evaluated details, kept for explanations (not read by other nodes);
   * the details of the score are filled in by ga_engine_item_details(). */
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
  /* Complete by itself, but computed from something incomplete (a table
   * with missing cells, a value that is itself incomplete): what it read. */
  gboolean     inputs_incomplete;
  GaGap        gap;

  /* Read by the category node (clean production): compared for changes;
   * ω_ij itself is in the engine's raw_weight. */
  GaStatus     weight_status;
} GaItemState;

typedef struct {
  GaCompiled      applicable;
  GaApplicability state;
  gboolean        from_parent;  /* NOT/UNKNOWN/ERROR inherited from above */
  GaValue         value;        /* the condition's value */
} GaSectionApplicable;

/* An item directly below a section that feeds it (ga_item_feeds_section()),
 * with what the section reads of it fixed by the template. */
enum {
  GA_CHILD_COUNTS = 1 << 0,     /* its points add up in the section */
  GA_CHILD_VETO   = 1 << 1,
  GA_CHILD_BONUS  = 1 << 2,
  GA_CHILD_LIMITING = 1 << 3,   /* indicators: a limiting indicator */
};

typedef struct {
  guint        index;
  guint        flags;           /* GA_CHILD_* */
  double       points;
} GaSectionChild;

typedef struct {
  GaCompiled   weight;
  double       full_points;     /* stated or summed points, for award and renormalise */
  GaSectionChild *children;     /* the items feeding it, in order */
  guint        n_children;
  GaSectionChild *weighted;     /* the items of @indicators, in order */

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
  GaRuleShape *shapes;          /* per column: its formula's shape (ga-engine-rules.c) */
  GaValue    **cells;           /* per column: its values, one per row */
  guint       *length;          /* per column: rows held */
  guint       *capacity;        /* per column */
  guint8      *flags;           /* per column: GA_COLUMN_* */
  GPtrArray   *fixed_rows;      /* GaRow*, the template's prefilled rows */
} GaTableState;

/* One subtotal of the points scheme (ga_scheme_section_sum()): the SUM()
 * of its terms' scores and of their maxima, and for "renormalise" the IF()
 * that scales them, evaluated without the formula evaluator
 * (ga-engine-sums.c). The sums follow each change of a term by its
 * difference while every term is a small multiple of 2^-10, where no
 * addition rounds and the difference gives the bits SUM() gives; else the
 * sum is added up again, grouped as the formula groups it. */
typedef struct {
  GaValue    **terms;           /* each term's score cell; its maximum cell follows it */
  guint        n_terms;
  /* A longer sum (more than 255 terms) keeps the SUM() of each group of
   * 255 as the formula nests it, and adds up again only the groups whose
   * terms changed: per group, the two sums and which of them is stale. */
  double      *group_sum;       /* 2 per group: score, maximum */
  guint8      *group_stale;     /* per group: 1 << m for stale sum m */
  gboolean     renormalise;
  double       stated;          /* the stated points ("renormalise") */
  double       sum[2];          /* Σ score, Σ maximum, while not stale */
  guint        inexact[2];      /* terms that are not small multiples of 2^-10 */
  gboolean     stale[2];
} GaSumPlan;

/* The points scheme's subtotals and summary (ga-engine-sums.c): the
 * formulas of ga-scheme-summary.c, bound to cells holding the results as
 * the workbook shows them. */
typedef struct {
  gboolean     active;          /* the points scheme */
  GaValue     *item_cells;      /* 2 per item: score, maximum */
  GaValue     *section_cells;   /* 2 per section: score, maximum */
  GaValue      total_cells[3];  /* total score, maximum, veto status */
  GaSumPlan   *plans;           /* per section, then the total, then the bonus */
  GaValue    **plan_terms;      /* the terms of every plan */
  guint       *item_term;       /* per item: its term in the plan its cells feed */
  guint       *section_term;    /* per section: its term in the plan above it */
  GaCompiled   veto;
  GPtrArray   *bonus_items;     /* GaItem*, scored bonus items */
  /* What each item's cells feed (GA_SUMS_*), and whether the veto and the
   * bonus formulas must be evaluated again: only when one of their cells
   * changed, so an update does not walk every veto item. */
  guint8      *role;
  gboolean     veto_dirty;
  /* How many veto cells read failed and how many are open (""): the
   * veto status formula gives another answer only when one of these
   * becomes or stops being zero. */
  guint        veto_failed;
  guint        veto_open;
  gboolean     bonus_dirty;
  double       bonus_value;
  char        *veto_text;
  /* Likewise per section, for the formulas of its score and maximum, which
   * read only the cells directly below it; and for the total, which reads
   * the first-level sections' cells, and the grade and the pass, which
   * read the total's cells. */
  guint8      *section_dirty;   /* per section: GA_SUMS_*_DIRTY */
  double      *section_value;   /* 2 per section: score, maximum */
  guint8       total_dirty;     /* GA_SUMS_*_DIRTY */
  gboolean     summary_dirty;
  double       total_value[2];
  gboolean     has_veto;        /* some item is a veto item */
  const GaGrade *grade;         /* the grade reached, or NULL */
  gboolean     passed;
} GaEngineSums;

enum {
  GA_SUMS_ADDS_UP = 1 << 0,
  GA_SUMS_VETO = 1 << 1,
  GA_SUMS_BONUS = 1 << 2,
};

/* Which of a section's formulas must be evaluated again. */
enum {
  GA_SUMS_SCORE_DIRTY = 1 << 0,
  GA_SUMS_MAX_DIRTY = 1 << 1,
  GA_SUMS_SAME = 1 << 2,   /* a veto cell changed, the veto status cannot */
};

/* What the first-level sections add up to in the summary, kept as each of
 * them is evaluated, so the summary does not walk them after every answer. */
typedef struct {
  guint answered;
  guint total;
  guint veto_fail;
  guint veto_pending;
  guint n_na;
  guint n_error;
  guint n_incomplete;
} GaRootTally;

struct _GaEngine {
  gint             ref_count;
  GaTemplate      *tmpl;
  GaAnswerSet     *answers;
  /* Values an item takes while it has no answer (the enterprise record's
   * value added, the assessment's year): NULL until one is set. */
  GaAnswerSet     *defaults;
  const GaAnswer **answer_of;   /* per item, borrowed from @answers or @defaults */

  GaResult        *items;
  double          *raw_weight;  /* per item: ω_ij as evaluated; NaN when unknown */
  GaResult        *sections;
  GaResult        *outputs;
  GaItemState     *istate;
  GaCompiled      *item_formulas;   /* the items' formulas that are there, packed */
  /* Per item: the shape of its rule the engine evaluates directly
   * (ga-engine-rules.c), GA_RULE_GENERIC for the formula evaluator; and
   * the tests of every shape. */
  GaRuleShape     *rule_shapes;
  GaRuleTest      *rule_tests;
  GaCompiled       no_formula;      /* what an absent formula points at */
  GaSectionApplicable *sa;
  GaSectionState  *sstate;
  GaCompiled      *output_formula;
  GaTableState    *tables;      /* per item; only tables are set up */

  GPtrArray       *veto_items;  /* GaItem* */
  GaSummary        summary;
  /* Whether a veto item's result changed since the summary listed the
   * failed ones (ga_engine_update_summary()). */
  gboolean         veto_list_dirty;
  GaRootTally      roots;
  GaEngineSums     sums;

  GHashTable      *exact_keys;  /* GaLookupTable* -> (key -> GaTableRow*) */
  /* The table and column of the last look-up (column 0: none yet). */
  GaLookupTable   *lookup_table;
  GHashTable      *lookup_exact;
  guint            lookup_column;

  /* The blocks the bindings of every formula come from
   * (ga_engine_alloc_bindings()). */
  GPtrArray       *binding_blocks;
  GaBinding       *binding_next;
  guint            binding_left;
  /* Likewise the values arrays of strict formulas. */
  const GaValue  **values_next;
  guint            values_left;

  /* Unverified values: per node, and the first unverified look-up hit by
   * the node being evaluated. */
  GaOrigin        *origin;
  GaOrigin         hit;
  guint8          *may_be_unverified;   /* per node, fixed by the template: skip the rest */

  /* Incomplete inputs read by the node being evaluated (@gap_self, the
   * item whose score formulas read its own value, is not counted). */
  GaGap            gap;
  const GaResult  *gap_self;
  GaGap           *output_gaps;   /* per output */

  /* Incremental updates: a min-heap of topological positions. */
  guint           *heap;
  guint            heap_len;
  guint8          *queued;
};

/* Shared by the engine's source files. */
/* @n zeroed bindings, freed with the engine. */
GaBinding *ga_engine_alloc_bindings (GaEngine *engine,
                                     guint     n);
/* @item's rule parts, bound on first use. */
GaItemParts *ga_engine_item_parts (GaEngine     *engine,
                                   const GaItem *item);
/* ga-engine-format.c: a value as the explanations write it (with @unit,
 * in @format when it is a number). */
char *ga_engine_value_text_formatted (const GaValue *v,
                                      const char    *unit,
                                      const char    *format);
char *ga_engine_value_text           (const GaValue *v,
                                      const char    *unit);
/* ga-engine-sums.c */
void ga_engine_sums_init    (GaEngine  *engine);
void ga_engine_sums_clear   (GaEngine  *engine);
const GaValue *ga_engine_sums_cell (GaEngine   *engine,
                                    const char *name);
void ga_engine_sums_item    (GaEngine     *engine,
                             const GaItem *item);
void ga_engine_sums_section (GaEngine  *engine,
                             guint      index,
                             double    *score,
                             double    *max);
void ga_engine_sums_summary (GaEngine  *engine,
                             GaSummary *summary);

/* ga-engine.c */
/* ga_value_clear() without a call for a value that owns nothing (most
 * values an item's evaluation resets are numbers or blank). */
static inline void
ga_engine_value_blank (GaValue *v)
{
  if (v->kind == GA_VALUE_TEXT || v->kind == GA_VALUE_ERROR)
    ga_value_clear (v);
  else
    {
      v->kind = GA_VALUE_BLANK;
      memset (&v->u, 0, sizeof v->u);
    }
}

/* Bit-exact equality of two numbers (inline: the evaluation of every item
 * and every subtotal term compares). */
static inline gboolean
ga_engine_same_double (double a,
                       double b)
{
  guint64 x, y;

  memcpy (&x, &a, sizeof x);
  memcpy (&y, &b, sizeof y);
  return x == y;
}
gboolean ga_engine_same_value (const GaValue *a,
                               const GaValue *b);
gboolean ga_engine_same_result (const GaResult *a,
                                const GaResult *b);
void ga_engine_result_init (GaResult *r);
double ga_engine_clamp (double v,
                        double lo,
                        double hi);
GaApplicability ga_engine_applicability_of (const GaValue *v);
GaApplicability ga_engine_applicability_and (GaApplicability a,
                                             GaApplicability b);
void ga_engine_eval_formula (GaEngine         *engine,
                             const GaCompiled *compiled,
                             guint             table,
                             guint             row,
                             GaValue          *out);
/* ga_engine_eval_formula() of the row formula @compiled of table @table,
 * row @row, by its @shape. */
void ga_engine_eval_row_shape (GaEngine          *engine,
                               const GaCompiled  *compiled,
                               const GaRuleShape *shape,
                               guint              table,
                               guint              row,
                               GaValue           *out);
/* ga_engine_eval_formula() of the rule of item @item (@compiled), by its
 * shape when it has one. */
void ga_engine_eval_rule    (GaEngine         *engine,
                             guint             item,
                             const GaCompiled *compiled,
                             GaValue          *out);
gboolean ga_engine_evaluate_number (GaEngine         *engine,
                                    const GaCompiled *compiled,
                                    double           *out,
                                    GaValue          *problem);
GaStatus ga_engine_status_of_problem (const GaValue *problem);
void     ga_engine_rebind          (GaEngine       *engine,
                                   const GaItem   *item);
const GaAnswer *ga_engine_bind_answer (GaEngine       *engine,
                                       const GaItem   *item,
                                       const GaAnswer *answer);

/* ga-engine-origin.c */
/* Fixed by the template, in dependency order: which nodes could ever be
 * flagged unverified. */
void ga_engine_compute_may_be_unverified (GaEngine *engine);
/* Brings the unverified origin of @node up to date after it was
 * evaluated; TRUE when it changed. */
gboolean ga_engine_update_origin (GaEngine *engine,
                                  guint     node);

/* ga-engine-items.c */
gboolean ga_engine_eval_column (GaEngine *engine,
                                guint     item_index,
                                guint     column_index);
/* Inline: every item's evaluation asks both, some of them more than once. */
static inline gboolean
ga_engine_item_is_answerable (const GaItem *item)
{
  return item->kind != GA_ITEM_COMPUTED;
}

static inline gboolean
ga_engine_item_is_indicator (GaEngine     *engine,
                             const GaItem *item)
{
  return engine->tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && item->weight != NULL;
}
GaNaPolicy ga_engine_cascade_policy (GaEngine  *engine,
                                     GaSection *section);
gboolean ga_engine_eval_item (GaEngine *engine,
                              guint     index);

/* ga-engine-sections.c */
gboolean ga_engine_eval_section_applicable (GaEngine *engine,
                                            guint     index);
gboolean ga_engine_eval_section (GaEngine *engine,
                                 guint     index);
gboolean ga_engine_eval_output (GaEngine *engine,
                                guint     index);
void ga_engine_update_summary (GaEngine *engine);
void ga_engine_root_tally (GaEngine *engine,
                           guint     index,
                           int       sign);

/* ga-engine.c, for the explanations and the JSON */
const GaValue *ga_engine_item_value   (GaEngine *engine,
                                       guint     item);
/* The N/A policy that decides how @item counts while it is not applicable. */
GaNaPolicy     ga_engine_item_na_policy (GaEngine     *engine,
                                         const GaItem *item);
gboolean       ga_engine_option_of    (const GaItem   *item,
                                       const char     *id,
                                       const GaOption **option);
/* Whether the range table.column is incomplete: fewer rows than min_rows,
 * a required cell empty, or an error in the column. */
gboolean       ga_engine_range_incomplete (GaEngine *engine,
                                           guint     table,
                                           guint     column);
/* Fills in the benchmarks, baseline and leading value, the band met and
 * the option points of @item as its rule saw them, for its explanation. */
void           ga_engine_item_details  (GaEngine *engine,
                                        GaItem   *item);

G_END_DECLS
