/* test-refvalues.c: the Reference Values dialog
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened from the main menu's action on the demo database: the bundled
 * table is listed; a sheet with a row that cannot be read is refused with
 * the row named and nothing imported; a good sheet is imported and listed
 * with its version and row count; its Remove button takes it away. Every
 * control has an accessible name. On the demo green-factory assessment a
 * baseline or leading value that a table fills shows it as the empty
 * field's placeholder; a value typed over it is marked under the field
 * ("Typed value: it overrides …", with the table's value) and in the
 * field's accessible description, as a prefilled figure is; cleared, the
 * table's value is back and the mark goes. Screenshots 30-refvalues-dialog
 * and 30-refvalue-typed in build/tests/ui/screenshots/ (suffix -zh in the
 * Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <string.h>

#include "ga-format.h"
#include "ga-item-row.h"
#include "ga-refvalues-dialog.h"
#include "ga-refvalues.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

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

/* A shown label under @root whose text is @text. */
static GtkWidget *
shown_label (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = ga_ui_test_find (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label) ? label : NULL;
}

static void
test_override (GaUiFixture   *f,
               gconstpointer  data)
{
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree GaRefFill *under = NULL;
  g_autofree char *where = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *placeholder = NULL;
  g_autofree char *problem = NULL;
  GaSession *session;
  GaItem *slot = NULL;
  GtkWidget *row = NULL, *entry;
  GPtrArray *items;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 900);
  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "green-factory") == 0 && ga_workspace_get_session (workspace) == NULL)
        ga_window_open_assessment (f->window, a->id);
    }
  session = ga_workspace_get_session (workspace);
  g_assert_nonnull (session);

  /* The first value a table fills and nobody typed. */
  items = ga_template_get_items (ga_session_get_template (session));
  for (guint i = 0; i < items->len && slot == NULL; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      const GaRefFill *fill = ga_session_get_ref_fill (session, item, G_MAXUINT, G_MAXUINT);

      if (fill != NULL && fill->ref != NULL && ga_session_get_answer (session, item) == NULL)
        slot = item;
    }
  g_assert_nonnull (slot);
  under = ga_session_dup_ref_value (session, slot);
  g_assert_nonnull (under);
  where = ga_ref_fill_describe (under);
  {
    g_autofree char *value = ga_format_number (under->value, 6);

    placeholder = g_strdup_printf (_("%s (reference table)"), value);
    mark = g_strdup_printf (_("Typed value: it overrides the reference value %s (%s %s). Clear "
                              "the field to use it."),
                            value, under->ref->table->name, under->ref->table->version);
  }

  ga_workspace_set_search (workspace, slot->id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (workspace));
  ga_ui_test_spin (50);
  collect_rows (GTK_WIDGET (workspace), rows);
  for (guint i = 0; i < rows->len; i++)
    if (ga_item_row_get_item (rows->pdata[i]) == slot)
      row = rows->pdata[i];
  g_assert_nonnull (row);
  entry = ga_ui_get (row, GTK_TYPE_ENTRY, "answer-entry");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, placeholder);
  g_assert_null (shown_label (row, mark));

  /* Typed over: the row says what it replaces. The typed value is the
   * table's plus 7, so it differs whatever the table holds. */
  {
    g_autofree char *typed = ga_format_number (under->value + 7, 6);

    gtk_widget_grab_focus (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), typed);
    g_signal_emit_by_name (entry, "activate");
    ga_ui_test_spin (200);
    g_assert_nonnull (ga_session_get_answer (session, slot));
    g_assert_cmpfloat (ga_session_get_answer (session, slot)->value.u.number, ==,
                       g_ascii_strtod (typed, NULL));
  }
  g_assert_nonnull (shown_label (row, mark));
  /* Read out with the table's value in full (source, status). */
  {
    g_autofree char *description = g_strdup_printf ("%s %s", mark, where);

    problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (entry),
                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                  description);
    g_assert_null (problem);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, where);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_screenshot (row, "30-refvalue-typed");

  /* Cleared: the table's value again, no mark. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "activate");
  ga_ui_test_spin (200);
  g_assert_null (ga_session_get_answer (session, slot));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, placeholder);
  g_assert_null (shown_label (row, mark));
  ga_workspace_set_search (workspace, NULL);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/refvalues/dialog", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_dialog, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/refvalues/override", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_override, ga_ui_fixture_teardown);
  return g_test_run ();
}
