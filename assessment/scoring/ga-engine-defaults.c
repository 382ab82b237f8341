/* ga-engine-defaults.c: values items take while they have no answer
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ga-engine-private.h"

gboolean
ga_engine_set_default (GaEngine        *engine,
                       const char      *item_id,
                       const GaAnswer  *answer,
                       GError         **error)
{
  GaItem *item;
  const GaAnswer *previous;

  g_return_val_if_fail (engine != NULL && item_id != NULL, FALSE);
  item = ga_template_find_item (engine->tmpl, item_id);
  if (item == NULL || !ga_engine_item_is_answerable (item))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_UNKNOWN_ITEM,
                   "'%s' is not an item of template '%s' that takes an answer", item_id,
                   engine->tmpl->id);
      return FALSE;
    }
  if (ga_answer_is_empty (answer))
    answer = NULL;
  if (answer != NULL && !ga_answer_check (answer, item, error))
    return FALSE;

  previous = engine->defaults != NULL ? ga_answer_set_get (engine->defaults, item->id) : NULL;
  if ((previous == NULL) == (answer == NULL) && ga_answer_equal (previous, answer))
    return TRUE;
  if (engine->defaults == NULL)
    engine->defaults = ga_answer_set_new ();
  ga_answer_set_take (engine->defaults, item->id, answer != NULL ? ga_answer_copy (answer) : NULL);
  /* Only an item without an answer sees the change. */
  if (ga_answer_is_empty (ga_answer_set_get (engine->answers, item->id)))
    ga_engine_rebind (engine, item);
  return TRUE;
}

const GaAnswer *
ga_engine_get_default (GaEngine     *engine,
                       const GaItem *item)
{
  g_return_val_if_fail (engine != NULL && item != NULL, NULL);
  return engine->defaults != NULL ? ga_answer_set_get (engine->defaults, item->id) : NULL;
}

gboolean
ga_engine_uses_default (GaEngine     *engine,
                        const GaItem *item)
{
  const GaAnswer *bound;

  g_return_val_if_fail (engine != NULL && item != NULL, FALSE);
  bound = engine->answer_of[item->index];
  return bound != NULL && bound == ga_engine_get_default (engine, item);
}

void
ga_engine_copy_defaults (GaEngine *dest,
                         GaEngine *src)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (dest != NULL && src != NULL);
  if (src->defaults == NULL)
    return;
  ids = ga_answer_set_get_ids (src->defaults);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      GaItem *item = ga_template_find_item (dest->tmpl, id);

      if (item != NULL)
        ga_engine_set_default (dest, id, ga_answer_set_get (src->defaults, id), NULL);
    }
}
