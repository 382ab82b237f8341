/* ga-bench-export.c: the export benchmarks (one "NAME VALUE UNIT" line per figure)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets (design/ARCHITECTURE.md, 2-core reference machine):
 *   export.workbook   <= 100 ms  one full submission workbook of the largest
 *                                bundled template (by template size), with
 *                                every item answered
 *   export.batch100   <= 5 s     100 assessments, each loaded from its answers
 *                                file, evaluated and exported
 * export.workbook.<id> gives the same figure for every bundled template.
 *
 * The answers are the fixtures in tests/fixtures/export/<id>.case-full.json.
 * Workbook figures are the median of 7 runs, timed with
 * g_get_monotonic_time(); files go to a temporary folder that is removed.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ga-export.h"

void ga_bench_export_run (void);

#define WORKBOOK_RUNS 7
#define BATCH_SIZE    100

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static char *
fixture_for (const char *id)
{
  g_autofree char *name = g_strdup_printf ("%s.case-full.json", id);

  return g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "export", name, NULL);
}

static GaEngine *
engine_for (GaTemplate *tmpl,
            const char *answers_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswerSet) answers = ga_answer_set_new_from_file (answers_path, tmpl, &error);
  GaEngine *engine;

  if (answers == NULL)
    {
      g_printerr ("ga-bench export: %s: %s\n", answers_path, error->message);
      return NULL;
    }
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);
  return engine;
}

static void
remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

/* Median milliseconds of WORKBOOK_RUNS exports of @engine; NaN on failure. */
static double
time_workbook (GaEngine   *engine,
               const char *dir)
{
  double ms[WORKBOOK_RUNS];
  g_autofree char *path = g_build_filename (dir, "bench.xlsx", NULL);
  GaExportOptions options = { .overwrite = TRUE, .date = "2026-03-31" };

  for (guint run = 0; run < WORKBOOK_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!ga_export_workbook (engine, &options, path, &error))
        {
          g_printerr ("ga-bench export: %s\n", error->message);
          return NAN;
        }
      ms[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (ms, WORKBOOK_RUNS, sizeof (double), compare_doubles);
  return ms[WORKBOOK_RUNS / 2];
}

void
ga_bench_export_run (void)
{
  g_auto(GStrv) ids = ga_template_list_bundled ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_template_unref);
  g_autoptr(GPtrArray) fixtures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-bench-export-XXXXXX", &error);
  double largest_ms = NAN;
  gsize largest_size = 0;
  gint64 start;
  guint failures = 0;

  if (dir == NULL)
    {
      g_printerr ("ga-bench export: %s\n", error->message);
      return;
    }

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (ids[i], &error);
      g_autofree char *fixture = fixture_for (ids[i]);
      g_autoptr(GaEngine) engine = NULL;
      double ms;
      gsize size;

      if (tmpl == NULL)
        {
          g_printerr ("ga-bench export: %s: %s\n", ids[i], error->message);
          g_clear_error (&error);
          continue;
        }
      if (!g_file_test (fixture, G_FILE_TEST_EXISTS))
        continue;
      engine = engine_for (tmpl, fixture);
      if (engine == NULL)
        continue;
      ms = time_workbook (engine, dir);
      printf ("export.workbook.%s %.2f ms\n", ids[i], ms);
      size = g_bytes_get_size (ga_template_get_bytes (tmpl));
      if (size > largest_size)
        {
          largest_size = size;
          largest_ms = ms;
        }
      g_ptr_array_add (templates, g_steal_pointer (&tmpl));
      g_ptr_array_add (fixtures, g_steal_pointer (&fixture));
    }
  printf ("export.workbook %.2f ms\n", largest_ms);
  fflush (stdout);

  /* A batch as `export --out-dir` runs it: load the answers, evaluate,
   * write, for 100 assessments across the bundled templates. */
  start = g_get_monotonic_time ();
  for (guint n = 0; n < BATCH_SIZE && templates->len > 0; n++)
    {
      GaTemplate *tmpl = g_ptr_array_index (templates, n % templates->len);
      const char *fixture = g_ptr_array_index (fixtures, n % templates->len);
      g_autoptr(GaEngine) engine = engine_for (tmpl, fixture);
      g_autofree char *name = g_strdup_printf ("assessment-%03u.xlsx", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GaExportOptions options = { .overwrite = TRUE, .date = "2026-03-31" };

      if (engine == NULL || !ga_export_workbook (engine, &options, path, &error))
        {
          if (error != NULL)
            g_printerr ("ga-bench export: %s\n", error->message);
          g_clear_error (&error);
          failures++;
        }
    }
  if (failures == 0 && templates->len > 0)
    printf ("export.batch100 %.3f s\n", (g_get_monotonic_time () - start) / 1e6);
  else
    printf ("export.batch100 nan s\n");
  fflush (stdout);
  remove_dir (dir);
}
