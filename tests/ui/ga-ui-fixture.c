/* ga-ui-fixture.c: the application started on a fresh database, and the
 * helpers the UI flow tests share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"

const char *
ga_ui_suffix (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "zh") ? "-zh" : "";
}

void
ga_ui_screenshot (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *full = g_strconcat (name, ga_ui_suffix (), NULL);
  g_autofree char *path = NULL;

  ga_ui_test_spin (150);
  gtk_test_widget_wait_for_draw (widget);
  texture = ga_ui_test_render (widget);
  path = ga_ui_test_save (texture, full);
  /* A real screen, not an empty window: many colours. */
  g_assert_cmpuint (ga_ui_test_count_colors (texture), >, 30);
  g_test_message ("screenshot %s", path);
}

void
ga_ui_fixture_setup (GaUiFixture   *f,
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

void
ga_ui_fixture_teardown (GaUiFixture   *f,
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

GtkWindow *
ga_ui_find_toplevel (GType type)
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

GtkWindow *
ga_ui_wait_for_toplevel (GType type)
{
  for (int i = 0; i < 100; i++)
    {
      GtkWindow *window = ga_ui_find_toplevel (type);

      if (window != NULL)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          return window;
        }
      ga_ui_test_spin (20);
    }
  return NULL;
}

void
ga_ui_wait_until_gone (GType type)
{
  for (int i = 0; i < 100 && ga_ui_find_toplevel (type) != NULL; i++)
    ga_ui_test_spin (20);
  g_assert_null (ga_ui_find_toplevel (type));
}

GtkWidget *
ga_ui_get (GtkWidget  *root,
           GType       type,
           const char *name)
{
  GtkWidget *widget = ga_ui_test_find (root, type, name);

  if (widget == NULL)
    g_error ("no %s named %s", g_type_name (type), name ? name : "(any)");
  return widget;
}

void
ga_ui_collect_unnamed (GtkWidget *widget,
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

          /* An AdwButtonContent does not name its button for GTK 4.8's
           * accessibility: a screen reader says "toggle button" only. */
          named = (label != NULL && label[0] != '\0'
                   && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
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
    ga_ui_collect_unnamed (child, unnamed);
}

void
ga_ui_assert_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  ga_ui_collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("unnamed: %s", (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* Clicks the button of @response, as a user does: the dialog responds and
 * closes (adw_message_dialog_response() alone leaves it open). */
void
ga_ui_respond (GtkWindow  *dialog,
               const char *response)
{
  const char *label
      = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response);

  g_signal_emit_by_name (ga_ui_get (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label), "clicked");
}

