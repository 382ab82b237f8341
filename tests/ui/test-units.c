/* test-units.c: the unit of each energy quantity, chosen on the Energy page
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo energy audit, its energy table replaced by 原煤 1 000 t, 电力
 * 200 万kWh and 柴油 50 t: each row's unit drop-down offers the units of its
 * carrier only, shows its unit in full in a 1366 × 768 window, and a new
 * unit keeps the quantity typed and recomputes. The widgets are found by
 * the accessible names a screen reader reads ("Unit, row 1"). Screenshot
 * 19-energy-units in build/tests/ui/screenshots/ (suffix -zh in the Chinese
 * run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-table-editor.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

static GaSession *
open_demo_energy_audit (GaUiFixture *f)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GtkWidget *stack;

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "energy-audit") == 0)
        ga_window_open_assessment (f->window, a->id);
    }
  g_assert_nonnull (ga_workspace_get_session (workspace));
  stack = ga_ui_get (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
  return ga_workspace_get_session (workspace);
}

static void
answer (GaSession  *session,
        const char *item_id,
        const char *text)
{
  GaItem *item = ga_template_find_item (ga_session_get_template (session), item_id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (item);
  g_assert_true (ga_session_set_answer_text (session, item, text, NULL, &error));
  g_assert_no_error (error);
}

static double
total_tce (GaSession *session)
{
  const GaResult *total = ga_engine_lookup (ga_session_get_engine (session), "E_total");

  g_assert_nonnull (total);
  g_assert_cmpint (total->value.kind, ==, GA_VALUE_NUMBER);
  return total->value.u.number;
}

/* The editor of column @column_id in row @row (from 1), by its accessible
 * name, as the table editor names it for screen readers. */
static GtkWidget *
cell (GtkWidget  *editor,
      GaSession  *session,
      const char *column_id,
      guint       row,
      GType       type)
{
  GaItem *energy = ga_template_find_item (ga_session_get_template (session), "energy");
  g_autofree char *name = NULL;

  for (guint c = 0; c < energy->columns->len; c++)
    {
      GaColumn *column = g_ptr_array_index (energy->columns, c);

      if (g_str_equal (column->id, column_id))
        name = g_strdup_printf (_("%s, row %u"), ga_text_get (&column->title, NULL), row);
    }
  g_assert_nonnull (name);
  return ga_ui_get (editor, type, name);
}

/* The labels a drop-down offers, "—" (none) first, joined by "|". */
static char *
offered (GtkWidget *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", gtk_string_object_get_string (item));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
shown (GtkWidget *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

/* The drop-down shows @text in full: a label with that text, not cut to "…". */
static void
assert_shown_in_full (GtkWidget  *dropdown,
                      const char *text)
{
  GtkWidget *label = ga_ui_test_find (dropdown, GTK_TYPE_LABEL, text);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
}

static void
test_units (GaUiFixture   *f,
            gconstpointer  data)
{
  gboolean zh = g_str_equal (ga_ui_suffix (), "-zh");
  GaSession *session;
  GtkWidget *editor, *coal_unit, *elec_unit, *coal_qty;
  g_autofree char *coal_units = NULL;
  g_autofree char *elec_units = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_maximize (GTK_WINDOW (f->window));
  session = open_demo_energy_audit (f);
  answer (session, "energy_other", "[]");
  answer (session, "elec_basis", "calorific");
  answer (session, "energy",
          "[{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
          " {\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"},"
          " {\"carrier\": \"diesel\", \"qty\": 50, \"unit\": \"t\"}]");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* 0.7143 × 1 000 + 1.229 × 200 + 1.4571 × 50 = 714.3 + 245.8 + 72.855 */
  g_assert_cmpfloat_with_epsilon (total_tce (session), 1032.955, 1e-9);

  editor = ga_ui_get (GTK_WIDGET (ga_window_get_workspace (f->window)), GA_TYPE_TABLE_EDITOR,
                      NULL);
  coal_unit = cell (editor, session, "unit", 1, GTK_TYPE_DROP_DOWN);
  elec_unit = cell (editor, session, "unit", 2, GTK_TYPE_DROP_DOWN);
  coal_units = offered (coal_unit);
  elec_units = offered (elec_unit);
  /* Only the units the row's carrier takes, in the workbook's words. */
  g_assert_cmpstr (coal_units, ==, "—|t|kg");
  g_assert_cmpstr (elec_units, ==, zh ? "—|万kWh|MWh|kWh" : "—|10⁴ kWh|MWh|kWh");
  g_assert_cmpstr (shown (coal_unit), ==, "t");
  assert_shown_in_full (coal_unit, "t");
  assert_shown_in_full (elec_unit, zh ? "万kWh" : "10⁴ kWh");
  ga_ui_screenshot (GTK_WIDGET (f->window), "19-energy-units");

  /* kg instead of t: the 1 000 typed stays and now means 1 000 kg. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (coal_unit), 2);
  /* The editors are made again once the drop-down has finished. */
  ga_ui_test_spin (100);
  g_assert_cmpfloat_with_epsilon (total_tce (session), 0.7143 + 245.8 + 72.855, 1e-9);
  coal_qty = cell (editor, session, "qty", 1, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coal_qty)), ==, "1000");
  g_assert_cmpstr (shown (cell (editor, session, "unit", 1, GTK_TYPE_DROP_DOWN)), ==, "kg");

  /* 1 000 000 kg is the 1 000 t of before. */
  gtk_editable_set_text (GTK_EDITABLE (coal_qty), "1000000");
  g_signal_emit_by_name (coal_qty, "activate");
  g_assert_cmpfloat_with_epsilon (total_tce (session), 1032.955, 1e-9);

  /* A new carrier starts in its default unit: diesel → LPG keeps t (a
   * mass), the quantity is left as typed. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ga_table_editor_set_cell (GA_TABLE_EDITOR (editor), 2, "carrier", "lpg",
                                             &error));
    g_assert_no_error (error);
    ga_ui_test_spin (100);
    g_assert_cmpstr (shown (cell (editor, session, "unit", 3, GTK_TYPE_DROP_DOWN)), ==, "t");
    /* 714.3 + 245.8 + 1.7143 × 50 = 1 045.815 */
    g_assert_cmpfloat_with_epsilon (total_tce (session), 714.3 + 245.8 + 85.715, 1e-9);
  }
}

/* The demo enterprise's record has 工业增加值 7 150 万元: an energy audit
 * that has not answered its value added takes it, says so in the row, and
 * marks an own value that differs from it.
 *   E_total = 1 032.955 tce; 1 032.955 / 7 150 = 0.144469… tce/万元 */
static void
test_prefill (GaUiFixture   *f,
              gconstpointer  data)
{
  gboolean zh = g_str_equal (ga_ui_suffix (), "-zh");
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaSession *session;
  GaItem *va;
  GtkWidget *entry, *mark;
  const char *title;
  g_autofree char *placeholder = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_maximize (GTK_WINDOW (f->window));
  session = open_demo_energy_audit (f);
  answer (session, "energy_other", "[]");
  answer (session, "elec_basis", "calorific");
  answer (session, "energy",
          "[{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
          " {\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"},"
          " {\"carrier\": \"diesel\", \"qty\": 50, \"unit\": \"t\"}]");
  va = ga_template_find_item (ga_session_get_template (session), "value_added");
  g_assert_true (ga_session_set_answer (session, va, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (
      ga_engine_lookup (ga_session_get_engine (session), "E_per_va")->value.u.number,
      1032.955 / 7150, 1e-12);

  /* The section of the audit's base data shows the row on screen. */
  ga_workspace_set_section (workspace, "S_BASE");
  ga_workspace_show_item (workspace, "value_added");
  ga_ui_test_spin (300);
  title = ga_text_get (&va->title, NULL);
  entry = ga_ui_get (GTK_WIDGET (workspace), GTK_TYPE_ENTRY, title);
  placeholder = g_strdup (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)));
  g_assert_cmpstr (placeholder, ==, zh ? "7150（来自企业档案）" : "7150 (from the enterprise record)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  mark = ga_ui_get (GTK_WIDGET (workspace), GTK_TYPE_LABEL,
                    zh ? "取自企业档案；如本次评价使用其他数值，请直接填写。"
                       : "Taken from the enterprise record; type a value to use another for "
                         "this assessment.");
  g_assert_true (gtk_widget_get_visible (mark));
  ga_ui_screenshot (GTK_WIDGET (f->window), "20-prefill");

  /* The assessment's own figure is marked beside the field. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "7000");
  g_signal_emit_by_name (entry, "activate");
  ga_ui_test_spin (100);
  g_assert_false (ga_engine_uses_default (ga_session_get_engine (session), va));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==,
                   zh ? "本次评价使用自己的数值；企业档案为 7150。清空即改用该数值。"
                      : "Own value for this assessment; the enterprise record has 7150. "
                        "Clear it to use that.");
  g_assert_true (gtk_widget_has_css_class (mark, "warning"));
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/units/energy", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_units, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/units/prefill", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_prefill, ga_ui_fixture_teardown);
  return g_test_run ();
}
