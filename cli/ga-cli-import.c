/* ga-cli-import.c: `import`, an energy or water ledger (XLSX or CSV)
 * into the energy table or the water-balance table of an assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the application's import dialog does, in one command: the sheet is
 * read, the columns guessed (or mapped with --map), the preview printed
 * (the columns, the rows taken, the rows not taken and why, the table's
 * rows and tce after the import) and, unless --dry-run, the table's answer
 * saved through the session with a history row, so that `assessment undo`
 * takes it back. The table is the template's energy table, else its
 * water-balance table; --table names another.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-format.h"
#include "ga-ledger-import.h"

/* --map COLUMN=FIELD, each; FALSE after saying which is wrong. */
static gboolean
apply_maps (GaLedgerImport *imp,
            char          **maps)
{
  for (guint i = 0; maps && maps[i]; i++)
    {
      const char *eq = strrchr (maps[i], '=');
      g_autofree char *column = eq ? g_strndup (maps[i], eq - maps[i]) : NULL;
      GaLedgerField field;
      int c;

      if (eq == NULL || !ga_ledger_field_from_string (eq + 1, &field))
        {
          ga_cli_value_error (_("--map %s: write COLUMN=FIELD, FIELD one of carrier, unit, qty, "
                                "month, meter, ignore"), maps[i]);
          return FALSE;
        }
      c = ga_ledger_import_find_column (imp, column);
      if (c < 0)
        {
          ga_cli_value_error (_("--map %s: no column “%s”: give its letter (B), its number "
                                "from 1 or its heading"), maps[i], column);
          return FALSE;
        }
      ga_ledger_import_set_field (imp, (guint) c, field);
    }
  return TRUE;
}

static void
print_columns (GaLedgerImport *imp)
{
  const GaSheet *sheet = ga_ledger_import_get_sheet (imp);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint c = 0; c < ga_sheet_get_n_columns (sheet); c++)
    {
      GaLedgerField f = ga_ledger_import_get_field (imp, c);
      const char *unit = ga_ledger_import_get_column_unit (imp, c);
      char **row;

      if (f == GA_LEDGER_FIELD_IGNORE)
        continue;
      row = g_new0 (char *, 4);
      row[0] = ga_sheet_column_name (c);
      row[1] = g_strdup (ga_cli_or_dash (ga_ledger_import_get_heading (imp, c)));
      row[2] = unit ? g_strdup_printf ("%s (%s)", ga_ledger_import_get_field_label (imp, f), unit)
                    : g_strdup (ga_ledger_import_get_field_label (imp, f));
      g_ptr_array_add (rows, row);
    }
  g_print ("%s\n", _("Columns:"));
  if (rows->len == 0)
    g_print ("  %s\n", _("(none recognised: map them with --map COLUMN=FIELD)"));
  ga_cli_print_table (rows, 3);
}

static char *
quantity_text (double      qty,
               const char *unit)
{
  g_autofree char *n = ga_format_number_plain (qty, 6);

  return g_strdup_printf ("%s %s", n, unit);
}

static void
print_rows (GaLedgerImport *imp)
{
  GPtrArray *taken = ga_ledger_import_get_rows (imp);
  GPtrArray *skipped = ga_ledger_import_get_skipped (imp);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_print (ngettext ("%u row taken:\n", "%u rows taken:\n", taken->len), taken->len);
  for (guint i = 0; i < taken->len; i++)
    {
      GaLedgerRow *r = taken->pdata[i];
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup_printf (_("row %u"), r->source_row + 1);
      row[1] = g_strdup (ga_ledger_import_get_kind_label (imp, r->carrier));
      row[2] = quantity_text (r->qty, r->unit);
      row[3] = g_strdup (r->meter ? r->meter : "");
      g_ptr_array_add (table, row);
    }
  ga_cli_print_table (table, 4);
  if (skipped->len > 0)
    g_print (ngettext ("%u row not taken:\n", "%u rows not taken:\n", skipped->len),
             skipped->len);
  for (guint i = 0; i < skipped->len; i++)
    {
      GaLedgerSkip *s = skipped->pdata[i];
      g_autofree char *where = g_strdup_printf (_("row %u"), s->source_row + 1);

      g_print ("  %s (%s): %s\n", where, ga_ledger_skip_reason_to_string (s->reason),
               s->message);
    }
}

/* A water-balance table's rows after the import, with their names, and
 * the sums of its computed columns (V_i, V_r …) as the engine computes
 * them. */
static void
print_water_totals (GaLedgerImport *imp,
                    GaSession      *session,
                    gboolean        replace)
{
  const GaItem *item = ga_ledger_import_get_item (imp);
  GPtrArray *totals = ga_ledger_import_get_totals (imp);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) sums = ga_ledger_import_preview_sums (imp, session, replace);
  guint k = 0;

  g_print (_("Rows for “%s”:\n"), ga_text_get (&item->title, NULL));
  for (guint i = 0; i < totals->len; i++)
    {
      GaLedgerTotal *t = totals->pdata[i];
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (ga_ledger_import_get_kind_label (imp, t->carrier));
      row[1] = quantity_text (t->qty, t->unit);
      row[2] = g_strdup (t->name ? t->name : "");
      g_ptr_array_add (table, row);
    }
  ga_cli_print_table (table, 3);
  g_print (_("“%s” after the import:\n"), ga_text_get (&item->title, NULL));
  g_ptr_array_set_size (table, 0);
  for (guint c = 0; c < item->columns->len && k < sums->len; c++)
    {
      const GaColumn *column = item->columns->pdata[c];
      char **row;

      if (column->kind != GA_ITEM_COMPUTED)
        continue;
      row = g_new0 (char *, 3);
      row[0] = g_strdup (ga_text_get (&column->title, NULL));
      row[1] = quantity_text (g_array_index (sums, double, k++), column->unit ? column->unit : "");
      g_ptr_array_add (table, row);
    }
  ga_cli_print_table (table, 2);
}

/* The table's rows after the import, with their tce as the engine
 * computes them, and the table's total. */
static void
print_totals (GaLedgerImport *imp,
              GaSession      *session,
              gboolean        replace)
{
  GPtrArray *totals = ga_ledger_import_get_totals (imp);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) row_tce = NULL;
  g_autofree char *sum_text = NULL;
  double sum;

  sum = ga_ledger_import_preview_tce (imp, session, replace, &row_tce);
  g_print ("%s\n", _("Rows for the energy table:"));
  for (guint i = 0; i < totals->len; i++)
    {
      GaLedgerTotal *t = totals->pdata[i];
      char **row = g_new0 (char *, 4);
      g_autofree char *tce = ga_format_number_plain (g_array_index (row_tce, double, i), 4);

      row[0] = g_strdup (ga_ledger_import_get_kind_label (imp, t->carrier));
      row[1] = quantity_text (t->qty, t->unit);
      row[2] = g_strdup_printf ("%s tce", tce);
      g_ptr_array_add (table, row);
    }
  ga_cli_print_table (table, 3);
  sum_text = ga_format_number_plain (sum, 4);
  g_print (_("The energy table after the import: %s tce\n"), sum_text);
}

static GaSheet *
read_sheet (const char *path,
            const char *sheet_name)
{
  g_autoptr(GError) error = NULL;
  GaSheet *sheet = ga_sheet_read_file (path, sheet_name, &error);

  if (sheet == NULL)
    {
      /* The reader's message names the file. */
      ga_cli_value_error ("%s", error->message);
      return NULL;
    }
  if (ga_sheet_get_format (sheet) == GA_SHEET_FORMAT_CSV)
    g_print (_("%s: CSV, %s, separated by “%s”\n"), ga_sheet_get_name (sheet),
             ga_sheet_get_encoding (sheet),
             ga_sheet_get_separator (sheet) == '\t' ? "\\t"
             : ga_sheet_get_separator (sheet) == ';' ? ";" : ",");
  else
    g_print (_("Sheet “%s” of the workbook\n"), ga_sheet_get_name (sheet));
  return sheet;
}

int
ga_cli_cmd_import (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GaSheet) sheet = NULL;
  g_autoptr(GaLedgerImport) imp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *table_id = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean dry_run = FALSE, replace = FALSE, append = FALSE;
  int header_row = 0;
  const GaItem *item;
  const GaAnswer *current;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name,
      N_("The sheet of a workbook to read (default: the first)"), N_("NAME") },
    { "header-row", 0, 0, G_OPTION_ARG_INT, &header_row,
      N_("The row of the headings, from 1 (default: guessed)"), N_("N") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("What a column holds: COLUMN (letter, number or heading) = carrier, unit, qty, "
         "month, meter or ignore; may be repeated"), N_("COLUMN=FIELD") },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table_id,
      N_("The table to fill, by its item id (default: the energy table, else the "
         "water-balance table)"), N_("ID") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what would be imported and save nothing"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the rows the table has"), NULL },
    { "append", 0, 0, G_OPTION_ARG_NONE, &append,
      N_("Add the imported rows after the rows the table has"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_file_arguments (&argc, &argv, _("ASSESSMENT FILE"),
                                    _("Imports an energy or water ledger, an XLSX workbook or a "
                                      "CSV file (a 205-1-style table, a water ledger or a monthly "
                                      "meter export), into the energy table of an assessment, or "
                                      "the water-balance table of a water-saving one (--table "
                                      "names another). The heading row and what each column holds "
                                      "are guessed; --map overrides the guess. Prints the "
                                      "columns, the rows taken, the rows not taken and why, and "
                                      "the table's rows with their tce or, for water, the "
                                      "table's volumes; rows of the same carrier and unit, or of "
                                      "the same kind of water, are added up into one. Saved as "
                                      "one change that `assessment undo` takes back."),
                                    entries, 2, GA_CLI_FILE_ARG (2),
                                    _("missing ASSESSMENT or FILE"), &context, &exit_code))
    return exit_code;
  if (replace && append)
    return ga_cli_usage_error (context, _("--replace and --append exclude each other"));
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  session = ga_session_new (store, id, NULL, &error);
  if (session == NULL)
    return ga_cli_fail (argv[1], error);
  if (table_id != NULL)
    {
      GaTemplate *tmpl = ga_session_get_template (session);
      g_autoptr(GPtrArray) targets = ga_ledger_import_list_targets (tmpl);

      item = ga_template_find_item (tmpl, table_id);
      if (item == NULL || !ga_ledger_import_can_import (tmpl, item))
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (guint i = 0; i < targets->len; i++)
            g_string_append_printf (ids, "%s%s", i ? ", " : "", ((GaItem *) targets->pdata[i])->id);
          return ga_cli_value_error (_("--table %s: not a table a ledger can be imported into; "
                                       "this template's are: %s"), table_id,
                                     ids->len ? ids->str : "–");
        }
    }
  else
    item = ga_ledger_import_find_target (ga_session_get_template (session));
  if (item == NULL)
    return ga_cli_value_error (_("%s: the assessment's template has no energy or water-balance "
                                 "table to import into"), argv[1]);
  sheet = read_sheet (argv[2], sheet_name);
  if (sheet == NULL)
    return GA_CLI_EXIT_INVALID;
  imp = ga_ledger_import_new (sheet, ga_session_get_template (session), item);
  if (header_row < 0 || header_row > (int) ga_sheet_get_n_rows (sheet))
    return ga_cli_value_error (_("--header-row %d: the sheet has rows 1 to %u"), header_row,
                               ga_sheet_get_n_rows (sheet));
  if (header_row > 0)
    ga_ledger_import_set_header_row (imp, header_row - 1);
  if (!apply_maps (imp, maps))
    return GA_CLI_EXIT_INVALID;

  if (ga_ledger_import_get_header_row (imp) >= 0)
    g_print (_("Heading row: %d\n"), ga_ledger_import_get_header_row (imp) + 1);
  else
    g_print ("%s\n", _("Heading row: not found (give it with --header-row)"));
  print_columns (imp);
  print_rows (imp);
  current = ga_session_get_answer (session, item);
  if (!replace && !append && current != NULL && current->rows != NULL && current->rows->len > 0
      && !dry_run && ga_ledger_import_is_water (imp))
    return ga_cli_value_error (ngettext ("“%s” has %u row: add --replace to replace it or "
                                         "--append to keep it",
                                         "“%s” has %u rows: add --replace to replace them or "
                                         "--append to keep them", current->rows->len),
                               ga_text_get (&item->title, NULL), current->rows->len);
  if (!replace && !append && current != NULL && current->rows != NULL && current->rows->len > 0
      && !dry_run)
    return ga_cli_value_error (ngettext ("the energy table has %u row: add --replace to replace "
                                         "it or --append to keep it",
                                         "the energy table has %u rows: add --replace to replace "
                                         "them or --append to keep them", current->rows->len),
                               current->rows->len);
  if (ga_ledger_import_get_totals (imp)->len == 0)
    {
      g_autoptr(GaAnswer) none = ga_ledger_import_build_answer (imp, current, TRUE, &error);

      g_assert (none == NULL);
      return ga_cli_fail (argv[2], error);
    }
  if (ga_ledger_import_is_water (imp))
    print_water_totals (imp, session, !append);
  else
    print_totals (imp, session, !append);
  if (dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing saved."));
      return GA_CLI_EXIT_OK;
    }
  if (!ga_ledger_import_apply (imp, session, !append, &error))
    return ga_cli_fail (argv[1], error);
  if (ga_ledger_import_is_water (imp))
    g_print (ngettext ("Imported %u row into “%s”.\n", "Imported %u rows into “%s”.\n",
                       ga_ledger_import_get_totals (imp)->len),
             ga_ledger_import_get_totals (imp)->len, ga_text_get (&item->title, NULL));
  else
    g_print (ngettext ("Imported %u row into the energy table.\n",
                       "Imported %u rows into the energy table.\n",
                       ga_ledger_import_get_totals (imp)->len),
             ga_ledger_import_get_totals (imp)->len);
  return GA_CLI_EXIT_OK;
}
