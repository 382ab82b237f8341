/* test-measures.c: the demo factory's energy-saving diagnosis, its register
 * of saving measures in the table dialog
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register shows the four demo measures with their computed money,
 * payback and CO2 cut; each input cell is named for a screen reader
 * ("Measure, row 4"); the first row's payback reads 35 ÷ 12.6 = 2.78 years.
 * Screenshot 41-measures (suffix -zh in the Chinese run).
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
open_demo_diagnosis (GaUiFixture *f)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "energy-diagnosis") == 0)
        ga_window_open_assessment (f->window, a->id);
    }
  g_assert_nonnull (ga_workspace_get_session (workspace));
  return ga_workspace_get_session (workspace);
}

static const char *
column_title (GaItem     *item,
              const char *id)
{
  for (guint c = 0; c < item->columns->len; c++)
    {
      GaColumn *column = g_ptr_array_index (item->columns, c);

      if (g_str_equal (column->id, id))
        return ga_text_get (&column->title, NULL);
    }
  g_assert_not_reached ();
}

static void
test_register (GaUiFixture   *f,
               gconstpointer  data)
{
  GaSession *session;
  GaItem *measures;
  GtkWindow *dialog;
  GtkWidget *editor;
  g_autofree char *name_name = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  session = open_demo_diagnosis (f);
  measures = ga_template_find_item (ga_session_get_template (session), "measures");
  g_assert_nonnull (measures);

  dialog = ga_table_dialog_new (GTK_WINDOW (f->window), session, measures);
  gtk_window_set_default_size (dialog, 1300, 520);
  gtk_window_present (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ga_ui_test_spin (300);

  editor = ga_ui_get (GTK_WIDGET (dialog), GA_TYPE_TABLE_EDITOR, NULL);
  /* Translators' format of the table editor: "%s, row %u". */
  ga_ui_screenshot (GTK_WIDGET (dialog), "41-measures");
  name_name = g_strdup_printf (_("%s, row %u"), column_title (measures, "m_name"), 4);
  g_assert_nonnull (ga_ui_get (editor, GTK_TYPE_WIDGET, name_name));
  /* The computed columns: row 1's payback 35 ÷ 12.6 = 2.78 years, row 3's
   * money 14.7 × 5696 ÷ 10 000 = 8.37 万元. */
  g_assert_nonnull (ga_ui_get (editor, GTK_TYPE_LABEL, "2.78"));
  g_assert_nonnull (ga_ui_get (editor, GTK_TYPE_LABEL, "8.37"));
  ga_ui_assert_named (GTK_WIDGET (dialog));

  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/measures/register", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_register, ga_ui_fixture_teardown);
  return g_test_run ();
}
