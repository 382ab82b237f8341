/* test-app.c: the main flow through the real windows
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the application on a fresh database and goes through what a user
 * does: the empty state, a new enterprise with a mistyped and then a valid
 * credit code, a green-factory assessment, answers (one wrong number
 * first), undo and redo, the history, the export, and an energy audit with
 * a carrier row. Screenshots of each step land in
 * build/tests/ui/screenshots/ (suffix -zh in the Chinese run).
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
#include "ga-narrative.h"
#include "ga-narrative-page.h"
#include "ga-new-assessment-dialog.h"
#include "ga-score-summary.h"
#include "ga-store-engine.h"
#include "ga-table-editor.h"
#include "ga-check-dialog.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"


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

/* How often @name occurs in the @length bytes of @data. */
static guint
count_parts (const char *data,
             gsize       length,
             const char *name)
{
  gsize n = strlen (name);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, name, n) == 0)
      count++;
  return count;
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
report_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_workspace_export_report_finish (GA_WORKSPACE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* A 等价值 coefficient typed in the wrong unit is accepted; the check
 * names it with its plausible range, and choosing the finding leads from
 * the energy page to the item. */
static void
check_range_finding (GaWorkspace *workspace,
                     GaSession   *session)
{
  GaTemplate *tmpl = ga_session_get_template (session);
  const char *answers[][2] = { { "elec_basis", "primary" }, { "elec_equal", "0.03" } };
  GtkWidget *stack = ga_ui_test_find (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);
  GtkWindow *check;
  GtkListBox *list;
  GtkListBoxRow *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;
      GaItem *it = ga_template_find_item (tmpl, answers[i][0]);
      g_autoptr(GaAnswer) answer = ga_answer_parse_text (answers[i][1], it, &error);

      g_assert_no_error (error);
      g_assert_true (ga_session_set_answer (session, it, answer, &error));
      g_assert_no_error (error);
    }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.check", NULL);
  check = ga_ui_wait_for_toplevel (GA_TYPE_CHECK_DIALOG);
  list = GTK_LIST_BOX (ga_ui_get (GTK_WIDGET (check), GTK_TYPE_LIST_BOX, NULL));
  for (int i = 0; found == NULL && gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *r = gtk_list_box_get_row_at_index (list, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r));

      if (strstr (title, "0.03 kgce/kWh") != NULL && strstr (title, "0.1229 kgce/kWh") != NULL)
        found = r;
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (found)), ==,
                   _("Outside the plausible range"));
  g_assert_true (gtk_list_box_row_get_activatable (found));
  ga_ui_screenshot (GTK_WIDGET (check), "08b-check-range");
  g_signal_emit_by_name (list, "row-activated", found);
  ga_ui_wait_until_gone (GA_TYPE_CHECK_DIALOG);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "items");
}

static void
test_main_flow (GaUiFixture   *f,
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
  if (g_strcmp0 (ga_ui_suffix (), "-zh") == 0)
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "绿评");
  else
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "GreenAssess");
  ga_ui_screenshot (GTK_WIDGET (f->window), "01-empty");

  /* 2. A new enterprise: a wrong check character keeps Save off and says
   * why; the right one turns it on and fills the region in. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-enterprise", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_ENTERPRISE_DIALOG);
  g_assert_nonnull (dialog);
  save = ga_ui_get (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "save_button");
  credit = ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "credit_code_row");
  message = ga_ui_get (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "credit_code_message");
  gtk_editable_set_text (
      GTK_EDITABLE (ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name_row")),
      "闽江绿色化工有限公司");
  right = valid_code ("91350100M000100Y4");
  wrong = g_strdup (right);
  wrong[17] = right[17] == '0' ? '1' : '0';
  gtk_editable_set_text (GTK_EDITABLE (credit), wrong);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (message)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), !=, "");
  ga_ui_screenshot (GTK_WIDGET (dialog), "02-enterprise-invalid-code");
  gtk_editable_set_text (GTK_EDITABLE (credit), right);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (message)));
  /* 350100 is in 福建省 (350000). */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (
                        ga_ui_get (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, "region_dropdown"))),
                    >, 0);
  /* A number field with letters is refused inline as well. */
  gtk_editable_set_text (
      GTK_EDITABLE (ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "employees_row")), "12.5");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (
      GTK_EDITABLE (ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "employees_row")), "320");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  ga_ui_wait_until_gone (GA_TYPE_ENTERPRISE_DIALOG);

  enterprises = ga_store_list_enterprises (store, NULL);
  g_assert_cmpuint (enterprises->len, ==, 1);
  g_assert_cmpstr (((GaEnterpriseSummary *)enterprises->pdata[0])->enterprise->credit_code, ==,
                   right);
  g_assert_cmpstr (((GaEnterpriseSummary *)enterprises->pdata[0])->enterprise->region, ==,
                   "350000");
  g_assert_cmpstr (ga_window_get_page (f->window), ==, "enterprise");
  ga_ui_screenshot (GTK_WIDGET (f->window), "03-enterprise");

  /* 3. A green-factory assessment (the first kind offered), with the
   * 2018 edition (the second template: the newest is offered first). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-assessment", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (
      gtk_widget_get_sensitive (ga_ui_get (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "create_button")));
  ga_ui_screenshot (GTK_WIDGET (dialog), "04-new-assessment");
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "template_row")), 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  ga_ui_wait_until_gone (GA_TYPE_NEW_ASSESSMENT_DIALOG);
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
  button = ga_ui_get (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON, "choice-yes");
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
        GTK_TOGGLE_BUTTON (ga_ui_get (GTK_WIDGET (other), GTK_TYPE_TOGGLE_BUTTON, "choice-no")),
        TRUE);
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
  ga_ui_screenshot (GTK_WIDGET (f->window), "05-workspace");

  /* 6. The pre-submission check lists what is missing; choosing a
   * finding leads to its item. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.check", NULL);
  {
    GtkWindow *check = ga_ui_wait_for_toplevel (GA_TYPE_CHECK_DIALOG);
    GtkListBox *list = GTK_LIST_BOX (ga_ui_get (GTK_WIDGET (check), GTK_TYPE_LIST_BOX, NULL));
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

    g_assert_cmpuint (ga_check_dialog_get_n_findings (GA_CHECK_DIALOG (check)), >, 0);
    g_assert_nonnull (first);
    ga_ui_screenshot (GTK_WIDGET (check), "05b-check");
    g_signal_emit_by_name (list, "row-activated", first);
    ga_ui_wait_until_gone (GA_TYPE_CHECK_DIALOG);
  }

  /* 7. History. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.show-history", NULL);
  ga_ui_screenshot (GTK_WIDGET (f->window), "06-history");
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

  /* 8a. With the local summary tables: three more sheets (their part
   * names stand uncompressed in the zip, twice each). */
  {
    g_autofree char *local_path = g_build_filename (f->dir, "export-local.xlsx", NULL);
    g_autofree char *plain = NULL;
    g_autofree char *local = NULL;
    gsize plain_length = 0, local_length = 0;

    done = FALSE;
    ga_workspace_export_full (workspace, local_path, TRUE, export_done_cb, &done);
    g_assert_true (ga_ui_test_wait_for (&done, 30000));
    g_assert_true (g_file_get_contents (export_path, &plain, &plain_length, NULL));
    g_assert_true (g_file_get_contents (local_path, &local, &local_length, NULL));
    g_assert_cmpuint (count_parts (local, local_length, "xl/worksheets/sheet"), ==,
                      count_parts (plain, plain_length, "xl/worksheets/sheet") + 6);
  }

  /* 8b. The self-evaluation report, as PDF and as DOCX. */
  {
    const char *names[] = { "report.pdf", "report.docx" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
        g_autofree char *contents = NULL;
        gsize length = 0;
        gboolean written = FALSE;

        ga_workspace_export_report_to (workspace, path, report_done_cb, &written);
        g_assert_true (ga_ui_test_wait_for (&written, 60000));
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        if (i == 0)
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
        else
          g_assert_true (contents[0] == 'P' && contents[1] == 'K');
      }
  }

  /* 9. An energy audit with one carrier row: 100 000 kWh of electricity at
   * the 当量值 0.1229 kgce/kWh is 100000 × 0.1229 / 1000 = 12.29 tce. The
   * row starts in 万kWh, the unit of the statistical returns; the unit
   * chosen then is kWh. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-assessment", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_NEW_ASSESSMENT_DIALOG);
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "kind_row")), 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  ga_ui_wait_until_gone (GA_TYPE_NEW_ASSESSMENT_DIALOG);
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
    /* 100 000 万kWh = 10⁹ kWh: 122 900 tce. */
    total = ga_engine_lookup (ga_session_get_engine (session), "E_total");
    g_assert_cmpfloat_with_epsilon (total->value.u.number, 122900, 1e-6);
    g_assert_true (ga_table_editor_set_cell (GA_TABLE_EDITOR (energy), 0, "unit", "kWh", &error));
    g_assert_no_error (error);
    g_assert_false (ga_table_editor_set_cell (GA_TABLE_EDITOR (energy), 0, "qty", "-5", &error));
    g_assert_nonnull (error);
    /* The model's message for the cell, naming the item, row and column. */
    {
      GPtrArray *items = ga_template_get_items (ga_session_get_template (session));
      g_autoptr(GError) model_error = NULL;
      GaValue cell = GA_VALUE_INIT;
      gboolean checked = FALSE;

      for (guint i = 0; i < items->len && !checked; i++)
        {
          GaItem *table = g_ptr_array_index (items, i);

          for (guint c = 0; table->kind == GA_ITEM_TABLE && c < table->columns->len; c++)
            {
              GaColumn *column = table->columns->pdata[c];

              if (checked || g_strcmp0 (column->id, "qty") != 0)
                continue;
              g_assert_false (ga_answer_parse_cell_text ("-5", table, 0, column, &cell,
                                                         &model_error));
              g_assert_cmpstr (error->message, ==, model_error->message);
              checked = TRUE;
            }
        }
      g_assert_true (checked);
      ga_value_clear (&cell);
    }
    total = ga_engine_lookup (ga_session_get_engine (session), "E_total");
    g_assert_nonnull (total);
    g_assert_cmpint (total->value.kind, ==, GA_VALUE_NUMBER);
    g_assert_cmpfloat_with_epsilon (total->value.u.number, 12.29, 1e-9);
  }
  /* 10. A number: letters are refused inline, a number is saved. */
  row = find_row (workspace, GA_ITEM_NUMBER);
  g_assert_nonnull (row);
  item = ga_item_row_get_item (row);
  entry = ga_ui_get (GTK_WIDGET (row), GTK_TYPE_ENTRY, "answer-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (ga_session_get_answer (session, item));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "invalid"));
  /* The row shows the model's own message, the one greenassess-cli shows
   * (in the application's language). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GaAnswer) refused = ga_answer_parse_text ("abc", item, &error);

    g_assert_null (refused);
    g_assert_nonnull (error);
    g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, error->message));
  }
  ga_ui_screenshot (GTK_WIDGET (f->window), "08-invalid-number");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2025");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (ga_session_get_answer (session, item));
  g_assert_cmpint (ga_session_get_answer (session, item)->value.kind, ==, GA_VALUE_NUMBER);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "invalid"));
  ga_workspace_set_search (workspace, NULL);

  /* 11. A value outside its plausible range. */
  check_range_finding (workspace, session);

  {
    GtkWidget *stack = ga_ui_test_find (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);

    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
  }
  ga_ui_screenshot (GTK_WIDGET (f->window), "07-energy");
}

/* The demo data opens on its enterprise; every assessment opens. */
static void
test_demo (GaUiFixture   *f,
           gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);

  g_assert_cmpstr (ga_window_get_page (f->window), ==, "enterprise");
  g_assert_cmpuint (assessments->len, >=, 3);
  ga_ui_screenshot (GTK_WIDGET (f->window), "10-demo-enterprise");

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);
      g_autofree char *name = g_strdup_printf ("11-demo-%s", a->kind);

      ga_window_open_assessment (f->window, a->id);
      g_assert_cmpstr (ga_window_get_page (f->window), ==, "assessment");
      g_assert_nonnull (ga_workspace_get_session (workspace));
      ga_ui_screenshot (GTK_WIDGET (f->window), name);
      if (g_strcmp0 (a->kind, "energy-audit") == 0)
        {
          GtkWidget *stack = ga_ui_test_find (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);

          adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
          ga_ui_screenshot (GTK_WIDGET (f->window), "12-demo-energy-page");
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

              g_signal_emit_by_name (
                  ga_ui_get (GTK_WIDGET (table_row), GTK_TYPE_BUTTON, "edit-table"), "clicked");
              table = ga_ui_wait_for_toplevel (ADW_TYPE_WINDOW);
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
              ga_ui_screenshot (GTK_WIDGET (table), "15-table-editor");
              gtk_window_destroy (table);
            }
          ga_workspace_set_search (workspace, NULL);

          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
          ga_ui_screenshot (GTK_WIDGET (f->window), "14-demo-dark");
          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
        }
    }
}

static void
test_accessible_names (GaUiFixture   *f,
                       gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (assessments->len, >, 0);
  ga_ui_collect_unnamed (GTK_WIDGET (f->window), unnamed);
  for (guint i = 0; i < assessments->len; i++)
    {
      ga_window_open_assessment (f->window, ((GaAssessment *) assessments->pdata[i])->id);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      ga_ui_collect_unnamed (GTK_WIDGET (f->window), unnamed);
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

static void
cancelled_batch_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  guint *written = user_data;
  g_autoptr(GError) error = NULL;
  guint failures = 99;

  /* A cancelled batch is not an error: it reports what it wrote. */
  *written = ga_batch_export_finish (result, &failures, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (failures, ==, 0);
  *written += 1000;
}

/* Evidence attached to a row is counted on the row and kept in the store;
 * the history lists the changes; the preferences, the shortcuts and the
 * about window open; a batch export writes one workbook per assessment. */
static void
test_evidence_history_batch (GaUiFixture   *f,
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
  /* The report with the evidence merged: a text file cannot be merged, so
   * a separator page lists it after the report, one page more than the
   * report alone. */
  {
    guint pages[2] = { 0, 0 };

    for (guint with = 0; with < 2; with++)
      {
        g_autofree char *path = g_build_filename (f->dir, with ? "merged.pdf" : "alone.pdf",
                                                  NULL);
        g_autofree char *cmd = g_strdup_printf ("pdfinfo '%s'", path);
        g_autofree char *info = NULL;
        const char *at;
        gboolean done = FALSE;

        ga_workspace_export_report_full (workspace, path, with, report_done_cb, &done);
        g_assert_true (ga_ui_test_wait_for (&done, 60000));
        g_assert_true (g_spawn_command_line_sync (cmd, &info, NULL, NULL, NULL));
        at = strstr (info, "Pages:");
        g_assert_nonnull (at);
        pages[with] = (guint) g_ascii_strtoull (at + strlen ("Pages:"), NULL, 10);
      }
    g_assert_cmpuint (pages[0], >, 1);
    g_assert_cmpuint (pages[1], ==, pages[0] + 1);
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
  window = ga_ui_wait_for_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  gtk_editable_set_text (GTK_EDITABLE (ga_ui_get (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, NULL)),
                         "张工");
  g_assert_cmpstr (ga_store_get_author (store), ==, "张工");
  ga_ui_screenshot (GTK_WIDGET (window), "13-preferences");
  gtk_window_close (window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  window = ga_ui_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (window);
  gtk_window_close (window);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.about", NULL);
  window = ga_ui_wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
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

  /* Cancelled before the first workbook: none is written. */
  {
    g_autofree char *none = g_build_filename (f->dir, "cancelled", NULL);
    g_autoptr(GFile) none_folder = g_file_new_for_path (none);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GDir) dir = NULL;

    g_assert_cmpint (g_mkdir_with_parents (none, 0755), ==, 0);
    g_cancellable_cancel (cancellable);
    written = 0;
    ga_batch_export_to_folder (store, ids, none_folder, cancellable, cancelled_batch_cb, &written);
    while (written == 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (written, ==, 1000);
    dir = g_dir_open (none, 0, NULL);
    g_assert_null (g_dir_read_name (dir));
  }
}


/* Waits up to five seconds for the stored text of @part to be @expected
 * (NULL: none), as the page saves it after the typing pauses. */
static gboolean
wait_for_narrative (GaStore    *store,
                    gint64      id,
                    const char *part,
                    const char *expected)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *text = ga_store_get_narrative (store, id, part, NULL);

      if (g_strcmp0 (text, expected) == 0)
        return TRUE;
      ga_ui_test_spin (50);
    }
  return FALSE;
}

static char *
editor_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The "Report Text" page of a green-factory assessment at 1366×768: text
 * typed into two parts is saved after the pause (nothing is flushed by
 * hand), Ctrl+Z takes the last one back in the store and on screen, redo
 * brings it again, and the history names the report text. */
static void
test_narratives (GaUiFixture   *f,
                 gconstpointer  data)
{
  static const char factory_text[] = "本厂始建于 2001 年，主营农业机械。\n\n2024 年完成屋顶光伏改造。";
  static const char dimension_text[] = "厂区屋顶光伏 2 MW，年发电 220 万 kWh。";
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaNarrativePage *page;
  GtkTextView *view;
  GtkWidget *stack;
  GaSession *session;
  const GaNarrativePart *dimension = NULL;
  GPtrArray *outline;
  gint64 id = 0;

  for (guint i = 0; i < assessments->len && id == 0; i++)
    if (g_strcmp0 (((GaAssessment *) assessments->pdata[i])->kind, "green-factory") == 0)
      id = ((GaAssessment *) assessments->pdata[i])->id;
  g_assert_cmpint (id, >, 0);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  ga_window_open_assessment (f->window, id);
  session = ga_workspace_get_session (workspace);
  g_assert_nonnull (session);

  stack = ga_ui_test_find (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "report");
  page = GA_NARRATIVE_PAGE (ga_ui_get (GTK_WIDGET (workspace), GA_TYPE_NARRATIVE_PAGE, NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* One editor per part of the outline, titled in the user's language. */
  outline = ga_session_get_narrative_outline (session);
  for (guint i = 0; i < outline->len; i++)
    {
      const GaNarrativePart *part = g_ptr_array_index (outline, i);

      g_assert_nonnull (ga_narrative_page_get_editor (page, part->key));
      if (dimension == NULL && part->level == 2)
        dimension = part;
    }
  g_assert_nonnull (dimension);
  g_assert_cmpstr (((GaNarrativePart *) outline->pdata[0])->title, ==,
                   g_str_has_prefix (g_getenv ("LANGUAGE"), "zh") ? "工厂基本情况"
                                                                  : "The factory");

  /* Typing, as the input method commits text. */
  view = ga_narrative_page_get_editor (page, "factory");
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (view), factory_text, -1,
                                                TRUE);
  g_assert_true (wait_for_narrative (store, id, "factory", factory_text));
  view = ga_narrative_page_get_editor (page, dimension->key);
  ga_narrative_page_show_part (page, dimension->key);
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (view), dimension_text,
                                                -1, TRUE);
  g_assert_true (wait_for_narrative (store, id, dimension->key, dimension_text));
  g_assert_cmpstr (ga_session_get_narrative (session, dimension->key), ==, dimension_text);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_screenshot (GTK_WIDGET (f->window), "16-report-text");

  /* Ctrl+Z (the workspace's undo) takes back the last text, on screen too. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.undo", NULL);
  g_assert_true (wait_for_narrative (store, id, dimension->key, NULL));
  {
    g_autofree char *shown = editor_text (view);
    g_assert_cmpstr (shown, ==, "");
  }
  g_assert_true (wait_for_narrative (store, id, "factory", factory_text));
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.redo", NULL);
  g_assert_true (wait_for_narrative (store, id, dimension->key, dimension_text));
  {
    g_autofree char *shown = editor_text (view);
    g_assert_cmpstr (shown, ==, dimension_text);
  }

  /* The history names the change as a report text. */
  {
    g_autoptr(GPtrArray) history = ga_store_list_history (store, id, NULL);
    GaHistoryEntry *last = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpint (last->subject, ==, GA_HISTORY_NARRATIVE);
    g_assert_cmpint (last->action, ==, GA_HISTORY_REDO);
    g_assert_cmpstr (last->item_id, ==, dimension->key);
  }
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.show-history", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_screenshot (GTK_WIDGET (f->window), "17-report-text-history");
  ga_ui_assert_named (GTK_WIDGET (f->window));

  /* The check lists the parts still without text; choosing one leads to
   * its editor on the Report Text page. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.check", NULL);
  {
    GtkWindow *check = ga_ui_wait_for_toplevel (GA_TYPE_CHECK_DIALOG);
    GtkListBox *list = GTK_LIST_BOX (ga_ui_get (GTK_WIDGET (check), GTK_TYPE_LIST_BOX, NULL));
    GtkListBoxRow *conclusion = NULL;
    GtkWidget *focus;

    for (guint i = 0; conclusion == NULL && gtk_list_box_get_row_at_index (list, i) != NULL; i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

        /* Parts with text are not listed. */
        g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "part-key"), !=, "factory");
        if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "part-key"), "conclusion") == 0)
          conclusion = row;
      }
    g_assert_nonnull (conclusion);
    ga_ui_screenshot (GTK_WIDGET (check), "18-check-report-text");
    g_signal_emit_by_name (list, "row-activated", conclusion);
    ga_ui_wait_until_gone (GA_TYPE_CHECK_DIALOG);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==,
                     "report");
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_true (focus == GTK_WIDGET (ga_narrative_page_get_editor (page, "conclusion")));
  }
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/app/main-flow", GaUiFixture, GINT_TO_POINTER (FALSE),
              ga_ui_fixture_setup, test_main_flow, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/app/demo", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_demo, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/app/evidence-history-batch", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_evidence_history_batch, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/app/accessible-names", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_accessible_names, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/app/narratives", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_narratives, ga_ui_fixture_teardown);

  return g_test_run ();
}
