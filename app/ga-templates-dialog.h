/* ga-templates-dialog.h: the bundled and imported templates
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_TEMPLATES_DIALOG (ga_templates_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaTemplatesDialog, ga_templates_dialog, GA, TEMPLATES_DIALOG, AdwWindow)

GaTemplatesDialog *ga_templates_dialog_new        (GtkWindow         *parent,
                                                   GaStore           *store);
/* Lists the templates again (after an import). */
void               ga_templates_dialog_reload     (GaTemplatesDialog *self);
/* Imports @file as the Import… button does after its file chooser;
 * @callback gets ga_template_import_finish()'s result. */
void               ga_templates_dialog_import     (GaTemplatesDialog   *self,
                                                   GFile               *file,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Rows of the imported group (AdwActionRow), for tests. */
guint              ga_templates_dialog_get_n_imported (GaTemplatesDialog *self);

G_END_DECLS
