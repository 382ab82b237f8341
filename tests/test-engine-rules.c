/* test-engine-rules.c: the item rules the engine evaluates by their shape
 * equal the formula evaluator's results, bit for bit
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine recognises the common shapes of an item's rule (a chain of
 * IF() over the item's value, a single comparison, CLAMP(), INTERP() with
 * fixed arguments) and evaluates them without the formula evaluator
 * (assessment/scoring/ga-engine-rules.c). Two checks:
 *
 * - every rule of every bundled template and of a template made here with
 *   each shape, evaluated both ways from the same value: blank, N/A, the
 *   text "N/A", "", errors, NaN and infinities (which the guard stops), the
 *   booleans, the option ids and compliance words in other cases, numbers
 *   on, just beside and 15 digits from every literal of the rule, and
 *   values far out of range, whose interpolation overflows;
 * - an engine with the shapes and one without them, over every bundled
 *   template with its known-answer cases, the demo data, and then each
 *   item of the template answered in turn with such edge values: every
 *   item, section and output result and the summary must be the same.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ga-engine.h"
#include "ga-engine-rules.h"
#include "ga-formula-private.h"
#include "ga-scheme.h"
#include "ga-store.h"
#include "ga-store-engine.h"

static gboolean
same_value (const GaValue *a,
            const GaValue *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case GA_VALUE_NUMBER:
      return memcmp (&a->u.number, &b->u.number, sizeof (double)) == 0;
    case GA_VALUE_BOOLEAN:
      return !a->u.boolean == !b->u.boolean;
    case GA_VALUE_TEXT:
      return g_strcmp0 (a->u.text, b->u.text) == 0;
    case GA_VALUE_ERROR:
      return a->u.error.code == b->u.error.code
             && g_strcmp0 (a->u.error.message, b->u.error.message) == 0;
    default:
      return TRUE;
    }
}

static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0 || (isnan (a) && isnan (b));
}

/* ------------------------------------------------------------------------ */
/* Rules evaluated both ways                                                */

typedef struct {
  guint shapes[GA_RULE_N_KINDS];    /* rules of each GaRuleKind */
  guint direct[GA_RULE_N_KINDS];    /* values each kind gave directly */
  guint values;                     /* values compared */
} Tally;

static void
add_number (GArray *values,
            double  n)
{
  GaValue v = GA_VALUE_INIT;

  ga_value_set_number (&v, n);
  g_array_append_val (values, v);
}

static void
add_text (GArray     *values,
          const char *text)
{
  GaValue v = GA_VALUE_INIT;

  ga_value_set_text (&v, text);
  g_array_append_val (values, v);
}

/* A number, its neighbours, and the numbers 15 significant digits from
 * it (which Excel's comparison takes as equal, and the next ones not). */
static void
add_around (GArray *values,
            double  n)
{
  add_number (values, n);
  add_number (values, nextafter (n, INFINITY));
  add_number (values, nextafter (n, -INFINITY));
  add_number (values, n * (1 + 4e-16));
  add_number (values, n * (1 - 4e-16));
  add_number (values, n * (1 + 1e-14));
  add_number (values, n * (1 - 1e-14));
  add_number (values, n + 0.5);
  add_number (values, n - 0.5);
  add_number (values, -n);
}

/* Every value of the list above for a rule of @shape. */
static GArray *
edge_values (const GaRuleShape *shape,
             const GaRuleTest  *tests,
             const GaItem      *item,
             const GaFormula   *rule)
{
  static const char *texts[] = {
    "", "N/A", "n/a", "yes", "YES", "partial", "Partial", "no", "No", "TRUE", "false",
    "abc", "50", " 50 ", "0", "1e3", "-", "是",
  };
  static const double numbers[] = {
    0, 1, -1, 0.1, 0.2, 0.30000000000000004, 0.5, 2, 3, 4, 5, 10, 40, 50, 60, 70, 80, 90,
    99.99999999999999, 100, 1e15, 1e300, -1e300, 1.7976931348623157e308,
    -1.7976931348623157e308, 4.9e-324, -4.9e-324,
  };
  GArray *values = g_array_new (FALSE, TRUE, sizeof (GaValue));
  GaValue v = GA_VALUE_INIT;

  g_array_set_clear_func (values, (GDestroyNotify) ga_value_clear);
  g_array_append_val (values, v);                     /* blank */
  v.kind = GA_VALUE_NA;
  g_array_append_val (values, v);
  memset (&v, 0, sizeof v);
  ga_value_set_error (&v, GA_ERROR_CODE_DIV0, "division by zero");
  g_array_append_val (values, v);
  memset (&v, 0, sizeof v);
  ga_value_set_error (&v, GA_ERROR_CODE_NONE, NULL);
  g_array_append_val (values, v);
  memset (&v, 0, sizeof v);
  ga_value_set_boolean (&v, TRUE);
  g_array_append_val (values, v);
  ga_value_set_boolean (&v, FALSE);
  g_array_append_val (values, v);
  /* What the guard stops: NaN and the infinities. */
  v.kind = GA_VALUE_NUMBER;
  v.u.number = NAN;
  g_array_append_val (values, v);
  v.u.number = INFINITY;
  g_array_append_val (values, v);
  v.u.number = -INFINITY;
  g_array_append_val (values, v);
  add_number (values, -0.0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    add_text (values, texts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    add_number (values, numbers[i]);
  for (guint i = 0; item->options != NULL && i < item->options->len; i++)
    {
      const GaOption *o = item->options->pdata[i];
      g_autofree char *upper = g_ascii_strup (o->id, -1);

      add_text (values, o->id);
      add_text (values, upper);
    }
  if (!isnan (item->points))
    add_around (values, item->points);
  for (guint i = 0; i < shape->n_tests; i++)
    {
      const GaRuleTest *t = &tests[shape->first + i];

      if (t->kind == GA_VALUE_NUMBER)
        add_around (values, t->number);
      if (t->kind == GA_VALUE_TEXT)
        {
          g_autofree char *upper = g_ascii_strup (t->text, -1);

          add_text (values, t->text);
          add_text (values, upper);
        }
    }
  /* Every number of the rule: thresholds, baselines, factors. */
  for (guint i = 0; i < rule->n_nodes; i++)
    if (rule->nodes[i].op == GA_OP_NUMBER && isfinite (rule->nodes[i].u.number))
      add_around (values, rule->nodes[i].u.number);
  return values;
}

/* The rule both ways from the values @refs of its references. */
static void
compare (GaTemplate            *tmpl,
         const GaItem          *item,
         GaFormula             *rule,
         const GaRuleShape     *shape,
         const GaRuleTest      *tests,
         const GaValue * const *refs,
         Tally                 *tally)
{
  GaValue generic = GA_VALUE_INIT, direct = GA_VALUE_INIT;

  ga_formula_evaluate_bound (rule, refs, NULL, &generic);
  tally->values++;
  if (ga_engine_rule_shape_eval (shape, tests, refs, &direct))
    {
      tally->direct[shape->kind]++;
      if (!same_value (&generic, &direct))
        {
          g_autoptr(GString) shown = g_string_new (NULL);
          g_autofree char *gs = ga_value_to_display (&generic);
          g_autofree char *ds = ga_value_to_display (&direct);

          for (guint r = 0; r < ga_formula_get_n_refs (rule); r++)
            {
              g_autofree char *xs = ga_value_to_display (refs[r]);
              g_string_append_printf (shown, "%s%s = %s (%s, %.17g)", r > 0 ? ", " : "",
                                      ga_formula_get_ref (rule, r), xs,
                                      ga_value_kind_to_string (refs[r]->kind),
                                      refs[r]->u.number);
            }
          g_error ("%s, item %s, rule %s, %s: the evaluator gives %s (%s, %.17g), the shape "
                   "%s (%s, %.17g)", ga_template_get_id (tmpl), item->id,
                   ga_formula_get_text (rule), shown->str, gs,
                   ga_value_kind_to_string (generic.kind), generic.u.number, ds,
                   ga_value_kind_to_string (direct.kind), direct.u.number);
        }
    }
  else
    /* Left to the evaluator: nothing written. */
    g_assert_cmpint (direct.kind, ==, GA_VALUE_BLANK);
  ga_value_clear (&generic);
  ga_value_clear (&direct);
}

/* The rule of @item both ways over the edge values; fails on the first
 * value the two evaluations give differently. */
static void
check_rule (GaTemplate   *tmpl,
            const GaItem *item,
            GaFormula    *rule,
            Tally        *tally)
{
  g_autoptr(GArray) tests = g_array_new (FALSE, FALSE, sizeof (GaRuleTest));
  g_autoptr(GArray) values = NULL;
  static const double bases[] = { 40, 80, 0, 50.5, 100, -1, 1e300, 0.1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (item->index + 1);
  GaRuleShape shape;
  guint n_refs;

  ga_engine_rule_shape_of (rule, &shape, tests);
  tally->shapes[shape.kind]++;
  if (shape.kind == GA_RULE_GENERIC)
    return;
  g_assert_cmpuint (tests->len, ==, shape.n_tests);
  values = edge_values (&shape, (const GaRuleTest *) (gpointer) tests->data, item, rule);
  n_refs = ga_formula_get_n_refs (rule);
  g_assert_cmpuint (n_refs, <=, G_N_ELEMENTS (bases));
  /* Each reference in turn takes every edge value while the others hold
   * one of the bases. */
  for (guint r = 0; r < n_refs; r++)
    for (guint b = 0; b < (n_refs > 1 ? G_N_ELEMENTS (bases) : 1); b++)
      for (guint i = 0; i < values->len; i++)
        {
          const GaValue *refs[G_N_ELEMENTS (bases)];
          GaValue base[G_N_ELEMENTS (bases)];

          for (guint k = 0; k < n_refs; k++)
            {
              base[k] = (GaValue) GA_VALUE_INIT;
              ga_value_set_number (&base[k], bases[(b + k) % G_N_ELEMENTS (bases)]);
              refs[k] = &base[k];
            }
          refs[r] = &g_array_index (values, GaValue, i);
          compare (tmpl, item, rule, &shape, (const GaRuleTest *) (gpointer) tests->data, refs,
                   tally);
        }
  /* And random numbers, of a few digits and of full precision, in every
   * reference at once: results between the clamps, where one rounding
   * more or less shows. */
  for (guint i = 0; i < 400; i++)
    {
      const GaValue *refs[G_N_ELEMENTS (bases)];
      GaValue random[G_N_ELEMENTS (bases)];

      for (guint k = 0; k < n_refs; k++)
        {
          double n = g_rand_double_range (rand, -5, 120);

          random[k] = (GaValue) GA_VALUE_INIT;
          ga_value_set_number (&random[k], i % 2 ? n : round (n * 100) / 100);
          refs[k] = &random[k];
        }
      compare (tmpl, item, rule, &shape, (const GaRuleTest *) (gpointer) tests->data, refs,
               tally);
    }
}

static void
check_template_rules (GaTemplate *tmpl,
                      Tally      *tally)
{
  GPtrArray *rules = ga_scheme_get_rules (tmpl);
  GPtrArray *items = ga_template_get_items (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = items->pdata[i];

      if (rules->pdata[i] != NULL)
        check_rule (tmpl, item, rules->pdata[i], tally);
      /* A table's computed columns. */
      for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
        {
          const GaColumn *column = item->columns->pdata[c];

          if (column->formula != NULL && ga_formula_get_n_refs (column->formula) > 0)
            check_rule (tmpl, item, column->formula, tally);
        }
    }
}

/* A points template with every shape and the rules beside them that keep
 * the generic evaluation: compliance, yes/no, choices, reviewer's points,
 * bands both ways, interpolation with and without a direction (and with a
 * baseline equal to the leading value), veto items, a score formula, and
 * an interpolation whose baseline is another item. */
static const char shapes_template[] =
  "{\"format\": 1, \"id\": \"rule-shapes\", \"version\": \"1.0.0\", \"kind\": \"custom\","
  " \"title\": \"Rule shapes\", \"standard\": {\"code\": \"TEST-RULES\"}, \"source\": \"made up\","
  " \"scoring\": {\"scheme\": \"points\"}, \"sections\": [{\"id\": \"S\", \"title\": \"S\", \"items\": ["
  "{\"id\": \"C1\", \"kind\": \"compliance\", \"title\": \"c\", \"source\": \"t\", \"points\": 4,"
  " \"partial_factor\": 0.6},"
  "{\"id\": \"C2\", \"kind\": \"compliance\", \"title\": \"c\", \"source\": \"t\", \"points\": 0.1,"
  " \"partial_factor\": 0.3},"
  "{\"id\": \"Y1\", \"kind\": \"yesno\", \"title\": \"y\", \"source\": \"t\", \"points\": 2},"
  "{\"id\": \"H1\", \"kind\": \"choice\", \"title\": \"h\", \"source\": \"t\", \"points\": 4,"
  " \"options\": [{\"id\": \"a\", \"label\": \"A\", \"points\": 4}, {\"id\": \"B\", \"label\": \"B\","
  " \"points\": 2.5}, {\"id\": \"c\", \"label\": \"C\", \"points\": 3.5}, {\"id\": \"d\", \"label\": \"D\"}]},"
  "{\"id\": \"P1\", \"kind\": \"points\", \"title\": \"p\", \"source\": \"t\", \"points\": 5},"
  "{\"id\": \"P2\", \"kind\": \"points\", \"title\": \"p\", \"source\": \"t\", \"points\": 0.3},"
  "{\"id\": \"N1\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 5,"
  " \"score\": {\"bands\": {\"cmp\": \">=\", \"steps\": [[90, 5], [70, 3], [50.5, 1]], \"otherwise\": 0}}},"
  "{\"id\": \"N2\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 3,"
  " \"score\": {\"bands\": {\"cmp\": \"<\", \"steps\": [[0.1, 3], [0.3, 2], [1e6, 1]], \"otherwise\": 0.5}}},"
  "{\"id\": \"N3\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 5,"
  " \"score\": {\"interp\": {\"baseline\": 40, \"leading\": 80}}},"
  "{\"id\": \"N4\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 7,"
  " \"score\": {\"interp\": {\"baseline\": 60, \"leading\": 0.1, \"better\": \"lower\"}}},"
  "{\"id\": \"N5\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 2,"
  " \"score\": {\"interp\": {\"baseline\": 30, \"leading\": 30, \"better\": \"higher\"}}},"
  "{\"id\": \"N6\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 5,"
  " \"score\": {\"interp\": {\"baseline\": 1.7e308, \"leading\": 0}}},"
  "{\"id\": \"N7\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 5,"
  " \"score\": {\"interp\": {\"baseline\": \"N3*0.5\", \"leading\": 100}}},"
  "{\"id\": \"N8\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 3,"
  " \"score\": {\"formula\": \"IF(N8>=50, 3, ROUND(N8/50*3, 1))\"}},"
  "{\"id\": \"N9\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 4,"
  " \"score\": {\"formula\": \"N3/(N1-50)\"}},"
  "{\"id\": \"N10\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 5,"
  " \"score\": {\"interp\": {\"baseline\": 60, \"leading\": \"N3*0.4+10\", \"better\": \"lower\"}}},"
  "{\"id\": \"N11\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"t\", \"points\": 200,"
  " \"score\": {\"formula\": \"-N11%+N3-(+N1)\"}},"
  "{\"id\": \"V1\", \"kind\": \"yesno\", \"title\": \"v\", \"source\": \"t\", \"veto\": true},"
  "{\"id\": \"V2\", \"kind\": \"compliance\", \"title\": \"v\", \"source\": \"t\", \"veto\": true},"
  "{\"id\": \"V3\", \"kind\": \"choice\", \"title\": \"v\", \"source\": \"t\", \"veto\": true,"
  " \"options\": [{\"id\": \"ok\", \"label\": \"OK\"}, {\"id\": \"bad\", \"label\": \"Bad\", \"fails\": true}],"
  " \"score\": {\"formula\": \"V3<>\\\"bad\\\"\"}},"
  "{\"id\": \"B1\", \"kind\": \"yesno\", \"title\": \"b\", \"source\": \"t\", \"points\": 1, \"bonus\": true},"
  "{\"id\": \"T1\", \"kind\": \"table\", \"title\": \"t\", \"source\": \"t\", \"columns\": ["
  "{\"id\": \"T1_qty\", \"kind\": \"number\", \"title\": \"q\"},"
  "{\"id\": \"T1_f\", \"kind\": \"number\", \"title\": \"f\"},"
  "{\"id\": \"T1_tce\", \"kind\": \"computed\", \"title\": \"t\", \"value\": \"T1_qty*T1_f/1000\"},"
  "{\"id\": \"T1_pct\", \"kind\": \"computed\", \"title\": \"p\", \"value\": \"T1_qty/(T1_f-N1)%\"},"
  "{\"id\": \"T1_big\", \"kind\": \"computed\", \"title\": \"b\", \"value\": \"IF(T1_qty>=50,1,0)\"}]}"
  "]}]}";

static GaTemplate *
load_shapes_template (void)
{
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_data (shapes_template, sizeof shapes_template - 1,
                                                "rule-shapes", &error);

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  return tmpl;
}

static void
test_rules_both_ways (void)
{
  g_auto(GStrv) ids = ga_template_list_bundled ();
  g_autoptr(GaTemplate) shapes = load_shapes_template ();
  Tally tally = { { 0 } };

  check_template_rules (shapes, &tally);
  /* The template made here has each shape (V3's veto formula is a test,
   * T1's computed columns are arithmetic and a chain) and one rule without
   * one (N8's score formula rounds). */
  g_assert_cmpuint (tally.shapes[GA_RULE_CHAIN], ==, 8);
  g_assert_cmpuint (tally.shapes[GA_RULE_TEST], ==, 3);
  g_assert_cmpuint (tally.shapes[GA_RULE_CLAMP], ==, 2);
  g_assert_cmpuint (tally.shapes[GA_RULE_INTERP], ==, 6);
  g_assert_cmpuint (tally.shapes[GA_RULE_POINTS], ==, 2);
  g_assert_cmpuint (tally.shapes[GA_RULE_NUMBER], ==, 2);
  g_assert_cmpuint (tally.shapes[GA_RULE_GENERIC], ==, 1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (ids[i], &error);

      g_assert_no_error (error);
      check_template_rules (tmpl, &tally);
    }
  g_test_message ("rules and columns: %u generic, %u chains, %u tests, %u clamps, "
                  "%u interpolations, %u points, %u arithmetic; %u values compared",
                  tally.shapes[0], tally.shapes[1], tally.shapes[2], tally.shapes[3],
                  tally.shapes[4], tally.shapes[5], tally.shapes[6], tally.values);
  /* Every kind gave values directly: the comparison is not empty. */
  for (guint k = GA_RULE_CHAIN; k < GA_RULE_N_KINDS; k++)
    g_assert_cmpuint (tally.direct[k], >, 20);
}

/* ------------------------------------------------------------------------ */
/* Engines with and without the shapes                                      */

static GaEngine *
engine_without_shapes (GaTemplate  *tmpl,
                       GaAnswerSet *answers)
{
  GaEngine *engine;

  ga_engine_use_rule_shapes (FALSE);
  engine = ga_engine_new (tmpl);
  ga_engine_use_rule_shapes (TRUE);
  if (answers != NULL)
    ga_engine_set_answers (engine, answers);
  return engine;
}

static void
assert_same_result (const char     *what,
                    const char     *id,
                    const GaResult *a,
                    const GaResult *b)
{
  if (!same_value (&a->value, &b->value) || !same_double (a->score, b->score)
      || !same_double (a->max, b->max) || a->status != b->status || a->level != b->level
      || a->veto_failed != b->veto_failed || a->noncompliant != b->noncompliant
      || a->answered != b->answered || a->total != b->total
      || !same_double (a->weight, b->weight))
    g_error ("%s %s: with the shapes score %.17g max %.17g status %s level %d, without "
             "them score %.17g max %.17g status %s level %d", what, id, a->score, a->max,
             ga_status_to_string (a->status), a->level, b->score, b->max,
             ga_status_to_string (b->status), b->level);
}

/* Every result of @a equals @b's; @when says after what. */
static void
assert_same_engines (GaTemplate *tmpl,
                     GaEngine   *a,
                     GaEngine   *b,
                     const char *when,
                     gboolean    full)
{
  GPtrArray *items = ga_template_get_items (tmpl);
  GPtrArray *sections = ga_template_get_sections (tmpl);
  const GaSummary *sa, *sb;

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = items->pdata[i];
      g_autofree char *ea = ga_engine_explain (a, item->id);
      g_autofree char *eb = ga_engine_explain (b, item->id);

      assert_same_result (when, item->id, ga_engine_get_item_result (a, item),
                          ga_engine_get_item_result (b, item));
      /* The explanation shows the problem that stopped the scoring. */
      g_assert_cmpstr (ea, ==, eb);
    }
  for (guint s = 0; s < sections->len; s++)
    {
      const GaSection *section = sections->pdata[s];

      assert_same_result (when, section->id, ga_engine_get_section_result (a, section),
                          ga_engine_get_section_result (b, section));
    }
  /* Everything the results JSON holds: the tables' cells, the outputs,
   * the problems (with @full: it is slow to write after every answer). */
  if (full)
    {
      g_autoptr(JsonNode) ja = ga_engine_results_to_json (a);
      g_autoptr(JsonNode) jb = ga_engine_results_to_json (b);
      g_autofree char *ta = json_to_string (ja, FALSE);
      g_autofree char *tb = json_to_string (jb, FALSE);

      if (g_strcmp0 (ta, tb) != 0)
        g_error ("%s, %s: the results JSON differs", ga_template_get_id (tmpl), when);
    }
  sa = ga_engine_get_summary (a);
  sb = ga_engine_get_summary (b);
  /* The failed veto items the summary lists (kept from one answer to the
   * next) are those whose results say so, in the template's order. */
  if (sa->veto == GA_VETO_FAIL)
    {
      guint n = 0;

      for (guint i = 0; i < items->len; i++)
        {
          const GaItem *item = items->pdata[i];
          const GaResult *r = ga_engine_get_item_result (a, item);

          if (!item->veto || !r->veto_failed || r->status == GA_STATUS_NA)
            continue;
          if (n >= sa->veto_failures->len || sa->veto_failures->pdata[n] != item)
            g_error ("%s, %s: veto item %s failed but is not listed in its place",
                     ga_template_get_id (tmpl), when, item->id);
          n++;
        }
      g_assert_cmpuint (n, ==, sa->veto_failures->len);
    }
  else
    g_assert_cmpuint (sa->veto_failures->len, ==, 0);
  if (!same_double (sa->score, sb->score) || !same_double (sa->max, sb->max)
      || sa->status != sb->status || sa->veto != sb->veto || sa->passed != sb->passed
      || sa->grade != sb->grade)
    g_error ("%s, %s: summaries differ: %.17g/%.17g against %.17g/%.17g",
             ga_template_get_id (tmpl), when, sa->score, sa->max, sb->score, sb->max);
}

/* Answers an item is given in turn: as typed, so each is checked as the
 * application checks it (refused ones are skipped). */
static const char * const typed[] = {
  "na:test", "yes", "partial", "no", "true", "false", "0", "-1", "0.1", "1", "2", "2.5",
  "3", "4", "5", "10", "30", "40", "49.99999999999999", "50", "50.5", "60", "70", "80",
  "89.99999999999999", "90", "100", "1e15", "1e300", "-1e300", "abc",
};

/* Each item with a rule answered in turn with the values above, then its
 * option ids, then no answer, then its answer in @answers again, on both
 * engines. */
static void
walk_items (GaTemplate  *tmpl,
            GaAnswerSet *answers,
            GaEngine    *a,
            GaEngine    *b)
{
  static const char restore[] = "(as before)";
  GPtrArray *items = ga_template_get_items (tmpl);
  GPtrArray *rules = ga_scheme_get_rules (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = items->pdata[i];
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      if (rules->pdata[i] == NULL || item->kind == GA_ITEM_TABLE || item->kind == GA_ITEM_COMPUTED)
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
        g_ptr_array_add (texts, (gpointer) typed[t]);
      for (guint o = 0; item->options != NULL && o < item->options->len; o++)
        g_ptr_array_add (texts, ((GaOption *) item->options->pdata[o])->id);
      g_ptr_array_add (texts, NULL);   /* no answer */
      g_ptr_array_add (texts, (gpointer) restore);   /* the answer it had */
      for (guint t = 0; t < texts->len; t++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GaAnswer) answer = NULL;
          g_autoptr(GaAnswer) copy = NULL;
          g_autofree char *when = NULL;

          if (texts->pdata[t] == restore)
            {
              const GaAnswer *had = answers != NULL ? ga_answer_set_get (answers, item->id)
                                                    : NULL;
              answer = had != NULL ? ga_answer_copy (had) : NULL;
              copy = had != NULL ? ga_answer_copy (had) : NULL;
            }
          else if (texts->pdata[t] != NULL)
            {
              answer = ga_answer_parse_text (texts->pdata[t], item, &error);
              if (answer == NULL)
                continue;
              copy = ga_answer_copy (answer);
            }
          /* The engine keeps a copy of what it is given. */
          g_assert_true (ga_engine_set_answer (a, item->id, answer, NULL));
          g_assert_true (ga_engine_set_answer (b, item->id, copy, NULL));
          when = g_strdup_printf ("%s after %s = %s", ga_template_get_id (tmpl), item->id,
                                  texts->pdata[t] == restore ? "(as before)"
                                  : texts->pdata[t] != NULL ? (char *) texts->pdata[t] : "(none)");
          assert_same_engines (tmpl, a, b, when, texts->pdata[t] == restore);
        }
    }
}

static void
compare_engines (GaTemplate  *tmpl,
                 GaAnswerSet *answers,
                 gboolean     walk)
{
  g_autoptr(GaEngine) a = ga_engine_new (tmpl);
  g_autoptr(GaEngine) b = engine_without_shapes (tmpl, answers);

  if (answers != NULL)
    ga_engine_set_answers (a, answers);
  assert_same_engines (tmpl, a, b, "the answers set", TRUE);
  if (walk)
    walk_items (tmpl, answers, a, b);
}

static void
test_engines_bundled (void)
{
  g_auto(GStrv) ids = ga_template_list_bundled ();
  g_autoptr(GaTemplate) shapes = load_shapes_template ();

  compare_engines (shapes, NULL, TRUE);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (ids[i], &error);
      g_autofree char *dir = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "templates",
                                               ids[i], NULL);
      g_autoptr(GDir) cases = g_dir_open (dir, 0, NULL);
      const char *name;
      gboolean walked = FALSE;

      g_assert_no_error (error);
      /* The known-answer cases: each alone, and the first with every
       * item walked through the edge values from there. */
      while (cases != NULL && (name = g_dir_read_name (cases)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autoptr(GaAnswerSet) answers = NULL;

          if (!g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".expected.json"))
            continue;
          path = g_build_filename (dir, name, NULL);
          answers = ga_answer_set_new_from_file (path, tmpl, &error);
          g_assert_no_error (error);
          compare_engines (tmpl, answers, !walked);
          walked = TRUE;
        }
      if (!walked)
        compare_engines (tmpl, NULL, TRUE);
    }
}

/* The demo data: every assessment of the demo enterprise. */
static void
test_engines_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-rules-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaEnterprise) demo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDir) left = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);
  demo = ga_store_find_enterprise (store, GA_STORE_DEMO_CREDIT_CODE, &error);
  g_assert_nonnull (demo);
  list = ga_store_list_assessments (store, demo->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >, 0);
  for (guint i = 0; i < list->len; i++)
    {
      const GaAssessment *as = list->pdata[i];
      g_autoptr(GaTemplate) tmpl = ga_store_load_template (store, as->id, &error);
      g_autoptr(GaAnswerSet) answers = NULL;

      g_assert_no_error (error);
      answers = ga_store_load_answer_set (store, as->id, tmpl, &error);
      g_assert_no_error (error);
      compare_engines (tmpl, answers, FALSE);
    }
  g_clear_object (&store);
  left = g_dir_open (dir, 0, NULL);
  while (left != NULL && (name = g_dir_read_name (left)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/engine-rules/both-ways", test_rules_both_ways);
  g_test_add_func ("/ga/engine-rules/engines/bundled", test_engines_bundled);
  g_test_add_func ("/ga/engine-rules/engines/demo", test_engines_demo);
  return g_test_run ();
}
