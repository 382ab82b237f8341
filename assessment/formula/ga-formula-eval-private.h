/* ga-formula-eval-private.h: the evaluator's value type and helpers, shared
 * by the evaluator (ga-formula-eval.c) and the functions of the language,
 * one file per family (ga-formula-eval-<family>.c)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evaluation walks the node array recursively with a small value type (Ev)
 * that can borrow text from the caller's values, so that a formula whose
 * result is a number allocates nothing at all.
 */
#pragma once

#include <math.h>

#include "ga-formula-private.h"

G_BEGIN_DECLS

typedef struct {
  GaValueKind kind;
  GaErrorCode code;
  gboolean    owned;    /* text is ours to free */
  gboolean    boolean;
  double      number;
  char       *text;     /* text, or the message of an error */
} Ev;

typedef struct {
  const GaFormula        *formula;
  const GaFormulaContext *context;
  /* The value of each scalar reference, asked for once per evaluation
   * (NULL: not yet). */
  const GaValue         **refs;
} Eval;

/* A function of the language: evaluates @call into @out, which holds
 * nothing owned when it is called. */
typedef void (*GaEvalFunc) (const Eval   *e,
                            const GaNode *call,
                            Ev           *out);

static inline void
ev_release (Ev *v)
{
  if (v->owned)
    g_free (v->text);
  v->owned = FALSE;
  v->text = NULL;
}

static inline void
ev_number (Ev     *v,
           double  number)
{
  v->kind = GA_VALUE_NUMBER;
  v->number = number;
}

static inline void
ev_boolean (Ev       *v,
            gboolean  boolean)
{
  v->kind = GA_VALUE_BOOLEAN;
  v->boolean = boolean;
}

G_GNUC_INTERNAL
void ga_ev_error (Ev          *v,
                  GaErrorCode  code,
                  const char  *format,
                  ...) G_GNUC_PRINTF (3, 4);

/* A number result: NaN and infinities become #NUM! as in Excel. */
static inline void
ev_result (Ev           *v,
           double        number,
           const GaNode *at)
{
  if (G_LIKELY (isfinite (number)))
    ev_number (v, number);
  else
    ga_ev_error (v, GA_ERROR_CODE_NUM, "the result at column %u is too large or not a number",
                 at->column);
}

/* Moves @src into @dest (dest must hold nothing owned). */
static inline void
ev_move (Ev *dest,
         Ev *src)
{
  *dest = *src;
  src->owned = FALSE;
  src->text = NULL;
}

static inline gboolean
is_text_na (const char *text)
{
  return text != NULL && g_ascii_strcasecmp (text, "N/A") == 0;
}

/* Blank, N/A and errors pass through operators unchanged; returns TRUE when
 * @v is one of them (the guard means only errors get here in practice). */
static inline gboolean
ev_passes_through (const Ev *v)
{
  return v->kind == GA_VALUE_ERROR || v->kind == GA_VALUE_BLANK || v->kind == GA_VALUE_NA;
}

/* Borrows @value (NULL: blank) without copying its text. */
G_GNUC_INTERNAL
void        ga_ev_borrow        (Ev            *v,
                                 const GaValue *value);
/* Arithmetic coercion: TRUE=1, FALSE=0, numeric text is parsed, other text
 * is #VALUE!. Returns FALSE (and leaves an error, blank or N/A in @v) when
 * there is no number. */
G_GNUC_INTERNAL
gboolean    ga_ev_to_number     (Ev            *v,
                                 const GaNode  *at);
/* Logical coercion as IF, AND, OR and NOT do it. */
G_GNUC_INTERNAL
gboolean    ga_ev_to_boolean    (Ev            *v,
                                 const GaNode  *at);
/* Text as & and LEN see it. Returns a pointer valid while @v and @buf live. */
G_GNUC_INTERNAL
const char *ga_ev_as_text       (const Ev      *v,
                                 char         **buf);
/* Excel's ordering: numbers < text < booleans; within a kind numbers
 * compare to 15 significant digits and text without regard to case. */
G_GNUC_INTERNAL
int         ga_ev_compare       (const Ev      *a,
                                 const Ev      *b);
G_GNUC_INTERNAL
gboolean    ga_comparison_holds (GaOp           op,
                                 int            c);

/* The evaluator (ga-formula-eval.c). */
G_GNUC_INTERNAL
void           ga_eval_node       (const Eval     *e,
                                   const GaNode   *node,
                                   Ev             *out);
G_GNUC_INTERNAL
const GaValue *ga_eval_get_ref    (const Eval     *e,
                                   guint           index);
/* The values of the range @node; FALSE with #REF! in @error when the
 * context does not know it. */
G_GNUC_INTERNAL
gboolean       ga_eval_get_range  (const Eval     *e,
                                   const GaNode   *node,
                                   const GaValue **values,
                                   guint          *n_values,
                                   Ev             *error);
/* Argument @i of @call as a number (arithmetic coercion): FALSE with the
 * error, blank or N/A in @out when there is none. */
G_GNUC_INTERNAL
gboolean       ga_eval_number_arg (const Eval     *e,
                                   const GaNode   *call,
                                   guint           i,
                                   double         *number,
                                   Ev             *out);
/* @arg as TRUE or FALSE (logical coercion), likewise. */
G_GNUC_INTERNAL
gboolean       ga_eval_boolean_arg (const Eval    *e,
                                    const GaNode  *arg,
                                    gboolean      *boolean,
                                    Ev            *out);

/* The functions, by family. Logic (ga-formula-eval-logic.c): */
G_GNUC_INTERNAL void ga_eval_if          (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_ifs         (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_fallback    (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_and_or      (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_not         (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_true_false  (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_is_gap      (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_is_kind     (const Eval *e, const GaNode *call, Ev *out);
/* Aggregates (ga-formula-eval-aggregate.c): */
G_GNUC_INTERNAL void ga_eval_sum_min_max (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_count       (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_sumproduct  (const Eval *e, const GaNode *call, Ev *out);
/* Mathematics and text (ga-formula-eval-math.c): */
G_GNUC_INTERNAL void ga_eval_round       (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_abs_int     (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_sqrt        (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_power       (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_mod         (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_len         (const Eval *e, const GaNode *call, Ev *out);
/* The assessment's own functions (ga-formula-eval-domain.c): */
G_GNUC_INTERNAL void ga_eval_interp      (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_band        (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_level       (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_factor      (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_clamp       (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_pctchange   (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_pv          (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_rate        (const Eval *e, const GaNode *call, Ev *out);
G_GNUC_INTERNAL void ga_eval_points      (const Eval *e, const GaNode *call, Ev *out);

G_END_DECLS
