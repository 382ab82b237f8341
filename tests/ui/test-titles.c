/* test-titles.c: items named "number title" in the item rows, the summary and History
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo GB/T 36132-2025 assessment in a 1366 × 768 window: each item
 * row is announced by its number and title; a partly met item (some of its
 * points) is marked partial, not non-compliant, and the summary counts it
 * as partly met; its (i) popover says what to do and the common failures
 * before the source text; the veto line's icon is one the icon theme has, with a
 * name; the improvement list and History name items by "number title",
 * no two rows alike; the 计算口径 drop-down opens wide enough for its
 * options on one line each. Widgets are found by the names a screen reader
 * reads. Screenshots 20-item-numbers, 21-history-numbers,
 * 22-basis-dropdown and 23-item-guidance in build/tests/ui/screenshots/ (suffix -zh in the
 * Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <string.h>

#include "ga-application.h"
#include "ga-item-row.h"
#include "ga-score-summary.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

static GaSession *
open_demo (GaUiFixture *f,
           const char  *template_id)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaSession *session;

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->template_id, template_id) == 0)
        ga_window_open_assessment (f->window, a->id);
    }
  session = ga_workspace_get_session (workspace);
  g_assert_nonnull (session);
  g_assert_cmpstr (ga_template_get_id (ga_session_get_template (session)), ==, template_id);
  return session;
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

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (GA_IS_ITEM_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The row of @item_id, brought on screen by searching for its id. */
static GaItemRow *
row_of (GaWorkspace *workspace,
        const char  *item_id)
{
  GaItem *item = ga_template_find_item (
      ga_session_get_template (ga_workspace_get_session (workspace)), item_id);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ga_workspace_set_search (workspace, item_id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (workspace));
  ga_ui_test_spin (50);
  collect_rows (GTK_WIDGET (workspace), rows);
  for (guint i = 0; i < rows->len; i++)
    if (ga_item_row_get_item (rows->pdata[i]) == item)
      return rows->pdata[i];
  g_error ("no row for %s", item_id);
  return NULL;
}

/* The labels below @root whose text is @text. */
static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

static GtkWidget *
find_toggle (GtkWidget *root)
{
  if (GTK_IS_TOGGLE_BUTTON (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_rows_and_summary (GaUiFixture *f,
                        GaSession   *session)
{
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaTemplate *tmpl = ga_session_get_template (session);
  GaEngine *engine = ga_session_get_engine (session);
  GtkWidget *summary = ga_workspace_get_summary (workspace);
  g_autofree char *en4 = ga_item_label (ga_template_find_item (tmpl, "EN4"), NULL);
  g_autofree char *re4 = ga_item_label (ga_template_find_item (tmpl, "RE4"), NULL);
  g_autoptr(GPtrArray) improvements = ga_engine_get_improvements (engine);
  GaItemRow *row;
  GtkWidget *icon;
  guint full, partial, not_met, shown = 0;

  /* EN4 4 between 0 and 6: 4 × 4/6 = 2.667 of 4, partly met. RE4 95
   * between 80 and 100: 4 × 15/20 = 3 of 4, partly met too. */
  row = row_of (workspace, "EN4");
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (row), GA_TYPE_ITEM_ROW, en4));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "partial"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "noncompliant"));
  /* The number shows before the title. */
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL,
                                     ga_item_get_number (ga_template_find_item (tmpl, "EN4"))));
  ga_ui_screenshot (GTK_WIDGET (f->window), "20-item-numbers");
  /* The (i) popover: what to do, the failures the template names, then
   * the source text. */
  {
    GaItem *item = ga_template_find_item (tmpl, "EN4");
    GtkWidget *button = ga_ui_get (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON,
                                   _("How to answer and what evidence to keep"));
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    GtkWidget *help = ga_ui_get (popover, GTK_TYPE_LABEL, NULL);
    const char *text;
    const char *todo, *failures, *source;

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
    ga_ui_test_spin (200);
    text = gtk_label_get_text (GTK_LABEL (help));
    todo = strstr (text, ga_text_get (&item->guidance, NULL));
    failures = strstr (text, ga_text_get (&item->guidance_failures, NULL));
    source = strstr (text, item->source);
    g_assert_nonnull (strstr (text, _("What to do")));
    g_assert_nonnull (strstr (text, _("Common failures")));
    g_assert_nonnull (todo);
    g_assert_nonnull (failures);
    g_assert_nonnull (source);
    g_assert_true (todo < failures && failures < source);
    ga_ui_screenshot (popover, "23-item-guidance");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }
  row = row_of (workspace, "RE4");
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (row), GA_TYPE_ITEM_ROW, re4));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "partial"));
  ga_workspace_set_search (workspace, "");

  /* The summary counts partly met items apart. */
  ga_engine_count_met (engine, NULL, &full, &partial, &not_met);
  g_assert_cmpuint (partial, >=, 2);
  {
    g_autofree char *answered = g_strdup_printf (_("%u of %u items answered"),
                                                 ga_engine_get_summary (engine)->answered,
                                                 ga_engine_get_summary (engine)->total);
    g_autofree char *met = g_strdup_printf (_("%u met · %u partly met · %u not met"), full,
                                            partial, not_met);
    g_autofree char *both = g_strdup_printf ("%s\n%s", answered, met);

    g_assert_nonnull (ga_ui_test_find (summary, GTK_TYPE_LABEL, both));
  }

  /* The veto line: both basic requirements are met in the demo. */
  icon = ga_ui_get (summary, GTK_TYPE_IMAGE, _("Veto items: met"));
  g_assert_true (gtk_icon_theme_has_icon (
      gtk_icon_theme_get_for_display (gtk_widget_get_display (icon)),
      gtk_image_get_icon_name (GTK_IMAGE (icon))));

  /* The improvement list: each row its own "number title". */
  for (guint i = 0; i < improvements->len && shown < 8; i++)
    {
      GaImprovement *imp = g_ptr_array_index (improvements, i);
      g_autofree char *label = ga_item_label (imp->item, NULL);

      if (!(imp->gain > 0))
        continue;
      shown++;
      g_assert_cmpuint (count_labels (summary, label), ==, 1);
    }
  g_assert_cmpuint (shown, >=, 3);
}

static void
check_history (GaUiFixture *f,
               GaSession   *session)
{
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaTemplate *tmpl = ga_session_get_template (session);
  g_autofree char *en2 = ga_item_label (ga_template_find_item (tmpl, "EN2"), NULL);
  g_autofree char *la3 = ga_item_label (ga_template_find_item (tmpl, "LA3"), NULL);

  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.show-history", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_test_spin (100);
  /* Newest first: the two answers typed in this test, each named by its
   * number and title. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (workspace), en2), >=, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (workspace), la3), >=, 1);
  ga_ui_screenshot (GTK_WIDGET (f->window), "21-history-numbers");
}

/* The 计算口径 list opens with each option on one line. */
static void
check_dropdown (GaUiFixture *f,
                GaSession   *session)
{
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaItem *item = ga_template_find_item (ga_session_get_template (session), "EN1_basis");
  GaItemRow *row;
  GtkWidget *dropdown, *toggle, *popover;
  GaOption *second = g_ptr_array_index (item->options, 1);
  const char *text = ga_text_get (&second->label, NULL);
  GtkWidget *label;
  int width;

  adw_view_stack_set_visible_child_name (
      ADW_VIEW_STACK (ga_ui_get (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL)), "items");
  row = row_of (workspace, "EN1_basis");
  dropdown = ga_ui_get (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, NULL);
  toggle = find_toggle (dropdown);
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_test_spin (200);
  popover = ga_ui_get (dropdown, GTK_TYPE_POPOVER, NULL);
  g_assert_true (gtk_widget_get_mapped (popover));
  /* The second option (单位产值 / per unit output value) is in the list,
   * shown, on one line. */
  label = ga_ui_get (popover, GTK_TYPE_LABEL, text);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 1);
  /* The first (the longest) too: the list is as wide as its options. */
  label = ga_ui_get (popover, GTK_TYPE_LABEL,
                     ga_text_get (&((GaOption *) g_ptr_array_index (item->options, 0))->label,
                                  NULL));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 1);
  width = gtk_widget_get_width (popover);
  g_assert_cmpint (width, >, 200);
  /* The list is a surface of its own: its picture is taken alone. */
  ga_ui_screenshot (popover, "22-basis-dropdown");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_titles (GaUiFixture   *f,
             gconstpointer  data)
{
  GaSession *session;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_maximize (GTK_WINDOW (f->window));
  session = open_demo (f, "gbt36132-2025");
  /* Two answers, so that History has rows to name. EN2: 300 between 400
   * and 200 is 11 × 0.5 = 5.5 of 11. */
  answer (session, "EN2_base", "400");
  answer (session, "EN2_lead", "200");
  answer (session, "EN2", "300");
  answer (session, "LA3", "0.95");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  check_rows_and_summary (f, session);
  check_dropdown (f, session);
  check_history (f, session);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/titles/numbers", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_titles, ga_ui_fixture_teardown);
  return g_test_run ();
}
