/* ga-store-demo-programmes.c: hand-made demo answers for the energy-saving
 * diagnosis, the annual dynamic-management filing and the clean-production
 * audit
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plant is the demo's fictional machinery maker (ga-store-engine.c).
 * Its own figures (energy, balance, measures, output, emissions) are made
 * up to look ordinary and agree with its demo energy audit: the same
 * carriers and quantities. The measures' savings follow from the saved
 * quantities at the GB/T 2589 coefficients the template uses (electricity
 * 0.1229 kgce/kWh), their money at assumed prices of 0.7 yuan/kWh and
 * 3.8 yuan/m³ of gas. No standard's number is given here: the quota,
 * benchmark and grade thresholds stay open for the user, and the filing's
 * energy, CO2, water and waste figures are left to come from the same
 * year's energy audit.
 */
#include "config.h"

#include <string.h>

#include "ga-store-engine.h"

static const char diagnosis[] =
  "{\"diag_conclusion\": \"节能潜力主要在热处理炉、涂装烘干和压缩空气系统; 建议先实施投资回收期较短的照明和空压机改造, 同时补齐二级计量。\","
  " \"products\": \"主要产品为中小型减速机, 工艺为下料、机加工、热处理、涂装和装配。\","
  " \"output_qty\": 12000, \"output_unit\": \"台\","
  " \"energy\": [{\"carrier\": \"electricity\", \"qty\": 3600000, \"unit\": \"kWh\"},"
  "  {\"carrier\": \"gasfield_gas\", \"qty\": 450000, \"unit\": \"m³\"},"
  "  {\"carrier\": \"diesel\", \"qty\": 85, \"unit\": \"t\"}],"
  " \"grid_year\": \"2023\", \"grid_region\": \"east\","
  " \"balance\": [{\"b_name\": \"热处理炉\", \"b_in\": 310, \"b_use\": 171},"
  "  {\"b_name\": \"涂装烘干\", \"b_in\": 240, \"b_use\": 139},"
  "  {\"b_name\": \"空压站\", \"b_in\": 95, \"b_use\": 66},"
  "  {\"b_name\": \"机加工\", \"b_in\": 180, \"b_use\": 144}],"
  " \"equipment\": [{\"q_name\": \"1# 螺杆空压机 (110 kW)\", \"q_type\": \"compressor\", \"q_eff\": 71},"
  "  {\"q_name\": \"热处理炉循环风机\", \"q_type\": \"fan\", \"q_eff\": 64},"
  "  {\"q_name\": \"冷却水泵\", \"q_type\": \"pump\", \"q_eff\": 68}],"
  " \"M1\": \"yes\", \"M2\": \"partial\", \"M3\": \"partial\", \"M4\": \"yes\","
  " \"measures\": ["
  "  {\"m_name\": \"空压机变频改造及管网查漏\", \"m_invest\": 35, \"m_tce\": 22.1, \"m_money_own\": 12.6},"
  "  {\"m_name\": \"热处理炉燃烧器更换及炉体保温\", \"m_invest\": 60, \"m_tce\": 54.6, \"m_money_own\": 17.1},"
  "  {\"m_name\": \"车间照明LED改造\", \"m_invest\": 18, \"m_tce\": 14.7, \"m_price\": 5696},"
  "  {\"m_name\": \"涂装烘干余热回收\", \"m_invest\": 45, \"m_tce\": 36.4, \"m_money_own\": 11.4}]}";

static const char filing[] =
  "{\"list_level\": \"provincial\", \"deadline\": \"2026-04-15\", \"filed_on\": \"2026-03-28\","
  " \"output_qty\": 12000, \"output_unit\": \"台\", \"eff_level\": \"base\", \"green_power\": 6.5,"
  " \"pollutants\": [{\"p_name\": \"化学需氧量\", \"p_t\": 1.8}, {\"p_name\": \"氮氧化物\", \"p_t\": 0.9}],"
  " \"land_mu\": 120, \"plot_ratio\": 1.1, \"changed\": false,"
  " \"R_FILED\": true, \"R_MAJOR\": true, \"R_CREDIT\": true, \"R_TRUE\": true,"
  " \"bottom_y0\": false, \"bottom_y1\": false, \"bottom_y2\": false}";

/* The audit half done: screened (its electroplating line uses nickel and
 * chromium, so the audit is mandatory), prepared, the focus chosen and the
 * first options in the register; the stages after that still open. The
 * weights, scores, prices and quantities are made up to look ordinary. */
static const char cp_audit[] =
  "{\"M1\": false, \"M2\": false, \"M3\": true,"
  " \"P1\": \"yes\", \"P2\": \"yes\", \"P3\": \"yes\", \"P4\": \"partial\","
  " \"PA1\": \"yes\", \"PA2\": \"yes\", \"PA3\": \"yes\", \"PA4\": \"yes\","
  " \"crit1\": \"废物量\", \"w1\": 10, \"crit2\": \"环境代价\", \"w2\": 8,"
  " \"crit3\": \"清洁生产潜力\", \"w3\": 5, \"crit4\": \"实施难易\", \"w4\": 3,"
  " \"focus\": [{\"f_name\": \"电镀车间\", \"f_s1\": 9, \"f_s2\": 9, \"f_s3\": 8, \"f_s4\": 6},"
  "  {\"f_name\": \"涂装线\", \"f_s1\": 6, \"f_s2\": 7, \"f_s3\": 6, \"f_s4\": 7},"
  "  {\"f_name\": \"热处理\", \"f_s1\": 4, \"f_s2\": 5, \"f_s3\": 5, \"f_s4\": 5}],"
  " \"targets\": [{\"t_name\": \"单位产品新鲜水用量\", \"t_unit\": \"t/m²\", \"t_base\": 0.42,"
  "  \"t_near\": 0.38, \"t_long\": 0.32},"
  "  {\"t_name\": \"镍利用率\", \"t_unit\": \"%\", \"t_base\": 82, \"t_near\": 85, \"t_long\": 88}],"
  " \"options\": ["
  "  {\"o_id\": \"F1\", \"o_name\": \"镀槽加盖并规范挂具沥干时间\", \"o_aspect\": \"control\","
  "   \"o_cost\": \"none\", \"o_status\": \"done\", \"o_invest\": 0, \"o_benefit\": 2.4},"
  "  {\"o_id\": \"F2\", \"o_name\": \"漂洗水改三级逆流漂洗\", \"o_aspect\": \"process\","
  "   \"o_cost\": \"low\", \"o_status\": \"done\", \"o_invest\": 6, \"o_benefit\": 4.5},"
  "  {\"o_id\": \"F3\", \"o_name\": \"镀镍漂洗水离子交换回收\", \"o_aspect\": \"equipment\","
  "   \"o_cost\": \"high\", \"o_status\": \"planned\", \"o_invest\": 120, \"o_benefit\": 38,"
  "   \"o_life\": 8, \"o_tax\": 25, \"o_rate\": 8}]}";

const char *
ga_store_demo_answers_for (const char *template_id)
{
  if (g_strcmp0 (template_id, "energy-diagnosis-miit") == 0)
    return diagnosis;
  if (g_strcmp0 (template_id, "annual-filing-green-factory") == 0)
    return filing;
  if (g_strcmp0 (template_id, "cp-audit-hj469") == 0)
    return cp_audit;
  return NULL;
}
