/* ga-window.h: the main window
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-application.h"
#include "ga-workspace.h"

G_BEGIN_DECLS

#define GA_TYPE_WINDOW (ga_window_get_type ())

G_DECLARE_FINAL_TYPE (GaWindow, ga_window, GA, WINDOW, AdwApplicationWindow)

GaWindow *ga_window_new       (GaApplication *application);
/* Shows @toast in the window's toast overlay. */
void      ga_window_add_toast (GaWindow      *self,
                               AdwToast      *toast);

/* Rebuilds the enterprise list from the store, keeping the selection. */
void         ga_window_reload             (GaWindow      *self);
GaWorkspace *ga_window_get_workspace      (GaWindow      *self);
void         ga_window_open_assessment    (GaWindow      *self,
                                           gint64         assessment_id);
void         ga_window_show_enterprise    (GaWindow      *self,
                                           gint64         enterprise_id);

/* Validates and imports the template @file as Import Template… does after
 * its file chooser (problems in a dialog, success as a toast); @callback
 * (may be NULL) gets ga_template_import_finish()'s result. */
void         ga_window_import_template    (GaWindow             *self,
                                           GFile                *file,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* Imports the package @file as Import Package… does after its file
 * chooser: in a worker thread, with progress and Cancel in a toast; an
 * assessment already in the database asks whether to import it as a copy.
 * The imported assessment is opened. @callback (may be NULL) is called
 * when all that is over. */
void         ga_window_import_package     (GaWindow             *self,
                                           GFile                *file,
                                           GAsyncReadyCallback   callback,
                                           gpointer             user_data);
/* The imported assessment's id, or 0 with @error (G_IO_ERROR_CANCELLED
 * when the user cancelled). */
gint64       ga_window_import_package_finish (GaWindow          *self,
                                              GAsyncResult      *result,
                                              GError           **error);

/* "empty", "enterprise", "assessment" or "error". */
const char  *ga_window_get_page           (GaWindow      *self);

G_END_DECLS
