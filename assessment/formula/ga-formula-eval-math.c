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

/* PV(rate, nper, pmt): the present value of nper equal payments pmt at the
 * end of each period, discounted at rate, with Excel's sign convention (a
 * payment received has a negative present value): −pmt × (1 − (1 + rate)^−nper)
 * / rate, or −pmt × nper at a rate of 0. With an investment I and a yearly
 * net cash flow F, the net present value is PV(i, n, −F) − I. */
void
ga_eval_pv (const Eval   *e,
            const GaNode *call,
            Ev           *out)
{
  double rate, nper, pmt;

  if (!ga_eval_number_arg (e, call, 0, &rate, out) || !ga_eval_number_arg (e, call, 1, &nper, out)
      || !ga_eval_number_arg (e, call, 2, &pmt, out))
    return;
  if (rate <= -1)
    ga_ev_error (out, GA_ERROR_CODE_NUM, "PV at column %u: the rate must be above −100 %%",
                 call->column);
  else if (rate == 0)
    ev_result (out, -pmt * nper, call);
  else
    ev_result (out, -pmt * -expm1 (-nper * log1p (rate)) / rate, call);
}

/* The value of an annuity of nper payments pmt with present value pv, at
 * rate: zero at the rate RATE() looks for. */
static double
annuity_balance (double rate,
                 double nper,
                 double pmt,
                 double pv)
{
  double growth;

  if (rate == 0)
    return pv + pmt * nper;
  growth = expm1 (nper * log1p (rate));   /* (1 + rate)^nper − 1 */
  return pv * (growth + 1) + pmt * growth / rate;
}

/* RATE(nper, pmt, pv): the rate per period at which nper payments pmt pay
 * back pv (pv and pmt of opposite signs), as Excel's RATE with no future
 * value. For an investment I returning F a year for n years it is the
 * internal rate of return, RATE(n, F, −I). Divided by (1 + rate)^nper the
 * balance is pv + pmt × (1 − (1 + rate)^−nper) / rate, strictly monotonic in
 * the rate, so there is one root; it is bracketed on (−1, 1e6] and found by
 * bisection to the last bit rather than by Newton steps that may stray. */
void
ga_eval_rate (const Eval   *e,
              const GaNode *call,
              Ev           *out)
{
  double nper, pmt, pv, lo, hi, f_lo, f_hi;

  if (!ga_eval_number_arg (e, call, 0, &nper, out) || !ga_eval_number_arg (e, call, 1, &pmt, out)
      || !ga_eval_number_arg (e, call, 2, &pv, out))
    return;
  if (nper <= 0 || pmt == 0 || pv == 0 || (pmt > 0) == (pv > 0))
    {
      ga_ev_error (out, GA_ERROR_CODE_NUM, "RATE at column %u has no rate: it needs a number "
                   "of periods above 0 and a payment and present value of opposite signs",
                   call->column);
      return;
    }
  lo = -1 + 1e-9;
  hi = 1e6;
  f_lo = annuity_balance (lo, nper, pmt, pv);
  f_hi = annuity_balance (hi, nper, pmt, pv);
  if (!isfinite (f_hi))
    f_hi = pv > 0 ? INFINITY : -INFINITY;
  if ((f_lo > 0) == (f_hi > 0))
    {
      ga_ev_error (out, GA_ERROR_CODE_NUM, "RATE at column %u finds no rate between −100 %% and "
                   "10⁸ %%", call->column);
      return;
    }
  for (guint i = 0; i < 400; i++)
    {
      double mid = lo + (hi - lo) / 2;
      double f_mid;

      if (mid <= lo || mid >= hi)
        break;   /* to the last bit */
      f_mid = annuity_balance (mid, nper, pmt, pv);

      if (!isfinite (f_mid))
        /* Only a very high rate overflows: there the balance has the
         * sign it has at the top of the bracket. */
        hi = mid;
      else if (f_mid == 0)
        lo = hi = mid;
      else if ((f_mid > 0) == (f_lo > 0))
        {
          lo = mid;
          f_lo = f_mid;
        }
      else
        hi = mid;
    }
  ev_result (out, lo + (hi - lo) / 2, call);
}
