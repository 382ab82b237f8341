/* test-carry.c: a 2026 assessment started from the 2025 one through the
 * New Assessment dialog, and the two years compared
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a 1366 × 768 window: the enterprise has a 2025 green-factory
 * assessment with answers and an evidence file; the dialog offers to start
 * from it (on by default), evidence links on request; the new assessment
 * has last year's answers and the evidence link, History says where they
 * came from; Compare Years shows both years per section and item with the
 * difference, read through the accessible names a screen reader reads,
 * and "Changed only" hides what did not change; its items read "number
 * title". Screenshots 24-new-assessment-carry, 25-compare-years,
 * 26-compare-years-changed and 27-compare-energy (energy audits: the total
 * energy and the energy per value added over the years, two charts) in
 * build/tests/ui/screenshots/ (suffix -zh in the Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-compare-window.h"
#include "ga-new-assessment-dialog.h"
#include "ga-store-engine.h"
#include "ga-trend-chart.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

#define CODE "91350100M000100Y43"

static void
save (GaStore    *store,
      gint64      id,
      const char *item,
      const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_save_answer (store, id, item, json, &error));
  g_assert_no_error (error);
}

/* The enterprise and its 2025 assessment: BR1 met, RE1a 2 and RE1b 3
 * points, a licence on BR1. */
static gint64
last_year (GaStore    *store,
           GaTemplate *tmpl,
           gint64     *enterprise_id)
{
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GBytes) licence = g_bytes_new_static ("%PDF-1.4 licence", 16);
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->name = g_strdup ("闽江绿色制造有限公司");
  e->credit_code = g_strdup (CODE);
  *enterprise_id = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  id = ga_store_new_assessment (store, *enterprise_id, tmpl, "绿色工厂评价 2025", 2025, NULL,
                                &error);
  g_assert_no_error (error);
  save (store, id, "BR1", "\"yes\"");
  save (store, id, "RE1a", "2");
  save (store, id, "RE1b", "3");
  ga_store_add_evidence_bytes (store, id, "BR1", "营业执照.pdf", licence, &error);
  g_assert_no_error (error);
  return id;
}

static GtkWidget *
child (GtkWindow  *dialog,
       const char *name)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                   GA_TYPE_NEW_ASSESSMENT_DIALOG, name);

  g_assert_nonnull (widget);
  return GTK_WIDGET (widget);
}

/* Through the dialog: the year offered, the earlier assessment offered and
 * on, evidence links asked for. */
static void
create_from_dialog (GaUiFixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *offer = NULL;
  GtkWindow *dialog;
  GtkWidget *spin;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-assessment", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_nonnull (dialog);
  /* The last full year, unless it is assessed already: 2025 is, so the
   * year after it (in 2026), or the last full year later on. */
  spin = child (dialog, "year_spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==,
                   MAX (g_date_time_get_year (now) - 1, 2026));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2026);

  g_assert_true (gtk_widget_get_visible (child (dialog, "carry_group")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (dialog, "carry_switch"))));
  offer = g_strdup_printf (_("Start from “%s”"), "绿色工厂评价 2025");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (dialog, "carry_row"))),
                   ==, offer);
  /* Evidence links are asked for; they follow the main switch. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (dialog, "evidence_switch"))));
  gtk_switch_set_active (GTK_SWITCH (child (dialog, "evidence_switch")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (child (dialog, "carry_switch")), FALSE);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "evidence_row")));
  gtk_switch_set_active (GTK_SWITCH (child (dialog, "carry_switch")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "evidence_row")));
  /* A year with nothing before it offers nothing. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2024);
  g_assert_false (gtk_widget_get_visible (child (dialog, "carry_group")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2026);
  g_assert_true (gtk_widget_get_visible (child (dialog, "carry_group")));
  ga_ui_assert_named (GTK_WIDGET (dialog));
  ga_ui_screenshot (GTK_WIDGET (dialog), "24-new-assessment-carry");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  ga_ui_wait_until_gone (GA_TYPE_NEW_ASSESSMENT_DIALOG);
}

/* The row of the comparison named @id reads @expected to a screen reader. */
static void
assert_row (GtkWidget  *window,
            const char *id,
            const char *title,
            const char *a,
            const char *b,
            const char *difference)
{
  GtkWidget *row = ga_ui_get (window, GTK_TYPE_LIST_BOX_ROW, id);
  g_autofree char *expected = g_strdup_printf (_("%s: %s %s, %s %s, %s"), title, "2025", a,
                                               "2026", b, difference);
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 expected);

  g_assert_null (problem);
}

static void
test_carry_and_compare (GaUiFixture   *f,
                        gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("gbt36132-2025", NULL);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *points_a = NULL;
  g_autofree char *points_b = NULL;
  g_autofree char *up = NULL;
  g_autofree char *section_a = NULL;
  g_autofree char *section_b = NULL;
  const GaAssessment *assessment;
  GaSession *session;
  GtkWidget *stack, *compare, *row;
  gint64 enterprise_id, y2025;

  g_assert_nonnull (tmpl);
  y2025 = last_year (store, tmpl, &enterprise_id);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  ga_window_reload (f->window);
  ga_window_show_enterprise (f->window, enterprise_id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  create_from_dialog (f);

  /* The workspace shows the 2026 assessment with last year's answers and
   * the evidence link. */
  session = ga_workspace_get_session (workspace);
  g_assert_nonnull (session);
  assessment = ga_session_get_assessment (session);
  g_assert_cmpint (assessment->year, ==, 2026);
  g_assert_cmpint (assessment->id, !=, y2025);
  g_assert_cmpfloat (ga_session_get_answer (session, ga_template_find_item (tmpl, "RE1a"))
                         ->value.u.number, ==, 2);
  evidence = ga_store_list_evidence (store, assessment->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);

  /* History says where the answers came from. */
  stack = ga_ui_get (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "history");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_test_spin (200);
  carried = g_strdup_printf (_("Carried over from %d"), 2025);
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (workspace), GTK_TYPE_LABEL, carried));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "items");

  /* This year RE1a went from 2 to 4 points. */
  g_assert_true (ga_session_set_answer_text (session, ga_template_find_item (tmpl, "RE1a"), "4",
                                             NULL, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.compare", NULL);
  compare = GTK_WIDGET (ga_ui_wait_for_toplevel (GA_TYPE_COMPARE_WINDOW));
  g_assert_nonnull (compare);
  gtk_window_set_default_size (GTK_WINDOW (compare), 1366, 768);
  g_assert_nonnull (ga_compare_window_get_comparison (GA_COMPARE_WINDOW (compare)));

  /* RE1a: 2 (2 points) -> 4 (4 points), ▲ +2; its section S_RE1 (RE1a +
   * RE1b out of 4 + 4): 2 + 3 = 5 / 8 -> 4 + 3 = 7 / 8, ▲ +2; RE1b and
   * BR1 (not scored) unchanged. */
  points_a = g_strdup_printf (_("%s (%s)"), "2", "2");
  points_b = g_strdup_printf (_("%s (%s)"), "4", "4");
  up = g_strdup_printf (_("▲ +%s"), "2");
  /* Items read "number title", as in every other list. */
  {
    g_autofree char *label = ga_item_label (ga_template_find_item (tmpl, "RE1a"), NULL);

    g_assert_cmpstr (ga_item_get_number (ga_template_find_item (tmpl, "RE1a")), !=, "");
    g_assert_true (g_str_has_prefix (label, ga_item_get_number (ga_template_find_item (tmpl, "RE1a"))));
    assert_row (compare, "RE1a", label, points_a, points_b, up);
  }
  section_a = g_strdup_printf (_("%s / %s"), "5", "8");
  section_b = g_strdup_printf (_("%s / %s"), "7", "8");
  assert_row (compare, "S_RE1",
              ga_text_get (&ga_template_find_section (tmpl, "S_RE1")->title, NULL),
              section_a, section_b, up);
  {
    g_autofree char *same = g_strdup_printf (_("%s (%s)"), "3", "3");

    g_autofree char *label = ga_item_label (ga_template_find_item (tmpl, "RE1b"), NULL);

    assert_row (compare, "RE1b", label, same, same, "0");
  }
  ga_ui_assert_named (compare);
  ga_ui_screenshot (compare, "25-compare-years");

  /* Changed only: RE1b and BR1 go, RE1a and its section stay. */
  row = ga_ui_get (compare, GTK_TYPE_LIST_BOX_ROW, "RE1b");
  g_assert_true (gtk_widget_get_visible (row));
  gtk_toggle_button_set_active (
      GTK_TOGGLE_BUTTON (ga_ui_get (compare, GTK_TYPE_TOGGLE_BUTTON, "changed_button")), TRUE);
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_false (gtk_widget_get_visible (ga_ui_get (compare, GTK_TYPE_LIST_BOX_ROW, "BR1")));
  g_assert_true (gtk_widget_get_visible (ga_ui_get (compare, GTK_TYPE_LIST_BOX_ROW, "RE1a")));
  g_assert_true (gtk_widget_get_visible (ga_ui_get (compare, GTK_TYPE_LIST_BOX_ROW, "S_RE1")));
  ga_ui_screenshot (compare, "26-compare-years-changed");
  gtk_window_destroy (GTK_WINDOW (compare));
}

/* Energy audits: the chart under the comparison draws the total energy of
 * each year. 2024: 原煤 1 000 t × 0.7143 kgce/kg = 714.3 tce; 2025: 电力
 * 200 万kWh × 0.1229 kgce/kWh = 245.8 tce more, 960.1 tce. */
static void
test_energy_trend (GaUiFixture   *f,
                   gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("energy-audit-gbt17166-2019", NULL);
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *compare, *chart;
  gint64 eid, y2024, y2025;

  e->name = g_strdup ("闽江能源审计测试厂");
  e->credit_code = g_strdup (CODE);
  e->value_added = 8000;    /* 10⁴ CNY, taken by both years' intensity */
  eid = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  y2024 = ga_store_new_assessment (store, eid, tmpl, NULL, 2024, NULL, &error);
  g_assert_no_error (error);
  save (store, y2024, "energy", "[{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"}]");
  y2025 = ga_store_new_assessment_from (store, y2024, tmpl, NULL, 2025, NULL, GA_CARRY_DEFAULT,
                                        NULL, &error);
  g_assert_no_error (error);
  save (store, y2025, "energy",
        "[{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
        " {\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"}]");
  engine = ga_store_load_engine (store, y2025, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ga_engine_lookup (engine, "E_total")->value.u.number, 960.1,
                                  1e-6);
  /* 960.1 tce / 8000 (10⁴ CNY) = 0.1200125 tce per 10⁴ CNY. */
  g_assert_cmpfloat_with_epsilon (ga_engine_lookup (engine, "E_per_va")->value.u.number,
                                  0.1200125, 1e-9);

  compare = GTK_WIDGET (ga_compare_window_new (GTK_WINDOW (f->window), store, y2025));
  gtk_window_set_default_size (GTK_WINDOW (compare), 1366, 768);
  gtk_window_present (GTK_WINDOW (compare));
  gtk_test_widget_wait_for_draw (compare);
  g_assert_nonnull (ga_compare_window_get_comparison (GA_COMPARE_WINDOW (compare)));
  g_assert_nonnull (ga_ui_get (compare, GTK_TYPE_LABEL, _("Total energy over the years")));
  chart = ga_ui_get (compare, GA_TYPE_TREND_CHART, NULL);
  g_assert_cmpuint (ga_trend_chart_get_n_series (GA_TREND_CHART (chart)), ==, 1);
  /* The intensity in a chart of its own (another unit). */
  g_assert_true (gtk_widget_get_visible (
      ga_ui_get (compare, GTK_TYPE_LABEL, _("Energy intensity over the years"))));
  chart = ga_ui_get (compare, GA_TYPE_TREND_CHART, _("Energy intensity over the years"));
  g_assert_true (gtk_widget_get_visible (chart));
  g_assert_cmpuint (ga_trend_chart_get_n_series (GA_TREND_CHART (chart)), ==, 1);
  {
    /* The chart is under the list: scrolled to the end. */
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (ga_ui_get (compare, GTK_TYPE_SCROLLED_WINDOW, "compare_scroller")));

    gtk_test_widget_wait_for_draw (compare);
    ga_ui_test_spin (300);
    g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj)
                                   - gtk_adjustment_get_page_size (adj));
  }
  ga_ui_screenshot (compare, "27-compare-energy");
  gtk_widget_activate_action (compare, "window.close", NULL);
  ga_ui_test_spin (100);
}

int
main (int    argc,
      char **argv)
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/carry/from-last-year", GaUiFixture, GINT_TO_POINTER (FALSE),
              ga_ui_fixture_setup, test_carry_and_compare, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/carry/energy-trend", GaUiFixture, GINT_TO_POINTER (FALSE),
              ga_ui_fixture_setup, test_energy_trend, ga_ui_fixture_teardown);
  return g_test_run ();
}
