/* test-export.c: the Excel submission workbook
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden sheets, recalculation by LibreOffice (tests/export-check.py), the
 * read-back of user text with openpyxl, failure paths and the CLI.
 *
 * The fixtures are the answers files in tests/fixtures/export/ (one or two
 * per bundled template) plus every tests/fixtures/templates/<id>/case*.json
 * that exists. Set GA_UPDATE_GOLDEN=1 to rewrite tests/golden/export/ after
 * an intended change of the layout, and look at the diff.
 *
 * Tests run as root in CI, where permissions do not stop writes; the
 * "unwritable folder" cases therefore use a path whose folder is a regular
 * file and a folder that does not exist, which fail for root too.
 */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ga-export.h"

#define CREATED 1767225600   /* 2026-01-01T00:00:00Z, fixed for golden files */
#define PYTHON "/usr/bin/python3"

static char *
source_path (const char *first,
             ...)
{
  va_list args;
  GString *path = g_string_new (GA_SOURCE_DIR);
  const char *part = first;

  va_start (args, first);
  while (part != NULL)
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
      part = va_arg (args, const char *);
    }
  va_end (args);
  return g_string_free (path, FALSE);
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ga-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static guint
count_files (const char *dir_path,
             const char *prefix)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (prefix == NULL || g_str_has_prefix (name, prefix))
      n++;
  g_dir_close (dir);
  return n;
}

/* ------------------------------------------------------------------ fixtures */

typedef struct {
  char *template_id;
  char *case_name;
  char *answers;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->template_id);
  g_free (c->case_name);
  g_free (c->answers);
  g_free (c);
}

/* Own fixtures "<template>.<case>.json" and, when they exist, the
 * known-answer cases of every bundled template. */
static GPtrArray *
list_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *own = source_path ("tests", "fixtures", "export", NULL);
  g_autofree char *kat = source_path ("tests", "fixtures", "templates", NULL);
  g_auto(GStrv) bundled = ga_template_list_bundled ();
  GDir *dir = g_dir_open (own, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_auto(GStrv) parts = NULL;
      Case *c;

      if (!g_str_has_suffix (name, ".json") || strchr (name, '.') == strrchr (name, '.'))
        continue;
      parts = g_strsplit (name, ".", 3);
      if (g_strv_length (parts) != 3 || !g_strv_contains ((const char * const *) bundled, parts[0]))
        continue;
      c = g_new0 (Case, 1);
      c->template_id = g_strdup (parts[0]);
      c->case_name = g_strdup (parts[1]);
      c->answers = g_build_filename (own, name, NULL);
      g_ptr_array_add (cases, c);
    }
  g_dir_close (dir);

  for (guint i = 0; bundled[i] != NULL; i++)
    {
      g_autofree char *tdir = g_build_filename (kat, bundled[i], NULL);
      GDir *d = g_dir_open (tdir, 0, NULL);

      if (d == NULL)
        continue;
      while ((name = g_dir_read_name (d)) != NULL)
        {
          Case *c;

          /* caseN.json holds the answers, caseN.expected.json the results. */
          if (!g_str_has_prefix (name, "case") || !g_str_has_suffix (name, ".json") ||
              g_str_has_suffix (name, ".expected.json"))
            continue;
          c = g_new0 (Case, 1);
          c->template_id = g_strdup (bundled[i]);
          c->case_name = g_strndup (name, strlen (name) - 5);
          c->answers = g_build_filename (tdir, name, NULL);
          g_ptr_array_add (cases, c);
        }
      g_dir_close (d);
    }
  return cases;
}

static GaEngine *
engine_for (const char *template_id,
            const char *answers_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (template_id, &error);
  g_autoptr(GaAnswerSet) answers = NULL;
  GaEngine *engine;

  g_assert_no_error (error);
  answers = ga_answer_set_new_from_file (answers_path, tmpl, &error);
  if (answers == NULL)
    {
      /* Known-answer files may carry expectations next to the answers; a
       * file the answer loader refuses is a fixture problem worth naming. */
      g_test_message ("%s: %s", answers_path, error->message);
    }
  g_assert_no_error (error);
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);
  return engine;
}

static GaEnterpriseInfo *
load_info (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = source_path ("tests", "fixtures", "export", name, NULL);
  GaEnterpriseInfo *info = ga_enterprise_info_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static GHashTable *
new_cells (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
export_ok (GaEngine               *engine,
           const GaEnterpriseInfo *info,
           const char             *path,
           GHashTable             *cells)
{
  g_autoptr(GError) error = NULL;
  GaExportOptions options = {
    .enterprise = info,
    .assessment_name = "2025 年度自评价",
    .period = "2025-01-01 至 2025-12-31",
    .date = "2026-03-31",
    .created = CREATED,
    .cells = cells,
  };

  g_assert_true (ga_export_workbook (engine, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* ----------------------------------------------------------------- helpers */

static char *
run_capture (const char * const  *argv,
             int                 *status,
             char               **err_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  char *out = NULL;
  char *err = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
  if (err_out != NULL)
    *err_out = err;
  else
    g_free (err);
  return out;
}

/* The XML of one part of an xlsx (a zip), via unzip. */
static char *
zip_part (const char *xlsx,
          const char *part)
{
  const char *argv[] = { "/usr/bin/unzip", "-p", xlsx, part, NULL };
  int status;
  char *out;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  out = run_capture (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static guint
n_sheets (const char *xlsx)
{
  g_autofree char *wb = zip_part (xlsx, "xl/workbook.xml");
  guint n = 0;

  for (const char *p = wb; p != NULL && (p = strstr (p, "<sheet ")) != NULL; p++)
    n++;
  return n;
}

static char *
json_to_file (JsonNode   *node,
              const char *dir,
              const char *name)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  json_generator_set_root (gen, node);
  json_generator_to_file (gen, path, &error);
  g_assert_no_error (error);
  return path;
}

/* Runs export-check.py; returns FALSE when a tool it needs is missing. */
static gboolean
run_check (const char *mode,
           const char *manifest)
{
  g_autofree char *script = source_path ("tests", "export-check.py", NULL);
  const char *argv[] = { PYTHON, script, mode, manifest, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is not installed (build-aux/install-deps.sh installs it)");
      return FALSE;
    }
  out = run_capture (argv, &status, &err);
  if (out != NULL && *out != '\0')
    g_test_message ("%s", out);
  if (status == 77)
    {
      /* CI installs LibreOffice and openpyxl (build-aux/install-deps.sh),
       * so a skip there is a broken set-up, not a pass. */
      if (g_getenv ("CI") != NULL)
        g_error ("export-check.py %s: a required tool is missing in CI: %s", mode, err);
      g_test_skip_printf ("export-check.py %s: %s", mode, err);
      return FALSE;
    }
  if (status != 0)
    g_test_message ("%s", err != NULL ? err : "");
  g_assert_cmpint (status, ==, 0);
  return TRUE;
}

/* -------------------------------------------------------- enterprise info */

static void
test_info_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GaEnterpriseInfo) info = NULL;
  g_autoptr(GaEnterpriseInfo) copy = NULL;

  node = json_from_string ("{\"name\": \"闽江电镀有限公司\", \"credit_code\": "
                           "\"91350100M000100Y43\", \"employees\": 320, \"revenue\": 12345.5,"
                           " \"fax\": null}", &error);
  g_assert_no_error (error);
  info = ga_enterprise_info_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->name, ==, "闽江电镀有限公司");
  g_assert_cmpstr (info->credit_code, ==, "91350100M000100Y43");
  g_assert_cmpfloat (info->employees, ==, 320);
  g_assert_cmpfloat_with_epsilon (info->revenue, 12345.5, 1e-9);
  g_assert_null (info->fax);
  g_assert_true (isnan (info->output_value));

  copy = ga_enterprise_info_copy (info);
  g_assert_cmpstr (copy->name, ==, info->name);
  g_assert_true (copy->name != info->name);
  g_assert_cmpfloat (copy->employees, ==, 320);

  g_clear_pointer (&node, json_node_unref);
  node = json_from_string ("{\"nmae\": \"x\"}", &error);
  g_assert_no_error (error);
  g_assert_null (ga_enterprise_info_new_from_json (node, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "'nmae'"));
  g_clear_error (&error);

  g_clear_pointer (&node, json_node_unref);
  node = json_from_string ("{\"employees\": \"many\"}", &error);
  g_assert_no_error (error);
  g_assert_null (ga_enterprise_info_new_from_json (node, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "'employees' must be a number"));
  g_clear_error (&error);

  g_clear_pointer (&node, json_node_unref);
  node = json_from_string ("[1, 2]", &error);
  g_assert_no_error (error);
  g_assert_null (ga_enterprise_info_new_from_json (node, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID);
}

static void
test_file_name (void)
{
  g_autofree char *a = ga_export_file_name ("某某/化工:有限公司?", "-2025.xlsx", "x");
  g_autofree char *b = ga_export_file_name (NULL, ".xlsx", "abc123");
  g_autofree char *c = ga_export_file_name ("...", ".xlsx", NULL);
  g_autofree char *long_name = NULL;
  g_autofree char *d = NULL;
  GString *big = g_string_new (NULL);

  g_assert_cmpstr (a, ==, "某某_化工_有限公司_-2025.xlsx");
  g_assert_cmpstr (b, ==, "abc123.xlsx");
  g_assert_cmpstr (c, ==, "assessment.xlsx");

  /* 100 three-byte characters: cut on a character boundary to fit 255 bytes. */
  for (guint i = 0; i < 100; i++)
    g_string_append (big, "绿");
  long_name = g_string_free (big, FALSE);
  d = ga_export_file_name (long_name, "-2025.xlsx", NULL);
  g_assert_cmpuint (strlen (d), <=, 255);
  g_assert_true (g_utf8_validate (d, -1, NULL));
  g_assert_true (g_str_has_suffix (d, "-2025.xlsx"));
}

/* --------------------------------------------------------------- structure */

static void
test_sheets (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *kat_ea = source_path ("tests", "fixtures", "export",
                                         "energy-audit-gbt17166-2019.case-full.json", NULL);
  g_autofree char *kat_cp = source_path ("tests", "fixtures", "export",
                                         "cp-electroplating-2015.case-full.json", NULL);
  g_autofree char *kat_gf = source_path ("tests", "fixtures", "export",
                                         "gbt36132-2018.case-full.json", NULL);
  g_autofree char *ea = g_build_filename (dir, "ea.xlsx", NULL);
  g_autofree char *cp = g_build_filename (dir, "cp.xlsx", NULL);
  g_autofree char *gf = g_build_filename (dir, "gf.xlsx", NULL);
  g_autoptr(GaEngine) e1 = engine_for ("energy-audit-gbt17166-2019", kat_ea);
  g_autoptr(GaEngine) e2 = engine_for ("cp-electroplating-2015", kat_cp);
  g_autoptr(GaEngine) e3 = engine_for ("gbt36132-2018", kat_gf);
  g_autoptr(GaEnterpriseInfo) info = load_info ("enterprise.json");
  g_autofree char *wb = NULL;
  g_autofree char *chart = NULL;

  export_ok (e1, info, ea, NULL);
  export_ok (e2, info, cp, NULL);
  export_ok (e3, info, gf, NULL);
  if (!g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      rm_rf (dir);
      g_test_skip ("/usr/bin/unzip is not installed (build-aux/install-deps.sh installs it)");
      return;
    }

  /* Energy audit: basic information, scoring, energy and CO2, summary,
   * computed indicators, factors, sources, and the hidden lists of the
   * drop-downs too long to be written into their validation. */
  wb = zip_part (ea, "xl/workbook.xml");
  g_assert_cmpuint (n_sheets (ea), ==, 8);
  g_assert_nonnull (strstr (wb, "name=\"基本信息\""));
  g_assert_nonnull (strstr (wb, "name=\"评分表\""));
  g_assert_nonnull (strstr (wb, "name=\"能源与碳排放\""));
  g_assert_nonnull (strstr (wb, "name=\"汇总\""));
  g_assert_nonnull (strstr (wb, "name=\"系数表\""));
  g_assert_nonnull (strstr (wb, "name=\"来源与核实\""));
  g_assert_nonnull (strstr (wb, "name=\"计算指标\""));
  g_assert_nonnull (strstr (wb, "name=\"选项\" sheetId=\"8\" state=\"hidden\""));
  /* Repeated header rows on the scoring sheet are a defined print title. */
  g_assert_nonnull (strstr (wb, "_xlnm.Print_Titles"));
  /* Section scores as bar and radar charts, the energy mix as a doughnut. */
  {
    g_autofree char *c1 = zip_part (ea, "xl/charts/chart1.xml");
    g_autofree char *c2 = zip_part (ea, "xl/charts/chart2.xml");
    g_autofree char *c3 = zip_part (ea, "xl/charts/chart3.xml");

    chart = g_strconcat (c1, c2, c3, NULL);
  }
  g_assert_nonnull (strstr (chart, "<c:barChart>"));
  g_assert_nonnull (strstr (chart, "<c:radarChart>"));
  g_assert_nonnull (strstr (chart, "<c:doughnutChart>"));
  g_clear_pointer (&wb, g_free);

  /* Clean production: its own sheet, no energy sheet. */
  wb = zip_part (cp, "xl/workbook.xml");
  g_assert_nonnull (strstr (wb, "name=\"清洁生产\""));
  g_assert_null (strstr (wb, "name=\"能源与碳排放\""));
  g_clear_pointer (&wb, g_free);

  /* Green factory 2018: no tables, no lookup tables, short lists only. */
  g_assert_cmpuint (n_sheets (gf), ==, 4);

  /* Print setup of the scoring sheet: A4 landscape at a scale that keeps
   * the text at 9 pt (86 % of 10.5 pt) or more, header and footer with
   * the enterprise name and page numbers, frozen panes. */
  {
    g_autofree char *sheet = zip_part (gf, "xl/worksheets/sheet2.xml");
    const char *scale = strstr (sheet, " scale=\"");

    g_assert_nonnull (strstr (sheet, "paperSize=\"9\""));
    g_assert_nonnull (strstr (sheet, "orientation=\"landscape\""));
    g_assert_nonnull (scale);
    g_assert_cmpint (atoi (scale + strlen (" scale=\"")), >=, 86);
    g_assert_null (strstr (sheet, "fitToPage"));
    g_assert_nonnull (strstr (sheet, "<oddHeader>&amp;L闽江绿色制造有限公司"));
    g_assert_nonnull (strstr (sheet, "&amp;P"));
    g_assert_nonnull (strstr (sheet, "&amp;N"));
    g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  }
  /* The energy sheet of the energy audit is wider than a landscape page
   * at 9 pt, so it goes on across pages with its first two columns (序号,
   * the carrier) repeated. Text in column A that ran on to the right
   * would be cut at the edge of column B on the pages after the first:
   * the sheet's title is in the page header of every page instead (its
   * row left out of the print area), and each table's title is merged
   * over A:B, where it wraps. */
  {
    g_autofree char *sheet = zip_part (ea, "xl/worksheets/sheet3.xml");

    wb = zip_part (ea, "xl/workbook.xml");
    g_assert_nonnull (strstr (wb, "'能源与碳排放'!$A:$B<"));
    g_assert_nonnull (strstr (wb, "'能源与碳排放'!$A$2:"));
    g_assert_nonnull (strstr (sheet, "&amp;C&amp;B能源消费与二氧化碳排放&amp;B"));
    g_assert_nonnull (strstr (sheet, "<mergeCell ref=\"A3:B3\"/>"));
    g_clear_pointer (&wb, g_free);
  }
  {
    g_autofree char *styles = zip_part (gf, "xl/styles.xml");

    g_assert_nonnull (strstr (styles, "<name val=\"宋体\"/>"));
  }
  {
    g_autofree char *styles = zip_part (ea, "xl/styles.xml");

    /* Units in number formats. */
    g_assert_nonnull (strstr (styles, "&quot;万元&quot;"));
  }
  rm_rf (dir);
}

/* The cells named in the cell map hold formulas that reproduce the engine,
 * and N/A items are written as 不适用 with the grey fill. */
static void
test_cached_values (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *answers = source_path ("tests", "fixtures", "export",
                                          "gbt36132-2025.case-na-text.json", NULL);
  g_autofree char *path = g_build_filename (dir, "gf.xlsx", NULL);
  g_autoptr(GaEngine) engine = engine_for ("gbt36132-2025", answers);
  g_autoptr(GHashTable) cells = new_cells ();
  const GaSummary *sum = ga_engine_get_summary (engine);
  GaTemplate *tmpl = ga_engine_get_template (engine);
  GPtrArray *roots = ga_template_get_root_sections (tmpl);

  export_ok (engine, NULL, path, cells);
  g_assert_nonnull (g_hash_table_lookup (cells, "total"));
  g_assert_nonnull (g_hash_table_lookup (cells, "max"));
  g_assert_nonnull (g_hash_table_lookup (cells, "veto"));
  for (guint i = 0; i < roots->len; i++)
    g_assert_nonnull (g_hash_table_lookup (cells, ((GaSection *) g_ptr_array_index (roots, i))->id));
  /* This fixture answers a veto item 不符合. */
  g_assert_cmpint (sum->veto, ==, GA_VETO_FAIL);
  rm_rf (dir);
}

/* ---------------------------------------------------------------- golden */

static void
compare_golden (const char *xlsx,
                const char *name)
{
  g_autofree char *gdir = source_path ("tests", "golden", "export", name, NULL);
  gboolean update = g_strcmp0 (g_getenv ("GA_UPDATE_GOLDEN"), "1") == 0;
  guint n = n_sheets (xlsx);

  g_assert_cmpuint (n, >=, 3);
  if (update)
    g_assert_cmpint (g_mkdir_with_parents (gdir, 0755), ==, 0);
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *file = g_strdup_printf ("sheet%u.xml", i);
      g_autofree char *gpath = g_build_filename (gdir, file, NULL);
      g_autofree char *got = zip_part (xlsx, part);
      g_autofree char *want = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (got);
      if (update)
        {
          g_file_set_contents (gpath, got, -1, &error);
          g_assert_no_error (error);
          continue;
        }
      g_file_get_contents (gpath, &want, NULL, &error);
      if (error != NULL)
        g_test_message ("%s is missing: run the test with GA_UPDATE_GOLDEN=1 to create it", gpath);
      g_assert_no_error (error);
      if (g_strcmp0 (got, want) != 0)
        {
          g_autofree char *keep = g_strdup_printf ("%s.got", gpath);

          g_file_set_contents (keep, got, -1, NULL);
          g_test_message ("%s differs from the golden copy; the output is in %s "
                          "(GA_UPDATE_GOLDEN=1 accepts it)", part, keep);
        }
      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_golden (void)
{
  static const char *cases[][2] = {
    { "gbt36132-2018", "gbt36132-2018.case-veto.json" },
    { "energy-audit-gbt17166-2019", "energy-audit-gbt17166-2019.case-full.json" },
    { "cp-electroplating-2015", "cp-electroplating-2015.case-full.json" },
  };
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GaEnterpriseInfo) info = load_info ("enterprise.json");

  if (!g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      rm_rf (dir);
      g_test_skip ("/usr/bin/unzip is not installed (build-aux/install-deps.sh installs it)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *answers = source_path ("tests", "fixtures", "export", cases[i][1], NULL);
      g_autofree char *path = g_strdup_printf ("%s/%s.xlsx", dir, cases[i][0]);
      g_autoptr(GaEngine) engine = engine_for (cases[i][0], answers);

      export_ok (engine, info, path, NULL);
      compare_golden (path, cases[i][0]);
    }
  rm_rf (dir);
}

/* Same input, same bytes in every part but the zip's own timestamps. */
static void
test_reproducible (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *answers = source_path ("tests", "fixtures", "export",
                                          "energy-audit-gbt17166-2019.case-full.json", NULL);
  g_autofree char *a = g_build_filename (dir, "a.xlsx", NULL);
  g_autofree char *b = g_build_filename (dir, "b.xlsx", NULL);
  g_autoptr(GaEngine) engine = engine_for ("energy-audit-gbt17166-2019", answers);
  g_autofree char *core_a = NULL;
  g_autofree char *core_b = NULL;

  export_ok (engine, NULL, a, NULL);
  export_ok (engine, NULL, b, NULL);
  if (!g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      rm_rf (dir);
      g_test_skip ("/usr/bin/unzip is not installed");
      return;
    }
  core_a = zip_part (a, "docProps/core.xml");
  core_b = zip_part (b, "docProps/core.xml");
  g_assert_cmpstr (core_a, ==, core_b);
  g_assert_nonnull (strstr (core_a, "2026-01-01T00:00:00Z"));
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *x = zip_part (a, part);
      g_autofree char *y = zip_part (b, part);

      g_assert_cmpstr (x, ==, y);
    }
  rm_rf (dir);
}

/* -------------------------------------------------- LibreOffice recalculation */

static void
add_expect_number (JsonObject *expect,
                   GHashTable *cells,
                   const char *key,
                   double      value)
{
  const char *ref = g_hash_table_lookup (cells, key);

  if (ref == NULL || !isfinite (value))
    return;
  json_object_set_double_member (expect, ref, value);
}

static void
add_expect_value (JsonObject    *expect,
                  GHashTable    *cells,
                  const char    *key,
                  const GaValue *value)
{
  const char *ref = g_hash_table_lookup (cells, key);

  if (ref == NULL)
    return;
  if (value->kind == GA_VALUE_NUMBER)
    json_object_set_double_member (expect, ref, value->u.number);
  else if (value->kind == GA_VALUE_TEXT)
    json_object_set_string_member (expect, ref, value->u.text);
}

/* The clean-production level as the workbook writes it: the number, or
 * "" while the engine has not determined it (-1); the result cell names
 * the level as the template does, 未确定 while it is not determined and
 * 未达到III级 below level III (the workbooks of this test are Chinese). */
static void
add_expect_level (JsonObject *expect,
                  GHashTable *cells,
                  GaTemplate *tmpl,
                  int         level)
{
  const char *ref = g_hash_table_lookup (cells, "level");
  const char *label_ref = g_hash_table_lookup (cells, "level_label");
  GPtrArray *rules = ga_template_get_level_rules (tmpl);
  const char *label = level < 0 ? "未确定" : "未达到III级";

  if (ref == NULL || label_ref == NULL)
    return;
  if (level < 0)
    json_object_set_string_member (expect, ref, "");
  else
    json_object_set_int_member (expect, ref, level);
  for (guint i = 0; level >= 1 && i < rules->len; i++)
    {
      const GaLevelRule *rule = g_ptr_array_index (rules, i);

      if (rule->level == level)
        label = ga_text_get (&rule->label, "zh_CN");
    }
  json_object_set_string_member (expect, label_ref, label);
}

static void
test_recalc (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GPtrArray) cases = list_cases ();
  g_autoptr(GaEnterpriseInfo) info = load_info ("enterprise.json");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  g_auto(GStrv) bundled = ga_template_list_bundled ();

  /* Every bundled template has at least one fixture. */
  for (guint i = 0; bundled[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < cases->len; k++)
        found |= g_str_equal (((Case *) g_ptr_array_index (cases, k))->template_id, bundled[i]);
      if (!found)
        g_test_message ("no export fixture for bundled template %s", bundled[i]);
      g_assert_true (found);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "workbooks");
  json_builder_begin_array (builder);
  for (guint k = 0; k < cases->len; k++)
    {
      Case *c = g_ptr_array_index (cases, k);
      g_autofree char *file = g_strdup_printf ("%s.%s.xlsx", c->template_id, c->case_name);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GaEngine) engine = engine_for (c->template_id, c->answers);
      g_autoptr(GHashTable) cells = new_cells ();
      GaTemplate *tmpl = ga_engine_get_template (engine);
      const GaSummary *sum = ga_engine_get_summary (engine);
      GPtrArray *sections = ga_template_get_sections (tmpl);
      GPtrArray *outputs = ga_template_get_outputs (tmpl);
      GPtrArray *items = ga_template_get_items (tmpl);
      JsonObject *expect = json_object_new ();
      JsonNode *expect_node = json_node_new (JSON_NODE_OBJECT);

      export_ok (engine, info, path, cells);
      if (g_str_equal (c->case_name, "case-units"))
        {
          /* 原煤 1 000 t, 电力 200 万kWh, 柴油 50 000 kg: 0.7143 × 1 000 + 1.229 × 200
           * + 1.4571 × 50 = 714.3 + 245.8 + 72.855 = 1 032.955 tce; the workbook
           * converts each unit by a look-up and must recalculate to the same. */
          const GaResult *e = ga_engine_lookup (engine, "E_total");

          g_assert_cmpfloat_with_epsilon (e->value.u.number, 1032.955, 1e-9);
          g_assert_nonnull (g_hash_table_lookup (cells, "E_total"));
        }

      /* The engine's own figures, each at the cell the export says. */
      if (ga_template_get_scheme (tmpl) == GA_SCHEME_POINTS)
        {
          add_expect_number (expect, cells, "total", sum->score);
          add_expect_number (expect, cells, "max", sum->max);
          for (guint i = 0; i < sections->len; i++)
            {
              const GaSection *s = g_ptr_array_index (sections, i);

              add_expect_number (expect, cells, s->id,
                                 ga_engine_get_section_result (engine, s)->score);
            }
          for (guint i = 0; i < items->len; i++)
            {
              const GaItem *item = g_ptr_array_index (items, i);
              const GaResult *res = ga_engine_get_item_result (engine, item);
              g_autofree char *key = g_strdup_printf ("score:%s", item->id);

              if (!item->veto)
                add_expect_number (expect, cells, key, res->score);
            }
        }
      else if (ga_template_get_scheme (tmpl) == GA_SCHEME_CLEAN_PRODUCTION)
        {
          add_expect_number (expect, cells, "Y_I", sum->index[0]);
          add_expect_number (expect, cells, "Y_II", sum->index[1]);
          add_expect_number (expect, cells, "Y_III", sum->index[2]);
          add_expect_level (expect, cells, tmpl, sum->level);
        }
      for (guint i = 0; i < outputs->len; i++)
        {
          const GaOutput *out = g_ptr_array_index (outputs, i);

          add_expect_value (expect, cells, out->id,
                            &ga_engine_get_output_result (engine, out)->value);
        }
      for (guint i = 0; i < items->len; i++)
        {
          const GaItem *item = g_ptr_array_index (items, i);

          if (item->kind == GA_ITEM_COMPUTED)
            add_expect_value (expect, cells, item->id,
                              &ga_engine_get_item_result (engine, item)->value);
        }
      g_test_message ("%s: %u engine figures to check", file, json_object_get_size (expect));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "xlsx");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "expect");
      json_node_take_object (expect_node, expect);
      json_builder_add_value (builder, expect_node);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  manifest = json_to_file (root, dir, "manifest.json");

  run_check ("recalc", manifest);
  rm_rf (dir);
}

/* ------------------------------------------- clean production, no level */

/* The XML of cell @cell ("M10") in a sheet part. */
static char *
cell_xml (const char *sheet,
          const char *cell)
{
  g_autofree char *open = g_strdup_printf ("<c r=\"%s\"", cell);
  const char *start = strstr (sheet, open);
  const char *end = start != NULL ? strstr (start, "</c>") : NULL;

  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* "'清洁生产'!$M$10" -> "M10" */
static char *
plain_cell (const char *ref)
{
  const char *bang = strrchr (ref, '!');
  GString *out = g_string_new (NULL);

  g_assert_nonnull (bang);
  for (const char *p = bang + 1; *p != '\0'; p++)
    if (*p != '$')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The engine leaves the level undetermined (-1) while an indicator, a
 * weight or an input of a category is missing; the workbook writes "" in
 * the level cell and 未确定 in the result, and LibreOffice computes the
 * same. Two ways there: cp-custom case 7 (indicator Q2 not answered, seen
 * by the formula), and a template whose note X cannot decide whether it
 * applies (1/Z with Z = 0: an error only the app sees), where the
 * condition starts with TRUE. */
static void
test_cp_undetermined (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *case7 = source_path ("tests", "fixtures", "templates", "cp-custom",
                                        "case7.json", NULL);
  g_autofree char *tpath = source_path ("tests", "fixtures", "export",
                                        "custom-cp-undecidable.json", NULL);
  g_autofree char *a = g_build_filename (dir, "case7.xlsx", NULL);
  g_autofree char *b = g_build_filename (dir, "undecidable.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEngine) e1 = engine_for ("cp-custom", case7);
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_file (tpath, &error);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) e2 = NULL;
  g_autoptr(GHashTable) c1 = new_cells ();
  g_autoptr(GHashTable) c2 = new_cells ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  GaEngine *engines[] = { e1, NULL };
  GHashTable *maps[] = { c1, c2 };
  const char *paths[] = { a, b };

  g_assert_no_error (error);
  node = json_from_string ("{\"template\": \"test-cp-undecidable\", "
                           "\"answers\": {\"Z\": 0, \"X\": \"备注\", \"Q\": 5}}", &error);
  g_assert_no_error (error);
  answers = ga_answer_set_new_from_json (node, tmpl, &error);
  g_assert_no_error (error);
  e2 = ga_engine_new (tmpl);
  ga_engine_set_answers (e2, answers);
  engines[1] = e2;

  /* Hand check of the engine: case 7 leaves Q2 unanswered; in the other
   * Q = 5 meets level I (≤ 10) and the weights are constants, so
   * Y_I = 100, but X is an error. */
  g_assert_cmpint (ga_engine_get_summary (e1)->level, ==, -1);
  g_assert_cmpint (ga_engine_get_summary (e2)->level, ==, -1);
  g_assert_cmpfloat_with_epsilon (ga_engine_get_summary (e2)->index[0], 100, 1e-9);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "workbooks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 2; i++)
    {
      export_ok (engines[i], NULL, paths[i], maps[i]);
      if (g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
        {
          g_autofree char *sheet = zip_part (paths[i], "xl/worksheets/sheet3.xml");
          g_autofree char *level = plain_cell (g_hash_table_lookup (maps[i], "level"));
          g_autofree char *label = plain_cell (g_hash_table_lookup (maps[i], "level_label"));
          g_autofree char *lx = cell_xml (sheet, level);
          g_autofree char *tx = cell_xml (sheet, label);

          g_assert_nonnull (strstr (lx, i == 0 ? "<f>IF(OR(NOT(ISNUMBER(" : "<f>IF(OR(TRUE,"));
          g_assert_nonnull (strstr (lx, "</f><v></v>"));
          g_assert_nonnull (strstr (tx, "=\"\",\"未确定\","));
          g_assert_nonnull (strstr (tx, "</f><v>未确定</v>"));
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "xlsx");
      json_builder_add_string_value (builder, paths[i]);
      json_builder_set_member_name (builder, "expect");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, g_hash_table_lookup (maps[i], "level"));
      json_builder_add_string_value (builder, "");
      json_builder_set_member_name (builder, g_hash_table_lookup (maps[i], "level_label"));
      json_builder_add_string_value (builder, "未确定");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  manifest = json_to_file (root, dir, "manifest.json");
  run_check ("recalc", manifest);
  rm_rf (dir);
}

/* ------------------------------------------------- a submission a bureau accepts */

static void
add_string_array (JsonBuilder *b,
                  const char  *member,
                  GPtrArray   *strings)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (strings, i));
  json_builder_end_array (b);
}

static void
add_unique (GPtrArray  *strings,
            const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), text))
      return;
  g_ptr_array_add (strings, g_strdup (text));
}

static void
add_options (GPtrArray *ids,
             GPtrArray *options)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    add_unique (ids, ((GaOption *) g_ptr_array_index (options, i))->id);
}

/* Every identifier of @tmpl a reader must never see: items, sections,
 * options (of items and of table columns, lookup keys included), table
 * columns, outputs, lookup tables. Numbers ("2021") are words too. */
static GPtrArray *
template_ids (GaTemplate *tmpl)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *items = ga_template_get_items (tmpl);
  GPtrArray *sections = ga_template_get_sections (tmpl);
  GPtrArray *outputs = ga_template_get_outputs (tmpl);
  GPtrArray *tables = ga_template_get_tables (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      add_unique (ids, item->id);
      add_options (ids, item->options);
      for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
        {
          const GaColumn *column = g_ptr_array_index (item->columns, c);

          add_unique (ids, column->id);
          add_options (ids, column->options);
        }
    }
  for (guint i = 0; i < sections->len; i++)
    add_unique (ids, ((GaSection *) g_ptr_array_index (sections, i))->id);
  for (guint i = 0; i < outputs->len; i++)
    add_unique (ids, ((GaOutput *) g_ptr_array_index (outputs, i))->id);
  for (guint i = 0; i < tables->len; i++)
    {
      const GaLookupTable *table = g_ptr_array_index (tables, i);

      add_unique (ids, table->id);
      /* The column names: the headings show the template's titles. */
      for (guint c = 1; c < table->columns->len; c++)
        add_unique (ids, g_ptr_array_index (table->columns, c));
    }
  return ids;
}

/* The units of @tmpl: their words ("tce") are units, not ids. */
static GPtrArray *
template_units (GaTemplate *tmpl)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *items = ga_template_get_items (tmpl);
  GPtrArray *outputs = ga_template_get_outputs (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      add_unique (units, item->unit);
      for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
        {
          const GaColumn *column = g_ptr_array_index (item->columns, c);

          add_unique (units, column->unit);
          /* The keys of a units table are the units' symbols (kg, GJ). */
          for (guint o = 0; column->units_of_column >= 0 && o < column->options->len; o++)
            add_unique (units, ((GaOption *) g_ptr_array_index (column->options, o))->id);
        }
    }
  for (guint i = 0; i < outputs->len; i++)
    add_unique (units, ((GaOutput *) g_ptr_array_index (outputs, i))->unit);
  return units;
}

/* What the user typed (texts, notes, reasons, the enterprise's data): it
 * is shown as typed, whatever it looks like. */
static GPtrArray *
user_texts (GaEngine               *engine,
            const GaEnterpriseInfo *info)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GaTemplate *tmpl = ga_engine_get_template (engine);
  GPtrArray *items = ga_template_get_items (tmpl);
  GaAnswerSet *answers = ga_engine_get_answers (engine);
  const char *fields[] = {
    info->name, info->address, info->factory_address, info->email, info->contact_person,
    info->industry_name, info->main_products, info->registration_authority, info->profile,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    add_unique (texts, fields[i]);
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);
      const GaAnswer *a = ga_answer_set_get (answers, item->id);

      if (a == NULL)
        continue;
      add_unique (texts, a->note);
      add_unique (texts, a->na_reason);
      if ((item->kind == GA_ITEM_TEXT || item->kind == GA_ITEM_DATE)
          && a->value.kind == GA_VALUE_TEXT)
        add_unique (texts, a->value.u.text);
      for (guint r = 0; item->kind == GA_ITEM_TABLE && a->rows != NULL && r < a->rows->len; r++)
        {
          const GaRow *row = g_ptr_array_index (a->rows, r);

          for (guint c = 0; c < row->n_cells && c < item->columns->len; c++)
            {
              const GaColumn *column = g_ptr_array_index (item->columns, c);

              if ((column->kind == GA_ITEM_TEXT || column->kind == GA_ITEM_DATE)
                  && row->cells[c].kind == GA_VALUE_TEXT)
                add_unique (texts, row->cells[c].u.text);
            }
        }
    }
  return texts;
}

/* The cells a reviewer may change: the answers of the items (not computed,
 * tables or multiple choices) and the input columns of the tables. */
static GPtrArray *
input_cells (GaTemplate *tmpl,
             GHashTable *cells)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *items = ga_template_get_items (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      if (item->kind == GA_ITEM_TABLE)
        {
          for (guint c = 0; c < item->columns->len; c++)
            {
              const GaColumn *column = g_ptr_array_index (item->columns, c);
              g_autofree char *key = g_strdup_printf ("%s.%s", item->id, column->id);

              if (column->kind != GA_ITEM_COMPUTED)
                add_unique (refs, g_hash_table_lookup (cells, key));
            }
          continue;
        }
      if (item->kind != GA_ITEM_COMPUTED && item->kind != GA_ITEM_MULTI)
        add_unique (refs, g_hash_table_lookup (cells, item->id));
    }
  return refs;
}

/* greenassess-cli export in the environment @env (NULL-terminated
 * "NAME=value" strings, nothing else), exit status 0. */
static void
cli_export (const char * const *env,
            const char         *template_id,
            const char         *answers,
            const char         *info,
            const char         *out)
{
  g_autofree char *cli = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  const char *argv[] = { cli, "export", "--template", template_id, "--answers", answers,
                         "--info", info, "--out", out, "--lang", "zh_CN", "--created",
                         "1767225600", "--date", "2026-03-31", "--force", NULL };
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_set_environ (launcher, (char **) env);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (proc))
    g_test_message ("greenassess-cli export: %s", err);
  g_assert_true (g_subprocess_get_successful (proc));
}

/* A Chinese workbook written by greenassess-cli export --lang zh_CN where
 * the environment says nothing of Chinese (LANG=C, no LANGUAGE) holds no
 * English sentence and no internal identifier in any cell a reader sees,
 * and every input has a data validation; the environment does not change a
 * byte of the sheets (LANGUAGE=en gives the same workbook). */
static void
test_clean (void)
{
  g_autofree char *cli = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *info_path = source_path ("tests", "fixtures", "export", "enterprise.json",
                                            NULL);
  g_autoptr(GaEnterpriseInfo) info = load_info ("enterprise.json");
  g_autoptr(GPtrArray) cases = list_cases ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  const char *c_env[] = { "LANG=C", "PATH=/usr/bin:/bin", NULL };
  const char *en_env[] = { "LANG=en_US.UTF-8", "LANGUAGE=en", "PATH=/usr/bin:/bin", NULL };
  guint n = 0;

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE)
      || !g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      rm_rf (dir);
      g_test_skip ("greenassess-cli or unzip is missing");
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);
  for (guint k = 0; k < cases->len; k++)
    {
      Case *c = g_ptr_array_index (cases, k);
      g_autofree char *file = g_strdup_printf ("%s.%s.xlsx", c->template_id, c->case_name);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *en_path = g_strconcat (path, ".en.xlsx", NULL);
      g_autofree char *api_path = g_strconcat (path, ".api.xlsx", NULL);
      g_autoptr(GaEngine) engine = NULL;
      g_autoptr(GHashTable) cells = new_cells ();
      g_autoptr(GPtrArray) ids = NULL;
      g_autoptr(GPtrArray) units = NULL;
      g_autoptr(GPtrArray) texts = NULL;
      g_autoptr(GPtrArray) inputs = NULL;

      /* The own fixtures; the known-answer cases check the values. */
      if (!g_str_has_prefix (c->case_name, "case-"))
        continue;
      engine = engine_for (c->template_id, c->answers);
      cli_export (c_env, c->template_id, c->answers, info_path, path);
      cli_export (en_env, c->template_id, c->answers, info_path, en_path);
      {
        g_autofree char *s1 = zip_part (path, "xl/sharedStrings.xml");
        g_autofree char *s2 = zip_part (en_path, "xl/sharedStrings.xml");
        g_autofree char *w1 = zip_part (path, "xl/worksheets/sheet2.xml");
        g_autofree char *w2 = zip_part (en_path, "xl/worksheets/sheet2.xml");

        g_assert_cmpstr (s1, ==, s2);
        g_assert_cmpstr (w1, ==, w2);
        /* The engine's own explanations are not in the workbook. */
        g_assert_null (strstr (s1, "Every veto item"));
        g_assert_null (strstr (s1, "not scored"));
        g_assert_null (strstr (w1, "Total "));
      }
      /* The same layout from the library, for the cell map. */
      export_ok (engine, info, api_path, cells);
      ids = template_ids (ga_engine_get_template (engine));
      units = template_units (ga_engine_get_template (engine));
      texts = user_texts (engine, info);
      inputs = input_cells (ga_engine_get_template (engine), cells);
      g_assert_cmpuint (inputs->len, >, 0);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "xlsx");
      json_builder_add_string_value (b, path);
      add_string_array (b, "ids", ids);
      add_string_array (b, "units", units);
      add_string_array (b, "user_texts", texts);
      add_string_array (b, "inputs", inputs);
      json_builder_end_object (b);
      n++;
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  /* Every bundled template has a fixture of its own. */
  g_assert_cmpuint (n, >=, 5);
  root = json_builder_get_root (b);
  manifest = json_to_file (root, dir, "manifest.json");
  run_check ("clean", manifest);
  rm_rf (dir);
}

/* The first item of @tmpl that @pick accepts. */
static const GaItem *
find_item (GaEngine *engine,
           gboolean (*pick) (GaEngine *, const GaItem *))
{
  GPtrArray *items = ga_template_get_items (ga_engine_get_template (engine));

  for (guint i = 0; i < items->len; i++)
    if (pick (engine, g_ptr_array_index (items, i)))
      return g_ptr_array_index (items, i);
  return NULL;
}

static gboolean
scored_not_met (GaEngine     *engine,
                const GaItem *item)
{
  const GaResult *res = ga_engine_get_item_result (engine, item);

  return item->kind == GA_ITEM_COMPLIANCE && !item->veto && !item->bonus
         && isfinite (item->points) && item->points > 0 && res->status != GA_STATUS_NA
         && res->value.kind == GA_VALUE_TEXT && g_str_equal (res->value.u.text, "no");
}

static gboolean
veto_met (GaEngine     *engine,
          const GaItem *item)
{
  const GaResult *res = ga_engine_get_item_result (engine, item);

  return item->kind == GA_ITEM_COMPLIANCE && item->veto && res->status == GA_STATUS_COMPLETE
         && !res->veto_failed;
}

static gboolean
indicator_at_level_1 (GaEngine     *engine,
                      const GaItem *item)
{
  const GaResult *res = ga_engine_get_item_result (engine, item);

  return item->kind == GA_ITEM_CHOICE && item->weight != NULL && res->level == 1;
}

/* An edit of one cell in manifest @b: write @value at @cell; @changes
 * must then read differently, @expect_cell (may be NULL) hold @expect. */
static void
add_edit (JsonBuilder *b,
          const char  *xlsx,
          const char  *cell,
          const char  *value,
          const char  *changes[],
          const char  *expect_cell,
          double       expect)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "xlsx");
  json_builder_add_string_value (b, xlsx);
  json_builder_set_member_name (b, "edits");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cell");
  json_builder_add_string_value (b, cell);
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, value);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; changes[i] != NULL; i++)
    json_builder_add_string_value (b, changes[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "expect");
  json_builder_begin_object (b);
  if (expect_cell != NULL)
    {
      json_builder_set_member_name (b, expect_cell);
      json_builder_add_double_value (b, expect);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* A reviewer changes an answer the way the drop-down offers it (符合,
 * 不符合, an option's label) and LibreOffice recalculates: the item
 * scores, and the conclusion on the summary and the basic-information
 * sheets, which are formulas, say so. */
static void
test_edit (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *gf_answers = source_path ("tests", "fixtures", "export",
                                             "gbt36132-2018.case-full.json", NULL);
  g_autofree char *cp_answers = source_path ("tests", "fixtures", "export",
                                             "cp-electroplating-2015.case-full.json", NULL);
  g_autofree char *gf = g_build_filename (dir, "gf.xlsx", NULL);
  g_autofree char *cp = g_build_filename (dir, "cp.xlsx", NULL);
  g_autoptr(GaEngine) e_gf = engine_for ("gbt36132-2018", gf_answers);
  g_autoptr(GaEngine) e_cp = engine_for ("cp-electroplating-2015", cp_answers);
  g_autoptr(GaEnterpriseInfo) info = load_info ("enterprise.json");
  g_autoptr(GHashTable) c_gf = new_cells ();
  g_autoptr(GHashTable) c_cp = new_cells ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  const GaItem *item = find_item (e_gf, scored_not_met);
  const GaItem *veto = find_item (e_gf, veto_met);
  const GaItem *indicator = find_item (e_cp, indicator_at_level_1);
  g_autofree char *score = NULL;
  const char *below = NULL;

  g_assert_nonnull (item);
  g_assert_nonnull (veto);
  g_assert_nonnull (indicator);
  for (guint i = 0; indicator != NULL && i < indicator->options->len; i++)
    {
      const GaOption *o = g_ptr_array_index (indicator->options, i);

      if (o->level == 0)
        below = ga_text_get (&o->label, "zh_CN");
    }
  g_assert_nonnull (below);
  g_assert_true (item != NULL && veto != NULL);
  export_ok (e_gf, info, gf, c_gf);
  export_ok (e_cp, info, cp, c_cp);
  score = g_strdup_printf ("score:%s", item->id);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);
  {
    /* 不符合 → 符合: the item gets its points, the total and the
     * conclusion follow. */
    const char *changes[] = { g_hash_table_lookup (c_gf, "total"),
                              g_hash_table_lookup (c_gf, "conclusion"),
                              g_hash_table_lookup (c_gf, "conclusion:info"), NULL };

    add_edit (b, gf, g_hash_table_lookup (c_gf, item->id), "符合", changes,
              g_hash_table_lookup (c_gf, score), item->points);
  }
  {
    /* A veto item 符合 → 不符合 fails the assessment. */
    const char *changes[] = { g_hash_table_lookup (c_gf, "veto"),
                              g_hash_table_lookup (c_gf, "conclusion"), NULL };

    add_edit (b, gf, g_hash_table_lookup (c_gf, veto->id), "不符合", changes, NULL, 0);
  }
  {
    /* A clean-production indicator at level I chosen below level III:
     * the composite index Y_I and the conclusion follow. */
    const char *changes[] = { g_hash_table_lookup (c_cp, "Y_I"),
                              g_hash_table_lookup (c_cp, "conclusion"), NULL };

    add_edit (b, cp, g_hash_table_lookup (c_cp, indicator->id), below, changes, NULL, 0);
  }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  manifest = json_to_file (root, dir, "manifest.json");
  run_check ("edit", manifest);
  rm_rf (dir);
}

/* Printed by LibreOffice on A4, no text of any bundled template's workbook
 * is smaller than 9 pt; every sheet has a print area and the sheets that
 * run over pages repeat their header rows. */
static void
test_print (void)
{
  static const char *cases[][2] = {
    { "gbt36132-2025", "gbt36132-2025.case-full.json" },
    { "gbt36132-2018", "gbt36132-2018.case-full.json" },
    { "energy-audit-gbt17166-2019", "energy-audit-gbt17166-2019.case-full.json" },
    { "cp-electroplating-2015", "cp-electroplating-2015.case-full.json" },
    { "cp-custom", "cp-custom.case-full.json" },
    { "water-saving-gbt7119-2018", "water-saving-gbt7119-2018.case-full.json" },
    { "gscm-miit-generic", "gscm-miit-generic.case-full.json" },
    { "gscm-miit-machinery", "gscm-miit-machinery.case-full.json" },
    { "gscm-miit-automotive", "gscm-miit-automotive.case-full.json" },
    { "gscm-miit-electronics", "gscm-miit-electronics.case-full.json" },
    { "green-park-miit2016", "green-park-miit2016.case-full.json" },
    { "cp-pcb", "cp-pcb.case-full.json" },
  };
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GaEnterpriseInfo) info = load_info ("enterprise.json");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "min_pt");
  json_builder_add_double_value (b, 9.0);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *answers = source_path ("tests", "fixtures", "export", cases[i][1], NULL);
      g_autofree char *path = g_strdup_printf ("%s/%s.xlsx", dir, cases[i][0]);
      g_autoptr(GaEngine) engine = engine_for (cases[i][0], answers);

      export_ok (engine, info, path, NULL);
      if (g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
        {
          g_autofree char *wb = zip_part (path, "xl/workbook.xml");
          guint sheets = 0, areas = 0;

          for (const char *p = wb; (p = strstr (p, "<sheet ")) != NULL; p++)
            sheets += strstr (p, "state=\"hidden\"") == NULL
                      || strstr (p, "state=\"hidden\"") > strchr (p, '>');
          for (const char *p = wb; (p = strstr (p, "_xlnm.Print_Area")) != NULL; p++)
            areas++;
          g_assert_cmpuint (areas, ==, sheets);
          /* The scoring sheet and the sources repeat their header. */
          g_assert_nonnull (strstr (wb, "'评分表'!$3:$3"));
          g_assert_nonnull (strstr (wb, "'来源与核实'!$3:$3"));
          if (strstr (wb, "name=\"能源与碳排放\"") != NULL)
            g_assert_nonnull (strstr (wb, "Print_Titles\" localSheetId=\"2\">'能源与碳排放'!$"));
          if (strstr (wb, "name=\"明细表\"") != NULL)
            g_assert_nonnull (strstr (wb, "Print_Titles\" localSheetId=\"2\">'明细表'!$"));
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "xlsx");
      json_builder_add_string_value (b, path);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  manifest = json_to_file (root, dir, "manifest.json");
  run_check ("print", manifest);
  rm_rf (dir);
}

/* Every field of the 基本信息表 the store keeps reaches the basic-information
 * sheet when greenassess-cli exports from the database: 单位性质 by its
 * label, 营业期限 long-term as 长期. */
static void
test_enterprise_fields (void)
{
  g_autofree char *cli = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "plant.db", NULL);
  g_autofree char *out = g_build_filename (dir, "plant.xlsx", NULL);
  g_autofree char *strings = NULL;
  const char *init[] = { cli, "db", "init", "--db", db, NULL };
  const char *add[] = {
    cli, "enterprise", "add", "--db", db, "--name", "闽江绿色制造有限公司",
    "--code", "91350100MA0000000L", "--industry", "C33", "--address", "福州市仓山区示例路 1 号",
    "--postal-code", "350007", "--ownership", "private",
    "--registration-authority", "福州市市场监督管理局", "--registered-capital", "5000",
    "--founded", "2008-05-12", "--valid-until", "long-term", "--legal-representative", "林示例",
    "--legal-representative-phone", "0591-87000000", "--department", "能源管理部",
    "--contact", "陈示例", "--phone", "0591-87000001", "--mobile", "13800000000",
    "--fax", "0591-87000002", "--email", "energy@example.invalid", "--products", "五金件电镀",
    "--profile", "主营五金件电镀，年产 1200 吨。", "--value-added", "3200", NULL
  };
  const char *new_assessment[] = { cli, "assessment", "new", "--db", db, "--enterprise", "1",
                                   "--template", "gbt36132-2018", "--year", "2025", NULL };
  const char *export[] = { cli, "export", "1", "--db", db, "--out", out, "--lang", "zh_CN",
                           NULL };
  const char * const *steps[] = { init, add, new_assessment, export };
  const char *wanted[] = {
    "邮编", "350007", "单位性质", "民营", "注册机关", "福州市市场监督管理局", "成立日期",
    "2008-05-12", "有效期", "长期", "法定代表人电话", "0591-87000000", "申报联系部门",
    "能源管理部", "手机", "13800000000", "传真", "0591-87000002", "主要产品", "五金件电镀",
    "单位简介", "主营五金件电镀，年产 1200 吨。", "工业增加值",
  };

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE)
      || !g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      rm_rf (dir);
      g_test_skip ("greenassess-cli or unzip is missing");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      int status;
      g_autofree char *err = NULL;
      g_autofree char *o = run_capture (steps[i], &status, &err);

      if (status != 0)
        g_test_message ("%s %s: %s", steps[i][1], steps[i][2], err);
      g_assert_cmpint (status, ==, 0);
    }
  strings = zip_part (out, "xl/sharedStrings.xml");
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      if (strstr (strings, wanted[i]) == NULL)
        g_test_message ("%s is not in the workbook", wanted[i]);
      g_assert_nonnull (strstr (strings, wanted[i]));
    }
  /* The id of 单位性质 and the store's word for 长期 are not. */
  g_assert_null (strstr (strings, ">private<"));
  g_assert_null (strstr (strings, "long-term"));
  {
    g_autofree char *sheet = zip_part (out, "xl/worksheets/sheet1.xml");

    /* 注册资本 and 工业增加值 are figures. */
    g_assert_nonnull (strstr (sheet, "<v>5000</v>"));
    g_assert_nonnull (strstr (sheet, "<v>3200</v>"));
  }
  rm_rf (dir);
}

/* A template with every kind of labelled cell a formula reads: a yes/no
 * item (scored, and read as a condition), choices compared, joined into a
 * text and given a fallback, a veto choice, and a table whose choice
 * column looks its factor up by the row's label. */
static const char labels_template[] =
  "{\"format\": 1, \"id\": \"test-labels\", \"version\": \"1.0.0\", \"kind\": \"green-factory\","
  " \"title\": {\"zh_CN\": \"测试: 标签\", \"en\": \"Test: labels\"},"
  " \"standard\": {\"code\": \"测试\", \"title\": \"测试\"}, \"source\": \"测试\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 8},"
  " \"tables\": [{\"id\": \"fac\", \"title\": \"系数\", \"source\": \"测试\","
  "   \"columns\": [\"key\", \"v\"], \"units\": [null, null],"
  "   \"rows\": [{\"key\": \"k1\", \"label\": {\"zh_CN\": \"第一种\", \"en\": \"first\"}, \"values\": [2]},"
  "            {\"key\": \"k2\", \"label\": {\"zh_CN\": \"第二种\", \"en\": \"second\"}, \"values\": [5]}]}],"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"一\", \"items\": ["
  "   {\"id\": \"V1\", \"kind\": \"choice\", \"title\": \"否决\", \"source\": \"测试\", \"veto\": true,"
  "    \"options\": [{\"id\": \"ok\", \"label\": \"合规\"}, {\"id\": \"bad\", \"label\": \"违规\", \"fails\": true}]},"
  "   {\"id\": \"Y1\", \"kind\": \"yesno\", \"title\": \"是否\", \"source\": \"测试\", \"points\": 5},"
  "   {\"id\": \"C1\", \"kind\": \"choice\", \"title\": \"方案\", \"source\": \"测试\", \"points\": 3,"
  "    \"options\": [{\"id\": \"a\", \"label\": \"甲方案\", \"points\": 3}, {\"id\": \"b\", \"label\": \"乙方案\", \"points\": 1}]},"
  "   {\"id\": \"C2\", \"kind\": \"choice\", \"title\": \"备选\", \"source\": \"测试\","
  "    \"options\": [{\"id\": \"x\", \"label\": \"丙\"}, {\"id\": \"y\", \"label\": \"丁\"}]},"
  "   {\"id\": \"K1\", \"kind\": \"computed\", \"title\": \"计算一\", \"source\": \"测试\","
  "    \"value\": \"IF(Y1, 10, 0) + IF(C1 = \\\"a\\\", 1, 2) + IF(IFBLANK(C2, \\\"y\\\") = \\\"y\\\", 100, 0)\"},"
  "   {\"id\": \"K2\", \"kind\": \"computed\", \"title\": \"计算二\", \"source\": \"测试\","
  "    \"value\": \"C1 & \\\"-\\\" & IFBLANK(C2, \\\"none\\\")\"},"
  "   {\"id\": \"T\", \"kind\": \"table\", \"title\": \"燃料\", \"source\": \"测试\", \"columns\": ["
  "     {\"id\": \"fuel\", \"kind\": \"choice\", \"options_table\": \"fac\", \"title\": \"品种\"},"
  "     {\"id\": \"q\", \"kind\": \"number\", \"title\": \"数量\"},"
  "     {\"id\": \"f\", \"kind\": \"computed\", \"title\": \"系数\", \"value\": \"FACTOR(\\\"fac\\\", fuel, \\\"v\\\")\"},"
  "     {\"id\": \"w\", \"kind\": \"computed\", \"title\": \"折算\", \"value\": \"q * f + IF(fuel = \\\"k2\\\", 1000, 0)\"}]}"
  " ]}]}";

/* The labelled cells and the formulas that read them: LibreOffice computes
 * what the engine computes, and computes it again after a reviewer picks
 * other labels from the drop-downs (否, 乙方案, 第二种, 违规). */
static void
test_labels (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "labels.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_data (labels_template, -1, "labels", &error);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GHashTable) cells = new_cells ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  JsonObject *expect = json_object_new ();
  JsonNode *expect_node = json_node_new (JSON_NODE_OBJECT);
  GPtrArray *items;

  g_assert_no_error (error);
  node = json_from_string ("{\"template\": \"test-labels\", \"answers\": {\"V1\": \"ok\", "
                           "\"Y1\": true, \"C1\": \"a\", \"T\": [{\"fuel\": \"k1\", \"q\": 3}]}}",
                           &error);
  g_assert_no_error (error);
  answers = ga_answer_set_new_from_json (node, tmpl, &error);
  g_assert_no_error (error);
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);
  export_ok (engine, NULL, path, cells);

  /* Hand check: Y1 yes gives 10, C1 = a gives 1, C2 blank counts as y
   * (100); the text joins a and the fallback; the table row is k1 (2). */
  items = ga_template_get_items (tmpl);
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);

      if (item->kind == GA_ITEM_COMPUTED)
        add_expect_value (expect, cells, item->id,
                          &ga_engine_get_item_result (engine, item)->value);
    }
  g_assert_cmpfloat (ga_engine_lookup (engine, "K1")->value.u.number, ==, 111);
  g_assert_cmpstr (ga_engine_lookup (engine, "K2")->value.u.text, ==, "a-none");
  add_expect_number (expect, cells, "score:Y1", 5);
  add_expect_number (expect, cells, "score:C1", 3);

  if (g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *strings = zip_part (path, "xl/sharedStrings.xml");

      /* The cells hold the labels. */
      g_assert_nonnull (strstr (strings, ">是<"));
      g_assert_nonnull (strstr (strings, ">甲方案<"));
      g_assert_nonnull (strstr (strings, ">合规<"));
      g_assert_nonnull (strstr (strings, ">第一种<"));
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "xlsx");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "expect");
  json_node_take_object (expect_node, expect);
  json_builder_add_value (b, expect_node);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  manifest = json_to_file (root, dir, "recalc.json");
  run_check ("recalc", manifest);
  g_clear_pointer (&root, json_node_unref);

  {
    g_autoptr(JsonBuilder) e = json_builder_new ();
    g_autofree char *k1 = g_strdup (g_hash_table_lookup (cells, "K1"));
    g_autofree char *k2 = g_strdup (g_hash_table_lookup (cells, "K2"));
    const char *w = g_hash_table_lookup (cells, "T.w");
    g_autofree char *w1 = g_strndup (w, strchr (w, ':') - w);
    const char *none[] = { NULL };
    const char *k1_changes[] = { k1, NULL };
    const char *k2_changes[] = { k2, NULL };
    const char *w_changes[] = { w1, NULL };
    const char *veto_changes[] = { g_hash_table_lookup (cells, "veto"), NULL };
    g_autofree char *fuel = g_strdup (g_hash_table_lookup (cells, "T.fuel"));

    *strchr (fuel, ':') = '\0';
    json_builder_begin_object (e);
    json_builder_set_member_name (e, "workbooks");
    json_builder_begin_array (e);
    /* 否: Y1 scores nothing, K1 loses 10. */
    add_edit (e, path, g_hash_table_lookup (cells, "Y1"), "否", k1_changes,
              g_hash_table_lookup (cells, "score:Y1"), 0);
    /* 乙方案: C1 scores its option's 1 point; K1 and the joined text follow. */
    add_edit (e, path, g_hash_table_lookup (cells, "C1"), "乙方案", k2_changes,
              g_hash_table_lookup (cells, "score:C1"), 1);
    /* 丙 for C2: not the fallback any more. */
    add_edit (e, path, g_hash_table_lookup (cells, "C2"), "丙", k1_changes, k1, 11);
    /* 第二种: the factor of k2 (5) and the k2 term: 3 × 5 + 1000. */
    add_edit (e, path, fuel, "第二种", w_changes, w1, 1015);
    /* 违规 fails the veto item. */
    add_edit (e, path, g_hash_table_lookup (cells, "V1"), "违规", veto_changes, NULL, 0);
    (void) none;
    json_builder_end_array (e);
    json_builder_end_object (e);
    root = json_builder_get_root (e);
    g_free (manifest);
    manifest = json_to_file (root, dir, "edit.json");
    run_check ("edit", manifest);
  }
  rm_rf (dir);
}

/* ------------------------------------------------------------- read-back */

static void
test_readback (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *answers = source_path ("tests", "fixtures", "export",
                                          "energy-audit-gbt17166-2019.case-text.json", NULL);
  g_autofree char *answers_gf = source_path ("tests", "fixtures", "export",
                                             "gbt36132-2025.case-na-text.json", NULL);
  g_autofree char *path = g_build_filename (dir, "ea.xlsx", NULL);
  g_autofree char *path_gf = g_build_filename (dir, "gf.xlsx", NULL);
  g_autoptr(GaEngine) engine = engine_for ("energy-audit-gbt17166-2019", answers);
  g_autoptr(GaEngine) engine_gf = engine_for ("gbt36132-2025", answers_gf);
  g_autoptr(GaEnterpriseInfo) info = load_info ("enterprise-formula-like.json");
  g_autoptr(GHashTable) cells = new_cells ();
  g_autoptr(GHashTable) cells_gf = new_cells ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  static const char *texts[] = {
    "=HYPERLINK(\"http://example.invalid\",\"点击\")",   /* enterprise name */
    "+86 591 1234 5678",                                   /* phone */
    "-负号开头",                                            /* table text cell */
    "@备注",                                                /* a note */
    "=1+2 文本",                                            /* a text answer */
    "=SUM(A1:A3)",                                          /* address */
  };
  GaTemplate *tmpl_gf = ga_engine_get_template (engine_gf);
  GPtrArray *items = ga_template_get_items (tmpl_gf);
  GPtrArray *sections = ga_template_get_sections (tmpl_gf);

  export_ok (engine, info, path, cells);
  export_ok (engine_gf, info, path_gf, cells_gf);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workbooks");
  json_builder_begin_array (b);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "xlsx");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    json_builder_add_string_value (b, texts[i]);
  json_builder_end_array (b);
  /* The total tce output adds up the tce columns of both energy tables. */
  json_builder_set_member_name (b, "refs");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cell");
  json_builder_add_string_value (b, g_hash_table_lookup (cells, "E_total"));
  json_builder_set_member_name (b, "must");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, g_hash_table_lookup (cells, "energy.tce"));
  json_builder_add_string_value (b, g_hash_table_lookup (cells, "energy_other.o_tce"));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  /* Green factory 2025: each score formula reads its item's value cell,
   * each subtotal its items' scores. */
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "xlsx");
  json_builder_add_string_value (b, path_gf);
  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "@备注");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "refs");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = g_strdup_printf ("score:%s", item->id);
      const char *score = g_hash_table_lookup (cells_gf, key);
      const char *value = g_hash_table_lookup (cells_gf, item->id);

      if (score == NULL || value == NULL)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cell");
      json_builder_add_string_value (b, score);
      json_builder_set_member_name (b, "must");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, value);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  for (guint i = 0; i < sections->len; i++)
    {
      const GaSection *s = g_ptr_array_index (sections, i);
      g_autoptr(GPtrArray) must = g_ptr_array_new ();

      for (guint k = 0; k < s->items->len; k++)
        {
          const GaItem *item = g_ptr_array_index (s->items, k);
          g_autofree char *key = g_strdup_printf ("score:%s", item->id);
          const char *score = g_hash_table_lookup (cells_gf, key);

          if (score != NULL && !item->veto && !item->bonus)
            g_ptr_array_add (must, (gpointer) score);
        }
      /* A section with nothing to add up holds a plain 0. */
      if (must->len == 0 && s->sections->len == 0)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cell");
      json_builder_add_string_value (b, g_hash_table_lookup (cells_gf, s->id));
      json_builder_set_member_name (b, "must");
      json_builder_begin_array (b);
      for (guint k = 0; k < must->len; k++)
        json_builder_add_string_value (b, must->pdata[k]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  manifest = json_to_file (root, dir, "manifest.json");
  run_check ("readback", manifest);
  rm_rf (dir);
}

/* ------------------------------------------------------------ failure paths */

static GaEngine *
small_engine (void)
{
  g_autofree char *answers = source_path ("tests", "fixtures", "export",
                                          "gbt36132-2018.case-full.json", NULL);

  return engine_for ("gbt36132-2018", answers);
}

static void
test_fail_missing_folder (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "out.xlsx", NULL);
  g_autoptr(GaEngine) engine = small_engine ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ga_export_workbook (engine, NULL, path, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir, NULL), ==, 0);
  rm_rf (dir);
}

/* A regular file where a folder should be: fails even for root, which is
 * what the tests run as in CI (a chmod 0555 folder would not stop root). */
static void
test_fail_file_as_folder (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "out.xlsx", NULL);
  g_autoptr(GaEngine) engine = small_engine ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (ga_export_workbook (engine, NULL, path, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH);
  g_assert_nonnull (strstr (error->message, "not a folder"));
  g_assert_cmpuint (count_files (dir, NULL), ==, 1);
  rm_rf (dir);
}

static void
test_fail_target_is_folder (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GaEngine) engine = small_engine ();
  g_autoptr(GError) error = NULL;
  GaExportOptions options = { .overwrite = TRUE };

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_false (ga_export_workbook (engine, &options, path, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (dir, ".ga-export-"), ==, 0);
  rm_rf (dir);
}

static void
test_fail_exists (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GaEngine) engine = small_engine ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GaExportOptions options = { .created = CREATED };

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));

  /* Refused without overwrite; the old file is untouched. */
  g_assert_false (ga_export_workbook (engine, &options, path, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_clear_pointer (&contents, g_free);

  /* Replaced, by a complete workbook, with overwrite. */
  options.overwrite = TRUE;
  g_assert_true (ga_export_workbook (engine, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK\003\004", 4) == 0);
  g_assert_cmpuint (count_files (dir, NULL), ==, 1);
  rm_rf (dir);
}

static void
test_fail_too_long (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GaEngine) engine = small_engine ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = NULL;
  g_autofree char *path = NULL;
  GString *very_long = g_string_new (dir);

  /* One component over NAME_MAX (255 bytes). */
  long_name = g_strnfill (300, 'a');
  path = g_strdup_printf ("%s/%s.xlsx", dir, long_name);
  g_assert_false (ga_export_workbook (engine, NULL, path, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH);
  g_assert_nonnull (strstr (error->message, "shorten it"));
  g_clear_error (&error);

  /* A whole path over PATH_MAX. */
  while (very_long->len <= PATH_MAX)
    g_string_append (very_long, "/abcdefghijklmnopqrstuvwxyz");
  g_string_append (very_long, "/out.xlsx");
  g_assert_false (ga_export_workbook (engine, NULL, very_long->str, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH);
  g_assert_nonnull (strstr (error->message, "shorter"));
  g_clear_error (&error);
  g_string_free (very_long, TRUE);

  /* Nothing was left behind. */
  g_assert_cmpuint (count_files (dir, NULL), ==, 0);

  /* No name at all. */
  g_assert_false (ga_export_workbook (engine, NULL, "", &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  rm_rf (dir);
}

/* Text longer than a cell holds fails the export with a clear message and
 * leaves nothing at the target. */
static void
test_fail_cell_limit (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GaEngine) engine = small_engine ();
  g_autoptr(GaEnterpriseInfo) info = ga_enterprise_info_new ();
  g_autoptr(GError) error = NULL;
  GaExportOptions options = { 0 };

  info->address = g_strnfill (40000, 'x');
  options.enterprise = info;
  g_assert_false (ga_export_workbook (engine, &options, path, &error));
  g_assert_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "32,767"));
  g_assert_nonnull (strstr (error->message, "基本信息!B"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir, NULL), ==, 0);
  rm_rf (dir);
}

/* English headings and sheet names. */
static void
test_english (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "en.xlsx", NULL);
  g_autoptr(GaEngine) engine = small_engine ();
  g_autoptr(GError) error = NULL;
  g_autofree char *wb = NULL;
  GaExportOptions options = { .language = "en", .created = CREATED };

  g_assert_true (ga_export_workbook (engine, &options, path, &error));
  g_assert_no_error (error);
  wb = zip_part (path, "xl/workbook.xml");
  if (wb == NULL)
    {
      rm_rf (dir);
      g_test_skip ("/usr/bin/unzip is not installed");
      return;
    }
  g_assert_nonnull (strstr (wb, "name=\"Basic information\""));
  g_assert_nonnull (strstr (wb, "name=\"Scoring\""));
  rm_rf (dir);
}

/* ------------------------------------------------------------------- CLI */

static void
test_cli (void)
{
  g_autofree char *cli = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "cli.xlsx", NULL);
  g_autofree char *answers = source_path ("tests", "fixtures", "export",
                                          "gbt36132-2018.case-full.json", NULL);
  g_autofree char *info = source_path ("tests", "fixtures", "export", "enterprise.json", NULL);
  const char *argv[] = { cli, "export", "--template", "gbt36132-2018", "--answers", answers,
                         "--info", info, "--out", out, "--created", "1767225600", NULL, NULL };
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int status;

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      rm_rf (dir);
      g_test_skip ("greenassess-cli is not built in this configuration");
      return;
    }
  stdout_text = run_capture (argv, &status, &stderr_text);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (stdout_text, "cli.xlsx"));
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  /* The same again is refused (exit 1) and says how to replace ... */
  stdout_text = run_capture (argv, &status, &stderr_text);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (stderr_text, "--force"));
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  /* ... and --force replaces. */
  argv[12] = "--force";
  stdout_text = run_capture (argv, &status, &stderr_text);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&stdout_text, g_free);
  g_clear_pointer (&stderr_text, g_free);

  /* Wrong usage is exit 2. */
  {
    const char *bad[] = { cli, "export", "--template", "gbt36132-2018", "--out", out, NULL };

    stdout_text = run_capture (bad, &status, &stderr_text);
    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (stderr_text, "--answers"));
  }
  rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/export/info-json", test_info_json);
  g_test_add_func ("/ga/export/file-name", test_file_name);
  g_test_add_func ("/ga/export/sheets", test_sheets);
  g_test_add_func ("/ga/export/cell-map", test_cached_values);
  g_test_add_func ("/ga/export/golden", test_golden);
  g_test_add_func ("/ga/export/reproducible", test_reproducible);
  g_test_add_func ("/ga/export/english", test_english);
  g_test_add_func ("/ga/export/fail/missing-folder", test_fail_missing_folder);
  g_test_add_func ("/ga/export/fail/file-as-folder", test_fail_file_as_folder);
  g_test_add_func ("/ga/export/fail/target-is-folder", test_fail_target_is_folder);
  g_test_add_func ("/ga/export/fail/exists", test_fail_exists);
  g_test_add_func ("/ga/export/fail/too-long", test_fail_too_long);
  g_test_add_func ("/ga/export/fail/cell-limit", test_fail_cell_limit);
  g_test_add_func ("/ga/export/cli", test_cli);
  g_test_add_func ("/ga/export/readback", test_readback);
  g_test_add_func ("/ga/export/recalc", test_recalc);
  g_test_add_func ("/ga/export/cp-undetermined", test_cp_undetermined);
  g_test_add_func ("/ga/export/clean", test_clean);
  g_test_add_func ("/ga/export/edit", test_edit);
  g_test_add_func ("/ga/export/print", test_print);
  g_test_add_func ("/ga/export/enterprise-fields", test_enterprise_fields);
  g_test_add_func ("/ga/export/labels", test_labels);

  return g_test_run ();
}
