/* test-diagnosis.c: the energy-saving diagnosis, the annual filing and the
 * clean-production audit: known answers of the measures register, the
 * equipment checks and the balance, the removal rules, the filing taking
 * that year's figures from the same enterprise's energy audit and
 * green-factory evaluation, and the audit's options register
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine.h"
#include "ga-session.h"
#include "ga-store-engine.h"
#include <glib/gstdio.h>

static GaEngine *
engine_with (const char *template_id,
             const char *answers_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (template_id, &error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GaAnswerSet) set = NULL;
  g_autofree char *doc = g_strdup_printf ("{\"template\": \"%s\", \"answers\": %s}", template_id,
                                          answers_json);

  g_assert_no_error (error);
  root = json_from_string (doc, &error);
  g_assert_no_error (error);
  set = ga_answer_set_new_from_json (root, tmpl, &error);
  g_assert_no_error (error);
  return ga_engine_new_with_answers (tmpl, set);
}

static double
number_of (GaEngine   *engine,
           const char *id)
{
  const GaResult *res = ga_engine_lookup (engine, id);

  g_assert_nonnull (res);
  if (!ga_value_is_number (&res->value))
    g_error ("%s is not a number (status %s)", id, ga_status_to_string (res->status));
  return res->value.u.number;
}

static double
cell_number (GaEngine   *engine,
             const char *table_id,
             guint       row,
             const char *column)
{
  GaItem *item = ga_template_find_item (ga_engine_get_template (engine), table_id);

  for (guint c = 0; c < item->columns->len; c++)
    if (g_str_equal (((GaColumn *) item->columns->pdata[c])->id, column))
      {
        const GaValue *v = ga_engine_get_cell (engine, item, row, c);

        g_assert_true (ga_value_is_number (v));
        return v->u.number;
      }
  g_assert_not_reached ();
}

static const char *
text_of_result (GaEngine   *engine,
                const char *id)
{
  const GaResult *res = ga_engine_lookup (engine, id);

  g_assert_cmpint (res->value.kind, ==, GA_VALUE_TEXT);
  return res->value.u.text;
}

#define ENERGY_1GWH \
  "\"energy\": [{\"carrier\": \"electricity\", \"qty\": 1000000, \"unit\": \"kWh\"}]," \
  " \"elec_basis\": \"calorific\", \"grid_year\": \"2023\", \"grid_region\": \"national\""

/* Measures register.
 *   energy: 1 000 000 kWh × 0.1229 kgce/kWh / 1000 = 122.9 tce (GB/T 2589 当量值);
 *     CO2 = 1 000 000 kWh × 0.5306 kgCO2/kWh (2023 national grid factor) / 1000 = 530.6 t;
 *     site factor co2_per_tce = 530.6 / 122.9 = 4.317331163547600 tCO2/tce.
 *   row 1: invest 35, 22.1 tce, money typed 12.6 → payback 35 / 12.6 = 2.777777…;
 *          CO2 = 22.1 × 4.3173311635 = 95.41301871440195
 *   row 2: invest 60, 54.6 tce, money typed 17.1 → payback 60 / 17.1 = 3.508771929824561;
 *          own factor 2.5 → CO2 = 54.6 × 2.5 = 136.5
 *   row 3: invest 18, 14.7 tce, price 5696 yuan/tce → money 14.7 × 5696 / 10000 = 8.37312;
 *          payback 18 / 8.37312 = 2.149736…; CO2 = 14.7 × 4.3173311635 = 63.4647681041497
 *   totals: invest 113; saving 91.4 tce; money 12.6 + 17.1 + 8.37312 = 38.07312;
 *          payback 113 / 38.07312 = 2.967920…; CO2 95.4130187 + 136.5 + 63.4647681 = 295.3777868;
 *          share of the total 91.4 / 122.9 × 100 = 74.36940602115541 %. */
static void
test_measures (void)
{
  g_autoptr(GaEngine) e = engine_with ("energy-diagnosis-miit",
    "{" ENERGY_1GWH ", \"measures\": ["
    " {\"m_name\": \"a\", \"m_invest\": 35, \"m_tce\": 22.1, \"m_money_own\": 12.6},"
    " {\"m_name\": \"b\", \"m_invest\": 60, \"m_tce\": 54.6, \"m_money_own\": 17.1, \"m_factor\": 2.5},"
    " {\"m_name\": \"c\", \"m_invest\": 18, \"m_tce\": 14.7, \"m_price\": 5696}]}");
  const double factor = 530.6 / 122.9;

  g_assert_cmpfloat_with_epsilon (number_of (e, "E_total"), 122.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (e, "co2_per_tce"), factor, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "measures", 0, "m_payback"), 35 / 12.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "measures", 1, "m_payback"), 3.508771929824561,
                                  1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "measures", 2, "m_money"), 8.37312, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "measures", 2, "m_payback"), 18 / 8.37312, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "measures", 0, "m_co2"), 95.41301871440195, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "measures", 1, "m_co2"), 136.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "M_invest"), 113, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "M_tce"), 91.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "M_money"), 38.07312, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "M_payback"), 113 / 38.07312, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "M_co2"), 295.37778681855165, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (e, "M_share"), 74.36940602115541, 1e-9);
  g_assert_cmpint (ga_engine_lookup (e, "M_payback")->status, ==, GA_STATUS_COMPLETE);
}

/* A measure with neither a money saving nor a price saves no money:
 * IFBLANK(blank, 22.1 × IFBLANK(blank, 0) / 10000) = 0, so its payback
 * 35 / 0 is #DIV/0! as in Excel, and so is the overall payback, rather
 * than a number that looks like an answer. */
static void
test_measure_without_money (void)
{
  g_autoptr(GaEngine) e = engine_with ("energy-diagnosis-miit",
    "{" ENERGY_1GWH ", \"measures\": [{\"m_name\": \"a\", \"m_invest\": 35, \"m_tce\": 22.1}]}");
  const GaResult *payback = ga_engine_lookup (e, "M_payback");

  g_assert_cmpfloat (cell_number (e, "measures", 0, "m_money"), ==, 0);
  g_assert_cmpint (payback->value.kind, ==, GA_VALUE_ERROR);
  g_assert_cmpint (payback->value.u.error.code, ==, GA_ERROR_CODE_DIV0);
}

/* Equipment checks against thresholds the user typed:
 *   1# compressor 71 % against 75 % → margin 71 − 75 = −4, below, "未达到";
 *   boiler 92 % against 90 % → margin +2, met, "达到";
 *   Q_count 2, Q_below 1 + 0 = 1.
 * Energy balance: furnace in 100 tce, useful 60 → loss 40, efficiency 60 %;
 *   share of the total 100 / 122.9 × 100 = 81.36696501220505 %;
 *   B_eff = 60 / 100 × 100 = 60 %.
 * Energy per unit product: 122.9 tce × 1000 / 500 t = 245.8 kgce/t; limit 250
 *   (met), benchmark 200 (not met) → "符合限额, 未达标杆". */
static void
test_equipment_and_balance (void)
{
  g_autoptr(GaEngine) e = engine_with ("energy-diagnosis-miit",
    "{" ENERGY_1GWH ", \"output_qty\": 500, \"sec_limit\": 250, \"sec_bench\": 200,"
    " \"equipment\": [{\"q_name\": \"1# 空压机\", \"q_type\": \"compressor\", \"q_eff\": 71, \"q_min\": 75},"
    "  {\"q_name\": \"锅炉\", \"q_type\": \"boiler\", \"q_eff\": 92, \"q_min\": 90}],"
    " \"balance\": [{\"b_name\": \"热处理炉\", \"b_in\": 100, \"b_use\": 60}]}");
  GaItem *eq = ga_template_find_item (ga_engine_get_template (e), "equipment");

  g_assert_cmpfloat_with_epsilon (cell_number (e, "equipment", 0, "q_gap"), -4, 1e-12);
  g_assert_cmpfloat (cell_number (e, "equipment", 0, "q_below"), ==, 1);
  g_assert_cmpfloat (cell_number (e, "equipment", 1, "q_below"), ==, 0);
  g_assert_cmpstr (ga_engine_get_cell (e, eq, 0, 7)->u.text, ==, "未达到");
  g_assert_cmpstr (ga_engine_get_cell (e, eq, 1, 7)->u.text, ==, "达到");
  g_assert_cmpfloat (number_of (e, "Q_count"), ==, 2);
  g_assert_cmpfloat (number_of (e, "Q_below"), ==, 1);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "balance", 0, "b_loss"), 40, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "balance", 0, "b_eff"), 60, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "balance", 0, "b_share"), 81.36696501220505,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (e, "B_eff"), 60, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "sec_actual"), 245.8, 1e-9);
  g_assert_cmpstr (text_of_result (e, "sec_check"), ==, "符合限额, 未达标杆");
  /* The thresholds are the user's, so the check is flagged unverified. */
  g_assert_true (ga_engine_lookup (e, "equipment")->unverified);
}

/* Removal rules: every check met → veto pass; three years in the bottom
 * 5 % → R_BOTTOM fails; not filed on time → R_FILED fails; a filing date
 * after the deadline is warned about. */
static void
test_removal_rules (void)
{
  g_autoptr(GaEngine) ok = engine_with ("annual-filing-green-factory",
    "{\"R_FILED\": true, \"R_MAJOR\": true, \"R_CREDIT\": true, \"R_TRUE\": true,"
    " \"bottom_y0\": true, \"bottom_y1\": true, \"bottom_y2\": false,"
    " \"deadline\": \"2026-04-15\", \"filed_on\": \"2026-03-28\"}");
  g_autoptr(GaEngine) bad = engine_with ("annual-filing-green-factory",
    "{\"R_FILED\": false, \"R_MAJOR\": true, \"R_CREDIT\": true, \"R_TRUE\": true,"
    " \"bottom_y0\": true, \"bottom_y1\": true, \"bottom_y2\": true,"
    " \"deadline\": \"2026-04-15\", \"filed_on\": \"2026-04-20\"}");
  const GaSummary *s_ok = ga_engine_get_summary (ok);
  const GaSummary *s_bad = ga_engine_get_summary (bad);

  g_assert_cmpint (s_ok->veto, ==, GA_VETO_PASS);
  g_assert_cmpstr (text_of_result (ok, "W_LATE"), ==, "按时");
  g_assert_cmpstr (text_of_result (ok, "removal_risk"), ==, "未发现撤销情形");
  g_assert_cmpint (s_bad->veto, ==, GA_VETO_FAIL);
  g_assert_cmpuint (s_bad->veto_failures->len, ==, 2);
  g_assert_cmpstr (((GaItem *) s_bad->veto_failures->pdata[0])->id, ==, "R_FILED");
  g_assert_cmpstr (((GaItem *) s_bad->veto_failures->pdata[1])->id, ==, "R_BOTTOM");
  g_assert_cmpstr (text_of_result (bad, "W_LATE"), ==, "晚于截止日期: 有撤销风险");
  g_assert_false (s_bad->passed);
}

/* ------------------------------------------------------------------ the store */

/* Removes the test's folder and the database files in it. */
static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  if (d != NULL)
    g_dir_close (d);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static const char gf_template[] =
  "{\"format\": 1, \"id\": \"test-gf\", \"version\": \"1\", \"kind\": \"green-factory\","
  " \"title\": \"t\", \"standard\": {\"code\": \"T\"}, \"source\": \"test\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 10},"
  " \"sections\": [{\"id\": \"S\", \"title\": \"s\", \"items\": ["
  "  {\"id\": \"A\", \"kind\": \"points\", \"points\": 10, \"title\": \"a\", \"source\": \"t\"}]}]}";

static gint64
new_assessment (GaStore    *store,
                gint64      enterprise,
                GaTemplate *tmpl,
                int         year)
{
  g_autoptr(GError) error = NULL;
  gint64 id = ga_store_new_assessment (store, enterprise, tmpl, NULL, year, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
answer (GaStore    *store,
        gint64      id,
        const char *item,
        const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_set_answer_text (store, id, item, text, &error));
  g_assert_no_error (error);
}

/* The filing of 2025 takes the total energy of the enterprise's 2025 energy
 * audit: 2 000 000 kWh × 0.1229 / 1000 = 245.8 tce (not the 2024 audit's
 * 4 000 000 kWh = 491.6 tce, nor another enterprise's); per unit product
 * 245.8 × 1000 / 1000 = 245.8 kgce. CO2 = 2 000 000 × 0.5306 / 1000 =
 * 1061.2 t. The green-factory score 7.5 comes from the 2025 evaluation.
 * A typed answer overrides; an audit whose energy table is incomplete
 * gives nothing. */
static void
test_filing_from_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-diag-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "t.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaTemplate) audit = ga_template_new_from_resource ("energy-audit-gbt17166-2019", &error);
  g_autoptr(GaTemplate) filing = ga_template_new_from_resource ("annual-filing-green-factory", &error);
  g_autoptr(GaTemplate) gf = ga_template_new_from_data (gf_template, -1, NULL, &error);
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaEnterprise) e2 = ga_enterprise_new ();
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GaSession) session = NULL;
  gint64 ent, ent2, a25, a24, g25, f25, f_other, a_other;

  g_assert_no_error (error);
  e->name = g_strdup ("年度填报测试企业");
  e->credit_code = g_strdup ("91350100M000100Y43");
  ent = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  e2->name = g_strdup ("另一家企业");
  e2->credit_code = g_strdup ("91440300MA5DC1QX1F");
  ent2 = ga_store_add_enterprise (store, e2, &error);
  g_assert_no_error (error);

  a25 = new_assessment (store, ent, audit, 2025);
  answer (store, a25, "energy", "[{\"carrier\": \"electricity\", \"qty\": 2000000, \"unit\": \"kWh\"}]");
  answer (store, a25, "elec_basis", "calorific");
  answer (store, a25, "grid_year", "2023");
  answer (store, a25, "grid_region", "national");
  a24 = new_assessment (store, ent, audit, 2024);
  answer (store, a24, "energy", "[{\"carrier\": \"electricity\", \"qty\": 4000000, \"unit\": \"kWh\"}]");
  answer (store, a24, "elec_basis", "calorific");
  g25 = new_assessment (store, ent, gf, 2025);
  answer (store, g25, "A", "7.5");
  f25 = new_assessment (store, ent, filing, 2025);
  answer (store, f25, "output_qty", "1000");

  engine = ga_store_load_engine (store, f25, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (number_of (engine, "energy_tce"), 245.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (engine, "E_per_product"), 245.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (engine, "co2_t"), 1061.2, 1e-9);
  g_assert_cmpfloat (number_of (engine, "gf_score"), ==, 7.5);
  g_assert_true (ga_engine_uses_default (engine, ga_template_find_item (filing, "energy_tce")));
  g_clear_pointer (&engine, ga_engine_unref);

  /* The session the application and the CLI use takes the same figures. */
  session = ga_session_new (store, f25, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (number_of (ga_session_get_engine (session), "energy_tce"), 245.8,
                                  1e-9);
  g_clear_object (&session);

  /* A typed figure wins: 300 tce → 300 kgce per unit. */
  answer (store, f25, "energy_tce", "300");
  engine = ga_store_load_engine (store, f25, &error);
  g_assert_cmpfloat (number_of (engine, "energy_tce"), ==, 300);
  g_assert_cmpfloat_with_epsilon (number_of (engine, "E_per_product"), 300, 1e-9);
  g_clear_pointer (&engine, ga_engine_unref);

  /* Another enterprise: its audit has a row without quantity, so the
   * total is incomplete there and the filing's figure stays open. */
  a_other = new_assessment (store, ent2, audit, 2025);
  answer (store, a_other, "energy", "[{\"carrier\": \"electricity\", \"unit\": \"kWh\"}]");
  f_other = new_assessment (store, ent2, filing, 2025);
  engine = ga_store_load_engine (store, f_other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_engine_lookup (engine, "energy_tce")->value.kind, ==, GA_VALUE_BLANK);
  g_assert_cmpint (ga_engine_lookup (engine, "gf_score")->value.kind, ==, GA_VALUE_BLANK);
  g_clear_pointer (&engine, ga_engine_unref);

  g_clear_object (&store);
  remove_dir (dir);
}

/* The demo factory's diagnosis holds four measures: investment
 * 35 + 60 + 18 + 45 = 158 万元, saving 22.1 + 54.6 + 14.7 + 36.4 = 127.8 tce;
 * its filing of 2025 shows the total energy of its 2025 energy audit. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-diag-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaEnterprise) demo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GaEngine) diagnosis = NULL;
  g_autoptr(GaEngine) filing = NULL;
  g_autoptr(GaEngine) audit = NULL;
  g_autoptr(GaEngine) cp_audit = NULL;

  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);
  demo = ga_store_find_enterprise (store, GA_STORE_DEMO_CREDIT_CODE, &error);
  g_assert_nonnull (demo);
  list = ga_store_list_assessments (store, demo->id, &error);
  for (guint i = 0; i < list->len; i++)
    {
      const GaAssessment *a = list->pdata[i];
      GaEngine *engine = ga_store_load_engine (store, a->id, &error);

      g_assert_no_error (error);
      if (g_str_equal (a->kind, "energy-diagnosis"))
        diagnosis = engine;
      else if (g_str_equal (a->kind, "annual-filing"))
        filing = engine;
      else if (g_str_equal (a->kind, "energy-audit"))
        audit = engine;
      else if (g_str_equal (a->kind, "cp-audit"))
        cp_audit = engine;
      else
        ga_engine_unref (engine);
    }
  g_assert_nonnull (diagnosis);
  g_assert_nonnull (filing);
  g_assert_nonnull (audit);
  g_assert_cmpfloat (number_of (diagnosis, "M_count"), ==, 4);
  g_assert_cmpfloat_with_epsilon (number_of (diagnosis, "M_invest"), 158, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (diagnosis, "M_tce"), 127.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (filing, "energy_tce"), number_of (audit, "E_total"),
                                  1e-9);
  g_assert_cmpint (ga_engine_get_summary (filing)->veto, ==, GA_VETO_PASS);
  /* The clean-production audit, half done: every demo answer taken (3
   * options: 0 + 6 + 120 = 126; focus 电镀车间 9×10 + 9×8 + 8×5 + 6×3 = 220),
   * screened as mandatory. */
  g_assert_nonnull (cp_audit);
  g_assert_cmpfloat (number_of (cp_audit, "O_n_options"), ==, 3);
  g_assert_cmpfloat_with_epsilon (number_of (cp_audit, "O_invest"), 126, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (cp_audit, "O_focus_top"), 220, 1e-9);
  g_assert_cmpstr (text_of_result (cp_audit, "O_kind"), ==, "强制性审核");
  g_assert_cmpint (ga_engine_get_summary (cp_audit)->status, ==, GA_STATUS_INCOMPLETE);

  g_clear_object (&store);
  remove_dir (dir);
}

/* A cell the register leaves empty: blank, or an empty text. */
static gboolean
cell_is_empty (GaEngine   *engine,
               const char *table_id,
               guint       row,
               const char *column)
{
  GaItem *item = ga_template_find_item (ga_engine_get_template (engine), table_id);

  for (guint c = 0; c < item->columns->len; c++)
    if (g_str_equal (((GaColumn *) item->columns->pdata[c])->id, column))
      {
        const GaValue *v = ga_engine_get_cell (engine, item, row, c);

        return v->kind == GA_VALUE_BLANK || (v->kind == GA_VALUE_TEXT && *v->u.text == '\0');
      }
  g_assert_not_reached ();
}

/* The clean-production audit (cp-audit-hj469): F = (P − D)(1 − tax) + D,
 * D = I / life; N = I / F; NPV = F × (1 − (1 + i)^−n) / i − I; NPVR = NPV / I;
 * IRR the rate where NPV = 0.
 *   O1 medium: I 210, P 121, 2 years, no tax, 5 %: D 105, F (121 − 105) + 105
 *      = 121; N 210/121 = 1.7355371900826446; NPV 121/1.05 + 121/1.05² − 210
 *      = 115.2380952 + 109.7505669 − 210 = 14.988662131519419; NPVR 7.13745815786639 %;
 *      IRR 10 %: 121/1.1 + 121/1.21 = 110 + 100 = 210.
 *   O2 high: I 100, P 40, 5 years, tax 25 %, 10 %: D 20, F 20 × 0.75 + 20 = 35;
 *      N 2.857142857142857; NPV 35 × (1 − 1.1^−5)/0.1 − 100 = 35 × 3.790786769
 *      − 100 = 32.67753692929577 (NPVR the same in %); IRR r with
 *      35 × (1 − (1 + r)^−5)/r = 100: 22.106292153309106 %.
 *   O3 no cost: I 0, P 3: no payback, NPV or IRR (blank).
 *   O4 low: I 50, P 5, 10 years, tax 25 %, 8 %: D 5, F 0 × 0.75 + 5 = 5; N 10;
 *      NPV 5 × 6.710081399 − 50 = −16.449593005292762; IRR 0 (10 × 5 = 50).
 *   Totals: I 360, P 169, NPV 14.9886621 + 32.6775369 − 16.4495930 = 31.216606055522427.
 *   Balance: in 1 000 + 200, out 950 + 238: (1 200 − 1 188)/1 200 = 1 %.
 *   Focus: weights 10 and 8; 电镀线 8 × 10 + 9 × 8 = 152, 前处理 5 × 10 + 6 × 8 = 98.
 *   Targets: 100 → 90 and 80: −10 % and −20 %.
 *   Screening: M3 (toxic substances) yes -> 强制性审核. */
static void
test_cp_audit_options (void)
{
  g_autoptr(GaEngine) e = engine_with ("cp-audit-hj469",
    "{\"M1\": false, \"M2\": false, \"M3\": true,"
    " \"crit1\": \"废物量\", \"w1\": 10, \"crit2\": \"环境代价\", \"w2\": 8,"
    " \"focus\": [{\"f_name\": \"电镀线\", \"f_s1\": 8, \"f_s2\": 9},"
    "  {\"f_name\": \"前处理\", \"f_s1\": 5, \"f_s2\": 6}],"
    " \"targets\": [{\"t_name\": \"单位产品取水量\", \"t_base\": 100, \"t_near\": 90,"
    "  \"t_long\": 80}],"
    " \"balance\": [{\"b_name\": \"原料\", \"b_in\": 1000}, {\"b_name\": \"水\", \"b_in\": 200},"
    "  {\"b_name\": \"产品\", \"b_out\": 950}, {\"b_name\": \"废水\", \"b_out\": 238}],"
    " \"options\": ["
    "  {\"o_id\": \"O1\", \"o_name\": \"逆流漂洗\", \"o_cost\": \"medium\", \"o_invest\": 210,"
    "   \"o_benefit\": 121, \"o_life\": 2, \"o_rate\": 5},"
    "  {\"o_id\": \"O2\", \"o_name\": \"镀液回收\", \"o_cost\": \"high\", \"o_invest\": 100,"
    "   \"o_benefit\": 40, \"o_life\": 5, \"o_tax\": 25, \"o_rate\": 10},"
    "  {\"o_id\": \"O3\", \"o_name\": \"关闭长流水\", \"o_cost\": \"none\", \"o_invest\": 0,"
    "   \"o_benefit\": 3},"
    "  {\"o_id\": \"O4\", \"o_name\": \"更换水泵\", \"o_cost\": \"low\", \"o_invest\": 50,"
    "   \"o_benefit\": 5, \"o_life\": 10, \"o_tax\": 25, \"o_rate\": 8}]}");

  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 0, "o_cash"), 121, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 0, "o_payback"),
                                  1.7355371900826446, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 0, "o_npv"), 14.988662131519419,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 0, "o_npvr"), 7.13745815786639,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 0, "o_irr"), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 1, "o_dep"), 20, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 1, "o_cash"), 35, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 1, "o_payback"),
                                  2.857142857142857, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 1, "o_npv"), 32.67753692929577,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 1, "o_irr"), 22.106292153309106,
                                  1e-9);
  g_assert_true (cell_is_empty (e, "options", 2, "o_payback"));
  g_assert_true (cell_is_empty (e, "options", 2, "o_npv"));
  g_assert_true (cell_is_empty (e, "options", 2, "o_irr"));
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 3, "o_payback"), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 3, "o_npv"), -16.449593005292762,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "options", 3, "o_irr"), 0, 1e-9);

  g_assert_cmpfloat_with_epsilon (number_of (e, "O_invest"), 360, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "O_benefit"), 169, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "O_npv"), 31.216606055522427, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (e, "O_n_options"), 4, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_of (e, "O_closure"), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_of (e, "O_focus_top"), 152, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "focus", 1, "f_total"), 98, 1e-12);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "targets", 0, "t_near_pct"), -10, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (e, "targets", 0, "t_long_pct"), -20, 1e-9);
  g_assert_cmpstr (text_of_result (e, "O_kind"), ==, "强制性审核");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/diagnosis/measures", test_measures);
  g_test_add_func ("/ga/diagnosis/measure-without-money", test_measure_without_money);
  g_test_add_func ("/ga/diagnosis/equipment-and-balance", test_equipment_and_balance);
  g_test_add_func ("/ga/diagnosis/removal-rules", test_removal_rules);
  g_test_add_func ("/ga/diagnosis/filing-from-store", test_filing_from_store);
  g_test_add_func ("/ga/diagnosis/demo", test_demo);
  g_test_add_func ("/ga/cp-audit/options", test_cp_audit_options);
  return g_test_run ();
}
