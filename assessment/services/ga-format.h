/* ga-format.h: numbers, scores and values as people read them
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One formatter for every front end: the application's pages and widgets
 * and the command-line tool write a number, a score or a level the same
 * way, so a figure read on screen can be found in a terminal's output.
 */
#pragma once

#include "ga-engine.h"

G_BEGIN_DECLS

/* The language texts for people are written in when nothing else says
 * which: "zh_CN" when the user's language (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG, in gettext's order) is Chinese, else "en". */
const char  *ga_format_language        (void);

/* At most @decimals decimals (0 to 6), rounded half away from zero as
 * Excel's ROUND does, no trailing zeros, always a dot; "–" for NaN. */
char        *ga_format_number          (double          value,
                                        int             decimals);
/* The same with "-" for NaN: plain text for terminals and files. */
char        *ga_format_number_plain    (double          value,
                                        int             decimals);
/* "6.5 / 10"; "– / 10" when nothing is scored yet. */
char        *ga_format_score           (double          score,
                                        double          max);
/* The clean-production level in words: "Level I", …, "Below level III". */
const char  *ga_format_level           (int             level);
/* The level as a Roman numeral, "I", "II" or "III"; NULL below level III
 * or when it is not determined yet. */
const char  *ga_format_level_numeral   (int             level);
/* One short line for lists: the level for clean production, else the
 * score of the maximum. */
char        *ga_format_summary_short   (GaEngine       *engine);
/* A value for display: numbers with up to 4 decimals, N/A as "N/A",
 * errors as their code, blank as "–"; @unit appended when given. */
char        *ga_format_value           (const GaValue  *value,
                                        const char     *unit);
char        *ga_format_value_as        (const GaValue  *value,
                                        const char     *format,
                                        const char     *unit);

G_END_DECLS
