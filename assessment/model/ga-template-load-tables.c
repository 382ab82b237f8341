/* ga-template-load-tables.c: the lookup tables of a template (conversion and emission factors)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-template-private.h"

/* The column names: the key column first, then one per value. */
static void
parse_table_columns (GaLoader      *l,
                     GaJsonNode    *obj,
                     const char    *path,
                     GaLookupTable *table)
{
  GaJsonNode *columns = ga_loader_want_array (l, obj, path, "columns", TRUE);
  g_autofree char *cpath = NULL;

  if (columns == NULL)
    return;
  cpath = ga_field_path (path, "columns");
  if (ga_json_array_get_length (columns) < 2)
    ga_loader_problem (l, cpath, "a lookup table needs the key column and at least one more");
  for (guint c = 0; c < ga_json_array_get_length (columns); c++)
    {
      GaJsonNode *n = ga_json_array_get_element (columns, c);
      g_autofree char *p = ga_index_path (cpath, NULL, c);
      if (!ga_node_is_string (n) || g_strcmp0 (ga_json_node_get_string (n), "") == 0)
        {
          ga_loader_problem (l, p, "expected a column name, found %s", ga_node_description (n));
          g_ptr_array_add (table->columns, g_strdup_printf ("column%u", c));
          continue;
        }
      for (guint k = 0; k < table->columns->len; k++)
        if (g_str_equal (table->columns->pdata[k], ga_json_node_get_string (n)))
          ga_loader_problem (l, p, "duplicate column '%s'", ga_json_node_get_string (n));
      g_ptr_array_add (table->columns, g_strdup (ga_json_node_get_string (n)));
    }
}

/* One unit (or NULL) per column; a missing list gives every column none. */
static void
parse_table_units (GaLoader      *l,
                   GaJsonNode    *obj,
                   const char    *path,
                   GaLookupTable *table)
{
  GaJsonNode *units = ga_loader_want_array (l, obj, path, "units", FALSE);
  g_autofree char *upath = NULL;

  for (guint c = 0; c < table->columns->len; c++)
    {
      GaJsonNode *n = units != NULL && c < ga_json_array_get_length (units)
                    ? ga_json_array_get_element (units, c) : NULL;
      g_ptr_array_add (table->column_units,
                       ga_node_is_string (n) ? g_strdup (ga_json_node_get_string (n)) : NULL);
    }
  if (units == NULL)
    return;
  upath = ga_field_path (path, "units");
  if (ga_json_array_get_length (units) != table->columns->len)
    ga_loader_problem (l, upath, "%u units for %u columns",
                       ga_json_array_get_length (units), table->columns->len);
  for (guint c = 0; c < ga_json_array_get_length (units); c++)
    {
      GaJsonNode *n = ga_json_array_get_element (units, c);
      if (!GA_JSON_NODE_HOLDS_NULL (n) && !ga_node_is_string (n))
        {
          g_autofree char *p = ga_index_path (upath, NULL, c);
          ga_loader_problem (l, p, "expected a unit string or null, found %s",
                             ga_node_description (n));
        }
    }
}

/* "column_titles": {"ncv": {"zh_CN": "低位发热量", "en": "Net calorific
 * value"}, …}, the headings a reader sees instead of the column names. */
static void
parse_table_titles (GaLoader      *l,
                    GaJsonNode    *obj,
                    const char    *path,
                    GaLookupTable *table)
{
  GaJsonNode *node = ga_member (obj, "column_titles");
  g_autofree char *tpath = ga_field_path (path, "column_titles");
  GaJsonNode *titles;
  GaJsonObjectIter iter;
  const char *name;

  table->column_titles = g_new0 (GaText, MAX (table->columns->len, 1));
  if (node == NULL)
    return;
  if (!GA_JSON_NODE_HOLDS_OBJECT (node))
    {
      ga_loader_problem (l, tpath, "expected an object of column names and their titles, "
                         "found %s", ga_node_description (node));
      return;
    }
  titles = ga_json_node_get_object (node);
  ga_json_object_iter_init (&iter, titles);
  while (ga_json_object_iter_next (&iter, &name, NULL))
    {
      guint c;

      for (c = 0; c < table->columns->len; c++)
        if (g_str_equal (table->columns->pdata[c], name))
          break;
      if (c == table->columns->len)
        {
          g_autofree char *p = ga_field_path (tpath, name);
          ga_loader_problem (l, p, "'%s' is not a column of this table", name);
          continue;
        }
      ga_loader_want_text (l, titles, tpath, name, TRUE, &table->column_titles[c]);
    }
}

/* The "values" of a row: one per column after the key. */
static void
parse_row_values (GaLoader   *l,
                  GaJsonNode *ro,
                  const char *rpath,
                  GaTableRow *row,
                  guint       n_cells)
{
  GaJsonNode *values = ga_loader_want_array (l, ro, rpath, "values", TRUE);

  if (values == NULL)
    return;
  if (ga_json_array_get_length (values) != n_cells)
    {
      g_autofree char *vp = ga_field_path (rpath, "values");
      ga_loader_problem (l, vp, "%u values for %u columns after the key",
                         ga_json_array_get_length (values), n_cells);
    }
  for (guint c = 0; c < n_cells && c < ga_json_array_get_length (values); c++)
    {
      GaJsonNode *n = ga_json_array_get_element (values, c);
      if (ga_node_is_number (n) && isfinite (ga_json_node_get_double (n)))
        ga_value_set_number (&row->cells[c], ga_json_node_get_double (n));
      else if (ga_node_is_string (n))
        ga_value_set_text (&row->cells[c], ga_json_node_get_string (n));
      else if (!GA_JSON_NODE_HOLDS_NULL (n))
        {
          g_autofree char *vp = g_strdup_printf ("%s.values[%u]", rpath, c);
          ga_loader_problem (l, vp, "expected a number, a string or null, found %s",
                             ga_node_description (n));
        }
    }
}

static void
parse_table_row (GaLoader      *l,
                 GaJsonNode    *ro,
                 const char    *rpath,
                 GaLookupTable *table,
                 guint          n_cells)
{
  static const char * const row_fields[] = { "key", "values", "verified", "note", "label", NULL };
  GaTableRow *row;

  ga_loader_check_fields (l, ro, rpath, row_fields, NULL, NULL);
  row = g_new0 (GaTableRow, 1);
  row->verified = table->verified;
  row->cells = g_new0 (GaValue, MAX (n_cells, 1));
  g_ptr_array_add (table->rows, row);
  if (ga_loader_want_string (l, ro, rpath, "key", TRUE, &row->key))
    {
      /* Keys are looked up without regard to case, so they must differ
       * by more than case. */
      char *folded = g_utf8_casefold (row->key, -1);
      if (g_hash_table_contains (table->row_by_key, folded))
        {
          g_autofree char *kp = ga_field_path (rpath, "key");
          ga_loader_problem (l, kp, "duplicate key '%s'", row->key);
          g_free (folded);
        }
      else
        g_hash_table_insert (table->row_by_key, folded, row);
    }
  ga_loader_want_text (l, ro, rpath, "label", FALSE, &row->label);
  ga_loader_want_bool (l, ro, rpath, "verified", &row->verified);
  ga_loader_want_string (l, ro, rpath, "note", FALSE, &row->note);
  parse_row_values (l, ro, rpath, row, n_cells);
}

void
ga_loader_parse_lookup_table (GaLoader   *l,
                              GaJsonNode *obj,
                              const char *path)
{
  static const char * const fields[] = {
    "id", "title", "source", "version", "verified", "unverified_reason", "columns", "units",
    "column_titles", "rows", "note", NULL
  };
  GaTemplate *tmpl = l->tmpl;
  GaLookupTable *table = g_new0 (GaLookupTable, 1);
  GaJsonNode *rows;
  guint n_cells;

  ga_loader_check_fields (l, obj, path, fields, NULL, NULL);
  table->verified = TRUE;
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->column_units = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new ();
  table->row_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (tmpl->tables, table);

  if (ga_loader_want_string (l, obj, path, "id", TRUE, &table->id))
    {
      if (g_hash_table_contains (tmpl->tables_by_id, table->id))
        {
          g_autofree char *ip = ga_field_path (path, "id");
          ga_loader_problem (l, ip, "duplicate lookup table id '%s'", table->id);
        }
      else
        g_hash_table_insert (tmpl->tables_by_id, table->id, table);
    }
  ga_loader_want_text (l, obj, path, "title", TRUE, &table->title);
  ga_loader_want_string (l, obj, path, "source", TRUE, &table->source);
  ga_loader_want_string (l, obj, path, "version", FALSE, &table->version);
  ga_loader_want_bool (l, obj, path, "verified", &table->verified);
  ga_loader_want_string (l, obj, path, "unverified_reason", FALSE, &table->unverified_reason);
  if (!table->verified && table->unverified_reason == NULL)
    ga_loader_problem (l, path, "a table with \"verified\": false needs \"unverified_reason\"");

  parse_table_columns (l, obj, path, table);
  n_cells = table->columns->len > 0 ? table->columns->len - 1 : 0;
  parse_table_units (l, obj, path, table);
  parse_table_titles (l, obj, path, table);

  rows = ga_loader_want_array (l, obj, path, "rows", TRUE);
  for (guint r = 0; rows != NULL && r < ga_json_array_get_length (rows); r++)
    {
      g_autofree char *rpath = ga_index_path (path, "rows", r);
      GaJsonNode *ro = ga_loader_element_object (l, ga_json_array_get_element (rows, r), rpath);

      if (ro != NULL)
        parse_table_row (l, ro, rpath, table, n_cells);
    }
}
