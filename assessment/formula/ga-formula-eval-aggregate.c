/* ga-formula-eval-aggregate.c: the functions over lists and ranges (SUM,
 * MIN, MAX, AVERAGE, COUNT, COUNTA, COUNTBLANK, SUMPRODUCT)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include "ga-formula-eval-private.h"

typedef struct {
  double sum;
  double min;
  double max;
  guint  count;
} Aggregate;

static inline void
aggregate_add (Aggregate *agg,
               double     x)
{
  if (agg->count == 0 || x < agg->min)
    agg->min = x;
  if (agg->count == 0 || x > agg->max)
    agg->max = x;
  agg->sum += x;
  agg->count++;
}

/* SUM, AVERAGE, MIN and MAX: numbers in ranges and direct references are
 * used and everything else there is skipped; values computed by an
 * expression are coerced (TRUE=1, numeric text), as in Excel. An error
 * anywhere propagates. Returns FALSE with the error in @out. */
static gboolean
aggregate_args (const Eval   *e,
                const GaNode *call,
                Aggregate    *agg,
                Ev           *out)
{
  for (guint i = 0; i < call->n_args; i++)
    {
      const GaNode *arg = ga_formula_arg (e->formula, call, i);

      if (arg->op == GA_OP_REF)
        {
          /* A direct reference's finite number counts and a value of
           * another kind is skipped; a number that is not finite and an
           * error take the general way below, which reports them. */
          const GaValue *value = ga_eval_get_ref (e, arg->u.ref);

          if (value->kind == GA_VALUE_NUMBER && isfinite (value->u.number))
            {
              aggregate_add (agg, value->u.number);
              continue;
            }
          if (value->kind != GA_VALUE_NUMBER && value->kind != GA_VALUE_ERROR)
            continue;
        }
      if (arg->op == GA_OP_RANGE)
        {
          const GaValue *values;
          guint n;

          if (!ga_eval_get_range (e, arg, &values, &n, out))
            return FALSE;
          for (guint j = 0; j < n; j++)
            {
              if (values[j].kind == GA_VALUE_NUMBER)
                {
                  if (G_UNLIKELY (!isfinite (values[j].u.number)))
                    {
                      ga_ev_error (out, GA_ERROR_CODE_NUM, "row %u of %s is not a finite number",
                                   j + 1, e->formula->refs[arg->u.ref].name);
                      return FALSE;
                    }
                  aggregate_add (agg, values[j].u.number);
                }
              else if (values[j].kind == GA_VALUE_ERROR)
                {
                  ga_ev_borrow (out, &values[j]);
                  return FALSE;
                }
            }
        }
      else
        {
          Ev v = { 0 };

          ga_eval_node (e, arg, &v);
          if (v.kind == GA_VALUE_ERROR)
            {
              ev_move (out, &v);
              return FALSE;
            }
          if (arg->op == GA_OP_REF)
            {
              if (v.kind == GA_VALUE_NUMBER)
                aggregate_add (agg, v.number);
              ev_release (&v);
              continue;
            }
          if (v.kind == GA_VALUE_BLANK || v.kind == GA_VALUE_NA)
            continue;
          if (!ga_ev_to_number (&v, arg))
            {
              ev_move (out, &v);
              return FALSE;
            }
          aggregate_add (agg, v.number);
        }
    }
  return TRUE;
}

void
ga_eval_sum_min_max (const Eval   *e,
                     const GaNode *call,
                     Ev           *out)
{
  GaFunc func = (GaFunc) call->func;
  Aggregate agg = { 0 };

  if (!aggregate_args (e, call, &agg, out))
    return;
  if (func == GA_FN_SUM)
    ev_result (out, agg.sum, call);
  else if (func == GA_FN_MIN)
    ev_number (out, agg.count > 0 ? agg.min : 0);
  else if (func == GA_FN_MAX)
    ev_number (out, agg.count > 0 ? agg.max : 0);
  else if (agg.count == 0)
    ga_ev_error (out, GA_ERROR_CODE_DIV0, "AVERAGE at column %u found no numbers",
                 call->column);
  else
    ev_result (out, agg.sum / agg.count, call);
}

static gboolean
is_blank_value (const GaValue *value)
{
  return value == NULL || value->kind == GA_VALUE_BLANK
         || (value->kind == GA_VALUE_TEXT && (value->u.text == NULL || value->u.text[0] == '\0'));
}

/* COUNT, COUNTA, COUNTBLANK. Errors are counted or skipped, never
 * propagated, as in Excel. */
void
ga_eval_count (const Eval   *e,
               const GaNode *call,
               Ev           *out)
{
  GaFunc func = (GaFunc) call->func;
  double count = 0;

  for (guint i = 0; i < call->n_args; i++)
    {
      const GaNode *arg = ga_formula_arg (e->formula, call, i);
      const GaValue *values = NULL;
      guint n = 0;

      if (arg->op == GA_OP_RANGE)
        {
          if (!ga_eval_get_range (e, arg, &values, &n, out))
            return;
        }
      else if (arg->op == GA_OP_REF)
        {
          values = ga_eval_get_ref (e, arg->u.ref);
          n = 1;
        }
      else
        {
          Ev v = { 0 };
          double ignored;

          ga_eval_node (e, arg, &v);
          if (func == GA_FN_COUNTA)
            count += 1;
          else if (func == GA_FN_COUNT)
            count += v.kind == GA_VALUE_NUMBER || v.kind == GA_VALUE_BOOLEAN
                     || (v.kind == GA_VALUE_TEXT && ga_parse_number_text (v.text, &ignored));
          else
            count += v.kind == GA_VALUE_BLANK || (v.kind == GA_VALUE_TEXT && v.text[0] == '\0');
          ev_release (&v);
          continue;
        }

      for (guint j = 0; j < n; j++)
        {
          const GaValue *value = values != NULL ? &values[j] : NULL;
          switch (func)
            {
            case GA_FN_COUNT:
              count += value != NULL && value->kind == GA_VALUE_NUMBER;
              break;
            case GA_FN_COUNTA:
              count += !is_blank_value (value);
              break;
            case GA_FN_COUNTBLANK:
            default:
              count += is_blank_value (value);
              break;
            }
        }
    }
  ev_number (out, count);
}

#define SUMPRODUCT_STACK 8

/* The columns SUMPRODUCT multiplies, row by row. */
typedef struct {
  const GaValue **values;
  guint          *lengths;
  GaValue        *scalars;    /* single values, as columns of one row */
  guint           n_scalars;
} Columns;

/* Argument @i as a column: a range, or a single value where a range is
 * expected, which acts as a range of one row. FALSE with the error in @out. */
static gboolean
sumproduct_column (const Eval   *e,
                   const GaNode *call,
                   guint         i,
                   Columns      *c,
                   Ev           *out)
{
  const GaNode *arg = ga_formula_arg (e->formula, call, i);
  Ev v = { 0 };
  GaValue *scalar;

  if (arg->op == GA_OP_RANGE)
    return ga_eval_get_range (e, arg, &c->values[i], &c->lengths[i], out);

  scalar = &c->scalars[c->n_scalars++];
  *scalar = (GaValue) GA_VALUE_INIT;
  ga_eval_node (e, arg, &v);
  switch (v.kind)
    {
    case GA_VALUE_NUMBER:
      ga_value_set_number (scalar, v.number);
      break;
    case GA_VALUE_BOOLEAN:
      ga_value_set_boolean (scalar, v.boolean);
      break;
    case GA_VALUE_TEXT:
      ga_value_set_text (scalar, v.text);
      break;
    case GA_VALUE_ERROR:
      ev_move (out, &v);
      return FALSE;
    case GA_VALUE_NA:
      ga_value_set_na (scalar);
      break;
    case GA_VALUE_BLANK:
    default:
      break;
    }
  ev_release (&v);
  c->values[i] = scalar;
  c->lengths[i] = 1;
  return TRUE;
}

/* The first error in the columns, in @out: TRUE when there is one. */
static gboolean
sumproduct_error (const Columns *c,
                  guint          n_args,
                  guint          rows,
                  Ev            *out)
{
  for (guint i = 0; i < n_args; i++)
    for (guint j = 0; j < rows; j++)
      if (c->values[i][j].kind == GA_VALUE_ERROR)
        {
          ga_ev_borrow (out, &c->values[i][j]);
          /* The scalars are freed by the caller: keep our own copy of the
           * message. */
          if (out->text != NULL)
            {
              out->text = g_strdup (out->text);
              out->owned = TRUE;
            }
          return TRUE;
        }
  return FALSE;
}

void
ga_eval_sumproduct (const Eval   *e,
                    const GaNode *call,
                    Ev           *out)
{
  const GaValue *stack_values[SUMPRODUCT_STACK];
  guint stack_lengths[SUMPRODUCT_STACK];
  GaValue stack_scalars[SUMPRODUCT_STACK];
  g_autofree const GaValue **heap_values = NULL;
  g_autofree guint *heap_lengths = NULL;
  g_autofree GaValue *heap_scalars = NULL;
  Columns c = { stack_values, stack_lengths, stack_scalars, 0 };
  guint n_args = call->n_args;
  guint rows = 0;
  double sum = 0;

  if (n_args > SUMPRODUCT_STACK)
    {
      c.values = heap_values = g_new0 (const GaValue *, n_args);
      c.lengths = heap_lengths = g_new0 (guint, n_args);
      c.scalars = heap_scalars = g_new0 (GaValue, n_args);
    }

  for (guint i = 0; i < n_args; i++)
    {
      if (!sumproduct_column (e, call, i, &c, out))
        goto done;
      if (i == 0)
        rows = c.lengths[0];
      else if (c.lengths[i] != rows)
        {
          ga_ev_error (out, GA_ERROR_CODE_VALUE, "SUMPRODUCT at column %u needs ranges of the "
                       "same length, found %u and %u rows", call->column, rows, c.lengths[i]);
          goto done;
        }
    }
  if (sumproduct_error (&c, n_args, rows, out))
    goto done;

  for (guint j = 0; j < rows; j++)
    {
      double product = 1;
      for (guint i = 0; i < n_args; i++)
        {
          const GaValue *value = &c.values[i][j];
          if (value->kind != GA_VALUE_NUMBER)
            {
              product = 0;
              break;
            }
          product *= value->u.number;
        }
      sum += product;
    }
  ev_result (out, sum, call);

done:
  for (guint i = 0; i < c.n_scalars; i++)
    ga_value_clear (&c.scalars[i]);
}
