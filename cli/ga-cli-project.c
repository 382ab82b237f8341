/* ga-cli-project.c: greenassess-cli project, the register of an
 * enterprise's green-retrofit projects (绿色化改造项目)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store checks every field (ga_project_validate()); this file turns
 * options into a GaProject and prints what the store keeps.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ga-answer.h"
#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-format.h"

typedef struct {
  char *name, *type, *content, *investment, *start, *end;
  char *energy, *co2, *water, *progress, *note;
} ProjectArgs;

static void
project_args_clear (ProjectArgs *a)
{
  g_free (a->name);
  g_free (a->type);
  g_free (a->content);
  g_free (a->investment);
  g_free (a->start);
  g_free (a->end);
  g_free (a->energy);
  g_free (a->co2);
  g_free (a->water);
  g_free (a->progress);
  g_free (a->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProjectArgs, project_args_clear)

#define PROJECT_ENTRIES(a) \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(a).name, N_("Project name (项目名称)"), N_("NAME") }, \
  { "type", 0, 0, G_OPTION_ARG_STRING, &(a).type, \
    N_("Type: energy (节能), water (节水), pollution (减污), carbon (降碳) or digital (数字化)"), \
    N_("TYPE") }, \
  { "content", 0, 0, G_OPTION_ARG_STRING, &(a).content, N_("What is built (建设内容)"), \
    N_("TEXT") }, \
  { "investment", 0, 0, G_OPTION_ARG_STRING, &(a).investment, \
    N_("Total investment (总投资), 万元"), N_("NUMBER") }, \
  { "start", 0, 0, G_OPTION_ARG_STRING, &(a).start, N_("Start, a month or a date"), \
    N_("YYYY-MM") }, \
  { "end", 0, 0, G_OPTION_ARG_STRING, &(a).end, N_("End, a month or a date"), N_("YYYY-MM") }, \
  { "energy-saving", 0, 0, G_OPTION_ARG_STRING, &(a).energy, \
    N_("Expected energy saving a year, tce"), N_("NUMBER") }, \
  { "co2-cut", 0, 0, G_OPTION_ARG_STRING, &(a).co2, N_("Expected CO2 cut a year, t"), \
    N_("NUMBER") }, \
  { "water-saving", 0, 0, G_OPTION_ARG_STRING, &(a).water, \
    N_("Expected water saving a year, m³"), N_("NUMBER") }, \
  { "progress", 0, 0, G_OPTION_ARG_STRING, &(a).progress, \
    N_("planned (计划), in-progress (在建) or done (已完成)"), N_("STATE") }, \
  { "note", 0, 0, G_OPTION_ARG_STRING, &(a).note, N_("Note (备注)"), N_("TEXT") }, \
  GA_CLI_DB_ENTRY

/* A text option: given empty it clears the field. */
static void
replace (char       **field,
         const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = *value != '\0' ? g_strdup (value) : NULL;
}

/* A number option: empty clears it; anything but a decimal is a problem
 * naming the option and an example. */
static void
parse_figure (const char *option,
              const char *text,
              const char *example,
              double     *out,
              GPtrArray  *problems)
{
  double v;

  if (text == NULL)
    return;
  if (*text == '\0')
    {
      *out = NAN;
      return;
    }
  v = ga_answer_is_decimal (text) ? g_ascii_strtod (text, NULL) : NAN;
  if (!isfinite (v))
    g_ptr_array_add (problems, g_strdup_printf (_("%s: '%s' is not a number; write it like "
                                                  "%s %s"), option, text, option, example));
  else
    *out = v;
}

/* The options given, onto @p; the type and the progress may be given by
 * their labels and are stored by their keys. */
static void
apply_args (const ProjectArgs *a,
            GaProject         *p,
            GPtrArray         *problems)
{
  replace (&p->name, a->name);
  replace (&p->content, a->content);
  replace (&p->start_on, a->start);
  replace (&p->end_on, a->end);
  replace (&p->note, a->note);
  if (a->type != NULL)
    {
      const GaProjectType *type = ga_project_find_type (a->type);

      g_free (p->type);
      /* An unknown type is left for the store, whose message lists them. */
      p->type = g_strdup (type != NULL ? type->id : a->type);
    }
  if (a->progress != NULL && !ga_project_progress_from_string (a->progress, &p->progress))
    g_ptr_array_add (problems, g_strdup_printf (_("--progress: '%s' is not planned, "
                                                  "in-progress or done"), a->progress));
  parse_figure ("--investment", a->investment, "320.5", &p->investment, problems);
  parse_figure ("--energy-saving", a->energy, "850", &p->energy_saving, problems);
  parse_figure ("--co2-cut", a->co2, "2210", &p->co2_cut, problems);
  parse_figure ("--water-saving", a->water, "12000", &p->water_saving, problems);
}

/* The option problems and the store's, all at once; FALSE when there
 * were any (they are printed). */
static gboolean
check_project (const char *what,
               GaProject  *p,
               GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;

  if (!ga_project_validate (p, &error))
    g_ptr_array_add (problems, g_strdup (error->message));
  for (guint i = 0; i < problems->len; i++)
    ga_cli_print_problem (what, g_ptr_array_index (problems, i));
  return problems->len == 0;
}

static gint64
parse_project_id (const char *text)
{
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("greenassess-cli project: '%s' is not a project number; 'greenassess-cli "
                    "project list ENTERPRISE' shows them\n"), text);
      return 0;
    }
  return (gint64) id;
}

static int
project_add (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GaProject) p = ga_project_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(ProjectArgs) a = { NULL };
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { PROJECT_ENTRIES (a), { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ENTERPRISE"),
                               _("Adds a green-retrofit project to an enterprise's register "
                                 "(ENTERPRISE: its id or credit code). --name and --type are "
                                 "required; the progress is planned unless given."),
                               entries, 1, _("missing ENTERPRISE"), &context, &exit_code))
    return exit_code;
  if (a.name == NULL || a.type == NULL)
    return ga_cli_usage_error (context, _("--name and --type are required"));
  apply_args (&a, p, problems);
  if (!check_project ("project add", p, problems))
    return GA_CLI_EXIT_INVALID;
  store = ga_cli_open_store (FALSE);
  if (store == NULL || (e = ga_cli_resolve_enterprise (store, argv[1])) == NULL)
    return GA_CLI_EXIT_INVALID;
  p->enterprise_id = e->id;
  id = ga_store_add_project (store, p, &error);
  if (id == 0)
    return ga_cli_fail ("project add", error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return GA_CLI_EXIT_OK;
}

static int
project_set (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaProject) p = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(ProjectArgs) a = { NULL };
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { PROJECT_ENTRIES (a), { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("PROJECT"),
                               _("Changes the given fields of a project (PROJECT: its number in "
                                 "'project list'); an empty value clears a field."),
                               entries, 1, _("missing PROJECT"), &context, &exit_code))
    return exit_code;
  if ((id = parse_project_id (argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  p = ga_store_get_project (store, id, &error);
  if (p == NULL)
    return ga_cli_fail (argv[1], error);
  apply_args (&a, p, problems);
  if (!check_project (argv[1], p, problems))
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_update_project (store, p, &error))
    return ga_cli_fail (argv[1], error);
  return GA_CLI_EXIT_OK;
}

static int
project_remove (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaProject) p = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("PROJECT"),
                               _("Removes a project from its enterprise's register."),
                               entries, 1, _("missing PROJECT"), &context, &exit_code))
    return exit_code;
  if ((id = parse_project_id (argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  p = ga_store_get_project (store, id, &error);
  if (p == NULL || !ga_store_delete_project (store, id, &error))
    return ga_cli_fail (argv[1], error);
  g_print (_("%s: removed project “%s”\n"), argv[1], p->name);
  return GA_CLI_EXIT_OK;
}

/* "320.5", or "-" when not given. */
static char *
figure (double value)
{
  return isnan (value) ? g_strdup ("-") : ga_format_number_plain (value, 2);
}

static char **
project_row (const GaProject *p,
             gboolean         english)
{
  const GaProjectType *type = ga_project_find_type (p->type);
  char **row = g_new0 (char *, 10);

  row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);
  row[1] = g_strdup (p->name);
  row[2] = g_strdup (type == NULL ? p->type : english ? type->label_en : type->label_zh);
  row[3] = figure (p->investment);
  row[4] = g_strdup_printf ("%s – %s", ga_cli_or_dash (p->start_on), ga_cli_or_dash (p->end_on));
  row[5] = figure (p->energy_saving);
  row[6] = figure (p->co2_cut);
  row[7] = figure (p->water_saving);
  row[8] = g_strdup (ga_project_progress_label (p->progress, english ? "en" : "zh_CN"));
  return row;
}

static int
project_list (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  gboolean english = !g_str_has_prefix (ga_format_language (), "zh");
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ENTERPRISE"),
                               _("Lists the green-retrofit projects of an enterprise (its id or "
                                 "credit code)."),
                               entries, 1, _("missing ENTERPRISE"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_store (FALSE);
  if (store == NULL || (e = ga_cli_resolve_enterprise (store, argv[1])) == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_projects (store, e->id, &error);
  if (list == NULL)
    return ga_cli_fail ("project list", error);
  if (list->len == 0)
    {
      g_print (_("%s has no projects; add one with 'greenassess-cli project add %s --name NAME "
                 "--type TYPE'\n"), e->name, argv[1]);
      return GA_CLI_EXIT_OK;
    }
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
                                      _("ID"), _("NAME"), _("TYPE"), _("INVESTMENT (万元)"),
                                      _("PERIOD"), _("TCE/A"), _("TCO2/A"), _("M³/A"),
                                      _("PROGRESS"), NULL }));
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (rows, project_row (g_ptr_array_index (list, i), english));
  ga_cli_print_table (rows, 9);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_project (int    argc,
                    char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "list", "ENTERPRISE", project_list },
    { "add", "ENTERPRISE --name NAME --type TYPE [--investment 万元] […]", project_add },
    { "set", "PROJECT [--progress done] […]", project_set },
    { "remove", "PROJECT", project_remove },
  };

  return ga_cli_dispatch ("project", subs, G_N_ELEMENTS (subs), argc, argv);
}
