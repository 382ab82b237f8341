/* ga-workspace-private.h: what the files of GaWorkspace share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga-workspace.c holds the class, the session and the reactions to its
 * changes; ga-workspace-items.c the sections and the filtered item list;
 * ga-workspace-export.c the workbook and package exports;
 * ga-workspace-report.c the self-evaluation report, written or printed;
 * ga-workspace-actions.c the ws.* actions with their shortcuts.
 */
#pragma once

#include "ga-energy-page.h"
#include "ga-history-view.h"
#include "ga-narrative-page.h"
#include "ga-score-summary.h"
#include "ga-workspace.h"

G_BEGIN_DECLS

struct _GaWorkspace
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkToggleButton     *sidebar_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton     *summary_button;
  GtkWidget           *export_button;
  GtkRevealer         *final_revealer;
  GtkLabel            *final_label;
  GtkWidget           *reopen_button;
  GtkListBox          *section_list;
  AdwViewStack        *view_stack;
  AdwViewStackPage    *energy_stack_page;
  GaEnergyPage        *energy_page;
  GaNarrativePage     *narrative_page;
  GaHistoryView       *history_view;
  GtkStack            *items_stack;
  GtkSearchEntry      *item_search;
  GtkToggleButton     *filter_all;
  GtkToggleButton     *filter_unanswered;
  GtkToggleButton     *filter_noncompliant;
  GtkToggleButton     *filter_noevidence;
  GtkToggleButton     *filter_partial;
  GtkListView         *item_list;
  GtkWidget           *summary_separator;
  GtkWidget           *summary_scroller;
  AdwFlap             *section_flap;
  AdwFlap             *summary_flap;
  GtkToggleButton     *sections_button;
  int                  pane_width;   /* the width the side panes were sized for */
  guint                pane_source;
  guint                fold_source;
  AdwViewSwitcherBar  *switcher_bar;
  GaScoreSummary      *summary;

  /* Owned references */
  GaSession           *session;
  GListStore          *items;          /* GaItemObject, every item */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GHashTable          *bound_rows;     /* GaItemRow* set: the rows that exist now */
  GPtrArray           *search_text;    /* casefolded text per item index, built lazily */
  GPtrArray           *section_rows;   /* GaSectionRow*, index 0 = all items */
  char                *search;         /* casefolded */
  GaSection           *section;        /* NULL = all */
  GaItemFilter         mode;
  AdwToast            *progress_toast; /* of the export running, if any */
  gboolean             sidebar_revealed;
  gboolean             updating_filters;
};

/* ga-workspace.c */
void  _ga_workspace_add_toast          (GaWorkspace   *self,
                                        AdwToast      *toast);
void  _ga_workspace_toast_error        (GaWorkspace   *self,
                                        const char    *what,
                                        const GError  *error);
void  _ga_workspace_emit_deleted       (GaWorkspace   *self,
                                        gint64         enterprise_id);

/* ga-workspace-items.c */
void  _ga_workspace_init_items         (GaWorkspace   *self);
void  _ga_workspace_build_sections     (GaWorkspace   *self);
void  _ga_workspace_update_sections    (GaWorkspace   *self);
void  _ga_workspace_refilter           (GaWorkspace   *self);
void  _ga_workspace_flush_rows         (GaWorkspace   *self);
void  _ga_workspace_refresh_rows       (GaWorkspace   *self,
                                        const char    *item_id);

/* ga-workspace-export.c */
gboolean _ga_workspace_show_check  (GaWorkspace   *self,
                                    const char    *go_on,
                                    void         (*then) (GaWorkspace *self));
void  _ga_workspace_export_action      (GtkWidget     *widget,
                                        const char    *action_name,
                                        GVariant      *parameter);
void  _ga_workspace_choose_report_target (GaWorkspace *self);
void  _ga_workspace_report_action      (GtkWidget     *widget,
                                        const char    *action_name,
                                        GVariant      *parameter);
void  _ga_workspace_check_action       (GtkWidget     *widget,
                                        const char    *action_name,
                                        GVariant      *parameter);
void  _ga_workspace_export_package_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter);

/* ga-workspace-report.c */
void  _ga_workspace_print_action       (GtkWidget     *widget,
                                        const char    *action_name,
                                        GVariant      *parameter);

/* ga-workspace-actions.c */
void  _ga_workspace_class_add_actions  (GtkWidgetClass *widget_class);
void  _ga_workspace_add_shortcuts      (GaWorkspace    *self);
void  _ga_workspace_update_actions     (GaWorkspace    *self);

G_END_DECLS
