/* test-enterprise.c: the industry search and closing with changes in the
 * enterprise form
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The industry picker finds industries by a part of their name (化学), by
 * division code with or without its section letter (26, C26) and by a
 * class code (2614, in division 26), and a search that finds nothing says
 * so instead of an empty box; Enter takes the first found. Closing the
 * form (Escape) with changes asks: Keep Editing keeps what was typed,
 * Discard drops it, and an untouched form closes at once. A wrong number
 * at the bottom of the form is marked (error style, invalid state); Enter
 * with the form scrolled to the top brings that field into view with the
 * cursor in it. Screenshots 21-industry-search, 22-enterprise-number-error
 * (suffix -zh in the Chinese run).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-codes.h"
#include "ga-enterprise-dialog.h"
#include "ga-industry-picker.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"

/* Types @query into the picker's search, as a person does, and waits for
 * the search (it follows typing after a short pause). */
static void
search (GtkWidget  *picker,
        const char *query)
{
  GtkWidget *entry = ga_ui_get (picker, GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  ga_ui_test_spin (400);
}

static GtkWidget *
empty_state (GtkWidget *picker)
{
  GtkWidget *popover = (GtkWidget *) gtk_menu_button_get_popover (
      GTK_MENU_BUTTON (ga_ui_get (picker, GTK_TYPE_MENU_BUTTON, NULL)));
  GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (popover));

  for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w))
      return w;
  g_assert_not_reached ();
}

static void
test_industry_search (GaUiFixture   *f,
                      gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *picker, *button, *popover, *empty;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-enterprise", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_ENTERPRISE_DIALOG);
  picker = ga_ui_get (GTK_WIDGET (dialog), GA_TYPE_INDUSTRY_PICKER, NULL);
  button = ga_ui_get (picker, GTK_TYPE_MENU_BUTTON, NULL);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  empty = empty_state (picker);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ga_ui_test_spin (200);
  g_assert_true (gtk_widget_get_visible (popover));

  /* 化学原料和化学制品制造业 (C26) and 化学纤维制造业 (C28). */
  search (picker, "化学");
  g_assert_cmpuint (ga_industry_picker_get_n_shown (GA_INDUSTRY_PICKER (picker)), ==, 2);
  g_assert_false (gtk_widget_get_visible (empty));
  g_assert_nonnull (ga_ui_test_find (popover, GTK_TYPE_LABEL, "C26 化学原料和化学制品制造业"));
  ga_ui_screenshot (popover, "21-industry-search");
  search (picker, "26");
  g_assert_cmpuint (ga_industry_picker_get_n_shown (GA_INDUSTRY_PICKER (picker)), ==, 1);
  search (picker, "C26");
  g_assert_cmpuint (ga_industry_picker_get_n_shown (GA_INDUSTRY_PICKER (picker)), ==, 1);

  /* Nothing found: the list gives way to a sentence naming the search. */
  search (picker, "钢琴");
  g_assert_cmpuint (ga_industry_picker_get_n_shown (GA_INDUSTRY_PICKER (picker)), ==, 0);
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (empty)), "钢琴"));
  ga_ui_screenshot (popover, "21-industry-none");

  /* A class code, then Enter: its division is chosen. */
  search (picker, "2614");
  g_assert_cmpuint (ga_industry_picker_get_n_shown (GA_INDUSTRY_PICKER (picker)), ==, 1);
  g_signal_emit_by_name (ga_ui_get (picker, GTK_TYPE_SEARCH_ENTRY, NULL), "activate");
  ga_ui_test_spin (200);
  g_assert_cmpstr (ga_industry_picker_get_code (GA_INDUSTRY_PICKER (picker)), ==, "C26");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==,
                   "C26 化学原料和化学制品制造业");

  /* The industry is a change: closing now asks. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ga_ui_respond (ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG), "discard");
  ga_ui_wait_until_gone (GA_TYPE_ENTERPRISE_DIALOG);
}

static void
test_close_asks (GaUiFixture   *f,
                 gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) enterprises = NULL;
  GtkWindow *dialog, *ask;
  GtkWidget *name;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-enterprise", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_ENTERPRISE_DIALOG);
  name = ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name), "闽江绿色化工有限公司");

  /* Escape is the window's close: with a name typed it asks first. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ask = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (ask);
  ga_ui_screenshot (GTK_WIDGET (ask), "22-enterprise-discard");
  ga_ui_respond (ask, "cancel");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "闽江绿色化工有限公司");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ask = ga_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ga_ui_respond (ask, "discard");
  ga_ui_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG);
  ga_ui_wait_until_gone (GA_TYPE_ENTERPRISE_DIALOG);
  enterprises = ga_store_list_enterprises (store, NULL);
  g_assert_cmpuint (enterprises->len, ==, 0);

  /* Untouched: it closes at once. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-enterprise", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_ENTERPRISE_DIALOG);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ga_ui_wait_until_gone (GA_TYPE_ENTERPRISE_DIALOG);
  g_assert_null (ga_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Whether the focus is in @row (its text field has it). */
static gboolean
focus_in (GtkWindow *window,
          GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* Whether @row is within the visible part of its scrolled form. */
static gboolean
in_view (GtkWidget *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (row, scrolled, &bounds));
  return bounds.origin.y >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

static void
test_invalid_scrolls (GaUiFixture   *f,
                      gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) enterprises = NULL;
  GtkWindow *dialog;
  GtkWidget *name, *code, *value_added, *scrolled;
  char credit[GA_CREDIT_CODE_LENGTH + 1] = "91350100M000100Y4";
  g_autofree char *problem = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-enterprise", NULL);
  dialog = ga_ui_wait_for_toplevel (GA_TYPE_ENTERPRISE_DIALOG);
  gtk_window_set_default_size (dialog, 640, 560);
  name = ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name_row");
  code = ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "credit_code_row");
  value_added = ga_ui_get (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "value_added_row");
  credit[17] = ga_credit_code_check_char (credit);
  gtk_editable_set_text (GTK_EDITABLE (name), "闽江绿色化工有限公司");
  gtk_editable_set_text (GTK_EDITABLE (code), credit);
  /* A comma for the decimal point, in a field at the bottom of the form. */
  gtk_editable_set_text (GTK_EDITABLE (value_added), "1234,5");
  g_assert_true (gtk_widget_has_css_class (value_added, "error"));
  problem = gtk_test_accessible_check_state (GTK_ACCESSIBLE (value_added),
                                             GTK_ACCESSIBLE_STATE_INVALID,
                                             GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_null (problem);

  /* Back at the top, Enter in the name: the form scrolls to the wrong
   * field and puts the cursor in it; nothing is saved. */
  gtk_widget_grab_focus (name);
  scrolled = gtk_widget_get_ancestor (value_added, GTK_TYPE_SCROLLED_WINDOW);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  ga_ui_test_spin (200);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_false (in_view (value_added));
  g_signal_emit_by_name (name, "entry-activated");
  ga_ui_test_spin (200);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (in_view (value_added));
  g_assert_true (focus_in (dialog, value_added));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  ga_ui_screenshot (GTK_WIDGET (dialog), "22-enterprise-number-error");
  enterprises = ga_store_list_enterprises (store, NULL);
  g_assert_cmpuint (enterprises->len, ==, 0);

  /* Corrected: the mark goes, and Enter saves. */
  gtk_editable_set_text (GTK_EDITABLE (value_added), "1234.5");
  g_assert_false (gtk_widget_has_css_class (value_added, "error"));
  g_clear_pointer (&problem, g_free);
  problem = gtk_test_accessible_check_state (GTK_ACCESSIBLE (value_added),
                                             GTK_ACCESSIBLE_STATE_INVALID,
                                             GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_null (problem);
  g_signal_emit_by_name (value_added, "entry-activated");
  ga_ui_wait_until_gone (GA_TYPE_ENTERPRISE_DIALOG);
  g_clear_pointer (&enterprises, g_ptr_array_unref);
  enterprises = ga_store_list_enterprises (store, NULL);
  g_assert_cmpuint (enterprises->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/enterprise/industry-search", GaUiFixture, GINT_TO_POINTER (FALSE),
              ga_ui_fixture_setup, test_industry_search, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/enterprise/close-asks", GaUiFixture, GINT_TO_POINTER (FALSE),
              ga_ui_fixture_setup, test_close_asks, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/enterprise/invalid-scrolls", GaUiFixture, GINT_TO_POINTER (FALSE),
              ga_ui_fixture_setup, test_invalid_scrolls, ga_ui_fixture_teardown);
  return g_test_run ();
}
