/* ga-narrative-page.h: the user's text of the report's parts
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of the self-evaluation report's outline (工厂基本情况, each
 * dimension of 绿色工厂创建情况 …), each with a text editor. Typing is
 * saved through the session after a short pause (and when the editor loses
 * the focus), one history row per save, so the workspace's undo takes it
 * back like an answer.
 */
#pragma once

#include <adwaita.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_NARRATIVE_PAGE (ga_narrative_page_get_type ())

G_DECLARE_FINAL_TYPE (GaNarrativePage, ga_narrative_page, GA, NARRATIVE_PAGE, AdwBin)

void        ga_narrative_page_set_session (GaNarrativePage *self,
                                           GaSession       *session);
/* Saves the text still waiting for its pause, so that an undo or a change
 * of assessment sees it. */
void        ga_narrative_page_flush       (GaNarrativePage *self);
/* Scrolls to the editor of @part and gives it the focus. */
void        ga_narrative_page_show_part   (GaNarrativePage *self,
                                           const char      *part);
/* The text view of @part, for the tests; NULL when there is none. */
GtkTextView *ga_narrative_page_get_editor (GaNarrativePage *self,
                                           const char      *part);

G_END_DECLS
