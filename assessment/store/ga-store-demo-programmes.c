/* ga-store-demo-programmes.c: hand-made demo answers for the energy-saving
 * diagnosis and the annual dynamic-management filing
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

const char *
ga_store_demo_answers_for (const char *template_id)
{
  if (g_strcmp0 (template_id, "energy-diagnosis-miit") == 0)
    return diagnosis;
  if (g_strcmp0 (template_id, "annual-filing-green-factory") == 0)
    return filing;
  return NULL;
}
