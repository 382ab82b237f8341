/* ga-doc-fonts.c: which installed fonts the reports use
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese documents set body text in a 宋体 (Song/Ming, serif) face and
 * headings in a 黑体 (Hei, sans) face. The first family of each list that
 * fontconfig knows is used; a machine with only one CJK font uses it for
 * both. The lists are looked up once per process, in a font map of their
 * own, so that any thread may ask.
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "ga-doc-private.h"

static const char * const body_candidates[] = {
  "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun", "NSimSun",
  "Songti SC", "AR PL UMing CN", "AR PL SungtiL GB", "Noto Sans CJK SC", "Source Han Sans SC",
  "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", NULL,
};

static const char * const heading_candidates[] = {
  "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "SimHei", "Heiti SC",
  "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC", "Source Han Serif SC",
  "AR PL UMing CN", "Droid Sans Fallback", NULL,
};

typedef struct {
  const char  *body;
  const char  *heading;
  const char **fallbacks;   /* every installed candidate, body list order first */
} Fonts;

static gboolean
has_family (GHashTable *installed,
            const char *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  return g_hash_table_contains (installed, key);
}

static gpointer
lookup_fonts (gpointer data)
{
  Fonts *fonts = g_new0 (Fonts, 1);
  g_autoptr(PangoFontMap) map = pango_cairo_font_map_new ();
  g_autoptr(GHashTable) installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) fallbacks = g_ptr_array_new ();
  PangoFontFamily **families = NULL;
  int n = 0;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n; i++)
    g_hash_table_add (installed,
                      g_utf8_casefold (pango_font_family_get_name (families[i]), -1));
  g_free (families);

  for (guint i = 0; body_candidates[i] != NULL; i++)
    if (has_family (installed, body_candidates[i]))
      {
        if (fonts->body == NULL)
          fonts->body = body_candidates[i];
        g_ptr_array_add (fallbacks, (gpointer) body_candidates[i]);
      }
  for (guint i = 0; heading_candidates[i] != NULL; i++)
    if (has_family (installed, heading_candidates[i]))
      {
        if (fonts->heading == NULL)
          fonts->heading = heading_candidates[i];
        if (!g_ptr_array_find_with_equal_func (fallbacks, heading_candidates[i], g_str_equal,
                                               NULL))
          g_ptr_array_add (fallbacks, (gpointer) heading_candidates[i]);
      }
  g_ptr_array_add (fallbacks, NULL);
  fonts->fallbacks = (const char **) g_ptr_array_steal (fallbacks, NULL);
  return fonts;
}

static Fonts *
get_fonts (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, lookup_fonts, NULL);
}

const char *
ga_doc_get_body_font_family (void)
{
  return get_fonts ()->body;
}

const char *
ga_doc_get_heading_font_family (void)
{
  return get_fonts ()->heading;
}

const char * const *
ga_doc_fallback_families (void)
{
  return (const char * const *) get_fonts ()->fallbacks;
}
