/* test-ledger-import.c: energy ledgers imported into the energy table,
 * water ledgers into the water-balance table
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures (tests/fixtures/import, made by make-fixtures.py) hold the
 * energy known answer: 原煤 1000 t, 电力 200 万kWh, 柴油 50 t.
 * By hand: 1000 t × 0.7143 tce/t + 200 万kWh × 1.229 tce/万kWh
 * + 50 t × 1.4571 tce/t = 714.3 + 245.8 + 72.855 = 1032.955 tce.
 * The meter export gives the same in other units: electricity
 * 1 200 000 + 800 000 kWh (two meters, twelve months each), coal 1000 t,
 * diesel 50 000 kg.
 *
 * The water fixtures (made by make-water-fixtures.py) hold a machinery
 * works' year, by kind, in m³:
 *   tap water 7 万吨 = 70 000; groundwater 9 000 吨 + 6 000 m³ = 15 000;
 *   V_i = 70 000 + 15 000 = 85 000
 *   rain water (non-conventional) V_u = 3 000
 *   process 52 000 + 12 000 = 64 000; cooling-tower make-up 6 000;
 *   domestic 13 000 吨 = 13 000
 *   indirect cooling circulation 24 万m³ = 240 000; treated wastewater
 *   reused 20 000: V_r = 240 000 + 20 000 = 260 000, V_w = 20 000
 *   leakage V_l = 2 000 (the annual ledger only; a meter export has none)
 *   discharge V_d = 60 000
 * Reuse rate 100 × 260 000 / (85 000 + 260 000) = 75.3623 %; leakage rate
 * 100 × 2 000 / 85 000 = 2.3529 %; non-conventional share
 * 100 × 3 000 / (85 000 + 3 000) = 3.4091 %; wastewater reuse
 * 100 × 20 000 / (20 000 + 60 000) = 25 %; indirect cooling reuse
 * 100 × 240 000 / (240 000 + 6 000) = 97.5610 %.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ga-ledger-import.h"
#include "ga-ledger-private.h"
#include "ga-session.h"
#include "ga-store-engine.h"

typedef struct {
  char      *dir;
  GaStore   *store;
  GaSession *session;
} Fixture;

static void
fixture_open (Fixture    *f,
              const char *template_prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *db = NULL;
  gint64 id = 0;

  f->dir = g_dir_make_tmp ("ga-ledger-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "greenassess.db", NULL);
  f->store = ga_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (f->store, &error));
  list = ga_store_list_assessments (f->store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (g_str_has_prefix (((GaAssessment *) g_ptr_array_index (list, i))->template_id,
                          template_prefix))
      id = ((GaAssessment *) g_ptr_array_index (list, i))->id;
  g_assert_cmpint (id, >, 0);
  f->session = ga_session_new (f->store, id, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_open (f, "energy-audit");
}

/* The demo's water-saving self-evaluation (water-saving-gbt7119-2018). */
static void
water_set_up (Fixture       *f,
              gconstpointer  data)
{
  fixture_open (f, "water-saving");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "greenassess.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_clear_object (&f->session);
  g_clear_object (&f->store);
  g_remove (db);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
set_text (GaSession  *session,
          const char *item_id,
          const char *text)
{
  GaItem *item = ga_template_find_item (ga_session_get_template (session), item_id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (item);
  g_assert_true (ga_session_set_answer_text (session, item, text, NULL, &error));
  g_assert_no_error (error);
}

static double
total_tce (GaSession *session)
{
  const GaResult *total = ga_engine_lookup (ga_session_get_engine (session), "E_total");

  g_assert_nonnull (total);
  g_assert_cmpint (total->value.kind, ==, GA_VALUE_NUMBER);
  return total->value.u.number;
}

static GaSheet *
read_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "import",
                                            name, NULL);
  g_autoptr(GError) error = NULL;
  GaSheet *sheet = ga_sheet_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return sheet;
}

/* The row's entry in the rows not taken; the test fails without one. */
static const GaLedgerSkip *skipped_row (GaLedgerImport *imp,
                                        guint           row) __attribute__ ((returns_nonnull));

static const GaLedgerSkip *
skipped_row (GaLedgerImport *imp,
             guint           row)
{
  GPtrArray *skipped = ga_ledger_import_get_skipped (imp);

  for (guint i = 0; i < skipped->len; i++)
    if (((GaLedgerSkip *) skipped->pdata[i])->source_row == row)
      return skipped->pdata[i];
  g_error ("row %u is not among the rows not taken", row + 1);
}

static void
assert_total (GaLedgerImport *imp,
              guint           i,
              const char     *carrier,
              double          qty,
              const char     *unit)
{
  GPtrArray *totals = ga_ledger_import_get_totals (imp);
  GaLedgerTotal *t;

  g_assert_cmpuint (i, <, totals->len);
  t = totals->pdata[i];
  g_assert_cmpstr (t->carrier, ==, carrier);
  g_assert_cmpfloat (t->qty, ==, qty);
  g_assert_cmpstr (t->unit, ==, unit);
}

/* Imports @imp into the session's energy table (replacing it) and checks
 * the engine's total. */
static void
apply_and_check (Fixture        *f,
                 GaLedgerImport *imp)
{
  g_autoptr(GError) error = NULL;

  /* E_total adds the table of other carriers; the demo fills it. */
  set_text (f->session, "energy_other", "[]");
  set_text (f->session, "elec_basis", "calorific");
  {
    g_autoptr(GArray) rows = NULL;
    double before = total_tce (f->session);

    /* The preview computes what the import will give and saves nothing. */
    g_assert_cmpfloat_with_epsilon (ga_ledger_import_preview_tce (imp, f->session, TRUE, &rows),
                                    1032.955, 1e-9);
    g_assert_cmpuint (rows->len, ==, 3);
    g_assert_cmpfloat (total_tce (f->session), ==, before);
  }
  g_assert_true (ga_ledger_import_apply (imp, f->session, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (total_tce (f->session), 1032.955, 1e-9);
}

static void
test_205_1 (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GaSheet) sheet = read_fixture (data);
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_ledger_import_find_target (tmpl);
  g_autoptr(GaLedgerImport) imp = NULL;
  const GaLedgerSkip *s;

  g_assert_nonnull (item);
  g_assert_cmpstr (item->id, ==, "energy");
  imp = ga_ledger_import_new (sheet, tmpl, item);

  /* Row 5 holds the headings, row 6 the second level, row 7 the column
   * numbers (甲 乙 丙 1 2 …): the data starts at row 8. */
  g_assert_cmpint (ga_ledger_import_get_header_row (imp), ==, 4);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 0), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 1), ==, GA_LEDGER_FIELD_UNIT);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 2), ==, GA_LEDGER_FIELD_IGNORE);
  /* 购进量 / 实物量 is not what was consumed: 消费量 / 合计 is. */
  g_assert_cmpint (ga_ledger_import_get_field (imp, 4), ==, GA_LEDGER_FIELD_IGNORE);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 6), ==, GA_LEDGER_FIELD_QTY);
  g_assert_cmpstr (ga_ledger_import_get_heading (imp, 6), ==, "消费量 / 合计");
  for (guint c = 7; c < 13; c++)
    g_assert_cmpint (ga_ledger_import_get_field (imp, c), ==, GA_LEDGER_FIELD_IGNORE);

  g_assert_cmpuint (ga_ledger_import_get_rows (imp)->len, ==, 3);
  g_assert_cmpuint (ga_ledger_import_get_totals (imp)->len, ==, 3);
  assert_total (imp, 0, "raw_coal", 1000, "t");
  assert_total (imp, 1, "electricity", 200, "万kWh");
  assert_total (imp, 2, "diesel", 50, "t");

  /* The rows not taken, each with its reason. */
  s = skipped_row (imp, 8);
  g_assert_cmpint (s->reason, ==, GA_LEDGER_SKIP_NO_NUMBER);       /* 洗精煤, blank */
  g_assert_nonnull (strstr (s->message, "洗精煤"));
  g_assert_cmpint (skipped_row (imp, 9)->reason, ==, GA_LEDGER_SKIP_ZERO);   /* 天然气 0 */
  g_assert_cmpint (skipped_row (imp, 10)->reason, ==, GA_LEDGER_SKIP_NO_NUMBER);
  g_assert_cmpint (skipped_row (imp, 13)->reason, ==, GA_LEDGER_SKIP_SUBTOTAL);   /* 能源合计 */
  g_assert_cmpint (skipped_row (imp, 14)->reason, ==, GA_LEDGER_SKIP_BLANK);
  /* The signatures' row has 填表人 in the quantity column. */
  g_assert_cmpint (skipped_row (imp, 15)->reason, ==, GA_LEDGER_SKIP_NOT_NUMBER);
  g_assert_cmpuint (ga_ledger_import_get_skipped (imp)->len, ==, 6);

  apply_and_check (f, imp);
}

static void
test_meter_csv (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GaSheet) sheet = read_fixture ("meter-monthly-gbk.csv");
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_ledger_import_find_target (tmpl);
  g_autoptr(GaLedgerImport) imp = ga_ledger_import_new (sheet, tmpl, item);
  GPtrArray *rows;

  g_assert_cmpint (ga_ledger_import_get_header_row (imp), ==, 0);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 0), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 1), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 2), ==, GA_LEDGER_FIELD_UNIT);
  for (guint c = 3; c < 15; c++)
    g_assert_cmpint (ga_ledger_import_get_field (imp, c), ==, GA_LEDGER_FIELD_MONTH);
  /* The 合计 column repeats the months' sum: not added again. */
  g_assert_cmpint (ga_ledger_import_get_field (imp, 15), ==, GA_LEDGER_FIELD_IGNORE);

  rows = ga_ledger_import_get_rows (imp);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (((GaLedgerRow *) rows->pdata[0])->meter, ==, "1#主变");
  g_assert_cmpfloat (((GaLedgerRow *) rows->pdata[0])->qty, ==, 1200000);
  g_assert_cmpfloat (((GaLedgerRow *) rows->pdata[1])->qty, ==, 800000);
  /* The two meters of electricity become one row of the table. */
  g_assert_cmpuint (ga_ledger_import_get_totals (imp)->len, ==, 3);
  assert_total (imp, 0, "electricity", 2000000, "kWh");
  assert_total (imp, 1, "raw_coal", 1000, "t");
  assert_total (imp, 2, "diesel", 50000, "kg");
  g_assert_cmpint (skipped_row (imp, 5)->reason, ==, GA_LEDGER_SKIP_BLANK);
  g_assert_cmpint (skipped_row (imp, 6)->reason, ==, GA_LEDGER_SKIP_SUBTOTAL);
  g_assert_cmpint (skipped_row (imp, 7)->reason, ==, GA_LEDGER_SKIP_BLANK);

  apply_and_check (f, imp);
}

/* Append adds to the rows there are; undo takes the import back in one
 * step. */
static void
test_append_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GaSheet) sheet = read_fixture ("ledger-205-1.xlsx");
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_ledger_import_find_target (tmpl);
  g_autoptr(GaLedgerImport) imp = ga_ledger_import_new (sheet, tmpl, item);
  g_autoptr(GError) error = NULL;
  const GaAnswer *answer;

  set_text (f->session, "energy_other", "[]");
  set_text (f->session, "elec_basis", "calorific");
  set_text (f->session, "energy", "[{\"carrier\": \"raw_coal\", \"qty\": 100, \"unit\": \"t\"}]");
  /* 100 t × 0.7143 = 71.43 tce */
  g_assert_cmpfloat_with_epsilon (total_tce (f->session), 71.43, 1e-9);
  g_assert_true (ga_ledger_import_apply (imp, f->session, FALSE, &error));
  g_assert_no_error (error);
  answer = ga_session_get_answer (f->session, item);
  g_assert_cmpuint (answer->rows->len, ==, 4);
  /* 71.43 + 1032.955 */
  g_assert_cmpfloat_with_epsilon (total_tce (f->session), 1104.385, 1e-9);

  g_assert_true (ga_session_undo (f->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (total_tce (f->session), 71.43, 1e-9);
  answer = ga_session_get_answer (f->session, item);
  g_assert_cmpuint (answer->rows->len, ==, 1);
}

/* The user's mapping overrides the guess. */
static void
test_user_mapping (Fixture       *f,
                   gconstpointer  data)
{
  /* No heading the guess knows; units in the quantity's heading. */
  static const char text[] =
    "Site,Kind,Used (t)\n"
    "Boiler house,coal,1000\n"
    "Fleet,Diesel,50\n"
    "Office,吨标准煤,3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) sheet = ga_sheet_read_csv_data (text, sizeof text - 1, "t", &error);
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_ledger_import_find_target (tmpl);
  g_autoptr(GaLedgerImport) imp = ga_ledger_import_new (sheet, tmpl, item);
  g_autoptr(GaAnswer) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ga_ledger_import_get_header_row (imp), ==, -1);
  g_assert_cmpuint (ga_ledger_import_get_rows (imp)->len, ==, 0);
  none = ga_ledger_import_build_answer (imp, NULL, TRUE, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  ga_ledger_import_set_header_row (imp, 0);
  g_assert_cmpint (ga_ledger_import_find_column (imp, "kind"), ==, 1);
  g_assert_cmpint (ga_ledger_import_find_column (imp, "C"), ==, 2);
  g_assert_cmpint (ga_ledger_import_find_column (imp, "1"), ==, 0);
  g_assert_cmpint (ga_ledger_import_find_column (imp, "nothing"), ==, -1);
  ga_ledger_import_set_field (imp, 1, GA_LEDGER_FIELD_CARRIER);
  ga_ledger_import_set_field (imp, 2, GA_LEDGER_FIELD_QTY);
  g_assert_cmpstr (ga_ledger_import_get_column_unit (imp, 2), ==, "t");
  g_assert_cmpuint (ga_ledger_import_get_rows (imp)->len, ==, 2);
  assert_total (imp, 0, "raw_coal", 1000, "t");
  assert_total (imp, 1, "diesel", 50, "t");
  g_assert_cmpint (skipped_row (imp, 3)->reason, ==, GA_LEDGER_SKIP_UNKNOWN_CARRIER);

  /* Mapping the quantity elsewhere takes it from the column that had it. */
  ga_ledger_import_set_field (imp, 0, GA_LEDGER_FIELD_QTY);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 2), ==, GA_LEDGER_FIELD_IGNORE);
  g_assert_cmpint (skipped_row (imp, 1)->reason, ==, GA_LEDGER_SKIP_NOT_NUMBER);
}

static void
test_units_and_reasons (Fixture       *f,
                        gconstpointer  data)
{
  static const char text[] =
    "能源名称,计量单位,消费量\n"
    "电力,吨,5\n"                 /* a unit electricity cannot be given in */
    "原煤,桶,5\n"                 /* not a unit of the table */
    "柴油,,5\n"                   /* no unit anywhere */
    "其中：外购电,万千瓦时,5\n"    /* part of the row above */
    "汽油,吨,-2\n"
    "柴油,吨,abc\n"
    "外购电力,万度,\"1,000\"\n"
    "Raw coal,TONNES,１２\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) sheet = ga_sheet_read_csv_data (text, sizeof text - 1, "t", &error);
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_ledger_import_find_target (tmpl);
  g_autoptr(GaLedgerImport) imp = ga_ledger_import_new (sheet, tmpl, item);

  g_assert_no_error (error);
  g_assert_cmpint (skipped_row (imp, 1)->reason, ==, GA_LEDGER_SKIP_UNIT_MISMATCH);
  g_assert_nonnull (strstr (skipped_row (imp, 1)->message, "万kWh"));
  g_assert_cmpint (skipped_row (imp, 2)->reason, ==, GA_LEDGER_SKIP_UNKNOWN_UNIT);
  g_assert_cmpint (skipped_row (imp, 3)->reason, ==, GA_LEDGER_SKIP_NO_UNIT);
  g_assert_cmpint (skipped_row (imp, 4)->reason, ==, GA_LEDGER_SKIP_BREAKDOWN);
  g_assert_cmpint (skipped_row (imp, 5)->reason, ==, GA_LEDGER_SKIP_NEGATIVE);
  g_assert_cmpint (skipped_row (imp, 6)->reason, ==, GA_LEDGER_SKIP_NOT_NUMBER);
  assert_total (imp, 0, "electricity", 1000, "万kWh");
  assert_total (imp, 1, "raw_coal", 12, "t");
  g_assert_cmpuint (ga_ledger_import_get_totals (imp)->len, ==, 2);
}

/* English headings and names, semicolons, the units as the English
 * window shows them: the same known answer. */
static void
test_english (Fixture       *f,
              gconstpointer  data)
{
  static const char text[] =
    "Energy consumption 2025;;\n"
    "Energy carrier;Unit;Consumption\n"
    "Electricity;10⁴ kWh;200\n"
    "Raw coal;tonnes;1000\n"
    "Diesel oil;t;50\n"
    "Total;;1032.955\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSheet) sheet = ga_sheet_read_csv_data (text, sizeof text - 1, "t", &error);
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_ledger_import_find_target (tmpl);
  g_autoptr(GaLedgerImport) imp = ga_ledger_import_new (sheet, tmpl, item);

  g_assert_no_error (error);
  g_assert_cmpint (ga_sheet_get_separator (sheet), ==, ';');
  g_assert_cmpint (ga_ledger_import_get_header_row (imp), ==, 1);
  assert_total (imp, 0, "electricity", 200, "万kWh");
  assert_total (imp, 1, "raw_coal", 1000, "t");
  assert_total (imp, 2, "diesel", 50, "t");
  g_assert_cmpint (skipped_row (imp, 5)->reason, ==, GA_LEDGER_SKIP_SUBTOTAL);
  apply_and_check (f, imp);
}

static void
test_match (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("energy-audit-gbt17166-2019", &error);
  GaLookupTable *units, *carriers;
  int prio;

  g_assert_no_error (error);
  units = ga_template_find_table (tmpl, "units");
  carriers = ga_template_find_table (tmpl, "gbt2589");
  g_assert_cmpstr (ga_ledger_match_unit (units, "万千瓦时"), ==, "万kWh");
  g_assert_cmpstr (ga_ledger_match_unit (units, "10⁴ m³"), ==, "万m³");
  g_assert_cmpstr (ga_ledger_match_unit (units, "万 m3"), ==, "万m³");
  g_assert_cmpstr (ga_ledger_match_unit (units, "KWH"), ==, "kWh");
  g_assert_cmpstr (ga_ledger_match_unit (units, "百万千焦"), ==, "GJ");
  g_assert_null (ga_ledger_match_unit (units, "吨标准煤"));
  g_assert_cmpstr (ga_ledger_unit_in_text (units, "消费量（万千瓦时）"), ==, "万kWh");
  g_assert_cmpstr (ga_ledger_unit_in_text (units, "Used (t)"), ==, "t");
  g_assert_null (ga_ledger_unit_in_text (units, "消费量"));

  g_assert_cmpstr (ga_ledger_match_carrier (carriers, "原煤"), ==, "raw_coal");
  g_assert_cmpstr (ga_ledger_match_carrier (carriers, "原煤（吨）"), ==, "raw_coal");
  g_assert_cmpstr (ga_ledger_match_carrier (carriers, "raw_coal"), ==, "raw_coal");
  g_assert_cmpstr (ga_ledger_match_carrier (carriers, "Electricity"), ==, "electricity");
  g_assert_cmpstr (ga_ledger_match_carrier (carriers, "外购电力"), ==, "electricity");
  /* "热力 (当量值)" is the one 热力 of the table. */
  g_assert_cmpstr (ga_ledger_match_carrier (carriers, "热力"), ==, "heat");
  /* Two rows share "煤矿瓦斯气": the user must choose. */
  g_assert_null (ga_ledger_match_carrier (carriers, "煤矿瓦斯气"));
  g_assert_null (ga_ledger_match_carrier (carriers, "能源合计"));

  g_assert_cmpint (ga_ledger_guess_field ("能源名称", &prio), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpint (ga_ledger_guess_field ("2025年3月", &prio), ==, GA_LEDGER_FIELD_MONTH);
  g_assert_cmpint (ga_ledger_guess_field ("2025-12", &prio), ==, GA_LEDGER_FIELD_MONTH);
  g_assert_cmpint (ga_ledger_guess_field ("january", &prio), ==, GA_LEDGER_FIELD_MONTH);
  g_assert_cmpint (ga_ledger_guess_field ("13月", &prio), ==, GA_LEDGER_FIELD_IGNORE);
  g_assert_cmpint (ga_ledger_guess_field ("消费量(吨)", &prio), ==, GA_LEDGER_FIELD_QTY);
  /* A sentence of the title block is no heading. */
  g_assert_cmpint (ga_ledger_guess_field ("单位详细名称:示例化工有限公司", &prio), ==,
                   GA_LEDGER_FIELD_IGNORE);
}

/* ---- water ---- */

static double
result (GaSession  *session,
        const char *id)
{
  const GaResult *res = ga_engine_lookup (ga_session_get_engine (session), id);

  g_assert_nonnull (res);
  if (res->value.kind != GA_VALUE_NUMBER)
    g_error ("%s is not a number", id);
  return res->value.u.number;
}

static void
assert_water_total (GaLedgerImport *imp,
                    guint           i,
                    const char     *kind,
                    double          m3,
                    const char     *name)
{
  GPtrArray *totals = ga_ledger_import_get_totals (imp);
  GaLedgerTotal *t;

  g_assert_cmpuint (i, <, totals->len);
  t = totals->pdata[i];
  g_assert_cmpstr (t->carrier, ==, kind);
  g_assert_cmpfloat (t->qty, ==, m3);
  g_assert_cmpstr (t->unit, ==, "m³");
  g_assert_cmpstr (t->name, ==, name);
}

static const char *const water_results[] = {
  "O_intake", "O_reused", "O_total_use", "O_nonconv", "O_discharge", "W_reuse", "W_leak",
  "W_wwr", "W_cind", "W_per_product", "L_intake",
};

/* Imports @imp into the water-balance table (replacing the demo's rows),
 * checks the engine's results against the hand sums (leakage @v_l) and
 * against the same rows typed. */
static void
apply_water_and_check (Fixture        *f,
                       GaLedgerImport *imp,
                       double          v_l,
                       const char     *typed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sums = NULL;
  double imported[G_N_ELEMENTS (water_results)];

  /* The wastewater and cooling indicators wait for their required values. */
  set_text (f->session, "W_wwr_min", "0");
  set_text (f->session, "W_cind_min", "0");
  /* The preview computes the table's columns and saves nothing: V_i, V_u,
   * V_r, V_l, V_d, V_w, then the cooling columns. */
  sums = ga_ledger_import_preview_sums (imp, f->session, TRUE);
  g_assert_cmpuint (sums->len, ==, 10);
  g_assert_cmpfloat (g_array_index (sums, double, 0), ==, 85000);
  g_assert_cmpfloat (g_array_index (sums, double, 1), ==, 3000);
  g_assert_cmpfloat (g_array_index (sums, double, 2), ==, 260000);
  g_assert_cmpfloat (g_array_index (sums, double, 3), ==, v_l);
  g_assert_cmpfloat (g_array_index (sums, double, 4), ==, 60000);
  g_assert_cmpfloat (g_array_index (sums, double, 5), ==, 20000);
  g_assert_cmpfloat (g_array_index (sums, double, 8), ==, 240000);
  g_assert_cmpfloat (g_array_index (sums, double, 9), ==, 6000);
  /* The demo's rows are still there: 10 of them, the same intake. */
  g_assert_cmpfloat (result (f->session, "O_intake"), ==, 85000);
  g_assert_cmpfloat (result (f->session, "W_leak"), ==, 100.0 * 2000 / 85000);

  g_assert_true (ga_ledger_import_apply (imp, f->session, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result (f->session, "O_intake"), ==, 85000);
  g_assert_cmpfloat (result (f->session, "O_reused"), ==, 260000);
  g_assert_cmpfloat (result (f->session, "O_total_use"), ==, 345000);
  g_assert_cmpfloat_with_epsilon (result (f->session, "W_reuse"), 100.0 * 260000 / 345000, 1e-9);
  g_assert_cmpfloat_with_epsilon (result (f->session, "W_leak"), 100.0 * v_l / 85000, 1e-9);
  g_assert_cmpfloat_with_epsilon (result (f->session, "O_nonconv"), 100.0 * 3000 / 88000, 1e-9);
  g_assert_cmpfloat_with_epsilon (result (f->session, "O_discharge"), 100.0 * 60000 / 85000,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (result (f->session, "W_wwr"), 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (result (f->session, "W_cind"), 100.0 * 240000 / 246000, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (water_results); i++)
    imported[i] = result (f->session, water_results[i]);

  /* Typing the rows gives the same results. */
  set_text (f->session, "wb", typed);
  for (guint i = 0; i < G_N_ELEMENTS (water_results); i++)
    g_assert_cmpfloat (result (f->session, water_results[i]), ==, imported[i]);
}

static void
test_water_xlsx (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GaSheet) sheet = read_fixture (data);
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_ledger_import_find_target (tmpl);
  g_autoptr(GaLedgerImport) imp = NULL;
  GPtrArray *rows;
  const GaLedgerSkip *s;

  g_assert_nonnull (item);
  g_assert_cmpstr (item->id, ==, "wb");
  g_assert_true (ga_ledger_import_is_water_table (tmpl, item));
  imp = ga_ledger_import_new (sheet, tmpl, item);
  g_assert_true (ga_ledger_import_is_water (imp));
  g_assert_cmpstr (ga_ledger_import_get_table_unit (imp), ==, "m³");

  /* A title, the works' name, then the headings in row 3: 序号 名称
   * 水源类别 计量单位 全年用水量 备注. 名称 names the rows; 水源类别
   * says their kind. */
  g_assert_cmpint (ga_ledger_import_get_header_row (imp), ==, 2);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 0), ==, GA_LEDGER_FIELD_IGNORE);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 1), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 2), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 3), ==, GA_LEDGER_FIELD_UNIT);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 4), ==, GA_LEDGER_FIELD_QTY);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 5), ==, GA_LEDGER_FIELD_IGNORE);

  /* Each row in its own unit, converted into m³. */
  rows = ga_ledger_import_get_rows (imp);
  g_assert_cmpuint (rows->len, ==, 12);
  g_assert_cmpstr (((GaLedgerRow *) rows->pdata[0])->unit, ==, "万t");
  g_assert_cmpfloat (((GaLedgerRow *) rows->pdata[0])->qty, ==, 7);
  g_assert_cmpfloat (((GaLedgerRow *) rows->pdata[0])->table_qty, ==, 70000);
  g_assert_cmpstr (((GaLedgerRow *) rows->pdata[1])->unit, ==, "t");
  g_assert_cmpfloat (((GaLedgerRow *) rows->pdata[1])->table_qty, ==, 9000);

  g_assert_cmpuint (ga_ledger_import_get_totals (imp)->len, ==, 10);
  assert_water_total (imp, 0, "in_tap", 70000, "市政自来水进水总表");
  assert_water_total (imp, 1, "in_ground", 15000, "1#深井、2#深井");
  assert_water_total (imp, 2, "in_nonconv", 3000, "雨水收集池");
  assert_water_total (imp, 3, "use_process", 64000, "机加工车间、涂装车间");
  assert_water_total (imp, 4, "use_mk_ind", 6000, "空压站冷却塔");
  assert_water_total (imp, 5, "use_domestic", 13000, "办公楼、食堂、宿舍");
  assert_water_total (imp, 6, "r_cool_ind", 240000, "间接冷却循环系统");
  assert_water_total (imp, 7, "r_wastewater", 20000, "涂装废水处理站");
  assert_water_total (imp, 8, "loss", 2000, "厂区管网");
  assert_water_total (imp, 9, "discharge", 60000, "污水站总排口");

  /* The rows not taken, each with its reason. */
  g_assert_cmpint (skipped_row (imp, 6)->reason, ==, GA_LEDGER_SKIP_SUBTOTAL);   /* 取水小计 */
  s = skipped_row (imp, 10);                                                    /* 其中 */
  g_assert_cmpint (s->reason, ==, GA_LEDGER_SKIP_BREAKDOWN);
  g_assert_nonnull (strstr (s->message, "涂装前处理纯水"));
  s = skipped_row (imp, 14);                                                    /* 循环水泵 kWh */
  g_assert_cmpint (s->reason, ==, GA_LEDGER_SKIP_NOT_VOLUME);
  g_assert_nonnull (strstr (s->message, "kWh"));
  s = skipped_row (imp, 18);                                                    /* 外购蒸汽 */
  g_assert_cmpint (s->reason, ==, GA_LEDGER_SKIP_UNKNOWN_KIND);
  g_assert_nonnull (strstr (s->message, "外购蒸汽"));
  g_assert_cmpint (skipped_row (imp, 19)->reason, ==, GA_LEDGER_SKIP_SUBTOTAL);  /* 合计 */
  g_assert_cmpint (skipped_row (imp, 21)->reason, ==, GA_LEDGER_SKIP_BLANK);     /* 制表 */
  g_assert_cmpuint (ga_ledger_import_get_skipped (imp)->len, ==, 7);

  apply_water_and_check (f, imp, 2000,
                         "[{\"flow\": \"in_tap\", \"qty\": 70000},"
                         " {\"flow\": \"in_ground\", \"qty\": 9000},"
                         " {\"flow\": \"in_ground\", \"qty\": 6000},"
                         " {\"flow\": \"in_nonconv\", \"qty\": 3000},"
                         " {\"flow\": \"use_process\", \"qty\": 52000},"
                         " {\"flow\": \"use_process\", \"qty\": 12000},"
                         " {\"flow\": \"use_mk_ind\", \"qty\": 6000},"
                         " {\"flow\": \"use_domestic\", \"qty\": 13000},"
                         " {\"flow\": \"r_cool_ind\", \"qty\": 240000},"
                         " {\"flow\": \"r_wastewater\", \"qty\": 20000},"
                         " {\"flow\": \"loss\", \"qty\": 2000},"
                         " {\"flow\": \"discharge\", \"qty\": 60000}]");
}

static void
test_water_meter_csv (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GaSheet) sheet = read_fixture ("water-meter-monthly-gbk.csv");
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_template_find_item (tmpl, "wb");
  g_autoptr(GaLedgerImport) imp = ga_ledger_import_new (sheet, tmpl, item);
  GPtrArray *rows;

  /* 表号 水表名称 类别 单位 1月 … 12月 全年合计 */
  g_assert_cmpint (ga_ledger_import_get_header_row (imp), ==, 0);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 0), ==, GA_LEDGER_FIELD_IGNORE);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 1), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 2), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 3), ==, GA_LEDGER_FIELD_UNIT);
  for (guint c = 4; c < 16; c++)
    g_assert_cmpint (ga_ledger_import_get_field (imp, c), ==, GA_LEDGER_FIELD_MONTH);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 16), ==, GA_LEDGER_FIELD_IGNORE);

  rows = ga_ledger_import_get_rows (imp);
  g_assert_cmpuint (rows->len, ==, 10);
  /* 1#深井 has no kind: its name says groundwater. Twelve months of
   * 700–800 吨 add up to 9 000. */
  g_assert_cmpstr (((GaLedgerRow *) rows->pdata[1])->carrier, ==, "in_ground");
  g_assert_cmpstr (((GaLedgerRow *) rows->pdata[1])->meter, ==, "1#深井");
  g_assert_cmpfloat (((GaLedgerRow *) rows->pdata[1])->qty, ==, 9000);
  /* 循环水系统流量计: 2 万立方米 a month. */
  g_assert_cmpstr (((GaLedgerRow *) rows->pdata[7])->unit, ==, "万m³");
  g_assert_cmpfloat (((GaLedgerRow *) rows->pdata[7])->table_qty, ==, 240000);
  g_assert_cmpuint (ga_ledger_import_get_totals (imp)->len, ==, 9);
  assert_water_total (imp, 1, "in_ground", 15000, "1#深井、2#深井");
  assert_water_total (imp, 6, "r_cool_ind", 240000, "循环水系统流量计");

  g_assert_cmpint (skipped_row (imp, 4)->reason, ==, GA_LEDGER_SKIP_SUBTOTAL);    /* 取水小计 */
  g_assert_cmpint (skipped_row (imp, 7)->reason, ==, GA_LEDGER_SKIP_BREAKDOWN);   /* 其中 */
  g_assert_cmpint (skipped_row (imp, 11)->reason, ==, GA_LEDGER_SKIP_NOT_VOLUME); /* kWh */
  g_assert_cmpint (skipped_row (imp, 14)->reason, ==, GA_LEDGER_SKIP_UNKNOWN_KIND); /* 绿化 */
  g_assert_cmpint (skipped_row (imp, 15)->reason, ==, GA_LEDGER_SKIP_SUBTOTAL);   /* 合计 */
  g_assert_cmpuint (ga_ledger_import_get_skipped (imp)->len, ==, 7);

  apply_water_and_check (f, imp, 0,
                         "[{\"flow\": \"in_tap\", \"qty\": 70000},"
                         " {\"flow\": \"in_ground\", \"qty\": 15000},"
                         " {\"flow\": \"in_nonconv\", \"qty\": 3000},"
                         " {\"flow\": \"use_process\", \"qty\": 64000},"
                         " {\"flow\": \"use_mk_ind\", \"qty\": 6000},"
                         " {\"flow\": \"use_domestic\", \"qty\": 13000},"
                         " {\"flow\": \"r_cool_ind\", \"qty\": 240000},"
                         " {\"flow\": \"r_wastewater\", \"qty\": 20000},"
                         " {\"flow\": \"discharge\", \"qty\": 60000}]");
}

/* A small ledger written here: units in the heading, rows without a unit,
 * a unit that is no volume, a negative volume; append and undo. */
static void
test_water_units (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "water.csv", NULL);
  g_autoptr(GaSheet) sheet = NULL;
  g_autoptr(GaSheet) plain = NULL;
  g_autoptr(GaLedgerImport) imp = NULL;
  g_autoptr(GaLedgerImport) imp2 = NULL;
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_session_get_template (f->session);
  const GaItem *item = ga_template_find_item (tmpl, "wb");
  GaEngine *engine = ga_session_get_engine (f->session);

  g_assert_true (g_file_set_contents (path,
                                      "Source,Volume (10^4 m3)\n"
                                      "Tap water,1.5\n"
                                      "River water,0.25\n"
                                      "Reclaimed water,-1\n"
                                      "Cooling water,2\n"
                                      "Fire pond,1\n", -1, &error));
  sheet = ga_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  imp = ga_ledger_import_new (sheet, tmpl, item);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 0), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpint (ga_ledger_import_get_field (imp, 1), ==, GA_LEDGER_FIELD_QTY);
  g_assert_cmpstr (ga_ledger_import_get_column_unit (imp, 1), ==, "万m³");
  /* 1.5 + 0.25 万m³ of intake = 15 000 + 2 500 m³; cooling water 20 000. */
  g_assert_cmpuint (ga_ledger_import_get_totals (imp)->len, ==, 3);
  assert_water_total (imp, 0, "in_tap", 15000, "Tap water");
  assert_water_total (imp, 1, "in_surface", 2500, "River water");
  assert_water_total (imp, 2, "r_cool_ind", 20000, "Cooling water");
  g_assert_cmpint (skipped_row (imp, 3)->reason, ==, GA_LEDGER_SKIP_NEGATIVE);
  g_assert_cmpint (skipped_row (imp, 5)->reason, ==, GA_LEDGER_SKIP_UNKNOWN_KIND);

  /* Appended after the demo's ten rows: intake 85 000 + 17 500. */
  g_assert_true (ga_ledger_import_apply (imp, f->session, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ga_engine_get_n_rows (engine, item), ==, 13);
  g_assert_cmpfloat (result (f->session, "O_intake"), ==, 102500);
  g_assert_true (ga_session_undo (f->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ga_engine_get_n_rows (engine, item), ==, 10);
  g_assert_cmpfloat (result (f->session, "O_intake"), ==, 85000);

  /* Without a unit anywhere, or in one that is not a volume. */
  g_assert_true (g_file_set_contents (path, "水源,单位,用水量\n自来水,,100\n地下水,桶,5\n"
                                      "排水,kg,9\n", -1, &error));
  plain = ga_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  imp2 = ga_ledger_import_new (plain, tmpl, item);
  g_assert_cmpint (skipped_row (imp2, 1)->reason, ==, GA_LEDGER_SKIP_NO_UNIT);
  g_assert_cmpint (skipped_row (imp2, 2)->reason, ==, GA_LEDGER_SKIP_UNKNOWN_UNIT);
  g_assert_nonnull (strstr (skipped_row (imp2, 2)->message, "桶"));
  g_assert_cmpint (skipped_row (imp2, 3)->reason, ==, GA_LEDGER_SKIP_NOT_VOLUME);
  g_assert_null (ga_ledger_import_build_answer (imp2, NULL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_water_match (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) water = ga_template_new_from_resource ("water-saving-gbt7119-2018", &error);
  g_autoptr(GaTemplate) energy = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  const GaItem *wb;
  const GaColumn *kinds;
  double factor = 0;
  int prio;

  g_assert_no_error (error);
  energy = ga_template_new_from_resource ("energy-audit-gbt17166-2019", &error);
  g_assert_no_error (error);
  wb = ga_template_find_item (water, "wb");
  kinds = wb->columns->pdata[0];

  /* The energy table stays the energy template's target; no water table there. */
  g_assert_cmpstr (ga_ledger_import_find_target (energy)->id, ==, "energy");
  targets = ga_ledger_import_list_targets (energy);
  for (guint i = 0; i < targets->len; i++)
    g_assert_false (ga_ledger_import_is_water_table (energy, targets->pdata[i]));
  g_assert_cmpstr (ga_ledger_import_find_target (water)->id, ==, "wb");
  g_assert_true (ga_ledger_import_can_import (water, wb));

  g_assert_cmpstr (ga_ledger_match_volume ("吨", &factor), ==, "t");
  g_assert_cmpfloat (factor, ==, 1);
  g_assert_cmpstr (ga_ledger_match_volume ("万吨", &factor), ==, "万t");
  g_assert_cmpfloat (factor, ==, 1e4);
  g_assert_cmpstr (ga_ledger_match_volume ("万 m³", &factor), ==, "万m³");
  g_assert_cmpfloat (factor, ==, 1e4);
  g_assert_cmpstr (ga_ledger_match_volume ("立方米", &factor), ==, "m³");
  g_assert_cmpfloat (factor, ==, 1);
  g_assert_cmpstr (ga_ledger_match_volume ("L", &factor), ==, "L");
  g_assert_cmpfloat (factor, ==, 1e-3);
  g_assert_null (ga_ledger_match_volume ("kWh", NULL));
  g_assert_cmpstr (ga_ledger_volume_in_text ("全年用水量（万吨）", &factor), ==, "万t");
  g_assert_true (ga_ledger_is_other_unit ("千瓦时"));
  g_assert_false (ga_ledger_is_other_unit ("桶"));

  /* By the options' ids and labels, whole or after their "取水:" part. */
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "in_tap"), ==, "in_tap");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "取水：自来水"), ==, "in_tap");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "Intake: groundwater"), ==, "in_ground");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "groundwater"), ==, "in_ground");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "非常规水源"), ==, "in_nonconv");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "漏失水量"), ==, "loss");
  /* By common names, the longest one a text holds winning. */
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "中水"), ==, "in_nonconv");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "再生水"), ==, "in_nonconv");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "外购水"), ==, "in_purchased");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "3#深井"), ==, "in_ground");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "循环水"), ==, "r_cool_ind");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "循环水补水"), ==, "use_mk_ind");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "生活污水排放"), ==, "discharge");
  g_assert_cmpstr (ga_ledger_match_water_kind (kinds, "地下水（吨）"), ==, "in_ground");
  g_assert_null (ga_ledger_match_water_kind (kinds, "外购蒸汽"));
  g_assert_null (ga_ledger_match_water_kind (kinds, "合计"));

  g_assert_cmpint (ga_ledger_guess_water_field ("水源类别", &prio), ==, GA_LEDGER_FIELD_CARRIER);
  g_assert_cmpint (ga_ledger_guess_water_field ("水表名称", &prio), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpint (ga_ledger_guess_water_field ("用水单位", &prio), ==, GA_LEDGER_FIELD_METER);
  g_assert_cmpint (ga_ledger_guess_water_field ("全年用水量(m3)", &prio), ==,
                   GA_LEDGER_FIELD_QTY);
  g_assert_cmpint (ga_ledger_guess_water_field ("计量单位", &prio), ==, GA_LEDGER_FIELD_UNIT);
  g_assert_cmpint (ga_ledger_guess_water_field ("3月", &prio), ==, GA_LEDGER_FIELD_MONTH);
  /* The energy words stay as they were. */
  g_assert_cmpint (ga_ledger_guess_field ("水源类别", &prio), ==, GA_LEDGER_FIELD_IGNORE);

  g_assert_true (ga_ledger_field_from_string ("kind", &(GaLedgerField) { 0 }));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/ga/ledger-import/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("205-1-openpyxl", test_205_1, "ledger-205-1.xlsx");
  ADD ("205-1-libreoffice", test_205_1, "ledger-205-1-lo.xlsx");
  ADD ("meter-csv", test_meter_csv, NULL);
  ADD ("append-undo", test_append_undo, NULL);
  ADD ("user-mapping", test_user_mapping, NULL);
  ADD ("units-and-reasons", test_units_and_reasons, NULL);
  ADD ("english", test_english, NULL);
#undef ADD
#define ADD_WATER(path, func, data) \
  g_test_add ("/ga/ledger-import/water/" path, Fixture, data, water_set_up, func, fixture_tear_down)
  ADD_WATER ("xlsx", test_water_xlsx, "water-ledger.xlsx");
  ADD_WATER ("xlsx-libreoffice", test_water_xlsx, "water-ledger-lo.xlsx");
  ADD_WATER ("meter-csv", test_water_meter_csv, NULL);
  ADD_WATER ("units", test_water_units, NULL);
#undef ADD_WATER
  g_test_add_func ("/ga/ledger-import/match", test_match);
  g_test_add_func ("/ga/ledger-import/water/match", test_water_match);
  return g_test_run ();
}
