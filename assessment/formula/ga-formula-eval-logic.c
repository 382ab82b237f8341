/* ga-formula-eval-logic.c: the logical functions (IF, IFS, IFERROR,
 * IFBLANK, AND, OR, NOT, TRUE, FALSE) and the IS… tests
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include "ga-formula-eval-private.h"

void
ga_eval_if (const Eval   *e,
            const GaNode *call,
            Ev           *out)
{
  const GaFormula *f = e->formula;
  gboolean condition;

  if (!ga_eval_boolean_arg (e, ga_formula_arg (f, call, 0), &condition, out))
    return;
  if (condition)
    ga_eval_node (e, ga_formula_arg (f, call, 1), out);
  else if (call->n_args == 3)
    ga_eval_node (e, ga_formula_arg (f, call, 2), out);
  else
    ev_boolean (out, FALSE);
}

void
ga_eval_ifs (const Eval   *e,
             const GaNode *call,
             Ev           *out)
{
  const GaFormula *f = e->formula;

  for (guint i = 0; i + 1 < call->n_args; i += 2)
    {
      gboolean condition;
      if (!ga_eval_boolean_arg (e, ga_formula_arg (f, call, i), &condition, out))
        return;
      if (condition)
        {
          ga_eval_node (e, ga_formula_arg (f, call, i + 1), out);
          return;
        }
    }
  ga_ev_error (out, GA_ERROR_CODE_NA, "no condition of IFS at column %u is TRUE", call->column);
}

/* IFERROR: the value unless it is an error. IFBLANK: the value when it is
 * there: a direct reference as the value is not strict, so blank reaches
 * this point; N/A and errors are values, not gaps, and stay. An empty text
 * is blank, as in the guard and in the Excel translation
 * IF(x="",fallback,x). Else the fallback. */
void
ga_eval_fallback (const Eval   *e,
                  const GaNode *call,
                  Ev           *out)
{
  gboolean missing;

  ga_eval_node (e, ga_formula_arg (e->formula, call, 0), out);
  if (call->func == GA_FN_IFERROR)
    missing = out->kind == GA_VALUE_ERROR;
  else
    missing = out->kind == GA_VALUE_BLANK
              || (out->kind == GA_VALUE_TEXT && out->text[0] == '\0');
  if (missing)
    {
      ev_release (out);
      ga_eval_node (e, ga_formula_arg (e->formula, call, 1), out);
    }
}

/* AND and OR. Excel evaluates every argument (no short circuit), so an
 * error in any of them propagates. */
void
ga_eval_and_or (const Eval   *e,
                const GaNode *call,
                Ev           *out)
{
  GaFunc func = (GaFunc) call->func;
  guint n_values = 0;
  guint n_true = 0;

  for (guint i = 0; i < call->n_args; i++)
    {
      const GaNode *arg = ga_formula_arg (e->formula, call, i);
      Ev v = { 0 };

      ga_eval_node (e, arg, &v);
      if (ev_passes_through (&v))
        {
          ev_move (out, &v);
          return;
        }
      if (arg->op == GA_OP_REF && v.kind == GA_VALUE_TEXT)
        {
          /* Text in a referenced cell is ignored, as in Excel. */
          continue;
        }
      if (!ga_ev_to_boolean (&v, arg))
        {
          ev_move (out, &v);
          return;
        }
      n_values++;
      n_true += v.boolean ? 1 : 0;
    }

  if (n_values == 0)
    {
      ga_ev_error (out, GA_ERROR_CODE_VALUE, "%s at column %u found no TRUE/FALSE value",
                   ga_function_table[func].name, call->column);
      return;
    }
  switch (func)
    {
    case GA_FN_AND:
      ev_boolean (out, n_true == n_values);
      break;
    case GA_FN_OR:
    default:
      ev_boolean (out, n_true > 0);
      break;
    }
}

void
ga_eval_not (const Eval   *e,
             const GaNode *call,
             Ev           *out)
{
  gboolean b;

  if (ga_eval_boolean_arg (e, ga_formula_arg (e->formula, call, 0), &b, out))
    ev_boolean (out, !b);
}

void
ga_eval_true_false (const Eval   *e,
                    const GaNode *call,
                    Ev           *out)
{
  ev_boolean (out, call->func == GA_FN_TRUE);
}

/* ISBLANK and ISNOTAPPLICABLE: the same answers as the Excel translation
 * (x="") and (x="N/A"), which propagate an error in x. */
void
ga_eval_is_gap (const Eval   *e,
                const GaNode *call,
                Ev           *out)
{
  Ev v = { 0 };
  gboolean result;

  ga_eval_node (e, ga_formula_arg (e->formula, call, 0), &v);
  if (v.kind == GA_VALUE_ERROR)
    {
      ev_move (out, &v);
      return;
    }
  if (call->func == GA_FN_ISBLANK)
    result = v.kind == GA_VALUE_BLANK || (v.kind == GA_VALUE_TEXT && v.text[0] == '\0');
  else
    result = v.kind == GA_VALUE_NA || (v.kind == GA_VALUE_TEXT && is_text_na (v.text));
  ev_release (&v);
  ev_boolean (out, result);
}

/* ISNUMBER, ISTEXT, ISLOGICAL and ISERROR. */
void
ga_eval_is_kind (const Eval   *e,
                 const GaNode *call,
                 Ev           *out)
{
  GaFunc func = (GaFunc) call->func;
  Ev v = { 0 };
  GaValueKind kind;

  ga_eval_node (e, ga_formula_arg (e->formula, call, 0), &v);
  kind = v.kind;
  ev_release (&v);
  ev_boolean (out, kind == (func == GA_FN_ISNUMBER ? GA_VALUE_NUMBER
                            : func == GA_FN_ISTEXT ? GA_VALUE_TEXT
                            : func == GA_FN_ISLOGICAL ? GA_VALUE_BOOLEAN
                            : GA_VALUE_ERROR));
}
