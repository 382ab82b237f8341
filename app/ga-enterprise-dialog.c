/* ga-enterprise-dialog.c: add or edit an enterprise, with inline validation
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ga-enterprise-dialog.h"
#include "ga-format.h"
#include "ga-industry-picker.h"

struct _GaEnterpriseDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkButton       *save_button;
  AdwEntryRow     *name_row;
  AdwEntryRow     *credit_code_row;
  GtkImage        *credit_code_icon;
  AdwPreferencesRow *credit_code_message_row;
  GtkLabel        *credit_code_message;
  GaIndustryPicker *industry_picker;
  GtkDropDown     *region_dropdown;
  AdwEntryRow     *address_row;
  AdwEntryRow     *legal_row;
  AdwEntryRow     *contact_name_row;
  AdwEntryRow     *contact_phone_row;
  AdwEntryRow     *contact_email_row;
  AdwEntryRow     *output_row;
  AdwEntryRow     *value_added_row;
  AdwEntryRow     *employees_row;
  AdwComboRow     *ownership_row;
  AdwComboRow     *kind_row;         /* factory, park: GaEnterpriseKind order */
  AdwEntryRow     *authority_row;
  AdwEntryRow     *capital_row;
  AdwEntryRow     *founded_row;
  AdwEntryRow     *valid_until_row;
  GtkCheckButton  *long_term_check;
  AdwEntryRow     *postal_code_row;
  AdwEntryRow     *legal_phone_row;
  AdwEntryRow     *department_row;
  AdwEntryRow     *mobile_row;
  AdwEntryRow     *fax_row;
  AdwEntryRow     *products_row;
  GtkTextView     *profile_view;
  AdwPreferencesRow *number_message_row;
  GtkLabel        *number_message;

  /* Owned references */
  GaStore         *store;
  GaEnterprise    *enterprise;   /* the one edited; NULL for a new one */
  gboolean         region_touched;
  char            *loaded;       /* the form as it was opened (form_state()) */
  gboolean         leaving;      /* saved, or changes discarded: may close */
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaEnterpriseDialog, ga_enterprise_dialog, ADW_TYPE_WINDOW)

/* The characters GB 32100-2015 uses: digits and upper-case letters except
 * I, O, S, V and Z. */
static gboolean
is_code_char (char c)
{
  return g_ascii_isdigit (c) || (c >= 'A' && c <= 'Z' && strchr ("IOSVZ", c) == NULL);
}

char *
ga_enterprise_dialog_check_credit_code (const char *text)
{
  g_autofree char *code = ga_credit_code_normalize (text ? text : "");
  glong length = g_utf8_strlen (code, -1);
  char expected;

  if (length == 0)
    return g_strdup (_("Enter the 18-character code printed on the business licence."));

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_code_char (*p))
      {
        g_autofree char *bad = g_utf8_substring (p, 0, 1);

        /* Translators: %s is the character typed, %ld its position (1 = first). */
        return g_strdup_printf (_("“%s” at position %ld is not used in credit codes: "
                                  "they use digits and the letters A–Y without I, O, S, V."),
                                bad, g_utf8_pointer_to_offset (code, p) + 1);
      }

  if (length != GA_CREDIT_CODE_LENGTH)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The code has %ld character; it needs 18.",
                                         "The code has %ld characters; it needs 18.", length),
                            length);

  expected = ga_credit_code_check_char (code);
  if (expected != '\0' && expected != code[17])
    return g_strdup_printf (_("The check character (the last one) should be %c, not %c. "
                              "Check the code against the licence for a mistyped character."),
                            expected, code[17]);

  /* The store's own validation has the final word (it is what saving
   * applies); the checks above only give friendlier messages first. */
  {
    g_autoptr(GError) error = NULL;

    if (!ga_credit_code_validate (code, &error))
      return g_strdup (error->message);
  }
  return NULL;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
row_dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (row)));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Parses an optional non-negative number; empty is NaN. */
static gboolean
parse_number (AdwEntryRow *row,
              gboolean     integer,
              double      *out,
              char       **message)
{
  g_autofree char *text = row_dup_text (row);
  char *end = NULL;
  double value;

  *out = NAN;
  if (text == NULL)
    return TRUE;

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value < 0
      || (integer && value != floor (value)))
    {
      if (integer)
        *message
            = g_strdup_printf (_("%s: “%s” is not a whole number of 0 or more."),
                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
      else
        *message = g_strdup_printf (
            _("%s: “%s” is not a number of 0 or more (use a dot for decimals)."),
            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Marks @row as holding a mistake, said by @message, or (NULL) as not:
 * drawn in the error colour and announced as invalid with the message. */
static void
mark_row (AdwEntryRow *row,
          const char  *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* Checks every number field, marks the wrong ones and shows the first
 * one's message. */
static gboolean
numbers_valid (GaEnterpriseDialog *self,
               double             *output,
               double             *value_added,
               double             *employees,
               double             *capital)
{
  AdwEntryRow *rows[] = { self->capital_row, self->output_row, self->value_added_row,
                          self->employees_row };
  const gboolean whole[] = { FALSE, FALSE, FALSE, TRUE };
  double *values[] = { capital, output, value_added, employees };
  g_autofree char *message = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *problem = NULL;

      if (!parse_number (rows[i], whole[i], values[i], &problem))
        {
          ok = FALSE;
          if (message == NULL)
            message = g_strdup (problem);
        }
      mark_row (rows[i], problem);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->number_message_row), !ok);
  gtk_label_set_text (self->number_message, message ? message : "");
  return ok;
}

static const char *
dropdown_code (GtkDropDown *dropdown)
{
  GtkStringObject *object = gtk_drop_down_get_selected_item (dropdown);
  const char *text;

  /* Row 0 is "not given"; the others start with the code and a space. */
  if (object == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  text = gtk_string_object_get_string (object);
  return text;
}

static char *
dropdown_dup_code (GtkDropDown *dropdown)
{
  const char *text = dropdown_code (dropdown);
  const char *space;

  if (text == NULL)
    return NULL;
  space = strchr (text, ' ');
  return space ? g_strndup (text, space - text) : g_strdup (text);
}

static void
validate (GaEnterpriseDialog *self)
{
  g_autofree char *name = row_dup_text (self->name_row);
  g_autofree char *problem
      = ga_enterprise_dialog_check_credit_code (row_text (self->credit_code_row));
  gboolean typed = row_text (self->credit_code_row)[0] != '\0';
  double a, b, c, d;
  gboolean numbers_ok = numbers_valid (self, &a, &b, &c, &d);

  /* An empty code is not an error to shout about while the form is being
   * filled in; it only keeps Save insensitive. */
  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_message_row), typed && problem != NULL);
  gtk_label_set_text (self->credit_code_message, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_icon), problem == NULL);
  if (typed && problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->credit_code_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->credit_code_row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->credit_code_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : _("The code is valid"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->credit_code_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               typed && problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                        : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  if (name == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "warning");

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            name != NULL && problem == NULL && numbers_ok);
}

static guint
find_position (GtkDropDown *dropdown,
               const char  *code)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *prefix = g_strconcat (code, " ", NULL);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GtkStringObject) object = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (object), prefix))
        return i;
    }
  return 0;
}

static void
credit_code_changed_cb (GaEnterpriseDialog *self)
{
  g_autofree char *code = ga_credit_code_normalize (row_text (self->credit_code_row));
  g_autofree char *problem = NULL;

  validate (self);

  /* The code names the province where the enterprise is registered; offer
   * it until the user picks a region. */
  problem = ga_enterprise_dialog_check_credit_code (code);
  if (!self->region_touched && problem == NULL)
    {
      const char *province = ga_credit_code_get_province (code);

      if (province != NULL)
        {
          g_signal_handlers_block_matched (self->region_dropdown, G_SIGNAL_MATCH_DATA,
                                           0, 0, NULL, NULL, self);
          gtk_drop_down_set_selected (self->region_dropdown,
                                      find_position (self->region_dropdown, province));
          g_signal_handlers_unblock_matched (self->region_dropdown, G_SIGNAL_MATCH_DATA,
                                             0, 0, NULL, NULL, self);
        }
    }
}

static void
region_selected_cb (GaEnterpriseDialog *self)
{
  self->region_touched = TRUE;
}

/* The ownership drop-down: "not given", then ga_enterprise_ownerships(). */
static char *
ownership_id (GaEnterpriseDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->ownership_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_strdup (ga_enterprise_ownerships ()[selected - 1].id);
}

static char *
profile_dup_text (GaEnterpriseDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->profile_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static GListModel *
ownership_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  gboolean zh = g_str_has_prefix (ga_format_language (), "zh");

  gtk_string_list_append (list, _("Not given"));
  for (const GaOwnership *o = ga_enterprise_ownerships (); o->id != NULL; o++)
    gtk_string_list_append (list, zh ? o->label_zh : o->label_en);
  return G_LIST_MODEL (list);
}

static void
long_term_toggled_cb (GaEnterpriseDialog *self)
{
  gboolean long_term = gtk_check_button_get_active (self->long_term_check);

  if (long_term)
    gtk_editable_set_text (GTK_EDITABLE (self->valid_until_row), "");
  gtk_editable_set_editable (GTK_EDITABLE (self->valid_until_row), !long_term);
}

static void
show_error (GaEnterpriseDialog *self,
            const GError       *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Enterprise Was Not Saved"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Scrolls the form so that @row is in view (a third down from the top
 * when it was out of view). */
static void
scroll_into_view (GtkWidget *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, page;

  if (scrolled == NULL)
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (!gtk_widget_compute_bounds (row, content, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  top = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y >= top && bounds.origin.y + bounds.size.height <= top + page)
    return;
  gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - page / 3));
}

/* The first field, top to bottom, that keeps the form from being saved:
 * no name, a wrong or missing credit code, a wrong number. */
static GtkWidget *
first_problem (GaEnterpriseDialog *self)
{
  AdwEntryRow *numbers[] = { self->capital_row, self->output_row, self->value_added_row,
                             self->employees_row };
  g_autofree char *name = row_dup_text (self->name_row);
  g_autofree char *code_problem
      = ga_enterprise_dialog_check_credit_code (row_text (self->credit_code_row));

  if (name == NULL)
    return GTK_WIDGET (self->name_row);
  if (code_problem != NULL)
    return GTK_WIDGET (self->credit_code_row);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (numbers[i]), "error"))
      return GTK_WIDGET (numbers[i]);
  return NULL;
}

/* Brings the first problem into view and puts the cursor in it. */
static gboolean
reveal_problem (GaEnterpriseDialog *self)
{
  GtkWidget *row = first_problem (self);

  if (row == NULL)
    return FALSE;
  scroll_into_view (row);
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  GaEnterpriseDialog *self = GA_ENTERPRISE_DIALOG (widget);
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GError) error = NULL;
  double output, value_added, employees, capital;
  gint64 id;

  validate (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button))
      || !numbers_valid (self, &output, &value_added, &employees, &capital))
    {
      reveal_problem (self);
      return;
    }

  e = self->enterprise ? ga_enterprise_copy (self->enterprise) : ga_enterprise_new ();
#define SET_TEXT(field, row)                                                                       \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_free (e->field);                                                                             \
    e->field = row_dup_text (row);                                                                 \
  }                                                                                                \
  G_STMT_END
  SET_TEXT (name, self->name_row);
  SET_TEXT (address, self->address_row);
  SET_TEXT (legal_representative, self->legal_row);
  SET_TEXT (contact_name, self->contact_name_row);
  SET_TEXT (contact_phone, self->contact_phone_row);
  SET_TEXT (contact_email, self->contact_email_row);
  SET_TEXT (registration_authority, self->authority_row);
  SET_TEXT (founded_on, self->founded_row);
  SET_TEXT (postal_code, self->postal_code_row);
  SET_TEXT (legal_representative_phone, self->legal_phone_row);
  SET_TEXT (contact_department, self->department_row);
  SET_TEXT (contact_mobile, self->mobile_row);
  SET_TEXT (fax, self->fax_row);
  SET_TEXT (main_products, self->products_row);
  SET_TEXT (valid_until, self->valid_until_row);
#undef SET_TEXT
  if (gtk_check_button_get_active (self->long_term_check))
    {
      g_free (e->valid_until);
      e->valid_until = g_strdup ("long-term");
    }
  g_free (e->ownership);
  e->ownership = ownership_id (self);
  e->kind = adw_combo_row_get_selected (self->kind_row) == GA_ENTERPRISE_PARK
            ? GA_ENTERPRISE_PARK : GA_ENTERPRISE_FACTORY;
  g_free (e->profile);
  e->profile = profile_dup_text (self);
  e->registered_capital = capital;
  g_free (e->credit_code);
  e->credit_code = ga_credit_code_normalize (row_text (self->credit_code_row));
  g_free (e->industry);
  e->industry = g_strdup (ga_industry_picker_get_code (self->industry_picker));
  g_free (e->region);
  e->region = dropdown_dup_code (self->region_dropdown);
  e->output_value = output;
  e->value_added = value_added;
  e->employees = isnan (employees) ? -1 : (gint64) employees;

  if (self->enterprise != NULL)
    id = ga_store_update_enterprise (self->store, e, &error) ? e->id : 0;
  else
    id = ga_store_add_enterprise (self->store, e, &error);

  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  self->leaving = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated_cb (GaEnterpriseDialog *self)
{
  /* Enter in a field saves when the form is complete, as in any dialog
   * with a default button; otherwise it shows what is missing or wrong. */
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static GListModel *
region_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const GaRegion *all;
  guint n = 0;

  gtk_string_list_append (list, _("Not given"));
  all = ga_region_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", all[i].code, all[i].name);

      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

/* Everything the form holds, as one string: what the fields say, the
 * choices, the check boxes and the profile. */
static void
append_state (GtkWidget *widget,
              GString   *state)
{
  if (GA_IS_INDUSTRY_PICKER (widget))
    g_string_append_printf (state, "%s\x1f", ga_industry_picker_get_code (
                                                  GA_INDUSTRY_PICKER (widget)) ?: "");
  else if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) == NULL)
    g_string_append_printf (state, "%s\x1f", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    g_string_append_printf (state, "%u\x1f", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
  else if (ADW_IS_COMBO_ROW (widget))
    g_string_append_printf (state, "%u\x1f", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (state, "%d\x1f",
                            gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (state, "%s\x1f", text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      append_state (child, state);
}

static char *
form_state (GaEnterpriseDialog *self)
{
  GString *state = g_string_new (NULL);

  append_state (GTK_WIDGET (self), state);
  return g_string_free (state, FALSE);
}

/* The question (transient for the form) goes first, then the form. */
static gboolean
answered_idle_cb (gpointer data)
{
  GaEnterpriseDialog *self = data;
  const char *response = g_object_get_data (G_OBJECT (self), "response");

  if (g_strcmp0 (response, "discard") == 0)
    {
      self->leaving = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     GaEnterpriseDialog *self)
{
  g_object_set_data_full (G_OBJECT (self), "response", g_strdup (response), g_free);
  g_idle_add (answered_idle_cb, g_object_ref (self));
}

/* Escape or the close button with changes not saved asks first: one key
 * press (after closing a drop-down, say) must not lose a filled-in form. */
static gboolean
ga_enterprise_dialog_close_request (GtkWindow *window)
{
  GaEnterpriseDialog *self = GA_ENTERPRISE_DIALOG (window);
  g_autofree char *now = NULL;
  AdwMessageDialog *dialog;

  if (self->leaving || self->loaded == NULL)
    return FALSE;
  now = form_state (self);
  if (g_strcmp0 (now, self->loaded) == 0)
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      window, _("Discard Changes?"),
      _("The changes made to this enterprise have not been saved.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Editing"), "discard",
                                    _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    {
      adw_message_dialog_add_response (dialog, "save", _("_Save"));
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
ga_enterprise_dialog_finalize (GObject *object)
{
  g_free (GA_ENTERPRISE_DIALOG (object)->loaded);

  G_OBJECT_CLASS (ga_enterprise_dialog_parent_class)->finalize (object);
}

static void
ga_enterprise_dialog_dispose (GObject *object)
{
  GaEnterpriseDialog *self = GA_ENTERPRISE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->enterprise, ga_enterprise_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_ENTERPRISE_DIALOG);

  G_OBJECT_CLASS (ga_enterprise_dialog_parent_class)->dispose (object);
}

static void
ga_enterprise_dialog_class_init (GaEnterpriseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_enterprise_dialog_dispose;
  object_class->finalize = ga_enterprise_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = ga_enterprise_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GA_TYPE_INDUSTRY_PICKER);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-enterprise-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, credit_code_icon);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, credit_code_message_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, credit_code_message);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, industry_picker);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, legal_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, value_added_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, employees_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, ownership_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, capital_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, founded_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, valid_until_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, long_term_check);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, postal_code_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, legal_phone_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, mobile_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, fax_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, products_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, profile_view);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, number_message_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnterpriseDialog, number_message);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save",
                                       NULL);
}

static void
ga_enterprise_dialog_init (GaEnterpriseDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GListModel) regions = region_model ();
  g_autoptr(GListModel) ownerships = ownership_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->ownership_row, ownerships);
  g_signal_connect_swapped (self->long_term_check, "toggled", G_CALLBACK (long_term_toggled_cb),
                            self);
  g_signal_connect_swapped (self->capital_row, "changed", G_CALLBACK (validate), self);

  /* Searching a drop-down matches the text shown: code and name. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->region_dropdown, expression);
  gtk_drop_down_set_model (self->region_dropdown, regions);

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->credit_code_row, "changed", G_CALLBACK (credit_code_changed_cb),
                            self);
  g_signal_connect_swapped (self->output_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->value_added_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->employees_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->capital_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                            self);
  g_signal_connect_swapped (self->credit_code_row, "entry-activated",
                            G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->capital_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                            self);
  g_signal_connect_swapped (self->output_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                            self);
  g_signal_connect_swapped (self->value_added_row, "entry-activated",
                            G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->employees_row, "entry-activated",
                            G_CALLBACK (entry_activated_cb), self);
}

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  if (isfinite (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      set_row (row, g_ascii_dtostr (buffer, sizeof buffer, value));
    }
}

/* The report's 基本信息表 fields of @enterprise into their rows. */
static void
set_details (GaEnterpriseDialog *self,
             const GaEnterprise *enterprise)
{
  const GaOwnership *all = ga_enterprise_ownerships ();

  set_row (self->authority_row, enterprise->registration_authority);
  set_number (self->capital_row, enterprise->registered_capital);
  set_row (self->founded_row, enterprise->founded_on);
  set_row (self->postal_code_row, enterprise->postal_code);
  set_row (self->legal_phone_row, enterprise->legal_representative_phone);
  set_row (self->department_row, enterprise->contact_department);
  set_row (self->mobile_row, enterprise->contact_mobile);
  set_row (self->fax_row, enterprise->fax);
  set_row (self->products_row, enterprise->main_products);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->profile_view),
                            enterprise->profile != NULL ? enterprise->profile : "", -1);
  if (g_strcmp0 (enterprise->valid_until, "long-term") == 0)
    gtk_check_button_set_active (self->long_term_check, TRUE);
  else
    set_row (self->valid_until_row, enterprise->valid_until);
  for (guint i = 0; all[i].id != NULL; i++)
    if (g_strcmp0 (all[i].id, enterprise->ownership) == 0)
      adw_combo_row_set_selected (self->ownership_row, i + 1);
  adw_combo_row_set_selected (self->kind_row, enterprise->kind);
}

GaEnterpriseDialog *
ga_enterprise_dialog_new (GtkWindow          *parent,
                          GaStore            *store,
                          const GaEnterprise *enterprise)
{
  GaEnterpriseDialog *self;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  self = g_object_new (GA_TYPE_ENTERPRISE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (enterprise != NULL)
    {
      self->enterprise = ga_enterprise_copy (enterprise);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Enterprise"));
      set_row (self->name_row, enterprise->name);
      set_row (self->credit_code_row, enterprise->credit_code);
      set_row (self->address_row, enterprise->address);
      set_row (self->legal_row, enterprise->legal_representative);
      set_row (self->contact_name_row, enterprise->contact_name);
      set_row (self->contact_phone_row, enterprise->contact_phone);
      set_row (self->contact_email_row, enterprise->contact_email);
      set_number (self->output_row, enterprise->output_value);
      set_number (self->value_added_row, enterprise->value_added);
      if (enterprise->employees >= 0)
        set_number (self->employees_row, (double) enterprise->employees);
      set_details (self, enterprise);
      ga_industry_picker_set_code (self->industry_picker, enterprise->industry);
      if (enterprise->region != NULL)
        gtk_drop_down_set_selected (self->region_dropdown,
                                    find_position (self->region_dropdown, enterprise->region));
    }
  else
    gtk_drop_down_set_selected (self->region_dropdown, 0);

  g_signal_connect_object (self->region_dropdown, "notify::selected",
                           G_CALLBACK (region_selected_cb), self, G_CONNECT_SWAPPED);
  self->region_touched = enterprise != NULL && enterprise->region != NULL;
  validate (self);
  self->loaded = form_state (self);

  return self;
}
