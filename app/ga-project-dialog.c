/* ga-project-dialog.c: add or edit a green-retrofit project of an enterprise
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields are checked by the store's own ga_project_validate(), the
 * check saving applies; its message is shown under the group of the
 * fields it is about.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-project-dialog.h"

struct _GaProjectDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkButton         *save_button;
  AdwEntryRow       *name_row;
  AdwComboRow       *type_row;
  AdwComboRow       *progress_row;
  AdwEntryRow       *content_row;
  AdwEntryRow       *note_row;
  AdwPreferencesRow *text_message_row;
  GtkLabel          *text_message;
  AdwEntryRow       *start_row;
  AdwEntryRow       *end_row;
  AdwPreferencesRow *date_message_row;
  GtkLabel          *date_message;
  AdwEntryRow       *investment_row;
  AdwEntryRow       *energy_row;
  AdwEntryRow       *co2_row;
  AdwEntryRow       *water_row;
  AdwPreferencesRow *number_message_row;
  GtkLabel          *number_message;

  /* Owned references */
  GaStore           *store;
  GaProject         *project;     /* the one edited; NULL for a new one */
  gint64             enterprise_id;
  char              *initial;     /* the form as it was opened */
  gboolean           closing;     /* saved, or changes discarded */
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaProjectDialog, ga_project_dialog, ADW_TYPE_WINDOW)

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

/* An optional number: empty is NaN. Only the syntax is checked here; the
 * range is the store's check. */
static gboolean
parse_number (AdwEntryRow *row,
              double      *out,
              GString     *problems)
{
  g_autofree char *text = row_dup_text (row);
  char *end = NULL;
  double value;

  *out = NAN;
  if (text == NULL)
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_string_append_printf (problems, _("%s: “%s” is not a number (use a dot for decimals)."),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
      g_string_append_c (problems, '\n');
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* The project the form holds; FALSE (with the reason in @problems) when a
 * figure is not a number. */
static gboolean
read_form (GaProjectDialog *self,
           GaProject       *p,
           GString         *problems)
{
  guint type = adw_combo_row_get_selected (self->type_row);
  guint progress = adw_combo_row_get_selected (self->progress_row);
  gboolean ok = TRUE;

  g_free (p->name);
  p->name = row_dup_text (self->name_row);
  g_free (p->type);
  p->type = type < 5 ? g_strdup (ga_project_types ()[type].id) : NULL;
  p->progress = progress <= GA_PROJECT_DONE ? (GaProjectProgress) progress : GA_PROJECT_PLANNED;
  g_free (p->content);
  p->content = row_dup_text (self->content_row);
  g_free (p->note);
  p->note = row_dup_text (self->note_row);
  g_free (p->start_on);
  p->start_on = row_dup_text (self->start_row);
  g_free (p->end_on);
  p->end_on = row_dup_text (self->end_row);
  ok &= parse_number (self->investment_row, &p->investment, problems);
  ok &= parse_number (self->energy_row, &p->energy_saving, problems);
  ok &= parse_number (self->co2_row, &p->co2_cut, problems);
  ok &= parse_number (self->water_row, &p->water_saving, problems);
  p->enterprise_id = self->enterprise_id;
  return ok;
}

/* The store's message about the fields @probe holds over a project that
 * is valid otherwise, appended to @problems. */
static void
check_probe (GaProject *probe,
             GString   *problems)
{
  g_autoptr(GError) error = NULL;

  if (probe->name == NULL)
    probe->name = g_strdup ("-");
  if (probe->type == NULL)
    probe->type = g_strdup (ga_project_types ()[0].id);
  if (!ga_project_validate (probe, &error))
    g_string_append_printf (problems, "%s\n", error->message);
}

static void
show_message (AdwPreferencesRow *row,
              GtkLabel          *label,
              GString           *problems,
              AdwEntryRow      **fields)
{
  gboolean bad = problems->len > 0;

  if (bad)
    g_string_truncate (problems, problems->len - 1);
  gtk_label_set_text (label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (row), bad);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (bad)
        gtk_widget_add_css_class (GTK_WIDGET (fields[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (fields[i]), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                   bad ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
}

static void
validate (GaProjectDialog *self)
{
  g_autoptr(GaProject) p = ga_project_new ();
  g_autoptr(GString) text_problems = g_string_new (NULL);
  g_autoptr(GString) date_problems = g_string_new (NULL);
  g_autoptr(GString) number_problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  AdwEntryRow *text_fields[] = { self->content_row, self->note_row, NULL };
  AdwEntryRow *date_fields[] = { self->start_row, self->end_row, NULL };
  AdwEntryRow *number_fields[] = { NULL };
  gboolean numbers_ok = read_form (self, p, number_problems);
  gboolean valid = numbers_ok && ga_project_validate (p, &error);

  if (!valid)
    {
      g_autoptr(GaProject) texts = ga_project_new ();
      g_autoptr(GaProject) dates = ga_project_new ();
      g_autoptr(GaProject) numbers = ga_project_new ();

      /* An empty name only keeps Save insensitive: it is not an error to
       * shout about while the form is being filled in. */
      texts->name = g_strdup (p->name);
      texts->content = g_strdup (p->content);
      texts->note = g_strdup (p->note);
      check_probe (texts, text_problems);
      dates->start_on = g_strdup (p->start_on);
      dates->end_on = g_strdup (p->end_on);
      check_probe (dates, date_problems);
      numbers->investment = p->investment;
      numbers->energy_saving = p->energy_saving;
      numbers->co2_cut = p->co2_cut;
      numbers->water_saving = p->water_saving;
      check_probe (numbers, number_problems);
    }
  show_message (self->text_message_row, self->text_message, text_problems, text_fields);
  show_message (self->date_message_row, self->date_message, date_problems, date_fields);
  show_message (self->number_message_row, self->number_message, number_problems,
                number_fields);
  if (p->name == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "warning");

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
}

/* Every field as typed, to tell whether anything changed. */
static char *
form_state (GaProjectDialog *self)
{
  return g_strdup_printf ("%s\x1f%u\x1f%u\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                          row_text (self->name_row),
                          adw_combo_row_get_selected (self->type_row),
                          adw_combo_row_get_selected (self->progress_row),
                          row_text (self->content_row), row_text (self->note_row),
                          row_text (self->start_row), row_text (self->end_row),
                          row_text (self->investment_row), row_text (self->energy_row),
                          row_text (self->co2_row), row_text (self->water_row));
}

static void
show_error (GaProjectDialog *self,
            const GError    *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Project Was Not Saved"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  GaProjectDialog *self = GA_PROJECT_DIALOG (widget);
  g_autoptr(GaProject) p = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  validate (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  p = self->project ? ga_project_copy (self->project) : ga_project_new ();
  if (!read_form (self, p, problems))
    return;
  if (self->project != NULL)
    id = ga_store_update_project (self->store, p, &error) ? p->id : 0;
  else
    id = ga_store_add_project (self->store, p, &error);
  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  self->closing = TRUE;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GaProjectDialog  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->closing = TRUE;
  /* Once the question, transient for this dialog, has gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
close_request_cb (GaProjectDialog *self)
{
  g_autofree char *now = NULL;
  AdwMessageDialog *dialog;

  if (self->closing)
    return FALSE;
  now = form_state (self);
  if (g_strcmp0 (now, self->initial) == 0)
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _("Discard Changes?"),
      _("The changes made to this project have not been saved.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Editing"), "discard",
                                    _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
entry_activated_cb (GaProjectDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
ga_project_dialog_dispose (GObject *object)
{
  GaProjectDialog *self = GA_PROJECT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->project, ga_project_free);
  g_clear_pointer (&self->initial, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_PROJECT_DIALOG);

  G_OBJECT_CLASS (ga_project_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GaProjectDialog, name)

static void
ga_project_dialog_class_init (GaProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_project_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-project-dialog.ui");
  BIND (save_button);
  BIND (name_row);
  BIND (type_row);
  BIND (progress_row);
  BIND (content_row);
  BIND (note_row);
  BIND (text_message_row);
  BIND (text_message);
  BIND (start_row);
  BIND (end_row);
  BIND (date_message_row);
  BIND (date_message);
  BIND (investment_row);
  BIND (energy_row);
  BIND (co2_row);
  BIND (water_row);
  BIND (number_message_row);
  BIND (number_message);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save",
                                       NULL);
}

#undef BIND

static void
ga_project_dialog_init (GaProjectDialog *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) progresses = gtk_string_list_new (NULL);
  const char *language = ga_format_language ();
  gboolean zh = g_str_has_prefix (language, "zh");

  gtk_widget_init_template (GTK_WIDGET (self));
  for (const GaProjectType *t = ga_project_types (); t->id != NULL; t++)
    gtk_string_list_append (types, zh ? t->label_zh : t->label_en);
  for (int i = GA_PROJECT_PLANNED; i <= GA_PROJECT_DONE; i++)
    gtk_string_list_append (progresses, ga_project_progress_label (i, zh ? "zh" : "en"));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->progress_row, G_LIST_MODEL (progresses));

  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->progress_row, "notify::selected", G_CALLBACK (validate), self);
  {
    AdwEntryRow *all[] = { self->name_row, self->content_row, self->note_row, self->start_row,
                           self->end_row, self->investment_row, self->energy_row, self->co2_row,
                           self->water_row };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        g_signal_connect_swapped (all[i], "changed", G_CALLBACK (validate), self);
        g_signal_connect_swapped (all[i], "entry-activated", G_CALLBACK (entry_activated_cb),
                                  self);
      }
  }
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
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
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value))
    set_row (row, g_ascii_dtostr (buffer, sizeof buffer, value));
}

GaProjectDialog *
ga_project_dialog_new (GtkWindow       *parent,
                       GaStore         *store,
                       gint64           enterprise_id,
                       const GaProject *project)
{
  GaProjectDialog *self;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  self = g_object_new (GA_TYPE_PROJECT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->enterprise_id = project != NULL ? project->enterprise_id : enterprise_id;

  if (project != NULL)
    {
      const GaProjectType *type = ga_project_find_type (project->type);

      self->project = ga_project_copy (project);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Project"));
      set_row (self->name_row, project->name);
      if (type != NULL)
        adw_combo_row_set_selected (self->type_row, (guint) (type - ga_project_types ()));
      adw_combo_row_set_selected (self->progress_row, project->progress);
      set_row (self->content_row, project->content);
      set_row (self->note_row, project->note);
      set_row (self->start_row, project->start_on);
      set_row (self->end_row, project->end_on);
      set_number (self->investment_row, project->investment);
      set_number (self->energy_row, project->energy_saving);
      set_number (self->co2_row, project->co2_cut);
      set_number (self->water_row, project->water_saving);
    }
  self->initial = form_state (self);
  validate (self);
  return self;
}
