/* ga-store-demo-water.c: the demo factory's water-saving self-evaluation
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ga-store-private.h"

/* A machinery works partly through its water-saving self-evaluation: the
 * water balance of its test report (made-up figures, the same intake of
 * 85 000 m³ and reuse of 260 000 m³ as its energy audit), the basic
 * requirements met, most management items answered. The industry (34) has
 * no required values in the bundled reference table, so the thresholds
 * wait for the user, except the direct cooling rate: the works has no
 * direct cooling water. */
static const char water_set[] =
  "{\"B1\": \"yes\", \"B2\": \"yes\", \"B3\": \"yes\", \"B4\": \"yes\", \"B5\": \"yes\","
  " \"B6\": \"yes\", \"B7\": \"yes\", \"B8\": \"yes\", \"B9\": \"yes\", \"B10\": \"yes\","
  " \"B11\": \"yes\","
  " \"M1\": \"yes\", \"M2\": \"yes\", \"M3\": \"yes\", \"M4\": \"yes\","
  " \"M5\": {\"value\": \"partial\", \"note\": \"上次水平衡测试为2021年, 今年安排复测\"},"
  " \"M6\": \"yes\","
  " \"output_qty\": 12000, \"output_unit\": \"台\","
  " \"wb\": ["
  "  {\"flow\": \"in_tap\", \"flow_name\": \"市政自来水\", \"qty\": 70000},"
  "  {\"flow\": \"in_ground\", \"flow_name\": \"厂区自备井\", \"qty\": 15000},"
  "  {\"flow\": \"use_process\", \"flow_name\": \"机加工切削液配制、清洗\", \"qty\": 52000},"
  "  {\"flow\": \"use_process\", \"flow_name\": \"涂装前处理\", \"qty\": 12000},"
  "  {\"flow\": \"use_mk_ind\", \"flow_name\": \"空压站、热处理冷却塔补水\", \"qty\": 6000},"
  "  {\"flow\": \"use_domestic\", \"flow_name\": \"办公、食堂、宿舍\", \"qty\": 13000},"
  "  {\"flow\": \"r_cool_ind\", \"flow_name\": \"间接冷却循环水\", \"qty\": 240000},"
  "  {\"flow\": \"r_wastewater\", \"flow_name\": \"涂装废水处理回用\", \"qty\": 20000},"
  "  {\"flow\": \"loss\", \"flow_name\": \"管网漏失 (水平衡测试)\", \"qty\": 2000},"
  "  {\"flow\": \"discharge\", \"flow_name\": \"污水处理站排口\", \"qty\": 60000}],"
  " \"W_cdir_min\": {\"na\": \"无直接冷却水\"},"
  " \"L_industry\": \"other\", \"L2\": \"yes\", \"L3\": \"yes\", \"L5\": \"yes\","
  " \"L_award_date\": {\"na\": \"未获评\"}}";

const char *
ga_store_demo_water (GaTemplate *tmpl)
{
  if (tmpl == NULL || ga_template_get_kind (tmpl) != GA_TEMPLATE_KIND_WATER_SAVING
      || !g_str_has_prefix (ga_template_get_id (tmpl), "water-saving-gbt7119"))
    return NULL;
  return water_set;
}
