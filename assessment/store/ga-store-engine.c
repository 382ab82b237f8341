/* ga-store-engine.c: the store with templates, answers and the engine;
 * demo data
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ga-store-engine.h"
#include "ga-store-private.h"
#include "ga-json.h"

#include <math.h>
#include <string.h>

const char *
ga_store_template_title (GaTemplate *tmpl)
{
  const char *title = ga_text_get (ga_template_get_title (tmpl), "zh_CN");

  return title != NULL ? title : ga_template_get_id (tmpl);
}

gint64
ga_store_new_assessment (GaStore     *store,
                         gint64       enterprise_id,
                         GaTemplate  *tmpl,
                         const char  *title,
                         int          year,
                         const char  *period,
                         GError     **error)
{
  GBytes *bytes;   /* borrowed from the template */
  g_autofree char *default_title = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (tmpl != NULL, 0);

  if (title == NULL || *title == '\0')
    {
      default_title = year != 0 ? g_strdup_printf ("%s %d", ga_store_template_title (tmpl), year)
                                : g_strdup (ga_store_template_title (tmpl));
      title = default_title;
    }

  bytes = ga_template_get_bytes (tmpl);
  return ga_store_new_assessment_from_bytes (store, enterprise_id, ga_template_get_id (tmpl),
                                             ga_template_get_version (tmpl),
                                             ga_template_kind_to_string (ga_template_get_kind (tmpl)),
                                             bytes, title, year, period, error);
}

GaTemplate *
ga_store_load_template (GaStore  *store,
                        gint64    assessment_id,
                        GError  **error)
{
  g_autoptr(GaAssessment) a = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  a = ga_store_get_assessment (store, assessment_id, error);
  if (a == NULL)
    return NULL;
  origin = g_strdup_printf ("%s %s (copy in assessment %" G_GINT64_FORMAT ")", a->template_id,
                            a->template_version, a->id);
  return ga_store_load_template_by_hash (store, a->template_hash, origin, error);
}

GaAnswerSet *
ga_store_load_answer_set_checked (GaStore     *store,
                                  gint64       assessment_id,
                                  GaTemplate  *tmpl,
                                  GPtrArray   *problems,
                                  GError     **error)
{
  g_autoptr(GaAnswerSet) set = NULL;
  GaDbStmt *stmt;
  GError *db_error = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (tmpl != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  stmt = ga_store_stmt (store, "SELECT item_id, value FROM answers WHERE assessment_id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);

  set = ga_answer_set_new ();
  while ((step = ga_db_stmt_step (stmt, &db_error)) == GA_DB_STEP_ROW)
    {
      const char *item_id = ga_db_stmt_column_text (stmt, 0);
      gsize length = 0;
      /* Every byte of the text, up to its stored length: a NUL inside is
       * then refused by the checks below, not cut off. */
      const char *value = (const char *) ga_db_stmt_column_blob (stmt, 1, &length);
      g_autoptr(GError) local = NULL;
      GaAnswer *answer;

      /* The value may come from a package or a database written by
       * another program: it is read with the checks of a save. */
      answer = ga_store_parse_answer (tmpl, item_id, value, length, &local);
      if (answer == NULL)
        {
          g_ptr_array_add (problems, g_strdup (local->message));
          continue;
        }
      ga_answer_set_take (set, item_id, answer);
    }
  if (!ga_store_stmt_end (store, stmt, step, db_error, "Loading the answers", error))
    return NULL;
  return g_steal_pointer (&set);
}

GaAnswerSet *
ga_store_load_answer_set (GaStore     *store,
                          gint64       assessment_id,
                          GaTemplate  *tmpl,
                          GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaAnswerSet) set = ga_store_load_answer_set_checked (store, assessment_id, tmpl,
                                                                 problems, error);

  if (set == NULL)
    return NULL;
  if (problems->len > 0)
    {
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (all, "\n%s", (char *) g_ptr_array_index (problems, i));
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "Stored answers of assessment %" G_GINT64_FORMAT " do not fit its template:%s",
                   assessment_id, all->str);
      return NULL;
    }
  return g_steal_pointer (&set);
}

GaAnswer *
ga_store_get_typed_answer (GaStore       *store,
                           gint64         assessment_id,
                           GaTemplate    *tmpl,
                           const GaItem  *item,
                           GError       **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  json = ga_store_get_answer (store, assessment_id, item->id, &local);
  if (json == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return ga_store_parse_answer (tmpl, item->id, json, strlen (json), error);
}

GaEngine *
ga_store_load_engine (GaStore  *store,
                      gint64    assessment_id,
                      GError  **error)
{
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswerSet) set = NULL;
  g_autoptr(GaAnswerSet) filled = NULL;
  GaEngine *engine;

  tmpl = ga_store_load_template (store, assessment_id, error);
  if (tmpl == NULL)
    return NULL;
  set = ga_store_load_answer_set (store, assessment_id, tmpl, error);
  if (set == NULL)
    return NULL;
  filled = ga_store_fill_ref_values (store, assessment_id, tmpl, set, error);
  if (filled == NULL)
    return NULL;
  /* Evaluated once with the answers; the figures of the enterprise record
   * then reach only the items not answered and what depends on them. */
  engine = ga_engine_new_with_answers (tmpl, filled);
  if (!ga_store_prefill_assessment (store, assessment_id, engine, error))
    {
      ga_engine_unref (engine);
      return NULL;
    }
  return engine;
}

static char *
answer_to_text (const GaAnswer *answer,
                const GaItem   *item)
{
  g_autoptr(JsonNode) node = NULL;

  if (answer == NULL || ga_answer_is_empty (answer))
    return NULL;
  node = ga_answer_to_json (answer, item);
  if (node == NULL)
    return NULL;
  return json_to_string (node, FALSE);
}

gboolean
ga_store_set_answer (GaStore         *store,
                     gint64           assessment_id,
                     const GaItem    *item,
                     const GaAnswer  *answer,
                     GError         **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  json = answer_to_text (answer, item);
  return ga_store_save_answer (store, assessment_id, item->id, json, error);
}

gboolean
ga_store_set_answer_text (GaStore     *store,
                          gint64       assessment_id,
                          const char  *item_id,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswer) answer = NULL;
  GaItem *item;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (item_id != NULL && text != NULL, FALSE);

  tmpl = ga_store_load_template (store, assessment_id, error);
  if (tmpl == NULL)
    return FALSE;
  item = ga_template_find_item (tmpl, item_id);
  if (item == NULL)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_UNKNOWN_ITEM,
                   "The template %s %s has no item '%s'", ga_template_get_id (tmpl),
                   ga_template_get_version (tmpl), item_id);
      return FALSE;
    }
  answer = ga_answer_parse_text (text, item, error);
  if (answer == NULL)
    return FALSE;
  return ga_store_set_answer (store, assessment_id, item, answer, error);
}

GaTemplate *
ga_store_import_template (GaStore     *store,
                          const char  *data,
                          gssize       length,
                          const char  *origin,
                          GError     **error)
{
  g_autoptr(GaTemplate) tmpl = NULL;
  GBytes *bytes;   /* borrowed from the template */
  g_autofree char *hash = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  /* The whole template is validated (every formula, reference and cycle)
   * before anything is stored. */
  tmpl = ga_template_new_from_data (data, length, origin, error);
  if (tmpl == NULL)
    return NULL;

  bytes = ga_template_get_bytes (tmpl);
  if (!ga_store_begin (store, error))
    return NULL;
  hash = ga_store_put_template (store, ga_template_get_id (tmpl), ga_template_get_version (tmpl),
                                ga_template_kind_to_string (ga_template_get_kind (tmpl)),
                                ga_store_template_title (tmpl), bytes, TRUE, error);
  if (hash == NULL)
    {
      ga_store_rollback (store);
      return NULL;
    }
  if (!ga_store_commit_changed (store, "Importing the template", 0, error))
    return NULL;
  return g_steal_pointer (&tmpl);
}

GaTemplate *
ga_store_load_imported_template (GaStore     *store,
                                 const char  *template_id,
                                 const char  *version,
                                 GError     **error)
{
  g_autoptr(GaTemplateInfo) info = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  info = ga_store_find_imported_template (store, template_id, version, error);
  if (info == NULL)
    return NULL;
  origin = g_strdup_printf ("%s %s (imported)", info->id, info->version);
  return ga_store_load_template_by_hash (store, info->hash, origin, error);
}

/* ------------------------------------------------------------------ */
/* Demo data                                                           */

static const GaValue *
blank_ref_cb (gpointer user_data,
              guint    index)
{
  static const GaValue blank = GA_VALUE_INIT;
  return &blank;
}

static gboolean
no_range_cb (gpointer        user_data,
             guint           index,
             const GaValue **values,
             guint          *n_values)
{
  return FALSE;
}

static gboolean
no_lookup_cb (gpointer       user_data,
              const char    *table,
              const GaValue *key,
              const char    *column,
              GaValue       *out)
{
  return FALSE;
}

/* The value of a formula that refers to nothing (a benchmark written as a
 * constant), or NaN. */
static double
constant_of (GaFormula *formula)
{
  GaFormulaContext ctx = { blank_ref_cb, no_range_cb, no_lookup_cb, NULL };
  GaValue v = GA_VALUE_INIT;
  double result = NAN;

  if (formula == NULL || ga_formula_get_n_refs (formula) > 0)
    return NAN;
  ga_formula_evaluate (formula, &ctx, &v);
  if (v.kind == GA_VALUE_NUMBER)
    result = v.u.number;
  ga_value_clear (&v);
  return result;
}

/* A plausible number for a numeric item or column: a good but not
 * perfect value between the item's own reference points. */
static double
plausible_number (const GaItem *item,
                  double        min,
                  double        max,
                  gboolean      integer,
                  guint         salt)
{
  double v = NAN;

  if (item != NULL && item->score.method == GA_SCORE_INTERP)
    {
      double base = constant_of (item->score.baseline);
      double lead = constant_of (item->score.leading);

      if (!isnan (base) && !isnan (lead))
        v = base + (0.55 + 0.1 * (salt % 4)) * (lead - base);
    }
  if (isnan (v) && item != NULL && item->score.method == GA_SCORE_LEVELS)
    v = constant_of (item->score.benchmark[1]);   /* meets level II */
  if (isnan (v) && item != NULL && item->score.method == GA_SCORE_BANDS
      && item->score.bands != NULL && item->score.bands->len > 1)
    v = constant_of (((GaBand *) g_ptr_array_index (item->score.bands, 1))->threshold);
  if (isnan (v) && !isnan (min) && !isnan (max))
    v = min + (0.6 + 0.05 * (salt % 5)) * (max - min);
  if (isnan (v))
    v = (!isnan (min) && min > 0 ? min : 0) + 80 + 5 * (salt % 7);
  if (!isnan (min) && v < min)
    v = min;
  if (!isnan (max) && v > max)
    v = max;
  if (integer)
    v = round (v);
  else
    v = round (v * 100) / 100;
  return v;
}

static const GaOption *
best_option (GPtrArray *options)
{
  const GaOption *best = NULL;

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      const GaOption *o = g_ptr_array_index (options, i);

      if (o->fails)
        continue;
      if (best == NULL
          || (!isnan (o->points) && (isnan (best->points) || o->points > best->points))
          || (o->level > 0 && (best->level == 0 || o->level < best->level)))
        best = o;
    }
  return best;
}

/* Typical yearly quantities of a mid-sized machinery plant, by the kind of
 * energy carrier the lookup key names; anything else gets a round figure. */
static double
demo_quantity (const char *key,
               guint       row)
{
  g_autofree char *k = g_ascii_strdown (key != NULL ? key : "", -1);

  if (strstr (k, "electric") != NULL || strstr (k, "power") != NULL)
    return 3600000;   /* kWh */
  if (strstr (k, "gas") != NULL)
    return 450000;    /* m³ */
  if (strstr (k, "coal") != NULL)
    return 1200;      /* t */
  if (strstr (k, "diesel") != NULL || strstr (k, "gasoline") != NULL || strstr (k, "oil") != NULL)
    return 85;        /* t */
  if (strstr (k, "steam") != NULL || strstr (k, "heat") != NULL)
    return 9000;      /* GJ */
  if (strstr (k, "water") != NULL)
    return 120000;    /* t */
  return 1000 * (row + 1);
}

static JsonNode *
demo_table_rows (GaTemplate   *tmpl,
                 const GaItem *item)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n_rows = item->fixed_rows != NULL && item->fixed_rows->len > 0 ? item->fixed_rows->len : 3;

  json_builder_begin_array (b);
  for (guint r = 0; r < n_rows; r++)
    {
      const char *row_key = NULL;

      json_builder_begin_object (b);
      for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
        {
          const GaColumn *col = g_ptr_array_index (item->columns, c);

          switch (col->kind)
            {
            case GA_ITEM_CHOICE:
              {
                const char *key = NULL;

                if (col->options != NULL && col->options->len > 0)
                  key = ((GaOption *) g_ptr_array_index (col->options,
                                                         r % col->options->len))->id;
                else if (col->options_table != NULL)
                  {
                    GaLookupTable *t = ga_template_find_table (tmpl, col->options_table);

                    if (t != NULL && t->rows != NULL && t->rows->len > 0)
                      key = ((GaTableRow *) g_ptr_array_index (t->rows, r % t->rows->len))->key;
                  }
                if (key != NULL)
                  {
                    json_builder_set_member_name (b, col->id);
                    json_builder_add_string_value (b, key);
                    row_key = key;
                  }
              }
              break;
            case GA_ITEM_NUMBER:
              json_builder_set_member_name (b, col->id);
              json_builder_add_double_value (b, isnan (col->min) && isnan (col->max)
                                             ? demo_quantity (row_key, r)
                                             : plausible_number (NULL, col->min, col->max, FALSE, r));
              break;
            case GA_ITEM_YESNO:
              json_builder_set_member_name (b, col->id);
              json_builder_add_boolean_value (b, TRUE);
              break;
            case GA_ITEM_TEXT:
              json_builder_set_member_name (b, col->id);
              json_builder_add_string_value (b, "示例");
              break;
            case GA_ITEM_DATE:
              json_builder_set_member_name (b, col->id);
              json_builder_add_string_value (b, "2025-06-30");
              break;
            default:
              break;   /* computed columns */
            }
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

/* The JSON answer the demo gives @item, or NULL to leave it open. */
static JsonNode *
demo_answer (GaTemplate   *tmpl,
             const GaItem *item,
             guint         n)
{
  JsonNode *node = NULL;

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      /* Mostly met, some partly; veto items always met. */
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, item->veto || n % 5 != 3 ? GA_COMPLIANCE_YES
                                                           : GA_COMPLIANCE_PARTIAL);
      break;
    case GA_ITEM_YESNO:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, item->veto || n % 7 != 5);
      break;
    case GA_ITEM_NUMBER:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (node, plausible_number (item, item->min, item->max, item->integer, n));
      break;
    case GA_ITEM_CHOICE:
      {
        const GaOption *o = best_option (item->options);

        if (o != NULL)
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, o->id);
          }
      }
      break;
    case GA_ITEM_MULTI:
      if (item->options != NULL && item->options->len > 0)
        {
          JsonArray *arr = json_array_new ();

          for (guint i = 0; i < item->options->len && i < 2; i++)
            json_array_add_string_element (arr, ((GaOption *) g_ptr_array_index (item->options,
                                                                                 i))->id);
          node = json_node_new (JSON_NODE_ARRAY);
          json_node_take_array (node, arr);
        }
      break;
    case GA_ITEM_POINTS:
      if (!isnan (item->points))
        {
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_double (node, round (item->points * 0.8 * 2) / 2);
        }
      break;
    case GA_ITEM_TEXT:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, "示例说明：已建立相应制度并按年度执行，记录见附件。");
      break;
    case GA_ITEM_DATE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, "2025-06-30");
      break;
    case GA_ITEM_TABLE:
      node = demo_table_rows (tmpl, item);
      break;
    case GA_ITEM_COMPUTED:
    default:
      break;
    }
  return node;
}

/* Hand-made demo answers for the bundled templates, as answers files
 * write them (docs/template-format.md). The plant is fictional: a
 * machinery maker of about 400 people with a small zinc and nickel
 * plating line. Its own figures (quantities, rates, counts) are made up
 * to look ordinary. The reference values of GB/T 36132-2025 (基准值 /
 * 引领值) are the example reference values that
 * ../shared/domain/green-factory.md quotes from a provincial form ("do
 * not hard-code" there, so here they are only demo input the user would
 * replace). Items left out stay open: the demo is partly filled. */
static const struct {
  const char *template_id;
  const char *answers;
} demo_sets[] = {
  { "gbt36132-2025",
    "{\"BR1\": \"yes\", \"BR2\": \"yes\","
    " \"EN4\": 4, \"EN4_base\": 0, \"EN4_lead\": 6,"
    " \"RE1a\": 3, \"RE1b\": 2,"
    " \"RE3\": 88.5, \"RE3_base\": 80, \"RE3_lead\": 92.22,"
    " \"RE4\": 95, \"RE4_base\": 80, \"RE4_lead\": 100,"
    " \"CL1\": 4, \"CL1_base\": 3, \"CL1_lead\": 5,"
    " \"CL2a\": 3.62, \"CL2a_base\": 3.6, \"CL2a_lead\": 3.67,"
    " \"CL2b\": 0.55, \"CL2b_base\": 0.5, \"CL2b_lead\": 0.57,"
    " \"CL3W_has\": \"no\", \"CL3G_has\": \"yes\","
    " \"CL3G\": 84, \"CL3G_base\": 80, \"CL3G_lead\": 86.1,"
    " \"PG1\": 3,"
    " \"PG2\": 60, \"PG2_base\": 80, \"PG2_lead\": 100,"
    " \"PG3_has\": \"yes\", \"PG3\": 90, \"PG3_base\": 80, \"PG3_lead\": 100,"
    " \"LA1\": 1.05, \"LA1_base\": 1.0, \"LA1_lead\": 1.2,"
    " \"LA2\": 46, \"LA2_base\": 40, \"LA2_lead\": 51,"
    " \"LA3\": 0.9, \"LA3_base\": 0.5, \"LA3_lead\": 1.12}" },
  { "cp-electroplating-2015",
    "{\"P1\": \"lvl2\", \"P2\": \"lvl1\", \"P3\": \"lvl2\", \"R1\": 20,"
    " \"PL_ZN\": \"yes\", \"PL_CU\": \"no\", \"PL_NI\": \"yes\", \"PL_CRD\": \"no\","
    " \"PL_CRH\": \"no\", \"PL_AU\": \"no\", \"PL_AG\": \"no\","
    " \"U_ZN\": 81, \"U_NI\": 88}" },
  { "energy-audit-gbt17166-2019",
    "{\"A1\": \"yes\", \"A2\": \"yes\", \"A3\": {\"value\": \"partial\", \"note\": \"能源管理体系"
    "正在建立, 尚未认证\"}, \"A4\": \"yes\", \"B1\": \"yes\", \"B2\": \"yes\", \"C1\": \"yes\","
    " \"C2\": \"partial\", \"C3\": \"yes\", \"C4\": \"yes\", \"D1\": \"yes\", \"D2\": \"yes\","
    " \"D3\": \"yes\", \"E1\": \"partial\", \"E2\": \"yes\", \"E3\": \"yes\", \"F1\": \"yes\","
    " \"audit_year\": 2024, \"output_qty\": 12000, \"output_unit\": \"台\","
    " \"value_added\": 7150,"
    " \"energy\": [{\"carrier\": \"electricity\", \"qty\": 3600000},"
    "  {\"carrier\": \"gasfield_gas\", \"qty\": 450000}, {\"carrier\": \"diesel\", \"qty\": 85000}],"
    " \"grid_year\": \"2023\", \"grid_region\": \"east\","
    " \"water_withdrawal\": 85000, \"water_reused\": 260000,"
    " \"sw_generated\": 1800, \"sw_stock_utilised\": 0, \"sw_utilised\": 1650,"
    " \"process_co2\": {\"na\": \"装配生产，无碳酸盐原料，不产生工业生产过程排放\"}}" },
};

/* Stores @set's answers that @tmpl accepts, inside the open transaction. */
static gboolean
store_demo_set (GaStore     *store,
                gint64       assessment_id,
                GaTemplate  *tmpl,
                const char  *set,
                const char  *now,
                GError     **error)
{
  g_autoptr(JsonParser) parser = ga_json_parse_bounded (set, -1, GA_JSON_MAX_DEPTH, error);
  JsonObject *answers;
  g_autoptr(GList) members = NULL;

  if (parser == NULL)
    return FALSE;
  answers = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (answers);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *item_id = l->data;
      const GaItem *item = ga_template_find_item (tmpl, item_id);
      g_autoptr(GaAnswer) answer = NULL;
      g_autofree char *json = NULL;

      /* A later edition of the template may drop an item; skip it. */
      if (item == NULL)
        continue;
      answer = ga_answer_from_json (json_object_get_member (answers, item_id), item, NULL);
      if (answer == NULL)
        continue;
      json = answer_to_text (answer, item);
      if (json != NULL
          && !ga_store_apply_answer (store, assessment_id, item_id, json, now, error))
        return FALSE;
    }
  return TRUE;
}

/* The hand-made demo answers of @tmpl (an answers file's "answers" object):
 * those kept beside their programme (ga-store-demo-*.c) or in demo_sets
 * above; NULL for a template that has none. */
static const char *
demo_answers (GaTemplate *tmpl)
{
  const char *set = ga_store_demo_water (tmpl);

  if (set == NULL)
    set = ga_store_demo_supply_chain (ga_template_get_id (tmpl));
  if (set == NULL)
    set = ga_store_demo_answers_for (ga_template_get_id (tmpl));
  for (guint s = 0; set == NULL && s < G_N_ELEMENTS (demo_sets); s++)
    if (strcmp (demo_sets[s].template_id, ga_template_get_id (tmpl)) == 0)
      set = demo_sets[s].answers;
  return set;
}

static gboolean
fill_demo_answers (GaStore     *store,
                   gint64       assessment_id,
                   GaTemplate  *tmpl,
                   GError     **error)
{
  GPtrArray *items = ga_template_get_items (tmpl);
  g_autofree char *now = ga_store_now ();
  guint n = 0;

  /* One transaction: the demo appears whole or not at all. */
  if (!ga_store_begin (store, error))
    return FALSE;

  {
    const char *set = demo_answers (tmpl);

    if (set != NULL)
      {
        if (!store_demo_set (store, assessment_id, tmpl, set, now, error))
          {
            ga_store_rollback (store);
            return FALSE;
          }
        goto commit;
      }
  }

  /* Any other template: plausible answers made from its own bounds,
   * options and benchmarks. */
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GaAnswer) answer = NULL;
      g_autofree char *json = NULL;

      /* "Partly filled": about three items in four, and every veto item
       * so that the demo shows a score rather than a pending veto. */
      if (i % 4 == 3 && !item->veto)
        continue;
      node = demo_answer (tmpl, item, n++);
      if (node == NULL)
        continue;
      /* The demo only stores what the template accepts. */
      answer = ga_answer_from_json (node, item, NULL);
      if (answer == NULL)
        continue;
      json = answer_to_text (answer, item);
      if (json == NULL)
        continue;
      if (!ga_store_apply_answer (store, assessment_id, item->id, json, now, error))
        {
          ga_store_rollback (store);
          return FALSE;
        }
    }
commit:
  return ga_store_commit_changed (store, "Creating the demo answers", assessment_id, error);
}

/* The demo factory has one assessment of each kind a factory files; a
 * park is an enterprise of its own and custom templates are examples. */
static gboolean
demo_kind (GaTemplateKind kind)
{
  return kind != GA_TEMPLATE_KIND_CUSTOM && kind != GA_TEMPLATE_KIND_GREEN_PARK
         && kind < GA_TEMPLATE_KIND_N_KINDS;
}

gboolean
ga_store_create_demo (GaStore  *store,
                      GError  **error)
{
  g_autoptr(GaEnterprise) existing = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_auto(GStrv) bundled = NULL;
  GaTemplate *chosen[GA_TEMPLATE_KIND_N_KINDS] = { NULL, };
  gboolean ok = TRUE;
  gint64 enterprise_id;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  existing = ga_store_find_enterprise (store, GA_STORE_DEMO_CREDIT_CODE, error);
  if (existing != NULL)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;

  e = ga_enterprise_new ();
  e->name = g_strdup ("示例企业·闽江绿源机械制造有限公司");
  e->credit_code = g_strdup (GA_STORE_DEMO_CREDIT_CODE);
  e->industry = g_strdup ("34");            /* 通用设备制造业 */
  e->region = g_strdup ("350000");          /* 福建省 */
  e->address = g_strdup ("福建省福州市（示例地址）");
  e->legal_representative = g_strdup ("示例");
  e->contact_name = g_strdup ("示例联系人");
  e->contact_phone = g_strdup ("0591-00000000");
  e->contact_email = g_strdup ("demo@example.cn");
  e->output_value = 28600;                  /* 万元 */
  e->value_added = 7150;                    /* 万元 */
  e->employees = 420;
  /* The report's 基本信息表, filled as an enterprise would (made-up). */
  e->postal_code = g_strdup ("350000");
  e->ownership = g_strdup ("private");
  e->registration_authority = g_strdup ("示例市场监督管理局");
  e->registered_capital = 5000;             /* 万元 */
  e->founded_on = g_strdup ("2008-05-12");
  e->valid_until = g_strdup ("long-term");
  e->legal_representative_phone = g_strdup ("0591-00000001");
  e->contact_department = g_strdup ("能源管理部");
  e->contact_mobile = g_strdup ("13800000000");
  e->main_products = g_strdup ("通用机械零部件（示例）");
  e->profile = g_strdup ("示例企业，用于演示：主营通用机械零部件的设计与制造，"
                         "建有能源管理体系。");
  e->demo = TRUE;
  enterprise_id = ga_store_add_enterprise (store, e, error);
  if (enterprise_id == 0)
    return FALSE;

  /* Per kind, the bundled template whose id sorts last (the newest edition
   * of a standard: gbt36132-2025 over -2018), preferring one with hand-made
   * demo answers (electroplating over PCB). */
  bundled = ga_template_list_bundled ();
  for (guint i = 0; bundled != NULL && bundled[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;
      GaTemplate *tmpl = ga_template_new_from_resource (bundled[i], &local);
      GaTemplateKind kind;

      if (tmpl == NULL)
        {
          g_warning ("Demo data: bundled template %s does not load: %s", bundled[i],
                     local->message);
          continue;
        }
      kind = ga_template_get_kind (tmpl);
      /* The general template of each kind, not an industry one built on it. */
      /* A template with hand-made demo answers is kept over a later one
       * without (the demo factory makes machinery, not circuit boards). */
      if (demo_kind (kind) && !ga_template_get_based_on (tmpl, NULL, NULL, NULL)
          && (chosen[kind] == NULL || demo_answers (tmpl) != NULL
              || demo_answers (chosen[kind]) == NULL))
        {
          if (chosen[kind] != NULL)
            ga_template_unref (chosen[kind]);
          chosen[kind] = ga_template_ref (tmpl);
        }
      ga_template_unref (tmpl);
    }

  for (guint k = 0; k < G_N_ELEMENTS (chosen) && ok; k++)
    {
      gint64 id;

      if (chosen[k] == NULL)
        continue;
      id = ga_store_new_assessment (store, enterprise_id, chosen[k], NULL, 2025, "2025", error);
      ok = id != 0 && fill_demo_answers (store, id, chosen[k], error);
    }
  for (guint k = 0; k < G_N_ELEMENTS (chosen); k++)
    if (chosen[k] != NULL)
      ga_template_unref (chosen[k]);
  ok = ok && ga_store_create_demo_park (store, enterprise_id, error);
  return ok;
}
