/* ga-sidebar-item.h: one row of the enterprise sidebar
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar is a tree: enterprises, and under each its assessments by
 * year and kind. Both kinds of row are this one small object so that a
 * GtkTreeListModel can hold them.
 */
#pragma once

#include <gio/gio.h>

#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_SIDEBAR_ITEM (ga_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (GaSidebarItem, ga_sidebar_item, GA, SIDEBAR_ITEM, GObject)

/* Takes a copy of @summary's enterprise; the children are filled from
 * @assessments (GaAssessment*, may be NULL). */
GaSidebarItem *ga_sidebar_item_new_enterprise   (const GaEnterprise *enterprise,
                                                 GPtrArray          *assessments);
GaSidebarItem *ga_sidebar_item_new_assessment   (const GaAssessment *assessment);

gboolean            ga_sidebar_item_is_enterprise   (GaSidebarItem *self);
/* Borrowed; NULL for the other kind of row. */
const GaEnterprise *ga_sidebar_item_get_enterprise  (GaSidebarItem *self);
const GaAssessment *ga_sidebar_item_get_assessment  (GaSidebarItem *self);
gint64              ga_sidebar_item_get_id          (GaSidebarItem *self);
/* The row's text: the enterprise name, or "2025 · Green factory". */
const char         *ga_sidebar_item_get_title       (GaSidebarItem *self);
const char         *ga_sidebar_item_get_subtitle    (GaSidebarItem *self);
/* Assessments of an enterprise row (GaSidebarItem), else NULL. */
GListModel         *ga_sidebar_item_get_children    (GaSidebarItem *self);
/* Case-insensitive match of @needle against the name, credit code,
 * industry, region and the assessments' titles. */
gboolean            ga_sidebar_item_matches         (GaSidebarItem *self,
                                                     const char    *needle);

/* "Green factory", "Clean production", "Energy audit" ... (translated). */
const char         *ga_assessment_kind_label        (const char    *kind);

G_END_DECLS
