/* ga-enterprise-page.c: one enterprise: its assessments, trend and details
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-batch-export.h"
#include "ga-enterprise-page.h"
#include "ga-format.h"
#include "ga-project-dialog.h"
#include "ga-sidebar-item.h"
#include "ga-store-engine.h"
#include "ga-trend-chart.h"

struct _GaEnterprisePage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkToggleButton     *sidebar_button;
  AdwWindowTitle      *title_widget;
  AdwPreferencesGroup *assessments_group;
  AdwPreferencesGroup *projects_group;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *trend_group;
  GaTrendChart        *trend_chart;
  AdwPreferencesGroup *details_group;

  /* Owned references */
  GaStore             *store;
  GPtrArray           *rows;          /* (GtkWidget*, AdwPreferencesGroup*) pairs we added */
  gint64               enterprise_id;
  gboolean             sidebar_revealed;
};

enum {
  PROP_0,
  PROP_SIDEBAR_REVEALED,
  N_PROPS
};

enum {
  OPEN_ASSESSMENT,
  ASSESSMENTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaEnterprisePage, ga_enterprise_page, ADW_TYPE_BIN)

static void
add_row (GaEnterprisePage    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->rows, group);
}

static void
clear_rows (GaEnterprisePage *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i + 1),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_detail (GaEnterprisePage *self,
            const char       *title,
            const char       *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  add_row (self, self->details_group, row);
}

static void
add_detail_number (GaEnterprisePage *self,
                   const char       *title,
                   double            value,
                   const char       *unit)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return;
  number = ga_format_number (value, 2);
  text = unit ? g_strdup_printf ("%s %s", number, unit) : g_strdup (number);
  add_detail (self, title, text);
}

static void
row_activated_cb (AdwActionRow     *row,
                  GaEnterprisePage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "assessment-id");

  g_signal_emit (self, signals[OPEN_ASSESSMENT], 0, id);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* One line per kind over the years: the share of the maximum reached. */
static void
fill_trend (GaEnterprisePage *self,
            GPtrArray        *assessments,
            GArray           *percents)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gboolean any = FALSE;

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);
      gboolean seen = FALSE;

      if (a->year <= 0 || isnan (g_array_index (percents, double, i)))
        continue;
      for (guint j = 0; j < years->len; j++)
        seen |= g_array_index (years, int, j) == a->year;
      if (!seen)
        g_array_append_val (years, a->year);
    }
  g_array_sort (years, compare_years);
  for (guint j = 0; j < years->len; j++)
    g_ptr_array_add (labels, g_strdup_printf ("%d", g_array_index (years, int, j)));

  ga_trend_chart_set_categories (self->trend_chart, (const char **) labels->pdata, labels->len);
  ga_trend_chart_set_unit (self->trend_chart, "%");
  for (guint k = 0; k < GA_TEMPLATE_KIND_N_KINDS; k++)
    {
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
      gboolean has = FALSE;

      for (guint j = 0; j < years->len; j++)
        {
          double v = NAN;

          /* The list is newest first: the first match is the latest
           * assessment of that kind in that year. */
          for (guint i = 0; i < assessments->len; i++)
            {
              GaAssessment *a = g_ptr_array_index (assessments, i);

              if (a->year == g_array_index (years, int, j) && g_strcmp0 (a->kind, ga_template_kind_to_string (k)) == 0
                  && !isnan (g_array_index (percents, double, i)))
                {
                  v = g_array_index (percents, double, i);
                  break;
                }
            }
          has |= !isnan (v);
          g_array_append_val (values, v);
        }
      if (has)
        {
          ga_trend_chart_add_series (self->trend_chart, ga_template_kind_label (k),
                                     (double *) values->data, values->len);
          any = TRUE;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trend_group), any);
}

static void reload (GaEnterprisePage *self);

static void
project_saved_cb (GaEnterprisePage *self)
{
  reload (self);
}

static void
open_project_dialog (GaEnterprisePage *self,
                     const GaProject  *project)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GaProjectDialog *dialog;

  if (self->store == NULL || self->enterprise_id <= 0 || ga_store_is_read_only (self->store))
    return;
  dialog = ga_project_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                  self->enterprise_id, project);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (project_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_project_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_project_dialog (GA_ENTERPRISE_PAGE (widget), NULL);
}

static gint64
button_project_id (GtkWidget *button)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (button), "project-id");
}

static void
edit_project_cb (GtkWidget        *button,
                 GaEnterprisePage *self)
{
  g_autoptr(GaProject) project
      = ga_store_get_project (self->store, button_project_id (button), NULL);

  if (project != NULL)
    open_project_dialog (self, project);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GaEnterprisePage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "project-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!ga_store_delete_project (self->store, id, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_warning ("%s", error->message);
    }
  reload (self);
}

static void
delete_project_cb (GtkWidget        *button,
                   GaEnterprisePage *self)
{
  g_autoptr(GaProject) project
      = ga_store_get_project (self->store, button_project_id (button), NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  gint64 *id;

  if (project == NULL || ga_store_is_read_only (self->store))
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Delete the Project?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s” will be removed from the enterprise's "
                                            "register of projects."), project->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  id = g_new (gint64, 1);
  *id = project->id;
  g_object_set_data_full (G_OBJECT (dialog), "project-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
project_button (const char *icon,
                const char *tooltip,
                const char *accessible,
                gint64      project_id,
                gboolean    writable)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  gint64 *id = g_new (gint64, 1);

  *id = project_id;
  g_object_set_data_full (G_OBJECT (button), "project-id", id, g_free);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, writable);
  return button;
}

/* "节能 · 2025-03 – 2025-12 · 120 10⁴ CNY": what is given of it. */
static char *
project_subtitle (const GaProject *p)
{
  const GaProjectType *type = ga_project_find_type (p->type);
  g_autoptr(GString) s = g_string_new (NULL);

  if (type != NULL)
    g_string_append (s, g_str_has_prefix (ga_format_language (), "zh") ? type->label_zh
                                                                          : type->label_en);
  if (p->start_on != NULL || p->end_on != NULL)
    g_string_append_printf (s, "%s%s – %s", s->len > 0 ? " · " : "",
                            p->start_on ? p->start_on : "…", p->end_on ? p->end_on : "…");
  if (isfinite (p->investment))
    {
      g_autofree char *number = ga_format_number (p->investment, 2);

      g_string_append_printf (s, "%s%s %s", s->len > 0 ? " · " : "", number, _("10⁴ CNY"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
fill_projects (GaEnterprisePage *self)
{
  g_autoptr(GPtrArray) projects = ga_store_list_projects (self->store, self->enterprise_id,
                                                          NULL);
  gboolean writable = !ga_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-project", writable);
  if (projects == NULL || projects->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No projects yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the energy-saving, water-saving, pollution, carbon "
                                     "and digital projects the enterprise plans or has done."));
      add_row (self, self->projects_group, row);
      return;
    }
  for (guint i = 0; i < projects->len; i++)
    {
      GaProject *p = g_ptr_array_index (projects, i);
      g_autofree char *subtitle = project_subtitle (p);
      g_autofree char *edit_name = g_strdup_printf (_("Edit %s"), p->name);
      g_autofree char *delete_name = g_strdup_printf (_("Delete %s"), p->name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit, *delete;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      edit = project_button ("document-edit-symbolic", _("Edit the project"), edit_name, p->id,
                             writable);
      delete = project_button ("user-trash-symbolic", _("Delete the project"), delete_name,
                               p->id, writable);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_project_cb), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (delete_project_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      add_row (self, self->projects_group, row);
    }
}

/* ---------------------------------------------------- members of a park */

static void reload (GaEnterprisePage *self);

static void
remove_member_cb (GtkWidget        *button,
                  GaEnterprisePage *self)
{
  gint64 member = *(gint64 *) g_object_get_data (G_OBJECT (button), "member-id");
  g_autoptr(GError) error = NULL;

  if (!ga_store_remove_park_member (self->store, self->enterprise_id, member, &error))
    adw_preferences_group_set_description (self->members_group, error->message);
  reload (self);
}

static void
add_member_cb (GtkWidget        *button,
               GaEnterprisePage *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (button), "choice");
  GArray *ids = g_object_get_data (G_OBJECT (button), "ids");
  guint position = gtk_drop_down_get_selected (choice);
  g_autoptr(GError) error = NULL;

  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return;
  if (!ga_store_add_park_member (self->store, self->enterprise_id,
                                 g_array_index (ids, gint64, position), &error))
    adw_preferences_group_set_description (self->members_group, error->message);
  reload (self);
}

/* The row that adds a member: the factories of the database that are not
 * members yet, and an Add button. */
static GtkWidget *
add_member_row (GaEnterprisePage *self,
                GPtrArray        *members,
                gboolean          writable)
{
  g_autoptr(GPtrArray) all = ga_store_list_enterprises (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choice, *button;

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GaEnterprise *e = ((GaEnterpriseSummary *) g_ptr_array_index (all, i))->enterprise;
      gboolean member = FALSE;

      for (guint k = 0; members != NULL && k < members->len; k++)
        member |= ((GaEnterprise *) g_ptr_array_index (members, k))->id == e->id;
      if (e->kind != GA_ENTERPRISE_FACTORY || member)
        continue;
      gtk_string_list_append (names, e->name);
      g_array_append_val (ids, e->id);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add a member"));
  if (ids->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Every factory in the database is a member. Add the other "
                                   "member enterprises as factories first."));
  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Factory to add"), -1);
  button = gtk_button_new_with_mnemonic (_("_Add Member"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, writable && ids->len > 0);
  gtk_widget_set_sensitive (choice, writable && ids->len > 0);
  g_object_set_data (G_OBJECT (button), "choice", choice);
  g_object_set_data_full (G_OBJECT (button), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (add_member_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* A park's member enterprises, each with a Remove button, and a row to
 * add one. The park's indicators that count members read them. */
static void
fill_members (GaEnterprisePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = ga_store_list_park_members (self->store, self->enterprise_id,
                                                             &error);
  gboolean writable = !ga_store_is_read_only (self->store);

  if (members == NULL || members->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No members yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   error != NULL ? error->message
                                                 : _("Add the factories located in the park."));
      add_row (self, self->members_group, row);
    }
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      GaEnterprise *m = g_ptr_array_index (members, i);
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s from the park"), m->name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gint64 *id = g_new (gint64, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), m->credit_code ? m->credit_code : "");
      *id = m->id;
      g_object_set_data_full (G_OBJECT (button), "member-id", id, g_free);
      gtk_widget_set_tooltip_text (button, _("Remove from the park (the enterprise and its "
                                             "assessments stay)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_sensitive (button, writable);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_member_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_row (self, self->members_group, row);
    }
  add_row (self, self->members_group, add_member_row (self, members, writable));
}

static void
reload (GaEnterprisePage *self)
{
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GArray) percents = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  if (self->store == NULL || self->enterprise_id <= 0)
    return;

  e = ga_store_get_enterprise (self->store, self->enterprise_id, &error);
  if (e == NULL)
    {
      adw_window_title_set_title (self->title_widget, error->message);
      return;
    }
  adw_window_title_set_title (self->title_widget, e->name);
  adw_window_title_set_subtitle (self->title_widget, e->credit_code ? e->credit_code : "");

  assessments = ga_store_list_assessments (self->store, self->enterprise_id, &error);
  if (assessments == NULL)
    assessments = g_ptr_array_new ();

  if (assessments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No assessments yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Start one with “New Assessment”: green factory, clean "
                                     "production or energy audit."));
      add_row (self, self->assessments_group, row);
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);
      g_autoptr(GaSidebarItem) item = ga_sidebar_item_new_assessment (a);
      g_autoptr(GaEngine) engine = ga_store_load_engine (self->store, a->id, NULL);
      g_autofree char *subtitle = NULL;
      g_autofree char *score = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;
      double percent = NAN;
      gint64 *id = g_new (gint64, 1);

      if (engine != NULL)
        {
          const GaSummary *summary = ga_engine_get_summary (engine);

          score = ga_format_summary_short (engine);
          if (isfinite (summary->score) && isfinite (summary->max) && summary->max > 0)
            percent = 100 * summary->score / summary->max;
        }
      g_array_append_val (percents, percent);

      subtitle = g_strdup_printf ("%s · %s %s · %s", a->title ? a->title : "", a->template_id,
                                  a->template_version ? a->template_version : "",
                                  a->status == GA_ASSESSMENT_FINAL ? _("final") : _("draft"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ga_sidebar_item_get_title (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      label = gtk_label_new (score ? score : "–");
      gtk_widget_add_css_class (label, "ga-score");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      *id = a->id;
      g_object_set_data_full (G_OBJECT (row), "assessment-id", id, g_free);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      add_row (self, self->assessments_group, row);
    }
  fill_trend (self, assessments, percents);
  fill_projects (self);
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), e->kind == GA_ENTERPRISE_PARK);
  if (e->kind == GA_ENTERPRISE_PARK)
    fill_members (self);

  {
    const GaIndustry *industry = e->industry ? ga_industry_lookup (e->industry) : NULL;
    const GaRegion *region = e->region ? ga_region_lookup (e->region) : NULL;
    g_autofree char *industry_text
        = industry ? g_strdup_printf ("%s %s", industry->code, industry->name) : NULL;
    g_autofree char *region_text
        = region ? g_strdup_printf ("%s %s", region->code, region->name) : NULL;
    g_autofree char *employees
        = e->employees >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, e->employees) : NULL;

    add_detail (self, _("Unified social credit code"), e->credit_code);
    add_detail (self, _("Industry"), industry_text);
    add_detail (self, _("Region"), region_text);
    add_detail (self, _("Address"), e->address);
    add_detail (self, _("Legal representative"), e->legal_representative);
    add_detail (self, _("Contact person"), e->contact_name);
    add_detail (self, _("Phone"), e->contact_phone);
    add_detail (self, _("E-mail"), e->contact_email);
    add_detail_number (self, _("Gross industrial output"), e->output_value, _("10⁴ CNY"));
    add_detail_number (self, _("Industrial value added"), e->value_added, _("10⁴ CNY"));
    add_detail (self, _("Employees"), employees);
  }
}

static void
export_all_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GaEnterprisePage *self = GA_ENTERPRISE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  ga_batch_export_run (GTK_WINDOW (root), self->store, self->enterprise_id,
                       overlay ? ADW_TOAST_OVERLAY (overlay) : NULL);
}

static void
ga_enterprise_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GaEnterprisePage *self = GA_ENTERPRISE_PAGE (object);

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
ga_enterprise_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GaEnterprisePage *self = GA_ENTERPRISE_PAGE (object);

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
ga_enterprise_page_dispose (GObject *object)
{
  GaEnterprisePage *self = GA_ENTERPRISE_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_ENTERPRISE_PAGE);

  G_OBJECT_CLASS (ga_enterprise_page_parent_class)->dispose (object);
}

static void
ga_enterprise_page_finalize (GObject *object)
{
  GaEnterprisePage *self = GA_ENTERPRISE_PAGE (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ga_enterprise_page_parent_class)->finalize (object);
}

static void
ga_enterprise_page_class_init (GaEnterprisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_enterprise_page_dispose;
  object_class->finalize = ga_enterprise_page_finalize;
  object_class->get_property = ga_enterprise_page_get_property;
  object_class->set_property = ga_enterprise_page_set_property;

  properties[PROP_SIDEBAR_REVEALED] =
    g_param_spec_boolean ("sidebar-revealed", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ASSESSMENT] = g_signal_new ("open-assessment", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ASSESSMENTS_CHANGED] = g_signal_new ("assessments-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 0);

  g_type_ensure (GA_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-enterprise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, title_widget);
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, assessments_group);
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, projects_group);
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, members_group);
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, trend_group);
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, GaEnterprisePage, details_group);

  gtk_widget_class_install_action (widget_class, "page.export-all", NULL, export_all_cb);
  gtk_widget_class_install_action (widget_class, "page.add-project", NULL, add_project_cb);
}

static void
ga_enterprise_page_init (GaEnterprisePage *self)
{
  self->rows = g_ptr_array_new ();
  self->sidebar_revealed = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "sidebar-revealed", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

void
ga_enterprise_page_set_enterprise (GaEnterprisePage *self,
                                   GaStore          *store,
                                   gint64            enterprise_id)
{
  g_return_if_fail (GA_IS_ENTERPRISE_PAGE (self));
  g_return_if_fail (GA_IS_STORE (store));

  g_set_object (&self->store, store);
  self->enterprise_id = enterprise_id;
  reload (self);
}

gint64
ga_enterprise_page_get_enterprise_id (GaEnterprisePage *self)
{
  g_return_val_if_fail (GA_IS_ENTERPRISE_PAGE (self), 0);

  return self->enterprise_id;
}
