/* ga-refvalues.c: reference tables, their file format and the look-up
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ga-json.h"
#include "ga-refvalues.h"
#include "ga-template-private.h"

#define FORMAT_NAME "greenassess-reference-values"
#define REFVALUES_RESOURCE_PATH "/io/github/greenassess/GreenAssess/templates/refvalues/"

G_DEFINE_QUARK (ga-refvalues-error-quark, ga_refvalues_error)

GaRefTable *
ga_ref_table_new (const char *id,
                  const char *name,
                  const char *version)
{
  GaRefTable *table = g_new0 (GaRefTable, 1);

  table->id = g_strdup (id);
  table->name = g_strdup (name);
  table->version = g_strdup (version);
  table->rows = g_ptr_array_new ();
  return table;
}

static void
row_free (GaRefRow *row)
{
  g_free (row->programme);
  g_free (row->indicator);
  g_free (row->industry);
  g_free (row->product);
  g_free (row->unit);
  g_free (row->source);
  g_free (row);
}

void
ga_ref_table_free (GaRefTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    row_free (table->rows->pdata[i]);
  g_ptr_array_unref (table->rows);
  g_free (table->id);
  g_free (table->name);
  g_free (table->version);
  g_free (table->source);
  g_free (table->note);
  g_free (table);
}

GaRefRow *
ga_ref_table_add_row (GaRefTable *table,
                      const char *programme,
                      const char *indicator,
                      const char *industry,
                      const char *product,
                      double      baseline,
                      double      leading)
{
  GaRefRow *row = g_new0 (GaRefRow, 1);

  row->table = table;
  row->programme = g_strdup (programme != NULL ? programme : "");
  row->indicator = g_strdup (indicator != NULL ? indicator : "");
  row->industry = g_strstrip (g_strdup (industry != NULL ? industry : ""));
  row->product = g_strstrip (g_strdup (product != NULL ? product : ""));
  row->baseline = baseline;
  row->leading = leading;
  row->grades[0] = row->grades[1] = row->grades[2] = NAN;
  row->verified = table->verified;
  row->line = table->rows->len + 1;
  g_ptr_array_add (table->rows, row);
  return row;
}

const char *
ga_ref_row_get_source (const GaRefRow *row)
{
  return row->source != NULL ? row->source : row->table->source;
}

/* ---------------------------------------------------------------------- */
/* The file format                                                        */

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

/* NaN when absent or null; FALSE when present and not a number. */
static gboolean
member_number (JsonObject *o,
               const char *name,
               double     *out)
{
  JsonNode *n = json_object_get_member (o, name);

  *out = NAN;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_INT64:
      *out = (double) json_node_get_int (n);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (n);
      return isfinite (*out);
    default:
      return FALSE;
    }
}

static gboolean
member_bool (JsonObject *o,
             const char *name,
             gboolean    fallback)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (n);
}

/* One element of "rows"; a line of @problems when it is wrong. */
static void
row_from_json (GaRefTable *table,
               JsonNode   *node,
               guint       index,
               GString    *problems)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *programme, *indicator;
  double baseline, leading, grades[3] = { NAN, NAN, NAN };
  JsonNode *gn;
  GaRefRow *row;

  if (o == NULL)
    {
      g_string_append_printf (problems, "\nrows[%u]: a row is an object", index);
      return;
    }
  programme = member_string (o, "programme");
  indicator = member_string (o, "indicator");
  if (programme == NULL || *programme == '\0' || indicator == NULL || *indicator == '\0')
    {
      g_string_append_printf (problems, "\nrows[%u]: \"programme\" and \"indicator\" are needed "
                              "(the template id and the item id)", index);
      return;
    }
  if (!member_number (o, "baseline", &baseline) || !member_number (o, "leading", &leading))
    {
      g_string_append_printf (problems, "\nrows[%u]: \"baseline\" and \"leading\" are numbers",
                              index);
      return;
    }
  gn = json_object_get_member (o, "grades");
  if (gn != NULL && JSON_NODE_HOLDS_ARRAY (gn))
    {
      JsonArray *ga = json_node_get_array (gn);
      for (guint k = 0; k < 3 && k < json_array_get_length (ga); k++)
        {
          JsonNode *e = json_array_get_element (ga, k);
          if (JSON_NODE_HOLDS_VALUE (e) && (json_node_get_value_type (e) == G_TYPE_INT64
                                            || json_node_get_value_type (e) == G_TYPE_DOUBLE))
            grades[k] = json_node_get_double (e);
        }
    }
  if (isnan (baseline) && isnan (leading) && isnan (grades[0]))
    {
      g_string_append_printf (problems, "\nrows[%u]: the row gives no baseline, leading value "
                              "or grade", index);
      return;
    }
  row = ga_ref_table_add_row (table, programme, indicator, member_string (o, "industry"),
                              member_string (o, "product"), baseline, leading);
  memcpy (row->grades, grades, sizeof grades);
  row->unit = g_strdup (member_string (o, "unit"));
  row->source = g_strdup (member_string (o, "source"));
  row->verified = member_bool (o, "verified", table->verified);
  row->line = index + 1;
}

GaRefTable *
ga_ref_table_from_json (JsonNode  *root,
                        GError   **error)
{
  JsonObject *o = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  g_autoptr(GaRefTable) table = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  JsonNode *rows;
  const char *id, *name, *version;

  if (o == NULL || g_strcmp0 (member_string (o, "format"), FORMAT_NAME) != 0)
    {
      g_set_error (error, GA_REFVALUES_ERROR, GA_REFVALUES_ERROR_INVALID,
                   "not a reference table: the file needs \"format\": \"" FORMAT_NAME "\"");
      return NULL;
    }
  id = member_string (o, "id");
  name = member_string (o, "name");
  version = member_string (o, "version");
  if (id == NULL || *id == '\0' || name == NULL || *name == '\0' || version == NULL
      || *version == '\0')
    {
      g_set_error (error, GA_REFVALUES_ERROR, GA_REFVALUES_ERROR_INVALID,
                   "a reference table needs \"id\", \"name\" and \"version\"");
      return NULL;
    }
  table = ga_ref_table_new (id, name, version);
  table->source = g_strdup (member_string (o, "source"));
  table->note = g_strdup (member_string (o, "note"));
  /* Nothing is taken as verified unless the file says so. */
  table->verified = member_bool (o, "verified", FALSE);
  rows = json_object_get_member (o, "rows");
  if (rows == NULL || !JSON_NODE_HOLDS_ARRAY (rows))
    g_string_append (problems, "\n\"rows\" is a list of rows");
  else
    for (guint i = 0; i < json_array_get_length (json_node_get_array (rows)); i++)
      row_from_json (table, json_array_get_element (json_node_get_array (rows), i), i, problems);
  if (problems->len > 0)
    {
      g_set_error (error, GA_REFVALUES_ERROR, GA_REFVALUES_ERROR_INVALID,
                   "the reference table “%s” has errors:%s", name, problems->str);
      return NULL;
    }
  return g_steal_pointer (&table);
}

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       v)
{
  if (isnan (v))
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, v);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *v)
{
  if (v == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, v);
}

JsonNode *
ga_ref_table_to_json (const GaRefTable *table)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "format", FORMAT_NAME);
  add_string (b, "id", table->id);
  add_string (b, "name", table->name);
  add_string (b, "version", table->version);
  add_string (b, "source", table->source);
  add_string (b, "note", table->note);
  json_builder_set_member_name (b, "verified");
  json_builder_add_boolean_value (b, table->verified);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const GaRefRow *row = table->rows->pdata[i];
      json_builder_begin_object (b);
      add_string (b, "programme", row->programme);
      add_string (b, "indicator", row->indicator);
      if (*row->industry != '\0')
        add_string (b, "industry", row->industry);
      if (*row->product != '\0')
        add_string (b, "product", row->product);
      add_string (b, "unit", row->unit);
      add_number (b, "baseline", row->baseline);
      add_number (b, "leading", row->leading);
      if (!isnan (row->grades[0]))
        {
          json_builder_set_member_name (b, "grades");
          json_builder_begin_array (b);
          for (guint k = 0; k < 3 && !isnan (row->grades[k]); k++)
            json_builder_add_double_value (b, row->grades[k]);
          json_builder_end_array (b);
        }
      add_string (b, "source", row->source);
      json_builder_set_member_name (b, "verified");
      json_builder_add_boolean_value (b, row->verified);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

GPtrArray *
ga_ref_tables_bundled (void)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_ref_table_free);
  g_auto(GStrv) children = NULL;

  ga_templates_ensure_registered ();
  children = g_resources_enumerate_children (REFVALUES_RESOURCE_PATH,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (REFVALUES_RESOURCE_PATH, children[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      GaRefTable *table;
      gsize size;
      const char *data;

      if (bytes == NULL)
        continue;
      data = g_bytes_get_data (bytes, &size);
      if (!json_parser_load_from_data (parser, data, (gssize) size, &error)
          || (table = ga_ref_table_from_json (json_parser_get_root (parser), &error)) == NULL)
        {
          /* A build that ships a broken table is caught by the tests. */
          g_critical ("bundled reference table %s: %s", children[i], error->message);
          continue;
        }
      table->bundled = TRUE;
      g_ptr_array_add (tables, table);
    }
  return tables;
}

/* ---------------------------------------------------------------------- */
/* Look-up                                                                */

/* The digits of a GB/T 4754 code without its section letter ("C2614" →
 * "2614"), or the letter alone for a section. */
static const char *
industry_digits (const char *code)
{
  if (g_ascii_isalpha (code[0]) && g_ascii_isdigit (code[1]))
    return code + 1;
  return code;
}

/* How closely @row_industry covers @industry: -1 not at all, 0 for any
 * industry, else the length of the matching code. */
static int
industry_match (const char *row_industry,
                const char *industry)
{
  const char *r, *e;

  if (*row_industry == '\0')
    return 0;
  if (industry == NULL || *industry == '\0')
    return -1;
  r = industry_digits (row_industry);
  e = industry_digits (industry);
  /* A section letter covers every division of that section only when the
   * enterprise's code carries it. */
  if (g_ascii_isalpha (r[0]) && r[1] == '\0')
    return g_ascii_toupper (industry[0]) == g_ascii_toupper (r[0]) ? 1 : -1;
  return g_str_has_prefix (e, r) ? 1 + (int) strlen (r) : -1;
}

static gboolean
product_matches (const char *row_product,
                 const char *product)
{
  g_autofree char *a = g_utf8_casefold (row_product, -1);
  g_autofree char *b = g_strstrip (g_utf8_casefold (product != NULL ? product : "", -1));

  return strcmp (a, b) == 0;
}

const GaRefRow *
ga_ref_tables_lookup (GPtrArray  *tables,
                      const char *programme,
                      const char *indicator,
                      const char *industry,
                      const char *product)
{
  const GaRefRow *best = NULL;
  int best_match = -1;

  for (guint t = 0; tables != NULL && t < tables->len; t++)
    {
      GaRefTable *table = tables->pdata[t];
      for (guint i = 0; i < table->rows->len; i++)
        {
          const GaRefRow *row = table->rows->pdata[i];
          int m;
          if (strcmp (row->programme, programme) != 0 || strcmp (row->indicator, indicator) != 0
              || !product_matches (row->product, product))
            continue;
          m = industry_match (row->industry, industry);
          if (m > best_match)
            {
              best = row;
              best_match = m;
            }
        }
    }
  return best;
}

/* ---------------------------------------------------------------------- */
/* Where templates take the values                                        */

/* @f is a reference and nothing else: the name it refers to. */
static const char *
plain_ref (GaFormula *f)
{
  g_autofree char *text = NULL;

  if (f == NULL || ga_formula_get_n_refs (f) != 1 || ga_formula_get_text (f) == NULL)
    return NULL;
  text = g_strstrip (g_strdup (ga_formula_get_text (f)));
  return strcmp (text, ga_formula_get_ref (f, 0)) == 0 ? ga_formula_get_ref (f, 0) : NULL;
}

static void
add_slot (GPtrArray    *slots,
          const GaItem *item,
          const GaItem *owner,
          guint         column,
          guint         product,
          GaRefKind     kind)
{
  GaRefSlot *slot = g_new0 (GaRefSlot, 1);

  slot->item = item;
  slot->owner = owner;
  slot->column = column;
  slot->product = product;
  slot->kind = kind;
  g_ptr_array_add (slots, slot);
}

static guint
column_index (const GaItem *table,
              const char   *id)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (strcmp (((GaColumn *) table->columns->pdata[c])->id, id) == 0)
      return c;
  return G_MAXUINT;
}

/* A column INTERP(x, baseline, leading, …) of the table @item whose
 * baseline and leading value are plain number columns. */
static void
find_table_slots (GPtrArray    *slots,
                  const GaItem *item)
{
  guint product = G_MAXUINT;

  for (guint c = 0; c < item->columns->len; c++)
    if (((GaColumn *) item->columns->pdata[c])->kind == GA_ITEM_TEXT)
      {
        product = c;
        break;
      }
  for (guint c = 0; c < item->columns->len; c++)
    {
      GaColumn *col = item->columns->pdata[c];
      g_auto(GStrv) args = NULL;
      const char *text = col->formula != NULL ? ga_formula_get_text (col->formula) : NULL;
      const char *open;
      if (text == NULL || !g_str_has_prefix (text, "INTERP(") || (open = strchr (text, '(')) == NULL)
        continue;
      args = g_strsplit (open + 1, ",", -1);
      if (g_strv_length (args) < 4)
        continue;
      for (guint k = 1; k <= 2; k++)
        {
          guint at = column_index (item, g_strstrip (args[k]));
          if (at != G_MAXUINT && ((GaColumn *) item->columns->pdata[at])->kind == GA_ITEM_NUMBER)
            add_slot (slots, item, item, at, product, k == 1 ? GA_REF_BASELINE : GA_REF_LEADING);
        }
    }
}

GPtrArray *
ga_ref_slots_find (GaTemplate *tmpl)
{
  GPtrArray *slots = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      const GaItem *item = tmpl->items->pdata[i];
      if (item->kind == GA_ITEM_TABLE)
        find_table_slots (slots, item);
      else if (item->score.method == GA_SCORE_INTERP)
        for (guint k = 0; k < 2; k++)
          {
            const char *ref = plain_ref (k == 0 ? item->score.baseline : item->score.leading);
            const GaItem *target = ref != NULL ? ga_template_find_item (tmpl, ref) : NULL;
            if (target != NULL && target->kind == GA_ITEM_NUMBER)
              add_slot (slots, target, item, G_MAXUINT, G_MAXUINT,
                        k == 0 ? GA_REF_BASELINE : GA_REF_LEADING);
          }
    }
  return slots;
}

const GaRefSlot *
ga_ref_slots_for_item (GPtrArray    *slots,
                       const GaItem *item)
{
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      const GaRefSlot *slot = slots->pdata[i];
      if (slot->item == item && slot->column == G_MAXUINT)
        return slot;
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Filling in                                                             */

static double
ref_value (const GaRefRow *row,
           GaRefKind       kind)
{
  return kind == GA_REF_BASELINE ? row->baseline : row->leading;
}

static void
note_fill (GPtrArray       *fills,
           const GaRefSlot *slot,
           guint            row,
           double           value,
           const GaRefRow  *ref)
{
  GaRefFill *fill;

  if (fills == NULL)
    return;
  fill = g_new0 (GaRefFill, 1);
  fill->slot = slot;
  fill->row = row;
  fill->value = value;
  fill->ref = ref;
  g_ptr_array_add (fills, fill);
}

/* The owner of an item slot answered not applicable needs no value. */
static gboolean
owner_not_applicable (const GaRefSlot *slot,
                      GaAnswerSet     *answers)
{
  const GaAnswer *a = answers != NULL ? ga_answer_set_get (answers, slot->owner->id) : NULL;

  return a != NULL && a->not_applicable;
}

/* Fills the blank cells of the table answer @answer (changed in place);
 * TRUE when any was. */
static gboolean
fill_table (GaTemplate   *tmpl,
            GPtrArray    *slots,
            const GaItem *item,
            GaAnswer     *answer,
            GPtrArray    *tables,
            const char   *industry,
            GPtrArray    *fills)
{
  gboolean any = FALSE;

  for (guint s = 0; s < slots->len; s++)
    {
      const GaRefSlot *slot = slots->pdata[s];
      if (slot->item != item || slot->column == G_MAXUINT || slot->product == G_MAXUINT)
        continue;
      for (guint r = 0; answer->rows != NULL && r < answer->rows->len; r++)
        {
          GaRow *row = answer->rows->pdata[r];
          const GaValue *name;
          const GaRefRow *ref;
          double v;
          if (slot->column >= row->n_cells || row->cells[slot->column].kind != GA_VALUE_BLANK)
            continue;
          name = &row->cells[slot->product];
          if (name->kind != GA_VALUE_TEXT)
            continue;
          ref = ga_ref_tables_lookup (tables, tmpl->id, item->id, industry, name->u.text);
          if (ref == NULL || isnan (v = ref_value (ref, slot->kind)))
            continue;
          ga_value_set_number (&row->cells[slot->column], v);
          note_fill (fills, slot, r, v, ref);
          any = TRUE;
        }
    }
  return any;
}

GaAnswer *
ga_ref_fill_answer (GaTemplate     *tmpl,
                    GPtrArray      *slots,
                    const GaItem   *item,
                    const GaAnswer *answer,
                    GaAnswerSet    *answers,
                    GPtrArray      *tables,
                    const char     *industry,
                    GPtrArray      *fills)
{
  if (item->kind == GA_ITEM_TABLE)
    {
      g_autoptr(GaAnswer) copy = NULL;
      if (answer == NULL || answer->not_applicable || answer->rows == NULL)
        return NULL;
      copy = ga_answer_copy (answer);
      if (!fill_table (tmpl, slots, item, copy, tables, industry, fills))
        return NULL;
      return g_steal_pointer (&copy);
    }
  else
    {
      const GaRefSlot *slot = ga_ref_slots_for_item (slots, item);
      const GaRefRow *ref;
      GaAnswer *filled;
      double v;

      if (slot == NULL
          || (answer != NULL && (answer->not_applicable || answer->value.kind != GA_VALUE_BLANK)))
        return NULL;
      /* The baseline of an indicator that does not apply is not needed:
       * it is not applicable with it. */
      if (owner_not_applicable (slot, answers))
        {
          if (!item->na_allowed)
            return NULL;
          filled = answer != NULL ? ga_answer_copy (answer) : ga_answer_new ();
          filled->not_applicable = TRUE;
          g_free (filled->na_reason);
          filled->na_reason = g_strdup_printf (_("the indicator it serves, %s, is not applicable"),
                                               slot->owner->id);
          note_fill (fills, slot, G_MAXUINT, NAN, NULL);
          return filled;
        }
      ref = ga_ref_tables_lookup (tables, tmpl->id, slot->owner->id, industry, "");
      if (ref == NULL || isnan (v = ref_value (ref, slot->kind)))
        return NULL;
      filled = answer != NULL ? ga_answer_copy (answer) : ga_answer_new ();
      ga_value_set_number (&filled->value, v);
      note_fill (fills, slot, G_MAXUINT, v, ref);
      return filled;
    }
}

GaAnswerSet *
ga_ref_fill_answers (GaTemplate  *tmpl,
                     GPtrArray   *slots,
                     GaAnswerSet *answers,
                     GPtrArray   *tables,
                     const char  *industry,
                     GPtrArray   *fills)
{
  GaAnswerSet *out = ga_answer_set_copy (answers);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < slots->len; s++)
    {
      const GaRefSlot *slot = slots->pdata[s];
      GaAnswer *filled;
      if (!g_hash_table_add (seen, (gpointer) slot->item))
        continue;
      filled = ga_ref_fill_answer (tmpl, slots, slot->item, ga_answer_set_get (answers, slot->item->id),
                                   answers, tables, industry, fills);
      if (filled != NULL)
        ga_answer_set_take (out, slot->item->id, filled);
    }
  return out;
}

char *
ga_ref_fill_describe (const GaRefFill *fill)
{
  const GaRefRow *ref = fill->ref;
  const char *what = fill->slot->kind == GA_REF_BASELINE ? _("基准值 (baseline)")
                                                         : _("引领值 (leading value)");
  const char *source;
  g_autofree char *value = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  if (ref == NULL)
    return g_strdup_printf (_("%s not needed: %s is not applicable"), what,
                            ga_text_get (&fill->slot->owner->title, NULL));
  source = ga_ref_row_get_source (ref);
  value = g_strdup_printf ("%.15g", fill->value);

  g_string_append_printf (s, _("%s %s from the reference table “%s” %s"), what, value,
                          ref->table->name, ref->table->version);
  if (*ref->product != '\0')
    g_string_append_printf (s, _(", product %s"), ref->product);
  if (*ref->industry != '\0')
    g_string_append_printf (s, _(", industry %s"), ref->industry);
  if (source != NULL)
    g_string_append_printf (s, _("; source: %s"), source);
  if (!ref->verified)
    g_string_append (s, _("; not verified"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}
