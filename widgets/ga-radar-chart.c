/* ga-radar-chart.c: section scores as a radar (spider) chart
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-chart.h"
#include "ga-radar-chart.h"

typedef struct {
  char   *label;
  double  value;
  double  max;
} Axis;

struct _GaRadarChart
{
  GtkWidget  parent_instance;

  GaChartDescription description;

  GArray    *axes;   /* Axis */
};

G_DEFINE_FINAL_TYPE (GaRadarChart, ga_radar_chart, GTK_TYPE_WIDGET)

static void
axis_clear (gpointer data)
{
  Axis *axis = data;

  g_clear_pointer (&axis->label, g_free);
}

static void
describe (GtkWidget *widget,
          GString   *description)
{
  GaRadarChart *self = GA_RADAR_CHART (widget);

  for (guint i = 0; i < self->axes->len; i++)
    {
      Axis *axis = &g_array_index (self->axes, Axis, i);
      g_autofree char *value = NULL;
      g_autofree char *max = NULL;

      if (description->len > 0)
        g_string_append (description, _("; "));
      value = ga_chart_format_number (axis->value, 1);
      max = ga_chart_format_number (axis->max, 1);
      /* Translators: a section in the radar chart: "Energy: 8 of 10". */
      g_string_append_printf (description, _("%s: %s of %s"), axis->label, value, max);
    }
}

/* Where the web sits in the widget: its centre and the radius of the
 * outer ring. */
typedef struct {
  double cx;
  double cy;
  double radius;
  guint  n;
} Web;

static double
axis_angle (const Web *web,
            guint      i)
{
  /* The first spoke points up; the others follow clockwise. */
  return -G_PI / 2 + 2 * G_PI * (i % web->n) / web->n;
}

static void
web_init (Web   *web,
          int    width,
          int    height,
          guint  n)
{
  web->n = n;
  web->cx = width / 2.0;
  web->cy = height / 2.0;
  /* Leave room around the web for the axis labels. */
  web->radius = MIN (width / 2.0 - 70, height / 2.0 - 28);
  if (web->radius < 20)
    web->radius = MIN (width, height) / 2.0 - 4;
}

static void
draw_placeholder (GtkWidget     *widget,
                  cairo_t       *cr,
                  const GdkRGBA *fg,
                  const Web     *web)
{
  /* A radar needs three axes to enclose an area; with fewer there is
   * nothing meaningful to draw, so say so. */
  g_autoptr (PangoLayout) layout
      = ga_chart_layout_new (widget, _("Not enough sections for a radar chart"), 0.9, FALSE);

  ga_chart_show_text (cr, layout, fg, 0.55, web->cx, web->cy, 0.5, 0.5);
}

/* The web: rings at 25 % steps and one spoke per axis. */
static void
draw_grid (cairo_t       *cr,
           const GdkRGBA *fg,
           const Web     *web)
{
  cairo_set_line_width (cr, 1);
  for (int ring = 1; ring <= 4; ring++)
    {
      double r = web->radius * ring / 4.0;

      for (guint i = 0; i <= web->n; i++)
        {
          double angle = axis_angle (web, i);
          double x = web->cx + r * cos (angle);
          double y = web->cy + r * sin (angle);

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      ga_chart_set_source (cr, fg, ring == 4 ? 0.3 : 0.12);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < web->n; i++)
    {
      double angle = axis_angle (web, i);

      cairo_move_to (cr, web->cx, web->cy);
      cairo_line_to (cr, web->cx + web->radius * cos (angle),
                     web->cy + web->radius * sin (angle));
    }
  ga_chart_set_source (cr, fg, 0.12);
  cairo_stroke (cr);
}

/* The scores: a filled polygon through one point per axis. */
static void
draw_series (GaRadarChart  *self,
             cairo_t       *cr,
             const GdkRGBA *color,
             const Web     *web)
{
  for (guint i = 0; i < web->n; i++)
    {
      Axis *axis = &g_array_index (self->axes, Axis, i);
      double angle = axis_angle (web, i);
      double r = web->radius * ga_chart_fraction (axis->value, axis->max);

      if (i == 0)
        cairo_move_to (cr, web->cx + r * cos (angle), web->cy + r * sin (angle));
      else
        cairo_line_to (cr, web->cx + r * cos (angle), web->cy + r * sin (angle));
    }
  cairo_close_path (cr);
  ga_chart_set_source (cr, color, 0.35);
  cairo_fill_preserve (cr);
  ga_chart_set_source (cr, color, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* "Energy\n80%": the section's title over its share of the maximum. */
static PangoLayout *
axis_layout_new (GtkWidget  *widget,
                 const Axis *axis)
{
  PangoLayout *layout;
  g_autofree char *percent = NULL;
  g_autofree char *text = NULL;
  int lw, lh;

  if (isfinite (axis->value) && isfinite (axis->max) && axis->max > 0)
    percent = g_strdup_printf ("%.0f%%", 100 * ga_chart_fraction (axis->value, axis->max));
  else
    percent = g_strdup ("–");
  text = g_strdup_printf ("%s\n%s", axis->label, percent);
  layout = ga_chart_layout_new (widget, text, 0.85, FALSE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  /* Only long titles are cut; a fixed layout width would push short
   * ones off-centre. */
  if (lw > 120)
    {
      pango_layout_set_width (layout, 120 * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

/* A dot on each score and the axis labels around the web. */
static void
draw_axis_labels (GaRadarChart  *self,
                  cairo_t       *cr,
                  const GdkRGBA *fg,
                  const GdkRGBA *color,
                  const Web     *web)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint i = 0; i < web->n; i++)
    {
      Axis *axis = &g_array_index (self->axes, Axis, i);
      double angle = axis_angle (web, i);
      double r = web->radius * ga_chart_fraction (axis->value, axis->max);
      g_autoptr(PangoLayout) layout = NULL;
      double lx, ly, ca = cos (angle), sa = sin (angle);
      int lw, lh;

      cairo_arc (cr, web->cx + r * ca, web->cy + r * sa, 3.5, 0, 2 * G_PI);
      ga_chart_set_source (cr, color, 1.0);
      cairo_fill (cr);

      layout = axis_layout_new (widget, axis);
      pango_layout_get_pixel_size (layout, &lw, &lh);

      /* Labels sit just outside the web, pushed away from the centre along
       * their spoke so that they never cover it. */
      lx = web->cx + (web->radius + 8) * ca;
      ly = web->cy + (web->radius + 8) * sa;
      if (ca < -0.3)
        lx -= lw;
      else if (ca <= 0.3)
        lx -= lw / 2.0;
      if (sa < -0.3)
        ly -= lh;
      else if (sa <= 0.3)
        ly -= lh / 2.0;
      lx = CLAMP (lx, 0, MAX (0, width - lw));
      ly = CLAMP (ly, 0, MAX (0, height - lh));
      ga_chart_set_source (cr, fg, 0.85);
      ga_chart_show_layout (cr, layout, lx, ly);
    }
}

static void
ga_radar_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GaRadarChart *self = GA_RADAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, color;
  Web web;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ga_chart_get_foreground (widget, &fg);
  ga_chart_get_color (widget, GA_CHART_COLOR_GREEN, &color);
  web_init (&web, width, height, self->axes->len);

  if (web.n < 3)
    draw_placeholder (widget, cr, &fg, &web);
  else
    {
      draw_grid (cr, &fg, &web);
      draw_series (self, cr, &color, &web);
      draw_axis_labels (self, cr, &fg, &color, &web);
    }

  cairo_destroy (cr);
}

static void
ga_radar_chart_measure (GtkWidget      *widget,
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
      *natural = 320;
    }
  else
    {
      *minimum = 180;
      *natural = 260;
    }
}

static void
ga_radar_chart_finalize (GObject *object)
{
  GaRadarChart *self = GA_RADAR_CHART (object);

  ga_chart_clear_description (&self->description);

  g_clear_pointer (&self->axes, g_array_unref);

  G_OBJECT_CLASS (ga_radar_chart_parent_class)->finalize (object);
}

static void
ga_radar_chart_class_init (GaRadarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ga_radar_chart_finalize;
  widget_class->snapshot = ga_radar_chart_snapshot;
  widget_class->measure = ga_radar_chart_measure;

  ga_chart_class_setup (widget_class, "radarchart");
}

static void
ga_radar_chart_init (GaRadarChart *self)
{
  self->axes = g_array_new (FALSE, TRUE, sizeof (Axis));
  g_array_set_clear_func (self->axes, axis_clear);
  ga_chart_setup (GTK_WIDGET (self), &self->description, _("Section scores"), describe);
}

GtkWidget *
ga_radar_chart_new (void)
{
  return g_object_new (GA_TYPE_RADAR_CHART, NULL);
}

void
ga_radar_chart_clear (GaRadarChart *self)
{
  g_return_if_fail (GA_IS_RADAR_CHART (self));

  g_array_set_size (self->axes, 0);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ga_radar_chart_add_axis (GaRadarChart *self,
                         const char   *label,
                         double        value,
                         double        max)
{
  Axis axis;

  g_return_if_fail (GA_IS_RADAR_CHART (self));

  axis.label = g_strdup (label ? label : "");
  axis.value = value;
  axis.max = max;
  g_array_append_val (self->axes, axis);
  ga_chart_queue_description (&self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ga_radar_chart_get_n_axes (GaRadarChart *self)
{
  g_return_val_if_fail (GA_IS_RADAR_CHART (self), 0);

  return self->axes->len;
}
