/* test-charts.c: the chart widgets draw what they are given
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart is shown in a window, rendered offscreen to a texture, saved
 * under build/tests/ui/screenshots/ and checked pixel by pixel: not blank,
 * and the palette colour of its data present.
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "ga-bar-chart.h"
#include "ga-donut-chart.h"
#include "ga-radar-chart.h"
#include "ga-trend-chart.h"
#include "ga-ui-test-utils.h"

/* The palette of ga-chart.c: green and blue in the light style, and green
 * in the dark style. */
#define LIGHT_GREEN 0x2ec27e
#define LIGHT_BLUE  0x3584e4
#define DARK_GREEN  0x57e389

static void
assert_description (GtkWidget  *widget,
                    const char *expected)
{
  g_autofree char *problem = NULL;

  /* The charts update their description once the changes are done. */
  ga_ui_test_spin (50);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_cmpstr (problem, ==, NULL);
}

static GdkTexture *
show_and_render (GtkWidget  *chart,
                 int         width,
                 int         height,
                 const char *name)
{
  GtkWidget *window = gtk_window_new ();
  g_autofree char *path = NULL;
  GdkTexture *texture;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  texture = ga_ui_test_render (chart);
  path = ga_ui_test_save (texture, name);
  g_test_message ("saved %s", path);
  gtk_window_destroy (GTK_WINDOW (window));
  return texture;
}

static void
test_radar (void)
{
  GtkWidget *chart = ga_radar_chart_new ();
  g_autoptr(GdkTexture) texture = NULL;

  ga_radar_chart_add_axis (GA_RADAR_CHART (chart), "基本要求", 9, 10);
  ga_radar_chart_add_axis (GA_RADAR_CHART (chart), "基础设施", 14, 20);
  ga_radar_chart_add_axis (GA_RADAR_CHART (chart), "管理体系", 12, 15);
  ga_radar_chart_add_axis (GA_RADAR_CHART (chart), "能源与资源投入", 10, 15);
  ga_radar_chart_add_axis (GA_RADAR_CHART (chart), "产品", 6, 10);
  ga_radar_chart_add_axis (GA_RADAR_CHART (chart), "环境排放", NAN, 10);
  g_assert_cmpuint (ga_radar_chart_get_n_axes (GA_RADAR_CHART (chart)), ==, 6);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  assert_description (chart, "基本要求: 9 of 10; 基础设施: 14 of 20; 管理体系: 12 of 15; "
                             "能源与资源投入: 10 of 15; 产品: 6 of 10; 环境排放: – of 10");

  texture = show_and_render (chart, 420, 340, "chart-radar");
  g_assert_cmpuint (ga_ui_test_count_colors (texture), >, 20);
  /* The outline of the score polygon and its dots are the opaque green. */
  g_assert_cmpuint (ga_ui_test_count_color (texture, LIGHT_GREEN, 8), >, 50);
}

static void
test_bar (void)
{
  g_autoptr(GtkWidget) chart = g_object_ref_sink (ga_bar_chart_new ());
  g_autoptr(GdkTexture) texture = NULL;

  ga_bar_chart_add_bar (GA_BAR_CHART (chart), "基础设施", 14, 20, GA_CHART_COLOR_GREEN);
  ga_bar_chart_add_bar (GA_BAR_CHART (chart), "管理体系", 15, 15, GA_CHART_COLOR_GREEN);
  ga_bar_chart_add_bar (GA_BAR_CHART (chart), "能源与资源投入", 3, 15, GA_CHART_COLOR_BLUE);
  ga_bar_chart_add_bar (GA_BAR_CHART (chart), "环境排放", NAN, 10, GA_CHART_COLOR_GREEN);
  g_assert_cmpuint (ga_bar_chart_get_n_bars (GA_BAR_CHART (chart)), ==, 4);

  texture = show_and_render (chart, 400, 130, "chart-bar");
  g_assert_cmpuint (ga_ui_test_count_colors (texture), >, 10);
  /* 14/20 and 15/15 of a ~200 px track, 10 px high: well over 1000 green
   * pixels; 3/15 of it in blue: over 200. */
  g_assert_cmpuint (ga_ui_test_count_color (texture, LIGHT_GREEN, 4), >, 1000);
  g_assert_cmpuint (ga_ui_test_count_color (texture, LIGHT_BLUE, 4), >, 200);

  ga_bar_chart_clear (GA_BAR_CHART (chart));
  g_assert_cmpuint (ga_bar_chart_get_n_bars (GA_BAR_CHART (chart)), ==, 0);
}

static void
test_donut (void)
{
  GtkWidget *chart = ga_donut_chart_new ();
  g_autoptr(GdkTexture) texture = NULL;
  guint green, blue;

  /* Shares 3:1 → the first (green) slice covers three times the second. */
  ga_donut_chart_add_slice (GA_DONUT_CHART (chart), "电力", 300);
  ga_donut_chart_add_slice (GA_DONUT_CHART (chart), "天然气", 100);
  ga_donut_chart_add_slice (GA_DONUT_CHART (chart), "柴油", NAN);
  ga_donut_chart_set_center_text (GA_DONUT_CHART (chart), "400", "tce");
  assert_description (chart, "400 tce; 电力 75.0 %; 天然气 25.0 %; 柴油 –");

  texture = show_and_render (chart, 420, 220, "chart-donut");
  green = ga_ui_test_count_color (texture, LIGHT_GREEN, 4);
  blue = ga_ui_test_count_color (texture, LIGHT_BLUE, 4);
  g_assert_cmpuint (blue, >, 100);
  /* 3:1 in area, minus antialiased edges and the legend squares. */
  g_assert_cmpfloat ((double) green / blue, >, 2.4);
  g_assert_cmpfloat ((double) green / blue, <, 3.6);
}

static void
test_trend (void)
{
  GtkWidget *chart = ga_trend_chart_new ();
  g_autoptr(GdkTexture) texture = NULL;
  const char *years[] = { "2021", "2022", "2023", "2024" };
  const double scores[] = { 62, 71, NAN, 84 };

  ga_trend_chart_set_categories (GA_TREND_CHART (chart), years, 4);
  ga_trend_chart_add_series (GA_TREND_CHART (chart), "总分", scores, 4);
  ga_trend_chart_set_target (GA_TREND_CHART (chart), 80, "目标");
  ga_trend_chart_set_unit (GA_TREND_CHART (chart), "分");
  g_assert_cmpuint (ga_trend_chart_get_n_series (GA_TREND_CHART (chart)), ==, 1);
  assert_description (chart, "总分: 2021 62 2022 71 2023 – 2024 84; target 80");

  texture = show_and_render (chart, 420, 220, "chart-trend");
  g_assert_cmpuint (ga_ui_test_count_colors (texture), >, 10);
  g_assert_cmpuint (ga_ui_test_count_color (texture, LIGHT_GREEN, 8), >, 60);
}

static void
test_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *chart = ga_bar_chart_new ();
  g_autoptr(GdkTexture) texture = NULL;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  ga_bar_chart_add_bar (GA_BAR_CHART (chart), "基础设施", 20, 20, GA_CHART_COLOR_GREEN);
  texture = show_and_render (chart, 400, 40, "chart-bar-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_cmpuint (ga_ui_test_count_color (texture, DARK_GREEN, 4), >, 500);
  g_assert_cmpuint (ga_ui_test_count_color (texture, LIGHT_GREEN, 4), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add_func ("/ga/ui/charts/radar", test_radar);
  g_test_add_func ("/ga/ui/charts/bar", test_bar);
  g_test_add_func ("/ga/ui/charts/donut", test_donut);
  g_test_add_func ("/ga/ui/charts/trend", test_trend);
  g_test_add_func ("/ga/ui/charts/dark", test_dark);

  return g_test_run ();
}
