/* ga-template-import.c: importing a template file, its problems shown
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A consultant adapting a template to a province's variant imports it over
 * and over until it loads: every problem must be shown at once, each with
 * the JSON path that leads to it, in a list that scrolls however many
 * there are. Nothing is stored until the file has no problem at all.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ga-template-import.h"

/* The template loader refuses files above ga_template_get_max_bytes()
 * (64 MB unless GREENASSESS_TEMPLATE_MAX_MB raises it); checking first
 * keeps a huge file chosen by mistake out of memory. */

typedef struct {
  /* In */
  GFile      *file;
  char       *db_path;
  char       *author;
  /* Out */
  GaTemplate *tmpl;
  gboolean    was_new;     /* FALSE: the same bytes were imported before */
  GPtrArray  *problems;    /* char*, "path: message" */
  GError     *error;
  /* The dialog and the toast */
  GtkWindow       *parent;
  AdwToastOverlay *overlay;
} Import;

static void
import_free (gpointer data)
{
  Import *import = data;

  g_clear_object (&import->file);
  g_free (import->db_path);
  g_free (import->author);
  g_clear_pointer (&import->tmpl, ga_template_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_error (&import->error);
  g_clear_object (&import->parent);
  g_clear_object (&import->overlay);
  g_free (import);
}

static char *
display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  char *name = base ? g_filename_display_name (base) : NULL;

  return name ? name : g_file_get_parse_name (file);
}

/* True when the exact bytes @hash (SHA-256, as a template's content hash)
 * are among the imported versions of any template. */
static gboolean
already_imported (GaStore    *store,
                  const char *hash)
{
  g_autoptr(GPtrArray) templates = ga_store_list_templates (store, NULL);

  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      GaTemplateInfo *latest = g_ptr_array_index (templates, i);
      g_autoptr (GPtrArray) versions
          = ga_store_list_template_versions (store, latest->id, NULL);

      for (guint j = 0; versions != NULL && j < versions->len; j++)
        if (g_strcmp0 (((GaTemplateInfo *) g_ptr_array_index (versions, j))->hash, hash) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *import = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *origin = NULL;
  gsize length = 0;

  import->problems = g_ptr_array_new_with_free_func (g_free);
  info = g_file_query_info (import->file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable,
                            &import->error);
  if (info == NULL)
    goto out;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (&import->error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is not a file. Choose a template file (JSON)."));
      goto out;
    }
  if ((guint64) g_file_info_get_size (info) > ga_template_get_max_bytes ())
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (&import->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The file is %s; templates are limited to %d MB."), size,
                   (int) (ga_template_get_max_bytes () / (1024 * 1024)));
      goto out;
    }
  if (!g_file_load_contents (import->file, cancellable, &contents, &length, NULL, &import->error))
    goto out;

  /* Every problem, as a list, before anything is stored. */
  {
    g_autoptr(GPtrArray) problems = ga_template_validate_data (contents, length, &import->error);

    if (problems == NULL)
      goto out;
    for (guint i = 0; i < problems->len; i++)
      g_ptr_array_add (import->problems, g_strdup (g_ptr_array_index (problems, i)));
    if (problems->len > 0)
      {
        g_set_error (&import->error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "The template has %u problem",
                                  "The template has %u problems", problems->len),
                     problems->len);
        goto out;
      }
  }

  store = ga_store_open (import->db_path, &import->error);
  if (store == NULL)
    goto out;
  ga_store_set_author (store, import->author);
  origin = g_file_get_parse_name (import->file);
  {
    g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents,
                                                         length);

    import->was_new = !already_imported (store, hash);
  }
  import->tmpl = ga_store_import_template (store, contents, length, origin, &import->error);

out:
  g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------ */
/* The problems dialog                                                  */

/* Splits "sections[0].items[1].value: unknown item" into the path and the
 * message (and returns TRUE: @where is a JSON path); "2:15: expected …"
 * (the JSON parser's line and column) gets a readable position. A message
 * without either comes back whole. */
static gboolean
split_problem (const char  *problem,
               char       **where,
               char       **what)
{
  const char *colon = strstr (problem, ": ");
  char *end = NULL;
  long line, column;

  *where = NULL;
  *what = NULL;
  line = strtol (problem, &end, 10);
  if (end != problem && *end == ':' && line > 0)
    {
      const char *rest = end + 1;

      column = strtol (rest, &end, 10);
      if (end != rest && end[0] == ':' && end[1] == ' ' && column > 0)
        {
          /* Translators: where a JSON syntax error is. */
          *where = g_strdup_printf (_("line %ld, column %ld"), line, column);
          *what = g_strdup (end + 2);
          return FALSE;
        }
    }
  /* A JSON path has no blanks; a sentence before ": " is not one. */
  if (colon != NULL && colon != problem && memchr (problem, ' ', colon - problem) == NULL)
    {
      *where = g_strndup (problem, colon - problem);
      *what = g_strdup (colon + 2);
      return TRUE;
    }
  *what = g_strdup (problem);
  return FALSE;
}

static GtkWidget *
problem_row (const char *problem)
{
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label;
  gboolean is_path;

  is_path = split_problem (problem, &where, &what);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  if (where != NULL)
    {
      label = gtk_label_new (where);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      if (is_path)
        gtk_widget_add_css_class (label, "monospace");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "ga-problem-path");
      gtk_box_append (GTK_BOX (box), label);
    }
  label = gtk_label_new (what);
  /* A natural width below the list's keeps the natural height (which
   * sizes the scrolled list) true to the lines the text wraps into. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* A screen reader reads the row as one sentence, path first. */
  name = where ? g_strdup_printf ("%s: %s", where, what) : g_strdup (what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
unref_problems_cb (gpointer  data,
                   GClosure *closure)
{
  g_ptr_array_unref (data);
}

static void
problems_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GPtrArray        *problems)
{
  g_autoptr(GString) text = NULL;

  if (g_strcmp0 (response, "copy") != 0)
    return;
  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (problems, i));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), text->str);
}

GtkWindow *
ga_template_problems_dialog_new (GtkWindow  *parent,
                                 const char *name,
                                 GPtrArray  *problems)
{
  AdwMessageDialog *dialog;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *body = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Template Not Imported"), NULL));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” has %u problem. Nothing was imported: correct it "
                                       "and import the file again.",
                                       "“%s” has %u problems. Nothing was imported: correct "
                                       "them and import the file again.",
                                       problems->len),
                          name, problems->len);
  adw_message_dialog_set_body (dialog, body);

  gtk_widget_set_name (list, "problem_list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems found in the template"), -1);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), problem_row (g_ptr_array_index (problems, i)));

  /* Grows with the list up to a height that leaves the buttons on screen,
   * then scrolls. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  /* JSON paths and messages are long: a message dialog's usual width would
   * wrap every one over three lines. */
  gtk_widget_set_size_request (scrolled, 520, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_add_css_class (scrolled, "ga-problem-list");
  adw_message_dialog_set_extra_child (dialog, scrolled);

  adw_message_dialog_add_responses (dialog, "copy", _("C_opy Problems"), "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (problems_response_cb),
                         g_ptr_array_ref (problems), unref_problems_cb, 0);
  return GTK_WINDOW (dialog);
}

/* ------------------------------------------------------------------ */
/* The flow                                                             */

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *outer = user_data;
  Import *import = g_task_get_task_data (outer);
  g_autofree char *name = display_name (import->file);

  g_task_propagate_boolean (G_TASK (result), NULL);
  if (import->tmpl != NULL)
    {
      g_autofree char *title = NULL;

      if (import->was_new)
        /* Translators: "Imported the template “Green factory …” 1.2.0". */
        title = g_strdup_printf (_("Imported the template “%s” %s"),
                                 ga_text_get (ga_template_get_title (import->tmpl), NULL),
                                 ga_template_get_version (import->tmpl));
      else
        title = g_strdup_printf (_("The template “%s” %s was already imported"),
                                 ga_text_get (ga_template_get_title (import->tmpl), NULL),
                                 ga_template_get_version (import->tmpl));
      if (import->overlay != NULL)
        {
          AdwToast *toast = adw_toast_new (title);

          adw_toast_set_timeout (toast, 6);
          adw_toast_overlay_add_toast (import->overlay, toast);
        }
      g_task_return_pointer (outer, ga_template_ref (import->tmpl),
                             (GDestroyNotify) ga_template_unref);
    }
  else
    {
      GtkWindow *dialog;

      /* A failure that is not a list of problems (unreadable file, not
       * JSON, a version clash in the store) is shown the same way, as one
       * problem. */
      if (import->problems->len == 0)
        g_ptr_array_add (import->problems, g_strdup (import->error->message));
      dialog = ga_template_problems_dialog_new (import->parent, name, import->problems);
      gtk_window_present (dialog);
      g_task_return_error (outer, g_steal_pointer (&import->error));
    }
  g_object_unref (outer);
}

void
ga_template_import_file (GtkWindow           *parent,
                         GaStore             *store,
                         GFile               *file,
                         AdwToastOverlay     *overlay,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *outer;
  Import *import;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (GA_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  import = g_new0 (Import, 1);
  import->file = g_object_ref (file);
  import->db_path = g_strdup (ga_store_get_path (store));
  import->author = g_strdup (ga_store_get_author (store));
  import->parent = parent ? g_object_ref (parent) : NULL;
  import->overlay = overlay ? g_object_ref (overlay) : NULL;

  /* The caller's task shares the data; the worker's only runs the thread. */
  outer = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (outer, ga_template_import_file);
  g_task_set_task_data (outer, import, import_free);
  worker = g_task_new (NULL, NULL, import_done_cb, outer);
  g_task_set_task_data (worker, import, NULL);
  g_task_run_in_thread (worker, import_thread);
}

GaTemplate *
ga_template_import_finish (GAsyncResult  *result,
                           GPtrArray    **problems,
                           GError       **error)
{
  Import *import;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ga_template_import_file, NULL);

  import = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = import->problems ? g_ptr_array_ref (import->problems) : NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GtkWindow           *parent;
  GaStore             *store;
  AdwToastOverlay     *overlay;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} Choose;

static void
choose_free (Choose *choose)
{
  g_clear_object (&choose->parent);
  g_clear_object (&choose->store);
  g_clear_object (&choose->overlay);
  g_free (choose);
}

static void
chosen_cb (GtkNativeDialog *native,
           int              response,
           gpointer         user_data)
{
  Choose *choose = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file != NULL)
    ga_template_import_file (choose->parent, choose->store, file, choose->overlay,
                             choose->callback, choose->user_data);
  else if (choose->callback != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, choose->callback, choose->user_data);

      g_task_set_source_tag (task, ga_template_import_file);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
    }
  choose_free (choose);
}

void
ga_template_import_choose (GtkWindow           *parent,
                           GaStore             *store,
                           AdwToastOverlay     *overlay,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  Choose *choose;

  g_return_if_fail (GA_IS_STORE (store));

  native = gtk_file_chooser_native_new (_("Import Template"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Templates (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);

  choose = g_new0 (Choose, 1);
  choose->parent = parent ? g_object_ref (parent) : NULL;
  choose->store = g_object_ref (store);
  choose->overlay = overlay ? g_object_ref (overlay) : NULL;
  choose->callback = callback;
  choose->user_data = user_data;
  g_signal_connect (native, "response", G_CALLBACK (chosen_cb), choose);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
