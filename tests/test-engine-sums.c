/* test-engine-sums.c: the points scheme's subtotals as the engine keeps them
 * up to date equal their formulas, bit for bit
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine adds up a section's scores and maxima without the formula
 * evaluator and follows a change of one term by its difference while that
 * cannot round. These tests build templates whose sums cross the cases that
 * matter: more than 255 terms (the formula nests SUM() in groups), terms
 * that are not exact binary fractions (0.1, 1/3), "renormalise" sections,
 * sections that become N/A, and more than 255 first-level sections. After
 * every answer each subtotal and the total must equal, bit for bit, what
 * the generic evaluation of their formula (ga_scheme_get_rules()) gives
 * from the same cells, and the engine must equal a fresh one.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine.h"
#include "ga-scheme.h"

/* One reviewer's-points item: @points, N/A allowed. */
static void
add_item (GString    *json,
          const char *id,
          double      points,
          gboolean    first)
{
  g_string_append_printf (json,
                          "%s{\"id\": \"%s\", \"kind\": \"points\", \"title\": \"%s\", "
                          "\"source\": \"test\", \"points\": %.17g}",
                          first ? "" : ", ", id, id, points);
}

/* A section @id of @n items of @points each, with @policy; @subs
 * sections of @n_sub items below it. */
static void
add_section (GString    *json,
             const char *id,
             const char *policy,
             guint       n,
             double      points,
             guint       subs,
             guint       n_sub,
             gboolean    first)
{
  g_string_append_printf (json, "%s{\"id\": \"%s\", \"title\": \"%s\"", first ? "" : ", ", id,
                          id);
  if (policy != NULL)
    g_string_append_printf (json, ", \"na_policy\": \"%s\"", policy);
  g_string_append (json, ", \"items\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = g_strdup_printf ("%s_%u", id, i);
      add_item (json, item, points, i == 0);
    }
  g_string_append (json, "]");
  if (subs > 0)
    {
      g_string_append (json, ", \"sections\": [");
      for (guint s = 0; s < subs; s++)
        {
          g_autofree char *sub = g_strdup_printf ("%s_S%u", id, s);
          add_section (json, sub, s % 2 ? "award" : NULL, n_sub, points * (s + 1), 0, 0, s == 0);
        }
      g_string_append (json, "]");
    }
  g_string_append (json, "}");
}

/* Sections A (600 items: groups of 255), B (renormalise, maxima of 0.1,
 * with sub-sections), C (award, 3 sub-sections), V (two veto items and
 * two bonus items), and @n_roots small first-level sections after them.
 * Grades at 1000, 100 and 10 points, a pass at 50 and a bonus cap of 3. */
static GaTemplate *
make_template (const char *top_policy,
               guint       n_roots)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl;

  g_string_append_printf (json,
                          "{\"format\": 1, \"id\": \"sums\", \"version\": \"1.0.0\", "
                          "\"kind\": \"custom\", \"title\": \"Sums\", "
                          "\"standard\": {\"code\": \"TEST-SUMS\"}, \"source\": \"made up\", "
                          "\"scoring\": {\"scheme\": \"points\", \"na_policy\": \"%s\", "
                          "\"pass\": 50, \"bonus_cap\": 3, \"grades\": ["
                          "{\"id\": \"A\", \"min\": 1000, \"label\": \"A\"}, "
                          "{\"id\": \"B\", \"min\": 100, \"label\": \"B\"}, "
                          "{\"id\": \"C\", \"min\": 10, \"label\": \"C\"}]}, "
                          "\"sections\": [",
                          top_policy);
  add_section (json, "A", "exclude", 600, 7, 0, 0, TRUE);
  add_section (json, "B", "renormalise", 40, 0.1, 2, 30, FALSE);
  add_section (json, "C", "award", 5, 3, 3, 4, FALSE);
  g_string_append (json,
                   ", {\"id\": \"V\", \"title\": \"V\", \"items\": ["
                   "{\"id\": \"VETO1\", \"kind\": \"yesno\", \"title\": \"v1\", "
                   "\"source\": \"test\", \"veto\": true}, "
                   "{\"id\": \"VETO2\", \"kind\": \"yesno\", \"title\": \"v2\", "
                   "\"source\": \"test\", \"veto\": true}, "
                   "{\"id\": \"BONUS1\", \"kind\": \"points\", \"title\": \"b1\", "
                   "\"source\": \"test\", \"points\": 3, \"bonus\": true}, "
                   "{\"id\": \"BONUS2\", \"kind\": \"points\", \"title\": \"b2\", "
                   "\"source\": \"test\", \"points\": 2.5, \"bonus\": true}, "
                   "{\"id\": \"V_PTS\", \"kind\": \"points\", \"title\": \"p\", "
                   "\"source\": \"test\", \"points\": 20}]}");
  for (guint r = 0; r < n_roots; r++)
    {
      g_autofree char *id = g_strdup_printf ("R%u", r);
      add_section (json, id, r % 3 == 0 ? "renormalise" : NULL, 1, 1, 0, 0, FALSE);
    }
  g_string_append (json, "]}");
  tmpl = ga_template_new_from_data (json->str, json->len, "sums", &error);
  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  return tmpl;
}

static gboolean
same_bits (double a,
           double b)
{
  return (isnan (a) && isnan (b)) || memcmp (&a, &b, sizeof a) == 0;
}

/* The generic evaluation of @formula from the engine's cells, as a number
 * (NaN for an error or anything else). */
static double
formula_number (GaEngine  *engine,
                GaFormula *formula)
{
  GaValue v = GA_VALUE_INIT;
  double n;

  ga_engine_evaluate_formula (engine, formula, &v);
  n = v.kind == GA_VALUE_NUMBER ? v.u.number : NAN;
  ga_value_clear (&v);
  return n;
}

/* Every subtotal and the total equal their formulas bit for bit. */
static void
assert_sums_match_formulas (GaEngine *engine)
{
  GaTemplate *tmpl = ga_engine_get_template (engine);
  GPtrArray *sections = ga_template_get_sections (tmpl);
  GPtrArray *items = ga_template_get_items (tmpl);
  GaFormula **rules = (GaFormula **) ga_scheme_get_rules (tmpl)->pdata + items->len;
  const GaSummary *summary = ga_engine_get_summary (engine);

  for (guint s = 0; s < sections->len; s++)
    {
      GaSection *section = sections->pdata[s];
      const GaResult *r = ga_engine_get_section_result (engine, section);
      double score = formula_number (engine, rules[2 * s]);
      double max = formula_number (engine, rules[2 * s + 1]);

      if (!same_bits (r->score, score) || !same_bits (r->max, max))
        g_error ("section %s: engine %.17g of %.17g, formulas %.17g of %.17g", section->id,
                 r->score, r->max, score, max);
    }
  rules += 2 * sections->len;
  /* The bonus, the grade (its index as text, "" for none) and the pass. */
  {
    double bonus = formula_number (engine, rules[GA_SCHEME_SUM_BONUS]);
    GaValue grade = GA_VALUE_INIT, passed = GA_VALUE_INIT;
    GPtrArray *grades = ga_template_get_grades (tmpl);
    const char *grade_text = "";

    for (guint g = 0; g < grades->len; g++)
      if (summary->grade == grades->pdata[g])
        grade_text = g == 0 ? "0" : g == 1 ? "1" : "2";
    ga_engine_evaluate_formula (engine, rules[GA_SCHEME_SUM_GRADE], &grade);
    ga_engine_evaluate_formula (engine, rules[GA_SCHEME_SUM_PASSED], &passed);
    if (!same_bits (summary->bonus, bonus))
      g_error ("bonus: engine %.17g, formula %.17g", summary->bonus, bonus);
    g_assert_cmpint (grade.kind, ==, GA_VALUE_TEXT);
    g_assert_cmpstr (grade.u.text, ==, grade_text);
    g_assert_cmpint (passed.kind, ==, GA_VALUE_TEXT);
    g_assert_cmpstr (passed.u.text, ==, summary->passed ? "yes" : "no");
    ga_value_clear (&grade);
    ga_value_clear (&passed);
  }
  if (!same_bits (summary->score, formula_number (engine, rules[GA_SCHEME_SUM_TOTAL_SCORE]))
      || !same_bits (summary->max, formula_number (engine, rules[GA_SCHEME_SUM_TOTAL_MAX])))
    g_error ("total: engine %.17g of %.17g, formulas %.17g of %.17g", summary->score,
             summary->max, formula_number (engine, rules[GA_SCHEME_SUM_TOTAL_SCORE]),
             formula_number (engine, rules[GA_SCHEME_SUM_TOTAL_MAX]));
}

/* The sections' results and the summary equal a fresh engine's. */
static void
assert_matches_fresh (GaEngine *engine)
{
  GaTemplate *tmpl = ga_engine_get_template (engine);
  g_autoptr(GaEngine) fresh = ga_engine_new_with_answers (tmpl, ga_engine_get_answers (engine));
  GPtrArray *sections = ga_template_get_sections (tmpl);
  const GaSummary *a = ga_engine_get_summary (engine);
  const GaSummary *b = ga_engine_get_summary (fresh);

  for (guint s = 0; s < sections->len; s++)
    {
      const GaResult *ra = ga_engine_get_section_result (engine, sections->pdata[s]);
      const GaResult *rb = ga_engine_get_section_result (fresh, sections->pdata[s]);

      g_assert_true (same_bits (ra->score, rb->score));
      g_assert_true (same_bits (ra->max, rb->max));
      g_assert_cmpint (ra->status, ==, rb->status);
    }
  g_assert_true (same_bits (a->score, b->score));
  g_assert_true (same_bits (a->max, b->max));
  g_assert_cmpint (a->status, ==, b->status);
}

/* Points that are exact binary fractions, points that are not, full
 * marks, N/A and a cleared answer. */
static GaAnswer *
random_answer (GRand        *rand,
               const GaItem *item)
{
  static const double fractions[] = { 0, 0.5, 0.25, 1.0 / 3, 0.1, 0.7, 2.75 };
  GaAnswer *a;
  int roll = g_rand_int_range (rand, 0, 12);
  double v;

  if (roll == 0)
    return NULL;
  a = ga_answer_new ();
  if (item->kind == GA_ITEM_YESNO)
    {
      /* Mostly met, so the veto status moves among pass, pending and
       * fail. */
      if (roll == 1)
        return ga_answer_free (a), NULL;
      ga_value_set_boolean (&a->value, roll != 2);
      return a;
    }
  if (roll == 1)
    {
      a->not_applicable = TRUE;
      a->na_reason = g_strdup ("random");
      return a;
    }
  v = fractions[g_rand_int_range (rand, 0, G_N_ELEMENTS (fractions))];
  if (roll == 2 || v > item->points)
    v = item->points;
  a->value.kind = GA_VALUE_NUMBER;
  a->value.u.number = v;
  return a;
}

static void
set (GaEngine     *engine,
     const GaItem *item,
     GaAnswer     *a)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = ga_engine_set_answer (engine, item->id, a, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_clear_pointer (&a, ga_answer_free);
}

static void
run_random (GaTemplate *tmpl,
            guint32     seed,
            guint       n_steps)
{
  g_autoptr(GaEngine) engine = ga_engine_new (tmpl);
  GPtrArray *items = ga_template_get_items (tmpl);
  GRand *rand = g_rand_new_with_seed (seed);
  const GaSummary *summary;
  guint seen_veto = 0, seen_passed = 0, seen_grade = 0, seen_bonus = 0;

  assert_sums_match_formulas (engine);
  for (guint step = 0; step < n_steps; step++)
    {
      static const char * const special[] = { "VETO1", "VETO2", "BONUS1", "BONUS2", "V_PTS" };
      const GaItem *item = items->pdata[g_rand_int_range (rand, 0, items->len)];

      /* The veto and bonus items often, or the veto status, bonus, grade
       * and pass would hardly move. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        item = ga_template_find_item (tmpl, special[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (special))]);
      set (engine, item, random_answer (rand, item));
      assert_sums_match_formulas (engine);
      summary = ga_engine_get_summary (engine);
      seen_veto |= 1u << summary->veto;
      seen_passed |= 1u << (summary->passed ? 1 : 0);
      seen_grade |= summary->grade != NULL ? 2 : 1;
      seen_bonus |= summary->bonus == 0 ? 1 : summary->bonus == 3 ? 2 : 4;
      if (step % 50 == 49)
        assert_matches_fresh (engine);
    }
  assert_matches_fresh (engine);
  /* The sequence moved the veto status through pass, pending and fail,
   * the pass and the grade both ways, and the bonus through 0, the cap
   * and values between. */
  g_assert_cmpuint (seen_veto, ==, (1u << GA_VETO_PASS) | (1u << GA_VETO_PENDING)
                                   | (1u << GA_VETO_FAIL));
  g_assert_cmpuint (seen_passed, ==, 3);
  g_assert_cmpuint (seen_grade, ==, 3);
  g_assert_cmpuint (seen_bonus, ==, 7);
  g_rand_free (rand);
}

static void
test_random_exclude (void)
{
  g_autoptr(GaTemplate) tmpl = make_template ("exclude", 3);

  run_random (tmpl, 1, 600);
}

static void
test_random_many_roots (void)
{
  /* 3 + 300 first-level sections: the total nests its SUM() too, and the
   * template's own policy rescales it. */
  g_autoptr(GaTemplate) tmpl = make_template ("renormalise", 300);

  run_random (tmpl, 2, 600);
}

/* A sum that holds an inexact term is added up again, and follows
 * differences again once the last inexact term is gone. Section A has 600
 * items of 7 points: 0.1 is not a binary fraction, so 0.1 + 7·599 must be
 * the rounded left-to-right sum, and after it is replaced by 0.5 the sum is
 * exact once more: 0.5 + 7·599 = 4193.5. */
static void
test_inexact_then_exact (void)
{
  g_autoptr(GaTemplate) tmpl = make_template ("exclude", 0);
  g_autoptr(GaEngine) engine = ga_engine_new (tmpl);
  GaSection *a_section = g_ptr_array_index (ga_template_get_sections (tmpl), 0);
  GaAnswer *a;
  double expected = 0;

  g_assert_cmpstr (a_section->id, ==, "A");
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *id = g_strdup_printf ("A_%u", i);
      const GaItem *item = ga_template_find_item (tmpl, id);

      a = ga_answer_new ();
      a->value.kind = GA_VALUE_NUMBER;
      a->value.u.number = i == 0 ? 0.1 : 7;
      set (engine, item, a);
    }
  /* The formula's grouping: SUM(SUM(255 terms), SUM(255), SUM(90)). */
  {
    double groups[3] = { 0, 0, 0 };

    for (guint i = 0; i < 600; i++)
      groups[i / 255] += i == 0 ? 0.1 : 7;
    for (guint g = 0; g < 3; g++)
      expected += groups[g];
  }
  g_assert_true (same_bits (ga_engine_get_section_result (engine, a_section)->score, expected));
  assert_sums_match_formulas (engine);

  a = ga_answer_new ();
  a->value.kind = GA_VALUE_NUMBER;
  a->value.u.number = 0.5;
  set (engine, ga_template_find_item (tmpl, "A_0"), a);
  g_assert_cmpfloat (ga_engine_get_section_result (engine, a_section)->score, ==, 4193.5);
  assert_sums_match_formulas (engine);

  /* Every item N/A: the section is N/A and its sums are 0 of 0. */
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *id = g_strdup_printf ("A_%u", i);

      a = ga_answer_new ();
      a->not_applicable = TRUE;
      a->na_reason = g_strdup ("none");
      set (engine, ga_template_find_item (tmpl, id), a);
    }
  g_assert_cmpfloat (ga_engine_get_section_result (engine, a_section)->score, ==, 0);
  g_assert_cmpfloat (ga_engine_get_section_result (engine, a_section)->max, ==, 0);
  assert_sums_match_formulas (engine);
  assert_matches_fresh (engine);
}

static void
set_number (GaEngine   *engine,
            const char *id,
            double      v)
{
  GaAnswer *a = ga_answer_new ();

  a->value.kind = GA_VALUE_NUMBER;
  a->value.u.number = v;
  set (engine, ga_template_find_item (ga_engine_get_template (engine), id), a);
}

/* A change away from an inexact term is not followed by its difference:
 * section C holds C_0 = 0.9 and C_1 = 0.5 (the rest unanswered, 0), which
 * SUM() makes 1.4; C_0 becoming 0.5 must give 0.5 + 0.5 = 1 exactly, not
 * the old sum plus (0.5 - 0.9), which is 0.9999999999999999. */
static void
test_leave_inexact (void)
{
  g_autoptr(GaTemplate) tmpl = make_template ("exclude", 0);
  g_autoptr(GaEngine) engine = ga_engine_new (tmpl);
  const GaResult *c = ga_engine_lookup (engine, "C");

  g_assert_nonnull (c);
  set_number (engine, "C_0", 0.9);
  set_number (engine, "C_1", 0.5);
  g_assert_true (same_bits (c->score, 0.9 + 0.5));
  set_number (engine, "C_0", 0.5);
  g_assert_true (same_bits (c->score, 1.0));
  assert_sums_match_formulas (engine);
  assert_matches_fresh (engine);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/engine-sums/inexact-then-exact", test_inexact_then_exact);
  g_test_add_func ("/ga/engine-sums/leave-inexact", test_leave_inexact);
  g_test_add_func ("/ga/engine-sums/random-exclude", test_random_exclude);
  g_test_add_func ("/ga/engine-sums/random-many-roots", test_random_many_roots);
  return g_test_run ();
}
