/* ga-item-row-refvalue.c: where a looked-up baseline or leading value
 * came from
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A number item that a reference table fills while the user has typed
 * nothing shows the value as the entry's placeholder, "80 (参考值表)", and
 * the table, its version, the source and "not verified" in the tooltip
 * and the accessible description. Typing a value overrides it; clearing
 * the entry brings it back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-item-row-private.h"

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
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), NULL);
      gtk_widget_set_tooltip_text (self->entry, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  value = ga_format_number (fill->value, 6);
  placeholder = g_strdup_printf (_("%s (reference table)"), value);
  where = ga_ref_fill_describe (fill);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), placeholder);
  gtk_widget_set_tooltip_text (self->entry, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where, -1);
}
