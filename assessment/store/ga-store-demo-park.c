/* ga-store-demo-park.c: the demo green industrial park, with the demo
 * factory as its member and a partly answered park assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made-up figures for trying the application, like the demo factory's:
 * the entry conditions and the evaluation year (第3年) are answered, years
 * 1 and 2 are left for the user. The key-firm counts are not answered: they
 * come from the member (the demo factory, whose clean-production
 * assessment of 2025 counts as audited).
 */
#include "config.h"

#include "ga-store-private.h"
#include "ga-store-engine.h"

#define DEMO_PARK_CREDIT_CODE "91350105MA8TDEM2PU"
#define DEMO_PARK_TEMPLATE "green-park-miit2016"

static const char *const demo_park_answers[][2] = {
  { "TVA", "21000" }, { "BR2", "provincial" }, { "BR4", "3" },
  { "BR5", "yes" }, { "BR6", "yes" }, { "BR7", "yes" }, { "BR8", "yes" }, { "BR9", "yes" },
  { "BR10", "yes" }, { "BR11", "yes" }, { "BR12", "no" },
  { "VA_2", "16000" }, { "VA_3", "18000" }, { "EN_3", "7200" }, { "FW_3", "1500000" },
  { "LAND_3", "1.6" }, { "SWG_3", "42000" }, { "SWU_3", "38500" }, { "WW_3", "720000" },
  { "CO2_2", "30400" }, { "CO2_3", "32400" }, { "POL_2", "510" }, { "POL_3", "505" },
  { "EG2_3", "9.5" }, { "EG3_3", "68" }, { "RG7_3", "88" }, { "IG12_3", "yes" },
  { "CG17_3", "24" }, { "CG18_3", "18" }, { "PG21_3", "99" }, { "PG25_3", "83" },
  { "MG29_3", "yes" }, { "MG30_3", "yes" }, { "MG31_3", "no" }, { "A25_MG", "no" },
};

gboolean
ga_store_create_demo_park (GaStore  *store,
                           gint64    member_id,
                           GError  **error)
{
  g_autoptr(GaEnterprise) existing = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  gint64 park_id, id;

  existing = ga_store_find_enterprise (store, DEMO_PARK_CREDIT_CODE, error);
  if (existing != NULL)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  tmpl = ga_template_new_from_resource (DEMO_PARK_TEMPLATE, error);
  if (tmpl == NULL)
    return FALSE;

  e = ga_enterprise_new ();
  e->kind = GA_ENTERPRISE_PARK;
  e->name = g_strdup ("示例园区·闽江绿色工业园区管理委员会");
  e->credit_code = g_strdup (DEMO_PARK_CREDIT_CODE);
  e->region = g_strdup ("350000");
  e->address = g_strdup ("福建省福州市（示例地址）");
  e->legal_representative = g_strdup ("示例");
  e->contact_name = g_strdup ("示例联系人");
  e->contact_phone = g_strdup ("0591-00000002");
  e->contact_email = g_strdup ("park@example.cn");
  e->value_added = 18000;                   /* 万元, industrial value added */
  e->contact_department = g_strdup ("绿色发展办公室");
  e->profile = g_strdup ("示例园区，用于演示：省级工业园区，以通用设备制造为主导产业。");
  e->demo = TRUE;
  park_id = ga_store_add_enterprise (store, e, error);
  if (park_id == 0 || !ga_store_add_park_member (store, park_id, member_id, error))
    return FALSE;

  id = ga_store_new_assessment (store, park_id, tmpl, NULL, 2025, "2025", error);
  if (id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_park_answers); i++)
    if (!ga_store_set_answer_text (store, id, demo_park_answers[i][0], demo_park_answers[i][1],
                                   error))
      return FALSE;
  return TRUE;
}
