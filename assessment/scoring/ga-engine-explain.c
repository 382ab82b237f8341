/* ga-engine-explain.c: traces in words a consultant understands
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on demand from the state the evaluation left behind (evaluated
 * benchmarks, the band met, why something is not applicable), so that the
 * evaluation itself never formats text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ga-engine-private.h"

static const char * const level_names[] = { "—", "I", "II", "III" };

/* Numbers as a person writes them: up to 4 decimals, no trailing zeros.
 * The text lives in a small ring of buffers, so that several numbers can
 * go into one message without freeing each. */
static const char *
num (double v)
{
  static GPrivate ring_key = G_PRIVATE_INIT (g_free);
  char (*ring)[48] = g_private_get (&ring_key);
  static const guint ring_size = 16;
  g_autofree char *text = NULL;
  char *slot;
  guint *next;

  if (ring == NULL)
    {
      ring = g_malloc0 (sizeof (guint) + ring_size * sizeof *ring);
      g_private_set (&ring_key, ring);
    }
  next = (guint *) ring;
  slot = ((char (*)[48]) ((char *) ring + sizeof (guint)))[*next];
  *next = (*next + 1) % ring_size;
  if (isnan (v))
    text = g_strdup ("—");
  else
    text = ga_number_to_string (ga_round_half_away (v, 4));
  g_strlcpy (slot, text, 48);
  return slot;
}

static char *
value_text (const GaValue *v,
            const char    *unit)
{
  g_autofree char *s = NULL;

  if (v->kind == GA_VALUE_NUMBER)
    s = g_strdup (num (v->u.number));
  else if (v->kind == GA_VALUE_ERROR)
    return g_strdup_printf ("%s%s%s", ga_error_code_to_string (v->u.error.code),
                            v->u.error.message != NULL ? " " : "",
                            v->u.error.message != NULL ? v->u.error.message : "");
  else if (v->kind == GA_VALUE_BLANK)
    return g_strdup (_("(not answered)"));
  else
    s = ga_value_to_display (v);
  if (unit != NULL && *unit != '\0')
    return g_strdup_printf ("%s %s", s, unit);
  return g_steal_pointer (&s);
}

static char *
score_prefix (const GaResult *r)
{
  const char *score = num (r->score);
  const char *max = num (r->max);


  /* TRANSLATORS: "6.5 of 10" points */
  return g_strdup_printf (_("%s of %s"), score, max);
}

static const char *
compliance_words (const char *answer)
{
  if (g_strcmp0 (answer, GA_COMPLIANCE_YES) == 0)
    return _("met (符合)");
  if (g_strcmp0 (answer, GA_COMPLIANCE_PARTIAL) == 0)
    return _("partly met (部分符合)");
  return _("not met (不符合)");
}

/* The references of a formula that hold no value yet. */
static char *
missing_inputs (GaEngine  *engine,
                GaFormula *formula)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (formula == NULL)
    return NULL;
  for (guint r = 0; r < ga_formula_get_n_refs (formula); r++)
    {
      const GaResult *res = ga_engine_lookup (engine, ga_formula_get_ref (formula, r));
      if (res != NULL && (res->value.kind == GA_VALUE_BLANK || res->status == GA_STATUS_INCOMPLETE))
        g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", ga_formula_get_ref (formula, r));
    }
  if (s->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
na_reason (GaEngine *engine,
           GaItem   *item)
{
  GaItemState *st = &engine->istate[item->index];
  const GaAnswer *answer = engine->answer_of[item->index];

  switch (st->na_cause)
    {
    case GA_NA_ANSWER:
      if (answer != NULL && answer->na_reason != NULL)
        return g_strdup (answer->na_reason);
      return g_strdup (_("answered not applicable"));
    case GA_NA_SECTION:
      {
        GaSection *s = item->section;
        /* Name the section whose own condition is FALSE. */
        while (s->parent != NULL && engine->sa[s->index].from_parent)
          s = s->parent;
        return g_strdup_printf (_("section %s does not apply"), s->id);
      }
    case GA_NA_CONDITION:
      return g_strdup_printf (_("the condition %s is FALSE"),
                              ga_formula_get_text (item->applicable));
    case GA_NA_VALUE:
      return g_strdup (_("what it is computed from does not apply"));
    default:
      return g_strdup (_("not applicable"));
    }
}

static char *
explain_levels (GaEngine *engine,
                GaItem   *item,
                const GaResult *r)
{
  GaItemState *st = &engine->istate[item->index];
  g_autoptr(GString) s = g_string_new (NULL);
  const GaValue *v = &r->value;
  g_autofree char *shown = value_text (v, item->unit);
  const char *weight = num (r->weight);

  if (r->level >= 1)
    g_string_append_printf (s, _("Level %s"), level_names[r->level]);
  else
    g_string_append (s, _("Below level III"));
  g_string_append (s, ": ");

  if (item->kind == GA_ITEM_CHOICE || item->score.method != GA_SCORE_LEVELS)
    g_string_append_printf (s, _("the answer %s"), shown);
  else
    {
      gboolean first = TRUE;
      g_string_append (s, shown);
      for (int k = 0; k < 3; k++)
        {
          const char *b;
          if (isnan (st->bench_v[k]))
            continue;
          b = num (st->bench_v[k]);
          g_string_append_printf (s, "%s%s %s %s (%s)", first ? " " : "; ",
                                  ga_comparator_holds (item->score.level_cmp, v->u.number,
                                                       st->bench_v[k])
                                  ? _("meets") : _("does not meet"),
                                  ga_comparator_to_string (item->score.level_cmp), b,
                                  level_names[k + 1]);
          first = FALSE;
        }
    }
  g_string_append_printf (s, _("; weight %s within its category"), weight);
  if (item->limiting)
    g_string_append (s, _("; limiting indicator"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
explain_item (GaEngine *engine,
              GaItem   *item)
{
  GaItemState *st = &engine->istate[item->index];
  const GaResult *r = &engine->items[item->index];
  const GaValue *v = &r->value;
  gboolean indicator = engine->tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && item->weight != NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *shown = NULL;

  if (!isnan (r->max))
    prefix = score_prefix (r);

  if (r->status == GA_STATUS_NA)
    {
      g_autofree char *reason = na_reason (engine, item);
      if (prefix == NULL)
        return g_strdup_printf (_("Not applicable (%s)"), reason);
      /* The result already follows the policy that applies (the item's
       * section's, or the one above a section that does not apply). */
      if (r->max > 0 && !item->bonus)
        return g_strdup_printf (_("%s: not applicable (%s); its %s points are awarded"), prefix,
                                reason, num (item->points));
      if (st->na_cause == GA_NA_SECTION && item->bonus)
        return g_strdup_printf (_("Not applicable (%s); no bonus points"), reason);
      switch (ga_engine_item_na_policy (engine, item))
        {
        case GA_NA_POLICY_AWARD:
          return g_strdup_printf (_("%s: not applicable (%s); its %s points are awarded"), prefix,
                                  reason, num (item->points));
        case GA_NA_POLICY_RENORMALISE:
          return g_strdup_printf (_("%s of %s: not applicable (%s); the section's other points "
                                    "are scaled up to keep its maximum"), num (0),
                                  num (item->points), reason);
        default:
          return g_strdup_printf (_("%s of %s: not applicable (%s); excluded from the maximum"),
                                  num (0), num (item->points), reason);
        }
    }

  if (r->status == GA_STATUS_ERROR)
    {
      g_autofree char *problem = value_text (st->problem.kind != GA_VALUE_BLANK ? &st->problem
                                                                                : v, NULL);
      return g_strdup_printf (_("%s%sError: %s"), prefix != NULL ? prefix : "",
                              prefix != NULL ? ": " : "", problem);
    }

  if (r->status == GA_STATUS_INCOMPLETE)
    {
      g_autofree char *waiting = NULL;
      const char *lead = prefix != NULL ? prefix : _("Incomplete");

      if (st->applies == GA_APPLIES_UNKNOWN)
        {
          GaFormula *f = item->applicable;
          if (engine->sa[item->section->index].state == GA_APPLIES_UNKNOWN)
            {
              GaSection *s = item->section;
              while (s->parent != NULL && engine->sa[s->index].from_parent)
                s = s->parent;
              f = s->applicable;
            }
          waiting = missing_inputs (engine, f);
          return g_strdup_printf (_("%s: whether it applies is not known yet (waiting for %s)"),
                                  lead, waiting != NULL ? waiting : _("an answer"));
        }
      if (v->kind == GA_VALUE_BLANK && item->kind != GA_ITEM_COMPUTED)
        return g_strdup_printf (_("%s: not answered yet"), lead);
      if (v->kind == GA_VALUE_BLANK)
        waiting = missing_inputs (engine, item->value);
      else if (st->problem.kind == GA_VALUE_BLANK && item->score.method == GA_SCORE_FORMULA)
        waiting = missing_inputs (engine, item->score.formula);
      else if (st->problem.kind == GA_VALUE_BLANK && item->weight != NULL)
        waiting = missing_inputs (engine, item->weight);
      if (item->kind == GA_ITEM_TABLE)
        return g_strdup_printf (_("%s: the table needs at least %u rows and every required "
                                  "cell"), lead, item->min_rows);
      return g_strdup_printf (_("%s: waiting for %s"), lead,
                              waiting != NULL ? waiting : _("an answer"));
    }

  shown = value_text (v, item->unit);

  if (item->veto)
    {
      if (r->veto_failed)
        return g_strdup_printf (_("Veto failed: the answer %s does not meet the requirement, so "
                                  "the whole assessment fails"), shown);
      return g_strdup_printf (_("Veto passed: the answer %s meets the requirement"), shown);
    }

  if (indicator)
    return explain_levels (engine, item, r);

  switch (item->score.method)
    {
    case GA_SCORE_COMPLIANCE:
      if (g_strcmp0 (v->u.text, GA_COMPLIANCE_PARTIAL) == 0)
        return g_strdup_printf (_("%s: %s, %s %% of the points"), prefix,
                                compliance_words (v->u.text),
                                num (item->score.partial_factor * 100));
      return g_strdup_printf ("%s: %s", prefix, compliance_words (v->u.text));
    case GA_SCORE_YESNO:
      return g_strdup_printf ("%s: %s", prefix, v->u.boolean ? _("yes") : _("no"));
    case GA_SCORE_OPTIONS:
      if (item->kind == GA_ITEM_CHOICE)
        {
          const GaOption *o;
          ga_engine_option_of (item, v->u.text, &o);
          return g_strdup_printf (_("%s: the option “%s” gives %s points"), prefix,
                                  o != NULL ? ga_text_get (&o->label, NULL) : v->u.text,
                                  num (st->option_points));
        }
      return g_strdup_printf (_("%s: the chosen options give %s points together"), prefix,
                              num (st->option_points));
    case GA_SCORE_POINTS:
      return g_strdup_printf (_("%s: the reviewer's points"), prefix);
    case GA_SCORE_INTERP:
      {
        double x = v->u.number, b = st->baseline_v, l = st->leading_v;
        double t = (x - b) / (l - b);
        const char *bs = num (b);
        const char *ls = num (l);
        if (t >= 1)
          return g_strdup_printf (_("%s: %s reaches the leading value %s"), prefix, shown, ls);
        if (t <= 0)
          return g_strdup_printf (_("%s: %s does not get past the baseline %s"), prefix, shown,
                                  bs);
        return g_strdup_printf (_("%s: %s lies %s %% of the way from the baseline %s to the "
                                  "leading value %s"), prefix, shown, num (t * 100), bs, ls);
      }
    case GA_SCORE_BANDS:
      if (st->band_hit >= 0)
        {
          GaBand *band = item->score.bands->pdata[st->band_hit];
          return g_strdup_printf (_("%s: %s %s %s, band %d"), prefix, shown,
                                  ga_comparator_to_string (item->score.band_cmp),
                                  ga_formula_get_text (band->threshold), st->band_hit + 1);
        }
      return g_strdup_printf (_("%s: %s meets no band"), prefix, shown);
    case GA_SCORE_FORMULA:
      return g_strdup_printf (_("%s: %s, scored by %s (limited to 0 … %s)"), prefix, shown,
                              ga_formula_get_text (item->score.formula), num (item->points));
    case GA_SCORE_NONE:
    default:
      break;
    }

  if (item->kind == GA_ITEM_COMPUTED)
    return g_strdup_printf (_("%s = %s"), shown, ga_formula_get_text (item->value));
  if (item->kind == GA_ITEM_TABLE)
    return g_strdup_printf (_("%s rows"), shown);
  return g_strdup_printf (_("Answer: %s (not scored)"), shown);
}

static char *
explain_section (GaEngine  *engine,
                 GaSection *section)
{
  GaTemplate *tmpl = engine->tmpl;
  const GaResult *r = &engine->sections[section->index];
  const GaSectionState *ss = &engine->sstate[section->index];
  g_autoptr(GString) s = g_string_new (NULL);

  if (r->status == GA_STATUS_NA)
    {
      if (engine->sa[section->index].state == GA_APPLIES_NOT && section->applicable != NULL
          && !engine->sa[section->index].from_parent)
        g_string_append_printf (s, _("Not applicable: the condition %s is FALSE"),
                                ga_formula_get_text (section->applicable));
      else
        g_string_append (s, _("Not applicable"));
      if (tmpl->scheme == GA_SCHEME_POINTS)
        {
          const char *full = num (ss->full_points);
          GaNaPolicy policy = section->parent != NULL ? section->parent->na_policy
                                                      : tmpl->na_policy;
          g_string_append_printf (s, policy == GA_NA_POLICY_AWARD
                                     ? _("; its %s points are awarded")
                                     : _("; its %s points leave the maximum"), full);
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    }

  if (tmpl->scheme == GA_SCHEME_POINTS)
    {
      g_autofree char *prefix = score_prefix (r);
      g_string_append (s, prefix);
      if (ss->na_points > 0)
        {
          const char *na = num (ss->na_points);
          switch (section->na_policy)
            {
            case GA_NA_POLICY_AWARD:
              g_string_append_printf (s, _("; %s points of items that do not apply are awarded"),
                                      na);
              break;
            case GA_NA_POLICY_RENORMALISE:
              {
                const char *app = num (ss->applicable_max);
                g_string_append_printf (s, _("; %s points do not apply, so the points earned out "
                                             "of %s are scaled to the full maximum"), na, app);
              }
              break;
            default:
              g_string_append_printf (s, _("; %s points of items that do not apply left the "
                                           "maximum"), na);
              break;
            }
        }
    }
  else if (ss->indicators != NULL)
    {
      const char *w = num (r->weight);
      const char *i1 = num (ss->index[0]);
      const char *i2 = num (ss->index[1]);
      const char *i3 = num (ss->index[2]);
      g_string_append_printf (s, _("Category weight %s; within the category I %s, II %s, III %s "
                                   "(of 100)"), w, i1, i2, i3);
    }
  else
    g_string_append (s, ga_status_to_string (r->status));

  g_string_append_printf (s, _("; %u of %u answered"), r->answered, r->total);
  if (ss->veto_fail > 0)
    g_string_append_printf (s, _("; %u veto items failed"), ss->veto_fail);
  if (r->status == GA_STATUS_INCOMPLETE)
    g_string_append (s, _("; incomplete"));
  else if (r->status == GA_STATUS_ERROR)
    g_string_append (s, _("; has errors"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
explain_output (GaEngine *engine,
                guint     index)
{
  GaOutput *output = engine->tmpl->outputs->pdata[index];
  const GaResult *r = &engine->outputs[index];
  g_autofree char *shown = value_text (&r->value, output->unit);

  if (r->status == GA_STATUS_INCOMPLETE)
    {
      g_autofree char *waiting = missing_inputs (engine, output->formula);
      return g_strdup_printf (_("%s = %s: waiting for %s"), output->id,
                              ga_formula_get_text (output->formula),
                              waiting != NULL ? waiting : _("an answer"));
    }
  return g_strdup_printf (_("%s = %s = %s"), output->id, ga_formula_get_text (output->formula),
                          shown);
}

char *
ga_engine_explain (GaEngine   *engine,
                   const char *id)
{
  const GaSymbol *sym;

  g_return_val_if_fail (engine != NULL, NULL);
  sym = ga_template_lookup_symbol (engine->tmpl, id);
  if (sym == NULL)
    return NULL;
  switch (sym->kind)
    {
    case GA_SYMBOL_ITEM:
      return explain_item (engine, engine->tmpl->items->pdata[sym->index]);
    case GA_SYMBOL_SECTION:
      return explain_section (engine, engine->tmpl->sections->pdata[sym->index]);
    case GA_SYMBOL_OUTPUT:
      return explain_output (engine, sym->index);
    default:
      return NULL;
    }
}

/* What keeps the assessment from level @level: the index, or the limiting
 * or other indicators that do not meet it. */
static void
append_blockers (GaEngine    *engine,
                 GString     *s,
                 GaLevelRule *rule)
{
  GaTemplate *tmpl = engine->tmpl;
  const GaSummary *sum = &engine->summary;
  const char *name = level_names[rule->level];
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = 0;

  if (ga_number_compare (sum->index[rule->level - 1], rule->min_index) < 0)
    {
      const char *y = num (sum->index[rule->level - 1]);
      const char *min = num (rule->min_index);
      g_string_append_printf (s, _("level %s needs Y_%s ≥ %s but Y_%s = %s"), name, name, min,
                              name, y);
      return;
    }
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      const GaResult *r = &engine->items[i];
      const GaItemState *st = &engine->istate[i];
      gboolean relevant;
      g_autofree char *shown = NULL;

      if (item->weight == NULL || r->status == GA_STATUS_NA)
        continue;
      if (item->limiting)
        relevant = rule->limiting_at_level && !(r->level >= 1 && r->level <= rule->level);
      else
        relevant = rule->others_min_level > 0
                   && !(r->level >= 1 && r->level <= rule->others_min_level);
      if (!relevant)
        continue;
      shown = value_text (&r->value, item->unit);
      if (n++ > 0)
        g_string_append (list, "; ");
      g_string_append_printf (list, "%s%s (%s", item->limiting ? "*" : "",
                              ga_text_get (&item->title, NULL), shown);
      if (item->score.method == GA_SCORE_LEVELS && item->kind != GA_ITEM_CHOICE)
        {
          int k = item->limiting ? rule->level : rule->others_min_level;
          if (k >= 1 && k <= 3 && !isnan (st->bench_v[k - 1]))
            {
              const char *b = num (st->bench_v[k - 1]);
              g_string_append_printf (list, _(", level %s requires %s %s"), level_names[k],
                                      ga_comparator_to_string (item->score.level_cmp), b);
            }
        }
      g_string_append (list, ")");
    }
  if (n > 0)
    g_string_append_printf (s, _("level %s is blocked by %s"), name, list->str);
  else
    g_string_append_printf (s, _("level %s is not reached"), name);
}

char *
ga_engine_explain_summary (GaEngine *engine)
{
  GaTemplate *tmpl;
  const GaSummary *sum;
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (engine != NULL, NULL);
  tmpl = engine->tmpl;
  sum = &engine->summary;

  if (tmpl->scheme == GA_SCHEME_POINTS)
    {
      const char *score = num (sum->score);
      const char *max = num (sum->max);
      g_string_append_printf (s, _("Total %s of %s"), score, max);
      if (!isnan (sum->bonus) && sum->bonus > 0)
        {
          const char *bonus = num (sum->bonus);
          g_string_append_printf (s, _(", plus %s bonus points"), bonus);
          if (!isnan (tmpl->bonus_cap))
            {
              const char *cap = num (tmpl->bonus_cap);
              g_string_append_printf (s, _(" (capped at %s)"), cap);
            }
        }
      if (sum->grade != NULL)
        g_string_append_printf (s, _("; grade %s"), ga_text_get (&sum->grade->label, NULL));
      if (!isnan (tmpl->pass_score))
        {
          const char *pass = num (tmpl->pass_score);
          g_string_append_printf (s, ga_number_compare (sum->score, tmpl->pass_score) >= 0
                                     ? _("; at or above the pass mark %s")
                                     : _("; below the pass mark %s"), pass);
        }
    }
  else if (tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
    {
      const char *y1 = num (sum->index[0]);
      const char *y2 = num (sum->index[1]);
      const char *y3 = num (sum->index[2]);
      GaLevelRule *achieved = NULL;

      for (guint i = 0; i < tmpl->level_rules->len; i++)
        if (((GaLevelRule *) tmpl->level_rules->pdata[i])->level == sum->level)
          achieved = tmpl->level_rules->pdata[i];
      if (achieved != NULL)
        {
          const char *y = num (sum->index[sum->level - 1]);
          const char *min = num (achieved->min_index);
          g_autofree char *plain = g_strdup_printf (_("Level %s"), level_names[sum->level]);
          const char *label = ga_text_get (&achieved->label, NULL);

          g_string_append (s, plain);
          /* The template's label adds the level's name (国际清洁生产领先水平). */
          if (g_strcmp0 (label, plain) != 0 && g_strcmp0 (label, level_names[sum->level]) != 0)
            g_string_append_printf (s, " (%s)", label);
          g_string_append_printf (s, _(": Y_%s = %s ≥ %s"), level_names[sum->level], y, min);
          if (achieved->limiting_at_level)
            g_string_append_printf (s, _(" and every limiting indicator meets %s"),
                                    level_names[sum->level]);
        }
      else
        g_string_append_printf (s, _("Below level III (Y_I = %s, Y_II = %s, Y_III = %s)"), y1, y2,
                                y3);
      /* What blocks the levels above the one reached. */
      for (guint i = 0; i < tmpl->level_rules->len; i++)
        {
          GaLevelRule *rule = tmpl->level_rules->pdata[i];
          if (sum->level >= 1 && rule->level >= sum->level)
            break;
          g_string_append (s, "; ");
          append_blockers (engine, s, rule);
        }
    }
  else
    g_string_append (s, _("No score (this template computes indicators only)"));

  switch (sum->veto)
    {
    case GA_VETO_FAIL:
      {
        g_autoptr(GString) ids = g_string_new (NULL);
        for (guint i = 0; i < sum->veto_failures->len; i++)
          {
            GaItem *item = sum->veto_failures->pdata[i];
            g_string_append_printf (ids, "%s%s (%s)", i > 0 ? ", " : "", item->id,
                                    ga_text_get (&item->title, NULL));
          }
        g_string_append_printf (s, _(". FAILED: veto items not met: %s"), ids->str);
      }
      break;
    case GA_VETO_PENDING:
      g_string_append (s, _(". Veto items not all answered yet"));
      break;
    default:
      if (engine->veto_items->len > 0)
        g_string_append (s, _(". Every veto item is met"));
      break;
    }
  if (sum->status == GA_STATUS_INCOMPLETE)
    g_string_append_printf (s, _(". Incomplete: %u of %u answered"), sum->answered, sum->total);
  else if (sum->status == GA_STATUS_ERROR)
    g_string_append (s, _(". Some results have errors"));
  g_string_append (s, ".");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

