/* test-app.c: the main flow through the real windows
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the application on a fresh database and goes through what a user
 * does: the empty state, a new enterprise with a mistyped and then a valid
 * credit code, a green-factory assessment, answers (one wrong number
 * first), undo and redo, the history, the export, and an energy audit with
 * a carrier row; templates imported (one with problems, one valid) and
 * an assessment exported and imported again as a package. Screenshots of
 * each step land in build/tests/ui/screenshots/ (suffix -zh in the Chinese
 * run).
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-batch-export.h"
#include "ga-enterprise-dialog.h"
#include "ga-item-row.h"
#include "ga-new-assessment-dialog.h"
#include "ga-progress-toast.h"
#include "ga-score-summary.h"
#include "ga-store-engine.h"
#include "ga-table-editor.h"
#include "ga-template-import.h"
#include "ga-templates-dialog.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

typedef struct {
  char          *dir;
  char          *db;
  GaApplication *app;
  GaWindow      *window;
} Fixture;

static const char *
suffix (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "zh") ? "-zh" : "";
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *full = g_strconcat (name, suffix (), NULL);
  g_autofree char *path = NULL;

  ga_ui_test_spin (150);
  gtk_test_widget_wait_for_draw (widget);
  texture = ga_ui_test_render (widget);
  path = ga_ui_test_save (texture, full);
  /* A real screen, not an empty window: many colours. */
  g_assert_cmpuint (ga_ui_test_count_colors (texture), >, 30);
  g_test_message ("screenshot %s", path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ga-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->app = ga_application_new ();
  /* No session bus in the tests: do not try to be the unique instance. */
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  ga_application_set_database (f->app, f->db, GPOINTER_TO_INT (data));
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = GA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_nonnull (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 860);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));

  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_destroy (windows->data);
      windows = next;
    }
  ga_ui_test_spin (50);
  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static GtkWindow *
find_toplevel (GType type)
{
  /* Transfer none: the list belongs to GTK. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  for (int i = 0; i < 100; i++)
    {
      GtkWindow *window = find_toplevel (type);

      if (window != NULL)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          return window;
        }
      ga_ui_test_spin (20);
    }
  return NULL;
}

static void
wait_until_gone (GType type)
{
  for (int i = 0; i < 100 && find_toplevel (type) != NULL; i++)
    ga_ui_test_spin (20);
  g_assert_null (find_toplevel (type));
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *name)
{
  GtkWidget *widget = ga_ui_test_find (root, type, name);

  if (widget == NULL)
    g_error ("no %s named %s", g_type_name (type), name ? name : "(any)");
  return widget;
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

/* The row of the first item of @kind (scored, for compliance checks),
 * brought on screen by searching for its id. */
static GaItemRow *
find_row (GaWorkspace *workspace,
          GaItemKind   kind)
{
  GaSession *session = ga_workspace_get_session (workspace);
  GPtrArray *items = ga_template_get_items (ga_session_get_template (session));
  GaItem *wanted = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint i = 0; i < items->len && wanted == NULL; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind
          && (kind != GA_ITEM_COMPLIANCE || (isfinite (item->points) && item->points > 0)))
        wanted = item;
    }
  if (wanted == NULL)
    return NULL;
  ga_workspace_set_search (workspace, wanted->id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (workspace));
  ga_ui_test_spin (50);
  collect_rows (GTK_WIDGET (workspace), rows);
  for (guint i = 0; i < rows->len; i++)
    if (ga_item_row_get_item (rows->pdata[i]) == wanted)
      return rows->pdata[i];
  return NULL;
}

static char *
valid_code (const char *first17)
{
  char code[GA_CREDIT_CODE_LENGTH + 1];

  memcpy (code, first17, 17);
  code[17] = ga_credit_code_check_char (first17);
  code[18] = '\0';
  g_assert_cmpint (code[17], !=, '\0');
  return g_strdup (code);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_workspace_export_finish (GA_WORKSPACE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_main_flow (Fixture       *f,
                gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  GtkWindow *dialog;
  GtkWidget *save, *credit, *message;
  GaWorkspace *workspace;
  GaSession *session;
  GaItemRow *row;
  GaItem *item;
  GtkWidget *button, *entry;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;
  g_autofree char *before = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(GPtrArray) enterprises = NULL;
  gboolean done = FALSE;

  g_assert_nonnull (store);

  /* 1. Empty state, in the language asked for: the Chinese run must show
   * the translation (the catalogue is found in the build tree). */
  g_assert_cmpstr (ga_window_get_page (f->window), ==, "empty");
  if (g_strcmp0 (suffix (), "-zh") == 0)
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "绿评");
  else
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "GreenAssess");
  screenshot (GTK_WIDGET (f->window), "01-empty");

  /* 2. A new enterprise: a wrong check character keeps Save off and says
   * why; the right one turns it on and fills the region in. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-enterprise", NULL);
  dialog = wait_for_toplevel (GA_TYPE_ENTERPRISE_DIALOG);
  g_assert_nonnull (dialog);
  save = find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "save_button");
  credit = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "credit_code_row");
  message = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "credit_code_message");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name_row")),
                         "闽江绿色化工有限公司");
  right = valid_code ("91350100M000100Y4");
  wrong = g_strdup (right);
  wrong[17] = right[17] == '0' ? '1' : '0';
  gtk_editable_set_text (GTK_EDITABLE (credit), wrong);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (message)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), !=, "");
  screenshot (GTK_WIDGET (dialog), "02-enterprise-invalid-code");
  gtk_editable_set_text (GTK_EDITABLE (credit), right);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (message)));
  /* 350100 is in 福建省 (350000). */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (
                        find (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, "region_dropdown"))),
                    >, 0);
  /* A number field with letters is refused inline as well. */
  gtk_editable_set_text (
      GTK_EDITABLE (find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "employees_row")), "12.5");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (
      GTK_EDITABLE (find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "employees_row")), "320");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  wait_until_gone (GA_TYPE_ENTERPRISE_DIALOG);

  enterprises = ga_store_list_enterprises (store, NULL);
  g_assert_cmpuint (enterprises->len, ==, 1);
  g_assert_cmpstr (((GaEnterpriseSummary *)enterprises->pdata[0])->enterprise->credit_code, ==,
                   right);
  g_assert_cmpstr (((GaEnterpriseSummary *)enterprises->pdata[0])->enterprise->region, ==,
                   "350000");
  g_assert_cmpstr (ga_window_get_page (f->window), ==, "enterprise");
  screenshot (GTK_WIDGET (f->window), "03-enterprise");

  /* 3. A green-factory assessment (the first kind offered), with the
   * 2018 edition (the second template: the newest is offered first). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-assessment", NULL);
  dialog = wait_for_toplevel (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (
      gtk_widget_get_sensitive (find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "create_button")));
  screenshot (GTK_WIDGET (dialog), "04-new-assessment");
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "template_row")), 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  wait_until_gone (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_cmpstr (ga_window_get_page (f->window), ==, "assessment");

  workspace = ga_window_get_workspace (f->window);
  session = ga_workspace_get_session (workspace);
  g_assert_nonnull (session);
  g_assert_cmpstr (ga_template_get_id (ga_session_get_template (session)), ==, "gbt36132-2018");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* 4. Answer a compliance item: the summary changes at once. */
  before = g_strdup (
      ga_score_summary_get_headline (GA_SCORE_SUMMARY (ga_workspace_get_summary (workspace))));
  row = find_row (workspace, GA_ITEM_COMPLIANCE);
  g_assert_nonnull (row);
  item = ga_item_row_get_item (row);
  button = find (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON, "choice-yes");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_nonnull (ga_session_get_answer (session, item));
  g_assert_cmpstr (ga_session_get_answer (session, item)->value.u.text, ==, GA_COMPLIANCE_YES);
  g_assert_cmpstr (
      ga_score_summary_get_headline (GA_SCORE_SUMMARY (ga_workspace_get_summary (workspace))), !=,
      before);
  /* Durable: the store has it. */
  {
    g_autofree char *json
        = ga_store_get_answer (store, ga_session_get_id (session), item->id, NULL);

    g_assert_cmpstr (json, ==, "\"yes\"");
  }

  /* A non-compliant answer to another one shows up under the filter. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GPtrArray *items = ga_template_get_items (ga_session_get_template (session));
    GaItem *second = NULL;
    GaItemRow *other = NULL;

    for (guint i = 0; i < items->len && second == NULL; i++)
      if (items->pdata[i] != item && ((GaItem *) items->pdata[i])->kind == GA_ITEM_COMPLIANCE)
        second = items->pdata[i];
    if (second == NULL)
      g_error ("the template has only one compliance item");
    ga_workspace_set_search (workspace, second->id);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (workspace));
    ga_ui_test_spin (50);
    collect_rows (GTK_WIDGET (workspace), rows);
    for (guint i = 0; i < rows->len; i++)
      if (ga_item_row_get_item (rows->pdata[i]) == second)
        other = rows->pdata[i];
    g_assert_nonnull (other);
    gtk_toggle_button_set_active (
        GTK_TOGGLE_BUTTON (find (GTK_WIDGET (other), GTK_TYPE_TOGGLE_BUTTON, "choice-no")), TRUE);
    ga_workspace_set_search (workspace, NULL);
    ga_workspace_set_filter (workspace, GA_ITEM_FILTER_NONCOMPLIANT);
    g_assert_cmpuint (g_list_model_get_n_items (ga_workspace_get_items (workspace)), >=, 1);
    ga_workspace_set_filter (workspace, GA_ITEM_FILTER_ALL);
  }

  /* 5. Undo brings the item back to no answer... redo restores it. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.undo", NULL);
  g_assert_null (ga_session_get_answer (session, item));
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.redo", NULL);
  g_assert_nonnull (ga_session_get_answer (session, item));

  ga_workspace_set_search (workspace, NULL);
  screenshot (GTK_WIDGET (f->window), "05-workspace");

  /* 7. History. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.show-history", NULL);
  screenshot (GTK_WIDGET (f->window), "06-history");
  {
    g_autoptr(GPtrArray) history = ga_store_list_history (store, ga_session_get_id (session), NULL);

    g_assert_cmpuint (history->len, >=, 4);
  }

  /* 8. Export. */
  export_path = g_build_filename (f->dir, "export.xlsx", NULL);
  ga_workspace_export_to (workspace, export_path, export_done_cb, &done);
  g_assert_true (ga_ui_test_wait_for (&done, 30000));
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (export_path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (contents[0] == 'P' && contents[1] == 'K');
  }

  /* 9. An energy audit with one carrier row: 100 000 kWh of electricity at
   * the 当量值 0.1229 kgce/kWh is 100000 × 0.1229 / 1000 = 12.29 tce. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-assessment", NULL);
  dialog = wait_for_toplevel (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "kind_row")), 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  wait_until_gone (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  session = ga_workspace_get_session (workspace);
  g_assert_cmpint (ga_template_get_kind (ga_session_get_template (session)), ==,
                   GA_TEMPLATE_KIND_ENERGY_AUDIT);
  {
    GtkWidget *energy = ga_ui_test_find (GTK_WIDGET (workspace), GA_TYPE_TABLE_EDITOR, NULL);
    g_autoptr(GError) error = NULL;
    const GaResult *total;

    g_assert_nonnull (energy);
    g_assert_true (
        ga_table_editor_set_cell (GA_TABLE_EDITOR (energy), 0, "carrier", "electricity", &error));
    g_assert_no_error (error);
    g_assert_true (ga_table_editor_set_cell (GA_TABLE_EDITOR (energy), 0, "qty", "100000", &error));
    g_assert_no_error (error);
    g_assert_false (ga_table_editor_set_cell (GA_TABLE_EDITOR (energy), 0, "qty", "-5", &error));
    g_assert_nonnull (error);
    total = ga_engine_lookup (ga_session_get_engine (session), "E_total");
    g_assert_nonnull (total);
    g_assert_cmpint (total->value.kind, ==, GA_VALUE_NUMBER);
    g_assert_cmpfloat_with_epsilon (total->value.u.number, 12.29, 1e-9);
  }
  /* 10. A number: letters are refused inline, a number is saved. */
  row = find_row (workspace, GA_ITEM_NUMBER);
  g_assert_nonnull (row);
  item = ga_item_row_get_item (row);
  entry = find (GTK_WIDGET (row), GTK_TYPE_ENTRY, "answer-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (ga_session_get_answer (session, item));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "invalid"));
  screenshot (GTK_WIDGET (f->window), "08-invalid-number");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2025");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (ga_session_get_answer (session, item));
  g_assert_cmpint (ga_session_get_answer (session, item)->value.kind, ==, GA_VALUE_NUMBER);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "invalid"));
  ga_workspace_set_search (workspace, NULL);

  {
    GtkWidget *stack = ga_ui_test_find (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
  }
  screenshot (GTK_WIDGET (f->window), "07-energy");
}

/* The demo data opens on its enterprise; every assessment opens. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);

  g_assert_cmpstr (ga_window_get_page (f->window), ==, "enterprise");
  g_assert_cmpuint (assessments->len, >=, 3);
  screenshot (GTK_WIDGET (f->window), "10-demo-enterprise");

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);
      g_autofree char *name = g_strdup_printf ("11-demo-%s", a->kind);

      ga_window_open_assessment (f->window, a->id);
      g_assert_cmpstr (ga_window_get_page (f->window), ==, "assessment");
      g_assert_nonnull (ga_workspace_get_session (workspace));
      screenshot (GTK_WIDGET (f->window), name);
      if (g_strcmp0 (a->kind, "energy-audit") == 0)
        {
          GtkWidget *stack = ga_ui_test_find (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);

          adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
          screenshot (GTK_WIDGET (f->window), "12-demo-energy-page");
          adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "items");
        }
      if (g_strcmp0 (a->kind, "green-factory") == 0)
        {
          AdwStyleManager *manager = adw_style_manager_get_default ();
          GaItemRow *table_row = find_row (workspace, GA_ITEM_TABLE);

          /* A table item opens its own editor window. */
          if (table_row != NULL)
            {
              GtkWindow *table;

              g_signal_emit_by_name (find (GTK_WIDGET (table_row), GTK_TYPE_BUTTON, "edit-table"),
                                     "clicked");
              table = wait_for_toplevel (ADW_TYPE_WINDOW);
              g_assert_nonnull (table);
              g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (table), GA_TYPE_TABLE_EDITOR, NULL));
              {
                GaTableEditor *editor = GA_TABLE_EDITOR (
                    ga_ui_test_find (GTK_WIDGET (table), GA_TYPE_TABLE_EDITOR, NULL));
                guint rows = ga_table_editor_get_n_rows (editor);
                g_autoptr(GError) error = NULL;

                g_assert_true (ga_table_editor_add_row (editor, &error));
                g_assert_no_error (error);
                g_assert_cmpuint (ga_table_editor_get_n_rows (editor), ==, rows + 1);
              }
              screenshot (GTK_WIDGET (table), "15-table-editor");
              gtk_window_destroy (table);
            }
          ga_workspace_set_search (workspace, NULL);

          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
          screenshot (GTK_WIDGET (f->window), "14-demo-dark");
          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
        }
    }
}

/* Every control of the workspace can be named by a screen reader. */
static void
check_names (GtkWidget *widget,
             GPtrArray *unnamed)
{
  gboolean control = GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget)
                     || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget)
                     || GTK_IS_SEARCH_ENTRY (widget);

  if (!gtk_widget_get_visible (widget))
    return;
  /* Rows of libadwaita name their inner controls by their title. */
  if (control && gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) == NULL
      && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL
      && !(GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON) != NULL)
      && !(GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL)
      && !(GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) != NULL)
      && !(GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL
           && gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL))
    {
      gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL)
                       || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                            GTK_ACCESSIBLE_RELATION_LABELLED_BY);

      if (!named && GTK_IS_BUTTON (widget))
        {
          const char *label = gtk_button_get_label (GTK_BUTTON (widget));
          GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

          named = (label != NULL && label[0] != '\0'
                   && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
                  || (child != NULL && ADW_IS_BUTTON_CONTENT (child))
                  || (child != NULL && GTK_IS_LABEL (child));
        }
      if (!named && GTK_IS_MENU_BUTTON (widget))
        named = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL;
      if (!named)
        g_ptr_array_add (unnamed, g_strdup_printf ("%s %s", G_OBJECT_TYPE_NAME (widget),
                                                   gtk_widget_get_name (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, unnamed);
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (assessments->len, >, 0);
  check_names (GTK_WIDGET (f->window), unnamed);
  for (guint i = 0; i < assessments->len; i++)
    {
      ga_window_open_assessment (f->window, ((GaAssessment *) assessments->pdata[i])->id);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      check_names (GTK_WIDGET (f->window), unnamed);
    }
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("unnamed: %s", (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *written = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_error = NULL;
  guint failures = 99;

  *written = ga_batch_export_finish (result, &failures, &first_error, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (failures, ==, 0);
  g_assert_null (first_error);
  if (*written == 0)
    *written = G_MAXUINT;
}

/* Evidence attached to a row is counted on the row and kept in the store;
 * the history lists the changes; the preferences, the shortcuts and the
 * about window open; a batch export writes one workbook per assessment. */
static void
test_evidence_history_batch (Fixture       *f,
                             gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  g_autofree char *file_path = g_build_filename (f->dir, "检测报告.txt", NULL);
  g_autofree char *out = g_build_filename (f->dir, "batch", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (out);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GFile) evidence = NULL;
  GSList *files = NULL;
  GaItemRow *row;
  GaSession *session;
  GaItem *item;
  GtkWindow *window;
  guint written = 0;

  /* Evidence. */
  ga_window_open_assessment (f->window, ((GaAssessment *) assessments->pdata[0])->id);
  session = ga_workspace_get_session (workspace);
  row = find_row (workspace, GA_ITEM_COMPLIANCE);
  if (row == NULL)
    row = find_row (workspace, GA_ITEM_NUMBER);
  g_assert_nonnull (row);
  item = ga_item_row_get_item (row);
  g_assert_true (g_file_set_contents (file_path, "第三方检测报告 2025", -1, NULL));
  evidence = g_file_new_for_path (file_path);
  files = g_slist_append (files, evidence);
  g_assert_cmpuint (ga_session_get_evidence_count (session, item), ==, 0);
  ga_item_row_add_evidence (row, files);
  g_slist_free (files);
  g_assert_cmpuint (ga_session_get_evidence_count (session, item), ==, 1);
  {
    g_autoptr (GPtrArray) stored
        = ga_store_list_evidence (store, ga_session_get_id (session), item->id, NULL);

    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_cmpstr (((GaEvidence *) stored->pdata[0])->name, ==, "检测报告.txt");
  }
  /* The "no evidence" filter no longer lists the item. */
  ga_workspace_set_search (workspace, item->id);
  ga_workspace_set_filter (workspace, GA_ITEM_FILTER_NO_EVIDENCE);
  g_assert_cmpuint (g_list_model_get_n_items (ga_workspace_get_items (workspace)), ==, 0);
  ga_workspace_set_filter (workspace, GA_ITEM_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (ga_workspace_get_items (workspace)), >=, 1);
  ga_workspace_set_search (workspace, NULL);

  /* Preferences: the author name goes to the store's history. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.preferences", NULL);
  window = wait_for_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, NULL)),
                         "张工");
  g_assert_cmpstr (ga_store_get_author (store), ==, "张工");
  screenshot (GTK_WIDGET (window), "13-preferences");
  gtk_window_close (window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  window = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (window);
  gtk_window_close (window);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.about", NULL);
  window = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (window);
  gtk_window_close (window);

  /* Batch export of every assessment. */
  for (guint i = 0; i < assessments->len; i++)
    g_array_append_val (ids, ((GaAssessment *) assessments->pdata[i])->id);
  g_assert_cmpint (g_mkdir_with_parents (out, 0755), ==, 0);
  ga_batch_export_to_folder (store, ids, folder, NULL, batch_done_cb, &written);
  while (written == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (written, ==, assessments->len);
  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, assessments->len);
  }
}

/* ------------------------------------------------------------------ */
/* Templates and packages                                               */

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

static void check_names (GtkWidget *widget,
                         GPtrArray *unnamed);

static void
assert_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  check_names (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("unnamed: %s", (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* Clicks the button of @response, as a user does: the dialog responds and
 * closes (adw_message_dialog_response() alone leaves it open). */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  const char *label
      = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response);

  g_signal_emit_by_name (find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label), "clicked");
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
test_templates (Fixture       *f,
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
  dialog = wait_for_toplevel (GA_TYPE_TEMPLATES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (ga_templates_dialog_get_n_imported (GA_TEMPLATES_DIALOG (dialog)), ==, 0);
  assert_named (GTK_WIDGET (dialog));

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
  problems = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (problems);
  list = find (GTK_WIDGET (problems), GTK_TYPE_LIST_BOX, "problem_list");
  g_assert_cmpuint (count_children (list), ==, 2);
  /* Each row says where, then what. */
  row = gtk_widget_get_first_child (list);
  g_assert_nonnull (ga_ui_test_find (row, GTK_TYPE_LABEL, "sections[0].items[1].value"));
  assert_named (GTK_WIDGET (problems));
  screenshot (GTK_WIDGET (problems), "20-template-problems");
  respond (problems, "close");
  wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  stored = ga_store_list_templates (store, NULL);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  outcome_clear (&outcome);

  /* Not JSON at all: one problem, its position in words. */
  ga_templates_dialog_import (GA_TEMPLATES_DIALOG (dialog), not_json, template_imported_cb,
                              &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 10000));
  g_assert_error (outcome.error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON);
  problems = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (problems);
  list = find (GTK_WIDGET (problems), GTK_TYPE_LIST_BOX, "problem_list");
  g_assert_cmpuint (count_children (list), ==, 1);
  if (g_strcmp0 (suffix (), "") == 0)
    g_assert_nonnull (ga_ui_test_find (list, GTK_TYPE_LABEL, "line 2, column 15"));
  screenshot (GTK_WIDGET (problems), "21-template-not-json");
  respond (problems, "close");
  wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  outcome_clear (&outcome);

  /* A valid template is kept and listed. */
  ga_templates_dialog_import (GA_TEMPLATES_DIALOG (dialog), valid, template_imported_cb, &outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome.done, 10000));
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.tmpl);
  g_assert_cmpstr (ga_template_get_id (outcome.tmpl), ==, "cli-cp");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (ga_templates_dialog_get_n_imported (GA_TEMPLATES_DIALOG (dialog)), ==, 1);
  stored = ga_store_list_templates (store, NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((GaTemplateInfo *) stored->pdata[0])->version, ==, "0.1.0");
  assert_named (GTK_WIDGET (dialog));
  screenshot (GTK_WIDGET (dialog), "22-templates");
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
  dialog = wait_for_toplevel (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "kind_row")), 1);
  template_row = ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "template_row"));
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
  screenshot (GTK_WIDGET (dialog), "23-new-assessment-imported");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  wait_until_gone (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_cmpstr (ga_template_get_id (ga_session_get_template (
                       ga_workspace_get_session (ga_window_get_workspace (f->window)))),
                   ==, "cli-cp");
}

/* An assessment written to a package and read back: the store refuses a
 * second copy until the user says "Import as Copy"; a cancelled export
 * leaves no file. */
static void
test_packages (Fixture       *f,
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
    screenshot (GTK_WIDGET (f->window), "24-progress-toast");
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
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (outcome.done);
  assert_named (GTK_WIDGET (dialog));
  screenshot (GTK_WIDGET (dialog), "25-package-exists");
  after = ga_store_list_assessments (store, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* "Import as Copy": a new assessment, opened, with "(copy)" in its title. */
  respond (dialog, "copy");
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
  screenshot (GTK_WIDGET (f->window), "26-package-imported");
  outcome_clear (&outcome);

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

  g_test_add ("/ga/ui/app/main-flow", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_main_flow, fixture_teardown);
  g_test_add ("/ga/ui/app/demo", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_demo, fixture_teardown);
  g_test_add ("/ga/ui/app/evidence-history-batch", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_evidence_history_batch, fixture_teardown);
  g_test_add ("/ga/ui/app/templates", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_templates, fixture_teardown);
  g_test_add ("/ga/ui/app/packages", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_packages, fixture_teardown);
  g_test_add ("/ga/ui/app/accessible-names", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_accessible_names, fixture_teardown);

  return g_test_run ();
}
