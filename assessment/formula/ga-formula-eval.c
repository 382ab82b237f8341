/* ga-formula-eval.c: evaluation of compiled formulas, and the numeric
 * helpers that make the engine round and compare the way Excel does
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evaluation walks the node array recursively with a small value type (Ev)
 * that can borrow text from the caller's values, so that a formula whose
 * result is a number allocates nothing at all.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ga-formula-private.h"

/* ---------------------------------------------------------------------- */
/* Numeric helpers                                                        */

typedef enum {
  ROUND_HALF_AWAY,
  ROUND_UP,    /* away from zero */
  ROUND_DOWN,  /* toward zero */
} RoundMode;

static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static const guint64 integer_powers_of_ten[] = {
  G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10), G_GUINT64_CONSTANT (100),
  G_GUINT64_CONSTANT (1000), G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000), G_GUINT64_CONSTANT (10000000),
  G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
  G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000),
  G_GUINT64_CONSTANT (1000000000000), G_GUINT64_CONSTANT (10000000000000),
  G_GUINT64_CONSTANT (100000000000000), G_GUINT64_CONSTANT (1000000000000000),
};

/* |number| as mantissa × 10^(exponent − 14), where mantissa is the 15-digit
 * integer that "%.14e" would print. The fast path scales with one exactly
 * rounded multiplication or division by an exact power of ten; when the
 * scaled value lies too close to a rounding tie to be sure, or the exponent
 * is out of the exact range, the C library's correctly rounded conversion
 * decides. */
static void
decimal_15 (double   number,
            guint64 *mantissa,
            int     *exponent)
{
  double a = fabs (number);
  int e = (int) floor (log10 (a));

  for (int attempt = 0; attempt < 2 && e >= -8 && e <= 36; attempt++)
    {
      int k = 14 - e;
      double y = k >= 0 ? a * exact_powers_of_ten[k] : a / exact_powers_of_ten[-k];
      double r = floor (y);
      double frac = y - r;

      if (fabs (frac - 0.5) < 0.07)
        break;
      if (frac > 0.5)
        r += 1;
      if (r >= 1e15)
        {
          e++;
          continue;
        }
      if (r < 1e14)
        {
          e--;
          continue;
        }
      *mantissa = (guint64) r;
      *exponent = e;
      return;
    }

  {
    char buf[48];
    const char *p;
    guint64 m = 0;

    g_snprintf (buf, sizeof buf, "%.14e", a);
    for (p = buf; *p != 'e' && *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        m = m * 10 + (guint64) (*p - '0');
    *mantissa = m;
    *exponent = (*p == 'e') ? atoi (p + 1) : 0;
  }
}

/* mantissa × 10^power, correctly rounded. */
static double
scale_decimal (guint64 mantissa,
               int     power)
{
  char buf[48];

  /* mantissa < 2^53 and the power of ten is exact: one IEEE operation
   * rounds correctly, exactly as strtod would. */
  if (power >= 0 && power <= 22)
    return (double) mantissa * exact_powers_of_ten[power];
  if (power < 0 && power >= -22)
    return (double) mantissa / exact_powers_of_ten[-power];
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT "e%d", mantissa, power);
  return g_ascii_strtod (buf, NULL);
}

/* Rounds on the decimal digits of the number as Excel sees it (15
 * significant digits), not on its binary value: 2.675 is stored as
 * 2.67499999999999982..., which a binary approach rounds to 2.67, while
 * Excel (and this function) give 2.68. */
static double
round_decimal (double    number,
               int       digits,
               RoundMode mode)
{
  guint64 mantissa, kept, rest, unit;
  int exponent;
  int keep;
  int drop;
  gboolean negative = number < 0;
  double result;

  if (!isfinite (number) || number == 0)
    return number;
  if (digits > 400)
    return number;
  if (digits < -400)
    return negative ? -0.0 : 0.0;

  decimal_15 (number, &mantissa, &exponent);

  /* Keep this many of the 15 significant digits. */
  keep = exponent + 1 + digits;
  if (keep >= 15)
    return number;
  if (keep < 0)
    return negative ? -0.0 : 0.0;

  drop = 15 - keep;
  unit = integer_powers_of_ten[drop];
  kept = mantissa / unit;
  rest = mantissa % unit;
  switch (mode)
    {
    case ROUND_HALF_AWAY:
      kept += rest * 2 >= unit ? 1 : 0;
      break;
    case ROUND_UP:
      kept += rest > 0 ? 1 : 0;
      break;
    case ROUND_DOWN:
    default:
      break;
    }
  if (kept == 0)
    return negative ? -0.0 : 0.0;

  result = scale_decimal (kept, exponent + 1 - keep);
  return negative ? -result : result;
}

double
ga_round_half_away (double number,
                    int    digits)
{
  return round_decimal (number, digits, ROUND_HALF_AWAY);
}

static double
to_15_digits (double number)
{
  guint64 mantissa;
  int exponent;
  double result;

  if (number == 0 || !isfinite (number))
    return number;
  decimal_15 (number, &mantissa, &exponent);
  result = scale_decimal (mantissa, exponent - 14);
  return number < 0 ? -result : result;
}

int
ga_number_compare (double a,
                   double b)
{
  double scale;

  if (a == b)
    return 0;
  if (isnan (a) || isnan (b))
    return isnan (a) ? (isnan (b) ? 0 : 1) : -1;

  /* Fast path: numbers that differ well before the 15th digit. */
  scale = MAX (fabs (a), fabs (b));
  if (fabs (a - b) > scale * 1e-13 || !isfinite (scale))
    return a < b ? -1 : 1;

  a = to_15_digits (a);
  b = to_15_digits (b);
  if (a == b)
    return 0;
  return a < b ? -1 : 1;
}

int
ga_text_compare (const char *a,
                 const char *b)
{
  const guchar *x = (const guchar *) (a != NULL ? a : "");
  const guchar *y = (const guchar *) (b != NULL ? b : "");

  /* ASCII needs no allocation; fold case byte by byte. */
  while (*x != '\0' && *y != '\0' && *x < 0x80 && *y < 0x80)
    {
      int cx = g_ascii_tolower (*x);
      int cy = g_ascii_tolower (*y);
      if (cx != cy)
        return cx < cy ? -1 : 1;
      x++, y++;
    }
  if (*x == '\0' || *y == '\0')
    return (*x == '\0' ? 0 : 1) - (*y == '\0' ? 0 : 1);

  {
    g_autofree char *fx = g_utf8_casefold ((const char *) x, -1);
    g_autofree char *fy = g_utf8_casefold ((const char *) y, -1);
    int c = strcmp (fx, fy);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
}

/* ---------------------------------------------------------------------- */
/* Evaluation values                                                      */

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
} Eval;

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

static void ev_error (Ev          *v,
                      GaErrorCode  code,
                      const char  *format,
                      ...) G_GNUC_PRINTF (3, 4);

static void
ev_error (Ev          *v,
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

/* A number result: NaN and infinities become #NUM! as in Excel. */
static inline void
ev_result (Ev           *v,
           double        number,
           const GaNode *at)
{
  if (G_LIKELY (isfinite (number)))
    ev_number (v, number);
  else
    ev_error (v, GA_ERROR_CODE_NUM, "the result at column %u is too large or not a number",
              at->column);
}

static void
ev_borrow (Ev            *v,
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
        ev_error (v, GA_ERROR_CODE_NUM, "a referenced value is not a finite number");
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

/* Arithmetic coercion: TRUE=1, FALSE=0, numeric text is parsed, other text
 * is #VALUE!. Returns FALSE (and leaves an error, blank or N/A in @v) when
 * there is no number. */
static gboolean
ev_to_number (Ev           *v,
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
          ev_error (v, GA_ERROR_CODE_VALUE, "the text \"%s\" at column %u is not a number",
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
static gboolean
ev_to_boolean (Ev           *v,
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
      ev_error (v, GA_ERROR_CODE_VALUE, "the text at column %u is not TRUE or FALSE", at->column);
      return FALSE;
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
    case GA_VALUE_ERROR:
    default:
      return FALSE;
    }
}

/* Text as & and LEN see it. Returns a pointer valid while @v and @buf live. */
static const char *
ev_as_text (const Ev  *v,
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
static int
ev_compare (const Ev *a,
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

static gboolean
comparison_holds (GaOp op,
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

static const GaOp comparator_ops[] = { GA_OP_GE, GA_OP_GT, GA_OP_LE, GA_OP_LT };

/* ---------------------------------------------------------------------- */
/* Evaluator                                                              */

static void eval_node (const Eval   *e,
                       const GaNode *node,
                       Ev           *out);

static const GaValue *
get_ref (const Eval *e,
         guint       index)
{
  if (e->context == NULL || e->context->get_ref == NULL)
    return NULL;
  return e->context->get_ref (e->context->user_data, index);
}

static gboolean
get_range (const Eval     *e,
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
      ev_error (error, GA_ERROR_CODE_REF, "unknown range %s",
                e->formula->refs[node->u.ref].name);
      return FALSE;
    }
  if (*n_values > 0 && *values == NULL)
    *n_values = 0;
  return TRUE;
}

static void
eval_arithmetic (const Eval   *e,
                 const GaNode *node,
                 Ev           *out)
{
  Ev l = { 0 }, r = { 0 };
  double x, y, result;

  eval_node (e, &e->formula->nodes[node->a], &l);
  eval_node (e, &e->formula->nodes[node->b], &r);

  /* Excel looks at the left operand first: its error (or the failure to
   * make it a number) wins over anything on the right. */
  if (ev_passes_through (&l) || !ev_to_number (&l, &e->formula->nodes[node->a]))
    {
      ev_release (&r);
      ev_move (out, &l);
      return;
    }
  if (ev_passes_through (&r) || !ev_to_number (&r, &e->formula->nodes[node->b]))
    {
      ev_move (out, &r);
      return;
    }
  x = l.number;
  y = r.number;

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
          ev_error (out, GA_ERROR_CODE_DIV0, "division by zero at column %u", node->column);
          return;
        }
      result = x / y;
      break;
    case GA_OP_POW:
      if (x == 0 && y == 0)
        {
          ev_error (out, GA_ERROR_CODE_NUM, "0^0 is not defined (column %u)", node->column);
          return;
        }
      if (x == 0 && y < 0)
        {
          ev_error (out, GA_ERROR_CODE_DIV0, "0 raised to a negative power divides by zero "
                    "(column %u)", node->column);
          return;
        }
      if (x < 0 && y != floor (y))
        {
          ev_error (out, GA_ERROR_CODE_NUM, "a negative number raised to a fractional power "
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
eval_concat (const Eval   *e,
             const GaNode *node,
             Ev           *out)
{
  Ev l = { 0 }, r = { 0 };
  g_autofree char *lb = NULL;
  g_autofree char *rb = NULL;

  eval_node (e, &e->formula->nodes[node->a], &l);
  if (ev_passes_through (&l))
    {
      ev_move (out, &l);
      return;
    }
  eval_node (e, &e->formula->nodes[node->b], &r);
  if (ev_passes_through (&r))
    {
      ev_release (&l);
      ev_move (out, &r);
      return;
    }
  {
    char *text = g_strconcat (ev_as_text (&l, &lb), ev_as_text (&r, &rb), NULL);
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
  Ev l = { 0 }, r = { 0 };
  int c;

  eval_node (e, &e->formula->nodes[node->a], &l);
  if (ev_passes_through (&l))
    {
      ev_move (out, &l);
      return;
    }
  eval_node (e, &e->formula->nodes[node->b], &r);
  if (ev_passes_through (&r))
    {
      ev_release (&l);
      ev_move (out, &r);
      return;
    }
  c = ev_compare (&l, &r);
  ev_release (&l);
  ev_release (&r);
  ev_boolean (out, comparison_holds ((GaOp) node->op, c));
}

/* Evaluates argument @i of @call as a number (arithmetic coercion). */
static gboolean
eval_number_arg (const Eval   *e,
                 const GaNode *call,
                 guint         i,
                 double       *number,
                 Ev           *out)
{
  const GaNode *arg = ga_formula_arg (e->formula, call, i);
  Ev v = { 0 };

  eval_node (e, arg, &v);
  if (ev_passes_through (&v) || !ev_to_number (&v, arg))
    {
      ev_move (out, &v);
      return FALSE;
    }
  *number = v.number;
  return TRUE;
}

static gboolean
eval_boolean_arg (const Eval   *e,
                  const GaNode *arg,
                  gboolean     *boolean,
                  Ev           *out)
{
  Ev v = { 0 };

  eval_node (e, arg, &v);
  if (ev_passes_through (&v) || !ev_to_boolean (&v, arg))
    {
      ev_move (out, &v);
      return FALSE;
    }
  *boolean = v.boolean;
  return TRUE;
}

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

      if (arg->op == GA_OP_RANGE)
        {
          const GaValue *values;
          guint n;

          if (!get_range (e, arg, &values, &n, out))
            return FALSE;
          for (guint j = 0; j < n; j++)
            {
              if (values[j].kind == GA_VALUE_NUMBER)
                {
                  if (G_UNLIKELY (!isfinite (values[j].u.number)))
                    {
                      ev_error (out, GA_ERROR_CODE_NUM, "row %u of %s is not a finite number",
                                j + 1, e->formula->refs[arg->u.ref].name);
                      return FALSE;
                    }
                  aggregate_add (agg, values[j].u.number);
                }
              else if (values[j].kind == GA_VALUE_ERROR)
                {
                  ev_borrow (out, &values[j]);
                  return FALSE;
                }
            }
        }
      else
        {
          Ev v = { 0 };

          eval_node (e, arg, &v);
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
          if (!ev_to_number (&v, arg))
            {
              ev_move (out, &v);
              return FALSE;
            }
          aggregate_add (agg, v.number);
        }
    }
  return TRUE;
}

static gboolean
is_blank_value (const GaValue *value)
{
  return value == NULL || value->kind == GA_VALUE_BLANK
         || (value->kind == GA_VALUE_TEXT && (value->u.text == NULL || value->u.text[0] == '\0'));
}

/* COUNT, COUNTA, COUNTBLANK. Errors are counted or skipped, never
 * propagated, as in Excel. */
static void
eval_count (const Eval   *e,
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
          if (!get_range (e, arg, &values, &n, out))
            return;
        }
      else if (arg->op == GA_OP_REF)
        {
          values = get_ref (e, arg->u.ref);
          n = 1;
        }
      else
        {
          Ev v = { 0 };
          double ignored;

          eval_node (e, arg, &v);
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

static void
eval_sumproduct (const Eval   *e,
                 const GaNode *call,
                 Ev           *out)
{
  const GaValue *stack_values[SUMPRODUCT_STACK];
  guint stack_lengths[SUMPRODUCT_STACK];
  GaValue stack_scalars[SUMPRODUCT_STACK];
  g_autofree const GaValue **heap_values = NULL;
  g_autofree guint *heap_lengths = NULL;
  g_autofree GaValue *heap_scalars = NULL;
  const GaValue **values = stack_values;
  guint *lengths = stack_lengths;
  GaValue *scalars = stack_scalars;
  guint n_args = call->n_args;
  guint n_scalars = 0;
  guint rows = 0;
  double sum = 0;

  if (n_args > SUMPRODUCT_STACK)
    {
      heap_values = g_new0 (const GaValue *, n_args);
      heap_lengths = g_new0 (guint, n_args);
      heap_scalars = g_new0 (GaValue, n_args);
      values = heap_values;
      lengths = heap_lengths;
      scalars = heap_scalars;
    }

  /* A single value where a range is expected acts as a range of one row. */
  for (guint i = 0; i < n_args; i++)
    {
      const GaNode *arg = ga_formula_arg (e->formula, call, i);

      if (arg->op == GA_OP_RANGE)
        {
          if (!get_range (e, arg, &values[i], &lengths[i], out))
            goto done;
        }
      else
        {
          Ev v = { 0 };
          GaValue *scalar = &scalars[n_scalars++];

          *scalar = (GaValue) GA_VALUE_INIT;
          eval_node (e, arg, &v);
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
              goto done;
            case GA_VALUE_NA:
              ga_value_set_na (scalar);
              break;
            case GA_VALUE_BLANK:
            default:
              break;
            }
          ev_release (&v);
          values[i] = scalar;
          lengths[i] = 1;
        }
      if (i == 0)
        rows = lengths[0];
      else if (lengths[i] != rows)
        {
          ev_error (out, GA_ERROR_CODE_VALUE, "SUMPRODUCT at column %u needs ranges of the same "
                    "length, found %u and %u rows", call->column, rows, lengths[i]);
          goto done;
        }
    }

  for (guint i = 0; i < n_args; i++)
    for (guint j = 0; j < rows; j++)
      if (values[i][j].kind == GA_VALUE_ERROR)
        {
          ev_borrow (out, &values[i][j]);
          /* The scalars are freed below: keep our own copy of the message. */
          if (out->text != NULL)
            {
              out->text = g_strdup (out->text);
              out->owned = TRUE;
            }
          goto done;
        }

  for (guint j = 0; j < rows; j++)
    {
      double product = 1;
      for (guint i = 0; i < n_args; i++)
        {
          const GaValue *value = &values[i][j];
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
  for (guint i = 0; i < n_scalars; i++)
    ga_value_clear (&scalars[i]);
}

static void
eval_logical (const Eval   *e,
              const GaNode *call,
              Ev           *out)
{
  GaFunc func = (GaFunc) call->func;
  guint n_values = 0;
  guint n_true = 0;

  /* Excel evaluates every argument (no short circuit), so an error in any
   * of them propagates. */
  for (guint i = 0; i < call->n_args; i++)
    {
      const GaNode *arg = ga_formula_arg (e->formula, call, i);
      Ev v = { 0 };

      eval_node (e, arg, &v);
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
      if (!ev_to_boolean (&v, arg))
        {
          ev_move (out, &v);
          return;
        }
      n_values++;
      n_true += v.boolean ? 1 : 0;
    }

  if (n_values == 0)
    {
      ev_error (out, GA_ERROR_CODE_VALUE, "%s at column %u found no TRUE/FALSE value",
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

  eval_node (e, threshold, &t);
  if (ev_passes_through (&t))
    {
      ev_move (out, &t);
      return FALSE;
    }
  *meets = comparison_holds (op, ev_compare (x, &t));
  ev_release (&t);
  return TRUE;
}

static void
eval_band (const Eval   *e,
           const GaNode *call,
           Ev           *out)
{
  GaOp op = comparator_ops[ga_comparator_from_text (ga_formula_arg (e->formula, call, 1)->u.text)];
  guint n_pairs = (call->n_args - 3) / 2;
  Ev x = { 0 };

  eval_node (e, ga_formula_arg (e->formula, call, 0), &x);
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
          eval_node (e, ga_formula_arg (e->formula, call, 3 + 2 * k), out);
          return;
        }
    }
  ev_release (&x);
  eval_node (e, ga_formula_arg (e->formula, call, call->n_args - 1), out);
}

static gboolean
is_empty_text_literal (const GaNode *node)
{
  return node->op == GA_OP_TEXT && node->u.text[0] == '\0';
}

static void
eval_level (const Eval   *e,
            const GaNode *call,
            Ev           *out)
{
  GaOp op = comparator_ops[ga_comparator_from_text (ga_formula_arg (e->formula, call, 1)->u.text)];
  Ev x = { 0 };
  gboolean have_x = FALSE;

  for (guint k = 0; k < 3; k++)
    {
      const GaNode *benchmark = ga_formula_arg (e->formula, call, 2 + k);
      gboolean meets;

      /* "" marks a level that the standard does not define. */
      if (is_empty_text_literal (benchmark))
        continue;
      if (!have_x)
        {
          eval_node (e, ga_formula_arg (e->formula, call, 0), &x);
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

static void
eval_factor (const Eval   *e,
             const GaNode *call,
             Ev           *out)
{
  const char *table = ga_formula_arg (e->formula, call, 0)->u.text;
  const char *column = ga_formula_arg (e->formula, call, 2)->u.text;
  GaValue key = GA_VALUE_INIT;
  GaValue result = GA_VALUE_INIT;
  Ev k = { 0 };

  eval_node (e, ga_formula_arg (e->formula, call, 1), &k);
  if (ev_passes_through (&k))
    {
      ev_move (out, &k);
      return;
    }
  if (e->context == NULL || e->context->lookup == NULL)
    {
      ev_release (&k);
      ev_error (out, GA_ERROR_CODE_REF, "lookup table '%s' is not available", table);
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
      ev_error (out, GA_ERROR_CODE_NA, "'%s' is not a key of lookup table '%s'", shown, table);
    }
  else
    {
      switch (result.kind)
        {
        case GA_VALUE_NUMBER:
          ev_result (out, result.u.number, call);
          break;
        case GA_VALUE_BOOLEAN:
          ev_boolean (out, result.u.boolean);
          break;
        case GA_VALUE_TEXT:
          out->kind = GA_VALUE_TEXT;
          out->text = g_steal_pointer (&result.u.text);
          out->owned = TRUE;
          result.kind = GA_VALUE_BLANK;
          break;
        case GA_VALUE_ERROR:
          out->kind = GA_VALUE_ERROR;
          out->code = result.u.error.code;
          out->text = g_steal_pointer (&result.u.error.message);
          out->owned = TRUE;
          result.kind = GA_VALUE_BLANK;
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
  ga_value_clear (&key);
  ga_value_clear (&result);
}

/* Not inlined: eval_node() recurses once per level of a chain such as
 * 1+1+…+1 (up to GA_FORMULA_MAX_LENGTH / 2 levels), so its frame must stay
 * small; the locals of every function would otherwise be in each level. */
static G_GNUC_NO_INLINE void
eval_call (const Eval   *e,
           const GaNode *call,
           Ev           *out)
{
  GaFunc func = (GaFunc) call->func;
  const GaFormula *f = e->formula;
  double x, y, z, w;

  switch (func)
    {
    case GA_FN_IF:
      {
        gboolean condition;
        if (!eval_boolean_arg (e, ga_formula_arg (f, call, 0), &condition, out))
          return;
        if (condition)
          eval_node (e, ga_formula_arg (f, call, 1), out);
        else if (call->n_args == 3)
          eval_node (e, ga_formula_arg (f, call, 2), out);
        else
          ev_boolean (out, FALSE);
        return;
      }

    case GA_FN_IFS:
      for (guint i = 0; i + 1 < call->n_args; i += 2)
        {
          gboolean condition;
          if (!eval_boolean_arg (e, ga_formula_arg (f, call, i), &condition, out))
            return;
          if (condition)
            {
              eval_node (e, ga_formula_arg (f, call, i + 1), out);
              return;
            }
        }
      ev_error (out, GA_ERROR_CODE_NA, "no condition of IFS at column %u is TRUE", call->column);
      return;

    case GA_FN_IFERROR:
      eval_node (e, ga_formula_arg (f, call, 0), out);
      if (out->kind == GA_VALUE_ERROR)
        {
          ev_release (out);
          eval_node (e, ga_formula_arg (f, call, 1), out);
        }
      return;

    case GA_FN_IFBLANK:
      /* The value when it is there, else the fallback. A direct reference
       * as the value is not strict, so blank reaches this point; N/A and
       * errors are values, not gaps, and stay. An empty text is blank, as
       * in the guard and in the Excel translation IF(x="",fallback,x). */
      eval_node (e, ga_formula_arg (f, call, 0), out);
      if (out->kind == GA_VALUE_BLANK || (out->kind == GA_VALUE_TEXT && out->text[0] == '\0'))
        {
          ev_release (out);
          eval_node (e, ga_formula_arg (f, call, 1), out);
        }
      return;

    case GA_FN_AND:
    case GA_FN_OR:
      eval_logical (e, call, out);
      return;

    case GA_FN_NOT:
      {
        gboolean b;
        if (eval_boolean_arg (e, ga_formula_arg (f, call, 0), &b, out))
          ev_boolean (out, !b);
        return;
      }

    case GA_FN_TRUE:
      ev_boolean (out, TRUE);
      return;

    case GA_FN_FALSE:
      ev_boolean (out, FALSE);
      return;

    case GA_FN_SUM:
    case GA_FN_MIN:
    case GA_FN_MAX:
    case GA_FN_AVERAGE:
      {
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
          ev_error (out, GA_ERROR_CODE_DIV0, "AVERAGE at column %u found no numbers",
                    call->column);
        else
          ev_result (out, agg.sum / agg.count, call);
        return;
      }

    case GA_FN_COUNT:
    case GA_FN_COUNTA:
    case GA_FN_COUNTBLANK:
      eval_count (e, call, out);
      return;

    case GA_FN_SUMPRODUCT:
      eval_sumproduct (e, call, out);
      return;

    case GA_FN_ROUND:
    case GA_FN_ROUNDUP:
    case GA_FN_ROUNDDOWN:
      if (!eval_number_arg (e, call, 0, &x, out) || !eval_number_arg (e, call, 1, &y, out))
        return;
      /* Excel truncates the number of digits toward zero. */
      y = trunc (y);
      y = CLAMP (y, -1000, 1000);
      ev_result (out, round_decimal (x, (int) y,
                                     func == GA_FN_ROUND ? ROUND_HALF_AWAY
                                     : func == GA_FN_ROUNDUP ? ROUND_UP : ROUND_DOWN), call);
      return;

    case GA_FN_ABS:
      if (eval_number_arg (e, call, 0, &x, out))
        ev_number (out, fabs (x));
      return;

    case GA_FN_SQRT:
      if (!eval_number_arg (e, call, 0, &x, out))
        return;
      if (x < 0)
        ev_error (out, GA_ERROR_CODE_NUM, "SQRT at column %u of a negative number",
                  call->column);
      else
        ev_number (out, sqrt (x));
      return;

    case GA_FN_POWER:
      if (!eval_number_arg (e, call, 0, &x, out) || !eval_number_arg (e, call, 1, &y, out))
        return;
      if (x == 0 && y == 0)
        ev_error (out, GA_ERROR_CODE_NUM, "POWER(0, 0) at column %u is not defined",
                  call->column);
      else if (x == 0 && y < 0)
        ev_error (out, GA_ERROR_CODE_DIV0, "POWER at column %u raises 0 to a negative power",
                  call->column);
      else if (x < 0 && y != floor (y))
        ev_error (out, GA_ERROR_CODE_NUM, "POWER at column %u raises a negative number to a "
                  "fractional power", call->column);
      else
        ev_result (out, pow (x, y), call);
      return;

    case GA_FN_MOD:
      if (!eval_number_arg (e, call, 0, &x, out) || !eval_number_arg (e, call, 1, &y, out))
        return;
      if (y == 0)
        {
          ev_error (out, GA_ERROR_CODE_DIV0, "MOD at column %u divides by zero", call->column);
          return;
        }
      /* The result has the sign of the divisor, as in Excel. */
      z = fmod (x, y);
      if (z != 0 && ((z < 0) != (y < 0)))
        z += y;
      ev_result (out, z, call);
      return;

    case GA_FN_INT:
      if (eval_number_arg (e, call, 0, &x, out))
        ev_number (out, floor (x));
      return;

    case GA_FN_LEN:
      {
        Ev v = { 0 };
        g_autofree char *buf = NULL;
        eval_node (e, ga_formula_arg (f, call, 0), &v);
        if (ev_passes_through (&v))
          {
            ev_move (out, &v);
            return;
          }
        x = (double) g_utf8_strlen (ev_as_text (&v, &buf), -1);
        ev_release (&v);
        ev_number (out, x);
        return;
      }

    case GA_FN_ISBLANK:
    case GA_FN_ISNOTAPPLICABLE:
      {
        Ev v = { 0 };
        gboolean result;
        eval_node (e, ga_formula_arg (f, call, 0), &v);
        /* Same answers as the Excel translation (x="") and (x="N/A"),
         * which propagate an error in x. */
        if (v.kind == GA_VALUE_ERROR)
          {
            ev_move (out, &v);
            return;
          }
        if (func == GA_FN_ISBLANK)
          result = v.kind == GA_VALUE_BLANK || (v.kind == GA_VALUE_TEXT && v.text[0] == '\0');
        else
          result = v.kind == GA_VALUE_NA || (v.kind == GA_VALUE_TEXT && is_text_na (v.text));
        ev_release (&v);
        ev_boolean (out, result);
        return;
      }

    case GA_FN_ISNUMBER:
    case GA_FN_ISTEXT:
    case GA_FN_ISLOGICAL:
    case GA_FN_ISERROR:
      {
        Ev v = { 0 };
        GaValueKind kind;
        eval_node (e, ga_formula_arg (f, call, 0), &v);
        kind = v.kind;
        ev_release (&v);
        ev_boolean (out, kind == (func == GA_FN_ISNUMBER ? GA_VALUE_NUMBER
                                  : func == GA_FN_ISTEXT ? GA_VALUE_TEXT
                                  : func == GA_FN_ISLOGICAL ? GA_VALUE_BOOLEAN
                                  : GA_VALUE_ERROR));
        return;
      }

    case GA_FN_INTERP:
      /* Same order of evaluation as the Excel translation
       * points*MAX(0,MIN(1,(x-baseline)/(leading-baseline))). */
      if (!eval_number_arg (e, call, 3, &w, out) || !eval_number_arg (e, call, 0, &x, out)
          || !eval_number_arg (e, call, 1, &y, out) || !eval_number_arg (e, call, 2, &z, out))
        return;
      if (z - y == 0)
        {
          ev_error (out, GA_ERROR_CODE_DIV0, "INTERP at column %u: the baseline and the leading "
                    "value are equal", call->column);
          return;
        }
      ev_result (out, w * MAX (0.0, MIN (1.0, (x - y) / (z - y))), call);
      return;

    case GA_FN_BAND:
      eval_band (e, call, out);
      return;

    case GA_FN_LEVEL:
      eval_level (e, call, out);
      return;

    case GA_FN_FACTOR:
      eval_factor (e, call, out);
      return;

    case GA_FN_CLAMP:
      /* Excel: MAX(lo, MIN(hi, x)), evaluated in that order. */
      if (!eval_number_arg (e, call, 1, &y, out) || !eval_number_arg (e, call, 2, &z, out)
          || !eval_number_arg (e, call, 0, &x, out))
        return;
      ev_number (out, MAX (y, MIN (z, x)));
      return;

    case GA_FN_PCTCHANGE:
      if (!eval_number_arg (e, call, 0, &x, out) || !eval_number_arg (e, call, 1, &y, out))
        return;
      if (y == 0)
        {
          ev_error (out, GA_ERROR_CODE_DIV0, "PCTCHANGE at column %u: the old value is 0",
                    call->column);
          return;
        }
      ev_result (out, (x - y) / y, call);
      return;

    case GA_FN_POINTS:
      {
        /* A score as points: numbers are clamped to [0, max] (in the order
         * of the translation MAX(0,MIN(max,x))), TRUE earns max and FALSE
         * nothing. Text is no score. */
        Ev v = { 0 };
        if (!eval_number_arg (e, call, 1, &y, out))
          return;
        eval_node (e, ga_formula_arg (f, call, 0), &v);
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
            ev_error (out, GA_ERROR_CODE_VALUE, "POINTS at column %u: the score is text, not "
                      "points", call->column);
            break;
          default:
            ev_move (out, &v);
            break;
          }
        return;
      }

    case GA_N_FUNCTIONS:
    default:
      ev_error (out, GA_ERROR_CODE_NAME, "unknown function");
      return;
    }
}

static void
eval_node (const Eval   *e,
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
      ev_borrow (out, get_ref (e, node->u.ref));
      return;

    case GA_OP_RANGE:
      ev_error (out, GA_ERROR_CODE_VALUE, "the range %s at column %u can only be used inside "
                "SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, COUNTBLANK or SUMPRODUCT",
                e->formula->refs[node->u.ref].name, node->column);
      return;

    case GA_OP_POS:
      /* Excel ignores a unary plus entirely: +"abc" is "abc". */
      eval_node (e, &e->formula->nodes[node->a], out);
      return;

    case GA_OP_NEG:
    case GA_OP_PERCENT:
      eval_node (e, &e->formula->nodes[node->a], out);
      if (ev_passes_through (out) || !ev_to_number (out, &e->formula->nodes[node->a]))
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
      ev_error (out, GA_ERROR_CODE_VALUE, "corrupt formula");
      return;
    }
}

void
ga_formula_evaluate (GaFormula              *formula,
                     const GaFormulaContext *context,
                     GaValue                *result)
{
  Eval e;
  Ev v = { 0 };
  gboolean blank = FALSE;
  gboolean na = FALSE;

  g_return_if_fail (formula != NULL);
  g_return_if_fail (result != NULL);

  ga_value_clear (result);
  e.formula = formula;
  e.context = context;

  /* The strict-reference guard: errors first, then blank, then N/A. An
   * empty text counts as blank and the text "N/A" as not applicable,
   * because the exported workbook cannot tell them apart either. */
  for (guint i = 0; i < formula->n_strict; i++)
    {
      const GaValue *value = get_ref (&e, formula->strict[i]);

      if (value == NULL || value->kind == GA_VALUE_BLANK)
        blank = TRUE;
      else if (value->kind == GA_VALUE_ERROR)
        {
          ga_value_copy (value, result);
          if (result->u.error.code == GA_ERROR_CODE_NONE)
            result->u.error.code = GA_ERROR_CODE_VALUE;
          return;
        }
      else if (value->kind == GA_VALUE_NA)
        na = TRUE;
      else if (value->kind == GA_VALUE_TEXT)
        {
          if (value->u.text == NULL || value->u.text[0] == '\0')
            blank = TRUE;
          else if (is_text_na (value->u.text))
            na = TRUE;
        }
      else if (value->kind == GA_VALUE_NUMBER && !isfinite (value->u.number))
        {
          ga_value_set_error (result, GA_ERROR_CODE_NUM, "%s is not a finite number",
                              formula->refs[formula->strict[i]].name);
          return;
        }
    }
  if (blank)
    return;
  if (na)
    {
      ga_value_set_na (result);
      return;
    }

  eval_node (&e, &formula->nodes[formula->root], &v);
  switch (v.kind)
    {
    case GA_VALUE_NUMBER:
      ga_value_set_number (result, v.number);
      break;
    case GA_VALUE_BOOLEAN:
      ga_value_set_boolean (result, v.boolean);
      break;
    case GA_VALUE_TEXT:
      if (v.owned)
        {
          ga_value_take_text (result, v.text);
          v.owned = FALSE;
        }
      else
        ga_value_set_text (result, v.text);
      break;
    case GA_VALUE_ERROR:
      if (v.text != NULL)
        ga_value_set_error (result, v.code, "%s", v.text);
      else
        ga_value_set_error (result, v.code, NULL);
      break;
    case GA_VALUE_NA:
      ga_value_set_na (result);
      break;
    case GA_VALUE_BLANK:
    default:
      break;
    }
  ev_release (&v);
}
