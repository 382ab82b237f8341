/* ga-format.h: numbers, scores and values as the application shows them
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-engine.h"

G_BEGIN_DECLS

/* At most @decimals decimals, no trailing zeros; "–" for NaN. */
char        *ga_format_number          (double          value,
                                        int             decimals);
/* "6.5 / 10"; "– / 10" when nothing is scored yet. */
char        *ga_format_score           (double          score,
                                        double          max);
/* The clean-production level in words: "Level I", …, "Below level III". */
const char  *ga_format_level           (int             level);
/* One short line for lists: the level for clean production, else the
 * score of the maximum. */
char        *ga_format_summary_short   (GaEngine       *engine);
/* A value for display: numbers with up to 4 decimals, N/A as "N/A",
 * errors as their code, blank as "–"; @unit appended when given. */
char        *ga_format_value           (const GaValue  *value,
                                        const char     *unit);

G_END_DECLS
