/* ga-formula.c: the functions of the language, and the compiled formula
 * and its accessors
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lexer is in ga-formula-lex.c, the parser in ga-formula-parse.c, the
 * evaluator in ga-formula-eval.c.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ga-formula-private.h"

G_DEFINE_QUARK (ga-formula-error-quark, ga_formula_error)

#define N GA_STATIC_NUMBER
#define B GA_STATIC_BOOLEAN
#define A GA_STATIC_ANY
#define T GA_STATIC_TEXT
#define ANYN GA_FN_ANY_COUNT
#define BA GA_FN_FLAG_BLANK_AWARE
#define RG GA_FN_FLAG_RANGES
#define RO GA_FN_FLAG_RANGES_ONLY
#define NU GA_FN_FLAG_NUMERIC
#define B1 GA_FN_FLAG_FIRST_BLANK_AWARE

const GaFunctionInfo ga_function_table[GA_N_FUNCTIONS] = {
  [GA_FN_IF] =              { "IF",              2, 3,    0,            A },
  [GA_FN_IFS] =             { "IFS",             2, ANYN, 0,            A },
  [GA_FN_IFERROR] =         { "IFERROR",         2, 2,    0,            A },
  [GA_FN_IFBLANK] =         { "IFBLANK",         2, 2,    B1,           A },
  [GA_FN_AND] =             { "AND",             1, ANYN, 0,            B },
  [GA_FN_OR] =              { "OR",              1, ANYN, 0,            B },
  [GA_FN_NOT] =             { "NOT",             1, 1,    0,            B },
  [GA_FN_TRUE] =            { "TRUE",            0, 0,    0,            B },
  [GA_FN_FALSE] =           { "FALSE",           0, 0,    0,            B },
  [GA_FN_SUM] =             { "SUM",             1, ANYN, RG | NU,      N },
  [GA_FN_MIN] =             { "MIN",             1, ANYN, RG | NU,      N },
  [GA_FN_MAX] =             { "MAX",             1, ANYN, RG | NU,      N },
  [GA_FN_AVERAGE] =         { "AVERAGE",         1, ANYN, RG | NU,      N },
  [GA_FN_COUNT] =           { "COUNT",           1, ANYN, BA | RG | NU, N },
  [GA_FN_COUNTA] =          { "COUNTA",          1, ANYN, BA | RG | NU, N },
  [GA_FN_COUNTBLANK] =      { "COUNTBLANK",      1, 1,    BA | RG | NU, N },
  [GA_FN_SUMPRODUCT] =      { "SUMPRODUCT",      1, ANYN, RG | RO | NU, N },
  [GA_FN_ROUND] =           { "ROUND",           2, 2,    NU,           N },
  [GA_FN_ROUNDUP] =         { "ROUNDUP",         2, 2,    NU,           N },
  [GA_FN_ROUNDDOWN] =       { "ROUNDDOWN",       2, 2,    NU,           N },
  [GA_FN_ABS] =             { "ABS",             1, 1,    NU,           N },
  [GA_FN_SQRT] =            { "SQRT",            1, 1,    NU,           N },
  [GA_FN_POWER] =           { "POWER",           2, 2,    NU,           N },
  [GA_FN_MOD] =             { "MOD",             2, 2,    NU,           N },
  [GA_FN_INT] =             { "INT",             1, 1,    NU,           N },
  [GA_FN_LEN] =             { "LEN",             1, 1,    NU,           N },
  [GA_FN_ISBLANK] =         { "ISBLANK",         1, 1,    BA,           B },
  [GA_FN_ISNOTAPPLICABLE] = { "ISNOTAPPLICABLE", 1, 1,    BA,           B },
  [GA_FN_ISNUMBER] =        { "ISNUMBER",        1, 1,    0,            B },
  [GA_FN_ISTEXT] =          { "ISTEXT",          1, 1,    0,            B },
  [GA_FN_ISLOGICAL] =       { "ISLOGICAL",       1, 1,    0,            B },
  [GA_FN_ISERROR] =         { "ISERROR",         1, 1,    0,            B },
  [GA_FN_INTERP] =          { "INTERP",          4, 5,    NU,           N },
  [GA_FN_BAND] =            { "BAND",            5, ANYN, 0,            A },
  [GA_FN_LEVEL] =           { "LEVEL",           5, 5,    NU,           N },
  [GA_FN_FACTOR] =          { "FACTOR",          3, 3,    0,            A },
  [GA_FN_CLAMP] =           { "CLAMP",           3, 3,    NU,           N },
  [GA_FN_PCTCHANGE] =       { "PCTCHANGE",       2, 2,    NU,           N },
  [GA_FN_POINTS] =          { "POINTS",          2, 2,    NU,           N },
  [GA_FN_PV] =              { "PV",              3, 3,    NU,           N },
  [GA_FN_RATE] =            { "RATE",            3, 3,    NU,           N },
};

#undef N
#undef B
#undef A
#undef T
#undef ANYN
#undef BA
#undef RG
#undef RO
#undef NU
#undef B1

const char * const *
ga_formula_function_names (void)
{
  static const char *names[GA_N_FUNCTIONS + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < GA_N_FUNCTIONS; i++)
        names[i] = ga_function_table[i].name;
      names[GA_N_FUNCTIONS] = NULL;
      g_once_init_leave (&initialized, 1);
    }
  return (const char * const *) names;
}

int
ga_comparator_from_text (const char *text)
{
  static const char * const comparators[] = { ">=", ">", "<=", "<" };

  for (guint i = 0; i < G_N_ELEMENTS (comparators); i++)
    if (strcmp (text, comparators[i]) == 0)
      return (int) i;
  return -1;
}

gboolean
ga_parse_number_text (const char *text,
                      double     *out)
{
  const char *p = text;
  const char *start;
  char *end = NULL;
  gboolean digits = FALSE;
  double value;

  while (*p == ' ')
    p++;
  start = p;
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      const char *q = p + 1;
      if (*q == '+' || *q == '-')
        q++;
      if (!g_ascii_isdigit (*q))
        return FALSE;
      while (g_ascii_isdigit (*q))
        q++;
      p = q;
    }
  {
    const char *rest = p;
    while (*rest == ' ')
      rest++;
    if (*rest != '\0')
      return FALSE;
  }

  /* The syntax has been checked above, so g_ascii_strtod only converts; it
   * is locale independent, unlike strtod. */
  value = g_ascii_strtod (start, &end);
  if (!isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* BAND's and LEVEL's comparator, worked out once: the operator it stands
 * for, or GA_OP_CALL when the literal is none (a tree built by code that
 * the parser would have refused). */
static guint32
call_comparator (const GaNode  *nodes,
                 const guint32 *args,
                 const GaNode  *call)
{
  const GaNode *literal = &nodes[args[call->a + 1]];
  static const GaOp ops[] = { GA_OP_GE, GA_OP_GT, GA_OP_LE, GA_OP_LT };
  int comparator;

  if (literal->op != GA_OP_TEXT)
    return GA_OP_CALL;
  comparator = ga_comparator_from_text (literal->u.text);
  return comparator < 0 ? GA_OP_CALL : ops[comparator];
}

/* Copies the nodes to @formula's block, the text literals to @literals
 * (where they follow one another), and fills in what evaluation would
 * otherwise work out on every call. */
static void
assemble_nodes (GaFormula     *formula,
                const GaNode  *nodes,
                const guint32 *args,
                char          *literals)
{
  for (guint i = 0; i < formula->n_nodes; i++)
    {
      GaNode *node = &formula->nodes[i];

      *node = nodes[i];
      if (node->op == GA_OP_TEXT)
        {
          gsize size = strlen (nodes[i].u.text) + 1;
          memcpy (literals, nodes[i].u.text, size);
          node->u.text = literals;
          literals += size;
        }
      else if (node->op == GA_OP_CALL && (node->func == GA_FN_BAND || node->func == GA_FN_LEVEL))
        node->b = call_comparator (nodes, args, node);
    }
}

/* @text as it is in @formula's block: @text is one of the literals of
 * @nodes, the nodes it was assembled from. */
static const char *
assembled_literal (GaFormula    *formula,
                   const GaNode *nodes,
                   const char   *text)
{
  for (guint i = 0; i < formula->n_nodes; i++)
    if (nodes[i].op == GA_OP_TEXT && nodes[i].u.text == text)
      return formula->nodes[i].u.text;
  g_return_val_if_reached (text);
}

/* The formula and its arrays in one allocation, in the order evaluation
 * reads them: the header (whose fields evaluation reads come last), the
 * strict references and the arguments, the nodes, the bytes of the text
 * literals; then the references, the lookups and the text (NULL: a built
 * formula, whose text is written out when asked for). Frees @strings (the
 * literals are copied) and takes the names of @refs, whose strict flags
 * are set. */
GaFormula *
ga_formula_assemble (GaFormulaArena     *arena,
                     const char         *text,
                     gsize               length,
                     const GaNode       *nodes,
                     guint               n_nodes,
                     guint               root,
                     const guint32      *args,
                     guint               n_args,
                     GPtrArray          *strings,
                     GaRefInfo          *refs,
                     guint               n_refs,
                     const GaLookupInfo *lookups,
                     guint               n_lookups)
{
  guint n_strict = 0;
  gsize literal_bytes = 0;
  gsize strict_at, args_at, nodes_at, literals_at, refs_at, lookups_at, text_at;
  GaFormulaChunk *chunk;
  GaFormula *formula;
  char *block;

  G_STATIC_ASSERT (sizeof (GaNode) % 8 == 0 && sizeof (GaRefInfo) % 8 == 0
                   && sizeof (GaLookupInfo) % 8 == 0);
  for (guint i = 0; i < n_refs; i++)
    n_strict += refs[i].strict ? 1 : 0;
  for (guint i = 0; i < n_nodes; i++)
    if (nodes[i].op == GA_OP_TEXT)
      literal_bytes += strlen (nodes[i].u.text) + 1;
  strict_at = sizeof (GaFormula);
  args_at = strict_at + n_strict * sizeof (guint);
  nodes_at = args_at + n_args * sizeof (guint32);
  nodes_at += (8 - nodes_at % 8) % 8;
  literals_at = nodes_at + n_nodes * sizeof (GaNode);
  refs_at = literals_at + literal_bytes;
  refs_at += (8 - refs_at % 8) % 8;
  lookups_at = refs_at + n_refs * sizeof (GaRefInfo);
  text_at = lookups_at + n_lookups * sizeof (GaLookupInfo);

  block = ga_formula_arena_alloc (arena, text_at + length + 1, &chunk);
  formula = (GaFormula *) block;
  memset (formula, 0, sizeof *formula);
  g_atomic_ref_count_init (&formula->ref_count);
  formula->chunk = chunk;
  formula->strict = (guint *) (block + strict_at);
  formula->args = (guint32 *) (block + args_at);
  formula->nodes = (GaNode *) (block + nodes_at);
  formula->refs = (GaRefInfo *) (block + refs_at);
  formula->lookups = (GaLookupInfo *) (block + lookups_at);
  if (text != NULL)
    {
      formula->text = block + text_at;
      memcpy (formula->text, text, length);
      formula->text[length] = '\0';
    }
  formula->n_nodes = n_nodes;
  formula->root = root;
  assemble_nodes (formula, nodes, args, block + literals_at);
  if (n_args > 0)
    memcpy (formula->args, args, n_args * sizeof (guint32));
  formula->n_args = n_args;
  for (guint i = 0; i < n_refs; i++)
    if (refs[i].strict)
      formula->strict[formula->n_strict++] = i;
  if (n_refs > 0)
    memcpy (formula->refs, refs, n_refs * sizeof (GaRefInfo));
  formula->n_refs = n_refs;
  for (guint i = 0; i < n_lookups; i++)
    {
      formula->lookups[i] = lookups[i];
      formula->lookups[i].table = assembled_literal (formula, nodes, lookups[i].table);
      formula->lookups[i].column = assembled_literal (formula, nodes, lookups[i].column);
    }
  formula->n_lookups = n_lookups;
  if (strings != NULL)
    g_ptr_array_unref (strings);
  return formula;
}

GaFormula *
ga_formula_ref (GaFormula *formula)
{
  g_return_val_if_fail (formula != NULL, NULL);
  g_atomic_ref_count_inc (&formula->ref_count);
  return formula;
}

void
ga_formula_unref (GaFormula *formula)
{
  g_return_if_fail (formula != NULL);

  if (!g_atomic_ref_count_dec (&formula->ref_count))
    return;

  /* The arrays, the literals and the text share the formula's allocation. */
  g_free (formula->printed);
  for (guint i = 0; i < formula->n_refs; i++)
    g_free (formula->refs[i].name);
  if (formula->chunk != NULL)
    ga_formula_chunk_unref (formula->chunk);
  else
    g_free (formula);
}

const char *
ga_formula_get_text (GaFormula *formula)
{
  g_return_val_if_fail (formula != NULL, NULL);
  if (formula->text != NULL)
    return formula->text;
  if (g_atomic_pointer_get (&formula->printed) == NULL)
    {
      char *text = ga_formula_print (formula);
      if (!g_atomic_pointer_compare_and_exchange (&formula->printed, NULL, text))
        g_free (text);
    }
  return formula->printed;
}

guint
ga_formula_get_n_refs (GaFormula *formula)
{
  g_return_val_if_fail (formula != NULL, 0);
  return formula->n_refs;
}

const char *
ga_formula_get_ref (GaFormula *formula,
                    guint      index)
{
  g_return_val_if_fail (formula != NULL, NULL);
  g_return_val_if_fail (index < formula->n_refs, NULL);
  return formula->refs[index].name;
}

gboolean
ga_formula_ref_is_range (GaFormula *formula,
                         guint      index)
{
  g_return_val_if_fail (formula != NULL, FALSE);
  g_return_val_if_fail (index < formula->n_refs, FALSE);
  return formula->refs[index].is_range;
}

gboolean
ga_formula_ref_is_strict (GaFormula *formula,
                          guint      index)
{
  g_return_val_if_fail (formula != NULL, FALSE);
  g_return_val_if_fail (index < formula->n_refs, FALSE);
  return formula->refs[index].strict;
}

guint
ga_formula_ref_column (GaFormula *formula,
                       guint      index)
{
  g_return_val_if_fail (formula != NULL, 0);
  g_return_val_if_fail (index < formula->n_refs, 0);
  return formula->refs[index].column;
}

guint
ga_formula_ref_tag (GaFormula *formula,
                    guint      index)
{
  g_return_val_if_fail (formula != NULL, 0);
  g_return_val_if_fail (index < formula->n_refs, 0);
  return formula->refs[index].tag;
}

guint
ga_formula_get_n_lookups (GaFormula *formula)
{
  g_return_val_if_fail (formula != NULL, 0);
  return formula->n_lookups;
}

void
ga_formula_get_lookup (GaFormula   *formula,
                       guint        index,
                       const char **table,
                       const char **column,
                       guint       *column_in_text)
{
  g_return_if_fail (formula != NULL);
  g_return_if_fail (index < formula->n_lookups);

  if (table != NULL)
    *table = formula->lookups[index].table;
  if (column != NULL)
    *column = formula->lookups[index].column;
  if (column_in_text != NULL)
    *column_in_text = formula->lookups[index].column_in_text;
}
