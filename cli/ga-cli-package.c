/* ga-cli-package.c: greenassess-cli package
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

/* ------------------------------------------------------------------ */
/* package                                                             */

static int
package_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists (never the database itself)"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("ASSESSMENT FILE"),
                                    _("Writes one assessment with its enterprise, template copy, "
                                      "answers, history and evidence to a package FILE for another "
                                      "computer. An existing FILE is left alone unless --force is "
                                      "given."),
                                    entries, 2, GA_CLI_FILE_ARG (2),
                                    _("missing ASSESSMENT or FILE"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_export_package_to (store, id, argv[2], ga_cli_write_flags (force), &error))
    return ga_cli_fail_write (error);
  ga_cli_print_file_name (argv[2]);
  return GA_CLI_EXIT_OK;
}

static int
package_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *max_size = NULL;
  gboolean as_copy = FALSE;
  guint64 limit = 0;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "as-copy", 0, 0, G_OPTION_ARG_NONE, &as_copy,
      N_("Import an assessment that is already here as a new copy"), NULL },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size,
      N_("Largest file accepted: bytes, or with K, M or G (default 50M); at most 858M"),
      N_("SIZE") },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("FILE"),
                                    _("Imports a package. The enterprise is matched by its credit "
                                      "code; an assessment that is already here is refused unless "
                                      "--as-copy is given."),
                                    entries, 1, GA_CLI_FILE_ARG (1), _("missing FILE"), &context,
                                    &exit_code))
    return exit_code;
  if (max_size != NULL)
    {
      g_autofree char *message = NULL;

      if (!ga_cli_parse_size (max_size, &limit, &message))
        return ga_cli_value_error ("%s", message);
    }
  store = ga_cli_open_store (TRUE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  /* The package's evidence files are held to the limit of attaching one. */
  if (limit > 0)
    ga_store_set_evidence_limit (store, limit);
  id = ga_store_import_package (store, argv[1],
                                as_copy ? GA_PACKAGE_IMPORT_AS_COPY : GA_PACKAGE_IMPORT_DEFAULT,
                                &error);
  if (id == 0)
    {
      ga_cli_fail (argv[1], error);
      if (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS))
        {
          g_autofree char *shown = g_filename_display_name (argv[1]);

          g_printerr (_("To keep both, import it again as a copy: greenassess-cli package "
                        "import --as-copy %s\n"), shown);
        }
      return GA_CLI_EXIT_INVALID;
    }
  a = ga_store_get_assessment (store, id, &error);
  if (a == NULL)
    return ga_cli_fail (argv[1], error);
  g_print ("%" G_GINT64_FORMAT " %s\n", id, a->uuid);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_package (int    argc,
                    char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "export", "ASSESSMENT FILE [--force]", package_export },
    { "import", "FILE [--as-copy]", package_import },
  };

  return ga_cli_dispatch ("package", subs, G_N_ELEMENTS (subs), argc, argv);
}
