/* ga-template-load-score.c: how an item is scored, and the rules that tie its fields together
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-template-private.h"

/* ------------------------------------------------------------------------ */
/* The "score" field                                                        */

static gboolean
parse_comparator (GaLoader     *l,
                  GaJsonNode   *obj,
                  const char   *path,
                  const char   *key,
                  gboolean      required,
                  GaComparator *out)
{
  static const struct { const char *text; GaComparator cmp; } comparators[] = {
    { "<=", GA_CMP_LE }, { "≤", GA_CMP_LE }, { "<", GA_CMP_LT },
    { ">=", GA_CMP_GE }, { "≥", GA_CMP_GE }, { ">", GA_CMP_GT }, { "=", GA_CMP_EQ },
  };
  g_autofree char *text = NULL;
  g_autofree char *fpath = NULL;

  if (!ga_loader_want_string (l, obj, path, key, required, &text))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (comparators); i++)
    if (g_str_equal (text, comparators[i].text))
      {
        *out = comparators[i].cmp;
        return TRUE;
      }
  fpath = ga_field_path (path, key);
  ga_loader_problem (l, fpath, "unknown comparator '%s' (use <=, <, >=, > or =)", text);
  return FALSE;
}

static gboolean
options_have_points (GPtrArray *options)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    if (!isnan (((GaOption *) options->pdata[i])->points))
      return TRUE;
  return FALSE;
}

static gboolean
options_have_fails (GPtrArray *options)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    if (((GaOption *) options->pdata[i])->fails)
      return TRUE;
  return FALSE;
}

static gboolean
options_have_levels (GPtrArray *options)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    if (((GaOption *) options->pdata[i])->level >= 0)
      return TRUE;
  return FALSE;
}


/* "interp": {"baseline": …, "leading": …}, interpolated between the two. */
static void
parse_score_interp (GaLoader          *l,
                    GaJsonNode        *so,
                    const char        *spath,
                    const GaSiteOwner *owner,
                    GaScoreRule       *rule)
{
  static const char * const interp_fields[] = { "baseline", "leading", "better", NULL };
  g_autofree char *ipath = ga_field_path (spath, "interp");
  GaJsonNode *io = ga_loader_want_object (l, so, spath, "interp", TRUE);

  rule->method = GA_SCORE_INTERP;
  if (io == NULL)
    return;
  ga_loader_check_fields (l, io, ipath, interp_fields, NULL, NULL);
  rule->baseline = ga_loader_want_expr (l, io, ipath, "baseline", TRUE, owner,
                                        GA_STATIC_NUMBER, FALSE);
  rule->leading = ga_loader_want_expr (l, io, ipath, "leading", TRUE, owner,
                                       GA_STATIC_NUMBER, FALSE);
  /* Which way is better decides a baseline equal to the leading value. */
  if (ga_member (io, "better") != NULL)
    {
      const char *better = ga_json_node_get_string (ga_member (io, "better"));
      if (g_strcmp0 (better, "lower") == 0)
        rule->better = "<=";
      else if (g_strcmp0 (better, "higher") == 0)
        rule->better = ">=";
      else
        {
          g_autofree char *bpath = ga_field_path (ipath, "better");
          ga_loader_problem (l, bpath, "\"better\" is \"lower\" or \"higher\"");
        }
    }
}

/* One step of "bands": [threshold, points]. */
static void
parse_band_step (GaLoader    *l,
                 GaJsonNode  *sn,
                 const char  *sp,
                 GaItem      *item,
                 GaScoreRule *rule)
{
  g_autofree char *tp = NULL;
  GaJsonNode *pair;
  GaBand *band;

  if (!GA_JSON_NODE_HOLDS_ARRAY (sn) || ga_json_array_get_length (ga_json_node_get_array (sn)) != 2)
    {
      ga_loader_problem (l, sp, "a step is [threshold, points], found %s",
                         ga_node_description (sn));
      return;
    }
  pair = ga_json_node_get_array (sn);
  band = g_new0 (GaBand, 1);
  g_ptr_array_add (rule->bands, band);
  tp = g_strdup_printf ("%s[0]", sp);
  band->threshold = ga_loader_parse_expr_node (l, ga_json_array_get_element (pair, 0), tp);
  if (band->threshold != NULL)
    ga_loader_add_site (l, band->threshold, tp, GA_NODE_ITEM, item->index, 0, NULL, item,
                        GA_STATIC_NUMBER, FALSE);
  if (!ga_node_is_number (ga_json_array_get_element (pair, 1))
      || !isfinite (ga_json_array_get_double_element (pair, 1)))
    {
      g_autofree char *pp = g_strdup_printf ("%s[1]", sp);
      ga_loader_problem (l, pp, "expected the step's points (a number), found %s",
                         ga_node_description (ga_json_array_get_element (pair, 1)));
    }
  else
    band->points = ga_json_array_get_double_element (pair, 1);
}

/* "bands": {"cmp": …, "steps": [[threshold, points], …], "otherwise": …}. */
static void
parse_score_bands (GaLoader    *l,
                   GaJsonNode  *so,
                   const char  *spath,
                   GaItem      *item,
                   GaScoreRule *rule)
{
  static const char * const bands_fields[] = { "cmp", "steps", "otherwise", NULL };
  g_autofree char *bpath = ga_field_path (spath, "bands");
  GaJsonNode *bo = ga_loader_want_object (l, so, spath, "bands", TRUE);
  GaJsonNode *steps;

  rule->method = GA_SCORE_BANDS;
  rule->band_cmp = GA_CMP_GE;
  rule->bands = g_ptr_array_new_with_free_func (ga_band_free);
  if (bo == NULL)
    return;
  ga_loader_check_fields (l, bo, bpath, bands_fields, NULL, NULL);
  parse_comparator (l, bo, bpath, "cmp", FALSE, &rule->band_cmp);
  ga_loader_want_number (l, bo, bpath, "otherwise", FALSE, &rule->band_otherwise);
  steps = ga_loader_want_array (l, bo, bpath, "steps", TRUE);
  if (steps != NULL && ga_json_array_get_length (steps) == 0)
    {
      g_autofree char *sp = ga_field_path (bpath, "steps");
      ga_loader_problem (l, sp, "bands need at least one step");
    }
  for (guint i = 0; steps != NULL && i < ga_json_array_get_length (steps); i++)
    {
      g_autofree char *sp = ga_index_path (bpath, "steps", i);
      parse_band_step (l, ga_json_array_get_element (steps, i), sp, item, rule);
    }
}

/* "levels": {"cmp": …, "I": …, "II": …, "III": …}, the benchmarks of the
 * clean-production levels. */
static void
parse_score_levels (GaLoader          *l,
                    GaJsonNode        *so,
                    const char        *spath,
                    const GaSiteOwner *owner,
                    GaItem            *item)
{
  static const char * const levels_fields[] = { "cmp", "I", "II", "III", NULL };
  static const char * const names[] = { "I", "II", "III" };
  GaScoreRule *rule = &item->score;
  g_autofree char *lpath = ga_field_path (spath, "levels");
  GaJsonNode *lo = ga_loader_want_object (l, so, spath, "levels", TRUE);
  guint defined = 0;

  rule->method = GA_SCORE_LEVELS;
  if (lo == NULL)
    return;
  if (item->kind == GA_ITEM_CHOICE)
    {
      /* A choice takes its level from the chosen option: {"levels": {}}. */
      if (ga_json_object_get_size (lo) > 0)
        ga_loader_problem (l, lpath, "choice items take their level from the chosen "
                           "option's \"level\"; leave \"levels\" empty ({})");
      return;
    }
  ga_loader_check_fields (l, lo, lpath, levels_fields, NULL, NULL);
  parse_comparator (l, lo, lpath, "cmp", TRUE, &rule->level_cmp);
  for (guint k = 0; k < 3; k++)
    {
      GaJsonNode *bn = ga_member (lo, names[k]);
      if (bn == NULL || GA_JSON_NODE_HOLDS_NULL (bn))
        continue;
      defined++;
      rule->benchmark[k] = ga_loader_want_expr (l, lo, lpath, names[k], TRUE, owner,
                                                GA_STATIC_NUMBER, FALSE);
    }
  if (defined == 0)
    ga_loader_problem (l, lpath, "at least one of the benchmarks I, II, III is needed");
}

void
ga_loader_parse_score (GaLoader   *l,
                       GaJsonNode *obj,
                       const char *path,
                       GaItem     *item)
{
  static const char * const score_fields[] = { "formula", "interp", "bands", "levels", NULL };
  GaJsonNode *node = ga_member (obj, "score");
  g_autofree char *spath = ga_field_path (path, "score");
  GaSiteOwner owner = { GA_NODE_ITEM, item->index, 0, NULL, item };
  GaScoreRule *rule = &item->score;
  GaJsonNode *so;
  guint n_forms = 0;

  if (node == NULL)
    return;
  if (ga_node_is_string (node) || ga_node_is_number (node))
    {
      rule->method = GA_SCORE_FORMULA;
      rule->formula = ga_loader_parse_expr_node (l, node, spath);
      if (rule->formula != NULL)
        ga_loader_add_site (l, rule->formula, spath, GA_NODE_ITEM, item->index, 0, NULL, item,
                            GA_STATIC_ANY, FALSE);
      return;
    }
  if (!GA_JSON_NODE_HOLDS_OBJECT (node))
    {
      ga_loader_problem (l, spath, "expected a scoring rule object, found %s",
                         ga_node_description (node));
      return;
    }
  so = ga_json_node_get_object (node);
  ga_loader_check_fields (l, so, spath, score_fields, NULL, NULL);
  for (guint i = 0; score_fields[i] != NULL; i++)
    if (ga_member (so, score_fields[i]) != NULL)
      n_forms++;
  if (n_forms != 1)
    {
      ga_loader_problem (l, spath, "a scoring rule needs exactly one of \"formula\", \"interp\", "
                         "\"bands\" or \"levels\" (found %u)", n_forms);
      if (n_forms == 0)
        return;
    }

  if (ga_member (so, "formula") != NULL)
    {
      rule->method = GA_SCORE_FORMULA;
      rule->formula = ga_loader_want_expr (l, so, spath, "formula", TRUE, &owner, GA_STATIC_ANY,
                                           FALSE);
    }
  else if (ga_member (so, "interp") != NULL)
    parse_score_interp (l, so, spath, &owner, rule);
  else if (ga_member (so, "bands") != NULL)
    parse_score_bands (l, so, spath, item, rule);
  else if (ga_member (so, "levels") != NULL)
    parse_score_levels (l, so, spath, &owner, item);
}

/* ------------------------------------------------------------------------ */
/* Rules that tie the fields of an item together                            */

static gboolean
kind_is_numeric (GaItemKind kind)
{
  return kind == GA_ITEM_NUMBER || kind == GA_ITEM_COMPUTED || kind == GA_ITEM_POINTS
         || kind == GA_ITEM_MULTI;
}

/* The rule an item has when "score" is absent. Without points (and outside
 * veto and level rules) a yes/no or a compliance answer is an input, e.g.
 * "has a boiler". */
static void
set_default_method (GaItem   *item,
                    gboolean  has_points)
{
  GaScoreRule *rule = &item->score;

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      if (has_points || item->veto || item->weight != NULL)
        rule->method = GA_SCORE_COMPLIANCE;
      break;
    case GA_ITEM_YESNO:
      if (has_points || item->veto || item->weight != NULL)
        rule->method = GA_SCORE_YESNO;
      break;
    case GA_ITEM_CHOICE:
      if (item->weight != NULL && options_have_levels (item->options))
        rule->method = GA_SCORE_LEVELS;
      else if (options_have_points (item->options))
        rule->method = GA_SCORE_OPTIONS;
      break;
    case GA_ITEM_MULTI:
      if (options_have_points (item->options))
        rule->method = GA_SCORE_OPTIONS;
      break;
    case GA_ITEM_POINTS:
      rule->method = GA_SCORE_POINTS;
      break;
    default:
      break;
    }
}

/* A rule that compares a number needs an item with a numeric value. */
static void
check_rule_fits_kind (GaLoader   *l,
                      const char *path,
                      GaItem     *item)
{
  GaScoreRule *rule = &item->score;
  g_autofree char *spath = ga_field_path (path, "score");

  if ((rule->method == GA_SCORE_INTERP || rule->method == GA_SCORE_BANDS
       || rule->method == GA_SCORE_LEVELS) && !kind_is_numeric (item->kind))
    {
      if (!(item->kind == GA_ITEM_CHOICE && rule->method == GA_SCORE_LEVELS))
        ga_loader_problem (l, spath, "this rule compares a number, but items of kind '%s' "
                           "have no numeric value", ga_item_kind_to_string (item->kind));
    }
}

/* A choice is worth its best option, a multiple choice all its options. */
static double
options_best_points (GaItem *item)
{
  double best = 0;

  for (guint i = 0; item->options != NULL && i < item->options->len; i++)
    {
      GaOption *o = item->options->pdata[i];
      if (!isnan (o->points))
        best = item->kind == GA_ITEM_MULTI ? best + o->points : MAX (best, o->points);
    }
  return best;
}

/* A veto item is pass/fail: it needs something that can fail and nothing
 * that scores. */
static void
check_veto_rules (GaLoader   *l,
                  const char *path,
                  GaItem     *item,
                  gboolean    has_points)
{
  GaScoreRule *rule = &item->score;

  if (has_points)
    ga_loader_problem (l, path, "veto items are pass/fail and not scored; remove \"points\"");
  if (item->bonus)
    ga_loader_problem (l, path, "an item cannot be both \"veto\" and \"bonus\"");
  if (item->weight != NULL)
    ga_loader_problem (l, path, "a veto item has no weight");
  if (rule->method == GA_SCORE_INTERP || rule->method == GA_SCORE_BANDS
      || rule->method == GA_SCORE_LEVELS || rule->method == GA_SCORE_POINTS)
    ga_loader_problem (l, path, "a veto item is pass/fail: use kind compliance or yesno, a "
                       "choice with a failing option, or a score formula that is TRUE when "
                       "the requirement is met");
  else if ((rule->method == GA_SCORE_NONE
            && !(item->kind == GA_ITEM_CHOICE && options_have_fails (item->options)))
           || (rule->method == GA_SCORE_OPTIONS && item->kind == GA_ITEM_MULTI))
    ga_loader_problem (l, path, "a veto item needs something that can fail: kind compliance "
                       "or yesno, a choice with an option marked \"fails\", or a score "
                       "formula that is TRUE when the requirement is met");
  if (item->kind == GA_ITEM_CHOICE)
    {
      gboolean any_fails = FALSE;
      for (guint i = 0; item->options != NULL && i < item->options->len; i++)
        any_fails |= ((GaOption *) item->options->pdata[i])->fails;
      if (!any_fails && rule->method != GA_SCORE_FORMULA)
        ga_loader_problem (l, path, "a veto choice needs at least one option with "
                           "\"fails\": true");
    }
}

/* "weight", "limiting" and level scoring belong to clean-production
 * indicators, and go together. */
static void
check_weight_rules (GaLoader   *l,
                    const char *path,
                    GaItem     *item,
                    gboolean    cp)
{
  GaScoreRule *rule = &item->score;

  if (item->weight != NULL)
    {
      if (!cp)
        ga_loader_problem (l, path, "\"weight\" is only used by scheme clean-production");
      else if (!(rule->method == GA_SCORE_LEVELS || rule->method == GA_SCORE_COMPLIANCE
                 || rule->method == GA_SCORE_YESNO))
        ga_loader_problem (l, path, "a weighted indicator needs a level: \"score\": {\"levels\": "
                           "…} for numbers, options with \"level\" for choices, or kind "
                           "compliance/yesno");
      if (item->kind == GA_ITEM_CHOICE && rule->method == GA_SCORE_LEVELS)
        for (guint i = 0; item->options != NULL && i < item->options->len; i++)
          {
            GaOption *o = item->options->pdata[i];
            if (o->level < 0)
              ga_loader_problem (l, path, "option '%s' has no \"level\" (0 = below III)",
                                 o->id != NULL ? o->id : "?");
          }
    }
  else if (item->limiting)
    ga_loader_problem (l, path, "a limiting indicator needs a \"weight\"");
  else if (rule->method == GA_SCORE_LEVELS && item->kind != GA_ITEM_CHOICE)
    ga_loader_problem (l, path, "level scoring is for weighted clean-production indicators; "
                       "add \"weight\"");
}

/* The item's points against its rule: a scored item needs them, an
 * unscored one must not have them, and no option or band may give more. */
static void
check_points_rules (GaLoader   *l,
                    const char *path,
                    GaItem     *item,
                    gboolean    has_points)
{
  GaScoreRule *rule = &item->score;

  switch (rule->method)
    {
    case GA_SCORE_NONE:
      if (has_points)
        ga_loader_problem (l, path, "items of kind '%s' are not scored without a \"score\" rule; "
                           "remove \"points\" or add a rule", ga_item_kind_to_string (item->kind));
      if (item->bonus)
        ga_loader_problem (l, path, "a bonus item must be scored");
      item->points = NAN;
      break;
    case GA_SCORE_OPTIONS:
      for (guint i = 0; item->options != NULL && i < item->options->len; i++)
        {
          GaOption *o = item->options->pdata[i];
          if (!isnan (o->points) && o->points > item->points && item->kind == GA_ITEM_CHOICE)
            ga_loader_problem (l, path, "option '%s' gives %g points, more than the item's %g",
                               o->id != NULL ? o->id : "?", o->points, item->points);
        }
      break;
    case GA_SCORE_LEVELS:
      break;
    default:
      if (!has_points)
        ga_loader_problem (l, path, "missing required field 'points' (the item is scored)");
      break;
    }

  if (rule->method == GA_SCORE_BANDS && rule->bands != NULL && !isnan (item->points))
    for (guint i = 0; i < rule->bands->len; i++)
      {
        GaBand *band = rule->bands->pdata[i];
        if (band->points > item->points || band->points < 0)
          {
            g_autofree char *sp = g_strdup_printf ("%s.score.bands.steps[%u][1]", path, i);
            ga_loader_problem (l, sp, "%g points is outside 0 … %g (the item's points)",
                               band->points, item->points);
          }
      }
}

/* The rules that tie fields together: what is scored how, veto and bonus. */
void
ga_loader_check_item_rules (GaLoader   *l,
                            GaJsonNode *obj,
                            const char *path,
                            GaItem     *item)
{
  gboolean has_points = ga_member (obj, "points") != NULL;
  gboolean cp = l->tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION;

  if (ga_member (obj, "score") == NULL)
    set_default_method (item, has_points);
  else
    check_rule_fits_kind (l, path, item);

  if (!has_points && item->score.method == GA_SCORE_OPTIONS)
    item->points = options_best_points (item);

  if (item->veto)
    {
      check_veto_rules (l, path, item, has_points);
      item->points = NAN;
      return;
    }

  check_weight_rules (l, path, item, cp);
  if (cp && item->weight != NULL)
    {
      /* Indicators are scored by level and weight, not by points. */
      if (has_points)
        ga_loader_problem (l, path, "clean-production indicators are weighted, not scored by "
                           "points; remove \"points\"");
      item->points = NAN;
      return;
    }
  check_points_rules (l, path, item, has_points);
}
