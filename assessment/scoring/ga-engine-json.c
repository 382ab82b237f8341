/* ga-engine-json.c: machine-readable results (the CLI's --json and tools)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is documented in docs/template-format.md ("Results JSON").
 * Numbers that do not exist (a score of an unscored item, NaN inside) are
 * written as null, never as 0. Numbers are the exact doubles the engine
 * computed (what Excel computes too); displays round them (see
 * ga_engine_format_value()).
 */
#include "config.h"

#include <math.h>

#include "ga-engine-private.h"

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       v)
{
  json_builder_set_member_name (b, name);
  if (isnan (v) || !isfinite (v))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, v);
}

static void
add_level (JsonBuilder *b,
           const char  *name,
           int          level)
{
  json_builder_set_member_name (b, name);
  if (level < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, level);
}

static void
add_value (JsonBuilder   *b,
           const char    *name,
           const GaValue *v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_value (b, ga_value_to_json (v));
}

static void
add_trace (JsonBuilder *b,
           GaEngine    *engine,
           const char  *id)
{
  g_autofree char *trace = ga_engine_explain (engine, id);

  json_builder_set_member_name (b, "trace");
  if (trace != NULL)
    json_builder_add_string_value (b, trace);
  else
    json_builder_add_null_value (b);
}

static void
add_result (JsonBuilder    *b,
            const GaResult *r)
{
  add_value (b, "value", &r->value);
  add_number (b, "score", r->score);
  add_number (b, "max", r->max);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, ga_status_to_string (r->status));
  json_builder_set_member_name (b, "verified");
  json_builder_add_boolean_value (b, !r->unverified);
}

static void
add_rows (JsonBuilder *b,
          GaEngine    *engine,
          GaItem      *item)
{
  guint n = ga_engine_get_n_rows (engine, item);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < n; r++)
    {
      json_builder_begin_object (b);
      for (guint c = 0; c < item->columns->len; c++)
        {
          GaColumn *column = item->columns->pdata[c];
          const GaValue *cell = ga_engine_get_cell (engine, item, r, c);
          add_value (b, column->id, cell != NULL ? cell : &(GaValue) GA_VALUE_INIT);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_template (JsonBuilder *b,
        GaEngine    *engine)
{
  GaTemplate *tmpl = engine->tmpl;

  json_builder_set_member_name (b, "template");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, tmpl->id);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, tmpl->version);
  json_builder_set_member_name (b, "content_hash");
  json_builder_add_string_value (b, ga_template_get_content_hash (tmpl));
  json_builder_set_member_name (b, "scheme");
  json_builder_add_string_value (b, tmpl->scheme == GA_SCHEME_POINTS ? "points"
                                    : tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION
                                    ? "clean-production" : "none");
  json_builder_end_object (b);
}

static void
add_summary (JsonBuilder *b,
        GaEngine    *engine)
{
  GaTemplate *tmpl = engine->tmpl;
  const GaSummary *s = &engine->summary;

  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  add_number (b, "score", s->score);
  add_number (b, "max", s->max);
  add_number (b, "bonus", s->bonus);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, ga_status_to_string (s->status));
  json_builder_set_member_name (b, "veto");
  json_builder_add_string_value (b, ga_veto_status_to_string (s->veto));
  json_builder_set_member_name (b, "veto_failures");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->veto_failures->len; i++)
    json_builder_add_string_value (b, ((GaItem *) s->veto_failures->pdata[i])->id);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "grade");
  if (s->grade != NULL)
    json_builder_add_string_value (b, s->grade->id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "passed");
  json_builder_add_boolean_value (b, s->passed);
  json_builder_set_member_name (b, "index");
  if (tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
    {
      json_builder_begin_object (b);
      add_number (b, "I", s->index[0]);
      add_number (b, "II", s->index[1]);
      add_number (b, "III", s->index[2]);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  add_level (b, "level", s->level);
  json_builder_set_member_name (b, "answered");
  json_builder_add_int_value (b, s->answered);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, s->total);
  {
    /* The overall result uses every root section. */
    gboolean verified = TRUE;
    for (guint i = 0; i < tmpl->root_sections->len; i++)
      verified &= !ga_engine_get_section_result (engine, tmpl->root_sections->pdata[i])->unverified;
    json_builder_set_member_name (b, "verified");
    json_builder_add_boolean_value (b, verified);
  }
  {
    g_autofree char *trace = ga_engine_explain_summary (engine);
    json_builder_set_member_name (b, "trace");
    json_builder_add_string_value (b, trace);
  }
  json_builder_end_object (b);
}

static void
add_sections (JsonBuilder *b,
        GaEngine    *engine)
{
  GaTemplate *tmpl = engine->tmpl;

  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < tmpl->sections->len; i++)
    {
      GaSection *section = tmpl->sections->pdata[i];
      const GaResult *r = &engine->sections[i];
      const GaSectionState *ss = &engine->sstate[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, section->id);
      json_builder_set_member_name (b, "parent");
      if (section->parent != NULL)
        json_builder_add_string_value (b, section->parent->id);
      else
        json_builder_add_null_value (b);
      add_result (b, r);
      add_number (b, "weight", r->weight);
      if (ss->indicators != NULL)
        {
          json_builder_set_member_name (b, "index");
          json_builder_begin_object (b);
          add_number (b, "I", ss->index[0]);
          add_number (b, "II", ss->index[1]);
          add_number (b, "III", ss->index[2]);
          json_builder_end_object (b);
        }
      json_builder_set_member_name (b, "answered");
      json_builder_add_int_value (b, r->answered);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, r->total);
      add_trace (b, engine, section->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_items (JsonBuilder *b,
        GaEngine    *engine)
{
  GaTemplate *tmpl = engine->tmpl;

  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      const GaResult *r = &engine->items[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, item->id);
      json_builder_set_member_name (b, "section");
      json_builder_add_string_value (b, item->section->id);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, ga_item_kind_to_string (item->kind));
      add_result (b, r);
      add_level (b, "level", r->level);
      add_number (b, "weight", r->weight);
      json_builder_set_member_name (b, "veto_failed");
      json_builder_add_boolean_value (b, r->veto_failed);
      json_builder_set_member_name (b, "noncompliant");
      json_builder_add_boolean_value (b, r->noncompliant);
      json_builder_set_member_name (b, "answered");
      json_builder_add_boolean_value (b, r->answered > 0);
      if (item->kind == GA_ITEM_TABLE)
        add_rows (b, engine, item);
      add_trace (b, engine, item->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_outputs (JsonBuilder *b,
        GaEngine    *engine)
{
  GaTemplate *tmpl = engine->tmpl;

  json_builder_set_member_name (b, "outputs");
  json_builder_begin_array (b);
  for (guint o = 0; o < tmpl->outputs->len; o++)
    {
      GaOutput *output = tmpl->outputs->pdata[o];
      const GaResult *r = &engine->outputs[o];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, output->id);
      add_value (b, "value", &r->value);
      json_builder_set_member_name (b, "unit");
      if (output->unit != NULL)
        json_builder_add_string_value (b, output->unit);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, ga_status_to_string (r->status));
      json_builder_set_member_name (b, "verified");
      json_builder_add_boolean_value (b, !r->unverified);
      add_trace (b, engine, output->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
ga_engine_results_to_json (GaEngine *engine)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (engine != NULL, NULL);
  json_builder_begin_object (b);
  add_template (b, engine);
  add_summary (b, engine);
  add_sections (b, engine);
  add_items (b, engine);
  add_outputs (b, engine);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
