/* The notes of the energy sheet's totals (ga-export-sheet-energy.c): a
 * total that adds up only some of the rows in use says which are left
 * out. */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ga-engine.h"
#include "ga-export.h"

/* The engine of the bundled energy audit with @answers (JSON text). */
static GaEngine *
energy_engine (const char *answers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("energy-audit-gbt17166-2019", &error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GaAnswerSet) set = NULL;
  GaEngine *engine;

  g_assert_no_error (error);
  root = json_from_string (answers, &error);
  g_assert_no_error (error);
  set = ga_answer_set_new_from_json (root, tmpl, &error);
  g_assert_no_error (error);
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, set);
  return engine;
}

/* The cell notes of the workbook written from @engine in @language
 * (empty when it has none). */
static char *
export_notes (GaEngine   *engine,
              const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-notes-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  GaExportOptions options = { .language = language, .created = 1767225600 };
  const char *argv[] = { "/usr/bin/unzip", "-p", NULL, "xl/comments*.xml", NULL };
  int status = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "notes.xlsx", NULL);
  g_assert_true (ga_export_workbook (engine, &options, path, &error));
  g_assert_no_error (error);
  argv[2] = path;
  /* unzip exits with 11 when no part matches: a workbook without notes. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return out != NULL ? g_steal_pointer (&out) : g_strdup ("");
}

static void
test_partial_co2 (void)
{
  /* Row 1 raw coal (its CO2 from the fuel's factors), row 2 electricity
   * without a grid region: its CO2 waits for a grid factor, so the CO2
   * totals add up row 1 only. */
  g_autoptr(GaEngine) engine = energy_engine (
      "{\"template\": \"energy-audit-gbt17166-2019\", \"answers\": {\"energy\": ["
      "{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
      "{\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"}]}}");
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  if (!g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  zh = export_notes (engine, "zh_CN");
  en = export_notes (engine, "en");
  g_assert_nonnull (strstr (zh, "部分合计：序号 2 的行尚无值"));
  g_assert_null (strstr (zh, "序号 1"));
  g_assert_nonnull (strstr (en, "Partial total: row 2 has no value yet"));
}

static void
test_complete_no_note (void)
{
  /* With the grid region and year every row has its CO2: no note. */
  g_autoptr(GaEngine) engine = energy_engine (
      "{\"template\": \"energy-audit-gbt17166-2019\", \"answers\": {\"energy\": ["
      "{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
      "{\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"}],"
      " \"grid_year\": \"2021\", \"grid_region\": \"northeast\"}}");
  g_autofree char *zh = NULL;

  if (!g_file_test ("/usr/bin/unzip", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  zh = export_notes (engine, "zh_CN");
  g_assert_null (strstr (zh, "部分合计"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/export-notes/partial-co2", test_partial_co2);
  g_test_add_func ("/ga/export-notes/complete", test_complete_no_note);
  return g_test_run ();
}
