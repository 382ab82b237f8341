/* ga-donut-chart.c: shares of a whole (the energy mix) as a donut
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-chart.h"
#include "ga-donut-chart.h"

#define LEGEND_ROW 22

typedef struct {
  char   *label;
  double  value;
} Slice;

struct _GaDonutChart
{
  GtkWidget  parent_instance;

  GaChartDescription description;

  GArray    *slices;   /* Slice */
  char      *figure;
  char      *caption;
};

G_DEFINE_FINAL_TYPE (GaDonutChart, ga_donut_chart, GTK_TYPE_WIDGET)

static void
slice_clear (gpointer data)
{
  Slice *slice = data;

  g_clear_pointer (&slice->label, g_free);
}

static gboolean
slice_counts (const Slice *slice)
{
  return isfinite (slice->value) && slice->value > 0;
}

static double
total_of (GaDonutChart *self)
{
  double total = 0;

  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);

      if (slice_counts (slice))
        total += slice->value;
    }
  return total;
}

static void
describe (GtkWidget *widget,
          GString   *description)
{
  GaDonutChart *self = GA_DONUT_CHART (widget);
  double total = total_of (self);

  if (self->figure != NULL)
    {
      g_string_append (description, self->figure);
      if (self->caption != NULL)
        g_string_append_printf (description, " %s", self->caption);
    }
  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);

      if (description->len > 0)
        g_string_append (description, _("; "));
      if (slice_counts (slice) && total > 0)
        /* Translators: a slice of the energy mix: "Electricity 42.0 %". */
        g_string_append_printf (description, _("%s %.1f %%"), slice->label,
                                100 * slice->value / total);
      else
        g_string_append_printf (description, "%s –", slice->label);
    }
}

static void
ga_donut_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GaDonutChart *self = GA_DONUT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double total = total_of (self);
  double size, cx, cy, outer, inner, angle, legend_x, legend_y;
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ga_chart_get_foreground (widget, &fg);

  /* Ring on the left, legend on the right. */
  size = MIN (height, width * 0.5);
  cx = size / 2.0;
  cy = height / 2.0;
  outer = size / 2.0 - 4;
  inner = outer * 0.62;

  if (total <= 0)
    {
      cairo_arc (cr, cx, cy, outer, 0, 2 * G_PI);
      cairo_arc_negative (cr, cx, cy, inner, 2 * G_PI, 0);
      ga_chart_set_source (cr, &fg, 0.1);
      cairo_fill (cr);
    }
  else
    {
      angle = -G_PI / 2;
      for (guint i = 0; i < self->slices->len; i++)
        {
          Slice *slice = &g_array_index (self->slices, Slice, i);
          double sweep;
          GdkRGBA color;

          if (!slice_counts (slice))
            continue;
          sweep = 2 * G_PI * slice->value / total;
          ga_chart_get_color (widget, i, &color);
          cairo_new_path (cr);
          cairo_arc (cr, cx, cy, outer, angle, angle + sweep);
          cairo_arc_negative (cr, cx, cy, inner, angle + sweep, angle);
          cairo_close_path (cr);
          ga_chart_set_source (cr, &color, 1.0);
          cairo_fill (cr);
          angle += sweep;
        }
    }

  if (self->figure != NULL)
    {
      g_autoptr(PangoLayout) figure = ga_chart_layout_new (widget, self->figure, 1.25, TRUE);
      g_autoptr(PangoLayout) caption = NULL;
      int fw, fh, cw = 0, ch = 0;

      pango_layout_get_pixel_size (figure, &fw, &fh);
      if (self->caption != NULL)
        {
          caption = ga_chart_layout_new (widget, self->caption, 0.8, FALSE);
          pango_layout_get_pixel_size (caption, &cw, &ch);
        }
      ga_chart_set_source (cr, &fg, 1.0);
      ga_chart_show_layout (cr, figure, cx - fw / 2.0, cy - (fh + ch) / 2.0);
      if (caption != NULL)
        {
          ga_chart_set_source (cr, &fg, 0.6);
          ga_chart_show_layout (cr, caption, cx - cw / 2.0, cy - (fh + ch) / 2.0 + fh);
        }
    }

  legend_x = size + 16;
  legend_y = MAX (0, cy - self->slices->len * LEGEND_ROW / 2.0);
  for (guint i = 0; i < self->slices->len; i++)
    {
      Slice *slice = &g_array_index (self->slices, Slice, i);
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      GdkRGBA color;
      double y = legend_y + i * LEGEND_ROW;

      ga_chart_get_color (widget, i, &color);
      cairo_rectangle (cr, legend_x, y + LEGEND_ROW / 2.0 - 5, 10, 10);
      ga_chart_set_source (cr, &color, slice_counts (slice) ? 1.0 : 0.3);
      cairo_fill (cr);

      if (slice_counts (slice) && total > 0)
        text = g_strdup_printf ("%s  %.1f%%", slice->label, 100 * slice->value / total);
      else
        text = g_strdup_printf ("%s  –", slice->label);
      layout = ga_chart_layout_new (widget, text, 0.9, FALSE);
      pango_layout_set_width (layout, (int) MAX (10, width - legend_x - 16) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      ga_chart_show_text (cr, layout, &fg, 0.9, legend_x + 16, y + LEGEND_ROW / 2.0, 0, 0.5);
    }

  cairo_destroy (cr);
}

static void
ga_donut_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GaDonutChart *self = GA_DONUT_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 260;
      *natural = 380;
    }
  else
    {
      *minimum = MAX (140, (int) self->slices->len * LEGEND_ROW);
      *natural = MAX (180, (int) self->slices->len * LEGEND_ROW);
    }
}

static void
ga_donut_chart_finalize (GObject *object)
{
  GaDonutChart *self = GA_DONUT_CHART (object);

  ga_chart_clear_description (&self->description);

  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_pointer (&self->figure, g_free);
  g_clear_pointer (&self->caption, g_free);

  G_OBJECT_CLASS (ga_donut_chart_parent_class)->finalize (object);
}

static void
ga_donut_chart_class_init (GaDonutChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ga_donut_chart_finalize;
  widget_class->snapshot = ga_donut_chart_snapshot;
  widget_class->measure = ga_donut_chart_measure;

  ga_chart_class_setup (widget_class, "donutchart");
}

static void
ga_donut_chart_init (GaDonutChart *self)
{
  self->slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  g_array_set_clear_func (self->slices, slice_clear);
  ga_chart_setup (GTK_WIDGET (self), &self->description, _("Energy mix"), describe);
}

GtkWidget *
ga_donut_chart_new (void)
{
  return g_object_new (GA_TYPE_DONUT_CHART, NULL);
}

void
ga_donut_chart_clear (GaDonutChart *self)
{
  g_return_if_fail (GA_IS_DONUT_CHART (self));

  g_array_set_size (self->slices, 0);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ga_donut_chart_add_slice (GaDonutChart *self,
                          const char   *label,
                          double        value)
{
  Slice slice;

  g_return_if_fail (GA_IS_DONUT_CHART (self));

  slice.label = g_strdup (label ? label : "");
  slice.value = value;
  g_array_append_val (self->slices, slice);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ga_donut_chart_set_center_text (GaDonutChart *self,
                                const char   *figure,
                                const char   *caption)
{
  g_return_if_fail (GA_IS_DONUT_CHART (self));

  g_free (self->figure);
  self->figure = g_strdup (figure);
  g_free (self->caption);
  self->caption = g_strdup (caption);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ga_donut_chart_get_n_slices (GaDonutChart *self)
{
  g_return_val_if_fail (GA_IS_DONUT_CHART (self), 0);

  return self->slices->len;
}
