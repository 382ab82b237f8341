/* ga-project-dialog.h: add or edit a green-retrofit project of an enterprise
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_PROJECT_DIALOG (ga_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaProjectDialog, ga_project_dialog, GA, PROJECT_DIALOG, AdwWindow)

/* @project NULL: a new project of @enterprise_id; otherwise its fields are
 * edited. The ::saved signal (gint64 id) is emitted after a successful
 * save, then the dialog closes. Closing with unsaved changes asks first. */
GaProjectDialog *ga_project_dialog_new (GtkWindow       *parent,
                                        GaStore         *store,
                                        gint64           enterprise_id,
                                        const GaProject *project);

G_END_DECLS
