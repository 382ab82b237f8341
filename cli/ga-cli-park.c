/* ga-cli-park.c: greenassess-cli park, the member enterprises of a green
 * industrial park (绿色工业园区)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store checks the kinds and keeps the links (ga-store-members.c);
 * this file resolves the enterprises named on the command line and prints
 * what the store keeps.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ga-cli.h"
#include "ga-cli-store.h"

/* Opens the store and resolves PARK (argv[1]) and, when @with_member, the
 * ENTERPRISE (argv[2]); FALSE after saying what is wrong. */
static gboolean
open_and_resolve (char          **argv,
                  gboolean        with_member,
                  GaStore       **store,
                  GaEnterprise  **park,
                  GaEnterprise  **member)
{
  *store = ga_cli_open_store (FALSE);
  if (*store == NULL || (*park = ga_cli_resolve_enterprise (*store, argv[1])) == NULL)
    return FALSE;
  if (with_member && (*member = ga_cli_resolve_enterprise (*store, argv[2])) == NULL)
    return FALSE;
  return TRUE;
}

static int
park_members (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) park = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("PARK"),
                               _("Lists the member enterprises of a park (its id or credit "
                                 "code)."),
                               entries, 1, _("missing PARK"), &context, &exit_code))
    return exit_code;
  if (!open_and_resolve (argv, FALSE, &store, &park, NULL))
    return GA_CLI_EXIT_INVALID;
  if (park->kind != GA_ENTERPRISE_PARK)
    {
      g_printerr (_("%s: %s is a factory, not a park; make it a park with "
                    "'greenassess-cli enterprise edit %s --kind park'\n"),
                  argv[1], park->name, argv[1]);
      return GA_CLI_EXIT_INVALID;
    }
  list = ga_store_list_park_members (store, park->id, &error);
  if (list == NULL)
    return ga_cli_fail ("park members", error);
  if (list->len == 0)
    {
      g_print (_("%s has no member enterprises; add one with 'greenassess-cli park add-member "
                 "%s ENTERPRISE'\n"), park->name, argv[1]);
      return GA_CLI_EXIT_OK;
    }
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
                                      _("ID"), _("NAME"), _("CREDIT CODE"), _("INDUSTRY"),
                                      NULL }));
  for (guint i = 0; i < list->len; i++)
    {
      const GaEnterprise *e = g_ptr_array_index (list, i);
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
      row[1] = g_strdup (e->name);
      row[2] = g_strdup (e->credit_code);
      row[3] = g_strdup (ga_cli_or_dash (e->industry));
      g_ptr_array_add (rows, row);
    }
  ga_cli_print_table (rows, 4);
  return GA_CLI_EXIT_OK;
}

static int
park_add_member (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) park = NULL;
  g_autoptr(GaEnterprise) member = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("PARK ENTERPRISE"),
                               _("Adds an enterprise (a factory) to the members of a park; "
                                 "each is given by its id or credit code."),
                               entries, 2, _("missing PARK or ENTERPRISE"), &context,
                               &exit_code))
    return exit_code;
  if (!open_and_resolve (argv, TRUE, &store, &park, &member))
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_add_park_member (store, park->id, member->id, &error))
    return ga_cli_fail ("park add-member", error);
  g_print (_("%s is now a member of %s\n"), member->name, park->name);
  return GA_CLI_EXIT_OK;
}

static int
park_remove_member (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) park = NULL;
  g_autoptr(GaEnterprise) member = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("PARK ENTERPRISE"),
                               _("Removes an enterprise from the members of a park; the "
                                 "enterprise and its assessments stay."),
                               entries, 2, _("missing PARK or ENTERPRISE"), &context,
                               &exit_code))
    return exit_code;
  if (!open_and_resolve (argv, TRUE, &store, &park, &member))
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_remove_park_member (store, park->id, member->id, &error))
    return ga_cli_fail ("park remove-member", error);
  g_print (_("%s is no longer a member of %s\n"), member->name, park->name);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_park (int    argc,
                 char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "members", "PARK", park_members },
    { "add-member", "PARK ENTERPRISE", park_add_member },
    { "remove-member", "PARK ENTERPRISE", park_remove_member },
  };

  return ga_cli_dispatch ("park", subs, G_N_ELEMENTS (subs), argc, argv);
}
