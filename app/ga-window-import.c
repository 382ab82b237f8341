/* ga-window-import.c: importing packages and templates into the database
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package is imported in a worker thread with progress and Cancel in a
 * toast; an assessment already in the database is imported as a copy only
 * when the user says so. The imported assessment is then opened.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-package-job.h"
#include "ga-progress-toast.h"
#include "ga-template-import.h"
#include "ga-window-private.h"

/* ------------------------------------------------------------------ */
/* Templates                                                            */

void
ga_window_import_template (GaWindow            *self,
                           GFile               *file,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (GA_IS_WINDOW (self));
  g_return_if_fail (_ga_window_get_store (self) != NULL);

  ga_template_import_file (GTK_WINDOW (self), _ga_window_get_store (self), file, self->toast_overlay,
                           callback, user_data);
}

/* ------------------------------------------------------------------ */
/* Package import                                                       */

typedef struct {
  GaWindow     *self;
  GFile        *file;
  GCancellable *cancellable;
  AdwToast     *progress;
  GTask        *outer;      /* the caller's result */
  GaPackageImportFlags flags;
} PackageImport;

static void
package_import_free (PackageImport *import)
{
  g_clear_object (&import->self);
  g_clear_object (&import->file);
  g_clear_object (&import->cancellable);
  g_clear_object (&import->progress);
  g_clear_object (&import->outer);
  g_free (import);
}

static void start_package_import (PackageImport        *import,
                                  GaPackageImportFlags  flags);

static char *
file_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  char *name = base ? g_filename_display_name (base) : NULL;

  return name ? name : g_file_get_parse_name (file);
}

static void
package_exists_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            PackageImport    *import)
{
  if (g_strcmp0 (response, "copy") == 0)
    {
      start_package_import (import, GA_PACKAGE_IMPORT_AS_COPY);
      return;
    }
  g_task_return_new_error (import->outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
  package_import_free (import);
}

static void
package_imported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PackageImport *import = user_data;
  GaWindow *self = import->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = file_display_name (import->file);
  AdwMessageDialog *dialog;
  gint64 id;

  adw_toast_dismiss (import->progress);
  id = ga_package_import_finish (result, &error);
  if (id > 0)
    {
      g_autoptr(GaAssessment) assessment = ga_store_get_assessment (_ga_window_get_store (self), id, NULL);
      g_autofree char *title = NULL;
      AdwToast *toast;

      ga_window_reload (self);
      ga_window_open_assessment (self, id);
      title = g_strdup_printf (_("Imported “%s”"), assessment ? assessment->title : name);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 6);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_task_return_int (import->outer, id);
      package_import_free (import);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      AdwToast *toast = adw_toast_new (_("The import was cancelled; nothing was imported"));

      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_task_return_error (import->outer, g_steal_pointer (&error));
      package_import_free (import);
      return;
    }

  if ((import->flags & GA_PACKAGE_IMPORT_AS_COPY) == 0
      && g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS))
    {
      /* The store refuses to overwrite: the user decides whether a second
       * copy is what they want. */
      dialog = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (GTK_WINDOW (self), _("Assessment Already in This Database"),
                                  NULL));
      adw_message_dialog_format_body (
          dialog,
          _("The assessment in “%s” is already in this database. Nothing was imported.\n\n"
            "Import it as a copy to keep both: the copy is a new assessment with “(copy)” "
            "after its title. The enterprise is kept as it is."),
          name);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "copy",
                                        _("Import as _Copy"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "copy");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (package_exists_response_cb), import);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Damaged, foreign or newer files: the store's message says which and
   * what to do; it can be long (one line per damaged part). */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Package Not Imported"), NULL));
  {
    g_autofree char *summary = NULL;

    /* The store's message has the details, in the words the command line
     * uses; the sentence before it says what happened in the user's
     * language. */
    if (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_STORE)
        || g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT))
      summary = g_strdup_printf (_("“%s” is not a GreenAssess package, or it is damaged. "
                                   "Nothing was imported."),
                                 name);
    else if (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_NEWER))
      summary = g_strdup_printf (_("“%s” was written by a newer version of GreenAssess. "
                                   "Nothing was imported; update GreenAssess to import it."),
                                 name);
    else
      summary = g_strdup_printf (_("“%s” was not imported."), name);
    adw_message_dialog_format_body (dialog, "%s\n\n%s", summary, error->message);
  }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_task_return_error (import->outer, g_steal_pointer (&error));
  package_import_free (import);
}

static void
start_package_import (PackageImport        *import,
                      GaPackageImportFlags  flags)
{
  g_autofree char *path = g_file_get_path (import->file);

  /* A fresh cancellable per attempt: the first one may have been used. */
  g_clear_object (&import->cancellable);
  import->cancellable = g_cancellable_new ();
  import->flags = flags;
  g_clear_object (&import->progress);
  import->progress = ga_progress_toast_new (_("Importing the package…"), import->cancellable);
  adw_toast_overlay_add_toast (import->self->toast_overlay, g_object_ref (import->progress));
  ga_package_import_async (_ga_window_get_store (import->self), path, flags, import->cancellable,
                           package_imported_cb, import);
}

void
ga_window_import_package (GaWindow            *self,
                          GFile               *file,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  PackageImport *import;
  g_autofree char *path = NULL;

  g_return_if_fail (GA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  import = g_new0 (PackageImport, 1);
  import->self = g_object_ref (self);
  import->file = g_object_ref (file);
  import->outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (import->outer, ga_window_import_package);

  path = g_file_get_path (file);
  if (_ga_window_get_store (self) == NULL || path == NULL)
    {
      GError *error = g_error_new_literal (
          G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
          _("Only packages on this computer's disks can be imported"));

      _ga_window_show_error_toast (self, _("The package was not imported"), error);
      g_task_return_error (import->outer, error);
      package_import_free (import);
      return;
    }
  start_package_import (import, GA_PACKAGE_IMPORT_DEFAULT);
}

gint64
ga_window_import_package_finish (GaWindow      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}

static void
package_chosen_cb (GtkNativeDialog *native,
                   int              response,
                   GaWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        ga_window_import_package (self, file, NULL, NULL);
    }
  g_object_unref (native);
  g_object_unref (self);
}

void
_ga_window_import_package_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Package"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("GreenAssess packages"));
  gtk_file_filter_add_suffix (filter, GA_PACKAGE_SUFFIX + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (package_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
