/* ga-trend-chart.c: values across years (scores, intensities) as lines
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-chart.h"
#include "ga-trend-chart.h"

typedef struct {
  char   *name;
  GArray *values;   /* double */
} Series;

struct _GaTrendChart
{
  GtkWidget  parent_instance;

  GaChartDescription description;

  GPtrArray *categories;   /* char* */
  GPtrArray *series;       /* Series* */
  double     target;
  char      *target_label;
  char      *unit;
};

G_DEFINE_FINAL_TYPE (GaTrendChart, ga_trend_chart, GTK_TYPE_WIDGET)

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

/* A "nice" step (1, 2 or 5 × 10^k) so that about @ticks steps cover @range. */
static double
nice_step (double range,
           int    ticks)
{
  double raw = range / ticks;
  double magnitude = pow (10, floor (log10 (raw)));
  double residual = raw / magnitude;

  if (residual > 5)
    return 10 * magnitude;
  if (residual > 2)
    return 5 * magnitude;
  if (residual > 1)
    return 2 * magnitude;
  return magnitude;
}

static void
value_range (GaTrendChart *self,
             double       *lo,
             double       *hi)
{
  gboolean any = FALSE;

  *lo = 0;
  *hi = 0;
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->values->len; i++)
        {
          double v = g_array_index (series->values, double, i);

          if (!isfinite (v))
            continue;
          *lo = MIN (*lo, v);
          *hi = any ? MAX (*hi, v) : MAX (0, v);
          any = TRUE;
        }
    }
  if (isfinite (self->target))
    {
      *lo = MIN (*lo, self->target);
      *hi = MAX (*hi, self->target);
    }
  if (*hi - *lo <= 0)
    *hi = *lo + 1;
}

static void
describe (GtkWidget *widget,
          GString   *description)
{
  GaTrendChart *self = GA_TREND_CHART (widget);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (description->len > 0)
        g_string_append (description, _("; "));
      g_string_append_printf (description, "%s:", series->name);
      for (guint i = 0; i < series->values->len && i < self->categories->len; i++)
        {
          g_autofree char *v
              = ga_chart_format_number (g_array_index (series->values, double, i), 2);

          g_string_append_printf (description, " %s %s",
                                  (char *) g_ptr_array_index (self->categories, i), v);
        }
    }
  if (isfinite (self->target))
    {
      g_autofree char *v = ga_chart_format_number (self->target, 2);

      g_string_append (description, _("; "));
      /* Translators: the dashed target line of a trend chart. */
      g_string_append_printf (description, _("target %s"), v);
    }
}

/* The plot area inside the widget and the value range it shows. */
typedef struct {
  double left;
  double top;
  double width;
  double height;
  double lo;
  double hi;
  double step;
  guint  n;        /* categories */
} Plot;

static void
plot_init (GaTrendChart *self,
           Plot         *plot,
           int           width,
           int           height)
{
  double right = 24, bottom = 26;

  plot->left = 48;
  plot->top = 24;
  plot->n = self->categories->len;
  value_range (self, &plot->lo, &plot->hi);
  plot->step = nice_step (plot->hi - plot->lo, 4);
  plot->lo = floor (plot->lo / plot->step) * plot->step;
  plot->hi = ceil (plot->hi / plot->step) * plot->step;
  plot->width = MAX (10, width - plot->left - right);
  plot->height = MAX (10, height - plot->top - bottom);
}

/* The x of category @i: spread over the width, or centred when alone. */
static double
plot_x (const Plot *plot,
        guint       i)
{
  return plot->left
         + (plot->n > 1 ? plot->width * i / (double) (plot->n - 1) : plot->width / 2.0);
}

static double
plot_y (const Plot *plot,
        double      v)
{
  return plot->top + plot->height * (1 - (v - plot->lo) / (plot->hi - plot->lo));
}

/* Horizontal grid lines with their values, and the unit above them. */
static void
draw_grid (GaTrendChart  *self,
           cairo_t       *cr,
           const GdkRGBA *fg,
           const Plot    *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);

  cairo_set_line_width (cr, 1);
  for (double v = plot->lo; v <= plot->hi + plot->step / 2; v += plot->step)
    {
      g_autofree char *text = ga_chart_format_number (v, 2);
      g_autoptr(PangoLayout) layout = ga_chart_layout_new (widget, text, 0.8, FALSE);

      cairo_move_to (cr, plot->left, floor (plot_y (plot, v)) + 0.5);
      cairo_line_to (cr, plot->left + plot->width, floor (plot_y (plot, v)) + 0.5);
      ga_chart_set_source (cr, fg, 0.1);
      cairo_stroke (cr);
      ga_chart_show_text (cr, layout, fg, 0.6, plot->left - 6, plot_y (plot, v), 1, 0.5);
    }
  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) layout = ga_chart_layout_new (widget, self->unit, 0.8, FALSE);

      ga_chart_show_text (cr, layout, fg, 0.6, 0, 0, 0, 0);
    }
}

/* The category labels along the bottom edge. */
static void
draw_axes (GaTrendChart  *self,
           cairo_t       *cr,
           const GdkRGBA *fg,
           const Plot    *plot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint i = 0; i < plot->n; i++)
    {
      g_autoptr (PangoLayout) layout
          = ga_chart_layout_new (widget, g_ptr_array_index (self->categories, i), 0.85, FALSE);
      int lw, lh;

      pango_layout_get_pixel_size (layout, &lw, &lh);
      ga_chart_set_source (cr, fg, 0.7);
      ga_chart_show_layout (cr, layout, CLAMP (plot_x (plot, i) - lw / 2.0, 0, width - lw),
                            height - lh);
    }
}

/* The target as a dashed red line, its label above it. */
static void
draw_target (GaTrendChart *self,
             cairo_t      *cr,
             const Plot   *plot)
{
  static const double dashes[] = { 6, 4 };
  GtkWidget *widget = GTK_WIDGET (self);
  double y = plot_y (plot, self->target);
  GdkRGBA red;

  ga_chart_get_color (widget, GA_CHART_COLOR_RED, &red);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, plot->left, y);
  cairo_line_to (cr, plot->left + plot->width, y);
  ga_chart_set_source (cr, &red, 0.9);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (self->target_label != NULL)
    {
      g_autoptr (PangoLayout) layout
          = ga_chart_layout_new (widget, self->target_label, 0.8, FALSE);
      int lw, lh;

      pango_layout_get_pixel_size (layout, &lw, &lh);
      ga_chart_show_layout (cr, layout, plot->left, y - lh - 2);
    }
}

/* One series: a line broken at missing values, a dot on every value. */
static void
draw_series (Series        *series,
             cairo_t       *cr,
             const GdkRGBA *color,
             const Plot    *plot)
{
  gboolean pen_down = FALSE;

  cairo_set_line_width (cr, 2.5);
  for (guint i = 0; i < series->values->len && i < plot->n; i++)
    {
      double v = g_array_index (series->values, double, i);

      if (!isfinite (v))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, plot_x (plot, i), plot_y (plot, v));
      else
        cairo_move_to (cr, plot_x (plot, i), plot_y (plot, v));
      pen_down = TRUE;
    }
  ga_chart_set_source (cr, color, 1.0);
  cairo_stroke (cr);
  for (guint i = 0; i < series->values->len && i < plot->n; i++)
    {
      double v = g_array_index (series->values, double, i);

      if (!isfinite (v))
        continue;
      cairo_arc (cr, plot_x (plot, i), plot_y (plot, v), 4, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* The legend entry of series @s: a square in its colour and its name, in
 * a row along the top edge. */
static void
draw_legend_entry (GaTrendChart  *self,
                   cairo_t       *cr,
                   const GdkRGBA *fg,
                   const GdkRGBA *color,
                   const Plot    *plot,
                   guint          s)
{
  Series *series = g_ptr_array_index (self->series, s);
  g_autoptr(PangoLayout) layout
      = ga_chart_layout_new (GTK_WIDGET (self), series->name, 0.8, FALSE);
  double lx = plot->left + s * 120;

  cairo_rectangle (cr, lx, 6, 10, 10);
  ga_chart_set_source (cr, color, 1.0);
  cairo_fill (cr);
  ga_chart_show_text (cr, layout, fg, 0.8, lx + 14, 3, 0, 0);
}

static void
ga_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GaTrendChart *self = GA_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  Plot plot;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ga_chart_get_foreground (widget, &fg);
  plot_init (self, &plot, width, height);

  draw_grid (self, cr, &fg, &plot);
  draw_axes (self, cr, &fg, &plot);
  if (isfinite (self->target))
    draw_target (self, cr, &plot);
  /* Each legend entry is drawn right after its series, so that a later
   * series stays on top of an earlier entry. */
  for (guint s = 0; s < self->series->len; s++)
    {
      GdkRGBA color;

      ga_chart_get_color (widget, s, &color);
      draw_series (g_ptr_array_index (self->series, s), cr, &color, &plot);
      if (self->series->len > 1)
        draw_legend_entry (self, cr, &fg, &color, &plot, s);
    }

  cairo_destroy (cr);
}

static void
ga_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 420;
    }
  else
    {
      *minimum = 140;
      *natural = 200;
    }
}

static void
ga_trend_chart_finalize (GObject *object)
{
  GaTrendChart *self = GA_TREND_CHART (object);

  ga_chart_clear_description (&self->description);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->target_label, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (ga_trend_chart_parent_class)->finalize (object);
}

static void
ga_trend_chart_class_init (GaTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ga_trend_chart_finalize;
  widget_class->snapshot = ga_trend_chart_snapshot;
  widget_class->measure = ga_trend_chart_measure;

  ga_chart_class_setup (widget_class, "trendchart");
}

static void
ga_trend_chart_init (GaTrendChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->target = NAN;
  ga_chart_setup (GTK_WIDGET (self), &self->description, _("Trend across years"), describe);
}

GtkWidget *
ga_trend_chart_new (void)
{
  return g_object_new (GA_TYPE_TREND_CHART, NULL);
}

void
ga_trend_chart_clear (GaTrendChart *self)
{
  g_return_if_fail (GA_IS_TREND_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  self->target = NAN;
  g_clear_pointer (&self->target_label, g_free);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ga_trend_chart_set_categories (GaTrendChart  *self,
                               const char   **labels,
                               guint          n_labels)
{
  g_return_if_fail (GA_IS_TREND_CHART (self));
  g_return_if_fail (labels != NULL || n_labels == 0);

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (self->categories, g_strdup (labels[i] ? labels[i] : ""));
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ga_trend_chart_add_series (GaTrendChart *self,
                           const char   *name,
                           const double *values,
                           guint         n_values)
{
  Series *series;

  g_return_if_fail (GA_IS_TREND_CHART (self));
  g_return_if_fail (values != NULL || n_values == 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name ? name : "");
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (self->series, series);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ga_trend_chart_set_target (GaTrendChart *self,
                           double        value,
                           const char   *label)
{
  g_return_if_fail (GA_IS_TREND_CHART (self));

  self->target = value;
  g_free (self->target_label);
  self->target_label = g_strdup (label);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ga_trend_chart_set_unit (GaTrendChart *self,
                         const char   *unit)
{
  g_return_if_fail (GA_IS_TREND_CHART (self));

  g_free (self->unit);
  self->unit = g_strdup (unit);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ga_trend_chart_get_n_series (GaTrendChart *self)
{
  g_return_val_if_fail (GA_IS_TREND_CHART (self), 0);

  return self->series->len;
}
