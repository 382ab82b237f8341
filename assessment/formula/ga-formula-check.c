/* ga-formula-check.c: static checks and static result types
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that can be known about a formula without data is reported
 * when a template loads, so that an author sees "column 12: unknown
 * reference 'E9'" instead of a #REF! in a finished assessment.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <string.h>

#include "ga-formula-private.h"

static GaStaticType
resolve_type (GaFormula               *formula,
              guint                    ref,
              const GaFormulaResolver *resolver)
{
  gboolean is_range = FALSE;
  GaStaticType type = GA_STATIC_ANY;

  if (resolver == NULL || resolver->resolve_ref == NULL)
    return GA_STATIC_ANY;
  if (!resolver->resolve_ref (resolver->user_data, formula->refs[ref].name, &is_range, &type))
    return GA_STATIC_ANY;
  return is_range ? GA_STATIC_ANY : type;
}

static GaStaticType
common_type (GaStaticType a,
             GaStaticType b)
{
  return a == b ? a : GA_STATIC_ANY;
}

static GaStaticType
arg_type (GaFormula               *formula,
          const GaNode            *call,
          guint                    i,
          const GaFormulaResolver *resolver)
{
  return ga_formula_node_type (formula, ga_formula_arg (formula, call, i), resolver);
}

GaStaticType
ga_formula_node_type (GaFormula               *formula,
                      const GaNode            *node,
                      const GaFormulaResolver *resolver)
{
  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
      return GA_STATIC_NUMBER;
    case GA_OP_TEXT:
      return GA_STATIC_TEXT;
    case GA_OP_BOOLEAN:
      return GA_STATIC_BOOLEAN;
    case GA_OP_REF:
      return resolve_type (formula, node->u.ref, resolver);
    case GA_OP_RANGE:
      return GA_STATIC_ANY;
    case GA_OP_POS:
      return ga_formula_node_type (formula, &formula->nodes[node->a], resolver);
    case GA_OP_NEG:
    case GA_OP_PERCENT:
    case GA_OP_ADD:
    case GA_OP_SUB:
    case GA_OP_MUL:
    case GA_OP_DIV:
    case GA_OP_POW:
      return GA_STATIC_NUMBER;
    case GA_OP_CONCAT:
      return GA_STATIC_TEXT;
    case GA_OP_EQ:
    case GA_OP_NE:
    case GA_OP_LT:
    case GA_OP_LE:
    case GA_OP_GT:
    case GA_OP_GE:
      return GA_STATIC_BOOLEAN;
    case GA_OP_CALL:
      break;
    default:
      return GA_STATIC_ANY;
    }

  switch ((GaFunc) node->func)
    {
    case GA_FN_IF:
      {
        GaStaticType then = arg_type (formula, node, 1, resolver);
        GaStaticType otherwise = node->n_args == 3 ? arg_type (formula, node, 2, resolver)
                                                   : GA_STATIC_BOOLEAN;
        return common_type (then, otherwise);
      }
    case GA_FN_IFS:
      {
        GaStaticType type = arg_type (formula, node, 1, resolver);
        for (guint i = 3; i < node->n_args; i += 2)
          type = common_type (type, arg_type (formula, node, i, resolver));
        return type;
      }
    case GA_FN_IFERROR:
    case GA_FN_IFBLANK:
      /* The value is one of the two arguments (IFBLANK: x, or the fallback
       * when x is blank): their type when they agree. */
      return common_type (arg_type (formula, node, 0, resolver),
                          arg_type (formula, node, 1, resolver));
    case GA_FN_BAND:
      {
        GaStaticType type = arg_type (formula, node, node->n_args - 1, resolver);
        for (guint i = 3; i + 1 < node->n_args; i += 2)
          type = common_type (type, arg_type (formula, node, i, resolver));
        return type;
      }
    case GA_FN_FACTOR:
      return GA_STATIC_ANY;
    default:
      return node->func < GA_N_FUNCTIONS ? ga_function_table[node->func].result : GA_STATIC_ANY;
    }
}

GaStaticType
ga_formula_result_type (GaFormula               *formula,
                        const GaFormulaResolver *resolver)
{
  g_return_val_if_fail (formula != NULL, GA_STATIC_ANY);
  return ga_formula_node_type (formula, &formula->nodes[formula->root], resolver);
}

typedef struct {
  GaFormula               *formula;
  const GaFormulaResolver *resolver;
  GPtrArray               *problems;
  guint                    n_problems;
} Check;

static void problem (Check      *c,
                     guint       column,
                     const char *format,
                     ...) G_GNUC_PRINTF (3, 4);

static void
problem (Check      *c,
         guint       column,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  c->n_problems++;
  if (c->problems != NULL)
    g_ptr_array_add (c->problems, g_strdup_printf ("column %u: %s", column, message));
}

/* @node is used where a number is required. */
static void
check_numeric_operand (Check        *c,
                       const GaNode *node)
{
  double ignored;

  if (node->op == GA_OP_TEXT)
    {
      if (!ga_parse_number_text (node->u.text, &ignored))
        problem (c, node->column, "the text \"%s\" is used as a number; it would give #VALUE!",
                 node->u.text);
      return;
    }
  if (node->op == GA_OP_REF
      && ga_formula_node_type (c->formula, node, c->resolver) == GA_STATIC_TEXT)
    problem (c, node->column, "%s holds text and is used as a number",
             c->formula->refs[node->u.ref].name);
}

/* @node is used where TRUE/FALSE is required (IF, IFS, AND, OR, NOT).
 * Numbers are fine (0 is FALSE), and so is the text "TRUE" or "FALSE";
 * any other text gives #VALUE! (or, in a reference inside AND and OR, is
 * silently skipped), which is never what the author meant. */
static void
check_condition_operand (Check        *c,
                         const GaNode *node)
{
  if (node->op == GA_OP_TEXT)
    {
      if (g_ascii_strcasecmp (node->u.text, "TRUE") != 0
          && g_ascii_strcasecmp (node->u.text, "FALSE") != 0)
        problem (c, node->column, "the text \"%s\" is used as a condition (TRUE/FALSE); it "
                 "would give #VALUE!", node->u.text);
      return;
    }
  if (ga_formula_node_type (c->formula, node, c->resolver) != GA_STATIC_TEXT)
    return;
  if (node->op == GA_OP_REF)
    problem (c, node->column, "%s holds text and is used as a condition (TRUE/FALSE); compare "
             "it instead, as in %s = \"yes\"", c->formula->refs[node->u.ref].name,
             c->formula->refs[node->u.ref].name);
  else
    problem (c, node->column, "this gives text and is used as a condition (TRUE/FALSE); "
             "compare it instead (… = \"yes\")");
}

static void
check_node (Check        *c,
            const GaNode *node,
            gboolean      range_allowed)
{
  GaFormula *f = c->formula;

  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
    case GA_OP_TEXT:
    case GA_OP_BOOLEAN:
    case GA_OP_REF:
      return;

    case GA_OP_RANGE:
      if (!range_allowed)
        problem (c, node->column, "the range %s can only be used inside SUM, AVERAGE, MIN, MAX, "
                 "COUNT, COUNTA, COUNTBLANK or SUMPRODUCT", f->refs[node->u.ref].name);
      return;

    case GA_OP_POS:
      check_node (c, &f->nodes[node->a], FALSE);
      return;

    case GA_OP_NEG:
    case GA_OP_PERCENT:
      check_numeric_operand (c, &f->nodes[node->a]);
      check_node (c, &f->nodes[node->a], FALSE);
      return;

    case GA_OP_ADD:
    case GA_OP_SUB:
    case GA_OP_MUL:
    case GA_OP_DIV:
    case GA_OP_POW:
      check_numeric_operand (c, &f->nodes[node->a]);
      check_numeric_operand (c, &f->nodes[node->b]);
      G_GNUC_FALLTHROUGH;
    case GA_OP_CONCAT:
    case GA_OP_EQ:
    case GA_OP_NE:
    case GA_OP_LT:
    case GA_OP_LE:
    case GA_OP_GT:
    case GA_OP_GE:
      check_node (c, &f->nodes[node->a], FALSE);
      check_node (c, &f->nodes[node->b], FALSE);
      return;

    case GA_OP_CALL:
      break;

    default:
      return;
    }

  {
    const GaFunctionInfo *info = &ga_function_table[node->func];
    gboolean ranges = (info->flags & GA_FN_FLAG_RANGES) != 0;

    for (guint i = 0; i < node->n_args; i++)
      {
        const GaNode *arg = ga_formula_arg (f, node, i);

        if ((info->flags & GA_FN_FLAG_RANGES_ONLY) && arg->op != GA_OP_RANGE)
          problem (c, arg->column, "%s needs ranges (table.column), found a single value",
                   info->name);

        switch ((GaFunc) node->func)
          {
          case GA_FN_SUM:
          case GA_FN_MIN:
          case GA_FN_MAX:
          case GA_FN_AVERAGE:
            /* Values written directly are coerced; references are not. */
            if (arg->op != GA_OP_REF && arg->op != GA_OP_RANGE)
              check_numeric_operand (c, arg);
            break;
          case GA_FN_IF:
          case GA_FN_NOT:
            if (i == 0)
              check_condition_operand (c, arg);
            break;
          case GA_FN_IFS:
            if (i % 2 == 0)
              check_condition_operand (c, arg);
            break;
          case GA_FN_AND:
          case GA_FN_OR:
            if (arg->op != GA_OP_RANGE)
              check_condition_operand (c, arg);
            break;
          case GA_FN_ROUND:
          case GA_FN_ROUNDUP:
          case GA_FN_ROUNDDOWN:
          case GA_FN_ABS:
          case GA_FN_SQRT:
          case GA_FN_POWER:
          case GA_FN_MOD:
          case GA_FN_INT:
          case GA_FN_CLAMP:
          case GA_FN_PCTCHANGE:
          case GA_FN_PV:
          case GA_FN_RATE:
            check_numeric_operand (c, arg);
            break;
          case GA_FN_POINTS:
            if (i == 1)
              check_numeric_operand (c, arg);
            break;
          case GA_FN_INTERP:
            /* The fifth is the direction, a comparator as text. */
            if (i < 4)
              check_numeric_operand (c, arg);
            break;
          default:
            break;
          }

        check_node (c, arg, ranges);
      }
  }
}

gboolean
ga_formula_check (GaFormula               *formula,
                  const GaFormulaResolver *resolver,
                  GPtrArray               *problems)
{
  Check c = { formula, resolver, problems, 0 };

  g_return_val_if_fail (formula != NULL, FALSE);

  if (resolver != NULL && resolver->resolve_ref != NULL)
    for (guint i = 0; i < formula->n_refs; i++)
      {
        const GaRefInfo *ref = &formula->refs[i];
        gboolean is_range = FALSE;
        GaStaticType type = GA_STATIC_ANY;

        if (!resolver->resolve_ref (resolver->user_data, ref->name, &is_range, &type))
          {
            if (ref->is_range)
              problem (&c, ref->column, "unknown range '%s' (no such table or column)", ref->name);
            else
              problem (&c, ref->column, "unknown reference '%s'", ref->name);
          }
        else if (ref->is_range && !is_range)
          problem (&c, ref->column, "'%s' is not a column of a repeatable table", ref->name);
        else if (!ref->is_range && is_range)
          problem (&c, ref->column, "'%s' is a table; use one of its columns, as in %s.column, "
                   "inside SUM, COUNT, ...", ref->name, ref->name);
      }

  check_node (&c, &formula->nodes[formula->root], FALSE);

  if (resolver != NULL && resolver->resolve_lookup != NULL)
    for (guint i = 0; i < formula->n_lookups; i++)
      {
        const GaLookupInfo *lookup = &formula->lookups[i];
        char *message = NULL;

        if (!resolver->resolve_lookup (resolver->user_data, lookup->table, lookup->column,
                                       &message))
          {
            if (message != NULL)
              problem (&c, lookup->column_in_text, "%s", message);
            else
              problem (&c, lookup->column_in_text, "unknown lookup table \"%s\" or column \"%s\"",
                       lookup->table, lookup->column);
            g_free (message);
          }
      }

  return c.n_problems == 0;
}
