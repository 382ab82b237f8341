/* ga-cli-report.c: `report`, the self-evaluation report of an assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   greenassess-cli report ASSESSMENT --out FILE.docx|FILE.pdf [--lang zh_CN|en] [--force]
 *                          [--with-evidence]
 *
 * The report is built and written by the services' report job
 * (ga-report-job.h), which puts the file in place only when it is
 * complete; with --with-evidence the PDF carries the evidence files after
 * the report, and each file that could not be merged is named on stderr.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-report-job.h"

/* SOURCE_DATE_EPOCH (Unix seconds) as reproducible-build tools set it
 * gives the report's date; otherwise it is today. */
static GDateTime *
report_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 value = epoch != NULL ? g_ascii_strtoll (epoch, NULL, 10) : 0;

  if (value > 0)
    return g_date_time_new_from_unix_utc (value);
  return g_date_time_new_now_local ();
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);
  gsize n = strlen (suffix);

  return len > n && g_ascii_strcasecmp (base + len - n, suffix) == 0;
}

int
ga_cli_cmd_report (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GaReportJob) job = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *shown = NULL;
  gboolean force = FALSE;
  gboolean with_evidence = FALSE;
  gboolean pdf;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    GA_CLI_DB_ENTRY,
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the report to FILE (.docx or .pdf)"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the report: zh_CN or en (default: the user's language)"), N_("LANG") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an existing file"), NULL },
    { "with-evidence", 0, 0, G_OPTION_ARG_NONE, &with_evidence,
      N_("Merge the evidence files (PDFs and images) into the PDF, after the report"), NULL },
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Writes the self-evaluation report of an assessment as a Word "
                                 "(.docx) or PDF file: cover, basic information, declaration, "
                                 "the results part by part, the conclusion, the improvement "
                                 "plan and the list of evidence. With --with-evidence the PDF "
                                 "goes on with the evidence files themselves, in the order of "
                                 "that list. SOURCE_DATE_EPOCH sets the date it carries."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;

  if (out == NULL)
    return ga_cli_usage_error (context, _("say where to write: --out FILE.docx or --out FILE.pdf"));
  if (lang != NULL && !g_str_equal (lang, "zh_CN") && !g_str_equal (lang, "en"))
    return ga_cli_usage_error (context, _("--lang must be zh_CN or en, not '%s'"), lang);
  shown = g_filename_display_name (out);
  if (!has_suffix (out, ".docx") && !has_suffix (out, ".pdf"))
    {
      g_printerr (_("%s: --out %s: the report is a Word or PDF file and its name must end in "
                    ".docx or .pdf\n"), g_get_prgname (), shown);
      return GA_CLI_EXIT_INVALID;
    }
  pdf = has_suffix (out, ".pdf");
  if (with_evidence && !pdf)
    return ga_cli_usage_error (context, _("--with-evidence merges the evidence files into a PDF, "
                                          "and a Word file cannot hold them: write --out "
                                          "FILE.pdf, or leave out --with-evidence"));
  if (!force && g_file_test (out, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s already exists and was left unchanged; choose another name, or give "
                    "--force to replace it\n"), shown);
      return GA_CLI_EXIT_INVALID;
    }

  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  session = ga_session_new (store, id, NULL, &error);
  if (session == NULL)
    return ga_cli_fail (argv[1], error);

  /* The engine's sentences come through gettext: in the report's language. */
  if (lang != NULL && !ga_cli_set_language (lang, &error))
    return ga_cli_fail ("--lang", error);
  date = report_date ();
  job = ga_report_job_new_for_session (session, out, lang, date, with_evidence, &error);
  if (job == NULL)
    return ga_cli_fail (argv[1], error);
  if (!ga_report_job_run (job, NULL, &error))
    return ga_cli_fail (shown, error);
  if (with_evidence)
    {
      const char * const *notes = ga_report_job_get_notes (job);

      /* Written all the same: the separator page lists these files too. */
      for (guint i = 0; notes[i] != NULL; i++)
        ga_cli_print_problem (shown, notes[i]);
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u page, %u of %u evidence files merged\n",
                               "%s: %u pages, %u of %u evidence files merged\n",
                               ga_report_job_get_n_pages (job)),
                  shown, ga_report_job_get_n_pages (job), ga_report_job_get_n_merged (job),
                  ga_report_job_get_n_merged (job) + g_strv_length ((char **) notes));
    }
  ga_cli_print_file_name (out);
  return GA_CLI_EXIT_OK;
}
