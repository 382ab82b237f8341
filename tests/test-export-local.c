/* test-export-local.c: the local summary tables of a green-manufacturing
 * round (附件2, 附件3, 附件4) in the workbook: what each cell says, from the
 * store through the export job, recalculated by LibreOffice
 * (tests/export-check.py), in Chinese and English
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ga-export-job.h"
#include "ga-local-tables.h"
#include "ga-store-engine.h"
#include "ga-store-test-utils.h"

#define PYTHON "/usr/bin/python3"

typedef struct {
  char    *dir;
  GaStore *store;
  gint64   factory;   /* the green-factory assessment of 2025, exported */
  gint64   audit;     /* the final energy audit of 2024 */
  gint64   draft;     /* a draft energy audit of 2024, changed later */
} Fixture;

static gint64
new_assessment (GaStore    *store,
                gint64      enterprise,
                const char *template_id,
                int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (template_id, &error);
  gint64 id;

  g_assert_no_error (error);
  id = ga_store_new_assessment (store, enterprise, tmpl, NULL, year, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
answer (GaStore    *store,
        gint64      id,
        const char *item,
        const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_store_save_answer (store, id, item, json, &error));
  g_assert_no_error (error);
}

static void
add_project (GaStore    *store,
             gint64      enterprise,
             const char *name,
             const char *type,
             double      investment,
             const char *start,
             const char *end,
             double      energy,
             double      co2,
             double      water,
             GaProjectProgress progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaProject) p = ga_project_new ();

  p->enterprise_id = enterprise;
  p->name = g_strdup (name);
  p->type = g_strdup (type);
  p->investment = investment;
  p->start_on = g_strdup (start);
  p->end_on = g_strdup (end);
  p->energy_saving = energy;
  p->co2_cut = co2;
  p->water_saving = water;
  p->progress = progress;
  g_assert_cmpint (ga_store_add_project (store, p, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autofree char *path = NULL;
  gint64 eid;

  f->dir = g_dir_make_tmp ("ga-export-local-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "l.db", NULL);
  f->store = ga_store_open (path, &error);
  g_assert_no_error (error);
  e->name = g_strdup ("培育测试机械有限公司");
  e->credit_code = g_strdup ("91350100M000100Y43");
  e->industry = g_strdup ("34");
  e->contact_name = g_strdup ("张三");
  e->contact_phone = g_strdup ("0591-12345678");
  e->output_value = 20000;
  e->value_added = 5000;
  eid = ga_store_add_enterprise (f->store, e, &error);
  g_assert_no_error (error);

  f->factory = new_assessment (f->store, eid, "gbt36132-2025", 2025);
  /* 2024: 2000 units of a fuel at 1500 kgce and 2.5 tCO2 each, so
   * 3000 tce and 5000 t CO2; value added 4000 万元; 120 t of solid waste of
   * which 108 t used: 90 %. */
  f->audit = new_assessment (f->store, eid, "energy-audit-gbt17166-2019", 2024);
  answer (f->store, f->audit, "value_added", "4000");
  answer (f->store, f->audit, "energy_other",
          "[{\"o_name\": \"生物质\", \"o_unit\": \"t\", \"o_qty\": 2000, \"o_coef\": 1500,"
          " \"o_ef\": 2.5, \"o_src\": \"实测\"}]");
  /* The energy table needs a row: raw coal, none used. */
  answer (f->store, f->audit, "energy", "[{\"carrier\": \"raw_coal\", \"qty\": 0}]");
  answer (f->store, f->audit, "grid_year", "\"2021\"");
  answer (f->store, f->audit, "grid_region", "\"northeast\"");
  answer (f->store, f->audit, "water_withdrawal", "52000");
  answer (f->store, f->audit, "sw_generated", "120");
  answer (f->store, f->audit, "sw_utilised", "108");
  answer (f->store, f->audit, "sw_stock_utilised", "0");
  g_assert_true (ga_store_set_assessment_status (f->store, f->audit, GA_ASSESSMENT_FINAL,
                                                 &error));
  g_assert_no_error (error);
  /* A draft of the same year changed after it: the final audit wins. */
  f->draft = new_assessment (f->store, eid, "energy-audit-gbt17166-2019", 2024);
  answer (f->store, f->draft, "value_added", "9999");

  add_project (f->store, eid, "锅炉余热回收改造", "energy", 320.5, "2024-03", "2025-06", 850,
               2210.4, NAN, GA_PROJECT_IN_PROGRESS);
  add_project (f->store, eid, "中水回用", "water", 80, "2025-01", NULL, NAN, NAN, 12000,
               GA_PROJECT_PLANNED);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ga_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* What the job gathers, before any workbook: the years and the rows. */
static void
test_gather (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GaExportLocalTables) t = NULL;
  const GaExportYear *y;

  t = ga_local_tables_gather (f->store, f->factory, NULL, GA_EXPORT_LEVEL_PROVINCIAL, 2027,
                              &projects, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->category, ==, GA_EXPORT_CATEGORY_FACTORY);
  g_assert_cmpint (t->level, ==, GA_EXPORT_LEVEL_PROVINCIAL);
  g_assert_cmpuint (t->years->len, ==, 3);

  /* 2023: no assessment, nothing known. */
  y = &g_array_index (t->years, GaExportYear, 0);
  g_assert_cmpint (y->year, ==, 2023);
  g_assert_true (isnan (y->value_added) && isnan (y->energy) && isnan (y->output_value));

  y = &g_array_index (t->years, GaExportYear, 1);
  g_assert_cmpint (y->year, ==, 2024);
  g_assert_cmpfloat_with_epsilon (y->value_added, 4000, 1e-9);
  g_assert_cmpfloat_with_epsilon (y->energy, 3000, 1e-9);      /* 2000 × 1500 kgce / 1000 */
  g_assert_cmpfloat_with_epsilon (y->co2, 5000, 1e-9);         /* 2000 × 2.5 t */
  g_assert_cmpfloat_with_epsilon (y->water, 52000, 1e-9);
  g_assert_cmpfloat_with_epsilon (y->solid_waste, 120, 1e-9);
  g_assert_cmpfloat_with_epsilon (y->waste_use_rate, 90, 1e-9); /* 108 / (120 + 0) × 100 */
  g_assert_true (isnan (y->output_value));   /* the record's figures are not 2024's */
  g_assert_true (isnan (y->energy_per_product));   /* no product output answered */

  /* 2025: the enterprise record, shown on the basic-information sheet. */
  y = &g_array_index (t->years, GaExportYear, 2);
  g_assert_cmpfloat (y->output_value, ==, 20000);
  g_assert_cmpfloat (y->value_added, ==, 5000);
  g_assert_true (isnan (y->co2));

  g_assert_cmpuint (projects->len, ==, 2);
  ga_local_tables_set_projects (t, projects, "en");
  g_assert_cmpstr (((GaExportProject *) t->projects->pdata[0])->type, ==, "Energy saving");
  g_assert_cmpstr (((GaExportProject *) t->projects->pdata[1])->progress, ==, "Planned");
  ga_local_tables_set_projects (t, projects, "zh_CN");
  g_assert_cmpuint (t->projects->len, ==, 2);
  g_assert_cmpstr (((GaExportProject *) t->projects->pdata[0])->type, ==, "节能");
  g_assert_cmpstr (((GaExportProject *) t->projects->pdata[0])->progress, ==, "在建");
}

static char *
export_local (Fixture    *f,
              const char *language,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GaExportJob) job = ga_export_job_new (f->store, f->factory, path, &error);

  g_assert_no_error (error);
  ga_export_job_set_language (job, language);
  ga_export_job_set_created (job, 1767225600);
  ga_export_job_set_date (job, "2026-01-01");
  g_assert_true (ga_export_job_add_local_tables (job, f->store, GA_EXPORT_LEVEL_NATIONAL, 2026,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (ga_export_job_run (job, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
expect_number (JsonObject *o,
               const char *ref,
               double      value)
{
  json_object_set_double_member (o, ref, value);
}

/* The workbook's cells, as LibreOffice computes them after a recalculation:
 * every formula agrees with its cached value, and the figures are the hand
 * calculations of the fixture. */
static void
test_recalc (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *zh = export_local (f, "zh_CN", "zh.xlsx");
  g_autofree char *en = export_local (f, "en", "en.xlsx");
  g_autofree char *script = g_build_filename (GA_SOURCE_DIR, "tests", "export-check.py", NULL);
  g_autofree char *manifest = g_build_filename (f->dir, "manifest.json", NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *x = json_object_new ();
  JsonObject *y = json_object_new ();
  JsonNode *xn = json_node_new (JSON_NODE_OBJECT);
  JsonNode *yn = json_node_new (JSON_NODE_OBJECT);
  int status;

  /* 附件2: the record, the category from the template, the options. */
  json_object_set_string_member (x, "'附件2 培育计划'!$C$4", "培育测试机械有限公司");
  json_object_set_string_member (x, "'附件2 培育计划'!$E$4", "绿色工厂");
  json_object_set_string_member (x, "'附件2 培育计划'!$F$4", "通用设备制造业（34）");
  json_object_set_string_member (x, "'附件2 培育计划'!$G$4", "国家级");
  expect_number (x, "'附件2 培育计划'!$H$4", 2026);
  json_object_set_string_member (x, "'附件2 培育计划'!$I$4", "张三 / 0591-12345678");
  /* 附件3: 2023 empty, 2024 from the final audit, 2025 from the record. */
  json_object_set_string_member (x, "'附件3 绩效指标'!$E$4", "");
  json_object_set_string_member (x, "'附件3 绩效指标'!$J$4", "");
  expect_number (x, "'附件3 绩效指标'!$C$5", 2024);
  expect_number (x, "'附件3 绩效指标'!$E$5", 4000);
  expect_number (x, "'附件3 绩效指标'!$F$5", 3000);
  expect_number (x, "'附件3 绩效指标'!$I$5", 5000);
  expect_number (x, "'附件3 绩效指标'!$J$5", 1.25);    /* 5000 t / 4000 万元 */
  expect_number (x, "'附件3 绩效指标'!$K$5", 52000);
  expect_number (x, "'附件3 绩效指标'!$M$5", 120);
  expect_number (x, "'附件3 绩效指标'!$N$5", 90);
  expect_number (x, "'附件3 绩效指标'!$D$6", 20000);
  expect_number (x, "'附件3 绩效指标'!$E$6", 5000);
  json_object_set_string_member (x, "'附件3 绩效指标'!$J$6", "");
  /* 附件4: the rows and the totals 320.5 + 80, 850, 2210.4, 12000. */
  json_object_set_string_member (x, "'附件4 改造项目'!$B$5", "锅炉余热回收改造");
  json_object_set_string_member (x, "'附件4 改造项目'!$C$5", "节能");
  json_object_set_string_member (x, "'附件4 改造项目'!$F$5", "2024-03 至 2025-06");
  json_object_set_string_member (x, "'附件4 改造项目'!$J$5", "在建");
  json_object_set_string_member (x, "'附件4 改造项目'!$F$6", "2025-01 起");
  expect_number (x, "'附件4 改造项目'!$E$7", 400.5);
  expect_number (x, "'附件4 改造项目'!$G$7", 850);
  expect_number (x, "'附件4 改造项目'!$H$7", 2210.4);
  expect_number (x, "'附件4 改造项目'!$I$7", 12000);
  /* The layout is marked unverified beside the headings. */
  json_object_set_string_member (x, "'附件4 改造项目'!$K$4", "※");

  json_object_set_string_member (y, "'Annex 2 Plan'!$G$4", "National");
  expect_number (y, "'Annex 3 Indicators'!$J$5", 1.25);
  json_object_set_string_member (y, "'Annex 4 Projects'!$C$5", "Energy saving");
  json_object_set_string_member (y, "'Annex 4 Projects'!$F$6", "from 2025-01");
  json_object_set_string_member (y, "'Annex 4 Projects'!$J$6", "Planned");
  expect_number (y, "'Annex 4 Projects'!$E$7", 400.5);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "xlsx");
  json_builder_add_string_value (b, zh);
  json_builder_set_member_name (b, "expect");
  json_node_take_object (xn, x);
  json_builder_add_value (b, xn);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "xlsx");
  json_builder_add_string_value (b, en);
  json_builder_set_member_name (b, "expect");
  json_node_take_object (yn, y);
  json_builder_add_value (b, yn);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  g_assert_true (json_generator_to_file (gen, manifest, &error));
  g_assert_no_error (error);

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is not installed");
      return;
    }
  {
    const char *argv[] = { PYTHON, script, "recalc", manifest, NULL };
    g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                     | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);

    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
    g_assert_no_error (error);
    status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
  }
  g_test_message ("%s%s", out != NULL ? out : "", err != NULL ? err : "");
  if (status == 77 && g_getenv ("CI") == NULL)
    {
      g_test_skip_printf ("export-check.py recalc: %s", err);
      return;
    }
  g_assert_cmpint (status, ==, 0);
}

/* Without a database there is no enterprise register to read. */
static void
test_refused_without_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("gbt36132-2025", &error);
  g_autoptr(GaEngine) engine = ga_engine_new (tmpl);
  g_autoptr(GaExportJob) job = ga_export_job_new_for_engine (engine, NULL, "/tmp/x.xlsx");

  g_assert_false (ga_export_job_add_local_tables (job, NULL, GA_EXPORT_LEVEL_NONE, 0, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ga/export-local/gather", Fixture, NULL, fixture_setup, test_gather,
              fixture_teardown);
  g_test_add ("/ga/export-local/recalc", Fixture, NULL, fixture_setup, test_recalc,
              fixture_teardown);
  g_test_add_func ("/ga/export-local/refused-without-database", test_refused_without_database);
  return g_test_run ();
}
