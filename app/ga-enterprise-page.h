/* ga-enterprise-page.h: one enterprise: its assessments, trend and details
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_ENTERPRISE_PAGE (ga_enterprise_page_get_type ())

G_DECLARE_FINAL_TYPE (GaEnterprisePage, ga_enterprise_page, GA, ENTERPRISE_PAGE, AdwBin)

/* Shows @enterprise_id from @store. Emits ::open-assessment (gint64) when
 * an assessment row is activated, ::assessments-changed after a batch
 * export or anything else that changes the list. */
void     ga_enterprise_page_set_enterprise (GaEnterprisePage *self,
                                            GaStore          *store,
                                            gint64            enterprise_id);
gint64   ga_enterprise_page_get_enterprise_id (GaEnterprisePage *self);

G_END_DECLS
