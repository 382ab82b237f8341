/* ga-new-assessment-dialog.c: start an assessment from a template
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-factor-sets.h"
#include "ga-new-assessment-dialog.h"
#include "ga-store-engine.h"

typedef struct {
  GaTemplate *tmpl;
  gboolean    imported;
} Entry;

struct _GaNewAssessmentDialog
{
  AdwWindow     parent_instance;

  /* Template widgets */
  GtkButton    *create_button;
  AdwComboRow  *kind_row;
  AdwComboRow  *template_row;
  AdwActionRow *template_info_row;
  GtkSpinButton *year_spin;
  AdwEntryRow  *period_row;
  AdwEntryRow  *title_row;
  AdwPreferencesGroup *carry_group;
  AdwActionRow *carry_row;
  GtkSwitch    *carry_switch;
  AdwActionRow *evidence_row;
  GtkSwitch    *evidence_switch;

  /* Owned references */
  GaStore      *store;
  GSettings    *settings;
  GArray       *entries;   /* Entry, every template */
  GPtrArray    *shown;     /* Entry* of the chosen kind, as listed in template_row */
  GArray       *kinds;     /* GaTemplateKind, as listed in kind_row */
  char         *industry;  /* the enterprise's GB/T 4754 code, or NULL */
  gint64        enterprise_id;
  gint64        previous_id;   /* the assessment offered to start from, 0 = none */
  gboolean      year_touched;  /* the user chose the year: it stays as chosen */
  gboolean      setting_year;
};

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaNewAssessmentDialog, ga_new_assessment_dialog, ADW_TYPE_WINDOW)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->tmpl, ga_template_unref);
}

static Entry *
selected_entry (GaNewAssessmentDialog *self)
{
  guint position = adw_combo_row_get_selected (self->template_row);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->shown->len)
    return NULL;
  return g_ptr_array_index (self->shown, position);
}

/* The enterprise's assessment of the chosen kind before the chosen year
 * (ga_store_find_previous_assessment()): offered, and on by default, as
 * what the new one starts from. */
static void
update_carry (GaNewAssessmentDialog *self)
{
  Entry *entry = selected_entry (self);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr(GaAssessment) previous = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gint64 id = 0;

  if (entry != NULL)
    id = ga_store_find_previous_assessment (self->store, self->enterprise_id, entry->tmpl, year,
                                            NULL);
  if (id != 0)
    previous = ga_store_get_assessment (self->store, id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->carry_group), previous != NULL);
  if (previous == NULL)
    {
      self->previous_id = 0;
      return;
    }
  if (id != self->previous_id)
    gtk_switch_set_active (self->carry_switch, TRUE);
  self->previous_id = id;

  /* Translators: "Start from 绿色工厂评价 2025"; the title of the earlier
   * assessment. */
  title = g_strdup_printf (_("Start from “%s”"), previous->title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->carry_row), title);
  if (g_strcmp0 (previous->template_version, ga_template_get_version (entry->tmpl)) == 0
      && g_strcmp0 (previous->template_id, ga_template_get_id (entry->tmpl)) == 0)
    subtitle = g_strdup_printf (ngettext ("Copies its %u answer, its tables and its report "
                                          "texts; then change what differs this year",
                                          "Copies its %u answers, its tables and its report "
                                          "texts; then change what differs this year",
                                          previous->n_answers),
                                previous->n_answers);
  else
    /* Translators: the template changed since: "… (template 1.0.0, now 1.1.0) …". */
    subtitle = g_strdup_printf (_("Copies the answers the template %s still asks for (it used "
                                  "%s %s), its tables and its report texts; you are told which "
                                  "answers stay behind"),
                                ga_template_get_version (entry->tmpl), previous->template_id,
                                previous->template_version);
  adw_action_row_set_subtitle (self->carry_row, subtitle);
}

/* The last full year, or the year after the latest assessment of the
 * kind (ga_store_suggest_year()), until the user picks a year. */
static void
suggest_year (GaNewAssessmentDialog *self,
              GaTemplateKind         kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->year_touched)
    return;
  self->setting_year = TRUE;
  gtk_spin_button_set_value (self->year_spin,
                             ga_store_suggest_year (self->store, self->enterprise_id, kind,
                                                    g_date_time_get_year (now)));
  self->setting_year = FALSE;
}

static void
year_changed_cb (GaNewAssessmentDialog *self)
{
  if (!self->setting_year)
    self->year_touched = TRUE;
  update_carry (self);
}

static void
template_selected_cb (GaNewAssessmentDialog *self)
{
  Entry *entry = selected_entry (self);
  g_autofree char *info = NULL;
  g_autofree char *standard = NULL;
  const char *code, *title;

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), entry != NULL);
  if (entry == NULL)
    {
      adw_action_row_set_subtitle (self->template_info_row,
                                   _("No template of this kind is available."));
      return;
    }
  /* The code and the title of the standard, either of which a template may
   * leave out. */
  code = ga_template_get_standard (entry->tmpl);
  title = ga_template_get_standard_title (entry->tmpl);
  if (code != NULL && code[0] != '\0' && title != NULL && title[0] != '\0')
    standard = g_strdup_printf ("%s %s", code, title);
  else
    standard = g_strdup (code != NULL && code[0] != '\0' ? code : title ? title : "");
  /* Translators: "GB/T 36132-2025 绿色工厂评价通则 · version 1.0.1 · bundled". */
  info = g_strdup_printf (_("%s · version %s · %s%s"), standard,
                          ga_template_get_version (entry->tmpl),
                          entry->imported ? _("imported") : _("bundled"),
                          ga_template_get_verified (entry->tmpl)
                              ? ""
                              : _(" · contains values not verified against the official text"));
  if (ga_template_fits_industry (entry->tmpl, self->industry))
    {
      /* Translators: appended: the template is written for the enterprise's industry. */
      g_autofree char *with = g_strconcat (info, _(" · for this enterprise's industry"), NULL);

      g_free (info);
      info = g_steal_pointer (&with);
    }
  adw_action_row_set_subtitle (self->template_info_row, info);
  update_carry (self);
}

/* The general standards first, newest first ("GB/T 36132-2025" before
 * "GB/T 36132-2018"), so the current edition is the one offered; then the
 * industry templates built on them, those written for the enterprise's
 * industry first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *industry = user_data;
  const Entry *x = *(const Entry **) a;
  const Entry *y = *(const Entry **) b;
  gboolean x_extends = ga_template_get_based_on (x->tmpl, NULL, NULL, NULL);
  gboolean y_extends = ga_template_get_based_on (y->tmpl, NULL, NULL, NULL);
  gboolean x_fits = ga_template_fits_industry (x->tmpl, industry);
  gboolean y_fits = ga_template_fits_industry (y->tmpl, industry);
  int by_standard
      = g_strcmp0 (ga_template_get_standard (y->tmpl), ga_template_get_standard (x->tmpl));

  if (x_extends != y_extends)
    return x_extends ? 1 : -1;
  if (x_fits != y_fits)
    return x_fits ? -1 : 1;
  if (by_standard != 0)
    return by_standard;
  return g_strcmp0 (ga_template_get_id (x->tmpl), ga_template_get_id (y->tmpl));
}

static void
kind_selected_cb (GaNewAssessmentDialog *self)
{
  guint position = adw_combo_row_get_selected (self->kind_row);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GaTemplateKind kind;

  if (position >= self->kinds->len)
    position = 0;
  kind = self->kinds->len > 0 ? g_array_index (self->kinds, GaTemplateKind, position)
                              : GA_TEMPLATE_KIND_CUSTOM;
  suggest_year (self, kind);

  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (ga_template_get_kind (entry->tmpl) == kind)
        g_ptr_array_add (self->shown, entry);
    }
  g_ptr_array_sort_with_data (self->shown, compare_entries, self->industry);
  for (guint i = 0; i < self->shown->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->shown, i);
      g_autofree char *name = NULL;

      name = g_strdup_printf ("%s (%s)", ga_text_get (ga_template_get_title (entry->tmpl), NULL),
                              ga_template_get_version (entry->tmpl));
      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, 0);
  template_selected_cb (self);
}

static void
load_templates (GaNewAssessmentDialog *self)
{
  g_auto(GStrv) bundled = ga_template_list_bundled ();
  g_autoptr(GPtrArray) imported = NULL;

  for (guint i = 0; bundled != NULL && bundled[i] != NULL; i++)
    {
      Entry entry = { ga_template_new_from_resource (bundled[i], NULL), FALSE };

      if (entry.tmpl != NULL)
        g_array_append_val (self->entries, entry);
    }

  imported = ga_store_list_templates (self->store, NULL);
  for (guint i = 0; imported != NULL && i < imported->len; i++)
    {
      GaTemplateInfo *info = g_ptr_array_index (imported, i);
      Entry entry = { ga_store_load_imported_template (self->store, info->id, NULL, NULL), TRUE };

      if (entry.tmpl != NULL)
        g_array_append_val (self->entries, entry);
    }
}

/* The kinds that have a template, in the order of GaTemplateKind (custom
 * last); the kind row lists them. */
static void
list_kinds (GaNewAssessmentDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_array_set_size (self->kinds, 0);
  for (GaTemplateKind kind = 0; kind < GA_TEMPLATE_KIND_N_KINDS; kind++)
    for (guint i = 0; i < self->entries->len; i++)
      if (ga_template_get_kind (g_array_index (self->entries, Entry, i).tmpl) == kind)
        {
          g_array_append_val (self->kinds, kind);
          gtk_string_list_append (labels, ga_template_kind_label (kind));
          break;
        }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

/* Tells, over the main window, which answers of the earlier assessment
 * its template no longer takes: the user enters them again if they still
 * apply. */
static void
show_dropped (GaNewAssessmentDialog *self,
              GPtrArray             *dropped)
{
  g_autoptr(GaTemplate) old = ga_store_load_template (self->store, self->previous_id, NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  for (guint i = 0; i < dropped->len; i++)
    {
      GaCarryDropped *d = g_ptr_array_index (dropped, i);
      GaItem *item = old != NULL ? ga_template_find_item (old, d->item_id) : NULL;

      g_string_append_printf (list, "%s• %s%s%s", i > 0 ? "\n" : "", item != NULL && item->clause != NULL
                                                   ? item->clause : d->item_id,
                              item != NULL ? " " : "",
                              item != NULL ? ga_text_get (&item->title, NULL) : "");
    }
  body = g_strdup_printf (ngettext ("%u answer was not carried over: the new template no "
                                    "longer has its item, or asks for it differently. Enter it "
                                    "again if it still applies.\n%s",
                                    "%u answers were not carried over: the new template no "
                                    "longer has their items, or asks for them differently. "
                                    "Enter them again if they still apply.\n%s",
                                    dropped->len),
                          dropped->len, list->str);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Some Answers Stayed Behind"),
                                                       body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
create_assessment (GaNewAssessmentDialog  *self,
                   Entry                  *entry,
                   const char             *title,
                   int                     year,
                   const char             *period,
                   GPtrArray              *dropped,
                   GError                **error)
{
  g_autofree char *factor_set = NULL;
  g_autoptr(GError) local = NULL;
  gint64 id;

  if (self->previous_id != 0 && gtk_switch_get_active (self->carry_switch))
    /* The earlier assessment's grid factor comes with its answers. */
    return ga_store_new_assessment_from (self->store, self->previous_id, entry->tmpl, title, year,
                                         period, gtk_switch_get_active (self->evidence_switch)
                                                 ? GA_CARRY_EVIDENCE : GA_CARRY_DEFAULT,
                                         dropped, error);

  id = ga_store_new_assessment (self->store, self->enterprise_id, entry->tmpl, title, year,
                                period, error);
  if (id == 0)
    return 0;
  factor_set = g_settings_get_string (self->settings, "default-factor-set");
  if (!ga_factor_sets_apply (self->store, id, entry->tmpl, factor_set, &local))
    g_warning ("The default grid factor was not applied: %s", local->message);
  return id;
}

static void
create_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  GaNewAssessmentDialog *self = GA_NEW_ASSESSMENT_DIALOG (widget);
  Entry *entry = selected_entry (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dropped
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_carry_dropped_free);
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  gint64 id;

  if (entry == NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_row))));
  if (title[0] == '\0')
    {
      g_free (title);
      /* Translators: default assessment title, "2025 Green factory evaluation …". */
      title = g_strdup_printf (_("%d %s"), year,
                               ga_text_get (ga_template_get_title (entry->tmpl), NULL));
    }

  id = create_assessment (self, entry, title, year, period[0] != '\0' ? period : NULL, dropped,
                          &error);
  if (id == 0)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The Assessment Was Not Created"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, id);
  if (dropped->len > 0)
    show_dropped (self, dropped);
  gtk_window_close (GTK_WINDOW (self));
}

static void
ga_new_assessment_dialog_dispose (GObject *object)
{
  GaNewAssessmentDialog *self = GA_NEW_ASSESSMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_NEW_ASSESSMENT_DIALOG);

  G_OBJECT_CLASS (ga_new_assessment_dialog_parent_class)->dispose (object);
}

static void
ga_new_assessment_dialog_finalize (GObject *object)
{
  GaNewAssessmentDialog *self = GA_NEW_ASSESSMENT_DIALOG (object);

  g_ptr_array_unref (self->shown);
  g_array_unref (self->kinds);
  g_free (self->industry);
  g_array_unref (self->entries);

  G_OBJECT_CLASS (ga_new_assessment_dialog_parent_class)->finalize (object);
}

static void
ga_new_assessment_dialog_class_init (GaNewAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_new_assessment_dialog_dispose;
  object_class->finalize = ga_new_assessment_dialog_finalize;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-new-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, template_info_row);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, carry_group);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, carry_row);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, carry_switch);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, GaNewAssessmentDialog, evidence_switch);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ga_new_assessment_dialog_init (GaNewAssessmentDialog *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->shown = g_ptr_array_new ();
  self->kinds = g_array_new (FALSE, FALSE, sizeof (GaTemplateKind));

  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->carry_switch, "active", self->evidence_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
}

GaNewAssessmentDialog *
ga_new_assessment_dialog_new (GtkWindow *parent,
                              GaStore   *store,
                              gint64     enterprise_id,
                              GSettings *settings)
{
  GaNewAssessmentDialog *self;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GA_TYPE_NEW_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->enterprise_id = enterprise_id;
  {
    g_autoptr(GaEnterprise) e = ga_store_get_enterprise (store, enterprise_id, NULL);

    self->industry = e != NULL ? g_strdup (e->industry) : NULL;
  }

  load_templates (self);
  list_kinds (self);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_row, "notify::selected",
                           G_CALLBACK (template_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self,
                           G_CONNECT_SWAPPED);
  kind_selected_cb (self);

  return self;
}
