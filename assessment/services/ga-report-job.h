/* ga-report-job.h: one self-evaluation report written to a file, with the
 * evidence merged into the PDF when asked, in a thread that can report
 * progress and be cancelled
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The job builds the report (ga-report-builder.h) when it is made, on the
 * thread of the session or store it is given, and lists the evidence as
 * the report's evidence index numbers it. Running it writes the file: the
 * report alone as DOCX or PDF, or, with the evidence, one PDF of the
 * report followed by every attached PDF and image in the order of the
 * index (ga-doc-annex.h). The worker reads the evidence from a
 * connection of its own to the database, one file at a time.
 *
 * The command-line tool (`report --with-evidence`) and the application's
 * batch of reports write their files here.
 */
#pragma once

#include <gio/gio.h>

#include "ga-doc-annex.h"
#include "ga-session.h"

G_BEGIN_DECLS

typedef enum {
  GA_REPORT_FORMAT_PDF,
  GA_REPORT_FORMAT_DOCX,
} GaReportFormat;

typedef struct _GaReportJob GaReportJob;

/* The format a file name asks for: .pdf or .docx, in any case. FALSE for
 * any other name. */
gboolean     ga_report_format_for_path        (const char        *path,
                                               GaReportFormat    *format);

/* The report of @session as it is now, to be written to @path (.pdf or
 * .docx). @language: "zh_CN" or "en", NULL for the user's; @date: the
 * report's date, NULL for SOURCE_DATE_EPOCH when it is set (as a UTC day)
 * or else now. With @with_evidence the PDF carries the evidence after the
 * report; a DOCX cannot, and is refused with GA_DOC_ERROR_INVALID, as is
 * a name that ends in neither suffix. */
GaReportJob *ga_report_job_new_for_session    (GaSession         *session,
                                               const char        *path,
                                               const char        *language,
                                               GDateTime         *date,
                                               gboolean           with_evidence,
                                               GError           **error);
/* The same from the store (batches): the assessment is opened for the
 * time it takes to build the report. */
GaReportJob *ga_report_job_new                (GaStore           *store,
                                               gint64             assessment_id,
                                               const char        *path,
                                               const char        *language,
                                               GDateTime         *date,
                                               gboolean           with_evidence,
                                               GError           **error);
void         ga_report_job_free               (GaReportJob       *job);

const char  *ga_report_job_get_path           (GaReportJob       *job);
GaReportFormat ga_report_job_get_format       (GaReportJob       *job);
gboolean     ga_report_job_get_with_evidence  (GaReportJob       *job);
/* Whether an existing file at the path is replaced (by default it is). */
void         ga_report_job_set_overwrite      (GaReportJob       *job,
                                               gboolean           overwrite);
/* @progress hears how far the writing is (0 to 1), from the thread that
 * runs the job. */
void         ga_report_job_set_progress_func  (GaReportJob       *job,
                                               GaDocProgressFunc  progress,
                                               gpointer           user_data);

/* Writes the file (from any one thread). Cancelling stops between two
 * pages, with G_IO_ERROR_CANCELLED, and leaves no file. */
gboolean     ga_report_job_run                (GaReportJob       *job,
                                               GCancellable      *cancellable,
                                               GError           **error);
/* ga_report_job_run() for a worker of @task (run with
 * g_task_set_return_on_cancel() TRUE): written beside the target and put
 * in place only if the task was not cancelled meanwhile. */
gboolean     ga_report_job_run_in_task        (GaReportJob       *job,
                                               GTask             *task,
                                               GError           **error);

/* After a run with the evidence: the number of pages of the PDF, how many
 * evidence files are in it, and one sentence, in the report's language,
 * for each evidence file that is not (neither a PDF nor an image,
 * encrypted, damaged), in the order of the evidence index. Without the
 * evidence: 0, 0 and an empty list. */
guint        ga_report_job_get_n_pages        (GaReportJob       *job);
guint        ga_report_job_get_n_merged       (GaReportJob       *job);
const char * const *ga_report_job_get_notes   (GaReportJob       *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaReportJob, ga_report_job_free)

G_END_DECLS
