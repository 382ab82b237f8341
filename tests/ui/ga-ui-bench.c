/* ga-ui-bench.c: start-up, memory and edit latency of the GTK application
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under Xvfb with GSK_RENDERER=cairo (meson test --benchmark does). Prints
 * one "NAME VALUE UNIT" line per figure.
 *
 * Start to first frame and peak memory are measured for the application
 * (on a database with the demo data) and for an empty libadwaita window in
 * the same run, each in a fresh process, alternating, RUNS times; the
 * medians and their ratios are printed (targets: ≤ 2× and ≤ 1.3×). The time
 * runs from just before the process is spawned to the end of the first
 * frame clock "after-paint" in the child (both CLOCK_MONOTONIC); the memory
 * is the child's VmHWM then.
 *
 * The edit latency is measured in-process on a synthetic 10 000-item
 * assessment (made-up items, 100 sections of 100): for each of EDITS
 * answers, the time from the call that saves it (engine, durable store
 * write, history row) through the refresh of the visible rows, the section
 * counts and the score summary, and then to the end of the next painted
 * frame (target: within one frame, 16 ms).
 *
 * The item list is measured on that assessment and on one of 100 000
 * items: opening it (to the first painted frame), jumps to places spread
 * over the list (ga_workspace_show_item()) and scrolling by a third of a
 * page a frame, each from the call to the end of the painted frame. The
 * anchor, measured in the same run right after, is a plain GtkListView of
 * as many one-label rows in a window of the same size, under the same
 * jumps and scrolling; the ratios are printed too. A frame waits for the
 * frame clock's tick, so about 16.7 ms is the floor of a step or a jump.
 *
 * On a loaded machine, count instructions instead: under
 *   valgrind --tool=callgrind --instr-atstart=no
 * only the opening, the jumps and the scrolling are counted, each dumped
 * apart (open-10000, jumps-10000, jumps-10000-plain, scroll-10000,
 * scroll-10000-plain, …); GA_UI_BENCH_LISTS_ONLY=1 GA_UI_BENCH_100K=0
 * keeps such a run short.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_DUMP_STATS_AT(name)
#define RUNNING_ON_VALGRIND 0
#endif

#include "ga-application.h"
#include "ga-score-summary.h"
#include "ga-store-engine.h"
#include "ga-window.h"
#include "ga-workspace.h"

#define RUNS      7
#define N_ITEMS   10000
#define PER_SECTION 100
#define EDITS     60

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return NAN;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtod (line + 6, NULL) / 1024.0 : NAN;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* ------------------------------------------------------------------ */
/* Child modes: report the first frame and quit                         */

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  /* One line for the parent: when the first frame was done, peak memory. */
  g_print ("FIRST_FRAME %.3f %.3f\n", now_ms (), peak_rss_mb ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
empty_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_empty (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.greenassess.Bench",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (empty_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static void
app_window_added_cb (GtkApplication *app,
                     GtkWindow      *window)
{
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
}

static int
run_app (const char *db)
{
  g_autoptr(GaApplication) app = NULL;

  ga_application_init_i18n ();
  app = ga_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  ga_application_set_database (app, db, FALSE);
  g_signal_connect (app, "window-added", G_CALLBACK (app_window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* ------------------------------------------------------------------ */
/* Parent: spawn the children alternately                                */

static gboolean
measure_child (const char  *self,
               const char  *mode,
               const char  *db,
               double      *ms,
               double      *mb)
{
  const char *argv[] = { self, mode, db, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  double start, frame;
  int status;

  start = now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error))
    {
      g_printerr ("cannot run %s %s: %s\n", self, mode, error->message);
      return FALSE;
    }
  line = out ? strstr (out, "FIRST_FRAME ") : NULL;
  if (line == NULL || sscanf (line, "FIRST_FRAME %lf %lf", &frame, mb) != 2)
    {
      g_printerr ("%s %s reported no first frame\n", self, mode);
      return FALSE;
    }
  *ms = frame - start;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Edit latency on 10 000 items                                          */

/* "10k", "100k": how the figures name a size. */
static const char *
size_name (guint n_items)
{
  return n_items >= 100000 ? "100k" : "10k";
}

static char *
synthetic_template (guint n_items)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
                   "{\"format\": 1, \"id\": \"ui-bench-%s\", \"version\": \"1.0.0\", "
                   "\"kind\": \"custom\", \"title\": \"UI benchmark (%u made-up items)\", "
                   "\"standard\": {\"code\": \"BENCH\"}, \"source\": \"generated by ga-ui-bench\", "
                   "\"verified\": false, \"unverified_reason\": \"made-up items for timing\", "
                   "\"sections\": [",
                          size_name (n_items), n_items);
  for (guint sec = 0; sec < n_items / PER_SECTION; sec++)
    {
      g_string_append_printf (s, "%s{\"id\": \"S%u\", \"title\": \"Section %u\", \"items\": [",
                              sec ? ", " : "", sec, sec);
      for (guint i = 0; i < PER_SECTION; i++)
        {
          guint n = sec * PER_SECTION + i;

          if (i % 5 == 4)
            g_string_append_printf (
                s,
                "%s{\"id\": \"I%u\", \"kind\": \"number\", \"title\": \"Indicator %u\", "
                "\"source\": \"generated\", \"unit\": \"%%\", \"min\": 0, \"max\": 100, "
                "\"points\": 2, "
                "\"score\": {\"interp\": {\"baseline\": 40, \"leading\": 80}}}",
                i ? ", " : "", n, n);
          else
            g_string_append_printf (
                s,
                "%s{\"id\": \"I%u\", \"kind\": \"compliance\", \"title\": \"Requirement %u\", "
                "\"requirement\": \"The factory meets requirement %u.\", \"source\": "
                "\"generated\", \"points\": 1, "
                "\"mandatory\": %s}",
                i ? ", " : "", n, n, n, i % 2 ? "true" : "false");
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

typedef struct {
  guint  painted;
  double layout_at;   /* when the first layout after the edit began */
} Frames;

static GtkWidget *
find_by_class (GtkWidget  *root,
               const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->painted++;
}

static void
layout_cb (GdkFrameClock *clock,
           Frames        *frames)
{
  if (isnan (frames->layout_at))
    frames->layout_at = now_ms ();
}

/* Runs the main loop until a frame has been painted after @before, or a
 * second has gone by. */
static void
wait_for_paint (Frames *frames,
                guint   before,
                double  start)
{
  /* Under valgrind a frame takes far longer. */
  double limit = RUNNING_ON_VALGRIND ? 120000 : 1000;

  while (frames->painted == before && now_ms () - start < limit)
    g_main_context_iteration (NULL, TRUE);
}

static void
settle (guint ms)
{
  double t0 = now_ms ();

  while (now_ms () - t0 < ms)
    g_main_context_iteration (NULL, FALSE);
}

/* What one list does under the same jumps and the same scrolling. */
typedef struct {
  double jump_median;
  double jump_max;
  double step_median;
  double step_p95;
} ListFigures;

#define JUMPS 30
#define STEPS 120

/* The position of the k-th jump in a list of @n rows: spread over the
 * whole list, the same for the application's list and the plain one. */
static guint
jump_position (guint k,
               guint n)
{
  return (k * 7919 + (n > 10000 ? k * 65537 : 0)) % n;
}

/* Scrolling as a wheel or the scrollbar does: a third of a page per
 * frame, STEPS frames; the time from each step to its painted frame. */
static void
measure_scroll (GtkAdjustment *adjustment,
                Frames        *frames,
                ListFigures   *figures,
                const char    *what)
{
  double step_ms[STEPS];
  g_autofree char *dump = g_strdup_printf ("scroll-%s", what);

  gtk_adjustment_set_value (adjustment, 0);
  settle (300);
  CALLGRIND_START_INSTRUMENTATION;
  for (guint k = 0; k < STEPS; k++)
    {
      guint before = frames->painted;
      double start = now_ms ();

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                            + gtk_adjustment_get_page_size (adjustment) / 3);
      wait_for_paint (frames, before, start);
      step_ms[k] = now_ms () - start;
    }
  CALLGRIND_STOP_INSTRUMENTATION;
  CALLGRIND_DUMP_STATS_AT (dump);
  figures->step_median = median (step_ms, STEPS);
  figures->step_p95 = step_ms[(guint) (STEPS * 0.95)];
}

/* ------------------------------------------------------------------ */
/* The anchor: a plain GtkListView of as many rows, one label each        */

static void
plain_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
plain_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkStringObject *object = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (object));
}

/* The same jumps and scrolling in a window of @width × @height that holds
 * only a GtkListView of @n_items labels. */
static void
measure_plain (guint        n_items,
               int          width,
               int          height,
               ListFigures *figures)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkWidget *window, *scroller, *list;
  Frames frames = { 0, NAN };
  GdkFrameClock *clock;
  double jump[JUMPS];

  for (guint i = 0; i < n_items; i++)
    {
      char text[64];

      g_snprintf (text, sizeof text, "Requirement %u", i);
      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (plain_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (plain_bind_cb), NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (strings)));
  list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  settle (500);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &frames);
  CALLGRIND_START_INSTRUMENTATION;
  for (guint k = 0; k < JUMPS; k++)
    {
      guint before = frames.painted;
      double start = now_ms ();

      gtk_widget_activate_action (list, "list.scroll-to-item", "u", jump_position (k, n_items));
      wait_for_paint (&frames, before, start);
      jump[k] = now_ms () - start;
    }
  CALLGRIND_STOP_INSTRUMENTATION;
  {
    g_autofree char *dump = g_strdup_printf ("jumps-%u-plain", n_items);

    CALLGRIND_DUMP_STATS_AT (dump);
  }
  figures->jump_median = median (jump, JUMPS);
  figures->jump_max = jump[JUMPS - 1];
  {
    g_autofree char *what = g_strdup_printf ("%u-plain", n_items);

    measure_scroll (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list)), &frames, figures,
                    what);
  }

  g_signal_handlers_disconnect_by_func (clock, count_paint_cb, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (200);
}

/* ------------------------------------------------------------------ */
/* The application's item list                                          */

/* Opens a synthetic assessment of @n_items in the application's window
 * and measures opening, jumps and scrolling in its item list (and, when
 * @edits, the edit latency), then the plain list in the same window size.
 * Prints the figures. */
static void
measure_list (const char *dir,
              guint       n_items,
              gboolean    edits)
{
  const char *size = size_name (n_items);
  g_autofree char *name = g_strdup_printf ("bench-%s.db", size);
  g_autofree char *db = g_build_filename (dir, name, NULL);
  g_autofree char *json = synthetic_template (n_items);
  g_autoptr(GaApplication) app = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  double summary[EDITS] = { 0 }, frame[EDITS] = { 0 }, work[EDITS] = { 0 };
  double open_ms, open_painted_ms, t0;
  Frames frames = { 0, NAN };
  ListFigures app_list, plain;
  GaWindow *window;
  GaWorkspace *workspace;
  GaSession *session;
  GaTemplate *loaded;
  GdkFrameClock *clock;
  GPtrArray *items;
  GaStore *store;
  GtkWidget *list;
  gint64 enterprise_id, assessment_id;
  int width, height;

  app = ga_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  ga_application_set_database (app, db, FALSE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("register: %s", error->message);
  store = ga_application_get_store (app);

  tmpl = ga_store_import_template (store, json, -1, "ga-ui-bench", &error);
  if (tmpl == NULL)
    g_error ("synthetic template: %s", error->message);
  e->name = g_strdup ("Benchmark enterprise");
  e->credit_code = g_strdup ("91350100M000100Y43");
  enterprise_id = ga_store_add_enterprise (store, e, &error);
  if (enterprise_id == 0)
    g_error ("enterprise: %s", error->message);
  assessment_id = ga_store_new_assessment (store, enterprise_id, tmpl, NULL, 2025, NULL, &error);
  if (assessment_id == 0)
    g_error ("assessment: %s", error->message);

  g_application_activate (G_APPLICATION (app));
  window = GA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_widget_realize (GTK_WIDGET (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  settle (300);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &frames);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &frames);

  /* Opening: the call, then on to the first frame that shows the list. */
  {
    guint before = frames.painted;

    g_autofree char *dump = g_strdup_printf ("open-%u", n_items);

    CALLGRIND_START_INSTRUMENTATION;
    t0 = now_ms ();
    ga_window_open_assessment (window, assessment_id);
    open_ms = now_ms () - t0;
    /* On to the end of the first frame in which the item list has its
     * place (its rows laid out and painted): the first frame after the
     * call may come before the workspace is shown. */
    {
      double limit = RUNNING_ON_VALGRIND ? 600000 : 10000;
      GtkWidget *shown = NULL;

      do
        {
          wait_for_paint (&frames, before, now_ms ());
          before = frames.painted;
          if (shown == NULL)
            shown = find_by_class (GTK_WIDGET (window), "ga-item-list");
        }
      while ((shown == NULL || gtk_widget_get_width (shown) == 0) && now_ms () - t0 < limit);
    }
    open_painted_ms = now_ms () - t0;
    CALLGRIND_STOP_INSTRUMENTATION;
    CALLGRIND_DUMP_STATS_AT (dump);
  }
  workspace = ga_window_get_workspace (window);
  session = ga_workspace_get_session (workspace);
  loaded = ga_session_get_template (session);
  items = ga_template_get_items (loaded);
  list = find_by_class (GTK_WIDGET (workspace), "ga-item-list");
  if (list == NULL)
    g_error ("the item list was not found");
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));

  /* Let the first frames settle. */
  settle (500);

  for (guint k = 0; edits && k < EDITS; k++)
    {
      /* Spread over the whole checklist; compliance items only. */
      GaItem *item = g_ptr_array_index (items, (k * 997) % items->len);
      g_autoptr(GaAnswer) answer = ga_answer_new ();
      guint before;
      double start;

      if (item->kind != GA_ITEM_COMPLIANCE)
        item = g_ptr_array_index (items, ((k * 997) % items->len) ^ 1);
      ga_value_set_text (&answer->value, k % 3 == 0 ? GA_COMPLIANCE_NO : GA_COMPLIANCE_YES);

      before = frames.painted;
      start = now_ms ();
      if (!ga_session_set_answer (session, item, answer, &error))
        g_error ("edit: %s", error->message);
      summary[k] = now_ms () - start;
      frames.layout_at = NAN;
      wait_for_paint (&frames, before, start);
      frame[k] = now_ms () - start;
      work[k] = isnan (frames.layout_at) ? frame[k] : now_ms () - frames.layout_at;
    }

  /* Jumps through the list (rows bound for each new place). */
  {
    double jump[JUMPS];
    g_autofree char *dump = g_strdup_printf ("jumps-%u", n_items);

    CALLGRIND_START_INSTRUMENTATION;
    for (guint k = 0; k < JUMPS; k++)
      {
        GaItem *item = g_ptr_array_index (items, jump_position (k, items->len));
        guint before = frames.painted;
        double start = now_ms ();

        ga_workspace_show_item (workspace, item->id);
        wait_for_paint (&frames, before, start);
        jump[k] = now_ms () - start;
      }
    CALLGRIND_STOP_INSTRUMENTATION;
    CALLGRIND_DUMP_STATS_AT (dump);
    app_list.jump_median = median (jump, JUMPS);
    app_list.jump_max = jump[JUMPS - 1];
  }
  {
    g_autofree char *what = g_strdup_printf ("%u", n_items);

    measure_scroll (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list)), &frames, &app_list,
                    what);
  }

  g_signal_handlers_disconnect_by_func (clock, count_paint_cb, &frames);
  g_signal_handlers_disconnect_by_func (clock, layout_cb, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  measure_plain (items->len, width, height, &plain);

  if (n_items == N_ITEMS)
    {
      /* The figures as earlier runs printed them. */
      g_print ("ui_scroll_jump_10k_median %.2f ms\n", app_list.jump_median);
      g_print ("ui_scroll_jump_10k_max %.2f ms\n", app_list.jump_max);
      g_print ("ui_scroll_step_10k_median %.2f ms\n", app_list.step_median);
      g_print ("ui_scroll_step_10k_p95 %.2f ms\n", app_list.step_p95);
      /* edit_to_summary: save and every view updated (the part the target
       * bounds); frame_work: layout and paint of the frame that shows it;
       * edit_to_painted: both plus the wait for the frame clock's next tick. */
      g_print ("ui_open_10k_assessment %.1f ms\n", open_ms);
      g_print ("ui_edit_to_summary_10k_median %.2f ms\n", median (summary, EDITS));
      g_print ("ui_edit_to_summary_10k_max %.2f ms\n", summary[EDITS - 1]);
      g_print ("ui_edit_frame_work_10k_median %.2f ms\n", median (work, EDITS));
      g_print ("ui_edit_to_painted_10k_median %.2f ms\n", median (frame, EDITS));
      g_print ("ui_edit_to_painted_10k_max %.2f ms\n", frame[EDITS - 1]);
    }
  /* Each figure beside its anchor measured just after it: the plain list
   * of as many rows in a window of the same size. Medians. */
  g_print ("ui.jump_%s %.2f ms\n", size, app_list.jump_median);
  g_print ("ui.jump_%s_plain %.2f ms\n", size, plain.jump_median);
  g_print ("ui.jump_%s_ratio %.2f x\n", size, app_list.jump_median / plain.jump_median);
  g_print ("ui.scroll_step_%s %.2f ms\n", size, app_list.step_median);
  g_print ("ui.scroll_step_%s_plain %.2f ms\n", size, plain.step_median);
  g_print ("ui.scroll_step_%s_ratio %.2f x\n", size, app_list.step_median / plain.step_median);
  g_print ("ui.scroll_step_%s_p95 %.2f ms\n", size, app_list.step_p95);
  g_print ("ui.scroll_step_%s_plain_p95 %.2f ms\n", size, plain.step_p95);
  /* From the call to the first painted frame of the open assessment. */
  g_print ("ui.open_%s_assessment %.1f ms\n", size, open_painted_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *demo_db = NULL;
  double app_ms[RUNS], app_mb[RUNS], empty_ms[RUNS], empty_mb[RUNS];
  double a_ms, a_mb, e_ms, e_mb;

  if (argc >= 2 && strcmp (argv[1], "--empty-window") == 0)
    return run_empty ();
  if (argc >= 3 && strcmp (argv[1], "--app") == 0)
    return run_app (argv[2]);

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    g_printerr ("note: GSK_RENDERER is not cairo; the targets are for the cairo renderer\n");

  dir = g_dir_make_tmp ("ga-ui-bench-XXXXXX", NULL);
  demo_db = g_build_filename (dir, "demo.db", NULL);
  {
    /* The application starts on a database with the demo data, as
     * build-aux/run.sh does. */
    g_autoptr(GaStore) store = ga_store_open (demo_db, NULL);

    if (store == NULL || !ga_store_create_demo (store, NULL))
      g_error ("cannot create the demo database in %s", dir);
  }

  /* GA_UI_BENCH_LISTS_ONLY=1 leaves out the start-up figures. */
  for (guint i = 0; g_strcmp0 (g_getenv ("GA_UI_BENCH_LISTS_ONLY"), "1") != 0 && i < RUNS; i++)
    {
      if (!measure_child (argv[0], "--empty-window", demo_db, &empty_ms[i], &empty_mb[i])
          || !measure_child (argv[0], "--app", demo_db, &app_ms[i], &app_mb[i]))
        return 1;
    }
  if (g_strcmp0 (g_getenv ("GA_UI_BENCH_LISTS_ONLY"), "1") != 0)
    {
      a_ms = median (app_ms, RUNS);
      a_mb = median (app_mb, RUNS);
      e_ms = median (empty_ms, RUNS);
      e_mb = median (empty_mb, RUNS);
      g_print ("ui_first_frame_empty_window %.1f ms\n", e_ms);
      g_print ("ui_first_frame_app %.1f ms\n", a_ms);
      g_print ("ui_first_frame_ratio %.2f x\n", a_ms / e_ms);
      g_print ("ui_peak_rss_empty_window %.1f MB\n", e_mb);
      g_print ("ui_peak_rss_app %.1f MB\n", a_mb);
      g_print ("ui_peak_rss_ratio %.2f x\n", a_mb / e_mb);
    }

  measure_list (dir, N_ITEMS, TRUE);
  /* GA_UI_BENCH_100K=0 leaves out the 100 000-item list (its template
   * takes a while to load). */
  if (g_strcmp0 (g_getenv ("GA_UI_BENCH_100K"), "0") != 0)
    measure_list (dir, 10 * N_ITEMS, FALSE);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
