/* ga-cli-db.c: greenassess-cli db
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-json.h"
#include "ga-store-engine.h"
#include "ga-db.h"
#include "ga-store-transfer.h"

/* ------------------------------------------------------------------ */
/* db                                                                  */

static int
db_init (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autofree char *shown = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, NULL,
                               _("Creates the database, or migrates an older one to this version "
                                 "(after keeping a copy of it)."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;

  store = ga_cli_open_store (TRUE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  shown = g_filename_display_name (ga_store_get_path (store));
  g_print (_("%s: ready (schema version %d)\n"), shown, ga_store_get_schema_version (store));
  return GA_CLI_EXIT_OK;
}

static int
db_check (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  int exit_code;
  int version;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, NULL,
                               _("Checks the database without changing it: SQLite's integrity "
                                 "check, the references between tables, and the SHA-256 of every "
                                 "evidence file and template copy. An older schema is reported, "
                                 "not upgraded ('db migrate' upgrades it)."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;

  path = ga_cli_existing_db_path ();
  if (path == NULL)
    return GA_CLI_EXIT_INVALID;
  /* Read-only: a check must not migrate, back up or otherwise touch the
   * file it is checking. */
  store = ga_store_open_read_only (path, &error);
  if (store == NULL)
    return ga_cli_fail (NULL, error);
  shown = g_filename_display_name (path);
  version = ga_store_get_schema_version (store);
  if (version < GA_STORE_SCHEMA_VERSION)
    g_print (_("%s: schema version %d, will be upgraded to %d when opened for writing "
               "('greenassess-cli db migrate' does it now, after a backup)\n"), shown, version,
             GA_STORE_SCHEMA_VERSION);
  if (!ga_store_check (store, problems, &error))
    return ga_cli_fail (path, error);
  for (guint i = 0; i < problems->len; i++)
    ga_cli_print_problem (path, g_ptr_array_index (problems, i));
  if (problems->len > 0)
    {
      g_printerr (ngettext ("%s: %u problem. Keep the file and its -wal file: first copy "
                            "them with 'greenassess-cli db backup', then recover what can be "
                            "read into a new database with 'greenassess-cli db repair'\n",
                            "%s: %u problems. Keep the file and its -wal file: first copy "
                            "them with 'greenassess-cli db backup', then recover what can be "
                            "read into a new database with 'greenassess-cli db repair'\n",
                            problems->len), shown, problems->len);
      return GA_CLI_EXIT_INVALID;
    }
  g_print (_("%s: ok\n"), shown);
  return GA_CLI_EXIT_OK;
}

static int
db_migrate (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) probe = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *kept = NULL;
  int exit_code;
  int before;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, NULL,
                               _("Upgrades a database written by an earlier version to this "
                                 "version's schema. A copy of the file is kept first, beside it, "
                                 "as FILE.v<old>-<date>.bak. Any command that writes upgrades the "
                                 "database the same way; this one does only that."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;

  path = ga_cli_existing_db_path ();
  if (path == NULL)
    return GA_CLI_EXIT_INVALID;
  probe = ga_store_open_read_only (path, &error);
  if (probe == NULL)
    return ga_cli_fail (NULL, error);
  before = ga_store_get_schema_version (probe);
  g_clear_object (&probe);
  shown = g_filename_display_name (path);
  if (before >= GA_STORE_SCHEMA_VERSION)
    {
      g_print (_("%s: already at schema version %d; nothing to do\n"), shown, before);
      return GA_CLI_EXIT_OK;
    }

  store = ga_store_open (path, &error);
  if (store == NULL)
    return ga_cli_fail (NULL, error);
  kept = ga_store_get_migration_backup (store) != NULL
         ? g_filename_display_name (ga_store_get_migration_backup (store)) : g_strdup ("-");
  g_print (_("%s: migrated from schema version %d to %d; the previous file was kept as %s\n"),
           shown, before, ga_store_get_schema_version (store), kept);
  return GA_CLI_EXIT_OK;
}

static int
db_backup (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  int exit_code;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace DEST if it exists (never the database itself)"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("DEST"),
                                    _("Writes a consistent copy of the whole database to DEST, "
                                      "even while the application is using it. An existing DEST is "
                                      "left alone unless --force is given."),
                                    entries, 1, GA_CLI_FILE_ARG (1), _("missing DEST"), &context,
                                    &exit_code))
    return exit_code;

  store = ga_cli_open_store_for_copy ();
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_backup_to (store, argv[1], ga_cli_write_flags (force), &error))
    return ga_cli_fail_write (error);
  ga_cli_print_file_name (argv[1]);
  return GA_CLI_EXIT_OK;
}

static int
db_repair (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("NEW"),
                                    _("Recovers what a damaged database still holds into the new "
                                      "database NEW, table by table, and says what could not be "
                                      "read. The damaged file is only read. Make a copy of it with "
                                      "'db backup' first."),
                                    entries, 1, GA_CLI_FILE_ARG (1), _("missing NEW"), &context,
                                    &exit_code))
    return exit_code;

  path = ga_cli_existing_db_path ();
  if (path == NULL)
    return GA_CLI_EXIT_INVALID;
  store = ga_store_open_read_only (path, &error);
  if (store == NULL)
    return ga_cli_fail (NULL, error);
  if (!ga_store_repair_to (store, argv[1], report, &error))
    return ga_cli_fail (NULL, error);
  for (guint i = 0; i < report->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (report, i));
  ga_cli_print_file_name (argv[1]);
  return GA_CLI_EXIT_OK;
}

/* push and pull: the same copy (ga-store-transfer.h), one way or the
 * other. */
static int
db_transfer (int         argc,
             char      **argv,
             gboolean    push)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) local = NULL;
  g_autoptr(GaStore) server = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *shown = NULL;
  gboolean replace = FALSE;
  GaStoreTransferStats stats;
  const char *local_path;
  const char *uri;
  int exit_code;
  const GOptionEntry entries[] = {
    { "enterprise", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &codes,
      N_("Copy only the enterprise with this credit code (repeat for more; a park brings its "
         "members). Default: every enterprise"), N_("CODE") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Where the destination holds a different copy of an assessment, a project or an "
         "enterprise's details, replace it with this one (its answers, history and evidence "
         "there are lost)"), NULL },
    { NULL }
  };

  if (push)
    {
      if (!ga_cli_parse_file_arguments (&argc, &argv, _("LOCAL.db URI"),
                                        _("Copies the enterprises of the local database LOCAL.db, "
                                          "with their assessments (answers, history, evidence, "
                                          "report texts), projects and park members, to the team "
                                          "server at URI (postgresql://…). What the server holds "
                                          "already is left alone; nothing is copied when an "
                                          "assessment there differs, unless --replace is given."),
                                        entries, 2, GA_CLI_FILE_ARG (1),
                                        _("missing LOCAL.db and URI"), &context, &exit_code))
        return exit_code;
      local_path = argv[1];
      uri = argv[2];
    }
  else
    {
      if (!ga_cli_parse_file_arguments (&argc, &argv, _("URI LOCAL.db"),
                                        _("Copies the enterprises the team server at URI "
                                          "(postgresql://…) lets you see, with their assessments "
                                          "(answers, history, evidence, report texts), projects "
                                          "and park members, into the local database LOCAL.db, "
                                          "which is created when it does not exist. What the file "
                                          "holds already is left alone; nothing is copied when an "
                                          "assessment there differs, unless --replace is given."),
                                        entries, 2, GA_CLI_FILE_ARG (2),
                                        _("missing URI and LOCAL.db"), &context, &exit_code))
        return exit_code;
      uri = argv[1];
      local_path = argv[2];
    }

  if (!ga_db_target_is_uri (uri))
    return ga_cli_usage_error (context, _("“%s” is not a server address: give one like "
                                          "postgresql://user@host/database"), uri);
  shown = g_filename_display_name (local_path);
  if (push && !g_file_test (local_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("greenassess-cli db push: %s: no such database file; check the name, or "
                    "create one with 'greenassess-cli db init --db FILE'\n"), shown);
      return GA_CLI_EXIT_INVALID;
    }
  local = ga_store_open (local_path, &error);
  if (local == NULL)
    return ga_cli_fail (NULL, error);
  server = ga_store_open (uri, &error);
  if (server == NULL)
    return ga_cli_fail (NULL, error);

  if (!ga_store_transfer (push ? local : server, push ? server : local,
                          (const char * const *) codes,
                          replace ? GA_STORE_TRANSFER_REPLACE : GA_STORE_TRANSFER_NONE,
                          &stats, &error))
    {
      if (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS))
        {
          g_printerr (_("greenassess-cli db %s: %s\n"), push ? "push" : "pull", error->message);
          g_printerr (_("To keep this copy and lose the other one, run the command again with "
                        "--replace.\n"));
          return GA_CLI_EXIT_INVALID;
        }
      return ga_cli_fail (NULL, error);
    }

  g_print ("%s → %s\n", push ? shown : ga_store_get_path (server),
           push ? ga_store_get_path (server) : shown);
  g_print (_("enterprises: %u added, %u updated, %u unchanged\n"), stats.enterprises_added,
           stats.enterprises_replaced, stats.enterprises_same);
  g_print (_("assessments: %u added, %u replaced, %u unchanged\n"), stats.assessments_added,
           stats.assessments_replaced, stats.assessments_same);
  g_print (_("projects: %u added, %u replaced, %u unchanged\n"), stats.projects_added,
           stats.projects_replaced, stats.projects_same);
  g_print (_("evidence files sent: %u; park members added: %u\n"), stats.blobs_sent,
           stats.park_members_added);
  return GA_CLI_EXIT_OK;
}

static int
db_push (int    argc,
         char **argv)
{
  return db_transfer (argc, argv, TRUE);
}

static int
db_pull (int    argc,
         char **argv)
{
  return db_transfer (argc, argv, FALSE);
}

int
ga_cli_cmd_db (int    argc,
               char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "init", "", db_init },
    { "check", "", db_check },
    { "migrate", "", db_migrate },
    { "backup", "DEST [--force]", db_backup },
    { "repair", "NEW", db_repair },
    { "push", "LOCAL.db URI [--enterprise CODE]… [--replace]", db_push },
    { "pull", "URI LOCAL.db [--enterprise CODE]… [--replace]", db_pull },
  };

  return ga_cli_dispatch_with_note ("db", subs, G_N_ELEMENTS (subs),
                                    _("init, check, migrate, backup and repair take --db FILE "
                                      "(default: the user's data folder); push and pull name the "
                                      "local file and the server address (postgresql://USER@HOST/"
                                      "DATABASE) themselves. Every sub-command takes --help."),
                                    argc, argv);
}
