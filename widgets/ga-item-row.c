/* ga-item-row.c: one item of the checklist with the editor for its answer
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-item-row-private.h"

/* Text fields save this long after the last key press (and at once when
 * they lose focus or Enter is pressed), so typing "125" is one change in
 * the history, not three. */
#define SAVE_DELAY_MS 600

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GaItemRow, ga_item_row, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* Saving                                                               */

GaAnswer *
_ga_item_row_dup_answer (GaItemRow *self)
{
  const GaAnswer *current = ga_session_get_answer (self->session, self->item);

  return current ? ga_answer_copy (current) : ga_answer_new ();
}

void
_ga_item_row_show_problem (GaItemRow  *self,
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
gboolean
_ga_item_row_commit (GaItemRow *self,
                     GaAnswer  *answer)
{
  g_autoptr(GaAnswer) owned = answer;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->item == NULL)
    return FALSE;
  if (!ga_session_set_answer (self->session, self->item, owned, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      _ga_item_row_show_problem (self, message);
      return FALSE;
    }
  _ga_item_row_show_problem (self, NULL);
  return TRUE;
}

void
_ga_item_row_set_na (GaItemRow *self,
                     gboolean   na)
{
  g_autoptr(GaAnswer) answer = _ga_item_row_dup_answer (self);
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
  _ga_item_row_commit (self, g_steal_pointer (&answer));
}


/* What is wrong with @text as the answer to the row's item, or NULL: the
 * model's own check and message, the one greenassess-cli and the answers
 * file show, said while typing. */
static char *
check_typed (GaItemRow  *self,
             const char *text)
{
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = ga_answer_parse_text (text, self->item, &error);
  return answer == NULL ? g_strdup (error->message) : NULL;
}

static void
save_entry (GaItemRow *self,
            GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->item == NULL)
    return;

  if (entry == self->note_entry)
    {
      g_autofree char *note = g_strstrip (g_strdup (text));

      answer = _ga_item_row_dup_answer (self);
      g_free (answer->note);
      answer->note = note[0] != '\0' ? g_steal_pointer (&note) : NULL;
      _ga_item_row_commit (self, g_steal_pointer (&answer));
      return;
    }
  if (entry == self->na_entry)
    {
      _ga_item_row_set_na (self, TRUE);
      return;
    }

  /* The session reads the text with the model's check (a typed value
   * ends N/A and keeps the note) and saves it as greenassess-cli does. A
   * value the item does not take shows the model's message as it is; a
   * save the store refused says that it was not saved. */
  if (!ga_session_set_answer_text (self->session, self->item, text, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (error->domain != GA_ANSWER_ERROR)
        message = g_strdup_printf (_("Not saved: %s"), error->message);
      _ga_item_row_show_problem (self, message != NULL ? message : error->message);
      return;
    }
  _ga_item_row_show_problem (self, NULL);
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

      _ga_item_row_show_problem (self, problem);
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

void
_ga_item_row_connect_entry (GaItemRow *self,
                            GtkWidget *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
}


static void
clear_clicked_cb (GtkButton *button,
                  GaItemRow *self)
{
  g_autoptr(GaAnswer) answer = _ga_item_row_dup_answer (self);

  /* Clearing removes the answer but keeps the note. */
  ga_value_set_blank (&answer->value);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  g_clear_pointer (&answer->selected, g_strfreev);
  g_clear_pointer (&answer->rows, g_ptr_array_unref);
  _ga_item_row_commit (self, g_steal_pointer (&answer));
  ga_item_row_refresh (self);
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
  _ga_item_row_show_problem (self, problems->len > 0 ? problems->str : NULL);
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
    _ga_item_row_show_problem (self, error->message);
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


/* The badges' tooltips are fixed (set once when the row is made) or, for
 * "Unverified", asked for when shown: see header_query_tooltip_cb(). */
static void
set_badge (GaItemRow  *self,
           guint       index,
           gboolean    shown,
           const char *text,
           const char *css_class)
{
  GtkWidget *badge = self->badge[index];

  gtk_widget_set_visible (badge, shown);
  if (!shown)
    return;
  gtk_label_set_text (GTK_LABEL (badge), text);
  /* Changing a class restyles the badge: only when it changes. */
  if (g_strcmp0 (css_class, "mandatory") != 0 && gtk_widget_has_css_class (badge, "mandatory"))
    gtk_widget_remove_css_class (badge, "mandatory");
  if (css_class != NULL && !gtk_widget_has_css_class (badge, css_class))
    gtk_widget_add_css_class (badge, css_class);
}

/* One part of the (i) popover: a bold heading and its text (markup). */
static void
add_help_part (GString    *help,
               const char *heading,
               const char *text)
{
  g_autofree char *h = g_markup_escape_text (heading, -1);
  g_autofree char *t = g_markup_escape_text (text, -1);

  if (help->len > 0)
    g_string_append (help, "\n\n");
  g_string_append_printf (help, "<b>%s</b>\n%s", h, t);
}

/* The (i) popover: what to do, example evidence (the template's words and
 * the documents it lists), common failures, where the guidance comes from,
 * then the item's source. Markup. */
static void
build_guidance (const GaItem *item,
                GString      *help)
{
  const char *todo = ga_text_get (&item->guidance, NULL);
  const char *examples = ga_text_get (&item->guidance_evidence, NULL);
  const char *failures = ga_text_get (&item->guidance_failures, NULL);
  g_autoptr(GString) evidence = g_string_new (examples);

  if (*todo != '\0')
    add_help_part (help, _("What to do"), todo);
  for (guint i = 0; item->evidence != NULL && i < item->evidence->len; i++)
    g_string_append_printf (evidence, "%s• %s", evidence->len > 0 ? "\n" : "",
                            (char *) g_ptr_array_index (item->evidence, i));
  if (evidence->len > 0)
    add_help_part (help, _("Evidence to keep"), evidence->str);
  if (*failures != '\0')
    add_help_part (help, _("Common failures"), failures);
  if (*ga_text_get (&item->guidance_source, NULL) != '\0' && help->len > 0)
    {
      g_autofree char *source = g_markup_printf_escaped (
          _("Guidance after: %s"), ga_text_get (&item->guidance_source, NULL));

      g_string_append_printf (help, "\n\n<small>%s</small>", source);
    }
  if (item->source != NULL)
    {
      g_autofree char *source = g_markup_printf_escaped (_("Source: %s"), item->source);

      if (help->len > 0)
        g_string_append (help, "\n\n");
      g_string_append_printf (help, "<small>%s</small>", source);
    }
}

/* Whether build_guidance() has anything to say of @item. */
static gboolean
has_guidance (const GaItem *item)
{
  return *ga_text_get (&item->guidance, NULL) != '\0'
         || *ga_text_get (&item->guidance_evidence, NULL) != '\0'
         || (item->evidence != NULL && item->evidence->len > 0)
         || *ga_text_get (&item->guidance_failures, NULL) != '\0' || item->source != NULL;
}

/* The (i) popover is filled when it opens, not on every bind. */
static void
guidance_popover_show_cb (GtkPopover *popover,
                          GaItemRow  *self)
{
  g_autoptr(GString) help = g_string_new (NULL);

  if (self->item != NULL)
    build_guidance (self->item, help);
  gtk_label_set_markup (GTK_LABEL (self->guidance_label), help->str);
}

/* The clause, when it says more than the number, and why an item is not
 * verified: read from the bound item when the tooltip is shown. */
static gboolean
header_query_tooltip_cb (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         GaItemRow  *self)
{
  GaItem *item = self->item;
  const char *text = NULL;

  if (item == NULL)
    return FALSE;
  if (widget == self->clause)
    text = g_strcmp0 (item->clause, ga_item_get_number (item)) != 0 ? item->clause : NULL;
  else if (widget == self->badge[GA_BADGE_UNVERIFIED])
    text = item->unverified_reason ? item->unverified_reason
                                   : _("Not confirmed against the official text");
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
build_header (GaItemRow *self)
{
  GaItem *item = self->item;
  const char *requirement = ga_text_get (&item->requirement, NULL);

  /* Rebinding the item shown (the list refiltered) changes nothing here. */
  if (self->shown_header == item)
    return;
  self->shown_header = item;

  /* The number the lists name the item by; the clause, when it says more,
   * on hover. */
  gtk_label_set_text (GTK_LABEL (self->clause), ga_item_get_number (item));
  gtk_widget_set_visible (self->clause, *ga_item_get_number (item) != '\0');
  gtk_label_set_text (GTK_LABEL (self->title), ga_text_get (&item->title, NULL));
  gtk_label_set_text (GTK_LABEL (self->requirement), requirement ? requirement : "");
  gtk_widget_set_visible (self->requirement, requirement != NULL && requirement[0] != '\0');

  set_badge (self, GA_BADGE_VETO, item->veto, _("Veto"), "veto");
  set_badge (self, GA_BADGE_LIMITING, item->limiting, _("Limiting"), "veto");
  set_badge (self, GA_BADGE_MANDATORY, item->kind != GA_ITEM_COMPUTED,
             item->mandatory ? _("Mandatory") : _("Optional"),
             item->mandatory ? "mandatory" : NULL);
  set_badge (self, GA_BADGE_BONUS, item->bonus, _("Bonus"), NULL);
  set_badge (self, GA_BADGE_UNVERIFIED, !item->verified, _("Unverified"), "unverified");

  gtk_widget_set_visible (self->guidance_button, has_guidance (item));
  /* A computed item takes no answer, so it has nothing a note could be
   * saved with. */
  gtk_widget_set_visible (self->note_button, item->kind != GA_ITEM_COMPUTED);
}

/* A menu button's label is changed in place: gtk_menu_button_set_label()
 * makes its box, label and arrow anew each time. The button made from a
 * label holds a box whose first child is that label (what
 * gtk_menu_button_get_label() reads). */
static void
set_menu_button_text (GtkWidget  *button,
                      const char *text)
{
  GtkWidget *toggle = gtk_widget_get_first_child (button);
  GtkWidget *box = GTK_IS_BUTTON (toggle) ? gtk_button_get_child (GTK_BUTTON (toggle)) : NULL;
  GtkWidget *label = GTK_IS_BOX (box) ? gtk_widget_get_first_child (box) : NULL;

  if (GTK_IS_LABEL (label))
    gtk_label_set_text (GTK_LABEL (label), text);
  else
    gtk_menu_button_set_label (GTK_MENU_BUTTON (button), text);
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
      set_menu_button_text (self->score_button, score);
      description = g_strdup_printf (_("Score: %s. Show how it was calculated"), score);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      g_free (self->shown_score);
      self->shown_score = g_steal_pointer (&score);
    }

  /* Some of the points is partly met, drawn apart from not met. */
  if (ga_result_get_met (result) == GA_MET_NOT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "noncompliant");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "noncompliant");
  if (ga_result_get_met (result) == GA_MET_PARTIAL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "partial");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "partial");
  if (result->status == GA_STATUS_COMPLETE || result->status == GA_STATUS_NA)
    gtk_widget_add_css_class (GTK_WIDGET (self), "answered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "answered");

  if (n_evidence != self->shown_evidence
      || !gtk_menu_button_get_label (GTK_MENU_BUTTON (self->evidence_button)))
    {
      evidence = n_evidence > 0 ? g_strdup_printf (_("Evidence · %u"), n_evidence)
                                : g_strdup (_("Evidence"));
      set_menu_button_text (self->evidence_button, evidence);
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
    _ga_item_row_show_answer (self);
  show_result (self);
}

void
ga_item_row_refresh (GaItemRow *self)
{
  g_return_if_fail (GA_IS_ITEM_ROW (self));

  if (self->session == NULL || self->item == NULL)
    return;
  _ga_item_row_show_answer (self);
  show_result (self);
}

/* Shows @item of @session (either may be NULL: the row then shows nothing
 * new and saves nothing). A pending text edit of the previous item is
 * saved first. */
static void
set_item (GaItemRow *self,
          GaSession *session,
          GaItem    *item)
{
  gboolean session_changed, item_changed;

  ga_item_row_flush (self);
  session_changed = g_set_object (&self->session, session);
  item_changed = self->item != item;
  self->item = item;
  /* An item of another template may live where a freed one was. */
  if (session_changed || item == NULL)
    self->shown_header = NULL;

  /* What is shown stays until the next bind changes it: the score and
   * evidence labels are set only when they differ (shown_score,
   * shown_evidence), the header only for another item, the editor is
   * rebuilt only for another kind. */
  if (self->session != NULL && self->item != NULL)
    {
      g_autofree char *label = NULL;

      _ga_item_row_show_problem (self, NULL);

      build_header (self);
      _ga_item_row_build_editor (self);
      ga_item_row_refresh (self);

      if (item_changed)
        {
          label = ga_item_label (item, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
        }
    }

  if (session_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  if (item_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
ga_item_row_bind (GaItemRow *self,
                  GaSession *session,
                  GaItem    *item)
{
  g_return_if_fail (GA_IS_ITEM_ROW (self));
  g_return_if_fail (GA_IS_SESSION (session));
  g_return_if_fail (item != NULL);

  set_item (self, session, item);
}

void
ga_item_row_unbind (GaItemRow *self)
{
  g_return_if_fail (GA_IS_ITEM_ROW (self));

  set_item (self, NULL, NULL);
}

GaSession *
ga_item_row_get_session (GaItemRow *self)
{
  g_return_val_if_fail (GA_IS_ITEM_ROW (self), NULL);

  return self->session;
}

GaItem *
ga_item_row_get_item (GaItemRow *self)
{
  g_return_val_if_fail (GA_IS_ITEM_ROW (self), NULL);

  return self->item;
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
ga_item_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GaItemRow *self = GA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ITEM:
      g_value_set_pointer (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_item_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GaItemRow *self = GA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_item (self, g_value_get_object (value), self->item);
      break;
    case PROP_ITEM:
      set_item (self, self->session, g_value_get_pointer (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_item_row_dispose (GObject *object)
{
  GaItemRow *self = GA_ITEM_ROW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->session);
  _ga_item_row_free_editors (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_ITEM_ROW);
  /* Children without an id in the template are left to unparent here. */
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
  static const char *badges[GA_N_BADGES] = {
    "veto_badge", "limiting_badge", "mandatory_badge", "bonus_badge", "unverified_badge",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_item_row_dispose;
  object_class->finalize = ga_item_row_finalize;
  object_class->get_property = ga_item_row_get_property;
  object_class->set_property = ga_item_row_set_property;

  /**
   * GaItemRow:session:
   *
   * The session the row reads the answer from and saves it to.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * GaItemRow:item:
   *
   * The item shown (a GaItem* of the session's template), or NULL.
   */
  properties[PROP_ITEM] =
    g_param_spec_pointer ("item", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, clause);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, title);
  for (guint i = 0; i < GA_N_BADGES; i++)
    gtk_widget_class_bind_template_child_full (widget_class, badges[i], FALSE,
                                               G_STRUCT_OFFSET (GaItemRow, badge)
                                                   + i * sizeof (GtkWidget *));
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, score_button);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, explain_label);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, requirement);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, editor_box);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, validation);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, na_box);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, na_entry);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, note_button);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, guidance_button);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, GaItemRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, score_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_evidence_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_focus_leave_cb);

  gtk_widget_class_set_css_name (widget_class, "itemrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The popover gives its selectable label the focus, which selects all of
 * it; the text is shown unselected (it stays selectable to copy). */
static gboolean
clear_selection_idle (gpointer data)
{
  gtk_label_select_region (GTK_LABEL (data), 0, 0);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
guidance_mapped_cb (GtkWidget *popover,
                    GaItemRow *self)
{
  g_idle_add (clear_selection_idle, g_object_ref (self->guidance_label));
}

static void
ga_item_row_init (GaItemRow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Hidden in the template while their tooltips were set (see there). */
  gtk_widget_set_visible (self->score_button, TRUE);
  gtk_widget_set_visible (self->note_button, TRUE);
  gtk_widget_set_visible (self->evidence_button, TRUE);
  gtk_widget_set_visible (self->guidance_button, TRUE);
  gtk_widget_set_visible (self->clear_button, TRUE);

  self->checks = g_ptr_array_new ();
  _ga_item_row_init_editors (self);
  self->editor_kind = -1;
  self->shown_evidence = G_MAXUINT;
  g_signal_connect (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->guidance_button)), "map",
                    G_CALLBACK (guidance_mapped_cb), self);
  g_signal_connect (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->guidance_button)), "show",
                    G_CALLBACK (guidance_popover_show_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);

  /* Tooltips: the badges' fixed ones while they are still hidden (on a
   * visible widget, setting one asks the display where the pointer is),
   * the others read from the bound item when shown. */
  gtk_widget_set_tooltip_text (self->badge[GA_BADGE_VETO],
                               _("A failing answer fails the whole assessment"));
  gtk_widget_set_tooltip_text (self->badge[GA_BADGE_LIMITING],
                               _("Limiting indicator: it caps the level that can be reached"));
  gtk_widget_set_tooltip_text (self->badge[GA_BADGE_BONUS],
                               _("Bonus points outside the base maximum"));
  gtk_widget_set_has_tooltip (self->clause, TRUE);
  gtk_widget_set_has_tooltip (self->badge[GA_BADGE_UNVERIFIED], TRUE);
  g_signal_connect (self->clause, "query-tooltip", G_CALLBACK (header_query_tooltip_cb), self);
  g_signal_connect (self->badge[GA_BADGE_UNVERIFIED], "query-tooltip",
                    G_CALLBACK (header_query_tooltip_cb), self);

  /* Files dropped anywhere on the row become its evidence. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
ga_item_row_new (void)
{
  return g_object_new (GA_TYPE_ITEM_ROW, NULL);
}
