/* ga-workspace-export.c: the workbook and package exports of the workspace
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both run in a worker thread with a pulsing progress bar and Cancel in a
 * toast; the file chooser opens in the folder of the last export.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-application.h"
#include "ga-batch-export.h"
#include "ga-export-job.h"
#include "ga-package-job.h"
#include "ga-progress-toast.h"
#include "ga-check-dialog.h"
#include "ga-workspace-private.h"

/* ------------------------------------------------------------------ */
/* Where exports go                                                     */

static GSettings *
get_settings (GaWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app
      = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return GA_IS_APPLICATION (app) ? ga_application_get_settings (GA_APPLICATION (app)) : NULL;
}

/* The folder of the last export is kept as its path, or as a file: URI
 * when its name is not UTF-8 (a setting holds text; GBK names unpacked
 * from an archive are not). */
static void
remember_export_folder (GaWorkspace *self,
                        const char  *dir)
{
  GSettings *settings = get_settings (self);
  g_autofree char *value = NULL;

  if (settings == NULL)
    return;
  value = g_utf8_validate (dir, -1, NULL) ? g_strdup (dir) : g_filename_to_uri (dir, NULL, NULL);
  if (value != NULL)
    g_settings_set_string (settings, "last-export-folder", value);
}

/* Where the export dialogs open: the folder of the last export, else the
 * documents folder; NULL when neither exists. */
static GFile *
dup_export_folder (GaWorkspace *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *value = settings ? g_settings_get_string (settings, "last-export-folder") : NULL;
  g_autofree char *folder = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (value != NULL && g_str_has_prefix (value, "file:"))
    folder = g_filename_from_uri (value, NULL, NULL);
  else if (value != NULL && value[0] != '\0')
    folder = g_steal_pointer (&value);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Export                                                               */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (ga_export_job_run_in_task (task_data, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct {
  GaWorkspace         *self;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  gpointer             source_tag;
  AdwToast            *progress;
  GCancellable        *cancellable;
  char                *path;
} ExportData;

static ExportData *
export_data_new (GaWorkspace         *self,
                 const char          *path,
                 const char          *progress_title,
                 gpointer             source_tag,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  ExportData *data = g_new0 (ExportData, 1);

  data->self = g_object_ref (self);
  data->callback = callback;
  data->user_data = user_data;
  data->source_tag = source_tag;
  data->path = g_strdup (path);
  data->cancellable = g_cancellable_new ();
  data->progress = ga_progress_toast_new (progress_title, data->cancellable);
  _ga_workspace_add_toast (self, g_object_ref (data->progress));
  g_set_object (&self->progress_toast, data->progress);
  return data;
}

static void
export_data_free (ExportData *data)
{
  if (data->self->progress_toast == data->progress)
    g_clear_object (&data->self->progress_toast);
  g_object_unref (data->progress);
  g_object_unref (data->cancellable);
  g_free (data->path);
  g_object_unref (data->self);
  g_free (data);
}

static void
unref_data_cb (gpointer  data,
               GClosure *closure)
{
  g_object_unref (data);
}

static void
open_folder_cb (AdwToast *toast,
                GFile    *folder)
{
  ga_open_folder (NULL, folder);
}

/* The end of an export of either kind: the toast that says so, and the
 * caller's own result (the worker's was consumed). */
static void
export_ended (ExportData  *data,
              GError      *error,
              gboolean     package,
              const char  *failed,
              const char  *cancelled)
{
  GaWorkspace *self = data->self;

  adw_toast_dismiss (data->progress);
  if (error == NULL)
    {
      g_autofree char *base = g_filename_display_basename (data->path);
      g_autofree char *dir = g_path_get_dirname (data->path);
      g_autofree char *title = package ? g_strdup_printf (_("Exported the package “%s”"), base)
                                       : g_strdup_printf (_("Exported “%s”"), base);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_timeout (toast, 8);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                             g_file_new_for_path (dir), unref_data_cb, 0);
      _ga_workspace_add_toast (self, toast);
      remember_export_folder (self, dir);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      AdwToast *toast = adw_toast_new (cancelled);

      adw_toast_set_timeout (toast, 5);
      _ga_workspace_add_toast (self, toast);
    }
  else
    _ga_workspace_toast_error (self, failed, error);

  if (data->callback != NULL)
    {
      g_autoptr(GTask) outer = g_task_new (self, NULL, data->callback, data->user_data);

      g_task_set_source_tag (outer, data->source_tag);
      if (error == NULL)
        g_task_return_boolean (outer, TRUE);
      else
        g_task_return_error (outer, g_error_copy (error));
    }
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (data->self->export_button, TRUE);
  g_task_propagate_boolean (G_TASK (result), &error);
  export_ended (data, error, FALSE, _("The workbook was not exported"),
                _("The export was cancelled; no file was written"));
  export_data_free (data);
}

/* The database file is never an export target, whatever its name. */
static gboolean
check_not_database (GaWorkspace         *self,
                    const char          *path,
                    gpointer             source_tag,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ga_store_is_own_file (ga_session_get_store (self->session), path))
    return TRUE;
  g_set_error (&error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
               _("%s is the database itself. Choose another file name."), path);
  _ga_workspace_toast_error (self, _("Nothing was exported"), error);
  if (callback != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

      g_task_set_source_tag (task, source_tag);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  return FALSE;
}

void
ga_workspace_export_to (GaWorkspace         *self,
                        const char          *path,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  ga_workspace_export_full (self, path, FALSE, callback, user_data);
}

/* Fails the export before it starts: a toast, and @callback's result. */
static void
refuse_export (GaWorkspace         *self,
               GError              *error,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  _ga_workspace_toast_error (self, _("Nothing was exported"), error);
  if (callback != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

      g_task_set_source_tag (task, ga_workspace_export_to);
      g_task_return_error (task, g_error_copy (error));
    }
}

void
ga_workspace_export_full (GaWorkspace         *self,
                          const char          *path,
                          gboolean             local_tables,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data;
  GaExportJob *job;

  g_return_if_fail (GA_IS_WORKSPACE (self));
  g_return_if_fail (self->session != NULL);

  /* Text edits still waiting for their pause belong in what is exported. */
  _ga_workspace_flush_rows (self);
  if (!check_not_database (self, path, ga_workspace_export_to, callback, user_data))
    return;

  job = ga_export_job_new_for_session (self->session, path, TRUE);
  /* The other years and the projects are read here, on the main thread,
   * like the session's own data: the worker never touches the store. */
  if (local_tables
      && !ga_export_job_add_local_tables (job, ga_session_get_store (self->session),
                                          GA_EXPORT_LEVEL_NONE, 0, &error))
    {
      ga_export_job_free (job);
      refuse_export (self, error, callback, user_data);
      return;
    }

  /* The export reports no fraction of its work: the bar pulses, and
   * Cancel leaves no file behind. */
  data = export_data_new (self, path, _("Exporting the workbook…"), ga_workspace_export_to,
                          callback, user_data);
  gtk_widget_set_sensitive (self->export_button, FALSE);

  task = g_task_new (self, data->cancellable, export_done_cb, data);
  g_task_set_source_tag (task, ga_workspace_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) ga_export_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, export_thread);
}

AdwToast *
ga_workspace_get_progress_toast (GaWorkspace *self)
{
  g_return_val_if_fail (GA_IS_WORKSPACE (self), NULL);

  return self->progress_toast;
}

gboolean
ga_workspace_export_finish (GaWorkspace   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  GaWorkspace     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      const char *local = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native),
                                                       "local-tables");

      if (path != NULL && self->session != NULL)
        {
          if (!g_str_has_suffix (path, ".xlsx"))
            {
              char *with = g_strconcat (path, ".xlsx", NULL);

              g_free (path);
              path = with;
            }
          ga_workspace_export_full (self, path, g_strcmp0 (local, "true") == 0, NULL, NULL);
        }
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
choose_export_target (GaWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->session == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = ga_session_dup_export_name (self->session);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  /* A boolean choice: the portal's dialog shows it as a check box. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "local-tables",
                               _("Add the local summary tables (附件2–4)"), NULL, NULL);

  folder = dup_export_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (export_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
show_item_cb (GaCheckDialog *dialog,
              const char    *item_id,
              GaWorkspace   *self)
{
  ga_workspace_show_item (self, item_id);
}

/* The pre-submission check; @then (may be NULL): what the @go_on button
 * ("Export Anyway…") goes on to. Returns FALSE when there was nothing to
 * show before going on. */
gboolean
_ga_workspace_show_check (GaWorkspace  *self,
                          const char   *go_on,
                          void        (*then) (GaWorkspace *self))
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GaCheckDialog *dialog = ga_check_dialog_new (GTK_WINDOW (root), self->session,
                                               then != NULL ? go_on : NULL);

  if (then != NULL && ga_check_dialog_get_n_findings (dialog) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return FALSE;
    }
  g_signal_connect_object (dialog, "show-item", G_CALLBACK (show_item_cb), self, 0);
  g_signal_connect_object (dialog, "show-part", G_CALLBACK (ga_workspace_show_part), self,
                           G_CONNECT_SWAPPED);
  if (then != NULL)
    g_signal_connect_object (dialog, "continue", G_CALLBACK (then), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Export: what a reviewer would send back first, then the file. */
void
_ga_workspace_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);

  if (self->session == NULL)
    return;
  if (!_ga_workspace_show_check (self, _("_Export Anyway…"), choose_export_target))
    choose_export_target (self);
}

/* The report: the same check first. */
void
_ga_workspace_report_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);

  if (self->session == NULL)
    return;
  if (!_ga_workspace_show_check (self, _("_Export Anyway…"),
                                 _ga_workspace_choose_report_target))
    _ga_workspace_choose_report_target (self);
}

void
_ga_workspace_check_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);

  if (self->session != NULL)
    _ga_workspace_show_check (self, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Exchange package                                                     */

static void
package_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  ga_package_export_finish (result, &error);
  export_ended (data, error, TRUE, _("The package was not exported"),
                _("The package export was cancelled; no file was written"));
  export_data_free (data);
}

void
ga_workspace_export_package_to (GaWorkspace         *self,
                                const char          *path,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ExportData *data;

  g_return_if_fail (GA_IS_WORKSPACE (self));
  g_return_if_fail (self->session != NULL);
  g_return_if_fail (path != NULL);

  /* Text edits still waiting for their pause belong in what is exported. */
  _ga_workspace_flush_rows (self);
  if (!check_not_database (self, path, ga_workspace_export_package_to, callback, user_data))
    return;
  data = export_data_new (self, path, _("Exporting the package…"),
                          ga_workspace_export_package_to, callback, user_data);
  ga_package_export_async (ga_session_get_store (self->session), ga_session_get_id (self->session),
                           path, data->cancellable, package_done_cb, data);
}

gboolean
ga_workspace_export_package_finish (GaWorkspace   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* "<enterprise>-<template>-<period>.gapkg", as the workbook's name. */
static char *
package_name (GaWorkspace *self)
{
  g_autofree char *name = ga_session_dup_export_name (self->session);

  if (g_str_has_suffix (name, ".xlsx"))
    name[strlen (name) - strlen (".xlsx")] = '\0';
  return g_strconcat (name, GA_PACKAGE_SUFFIX, NULL);
}

static void
package_chosen_cb (GtkNativeDialog *native,
                   int              response,
                   GaWorkspace     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && self->session != NULL)
        {
          if (!g_str_has_suffix (path, GA_PACKAGE_SUFFIX))
            {
              char *with = g_strconcat (path, GA_PACKAGE_SUFFIX, NULL);

              g_free (path);
              path = with;
            }
          ga_workspace_export_package_to (self, path, NULL, NULL);
        }
    }
  g_object_unref (native);
  g_object_unref (self);
}

void
_ga_workspace_export_package_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->session == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Package"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("GreenAssess packages"));
  gtk_file_filter_add_suffix (filter, GA_PACKAGE_SUFFIX + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = package_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  folder = dup_export_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (package_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
