/* ga-item-row-editor.c: the editor of an item row's kind, and its answer
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compliance and yes/no items get linked toggles, numbers, points, text and
 * dates an entry, choices a drop-down, multiple choices check buttons,
 * tables a button that opens their window, computed items their value.
 * Every change is saved at once through the row.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-item-row-private.h"
#include "ga-table-dialog.h"

/* ------------------------------------------------------------------ */
/* Saving what the editors say                                          */

static void
choice_toggled_cb (GtkToggleButton *button,
                   GaItemRow       *self)
{
  static const char *compliance[] = { GA_COMPLIANCE_YES, GA_COMPLIANCE_PARTIAL, GA_COMPLIANCE_NO };
  g_autoptr(GaAnswer) answer = NULL;
  GaChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (choice == GA_CHOICE_NA)
    {
      _ga_item_row_set_na (self, TRUE);
      return;
    }
  answer = _ga_item_row_dup_answer (self);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  if (self->item->kind == GA_ITEM_YESNO)
    ga_value_set_boolean (&answer->value, choice == GA_CHOICE_YES);
  else
    ga_value_set_text (&answer->value, compliance[choice]);
  _ga_item_row_commit (self, g_steal_pointer (&answer));
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
  answer = _ga_item_row_dup_answer (self);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  /* Position 0 is "not answered". */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->item->options->len)
    ga_value_set_blank (&answer->value);
  else
    ga_value_set_text (&answer->value,
                       ((GaOption *) g_ptr_array_index (self->item->options, position - 1))->id);
  _ga_item_row_commit (self, g_steal_pointer (&answer));
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

  answer = _ga_item_row_dup_answer (self);
  answer->not_applicable = FALSE;
  g_clear_pointer (&answer->na_reason, g_free);
  g_strfreev (answer->selected);
  answer->selected = ids->len > 1 ? g_strdupv ((char **) ids->pdata) : NULL;
  _ga_item_row_commit (self, g_steal_pointer (&answer));
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
/* Building the editor for the bound item's kind                        */

/* A widget made now gets its fixed tooltip while still hidden: on a
 * visible widget, setting a tooltip asks the display where the pointer
 * is, a round trip to the X server. */
static void
set_fixed_tooltip (GtkWidget  *widget,
                   const char *text)
{
  gboolean visible = gtk_widget_get_visible (widget);

  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}

static GtkWidget *
add_choice (GaItemRow  *self,
            GtkWidget  *box,
            GaChoice    choice,
            const char *label)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  static const char *names[] = { "choice-yes", "choice-partial", "choice-no", "choice-na" };

  gtk_widget_set_name (button, names[choice]);
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (choice));
  if (self->choices[GA_CHOICE_YES] != NULL && choice != GA_CHOICE_YES)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 GTK_TOGGLE_BUTTON (self->choices[GA_CHOICE_YES]));
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  self->choices[choice] = button;
  return button;
}

/* The option on the drop-down's button is cut to fit: its tooltip shows
 * it whole, read when the tooltip is shown rather than set on every bind. */
static gboolean
option_query_tooltip_cb (GtkWidget  *label,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (option_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, label);
}

/* How wide @text is in characters of the width "width-chars" counts
 * (a Chinese character takes two). */
static int
text_columns (const char *text)
{
  int n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return n;
}

static void
option_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  popup)
{
  GtkStringObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text = gtk_string_object_get_string (object);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (popup)
    /* A wrapping label asks for the width of one character, and the list
     * opens that narrow (one character a line in Chinese): ask for the
     * option's own width, up to the 60 it wraps at. */
    gtk_label_set_width_chars (GTK_LABEL (label), MIN (text_columns (text), 60));
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
  set_fixed_tooltip (button, _("Not applicable: give the reason below"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not applicable"), -1);
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (GA_CHOICE_NA));
  if (self->choices[GA_CHOICE_YES] != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 GTK_TOGGLE_BUTTON (self->choices[GA_CHOICE_YES]));
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->editor), button);
  self->choices[GA_CHOICE_NA] = button;
}

static void
na_only_toggled_cb (GtkToggleButton *button,
                    GaItemRow       *self)
{
  if (self->updating)
    return;
  _ga_item_row_set_na (self, gtk_toggle_button_get_active (button));
}

/* For kinds whose editor is not a group of toggles: a separate N/A switch. */
static void
build_na_toggle (GaItemRow *self)
{
  GtkWidget *button;

  if (!self->item->na_allowed)
    return;
  button = gtk_toggle_button_new_with_label (_("N/A"));
  set_fixed_tooltip (button, _("Not applicable: give the reason below"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not applicable"), -1);
  g_signal_connect (button, "toggled", G_CALLBACK (na_only_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->editor), button);
  self->choices[GA_CHOICE_NA] = button;
}

static void
set_choice (GaItemRow *self,
            GaChoice   choice)
{
  for (guint i = 0; i < GA_N_CHOICES; i++)
    if (self->choices[i] != NULL)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[i]), i == choice);
}

static void
set_points_unit (GaItemRow *self)
{
  g_autofree char *max = ga_format_number (self->item->points, 2);
  g_autofree char *text = g_strdup_printf (_("of %s points"), max);

  gtk_label_set_text (GTK_LABEL (self->unit_label), text);
}

static void
build_choices (GaItemRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  if (self->item->kind == GA_ITEM_COMPLIANCE)
    {
      add_choice (self, box, GA_CHOICE_YES, _("Compliant"));
      add_choice (self, box, GA_CHOICE_PARTIAL, _("Partly"));
      add_choice (self, box, GA_CHOICE_NO, _("Non-compliant"));
    }
  else
    {
      add_choice (self, box, GA_CHOICE_YES, _("Yes"));
      add_choice (self, box, GA_CHOICE_NO, _("No"));
    }
  gtk_box_append (GTK_BOX (self->editor), box);
  self->named = box;
  build_na_choice (self);
}

static void
build_entry (GaItemRow *self)
{
  GaItem *item = self->item;

  self->entry = gtk_entry_new ();
  self->named = self->entry;
  gtk_widget_set_name (self->entry, "answer-entry");
  if (item->kind == GA_ITEM_TEXT)
    gtk_widget_set_hexpand (self->entry, TRUE);
  else
    gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 14);
  if (item->kind == GA_ITEM_DATE)
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
  if (item->kind == GA_ITEM_NUMBER || item->kind == GA_ITEM_POINTS)
    gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
  _ga_item_row_connect_entry (self, self->entry);
  gtk_box_append (GTK_BOX (self->editor), self->entry);
  if (item->kind == GA_ITEM_NUMBER)
    {
      self->unit_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->unit_label, "dim-label");
      gtk_box_append (GTK_BOX (self->editor), self->unit_label);
      if (item->prefill != NULL)
        {
          self->default_label = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (self->default_label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (self->default_label), 0);
          gtk_widget_add_css_class (self->default_label, "caption");
          gtk_box_append (GTK_BOX (self->editor), self->default_label);
        }
    }
  else if (item->kind == GA_ITEM_POINTS)
    {
      self->unit_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->unit_label, "dim-label");
      gtk_box_append (GTK_BOX (self->editor), self->unit_label);
    }
  if (item->kind != GA_ITEM_TEXT)
    build_na_toggle (self);
}

static void
build_dropdown (GaItemRow *self)
{
  g_autoptr(GtkListItemFactory) button_factory = option_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = option_factory (TRUE);

  /* The options are put in by fit_editor(), for each item shown. */
  self->dropdown = gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL);
  self->named = self->dropdown;
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->dropdown), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->dropdown), list_factory);
  g_signal_connect (self->dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);
  gtk_box_append (GTK_BOX (self->editor), self->dropdown);
  build_na_toggle (self);
}

static void
build_checks (GaItemRow *self)
{
  GaItem *item = self->item;
  GtkWidget *box = gtk_flow_box_new ();

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
  gtk_box_append (GTK_BOX (self->editor), box);
  build_na_toggle (self);
}

static void
build_table_button (GaItemRow *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit Table…"));

  gtk_widget_set_name (button, "edit-table");
  self->named = button;
  self->table_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->table_label, "dim-label");
  g_signal_connect (button, "clicked", G_CALLBACK (edit_table_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->editor), button);
  gtk_box_append (GTK_BOX (self->editor), self->table_label);
  build_na_toggle (self);
}

static void
build_computed (GaItemRow *self)
{
  self->value_label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->value_label), TRUE);
  gtk_widget_add_css_class (self->value_label, "ga-score");
  gtk_box_append (GTK_BOX (self->editor), self->value_label);
}

/* A new editor for the bound item's kind, in editor_box. */
static void
build_editor (GaItemRow *self)
{
  GaItem *item = self->item;

  self->editor = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (self->editor_box), self->editor);
  self->editor_kind = item->kind;
  self->editor_na = item->na_allowed;

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
    case GA_ITEM_YESNO:
      build_choices (self);
      break;
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
    case GA_ITEM_TEXT:
    case GA_ITEM_DATE:
      build_entry (self);
      break;
    case GA_ITEM_CHOICE:
      build_dropdown (self);
      break;
    case GA_ITEM_MULTI:
      build_checks (self);
      break;
    case GA_ITEM_TABLE:
      build_table_button (self);
      break;
    case GA_ITEM_COMPUTED:
    default:
      build_computed (self);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Keeping the editors of other kinds                                   */

/* How many editors of other kinds a row keeps: a checklist mixes a few
 * kinds, and each kept editor costs its widgets' memory. */
#define MAX_SPARE_EDITORS 4

static void
free_editor (gpointer data)
{
  GaRowEditor *editor = data;

  g_clear_object (&editor->box);
  g_clear_pointer (&editor->checks, g_ptr_array_unref);
  g_free (editor);
}

/* Whether an editor made for @kind (@na: with the N/A choice, @prefilled:
 * with the record's figure, @checks: the multiple-choice boxes) shows
 * @item as it is, once relabelled. A multiple choice needs the same
 * options; a choice's drop-down takes any. */
static gboolean
editor_fits (const GaItem *item,
             int           kind,
             gboolean      na,
             gboolean      prefilled,
             GPtrArray    *checks)
{
  guint n_options = item->options != NULL ? item->options->len : 0;

  if (kind != (int) item->kind || na != item->na_allowed || prefilled != (item->prefill != NULL))
    return FALSE;
  if (item->kind != GA_ITEM_MULTI)
    return TRUE;
  if (checks->len != n_options)
    return FALSE;
  for (guint i = 0; i < n_options; i++)
    if (g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (checks, i)),
                   ga_text_get (&((GaOption *) g_ptr_array_index (item->options, i))->label,
                                NULL))
        != 0)
      return FALSE;
  return TRUE;
}

/* The row's current editor leaves editor_box and is kept among the spares. */
static void
stash_editor (GaItemRow *self)
{
  GaRowEditor *editor;

  if (self->editor == NULL)
    return;
  editor = g_new0 (GaRowEditor, 1);
  editor->box = g_object_ref (self->editor);
  editor->named = self->named;
  memcpy (editor->choices, self->choices, sizeof self->choices);
  editor->entry = self->entry;
  editor->dropdown = self->dropdown;
  editor->checks = g_steal_pointer (&self->checks);
  editor->table_label = self->table_label;
  editor->value_label = self->value_label;
  editor->unit_label = self->unit_label;
  editor->default_label = self->default_label;
  editor->ref_label = self->ref_label;
  editor->kind = self->editor_kind;
  editor->na = self->editor_na;
  gtk_box_remove (GTK_BOX (self->editor_box), self->editor);

  self->editor = NULL;
  self->named = NULL;
  memset (self->choices, 0, sizeof self->choices);
  self->entry = NULL;
  self->dropdown = NULL;
  self->checks = g_ptr_array_new ();
  self->table_label = NULL;
  self->value_label = NULL;
  self->unit_label = NULL;
  self->default_label = NULL;
  self->ref_label = NULL;
  self->editor_kind = -1;

  g_ptr_array_insert (self->spare_editors, 0, editor);
  if (self->spare_editors->len > MAX_SPARE_EDITORS)
    g_ptr_array_remove_index (self->spare_editors, self->spare_editors->len - 1);
}

/* The spare editor at @index becomes the row's editor again. */
static void
restore_editor (GaItemRow *self,
                guint      index)
{
  GaRowEditor *editor = g_ptr_array_steal_index (self->spare_editors, index);

  self->editor = editor->box;
  self->named = editor->named;
  memcpy (self->choices, editor->choices, sizeof self->choices);
  self->entry = editor->entry;
  self->dropdown = editor->dropdown;
  g_ptr_array_unref (self->checks);
  self->checks = g_steal_pointer (&editor->checks);
  self->table_label = editor->table_label;
  self->value_label = editor->value_label;
  self->unit_label = editor->unit_label;
  self->default_label = editor->default_label;
  self->ref_label = editor->ref_label;
  self->editor_kind = editor->kind;
  self->editor_na = editor->na;
  gtk_box_append (GTK_BOX (self->editor_box), self->editor);
  free_editor (editor);
}

void
_ga_item_row_init_editors (GaItemRow *self)
{
  self->spare_editors = g_ptr_array_new_with_free_func (free_editor);
}

void
_ga_item_row_free_editors (GaItemRow *self)
{
  g_clear_pointer (&self->spare_editors, g_ptr_array_unref);
}

/* The drop-down's options become the bound item's, if they are not
 * already. */
static void
fit_options (GaItemRow *self)
{
  GaItem *item = self->item;
  GtkStringList *labels = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (self->dropdown)));
  guint n_options = item->options != NULL ? item->options->len : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (labels));
  g_autoptr(GPtrArray) wanted = NULL;
  gboolean same = n_shown == n_options + 1;
  gboolean was_updating = self->updating;

  for (guint i = 0; same && i < n_options; i++)
    same = g_strcmp0 (gtk_string_list_get_string (labels, i + 1),
                      ga_text_get (&((GaOption *) g_ptr_array_index (item->options, i))->label,
                                   NULL))
           == 0;
  if (same)
    return;

  /* Position 0 is "not answered". */
  wanted = g_ptr_array_new ();
  g_ptr_array_add (wanted, (gpointer) _("Not answered"));
  for (guint i = 0; i < n_options; i++)
    g_ptr_array_add (wanted, (gpointer) ga_text_get (
                                 &((GaOption *) g_ptr_array_index (item->options, i))->label, NULL));
  g_ptr_array_add (wanted, NULL);
  /* The selection moves with the options: not a change of the answer. */
  self->updating = TRUE;
  gtk_string_list_splice (labels, 0, n_shown, (const char *const *) wanted->pdata);
  self->updating = was_updating;
}

/* What the editor says of the bound item: its title as the control's
 * name, the unit, the options. */
static void
fit_editor (GaItemRow *self)
{
  GaItem *item = self->item;

  if (self->named != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    ga_text_get (&item->title, NULL), -1);
  if (self->unit_label != NULL && item->kind == GA_ITEM_NUMBER)
    {
      gtk_label_set_text (GTK_LABEL (self->unit_label), item->unit ? item->unit : "");
      gtk_widget_set_visible (self->unit_label, item->unit != NULL);
    }
  else if (self->unit_label != NULL && item->kind == GA_ITEM_POINTS)
    set_points_unit (self);
  if (self->dropdown != NULL)
    fit_options (self);
}

void
_ga_item_row_build_editor (GaItemRow *self)
{
  GaItem *item = self->item;

  if (self->editor == NULL
      || !editor_fits (item, self->editor_kind, self->editor_na, self->default_label != NULL,
                       self->checks))
    {
      stash_editor (self);
      for (guint i = 0; i < self->spare_editors->len; i++)
        {
          GaRowEditor *spare = g_ptr_array_index (self->spare_editors, i);

          if (editor_fits (item, spare->kind, spare->na, spare->default_label != NULL,
                           spare->checks))
            {
              restore_editor (self, i);
              break;
            }
        }
      if (self->editor == NULL)
        build_editor (self);
    }
  fit_editor (self);
}

/* ------------------------------------------------------------------ */
/* Showing the answer                                                   */

static void
show_na_toggle (GaItemRow *self,
                gboolean   na)
{
  if (self->choices[GA_CHOICE_NA] != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[GA_CHOICE_NA]), na);
}

static void
show_choices (GaItemRow      *self,
              const GaAnswer *answer,
              gboolean        na)
{
  if (na)
    set_choice (self, GA_CHOICE_NA);
  else if (answer == NULL || answer->value.kind == GA_VALUE_BLANK)
    set_choice (self, GA_N_CHOICES);
  else if (answer->value.kind == GA_VALUE_BOOLEAN)
    set_choice (self, answer->value.u.boolean ? GA_CHOICE_YES : GA_CHOICE_NO);
  else if (answer->value.kind == GA_VALUE_TEXT)
    set_choice (self, g_strcmp0 (answer->value.u.text, GA_COMPLIANCE_YES) == 0 ? GA_CHOICE_YES
                      : g_strcmp0 (answer->value.u.text, GA_COMPLIANCE_PARTIAL) == 0
                          ? GA_CHOICE_PARTIAL
                          : GA_CHOICE_NO);
}

/* Where a prefilled figure comes from, as the user knows the place. */
static const char *
prefill_place (const GaItem *item)
{
  if (g_str_has_prefix (item->prefill, "energy."))
    return _("the same year's energy audit");
  if (g_str_has_prefix (item->prefill, "green_factory."))
    return _("the same year's green-factory evaluation");
  if (g_str_has_prefix (item->prefill, "members."))
    return _("the park's member enterprises");
  return g_str_has_prefix (item->prefill, "assessment.") ? _("the assessment")
                                                           : _("the enterprise record");
}

/* A prefilled number: the record's figure stands in the empty entry, and
 * an answer of the assessment's own that differs from it is marked. */
static void
show_default (GaItemRow      *self,
              const GaAnswer *answer,
              gboolean        na)
{
  const GaAnswer *def = ga_engine_get_default (ga_session_get_engine (self->session), self->item);
  g_autofree char *figure = NULL;
  g_autofree char *placeholder = NULL;
  g_autofree char *mark = NULL;
  gboolean answered = answer != NULL && !na && answer->value.kind == GA_VALUE_NUMBER;

  if (self->default_label == NULL)
    return;
  if (def != NULL && def->value.kind == GA_VALUE_NUMBER)
    figure = ga_format_number (def->value.u.number, 6);
  if (figure != NULL)
    /* Translators: the placeholder of an empty number field: "8000 (from the
     * enterprise record)". */
    placeholder = g_strdup_printf (_("%s (from %s)"), figure, prefill_place (self->item));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), placeholder);
  if (figure != NULL && answered && ga_number_compare (answer->value.u.number,
                                                       def->value.u.number) != 0)
    /* Translators: shown beside a number the user typed for this assessment
     * when the enterprise record has another: "Own value; the enterprise
     * record has 8000. Clear it to use the record's." */
    mark = g_strdup_printf (_("Own value for this assessment; %s has %s. Clear it to use that."),
                            prefill_place (self->item), figure);
  else if (figure != NULL && !answered && !na)
    mark = g_strdup_printf (_("Taken from %s; type a value to use another for this assessment."),
                            prefill_place (self->item));
  gtk_label_set_text (GTK_LABEL (self->default_label), mark != NULL ? mark : "");
  gtk_widget_set_visible (self->default_label, mark != NULL);
  gtk_widget_remove_css_class (self->default_label, "warning");
  gtk_widget_remove_css_class (self->default_label, "dim-label");
  gtk_widget_add_css_class (self->default_label, answered ? "warning" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mark != NULL ? mark : "",
                                  -1);
}

static void
show_entry (GaItemRow      *self,
            const GaAnswer *answer,
            gboolean        na,
            gboolean        read_only)
{
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
  _ga_item_row_show_reference (self);
  gtk_widget_set_sensitive (self->entry, !na && !read_only);
  show_na_toggle (self, na);
  show_default (self, answer, na);
}

static void
show_dropdown (GaItemRow      *self,
               const GaAnswer *answer,
               gboolean        na,
               gboolean        read_only)
{
  guint position = 0;

  if (answer != NULL && !na && answer->value.kind == GA_VALUE_TEXT)
    for (guint i = 0; i < self->item->options->len; i++)
      if (g_strcmp0 (((GaOption *) g_ptr_array_index (self->item->options, i))->id,
                     answer->value.u.text) == 0)
        position = i + 1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), position);
  gtk_widget_set_sensitive (self->dropdown, !na && !read_only);
  show_na_toggle (self, na);
}

static void
show_checks (GaItemRow      *self,
             const GaAnswer *answer,
             gboolean        na,
             gboolean        read_only)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GaOption *option = g_ptr_array_index (self->item->options, i);

      gtk_check_button_set_active (
          g_ptr_array_index (self->checks, i),
          answer != NULL && answer->selected != NULL
              && g_strv_contains ((const char *const *) answer->selected, option->id));
      gtk_widget_set_sensitive (g_ptr_array_index (self->checks, i), !na && !read_only);
    }
  show_na_toggle (self, na);
}

static void
show_table (GaItemRow *self,
            gboolean   na)
{
  GaEngine *engine = ga_session_get_engine (self->session);
  guint n = ga_engine_get_n_rows (engine, self->item);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n);

  gtk_label_set_text (GTK_LABEL (self->table_label), text);
  show_na_toggle (self, na);
}

static void
show_computed (GaItemRow *self)
{
  GaEngine *engine = ga_session_get_engine (self->session);
  const GaResult *result = ga_engine_get_item_result (engine, self->item);
  g_autofree char *text
      = result ? ga_format_value (&result->value, self->item->unit) : g_strdup ("–");

  gtk_label_set_text (GTK_LABEL (self->value_label), text);
}

/* The note, the N/A reason and the Clear button, common to every kind. */
static void
show_note_and_clear (GaItemRow      *self,
                     const GaAnswer *answer,
                     gboolean        na,
                     gboolean        read_only)
{
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
}

void
_ga_item_row_show_answer (GaItemRow *self)
{
  const GaAnswer *answer = ga_session_get_answer (self->session, self->item);
  gboolean na = answer != NULL && answer->not_applicable;
  gboolean read_only = ga_session_is_read_only (self->session);

  self->updating = TRUE;

  switch (self->item->kind)
    {
    case GA_ITEM_COMPLIANCE:
    case GA_ITEM_YESNO:
      show_choices (self, answer, na);
      break;
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
    case GA_ITEM_TEXT:
    case GA_ITEM_DATE:
      show_entry (self, answer, na, read_only);
      break;
    case GA_ITEM_CHOICE:
      show_dropdown (self, answer, na, read_only);
      break;
    case GA_ITEM_MULTI:
      show_checks (self, answer, na, read_only);
      break;
    case GA_ITEM_TABLE:
      show_table (self, na);
      break;
    case GA_ITEM_COMPUTED:
    default:
      show_computed (self);
      break;
    }
  show_note_and_clear (self, answer, na, read_only);

  self->updating = FALSE;
}
