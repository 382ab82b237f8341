/* ga-refvalues-dialog.c: the reference tables of baselines and leading
 * values, and their import
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the imported tables (with a button that removes one) and the
 * bundled ones, and imports a CSV or XLSX sheet or a table's JSON file
 * (ga-refvalues-import.c). A sheet with rows that cannot be read is not
 * imported; the rows are listed so that they can be corrected.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-refvalues-dialog.h"
#include "ga-refvalues-import.h"
#include "ga-store-engine.h"

struct _GaRefvaluesDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *imported_group;
  AdwPreferencesGroup  *bundled_group;

  GaStore              *store;
  GaSession            *session;
  GPtrArray            *rows;   /* GtkWidget*, borrowed: the groups own them */
  GtkNativeDialog      *chooser;
};

G_DEFINE_FINAL_TYPE (GaRefvaluesDialog, ga_refvalues_dialog, ADW_TYPE_WINDOW)

static void
toast (GaRefvaluesDialog *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The open assessment takes its values from the tables as they now are. */
static void
changed (GaRefvaluesDialog *self)
{
  g_autoptr(GError) error = NULL;

  ga_refvalues_dialog_reload (self);
  if (self->session != NULL && !ga_session_reload_ref_tables (self->session, &error))
    toast (self, error->message);
}

static void
remove_clicked_cb (GtkButton         *button,
                   GaRefvaluesDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "store-id"));
  g_autoptr(GError) error = NULL;

  if (!ga_store_remove_ref_table (self->store, id, &error))
    {
      toast (self, error->message);
      return;
    }
  changed (self);
  toast (self, _("Reference table removed"));
}

static void
add_row (GaRefvaluesDialog   *self,
         AdwPreferencesGroup *group,
         const GaRefTable    *table)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: "version 2026 · 12 rows · not verified\nsource …". */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "version %s · %u row · %s%s%s",
                                           "version %s · %u rows · %s%s%s", table->rows->len),
                              table->version, table->rows->len,
                              table->verified ? _("verified") : _("not verified"),
                              table->source != NULL ? "\n" : "",
                              table->source != NULL ? table->source : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), table->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (!table->bundled)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), table->name);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (remove), "store-id", GSIZE_TO_POINTER (table->store_id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (GaRefvaluesDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

void
ga_refvalues_dialog_reload (GaRefvaluesDialog *self)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  g_return_if_fail (GA_IS_REFVALUES_DIALOG (self));

  clear_rows (self);
  tables = ga_store_ref_tables_in_use (self->store, &error);
  for (guint i = 0; tables != NULL && i < tables->len; i++)
    {
      const GaRefTable *table = tables->pdata[i];
      add_row (self, table->bundled ? self->bundled_group : self->imported_group, table);
      n_imported += table->bundled ? 0 : 1;
    }
  if (n_imported == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? _("The reference tables cannot be listed")
                                           : _("No imported reference tables"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   error ? error->message
                                         : _("Import a CSV or XLSX sheet with Import…"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->imported_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* The rows that could not be read, in a message the user can act on. */
static void
show_skipped (GaRefvaluesDialog *self,
              const char        *path,
              GPtrArray         *skipped)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *shown = g_filename_display_basename (path);
  GtkWidget *dialog;

  for (guint i = 0; i < skipped->len && i < 20; i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", (char *) skipped->pdata[i]);
  if (skipped->len > 20)
    g_string_append_printf (body, _("\nand %u more"), skipped->len - 20);
  g_string_append (body, _("\n\nNothing was imported. Correct these rows in the sheet and "
                           "import it again."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, body->str);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Rows of %s cannot be read"), shown);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ga_refvalues_dialog_import_path (GaRefvaluesDialog *self,
                                 const char        *path)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaRefTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (GA_IS_REFVALUES_DIALOG (self), FALSE);

  table = ga_ref_table_import_file (path, NULL, skipped, &error);
  if (table == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  if (skipped->len > 0)
    {
      show_skipped (self, path, skipped);
      return FALSE;
    }
  if (ga_store_put_ref_table (self->store, table, &error) == 0)
    {
      toast (self, error->message);
      return FALSE;
    }
  changed (self);
  done = g_strdup_printf (_("Imported %s"), table->name);
  toast (self, done);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     GaRefvaluesDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        ga_refvalues_dialog_import_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GaRefvaluesDialog *self = GA_REFVALUES_DIALOG (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Sheets and reference tables (CSV, XLSX, JSON)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "json");
  chooser = gtk_file_chooser_native_new (_("Import Reference Table"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
ga_refvalues_dialog_dispose (GObject *object)
{
  GaRefvaluesDialog *self = GA_REFVALUES_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_REFVALUES_DIALOG);

  G_OBJECT_CLASS (ga_refvalues_dialog_parent_class)->dispose (object);
}

static void
ga_refvalues_dialog_finalize (GObject *object)
{
  GaRefvaluesDialog *self = GA_REFVALUES_DIALOG (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ga_refvalues_dialog_parent_class)->finalize (object);
}

static void
ga_refvalues_dialog_class_init (GaRefvaluesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_refvalues_dialog_dispose;
  object_class->finalize = ga_refvalues_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-refvalues-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GaRefvaluesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GaRefvaluesDialog, imported_group);
  gtk_widget_class_bind_template_child (widget_class, GaRefvaluesDialog, bundled_group);

  gtk_widget_class_install_action (widget_class, "refvalues.import", NULL, import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "refvalues.import", NULL);
}

static void
ga_refvalues_dialog_init (GaRefvaluesDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GaRefvaluesDialog *
ga_refvalues_dialog_new (GtkWindow *parent,
                         GaStore   *store,
                         GaSession *session)
{
  GaRefvaluesDialog *self;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  self = g_object_new (GA_TYPE_REFVALUES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  ga_refvalues_dialog_reload (self);
  return self;
}
