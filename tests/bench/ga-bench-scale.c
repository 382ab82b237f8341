/* ga-bench-scale.c: how the engine's costs grow with the template
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The synthetic points template of ga-bench.c, made with 1 000, 10 000,
 * 100 000 and 1 000 000 items (the same blocks of 20 constructs, the same
 * sections of 100 items, the same answers), gives the scale curve:
 *
 *   engine.eval_per_item_1k / _10k / _100k / _1m   full evaluation, ns per item
 *   engine.update_one_1k_median … _1m_median        one answer set, us
 *
 * Linear evaluation keeps the per-item figures within 1.5x of each other;
 * an update whose cost depends only on the dependents of the answer keeps
 * the update figures flat. The 1k figure is the anchor of the others,
 * measured in the same run.
 *
 * A full evaluation is timed as the median of EVAL_RUNS batches, each
 * batch repeating the evaluation until it has taken at least 20 ms (the
 * 1k evaluation takes some 100 us); updates as in ga-bench.c, the median
 * of N_UPDATES single answers to random items.
 *
 * GA_BENCH_SCALE=1k,10k limits the run to the sizes named.
 *
 * A size the template loader refuses (it limits templates to 64 MB; the
 * 1M template is some 300 MB of JSON) is skipped with its reason on
 * stderr, and its figures are not printed.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ga-engine.h"

#define EVAL_RUNS   7
#define N_UPDATES   2000
#define BATCH_NS    (20 * 1000 * 1000.0)

char *ga_bench_make_points   (guint   n_items,
                              gsize  *length,
                              char  **answers);
char *ga_bench_points_answer (guint   index,
                              GRand  *rand);
void  ga_bench_scale_run     (void);

static double
scale_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1e9 + (double) ts.tv_nsec;
}

static int
scale_cmp (const void *a,
           const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
scale_median (double *v,
              guint   n)
{
  qsort (v, n, sizeof *v, scale_cmp);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Full evaluation, ns per item. */
static double
measure_eval (GaEngine *engine,
              guint     n_items)
{
  double t[EVAL_RUNS];

  ga_engine_evaluate (engine);   /* warm */
  for (guint run = 0; run < EVAL_RUNS; run++)
    {
      double start = scale_now_ns (), elapsed;
      guint reps = 0;

      do
        {
          ga_engine_evaluate (engine);
          reps++;
          elapsed = scale_now_ns () - start;
        }
      while (elapsed < BATCH_NS);
      t[run] = elapsed / reps / n_items;
    }
  return scale_median (t, EVAL_RUNS);
}

/* The median of N_UPDATES single answers to random answerable items, us. */
static double
measure_update (GaEngine   *engine,
                GaTemplate *tmpl)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  GPtrArray *items = ga_template_get_items (tmpl);
  g_autoptr(GPtrArray) answerable = g_ptr_array_new ();
  const GaItem **targets = g_new0 (const GaItem *, N_UPDATES);
  GaAnswer **answers = g_new0 (GaAnswer *, N_UPDATES);
  double *t = g_new0 (double, N_UPDATES);
  double med;

  for (guint i = 0; i < items->len; i++)
    if (((GaItem *) g_ptr_array_index (items, i))->kind != GA_ITEM_COMPUTED)
      g_ptr_array_add (answerable, g_ptr_array_index (items, i));

  for (guint n = 0; n < N_UPDATES; n++)
    {
      const GaItem *item = g_ptr_array_index (answerable,
                                              g_rand_int_range (rand, 0, answerable->len));
      g_autofree char *text = ga_bench_points_answer (item->index, rand);

      targets[n] = item;
      if (text != NULL)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;

          if (!json_parser_load_from_data (parser, text, -1, &error)
              || (answers[n] = ga_answer_from_json (json_parser_get_root (parser), item,
                                                    &error)) == NULL)
            {
              fprintf (stderr, "ga-bench: answer %s for %s refused: %s\n", text, item->id,
                       error != NULL ? error->message : "?");
              exit (1);
            }
        }
    }

  for (guint n = 0; n < N_UPDATES; n++)
    {
      g_autoptr(GError) error = NULL;
      double start = scale_now_ns ();
      gboolean ok = ga_engine_set_answer (engine, targets[n]->id, answers[n], &error);

      t[n] = (scale_now_ns () - start) / 1000.0;
      if (!ok)
        {
          fprintf (stderr, "ga-bench: update of %s failed: %s\n", targets[n]->id,
                   error->message);
          exit (1);
        }
    }
  med = scale_median (t, N_UPDATES);

  for (guint n = 0; n < N_UPDATES; n++)
    g_clear_pointer (&answers[n], ga_answer_free);
  g_free (answers);
  g_free (targets);
  g_free (t);
  return med;
}

static void
scale_one (guint       n_items,
           const char *suffix)
{
  g_autofree char *answers_text = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;

  data = ga_bench_make_points (n_items, &length, &answers_text);
  tmpl = ga_template_new_from_data (data, length, "bench-scale", &error);
  g_clear_pointer (&data, g_free);
  if (tmpl == NULL)
    {
      const char *nl = strchr (error->message, '\n');

      fprintf (stderr, "ga-bench: engine.*_%s skipped: the %u-item template (%" G_GSIZE_FORMAT
               " bytes) does not load: %.*s\n", suffix, n_items, length,
               nl != NULL ? (int) (nl - error->message) : (int) strlen (error->message),
               error->message);
      return;
    }
  if (!json_parser_load_from_data (parser, answers_text, -1, &error)
      || (answers = ga_answer_set_new_from_json (json_parser_get_root (parser), tmpl,
                                                 &error)) == NULL)
    {
      fprintf (stderr, "ga-bench: the %u-item answers do not load: %s\n", n_items,
               error->message);
      exit (1);
    }
  g_clear_pointer (&answers_text, g_free);

  engine = ga_engine_new_with_answers (tmpl, answers);
  name = g_strdup_printf ("engine.eval_per_item_%s", suffix);
  printf ("%s %.3f ns\n", name, measure_eval (engine, n_items));
  g_free (name);
  name = g_strdup_printf ("engine.update_one_%s_median", suffix);
  printf ("%s %.3f us\n", name, measure_update (engine, tmpl));
  fflush (stdout);
}

/* GA_BENCH_SCALE=1k,100k measures only the sizes named (all when unset),
 * to run one size under callgrind. */
static gboolean
scale_wanted (const char *suffix)
{
  const char *only = g_getenv ("GA_BENCH_SCALE");
  g_auto(GStrv) sizes = NULL;

  if (only == NULL || *only == '\0')
    return TRUE;
  sizes = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *) sizes, suffix);
}

void
ga_bench_scale_run (void)
{
  static const struct { guint n; const char *suffix; } sizes[] = {
    { 1000, "1k" }, { 10000, "10k" }, { 100000, "100k" }, { 1000000, "1m" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (scale_wanted (sizes[i].suffix))
      scale_one (sizes[i].n, sizes[i].suffix);
}
