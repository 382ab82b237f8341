/* ga-check-dialog.c: the pre-submission check, shown before an export or
 * on request; each finding leads to its item
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-check.h"
#include "ga-check-dialog.h"

struct _GaCheckDialog
{
  AdwWindow   parent_instance;

  GtkWidget  *continue_button;
  GtkLabel   *summary_label;
  GtkListBox *finding_list;

  guint       n_findings;
};

enum {
  SIGNAL_CONTINUE,
  SIGNAL_SHOW_ITEM,
  SIGNAL_SHOW_PART,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaCheckDialog, ga_check_dialog, ADW_TYPE_WINDOW)

static const char *
kind_label (GaCheckKind kind)
{
  switch (kind)
    {
    case GA_CHECK_UNANSWERED:
      return _("Not answered");
    case GA_CHECK_NA_REASON:
      return _("不适用 without a reason");
    case GA_CHECK_EVIDENCE:
      return _("No evidence");
    case GA_CHECK_UNVERIFIED:
      return _("Unverified value");
    case GA_CHECK_ERROR:
      return _("Cannot be computed");
    case GA_CHECK_ENTERPRISE:
      return _("Enterprise information");
    case GA_CHECK_NARRATIVE:
      return _("Report text (a warning)");
    case GA_CHECK_RANGE:
      return _("Outside the plausible range");
    default:
      return "";
    }
}

static void
continue_clicked_cb (GaCheckDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_CONTINUE], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_activated_cb (GaCheckDialog *self,
                  GtkListBoxRow *row)
{
  const char *item_id = g_object_get_data (G_OBJECT (row), "item-id");
  const char *part = g_object_get_data (G_OBJECT (row), "part-key");

  if (item_id != NULL)
    g_signal_emit (self, signals[SIGNAL_SHOW_ITEM], 0, item_id);
  else if (part != NULL)
    g_signal_emit (self, signals[SIGNAL_SHOW_PART], 0, part);
  else
    return;
  gtk_window_close (GTK_WINDOW (self));
}

static void
ga_check_dialog_class_init (GaCheckDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * GaCheckDialog::continue:
   *
   * The user chose to go on (export) whatever the findings.
   */
  signals[SIGNAL_CONTINUE] = g_signal_new ("continue", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  /**
   * GaCheckDialog::show-item:
   * @item_id: the item a finding is about
   */
  signals[SIGNAL_SHOW_ITEM] = g_signal_new ("show-item", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * GaCheckDialog::show-part:
   * @part: the key of a report part without text of the user's
   */
  signals[SIGNAL_SHOW_PART] = g_signal_new ("show-part", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/greenassess/GreenAssess/ui/"
                                               "ga-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GaCheckDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, GaCheckDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GaCheckDialog, finding_list);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ga_check_dialog_init (GaCheckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
finding_row (const GaCheckFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (finding->kind));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (finding->item != NULL || finding->kind == GA_CHECK_NARRATIVE)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      if (finding->item != NULL)
        g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (finding->item->id), g_free);
      else
        g_object_set_data_full (G_OBJECT (row), "part-key", g_strdup (finding->field), g_free);
    }
  return row;
}

GaCheckDialog *
ga_check_dialog_new (GtkWindow  *parent,
                     GaSession  *session,
                     const char *continue_label)
{
  GaCheckDialog *self;
  g_autoptr(GPtrArray) findings = NULL;
  guint n_warnings = 0;

  g_return_val_if_fail (GA_IS_SESSION (session), NULL);

  self = g_object_new (GA_TYPE_CHECK_DIALOG, "transient-for", parent, NULL);
  findings = ga_check_session (session);
  self->n_findings = findings->len;
  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (self->finding_list, finding_row (g_ptr_array_index (findings, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->finding_list), findings->len > 0);
  for (guint i = 0; i < findings->len; i++)
    if (((GaCheckFinding *) g_ptr_array_index (findings, i))->warning)
      n_warnings++;
  if (findings->len == 0)
    gtk_label_set_text (self->summary_label,
                        _("Nothing missing: every item is answered, every 不适用 has its reason, "
                          "the evidence the template asks for is attached, and the enterprise's "
                          "basic information is complete."));
  else if (findings->len == n_warnings)
    {
      g_autofree char *text
        = g_strdup_printf (ngettext ("Nothing a reviewer would send back. %u part of the report "
                                     "has no text of your own: the report shows only the "
                                     "generated figures there. Choose it to write it.",
                                     "Nothing a reviewer would send back. %u parts of the report "
                                     "have no text of your own: the report shows only the "
                                     "generated figures there. Choose one to write it.",
                                     n_warnings), n_warnings);

      gtk_label_set_text (self->summary_label, text);
    }
  else
    {
      guint n = findings->len - n_warnings;
      g_autofree char *text
        = g_strdup_printf (ngettext ("%u thing a reviewer would send back. Choose one to go to "
                                     "its item; none of them stops an export or a print.",
                                     "%u things a reviewer would send back. Choose one to go "
                                     "to its item; none of them stops an export or a print.",
                                     n), n);

      gtk_label_set_text (self->summary_label, text);
    }
  if (continue_label != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->continue_button), continue_label);
      gtk_widget_set_visible (self->continue_button, TRUE);
    }
  return self;
}

guint
ga_check_dialog_get_n_findings (GaCheckDialog *self)
{
  g_return_val_if_fail (GA_IS_CHECK_DIALOG (self), 0);
  return self->n_findings;
}
