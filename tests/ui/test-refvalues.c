/* test-refvalues.c: the Reference Values dialog
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened from the main menu's action on the demo database: the bundled
 * table is listed; a sheet with a row that cannot be read is refused with
 * the row named and nothing imported; a good sheet is imported and listed
 * with its version and row count; its Remove button takes it away. Every
 * control has an accessible name. Screenshot 30-refvalues-dialog in
 * build/tests/ui/screenshots/ (suffix -zh in the Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <string.h>

#include "ga-refvalues-dialog.h"
#include "ga-refvalues.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"

static char *
write_sheet (GaUiFixture *f,
             const char  *name,
             const char  *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static guint
n_imported (GaUiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ga_store_list_ref_tables (ga_application_get_store (f->app),
                                                        &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_dialog (GaUiFixture   *f,
             gconstpointer  data)
{
  g_autofree char *bad = write_sheet (f, "bad.csv",
                                      "方案,指标,基准值,引领值\n"
                                      "gbt36132-2025,RE3,八十,92\n"
                                      "gbt36132-2025,RE4,80,100\n");
  g_autofree char *good = write_sheet (f, "good.csv",
                                       "名称,省级评价表样例\n版本,2026\n"
                                       "方案,指标,基准值,引领值\n"
                                       "gbt36132-2025,RE3,80,92.22\n"
                                       "gbt36132-2025,RE4,80,100\n");
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), "省级评价表样例");
  GtkWindow *dialog, *message;
  g_autoptr(GPtrArray) bundled = ga_ref_tables_bundled ();

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.refvalues", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_REFVALUES_DIALOG);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                     ((GaRefTable *) bundled->pdata[0])->name));
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                     _("No imported reference tables")));

  /* A row that cannot be read: named, nothing imported. */
  g_assert_false (ga_refvalues_dialog_import_path (GA_REFVALUES_DIALOG (dialog), bad));
  message = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "八十"));
  ga_ui_respond (message, "close");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (n_imported (f), ==, 0);

  /* A good sheet: listed with its rows. */
  g_assert_true (ga_refvalues_dialog_import_path (GA_REFVALUES_DIALOG (dialog), good));
  g_assert_cmpuint (n_imported (f), ==, 1);
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "省级评价表样例"));
  g_assert_null (ga_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                  _("No imported reference tables")));
  ga_ui_assert_named (GTK_WIDGET (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ga_ui_screenshot (GTK_WIDGET (dialog), "30-refvalues-dialog");

  /* Remove. */
  g_signal_emit_by_name (ga_ui_get (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, remove), "clicked");
  g_assert_cmpuint (n_imported (f), ==, 0);
  g_assert_null (ga_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, remove));
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/refvalues/dialog", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_dialog, ga_ui_fixture_teardown);
  return g_test_run ();
}
