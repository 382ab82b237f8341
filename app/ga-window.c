/* ga-window.c: the main window
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A collapsible sidebar lists the enterprises of the open database, each
 * with its assessments by year and kind; the content shows an empty state,
 * an enterprise, or the workspace of one assessment.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-sidebar-item.h"
#include "ga-sidebar-row.h"
#include "ga-window-private.h"

G_DEFINE_FINAL_TYPE (GaWindow, ga_window, ADW_TYPE_APPLICATION_WINDOW)

GaStore *
_ga_window_get_store (GaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app ? ga_application_get_store (GA_APPLICATION (app)) : NULL;
}

void
_ga_window_show_error_toast (GaWindow     *self,
                             const char   *what,
                             const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = ga_sidebar_item_get_children (GA_SIDEBAR_ITEM (item));

  /* Assessment rows have no children; enterprises without assessments get
   * no expander either. */
  if (children == NULL || g_list_model_get_n_items (children) == 0)
    return NULL;
  return g_object_ref (children);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  GaWindow *self = user_data;

  return ga_sidebar_item_matches (GA_SIDEBAR_ITEM (item),
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
update_sidebar_stack (GaWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0
                   && g_list_model_get_n_items (G_LIST_MODEL (self->enterprises)) > 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "no-results" : "list");
}

static void
search_changed_cb (GaWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_sidebar_stack (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, ga_sidebar_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ga_sidebar_row_set_list_row (GA_SIDEBAR_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static GaSidebarItem *
selected_item (GaWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

/* The enterprise of the selected row (the row itself, or the parent of an
 * assessment row). */
gint64
_ga_window_selected_enterprise_id (GaWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GaSidebarItem) item = NULL;

  if (row == NULL)
    return self->shown_enterprise;
  item = gtk_tree_list_row_get_item (row);
  if (ga_sidebar_item_is_enterprise (item))
    return ga_sidebar_item_get_id (item);
  return ga_sidebar_item_get_assessment (item)->enterprise_id;
}

void
_ga_window_show_enterprise (GaWindow *self,
                            gint64    enterprise_id)
{
  GaStore *store = _ga_window_get_store (self);

  self->shown_enterprise = enterprise_id;
  self->shown_assessment = 0;
  ga_workspace_set_session (self->workspace, NULL);
  if (store == NULL || enterprise_id <= 0)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  ga_enterprise_page_set_enterprise (self->enterprise_page, store, enterprise_id);
  adw_view_stack_set_visible_child_name (self->content_stack, "enterprise");
  _ga_window_update_actions (self);
}

void
_ga_window_open_assessment (GaWindow *self,
                            gint64    assessment_id)
{
  GaStore *store = _ga_window_get_store (self);
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  if (self->shown_assessment == assessment_id && ga_workspace_get_session (self->workspace) != NULL)
    {
      adw_view_stack_set_visible_child_name (self->content_stack, "assessment");
      return;
    }

  session = ga_session_new (store, assessment_id, problems, &error);
  if (session == NULL)
    {
      _ga_window_show_error_toast (self, _("The assessment cannot be opened"), error);
      return;
    }

  self->shown_assessment = assessment_id;
  self->shown_enterprise = ga_session_get_assessment (session)->enterprise_id;
  ga_workspace_set_session (self->workspace, session);
  adw_view_stack_set_visible_child_name (self->content_stack, "assessment");
  _ga_window_update_actions (self);

  /* The workspace needs the width; the sidebar comes back with F9. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) < 1500)
    adw_flap_set_reveal_flap (self->flap, FALSE);

  if (problems->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (problems, NULL);
      joined = g_strjoinv ("\n", (char **) problems->pdata);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (joined));
    }
}

static void
selection_changed_cb (GaWindow *self)
{
  g_autoptr(GaSidebarItem) item = NULL;

  if (self->reloading)
    return;
  item = selected_item (self);
  if (item == NULL)
    return;
  if (ga_sidebar_item_is_enterprise (item))
    _ga_window_show_enterprise (self, ga_sidebar_item_get_id (item));
  else
    _ga_window_open_assessment (self, ga_sidebar_item_get_id (item));
  _ga_window_update_actions (self);
}

/* Selects the row of @enterprise_id (and of @assessment_id under it, when
 * not 0), expanding the enterprise, without reopening what is shown. */
void
_ga_window_select_row (GaWindow *self,
                       gint64    enterprise_id,
                       gint64    assessment_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GaSidebarItem) item = gtk_tree_list_row_get_item (row);

      if (!ga_sidebar_item_is_enterprise (item) || ga_sidebar_item_get_id (item) != enterprise_id)
        continue;
      if (assessment_id == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
      gtk_tree_list_row_set_expanded (row, TRUE);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
      for (guint j = i + 1; j < n; j++)
        {
          g_autoptr (GtkTreeListRow) child_row
              = g_list_model_get_item (G_LIST_MODEL (self->tree), j);
          g_autoptr(GaSidebarItem) child = gtk_tree_list_row_get_item (child_row);

          if (ga_sidebar_item_is_enterprise (child))
            break;
          if (ga_sidebar_item_get_id (child) == assessment_id)
            {
              gtk_single_selection_set_selected (self->selection, j);
              return;
            }
        }
      return;
    }
}

/* Rebuilds the sidebar from the store, keeping the selection. */
void
ga_window_reload (GaWindow *self)
{
  GaStore *store = _ga_window_get_store (self);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_enterprise = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GA_IS_WINDOW (self));

  if (store == NULL)
    return;

  summaries = ga_store_list_enterprises (store, &error);
  if (summaries != NULL)
    assessments = ga_store_list_assessments (store, 0, &error);
  if (summaries == NULL || assessments == NULL)
    {
      _ga_window_show_error_toast (self, _("The enterprises cannot be listed"), error);
      return;
    }

  /* One query for all assessments, grouped here, instead of one query per
   * enterprise. */
  by_enterprise = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);
      GPtrArray *list = g_hash_table_lookup (by_enterprise, &a->enterprise_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_enterprise, &a->enterprise_id, list);
        }
      g_ptr_array_add (list, a);
    }
  for (guint i = 0; i < summaries->len; i++)
    {
      GaEnterpriseSummary *summary = g_ptr_array_index (summaries, i);

      g_ptr_array_add (items, ga_sidebar_item_new_enterprise (
                                  summary->enterprise,
                                  g_hash_table_lookup (by_enterprise, &summary->enterprise->id)));
    }

  self->reloading = TRUE;
  g_list_store_splice (self->enterprises, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->enterprises)), items->pdata,
                       items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->shown_enterprise > 0)
    _ga_window_select_row (self, self->shown_enterprise, self->shown_assessment);
  self->reloading = FALSE;

  update_sidebar_stack (self);
  if (summaries->len == 0)
    {
      self->shown_enterprise = 0;
      self->shown_assessment = 0;
      ga_workspace_set_session (self->workspace, NULL);
      adw_view_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else if (self->shown_enterprise == 0 && self->shown_assessment == 0)
    {
      /* Start on the first enterprise rather than an empty page. */
      gtk_single_selection_set_selected (self->selection, 0);
    }
  _ga_window_update_actions (self);
}

static void
open_assessment_cb (GaWindow *self,
                    gint64    assessment_id)
{
  g_autoptr (GaAssessment) assessment
      = ga_store_get_assessment (_ga_window_get_store (self), assessment_id, NULL);

  if (assessment == NULL)
    return;
  self->reloading = TRUE;
  _ga_window_select_row (self, assessment->enterprise_id, assessment_id);
  self->reloading = FALSE;
  _ga_window_open_assessment (self, assessment_id);
}

static void
assessments_changed_cb (GaWindow *self)
{
  ga_window_reload (self);
}

static void
assessment_deleted_cb (GaWindow *self,
                       gint64    enterprise_id)
{
  self->shown_assessment = 0;
  self->shown_enterprise = enterprise_id;
  ga_window_reload (self);
  ga_window_show_enterprise (self, enterprise_id);
}

/* The first frame on screen is logged (G_MESSAGES_DEBUG=GreenAssess): the
 * installation check waits for it before it closes the window. */
static void
after_paint_cb (GdkFrameClock *clock,
                GaWindow      *self)
{
  g_debug ("First frame drawn");
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
}

static void
realize_cb (GaWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
}

static gboolean
ga_window_close_request (GtkWindow *window)
{
  GaWindow *self = GA_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (ga_window_parent_class)->close_request (window);
}

static void
ga_window_dispose (GObject *object)
{
  GaWindow *self = GA_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->enterprises);

  G_OBJECT_CLASS (ga_window_parent_class)->dispose (object);
}

static void
ga_window_class_init (GaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ga_window_dispose;
  window_class->close_request = ga_window_close_request;

  g_type_ensure (GA_TYPE_ENTERPRISE_PAGE);
  g_type_ensure (GA_TYPE_WORKSPACE);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, enterprise_list);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, empty_sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, enterprise_page);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, workspace);
  gtk_widget_class_bind_template_child (widget_class, GaWindow, error_page);

  _ga_window_class_add_actions (widget_class);
}

static void
ga_window_init (GaWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->enterprises = g_list_store_new (GA_TYPE_SIDEBAR_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->enterprises)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), FALSE, FALSE,
                                        create_children_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->enterprise_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->enterprise_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->enterprise_page, "open-assessment",
                           G_CALLBACK (open_assessment_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->enterprise_page, "assessments-changed",
                           G_CALLBACK (assessments_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "deleted",
                           G_CALLBACK (assessment_deleted_cb), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->flap, "reveal-flap", self->empty_sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->flap, "reveal-flap", self->workspace, "sidebar-revealed",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->flap, "reveal-flap", self->enterprise_page, "sidebar-revealed",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GaWindow *
ga_window_new (GaApplication *application)
{
  GaWindow *self;
  GSettings *settings = ga_application_get_settings (application);
  const GError *store_error;

  self = g_object_new (GA_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  store_error = ga_application_get_store_error (application);
  if (store_error != NULL)
    {
      adw_status_page_set_description (self->error_page, store_error->message);
      adw_view_stack_set_visible_child_name (self->content_stack, "error");
      adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  else
    {
      GaStore *store = ga_application_get_store (application);

      ga_window_reload (self);
      if (ga_store_is_read_only (store))
        {
          g_autofree char *text =
            g_strdup_printf (_("The database is open for reading only: %s. To change it, copy "
                               "it to a folder you may write and open the copy."),
                             _(ga_store_get_read_only_reason (store)));
          AdwToast *toast = adw_toast_new (text);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
    }
  _ga_window_update_actions (self);

  return self;
}

void
ga_window_add_toast (GaWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (GA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GaWorkspace *
ga_window_get_workspace (GaWindow *self)
{
  g_return_val_if_fail (GA_IS_WINDOW (self), NULL);

  return self->workspace;
}

void
ga_window_open_assessment (GaWindow *self,
                           gint64    assessment_id)
{
  g_return_if_fail (GA_IS_WINDOW (self));

  open_assessment_cb (self, assessment_id);
}

void
ga_window_show_enterprise (GaWindow *self,
                           gint64    enterprise_id)
{
  g_return_if_fail (GA_IS_WINDOW (self));

  self->reloading = TRUE;
  _ga_window_select_row (self, enterprise_id, 0);
  self->reloading = FALSE;
  _ga_window_show_enterprise (self, enterprise_id);
}

const char *
ga_window_get_page (GaWindow *self)
{
  g_return_val_if_fail (GA_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->content_stack);
}

