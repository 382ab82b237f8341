/* ga-formula.c: lexer, parser and compiled-formula accessors
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
  [GA_FN_INTERP] =          { "INTERP",          4, 4,    NU,           N },
  [GA_FN_BAND] =            { "BAND",            5, ANYN, 0,            A },
  [GA_FN_LEVEL] =           { "LEVEL",           5, 5,    NU,           N },
  [GA_FN_FACTOR] =          { "FACTOR",          3, 3,    0,            A },
  [GA_FN_CLAMP] =           { "CLAMP",           3, 3,    NU,           N },
  [GA_FN_PCTCHANGE] =       { "PCTCHANGE",       2, 2,    NU,           N },
  [GA_FN_POINTS] =          { "POINTS",          2, 2,    NU,           N },
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

/* ---------------------------------------------------------------------- */
/* Lexer                                                                  */

typedef enum {
  TOK_END,
  TOK_NUMBER,
  TOK_TEXT,
  TOK_NAME,
  TOK_RANGE,
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_COMMA,
  TOK_PLUS,
  TOK_MINUS,
  TOK_STAR,
  TOK_SLASH,
  TOK_CARET,
  TOK_AMP,
  TOK_PERCENT,
  TOK_EQ,
  TOK_NE,
  TOK_LT,
  TOK_LE,
  TOK_GT,
  TOK_GE,
} TokenType;

typedef struct {
  TokenType type;
  gsize     start;   /* byte offsets into the formula text */
  gsize     end;
  double    number;
  char     *text;    /* unescaped content of TOK_TEXT, owned by the token */
} Token;

typedef struct {
  const char  *text;
  gsize        length;
  gsize        pos;
  Token        tok;
  guint        depth;

  GArray      *nodes;     /* GaNode */
  GArray      *args;      /* guint32 */
  GPtrArray   *strings;
  GArray      *refs;      /* GaRefInfo */
  GArray      *strict_uses;  /* guint per ref: occurrences that are strict */
  GArray      *lookups;   /* GaLookupInfo */
  GArray      *scratch;   /* guint32 argument nodes of the calls being parsed */
  GArray      *scratch_pos;  /* gsize, their byte positions */

  gboolean     ascii;     /* columns are byte offsets + 1 */
  gsize        cache_pos; /* last column computed, to count characters incrementally */
  guint        cache_column;

  GError     **error;
  guint       *error_column;
  gboolean     failed;
} Parser;

static guint
column_of (Parser *p,
           gsize   pos)
{
  pos = MIN (pos, p->length);
  if (p->ascii)
    return (guint) pos + 1;
  /* Nodes come roughly left to right: count on from the last position. */
  if (pos < p->cache_pos)
    {
      p->cache_pos = 0;
      p->cache_column = 1;
    }
  p->cache_column += (guint) g_utf8_pointer_to_offset (p->text + p->cache_pos, p->text + pos);
  p->cache_pos = pos;
  return p->cache_column;
}

static void parser_fail (Parser     *p,
                         gsize       pos,
                         int         code,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
parser_fail (Parser     *p,
             gsize       pos,
             int         code,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;
  guint column;

  if (p->failed)
    return;
  p->failed = TRUE;

  column = column_of (p, pos);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (p->error_column != NULL)
    *p->error_column = column;
  g_set_error (p->error, GA_FORMULA_ERROR, code, "column %u: %s", column, message);
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Characters typed by mistake on a Chinese keyboard, with the ASCII
 * character that was meant. */
static const struct {
  gunichar    wide;
  const char *ascii;
} fullwidth_hints[] = {
  { 0xFF08, "(" }, { 0xFF09, ")" }, { 0xFF0C, "," }, { 0x3001, "," },
  { 0xFF1B, "," }, { 0x201C, "\"" }, { 0x201D, "\"" }, { 0xFF02, "\"" },
  { 0xFF1D, "=" }, { 0xFF0B, "+" }, { 0xFF0D, "-" }, { 0xFF0A, "*" },
  { 0xFF0F, "/" }, { 0xFF1C, "<" }, { 0xFF1E, ">" }, { 0xFF05, "%" },
  { 0xFF06, "&" }, { 0xFF3E, "^" }, { 0x3002, "." }, { 0xFF0E, "." },
  { 0x3000, "a space" }, { 0x00D7, "*" }, { 0x00F7, "/" }, { 0x2212, "-" },
  { 0x2264, "<=" }, { 0x2265, ">=" }, { 0x2260, "<>" },
};

static void
fail_unexpected_char (Parser *p,
                      gsize   pos)
{
  gunichar c = g_utf8_get_char (p->text + pos);
  char utf8[8] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (fullwidth_hints); i++)
    if (fullwidth_hints[i].wide == c)
      {
        g_unichar_to_utf8 (c, utf8);
        parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
                     "unexpected character '%s'; type %s%s%s instead",
                     utf8,
                     fullwidth_hints[i].ascii[1] == '\0' || fullwidth_hints[i].ascii[0] == '<'
                       || fullwidth_hints[i].ascii[0] == '>' ? "'" : "",
                     fullwidth_hints[i].ascii,
                     fullwidth_hints[i].ascii[1] == '\0' || fullwidth_hints[i].ascii[0] == '<'
                       || fullwidth_hints[i].ascii[0] == '>' ? "'" : "");
        return;
      }

  if (c == ';')
    {
      parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
                   "unexpected character ';'; arguments are separated by ','");
      return;
    }
  if (c == '\'')
    {
      parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
                   "unexpected character \"'\"; text is written in double quotes");
      return;
    }
  if (c < 0x20 || c == 0x7F || !g_unichar_isprint (c))
    {
      parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX, "unexpected character U+%04X", c);
      return;
    }
  if (g_unichar_isalpha (c))
    {
      g_unichar_to_utf8 (c, utf8);
      parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
                   "unexpected character '%s'; names use only the letters A-Z and a-z, "
                   "digits and '_'", utf8);
      return;
    }

  g_unichar_to_utf8 (c, utf8);
  parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX, "unexpected character '%s'", utf8);
}

static void
token_clear (Token *tok)
{
  g_clear_pointer (&tok->text, g_free);
}

/* Reads the next token into p->tok. On a lexical error p->failed is set and
 * the token is TOK_END. */
static void
lex_next (Parser *p)
{
  const char *s = p->text;
  gsize i = p->pos;
  Token *tok = &p->tok;

  token_clear (tok);
  while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
    i++;

  tok->start = i;
  tok->type = TOK_END;

  if (p->failed || s[i] == '\0')
    {
      tok->end = i;
      p->pos = i;
      return;
    }

  if (g_ascii_isdigit (s[i]) || (s[i] == '.' && g_ascii_isdigit (s[i + 1])))
    {
      gsize j = i;
      g_autofree char *copy = NULL;

      while (g_ascii_isdigit (s[j]))
        j++;
      if (s[j] == '.')
        {
          j++;
          while (g_ascii_isdigit (s[j]))
            j++;
        }
      if (s[j] == 'e' || s[j] == 'E')
        {
          gsize k = j + 1;
          if (s[k] == '+' || s[k] == '-')
            k++;
          if (!g_ascii_isdigit (s[k]))
            {
              parser_fail (p, k, GA_FORMULA_ERROR_SYNTAX,
                           "expected the digits of the exponent of number %.*s, found %s",
                           (int) (k - i), s + i,
                           s[k] == '\0' ? "end of formula" : "a character that is not a digit");
              tok->end = k;
              p->pos = k;
              return;
            }
          while (g_ascii_isdigit (s[k]))
            k++;
          j = k;
        }
      copy = g_strndup (s + i, j - i);
      tok->number = g_ascii_strtod (copy, NULL);
      if (!isfinite (tok->number))
        {
          /* The largest double to 17 digits: rounded to 15 it would read
           * 1.79769313486232E+308, which is itself too large. */
          parser_fail (p, i, GA_FORMULA_ERROR_SYNTAX,
                       "number %s is larger than the largest number (1.7976931348623157E+308)",
                       copy);
          tok->end = j;
          p->pos = j;
          return;
        }
      tok->type = TOK_NUMBER;
      tok->end = j;
      p->pos = j;
      return;
    }

  if (s[i] == '"')
    {
      GString *text = g_string_new (NULL);
      gsize j = i + 1;

      for (;;)
        {
          if (s[j] == '\0')
            {
              g_string_free (text, TRUE);
              parser_fail (p, i, GA_FORMULA_ERROR_SYNTAX,
                           "expected '\"' to end the text that starts here, found end of formula");
              tok->end = j;
              p->pos = j;
              return;
            }
          if (s[j] == '"')
            {
              if (s[j + 1] == '"')
                {
                  g_string_append_c (text, '"');
                  j += 2;
                  continue;
                }
              j++;
              break;
            }
          g_string_append_c (text, s[j]);
          j++;
        }
      tok->type = TOK_TEXT;
      tok->text = g_string_free (text, FALSE);
      tok->end = j;
      p->pos = j;
      return;
    }

  if (is_name_start (s[i]))
    {
      gsize j = i;
      while (is_name_char (s[j]))
        j++;
      tok->type = TOK_NAME;
      if (s[j] == '.')
        {
          if (!is_name_start (s[j + 1]))
            {
              parser_fail (p, j + 1, GA_FORMULA_ERROR_SYNTAX,
                           "expected a column name after '%.*s.', as in energy.tce",
                           (int) (j - i), s + i);
              tok->type = TOK_END;
              tok->end = j + 1;
              p->pos = j + 1;
              return;
            }
          j++;
          while (is_name_char (s[j]))
            j++;
          tok->type = TOK_RANGE;
          if (s[j] == '.')
            {
              parser_fail (p, j, GA_FORMULA_ERROR_SYNTAX,
                           "expected an operator after the range %.*s, found '.'; a range is "
                           "written table.column", (int) (j - i), s + i);
              tok->type = TOK_END;
              tok->end = j;
              p->pos = j;
              return;
            }
        }
      tok->end = j;
      p->pos = j;
      return;
    }

  tok->end = i + 1;
  switch (s[i])
    {
    case '(': tok->type = TOK_LPAREN; break;
    case ')': tok->type = TOK_RPAREN; break;
    case ',': tok->type = TOK_COMMA; break;
    case '+': tok->type = TOK_PLUS; break;
    case '-': tok->type = TOK_MINUS; break;
    case '*': tok->type = TOK_STAR; break;
    case '/': tok->type = TOK_SLASH; break;
    case '^': tok->type = TOK_CARET; break;
    case '&': tok->type = TOK_AMP; break;
    case '%': tok->type = TOK_PERCENT; break;
    case '=': tok->type = TOK_EQ; break;
    case '<':
      if (s[i + 1] == '=')
        tok->type = TOK_LE, tok->end = i + 2;
      else if (s[i + 1] == '>')
        tok->type = TOK_NE, tok->end = i + 2;
      else
        tok->type = TOK_LT;
      break;
    case '>':
      if (s[i + 1] == '=')
        tok->type = TOK_GE, tok->end = i + 2;
      else
        tok->type = TOK_GT;
      break;
    default:
      fail_unexpected_char (p, i);
      tok->type = TOK_END;
      tok->end = i;
      break;
    }
  p->pos = tok->end;
}

/* What the current token is, for "found ..." in messages. */
static char *
describe_token (Parser *p)
{
  const Token *tok = &p->tok;
  int len = (int) (tok->end - tok->start);
  const char *s = p->text + tok->start;

  switch (tok->type)
    {
    case TOK_END:
      return g_strdup ("end of formula");
    case TOK_NUMBER:
      return g_strdup_printf ("number %.*s", len, s);
    case TOK_TEXT:
      if (g_utf8_strlen (s, len) > 24)
        {
          const char *cut = g_utf8_offset_to_pointer (s, 20);
          return g_strdup_printf ("text %.*s...\"", (int) (cut - s), s);
        }
      return g_strdup_printf ("text %.*s", len, s);
    case TOK_NAME:
      return g_strdup_printf ("name '%.*s'", len, s);
    case TOK_RANGE:
      return g_strdup_printf ("range '%.*s'", len, s);
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
    case TOK_EQ:
    case TOK_NE:
    case TOK_LT:
    case TOK_LE:
    case TOK_GT:
    case TOK_GE:
    default:
      return g_strdup_printf ("'%.*s'", len, s);
    }
}

static void parser_expected (Parser     *p,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);

static void
parser_expected (Parser     *p,
                 const char *format,
                 ...)
{
  va_list args;
  g_autofree char *what = NULL;
  g_autofree char *found = NULL;

  if (p->failed)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  found = describe_token (p);
  parser_fail (p, p->tok.start, GA_FORMULA_ERROR_SYNTAX, "expected %s, found %s", what, found);
}

/* ---------------------------------------------------------------------- */
/* Parser                                                                 */

static guint
add_node (Parser *p,
          GaOp    op,
          gsize   pos)
{
  GaNode node = { 0 };

  node.op = op;
  node.column = column_of (p, pos);
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
      info.column = column_of (p, pos);
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
      parser_fail (p, pos, GA_FORMULA_ERROR_TOO_DEEP,
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
    parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS,
                 "IFS takes pairs of a condition and a value (an even number of arguments, "
                 "at least 2), found %u", n);
  else if (func == GA_FN_BAND)
    parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS,
                 "BAND takes a value, a comparator, one or more threshold and score pairs and "
                 "a score for otherwise (an odd number of arguments, at least 5), found %u", n);
  else if (info->min_args == info->max_args)
    parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes %u argument%s, found %u",
                 info->name, info->min_args, info->min_args == 1 ? "" : "s", n);
  else if (info->max_args == GA_FN_ANY_COUNT)
    parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes at least %u argument%s, found %u",
                 info->name, info->min_args, info->min_args == 1 ? "" : "s", n);
  else if (info->max_args == info->min_args + 1)
    parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes %u or %u arguments, found %u",
                 info->name, info->min_args, info->max_args, n);
  else
    parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS, "%s takes %u to %u arguments, found %u",
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
      parser_fail (p, arg_pos, GA_FORMULA_ERROR_ARGUMENTS,
                   "the second argument of %s must be one of the comparators \">=\", \">\", "
                   "\"<=\" or \"<\" written as text", function);
      return FALSE;
    }
  return TRUE;
}

#define ARG_NODE(i) g_array_index (p->scratch, guint32, base + (i))
#define ARG_POS(i) g_array_index (p->scratch_pos, gsize, base + (i))

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
        parser_fail (p, name_pos, GA_FORMULA_ERROR_UNKNOWN_FUNCTION,
                     "unknown function '%s'; did you mean %s?", copy, suggestion);
      else
        parser_fail (p, name_pos, GA_FORMULA_ERROR_UNKNOWN_FUNCTION,
                     "unknown function '%s'", copy);
      return 0;
    }
  info = &ga_function_table[func];

  if (!enter (p, name_pos))
    return 0;

  /* The current token is '('. */
  lex_next (p);
  if (p->tok.type != TOK_RPAREN)
    {
      for (;;)
        {
          gsize pos = p->tok.start;
          guint32 arg;

          if (p->tok.type == TOK_COMMA || p->tok.type == TOK_RPAREN)
            {
              parser_expected (p, "an argument of %s", info->name);
              return 0;
            }
          arg = parse_expression (p);
          if (p->failed)
            return 0;
          if ((p->scratch->len - base) >= 255)
            {
              parser_fail (p, pos, GA_FORMULA_ERROR_ARGUMENTS,
                           "%s is given more than 255 arguments", info->name);
              return 0;
            }
          g_array_append_val (p->scratch, arg);
          g_array_append_val (p->scratch_pos, pos);
          if (p->tok.type == TOK_COMMA)
            {
              lex_next (p);
              continue;
            }
          if (p->tok.type == TOK_RPAREN)
            break;
          if (p->tok.type == TOK_END)
            parser_expected (p, "')' to close the arguments of %s", info->name);
          else
            parser_expected (p, "',' or ')' after an argument of %s", info->name);
          return 0;
        }
    }
  if (p->failed)
    return 0;
  lex_next (p);  /* past ')' */
  leave (p);

  n = (p->scratch->len - base);
  if (n < info->min_args || (info->max_args != GA_FN_ANY_COUNT && n > info->max_args)
      || (func == GA_FN_IFS && n % 2 != 0) || (func == GA_FN_BAND && n % 2 == 0))
    {
      fail_argument_count (p, name_pos, info, func, n);
      return 0;
    }

  /* Checks of the form of arguments that need no resolver. */
  switch (func)
    {
    case GA_FN_BAND:
    case GA_FN_LEVEL:
      if (!check_comparator (p, info->name, ARG_NODE (1),
                             ARG_POS (1)))
        return 0;
      break;
    case GA_FN_FACTOR:
      for (guint i = 0; i < 3; i += 2)
        {
          const GaNode *arg = node_at (p, ARG_NODE (i));
          if (arg->op != GA_OP_TEXT)
            {
              parser_fail (p, ARG_POS (i), GA_FORMULA_ERROR_ARGUMENTS,
                           "the %s of FACTOR must be written as text, as in "
                           "FACTOR(\"gbt2589\", carrier, \"kgce\")",
                           i == 0 ? "table name" : "column name");
              return 0;
            }
        }
      {
        GaLookupInfo lookup;
        lookup.table = node_at (p, ARG_NODE (0))->u.text;
        lookup.column = node_at (p, ARG_NODE (2))->u.text;
        lookup.column_in_text = column_of (p, name_pos);
        g_array_append_val (p->lookups, lookup);
      }
      break;
    case GA_FN_COUNTBLANK:
      {
        const GaNode *arg = node_at (p, ARG_NODE (0));
        if (arg->op != GA_OP_REF && arg->op != GA_OP_RANGE)
          {
            parser_fail (p, ARG_POS (0), GA_FORMULA_ERROR_ARGUMENTS,
                         "COUNTBLANK needs a reference (an item or table.column)");
            return 0;
          }
      }
      break;
    default:
      break;
    }

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
      lex_next (p);
      return node;

    case TOK_TEXT:
      node = add_node (p, GA_OP_TEXT, tok->start);
      if (p->strings == NULL)
        p->strings = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (p->strings, g_steal_pointer (&tok->text));
      node_at (p, node)->u.text = g_ptr_array_index (p->strings, p->strings->len - 1);
      lex_next (p);
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
            lex_next (p);  /* now at '(' */
            return parse_call (p, start, len);
          }
        if ((len == 4 && g_ascii_strncasecmp (name, "TRUE", 4) == 0)
            || (len == 5 && g_ascii_strncasecmp (name, "FALSE", 5) == 0))
          {
            node = add_node (p, GA_OP_BOOLEAN, start);
            node_at (p, node)->u.boolean = len == 4;
            lex_next (p);
            return node;
          }
        node = add_node (p, GA_OP_REF, start);
        node_at (p, node)->u.ref = intern_ref (p, name, len, FALSE, start);
        lex_next (p);
        return node;
      }

    case TOK_RANGE:
      node = add_node (p, GA_OP_RANGE, tok->start);
      node_at (p, node)->u.ref = intern_ref (p, p->text + tok->start, tok->end - tok->start,
                                             TRUE, tok->start);
      lex_next (p);
      return node;

    case TOK_LPAREN:
      {
        gsize open = tok->start;
        if (!enter (p, open))
          return 0;
        lex_next (p);
        node = parse_expression (p);
        if (p->failed)
          return 0;
        if (p->tok.type != TOK_RPAREN)
          {
            parser_expected (p, "')' to close the '(' at column %u", column_of (p, open));
            return 0;
          }
        lex_next (p);
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
      parser_expected (p, "a value (a number, text, a name, a function or '(')");
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
      lex_next (p);
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
      lex_next (p);
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

      lex_next (p);
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
      lex_next (p);
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
  token_clear (&p->tok);
  g_clear_pointer (&p->strings, g_ptr_array_unref);
  /* Names of references not handed over to a formula. The arrays belong
   * to the thread. */
  for (guint i = 0; p->refs != NULL && i < p->refs->len; i++)
    g_free (g_array_index (p->refs, GaRefInfo, i).name);
  if (p->refs != NULL)
    g_array_set_size (p->refs, 0);
}

/* The formula and its arrays in one allocation: the 8-byte aligned arrays
 * first, then the 4-byte ones, then the text (NULL: a built formula, whose
 * text is written out when asked for). Takes @strings and the names of
 * @refs, whose strict flags are set. */
GaFormula *
ga_formula_assemble (const char         *text,
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
  gsize nodes_at = sizeof (GaFormula) + (8 - sizeof (GaFormula) % 8) % 8;
  gsize refs_at = nodes_at + n_nodes * sizeof (GaNode);
  gsize lookups_at = refs_at + n_refs * sizeof (GaRefInfo);
  gsize args_at = lookups_at + n_lookups * sizeof (GaLookupInfo);
  gsize strict_at = args_at + n_args * sizeof (guint32);
  gsize text_at = strict_at + n_refs * sizeof (guint);
  GaFormula *formula;
  char *block;

  G_STATIC_ASSERT (sizeof (GaNode) % 8 == 0 && sizeof (GaRefInfo) % 8 == 0
                   && sizeof (GaLookupInfo) % 8 == 0);
  block = g_malloc (text_at + length + 1);
  formula = (GaFormula *) block;
  memset (formula, 0, sizeof *formula);
  g_atomic_ref_count_init (&formula->ref_count);
  formula->nodes = (GaNode *) (block + nodes_at);
  formula->refs = (GaRefInfo *) (block + refs_at);
  formula->lookups = (GaLookupInfo *) (block + lookups_at);
  formula->args = (guint32 *) (block + args_at);
  formula->strict = (guint *) (block + strict_at);
  if (text != NULL)
    {
      formula->text = block + text_at;
      memcpy (formula->text, text, length);
      formula->text[length] = '\0';
    }
  if (n_nodes > 0)
    memcpy (formula->nodes, nodes, n_nodes * sizeof (GaNode));
  formula->n_nodes = n_nodes;
  formula->root = root;
  if (n_args > 0)
    memcpy (formula->args, args, n_args * sizeof (guint32));
  formula->n_args = n_args;
  formula->strings = strings;
  for (guint i = 0; i < n_refs; i++)
    if (refs[i].strict)
      formula->strict[formula->n_strict++] = i;
  if (n_refs > 0)
    memcpy (formula->refs, refs, n_refs * sizeof (GaRefInfo));
  formula->n_refs = n_refs;
  if (n_lookups > 0)
    memcpy (formula->lookups, lookups, n_lookups * sizeof (GaLookupInfo));
  formula->n_lookups = n_lookups;
  return formula;
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

  lex_next (&p);
  root = parse_expression (&p);
  if (!p.failed && p.tok.type != TOK_END)
    {
      if (p.tok.type == TOK_RPAREN)
        parser_expected (&p, "an operator or the end of the formula (this ')' has no "
                         "matching '(')");
      else
        parser_expected (&p, "an operator or the end of the formula");
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
  formula = ga_formula_assemble (text, length, (const GaNode *) p.nodes->data, p.nodes->len,
                                 root, (const guint32 *) p.args->data, p.args->len,
                                 g_steal_pointer (&p.strings), (GaRefInfo *) p.refs->data,
                                 p.refs->len, (const GaLookupInfo *) p.lookups->data,
                                 p.lookups->len);
  /* The reference names now belong to the formula. */
  g_array_set_size (p.refs, 0);

  parser_clear (&p);
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

  /* The arrays and the text share the formula's allocation. */
  g_clear_pointer (&formula->strings, g_ptr_array_unref);
  g_free (formula->printed);
  for (guint i = 0; i < formula->n_refs; i++)
    g_free (formula->refs[i].name);
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
