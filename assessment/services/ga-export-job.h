/* ga-export-job.h: one workbook export, prepared on the main thread and
 * written in a worker thread
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the export reads (an engine of its own, the enterprise, the
 * evidence names) is copied when the job is made, so the worker never
 * touches the store or an engine the user keeps editing.
 *
 * The application (one assessment, a batch) and greenassess-cli export
 * both make their workbooks here, so the same data gives the same file:
 * the enterprise's basic information is mapped once (the region is
 * written by its name, as the enterprise editor shows it; a code the
 * region table does not know is written as stored), the period is the
 * assessment's period or else its year, and a stored answer the pinned
 * template cannot read stops the export with every such problem listed,
 * rather than leaving it out of the submission.
 *
 * Dates: the report date defaults to today and the creation time kept in
 * the file to now. When SOURCE_DATE_EPOCH is set (Unix seconds, as
 * reproducible-build tools set it) it is both the creation time and, as a
 * UTC day, the report date, so any front end writes byte-identical
 * workbooks for the same data.
 */
#pragma once

#include <gio/gio.h>

#include "ga-export.h"
#include "ga-session.h"

G_BEGIN_DECLS

typedef struct _GaExportJob GaExportJob;

/* From an open assessment (the answers as they are now). */
GaExportJob *ga_export_job_new_for_session (GaSession    *session,
                                            const char   *path,
                                            gboolean      overwrite);
/* From the store (batch exports, the command-line tool). Fails, listing
 * every problem, when a stored answer does not fit the pinned template. */
GaExportJob *ga_export_job_new             (GaStore      *store,
                                            gint64        assessment_id,
                                            const char   *path,
                                            GError      **error);
/* From an engine with its answers and, optionally, the enterprise's basic
 * information (both copied), for exports without a database. */
GaExportJob *ga_export_job_new_for_engine  (GaEngine               *engine,
                                            const GaEnterpriseInfo *enterprise,
                                            const char             *path);
void         ga_export_job_free            (GaExportJob  *job);
const char  *ga_export_job_get_path        (GaExportJob  *job);

/* What the workbook shows instead of the defaults. @language: "zh_CN" or
 * "en" (default: ga_format_language()); @date: the report date,
 * YYYY-MM-DD; @created: the creation time in Unix seconds (0: the
 * default); @period and @name replace the assessment's period and title;
 * NULL keeps the default. Without @overwrite an existing file at the path
 * is refused with GA_EXPORT_ERROR_EXISTS. */
void         ga_export_job_set_language    (GaExportJob  *job,
                                            const char   *language);
void         ga_export_job_set_date        (GaExportJob  *job,
                                            const char   *date);
void         ga_export_job_set_created     (GaExportJob  *job,
                                            gint64        created);
void         ga_export_job_set_period      (GaExportJob  *job,
                                            const char   *period);
void         ga_export_job_set_name        (GaExportJob  *job,
                                            const char   *name);
void         ga_export_job_set_overwrite   (GaExportJob  *job,
                                            gboolean      overwrite);
/* Adds the local summary tables 附件2, 附件3 and 附件4 (docs/workbook.md)
 * to the workbook, read from @store now (ga-local-tables.h): the
 * enterprise's retrofit projects and the figures of its assessments of the
 * last three years. @level and @plan_year fill 拟申报层级 and 计划申报年份
 * (GA_EXPORT_LEVEL_NONE and 0 leave them to fill in). Fails for a job made
 * without a database (ga_export_job_new_for_engine()). */
gboolean     ga_export_job_add_local_tables (GaExportJob   *job,
                                             GaStore       *store,
                                             GaExportLevel  level,
                                             int            plan_year,
                                             GError       **error);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaExportJob, ga_export_job_free)

G_END_DECLS
