/* test-water.c: the water balance of the demo water-saving self-evaluation,
 * edited in its table window
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo factory's balance (intake 70 000 + 15 000 m³, reuse 240 000 +
 * 20 000 m³) opens in the table window of item 水平衡表; a volume typed
 * in a row's cell recomputes the reuse rate. The cells are found by the
 * accessible names a screen reader reads ("Volume, row 1"). Screenshot
 * 21-water-balance in build/tests/ui/screenshots/ (suffix -zh in the
 * Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-table-dialog.h"
#include "ga-table-editor.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

static GaSession *
open_demo_water (GaUiFixture *f)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "water-saving") == 0)
        ga_window_open_assessment (f->window, a->id);
    }
  g_assert_nonnull (ga_workspace_get_session (workspace));
  return ga_workspace_get_session (workspace);
}

static double
number (GaSession  *session,
        const char *id)
{
  const GaResult *res = ga_engine_lookup (ga_session_get_engine (session), id);

  g_assert_nonnull (res);
  g_assert_cmpint (res->value.kind, ==, GA_VALUE_NUMBER);
  return res->value.u.number;
}

/* The editor of column @column_id in row @row (from 1), by its accessible name. */
static GtkWidget *
cell (GtkWidget    *editor,
      const GaItem *table,
      const char   *column_id,
      guint         row,
      GType         type)
{
  g_autofree char *name = NULL;

  for (guint c = 0; c < table->columns->len; c++)
    {
      GaColumn *column = g_ptr_array_index (table->columns, c);

      if (g_str_equal (column->id, column_id))
        name = g_strdup_printf (_("%s, row %u"), ga_text_get (&column->title, NULL), row);
    }
  g_assert_nonnull (name);
  return ga_ui_get (editor, type, name);
}

static void
test_balance (GaUiFixture   *f,
              gconstpointer  data)
{
  GaSession *session;
  GaItem *wb;
  GtkWindow *dialog;
  GtkWidget *editor, *qty;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  session = open_demo_water (f);
  wb = ga_template_find_item (ga_session_get_template (session), "wb");
  g_assert_nonnull (wb);
  g_assert_cmpuint (ga_engine_get_n_rows (ga_session_get_engine (session), wb), ==, 10);
  /* 重复利用率 260 000 / (85 000 + 260 000) × 100 = 75.3623 % */
  g_assert_cmpfloat_with_epsilon (number (session, "W_reuse"), 100.0 * 260000 / 345000, 1e-9);

  dialog = ga_table_dialog_new (GTK_WINDOW (f->window), session, wb);
  gtk_window_set_default_size (dialog, 1300, 700);
  gtk_window_present (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ga_ui_test_spin (100);
  editor = ga_ui_get (GTK_WIDGET (dialog), GA_TYPE_TABLE_EDITOR, NULL);
  qty = cell (editor, wb, "qty", 1, GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (qty)), ==, "70000");
  ga_ui_screenshot (GTK_WIDGET (dialog), "21-water-balance");

  /* Tap water 80 000 instead of 70 000: intake 95 000, reuse rate
   * 260 000 / (95 000 + 260 000) × 100 = 73.2394 %, leakage 2 000 / 95 000. */
  gtk_editable_set_text (GTK_EDITABLE (qty), "80000");
  g_signal_emit_by_name (qty, "activate");
  ga_ui_test_spin (100);
  g_assert_cmpfloat_with_epsilon (number (session, "O_intake"), 95000, 1e-9);
  g_assert_cmpfloat_with_epsilon (number (session, "W_reuse"), 100.0 * 260000 / 355000, 1e-9);
  g_assert_cmpfloat_with_epsilon (number (session, "W_leak"), 100.0 * 2000 / 95000, 1e-9);
  ga_ui_assert_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/water/balance", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_balance, ga_ui_fixture_teardown);
  return g_test_run ();
}
