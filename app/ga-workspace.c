/* ga-workspace.c: the workspace of one assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sections with their progress on the left, the items in the middle (a
 * GtkListView over a filter model, so only the visible rows exist however
 * long the checklist), the live result on the right. Every edit is saved
 * by the session; the workspace then refreshes the visible rows, the
 * section counts and the summary.
 *
 * This file holds the class and the session; the item list, the exports
 * and the actions have files of their own (see ga-workspace-private.h).
 */
#include "config.h"

#include "ga-item-object.h"
#include "ga-workspace-private.h"

enum {
  PROP_0,
  PROP_SIDEBAR_REVEALED,
  N_PROPS
};

enum {
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaWorkspace, ga_workspace, ADW_TYPE_BIN)

void
_ga_workspace_add_toast (GaWorkspace *self,
                         AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
_ga_workspace_toast_error (GaWorkspace  *self,
                           const char   *what,
                           const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  _ga_workspace_add_toast (self, toast);
}

void
_ga_workspace_emit_deleted (GaWorkspace *self,
                            gint64       enterprise_id)
{
  g_signal_emit (self, signals[DELETED], 0, enterprise_id);
}

/* ------------------------------------------------------------------ */
/* Reacting to changes                                                  */

static void
item_changed_cb (GaSession   *session,
                 const char  *item_id,
                 GaWorkspace *self)
{
  _ga_workspace_refresh_rows (self, item_id);
  ga_score_summary_update (self->summary);
  _ga_workspace_update_sections (self);
  _ga_workspace_update_actions (self);
}

static void
history_changed_cb (GaSession   *session,
                    GaWorkspace *self)
{
  _ga_workspace_update_actions (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "history") == 0)
    ga_history_view_reload (self->history_view);
}

static void
visible_page_cb (GaWorkspace *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "history") == 0)
    ga_history_view_reload (self->history_view);
}

static void
improvement_activated_cb (GaScoreSummary *summary,
                          const char     *item_id,
                          GaWorkspace    *self)
{
  ga_workspace_show_item (self, item_id);
}

/* ------------------------------------------------------------------ */
/* Session                                                              */

void
ga_workspace_set_session (GaWorkspace *self,
                          GaSession   *session)
{
  g_autoptr(GPtrArray) objects = NULL;

  g_return_if_fail (GA_IS_WORKSPACE (self));

  if (self->session == session)
    return;

  _ga_workspace_flush_rows (self);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  g_ptr_array_set_size (self->search_text, 0);
  self->section = NULL;
  g_list_store_remove_all (self->items);

  if (session != NULL)
    {
      GaTemplate *tmpl = ga_session_get_template (session);
      GPtrArray *items = ga_template_get_items (tmpl);
      const GaAssessment *assessment = ga_session_get_assessment (session);
      g_autofree char *subtitle = NULL;

      g_signal_connect (session, "item-changed", G_CALLBACK (item_changed_cb), self);
      g_signal_connect (session, "history-changed", G_CALLBACK (history_changed_cb), self);

      /* One small object per item; rows are only made for what is seen. */
      objects = g_ptr_array_new_full (items->len, g_object_unref);
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (objects, ga_item_object_new (g_ptr_array_index (items, i)));
      g_list_store_splice (self->items, 0, 0, objects->pdata, objects->len);

      subtitle = g_strdup_printf ("%s · %s", ga_session_get_enterprise (session)->name,
                                  ga_text_get (ga_template_get_title (tmpl), NULL));
      adw_view_switcher_title_set_title (self->switcher_title, assessment->title);
      adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
      adw_view_stack_page_set_visible (
          self->energy_stack_page, ga_template_get_kind (tmpl) == GA_TEMPLATE_KIND_ENERGY_AUDIT);
      ga_score_summary_set_engine (self->summary, ga_session_get_engine (session));
    }
  else
    ga_score_summary_set_engine (self->summary, NULL);

  ga_energy_page_set_session (self->energy_page, session);
  ga_narrative_page_set_session (self->narrative_page, session);
  ga_history_view_set_session (self->history_view, session);
  _ga_workspace_build_sections (self);
  _ga_workspace_refilter (self);
  _ga_workspace_update_actions (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "items");
}

void
ga_workspace_show_part (GaWorkspace *self,
                        const char  *part)
{
  g_return_if_fail (GA_IS_WORKSPACE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "report");
  ga_narrative_page_show_part (self->narrative_page, part);
}

GaSession *
ga_workspace_get_session (GaWorkspace *self)
{
  g_return_val_if_fail (GA_IS_WORKSPACE (self), NULL);

  return self->session;
}

GListModel *
ga_workspace_get_items (GaWorkspace *self)
{
  g_return_val_if_fail (GA_IS_WORKSPACE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

GtkWidget *
ga_workspace_get_summary (GaWorkspace *self)
{
  g_return_val_if_fail (GA_IS_WORKSPACE (self), NULL);

  return GTK_WIDGET (self->summary);
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
ga_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GaWorkspace *self = GA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_REVEALED:
      g_value_set_boolean (value, self->sidebar_revealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GaWorkspace *self = GA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_REVEALED:
      if (self->sidebar_revealed != g_value_get_boolean (value))
        {
          self->sidebar_revealed = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_workspace_dispose (GObject *object)
{
  GaWorkspace *self = GA_WORKSPACE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->progress_toast);
  g_clear_handle_id (&self->pane_source, g_source_remove);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_WORKSPACE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (ga_workspace_parent_class)->dispose (object);
}

static void
ga_workspace_finalize (GObject *object)
{
  GaWorkspace *self = GA_WORKSPACE (object);

  g_hash_table_unref (self->bound_rows);
  g_ptr_array_unref (self->search_text);
  g_ptr_array_unref (self->section_rows);
  g_free (self->search);

  G_OBJECT_CLASS (ga_workspace_parent_class)->finalize (object);
}

/* The side panes grow with the screen: on 1920 px and more the section
 * titles and the result's labels are shown in full, as they are in
 * Chinese; narrow windows fold them (AdwFlap) instead. */
static void
pane_widths (int  width,
             int *sections,
             int *summary)
{
  if (width >= 2300)
    *sections = 400, *summary = 660;
  else if (width >= 1800)
    *sections = 340, *summary = 440;
  else
    *sections = 240, *summary = 360;
}

static gboolean
resize_panes_cb (gpointer data)
{
  GaWorkspace *self = data;
  int sections, summary;

  self->pane_source = 0;
  pane_widths (self->pane_width, &sections, &summary);
  gtk_widget_set_size_request (
      gtk_widget_get_ancestor (GTK_WIDGET (self->section_list), GTK_TYPE_SCROLLED_WINDOW),
      sections, -1);
  gtk_widget_set_size_request (self->summary_scroller, summary, -1);
  return G_SOURCE_REMOVE;
}

/* The window changed size: new pane widths when it crossed a step. */
static void
surface_layout_cb (GdkSurface  *surface,
                   int          width,
                   int          height,
                   GaWorkspace *self)
{
  int old_sections, old_summary, sections, summary;

  pane_widths (self->pane_width, &old_sections, &old_summary);
  pane_widths (width, &sections, &summary);
  self->pane_width = width;
  /* Sizes are not changed while the window is being laid out: once it is
   * done, and only when the width crosses a step. */
  if ((sections != old_sections || summary != old_summary) && self->pane_source == 0)
    self->pane_source = g_idle_add (resize_panes_cb, self);
}

static gboolean
show_sections_button_cb (gpointer data)
{
  GaWorkspace *self = data;

  self->fold_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->sections_button),
                          adw_flap_get_folded (self->section_flap));
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (
                                        self->switcher_title));
  return G_SOURCE_REMOVE;
}

/* The flap folds (and the header bar's switcher gives way to the title)
 * while the window is being laid out; the header bar gets the sections
 * button, and the bottom its page switcher, once that is done. */
static void
section_folded_cb (GaWorkspace *self)
{
  if (self->fold_source == 0)
    self->fold_source = g_idle_add (show_sections_button_cb, self);
}

static void
workspace_realize_cb (GaWorkspace *self)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (GTK_WIDGET (self)));

  g_signal_connect_object (surface, "layout", G_CALLBACK (surface_layout_cb), self, 0);
  surface_layout_cb (surface, gdk_surface_get_width (surface), gdk_surface_get_height (surface),
                     self);
}

static void
ga_workspace_class_init (GaWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_workspace_dispose;
  object_class->finalize = ga_workspace_finalize;
  object_class->get_property = ga_workspace_get_property;
  object_class->set_property = ga_workspace_set_property;

  properties[PROP_SIDEBAR_REVEALED] =
    g_param_spec_boolean ("sidebar-revealed", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GaWorkspace::deleted:
   * @enterprise_id: the enterprise the deleted assessment belonged to
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GA_TYPE_SCORE_SUMMARY);
  g_type_ensure (GA_TYPE_ENERGY_PAGE);
  g_type_ensure (GA_TYPE_HISTORY_VIEW);
  g_type_ensure (GA_TYPE_NARRATIVE_PAGE);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary_button);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, export_button);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, final_revealer);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, final_label);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, section_list);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, energy_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, energy_page);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, narrative_page);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, history_view);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, items_stack);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, item_search);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_all);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_unanswered);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_noncompliant);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_noevidence);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_partial);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, item_list);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary_separator);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary_scroller);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, section_flap);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary_flap);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, sections_button);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary);

  _ga_workspace_class_add_actions (widget_class);
}

static void
ga_workspace_init (GaWorkspace *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sidebar_revealed = TRUE;
  _ga_workspace_init_items (self);
  _ga_workspace_add_shortcuts (self);
  g_signal_connect (self, "realize", G_CALLBACK (workspace_realize_cb), NULL);

  g_signal_connect (self->summary, "item-activated", G_CALLBACK (improvement_activated_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_cb),
                            self);

  g_object_bind_property (self, "sidebar-revealed", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* The result pane and the section list fold over the content when the
   * window is narrow; their buttons show them there on demand. */
  g_object_bind_property (self->summary_flap, "reveal-flap", self->summary_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->section_flap, "reveal-flap", self->sections_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->section_flap, "notify::folded", G_CALLBACK (section_folded_cb),
                           self, G_CONNECT_SWAPPED);
  /* No room for the page switcher in the header bar: it goes to the
   * bottom, once the header bar is laid out. */
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (section_folded_cb), self, G_CONNECT_SWAPPED);
  _ga_workspace_update_actions (self);
}
