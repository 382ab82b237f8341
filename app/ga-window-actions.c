/* ga-window-actions.c: the actions of the main window
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.new-enterprise, win.edit-enterprise, win.delete-enterprise,
 * win.new-assessment, win.open-demo, win.export-all, win.import-package,
 * win.import-template, win.templates, win.toggle-sidebar,
 * win.search-enterprises and win.help (F1, the user guide), with their shortcuts, and when each is enabled.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-batch-export.h"
#include "ga-enterprise-dialog.h"
#include "ga-help-window.h"
#include "ga-new-assessment-dialog.h"
#include "ga-template-import.h"
#include "ga-refvalues-dialog.h"
#include "ga-templates-dialog.h"
#include "ga-window-private.h"

void
_ga_window_update_actions (GaWindow *self)
{
  gboolean have_store = _ga_window_get_store (self) != NULL;
  gboolean writable = have_store && !ga_store_is_read_only (_ga_window_get_store (self));
  gboolean have_enterprise = have_store && _ga_window_selected_enterprise_id (self) > 0;

  /* Reading and exporting work on a read-only database; what would write
   * is not offered. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-enterprise", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-all", have_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-package", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-template", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.templates", have_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refvalues", have_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-assessment",
                                 have_enterprise && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-enterprise",
                                 have_enterprise && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-enterprise",
                                 have_enterprise && writable);
}

static void
enterprise_saved_cb (GaWindow *self,
                     gint64    id)
{
  self->shown_enterprise = id;
  self->shown_assessment = 0;
  ga_window_reload (self);
  _ga_window_show_enterprise (self, id);
}

static void
new_enterprise_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);
  GaEnterpriseDialog *dialog;

  dialog = ga_enterprise_dialog_new (GTK_WINDOW (self), _ga_window_get_store (self), NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (enterprise_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_enterprise_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);
  g_autoptr(GaEnterprise) enterprise = NULL;
  g_autoptr(GError) error = NULL;
  GaEnterpriseDialog *dialog;

  enterprise = ga_store_get_enterprise (_ga_window_get_store (self), _ga_window_selected_enterprise_id (self), &error);
  if (enterprise == NULL)
    {
      _ga_window_show_error_toast (self, _("The enterprise cannot be edited"), error);
      return;
    }
  dialog = ga_enterprise_dialog_new (GTK_WINDOW (self), _ga_window_get_store (self), enterprise);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (enterprise_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  GaWindow *self = GA_WINDOW (user_data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "enterprise-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!ga_store_delete_enterprise (_ga_window_get_store (self), id, &error))
    {
      _ga_window_show_error_toast (self, _("The enterprise was not deleted"), error);
      return;
    }
  self->shown_enterprise = 0;
  self->shown_assessment = 0;
  ga_workspace_set_session (self->workspace, NULL);
  adw_view_stack_set_visible_child_name (self->content_stack, "empty");
  ga_window_reload (self);
}

static void
delete_enterprise_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);
  g_autoptr(GaEnterprise) enterprise = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 id = _ga_window_selected_enterprise_id (self);

  enterprise = ga_store_get_enterprise (_ga_window_get_store (self), id, &error);
  if (enterprise == NULL)
    {
      _ga_window_show_error_toast (self, _("The enterprise cannot be deleted"), error);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Delete the Enterprise?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” will be deleted with all its assessments, answers, "
                                    "history and evidence. This cannot be undone."),
                                  enterprise->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "enterprise-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
assessment_created_cb (GaWindow *self,
                       gint64    assessment_id)
{
  GaStore *store = _ga_window_get_store (self);
  g_autoptr(GaAssessment) assessment = ga_store_get_assessment (store, assessment_id, NULL);

  if (assessment == NULL)
    return;
  ga_window_reload (self);
  self->reloading = TRUE;
  _ga_window_select_row (self, assessment->enterprise_id, assessment_id);
  self->reloading = FALSE;
  _ga_window_open_assessment (self, assessment_id);
}

static void
new_assessment_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GaNewAssessmentDialog *dialog;

  dialog = ga_new_assessment_dialog_new (GTK_WINDOW (self), _ga_window_get_store (self),
                                         _ga_window_selected_enterprise_id (self),
                                         ga_application_get_settings (GA_APPLICATION (app)));
  g_signal_connect_object (dialog, "created", G_CALLBACK (assessment_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_demo_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);
  GaStore *store = _ga_window_get_store (self);
  g_autoptr(GaEnterprise) demo = NULL;
  g_autoptr(GError) error = NULL;

  if (!ga_store_create_demo (store, &error))
    {
      _ga_window_show_error_toast (self, _("The demo data cannot be created"), error);
      return;
    }
  demo = ga_store_find_enterprise (store, GA_STORE_DEMO_CREDIT_CODE, NULL);
  self->shown_enterprise = demo ? demo->id : 0;
  self->shown_assessment = 0;
  ga_window_reload (self);
  if (demo != NULL)
    _ga_window_show_enterprise (self, demo->id);
}

static void
export_all_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);

  ga_batch_export_run (GTK_WINDOW (self), _ga_window_get_store (self), 0, self->toast_overlay);
}

static void
import_template_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);

  ga_template_import_choose (GTK_WINDOW (self), _ga_window_get_store (self), self->toast_overlay, NULL, NULL);
}

static void
templates_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ga_templates_dialog_new (GTK_WINDOW (self), _ga_window_get_store (self))));
}

static void
refvalues_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);
  GaSession *session = self->workspace != NULL ? ga_workspace_get_session (self->workspace) : NULL;

  gtk_window_present (GTK_WINDOW (ga_refvalues_dialog_new (GTK_WINDOW (self),
                                                           _ga_window_get_store (self), session)));
}

static void
help_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (ga_help_window_new (GTK_WINDOW (widget))));
}

static void
toggle_sidebar_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GaWindow *self = GA_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_ga_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-enterprise", NULL, new_enterprise_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-enterprise", NULL, edit_enterprise_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-enterprise", NULL,
                                   delete_enterprise_cb);
  gtk_widget_class_install_action (widget_class, "win.new-assessment", NULL, new_assessment_cb);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_cb);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_all_cb);
  gtk_widget_class_install_action (widget_class, "win.import-package", NULL,
                                   _ga_window_import_package_action);
  gtk_widget_class_install_action (widget_class, "win.import-template", NULL, import_template_cb);
  gtk_widget_class_install_action (widget_class, "win.templates", NULL, templates_cb);
  gtk_widget_class_install_action (widget_class, "win.refvalues", NULL, refvalues_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_cb);
  gtk_widget_class_install_action (widget_class, "win.search-enterprises", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "win.search-enterprises", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-enterprise", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-assessment", NULL);
}
