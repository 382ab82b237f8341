/* ga-help-window.h: the user guide, shown from the application's resources
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GA_TYPE_HELP_WINDOW (ga_help_window_get_type ())

G_DECLARE_FINAL_TYPE (GaHelpWindow, ga_help_window, GA, HELP_WINDOW, AdwWindow)

/* The user guide (docs/user-guide.md, compiled into the resources), with
 * its chapters listed beside the text. */
GaHelpWindow *ga_help_window_new            (GtkWindow    *parent);
/* Scrolls to the chapter whose heading is @heading; FALSE when there is
 * none. */
gboolean      ga_help_window_show_chapter   (GaHelpWindow *self,
                                             const char   *heading);
/* The guide's text as shown (without the markup characters). */
char         *ga_help_window_dup_text       (GaHelpWindow *self);

G_END_DECLS
