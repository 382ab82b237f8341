/* ga-ui-test-utils.h: helpers the UI tests share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* gtk_test_init() plus libadwaita, the message catalogue and fatal
 * criticals. */
void         ga_ui_test_init             (int          *argc,
                                          char       ***argv);
/* Runs the main loop until @flag becomes TRUE or @timeout_ms passes;
 * returns the flag. */
gboolean     ga_ui_test_wait_for         (const gboolean *flag,
                                          guint           timeout_ms);
/* Runs the main loop for @ms milliseconds (lets idles, animations and
 * asynchronous activations happen). */
void         ga_ui_test_spin             (guint         ms);
/* Renders @widget as it is on screen into a texture (it must be mapped). */
GdkTexture  *ga_ui_test_render           (GtkWidget    *widget);
/* Saves @texture as build/tests/ui/screenshots/@name.png and returns the
 * path. */
char        *ga_ui_test_save             (GdkTexture   *texture,
                                          const char   *name);
/* Number of distinct opaque colours (alpha > 0) in @texture. */
guint        ga_ui_test_count_colors     (GdkTexture   *texture);
/* Number of pixels within @tolerance (per channel, 0–255) of @rgb
 * (0xRRGGBB), ignoring transparent ones. */
guint        ga_ui_test_count_color      (GdkTexture   *texture,
                                          guint32       rgb,
                                          guint         tolerance);
/* Depth-first search for a widget of @type under @root whose accessible
 * label (or button label, or label text) is @label; NULL for any. */
GtkWidget   *ga_ui_test_find             (GtkWidget    *root,
                                          GType         type,
                                          const char   *label);

G_END_DECLS
