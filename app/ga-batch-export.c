/* ga-batch-export.c: export many assessments into one folder: their
 * workbooks, or their self-evaluation reports (PDF, PDF with the evidence
 * merged, Word)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything a job needs is read from the store on the main thread; one
 * worker thread writes the files one after the other, reporting progress
 * to a toast with a Cancel button.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-batch-export.h"
#include "ga-export-job.h"
#include "ga-export.h"
#include "ga-export-name.h"
#include "ga-progress-toast.h"

/* What a batch writes. */
typedef enum {
  OUTPUT_WORKBOOKS,
  OUTPUT_REPORTS_PDF,
  OUTPUT_REPORTS_PDF_EVIDENCE,
  OUTPUT_REPORTS_DOCX,
} Output;

/* The choice in the folder chooser, by id, in this order. */
static const char *const output_ids[] = { "workbooks", "reports-pdf", "reports-pdf-evidence",
                                          "reports-docx", NULL };

typedef struct {
  gboolean   reports;      /* GaReportJob* in jobs, else GaExportJob* */
  GPtrArray *jobs;
  GPtrArray *notes;        /* char*, evidence not merged (reports) */
  guint      written;
  guint      failures;
  char      *first_error;
  /* progress reporting (the worker's) */
  AdwToast  *toast;
  guint      current;
  double     shown;
} Batch;

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_ptr_array_unref (batch->jobs);
  g_ptr_array_unref (batch->notes);
  g_free (batch->first_error);
  g_clear_object (&batch->toast);
  g_free (batch);
}

typedef struct {
  AdwToast *toast;
  double    fraction;
} Progress;

/* On the main thread. Only the bar moves: the toast's title is set once. */
static gboolean
progress_cb (gpointer data)
{
  Progress *progress = data;

  ga_progress_toast_set_fraction (progress->toast, progress->fraction);
  g_object_unref (progress->toast);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
show_progress (Batch  *batch,
               double  fraction)
{
  Progress *progress;

  if (batch->toast == NULL)
    return;
  progress = g_new0 (Progress, 1);
  progress->toast = g_object_ref (batch->toast);
  progress->fraction = fraction;
  /* An idle of the main context, so that it runs on the main thread even
   * while no main loop holds the context (g_main_context_invoke() would
   * then run it here, in the worker). */
  g_idle_add (progress_cb, progress);
}

/* A report with its evidence can take a while: its own progress moves
 * the bar within its share. */
static void
report_progress_cb (double   fraction,
                    gpointer user_data)
{
  Batch *batch = user_data;
  double overall = (batch->current + fraction) / batch->jobs->len;

  if (overall - batch->shown < 0.01)
    return;
  batch->shown = overall;
  show_progress (batch, overall);
}

static gboolean
run_job (Batch         *batch,
         gpointer       job,
         GCancellable  *cancellable,
         GError       **error)
{
  if (!batch->reports)
    return ga_export_job_run (job, error);

  ga_report_job_set_progress_func (job, report_progress_cb, batch);
  if (!ga_report_job_run (job, cancellable, error))
    return FALSE;
  for (const char * const *note = ga_report_job_get_notes (job); *note != NULL; note++)
    g_ptr_array_add (batch->notes, g_strdup (*note));
  return TRUE;
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
      gpointer job = g_ptr_array_index (batch->jobs, i);
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      batch->current = i;
      batch->shown = (double) i / batch->jobs->len;
      show_progress (batch, batch->shown);
      if (run_job (batch, job, cancellable, &error))
        batch->written++;
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Cancelled while writing: the file is not there, and it is no
         * failure. */
        break;
      else
        {
          batch->failures++;
          if (batch->first_error == NULL)
            {
              g_autofree char *shown = g_filename_display_name (
                  batch->reports ? ga_report_job_get_path (job) : ga_export_job_get_path (job));

              batch->first_error = g_strdup_printf ("%s: %s", shown, error->message);
            }
        }
    }
  g_task_return_boolean (task, TRUE);
}

/* "<enterprise>-<kind> evaluation-<period><suffix>", as the workspace names
 * one assessment's export. */
static char *
dup_file_name (const GaAssessment *assessment,
               const GaEnterprise *enterprise,
               const char         *suffix)
{
  g_autofree char *period = NULL;
  g_autofree char *what = NULL;
  GaTemplateKind kind = GA_TEMPLATE_KIND_CUSTOM;

  if (assessment->period != NULL && assessment->period[0] != '\0')
    period = g_strdup (assessment->period);
  else if (assessment->year > 0)
    period = g_strdup_printf ("%d", assessment->year);
  if (!ga_template_kind_from_string (assessment->kind, &kind))
    kind = GA_TEMPLATE_KIND_CUSTOM;
  if (kind == GA_TEMPLATE_KIND_CUSTOM && assessment->title != NULL)
    what = g_strdup (assessment->title);
  else
    what = g_strdup_printf (_("%s evaluation"), ga_template_kind_label (kind));
  return ga_export_name_build (enterprise != NULL ? enterprise->name : NULL, what, period, suffix,
                               _("assessment"));
}

/* A file name in @folder not used yet, by this batch or by a file; @name
 * ends with @suffix (".xlsx"). */
static char *
unique_path (GFile      *folder,
             const char *name,
             const char *suffix,
             GHashTable *taken)
{
  g_autofree char *stem = g_str_has_suffix (name, suffix)
                          ? g_strndup (name, strlen (name) - strlen (suffix))
                          : g_strdup (name);

  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s%s", stem, suffix)
                                          : g_strdup_printf ("%s-%u%s", stem, n, suffix);
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

static const char *
output_suffix (Output output)
{
  switch (output)
    {
    case OUTPUT_REPORTS_PDF:
    case OUTPUT_REPORTS_PDF_EVIDENCE:
      return ".pdf";
    case OUTPUT_REPORTS_DOCX:
      return ".docx";
    case OUTPUT_WORKBOOKS:
    default:
      return ".xlsx";
    }
}

static void
start_batch (GaStore             *store,
             GArray              *ids,
             GFile               *folder,
             Output               output,
             AdwToast            *toast,
             GCancellable        *cancellable,
             gpointer             source_tag,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *suffix = output_suffix (output);
  Batch *batch = g_new0 (Batch, 1);

  batch->reports = output != OUTPUT_WORKBOOKS;
  batch->jobs = g_ptr_array_new_with_free_func (batch->reports
                                                ? (GDestroyNotify) ga_report_job_free
                                                : (GDestroyNotify) ga_export_job_free);
  batch->notes = g_ptr_array_new_with_free_func (g_free);
  batch->toast = toast ? g_object_ref (toast) : NULL;
  g_task_set_source_tag (task, source_tag);
  /* A cancelled batch still reports the files it wrote. */
  g_task_set_check_cancellable (task, FALSE);

  /* Everything the workers need is read from the store here, on the main
   * thread: the store's connection is not shared with the worker. (A
   * report job reads the evidence through a connection of its own.) */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GaAssessment) assessment = ga_store_get_assessment (store, id, NULL);
      g_autoptr(GaEnterprise) enterprise = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      gpointer job;

      if (assessment == NULL)
        continue;
      enterprise = ga_store_get_enterprise (store, assessment->enterprise_id, NULL);
      name = dup_file_name (assessment, enterprise, suffix);
      path = unique_path (folder, name, suffix, taken);
      if (path == NULL)
        continue;
      if (batch->reports)
        job = ga_report_job_new (store, id, path, NULL, NULL,
                                 output == OUTPUT_REPORTS_PDF_EVIDENCE, &error);
      else
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

  start_batch (store, assessment_ids, folder, OUTPUT_WORKBOOKS, NULL, cancellable,
               ga_batch_export_to_folder, callback, user_data);
}

void
ga_batch_report_to_folder (GaStore             *store,
                           GArray              *assessment_ids,
                           GFile               *folder,
                           GaReportFormat       format,
                           gboolean             with_evidence,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Output output;

  g_return_if_fail (GA_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (!with_evidence || format == GA_REPORT_FORMAT_PDF);

  if (format == GA_REPORT_FORMAT_DOCX)
    output = OUTPUT_REPORTS_DOCX;
  else
    output = with_evidence ? OUTPUT_REPORTS_PDF_EVIDENCE : OUTPUT_REPORTS_PDF;
  start_batch (store, assessment_ids, folder, output, NULL, cancellable,
               ga_batch_report_to_folder, callback, user_data);
}

static guint
batch_finish (GAsyncResult  *result,
              guint         *failures,
              char         **first_error,
              GStrv         *notes,
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
  if (notes != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < batch->notes->len; i++)
        g_strv_builder_add (builder, batch->notes->pdata[i]);
      *notes = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  return batch->written;
}

guint
ga_batch_export_finish (GAsyncResult  *result,
                        guint         *failures,
                        char         **first_error,
                        GError       **error)
{
  return batch_finish (result, failures, first_error, NULL, error);
}

guint
ga_batch_report_finish (GAsyncResult  *result,
                        guint         *failures,
                        char         **first_error,
                        GStrv         *notes,
                        GError       **error)
{
  return batch_finish (result, failures, first_error, notes, error);
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
  Output           output;
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

/* What a finished batch of workbooks says. */
static char *
workbooks_title (Dialog     *dialog,
                 guint       written,
                 guint       failures,
                 const char *first_error)
{
  if (g_cancellable_is_cancelled (dialog->cancellable))
    /* The workbooks written before Cancel are complete and stay. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Export cancelled after %u workbook",
                                         "Export cancelled after %u workbooks", written),
                            written);
  if (failures > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u workbook exported, %u failed: %s",
                                         "%u workbooks exported, %u failed: %s", written),
                            written, failures, first_error ? first_error : "");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u workbook exported",
                                       "%u workbooks exported", written),
                          written);
}

/* What a finished batch of reports says: how many, what failed, and the
 * evidence that is not in its PDF (each report's separator page lists
 * it too). */
static char *
reports_title (Dialog       *dialog,
               guint         written,
               guint         failures,
               const char   *first_error,
               GStrv         notes)
{
  g_autofree char *count = NULL;
  guint n_notes = notes != NULL ? g_strv_length (notes) : 0;

  if (g_cancellable_is_cancelled (dialog->cancellable))
    /* The reports written before Cancel are complete and stay; the one
     * being written is not there. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Reports cancelled after %u report",
                                         "Reports cancelled after %u reports", written),
                            written);
  if (failures > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u report written, %u failed: %s",
                                         "%u reports written, %u failed: %s", written),
                            written, failures, first_error ? first_error : "");
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report written",
                                        "%u reports written", written),
                           written);
  if (n_notes == 0)
    return g_steal_pointer (&count);
  if (n_notes == 1)
    /* Translators: "3 reports written" and the note on the evidence file
     * that is not in its PDF. */
    return g_strdup_printf (_("%s. %s"), count, notes[0]);
  /* Translators: "3 reports written", the first note on an evidence file
   * that is not in its PDF, and how many more there are. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s. %s And %u more evidence file is not merged.",
                                       "%s. %s And %u more evidence files are not merged.",
                                       n_notes - 1),
                          count, notes[0], n_notes - 1);
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
  g_auto(GStrv) notes = NULL;
  guint failures = 0;
  guint written;
  AdwToast *toast;

  written = batch_finish (result, &failures, &first_error, &notes, &error);
  if (dialog->toast != NULL)
    adw_toast_dismiss (dialog->toast);

  if (dialog->output == OUTPUT_WORKBOOKS)
    title = workbooks_title (dialog, written, failures, first_error);
  else
    title = reports_title (dialog, written, failures, first_error, notes);
  if (dialog->overlay != NULL)
    {
      gboolean problems = failures > 0 || (notes != NULL && notes[0] != NULL);

      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, problems ? 0 : 8);
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
  const char *choice;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      dialog_free (dialog);
      g_object_unref (native);
      return;
    }
  dialog->folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "output");
  for (guint i = 0; output_ids[i] != NULL; i++)
    if (g_strcmp0 (choice, output_ids[i]) == 0)
      dialog->output = (Output) i;
  g_object_unref (native);
  if (dialog->folder == NULL)
    {
      dialog_free (dialog);
      return;
    }

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
      /* The bar shows how far the batch is; Cancel stops before the next
       * workbook, or within the report being written. */
      dialog->toast = ga_progress_toast_new (dialog->output == OUTPUT_WORKBOOKS
                                             ? _("Exporting workbooks…")
                                             : _("Writing reports…"), dialog->cancellable);
      adw_toast_overlay_add_toast (dialog->overlay, g_object_ref (dialog->toast));
    }
  start_batch (dialog->store, ids, dialog->folder, dialog->output, dialog->toast,
               dialog->cancellable, ga_batch_export_run, batch_done_cb, dialog);
}

void
ga_batch_export_run (GtkWindow       *parent,
                     GaStore         *store,
                     gint64           enterprise_id,
                     AdwToastOverlay *overlay)
{
  const char *labels[G_N_ELEMENTS (output_ids)] = {
    _("Excel workbooks"),
    _("Reports (PDF)"),
    _("Reports with the evidence merged (PDF)"),
    _("Reports (Word)"),
    NULL
  };
  GtkFileChooserNative *native;
  Dialog *dialog;

  g_return_if_fail (GA_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Export to Folder"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* One file per assessment: its workbook, or its self-evaluation report. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "output", _("Write"),
                               (const char **) output_ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "output", output_ids[0]);
  dialog = g_new0 (Dialog, 1);
  dialog->parent = parent ? g_object_ref (parent) : NULL;
  dialog->store = g_object_ref (store);
  dialog->overlay = overlay ? g_object_ref (overlay) : NULL;
  dialog->enterprise_id = enterprise_id;
  g_signal_connect (native, "response", G_CALLBACK (folder_chosen_cb), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
