/* ga-engine.c: evaluation of a template against answers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template's dependency graph (built when it was validated) is the
 * evaluation plan: nodes for items, table columns, section applicability,
 * section aggregates and outputs, in topological order. Every formula
 * reference is bound to a value slot when the engine is built, so an
 * evaluation does no name look-ups.
 *
 * A node's evaluation is a pure function of the answers and of the results
 * of the nodes it depends on. That is what makes incremental updates exact:
 * after an answer changes, the nodes downstream of it are re-evaluated in
 * topological order (a heap of topological positions), and propagation
 * stops at a node whose result did not change bit for bit.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ga-engine-private.h"
#include "ga-scheme.h"

static const GaValue blank_value = GA_VALUE_INIT;

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof (double)) == 0;
}

/* Bit-exact equality: stricter than ga_value_equal() (which takes -0 == 0
 * and ignores error messages), because a dependent may see the difference. */
static gboolean
same_value (const GaValue *a,
            const GaValue *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case GA_VALUE_NUMBER:
      return same_double (a->u.number, b->u.number);
    case GA_VALUE_TEXT:
      return g_strcmp0 (a->u.text, b->u.text) == 0;
    case GA_VALUE_BOOLEAN:
      return !a->u.boolean == !b->u.boolean;
    case GA_VALUE_ERROR:
      return a->u.error.code == b->u.error.code
             && g_strcmp0 (a->u.error.message, b->u.error.message) == 0;
    default:
      return TRUE;
    }
}

static gboolean
same_result (const GaResult *a,
             const GaResult *b)
{
  /* weight is written by the category and the summary, not by the node. */
  return same_value (&a->value, &b->value)
         && same_double (a->score, b->score) && same_double (a->max, b->max)
         && a->status == b->status && a->level == b->level
         && a->veto_failed == b->veto_failed && a->noncompliant == b->noncompliant
         && a->answered == b->answered && a->total == b->total;
}

static void
result_init (GaResult *r)
{
  memset (r, 0, sizeof *r);
  r->score = NAN;
  r->max = NAN;
  r->level = -1;
  r->weight = NAN;
}

static double
clamp (double v,
       double lo,
       double hi)
{
  return v < lo ? lo : (v > hi ? hi : v);
}

static GaApplicability
applicability_of (const GaValue *v)
{
  switch (v->kind)
    {
    case GA_VALUE_BOOLEAN:
      return v->u.boolean ? GA_APPLIES : GA_APPLIES_NOT;
    case GA_VALUE_NUMBER:
      return v->u.number != 0 ? GA_APPLIES : GA_APPLIES_NOT;
    case GA_VALUE_BLANK:
      return GA_APPLIES_UNKNOWN;
    case GA_VALUE_NA:
      return GA_APPLIES_NOT;
    default:
      return GA_APPLIES_ERROR;
    }
}

/* NOT wins (a FALSE condition settles it), then ERROR, then UNKNOWN. */
static GaApplicability
applicability_and (GaApplicability a,
                   GaApplicability b)
{
  if (a == GA_APPLIES_NOT || b == GA_APPLIES_NOT)
    return GA_APPLIES_NOT;
  if (a == GA_APPLIES_ERROR || b == GA_APPLIES_ERROR)
    return GA_APPLIES_ERROR;
  if (a == GA_APPLIES_UNKNOWN || b == GA_APPLIES_UNKNOWN)
    return GA_APPLIES_UNKNOWN;
  return GA_APPLIES;
}

const char *
ga_status_to_string (GaStatus status)
{
  switch (status)
    {
    case GA_STATUS_COMPLETE: return "complete";
    case GA_STATUS_INCOMPLETE: return "incomplete";
    case GA_STATUS_NA: return "na";
    case GA_STATUS_ERROR: return "error";
    default: return "unknown";
    }
}

const char *
ga_veto_status_to_string (GaVetoStatus veto)
{
  switch (veto)
    {
    case GA_VETO_PASS: return "pass";
    case GA_VETO_FAIL: return "fail";
    case GA_VETO_PENDING: return "pending";
    default: return "unknown";
    }
}

/* The identifiers above are machine words (the results JSON uses them); these
 * are the same states in the user's language, for text output. */
const char *
ga_status_to_display (GaStatus status)
{
  switch (status)
    {
    case GA_STATUS_COMPLETE: return _("complete");
    case GA_STATUS_INCOMPLETE: return _("incomplete");
    case GA_STATUS_NA: return _("not applicable");
    case GA_STATUS_ERROR: return _("error");
    default: return _("unknown");
    }
}

const char *
ga_veto_status_to_display (GaVetoStatus veto)
{
  switch (veto)
    {
    case GA_VETO_PASS: return _("passed");
    case GA_VETO_FAIL: return _("failed");
    case GA_VETO_PENDING: return _("not all answered yet");
    default: return _("unknown");
    }
}

gboolean
ga_engine_option_of (const GaItem    *item,
                     const char      *id,
                     const GaOption **option)
{
  for (guint i = 0; id != NULL && item->options != NULL && i < item->options->len; i++)
    {
      const GaOption *o = item->options->pdata[i];
      if (g_str_equal (o->id, id))
        {
          *option = o;
          return TRUE;
        }
    }
  *option = NULL;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Formula evaluation with bound references                                 */

typedef struct {
  GaEngine         *engine;
  const GaCompiled *compiled;
  guint             table;   /* row formulas: the table item and the row */
  guint             row;
} EvalContext;

static const GaValue *
get_ref_cb (gpointer user_data,
            guint    index)
{
  EvalContext *ctx = user_data;
  const GaBinding *b = &ctx->compiled->bindings[index];

  switch (b->kind)
    {
    case GA_BIND_VALUE:
      if (b->result != NULL && b->result->status == GA_STATUS_INCOMPLETE
          && b->result->value.kind != GA_VALUE_BLANK && b->result != ctx->engine->gap_self
          && ctx->engine->gap.name == NULL && ctx->engine->gap.table == G_MAXUINT)
        ctx->engine->gap.name = ga_formula_get_ref (ctx->compiled->formula, index);
      return b->value;
    case GA_BIND_ROW_CELL:
      {
        GaTableState *t = &ctx->engine->tables[b->table];
        if (ctx->row < t->length[b->column])
          return &t->cells[b->column][ctx->row];
        return &blank_value;
      }
    default:
      return &blank_value;
    }
}

static gboolean
get_range_cb (gpointer        user_data,
              guint           index,
              const GaValue **values,
              guint          *n_values)
{
  EvalContext *ctx = user_data;
  const GaBinding *b = &ctx->compiled->bindings[index];
  GaTableState *t;

  if (b->kind != GA_BIND_RANGE)
    return FALSE;
  t = &ctx->engine->tables[b->table];
  /* Only ranges actually read count: a branch of IF() not taken may name
   * a table that does not apply. */
  if (ctx->engine->gap.table == G_MAXUINT && ctx->engine->gap.name == NULL
      && ga_engine_range_incomplete (ctx->engine, b->table, b->column))
    {
      ctx->engine->gap.table = b->table;
      ctx->engine->gap.column = b->column;
    }
  *values = t->cells[b->column];
  *n_values = t->length[b->column];
  return TRUE;
}

static gboolean
lookup_cb (gpointer       user_data,
           const char    *table_id,
           const GaValue *key,
           const char    *column,
           GaValue       *out)
{
  EvalContext *ctx = user_data;
  GaLookupTable *table = ga_template_find_table (ctx->engine->tmpl, table_id);
  g_autofree char *key_text = NULL;
  GHashTable *exact;
  GaTableRow *row = NULL;
  const char *k;

  if (table == NULL)
    return FALSE;
  if (key->kind == GA_VALUE_TEXT)
    k = key->u.text;
  else if (key->kind == GA_VALUE_NUMBER)
    k = key_text = ga_number_to_string (key->u.number);
  else
    return FALSE;

  /* Keys usually come from a choice of the table's own keys: try them as
   * written before folding case. */
  exact = g_hash_table_lookup (ctx->engine->exact_keys, table);
  if (exact != NULL)
    row = g_hash_table_lookup (exact, k);
  if (row == NULL)
    {
      g_autofree char *folded = g_utf8_casefold (k, -1);
      row = g_hash_table_lookup (table->row_by_key, folded);
    }
  if (row == NULL)
    return FALSE;
  for (guint c = 1; c < table->columns->len; c++)
    if (g_str_equal (table->columns->pdata[c], column))
      {
        GaOrigin *hit = &ctx->engine->hit;
        ga_value_copy (&row->cells[c - 1], out);
        /* The row's flag already holds the table's unless the row says
         * otherwise (see parse_lookup_table()). */
        if (!row->verified && hit->table == NULL)
          {
            hit->table = table;
            hit->row = row;
          }
        return TRUE;
      }
  return FALSE;
}

static void
evaluate (GaEngine         *engine,
          const GaCompiled *compiled,
          guint             table,
          guint             row,
          GaValue          *out)
{
  EvalContext ctx = { engine, compiled, table, row };
  GaFormulaContext context = { get_ref_cb, get_range_cb, lookup_cb, &ctx };

  if (compiled->constant)
    {
      ga_value_copy (&compiled->value, out);
      return;
    }
  ga_formula_evaluate (compiled->formula, &context, out);
}

/* Evaluates a formula that must give a number. Returns TRUE with *out set,
 * or FALSE with the offending value in @problem (blank, N/A, error, or an
 * error made from a value of the wrong kind). */
static gboolean
evaluate_number (GaEngine         *engine,
                 const GaCompiled *compiled,
                 double           *out,
                 GaValue          *problem)
{
  GaValue v = GA_VALUE_INIT;

  evaluate (engine, compiled, 0, 0, &v);
  if (v.kind == GA_VALUE_NUMBER)
    {
      *out = v.u.number;
      return TRUE;
    }
  if (v.kind == GA_VALUE_TEXT || v.kind == GA_VALUE_BOOLEAN)
    {
      g_autofree char *shown = ga_value_to_display (&v);
      ga_value_set_error (problem, GA_ERROR_CODE_VALUE, "%s gives %s, not a number",
                          ga_formula_get_text (compiled->formula), shown);
      ga_value_clear (&v);
      return FALSE;
    }
  ga_value_clear (problem);
  *problem = v;
  return FALSE;
}

static GaStatus
status_of_problem (const GaValue *problem)
{
  switch (problem->kind)
    {
    case GA_VALUE_BLANK: return GA_STATUS_INCOMPLETE;
    case GA_VALUE_NA: return GA_STATUS_NA;
    default: return GA_STATUS_ERROR;
    }
}

/* ------------------------------------------------------------------------ */
/* Compilation                                                              */

static void
compile (GaEngine   *engine,
         GaFormula  *formula,
         GaItem     *scope,
         GaCompiled *out)
{
  GaTemplate *tmpl = engine->tmpl;
  guint n;

  out->formula = formula;
  out->bindings = NULL;
  out->constant = FALSE;
  out->watch = FALSE;
  out->n_refs = 0;
  out->value = (GaValue) GA_VALUE_INIT;
  if (formula == NULL)
    return;
  n = ga_formula_get_n_refs (formula);
  out->n_refs = n;
  /* Benchmarks and weights are mostly plain numbers: evaluate those once.
   * The language has no volatile functions, so a formula without
   * references or look-ups always gives the same value. */
  if (n == 0 && ga_formula_get_n_lookups (formula) == 0)
    {
      GaFormulaContext context = { get_ref_cb, get_range_cb, lookup_cb, NULL };
      ga_formula_evaluate (formula, &context, &out->value);
      out->constant = TRUE;
      return;
    }
  out->bindings = g_new0 (GaBinding, MAX (n, 1));
  for (guint r = 0; r < n; r++)
    {
      const char *name = ga_formula_get_ref (formula, r);
      GaBinding *b = &out->bindings[r];
      const GaSymbol *sym;
      guint table, column;

      b->node = G_MAXUINT;
      if (strchr (name, '.') != NULL)
        {
          if (ga_template_resolve_range (tmpl, name, &table, &column))
            {
              b->kind = GA_BIND_RANGE;
              b->table = table;
              b->column = column;
              b->node = tmpl->column_node_base[table] + column;
              out->watch = TRUE;
            }
          continue;
        }
      sym = ga_template_lookup_symbol (tmpl, name);
      if (sym == NULL)
        continue;
      switch (sym->kind)
        {
        case GA_SYMBOL_ITEM:
          b->kind = GA_BIND_VALUE;
          b->result = &engine->items[sym->index];
          b->value = &b->result->value;
          b->node = sym->index;
          out->watch = TRUE;
          break;
        case GA_SYMBOL_SECTION:
          b->kind = GA_BIND_VALUE;
          b->result = &engine->sections[sym->index];
          b->value = &b->result->value;
          b->node = tmpl->sec_base + sym->index;
          out->watch = TRUE;
          break;
        case GA_SYMBOL_OUTPUT:
          b->kind = GA_BIND_VALUE;
          b->result = &engine->outputs[sym->index];
          b->value = &b->result->value;
          b->node = tmpl->out_base + sym->index;
          out->watch = TRUE;
          break;
        case GA_SYMBOL_COLUMN:
          if (scope != NULL && scope->index == sym->index)
            {
              b->kind = GA_BIND_ROW_CELL;
              b->table = sym->index;
              b->column = sym->column;
              b->node = tmpl->column_node_base[sym->index] + sym->column;
            }
          break;
        default:
          break;
        }
    }
}

static void
compiled_clear (GaCompiled *c)
{
  ga_value_clear (&c->value);
  g_clear_pointer (&c->bindings, g_free);
  c->formula = NULL;
}

static double
section_full_points (GaSection *section)
{
  double sum = 0;

  if (!isnan (section->points))
    return section->points;
  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = section->items->pdata[i];
      if (!item->veto && !item->bonus && !isnan (item->points))
        sum += item->points;
    }
  for (guint c = 0; c < section->sections->len; c++)
    sum += section_full_points (section->sections->pdata[c]);
  return sum;
}

static void
collect_indicators (GaSection *section,
                    GPtrArray *out)
{
  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = section->items->pdata[i];
      if (item->weight != NULL)
        g_ptr_array_add (out, item);
    }
  for (guint c = 0; c < section->sections->len; c++)
    collect_indicators (section->sections->pdata[c], out);
}

/* Whether @c can ever read an unverified value: a FACTOR() of a table with
 * an unverified row, or a value that may itself be unverified. */
static gboolean
compiled_may_be_unverified (GaEngine         *engine,
                            const GaCompiled *c,
                            GHashTable       *unverified_tables)
{
  if (c->formula == NULL || c->constant)
    return FALSE;
  for (guint r = 0; r < c->n_refs; r++)
    if (c->bindings[r].node != G_MAXUINT && engine->may_be_unverified[c->bindings[r].node])
      return TRUE;
  for (guint i = 0; i < ga_formula_get_n_lookups (c->formula); i++)
    {
      const char *table, *column;
      guint at;
      ga_formula_get_lookup (c->formula, i, &table, &column, &at);
      if (g_hash_table_contains (unverified_tables, table))
        return TRUE;
    }
  return FALSE;
}

/* Fixed by the template, in dependency order: which nodes could ever be
 * flagged unverified, so that evaluation skips the others. */
static void
compute_may_be_unverified (GaEngine *engine)
{
  GaTemplate *tmpl = engine->tmpl;
  g_autoptr(GHashTable) unverified_tables = g_hash_table_new (g_str_hash, g_str_equal);

  engine->may_be_unverified = g_new0 (guint8, MAX (tmpl->n_nodes, 1));
  for (guint t = 0; t < tmpl->tables->len; t++)
    {
      GaLookupTable *table = tmpl->tables->pdata[t];
      for (guint r = 0; r < table->rows->len; r++)
        if (!((GaTableRow *) table->rows->pdata[r])->verified && table->id != NULL)
          g_hash_table_add (unverified_tables, table->id);
    }
  for (guint k = 0; k < tmpl->n_nodes; k++)
    {
      guint node = tmpl->topo[k];
      const GaNode *n = &tmpl->nodes[node];
      gboolean may = FALSE;

      switch (n->kind)
        {
        case GA_NODE_ITEM:
          {
            GaItem *item = tmpl->items->pdata[n->index];
            GaItemState *st = &engine->istate[n->index];
            const GaCompiled *parts[] = { &st->value, &st->weight, &st->rule };
            may = !item->verified;
            for (guint i = 0; !may && i < G_N_ELEMENTS (parts); i++)
              may = compiled_may_be_unverified (engine, parts[i], unverified_tables);
            for (guint c = 0; !may && item->kind == GA_ITEM_TABLE && c < item->columns->len; c++)
              may = engine->may_be_unverified[tmpl->column_node_base[n->index] + c];
          }
          break;
        case GA_NODE_COLUMN:
          may = compiled_may_be_unverified (engine, &engine->tables[n->index].columns[n->column],
                                            unverified_tables);
          break;
        case GA_NODE_OUTPUT:
          may = compiled_may_be_unverified (engine, &engine->output_formula[n->index],
                                            unverified_tables);
          break;
        case GA_NODE_SECTION:
          {
            GaSection *section = tmpl->sections->pdata[n->index];
            for (guint i = 0; !may && i < section->items->len; i++)
              may = ga_item_feeds_section (section->items->pdata[i])
                    && engine->may_be_unverified[((GaItem *) section->items->pdata[i])->index];
            for (guint c = 0; !may && c < section->sections->len; c++)
              may = engine->may_be_unverified[tmpl->sec_base
                                              + ((GaSection *) section->sections->pdata[c])->index];
          }
          break;
        default:
          break;
        }
      engine->may_be_unverified[node] = may;
    }
}

GaEngine *
ga_engine_new (GaTemplate *tmpl)
{
  GPtrArray *rules;
  GaEngine *engine;
  guint n_items, n_sections, n_outputs;

  g_return_val_if_fail (tmpl != NULL, NULL);
  g_return_val_if_fail (tmpl->topo != NULL, NULL);

  rules = ga_scheme_get_rules (tmpl);
  engine = g_new0 (GaEngine, 1);
  engine->ref_count = 1;
  engine->tmpl = ga_template_ref (tmpl);
  engine->answers = ga_answer_set_new ();
  n_items = tmpl->items->len;
  n_sections = tmpl->sections->len;
  n_outputs = tmpl->outputs->len;

  engine->answer_of = g_new0 (const GaAnswer *, MAX (n_items, 1));
  engine->items = g_new0 (GaResult, MAX (n_items, 1));
  engine->sections = g_new0 (GaResult, MAX (n_sections, 1));
  engine->outputs = g_new0 (GaResult, MAX (n_outputs, 1));
  engine->istate = g_new0 (GaItemState, MAX (n_items, 1));
  engine->sa = g_new0 (GaSectionApplicable, MAX (n_sections, 1));
  engine->sstate = g_new0 (GaSectionState, MAX (n_sections, 1));
  engine->output_formula = g_new0 (GaCompiled, MAX (n_outputs, 1));
  engine->tables = g_new0 (GaTableState, MAX (n_items, 1));
  engine->veto_items = g_ptr_array_new ();
  engine->summary.veto_failures = g_ptr_array_new ();
  engine->heap = g_new (guint, MAX (tmpl->n_nodes, 1));
  engine->origin = g_new0 (GaOrigin, MAX (tmpl->n_nodes, 1));
  engine->output_gaps = g_new0 (GaGap, MAX (n_outputs, 1));
  engine->gap.table = G_MAXUINT;
  engine->queued = g_new0 (guint8, MAX (tmpl->n_nodes, 1));
  engine->exact_keys = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < n_items; i++)
    result_init (&engine->items[i]);
  for (guint s = 0; s < n_sections; s++)
    result_init (&engine->sections[s]);
  for (guint o = 0; o < n_outputs; o++)
    result_init (&engine->outputs[o]);

  /* Bind every formula. The result arrays are allocated above and never
   * move, so bindings can point into them. */
  for (guint i = 0; i < n_items; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      GaItemState *st = &engine->istate[i];

      compile (engine, item->applicable, NULL, &st->applicable);
      compile (engine, item->value, NULL, &st->value);
      compile (engine, item->weight, NULL, &st->weight);
      st->rule_formula = rules->pdata[i];
      compile (engine, st->rule_formula, NULL, &st->rule);
      compile (engine, item->score.baseline, NULL, &st->baseline);
      compile (engine, item->score.leading, NULL, &st->leading);
      for (guint k = 0; k < 3; k++)
        compile (engine, item->score.benchmark[k], NULL, &st->bench[k]);
      if (item->score.bands != NULL)
        {
          st->n_bands = item->score.bands->len;
          st->bands = g_new0 (GaCompiled, MAX (st->n_bands, 1));
          for (guint b = 0; b < st->n_bands; b++)
            compile (engine, ((GaBand *) item->score.bands->pdata[b])->threshold, NULL,
                     &st->bands[b]);
        }
      st->raw_weight = NAN;
      st->band_hit = -1;
      for (guint k = 0; k < 3; k++)
        st->bench_v[k] = NAN;
      st->baseline_v = st->leading_v = NAN;

      if (item->veto)
        g_ptr_array_add (engine->veto_items, item);

      if (item->kind == GA_ITEM_TABLE)
        {
          GaTableState *t = &engine->tables[i];
          guint n_columns = item->columns->len;

          t->columns = g_new0 (GaCompiled, MAX (n_columns, 1));
          t->cells = g_new0 (GaValue *, MAX (n_columns, 1));
          t->length = g_new0 (guint, MAX (n_columns, 1));
          t->capacity = g_new0 (guint, MAX (n_columns, 1));
          t->flags = g_new0 (guint8, MAX (n_columns, 1));
          for (guint c = 0; c < n_columns; c++)
            {
              GaColumn *column = item->columns->pdata[c];
              compile (engine, column->formula, item, &t->columns[c]);
            }
          t->fixed_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_row_free);
          for (guint r = 0; item->fixed_rows != NULL && r < item->fixed_rows->len; r++)
            {
              g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
              GaRow *row;
              json_node_set_object (node, item->fixed_rows->pdata[r]);
              row = ga_answer_row_from_json (node, item, r, NULL);
              if (row != NULL)
                g_ptr_array_add (t->fixed_rows, row);
            }
        }
    }
  for (guint s = 0; s < n_sections; s++)
    {
      GaSection *section = tmpl->sections->pdata[s];
      GaSectionState *ss = &engine->sstate[s];

      compile (engine, section->applicable, NULL, &engine->sa[s].applicable);
      compile (engine, section->weight, NULL, &ss->weight);
      ss->full_points = section_full_points (section);
      ss->w = NAN;
      if (section->parent == NULL && tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
        {
          ss->indicators = g_ptr_array_new ();
          collect_indicators (section, ss->indicators);
        }
    }
  for (guint o = 0; o < n_outputs; o++)
    compile (engine, ((GaOutput *) tmpl->outputs->pdata[o])->formula, NULL,
             &engine->output_formula[o]);

  for (guint t = 0; t < tmpl->tables->len; t++)
    {
      GaLookupTable *table = tmpl->tables->pdata[t];
      GHashTable *exact = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < table->rows->len; r++)
        {
          GaTableRow *row = table->rows->pdata[r];
          if (row->key != NULL && !g_hash_table_contains (exact, row->key))
            g_hash_table_insert (exact, row->key, row);
        }
      g_hash_table_insert (engine->exact_keys, table, exact);
    }

  compute_may_be_unverified (engine);
  ga_engine_evaluate (engine);
  return engine;
}

GaEngine *
ga_engine_ref (GaEngine *engine)
{
  g_return_val_if_fail (engine != NULL, NULL);
  g_atomic_int_inc (&engine->ref_count);
  return engine;
}

void
ga_engine_unref (GaEngine *engine)
{
  GaTemplate *tmpl;

  if (engine == NULL || !g_atomic_int_dec_and_test (&engine->ref_count))
    return;
  tmpl = engine->tmpl;

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      GaItemState *st = &engine->istate[i];

      ga_value_clear (&engine->items[i].value);
      compiled_clear (&st->applicable);
      compiled_clear (&st->value);
      compiled_clear (&st->weight);
      compiled_clear (&st->rule);
      compiled_clear (&st->baseline);
      compiled_clear (&st->leading);
      for (guint k = 0; k < 3; k++)
        compiled_clear (&st->bench[k]);
      for (guint b = 0; b < st->n_bands; b++)
        compiled_clear (&st->bands[b]);
      g_free (st->bands);
      ga_value_clear (&st->condition);
      ga_value_clear (&st->problem);

      if (item->kind == GA_ITEM_TABLE)
        {
          GaTableState *t = &engine->tables[i];
          for (guint c = 0; c < item->columns->len; c++)
            {
              compiled_clear (&t->columns[c]);
              for (guint r = 0; r < t->length[c]; r++)
                ga_value_clear (&t->cells[c][r]);
              g_free (t->cells[c]);
            }
          g_free (t->columns);
          g_free (t->cells);
          g_free (t->length);
          g_free (t->capacity);
          g_free (t->flags);
          g_ptr_array_unref (t->fixed_rows);
        }
    }
  for (guint s = 0; s < tmpl->sections->len; s++)
    {
      ga_value_clear (&engine->sections[s].value);
      compiled_clear (&engine->sa[s].applicable);
      ga_value_clear (&engine->sa[s].value);
      compiled_clear (&engine->sstate[s].weight);
      g_clear_pointer (&engine->sstate[s].indicators, g_ptr_array_unref);
    }
  for (guint o = 0; o < tmpl->outputs->len; o++)
    {
      ga_value_clear (&engine->outputs[o].value);
      compiled_clear (&engine->output_formula[o]);
    }

  g_free (engine->answer_of);
  g_free (engine->items);
  g_free (engine->sections);
  g_free (engine->outputs);
  g_free (engine->istate);
  g_free (engine->sa);
  g_free (engine->sstate);
  g_free (engine->output_formula);
  g_free (engine->tables);
  g_ptr_array_unref (engine->veto_items);
  g_ptr_array_unref (engine->summary.veto_failures);
  g_free (engine->heap);
  g_free (engine->queued);
  g_free (engine->origin);
  g_free (engine->may_be_unverified);
  g_free (engine->output_gaps);
  g_hash_table_unref (engine->exact_keys);
  ga_answer_set_free (engine->answers);
  ga_template_unref (engine->tmpl);
  g_free (engine);
}

GaTemplate *
ga_engine_get_template (GaEngine *engine)
{
  return engine->tmpl;
}

GaAnswerSet *
ga_engine_get_answers (GaEngine *engine)
{
  return engine->answers;
}

const GaValue *
ga_engine_item_value (GaEngine *engine,
                      guint     item)
{
  return &engine->items[item].value;
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                   */

/* The rows a table holds: the answer's, else the template's prefilled ones. */
static GPtrArray *
table_source_rows (GaEngine *engine,
                   guint     item)
{
  const GaAnswer *answer = engine->answer_of[item];

  if (answer != NULL && !answer->not_applicable && answer->rows != NULL)
    return answer->rows;
  if (answer == NULL)
    return engine->tables[item].fixed_rows;
  return NULL;
}

static void
column_reserve (GaTableState *t,
                guint         column,
                guint         n)
{
  if (n <= t->capacity[column])
    return;
  t->cells[column] = g_renew (GaValue, t->cells[column], n);
  memset (t->cells[column] + t->capacity[column], 0,
          sizeof (GaValue) * (n - t->capacity[column]));
  t->capacity[column] = n;
}

static gboolean
eval_column (GaEngine *engine,
             guint     item_index,
             guint     column_index)
{
  GaItem *item = engine->tmpl->items->pdata[item_index];
  GaColumn *column = item->columns->pdata[column_index];
  GaTableState *t = &engine->tables[item_index];
  GPtrArray *rows = table_source_rows (engine, item_index);
  guint n = rows != NULL ? rows->len : 0;
  gboolean changed = n != t->length[column_index];
  const GaAnswer *answer = engine->answer_of[item_index];
  guint8 flags = answer != NULL && answer->not_applicable ? GA_COLUMN_TABLE_NA : 0;

  column_reserve (t, column_index, n);
  /* Rows that are gone; then the rows that stay, compared as they are
   * rewritten so that an unchanged column stops the propagation. */
  for (guint r = n; r < t->length[column_index]; r++)
    ga_value_clear (&t->cells[column_index][r]);
  t->length[column_index] = n;

  for (guint r = 0; r < n; r++)
    {
      GaValue *cell = &t->cells[column_index][r];
      GaValue v = GA_VALUE_INIT;

      if (column->kind == GA_ITEM_COMPUTED)
        evaluate (engine, &t->columns[column_index], item_index, r, &v);
      else
        {
          GaRow *row = rows->pdata[r];
          if (column_index < row->n_cells)
            ga_value_copy (&row->cells[column_index], &v);
        }
      if (!same_value (cell, &v))
        {
          ga_value_clear (cell);
          *cell = v;
          changed = TRUE;
        }
      else
        ga_value_clear (&v);
      if (cell->kind == GA_VALUE_ERROR)
        flags |= GA_COLUMN_ERROR;
      else if (cell->kind == GA_VALUE_BLANK && column->required)
        flags |= GA_COLUMN_REQUIRED_BLANK;
    }
  if (flags != t->flags[column_index])
    {
      t->flags[column_index] = flags;
      changed = TRUE;
    }
  return changed;
}

gboolean
ga_engine_range_incomplete (GaEngine *engine,
                            guint     table,
                            guint     column)
{
  GaItem *item = engine->tmpl->items->pdata[table];
  GaTableState *t = &engine->tables[table];

  /* A table answered 不适用 has no rows, and that is its complete content. */
  if (t->flags[column] & GA_COLUMN_TABLE_NA)
    return FALSE;
  if (t->length[column] < item->min_rows
      || (t->flags[column] & (GA_COLUMN_REQUIRED_BLANK | GA_COLUMN_ERROR)))
    return TRUE;
  /* A row without a required input (its quantity, say) is missing from
   * every total over the table, whichever column is summed. */
  for (guint c = 0; c < item->columns->len; c++)
    if (((GaColumn *) item->columns->pdata[c])->kind != GA_ITEM_COMPUTED
        && (t->flags[c] & GA_COLUMN_REQUIRED_BLANK))
      return TRUE;
  return FALSE;
}

guint
ga_engine_get_n_rows (GaEngine     *engine,
                      const GaItem *table)
{
  g_return_val_if_fail (engine != NULL && table != NULL, 0);
  if (table->kind != GA_ITEM_TABLE || table->columns->len == 0)
    return 0;
  return engine->tables[table->index].length[0];
}

const GaValue *
ga_engine_get_cell (GaEngine     *engine,
                    const GaItem *table,
                    guint         row,
                    guint         column)
{
  GaTableState *t;

  g_return_val_if_fail (engine != NULL && table != NULL, NULL);
  if (table->kind != GA_ITEM_TABLE || column >= table->columns->len)
    return NULL;
  t = &engine->tables[table->index];
  if (row >= t->length[column])
    return NULL;
  return &t->cells[column][row];
}

/* ------------------------------------------------------------------------ */
/* Items                                                                    */

static GaNaPolicy
item_na_policy (const GaItem *item)
{
  return item->section->na_policy;
}

static gboolean
item_is_answerable (const GaItem *item)
{
  return item->kind != GA_ITEM_COMPUTED;
}

static gboolean
item_is_indicator (GaEngine     *engine,
                   const GaItem *item)
{
  return engine->tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && item->weight != NULL;
}

/* The option the value names: the one found when the answer was set, or a
 * search when the value does not come from the answer. */
static gboolean
chosen_option (GaItemState     *st,
               const GaItem    *item,
               const GaValue   *v,
               const GaOption **option)
{
  if (v->kind != GA_VALUE_TEXT)
    {
      *option = NULL;
      return FALSE;
    }
  if (st->option != NULL && g_str_equal (st->option->id, v->u.text))
    {
      *option = st->option;
      return TRUE;
    }
  return ga_engine_option_of (item, v->u.text, option);
}

/* The points of a multiple choice: the sum of the chosen options' points
 * (its value is only how many were chosen). */
static double
multi_points (GaEngine     *engine,
              const GaItem *item)
{
  const GaAnswer *answer = engine->answer_of[item->index];
  double sum = 0;

  for (guint i = 0; answer != NULL && answer->selected != NULL && answer->selected[i] != NULL;
       i++)
    {
      const GaOption *o;
      if (ga_engine_option_of (item, answer->selected[i], &o) && !isnan (o->points))
        sum += o->points;
    }
  return sum;
}

/* Scores an applicable item whose value is known with its rule
 * (ga-scheme.c); fills @r and returns the status. */
static GaStatus
score_item (GaEngine    *engine,
            GaItem      *item,
            GaItemState *st,
            GaResult    *r)
{
  gboolean indicator = item_is_indicator (engine, item);
  GaValue res = GA_VALUE_INIT;

  if (st->rule.formula == NULL)
    {
      if (item->veto || indicator || item->score.method == GA_SCORE_NONE)
        return GA_STATUS_COMPLETE;
      if (item->kind == GA_ITEM_MULTI && item->score.method == GA_SCORE_OPTIONS)
        {
          st->option_points = multi_points (engine, item);
          r->score = clamp (st->option_points, 0, item->points);
          r->noncompliant = ga_number_compare (r->score, item->points) < 0;
          return GA_STATUS_COMPLETE;
        }
      ga_value_set_error (&st->problem, GA_ERROR_CODE_VALUE, "the answer cannot be scored");
      return GA_STATUS_ERROR;
    }

  evaluate (engine, &st->rule, 0, 0, &res);
  switch (res.kind)
    {
    case GA_VALUE_BOOLEAN:
      if (!item->veto)
        break;
      r->veto_failed = !res.u.boolean;
      r->noncompliant = r->veto_failed;
      return GA_STATUS_COMPLETE;
    case GA_VALUE_NUMBER:
      if (item->veto)
        break;
      if (indicator)
        {
          r->level = (int) res.u.number;
          r->noncompliant = r->level == 0;
          return GA_STATUS_COMPLETE;
        }
      r->score = res.u.number;
      /* Excel's 15 digits: 4.999999999999995 of 5 is full marks. */
      r->noncompliant = ga_number_compare (r->score, item->points) < 0;
      return GA_STATUS_COMPLETE;
    case GA_VALUE_TEXT:
      break;
    default:
      {
        GaStatus status = status_of_problem (&res);
        ga_value_clear (&st->problem);
        st->problem = res;
        return status;
      }
    }
  ga_value_clear (&res);
  ga_value_set_error (&st->problem, GA_ERROR_CODE_VALUE, "%s gives %s",
                      ga_formula_get_text (st->rule.formula),
                      item->veto ? "no TRUE/FALSE" : "no number");
  return GA_STATUS_ERROR;
}

void
ga_engine_item_details (GaEngine *engine,
                        GaItem   *item)
{
  GaItemState *st = &engine->istate[item->index];
  const GaValue *v = &engine->items[item->index].value;
  GaScoreRule *rule = &item->score;
  GaValue problem = GA_VALUE_INIT;
  const GaOption *o;

  st->baseline_v = st->leading_v = st->option_points = NAN;
  st->band_hit = -1;
  for (guint k = 0; k < 3; k++)
    st->bench_v[k] = NAN;
  switch (rule->method)
    {
    case GA_SCORE_OPTIONS:
      if (item->kind == GA_ITEM_MULTI)
        st->option_points = multi_points (engine, item);
      else if (v->kind == GA_VALUE_TEXT)
        st->option_points = chosen_option (st, item, v, &o) && !isnan (o->points)
                            ? o->points : 0;
      break;
    case GA_SCORE_INTERP:
      if (!evaluate_number (engine, &st->baseline, &st->baseline_v, &problem))
        st->baseline_v = NAN;
      if (!evaluate_number (engine, &st->leading, &st->leading_v, &problem))
        st->leading_v = NAN;
      break;
    case GA_SCORE_BANDS:
      for (guint b = 0; v->kind == GA_VALUE_NUMBER && b < st->n_bands; b++)
        {
          double t;
          if (!evaluate_number (engine, &st->bands[b], &t, &problem))
            break;
          if (ga_comparator_holds (rule->band_cmp, v->u.number, t))
            {
              st->band_hit = (int) b;
              break;
            }
        }
      break;
    case GA_SCORE_LEVELS:
      for (guint k = 0; k < 3; k++)
        if (st->bench[k].formula != NULL
            && !evaluate_number (engine, &st->bench[k], &st->bench_v[k], &problem))
          st->bench_v[k] = NAN;
      break;
    default:
      break;
    }
  ga_value_clear (&problem);
}

/* Fills score and max of an item that is not applicable, per the N/A
 * policy of the section holding it. */
/* A section that is not applicable because a section above is not counts
 * the way the topmost such section counts in its parent: the policy of
 * that parent decides, for the section and for everything below it. */
static GaNaPolicy
cascade_policy (GaEngine  *engine,
                GaSection *section)
{
  while (section->parent != NULL && engine->sa[section->parent->index].state == GA_APPLIES_NOT)
    section = section->parent;
  return section->parent != NULL ? section->parent->na_policy : engine->tmpl->na_policy;
}

GaNaPolicy
ga_engine_item_na_policy (GaEngine     *engine,
                          const GaItem *item)
{
  return engine->istate[item->index].na_cause == GA_NA_SECTION
         ? cascade_policy (engine, item->section) : item_na_policy (item);
}

static void
item_not_applicable (GaEngine *engine,
                     GaItem   *item,
                     GaResult *r)
{
  GaNaPolicy policy;

  r->status = GA_STATUS_NA;
  r->veto_failed = FALSE;
  r->noncompliant = FALSE;
  r->level = -1;
  if (isnan (item->points) || item->veto || item_is_indicator (engine, item))
    return;
  policy = ga_engine_item_na_policy (engine, item);
  if (policy == GA_NA_POLICY_AWARD && !item->bonus)
    r->score = r->max = item->points;
  else
    r->score = r->max = 0;
}

static void
item_value_from_answer (GaEngine       *engine,
                        GaItem         *item,
                        const GaAnswer *answer,
                        GaValue        *out)
{
  switch (item->kind)
    {
    case GA_ITEM_MULTI:
      if (answer != NULL && answer->selected != NULL)
        ga_value_set_number (out, g_strv_length (answer->selected));
      else
        ga_value_set_blank (out);
      break;
    case GA_ITEM_TABLE:
      if (answer != NULL && answer->rows != NULL)
        ga_value_set_number (out, answer->rows->len);
      else
        ga_value_set_blank (out);
      break;
    default:
      if (answer != NULL)
        ga_value_copy (&answer->value, out);
      else
        ga_value_set_blank (out);
      break;
    }
}

/* The table's own completeness: rows, required cells, computed errors. */
static GaStatus
table_status (GaEngine *engine,
              GaItem   *item,
              GaValue  *problem)
{
  GaTableState *t = &engine->tables[item->index];
  guint n = item->columns->len > 0 ? t->length[0] : 0;
  GaStatus status = GA_STATUS_COMPLETE;

  if (n < item->min_rows)
    status = GA_STATUS_INCOMPLETE;
  for (guint c = 0; c < item->columns->len; c++)
    {
      GaColumn *column = item->columns->pdata[c];
      for (guint r = 0; r < t->length[c]; r++)
        {
          const GaValue *cell = &t->cells[c][r];
          if (cell->kind == GA_VALUE_ERROR)
            {
              ga_value_copy (cell, problem);
              return GA_STATUS_ERROR;
            }
          if (cell->kind == GA_VALUE_BLANK && column->required)
            status = GA_STATUS_INCOMPLETE;
        }
    }
  return status;
}

static gboolean
eval_item (GaEngine *engine,
           guint     index)
{
  GaTemplate *tmpl = engine->tmpl;
  GaItem *item = tmpl->items->pdata[index];
  GaItemState *st = &engine->istate[index];
  GaResult *stored = &engine->items[index];
  const GaAnswer *answer = engine->answer_of[index];
  GaSectionApplicable *sa = &engine->sa[item->section->index];
  gboolean answered = answer != NULL;   /* empty answers are not bound (see bind_answer) */
  gboolean scored = !isnan (item->points) && !item->veto && !item_is_indicator (engine, item);
  double old_weight = st->raw_weight;
  GaStatus old_weight_status = st->weight_status;
  GaApplicability applies;
  GaResult r;
  GaValue old_value;
  gboolean value_kept = FALSE;
  gboolean changed;

  result_init (&r);
  r.weight = stored->weight;
  st->na_cause = GA_NA_NONE;
  st->band_hit = -1;
  st->baseline_v = st->leading_v = NAN;
  st->option_points = NAN;
  st->raw_weight = NAN;
  st->weight_status = GA_STATUS_COMPLETE;
  st->inputs_incomplete = FALSE;
  st->gap = (GaGap) { G_MAXUINT, 0, NULL };
  ga_value_set_blank (&st->problem);
  ga_value_set_blank (&st->condition);

  /* Applicability: the section's, then the item's own condition. */
  applies = sa->state;
  if (applies == GA_APPLIES_NOT)
    st->na_cause = GA_NA_SECTION;
  else if (st->applicable.formula != NULL)
    {
      GaApplicability own;
      evaluate (engine, &st->applicable, 0, 0, &st->condition);
      own = applicability_of (&st->condition);
      if (own == GA_APPLIES_NOT)
        st->na_cause = GA_NA_CONDITION;
      applies = applicability_and (applies, own);
    }
  st->applies = applies;
  /* From here on, incomplete inputs read by the value and score formulas
   * count (not those of the applicability condition). */
  engine->gap = (GaGap) { G_MAXUINT, 0, NULL };
  engine->gap_self = stored;
  if (applies != GA_APPLIES_NOT && answer != NULL && answer->not_applicable)
    {
      if (item->na_allowed)
        {
          applies = GA_APPLIES_NOT;
          st->na_cause = GA_NA_ANSWER;
        }
      else
        ga_value_set_error (&st->problem, GA_ERROR_CODE_VALUE,
                            "%s may not be answered N/A", item->id);
    }
  if (item_is_answerable (item))
    {
      r.total = st->na_cause == GA_NA_SECTION || st->na_cause == GA_NA_CONDITION ? 0 : 1;
      r.answered = r.total == 1 && answered ? 1 : 0;
    }

  /* The value. The old one is kept aside for the comparison; the new one
   * goes into the slot at once because score formulas may read it. */
  old_value = stored->value;
  stored->value = (GaValue) GA_VALUE_INIT;
  if (applies == GA_APPLIES_NOT)
    {
      ga_value_set_na (&stored->value);
      item_not_applicable (engine, item, &r);
    }
  else
    {
      GaStatus status;

      if (item->kind == GA_ITEM_COMPUTED)
        evaluate (engine, &st->value, 0, 0, &stored->value);
      else if (st->problem.kind == GA_VALUE_ERROR)
        ga_value_copy (&st->problem, &stored->value);
      else if (answer != NULL && item->kind != GA_ITEM_MULTI && item->kind != GA_ITEM_TABLE
               && same_value (&old_value, &answer->value))
        {
          /* Unchanged answer: keep the value instead of copying its text. */
          stored->value = old_value;
          old_value = (GaValue) GA_VALUE_INIT;
          value_kept = TRUE;
        }
      else
        item_value_from_answer (engine, item, answer, &stored->value);
      if (applies == GA_APPLIES_ERROR)
        {
          /* The value cannot be used while it is unknown whether it applies. */
          if (st->condition.kind == GA_VALUE_ERROR)
            ga_value_copy (&st->condition, &stored->value);
          else
            ga_value_set_error (&stored->value, GA_ERROR_CODE_VALUE,
                                "whether %s applies cannot be decided", item->id);
          ga_value_copy (&stored->value, &st->problem);
        }
      r.value = stored->value;

      if (scored)
        {
          r.score = 0;
          r.max = item->points;
        }
      if (stored->value.kind == GA_VALUE_NA)
        {
          st->na_cause = GA_NA_VALUE;
          item_not_applicable (engine, item, &r);
          status = GA_STATUS_NA;
        }
      else if (stored->value.kind == GA_VALUE_ERROR)
        {
          if (st->problem.kind == GA_VALUE_BLANK)
            ga_value_copy (&stored->value, &st->problem);
          status = GA_STATUS_ERROR;
        }
      else if (stored->value.kind == GA_VALUE_BLANK)
        status = GA_STATUS_INCOMPLETE;
      else
        {
          if (scored)
            r.score = NAN;
          status = score_item (engine, item, st, &r);
          if (status != GA_STATUS_COMPLETE && scored)
            r.score = 0;
          if (status == GA_STATUS_NA)
            {
              st->na_cause = GA_NA_VALUE;
              r.score = NAN;
              r.max = NAN;
              r.veto_failed = FALSE;
              item_not_applicable (engine, item, &r);
              ga_value_set_blank (&st->problem);
            }
          else if (item->kind == GA_ITEM_TABLE && status == GA_STATUS_COMPLETE)
            status = table_status (engine, item, &st->problem);
        }
      if (status == GA_STATUS_COMPLETE && applies == GA_APPLIES_UNKNOWN)
        status = GA_STATUS_INCOMPLETE;
      /* The value and the score stay what the formulas give (the exported
       * workbook computes the same), but a total over a table with a
       * missing quantity is not final. */
      if (status == GA_STATUS_COMPLETE
          && (engine->gap.table != G_MAXUINT || engine->gap.name != NULL))
        {
          status = GA_STATUS_INCOMPLETE;
          st->inputs_incomplete = TRUE;
          st->gap = engine->gap;
        }
      r.status = status;
      if (status == GA_STATUS_NA)
        {
          ga_value_clear (&stored->value);
          ga_value_set_na (&stored->value);
          value_kept = FALSE;
        }
    }
  r.value = stored->value;

  /* Clean-production weight ω_ij, needed only while the indicator applies. */
  if (item_is_indicator (engine, item) && r.status != GA_STATUS_NA)
    {
      GaValue problem = GA_VALUE_INIT;
      double w;
      if (evaluate_number (engine, &st->weight, &w, &problem))
        st->raw_weight = w < 0 ? 0 : w;
      else
        {
          st->weight_status = status_of_problem (&problem) == GA_STATUS_ERROR
                              ? GA_STATUS_ERROR : GA_STATUS_INCOMPLETE;
          if (r.status == GA_STATUS_COMPLETE)
            r.status = st->weight_status;
          if (st->problem.kind == GA_VALUE_BLANK)
            {
              ga_value_clear (&st->problem);
              st->problem = problem;
              problem = (GaValue) GA_VALUE_INIT;
            }
        }
      ga_value_clear (&problem);
    }

  changed = (!value_kept && !same_value (&old_value, &stored->value)) || !same_result (stored, &r)
            || !same_double (old_weight, st->raw_weight)
            || old_weight_status != st->weight_status;
  ga_value_clear (&old_value);
  r.value = stored->value;
  *stored = r;
  return changed;
}

/* ------------------------------------------------------------------------ */
/* Sections                                                                 */

static gboolean
eval_section_applicable (GaEngine *engine,
                         guint     index)
{
  GaSection *section = engine->tmpl->sections->pdata[index];
  GaSectionApplicable *sa = &engine->sa[index];
  GaApplicability old_state = sa->state, parent, own = GA_APPLIES;
  GaValue v = GA_VALUE_INIT;
  gboolean changed;

  parent = section->parent != NULL ? engine->sa[section->parent->index].state : GA_APPLIES;
  if (parent != GA_APPLIES_NOT && sa->applicable.formula != NULL)
    {
      evaluate (engine, &sa->applicable, 0, 0, &v);
      own = applicability_of (&v);
    }
  sa->state = applicability_and (parent, own);
  sa->from_parent = parent != GA_APPLIES && (parent == GA_APPLIES_NOT || own == GA_APPLIES);
  changed = old_state != sa->state || !same_value (&sa->value, &v);
  ga_value_clear (&sa->value);
  sa->value = v;
  return changed;
}

typedef struct {
  double   earned;
  double   app_max;
  double   na_max;
  guint    n_children;
  guint    n_na;
  gboolean any_error;
  gboolean any_incomplete;
} Tally;

static void
tally_child (Tally          *t,
             const GaResult *r,
             double          full_points,
             gboolean        counts)
{
  t->n_children++;
  if (r->status == GA_STATUS_NA)
    t->n_na++;
  else if (r->status == GA_STATUS_ERROR)
    t->any_error = TRUE;
  else if (r->status == GA_STATUS_INCOMPLETE)
    t->any_incomplete = TRUE;
  if (!counts)
    return;
  if (r->status == GA_STATUS_NA)
    t->na_max += full_points;
  else
    {
      t->earned += r->score;
      t->app_max += r->max;
    }
}

/* Score and max after the N/A policy. */
static void
apply_na_policy (GaNaPolicy policy,
                 const Tally *t,
                 double     *score,
                 double     *max)
{
  switch (policy)
    {
    case GA_NA_POLICY_AWARD:
      *score = t->earned + t->na_max;
      *max = t->app_max + t->na_max;
      break;
    case GA_NA_POLICY_RENORMALISE:
      *max = t->app_max + t->na_max;
      *score = t->app_max > 0 ? t->earned * (*max / t->app_max) : 0;
      break;
    case GA_NA_POLICY_EXCLUDE:
    default:
      *score = t->earned;
      *max = t->app_max;
      break;
    }
}

static GaNaPolicy
parent_policy (GaTemplate *tmpl,
               GaSection  *section)
{
  return section->parent != NULL ? section->parent->na_policy : tmpl->na_policy;
}

static void
eval_category (GaEngine       *engine,
               GaSection      *section,
               GaSectionState *ns,
               GaResult       *r)
{
  GPtrArray *indicators = ns->indicators;
  double sum = 0;
  gboolean incomplete = FALSE, error = FALSE;
  GaValue problem = GA_VALUE_INIT;
  double w;

  ns->limiting_worst = 0;
  ns->others_worst = 0;
  for (guint k = 0; k < 3; k++)
    ns->index[k] = 0;

  for (guint j = 0; j < indicators->len; j++)
    {
      GaItem *item = indicators->pdata[j];
      const GaResult *ir = &engine->items[item->index];
      const GaItemState *ist = &engine->istate[item->index];
      if (ir->status == GA_STATUS_NA)
        continue;
      if (!isnan (ist->raw_weight))
        sum += ist->raw_weight;
    }
  ns->weight_sum = sum;

  for (guint j = 0; j < indicators->len; j++)
    {
      GaItem *item = indicators->pdata[j];
      GaResult *ir = &engine->items[item->index];
      const GaItemState *ist = &engine->istate[item->index];
      double wj;
      int worst;

      if (ir->status == GA_STATUS_NA)
        {
          ir->weight = 0;
          continue;
        }
      wj = sum > 0 && !isnan (ist->raw_weight) ? ist->raw_weight / sum : 0;
      ir->weight = wj;
      if (ir->status == GA_STATUS_ERROR)
        error = TRUE;
      else if (ir->status == GA_STATUS_INCOMPLETE)
        incomplete = TRUE;
      /* An applicable indicator without a level contributes nothing. */
      for (int k = 0; k < 3; k++)
        if (ir->level >= 1 && ir->level <= k + 1)
          ns->index[k] += wj * 100;
      worst = ir->level >= 1 && ir->level <= 3 ? ir->level : 4;
      if (item->limiting)
        ns->limiting_worst = MAX (ns->limiting_worst, worst);
      else
        ns->others_worst = MAX (ns->others_worst, worst);
    }

  ns->w = NAN;
  ns->w_status = GA_STATUS_COMPLETE;
  if (ns->weight.formula != NULL)
    {
      if (evaluate_number (engine, &ns->weight, &w, &problem))
        ns->w = w;
      else
        ns->w_status = status_of_problem (&problem) == GA_STATUS_ERROR
                       ? GA_STATUS_ERROR : GA_STATUS_INCOMPLETE;
      ga_value_clear (&problem);
    }
  if (ns->w_status == GA_STATUS_ERROR)
    error = TRUE;
  else if (ns->w_status == GA_STATUS_INCOMPLETE)
    incomplete = TRUE;

  if (r->status != GA_STATUS_NA)
    {
      if (sum <= 0)
        r->status = incomplete || error ? r->status : GA_STATUS_NA;
      if (r->status != GA_STATUS_NA)
        {
          if (error)
            r->status = GA_STATUS_ERROR;
          else if (incomplete && r->status == GA_STATUS_COMPLETE)
            r->status = GA_STATUS_INCOMPLETE;
        }
    }
}

static gboolean
same_section_state (const GaSectionState *a,
                    const GaSectionState *b)
{
  for (guint k = 0; k < 3; k++)
    if (!same_double (a->index[k], b->index[k]))
      return FALSE;
  return same_double (a->bonus, b->bonus) && a->veto_fail == b->veto_fail
         && a->veto_pending == b->veto_pending && same_double (a->na_points, b->na_points)
         && same_double (a->applicable_max, b->applicable_max) && same_double (a->w, b->w)
         && a->w_status == b->w_status && same_double (a->weight_sum, b->weight_sum)
         && a->limiting_worst == b->limiting_worst && a->others_worst == b->others_worst;
}

static gboolean
eval_section (GaEngine *engine,
              guint     index)
{
  GaTemplate *tmpl = engine->tmpl;
  GaSection *section = tmpl->sections->pdata[index];
  GaSectionState *ss = &engine->sstate[index];
  GaSectionState old = *ss;
  GaResult *stored = &engine->sections[index];
  GaApplicability applies = engine->sa[index].state;
  gboolean points_scheme = tmpl->scheme == GA_SCHEME_POINTS;
  Tally t = { 0 };
  GaResult r;
  gboolean changed;

  result_init (&r);
  r.weight = stored->weight;
  ss->bonus = 0;
  ss->veto_fail = 0;
  ss->veto_pending = 0;

  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = section->items->pdata[i];
      const GaResult *ir = &engine->items[item->index];
      gboolean counts = !isnan (item->points) && !item->veto && !item->bonus
                        && !item_is_indicator (engine, item);

      /* Not a dependency of the section (see ga_item_feeds_section()). */
      if (!ga_item_feeds_section (item))
        continue;
      r.answered += ir->answered;
      r.total += ir->total;
      if (item->veto && ir->status != GA_STATUS_NA)
        {
          if (ir->veto_failed)
            ss->veto_fail++;
          else if (ir->status != GA_STATUS_COMPLETE)
            ss->veto_pending++;
        }
      if (item->bonus && ir->status != GA_STATUS_NA && !isnan (ir->score))
        ss->bonus += ir->score;
      tally_child (&t, ir, item->points, counts);
    }
  for (guint c = 0; c < section->sections->len; c++)
    {
      GaSection *child = section->sections->pdata[c];
      const GaResult *cr = &engine->sections[child->index];
      const GaSectionState *cs = &engine->sstate[child->index];

      r.answered += cr->answered;
      r.total += cr->total;
      ss->veto_fail += cs->veto_fail;
      ss->veto_pending += cs->veto_pending;
      ss->bonus += cs->bonus;
      tally_child (&t, cr, cs->full_points, points_scheme);
    }

  ss->na_points = t.na_max;
  ss->applicable_max = t.app_max;
  if (applies == GA_APPLIES_NOT || (t.n_children > 0 && t.n_na == t.n_children))
    r.status = GA_STATUS_NA;
  else if (t.any_error || applies == GA_APPLIES_ERROR)
    r.status = GA_STATUS_ERROR;
  else if (t.any_incomplete || applies == GA_APPLIES_UNKNOWN)
    r.status = GA_STATUS_INCOMPLETE;
  else
    r.status = GA_STATUS_COMPLETE;

  if (points_scheme)
    {
      if (r.status == GA_STATUS_NA)
        {
          GaNaPolicy policy = applies == GA_APPLIES_NOT ? cascade_policy (engine, section)
                                                        : parent_policy (tmpl, section);
          if (policy == GA_NA_POLICY_AWARD)
            r.score = r.max = ss->full_points;
          else
            r.score = r.max = 0;
        }
      else
        apply_na_policy (section->na_policy, &t, &r.score, &r.max);
      ga_value_set_number (&r.value, r.score);
      r.noncompliant = r.status != GA_STATUS_NA && r.score < r.max;
    }
  else if (ss->indicators != NULL)
    eval_category (engine, section, ss, &r);

  changed = !same_result (stored, &r) || !same_section_state (&old, ss);
  ga_value_clear (&stored->value);
  *stored = r;
  return changed;
}

/* ------------------------------------------------------------------------ */
/* Outputs                                                                  */

static GaStatus
status_of_value (const GaValue *v)
{
  switch (v->kind)
    {
    case GA_VALUE_BLANK: return GA_STATUS_INCOMPLETE;
    case GA_VALUE_NA: return GA_STATUS_NA;
    case GA_VALUE_ERROR: return GA_STATUS_ERROR;
    default: return GA_STATUS_COMPLETE;
    }
}

static gboolean
eval_output (GaEngine *engine,
             guint     index)
{
  GaResult *stored = &engine->outputs[index];
  GaValue v = GA_VALUE_INIT;
  gboolean changed;

  GaGap *gap = &engine->output_gaps[index];
  GaGap old_gap = *gap;
  GaStatus status;

  engine->gap = (GaGap) { G_MAXUINT, 0, NULL };
  engine->gap_self = NULL;
  evaluate (engine, &engine->output_formula[index], 0, 0, &v);
  status = status_of_value (&v);
  *gap = (GaGap) { G_MAXUINT, 0, NULL };
  if (status == GA_STATUS_COMPLETE
      && (engine->gap.table != G_MAXUINT || engine->gap.name != NULL))
    {
      status = GA_STATUS_INCOMPLETE;
      *gap = engine->gap;
    }
  changed = !same_value (&stored->value, &v) || stored->status != status
            || old_gap.table != gap->table || old_gap.column != gap->column
            || old_gap.name != gap->name;
  ga_value_clear (&stored->value);
  stored->value = v;
  stored->status = status;
  return changed;
}

/* ------------------------------------------------------------------------ */
/* Summary                                                                  */

static void
update_summary (GaEngine *engine)
{
  GaTemplate *tmpl = engine->tmpl;
  GaSummary *s = &engine->summary;
  Tally t = { 0 };
  guint veto_fail = 0, veto_pending = 0;
  double bonus = 0;

  s->answered = 0;
  s->total = 0;
  s->grade = NULL;
  s->level = -1;
  s->score = NAN;
  s->max = NAN;
  s->bonus = NAN;
  for (guint k = 0; k < 3; k++)
    s->index[k] = NAN;

  for (guint i = 0; i < tmpl->root_sections->len; i++)
    {
      GaSection *section = tmpl->root_sections->pdata[i];
      const GaResult *r = &engine->sections[section->index];
      const GaSectionState *ss = &engine->sstate[section->index];

      s->answered += r->answered;
      s->total += r->total;
      veto_fail += ss->veto_fail;
      veto_pending += ss->veto_pending;
      bonus += ss->bonus;
      tally_child (&t, r, ss->full_points, tmpl->scheme == GA_SCHEME_POINTS);
    }

  if (t.n_children > 0 && t.n_na == t.n_children)
    s->status = GA_STATUS_NA;
  else if (t.any_error)
    s->status = GA_STATUS_ERROR;
  else if (t.any_incomplete)
    s->status = GA_STATUS_INCOMPLETE;
  else
    s->status = GA_STATUS_COMPLETE;

  g_ptr_array_set_size (s->veto_failures, 0);
  if (veto_fail > 0)
    for (guint i = 0; i < engine->veto_items->len; i++)
      {
        GaItem *item = engine->veto_items->pdata[i];
        if (engine->items[item->index].veto_failed)
          g_ptr_array_add (s->veto_failures, item);
      }
  s->veto = veto_fail > 0 ? GA_VETO_FAIL : (veto_pending > 0 ? GA_VETO_PENDING : GA_VETO_PASS);

  if (tmpl->scheme == GA_SCHEME_POINTS)
    {
      apply_na_policy (tmpl->na_policy, &t, &s->score, &s->max);
      s->bonus = isnan (tmpl->bonus_cap) ? bonus : MIN (bonus, tmpl->bonus_cap);
      if (s->veto != GA_VETO_FAIL)
        for (guint g = 0; g < tmpl->grades->len; g++)
          {
            GaGrade *grade = tmpl->grades->pdata[g];
            if (ga_number_compare (s->score, grade->min_score) >= 0)
              {
                s->grade = grade;
                break;
              }
          }
      s->passed = s->veto == GA_VETO_PASS
                  && (isnan (tmpl->pass_score) || ga_number_compare (s->score,
                                                                     tmpl->pass_score) >= 0);
    }
  else if (tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
    {
      double w_applicable = 0;
      gboolean any_na = FALSE;
      int limiting_worst = 0, others_worst = 0;

      for (guint i = 0; i < tmpl->root_sections->len; i++)
        {
          GaSection *section = tmpl->root_sections->pdata[i];
          const GaResult *r = &engine->sections[section->index];
          const GaSectionState *ss = &engine->sstate[section->index];
          if (r->status == GA_STATUS_NA)
            any_na = TRUE;
          else if (!isnan (ss->w))
            w_applicable += ss->w;
        }
      for (guint k = 0; k < 3; k++)
        s->index[k] = 0;
      for (guint i = 0; i < tmpl->root_sections->len; i++)
        {
          GaSection *section = tmpl->root_sections->pdata[i];
          GaResult *r = &engine->sections[section->index];
          const GaSectionState *ss = &engine->sstate[section->index];
          double w = isnan (ss->w) ? 0 : ss->w;

          /* A whole category not applicable: the standards do not say; the
           * template's N/A policy decides (award: counted as met; otherwise
           * the first-level weights are rescaled over what applies). */
          if (r->status == GA_STATUS_NA)
            {
              if (tmpl->na_policy == GA_NA_POLICY_AWARD)
                {
                  r->weight = w;
                  for (guint k = 0; k < 3; k++)
                    s->index[k] += w * 100;
                }
              else
                r->weight = 0;
              continue;
            }
          if (any_na && tmpl->na_policy != GA_NA_POLICY_AWARD)
            w = w_applicable > 0 ? w / w_applicable : 0;
          r->weight = w;
          for (guint k = 0; k < 3; k++)
            s->index[k] += w * ss->index[k];
          limiting_worst = MAX (limiting_worst, ss->limiting_worst);
          others_worst = MAX (others_worst, ss->others_worst);
        }

      s->level = 0;
      /* The level needs every indicator and weight that applies: with one
       * missing or in error, any level could still change. */
      if (s->status == GA_STATUS_INCOMPLETE || s->status == GA_STATUS_ERROR)
        s->level = -1;
      for (guint i = 0; s->level == 0 && i < tmpl->level_rules->len; i++)
        {
          GaLevelRule *rule = tmpl->level_rules->pdata[i];
          if (ga_number_compare (s->index[rule->level - 1], rule->min_index) < 0)
            continue;
          if (rule->limiting_at_level && limiting_worst > rule->level)
            continue;
          if (rule->others_min_level > 0 && others_worst > rule->others_min_level)
            continue;
          s->level = rule->level;
          break;
        }
      s->passed = s->veto == GA_VETO_PASS && s->level >= 1;
    }
  else
    s->passed = s->veto == GA_VETO_PASS;
}

const GaSummary *
ga_engine_get_summary (GaEngine *engine)
{
  return &engine->summary;
}

/* ------------------------------------------------------------------------ */
/* Evaluation                                                               */

/* The first unverified origin among the values @c reads (not @self). */
static const GaOrigin *
compiled_origin (GaEngine         *engine,
                 const GaCompiled *c,
                 guint             self)
{
  if (c->formula == NULL || c->constant)
    return NULL;
  for (guint r = 0; r < c->n_refs; r++)
    {
      guint node = c->bindings[r].node;
      const GaOrigin *o;
      if (node == G_MAXUINT || node == self)
        continue;
      o = &engine->origin[node];
      if (o->table != NULL || o->item != NULL)
        return o;
    }
  return NULL;
}

static const GaOrigin *
node_value_origin (GaEngine *engine,
                   guint     node)
{
  GaTemplate *tmpl = engine->tmpl;
  const GaNode *n = &tmpl->nodes[node];
  const GaOrigin *o = NULL;

  switch (n->kind)
    {
    case GA_NODE_ITEM:
      {
        GaItem *item = tmpl->items->pdata[n->index];
        GaItemState *st = &engine->istate[n->index];
        /* The rule holds the benchmarks, thresholds and score formula. */
        const GaCompiled *parts[] = { &st->value, &st->weight, &st->rule };
        for (guint i = 0; o == NULL && i < G_N_ELEMENTS (parts); i++)
          o = compiled_origin (engine, parts[i], node);
        for (guint c = 0; o == NULL && item->kind == GA_ITEM_TABLE && c < item->columns->len; c++)
          {
            const GaOrigin *co = &engine->origin[tmpl->column_node_base[n->index] + c];
            if (co->table != NULL || co->item != NULL)
              o = co;
          }
      }
      break;
    case GA_NODE_COLUMN:
      o = compiled_origin (engine, &engine->tables[n->index].columns[n->column], node);
      break;
    case GA_NODE_OUTPUT:
      o = compiled_origin (engine, &engine->output_formula[n->index], node);
      break;
    case GA_NODE_SECTION:
      {
        GaSection *section = tmpl->sections->pdata[n->index];
        for (guint i = 0; o == NULL && i < section->items->len; i++)
          {
            GaItem *item = section->items->pdata[i];
            const GaOrigin *io = &engine->origin[item->index];
            if (ga_item_feeds_section (item) && (io->table != NULL || io->item != NULL))
              o = io;
          }
        for (guint c = 0; o == NULL && c < section->sections->len; c++)
          {
            const GaOrigin *so = &engine->origin[tmpl->sec_base
                                                 + ((GaSection *) section->sections->pdata[c])->index];
            if (so->table != NULL || so->item != NULL)
              o = so;
          }
      }
      break;
    default:
      /* Applicability decides whether a value counts, not what it is. */
      break;
    }
  return o;
}

/* The node's unverified origin: its own look-ups first, then the values it
 * is computed from (in the order of its formulas, so every evaluation picks
 * the same), then its own "verified": false. */
static gboolean
update_origin (GaEngine *engine,
               guint     node)
{
  GaTemplate *tmpl = engine->tmpl;
  const GaNode *n = &tmpl->nodes[node];
  GaOrigin o = engine->hit;
  GaOrigin *slot = &engine->origin[node];
  GaResult *r = NULL;
  gboolean changed;

  /* Most nodes can never use an unverified value: their origin stays empty
   * and their results are never flagged. */
  if (!engine->may_be_unverified[node])
    return FALSE;
  if (o.table == NULL)
    {
      const GaOrigin *from = node_value_origin (engine, node);
      if (from != NULL)
        o = *from;
    }
  if (o.table == NULL && o.item == NULL && n->kind == GA_NODE_ITEM
      && !((GaItem *) tmpl->items->pdata[n->index])->verified)
    o.item = tmpl->items->pdata[n->index];

  changed = slot->table != o.table || slot->row != o.row || slot->item != o.item;
  *slot = o;
  switch (n->kind)
    {
    case GA_NODE_ITEM: r = &engine->items[n->index]; break;
    case GA_NODE_SECTION: r = &engine->sections[n->index]; break;
    case GA_NODE_OUTPUT: r = &engine->outputs[n->index]; break;
    default: break;
    }
  if (r != NULL)
    r->unverified = o.table != NULL || o.item != NULL;
  return changed;
}

static gboolean
eval_node (GaEngine *engine,
           guint     node)
{
  const GaNode *n = &engine->tmpl->nodes[node];
  gboolean changed;

  engine->hit = (GaOrigin) { NULL, NULL, NULL };
  switch (n->kind)
    {
    case GA_NODE_ITEM:
      changed = eval_item (engine, n->index);
      break;
    case GA_NODE_SECTION_APPLICABLE:
      changed = eval_section_applicable (engine, n->index);
      break;
    case GA_NODE_SECTION:
      changed = eval_section (engine, n->index);
      break;
    case GA_NODE_OUTPUT:
      changed = eval_output (engine, n->index);
      break;
    case GA_NODE_COLUMN:
      changed = eval_column (engine, n->index, n->column);
      break;
    default:
      return FALSE;
    }
  /* Not "||": the origin is brought up to date in any case. */
  changed |= update_origin (engine, node);
  return changed;
}

void
ga_engine_evaluate (GaEngine *engine)
{
  GaTemplate *tmpl;

  g_return_if_fail (engine != NULL);
  tmpl = engine->tmpl;
  for (guint k = 0; k < tmpl->n_nodes; k++)
    eval_node (engine, tmpl->topo[k]);
  update_summary (engine);
}

static void
heap_push (GaEngine *engine,
           guint     node)
{
  const guint *pos = engine->tmpl->topo_pos;
  guint i;

  if (engine->queued[node])
    return;
  engine->queued[node] = 1;
  i = engine->heap_len++;
  engine->heap[i] = pos[node];
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      if (engine->heap[parent] <= engine->heap[i])
        break;
      guint tmp = engine->heap[parent];
      engine->heap[parent] = engine->heap[i];
      engine->heap[i] = tmp;
      i = parent;
    }
}

static guint
heap_pop (GaEngine *engine)
{
  guint top = engine->heap[0];
  guint i = 0, n = --engine->heap_len;

  engine->heap[0] = engine->heap[n];
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;
      if (l < n && engine->heap[l] < engine->heap[m])
        m = l;
      if (r < n && engine->heap[r] < engine->heap[m])
        m = r;
      if (m == i)
        break;
      guint tmp = engine->heap[m];
      engine->heap[m] = engine->heap[i];
      engine->heap[i] = tmp;
      i = m;
    }
  return top;
}

/* Re-evaluates the queued nodes and whatever depends on a changed result,
 * in topological order. */
static void
propagate (GaEngine *engine)
{
  GaTemplate *tmpl = engine->tmpl;

  while (engine->heap_len > 0)
    {
      guint node = tmpl->topo[heap_pop (engine)];
      engine->queued[node] = 0;
      if (!eval_node (engine, node))
        continue;
      for (guint k = tmpl->users_start[node]; k < tmpl->users_start[node + 1]; k++)
        heap_push (engine, tmpl->users[k]);
    }
  update_summary (engine);
}

/* What the evaluation sees of an answer: nothing when it is empty (a note
 * alone answers nothing) or belongs to a computed item. */
static const GaAnswer *
bind_answer (GaEngine       *engine,
             const GaItem   *item,
             const GaAnswer *answer)
{
  GaItemState *st = &engine->istate[item->index];

  st->option = NULL;
  if (item->kind == GA_ITEM_COMPUTED || ga_answer_is_empty (answer))
    return NULL;
  if (item->kind == GA_ITEM_CHOICE && answer->value.kind == GA_VALUE_TEXT)
    ga_engine_option_of (item, answer->value.u.text, &st->option);
  return answer;
}

void
ga_engine_set_answers (GaEngine    *engine,
                       GaAnswerSet *answers)
{
  GaTemplate *tmpl;

  g_return_if_fail (engine != NULL);
  tmpl = engine->tmpl;
  ga_answer_set_free (engine->answers);
  engine->answers = ga_answer_set_copy (answers);
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      engine->answer_of[i] = bind_answer (engine, item,
                                          ga_answer_set_get (engine->answers, item->id));
    }
  ga_engine_evaluate (engine);
}

gboolean
ga_engine_set_answer (GaEngine        *engine,
                      const char      *item_id,
                      const GaAnswer  *answer,
                      GError         **error)
{
  GaTemplate *tmpl;
  GaItem *item;
  GaAnswer *copy;
  const GaAnswer *previous;

  g_return_val_if_fail (engine != NULL, FALSE);
  tmpl = engine->tmpl;
  item = item_id != NULL ? ga_template_find_item (tmpl, item_id) : NULL;
  if (item == NULL)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_UNKNOWN_ITEM,
                   "unknown item '%s' in template '%s'", item_id != NULL ? item_id : "(null)",
                   tmpl->id);
      return FALSE;
    }
  if (!item_is_answerable (item))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE,
                   "item '%s' is computed from other answers and cannot be answered", item->id);
      return FALSE;
    }
  if (answer != NULL && !ga_answer_check (answer, item, error))
    return FALSE;

  previous = ga_answer_set_get (engine->answers, item->id);
  if (ga_answer_equal (previous, answer) && (previous == NULL) == (answer == NULL))
    return TRUE;

  copy = answer != NULL ? ga_answer_copy (answer) : NULL;
  ga_answer_set_take (engine->answers, item->id, copy);
  engine->answer_of[item->index] = bind_answer (engine, item, copy);

  heap_push (engine, item->index);
  if (item->kind == GA_ITEM_TABLE)
    for (guint c = 0; c < item->columns->len; c++)
      heap_push (engine, tmpl->column_node_base[item->index] + c);
  propagate (engine);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Results                                                                  */

const GaResult *
ga_engine_get_item_result (GaEngine     *engine,
                           const GaItem *item)
{
  g_return_val_if_fail (engine != NULL && item != NULL, NULL);
  g_return_val_if_fail (item->index < engine->tmpl->items->len
                        && engine->tmpl->items->pdata[item->index] == item, NULL);
  return &engine->items[item->index];
}

GaFormula *
ga_engine_get_rule (GaEngine     *engine,
                    const GaItem *item)
{
  g_return_val_if_fail (engine != NULL && item != NULL, NULL);
  g_return_val_if_fail (item->index < engine->tmpl->items->len
                        && engine->tmpl->items->pdata[item->index] == item, NULL);
  return engine->istate[item->index].rule_formula;
}

const GaResult *
ga_engine_get_section_result (GaEngine        *engine,
                              const GaSection *section)
{
  g_return_val_if_fail (engine != NULL && section != NULL, NULL);
  g_return_val_if_fail (section->index < engine->tmpl->sections->len
                        && engine->tmpl->sections->pdata[section->index] == section, NULL);
  return &engine->sections[section->index];
}

const GaResult *
ga_engine_get_output_result (GaEngine       *engine,
                             const GaOutput *output)
{
  g_return_val_if_fail (engine != NULL && output != NULL, NULL);
  for (guint o = 0; o < engine->tmpl->outputs->len; o++)
    if (engine->tmpl->outputs->pdata[o] == output)
      return &engine->outputs[o];
  return NULL;
}

const GaResult *
ga_engine_lookup (GaEngine   *engine,
                  const char *id)
{
  const GaSymbol *sym;

  g_return_val_if_fail (engine != NULL, NULL);
  sym = ga_template_lookup_symbol (engine->tmpl, id);
  if (sym == NULL)
    return NULL;
  switch (sym->kind)
    {
    case GA_SYMBOL_ITEM: return &engine->items[sym->index];
    case GA_SYMBOL_SECTION: return &engine->sections[sym->index];
    case GA_SYMBOL_OUTPUT: return &engine->outputs[sym->index];
    default: return NULL;
    }
}

static void
improvement_free (gpointer data)
{
  g_free (data);
}

static int
compare_improvements (gconstpointer a,
                      gconstpointer b)
{
  const GaImprovement *ia = *(GaImprovement * const *) a;
  const GaImprovement *ib = *(GaImprovement * const *) b;

  if (ia->gain != ib->gain)
    return ia->gain > ib->gain ? -1 : 1;
  return ia->item->index < ib->item->index ? -1 : (ia->item->index > ib->item->index);
}

GPtrArray *
ga_engine_get_improvements (GaEngine *engine)
{
  GaTemplate *tmpl;
  GPtrArray *list = g_ptr_array_new_with_free_func (improvement_free);

  g_return_val_if_fail (engine != NULL, list);
  tmpl = engine->tmpl;
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      const GaResult *r = &engine->items[i];
      double gain;
      GaImprovement *imp;

      if (r->status == GA_STATUS_NA || item->veto)
        continue;
      if (item_is_indicator (engine, item))
        {
          /* Reaching level I adds the indicator's share to every index not
           * yet met: the gain is counted in index points of Y_I. */
          if (r->level == 1)
            continue;
          gain = (isnan (r->weight) ? 0 : r->weight) * 100;
          {
            GaSection *root = item->section;
            while (root->parent != NULL)
              root = root->parent;
            gain *= isnan (engine->sections[root->index].weight)
                    ? 0 : engine->sections[root->index].weight;
          }
        }
      else
        {
          if (isnan (item->points) || isnan (r->score) || isnan (r->max))
            continue;
          gain = item->points - r->score;
          /* Bonus points count only up to the cap. */
          if (item->bonus && !isnan (tmpl->bonus_cap))
            gain = MIN (gain, tmpl->bonus_cap - engine->summary.bonus);
        }
      /* 4.999999999999995 of 5 leaves nothing to gain (Excel's 15 digits). */
      if (!(gain > 0) || (!item_is_indicator (engine, item)
                          && ga_number_compare (r->score, item->points) >= 0))
        continue;
      imp = g_new0 (GaImprovement, 1);
      imp->item = item;
      imp->gain = gain;
      g_ptr_array_add (list, imp);
    }
  g_ptr_array_sort (list, compare_improvements);
  return list;
}
