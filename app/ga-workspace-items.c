/* ga-workspace-items.c: the sections and the item list of the workspace
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections with their progress on the left; the items in the middle,
 * a GtkListView over a filter model (section, search text and the
 * All / Unanswered / Non-compliant / No evidence buttons), so only the
 * visible rows exist however long the checklist.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-item-object.h"
#include "ga-item-row.h"
#include "ga-section-row.h"
#include "ga-workspace-private.h"

/* ------------------------------------------------------------------ */
/* Filtering                                                            */

static gboolean
in_section (const GaItem    *item,
            const GaSection *section)
{
  for (const GaSection *s = item->section; s != NULL; s = s->parent)
    if (s == section)
      return TRUE;
  return FALSE;
}

static const char *
search_text_of (GaWorkspace  *self,
                const GaItem *item)
{
  char *text;

  if (item->index < self->search_text->len
      && g_ptr_array_index (self->search_text, item->index) != NULL)
    return g_ptr_array_index (self->search_text, item->index);

  {
    g_autofree char *joined = g_strjoin (
        " ", item->id, ga_item_get_number (item), item->clause ? item->clause : "",
        ga_text_get (&item->title, NULL) ? ga_text_get (&item->title, NULL) : "",
        ga_text_get (&item->requirement, NULL) ? ga_text_get (&item->requirement, NULL) : "", NULL);

    text = g_utf8_casefold (joined, -1);
  }
  if (item->index >= self->search_text->len)
    g_ptr_array_set_size (self->search_text, item->index + 1);
  g_ptr_array_index (self->search_text, item->index) = text;
  return text;
}

static gboolean
filter_cb (gpointer object,
           gpointer user_data)
{
  GaWorkspace *self = user_data;
  GaItem *item = ga_item_object_get_item (object);
  const GaResult *result;

  if (self->session == NULL)
    return FALSE;
  if (self->section != NULL && !in_section (item, self->section))
    return FALSE;
  if (self->search != NULL && strstr (search_text_of (self, item), self->search) == NULL)
    return FALSE;

  switch (self->mode)
    {
    case GA_ITEM_FILTER_UNANSWERED:
      result = ga_engine_get_item_result (ga_session_get_engine (self->session), item);
      return item->kind != GA_ITEM_COMPUTED && result != NULL
             && result->status == GA_STATUS_INCOMPLETE;
    case GA_ITEM_FILTER_NONCOMPLIANT:
      result = ga_engine_get_item_result (ga_session_get_engine (self->session), item);
      return ga_result_get_met (result) == GA_MET_NOT;
    case GA_ITEM_FILTER_PARTIAL:
      result = ga_engine_get_item_result (ga_session_get_engine (self->session), item);
      return ga_result_get_met (result) == GA_MET_PARTIAL;
    case GA_ITEM_FILTER_NO_EVIDENCE:
      return item->kind != GA_ITEM_COMPUTED
             && ga_session_get_evidence_count (self->session, item) == 0;
    case GA_ITEM_FILTER_ALL:
    default:
      return TRUE;
    }
}

static void
update_items_stack (GaWorkspace *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->items_stack, empty ? "empty" : "list");
}

void
_ga_workspace_refilter (GaWorkspace *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_items_stack (self);
}

void
ga_workspace_set_filter (GaWorkspace  *self,
                         GaItemFilter  filter)
{
  GtkToggleButton *buttons[] = { self->filter_all, self->filter_unanswered,
                                 self->filter_noncompliant, self->filter_noevidence,
                                 self->filter_partial };

  g_return_if_fail (GA_IS_WORKSPACE (self));

  self->mode = filter;
  self->updating_filters = TRUE;
  gtk_toggle_button_set_active (buttons[CLAMP (filter, 0, (int) G_N_ELEMENTS (buttons) - 1)], TRUE);
  self->updating_filters = FALSE;
  _ga_workspace_refilter (self);
}

static void
filter_toggled_cb (GtkToggleButton *button,
                   GaWorkspace     *self)
{
  if (self->updating_filters || !gtk_toggle_button_get_active (button))
    return;
  if (button == self->filter_unanswered)
    self->mode = GA_ITEM_FILTER_UNANSWERED;
  else if (button == self->filter_noncompliant)
    self->mode = GA_ITEM_FILTER_NONCOMPLIANT;
  else if (button == self->filter_partial)
    self->mode = GA_ITEM_FILTER_PARTIAL;
  else if (button == self->filter_noevidence)
    self->mode = GA_ITEM_FILTER_NO_EVIDENCE;
  else
    self->mode = GA_ITEM_FILTER_ALL;
  _ga_workspace_refilter (self);
}

void
ga_workspace_set_search (GaWorkspace *self,
                         const char  *text)
{
  g_return_if_fail (GA_IS_WORKSPACE (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && text[0] != '\0')
    self->search = g_utf8_casefold (text, -1);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->item_search)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->item_search), text ? text : "");
  _ga_workspace_refilter (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   GaWorkspace    *self)
{
  ga_workspace_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* ------------------------------------------------------------------ */
/* Sections                                                             */

static void
update_section_row (GaWorkspace  *self,
                    GaSectionRow *row,
                    GHashTable   *failing)
{
  GaSection *section = ga_section_row_get_section (row);
  GaEngine *engine = ga_session_get_engine (self->session);
  guint answered, total;

  if (section != NULL)
    {
      const GaResult *result = ga_engine_get_section_result (engine, section);

      answered = result ? result->answered : 0;
      total = result ? result->total : 0;
    }
  else
    {
      const GaSummary *summary = ga_engine_get_summary (engine);

      answered = summary->answered;
      total = summary->total;
    }
  ga_section_row_set_counts (row, answered, total,
                             GPOINTER_TO_UINT (g_hash_table_lookup (failing, section)));
}

void
_ga_workspace_update_sections (GaWorkspace *self)
{
  g_autoptr(GHashTable) failing = g_hash_table_new (NULL, NULL);
  GaEngine *engine;
  GPtrArray *items;

  if (self->session == NULL)
    return;

  /* One pass over the items counts the non-compliant ones of every section
   * and its ancestors (the NULL key is "all items"); an item with some of
   * its points is partly met, not counted here. */
  engine = ga_session_get_engine (self->session);
  items = ga_template_get_items (ga_session_get_template (self->session));
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      const GaResult *r = ga_engine_get_item_result (engine, item);

      if (ga_result_get_met (r) != GA_MET_NOT)
        continue;
      for (GaSection *s = item->section; ; s = s->parent)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (failing, s));

          g_hash_table_insert (failing, s, GUINT_TO_POINTER (n + 1));
          if (s == NULL)
            break;
        }
    }

  for (guint i = 0; i < self->section_rows->len; i++)
    update_section_row (self, g_ptr_array_index (self->section_rows, i), failing);
}

static void
section_selected_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     GaWorkspace   *self)
{
  if (row == NULL || self->updating_filters)
    return;
  self->section = ga_section_row_get_section (GA_SECTION_ROW (row));
  _ga_workspace_refilter (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "items");
  /* Folded over the content, the list gives way once a section is chosen. */
  if (adw_flap_get_folded (self->section_flap))
    adw_flap_set_reveal_flap (self->section_flap, FALSE);
}

void
ga_workspace_set_section (GaWorkspace *self,
                          const char  *section_id)
{
  g_return_if_fail (GA_IS_WORKSPACE (self));

  for (guint i = 0; i < self->section_rows->len; i++)
    {
      GtkListBoxRow *row = g_ptr_array_index (self->section_rows, i);
      GaSection *section = ga_section_row_get_section (GA_SECTION_ROW (row));

      if ((section_id == NULL && section == NULL)
          || (section != NULL && g_strcmp0 (section->id, section_id) == 0))
        {
          gtk_list_box_select_row (self->section_list, row);
          self->section = section;
          _ga_workspace_refilter (self);
          return;
        }
    }
}

void
_ga_workspace_build_sections (GaWorkspace *self)
{
  GtkWidget *child;
  GPtrArray *sections;
  GtkWidget *all;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->section_list))) != NULL)
    gtk_list_box_remove (self->section_list, child);
  g_ptr_array_set_size (self->section_rows, 0);
  if (self->session == NULL)
    return;

  all = ga_section_row_new (NULL, _("All items"));
  gtk_list_box_append (self->section_list, all);
  g_ptr_array_add (self->section_rows, all);

  sections = ga_template_get_sections (ga_session_get_template (self->session));
  for (guint i = 0; i < sections->len; i++)
    {
      GaSection *section = g_ptr_array_index (sections, i);
      /* Section clauses name the whole standard ("GB/T 36132-2018 基本要求"),
       * too long for the list: they go in the tooltip. */
      GtkWidget *row = ga_section_row_new (section, ga_text_get (&section->title, NULL));

      if (section->clause != NULL)
        gtk_widget_set_tooltip_text (row, section->clause);

      gtk_list_box_append (self->section_list, row);
      g_ptr_array_add (self->section_rows, row);
    }
  self->updating_filters = TRUE;
  gtk_list_box_select_row (self->section_list, GTK_LIST_BOX_ROW (all));
  self->updating_filters = FALSE;
  _ga_workspace_update_sections (self);
}

/* ------------------------------------------------------------------ */
/* Item list                                                            */

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               GaWorkspace              *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, ga_item_row_new ());
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              GaWorkspace              *self)
{
  GaItemRow *row = GA_ITEM_ROW (gtk_list_item_get_child (list_item));
  GaItemObject *object = gtk_list_item_get_item (list_item);

  if (self->session == NULL)
    return;
  ga_item_row_bind (row, self->session, ga_item_object_get_item (object));
  g_hash_table_add (self->bound_rows, row);
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                GaWorkspace              *self)
{
  GaItemRow *row = GA_ITEM_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->bound_rows, row);
  ga_item_row_unbind (row);
}

static void
teardown_item_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GaWorkspace              *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    g_hash_table_remove (self->bound_rows, row);
}

void
ga_workspace_show_item (GaWorkspace *self,
                        const char  *item_id)
{
  GaItem *item;
  gboolean hidden;
  guint n, low, high;

  g_return_if_fail (GA_IS_WORKSPACE (self));

  if (self->session == NULL)
    return;
  item = ga_template_find_item (ga_session_get_template (self->session), item_id);
  if (item == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "items");
  /* Make sure no filter hides it. */
  {
    g_autoptr (GaItemObject) object
        = g_list_model_get_item (G_LIST_MODEL (self->items), item->index);

    hidden = !filter_cb (object, self);
  }
  if (hidden)
    {
      ga_workspace_set_search (self, NULL);
      ga_workspace_set_section (self, NULL);
      ga_workspace_set_filter (self, GA_ITEM_FILTER_ALL);
    }
  /* The filter keeps the template's order, so the item's place in the
   * filtered list is found by halving, not by walking the whole list. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  low = 0;
  high = n;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GaItemObject) object
          = g_list_model_get_item (G_LIST_MODEL (self->filtered), middle);
      GaItem *there = ga_item_object_get_item (object);

      if (there == item)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->item_list), "list.scroll-to-item", "u",
                                      middle);
          return;
        }
      if (there->index < item->index)
        low = middle + 1;
      else
        high = middle;
    }
}

/* ------------------------------------------------------------------ */
/* The rows that exist now                                              */

/* Text edits still waiting for their pause are saved now: before an
 * export, an undo, or another session. */
void
_ga_workspace_flush_rows (GaWorkspace *self)
{
  /* The report texts wait for their pause too. */
  ga_narrative_page_flush (self->narrative_page);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    ga_item_row_flush (row);
}

/* Only the rows that exist are refreshed (GtkListView keeps about two
 * hundred): the changed one entirely, the others only their score and
 * status, which a computed item or a veto may have changed. */
void
_ga_workspace_refresh_rows (GaWorkspace *self,
                            const char  *item_id)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      GaItem *item = ga_item_row_get_item (row);

      if (item != NULL && g_strcmp0 (item->id, item_id) == 0)
        ga_item_row_refresh (row);
      else
        ga_item_row_refresh_result (row);
    }
}

/* The models, the list's factory and the filter controls. */
void
_ga_workspace_init_items (GaWorkspace *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;

  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->search_text = g_ptr_array_new_with_free_func (g_free);
  self->section_rows = g_ptr_array_new ();
  self->items = g_list_store_new (GA_TYPE_ITEM_OBJECT);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_item_cb), self);
  gtk_list_view_set_factory (self->item_list, factory);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
  gtk_list_view_set_model (self->item_list, selection);

  g_signal_connect (self->item_search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->filter_all, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->filter_unanswered, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->filter_noncompliant, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->filter_noevidence, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->filter_partial, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->section_list, "row-selected", G_CALLBACK (section_selected_cb), self);
}
