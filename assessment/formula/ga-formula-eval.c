/* ga-formula-eval.c: evaluation of compiled formulas
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluator proper: the coercions of the value type, the operators, the
 * strict-reference guard, and the dispatch of each call to the function of
 * its family (ga-formula-eval-<family>.c) through a table.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-formula-eval-private.h"

/* ---------------------------------------------------------------------- */
/* Evaluation values                                                      */

void
ga_ev_error (Ev          *v,
             GaErrorCode  code,
             const char  *format,
             ...)
{
  va_list args;

  ev_release (v);
  va_start (args, format);
  v->text = g_strdup_vprintf (format, args);
  va_end (args);
  v->owned = TRUE;
  v->kind = GA_VALUE_ERROR;
  v->code = code;
}

void
ga_ev_borrow (Ev            *v,
              const GaValue *value)
{
  v->owned = FALSE;
  v->text = NULL;
  if (value == NULL)
    {
      v->kind = GA_VALUE_BLANK;
      return;
    }
  v->kind = value->kind;
  switch (value->kind)
    {
    case GA_VALUE_NUMBER:
      v->number = value->u.number;
      if (!isfinite (v->number))
        ga_ev_error (v, GA_ERROR_CODE_NUM, "a referenced value is not a finite number");
      break;
    case GA_VALUE_BOOLEAN:
      v->boolean = value->u.boolean != FALSE;
      break;
    case GA_VALUE_TEXT:
      v->text = value->u.text != NULL ? value->u.text : (char *) "";
      break;
    case GA_VALUE_ERROR:
      v->code = value->u.error.code == GA_ERROR_CODE_NONE ? GA_ERROR_CODE_VALUE
                                                          : value->u.error.code;
      v->text = value->u.error.message;
      break;
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
    default:
      break;
    }
}

/* Arithmetic coercion: TRUE=1, FALSE=0, numeric text is parsed, other text
 * is #VALUE!. Returns FALSE (and leaves an error, blank or N/A in @v) when
 * there is no number. */
gboolean
ga_ev_to_number (Ev           *v,
                 const GaNode *at)
{
  double number;

  switch (v->kind)
    {
    case GA_VALUE_NUMBER:
      return TRUE;
    case GA_VALUE_BOOLEAN:
      ev_number (v, v->boolean ? 1 : 0);
      return TRUE;
    case GA_VALUE_TEXT:
      if (ga_parse_number_text (v->text, &number))
        {
          ev_release (v);
          ev_number (v, number);
          return TRUE;
        }
      else
        {
          g_autofree char *shown = NULL;

          /* Quote long text only in part: the message is for a person. */
          if (g_utf8_strlen (v->text, -1) > 30)
            {
              int cut = (int) (g_utf8_offset_to_pointer (v->text, 27) - v->text);
              shown = g_strdup_printf ("%.*s...", cut, v->text);
            }
          else
            shown = g_strdup (v->text);
          ga_ev_error (v, GA_ERROR_CODE_VALUE, "the text \"%s\" at column %u is not a number",
                       shown, at->column);
          return FALSE;
        }
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
    case GA_VALUE_ERROR:
    default:
      return FALSE;
    }
}

/* Logical coercion as IF, AND, OR and NOT do it. */
gboolean
ga_ev_to_boolean (Ev           *v,
                  const GaNode *at)
{
  switch (v->kind)
    {
    case GA_VALUE_BOOLEAN:
      return TRUE;
    case GA_VALUE_NUMBER:
      ev_boolean (v, v->number != 0);
      return TRUE;
    case GA_VALUE_TEXT:
      if (g_ascii_strcasecmp (v->text, "TRUE") == 0 || g_ascii_strcasecmp (v->text, "FALSE") == 0)
        {
          gboolean b = g_ascii_strcasecmp (v->text, "TRUE") == 0;
          ev_release (v);
          ev_boolean (v, b);
          return TRUE;
        }
      ga_ev_error (v, GA_ERROR_CODE_VALUE, "the text at column %u is not TRUE or FALSE",
                   at->column);
      return FALSE;
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
    case GA_VALUE_ERROR:
    default:
      return FALSE;
    }
}

/* Text as & and LEN see it. Returns a pointer valid while @v and @buf live. */
const char *
ga_ev_as_text (const Ev  *v,
               char     **buf)
{
  switch (v->kind)
    {
    case GA_VALUE_TEXT:
      return v->text;
    case GA_VALUE_NUMBER:
      *buf = ga_number_to_string (v->number);
      return *buf;
    case GA_VALUE_BOOLEAN:
      return v->boolean ? "TRUE" : "FALSE";
    case GA_VALUE_NA:
      return "N/A";
    case GA_VALUE_BLANK:
    case GA_VALUE_ERROR:
    default:
      return "";
    }
}

static int
kind_rank (GaValueKind kind)
{
  switch (kind)
    {
    case GA_VALUE_NUMBER:
      return 0;
    case GA_VALUE_TEXT:
      return 1;
    case GA_VALUE_BOOLEAN:
      return 2;
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
    case GA_VALUE_ERROR:
    default:
      return 3;
    }
}

/* Excel's ordering: numbers < text < booleans; within a kind numbers
 * compare to 15 significant digits and text without regard to case. */
int
ga_ev_compare (const Ev *a,
               const Ev *b)
{
  int ra = kind_rank (a->kind);
  int rb = kind_rank (b->kind);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  switch (a->kind)
    {
    case GA_VALUE_NUMBER:
      return ga_number_compare (a->number, b->number);
    case GA_VALUE_TEXT:
      return ga_text_compare (a->text, b->text);
    case GA_VALUE_BOOLEAN:
      return (int) (a->boolean != FALSE) - (int) (b->boolean != FALSE);
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
    case GA_VALUE_ERROR:
    default:
      return 0;
    }
}

gboolean
ga_comparison_holds (GaOp op,
                     int  c)
{
  switch (op)
    {
    case GA_OP_EQ: return c == 0;
    case GA_OP_NE: return c != 0;
    case GA_OP_LT: return c < 0;
    case GA_OP_LE: return c <= 0;
    case GA_OP_GT: return c > 0;
    case GA_OP_GE: return c >= 0;
    default: return FALSE;
    }
}

/* ---------------------------------------------------------------------- */
/* Evaluator                                                              */

static const GaValue no_value = GA_VALUE_INIT;

/* The context's value of reference @index (a context without values gives
 * blank). A formula that reads a reference twice, as IF(x="a",…,IF(x="b",…))
 * does, asks the context once. */
const GaValue *
ga_eval_get_ref (const Eval *e,
                 guint       index)
{
  const GaValue *value = e->refs[index];

  if (G_LIKELY (value != NULL))
    return value;
  if (e->context != NULL && e->context->get_ref != NULL)
    value = e->context->get_ref (e->context->user_data, index);
  if (value == NULL)
    value = &no_value;
  e->refs[index] = value;
  return value;
}

gboolean
ga_eval_get_range (const Eval     *e,
                   const GaNode   *node,
                   const GaValue **values,
                   guint          *n_values,
                   Ev             *error)
{
  *values = NULL;
  *n_values = 0;
  if (e->context == NULL || e->context->get_range == NULL
      || !e->context->get_range (e->context->user_data, node->u.ref, values, n_values))
    {
      ga_ev_error (error, GA_ERROR_CODE_REF, "unknown range %s",
                   e->formula->refs[node->u.ref].name);
      return FALSE;
    }
  if (*n_values > 0 && *values == NULL)
    *n_values = 0;
  return TRUE;
}

/* Fast paths: most operands are a literal or a reference, and most
 * references hold what the formula expects. These read such a leaf without
 * the general machinery and say FALSE for anything else, which the general
 * path then evaluates (a reference is asked for once either way, and in the
 * same order). */

/* A number literal, or a reference to a finite number. */
static inline gboolean
leaf_number (const Eval   *e,
             const GaNode *node,
             double       *number)
{
  if (node->op == GA_OP_NUMBER)
    {
      *number = node->u.number;
      return TRUE;
    }
  if (node->op == GA_OP_REF)
    {
      const GaValue *value = ga_eval_get_ref (e, node->u.ref);
      if (value->kind == GA_VALUE_NUMBER && isfinite (value->u.number))
        {
          *number = value->u.number;
          return TRUE;
        }
    }
  return FALSE;
}

/* A text literal, or a reference to text. */
static inline const char *
leaf_text (const Eval   *e,
           const GaNode *node)
{
  if (node->op == GA_OP_TEXT)
    return node->u.text;
  if (node->op == GA_OP_REF)
    {
      const GaValue *value = ga_eval_get_ref (e, node->u.ref);
      if (value->kind == GA_VALUE_TEXT)
        return value->u.text != NULL ? value->u.text : "";
    }
  return NULL;
}

/* x OP y for numbers. */
static void
arithmetic_result (const GaNode *node,
                   double        x,
                   double        y,
                   Ev           *out)
{
  double result;

  switch ((GaOp) node->op)
    {
    case GA_OP_ADD:
      result = x + y;
      break;
    case GA_OP_SUB:
      result = x - y;
      break;
    case GA_OP_MUL:
      result = x * y;
      break;
    case GA_OP_DIV:
      if (y == 0)
        {
          ga_ev_error (out, GA_ERROR_CODE_DIV0, "division by zero at column %u", node->column);
          return;
        }
      result = x / y;
      break;
    case GA_OP_POW:
      if (x == 0 && y == 0)
        {
          ga_ev_error (out, GA_ERROR_CODE_NUM, "0^0 is not defined (column %u)", node->column);
          return;
        }
      if (x == 0 && y < 0)
        {
          ga_ev_error (out, GA_ERROR_CODE_DIV0, "0 raised to a negative power divides by zero "
                       "(column %u)", node->column);
          return;
        }
      if (x < 0 && y != floor (y))
        {
          ga_ev_error (out, GA_ERROR_CODE_NUM, "a negative number raised to a fractional power "
                       "(column %u)", node->column);
          return;
        }
      result = pow (x, y);
      break;
    default:
      result = NAN;
      break;
    }
  ev_result (out, result, node);
}

static void
eval_arithmetic (const Eval   *e,
                 const GaNode *node,
                 Ev           *out)
{
  const GaNode *left = &e->formula->nodes[node->a];
  const GaNode *right = &e->formula->nodes[node->b];
  Ev l = { 0 }, r = { 0 };
  double x, y;

  if (leaf_number (e, left, &x) && leaf_number (e, right, &y))
    {
      arithmetic_result (node, x, y, out);
      return;
    }

  ga_eval_node (e, left, &l);
  ga_eval_node (e, right, &r);
  /* Excel looks at the left operand first: its error (or the failure to
   * make it a number) wins over anything on the right. */
  if (ev_passes_through (&l) || !ga_ev_to_number (&l, left))
    {
      ev_release (&r);
      ev_move (out, &l);
      return;
    }
  if (ev_passes_through (&r) || !ga_ev_to_number (&r, right))
    {
      ev_move (out, &r);
      return;
    }
  arithmetic_result (node, l.number, r.number, out);
}

static void
eval_concat (const Eval   *e,
             const GaNode *node,
             Ev           *out)
{
  Ev l = { 0 }, r = { 0 };
  g_autofree char *lb = NULL;
  g_autofree char *rb = NULL;

  ga_eval_node (e, &e->formula->nodes[node->a], &l);
  if (ev_passes_through (&l))
    {
      ev_move (out, &l);
      return;
    }
  ga_eval_node (e, &e->formula->nodes[node->b], &r);
  if (ev_passes_through (&r))
    {
      ev_release (&l);
      ev_move (out, &r);
      return;
    }
  {
    char *text = g_strconcat (ga_ev_as_text (&l, &lb), ga_ev_as_text (&r, &rb), NULL);
    ev_release (&l);
    ev_release (&r);
    out->kind = GA_VALUE_TEXT;
    out->text = text;
    out->owned = TRUE;
  }
}

static void
eval_comparison (const Eval   *e,
                 const GaNode *node,
                 Ev           *out)
{
  const GaNode *left = &e->formula->nodes[node->a];
  const GaNode *right = &e->formula->nodes[node->b];
  Ev l = { 0 }, r = { 0 };
  const char *a, *b;
  double x, y;
  int c;

  /* Two numbers, or two texts, as an option's id or a threshold is
   * compared with an answer. */
  if (leaf_number (e, left, &x) && leaf_number (e, right, &y))
    {
      ev_boolean (out, ga_comparison_holds ((GaOp) node->op, ga_number_compare (x, y)));
      return;
    }
  if ((a = leaf_text (e, left)) != NULL && (b = leaf_text (e, right)) != NULL)
    {
      ev_boolean (out, ga_comparison_holds ((GaOp) node->op, ga_text_compare (a, b)));
      return;
    }

  ga_eval_node (e, left, &l);
  if (ev_passes_through (&l))
    {
      ev_move (out, &l);
      return;
    }
  ga_eval_node (e, right, &r);
  if (ev_passes_through (&r))
    {
      ev_release (&l);
      ev_move (out, &r);
      return;
    }
  c = ga_ev_compare (&l, &r);
  ev_release (&l);
  ev_release (&r);
  ev_boolean (out, ga_comparison_holds ((GaOp) node->op, c));
}

/* Evaluates argument @i of @call as a number (arithmetic coercion). */
gboolean
ga_eval_number_arg (const Eval   *e,
                    const GaNode *call,
                    guint         i,
                    double       *number,
                    Ev           *out)
{
  const GaNode *arg = ga_formula_arg (e->formula, call, i);
  Ev v = { 0 };

  if (leaf_number (e, arg, number))
    return TRUE;
  ga_eval_node (e, arg, &v);
  if (ev_passes_through (&v) || !ga_ev_to_number (&v, arg))
    {
      ev_move (out, &v);
      return FALSE;
    }
  *number = v.number;
  return TRUE;
}

gboolean
ga_eval_boolean_arg (const Eval   *e,
                     const GaNode *arg,
                     gboolean     *boolean,
                     Ev           *out)
{
  Ev v = { 0 };

  ga_eval_node (e, arg, &v);
  if (ev_passes_through (&v) || !ga_ev_to_boolean (&v, arg))
    {
      ev_move (out, &v);
      return FALSE;
    }
  *boolean = v.boolean;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Calls                                                                  */

static const GaEvalFunc eval_functions[GA_N_FUNCTIONS] = {
  [GA_FN_IF] = ga_eval_if,
  [GA_FN_IFS] = ga_eval_ifs,
  [GA_FN_IFERROR] = ga_eval_fallback,
  [GA_FN_IFBLANK] = ga_eval_fallback,
  [GA_FN_AND] = ga_eval_and_or,
  [GA_FN_OR] = ga_eval_and_or,
  [GA_FN_NOT] = ga_eval_not,
  [GA_FN_TRUE] = ga_eval_true_false,
  [GA_FN_FALSE] = ga_eval_true_false,
  [GA_FN_SUM] = ga_eval_sum_min_max,
  [GA_FN_MIN] = ga_eval_sum_min_max,
  [GA_FN_MAX] = ga_eval_sum_min_max,
  [GA_FN_AVERAGE] = ga_eval_sum_min_max,
  [GA_FN_COUNT] = ga_eval_count,
  [GA_FN_COUNTA] = ga_eval_count,
  [GA_FN_COUNTBLANK] = ga_eval_count,
  [GA_FN_SUMPRODUCT] = ga_eval_sumproduct,
  [GA_FN_ROUND] = ga_eval_round,
  [GA_FN_ROUNDUP] = ga_eval_round,
  [GA_FN_ROUNDDOWN] = ga_eval_round,
  [GA_FN_ABS] = ga_eval_abs_int,
  [GA_FN_SQRT] = ga_eval_sqrt,
  [GA_FN_POWER] = ga_eval_power,
  [GA_FN_MOD] = ga_eval_mod,
  [GA_FN_INT] = ga_eval_abs_int,
  [GA_FN_LEN] = ga_eval_len,
  [GA_FN_ISBLANK] = ga_eval_is_gap,
  [GA_FN_ISNOTAPPLICABLE] = ga_eval_is_gap,
  [GA_FN_ISNUMBER] = ga_eval_is_kind,
  [GA_FN_ISTEXT] = ga_eval_is_kind,
  [GA_FN_ISLOGICAL] = ga_eval_is_kind,
  [GA_FN_ISERROR] = ga_eval_is_kind,
  [GA_FN_INTERP] = ga_eval_interp,
  [GA_FN_BAND] = ga_eval_band,
  [GA_FN_LEVEL] = ga_eval_level,
  [GA_FN_FACTOR] = ga_eval_factor,
  [GA_FN_CLAMP] = ga_eval_clamp,
  [GA_FN_PCTCHANGE] = ga_eval_pctchange,
  [GA_FN_PV] = ga_eval_pv,
  [GA_FN_RATE] = ga_eval_rate,
  [GA_FN_POINTS] = ga_eval_points,
};

/* Not inlined: eval_node() recurses once per level of a chain such as
 * 1+1+…+1 (up to GA_FORMULA_MAX_LENGTH / 2 levels), so its frame must stay
 * small; the locals of every function would otherwise be in each level. */
static G_GNUC_NO_INLINE void
eval_call (const Eval   *e,
           const GaNode *call,
           Ev           *out)
{
  GaEvalFunc func = call->func < GA_N_FUNCTIONS ? eval_functions[call->func] : NULL;

  if (G_UNLIKELY (func == NULL))
    {
      ga_ev_error (out, GA_ERROR_CODE_NAME, "unknown function");
      return;
    }
  func (e, call, out);
}

void
ga_eval_node (const Eval   *e,
              const GaNode *node,
              Ev           *out)
{
  out->owned = FALSE;
  out->text = NULL;

  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
      ev_number (out, node->u.number);
      return;

    case GA_OP_TEXT:
      out->kind = GA_VALUE_TEXT;
      out->text = (char *) node->u.text;
      return;

    case GA_OP_BOOLEAN:
      ev_boolean (out, node->u.boolean);
      return;

    case GA_OP_REF:
      ga_ev_borrow (out, ga_eval_get_ref (e, node->u.ref));
      return;

    case GA_OP_RANGE:
      ga_ev_error (out, GA_ERROR_CODE_VALUE, "the range %s at column %u can only be used inside "
                   "SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, COUNTBLANK or SUMPRODUCT",
                   e->formula->refs[node->u.ref].name, node->column);
      return;

    case GA_OP_POS:
      /* Excel ignores a unary plus entirely: +"abc" is "abc". */
      ga_eval_node (e, &e->formula->nodes[node->a], out);
      return;

    case GA_OP_NEG:
    case GA_OP_PERCENT:
      ga_eval_node (e, &e->formula->nodes[node->a], out);
      if (ev_passes_through (out) || !ga_ev_to_number (out, &e->formula->nodes[node->a]))
        return;
      if (node->op == GA_OP_NEG)
        out->number = -out->number;
      else if (node->op == GA_OP_PERCENT)
        out->number = out->number / 100;
      return;

    case GA_OP_ADD:
    case GA_OP_SUB:
    case GA_OP_MUL:
    case GA_OP_DIV:
    case GA_OP_POW:
      eval_arithmetic (e, node, out);
      return;

    case GA_OP_CONCAT:
      eval_concat (e, node, out);
      return;

    case GA_OP_EQ:
    case GA_OP_NE:
    case GA_OP_LT:
    case GA_OP_LE:
    case GA_OP_GT:
    case GA_OP_GE:
      eval_comparison (e, node, out);
      return;

    case GA_OP_CALL:
      eval_call (e, node, out);
      return;

    default:
      ga_ev_error (out, GA_ERROR_CODE_VALUE, "corrupt formula");
      return;
    }
}

/* The strict-reference guard: errors first, then blank, then N/A. An
 * empty text counts as blank and the text "N/A" as not applicable, because
 * the exported workbook cannot tell them apart either. Returns TRUE with
 * the error, blank or N/A in @result when the formula is not evaluated. */
static gboolean
guard_strict_refs (const Eval *e,
                   GaValue    *result)
{
  const GaFormula *formula = e->formula;
  gboolean blank = FALSE;
  gboolean na = FALSE;

  for (guint i = 0; i < formula->n_strict; i++)
    {
      const GaValue *value = ga_eval_get_ref (e, formula->strict[i]);

      switch (value->kind)
        {
        case GA_VALUE_NUMBER:
          if (G_UNLIKELY (!isfinite (value->u.number)))
            {
              ga_value_set_error (result, GA_ERROR_CODE_NUM, "%s is not a finite number",
                                  formula->refs[formula->strict[i]].name);
              return TRUE;
            }
          break;
        case GA_VALUE_BLANK:
          blank = TRUE;
          break;
        case GA_VALUE_ERROR:
          ga_value_copy (value, result);
          if (result->u.error.code == GA_ERROR_CODE_NONE)
            result->u.error.code = GA_ERROR_CODE_VALUE;
          return TRUE;
        case GA_VALUE_NA:
          na = TRUE;
          break;
        case GA_VALUE_TEXT:
          if (value->u.text == NULL || value->u.text[0] == '\0')
            blank = TRUE;
          else if (is_text_na (value->u.text))
            na = TRUE;
          break;
        case GA_VALUE_BOOLEAN:
        default:
          break;
        }
    }
  if (na && !blank)
    result->kind = GA_VALUE_NA;
  return blank || na;
}

/* Moves the evaluator's value @v into @result, which is blank. */
static void
take_result (Ev      *v,
             GaValue *result)
{
  switch (v->kind)
    {
    case GA_VALUE_NUMBER:
      if (G_LIKELY (isfinite (v->number)))
        {
          result->kind = GA_VALUE_NUMBER;
          result->u.number = v->number;
        }
      else
        ga_value_set_number (result, v->number);
      break;
    case GA_VALUE_BOOLEAN:
      result->kind = GA_VALUE_BOOLEAN;
      result->u.boolean = v->boolean ? TRUE : FALSE;
      break;
    case GA_VALUE_TEXT:
      if (v->owned)
        {
          ga_value_take_text (result, v->text);
          v->owned = FALSE;
        }
      else
        ga_value_set_text (result, v->text);
      break;
    case GA_VALUE_ERROR:
      if (v->text != NULL)
        ga_value_set_error (result, v->code, "%s", v->text);
      else
        ga_value_set_error (result, v->code, NULL);
      break;
    case GA_VALUE_NA:
      result->kind = GA_VALUE_NA;
      break;
    case GA_VALUE_BLANK:
    default:
      break;
    }
  ev_release (v);
}

void
ga_formula_evaluate_bound (GaFormula              *formula,
                           const GaValue * const  *values,
                           const GaFormulaContext *context,
                           GaValue                *result)
{
  Eval e;
  Ev v = { 0 };

  g_return_if_fail (formula != NULL);
  g_return_if_fail (result != NULL);
  g_return_if_fail (values != NULL || formula->n_refs == 0);

  if (result->kind == GA_VALUE_TEXT || result->kind == GA_VALUE_ERROR)
    ga_value_clear (result);
  result->kind = GA_VALUE_BLANK;
  memset (&result->u, 0, sizeof result->u);
  e.formula = formula;
  e.context = context;
  /* Every entry is set, so the evaluator only reads them. */
  e.refs = (const GaValue **) values;
  if (guard_strict_refs (&e, result))
    return;
  ga_eval_node (&e, &formula->nodes[formula->root], &v);
  take_result (&v, result);
}

/* References a formula names without a cache on the heap. */
#define STACK_REFS 256

void
ga_formula_evaluate (GaFormula              *formula,
                     const GaFormulaContext *context,
                     GaValue                *result)
{
  const GaValue *stack_refs[STACK_REFS];
  g_autofree const GaValue **heap_refs = NULL;
  Eval e;
  Ev v = { 0 };

  g_return_if_fail (formula != NULL);
  g_return_if_fail (result != NULL);

  /* As ga_value_clear() does it; only text and errors own memory. */
  if (result->kind == GA_VALUE_TEXT || result->kind == GA_VALUE_ERROR)
    ga_value_clear (result);
  result->kind = GA_VALUE_BLANK;
  memset (&result->u, 0, sizeof result->u);
  e.formula = formula;
  e.context = context;
  if (G_LIKELY (formula->n_refs <= STACK_REFS))
    {
      for (guint i = 0; i < formula->n_refs; i++)
        stack_refs[i] = NULL;
      e.refs = stack_refs;
    }
  else
    e.refs = heap_refs = g_new0 (const GaValue *, formula->n_refs);

  if (guard_strict_refs (&e, result))
    return;
  ga_eval_node (&e, &formula->nodes[formula->root], &v);
  take_result (&v, result);
}
