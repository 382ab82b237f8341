/* ga-doc-layout-text.c: the Pango text of the page layout and the charts
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-doc-layout-private.h"

PangoContext *
ga_doc_text_context_new (GaDocLanguage language)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *pango = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_object_unref (map);
  pango_cairo_context_set_resolution (pango, 72);
  /* Hinting would make the layout depend on the device; pages are
   * measured and drawn in points. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pango, FALSE);
  pango_context_set_language (pango, pango_language_from_string (language == GA_DOC_LANG_ZH_CN
                                                                 ? "zh-cn" : "en"));
  return pango;
}

char *
ga_doc_family_list (const char *cjk,
                    const char *latin)
{
  /* A generic Latin face after the CJK one covers what it lacks. */
  return cjk != NULL ? g_strdup_printf ("%s, %s", cjk, latin) : g_strdup (latin);
}

char *
ga_doc_body_families (void)
{
  return ga_doc_family_list (ga_doc_get_body_font_family (), "DejaVu Serif, serif");
}

char *
ga_doc_heading_families (void)
{
  return ga_doc_family_list (ga_doc_get_heading_font_family (), "DejaVu Sans, sans-serif");
}

PangoLayout *
_ga_layout_text_new (PangoContext   *pango,
                     const char     *family,
                     double          size,
                     gboolean        bold,
                     double          width,
                     PangoAlignment  align,
                     double          spacing)
{
  PangoLayout *text = pango_layout_new (pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, (int) lround (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (text, font);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (text, (int) floor (width * PANGO_SCALE));
  pango_layout_set_alignment (text, align);
  pango_layout_set_line_spacing (text, spacing);
  return text;
}

/* A line break inside a paragraph ("\n" in the model) is U+2028 for
 * Pango, which would otherwise start a new paragraph there and indent its
 * first line again; Word's w:br does not. */
void
_ga_layout_append_text (GString    *out,
                        const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\xe2\x80\xa8");
      else
        g_string_append_c (out, *p);
    }
}

void
_ga_layout_set_text (PangoLayout *text,
                     const char  *s)
{
  g_autoptr(GString) converted = g_string_new (NULL);

  _ga_layout_append_text (converted, s);
  pango_layout_set_text (text, converted->str, (int) converted->len);
}

double
_ga_layout_text_height (PangoLayout *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
_ga_layout_first_baseline (PangoLayout *text)
{
  PangoLayoutIter *iter = pango_layout_get_iter (text);
  double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

  pango_layout_iter_free (iter);
  return baseline;
}

GArray *
_ga_layout_line_boxes (PangoLayout *text)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (GaLineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (text);

  do
    {
      GaLineBox box;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      box.top = (double) y0 / PANGO_SCALE;
      box.bottom = (double) y1 / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (boxes, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return boxes;
}
