/* ga-enterprise-dialog.h: add or edit an enterprise, with inline validation
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_ENTERPRISE_DIALOG (ga_enterprise_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaEnterpriseDialog, ga_enterprise_dialog, GA, ENTERPRISE_DIALOG, AdwWindow)

/* @enterprise NULL: a new enterprise; otherwise its fields are edited. The
 * ::saved signal (gint64 id) is emitted after a successful save, then the
 * dialog closes. */
GaEnterpriseDialog *ga_enterprise_dialog_new (GtkWindow          *parent,
                                              GaStore            *store,
                                              const GaEnterprise *enterprise);

/* Inline validation of a typed 统一社会信用代码: NULL when valid, otherwise
 * a translated sentence saying what is wrong. Empty text gives a message
 * too (the code is required). */
char               *ga_enterprise_dialog_check_credit_code (const char *text);

G_END_DECLS
