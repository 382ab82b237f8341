/* ga-trend-chart.h: values across years (scores, intensities) as lines
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GA_TYPE_TREND_CHART (ga_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (GaTrendChart, ga_trend_chart, GA, TREND_CHART, GtkWidget)

GtkWidget *ga_trend_chart_new            (void);
void       ga_trend_chart_clear          (GaTrendChart *self);
/* The x axis: one label per point ("2023", "2024" ...). Clears the series. */
void       ga_trend_chart_set_categories (GaTrendChart *self,
                                          const char  **labels,
                                          guint         n_labels);
/* A line with one value per category (NaN: no value that year, the line
 * breaks there). */
void       ga_trend_chart_add_series     (GaTrendChart *self,
                                          const char   *name,
                                          const double *values,
                                          guint         n_values);
/* A dashed horizontal target line (NaN: none). */
void       ga_trend_chart_set_target     (GaTrendChart *self,
                                          double        value,
                                          const char   *label);
/* Shown at the top of the value axis ("points", "tce/t"). */
void       ga_trend_chart_set_unit       (GaTrendChart *self,
                                          const char   *unit);
guint      ga_trend_chart_get_n_series   (GaTrendChart *self);

G_END_DECLS
