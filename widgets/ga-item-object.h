/* ga-item-object.h: a template item in a GListModel
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ga-template.h"

G_BEGIN_DECLS

#define GA_TYPE_ITEM_OBJECT (ga_item_object_get_type ())

G_DECLARE_FINAL_TYPE (GaItemObject, ga_item_object, GA, ITEM_OBJECT, GObject)

/* @item is borrowed: the template must outlive the object (the workspace
 * holds the session, which holds the template). */
GaItemObject *ga_item_object_new      (GaItem       *item);
GaItem       *ga_item_object_get_item (GaItemObject *self);

G_END_DECLS
