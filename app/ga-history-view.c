/* ga-history-view.c: every change of an assessment: who, when, old, new
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-json.h"
#include "ga-history-view.h"
#include "ga-narrative.h"

enum {
  COL_WHEN,
  COL_WHO,
  COL_ITEM,
  COL_OLD,
  COL_NEW,
  COL_WHAT,
  N_COLUMNS
};

/* One history row as display strings. */
#define GA_TYPE_HISTORY_RECORD (ga_history_record_get_type ())
G_DECLARE_FINAL_TYPE (GaHistoryRecord, ga_history_record, GA, HISTORY_RECORD, GObject)

struct _GaHistoryRecord
{
  GObject  parent_instance;
  char    *text[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (GaHistoryRecord, ga_history_record, G_TYPE_OBJECT)

static void
ga_history_record_finalize (GObject *object)
{
  GaHistoryRecord *self = GA_HISTORY_RECORD (object);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (ga_history_record_parent_class)->finalize (object);
}

static void
ga_history_record_class_init (GaHistoryRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ga_history_record_finalize;
}

static void
ga_history_record_init (GaHistoryRecord *self)
{
}

struct _GaHistoryView
{
  GtkWidget      parent_instance;

  GaSession     *session;
  GListStore    *records;
  GtkWidget     *stack;
  GtkWidget     *column_view;
};

G_DEFINE_FINAL_TYPE (GaHistoryView, ga_history_view, GTK_TYPE_WIDGET)

static char *
describe_value (const GaValue *value,
                const GaItem  *item)
{
  if (item != NULL && value->kind == GA_VALUE_TEXT)
    {
      if (item->kind == GA_ITEM_COMPLIANCE)
        {
          if (g_strcmp0 (value->u.text, GA_COMPLIANCE_YES) == 0)
            return g_strdup (_("Compliant"));
          if (g_strcmp0 (value->u.text, GA_COMPLIANCE_PARTIAL) == 0)
            return g_strdup (_("Partly compliant"));
          if (g_strcmp0 (value->u.text, GA_COMPLIANCE_NO) == 0)
            return g_strdup (_("Non-compliant"));
        }
      for (guint i = 0; item->options != NULL && i < item->options->len; i++)
        {
          GaOption *option = g_ptr_array_index (item->options, i);

          if (g_strcmp0 (option->id, value->u.text) == 0)
            return g_strdup (ga_text_get (&option->label, NULL));
        }
    }
  return ga_format_value (value, item ? item->unit : NULL);
}

char *
ga_history_describe_answer (const char   *json,
                            const GaItem *item)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (json == NULL)
    return g_strdup ("–");
  /* History rows may come from an imported package: bounded, like any
   * JSON the user brings in. */
  if (item != NULL)
    parser = ga_json_parse_bounded (json, -1, GA_JSON_MAX_DEPTH, NULL);
  if (parser == NULL)
    return g_strdup (json);
  answer = ga_answer_from_json (json_parser_get_root (parser), item, NULL);
  if (answer == NULL)
    return g_strdup (json);

  if (answer->not_applicable)
    {
      if (answer->na_reason != NULL)
        g_string_append_printf (text, _("N/A: %s"), answer->na_reason);
      else
        g_string_append (text, _("N/A"));
    }
  else if (answer->rows != NULL)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", answer->rows->len),
                            answer->rows->len);
  else if (answer->selected != NULL)
    {
      for (guint i = 0; answer->selected[i] != NULL; i++)
        {
          GaValue value = GA_VALUE_INIT;
          g_autofree char *label = NULL;

          ga_value_set_text (&value, answer->selected[i]);
          label = describe_value (&value, item);
          ga_value_clear (&value);
          g_string_append_printf (text, "%s%s", i > 0 ? _(", ") : "", label);
        }
    }
  else if (answer->value.kind != GA_VALUE_BLANK)
    {
      g_autofree char *value = describe_value (&answer->value, item);

      g_string_append (text, value);
    }
  if (answer->note != NULL)
    g_string_append_printf (text, text->len > 0 ? _(" (note: %s)") : _("note: %s"), answer->note);
  if (text->len == 0)
    g_string_append (text, "–");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
action_label (GaHistoryAction action)
{
  switch (action)
    {
    case GA_HISTORY_UNDO:
      return _("Undo");
    case GA_HISTORY_REDO:
      return _("Redo");
    case GA_HISTORY_EDIT:
    default:
      return _("Edit");
    }
}

static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* A report text in a cell: its first line, cut at 60 characters. */
static char *
describe_narrative (const char *text)
{
  g_autofree char *line = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup (_("(no text)"));
  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  if (g_utf8_strlen (line, -1) > 60 || end != NULL)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 60));

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

void
ga_history_view_reload (GaHistoryView *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *outline;
  GaTemplate *tmpl;

  g_return_if_fail (GA_IS_HISTORY_VIEW (self));

  g_list_store_remove_all (self->records);
  if (self->session == NULL)
    return;

  tmpl = ga_session_get_template (self->session);
  outline = ga_session_get_narrative_outline (self->session);
  entries = ga_store_list_history (ga_session_get_store (self->session),
                                   ga_session_get_id (self->session), NULL);
  records = g_ptr_array_new_with_free_func (g_object_unref);
  /* Newest first: the last change is what people look for. */
  for (guint i = entries ? entries->len : 0; i > 0; i--)
    {
      GaHistoryEntry *entry = g_ptr_array_index (entries, i - 1);
      gboolean narrative = entry->subject == GA_HISTORY_NARRATIVE;
      GaItem *item = narrative ? NULL : ga_template_find_item (tmpl, entry->item_id);
      GaHistoryRecord *record = g_object_new (GA_TYPE_HISTORY_RECORD, NULL);

      record->text[COL_WHEN] = local_time (entry->at);
      record->text[COL_WHO] = g_strdup (entry->author ? entry->author : "");
      if (narrative)
        {
          const GaNarrativePart *part = ga_narrative_outline_find (outline, entry->item_id);

          record->text[COL_ITEM] = g_strdup_printf (_("Report text: %s"),
                                                    part != NULL ? part->title : entry->item_id);
          record->text[COL_OLD] = describe_narrative (entry->old_value);
          record->text[COL_NEW] = describe_narrative (entry->new_value);
        }
      else
        {
          record->text[COL_ITEM]
              = item ? ga_item_label (item, NULL) : g_strdup (entry->item_id);
          record->text[COL_OLD] = ga_history_describe_answer (entry->old_value, item);
          record->text[COL_NEW] = ga_history_describe_answer (entry->new_value, item);
        }
      if (entry->carried_over && entry->carried_from > 0)
        /* Translators: a history row copied from last year's assessment. */
        record->text[COL_WHAT] = g_strdup_printf (_("Carried over from %d"), entry->carried_from);
      else if (entry->carried_over)
        record->text[COL_WHAT] = g_strdup (_("Carried over"));
      else
        record->text[COL_WHAT] = g_strdup (action_label (entry->action));
      g_ptr_array_add (records, record);
    }
  g_list_store_splice (self->records, 0, 0, records->pdata, records->len);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), records->len > 0 ? "list" : "empty");
}

void
ga_history_view_set_session (GaHistoryView *self,
                             GaSession     *session)
{
  g_return_if_fail (GA_IS_HISTORY_VIEW (self));

  g_set_object (&self->session, session);
  ga_history_view_reload (self);
}

guint
ga_history_view_get_n_rows (GaHistoryView *self)
{
  g_return_val_if_fail (GA_IS_HISTORY_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->records));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GaHistoryRecord *record = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), record->text[column]);
  gtk_widget_set_tooltip_text (label, record->text[column]);
}

static void
ga_history_view_dispose (GObject *object)
{
  GaHistoryView *self = GA_HISTORY_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (ga_history_view_parent_class)->dispose (object);
}

static void
ga_history_view_class_init (GaHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_history_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historyview");
}

static void
ga_history_view_init (GaHistoryView *self)
{
  const char *titles[N_COLUMNS] = {
    _("When"), _("Who"), _("Item"), _("Before"), _("After"), _("Change"),
  };
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->records = g_list_store_new (GA_TYPE_HISTORY_RECORD);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->records)));
  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection)));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (self->column_view), TRUE);
  gtk_widget_add_css_class (self->column_view, "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change history"), -1);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COL_ITEM || i == COL_OLD || i == COL_NEW);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
      g_object_unref (column);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "preferences-system-time-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Changes Yet"));
  adw_status_page_set_description (
      ADW_STATUS_PAGE (empty),
      _("Every answer you give is recorded here with who gave it and when."));

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}
