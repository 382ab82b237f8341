/* ga-cli-store.c: helpers of the greenassess-cli commands that work on the database
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-json.h"
#include "ga-store-engine.h"

/* Runs argv[1] from @subs with argv shifted so that the sub-command's own
 * option parser sees "SUB ARGS…"; without one (or with --help) prints the
 * sub-commands and @note. */
int
ga_cli_dispatch_with_note (const char            *command,
                           const GaCliSubCommand *subs,
                           guint                  n_subs,
                           const char            *note,
                           int                    argc,
                           char                 **argv)
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
    fprintf (out, "\n%s\n", note);
  }
  return help ? GA_CLI_EXIT_OK : GA_CLI_EXIT_USAGE;
}

int
ga_cli_dispatch (const char            *command,
                 const GaCliSubCommand *subs,
                 guint                  n_subs,
                 int                    argc,
                 char                 **argv)
{
  return ga_cli_dispatch_with_note (command, subs, n_subs,
                                    _("Every sub-command takes --db FILE (default: the user's "
                                      "data folder) and --help."), argc, argv);
}

char *ga_cli_db_option;

int
ga_cli_fail (const char   *where,
             const GError *error)
{
  ga_cli_print_problem (where, error->message);
  return GA_CLI_EXIT_INVALID;
}

char *
ga_cli_db_path (void)
{
  return ga_cli_db_option != NULL ? g_strdup (ga_cli_db_option) : ga_store_get_default_path ();
}

/* The database file of --db, which must exist: only `db init` creates one;
 * the other commands refuse a missing file rather than start an empty
 * database because of a typing mistake in --db. NULL after saying so. */
char *
ga_cli_existing_db_path (void)
{
  g_autofree char *path = ga_cli_db_path ();

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
GaStore *
ga_cli_open_store (gboolean create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = create ? ga_cli_db_path () : ga_cli_existing_db_path ();
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
GaStore *
ga_cli_open_store_for_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ga_cli_existing_db_path ();
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

gint64
ga_cli_resolve_assessment (GaStore    *store,
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
GaStore *
ga_cli_open_assessment (const char *ref,
                        gint64     *id)
{
  g_autoptr(GaStore) store = ga_cli_open_store (FALSE);

  if (store == NULL || (*id = ga_cli_resolve_assessment (store, ref)) == 0)
    return NULL;
  return g_steal_pointer (&store);
}

/* An enterprise by id or by credit code. */
GaEnterprise *
ga_cli_resolve_enterprise (GaStore    *store,
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

/* Bad values of options are invalid input (exit 1), like a bad answer;
 * exit 2 is for unknown options and missing arguments. */
int
ga_cli_value_error (const char *format,
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

GaStoreWriteFlags
ga_cli_write_flags (gboolean force)
{
  return force ? GA_STORE_WRITE_REPLACE : GA_STORE_WRITE_NO_REPLACE;
}

/* A failed write: an existing target gets the option that replaces it. */
int
ga_cli_fail_write (const GError *error)
{
  if (g_error_matches (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS))
    g_printerr (_("%s; choose another name, or give --force to replace it\n"), error->message);
  else
    ga_cli_print_problem (NULL, error->message);
  return GA_CLI_EXIT_INVALID;
}

char *
ga_cli_narrative_display (const char *text)
{
  g_autoptr(GString) out = NULL;
  glong n;
  glong i = 0;

  if (text == NULL)
    return g_strdup (_("(no text)"));
  n = g_utf8_strlen (text, -1);
  out = g_string_new ("“");
  for (const char *p = text; *p != '\0' && i < 40; p = g_utf8_next_char (p), i++)
    {
      gunichar ch = g_utf8_get_char (p);

      /* One line: a line break is shown as a space. */
      g_string_append_unichar (out, ch == '\n' || ch == '\t' ? ' ' : ch);
    }
  if (n > 40)
    g_string_append_printf (out, ngettext ("…” (%ld character)", "…” (%ld characters)", n), n);
  else
    g_string_append (out, "”");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An answer as people typed it: 70 (not 70.0), yes, "text", N/A with its
 * reason, the chosen options, "3 rows" for a table, and the note. Falls
 * back to the JSON text for an answer the template no longer reads. */
char *
ga_cli_answer_display (const char *json,
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
GaItem *
ga_cli_find_item (GaTemplate *tmpl,
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
gboolean
ga_cli_parse_file_arguments (int                 *argc,
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
gboolean
ga_cli_parse_arguments (int                 *argc,
                        char              ***argv,
                        const char          *parameters,
                        const char          *summary,
                        const GOptionEntry  *entries,
                        int                  n_args,
                        const char          *missing,
                        GOptionContext     **context,
                        int                 *exit_code)
{
  return ga_cli_parse_file_arguments (argc, argv, parameters, summary, entries, n_args, 0, missing,
                                      context, exit_code);
}

const char *
ga_cli_or_dash (const char *s)
{
  return s != NULL && *s != '\0' ? s : "-";
}

void
ga_cli_print_table (GPtrArray *rows,
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


/* --max-size: digits with an optional K, M or G (1024-based; KiB, MB … are
 * read the same). Parsed here because g_ascii_strtoull() reads "-1" as
 * 2^64 - 1, which would lift the limit instead of refusing the value. */
gboolean
ga_cli_parse_size (const char  *text,
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
        if (value > GA_CLI_MAX_EVIDENCE_LIMIT / units[i].factor)
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
