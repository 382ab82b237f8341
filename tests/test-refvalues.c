/* test-refvalues.c: reference tables of baselines and leading values
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Look-up by industry and product, a typed value overriding, an indicator
 * answered not applicable, the rule of a baseline equal to the leading
 * value (engine and Excel form), a result that waits for an input, the
 * store (schema 6, migration from schema 5, packages, db check) and the
 * import of a sheet with rows that cannot be read.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ga-refvalues-import.h"
#include "ga-session.h"
#include "ga-store-engine.h"
#include "ga-store-test-utils.h"

#define CODE "91350100M000100Y43"

static GaRefTable *
sample_table (void)
{
  GaRefTable *t = ga_ref_table_new ("sample", "Sample table", "2026");

  t->source = g_strdup ("test source");
  ga_ref_table_add_row (t, "gbt36132-2025", "RE3", "", "", 80, 92);
  ga_ref_table_add_row (t, "gbt36132-2025", "RE3", "C26", "", 70, 90);
  ga_ref_table_add_row (t, "gbt36132-2025", "RE3", "2614", "", 60, 85);
  ga_ref_table_add_row (t, "gbt36132-2025", "EN2", "", "", 400, 200);
  ga_ref_table_add_row (t, "gbt36132-2025", "EN1P", "", "电石", 1000, 800);
  ga_ref_table_add_row (t, "gbt36132-2025", "EN1P", "C26", "电石", 950, 850);
  return t;
}

static void
test_lookup (void)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_ref_table_free);
  const GaRefRow *r;

  g_ptr_array_add (tables, sample_table ());
  /* Any industry: the row without one. */
  r = ga_ref_tables_lookup (tables, "gbt36132-2025", "RE3", "", "");
  g_assert_nonnull (r);
  g_assert_cmpfloat (r->baseline, ==, 80);
  /* C2614 (section letter and class): "2614" is longer than "C26". */
  r = ga_ref_tables_lookup (tables, "gbt36132-2025", "RE3", "C2614", "");
  g_assert_cmpfloat (r->baseline, ==, 60);
  r = ga_ref_tables_lookup (tables, "gbt36132-2025", "RE3", "2619", "");
  g_assert_cmpfloat (r->baseline, ==, 70);
  r = ga_ref_tables_lookup (tables, "gbt36132-2025", "RE3", "C34", "");
  g_assert_cmpfloat (r->baseline, ==, 80);
  /* Products: matched without case or spaces around, never across. */
  r = ga_ref_tables_lookup (tables, "gbt36132-2025", "EN1P", "C26", " 电石 ");
  g_assert_cmpfloat (r->leading, ==, 850);
  r = ga_ref_tables_lookup (tables, "gbt36132-2025", "EN1P", "C34", "电石");
  g_assert_cmpfloat (r->leading, ==, 800);
  g_assert_null (ga_ref_tables_lookup (tables, "gbt36132-2025", "EN1P", "C26", "水泥"));
  g_assert_null (ga_ref_tables_lookup (tables, "gbt36132-2025", "EN1P", "C26", ""));
  g_assert_null (ga_ref_tables_lookup (tables, "gbt36132-2018", "RE3", "", ""));
}

static GaTemplate *
template_2025 (void)
{
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_resource ("gbt36132-2025", &error);

  g_assert_no_error (error);
  return tmpl;
}

static GaAnswerSet *
answers_from (GaTemplate *tmpl,
              const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("{\"template\": \"gbt36132-2025\", \"answers\": %s}",
                                           json);
  GaAnswerSet *set;

  g_assert_true (json_parser_load_from_data (parser, file, -1, &error));
  set = ga_answer_set_new_from_json (json_parser_get_root (parser), tmpl, &error);
  g_assert_no_error (error);
  return set;
}

static double
answer_number (GaAnswerSet *set,
               const char  *id)
{
  const GaAnswer *a = ga_answer_set_get (set, id);

  return a != NULL && a->value.kind == GA_VALUE_NUMBER ? a->value.u.number : NAN;
}

/* A typed value wins; a blank one is looked up; the table's cells by the
 * row's product; an indicator answered 不适用 makes its slots N/A. */
static void
test_fill (void)
{
  g_autoptr(GaTemplate) tmpl = template_2025 ();
  g_autoptr(GPtrArray) slots = ga_ref_slots_find (tmpl);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_ref_table_free);
  g_autoptr(GPtrArray) fills = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaAnswerSet) typed = NULL;
  g_autoptr(GaAnswerSet) filled = NULL;
  g_autoptr(GaEngine) engine = NULL;
  const GaAnswer *table;
  GaRow *row;
  g_autofree char *text = NULL;
  gboolean found_en1p = FALSE;

  g_ptr_array_add (tables, sample_table ());
  /* Every interp item of the template has its two number items, and the
   * per-product tables their two columns. */
  for (guint i = 0; i < slots->len; i++)
    found_en1p |= g_str_equal (((GaRefSlot *) slots->pdata[i])->item->id, "EN1P");
  g_assert_true (found_en1p);
  g_assert_nonnull (ga_ref_slots_for_item (slots, ga_template_find_item (tmpl, "RE3_base")));
  g_assert_null (ga_ref_slots_for_item (slots, ga_template_find_item (tmpl, "RE3")));

  typed = answers_from (tmpl, "{\"RE3\": 85, \"RE3_base\": 75, \"EN2\": {\"na\": \"无\"},"
                              " \"EN1_basis\": \"product\", \"EN1P\": [{\"EN1P_name\": \"电石\","
                              " \"EN1P_x\": 900, \"EN1P_w\": 1}, {\"EN1P_name\": \"水泥\","
                              " \"EN1P_x\": 90, \"EN1P_w\": 1}]}");
  filled = ga_ref_fill_answers (tmpl, slots, typed, tables, "C26", fills);
  /* RE3_base typed 75 stays; RE3_lead from the C26 row. */
  g_assert_cmpfloat (answer_number (filled, "RE3_base"), ==, 75);
  g_assert_cmpfloat (answer_number (filled, "RE3_lead"), ==, 90);
  g_assert_cmpfloat (answer_number (typed, "RE3_lead"), !=, 90);
  /* EN2 not applicable: its baseline and leading value are too. */
  g_assert_true (ga_answer_set_get (filled, "EN2_base")->not_applicable);
  g_assert_true (ga_answer_set_get (filled, "EN2_lead")->not_applicable);
  /* 电石 from the C26 row; 水泥 has none and stays blank. */
  table = ga_answer_set_get (filled, "EN1P");
  row = table->rows->pdata[0];
  g_assert_cmpfloat (row->cells[3].u.number, ==, 850);  /* EN1P_lead */
  g_assert_cmpfloat (row->cells[4].u.number, ==, 950);  /* EN1P_base */
  row = table->rows->pdata[1];
  g_assert_cmpint (row->cells[4].kind, ==, GA_VALUE_BLANK);
  /* RE3_lead, EN2_base, EN2_lead, two cells of 电石; RE3 is scored from
   * 75 to 90: (85 − 75)/(90 − 75) × 4 = 2.6667. */
  g_assert_cmpuint (fills->len, ==, 5);
  for (guint i = 0; i < fills->len; i++)
    {
      const GaRefFill *f = fills->pdata[i];
      if (f->slot->item == ga_template_find_item (tmpl, "RE3_lead"))
        text = ga_ref_fill_describe (f);
    }
  g_assert_nonnull (strstr (text, "Sample table"));
  g_assert_nonnull (strstr (text, "test source"));
  g_assert_nonnull (strstr (text, "90"));
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, filled);
  g_assert_cmpfloat_with_epsilon (ga_engine_lookup (engine, "RE3")->score, 40.0 / 15.0, 1e-12);
  g_assert_cmpint (ga_engine_lookup (engine, "EN2_base")->status, ==, GA_STATUS_NA);
}

static void
eval_text (const char *text,
           GaValue    *out)
{
  g_autoptr(GError) error = NULL;
  GaFormula *f = ga_formula_parse (text, NULL, &error);
  GaFormulaContext ctx = { 0 };

  g_assert_no_error (error);
  ga_formula_evaluate (f, &ctx, out);
  ga_formula_unref (f);
}

/* The rule of a baseline equal to the leading value, as INTERP writes it
 * for the engine and for Excel. */
static void
test_equal_values (void)
{
  GaValue v = GA_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GaFormula *f;
  g_autofree char *excel = NULL;

  /* Lower is better, 5 = 5: 3 meets it -> 4 points; 6 does not -> 0; 5 -> 4. */
  eval_text ("INTERP(3,5,5,4,\"<=\")", &v);
  g_assert_cmpfloat (v.u.number, ==, 4);
  eval_text ("INTERP(6,5,5,4,\"<=\")", &v);
  g_assert_cmpfloat (v.u.number, ==, 0);
  eval_text ("INTERP(5,5,5,4,\"<=\")", &v);
  g_assert_cmpfloat (v.u.number, ==, 4);
  /* Higher is better: 79.9 < 80 -> 0; 80 -> 8. */
  eval_text ("INTERP(79.9,80,80,8,\">=\")", &v);
  g_assert_cmpfloat (v.u.number, ==, 0);
  eval_text ("INTERP(80,80,80,8,\">=\")", &v);
  g_assert_cmpfloat (v.u.number, ==, 8);
  /* Different values interpolate as before: (15 − 20)/(10 − 20) × 4 = 2. */
  eval_text ("INTERP(15,20,10,4,\"<=\")", &v);
  g_assert_cmpfloat (v.u.number, ==, 2);
  /* Without a direction equal values stay #DIV/0!. */
  eval_text ("INTERP(3,5,5,4)", &v);
  g_assert_cmpint (v.kind, ==, GA_VALUE_ERROR);
  g_assert_cmpint (v.u.error.code, ==, GA_ERROR_CODE_DIV0);
  ga_value_clear (&v);
  /* A direction that is not a comparator is refused when parsed. */
  g_assert_null (ga_formula_parse ("INTERP(1,2,3,4,\"lower\")", NULL, &error));
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_ARGUMENTS);
  g_clear_error (&error);

  f = ga_formula_parse ("INTERP(x,b,l,p,\"<=\")", NULL, &error);
  g_assert_no_error (error);
  excel = ga_formula_to_excel (f, NULL, &error);
  g_assert_no_error (error);
  /* The blank and N/A guard of every reference, then the rule. */
  g_assert_cmpstr (excel, ==, "IF(OR(x=\"\",b=\"\",l=\"\",p=\"\"),\"\","
                   "IF(OR(x=\"N/A\",b=\"N/A\",l=\"N/A\",p=\"N/A\"),\"N/A\","
                   "IF(l=b,IF(x<=l,p,0),p*MAX(0,MIN(1,(x-b)/(l-b))))))");
  ga_formula_unref (f);
}

/* 单位产品 chosen before any product row: EN1 is not an error but waits,
 * and says for what; the summary has no "errors". */
static void
test_missing_input (void)
{
  g_autoptr(GaTemplate) tmpl = template_2025 ();
  g_autoptr(GaAnswerSet) answers = answers_from (tmpl, "{\"EN1_basis\": \"product\","
                                                       " \"EN2\": 300}");
  g_autofree char *en2 = NULL;
  g_autoptr(GaEngine) engine = ga_engine_new (tmpl);
  g_autofree char *why = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *shown = NULL;
  const GaResult *r;

  ga_engine_set_answers (engine, answers);
  r = ga_engine_lookup (engine, "EN1");
  g_assert_cmpint (r->status, ==, GA_STATUS_INCOMPLETE);
  g_assert_cmpint (r->value.kind, ==, GA_VALUE_BLANK);
  why = ga_engine_explain (engine, "EN1");
  g_assert_nonnull (strstr (why, "needs"));
  g_assert_nonnull (strstr (why, "EN1P"));
  g_assert_null (strstr (why, "#DIV/0!"));
  shown = ga_engine_format_value (engine, "EN1");
  g_assert_cmpstr (shown, ==, "");
  /* EN2 answered, its baseline and leading value not: it names them. */
  en2 = ga_engine_explain (engine, "EN2");
  g_assert_nonnull (strstr (en2, "needs 基准值 (baseline) EN2_base, 引领值 (leading value) "
                                 "EN2_lead"));
  summary = ga_engine_explain_summary (engine);
  g_assert_null (strstr (summary, "error"));
  g_assert_cmpint (ga_engine_get_summary (engine)->status, ==, GA_STATUS_INCOMPLETE);
}

static GaStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GaStore *store = ga_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static GPtrArray *
check_problems (GaStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (ga_store_check (store, problems, &error));
  g_assert_no_error (error);
  return problems;
}

/* Put, list (latest first), replace by key and version, remove; a
 * session of a C26 enterprise takes values from the stored table before
 * the bundled one; a package carries the table to another database. */
static void
test_store_and_package (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *pkg = g_build_filename (dir, "a.gapkg", NULL);
  g_autoptr(GaStore) store = open_store (dir, "a.db");
  g_autoptr(GaStore) other = NULL;
  g_autoptr(GaRefTable) t = sample_table ();
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaTemplate) tmpl = template_2025 ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GaSession) session = NULL;
  const GaRefFill *fill;
  gint64 id, id2, enterprise, assessment;

  e->name = g_strdup ("参考值测试企业");
  e->credit_code = g_strdup (CODE);
  e->industry = g_strdup ("C26");
  enterprise = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  assessment = ga_store_new_assessment (store, enterprise, tmpl, NULL, 2025, NULL, &error);
  g_assert_no_error (error);

  id = ga_store_put_ref_table (store, t, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* The same key and version again replaces it. */
  ga_ref_table_add_row (t, "gbt36132-2025", "RE4", "", "", 50, 90);
  id2 = ga_store_put_ref_table (store, t, &error);
  g_assert_no_error (error);
  list = ga_store_list_ref_tables (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((GaRefTable *) list->pdata[0])->store_id, ==, id2);
  g_assert_cmpuint (((GaRefTable *) list->pdata[0])->rows->len, ==, 7);
  g_assert_false (((GaRefTable *) list->pdata[0])->verified);
  g_clear_pointer (&list, g_ptr_array_unref);
  problems = check_problems (store);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The session: RE3_lead from the stored C26 row (90), not the bundled
   * example (92.22); typing overrides, clearing brings it back. */
  session = ga_session_new (store, assessment, NULL, &error);
  g_assert_no_error (error);
  {
    const GaItem *lead = ga_template_find_item (ga_session_get_template (session), "RE3_lead");
    GaEngine *engine = ga_session_get_engine (session);
    fill = ga_session_get_ref_fill (session, lead, G_MAXUINT, G_MAXUINT);
    g_assert_nonnull (fill);
    g_assert_cmpfloat (fill->value, ==, 90);
    g_assert_cmpfloat (ga_engine_lookup (engine, "RE3_lead")->value.u.number, ==, 90);
    g_assert_null (ga_session_get_answer (session, lead));
    g_assert_true (ga_session_set_answer_text (session, lead, "95", NULL, &error));
    g_assert_no_error (error);
    g_assert_null (ga_session_get_ref_fill (session, lead, G_MAXUINT, G_MAXUINT));
    g_assert_cmpfloat (ga_engine_lookup (engine, "RE3_lead")->value.u.number, ==, 95);
    g_assert_true (ga_session_set_answer (session, lead, NULL, &error));
    g_assert_cmpfloat (ga_engine_lookup (engine, "RE3_lead")->value.u.number, ==, 90);
    /* A value only the bundled table has: LA2 51 / 40. */
    g_assert_cmpfloat (ga_engine_lookup (engine, "LA2_lead")->value.u.number, ==, 51);
  }
  g_clear_object (&session);

  g_assert_true (ga_store_export_package (store, assessment, pkg, &error));
  g_assert_no_error (error);
  other = open_store (dir, "b.db");
  ga_store_import_package (other, pkg, 0, &error);
  g_assert_no_error (error);
  list = ga_store_list_ref_tables (other, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((GaRefTable *) list->pdata[0])->id, ==, "sample");
  g_assert_cmpuint (((GaRefTable *) list->pdata[0])->rows->len, ==, 7);
  g_clear_pointer (&list, g_ptr_array_unref);
  problems = check_problems (other);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A damaged stored table is found by db check. */
  g_assert_cmpint (sqlite3_exec (ga_store_get_handle (other),
                                 "UPDATE reference_tables SET content = '{\"rows\": 1}'", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  problems = check_problems (other);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "reference table"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (ga_store_remove_ref_table (store, id2, &error));
  g_assert_no_error (error);
  g_assert_false (ga_store_remove_ref_table (store, id2, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_object (&store);
  g_clear_object (&other);
  ga_test_rm_rf (dir);
}

/* tests/fixtures/store/schema-v5.db: read as it is it has no reference
 * tables; the migration keeps every row, adds the empty table, and the
 * typed RE3_base 75 still wins over a looked-up value. */
static void
test_migrate_v5 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *fixture = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "store",
                                               "schema-v5.db", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GaRefTable) t = sample_table ();
  gsize len;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  store = ga_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, 5);
  list = ga_store_list_ref_tables (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (ga_store_put_ref_table (store, t, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&store);

  store = ga_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_get_schema_version (store), ==, GA_STORE_SCHEMA_VERSION);
  db = ga_store_get_handle (store);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM enterprises"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM answers"), ==, 3);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM projects"), ==, 1);
  g_assert_cmpint (ga_test_query_int (db, "SELECT count(*) FROM reference_tables"), ==, 0);
  problems = check_problems (store);
  g_assert_cmpuint (problems->len, ==, 0);

  /* RE3 85 between the typed baseline 75 and the bundled leading value
   * 92.22: (85 − 75)/(92.22 − 75) × 4 = 2.3229. */
  engine = ga_store_load_engine (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ga_engine_lookup (engine, "RE3")->score,
                                  4 * 10 / 17.22, 1e-9);
  g_clear_object (&store);
  ga_test_rm_rf (dir);
}

/* A sheet with a head, a header in Chinese and rows of which three cannot
 * be read: each is named by its row; the good ones are taken. */
static void
test_import_sheet (void)
{
  static const char csv[] =
    "名称,示例省评价表\n"
    "版本,2026\n"
    "来源,某省2026年评价表\n"
    "\n"
    "方案,指标,行业,产品,单位,基准值,引领值,来源,已核实\n"
    "gbt36132-2025,RE3,,,%,80,92.22,,是\n"
    "gbt36132-2025,EN1P,C26,电石,kgce/t,1000,800,GB 21343,\n"
    "gbt36132-2025,,C26,水泥,kgce/t,100,90,,\n"
    "gbt36132-2025,RE4,,,%,八十,100,,\n"
    "gbt36132-2025,PG2,,,%,,,,\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "省表.csv", NULL);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaRefTable) table = NULL;
  const GaRefRow *row;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  table = ga_ref_table_import_file (path, NULL, skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->name, ==, "示例省评价表");
  g_assert_cmpstr (table->version, ==, "2026");
  g_assert_cmpstr (table->source, ==, "某省2026年评价表");
  g_assert_cmpuint (table->rows->len, ==, 2);
  row = table->rows->pdata[0];
  g_assert_true (row->verified);
  g_assert_cmpfloat (row->leading, ==, 92.22);
  row = table->rows->pdata[1];
  g_assert_false (row->verified);
  g_assert_cmpstr (row->product, ==, "电石");
  g_assert_cmpstr (row->source, ==, "GB 21343");
  g_assert_false (table->verified);
  /* Rows 8, 9 and 10 of the file. */
  g_assert_cmpuint (skipped->len, ==, 3);
  g_assert_nonnull (strstr (skipped->pdata[0], "8"));
  g_assert_nonnull (strstr (skipped->pdata[1], "9"));
  g_assert_nonnull (strstr (skipped->pdata[1], "八十"));
  g_assert_nonnull (strstr (skipped->pdata[2], "10"));

  /* No header at all. */
  g_assert_true (g_file_set_contents (path, "a,b\n1,2\n", -1, NULL));
  g_assert_null (ga_ref_table_import_file (path, NULL, NULL, &error));
  g_assert_error (error, GA_REFVALUES_ERROR, GA_REFVALUES_ERROR_INVALID);
  g_clear_error (&error);
  ga_test_rm_rf (dir);
}

/* The bundled tables load, are flagged unverified and cite a source. */
static void
test_bundled (void)
{
  g_autoptr(GPtrArray) tables = ga_ref_tables_bundled ();

  g_assert_cmpuint (tables->len, >=, 1);
  for (guint i = 0; i < tables->len; i++)
    {
      const GaRefTable *t = tables->pdata[i];
      g_assert_true (t->bundled);
      g_assert_nonnull (t->source);
      for (guint r = 0; r < t->rows->len; r++)
        {
          const GaRefRow *row = t->rows->pdata[r];
          g_assert_false (row->verified);
          g_assert_nonnull (ga_ref_row_get_source (row));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/refvalues/lookup", test_lookup);
  g_test_add_func ("/ga/refvalues/fill", test_fill);
  g_test_add_func ("/ga/refvalues/equal-values", test_equal_values);
  g_test_add_func ("/ga/refvalues/missing-input", test_missing_input);
  g_test_add_func ("/ga/refvalues/store-and-package", test_store_and_package);
  g_test_add_func ("/ga/refvalues/migrate-v5", test_migrate_v5);
  g_test_add_func ("/ga/refvalues/import-sheet", test_import_sheet);
  g_test_add_func ("/ga/refvalues/bundled", test_bundled);
  return g_test_run ();
}
