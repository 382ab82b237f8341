/* ga-chart.h: what the chart widgets share: colours, text, accessibility
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts are plain GtkWidget subclasses that draw with cairo inside
 * their snapshot() and lay text out with Pango, so Chinese labels use the
 * widget's font and fallback fonts like any label. Colours follow the
 * libadwaita palette and switch to its lighter shades in the dark style.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The series colours, in order of use. */
typedef enum {
  GA_CHART_COLOR_GREEN,
  GA_CHART_COLOR_BLUE,
  GA_CHART_COLOR_ORANGE,
  GA_CHART_COLOR_PURPLE,
  GA_CHART_COLOR_YELLOW,
  GA_CHART_COLOR_BROWN,
  GA_CHART_COLOR_RED,
  GA_CHART_N_COLORS,
} GaChartColor;

/* TRUE when the widget is drawn in the dark style. */
gboolean    ga_chart_is_dark            (GtkWidget      *widget);
/* Palette colour @index (wrapping around) for the current style. */
void        ga_chart_get_color          (GtkWidget      *widget,
                                         guint           index,
                                         GdkRGBA        *color);
/* The widget's text colour (for labels, axes at lower alpha). */
void        ga_chart_get_foreground     (GtkWidget      *widget,
                                         GdkRGBA        *color);
void        ga_chart_set_source         (cairo_t        *cr,
                                         const GdkRGBA  *color,
                                         double          alpha);
/* A layout of @text in the widget's font scaled by @scale (1.0 = normal),
 * bold when @bold. */
PangoLayout *ga_chart_layout_new        (GtkWidget      *widget,
                                         const char     *text,
                                         double          scale,
                                         gboolean        bold);
/* Draws @layout with its top-left corner at (@x, @y). */
void        ga_chart_show_layout        (cairo_t        *cr,
                                         PangoLayout    *layout,
                                         double          x,
                                         double          y);
/* Redraws @widget when the style manager switches between light and dark;
 * call once from init. */
void        ga_chart_track_style        (GtkWidget      *widget);
/* @value as a share of @max, within 0 to 1; 0 when either is not a number
 * or @max is not above 0. */
double      ga_chart_fraction           (double          value,
                                         double          max);
/* Formats a number as charts show it: up to @decimals decimals, no trailing
 * zeros. */
char       *ga_chart_format_number      (double          value,
                                         int             decimals);

/* Draws @layout in @color at @alpha, placed so that the point (@x, @y)
 * falls at (@xalign, @yalign) of its extent: 0, 0 puts its top left corner
 * there, 0.5, 0.5 its centre, 1, 0.5 the middle of its right edge. */
void        ga_chart_show_text          (cairo_t        *cr,
                                         PangoLayout    *layout,
                                         const GdkRGBA  *color,
                                         double          alpha,
                                         double          x,
                                         double          y,
                                         double          xalign,
                                         double          yalign);

/* Writes what a chart shows, in words, into @description (empty). */
typedef void (*GaChartDescribeFunc) (GtkWidget *widget,
                                     GString   *description);

/* The accessible description of a chart, embedded in its instance struct:
 * rebuilt once after a burst of changes (a summary adds one entry per
 * section on every edit), not once per change. */
typedef struct {
  GtkWidget           *widget;
  GaChartDescribeFunc  describe;
  guint                source;     /* pending update */
} GaChartDescription;

/* From a chart's class_init: its CSS name and the image role. */
void        ga_chart_class_setup        (GtkWidgetClass     *widget_class,
                                         const char         *css_name);
/* From a chart's init: the accessible @label, the description @describe
 * writes, and a redraw when the style switches between light and dark. */
void        ga_chart_setup              (GtkWidget          *widget,
                                         GaChartDescription *description,
                                         const char         *label,
                                         GaChartDescribeFunc describe);
/* After every change of what the chart shows. */
void        ga_chart_queue_description  (GaChartDescription *description);
/* From finalize: drops a pending update. */
void        ga_chart_clear_description  (GaChartDescription *description);

G_END_DECLS
