/* test-exchange.c: templates and packages through the real windows
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports a template with problems (every problem listed with its JSON
 * path, nothing stored), one that is not JSON and a valid one (listed in
 * the templates window and offered by New Assessment); writes an
 * assessment to a package and imports it again as a copy after the
 * store's refusal; cancels an export. A program of its own: GLib keeps
 * its quark table in blocks of 2048 and drops the old block when it
 * grows, which LeakSanitizer reports, and one process running every UI
 * flow goes past that.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-new-assessment-dialog.h"
#include "ga-package-job.h"
#include "ga-progress-toast.h"
#include "ga-store-engine.h"
#include "ga-template-import.h"
#include "ga-templates-dialog.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

typedef struct {
  gboolean    done;
  GaTemplate *tmpl;
  GPtrArray  *problems;
  GError     *error;
  gint64      id;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->tmpl, ga_template_unref);
  g_clear_pointer (&outcome->problems, g_ptr_array_unref);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
  outcome->id = 0;
}

static void
template_imported_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->tmpl = ga_template_import_finish (result, &outcome->problems, &outcome->error);
  outcome->done = TRUE;
}

static void
package_exported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Outcome *outcome = user_data;

  ga_workspace_export_package_finish (GA_WORKSPACE (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
workbook_exported_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Outcome *outcome = user_data;

  ga_workspace_export_finish (GA_WORKSPACE (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
package_imported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->id = ga_window_import_package_finish (GA_WINDOW (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
job_imported_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->id = ga_package_import_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static gint64
data_version (GaStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version;

  g_assert_cmpint (sqlite3_prepare_v2 (ga_store_get_handle (store), "PRAGMA data_version", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static GFile *
fixture_file (const char *name)
{
  const char *root = g_getenv ("GA_SOURCE_DIR");
  g_autofree char *path = NULL;

  g_assert_nonnull (root);
  path = g_build_filename (root, "tests", "fixtures", "cli", name, NULL);
  return g_file_new_for_path (path);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Files in @dir whose name starts with @prefix. */
static guint
count_files (const char *dir,
             const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* A template with problems is refused with every problem listed (with its
 * JSON path) and nothing stored; a valid one appears in the templates
 * dialog and in the New Assessment dialog with its version and standard. */
static void
test_templates (GaUiFixture   *f,
                gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GFile) invalid = fixture_file ("invalid.json");
  g_autoptr(GFile) not_json = fixture_file ("not-json.json");
  g_autoptr(GFile) valid = fixture_file ("cp.json");
  g_autoptr(GPtrArray) stored = NULL;
  Outcome outcome = { 0 };
  GtkWindow *dialog, *problems;
  GtkWidget *list, *row;
  AdwComboRow *template_row;
  GListModel *names;
  guint position = GTK_INVALID_LIST_POSITION;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.templates", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_TEMPLATES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (ga_templates_dialog_get_n_imported (GA_TEMPLATES_DIALOG (dialog)), ==, 0);
  ga_ui_assert_named (GTK_WIDGET (dialog));

  /* invalid.json has two problems (hand count: A2's formula names the
   * unknown item E9, A3 has the unknown kind "frobnicate"). */
  ga_templates_dialog_import (GA_TEMPLATES_DIALOG (dialog), invalid, template_imported_cb,
                              &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 10000));
  g_assert_null (outcome.tmpl);
  g_assert_error (outcome.error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (outcome.problems);
  g_assert_cmpuint (outcome.problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (outcome.problems->pdata[0], "sections[0].items[1].value: "));
  g_assert_true (g_str_has_prefix (outcome.problems->pdata[1], "sections[0].items[2].kind: "));
  problems = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (problems);
  list = ga_ui_get (GTK_WIDGET (problems), GTK_TYPE_LIST_BOX, "problem_list");
  g_assert_cmpuint (count_children (list), ==, 2);
  /* Each row says where, then what. */
  row = gtk_widget_get_first_child (list);
  g_assert_nonnull (ga_ui_test_find (row, GTK_TYPE_LABEL, "sections[0].items[1].value"));
  ga_ui_assert_named (GTK_WIDGET (problems));
  ga_ui_screenshot (GTK_WIDGET (problems), "20-template-problems");
  ga_ui_respond (problems, "close");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  stored = ga_store_list_templates (store, NULL);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  outcome_clear (&outcome);

  /* Not JSON at all: one problem, its position in words. */
  ga_templates_dialog_import (GA_TEMPLATES_DIALOG (dialog), not_json, template_imported_cb,
                              &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 10000));
  g_assert_error (outcome.error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON);
  problems = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (problems);
  list = ga_ui_get (GTK_WIDGET (problems), GTK_TYPE_LIST_BOX, "problem_list");
  g_assert_cmpuint (count_children (list), ==, 1);
  if (g_strcmp0 (ga_ui_suffix (), "") == 0)
    g_assert_nonnull (ga_ui_test_find (list, GTK_TYPE_LABEL, "line 2, column 15"));
  ga_ui_screenshot (GTK_WIDGET (problems), "21-template-not-json");
  ga_ui_respond (problems, "close");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  outcome_clear (&outcome);

  /* A valid template is kept and listed. */
  ga_templates_dialog_import (GA_TEMPLATES_DIALOG (dialog), valid, template_imported_cb, &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 10000));
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.tmpl);
  g_assert_cmpstr (ga_template_get_id (outcome.tmpl), ==, "cli-cp");
  g_assert_null (ga_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (ga_templates_dialog_get_n_imported (GA_TEMPLATES_DIALOG (dialog)), ==, 1);
  stored = ga_store_list_templates (store, NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((GaTemplateInfo *) stored->pdata[0])->version, ==, "0.1.0");
  ga_ui_assert_named (GTK_WIDGET (dialog));
  ga_ui_screenshot (GTK_WIDGET (dialog), "22-templates");
  outcome_clear (&outcome);

  /* The same file again changes nothing. */
  ga_window_import_template (f->window, valid, template_imported_cb, &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 10000));
  g_assert_no_error (outcome.error);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ga_store_list_template_versions (store, "cli-cp", NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  outcome_clear (&outcome);
  gtk_window_destroy (dialog);

  /* The New Assessment dialog offers it under its kind, with its version
   * and standard. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-assessment", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "kind_row")), 1);
  template_row
      = ADW_COMBO_ROW (ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "template_row"));
  names = adw_combo_row_get_model (template_row);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "(0.1.0)"))
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (template_row, position);
  {
    GtkWidget *info_row = NULL;

    /* The line under the template row describes the chosen template. */
    for (GtkWidget *w = GTK_WIDGET (template_row); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ACTION_ROW (w) && !ADW_IS_COMBO_ROW (w))
        info_row = w;
    g_assert_nonnull (info_row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (info_row)), "TEST-CP"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (info_row)), "0.1.0"));
  }
  ga_ui_screenshot (GTK_WIDGET (dialog), "23-new-assessment-imported");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  ga_ui_wait_until_gone (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_cmpstr (ga_template_get_id (ga_session_get_template (
                       ga_workspace_get_session (ga_window_get_workspace (f->window)))),
                   ==, "cli-cp");
}

/* An assessment written to a package and read back: the store refuses a
 * second copy until the user says "Import as Copy"; a cancelled export
 * leaves no file. */
static void
test_packages (GaUiFixture   *f,
               gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) before = ga_store_list_assessments (store, 0, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GaAssessment) original = NULL;
  g_autoptr(GaAssessment) copy = NULL;
  g_autofree char *path = g_build_filename (f->dir, "demo.gapkg", NULL);
  g_autofree char *workbook = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  Outcome outcome = { 0 };
  GtkWindow *dialog;
  AdwToast *progress;

  g_assert_cmpuint (before->len, >, 0);
  original = ga_assessment_copy (before->pdata[0]);
  ga_window_open_assessment (f->window, original->id);
  g_assert_nonnull (ga_workspace_get_session (workspace));

  /* The progress toast as the user sees it while a package is written (a
   * real export is over before a screenshot could catch it). */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    progress = ga_progress_toast_new (_("Exporting the package…"), cancellable);
    ga_window_add_toast (f->window, g_object_ref (progress));
    ga_ui_screenshot (GTK_WIDGET (f->window), "24-progress-toast");
    /* Its Cancel button cancels. */
    g_signal_emit_by_name (progress, "button-clicked");
    g_assert_true (g_cancellable_is_cancelled (cancellable));
    adw_toast_dismiss (progress);
    g_object_unref (progress);
  }

  /* Export. */
  ga_workspace_export_package_to (workspace, path, package_exported_cb, &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 30000));
  g_assert_no_error (outcome.error);
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 100);
    g_assert_cmpint (memcmp (contents, "SQLite format 3", 15), ==, 0);
  }
  g_assert_cmpuint (count_files (f->dir, ".ga-part-"), ==, 0);
  outcome_clear (&outcome);

  /* Import into the same database: already there, so the user is asked. */
  ga_window_import_package (f->window, file, package_imported_cb, &outcome);
  dialog = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (outcome.done);
  ga_ui_assert_named (GTK_WIDGET (dialog));
  ga_ui_screenshot (GTK_WIDGET (dialog), "25-package-exists");
  after = ga_store_list_assessments (store, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* "Import as Copy": a new assessment, opened, with "(copy)" in its title. */
  ga_ui_respond (dialog, "copy");
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 30000));
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.id, >, 0);
  g_assert_cmpint (outcome.id, !=, original->id);
  copy = ga_store_get_assessment (store, outcome.id, NULL);
  g_assert_nonnull (copy);
  g_assert_true (g_str_has_suffix (copy->title, "(copy)"));
  g_assert_cmpstr (copy->template_hash, ==, original->template_hash);
  g_assert_cmpint (copy->enterprise_id, ==, original->enterprise_id);
  g_assert_cmpstr (copy->uuid, !=, original->uuid);
  after = ga_store_list_assessments (store, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpstr (ga_window_get_page (f->window), ==, "assessment");
  g_assert_cmpint (ga_session_get_id (ga_workspace_get_session (workspace)), ==, outcome.id);
  ga_ui_screenshot (GTK_WIDGET (f->window), "26-package-imported");
  outcome_clear (&outcome);

  /* Cancel while the import runs: the caller hears at once that nothing
   * was imported, and the worker takes back what it added. The window's
   * connection holds the write lock meanwhile, so the worker is certainly
   * still importing when Cancel comes. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GPtrArray) now = NULL;
    sqlite3 *db = ga_store_get_handle (store);
    gint64 version;
    int i;

    g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    ga_package_import_async (store, path, GA_PACKAGE_IMPORT_AS_COPY, cancellable, job_imported_cb,
                             &outcome);
    ga_ui_test_spin (100);
    g_cancellable_cancel (cancellable);
    g_assert_true (ga_ui_test_wait_for (&outcome.done, 10000));
    g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    version = data_version (store);
    g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
    /* The worker commits the import (another connection's commit changes
     * data_version), then removes it again: one more assessment than
     * before the copy above, never two, once it is over. */
    for (i = 0; i < 500; i++)
      {
        g_clear_pointer (&now, g_ptr_array_unref);
        now = ga_store_list_assessments (store, 0, NULL);
        if (data_version (store) != version && now->len == before->len + 1)
          break;
        ga_ui_test_spin (20);
      }
    g_assert_cmpint (data_version (store), !=, version);
    g_assert_cmpuint (now->len, ==, before->len + 1);
    for (guint j = 0; j < now->len; j++)
      g_assert_cmpint (((GaAssessment *) now->pdata[j])->id, <=, copy->id);
    outcome_clear (&outcome);
  }

  /* A file that is not a package: refused with the reason, nothing added. */
  {
    g_autoptr(GFile) not_package = fixture_file ("cp.json");
    g_autoptr(GPtrArray) now = NULL;

    ga_window_import_package (f->window, not_package, package_imported_cb, &outcome);
    g_assert_true (ga_ui_test_wait_for (&outcome.done, 30000));
    g_assert_nonnull (outcome.error);
    g_assert_false (g_error_matches (outcome.error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS));
    dialog = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    ga_ui_assert_named (GTK_WIDGET (dialog));
    ga_ui_screenshot (GTK_WIDGET (dialog), "27-package-not-imported");
    ga_ui_respond (dialog, "close");
    ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
    now = ga_store_list_assessments (store, 0, NULL);
    g_assert_cmpuint (now->len, ==, before->len + 1);
    outcome_clear (&outcome);
  }

  /* Cancel pressed at once: the caller hears so, and no file appears (the
   * worker finishes and removes its temporary file). */
  ga_workspace_export_to (workspace, workbook, workbook_exported_cb, &outcome);
  progress = ga_workspace_get_progress_toast (workspace);
  g_assert_nonnull (progress);
  g_assert_nonnull (ga_progress_toast_get_bar (progress));
  g_signal_emit_by_name (progress, "button-clicked");
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 30000));
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  for (int i = 0; i < 300 && count_files (f->dir, ".ga-") > 0; i++)
    ga_ui_test_spin (20);
  g_assert_cmpuint (count_files (f->dir, ".ga-"), ==, 0);
  g_assert_false (g_file_test (workbook, G_FILE_TEST_EXISTS));
  outcome_clear (&outcome);

  /* The database itself is never a target. */
  ga_workspace_export_package_to (workspace, f->db, package_exported_cb, &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 30000));
  g_assert_error (outcome.error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  {
    g_autoptr(GaAssessment) still = ga_store_get_assessment (store, original->id, NULL);

    g_assert_nonnull (still);
  }
  outcome_clear (&outcome);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/exchange/templates", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_templates, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/exchange/packages", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_packages, ga_ui_fixture_teardown);

  return g_test_run ();
}
