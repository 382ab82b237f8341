/* ga-formula-eval-math.c: the mathematical functions (ROUND, ROUNDUP,
 * ROUNDDOWN, ABS, INT, SQRT, POWER, MOD) and LEN
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include "ga-formula-eval-private.h"

/* ROUND, ROUNDUP and ROUNDDOWN, on the decimal digits Excel sees. */
void
ga_eval_round (const Eval   *e,
               const GaNode *call,
               Ev           *out)
{
  GaRoundMode mode = call->func == GA_FN_ROUND ? GA_ROUND_HALF_AWAY
                     : call->func == GA_FN_ROUNDUP ? GA_ROUND_UP : GA_ROUND_DOWN;
  double x, y;

  if (!ga_eval_number_arg (e, call, 0, &x, out) || !ga_eval_number_arg (e, call, 1, &y, out))
    return;
  /* Excel truncates the number of digits toward zero. */
  y = trunc (y);
  y = CLAMP (y, -1000, 1000);
  ev_result (out, ga_round_decimal (x, (int) y, mode), call);
}

/* ABS and INT (which rounds down, as in Excel). */
void
ga_eval_abs_int (const Eval   *e,
                 const GaNode *call,
                 Ev           *out)
{
  double x;

  if (ga_eval_number_arg (e, call, 0, &x, out))
    ev_number (out, call->func == GA_FN_ABS ? fabs (x) : floor (x));
}

void
ga_eval_sqrt (const Eval   *e,
              const GaNode *call,
              Ev           *out)
{
  double x;

  if (!ga_eval_number_arg (e, call, 0, &x, out))
    return;
  if (x < 0)
    ga_ev_error (out, GA_ERROR_CODE_NUM, "SQRT at column %u of a negative number",
                 call->column);
  else
    ev_number (out, sqrt (x));
}

void
ga_eval_power (const Eval   *e,
               const GaNode *call,
               Ev           *out)
{
  double x, y;

  if (!ga_eval_number_arg (e, call, 0, &x, out) || !ga_eval_number_arg (e, call, 1, &y, out))
    return;
  if (x == 0 && y == 0)
    ga_ev_error (out, GA_ERROR_CODE_NUM, "POWER(0, 0) at column %u is not defined",
                 call->column);
  else if (x == 0 && y < 0)
    ga_ev_error (out, GA_ERROR_CODE_DIV0, "POWER at column %u raises 0 to a negative power",
                 call->column);
  else if (x < 0 && y != floor (y))
    ga_ev_error (out, GA_ERROR_CODE_NUM, "POWER at column %u raises a negative number to a "
                 "fractional power", call->column);
  else
    ev_result (out, pow (x, y), call);
}

void
ga_eval_mod (const Eval   *e,
             const GaNode *call,
             Ev           *out)
{
  double x, y, z;

  if (!ga_eval_number_arg (e, call, 0, &x, out) || !ga_eval_number_arg (e, call, 1, &y, out))
    return;
  if (y == 0)
    {
      ga_ev_error (out, GA_ERROR_CODE_DIV0, "MOD at column %u divides by zero", call->column);
      return;
    }
  /* The result has the sign of the divisor, as in Excel. */
  z = fmod (x, y);
  if (z != 0 && ((z < 0) != (y < 0)))
    z += y;
  ev_result (out, z, call);
}

void
ga_eval_len (const Eval   *e,
             const GaNode *call,
             Ev           *out)
{
  Ev v = { 0 };
  g_autofree char *buf = NULL;
  double x;

  ga_eval_node (e, ga_formula_arg (e->formula, call, 0), &v);
  if (ev_passes_through (&v))
    {
      ev_move (out, &v);
      return;
    }
  x = (double) g_utf8_strlen (ga_ev_as_text (&v, &buf), -1);
  ev_release (&v);
  ev_number (out, x);
}
