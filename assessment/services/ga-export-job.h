/* ga-export-job.h: one workbook export, prepared on the main thread and
 * written in a worker thread
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the export reads (an engine of its own, the enterprise, the
 * evidence names) is copied when the job is made, so the worker never
 * touches the store or an engine the user keeps editing.
 */
#pragma once

#include <gio/gio.h>

#include "ga-session.h"

G_BEGIN_DECLS

typedef struct _GaExportJob GaExportJob;

/* From an open assessment (the answers as they are now). */
GaExportJob *ga_export_job_new_for_session (GaSession    *session,
                                            const char   *path,
                                            gboolean      overwrite);
/* From the store, for batch exports. */
GaExportJob *ga_export_job_new             (GaStore      *store,
                                            gint64        assessment_id,
                                            const char   *path,
                                            GError      **error);
void         ga_export_job_free            (GaExportJob  *job);
const char  *ga_export_job_get_path        (GaExportJob  *job);
/* Writes the workbook; safe to call from any one thread. */
gboolean     ga_export_job_run             (GaExportJob  *job,
                                            GError      **error);

/* ga_export_job_run() for a worker of @task (run with
 * g_task_set_return_on_cancel() TRUE): the workbook is written beside the
 * target and put in place only if the task was not cancelled meanwhile, so
 * a cancelled export leaves no file and an existing one as it was. */
gboolean     ga_export_job_run_in_task     (GaExportJob  *job,
                                            GTask        *task,
                                            GError      **error);

/* The language of the workbook's headings: the interface language. */
const char  *ga_export_job_language        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaExportJob, ga_export_job_free)

G_END_DECLS
