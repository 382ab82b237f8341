/* test-filters.c: the item list's Non-compliant and Partly met filters
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a GB/T 36132-2018 assessment one scored compliance item is
 * answered Partly and another Non-compliant through their rows. The
 * Non-compliant filter (chosen with its button) lists the second and not
 * the first, and only items that earn no points or fail a veto; Partly met
 * lists the first and only items that earn some of their points; both
 * counts are the engine's. Screenshot 31-filter-partial (suffix -zh in the
 * Chinese run).
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-item-object.h"
#include "ga-item-row.h"
#include "ga-store-engine.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (GA_IS_ITEM_ROW (root) && ga_item_row_get_item (GA_ITEM_ROW (root)) != NULL)
    g_ptr_array_add (rows, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* Answers @item with the choice button @choice of its row, as a click. */
static void
answer (GaWorkspace *workspace,
        GaItem      *item,
        const char  *choice)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *row = NULL;

  ga_workspace_set_search (workspace, item->id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (workspace));
  ga_ui_test_spin (50);
  collect_rows (GTK_WIDGET (workspace), rows);
  for (guint i = 0; i < rows->len; i++)
    if (ga_item_row_get_item (rows->pdata[i]) == item)
      row = rows->pdata[i];
  g_assert_nonnull (row);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ga_ui_get (row, GTK_TYPE_TOGGLE_BUTTON, choice)),
                                TRUE);
  ga_ui_test_spin (50);
  ga_workspace_set_search (workspace, NULL);
}

/* Whether @item is listed; every listed item is met as @met says. */
static gboolean
listed_all_met (GaWorkspace *workspace,
                GaItem      *item,
                GaMet        met,
                guint       *n_listed)
{
  GListModel *model = ga_workspace_get_items (workspace);
  GaEngine *engine = ga_session_get_engine (ga_workspace_get_session (workspace));
  gboolean found = FALSE;

  *n_listed = g_list_model_get_n_items (model);
  for (guint i = 0; i < *n_listed; i++)
    {
      g_autoptr(GaItemObject) object = g_list_model_get_item (model, i);
      GaItem *shown = ga_item_object_get_item (object);

      g_assert_cmpint (ga_result_get_met (ga_engine_get_item_result (engine, shown)), ==, met);
      found = found || shown == item;
    }
  return found;
}

static void
test_partial (GaUiFixture   *f,
              gconstpointer  data)
{
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaItem *partly = NULL, *not_met = NULL;
  GPtrArray *items;
  GaEngine *engine;
  guint n, partial_count, not_count;
  GtkWidget *filters;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  /* GB/T 36132-2018: compliance items with points, answered 符合 / 部分符合 /
   * 不符合, on the demo enterprise. */
  {
    g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("gbt36132-2018", NULL);
    GaAssessment *first = g_ptr_array_index (assessments, 0);
    g_autoptr(GError) error = NULL;
    gint64 id;

    g_assert_nonnull (tmpl);
    id = ga_store_new_assessment (store, first->enterprise_id, tmpl, NULL, 2023, NULL, &error);
    g_assert_no_error (error);
    ga_window_reload (f->window);
    ga_window_open_assessment (f->window, id);
  }
  g_assert_nonnull (ga_workspace_get_session (workspace));
  engine = ga_session_get_engine (ga_workspace_get_session (workspace));
  items = ga_template_get_items (ga_session_get_template (ga_workspace_get_session (workspace)));
  for (guint i = 0; i < items->len && not_met == NULL; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      if (item->kind != GA_ITEM_COMPLIANCE || !isfinite (item->points) || item->points <= 0
          || item->veto)
        continue;
      if (partly == NULL)
        partly = item;
      else
        not_met = item;
    }
  g_assert_nonnull (not_met);
  answer (workspace, partly, "choice-partial");
  answer (workspace, not_met, "choice-no");
  g_assert_cmpint (ga_result_get_met (ga_engine_get_item_result (engine, partly)), ==,
                   GA_MET_PARTIAL);
  g_assert_cmpint (ga_result_get_met (ga_engine_get_item_result (engine, not_met)), ==, GA_MET_NOT);
  ga_engine_count_met (engine, NULL, NULL, &partial_count, &not_count);

  /* The filter buttons: the box of All (the item rows have Non-compliant
   * buttons too). */
  filters = gtk_widget_get_parent (ga_ui_get (GTK_WIDGET (workspace), GTK_TYPE_TOGGLE_BUTTON, _("All")));

  /* Non-compliant, chosen with its button: not the partly met item. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ga_ui_get (filters, GTK_TYPE_TOGGLE_BUTTON,
                                                              _("Non-compliant"))),
                                TRUE);
  ga_ui_test_spin (100);
  g_assert_true (listed_all_met (workspace, not_met, GA_MET_NOT, &n));
  g_assert_false (listed_all_met (workspace, partly, GA_MET_NOT, &n));
  g_assert_cmpuint (n, ==, not_count);

  /* Partly met has its own filter. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ga_ui_get (filters, GTK_TYPE_TOGGLE_BUTTON,
                                                              _("Partly met"))),
                                TRUE);
  ga_ui_test_spin (100);
  g_assert_true (listed_all_met (workspace, partly, GA_MET_PARTIAL, &n));
  g_assert_false (listed_all_met (workspace, not_met, GA_MET_PARTIAL, &n));
  g_assert_cmpuint (n, ==, partial_count);
  g_assert_cmpuint (n, >=, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_screenshot (GTK_WIDGET (f->window), "31-filter-partial");

  ga_workspace_set_filter (workspace, GA_ITEM_FILTER_PARTIAL);
  g_assert_cmpuint (g_list_model_get_n_items (ga_workspace_get_items (workspace)), ==, partial_count);
  ga_workspace_set_filter (workspace, GA_ITEM_FILTER_ALL);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/filters/partial", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_partial, ga_ui_fixture_teardown);
  return g_test_run ();
}
