/* ga-formula-build.c: formula trees built by code rather than parsed from text
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The builder keeps the nodes it is given in the parser's node format, with
 * references numbered by name in its own table. ga_formula_builder_finish()
 * walks the tree from the root in the order the formula reads, left to
 * right, which is the order the parser meets things: references are
 * numbered by first appearance, strict uses are counted with the parser's
 * rule (a direct argument of a blank-aware function is not strict), FACTOR
 * calls become the formula's lookups. The text is the tree written out in
 * the formula language with the parentheses its precedence needs, on first
 * use (ga_formula_get_text()): few built formulas are ever shown.
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "ga-formula-private.h"

struct _GaFormulaBuilder {
  GArray    *nodes;      /* GaNode; u.ref indexes @names */
  GArray    *args;       /* guint32 */
  GPtrArray *strings;    /* text literals, owned */
  GPtrArray *names;      /* reference names, owned */
  GArray    *is_range;   /* gboolean per name */
  GArray    *tags;       /* guint per name (ga_formula_builder_ref_tagged()) */
  GHashTable *name_index; /* name -> its index + 1, once there are many */
  gboolean   lenient;    /* no reference is strict */

  /* Working arrays of ga_formula_builder_finish(), kept for the next
   * formula: a template makes thousands of them. */
  GArray    *out_nodes;  /* GaNode */
  GArray    *out_args;   /* guint32 */
  GArray    *out_refs;   /* GaRefInfo */
  GArray    *out_uses;   /* guint per ref: strict uses */
  GArray    *out_lookups;  /* GaLookupInfo */
  GArray    *ref_of;     /* guint per name: formula ref + 1 */

  /* The formulas it makes, side by side: they are evaluated in the order
   * they are made. */
  GaFormulaArena *arena;
};

GaFormulaBuilder *
ga_formula_builder_new (void)
{
  GaFormulaBuilder *b = g_new0 (GaFormulaBuilder, 1);

  b->nodes = g_array_new (FALSE, TRUE, sizeof (GaNode));
  b->args = g_array_new (FALSE, FALSE, sizeof (guint32));
  b->strings = g_ptr_array_new_with_free_func (g_free);
  b->names = g_ptr_array_new_with_free_func (g_free);
  b->is_range = g_array_new (FALSE, FALSE, sizeof (gboolean));
  b->tags = g_array_new (FALSE, FALSE, sizeof (guint));
  b->out_nodes = g_array_new (FALSE, TRUE, sizeof (GaNode));
  b->out_args = g_array_new (FALSE, FALSE, sizeof (guint32));
  b->out_refs = g_array_new (FALSE, TRUE, sizeof (GaRefInfo));
  b->out_uses = g_array_new (FALSE, TRUE, sizeof (guint));
  b->out_lookups = g_array_new (FALSE, TRUE, sizeof (GaLookupInfo));
  b->ref_of = g_array_new (FALSE, TRUE, sizeof (guint));
  b->arena = ga_formula_arena_new ();
  return b;
}

void
ga_formula_builder_reset (GaFormulaBuilder *builder)
{
  g_array_set_size (builder->nodes, 0);
  g_array_set_size (builder->args, 0);
  g_ptr_array_set_size (builder->strings, 0);
  if (builder->name_index != NULL)
    g_hash_table_remove_all (builder->name_index);
  g_ptr_array_set_size (builder->names, 0);
  g_array_set_size (builder->is_range, 0);
  g_array_set_size (builder->tags, 0);
}

void
ga_formula_builder_set_lenient (GaFormulaBuilder *builder,
                                gboolean          lenient)
{
  builder->lenient = lenient;
}

void
ga_formula_builder_free (GaFormulaBuilder *builder)
{
  if (builder == NULL)
    return;
  g_array_unref (builder->nodes);
  g_array_unref (builder->args);
  g_ptr_array_unref (builder->strings);
  g_clear_pointer (&builder->name_index, g_hash_table_unref);
  g_ptr_array_unref (builder->names);
  g_array_unref (builder->is_range);
  g_array_unref (builder->tags);
  g_array_unref (builder->out_nodes);
  g_array_unref (builder->out_args);
  g_array_unref (builder->out_refs);
  g_array_unref (builder->out_uses);
  g_array_unref (builder->out_lookups);
  g_array_unref (builder->ref_of);
  ga_formula_arena_free (builder->arena);
  g_free (builder);
}

static GaTerm
add (GaFormulaBuilder *b,
     GaOp              op)
{
  GaNode node = { 0 };

  node.op = op;
  node.column = 1;
  g_array_append_val (b->nodes, node);
  return b->nodes->len - 1;
}

static GaNode *
at (GaFormulaBuilder *b,
    GaTerm            term)
{
  return &g_array_index (b->nodes, GaNode, term);
}

GaTerm
ga_formula_builder_number (GaFormulaBuilder *builder,
                           double            number)
{
  GaTerm t = add (builder, GA_OP_NUMBER);

  at (builder, t)->u.number = number;
  return t;
}

GaTerm
ga_formula_builder_text (GaFormulaBuilder *builder,
                         const char       *text)
{
  GaTerm t = add (builder, GA_OP_TEXT);
  char *copy = g_strdup (text != NULL ? text : "");

  g_ptr_array_add (builder->strings, copy);
  at (builder, t)->u.text = copy;
  return t;
}

GaTerm
ga_formula_builder_boolean (GaFormulaBuilder *builder,
                            gboolean          value)
{
  GaTerm t = add (builder, GA_OP_BOOLEAN);

  at (builder, t)->u.boolean = value ? TRUE : FALSE;
  return t;
}

/* Below this many names a formula's names are searched in turn. */
#define INDEX_NAMES_FROM 16

static guint
intern (GaFormulaBuilder *b,
        const char       *name,
        gboolean          is_range,
        guint             tag)
{
  char *copy;

  if (b->names->len < INDEX_NAMES_FROM)
    {
      for (guint i = 0; i < b->names->len; i++)
        if (g_str_equal (b->names->pdata[i], name))
          return i;
    }
  else
    {
      gpointer found;

      if (b->name_index == NULL)
        b->name_index = g_hash_table_new (g_str_hash, g_str_equal);
      if (g_hash_table_size (b->name_index) == 0)
        for (guint i = 0; i < b->names->len; i++)
          g_hash_table_insert (b->name_index, b->names->pdata[i], GUINT_TO_POINTER (i + 1));
      found = g_hash_table_lookup (b->name_index, name);
      if (found != NULL)
        return GPOINTER_TO_UINT (found) - 1;
    }
  copy = g_strdup (name);
  g_ptr_array_add (b->names, copy);
  g_array_append_val (b->is_range, is_range);
  g_array_append_val (b->tags, tag);
  if (b->name_index != NULL && g_hash_table_size (b->name_index) > 0)
    g_hash_table_insert (b->name_index, copy, GUINT_TO_POINTER (b->names->len));
  return b->names->len - 1;
}

GaTerm
ga_formula_builder_ref (GaFormulaBuilder *builder,
                        const char       *name)
{
  return ga_formula_builder_ref_tagged (builder, name, 0);
}

GaTerm
ga_formula_builder_ref_tagged (GaFormulaBuilder *builder,
                               const char       *name,
                               guint             tag)
{
  GaTerm t = add (builder, GA_OP_REF);

  at (builder, t)->u.ref = intern (builder, name, FALSE, tag);
  return t;
}

GaTerm
ga_formula_builder_range (GaFormulaBuilder *builder,
                          const char       *name)
{
  GaTerm t = add (builder, GA_OP_RANGE);

  at (builder, t)->u.ref = intern (builder, name, TRUE, 0);
  return t;
}

GaTerm
ga_formula_builder_op (GaFormulaBuilder *builder,
                       GaOp              op,
                       GaTerm            left,
                       GaTerm            right)
{
  GaTerm t;

  g_return_val_if_fail (op >= GA_OP_NEG && op < GA_OP_CALL, 0);
  t = add (builder, op);
  at (builder, t)->a = left;
  at (builder, t)->b = op == GA_OP_NEG || op == GA_OP_POS || op == GA_OP_PERCENT ? 0 : right;
  return t;
}

GaTerm
ga_formula_builder_callv (GaFormulaBuilder *builder,
                          GaFunc            func,
                          guint             n_args,
                          const GaTerm     *args)
{
  const GaFunctionInfo *info;
  GaTerm t;

  g_return_val_if_fail (func < GA_N_FUNCTIONS, 0);
  info = &ga_function_table[func];
  g_return_val_if_fail (n_args >= info->min_args && (info->max_args == GA_FN_ANY_COUNT
                                                     || n_args <= info->max_args), 0);
  t = add (builder, GA_OP_CALL);
  at (builder, t)->func = func;
  at (builder, t)->n_args = n_args;
  at (builder, t)->a = builder->args->len;
  for (guint i = 0; i < n_args; i++)
    {
      guint32 arg = args[i];
      g_array_append_val (builder->args, arg);
    }
  return t;
}

GaTerm
ga_formula_builder_call (GaFormulaBuilder *builder,
                         GaFunc            func,
                         guint             n_args,
                         ...)
{
  GaTerm args[16];
  va_list ap;

  g_return_val_if_fail (n_args <= G_N_ELEMENTS (args), 0);
  va_start (ap, n_args);
  for (guint i = 0; i < n_args; i++)
    args[i] = va_arg (ap, GaTerm);
  va_end (ap);
  return ga_formula_builder_callv (builder, func, n_args, args);
}

static GaTerm
graft_node (GaFormulaBuilder *b,
            GaFormula        *f,
            const GaNode     *node)
{
  GaTerm t;

  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
      t = ga_formula_builder_number (b, node->u.number);
      break;
    case GA_OP_TEXT:
      t = ga_formula_builder_text (b, node->u.text);
      break;
    case GA_OP_BOOLEAN:
      t = ga_formula_builder_boolean (b, node->u.boolean);
      break;
    case GA_OP_REF:
      t = ga_formula_builder_ref_tagged (b, f->refs[node->u.ref].name, f->refs[node->u.ref].tag);
      break;
    case GA_OP_RANGE:
      t = ga_formula_builder_range (b, f->refs[node->u.ref].name);
      break;
    case GA_OP_CALL:
      {
        g_autofree GaTerm *args = g_new (GaTerm, MAX (node->n_args, 1));
        for (guint i = 0; i < node->n_args; i++)
          args[i] = graft_node (b, f, ga_formula_arg (f, node, i));
        t = ga_formula_builder_callv (b, node->func, node->n_args, args);
      }
      break;
    default:
      {
        GaTerm left = graft_node (b, f, &f->nodes[node->a]);
        GaTerm right = node->op == GA_OP_NEG || node->op == GA_OP_POS
                       || node->op == GA_OP_PERCENT
                       ? 0 : graft_node (b, f, &f->nodes[node->b]);
        t = ga_formula_builder_op (b, node->op, left, right);
      }
      break;
    }
  /* Messages about the grafted part point into the template's formula. */
  at (b, t)->column = node->column;
  return t;
}

GaTerm
ga_formula_builder_graft (GaFormulaBuilder *builder,
                          GaFormula        *formula)
{
  g_return_val_if_fail (formula != NULL, 0);
  return graft_node (builder, formula, &formula->nodes[formula->root]);
}

/* ---------------------------------------------------------------------- */
/* Finishing                                                              */

typedef struct {
  GaFormulaBuilder *b;
  GArray           *nodes;     /* GaNode of the formula */
  GArray           *args;      /* guint32 */
  GArray           *refs;      /* GaRefInfo */
  GArray           *uses;      /* guint per ref: strict uses */
  GArray           *lookups;   /* GaLookupInfo */
  guint            *ref_of;    /* builder name -> formula ref + 1 */
} Finish;

static guint
finish_ref (Finish *fin,
            guint   name,
            gboolean strict)
{
  guint zero = 0;

  if (fin->ref_of[name] == 0)
    {
      GaRefInfo info = { 0 };

      info.name = g_strdup (fin->b->names->pdata[name]);
      info.column = 1;
      info.is_range = g_array_index (fin->b->is_range, gboolean, name);
      info.tag = g_array_index (fin->b->tags, guint, name);
      g_array_append_val (fin->refs, info);
      g_array_append_val (fin->uses, zero);
      fin->ref_of[name] = fin->refs->len;
    }
  if (strict)
    g_array_index (fin->uses, guint, fin->ref_of[name] - 1)++;
  return fin->ref_of[name] - 1;
}

/* Copies the tree under @term; returns its index in the formula. */
static guint
finish_node (Finish  *fin,
             GaTerm   term,
             gboolean blank_aware)
{
  GaNode node = g_array_index (fin->b->nodes, GaNode, term);

  switch ((GaOp) node.op)
    {
    case GA_OP_TEXT:
      /* The builder's copy: the formula makes its own. */
      break;
    case GA_OP_REF:
      node.u.ref = finish_ref (fin, node.u.ref, !blank_aware && !fin->b->lenient);
      break;
    case GA_OP_RANGE:
      node.u.ref = finish_ref (fin, node.u.ref, FALSE);
      break;
    case GA_OP_NUMBER:
    case GA_OP_BOOLEAN:
      break;
    case GA_OP_CALL:
      {
        const GaFunctionInfo *info = &ga_function_table[node.func];
        g_autofree guint32 *args = g_new (guint32, MAX (node.n_args, 1));

        for (guint i = 0; i < node.n_args; i++)
          {
            gboolean aware = (info->flags & GA_FN_FLAG_BLANK_AWARE)
                             || (i == 0 && (info->flags & GA_FN_FLAG_FIRST_BLANK_AWARE));
            args[i] = finish_node (fin, g_array_index (fin->b->args, guint32, node.a + i),
                                   aware);
          }
        node.a = fin->args->len;
        g_array_append_vals (fin->args, args, node.n_args);
        if (node.func == GA_FN_FACTOR)
          {
            GaLookupInfo lookup;
            const GaNode *nodes = (const GaNode *) fin->nodes->data;
            lookup.table = nodes[args[0]].u.text;
            lookup.column = nodes[args[2]].u.text;
            lookup.column_in_text = node.column;
            g_array_append_val (fin->lookups, lookup);
          }
      }
      break;
    default:
      node.a = finish_node (fin, node.a, FALSE);
      if (node.op != GA_OP_NEG && node.op != GA_OP_POS && node.op != GA_OP_PERCENT)
        node.b = finish_node (fin, node.b, FALSE);
      break;
    }
  g_array_append_val (fin->nodes, node);
  return fin->nodes->len - 1;
}

/* ---------------------------------------------------------------------- */
/* Text in the formula language                                           */

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

static const struct {
  const char *text;
  int         prec;
} operators[] = {
  [GA_OP_NEG] = { "-", PREC_SIGN },
  [GA_OP_POS] = { "+", PREC_SIGN },
  [GA_OP_PERCENT] = { "%", PREC_PERCENT },
  [GA_OP_ADD] = { "+", PREC_ADD },
  [GA_OP_SUB] = { "-", PREC_ADD },
  [GA_OP_MUL] = { "*", PREC_MUL },
  [GA_OP_DIV] = { "/", PREC_MUL },
  [GA_OP_POW] = { "^", PREC_POW },
  [GA_OP_CONCAT] = { "&", PREC_CONCAT },
  [GA_OP_EQ] = { "=", PREC_COMPARE },
  [GA_OP_NE] = { "<>", PREC_COMPARE },
  [GA_OP_LT] = { "<", PREC_COMPARE },
  [GA_OP_LE] = { "<=", PREC_COMPARE },
  [GA_OP_GT] = { ">", PREC_COMPARE },
  [GA_OP_GE] = { ">=", PREC_COMPARE },
};

static void
print_node (const GaNode    *nodes,
            const guint32   *args,
            const GaRefInfo *refs,
            guint            index,
            int              min_prec,
            GString         *out)
{
  const GaNode *node = &nodes[index];
  GaOp op = node->op;
  int prec;

  switch (op)
    {
    case GA_OP_NUMBER:
      {
        char buf[40];
        /* The shortest form that reads back as the same double. */
        for (int digits = 15; digits <= 17; digits++)
          {
            g_snprintf (buf, sizeof buf, "%.*g", digits, node->u.number);
            if (g_ascii_strtod (buf, NULL) == node->u.number)
              break;
          }
        for (char *p = buf; *p != '\0'; p++)
          *p = *p == 'e' ? 'E' : *p;
        /* The language writes numbers without a sign. */
        if (buf[0] == '-' && min_prec > PREC_SIGN)
          g_string_append_printf (out, "(%s)", buf);
        else
          g_string_append (out, buf);
      }
      return;
    case GA_OP_TEXT:
      g_string_append_c (out, '"');
      for (const char *p = node->u.text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      return;
    case GA_OP_BOOLEAN:
      g_string_append (out, node->u.boolean ? "TRUE" : "FALSE");
      return;
    case GA_OP_REF:
    case GA_OP_RANGE:
      g_string_append (out, refs[node->u.ref].name);
      return;
    case GA_OP_CALL:
      g_string_append (out, ga_function_table[node->func].name);
      g_string_append_c (out, '(');
      for (guint i = 0; i < node->n_args; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          print_node (nodes, args, refs, args[node->a + i], 0, out);
        }
      g_string_append_c (out, ')');
      return;
    default:
      break;
    }

  prec = operators[op].prec;
  if (prec < min_prec)
    g_string_append_c (out, '(');
  if (op == GA_OP_NEG || op == GA_OP_POS)
    {
      g_string_append (out, operators[op].text);
      print_node (nodes, args, refs, node->a, PREC_SIGN, out);
    }
  else if (op == GA_OP_PERCENT)
    {
      print_node (nodes, args, refs, node->a, PREC_PERCENT, out);
      g_string_append_c (out, '%');
    }
  else
    {
      /* Left associative: the right operand of the same level needs
       * parentheses. */
      print_node (nodes, args, refs, node->a, prec, out);
      g_string_append (out, operators[op].text);
      print_node (nodes, args, refs, node->b, prec + 1, out);
    }
  if (prec < min_prec)
    g_string_append_c (out, ')');
}

char *
ga_formula_print (GaFormula *formula)
{
  GString *out = g_string_new (NULL);

  print_node (formula->nodes, formula->args, formula->refs, formula->root, 0, out);
  return g_string_free (out, FALSE);
}

GaFormula *
ga_formula_builder_finish (GaFormulaBuilder *builder,
                           GaTerm            root)
{
  Finish fin = { 0 };
  GaFormula *formula;
  guint new_root;

  g_return_val_if_fail (builder != NULL && root < builder->nodes->len, NULL);

  g_array_set_size (builder->out_nodes, 0);
  g_array_set_size (builder->out_args, 0);
  g_array_set_size (builder->out_refs, 0);
  g_array_set_size (builder->out_uses, 0);
  g_array_set_size (builder->out_lookups, 0);
  g_array_set_size (builder->ref_of, 0);
  g_array_set_size (builder->ref_of, builder->names->len);
  fin.b = builder;
  fin.nodes = builder->out_nodes;
  fin.args = builder->out_args;
  fin.refs = builder->out_refs;
  fin.uses = builder->out_uses;
  fin.lookups = builder->out_lookups;
  fin.ref_of = (guint *) builder->ref_of->data;

  new_root = finish_node (&fin, root, FALSE);
  for (guint i = 0; i < fin.refs->len; i++)
    {
      GaRefInfo *ref = &g_array_index (fin.refs, GaRefInfo, i);
      ref->strict = !ref->is_range && g_array_index (fin.uses, guint, i) > 0;
    }
  /* The formula copies the literals and takes the reference names; its
   * text is written out when someone asks for it. */
  formula = ga_formula_assemble (builder->arena, NULL, 0, (const GaNode *) fin.nodes->data,
                                 fin.nodes->len,
                                 new_root,
                                 (const guint32 *) fin.args->data, fin.args->len, NULL,
                                 (GaRefInfo *) fin.refs->data, fin.refs->len,
                                 (const GaLookupInfo *) fin.lookups->data, fin.lookups->len);
  return formula;
}
