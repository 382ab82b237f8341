/* test-park-members.c: a park's member enterprises on its page
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the demo data the park lists the demo factory as its member. A second
 * factory is added with the page's Add Member button (chosen in the
 * drop-down of factories that are not members yet) and removed again with
 * its Remove button; the store holds what the page shows each time. A
 * factory's page has no member group. Screenshot 42-park-members (suffix
 * -zh in the Chinese run).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "ga-application.h"
#include "ga-enterprise-page.h"
#include "ga-store-engine.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"

static gint64
find_enterprise (GaStore          *store,
                 GaEnterpriseKind  kind)
{
  g_autoptr(GPtrArray) all = ga_store_list_enterprises (store, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GaEnterprise *e = ((GaEnterpriseSummary *) g_ptr_array_index (all, i))->enterprise;

      if (e->kind == kind)
        return e->id;
    }
  g_assert_not_reached ();
  return 0;
}

static guint
n_members (GaStore *store,
           gint64   park)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = ga_store_list_park_members (store, park, &error);

  g_assert_no_error (error);
  return members->len;
}

static GtkWidget *
show (GaUiFixture *f,
      gint64       enterprise)
{
  GtkWidget *page;

  ga_window_reload (f->window);
  ga_window_show_enterprise (f->window, enterprise);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_test_spin (50);
  page = ga_ui_get (GTK_WIDGET (f->window), GA_TYPE_ENTERPRISE_PAGE, NULL);
  g_assert_cmpint (ga_enterprise_page_get_enterprise_id (GA_ENTERPRISE_PAGE (page)), ==,
                   enterprise);
  return page;
}

static void
test_members (GaUiFixture   *f,
              gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GaEnterprise) other = ga_enterprise_new ();
  g_autoptr(GaEnterprise) factory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remove_demo = NULL;
  g_autofree char *remove_other = NULL;
  GtkWidget *page, *members, *choice;
  gint64 park, factory_id, other_id;
  GListModel *names;
  guint position = GTK_INVALID_LIST_POSITION;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  park = find_enterprise (store, GA_ENTERPRISE_PARK);
  factory_id = find_enterprise (store, GA_ENTERPRISE_FACTORY);
  factory = ga_store_get_enterprise (store, factory_id, &error);
  g_assert_no_error (error);
  other->name = g_strdup ("园区成员测试工厂");
  other->credit_code = g_strdup ("91350100M000100Y43");
  other_id = ga_store_add_enterprise (store, other, &error);
  g_assert_no_error (error);

  /* The demo park: the demo factory is its one member. */
  g_assert_cmpuint (n_members (store, park), ==, 1);
  page = show (f, park);
  members = GTK_WIDGET (gtk_widget_get_template_child (page, GA_TYPE_ENTERPRISE_PAGE,
                                                       "members_group"));
  g_assert_true (gtk_widget_get_visible (members));
  remove_demo = g_strdup_printf (_("Remove %s from the park"), factory->name);
  remove_other = g_strdup_printf (_("Remove %s from the park"), "园区成员测试工厂");
  g_assert_nonnull (ga_ui_get (members, GTK_TYPE_BUTTON, remove_demo));
  g_assert_null (ga_ui_test_find (members, GTK_TYPE_BUTTON, remove_other));

  /* The drop-down offers the factory that is not a member, not the member
   * and not the park itself. */
  choice = ga_ui_get (members, GTK_TYPE_DROP_DOWN, _("Factory to add"));
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (choice));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      g_assert_cmpstr (name, !=, factory->name);
      if (g_strcmp0 (name, "园区成员测试工厂") == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), position);
  g_signal_emit_by_name (ga_ui_get (members, GTK_TYPE_BUTTON, _("_Add Member")), "clicked");
  ga_ui_test_spin (50);
  g_assert_cmpuint (n_members (store, park), ==, 2);
  g_assert_nonnull (ga_ui_get (members, GTK_TYPE_BUTTON, remove_other));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_screenshot (GTK_WIDGET (f->window), "42-park-members");

  /* Removing the link keeps the enterprise. */
  g_signal_emit_by_name (ga_ui_get (members, GTK_TYPE_BUTTON, remove_other), "clicked");
  ga_ui_test_spin (50);
  g_assert_cmpuint (n_members (store, park), ==, 1);
  g_assert_null (ga_ui_test_find (members, GTK_TYPE_BUTTON, remove_other));
  g_clear_pointer (&factory, ga_enterprise_free);
  factory = ga_store_get_enterprise (store, other_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (factory);

  /* A factory has no members. */
  page = show (f, factory_id);
  members = GTK_WIDGET (gtk_widget_get_template_child (page, GA_TYPE_ENTERPRISE_PAGE,
                                                       "members_group"));
  g_assert_false (gtk_widget_get_visible (members));
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/park/members", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_members, ga_ui_fixture_teardown);
  return g_test_run ();
}
