/* ga-cli-refvalues.c: greenassess-cli refvalues, the reference tables of
 * baselines and leading values
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a sheet and looking values up are in the GTK-free layer
 * (ga-refvalues-import.c, ga-refvalues.c); this file prints and stores.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-format.h"
#include "ga-refvalues-import.h"
#include "ga-store-engine.h"

static char *
number_text (double v)
{
  return isnan (v) ? g_strdup ("-") : g_strdup_printf ("%.15g", v);
}

static char **
table_row (const GaRefTable *table)
{
  char **row = g_new0 (char *, 8);

  row[0] = table->bundled ? g_strdup (_("bundled"))
                          : g_strdup_printf ("%" G_GINT64_FORMAT, table->store_id);
  row[1] = g_strdup (table->id);
  row[2] = g_strdup (table->version);
  row[3] = g_strdup_printf ("%u", table->rows->len);
  row[4] = g_strdup (table->verified ? _("yes") : _("no"));
  row[5] = g_strdup (table->name);
  return row;
}

static int
refvalues_list (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, "",
                               _("Lists the reference tables that templates look baselines and "
                                 "leading values up in: the imported ones first, then the "
                                 "bundled ones."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  tables = ga_store_ref_tables_in_use (store, &error);
  if (tables == NULL)
    return ga_cli_fail ("refvalues list", error);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
                                      _("ID"), _("KEY"), _("VERSION"), _("ROWS"), _("VERIFIED"),
                                      _("NAME"), NULL }));
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (rows, table_row (tables->pdata[i]));
  ga_cli_print_table (rows, 6);
  return GA_CLI_EXIT_OK;
}

static char **
value_row (const GaRefRow *r)
{
  char **row = g_new0 (char *, 9);
  const char *source = ga_ref_row_get_source (r);

  row[0] = g_strdup_printf ("%s/%s", r->programme, r->indicator);
  row[1] = g_strdup (ga_cli_or_dash (r->industry));
  row[2] = g_strdup (ga_cli_or_dash (r->product));
  row[3] = number_text (r->baseline);
  row[4] = number_text (r->leading);
  row[5] = g_strdup (ga_cli_or_dash (r->unit));
  row[6] = g_strdup (r->verified ? _("yes") : _("no"));
  row[7] = g_strdup (ga_cli_or_dash (source));
  return row;
}

static int
refvalues_show (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  const GaRefTable *found = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("TABLE"),
                               _("Shows the rows of a reference table (TABLE: its id or key in "
                                 "'refvalues list')."),
                               entries, 1, _("missing TABLE"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  tables = ga_store_ref_tables_in_use (store, &error);
  if (tables == NULL)
    return ga_cli_fail ("refvalues show", error);
  for (guint i = 0; i < tables->len && found == NULL; i++)
    {
      const GaRefTable *t = tables->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, t->store_id);
      if (g_strcmp0 (t->id, argv[1]) == 0 || (!t->bundled && g_strcmp0 (id, argv[1]) == 0))
        found = t;
    }
  if (found == NULL)
    return ga_cli_value_error (_("there is no reference table “%s”; 'greenassess-cli refvalues "
                                 "list' shows them"), argv[1]);
  g_print ("%s %s\n", found->name, found->version);
  if (found->source != NULL)
    g_print (_("Source: %s\n"), found->source);
  if (found->note != NULL)
    g_print (_("Note: %s\n"), found->note);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
                                      _("INDICATOR"), _("INDUSTRY"), _("PRODUCT"), _("BASELINE"),
                                      _("LEADING"), _("UNIT"), _("VERIFIED"), _("SOURCE"),
                                      NULL }));
  for (guint i = 0; i < found->rows->len; i++)
    g_ptr_array_add (rows, value_row (found->rows->pdata[i]));
  ga_cli_print_table (rows, 8);
  return GA_CLI_EXIT_OK;
}

static int
refvalues_import (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaRefTable) table = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL, *name = NULL, *version = NULL, *source = NULL;
  g_autofree char *programme = NULL, *sheet = NULL;
  gboolean partial = FALSE;
  g_autofree char *shown = NULL;
  GaRefImportOptions options;
  gint64 stored;
  int exit_code;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The table's key (default: the file's)"),
      N_("KEY") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The table's name (default: the file's)"),
      N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version,
      N_("The table's version or year (default: the file's, else 1)"), N_("VERSION") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Where the values come from"),
      N_("TEXT") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &programme,
      N_("The template of rows that name none (e.g. gbt36132-2025)"), N_("ID") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet of an XLSX file to read"),
      N_("NAME") },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &partial,
      N_("Import the rows that can be read even when others cannot"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("FILE"),
                                    _("Imports a reference table from a CSV or XLSX sheet or its "
                                      "JSON file (docs/reference-values.md); a table of the same "
                                      "key and version is replaced."),
                                    entries, 1, GA_CLI_FILE_ARG (1), _("missing FILE"), &context,
                                    &exit_code))
    return exit_code;
  options = (GaRefImportOptions) { id, name, version, source, programme, sheet };
  shown = g_filename_display_name (argv[1]);
  table = ga_ref_table_import_file (argv[1], &options, skipped, &error);
  for (guint i = 0; i < skipped->len; i++)
    ga_cli_print_problem (shown, skipped->pdata[i]);
  if (table == NULL)
    return ga_cli_fail (shown, error);
  if (skipped->len > 0 && !partial)
    {
      g_printerr (_("%s: nothing was imported; correct the rows above, or give --skip-bad-rows "
                    "to import the %u rows that could be read\n"), shown, table->rows->len);
      return GA_CLI_EXIT_INVALID;
    }
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  stored = ga_store_put_ref_table (store, table, &error);
  if (stored == 0)
    return ga_cli_fail (shown, error);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, stored);
    g_print (_("imported “%s” %s as table %s: %u rows%s\n"), table->name, table->version, number,
             table->rows->len, table->verified ? "" : _(" (not verified)"));
  }
  return GA_CLI_EXIT_OK;
}

static int
refvalues_remove (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  char *end = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("TABLE"),
                               _("Removes an imported reference table (TABLE: its id in "
                                 "'refvalues list'); bundled tables stay."),
                               entries, 1, _("missing TABLE"), &context, &exit_code))
    return exit_code;
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0)
    return ga_cli_value_error (_("“%s” is not the id of an imported table; 'greenassess-cli "
                                 "refvalues list' shows them"), argv[1]);
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_store_remove_ref_table (store, id, &error))
    return ga_cli_fail (argv[1], error);
  g_print (_("removed reference table %s\n"), argv[1]);
  return GA_CLI_EXIT_OK;
}

static int
refvalues_used (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaAnswerSet) filled = NULL;
  g_autoptr(GPtrArray) fills = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *industry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Lists the baselines and leading values an assessment takes "
                                 "from the reference tables (those nobody typed), with their "
                                 "sources."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl != NULL)
    answers = ga_store_load_answer_set (store, id, tmpl, &error);
  if (answers != NULL)
    industry = ga_store_assessment_industry (store, id, &error);
  if (industry != NULL)
    tables = ga_store_ref_tables_in_use (store, &error);
  if (tables != NULL)
    {
      /* The fills point into the slots and the tables, kept until the end. */
      slots = ga_ref_slots_find (tmpl);
      filled = ga_ref_fill_answers (tmpl, slots, answers, tables, industry, fills);
    }
  if (filled == NULL)
    return ga_cli_fail (argv[1], error);
  if (fills->len == 0)
    g_print (_("%s takes no value from a reference table\n"), argv[1]);
  for (guint i = 0; i < fills->len; i++)
    {
      const GaRefFill *fill = fills->pdata[i];
      g_autofree char *what = ga_ref_fill_describe (fill);
      if (fill->row != G_MAXUINT)
        g_print ("%s %u: %s\n", fill->slot->item->id, fill->row + 1, what);
      else
        g_print ("%s: %s\n", fill->slot->item->id, what);
    }
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_refvalues (int    argc,
                      char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "list", "", refvalues_list },
    { "show", "TABLE", refvalues_show },
    { "import", "FILE [--version 2026] [--template ID] [--skip-bad-rows]", refvalues_import },
    { "remove", "TABLE", refvalues_remove },
    { "used", "ASSESSMENT", refvalues_used },
  };

  return ga_cli_dispatch ("refvalues", subs, G_N_ELEMENTS (subs), argc, argv);
}
