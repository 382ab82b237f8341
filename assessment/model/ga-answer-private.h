/* ga-answer-private.h: answer internals shared by the readers and checks of answers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An answer read from JSON, typed as text or built in code is checked by
 * the same functions, so that each mistake reads the same wherever it is
 * made. @what names the item (and row and column) in the messages.
 */
#pragma once

#include "ga-template-private.h"

G_BEGIN_DECLS

/* ga-answer-values.c */

/* Who a message is about: "item 'E1'"; "item 'E', row 2, column 'qty'"
 * (with the column's title when it has one, as the table editor shows it). */
char           *ga_answer_what_item      (const char     *item_id);
char           *ga_answer_what_cell      (const char     *item_id,
                                          guint           row,
                                          const GaColumn *column);
/* What an item or column of @kind takes ("a number", "a date
 * (YYYY-MM-DD)"), for "…, but the item needs …". */
const char     *ga_answer_kind_need      (GaItemKind      kind);
/* "a number", "text", "a list", … for "X is …, but the item needs …". */
const char     *ga_answer_json_kind      (JsonNode       *node);
/* The JSON of @node as written, cut to about 40 characters. */
char           *ga_answer_json_display   (JsonNode       *node);
gboolean        ga_answer_node_number    (JsonNode       *node,
                                          double         *out);
/* The text of a string node, or NULL for anything else. */
const char     *ga_answer_node_string    (JsonNode       *node);
/* A number typed as text: plain decimal (12.5, -3, 1e3), not 0x10, inf
 * or nan; else the message that says how to write it. */
gboolean        ga_answer_parse_number   (const char     *text,
                                          const char     *what,
                                          double         *out,
                                          GError        **error);
/* A calendar date written YYYY-MM-DD; else the message that says how. */
gboolean        ga_answer_check_date     (const char     *text,
                                          const char     *what,
                                          GError        **error);
gboolean        ga_answer_check_number   (double          v,
                                          double          min,
                                          double          max,
                                          gboolean        integer,
                                          const char     *unit,
                                          const char     *what,
                                          GError        **error);
const GaOption *ga_answer_find_option    (GPtrArray      *options,
                                          const char     *id);
gboolean        ga_answer_check_option   (GPtrArray      *options,
                                          const char     *id,
                                          const char     *what,
                                          GError        **error);
/* Yes/no typed as text (yes/是/true/1, no/否/false/0); else the message. */
gboolean        ga_answer_parse_yesno    (const char     *text,
                                          const char     *what,
                                          gboolean       *out,
                                          GError        **error);
/* The option of @options whose id (in any case) or label is @text. */
const GaOption *ga_answer_option_by_text (GPtrArray      *options,
                                          const char     *text);
/* Two of @what's chosen options are @id. */
void            ga_answer_set_twice_error (const char    *what,
                                          const char     *id,
                                          GError        **error);
/* @item is computed and takes no answer (GA_ANSWER_ERROR_NOT_ANSWERABLE). */
void            ga_answer_set_computed_error (const GaItem *item,
                                          GError        **error);
/* Whether @item may be answered 不适用; else the message. */
gboolean        ga_answer_check_na       (const GaItem   *item,
                                          GError        **error);
/* Marks @answer N/A with @reason (NULL or empty for none), if @item allows it. */
gboolean        ga_answer_mark_na        (GaAnswer       *answer,
                                          const GaItem   *item,
                                          const char     *reason,
                                          GError        **error);

G_END_DECLS
