/* fuzz-template.c: libFuzzer target for the template loader and the engine
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads arbitrary bytes as a template. Whatever loads is compiled into an
 * engine, evaluated without answers, explained and written as JSON. The
 * only acceptable outcomes are a GError or a template that evaluates.
 */

#include "config.h"

#include <stdint.h>

#include "ga-engine.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(JsonNode) results = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *items;

  tmpl = ga_template_new_from_data ((const char *) data, (gssize) size, "fuzz", &error);
  if (tmpl == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  engine = ga_engine_new (tmpl);
  summary = ga_engine_explain_summary (engine);
  results = ga_engine_results_to_json (engine);
  items = ga_template_get_items (tmpl);
  /* Answer N/A everywhere it is allowed, then clear again: exercises the
   * incremental path on whatever structure the input has. */
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      g_autoptr(GaAnswer) answer = NULL;
      if (item->kind == GA_ITEM_COMPUTED || !item->na_allowed)
        continue;
      answer = ga_answer_new ();
      answer->not_applicable = TRUE;
      ga_engine_set_answer (engine, item->id, answer, NULL);
      ga_engine_set_answer (engine, item->id, NULL, NULL);
    }
  return 0;
}
