/* ga-engine-rules.h: the common shapes of an item's rule, evaluated without the formula evaluator
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most rules ga-scheme.c builds read only the item's own value and compare
 * it with numbers and texts the template fixes: the options of a choice,
 * "yes"/"partial"/"no", TRUE, band thresholds; or clamp it; or interpolate
 * it between a baseline and a leading value (numbers, other items' values,
 * or sums and products of them); or take another item's value as points.
 * ga_engine_rule_shape_of() recognises these trees once, and
 * ga_engine_rule_shape_eval() gives, while every reference holds what the
 * strict-reference guard lets through (a finite number, a boolean, a text
 * that is neither "" nor "N/A") and the arithmetic stays finite, the value
 * the generic evaluation gives, bit for bit. For anything else it says
 * FALSE and the caller evaluates the formula.
 */
#pragma once

#include "ga-formula.h"

G_BEGIN_DECLS

typedef enum {
  GA_RULE_GENERIC = 0,
  GA_RULE_CHAIN,   /* IF(x op k1, v1, IF(x op k2, v2, … otherwise)) */
  GA_RULE_TEST,    /* x op k (a veto condition) */
  GA_RULE_CLAMP,   /* CLAMP(x, lo, hi) */
  GA_RULE_INTERP,  /* INTERP(x, baseline, leading, points[, direction]) */
  GA_RULE_POINTS,  /* POINTS(score, points) */
  GA_RULE_NUMBER,  /* arithmetic of numbers, as a table's computed column */
} GaRuleKind;

#define GA_RULE_N_KINDS (GA_RULE_NUMBER + 1)
/* Most references a shape reads. */
#define GA_RULE_MAX_REFS 8

/* One comparison of the value with a literal, and for a chain the score
 * when it holds. */
typedef struct {
  guint8      op;        /* GaOp: EQ, NE, LT, LE, GT, GE */
  guint8      kind;      /* GaValueKind of the literal: NUMBER, TEXT or BOOLEAN */
  gboolean    boolean;
  double      number;
  const char *text;      /* the rule formula's own */
  double      value;
} GaRuleTest;

/* CHAIN and TEST read the only reference, x. The arguments of CLAMP,
 * INTERP and POINTS, and NUMBER itself, are numbers: literals,
 * references, and + - * / of them (and unary -, %), read from the
 * formula's nodes. */
typedef struct {
  guint8      kind;      /* GaRuleKind */
  guint8      dir;       /* INTERP: the direction's GaOp, GA_OP_CALL for none */
  guint16     n_tests;
  guint       first;     /* the first of its tests */
  double      c;         /* CHAIN: the score when no test holds */
  const GaFormula *formula;
  guint32     arg[4];    /* CLAMP, INTERP, POINTS: the arguments' nodes; NUMBER: the root */
} GaRuleShape;

/* The shape of @formula, with its tests appended to @tests (a GArray of
 * GaRuleTest); GA_RULE_GENERIC (nothing appended) when it has none of the
 * shapes above. The texts stay the formula's: it must outlive the shape. */
void     ga_engine_rule_shape_of   (GaFormula         *formula,
                                    GaRuleShape       *shape,
                                    GArray            *tests);
/* The rule's value from the values of its references, in order (@values,
 * as ga_formula_evaluate_bound() takes them), into @out (blank before)
 * and TRUE; or FALSE, @out untouched, when the generic evaluation must
 * give it. */
gboolean ga_engine_rule_shape_eval (const GaRuleShape   *shape,
                                    const GaRuleTest    *tests,
                                    const GaValue * const *values,
                                    GaValue             *out);
/* Whether engines made from now on recognise the shapes (TRUE unless
 * turned off): the tests compare an engine without them. */
void     ga_engine_use_rule_shapes (gboolean           use);
gboolean ga_engine_uses_rule_shapes (void);

G_END_DECLS
