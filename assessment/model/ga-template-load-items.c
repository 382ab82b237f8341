/* ga-template-load-items.c: the items of a template: kinds, options and table columns
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-template-private.h"

/* ------------------------------------------------------------------------ */
/* Options                                                                  */

static GPtrArray *
parse_options (GaLoader   *l,
               GaJsonNode *obj,
               const char *path,
               gboolean    required)
{
  static const char * const fields[] = { "id", "label", "points", "level", "fails", NULL };
  GaJsonNode *array = ga_loader_want_array (l, obj, path, "options", required);
  g_autofree char *opath = ga_field_path (path, "options");
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *options;

  if (array == NULL)
    return NULL;
  options = g_ptr_array_new_with_free_func (ga_option_free);
  if (ga_json_array_get_length (array) == 0)
    ga_loader_problem (l, opath, "a choice needs at least one option");

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ga_json_array_get_length (array); i++)
    {
      g_autofree char *p = ga_index_path (opath, NULL, i);
      GaJsonNode *o = ga_loader_element_object (l, ga_json_array_get_element (array, i), p);
      GaOption *option;

      if (o == NULL)
        continue;
      ga_loader_check_fields (l, o, p, fields, NULL, NULL);
      option = g_new0 (GaOption, 1);
      option->points = NAN;
      g_ptr_array_add (options, option);
      if (ga_loader_want_string (l, o, p, "id", TRUE, &option->id))
        {
          if (g_hash_table_contains (seen, option->id))
            {
              g_autofree char *ip = ga_field_path (p, "id");
              ga_loader_problem (l, ip, "duplicate option id '%s'", option->id);
            }
          g_hash_table_add (seen, option->id);
        }
      if (!ga_loader_want_text (l, o, p, "label", FALSE, &option->label) && option->id != NULL)
        {
          option->label.zh = g_strdup (option->id);
          option->label.en = g_strdup (option->id);
        }
      if (ga_loader_want_number (l, o, p, "points", FALSE, &option->points) && option->points < 0)
        {
          g_autofree char *pp = ga_field_path (p, "points");
          ga_loader_problem (l, pp, "points must not be negative");
        }
      option->level = -1;
      ga_loader_want_int (l, o, p, "level", FALSE, 0, 3, &option->level);
      ga_loader_want_bool (l, o, p, "fails", &option->fails);
    }
  return options;
}

/* ------------------------------------------------------------------------ */
/* Items                                                                    */

#define ITEM_COMMON_FIELDS \
  "id", "kind", "title", "requirement", "guidance", "clause", "source", "verified", \
  "unverified_reason", "mandatory", "veto", "limiting", "bonus", "na_allowed", "points", \
  "weight", "applicable", "evidence", "score"

/* The fields an item of @kind may have (static lists, so that their sets
 * are built once). */
static const char * const *
item_fields (GaItemKind kind)
{
  static const char * const common[] = { ITEM_COMMON_FIELDS, NULL };
  static const char * const compliance[] = { ITEM_COMMON_FIELDS, "partial_factor", NULL };
  static const char * const number[] = { ITEM_COMMON_FIELDS, "unit", "min", "max", "integer",
                                         "plausible", "prefill", NULL };
  static const char * const choice[] = { ITEM_COMMON_FIELDS, "options", NULL };
  static const char * const table[] = { ITEM_COMMON_FIELDS, "columns", "rows", "min_rows", NULL };
  static const char * const computed[] = { ITEM_COMMON_FIELDS, "value", "unit", "format",
                                           "plausible", NULL };

  switch (kind)
    {
    case GA_ITEM_COMPLIANCE: return compliance;
    case GA_ITEM_NUMBER: return number;
    case GA_ITEM_CHOICE:
    case GA_ITEM_MULTI: return choice;
    case GA_ITEM_TABLE: return table;
    case GA_ITEM_COMPUTED: return computed;
    default: return common;
    }
}

static const char * const item_specific_fields[] = {
  "partial_factor", "unit", "min", "max", "integer", "options", "columns", "rows", "min_rows",
  "value", "format", "plausible", "prefill", NULL
};

static const char * const item_kind_names[] = {
  "compliance", "yesno", "number", "choice", "multi", "points", "text", "date", "table",
  "computed", NULL
};

static const char * const column_kind_names[] = {
  "number", "text", "choice", "yesno", "date", "computed", NULL
};

/* "items of kind 'number'", for messages about fields of another kind. */
static const char *
kind_phrase (GaItemKind kind,
             gboolean   column)
{
  static const char * const items[] = {
    "items of kind 'compliance'", "items of kind 'yesno'", "items of kind 'number'",
    "items of kind 'choice'", "items of kind 'multi'", "items of kind 'points'",
    "items of kind 'text'", "items of kind 'date'", "items of kind 'table'",
    "items of kind 'computed'",
  };
  static const char * const columns[] = {
    "columns of kind 'compliance'", "columns of kind 'yesno'", "columns of kind 'number'",
    "columns of kind 'choice'", "columns of kind 'multi'", "columns of kind 'points'",
    "columns of kind 'text'", "columns of kind 'date'", "columns of kind 'table'",
    "columns of kind 'computed'",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (items) == GA_ITEM_COMPUTED + 1);
  if ((guint) kind > GA_ITEM_COMPUTED)
    return column ? "columns of this kind" : "items of this kind";
  return column ? columns[kind] : items[kind];
}

/* " (did you mean 'compliance'?)" or "". */
static char *
kind_hint (const char         *kind,
           const char * const *names)
{
  const char *best = ga_closest_name (kind, names);

  return best != NULL ? g_strdup_printf (" (did you mean '%s'?)", best) : g_strdup ("");
}

static gboolean
parse_kind (const char *text,
            GaItemKind *out)
{
  for (GaItemKind k = GA_ITEM_COMPLIANCE; k <= GA_ITEM_COMPUTED; k++)
    if (g_str_equal (text, ga_item_kind_to_string (k)))
      {
        *out = k;
        return TRUE;
      }
  return FALSE;
}

#define COLUMN_COMMON_FIELDS "id", "kind", "title", "unit", "required"

static const char * const *
column_fields_for (GaItemKind kind)
{
  static const char * const common[] = { COLUMN_COMMON_FIELDS, NULL };
  static const char * const computed[] = { COLUMN_COMMON_FIELDS, "value", "plausible", NULL };
  static const char * const choice[] = { COLUMN_COMMON_FIELDS, "options", "options_table",
                                         "units_of", NULL };
  static const char * const number[] = { COLUMN_COMMON_FIELDS, "min", "max", "plausible", NULL };

  switch (kind)
    {
    case GA_ITEM_COMPUTED: return computed;
    case GA_ITEM_CHOICE: return choice;
    case GA_ITEM_NUMBER: return number;
    default: return common;
    }
}

/* A choice column whose options are the rows of a lookup table: each key
 * is an option id, labelled with the row's label. */
static void
options_from_table (GaLoader   *l,
                    GaJsonNode *co,
                    const char *p,
                    GaColumn   *column)
{
  GaLookupTable *table;

  if (ga_member (co, "options") != NULL)
    ga_loader_problem (l, p, "give either \"options\" or \"options_table\", not both");
  ga_loader_want_string (l, co, p, "options_table", TRUE, &column->options_table);
  table = column->options_table != NULL
          ? g_hash_table_lookup (l->tmpl->tables_by_id, column->options_table) : NULL;
  column->options = g_ptr_array_new_with_free_func (ga_option_free);
  if (column->options_table != NULL && table == NULL)
    {
      g_autofree char *tp = ga_field_path (p, "options_table");
      ga_loader_problem (l, tp, "unknown lookup table '%s'", column->options_table);
    }
  for (guint r = 0; table != NULL && r < table->rows->len; r++)
    {
      GaTableRow *row = table->rows->pdata[r];
      GaOption *option;

      if (row->key == NULL)
        continue;
      option = g_new0 (GaOption, 1);
      option->id = g_strdup (row->key);
      option->label.zh = g_strdup (row->label.zh != NULL ? row->label.zh : row->key);
      option->label.en = g_strdup (row->label.en != NULL ? row->label.en : row->key);
      option->points = NAN;
      option->level = -1;
      g_ptr_array_add (column->options, option);
    }
}

/* The column's "id" (a name in row formulas) and "kind"; a column without
 * a usable id is called "column<c>" so that messages can still name it. */
static void
parse_column_id_kind (GaLoader   *l,
                      GaJsonNode *co,
                      const char *p,
                      guint       c,
                      GaItem     *item,
                      GaColumn   *column)
{
  g_autofree char *kind = NULL;
  GaItemKind k;

  if (ga_loader_want_string (l, co, p, "id", TRUE, &column->id))
    {
      if (!ga_is_identifier (column->id))
        {
          g_autofree char *ip = ga_field_path (p, "id");
          ga_loader_problem (l, ip, "'%s' is not a valid id (letters, digits and _; not "
                             "starting with a digit)", column->id);
        }
      ga_loader_register_symbol (l, column->id, p, GA_SYMBOL_COLUMN, item->index, c);
    }
  else
    column->id = g_strdup_printf ("column%u", c);

  if (!ga_loader_want_string (l, co, p, "kind", TRUE, &kind))
    return;
  if (!parse_kind (kind, &k) || !(k == GA_ITEM_NUMBER || k == GA_ITEM_TEXT
                                  || k == GA_ITEM_CHOICE || k == GA_ITEM_YESNO
                                  || k == GA_ITEM_DATE || k == GA_ITEM_COMPUTED))
    {
      g_autofree char *kp = ga_field_path (p, "kind");
      g_autofree char *hint = kind_hint (kind, column_kind_names);
      ga_loader_problem (l, kp, "unknown column kind '%s'%s; use number, text, choice, "
                         "yesno, date or computed", kind, hint);
    }
  else
    column->kind = k;
}

/* The fields that only some kinds of column have. */
static void
parse_column_kind_fields (GaLoader          *l,
                          GaJsonNode        *co,
                          const char        *p,
                          const GaSiteOwner *owner,
                          GaColumn          *column)
{
  switch (column->kind)
    {
    case GA_ITEM_COMPUTED:
      column->formula = ga_loader_want_expr (l, co, p, "value", TRUE, owner, GA_STATIC_ANY,
                                             FALSE);
      break;
    case GA_ITEM_NUMBER:
      ga_loader_want_number (l, co, p, "min", FALSE, &column->min);
      ga_loader_want_number (l, co, p, "max", FALSE, &column->max);
      if (!isnan (column->min) && !isnan (column->max) && column->min > column->max)
        ga_loader_problem (l, p, "bounds: min %g is greater than max %g", column->min,
                           column->max);
      break;
    case GA_ITEM_CHOICE:
      if (ga_member (co, "options_table") != NULL)
        options_from_table (l, co, p, column);
      else
        column->options = parse_options (l, co, p, TRUE);
      ga_loader_want_string (l, co, p, "units_of", FALSE, &column->units_of);
      break;
    default:
      break;
    }
}

static void
parse_column (GaLoader   *l,
              GaJsonNode *co,
              const char *p,
              guint       c,
              GaItem     *item)
{
  static const char * const column_specific[] = {
    "value", "options", "options_table", "min", "max", "plausible", "units_of", NULL
  };
  GaSiteOwner owner = { GA_NODE_COLUMN, item->index, item->columns->len, item, NULL };
  GaColumn *column;

  column = g_new0 (GaColumn, 1);
  column->kind = GA_ITEM_TEXT;
  column->min = NAN;
  column->max = NAN;
  column->units_of_column = -1;
  g_ptr_array_add (item->columns, column);
  if (co == NULL)
    {
      column->id = g_strdup_printf ("column%u", c);
      return;
    }

  parse_column_id_kind (l, co, p, c, item, column);
  ga_loader_check_fields (l, co, p, column_fields_for (column->kind), column_specific,
                          kind_phrase (column->kind, TRUE));
  if (!ga_loader_want_text (l, co, p, "title", FALSE, &column->title))
    {
      column->title.zh = g_strdup (column->id);
      column->title.en = g_strdup (column->id);
    }
  ga_loader_want_string (l, co, p, "unit", FALSE, &column->unit);
  ga_loader_want_bool (l, co, p, "required", &column->required);
  parse_column_kind_fields (l, co, p, &owner, column);
}

static void
parse_columns (GaLoader   *l,
               GaJsonNode *obj,
               const char *path,
               GaItem     *item)
{
  GaJsonNode *array = ga_loader_want_array (l, obj, path, "columns", TRUE);
  g_autofree char *cpath = ga_field_path (path, "columns");

  item->columns = g_ptr_array_new_with_free_func (ga_column_free);
  if (array == NULL)
    return;
  if (ga_json_array_get_length (array) == 0)
    ga_loader_problem (l, cpath, "a table needs at least one column");

  for (guint c = 0; c < ga_json_array_get_length (array); c++)
    {
      g_autofree char *p = ga_index_path (cpath, NULL, c);
      GaJsonNode *co = ga_loader_element_object (l, ga_json_array_get_element (array, c), p);

      parse_column (l, co, p, c, item);
    }
  /* Once every column is known: a plausible range may except the rows
   * that chose an option in another column. */
  for (guint c = 0; c < ga_json_array_get_length (array) && c < item->columns->len; c++)
    {
      GaColumn *column = g_ptr_array_index (item->columns, c);
      g_autofree char *p = ga_index_path (cpath, NULL, c);
      GaJsonNode *n = ga_json_array_get_element (array, c);

      if (GA_JSON_NODE_HOLDS_OBJECT (n)
          && (column->kind == GA_ITEM_NUMBER || column->kind == GA_ITEM_COMPUTED))
        column->plausible = ga_loader_parse_plausible (l, ga_json_node_get_object (n), p,
                                                       column->min, column->max, item);
    }
  ga_loader_resolve_units (l, path, item);
}

static void
parse_fixed_rows (GaLoader   *l,
                  GaJsonNode *obj,
                  const char *path,
                  GaItem     *item)
{
  GaJsonNode *rows = ga_loader_want_array (l, obj, path, "rows", FALSE);

  if (rows == NULL)
    return;
  item->fixed_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint r = 0; r < ga_json_array_get_length (rows); r++)
    {
      GaJsonNode *n = ga_json_array_get_element (rows, r);
      g_autofree char *rpath = ga_index_path (path, "rows", r);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) row_node = NULL;
      GaRow *row;

      if (!GA_JSON_NODE_HOLDS_OBJECT (n))
        {
          ga_loader_problem (l, rpath, "expected a row object, found %s", ga_node_description (n));
          continue;
        }
      /* The rows are kept, and read like answers, as json-glib objects. */
      row_node = ga_json_node_to_json_glib (n);
      row = ga_answer_row_from_json (row_node, item, r, &error);
      if (row == NULL)
        ga_loader_problem (l, rpath, "%s", error->message);
      else
        ga_row_free (row);
      g_ptr_array_add (item->fixed_rows, json_object_ref (json_node_get_object (row_node)));
    }
}

/* A new item of @section with the defaults of a field left out. */
static GaItem *
item_new (GaLoader   *l,
          const char *path,
          GaSection  *section)
{
  GaTemplate *tmpl = l->tmpl;
  GaItem *item = g_new0 (GaItem, 1);

  item->index = tmpl->items->len;
  item->section = section;
  item->json_path = g_strdup (path);
  item->verified = TRUE;
  item->mandatory = TRUE;
  item->na_allowed = TRUE;
  item->points = NAN;
  item->min = NAN;
  item->max = NAN;
  item->score.partial_factor = 0.5;
  item->kind = GA_ITEM_TEXT;
  g_ptr_array_add (tmpl->items, item);
  g_ptr_array_add (section->items, item);
  return item;
}

/* The item's "id" and "kind"; returns whether the kind is known. An item
 * without a usable id is called "#<index>" so that messages can name it. */
static gboolean
parse_item_id_kind (GaLoader   *l,
                    GaJsonNode *obj,
                    const char *path,
                    GaItem     *item)
{
  g_autofree char *kind = NULL;
  gboolean kind_known = FALSE;

  if (ga_loader_want_string (l, obj, path, "id", TRUE, &item->id))
    {
      if (!ga_is_identifier (item->id))
        {
          g_autofree char *ip = ga_field_path (path, "id");
          ga_loader_problem (l, ip, "'%s' is not a valid item id (letters, digits and _, not "
                             "starting with a digit; used in formulas)", item->id);
        }
      ga_loader_register_symbol (l, item->id, path, GA_SYMBOL_ITEM, item->index, 0);
    }
  else
    item->id = g_strdup_printf ("#%u", item->index);

  if (ga_loader_want_string (l, obj, path, "kind", TRUE, &kind))
    {
      kind_known = parse_kind (kind, &item->kind);
      if (!kind_known)
        {
          g_autofree char *kp = ga_field_path (path, "kind");
          g_autofree char *hint = kind_hint (kind, item_kind_names);
          ga_loader_problem (l, kp, "unknown item kind '%s'%s; use compliance, yesno, number, "
                             "choice, multi, points, text, date, table or computed", kind, hint);
        }
    }
  if (!kind_known)
    {
      /* Whatever depends on the kind (fields, scoring, types) would only
       * repeat this problem in other words. */
      if (l->untyped == NULL)
        l->untyped = g_hash_table_new (NULL, NULL);
      g_hash_table_add (l->untyped, item);
    }
  return kind_known;
}

static void
parse_evidence (GaLoader   *l,
                GaJsonNode *obj,
                const char *path,
                GaItem     *item)
{
  GaJsonNode *evidence = ga_loader_want_array (l, obj, path, "evidence", FALSE);

  if (evidence == NULL)
    return;
  item->evidence = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ga_json_array_get_length (evidence); i++)
    {
      GaJsonNode *n = ga_json_array_get_element (evidence, i);
      if (!ga_node_is_string (n))
        {
          g_autofree char *ep = ga_index_path (path, "evidence", i);
          ga_loader_problem (l, ep, "expected a string, found %s", ga_node_description (n));
          continue;
        }
      g_ptr_array_add (item->evidence, g_strdup (ga_json_node_get_string (n)));
    }
}

/* "guidance": a text (what to do), or its parts
 * {"do": text, "evidence": text, "failures": text, "source": text}. */
static void
parse_guidance (GaLoader   *l,
                GaJsonNode *obj,
                const char *path,
                GaItem     *item)
{
  static const char * const parts[] = { "do", "evidence", "failures", "source", NULL };
  GaJsonNode *node = ga_member (obj, "guidance");
  g_autofree char *gpath = NULL;
  GaJsonNode *g;

  if (node == NULL || !GA_JSON_NODE_HOLDS_OBJECT (node)
      || (ga_member (ga_json_node_get_object (node), "do") == NULL
          && ga_member (ga_json_node_get_object (node), "evidence") == NULL
          && ga_member (ga_json_node_get_object (node), "failures") == NULL))
    {
      ga_loader_want_text (l, obj, path, "guidance", FALSE, &item->guidance);
      return;
    }
  gpath = ga_field_path (path, "guidance");
  g = ga_json_node_get_object (node);
  ga_loader_check_fields (l, g, gpath, parts, NULL, NULL);
  ga_loader_want_text (l, g, gpath, "do", FALSE, &item->guidance);
  ga_loader_want_text (l, g, gpath, "evidence", FALSE, &item->guidance_evidence);
  ga_loader_want_text (l, g, gpath, "failures", FALSE, &item->guidance_failures);
  ga_loader_want_text (l, g, gpath, "source", FALSE, &item->guidance_source);
}

/* The fields every kind of item has: texts, provenance, flags, points,
 * weight, applicability and evidence. */
static void
parse_item_common (GaLoader   *l,
                   GaJsonNode *obj,
                   const char *path,
                   GaItem     *item)
{
  GaSiteOwner owner = { GA_NODE_ITEM, item->index, 0, NULL, NULL };
  GaSiteOwner self_owner = { GA_NODE_ITEM, item->index, 0, NULL, item };

  ga_loader_want_text (l, obj, path, "title", TRUE, &item->title);
  ga_loader_want_text (l, obj, path, "requirement", FALSE, &item->requirement);
  parse_guidance (l, obj, path, item);
  ga_loader_want_string (l, obj, path, "clause", FALSE, &item->clause);
  ga_loader_want_string (l, obj, path, "source", TRUE, &item->source);
  ga_loader_want_bool (l, obj, path, "verified", &item->verified);
  ga_loader_want_string (l, obj, path, "unverified_reason", FALSE, &item->unverified_reason);
  if (!item->verified && item->unverified_reason == NULL)
    ga_loader_problem (l, path, "an item with \"verified\": false needs \"unverified_reason\"");
  ga_loader_want_bool (l, obj, path, "mandatory", &item->mandatory);
  ga_loader_want_bool (l, obj, path, "veto", &item->veto);
  ga_loader_want_bool (l, obj, path, "limiting", &item->limiting);
  ga_loader_want_bool (l, obj, path, "bonus", &item->bonus);
  ga_loader_want_bool (l, obj, path, "na_allowed", &item->na_allowed);
  if (ga_loader_want_number (l, obj, path, "points", FALSE, &item->points) && item->points < 0)
    {
      g_autofree char *pp = ga_field_path (path, "points");
      ga_loader_problem (l, pp, "points must not be negative");
    }
  item->weight = ga_loader_want_expr (l, obj, path, "weight", FALSE, &self_owner,
                                      GA_STATIC_NUMBER, FALSE);
  item->applicable = ga_loader_want_expr (l, obj, path, "applicable", FALSE, &owner,
                                          GA_STATIC_BOOLEAN, TRUE);
  parse_evidence (l, obj, path, item);
}

static void
parse_compliance_fields (GaLoader   *l,
                         GaJsonNode *obj,
                         const char *path,
                         GaItem     *item)
{
  if (ga_loader_want_number (l, obj, path, "partial_factor", FALSE, &item->score.partial_factor)
      && (item->score.partial_factor < 0 || item->score.partial_factor > 1))
    {
      g_autofree char *pp = ga_field_path (path, "partial_factor");
      ga_loader_problem (l, pp, "must be between 0 and 1");
      item->score.partial_factor = 0.5;
    }
}

static void
parse_number_fields (GaLoader   *l,
                     GaJsonNode *obj,
                     const char *path,
                     GaItem     *item)
{
  ga_loader_want_string (l, obj, path, "unit", FALSE, &item->unit);
  ga_loader_want_number (l, obj, path, "min", FALSE, &item->min);
  ga_loader_want_number (l, obj, path, "max", FALSE, &item->max);
  ga_loader_want_bool (l, obj, path, "integer", &item->integer);
  if (!isnan (item->min) && !isnan (item->max) && item->min > item->max)
    ga_loader_problem (l, path, "bounds: min %g is greater than max %g", item->min, item->max);
  item->plausible = ga_loader_parse_plausible (l, obj, path, item->min, item->max, NULL);
  if (ga_loader_want_string (l, obj, path, "prefill", FALSE, &item->prefill)
      && !g_strv_contains (ga_prefill_sources (), item->prefill))
    {
      g_autofree char *pp = ga_field_path (path, "prefill");
      g_autofree char *known = g_strjoinv (", ", (char **) ga_prefill_sources ());
      ga_loader_problem (l, pp, "unknown source '%s'; a number can be prefilled from %s",
                         item->prefill, known);
      g_clear_pointer (&item->prefill, g_free);
    }
}

static void
parse_table_fields (GaLoader   *l,
                    GaJsonNode *obj,
                    const char *path,
                    GaItem     *item)
{
  int min_rows = 0;

  parse_columns (l, obj, path, item);
  parse_fixed_rows (l, obj, path, item);
  if (ga_loader_want_int (l, obj, path, "min_rows", FALSE, 0, 100000, &min_rows))
    item->min_rows = (guint) min_rows;
}

static void
parse_computed_fields (GaLoader   *l,
                       GaJsonNode *obj,
                       const char *path,
                       GaItem     *item)
{
  GaSiteOwner owner = { GA_NODE_ITEM, item->index, 0, NULL, NULL };

  item->value = ga_loader_want_expr (l, obj, path, "value", TRUE, &owner, GA_STATIC_ANY, FALSE);
  ga_loader_want_string (l, obj, path, "unit", FALSE, &item->unit);
  ga_loader_want_string (l, obj, path, "format", FALSE, &item->format);
  item->plausible = ga_loader_parse_plausible (l, obj, path, NAN, NAN, NULL);
  /* A computed value has no answer to mark N/A unless the template says. */
  if (ga_member (obj, "na_allowed") == NULL)
    item->na_allowed = FALSE;
}

/* The fields that only some kinds of item have. */
static void
parse_kind_fields (GaLoader   *l,
                   GaJsonNode *obj,
                   const char *path,
                   GaItem     *item)
{
  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      parse_compliance_fields (l, obj, path, item);
      break;
    case GA_ITEM_NUMBER:
      parse_number_fields (l, obj, path, item);
      break;
    case GA_ITEM_CHOICE:
    case GA_ITEM_MULTI:
      item->options = parse_options (l, obj, path, TRUE);
      break;
    case GA_ITEM_TABLE:
      parse_table_fields (l, obj, path, item);
      break;
    case GA_ITEM_COMPUTED:
      parse_computed_fields (l, obj, path, item);
      break;
    default:
      break;
    }
}

GaItem *
ga_loader_parse_item (GaLoader   *l,
                      GaJsonNode *obj,
                      const char *path,
                      GaSection  *section)
{
  GaItem *item = item_new (l, path, section);
  gboolean kind_known = parse_item_id_kind (l, obj, path, item);

  if (kind_known)
    ga_loader_check_fields (l, obj, path, item_fields (item->kind), item_specific_fields,
                            kind_phrase (item->kind, FALSE));
  parse_item_common (l, obj, path, item);
  parse_kind_fields (l, obj, path, item);

  if (!kind_known)
    {
      item->points = NAN;
      return item;
    }
  ga_loader_parse_score (l, obj, path, item);
  ga_loader_check_item_rules (l, obj, path, item);
  return item;
}
