/* ga-refvalues-dialog.h: the reference tables of baselines and leading
 * values, and their import
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-session.h"
#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_REFVALUES_DIALOG (ga_refvalues_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaRefvaluesDialog, ga_refvalues_dialog, GA, REFVALUES_DIALOG, AdwWindow)

/* @session (may be NULL): the open assessment, rescored after a change. */
GaRefvaluesDialog *ga_refvalues_dialog_new         (GtkWindow         *parent,
                                                    GaStore           *store,
                                                    GaSession         *session);
/* Lists the tables again. */
void               ga_refvalues_dialog_reload      (GaRefvaluesDialog *self);
/* Imports @path as the Import… button does after its file chooser: TRUE
 * when it was imported; otherwise the dialog shows why. */
gboolean           ga_refvalues_dialog_import_path (GaRefvaluesDialog *self,
                                                    const char        *path);

G_END_DECLS
