/* ga-cli-server.c: greenassess-cli server, a PostgreSQL team server: its
 * schema, roles and users
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is installed and enforced is in assessment/store/ga-store-pg-schema.c
 * and docs/team-server.md; this file parses the command line, reads
 * passwords (from the terminal without echo, from a file, or from standard
 * input, never from the arguments) and prints what the server did.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-db.h"
#include "ga-store-pg-schema.h"

/* Connects to URI (argv[1]); NULL after saying why not. */
static GaDb *
open_server (const char *uri)
{
  g_autoptr(GError) error = NULL;
  GaDb *db;

  if (!ga_store_pg_is_supported ())
    {
      g_printerr (_("%s: this build of GreenAssess has no PostgreSQL support (it was built "
                    "with -Dpostgresql=disabled); the server commands need a build with it\n"),
                  g_get_prgname ());
      return NULL;
    }
  if (!ga_db_target_is_uri (uri))
    {
      g_printerr (_("%s: '%s' is not a server address: give a PostgreSQL URI such as "
                    "postgresql://USER@HOST/DATABASE\n"), g_get_prgname (), uri);
      return NULL;
    }
  db = ga_db_open (uri, &error);
  if (db == NULL)
    {
      g_printerr (_("%s: the server could not be reached or refused the login. Check the "
                    "address, that the server runs and lets this machine in (pg_hba.conf), "
                    "and the user and password.\n%s\n"), g_get_prgname (), error->message);
      return NULL;
    }
  return db;
}

static int
fail (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return GA_CLI_EXIT_INVALID;
}

/* ------------------------------------------------------------------ */
/* Passwords                                                           */

static char *
read_line (FILE *in)
{
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  while ((c = fgetc (in)) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (c == EOF && line->len == 0)
    return NULL;
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static char *
prompt_hidden (const char *prompt)
{
  struct termios saved, quiet;
  char *line;

  fputs (prompt, stderr);
  fflush (stderr);
  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return read_line (stdin);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  line = read_line (stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fputc ('\n', stderr);
  return line;
}

/* The new user's password: the first line of @file, else asked twice on
 * the terminal, else the first line of standard input. NULL after saying
 * why not. */
static char *
read_password (const char *file, const char *user)
{
  if (file != NULL)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = g_filename_display_name (file);
      char *end;

      if (!g_file_get_contents (file, &contents, NULL, &error))
        {
          g_printerr (_("%s: cannot read the password file %s: %s\n"), g_get_prgname (), shown,
                      error->message);
          return NULL;
        }
      end = strpbrk (contents, "\r\n");
      if (end != NULL)
        *end = '\0';
      if (!g_utf8_validate (contents, -1, NULL))
        {
          g_printerr (_("%s: the password file %s is not UTF-8 text\n"), g_get_prgname (), shown);
          return NULL;
        }
      return g_steal_pointer (&contents);
    }
  if (isatty (STDIN_FILENO))
    {
      g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), user);
      g_autofree char *first = prompt_hidden (prompt);
      g_autofree char *again = first != NULL ? prompt_hidden (_("The same password again: ")) : NULL;

      if (first == NULL || again == NULL || strcmp (first, again) != 0)
        {
          g_printerr (_("%s: the two passwords differ; nothing was changed\n"), g_get_prgname ());
          return NULL;
        }
      return g_steal_pointer (&first);
    }
  {
    char *line = read_line (stdin);

    if (line == NULL || !g_utf8_validate (line, -1, NULL))
      {
        g_printerr (_("%s: no password: give --password-file FILE, or type it at the prompt\n"),
                    g_get_prgname ());
        g_free (line);
        return NULL;
      }
    return line;
  }
}

/* ------------------------------------------------------------------ */
/* server init                                                         */

static int
server_init (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaDb) db = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("URI"),
                               _("Installs GreenAssess's tables, roles (ga_admin, ga_consultant, "
                                 "ga_enterprise, ga_reviewer) and row-level security on a "
                                 "PostgreSQL database, in one transaction, as the server's "
                                 "superuser. Run again, it changes nothing or upgrades an older "
                                 "installation."),
                               entries, 1, _("missing URI"), &context, &exit_code))
    return exit_code;
  db = open_server (argv[1]);
  if (db == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_pg_install_report (db, steps, &error))
    return fail (error);
  for (guint i = 0; i < steps->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (steps, i));
  g_print (_("%s: ready; add users with 'greenassess-cli server user add'\n"),
           ga_db_get_display_name (db));
  return GA_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* server user                                                         */

static int
user_add (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  g_auto(GStrv) codes = NULL;
  GaStorePgRole role;
  int exit_code;
  const GOptionEntry entries[] = {
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role_name,
      N_("admin, consultant, enterprise or reviewer (required)"), N_("ROLE") },
    { "enterprise", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &codes,
      N_("Assign the enterprise of this credit code (may be repeated)"), N_("CODE") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from the first line of FILE instead of asking"), N_("FILE") },
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, _("URI NAME"),
                               _("Adds a user who logs in as NAME with a password (asked, or "
                                 "read from --password-file; never given on the command line), "
                                 "in the group of ROLE, assigned to the enterprises given. An "
                                 "administrator or the server's superuser runs it."),
                               entries, 2, _("missing URI or NAME"), &context, &exit_code))
    return exit_code;
  if (role_name == NULL)
    return ga_cli_usage_error (context, _("--role is required"));
  if (!ga_store_pg_role_from_name (role_name, &role))
    return ga_cli_value_error (_("unknown role '%s': give admin, consultant, enterprise or "
                                 "reviewer"), role_name);
  if (role == GA_STORE_PG_ROLE_ENTERPRISE && codes != NULL && g_strv_length (codes) > 1)
    return ga_cli_value_error (_("an enterprise user belongs to one enterprise: give one "
                                 "--enterprise"));
  db = open_server (argv[1]);
  if (db == NULL)
    return GA_CLI_EXIT_INVALID;
  password = read_password (password_file, argv[2]);
  if (password == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_pg_user_add (db, argv[2], role, password, (const char * const *) codes, &error))
    {
      memset (password, 0, strlen (password));
      return fail (error);
    }
  memset (password, 0, strlen (password));
  g_print (_("%s: user %s added as %s\n"), ga_db_get_display_name (db), argv[2], role_name);
  return GA_CLI_EXIT_OK;
}

static int
user_list (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int exit_code;
  const GOptionEntry entries[] = { { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("URI"),
                               _("Lists the GreenAssess users of the server, their role and the "
                                 "credit codes of the enterprises assigned to them."),
                               entries, 1, _("missing URI"), &context, &exit_code))
    return exit_code;
  db = open_server (argv[1]);
  if (db == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_pg_user_list (db, &error);
  if (list == NULL)
    return fail (error);
  if (list->len == 0)
    {
      g_print (_("No users yet; add one with 'greenassess-cli server user add'\n"));
      return GA_CLI_EXIT_OK;
    }
  g_ptr_array_add (rows, g_strsplit (_("USER\tROLE\tENTERPRISES"), "\t", 3));
  for (guint i = 0; i + 2 < list->len; i += 3)
    {
      char **row = g_new0 (char *, 4);
      row[0] = g_strdup (g_ptr_array_index (list, i));
      row[1] = g_strdup (g_ptr_array_index (list, i + 1));
      row[2] = g_strdup (ga_cli_or_dash (g_ptr_array_index (list, i + 2)));
      g_ptr_array_add (rows, row);
    }
  ga_cli_print_table (rows, 3);
  return GA_CLI_EXIT_OK;
}

static int
user_assign_or_unassign (int argc, char **argv, gboolean assign)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  gboolean ok;
  const GOptionEntry entries[] = { { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("URI NAME CODE"),
                               assign ? _("Lets the user NAME work on the enterprise of the "
                                          "credit code CODE.")
                                      : _("Takes the enterprise of the credit code CODE away "
                                          "from the user NAME."),
                               entries, 3, _("missing URI, NAME or CODE"), &context, &exit_code))
    return exit_code;
  db = open_server (argv[1]);
  if (db == NULL)
    return GA_CLI_EXIT_INVALID;
  ok = assign ? ga_store_pg_user_assign (db, argv[2], argv[3], &error)
              : ga_store_pg_user_unassign (db, argv[2], argv[3], &error);
  if (!ok)
    return fail (error);
  if (assign)
    g_print (_("%s: %s now works on %s\n"), ga_db_get_display_name (db), argv[2], argv[3]);
  else
    g_print (_("%s: %s no longer works on %s\n"), ga_db_get_display_name (db), argv[2], argv[3]);
  return GA_CLI_EXIT_OK;
}

static int
user_assign (int argc, char **argv)
{
  return user_assign_or_unassign (argc, argv, TRUE);
}

static int
user_unassign (int argc, char **argv)
{
  return user_assign_or_unassign (argc, argv, FALSE);
}

static int
user_remove (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("URI NAME"),
                               _("Removes the user NAME: their assignments and their login. What "
                                 "they wrote stays, with their name in changed_by."),
                               entries, 2, _("missing URI or NAME"), &context, &exit_code))
    return exit_code;
  db = open_server (argv[1]);
  if (db == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_pg_user_remove (db, argv[2], &error))
    return fail (error);
  g_print (_("%s: user %s removed\n"), ga_db_get_display_name (db), argv[2]);
  return GA_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Under the list of sub-commands: what every one of them takes. */
static const char *
server_note (void)
{
  return _("URI is a PostgreSQL address: postgresql://USER@HOST/DATABASE (the login's "
           "password comes from ~/.pgpass or PGPASSWORD, as for psql). Every sub-command "
           "takes --help.");
}

static int
server_user (int    argc,
             char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "add", "URI NAME --role ROLE [--enterprise CODE…] [--password-file FILE]", user_add },
    { "list", "URI", user_list },
    { "assign", "URI NAME CODE", user_assign },
    { "unassign", "URI NAME CODE", user_unassign },
    { "remove", "URI NAME", user_remove },
  };

  return ga_cli_dispatch_with_note ("server user", subs, G_N_ELEMENTS (subs), server_note (),
                                    argc, argv);
}

int ga_cli_cmd_server (int argc, char **argv);

int
ga_cli_cmd_server (int    argc,
                   char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "init", "URI", server_init },
    { "user", "add|list|assign|unassign|remove …", server_user },
  };

  return ga_cli_dispatch_with_note ("server", subs, G_N_ELEMENTS (subs), server_note (), argc,
                                    argv);
}
