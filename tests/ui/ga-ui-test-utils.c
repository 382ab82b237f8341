/* ga-ui-test-utils.c: helpers the UI tests share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ga-application.h"
#include "ga-ui-test-utils.h"

void
ga_ui_test_init (int    *argc,
                 char ***argv)
{
  ga_application_init_i18n ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Screenshots must not catch a sidebar half-way through its slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ga_ui_test_wait_for (const gboolean *flag,
                     guint           timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &expired);

  while (!*flag && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return *flag;
}

void
ga_ui_test_spin (guint ms)
{
  gboolean never = FALSE;

  ga_ui_test_wait_for (&never, ms);
}

GdkTexture *
ga_ui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

char *
ga_ui_test_save (GdkTexture *texture,
                 const char *name)
{
  g_autofree char *dir = g_build_filename (GA_BUILD_DIR, "tests", "ui", "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guchar *data;

  *stride = width * 4;
  data = g_malloc (*stride * height);
  gdk_texture_download (texture, data, *stride);
  return data;
}

guint
ga_ui_test_count_colors (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  g_autofree guchar *data = NULL;
  gsize stride;

  data = download (texture, &stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

        /* gdk_texture_download() gives CAIRO_FORMAT_ARGB32: alpha in the
         * top byte of the native-endian word. */
        if ((pixel >> 24) != 0)
          g_hash_table_add (colors, GUINT_TO_POINTER (pixel));
      }
  return g_hash_table_size (colors);
}

guint
ga_ui_test_count_color (GdkTexture *texture,
                        guint32     rgb,
                        guint       tolerance)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = NULL;
  int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
  guint count = 0;
  gsize stride;

  data = download (texture, &stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
        guint a = pixel >> 24;
        int pr, pg, pb;

        if (a == 0)
          continue;
        /* Un-premultiply so that opaque colours compare exactly. */
        pr = ((pixel >> 16) & 0xff) * 255 / a;
        pg = ((pixel >> 8) & 0xff) * 255 / a;
        pb = (pixel & 0xff) * 255 / a;
        if ((guint) ABS (pr - r) <= tolerance && (guint) ABS (pg - g) <= tolerance
            && (guint) ABS (pb - b) <= tolerance && a == 255)
          count++;
      }
  return count;
}

static gboolean
widget_matches (GtkWidget  *widget,
                GType       type,
                const char *label)
{
  g_autofree char *problem = NULL;

  if (!g_type_is_a (G_OBJECT_TYPE (widget), type))
    return FALSE;
  if (label == NULL)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), label) == 0)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), label) == 0)
    return TRUE;
  if (g_strcmp0 (gtk_widget_get_name (widget), label) == 0)
    return TRUE;
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return problem == NULL;
}

GtkWidget *
ga_ui_test_find (GtkWidget  *root,
                 GType       type,
                 const char *label)
{
  if (widget_matches (root, type, label))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ga_ui_test_find (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}
