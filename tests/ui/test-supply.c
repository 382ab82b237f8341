/* test-supply.c: the supplier register of the demo supply chain assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo database holds a green supply chain assessment with six
 * suppliers. Its item list scrolls to the register; the register's Edit
 * Table button (found by its accessible name, the item's title) opens the
 * table dialog with the six rows and every control named; the shares
 * counted from the rows are in the item list: 4 of 6 suppliers green
 * (66.7 %), green purchases (1 260 + 2 480 + 310 + 450) / 5 520 = 81.5 %.
 * Screenshots 30-supply-items and 31-supplier-register (suffix -zh in the
 * Chinese run).
 */
#include "config.h"

#include <math.h>
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
open_demo_supply_chain (GaUiFixture *f)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  gboolean found = FALSE;

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "supply-chain") == 0)
        {
          ga_window_open_assessment (f->window, a->id);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_nonnull (ga_workspace_get_session (workspace));
  return ga_workspace_get_session (workspace);
}

static double
number_of (GaSession  *session,
           const char *id)
{
  const GaResult *r = ga_engine_lookup (ga_session_get_engine (session), id);

  g_assert_nonnull (r);
  g_assert_cmpint (r->value.kind, ==, GA_VALUE_NUMBER);
  return r->value.u.number;
}

static void
test_register (GaUiFixture   *f,
               gconstpointer  data)
{
  GaSession *session = open_demo_supply_chain (f);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaTemplate *tmpl = ga_session_get_template (session);
  const GaItem *item = ga_template_find_item (tmpl, "suppliers");
  GtkWidget *button;
  GtkWindow *dialog;
  GtkWidget *editor;

  g_assert_nonnull (item);
  /* The shares the demo's six rows give (see the header). */
  g_assert_cmpfloat_with_epsilon (number_of (session, "green_share_count"), 400.0 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (session, "green_share_amount"),
                                  4500.0 / 5520.0 * 100.0, 1e-9);

  ga_workspace_set_section (workspace, "S2");
  ga_ui_test_spin (300);
  ga_workspace_show_item (workspace, "suppliers");
  ga_ui_test_spin (600);
  ga_ui_screenshot (GTK_WIDGET (f->window), "30-supply-items");

  button = ga_ui_get (GTK_WIDGET (workspace), GTK_TYPE_BUTTON, ga_text_get (&item->title, NULL));
  gtk_widget_activate (button);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_TABLE_DIALOG);
  ga_ui_test_spin (400);

  editor = ga_ui_get (GTK_WIDGET (dialog), GA_TYPE_TABLE_EDITOR, NULL);
  g_assert_cmpuint (ga_table_editor_get_n_rows (GA_TABLE_EDITOR (editor)), ==, 6);
  ga_ui_assert_named (GTK_WIDGET (dialog));
  ga_ui_screenshot (GTK_WIDGET (dialog), "31-supplier-register");

  gtk_window_close (dialog);
  ga_ui_wait_until_gone (GA_TYPE_TABLE_DIALOG);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/supply/register", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_register, ga_ui_fixture_teardown);
  return g_test_run ();
}
