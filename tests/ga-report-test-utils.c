/* ga-report-test-utils.c: what the tests of the report's layout, charts
 * and printing share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "ga-report-test-utils.h"

void
ga_report_test_rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ga_report_test_rm_rf (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

gboolean
ga_report_test_have_tool (const char *name)
{
  g_autofree char *program = g_find_program_in_path (name);

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
    }
  return program != NULL;
}

char *
ga_report_test_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s failed: %s", argv[0], err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

guint
ga_report_test_pdf_n_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = ga_report_test_run (argv);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  line += strlen ("\nPages:");
  return (guint) g_ascii_strtoull (line + strspn (line, " "), NULL, 10);
}

char *
ga_report_test_pdf_text (const char *pdf,
                         guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", "-raw", pdf, "-", NULL };
  const char *one[] = { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8", "-raw", pdf,
                        "-", NULL };
  g_autofree char *raw = ga_report_test_run (page == 0 ? all : one);
  GString *out = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n' && *p != '\r')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

guint
ga_report_test_pdf_n_images (const char *pdf,
                             guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdfimages", "-f", number, "-l", number, "-list", pdf, NULL };
  g_autofree char *out = ga_report_test_run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  /* Two lines of heading, then one line per image. */
  for (guint i = 2; lines[0] != NULL && lines[1] != NULL && lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      n++;
  return n;
}

char *
ga_report_test_pdf_render (const char *pdf,
                           guint       page,
                           guint       dpi,
                           const char *dir)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *resolution = g_strdup_printf ("%u", dpi);
  g_autofree char *base = g_path_get_basename (pdf);
  g_autofree char *stem = g_strdup_printf ("%s-p%u", base, page);
  g_autofree char *root = g_build_filename (dir, stem, NULL);
  const char *argv[] = { "pdftoppm", "-f", number, "-l", number, "-r", resolution,
                         "-singlefile", "-png", pdf, root, NULL };
  g_autofree char *out = ga_report_test_run (argv);

  return g_strconcat (root, ".png", NULL);
}

static guint
count_in_surface (cairo_surface_t *surface,
                  guint32          rgb,
                  guint            tolerance)
{
  int w, h, stride;
  const guint8 *data;
  guint n = 0;
  int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        int pr = (px >> 16) & 0xff, pg = (px >> 8) & 0xff, pb = px & 0xff;

        if ((guint) ABS (pr - r) <= tolerance && (guint) ABS (pg - g) <= tolerance
            && (guint) ABS (pb - b) <= tolerance)
          n++;
      }
  return n;
}

guint
ga_report_test_count_colour (const char *png_path,
                             guint32     rgb,
                             guint       tolerance)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png_path);
  guint n = count_in_surface (surface, rgb, tolerance);

  cairo_surface_destroy (surface);
  return n;
}

typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         at;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (reader->len - reader->at < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

guint
ga_report_test_count_colour_bytes (GBytes  *png,
                                   guint32  rgb,
                                   guint    tolerance)
{
  Reader reader = { 0 };
  cairo_surface_t *surface;
  guint n;

  reader.data = g_bytes_get_data (png, &reader.len);
  surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
  n = count_in_surface (surface, rgb, tolerance);
  cairo_surface_destroy (surface);
  return n;
}

void
ga_report_test_keep (const char *path,
                     const char *name)
{
  const char *dir = g_getenv ("GA_REPORT_OUTPUT_DIR");
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  gsize len;

  if (dir == NULL || *dir == '\0')
    return;
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  target = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (target, contents, (gssize) len, NULL));
}
