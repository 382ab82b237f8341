/* ga-formula-parser.h: the state the lexer and the parser share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-formula-private.h"

G_BEGIN_DECLS

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

/* ga-formula-lex.c */
/* The 1-based column, in characters, of byte offset @pos. */
G_GNUC_INTERNAL
guint ga_parser_column_of (Parser *p,
                           gsize   pos);
/* Fails the parse at @pos with "column N: message" (the first failure
 * only). */
G_GNUC_INTERNAL
void  ga_parser_fail      (Parser     *p,
                           gsize       pos,
                           int         code,
                           const char *format,
                           ...) G_GNUC_PRINTF (4, 5);
/* Fails the parse at the current token: "expected …, found <token>". */
G_GNUC_INTERNAL
void  ga_parser_expected  (Parser     *p,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);
/* Reads the next token into p->tok. On a lexical error p->failed is set
 * and the token is TOK_END. */
G_GNUC_INTERNAL
void  ga_lex_next         (Parser *p);
G_GNUC_INTERNAL
void  ga_token_clear      (Token  *tok);

G_END_DECLS
