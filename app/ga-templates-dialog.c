/* ga-templates-dialog.c: the bundled and imported templates
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows what the New Assessment dialog will offer, with each template's
 * id, version and standard, and imports more.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-store-engine.h"
#include "ga-template-import.h"
#include "ga-templates-dialog.h"

struct _GaTemplatesDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *imported_group;
  AdwPreferencesGroup  *bundled_group;

  /* Owned references */
  GaStore              *store;
  GPtrArray            *rows;   /* GtkWidget*, the rows added to the groups */
  guint                 n_imported;
};

G_DEFINE_FINAL_TYPE (GaTemplatesDialog, ga_templates_dialog, ADW_TYPE_WINDOW)

static void
add_row (GaTemplatesDialog   *self,
         AdwPreferencesGroup *group,
         GaTemplate          *tmpl,
         const char          *imported_at)
{
  GtkWidget *row = adw_action_row_new ();
  const char *standard = ga_template_get_standard (tmpl);
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;
  const char *base_id = NULL, *base_version = NULL;

  if (imported_at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (imported_at, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

      when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (imported_at);
    }
  /* Translators: "gbt36132-2025 · version 1.0.1 · GB/T 36132-2025 · Green factory". */
  subtitle = g_strdup_printf (_("%s · version %s · %s · %s"), ga_template_get_id (tmpl),
                              ga_template_get_version (tmpl),
                              standard ? standard : _("no standard given"),
                              ga_template_kind_label (ga_template_get_kind (tmpl)));
  if (when != NULL)
    {
      /* Translators: appended to the line above: "imported 2026-11-21 14:02". */
      g_autofree char *with = g_strdup_printf (_("%s\nimported %s"), subtitle, when);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  if (ga_template_get_based_on (tmpl, &base_id, &base_version, NULL))
    {
      /* Translators: appended to the line above: "extends gbt36132-2025 1.0.1". */
      g_autofree char *with = g_strdup_printf (_("%s\nextends %s %s"), subtitle, base_id,
                                               base_version);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  if (!ga_template_get_verified (tmpl))
    {
      g_autofree char *with
          = g_strdup_printf ("%s\n%s", subtitle,
                             _("Contains values not verified against the official text"));

      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ga_text_get (ga_template_get_title (tmpl), NULL));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (GaTemplatesDialog *self)
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
ga_templates_dialog_reload (GaTemplatesDialog *self)
{
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) bundled = ga_template_list_bundled ();

  g_return_if_fail (GA_IS_TEMPLATES_DIALOG (self));

  clear_rows (self);
  self->n_imported = 0;
  imported = ga_store_list_templates (self->store, &error);
  for (guint i = 0; imported != NULL && i < imported->len; i++)
    {
      GaTemplateInfo *info = g_ptr_array_index (imported, i);
      g_autoptr (GaTemplate) tmpl
          = ga_store_load_imported_template (self->store, info->id, info->version, NULL);

      if (tmpl == NULL)
        continue;
      add_row (self, self->imported_group, tmpl, info->imported_at);
      self->n_imported++;
    }
  if (self->n_imported == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? _("The imported templates cannot be listed")
                                           : _("No imported templates"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   error ? error->message
                                         : _("Import a template file (JSON) with Import…"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->imported_group, row);
      g_ptr_array_add (self->rows, row);
    }

  for (guint i = 0; bundled != NULL && bundled[i] != NULL; i++)
    {
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (bundled[i], NULL);

      if (tmpl != NULL)
        add_row (self, self->bundled_group, tmpl, NULL);
    }
}

typedef struct {
  GaTemplatesDialog   *self;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} ImportData;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;

  ga_templates_dialog_reload (data->self);
  if (data->callback != NULL)
    data->callback (source, result, data->user_data);
  g_object_unref (data->self);
  g_free (data);
}

static ImportData *
import_data_new (GaTemplatesDialog   *self,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  ImportData *data = g_new0 (ImportData, 1);

  data->self = g_object_ref (self);
  data->callback = callback;
  data->user_data = user_data;
  return data;
}

void
ga_templates_dialog_import (GaTemplatesDialog   *self,
                            GFile               *file,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (GA_IS_TEMPLATES_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  ga_template_import_file (GTK_WINDOW (self), self->store, file, self->toast_overlay,
                           import_done_cb, import_data_new (self, callback, user_data));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GaTemplatesDialog *self = GA_TEMPLATES_DIALOG (widget);

  ga_template_import_choose (GTK_WINDOW (self), self->store, self->toast_overlay, import_done_cb,
                             import_data_new (self, NULL, NULL));
}

guint
ga_templates_dialog_get_n_imported (GaTemplatesDialog *self)
{
  g_return_val_if_fail (GA_IS_TEMPLATES_DIALOG (self), 0);

  return self->n_imported;
}

static void
ga_templates_dialog_dispose (GObject *object)
{
  GaTemplatesDialog *self = GA_TEMPLATES_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_TEMPLATES_DIALOG);

  G_OBJECT_CLASS (ga_templates_dialog_parent_class)->dispose (object);
}

static void
ga_templates_dialog_finalize (GObject *object)
{
  GaTemplatesDialog *self = GA_TEMPLATES_DIALOG (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ga_templates_dialog_parent_class)->finalize (object);
}

static void
ga_templates_dialog_class_init (GaTemplatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_templates_dialog_dispose;
  object_class->finalize = ga_templates_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-templates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GaTemplatesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GaTemplatesDialog, imported_group);
  gtk_widget_class_bind_template_child (widget_class, GaTemplatesDialog, bundled_group);

  gtk_widget_class_install_action (widget_class, "templates.import", NULL, import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "templates.import", NULL);
}

static void
ga_templates_dialog_init (GaTemplatesDialog *self)
{
  /* The rows are borrowed: the groups own them. */
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GaTemplatesDialog *
ga_templates_dialog_new (GtkWindow *parent,
                         GaStore   *store)
{
  GaTemplatesDialog *self;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  self = g_object_new (GA_TYPE_TEMPLATES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  ga_templates_dialog_reload (self);
  return self;
}
