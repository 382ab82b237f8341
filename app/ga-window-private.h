/* ga-window-private.h: what the files of GaWindow share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga-window.c holds the class, the enterprise list and what the content
 * shows; ga-window-actions.c the win.* actions with their shortcuts;
 * ga-window-import.c the import of packages and templates.
 */
#pragma once

#include "ga-enterprise-page.h"
#include "ga-window.h"

G_BEGIN_DECLS

struct _GaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *enterprise_list;
  AdwViewStack         *content_stack;
  GtkToggleButton      *empty_sidebar_button;
  GaEnterprisePage     *enterprise_page;
  GaWorkspace          *workspace;
  AdwStatusPage        *error_page;

  /* Owned references */
  GSettings            *settings;
  GListStore           *enterprises;     /* GaSidebarItem, the tree's roots */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkTreeListModel     *tree;
  GtkSingleSelection   *selection;

  /* What is shown, to restore it after the list reloads. */
  gint64                shown_enterprise;
  gint64                shown_assessment;
  gboolean              reloading;
};

/* ga-window.c */
GaStore *_ga_window_get_store              (GaWindow     *self);
void     _ga_window_show_error_toast       (GaWindow     *self,
                                            const char   *what,
                                            const GError *error);
gint64   _ga_window_selected_enterprise_id (GaWindow     *self);
void     _ga_window_show_enterprise        (GaWindow     *self,
                                            gint64        enterprise_id);
void     _ga_window_open_assessment        (GaWindow     *self,
                                            gint64        assessment_id);
void     _ga_window_select_row             (GaWindow     *self,
                                            gint64        enterprise_id,
                                            gint64        assessment_id);

/* ga-window-actions.c */
void     _ga_window_class_add_actions      (GtkWidgetClass *widget_class);
void     _ga_window_update_actions         (GaWindow       *self);

/* ga-window-import.c */
void     _ga_window_import_package_action  (GtkWidget      *widget,
                                            const char     *action_name,
                                            GVariant       *parameter);

G_END_DECLS
