/* ga-json.h: reading JSON from untrusted bytes without surprises
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's parser recurses once per nesting level (so a file of 100 000
 * '[' exhausts the stack), silently keeps the first of two JSON values in a
 * row, lets the last of two equal keys win, accepts single quotes, comments
 * and hexadecimal numbers, and words its errors for programmers. Every
 * file a user gives (templates, answers, packages) therefore goes through
 * ga_json_check() first: one fast pass over the bytes that accepts exactly
 * RFC 8259 JSON and explains anything else in plain words, with the line
 * and column, before json-glib ever sees it.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GA_JSON_ERROR (ga_json_error_quark ())

typedef enum {
  GA_JSON_ERROR_SYNTAX,         /* not JSON; the message says what was expected */
  GA_JSON_ERROR_ENCODING,       /* not valid UTF-8 */
  GA_JSON_ERROR_TOO_DEEP,       /* nested more than the limit */
  GA_JSON_ERROR_NUMBER,         /* a whole number too large to be read exactly */
  GA_JSON_ERROR_DUPLICATE_KEY,  /* an object has the same key twice */
  GA_JSON_ERROR_TRAILING,       /* something follows the JSON value */
  GA_JSON_ERROR_EMPTY,          /* nothing but white space */
} GaJsonError;

/* The nesting limit used for templates and answers: far above what either
 * needs, far below what exhausts a thread's stack. */
#define GA_JSON_MAX_DEPTH 200

GQuark       ga_json_error_quark      (void);

/* Checks that @data (@length bytes; a UTF-8 byte-order mark is skipped) is
 * exactly one JSON value nested at most @max_depth levels, with no key twice
 * in an object and no whole number beyond 18 digits. On failure sets @error
 * (GA_JSON_ERROR) to a message that says where, columns counted in
 * characters: "LINE:COLUMN: what is wrong" in general, and for the two
 * limits "nested more than 200 levels at line L, column C (…)" and
 * "unexpected content after the end of the JSON at line L, column C (…)".
 * Callers put the file name in front. */
gboolean     ga_json_check            (const char  *data,
                                       gsize        length,
                                       guint        max_depth,
                                       GError     **error);
/* The same check under the name the design notes use. */
gboolean     ga_json_check_depth      (const char  *data,
                                       gsize        length,
                                       guint        max_depth,
                                       GError     **error);

/* ga_json_check() and then json-glib's (immutable) parser. @length < 0:
 * @data is NUL-terminated. Returns a parser holding a root node, or NULL
 * with @error set as ga_json_check() sets it. */
JsonParser  *ga_json_parse_bounded    (const char  *data,
                                       gssize       length,
                                       guint        max_depth,
                                       GError     **error);

/* For trees built in code rather than parsed: TRUE if @node is nested at
 * most @max_depth levels. Never recurses deeper than @max_depth. */
gboolean     ga_json_node_depth_ok    (JsonNode    *node,
                                       guint        max_depth);

/* Shared by the two readers (ga-json.c, ga-json-doc.c): the length of the
 * valid UTF-8 sequence at @p (not ASCII) or 0, and the value of the four
 * hex digits of a \u escape. */
G_GNUC_INTERNAL guint    ga_json_utf8_sequence (const guchar *p,
                                                const guchar *end);
G_GNUC_INTERNAL gboolean ga_json_hex4          (const char   *p,
                                                const char   *end,
                                                guint        *out);

G_END_DECLS
