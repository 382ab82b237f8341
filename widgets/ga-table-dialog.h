/* ga-table-dialog.h: a window to edit one table item
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_TABLE_DIALOG (ga_table_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaTableDialog, ga_table_dialog, GA, TABLE_DIALOG, AdwWindow)

/* A modal window over @parent with the item's guidance and a
 * GaTableEditor showing every column; Escape closes it. */
GtkWindow *ga_table_dialog_new (GtkWindow *parent,
                                GaSession *session,
                                GaItem    *item);

G_END_DECLS
