/* ga-chart.c: what the chart widgets share: colours, text, accessibility
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "ga-chart.h"

/* libadwaita's palette: the 3 shade in the light style, the 2 shade (one
 * step lighter) in the dark style, so series stay readable on both. */
static const char *light_colors[GA_CHART_N_COLORS] = {
  "#2ec27e", "#3584e4", "#ff7800", "#9141ac", "#f5c211", "#986a44", "#e01b24",
};
static const char *dark_colors[GA_CHART_N_COLORS] = {
  "#57e389", "#62a0ea", "#ffa348", "#c061cb", "#f8e45c", "#b5835a", "#ed333b",
};

gboolean
ga_chart_is_dark (GtkWidget *widget)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
ga_chart_get_color (GtkWidget *widget,
                    guint      index,
                    GdkRGBA   *color)
{
  const char **table = ga_chart_is_dark (widget) ? dark_colors : light_colors;

  gdk_rgba_parse (color, table[index % GA_CHART_N_COLORS]);
}

void
ga_chart_get_foreground (GtkWidget *widget,
                         GdkRGBA   *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, color);
}

void
ga_chart_set_source (cairo_t       *cr,
                     const GdkRGBA *color,
                     double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

PangoLayout *
ga_chart_layout_new (GtkWidget  *widget,
                     const char *text,
                     double      scale,
                     gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) desc = NULL;

  desc = pango_font_description_copy (pango_context_get_font_description (context));
  if (pango_font_description_get_size (desc) <= 0)
    pango_font_description_set_size (desc, 10 * PANGO_SCALE);
  pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * scale));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);

  return layout;
}

void
ga_chart_show_layout (cairo_t     *cr,
                      PangoLayout *layout,
                      double       x,
                      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
dark_changed_cb (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

void
ga_chart_track_style (GtkWidget *widget)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), widget, G_CONNECT_SWAPPED);
}

char *
ga_chart_format_number (double value,
                        int    decimals)
{
  char *text;
  char *dot;

  if (!isfinite (value))
    return g_strdup ("–");

  text = g_strdup_printf ("%.*f", decimals, value);
  dot = strchr (text, '.');
  if (dot != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  if (strcmp (text, "-0") == 0)
    {
      g_free (text);
      text = g_strdup ("0");
    }
  return text;
}
