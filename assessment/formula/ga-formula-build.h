/* ga-formula-build.h: formula trees built by code rather than parsed from text
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scoring schemes (assessment/scoring/ga-scheme.c) are formulas of the
 * language generated from a template: an item's score, a veto condition, a
 * clean-production level. A builder puts such a formula together node by
 * node, grafting the template's own formulas (benchmarks, thresholds, score
 * formulas) where they belong, and gives an ordinary GaFormula: the engine
 * evaluates it, ga_formula_to_excel() translates it and ga_formula_get_text()
 * shows it in the formula language, exactly as for a parsed formula. The
 * strict references and the lookups are worked out the way the parser works
 * them out, so blank and N/A follow the same rules.
 */
#pragma once

#include "ga-formula.h"

G_BEGIN_DECLS

typedef enum {
  GA_OP_NUMBER,
  GA_OP_TEXT,
  GA_OP_BOOLEAN,
  GA_OP_REF,      /* scalar reference, u.ref is the index in refs */
  GA_OP_RANGE,    /* table.column, u.ref is the index in refs */
  GA_OP_NEG,
  GA_OP_POS,
  GA_OP_PERCENT,
  GA_OP_ADD,
  GA_OP_SUB,
  GA_OP_MUL,
  GA_OP_DIV,
  GA_OP_POW,
  GA_OP_CONCAT,
  GA_OP_EQ,
  GA_OP_NE,
  GA_OP_LT,
  GA_OP_LE,
  GA_OP_GT,
  GA_OP_GE,
  GA_OP_CALL,
} GaOp;

typedef enum {
  GA_FN_IF,
  GA_FN_IFS,
  GA_FN_IFERROR,
  GA_FN_IFBLANK,
  GA_FN_AND,
  GA_FN_OR,
  GA_FN_NOT,
  GA_FN_TRUE,
  GA_FN_FALSE,
  GA_FN_SUM,
  GA_FN_MIN,
  GA_FN_MAX,
  GA_FN_AVERAGE,
  GA_FN_COUNT,
  GA_FN_COUNTA,
  GA_FN_COUNTBLANK,
  GA_FN_SUMPRODUCT,
  GA_FN_ROUND,
  GA_FN_ROUNDUP,
  GA_FN_ROUNDDOWN,
  GA_FN_ABS,
  GA_FN_SQRT,
  GA_FN_POWER,
  GA_FN_MOD,
  GA_FN_INT,
  GA_FN_LEN,
  GA_FN_ISBLANK,
  GA_FN_ISNOTAPPLICABLE,
  GA_FN_ISNUMBER,
  GA_FN_ISTEXT,
  GA_FN_ISLOGICAL,
  GA_FN_ISERROR,
  GA_FN_INTERP,
  GA_FN_BAND,
  GA_FN_LEVEL,
  GA_FN_FACTOR,
  GA_FN_CLAMP,
  GA_FN_PCTCHANGE,
  GA_FN_POINTS,
  GA_FN_PV,
  GA_FN_RATE,
  GA_N_FUNCTIONS
} GaFunc;

typedef struct _GaFormulaBuilder GaFormulaBuilder;

/* A node of the formula being built, as returned by the functions below. */
typedef guint GaTerm;

GaFormulaBuilder *ga_formula_builder_new     (void);
void              ga_formula_builder_free    (GaFormulaBuilder *builder);
/* Forgets every node, for the next formula. */
void              ga_formula_builder_reset   (GaFormulaBuilder *builder);

GaTerm            ga_formula_builder_number  (GaFormulaBuilder *builder,
                                              double            number);
GaTerm            ga_formula_builder_text    (GaFormulaBuilder *builder,
                                              const char       *text);
GaTerm            ga_formula_builder_boolean (GaFormulaBuilder *builder,
                                              gboolean          value);
/* A reference to an item, section or output (or any name the evaluating
 * context binds), and a table.column range. */
GaTerm            ga_formula_builder_ref     (GaFormulaBuilder *builder,
                                              const char       *name);
GaTerm            ga_formula_builder_range   (GaFormulaBuilder *builder,
                                              const char       *name);
/* A reference that carries @tag (0: none), a number the caller chooses
 * to find what the name stands for without looking it up again
 * (ga_formula_ref_tag()). A name keeps the tag it was first given. */
GaTerm            ga_formula_builder_ref_tagged (GaFormulaBuilder *builder,
                                                 const char       *name,
                                                 guint             tag);
/* While @lenient is TRUE, ga_formula_builder_finish() makes no reference
 * strict: the formula has no guard for a blank or not applicable value.
 * For names the caller binds to values that never are (result cells). */
void              ga_formula_builder_set_lenient (GaFormulaBuilder *builder,
                                                  gboolean          lenient);
/* A unary (GA_OP_NEG, GA_OP_POS, GA_OP_PERCENT: @right is ignored) or binary
 * operator. */
GaTerm            ga_formula_builder_op      (GaFormulaBuilder *builder,
                                              GaOp              op,
                                              GaTerm            left,
                                              GaTerm            right);
/* A call of @func with @n_args arguments (GaTerm, as varargs). The count
 * must be one the function takes. */
GaTerm            ga_formula_builder_call    (GaFormulaBuilder *builder,
                                              GaFunc            func,
                                              guint             n_args,
                                              ...);
GaTerm            ga_formula_builder_callv   (GaFormulaBuilder *builder,
                                              GaFunc            func,
                                              guint             n_args,
                                              const GaTerm     *args);
/* A copy of @formula's tree; its references are merged with the builder's
 * by name. */
GaTerm            ga_formula_builder_graft   (GaFormulaBuilder *builder,
                                              GaFormula        *formula);
/* The formula whose root is @root. The builder may be used again (its nodes
 * stay, so terms can be shared by several formulas). */
GaFormula        *ga_formula_builder_finish  (GaFormulaBuilder *builder,
                                              GaTerm            root);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaFormulaBuilder, ga_formula_builder_free)

G_END_DECLS
