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

/* Numbers as a person writes them: at most 10 significant digits, so that
 * the last bits of binary arithmetic (4.999999999999995) do not show, and
 * no E notation for ordinary magnitudes. The results JSON keeps the exact
 * double. The text lives in a small ring of buffers, so that several
 * numbers can go into one message without freeing each. */
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
    text = ga_engine_format_number (v, NULL);
  g_strlcpy (slot, text, 48);
  return slot;
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

/* "实物量 (qty)", or the id alone when the title is the id. */
static char *
column_name (const GaColumn *column)
{
  const char *title = ga_text_get (&column->title, NULL);

  if (title == NULL || *title == '\0' || g_str_equal (title, column->id))
    return g_strdup (column->id);
  return g_strdup_printf ("%s (%s)", title, column->id);
}

/* What a table lacks: too few rows, and each required cell left empty
 * ("row 2: 实物量 (qty) is empty"), at most @limit of them. Appends to @s
 * after @separator and returns how many were found. */
static guint
append_table_gaps (GaEngine   *engine,
                   GaItem     *item,
                   GString    *s,
                   const char *separator,
                   guint       limit)
{
  GaTableState *t = &engine->tables[item->index];
  guint n_rows = item->columns->len > 0 ? t->length[0] : 0;
  guint found = 0;

  if (n_rows < item->min_rows)
    {
      g_string_append (s, separator);
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "needs at least %u row, has %u",
                                              "needs at least %u rows, has %u", item->min_rows),
                              item->min_rows, n_rows);
      found++;
    }
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < item->columns->len; c++)
      {
        GaColumn *column = item->columns->pdata[c];
        if (!column->required || r >= t->length[c] || t->cells[c][r].kind != GA_VALUE_BLANK)
          continue;
        if (found < limit)
          {
            g_autofree char *name = column_name (column);
            g_string_append (s, found > 0 ? "; " : separator);
            g_string_append_printf (s, _("row %u: %s is empty"), r + 1, name);
          }
        found++;
      }
  if (found > limit)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "; and %u more empty cell",
                                            "; and %u more empty cells", found - limit),
                            found - limit);
  return found;
}

/* The first error cell of column @c (or of any column when @c is
 * G_MAXUINT): "row 3, 占比 (share): #DIV/0! …". NULL when there is none. */
static char *
table_error_text (GaEngine *engine,
                  GaItem   *item,
                  guint     only_column)
{
  GaTableState *t = &engine->tables[item->index];

  for (guint c = 0; c < item->columns->len; c++)
    {
      if (only_column != G_MAXUINT && c != only_column)
        continue;
      for (guint r = 0; r < t->length[c]; r++)
        if (t->cells[c][r].kind == GA_VALUE_ERROR)
          {
            g_autofree char *name = column_name (item->columns->pdata[c]);
            g_autofree char *error = ga_engine_value_text (&t->cells[c][r], NULL);
            return g_strdup_printf (_("row %u, %s: %s"), r + 1, name, error);
          }
    }
  return NULL;
}

/* Why a value counts as incomplete: the incomplete table whose range it
 * read ("table energy: row 2: 实物量 (qty) is empty"), or the incomplete
 * value it read. */
static char *
gap_text (GaEngine    *engine,
          const GaGap *gap)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (gap->table != G_MAXUINT)
    {
      GaItem *table = engine->tmpl->items->pdata[gap->table];
      g_autofree char *lead = g_strdup_printf (_("table %s: "), table->id);
      if (append_table_gaps (engine, table, s, lead, 3) == 0)
        {
          g_autofree char *error = table_error_text (engine, table, gap->column);
          if (error != NULL)
            g_string_append_printf (s, "%s%s", lead, error);
        }
    }
  else if (gap->name != NULL)
    g_string_append_printf (s, _("%s is incomplete"), gap->name);
  if (s->len == 0)
    return g_strdup ("?");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "; uses an unverified value: GB/T 2589 … row 'blast_air' (reason)" when
 * the node used one (its own "verified": false is shown by itself). */
static void
append_unverified (GaEngine     *engine,
                   guint         node,
                   const GaItem *self,
                   GString      *s)
{
  const GaOrigin *o = &engine->origin[node];

  if (o->table != NULL)
    {
      const char *reason = o->row != NULL && o->row->note != NULL ? o->row->note
                           : o->table->unverified_reason;
      g_string_append_printf (s, _("; uses an unverified value: %s row '%s'"),
                              ga_text_get (&o->table->title, NULL),
                              o->row != NULL ? o->row->key : "?");
      if (reason != NULL)
        g_string_append_printf (s, " (%s)", reason);
    }
  else if (o->item != NULL && o->item != self)
    {
      g_string_append_printf (s, _("; uses an unverified value: item %s"), o->item->id);
      if (o->item->unverified_reason != NULL)
        g_string_append_printf (s, " (%s)", o->item->unverified_reason);
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
  g_autofree char *shown = ga_engine_value_text (v, item->unit);
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

/* The words for an item that is not applicable; @prefix is its score
 * ("3 / 5"), NULL when it has none. */
static char *
explain_na (GaEngine   *engine,
            GaItem     *item,
            const char *prefix)
{
  const GaResult *r = &engine->items[item->index];
  g_autofree char *reason = na_reason (engine, item);
  if (prefix == NULL)
    return g_strdup_printf (_("Not applicable (%s)"), reason);
  /* The result already follows the policy that applies (the item's
   * section's, or the one above a section that does not apply); the
   * words start from the same score and maximum as the result. */
  if (r->max > 0 && !item->bonus)
    return g_strdup_printf (_("%s: not applicable (%s); its %s points are awarded"), prefix,
                            reason, num (item->points));
  if (item->bonus)
    return g_strdup_printf (_("Not applicable (%s); no bonus points"), reason);
  if (ga_engine_item_na_policy (engine, item) == GA_NA_POLICY_RENORMALISE)
    return g_strdup_printf (_("%s: not applicable (%s); its %s points leave the section, "
                              "whose other points are scaled up to keep its maximum"),
                            prefix, reason, num (item->points));
  return g_strdup_printf (_("%s: not applicable (%s); its %s points leave the maximum"),
                          prefix, reason, num (item->points));
}

static char *
explain_error (GaEngine   *engine,
               GaItem     *item,
               const char *prefix)
{
  GaItemState *st = &engine->istate[item->index];
  const GaValue *v = &engine->items[item->index].value;

  g_autofree char *problem = ga_engine_value_text (st->problem.kind != GA_VALUE_BLANK ? &st->problem
                                                                            : v, NULL);
  g_autofree char *where = item->kind == GA_ITEM_TABLE
                           ? table_error_text (engine, item, G_MAXUINT) : NULL;
  if (where != NULL)
    return g_strdup_printf (_("%s%sError in %s"), prefix != NULL ? prefix : "",
                            prefix != NULL ? ": " : "", where);
  return g_strdup_printf (_("%s%sError: %s"), prefix != NULL ? prefix : "",
                          prefix != NULL ? ": " : "", problem);
}

static char *
explain_incomplete (GaEngine   *engine,
                    GaItem     *item,
                    const char *prefix)
{
  GaItemState *st = &engine->istate[item->index];
  const GaValue *v = &engine->items[item->index].value;
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
  if (st->inputs_incomplete)
    {
      g_autofree char *why = gap_text (engine, &st->gap);
      g_autofree char *value = ga_engine_value_text_formatted (v, item->unit, item->format);
      if (item->kind == GA_ITEM_COMPUTED)
        return g_strdup_printf (_("%s: %s = %s, computed from incomplete data (%s)"), lead,
                                value, ga_formula_get_text (item->value), why);
      return g_strdup_printf (_("%s: %s, scored from incomplete data (%s)"), lead, value,
                              why);
    }
  if (v->kind == GA_VALUE_BLANK && item->kind != GA_ITEM_COMPUTED)
    return g_strdup_printf (_("%s: not answered yet"), lead);
  /* A computed value that cannot be worked out before an input is given. */
  if (v->kind == GA_VALUE_BLANK && (st->gap.table != G_MAXUINT || st->gap.name != NULL))
    {
      g_autofree char *why = gap_text (engine, &st->gap);
      return g_strdup_printf (_("%s: cannot be computed yet, needs %s"), lead, why);
    }
  if (v->kind == GA_VALUE_BLANK)
    waiting = missing_inputs (engine, item->value);
  else if (st->problem.kind == GA_VALUE_BLANK && item->score.method == GA_SCORE_FORMULA)
    waiting = missing_inputs (engine, item->score.formula);
  else if (st->problem.kind == GA_VALUE_BLANK && item->weight != NULL)
    waiting = missing_inputs (engine, item->weight);
  else if (st->problem.kind == GA_VALUE_BLANK && item->score.method == GA_SCORE_INTERP)
    {
      /* "needs 基准值 (baseline) EN2_base, 引领值 (leading value) EN2_lead" */
      g_autofree char *base_ids = missing_inputs (engine, item->score.baseline);
      g_autofree char *lead_ids = missing_inputs (engine, item->score.leading);
      g_autoptr(GString) needs = g_string_new (NULL);
      if (base_ids != NULL)
        g_string_append_printf (needs, _("基准值 (baseline) %s"), base_ids);
      if (lead_ids != NULL)
        g_string_append_printf (needs, _("%s引领值 (leading value) %s"),
                                needs->len > 0 ? ", " : "", lead_ids);
      if (needs->len > 0)
        return g_strdup_printf (_("%s: cannot be scored yet, needs %s"), lead, needs->str);
    }
  if (item->kind == GA_ITEM_TABLE)
    {
      g_autoptr(GString) gaps = g_string_new (lead);
      if (append_table_gaps (engine, item, gaps, ": ", 5) == 0)
        g_string_append_printf (gaps, ": %s", waiting != NULL ? waiting : _("an answer"));
      return g_string_free (g_steal_pointer (&gaps), FALSE);
    }
  return g_strdup_printf (_("%s: waiting for %s"), lead,
                          waiting != NULL ? waiting : _("an answer"));
}

/* Whether the item earned its points: for the rule of a baseline equal to
 * the leading value. */
static gboolean
r_meets (GaEngine *engine,
         GaItem   *item)
{
  return engine->items[item->index].score > 0;
}

/* The words for how a complete item scored. */
static char *
explain_score (GaEngine   *engine,
               GaItem     *item,
               const char *prefix,
               const char *shown)
{
  GaItemState *st = &engine->istate[item->index];
  const GaValue *v = &engine->items[item->index].value;

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
        if (b == l && item->score.better != NULL)
          return g_strdup_printf (_("%s: the baseline equals the leading value %s, so all the "
                                    "points go to a value that meets it (%s) and none otherwise; "
                                    "%s %s it"), prefix, ls,
                                  item->score.better[0] == '<' ? _("lower is better")
                                                               : _("higher is better"),
                                  shown, r_meets (engine, item) ? _("meets") : _("does not meet"));
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
    {
      guint n = v->kind == GA_VALUE_NUMBER ? (guint) v->u.number : 0;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n);
    }
  return g_strdup_printf (_("Answer: %s (not scored)"), shown);
}

static char *
explain_item_text (GaEngine *engine,
                   GaItem   *item)
{
  const GaResult *r = &engine->items[item->index];
  gboolean indicator = engine->tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && item->weight != NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *shown = NULL;

  if (!isnan (r->max))
    prefix = score_prefix (r);
  ga_engine_item_details (engine, item);

  if (r->status == GA_STATUS_NA)
    return explain_na (engine, item, prefix);
  if (r->status == GA_STATUS_ERROR)
    return explain_error (engine, item, prefix);
  if (r->status == GA_STATUS_INCOMPLETE)
    return explain_incomplete (engine, item, prefix);

  shown = ga_engine_value_text_formatted (&r->value, item->unit, item->format);
  if (item->veto)
    {
      if (r->veto_failed)
        return g_strdup_printf (_("Veto failed: the answer %s does not meet the requirement, so "
                                  "the whole assessment fails"), shown);
      return g_strdup_printf (_("Veto passed: the answer %s meets the requirement"), shown);
    }
  if (indicator)
    return explain_levels (engine, item, r);
  return explain_score (engine, item, prefix, shown);
}

static char *
explain_item (GaEngine *engine,
              GaItem   *item)
{
  g_autofree char *text = explain_item_text (engine, item);
  GString *s = g_string_new (text);

  append_unverified (engine, item->index, item, s);
  return g_string_free (s, FALSE);
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
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "; %u veto item failed",
                                            "; %u veto items failed", ss->veto_fail),
                            ss->veto_fail);
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
  g_autofree char *shown = ga_engine_value_text_formatted (&r->value, output->unit, output->format);
  GString *s = g_string_new (NULL);

  if (r->status == GA_STATUS_INCOMPLETE && r->value.kind != GA_VALUE_BLANK)
    {
      g_autofree char *why = gap_text (engine, &engine->output_gaps[index]);
      g_string_append_printf (s, _("%s = %s = %s, computed from incomplete data (%s)"),
                              output->id, ga_formula_get_text (output->formula), shown, why);
    }
  else if (r->status == GA_STATUS_INCOMPLETE)
    {
      g_autofree char *waiting = missing_inputs (engine, output->formula);
      g_string_append_printf (s, _("%s = %s: waiting for %s"), output->id,
                              ga_formula_get_text (output->formula),
                              waiting != NULL ? waiting : _("an answer"));
    }
  else
    g_string_append_printf (s, _("%s = %s = %s"), output->id,
                            ga_formula_get_text (output->formula), shown);
  append_unverified (engine, engine->tmpl->out_base + index, NULL, s);
  return g_string_free (s, FALSE);
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

      if (item->weight != NULL && r->status != GA_STATUS_NA)
        ga_engine_item_details (engine, item);
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
      shown = ga_engine_value_text (&r->value, item->unit);
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

/* Appends "a, b, c" (at most 8, then "…") of @ids to @s. */
static void
append_id_list (GString   *s,
                GPtrArray *ids)
{
  for (guint i = 0; i < ids->len && i < 8; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", (char *) ids->pdata[i]);
  if (ids->len > 8)
    g_string_append (s, ", …");
}

/* Clean production with an indicator or a weight missing or in error: the
 * level is not decided yet; say what it waits for. */
static void
append_undetermined (GaEngine   *engine,
                     GString    *s,
                     const char *y1,
                     const char *y2,
                     const char *y3)
{
  GaTemplate *tmpl = engine->tmpl;
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new ();

  for (guint i = 0; i < tmpl->root_sections->len; i++)
    {
      GaSection *section = tmpl->root_sections->pdata[i];
      const GaSectionState *ss = &engine->sstate[section->index];
      const GaResult *sr = &engine->sections[section->index];

      if (sr->status == GA_STATUS_NA || ss->indicators == NULL)
        continue;
      if (ss->w_status == GA_STATUS_INCOMPLETE)
        g_ptr_array_add (waiting, section->id);
      else if (ss->w_status == GA_STATUS_ERROR)
        g_ptr_array_add (errors, section->id);
      for (guint j = 0; j < ss->indicators->len; j++)
        {
          GaItem *item = ss->indicators->pdata[j];
          GaStatus status = engine->items[item->index].status;
          if (status == GA_STATUS_INCOMPLETE)
            g_ptr_array_add (waiting, item->id);
          else if (status == GA_STATUS_ERROR)
            g_ptr_array_add (errors, item->id);
        }
    }
  g_string_append (s, _("The level cannot be determined yet"));
  if (waiting->len > 0)
    {
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, ": %u indicator or weight is "
                                              "not complete (", ": %u indicators or weights are "
                                              "not complete (", waiting->len), waiting->len);
      append_id_list (s, waiting);
      g_string_append (s, C_("closing parenthesis", ")"));
    }
  if (errors->len > 0)
    {
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s%u has an error (",
                                              "%s%u have errors (", errors->len),
                              waiting->len > 0 ? "; " : ": ", errors->len);
      append_id_list (s, errors);
      g_string_append (s, C_("closing parenthesis", ")"));
    }
  g_string_append_printf (s, _("; so far Y_I = %s, Y_II = %s, Y_III = %s"), y1, y2, y3);
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
      /* Scores are shown with two decimals everywhere else (the summary
       * bar, the workbook, the report): a total of 75.08667154 would only
       * look like a different number. */
      const char *score = num (ga_round_half_away (sum->score, 2));
      const char *max = num (ga_round_half_away (sum->max, 2));
      g_string_append_printf (s, _("Total %s of %s"), score, max);
      if (!isnan (sum->bonus) && sum->bonus > 0)
        {
          const char *bonus = num (ga_round_half_away (sum->bonus, 2));
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
      /* Composite indices are on a 0-100 scale: two decimals say all there
       * is to say, where ten significant digits only distract. */
      const char *y1 = num (ga_round_half_away (sum->index[0], 2));
      const char *y2 = num (ga_round_half_away (sum->index[1], 2));
      const char *y3 = num (ga_round_half_away (sum->index[2], 2));
      GaLevelRule *achieved = NULL;

      for (guint i = 0; i < tmpl->level_rules->len; i++)
        if (((GaLevelRule *) tmpl->level_rules->pdata[i])->level == sum->level)
          achieved = tmpl->level_rules->pdata[i];
      if (achieved != NULL)
        {
          const char *y = num (ga_round_half_away (sum->index[sum->level - 1], 2));
          const char *min = num (achieved->min_index);
          g_autofree char *plain = g_strdup_printf (_("Level %s"), level_names[sum->level]);
          const char *label = ga_text_get (&achieved->label, NULL);

          /* The template's label may add the level's name (国际清洁生产领先水平),
           * or already say "Level II: …" (then it is shown alone), or be the
           * default (then "Level II" once). */
          if (label != NULL && g_str_has_prefix (label, plain))
            g_string_append (s, label);
          else
            {
              g_string_append (s, plain);
              if (label != NULL && *label != '\0' && g_strcmp0 (label,
                                                                level_names[sum->level]) != 0)
                g_string_append_printf (s, " (%s)", label);
            }
          g_string_append_printf (s, _(": Y_%s = %s ≥ %s"), level_names[sum->level], y, min);
          if (achieved->limiting_at_level)
            g_string_append_printf (s, _(" and every limiting indicator meets %s"),
                                    level_names[sum->level]);
        }
      else if (sum->level < 0)
        append_undetermined (engine, s, y1, y2, y3);
      else
        g_string_append_printf (s, _("Below level III (Y_I = %s, Y_II = %s, Y_III = %s)"), y1, y2,
                                y3);
      /* What blocks the levels above the one reached. */
      for (guint i = 0; sum->level >= 0 && i < tmpl->level_rules->len; i++)
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
  /* Translatable so that Chinese ends the sentence with a full-width stop. */
  g_string_append (s, C_("end of a sentence", "."));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

