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

enum {
  PROP_0,
  PROP_ITEM,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GaItemObject, ga_item_object, G_TYPE_OBJECT)

static void
ga_item_object_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GaItemObject *self = GA_ITEM_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_pointer (value, self->item);
      break;
    case PROP_ID:
      g_value_set_string (value, self->item != NULL ? self->item->id : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_item_object_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GaItemObject *self = GA_ITEM_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_get_pointer (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_item_object_class_init (GaItemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ga_item_object_get_property;
  object_class->set_property = ga_item_object_set_property;

  /**
   * GaItemObject:item:
   *
   * The template item (a borrowed GaItem*), set once.
   */
  properties[PROP_ITEM] =
    g_param_spec_pointer ("item", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                          | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * GaItemObject:id:
   *
   * The item's id in its template, for expressions and sorters.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ga_item_object_init (GaItemObject *self)
{
}

GaItemObject *
ga_item_object_new (GaItem *item)
{
  return g_object_new (GA_TYPE_ITEM_OBJECT, "item", item, NULL);
}

GaItem *
ga_item_object_get_item (GaItemObject *self)
{
  g_return_val_if_fail (GA_IS_ITEM_OBJECT (self), NULL);

  return self->item;
}
