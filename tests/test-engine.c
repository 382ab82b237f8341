/* test-engine.c: every scoring construct against a hand calculation, and the
 * incremental-update property
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates are tests/fixtures/engine/points-all.json (points scheme)
 * and cp-all.json (clean production). Their numbers are made up for the
 * tests. Each known-answer test states its hand calculation.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine.h"

#define EPS 1e-9

static GaTemplate *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "engine", name,
                                            NULL);
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  return tmpl;
}

static GaEngine *
new_engine (const char *fixture)
{
  g_autoptr(GaTemplate) tmpl = load_fixture (fixture);
  return ga_engine_new (tmpl);
}

/* Sets @id to the answer written as JSON. */
static void
answer (GaEngine   *engine,
        const char *id,
        const char *json)
{
  GaItem *item = ga_template_find_item (ga_engine_get_template (engine), id);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GaAnswer) a = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (item);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  a = ga_answer_from_json (node, item, &error);
  g_assert_no_error (error);
  g_assert_true (ga_engine_set_answer (engine, id, a, &error));
  g_assert_no_error (error);
}

static void
clear (GaEngine   *engine,
       const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_engine_set_answer (engine, id, NULL, &error));
  g_assert_no_error (error);
}

static const GaResult *
result (GaEngine   *engine,
        const char *id)
{
  const GaResult *r = ga_engine_lookup (engine, id);

  g_assert_nonnull (r);
  return r;
}

#define assert_score(engine, id, s, m) G_STMT_START { \
    const GaResult *r_ = result ((engine), (id)); \
    g_assert_cmpfloat_with_epsilon (r_->score, (s), EPS); \
    g_assert_cmpfloat_with_epsilon (r_->max, (m), EPS); \
  } G_STMT_END

#define assert_status(engine, id, st) \
  g_assert_cmpstr (ga_status_to_string (result ((engine), (id))->status), ==, \
                   ga_status_to_string (st))

/* ------------------------------------------------------------------------ */
/* Exactness: incremental results equal a fresh full evaluation             */

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || memcmp (&a, &b, sizeof a) == 0;
}

static void
assert_same_result (const GaResult *a,
                    const GaResult *b,
                    const char     *what)
{
  if (!ga_value_equal (&a->value, &b->value) || !same_double (a->score, b->score)
      || !same_double (a->max, b->max) || a->status != b->status || a->level != b->level
      || !same_double (a->weight, b->weight) || a->veto_failed != b->veto_failed
      || a->noncompliant != b->noncompliant || a->answered != b->answered
      || a->total != b->total || a->unverified != b->unverified)
    {
      g_autofree char *va = ga_value_to_display (&a->value);
      g_autofree char *vb = ga_value_to_display (&b->value);
      g_error ("%s differs: incremental value %s score %.17g max %.17g status %d level %d "
               "weight %.17g veto %d nc %d %u/%u; fresh value %s score %.17g max %.17g status %d "
               "level %d weight %.17g veto %d nc %d %u/%u", what, va, a->score, a->max, a->status,
               a->level, a->weight, a->veto_failed, a->noncompliant, a->answered, a->total, vb,
               b->score, b->max, b->status, b->level, b->weight, b->veto_failed,
               b->noncompliant, b->answered, b->total);
    }
}

/* Every result, cell, explanation and the summary of @engine equal
 * @fresh's. */
static void
assert_same_engine (GaEngine *engine,
                    GaEngine *fresh)
{
  GaTemplate *tmpl = ga_engine_get_template (engine);
  const GaSummary *a, *b;
  GPtrArray *items = ga_template_get_items (tmpl);
  GPtrArray *sections = ga_template_get_sections (tmpl);
  GPtrArray *outputs = ga_template_get_outputs (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      assert_same_result (ga_engine_get_item_result (engine, item),
                          ga_engine_get_item_result (fresh, item), item->id);
      if (item->kind == GA_ITEM_TABLE)
        {
          guint n = ga_engine_get_n_rows (engine, item);
          g_assert_cmpuint (n, ==, ga_engine_get_n_rows (fresh, item));
          for (guint r = 0; r < n; r++)
            for (guint c = 0; c < item->columns->len; c++)
              g_assert_true (ga_value_equal (ga_engine_get_cell (engine, item, r, c),
                                             ga_engine_get_cell (fresh, item, r, c)));
        }
    }
  for (guint s = 0; s < sections->len; s++)
    {
      GaSection *section = sections->pdata[s];
      assert_same_result (ga_engine_get_section_result (engine, section),
                          ga_engine_get_section_result (fresh, section), section->id);
    }
  for (guint o = 0; o < outputs->len; o++)
    {
      GaOutput *output = outputs->pdata[o];
      g_autofree char *ta = ga_engine_explain (engine, output->id);
      g_autofree char *tb = ga_engine_explain (fresh, output->id);
      assert_same_result (ga_engine_get_output_result (engine, output),
                          ga_engine_get_output_result (fresh, output), output->id);
      g_assert_cmpstr (ta, ==, tb);
    }
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      g_autofree char *ta = ga_engine_explain (engine, item->id);
      g_autofree char *tb = ga_engine_explain (fresh, item->id);
      g_assert_cmpstr (ta, ==, tb);
    }
  a = ga_engine_get_summary (engine);
  b = ga_engine_get_summary (fresh);
  g_assert_true (same_double (a->score, b->score));
  g_assert_true (same_double (a->max, b->max));
  g_assert_true (same_double (a->bonus, b->bonus));
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpint (a->veto, ==, b->veto);
  g_assert_cmpuint (a->veto_failures->len, ==, b->veto_failures->len);
  for (guint i = 0; i < a->veto_failures->len; i++)
    g_assert_true (a->veto_failures->pdata[i] == b->veto_failures->pdata[i]);
  g_assert_true (a->grade == b->grade);
  g_assert_cmpint (a->passed, ==, b->passed);
  for (guint k = 0; k < 3; k++)
    g_assert_true (same_double (a->index[k], b->index[k]));
  g_assert_cmpint (a->level, ==, b->level);
  g_assert_cmpuint (a->answered, ==, b->answered);
  g_assert_cmpuint (a->total, ==, b->total);
}

/* @engine, brought here by single updates, equals an engine given all its
 * answers at once: set after it was made, and made with them (evaluated
 * once, as the store opens an assessment). */
static void
assert_matches_fresh (GaEngine *engine)
{
  GaTemplate *tmpl = ga_engine_get_template (engine);
  g_autoptr(GaEngine) fresh = ga_engine_new (tmpl);
  g_autoptr(GaEngine) made_with = ga_engine_new_with_answers (tmpl,
                                                              ga_engine_get_answers (engine));

  ga_engine_set_answers (fresh, ga_engine_get_answers (engine));
  assert_same_engine (engine, fresh);
  assert_same_engine (engine, made_with);
}

/* ------------------------------------------------------------------------ */
/* Points scheme                                                            */

static void
test_interp (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");

  /* UP: baseline 0.80, leading 0.90, 10 points; higher is better.
   *   0.85: (0.85 − 0.80) / (0.90 − 0.80) = 0.5 -> 5
   *   0.80 (at the baseline) -> 0;  0.70 (beyond it) -> clamp(−1) = 0
   *   0.90 (at the leading value) -> 10;  0.95 (beyond it) -> clamp(1.5) = 10 */
  answer (e, "UP", "0.85");
  assert_score (e, "UP", 5, 10);
  assert_status (e, "UP", GA_STATUS_COMPLETE);
  g_assert_true (result (e, "UP")->noncompliant);
  answer (e, "UP", "0.8");
  assert_score (e, "UP", 0, 10);
  answer (e, "UP", "0.7");
  assert_score (e, "UP", 0, 10);
  answer (e, "UP", "0.9");
  assert_score (e, "UP", 10, 10);
  g_assert_false (result (e, "UP")->noncompliant);
  answer (e, "UP", "0.95");
  assert_score (e, "UP", 10, 10);

  /* DOWN: baseline 400, leading 200, 10 points; lower is better.
   *   300: (300 − 400) / (200 − 400) = 0.5 -> 5
   *   400 -> 0; 450: (50 / −200) = −0.25 -> 0; 200 -> 10; 150: 1.25 -> 10 */
  answer (e, "DOWN", "300");
  assert_score (e, "DOWN", 5, 10);
  answer (e, "DOWN", "400");
  assert_score (e, "DOWN", 0, 10);
  answer (e, "DOWN", "450");
  assert_score (e, "DOWN", 0, 10);
  answer (e, "DOWN", "200");
  assert_score (e, "DOWN", 10, 10);
  answer (e, "DOWN", "150");
  assert_score (e, "DOWN", 10, 10);

  /* DYN: baseline NMET, leading NMET + 10, 5 points. With NMET blank the
   * benchmarks are unknown: incomplete, 0 of 5. NMET = 2: (7 − 2) / 10 = 0.5
   * -> 2.5. */
  answer (e, "DYN", "7");
  assert_status (e, "DYN", GA_STATUS_INCOMPLETE);
  assert_score (e, "DYN", 0, 5);
  answer (e, "NMET", "2");
  assert_score (e, "DYN", 2.5, 5);
  assert_status (e, "DYN", GA_STATUS_COMPLETE);
  assert_matches_fresh (e);
}

static void
test_bands (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");

  /* BAND: >= 0.9 -> 5, >= 0.8 -> 3, otherwise 0. At a threshold the step is met. */
  answer (e, "BAND", "0.95");
  assert_score (e, "BAND", 5, 5);
  answer (e, "BAND", "0.9");
  assert_score (e, "BAND", 5, 5);
  answer (e, "BAND", "0.85");
  assert_score (e, "BAND", 3, 5);
  answer (e, "BAND", "0.8");
  assert_score (e, "BAND", 3, 5);
  answer (e, "BAND", "0.5");
  assert_score (e, "BAND", 0, 5);

  /* BANDLE: <= 10 -> 5, <= NMET*10 -> 2, otherwise 0 (default). NMET = 3: 30. */
  answer (e, "NMET", "3");
  answer (e, "BANDLE", "10");
  assert_score (e, "BANDLE", 5, 5);
  answer (e, "BANDLE", "25");
  assert_score (e, "BANDLE", 2, 5);
  answer (e, "BANDLE", "31");
  assert_score (e, "BANDLE", 0, 5);
  /* The threshold follows NMET: NMET = 4 -> 40, so 31 is within. */
  answer (e, "NMET", "4");
  assert_score (e, "BANDLE", 2, 5);
  assert_matches_fresh (e);
}

static void
test_formula_score (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");

  /* F1: score F1 * 2, clamped to [0, 5]: 2 -> 4; 10 -> 20 -> 5; −3 -> −6 -> 0. */
  answer (e, "F1", "2");
  assert_score (e, "F1", 4, 5);
  answer (e, "F1", "10");
  assert_score (e, "F1", 5, 5);
  answer (e, "F1", "-3");
  assert_score (e, "F1", 0, 5);
}

static void
test_compliance_and_options (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  const GaResult *r;

  /* C1: 10 points, partial factor 0.4: yes 10, partial 4, no 0. */
  answer (e, "C1", "\"yes\"");
  assert_score (e, "C1", 10, 10);
  answer (e, "C1", "\"partial\"");
  assert_score (e, "C1", 4, 10);
  g_assert_true (result (e, "C1")->noncompliant);
  answer (e, "C1", "\"no\"");
  assert_score (e, "C1", 0, 10);
  /* W1 has the default factor 0.5: 10 × 0.5 = 5 (S3 needs HAS_WW). */
  answer (e, "HAS_WW", "true");
  answer (e, "W1", "\"partial\"");
  assert_score (e, "W1", 5, 10);

  /* Y1: 5 if yes. */
  answer (e, "Y1", "true");
  assert_score (e, "Y1", 5, 5);
  answer (e, "Y1", "false");
  assert_score (e, "Y1", 0, 5);

  /* CH: the option's points: b -> 2. */
  answer (e, "CH", "\"b\"");
  assert_score (e, "CH", 2, 5);

  /* M1: value = number chosen; points = sum of the options clamped to 5:
   * [x, z] -> 1 + 3 = 4; [x, y, z] -> 6 -> 5. */
  answer (e, "M1", "[\"x\", \"z\"]");
  r = result (e, "M1");
  g_assert_cmpint (r->value.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (r->value.u.number, ==, 2);
  assert_score (e, "M1", 4, 5);
  answer (e, "M1", "[\"x\", \"y\", \"z\"]");
  assert_score (e, "M1", 5, 5);
  answer (e, "M1", "[]");
  assert_score (e, "M1", 0, 5);
  g_assert_cmpfloat (result (e, "M1")->value.u.number, ==, 0);

  /* P1: the reviewer's points. */
  answer (e, "P1", "3.5");
  assert_score (e, "P1", 3.5, 5);
  assert_matches_fresh (e);
}

static void
test_veto (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  const GaSummary *s = ga_engine_get_summary (e);

  /* Nothing answered: pending. */
  g_assert_cmpint (s->veto, ==, GA_VETO_PENDING);
  g_assert_false (s->passed);
  answer (e, "V1", "true");
  answer (e, "V2", "\"yes\"");
  g_assert_cmpint (s->veto, ==, GA_VETO_PENDING);   /* V3 still open */
  /* V3: the formula V3 <= 100 must hold. */
  answer (e, "V3", "80");
  g_assert_cmpint (s->veto, ==, GA_VETO_PASS);
  g_assert_false (result (e, "V3")->veto_failed);
  g_assert_true (isnan (result (e, "V1")->score));   /* veto items are not scored */

  /* A partial answer does not meet a veto requirement. */
  answer (e, "V2", "\"partial\"");
  g_assert_cmpint (s->veto, ==, GA_VETO_FAIL);
  g_assert_true (result (e, "V2")->veto_failed);
  g_assert_cmpuint (s->veto_failures->len, ==, 1);
  g_assert_cmpstr (((GaItem *) s->veto_failures->pdata[0])->id, ==, "V2");
  answer (e, "V3", "120");
  g_assert_cmpuint (s->veto_failures->len, ==, 2);
  g_assert_cmpstr (((GaItem *) s->veto_failures->pdata[1])->id, ==, "V3");
  g_assert_null (s->grade);
  g_assert_false (s->passed);
  /* Failing wins over pending. */
  clear (e, "V1");
  g_assert_cmpint (s->veto, ==, GA_VETO_FAIL);
  answer (e, "V1", "true");
  answer (e, "V2", "\"yes\"");
  answer (e, "V3", "100");   /* exactly at the limit: met */
  g_assert_cmpint (s->veto, ==, GA_VETO_PASS);
  g_assert_cmpuint (s->veto_failures->len, ==, 0);
  assert_matches_fresh (e);
}

/* Answers every scored item at full marks, as a base for the policy tests. */
static void
answer_full (GaEngine *e)
{
  answer (e, "V1", "true");
  answer (e, "V2", "\"yes\"");
  answer (e, "V3", "10");
  answer (e, "HAS_WW", "true");
  answer (e, "NMET", "1");
  answer (e, "UP", "0.9");
  answer (e, "DOWN", "200");
  answer (e, "BAND", "1");
  answer (e, "BANDLE", "1");
  answer (e, "F1", "3");
  answer (e, "DYN", "20");
  answer (e, "C1", "\"yes\"");
  answer (e, "Y1", "true");
  answer (e, "CH", "\"a\"");
  answer (e, "M1", "[\"y\", \"z\"]");
  answer (e, "P1", "5");
  answer (e, "W1", "\"yes\"");
  answer (e, "W2", "true");
  answer (e, "W3", "\"yes\"");
  answer (e, "E", "[{\"carrier\": \"a\", \"qty\": 100}]");
  answer (e, "B1", "false");
  answer (e, "B2", "false");
}

static void
test_na_policies (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  const GaSummary *s = ga_engine_get_summary (e);

  answer_full (e);
  /* Everything met: 100 of 100, grade A, passed. */
  g_assert_cmpfloat_with_epsilon (s->score, 100, EPS);
  g_assert_cmpfloat_with_epsilon (s->max, 100, EPS);
  g_assert_cmpint (s->status, ==, GA_STATUS_COMPLETE);
  g_assert_cmpstr (s->grade->id, ==, "A");
  g_assert_true (s->passed);

  /* exclude (S1, the template's policy): UP answered N/A leaves 10 points
   * out of the maximum: S1 30 of 30. */
  answer (e, "UP", "{\"na\": \"no such product\"}");
  assert_score (e, "UP", 0, 0);
  assert_status (e, "UP", GA_STATUS_NA);
  assert_score (e, "S1", 30, 30);
  g_assert_cmpfloat_with_epsilon (s->max, 90, EPS);

  /* renormalise (S2): C1 yes 10, Y1 N/A (5), CH a 5, M1 [x, y] 3, P1 4:
   * earned 22 of the applicable 25; scaled to the full 30: 22 × 30 / 25 = 26.4. */
  answer (e, "Y1", "{\"na\": \"not metered\"}");
  answer (e, "M1", "[\"x\", \"y\"]");
  answer (e, "P1", "4");
  assert_score (e, "S2", 26.4, 30);
  assert_score (e, "Y1", 0, 0);

  /* award (S3): W1 yes 10; W2 N/A by its condition NMET > 0 (NMET = 0)
   * -> awarded 4; S3a: W3 partial 3 of 6. S3 = 10 + 4 + 3 = 17 of 20. */
  answer (e, "NMET", "0");
  answer (e, "W3", "\"partial\"");
  assert_status (e, "W2", GA_STATUS_NA);
  assert_score (e, "W2", 4, 4);
  assert_score (e, "S3a", 3, 6);
  assert_score (e, "S3", 17, 20);
  assert_matches_fresh (e);
}

static void
test_cascade (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  const GaSummary *s = ga_engine_get_summary (e);

  answer_full (e);
  /* HAS_WW blank: whether S3 applies is unknown, so everything below is
   * incomplete; scores still count what was answered. */
  clear (e, "HAS_WW");
  assert_status (e, "W1", GA_STATUS_INCOMPLETE);
  assert_status (e, "W3", GA_STATUS_INCOMPLETE);
  assert_status (e, "S3", GA_STATUS_INCOMPLETE);
  assert_status (e, "S3a", GA_STATUS_INCOMPLETE);
  g_assert_cmpint (s->status, ==, GA_STATUS_INCOMPLETE);

  /* HAS_WW false: S3 and S3a are N/A, and so is every item below, answered
   * or not. S3's 20 points leave the maximum (the template's policy
   * "exclude" decides for a whole section): 80 of 80. */
  answer (e, "HAS_WW", "false");
  assert_status (e, "S3", GA_STATUS_NA);
  assert_status (e, "S3a", GA_STATUS_NA);
  assert_status (e, "W1", GA_STATUS_NA);
  assert_status (e, "W3", GA_STATUS_NA);
  assert_score (e, "W1", 0, 0);
  assert_score (e, "S3", 0, 0);
  g_assert_cmpint (result (e, "W1")->value.kind, ==, GA_VALUE_NA);
  g_assert_cmpuint (result (e, "W1")->total, ==, 0);
  g_assert_cmpfloat_with_epsilon (s->score, 80, EPS);
  g_assert_cmpfloat_with_epsilon (s->max, 80, EPS);
  g_assert_cmpint (s->status, ==, GA_STATUS_COMPLETE);
  assert_matches_fresh (e);

  /* HAS_WW may not be answered N/A (na_allowed false). */
  {
    GaItem *item = ga_template_find_item (ga_engine_get_template (e), "HAS_WW");
    g_autoptr(JsonNode) node = json_from_string ("{\"na\": \"x\"}", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GaAnswer) a = ga_answer_from_json (node, item, &error);
    g_assert_null (a);
    g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  }
}

static void
test_table (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  GaItem *table = ga_template_find_item (ga_engine_get_template (e), "E");
  const GaResult *o1;

  /* Rows: a × 100 and b × 30. f = FACTOR("fuel", carrier, "f") = 0.5 and 2;
   * tce = qty × f = 50 and 60; SUM(E.tce) = 110; share = 50/110 and 60/110.
   * TOT = 110: bands <= 100 no, <= 500 yes -> 5 of 10. O1 = 2 × 110 = 220.
   * NROWS = the table's value = 2 rows. */
  answer (e, "E", "[{\"carrier\": \"a\", \"qty\": 100}, {\"carrier\": \"b\", \"qty\": 30}]");
  g_assert_cmpuint (ga_engine_get_n_rows (e, table), ==, 2);
  g_assert_cmpfloat (ga_engine_get_cell (e, table, 0, 2)->u.number, ==, 0.5);
  g_assert_cmpfloat (ga_engine_get_cell (e, table, 1, 2)->u.number, ==, 2);
  g_assert_cmpfloat (ga_engine_get_cell (e, table, 0, 3)->u.number, ==, 50);
  g_assert_cmpfloat (ga_engine_get_cell (e, table, 1, 3)->u.number, ==, 60);
  g_assert_cmpfloat_with_epsilon (ga_engine_get_cell (e, table, 0, 4)->u.number, 50.0 / 110, EPS);
  g_assert_null (ga_engine_get_cell (e, table, 2, 0));
  g_assert_cmpfloat (result (e, "TOT")->value.u.number, ==, 110);
  assert_score (e, "TOT", 5, 10);
  o1 = result (e, "O1");
  g_assert_cmpfloat (o1->value.u.number, ==, 220);
  g_assert_cmpfloat (result (e, "NROWS")->value.u.number, ==, 2);
  assert_status (e, "E", GA_STATUS_COMPLETE);

  /* A required cell left blank makes the table incomplete; a smaller total
   * reaches the first band: a × 100 -> 50 -> 10 of 10. */
  answer (e, "E", "[{\"carrier\": \"a\", \"qty\": 100}, {\"carrier\": \"b\"}]");
  assert_status (e, "E", GA_STATUS_INCOMPLETE);
  assert_score (e, "TOT", 10, 10);
  /* No rows: below min_rows 1. */
  answer (e, "E", "[]");
  assert_status (e, "E", GA_STATUS_INCOMPLETE);
  g_assert_cmpuint (ga_engine_get_n_rows (e, table), ==, 0);
  assert_matches_fresh (e);
}

static void
test_bonus_grades_pass (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  const GaSummary *s = ga_engine_get_summary (e);

  answer_full (e);
  /* Bonus 3 + 2 = 5, capped at 4; the base score stays 100. */
  answer (e, "B1", "true");
  answer (e, "B2", "true");
  g_assert_cmpfloat_with_epsilon (s->bonus, 4, EPS);
  g_assert_cmpfloat_with_epsilon (s->score, 100, EPS);
  answer (e, "B2", "false");
  g_assert_cmpfloat_with_epsilon (s->bonus, 3, EPS);

  /* Grades: A >= 90, B >= 75, C >= 60. C1 no (−10) and Y1 no (−5): 85 -> B. */
  answer (e, "C1", "\"no\"");
  answer (e, "Y1", "false");
  g_assert_cmpfloat_with_epsilon (s->score, 85, EPS);
  g_assert_cmpstr (s->grade->id, ==, "B");
  g_assert_true (s->passed);
  /* DOWN 400 (−10), UP 0.8 (−10), P1 0 (−5): 60 -> C, exactly the pass mark. */
  answer (e, "DOWN", "400");
  answer (e, "UP", "0.8");
  answer (e, "P1", "0");
  g_assert_cmpfloat_with_epsilon (s->score, 60, EPS);
  g_assert_cmpstr (s->grade->id, ==, "C");
  g_assert_true (s->passed);
  /* CH c (−5): 55, no grade, not passed. */
  answer (e, "CH", "\"c\"");
  g_assert_cmpfloat_with_epsilon (s->score, 55, EPS);
  g_assert_null (s->grade);
  g_assert_false (s->passed);
  assert_matches_fresh (e);
}

static void
test_outputs_and_sections (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");

  answer_full (e);
  /* O2 = S1 + S2 = 40 + 30 = 70. */
  g_assert_cmpfloat_with_epsilon (result (e, "O2")->value.u.number, 70, EPS);
  answer (e, "P1", "2");
  g_assert_cmpfloat_with_epsilon (result (e, "O2")->value.u.number, 67, EPS);
  /* answered/total: every answerable item of S2 (5). */
  g_assert_cmpuint (result (e, "S2")->answered, ==, 5);
  g_assert_cmpuint (result (e, "S2")->total, ==, 5);
  clear (e, "P1");
  g_assert_cmpuint (result (e, "S2")->answered, ==, 4);
  assert_status (e, "S2", GA_STATUS_INCOMPLETE);
  assert_matches_fresh (e);
}

static void
test_set_answer_errors (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswer) a = ga_answer_new ();

  g_assert_false (ga_engine_set_answer (e, "NOPE", NULL, &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_UNKNOWN_ITEM);
  g_clear_error (&error);
  g_assert_false (ga_engine_set_answer (e, "TOT", NULL, &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_NOT_ANSWERABLE);
  g_clear_error (&error);
  /* A value of the wrong kind, built in code, is refused too. */
  ga_value_set_text (&a->value, "many");
  g_assert_false (ga_engine_set_answer (e, "UP", a, &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UP"));
  g_clear_error (&error);
  ga_value_set_number (&a->value, 5);   /* above max 2 */
  g_assert_false (ga_engine_set_answer (e, "UP", a, &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_clear_error (&error);
  ga_value_set_blank (&a->value);
  a->not_applicable = TRUE;
  g_assert_false (ga_engine_set_answer (e, "HAS_WW", a, &error));
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_assert_null (ga_engine_lookup (e, "NOPE"));
  g_assert_null (ga_engine_explain (e, "NOPE"));
}

static void
test_explain (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  g_autofree char *up = NULL;
  g_autofree char *na = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *down = NULL;

  answer_full (e);
  answer (e, "UP", "0.85");
  up = ga_engine_explain (e, "UP");
  g_assert_nonnull (strstr (up, "5 of 10"));
  g_assert_nonnull (strstr (up, "0.85 lies 50 % of the way from the baseline 0.8 to the leading "
                                "value 0.9"));
  answer (e, "DOWN", "150");
  down = ga_engine_explain (e, "DOWN");
  g_assert_nonnull (strstr (down, "10 of 10: 150 reaches the leading value 200"));
  answer (e, "F1", "{\"na\": \"no wastewater discharged\"}");
  na = ga_engine_explain (e, "F1");
  /* The words start from the result: 0 of 0 (the points left the
   * maximum), not "0 of 5". */
  g_assert_cmpstr (na, ==, "0 of 0: not applicable (no wastewater discharged); its 5 points leave "
                           "the maximum");
  summary = ga_engine_explain_summary (e);
  g_assert_nonnull (strstr (summary, "Total 90 of 95"));

  /* UP 0.8333333: (0.8333333 − 0.8) / (0.9 − 0.8) × 10 = 3.333333 points
   * instead of 5, so the total is 90 − 5 + 3.333333 = 88.333333; the
   * summary shows it with two decimals, as the rest of the application. */
  answer (e, "UP", "0.8333333");
  g_clear_pointer (&summary, g_free);
  summary = ga_engine_explain_summary (e);
  g_assert_nonnull (strstr (summary, "Total 88.33 of 95"));
  g_assert_null (strstr (summary, "88.333"));
}

static void
test_improvements (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  g_autoptr(GPtrArray) list = NULL;
  GaImprovement *first;

  answer_full (e);
  /* C1 partial loses 6 (10 − 4), UP 0.85 loses 5, P1 4 loses 1; the bonus
   * items B1 (3) and B2 (2) are unmet and within the cap of 4: ranked by
   * gain C1 6, UP 5, B1 3, B2 2, P1 1. */
  answer (e, "C1", "\"partial\"");
  answer (e, "UP", "0.85");
  answer (e, "P1", "4");
  list = ga_engine_get_improvements (e);
  g_assert_cmpuint (list->len, ==, 5);
  first = list->pdata[0];
  g_assert_cmpstr (first->item->id, ==, "C1");
  g_assert_cmpfloat_with_epsilon (first->gain, 6, EPS);
  g_assert_cmpstr (((GaImprovement *) list->pdata[1])->item->id, ==, "UP");
  g_assert_cmpstr (((GaImprovement *) list->pdata[2])->item->id, ==, "B1");
  g_assert_cmpstr (((GaImprovement *) list->pdata[3])->item->id, ==, "B2");
  g_assert_cmpstr (((GaImprovement *) list->pdata[4])->item->id, ==, "P1");
  /* With the bonus capped (B1 yes: 3 of 4), B2 can add only 1 more; equal
   * gains keep the template's order (P1 before B2). */
  g_clear_pointer (&list, g_ptr_array_unref);
  answer (e, "B1", "true");
  list = ga_engine_get_improvements (e);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((GaImprovement *) list->pdata[2])->item->id, ==, "P1");
  g_assert_cmpstr (((GaImprovement *) list->pdata[3])->item->id, ==, "B2");
  g_assert_cmpfloat_with_epsilon (((GaImprovement *) list->pdata[3])->gain, 1, EPS);
}

static void
test_json (void)
{
  g_autoptr(GaEngine) e = new_engine ("points-all.json");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *summary;
  JsonArray *items;

  answer_full (e);
  root = ga_engine_results_to_json (e);
  obj = json_node_get_object (root);
  summary = json_object_get_object_member (obj, "summary");
  g_assert_cmpfloat (json_object_get_double_member (summary, "score"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (summary, "veto"), ==, "pass");
  g_assert_cmpstr (json_object_get_string_member (summary, "grade"), ==, "A");
  items = json_object_get_array_member (obj, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 24);
  /* V1 is not scored: its score is null, not 0. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (items, 0),
                                              "score"));
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (items, 5),
                                                   "trace"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "sections")), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "outputs")), ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Clean production                                                         */

/* Case A: every indicator at level I, Q3 not applicable (HAS_X false).
 *  C1 (w 0.4): W = 8, exactly the level-I benchmark (<= 8) -> I; EN 0.5 -> I.
 *  C2 (w 0.3): NM 2 -> ω(M1) = ω(M2) = 0.8/2 = 0.4, ω(M3) 0.2; 95, 95, 90 -> I.
 *  C3 (w 0.3): Q1 l1 -> I, Q2 yes -> I; Q3 N/A, so ω' = 0.5/0.8 = 0.625 and
 *  0.3/0.8 = 0.375. Every category 100 at every level:
 *  Y_I = Y_II = Y_III = 100 -> level I. */
static void
answer_cp_a (GaEngine *e)
{
  answer (e, "W", "8");
  answer (e, "EN", "0.5");
  answer (e, "NM", "2");
  answer (e, "M1", "95");
  answer (e, "M2", "95");
  answer (e, "M3", "90");
  answer (e, "Q1", "\"l1\"");
  answer (e, "Q2", "true");
  answer (e, "HAS_X", "false");
}

static void
assert_index (GaEngine *e,
              double    y1,
              double    y2,
              double    y3,
              int       level)
{
  const GaSummary *s = ga_engine_get_summary (e);

  g_assert_cmpfloat_with_epsilon (s->index[0], y1, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->index[1], y2, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->index[2], y3, 1e-9);
  g_assert_cmpint (s->level, ==, level);
}

static void
test_cp_level_one (void)
{
  g_autoptr(GaEngine) e = new_engine ("cp-all.json");

  answer_cp_a (e);
  assert_index (e, 100, 100, 100, 1);
  g_assert_cmpint (result (e, "W")->level, ==, 1);
  g_assert_cmpint (ga_engine_get_summary (e)->status, ==, GA_STATUS_COMPLETE);
  g_assert_true (ga_engine_get_summary (e)->passed);
  /* Renormalised weights within C3. */
  g_assert_cmpfloat_with_epsilon (result (e, "Q1")->weight, 0.625, EPS);
  g_assert_cmpfloat_with_epsilon (result (e, "Q2")->weight, 0.375, EPS);
  g_assert_cmpfloat (result (e, "Q3")->weight, ==, 0);
  assert_status (e, "Q3", GA_STATUS_NA);
  /* 0.8/n weights: n = 2 -> 0.4 each. */
  g_assert_cmpfloat_with_epsilon (result (e, "M1")->weight, 0.4, EPS);
  g_assert_cmpfloat_with_epsilon (result (e, "M3")->weight, 0.2, EPS);
  assert_matches_fresh (e);
}

static void
test_cp_limiting (void)
{
  g_autoptr(GaEngine) e = new_engine ("cp-all.json");
  g_autofree char *why = NULL;

  /* Case B: case A with W = 9 (level II; W is limiting).
   *  C1: I = 0.8 × 100 = 80 (EN only), II = III = 100.
   *  Y_I = 0.4 × 80 + 0.3 × 100 + 0.3 × 100 = 92 ≥ 85, but W does not meet I:
   *  level I is blocked. Level II: Y_II = 100 ≥ 85 and W meets II -> II. */
  answer_cp_a (e);
  answer (e, "W", "9");
  assert_index (e, 92, 100, 100, 2);
  why = ga_engine_explain_summary (e);
  g_assert_nonnull (strstr (why, "Level II"));
  g_assert_nonnull (strstr (why, "level I is blocked by *单位产品每次清洗取水量 (9 L/m², level I "
                                 "requires ≤ 8)"));
  assert_matches_fresh (e);
}

static void
test_cp_cumulative (void)
{
  g_autoptr(GaEngine) e = new_engine ("cp-all.json");

  /* Case C: NM = 1 -> M2 N/A, ω(M1) = 0.8/1 = 0.8, ω(M3) = 0.2 (sum 1, no
   * renormalisation needed); M1 85 -> II, M3 75 -> III.
   *  C2: I 0; II 0.8 × 100 = 80 (M1 meets II; cumulative); III 100.
   *  Y_I = 40 + 0 + 30 = 70; Y_II = 40 + 24 + 30 = 94; Y_III = 100.
   *  Level I: 70 < 85. Level II: 94 ≥ 85, W (I) meets II -> II. */
  answer_cp_a (e);
  answer (e, "NM", "1");
  answer (e, "M1", "85");
  answer (e, "M3", "75");
  assert_status (e, "M2", GA_STATUS_NA);
  g_assert_cmpfloat_with_epsilon (result (e, "M1")->weight, 0.8, EPS);
  assert_index (e, 70, 94, 100, 2);
  assert_matches_fresh (e);
}

static void
test_cp_level_three (void)
{
  g_autoptr(GaEngine) e = new_engine ("cp-all.json");

  /* Case E: every indicator exactly at its III benchmark except Q2 (yes = I).
   *  C1: W 12 and EN 3 -> III: I 0, II 0, III 100.
   *  C2: 70, 70, 70 -> III: III 100.
   *  C3: Q1 l3 (ω' 0.625) III, Q2 yes (0.375) I: I 37.5, II 37.5, III 100.
   *  Y_I = Y_II = 0.3 × 37.5 = 11.25; Y_III = 0.4×100 + 0.3×100 + 0.3×100 = 100
   *  -> level III (needs Y_III = 100). */
  answer_cp_a (e);
  answer (e, "W", "12");
  answer (e, "EN", "3");
  answer (e, "M1", "70");
  answer (e, "M2", "70");
  answer (e, "M3", "70");
  answer (e, "Q1", "\"l3\"");
  assert_index (e, 11.25, 11.25, 100, 3);

  /* Case D: EN 4 is worse than III (<= 3): below III.
   *  C1: W (ω 0.2) III only: III = 20. Y_III = 8 + 30 + 30 = 68 < 100 -> 0. */
  answer (e, "EN", "4");
  g_assert_cmpint (result (e, "EN")->level, ==, 0);
  assert_index (e, 11.25, 11.25, 68, 0);
  g_assert_false (ga_engine_get_summary (e)->passed);
  assert_matches_fresh (e);
}

static void
test_cp_incomplete (void)
{
  g_autoptr(GaEngine) e = new_engine ("cp-all.json");
  const GaSummary *s = ga_engine_get_summary (e);

  /* Case F: case A without W. W applies but has no answer: it contributes 0
   * (not renormalised away) and the result is incomplete.
   *  C1: EN 0.8 × 100 at every level = 80. Y = 32 + 30 + 30 = 92 at every
   *  level: 92 ≥ 85, but the limiting W has no level yet, so the level is
   *  not determined (-1) until W is answered, and the summary says why. */
  answer_cp_a (e);
  clear (e, "W");
  assert_status (e, "W", GA_STATUS_INCOMPLETE);
  g_assert_cmpfloat_with_epsilon (result (e, "W")->weight, 0.2, EPS);
  assert_index (e, 92, 92, 92, -1);
  g_assert_cmpint (s->status, ==, GA_STATUS_INCOMPLETE);
  g_assert_false (s->passed);
  {
    g_autofree char *text = ga_engine_explain_summary (e);
    g_assert_nonnull (strstr (text, "The level cannot be determined yet: 1 indicator or weight is "
                                    "not complete (W); so far Y_I = 92, Y_II = 92, Y_III = 92"));
    g_assert_null (strstr (text, "Below level III"));
  }

  /* Case G: Q3 applicable (HAS_X true) and not met: ω' back to 0.5/0.3/0.2.
   *  C3: 80 at every level; with W = 8 again:
   *  Y = 40 + 30 + 24 = 94 -> I: limiting W meets I, Y_I 94 ≥ 85 -> I. */
  answer (e, "W", "8");
  answer (e, "HAS_X", "true");
  answer (e, "Q3", "\"no\"");
  g_assert_cmpfloat_with_epsilon (result (e, "Q1")->weight, 0.5, EPS);
  assert_index (e, 94, 94, 94, 1);
  assert_matches_fresh (e);
}

/* A small clean-production template inline: two categories; the level
 * rule I also asks every other indicator to meet II (others_min_level). */
static const char cp_small[] =
  "{\"format\": 1, \"id\": \"cp-small\", \"version\": \"1\", \"kind\": \"clean-production\","
  " \"title\": \"t\", \"standard\": {\"code\": \"T\"}, \"source\": \"test\","
  " \"scoring\": {\"scheme\": \"clean-production\", \"na_policy\": \"%s\", \"levels\": ["
  "   {\"level\": 1, \"min_index\": 60, \"limiting\": true, \"others_min_level\": 2},"
  "   {\"level\": 2, \"min_index\": 60, \"limiting\": true},"
  "   {\"level\": 3, \"min_index\": 100}]},"
  " \"sections\": ["
  "  {\"id\": \"K1\", \"title\": \"k1\", \"weight\": 0.6, \"items\": ["
  "    {\"id\": \"A\", \"kind\": \"number\", \"title\": \"a\", \"source\": \"s\", \"weight\": 0.5,"
  "     \"limiting\": true, \"score\": {\"levels\": {\"cmp\": \">=\", \"I\": 3, \"II\": 2, \"III\": 1}}},"
  "    {\"id\": \"B\", \"kind\": \"number\", \"title\": \"b\", \"source\": \"s\", \"weight\": 0.5,"
  "     \"score\": {\"levels\": {\"cmp\": \">=\", \"I\": 3, \"II\": 2, \"III\": 1}}}]},"
  "  {\"id\": \"K2\", \"title\": \"k2\", \"weight\": 0.4, \"items\": ["
  "    {\"id\": \"C\", \"kind\": \"yesno\", \"title\": \"c\", \"source\": \"s\", \"weight\": 1}]}]}";

static GaEngine *
cp_small_engine (const char *policy)
{
  g_autofree char *json = g_strdup_printf (cp_small, policy);
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_data (json, -1, NULL, &error);

  g_assert_no_error (error);
  return ga_engine_new (tmpl);
}

static void
test_cp_others_and_category_na (void)
{
  g_autoptr(GaEngine) e = cp_small_engine ("renormalise");
  g_autoptr(GaEngine) award = cp_small_engine ("award");

  /* A 3 (I), B 1 (III), C yes (I).
   *  K1: I 50, II 50, III 100; K2: 100 everywhere.
   *  Y_I = 0.6 × 50 + 0.4 × 100 = 70 ≥ 60 and A (limiting) meets I, but B
   *  (level III) does not meet II, which the level-I rule asks of the others.
   *  Level II: Y_II = 70 ≥ 60, A meets II -> II. */
  answer (e, "A", "3");
  answer (e, "B", "1");
  answer (e, "C", "true");
  assert_index (e, 70, 70, 100, 2);
  /* B 2 (II): the others rule holds -> I (Y_I still 70). */
  answer (e, "B", "2");
  assert_index (e, 70, 100, 100, 1);

  /* The whole of K2 N/A. renormalise: w rescaled over K1 alone, 0.6/0.6 = 1:
   *  Y_I = 50, Y_II = Y_III = 100 -> I fails (50 < 60), II holds -> II. */
  answer (e, "C", "{\"na\": \"no such line\"}");
  assert_status (e, "K2", GA_STATUS_NA);
  g_assert_cmpfloat_with_epsilon (result (e, "K1")->weight, 1, EPS);
  assert_index (e, 50, 100, 100, 2);
  assert_matches_fresh (e);

  /* award: K2 counts as met at every level with its weight 0.4:
   *  Y_I = 0.6 × 50 + 0.4 × 100 = 70 -> I (A meets I, B meets II). */
  answer (award, "A", "3");
  answer (award, "B", "2");
  answer (award, "C", "{\"na\": \"no such line\"}");
  assert_index (award, 70, 100, 100, 1);
  assert_matches_fresh (award);
}

/* ------------------------------------------------------------------------ */
/* The property: incremental == fresh, over random answer sequences         */

static const double interesting_numbers[] = {
  0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 20, 25, 40, 70, 75, 80,
  85, 90, 95, 100, 150, 200, 300, 400, 450, -3,
};

static JsonNode *
random_scalar (GRand    *rand,
               GaItemKind kind,
               double     min,
               double     max,
               gboolean   integer,
               GPtrArray *options)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (kind)
    {
    case GA_ITEM_COMPLIANCE:
      {
        static const char * const words[] = { "yes", "partial", "no" };
        json_node_set_string (node, words[g_rand_int_range (rand, 0, 3)]);
      }
      break;
    case GA_ITEM_YESNO:
      json_node_set_boolean (node, g_rand_boolean (rand));
      break;
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
      for (;;)
        {
          double v = interesting_numbers[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (interesting_numbers))];
          if ((!isnan (min) && v < min) || (!isnan (max) && v > max) || (integer && v != floor (v)))
            continue;
          json_node_set_double (node, v);
          break;
        }
      break;
    case GA_ITEM_CHOICE:
      json_node_set_string (node, ((GaOption *) options->pdata[g_rand_int_range (rand, 0,
                                                                                 options->len)])->id);
      break;
    case GA_ITEM_DATE:
      json_node_set_string (node, g_rand_boolean (rand) ? "2025-01-01" : "2024-02-29");
      break;
    default:
      json_node_set_string (node, g_rand_boolean (rand) ? "a" : "b");
      break;
    }
  return node;
}

static GaAnswer *
random_answer (GRand  *rand,
               GaItem *item)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GaAnswer *a;
  int roll = g_rand_int_range (rand, 0, 10);

  if (roll == 0)
    return NULL;   /* clear */
  if (roll == 1 && item->na_allowed)
    {
      a = ga_answer_new ();
      a->not_applicable = TRUE;
      a->na_reason = g_strdup ("random");
      return a;
    }
  switch (item->kind)
    {
    case GA_ITEM_MULTI:
      {
        JsonArray *array = json_array_new ();
        for (guint i = 0; i < item->options->len; i++)
          if (g_rand_boolean (rand))
            json_array_add_string_element (array, ((GaOption *) item->options->pdata[i])->id);
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
      }
      break;
    case GA_ITEM_TABLE:
      {
        JsonArray *rows = json_array_new ();
        guint n = g_rand_int_range (rand, 0, 4);
        for (guint r = 0; r < n; r++)
          {
            JsonObject *row = json_object_new ();
            for (guint c = 0; c < item->columns->len; c++)
              {
                GaColumn *column = item->columns->pdata[c];
                if (column->kind == GA_ITEM_COMPUTED || g_rand_int_range (rand, 0, 6) == 0)
                  continue;
                json_object_set_member (row, column->id,
                                        random_scalar (rand, column->kind, column->min,
                                                       column->max, FALSE, column->options));
              }
            json_array_add_object_element (rows, row);
          }
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, rows);
      }
      break;
    default:
      node = random_scalar (rand, item->kind, item->kind == GA_ITEM_POINTS ? 0 : item->min,
                            item->kind == GA_ITEM_POINTS ? item->points : item->max,
                            item->integer, item->options);
      break;
    }
  a = ga_answer_from_json (node, item, &error);
  g_assert_no_error (error);
  return a;
}

static void
run_property_on (GaTemplate *tmpl,
                 guint       n_sequences,
                 guint       n_steps)
{
  GPtrArray *items = ga_template_get_items (tmpl);
  g_autoptr(GPtrArray) answerable = g_ptr_array_new ();
  GRand *rand = g_rand_new_with_seed (20260101);

  for (guint i = 0; i < items->len; i++)
    if (((GaItem *) items->pdata[i])->kind != GA_ITEM_COMPUTED)
      g_ptr_array_add (answerable, items->pdata[i]);

  for (guint seq = 0; seq < n_sequences; seq++)
    {
      g_autoptr(GaEngine) engine = ga_engine_new (tmpl);
      for (guint step = 0; step < n_steps; step++)
        {
          GaItem *item = answerable->pdata[g_rand_int_range (rand, 0, answerable->len)];
          g_autoptr(GaAnswer) a = random_answer (rand, item);
          g_autoptr(GError) error = NULL;

          g_assert_true (ga_engine_set_answer (engine, item->id, a, &error));
          g_assert_no_error (error);
          assert_matches_fresh (engine);
        }
    }
  g_rand_free (rand);
}

static void
run_property (const char *fixture,
              guint       n_sequences,
              guint       n_steps)
{
  g_autoptr(GaTemplate) tmpl = load_fixture (fixture);

  run_property_on (tmpl, n_sequences, n_steps);
}

static void
test_property_points (void)
{
  run_property ("points-all.json", 200, 50);
}

static void
test_property_cp (void)
{
  run_property ("cp-all.json", 200, 50);
}


/* ------------------------------------------------------------------------ */
/* Review fixes: incomplete tables, unverified values, formats, rounding    */

static GaTemplate *
load_inline (const char *json)
{
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_data (json, -1, "inline", &error);

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  return tmpl;
}

#define TPL_HEAD "{\"format\": 1, \"id\": \"t\", \"version\": \"1\", \"kind\": \"custom\", " \
                 "\"title\": \"T\", \"standard\": {\"code\": \"X\"}, \"source\": \"test\", "

/* An energy table like the energy-audit template's, its total as an output
 * and as a computed item, and values built on the total. */
static const char table_json[] =
  TPL_HEAD
  "\"tables\": [{\"id\": \"fac\", \"title\": \"Factors\", \"source\": \"s\", "
  "  \"columns\": [\"key\", \"f\"], \"rows\": [{\"key\": \"a\", \"values\": [2]}, "
  "  {\"key\": \"b\", \"values\": [3]}]}], "
  "\"sections\": [{\"id\": \"S\", \"title\": \"S\", \"items\": ["
  "  {\"id\": \"E\", \"kind\": \"table\", \"title\": \"Energy\", \"source\": \"s\", \"min_rows\": 1,"
  "   \"columns\": [{\"id\": \"carrier\", \"kind\": \"choice\", \"options_table\": \"fac\", "
  "                  \"required\": true, \"title\": {\"zh_CN\": \"能源品种\", \"en\": \"Carrier\"}},"
  "                 {\"id\": \"qty\", \"kind\": \"number\", \"required\": true, "
  "                  \"title\": {\"zh_CN\": \"实物量\", \"en\": \"实物量\"}},"
  "                 {\"id\": \"note\", \"kind\": \"text\"},"
  "                 {\"id\": \"tce\", \"kind\": \"computed\", "
  "                  \"value\": \"qty * FACTOR(\\\"fac\\\", carrier, \\\"f\\\")\"}]},"
  "  {\"id\": \"BASIS\", \"kind\": \"yesno\", \"title\": \"b\", \"source\": \"s\"},"
  "  {\"id\": \"DOUBLE\", \"kind\": \"computed\", \"title\": \"d\", \"source\": \"s\", "
  "   \"value\": \"E_total * 2\"},"
  "  {\"id\": \"PICK\", \"kind\": \"computed\", \"title\": \"p\", \"source\": \"s\", "
  "   \"value\": \"IF(BASIS, SUM(E.tce), 7)\"},"
  "  {\"id\": \"SCORED\", \"kind\": \"computed\", \"title\": \"c\", \"source\": \"s\", "
  "   \"value\": \"SUM(E.tce)\", \"points\": 10, "
  "   \"score\": {\"bands\": {\"cmp\": \"<=\", \"steps\": [[100, 10]], \"otherwise\": 0}}}]}],"
  "\"outputs\": [{\"id\": \"E_total\", \"title\": \"Total\", \"value\": \"SUM(E.tce)\", "
  "   \"format\": \"0.00\", \"unit\": \"tce\"},"
  "  {\"id\": \"key_unit\", \"title\": \"Key\", "
  "   \"value\": \"IF(SUM(E.tce) >= 10000, \\\"yes\\\", \\\"no\\\")\"}]}";

/* A formula over a range of an incomplete table is incomplete; its value
 * stays what Excel computes; the trace names the empty cells. */
static void
test_incomplete_table (void)
{
  g_autoptr(GaTemplate) tmpl = load_inline (table_json);
  g_autoptr(GaEngine) e = ga_engine_new (tmpl);
  g_autofree char *table_trace = NULL;
  g_autofree char *total_trace = NULL;
  g_autofree char *double_trace = NULL;

  answer (e, "BASIS", "false");
  /* Row 1: a × 10 -> tce 20; row 2: b without qty -> tce blank.
   * SUM(E.tce) = 20, as Excel would show it, but not final. */
  answer (e, "E", "[{\"carrier\": \"a\", \"qty\": 10}, {\"carrier\": \"b\"}]");
  assert_status (e, "E", GA_STATUS_INCOMPLETE);
  g_assert_cmpfloat (result (e, "E_total")->value.u.number, ==, 20);
  assert_status (e, "E_total", GA_STATUS_INCOMPLETE);
  assert_status (e, "key_unit", GA_STATUS_INCOMPLETE);
  g_assert_cmpstr (result (e, "key_unit")->value.u.text, ==, "no");
  /* Through a value: DOUBLE = E_total × 2 = 40, incomplete as well. */
  g_assert_cmpfloat (result (e, "DOUBLE")->value.u.number, ==, 40);
  assert_status (e, "DOUBLE", GA_STATUS_INCOMPLETE);
  /* A scored item keeps the score its value gives (20 <= 100: 10 of 10),
   * as the exported workbook computes it, but is not final. */
  assert_score (e, "SCORED", 10, 10);
  assert_status (e, "SCORED", GA_STATUS_INCOMPLETE);
  /* IF() that does not take the branch with the range: complete. */
  g_assert_cmpfloat (result (e, "PICK")->value.u.number, ==, 7);
  assert_status (e, "PICK", GA_STATUS_COMPLETE);

  table_trace = ga_engine_explain (e, "E");
  g_assert_cmpstr (table_trace, ==, "Incomplete: row 2: 实物量 (qty) is empty");
  total_trace = ga_engine_explain (e, "E_total");
  g_assert_cmpstr (total_trace, ==, "E_total = SUM(E.tce) = 20.00 tce, computed from incomplete "
                                    "data (table E: row 2: 实物量 (qty) is empty)");
  double_trace = ga_engine_explain (e, "DOUBLE");
  g_assert_nonnull (strstr (double_trace, "computed from incomplete data (E_total is "
                                          "incomplete)"));
  answer (e, "BASIS", "true");
  assert_status (e, "PICK", GA_STATUS_INCOMPLETE);
  assert_matches_fresh (e);

  /* A missing cell of a column that is not required changes nothing. */
  answer (e, "E", "[{\"carrier\": \"a\", \"qty\": 10}, {\"carrier\": \"b\", \"qty\": 1}]");
  g_assert_cmpfloat (result (e, "E_total")->value.u.number, ==, 23);
  assert_status (e, "E_total", GA_STATUS_COMPLETE);
  assert_status (e, "DOUBLE", GA_STATUS_COMPLETE);
  assert_status (e, "SCORED", GA_STATUS_COMPLETE);
  assert_matches_fresh (e);

  /* Fewer rows than min_rows. */
  answer (e, "E", "[]");
  assert_status (e, "E_total", GA_STATUS_INCOMPLETE);
  {
    g_autofree char *trace = ga_engine_explain (e, "E");
    g_assert_cmpstr (trace, ==, "Incomplete: needs at least 1 row, has 0");
  }
  /* Answered N/A: an empty table is its whole content. */
  answer (e, "E", "{\"na\": \"no energy use\"}");
  g_assert_cmpfloat (result (e, "E_total")->value.u.number, ==, 0);
  assert_status (e, "E_total", GA_STATUS_COMPLETE);
  assert_matches_fresh (e);
  /* Incremental = full over random answer sequences. */
  run_property_on (tmpl, 40, 30);
}

/* A value built on a FACTOR() row (or table) with "verified": false is
 * flagged, and so is everything computed from it. */
static const char unverified_json[] =
  TPL_HEAD
  "\"tables\": [{\"id\": \"grid\", \"title\": \"Grid factors\", \"source\": \"s\", "
  "  \"columns\": [\"key\", \"ef\"], \"rows\": [{\"key\": \"east\", \"values\": [0.55]}, "
  "  {\"key\": \"north\", \"values\": [0.71], \"verified\": false, \"note\": \"U: one source\"}]},"
  " {\"id\": \"old\", \"title\": \"Old targets\", \"source\": \"s\", \"verified\": false, "
  "  \"unverified_reason\": \"not in the notes\", "
  "  \"columns\": [\"key\", \"pct\"], \"rows\": [{\"key\": \"x\", \"values\": [-13.5]}]}], "
  "\"sections\": [{\"id\": \"S\", \"title\": \"S\", \"items\": ["
  "  {\"id\": \"REGION\", \"kind\": \"choice\", \"title\": \"r\", \"source\": \"s\", "
  "   \"options\": [{\"id\": \"east\"}, {\"id\": \"north\"}]},"
  "  {\"id\": \"KWH\", \"kind\": \"number\", \"title\": \"k\", \"source\": \"s\"},"
  "  {\"id\": \"EQ\", \"kind\": \"number\", \"title\": \"q\", \"source\": \"s\", "
  "   \"verified\": false, \"unverified_reason\": \"P row\"},"
  "  {\"id\": \"GRID_EF\", \"kind\": \"computed\", \"title\": \"g\", \"source\": \"s\", "
  "   \"value\": \"FACTOR(\\\"grid\\\", REGION, \\\"ef\\\")\", \"format\": \"0.0000\"}]}],"
  "\"outputs\": [{\"id\": \"CO2\", \"title\": \"CO2\", \"value\": \"KWH * GRID_EF / 1000\"},"
  "  {\"id\": \"TARGET\", \"title\": \"t\", \"value\": \"FACTOR(\\\"old\\\", \\\"x\\\", \\\"pct\\\")\"},"
  "  {\"id\": \"EQUAL\", \"title\": \"e\", \"value\": \"KWH * EQ\"}]}";

/* Look-ups that go from one table to another and from one column to
 * another, in the order the items are evaluated. */
static const char lookups_json[] =
  TPL_HEAD
  "\"tables\": [{\"id\": \"t1\", \"title\": \"T1\", \"source\": \"s\", "
  "  \"columns\": [\"key\", \"a\", \"b\"], \"rows\": [{\"key\": \"k1\", \"values\": [1, 2]}, "
  "  {\"key\": \"k2\", \"values\": [3, 4]}]},"
  " {\"id\": \"t2\", \"title\": \"T2\", \"source\": \"s\", "
  "  \"columns\": [\"key\", \"b\", \"a\"], \"rows\": [{\"key\": \"k1\", \"values\": [10, 20]}, "
  "  {\"key\": \"k2\", \"values\": [30, 40]}]}], "
  "\"sections\": [{\"id\": \"S\", \"title\": \"S\", \"items\": ["
  "  {\"id\": \"K\", \"kind\": \"choice\", \"title\": \"k\", \"source\": \"s\", "
  "   \"options\": [{\"id\": \"k1\"}, {\"id\": \"k2\"}]},"
  "  {\"id\": \"A1\", \"kind\": \"computed\", \"title\": \"a\", \"source\": \"s\", "
  "   \"value\": \"FACTOR(\\\"t1\\\", K, \\\"a\\\")\"},"
  "  {\"id\": \"B1\", \"kind\": \"computed\", \"title\": \"b\", \"source\": \"s\", "
  "   \"value\": \"FACTOR(\\\"t1\\\", K, \\\"b\\\")\"},"
  "  {\"id\": \"A2\", \"kind\": \"computed\", \"title\": \"c\", \"source\": \"s\", "
  "   \"value\": \"FACTOR(\\\"t2\\\", K, \\\"a\\\")\"},"
  "  {\"id\": \"B2\", \"kind\": \"computed\", \"title\": \"d\", \"source\": \"s\", "
  "   \"value\": \"FACTOR(\\\"t2\\\", K, \\\"b\\\")\"},"
  "  {\"id\": \"MIX\", \"kind\": \"computed\", \"title\": \"e\", \"source\": \"s\", "
  "   \"value\": \"FACTOR(\\\"t1\\\", K, \\\"b\\\") + FACTOR(\\\"t2\\\", K, \\\"a\\\") "
  "+ FACTOR(\\\"t1\\\", K, \\\"a\\\")\"}]}]}";

static void
test_lookups_alternate (void)
{
  g_autoptr(GaTemplate) tmpl = load_inline (lookups_json);
  g_autoptr(GaEngine) e = ga_engine_new (tmpl);

  /* k1: t1 gives a = 1, b = 2; t2 (columns in the other order) a = 20,
   * b = 10; MIX = 2 + 20 + 1 = 23. */
  answer (e, "K", "\"k1\"");
  g_assert_cmpfloat (result (e, "A1")->value.u.number, ==, 1);
  g_assert_cmpfloat (result (e, "B1")->value.u.number, ==, 2);
  g_assert_cmpfloat (result (e, "A2")->value.u.number, ==, 20);
  g_assert_cmpfloat (result (e, "B2")->value.u.number, ==, 10);
  g_assert_cmpfloat (result (e, "MIX")->value.u.number, ==, 23);
  /* k2: 3, 4, 40, 30; MIX = 4 + 40 + 3 = 47. */
  answer (e, "K", "\"k2\"");
  g_assert_cmpfloat (result (e, "A1")->value.u.number, ==, 3);
  g_assert_cmpfloat (result (e, "B1")->value.u.number, ==, 4);
  g_assert_cmpfloat (result (e, "A2")->value.u.number, ==, 40);
  g_assert_cmpfloat (result (e, "B2")->value.u.number, ==, 30);
  g_assert_cmpfloat (result (e, "MIX")->value.u.number, ==, 47);
  /* One look-up alone, after the others: t2's b for k2 is 30. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GaFormula) f = ga_formula_parse ("FACTOR(\"t2\", K, \"b\")", NULL, &error);
    GaValue v = GA_VALUE_INIT;

    g_assert_no_error (error);
    ga_engine_evaluate_formula (e, f, &v);
    g_assert_cmpint (v.kind, ==, GA_VALUE_NUMBER);
    g_assert_cmpfloat (v.u.number, ==, 30);
    ga_value_clear (&v);
  }
}

static JsonObject *
json_entry (JsonNode   *results,
            const char *group,
            const char *id)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (results), group);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      if (g_str_equal (json_object_get_string_member (o, "id"), id))
        return o;
    }
  g_error ("no %s '%s' in the results", group, id);
  return NULL;
}

static void
test_unverified (void)
{
  g_autoptr(GaTemplate) tmpl = load_inline (unverified_json);
  g_autoptr(GaEngine) e = ga_engine_new (tmpl);

  answer (e, "KWH", "1000");
  answer (e, "EQ", "2");
  answer (e, "REGION", "\"east\"");
  g_assert_false (result (e, "GRID_EF")->unverified);
  g_assert_false (result (e, "CO2")->unverified);
  /* A table with "verified": false: every row counts as unverified. */
  g_assert_true (result (e, "TARGET")->unverified);
  /* An item with "verified": false, and what uses it. */
  g_assert_true (result (e, "EQ")->unverified);
  g_assert_true (result (e, "EQUAL")->unverified);
  {
    g_autofree char *trace = ga_engine_explain (e, "EQUAL");
    g_assert_nonnull (strstr (trace, "; uses an unverified value: item EQ (P row)"));
  }

  /* The north row is unverified: the factor, and the CO2 computed from
   * it, are flagged, in the trace and in the results JSON. */
  answer (e, "REGION", "\"north\"");
  g_assert_true (result (e, "GRID_EF")->unverified);
  g_assert_true (result (e, "CO2")->unverified);
  {
    g_autofree char *trace = ga_engine_explain (e, "GRID_EF");
    g_autofree char *co2 = ga_engine_explain (e, "CO2");
    g_autoptr(JsonNode) results = ga_engine_results_to_json (e);

    g_assert_cmpstr (trace, ==, "0.7100 = FACTOR(\"grid\", REGION, \"ef\"); uses an unverified "
                                "value: Grid factors row 'north' (U: one source)");
    g_assert_nonnull (strstr (co2, "uses an unverified value: Grid factors row 'north'"));
    g_assert_false (json_object_get_boolean_member (json_entry (results, "items", "GRID_EF"),
                                                    "verified"));
    g_assert_false (json_object_get_boolean_member (json_entry (results, "outputs", "CO2"),
                                                    "verified"));
    g_assert_true (json_object_get_boolean_member (json_entry (results, "items", "KWH"),
                                                   "verified"));
  }
  assert_matches_fresh (e);
  answer (e, "REGION", "\"east\"");
  g_assert_false (result (e, "CO2")->unverified);
  assert_matches_fresh (e);
  run_property_on (tmpl, 40, 30);
}

/* Values shown per their format, without E notation. */
static const char format_json[] =
  TPL_HEAD
  "\"sections\": [{\"id\": \"S\", \"title\": \"S\", \"items\": ["
  "  {\"id\": \"X\", \"kind\": \"number\", \"title\": \"x\", \"source\": \"s\"},"
  "  {\"id\": \"T\", \"kind\": \"text\", \"title\": \"t\", \"source\": \"s\"}]}],"
  "\"outputs\": ["
  "  {\"id\": \"F2\", \"title\": \"a\", \"value\": \"X\", \"format\": \"0.00\"},"
  "  {\"id\": \"F0\", \"title\": \"a\", \"value\": \"X\", \"format\": \"0\"},"
  "  {\"id\": \"F1\", \"title\": \"a\", \"value\": \"X\", \"format\": \"0.0\"},"
  "  {\"id\": \"F4\", \"title\": \"a\", \"value\": \"X\", \"format\": \"0.0000\"},"
  "  {\"id\": \"PCT\", \"title\": \"a\", \"value\": \"X\", \"format\": \"0.0%\"},"
  "  {\"id\": \"GRP\", \"title\": \"a\", \"value\": \"X\", \"format\": \"#,##0.00\"},"
  "  {\"id\": \"PLAIN\", \"title\": \"a\", \"value\": \"X\"},"
  "  {\"id\": \"TXT\", \"title\": \"a\", \"value\": \"T\", \"format\": \"0.00\"}]}";

static void
assert_formatted (GaEngine   *e,
                  const char *id,
                  const char *expect)
{
  g_autofree char *text = ga_engine_format_value (e, id);

  g_assert_cmpstr (text, ==, expect);
}

static void
test_format_value (void)
{
  g_autoptr(GaTemplate) tmpl = load_inline (format_json);
  g_autoptr(GaEngine) e = ga_engine_new (tmpl);

  answer (e, "X", "654.456");
  assert_formatted (e, "F2", "654.46");
  assert_formatted (e, "F0", "654");
  assert_formatted (e, "F1", "654.5");
  assert_formatted (e, "PLAIN", "654.456");
  {
    g_autofree char *trace = ga_engine_explain (e, "F2");
    g_assert_cmpstr (trace, ==, "F2 = X = 654.46");
  }
  /* 9.34513700836667E-02 as General shows it: here as a person writes it. */
  answer (e, "X", "0.0934513700836667");
  assert_formatted (e, "F4", "0.0935");
  assert_formatted (e, "PLAIN", "0.0935");
  assert_formatted (e, "PCT", "9.3%");
  answer (e, "X", "1234567.891");
  assert_formatted (e, "GRP", "1,234,567.89");
  assert_formatted (e, "F0", "1234568");
  answer (e, "X", "-0.004");
  assert_formatted (e, "F2", "0.00");
  assert_formatted (e, "PLAIN", "-0.004");
  answer (e, "X", "23196");
  assert_formatted (e, "PLAIN", "23196");
  answer (e, "T", "\"abc\"");
  assert_formatted (e, "TXT", "abc");
  assert_formatted (e, "X", "23196");
  g_assert_null (ga_engine_format_value (e, "NOPE"));
}

/* Excel's arithmetic stays exact (0.85 between 0.8 and 0.9 is
 * 0.4999999999999995 of the way, 4.999999999999995 of 10 points); the
 * trace shows 5 (10 significant digits), the JSON keeps the exact value.
 * Thresholds compare as Excel's = does, to 15 significant digits: a total
 * of 89.99999999999999 meets a grade and a pass mark of 90, and
 * 99.99999999999999 of 100 points is full marks with nothing to gain. */
static const char rounding_json[] =
  TPL_HEAD
  "\"scoring\": {\"scheme\": \"points\", \"pass\": 90, \"grades\": [{\"id\": \"A\", \"min\": 90}, "
  "  {\"id\": \"B\", \"min\": 0}]},"
  "\"sections\": [{\"id\": \"S\", \"title\": \"S\", \"items\": ["
  "  {\"id\": \"UP\", \"kind\": \"number\", \"title\": \"u\", \"source\": \"s\", \"points\": 10,"
  "   \"score\": {\"interp\": {\"baseline\": 0.8, \"leading\": 0.9}}},"
  "  {\"id\": \"P\", \"kind\": \"points\", \"title\": \"p\", \"source\": \"s\", \"points\": 100}]}]}";

static void
test_display_rounding (void)
{
  g_autoptr(GaTemplate) tmpl = load_inline (rounding_json);
  g_autoptr(GaEngine) e = ga_engine_new (tmpl);
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  g_autofree char *trace = NULL;
  g_autofree char *summary = NULL;
  const GaSummary *s = ga_engine_get_summary (e);

  answer (e, "UP", "0.85");
  g_assert_cmpfloat (result (e, "UP")->score, ==, 4.999999999999995);
  trace = ga_engine_explain (e, "UP");
  g_assert_cmpstr (trace, ==, "5 of 10: 0.85 lies 50 % of the way from the baseline 0.8 to the "
                              "leading value 0.9");
  results = ga_engine_results_to_json (e);
  g_assert_cmpfloat (json_object_get_double_member (json_entry (results, "items", "UP"),
                                                    "score"), ==, 4.999999999999995);

  /* UP 4.999999999999995 + P 84.99999999999999 = 89.99999999999999 (exact
   * double arithmetic), which Excel's 15 digits take as 90. */
  answer (e, "P", "84.99999999999999");
  g_assert_cmpfloat (s->score, ==, 89.99999999999999);
  g_assert_nonnull (s->grade);
  g_assert_cmpstr (s->grade->id, ==, "A");
  g_assert_true (s->passed);
  summary = ga_engine_explain_summary (e);
  g_assert_nonnull (strstr (summary, "Total 90 of 110; grade A; at or above the pass mark 90"));

  answer (e, "P", "99.99999999999999");
  g_assert_false (result (e, "P")->noncompliant);
  improvements = ga_engine_get_improvements (e);
  g_assert_cmpuint (improvements->len, ==, 1);   /* UP only, 5 points to gain */
  g_assert_cmpstr (((GaImprovement *) improvements->pdata[0])->item->id, ==, "UP");
}

/* An unscored computed item may use its own section's score; the section
 * does not count it. */
static void
test_section_self_reference (void)
{
  g_autoptr(GaTemplate) tmpl = load_inline (
    TPL_HEAD "\"sections\": [{\"id\": \"S1\", \"title\": \"S\", \"items\": ["
    "  {\"id\": \"A\", \"kind\": \"yesno\", \"title\": \"a\", \"source\": \"s\", \"points\": 4},"
    "  {\"id\": \"SHARE\", \"kind\": \"computed\", \"title\": \"s\", \"source\": \"s\", "
    "   \"value\": \"S1 / 4 * 100\"}]}]}");
  g_autoptr(GaEngine) e = ga_engine_new (tmpl);

  answer (e, "A", "true");
  g_assert_cmpfloat (result (e, "SHARE")->value.u.number, ==, 100);
  assert_status (e, "S1", GA_STATUS_COMPLETE);
  answer (e, "A", "false");
  g_assert_cmpfloat (result (e, "SHARE")->value.u.number, ==, 0);
  assert_matches_fresh (e);
  clear (e, "A");
  /* S1's score is 0 while A is unanswered: SHARE is computed from an
   * incomplete value. */
  assert_status (e, "SHARE", GA_STATUS_INCOMPLETE);
  assert_matches_fresh (e);
}

/* Words that agree with the numbers: plurals, a level label said once. */
static void
test_wording (void)
{
  g_autoptr(GaTemplate) tmpl = load_inline (table_json);
  g_autoptr(GaEngine) e = ga_engine_new (tmpl);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  answer (e, "E", "[{\"carrier\": \"a\", \"qty\": 1}]");
  one = ga_engine_explain (e, "E");
  g_assert_cmpstr (one, ==, "1 row");
  answer (e, "E", "[{\"carrier\": \"a\", \"qty\": 1}, {\"carrier\": \"a\", \"qty\": 2}]");
  two = ga_engine_explain (e, "E");
  g_assert_cmpstr (two, ==, "2 rows");

  {
    g_autoptr(GaTemplate) cp = load_inline (
      "{\"format\": 1, \"id\": \"c\", \"version\": \"1\", \"kind\": \"clean-production\","
      " \"title\": \"t\", \"standard\": {\"code\": \"T\"}, \"source\": \"test\","
      " \"scoring\": {\"scheme\": \"clean-production\", \"levels\": ["
      "   {\"level\": 1, \"min_index\": 85, \"label\": \"Level I: leading\"},"
      "   {\"level\": 2, \"min_index\": 85},"
      "   {\"level\": 3, \"min_index\": 100, \"label\": {\"zh_CN\": \"III级\", \"en\": \"general\"}}]},"
      " \"sections\": [{\"id\": \"K\", \"title\": \"k\", \"weight\": 1, \"items\": ["
      "   {\"id\": \"Q\", \"kind\": \"choice\", \"title\": \"q\", \"source\": \"s\", \"weight\": 1,"
      "    \"options\": [{\"id\": \"l1\", \"level\": 1}, {\"id\": \"l2\", \"level\": 2},"
      "                  {\"id\": \"l3\", \"level\": 3}]}]}]}");
    g_autoptr(GaEngine) ce = ga_engine_new (cp);
    const char *labels[][2] = {
      { "\"l1\"", "Level I: leading: Y_I = 100 ≥ 85" },
      { "\"l2\"", "Level II: Y_II = 100 ≥ 85" },
      { "\"l3\"", "Level III (general): Y_III = 100 ≥ 100" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autofree char *text = NULL;
        answer (ce, "Q", labels[i][0]);
        text = ga_engine_explain_summary (ce);
        if (!g_str_has_prefix (text, labels[i][1]))
          g_error ("summary '%s' does not start with '%s'", text, labels[i][1]);
      }
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/engine/interp", test_interp);
  g_test_add_func ("/ga/engine/bands", test_bands);
  g_test_add_func ("/ga/engine/formula-score", test_formula_score);
  g_test_add_func ("/ga/engine/compliance-options", test_compliance_and_options);
  g_test_add_func ("/ga/engine/veto", test_veto);
  g_test_add_func ("/ga/engine/na-policies", test_na_policies);
  g_test_add_func ("/ga/engine/cascade", test_cascade);
  g_test_add_func ("/ga/engine/table", test_table);
  g_test_add_func ("/ga/engine/bonus-grades-pass", test_bonus_grades_pass);
  g_test_add_func ("/ga/engine/outputs-sections", test_outputs_and_sections);
  g_test_add_func ("/ga/engine/set-answer-errors", test_set_answer_errors);
  g_test_add_func ("/ga/engine/explain", test_explain);
  g_test_add_func ("/ga/engine/improvements", test_improvements);
  g_test_add_func ("/ga/engine/json", test_json);
  g_test_add_func ("/ga/engine/cp/level-one", test_cp_level_one);
  g_test_add_func ("/ga/engine/cp/limiting", test_cp_limiting);
  g_test_add_func ("/ga/engine/cp/cumulative", test_cp_cumulative);
  g_test_add_func ("/ga/engine/cp/level-three", test_cp_level_three);
  g_test_add_func ("/ga/engine/cp/incomplete", test_cp_incomplete);
  g_test_add_func ("/ga/engine/cp/others-category-na", test_cp_others_and_category_na);
  g_test_add_func ("/ga/engine/incomplete-table", test_incomplete_table);
  g_test_add_func ("/ga/engine/unverified", test_unverified);
  g_test_add_func ("/ga/engine/lookups-alternate", test_lookups_alternate);
  g_test_add_func ("/ga/engine/format-value", test_format_value);
  g_test_add_func ("/ga/engine/display-rounding", test_display_rounding);
  g_test_add_func ("/ga/engine/section-self-reference", test_section_self_reference);
  g_test_add_func ("/ga/engine/wording", test_wording);
  g_test_add_func ("/ga/engine/property/points", test_property_points);
  g_test_add_func ("/ga/engine/property/clean-production", test_property_cp);
  return g_test_run ();
}
