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
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ga-application.h"
#include "ga-batch-export.h"
#include "ga-energy-page.h"
#include "ga-export-job.h"
#include "ga-history-view.h"
#include "ga-item-object.h"
#include "ga-item-row.h"
#include "ga-package-job.h"
#include "ga-progress-toast.h"
#include "ga-score-summary.h"
#include "ga-workspace.h"

struct _GaWorkspace
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkToggleButton     *sidebar_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton     *summary_button;
  GtkWidget           *export_button;
  GtkRevealer         *final_revealer;
  GtkLabel            *final_label;
  GtkWidget           *reopen_button;
  GtkListBox          *section_list;
  AdwViewStack        *view_stack;
  AdwViewStackPage    *energy_stack_page;
  GaEnergyPage        *energy_page;
  GaHistoryView       *history_view;
  GtkStack            *items_stack;
  GtkSearchEntry      *item_search;
  GtkToggleButton     *filter_all;
  GtkToggleButton     *filter_unanswered;
  GtkToggleButton     *filter_noncompliant;
  GtkToggleButton     *filter_noevidence;
  GtkListView         *item_list;
  GtkWidget           *summary_separator;
  GtkWidget           *summary_scroller;
  GaScoreSummary      *summary;

  /* Owned references */
  GaSession           *session;
  GListStore          *items;          /* GaItemObject, every item */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GHashTable          *bound_rows;     /* GaItemRow* set: the rows that exist now */
  GPtrArray           *search_text;    /* casefolded text per item index, built lazily */
  GPtrArray           *section_rows;   /* GtkListBoxRow*, index 0 = all items */
  char                *search;         /* casefolded */
  GaSection           *section;        /* NULL = all */
  GaItemFilter         mode;
  AdwToast            *progress_toast; /* of the export running, if any */
  gboolean             sidebar_revealed;
  gboolean             updating_filters;
};

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

static void
add_toast (GaWorkspace *self,
           AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
toast_error (GaWorkspace  *self,
             const char   *what,
             const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static GSettings *
get_settings (GaWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app
      = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return GA_IS_APPLICATION (app) ? ga_application_get_settings (GA_APPLICATION (app)) : NULL;
}

/* The folder of the last export is kept as its path, or as a file: URI
 * when its name is not UTF-8 (a setting holds text; GBK names unpacked
 * from an archive are not). */
static void
remember_export_folder (GaWorkspace *self,
                        const char  *dir)
{
  GSettings *settings = get_settings (self);
  g_autofree char *value = NULL;

  if (settings == NULL)
    return;
  value = g_utf8_validate (dir, -1, NULL) ? g_strdup (dir) : g_filename_to_uri (dir, NULL, NULL);
  if (value != NULL)
    g_settings_set_string (settings, "last-export-folder", value);
}

/* Where the export dialogs open: the folder of the last export, else the
 * documents folder; NULL when neither exists. */
static GFile *
dup_export_folder (GaWorkspace *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *value = settings ? g_settings_get_string (settings, "last-export-folder") : NULL;
  g_autofree char *folder = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (value != NULL && g_str_has_prefix (value, "file:"))
    folder = g_filename_from_uri (value, NULL, NULL);
  else if (value != NULL && value[0] != '\0')
    folder = g_steal_pointer (&value);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return NULL;
}

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
        " ", item->id, item->clause ? item->clause : "",
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
      return result != NULL && (result->noncompliant || result->veto_failed);
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

static void
refilter (GaWorkspace *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_items_stack (self);
}

void
ga_workspace_set_filter (GaWorkspace  *self,
                         GaItemFilter  filter)
{
  GtkToggleButton *buttons[] = { self->filter_all, self->filter_unanswered,
                                 self->filter_noncompliant, self->filter_noevidence };

  g_return_if_fail (GA_IS_WORKSPACE (self));

  self->mode = filter;
  self->updating_filters = TRUE;
  gtk_toggle_button_set_active (buttons[CLAMP (filter, 0, 3)], TRUE);
  self->updating_filters = FALSE;
  refilter (self);
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
  else if (button == self->filter_noevidence)
    self->mode = GA_ITEM_FILTER_NO_EVIDENCE;
  else
    self->mode = GA_ITEM_FILTER_ALL;
  refilter (self);
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
  refilter (self);
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
update_section_row (GaWorkspace   *self,
                    GtkListBoxRow *row,
                    GHashTable    *failing)
{
  GaSection *section = g_object_get_data (G_OBJECT (row), "section");
  GtkWidget *count = g_object_get_data (G_OBJECT (row), "count");
  GtkWidget *bad = g_object_get_data (G_OBJECT (row), "bad");
  GtkWidget *bar = g_object_get_data (G_OBJECT (row), "bar");
  GaEngine *engine = ga_session_get_engine (self->session);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  guint answered, total, noncompliant;

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
  noncompliant = GPOINTER_TO_UINT (g_hash_table_lookup (failing, section));

  text = g_strdup_printf ("%u/%u", answered, total);
  gtk_label_set_text (GTK_LABEL (count), text);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), total > 0 ? (double) answered / total : 0);
  if (noncompliant > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u", noncompliant);

      gtk_label_set_text (GTK_LABEL (bad), n);
    }
  gtk_widget_set_visible (bad, noncompliant > 0);

  if (noncompliant > 0)
    accessible = g_strdup_printf (_("%s: %u of %u answered, %u non-compliant"),
                                  (char *) g_object_get_data (G_OBJECT (row), "title"),
                                  answered, total, noncompliant);
  else
    accessible
        = g_strdup_printf (_("%s: %u of %u answered"),
                           (char *)g_object_get_data (G_OBJECT (row), "title"), answered, total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_sections (GaWorkspace *self)
{
  g_autoptr(GHashTable) failing = g_hash_table_new (NULL, NULL);
  GaEngine *engine;
  GPtrArray *items;

  if (self->session == NULL)
    return;

  /* One pass over the items counts the non-compliant ones of every section
   * and its ancestors (the NULL key is "all items"). */
  engine = ga_session_get_engine (self->session);
  items = ga_template_get_items (ga_session_get_template (self->session));
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      const GaResult *r = ga_engine_get_item_result (engine, item);

      if (r == NULL || !(r->noncompliant || r->veto_failed))
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

static GtkWidget *
make_section_row (GaSection  *section,
                  const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *bad = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, title);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "ga-score");
  gtk_widget_add_css_class (bad, "ga-badge");
  gtk_widget_add_css_class (bad, "veto");
  gtk_widget_set_tooltip_text (bad, _("Non-compliant items"));
  gtk_widget_set_visible (bad, FALSE);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_widget_set_size_request (bar, -1, 3);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (top), bad);
  gtk_box_append (GTK_BOX (top), count);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  if (section != NULL)
    gtk_widget_set_margin_start (box, 12 * section->depth);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "section", section);
  g_object_set_data_full (G_OBJECT (row), "title", g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (row), "count", count);
  g_object_set_data (G_OBJECT (row), "bad", bad);
  g_object_set_data (G_OBJECT (row), "bar", bar);
  return row;
}

static void
section_selected_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     GaWorkspace   *self)
{
  if (row == NULL || self->updating_filters)
    return;
  self->section = g_object_get_data (G_OBJECT (row), "section");
  refilter (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "items");
}

void
ga_workspace_set_section (GaWorkspace *self,
                          const char  *section_id)
{
  g_return_if_fail (GA_IS_WORKSPACE (self));

  for (guint i = 0; i < self->section_rows->len; i++)
    {
      GtkListBoxRow *row = g_ptr_array_index (self->section_rows, i);
      GaSection *section = g_object_get_data (G_OBJECT (row), "section");

      if ((section_id == NULL && section == NULL)
          || (section != NULL && g_strcmp0 (section->id, section_id) == 0))
        {
          gtk_list_box_select_row (self->section_list, row);
          self->section = section;
          refilter (self);
          return;
        }
    }
}

static void
build_sections (GaWorkspace *self)
{
  GtkWidget *child;
  GPtrArray *sections;
  GtkWidget *all;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->section_list))) != NULL)
    gtk_list_box_remove (self->section_list, child);
  g_ptr_array_set_size (self->section_rows, 0);
  if (self->session == NULL)
    return;

  all = make_section_row (NULL, _("All items"));
  gtk_list_box_append (self->section_list, all);
  g_ptr_array_add (self->section_rows, all);

  sections = ga_template_get_sections (ga_session_get_template (self->session));
  for (guint i = 0; i < sections->len; i++)
    {
      GaSection *section = g_ptr_array_index (sections, i);
      /* Section clauses name the whole standard ("GB/T 36132-2018 基本要求"),
       * too long for the list: they go in the tooltip. */
      GtkWidget *row = make_section_row (section, ga_text_get (&section->title, NULL));

      if (section->clause != NULL)
        gtk_widget_set_tooltip_text (row, section->clause);

      gtk_list_box_append (self->section_list, row);
      g_ptr_array_add (self->section_rows, row);
    }
  self->updating_filters = TRUE;
  gtk_list_box_select_row (self->section_list, GTK_LIST_BOX_ROW (all));
  self->updating_filters = FALSE;
  update_sections (self);
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
  guint n;

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
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GaItemObject) object = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (ga_item_object_get_item (object) == item)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->item_list), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Reacting to changes                                                  */

static void
update_actions (GaWorkspace *self)
{
  gboolean have = self->session != NULL;
  gboolean read_only = have && ga_session_is_read_only (self->session);
  /* A database nobody may write (a USB stick, a share): the assessment can
   * be read and exported, and nothing offers a change. */
  GaStore *store = have ? ga_session_get_store (self->session) : NULL;
  gboolean store_read_only = store != NULL && ga_store_is_read_only (store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.undo",
                                 have && ga_session_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.redo",
                                 have && ga_session_can_redo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.export", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.export-package", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.delete", have && !store_read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.set-final", have && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ws.reopen",
                                 have && read_only && !store_read_only);
  if (store_read_only)
    {
      g_autofree char *text =
        g_strdup_printf (_("The database is open for reading only (%s): this assessment can be "
                           "read and exported, not changed."),
                         _(ga_store_get_read_only_reason (store)));

      gtk_label_set_text (self->final_label, text);
    }
  else
    gtk_label_set_text (self->final_label, _("This assessment is final and cannot be changed."));
  gtk_widget_set_visible (self->reopen_button, !store_read_only);
  gtk_revealer_set_reveal_child (self->final_revealer, read_only);
}

static void
item_changed_cb (GaSession   *session,
                 const char  *item_id,
                 GaWorkspace *self)
{
  GHashTableIter iter;
  gpointer row;

  /* Only the rows that exist are refreshed (GtkListView keeps about two
   * hundred): the changed one entirely, the others only their score and
   * status, which a computed item or a veto may have changed. */
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      GaItem *item = ga_item_row_get_item (row);

      if (item != NULL && g_strcmp0 (item->id, item_id) == 0)
        ga_item_row_refresh (row);
      else
        ga_item_row_refresh_result (row);
    }

  ga_score_summary_update (self->summary);
  update_sections (self);
  update_actions (self);
}

static void
history_changed_cb (GaSession   *session,
                    GaWorkspace *self)
{
  update_actions (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "history") == 0)
    ga_history_view_reload (self->history_view);
}

static void
undo_or_redo (GaWorkspace *self,
              gboolean     redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *item_id = NULL;
  GHashTableIter iter;
  gpointer row;
  gboolean ok;

  if (self->session == NULL)
    return;
  /* A pending text edit is saved first, so that undo undoes it. */
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    ga_item_row_flush (row);

  ok = redo ? ga_session_redo (self->session, &item_id, &error)
            : ga_session_undo (self->session, &item_id, &error);
  if (!ok)
    {
      if (!g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY))
        toast_error (self, redo ? _("Redo failed") : _("Undo failed"), error);
      return;
    }
  if (item_id != NULL)
    {
      GaItem *item = ga_template_find_item (ga_session_get_template (self->session), item_id);
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (item != NULL)
        {
          text = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"),
                                  ga_text_get (&item->title, NULL));
          toast = adw_toast_new (text);
          adw_toast_set_timeout (toast, 3);
          add_toast (self, toast);
        }
    }
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  undo_or_redo (GA_WORKSPACE (widget), FALSE);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  undo_or_redo (GA_WORKSPACE (widget), TRUE);
}

/* ------------------------------------------------------------------ */
/* Export                                                               */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (ga_export_job_run_in_task (task_data, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct {
  GaWorkspace         *self;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  gpointer             source_tag;
  AdwToast            *progress;
  GCancellable        *cancellable;
  char                *path;
} ExportData;

static ExportData *
export_data_new (GaWorkspace         *self,
                 const char          *path,
                 const char          *progress_title,
                 gpointer             source_tag,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  ExportData *data = g_new0 (ExportData, 1);

  data->self = g_object_ref (self);
  data->callback = callback;
  data->user_data = user_data;
  data->source_tag = source_tag;
  data->path = g_strdup (path);
  data->cancellable = g_cancellable_new ();
  data->progress = ga_progress_toast_new (progress_title, data->cancellable);
  add_toast (self, g_object_ref (data->progress));
  g_set_object (&self->progress_toast, data->progress);
  return data;
}

static void
export_data_free (ExportData *data)
{
  if (data->self->progress_toast == data->progress)
    g_clear_object (&data->self->progress_toast);
  g_object_unref (data->progress);
  g_object_unref (data->cancellable);
  g_free (data->path);
  g_object_unref (data->self);
  g_free (data);
}

static void
unref_data_cb (gpointer  data,
               GClosure *closure)
{
  g_object_unref (data);
}

static void
open_folder_cb (AdwToast *toast,
                GFile    *folder)
{
  ga_open_folder (NULL, folder);
}

/* The end of an export of either kind: the toast that says so, and the
 * caller's own result (the worker's was consumed). */
static void
export_ended (ExportData  *data,
              GError      *error,
              gboolean     package,
              const char  *failed,
              const char  *cancelled)
{
  GaWorkspace *self = data->self;

  adw_toast_dismiss (data->progress);
  if (error == NULL)
    {
      g_autofree char *base = g_filename_display_basename (data->path);
      g_autofree char *dir = g_path_get_dirname (data->path);
      g_autofree char *title = package ? g_strdup_printf (_("Exported the package “%s”"), base)
                                       : g_strdup_printf (_("Exported “%s”"), base);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_timeout (toast, 8);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                             g_file_new_for_path (dir), unref_data_cb, 0);
      add_toast (self, toast);
      remember_export_folder (self, dir);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      AdwToast *toast = adw_toast_new (cancelled);

      adw_toast_set_timeout (toast, 5);
      add_toast (self, toast);
    }
  else
    toast_error (self, failed, error);

  if (data->callback != NULL)
    {
      g_autoptr(GTask) outer = g_task_new (self, NULL, data->callback, data->user_data);

      g_task_set_source_tag (outer, data->source_tag);
      if (error == NULL)
        g_task_return_boolean (outer, TRUE);
      else
        g_task_return_error (outer, g_error_copy (error));
    }
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (data->self->export_button, TRUE);
  g_task_propagate_boolean (G_TASK (result), &error);
  export_ended (data, error, FALSE, _("The workbook was not exported"),
                _("The export was cancelled; no file was written"));
  export_data_free (data);
}

/* Text edits still waiting for their pause belong in what is exported. */
static void
flush_rows (GaWorkspace *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    ga_item_row_flush (row);
}

/* The database file is never an export target, whatever its name. */
static gboolean
check_not_database (GaWorkspace         *self,
                    const char          *path,
                    gpointer             source_tag,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ga_store_is_own_file (ga_session_get_store (self->session), path))
    return TRUE;
  g_set_error (&error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
               _("%s is the database itself. Choose another file name."), path);
  toast_error (self, _("Nothing was exported"), error);
  if (callback != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

      g_task_set_source_tag (task, source_tag);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  return FALSE;
}

void
ga_workspace_export_to (GaWorkspace         *self,
                        const char          *path,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  GaExportJob *job;

  g_return_if_fail (GA_IS_WORKSPACE (self));
  g_return_if_fail (self->session != NULL);

  flush_rows (self);
  if (!check_not_database (self, path, ga_workspace_export_to, callback, user_data))
    return;

  /* The export reports no fraction of its work: the bar pulses, and
   * Cancel leaves no file behind. */
  data = export_data_new (self, path, _("Exporting the workbook…"), ga_workspace_export_to,
                          callback, user_data);
  gtk_widget_set_sensitive (self->export_button, FALSE);

  job = ga_export_job_new_for_session (self->session, path, TRUE);
  task = g_task_new (self, data->cancellable, export_done_cb, data);
  g_task_set_source_tag (task, ga_workspace_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) ga_export_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, export_thread);
}

AdwToast *
ga_workspace_get_progress_toast (GaWorkspace *self)
{
  g_return_val_if_fail (GA_IS_WORKSPACE (self), NULL);

  return self->progress_toast;
}

gboolean
ga_workspace_export_finish (GaWorkspace   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  GaWorkspace     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && self->session != NULL)
        {
          if (!g_str_has_suffix (path, ".xlsx"))
            {
              char *with = g_strconcat (path, ".xlsx", NULL);

              g_free (path);
              path = with;
            }
          ga_workspace_export_to (self, path, NULL, NULL);
        }
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->session == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = ga_session_dup_export_name (self->session);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  folder = dup_export_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (export_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------ */
/* Exchange package                                                     */

static void
package_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  ga_package_export_finish (result, &error);
  export_ended (data, error, TRUE, _("The package was not exported"),
                _("The package export was cancelled; no file was written"));
  export_data_free (data);
}

void
ga_workspace_export_package_to (GaWorkspace         *self,
                                const char          *path,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ExportData *data;

  g_return_if_fail (GA_IS_WORKSPACE (self));
  g_return_if_fail (self->session != NULL);
  g_return_if_fail (path != NULL);

  flush_rows (self);
  if (!check_not_database (self, path, ga_workspace_export_package_to, callback, user_data))
    return;
  data = export_data_new (self, path, _("Exporting the package…"),
                          ga_workspace_export_package_to, callback, user_data);
  ga_package_export_async (ga_session_get_store (self->session), ga_session_get_id (self->session),
                           path, data->cancellable, package_done_cb, data);
}

gboolean
ga_workspace_export_package_finish (GaWorkspace   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* "<enterprise>-<template>-<period>.gapkg", as the workbook's name. */
static char *
package_name (GaWorkspace *self)
{
  g_autofree char *name = ga_session_dup_export_name (self->session);

  if (g_str_has_suffix (name, ".xlsx"))
    name[strlen (name) - strlen (".xlsx")] = '\0';
  return g_strconcat (name, GA_PACKAGE_SUFFIX, NULL);
}

static void
package_chosen_cb (GtkNativeDialog *native,
                   int              response,
                   GaWorkspace     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && self->session != NULL)
        {
          if (!g_str_has_suffix (path, GA_PACKAGE_SUFFIX))
            {
              char *with = g_strconcat (path, GA_PACKAGE_SUFFIX, NULL);

              g_free (path);
              path = with;
            }
          ga_workspace_export_package_to (self, path, NULL, NULL);
        }
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_package_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->session == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Package"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("GreenAssess packages"));
  gtk_file_filter_add_suffix (filter, GA_PACKAGE_SUFFIX + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = package_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  folder = dup_export_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (package_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------ */
/* Status and deletion                                                  */

static void
set_status (GaWorkspace        *self,
            GaAssessmentStatus  status)
{
  GaStore *store = ga_session_get_store (self->session);
  gint64 id = ga_session_get_id (self->session);
  g_autoptr(GaSession) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  if (!ga_store_set_assessment_status (store, id, status, &error))
    {
      toast_error (self, _("The status was not changed"), error);
      return;
    }
  /* The session caches the assessment record; open it again. */
  reloaded = ga_session_new (store, id, NULL, &error);
  if (reloaded == NULL)
    {
      toast_error (self, _("The assessment cannot be opened"), error);
      return;
    }
  ga_workspace_set_session (self, reloaded);
}

static void
set_final_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  set_status (GA_WORKSPACE (widget), GA_ASSESSMENT_FINAL);
}

static void
reopen_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  set_status (GA_WORKSPACE (widget), GA_ASSESSMENT_DRAFT);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GaWorkspace      *self)
{
  g_autoptr(GError) error = NULL;
  gint64 enterprise_id;

  if (g_strcmp0 (response, "delete") != 0 || self->session == NULL)
    return;
  enterprise_id = ga_session_get_assessment (self->session)->enterprise_id;
  if (!ga_store_delete_assessment (ga_session_get_store (self->session),
                                   ga_session_get_id (self->session), &error))
    {
      toast_error (self, _("The assessment was not deleted"), error);
      return;
    }
  ga_workspace_set_session (self, NULL);
  g_signal_emit (self, signals[DELETED], 0, enterprise_id);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);
  AdwMessageDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Delete the Assessment?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” will be deleted with its answers, history and evidence. "
                                     "This cannot be undone."),
                                  ga_session_get_assessment (self->session)->title);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_search_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "items");
  gtk_widget_grab_focus (GTK_WIDGET (self->item_search));
}

static void
toggle_summary_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GaWorkspace *self = GA_WORKSPACE (widget);

  gtk_toggle_button_set_active (self->summary_button,
                                !gtk_toggle_button_get_active (self->summary_button));
}

static void
show_history_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (GA_WORKSPACE (widget)->view_stack, "history");
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
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (GA_IS_WORKSPACE (self));

  if (self->session == session)
    return;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    ga_item_row_flush (row);

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
  ga_history_view_set_session (self->history_view, session);
  build_sections (self);
  refilter (self);
  update_actions (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "items");
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
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, history_view);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, items_stack);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, item_search);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_all);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_unanswered);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_noncompliant);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, filter_noevidence);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, item_list);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary_separator);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary_scroller);
  gtk_widget_class_bind_template_child (widget_class, GaWorkspace, summary);

  gtk_widget_class_install_action (widget_class, "ws.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "ws.redo", NULL, redo_cb);
  gtk_widget_class_install_action (widget_class, "ws.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "ws.export-package", NULL, export_package_cb);
  gtk_widget_class_install_action (widget_class, "ws.set-final", NULL, set_final_cb);
  gtk_widget_class_install_action (widget_class, "ws.reopen", NULL, reopen_cb);
  gtk_widget_class_install_action (widget_class, "ws.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "ws.search", NULL, focus_search_cb);
  gtk_widget_class_install_action (widget_class, "ws.toggle-summary", NULL, toggle_summary_cb);
  gtk_widget_class_install_action (widget_class, "ws.show-history", NULL, show_history_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "ws.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "ws.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "ws.toggle-summary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "ws.show-history",
                                       NULL);
}

static void
ga_workspace_init (GaWorkspace *self)
{
  GtkListItemFactory *factory;
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sidebar_revealed = TRUE;
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->search_text = g_ptr_array_new_with_free_func (g_free);
  self->section_rows = g_ptr_array_new ();
  self->items = g_list_store_new (GA_TYPE_ITEM_OBJECT);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_item_cb), self);
  gtk_list_view_set_factory (self->item_list, factory);
  g_object_unref (factory);
  {
    GtkSelectionModel *selection
        = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));

    gtk_list_view_set_model (self->item_list, selection);
    g_object_unref (selection);
  }

  /* Undo and redo go to the store's history wherever the focus is (in a
   * text field too: its pending edit is saved first, then undone). */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                   gtk_named_action_new ("ws.undo")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                        gtk_named_action_new ("ws.redo")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                        gtk_named_action_new ("ws.redo")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect (self->item_search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->filter_all, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->filter_unanswered, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->filter_noncompliant, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->filter_noevidence, "toggled", G_CALLBACK (filter_toggled_cb), self);
  g_signal_connect (self->section_list, "row-selected", G_CALLBACK (section_selected_cb), self);
  g_signal_connect (self->summary, "item-activated", G_CALLBACK (improvement_activated_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_cb),
                            self);

  g_object_bind_property (self, "sidebar-revealed", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->summary_button, "active", self->summary_scroller, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->summary_button, "active", self->summary_separator, "visible",
                          G_BINDING_SYNC_CREATE);
  update_actions (self);
}
