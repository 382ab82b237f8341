/* test-supply-chain.c: the green supply chain templates score known answers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand calculations for the MIIT green supply chain management templates
 * (resources/templates/gscm-miit-*.json): a partly filled generic
 * assessment, the supplier indicators counted from the register, the
 * industry variants that share the generic indicators, and the star bands
 * of the electronics index. The expected numbers are worked out in the
 * comments, not taken from the engine.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine.h"

static GaTemplate *
load_template (const char *id)
{
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_resource (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  return tmpl;
}

/* An engine over @tmpl with the answers of the JSON object @answers (the
 * "answers" member of an answers file). */
static GaEngine *
engine_with (GaTemplate *tmpl,
             const char *answers)
{
  g_autofree char *text = g_strdup_printf ("{\"template\": \"%s\", \"answers\": %s}",
                                           ga_template_get_id (tmpl), answers);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (text, &error);
  g_autoptr(GaAnswerSet) set = NULL;
  GaEngine *engine;

  g_assert_no_error (error);
  set = ga_answer_set_new_from_json (root, tmpl, &error);
  g_assert_no_error (error);
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, set);
  return engine;
}

static GaEngine *
engine_from_fixture (GaTemplate *tmpl,
                     const char *fixture_template,
                     const char *name)
{
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "templates",
                                            fixture_template, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *answers;
  g_autofree char *answers_text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  answers = json_object_get_object_member (json_node_get_object (root), "answers");
  {
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

    json_node_set_object (node, answers);
    answers_text = json_to_string (node, FALSE);
  }
  return engine_with (tmpl, answers_text);
}

static void
assert_close (const char *what,
              double      got,
              double      want)
{
  if (isnan (got) || fabs (got - want) > 1e-9 * MAX (1.0, fabs (want)))
    g_error ("%s: expected %.12g, got %.12g", what, want, got);
}

static const GaResult *
result (GaEngine   *engine,
        const char *id)
{
  const GaResult *r = ga_engine_lookup (engine, id);

  if (r == NULL)
    g_error ("no result for '%s'", id);
  return r;
}

static void
assert_number_value (GaEngine   *engine,
                     const char *id,
                     double      want)
{
  const GaResult *r = result (engine, id);

  if (r->value.kind != GA_VALUE_NUMBER)
    {
      g_autofree char *shown = ga_value_to_display (&r->value);
      g_error ("%s: expected the number %.12g, got %s '%s'", id, want,
               ga_value_kind_to_string (r->value.kind), shown);
    }
  assert_close (id, r->value.u.number, want);
}

static void
assert_section (GaEngine   *engine,
                const char *id,
                double      score,
                double      max)
{
  const GaResult *r = result (engine, id);
  g_autofree char *what_score = g_strdup_printf ("section %s score", id);
  g_autofree char *what_max = g_strdup_printf ("section %s max", id);

  assert_close (what_score, r->score, score);
  assert_close (what_max, r->max, max);
}

/* ------------------------------------------------------------------ generic */

/* gscm-miit-generic case1, partly filled (N/A policy "exclude": the points
 * of an N/A item leave the maximum; an unanswered item scores 0 and stays
 * in it):
 *   basic requirements BR1–BR4 yes -> veto passes.
 *   S1 strategy: X11 6 + X12 6 + X13 3 = 15 of 20.
 *   S2 suppliers: X21 2 + X22 3 + X23 1.5 + X24 unanswered 0 + X26 2 = 8.5;
 *      X25 N/A, so its 3 points leave the maximum: 8.5 of 20 − 3 = 17.
 *   S3 production: X31 8 + X32 10 = 18 of 20.
 *   S4 recycling: X41 3 + X42 unanswered 0 + X43 5 = 8; X44 N/A (−5): 8 of 15.
 *      X41's working: 120 recovered ÷ 1 000 sold × 100 = 12 %.
 *   S5 platform: X51 unanswered: 0 of 10.
 *   S6 disclosure: X61 2.5 + X62 2.5 + X63 1 + X64 0 = 6 of 10.
 *   Total 15 + 8.5 + 18 + 8 + 0 + 6 = 55.5 of 100 − 3 − 5 = 92; GSCI (the
 *   sum of the six sections) 55.5. Incomplete: X24, X42, X51 and X42's
 *   working are open. */
static void
test_generic_partly_filled (void)
{
  g_autoptr(GaTemplate) tmpl = load_template ("gscm-miit-generic");
  g_autoptr(GaEngine) engine = engine_from_fixture (tmpl, "gscm-miit-generic", "case1.json");
  const GaSummary *sum = ga_engine_get_summary (engine);

  assert_close ("total", sum->score, 55.5);
  assert_close ("maximum", sum->max, 92);
  g_assert_cmpint (sum->veto, ==, GA_VETO_PASS);
  g_assert_cmpint (sum->status, ==, GA_STATUS_INCOMPLETE);
  g_assert_null (sum->grade);          /* the generic system has no bands */
  assert_section (engine, "S1", 15, 20);
  assert_section (engine, "S2", 8.5, 17);
  assert_section (engine, "S3", 18, 20);
  assert_section (engine, "S4", 8, 15);
  assert_section (engine, "S5", 0, 10);
  assert_section (engine, "S6", 6, 10);
  assert_number_value (engine, "gscm_index", 55.5);
  assert_number_value (engine, "X41_rate", 12);
  g_assert_cmpint (result (engine, "X25")->status, ==, GA_STATUS_NA);
  g_assert_cmpint (result (engine, "X24")->status, ==, GA_STATUS_INCOMPLETE);
  /* Nothing of it is confirmed against an official text. */
  g_assert_true (result (engine, "X11")->unverified);
  g_assert_true (result (engine, "green_share_count")->unverified);
}

/* case1 with BR3 "partial" (an accident-free record not shown in full):
 * a basic requirement partly met fails the gate; the score stays 55.5 of
 * 92 but the result does not pass. */
static void
test_generic_gate (void)
{
  g_autoptr(GaTemplate) tmpl = load_template ("gscm-miit-generic");
  g_autoptr(GaEngine) engine = engine_from_fixture (tmpl, "gscm-miit-generic", "case1.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswerSet) set = ga_answer_set_copy (ga_engine_get_answers (engine));
  const GaSummary *sum;
  g_autoptr(JsonNode) partial = json_from_string ("\"partial\"", &error);

  g_assert_no_error (error);
  ga_answer_set_take (set, "BR3", ga_answer_from_json (partial,
                                                       ga_template_find_item (tmpl, "BR3"),
                                                       &error));
  g_assert_no_error (error);
  ga_engine_set_answers (engine, set);
  sum = ga_engine_get_summary (engine);
  g_assert_cmpint (sum->veto, ==, GA_VETO_FAIL);
  g_assert_false (sum->passed);
  g_assert_cmpuint (sum->veto_failures->len, ==, 1);
  g_assert_cmpstr (((GaItem *) sum->veto_failures->pdata[0])->id, ==, "BR3");
  assert_close ("total", sum->score, 55.5);
}

/* ------------------------------------------------------------------ register */

/* The 4-row register of case1:
 *   甲 material  green factory, evidence given   500 万元  low      audited
 *   乙 parts     ISO 14001, no evidence          300 万元  medium   audited
 *   丙 packaging none                            150 万元  high     not audited
 *   丁 logistics GSCM enterprise, evidence       50 万元   not rated (audit blank)
 * green by count: 甲, 乙, 丁 = 3 of 4 = 75 %;
 * green by amount: (500 + 300 + 50) / (500 + 300 + 150 + 50) = 850 / 1 000 = 85 %;
 * green without evidence: 乙 = 1;
 * low risk: 甲 = 1 of the 3 rated (甲, 乙, 丙) = 33.333… %;
 * medium/high audited: 乙 of 乙, 丙 = 1 of 2 = 50 %. */
static void
test_register_shares (void)
{
  g_autoptr(GaTemplate) tmpl = load_template ("gscm-miit-generic");
  g_autoptr(GaEngine) engine = engine_from_fixture (tmpl, "gscm-miit-generic", "case1.json");

  assert_number_value (engine, "suppliers", 4);
  assert_number_value (engine, "green_share_count", 75);
  assert_number_value (engine, "green_share_amount", 85);
  assert_number_value (engine, "green_no_evidence_n", 1);
  assert_number_value (engine, "low_risk_share", 100.0 / 3.0);
  assert_number_value (engine, "hm_audit_rate", 50);
  assert_number_value (engine, "out_green_amount", 85);
  g_assert_cmpint (result (engine, "green_share_amount")->status, ==, GA_STATUS_COMPLETE);
}

/* The register's edge cases:
 *  - unanswered: every share waits for it (incomplete), none is 0;
 *  - two low-risk green suppliers, 80 and 20 万元, nobody medium or high:
 *    green 100 % by count and by amount, low risk 2/2 = 100 %, and the
 *    audit rate of medium/high-risk suppliers does not apply (N/A, not
 *    #DIV/0!);
 *  - one supplier not rated: the low-risk share does not apply either. */
static void
test_register_edges (void)
{
  g_autoptr(GaTemplate) tmpl = load_template ("gscm-miit-generic");
  g_autoptr(GaEngine) open = engine_with (tmpl, "{\"BR1\": \"yes\"}");
  g_autoptr(GaEngine) low = engine_with (tmpl,
      "{\"suppliers\": ["
      "{\"sup_name\": \"A\", \"sup_green\": \"iso14001\", \"sup_evidence\": \"CN-1\","
      " \"sup_amount\": 80, \"sup_risk\": \"low\"},"
      "{\"sup_name\": \"B\", \"sup_green\": \"other\", \"sup_evidence\": \"环境标志\","
      " \"sup_amount\": 20, \"sup_risk\": \"low\"}]}");
  g_autoptr(GaEngine) unrated = engine_with (tmpl,
      "{\"suppliers\": [{\"sup_name\": \"C\", \"sup_green\": \"none\","
      " \"sup_amount\": 10, \"sup_risk\": \"unrated\"}]}");

  g_assert_cmpint (result (open, "green_share_count")->status, ==, GA_STATUS_INCOMPLETE);
  g_assert_cmpint (result (open, "low_risk_share")->status, ==, GA_STATUS_INCOMPLETE);
  g_assert_cmpint (result (open, "green_share_count")->value.kind, !=, GA_VALUE_NUMBER);

  assert_number_value (low, "green_share_count", 100);
  assert_number_value (low, "green_share_amount", 100);
  assert_number_value (low, "green_no_evidence_n", 0);
  assert_number_value (low, "low_risk_share", 100);
  g_assert_cmpint (result (low, "hm_audit_rate")->status, ==, GA_STATUS_NA);

  assert_number_value (unrated, "green_share_count", 0);
  g_assert_cmpint (result (unrated, "low_risk_share")->status, ==, GA_STATUS_NA);
}

/* ------------------------------------------------------------------ variants */

/* The machinery and automotive systems' own indicators were not
 * retrievable: their templates carry the generic indicators and points,
 * so case1's answers score the same 55.5 of 92 there, and each says in its title
 * that the generic indicators stand in. */
static void
test_stand_in_variants (void)
{
  static const char *const ids[] = { "gscm-miit-machinery", "gscm-miit-automotive" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GaTemplate) tmpl = load_template (ids[i]);
      g_autoptr(GaEngine) engine = engine_from_fixture (tmpl, "gscm-miit-generic", "case1.json");
      const GaSummary *sum = ga_engine_get_summary (engine);

      assert_close (ids[i], sum->score, 55.5);
      assert_close (ids[i], sum->max, 92);
      g_assert_false (ga_template_get_verified (tmpl));
      g_assert_nonnull (strstr (ga_text_get (ga_template_get_title (tmpl), "en"), "generic ones used"));
      g_assert_cmpint (ga_template_get_kind (tmpl), ==, GA_TEMPLATE_KIND_SUPPLY_CHAIN);
    }
}

/* All 20 indicators at full points (100), then lowered as @changes says,
 * in the electronics template. */
static GaEngine *
electronics_with (GaTemplate *tmpl,
                  const char *changes)
{
  static const struct { const char *id; double points; } full[] = {
    { "X11", 8 }, { "X12", 6 }, { "X13", 6 }, { "X21", 4 }, { "X22", 3 }, { "X23", 3 },
    { "X24", 3 }, { "X25", 3 }, { "X26", 4 }, { "X31", 10 }, { "X32", 10 }, { "X41", 5 },
    { "X42", 5 }, { "X43", 5 }, { "X44", 5 }, { "X51", 10 }, { "X61", 2.5 }, { "X62", 2.5 },
    { "X63", 2.5 }, { "X64", 2.5 },
  };
  g_autoptr(JsonNode) changed = json_from_string (changes, NULL);
  JsonObject *lower = json_node_get_object (changed);
  g_autoptr(GString) answers = g_string_new ("{\"BR1\": \"yes\", \"BR2\": \"yes\", "
                                             "\"BR3\": \"yes\", \"BR4\": \"yes\"");

  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    {
      double v = json_object_has_member (lower, full[i].id)
                 ? json_object_get_double_member (lower, full[i].id) : full[i].points;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (answers, ", \"%s\": %s", full[i].id,
                              g_ascii_dtostr (buf, sizeof buf, v));
    }
  g_string_append (answers, "}");
  return engine_with (tmpl, answers->str);
}

static void
assert_star (GaTemplate *tmpl,
             const char *changes,
             double      total,
             const char *grade)
{
  g_autoptr(GaEngine) engine = electronics_with (tmpl, changes);
  const GaSummary *sum = ga_engine_get_summary (engine);

  assert_close (changes, sum->score, total);
  assert_number_value (engine, "gscm_index", total);
  g_assert_nonnull (sum->grade);
  if (g_strcmp0 (sum->grade->id, grade) != 0)
    g_error ("EGSCI %g: grade %s, expected %s", total, sum->grade->id, grade);
}

/* EGSCI star bands (≥ 85 five, 80–85 four, 75–80 three, 70–75 two, < 70
 * one; lower bounds inclusive), on the generic points:
 *   100 − X51 10 − X32 10 = 80 exactly            -> four stars (80 is in 80–85)
 *   80 − X64 2 (0.5 of 2.5)  = 78                 -> three stars
 *   100 − X51 10 − X11 5 (3 of 8) = 85 exactly    -> five stars
 *   100 − X51 10 − X32 10 − X31 10 − X64 0.5 = 69.5 -> one star
 *   100 − X51 10 − X31 10 − X32 10 = 70 exactly   -> two stars
 *   all full, 100                                  -> five stars */
static void
test_electronics_stars (void)
{
  g_autoptr(GaTemplate) tmpl = load_template ("gscm-miit-electronics");

  assert_star (tmpl, "{\"X51\": 0, \"X32\": 0}", 80, "4");
  assert_star (tmpl, "{\"X51\": 0, \"X32\": 0, \"X64\": 0.5}", 78, "3");
  assert_star (tmpl, "{\"X51\": 0, \"X11\": 3}", 85, "5");
  assert_star (tmpl, "{\"X51\": 0, \"X32\": 0, \"X31\": 0, \"X64\": 2}", 69.5, "1");
  assert_star (tmpl, "{\"X51\": 0, \"X31\": 0, \"X32\": 0}", 70, "2");
  assert_star (tmpl, "{}", 100, "5");
}

/* A failed basic requirement gives no star at all, whatever the index. */
static void
test_electronics_gate (void)
{
  g_autoptr(GaTemplate) tmpl = load_template ("gscm-miit-electronics");
  g_autoptr(GaEngine) engine = electronics_with (tmpl, "{}");
  g_autoptr(GaEngine) failed = NULL;

  g_assert_nonnull (ga_engine_get_summary (engine)->grade);
  failed = engine_with (tmpl, "{\"BR1\": \"no\", \"X11\": 8, \"X51\": 10}");
  g_assert_cmpint (ga_engine_get_summary (failed)->veto, ==, GA_VETO_FAIL);
  g_assert_null (ga_engine_get_summary (failed)->grade);
}

/* The electronics register counts the suppliers with a green agreement:
 * two of three signed -> 66.666… %; a recorded item, not scored. */
static void
test_electronics_agreement (void)
{
  g_autoptr(GaTemplate) tmpl = load_template ("gscm-miit-electronics");
  g_autoptr(GaEngine) engine = engine_with (tmpl,
      "{\"suppliers\": ["
      "{\"sup_name\": \"A\", \"sup_green\": \"factory\", \"sup_evidence\": \"x\","
      " \"sup_amount\": 1, \"sup_risk\": \"low\", \"sup_agreement\": \"yes\"},"
      "{\"sup_name\": \"B\", \"sup_green\": \"none\", \"sup_amount\": 1, \"sup_risk\": \"low\","
      " \"sup_agreement\": \"yes\"},"
      "{\"sup_name\": \"C\", \"sup_green\": \"none\", \"sup_amount\": 1, \"sup_risk\": \"low\"}]}");
  const GaItem *item = ga_template_find_item (tmpl, "agreement_share");

  assert_number_value (engine, "agreement_share", 200.0 / 3.0);
  g_assert_true (isnan (item->points));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/supply-chain/generic/partly-filled", test_generic_partly_filled);
  g_test_add_func ("/ga/supply-chain/generic/gate", test_generic_gate);
  g_test_add_func ("/ga/supply-chain/register/shares", test_register_shares);
  g_test_add_func ("/ga/supply-chain/register/edges", test_register_edges);
  g_test_add_func ("/ga/supply-chain/variants/stand-in", test_stand_in_variants);
  g_test_add_func ("/ga/supply-chain/electronics/stars", test_electronics_stars);
  g_test_add_func ("/ga/supply-chain/electronics/gate", test_electronics_gate);
  g_test_add_func ("/ga/supply-chain/electronics/agreement", test_electronics_agreement);

  return g_test_run ();
}
