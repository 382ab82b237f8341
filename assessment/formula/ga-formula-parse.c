/* ga-formula-parse.c: the parser of the formula language
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser is a recursive-descent parser with one function per precedence
 * level. It compiles straight into a flat array of nodes (children by index),
 * so that evaluation walks plain memory and never looks anything up by name.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <string.h>

#include "ga-formula-parser.h"

static guint
add_node (Parser *p,
          GaOp    op,
          gsize   pos)
{
  GaNode node = { 0 };

  node.op = op;
  node.column = ga_parser_column_of (p, pos);
  g_array_append_val (p->nodes, node);
  return p->nodes->len - 1;
}

static GaNode *
node_at (Parser *p,
         guint   index)
{
  return &g_array_index (p->nodes, GaNode, index);
}

static guint
intern_ref (Parser     *p,
            const char *name,
            gsize       len,
            gboolean    is_range,
            gsize       pos)
{
  guint index;
  guint zero = 0;

  /* Formulas name few references: a linear search beats hashing. */
  for (index = 0; index < p->refs->len; index++)
    {
      const char *known = g_array_index (p->refs, GaRefInfo, index).name;
      if (strncmp (known, name, len) == 0 && known[len] == '\0')
        break;
    }
  if (index == p->refs->len)
    {
      GaRefInfo info = { 0 };

      info.name = g_strndup (name, len);
      info.column = ga_parser_column_of (p, pos);
      info.is_range = is_range;
      g_array_append_val (p->refs, info);
      g_array_append_val (p->strict_uses, zero);
    }
  g_array_index (p->strict_uses, guint, index)++;
  return index;
}

static gboolean
enter (Parser *p,
       gsize   pos)
{
  if (++p->depth > GA_FORMULA_MAX_DEPTH)
    {
      ga_parser_fail (p, pos, GA_FORMULA_ERROR_TOO_DEEP,
                      "the formula is nested too deeply (more than %d levels of parentheses, "
                      "function calls and signs)", GA_FORMULA_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

static void
leave (Parser *p)
{
  p->depth--;
}

static guint parse_expression (Parser *p);

static int
lookup_function (const char *name,
                 gsize       len)
{
  for (guint i = 0; i < GA_N_FUNCTIONS; i++)
    if (strlen (ga_function_table[i].name) == len
        && g_ascii_strncasecmp (ga_function_table[i].name, name, len) == 0)
      return (int) i;
  return -1;
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint row[64];

  if (la >= G_N_ELEMENTS (row) || lb >= G_N_ELEMENTS (row))
    return G_MAXUINT;
  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = g_ascii_toupper (a[i - 1]) == g_ascii_toupper (b[j - 1]) ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

static const char *
suggest_function (const char *name)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; i < GA_N_FUNCTIONS; i++)
    {
      guint d = edit_distance (name, ga_function_table[i].name);
      if (d < best_distance)
        {
          best_distance = d;
          best = ga_function_table[i].name;
        }
    }
  return best;
}

static void
fail_argument_count (Parser                *p,
                     gsize                  pos,
                     const GaFunctionInfo  *info,
                     GaFunc                 func,
                     guint                  n)
{
  if (func == GA_FN_IFS)
    ga_parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS,
                    "IFS takes pairs of a condition and a value (an even number of arguments, "
                    "at least 2), found %u", n);
  else if (func == GA_FN_BAND)
    ga_parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS,
                    "BAND takes a value, a comparator, one or more threshold and score pairs and "
                    "a score for otherwise (an odd number of arguments, at least 5), found %u", n);
  else if (info->min_args == info->max_args)
    ga_parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes %u argument%s, found %u",
                    info->name, info->min_args, info->min_args == 1 ? "" : "s", n);
  else if (info->max_args == GA_FN_ANY_COUNT)
    ga_parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes at least %u argument%s, found %u",
                    info->name, info->min_args, info->min_args == 1 ? "" : "s", n);
  else if (info->max_args == info->min_args + 1)
    ga_parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes %u or %u arguments, found %u",
                    info->name, info->min_args, info->max_args, n);
  else
    ga_parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes %u to %u arguments, found %u",
                    info->name, info->min_args, info->max_args, n);
}

static gboolean
check_comparator (Parser     *p,
                  const char *function,
                  guint       arg_node,
                  gsize       arg_pos)
{
  const GaNode *node = node_at (p, arg_node);

  if (node->op != GA_OP_TEXT || ga_comparator_from_text (node->u.text) < 0)
    {
      ga_parser_fail (p, arg_pos, GA_FORMULA_ERROR_ARGUMENTS,
                      "the second argument of %s must be one of the comparators \">=\", \">\", "
                      "\"<=\" or \"<\" written as text", function);
      return FALSE;
    }
  return TRUE;
}

#define ARG_NODE(i) g_array_index (p->scratch, guint32, base + (i))
#define ARG_POS(i) g_array_index (p->scratch_pos, gsize, base + (i))

/* The arguments of @info up to its ')', pushed on the scratch stack above
 * @base. The current token is '('; FALSE when the parse failed. */
static gboolean
parse_arguments (Parser               *p,
                 const GaFunctionInfo *info,
                 guint                 base)
{
  ga_lex_next (p);
  if (p->tok.type == TOK_RPAREN)
    return TRUE;
  for (;;)
    {
      gsize pos = p->tok.start;
      guint32 arg;

      if (p->tok.type == TOK_COMMA || p->tok.type == TOK_RPAREN)
        {
          ga_parser_expected (p, "an argument of %s", info->name);
          return FALSE;
        }
      arg = parse_expression (p);
      if (p->failed)
        return FALSE;
      if ((p->scratch->len - base) >= 255)
        {
          ga_parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS,
                          "%s is given more than 255 arguments", info->name);
          return FALSE;
        }
      g_array_append_val (p->scratch, arg);
      g_array_append_val (p->scratch_pos, pos);
      if (p->tok.type == TOK_COMMA)
        {
          ga_lex_next (p);
          continue;
        }
      if (p->tok.type == TOK_RPAREN)
        return TRUE;
      if (p->tok.type == TOK_END)
        ga_parser_expected (p, "')' to close the arguments of %s", info->name);
      else
        ga_parser_expected (p, "',' or ')' after an argument of %s", info->name);
      return FALSE;
    }
}

/* FACTOR's table and column must be text literals, so that a template can
 * check them when it loads; they become the formula's lookups. */
static gboolean
check_factor (Parser *p,
              guint   base,
              gsize   name_pos)
{
  GaLookupInfo lookup;

  for (guint i = 0; i < 3; i += 2)
    {
      const GaNode *arg = node_at (p, ARG_NODE (i));
      if (arg->op != GA_OP_TEXT)
        {
          ga_parser_fail (p, ARG_POS (i), GA_FORMULA_ERROR_ARGUMENTS,
                          "the %s of FACTOR must be written as text, as in "
                          "FACTOR(\"gbt2589\", carrier, \"kgce\")",
                          i == 0 ? "table name" : "column name");
          return FALSE;
        }
    }
  lookup.table = node_at (p, ARG_NODE (0))->u.text;
  lookup.column = node_at (p, ARG_NODE (2))->u.text;
  lookup.column_in_text = ga_parser_column_of (p, name_pos);
  g_array_append_val (p->lookups, lookup);
  return TRUE;
}

/* The number and the form of the @n arguments of @func, as far as they can
 * be checked without a resolver. */
static gboolean
check_arguments (Parser               *p,
                 GaFunc                func,
                 const GaFunctionInfo *info,
                 guint                 base,
                 guint                 n,
                 gsize                 name_pos)
{
  if (n < info->min_args || (info->max_args != GA_FN_ANY_COUNT && n > info->max_args)
      || (func == GA_FN_IFS && n % 2 != 0) || (func == GA_FN_BAND && n % 2 == 0))
    {
      fail_argument_count (p, name_pos, info, func, n);
      return FALSE;
    }

  switch (func)
    {
    case GA_FN_BAND:
    case GA_FN_LEVEL:
      return check_comparator (p, info->name, ARG_NODE (1), ARG_POS (1));
    case GA_FN_FACTOR:
      return check_factor (p, base, name_pos);
    case GA_FN_INTERP:
      if (n == 5)
        {
          const GaNode *node = node_at (p, ARG_NODE (4));
          if (node->op != GA_OP_TEXT || ga_comparator_from_text (node->u.text) < 0)
            {
              ga_parser_fail (p, ARG_POS (4), GA_FORMULA_ERROR_ARGUMENTS,
                              "the fifth argument of INTERP says which way is better: \"<=\" "
                              "(lower is better) or \">=\" (higher is better), written as text");
              return FALSE;
            }
        }
      return TRUE;
    case GA_FN_COUNTBLANK:
      {
        const GaNode *arg = node_at (p, ARG_NODE (0));
        if (arg->op != GA_OP_REF && arg->op != GA_OP_RANGE)
          {
            ga_parser_fail (p, ARG_POS (0), GA_FORMULA_ERROR_ARGUMENTS,
                            "COUNTBLANK needs a reference (an item or table.column)");
            return FALSE;
          }
      }
      return TRUE;
    default:
      return TRUE;
    }
}

static guint
parse_call (Parser *p,
            gsize   name_pos,
            gsize   name_len)
{
  const char *name = p->text + name_pos;
  int func = lookup_function (name, name_len);
  const GaFunctionInfo *info;
  /* Arguments of nested calls are pushed above ours on the scratch stack. */
  guint base = p->scratch->len;
  guint node;
  guint n;

  if (func < 0)
    {
      g_autofree char *copy = g_strndup (name, name_len);
      const char *suggestion = suggest_function (copy);
      if (suggestion != NULL)
        ga_parser_fail (p, name_pos, GA_FORMULA_ERROR_UNKNOWN_FUNCTION,
                        "unknown function '%s'; did you mean %s?", copy, suggestion);
      else
        ga_parser_fail (p, name_pos, GA_FORMULA_ERROR_UNKNOWN_FUNCTION,
                        "unknown function '%s'", copy);
      return 0;
    }
  info = &ga_function_table[func];

  if (!enter (p, name_pos))
    return 0;
  /* The current token is '('. */
  if (!parse_arguments (p, info, base) || p->failed)
    return 0;
  ga_lex_next (p);  /* past ')' */
  leave (p);

  n = (p->scratch->len - base);
  if (!check_arguments (p, (GaFunc) func, info, base, n, name_pos))
    return 0;

  /* Direct references given to a blank-aware function may be blank or not
   * applicable: that occurrence does not make them strict. */
  if (info->flags & (GA_FN_FLAG_BLANK_AWARE | GA_FN_FLAG_FIRST_BLANK_AWARE))
    for (guint i = 0; i < n; i++)
      {
        const GaNode *arg = node_at (p, ARG_NODE (i));
        if (i > 0 && !(info->flags & GA_FN_FLAG_BLANK_AWARE))
          break;
        if (arg->op == GA_OP_REF)
          g_array_index (p->strict_uses, guint, arg->u.ref)--;
      }

  node = add_node (p, GA_OP_CALL, name_pos);
  node_at (p, node)->func = (guint8) func;
  node_at (p, node)->n_args = (guint16) n;
  node_at (p, node)->a = p->args->len;
  if (n > 0)
    g_array_append_vals (p->args, &ARG_NODE (0), n);
  g_array_set_size (p->scratch, base);
  g_array_set_size (p->scratch_pos, base);
  return node;
}

#undef ARG_NODE
#undef ARG_POS

static guint
parse_primary (Parser *p)
{
  Token *tok = &p->tok;
  guint node;

  switch (tok->type)
    {
    case TOK_NUMBER:
      node = add_node (p, GA_OP_NUMBER, tok->start);
      node_at (p, node)->u.number = tok->number;
      ga_lex_next (p);
      return node;

    case TOK_TEXT:
      node = add_node (p, GA_OP_TEXT, tok->start);
      if (p->strings == NULL)
        p->strings = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (p->strings, g_steal_pointer (&tok->text));
      node_at (p, node)->u.text = g_ptr_array_index (p->strings, p->strings->len - 1);
      ga_lex_next (p);
      return node;

    case TOK_NAME:
      {
        gsize start = tok->start;
        gsize len = tok->end - tok->start;
        const char *name = p->text + start;
        gsize look = tok->end;

        while (p->text[look] == ' ' || p->text[look] == '\t' || p->text[look] == '\n'
               || p->text[look] == '\r')
          look++;
        if (p->text[look] == '(')
          {
            ga_lex_next (p);  /* now at '(' */
            return parse_call (p, start, len);
          }
        if ((len == 4 && g_ascii_strncasecmp (name, "TRUE", 4) == 0)
            || (len == 5 && g_ascii_strncasecmp (name, "FALSE", 5) == 0))
          {
            node = add_node (p, GA_OP_BOOLEAN, start);
            node_at (p, node)->u.boolean = len == 4;
            ga_lex_next (p);
            return node;
          }
        node = add_node (p, GA_OP_REF, start);
        node_at (p, node)->u.ref = intern_ref (p, name, len, FALSE, start);
        ga_lex_next (p);
        return node;
      }

    case TOK_RANGE:
      node = add_node (p, GA_OP_RANGE, tok->start);
      node_at (p, node)->u.ref = intern_ref (p, p->text + tok->start, tok->end - tok->start,
                                             TRUE, tok->start);
      ga_lex_next (p);
      return node;

    case TOK_LPAREN:
      {
        gsize open = tok->start;
        if (!enter (p, open))
          return 0;
        ga_lex_next (p);
        node = parse_expression (p);
        if (p->failed)
          return 0;
        if (p->tok.type != TOK_RPAREN)
          {
            ga_parser_expected (p, "')' to close the '(' at column %u",
                                ga_parser_column_of (p, open));
            return 0;
          }
        ga_lex_next (p);
        leave (p);
        return node;
      }

    case TOK_END:
    case TOK_RPAREN:
    case TOK_COMMA:
    case TOK_STAR:
    case TOK_SLASH:
    case TOK_CARET:
    case TOK_AMP:
    case TOK_PERCENT:
    case TOK_EQ:
    case TOK_NE:
    case TOK_LT:
    case TOK_LE:
    case TOK_GT:
    case TOK_GE:
    case TOK_PLUS:
    case TOK_MINUS:
    default:
      ga_parser_expected (p, "a value (a number, text, a name, a function or '(')");
      return 0;
    }
}

static guint
parse_unary (Parser *p)
{
  if (p->tok.type == TOK_MINUS || p->tok.type == TOK_PLUS)
    {
      gsize pos = p->tok.start;
      GaOp op = p->tok.type == TOK_MINUS ? GA_OP_NEG : GA_OP_POS;
      guint operand;
      guint node;

      if (!enter (p, pos))
        return 0;
      ga_lex_next (p);
      operand = parse_unary (p);
      if (p->failed)
        return 0;
      leave (p);
      node = add_node (p, op, pos);
      node_at (p, node)->a = operand;
      return node;
    }
  return parse_primary (p);
}

static guint
parse_percent (Parser *p)
{
  guint node = parse_unary (p);

  while (!p->failed && p->tok.type == TOK_PERCENT)
    {
      guint percent = add_node (p, GA_OP_PERCENT, p->tok.start);
      node_at (p, percent)->a = node;
      node = percent;
      ga_lex_next (p);
    }
  return node;
}

typedef guint (*ParseLevel) (Parser *p);

static guint
binary (Parser *p,
        GaOp    op,
        gsize   pos,
        guint   left,
        guint   right)
{
  guint node = add_node (p, op, pos);
  node_at (p, node)->a = left;
  node_at (p, node)->b = right;
  return node;
}

/* Every binary level is left-associative, ^ included (as in Excel). */
static guint
parse_left_assoc (Parser     *p,
                  ParseLevel  operand,
                  TokenType   t1,
                  GaOp        op1,
                  TokenType   t2,
                  GaOp        op2)
{
  guint left = operand (p);

  while (!p->failed && (p->tok.type == t1 || p->tok.type == t2))
    {
      GaOp op = p->tok.type == t1 ? op1 : op2;
      gsize pos = p->tok.start;
      guint right;

      ga_lex_next (p);
      right = operand (p);
      if (p->failed)
        return 0;
      left = binary (p, op, pos, left, right);
    }
  return left;
}

static guint
parse_power (Parser *p)
{
  return parse_left_assoc (p, parse_percent, TOK_CARET, GA_OP_POW, TOK_CARET, GA_OP_POW);
}

static guint
parse_multiplicative (Parser *p)
{
  return parse_left_assoc (p, parse_power, TOK_STAR, GA_OP_MUL, TOK_SLASH, GA_OP_DIV);
}

static guint
parse_additive (Parser *p)
{
  return parse_left_assoc (p, parse_multiplicative, TOK_PLUS, GA_OP_ADD, TOK_MINUS, GA_OP_SUB);
}

static guint
parse_concat (Parser *p)
{
  return parse_left_assoc (p, parse_additive, TOK_AMP, GA_OP_CONCAT, TOK_AMP, GA_OP_CONCAT);
}

static guint
parse_expression (Parser *p)
{
  guint left = parse_concat (p);

  for (;;)
    {
      GaOp op;
      gsize pos;
      guint right;

      if (p->failed)
        return 0;
      switch (p->tok.type)
        {
        case TOK_EQ: op = GA_OP_EQ; break;
        case TOK_NE: op = GA_OP_NE; break;
        case TOK_LT: op = GA_OP_LT; break;
        case TOK_LE: op = GA_OP_LE; break;
        case TOK_GT: op = GA_OP_GT; break;
        case TOK_GE: op = GA_OP_GE; break;
        case TOK_END:
        case TOK_NUMBER:
        case TOK_TEXT:
        case TOK_NAME:
        case TOK_RANGE:
        case TOK_LPAREN:
        case TOK_RPAREN:
        case TOK_COMMA:
        case TOK_PLUS:
        case TOK_MINUS:
        case TOK_STAR:
        case TOK_SLASH:
        case TOK_CARET:
        case TOK_AMP:
        case TOK_PERCENT:
        default:
          return left;
        }
      pos = p->tok.start;
      ga_lex_next (p);
      right = parse_concat (p);
      if (p->failed)
        return 0;
      left = binary (p, op, pos, left, right);
    }
}

/* The parser's working arrays, kept per thread and reused: a template has
 * thousands of formulas, and creating and growing seven arrays for each
 * showed in profiles of template loading. A parse never starts another, so
 * one set per thread is enough. */
typedef struct {
  GArray *nodes;
  GArray *args;
  GArray *refs;
  GArray *strict_uses;
  GArray *lookups;
  GArray *scratch;
  GArray *scratch_pos;
} ParserArrays;

static void
parser_arrays_free (gpointer data)
{
  ParserArrays *a = data;

  g_array_unref (a->nodes);
  g_array_unref (a->args);
  g_array_unref (a->refs);
  g_array_unref (a->strict_uses);
  g_array_unref (a->lookups);
  g_array_unref (a->scratch);
  g_array_unref (a->scratch_pos);
  g_free (a);
}

static void
parser_take_arrays (Parser *p)
{
  static GPrivate key = G_PRIVATE_INIT (parser_arrays_free);
  ParserArrays *a = g_private_get (&key);

  if (a == NULL)
    {
      a = g_new0 (ParserArrays, 1);
      a->nodes = g_array_sized_new (FALSE, FALSE, sizeof (GaNode), 64);
      a->args = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 32);
      a->refs = g_array_sized_new (FALSE, FALSE, sizeof (GaRefInfo), 16);
      a->strict_uses = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16);
      a->lookups = g_array_sized_new (FALSE, FALSE, sizeof (GaLookupInfo), 4);
      a->scratch = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 32);
      a->scratch_pos = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
      g_private_set (&key, a);
    }
  g_array_set_size (a->nodes, 0);
  g_array_set_size (a->args, 0);
  g_array_set_size (a->refs, 0);
  g_array_set_size (a->strict_uses, 0);
  g_array_set_size (a->lookups, 0);
  g_array_set_size (a->scratch, 0);
  g_array_set_size (a->scratch_pos, 0);
  p->nodes = a->nodes;
  p->args = a->args;
  p->refs = a->refs;
  p->strict_uses = a->strict_uses;
  p->lookups = a->lookups;
  p->scratch = a->scratch;
  p->scratch_pos = a->scratch_pos;
}

static void
parser_clear (Parser *p)
{
  ga_token_clear (&p->tok);
  g_clear_pointer (&p->strings, g_ptr_array_unref);
  /* Names of references not handed over to a formula. The arrays belong
   * to the thread. */
  for (guint i = 0; p->refs != NULL && i < p->refs->len; i++)
    g_free (g_array_index (p->refs, GaRefInfo, i).name);
  if (p->refs != NULL)
    g_array_set_size (p->refs, 0);
}

GaFormula *
ga_formula_parse (const char  *text,
                  guint       *error_column,
                  GError     **error)
{
  Parser p = { 0 };
  const char *invalid = NULL;
  gsize length;
  GaFormula *formula;
  guint root;
  gsize start;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_column != NULL)
    *error_column = 0;
  if (text == NULL)
    text = "";

  length = strlen (text);
  if (length > GA_FORMULA_MAX_LENGTH)
    {
      const char *end = NULL;
      guint column = 1;
      if (g_utf8_validate (text, GA_FORMULA_MAX_LENGTH, &end) || end != NULL)
        column = (guint) g_utf8_pointer_to_offset (text, end != NULL ? end : text) + 1;
      if (error_column != NULL)
        *error_column = column;
      g_set_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_LONG,
                   "column %u: the formula is %" G_GSIZE_FORMAT " bytes long; the limit is %d "
                   "bytes (split it into computed items)", column, length, GA_FORMULA_MAX_LENGTH);
      return NULL;
    }

  if (!g_utf8_validate (text, (gssize) length, &invalid))
    {
      guint column = (guint) g_utf8_pointer_to_offset (text, invalid) + 1;
      if (error_column != NULL)
        *error_column = column;
      g_set_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_ENCODING,
                   "column %u: the formula is not valid UTF-8 (byte 0x%02X)", column,
                   (guint) (guchar) *invalid);
      return NULL;
    }

  p.text = text;
  p.length = length;
  p.error = error;
  p.error_column = error_column;
  parser_take_arrays (&p);
  p.ascii = TRUE;
  for (gsize i = 0; i < length && p.ascii; i++)
    p.ascii = (guchar) text[i] < 0x80;
  p.cache_column = 1;

  /* A leading '=' (as typed in Excel) is optional. */
  start = 0;
  while (text[start] == ' ' || text[start] == '\t' || text[start] == '\n' || text[start] == '\r')
    start++;
  if (text[start] == '=')
    start++;
  p.pos = start;

  ga_lex_next (&p);
  root = parse_expression (&p);
  if (!p.failed && p.tok.type != TOK_END)
    {
      if (p.tok.type == TOK_RPAREN)
        ga_parser_expected (&p, "an operator or the end of the formula (this ')' has no "
                            "matching '(')");
      else
        ga_parser_expected (&p, "an operator or the end of the formula");
    }
  if (p.failed)
    {
      parser_clear (&p);
      return NULL;
    }

  for (guint i = 0; i < p.refs->len; i++)
    {
      GaRefInfo *ref = &g_array_index (p.refs, GaRefInfo, i);
      ref->strict = !ref->is_range && g_array_index (p.strict_uses, guint, i) > 0;
    }
  formula = ga_formula_assemble (NULL, text, length, (const GaNode *) p.nodes->data, p.nodes->len,
                                 root, (const guint32 *) p.args->data, p.args->len,
                                 g_steal_pointer (&p.strings), (GaRefInfo *) p.refs->data,
                                 p.refs->len, (const GaLookupInfo *) p.lookups->data,
                                 p.lookups->len);
  /* The reference names now belong to the formula. */
  g_array_set_size (p.refs, 0);

  parser_clear (&p);
  return formula;
}
