/* test-layouts.c: the window on screens from 800 to 2560 pixels wide
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run once per screen size (tests/ui/meson.build starts Xvfb with 800 ×
 * 600, 1366 × 768, 1920 × 1080 and 2560 × 1440). The window is maximised on the demo
 * energy audit: it fits the screen; on 800 px the section list and the
 * result fold away (their buttons show them over the content) and the
 * pages are switched from a bar at the bottom; from 1920 px on
 * both panes are beside the content and no section title is cut; the
 * energy table's headings are never cut. Screenshots 23-layout-<width>-
 * items and -energy (suffix -zh in the Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-score-summary.h"
#include "ga-table-editor.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

static int
screen_width (GtkWidget *widget,
              int       *height)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);
  *height = geometry.height;
  return geometry.width;
}

/* Labels under @root that are shown and cut to "…"; *@checked counts the
 * labels looked at. */
static guint
count_cut (GtkWidget *root,
           guint     *checked)
{
  guint cut = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_LABEL (root) && gtk_label_get_text (GTK_LABEL (root))[0] != '\0')
    {
      (*checked)++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
        {
          g_test_message ("cut: %s", gtk_label_get_text (GTK_LABEL (root)));
          cut++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cut += count_cut (child, checked);
  return cut;
}

static void
test_layout (GaUiFixture   *f,
             gconstpointer  data)
{
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  int height;
  int width = screen_width (GTK_WIDGET (f->window), &height);
  g_autofree char *items_shot = g_strdup_printf ("23-layout-%d-items", width);
  g_autofree char *energy_shot = g_strdup_printf ("23-layout-%d-energy", width);
  GtkWidget *stack, *section_flap, *summary_flap, *editor, *sections;
  guint checked = 0;

  /* The whole screen, as maximised (Xvfb has no window manager to do
   * it). */
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_maximize (GTK_WINDOW (f->window));
  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "energy-audit") == 0)
        ga_window_open_assessment (f->window, a->id);
    }
  g_assert_nonnull (ga_workspace_get_session (workspace));
  ga_ui_test_spin (500);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* The window is no wider than the screen: nothing is off the edge. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, width - 20);
  section_flap = ga_ui_get (GTK_WIDGET (workspace), ADW_TYPE_FLAP, NULL);
  summary_flap = gtk_widget_get_ancestor (
      ga_ui_get (GTK_WIDGET (workspace), GA_TYPE_SCORE_SUMMARY, NULL), ADW_TYPE_FLAP);
  g_assert_true (section_flap != summary_flap);
  sections = ga_ui_get (GTK_WIDGET (workspace), GTK_TYPE_LIST_BOX, _("Sections"));
  ga_ui_test_spin (500);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_screenshot (GTK_WIDGET (f->window), items_shot);
  if (width <= 800)
    {
      g_assert_true (adw_flap_get_folded (ADW_FLAP (section_flap)));
      g_assert_true (adw_flap_get_folded (ADW_FLAP (summary_flap)));
      g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (summary_flap)));
      /* The pages are switched at the bottom, the sections are one button
       * away. */
      g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
          ga_ui_get (GTK_WIDGET (workspace), ADW_TYPE_VIEW_SWITCHER_BAR, NULL))));
      g_assert_true (gtk_widget_get_visible (
          ga_ui_get (GTK_WIDGET (workspace), GTK_TYPE_TOGGLE_BUTTON, _("Show the sections"))));
    }
  if (width >= 1920)
    {
      g_assert_false (adw_flap_get_folded (ADW_FLAP (section_flap)));
      g_assert_false (adw_flap_get_folded (ADW_FLAP (summary_flap)));
      g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (summary_flap)));
      /* Wide enough for every section title in full. */
      g_assert_cmpuint (count_cut (sections, &checked), ==, 0);
      g_assert_cmpuint (checked, >, 5);
    }

  stack = ga_ui_get (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
  ga_ui_test_spin (300);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  editor = ga_ui_get (GTK_WIDGET (workspace), GA_TYPE_TABLE_EDITOR, NULL);
  /* The energy table's headings and cells are never cut to "…" (the
   * table scrolls sideways instead). */
  checked = 0;
  g_assert_cmpuint (count_cut (editor, &checked), ==, 0);
  g_assert_cmpuint (checked, >, 10);
  ga_ui_screenshot (GTK_WIDGET (f->window), energy_shot);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/layouts/screen", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_layout, ga_ui_fixture_teardown);
  return g_test_run ();
}
