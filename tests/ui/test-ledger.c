/* test-ledger.c: an energy ledger imported on the Energy page, a water
 * ledger from the water-balance table's window
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo energy audit; "Import Ledger…" above its energy table opens the
 * dialog, which is given the fixture files as the file chooser would give
 * them (tests/fixtures/import: a 205-1-style workbook and a monthly meter
 * export in GBK). Its controls are found by the names a screen reader
 * reads. Both files hold 原煤 1000 t, 电力 200 万kWh, 柴油 50 t:
 * 1000 × 0.7143 + 200 × 1.229 + 50 × 1.4571 = 714.3 + 245.8 + 72.855
 * = 1032.955 tce, the total typing them gives. Screenshots
 * 20-import-ledger, 20-import-ledger-preview, 20-import-meter and
 * 20-import-energy-page in build/tests/ui/screenshots/
 * (suffix -zh in the Chinese run).
 *
 * The water-saving demo's 水平衡表 window offers "Import Ledger…" too; the
 * annual water ledger (tests/fixtures/import/water-ledger.xlsx) gives
 * intake V_i = 7 万吨 + 9 000 吨 + 6 000 m³ = 70 000 + 15 000 = 85 000 m³
 * and reuse V_r = 24 万m³ + 20 000 m³ = 260 000 m³; the meter export
 * (water-meter-monthly-gbk.csv) the same, so keeping the rows there are
 * doubles the intake to 170 000 m³. Screenshots 22-import-water,
 * 22-import-water-sums and 22-import-water-preview.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-format.h"
#include "ga-ledger-dialog.h"
#include "ga-ledger-import.h"
#include "ga-table-dialog.h"
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

/* Clicks "Import Ledger…" on the Energy page and returns the dialog, given
 * the fixture @name as if it had been chosen. */
static GtkWidget *
open_dialog (GaUiFixture *f,
             const char  *name)
{
  GtkWidget *button = ga_ui_get (GTK_WIDGET (ga_window_get_workspace (f->window)),
                                 GTK_TYPE_BUTTON, _("_Import Ledger…"));
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "import",
                                            name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_LEDGER_DIALOG);
  ga_ledger_dialog_open_file (GA_LEDGER_DIALOG (dialog), file);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return GTK_WIDGET (dialog);
}

static guint
selected (GtkWidget  *dialog,
          const char *title)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (ga_ui_get (dialog, ADW_TYPE_COMBO_ROW, title)));
}

static void
select_field (GtkWidget    *dialog,
              const char   *title,
              GaLedgerField field)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (ga_ui_get (dialog, ADW_TYPE_COMBO_ROW, title)), field);
}

/* Scrolls the dialog's page to its end: the preview and the rows not
 * taken, for the screenshots. */
static void
scroll_to_preview (GtkWidget *dialog)
{
  GtkWidget *scrolled = ga_ui_get (dialog, GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_test_widget_wait_for_draw (dialog);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
}

static void
test_ledger (GaUiFixture   *f,
             gconstpointer  data)
{
  GaSession *session;
  GtkWidget *dialog, *import;
  g_autofree char *skipped = NULL;
  g_autoptr(GError) error = NULL;
  double before;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  session = open_demo_energy_audit (f);
  answer (session, "energy_other", "[]");
  answer (session, "elec_basis", "calorific");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  before = total_tce (session);

  /* The 205-1 workbook: its headings over two rows, 消费量 / 合计 taken
   * as the quantity, the preview's total before anything is saved. */
  dialog = open_dialog (f, "ledger-205-1.xlsx");
  g_assert_true (gtk_widget_get_visible (ga_ui_get (dialog, ADW_TYPE_COMBO_ROW, _("Sheet"))));
  g_assert_cmpuint (selected (dialog, "A · 能源名称"), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpuint (selected (dialog, "B · 计量单位"), ==, GA_LEDGER_FIELD_UNIT);
  g_assert_cmpuint (selected (dialog, "E · 购进量 / 实物量"), ==, GA_LEDGER_FIELD_IGNORE);
  g_assert_cmpuint (selected (dialog, "G · 消费量 / 合计"), ==, GA_LEDGER_FIELD_QTY);
  g_assert_nonnull (ga_ui_get (dialog, GTK_TYPE_LABEL, "1032.955 tce"));
  /* The carrier by the template's label in the run's language. */
  g_assert_nonnull (ga_ui_get (dialog, ADW_TYPE_ACTION_ROW,
                               ga_ui_suffix ()[0] != '\0' ? "原煤" : "raw coal"));
  skipped = g_strdup_printf (ngettext ("%u row not taken", "%u rows not taken", 6), 6);
  g_assert_nonnull (ga_ui_get (dialog, ADW_TYPE_EXPANDER_ROW, skipped));
  g_assert_cmpfloat (total_tce (session), ==, before);
  ga_ui_assert_named (dialog);
  ga_ui_screenshot (dialog, "20-import-ledger");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ga_ui_get (dialog, ADW_TYPE_EXPANDER_ROW,
                                                              skipped)), TRUE);
  scroll_to_preview (dialog);
  ga_ui_screenshot (dialog, "20-import-ledger-preview");

  /* Another column as the quantity: 购进量 gives other rows; nothing as
   * the quantity, nothing to import. */
  import = ga_ui_get (dialog, GTK_TYPE_BUTTON, _("_Import"));
  select_field (dialog, "G · 消费量 / 合计", GA_LEDGER_FIELD_IGNORE);
  g_assert_false (gtk_widget_is_sensitive (import));
  select_field (dialog, "G · 消费量 / 合计", GA_LEDGER_FIELD_QTY);
  g_assert_true (gtk_widget_is_sensitive (import));

  /* Import: the table's rows replaced, the same total as typing. */
  g_signal_emit_by_name (import, "clicked");
  ga_ui_wait_until_gone (GA_TYPE_LEDGER_DIALOG);
  g_assert_cmpfloat_with_epsilon (total_tce (session), 1032.955, 1e-9);
  g_assert_true (ga_session_undo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (total_tce (session), ==, before);

  /* The meter export: months added, two meters in one row; kept rows
   * added to, or replaced. */
  dialog = open_dialog (f, "meter-monthly-gbk.csv");
  g_assert_false (gtk_widget_get_visible (ga_ui_get (dialog, ADW_TYPE_COMBO_ROW, _("Sheet"))));
  g_assert_cmpuint (selected (dialog, "A · 计量点"), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpuint (selected (dialog, "D · 1月"), ==, GA_LEDGER_FIELD_MONTH);
  g_assert_cmpuint (selected (dialog, "P · 合计"), ==, GA_LEDGER_FIELD_IGNORE);
  g_assert_nonnull (ga_ui_get (dialog, GTK_TYPE_LABEL, "1032.955 tce"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (ga_ui_get (dialog, ADW_TYPE_COMBO_ROW,
                                                        _("Rows the table has"))), 1);
  {
    g_autofree char *number = ga_format_number (before + 1032.955, 4);
    g_autofree char *sum = g_strdup_printf ("%s tce", number);

    g_assert_nonnull (ga_ui_get (dialog, GTK_TYPE_LABEL, sum));
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (ga_ui_get (dialog, ADW_TYPE_COMBO_ROW,
                                                        _("Rows the table has"))), 0);
  scroll_to_preview (dialog);
  ga_ui_screenshot (dialog, "20-import-meter");
  g_signal_emit_by_name (ga_ui_get (dialog, GTK_TYPE_BUTTON, _("_Import")), "clicked");
  ga_ui_wait_until_gone (GA_TYPE_LEDGER_DIALOG);
  g_assert_cmpfloat_with_epsilon (total_tce (session), 1032.955, 1e-9);
  ga_ui_screenshot (GTK_WIDGET (f->window), "20-import-energy-page");

  /* A file that is no spreadsheet: the reason shown, nothing to import. */
  {
    g_autofree char *path = g_build_filename (f->dir, "photo.xlsx", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    GtkWidget *error_row;

    g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));
    dialog = open_dialog (f, "ledger-205-1.xlsx");
    ga_ledger_dialog_open_file (GA_LEDGER_DIALOG (dialog), file);
    error_row = ga_ui_get (dialog, ADW_TYPE_ACTION_ROW, _("Cannot read the file"));
    g_assert_true (gtk_widget_get_visible (error_row));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (error_row)),
                              "photo.xlsx"));
    g_assert_false (gtk_widget_is_sensitive (ga_ui_get (dialog, GTK_TYPE_BUTTON, _("_Import"))));
    g_assert_false (gtk_widget_get_visible (ga_ui_get (dialog, ADW_TYPE_PREFERENCES_GROUP,
                                                       "preview_group")));
    gtk_window_close (GTK_WINDOW (dialog));
    ga_ui_wait_until_gone (GA_TYPE_LEDGER_DIALOG);
    g_remove (path);
  }

  /* Headings the guess does not know: the user gives the heading row and
   * what the columns hold. 1000 t × 0.7143 + 50 t × 1.4571 = 787.155. */
  {
    g_autofree char *path = g_build_filename (f->dir, "plain.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    GtkWidget *spin;

    g_assert_true (g_file_set_contents (path, "Site;Kind;Used (t)\nBoiler house;coal;1000\n"
                                        "Fleet;Diesel;50\n", -1, NULL));
    dialog = open_dialog (f, "ledger-205-1.xlsx");
    ga_ledger_dialog_open_file (GA_LEDGER_DIALOG (dialog), file);
    spin = ga_ui_get (dialog, GTK_TYPE_SPIN_BUTTON, _("Heading row"));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 0);
    import = ga_ui_get (dialog, GTK_TYPE_BUTTON, _("_Import"));
    g_assert_false (gtk_widget_is_sensitive (import));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
    select_field (dialog, "B · Kind", GA_LEDGER_FIELD_CARRIER);
    select_field (dialog, "C · Used (t)", GA_LEDGER_FIELD_QTY);
    g_assert_nonnull (ga_ui_get (dialog, GTK_TYPE_LABEL, "787.155 tce"));
    ga_ui_assert_named (dialog);
    g_signal_emit_by_name (import, "clicked");
    ga_ui_wait_until_gone (GA_TYPE_LEDGER_DIALOG);
    g_assert_cmpfloat_with_epsilon (total_tce (session), 787.155, 1e-9);
    g_remove (path);
  }
}

static double
water_result (GaSession  *session,
              const char *id)
{
  const GaResult *res = ga_engine_lookup (ga_session_get_engine (session), id);

  g_assert_nonnull (res);
  g_assert_cmpint (res->value.kind, ==, GA_VALUE_NUMBER);
  return res->value.u.number;
}

/* Clicks "Import Ledger…" in the table window @table and gives the dialog
 * the fixture @name. */
static GtkWidget *
open_water_dialog (GtkWidget  *table,
                   const char *name)
{
  GtkWidget *button = ga_ui_get (table, GTK_TYPE_BUTTON, _("_Import Ledger…"));
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "import",
                                            name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_LEDGER_DIALOG);
  gtk_window_set_default_size (dialog, 900, 700);
  ga_ledger_dialog_open_file (GA_LEDGER_DIALOG (dialog), file);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return GTK_WIDGET (dialog);
}

static void
test_water (GaUiFixture   *f,
            gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  g_autofree char *skipped = NULL;
  g_autoptr(GError) error = NULL;
  gboolean zh = ga_ui_suffix ()[0] != '\0';
  GaSession *session;
  GaItem *wb;
  GtkWindow *table;
  GtkWidget *dialog;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "water-saving") == 0)
        ga_window_open_assessment (f->window, a->id);
    }
  session = ga_workspace_get_session (workspace);
  g_assert_nonnull (session);
  wb = ga_template_find_item (ga_session_get_template (session), "wb");
  g_assert_nonnull (wb);
  /* One row of tap water, so that the import shows. */
  answer (session, "wb", "[{\"flow\": \"in_tap\", \"qty\": 1}]");
  table = ga_table_dialog_new (GTK_WINDOW (f->window), session, wb);
  gtk_window_present (table);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (table));

  /* The annual ledger: 名称 names the rows, 水源类别 gives their kind. */
  dialog = open_water_dialog (GTK_WIDGET (table), "water-ledger.xlsx");
  g_assert_cmpuint (selected (dialog, "B · 名称"), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpuint (selected (dialog, "C · 水源类别"), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpuint (selected (dialog, "D · 计量单位"), ==, GA_LEDGER_FIELD_UNIT);
  g_assert_cmpuint (selected (dialog, "E · 全年用水量"), ==, GA_LEDGER_FIELD_QTY);
  /* The kinds by the template's labels in the run's language, the names
   * of the rows added up under them. */
  g_assert_nonnull (ga_ui_get (dialog, ADW_TYPE_ACTION_ROW,
                               zh ? "取水: 地下水" : "Intake: groundwater"));
  {
    g_autofree char *number = ga_format_number (15000, 6);
    g_autofree char *volume = g_strdup_printf ("%s m³", number);

    g_assert_nonnull (ga_ui_get (dialog, GTK_TYPE_LABEL, volume));
  }
  skipped = g_strdup_printf (ngettext ("%u row not taken", "%u rows not taken", 7), 7);
  g_assert_nonnull (ga_ui_get (dialog, ADW_TYPE_EXPANDER_ROW, skipped));
  g_assert_cmpfloat (water_result (session, "O_intake"), ==, 1);
  ga_ui_assert_named (dialog);
  ga_ui_screenshot (dialog, "22-import-water");
  {
    /* The table after the import, in view: V_i, V_r … */
    GtkWidget *group = ga_ui_get (dialog, ADW_TYPE_PREFERENCES_GROUP, "preview_group");
    GtkWidget *scrolled = ga_ui_get (dialog, GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (
                                               GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (adj, top.y);
    gtk_test_widget_wait_for_draw (dialog);
    ga_ui_screenshot (dialog, "22-import-water-sums");
  }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ga_ui_get (dialog, ADW_TYPE_EXPANDER_ROW,
                                                              skipped)), TRUE);
  scroll_to_preview (dialog);
  ga_ui_screenshot (dialog, "22-import-water-preview");
  g_signal_emit_by_name (ga_ui_get (dialog, GTK_TYPE_BUTTON, _("_Import")), "clicked");
  ga_ui_wait_until_gone (GA_TYPE_LEDGER_DIALOG);
  /* The same as typing the rows: 85 000 m³ of intake, a reuse rate of
   * 100 × 260 000 / (85 000 + 260 000) %. */
  g_assert_cmpuint (ga_engine_get_n_rows (ga_session_get_engine (session), wb), ==, 10);
  g_assert_cmpfloat (water_result (session, "O_intake"), ==, 85000);
  g_assert_cmpfloat (water_result (session, "O_reused"), ==, 260000);
  g_assert_cmpfloat_with_epsilon (water_result (session, "W_reuse"), 100.0 * 260000 / 345000,
                                  1e-9);

  /* The meter export added to the rows there are, then undone. */
  dialog = open_water_dialog (GTK_WIDGET (table), "water-meter-monthly-gbk.csv");
  g_assert_cmpuint (selected (dialog, "B · 水表名称"), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpuint (selected (dialog, "E · 1月"), ==, GA_LEDGER_FIELD_MONTH);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ga_ui_get (dialog, ADW_TYPE_COMBO_ROW,
                                                        _("Rows the table has"))), 1);
  g_signal_emit_by_name (ga_ui_get (dialog, GTK_TYPE_BUTTON, _("_Import")), "clicked");
  ga_ui_wait_until_gone (GA_TYPE_LEDGER_DIALOG);
  g_assert_cmpfloat (water_result (session, "O_intake"), ==, 170000);
  g_assert_true (ga_session_undo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (water_result (session, "O_intake"), ==, 85000);
  gtk_window_destroy (table);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/ledger/import", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_ledger, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/ledger/water", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_water, ga_ui_fixture_teardown);
  return g_test_run ();
}
