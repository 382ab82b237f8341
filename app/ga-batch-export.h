/* ga-batch-export.h: export many assessments into one folder
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-report-job.h"
#include "ga-store.h"

G_BEGIN_DECLS

/* Asks for a folder and what to write there (workbooks, or reports as
 * PDF, PDF with the evidence merged, or Word), then writes one file per
 * assessment of @enterprise_id (0: of every enterprise) in a worker
 * thread, showing the progress and the result in @overlay (may be NULL),
 * with a Cancel button. */
void ga_batch_export_run         (GtkWindow       *parent,
                                  GaStore         *store,
                                  gint64           enterprise_id,
                                  AdwToastOverlay *overlay);

/* Writes the workbooks of @assessment_ids (gint64) into @folder without
 * asking, and calls @callback on the main thread when done. Cancelling
 * @cancellable stops before the next workbook; the ones written stay and
 * are counted. Used by the dialog above and by tests. */
void ga_batch_export_to_folder   (GaStore             *store,
                                  GArray              *assessment_ids,
                                  GFile               *folder,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* Returns the number of workbooks written; @failures receives how many
 * failed and @first_error the first failure's message. */
guint ga_batch_export_finish     (GAsyncResult        *result,
                                  guint               *failures,
                                  char               **first_error,
                                  GError             **error);

/* Writes the self-evaluation report of each of @assessment_ids (gint64)
 * into @folder as @format (with the evidence merged into each PDF when
 * @with_evidence), named like the workbooks, without asking; calls
 * @callback on the main thread when done. Cancelling @cancellable stops
 * the report being written (it leaves no file) and the ones after it; the
 * ones written stay and are counted. */
void ga_batch_report_to_folder   (GaStore             *store,
                                  GArray              *assessment_ids,
                                  GFile               *folder,
                                  GaReportFormat       format,
                                  gboolean             with_evidence,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* Returns the number of reports written; @failures and @first_error as
 * for ga_batch_export_finish(), and @notes (may be NULL) receives one
 * sentence per evidence file that is not in its report's PDF. */
guint ga_batch_report_finish     (GAsyncResult        *result,
                                  guint               *failures,
                                  char               **first_error,
                                  GStrv               *notes,
                                  GError             **error);

/* Opens @folder in the file manager. */
void ga_open_folder              (GtkWindow           *parent,
                                  GFile               *folder);

G_END_DECLS
