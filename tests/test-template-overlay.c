/* test-template-overlay.c: templates that extend another one
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The industry green-factory templates extend GB/T 36132-2025 through a
 * list of changes; the tests check that the changes land where they say,
 * that a wrong change is reported in the overlay's own terms, that the
 * result scores as the hand calculation says, and that an assessment keeps
 * the base as it was (the stored copy needs no base).
 */
#include "config.h"

#include <string.h>

#include "ga-engine.h"
#include "ga-store-engine.h"
#include "ga-store-test-utils.h"
#include "ga-template.h"

static const char *const industry[] = {
  "gf2025-aluminium", "gf2025-cement", "gf2025-chlor-alkali", "gf2025-flat-glass",
  "gf2025-paper", "gf2025-steel",
};

static GaTemplate *
bundled (const char *id)
{
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_resource (id, &error);

  g_assert_no_error (error);
  return tmpl;
}

static char *
bundled_sha256 (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/io/github/greenassess/GreenAssess/templates/%s.json",
                                           id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GaTemplate) force = bundled (id);   /* registers the resources */

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (bytes);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Each industry template is the 2025 general standard with its products'
 * energy rows and a veto for the limit value; the base is named with the
 * hash of the bytes it was built from. */
static void
test_bundled (void)
{
  g_autoptr(GaTemplate) base = bundled ("gbt36132-2025");
  g_autofree char *base_hash = bundled_sha256 ("gbt36132-2025");

  for (guint i = 0; i < G_N_ELEMENTS (industry); i++)
    {
      g_autoptr(GaTemplate) tmpl = bundled (industry[i]);
      const char *id = NULL, *version = NULL, *sha = NULL;
      GaItem *limit = ga_template_find_item (tmpl, "BR_limit");
      GaItem *rows = ga_template_find_item (tmpl, "EN1P");

      g_test_message ("%s", industry[i]);
      g_assert_cmpint (ga_template_get_kind (tmpl), ==, GA_TEMPLATE_KIND_GREEN_FACTORY);
      g_assert_true (ga_template_get_based_on (tmpl, &id, &version, &sha));
      g_assert_cmpstr (id, ==, "gbt36132-2025");
      g_assert_cmpstr (version, ==, ga_template_get_version (base));
      g_assert_cmpstr (sha, ==, base_hash);
      g_assert_false (ga_template_get_verified (tmpl));
      g_assert_nonnull (limit);
      g_assert_true (limit->veto);
      g_assert_nonnull (rows);
      g_assert_cmpuint (ga_template_get_items (tmpl)->len, >, ga_template_get_items (base)->len);
      g_assert_cmpfloat (ga_template_get_max_score (tmpl), ==, 100);
      g_assert_false (ga_template_get_based_on (base, NULL, NULL, NULL));
    }
}

static const char overlay_ok[] =
  "{\"format\": 1, \"id\": \"t-overlay\", \"version\": \"0.1.0\", \"title\": \"测试行业\","
  " \"standard\": {\"code\": \"T/TEST 1-2026\"}, \"source\": \"test\","
  " \"extends\": {\"id\": \"gbt36132-2025\"},"
  " \"scoring\": {\"pass\": 60},"
  " \"changes\": ["
  "  {\"remove\": \"RE1b\"},"
  "  {\"set\": \"RE1a\", \"fields\": {\"points\": 8, \"title\": \"节约原材料案例\"}},"
  "  {\"add\": {\"id\": \"BR_x\", \"kind\": \"compliance\", \"veto\": true,"
  "            \"title\": \"行业准入\", \"source\": \"T/TEST 1-2026\"}, \"to\": \"S_BR\", \"after\": \"BR1\"},"
  "  {\"set\": \"BR_x\", \"fields\": {\"requirement\": \"符合行业规范条件\"}}"
  " ]}";

/* RE1b (4 points) goes, RE1a takes its points (4 + 4 = 8, so S_RE1 keeps
 * 8 and the total 100); the new veto item sits between BR1 and BR2 and a
 * later change reaches it. */
static void
test_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_data (overlay_ok, -1, "test", &error);
  GaSection *br;
  GaItem *re1a, *x;

  g_assert_no_error (error);
  g_assert_null (ga_template_find_item (tmpl, "RE1b"));
  re1a = ga_template_find_item (tmpl, "RE1a");
  g_assert_cmpfloat (re1a->points, ==, 8);
  g_assert_cmpstr (ga_text_get (&re1a->title, "zh_CN"), ==, "节约原材料案例");
  x = ga_template_find_item (tmpl, "BR_x");
  g_assert_nonnull (x);
  g_assert_true (x->veto);
  g_assert_cmpstr (ga_text_get (&x->requirement, "zh_CN"), ==, "符合行业规范条件");
  br = ga_template_find_section (tmpl, "S_BR");
  g_assert_cmpuint (br->items->len, ==, 3);
  g_assert_cmpstr (((GaItem *) g_ptr_array_index (br->items, 0))->id, ==, "BR1");
  g_assert_cmpstr (((GaItem *) g_ptr_array_index (br->items, 1))->id, ==, "BR_x");
  g_assert_cmpstr (((GaItem *) g_ptr_array_index (br->items, 2))->id, ==, "BR2");
  g_assert_cmpfloat (ga_template_get_pass_score (tmpl), ==, 60);
  g_assert_cmpfloat (ga_template_get_max_score (tmpl), ==, 100);
  g_assert_cmpstr (ga_template_get_id (tmpl), ==, "t-overlay");
  /* The base is unverified, so the result is too, with the base's reason. */
  g_assert_false (ga_template_get_verified (tmpl));
  g_assert_nonnull (strstr (ga_template_get_unverified_reason (tmpl), "gbt36132-2025: "));
}

static void
assert_problems (const char        *json,
                 const char *const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = ga_template_validate_data (json, -1, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < problems->len; k++)
        found |= strstr (problems->pdata[k], expected[i]) != NULL;
      if (!found)
        g_test_message ("missing: %s", expected[i]);
      g_assert_true (found);
    }
}

/* Wrong changes are reported in the overlay's terms, all at once. */
static void
test_problems (void)
{
  static const char bad[] =
    "{\"format\": 1, \"id\": \"t-bad\", \"version\": \"0.1\", \"title\": \"x\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"kind\": \"energy-audit\","
    " \"sections\": [], \"extends\": {\"id\": \"gbt36132-2025\"},"
    " \"changes\": [{\"remove\": \"NOPE\"}, {\"add\": {\"id\": \"EN2\", \"kind\": \"yesno\"},"
    " \"to\": \"S_EN2\"}, {\"frobnicate\": 1}, {\"add\": {\"id\": \"Z\", \"kind\": \"yesno\"},"
    " \"to\": \"S_EN2\", \"after\": \"NOT_THERE\"}]}";
  static const char *const bad_expected[] = {
    "kind: 'energy-audit' differs from the kind of gbt36132-2025",
    "sections: unknown field 'sections'",
    "changes[0]: 'NOPE' is not a section, item or output of the base",
    "changes[1]: 'EN2' is already an id of the base",
    "changes[2]: a change says what it does",
    "changes[3]: \"after\": 'NOT_THERE' is not in the items",
    NULL
  };
  static const char old_base[] =
    "{\"format\": 1, \"id\": \"t-old\", \"version\": \"0.1\", \"title\": \"x\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\","
    " \"extends\": {\"id\": \"gbt36132-2025\", \"version\": \"0.0.1\"}, \"changes\": []}";
  static const char *const old_expected[] = {
    "extends.version: this template was written for gbt36132-2025 0.0.1", NULL
  };
  static const char sums[] =
    "{\"format\": 1, \"id\": \"t-sums\", \"version\": \"0.1\", \"title\": \"x\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\","
    " \"extends\": {\"id\": \"gbt36132-2025\"},"
    " \"changes\": [{\"set\": \"EN2\", \"fields\": {\"points\": 12}}]}";
  static const char *const sums_expected[] = {
    "after the changes, sections[1].sections[1].points: the items and subsections add up to 12 "
    "points, not 11",
    NULL
  };
  static const char missing[] =
    "{\"format\": 1, \"id\": \"t-missing\", \"version\": \"0.1\", \"title\": \"x\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"extends\": {\"id\": \"gbt99999\"}}";
  static const char *const missing_expected[] = {
    "extends.id: no bundled template 'gbt99999' (bundled: ", NULL
  };

  assert_problems (bad, bad_expected);
  assert_problems (old_base, old_expected);
  assert_problems (sums, sums_expected);
  assert_problems (missing, missing_expected);
}

/* Industry templates name their GB/T 4754 divisions; the general one none.
 * A finer code of the division fits too. */
static void
test_industries (void)
{
  g_autoptr(GaTemplate) cement = bundled ("gf2025-cement");
  g_autoptr(GaTemplate) steel = bundled ("gf2025-steel");
  g_autoptr(GaTemplate) general = bundled ("gbt36132-2025");
  static const char bad[] =
    "{\"format\": 1, \"id\": \"t-ind\", \"version\": \"0.1\", \"title\": \"x\","
    " \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"industries\": [\"C30\", 30],"
    " \"extends\": {\"id\": \"gbt36132-2025\"}}";
  static const char *const bad_expected[] = {
    "industries[0]: an industry is a GB/T 4754-2017 division",
    "industries[1]: an industry is a GB/T 4754-2017 division",
    NULL
  };

  g_assert_cmpstr (ga_template_get_industries (cement)[0], ==, "30");
  g_assert_true (ga_template_fits_industry (cement, "30"));
  g_assert_true (ga_template_fits_industry (cement, "3011"));
  g_assert_false (ga_template_fits_industry (cement, "31"));
  g_assert_false (ga_template_fits_industry (cement, NULL));
  g_assert_true (ga_template_fits_industry (steel, "31"));
  g_assert_null (ga_template_get_industries (general));
  g_assert_false (ga_template_fits_industry (general, "30"));
  assert_problems (bad, bad_expected);
}

/* The diagnosis takes the energy audit's factor tables instead of copies:
 * the same rows, the same values, and a wrong reference is reported. */
static void
test_shared_tables (void)
{
  g_autoptr(GaTemplate) audit = bundled ("energy-audit-gbt17166-2019");
  g_autoptr(GaTemplate) diagnosis = bundled ("energy-diagnosis-miit");
  static const char *const tables[] = { "gbt2589", "units", "co2_fuel_a", "co2_heat", "grid_ef" };
  static const char bad[] =
    "{\"format\": 1, \"id\": \"t-tables\", \"version\": \"0.1\", \"kind\": \"custom\","
    " \"title\": \"x\", \"standard\": {\"code\": \"X\"}, \"source\": \"s\","
    " \"tables\": [{\"from\": \"energy-audit-gbt17166-2019\", \"id\": \"nope\"},"
    "  {\"from\": \"gbt99999\", \"id\": \"gbt2589\"},"
    "  {\"from\": \"energy-audit-gbt17166-2019\", \"id\": \"gbt2589\", \"rows\": []}],"
    " \"sections\": [{\"id\": \"S\", \"title\": \"s\", \"items\": ["
    "  {\"id\": \"A\", \"kind\": \"number\", \"title\": \"a\", \"source\": \"s\"}]}]}";
  static const char *const bad_expected[] = {
    "tables[0].from: 'energy-audit-gbt17166-2019' has no lookup table 'nope'",
    "tables[1].from: no bundled template 'gbt99999'",
    "tables[2].from: a shared table is written {\"from\": \"TEMPLATE\", \"id\": \"TABLE\"} and "
    "nothing else",
    NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      const GaLookupTable *a = ga_template_find_table (audit, tables[i]);
      const GaLookupTable *d = ga_template_find_table (diagnosis, tables[i]);

      g_assert_nonnull (a);
      g_assert_nonnull (d);
      g_assert_cmpuint (a->rows->len, ==, d->rows->len);
    }
  /* 原煤 in both: GB/T 2589 Annex A, 0.7143 kgce/kg. */
  g_assert_cmpfloat (ga_lookup_table_get (ga_template_find_table (diagnosis, "gbt2589"),
                                          "raw_coal", "kgce")->u.number, ==, 0.7143);
  g_assert_cmpfloat (ga_lookup_table_get (ga_template_find_table (audit, "gbt2589"),
                                          "raw_coal", "kgce")->u.number, ==, 0.7143);
  assert_problems (bad, bad_expected);
}

/* Cement, one product row as the template prefills it (熟料: 引领值 100 =
 * GB 16780-2021 grade 1, 基准值 107 = grade 2) with the factory's 103.5
 * kgce/t: EN1 = 11 × (107 − 103.5) / (107 − 100) = 11 × 0.5 = 5.5 points.
 * 熟料 above the grade 3 limit answered 不符合 fails the veto. */
static void
test_score (void)
{
  static const char answers_json[] =
    "{\"template\": \"gf2025-cement\", \"answers\": {"
    " \"EN1_basis\": \"product\","
    " \"EN1P\": [{\"EN1P_name\": \"熟料\", \"EN1P_unit\": \"kgce/t\", \"EN1P_x\": 103.5,"
    "            \"EN1P_lead\": 100, \"EN1P_base\": 107, \"EN1P_w\": 1}],"
    " \"BR1\": \"yes\", \"BR2\": \"yes\", \"BR_limit\": \"no\"}}";
  g_autoptr(GaTemplate) tmpl = bundled ("gf2025-cement");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) engine = NULL;
  const GaResult *en1;
  const GaSummary *sum;

  g_assert_true (json_parser_load_from_data (parser, answers_json, -1, &error));
  answers = ga_answer_set_new_from_json (json_parser_get_root (parser), tmpl, &error);
  g_assert_no_error (error);
  engine = ga_engine_new_with_answers (tmpl, answers);
  en1 = ga_engine_lookup (engine, "EN1");
  g_assert_cmpfloat_with_epsilon (en1->value.u.number, 5.5, 1e-9);
  sum = ga_engine_get_summary (engine);
  g_assert_cmpint (sum->veto, ==, GA_VETO_FAIL);
  g_assert_cmpuint (sum->veto_failures->len, ==, 1);
  g_assert_cmpstr (((GaItem *) g_ptr_array_index (sum->veto_failures, 0))->id, ==, "BR_limit");
}

/* An assessment pins the expanded template: the stored copy names its
 * base and loads without it, with the same content hash. */
static void
test_pinned (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, &error);
  g_autofree char *path = g_build_filename (dir, "o.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaTemplate) tmpl = bundled ("gf2025-steel");
  g_autoptr(GaTemplate) stored = NULL;
  g_autoptr(GaTemplate) again = NULL;
  GBytes *bytes;
  const char *id = NULL, *sha = NULL;
  gint64 enterprise, assessment;

  g_assert_no_error (error);
  e->name = g_strdup ("钢铁测试企业");
  e->credit_code = g_strdup ("91350100M000100Y43");
  enterprise = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  assessment = ga_store_new_assessment (store, enterprise, tmpl, NULL, 2025, NULL, &error);
  g_assert_no_error (error);
  stored = ga_store_load_template (store, assessment, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ga_template_get_content_hash (stored), ==,
                   ga_template_get_content_hash (tmpl));
  g_assert_true (ga_template_get_based_on (stored, &id, NULL, &sha));
  g_assert_cmpstr (id, ==, "gbt36132-2025");
  g_assert_cmpuint (strlen (sha), ==, 64);

  /* The stored bytes are the whole template: no "extends" left to resolve. */
  bytes = ga_template_get_bytes (stored);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               "\"extends\""));
  again = ga_template_new_from_data (g_bytes_get_data (bytes, NULL),
                                     (gssize) g_bytes_get_size (bytes), "copy", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ga_template_find_item (again, "BR_ule"));

  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/template/overlay/bundled", test_bundled);
  g_test_add_func ("/ga/template/overlay/changes", test_changes);
  g_test_add_func ("/ga/template/overlay/problems", test_problems);
  g_test_add_func ("/ga/template/overlay/industries", test_industries);
  g_test_add_func ("/ga/template/overlay/shared-tables", test_shared_tables);
  g_test_add_func ("/ga/template/overlay/score", test_score);
  g_test_add_func ("/ga/template/overlay/pinned", test_pinned);
  return g_test_run ();
}
