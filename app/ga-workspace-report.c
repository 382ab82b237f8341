/* ga-workspace-report.c: the self-evaluation report of the open assessment,
 * written as DOCX or PDF, or printed
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is built from the session on the main thread (it reads the
 * engine and the store, which belong to this thread, and takes a few
 * milliseconds); laying it out and writing it, the slow part, runs in a
 * worker thread on the finished GaDoc, which nothing else touches.
 * Printing lays the document out on the main thread when the print dialog
 * has settled the paper (GaReportPrint), as GTK's printing asks.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-check-dialog.h"
#include "ga-format.h"
#include "ga-report-builder.h"
#include "ga-report-print.h"
#include "ga-workspace-private.h"

/* The print job running (a GaReportPrint, owned by the workspace while
 * its dialog is open and its pages are drawn), and the print settings of
 * the last job that printed (kept on the application, for the next one). */
#define PRINT_OPERATION_KEY "ga-print-operation"
#define PRINT_SETTINGS_KEY  "ga-print-settings"

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

/* The name the workbook would get, with @suffix ("" for none). */
static char *
dup_report_name (GaWorkspace *self,
                 const char  *suffix)
{
  g_autofree char *name = ga_session_dup_export_name (self->session);
  g_autofree char *stem = g_str_has_suffix (name, ".xlsx") ? g_strndup (name, strlen (name) - 5)
                                                          : g_strdup (name);

  return g_strconcat (stem, suffix, NULL);
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
  name = dup_report_name (self, ".pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (report_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------ printing */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GaWorkspace             *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      _ga_workspace_toast_error (self, _("The report was not printed"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL
           && ga_report_print_get_error (GA_REPORT_PRINT (operation)) != NULL)
    _ga_workspace_toast_error (self, _("The report was not printed"),
                               ga_report_print_get_error (GA_REPORT_PRINT (operation)));
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GApplication *app = g_application_get_default ();
      guint n = ga_report_print_get_n_pages (GA_REPORT_PRINT (operation));
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Report sent to print: %u page",
                                                            "Report sent to print: %u pages", n),
                                               n);

      if (app != NULL)
        g_object_set_data_full (G_OBJECT (app), PRINT_SETTINGS_KEY,
                                g_object_ref (gtk_print_operation_get_print_settings (operation)),
                                g_object_unref);
      _ga_workspace_add_toast (self, adw_toast_new (text));
    }
  /* The operation is emitting this signal and holds itself until the
   * emission ends. */
  g_object_set_data (G_OBJECT (self), PRINT_OPERATION_KEY, NULL);
}

/* The report as it is now, through the print dialog. */
static void
print_report (GaWorkspace *self)
{
  GApplication *app = g_application_get_default ();
  GtkPrintSettings *last = app != NULL ? g_object_get_data (G_OBJECT (app), PRINT_SETTINGS_KEY)
                                       : NULL;
  g_autoptr(GtkPrintSettings) settings = last != NULL ? gtk_print_settings_copy (last)
                                                      : gtk_print_settings_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDoc) doc = NULL;
  g_autofree char *basename = NULL;
  GaReportPrint *operation;

  if (self->session == NULL || g_object_get_data (G_OBJECT (self), PRINT_OPERATION_KEY) != NULL)
    return;
  /* Text edits still waiting for their pause belong in the report. */
  _ga_workspace_flush_rows (self);
  doc = ga_report_build (self->session, ga_format_language (), now, &error);
  if (doc == NULL)
    {
      _ga_workspace_toast_error (self, _("The report was not printed"), error);
      return;
    }

  operation = ga_report_print_new (doc);
  g_object_set_data_full (G_OBJECT (self), PRINT_OPERATION_KEY, operation, g_object_unref);
  /* "Print to File" proposes the report's own name. */
  basename = dup_report_name (self, "");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), settings);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL);
  /* Asynchronous: ::done tells how it ended, errors included. */
}

static void
print_show_item_cb (GaCheckDialog *dialog,
                    const char    *item_id,
                    GaWorkspace   *self)
{
  ga_workspace_show_item (self, item_id);
}

/* Print: what a reviewer would send back first, as for an export. */
void
_ga_workspace_print_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);
  GaCheckDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = ga_check_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session,
                                _("_Print Anyway…"));
  if (ga_check_dialog_get_n_findings (dialog) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      print_report (self);
      return;
    }
  g_signal_connect_object (dialog, "show-item", G_CALLBACK (print_show_item_cb), self, 0);
  g_signal_connect_object (dialog, "show-part", G_CALLBACK (ga_workspace_show_part), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "continue", G_CALLBACK (print_report), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
