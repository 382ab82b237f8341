/* ga-formula-excel.c: translation of formulas into Excel formulas
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exported workbook must compute exactly what the engine computes, so
 * every rule here has a twin in ga-formula-eval.c: the strict-reference
 * guard, the domain functions spelled out in plain Excel, ISBLANK written
 * as (x="") because computed cells hold "" rather than nothing, and so on.
 * docs/formula-language.md lists the rules.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-formula-private.h"

/* Excel's limits: 255 characters in a text constant, 8192 characters in a
 * formula, 64 nested function calls. */
#define EXCEL_MAX_TEXT    255
#define EXCEL_MAX_FORMULA 8192
#define EXCEL_MAX_NESTING 64

enum {
  PREC_COMPARE = 2,
  PREC_CONCAT = 3,
  PREC_ADD = 4,
  PREC_MUL = 5,
  PREC_POW = 6,
  PREC_PERCENT = 7,
  PREC_SIGN = 8,
  PREC_ATOM = 10,
};

typedef struct {
  GaFormula            *formula;
  const GaExcelContext *context;
  const char           *na_text;
  char                **cells;    /* translated references, by index */
  guint                 nesting;
  guint                 max_nesting;
  GError              **error;
  gboolean              failed;
} Excel;

static void emit (Excel        *x,
                  const GaNode *node,
                  int           min_prec,
                  GString      *out);

static int
op_prec (GaOp op)
{
  switch (op)
    {
    case GA_OP_EQ:
    case GA_OP_NE:
    case GA_OP_LT:
    case GA_OP_LE:
    case GA_OP_GT:
    case GA_OP_GE:
      return PREC_COMPARE;
    case GA_OP_CONCAT:
      return PREC_CONCAT;
    case GA_OP_ADD:
    case GA_OP_SUB:
      return PREC_ADD;
    case GA_OP_MUL:
    case GA_OP_DIV:
      return PREC_MUL;
    case GA_OP_POW:
      return PREC_POW;
    case GA_OP_PERCENT:
      return PREC_PERCENT;
    case GA_OP_NEG:
    case GA_OP_POS:
      return PREC_SIGN;
    case GA_OP_NUMBER:
    case GA_OP_TEXT:
    case GA_OP_BOOLEAN:
    case GA_OP_REF:
    case GA_OP_RANGE:
    case GA_OP_CALL:
    default:
      return PREC_ATOM;
    }
}

static const char *
op_text (GaOp op)
{
  switch (op)
    {
    case GA_OP_EQ: return "=";
    case GA_OP_NE: return "<>";
    case GA_OP_LT: return "<";
    case GA_OP_LE: return "<=";
    case GA_OP_GT: return ">";
    case GA_OP_GE: return ">=";
    case GA_OP_CONCAT: return "&";
    case GA_OP_ADD: return "+";
    case GA_OP_SUB: return "-";
    case GA_OP_MUL: return "*";
    case GA_OP_DIV: return "/";
    case GA_OP_POW: return "^";
    case GA_OP_NEG: return "-";
    case GA_OP_POS: return "+";
    case GA_OP_PERCENT: return "%";
    default: return "";
    }
}

static void excel_fail (Excel      *x,
                        int         code,
                        const char *format,
                        ...) G_GNUC_PRINTF (3, 4);

static void
excel_fail (Excel      *x,
            int         code,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (x->failed)
    return;
  x->failed = TRUE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (x->error, GA_FORMULA_ERROR, code, message);
}

/* Shortest decimal form that reads back as the same double. */
static void
emit_number (double   number,
             GString *out)
{
  char buf[40];

  /* Whole numbers below 10^15 (points, counts, years) are printed by %.15g
   * as their digits: written directly, they skip the slow float
   * formatting, which long formulas repeat thousands of times. */
  if (number == floor (number) && fabs (number) < 1e15 && !(number == 0 && signbit (number)))
    {
      gint64 whole = (gint64) number;
      guint64 digits = whole < 0 ? -(guint64) whole : (guint64) whole;
      char *p = buf + sizeof buf - 1;

      *p = '\0';
      do
        *--p = (char) ('0' + digits % 10);
      while ((digits /= 10) > 0);
      if (whole < 0)
        *--p = '-';
      g_string_append (out, p);
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      g_snprintf (buf, sizeof buf, "%.*g", precision, number);
      if (g_ascii_strtod (buf, NULL) == number)
        break;
    }
  for (char *p = buf; *p != '\0'; p++)
    if (*p == 'e')
      *p = 'E';
  g_string_append (out, buf);
}

static void
emit_text_literal (Excel      *x,
                   const char *text,
                   guint       column,
                   GString    *out)
{
  if (g_utf8_strlen (text, -1) > EXCEL_MAX_TEXT)
    {
      excel_fail (x, GA_FORMULA_ERROR_TOO_LONG,
                  "column %u: the text is %ld characters long; Excel allows %d in a formula",
                  column, g_utf8_strlen (text, -1), EXCEL_MAX_TEXT);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
open_paren_if (gboolean  condition,
               GString  *out)
{
  if (condition)
    g_string_append_c (out, '(');
}

static void
close_paren_if (gboolean  condition,
                GString  *out)
{
  if (condition)
    g_string_append_c (out, ')');
}

static void
function_open (Excel      *x,
               const char *name,
               GString    *out)
{
  g_string_append (out, name);
  g_string_append_c (out, '(');
  if (++x->nesting > x->max_nesting)
    x->max_nesting = x->nesting;
}

static void
function_close (Excel   *x,
                GString *out)
{
  g_string_append_c (out, ')');
  x->nesting--;
}

/* left OP right, with Excel's left associativity. */
static void
emit_binary (Excel        *x,
             const GaNode *left,
             GaOp          op,
             const GaNode *right,
             int           min_prec,
             GString      *out)
{
  int prec = op_prec (op);

  open_paren_if (prec < min_prec, out);
  emit (x, left, prec, out);
  g_string_append (out, op_text (op));
  emit (x, right, prec + 1, out);
  close_paren_if (prec < min_prec, out);
}

/* A node whose Excel value is always a number or an error, so that MIN and
 * MAX see the same number the engine's coercion produces. */
static gboolean
surely_numeric (const GaNode *node)
{
  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
    case GA_OP_NEG:
    case GA_OP_PERCENT:
    case GA_OP_ADD:
    case GA_OP_SUB:
    case GA_OP_MUL:
    case GA_OP_DIV:
    case GA_OP_POW:
      return TRUE;
    case GA_OP_CALL:
      return (ga_function_table[node->func].flags & GA_FN_FLAG_NUMERIC) != 0;
    default:
      return FALSE;
    }
}

/* The argument as a number: references and text go through +0, which
 * coerces exactly like the engine (TRUE=1, "3"=3, "abc" is #VALUE!). */
static void
emit_as_number (Excel        *x,
                const GaNode *node,
                GString      *out)
{
  if (surely_numeric (node))
    emit (x, node, 0, out);
  else
    {
      emit (x, node, PREC_ADD, out);
      g_string_append (out, "+0");
    }
}

static void
emit_args (Excel        *x,
           const GaNode *call,
           guint         first,
           guint         n,
           GString      *out)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      emit (x, ga_formula_arg (x->formula, call, first + i), 0, out);
    }
}

static void
emit_comparison (Excel        *x,
                 const GaNode *value,
                 const char   *comparator,
                 const GaNode *threshold,
                 GString      *out)
{
  emit (x, value, PREC_COMPARE, out);
  g_string_append (out, comparator);
  emit (x, threshold, PREC_COMPARE + 1, out);
}

/* A looked-up expression from the exporter: keep it whole. */
static gboolean
is_single_call (const char *expr)
{
  const char *p = expr;
  int depth = 0;
  gboolean in_text = FALSE;

  while (g_ascii_isalnum (*p) || *p == '_' || *p == '.')
    p++;
  if (p == expr || *p != '(')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        in_text = !in_text;
      else if (in_text)
        continue;
      else if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return p[1] == '\0';
    }
  return FALSE;
}

/* The functions whose translation is not the call itself, one emitter
 * each; they all take (x, call, min_prec, out). */
typedef void (*EmitFunc) (Excel        *x,
                          const GaNode *call,
                          int           min_prec,
                          GString      *out);

static void
emit_plain_call (Excel        *x,
                 const GaNode *call,
                 int           min_prec,
                 GString      *out)
{
  function_open (x, ga_function_table[call->func].name, out);
  emit_args (x, call, 0, call->n_args, out);
  function_close (x, out);
}

/* Nested IFs work in every Excel version; no match is #N/A. */
static void
emit_ifs (Excel        *x,
          const GaNode *call,
          int           min_prec,
          GString      *out)
{
  guint pairs = call->n_args / 2;

  for (guint k = 0; k < pairs; k++)
    {
      function_open (x, "IF", out);
      emit_args (x, call, 2 * k, 2, out);
      g_string_append_c (out, ',');
    }
  function_open (x, "NA", out);
  function_close (x, out);
  for (guint k = 0; k < pairs; k++)
    function_close (x, out);
}

/* ISBLANK and ISNOTAPPLICABLE: computed cells hold "" when blank, which
 * ISBLANK calls not blank. */
static void
emit_is_gap (Excel        *x,
             const GaNode *call,
             int           min_prec,
             GString      *out)
{
  open_paren_if (PREC_COMPARE < min_prec, out);
  emit (x, ga_formula_arg (x->formula, call, 0), PREC_COMPARE, out);
  g_string_append_c (out, '=');
  if (call->func == GA_FN_ISBLANK)
    g_string_append (out, "\"\"");
  else
    emit_text_literal (x, x->na_text, call->column, out);
  close_paren_if (PREC_COMPARE < min_prec, out);
}

/* IF(x="",fallback,x): ="" for the same reason as ISBLANK; an error in x
 * makes the test an error, as in the engine. */
static void
emit_ifblank (Excel        *x,
              const GaNode *call,
              int           min_prec,
              GString      *out)
{
  const GaNode *value = ga_formula_arg (x->formula, call, 0);

  function_open (x, "IF", out);
  emit (x, value, PREC_COMPARE, out);
  g_string_append (out, "=\"\",");
  emit (x, ga_formula_arg (x->formula, call, 1), 0, out);
  g_string_append_c (out, ',');
  emit (x, value, 0, out);
  function_close (x, out);
}

static gboolean
is_reference (const GaNode *node)
{
  return node->op == GA_OP_REF || node->op == GA_OP_RANGE;
}

/* The terms of COUNTA's translation: (1-COUNTBLANK(ref)) for each direct
 * reference, (ROWS(range)-COUNTBLANK(range)) for each range, and
 * +COUNTA(…) of the other arguments when there are any. */
static void
emit_counta_terms (Excel        *x,
                   const GaNode *call,
                   guint         n_plain,
                   GString      *out)
{
  gboolean first = TRUE;

  for (guint i = 0; i < call->n_args; i++)
    {
      const GaNode *arg = ga_formula_arg (x->formula, call, i);
      if (!is_reference (arg))
        continue;
      if (!first)
        g_string_append_c (out, '+');
      first = FALSE;
      g_string_append_c (out, '(');
      if (arg->op == GA_OP_RANGE)
        {
          function_open (x, "ROWS", out);
          emit (x, arg, 0, out);
          function_close (x, out);
        }
      else
        g_string_append_c (out, '1');
      g_string_append_c (out, '-');
      function_open (x, "COUNTBLANK", out);
      emit (x, arg, 0, out);
      function_close (x, out);
      g_string_append_c (out, ')');
    }
  if (n_plain == 0)
    return;
  first = TRUE;
  g_string_append_c (out, '+');
  function_open (x, "COUNTA", out);
  for (guint i = 0; i < call->n_args; i++)
    {
      const GaNode *arg = ga_formula_arg (x->formula, call, i);
      if (is_reference (arg))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      emit (x, arg, 0, out);
    }
  function_close (x, out);
}

/* COUNTA counts cells holding "" too; the engine counts only what is not
 * blank, which is the number of cells minus COUNTBLANK. */
static void
emit_counta (Excel        *x,
             const GaNode *call,
             int           min_prec,
             GString      *out)
{
  guint n_terms = 0;
  guint n_plain = 0;

  for (guint i = 0; i < call->n_args; i++)
    {
      if (is_reference (ga_formula_arg (x->formula, call, i)))
        n_terms++;
      else
        n_plain++;
    }
  if (n_terms == 0)
    {
      emit_plain_call (x, call, min_prec, out);
      return;
    }
  n_terms += n_plain > 0 ? 1 : 0;
  open_paren_if (n_terms > 1 && PREC_ADD < min_prec, out);
  emit_counta_terms (x, call, n_plain, out);
  close_paren_if (n_terms > 1 && PREC_ADD < min_prec, out);
}

/* points*MAX(0,MIN(1,(x-baseline)/(leading-baseline))) */
static void
emit_interp (Excel        *x,
             const GaNode *call,
             int           min_prec,
             GString      *out)
{
  GaFormula *f = x->formula;
  const GaNode *value = ga_formula_arg (f, call, 0);
  const GaNode *baseline = ga_formula_arg (f, call, 1);
  const GaNode *leading = ga_formula_arg (f, call, 2);
  const GaNode *points = ga_formula_arg (f, call, 3);
  const GaNode *direction = call->n_args > 4 ? ga_formula_arg (f, call, 4) : NULL;

  /* With a direction, a baseline equal to the leading value gives all the
   * points when the value meets it and none otherwise (ga_eval_interp()):
   * IF(leading=baseline,IF(x<=leading,points,0),points*MAX(…)). */
  if (direction != NULL)
    {
      function_open (x, "IF", out);
      emit_comparison (x, leading, "=", baseline, out);
      g_string_append_c (out, ',');
      function_open (x, "IF", out);
      emit_comparison (x, value, direction->u.text, leading, out);
      g_string_append_c (out, ',');
      emit (x, points, 0, out);
      g_string_append (out, ",0),");
      x->nesting--;
      min_prec = 0;
    }
  open_paren_if (PREC_MUL < min_prec, out);
  emit (x, points, PREC_MUL, out);
  g_string_append_c (out, '*');
  function_open (x, "MAX", out);
  g_string_append (out, "0,");
  function_open (x, "MIN", out);
  g_string_append (out, "1,(");
  emit (x, value, PREC_ADD, out);
  g_string_append_c (out, '-');
  emit (x, baseline, PREC_ADD + 1, out);
  g_string_append (out, ")/(");
  emit (x, leading, PREC_ADD, out);
  g_string_append_c (out, '-');
  emit (x, baseline, PREC_ADD + 1, out);
  g_string_append_c (out, ')');
  function_close (x, out);
  function_close (x, out);
  close_paren_if (PREC_MUL < min_prec, out);
  if (direction != NULL)
    function_close (x, out);
}

static void
emit_band (Excel        *x,
           const GaNode *call,
           int           min_prec,
           GString      *out)
{
  GaFormula *f = x->formula;
  const char *cmp = ga_formula_arg (f, call, 1)->u.text;
  guint pairs = (call->n_args - 3) / 2;

  for (guint k = 0; k < pairs; k++)
    {
      function_open (x, "IF", out);
      emit_comparison (x, ga_formula_arg (f, call, 0), cmp,
                       ga_formula_arg (f, call, 2 + 2 * k), out);
      g_string_append_c (out, ',');
      emit (x, ga_formula_arg (f, call, 3 + 2 * k), 0, out);
      g_string_append_c (out, ',');
    }
  emit (x, ga_formula_arg (f, call, call->n_args - 1), 0, out);
  for (guint k = 0; k < pairs; k++)
    function_close (x, out);
}

static void
emit_level (Excel        *x,
            const GaNode *call,
            int           min_prec,
            GString      *out)
{
  GaFormula *f = x->formula;
  const char *cmp = ga_formula_arg (f, call, 1)->u.text;
  guint opened = 0;

  for (guint k = 0; k < 3; k++)
    {
      const GaNode *benchmark = ga_formula_arg (f, call, 2 + k);
      if (benchmark->op == GA_OP_TEXT && benchmark->u.text[0] == '\0')
        continue;
      function_open (x, "IF", out);
      emit_comparison (x, ga_formula_arg (f, call, 0), cmp, benchmark, out);
      g_string_append_printf (out, ",%u,", k + 1);
      opened++;
    }
  g_string_append_c (out, '0');
  for (guint k = 0; k < opened; k++)
    function_close (x, out);
}

/* FACTOR as the exporter's own expression for the look-up. */
static void
emit_factor_expression (Excel        *x,
                        const GaNode *call,
                        const char   *table,
                        const char   *column,
                        GString      *out)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *expr = NULL;

  emit (x, ga_formula_arg (x->formula, call, 1), 0, key);
  expr = x->context->lookup_to_excel (x->context->user_data, table, key->str, column);
  if (expr == NULL)
    {
      excel_fail (x, GA_FORMULA_ERROR_REFERENCE,
                  "column %u: lookup table \"%s\" column \"%s\" has no place in the "
                  "workbook", call->column, table, column);
      return;
    }
  if (is_single_call (expr))
    g_string_append (out, expr);
  else
    g_string_append_printf (out, "(%s)", expr);
}

/* INDEX(values,MATCH(key,keys,0)); a table the workbook does not hold is
 * #N/A, as a key that is not in it. */
static void
emit_factor_ranges (Excel        *x,
                    const GaNode *call,
                    const char   *table,
                    const char   *column,
                    GString      *out)
{
  g_autofree char *keys = NULL;
  g_autofree char *values = NULL;

  if (!x->context->lookup_ranges (x->context->user_data, table, column, &keys, &values))
    {
      function_open (x, "NA", out);
      function_close (x, out);
      return;
    }
  function_open (x, "INDEX", out);
  g_string_append (out, values);
  g_string_append_c (out, ',');
  function_open (x, "MATCH", out);
  emit (x, ga_formula_arg (x->formula, call, 1), 0, out);
  g_string_append_printf (out, ",%s,0", keys);
  function_close (x, out);
  function_close (x, out);
}

static void
emit_factor (Excel        *x,
             const GaNode *call,
             int           min_prec,
             GString      *out)
{
  const char *table = ga_formula_arg (x->formula, call, 0)->u.text;
  const char *column = ga_formula_arg (x->formula, call, 2)->u.text;

  if (x->context != NULL && x->context->lookup_to_excel != NULL)
    {
      emit_factor_expression (x, call, table, column, out);
      return;
    }
  if (x->context != NULL && x->context->lookup_ranges != NULL)
    {
      emit_factor_ranges (x, call, table, column, out);
      return;
    }
  function_open (x, "FACTOR", out);
  emit_text_literal (x, table, call->column, out);
  g_string_append_c (out, ',');
  emit (x, ga_formula_arg (x->formula, call, 1), 0, out);
  g_string_append_c (out, ',');
  emit_text_literal (x, column, call->column, out);
  function_close (x, out);
}

/* MAX(lo,MIN(hi,x)) */
static void
emit_clamp (Excel        *x,
            const GaNode *call,
            int           min_prec,
            GString      *out)
{
  GaFormula *f = x->formula;

  function_open (x, "MAX", out);
  emit_as_number (x, ga_formula_arg (f, call, 1), out);
  g_string_append_c (out, ',');
  function_open (x, "MIN", out);
  emit_as_number (x, ga_formula_arg (f, call, 2), out);
  g_string_append_c (out, ',');
  emit_as_number (x, ga_formula_arg (f, call, 0), out);
  function_close (x, out);
  function_close (x, out);
}

/* (new-old)/old */
static void
emit_pctchange (Excel        *x,
                const GaNode *call,
                int           min_prec,
                GString      *out)
{
  const GaNode *new_value = ga_formula_arg (x->formula, call, 0);
  const GaNode *old_value = ga_formula_arg (x->formula, call, 1);

  open_paren_if (PREC_MUL < min_prec, out);
  g_string_append_c (out, '(');
  emit (x, new_value, PREC_ADD, out);
  g_string_append_c (out, '-');
  emit (x, old_value, PREC_ADD + 1, out);
  g_string_append (out, ")/");
  emit (x, old_value, PREC_MUL + 1, out);
  close_paren_if (PREC_MUL < min_prec, out);
}

/* IF(ISNUMBER(x),MAX(0,MIN(max,x)),IF(ISLOGICAL(x),IF(x,max,0),#VALUE!)) */
static void
emit_points (Excel        *x,
             const GaNode *call,
             int           min_prec,
             GString      *out)
{
  const GaNode *score = ga_formula_arg (x->formula, call, 0);
  const GaNode *max = ga_formula_arg (x->formula, call, 1);

  function_open (x, "IF", out);
  function_open (x, "ISNUMBER", out);
  emit (x, score, 0, out);
  function_close (x, out);
  g_string_append_c (out, ',');
  function_open (x, "MAX", out);
  g_string_append (out, "0,");
  function_open (x, "MIN", out);
  emit_as_number (x, max, out);
  g_string_append_c (out, ',');
  emit (x, score, 0, out);
  function_close (x, out);
  function_close (x, out);
  g_string_append_c (out, ',');
  function_open (x, "IF", out);
  function_open (x, "ISLOGICAL", out);
  emit (x, score, 0, out);
  function_close (x, out);
  g_string_append_c (out, ',');
  function_open (x, "IF", out);
  emit (x, score, 0, out);
  g_string_append_c (out, ',');
  emit_as_number (x, max, out);
  g_string_append (out, ",0");
  function_close (x, out);
  g_string_append (out, ",#VALUE!");
  function_close (x, out);
  function_close (x, out);
}

/* The rest are written as the call itself. */
static const EmitFunc emitters[GA_N_FUNCTIONS] = {
  [GA_FN_IFS] = emit_ifs,
  [GA_FN_ISBLANK] = emit_is_gap,
  [GA_FN_ISNOTAPPLICABLE] = emit_is_gap,
  [GA_FN_IFBLANK] = emit_ifblank,
  [GA_FN_COUNTA] = emit_counta,
  [GA_FN_INTERP] = emit_interp,
  [GA_FN_BAND] = emit_band,
  [GA_FN_LEVEL] = emit_level,
  [GA_FN_FACTOR] = emit_factor,
  [GA_FN_CLAMP] = emit_clamp,
  [GA_FN_PCTCHANGE] = emit_pctchange,
  [GA_FN_POINTS] = emit_points,
};

static void
emit_call (Excel        *x,
           const GaNode *call,
           int           min_prec,
           GString      *out)
{
  EmitFunc func = call->func < GA_N_FUNCTIONS ? emitters[call->func] : NULL;

  if (func != NULL)
    func (x, call, min_prec, out);
  else
    emit_plain_call (x, call, min_prec, out);
}

static void
emit (Excel        *x,
      const GaNode *node,
      int           min_prec,
      GString      *out)
{
  GaOp op = (GaOp) node->op;

  if (x->failed)
    return;

  switch (op)
    {
    case GA_OP_NUMBER:
      emit_number (node->u.number, out);
      return;
    case GA_OP_TEXT:
      emit_text_literal (x, node->u.text, node->column, out);
      return;
    case GA_OP_BOOLEAN:
      g_string_append (out, node->u.boolean ? "TRUE" : "FALSE");
      return;
    case GA_OP_REF:
    case GA_OP_RANGE:
      g_string_append (out, x->cells[node->u.ref]);
      return;
    case GA_OP_NEG:
    case GA_OP_POS:
      open_paren_if (PREC_SIGN < min_prec, out);
      g_string_append (out, op_text (op));
      emit (x, &x->formula->nodes[node->a], PREC_SIGN, out);
      close_paren_if (PREC_SIGN < min_prec, out);
      return;
    case GA_OP_PERCENT:
      open_paren_if (PREC_PERCENT < min_prec, out);
      emit (x, &x->formula->nodes[node->a], PREC_PERCENT, out);
      g_string_append_c (out, '%');
      close_paren_if (PREC_PERCENT < min_prec, out);
      return;
    case GA_OP_ADD:
    case GA_OP_SUB:
    case GA_OP_MUL:
    case GA_OP_DIV:
    case GA_OP_POW:
    case GA_OP_CONCAT:
    case GA_OP_EQ:
    case GA_OP_NE:
    case GA_OP_LT:
    case GA_OP_LE:
    case GA_OP_GT:
    case GA_OP_GE:
      emit_binary (x, &x->formula->nodes[node->a], op, &x->formula->nodes[node->b], min_prec,
                   out);
      return;
    case GA_OP_CALL:
      emit_call (x, node, min_prec, out);
      return;
    default:
      return;
    }
}

static void
emit_guard_test (Excel      *x,
                 const char *literal,
                 GString    *out)
{
  GaFormula *f = x->formula;

  if (f->n_strict > 1)
    function_open (x, "OR", out);
  for (guint i = 0; i < f->n_strict; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, x->cells[f->strict[i]]);
      g_string_append_c (out, '=');
      emit_text_literal (x, literal, 1, out);
    }
  if (f->n_strict > 1)
    function_close (x, out);
}

char *
ga_formula_to_excel (GaFormula            *formula,
                     const GaExcelContext *context,
                     GError              **error)
{
  Excel x = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  char *result = NULL;

  g_return_val_if_fail (formula != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  x.formula = formula;
  x.context = context;
  x.na_text = context != NULL && context->na_text != NULL ? context->na_text : "N/A";
  x.error = error;
  x.cells = g_new0 (char *, formula->n_refs + 1);

  for (guint i = 0; i < formula->n_refs && !x.failed; i++)
    {
      if (context != NULL && context->ref_to_cell != NULL)
        {
          x.cells[i] = context->ref_to_cell (context->user_data, i, formula->refs[i].name);
          if (x.cells[i] == NULL)
            excel_fail (&x, GA_FORMULA_ERROR_REFERENCE,
                        "column %u: %s has no cell in the workbook", formula->refs[i].column,
                        formula->refs[i].name);
        }
      else
        x.cells[i] = g_strdup (formula->refs[i].name);
    }

  if (!x.failed)
    {
      /* The strict-reference guard, as in the engine: blank first in Excel
       * too, because an error in any reference makes OR() an error. */
      if (formula->n_strict > 0)
        {
          function_open (&x, "IF", out);
          emit_guard_test (&x, "", out);
          g_string_append (out, ",\"\",");
          function_open (&x, "IF", out);
          emit_guard_test (&x, x.na_text, out);
          g_string_append_c (out, ',');
          emit_text_literal (&x, x.na_text, 1, out);
          g_string_append_c (out, ',');
        }
      emit (&x, &formula->nodes[formula->root], 0, out);
      if (formula->n_strict > 0)
        {
          function_close (&x, out);
          function_close (&x, out);
        }
    }

  if (!x.failed && x.max_nesting > EXCEL_MAX_NESTING)
    excel_fail (&x, GA_FORMULA_ERROR_TOO_DEEP,
                "the Excel formula would nest %u function calls; Excel allows %d (use fewer "
                "steps in BAND or split the formula)", x.max_nesting, EXCEL_MAX_NESTING);
  if (!x.failed && g_utf8_strlen (out->str, -1) + 1 > EXCEL_MAX_FORMULA)
    excel_fail (&x, GA_FORMULA_ERROR_TOO_LONG,
                "the Excel formula would be %ld characters long; Excel allows %d",
                g_utf8_strlen (out->str, -1) + 1, EXCEL_MAX_FORMULA);

  if (!x.failed)
    result = g_strdup (out->str);

  g_strfreev (x.cells);
  return result;
}

char *
ga_formula_excel_sum (const char *range)
{
  g_return_val_if_fail (range != NULL, NULL);

  return g_strdup_printf ("SUM(%s)", range);
}

char *
ga_formula_excel_ratio (const char *numerator,
                        const char *denominator)
{
  g_return_val_if_fail (numerator != NULL && denominator != NULL, NULL);

  return g_strdup_printf ("IF(AND(ISNUMBER(%s),ISNUMBER(%s)),IF(%s>0,%s/%s,\"\"),\"\")",
                          numerator, denominator, denominator, numerator, denominator);
}
