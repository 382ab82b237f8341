/* ga-history-view.h: every change of an assessment: who, when, old, new
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_HISTORY_VIEW (ga_history_view_get_type ())

G_DECLARE_FINAL_TYPE (GaHistoryView, ga_history_view, GA, HISTORY_VIEW, GtkWidget)

void   ga_history_view_set_session (GaHistoryView *self,
                                    GaSession     *session);
/* Reads the history from the store again (newest first). */
void   ga_history_view_reload      (GaHistoryView *self);
guint  ga_history_view_get_n_rows  (GaHistoryView *self);

/* An answer's JSON text as people read it: "Compliant", "12.5 t",
 * "N/A: no boiler", "3 rows" ...; "–" for no answer. */
char  *ga_history_describe_answer  (const char    *json,
                                    const GaItem  *item);

G_END_DECLS
