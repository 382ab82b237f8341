/* ga-formula-eval-domain.c: the functions of the assessment rules
 * (INTERP, BAND, LEVEL, FACTOR, CLAMP, PCTCHANGE, POINTS)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is evaluated in the order of its Excel translation
 * (ga-formula-excel.c), so that the first error met is the same in both.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include "ga-formula-eval-private.h"

/* The comparator of BAND or LEVEL, worked out when the formula was made
 * (ga_formula_assemble()): FALSE with #VALUE! in @out when there is none,
 * which only a tree built by code can lack. */
static gboolean
call_comparator (const GaNode *call,
                 GaOp         *op,
                 Ev           *out)
{
  *op = (GaOp) call->b;
  if (G_LIKELY (*op != GA_OP_CALL))
    return TRUE;
  ga_ev_error (out, GA_ERROR_CODE_VALUE, "%s at column %u has no comparator",
               ga_function_table[call->func].name, call->column);
  return FALSE;
}

/* The comparator of INTERP's optional fifth argument, which says which
 * way is better ("<=": lower is better); GA_OP_CALL when there is none. */
static GaOp
interp_direction (const Eval   *e,
                  const GaNode *call)
{
  static const GaOp ops[] = { GA_OP_GE, GA_OP_GT, GA_OP_LE, GA_OP_LT };
  const GaNode *arg;
  int cmp;

  if (call->n_args < 5)
    return GA_OP_CALL;
  arg = ga_formula_arg (e->formula, call, 4);
  cmp = arg->op == GA_OP_TEXT ? ga_comparator_from_text (arg->u.text) : -1;
  return cmp < 0 ? GA_OP_CALL : ops[cmp];
}

/* Same order of evaluation as the Excel translation
 * points*MAX(0,MIN(1,(x-baseline)/(leading-baseline))), or with a
 * direction IF(leading=baseline,IF(x<=leading,points,0),points*MAX(…)):
 * a baseline equal to the leading value gives all the points when the
 * value meets the leading value in that direction and none otherwise. */
void
ga_eval_interp (const Eval   *e,
                const GaNode *call,
                Ev           *out)
{
  GaOp dir = interp_direction (e, call);
  double x, y, z, w;

  if (dir != GA_OP_CALL)
    {
      if (!ga_eval_number_arg (e, call, 2, &z, out) || !ga_eval_number_arg (e, call, 1, &y, out)
          || !ga_eval_number_arg (e, call, 3, &w, out) || !ga_eval_number_arg (e, call, 0, &x, out))
        return;
      if (z == y)
        {
          ev_result (out, ga_comparison_holds (dir, x < z ? -1 : (x > z ? 1 : 0)) ? w : 0, call);
          return;
        }
    }
  else if (!ga_eval_number_arg (e, call, 3, &w, out) || !ga_eval_number_arg (e, call, 0, &x, out)
           || !ga_eval_number_arg (e, call, 1, &y, out) || !ga_eval_number_arg (e, call, 2, &z, out))
    return;
  if (z - y == 0)
    {
      ga_ev_error (out, GA_ERROR_CODE_DIV0, "INTERP at column %u: the baseline and the leading "
                   "value are equal and no direction is given", call->column);
      return;
    }
  ev_result (out, w * MAX (0.0, MIN (1.0, (x - y) / (z - y))), call);
}

/* x cmp threshold, for BAND and LEVEL: FALSE with @out set on an error. */
static gboolean
eval_meets (const Eval   *e,
            const Ev     *x,
            GaOp          op,
            const GaNode *threshold,
            gboolean     *meets,
            Ev           *out)
{
  Ev t = { 0 };

  ga_eval_node (e, threshold, &t);
  if (ev_passes_through (&t))
    {
      ev_move (out, &t);
      return FALSE;
    }
  *meets = ga_comparison_holds (op, ga_ev_compare (x, &t));
  ev_release (&t);
  return TRUE;
}

void
ga_eval_band (const Eval   *e,
              const GaNode *call,
              Ev           *out)
{
  guint n_pairs = (call->n_args - 3) / 2;
  Ev x = { 0 };
  GaOp op;

  if (!call_comparator (call, &op, out))
    return;

  ga_eval_node (e, ga_formula_arg (e->formula, call, 0), &x);
  if (ev_passes_through (&x))
    {
      ev_move (out, &x);
      return;
    }
  for (guint k = 0; k < n_pairs; k++)
    {
      gboolean meets;

      if (!eval_meets (e, &x, op, ga_formula_arg (e->formula, call, 2 + 2 * k), &meets, out))
        {
          ev_release (&x);
          return;
        }
      if (meets)
        {
          ev_release (&x);
          ga_eval_node (e, ga_formula_arg (e->formula, call, 3 + 2 * k), out);
          return;
        }
    }
  ev_release (&x);
  ga_eval_node (e, ga_formula_arg (e->formula, call, call->n_args - 1), out);
}

static gboolean
is_empty_text_literal (const GaNode *node)
{
  return node->op == GA_OP_TEXT && node->u.text[0] == '\0';
}

void
ga_eval_level (const Eval   *e,
               const GaNode *call,
               Ev           *out)
{
  Ev x = { 0 };
  gboolean have_x = FALSE;
  GaOp op;

  if (!call_comparator (call, &op, out))
    return;

  for (guint k = 0; k < 3; k++)
    {
      const GaNode *benchmark = ga_formula_arg (e->formula, call, 2 + k);
      gboolean meets;

      /* "" marks a level that the standard does not define. */
      if (is_empty_text_literal (benchmark))
        continue;
      if (!have_x)
        {
          ga_eval_node (e, ga_formula_arg (e->formula, call, 0), &x);
          if (ev_passes_through (&x))
            {
              ev_move (out, &x);
              return;
            }
          have_x = TRUE;
        }
      if (!eval_meets (e, &x, op, benchmark, &meets, out))
        {
          ev_release (&x);
          return;
        }
      if (meets)
        {
          ev_release (&x);
          ev_number (out, k + 1);
          return;
        }
    }
  ev_release (&x);
  ev_number (out, 0);
}

/* Moves the value a lookup gave into @out. */
static void
ev_take_value (Ev           *out,
               GaValue      *value,
               const GaNode *call)
{
  switch (value->kind)
    {
    case GA_VALUE_NUMBER:
      ev_result (out, value->u.number, call);
      break;
    case GA_VALUE_BOOLEAN:
      ev_boolean (out, value->u.boolean);
      break;
    case GA_VALUE_TEXT:
      out->kind = GA_VALUE_TEXT;
      out->text = g_steal_pointer (&value->u.text);
      out->owned = TRUE;
      value->kind = GA_VALUE_BLANK;
      break;
    case GA_VALUE_ERROR:
      out->kind = GA_VALUE_ERROR;
      out->code = value->u.error.code;
      out->text = g_steal_pointer (&value->u.error.message);
      out->owned = TRUE;
      value->kind = GA_VALUE_BLANK;
      break;
    case GA_VALUE_NA:
      out->kind = GA_VALUE_NA;
      break;
    case GA_VALUE_BLANK:
    default:
      out->kind = GA_VALUE_BLANK;
      break;
    }
}

void
ga_eval_factor (const Eval   *e,
                const GaNode *call,
                Ev           *out)
{
  const char *table = ga_formula_arg (e->formula, call, 0)->u.text;
  const char *column = ga_formula_arg (e->formula, call, 2)->u.text;
  GaValue key = GA_VALUE_INIT;
  GaValue result = GA_VALUE_INIT;
  Ev k = { 0 };

  ga_eval_node (e, ga_formula_arg (e->formula, call, 1), &k);
  if (ev_passes_through (&k))
    {
      ev_move (out, &k);
      return;
    }
  if (e->context == NULL || e->context->lookup == NULL)
    {
      ev_release (&k);
      ga_ev_error (out, GA_ERROR_CODE_REF, "lookup table '%s' is not available", table);
      return;
    }

  switch (k.kind)
    {
    case GA_VALUE_NUMBER:
      ga_value_set_number (&key, k.number);
      break;
    case GA_VALUE_BOOLEAN:
      ga_value_set_boolean (&key, k.boolean);
      break;
    case GA_VALUE_TEXT:
    default:
      ga_value_set_text (&key, k.text);
      break;
    }
  ev_release (&k);

  if (!e->context->lookup (e->context->user_data, table, &key, column, &result))
    {
      g_autofree char *shown = ga_value_to_display (&key);
      ga_ev_error (out, GA_ERROR_CODE_NA, "'%s' is not a key of lookup table '%s'", shown, table);
    }
  else
    ev_take_value (out, &result, call);
  ga_value_clear (&key);
  ga_value_clear (&result);
}

/* Excel: MAX(lo, MIN(hi, x)), evaluated in that order. */
void
ga_eval_clamp (const Eval   *e,
               const GaNode *call,
               Ev           *out)
{
  double x, y, z;

  if (!ga_eval_number_arg (e, call, 1, &y, out) || !ga_eval_number_arg (e, call, 2, &z, out)
      || !ga_eval_number_arg (e, call, 0, &x, out))
    return;
  ev_number (out, MAX (y, MIN (z, x)));
}

void
ga_eval_pctchange (const Eval   *e,
                   const GaNode *call,
                   Ev           *out)
{
  double x, y;

  if (!ga_eval_number_arg (e, call, 0, &x, out) || !ga_eval_number_arg (e, call, 1, &y, out))
    return;
  if (y == 0)
    {
      ga_ev_error (out, GA_ERROR_CODE_DIV0, "PCTCHANGE at column %u: the old value is 0",
                   call->column);
      return;
    }
  ev_result (out, (x - y) / y, call);
}

/* A score as points: numbers are clamped to [0, max] (in the order of the
 * translation MAX(0,MIN(max,x))), TRUE earns max and FALSE nothing. Text is
 * no score. */
void
ga_eval_points (const Eval   *e,
                const GaNode *call,
                Ev           *out)
{
  Ev v = { 0 };
  double y;

  if (!ga_eval_number_arg (e, call, 1, &y, out))
    return;
  ga_eval_node (e, ga_formula_arg (e->formula, call, 0), &v);
  switch (v.kind)
    {
    case GA_VALUE_NUMBER:
      ev_number (out, MAX (0.0, MIN (y, v.number)));
      break;
    case GA_VALUE_BOOLEAN:
      ev_number (out, v.boolean ? y : 0);
      break;
    case GA_VALUE_TEXT:
      ev_release (&v);
      ga_ev_error (out, GA_ERROR_CODE_VALUE, "POINTS at column %u: the score is text, not "
                   "points", call->column);
      break;
    default:
      ev_move (out, &v);
      break;
    }
}
