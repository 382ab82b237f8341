/* ga-formula-lex.c: the lexer of the formula language, and the parser's
 * error messages
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Messages say where (the column, in characters) and what was expected and
 * found; characters typed by mistake on a Chinese keyboard are named with
 * the ASCII character that was meant.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-formula-parser.h"

guint
ga_parser_column_of (Parser *p,
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

void
ga_parser_fail (Parser     *p,
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

  column = ga_parser_column_of (p, pos);
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
        ga_parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
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
      ga_parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
                      "unexpected character ';'; arguments are separated by ','");
      return;
    }
  if (c == '\'')
    {
      ga_parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
                      "unexpected character \"'\"; text is written in double quotes");
      return;
    }
  if (c < 0x20 || c == 0x7F || !g_unichar_isprint (c))
    {
      ga_parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX, "unexpected character U+%04X", c);
      return;
    }
  if (g_unichar_isalpha (c))
    {
      g_unichar_to_utf8 (c, utf8);
      ga_parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX,
                      "unexpected character '%s'; names use only the letters A-Z and a-z, "
                      "digits and '_'", utf8);
      return;
    }

  g_unichar_to_utf8 (c, utf8);
  ga_parser_fail (p, pos, GA_FORMULA_ERROR_SYNTAX, "unexpected character '%s'", utf8);
}

void
ga_token_clear (Token *tok)
{
  g_clear_pointer (&tok->text, g_free);
}

/* Ends the current token at byte @end, where the next one starts. */
static void
token_end (Parser *p,
           gsize   end)
{
  p->tok.end = end;
  p->pos = end;
}

/* A number starting at @i: digits, an optional fraction, an optional
 * exponent. */
static void
lex_number (Parser *p,
            gsize   i)
{
  const char *s = p->text;
  Token *tok = &p->tok;
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
          ga_parser_fail (p, k, GA_FORMULA_ERROR_SYNTAX,
                          "expected the digits of the exponent of number %.*s, found %s",
                          (int) (k - i), s + i,
                          s[k] == '\0' ? "end of formula" : "a character that is not a digit");
          token_end (p, k);
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
      ga_parser_fail (p, i, GA_FORMULA_ERROR_SYNTAX,
                      "number %s is larger than the largest number (1.7976931348623157E+308)",
                      copy);
      token_end (p, j);
      return;
    }
  tok->type = TOK_NUMBER;
  token_end (p, j);
}

/* Text in double quotes starting at @i; "" inside stands for one quote. */
static void
lex_text (Parser *p,
          gsize   i)
{
  const char *s = p->text;
  GString *text = g_string_new (NULL);
  gsize j = i + 1;

  for (;;)
    {
      if (s[j] == '\0')
        {
          g_string_free (text, TRUE);
          ga_parser_fail (p, i, GA_FORMULA_ERROR_SYNTAX, "expected '\"' to end the text that "
                          "starts here, found end of formula");
          token_end (p, j);
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
  p->tok.type = TOK_TEXT;
  p->tok.text = g_string_free (text, FALSE);
  token_end (p, j);
}

/* A name starting at @i, or a range table.column. */
static void
lex_name (Parser *p,
          gsize   i)
{
  const char *s = p->text;
  Token *tok = &p->tok;
  gsize j = i;

  while (is_name_char (s[j]))
    j++;
  tok->type = TOK_NAME;
  if (s[j] == '.')
    {
      if (!is_name_start (s[j + 1]))
        {
          ga_parser_fail (p, j + 1, GA_FORMULA_ERROR_SYNTAX,
                          "expected a column name after '%.*s.', as in energy.tce",
                          (int) (j - i), s + i);
          tok->type = TOK_END;
          token_end (p, j + 1);
          return;
        }
      j++;
      while (is_name_char (s[j]))
        j++;
      tok->type = TOK_RANGE;
      if (s[j] == '.')
        {
          ga_parser_fail (p, j, GA_FORMULA_ERROR_SYNTAX,
                          "expected an operator after the range %.*s, found '.'; a range is "
                          "written table.column", (int) (j - i), s + i);
          tok->type = TOK_END;
          token_end (p, j);
          return;
        }
    }
  token_end (p, j);
}

/* An operator or punctuation at @i. */
static void
lex_symbol (Parser *p,
            gsize   i)
{
  const char *s = p->text;
  Token *tok = &p->tok;

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

void
ga_lex_next (Parser *p)
{
  const char *s = p->text;
  gsize i = p->pos;
  Token *tok = &p->tok;

  ga_token_clear (tok);
  while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
    i++;

  tok->start = i;
  tok->type = TOK_END;

  if (p->failed || s[i] == '\0')
    token_end (p, i);
  else if (g_ascii_isdigit (s[i]) || (s[i] == '.' && g_ascii_isdigit (s[i + 1])))
    lex_number (p, i);
  else if (s[i] == '"')
    lex_text (p, i);
  else if (is_name_start (s[i]))
    lex_name (p, i);
  else
    lex_symbol (p, i);
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

void
ga_parser_expected (Parser     *p,
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
  ga_parser_fail (p, p->tok.start, GA_FORMULA_ERROR_SYNTAX, "expected %s, found %s", what, found);
}
