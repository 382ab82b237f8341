/* ga-industry-picker.c: choose a GB/T 4754-2017 industry by name or code
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button that opens a search and a list: typing a part of the name
 * (化学) or a code (26, C26, or a class such as 2614) narrows the list as
 * ga_industry_matches() says, and a search that finds nothing says so.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-codes.h"
#include "ga-industry-picker.h"

struct _GaIndustryPicker
{
  GtkWidget           parent_instance;

  GtkWidget          *button;
  GtkWidget          *search;
  GtkWidget          *scroller;
  GtkWidget          *empty;
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  char               *query;
  char               *code;     /* "C", "C26" or NULL */
};

G_DEFINE_FINAL_TYPE (GaIndustryPicker, ga_industry_picker, GTK_TYPE_WIDGET)

/* "C26 化学原料和化学制品制造业" for a division, "C 制造业" for a section. */
static char *
industry_text (const GaIndustry *industry)
{
  if (g_strcmp0 (industry->code, industry->section) == 0)
    return g_strdup_printf ("%s %s", industry->code, industry->name);
  return g_strdup_printf ("%s%s %s", industry->section, industry->code, industry->name);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GaIndustryPicker *self = user_data;
  const char *text = gtk_string_object_get_string (item);
  const char *space = strchr (text, ' ');
  g_autofree char *code = space ? g_strndup (text, space - text) : g_strdup (text);
  const GaIndustry *industry = ga_industry_lookup (code);

  return industry != NULL && ga_industry_matches (industry, self->query);
}

static void
update_label (GaIndustryPicker *self)
{
  const GaIndustry *industry = self->code ? ga_industry_lookup (self->code) : NULL;
  g_autofree char *text = industry ? industry_text (industry) : g_strdup (_("Not given"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), text);
}

void
ga_industry_picker_search (GaIndustryPicker *self,
                           const char       *query)
{
  guint n;

  g_return_if_fail (GA_IS_INDUSTRY_PICKER (self));

  g_free (self->query);
  self->query = g_strdup (query != NULL ? query : "");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  if (n == 0)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (self->query));
      g_autofree char *text = g_strdup_printf (
          _("No industry matches “%s”. Search by a part of the name (化学) or by a code (26, "
            "C26, 2614)."),
          trimmed);

      gtk_label_set_text (GTK_LABEL (self->empty), text);
    }
  gtk_widget_set_visible (self->empty, n == 0);
  gtk_widget_set_visible (self->scroller, n > 0);
}

guint
ga_industry_picker_get_n_shown (GaIndustryPicker *self)
{
  g_return_val_if_fail (GA_IS_INDUSTRY_PICKER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

const char *
ga_industry_picker_get_code (GaIndustryPicker *self)
{
  g_return_val_if_fail (GA_IS_INDUSTRY_PICKER (self), NULL);

  return self->code;
}

void
ga_industry_picker_set_code (GaIndustryPicker *self,
                             const char       *code)
{
  const GaIndustry *industry;

  g_return_if_fail (GA_IS_INDUSTRY_PICKER (self));

  industry = code != NULL ? ga_industry_lookup (code) : NULL;
  g_clear_pointer (&self->code, g_free);
  if (industry != NULL)
    self->code = g_strcmp0 (industry->code, industry->section) == 0
                     ? g_strdup (industry->code)
                     : g_strconcat (industry->section, industry->code, NULL);
  update_label (self);
}

/* Chooses the @position-th industry shown. */
static void
choose (GaIndustryPicker *self,
        guint             position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);
  const char *text, *space;
  g_autofree char *code = NULL;

  if (item == NULL)
    return;
  text = gtk_string_object_get_string (item);
  space = strchr (text, ' ');
  code = space ? g_strndup (text, space - text) : g_strdup (text);
  ga_industry_picker_set_code (self, code);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
list_activate_cb (GtkListView      *list,
                  guint             position,
                  GaIndustryPicker *self)
{
  choose (self, position);
}

static void
search_changed_cb (GtkSearchEntry   *entry,
                   GaIndustryPicker *self)
{
  ga_industry_picker_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search takes the first industry found. */
static void
search_activate_cb (GtkSearchEntry   *entry,
                    GaIndustryPicker *self)
{
  ga_industry_picker_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (ga_industry_picker_get_n_shown (self) > 0)
    choose (self, 0);
}

static void
clear_clicked_cb (GtkButton        *button,
                  GaIndustryPicker *self)
{
  ga_industry_picker_set_code (self, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
popover_show_cb (GtkPopover       *popover,
                 GaIndustryPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  ga_industry_picker_search (self, "");
  gtk_widget_grab_focus (self->search);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

static GtkWidget *
make_popover (GaIndustryPicker *self)
{
  GtkStringList *all = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list, *clear;
  const GaIndustry *industries;
  guint n = 0;

  industries = ga_industry_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = industry_text (&industries[i]);

      gtk_string_list_append (all, text);
    }
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (all), g_object_ref (GTK_FILTER (self->filter)));

  self->search = gtk_search_entry_new ();
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search industries by name or code"), -1);
  g_object_set (self->search, "placeholder-text", _("Name or code (化学, 26, C26)"), NULL);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search, "activate", G_CALLBACK (search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), self->search);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (
                                g_object_ref (G_LIST_MODEL (self->shown)))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Industries"), -1);
  g_signal_connect (list, "activate", G_CALLBACK (list_activate_cb), self);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (self->scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), list);
  gtk_box_append (GTK_BOX (box), self->scroller);

  self->empty = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->empty), 40);
  gtk_widget_set_margin_top (self->empty, 24);
  gtk_widget_set_margin_bottom (self->empty, 24);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_box_append (GTK_BOX (box), self->empty);

  clear = gtk_button_new_with_mnemonic (_("_Not Given"));
  gtk_widget_add_css_class (clear, "flat");
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), clear);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), self);
  return popover;
}

static void
ga_industry_picker_dispose (GObject *object)
{
  GaIndustryPicker *self = GA_INDUSTRY_PICKER (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ga_industry_picker_parent_class)->dispose (object);
}

static void
ga_industry_picker_finalize (GObject *object)
{
  GaIndustryPicker *self = GA_INDUSTRY_PICKER (object);

  g_free (self->query);
  g_free (self->code);

  G_OBJECT_CLASS (ga_industry_picker_parent_class)->finalize (object);
}

static void
ga_industry_picker_class_init (GaIndustryPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_industry_picker_dispose;
  object_class->finalize = ga_industry_picker_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ga_industry_picker_init (GaIndustryPicker *self)
{
  self->query = g_strdup ("");
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), make_popover (self));
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Industry"), -1);
  update_label (self);
}

GtkWidget *
ga_industry_picker_new (void)
{
  return g_object_new (GA_TYPE_INDUSTRY_PICKER, NULL);
}
