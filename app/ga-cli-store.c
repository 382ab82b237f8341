/* ga-cli-store.c: greenassess-cli commands on the database (db, enterprise,
 * assessment, answer, evidence, package)
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
#include "ga-store-engine.h"

typedef int (*SubHandler) (int argc, char **argv);

typedef struct {
  const char *name;
  const char *usage;     /* arguments and main options, for the overview */
  SubHandler  handler;
} SubCommand;

/* Runs argv[1] from @subs with argv shifted so that the sub-command's own
 * option parser sees "SUB ARGS…". */
static int
dispatch (const char       *command,
          const SubCommand *subs,
          guint             n_subs,
          int               argc,
          char            **argv)
{
  gboolean help = argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0);

  if (argc >= 2 && !help)
    for (guint i = 0; i < n_subs; i++)
      if (strcmp (argv[1], subs[i].name) == 0)
        {
          /* Messages and help then say "greenassess-cli answer set". */
          g_autofree char *prgname = g_strdup_printf ("greenassess-cli %s %s", command,
                                                      subs[i].name);
          g_set_prgname (prgname);
          return subs[i].handler (argc - 1, argv + 1);
        }

  if (argc >= 2 && !help)
    g_printerr (_("%s: unknown sub-command '%s'\n\n"), command, argv[1]);
  else if (!help)
    g_printerr (_("%s: a sub-command is needed\n\n"), command);

  {
    FILE *out = help ? stdout : stderr;

    fprintf (out, _("Usage:\n"));
    for (guint i = 0; i < n_subs; i++)
      fprintf (out, "  greenassess-cli %s %s %s\n", command, subs[i].name, subs[i].usage);
    fprintf (out, "\n%s\n", _("Every sub-command takes --db FILE (default: the user's data folder) "
                              "and --help."));
  }
  return help ? GA_CLI_EXIT_OK : GA_CLI_EXIT_USAGE;
}

/* ------------------------------------------------------------------ */
/* Shared helpers                                                      */

static char *db_option;

#define DB_ENTRY \
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, \
    N_("The database file (default: the user's data folder)"), N_("FILE") }

static int
fail (const char   *where,
      const GError *error)
{
  ga_cli_print_problem (where, error->message);
  return GA_CLI_EXIT_INVALID;
}

/* Opens the database. Only `db init` creates one; the other commands
 * refuse a missing file rather than start an empty database because of a
 * typing mistake in --db. */
static GaStore *
open_store (gboolean create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_option != NULL ? g_strdup (db_option) : ga_store_get_default_path ();
  GaStore *store;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      ga_cli_print_problem (path, _("there is no database here; create one with "
                                    "'greenassess-cli db init' or give one with --db"));
      return NULL;
    }
  store = ga_store_open (path, &error);
  if (store == NULL)
    {
      ga_cli_print_problem (path, error->message);
      return NULL;
    }
  if (ga_store_get_migration_backup (store) != NULL)
    g_printerr (_("%s: migrated to schema version %d; the previous file was kept as %s\n"),
                path, ga_store_get_schema_version (store), ga_store_get_migration_backup (store));
  return store;
}

static gint64
resolve_assessment (GaStore    *store,
                    const char *ref)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ga_store_resolve_assessment (store, ref, &error);

  if (id == 0)
    ga_cli_print_problem (ref, error->message);
  return id;
}

/* An enterprise by id or by credit code. */
static GaEnterprise *
resolve_enterprise (GaStore    *store,
                    const char *ref)
{
  g_autoptr(GError) error = NULL;
  GaEnterprise *e = NULL;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (ref, &end, 10);

  if (end != NULL && *end == '\0' && id > 0 && strlen (ref) < GA_CREDIT_CODE_LENGTH)
    e = ga_store_get_enterprise (store, id, &error);
  else
    {
      e = ga_store_find_enterprise (store, ref, &error);
      if (e == NULL && error == NULL)
        g_set_error (&error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                     _("no enterprise has this id or credit code; "
                       "'greenassess-cli enterprise list' shows them"));
    }
  if (e == NULL)
    ga_cli_print_problem (ref, error->message);
  return e;
}

static gboolean
parse_number (const char  *option,
              const char  *text,
              double      *out,
              GError     **error)
{
  char *end = NULL;
  double v;

  if (text == NULL)
    return TRUE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: '%s' is not a number"), option, text);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

/* Wrong number of arguments: name what is missing or the first extra one. */
static int
arg_count_error (GOptionContext  *context,
                 int              argc,
                 int              want,
                 char           **argv,
                 const char      *missing)
{
  if (argc < want)
    return ga_cli_usage_error (context, "%s", missing);
  return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[want]);
}

static const char *
or_dash (const char *s)
{
  return s != NULL && *s != '\0' ? s : "-";
}

static void
print_table (GPtrArray *rows,
             guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], ga_cli_display_width (row[c]));
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c + 1 < n_columns)
            {
              ga_cli_append_padded (out, row[c], widths[c]);
              g_string_append (out, "  ");
            }
          else
            g_string_append (out, row[c]);
        }
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);
}

/* ------------------------------------------------------------------ */
/* db                                                                  */

static int
db_init (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, NULL,
                             _("Creates the database, or migrates an older one to this version "
                               "(after keeping a copy of it)."), NULL, entries, &context,
                             &exit_code))
    return exit_code;
  if (argc > 1)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[1]);

  store = open_store (TRUE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  g_print (_("%s: ready (schema version %d)\n"), ga_store_get_path (store),
           ga_store_get_schema_version (store));
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
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, NULL,
                             _("Checks the database: SQLite's integrity check, the references "
                               "between tables, and the SHA-256 of every evidence file and "
                               "template copy."), NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc > 1)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[1]);

  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_check (store, problems, &error))
    return fail (ga_store_get_path (store), error);
  for (guint i = 0; i < problems->len; i++)
    ga_cli_print_problem (ga_store_get_path (store), g_ptr_array_index (problems, i));
  if (problems->len > 0)
    {
      g_printerr (_("%s: %u problems; restore a backup ('greenassess-cli db backup' makes "
                    "one)\n"), ga_store_get_path (store), problems->len);
      return GA_CLI_EXIT_INVALID;
    }
  g_print (_("%s: ok\n"), ga_store_get_path (store));
  return GA_CLI_EXIT_OK;
}

static int
db_backup (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, _("DEST"),
                             _("Writes a consistent copy of the whole database to DEST, even "
                               "while the application is using it."), NULL, entries, &context,
                             &exit_code))
    return exit_code;
  if (argc < 2)
    return ga_cli_usage_error (context, _("missing DEST"));
  if (argc > 2)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[2]);

  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_backup (store, argv[1], &error))
    return fail (argv[1], error);
  g_print ("%s\n", argv[1]);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_db (int    argc,
               char **argv)
{
  static const SubCommand subs[] = {
    { "init", "", db_init },
    { "check", "", db_check },
    { "backup", "DEST", db_backup },
  };

  return dispatch ("db", subs, G_N_ELEMENTS (subs), argc, argv);
}

/* ------------------------------------------------------------------ */
/* enterprise                                                          */

typedef struct {
  char *name, *code, *industry, *region, *address, *legal, *contact, *phone, *email;
  char *output, *added, *employees;
} EnterpriseArgs;

static void
enterprise_args_clear (EnterpriseArgs *a)
{
  g_free (a->name);
  g_free (a->code);
  g_free (a->industry);
  g_free (a->region);
  g_free (a->address);
  g_free (a->legal);
  g_free (a->contact);
  g_free (a->phone);
  g_free (a->email);
  g_free (a->output);
  g_free (a->added);
  g_free (a->employees);
}

#define ENTERPRISE_ENTRIES(a) \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(a).name, N_("Name (企业名称)"), N_("NAME") }, \
  { "code", 0, 0, G_OPTION_ARG_STRING, &(a).code, \
    N_("统一社会信用代码 (18 characters, checked)"), N_("CODE") }, \
  { "industry", 0, 0, G_OPTION_ARG_STRING, &(a).industry, \
    N_("GB/T 4754-2017 section or division (C, 34 or C34)"), N_("CODE") }, \
  { "region", 0, 0, G_OPTION_ARG_STRING, &(a).region, \
    N_("GB/T 2260 province code or name (default: from the credit code)"), N_("CODE") }, \
  { "address", 0, 0, G_OPTION_ARG_STRING, &(a).address, N_("Address"), N_("TEXT") }, \
  { "legal-representative", 0, 0, G_OPTION_ARG_STRING, &(a).legal, \
    N_("Legal representative (法定代表人)"), N_("NAME") }, \
  { "contact", 0, 0, G_OPTION_ARG_STRING, &(a).contact, N_("Contact person"), N_("NAME") }, \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(a).phone, N_("Contact phone"), N_("PHONE") }, \
  { "email", 0, 0, G_OPTION_ARG_STRING, &(a).email, N_("Contact e-mail"), N_("EMAIL") }, \
  { "output-value", 0, 0, G_OPTION_ARG_STRING, &(a).output, \
    N_("Industrial output value (工业总产值), 万元"), N_("NUMBER") }, \
  { "value-added", 0, 0, G_OPTION_ARG_STRING, &(a).added, \
    N_("Industrial value added (工业增加值), 万元"), N_("NUMBER") }, \
  { "employees", 0, 0, G_OPTION_ARG_STRING, &(a).employees, N_("Number of employees"), \
    N_("NUMBER") }, \
  DB_ENTRY

static void
replace (char       **field,
         const char  *value)
{
  if (value != NULL)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Copies the options that were given onto @e. */
static gboolean
apply_enterprise_args (const EnterpriseArgs  *a,
                       GaEnterprise          *e,
                       GError               **error)
{
  double employees = e->employees;

  replace (&e->name, a->name);
  replace (&e->credit_code, a->code);
  replace (&e->industry, a->industry);
  replace (&e->region, a->region);
  replace (&e->address, a->address);
  replace (&e->legal_representative, a->legal);
  replace (&e->contact_name, a->contact);
  replace (&e->contact_phone, a->phone);
  replace (&e->contact_email, a->email);
  if (!parse_number ("--output-value", a->output, &e->output_value, error)
      || !parse_number ("--value-added", a->added, &e->value_added, error)
      || !parse_number ("--employees", a->employees, &employees, error))
    return FALSE;
  if (employees != floor (employees))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--employees: '%s' is not a whole number"), a->employees);
      return FALSE;
    }
  e->employees = (gint64) employees;
  return TRUE;
}

static int
enterprise_add (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GError) error = NULL;
  EnterpriseArgs a = { NULL };
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { ENTERPRISE_ENTRIES (a), { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, NULL,
                             _("Adds an enterprise. --name and --code are required; the credit "
                               "code is checked with its check character."), NULL, entries,
                             &context, &exit_code))
    {
      enterprise_args_clear (&a);
      return exit_code;
    }
  if (argc > 1 || a.name == NULL || a.code == NULL)
    {
      exit_code = argc > 1 ? ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[1])
                           : ga_cli_usage_error (context, _("--name and --code are required"));
      enterprise_args_clear (&a);
      return exit_code;
    }
  if (!apply_enterprise_args (&a, e, &error))
    {
      enterprise_args_clear (&a);
      return ga_cli_usage_error (context, "%s", error->message);
    }
  enterprise_args_clear (&a);

  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  id = ga_store_add_enterprise (store, e, &error);
  if (id == 0)
    return fail ("enterprise add", error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return GA_CLI_EXIT_OK;
}

static int
enterprise_edit (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GError) error = NULL;
  EnterpriseArgs a = { NULL };
  int exit_code;
  const GOptionEntry entries[] = { ENTERPRISE_ENTRIES (a), { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, _("ID|CODE"),
                             _("Changes the given fields of an enterprise."), NULL, entries,
                             &context, &exit_code))
    {
      enterprise_args_clear (&a);
      return exit_code;
    }
  if (argc != 2)
    {
      exit_code = arg_count_error (context, argc, 2, argv, _("missing ID|CODE"));
      enterprise_args_clear (&a);
      return exit_code;
    }
  store = open_store (FALSE);
  if (store == NULL || (e = resolve_enterprise (store, argv[1])) == NULL)
    {
      enterprise_args_clear (&a);
      return GA_CLI_EXIT_INVALID;
    }
  if (!apply_enterprise_args (&a, e, &error))
    {
      enterprise_args_clear (&a);
      return ga_cli_usage_error (context, "%s", error->message);
    }
  enterprise_args_clear (&a);
  if (!ga_store_update_enterprise (store, e, &error))
    return fail (argv[1], error);
  return GA_CLI_EXIT_OK;
}

static int
enterprise_list (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, NULL,
                             _("Lists the enterprises with their latest assessment."), NULL,
                             entries, &context, &exit_code))
    return exit_code;
  if (argc > 1)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[1]);
  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_enterprises (store, &error);
  if (list == NULL)
    return fail ("enterprise list", error);

  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { _("ID"), _("CREDIT CODE"), _("NAME"),
                                                 _("INDUSTRY"), _("REGION"), _("ASSESSMENTS"),
                                                 _("LATEST"), NULL }));
  for (guint i = 0; i < list->len; i++)
    {
      GaEnterpriseSummary *s = g_ptr_array_index (list, i);
      const GaRegion *region = ga_region_lookup (s->enterprise->region);
      char **row = g_new0 (char *, 8);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, s->enterprise->id);
      row[1] = g_strdup (s->enterprise->credit_code);
      row[2] = g_strdup (s->enterprise->name);
      row[3] = g_strdup (or_dash (s->enterprise->industry));
      row[4] = g_strdup (region != NULL ? region->name : "-");
      row[5] = g_strdup_printf ("%u", s->n_assessments);
      row[6] = s->latest != NULL
               ? g_strdup_printf ("%" G_GINT64_FORMAT " %s (%s)", s->latest->id, s->latest->title,
                                  ga_assessment_status_to_string (s->latest->status))
               : g_strdup ("-");
      g_ptr_array_add (rows, row);
    }
  print_table (rows, 7);
  return GA_CLI_EXIT_OK;
}

static int
enterprise_show (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  const GaIndustry *industry;
  const GaRegion *region;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, _("ID|CODE"), _("Shows one enterprise."), NULL,
                             entries, &context, &exit_code))
    return exit_code;
  if (argc != 2)
    return arg_count_error (context, argc, 2, argv, _("missing ID|CODE"));
  store = open_store (FALSE);
  if (store == NULL || (e = resolve_enterprise (store, argv[1])) == NULL)
    return GA_CLI_EXIT_INVALID;

  industry = ga_industry_lookup (e->industry);
  region = ga_region_lookup (e->region);
  g_print ("%s: %" G_GINT64_FORMAT "\n", _("Id"), e->id);
  g_print ("%s: %s%s\n", _("Name"), e->name, e->demo ? _(" (demo data)") : "");
  g_print ("%s: %s\n", _("Credit code"), e->credit_code);
  g_print ("%s: %s %s\n", _("Industry"), or_dash (e->industry),
           industry != NULL ? industry->name : "");
  g_print ("%s: %s %s\n", _("Region"), or_dash (e->region), region != NULL ? region->name : "");
  g_print ("%s: %s\n", _("Address"), or_dash (e->address));
  g_print ("%s: %s\n", _("Legal representative"), or_dash (e->legal_representative));
  g_print ("%s: %s / %s / %s\n", _("Contact"), or_dash (e->contact_name),
           or_dash (e->contact_phone), or_dash (e->contact_email));
  {
    g_autofree char *output = ga_cli_format_number (e->output_value);
    g_autofree char *added = ga_cli_format_number (e->value_added);

    g_print ("%s: %s 万元\n", _("Output value"), output);
    g_print ("%s: %s 万元\n", _("Value added"), added);
  }
  if (e->employees >= 0)
    g_print ("%s: %" G_GINT64_FORMAT "\n", _("Employees"), e->employees);
  else
    g_print ("%s: -\n", _("Employees"));
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_enterprise (int    argc,
                       char **argv)
{
  static const SubCommand subs[] = {
    { "add", "--name NAME --code CODE [--industry C34] [--region 350000] […]", enterprise_add },
    { "list", "", enterprise_list },
    { "show", "ID|CODE", enterprise_show },
    { "edit", "ID|CODE [--name NAME] […]", enterprise_edit },
  };

  return dispatch ("enterprise", subs, G_N_ELEMENTS (subs), argc, argv);
}

/* ------------------------------------------------------------------ */
/* assessment                                                          */

/* The template for a new assessment: an imported one (latest or
 * @version), else a bundled one, else a file, which is then imported (and
 * validated) so that it stays available. */
static GaTemplate *
find_template (GaStore     *store,
               const char  *spec,
               const char  *version,
               GError     **error)
{
  g_autoptr(GPtrArray) versions = ga_store_list_template_versions (store, spec, NULL);
  g_auto(GStrv) bundled = ga_template_list_bundled ();

  if (versions != NULL && versions->len > 0)
    return ga_store_load_imported_template (store, spec, version, error);

  if (bundled != NULL && g_strv_contains ((const char *const *) bundled, spec))
    {
      GaTemplate *tmpl = ga_template_new_from_resource (spec, error);

      if (tmpl != NULL && version != NULL && strcmp (version, ga_template_get_version (tmpl)) != 0)
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                       _("the bundled template %s is version %s, not %s"), spec,
                       ga_template_get_version (tmpl), version);
          ga_template_unref (tmpl);
          return NULL;
        }
      return tmpl;
    }

  if (g_file_test (spec, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (spec, &data, &len, error))
        return NULL;
      return ga_store_import_template (store, data, len, spec, error);
    }

  g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
               _("no imported or bundled template has this id, and there is no such file; "
                 "'greenassess-cli templates' lists the bundled ones"));
  return NULL;
}

static int
assessment_new (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *enterprise = NULL;
  g_autofree char *template = NULL;
  g_autofree char *version = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  int year = 0;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "enterprise", 0, 0, G_OPTION_ARG_STRING, &enterprise,
      N_("The enterprise (id or credit code)"), N_("ID|CODE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template,
      N_("An imported or bundled template id, or a template file (imported first)"),
      N_("ID|FILE") },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version,
      N_("An imported template's version (default: the latest)"), N_("VERSION") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title (default: template title and year)"),
      N_("TEXT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year assessed"), N_("YEAR") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("Period (free text, e.g. 2025H1)"),
      N_("TEXT") },
    DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_options (&argc, &argv, NULL,
                             _("Starts an assessment of an enterprise. It keeps a copy of the "
                               "template, so later template versions never change its score."),
                             NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc > 1)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[1]);
  if (enterprise == NULL || template == NULL)
    return ga_cli_usage_error (context, _("--enterprise and --template are required"));

  store = open_store (FALSE);
  if (store == NULL || (e = resolve_enterprise (store, enterprise)) == NULL)
    return GA_CLI_EXIT_INVALID;
  tmpl = find_template (store, template, version, &error);
  if (tmpl == NULL)
    return fail (template, error);
  id = ga_store_new_assessment (store, e->id, tmpl, title, year, period, &error);
  if (id == 0)
    return fail ("assessment new", error);
  a = ga_store_get_assessment (store, id, &error);
  if (a == NULL)
    return fail ("assessment new", error);
  g_print ("%" G_GINT64_FORMAT " %s\n", id, a->uuid);
  return GA_CLI_EXIT_OK;
}

static int
assessment_list (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autofree char *enterprise = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "enterprise", 0, 0, G_OPTION_ARG_STRING, &enterprise,
      N_("Only this enterprise's assessments"), N_("ID|CODE") },
    DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_options (&argc, &argv, NULL, _("Lists assessments, most recent first."),
                             NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc > 1)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[1]);
  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (enterprise != NULL && (e = resolve_enterprise (store, enterprise)) == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_assessments (store, e != NULL ? e->id : 0, &error);
  if (list == NULL)
    return fail ("assessment list", error);

  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { _("ID"), _("UUID"), _("ENTERPRISE"),
                                                 _("TEMPLATE"), _("STATUS"), _("ANSWERS"),
                                                 _("UPDATED"), _("TITLE"), NULL }));
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);
      char **row = g_new0 (char *, 9);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      row[1] = g_strndup (a->uuid, 8);
      row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, a->enterprise_id);
      row[3] = g_strdup_printf ("%s %s", a->template_id, a->template_version);
      row[4] = g_strdup (ga_assessment_status_to_string (a->status));
      row[5] = g_strdup_printf ("%u", a->n_answers);
      row[6] = g_strndup (a->updated_at, 16);
      row[7] = g_strdup (a->title);
      g_ptr_array_add (rows, row);
    }
  print_table (rows, 8);
  return GA_CLI_EXIT_OK;
}

/* Parses "A" for the sub-commands that take exactly one assessment. */
static gboolean
one_assessment (int               argc,
                char            **argv,
                const char       *summary,
                const GOptionEntry *extra,
                GOptionContext  **context,
                int              *exit_code)
{
  if (!ga_cli_parse_options (&argc, &argv, _("ASSESSMENT"), summary, NULL, extra, context,
                             exit_code))
    return FALSE;
  if (argc != 2)
    {
      *exit_code = arg_count_error (*context, argc, 2, argv, _("missing ASSESSMENT"));
      return FALSE;
    }
  return TRUE;
}

static int
assessment_show (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GList) keys = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!one_assessment (argc, argv, _("Shows an assessment with its answers and evidence."),
                       entries, &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  if ((a = ga_store_get_assessment (store, id, &error)) == NULL
      || (e = ga_store_get_enterprise (store, a->enterprise_id, &error)) == NULL
      || (answers = ga_store_load_answers (store, id, &error)) == NULL
      || (evidence = ga_store_list_evidence (store, id, NULL, &error)) == NULL)
    return fail (argv[1], error);

  g_print ("%s: %" G_GINT64_FORMAT " (%s)\n", _("Assessment"), a->id, a->uuid);
  g_print ("%s: %s\n", _("Title"), a->title);
  g_print ("%s: %s (%s)\n", _("Enterprise"), e->name, e->credit_code);
  g_print ("%s: %s %s (%s %.12s…)\n", _("Template"), a->template_id, a->template_version,
           a->kind, a->template_hash);
  if (a->year > 0)
    g_print ("%s: %d%s%s\n", _("Year"), a->year, a->period != NULL ? " / " : "",
             a->period != NULL ? a->period : "");
  g_print ("%s: %s", _("Status"), ga_assessment_status_to_string (a->status));
  if (a->finalized_at != NULL)
    g_print (_(" (since %s, %s)"), a->finalized_at, or_dash (a->finalized_by));
  g_print ("\n%s: %s / %s\n", _("Created / updated"), a->created_at, a->updated_at);
  g_print ("%s: %s, %s: %s\n", _("Undo"), ga_store_can_undo (store, id) ? _("yes") : _("no"),
           _("redo"), ga_store_can_redo (store, id) ? _("yes") : _("no"));

  g_print ("\n%s (%u)\n", _("Answers"), g_hash_table_size (answers));
  keys = g_list_sort (g_hash_table_get_keys (answers), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    g_print ("  %s = %s\n", (char *) l->data, (char *) g_hash_table_lookup (answers, l->data));

  g_print ("\n%s (%u)\n", _("Evidence"), evidence->len);
  for (guint i = 0; i < evidence->len; i++)
    {
      GaEvidence *ev = g_ptr_array_index (evidence, i);
      g_autofree char *size = g_format_size (ev->size);

      g_print ("  %" G_GINT64_FORMAT "  %s  %s  %s  %s\n", ev->id, ev->item_id, ev->name,
               ev->mime_type, size);
    }
  return GA_CLI_EXIT_OK;
}

static int
assessment_evaluate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *explain = NULL;
  GaTemplate *tmpl;
  const GaSummary *s;
  gboolean json = FALSE;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the engine's results as JSON"), NULL },
    DB_ENTRY,
    { NULL }
  };

  if (!one_assessment (argc, argv,
                       _("Scores an assessment with the template copy it is pinned to."),
                       entries, &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  engine = ga_store_load_engine (store, id, &error);
  if (engine == NULL)
    return fail (argv[1], error);

  if (json)
    {
      g_autoptr(JsonNode) results = ga_engine_results_to_json (engine);
      g_autofree char *text = json_to_string (results, TRUE);

      g_print ("%s\n", text);
      return GA_CLI_EXIT_OK;
    }

  tmpl = ga_engine_get_template (engine);
  s = ga_engine_get_summary (engine);
  g_print ("%s: %s %s\n", _("Template"), ga_template_get_id (tmpl), ga_template_get_version (tmpl));
  g_print ("%s: %u / %u\n", _("Answered"), s->answered, s->total);
  if (ga_template_get_scheme (tmpl) == GA_SCHEME_POINTS)
    {
      g_autofree char *score = ga_cli_format_number (s->score);
      g_autofree char *max = ga_cli_format_number (s->max);

      g_print ("%s: %s / %s\n", _("Score"), score, max);
      if (s->grade != NULL)
        g_print ("%s: %s\n", _("Grade"), s->grade->id);
    }
  g_print ("%s: %s\n", _("Veto"), ga_veto_status_to_string (s->veto));
  explain = ga_engine_explain_summary (engine);
  if (explain != NULL && *explain != '\0')
    g_print ("\n%s\n", explain);
  return GA_CLI_EXIT_OK;
}

static int
assessment_simple (int                argc,
                   char             **argv,
                   const char        *summary,
                   int                what)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  gint64 id;
  int exit_code;
  gboolean ok = FALSE;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!one_assessment (argc, argv, summary, entries, &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;

  switch (what)
    {
    case 0:
      ok = ga_store_set_assessment_status (store, id, GA_ASSESSMENT_FINAL, &error);
      break;
    case 1:
      ok = ga_store_set_assessment_status (store, id, GA_ASSESSMENT_DRAFT, &error);
      break;
    case 2:
      ok = ga_store_undo (store, id, &item, &error);
      break;
    case 3:
      ok = ga_store_redo (store, id, &item, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return fail (argv[1], error);
  if (item != NULL)
    {
      g_autofree char *value = ga_store_get_answer (store, id, item, NULL);
      g_print ("%s = %s\n", item, value != NULL ? value : _("(no answer)"));
    }
  return GA_CLI_EXIT_OK;
}

static int
assessment_finalize (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Makes an assessment final (read-only)."), 0);
}

static int
assessment_reopen (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Makes a final assessment a draft again."), 1);
}

static int
assessment_undo (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Undoes the last change of an answer."), 2);
}

static int
assessment_redo (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Redoes the last undone change."), 3);
}

static int
assessment_history (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!one_assessment (argc, argv, _("Lists every change of the answers, oldest first."),
                       entries, &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  history = ga_store_list_history (store, id, &error);
  if (history == NULL)
    return fail (argv[1], error);
  for (guint i = 0; i < history->len; i++)
    {
      GaHistoryEntry *h = g_ptr_array_index (history, i);

      g_print ("%s  %-4s  %s  %s: %s -> %s\n", h->at, ga_history_action_to_string (h->action),
               or_dash (h->author), h->item_id, h->old_value != NULL ? h->old_value : "-",
               h->new_value != NULL ? h->new_value : "-");
    }
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_assessment (int    argc,
                       char **argv)
{
  static const SubCommand subs[] = {
    { "new", "--enterprise ID|CODE --template ID|FILE [--year YEAR] [--title TEXT]",
      assessment_new },
    { "list", "[--enterprise ID|CODE]", assessment_list },
    { "show", "ASSESSMENT", assessment_show },
    { "evaluate", "ASSESSMENT [--json]", assessment_evaluate },
    { "finalize", "ASSESSMENT", assessment_finalize },
    { "reopen", "ASSESSMENT", assessment_reopen },
    { "history", "ASSESSMENT", assessment_history },
    { "undo", "ASSESSMENT", assessment_undo },
    { "redo", "ASSESSMENT", assessment_redo },
  };

  return dispatch ("assessment", subs, G_N_ELEMENTS (subs), argc, argv);
}

/* ------------------------------------------------------------------ */
/* answer                                                              */

static int
answer_set (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *stored = NULL;
  GaItem *item;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note kept with the answer"), N_("TEXT") },
    DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_options (&argc, &argv, _("ASSESSMENT ITEM VALUE"),
                             _("Saves an answer. VALUE is read as the item expects it: a number, "
                               "yes/partial/no (符合/部分符合/不符合), an option id or label, "
                               "text, a date, or na:REASON for 不适用."), NULL, entries, &context,
                             &exit_code))
    return exit_code;
  if (argc != 4)
    return arg_count_error (context, argc, 4, argv, _("missing ASSESSMENT, ITEM or VALUE"));
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return fail (argv[1], error);
  item = ga_template_find_item (tmpl, argv[2]);
  if (item == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("the template %s %s has no item with this id"),
                                              ga_template_get_id (tmpl),
                                              ga_template_get_version (tmpl));
      ga_cli_print_problem (argv[2], msg);
      return GA_CLI_EXIT_INVALID;
    }
  answer = ga_answer_parse_text (argv[3], item, &error);
  if (answer == NULL)
    return fail (argv[2], error);
  if (note != NULL)
    {
      g_free (answer->note);
      answer->note = g_strdup (note);
    }
  if (!ga_store_set_answer (store, id, item, answer, &error))
    return fail (argv[2], error);
  stored = ga_store_get_answer (store, id, item->id, NULL);
  g_print ("%s = %s\n", item->id, stored != NULL ? stored : _("(no answer)"));
  return GA_CLI_EXIT_OK;
}

static int
answer_clear (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, _("ASSESSMENT ITEM"),
                             _("Removes an answer (recorded in the history; undo brings it back)."),
                             NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc != 3)
    return arg_count_error (context, argc, 3, argv, _("missing ASSESSMENT or ITEM"));
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_save_answer (store, id, argv[2], NULL, &error))
    return fail (argv[2], error);
  return GA_CLI_EXIT_OK;
}

static int
answer_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GList) keys = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!one_assessment (argc, argv, _("Prints the answers as ITEM = JSON, one per line."), entries,
                       &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  answers = ga_store_load_answers (store, id, &error);
  if (answers == NULL)
    return fail (argv[1], error);
  keys = g_list_sort (g_hash_table_get_keys (answers), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    g_print ("%s = %s\n", (char *) l->data, (char *) g_hash_table_lookup (answers, l->data));
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_answer (int    argc,
                   char **argv)
{
  static const SubCommand subs[] = {
    { "set", "ASSESSMENT ITEM VALUE [--note TEXT]", answer_set },
    { "clear", "ASSESSMENT ITEM", answer_clear },
    { "list", "ASSESSMENT", answer_list },
  };

  return dispatch ("answer", subs, G_N_ELEMENTS (subs), argc, argv);
}

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
  gint64 id, ev;
  int exit_code;
  const GOptionEntry entries[] = {
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size,
      N_("Largest file accepted, in bytes (default 52428800 = 50 MiB)"), N_("BYTES") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A caption for the file"), N_("TEXT") },
    DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_options (&argc, &argv, _("ASSESSMENT ITEM FILE"),
                             _("Attaches a file to an item as evidence. Identical files are "
                               "stored once."), NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc != 4)
    return arg_count_error (context, argc, 4, argv, _("missing ASSESSMENT, ITEM or FILE"));
  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (max_size != NULL)
    {
      char *end = NULL;
      guint64 limit = g_ascii_strtoull (max_size, &end, 10);

      if (end == max_size || *end != '\0' || limit == 0)
        return ga_cli_usage_error (context, _("--max-size: '%s' is not a number of bytes"),
                                   max_size);
      ga_store_set_evidence_limit (store, limit);
    }
  if ((id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return fail (argv[1], error);
  if (ga_template_find_item (tmpl, argv[2]) == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("the template %s %s has no item with this id"),
                                              ga_template_get_id (tmpl),
                                              ga_template_get_version (tmpl));
      ga_cli_print_problem (argv[2], msg);
      return GA_CLI_EXIT_INVALID;
    }
  file = g_file_new_for_commandline_arg (argv[3]);
  ev = ga_store_add_evidence (store, id, argv[2], file, &error);
  if (ev == 0)
    return fail (argv[3], error);
  if (note != NULL && !ga_store_set_evidence_note (store, ev, note, &error))
    return fail (argv[3], error);
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
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!one_assessment (argc, argv, _("Lists the evidence files of an assessment."), entries,
                       &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_evidence (store, id, NULL, &error);
  if (list == NULL)
    return fail (argv[1], error);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { _("ID"), _("ITEM"), _("NAME"), _("TYPE"),
                                                 _("SIZE"), _("SHA-256"), NULL }));
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
  print_table (rows, 6);
  return GA_CLI_EXIT_OK;
}

static int
evidence_extract (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, _("EVIDENCE-ID FILE"),
                             _("Writes an evidence file's bytes to FILE (after checking them "
                               "against their SHA-256)."), NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc != 3)
    return arg_count_error (context, argc, 3, argv, _("missing EVIDENCE-ID or FILE"));
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0)
    return ga_cli_usage_error (context, _("'%s' is not an evidence id ('evidence list' shows "
                                          "them)"), argv[1]);
  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  bytes = ga_store_get_evidence_bytes (store, id, &error);
  if (bytes == NULL)
    return fail (argv[1], error);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &error))
    return fail (argv[2], error);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_evidence (int    argc,
                     char **argv)
{
  static const SubCommand subs[] = {
    { "add", "ASSESSMENT ITEM FILE [--max-size BYTES] [--note TEXT]", evidence_add },
    { "list", "ASSESSMENT", evidence_list },
    { "extract", "EVIDENCE-ID FILE", evidence_extract },
  };

  return dispatch ("evidence", subs, G_N_ELEMENTS (subs), argc, argv);
}

/* ------------------------------------------------------------------ */
/* package                                                             */

static int
package_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!ga_cli_parse_options (&argc, &argv, _("ASSESSMENT FILE"),
                             _("Writes one assessment with its enterprise, template copy, answers, "
                               "history and evidence to a package FILE for another computer."),
                             NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc != 3)
    return arg_count_error (context, argc, 3, argv, _("missing ASSESSMENT or FILE"));
  store = open_store (FALSE);
  if (store == NULL || (id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_export_package (store, id, argv[2], &error))
    return fail (argv[2], error);
  g_print ("%s\n", argv[2]);
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
  gboolean as_copy = FALSE;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "as-copy", 0, 0, G_OPTION_ARG_NONE, &as_copy,
      N_("Import an assessment that is already here as a new copy"), NULL },
    DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_options (&argc, &argv, _("FILE"),
                             _("Imports a package. The enterprise is matched by its credit code; "
                               "an assessment that is already here is refused unless --as-copy "
                               "is given."), NULL, entries, &context, &exit_code))
    return exit_code;
  if (argc != 2)
    return arg_count_error (context, argc, 2, argv, _("missing FILE"));
  store = open_store (TRUE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  id = ga_store_import_package (store, argv[1],
                                as_copy ? GA_PACKAGE_IMPORT_AS_COPY : GA_PACKAGE_IMPORT_DEFAULT,
                                &error);
  if (id == 0)
    return fail (argv[1], error);
  a = ga_store_get_assessment (store, id, &error);
  if (a == NULL)
    return fail (argv[1], error);
  g_print ("%" G_GINT64_FORMAT " %s\n", id, a->uuid);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_package (int    argc,
                    char **argv)
{
  static const SubCommand subs[] = {
    { "export", "ASSESSMENT FILE", package_export },
    { "import", "FILE [--as-copy]", package_import },
  };

  return dispatch ("package", subs, G_N_ELEMENTS (subs), argc, argv);
}
