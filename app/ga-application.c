/* ga-application.c: the GreenAssess application object
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "ga-application.h"
#include "ga-ledger-dialog.h"
#include "ga-table-dialog.h"
#include "ga-preferences-window.h"
#include "ga-store-engine.h"
#include "ga-window.h"

struct _GaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GaStore        *store;
  GError         *store_error;   /* why the store could not be opened */
  char           *db_path;       /* --db, or NULL for the default */
  gboolean        demo;          /* --demo */
  guint           sigterm_id;
  guint           sigint_id;
};

G_DEFINE_FINAL_TYPE (GaApplication, ga_application, ADW_TYPE_APPLICATION)

void
ga_application_init_i18n (void)
{
  const char *dir = LOCALEDIR;

  setlocale (LC_ALL, "");
#ifdef GA_BUILD_LOCALEDIR
  /* Uninstalled runs find their catalogues in build/po, which i18n.gettext()
   * lays out exactly like an installed locale directory. */
  if (!g_file_test (LOCALEDIR "/zh_CN/LC_MESSAGES/" GETTEXT_PACKAGE ".mo", G_FILE_TEST_EXISTS)
      && g_file_test (GA_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    dir = GA_BUILD_LOCALEDIR;
#endif
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
apply_color_scheme (GaApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

static void
color_scheme_changed_cb (GaApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  apply_color_scheme (self);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GaApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets them save their size; answers are already
   * saved (every change is committed as it is made). */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
  g_application_quit (G_APPLICATION (self));
}

/* SIGTERM (a session logging out, `kill`) and SIGINT (Ctrl+C in a
 * terminal) quit the way Ctrl+Q does: the windows save their size and the
 * exit status is 0. */
static gboolean
terminate_cb (gpointer user_data)
{
  quit_activated_cb (NULL, NULL, user_data);
  return G_SOURCE_CONTINUE;
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The GreenAssess authors"), NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("GreenAssess"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The GreenAssess authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, _("© 2026 The GreenAssess authors"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/greenassess/GreenAssess");
  adw_about_window_set_issue_url (about, "https://github.com/greenassess/GreenAssess/issues");
  adw_about_window_set_comments (about,
                                 _("Self-assessments for green factories, clean production "
                                   "and energy audits, scored as you answer."));
  /* Translators: put your names here, one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GaPreferencesWindow *prefs = ga_preferences_window_new (self->settings);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
};

static void
author_changed_cb (GaApplication *self,
                   const char    *key,
                   GSettings     *settings)
{
  g_autofree char *author = ga_application_dup_author (self);

  if (self->store != NULL)
    ga_store_set_author (self->store, author);
}

/* Opens the database given with --db (or the default one). A failure is
 * kept and shown in the window, which explains it and offers no editing. */
static void
open_store (GaApplication *self)
{
  g_autofree char *path = self->db_path ? g_strdup (self->db_path) : ga_store_get_default_path ();
  g_autofree char *author = NULL;

  self->store = ga_store_open (path, &self->store_error);
  if (self->store == NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_prefix_error (&self->store_error, _("The database %s cannot be opened: "), shown);
      return;
    }

  author = ga_application_dup_author (self);
  ga_store_set_author (self->store, author);

  if (self->demo)
    {
      g_autoptr(GPtrArray) enterprises = ga_store_list_enterprises (self->store, NULL);
      g_autoptr(GError) error = NULL;

      /* --demo fills an empty database only: it never adds demo records
       * next to someone's real data. */
      if (enterprises != NULL && enterprises->len == 0
          && !ga_store_create_demo (self->store, &error))
        g_warning ("Demo data could not be created: %s", error->message);
    }
}

static int
ga_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  GaApplication *self = GA_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("greenassess %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
      /* Another database means another document: do not hand the request
       * to an instance that already runs on a different one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  self->demo = g_variant_dict_contains (options, "demo");

  return G_APPLICATION_CLASS (ga_application_parent_class)->handle_local_options (app, options);
}

static void
ga_application_startup (GApplication *app)
{
  GaApplication *self = GA_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (ga_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  /* A table's window offers the import of a ledger through the ledger dialog. */
  ga_table_dialog_set_import_func (ga_ledger_dialog_import_into);

  apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::author-name",
                           G_CALLBACK (author_changed_cb), self, G_CONNECT_SWAPPED);

  self->sigterm_id = g_unix_signal_add (SIGTERM, terminate_cb, self);
  self->sigint_id = g_unix_signal_add (SIGINT, terminate_cb, self);

  open_store (self);
}

static void
ga_application_shutdown (GApplication *app)
{
  GaApplication *self = GA_APPLICATION (app);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);

  G_APPLICATION_CLASS (ga_application_parent_class)->shutdown (app);
}

static void
ga_application_activate (GApplication *app)
{
  GaApplication *self = GA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ga_window_new (self));
  gtk_window_present (window);
}

static void
ga_application_dispose (GObject *object)
{
  GaApplication *self = GA_APPLICATION (object);

  /* Applications that never ran (tests) get no shutdown. */
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ga_application_parent_class)->dispose (object);
}

static void
ga_application_finalize (GObject *object)
{
  GaApplication *self = GA_APPLICATION (object);

  g_clear_error (&self->store_error);
  g_free (self->db_path);

  G_OBJECT_CLASS (ga_application_parent_class)->finalize (object);
}

static void
ga_application_class_init (GaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ga_application_dispose;
  object_class->finalize = ga_application_finalize;
  app_class->handle_local_options = ga_application_handle_local_options;
  app_class->startup = ga_application_startup;
  app_class->shutdown = ga_application_shutdown;
  app_class->activate = ga_application_activate;
}

/* The settings; when the program runs from the build tree, the schema
 * compiled there is used (build-aux/run.sh needs no environment). */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
#ifdef GA_BUILD_SCHEMADIR
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build = NULL;

      build = g_settings_schema_source_new_from_directory (GA_BUILD_SCHEMADIR, source, FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, TRUE);
    }
#endif
  if (schema == NULL)
    g_error ("The settings schema %s is not installed. Install the application "
             "(meson install), or run it with GSETTINGS_SCHEMA_DIR set to the folder "
             "where glib-compile-schemas compiled it.", APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

static void
ga_application_init (GaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Fill an empty database with demo data"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  self->settings = new_settings ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Self-assessments for green factories, clean "
                                              "production and energy audits."));
}

GaApplication *
ga_application_new (void)
{
  return g_object_new (GA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/greenassess/GreenAssess",
                       NULL);
}

GSettings *
ga_application_get_settings (GaApplication *self)
{
  g_return_val_if_fail (GA_IS_APPLICATION (self), NULL);

  return self->settings;
}

char *
ga_application_dup_author (GaApplication *self)
{
  g_autofree char *name = NULL;
  const char *real;

  g_return_val_if_fail (GA_IS_APPLICATION (self), NULL);

  name = g_settings_get_string (self->settings, "author-name");
  g_strstrip (name);
  if (name[0] != '\0')
    return g_steal_pointer (&name);

  real = g_get_real_name ();
  if (real != NULL && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

GaStore *
ga_application_get_store (GaApplication *self)
{
  g_return_val_if_fail (GA_IS_APPLICATION (self), NULL);

  return self->store;
}

const GError *
ga_application_get_store_error (GaApplication *self)
{
  g_return_val_if_fail (GA_IS_APPLICATION (self), NULL);

  return self->store_error;
}

void
ga_application_set_database (GaApplication *self,
                             const char    *path,
                             gboolean       demo)
{
  g_return_if_fail (GA_IS_APPLICATION (self));
  g_return_if_fail (self->store == NULL);

  g_free (self->db_path);
  self->db_path = g_strdup (path);
  self->demo = demo;
}
