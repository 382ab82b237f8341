/* ga-score-summary.h: the live result of an assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Total and maximum (or the clean-production level), progress, veto status
 * naming the failing items, grade with the engine's explanation of what
 * blocks the next one, per-section bars and radar, a trace per section and
 * the improvements that would add the most points. ga_score_summary_update()
 * reads everything from the engine again; it is cheap enough to call after
 * every edit.
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-engine.h"

G_BEGIN_DECLS

#define GA_TYPE_SCORE_SUMMARY (ga_score_summary_get_type ())

G_DECLARE_FINAL_TYPE (GaScoreSummary, ga_score_summary, GA, SCORE_SUMMARY, GtkWidget)

GtkWidget   *ga_score_summary_new          (void);
/* @engine may be NULL (nothing shown). */
void         ga_score_summary_set_engine   (GaScoreSummary *self,
                                            GaEngine       *engine);
void         ga_score_summary_update       (GaScoreSummary *self);
/* The figure shown in large type ("72.5 / 100" or the level), for tests. */
const char  *ga_score_summary_get_headline (GaScoreSummary *self);
/* The veto line as shown, for tests. */
const char  *ga_score_summary_get_veto_text (GaScoreSummary *self);

G_END_DECLS
