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
 *
 * The scale figures, each beside its floor measured in the same run:
 *   export.workbook_10k      the workbook of the synthetic 10 000-item
 *                            template (ga-bench --dump points, with its
 *                            answers), from an evaluated engine, in ms
 *   export.floor_10k         bare libxlsxwriter writing what that workbook
 *                            holds (GaExportCounts: the same numbers of
 *                            sheets, rows, number, boolean, blank, string
 *                            and formula cells, distinct texts of the same
 *                            total length, formulas of the same length,
 *                            merged ranges, validations with prompts of the
 *                            same length, and charts), in ms
 *   export.workbook_10k_rss  the memory each of the two needs at its peak:
 *   export.floor_10k_rss     the growth of the peak resident set while it
 *                            runs, in a child process, in MB (median of 3)
 * The two timings alternate, 5 runs each, and the medians are printed.
 * GA_BENCH_EXPORT=scale runs only these; GA_BENCH_EXPORT_RUNS=N times
 * each N times instead of 5 (1 to count instructions under callgrind,
 * --toggle-collect=run_workbook or run_floor).
 */

#include "config.h"

#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "ga-export.h"

void ga_bench_export_run (void);

#define WORKBOOK_RUNS 7
#define BATCH_SIZE    100
#define SCALE_RUNS    5

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

/* ------------------------------------------------------------------ scale */

/* The synthetic template or its answers, from this program's --dump. */
static char *
dump_synthetic (const char *what)
{
  g_autoptr(GError) error = NULL;
  /* The program's own path (valgrind refuses to run /proc/self/exe). */
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self != NULL ? self : "/proc/self/exe", "--dump", what, NULL };
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("ga-bench export: --dump %s: %s\n", what, error->message);
      g_free (out);
      return NULL;
    }
  return out;
}

typedef struct {
  GaEngine             *engine;
  const char           *path;
  const GaExportCounts *counts;
  GPtrArray            *texts;      /* the floor's distinct texts */
  char                 *formula;    /* the floor's formula, of the average length */
  char                 *result;     /* the floor's text result, of the average length */
  char                 *prompt_title;    /* a validation's prompt, of the average length */
  char                 *prompt_message;
} ScaleJob;

static gboolean
run_workbook (ScaleJob *job)
{
  g_autoptr(GError) error = NULL;
  GaExportOptions options = { .overwrite = TRUE, .date = "2026-03-31", .created = 1 };

  if (!ga_export_workbook (job->engine, &options, job->path, &error))
    {
      g_printerr ("ga-bench export: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

enum { K_NUMBER, K_BOOLEAN, K_BLANK, K_STRING, K_FORMULA, K_TEXT_FORMULA, N_KINDS };

/* The floor: what the workbook holds, written with bare libxlsxwriter. The
 * cells fill the rows of the sheets in order, the kinds interleaved in
 * their proportions; merged ranges, validations, notes and charts go below
 * the cells of the last sheet. */
static gboolean
run_floor (ScaleJob *job)
{
  const GaExportCounts *c = job->counts;
  guint left[N_KINDS] = { c->numbers, c->booleans, c->blanks, c->strings,
                          c->formulas - c->text_formulas, c->text_formulas };
  guint total = 0, per_row, rows, row = 0, col = 0, sheet = 0, rows_per_sheet, next_text = 0;
  lxw_workbook *wb = workbook_new (job->path);
  lxw_worksheet *ws[64];
  lxw_format *formats[8];
  guint n_sheets = CLAMP (c->sheets, 1, G_N_ELEMENTS (ws));
  lxw_error err;

  if (wb == NULL)
    return FALSE;
  for (guint k = 0; k < N_KINDS; k++)
    total += left[k];
  rows = MAX (c->rows, 1);
  per_row = MAX ((total + rows - 1) / rows, 1);
  rows_per_sheet = MAX ((rows + n_sheets - 1) / n_sheets, 1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      formats[i] = workbook_add_format (wb);
      format_set_border (formats[i], LXW_BORDER_THIN);
      if (i % 2 == 1)
        format_set_text_wrap (formats[i]);
      if (i >= 4)
        format_set_num_format (formats[i], i == 4 ? "0.00" : "0.0%");
    }
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *name = g_strdup_printf ("Sheet %u", i + 1);

      ws[i] = workbook_add_worksheet (wb, name);
    }
  for (guint k = 0; k < total; k++)
    {
      guint kind = 0;
      lxw_format *f = formats[k % G_N_ELEMENTS (formats)];

      /* The kind furthest behind its share. */
      for (guint j = 1; j < N_KINDS; j++)
        if (left[j] > left[kind])
          kind = j;
      left[kind]--;
      switch (kind)
        {
        case K_NUMBER:
          worksheet_write_number (ws[sheet], row, col, k * 0.25, f);
          break;
        case K_BOOLEAN:
          worksheet_write_boolean (ws[sheet], row, col, k % 2, f);
          break;
        case K_BLANK:
          worksheet_write_blank (ws[sheet], row, col, f);
          break;
        case K_STRING:
          worksheet_write_string (ws[sheet], row, col,
                                  g_ptr_array_index (job->texts, next_text), f);
          next_text = (next_text + 1) % job->texts->len;
          break;
        case K_FORMULA:
          worksheet_write_formula_num (ws[sheet], row, col, job->formula, f, k * 0.5);
          break;
        default:
          worksheet_write_formula_str (ws[sheet], row, col, job->formula, f, job->result);
          break;
        }
      if (++col == per_row)
        {
          col = 0;
          if (++row == rows_per_sheet && sheet + 1 < n_sheets)
            {
              row = 0;
              sheet++;
            }
        }
    }
  row++;
  for (guint m = 0; m < c->merges; m++, row++)
    worksheet_merge_range (ws[sheet], row, 0, row, 3,
                           g_ptr_array_index (job->texts, m % job->texts->len), formats[1]);
  for (guint v = 0; v < c->validations; v++)
    {
      lxw_data_validation dv = { 0 };
      const char *list[] = { "Yes", "No", "N/A", NULL };

      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = (char **) list;
      dv.input_title = job->prompt_title;
      dv.input_message = job->prompt_message;
      dv.show_input = LXW_VALIDATION_ON;
      worksheet_data_validation_range (ws[v % n_sheets], 0, v % 200, 50, v % 200, &dv);
    }
  for (guint m = 0; m < c->comments; m++)
    worksheet_write_comment (ws[sheet], row++, 0, "A note");
  for (guint i = 0; i < c->charts; i++)
    {
      lxw_chart *chart = workbook_add_chart (wb, LXW_CHART_COLUMN);
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, "Sheet 1", 0, 0, 9, 0);
      chart_series_set_values (series, "Sheet 1", 0, 1, 9, 1);
      worksheet_insert_chart (ws[n_sheets - 1], row + 20 * i, 8, chart);
    }
  err = workbook_close (wb);
  if (err != LXW_NO_ERROR)
    g_printerr ("ga-bench export: the floor workbook: %s\n", lxw_strerror (err));
  return err == LXW_NO_ERROR;
}

/* Growth of the peak resident set (MB) while @run runs in a child
 * process; NaN when the system does not say. */
static long
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  at = strstr (text, field);
  return at != NULL ? strtol (at + strlen (field), NULL, 10) : -1;
}

static double
peak_growth_mb (gboolean (*run) (ScaleJob *),
                ScaleJob  *job)
{
  int fds[2];
  pid_t pid;
  double mb = NAN;
  int status;

  if (pipe (fds) != 0)
    return NAN;
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      long before, peak;
      double growth = NAN;
      FILE *clear;

      close (fds[0]);
      malloc_trim (0);
      /* "5" resets the peak to the current resident set (proc(5)). */
      clear = fopen ("/proc/self/clear_refs", "w");
      if (clear != NULL && fputs ("5", clear) >= 0 && fclose (clear) == 0)
        {
          before = status_kb ("VmRSS:");
          if (run (job))
            {
              peak = status_kb ("VmHWM:");
              if (before >= 0 && peak >= 0)
                growth = (peak - before) / 1024.0;
            }
        }
      if (write (fds[1], &growth, sizeof growth) != sizeof growth)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (pid > 0)
    {
      if (read (fds[0], &mb, sizeof mb) != sizeof mb)
        mb = NAN;
      waitpid (pid, &status, 0);
    }
  close (fds[0]);
  return mb;
}

/* The median of @runs measures of peak_growth_mb(), at most 3. */
static double
median_growth_mb (gboolean (*run) (ScaleJob *),
                  ScaleJob  *job,
                  guint      runs)
{
  double mb[3];
  guint n = CLAMP (runs, 1, 3);

  for (guint i = 0; i < n; i++)
    mb[i] = peak_growth_mb (run, job);
  qsort (mb, n, sizeof (double), compare_doubles);
  return mb[n / 2];
}

static double
time_once (gboolean (*run) (ScaleJob *),
           ScaleJob  *job)
{
  gint64 start = g_get_monotonic_time ();

  if (!run (job))
    return NAN;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A text of @length bytes made of words, different for each @n. */
static char *
floor_text (guint n,
            gsize length)
{
  static const char *words[] = { "energy", "management", "system", "records", "meter",
                                 "audit", "boiler", "motor", "lighting", "water" };
  GString *s = g_string_new (NULL);

  g_string_printf (s, "%u ", n);
  for (guint w = n; s->len < length; w = w * 7 + 3)
    g_string_append_printf (s, "%s ", words[w % G_N_ELEMENTS (words)]);
  g_string_truncate (s, MAX (length, 1));
  return g_string_free (s, FALSE);
}

/* A formula of @length bytes: a sum of cell references. */
static char *
floor_formula (gsize length)
{
  GString *s = g_string_new ("=SUM(B2:B9)");

  for (guint r = 2; s->len + 6 <= length; r++)
    g_string_append_printf (s, "+C%u", r);
  return g_string_free (s, FALSE);
}

static void
bench_scale (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_text = dump_synthetic ("points");
  g_autofree char *answers_text = dump_synthetic ("points-answers");
  g_autofree char *answers_path = g_build_filename (dir, "answers-10k.json", NULL);
  g_autofree char *path = g_build_filename (dir, "scale.xlsx", NULL);
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GaExportCounts counts = { 0 };
  GaExportOptions options = { .overwrite = TRUE, .date = "2026-03-31", .counts = &counts };
  ScaleJob job = { 0 };
  double wb_ms[SCALE_RUNS], floor_ms[SCALE_RUNS];
  const char *runs_env = g_getenv ("GA_BENCH_EXPORT_RUNS");
  guint runs = runs_env != NULL ? CLAMP (atoi (runs_env), 1, SCALE_RUNS) : SCALE_RUNS;
  gsize text_length, prompt;

  if (template_text == NULL || answers_text == NULL)
    return;
  tmpl = ga_template_new_from_data (template_text, -1, "synthetic 10k", &error);
  if (tmpl == NULL || !g_file_set_contents (answers_path, answers_text, -1, &error))
    {
      g_printerr ("ga-bench export: the synthetic template: %s\n", error->message);
      return;
    }
  engine = engine_for (tmpl, answers_path);
  if (engine == NULL)
    return;
  /* What the workbook holds, counted once outside the timed runs. */
  if (!ga_export_workbook (engine, &options, path, &error))
    {
      g_printerr ("ga-bench export: %s\n", error->message);
      return;
    }
  g_printerr ("ga-bench export: the 10k workbook holds %u sheets, %u rows, %u numbers, "
              "%u booleans, %u blanks, %u strings (%u distinct, %" G_GSIZE_FORMAT " bytes), "
              "%u formulas (%" G_GSIZE_FORMAT " bytes, %u with text results of %"
              G_GSIZE_FORMAT " bytes), %u merges, %u validations (prompts of %" G_GSIZE_FORMAT
              " bytes), %u notes, %u charts\n",
              counts.sheets, counts.rows, counts.numbers, counts.booleans, counts.blanks,
              counts.strings, counts.unique_strings, counts.string_bytes, counts.formulas,
              counts.formula_bytes, counts.text_formulas, counts.result_bytes, counts.merges,
              counts.validations, counts.validation_bytes, counts.comments, counts.charts);

  text_length = counts.unique_strings > 0 ? counts.string_bytes / counts.unique_strings : 8;
  for (guint i = 0; i < MAX (counts.unique_strings, 1); i++)
    g_ptr_array_add (texts, floor_text (i, text_length));
  job.engine = engine;
  job.path = path;
  job.counts = &counts;
  job.texts = texts;
  job.formula = floor_formula (counts.formulas > 0 ? counts.formula_bytes / counts.formulas
                                                   : 12);
  job.result = floor_text (0, counts.text_formulas > 0
                              ? counts.result_bytes / counts.text_formulas : 4);
  /* A prompt's title holds at most 32 characters (ga-export-validation.c):
   * the rest of the average goes to its message. */
  prompt = counts.validations > 0 ? counts.validation_bytes / counts.validations : 16;
  job.prompt_title = floor_text (1, MIN (prompt / 2, 32));
  job.prompt_message = floor_text (2, MIN (prompt - MIN (prompt / 2, 32), 250));

  for (guint run = 0; run < runs; run++)
    {
      wb_ms[run] = time_once (run_workbook, &job);
      floor_ms[run] = time_once (run_floor, &job);
    }
  qsort (wb_ms, runs, sizeof (double), compare_doubles);
  qsort (floor_ms, runs, sizeof (double), compare_doubles);
  printf ("export.workbook_10k %.1f ms\n", wb_ms[runs / 2]);
  printf ("export.floor_10k %.1f ms\n", floor_ms[runs / 2]);
  printf ("export.workbook_10k_rss %.1f MB\n", median_growth_mb (run_workbook, &job, runs));
  printf ("export.floor_10k_rss %.1f MB\n", median_growth_mb (run_floor, &job, runs));
  fflush (stdout);
  g_free (job.formula);
  g_free (job.result);
  g_free (job.prompt_title);
  g_free (job.prompt_message);
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
  if (g_strcmp0 (g_getenv ("GA_BENCH_EXPORT"), "scale") == 0)
    {
      bench_scale (dir);
      remove_dir (dir);
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

  bench_scale (dir);

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
