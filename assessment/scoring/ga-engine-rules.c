/* ga-engine-rules.c: the common shapes of an item's rule, evaluated directly
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function below does what the formula evaluator
 * (assessment/formula/ga-formula-eval*.c) does for the same tree, in the
 * same order and with the same arithmetic, for a value the guard of strict
 * references lets through; tests/test-engine-rules.c compares the two.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine-rules.h"
#include "ga-formula-eval-private.h"
#include "ga-formula-private.h"

/* Longest IF() chain taken (a choice of that many options). */
#define MAX_TESTS 200

static gboolean use_shapes = TRUE;

void
ga_engine_use_rule_shapes (gboolean use)
{
  use_shapes = use;
}

gboolean
ga_engine_uses_rule_shapes (void)
{
  return use_shapes;
}

static gboolean
is_comparison (guint op)
{
  return op == GA_OP_EQ || op == GA_OP_NE || op == GA_OP_LT || op == GA_OP_LE
         || op == GA_OP_GT || op == GA_OP_GE;
}

/* The only reference, read directly. */
static gboolean
is_x (const GaNode *node)
{
  return node->op == GA_OP_REF && node->u.ref == 0;
}

/* A finite number literal, or a product of two that is finite (the
 * evaluator multiplies them as it goes: the same product). */
static gboolean
number_leaf (const GaFormula *f,
             const GaNode    *node,
             double          *out)
{
  if (node->op == GA_OP_NUMBER && isfinite (node->u.number))
    {
      *out = node->u.number;
      return TRUE;
    }
  if (node->op == GA_OP_MUL)
    {
      const GaNode *l = &f->nodes[node->a], *r = &f->nodes[node->b];
      double p;

      if (l->op != GA_OP_NUMBER || r->op != GA_OP_NUMBER)
        return FALSE;
      p = l->u.number * r->u.number;
      if (!isfinite (l->u.number) || !isfinite (r->u.number) || !isfinite (p))
        return FALSE;
      *out = p;
      return TRUE;
    }
  return FALSE;
}

/* x op literal, as a test. */
static gboolean
test_of (const GaFormula *f,
         const GaNode    *node,
         GaRuleTest      *test)
{
  const GaNode *lit;

  if (!is_comparison (node->op) || !is_x (&f->nodes[node->a]))
    return FALSE;
  lit = &f->nodes[node->b];
  *test = (GaRuleTest) { .op = node->op };
  switch ((GaOp) lit->op)
    {
    case GA_OP_NUMBER:
      if (!isfinite (lit->u.number))
        return FALSE;
      test->kind = GA_VALUE_NUMBER;
      test->number = lit->u.number;
      return TRUE;
    case GA_OP_TEXT:
      test->kind = GA_VALUE_TEXT;
      test->text = lit->u.text != NULL ? lit->u.text : "";
      return TRUE;
    case GA_OP_BOOLEAN:
      test->kind = GA_VALUE_BOOLEAN;
      test->boolean = lit->u.boolean != FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
chain_of (const GaFormula *f,
          const GaNode    *node,
          GaRuleShape     *shape,
          GArray          *tests)
{
  /* Gathered here and appended at once: every engine does this for every
   * item. */
  GaRuleTest chain[MAX_TESTS];
  guint n = 0;

  while (node->op == GA_OP_CALL && node->func == GA_FN_IF)
    {
      if (node->n_args != 3 || n >= MAX_TESTS
          || !test_of (f, ga_formula_arg (f, node, 0), &chain[n])
          || !number_leaf (f, ga_formula_arg (f, node, 1), &chain[n].value))
        return FALSE;
      n++;
      node = ga_formula_arg (f, node, 2);
    }
  if (n == 0 || !number_leaf (f, node, &shape->c))
    return FALSE;
  g_array_append_vals (tests, chain, n);
  shape->kind = GA_RULE_CHAIN;
  shape->n_tests = n;
  return TRUE;
}

/* Deepest operand taken: a baseline such as E*0.4+10 is three levels. */
#define MAX_DEPTH 8

/* Whether @node is a number operand: a finite literal, a reference, or
 * + - * / (unary -, +, %) of such operands. */
static gboolean
operand_of (const GaFormula *f,
            const GaNode    *node,
            guint            depth)
{
  if (depth > MAX_DEPTH)
    return FALSE;
  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
      return isfinite (node->u.number);
    case GA_OP_REF:
      return TRUE;
    case GA_OP_NEG:
    case GA_OP_POS:
    case GA_OP_PERCENT:
      return operand_of (f, &f->nodes[node->a], depth + 1);
    case GA_OP_ADD:
    case GA_OP_SUB:
    case GA_OP_MUL:
    case GA_OP_DIV:
      return operand_of (f, &f->nodes[node->a], depth + 1)
             && operand_of (f, &f->nodes[node->b], depth + 1);
    default:
      return FALSE;
    }
}

/* The call @root with @n_numbers operands for arguments, their nodes in
 * @shape's arg. */
static gboolean
operands_of (const GaFormula *f,
             const GaNode    *root,
             guint            n_numbers,
             GaRuleShape     *shape)
{
  for (guint i = 0; i < n_numbers; i++)
    {
      const GaNode *node = ga_formula_arg (f, root, i);

      if (!operand_of (f, node, 0))
        return FALSE;
      shape->arg[i] = (guint32) (node - f->nodes);
    }
  shape->formula = f;
  return TRUE;
}

void
ga_engine_rule_shape_of (GaFormula   *formula,
                         GaRuleShape *shape,
                         GArray      *tests)
{
  const GaFormula *f = formula;
  const GaNode *root;

  memset (shape, 0, sizeof *shape);
  /* Strict references only, no ranges, no look-ups: the guard reads
   * every reference, and nothing else is read. */
  if (!use_shapes || f == NULL || f->n_refs == 0 || f->n_refs > GA_RULE_MAX_REFS || f->n_lookups != 0
      || f->n_strict != f->n_refs)
    return;
  for (guint r = 0; r < f->n_refs; r++)
    if (f->refs[r].is_range)
      return;
  root = &f->nodes[f->root];
  if (f->n_refs == 1 && f->strict[0] == 0)
    {
      shape->first = tests->len;
      if (root->op == GA_OP_CALL && root->func == GA_FN_IF)
        {
          if (!chain_of (f, root, shape, tests))
            memset (shape, 0, sizeof *shape);
          return;
        }
      /* A veto formula's condition, (x op k)*1>0 (ga-scheme.c): the
       * product is 1 or 0, and greater than 0 when the test holds. */
      if (root->op == GA_OP_GT && f->nodes[root->a].op == GA_OP_MUL
          && f->nodes[root->b].op == GA_OP_NUMBER && f->nodes[root->b].u.number == 0
          && f->nodes[f->nodes[root->a].b].op == GA_OP_NUMBER
          && f->nodes[f->nodes[root->a].b].u.number == 1)
        {
          GaRuleTest test;

          if (test_of (f, &f->nodes[f->nodes[root->a].a], &test))
            {
              g_array_append_val (tests, test);
              shape->kind = GA_RULE_TEST;
              shape->n_tests = 1;
            }
          return;
        }
      if (is_comparison (root->op))
        {
          GaRuleTest test;

          if (test_of (f, root, &test))
            {
              g_array_append_val (tests, test);
              shape->kind = GA_RULE_TEST;
              shape->n_tests = 1;
            }
          return;
        }
    }
  if (root->op != GA_OP_CALL)
    {
      if (operand_of (f, root, 0))
        {
          shape->kind = GA_RULE_NUMBER;
          shape->formula = f;
          shape->arg[0] = f->root;
        }
      return;
    }
  if (root->func == GA_FN_CLAMP && root->n_args == 3 && operands_of (f, root, 3, shape))
    shape->kind = GA_RULE_CLAMP;
  else if (root->func == GA_FN_POINTS && root->n_args == 2 && operands_of (f, root, 2, shape))
    shape->kind = GA_RULE_POINTS;
  else if (root->func == GA_FN_INTERP && (root->n_args == 4 || root->n_args == 5)
           && operands_of (f, root, 4, shape))
    {
      static const GaOp ops[] = { GA_OP_GE, GA_OP_GT, GA_OP_LE, GA_OP_LT };
      int cmp = -1;

      /* A fifth argument is the direction only as a comparator's text
       * (the parser takes nothing else). */
      if (root->n_args == 5)
        {
          const GaNode *d = ga_formula_arg (f, root, 4);

          if (d->op != GA_OP_TEXT || (cmp = ga_comparator_from_text (d->u.text)) < 0)
            {
              memset (shape, 0, sizeof *shape);
              return;
            }
        }
      shape->dir = cmp < 0 ? GA_OP_CALL : ops[cmp];
      shape->kind = GA_RULE_INTERP;
    }
  else
    memset (shape, 0, sizeof *shape);
}

/* Excel's order of kinds: numbers, then text, then booleans. */
static int
rank (guint kind)
{
  return kind == GA_VALUE_NUMBER ? 0 : kind == GA_VALUE_TEXT ? 1 : 2;
}

/* x op literal as the evaluator compares them (ga_ev_compare()). */
static gboolean
test_holds (const GaRuleTest *t,
            const GaValue    *x)
{
  int rx = rank (x->kind), rt = rank (t->kind), c;

  if (rx != rt)
    c = rx < rt ? -1 : 1;
  else if (t->kind == GA_VALUE_NUMBER)
    c = ga_number_compare (x->u.number, t->number);
  else if (t->kind == GA_VALUE_TEXT)
    c = ga_text_compare (x->u.text, t->text);
  else
    c = (int) (x->u.boolean != FALSE) - (int) t->boolean;
  return ga_comparison_holds ((GaOp) t->op, c);
}

static inline void
set_number (GaValue *out,
            double   v)
{
  out->kind = GA_VALUE_NUMBER;
  out->u.number = v;
}

static gboolean operand (const GaFormula       *f,
                         const GaNode          *node,
                         const GaValue * const *values,
                         double                *out);

/* operand() of argument node @index, with the two leaves most arguments
 * are read here. */
static inline gboolean
arg (const GaFormula       *f,
     guint32                index,
     const GaValue * const *values,
     double                *out)
{
  const GaNode *node = &f->nodes[index];

  if (node->op == GA_OP_NUMBER)
    {
      *out = node->u.number;
      return TRUE;
    }
  if (node->op == GA_OP_REF)
    {
      const GaValue *v = values[node->u.ref];

      *out = v->u.number;
      return v->kind == GA_VALUE_NUMBER && isfinite (v->u.number);
    }
  return operand (f, node, values, out);
}

/* The operand @node as the evaluator computes it from numbers: FALSE for
 * a reference that is not a finite number (the evaluator would make text
 * or a boolean a number, or pass blank, N/A or an error on), a division by
 * zero, or a result that is not finite (the evaluator's error). */
static gboolean
operand (const GaFormula       *f,
         const GaNode          *node,
         const GaValue * const *values,
         double                *out)
{
  const GaValue *v;
  double x, y, r;

  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
      *out = node->u.number;
      return TRUE;
    case GA_OP_REF:
      v = values[node->u.ref];
      if (v->kind != GA_VALUE_NUMBER || !isfinite (v->u.number))
        return FALSE;
      *out = v->u.number;
      return TRUE;
    case GA_OP_POS:
      return operand (f, &f->nodes[node->a], values, out);
    case GA_OP_NEG:
      if (!operand (f, &f->nodes[node->a], values, &x))
        return FALSE;
      *out = -x;
      return TRUE;
    case GA_OP_PERCENT:
      if (!operand (f, &f->nodes[node->a], values, &x))
        return FALSE;
      *out = x / 100;
      return TRUE;
    case GA_OP_ADD:
    case GA_OP_SUB:
    case GA_OP_MUL:
    case GA_OP_DIV:
      if (!arg (f, node->a, values, &x) || !arg (f, node->b, values, &y))
        return FALSE;
      switch ((GaOp) node->op)
        {
        case GA_OP_ADD: r = x + y; break;
        case GA_OP_SUB: r = x - y; break;
        case GA_OP_MUL: r = x * y; break;
        default:
          if (y == 0)
            return FALSE;
          r = x / y;
          break;
        }
      if (!isfinite (r))
        return FALSE;
      *out = r;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @x is what the guard lets through and the evaluator borrows
 * unchanged. */
static inline gboolean
plain (const GaValue *x)
{
  switch (x->kind)
    {
    case GA_VALUE_NUMBER:
      return isfinite (x->u.number);
    case GA_VALUE_TEXT:
      return x->u.text != NULL && x->u.text[0] != '\0'
             && !((x->u.text[0] == 'N' || x->u.text[0] == 'n')
                  && g_ascii_strcasecmp (x->u.text, "N/A") == 0);
    case GA_VALUE_BOOLEAN:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
ga_engine_rule_shape_eval (const GaRuleShape     *shape,
                           const GaRuleTest      *tests,
                           const GaValue * const *values,
                           GaValue               *out)
{
  const GaFormula *f = shape->formula;
  const GaValue *x = values[0];
  double v, y, z, w;

  switch ((GaRuleKind) shape->kind)
    {
    case GA_RULE_CHAIN:
      if (!plain (x))
        return FALSE;
      tests += shape->first;
      for (guint i = 0; i < shape->n_tests; i++)
        if (test_holds (&tests[i], x))
          {
            set_number (out, tests[i].value);
            return TRUE;
          }
      set_number (out, shape->c);
      return TRUE;

    case GA_RULE_TEST:
      if (!plain (x))
        return FALSE;
      out->kind = GA_VALUE_BOOLEAN;
      out->u.boolean = test_holds (&tests[shape->first], x) ? TRUE : FALSE;
      return TRUE;

    case GA_RULE_CLAMP:
      /* Every reference a finite number: the guard lets them through and
       * no operand is made a number from text or a boolean. */
      if (!arg (f, shape->arg[1], values, &y)
          || !arg (f, shape->arg[2], values, &z)
          || !arg (f, shape->arg[0], values, &v))
        return FALSE;
      set_number (out, MAX (y, MIN (z, v)));
      return TRUE;

    case GA_RULE_POINTS:
      if (!arg (f, shape->arg[1], values, &y)
          || !arg (f, shape->arg[0], values, &v))
        return FALSE;
      set_number (out, MAX (0.0, MIN (y, v)));
      return TRUE;

    case GA_RULE_INTERP:
      if (!arg (f, shape->arg[0], values, &v)
          || !arg (f, shape->arg[1], values, &y)
          || !arg (f, shape->arg[2], values, &z)
          || !arg (f, shape->arg[3], values, &w))
        return FALSE;
      if (shape->dir != GA_OP_CALL && z == y)
        {
          set_number (out, ga_comparison_holds ((GaOp) shape->dir, v < z ? -1 : (v > z ? 1 : 0)) ? w : 0);
          return TRUE;
        }
      /* Equal without a direction: the evaluator's error. */
      if (z - y == 0)
        return FALSE;
      v = w * MAX (0.0, MIN (1.0, (v - y) / (z - y)));
      /* Too large: the evaluator's error. */
      if (!isfinite (v))
        return FALSE;
      set_number (out, v);
      return TRUE;

    case GA_RULE_NUMBER:
      if (!arg (f, shape->arg[0], values, &v))
        return FALSE;
      set_number (out, v);
      return TRUE;

    case GA_RULE_GENERIC:
    default:
      return FALSE;
    }
}
