/* ga-workspace-report.c: the self-evaluation report of the open assessment,
 * written as DOCX or PDF
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is built from the session on the main thread (it reads the
 * engine and the store, which belong to this thread, and takes a few
 * milliseconds); laying it out and writing it, the slow part, runs in a
 * worker thread on the finished GaDoc, which nothing else touches.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-report-builder.h"
#include "ga-workspace-private.h"

typedef struct {
  GaDoc *doc;
  char  *path;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_clear_pointer (&job->doc, ga_doc_unref);
  g_free (job->path);
  g_free (job);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  GError *error = NULL;
  gboolean ok = g_str_has_suffix (job->path, ".pdf")
                ? ga_doc_write_pdf (job->doc, job->path, &error)
                : ga_doc_write_docx (job->doc, job->path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
report_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GaWorkspace *self = GA_WORKSPACE (source);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _ga_workspace_toast_error (self, _("The report was not written"), error);
  else
    {
      g_autofree char *shown = g_filename_display_basename (job->path);
      g_autofree char *text = g_strdup_printf (_("Report written: %s"), shown);

      _ga_workspace_add_toast (self, adw_toast_new (text));
    }
}

void
ga_workspace_export_report_to (GaWorkspace         *self,
                               const char          *path,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  ReportJob *job;
  GaDoc *doc;

  g_return_if_fail (GA_IS_WORKSPACE (self));
  g_return_if_fail (self->session != NULL);

  /* Text edits still waiting for their pause belong in the report. */
  _ga_workspace_flush_rows (self);
  task = g_task_new (self, NULL, callback != NULL ? callback : report_done_cb, user_data);
  g_task_set_source_tag (task, ga_workspace_export_report_to);
  doc = ga_report_build (self->session, ga_format_language (), now, &error);
  if (doc == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job = g_new0 (ReportJob, 1);
  job->doc = doc;
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
  g_task_run_in_thread (task, report_thread);
}

gboolean
ga_workspace_export_report_finish (GaWorkspace   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
report_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  GaWorkspace     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      /* No suffix typed: the format of the filter that was chosen. */
      if (path != NULL && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".docx"))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
          gboolean docx = filter != NULL
                          && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "suffix"),
                                        ".docx") == 0;
          char *with = g_strconcat (path, docx ? ".docx" : ".pdf", NULL);

          g_free (path);
          path = with;
        }
      if (path != NULL)
        ga_workspace_export_report_to (self, path, NULL, NULL);
    }
  g_object_unref (native);
  g_object_unref (self);
}

void
_ga_workspace_choose_report_target (GaWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  GtkFileFilter *pdf = gtk_file_filter_new ();
  GtkFileFilter *docx = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;

  if (self->session == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF, ready to print"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  g_object_set_data (G_OBJECT (pdf), "suffix", (gpointer) ".pdf");
  gtk_file_filter_set_name (docx, _("Word document (DOCX), to edit"));
  gtk_file_filter_add_suffix (docx, "docx");
  g_object_set_data (G_OBJECT (docx), "suffix", (gpointer) ".docx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), docx);
  g_object_unref (pdf);
  g_object_unref (docx);
  /* The workbook's name with the report's suffix. */
  name = ga_session_dup_export_name (self->session);
  stem = g_str_has_suffix (name, ".xlsx") ? g_strndup (name, strlen (name) - 5)
                                         : g_strdup (name);
  g_free (name);
  name = g_strconcat (stem, ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (report_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
