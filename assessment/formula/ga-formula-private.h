/* ga-formula-private.h: the compiled form of a formula, shared by the parser,
 * the evaluator, the static checks and the Excel translation
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-formula.h"
#include "ga-formula-build.h"

G_BEGIN_DECLS

enum {
  /* Direct reference arguments are not strict (they may be blank or N/A). */
  GA_FN_FLAG_BLANK_AWARE = 1 << 0,
  /* Arguments may be ranges (table.column). */
  GA_FN_FLAG_RANGES = 1 << 1,
  /* Arguments must be ranges. */
  GA_FN_FLAG_RANGES_ONLY = 1 << 2,
  /* The result is always a number (or an error). */
  GA_FN_FLAG_NUMERIC = 1 << 3,
  /* Only a direct reference given as the *first* argument is not strict
   * (IFBLANK: the value may be blank, the fallback may not). */
  GA_FN_FLAG_FIRST_BLANK_AWARE = 1 << 4,
};

#define GA_FN_ANY_COUNT 255

typedef struct {
  const char  *name;
  guint8       min_args;
  guint8       max_args;
  guint8       flags;
  GaStaticType result;
} GaFunctionInfo;

extern const GaFunctionInfo ga_function_table[GA_N_FUNCTIONS];

typedef struct {
  guint8  op;      /* GaOp */
  guint8  func;    /* GaFunc, for GA_OP_CALL */
  guint16 n_args;  /* for GA_OP_CALL */
  guint32 column;  /* 1-based character column of the token that made the node */
  guint32 a;       /* operand / left operand / first entry in GaFormula.args */
  guint32 b;       /* right operand */
  union {
    double      number;
    gboolean    boolean;
    guint       ref;
    const char *text;  /* owned by GaFormula.strings */
  } u;
} GaNode;

typedef struct {
  char    *name;
  guint    column;
  gboolean is_range;
  gboolean strict;
} GaRefInfo;

typedef struct {
  const char *table;   /* owned by GaFormula.strings */
  const char *column;  /* owned by GaFormula.strings */
  guint       column_in_text;
} GaLookupInfo;

struct _GaFormula {
  gatomicrefcount ref_count;
  char           *text;     /* NULL for a built formula: see @printed */
  char           *printed;  /* a built formula's text, written out on first use */

  GaNode         *nodes;
  guint           n_nodes;
  guint           root;
  guint32        *args;     /* argument node indices of every call, back to back */
  guint           n_args;
  GPtrArray      *strings;  /* text literals, owned */

  GaRefInfo      *refs;
  guint           n_refs;
  guint          *strict;   /* indices of strict scalar references, in order */
  guint           n_strict;

  GaLookupInfo   *lookups;
  guint           n_lookups;
};

static inline const GaNode *
ga_formula_arg (const GaFormula *formula,
                const GaNode    *call,
                guint            i)
{
  return &formula->nodes[formula->args[call->a + i]];
}

/* Strict number syntax shared by the coercion of text to numbers: optional
 * spaces, optional sign, digits with an optional fraction and exponent. */
gboolean ga_parse_number_text (const char *text,
                               double     *out);

/* Comparator literal of BAND/LEVEL: 0 for ">=", 1 ">", 2 "<=", 3 "<", -1 otherwise. */
int      ga_comparator_from_text (const char *text);

typedef enum {
  GA_ROUND_HALF_AWAY,
  GA_ROUND_UP,    /* away from zero */
  GA_ROUND_DOWN,  /* toward zero */
} GaRoundMode;

/* Rounds @number to @digits decimal places on the 15 significant digits
 * Excel sees (ga-formula-number.c). */
double   ga_round_decimal        (double      number,
                                  int         digits,
                                  GaRoundMode mode);

GaFormula   *ga_formula_assemble  (const char         *text,
                                   gsize               length,
                                   const GaNode       *nodes,
                                   guint               n_nodes,
                                   guint               root,
                                   const guint32      *args,
                                   guint               n_args,
                                   GPtrArray          *strings,
                                   GaRefInfo          *refs,
                                   guint               n_refs,
                                   const GaLookupInfo *lookups,
                                   guint               n_lookups);

/* The tree of @formula written out in the formula language. */
char        *ga_formula_print     (GaFormula          *formula);

GaStaticType ga_formula_node_type (GaFormula               *formula,
                                   const GaNode            *node,
                                   const GaFormulaResolver *resolver);

G_END_DECLS
