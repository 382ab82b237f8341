/* ga-item-row-refvalue.c: where a looked-up baseline or leading value
 * came from
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A number item that a reference table fills while the user has typed
 * nothing shows the value as the entry's placeholder, "80 (参考值表)", and
 * the table, its version, the source and "not verified" in the tooltip
 * and the accessible description. Typing a value overrides it, and the
 * row says so under the field with the reference value it replaces, as a
 * prefilled figure's row does; clearing the entry brings it back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-item-row-private.h"

/* The mark under the field: a typed value that replaces the reference
 * table's (NULL: none). */
static void
show_override (GaItemRow  *self,
               const char *mark)
{
  if (mark == NULL)
    {
      if (self->ref_label != NULL)
        gtk_widget_set_visible (self->ref_label, FALSE);
      return;
    }
  if (self->ref_label == NULL)
    {
      self->ref_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->ref_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->ref_label), 0);
      gtk_widget_set_hexpand (self->ref_label, TRUE);
      gtk_widget_add_css_class (self->ref_label, "caption");
      gtk_widget_add_css_class (self->ref_label, "warning");
      gtk_widget_set_valign (self->ref_label, GTK_ALIGN_CENTER);
      /* The entry and its neighbours keep their height beside it. */
      gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->editor), self->ref_label);
    }
  gtk_label_set_text (GTK_LABEL (self->ref_label), mark);
  gtk_widget_set_visible (self->ref_label, TRUE);
}

/* Setting a tooltip asks the display where the pointer is: only when it
 * changes, which few rows do as the list scrolls. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* A typed number where a reference table has another: the mark, or NULL;
 * *@where: the table's value with its table, source and status in full
 * (ga_ref_fill_describe()). */
static char *
override_mark (GaItemRow  *self,
               char      **where)
{
  const GaAnswer *typed = ga_session_get_answer (self->session, self->item);
  g_autofree GaRefFill *under = NULL;
  g_autofree char *value = NULL;

  *where = NULL;
  if (typed == NULL || typed->value.kind != GA_VALUE_NUMBER)
    return NULL;
  under = ga_session_dup_ref_value (self->session, self->item);
  if (under == NULL || ga_number_compare (typed->value.u.number, under->value) == 0)
    return NULL;
  *where = ga_ref_fill_describe (under);
  value = ga_format_number (under->value, 6);
  /* Translators: under a number the user typed where a reference table
   * has a value: "Typed value: it overrides the reference value 0.8 (省级
   * 评价表 2026). Clear the field to use it." */
  return g_strdup_printf (_("Typed value: it overrides the reference value %s (%s %s). Clear the "
                            "field to use it."),
                          value, under->ref->table->name, under->ref->table->version);
}

void
_ga_item_row_show_reference (GaItemRow *self)
{
  const GaRefFill *fill;
  g_autofree char *value = NULL;
  g_autofree char *placeholder = NULL;
  g_autofree char *where = NULL;

  if (self->session == NULL || self->item == NULL || self->entry == NULL
      || self->item->kind != GA_ITEM_NUMBER)
    return;
  fill = ga_session_get_ref_fill (self->session, self->item, G_MAXUINT, G_MAXUINT);
  if (fill == NULL || fill->ref == NULL)
    {
      g_autofree char *full = NULL;
      g_autofree char *mark = override_mark (self, &full);

      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), NULL);
      set_tooltip (self->entry, full);
      if (mark != NULL)
        {
          g_autofree char *description = g_strdup_printf ("%s %s", mark, full);

          gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
        }
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      show_override (self, mark);
      return;
    }
  show_override (self, NULL);
  value = ga_format_number (fill->value, 6);
  placeholder = g_strdup_printf (_("%s (reference table)"), value);
  where = ga_ref_fill_describe (fill);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), placeholder);
  set_tooltip (self->entry, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where, -1);
}
