/* ga-sidebar-row.c: a row of the enterprise sidebar
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander (enterprises with assessments can be opened) around a title
 * and a subtitle; made by the list's factory and rebound as it scrolls.
 */
#include "config.h"

#include "ga-sidebar-item.h"
#include "ga-sidebar-row.h"

struct _GaSidebarRow
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkTreeExpander *expander;
  GtkLabel        *title;
  GtkLabel        *subtitle;

  GtkTreeListRow  *list_row;
};

enum {
  PROP_0,
  PROP_LIST_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GaSidebarRow, ga_sidebar_row, GTK_TYPE_WIDGET)

static void
show_item (GaSidebarRow  *self,
           GaSidebarItem *item)
{
  const char *title = item ? ga_sidebar_item_get_title (item) : "";
  const char *subtitle = item ? ga_sidebar_item_get_subtitle (item) : "";

  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->subtitle, subtitle);
  if (item != NULL && ga_sidebar_item_is_enterprise (item))
    gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title), "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
}

void
ga_sidebar_row_set_list_row (GaSidebarRow   *self,
                             GtkTreeListRow *list_row)
{
  g_autoptr(GaSidebarItem) item = NULL;

  g_return_if_fail (GA_IS_SIDEBAR_ROW (self));
  g_return_if_fail (list_row == NULL || GTK_IS_TREE_LIST_ROW (list_row));

  if (!g_set_object (&self->list_row, list_row))
    return;
  gtk_tree_expander_set_list_row (self->expander, list_row);
  if (list_row != NULL)
    item = gtk_tree_list_row_get_item (list_row);
  if (item != NULL)
    show_item (self, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_ROW]);
}

GtkTreeListRow *
ga_sidebar_row_get_list_row (GaSidebarRow *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ROW (self), NULL);

  return self->list_row;
}

static void
ga_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GaSidebarRow *self = GA_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      g_value_set_object (value, self->list_row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GaSidebarRow *self = GA_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      ga_sidebar_row_set_list_row (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_sidebar_row_dispose (GObject *object)
{
  GaSidebarRow *self = GA_SIDEBAR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->list_row);

  G_OBJECT_CLASS (ga_sidebar_row_parent_class)->dispose (object);
}

static void
ga_sidebar_row_class_init (GaSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_sidebar_row_dispose;
  object_class->get_property = ga_sidebar_row_get_property;
  object_class->set_property = ga_sidebar_row_set_property;

  /**
   * GaSidebarRow:list-row:
   *
   * The tree row shown; its item is a GaSidebarItem.
   */
  properties[PROP_LIST_ROW] =
    g_param_spec_object ("list-row", NULL, NULL, GTK_TYPE_TREE_LIST_ROW,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GaSidebarRow, expander);
  gtk_widget_class_bind_template_child (widget_class, GaSidebarRow, title);
  gtk_widget_class_bind_template_child (widget_class, GaSidebarRow, subtitle);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ga_sidebar_row_init (GaSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ga_sidebar_row_new (void)
{
  return g_object_new (GA_TYPE_SIDEBAR_ROW, NULL);
}
