/* ga-compare-window.h: two years of an enterprise side by side
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-compare.h"
#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_COMPARE_WINDOW (ga_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (GaCompareWindow, ga_compare_window, GA, COMPARE_WINDOW, AdwWindow)

/* Compares @assessment_id with another assessment of its enterprise and
 * kind: the one it was most likely started from (the latest earlier year),
 * else the most recent other; the earlier year is column A. Sections and
 * items with both answers and scores and the difference, "Changed only",
 * and the trend of the total score (energy audits: the total energy) over
 * every year the enterprise has. */
GaCompareWindow *ga_compare_window_new          (GtkWindow *parent,
                                                 GaStore   *store,
                                                 gint64     assessment_id);
/* Compares with @other_id instead (one of those offered); FALSE when it
 * is not offered. */
gboolean         ga_compare_window_set_other    (GaCompareWindow *self,
                                                 gint64           other_id);
/* The comparison shown, or NULL when there is nothing to compare with. */
GaComparison    *ga_compare_window_get_comparison (GaCompareWindow *self);

G_END_DECLS
