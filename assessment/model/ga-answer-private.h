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

/* "a number", "text", "a list", … for "X is …, but the item needs …". */
const char     *ga_answer_json_kind      (JsonNode       *node);
/* The JSON of @node as written, cut to about 40 characters. */
char           *ga_answer_json_display   (JsonNode       *node);
gboolean        ga_answer_node_number    (JsonNode       *node,
                                          double         *out);
/* The text of a string node, or NULL for anything else. */
const char     *ga_answer_node_string    (JsonNode       *node);
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
/* Marks @answer N/A with @reason (NULL or empty for none), if @item allows it. */
gboolean        ga_answer_mark_na        (GaAnswer       *answer,
                                          const GaItem   *item,
                                          const char     *reason,
                                          GError        **error);

G_END_DECLS
