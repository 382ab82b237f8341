/* main.c: greenassess-cli, the command-line tool: the command table and
 * dispatch (the same services as the application, no GTK)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-cli-store.h"

/* The commands. A new command is one line here and a handler in the file
 * of its group (declared in ga-cli.h or ga-cli-store.h). */
/* ga-cli-server.c */
int ga_cli_cmd_server (int argc, char **argv);

static const GaCliCommand commands[] = {
  { "templates",  N_("List the bundled templates"),                    ga_cli_cmd_templates },
  { "validate",   N_("Check template files and list every problem"),   ga_cli_cmd_validate },
  { "evaluate",   N_("Score a template against an answers file"),      ga_cli_cmd_evaluate },
  { "formula",    N_("Evaluate a formula or show its Excel form"),     ga_cli_cmd_formula },
  { "db",         N_("Create, check, back up or migrate the database"), ga_cli_cmd_db },
  { "enterprise", N_("Add, list, show or edit enterprises"),           ga_cli_cmd_enterprise },
  { "assessment", N_("Start, list, show or score assessments"),        ga_cli_cmd_assessment },
  { "answer",     N_("Set, clear or list the answers of an assessment"), ga_cli_cmd_answer },
  { "evidence",   N_("Attach, list or extract evidence files"),        ga_cli_cmd_evidence },
  { "narrative",  N_("Write, show or clear your text of the report's parts"), ga_cli_cmd_narrative },
  { "park",       N_("List, add or remove the member enterprises of a park"), ga_cli_cmd_park },
  { "project",    N_("List, add, change or remove an enterprise's retrofit projects"), ga_cli_cmd_project },
  { "refvalues",  N_("List, show, import or remove tables of baselines and leading values"), ga_cli_cmd_refvalues },
  { "package",    N_("Write or read an assessment package file"),      ga_cli_cmd_package },
  { "export",     N_("Write the submission workbook of an assessment"), ga_cli_cmd_export },
  { "check",      N_("List what is missing before submitting an assessment"), ga_cli_cmd_check },
  { "report",     N_("Write the self-evaluation report of an assessment"), ga_cli_cmd_report },
  { "import",     N_("Import an energy or water ledger (XLSX or CSV) into an assessment's energy or water-balance table"), ga_cli_cmd_import },
  { "server",     N_("Set up a PostgreSQL team server and manage its users"), ga_cli_cmd_server },
};

static void
print_usage (FILE *stream)
{
  guint width = 0;

  fprintf (stream, _("Usage:\n  %s COMMAND [OPTION…] [ARGUMENT…]\n\n"), "greenassess-cli");
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-*s  %s\n", (int) width, commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n",
           _("Run 'greenassess-cli COMMAND --help' for the options of a command.\n"
             "Exit status: 0 success, 1 invalid input, 2 wrong usage."));
}

static const GaCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const GaCliCommand *command;
  g_autofree char *prgname = NULL;
  const char *localedir = LOCALEDIR;
  const char *name;

  setlocale (LC_ALL, "");
  /* In the plain C locale (no LANG, as under cron or in a bare container)
   * the character set is ASCII: Chinese arguments would be refused and
   * Chinese output shown as '?'. Everything this tool reads and writes is
   * UTF-8, so C.UTF-8 is what such a run means. */
  {
    const char *charset = NULL;

    if (!g_get_charset (&charset) && g_strcmp0 (charset, "ANSI_X3.4-1968") == 0)
      setlocale (LC_CTYPE, "C.UTF-8");
  }
#ifdef GA_BUILD_LOCALEDIR
  /* Run from the build tree before installation: the catalogues built in
   * build/po are laid out like an installed locale directory. */
  if (!g_file_test (LOCALEDIR "/zh_CN/LC_MESSAGES/" GETTEXT_PACKAGE ".mo", G_FILE_TEST_EXISTS)
      && g_file_test (GA_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    localedir = GA_BUILD_LOCALEDIR;
#endif
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("greenassess-cli");
  ga_cli_remember_arguments (argv);

  if (argc < 2)
    {
      g_printerr ("greenassess-cli: %s\n\n", _("missing COMMAND"));
      print_usage (stderr);
      return GA_CLI_EXIT_USAGE;
    }

  name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      /* "help COMMAND" is the same as "COMMAND --help". */
      if (strcmp (name, "help") == 0 && argc > 2)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          command = find_command (argv[2]);
          if (command == NULL)
            {
              g_printerr (_("greenassess-cli: unknown command '%s'\n\n"), argv[2]);
              print_usage (stderr);
              return GA_CLI_EXIT_USAGE;
            }
          prgname = g_strdup_printf ("greenassess-cli %s", command->name);
          g_set_prgname (prgname);
          return command->handler (2, help_argv);
        }
      print_usage (stdout);
      return GA_CLI_EXIT_OK;
    }
  if (strcmp (name, "--version") == 0)
    {
      g_print ("greenassess-cli %s\n", PACKAGE_VERSION);
      return GA_CLI_EXIT_OK;
    }

  command = find_command (name);
  if (command == NULL)
    {
      if (name[0] == '-')
        g_printerr (_("greenassess-cli: unknown option '%s'\n\n"), name);
      else
        g_printerr (_("greenassess-cli: unknown command '%s'\n\n"), name);
      print_usage (stderr);
      return GA_CLI_EXIT_USAGE;
    }

  /* GOption shows g_get_prgname() in the usage line: "greenassess-cli
   * validate [OPTION…] FILE…". */
  prgname = g_strdup_printf ("greenassess-cli %s", command->name);
  g_set_prgname (prgname);
  return command->handler (argc - 1, argv + 1);
}
