/* ga-cli-check.c: `check`, the pre-submission check of an assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-check.h"
#include "ga-cli.h"
#include "ga-cli-store.h"

int
ga_cli_cmd_check (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint n_warnings = 0;
  guint n;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Lists what a reviewer would send back before submitting: items "
                                 "not answered, 不适用 without a reason, evidence the template "
                                 "asks for and none attached, results that use unverified values "
                                 "or cannot be computed, values outside their plausible range "
                                 "(with the row of a table), and empty fields of the report's "
                                 "basic information table; and, as warnings, the report parts "
                                 "without text of your own (greenassess-cli narrative). One line "
                                 "each, "
                                 "the item or part first; exit status 0 when nothing but "
                                 "warnings is found, 1 otherwise. It changes nothing."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  session = ga_session_new (store, id, problems, &error);
  if (session == NULL)
    return ga_cli_fail (argv[1], error);

  /* An answer the template cannot read is the first thing to mend. */
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (problems, i));
  findings = ga_check_session (session);
  for (guint i = 0; i < findings->len; i++)
    {
      GaCheckFinding *f = g_ptr_array_index (findings, i);

      if (f->warning)
        {
          n_warnings++;
          g_print (_("%s: warning: %s\n"), f->field, f->message);
        }
      else
        g_print ("%s: %s\n", f->item != NULL ? f->item->id : _("enterprise"), f->message);
    }
  n = findings->len - n_warnings + problems->len;
  if (n == 0)
    {
      if (n_warnings == 0)
        g_print (_("Nothing missing: the assessment is ready to submit.\n"));
      else
        g_print (ngettext ("Nothing missing: the assessment is ready to submit (%u warning "
                           "above).\n",
                           "Nothing missing: the assessment is ready to submit (%u warnings "
                           "above).\n", n_warnings), n_warnings);
      return GA_CLI_EXIT_OK;
    }
  g_printerr (ngettext ("%u thing to look at before submitting\n",
                        "%u things to look at before submitting\n", n), n);
  return GA_CLI_EXIT_INVALID;
}
