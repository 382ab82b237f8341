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

/* Bit-exact equality: stricter than ga_value_equal() (which takes -0 == 0
 * and ignores error messages), because a dependent may see the difference. */
gboolean
ga_engine_same_value (const GaValue *a,
                      const GaValue *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case GA_VALUE_NUMBER:
      return ga_engine_same_double (a->u.number, b->u.number);
    case GA_VALUE_TEXT:
      return a->u.text == b->u.text || g_strcmp0 (a->u.text, b->u.text) == 0;
    case GA_VALUE_BOOLEAN:
      return !a->u.boolean == !b->u.boolean;
    case GA_VALUE_ERROR:
      return a->u.error.code == b->u.error.code
             && g_strcmp0 (a->u.error.message, b->u.error.message) == 0;
    default:
      return TRUE;
    }
}

gboolean
ga_engine_same_result (const GaResult *a,
                       const GaResult *b)
{
  /* weight is written by the category and the summary, not by the node. */
  return ga_engine_same_value (&a->value, &b->value)
         && ga_engine_same_double (a->score, b->score) && ga_engine_same_double (a->max, b->max)
         && a->status == b->status && a->level == b->level
         && a->veto_failed == b->veto_failed && a->noncompliant == b->noncompliant
         && a->answered == b->answered && a->total == b->total;
}

void
ga_engine_result_init (GaResult *r)
{
  memset (r, 0, sizeof *r);
  r->score = NAN;
  r->max = NAN;
  r->level = -1;
  r->weight = NAN;
}

double
ga_engine_clamp (double v,
                 double lo,
                 double hi)
{
  return v < lo ? lo : (v > hi ? hi : v);
}

GaApplicability
ga_engine_applicability_of (const GaValue *v)
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
GaApplicability
ga_engine_applicability_and (GaApplicability a,
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
  GaEngine *engine = ctx->engine;
  GaLookupTable *table = engine->lookup_table;
  g_autofree char *key_text = NULL;
  GHashTable *exact;
  GaTableRow *row = NULL;
  const char *k;
  guint c;

  /* Look-ups mostly name the same table and column one after the other:
   * the last ones found are tried first. */
  if (table != NULL && table_id != NULL && g_strcmp0 (table->id, table_id) == 0)
    exact = engine->lookup_exact;
  else
    {
      table = ga_template_find_table (engine->tmpl, table_id);
      if (table == NULL)
        return FALSE;
      exact = g_hash_table_lookup (engine->exact_keys, table);
      engine->lookup_table = table;
      engine->lookup_exact = exact;
      engine->lookup_column = 0;
    }
  if (key->kind == GA_VALUE_TEXT)
    k = key->u.text;
  else if (key->kind == GA_VALUE_NUMBER)
    k = key_text = ga_number_to_string (key->u.number);
  else
    return FALSE;

  /* Keys usually come from a choice of the table's own keys: try them as
   * written before folding case. */
  if (exact != NULL)
    row = g_hash_table_lookup (exact, k);
  if (row == NULL)
    {
      g_autofree char *folded = g_utf8_casefold (k, -1);
      row = g_hash_table_lookup (table->row_by_key, folded);
    }
  if (row == NULL)
    return FALSE;
  c = engine->lookup_column;
  if (c == 0 || !g_str_equal (table->columns->pdata[c], column))
    {
      for (c = 1; c < table->columns->len; c++)
        if (g_str_equal (table->columns->pdata[c], column))
          break;
      if (c == table->columns->len)
        return FALSE;
      engine->lookup_column = c;
    }
  {
    GaOrigin *hit = &engine->hit;
    ga_value_copy (&row->cells[c - 1], out);
    /* The row's flag already holds the table's unless the row says
     * otherwise (see parse_lookup_table()). */
    if (!row->verified && hit->table == NULL)
      {
        hit->table = table;
        hit->row = row;
      }
  }
  return TRUE;
}

/* What get_ref_cb() notes of the references of a formula whose
 * references are all strict values, read in the order the evaluator reads
 * them: every strict reference in turn, until one is an error or not a
 * finite number, which gives the result at once. */
static inline __attribute__ ((always_inline)) void
note_strict_gaps (GaEngine         *engine,
                  const GaCompiled *compiled)
{
  for (guint r = 0; r < compiled->n_refs; r++)
    {
      const GaBinding *b = &compiled->bindings[r];
      const GaValue *v = compiled->values[r];

      if (b->kind == GA_BIND_VALUE && b->result != NULL
          && b->result->status == GA_STATUS_INCOMPLETE
          && b->result->value.kind != GA_VALUE_BLANK && b->result != engine->gap_self
          && engine->gap.name == NULL && engine->gap.table == G_MAXUINT)
        engine->gap.name = ga_formula_get_ref (compiled->formula, r);
      if (v->kind == GA_VALUE_ERROR || (v->kind == GA_VALUE_NUMBER && !isfinite (v->u.number)))
        break;
    }
}

void
ga_engine_eval_formula (GaEngine         *engine,
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
  if (compiled->strict_values)
    {
      note_strict_gaps (engine, compiled);
      ga_formula_evaluate_bound (compiled->formula, compiled->values, &context, out);
      return;
    }
  if (compiled->values != NULL)
    ga_formula_evaluate_bound (compiled->formula, compiled->values, &context, out);
  else
    ga_formula_evaluate (compiled->formula, &context, out);
}

void
ga_engine_eval_rule (GaEngine         *engine,
                     guint             item,
                     const GaCompiled *compiled,
                     GaValue          *out)
{
  const GaRuleShape *shape = &engine->rule_shapes[item];

  if (shape->kind != GA_RULE_GENERIC)
    {
      /* A shape is only taken for a rule whose references are all strict
       * values (ga_engine_rule_shape_of(), setup_item()). */
      note_strict_gaps (engine, compiled);
      ga_engine_value_blank (out);
      if (!ga_engine_rule_shape_eval (shape, engine->rule_tests, compiled->values, out))
        {
          EvalContext ctx = { engine, compiled, 0, 0 };
          GaFormulaContext context = { get_ref_cb, get_range_cb, lookup_cb, &ctx };

          ga_formula_evaluate_bound (compiled->formula, compiled->values, &context, out);
        }
      return;
    }
  ga_engine_eval_formula (engine, compiled, 0, 0, out);
}

void
ga_engine_eval_row_shape (GaEngine          *engine,
                          const GaCompiled  *compiled,
                          const GaRuleShape *shape,
                          guint              table,
                          guint              row,
                          GaValue           *out)
{
  EvalContext ctx = { engine, compiled, table, row };
  const GaValue *values[GA_RULE_MAX_REFS];
  guint r;

  /* Every reference is strict: the guard reads them in order first, and
   * stops at an error or a number that is not finite. get_ref_cb() notes
   * what it notes once, so the evaluator reading them again after a
   * shape that cannot give the value changes nothing. */
  for (r = 0; r < compiled->n_refs; r++)
    {
      const GaValue *v = get_ref_cb (&ctx, r);

      if (v->kind == GA_VALUE_ERROR || (v->kind == GA_VALUE_NUMBER && !isfinite (v->u.number)))
        break;
      values[r] = v;
    }
  if (r == compiled->n_refs)
    {
      ga_engine_value_blank (out);
      if (ga_engine_rule_shape_eval (shape, engine->rule_tests, values, out))
        return;
    }
  ga_engine_eval_formula (engine, compiled, table, row, out);
}

/* Evaluates a formula that must give a number. Returns TRUE with *out set,
 * or FALSE with the offending value in @problem (blank, N/A, error, or an
 * error made from a value of the wrong kind). */
gboolean
ga_engine_evaluate_number (GaEngine         *engine,
                           const GaCompiled *compiled,
                           double           *out,
                           GaValue          *problem)
{
  GaValue v = GA_VALUE_INIT;

  ga_engine_eval_formula (engine, compiled, 0, 0, &v);
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

GaStatus
ga_engine_status_of_problem (const GaValue *problem)
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

/* Bindings per block of the engine's own (a formula with more gets a
 * block of its own). */
#define BINDINGS_PER_BLOCK 1024

GaBinding *
ga_engine_alloc_bindings (GaEngine *engine,
                          guint     n)
{
  GaBinding *b;

  /* The bindings of every formula are made once, when the engine is, and
   * freed with it: a few blocks rather than one allocation per formula. */
  if (n > engine->binding_left)
    {
      guint size = MAX (n, BINDINGS_PER_BLOCK);

      b = g_new0 (GaBinding, size);
      g_ptr_array_add (engine->binding_blocks, b);
      if (size > n)
        {
          engine->binding_next = b + n;
          engine->binding_left = size - n;
        }
      return b;
    }
  b = engine->binding_next;
  engine->binding_next += n;
  engine->binding_left -= n;
  return b;
}

/* @n value pointers, freed with the engine (in the blocks of the
 * bindings). */
static const GaValue **
alloc_values (GaEngine *engine,
              guint     n)
{
  const GaValue **v;

  if (n > engine->values_left)
    {
      guint size = MAX (n, BINDINGS_PER_BLOCK);

      v = g_new (const GaValue *, size);
      g_ptr_array_add (engine->binding_blocks, v);
      engine->values_next = v + n;
      engine->values_left = size - n;
      return v;
    }
  v = engine->values_next;
  engine->values_next += n;
  engine->values_left -= n;
  return v;
}

/* Whether every reference of @out is strict and reads a fixed value:
 * then its values are bound once, for ga_formula_evaluate_bound(). */
static void
bind_strict_values (GaEngine   *engine,
                    GaCompiled *out)
{
  for (guint r = 0; r < out->n_refs; r++)
    if ((out->bindings[r].kind != GA_BIND_VALUE && out->bindings[r].kind != GA_BIND_BLANK)
        || !ga_formula_ref_is_strict (out->formula, r))
      return;
  out->values = alloc_values (engine, out->n_refs);
  for (guint r = 0; r < out->n_refs; r++)
    out->values[r] = out->bindings[r].kind == GA_BIND_VALUE ? out->bindings[r].value
                                                             : &blank_value;
  out->strict_values = TRUE;
}

/* Binds the references of @formula; its bindings are the engine's (freed
 * with it) unless @own, then the caller frees them. */
static void
compile (GaEngine   *engine,
         GaFormula  *formula,
         GaItem     *scope,
         gboolean    own,
         GaCompiled *out)
{
  GaTemplate *tmpl = engine->tmpl;
  guint n;

  out->formula = formula;
  out->bindings = NULL;
  out->constant = FALSE;
  out->watch = FALSE;
  out->values = NULL;
  out->strict_values = FALSE;
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
  out->bindings = own ? g_new0 (GaBinding, n) : ga_engine_alloc_bindings (engine, n);
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
  if (!own)
    bind_strict_values (engine, out);
}

/* The bindings belong to the engine's blocks. */
static void
compiled_clear (GaCompiled *c)
{
  ga_value_clear (&c->value);
  c->bindings = NULL;
  c->formula = NULL;
}

void
ga_engine_evaluate_formula (GaEngine  *engine,
                            GaFormula *formula,
                            GaValue   *result)
{
  ga_engine_evaluate_row_formula (engine, formula, NULL, 0, result);
}

void
ga_engine_evaluate_row_formula (GaEngine     *engine,
                                GaFormula    *formula,
                                const GaItem *table,
                                guint         row,
                                GaValue      *result)
{
  GaCompiled c;
  GaGap gap = engine->gap;
  GaOrigin hit = engine->hit;
  const GaResult *gap_self = engine->gap_self;

  g_return_if_fail (engine != NULL && formula != NULL && result != NULL);

  ga_value_clear (result);
  compile (engine, formula, (GaItem *) table, TRUE, &c);
  for (guint r = 0; c.bindings != NULL && r < c.n_refs; r++)
    if (c.bindings[r].kind == GA_BIND_BLANK)
      {
        const GaValue *cell = ga_engine_sums_cell (engine, ga_formula_get_ref (formula, r));
        if (cell != NULL)
          {
            c.bindings[r].kind = GA_BIND_VALUE;
            c.bindings[r].value = cell;
          }
      }
  /* Evaluating records what was read; nothing of that belongs to the
   * engine's own state. */
  ga_engine_eval_formula (engine, &c, table != NULL ? table->index : 0, row, result);
  engine->gap = gap;
  engine->hit = hit;
  engine->gap_self = gap_self;
  g_free (c.bindings);
  compiled_clear (&c);
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

/* A table item's state: its computed columns and prefilled rows. */
static void
setup_table (GaEngine *engine,
             GaItem   *item,
             GArray   *tests)
{
  GaTableState *t = &engine->tables[item->index];
  guint n_columns = item->columns->len;

  t->columns = g_new0 (GaCompiled, MAX (n_columns, 1));
  t->shapes = g_new0 (GaRuleShape, MAX (n_columns, 1));
  t->cells = g_new0 (GaValue *, MAX (n_columns, 1));
  t->length = g_new0 (guint, MAX (n_columns, 1));
  t->capacity = g_new0 (guint, MAX (n_columns, 1));
  t->flags = g_new0 (guint8, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    {
      GaColumn *column = item->columns->pdata[c];
      compile (engine, column->formula, item, FALSE, &t->columns[c]);
      if (column->formula != NULL && !t->columns[c].constant)
        ga_engine_rule_shape_of (column->formula, &t->shapes[c], tests);
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

GaItemParts *
ga_engine_item_parts (GaEngine     *engine,
                      const GaItem *item)
{
  GaItemState *st = &engine->istate[item->index];
  GaItemParts *p = st->parts;

  if (p != NULL)
    return p;
  p = st->parts = g_new0 (GaItemParts, 1);
  compile (engine, item->score.baseline, NULL, FALSE, &p->baseline);
  compile (engine, item->score.leading, NULL, FALSE, &p->leading);
  for (guint k = 0; k < 3; k++)
    compile (engine, item->score.benchmark[k], NULL, FALSE, &p->bench[k]);
  if (item->score.bands != NULL)
    {
      p->n_bands = item->score.bands->len;
      p->bands = g_new0 (GaCompiled, MAX (p->n_bands, 1));
      for (guint b = 0; b < p->n_bands; b++)
        compile (engine, ((GaBand *) item->score.bands->pdata[b])->threshold, NULL,
                 FALSE, &p->bands[b]);
    }
  return p;
}

/* What @section reads of the items directly below it, fixed by the
 * template (the loop of ga_engine_eval_section()). */
static void
setup_section_children (GaEngine       *engine,
                        GaSection      *section,
                        GaSectionState *ss)
{
  gboolean points_scheme = engine->tmpl->scheme == GA_SCHEME_POINTS;

  ss->children = g_new (GaSectionChild, MAX (section->items->len, 1));
  ss->n_children = 0;
  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = section->items->pdata[i];
      GaSectionChild *c;

      /* Not a dependency of the section (see ga_item_feeds_section()). */
      if (!ga_item_feeds_section (item))
        continue;
      c = &ss->children[ss->n_children++];
      c->index = item->index;
      c->points = item->points;
      c->flags = 0;
      /* Indicators belong to the clean-production scheme only. */
      if (!isnan (item->points) && !item->veto && !item->bonus
          && (points_scheme || !ga_engine_item_is_indicator (engine, item)))
        c->flags |= GA_CHILD_COUNTS;
      if (item->veto)
        c->flags |= GA_CHILD_VETO;
      if (item->bonus)
        c->flags |= GA_CHILD_BONUS;
    }
}

/* Binds an item's formulas and its scoring rule @rule (ga-scheme.c); its
 * rule's parts wait for an explanation (ga_engine_item_parts()). */
/* Binds @formula into the next free slot of the packed array (*@next), or
 * gives the empty slot when there is none. */
static GaCompiled *
compile_item_formula (GaEngine    *engine,
                      GaFormula   *formula,
                      GaCompiled **next)
{
  GaCompiled *c;

  if (formula == NULL)
    return &engine->no_formula;
  c = (*next)++;
  compile (engine, formula, NULL, FALSE, c);
  return c;
}

static void
setup_item (GaEngine    *engine,
            GaItem      *item,
            GaFormula   *rule,
            GaCompiled **next,
            GArray      *tests)
{
  GaItemState *st = &engine->istate[item->index];

  st->applicable = compile_item_formula (engine, item->applicable, next);
  st->value = compile_item_formula (engine, item->value, next);
  st->weight = compile_item_formula (engine, item->weight, next);
  st->rule_formula = rule;
  st->rule = compile_item_formula (engine, st->rule_formula, next);
  if (rule != NULL && st->rule->strict_values)
    ga_engine_rule_shape_of (rule, &engine->rule_shapes[item->index], tests);
  st->band_hit = -1;
  for (guint k = 0; k < 3; k++)
    st->bench_v[k] = NAN;
  st->baseline_v = st->leading_v = NAN;
  if (item->veto)
    g_ptr_array_add (engine->veto_items, item);
  if (item->kind == GA_ITEM_TABLE)
    setup_table (engine, item, tests);
}

/* The engine of @tmpl with every formula bound, not evaluated yet. */
static GaEngine *
engine_build (GaTemplate *tmpl)
{
  GPtrArray *rules;
  GaEngine *engine;
  guint n_items, n_sections, n_outputs;

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
  engine->raw_weight = g_new (double, MAX (n_items, 1));
  engine->sections = g_new0 (GaResult, MAX (n_sections, 1));
  engine->outputs = g_new0 (GaResult, MAX (n_outputs, 1));
  engine->istate = g_new0 (GaItemState, MAX (n_items, 1));
  engine->sa = g_new0 (GaSectionApplicable, MAX (n_sections, 1));
  engine->sstate = g_new0 (GaSectionState, MAX (n_sections, 1));
  engine->output_formula = g_new0 (GaCompiled, MAX (n_outputs, 1));
  engine->tables = g_new0 (GaTableState, MAX (n_items, 1));
  engine->veto_items = g_ptr_array_new ();
  engine->veto_list_dirty = TRUE;
  engine->summary.veto_failures = g_ptr_array_new ();
  engine->heap = g_new (guint, MAX (tmpl->n_nodes, 1));
  engine->origin = g_new0 (GaOrigin, MAX (tmpl->n_nodes, 1));
  engine->output_gaps = g_new0 (GaGap, MAX (n_outputs, 1));
  engine->gap.table = G_MAXUINT;
  engine->queued = g_new0 (guint8, MAX (tmpl->n_nodes, 1));
  engine->binding_blocks = g_ptr_array_new_with_free_func (g_free);
  engine->exact_keys = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < n_items; i++)
    {
      ga_engine_result_init (&engine->items[i]);
      engine->raw_weight[i] = NAN;
    }
  for (guint s = 0; s < n_sections; s++)
    ga_engine_result_init (&engine->sections[s]);
  for (guint o = 0; o < n_outputs; o++)
    ga_engine_result_init (&engine->outputs[o]);

  /* Bind every formula. The result arrays are allocated above and never
   * move, so bindings can point into them. */
  {
    guint n_formulas = 0;
    GaCompiled *next;
    GArray *tests;

    for (guint i = 0; i < n_items; i++)
      {
        GaItem *item = tmpl->items->pdata[i];

        n_formulas += (item->applicable != NULL) + (item->value != NULL)
                      + (item->weight != NULL) + (rules->pdata[i] != NULL);
      }
    /* Every slot is set by compile(). */
    engine->item_formulas = next = g_new (GaCompiled, MAX (n_formulas, 1));
    engine->rule_shapes = g_new0 (GaRuleShape, MAX (n_items, 1));
    tests = g_array_sized_new (FALSE, FALSE, sizeof (GaRuleTest), n_items);
    for (guint i = 0; i < n_items; i++)
      setup_item (engine, tmpl->items->pdata[i], rules->pdata[i], &next, tests);
    g_assert (next == engine->item_formulas + n_formulas);
    engine->rule_tests = (GaRuleTest *) (gpointer) g_array_free (tests, FALSE);
  }
  for (guint s = 0; s < n_sections; s++)
    {
      GaSection *section = tmpl->sections->pdata[s];
      GaSectionState *ss = &engine->sstate[s];

      compile (engine, section->applicable, NULL, FALSE, &engine->sa[s].applicable);
      compile (engine, section->weight, NULL, FALSE, &ss->weight);
      ss->full_points = ga_scheme_section_points (tmpl, section);
      ss->w = NAN;
      setup_section_children (engine, section, ss);
      if (section->parent == NULL && tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
        {
          ss->indicators = g_ptr_array_new ();
          collect_indicators (section, ss->indicators);
          ss->weighted = g_new (GaSectionChild, MAX (ss->indicators->len, 1));
          for (guint j = 0; j < ss->indicators->len; j++)
            {
              const GaItem *item = ss->indicators->pdata[j];

              ss->weighted[j].index = item->index;
              ss->weighted[j].flags = item->limiting ? GA_CHILD_LIMITING : 0;
              ss->weighted[j].points = item->points;
            }
        }
    }
  for (guint o = 0; o < n_outputs; o++)
    compile (engine, ((GaOutput *) tmpl->outputs->pdata[o])->formula, NULL,
             FALSE, &engine->output_formula[o]);

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

  ga_engine_sums_init (engine);
  ga_engine_compute_may_be_unverified (engine);
  return engine;
}

GaEngine *
ga_engine_new (GaTemplate *tmpl)
{
  GaEngine *engine;

  g_return_val_if_fail (tmpl != NULL, NULL);
  g_return_val_if_fail (tmpl->topo != NULL, NULL);

  engine = engine_build (tmpl);
  ga_engine_evaluate (engine);
  return engine;
}

GaEngine *
ga_engine_new_with_answers (GaTemplate  *tmpl,
                            GaAnswerSet *answers)
{
  GaEngine *engine;

  g_return_val_if_fail (tmpl != NULL, NULL);
  g_return_val_if_fail (tmpl->topo != NULL, NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  /* Evaluated once, with the answers. */
  engine = engine_build (tmpl);
  ga_engine_set_answers (engine, answers);
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
      compiled_clear (st->applicable);
      compiled_clear (st->value);
      compiled_clear (st->weight);
      compiled_clear (st->rule);
      if (st->parts != NULL)
        {
          GaItemParts *p = st->parts;

          compiled_clear (&p->baseline);
          compiled_clear (&p->leading);
          for (guint k = 0; k < 3; k++)
            compiled_clear (&p->bench[k]);
          for (guint b = 0; b < p->n_bands; b++)
            compiled_clear (&p->bands[b]);
          g_free (p->bands);
          g_free (p);
        }
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
          g_free (t->shapes);
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
      g_free (engine->sstate[s].children);
      g_free (engine->sstate[s].weighted);
    }
  for (guint o = 0; o < tmpl->outputs->len; o++)
    {
      ga_value_clear (&engine->outputs[o].value);
      compiled_clear (&engine->output_formula[o]);
    }

  ga_engine_sums_clear (engine);
  g_free (engine->answer_of);
  g_free (engine->items);
  g_free (engine->raw_weight);
  g_free (engine->sections);
  g_free (engine->outputs);
  g_free (engine->istate);
  g_free (engine->item_formulas);
  g_free (engine->rule_shapes);
  g_free (engine->rule_tests);
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
  g_ptr_array_unref (engine->binding_blocks);
  ga_answer_set_free (engine->answers);
  g_clear_pointer (&engine->defaults, ga_answer_set_free);
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
/* Evaluation                                                               */

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
      changed = ga_engine_eval_item (engine, n->index);
      break;
    case GA_NODE_SECTION_APPLICABLE:
      changed = ga_engine_eval_section_applicable (engine, n->index);
      break;
    case GA_NODE_SECTION:
      changed = ga_engine_eval_section (engine, n->index);
      break;
    case GA_NODE_OUTPUT:
      changed = ga_engine_eval_output (engine, n->index);
      break;
    case GA_NODE_COLUMN:
      changed = ga_engine_eval_column (engine, n->index, n->column);
      break;
    default:
      return FALSE;
    }
  /* Not "||": the origin is brought up to date in any case. */
  changed |= ga_engine_update_origin (engine, node);
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
  ga_engine_update_summary (engine);
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
  ga_engine_update_summary (engine);
}

/* What the evaluation sees of an answer: nothing when it is empty (a note
 * alone answers nothing) or belongs to a computed item. */
const GaAnswer *
ga_engine_bind_answer (GaEngine       *engine,
                       const GaItem   *item,
                       const GaAnswer *answer)
{
  GaItemState *st = &engine->istate[item->index];

  st->option = NULL;
  if (item->kind == GA_ITEM_COMPUTED)
    return NULL;
  if (ga_answer_is_empty (answer))
    {
      answer = engine->defaults != NULL ? ga_answer_set_get (engine->defaults, item->id) : NULL;
      if (answer == NULL)
        return NULL;
    }
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
      engine->answer_of[i] = ga_engine_bind_answer (engine, item,
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
  if (!ga_engine_item_is_answerable (item))
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
  ga_engine_rebind (engine, item);
  return TRUE;
}

/* Binds @item's answer (or its default) again and brings every value that
 * depends on it up to date. */
void
ga_engine_rebind (GaEngine     *engine,
                  const GaItem *item)
{
  GaTemplate *tmpl = engine->tmpl;

  engine->answer_of[item->index]
      = ga_engine_bind_answer (engine, item, ga_answer_set_get (engine->answers, item->id));
  heap_push (engine, item->index);
  if (item->kind == GA_ITEM_TABLE)
    for (guint c = 0; c < item->columns->len; c++)
      heap_push (engine, tmpl->column_node_base[item->index] + c);
  propagate (engine);
}
