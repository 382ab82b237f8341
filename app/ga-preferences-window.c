/* ga-preferences-window.c: the preferences window
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-factor-sets.h"
#include "ga-preferences-window.h"

struct _GaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *author_row;
  AdwComboRow          *style_row;
  AdwPreferencesGroup  *energy_group;
  AdwComboRow          *factor_set_row;

  /* Owned references */
  GSettings            *settings;
  GPtrArray            *factor_sets;   /* GaFactorSet* */
};

G_DEFINE_FINAL_TYPE (GaPreferencesWindow, ga_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  guint position = 0;

  if (g_strcmp0 (nick, "light") == 0)
    position = 1;
  else if (g_strcmp0 (nick, "dark") == 0)
    position = 2;
  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  static const char *nicks[] = { "follow", "light", "dark" };
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (nicks))
    position = 0;
  return g_variant_new_string (nicks[position]);
}

static void
factor_set_selected_cb (GaPreferencesWindow *self,
                        GParamSpec          *pspec,
                        AdwComboRow         *row)
{
  guint position = adw_combo_row_get_selected (row);
  const char *id = "";

  /* Position 0 is "the template's own default", stored as "". */
  if (position != GTK_INVALID_LIST_POSITION && position > 0
      && position - 1 < self->factor_sets->len)
    id = ((GaFactorSet *) g_ptr_array_index (self->factor_sets, position - 1))->id;
  g_settings_set_string (self->settings, "default-factor-set", id);
}

static void
setup_factor_sets (GaPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "default-factor-set");
  guint selected = 0;

  self->factor_sets = ga_factor_sets_list ();
  gtk_string_list_append (names, _("None: choose in each audit"));
  for (guint i = 0; i < self->factor_sets->len; i++)
    {
      GaFactorSet *set = g_ptr_array_index (self->factor_sets, i);

      gtk_string_list_append (names, set->title);
      if (g_strcmp0 (set->id, current) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->factor_set_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->factor_set_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->energy_group), self->factor_sets->len > 0);
  g_signal_connect_object (self->factor_set_row, "notify::selected",
                           G_CALLBACK (factor_set_selected_cb), self, G_CONNECT_SWAPPED);
}

static void
ga_preferences_window_dispose (GObject *object)
{
  GaPreferencesWindow *self = GA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->factor_sets, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ga_preferences_window_parent_class)->dispose (object);
}

static void
ga_preferences_window_class_init (GaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GaPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, GaPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, GaPreferencesWindow, energy_group);
  gtk_widget_class_bind_template_child (widget_class, GaPreferencesWindow, factor_set_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ga_preferences_window_init (GaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GaPreferencesWindow *
ga_preferences_window_new (GSettings *settings)
{
  GaPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GA_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  setup_factor_sets (self);

  return self;
}
