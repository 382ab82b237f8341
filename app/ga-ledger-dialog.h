/* ga-ledger-dialog.h: import an energy or water ledger (XLSX or CSV)
 * into the energy table or the water-balance table of the open assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_LEDGER_DIALOG (ga_ledger_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaLedgerDialog, ga_ledger_dialog, GA, LEDGER_DIALOG, AdwWindow)

/* A dialog importing into the energy table of @session's template (see
 * ga_ledger_import_find_target()). Importing saves through @session, one
 * step that undo takes back, and closes the dialog. */
GaLedgerDialog *ga_ledger_dialog_new       (GtkWindow      *parent,
                                            GaSession      *session);
/* The same for the table @item (ga_ledger_import_can_import()): the
 * water-balance table of a water-saving template, say. */
GaLedgerDialog *ga_ledger_dialog_new_for_item (GtkWindow    *parent,
                                               GaSession    *session,
                                               const GaItem *item);
/* Opens the dialog for @item over @parent: what a table's window calls
 * to offer the import (ga_table_dialog_set_import_func()). */
void            ga_ledger_dialog_import_into  (GtkWindow    *parent,
                                               GaSession    *session,
                                               const GaItem *item);
/* Reads @file, as choosing it does: its first sheet, the columns guessed
 * and the preview shown, or the reason it cannot be read. */
void            ga_ledger_dialog_open_file (GaLedgerDialog *self,
                                            GFile          *file);

G_END_DECLS
