/* ga-cli-evidence.c: greenassess-cli evidence
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
/* evidence                                                            */



static int
evidence_add (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *max_size = NULL;
  guint64 limit = 0;
  gint64 id, ev;
  int exit_code;
  const GOptionEntry entries[] = {
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size,
      N_("Largest file accepted: bytes, or with K, M or G (default 50M); at most 858M"),
      N_("SIZE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A caption for the file"), N_("TEXT") },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("ASSESSMENT ITEM FILE"),
                                    _("Attaches a file to an item as evidence. Identical files are "
                                      "stored once."),
                                    entries, 3, GA_CLI_FILE_ARG (3),
                                    _("missing ASSESSMENT, ITEM or FILE"), &context, &exit_code))
    return exit_code;
  if (max_size != NULL)
    {
      g_autofree char *message = NULL;

      if (!ga_cli_parse_size (max_size, &limit, &message))
        return ga_cli_value_error ("%s", message);
    }
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (limit > 0)
    ga_store_set_evidence_limit (store, limit);
  if ((id = ga_cli_resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return ga_cli_fail (argv[1], error);
  if (ga_cli_find_item (tmpl, argv[1], argv[2], TRUE) == NULL)
    return GA_CLI_EXIT_INVALID;
  file = g_file_new_for_commandline_arg (argv[3]);
  ev = ga_store_add_evidence (store, id, argv[2], file, &error);
  /* The store's message names the file already. */
  if (ev == 0)
    return ga_cli_fail (NULL, error);
  if (note != NULL && !ga_store_set_evidence_note (store, ev, note, &error))
    return ga_cli_fail (argv[3], error);
  g_print ("%" G_GINT64_FORMAT "\n", ev);
  return GA_CLI_EXIT_OK;
}

static int
evidence_list (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Lists the evidence files of an assessment."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_evidence (store, id, NULL, &error);
  if (list == NULL)
    return ga_cli_fail (argv[1], error);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
                                      _("ID"), _("ITEM"), _("NAME"), _("TYPE"), _("SIZE"),
                                      _("SHA-256"), NULL }));
  for (guint i = 0; i < list->len; i++)
    {
      GaEvidence *ev = g_ptr_array_index (list, i);
      char **row = g_new0 (char *, 7);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, ev->id);
      row[1] = g_strdup (ev->item_id);
      row[2] = g_strdup (ev->name);
      row[3] = g_strdup (ev->mime_type);
      row[4] = g_strdup_printf ("%" G_GUINT64_FORMAT, ev->size);
      row[5] = g_strndup (ev->sha256, 16);
      g_ptr_array_add (rows, row);
    }
  ga_cli_print_table (rows, 6);
  return GA_CLI_EXIT_OK;
}

static int
evidence_extract (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  char *end = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists (never the database itself)"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("EVIDENCE-ID FILE"),
                                    _("Writes an evidence file's bytes to FILE (after checking "
                                      "them against their SHA-256). An existing FILE is left alone "
                                      "unless --force is given."),
                                    entries, 2, GA_CLI_FILE_ARG (2),
                                    _("missing EVIDENCE-ID or FILE"), &context, &exit_code))
    return exit_code;
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0 || !g_ascii_isdigit (argv[1][0]))
    return ga_cli_value_error (_("'%s' is not an evidence id; 'greenassess-cli evidence list "
                                 "ASSESSMENT' shows them"), argv[1]);
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_save_evidence (store, id, argv[2], ga_cli_write_flags (force), &error))
    return ga_cli_fail_write (error);
  ga_cli_print_file_name (argv[2]);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_evidence (int    argc,
                     char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "add", "ASSESSMENT ITEM FILE [--max-size SIZE] [--note TEXT]", evidence_add },
    { "list", "ASSESSMENT", evidence_list },
    { "extract", "EVIDENCE-ID FILE [--force]", evidence_extract },
  };

  return ga_cli_dispatch ("evidence", subs, G_N_ELEMENTS (subs), argc, argv);
}
