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
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-json.h"
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

    fputs (_("Usage:\n"), out);
    for (guint i = 0; i < n_subs; i++)
      fprintf (out, "  greenassess-cli %s %s%s%s\n", command, subs[i].name,
               *subs[i].usage != '\0' ? " " : "", subs[i].usage);
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

/* A file name written on stdout, as the user may read it. */
static void
print_file_name (const char *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_print ("%s\n", shown);
}

static int
fail (const char   *where,
      const GError *error)
{
  ga_cli_print_problem (where, error->message);
  return GA_CLI_EXIT_INVALID;
}

static char *
db_path (void)
{
  return db_option != NULL ? g_strdup (db_option) : ga_store_get_default_path ();
}

/* The database file of --db, which must exist: only `db init` creates one;
 * the other commands refuse a missing file rather than start an empty
 * database because of a typing mistake in --db. NULL after saying so. */
static char *
existing_db_path (void)
{
  g_autofree char *path = db_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      ga_cli_print_problem (path, _("there is no database here; create one with "
                                    "'greenassess-cli db init' or give one with --db"));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Opens the database (@create: `db init` and `package import` may create
 * it). */
static GaStore *
open_store (gboolean create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = create ? db_path () : existing_db_path ();
  GaStore *store;

  if (path == NULL)
    return NULL;
  store = ga_store_open (path, &error);
  if (store == NULL)
    {
      ga_cli_print_problem (path, error->message);
      return NULL;
    }
  /* Reading commands work on a database nobody may write (a USB stick,
   * a share); say so once, before a write is refused. */
  if (ga_store_is_read_only (store))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_printerr (_("%s: open for reading only (%s)\n"), shown,
                  _(ga_store_get_read_only_reason (store)));
    }
  if (ga_store_get_migration_backup (store) != NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_autofree char *kept = g_filename_display_name (ga_store_get_migration_backup (store));

      g_printerr (_("%s: migrated to schema version %d; the previous file was kept as %s\n"),
                  shown, ga_store_get_schema_version (store), kept);
    }
  return store;
}

/* A copy must be possible from a damaged database too: that is when it
 * matters most. */
static GaStore *
open_store_for_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = existing_db_path ();
  GaStore *store;

  if (path == NULL)
    return NULL;
  store = ga_store_open (path, &error);
  if (store == NULL && g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT))
    {
      g_clear_error (&error);
      store = ga_store_open_read_only (path, &error);
    }
  if (store == NULL)
    ga_cli_print_problem (path, error->message);
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

/* Opens the database and finds the assessment @ref in it; NULL after
 * saying what is wrong. */
static GaStore *
open_assessment (const char *ref,
                 gint64     *id)
{
  g_autoptr(GaStore) store = open_store (FALSE);

  if (store == NULL || (*id = resolve_assessment (store, ref)) == 0)
    return NULL;
  return g_steal_pointer (&store);
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

/* A plain decimal number as people write it: "12", "-3.5", "1e3". Not
 * "0x10", "inf" or "nan", which g_ascii_strtod() would also read. */
static gboolean
is_decimal (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* Parses the value of a number option; a problem is added to @problems
 * (what, where, how) and *out is left as it was. */
static void
parse_number (const char *option,
              const char *text,
              const char *example,
              double     *out,
              GPtrArray  *problems)
{
  double v;

  if (text == NULL)
    return;
  v = is_decimal (text) ? g_ascii_strtod (text, NULL) : NAN;
  if (!isfinite (v))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("%s: '%s' is not a number; write it like "
                                                    "%s %s"), option, text, option, example));
      return;
    }
  *out = v;
}

/* Bad values of options are invalid input (exit 1), like a bad answer;
 * exit 2 is for unknown options and missing arguments. */
static int G_GNUC_PRINTF (1, 2)
value_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return GA_CLI_EXIT_INVALID;
}

static GaStoreWriteFlags
write_flags (gboolean force)
{
  return force ? GA_STORE_WRITE_REPLACE : GA_STORE_WRITE_NO_REPLACE;
}

/* A failed write: an existing target gets the option that replaces it. */
static int
fail_write (const GError *error)
{
  if (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS))
    g_printerr (_("%s; choose another name, or give --force to replace it\n"), error->message);
  else
    ga_cli_print_problem (NULL, error->message);
  return GA_CLI_EXIT_INVALID;
}

/* An answer as people typed it: 70 (not 70.0), yes, "text", N/A with its
 * reason, the chosen options, "3 rows" for a table, and the note. Falls
 * back to the JSON text for an answer the template no longer reads. */
static char *
answer_display (const char *json,
                GaTemplate *tmpl,
                const char *item_id)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const GaItem *item = tmpl != NULL ? ga_template_find_item (tmpl, item_id) : NULL;
  JsonNode *root;

  if (json == NULL)
    return g_strdup ("-");
  /* Stored text may come from a package anyone can write: read it as
   * strictly as a file, and show what cannot be read as it is. */
  parser = ga_json_parse_bounded (json, -1, GA_JSON_MAX_DEPTH, NULL);
  if (parser == NULL)
    return g_strdup (json);
  root = json_parser_get_root (parser);
  if (item != NULL)
    answer = ga_answer_from_json (root, item, NULL);
  if (answer == NULL)
    {
      if (JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_DOUBLE)
        return ga_number_to_string (json_node_get_double (root));
      return g_strdup (json);
    }

  if (answer->not_applicable)
    {
      g_string_append (out, _("N/A"));
      if (answer->na_reason != NULL)
        g_string_append_printf (out, ": %s", answer->na_reason);
    }
  else if (answer->selected != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", answer->selected);

      g_string_append (out, *joined != '\0' ? joined : _("(none)"));
    }
  else if (answer->rows != NULL)
    g_string_append_printf (out, ngettext ("%u row", "%u rows", answer->rows->len),
                            answer->rows->len);
  else if (answer->value.kind == GA_VALUE_BOOLEAN && item->kind == GA_ITEM_YESNO)
    g_string_append (out, answer->value.u.boolean ? "yes" : "no");
  else if (answer->value.kind == GA_VALUE_TEXT && item->kind == GA_ITEM_TEXT)
    /* Quoted, so that the text "N/A" and not applicable look different. */
    g_string_append_printf (out, "\"%s\"", answer->value.u.text);
  else
    {
      g_autofree char *shown = ga_value_to_display (&answer->value);

      g_string_append (out, shown);
    }
  if (answer->note != NULL && *answer->note != '\0')
    g_string_append_printf (out, _("  (note: %s)"), answer->note);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The item @item_id of an assessment's template that may be answered (or
 * given evidence, @evidence: computed items too); NULL after saying why
 * not. */
static GaItem *
find_item (GaTemplate *tmpl,
           const char *assessment,
           const char *item_id,
           gboolean    evidence)
{
  GaItem *item = ga_template_find_item (tmpl, item_id);

  if (item != NULL && (evidence || item->kind != GA_ITEM_COMPUTED))
    return item;
  if (item != NULL)
    g_printerr (_("'%s' is computed from other answers, it cannot be answered\n"), item_id);
  else if (ga_template_find_output (tmpl, item_id) != NULL)
    g_printerr (evidence ? _("'%s' is an output, evidence goes with the items it is computed "
                             "from\n")
                         : _("'%s' is an output, it cannot be answered\n"), item_id);
  else
    g_printerr (_("assessment %s has no item '%s' (its template is %s %s; item ids are "
                  "case-sensitive)\n"), assessment, item_id, ga_template_get_id (tmpl),
                ga_template_get_version (tmpl));
  return NULL;
}

/* Parses the options of a sub-command that takes exactly @n_args
 * arguments (@parameters in its help), of which those in @file_arguments
 * (GA_CLI_FILE_ARG) are file names. A wrong number is a usage error that
 * names what is missing (@missing) or the first extra argument. */
static gboolean
parse_file_arguments (int                 *argc,
                      char              ***argv,
                      const char          *parameters,
                      const char          *summary,
                      const GOptionEntry  *entries,
                      int                  n_args,
                      guint                file_arguments,
                      const char          *missing,
                      GOptionContext     **context,
                      int                 *exit_code)
{
  if (!ga_cli_parse_options (argc, argv, parameters, summary, NULL, entries, file_arguments,
                             context, exit_code))
    return FALSE;
  if (*argc < n_args + 1)
    {
      *exit_code = ga_cli_usage_error (*context, "%s", missing);
      return FALSE;
    }
  if (*argc > n_args + 1)
    {
      *exit_code = ga_cli_usage_error (*context, _("unexpected argument '%s'"),
                                       (*argv)[n_args + 1]);
      return FALSE;
    }
  return TRUE;
}

/* The same for a sub-command whose arguments are all text. */
static gboolean
parse_arguments (int                 *argc,
                 char              ***argv,
                 const char          *parameters,
                 const char          *summary,
                 const GOptionEntry  *entries,
                 int                  n_args,
                 const char          *missing,
                 GOptionContext     **context,
                 int                 *exit_code)
{
  return parse_file_arguments (argc, argv, parameters, summary, entries, n_args, 0, missing,
                               context, exit_code);
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
  g_autofree char *shown = NULL;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_arguments (&argc, &argv, NULL,
                        _("Creates the database, or migrates an older one to this version "
                          "(after keeping a copy of it)."),
                        entries, 0, NULL, &context, &exit_code))
    return exit_code;

  store = open_store (TRUE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  shown = g_filename_display_name (ga_store_get_path (store));
  g_print (_("%s: ready (schema version %d)\n"), shown, ga_store_get_schema_version (store));
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
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  int exit_code;
  int version;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_arguments (&argc, &argv, NULL,
                        _("Checks the database without changing it: SQLite's integrity "
                          "check, the references between tables, and the SHA-256 of every "
                          "evidence file and template copy. An older schema is reported, "
                          "not upgraded ('db migrate' upgrades it)."),
                        entries, 0, NULL, &context, &exit_code))
    return exit_code;

  path = existing_db_path ();
  if (path == NULL)
    return GA_CLI_EXIT_INVALID;
  /* Read-only: a check must not migrate, back up or otherwise touch the
   * file it is checking. */
  store = ga_store_open_read_only (path, &error);
  if (store == NULL)
    return fail (NULL, error);
  shown = g_filename_display_name (path);
  version = ga_store_get_schema_version (store);
  if (version < GA_STORE_SCHEMA_VERSION)
    g_print (_("%s: schema version %d, will be upgraded to %d when opened for writing "
               "('greenassess-cli db migrate' does it now, after a backup)\n"), shown, version,
             GA_STORE_SCHEMA_VERSION);
  if (!ga_store_check (store, problems, &error))
    return fail (path, error);
  for (guint i = 0; i < problems->len; i++)
    ga_cli_print_problem (path, g_ptr_array_index (problems, i));
  if (problems->len > 0)
    {
      g_printerr (ngettext ("%s: %u problem. Keep the file and its -wal file: first copy "
                            "them with 'greenassess-cli db backup', then recover what can be "
                            "read into a new database with 'greenassess-cli db repair'\n",
                            "%s: %u problems. Keep the file and its -wal file: first copy "
                            "them with 'greenassess-cli db backup', then recover what can be "
                            "read into a new database with 'greenassess-cli db repair'\n",
                            problems->len), shown, problems->len);
      return GA_CLI_EXIT_INVALID;
    }
  g_print (_("%s: ok\n"), shown);
  return GA_CLI_EXIT_OK;
}

static int
db_migrate (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) probe = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *kept = NULL;
  int exit_code;
  int before;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_arguments (&argc, &argv, NULL,
                        _("Upgrades a database written by an earlier version to this "
                          "version's schema. A copy of the file is kept first, beside it, "
                          "as FILE.v<old>-<date>.bak. Any command that writes upgrades the "
                          "database the same way; this one does only that."),
                        entries, 0, NULL, &context, &exit_code))
    return exit_code;

  path = existing_db_path ();
  if (path == NULL)
    return GA_CLI_EXIT_INVALID;
  probe = ga_store_open_read_only (path, &error);
  if (probe == NULL)
    return fail (NULL, error);
  before = ga_store_get_schema_version (probe);
  g_clear_object (&probe);
  shown = g_filename_display_name (path);
  if (before >= GA_STORE_SCHEMA_VERSION)
    {
      g_print (_("%s: already at schema version %d; nothing to do\n"), shown, before);
      return GA_CLI_EXIT_OK;
    }

  store = ga_store_open (path, &error);
  if (store == NULL)
    return fail (NULL, error);
  kept = ga_store_get_migration_backup (store) != NULL
         ? g_filename_display_name (ga_store_get_migration_backup (store)) : g_strdup ("-");
  g_print (_("%s: migrated from schema version %d to %d; the previous file was kept as %s\n"),
           shown, before, ga_store_get_schema_version (store), kept);
  return GA_CLI_EXIT_OK;
}

static int
db_backup (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  int exit_code;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace DEST if it exists (never the database itself)"), NULL },
    DB_ENTRY,
    { NULL }
  };

  if (!parse_file_arguments (&argc, &argv, _("DEST"),
                             _("Writes a consistent copy of the whole database to DEST, even "
                               "while the application is using it. An existing DEST is left "
                               "alone unless --force is given."),
                             entries, 1, GA_CLI_FILE_ARG (1), _("missing DEST"), &context,
                             &exit_code))
    return exit_code;

  store = open_store_for_copy ();
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_backup_to (store, argv[1], write_flags (force), &error))
    return fail_write (error);
  print_file_name (argv[1]);
  return GA_CLI_EXIT_OK;
}

static int
db_repair (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_file_arguments (&argc, &argv, _("NEW"),
                             _("Recovers what a damaged database still holds into the new "
                               "database NEW, table by table, and says what could not be read. "
                               "The damaged file is only read. Make a copy of it with 'db "
                               "backup' first."),
                             entries, 1, GA_CLI_FILE_ARG (1), _("missing NEW"), &context,
                             &exit_code))
    return exit_code;

  path = existing_db_path ();
  if (path == NULL)
    return GA_CLI_EXIT_INVALID;
  store = ga_store_open_read_only (path, &error);
  if (store == NULL)
    return fail (NULL, error);
  if (!ga_store_repair_to (store, argv[1], report, &error))
    return fail (NULL, error);
  for (guint i = 0; i < report->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (report, i));
  print_file_name (argv[1]);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_db (int    argc,
               char **argv)
{
  static const SubCommand subs[] = {
    { "init", "", db_init },
    { "check", "", db_check },
    { "migrate", "", db_migrate },
    { "backup", "DEST [--force]", db_backup },
    { "repair", "NEW", db_repair },
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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EnterpriseArgs, enterprise_args_clear)

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

/* Copies the options that were given onto @e; a bad number is added to
 * @problems and leaves its field as it was. */
static void
apply_enterprise_args (const EnterpriseArgs *a,
                       GaEnterprise         *e,
                       GPtrArray            *problems)
{
  double employees = NAN;

  replace (&e->name, a->name);
  replace (&e->credit_code, a->code);
  replace (&e->industry, a->industry);
  replace (&e->region, a->region);
  replace (&e->address, a->address);
  replace (&e->legal_representative, a->legal);
  replace (&e->contact_name, a->contact);
  replace (&e->contact_phone, a->phone);
  replace (&e->contact_email, a->email);
  parse_number ("--output-value", a->output, "12345.5", &e->output_value, problems);
  parse_number ("--value-added", a->added, "2345.25", &e->value_added, problems);
  parse_number ("--employees", a->employees, "250", &employees, problems);
  if (isnan (employees))
    return;
  /* -1 stands for "not given" in GaEnterprise: a typed negative number
   * must not silently mean that. */
  if (employees < 0 || employees != floor (employees) || employees > 1e12)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("--employees: '%s' is not a number of people; give a "
                                        "whole number of 0 or more, like --employees 250"),
                                      a->employees));
  else
    e->employees = (gint64) employees;
}

/* The option problems and every problem the store finds with @e, all at
 * once; FALSE when there were any (they are printed). */
static gboolean
check_enterprise (const char   *what,
                  GaEnterprise *e,
                  GPtrArray    *problems)
{
  g_autoptr(GError) error = NULL;

  if (!ga_enterprise_validate (e, &error))
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_ptr_array_add (problems, g_strdup (lines[i]));
    }
  for (guint i = 0; i < problems->len; i++)
    ga_cli_print_problem (what, g_ptr_array_index (problems, i));
  return problems->len == 0;
}

/* The province the credit code was registered in (its characters 3–8),
 * or NULL when the code is not valid or names no province. */
static const GaRegion *
code_region (const char *credit_code)
{
  g_autofree char *code = NULL;
  const char *province;

  if (credit_code == NULL)
    return NULL;
  code = ga_credit_code_normalize (credit_code);
  if (!ga_credit_code_validate (code, NULL))
    return NULL;
  province = ga_credit_code_get_province (code);
  return province != NULL ? ga_region_lookup (province) : NULL;
}

/* --region given and the code says otherwise: allowed (a branch may be
 * registered elsewhere), but worth a word. */
static void
note_region_mismatch (const EnterpriseArgs *a,
                      const GaEnterprise   *e)
{
  const GaRegion *from_code = code_region (e->credit_code);
  const GaRegion *given = a->region != NULL ? ga_region_lookup (a->region) : NULL;

  if (from_code != NULL && given != NULL && strcmp (from_code->code, given->code) != 0)
    g_printerr (_("note: the credit code %s was registered in %s, not in %s as --region "
                  "says; the region is kept as given\n"), e->credit_code, from_code->name,
                given->name);
}

static int
enterprise_add (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(EnterpriseArgs) a = { NULL };
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { ENTERPRISE_ENTRIES (a), { NULL } };

  if (!parse_arguments (&argc, &argv, NULL,
                        _("Adds an enterprise. --name and --code are required; the credit "
                          "code is checked with its check character. Without --region the "
                          "region is the province the credit code was registered in."),
                        entries, 0, NULL, &context, &exit_code))
    return exit_code;
  if (a.name == NULL || a.code == NULL)
    return ga_cli_usage_error (context, _("--name and --code are required"));
  apply_enterprise_args (&a, e, problems);
  if (!check_enterprise ("enterprise add", e, problems))
    return GA_CLI_EXIT_INVALID;
  note_region_mismatch (&a, e);

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
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *region_note = NULL;
  g_auto(EnterpriseArgs) a = { NULL };
  int exit_code;
  const GOptionEntry entries[] = { ENTERPRISE_ENTRIES (a), { NULL } };

  if (!parse_arguments (&argc, &argv, _("ID|CODE"),
                        _("Changes the given fields of an enterprise. A new --code from "
                          "another province changes the region too, unless --region is "
                          "given."),
                        entries, 1, _("missing ID|CODE"), &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL || (e = resolve_enterprise (store, argv[1])) == NULL)
    return GA_CLI_EXIT_INVALID;
  apply_enterprise_args (&a, e, problems);

  /* The region follows a new credit code registered in another province:
   * keeping 广东 for a Jiangsu code would put the enterprise on the wrong
   * bureau's list. An explicit --region wins. */
  if (a.code != NULL && a.region == NULL)
    {
      const GaRegion *from_code = code_region (a.code);
      const GaRegion *stored = e->region != NULL ? ga_region_lookup (e->region) : NULL;

      if (from_code != NULL && (stored == NULL || strcmp (stored->code, from_code->code) != 0))
        {
          region_note = g_strdup_printf (_("region changed from %s to %s, where the new credit "
                                           "code was registered (give --region to choose "
                                           "another)"),
                                         stored != NULL ? stored->name : "-", from_code->name);
          replace (&e->region, from_code->code);
        }
    }
  if (!check_enterprise (argv[1], e, problems))
    return GA_CLI_EXIT_INVALID;
  note_region_mismatch (&a, e);
  if (!ga_store_update_enterprise (store, e, &error))
    return fail (argv[1], error);
  if (region_note != NULL)
    g_print ("%" G_GINT64_FORMAT ": %s\n", e->id, region_note);
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

  if (!parse_arguments (&argc, &argv, NULL,
                        _("Lists the enterprises with their latest assessment."),
                        entries, 0, NULL, &context, &exit_code))
    return exit_code;
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

  if (!parse_arguments (&argc, &argv, _("ID|CODE"), _("Shows one enterprise."),
                        entries, 1, _("missing ID|CODE"), &context, &exit_code))
    return exit_code;
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

/* The template for a new assessment, by the rule of ga_cli_open_template()
 * with the database's own templates added: an existing regular file is
 * the template (imported, and so validated, so that it stays available);
 * otherwise an id, of an imported template (latest or @version) and then
 * of a bundled one; otherwise an error that names both possibilities. A
 * file named like an id wins, as everywhere in the CLI; a folder does
 * not. */
static GaTemplate *
find_template (GaStore     *store,
               const char  *spec,
               const char  *version,
               GError     **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_auto(GStrv) bundled = NULL;

  if (g_file_test (spec, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      g_autofree char *shown = g_filename_display_name (spec);

      if (!g_file_get_contents (spec, &data, &len, error))
        return NULL;
      return ga_store_import_template (store, data, len, shown, error);
    }

  versions = ga_store_list_template_versions (store, spec, NULL);
  if (versions != NULL && versions->len > 0)
    return ga_store_load_imported_template (store, spec, version, error);

  bundled = ga_template_list_bundled ();
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

  if (g_file_test (spec, G_FILE_TEST_EXISTS))
    g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                 _("this is a folder or a special file, not a template file, and no imported "
                   "or bundled template has this id; give the path of a template file (.json), "
                   "or an id that 'greenassess-cli templates' lists"));
  else
    g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                 _("no such file, and no imported or bundled template has this id; give the "
                   "path of a template file, or an id that 'greenassess-cli templates' lists"));
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
    /* FILENAME: a template file's name in the file system's own bytes. */
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template,
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

  if (!parse_arguments (&argc, &argv, NULL,
                        _("Starts an assessment of an enterprise. It keeps a copy of the "
                          "template, so later template versions never change its score."),
                        entries, 0, NULL, &context, &exit_code))
    return exit_code;
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
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *enterprise = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "enterprise", 0, 0, G_OPTION_ARG_STRING, &enterprise,
      N_("Only this enterprise's assessments"), N_("ID|CODE") },
    DB_ENTRY,
    { NULL }
  };

  if (!parse_arguments (&argc, &argv, NULL, _("Lists assessments, most recent first."),
                        entries, 0, NULL, &context, &exit_code))
    return exit_code;
  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (enterprise != NULL && (e = resolve_enterprise (store, enterprise)) == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_assessments (store, e != NULL ? e->id : 0, &error);
  if (list == NULL)
    return fail ("assessment list", error);

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { _("ID"), _("UUID"), _("ENTERPRISE"),
                                                 _("TEMPLATE"), _("STATUS"), _("ANSWERS"),
                                                 _("UPDATED"), _("TITLE"), NULL }));
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);
      char **row = g_new0 (char *, 9);
      const char *name = g_hash_table_lookup (names, &a->enterprise_id);

      /* The id to type in other commands and the name to recognise it by;
       * each enterprise is read once. */
      if (name == NULL)
        {
          g_autoptr(GaEnterprise) owner = ga_store_get_enterprise (store, a->enterprise_id, NULL);
          char *shown = g_strdup (owner != NULL ? owner->name : "?");

          g_hash_table_insert (names, g_memdup2 (&a->enterprise_id, sizeof (gint64)), shown);
          name = shown;
        }
      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      row[1] = g_strndup (a->uuid, 8);
      row[2] = g_strdup_printf ("%" G_GINT64_FORMAT " %s", a->enterprise_id, name);
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
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GList) keys = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT"),
                        _("Shows an assessment with its answers and evidence."),
                        entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
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
  tmpl = ga_store_load_template (store, id, NULL);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *shown = answer_display (g_hash_table_lookup (answers, l->data), tmpl,
                                               l->data);

      g_print ("  %s = %s\n", (char *) l->data, shown);
    }

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

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT"),
                        _("Scores an assessment with the template copy it is pinned to."),
                        entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
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
  g_print ("%s: %s\n", _("Veto"), ga_veto_status_to_display (s->veto));
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
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  gint64 id;
  int exit_code;
  gboolean ok = FALSE;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT"), summary,
                        entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if ((a = ga_store_get_assessment (store, id, &error)) == NULL)
    return fail (argv[1], error);

  switch (what)
    {
    case 0:
    case 1:
      {
        GaAssessmentStatus want = what == 0 ? GA_ASSESSMENT_FINAL : GA_ASSESSMENT_DRAFT;
        g_autofree char *num = g_strdup_printf ("%" G_GINT64_FORMAT, id);

        /* Nothing to do is not an error, but it is worth saying: the user
         * may have meant another assessment. */
        if (a->status == want)
          {
            if (want == GA_ASSESSMENT_FINAL)
              g_print (_("assessment %s is already final (since %s)\n"), num,
                       or_dash (a->finalized_at));
            else
              g_print (_("assessment %s is already a draft\n"), num);
            return GA_CLI_EXIT_OK;
          }
        ok = ga_store_set_assessment_status (store, id, want, &error);
        if (ok)
          g_print (want == GA_ASSESSMENT_FINAL
                   ? _("assessment %s is final now (read-only until reopened)\n")
                   : _("assessment %s is a draft again\n"), num);
      }
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
      g_autoptr(GaTemplate) tmpl = ga_store_load_template (store, id, NULL);
      g_autofree char *value = ga_store_get_answer (store, id, item, NULL);
      g_autofree char *shown = answer_display (value, tmpl, item);

      g_print ("%s = %s\n", item, value != NULL ? shown : _("(no answer)"));
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
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT"),
                        _("Lists every change of the answers, oldest first."),
                        entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  history = ga_store_list_history (store, id, &error);
  if (history == NULL)
    return fail (argv[1], error);
  tmpl = ga_store_load_template (store, id, NULL);
  for (guint i = 0; i < history->len; i++)
    {
      GaHistoryEntry *h = g_ptr_array_index (history, i);
      g_autofree char *old_shown = answer_display (h->old_value, tmpl, h->item_id);
      g_autofree char *new_shown = answer_display (h->new_value, tmpl, h->item_id);

      g_print ("%s  %-4s  %s  %s: %s -> %s\n", h->at, ga_history_action_to_string (h->action),
               or_dash (h->author), h->item_id, old_shown, new_shown);
    }
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_assessment (int    argc,
                       char **argv)
{
  static const SubCommand subs[] = {
    { "new", "--enterprise ID|CODE --template ID|FILE [--year YEAR] [--title TEXT] […]",
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

/* "na", "n/a" or "不适用", alone or followed by ":" (or "：") and a reason.
 * *reason receives the reason or NULL. */
static gboolean
typed_na (const char  *text,
          char       **reason)
{
  static const char *const words[] = { "不适用", "n/a", "na", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);
      const char *rest = text + n;

      if (g_ascii_strncasecmp (text, words[i], n) != 0)
        continue;
      if (*rest == '\0')
        {
          *reason = NULL;
          return TRUE;
        }
      if (*rest == ':')
        rest++;
      else if (g_str_has_prefix (rest, "："))
        rest += strlen ("：");
      else
        continue;
      *reason = g_strstrip (g_strdup (rest));
      return TRUE;
    }
  return FALSE;
}

/* What `answer set` makes of a typed VALUE, for any kind of item:
 * - na, n/a, 不适用 (optionally :REASON) mean not applicable, for text
 *   items too: the typed answer says what the user means, and a text
 *   answer "na" is almost always a wish to mark N/A;
 * - text:VALUE keeps VALUE as the literal text of a text item (so
 *   text:na is the two letters);
 * - numbers are plain decimals: 0x10, inf and nan are refused rather than
 *   stored as 16, ∞ or an error;
 * - everything else is read by ga_answer_parse_text(). */
static GaAnswer *
parse_typed_answer (const char  *typed,
                    GaItem      *item,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *reason = NULL;

  if (!g_utf8_validate (typed, -1, NULL))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("item '%s': the answer is not valid UTF-8 text"), item->id);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (typed));

  if (g_str_has_prefix (trimmed, "text:"))
    {
      GaAnswer *answer;

      if (item->kind != GA_ITEM_TEXT)
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s' is a %s item; text:… marks the literal text of a text item. "
                         "Give the value without 'text:'"), item->id,
                       ga_item_kind_to_string (item->kind));
          return NULL;
        }
      if (trimmed[5] == '\0')
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s': nothing follows 'text:'; to remove the answer use "
                         "'greenassess-cli answer clear'"), item->id);
          return NULL;
        }
      answer = ga_answer_new ();
      ga_value_set_text (&answer->value, trimmed + 5);
      return answer;
    }

  if (typed_na (trimmed, &reason))
    {
      /* "na:REASON" is N/A for every kind in ga_answer_parse_text(). */
      g_autofree char *na = g_strconcat ("na:", reason != NULL ? reason : "", NULL);

      return ga_answer_parse_text (na, item, error);
    }

  if ((item->kind == GA_ITEM_NUMBER || item->kind == GA_ITEM_POINTS) && *trimmed != '\0'
      && !is_decimal (trimmed))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("item '%s': '%s' is not a number; write it in decimal like 12.5 or -3 "
                     "(no hexadecimal, no inf or nan), or na:REASON for not applicable"),
                   item->id, trimmed);
      return NULL;
    }
  return ga_answer_parse_text (trimmed, item, error);
}

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
  g_autofree char *shown = NULL;
  GaItem *item;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note kept with the answer"), N_("TEXT") },
    DB_ENTRY,
    { NULL }
  };

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT ITEM VALUE"),
                        _("Saves an answer. VALUE is read as the item expects it: a number "
                          "(-3 and 12.5 as they are), yes/partial/no (符合/部分符合/不符合), "
                          "an option id or label, text, a date, or na, n/a, 不适用 (with "
                          ":REASON if you like) for not applicable. For a text item, "
                          "text:VALUE keeps VALUE literally (text:na is the text \"na\"). "
                          "A VALUE that starts with '-' and is not a number goes after --."),
                        entries, 3, _("missing ASSESSMENT, ITEM or VALUE"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return fail (argv[1], error);
  if ((item = find_item (tmpl, argv[1], argv[2], FALSE)) == NULL)
    return GA_CLI_EXIT_INVALID;
  answer = parse_typed_answer (argv[3], item, &error);
  if (answer == NULL)
    return fail (NULL, error);
  if (note != NULL)
    {
      g_free (answer->note);
      answer->note = g_strdup (note);
    }
  if (!ga_store_set_answer (store, id, item, answer, &error))
    return fail (argv[2], error);
  stored = ga_store_get_answer (store, id, item->id, NULL);
  shown = answer_display (stored, tmpl, item->id);
  g_print ("%s = %s\n", item->id, stored != NULL ? shown : _("(no answer)"));
  return GA_CLI_EXIT_OK;
}

static int
answer_clear (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *shown = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { DB_ENTRY, { NULL } };

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT ITEM"),
                        _("Removes an answer (recorded in the history; undo brings it back)."),
                        entries, 2, _("missing ASSESSMENT or ITEM"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return fail (argv[1], error);
  old = ga_store_get_answer (store, id, argv[2], &error);
  if (error != NULL)
    return fail (argv[2], error);
  /* A stored answer can always be cleared; otherwise the id must be one
   * the template lets the user answer, so that a typing mistake is not a
   * silent success. */
  if (old == NULL)
    {
      if (find_item (tmpl, argv[1], argv[2], FALSE) == NULL)
        return GA_CLI_EXIT_INVALID;
      g_print (_("%s has no answer; nothing to clear\n"), argv[2]);
      return GA_CLI_EXIT_OK;
    }
  if (!ga_store_save_answer (store, id, argv[2], NULL, &error))
    return fail (argv[2], error);
  shown = answer_display (old, tmpl, argv[2]);
  g_print (_("%s cleared (was %s)\n"), argv[2], shown);
  return GA_CLI_EXIT_OK;
}

static int
answer_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GList) keys = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print each answer as stored (JSON, docs/template-format.md \"Answers\")"), NULL },
    DB_ENTRY,
    { NULL }
  };

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT"),
                        _("Prints the answers, one per line: ITEM = VALUE as it was typed "
                          "(70, yes, \"text\", N/A: reason), with its note."),
                        entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  answers = ga_store_load_answers (store, id, &error);
  if (answers == NULL)
    return fail (argv[1], error);
  if (!json)
    tmpl = ga_store_load_template (store, id, NULL);
  keys = g_list_sort (g_hash_table_get_keys (answers), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *stored = g_hash_table_lookup (answers, l->data);
      g_autofree char *shown = json ? g_strdup (stored) : answer_display (stored, tmpl, l->data);

      g_print ("%s = %s\n", (char *) l->data, shown);
    }
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_answer (int    argc,
                   char **argv)
{
  static const SubCommand subs[] = {
    { "set", "ASSESSMENT ITEM VALUE [--note TEXT]", answer_set },
    { "clear", "ASSESSMENT ITEM", answer_clear },
    { "list", "ASSESSMENT [--json]", answer_list },
  };

  return dispatch ("answer", subs, G_N_ELEMENTS (subs), argc, argv);
}

/* ------------------------------------------------------------------ */
/* evidence                                                            */

/* The largest evidence file SQLite takes (ga_store_set_evidence_limit()
 * caps there too). */
#define MAX_EVIDENCE_LIMIT ((guint64) 900 * 1000 * 1000)

/* --max-size: digits with an optional K, M or G (1024-based; KiB, MB … are
 * read the same). Parsed here because g_ascii_strtoull() reads "-1" as
 * 2^64 - 1, which would lift the limit instead of refusing the value. */
static gboolean
parse_size (const char  *text,
            guint64     *out,
            char       **message)
{
  static const struct { const char *suffix; guint64 factor; } units[] = {
    { "", 1 }, { "B", 1 },
    { "K", 1024 }, { "KB", 1024 }, { "KIB", 1024 },
    { "M", 1024 * 1024 }, { "MB", 1024 * 1024 }, { "MIB", 1024 * 1024 },
    { "G", 1024 * 1024 * 1024 }, { "GB", 1024 * 1024 * 1024 }, { "GIB", 1024 * 1024 * 1024 },
  };
  const char *p = text;
  guint64 value = 0;

  for (; g_ascii_isdigit (*p); p++)
    {
      if (value > (G_MAXUINT64 - 9) / 10)
        {
          *message = g_strdup_printf (_("--max-size: '%s' is far too large; the most is "
                                        "900000000 bytes (858M)"), text);
          return FALSE;
        }
      value = value * 10 + (guint64) (*p - '0');
    }
  if (p == text)
    {
      *message = g_strdup_printf (_("--max-size: '%s' is not a size; give a whole number of "
                                    "bytes, or one with K, M or G, like --max-size 20M"), text);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (p, units[i].suffix) == 0)
      {
        if (value == 0)
          {
            *message = g_strdup_printf (_("--max-size: '%s' would refuse every file; give a "
                                          "size above 0, like --max-size 20M"), text);
            return FALSE;
          }
        if (value > MAX_EVIDENCE_LIMIT / units[i].factor)
          {
            *message = g_strdup_printf (_("--max-size: '%s' is more than the 900000000 bytes "
                                          "(858M) one evidence file may have"), text);
            return FALSE;
          }
        *out = value * units[i].factor;
        return TRUE;
      }
  *message = g_strdup_printf (_("--max-size: '%s' is not a size; give a whole number of bytes, "
                                "or one with K, M or G, like --max-size 20M"), text);
  return FALSE;
}

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
    DB_ENTRY,
    { NULL }
  };

  if (!parse_file_arguments (&argc, &argv, _("ASSESSMENT ITEM FILE"),
                             _("Attaches a file to an item as evidence. Identical files are "
                               "stored once."),
                             entries, 3, GA_CLI_FILE_ARG (3),
                             _("missing ASSESSMENT, ITEM or FILE"), &context, &exit_code))
    return exit_code;
  if (max_size != NULL)
    {
      g_autofree char *message = NULL;

      if (!parse_size (max_size, &limit, &message))
        return value_error ("%s", message);
    }
  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (limit > 0)
    ga_store_set_evidence_limit (store, limit);
  if ((id = resolve_assessment (store, argv[1])) == 0)
    return GA_CLI_EXIT_INVALID;
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return fail (argv[1], error);
  if (find_item (tmpl, argv[1], argv[2], TRUE) == NULL)
    return GA_CLI_EXIT_INVALID;
  file = g_file_new_for_commandline_arg (argv[3]);
  ev = ga_store_add_evidence (store, id, argv[2], file, &error);
  /* The store's message names the file already. */
  if (ev == 0)
    return fail (NULL, error);
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

  if (!parse_arguments (&argc, &argv, _("ASSESSMENT"),
                        _("Lists the evidence files of an assessment."),
                        entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
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
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  char *end = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists (never the database itself)"), NULL },
    DB_ENTRY,
    { NULL }
  };

  if (!parse_file_arguments (&argc, &argv, _("EVIDENCE-ID FILE"),
                             _("Writes an evidence file's bytes to FILE (after checking them "
                               "against their SHA-256). An existing FILE is left alone unless "
                               "--force is given."),
                             entries, 2, GA_CLI_FILE_ARG (2), _("missing EVIDENCE-ID or FILE"),
                             &context, &exit_code))
    return exit_code;
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0 || !g_ascii_isdigit (argv[1][0]))
    return value_error (_("'%s' is not an evidence id; 'greenassess-cli evidence list "
                          "ASSESSMENT' shows them"), argv[1]);
  store = open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_save_evidence (store, id, argv[2], write_flags (force), &error))
    return fail_write (error);
  print_file_name (argv[2]);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_evidence (int    argc,
                     char **argv)
{
  static const SubCommand subs[] = {
    { "add", "ASSESSMENT ITEM FILE [--max-size SIZE] [--note TEXT]", evidence_add },
    { "list", "ASSESSMENT", evidence_list },
    { "extract", "EVIDENCE-ID FILE [--force]", evidence_extract },
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
  gboolean force = FALSE;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists (never the database itself)"), NULL },
    DB_ENTRY,
    { NULL }
  };

  if (!parse_file_arguments (&argc, &argv, _("ASSESSMENT FILE"),
                             _("Writes one assessment with its enterprise, template copy, "
                               "answers, history and evidence to a package FILE for another "
                               "computer. An existing FILE is left alone unless --force is "
                               "given."),
                             entries, 2, GA_CLI_FILE_ARG (2), _("missing ASSESSMENT or FILE"),
                             &context, &exit_code))
    return exit_code;
  store = open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_export_package_to (store, id, argv[2], write_flags (force), &error))
    return fail_write (error);
  print_file_name (argv[2]);
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
    DB_ENTRY,
    { NULL }
  };

  if (!parse_file_arguments (&argc, &argv, _("FILE"),
                             _("Imports a package. The enterprise is matched by its credit "
                               "code; an assessment that is already here is refused unless "
                               "--as-copy is given."),
                             entries, 1, GA_CLI_FILE_ARG (1), _("missing FILE"), &context,
                             &exit_code))
    return exit_code;
  if (max_size != NULL)
    {
      g_autofree char *message = NULL;

      if (!parse_size (max_size, &limit, &message))
        return value_error ("%s", message);
    }
  store = open_store (TRUE);
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
      fail (argv[1], error);
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
    return fail (argv[1], error);
  g_print ("%" G_GINT64_FORMAT " %s\n", id, a->uuid);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_package (int    argc,
                    char **argv)
{
  static const SubCommand subs[] = {
    { "export", "ASSESSMENT FILE [--force]", package_export },
    { "import", "FILE [--as-copy]", package_import },
  };

  return dispatch ("package", subs, G_N_ELEMENTS (subs), argc, argv);
}
