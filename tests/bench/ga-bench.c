/* ga-bench.c: the engine benchmarks (one "NAME VALUE UNIT" line per figure)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets (design/ARCHITECTURE.md, 2-core reference machine):
 *   engine.full_eval_largest_bundled   <= 50 us
 *   engine.load_validate_10k           <= 50 ms
 *   engine.full_eval_10k               <= 5 ms
 *   engine.update_one_median           <= 50 us
 *   engine.update_one_p99              <= 50 us
 * json.parse_10k is the floor of load_validate_10k measured in the same run
 * (parsing the same bytes with the loader's JSON reader, ga-json-doc.h, and
 * freeing the tree, nothing else), for comparing across machines whose
 * absolute speed drifts.
 *
 * The synthetic 10 000-item template is generated in memory and uses every
 * construct of docs/template-format.md that the points scheme allows. A
 * template has one scheme, so the clean-production construct (weights,
 * level benchmarks, limiting indicators, the Y_I/Y_II/Y_III composite and
 * the level table) is measured on a second synthetic 10 000-item template:
 * the cp.* lines. All numbers in both templates are made up for timing and
 * mean nothing.
 *
 * Millisecond figures are the median of at least 5 runs timed with
 * g_get_monotonic_time(); single updates take a few microseconds, so each is
 * timed with clock_gettime(CLOCK_MONOTONIC) (the same clock with nanosecond
 * resolution) and the median and 99th percentile of 2000 updates to random
 * items are reported.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ga-engine.h"
#include "ga-json.h"
#include "ga-json-doc.h"

#define N_ITEMS        10000
#define BLOCK          20       /* items per repeated pattern */
#define ITEMS_PER_SUB  100
#define SUBS_PER_TOP   2
#define LOAD_RUNS      7
#define EVAL_RUNS      11
#define N_UPDATES      2000
#define N_FACTORS      20

/* ------------------------------------------------------------------------ */
/* Timing                                                                   */

static double
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1e9 + (double) ts.tv_nsec;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
percentile (double *v,
            guint   n,
            double  p)
{
  guint k;

  qsort (v, n, sizeof (double), cmp_double);
  k = (guint) ceil (p * n);
  return v[MIN (MAX (k, 1), n) - 1];
}

static void
figure (const char *name,
        double      value,
        const char *unit)
{
  printf ("%s %.3f %s\n", name, value, unit);
  fflush (stdout);
}

/* ------------------------------------------------------------------------ */
/* Synthetic points template                                                */

/* Position of an item in its block of BLOCK items decides its construct. */
enum {
  P_COMPLIANCE,        /* compliance, partial_factor, mandatory, evidence */
  P_YESNO,             /* yes/no, optional; also the applicability gate */
  P_NUM_INTERP,        /* number with bounds, interp up */
  P_NUM_INTERP_DOWN,   /* number, interp down, leading value from another item */
  P_NUM_BANDS,         /* number, bands */
  P_NUM_FORMULA,       /* integer number, formula score */
  P_CHOICE,            /* choice with option points */
  P_MULTI,             /* multi, formula score on the count */
  P_POINTS,            /* reviewer's points */
  P_TEXT,
  P_DATE,
  P_TABLE,             /* table: choice from a lookup table, FACTOR, row formulas */
  P_COMPUTED_SUM,      /* computed: SUM over the table column */
  P_COMPUTED_RATIO,    /* computed from two numbers */
  P_VETO_YESNO,
  P_VETO_CHOICE,       /* veto through an option that fails */
  P_BONUS,             /* bonus yes/no */
  P_APPLICABLE,        /* compliance with an item-level applicability */
  P_NUM_INTERP_REF,    /* number, baseline from another item */
  P_POINTS_NO_NA,      /* reviewer's points, N/A not allowed */
};

G_STATIC_ASSERT (P_POINTS_NO_NA + 1 == BLOCK);

/* Items of the synthetic points template (ga-bench-scale.c makes it in
 * other sizes). */
static guint points_n_items = N_ITEMS;

static const char *gate_true  = "I00001";   /* answered yes */
static const char *gate_false = "I00021";   /* answered no: its sections become N/A */

static void
id_of (char  *buf,
       guint  index)
{
  g_snprintf (buf, 16, "I%05u", index);
}

static double
item_points (guint pos)
{
  switch (pos)
    {
    case P_COMPLIANCE: return 4;
    case P_YESNO: return 2;
    case P_NUM_INTERP: return 5;
    case P_NUM_INTERP_DOWN: return 5;
    case P_NUM_BANDS: return 5;
    case P_NUM_FORMULA: return 3;
    case P_CHOICE: return 4;
    case P_MULTI: return 3;
    case P_POINTS: return 5;
    case P_BONUS: return 1;
    case P_APPLICABLE: return 4;
    case P_NUM_INTERP_REF: return 5;
    case P_POINTS_NO_NA: return 2;
    default: return NAN;
    }
}

static void
append_item (GString *s,
             guint    index)
{
  guint pos = index % BLOCK;
  guint base = index - pos;
  char id[16], ref[16];

  id_of (id, index);
  g_string_append_printf (s, "{\"id\": \"%s\", \"title\": {\"zh_CN\": \"指标 %u\", \"en\": "
                          "\"Indicator %u\"}, \"clause\": \"%u.%u\", \"source\": "
                          "\"synthetic benchmark item\", \"requirement\": \"Requirement text of "
                          "indicator %u\", ", id, index, index, index / BLOCK, pos, index);

  switch (pos)
    {
    case P_COMPLIANCE:
      g_string_append (s, "\"kind\": \"compliance\", \"points\": 4, \"partial_factor\": 0.6, "
                       "\"mandatory\": true, \"evidence\": [\"management record\", \"photo\"]");
      break;
    case P_YESNO:
      g_string_append (s, "\"kind\": \"yesno\", \"points\": 2, \"mandatory\": false");
      break;
    case P_NUM_INTERP:
      g_string_append (s, "\"kind\": \"number\", \"points\": 5, \"unit\": \"%\", \"min\": 0, "
                       "\"max\": 100, \"score\": {\"interp\": {\"baseline\": 40, "
                       "\"leading\": 80}}");
      break;
    case P_NUM_INTERP_DOWN:
      id_of (ref, base + P_NUM_INTERP);
      g_string_append_printf (s, "\"kind\": \"number\", \"points\": 5, \"unit\": \"kgce/t\", "
                              "\"min\": 0, \"score\": {\"interp\": {\"baseline\": \"60\", "
                              "\"leading\": \"%s*0.4+10\"}}", ref);
      break;
    case P_NUM_BANDS:
      g_string_append (s, "\"kind\": \"number\", \"points\": 5, \"min\": 0, \"max\": 100, "
                       "\"score\": {\"bands\": {\"cmp\": \">=\", \"steps\": [[90, 5], [70, 3], "
                       "[50, 1]], \"otherwise\": 0}}");
      break;
    case P_NUM_FORMULA:
      g_string_append_printf (s, "\"kind\": \"number\", \"points\": 3, \"integer\": true, "
                              "\"min\": 0, \"max\": 100, \"score\": {\"formula\": "
                              "\"IF(%s>=50, 3, ROUND(%s/50*3, 1))\"}", id, id);
      break;
    case P_CHOICE:
      g_string_append (s, "\"kind\": \"choice\", \"points\": 4, \"options\": ["
                       "{\"id\": \"a\", \"label\": {\"zh_CN\": \"好\", \"en\": \"Good\"}, "
                       "\"points\": 4}, {\"id\": \"b\", \"label\": \"Fair\", \"points\": 2}, "
                       "{\"id\": \"c\", \"label\": \"Poor\", \"points\": 0}]");
      break;
    case P_MULTI:
      g_string_append_printf (s, "\"kind\": \"multi\", \"points\": 3, \"options\": ["
                              "{\"id\": \"o1\", \"label\": \"One\"}, {\"id\": \"o2\", "
                              "\"label\": \"Two\"}, {\"id\": \"o3\", \"label\": \"Three\"}, "
                              "{\"id\": \"o4\", \"label\": \"Four\"}], "
                              "\"score\": {\"formula\": \"MIN(%s, 3)\"}", id);
      break;
    case P_POINTS:
      g_string_append (s, "\"kind\": \"points\", \"points\": 5");
      break;
    case P_TEXT:
      g_string_append (s, "\"kind\": \"text\"");
      break;
    case P_DATE:
      g_string_append (s, "\"kind\": \"date\"");
      break;
    case P_TABLE:
      g_string_append_printf (s, "\"kind\": \"table\", \"columns\": ["
                              "{\"id\": \"%s_car\", \"kind\": \"choice\", \"options_table\": "
                              "\"factors\", \"title\": \"Carrier\"}, "
                              "{\"id\": \"%s_qty\", \"kind\": \"number\", \"min\": 0, "
                              "\"required\": true, \"title\": \"Quantity\"}, "
                              "{\"id\": \"%s_coef\", \"kind\": \"computed\", \"value\": "
                              "\"FACTOR(\\\"factors\\\", %s_car, \\\"kgce\\\")\"}, "
                              "{\"id\": \"%s_tce\", \"kind\": \"computed\", \"unit\": \"tce\", "
                              "\"value\": \"%s_qty*%s_coef/1000\"}, "
                              "{\"id\": \"%s_note\", \"kind\": \"text\", \"title\": \"Note\"}]",
                              id, id, id, id, id, id, id, id);
      break;
    case P_COMPUTED_SUM:
      id_of (ref, base + P_TABLE);
      g_string_append_printf (s, "\"kind\": \"computed\", \"unit\": \"tce\", \"format\": "
                              "\"0.00\", \"value\": \"SUM(%s.%s_tce)\"", ref, ref);
      break;
    case P_COMPUTED_RATIO:
      {
        char ref2[16];

        id_of (ref, base + P_NUM_INTERP);
        id_of (ref2, base + P_NUM_BANDS);
        g_string_append_printf (s, "\"kind\": \"computed\", \"value\": "
                                "\"IFERROR(%s/%s, 0)\"", ref, ref2);
      }
      break;
    case P_VETO_YESNO:
      g_string_append (s, "\"kind\": \"yesno\", \"veto\": true, \"mandatory\": true");
      break;
    case P_VETO_CHOICE:
      /* The failing option and a pass/fail formula: the loader of this
       * version takes a veto choice only with a score rule. */
      g_string_append_printf (s, "\"kind\": \"choice\", \"veto\": true, \"options\": ["
                              "{\"id\": \"ok\", \"label\": \"No violation\"}, "
                              "{\"id\": \"bad\", \"label\": \"Violation\", \"fails\": true}], "
                              "\"score\": {\"formula\": \"%s<>\\\"bad\\\"\"}", id);
      break;
    case P_BONUS:
      g_string_append (s, "\"kind\": \"yesno\", \"points\": 1, \"bonus\": true");
      break;
    case P_APPLICABLE:
      id_of (ref, base + P_YESNO);
      g_string_append_printf (s, "\"kind\": \"compliance\", \"points\": 4, \"applicable\": "
                              "\"%s\"", ref);
      break;
    case P_NUM_INTERP_REF:
      id_of (ref, base + P_NUM_INTERP);
      g_string_append_printf (s, "\"kind\": \"number\", \"points\": 5, \"min\": 0, "
                              "\"max\": 100, \"score\": {\"interp\": {\"baseline\": \"%s*0.5\", "
                              "\"leading\": 100}}", ref);
      break;
    case P_POINTS_NO_NA:
      g_string_append (s, "\"kind\": \"points\", \"points\": 2, \"na_allowed\": false, "
                       "\"mandatory\": true");
      break;
    default:
      g_assert_not_reached ();
    }
  g_string_append_c (s, '}');
}

static char *
make_points_template (gsize *length)
{
  GString *s = g_string_sized_new (8 * 1024 * 1024);
  guint n_top = points_n_items / (ITEMS_PER_SUB * SUBS_PER_TOP);
  double max = 0;
  guint index = 0;

  for (guint i = 0; i < points_n_items; i++)
    if (i % BLOCK != P_BONUS && !isnan (item_points (i % BLOCK)))
      max += item_points (i % BLOCK);

  g_string_append_printf (s,
    "{\"format\": 1, \"id\": \"bench-points-10k\", \"version\": \"1.0.0\", "
    "\"kind\": \"custom\", \"title\": {\"zh_CN\": \"基准测试模板\", \"en\": \"Benchmark template\"}, "
    "\"description\": \"Synthetic, for timing only\", "
    "\"standard\": {\"code\": \"BENCH-1\", \"title\": \"Synthetic\", "
    "\"effective\": \"2026-01-01\"}, "
    "\"source\": \"generated by tests/bench/ga-bench.c\", \"verified\": false, "
    "\"unverified_reason\": \"synthetic numbers\", "
    "\"scoring\": {\"scheme\": \"points\", \"max\": %.17g, \"pass\": %.17g, "
    "\"na_policy\": \"exclude\", \"bonus_cap\": 20, \"grades\": ["
    "{\"id\": \"A\", \"min\": %.17g, \"label\": {\"zh_CN\": \"优\", \"en\": \"Excellent\"}}, "
    "{\"id\": \"B\", \"min\": %.17g, \"label\": \"Good\"}, "
    "{\"id\": \"C\", \"min\": 0, \"label\": \"Fair\"}]}, ",
    max, round (max * 0.6), round (max * 0.9), round (max * 0.75));

  /* Lookup table for FACTOR() and the options of the table's choice column. */
  g_string_append (s, "\"tables\": [{\"id\": \"factors\", \"title\": \"Synthetic factors\", "
                   "\"source\": \"synthetic\", \"version\": \"1\", \"verified\": true, "
                   "\"columns\": [\"key\", \"name\", \"unit\", \"kgce\"], "
                   "\"units\": [null, null, null, \"kgce/unit\"], \"rows\": [");
  for (guint f = 0; f < N_FACTORS; f++)
    g_string_append_printf (s, "%s{\"key\": \"f%02u\", \"values\": [\"Carrier %u\", \"kg\", %g], "
                            "\"verified\": %s, \"note\": \"synthetic\"}",
                            f ? ", " : "", f, f, 0.1 + f * 0.05, f % 4 ? "true" : "false");
  g_string_append (s, "]}], \"sections\": [");

  for (guint t = 0; t < n_top; t++)
    {
      g_string_append_printf (s, "%s{\"id\": \"S%02u\", \"title\": {\"zh_CN\": \"一级指标 %u\", "
                              "\"en\": \"Dimension %u\"}, \"clause\": \"%u\"",
                              t ? ", " : "", t, t, t, t + 1);
      /* Section-level applicability: these sections depend on the two
       * gates; the second gate is answered "no", so its sections are N/A. */
      if (t % 10 == 5)
        g_string_append_printf (s, ", \"applicable\": \"%s\"", gate_true);
      else if (t % 10 == 9)
        g_string_append_printf (s, ", \"applicable\": \"%s\"", gate_false);
      if (t % 3 == 1)
        g_string_append (s, ", \"na_policy\": \"renormalise\"");
      else if (t % 7 == 2)
        g_string_append (s, ", \"na_policy\": \"award\"");
      g_string_append (s, ", \"sections\": [");
      for (guint u = 0; u < SUBS_PER_TOP; u++)
        {
          double sub_points = 0;
          GString *items = g_string_sized_new (64 * 1024);

          for (guint k = 0; k < ITEMS_PER_SUB; k++, index++)
            {
              if (k)
                g_string_append (items, ", ");
              append_item (items, index);
              if (index % BLOCK != P_BONUS && !isnan (item_points (index % BLOCK)))
                sub_points += item_points (index % BLOCK);
            }
          /* Stated points on every other subsection, checked by validation. */
          g_string_append_printf (s, "%s{\"id\": \"S%02u_%u\", \"title\": \"Sub %u.%u\"",
                                  u ? ", " : "", t, u, t, u);
          if (u % 2 == 0)
            g_string_append_printf (s, ", \"points\": %.17g", sub_points);
          g_string_append_printf (s, ", \"items\": [%s]}", items->str);
          g_string_free (items, TRUE);
        }
      g_string_append (s, "]}");
    }

  /* Outputs over computed items and table columns. */
  g_string_append (s, "], \"outputs\": [{\"id\": \"total_tce\", \"title\": {\"zh_CN\": "
                   "\"综合能耗\", \"en\": \"Total energy\"}, \"unit\": \"tce\", "
                   "\"format\": \"0.00\", \"value\": \"SUM(");
  /* Excel takes at most 255 arguments per function: SUM of SUMs of 100;
   * formulas are limited to 8 kB: the first 10 000 items' sums. */
  for (guint i = P_COMPUTED_SUM, k = 0; i < MIN (points_n_items, N_ITEMS); i += BLOCK, k++)
    {
      if (k % 100 == 0)
        g_string_append_printf (s, "%sSUM(", k ? "), " : "");
      else
        g_string_append (s, ", ");
      g_string_append_printf (s, "I%05u", i);
    }
  g_string_append_printf (s, "))\"}, {\"id\": \"intensity\", \"title\": \"Intensity\", "
                          "\"unit\": \"tce/t\", \"value\": \"IFERROR(I%05u / I%05u, 0)\"}, "
                          "{\"id\": \"rows_first\", \"title\": \"Rows of the first table\", "
                          "\"value\": \"COUNT(I%05u.I%05u_qty)\", \"description\": \"count\"}]}",
                          P_COMPUTED_SUM, P_NUM_INTERP, P_TABLE, P_TABLE);

  *length = s->len;
  return g_string_free (s, FALSE);
}

/* One answer (JSON text) for item @index, or NULL to leave it blank. */
static char *
make_points_answer (guint  index,
                    GRand *rand)
{
  guint pos = index % BLOCK;
  double r = g_rand_double (rand);
  char id[16];

  if (index == 1)
    return g_strdup ("true");       /* gate_true */
  if (index == 21)
    return g_strdup ("false");      /* gate_false */

  /* Scored items: some are not applicable, some not answered yet. */
  if (!isnan (item_points (pos)) && pos != P_POINTS_NO_NA && r < 0.04)
    return g_strdup ("{\"na\": \"not relevant on this site\"}");
  if (r > 0.97)
    return NULL;

  switch (pos)
    {
    case P_COMPLIANCE:
    case P_APPLICABLE:
      {
        static const char *c[] = { "\"yes\"", "\"partial\"", "\"no\"" };

        return g_strdup (c[g_rand_int_range (rand, 0, 3)]);
      }
    case P_YESNO:
    case P_BONUS:
      return g_strdup (g_rand_double (rand) < 0.8 ? "true" : "false");
    case P_NUM_INTERP:
    case P_NUM_BANDS:
    case P_NUM_INTERP_REF:
      return g_strdup_printf ("%.1f", g_rand_double_range (rand, 0, 100));
    case P_NUM_INTERP_DOWN:
      return g_strdup_printf ("{\"value\": %.1f, \"note\": \"from the meter log\"}",
                              g_rand_double_range (rand, 10, 80));
    case P_NUM_FORMULA:
      return g_strdup_printf ("%d", g_rand_int_range (rand, 0, 101));
    case P_CHOICE:
      {
        static const char *c[] = { "\"a\"", "\"b\"", "\"c\"" };

        return g_strdup (c[g_rand_int_range (rand, 0, 3)]);
      }
    case P_MULTI:
      return g_strdup (g_rand_boolean (rand) ? "[\"o1\", \"o3\"]" : "[\"o2\"]");
    case P_POINTS:
      return g_strdup_printf ("%d", g_rand_int_range (rand, 0, 6));
    case P_POINTS_NO_NA:
      return g_strdup_printf ("%d", g_rand_int_range (rand, 0, 3));
    case P_TEXT:
      return g_strdup ("\"A written management procedure is in place\"");
    case P_DATE:
      return g_strdup_printf ("\"2025-%02d-%02d\"", g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29));
    case P_TABLE:
      {
        GString *s = g_string_new ("[");
        guint rows = g_rand_int_range (rand, 1, 5);

        id_of (id, index);
        for (guint k = 0; k < rows; k++)
          g_string_append_printf (s, "%s{\"%s_car\": \"f%02d\", \"%s_qty\": %d, "
                                  "\"%s_note\": \"meter %u\"}", k ? ", " : "",
                                  id, g_rand_int_range (rand, 0, N_FACTORS),
                                  id, g_rand_int_range (rand, 100, 100000), id, k);
        g_string_append_c (s, ']');
        return g_string_free (s, FALSE);
      }
    case P_VETO_YESNO:
      return g_strdup ("true");
    case P_VETO_CHOICE:
      return g_strdup ("\"ok\"");
    case P_COMPUTED_SUM:
    case P_COMPUTED_RATIO:
      return NULL;
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static char *
make_points_answers (GRand *rand)
{
  GString *s = g_string_new ("{\"template\": \"bench-points-10k\", \"answers\": {");
  gboolean first = TRUE;

  for (guint i = 0; i < points_n_items; i++)
    {
      g_autofree char *a = make_points_answer (i, rand);

      if (a == NULL)
        continue;
      g_string_append_printf (s, "%s\"I%05u\": %s", first ? "" : ", ", i, a);
      first = FALSE;
    }
  g_string_append (s, "}}");
  return g_string_free (s, FALSE);
}

/* The synthetic points template with @n_items items and its answers, and
 * one answer for an item of it, for the scale curve (ga-bench-scale.c). */
char *ga_bench_make_points   (guint   n_items,
                              gsize  *length,
                              char  **answers);
char *ga_bench_points_answer (guint   index,
                              GRand  *rand);

char *
ga_bench_make_points (guint   n_items,
                      gsize  *length,
                      char  **answers)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  char *data;

  points_n_items = n_items;
  data = make_points_template (length);
  *answers = make_points_answers (rand);
  points_n_items = N_ITEMS;
  return data;
}

char *
ga_bench_points_answer (guint  index,
                        GRand *rand)
{
  return make_points_answer (index, rand);
}

/* ------------------------------------------------------------------------ */
/* Synthetic clean-production template                                      */

#define CP_CATEGORIES 10
#define CP_PER_CAT    (N_ITEMS / CP_CATEGORIES)
#define CP_BLOCK      5

static char *
make_cp_template (gsize *length)
{
  GString *s = g_string_sized_new (4 * 1024 * 1024);
  guint index = 0;

  g_string_append (s,
    "{\"format\": 1, \"id\": \"bench-cp-10k\", \"version\": \"1.0.0\", "
    "\"kind\": \"clean-production\", \"title\": {\"zh_CN\": \"清洁生产基准测试\", "
    "\"en\": \"Clean production benchmark\"}, "
    "\"standard\": {\"code\": \"BENCH-CP\"}, \"source\": \"generated by tests/bench/ga-bench.c\", "
    "\"verified\": false, \"unverified_reason\": \"synthetic numbers\", "
    "\"scoring\": {\"scheme\": \"clean-production\", \"levels\": ["
    "{\"level\": 1, \"label\": \"I\", \"min_index\": 85, \"limiting\": true}, "
    "{\"level\": 2, \"label\": \"II\", \"min_index\": 85, \"limiting\": true, "
    "\"others_min_level\": 0}, "
    "{\"level\": 3, \"label\": \"III\", \"min_index\": 100}]}, \"sections\": [");

  for (guint c = 0; c < CP_CATEGORIES; c++)
    {
      g_string_append_printf (s, "%s{\"id\": \"C%u\", \"title\": \"Category %u\", "
                              "\"weight\": %s, \"items\": [", c ? ", " : "", c, c,
                              c == CP_CATEGORIES - 1 ? "\"1/10\"" : "0.1");
      for (guint k = 0; k < CP_PER_CAT; k++, index++)
        {
          guint pos = index % CP_BLOCK;
          guint base = index - pos;

          g_string_append_printf (s, "%s{\"id\": \"P%05u\", \"title\": \"Indicator %u\", "
                                  "\"source\": \"synthetic\", \"weight\": %s",
                                  k ? ", " : "", index, index,
                                  pos == 4 ? "\"0.002/2\"" : "0.001");
          if (index % 50 == 0)
            g_string_append (s, ", \"limiting\": true");
          switch (pos)
            {
            case 0:
              g_string_append (s, ", \"kind\": \"number\", \"unit\": \"t/t\", \"min\": 0, "
                               "\"score\": {\"levels\": {\"cmp\": \"<=\", \"I\": 10, "
                               "\"II\": 20, \"III\": 30}}");
              break;
            case 1:
              g_string_append (s, ", \"kind\": \"number\", \"unit\": \"%\", \"min\": 0, "
                               "\"max\": 100, \"score\": {\"levels\": {\"cmp\": \">=\", "
                               "\"I\": 95, \"II\": 85, \"III\": 80}}");
              break;
            case 2:
              g_string_append (s, ", \"kind\": \"choice\", \"options\": ["
                               "{\"id\": \"l1\", \"label\": \"Level I practice\", \"level\": 1}, "
                               "{\"id\": \"l2\", \"label\": \"Level II practice\", \"level\": 2}, "
                               "{\"id\": \"l3\", \"label\": \"Level III practice\", \"level\": 3}, "
                               "{\"id\": \"l0\", \"label\": \"None\", \"level\": 0}], "
                               "\"score\": {\"levels\": {}}");
              break;
            case 3:
              g_string_append (s, ", \"kind\": \"number\", \"min\": 0, \"score\": {\"levels\": "
                               "{\"cmp\": \"<=\", \"I\": 1, \"II\": null, \"III\": \"1.5*2\"}}");
              break;
            case 4:
              g_string_append_printf (s, ", \"kind\": \"number\", \"min\": 0, "
                                      "\"applicable\": \"P%05u < 25\", \"score\": {\"levels\": "
                                      "{\"cmp\": \"<=\", \"I\": 5, \"II\": 6, \"III\": 7}}",
                                      base);
              break;
            default:
              g_assert_not_reached ();
            }
          g_string_append_c (s, '}');
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  *length = s->len;
  return g_string_free (s, FALSE);
}

static char *
make_cp_answer (guint  index,
                GRand *rand)
{
  double r = g_rand_double (rand);

  if (r < 0.02)
    return g_strdup ("{\"na\": \"process not present\"}");
  if (r > 0.98)
    return NULL;
  switch (index % CP_BLOCK)
    {
    case 0: return g_strdup_printf ("%.2f", g_rand_double_range (rand, 5, 35));
    case 1: return g_strdup_printf ("%.1f", g_rand_double_range (rand, 75, 100));
    case 2:
      {
        static const char *c[] = { "\"l1\"", "\"l2\"", "\"l3\"", "\"l0\"" };

        return g_strdup (c[g_rand_int_range (rand, 0, 4)]);
      }
    case 3: return g_strdup_printf ("%.2f", g_rand_double_range (rand, 0, 4));
    case 4: return g_strdup_printf ("%.2f", g_rand_double_range (rand, 3, 8));
    default: g_assert_not_reached ();
    }
  return NULL;
}

static char *
make_cp_answers (GRand *rand)
{
  GString *s = g_string_new ("{\"template\": \"bench-cp-10k\", \"answers\": {");
  gboolean first = TRUE;

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *a = make_cp_answer (i, rand);

      if (a == NULL)
        continue;
      g_string_append_printf (s, "%s\"P%05u\": %s", first ? "" : ", ", i, a);
      first = FALSE;
    }
  g_string_append (s, "}}");
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Shared measurement                                                       */

typedef char *(*AnswerMaker) (guint index, GRand *rand);

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      fprintf (stderr, "ga-bench: generated JSON does not parse: %s\n", error->message);
      exit (1);
    }
  return json_node_copy (json_parser_get_root (parser));
}

static GaTemplate *
load_or_die (const char *data,
             gsize       length,
             const char *origin)
{
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl = ga_template_new_from_data (data, length, origin, &error);

  if (tmpl == NULL)
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", 21);

      /* The same mistake repeats in every block: the first lines say it. */
      if (g_strv_length (lines) > 20)
        lines[20][0] = '\0';
      fprintf (stderr, "ga-bench: the synthetic template %s does not load:\n", origin);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        fprintf (stderr, "  %s\n", lines[i]);
      exit (1);
    }
  return tmpl;
}

static GaAnswerSet *
answers_or_die (const char *text,
                GaTemplate *tmpl)
{
  g_autoptr(JsonNode) root = parse_json (text);
  g_autoptr(GError) error = NULL;
  GaAnswerSet *set = ga_answer_set_new_from_json (root, tmpl, &error);

  if (set == NULL)
    {
      fprintf (stderr, "ga-bench: the synthetic answers for %s do not load:\n%s\n",
               ga_template_get_id (tmpl), error->message);
      exit (1);
    }
  return set;
}

/* Load + validate, median of LOAD_RUNS, in ms. */
static double
measure_load (const char *data,
              gsize       length,
              const char *origin)
{
  double t[LOAD_RUNS];

  for (guint run = 0; run < LOAD_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      GaTemplate *tmpl = load_or_die (data, length, origin);

      t[run] = (g_get_monotonic_time () - start) / 1000.0;
      ga_template_unref (tmpl);
    }
  return median (t, LOAD_RUNS);
}

/* Full evaluation from scratch, median of EVAL_RUNS, in ms. */
static double
measure_full_eval (GaEngine *engine)
{
  double t[EVAL_RUNS];

  for (guint run = 0; run < EVAL_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      ga_engine_evaluate (engine);
      t[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return median (t, EVAL_RUNS);
}

/* N_UPDATES single-answer updates to random answerable items; the answers
 * are built beforehand so only ga_engine_set_answer() is timed. Returns the
 * median and 99th percentile in us. */
static void
measure_updates (GaEngine    *engine,
                 GaTemplate  *tmpl,
                 AnswerMaker  maker,
                 guint32      seed,
                 double      *med,
                 double      *p99)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) answerable = g_ptr_array_new ();
  GPtrArray *items = ga_template_get_items (tmpl);
  GaAnswer **answers = g_new0 (GaAnswer *, N_UPDATES);
  const GaItem **targets = g_new0 (const GaItem *, N_UPDATES);
  double *t = g_new0 (double, N_UPDATES);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      if (item->kind != GA_ITEM_COMPUTED)
        g_ptr_array_add (answerable, item);
    }

  while (n < N_UPDATES)
    {
      const GaItem *item = g_ptr_array_index (answerable,
                                              g_rand_int_range (rand, 0, answerable->len));
      g_autofree char *text = maker (item->index, rand);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (text == NULL)
        {
          /* Clearing an answer is an update too. */
          targets[n] = item;
          answers[n++] = NULL;
          continue;
        }
      node = parse_json (text);
      answers[n] = ga_answer_from_json (node, item, &error);
      if (answers[n] == NULL)
        {
          fprintf (stderr, "ga-bench: answer %s for %s refused: %s\n", text, item->id,
                   error->message);
          exit (1);
        }
      targets[n++] = item;
    }

  for (guint i = 0; i < N_UPDATES; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ns ();
      gboolean ok = ga_engine_set_answer (engine, targets[i]->id, answers[i], &error);

      t[i] = (now_ns () - start) / 1000.0;
      if (!ok)
        {
          fprintf (stderr, "ga-bench: update of %s failed: %s\n", targets[i]->id,
                   error->message);
          exit (1);
        }
    }

  *p99 = percentile (t, N_UPDATES, 0.99);
  *med = median (t, N_UPDATES);

  for (guint i = 0; i < N_UPDATES; i++)
    g_clear_pointer (&answers[i], ga_answer_free);
  g_free (answers);
  g_free (targets);
  g_free (t);
}

static void
bench_synthetic (const char  *prefix,
                 char      *(*make_template) (gsize *length),
                 char      *(*make_answers) (GRand *rand),
                 AnswerMaker  maker,
                 gboolean     with_floor)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autofree char *data = NULL;
  g_autofree char *answers_text = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  double t[LOAD_RUNS];
  double med, p99;
  gint64 start;
  gboolean skip_load;

  data = make_template (&length);
  answers_text = make_answers (rand);

  /* GA_BENCH_SKIP_LOAD=1 leaves out the timed loads (the slowest part under
   * valgrind --tool=callgrind, which counts the engine's instructions). */
  skip_load = g_strcmp0 (g_getenv ("GA_BENCH_SKIP_LOAD"), "1") == 0;
  if (with_floor && !skip_load)
    {
      /* Parse and free the tree, as the loader does, with its reader. */
      for (guint run = 0; run < LOAD_RUNS; run++)
        {
          start = g_get_monotonic_time ();
          ga_json_doc_free (ga_json_doc_parse (data, length, GA_JSON_MAX_DEPTH, NULL));
          t[run] = (g_get_monotonic_time () - start) / 1000.0;
        }
      figure ("json.parse_10k", median (t, LOAD_RUNS), "ms");
    }

  name = g_strdup_printf ("%s.load_validate_10k", prefix);
  if (!skip_load)
    figure (name, measure_load (data, length, prefix), "ms");

  tmpl = load_or_die (data, length, prefix);
  if (ga_template_get_items (tmpl)->len != N_ITEMS)
    {
      fprintf (stderr, "ga-bench: the synthetic template has %u items, not %u\n",
               ga_template_get_items (tmpl)->len, N_ITEMS);
      exit (1);
    }
  answers = answers_or_die (answers_text, tmpl);

  for (guint run = 0; run < LOAD_RUNS; run++)
    {
      GaEngine *e;

      start = g_get_monotonic_time ();
      e = ga_engine_new (tmpl);
      t[run] = (g_get_monotonic_time () - start) / 1000.0;
      ga_engine_unref (e);
    }
  g_free (name);
  name = g_strdup_printf ("%s.compile_10k", prefix);
  figure (name, median (t, LOAD_RUNS), "ms");

  engine = ga_engine_new (tmpl);
  for (guint run = 0; run < LOAD_RUNS; run++)
    {
      start = g_get_monotonic_time ();
      ga_engine_set_answers (engine, answers);
      t[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_free (name);
  name = g_strdup_printf ("%s.set_answers_10k", prefix);
  figure (name, median (t, LOAD_RUNS), "ms");

  g_free (name);
  name = g_strdup_printf ("%s.full_eval_10k", prefix);
  figure (name, measure_full_eval (engine), "ms");

  measure_updates (engine, tmpl, maker, 4242, &med, &p99);
  g_free (name);
  name = g_strdup_printf ("%s.update_one_median", prefix);
  figure (name, med, "us");
  g_free (name);
  name = g_strdup_printf ("%s.update_one_p99", prefix);
  figure (name, p99, "us");

  {
    const GaSummary *s = ga_engine_get_summary (engine);

    fprintf (stderr, "ga-bench: %s: %u of %u answered, score %.2f of %.2f, veto %s, "
             "level %d\n", prefix, s->answered, s->total, s->score, s->max,
             ga_veto_status_to_string (s->veto), s->level);
  }
}

/* ------------------------------------------------------------------------ */
/* Largest bundled template                                                 */

/* A plausible answer for any item: the middle of its range, its first
 * option, a row per table with its first lookup key. */
static JsonNode *
plausible_answer (GaTemplate   *tmpl,
                  const GaItem *item)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) wrapper = NULL;

  /* json-glib's builder only takes values inside a container: the answer is
   * built as the single element of an array. */
  json_builder_begin_array (b);
  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      json_builder_add_string_value (b, item->index % 3 ? GA_COMPLIANCE_YES
                                                        : GA_COMPLIANCE_PARTIAL);
      break;
    case GA_ITEM_YESNO:
      json_builder_add_boolean_value (b, TRUE);
      break;
    case GA_ITEM_NUMBER:
      {
        double lo = isnan (item->min) ? 0 : item->min;
        double hi = isnan (item->max) ? lo + 100 : item->max;
        double v = (lo + hi) / 2;

        json_builder_add_double_value (b, item->integer ? floor (v) : v);
      }
      break;
    case GA_ITEM_POINTS:
      json_builder_add_double_value (b, isnan (item->points) ? 0 : floor (item->points / 2));
      break;
    case GA_ITEM_CHOICE:
    case GA_ITEM_MULTI:
      {
        const GaOption *chosen = NULL;

        for (guint i = 0; item->options != NULL && i < item->options->len; i++)
          {
            const GaOption *o = g_ptr_array_index (item->options, i);

            if (!o->fails)
              {
                chosen = o;
                break;
              }
          }
        if (chosen == NULL)
          return NULL;
        if (item->kind == GA_ITEM_MULTI)
          {
            json_builder_begin_array (b);
            json_builder_add_string_value (b, chosen->id);
            json_builder_end_array (b);
          }
        else
          json_builder_add_string_value (b, chosen->id);
      }
      break;
    case GA_ITEM_TEXT:
      json_builder_add_string_value (b, "A documented procedure is in place");
      break;
    case GA_ITEM_DATE:
      json_builder_add_string_value (b, "2025-06-30");
      break;
    case GA_ITEM_TABLE:
      json_builder_begin_array (b);
      for (guint row = 0; row < 3; row++)
        {
          json_builder_begin_object (b);
          for (guint c = 0; item->columns != NULL && c < item->columns->len; c++)
            {
              const GaColumn *col = g_ptr_array_index (item->columns, c);

              switch (col->kind)
                {
                case GA_ITEM_NUMBER:
                  json_builder_set_member_name (b, col->id);
                  json_builder_add_double_value (b, (isnan (col->min) ? 0 : col->min)
                                                 + 1000 * (row + 1));
                  break;
                case GA_ITEM_TEXT:
                  json_builder_set_member_name (b, col->id);
                  json_builder_add_string_value (b, "row");
                  break;
                case GA_ITEM_DATE:
                  json_builder_set_member_name (b, col->id);
                  json_builder_add_string_value (b, "2025-06-30");
                  break;
                case GA_ITEM_YESNO:
                  json_builder_set_member_name (b, col->id);
                  json_builder_add_boolean_value (b, TRUE);
                  break;
                case GA_ITEM_CHOICE:
                  {
                    const char *key = NULL;

                    if (col->options != NULL && col->options->len > 0)
                      key = ((GaOption *) g_ptr_array_index (col->options,
                                                             row % col->options->len))->id;
                    else if (col->options_table != NULL)
                      {
                        GaLookupTable *t = ga_template_find_table (tmpl, col->options_table);

                        if (t != NULL && t->rows->len > 0)
                          key = ((GaTableRow *) g_ptr_array_index (t->rows,
                                                                   row % t->rows->len))->key;
                      }
                    if (key != NULL)
                      {
                        json_builder_set_member_name (b, col->id);
                        json_builder_add_string_value (b, key);
                      }
                  }
                  break;
                default:
                  break;
                }
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      break;
    case GA_ITEM_COMPUTED:
    default:
      return NULL;
    }
  json_builder_end_array (b);
  wrapper = json_builder_get_root (b);
  return json_node_copy (json_array_get_element (json_node_get_array (wrapper), 0));
}

static void
bench_largest_bundled (void)
{
  g_auto(GStrv) ids = ga_template_list_bundled ();
  g_autoptr(GaTemplate) largest = NULL;
  g_autoptr(GaAnswerSet) set = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autofree char *name = NULL;
  GPtrArray *items;
  double t[101];
  guint refused = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (ids[i], &error);

      if (tmpl == NULL)
        {
          fprintf (stderr, "ga-bench: bundled template %s does not load: %s\n", ids[i],
                   error->message);
          continue;
        }
      if (largest == NULL
          || ga_template_get_items (tmpl)->len > ga_template_get_items (largest)->len)
        {
          g_clear_pointer (&largest, ga_template_unref);
          largest = g_steal_pointer (&tmpl);
        }
    }

  if (largest == NULL)
    {
      fprintf (stderr, "ga-bench: no bundled template; engine.full_eval_largest_bundled "
               "skipped\n");
      return;
    }

  items = ga_template_get_items (largest);
  set = ga_answer_set_new ();
  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);
      g_autoptr(JsonNode) node = plausible_answer (largest, item);
      g_autoptr(GError) error = NULL;
      GaAnswer *answer;

      if (node == NULL)
        continue;
      answer = ga_answer_from_json (node, item, &error);
      if (answer == NULL)
        {
          refused++;
          continue;
        }
      ga_answer_set_take (set, item->id, answer);
    }

  engine = ga_engine_new (largest);
  ga_engine_set_answers (engine, set);
  for (guint run = 0; run < G_N_ELEMENTS (t); run++)
    {
      double start = now_ns ();

      ga_engine_evaluate (engine);
      t[run] = (now_ns () - start) / 1000.0;
    }
  figure ("engine.full_eval_largest_bundled", median (t, G_N_ELEMENTS (t)), "us");
  fprintf (stderr, "ga-bench: largest bundled template %s: %u items, %u answered%s\n",
           ga_template_get_id (largest), items->len, ga_answer_set_size (set),
           refused ? " (some generated answers refused)" : "");
}

/* ------------------------------------------------------------------------ */
/* Formula                                                                  */

static GaValue bench_e1;

static const GaValue *
bench_get_ref (gpointer user_data,
               guint    index)
{
  return &bench_e1;
}

static void
bench_formula (void)
{
  const char *text = "IF(E1>0.8, ROUND(E1*10, 1), 0) + MAX(E1, 0.5)";
  GaFormulaContext ctx = { bench_get_ref, NULL, NULL, NULL };
  g_autoptr(GaFormula) formula = ga_formula_parse (text, NULL, NULL);
  const guint n = 100000;
  double t[5];

  if (formula == NULL)
    {
      fprintf (stderr, "ga-bench: the benchmark formula does not parse\n");
      exit (1);
    }
  ga_value_set_number (&bench_e1, 0.85);

  for (guint run = 0; run < G_N_ELEMENTS (t); run++)
    {
      double start = now_ns ();

      for (guint i = 0; i < n; i++)
        {
          GaFormula *f = ga_formula_parse (text, NULL, NULL);

          ga_formula_unref (f);
        }
      t[run] = (now_ns () - start) / n;
    }
  figure ("formula.parse_simple", median (t, G_N_ELEMENTS (t)), "ns");

  for (guint run = 0; run < G_N_ELEMENTS (t); run++)
    {
      GaValue result = GA_VALUE_INIT;
      double start = now_ns ();

      for (guint i = 0; i < n; i++)
        ga_formula_evaluate (formula, &ctx, &result);
      t[run] = (now_ns () - start) / n;
      ga_value_clear (&result);
    }
  figure ("formula.eval_simple", median (t, G_N_ELEMENTS (t)), "ns");
  ga_value_clear (&bench_e1);
}

/* The store and export figures (ga-bench-store.c, ga-bench-export.c) run
 * after the engine's when those libraries are built. */
void ga_bench_store_run (void);
void ga_bench_export_run (void);
/* Templates of a million items (ga-bench-load.c). */
void ga_bench_load_run (void);
/* ga-bench-server.c: only with GA_TEST_PG_URI (tests/pg/pg-test.sh). */
void ga_bench_server_run (void);
void ga_bench_scale_run (void);

/* ga-bench --dump points|points-answers|cp|cp-answers writes a synthetic
 * template or its answers, to look at or to run greenassess-cli on. */
static int
dump (const char *what)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autofree char *text = NULL;
  gsize length = 0;

  if (g_strcmp0 (what, "points") == 0)
    text = make_points_template (&length);
  else if (g_strcmp0 (what, "points-answers") == 0)
    text = make_points_answers (rand);
  else if (g_strcmp0 (what, "cp") == 0)
    text = make_cp_template (&length);
  else if (g_strcmp0 (what, "cp-answers") == 0)
    text = make_cp_answers (rand);
  else
    {
      fprintf (stderr, "ga-bench: --dump takes points, points-answers, cp or cp-answers\n");
      return 2;
    }
  fputs (text, stdout);
  fputc ('\n', stdout);
  return 0;
}

/* GA_BENCH_ONLY=formula,engine,bundled,cp,scale,store,export,load,server runs only the groups
 * named (all when unset), to time one part again quickly. */
static gboolean
wanted (const char *group)
{
  const char *only = g_getenv ("GA_BENCH_ONLY");
  g_auto(GStrv) groups = NULL;

  if (only == NULL || *only == '\0')
    return TRUE;
  groups = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *) groups, group);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--dump") == 0)
    return dump (argv[2]);
  if (argc > 1)
    {
      fprintf (stderr, "usage: ga-bench [--dump points|points-answers|cp|cp-answers]\n");
      return 2;
    }

  if (wanted ("formula"))
    bench_formula ();
  if (wanted ("engine"))
    bench_synthetic ("engine", make_points_template, make_points_answers, make_points_answer,
                     TRUE);
  if (wanted ("bundled"))
    bench_largest_bundled ();
  if (wanted ("cp"))
    bench_synthetic ("cp", make_cp_template, make_cp_answers, make_cp_answer, FALSE);
  if (wanted ("scale"))
    ga_bench_scale_run ();
  if (wanted ("store"))
    ga_bench_store_run ();
  if (wanted ("export"))
    ga_bench_export_run ();
  if (wanted ("load"))
    ga_bench_load_run ();
  if (wanted ("server"))
    ga_bench_server_run ();
  return 0;
}
