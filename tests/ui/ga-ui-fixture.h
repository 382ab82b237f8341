/* ga-ui-fixture.h: the application started on a fresh database, and the
 * helpers the UI flow tests share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-application.h"
#include "ga-window.h"

G_BEGIN_DECLS

typedef struct {
  char          *dir;
  char          *db;
  GaApplication *app;
  GaWindow      *window;
} GaUiFixture;

/* Starts the application on a new database in a temporary folder, with
 * the demo data when @data is GINT_TO_POINTER (TRUE), and waits for its
 * window; the teardown closes everything and removes the folder. */
void        ga_ui_fixture_setup      (GaUiFixture   *f,
                                      gconstpointer  data);
void        ga_ui_fixture_teardown   (GaUiFixture   *f,
                                      gconstpointer  data);

/* "-zh" in the Chinese run (LANGUAGE=zh…), else "". */
const char *ga_ui_suffix             (void);
/* Saves @widget as build/tests/ui/screenshots/@name<suffix>.png and checks
 * that it is a real screen (many colours). */
void        ga_ui_screenshot         (GtkWidget     *widget,
                                      const char    *name);

/* The visible toplevel of @type, or NULL; the wait_ variants give it some
 * time to appear or to go (and fail when it does not go). */
GtkWindow  *ga_ui_find_toplevel      (GType          type);
GtkWindow  *ga_ui_wait_for_toplevel  (GType          type);
void        ga_ui_wait_until_gone    (GType          type);
/* ga_ui_test_find() that fails the test when nothing matches. */
GtkWidget  *ga_ui_get                (GtkWidget     *root,
                                      GType          type,
                                      const char    *name);

/* Adds to @unnamed a description of every visible control under @widget
 * that a screen reader could not name. */
void        ga_ui_collect_unnamed    (GtkWidget     *widget,
                                      GPtrArray     *unnamed);
/* Fails the test when a control under @root has no accessible name. */
void        ga_ui_assert_named       (GtkWidget     *root);

/* Clicks the response button @response of an AdwMessageDialog. */
void        ga_ui_respond            (GtkWindow     *dialog,
                                      const char    *response);

G_END_DECLS
