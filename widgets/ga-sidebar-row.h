/* ga-sidebar-row.h: a row of the enterprise sidebar
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GA_TYPE_SIDEBAR_ROW (ga_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (GaSidebarRow, ga_sidebar_row, GA, SIDEBAR_ROW, GtkWidget)

GtkWidget      *ga_sidebar_row_new          (void);
/* @list_row holds a GaSidebarItem (an enterprise, bold, or one of its
 * assessments); NULL empties the row. */
void            ga_sidebar_row_set_list_row (GaSidebarRow   *self,
                                             GtkTreeListRow *list_row);
GtkTreeListRow *ga_sidebar_row_get_list_row (GaSidebarRow   *self);

G_END_DECLS
