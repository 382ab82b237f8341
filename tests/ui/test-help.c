/* test-help.c: the user guide from the main menu and F1
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main menu has Help, F1 is bound to it and the keyboard shortcuts
 * window lists F1. Help opens the guide compiled into the resources: its
 * chapters are listed, a chapter scrolls into view, the Markdown marks are
 * not shown as characters and its tables are laid out as tables. Escape
 * closes it. Screenshots 30-help and 30-help-chapter (suffix -zh in the
 * Chinese run).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-help-window.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"

/* Whether @model (or a section or submenu of it) has an item activating
 * @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        return TRUE;
      link = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (link == NULL)
        link = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if (link != NULL)
        {
          gboolean found = menu_has_action (link, action);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether a shortcut controller of @widget runs @action on @accel. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *accel,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutAction *run = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger
              = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accel) == 0 && GTK_IS_NAMED_ACTION (run)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (run)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The shortcuts window's entry with @accel, or NULL. */
static GtkWidget *
find_listed (GtkWidget  *root,
             const char *accel)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *shown = NULL;

      g_object_get (root, "accelerator", &shown, NULL);
      if (g_strcmp0 (shown, accel) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_listed (child, accel);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_guide (GaUiFixture   *f,
            gconstpointer  data)
{
  GtkWidget *menu_button = ga_ui_get (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, _("Main menu"));
  GtkWidget *listed, *chapters, *view, *scrolled;
  GtkWindow *help, *overlay;
  g_autofree char *text = NULL;
  GtkAdjustment *adjustment;
  double top;

  /* Help is in the main menu, and F1 runs it. */
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                  "win.help"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->window), "F1", "win.help"));

  /* The keyboard shortcuts window lists F1. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  overlay = ga_ui_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  listed = find_listed (GTK_WIDGET (overlay), "F1");
  g_assert_nonnull (listed);
  {
    g_autofree char *title = NULL;

    g_object_get (listed, "title", &title, NULL);
    g_assert_cmpstr (title, ==, _("Show the user guide"));
  }
  gtk_window_close (overlay);
  ga_ui_wait_until_gone (GTK_TYPE_SHORTCUTS_WINDOW);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.help", NULL);
  help = ga_ui_wait_for_toplevel (GA_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  g_assert_cmpstr (gtk_window_get_title (help), ==, _("User Guide"));
  gtk_window_set_default_size (help, 1000, 760);
  ga_ui_test_spin (400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (help));

  /* The guide's text, without the Markdown marks. */
  text = ga_help_window_dup_text (GA_HELP_WINDOW (help));
  g_assert_true (g_str_has_prefix (text, "GreenAssess user guide"));
  g_assert_nonnull (strstr (text, "Starting an assessment (新建评价)"));
  g_assert_nonnull (strstr (text, "Comparing years (年度对比)"));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "```"));
  g_assert_null (strstr (text, "\n## "));
  /* Lists get bullets; tables become grids of cells. */
  g_assert_nonnull (strstr (text, "•  the name (企业名称);"));
  g_assert_null (strstr (text, "|---|"));
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (help), GTK_TYPE_LABEL, "--db FILE"));
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (help), GTK_TYPE_LABEL,
                                     "use the database FILE (created when missing)"));

  /* The chapters: every ## and ### heading, in order. */
  chapters = ga_ui_get (GTK_WIDGET (help), GTK_TYPE_LIST_BOX, _("Chapters"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (chapters), 20));
  view = ga_ui_get (GTK_WIDGET (help), GTK_TYPE_TEXT_VIEW, _("User guide"));
  ga_ui_assert_named (GTK_WIDGET (help));
  ga_ui_screenshot (GTK_WIDGET (help), "30-help");

  /* A chapter scrolls the text to its heading. */
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  top = gtk_adjustment_get_value (adjustment);
  g_assert_false (ga_help_window_show_chapter (GA_HELP_WINDOW (help), "No such chapter"));
  g_assert_true (ga_help_window_show_chapter (GA_HELP_WINDOW (help), "Export (导出)"));
  ga_ui_test_spin (400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (help));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, top + 500);
  ga_ui_screenshot (GTK_WIDGET (help), "30-help-chapter");

  /* Escape closes it. */
  g_assert_true (has_shortcut (GTK_WIDGET (help), "Escape", "window.close"));
  gtk_widget_activate_action (GTK_WIDGET (help), "window.close", NULL);
  ga_ui_wait_until_gone (GA_TYPE_HELP_WINDOW);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/help/guide", GaUiFixture, GINT_TO_POINTER (FALSE),
              ga_ui_fixture_setup, test_guide, ga_ui_fixture_teardown);
  return g_test_run ();
}
