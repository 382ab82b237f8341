/* ga-bar-chart.c: horizontal bars, one per section (score of maximum)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-bar-chart.h"

#define ROW_HEIGHT 30
#define BAR_HEIGHT 10
#define LABEL_SHARE 0.42

typedef struct {
  char         *label;
  double        value;
  double        max;
  GaChartColor  color;
} Bar;

struct _GaBarChart
{
  GtkWidget  parent_instance;

  GaChartDescription description;

  GArray    *bars;   /* Bar */
};

G_DEFINE_FINAL_TYPE (GaBarChart, ga_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->label, g_free);
}

static void
describe (GtkWidget *widget,
          GString   *description)
{
  GaBarChart *self = GA_BAR_CHART (widget);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = ga_chart_format_number (bar->value, 1);
      g_autofree char *max = ga_chart_format_number (bar->max, 1);

      if (description->len > 0)
        g_string_append (description, _("; "));
      g_string_append_printf (description, _("%s: %s of %s"), bar->label, value, max);
    }
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
ga_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  GaBarChart *self = GA_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double label_width, value_width = 64, track_x, track_width;
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->bars->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ga_chart_get_foreground (widget, &fg);

  label_width = floor (width * LABEL_SHARE);
  track_x = label_width + 8;
  track_width = MAX (10, width - track_x - value_width - 8);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      double y = i * ROW_HEIGHT;
      double bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
      double share = ga_chart_fraction (bar->value, bar->max);
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;
      g_autofree char *value_text = NULL;
      GdkRGBA color;

      label = ga_chart_layout_new (widget, bar->label, 0.9, FALSE);
      pango_layout_set_width (label, (int) label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      ga_chart_show_text (cr, label, &fg, 0.9, 0, y + ROW_HEIGHT / 2.0, 0, 0.5);

      rounded_rect (cr, track_x, bar_y, track_width, BAR_HEIGHT, BAR_HEIGHT / 2.0);
      ga_chart_set_source (cr, &fg, 0.1);
      cairo_fill (cr);

      if (share > 0)
        {
          ga_chart_get_color (widget, bar->color, &color);
          rounded_rect (cr, track_x, bar_y, MAX (BAR_HEIGHT, track_width * share), BAR_HEIGHT,
                        BAR_HEIGHT / 2.0);
          ga_chart_set_source (cr, &color, 1.0);
          cairo_fill (cr);
        }

      {
        g_autofree char *v = ga_chart_format_number (bar->value, 1);
        g_autofree char *m = ga_chart_format_number (bar->max, 1);

        /* Translators: a bar's figure, "earned/maximum" points. */
        value_text = g_strdup_printf (_("%s/%s"), v, m);
      }
      value = ga_chart_layout_new (widget, value_text, 0.85, FALSE);
      ga_chart_show_text (cr, value, &fg, 0.7, width, y + ROW_HEIGHT / 2.0, 1, 0.5);
    }

  cairo_destroy (cr);
}

static void
ga_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GaBarChart *self = GA_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 300;
    }
  else
    {
      *minimum = *natural = MAX (1, (int) self->bars->len) * ROW_HEIGHT;
    }
}

static void
ga_bar_chart_finalize (GObject *object)
{
  GaBarChart *self = GA_BAR_CHART (object);

  ga_chart_clear_description (&self->description);

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (ga_bar_chart_parent_class)->finalize (object);
}

static void
ga_bar_chart_class_init (GaBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ga_bar_chart_finalize;
  widget_class->snapshot = ga_bar_chart_snapshot;
  widget_class->measure = ga_bar_chart_measure;

  ga_chart_class_setup (widget_class, "barchart");
}

static void
ga_bar_chart_init (GaBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  ga_chart_setup (GTK_WIDGET (self), &self->description, _("Scores by section"), describe);
}

GtkWidget *
ga_bar_chart_new (void)
{
  return g_object_new (GA_TYPE_BAR_CHART, NULL);
}

void
ga_bar_chart_clear (GaBarChart *self)
{
  g_return_if_fail (GA_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ga_bar_chart_add_bar (GaBarChart   *self,
                      const char   *label,
                      double        value,
                      double        max,
                      GaChartColor  color)
{
  Bar bar;

  g_return_if_fail (GA_IS_BAR_CHART (self));

  bar.label = g_strdup (label ? label : "");
  bar.value = value;
  bar.max = max;
  bar.color = color;
  g_array_append_val (self->bars, bar);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
ga_bar_chart_get_n_bars (GaBarChart *self)
{
  g_return_val_if_fail (GA_IS_BAR_CHART (self), 0);

  return self->bars->len;
}
