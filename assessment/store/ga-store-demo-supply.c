/* ga-store-demo-supply.c: the demo answers of the green supply chain
 * templates
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo machinery maker (ga_store_create_demo) as a supply chain
 * enterprise, partly evaluated: the basic requirements met, about two
 * thirds of the indicators given points, six suppliers in the register
 * and the packaging recovery worked out. Suppliers, certificates and
 * figures are made up (every name says 示例); the points are what an
 * assessor might give, not values of the requirements.
 */
#include "config.h"

#include <string.h>

#include "ga-store-private.h"

static const char demo_answers[] =
  "{\"BR1\": \"yes\", \"BR2\": \"yes\", \"BR3\": \"yes\", \"BR4\": \"yes\","
  " \"X11\": 6, \"X12\": 4, \"X13\": 6,"
  " \"X21\": 3, \"X22\": 2, \"X23\": 2, \"X25\": 2, \"X26\": 3,"
  " \"suppliers\": ["
  "  {\"sup_name\": \"示例·福州精密铸造有限公司\", \"sup_cat\": \"parts\", \"sup_green\": \"factory\","
  "   \"sup_evidence\": \"国家级绿色工厂名单 (示例)\", \"sup_amount\": 1260, \"sup_risk\": \"low\","
  "   \"sup_audited\": \"yes\"},"
  "  {\"sup_name\": \"示例·闽东钢材贸易有限公司\", \"sup_cat\": \"material\", \"sup_green\": \"iso14001\","
  "   \"sup_evidence\": \"ISO 14001 证书 示例-0001\", \"sup_amount\": 2480, \"sup_risk\": \"low\","
  "   \"sup_audited\": \"yes\"},"
  "  {\"sup_name\": \"示例·莆田轴承有限公司\", \"sup_cat\": \"parts\", \"sup_green\": \"none\","
  "   \"sup_amount\": 830, \"sup_risk\": \"medium\", \"sup_audited\": \"yes\"},"
  "  {\"sup_name\": \"示例·泉州包装材料有限公司\", \"sup_cat\": \"packaging\", \"sup_green\": \"other\","
  "   \"sup_evidence\": \"环境标志产品认证 示例-0002\", \"sup_amount\": 310, \"sup_risk\": \"low\","
  "   \"sup_audited\": \"no\"},"
  "  {\"sup_name\": \"示例·海峡物流有限公司\", \"sup_cat\": \"logistics\", \"sup_green\": \"gscm\","
  "   \"sup_evidence\": \"省级绿色供应链管理企业名单 (示例)\", \"sup_amount\": 450,"
  "   \"sup_risk\": \"low\", \"sup_audited\": \"yes\"},"
  "  {\"sup_name\": \"示例·三明热处理有限公司\", \"sup_cat\": \"service\", \"sup_green\": \"none\","
  "   \"sup_amount\": 190, \"sup_risk\": \"high\", \"sup_audited\": \"no\"}],"
  " \"X31\": 8,"
  " \"X42\": 3, \"X42_num\": 180, \"X42_den\": 240, \"X42_basis\": \"吨 (木托盘、纸箱)\","
  " \"X43\": 3, \"X51\": 5, \"X61\": 2.5, \"X64\": 0}";

/* The demo answers of the bundled supply chain template @template_id, as
 * an answers file writes them, or NULL for any other template. */
const char *
ga_store_demo_supply_chain (const char *template_id)
{
  return template_id != NULL && g_str_has_prefix (template_id, "gscm-miit-") ? demo_answers : NULL;
}
