/* test-help.c: the user guide from the main menu and F1
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main menu has Help, F1 is bound to it and the keyboard shortcuts
 * window lists F1. Help opens the guide compiled into the resources: its
 * chapters are listed, a chapter scrolls into view, the Markdown marks are
 * not shown as characters and its tables are laid out as tables. Escape
 * closes it. The guide is in the user's language: the Chinese run
 * (LANGUAGE=zh_CN) shows docs/user-guide.zh_CN.md, with as many chapters as
 * the English guide, and the English run the English guide. Screenshots
 * 30-help and 30-help-chapter (suffix -zh in the Chinese run).
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

/* What the guide of one language shows, and the other's title, which it
 * must not. */
typedef struct {
  const char *title;
  const char *other_title;
  const char *first_chapter;
  const char *chapters[3];
  const char *item;
  const char *cell;
  const char *export_chapter;
} GuideText;

static const GuideText english_guide = {
  "GreenAssess user guide", "绿评（GreenAssess）用户指南", "Starting",
  { "Starting an assessment (新建评价)", "Comparing years (年度对比)", "Keyboard" },
  "•  the name (企业名称);", "use the database FILE (created when missing)", "Export (导出)",
};

static const GuideText chinese_guide = {
  "绿评（GreenAssess）用户指南", "GreenAssess user guide", "启动",
  { "新建评价", "年度对比", "键盘操作" },
  "•  企业名称；", "使用数据库文件 FILE（不存在时新建）", "导出",
};

/* The number of chapters (## and ### headings, outside code blocks) of the
 * guide compiled into the resources at help/@name. */
static guint
count_chapters (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/greenassess/GreenAssess/help/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) lines = NULL;
  gboolean code = FALSE;
  guint n = 0;

  g_assert_nonnull (bytes);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "```"))
      code = !code;
    else if (!code && (g_str_has_prefix (lines[i], "## ") || g_str_has_prefix (lines[i], "### ")))
      n++;
  return n;
}

/* The text of the chapter list's row @index. */
static const char *
chapter_text (GtkWidget *chapters,
              int        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (chapters), index);

  g_assert_nonnull (row);
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row)));
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
  guint n_chapters;
  /* The run's language (LANGUAGE=zh_CN in the -zh run) decides. */
  const GuideText *guide = ga_ui_suffix ()[0] != '\0' ? &chinese_guide : &english_guide;

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

  /* The guide's text, in the user's language, without the Markdown marks. */
  text = ga_help_window_dup_text (GA_HELP_WINDOW (help));
  g_assert_true (g_str_has_prefix (text, guide->title));
  g_assert_null (strstr (text, guide->other_title));
  for (guint i = 0; i < G_N_ELEMENTS (guide->chapters); i++)
    g_assert_nonnull (strstr (text, guide->chapters[i]));
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "```"));
  g_assert_null (strstr (text, "\n## "));
  /* Lists get bullets; tables become grids of cells. */
  g_assert_nonnull (strstr (text, guide->item));
  g_assert_null (strstr (text, "|---|"));
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (help), GTK_TYPE_LABEL, "--db FILE"));
  g_assert_nonnull (ga_ui_test_find (GTK_WIDGET (help), GTK_TYPE_LABEL, guide->cell));

  /* The chapters: every ## and ### heading, in order, as many in Chinese
   * as in English (25 in the English guide: 8 ## and 17 ###). */
  chapters = ga_ui_get (GTK_WIDGET (help), GTK_TYPE_LIST_BOX, _("Chapters"));
  n_chapters = count_chapters ("user-guide.md");
  g_assert_cmpuint (n_chapters, >, 20);
  g_assert_cmpuint (count_chapters ("user-guide.zh_CN.md"), ==, n_chapters);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (chapters), (int) n_chapters - 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (chapters), (int) n_chapters));
  g_assert_cmpstr (chapter_text (chapters, 0), ==, guide->first_chapter);
  g_assert_cmpstr (chapter_text (chapters, (int) n_chapters - 1), ==,
                   guide->chapters[G_N_ELEMENTS (guide->chapters) - 1]);
  view = ga_ui_get (GTK_WIDGET (help), GTK_TYPE_TEXT_VIEW, _("User guide"));
  ga_ui_assert_named (GTK_WIDGET (help));
  ga_ui_screenshot (GTK_WIDGET (help), "30-help");

  /* A chapter scrolls the text to its heading. */
  scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  top = gtk_adjustment_get_value (adjustment);
  g_assert_false (ga_help_window_show_chapter (GA_HELP_WINDOW (help), "No such chapter"));
  g_assert_true (ga_help_window_show_chapter (GA_HELP_WINDOW (help), guide->export_chapter));
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
