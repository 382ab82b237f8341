/* ga-table-dialog.c: a window to edit one table item
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-ledger-import.h"
#include "ga-table-dialog.h"
#include "ga-table-editor.h"

struct _GaTableDialog
{
  AdwWindow   parent_instance;

  /* Template widgets */
  GtkBox     *content;
  GtkLabel   *guidance;

  /* Owned references */
  GaSession  *session;
  GaItem     *item;          /* borrowed from the session's template */
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GaTableDialog, ga_table_dialog, ADW_TYPE_WINDOW)

static GaTableImportFunc import_func;

void
ga_table_dialog_set_import_func (GaTableImportFunc func)
{
  import_func = func;
}

static void
import_clicked_cb (GaTableDialog *self)
{
  if (import_func != NULL)
    import_func (GTK_WINDOW (self), self->session, self->item);
}

/* "Import Ledger…" at the start of the header bar, when the item takes a
 * ledger and the application can open its import. */
static void
add_import_button (GaTableDialog *self)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (self));
  GtkWidget *header = content ? gtk_widget_get_first_child (content) : NULL;
  GtkWidget *button;

  if (import_func == NULL || !ADW_IS_HEADER_BAR (header)
      || !ga_ledger_import_can_import (ga_session_get_template (self->session), self->item))
    return;
  button = gtk_button_new_with_mnemonic (_("_Import Ledger…"));
  gtk_widget_set_tooltip_text (button, _("Fill the table from a ledger (XLSX or CSV): a water "
                                         "ledger or a water-meter export for a water balance, an "
                                         "energy ledger for an energy table"));
  gtk_widget_set_sensitive (button, !ga_session_is_read_only (self->session));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
}

static void
ga_table_dialog_constructed (GObject *object)
{
  GaTableDialog *self = GA_TABLE_DIALOG (object);
  const char *guidance;

  G_OBJECT_CLASS (ga_table_dialog_parent_class)->constructed (object);

  g_return_if_fail (GA_IS_SESSION (self->session));
  g_return_if_fail (self->item != NULL);

  guidance = ga_text_get (&self->item->guidance, NULL);
  gtk_window_set_title (GTK_WINDOW (self), ga_text_get (&self->item->title, NULL));
  gtk_label_set_text (self->guidance, guidance ? guidance : "");
  gtk_widget_set_visible (GTK_WIDGET (self->guidance), guidance != NULL && guidance[0] != '\0');
  gtk_box_append (self->content, ga_table_editor_new (self->session, self->item, NULL));
  add_import_button (self);
}

static void
ga_table_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GaTableDialog *self = GA_TABLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ITEM:
      g_value_set_pointer (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_table_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GaTableDialog *self = GA_TABLE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      self->item = g_value_get_pointer (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_table_dialog_dispose (GObject *object)
{
  GaTableDialog *self = GA_TABLE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_TABLE_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ga_table_dialog_parent_class)->dispose (object);
}

static void
ga_table_dialog_class_init (GaTableDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ga_table_dialog_constructed;
  object_class->dispose = ga_table_dialog_dispose;
  object_class->get_property = ga_table_dialog_get_property;
  object_class->set_property = ga_table_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ITEM] =
    g_param_spec_pointer ("item", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                          | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-table-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GaTableDialog, content);
  gtk_widget_class_bind_template_child (widget_class, GaTableDialog, guidance);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ga_table_dialog_init (GaTableDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
ga_table_dialog_new (GtkWindow *parent,
                     GaSession *session,
                     GaItem    *item)
{
  g_return_val_if_fail (GA_IS_SESSION (session), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  return g_object_new (GA_TYPE_TABLE_DIALOG, "transient-for", parent, "session", session, "item",
                       item, NULL);
}
