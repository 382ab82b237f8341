/* test-projects.c: the green-retrofit projects of an enterprise, edited on
 * its page
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the demo enterprise, in a 1366 × 768 window: a project is added, is
 * listed, is edited; an end before the start and a month that does not
 * exist show the store's message under the dates and keep Save insensitive;
 * closing with changes asks first; deleting asks for confirmation; the
 * store holds what was typed; a database opened for reading shows the
 * projects with nothing to edit them. Screenshots 20-project-dialog,
 * 21-project-invalid-date and 22-enterprise-projects in
 * build/tests/ui/screenshots/ (suffix -zh in the Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ga-application.h"
#include "ga-enterprise-page.h"
#include "ga-project-dialog.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"

static GtkWidget *
child (GtkWindow  *dialog,
       const char *name)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (dialog), GA_TYPE_PROJECT_DIALOG,
                                                   name);

  g_assert_nonnull (widget);
  return GTK_WIDGET (widget);
}

static void
type_into (GtkWindow  *dialog,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, row)), text);
}

static gboolean
can_save (GtkWindow *dialog)
{
  return gtk_widget_get_sensitive (child (dialog, "save_button"));
}

static void
save (GtkWindow *dialog)
{
  g_assert_true (can_save (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ga_ui_wait_until_gone (GA_TYPE_PROJECT_DIALOG);
}

static GPtrArray *
projects (GaUiFixture *f,
          gint64       enterprise_id)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GError) error = NULL;
  GPtrArray *list = ga_store_list_projects (store, enterprise_id, &error);

  g_assert_no_error (error);
  return list;
}

static GaProject *
find_project (GPtrArray  *list,
              const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((GaProject *) list->pdata[i])->name, name) == 0)
      return list->pdata[i];
  return NULL;
}

static GaProject *
must_find (GPtrArray  *list,
           const char *name)
{
  GaProject *p = find_project (list, name);

  if (p == NULL)
    g_error ("no project named %s", name);
  return p;
}

static void
click (GtkWidget  *root,
       const char *accessible_name)
{
  g_signal_emit_by_name (ga_ui_get (root, GTK_TYPE_BUTTON, accessible_name), "clicked");
}

/* A new project, typed in, with a bad date on the way. */
static void
add_project (GaUiFixture *f,
             GtkWidget   *page)
{
  GtkWindow *dialog;
  GtkWidget *date_message;
  g_autofree char *expected = NULL;

  gtk_widget_activate_action (page, "page.add-project", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_PROJECT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (can_save (dialog));

  type_into (dialog, "name_row", "Air compressor waste-heat recovery");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "type_row")), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "progress_row")), 1);
  type_into (dialog, "content_row", "Recover the heat of 4 air compressors for hot water");
  type_into (dialog, "investment_row", "120.5");
  type_into (dialog, "energy_row", "35");
  type_into (dialog, "co2_row", "91.2");
  type_into (dialog, "start_row", "2025-03");
  g_assert_true (can_save (dialog));

  /* An end before the start: the store's message, under the dates. */
  date_message = child (dialog, "date_message");
  type_into (dialog, "end_row", "2025-02");
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, "date_message_row")));
  expected = g_strdup_printf (_("The end %s is before the start %s\n"), "2025-02", "2025-03");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_message)), ==, g_strchomp (expected));
  /* A month that does not exist. */
  type_into (dialog, "end_row", "2025-13");
  g_assert_false (can_save (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (date_message)), "2025-13"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ga_ui_screenshot (GTK_WIDGET (dialog), "21-project-invalid-date");

  /* A figure that is not a number keeps Save off too. */
  type_into (dialog, "end_row", "2025-12");
  type_into (dialog, "water_row", "many");
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, "number_message_row")));
  type_into (dialog, "water_row", "");
  g_assert_false (gtk_widget_get_visible (child (dialog, "date_message_row")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "number_message_row")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ga_ui_screenshot (GTK_WIDGET (dialog), "20-project-dialog");
  save (dialog);
}

/* Closing with changes asks; keeping on editing keeps the dialog and what
 * was typed, discarding drops it. */
static void
close_with_changes (GaUiFixture *f,
                    GtkWidget   *page,
                    gint64       enterprise_id)
{
  GtkWindow *dialog, *ask;
  g_autoptr(GPtrArray) list = NULL;

  gtk_widget_activate_action (page, "page.add-project", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_PROJECT_DIALOG);
  type_into (dialog, "name_row", "Never saved");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ask = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  ga_ui_respond (ask, "cancel");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "name_row"))), ==,
                   "Never saved");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ask = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ga_ui_respond (ask, "discard");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  ga_ui_wait_until_gone (GA_TYPE_PROJECT_DIALOG);
  list = projects (f, enterprise_id);
  g_assert_null (find_project (list, "Never saved"));

  /* Nothing changed: it closes at once. */
  gtk_widget_activate_action (page, "page.add-project", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_PROJECT_DIALOG);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ga_ui_wait_until_gone (GA_TYPE_PROJECT_DIALOG);
  g_assert_null (ga_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* A database opened for reading: the projects are listed, nothing edits
 * them. */
static void
read_only_page (GaUiFixture *f,
                gint64       enterprise_id)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GaProject) p = ga_project_new ();
  g_autoptr(GaStore) ro = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edit_name = g_strdup_printf (_("Edit %s"), "Boiler flue-gas recovery");
  g_autofree char *delete_name = g_strdup_printf (_("Delete %s"), "Boiler flue-gas recovery");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (GA_TYPE_ENTERPRISE_PAGE, NULL);

  p->enterprise_id = enterprise_id;
  p->name = g_strdup ("Boiler flue-gas recovery");
  p->type = g_strdup ("energy");
  g_assert_cmpint (ga_store_add_project (store, p, &error), >, 0);
  g_assert_no_error (error);
  ro = ga_store_open_read_only (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_is_read_only (ro));

  gtk_window_set_child (GTK_WINDOW (window), page);
  ga_enterprise_page_set_enterprise (GA_ENTERPRISE_PAGE (page), ro, enterprise_id);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_assert_nonnull (ga_ui_test_find (page, GTK_TYPE_LABEL, "Boiler flue-gas recovery"));
  g_assert_false (gtk_widget_get_sensitive (ga_ui_get (page, GTK_TYPE_BUTTON,
                                                       _("Add Project"))));
  g_assert_false (gtk_widget_get_sensitive (ga_ui_get (page, GTK_TYPE_BUTTON, edit_name)));
  g_assert_false (gtk_widget_get_sensitive (ga_ui_get (page, GTK_TYPE_BUTTON, delete_name)));
  gtk_widget_activate_action (page, "page.add-project", NULL);
  ga_ui_test_spin (50);
  g_assert_null (ga_ui_find_toplevel (GA_TYPE_PROJECT_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_projects (GaUiFixture   *f,
               gconstpointer  data)
{
  GtkWidget *page;
  GtkWindow *dialog, *ask;
  gint64 enterprise_id;
  guint before;
  GaProject *p;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_maximize (GTK_WINDOW (f->window));
  g_assert_cmpstr (ga_window_get_page (f->window), ==, "enterprise");
  page = ga_ui_get (GTK_WIDGET (f->window), GA_TYPE_ENTERPRISE_PAGE, NULL);
  enterprise_id = ga_enterprise_page_get_enterprise_id (GA_ENTERPRISE_PAGE (page));
  list = projects (f, enterprise_id);
  before = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);
  if (before == 0)
    g_assert_nonnull (ga_ui_test_find (page, GTK_TYPE_LABEL, _("No projects yet")));

  add_project (f, page);
  list = projects (f, enterprise_id);
  g_assert_cmpuint (list->len, ==, before + 1);
  p = must_find (list, "Air compressor waste-heat recovery");
  g_assert_cmpstr (p->type, ==, "carbon");
  g_assert_cmpint (p->progress, ==, GA_PROJECT_IN_PROGRESS);
  g_assert_cmpstr (p->content, ==, "Recover the heat of 4 air compressors for hot water");
  g_assert_cmpstr (p->start_on, ==, "2025-03");
  g_assert_cmpstr (p->end_on, ==, "2025-12");
  g_assert_cmpfloat (p->investment, ==, 120.5);
  g_assert_cmpfloat (p->energy_saving, ==, 35);
  g_assert_cmpfloat (p->co2_cut, ==, 91.2);
  g_assert_true (isnan (p->water_saving));
  g_assert_null (ga_ui_test_find (page, GTK_TYPE_LABEL, _("No projects yet")));
  g_assert_nonnull (ga_ui_test_find (page, GTK_TYPE_LABEL,
                                     "Air compressor waste-heat recovery"));
  g_clear_pointer (&list, g_ptr_array_unref);

  close_with_changes (f, page, enterprise_id);

  /* Edit: a new name and the project is done. */
  edit_name = g_strdup_printf (_("Edit %s"), "Air compressor waste-heat recovery");
  click (page, edit_name);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_PROJECT_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "start_row"))), ==,
                   "2025-03");
  type_into (dialog, "name_row", "Compressor heat recovery");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "progress_row")), 2);
  save (dialog);
  list = projects (f, enterprise_id);
  g_assert_cmpuint (list->len, ==, before + 1);
  p = must_find (list, "Compressor heat recovery");
  g_assert_cmpint (p->progress, ==, GA_PROJECT_DONE);
  g_assert_cmpfloat (p->investment, ==, 120.5);
  g_clear_pointer (&list, g_ptr_array_unref);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_screenshot (GTK_WIDGET (f->window), "22-enterprise-projects");

  /* Delete asks; cancelling keeps it, confirming removes it. */
  delete_name = g_strdup_printf (_("Delete %s"), "Compressor heat recovery");
  click (page, delete_name);
  ask = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  ga_ui_respond (ask, "cancel");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  list = projects (f, enterprise_id);
  g_assert_cmpuint (list->len, ==, before + 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  click (page, delete_name);
  ask = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ga_ui_respond (ask, "delete");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  list = projects (f, enterprise_id);
  g_assert_cmpuint (list->len, ==, before);
  g_assert_null (find_project (list, "Compressor heat recovery"));
  g_assert_null (ga_ui_test_find (page, GTK_TYPE_BUTTON, delete_name));
  g_clear_pointer (&list, g_ptr_array_unref);

  read_only_page (f, enterprise_id);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/projects/edit", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_projects, ga_ui_fixture_teardown);
  return g_test_run ();
}
