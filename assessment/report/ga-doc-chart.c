/* ga-doc-chart.c: chart blocks, and how they are drawn with cairo
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart is drawn at the width of the text, in points, with its labels in
 * the headings' 黑体 (sans) face at 9 pt (小五), the smallest size a report
 * uses. The page layout draws it as vector graphics (PDF, printing); the
 * DOCX writer draws the same picture into a PNG image. Each chart is
 * measured and drawn by one function per kind that runs without a cairo
 * context to measure, so the height the layout reserves is the height
 * drawn.
 *
 * The colours stay apart in grey as well (a dark and a light fill for the
 * two series of a bar chart, white lines between slices), since reports
 * are often printed in black and white; every value is also written out.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-doc-layout-private.h"

#define TEXT_SIZE   9.0
#define PAD         6.0
#define SWATCH      9.0
#define BAR_H       11.0
#define BAR_GAP     3.0
#define BAND_PAD    6.0
#define TEXT_GREY   0.15

typedef struct {
  double r, g, b;
} Rgb;

/* Bars: a dark fill for the first series (what was earned) and a light one
 * for the second (what could be); both outlined in the dark colour. */
static const Rgb bar_colours[GA_DOC_CHART_MAX_SERIES] = {
  { 0.16, 0.50, 0.31 }, { 0.80, 0.88, 0.82 }, { 0.22, 0.42, 0.69 }, { 0.93, 0.72, 0.42 },
};

static const Rgb slice_colours[] = {
  { 0.16, 0.50, 0.31 }, { 0.22, 0.42, 0.69 }, { 0.89, 0.56, 0.13 }, { 0.60, 0.31, 0.64 },
  { 0.80, 0.25, 0.22 }, { 0.35, 0.70, 0.73 }, { 0.74, 0.62, 0.22 }, { 0.55, 0.55, 0.55 },
  { 0.78, 0.84, 0.62 },
};

/* ------------------------------------------------------------------ model */

static void
category_free (gpointer data)
{
  GaDocChartCategory *category = data;

  g_free (category->label);
  g_free (category->values);
  for (guint i = 0; i < category->n_values; i++)
    g_free (category->texts[i]);
  g_free (category->texts);
  g_free (category);
}

void
ga_doc_chart_clear (GaDocChart *chart)
{
  g_strfreev (chart->series);
  g_free (chart->unit);
  g_free (chart->caption);
  g_clear_pointer (&chart->categories, g_ptr_array_unref);
}

GaDocChart *
ga_doc_add_chart (GaDoc               *doc,
                  GaDocChartKind       kind,
                  const char * const  *series,
                  const char          *unit,
                  const char          *caption,
                  GError             **error)
{
  guint n = series != NULL ? g_strv_length ((char **) series) : 0;
  GaDocBlock *block;
  GaDocChart *chart;

  g_return_val_if_fail (doc != NULL, NULL);

  if (n == 0 || n > GA_DOC_CHART_MAX_SERIES)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                   "A chart needs 1 to %d data series, not %u", GA_DOC_CHART_MAX_SERIES, n);
      return NULL;
    }
  if (kind != GA_DOC_CHART_BARS && kind != GA_DOC_CHART_SHARES)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID, "Unknown kind of chart %d", kind);
      return NULL;
    }

  block = ga_doc_append_block (doc, GA_DOC_BLOCK_CHART);
  chart = &block->chart;
  chart->kind = kind;
  chart->n_series = n;
  chart->series = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    chart->series[i] = ga_doc_clean_text (series[i]);
  chart->unit = unit != NULL && *unit != '\0' ? ga_doc_clean_text (unit) : NULL;
  chart->caption = caption != NULL && *caption != '\0' ? ga_doc_clean_text (caption) : NULL;
  chart->categories = g_ptr_array_new_with_free_func (category_free);
  return chart;
}

void
ga_doc_chart_add_category (GaDocChart         *chart,
                           const char         *label,
                           const double       *values,
                           const char * const *texts)
{
  GaDocChartCategory *category;

  g_return_if_fail (chart != NULL);

  category = g_new0 (GaDocChartCategory, 1);
  category->label = ga_doc_clean_text (label);
  category->n_values = chart->n_series;
  category->values = g_new (double, chart->n_series);
  category->texts = g_new0 (char *, chart->n_series);
  for (guint i = 0; i < chart->n_series; i++)
    {
      double v = values != NULL ? values[i] : NAN;

      category->values[i] = !isfinite (v) ? NAN : MAX (v, 0);
      if (texts != NULL && texts[i] != NULL)
        category->texts[i] = ga_doc_clean_text (texts[i]);
    }
  g_ptr_array_add (chart->categories, category);
}

/* ------------------------------------------------------------------ drawing */

typedef struct {
  GaDocChart   *chart;
  cairo_t      *cr;       /* NULL while measuring */
  PangoContext *pango;
  char         *family;
  double        width;
} Canvas;

static PangoLayout *
label_new (Canvas         *canvas,
           const char     *s,
           double          width,
           PangoAlignment  align)
{
  PangoLayout *text = _ga_layout_text_new (canvas->pango, canvas->family, TEXT_SIZE, FALSE,
                                           width, align, 1.0);

  _ga_layout_set_text (text, s);
  return text;
}

static double
text_width (PangoLayout *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
show (Canvas      *canvas,
      PangoLayout *text,
      double       x,
      double       y)
{
  if (canvas->cr == NULL)
    return;
  cairo_move_to (canvas->cr, x, y);
  pango_cairo_show_layout (canvas->cr, text);
}

static void
set_colour (Canvas    *canvas,
            const Rgb *c)
{
  cairo_set_source_rgb (canvas->cr, c->r, c->g, c->b);
}

/* A number as the chart writes it when it has no text for it: up to two
 * decimals, no trailing zeros, always a dot. */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *s;
  char *end;

  if (isnan (value))
    return g_strdup ("–");
  s = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
  end = s + strlen (s);
  while (end > s && end[-1] == '0')
    *--end = '\0';
  if (end > s && end[-1] == '.')
    *--end = '\0';
  return s;
}

static char *
value_text (GaDocChartCategory *category,
            guint               series)
{
  if (category->texts[series] != NULL)
    return g_strdup (category->texts[series]);
  return format_number (category->values[series]);
}

/* A legend line centred in the width: a swatch and the name of each
 * series. Returns its height. */
static double
draw_legend (Canvas *canvas,
             double  y)
{
  GaDocChart *chart = canvas->chart;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  double total = 0;
  double height = SWATCH;
  double x;

  for (guint s = 0; s < chart->n_series; s++)
    {
      PangoLayout *name = label_new (canvas, chart->series[s], -1, PANGO_ALIGN_LEFT);

      g_ptr_array_add (names, name);
      total += (s > 0 ? 18 : 0) + SWATCH + 4 + text_width (name);
      height = MAX (height, _ga_layout_text_height (name));
    }
  x = MAX ((canvas->width - total) / 2, 0);
  for (guint s = 0; s < chart->n_series && canvas->cr != NULL; s++)
    {
      PangoLayout *name = names->pdata[s];

      cairo_rectangle (canvas->cr, x, y + (height - SWATCH) / 2, SWATCH, SWATCH);
      set_colour (canvas, &bar_colours[s]);
      cairo_fill_preserve (canvas->cr);
      set_colour (canvas, &bar_colours[0]);
      cairo_set_line_width (canvas->cr, 0.5);
      cairo_stroke (canvas->cr);
      cairo_set_source_rgb (canvas->cr, TEXT_GREY, TEXT_GREY, TEXT_GREY);
      show (canvas, name, x + SWATCH + 4, y + (height - _ga_layout_text_height (name)) / 2);
      x += SWATCH + 4 + text_width (name) + 18;
    }
  return height;
}

/* An axis from 0 to a round number above `max` in about five steps. */
static double
axis_step (double max)
{
  double raw, magnitude, f;

  if (!(max > 0))
    max = 1;
  raw = max / 5;
  magnitude = pow (10, floor (log10 (raw)));
  f = raw / magnitude;
  if (f <= 1)
    return magnitude;
  if (f <= 2)
    return 2 * magnitude;
  if (f <= 2.5)
    return 2.5 * magnitude;
  if (f <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

typedef struct {
  double x0, x1;          /* the plot area's left and right */
  double top, bottom;
  double axis_max;
  double step;
} Plot;

static void
draw_grid (Canvas     *canvas,
           const Plot *plot)
{
  cairo_t *cr = canvas->cr;

  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
  for (double v = plot->step; v <= plot->axis_max + plot->step / 1000; v += plot->step)
    {
      double x = plot->x0 + v / plot->axis_max * (plot->x1 - plot->x0);

      cairo_move_to (cr, x, plot->top);
      cairo_line_to (cr, x, plot->bottom);
    }
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, plot->x0, plot->top);
  cairo_line_to (cr, plot->x0, plot->bottom);
  cairo_line_to (cr, plot->x1, plot->bottom);
  cairo_stroke (cr);
}

/* The numbers under the axis and the unit after them; returns their
 * height. */
static double
draw_ticks (Canvas     *canvas,
            const Plot *plot)
{
  double height = 0;

  if (canvas->cr != NULL)
    cairo_set_source_rgb (canvas->cr, TEXT_GREY, TEXT_GREY, TEXT_GREY);
  for (double v = 0; v <= plot->axis_max + plot->step / 1000; v += plot->step)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_autoptr(PangoLayout) tick = label_new (canvas, g_ascii_formatd (buffer, sizeof buffer,
                                                                        "%.6g", v),
                                               -1, PANGO_ALIGN_LEFT);
      double x = plot->x0 + v / plot->axis_max * (plot->x1 - plot->x0);

      show (canvas, tick, x - text_width (tick) / 2, plot->bottom + 3);
      height = MAX (height, _ga_layout_text_height (tick));
    }
  if (canvas->chart->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = label_new (canvas, canvas->chart->unit, -1, PANGO_ALIGN_LEFT);

      show (canvas, unit, plot->x1 + 12, plot->bottom + 3);
    }
  return height + 3;
}

static double
bars_run (Canvas *canvas)
{
  GaDocChart *chart = canvas->chart;
  guint n_cat = chart->categories->len;
  guint n = chart->n_series;
  double bars_h = n * BAR_H + (n - 1) * BAR_GAP;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *band_h = g_new (double, MAX (n_cat, 1));
  double natural = 0, label_w, value_w = 0, max = 0;
  double y = PAD;
  Plot plot;

  y += draw_legend (canvas, y) + 8;

  for (guint i = 0; i < n_cat; i++)
    {
      GaDocChartCategory *category = chart->categories->pdata[i];
      g_autoptr(PangoLayout) label = label_new (canvas, category->label, -1, PANGO_ALIGN_RIGHT);

      natural = MAX (natural, text_width (label));
      for (guint s = 0; s < n; s++)
        {
          g_autofree char *text = value_text (category, s);
          PangoLayout *value = label_new (canvas, text, -1, PANGO_ALIGN_LEFT);

          value_w = MAX (value_w, text_width (value));
          g_ptr_array_add (values, value);
          if (!isnan (category->values[s]))
            max = MAX (max, category->values[s]);
        }
    }
  if (chart->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = label_new (canvas, chart->unit, -1, PANGO_ALIGN_LEFT);

      value_w = MAX (value_w, text_width (unit) + 8);
    }
  /* Long names wrap in at most a third of the width. */
  label_w = MIN (ceil (natural) + 1, canvas->width / 3);
  plot.x0 = label_w + 8;
  plot.x1 = canvas->width - value_w - 6;
  plot.step = axis_step (max);
  plot.axis_max = MAX (ceil (max / plot.step - 1e-9), 1) * plot.step;
  plot.top = y;
  for (guint i = 0; i < n_cat; i++)
    {
      GaDocChartCategory *category = chart->categories->pdata[i];
      PangoLayout *label = label_new (canvas, category->label, label_w, PANGO_ALIGN_RIGHT);

      g_ptr_array_add (labels, label);
      band_h[i] = MAX (bars_h, _ga_layout_text_height (label)) + 2 * BAND_PAD;
      y += band_h[i];
    }
  plot.bottom = y;

  if (canvas->cr != NULL)
    {
      draw_grid (canvas, &plot);
      y = plot.top;
      for (guint i = 0; i < n_cat; i++)
        {
          GaDocChartCategory *category = chart->categories->pdata[i];
          PangoLayout *label = labels->pdata[i];
          double top = y + (band_h[i] - bars_h) / 2;

          cairo_set_source_rgb (canvas->cr, TEXT_GREY, TEXT_GREY, TEXT_GREY);
          show (canvas, label, 0, y + (band_h[i] - _ga_layout_text_height (label)) / 2);
          for (guint s = 0; s < n; s++)
            {
              PangoLayout *value = values->pdata[i * n + s];
              double v = category->values[s];
              double len = isnan (v) ? 0 : v / plot.axis_max * (plot.x1 - plot.x0);
              double by = top + s * (BAR_H + BAR_GAP);

              if (len > 0)
                {
                  cairo_rectangle (canvas->cr, plot.x0, by, len, BAR_H);
                  set_colour (canvas, &bar_colours[s]);
                  cairo_fill_preserve (canvas->cr);
                  set_colour (canvas, &bar_colours[0]);
                  cairo_set_line_width (canvas->cr, 0.5);
                  cairo_stroke (canvas->cr);
                }
              cairo_set_source_rgb (canvas->cr, TEXT_GREY, TEXT_GREY, TEXT_GREY);
              show (canvas, value, plot.x0 + len + 3,
                    by + (BAR_H - _ga_layout_text_height (value)) / 2);
            }
          y += band_h[i];
        }
    }
  y = plot.bottom + draw_ticks (canvas, &plot);
  return y + PAD;
}

static gboolean
is_dark (const Rgb *c)
{
  return 0.299 * c->r + 0.587 * c->g + 0.114 * c->b < 0.55;
}

/* The slices' values, their total and each one's share in text. */
static double
shares_total (GaDocChart *chart)
{
  double total = 0;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      GaDocChartCategory *category = chart->categories->pdata[i];

      if (!isnan (category->values[0]))
        total += category->values[0];
    }
  return total;
}

static void
draw_pie (Canvas *canvas,
          double  cx,
          double  cy,
          double  radius,
          double  total)
{
  cairo_t *cr = canvas->cr;
  double angle = -G_PI / 2;
  guint colour = 0;

  for (guint i = 0; i < canvas->chart->categories->len; i++)
    {
      GaDocChartCategory *category = canvas->chart->categories->pdata[i];
      double v = category->values[0];
      const Rgb *c;
      double sweep, mid;

      if (isnan (v) || v <= 0)
        continue;
      c = &slice_colours[colour++ % G_N_ELEMENTS (slice_colours)];
      sweep = 2 * G_PI * v / total;
      mid = angle + sweep / 2;
      if (sweep < 2 * G_PI - 1e-9)
        cairo_move_to (cr, cx, cy);
      cairo_arc (cr, cx, cy, radius, angle, angle + sweep);
      cairo_close_path (cr);
      set_colour (canvas, c);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      /* The share inside slices wide enough to hold it. */
      if (v / total >= 0.07)
        {
          g_autofree char *pct = g_strdup_printf ("%.1f%%", 100 * v / total);
          g_autoptr(PangoLayout) text = label_new (canvas, pct, -1, PANGO_ALIGN_LEFT);
          double tx = cx + 0.64 * radius * cos (mid);
          double ty = cy + 0.64 * radius * sin (mid);

          if (is_dark (c))
            cairo_set_source_rgb (cr, 1, 1, 1);
          else
            cairo_set_source_rgb (cr, 0, 0, 0);
          show (canvas, text, tx - text_width (text) / 2, ty - _ga_layout_text_height (text) / 2);
        }
      angle += sweep;
    }
}

/* A pie on the left and a legend beside it: each slice's swatch, name,
 * value and share. */
static double
shares_run (Canvas *canvas)
{
  GaDocChart *chart = canvas->chart;
  double total = shares_total (chart);
  double diameter = MIN (canvas->width * 0.36, 150);
  double legend_x = diameter + 28;
  double legend_w = canvas->width - legend_x;
  double value_w = 0, pct_w = 0, legend_h = 0, height, y;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint colour = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < chart->categories->len; i++)
      {
        GaDocChartCategory *category = chart->categories->pdata[i];
        double v = category->values[0];
        g_autofree char *value = NULL;
        g_autofree char *pct = NULL;

        if (isnan (v) || v <= 0)
          continue;
        value = value_text (category, 0);
        pct = g_strdup_printf ("%.1f%%", 100 * v / total);
        if (pass == 0)
          {
            g_autoptr(PangoLayout) a = label_new (canvas, value, -1, PANGO_ALIGN_LEFT);
            g_autoptr(PangoLayout) b = label_new (canvas, pct, -1, PANGO_ALIGN_LEFT);

            value_w = MAX (value_w, text_width (a));
            pct_w = MAX (pct_w, text_width (b));
            continue;
          }
        g_ptr_array_add (rows, label_new (canvas, category->label,
                                          MAX (legend_w - SWATCH - 6 - value_w - pct_w - 24, 24),
                                          PANGO_ALIGN_LEFT));
        g_ptr_array_add (rows, label_new (canvas, value, value_w + 1, PANGO_ALIGN_RIGHT));
        g_ptr_array_add (rows, label_new (canvas, pct, pct_w + 1, PANGO_ALIGN_RIGHT));
        legend_h += MAX (_ga_layout_text_height (rows->pdata[rows->len - 3]), SWATCH) + 5;
      }
  height = MAX (diameter, legend_h);
  if (canvas->cr == NULL || total <= 0)
    return height + 2 * PAD;

  draw_pie (canvas, diameter / 2, PAD + height / 2, diameter / 2, total);
  y = PAD + (height - legend_h) / 2;
  for (guint r = 0; r < rows->len; r += 3)
    {
      PangoLayout *label = rows->pdata[r];
      double row_h = MAX (_ga_layout_text_height (label), SWATCH);

      cairo_rectangle (canvas->cr, legend_x, y + (row_h - SWATCH) / 2, SWATCH, SWATCH);
      set_colour (canvas, &slice_colours[colour++ % G_N_ELEMENTS (slice_colours)]);
      cairo_fill (canvas->cr);
      cairo_set_source_rgb (canvas->cr, TEXT_GREY, TEXT_GREY, TEXT_GREY);
      show (canvas, label, legend_x + SWATCH + 6, y);
      /* Right-aligned in boxes one point wider than their widest text. */
      show (canvas, rows->pdata[r + 1], canvas->width - 3 - pct_w - 12 - value_w, y);
      show (canvas, rows->pdata[r + 2], canvas->width - 3 - pct_w, y);
      y += row_h + 5;
    }
  return height + 2 * PAD;
}

static double
chart_run (GaDocChart   *chart,
           cairo_t      *cr,
           PangoContext *pango,
           double        width)
{
  Canvas canvas = { chart, cr, pango, ga_doc_heading_families (), width };
  double height;

  if (cr != NULL)
    cairo_save (cr);
  height = chart->kind == GA_DOC_CHART_SHARES ? shares_run (&canvas) : bars_run (&canvas);
  if (cr != NULL)
    cairo_restore (cr);
  g_free (canvas.family);
  return height;
}

double
ga_doc_chart_get_height (GaDocChart   *chart,
                         PangoContext *pango,
                         double        width)
{
  return chart_run (chart, NULL, pango, width);
}

void
ga_doc_chart_draw (GaDocChart   *chart,
                   cairo_t      *cr,
                   PangoContext *pango,
                   double        width)
{
  chart_run (chart, cr, pango, width);
}

static cairo_status_t
png_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
ga_doc_chart_to_png (GaDocChart     *chart,
                     GaDocLanguage   language,
                     double          width,
                     double          scale,
                     guint          *pixel_width,
                     guint          *pixel_height,
                     GError        **error)
{
  PangoContext *pango = ga_doc_text_context_new (language);
  double height = ga_doc_chart_get_height (chart, pango, width);
  int w = (int) ceil (width * scale);
  int h = (int) ceil (height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_status_t status;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  ga_doc_chart_draw (chart, cr, pango, width);
  g_object_unref (pango);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, png_write_cb, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE,
                   "Cannot draw a chart of the document: %s", cairo_status_to_string (status));
      return NULL;
    }
  *pixel_width = (guint) w;
  *pixel_height = (guint) h;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
