/* ga-section-row.h: one section of the checklist with its progress
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ga-template.h"

G_BEGIN_DECLS

#define GA_TYPE_SECTION_ROW (ga_section_row_get_type ())

G_DECLARE_FINAL_TYPE (GaSectionRow, ga_section_row, GA, SECTION_ROW, GtkListBoxRow)

/* @section NULL is the row of all items; @section is borrowed (the
 * template outlives the row). */
GtkWidget *ga_section_row_new         (GaSection    *section,
                                       const char   *title);
GaSection *ga_section_row_get_section (GaSectionRow *self);
/* Shows "answered/total", the bar and the number of non-compliant items
 * (hidden when 0), and says the same to screen readers. */
void       ga_section_row_set_counts  (GaSectionRow *self,
                                       guint         answered,
                                       guint         total,
                                       guint         noncompliant);

G_END_DECLS
