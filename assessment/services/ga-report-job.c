/* ga-report-job.c: one self-evaluation report written to a file, with the
 * evidence merged into the PDF when asked
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ga-report-builder.h"
#include "ga-report-job.h"
#include "ga-task-write.h"

typedef struct {
  gint64  id;
  char   *name;
  char   *sha256;
} Evidence;

struct _GaReportJob
{
  GaDoc             *doc;
  char              *path;
  GaReportFormat     format;
  gboolean           with_evidence;
  gboolean           overwrite;
  char              *db_path;
  GArray            *evidence;       /* Evidence, in the order of the evidence index */
  GaDocProgressFunc  progress;
  gpointer           progress_data;

  /* after a run */
  guint              n_pages;
  guint              n_merged;
  GPtrArray         *notes;          /* char*, NULL-terminated */
};

static void
evidence_clear (gpointer data)
{
  Evidence *e = data;

  g_free (e->name);
  g_free (e->sha256);
}

gboolean
ga_report_format_for_path (const char     *path,
                           GaReportFormat *format)
{
  g_autofree char *base = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, FALSE);

  base = g_path_get_basename (path);
  len = strlen (base);
  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".pdf") == 0)
    {
      if (format != NULL)
        *format = GA_REPORT_FORMAT_PDF;
      return TRUE;
    }
  if (len > 5 && g_ascii_strcasecmp (base + len - 5, ".docx") == 0)
    {
      if (format != NULL)
        *format = GA_REPORT_FORMAT_DOCX;
      return TRUE;
    }
  return FALSE;
}

/* SOURCE_DATE_EPOCH (Unix seconds), as reproducible-build tools set it,
 * or now. */
static GDateTime *
default_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 value = epoch != NULL ? g_ascii_strtoll (epoch, NULL, 10) : 0;

  if (value > 0)
    return g_date_time_new_from_unix_utc (value);
  return g_date_time_new_now_local ();
}

static gboolean
check_target (const char      *path,
              gboolean         with_evidence,
              GaReportFormat  *format,
              GError         **error)
{
  g_autofree char *shown = g_filename_display_name (path);

  if (!ga_report_format_for_path (path, format))
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                   _("%s: a report is a Word or PDF file, and its name must end in .docx or "
                     ".pdf"), shown);
      return FALSE;
    }
  if (with_evidence && *format != GA_REPORT_FORMAT_PDF)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                   _("%s: the evidence can be merged only into a PDF report; write a .pdf "
                     "file, or leave the evidence out of the Word file"), shown);
      return FALSE;
    }
  return TRUE;
}

GaReportJob *
ga_report_job_new_for_session (GaSession   *session,
                               const char  *path,
                               const char  *language,
                               GDateTime   *date,
                               gboolean     with_evidence,
                               GError     **error)
{
  g_autoptr(GaReportJob) job = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GaReportFormat format;

  g_return_val_if_fail (GA_IS_SESSION (session), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_target (path, with_evidence, &format, error))
    return NULL;
  if (date == NULL)
    date = now = default_date ();

  job = g_new0 (GaReportJob, 1);
  job->path = g_strdup (path);
  job->format = format;
  job->with_evidence = with_evidence;
  job->overwrite = TRUE;
  job->db_path = g_strdup (ga_store_get_path (ga_session_get_store (session)));
  job->evidence = g_array_new (FALSE, TRUE, sizeof (Evidence));
  g_array_set_clear_func (job->evidence, evidence_clear);
  job->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (job->notes, NULL);

  job->doc = ga_report_build (session, language, date, error);
  if (job->doc == NULL)
    return NULL;
  if (with_evidence)
    {
      /* As the builder lists them: the same order, the same numbers. */
      list = ga_store_list_evidence (ga_session_get_store (session), ga_session_get_id (session),
                                     NULL, error);
      if (list == NULL)
        return NULL;
      for (guint i = 0; i < list->len; i++)
        {
          const GaEvidence *ev = g_ptr_array_index (list, i);
          Evidence e = { ev->id, g_strdup (ev->name), g_strdup (ev->sha256) };

          g_array_append_val (job->evidence, e);
        }
    }
  return g_steal_pointer (&job);
}

GaReportJob *
ga_report_job_new (GaStore     *store,
                   gint64       assessment_id,
                   const char  *path,
                   const char  *language,
                   GDateTime   *date,
                   gboolean     with_evidence,
                   GError     **error)
{
  g_autoptr(GaSession) session = NULL;
  GaReportFormat format;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Refused before the work of opening the assessment. */
  if (!check_target (path, with_evidence, &format, error))
    return NULL;
  session = ga_session_new (store, assessment_id, NULL, error);
  if (session == NULL)
    return NULL;
  return ga_report_job_new_for_session (session, path, language, date, with_evidence, error);
}

void
ga_report_job_free (GaReportJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->doc, ga_doc_unref);
  g_free (job->path);
  g_free (job->db_path);
  g_clear_pointer (&job->evidence, g_array_unref);
  g_clear_pointer (&job->notes, g_ptr_array_unref);
  g_free (job);
}

const char *
ga_report_job_get_path (GaReportJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);

  return job->path;
}

GaReportFormat
ga_report_job_get_format (GaReportJob *job)
{
  g_return_val_if_fail (job != NULL, GA_REPORT_FORMAT_PDF);

  return job->format;
}

gboolean
ga_report_job_get_with_evidence (GaReportJob *job)
{
  g_return_val_if_fail (job != NULL, FALSE);

  return job->with_evidence;
}

void
ga_report_job_set_overwrite (GaReportJob *job,
                             gboolean     overwrite)
{
  g_return_if_fail (job != NULL);

  job->overwrite = overwrite;
}

void
ga_report_job_set_progress_func (GaReportJob       *job,
                                 GaDocProgressFunc  progress,
                                 gpointer           user_data)
{
  g_return_if_fail (job != NULL);

  job->progress = progress;
  job->progress_data = user_data;
}

guint
ga_report_job_get_n_pages (GaReportJob *job)
{
  g_return_val_if_fail (job != NULL, 0);

  return job->n_pages;
}

guint
ga_report_job_get_n_merged (GaReportJob *job)
{
  g_return_val_if_fail (job != NULL, 0);

  return job->n_merged;
}

const char * const *
ga_report_job_get_notes (GaReportJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);

  return (const char * const *) job->notes->pdata;
}

static GBytes *
read_evidence_cb (gpointer   user_data,
                  gint64     key,
                  GError   **error)
{
  return ga_store_get_evidence_bytes (user_data, key, error);
}

static void
progress (GaReportJob *job,
          double       fraction)
{
  if (job->progress != NULL)
    job->progress (fraction, job->progress_data);
}

/* The report and its evidence as one PDF at @target. */
static gboolean
write_merged (GaReportJob   *job,
              const char    *target,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GaDocAnnex) annex = NULL;
  GaStore *store;

  /* The worker's own connection: a store is used by one thread at a time,
   * and the evidence is read while the application goes on. */
  store = ga_store_open_read_only (job->db_path, error);
  if (store == NULL)
    return FALSE;
  annex = ga_doc_annex_new (read_evidence_cb, store, g_object_unref);
  for (guint i = 0; i < job->evidence->len; i++)
    {
      Evidence *e = &g_array_index (job->evidence, Evidence, i);

      ga_doc_annex_add (annex, i + 1, e->name, e->sha256, e->id);
    }
  if (!ga_doc_write_pdf_with_annex (job->doc, annex, target, job->progress, job->progress_data,
                                    cancellable, error))
    return FALSE;

  job->n_pages = ga_doc_annex_get_total_pages (annex);
  for (guint i = 0; i < ga_doc_annex_get_n_files (annex); i++)
    {
      char *note = ga_doc_annex_dup_note (annex, i);

      if (note != NULL)
        g_ptr_array_insert (job->notes, job->notes->len - 1, note);
      else
        job->n_merged++;
    }
  return TRUE;
}

static gboolean
write_to (GaReportJob   *job,
          const char    *target,
          GCancellable  *cancellable,
          GError       **error)
{
  /* A second run starts afresh. */
  g_ptr_array_set_size (job->notes, 0);
  g_ptr_array_add (job->notes, NULL);
  job->n_pages = 0;
  job->n_merged = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  progress (job, 0);
  if (job->format == GA_REPORT_FORMAT_DOCX)
    {
      if (!ga_doc_write_docx (job->doc, target, error))
        return FALSE;
    }
  else if (job->with_evidence)
    {
      if (!write_merged (job, target, cancellable, error))
        return FALSE;
    }
  else if (!ga_doc_write_pdf (job->doc, target, error))
    return FALSE;
  progress (job, 1);
  return TRUE;
}

static gboolean
refuse_existing (GaReportJob  *job,
                 GError      **error)
{
  g_autofree char *shown = NULL;

  if (job->overwrite || !g_file_test (job->path, G_FILE_TEST_EXISTS))
    return TRUE;
  shown = g_filename_display_name (job->path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("%s already exists and was left unchanged. Choose another name."), shown);
  return FALSE;
}

gboolean
ga_report_job_run (GaReportJob   *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (job != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_existing (job, error))
    return FALSE;
  return write_to (job, job->path, cancellable, error);
}

gboolean
ga_report_job_run_in_task (GaReportJob  *job,
                           GTask        *task,
                           GError      **error)
{
  g_autofree char *tmp = NULL;
  GError *local = NULL;

  g_return_val_if_fail (job != NULL, FALSE);
  g_return_val_if_fail (G_IS_TASK (task), FALSE);

  if (!refuse_existing (job, error))
    return FALSE;
  tmp = ga_task_write_begin (job->path, job->format == GA_REPORT_FORMAT_PDF ? ".pdf" : ".docx",
                             error);
  if (tmp == NULL)
    return FALSE;
  if (!write_to (job, tmp, g_task_get_cancellable (task), &local))
    {
      g_unlink (tmp);
      /* The user knows the target, not the temporary name. */
      ga_store_error_rename (local, tmp, job->path);
      g_propagate_error (error, local);
      return FALSE;
    }
  return ga_task_write_finish (task, tmp, job->path, job->overwrite, error);
}
