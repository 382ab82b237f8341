/* ga-radar-chart.h: section scores as a radar (spider) chart
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GA_TYPE_RADAR_CHART (ga_radar_chart_get_type ())

G_DECLARE_FINAL_TYPE (GaRadarChart, ga_radar_chart, GA, RADAR_CHART, GtkWidget)

GtkWidget *ga_radar_chart_new       (void);
void       ga_radar_chart_clear     (GaRadarChart *self);
/* One axis per section: @value of @max points (NaN value: not scored yet,
 * drawn at the centre). */
void       ga_radar_chart_add_axis  (GaRadarChart *self,
                                     const char   *label,
                                     double        value,
                                     double        max);
guint      ga_radar_chart_get_n_axes (GaRadarChart *self);

G_END_DECLS
