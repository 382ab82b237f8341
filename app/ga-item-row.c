/* ga-item-row.c: one item of the checklist with the editor for its answer
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-item-row.h"
#include "ga-table-dialog.h"

/* Text fields save this long after the last key press (and at once when
 * they lose focus or Enter is pressed), so typing "125" is one change in
 * the history, not three. */
#define SAVE_DELAY_MS 600

typedef enum {
  CHOICE_YES,
  CHOICE_PARTIAL,
  CHOICE_NO,
  CHOICE_NA,
  N_CHOICES
} Choice;

struct _GaItemRow
{
  GtkWidget   parent_instance;

  GaSession  *session;
  GaItem     *item;           /* borrowed from the session's template */
  gboolean    updating;       /* set while widgets are filled from the answer */
  guint       save_source;
  GtkWidget  *pending_entry;  /* the entry whose edit waits for save_source */

  /* header */
  GtkWidget  *clause;
  GtkWidget  *title;
  GtkWidget  *badges;
  GtkWidget  *score_button;
  GtkWidget  *explain_label;
  /* body */
  GtkWidget  *requirement;
  GtkWidget  *editor_box;
  GtkWidget  *validation;
  GtkWidget  *na_box;
  GtkWidget  *na_entry;
  GtkWidget  *note_entry;
  /* footer */
  GtkWidget  *note_button;
  GtkWidget  *evidence_button;
  GtkWidget  *evidence_list;
  GtkWidget  *guidance_button;
  GtkWidget  *guidance_label;
  GtkWidget  *clear_button;

  /* the editor of the bound item's kind */
  GtkWidget  *choices[N_CHOICES];
  GtkWidget  *entry;
  GtkWidget  *dropdown;
  GPtrArray  *checks;        /* GtkCheckButton*, MULTI */
  GtkWidget  *table_label;
  GtkWidget  *value_label;   /* COMPUTED */
  GtkWidget  *unit_label;    /* NUMBER, POINTS */
  int         editor_kind;   /* the kind the editor was built for, -1 none */
  gboolean    editor_na;     /* whether it has the N/A choice */
  GtkWidget  *badge[5];      /* veto, limiting, mandatory/optional, bonus, unverified */

  /* What show_result() last put on screen: most rows do not change when
   * another item is answered, and setting a label is not free. */
  char       *shown_score;
  guint       shown_evidence;
};

G_DEFINE_FINAL_TYPE (GaItemRow, ga_item_row, GTK_TYPE_WIDGET)

static void save_entry (GaItemRow *self, GtkWidget *entry);

/* ------------------------------------------------------------------ */
/* Saving                                                               */

static GaAnswer *
current_copy (GaItemRow *self)
{
  const GaAnswer *current = ga_session_get_answer (self->session, self->item);

  return current ? ga_answer_copy (current) : ga_answer_new ();
}

static void
show_problem (GaItemRow  *self,
              const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->validation), message ? message : "");
  gtk_widget_set_visible (self->validation, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "invalid");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "invalid");
}

/* Saves @answer (taken); on failure shows why and redraws the stored
 * state, except in the text field being typed in. */
static gboolean
commit (GaItemRow *self,
        GaAnswer  *answer)
{
  g_autoptr(GaAnswer) owned = answer;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->item == NULL)
    return FALSE;
  if (!ga_session_set_answer (self->session, self->item, owned, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      show_problem (self, message);
      return FALSE;
    }
  show_problem (self, NULL);
  return TRUE;
}

static void
set_na (GaItemRow *self,
        gboolean   na)
{
  g_autoptr(GaAnswer) answer = current_copy (self);
  g_autofree char *reason
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->na_entry))));

  answer->not_applicable = na;
  g_clear_pointer (&answer->na_reason, g_free);
  if (na)
    {
      ga_value_set_blank (&answer->value);
      g_clear_pointer (&answer->selected, g_strfreev);
      g_clear_pointer (&answer->rows, g_ptr_array_unref);
      if (reason[0] != '\0')
        answer->na_reason = g_steal_pointer (&reason);
    }
  commit (self, g_steal_pointer (&answer));
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   GaItemRow       *self)
{
  static const char *compliance[] = { GA_COMPLIANCE_YES, GA_COMPLIANCE_PARTIAL, GA_COMPLIANCE_NO };
  g_autoptr(GaAnswer) answer = NULL;
  Choice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (choice == CHOICE_NA)
    {
      set_na (self, TRUE);
      return;
    }
  answer = current_copy (self);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  if (self->item->kind == GA_ITEM_YESNO)
    ga_value_set_boolean (&answer->value, choice == CHOICE_YES);
  else
    ga_value_set_text (&answer->value, compliance[choice]);
  commit (self, g_steal_pointer (&answer));
}

/* Friendlier, translated messages for the mistakes people make while
 * typing; the core's own validation still runs when the answer is saved. */
static char *
check_typed (GaItemRow  *self,
             const char *text)
{
  GaItem *item = self->item;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (trimmed[0] == '\0')
    return NULL;

  if (item->kind == GA_ITEM_NUMBER || item->kind == GA_ITEM_POINTS)
    {
      double min = item->kind == GA_ITEM_POINTS ? 0 : item->min;
      double max = item->kind == GA_ITEM_POINTS ? item->points : item->max;
      const char *unit
          = item->kind == GA_ITEM_POINTS ? _("points") : (item->unit ? item->unit : "");

      value = g_ascii_strtod (trimmed, &end);
      if (end == trimmed || *end != '\0' || !isfinite (value))
        return g_strdup_printf (
            _("“%s” is not a number: write it like 12.5, with a dot for decimals."), trimmed);
      if (item->integer && value != floor (value))
        return g_strdup (_("Enter a whole number."));
      if (isfinite (min) && value < min)
        {
          g_autofree char *m = ga_format_number (min, 6);

          return g_strdup_printf (_("The value must be at least %s %s."), m, unit);
        }
      if (isfinite (max) && value > max)
        {
          g_autofree char *m = ga_format_number (max, 6);

          return g_strdup_printf (_("The value must be at most %s %s."), m, unit);
        }
    }
  else if (item->kind == GA_ITEM_DATE)
    {
      int y, m, d;
      char extra;

      if (sscanf (trimmed, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || strlen (trimmed) != 10
          || !g_date_valid_dmy (d, m, y))
        return g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, like 2025-06-30."),
                                trimmed);
    }
  return NULL;
}

static void
save_entry (GaItemRow *self,
            GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  if (self->session == NULL || self->item == NULL)
    return;

  if (entry == self->note_entry)
    {
      g_autofree char *note = g_strstrip (g_strdup (text));

      answer = current_copy (self);
      g_free (answer->note);
      answer->note = note[0] != '\0' ? g_steal_pointer (&note) : NULL;
      commit (self, g_steal_pointer (&answer));
      return;
    }
  if (entry == self->na_entry)
    {
      set_na (self, TRUE);
      return;
    }

  problem = check_typed (self, text);
  if (problem != NULL)
    {
      show_problem (self, problem);
      return;
    }
  answer = ga_answer_parse_text (text, self->item, &error);
  if (answer == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  {
    /* Keep the note; a typed value ends N/A. */
    const GaAnswer *current = ga_session_get_answer (self->session, self->item);

    if (current != NULL && current->note != NULL)
      answer->note = g_strdup (current->note);
  }
  commit (self, g_steal_pointer (&answer));
}

static gboolean
save_timeout_cb (gpointer data)
{
  GaItemRow *self = data;
  GtkWidget *entry = self->pending_entry;

  self->save_source = 0;
  self->pending_entry = NULL;
  if (entry != NULL)
    save_entry (self, entry);
  return G_SOURCE_REMOVE;
}

void
ga_item_row_flush (GaItemRow *self)
{
  g_return_if_fail (GA_IS_ITEM_ROW (self));

  if (self->save_source != 0)
    {
      g_source_remove (self->save_source);
      save_timeout_cb (self);
    }
}

static void
entry_changed_cb (GtkEditable *editable,
                  GaItemRow   *self)
{
  GtkWidget *entry = GTK_WIDGET (editable);

  if (self->updating)
    return;

  /* Say what is wrong while typing, save after the pause. */
  if (entry == self->entry)
    {
      g_autofree char *problem = check_typed (self, gtk_editable_get_text (editable));

      show_problem (self, problem);
    }
  if (self->pending_entry != NULL && self->pending_entry != entry)
    ga_item_row_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->pending_entry = entry;
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_activate_cb (GtkWidget *entry,
                   GaItemRow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->pending_entry = NULL;
  save_entry (self, entry);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      GaItemRow               *self)
{
  ga_item_row_flush (self);
}

static void
connect_entry (GaItemRow *self,
               GtkWidget *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
}

static void
dropdown_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      GaItemRow   *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GaAnswer) answer = NULL;

  if (self->updating)
    return;
  answer = current_copy (self);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  /* Position 0 is "not answered". */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->item->options->len)
    ga_value_set_blank (&answer->value);
  else
    ga_value_set_text (&answer->value,
                       ((GaOption *) g_ptr_array_index (self->item->options, position - 1))->id);
  commit (self, g_steal_pointer (&answer));
}

static void
check_toggled_cb (GtkCheckButton *check,
                  GaItemRow      *self)
{
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (self->updating)
    return;
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (ids, ((GaOption *) g_ptr_array_index (self->item->options, i))->id);
  g_ptr_array_add (ids, NULL);

  answer = current_copy (self);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  g_strfreev (answer->selected);
  answer->selected = ids->len > 1 ? g_strdupv ((char **) ids->pdata) : NULL;
  commit (self, g_steal_pointer (&answer));
}

static void
clear_clicked_cb (GtkButton *button,
                  GaItemRow *self)
{
  g_autoptr(GaAnswer) answer = current_copy (self);

  /* Clearing removes the answer but keeps the note. */
  ga_value_set_blank (&answer->value);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  g_clear_pointer (&answer->selected, g_strfreev);
  g_clear_pointer (&answer->rows, g_ptr_array_unref);
  commit (self, g_steal_pointer (&answer));
  ga_item_row_refresh (self);
}

static void
edit_table_clicked_cb (GtkButton *button,
                       GaItemRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *dialog = ga_table_dialog_new (GTK_WINDOW (root), self->session, self->item);

  gtk_window_present (dialog);
}

/* ------------------------------------------------------------------ */
/* Evidence                                                             */

void
ga_item_row_add_evidence (GaItemRow *self,
                          GSList    *files)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  g_return_if_fail (GA_IS_ITEM_ROW (self));

  if (self->session == NULL || self->item == NULL)
    return;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (!ga_session_add_evidence (self->session, self->item, l->data, &error))
        {
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append (problems, error->message);
        }
    }
  show_problem (self, problems->len > 0 ? problems->str : NULL);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GaItemRow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  ga_item_row_add_evidence (self, files);
  return files != NULL;
}

static void
files_chosen_cb (GtkNativeDialog *native,
                 int              response,
                 GaItemRow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      GSList *list = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        list = g_slist_append (list, g_list_model_get_item (files, i));
      ga_item_row_add_evidence (self, list);
      g_slist_free_full (list, g_object_unref);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
add_evidence_clicked_cb (GtkButton *button,
                         GaItemRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;

  gtk_popover_popdown (
      GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  native = gtk_file_chooser_native_new (_("Attach Evidence"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (files_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_evidence_clicked_cb (GtkButton *button,
                            GaItemRow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "evidence-id");
  g_autoptr(GError) error = NULL;

  if (!ga_session_remove_evidence (self->session, self->item, id, &error))
    show_problem (self, error->message);
  gtk_popover_popdown (
      GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
}

/* The evidence popover is filled when it opens, not on every bind. */
static void
evidence_popover_show_cb (GtkPopover *popover,
                          GaItemRow  *self)
{
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->evidence_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->evidence_list), child);
  if (self->session == NULL || self->item == NULL)
    return;

  list = ga_session_list_evidence (self->session, self->item, NULL);
  if (list == NULL || list->len == 0)
    {
      GtkWidget *label
          = gtk_label_new (_("No evidence attached. Drop files on the item or add them here."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->evidence_list), label);
    }
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      GaEvidence *evidence = g_ptr_array_index (list, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (evidence->name);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *size = g_format_size (evidence->size);
      g_autofree char *tip = g_strdup_printf ("%s · %s · %s", size,
                                              evidence->author ? evidence->author : "",
                                              evidence->added_at ? evidence->added_at : "");
      gint64 *id = g_new (gint64, 1);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, tip);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this evidence"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove this evidence"), -1);
      *id = evidence->id;
      g_object_set_data_full (G_OBJECT (remove), "evidence-id", id, g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_evidence_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_box_append (GTK_BOX (self->evidence_list), box);
    }
}

static void
score_popover_show_cb (GtkPopover *popover,
                       GaItemRow  *self)
{
  g_autofree char *text = NULL;

  if (self->session == NULL || self->item == NULL)
    return;
  text = ga_engine_explain (ga_session_get_engine (self->session), self->item->id);
  gtk_label_set_text (GTK_LABEL (self->explain_label), text ? text : "");
}

static void
note_toggled_cb (GtkToggleButton *button,
                 GaItemRow       *self)
{
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_widget_set_visible (self->note_entry, active);
  if (active && !self->updating)
    gtk_widget_grab_focus (self->note_entry);
}

/* ------------------------------------------------------------------ */
/* Building the editor for the bound item's kind                        */

static void
clear_editor (GaItemRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->editor_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->editor_box), child);
  for (guint i = 0; i < N_CHOICES; i++)
    self->choices[i] = NULL;
  self->entry = NULL;
  self->dropdown = NULL;
  self->table_label = NULL;
  self->value_label = NULL;
  self->unit_label = NULL;
  self->editor_kind = -1;
  g_ptr_array_set_size (self->checks, 0);
}

static GtkWidget *
add_choice (GaItemRow  *self,
            GtkWidget  *box,
            Choice      choice,
            const char *label)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  static const char *names[] = { "choice-yes", "choice-partial", "choice-no", "choice-na" };

  gtk_widget_set_name (button, names[choice]);
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (choice));
  if (self->choices[CHOICE_YES] != NULL && choice != CHOICE_YES)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 GTK_TOGGLE_BUTTON (self->choices[CHOICE_YES]));
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  self->choices[choice] = button;
  return button;
}

static void
option_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  popup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Options can be whole sentences: cut them on the button, wrap them in
   * the list, so that a row never forces the window wider. */
  if (popup)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
option_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  popup)
{
  GtkStringObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (object));
  if (!popup)
    gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (object));
}

static GtkListItemFactory *
option_factory (gboolean popup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (option_setup_cb), GINT_TO_POINTER (popup));
  g_signal_connect (factory, "bind", G_CALLBACK (option_bind_cb), GINT_TO_POINTER (popup));
  return factory;
}

static void
build_na_choice (GaItemRow *self)
{
  GtkWidget *button;

  if (!self->item->na_allowed)
    return;
  button = gtk_toggle_button_new_with_label (_("N/A"));
  gtk_widget_set_name (button, "choice-na");
  gtk_widget_set_tooltip_text (button, _("Not applicable: give the reason below"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not applicable"), -1);
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (CHOICE_NA));
  if (self->choices[CHOICE_YES] != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 GTK_TOGGLE_BUTTON (self->choices[CHOICE_YES]));
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->editor_box), button);
  self->choices[CHOICE_NA] = button;
}

static void
na_only_toggled_cb (GtkToggleButton *button,
                    GaItemRow       *self)
{
  if (self->updating)
    return;
  set_na (self, gtk_toggle_button_get_active (button));
}

/* For kinds whose editor is not a group of toggles: a separate N/A switch. */
static void
build_na_toggle (GaItemRow *self)
{
  GtkWidget *button;

  if (!self->item->na_allowed)
    return;
  button = gtk_toggle_button_new_with_label (_("N/A"));
  gtk_widget_set_tooltip_text (button, _("Not applicable: give the reason below"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not applicable"), -1);
  g_signal_connect (button, "toggled", G_CALLBACK (na_only_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->editor_box), button);
  self->choices[CHOICE_NA] = button;
}

static void
build_editor (GaItemRow *self)
{
  GaItem *item = self->item;
  const char *title = ga_text_get (&item->title, NULL);
  GtkWidget *box;

  /* Rows are rebound as the list scrolls: an editor without per-item
   * options is kept and only relabelled, which keeps scrolling cheap. */
  if (self->editor_kind == (int) item->kind && self->editor_na == item->na_allowed
      && (item->kind == GA_ITEM_COMPLIANCE || item->kind == GA_ITEM_YESNO
          || item->kind == GA_ITEM_NUMBER || item->kind == GA_ITEM_POINTS
          || item->kind == GA_ITEM_TEXT || item->kind == GA_ITEM_DATE
          || item->kind == GA_ITEM_COMPUTED))
    {
      GtkWidget *named = self->entry ? self->entry
                         : self->choices[CHOICE_YES]
                             ? gtk_widget_get_parent (self->choices[CHOICE_YES])
                             : NULL;

      if (named != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        title, -1);
      if (self->unit_label != NULL && item->kind == GA_ITEM_NUMBER)
        {
          gtk_label_set_text (GTK_LABEL (self->unit_label), item->unit ? item->unit : "");
          gtk_widget_set_visible (self->unit_label, item->unit != NULL);
        }
      else if (self->unit_label != NULL && item->kind == GA_ITEM_POINTS)
        {
          g_autofree char *max = ga_format_number (item->points, 2);
          g_autofree char *text = g_strdup_printf (_("of %s points"), max);

          gtk_label_set_text (GTK_LABEL (self->unit_label), text);
        }
      return;
    }

  clear_editor (self);
  self->editor_kind = item->kind;
  self->editor_na = item->na_allowed;

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
    case GA_ITEM_YESNO:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_add_css_class (box, "linked");
      if (item->kind == GA_ITEM_COMPLIANCE)
        {
          add_choice (self, box, CHOICE_YES, _("Compliant"));
          add_choice (self, box, CHOICE_PARTIAL, _("Partly"));
          add_choice (self, box, CHOICE_NO, _("Non-compliant"));
        }
      else
        {
          add_choice (self, box, CHOICE_YES, _("Yes"));
          add_choice (self, box, CHOICE_NO, _("No"));
        }
      gtk_box_append (GTK_BOX (self->editor_box), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      build_na_choice (self);
      break;

    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
    case GA_ITEM_TEXT:
    case GA_ITEM_DATE:
      self->entry = gtk_entry_new ();
      gtk_widget_set_name (self->entry, "answer-entry");
      if (item->kind == GA_ITEM_TEXT)
        gtk_widget_set_hexpand (self->entry, TRUE);
      else
        gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 14);
      if (item->kind == GA_ITEM_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
      if (item->kind == GA_ITEM_NUMBER || item->kind == GA_ITEM_POINTS)
        gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      connect_entry (self, self->entry);
      gtk_box_append (GTK_BOX (self->editor_box), self->entry);
      if (item->kind == GA_ITEM_NUMBER)
        {
          self->unit_label = gtk_label_new (item->unit);
          gtk_widget_add_css_class (self->unit_label, "dim-label");
          gtk_widget_set_visible (self->unit_label, item->unit != NULL);
          gtk_box_append (GTK_BOX (self->editor_box), self->unit_label);
        }
      else if (item->kind == GA_ITEM_POINTS)
        {
          g_autofree char *max = ga_format_number (item->points, 2);
          g_autofree char *text = g_strdup_printf (_("of %s points"), max);

          self->unit_label = gtk_label_new (text);
          gtk_widget_add_css_class (self->unit_label, "dim-label");
          gtk_box_append (GTK_BOX (self->editor_box), self->unit_label);
        }
      if (item->kind != GA_ITEM_TEXT)
        build_na_toggle (self);
      break;

    case GA_ITEM_CHOICE:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        gtk_string_list_append (labels, _("Not answered"));
        for (guint i = 0; item->options != NULL && i < item->options->len; i++)
          {
            GaOption *option = g_ptr_array_index (item->options, i);

            gtk_string_list_append (labels, ga_text_get (&option->label, NULL));
          }
        g_autoptr(GtkListItemFactory) button_factory = option_factory (FALSE);
        g_autoptr(GtkListItemFactory) list_factory = option_factory (TRUE);

        self->dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
        gtk_drop_down_set_factory (GTK_DROP_DOWN (self->dropdown), button_factory);
        gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->dropdown), list_factory);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
        g_signal_connect (self->dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb),
                          self);
        gtk_box_append (GTK_BOX (self->editor_box), self->dropdown);
        build_na_toggle (self);
      }
      break;

    case GA_ITEM_MULTI:
      box = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 3);
      gtk_widget_set_hexpand (box, TRUE);
      for (guint i = 0; item->options != NULL && i < item->options->len; i++)
        {
          GaOption *option = g_ptr_array_index (item->options, i);
          GtkWidget *check = gtk_check_button_new_with_label (ga_text_get (&option->label, NULL));

          g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
          gtk_flow_box_append (GTK_FLOW_BOX (box), check);
          g_ptr_array_add (self->checks, check);
        }
      gtk_box_append (GTK_BOX (self->editor_box), box);
      build_na_toggle (self);
      break;

    case GA_ITEM_TABLE:
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit Table…"));

        gtk_widget_set_name (button, "edit-table");

        self->table_label = gtk_label_new (NULL);
        gtk_widget_add_css_class (self->table_label, "dim-label");
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        title, -1);
        g_signal_connect (button, "clicked", G_CALLBACK (edit_table_clicked_cb), self);
        gtk_box_append (GTK_BOX (self->editor_box), button);
        gtk_box_append (GTK_BOX (self->editor_box), self->table_label);
        build_na_toggle (self);
      }
      break;

    case GA_ITEM_COMPUTED:
    default:
      self->value_label = gtk_label_new (NULL);
      gtk_label_set_selectable (GTK_LABEL (self->value_label), TRUE);
      gtk_widget_add_css_class (self->value_label, "ga-score");
      gtk_box_append (GTK_BOX (self->editor_box), self->value_label);
      break;
    }
}

static void
set_badge (GaItemRow  *self,
           guint       index,
           gboolean    shown,
           const char *text,
           const char *css_class,
           const char *tooltip)
{
  GtkWidget *badge = self->badge[index];

  gtk_widget_set_visible (badge, shown);
  if (!shown)
    return;
  gtk_label_set_text (GTK_LABEL (badge), text);
  gtk_widget_set_tooltip_text (badge, tooltip);
  gtk_widget_remove_css_class (badge, "mandatory");
  if (css_class != NULL)
    gtk_widget_add_css_class (badge, css_class);
}

static void
build_header (GaItemRow *self)
{
  GaItem *item = self->item;
  const char *requirement = ga_text_get (&item->requirement, NULL);
  const char *guidance = ga_text_get (&item->guidance, NULL);
  g_autoptr(GString) help = g_string_new (NULL);

  gtk_label_set_text (GTK_LABEL (self->clause), item->clause ? item->clause : "");
  gtk_widget_set_visible (self->clause, item->clause != NULL);
  gtk_widget_set_tooltip_text (self->clause, item->clause);
  gtk_label_set_text (GTK_LABEL (self->title), ga_text_get (&item->title, NULL));
  gtk_label_set_text (GTK_LABEL (self->requirement), requirement ? requirement : "");
  gtk_widget_set_visible (self->requirement, requirement != NULL && requirement[0] != '\0');

  set_badge (self, 0, item->veto, _("Veto"), "veto",
             _("A failing answer fails the whole assessment"));
  set_badge (self, 1, item->limiting, _("Limiting"), "veto",
             _("Limiting indicator: it caps the level that can be reached"));
  set_badge (self, 2, item->kind != GA_ITEM_COMPUTED,
             item->mandatory ? _("Mandatory") : _("Optional"),
             item->mandatory ? "mandatory" : NULL, NULL);
  set_badge (self, 3, item->bonus, _("Bonus"), NULL, _("Bonus points outside the base maximum"));
  set_badge (self, 4, !item->verified, _("Unverified"), "unverified",
             item->unverified_reason ? item->unverified_reason
                                     : _("Not confirmed against the official text"));

  if (guidance != NULL && guidance[0] != '\0')
    g_string_append (help, guidance);
  if (item->evidence != NULL && item->evidence->len > 0)
    {
      if (help->len > 0)
        g_string_append (help, "\n\n");
      g_string_append (help, _("Expected evidence:"));
      for (guint i = 0; i < item->evidence->len; i++)
        g_string_append_printf (help, "\n• %s", (char *) g_ptr_array_index (item->evidence, i));
    }
  if (item->source != NULL)
    {
      if (help->len > 0)
        g_string_append (help, "\n\n");
      g_string_append_printf (help, _("Source: %s"), item->source);
    }
  gtk_label_set_text (GTK_LABEL (self->guidance_label), help->str);
  gtk_widget_set_visible (self->guidance_button, help->len > 0);
  /* A computed item takes no answer, so it has nothing a note could be
   * saved with. */
  gtk_widget_set_visible (self->note_button, item->kind != GA_ITEM_COMPUTED);
}

/* ------------------------------------------------------------------ */
/* Showing the answer                                                   */

static void
set_choice (GaItemRow *self,
            Choice     choice)
{
  for (guint i = 0; i < N_CHOICES; i++)
    if (self->choices[i] != NULL)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[i]), i == choice);
}

static void
show_answer (GaItemRow *self)
{
  const GaAnswer *answer = ga_session_get_answer (self->session, self->item);
  GaEngine *engine = ga_session_get_engine (self->session);
  gboolean na = answer != NULL && answer->not_applicable;
  gboolean read_only = ga_session_is_read_only (self->session);

  self->updating = TRUE;

  switch (self->item->kind)
    {
    case GA_ITEM_COMPLIANCE:
    case GA_ITEM_YESNO:
      if (na)
        set_choice (self, CHOICE_NA);
      else if (answer == NULL || answer->value.kind == GA_VALUE_BLANK)
        set_choice (self, N_CHOICES);
      else if (answer->value.kind == GA_VALUE_BOOLEAN)
        set_choice (self, answer->value.u.boolean ? CHOICE_YES : CHOICE_NO);
      else if (answer->value.kind == GA_VALUE_TEXT)
        set_choice (self, g_strcmp0 (answer->value.u.text, GA_COMPLIANCE_YES) == 0 ? CHOICE_YES
                          : g_strcmp0 (answer->value.u.text, GA_COMPLIANCE_PARTIAL) == 0
                              ? CHOICE_PARTIAL
                              : CHOICE_NO);
      break;

    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
    case GA_ITEM_TEXT:
    case GA_ITEM_DATE:
      /* Never overwrite what the user is typing. */
      if (self->pending_entry != self->entry)
        {
          g_autofree char *text = NULL;

          if (answer != NULL && !na && answer->value.kind == GA_VALUE_NUMBER)
            text = ga_format_number (answer->value.u.number, 6);
          else if (answer != NULL && !na && answer->value.kind == GA_VALUE_TEXT)
            text = g_strdup (answer->value.u.text);
          gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
        }
      gtk_widget_set_sensitive (self->entry, !na && !read_only);
      if (self->choices[CHOICE_NA] != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[CHOICE_NA]), na);
      break;

    case GA_ITEM_CHOICE:
      {
        guint position = 0;

        if (answer != NULL && !na && answer->value.kind == GA_VALUE_TEXT)
          for (guint i = 0; i < self->item->options->len; i++)
            if (g_strcmp0 (((GaOption *) g_ptr_array_index (self->item->options, i))->id,
                           answer->value.u.text) == 0)
              position = i + 1;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), position);
        gtk_widget_set_sensitive (self->dropdown, !na && !read_only);
        if (self->choices[CHOICE_NA] != NULL)
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[CHOICE_NA]), na);
      }
      break;

    case GA_ITEM_MULTI:
      for (guint i = 0; i < self->checks->len; i++)
        {
          GaOption *option = g_ptr_array_index (self->item->options, i);

          gtk_check_button_set_active (
              g_ptr_array_index (self->checks, i),
              answer != NULL && answer->selected != NULL
                  && g_strv_contains ((const char *const *)answer->selected, option->id));
          gtk_widget_set_sensitive (g_ptr_array_index (self->checks, i), !na && !read_only);
        }
      if (self->choices[CHOICE_NA] != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[CHOICE_NA]), na);
      break;

    case GA_ITEM_TABLE:
      {
        guint n = ga_engine_get_n_rows (engine, self->item);
        g_autofree char *text
            = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n);

        gtk_label_set_text (GTK_LABEL (self->table_label), text);
        if (self->choices[CHOICE_NA] != NULL)
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[CHOICE_NA]), na);
      }
      break;

    case GA_ITEM_COMPUTED:
    default:
      {
        const GaResult *result = ga_engine_get_item_result (engine, self->item);
        g_autofree char *text
            = result ? ga_format_value (&result->value, self->item->unit) : g_strdup ("–");

        gtk_label_set_text (GTK_LABEL (self->value_label), text);
      }
      break;
    }

  gtk_widget_set_sensitive (self->editor_box, !read_only);
  gtk_widget_set_visible (self->na_box, na);
  if (self->pending_entry != self->na_entry)
    gtk_editable_set_text (GTK_EDITABLE (self->na_entry),
                           na && answer->na_reason ? answer->na_reason : "");
  if (self->pending_entry != self->note_entry)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                           answer != NULL && answer->note ? answer->note : "");
  if (answer != NULL && answer->note != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->note_button), TRUE);
      gtk_widget_add_css_class (self->note_button, "accent");
    }
  else
    {
      gtk_widget_remove_css_class (self->note_button, "accent");
      if (self->pending_entry != self->note_entry && !gtk_widget_has_focus (self->note_entry))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->note_button), FALSE);
    }
  gtk_widget_set_visible (self->clear_button,
                          answer != NULL && !read_only && self->item->kind != GA_ITEM_COMPUTED
                          && (answer->value.kind != GA_VALUE_BLANK || answer->not_applicable
                              || answer->selected != NULL || answer->rows != NULL));

  self->updating = FALSE;
}

static void
show_result (GaItemRow *self)
{
  GaEngine *engine = ga_session_get_engine (self->session);
  const GaResult *result = ga_engine_get_item_result (engine, self->item);
  g_autofree char *score = NULL;
  g_autofree char *description = NULL;
  guint n_evidence = ga_session_get_evidence_count (self->session, self->item);
  g_autofree char *evidence = NULL;

  if (result == NULL)
    return;

  if (result->status == GA_STATUS_NA)
    score = g_strdup (_("N/A"));
  else if (self->item->veto && isnan (result->max))
    score = g_strdup (result->status == GA_STATUS_INCOMPLETE ? _("Veto: open")
                      : result->veto_failed ? _("Veto: failed") : _("Veto: met"));
  else if (self->item->score.method == GA_SCORE_LEVELS && result->level >= 0
           && result->status == GA_STATUS_COMPLETE)
    score = g_strdup (ga_format_level (result->level));
  else if (isfinite (result->max))
    score
        = ga_format_score (result->status == GA_STATUS_COMPLETE ? result->score : NAN, result->max);
  else
    score = g_strdup (_("Details"));
  if (g_strcmp0 (score, self->shown_score) != 0)
    {
      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->score_button), score);
      description = g_strdup_printf (_("Score: %s. Show how it was calculated"), score);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      g_free (self->shown_score);
      self->shown_score = g_steal_pointer (&score);
    }

  if (result->noncompliant || result->veto_failed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "noncompliant");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "noncompliant");
  if (result->status == GA_STATUS_COMPLETE || result->status == GA_STATUS_NA)
    gtk_widget_add_css_class (GTK_WIDGET (self), "answered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "answered");

  if (n_evidence != self->shown_evidence
      || !gtk_menu_button_get_label (GTK_MENU_BUTTON (self->evidence_button)))
    {
      evidence = n_evidence > 0 ? g_strdup_printf (_("Evidence · %u"), n_evidence)
                                : g_strdup (_("Evidence"));
      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->evidence_button), evidence);
      self->shown_evidence = n_evidence;
    }
}

void
ga_item_row_refresh_result (GaItemRow *self)
{
  g_return_if_fail (GA_IS_ITEM_ROW (self));

  if (self->session == NULL || self->item == NULL)
    return;
  /* Computed items show their value in the editor area. */
  if (self->item->kind == GA_ITEM_COMPUTED)
    show_answer (self);
  show_result (self);
}

void
ga_item_row_refresh (GaItemRow *self)
{
  g_return_if_fail (GA_IS_ITEM_ROW (self));

  if (self->session == NULL || self->item == NULL)
    return;
  show_answer (self);
  show_result (self);
}

void
ga_item_row_bind (GaItemRow *self,
                  GaSession *session,
                  GaItem    *item)
{
  g_autofree char *label = NULL;

  g_return_if_fail (GA_IS_ITEM_ROW (self));
  g_return_if_fail (GA_IS_SESSION (session));
  g_return_if_fail (item != NULL);

  ga_item_row_flush (self);
  g_set_object (&self->session, session);
  self->item = item;
  g_clear_pointer (&self->shown_score, g_free);
  self->shown_evidence = G_MAXUINT;
  show_problem (self, NULL);

  build_header (self);
  build_editor (self);
  ga_item_row_refresh (self);

  label = item->clause ? g_strdup_printf ("%s %s", item->clause, ga_text_get (&item->title, NULL))
                       : g_strdup (ga_text_get (&item->title, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
}

void
ga_item_row_unbind (GaItemRow *self)
{
  g_return_if_fail (GA_IS_ITEM_ROW (self));

  ga_item_row_flush (self);
  self->item = NULL;
  g_clear_object (&self->session);
}

GaItem *
ga_item_row_get_item (GaItemRow *self)
{
  g_return_val_if_fail (GA_IS_ITEM_ROW (self), NULL);

  return self->item;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

static GtkWidget *
flat_menu_button (const char *icon,
                  const char *label,
                  const char *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();

  if (icon != NULL)
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), icon);
  if (label != NULL)
    gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static GtkWidget *
popover_with_label (GtkWidget **label_out)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  *label_out = label;
  return popover;
}

static void
ga_item_row_dispose (GObject *object)
{
  GaItemRow *self = GA_ITEM_ROW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ga_item_row_parent_class)->dispose (object);
}

static void
ga_item_row_finalize (GObject *object)
{
  GaItemRow *self = GA_ITEM_ROW (object);

  g_ptr_array_unref (self->checks);
  g_free (self->shown_score);

  G_OBJECT_CLASS (ga_item_row_parent_class)->finalize (object);
}

static void
ga_item_row_class_init (GaItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_item_row_dispose;
  object_class->finalize = ga_item_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "itemrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ga_item_row_init (GaItemRow *self)
{
  GtkWidget *header, *footer, *popover, *box, *add, *label;
  GtkDropTarget *drop;

  self->checks = g_ptr_array_new ();
  self->editor_kind = -1;

  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "ga-item-row");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* The clause can be long ("GB/T 36132-2025 ch. 4 …"): it gets a line of
   * its own above the title so that the title keeps the width. */
  self->clause = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->clause, "dim-label");
  gtk_widget_add_css_class (self->clause, "ga-clause");
  gtk_label_set_xalign (GTK_LABEL (self->clause), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->clause), PANGO_ELLIPSIZE_END);
  gtk_widget_set_parent (self->clause, GTK_WIDGET (self));
  self->title = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_add_css_class (self->title, "heading");
  self->badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  for (guint i = 0; i < G_N_ELEMENTS (self->badge); i++)
    {
      static const char *classes[] = { "veto", "veto", NULL, NULL, "unverified" };

      self->badge[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->badge[i], "ga-badge");
      if (classes[i] != NULL)
        gtk_widget_add_css_class (self->badge[i], classes[i]);
      gtk_widget_set_valign (self->badge[i], GTK_ALIGN_CENTER);
      gtk_widget_set_visible (self->badge[i], FALSE);
      gtk_box_append (GTK_BOX (self->badges), self->badge[i]);
    }
  self->score_button = flat_menu_button (NULL, "–", _("Show how the score was calculated"));
  gtk_widget_add_css_class (self->score_button, "ga-score");
  popover = popover_with_label (&self->explain_label);
  g_signal_connect (popover, "show", G_CALLBACK (score_popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->score_button), popover);
  gtk_widget_set_valign (self->badges, GTK_ALIGN_START);
  gtk_widget_set_valign (self->score_button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (header), self->title);
  gtk_box_append (GTK_BOX (header), self->badges);
  gtk_box_append (GTK_BOX (header), self->score_button);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->requirement = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->requirement), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->requirement), 0);
  gtk_widget_add_css_class (self->requirement, "dim-label");
  gtk_widget_set_parent (self->requirement, GTK_WIDGET (self));

  self->editor_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_parent (self->editor_box, GTK_WIDGET (self));

  self->validation = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->validation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->validation), 0);
  gtk_widget_add_css_class (self->validation, "ga-validation");
  gtk_widget_set_visible (self->validation, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->validation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problem with this answer"), -1);
  gtk_widget_set_parent (self->validation, GTK_WIDGET (self));

  self->na_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new (_("Reason for N/A:"));
  self->na_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->na_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->na_entry),
                                  _("Why the requirement does not apply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->na_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for N/A"), -1);
  connect_entry (self, self->na_entry);
  gtk_box_append (GTK_BOX (self->na_box), label);
  gtk_box_append (GTK_BOX (self->na_box), self->na_entry);
  gtk_widget_set_visible (self->na_box, FALSE);
  gtk_widget_set_parent (self->na_box, GTK_WIDGET (self));

  self->note_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note_entry), _("Note for this item"));
  connect_entry (self, self->note_entry);
  gtk_widget_set_visible (self->note_entry, FALSE);
  gtk_widget_set_parent (self->note_entry, GTK_WIDGET (self));

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  self->note_button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->note_button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name",
                                      "document-edit-symbolic", "label", _("Note"), NULL));
  gtk_widget_add_css_class (self->note_button, "flat");
  gtk_widget_set_tooltip_text (self->note_button, _("Add a note to this item"));
  g_signal_connect (self->note_button, "toggled", G_CALLBACK (note_toggled_cb), self);

  self->evidence_button = flat_menu_button (NULL, _("Evidence"), _("Evidence files of this item"));
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->evidence_list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  add = gtk_button_new_with_mnemonic (_("_Add Files…"));
  g_signal_connect (add, "clicked", G_CALLBACK (add_evidence_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->evidence_list);
  gtk_box_append (GTK_BOX (box), add);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (popover, "show", G_CALLBACK (evidence_popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->evidence_button), popover);

  self->guidance_button = flat_menu_button ("help-about-symbolic", NULL,
                                            _("How to answer and what evidence to keep"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->guidance_button),
                               popover_with_label (&self->guidance_label));

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear the answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear the answer"), -1);
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);

  gtk_box_append (GTK_BOX (footer), self->note_button);
  gtk_box_append (GTK_BOX (footer), self->evidence_button);
  gtk_box_append (GTK_BOX (footer), self->guidance_button);
  gtk_box_append (GTK_BOX (footer), self->clear_button);
  gtk_widget_set_parent (footer, GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
ga_item_row_new (void)
{
  return g_object_new (GA_TYPE_ITEM_ROW, NULL);
}
