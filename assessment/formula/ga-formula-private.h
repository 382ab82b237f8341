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
  guint32 b;       /* right operand; for a call of BAND or LEVEL, the GaOp of its
                    * comparator (GA_OP_CALL: none), set by ga_formula_assemble() */
  union {
    double      number;
    gboolean    boolean;
    guint       ref;
    const char *text;  /* in the formula's block */
  } u;
} GaNode;

typedef struct {
  char    *name;
  guint    column;
  gboolean is_range;
  guint    tag;      /* ga_formula_builder_ref_tagged(); 0: none */
  gboolean strict;
} GaRefInfo;

typedef struct {
  const char *table;   /* a text literal of the formula */
  const char *column;  /* a text literal of the formula */
  guint       column_in_text;
} GaLookupInfo;

/* Room for formulas made one after another (ga-formula-arena.c). */
typedef struct _GaFormulaArena GaFormulaArena;
typedef struct _GaFormulaChunk GaFormulaChunk;

GaFormulaArena *ga_formula_arena_new   (void);
void            ga_formula_arena_free  (GaFormulaArena  *arena);
/* @size bytes next to the block allocated before, in *chunk, which the
 * caller holds a reference on; or, for the first block of @arena or with
 * no @arena, a block of its own for g_free() (*chunk is NULL). */
gpointer        ga_formula_arena_alloc (GaFormulaArena  *arena,
                                        gsize            size,
                                        GaFormulaChunk **chunk);
void            ga_formula_chunk_unref (GaFormulaChunk  *chunk);

/* One allocation holds the formula and its arrays (ga_formula_assemble()):
 * what evaluation reads is at the end of the header and right after it. */
struct _GaFormula {
  gatomicrefcount ref_count;
  guint           n_nodes;
  guint           n_args;
  guint           n_lookups;
  char           *text;     /* NULL for a built formula: see @printed */
  char           *printed;  /* a built formula's text, written out on first use */
  GaRefInfo      *refs;
  GaLookupInfo   *lookups;
  GaFormulaChunk *chunk;    /* holds the allocation (NULL: its own) */

  /* Read by every evaluation. */
  guint           n_refs;
  guint           root;
  guint           n_strict;
  guint          *strict;   /* indices of strict scalar references, in order */
  guint32        *args;     /* argument node indices of every call, back to back */
  GaNode         *nodes;
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

/* |@number| (finite, not 0) as *mantissa × 10^(*exponent − 14), where
 * *mantissa is the 15-digit integer that "%.14e" prints. */
void     ga_decimal_15           (double      number,
                                  guint64    *mantissa,
                                  int        *exponent);

/* Rounds @number to @digits decimal places on the 15 significant digits
 * Excel sees (ga-formula-number.c). */
double   ga_round_decimal        (double      number,
                                  int         digits,
                                  GaRoundMode mode);

/* Makes the formula, in @arena when it is not NULL: copies @nodes, @args,
 * @refs and @lookups, frees @strings (the literals are copied) and takes
 * the names of @refs. */
GaFormula   *ga_formula_assemble  (GaFormulaArena     *arena,
                                   const char         *text,
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
