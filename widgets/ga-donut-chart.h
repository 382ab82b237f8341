/* ga-donut-chart.h: shares of a whole (the energy mix) as a donut
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GA_TYPE_DONUT_CHART (ga_donut_chart_get_type ())

G_DECLARE_FINAL_TYPE (GaDonutChart, ga_donut_chart, GA, DONUT_CHART, GtkWidget)

GtkWidget *ga_donut_chart_new             (void);
void       ga_donut_chart_clear           (GaDonutChart *self);
/* A slice; non-finite or negative values are left out of the ring (and
 * listed as "–" in the legend). */
void       ga_donut_chart_add_slice       (GaDonutChart *self,
                                           const char   *label,
                                           double        value);
/* The text in the hole: a figure and a caption under it ("1 234 tce"). */
void       ga_donut_chart_set_center_text (GaDonutChart *self,
                                           const char   *figure,
                                           const char   *caption);
guint      ga_donut_chart_get_n_slices    (GaDonutChart *self);

G_END_DECLS
