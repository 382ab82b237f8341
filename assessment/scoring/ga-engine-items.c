/* ga-engine-items.c: evaluation of items and table columns
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item node decides whether the item applies, takes its value (the
 * answer, or its computed formula) and scores it with its rule
 * (ga-scheme.c); a column node computes a table column row by row.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ga-engine-private.h"
#include "ga-scheme.h"

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

gboolean
ga_engine_eval_column (GaEngine *engine,
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
        {
          if (t->shapes[column_index].kind != GA_RULE_GENERIC)
            ga_engine_eval_row_shape (engine, &t->columns[column_index],
                                      &t->shapes[column_index], item_index, r, &v);
          else
            ga_engine_eval_formula (engine, &t->columns[column_index], item_index, r, &v);
        }
      else
        {
          GaRow *row = rows->pdata[r];
          const GaValue *input = column_index < row->n_cells ? &row->cells[column_index]
                                                               : &v;
          /* An input cell that did not change is not copied. */
          if (ga_engine_same_value (cell, input))
            goto flags;
          if (input != &v)
            ga_value_copy (input, &v);
        }
      if (!ga_engine_same_value (cell, &v))
        {
          ga_value_clear (cell);
          *cell = v;
          changed = TRUE;
        }
      else
        ga_value_clear (&v);
    flags:
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
  gboolean indicator = ga_engine_item_is_indicator (engine, item);
  GaValue res = GA_VALUE_INIT;

  if (st->rule->formula == NULL)
    {
      if (item->veto || indicator || item->score.method == GA_SCORE_NONE)
        return GA_STATUS_COMPLETE;
      if (item->kind == GA_ITEM_MULTI && item->score.method == GA_SCORE_OPTIONS)
        {
          st->option_points = multi_points (engine, item);
          r->score = ga_engine_clamp (st->option_points, 0, item->points);
          r->noncompliant = ga_number_compare (r->score, item->points) < 0;
          return GA_STATUS_COMPLETE;
        }
      ga_value_set_error (&st->problem, GA_ERROR_CODE_VALUE, "the answer cannot be scored");
      return GA_STATUS_ERROR;
    }

  ga_engine_eval_rule (engine, item->index, st->rule, &res);
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
        GaStatus status = ga_engine_status_of_problem (&res);
        ga_value_clear (&st->problem);
        st->problem = res;
        return status;
      }
    }
  ga_value_clear (&res);
  ga_value_set_error (&st->problem, GA_ERROR_CODE_VALUE, "%s gives %s",
                      ga_formula_get_text (st->rule->formula),
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
  GaItemParts *parts = ga_engine_item_parts (engine, item);

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
      if (!ga_engine_evaluate_number (engine, &parts->baseline, &st->baseline_v, &problem))
        st->baseline_v = NAN;
      if (!ga_engine_evaluate_number (engine, &parts->leading, &st->leading_v, &problem))
        st->leading_v = NAN;
      break;
    case GA_SCORE_BANDS:
      for (guint b = 0; v->kind == GA_VALUE_NUMBER && b < parts->n_bands; b++)
        {
          double t;
          if (!ga_engine_evaluate_number (engine, &parts->bands[b], &t, &problem))
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
        if (parts->bench[k].formula != NULL
            && !ga_engine_evaluate_number (engine, &parts->bench[k], &st->bench_v[k], &problem))
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
GaNaPolicy
ga_engine_cascade_policy (GaEngine  *engine,
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
         ? ga_engine_cascade_policy (engine, item->section) : item_na_policy (item);
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
  if (isnan (item->points) || item->veto || ga_engine_item_is_indicator (engine, item))
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
        ga_engine_value_blank (out);
      break;
    case GA_ITEM_TABLE:
      if (answer != NULL && answer->rows != NULL)
        ga_value_set_number (out, answer->rows->len);
      else
        ga_engine_value_blank (out);
      break;
    default:
      if (answer != NULL)
        ga_value_copy (&answer->value, out);
      else
        ga_engine_value_blank (out);
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

static void
item_state_reset (GaItemState *st)
{
  st->na_cause = GA_NA_NONE;
  st->band_hit = -1;
  st->baseline_v = st->leading_v = NAN;
  st->option_points = NAN;
  st->weight_status = GA_STATUS_COMPLETE;
  st->inputs_incomplete = FALSE;
  st->gap = (GaGap) { G_MAXUINT, 0, NULL };
  ga_engine_value_blank (&st->problem);
  ga_engine_value_blank (&st->condition);
}

/* Whether @item applies: its section's applicability, then its own
 * condition, then an N/A answer where one is allowed. */
static GaApplicability
item_applicability (GaEngine       *engine,
                    GaItem         *item,
                    GaItemState    *st,
                    const GaAnswer *answer)
{
  GaApplicability applies = engine->sa[item->section->index].state;

  if (applies == GA_APPLIES_NOT)
    st->na_cause = GA_NA_SECTION;
  else if (st->applicable->formula != NULL)
    {
      GaApplicability own;
      ga_engine_eval_formula (engine, st->applicable, 0, 0, &st->condition);
      own = ga_engine_applicability_of (&st->condition);
      if (own == GA_APPLIES_NOT)
        st->na_cause = GA_NA_CONDITION;
      applies = ga_engine_applicability_and (applies, own);
    }
  st->applies = applies;
  /* From here on, incomplete inputs read by the value and score formulas
   * count (not those of the applicability condition). */
  engine->gap = (GaGap) { G_MAXUINT, 0, NULL };
  engine->gap_self = &engine->items[item->index];
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
  return applies;
}

/* The value of an item that may apply, into @stored->value; TRUE when the
 * old value in *@old_value was kept (moved into the slot). */
static gboolean
item_value (GaEngine        *engine,
            GaItem          *item,
            GaItemState     *st,
            const GaAnswer  *answer,
            GaApplicability  applies,
            GaValue         *old_value)
{
  GaResult *stored = &engine->items[item->index];
  gboolean kept = FALSE;

  if (item->kind == GA_ITEM_COMPUTED)
    ga_engine_eval_formula (engine, st->value, 0, 0, &stored->value);
  else if (st->problem.kind == GA_VALUE_ERROR)
    ga_value_copy (&st->problem, &stored->value);
  else if (answer != NULL && item->kind != GA_ITEM_MULTI && item->kind != GA_ITEM_TABLE
           && ga_engine_same_value (old_value, &answer->value))
    {
      /* Unchanged answer: keep the value instead of copying its text. */
      stored->value = *old_value;
      *old_value = (GaValue) GA_VALUE_INIT;
      kept = TRUE;
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
  return kept;
}

/* The status and score of an item that may apply, from its value. */
static GaStatus
item_status (GaEngine        *engine,
             GaItem          *item,
             GaItemState     *st,
             GaApplicability  applies,
             gboolean         scored,
             GaResult        *r)
{
  GaResult *stored = &engine->items[item->index];
  GaStatus status;

  if (scored)
    {
      r->score = 0;
      r->max = item->points;
    }
  if (stored->value.kind == GA_VALUE_NA)
    {
      st->na_cause = GA_NA_VALUE;
      item_not_applicable (engine, item, r);
      status = GA_STATUS_NA;
    }
  else if (stored->value.kind == GA_VALUE_ERROR && item->kind == GA_ITEM_COMPUTED
           && (engine->gap.table != G_MAXUINT || engine->gap.name != NULL))
    {
      /* An error while an input is still missing (a division by the sum
       * of a table with no rows yet) is no result: the item waits for
       * that input, which the explanation names. */
      ga_value_clear (&stored->value);
      ga_engine_value_blank (&stored->value);
      st->gap = engine->gap;
      status = GA_STATUS_INCOMPLETE;
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
        r->score = NAN;
      status = score_item (engine, item, st, r);
      if (status != GA_STATUS_COMPLETE && scored)
        r->score = 0;
      if (status == GA_STATUS_NA)
        {
          st->na_cause = GA_NA_VALUE;
          r->score = NAN;
          r->max = NAN;
          r->veto_failed = FALSE;
          item_not_applicable (engine, item, r);
          ga_engine_value_blank (&st->problem);
        }
      else if (item->kind == GA_ITEM_TABLE && status == GA_STATUS_COMPLETE)
        status = table_status (engine, item, &st->problem);
    }
  if (status == GA_STATUS_COMPLETE && applies == GA_APPLIES_UNKNOWN)
    status = GA_STATUS_INCOMPLETE;
  /* The value and the score stay what the formulas give (the exported
   * workbook computes the same), but a total over a table with a missing
   * quantity is not final. */
  if (status == GA_STATUS_COMPLETE
      && (engine->gap.table != G_MAXUINT || engine->gap.name != NULL))
    {
      status = GA_STATUS_INCOMPLETE;
      st->inputs_incomplete = TRUE;
      st->gap = engine->gap;
    }
  return status;
}

/* Clean-production weight ω_ij, needed only while the indicator applies. */
static void
indicator_weight (GaEngine    *engine,
                  guint        index,
                  GaItemState *st,
                  GaResult    *r)
{
  GaValue problem = GA_VALUE_INIT;
  double w;

  if (ga_engine_evaluate_number (engine, st->weight, &w, &problem))
    engine->raw_weight[index] = w < 0 ? 0 : w;
  else
    {
      st->weight_status = ga_engine_status_of_problem (&problem) == GA_STATUS_ERROR
                          ? GA_STATUS_ERROR : GA_STATUS_INCOMPLETE;
      if (r->status == GA_STATUS_COMPLETE)
        r->status = st->weight_status;
      if (st->problem.kind == GA_VALUE_BLANK)
        {
          ga_value_clear (&st->problem);
          st->problem = problem;
          problem = (GaValue) GA_VALUE_INIT;
        }
    }
  ga_value_clear (&problem);
}

gboolean
ga_engine_eval_item (GaEngine *engine,
                     guint     index)
{
  GaTemplate *tmpl = engine->tmpl;
  GaItem *item = tmpl->items->pdata[index];
  GaItemState *st = &engine->istate[index];
  GaResult *stored = &engine->items[index];
  const GaAnswer *answer = engine->answer_of[index];
  gboolean scored = !isnan (item->points) && !item->veto && !ga_engine_item_is_indicator (engine,
                                                                                          item);
  double old_weight = engine->raw_weight[index];
  GaStatus old_weight_status = st->weight_status;
  GaApplicability applies;
  GaResult r;
  GaValue old_value;
  gboolean value_kept = FALSE;
  gboolean changed;

  ga_engine_result_init (&r);
  r.weight = stored->weight;
  item_state_reset (st);
  engine->raw_weight[index] = NAN;
  applies = item_applicability (engine, item, st, answer);
  if (ga_engine_item_is_answerable (item))
    {
      /* Empty answers are not bound (see bind_answer). */
      r.total = st->na_cause == GA_NA_SECTION || st->na_cause == GA_NA_CONDITION ? 0 : 1;
      r.answered = r.total == 1 && answer != NULL ? 1 : 0;
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
      value_kept = item_value (engine, item, st, answer, applies, &old_value);
      r.value = stored->value;
      r.status = item_status (engine, item, st, applies, scored, &r);
      if (r.status == GA_STATUS_NA)
        {
          ga_value_clear (&stored->value);
          ga_value_set_na (&stored->value);
          value_kept = FALSE;
        }
    }
  r.value = stored->value;
  if (ga_engine_item_is_indicator (engine, item) && r.status != GA_STATUS_NA)
    indicator_weight (engine, index, st, &r);

  changed = (!value_kept && !ga_engine_same_value (&old_value, &stored->value))
            || !ga_engine_same_result (stored, &r)
            || !ga_engine_same_double (old_weight, engine->raw_weight[index])
            || old_weight_status != st->weight_status;
  ga_value_clear (&old_value);
  r.value = stored->value;
  *stored = r;
  /* The summary lists the failed veto items again only after one of
   * them changed. */
  if (changed && item->veto)
    engine->veto_list_dirty = TRUE;
  if (engine->sums.active)
    ga_engine_sums_item (engine, item);
  return changed;
}
