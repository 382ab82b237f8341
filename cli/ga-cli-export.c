/* ga-cli-export.c: greenassess-cli export
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   greenassess-cli export ASSESSMENT --out FILE.xlsx [--force]
 *   greenassess-cli export --enterprise ID… --out-dir DIR   (progress on stderr)
 *   greenassess-cli export ASSESSMENT… --out-dir DIR
 *   greenassess-cli export --template T --answers A.json [--info E.json] --out FILE.xlsx
 *
 * The last form needs no database. Every form writes through the
 * services' export job (ga-export-job.h), the one the application uses.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-export-job.h"
#include "ga-format.h"
#include "ga-store.h"

typedef struct {
  char     *out;
  char     *out_dir;
  char    **enterprises;
  char     *template_spec;
  char     *answers;
  char     *info;
  char     *db;
  char     *lang;
  char     *date;
  char     *period;
  char     *name;
  gint64    created;
  gboolean  force;
  /* the local summary tables 附件2–4 */
  gboolean       local_tables;
  char          *apply_level;
  int            apply_year;
  GaExportLevel  level;
} ExportArgs;

static void
export_args_clear (ExportArgs *a)
{
  g_free (a->out);
  g_free (a->out_dir);
  g_strfreev (a->enterprises);
  g_free (a->template_spec);
  g_free (a->answers);
  g_free (a->info);
  g_free (a->db);
  g_free (a->lang);
  g_free (a->date);
  g_free (a->period);
  g_free (a->name);
  g_free (a->apply_level);
}

/* An engine evaluated with the answers file @answers_path for @tmpl. */
static GaEngine *
engine_from_files (GaTemplate  *tmpl,
                   const char  *answers_path,
                   GError     **error)
{
  g_autoptr(GaAnswerSet) answers = NULL;
  GaEngine *engine;

  answers = ga_answer_set_new_from_file (answers_path, tmpl, error);
  if (answers == NULL)
    return NULL;
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);
  return engine;
}

/* --date: a real calendar day written YYYY-MM-DD (2025-02-30 is not). */
static gboolean
valid_date (const char *text)
{
  guint64 year, month, day;

  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    return FALSE;
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The workbook is always an .xlsx file: a name with another extension
 * (report.pdf, report.xls) would hold content its name does not say. */
static gboolean
has_xlsx_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);

  return len > 5 && g_ascii_strcasecmp (base + len - 5, ".xlsx") == 0;
}

/* The name suggested instead of @path: its extension replaced by .xlsx. */
static char *
xlsx_name_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".xlsx", NULL);
  if (g_str_equal (dir, "."))
    return g_steal_pointer (&name);
  return g_build_filename (dir, name, NULL);
}

/* What the options change in the workbook; the rest (language, dates,
 * period, name) the export job decides as it does for the application. */
static void
apply_args (const ExportArgs *a,
            GaExportJob      *job)
{
  ga_export_job_set_language (job, a->lang);
  ga_export_job_set_date (job, a->date);
  ga_export_job_set_created (job, a->created);
  ga_export_job_set_period (job, a->period);
  ga_export_job_set_name (job, a->name);
  ga_export_job_set_overwrite (job, a->force);
}

static int
export_from_files (ExportArgs *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GaEnterpriseInfo) info = NULL;
  g_autoptr(GaExportJob) job = NULL;

  tmpl = ga_cli_open_template (a->template_spec, &error);
  if (tmpl == NULL)
    {
      ga_cli_print_problem (a->template_spec, error->message);
      return GA_CLI_EXIT_INVALID;
    }
  engine = engine_from_files (tmpl, a->answers, &error);
  if (engine == NULL)
    {
      ga_cli_print_problem (a->answers, error->message);
      return GA_CLI_EXIT_INVALID;
    }
  if (a->info != NULL)
    {
      info = ga_enterprise_info_new_from_file (a->info, &error);
      if (info == NULL)
        {
          ga_cli_print_problem (NULL, error->message);
          return GA_CLI_EXIT_INVALID;
        }
    }
  job = ga_export_job_new_for_engine (engine, info, a->out);
  /* The job has an engine of its own: this one is not needed while the
   * workbook is written, nor is its memory. */
  g_clear_pointer (&engine, ga_engine_unref);
  apply_args (a, job);
  if (!ga_export_job_run (job, &error))
    {
      ga_cli_print_problem ("export", error->message);
      return GA_CLI_EXIT_INVALID;
    }
  ga_cli_print_file_name (a->out);
  return GA_CLI_EXIT_OK;
}

/* Exports one stored assessment to @path, as the application's export
 * job does. */
static gboolean
export_stored (GaStore           *store,
               const ExportArgs  *a,
               gint64             assessment_id,
               const char        *path,
               GError           **error)
{
  g_autoptr(GaExportJob) job = ga_export_job_new (store, assessment_id, path, error);

  if (job == NULL)
    return FALSE;
  apply_args (a, job);
  if (a->local_tables
      && !ga_export_job_add_local_tables (job, store, a->level, a->apply_year, error))
    return FALSE;
  return ga_export_job_run (job, error);
}

static char *
batch_path (const ExportArgs   *a,
            const GaEnterprise *enterprise,
            const GaAssessment *assessment)
{
  g_autofree char *suffix = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (assessment->year > 0)
    suffix = g_strdup_printf ("-%d-%" G_GINT64_FORMAT ".xlsx", assessment->year, assessment->id);
  else
    suffix = g_strdup_printf ("-%" G_GINT64_FORMAT ".xlsx", assessment->id);
  name = ga_export_file_name (enterprise != NULL ? enterprise->name : NULL, suffix,
                              assessment->uuid);
  /* The name is UTF-8 text; the file system may use another encoding. */
  file_name = g_filename_from_utf8 (name, -1, NULL, NULL, NULL);
  return g_build_filename (a->out_dir, file_name != NULL ? file_name : name, NULL);
}

static GaStore *
open_store (const ExportArgs *a)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = a->db != NULL ? g_strdup (a->db) : ga_store_get_default_path ();
  GaStore *store;

  if (a->db == NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      ga_cli_print_problem (path, _("there is no database yet; create one with "
                                    "'greenassess-cli db init' or give one with --db"));
      return NULL;
    }
  store = ga_store_open (path, &error);
  if (store == NULL)
    ga_cli_print_problem (path, error->message);
  return store;
}

/* The ids of the assessments named on the command line, then of every
 * assessment of each --enterprise, into @ids; FALSE after saying which
 * one was not found. */
static gboolean
collect_assessments (GaStore           *store,
                     const ExportArgs  *a,
                     int                argc,
                     char             **argv,
                     GArray            *ids)
{
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = ga_store_resolve_assessment (store, argv[i], &error);

      if (id == 0)
        {
          ga_cli_print_problem (argv[i], error->message);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  for (guint i = 0; a->enterprises != NULL && a->enterprises[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaEnterprise) enterprise = NULL;
      g_autoptr(GPtrArray) list = NULL;
      const char *ref = a->enterprises[i];
      char *end = NULL;
      gint64 eid = g_ascii_strtoll (ref, &end, 10);

      /* A number is an enterprise id, anything else a credit code. */
      if (end != NULL && *end == '\0' && eid > 0)
        enterprise = ga_store_get_enterprise (store, eid, &error);
      else
        {
          enterprise = ga_store_find_enterprise (store, ref, &error);
          if (enterprise == NULL && error == NULL)
            g_set_error (&error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                         _("no enterprise has this id or credit code; "
                           "'greenassess-cli enterprise list' shows them"));
        }
      if (enterprise == NULL)
        {
          ga_cli_print_problem (ref, error->message);
          return FALSE;
        }
      list = ga_store_list_assessments (store, enterprise->id, &error);
      if (list == NULL)
        {
          ga_cli_print_problem (ref, error->message);
          return FALSE;
        }
      if (list->len == 0)
        g_printerr (_("%s: %s has no assessment to export\n"), ref, enterprise->name);
      for (guint k = 0; k < list->len; k++)
        g_array_append_val (ids, ((GaAssessment *) g_ptr_array_index (list, k))->id);
    }
  return TRUE;
}

static int
export_from_store (ExportArgs  *a,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GaStore) store = open_store (a);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_failed = 0;

  if (store == NULL)
    return GA_CLI_EXIT_INVALID;

  if (!collect_assessments (store, a, argc, argv, ids))
    return GA_CLI_EXIT_INVALID;

  if (a->out != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (ids->len != 1)
        {
          ga_cli_print_problem ("export", _("--out takes one assessment; use --out-dir for "
                                            "several"));
          return GA_CLI_EXIT_USAGE;
        }
      if (!export_stored (store, a, g_array_index (ids, gint64, 0), a->out, &error))
        {
          ga_cli_print_problem ("export", error->message);
          return GA_CLI_EXIT_INVALID;
        }
      ga_cli_print_file_name (a->out);
      return GA_CLI_EXIT_OK;
    }

  if (g_mkdir_with_parents (a->out_dir, 0777) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("cannot create the folder: %s"),
                                                  g_strerror (errno));
      ga_cli_print_problem (a->out_dir, message);
      return GA_CLI_EXIT_INVALID;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaAssessment) assessment = NULL;
      g_autoptr(GaEnterprise) enterprise = NULL;
      g_autofree char *path = NULL;
      gint64 id = g_array_index (ids, gint64, i);

      assessment = ga_store_get_assessment (store, id, &error);
      if (assessment != NULL)
        enterprise = ga_store_get_enterprise (store, assessment->enterprise_id, &error);
      if (assessment == NULL || enterprise == NULL)
        {
          g_printerr ("[%u/%u] %s\n", i + 1, ids->len, error->message);
          n_failed++;
          continue;
        }
      path = batch_path (a, enterprise, assessment);
      if (export_stored (store, a, id, path, &error))
        {
          g_autofree char *shown = g_filename_display_name (path);

          g_printerr ("[%u/%u] %s → %s\n", i + 1, ids->len, enterprise->name, shown);
          g_print ("%s\n", shown);
        }
      else
        {
          g_printerr ("[%u/%u] %s: %s\n", i + 1, ids->len, enterprise->name, error->message);
          n_failed++;
        }
    }
  g_printerr (_("%u exported, %u failed\n"), ids->len - n_failed, n_failed);
  return n_failed == 0 ? GA_CLI_EXIT_OK : GA_CLI_EXIT_INVALID;
}

/* The options of the local summary tables: FALSE with *@status when they
 * are wrong. */
static gboolean
check_local_args (GOptionContext *context,
                  ExportArgs     *a,
                  int            *status)
{
  if ((a->apply_level != NULL || a->apply_year != 0) && !a->local_tables)
    *status = ga_cli_usage_error (context, _("--apply-level and --apply-year go with "
                                             "--local-tables"));
  else if (a->local_tables && (a->template_spec != NULL || a->answers != NULL))
    *status = ga_cli_usage_error (context, _("--local-tables needs an assessment in the "
                                             "database (the enterprise's projects and other "
                                             "years), not --template/--answers"));
  else if (a->apply_level != NULL && !ga_export_level_from_string (a->apply_level, &a->level))
    *status = ga_cli_usage_error (context, _("--apply-level must be national, provincial or "
                                             "municipal, not '%s'"), a->apply_level);
  else if (a->apply_year != 0 && (a->apply_year < 2000 || a->apply_year > 2100))
    *status = ga_cli_usage_error (context, _("--apply-year must be a year from 2000 to 2100, "
                                             "not %d"), a->apply_year);
  else
    return TRUE;
  return FALSE;
}

/* The options that give values (--lang, --date, --out's name,
 * --created): FALSE with *@status when one is wrong. */
static gboolean
check_value_args (GOptionContext *context,
                  ExportArgs     *a,
                  int            *status)
{
  if (a->lang != NULL && !g_str_equal (a->lang, "zh_CN") && !g_str_equal (a->lang, "en"))
    *status = ga_cli_usage_error (context, _("--lang must be zh_CN or en, not '%s'"), a->lang);
  else if (a->date != NULL
           && !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", a->date, 0, 0))
    *status = ga_cli_usage_error (context, _("--date must look like 2026-03-31, not '%s'"),
                                  a->date);
  else if (a->date != NULL && !valid_date (a->date))
    {
      /* Well formed but not a day of the calendar: invalid input. */
      g_printerr (_("%s: --date %s is not a day of the calendar (check the month and the "
                    "day; February has 28 days, 29 in leap years)\n"), g_get_prgname (),
                  a->date);
      *status = GA_CLI_EXIT_INVALID;
    }
  else if (a->out != NULL && !has_xlsx_name (a->out))
    {
      g_autofree char *suggested = xlsx_name_for (a->out);
      g_autofree char *shown = g_filename_display_name (a->out);
      g_autofree char *shown_suggested = g_filename_display_name (suggested);

      g_printerr (_("%s: --out %s: the workbook is an Excel file and its name must end in "
                    ".xlsx; use --out %s\n"), g_get_prgname (), shown, shown_suggested);
      *status = GA_CLI_EXIT_INVALID;
    }
  else if (a->created < 0)
    *status = ga_cli_usage_error (context, _("--created must be a positive number of seconds"));
  else
    return TRUE;
  return FALSE;
}

int
ga_cli_cmd_export (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  ExportArgs a = { 0 };
  int exit_code;
  int status;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &a.out,
      N_("Write the workbook to FILE"), N_("FILE.xlsx") },
    { "out-dir", 0, 0, G_OPTION_ARG_FILENAME, &a.out_dir,
      N_("Write one workbook per assessment into DIR (batch)"), N_("DIR") },
    { "enterprise", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &a.enterprises,
      N_("Export every assessment of this enterprise (id or credit code; repeatable)"), N_("ID") },
    { "template", 't', 0, G_OPTION_ARG_FILENAME, &a.template_spec,
      N_("Without a database: the template (file or bundled id)"), N_("TEMPLATE") },
    { "answers", 'a', 0, G_OPTION_ARG_FILENAME, &a.answers,
      N_("Without a database: the answers file"), N_("ANSWERS.json") },
    { "info", 0, 0, G_OPTION_ARG_FILENAME, &a.info,
      N_("Without a database: the enterprise's basic information (JSON)"), N_("INFO.json") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &a.db,
      N_("The database (default: the user's)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &a.force,
      N_("Replace existing files"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &a.lang,
      N_("Language of the workbook: zh_CN or en (default: the user's language from "
         "LANGUAGE/LC_ALL/LC_MESSAGES/LANG, zh* gives zh_CN, anything else en; bureaus "
         "expect zh_CN)"), N_("LANG") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &a.date,
      N_("Report date shown in the workbook (default: today)"), N_("YYYY-MM-DD") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &a.period,
      N_("Assessment period shown in the workbook"), N_("TEXT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &a.name,
      N_("Assessment name shown in the workbook"), N_("TEXT") },
    { "created", 0, 0, G_OPTION_ARG_INT64, &a.created,
      N_("Creation time stored in the file, in Unix seconds (reproducible output; "
         "SOURCE_DATE_EPOCH works too)"), N_("SECONDS") },
    { "local-tables", 0, 0, G_OPTION_ARG_NONE, &a.local_tables,
      N_("Add the local summary tables 附件2 (plan), 附件3 (indicators) and 附件4 (retrofit "
         "projects)"), NULL },
    { "apply-level", 0, 0, G_OPTION_ARG_STRING, &a.apply_level,
      N_("With --local-tables: the level applied for, national, provincial or municipal"),
      N_("LEVEL") },
    { "apply-year", 0, 0, G_OPTION_ARG_INT, &a.apply_year,
      N_("With --local-tables: the year of the planned application"), N_("YEAR") },
    { NULL }
  };

  if (!ga_cli_parse_options (&argc, &argv, _("[ASSESSMENT…]"),
                             _("Write the submission workbook (.xlsx) of an assessment."),
                             _("Examples:\n"
                               "  greenassess-cli export 12 --out report.xlsx\n"
                               "  greenassess-cli export --enterprise 3 --enterprise 7 "
                               "--out-dir exports/\n"
                               "  greenassess-cli export --template gbt36132-2025 "
                               "--answers answers.json --out report.xlsx"),
                             entries, 0, &context, &exit_code))
    {
      export_args_clear (&a);
      return exit_code;
    }

  if (!check_local_args (context, &a, &status))
    {
      export_args_clear (&a);
      return status;
    }
  if (!check_value_args (context, &a, &status))
    {
      export_args_clear (&a);
      return status;
    }
  if (a.out != NULL && a.out_dir != NULL)
    status = ga_cli_usage_error (context, _("give either --out or --out-dir, not both"));
  else if (a.out == NULL && a.out_dir == NULL)
    status = ga_cli_usage_error (context, _("say where to write: --out FILE.xlsx or "
                                            "--out-dir DIR"));
  else if (a.template_spec != NULL || a.answers != NULL)
    {
      if (a.template_spec == NULL || a.answers == NULL)
        status = ga_cli_usage_error (context, _("--template and --answers go together"));
      else if (a.out == NULL)
        status = ga_cli_usage_error (context, _("--template/--answers write one file: "
                                                "use --out"));
      else if (argc > 1 || a.enterprises != NULL)
        status = ga_cli_usage_error (context, _("--template/--answers take no assessment or "
                                                "--enterprise"));
      else
        status = export_from_files (&a);
    }
  else if (argc < 2 && a.enterprises == NULL)
    status = ga_cli_usage_error (context, _("name an assessment, or --enterprise for a batch, "
                                            "or --template with --answers"));
  else if (a.enterprises != NULL && a.out_dir == NULL)
    status = ga_cli_usage_error (context, _("--enterprise exports a batch: use --out-dir"));
  else
    status = export_from_store (&a, argc, argv);

  export_args_clear (&a);
  return status;
}
