/* ga-new-assessment-dialog.h: start an assessment from a template
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_NEW_ASSESSMENT_DIALOG (ga_new_assessment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GaNewAssessmentDialog, ga_new_assessment_dialog, GA, NEW_ASSESSMENT_DIALOG,
                      AdwWindow)

/* Offers the bundled and the imported templates, and, when the enterprise
 * has an earlier assessment of the chosen kind, to start from it (on by
 * default; its evidence links optionally). The year defaults to the last
 * full year, or to the year after the latest assessment of the kind.
 * ::created (gint64 id) is emitted after the assessment was created, then
 * the dialog closes (answers that were not carried over are listed in a
 * message over @parent). */
GaNewAssessmentDialog *ga_new_assessment_dialog_new (GtkWindow *parent,
                                                     GaStore   *store,
                                                     gint64     enterprise_id,
                                                     GSettings *settings);

G_END_DECLS
