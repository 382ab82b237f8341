/* ga-scheme-private.h: shorthand for building the scheme's formula trees
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-formula-build.h"

G_BEGIN_DECLS

static inline GaTerm
ga_scheme_num (GaFormulaBuilder *b,
               double            n)
{
  return ga_formula_builder_number (b, n);
}

static inline GaTerm
ga_scheme_text (GaFormulaBuilder *b,
                const char       *t)
{
  return ga_formula_builder_text (b, t);
}

static inline GaTerm
ga_scheme_op (GaFormulaBuilder *b,
              GaOp              o,
              GaTerm            l,
              GaTerm            r)
{
  return ga_formula_builder_op (b, o, l, r);
}

static inline GaTerm
ga_scheme_if (GaFormulaBuilder *b,
              GaTerm            cond,
              GaTerm            then,
              GaTerm            otherwise)
{
  return ga_formula_builder_call (b, GA_FN_IF, 3, cond, then, otherwise);
}

static inline GaTerm
ga_scheme_call1 (GaFormulaBuilder *b,
                 GaFunc            func,
                 GaTerm            arg)
{
  return ga_formula_builder_call (b, func, 1, arg);
}

/* A builder whose references are result cells, never blank or N/A: the
 * formulas get no guard. */
static inline GaFormulaBuilder *
ga_scheme_cells_builder_new (void)
{
  GaFormulaBuilder *b = ga_formula_builder_new ();

  ga_formula_builder_set_lenient (b, TRUE);
  return b;
}

G_END_DECLS
