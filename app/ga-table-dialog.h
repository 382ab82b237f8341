/* ga-table-dialog.h: a window to edit one table item
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-session.h"

G_BEGIN_DECLS

GtkWindow *ga_table_dialog_new (GtkWindow *parent,
                                GaSession *session,
                                GaItem    *item);

G_END_DECLS
