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

double
ga_chart_fraction (double value,
                   double max)
{
  if (!isfinite (value) || !isfinite (max) || max <= 0)
    return 0;
  return CLAMP (value / max, 0, 1);
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

void
ga_chart_show_text (cairo_t       *cr,
                    PangoLayout   *layout,
                    const GdkRGBA *color,
                    double         alpha,
                    double         x,
                    double         y,
                    double         xalign,
                    double         yalign)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  ga_chart_set_source (cr, color, alpha);
  ga_chart_show_layout (cr, layout, x - xalign * width, y - yalign * height);
}

void
ga_chart_class_setup (GtkWidgetClass *widget_class,
                      const char     *css_name)
{
  gtk_widget_class_set_css_name (widget_class, css_name);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

void
ga_chart_setup (GtkWidget           *widget,
                GaChartDescription  *description,
                const char          *label,
                GaChartDescribeFunc  describe)
{
  description->widget = widget;
  description->describe = describe;
  description->source = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  ga_chart_track_style (widget);
}

static gboolean
update_description_cb (gpointer data)
{
  GaChartDescription *description = data;
  g_autoptr(GString) text = g_string_new (NULL);

  description->source = 0;
  description->describe (description->widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (description->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  return G_SOURCE_REMOVE;
}

void
ga_chart_queue_description (GaChartDescription *description)
{
  if (description->source == 0)
    description->source = g_idle_add_full (G_PRIORITY_LOW, update_description_cb, description,
                                           NULL);
}

void
ga_chart_clear_description (GaChartDescription *description)
{
  g_clear_handle_id (&description->source, g_source_remove);
}
