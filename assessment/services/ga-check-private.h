/* ga-check-private.h: what the parts of the pre-submission check share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-check.h"

G_BEGIN_DECLS

/* Appends a finding that takes @message; returns it (borrowed). */
GaCheckFinding *_ga_check_add    (GPtrArray     *findings,
                                  GaCheckKind    kind,
                                  const GaItem  *item,
                                  const char    *field,
                                  char          *message);

/* ga-check-range.c: the values of @item (a number or computed item, or
 * every number and computed cell of a table, row by row) that lie outside
 * their plausible range, as GA_CHECK_RANGE findings. */
void            _ga_check_ranges (GaSession     *session,
                                  const GaItem  *item,
                                  GPtrArray     *findings);

G_END_DECLS
