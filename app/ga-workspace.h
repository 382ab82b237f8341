/* ga-workspace.h: the workspace of one assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_WORKSPACE (ga_workspace_get_type ())

G_DECLARE_FINAL_TYPE (GaWorkspace, ga_workspace, GA, WORKSPACE, AdwBin)

/* @session may be NULL (the workspace empties). */
void        ga_workspace_set_session    (GaWorkspace         *self,
                                         GaSession           *session);
GaSession  *ga_workspace_get_session    (GaWorkspace         *self);

typedef enum {
  GA_ITEM_FILTER_ALL,
  GA_ITEM_FILTER_UNANSWERED,
  GA_ITEM_FILTER_NONCOMPLIANT,   /* not met: no points, or a failed veto */
  GA_ITEM_FILTER_NO_EVIDENCE,
  GA_ITEM_FILTER_PARTIAL,       /* partly met: some points, not all */
} GaItemFilter;

/* What the item list shows: the section (NULL for all), the filter and the
 * search text. Also reachable from the section list, the filter buttons
 * and the search entry. */
void        ga_workspace_set_filter     (GaWorkspace         *self,
                                         GaItemFilter         filter);
void        ga_workspace_set_section    (GaWorkspace         *self,
                                         const char          *section_id);
void        ga_workspace_set_search     (GaWorkspace         *self,
                                         const char          *text);
/* The filtered list the item view shows (GaItemObject). */
GListModel *ga_workspace_get_items      (GaWorkspace         *self);
/* Scrolls to @item_id, clearing filters that would hide it. */
void        ga_workspace_show_item      (GaWorkspace         *self,
                                         const char          *item_id);
/* The Report Text page, with the editor of report part @part focused. */
void        ga_workspace_show_part      (GaWorkspace         *self,
                                         const char          *part);
/* The score summary, for tests. */
GtkWidget  *ga_workspace_get_summary    (GaWorkspace         *self);

/* Exports the workbook to @path without asking (the Export button asks for
 * the path first), in a worker thread, with a pulsing progress bar and
 * Cancel in a toast. The result is shown as a toast; @callback (may be
 * NULL) gets the GTask (G_IO_ERROR_CANCELLED when the user cancelled: no
 * file was written). */
void        ga_workspace_export_to      (GaWorkspace         *self,
                                         const char          *path,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* ga_workspace_export_to(); with @local_tables the workbook also holds the
 * local summary tables 附件2–4 (the enterprise's retrofit projects and its
 * figures of the last three years, read from the database now). */
void        ga_workspace_export_full    (GaWorkspace         *self,
                                         const char          *path,
                                         gboolean             local_tables,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    ga_workspace_export_finish  (GaWorkspace         *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* Writes the assessment's self-evaluation report to @path: PDF when the
 * name ends in .pdf, else DOCX. Built at once, written in a worker thread;
 * a failure leaves no file. The result is a toast, or @callback. */
/* Writes the report to @path (.pdf or .docx) in a worker thread; with
 * @with_evidence the PDF carries the evidence files after the report. */
void        ga_workspace_export_report_full (GaWorkspace         *self,
                                             const char          *path,
                                             gboolean             with_evidence,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void        ga_workspace_export_report_to (GaWorkspace         *self,
                                           const char          *path,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    ga_workspace_export_report_finish (GaWorkspace     *self,
                                               GAsyncResult    *result,
                                               GError         **error);

/* Writes the assessment's exchange package to @path the same way
 * (Export Package… asks for the path first, proposing
 * "<enterprise>-<template>-<period>.gapkg"). */
void        ga_workspace_export_package_to     (GaWorkspace         *self,
                                                const char          *path,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    ga_workspace_export_package_finish (GaWorkspace         *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* The toast of the export running now, or NULL, for tests. */
AdwToast   *ga_workspace_get_progress_toast    (GaWorkspace         *self);

G_END_DECLS
