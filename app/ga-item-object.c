/* ga-item-object.c: a template item in a GListModel
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ga-item-object.h"

struct _GaItemObject
{
  GObject  parent_instance;

  GaItem  *item;
};

G_DEFINE_FINAL_TYPE (GaItemObject, ga_item_object, G_TYPE_OBJECT)

static void
ga_item_object_class_init (GaItemObjectClass *klass)
{
}

static void
ga_item_object_init (GaItemObject *self)
{
}

GaItemObject *
ga_item_object_new (GaItem *item)
{
  GaItemObject *self = g_object_new (GA_TYPE_ITEM_OBJECT, NULL);

  self->item = item;
  return self;
}

GaItem *
ga_item_object_get_item (GaItemObject *self)
{
  g_return_val_if_fail (GA_IS_ITEM_OBJECT (self), NULL);

  return self->item;
}
