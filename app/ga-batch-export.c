/* ga-batch-export.c: export many assessments into one folder
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-batch-export.h"
#include "ga-export-job.h"
#include "ga-export.h"
#include "ga-progress-toast.h"

typedef struct {
  GPtrArray *jobs;         /* GaExportJob* */
  GPtrArray *problems;     /* char*, failures while preparing */
  guint      written;
  guint      failures;
  char      *first_error;
  /* progress reporting */
  AdwToast  *toast;
  guint      total;
} Batch;

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_ptr_array_unref (batch->jobs);
  g_ptr_array_unref (batch->problems);
  g_free (batch->first_error);
  g_clear_object (&batch->toast);
  g_free (batch);
}

typedef struct {
  AdwToast *toast;
  guint     done;
  guint     total;
} Progress;

static gboolean
progress_cb (gpointer data)
{
  Progress *progress = data;
  g_autofree char *title = NULL;

  /* Translators: batch export progress, "Exporting 3 of 10 workbooks…". */
  title
      = g_strdup_printf (_("Exporting %u of %u workbooks…"), progress->done + 1, progress->total);
  ga_progress_toast_set_text (progress->toast, title);
  ga_progress_toast_set_fraction (progress->toast, (double) progress->done / progress->total);
  g_object_unref (progress->toast);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
batch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Batch *batch = task_data;

  for (guint i = 0; i < batch->jobs->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (batch->toast != NULL)
        {
          Progress *progress = g_new0 (Progress, 1);

          progress->toast = g_object_ref (batch->toast);
          progress->done = i;
          progress->total = batch->jobs->len;
          g_main_context_invoke (NULL, progress_cb, progress);
        }
      if (ga_export_job_run (g_ptr_array_index (batch->jobs, i), &error))
        batch->written++;
      else
        {
          batch->failures++;
          if (batch->first_error == NULL)
            {
              g_autofree char *shown = g_filename_display_name (
                  ga_export_job_get_path (g_ptr_array_index (batch->jobs, i)));

              batch->first_error = g_strdup_printf ("%s: %s", shown, error->message);
            }
        }
    }
  g_task_return_boolean (task, TRUE);
}

/* A file name in @folder not used yet, by this batch or by a file. */
static char *
unique_path (GFile      *folder,
             const char *name,
             GHashTable *taken)
{
  g_autofree char *stem = g_str_has_suffix (name, ".xlsx") ? g_strndup (name, strlen (name) - 5)
                                                           : g_strdup (name);

  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.xlsx", stem)
                                          : g_strdup_printf ("%s-%u.xlsx", stem, n);
      /* The name is text; the file system may use another encoding. */
      g_autoptr(GFile) file = g_file_get_child_for_display_name (folder, candidate, NULL);
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        {
          g_clear_object (&file);
          file = g_file_get_child (folder, candidate);
          path = g_file_get_path (file);
        }
      if (!g_hash_table_contains (taken, path) && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_hash_table_add (taken, g_strdup (path));
          return g_steal_pointer (&path);
        }
    }
  return NULL;
}

static void
start_batch (GaStore             *store,
             GArray              *ids,
             GFile               *folder,
             AdwToast            *toast,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Batch *batch = g_new0 (Batch, 1);

  batch->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_export_job_free);
  batch->problems = g_ptr_array_new_with_free_func (g_free);
  batch->toast = toast ? g_object_ref (toast) : NULL;
  g_task_set_source_tag (task, ga_batch_export_to_folder);
  /* A cancelled batch still reports the workbooks it wrote. */
  g_task_set_check_cancellable (task, FALSE);

  /* Everything the workers need is read from the store here, on the main
   * thread: the store's connection is not shared with the worker. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GaAssessment) assessment = ga_store_get_assessment (store, id, NULL);
      g_autoptr(GaEnterprise) enterprise = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *suffix = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      GaExportJob *job;

      if (assessment == NULL)
        continue;
      enterprise = ga_store_get_enterprise (store, assessment->enterprise_id, NULL);
      if (assessment->year > 0)
        suffix = g_strdup_printf ("%s-%d.xlsx", assessment->template_id, assessment->year);
      else
        suffix = g_strdup_printf ("%s.xlsx", assessment->template_id);
      name = ga_export_file_name (enterprise ? enterprise->name : NULL, suffix, _("assessment"));
      path = unique_path (folder, name, taken);
      if (path == NULL)
        continue;
      job = ga_export_job_new (store, id, path, &error);
      if (job == NULL)
        {
          batch->failures++;
          if (batch->first_error == NULL)
            batch->first_error = g_strdup (error->message);
          continue;
        }
      g_ptr_array_add (batch->jobs, job);
    }

  g_task_set_task_data (task, batch, batch_free);
  g_task_run_in_thread (task, batch_thread);
}

void
ga_batch_export_to_folder (GaStore             *store,
                           GArray              *assessment_ids,
                           GFile               *folder,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (GA_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (folder));

  start_batch (store, assessment_ids, folder, NULL, cancellable, callback, user_data);
}

guint
ga_batch_export_finish (GAsyncResult  *result,
                        guint         *failures,
                        char         **first_error,
                        GError       **error)
{
  Batch *batch;

  g_return_val_if_fail (G_IS_TASK (result), 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  batch = g_task_get_task_data (G_TASK (result));
  if (failures != NULL)
    *failures = batch->failures;
  if (first_error != NULL)
    *first_error = g_strdup (batch->first_error);
  return batch->written;
}

void
ga_open_folder (GtkWindow *parent,
                GFile     *folder)
{
  g_autofree char *uri = g_file_get_uri (folder);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("The folder %s cannot be opened: %s", uri, error->message);
}

typedef struct {
  GtkWindow       *parent;
  GaStore         *store;
  AdwToastOverlay *overlay;
  AdwToast        *toast;
  GFile           *folder;
  GCancellable    *cancellable;
  gint64           enterprise_id;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  g_clear_object (&dialog->parent);
  g_clear_object (&dialog->store);
  g_clear_object (&dialog->overlay);
  g_clear_object (&dialog->toast);
  g_clear_object (&dialog->folder);
  g_clear_object (&dialog->cancellable);
  g_free (dialog);
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

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Dialog *dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_error = NULL;
  g_autofree char *title = NULL;
  guint failures = 0;
  guint written;
  AdwToast *toast;

  written = ga_batch_export_finish (result, &failures, &first_error, &error);
  if (dialog->toast != NULL)
    adw_toast_dismiss (dialog->toast);

  if (g_cancellable_is_cancelled (dialog->cancellable))
    /* The workbooks written before Cancel are complete and stay. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Export cancelled after %u workbook",
                                          "Export cancelled after %u workbooks", written),
                             written);
  else if (failures > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u workbook exported, %u failed: %s",
                                          "%u workbooks exported, %u failed: %s", written),
                             written, failures, first_error ? first_error : "");
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u workbook exported",
                                          "%u workbooks exported", written),
                             written);
  if (dialog->overlay != NULL)
    {
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, failures > 0 ? 0 : 8);
      if (written > 0)
        {
          adw_toast_set_button_label (toast, _("Open Folder"));
          g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                                 g_object_ref (dialog->folder), unref_data_cb, 0);
        }
      adw_toast_overlay_add_toast (dialog->overlay, toast);
    }
  dialog_free (dialog);
}

static void
folder_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  Dialog *dialog = user_data;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      dialog_free (dialog);
      g_object_unref (native);
      return;
    }
  dialog->folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);

  assessments = ga_store_list_assessments (dialog->store, dialog->enterprise_id, &error);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    g_array_append_val (ids, ((GaAssessment *) g_ptr_array_index (assessments, i))->id);
  if (ids->len == 0)
    {
      if (dialog->overlay != NULL)
        adw_toast_overlay_add_toast (dialog->overlay,
                                     adw_toast_new (_("There are no assessments to export")));
      dialog_free (dialog);
      return;
    }

  dialog->cancellable = g_cancellable_new ();
  if (dialog->overlay != NULL)
    {
      /* The bar shows how many are done; Cancel stops before the next one. */
      dialog->toast = ga_progress_toast_new (_("Exporting workbooks…"), dialog->cancellable);
      adw_toast_overlay_add_toast (dialog->overlay, g_object_ref (dialog->toast));
    }
  start_batch (dialog->store, ids, dialog->folder, dialog->toast, dialog->cancellable,
               batch_done_cb, dialog);
}

void
ga_batch_export_run (GtkWindow       *parent,
                     GaStore         *store,
                     gint64           enterprise_id,
                     AdwToastOverlay *overlay)
{
  GtkFileChooserNative *native;
  Dialog *dialog;

  g_return_if_fail (GA_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Export Workbooks to Folder"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  dialog = g_new0 (Dialog, 1);
  dialog->parent = parent ? g_object_ref (parent) : NULL;
  dialog->store = g_object_ref (store);
  dialog->overlay = overlay ? g_object_ref (overlay) : NULL;
  dialog->enterprise_id = enterprise_id;
  g_signal_connect (native, "response", G_CALLBACK (folder_chosen_cb), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
