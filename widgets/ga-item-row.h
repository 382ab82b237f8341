/* ga-item-row.h: one item of the checklist with the editor for its answer
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are made by the item list's factory and rebound as the list
 * scrolls, so a row holds no state of its own beyond what it shows: every
 * change goes to the session at once (text fields after a short pause or
 * when they lose focus), and ga_item_row_refresh() redraws from the
 * session.
 *
 * The row's structure is a composite template (ui/ga-item-row.ui); the
 * editor of the item's kind is built into it the first time an item of
 * that kind is bound, and kept for the next one (a bind only updates the
 * widgets that are there). The "session" and "item" properties say what
 * is shown; ga_item_row_bind() sets both at once.
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_ITEM_ROW (ga_item_row_get_type ())

G_DECLARE_FINAL_TYPE (GaItemRow, ga_item_row, GA, ITEM_ROW, GtkWidget)

GtkWidget *ga_item_row_new          (void);
void       ga_item_row_bind         (GaItemRow *self,
                                     GaSession *session,
                                     GaItem    *item);
/* Saves a pending text edit, then forgets the item. */
void       ga_item_row_unbind       (GaItemRow *self);
GaSession *ga_item_row_get_session  (GaItemRow *self);
GaItem    *ga_item_row_get_item     (GaItemRow *self);
/* Shows the current answer, score and evidence count again. */
void       ga_item_row_refresh      (GaItemRow *self);
/* Shows the current score, status and evidence count again (what another
 * item's change can alter), leaving the answer editors alone. */
void       ga_item_row_refresh_result (GaItemRow *self);
/* Saves a pending text edit now. */
void       ga_item_row_flush        (GaItemRow *self);

/* Attaches @files (GFile*) as evidence; used by drag and drop and by the
 * file chooser. */
void       ga_item_row_add_evidence (GaItemRow *self,
                                     GSList    *files);

G_END_DECLS
