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

/* What opens the import of a ledger into a table: the application sets it
 * (its ledger dialog), and a table window whose item a ledger can be
 * imported into (ga_ledger_import_can_import()) then offers "Import
 * Ledger…" in its header bar. */
typedef void (*GaTableImportFunc) (GtkWindow    *parent,
                                   GaSession    *session,
                                   const GaItem *item);
void       ga_table_dialog_set_import_func (GaTableImportFunc func);

G_END_DECLS
