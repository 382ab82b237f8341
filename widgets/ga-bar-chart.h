/* ga-bar-chart.h: horizontal bars, one per section (score of maximum)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-chart.h"

G_BEGIN_DECLS

#define GA_TYPE_BAR_CHART (ga_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (GaBarChart, ga_bar_chart, GA, BAR_CHART, GtkWidget)

GtkWidget *ga_bar_chart_new        (void);
void       ga_bar_chart_clear      (GaBarChart   *self);
/* A bar showing @value of @max (NaN value: nothing earned yet, drawn as an
 * empty track labelled "–"). */
void       ga_bar_chart_add_bar    (GaBarChart   *self,
                                    const char   *label,
                                    double        value,
                                    double        max,
                                    GaChartColor  color);
guint      ga_bar_chart_get_n_bars (GaBarChart   *self);

G_END_DECLS
