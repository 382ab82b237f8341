/* ga-check-dialog.h: the pre-submission check, shown
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_CHECK_DIALOG (ga_check_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaCheckDialog, ga_check_dialog, GA, CHECK_DIALOG, AdwWindow)

/* Lists ga_check_session()'s findings for @session. @continue_label (may be
 * NULL): a button that closes the dialog and emits ::continue, for an export
 * the check runs before. ::show-item (item id) asks the window to lead the
 * user to an item. */
GaCheckDialog *ga_check_dialog_new       (GtkWindow  *parent,
                                          GaSession  *session,
                                          const char *continue_label);
/* The number of findings listed. */
guint          ga_check_dialog_get_n_findings (GaCheckDialog *self);

G_END_DECLS
