/* ga-table-editor.h: the rows of a table item, with live computed columns
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_TABLE_EDITOR (ga_table_editor_get_type ())

G_DECLARE_FINAL_TYPE (GaTableEditor, ga_table_editor, GA, TABLE_EDITOR, GtkWidget)

/* @columns: ids of the columns to show, in template order (input columns
 * are always shown); NULL shows every column. */
GtkWidget *ga_table_editor_new        (GaSession          *session,
                                       GaItem             *item,
                                       const char * const *columns);
/* Redraws the computed cells and totals (and the rows when their number
 * changed). Called by the editor itself when the session changes. */
void       ga_table_editor_refresh    (GaTableEditor      *self);
guint      ga_table_editor_get_n_rows (GaTableEditor      *self);
/* Appends an empty row (saved like any change). */
gboolean   ga_table_editor_add_row    (GaTableEditor      *self,
                                       GError            **error);
/* Sets a cell from typed text ("" clears it) as the cell editor does. */
gboolean   ga_table_editor_set_cell   (GaTableEditor      *self,
                                       guint               row,
                                       const char         *column_id,
                                       const char         *text,
                                       GError            **error);

/* Fills cells from a block copied from a spreadsheet (tab-separated
 * lines), starting at @row (from 0) in column @column_id and going right
 * over the columns that can be typed in, adding rows as needed: one saved
 * change (one undo step). A cell the column does not take refuses the
 * whole block, with the model's message. */
gboolean   ga_table_editor_paste      (GaTableEditor      *self,
                                       guint               row,
                                       const char         *column_id,
                                       const char         *text,
                                       GError            **error);

G_END_DECLS
