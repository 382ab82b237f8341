/* ga-workspace-actions.c: the actions of the workspace
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ws.undo, ws.redo, ws.export, ws.check, ws.export-report,
 * ws.print-report, ws.export-package, ws.set-final, ws.reopen, ws.delete,
 * ws.search, ws.toggle-summary, ws.show-history and ws.compare, with their shortcuts,
 * and when each is enabled.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-compare-window.h"
#include "ga-narrative.h"
#include "ga-workspace-private.h"

/* ------------------------------------------------------------------ */
/* Enabled or not                                                       */

void
_ga_workspace_update_actions (GaWorkspace *self)
{
  gboolean have = self->session != NULL;
  gboolean read_only = have && ga_session_is_read_only (self->session);
  /* A database nobody may write (a USB stick, a share): the assessment can
   * be read and exported, and nothing offers a change. */
  GaStore *store = have ? ga_session_get_store (self->session) : NULL;
  gboolean store_read_only = store != NULL && ga_store_is_read_only (store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.undo",
                                 have && ga_session_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.redo",
                                 have && ga_session_can_redo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.export", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.check", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.compare", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.export-report", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.print-report", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.export-package", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.delete", have && !store_read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.set-final", have && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.reopen",
                                 have && read_only && !store_read_only);
  if (store_read_only)
    {
      g_autofree char *text =
        g_strdup_printf (_("The database is open for reading only (%s): this assessment can be "
                           "read and exported, not changed."),
                         _(ga_store_get_read_only_reason (store)));

      gtk_label_set_text (self->final_label, text);
    }
  else
    gtk_label_set_text (self->final_label, _("This assessment is final and cannot be changed."));
  gtk_widget_set_visible (self->reopen_button, !store_read_only);
  gtk_revealer_set_reveal_child (self->final_revealer, read_only);
}

static void
undo_or_redo (GaWorkspace *self,
              gboolean     redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  GaHistorySubject subject = GA_HISTORY_ANSWER;
  const char *title = NULL;
  g_autofree char *label = NULL;
  AdwToast *toast;

  if (self->session == NULL)
    return;
  /* A pending text edit is saved first, so that undo undoes it. */
  _ga_workspace_flush_rows (self);

  if (!ga_session_undo_change (self->session, redo, &subject, &key, &error))
    {
      if (!g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY))
        _ga_workspace_toast_error (self, redo ? _("Redo failed") : _("Undo failed"), error);
      return;
    }
  if (key == NULL)
    return;
  if (subject == GA_HISTORY_NARRATIVE)
    {
      const GaNarrativePart *part =
        ga_narrative_outline_find (ga_session_get_narrative_outline (self->session), key);

      title = part != NULL ? part->title : key;
      /* Where the text changed back, if the user is looking at the texts. */
      if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "report") == 0)
        ga_narrative_page_show_part (self->narrative_page, key);
    }
  else
    {
      GaItem *item = ga_template_find_item (ga_session_get_template (self->session), key);

      if (item != NULL)
        title = label = ga_item_label (item, NULL);
    }
  if (title == NULL)
    return;
  text = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), title);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 3);
  _ga_workspace_add_toast (self, toast);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  undo_or_redo (GA_WORKSPACE (widget), FALSE);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  undo_or_redo (GA_WORKSPACE (widget), TRUE);
}

/* ------------------------------------------------------------------ */
/* Status and deletion                                                  */

static void
set_status (GaWorkspace        *self,
            GaAssessmentStatus  status)
{
  GaStore *store = ga_session_get_store (self->session);
  gint64 id = ga_session_get_id (self->session);
  g_autoptr(GaSession) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  if (!ga_store_set_assessment_status (store, id, status, &error))
    {
      _ga_workspace_toast_error (self, _("The status was not changed"), error);
      return;
    }
  /* The session caches the assessment record; open it again. */
  reloaded = ga_session_new (store, id, NULL, &error);
  if (reloaded == NULL)
    {
      _ga_workspace_toast_error (self, _("The assessment cannot be opened"), error);
      return;
    }
  ga_workspace_set_session (self, reloaded);
}

static void
set_final_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  set_status (GA_WORKSPACE (widget), GA_ASSESSMENT_FINAL);
}

static void
reopen_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  set_status (GA_WORKSPACE (widget), GA_ASSESSMENT_DRAFT);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GaWorkspace      *self)
{
  g_autoptr(GError) error = NULL;
  gint64 enterprise_id;

  if (g_strcmp0 (response, "delete") != 0 || self->session == NULL)
    return;
  enterprise_id = ga_session_get_assessment (self->session)->enterprise_id;
  if (!ga_store_delete_assessment (ga_session_get_store (self->session),
                                   ga_session_get_id (self->session), &error))
    {
      _ga_workspace_toast_error (self, _("The assessment was not deleted"), error);
      return;
    }
  ga_workspace_set_session (self, NULL);
  _ga_workspace_emit_deleted (self, enterprise_id);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);
  AdwMessageDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Delete the Assessment?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” will be deleted with its answers, history and evidence. "
                                     "This cannot be undone."),
                                  ga_session_get_assessment (self->session)->title);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_search_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "items");
  gtk_widget_grab_focus (GTK_WIDGET (self->item_search));
}

static void
toggle_summary_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);

  gtk_toggle_button_set_active (self->summary_button,
                                !gtk_toggle_button_get_active (self->summary_button));
}

static void
show_history_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (GA_WORKSPACE (widget)->view_stack, "history");
}

/* Another year of the enterprise beside this one, in a window of its
 * own (ga-compare-window.c). */
static void
compare_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);
  GaCompareWindow *window;

  if (self->session == NULL)
    return;
  _ga_workspace_flush_rows (self);
  window = ga_compare_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                  ga_session_get_store (self->session),
                                  ga_session_get_id (self->session));
  gtk_window_present (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Installing                                                           */

void
_ga_workspace_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "ws.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "ws.redo", NULL, redo_cb);
  gtk_widget_class_install_action (widget_class, "ws.export", NULL, _ga_workspace_export_action);
  gtk_widget_class_install_action (widget_class, "ws.check", NULL, _ga_workspace_check_action);
  gtk_widget_class_install_action (widget_class, "ws.export-report", NULL,
                                   _ga_workspace_report_action);
  gtk_widget_class_install_action (widget_class, "ws.print-report", NULL,
                                   _ga_workspace_print_action);
  gtk_widget_class_install_action (widget_class, "ws.export-package", NULL,
                                   _ga_workspace_export_package_action);
  gtk_widget_class_install_action (widget_class, "ws.set-final", NULL, set_final_cb);
  gtk_widget_class_install_action (widget_class, "ws.reopen", NULL, reopen_cb);
  gtk_widget_class_install_action (widget_class, "ws.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "ws.search", NULL, focus_search_cb);
  gtk_widget_class_install_action (widget_class, "ws.toggle-summary", NULL, toggle_summary_cb);
  gtk_widget_class_install_action (widget_class, "ws.show-history", NULL, show_history_cb);
  gtk_widget_class_install_action (widget_class, "ws.compare", NULL, compare_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "ws.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "ws.print-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "ws.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "ws.toggle-summary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "ws.show-history",
                                       NULL);
}

/* Undo and redo go to the store's history wherever the focus is (in a
 * text field too: its pending edit is saved first, then undone). */
void
_ga_workspace_add_shortcuts (GaWorkspace *self)
{
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                   gtk_named_action_new ("ws.undo")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                        gtk_named_action_new ("ws.redo")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                        gtk_named_action_new ("ws.redo")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}
