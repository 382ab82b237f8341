/* ga-template-import.h: importing a template file, its problems shown
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store-engine.h"

G_BEGIN_DECLS

/* Asks for a template file (JSON) and imports it with
 * ga_template_import_file(). Closing the file chooser ends the import
 * with G_IO_ERROR_CANCELLED. */
void        ga_template_import_choose   (GtkWindow            *parent,
                                         GaStore              *store,
                                         AdwToastOverlay      *overlay,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* Reads and validates @file in a worker thread and keeps it as an imported
 * template (ga_store_import_template()) only when it has no problem. Every
 * problem is shown, with its JSON path, in a dialog over @parent; success
 * is a toast in @overlay (may be NULL). @callback (may be NULL) is called
 * after that; ga_template_import_finish() gives the template. */
void        ga_template_import_file     (GtkWindow            *parent,
                                         GaStore              *store,
                                         GFile                *file,
                                         AdwToastOverlay      *overlay,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* The imported template, or NULL with @error (GA_TEMPLATE_ERROR_INVALID
 * when it has problems; @problems, may be NULL, receives them as "path:
 * message" strings). */
GaTemplate *ga_template_import_finish   (GAsyncResult         *result,
                                         GPtrArray           **problems,
                                         GError              **error);

/* The dialog that lists @problems ("path: message" strings, or a message
 * without a path) of the file @name. */
GtkWindow  *ga_template_problems_dialog_new (GtkWindow        *parent,
                                             const char       *name,
                                             GPtrArray        *problems);

G_END_DECLS
