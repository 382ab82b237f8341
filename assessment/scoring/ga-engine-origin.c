/* ga-engine-origin.c: which values rest on something unverified
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A result is flagged unverified when the item is "verified": false or when
 * what it is computed from used an unverified look-up row or item. Which
 * nodes can ever be flagged is fixed by the template; the others are
 * skipped during evaluation.
 */
#include "config.h"

#include <string.h>

#include "ga-engine-private.h"

/* Whether @c can ever read an unverified value: a FACTOR() of a table with
 * an unverified row, or a value that may itself be unverified. */
static gboolean
compiled_may_be_unverified (GaEngine         *engine,
                            const GaCompiled *c,
                            GHashTable       *unverified_tables)
{
  if (c->formula == NULL || c->constant)
    return FALSE;
  for (guint r = 0; r < c->n_refs; r++)
    if (c->bindings[r].node != G_MAXUINT && engine->may_be_unverified[c->bindings[r].node])
      return TRUE;
  for (guint i = 0; i < ga_formula_get_n_lookups (c->formula); i++)
    {
      const char *table, *column;
      guint at;
      ga_formula_get_lookup (c->formula, i, &table, &column, &at);
      if (g_hash_table_contains (unverified_tables, table))
        return TRUE;
    }
  return FALSE;
}

/* Fixed by the template, in dependency order: which nodes could ever be
 * flagged unverified, so that evaluation skips the others. */
void
ga_engine_compute_may_be_unverified (GaEngine *engine)
{
  GaTemplate *tmpl = engine->tmpl;
  g_autoptr(GHashTable) unverified_tables = g_hash_table_new (g_str_hash, g_str_equal);

  engine->may_be_unverified = g_new0 (guint8, MAX (tmpl->n_nodes, 1));
  for (guint t = 0; t < tmpl->tables->len; t++)
    {
      GaLookupTable *table = tmpl->tables->pdata[t];
      for (guint r = 0; r < table->rows->len; r++)
        if (!((GaTableRow *) table->rows->pdata[r])->verified && table->id != NULL)
          g_hash_table_add (unverified_tables, table->id);
    }
  for (guint k = 0; k < tmpl->n_nodes; k++)
    {
      guint node = tmpl->topo[k];
      const GaNode *n = &tmpl->nodes[node];
      gboolean may = FALSE;

      switch (n->kind)
        {
        case GA_NODE_ITEM:
          {
            GaItem *item = tmpl->items->pdata[n->index];
            GaItemState *st = &engine->istate[n->index];
            const GaCompiled *parts[] = { st->value, st->weight, st->rule };
            may = !item->verified;
            for (guint i = 0; !may && i < G_N_ELEMENTS (parts); i++)
              may = compiled_may_be_unverified (engine, parts[i], unverified_tables);
            for (guint c = 0; !may && item->kind == GA_ITEM_TABLE && c < item->columns->len; c++)
              may = engine->may_be_unverified[tmpl->column_node_base[n->index] + c];
          }
          break;
        case GA_NODE_COLUMN:
          may = compiled_may_be_unverified (engine, &engine->tables[n->index].columns[n->column],
                                            unverified_tables);
          break;
        case GA_NODE_OUTPUT:
          may = compiled_may_be_unverified (engine, &engine->output_formula[n->index],
                                            unverified_tables);
          break;
        case GA_NODE_SECTION:
          {
            GaSection *section = tmpl->sections->pdata[n->index];
            for (guint i = 0; !may && i < section->items->len; i++)
              may = ga_item_feeds_section (section->items->pdata[i])
                    && engine->may_be_unverified[((GaItem *) section->items->pdata[i])->index];
            for (guint c = 0; !may && c < section->sections->len; c++)
              may = engine->may_be_unverified[tmpl->sec_base
                                              + ((GaSection *) section->sections->pdata[c])->index];
          }
          break;
        default:
          break;
        }
      engine->may_be_unverified[node] = may;
    }
}

/* The first unverified origin among the values @c reads (not @self). */
static const GaOrigin *
compiled_origin (GaEngine         *engine,
                 const GaCompiled *c,
                 guint             self)
{
  if (c->formula == NULL || c->constant)
    return NULL;
  for (guint r = 0; r < c->n_refs; r++)
    {
      guint node = c->bindings[r].node;
      const GaOrigin *o;
      if (node == G_MAXUINT || node == self)
        continue;
      o = &engine->origin[node];
      if (o->table != NULL || o->item != NULL)
        return o;
    }
  return NULL;
}

static const GaOrigin *
node_value_origin (GaEngine *engine,
                   guint     node)
{
  GaTemplate *tmpl = engine->tmpl;
  const GaNode *n = &tmpl->nodes[node];
  const GaOrigin *o = NULL;

  switch (n->kind)
    {
    case GA_NODE_ITEM:
      {
        GaItem *item = tmpl->items->pdata[n->index];
        GaItemState *st = &engine->istate[n->index];
        /* The rule holds the benchmarks, thresholds and score formula. */
        const GaCompiled *parts[] = { st->value, st->weight, st->rule };
        for (guint i = 0; o == NULL && i < G_N_ELEMENTS (parts); i++)
          o = compiled_origin (engine, parts[i], node);
        for (guint c = 0; o == NULL && item->kind == GA_ITEM_TABLE && c < item->columns->len; c++)
          {
            const GaOrigin *co = &engine->origin[tmpl->column_node_base[n->index] + c];
            if (co->table != NULL || co->item != NULL)
              o = co;
          }
      }
      break;
    case GA_NODE_COLUMN:
      o = compiled_origin (engine, &engine->tables[n->index].columns[n->column], node);
      break;
    case GA_NODE_OUTPUT:
      o = compiled_origin (engine, &engine->output_formula[n->index], node);
      break;
    case GA_NODE_SECTION:
      {
        GaSection *section = tmpl->sections->pdata[n->index];
        for (guint i = 0; o == NULL && i < section->items->len; i++)
          {
            GaItem *item = section->items->pdata[i];
            const GaOrigin *io = &engine->origin[item->index];
            if (ga_item_feeds_section (item) && (io->table != NULL || io->item != NULL))
              o = io;
          }
        for (guint c = 0; o == NULL && c < section->sections->len; c++)
          {
            GaSection *child = section->sections->pdata[c];
            const GaOrigin *so = &engine->origin[tmpl->sec_base + child->index];
            if (so->table != NULL || so->item != NULL)
              o = so;
          }
      }
      break;
    default:
      /* Applicability decides whether a value counts, not what it is. */
      break;
    }
  return o;
}

/* The node's unverified origin: its own look-ups first, then the values it
 * is computed from (in the order of its formulas, so every evaluation picks
 * the same), then its own "verified": false. */
gboolean
ga_engine_update_origin (GaEngine *engine,
                         guint     node)
{
  GaTemplate *tmpl = engine->tmpl;
  const GaNode *n = &tmpl->nodes[node];
  GaOrigin o = engine->hit;
  GaOrigin *slot = &engine->origin[node];
  GaResult *r = NULL;
  gboolean changed;

  /* Most nodes can never use an unverified value: their origin stays empty
   * and their results are never flagged. */
  if (!engine->may_be_unverified[node])
    return FALSE;
  if (o.table == NULL)
    {
      const GaOrigin *from = node_value_origin (engine, node);
      if (from != NULL)
        o = *from;
    }
  if (o.table == NULL && o.item == NULL && n->kind == GA_NODE_ITEM
      && !((GaItem *) tmpl->items->pdata[n->index])->verified)
    o.item = tmpl->items->pdata[n->index];

  changed = slot->table != o.table || slot->row != o.row || slot->item != o.item;
  *slot = o;
  switch (n->kind)
    {
    case GA_NODE_ITEM: r = &engine->items[n->index]; break;
    case GA_NODE_SECTION: r = &engine->sections[n->index]; break;
    case GA_NODE_OUTPUT: r = &engine->outputs[n->index]; break;
    default: break;
    }
  if (r != NULL)
    r->unverified = o.table != NULL || o.item != NULL;
  return changed;
}
