/* ga-template-validate.c: whole-template checks and the dependency graph
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs after the structure has been read: resolves every reference of
 * every formula, builds the dependency graph the engine evaluates, names
 * the cycles, checks static types and lookups, and checks that points and
 * weights add up to what the template states.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-template-private.h"

#define SUM_TOLERANCE 1e-6

typedef struct {
  guint node;
  guint dep;
} Edge;

static guint
section_applicable_node (GaTemplate *tmpl,
                         guint       section)
{
  return tmpl->sa_base + section;
}

static guint
section_node (GaTemplate *tmpl,
              guint       section)
{
  return tmpl->sec_base + section;
}

static guint
site_node (GaTemplate          *tmpl,
           const GaFormulaSite *site)
{
  switch (site->owner_kind)
    {
    case GA_NODE_ITEM:
      return site->owner_index;
    case GA_NODE_SECTION_APPLICABLE:
      return tmpl->sa_base + site->owner_index;
    case GA_NODE_SECTION:
      return tmpl->sec_base + site->owner_index;
    case GA_NODE_OUTPUT:
      return tmpl->out_base + site->owner_index;
    case GA_NODE_COLUMN:
      return tmpl->column_node_base[site->owner_index] + site->owner_column;
    default:
      g_assert_not_reached ();
    }
}

static void
number_nodes (GaTemplate *tmpl)
{
  guint n_items = tmpl->items->len;
  guint n_sections = tmpl->sections->len;
  guint n_columns = 0;
  guint next;

  tmpl->column_node_base = g_new (guint, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      n_columns += item->kind == GA_ITEM_TABLE && item->columns != NULL ? item->columns->len : 0;
    }
  tmpl->sa_base = n_items;
  tmpl->sec_base = tmpl->sa_base + n_sections;
  tmpl->out_base = tmpl->sec_base + n_sections;
  tmpl->col_base = tmpl->out_base + tmpl->outputs->len;
  tmpl->n_nodes = tmpl->col_base + n_columns;
  tmpl->nodes = g_new0 (GaNode, MAX (tmpl->n_nodes, 1));

  for (guint i = 0; i < n_items; i++)
    tmpl->nodes[i] = (GaNode) { GA_NODE_ITEM, i, 0 };
  for (guint s = 0; s < n_sections; s++)
    {
      tmpl->nodes[tmpl->sa_base + s] = (GaNode) { GA_NODE_SECTION_APPLICABLE, s, 0 };
      tmpl->nodes[tmpl->sec_base + s] = (GaNode) { GA_NODE_SECTION, s, 0 };
    }
  for (guint o = 0; o < tmpl->outputs->len; o++)
    tmpl->nodes[tmpl->out_base + o] = (GaNode) { GA_NODE_OUTPUT, o, 0 };
  next = tmpl->col_base;
  for (guint i = 0; i < n_items; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      tmpl->column_node_base[i] = G_MAXUINT;
      if (item->kind != GA_ITEM_TABLE || item->columns == NULL)
        continue;
      tmpl->column_node_base[i] = next;
      for (guint c = 0; c < item->columns->len; c++)
        tmpl->nodes[next++] = (GaNode) { GA_NODE_COLUMN, i, c };
    }
}

static void
add_edge (GArray *edges,
          guint   node,
          guint   dep)
{
  Edge e = { node, dep };
  g_array_append_val (edges, e);
}

static char *
column_list (const GaItem *table)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint c = 0; table->columns != NULL && c < table->columns->len; c++)
    {
      const GaColumn *column = table->columns->pdata[c];
      if (c > 0)
        g_string_append (s, ", ");
      g_string_append (s, column->id);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Resolves every reference of @site to a node; reports the unknown ones.
 * Returns FALSE when one could not be resolved. */
static gboolean
resolve_site (GaLoader      *l,
              GaFormulaSite *site,
              GArray        *edges)
{
  GaTemplate *tmpl = l->tmpl;
  GaFormula *f = site->formula;
  gboolean ok = TRUE;

  for (guint r = 0; r < ga_formula_get_n_refs (f); r++)
    {
      const char *name = ga_formula_get_ref (f, r);
      guint column = ga_formula_ref_column (f, r);
      const GaSymbol *sym;

      if (ga_formula_ref_is_range (f, r) || strchr (name, '.') != NULL)
        {
          guint table_item, c;
          const char *dot = strchr (name, '.');
          g_autofree char *table_id = dot != NULL ? g_strndup (name, dot - name) : g_strdup (name);
          const GaSymbol *tsym;

          if (ga_template_resolve_range (tmpl, name, &table_item, &c))
            {
              GaItem *table = tmpl->items->pdata[table_item];
              add_edge (edges, site->node, tmpl->column_node_base[table_item] + c);
              /* Whether the range is complete depends on every input column
               * (a row without its quantity is missing from any total).
               * Input columns depend on nothing, so no cycle can come of it. */
              for (guint k = 0; k < table->columns->len; k++)
                if (((GaColumn *) table->columns->pdata[k])->kind != GA_ITEM_COMPUTED)
                  add_edge (edges, site->node, tmpl->column_node_base[table_item] + k);
              continue;
            }
          ok = FALSE;
          tsym = ga_template_lookup_symbol (tmpl, table_id);
          if (tsym == NULL)
            ga_loader_problem (l, site->path, "unknown table '%s' in '%s' at column %u",
                               table_id, name, column);
          else if (tsym->kind != GA_SYMBOL_ITEM
                   || ((GaItem *) tmpl->items->pdata[tsym->index])->kind != GA_ITEM_TABLE)
            ga_loader_problem (l, site->path, "'%s' is not a table, so '%s' is not a column "
                               "range (at column %u)", table_id, name, column);
          else
            {
              GaItem *table = tmpl->items->pdata[tsym->index];
              g_autofree char *list = column_list (table);
              ga_loader_problem (l, site->path, "table '%s' has no column '%s' (at column %u; "
                                 "columns: %s)", table_id, dot + 1, column, list);
            }
          continue;
        }

      sym = ga_template_lookup_symbol (tmpl, name);
      if (sym == NULL)
        {
          ok = FALSE;
          if (g_hash_table_contains (tmpl->tables_by_id, name))
            ga_loader_problem (l, site->path, "'%s' is a lookup table, not an item; use "
                               "FACTOR(\"%s\", key, \"column\") (at column %u)", name, name,
                               column);
          else
            ga_loader_problem (l, site->path, "unknown item '%s' at column %u", name, column);
          continue;
        }
      switch (sym->kind)
        {
        case GA_SYMBOL_ITEM:
          if (site->self != NULL && site->self->index == sym->index)
            break;  /* the item's own value is computed before its score */
          add_edge (edges, site->node, sym->index);
          break;
        case GA_SYMBOL_SECTION:
          add_edge (edges, site->node, section_node (tmpl, sym->index));
          break;
        case GA_SYMBOL_OUTPUT:
          add_edge (edges, site->node, tmpl->out_base + sym->index);
          break;
        case GA_SYMBOL_COLUMN:
          if (site->scope != NULL && site->scope->index == sym->index)
            add_edge (edges, site->node, tmpl->column_node_base[sym->index] + sym->column);
          else
            {
              GaItem *table = tmpl->items->pdata[sym->index];
              ok = FALSE;
              ga_loader_problem (l, site->path, "'%s' is a column of table '%s'; outside that "
                                 "table's rows use the range %s.%s (at column %u)", name,
                                 table->id, table->id, name, column);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return ok;
}

static void
add_structure_edges (GaTemplate *tmpl,
                     GArray     *edges)
{
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      add_edge (edges, i, section_applicable_node (tmpl, item->section->index));
      /* A clean-production category reads every weighted indicator below it,
       * at any depth, to renormalise their weights. */
      if (tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && item->weight != NULL)
        {
          GaSection *root = item->section;
          while (root->parent != NULL)
            root = root->parent;
          add_edge (edges, section_node (tmpl, root->index), i);
        }
      if (tmpl->column_node_base[i] != G_MAXUINT)
        for (guint c = 0; c < item->columns->len; c++)
          add_edge (edges, i, tmpl->column_node_base[i] + c);
    }
  for (guint s = 0; s < tmpl->sections->len; s++)
    {
      GaSection *section = tmpl->sections->pdata[s];
      if (section->parent != NULL)
        add_edge (edges, section_applicable_node (tmpl, s),
                  section_applicable_node (tmpl, section->parent->index));
      add_edge (edges, section_node (tmpl, s), section_applicable_node (tmpl, s));
      for (guint i = 0; i < section->items->len; i++)
        {
          GaItem *item = section->items->pdata[i];
          /* Only a dependency that exists: an unscored computed item may use
           * its own section's score (the engine skips it there too). */
          if (ga_item_feeds_section (item))
            add_edge (edges, section_node (tmpl, s), item->index);
        }
      for (guint c = 0; c < section->sections->len; c++)
        add_edge (edges, section_node (tmpl, s),
                  section_node (tmpl, ((GaSection *) section->sections->pdata[c])->index));
    }
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *ea = a, *eb = b;

  if (ea->node != eb->node)
    return ea->node < eb->node ? -1 : 1;
  if (ea->dep != eb->dep)
    return ea->dep < eb->dep ? -1 : 1;
  return 0;
}

/* Builds the CSR arrays deps (upstream) and users (downstream). */
static void
build_adjacency (GaTemplate *tmpl,
                 GArray     *edges)
{
  guint n = tmpl->n_nodes;
  guint n_edges = 0;
  g_autofree guint *fill = NULL;

  g_array_sort (edges, compare_edges);
  /* Drop duplicates in place. */
  for (guint i = 0; i < edges->len; i++)
    {
      Edge *e = &g_array_index (edges, Edge, i);
      if (n_edges > 0)
        {
          Edge *last = &g_array_index (edges, Edge, n_edges - 1);
          if (last->node == e->node && last->dep == e->dep)
            continue;
        }
      g_array_index (edges, Edge, n_edges++) = *e;
    }
  g_array_set_size (edges, n_edges);

  tmpl->dep_start = g_new0 (guint, n + 1);
  tmpl->deps = g_new (guint, MAX (n_edges, 1));
  tmpl->users_start = g_new0 (guint, n + 1);
  tmpl->users = g_new (guint, MAX (n_edges, 1));
  for (guint i = 0; i < n_edges; i++)
    {
      Edge *e = &g_array_index (edges, Edge, i);
      tmpl->dep_start[e->node + 1]++;
      tmpl->users_start[e->dep + 1]++;
    }
  for (guint i = 0; i < n; i++)
    {
      tmpl->dep_start[i + 1] += tmpl->dep_start[i];
      tmpl->users_start[i + 1] += tmpl->users_start[i];
    }
  fill = g_new0 (guint, n + 1);
  for (guint i = 0; i < n_edges; i++)
    {
      Edge *e = &g_array_index (edges, Edge, i);
      tmpl->deps[tmpl->dep_start[e->node] + (fill[e->node]++)] = e->dep;
    }
  memset (fill, 0, sizeof (guint) * (n + 1));
  for (guint i = 0; i < n_edges; i++)
    {
      Edge *e = &g_array_index (edges, Edge, i);
      tmpl->users[tmpl->users_start[e->dep] + (fill[e->dep]++)] = e->node;
    }
}

/* ------------------------------------------------------------------------ */
/* Cycles                                                                   */

static void
report_cycle (GaLoader    *l,
              const guint *scc_of,
              guint        scc,
              guint        start)
{
  GaTemplate *tmpl = l->tmpl;
  g_autofree guint *prev = g_new (guint, tmpl->n_nodes);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new ("cycle: ");
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  guint last = G_MAXUINT;

  for (guint i = 0; i < tmpl->n_nodes; i++)
    prev[i] = G_MAXUINT;

  /* Breadth first from @start along "uses" edges inside the component until
   * an edge leads back to @start: the shortest cycle through it. */
  g_array_append_val (queue, start);
  prev[start] = start;
  for (guint q = 0; q < queue->len && last == G_MAXUINT; q++)
    {
      guint u = g_array_index (queue, guint, q);
      for (guint k = tmpl->dep_start[u]; k < tmpl->dep_start[u + 1]; k++)
        {
          guint v = tmpl->deps[k];
          if (scc_of[v] != scc)
            continue;
          if (v == start)
            {
              last = u;
              break;
            }
          if (prev[v] == G_MAXUINT)
            {
              prev[v] = u;
              g_array_append_val (queue, v);
            }
        }
    }
  if (last == G_MAXUINT)
    return;

  for (guint v = last; ; v = prev[v])
    {
      g_array_prepend_val (path, v);
      if (v == start)
        break;
    }
  for (guint i = 0; i < path->len; i++)
    {
      g_autofree char *name = ga_template_node_name (tmpl, g_array_index (path, guint, i));
      g_string_append_printf (text, "%s → ", name);
    }
  {
    g_autofree char *name = ga_template_node_name (tmpl, start);
    g_string_append (text, name);
  }
  ga_loader_problem (l, ga_template_node_path (tmpl, start), "%s", text->str);
}

/* Tarjan's strongly connected components, iteratively so that a long chain
 * of references cannot exhaust the stack. Returns TRUE if there is a cycle. */
static gboolean
find_cycles (GaLoader *l)
{
  GaTemplate *tmpl = l->tmpl;
  guint n = tmpl->n_nodes;
  g_autofree guint *index = g_new (guint, MAX (n, 1));
  g_autofree guint *low = g_new (guint, MAX (n, 1));
  g_autofree gboolean *on_stack = g_new0 (gboolean, MAX (n, 1));
  g_autofree guint *scc_of = g_new (guint, MAX (n, 1));
  g_autofree guint *edge_pos = g_new (guint, MAX (n, 1));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) call = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next_index = 0, n_scc = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < n; i++)
    index[i] = G_MAXUINT;

  for (guint root = 0; root < n; root++)
    {
      if (index[root] != G_MAXUINT)
        continue;
      g_array_append_val (call, root);
      index[root] = low[root] = next_index++;
      edge_pos[root] = tmpl->dep_start[root];
      g_array_append_val (stack, root);
      on_stack[root] = TRUE;

      while (call->len > 0)
        {
          guint u = g_array_index (call, guint, call->len - 1);
          if (edge_pos[u] < tmpl->dep_start[u + 1])
            {
              guint v = tmpl->deps[edge_pos[u]++];
              if (index[v] == G_MAXUINT)
                {
                  index[v] = low[v] = next_index++;
                  edge_pos[v] = tmpl->dep_start[v];
                  g_array_append_val (stack, v);
                  on_stack[v] = TRUE;
                  g_array_append_val (call, v);
                }
              else if (on_stack[v])
                low[u] = MIN (low[u], index[v]);
              continue;
            }
          g_array_set_size (call, call->len - 1);
          if (call->len > 0)
            {
              guint parent = g_array_index (call, guint, call->len - 1);
              low[parent] = MIN (low[parent], low[u]);
            }
          if (low[u] == index[u])
            {
              guint w, size = 0, smallest = G_MAXUINT;
              gboolean self_loop = FALSE;
              do
                {
                  w = g_array_index (stack, guint, stack->len - 1);
                  g_array_set_size (stack, stack->len - 1);
                  on_stack[w] = FALSE;
                  scc_of[w] = n_scc;
                  smallest = MIN (smallest, w);
                  size++;
                }
              while (w != u);
              for (guint k = tmpl->dep_start[u]; k < tmpl->dep_start[u + 1]; k++)
                self_loop |= tmpl->deps[k] == u;
              if (size > 1 || self_loop)
                {
                  found = TRUE;
                  report_cycle (l, scc_of, n_scc, smallest);
                }
              n_scc++;
            }
        }
    }
  return found;
}

/* Kahn's algorithm in node order, so the order is the same on every load. */
static void
sort_topologically (GaTemplate *tmpl)
{
  guint n = tmpl->n_nodes;
  g_autofree guint *missing = g_new (guint, MAX (n, 1));
  guint head = 0, tail = 0;

  tmpl->topo = g_new (guint, MAX (n, 1));
  tmpl->topo_pos = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      missing[i] = tmpl->dep_start[i + 1] - tmpl->dep_start[i];
      if (missing[i] == 0)
        tmpl->topo[tail++] = i;
    }
  while (head < tail)
    {
      guint u = tmpl->topo[head++];
      for (guint k = tmpl->users_start[u]; k < tmpl->users_start[u + 1]; k++)
        {
          guint v = tmpl->users[k];
          if (--missing[v] == 0)
            tmpl->topo[tail++] = v;
        }
    }
  g_assert (tail == n);
  for (guint i = 0; i < n; i++)
    tmpl->topo_pos[tmpl->topo[i]] = i;
}

/* ------------------------------------------------------------------------ */
/* Static types                                                             */

typedef struct {
  GaTemplate *tmpl;
  GaItem     *scope;
} ResolverData;

static gboolean
resolve_ref_cb (gpointer      user_data,
                const char   *name,
                gboolean     *is_range,
                GaStaticType *type)
{
  ResolverData *data = user_data;
  GaTemplate *tmpl = data->tmpl;
  const GaSymbol *sym;
  guint table_item, column;

  if (strchr (name, '.') != NULL)
    {
      if (!ga_template_resolve_range (tmpl, name, &table_item, &column))
        return FALSE;
      *is_range = TRUE;
      *type = tmpl->node_types[tmpl->column_node_base[table_item] + column];
      return TRUE;
    }
  sym = ga_template_lookup_symbol (tmpl, name);
  if (sym == NULL)
    return FALSE;
  *is_range = FALSE;
  switch (sym->kind)
    {
    case GA_SYMBOL_ITEM:
      *type = tmpl->node_types[sym->index];
      return TRUE;
    case GA_SYMBOL_SECTION:
      *type = GA_STATIC_NUMBER;
      return TRUE;
    case GA_SYMBOL_OUTPUT:
      *type = tmpl->node_types[tmpl->out_base + sym->index];
      return TRUE;
    case GA_SYMBOL_COLUMN:
      if (data->scope == NULL || data->scope->index != sym->index)
        return FALSE;
      *type = tmpl->node_types[tmpl->column_node_base[sym->index] + sym->column];
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
resolve_lookup_cb (gpointer     user_data,
                   const char  *table_id,
                   const char  *column,
                   char       **message)
{
  ResolverData *data = user_data;
  GaLookupTable *table = ga_template_find_table (data->tmpl, table_id);
  g_autoptr(GString) names = NULL;

  if (table == NULL)
    {
      *message = g_strdup_printf ("unknown lookup table '%s'", table_id);
      return FALSE;
    }
  for (guint c = 1; c < table->columns->len; c++)
    if (g_str_equal (table->columns->pdata[c], column))
      return TRUE;
  names = g_string_new (NULL);
  for (guint c = 1; c < table->columns->len; c++)
    g_string_append_printf (names, "%s%s", c > 1 ? ", " : "", (char *) table->columns->pdata[c]);
  *message = g_strdup_printf ("lookup table '%s' has no column '%s' (columns: %s)", table_id,
                              column, names->str);
  return FALSE;
}

static GaFormulaResolver
make_resolver (ResolverData *data)
{
  GaFormulaResolver resolver = { resolve_ref_cb, resolve_lookup_cb, data };
  return resolver;
}

static void
compute_static_types (GaLoader *l)
{
  GaTemplate *tmpl = l->tmpl;

  tmpl->node_types = g_new0 (GaStaticType, MAX (tmpl->n_nodes, 1));
  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      /* An item whose kind is a typo could be anything. */
      tmpl->node_types[i] = l->untyped != NULL && g_hash_table_contains (l->untyped, item)
                            ? GA_STATIC_ANY : ga_item_static_type (item);
    }
  for (guint s = 0; s < tmpl->sections->len; s++)
    {
      tmpl->node_types[tmpl->sa_base + s] = GA_STATIC_BOOLEAN;
      tmpl->node_types[tmpl->sec_base + s] = GA_STATIC_NUMBER;
    }
  for (guint n = tmpl->col_base; n < tmpl->n_nodes; n++)
    {
      GaItem *table = tmpl->items->pdata[tmpl->nodes[n].index];
      tmpl->node_types[n] = ga_column_static_type (table->columns->pdata[tmpl->nodes[n].column]);
    }

  if (tmpl->topo == NULL)
    return;
  /* Computed values take the type of their formula, in dependency order so
   * that a computed value built on another one sees its type. */
  for (guint k = 0; k < tmpl->n_nodes; k++)
    {
      guint n = tmpl->topo[k];
      const GaNode *node = &tmpl->nodes[n];
      ResolverData data = { tmpl, NULL };
      GaFormulaResolver resolver;
      GaFormula *formula = NULL;

      if (node->kind == GA_NODE_ITEM)
        {
          GaItem *item = tmpl->items->pdata[node->index];
          if (item->kind == GA_ITEM_COMPUTED)
            formula = item->value;
        }
      else if (node->kind == GA_NODE_OUTPUT)
        formula = ((GaOutput *) tmpl->outputs->pdata[node->index])->formula;
      else if (node->kind == GA_NODE_COLUMN)
        {
          GaItem *table = tmpl->items->pdata[node->index];
          GaColumn *column = table->columns->pdata[node->column];
          if (column->kind == GA_ITEM_COMPUTED)
            {
              formula = column->formula;
              data.scope = table;
            }
        }
      if (formula == NULL)
        continue;
      resolver = make_resolver (&data);
      tmpl->node_types[n] = ga_formula_result_type (formula, &resolver);
    }
}

static const char *
static_type_name (GaStaticType type)
{
  switch (type)
    {
    case GA_STATIC_NUMBER: return "a number";
    case GA_STATIC_TEXT: return "text";
    case GA_STATIC_BOOLEAN: return "TRUE/FALSE";
    default: return "anything";
    }
}

static void
check_site_types (GaLoader      *l,
                  GaFormulaSite *site)
{
  GaTemplate *tmpl = l->tmpl;
  ResolverData data = { tmpl, site->scope };
  GaFormulaResolver resolver = make_resolver (&data);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GaStaticType result;

  if (!ga_formula_check (site->formula, &resolver, problems))
    {
      for (guint i = 0; i < problems->len; i++)
        ga_loader_problem (l, site->path, "%s", (char *) problems->pdata[i]);
      return;
    }
  result = ga_formula_result_type (site->formula, &resolver);
  if (site->condition && result == GA_STATIC_TEXT)
    ga_loader_problem (l, site->path, "a condition must give TRUE or FALSE, this formula gives "
                       "text");
  else if (site->expect == GA_STATIC_NUMBER
           && (result == GA_STATIC_TEXT || result == GA_STATIC_BOOLEAN))
    ga_loader_problem (l, site->path, "expected a number, this formula gives %s",
                       static_type_name (result));
}

/* The value that interp, bands and levels compare must be a number. */
static void
check_scored_value_types (GaLoader *l)
{
  GaTemplate *tmpl = l->tmpl;

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      GaStaticType type = tmpl->node_types[i];
      if (item->kind != GA_ITEM_COMPUTED)
        continue;
      if ((item->score.method == GA_SCORE_INTERP || item->score.method == GA_SCORE_BANDS
           || item->score.method == GA_SCORE_LEVELS)
          && (type == GA_STATIC_TEXT || type == GA_STATIC_BOOLEAN))
        {
          g_autofree char *p = g_strconcat (item->json_path, ".score", NULL);
          ga_loader_problem (l, p, "the rule compares a number, but the value of '%s' is %s",
                             item->id, static_type_name (type));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Sums                                                                     */

static double
section_points (GaLoader  *l,
                GaSection *section)
{
  double sum = 0;

  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = section->items->pdata[i];
      if (!item->veto && !item->bonus && !isnan (item->points))
        sum += item->points;
    }
  for (guint c = 0; c < section->sections->len; c++)
    sum += section_points (l, section->sections->pdata[c]);

  if (!isnan (section->points))
    {
      if (fabs (sum - section->points) > SUM_TOLERANCE * MAX (1.0, fabs (section->points)))
        {
          g_autofree char *p = g_strconcat (section->json_path, ".points", NULL);
          ga_loader_problem (l, p, "the items and subsections add up to %g points, not %g",
                             sum, section->points);
        }
      return section->points;
    }
  return sum;
}

static gboolean
constant_value (GaFormula *formula,
                double    *out)
{
  static const GaValue blank = GA_VALUE_INIT;
  GaValue v = GA_VALUE_INIT;
  gboolean ok;

  if (formula == NULL || ga_formula_get_n_refs (formula) > 0
      || ga_formula_get_n_lookups (formula) > 0)
    return FALSE;
  {
    /* No references: the callbacks are never asked for anything. */
    GaFormulaContext context = { NULL, NULL, NULL, (gpointer) &blank };
    ga_formula_evaluate (formula, &context, &v);
  }
  ok = v.kind == GA_VALUE_NUMBER;
  if (ok)
    *out = v.u.number;
  ga_value_clear (&v);
  return ok;
}

static void
collect_indicator_weights (GaSection *section,
                           double    *sum,
                           gboolean  *all_constant,
                           guint     *count)
{
  for (guint i = 0; i < section->items->len; i++)
    {
      GaItem *item = section->items->pdata[i];
      double w;
      if (item->weight == NULL)
        continue;
      (*count)++;
      if (constant_value (item->weight, &w))
        *sum += w;
      else
        *all_constant = FALSE;
    }
  for (guint c = 0; c < section->sections->len; c++)
    collect_indicator_weights (section->sections->pdata[c], sum, all_constant, count);
}

static void
check_weights (GaLoader *l)
{
  GaTemplate *tmpl = l->tmpl;
  double total = 0;
  gboolean all_constant = TRUE;

  for (guint s = 0; s < tmpl->root_sections->len; s++)
    {
      GaSection *section = tmpl->root_sections->pdata[s];
      double w, sum = 0;
      gboolean constant = TRUE;
      guint count = 0;

      if (section->weight != NULL && constant_value (section->weight, &w))
        {
          total += w;
          if (w < 0 || w > 1)
            {
              g_autofree char *p = g_strconcat (section->json_path, ".weight", NULL);
              g_autofree char *shown = ga_number_to_string (w);
              ga_loader_problem (l, p, "a category weight is a share between 0 and 1, found %s",
                                 shown);
            }
        }
      else
        all_constant = FALSE;

      collect_indicator_weights (section, &sum, &constant, &count);
      if (count == 0)
        ga_loader_problem (l, section->json_path, "a clean-production category needs at least "
                           "one weighted indicator");
      else if (constant && fabs (sum - 1) > SUM_TOLERANCE)
        ga_loader_problem (l, section->json_path, "the indicator weights of category '%s' add "
                           "up to %g, not 1", section->id, sum);
    }
  if (all_constant && tmpl->root_sections->len > 0 && fabs (total - 1) > SUM_TOLERANCE)
    ga_loader_problem (l, "sections", "the category weights add up to %g, not 1", total);
}

/* Constants that cannot be meant: they are plain mistakes whatever the
 * answers (a share above 1, a division by zero on every evaluation). */
static void
check_constants (GaLoader *l)
{
  GaTemplate *tmpl = l->tmpl;

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      GaItem *item = tmpl->items->pdata[i];
      double w, b, lead;

      if (item->weight != NULL && constant_value (item->weight, &w) && (w < 0 || w > 1))
        {
          g_autofree char *p = g_strconcat (item->json_path, ".weight", NULL);
          g_autofree char *shown = ga_number_to_string (w);
          ga_loader_problem (l, p, "an indicator weight is a share between 0 and 1, found %s",
                             shown);
        }
      if (item->score.method == GA_SCORE_INTERP && item->score.better == NULL
          && constant_value (item->score.baseline, &b)
          && constant_value (item->score.leading, &lead) && b == lead)
        {
          g_autofree char *p = g_strconcat (item->json_path, ".score.interp", NULL);
          g_autofree char *shown = ga_number_to_string (b);
          ga_loader_problem (l, p, "the baseline and the leading value are both %s, so the score "
                             "would always be #DIV/0!; say which way is better (\"better\": "
                             "\"lower\" or \"higher\") or make the leading value differ", shown);
        }
    }
}

static void
check_sums (GaLoader *l)
{
  GaTemplate *tmpl = l->tmpl;

  if (tmpl->scheme == GA_SCHEME_POINTS)
    {
      double total = 0;
      for (guint s = 0; s < tmpl->root_sections->len; s++)
        total += section_points (l, tmpl->root_sections->pdata[s]);
      if (!isnan (tmpl->max_score)
          && fabs (total - tmpl->max_score) > SUM_TOLERANCE * MAX (1.0, tmpl->max_score))
        ga_loader_problem (l, "scoring.max", "the sections add up to %g points, not %g", total,
                           tmpl->max_score);
    }
  else if (tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
    check_weights (l);
}

/* ------------------------------------------------------------------------ */

void
ga_template_validate_all (GaLoader *l)
{
  GaTemplate *tmpl = l->tmpl;
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree gboolean *resolved = NULL;
  gboolean cycles;

  number_nodes (tmpl);
  resolved = g_new0 (gboolean, MAX (tmpl->sites->len, 1));
  for (guint i = 0; i < tmpl->sites->len; i++)
    {
      GaFormulaSite *site = tmpl->sites->pdata[i];
      site->node = site_node (tmpl, site);
      resolved[i] = resolve_site (l, site, edges);
    }
  add_structure_edges (tmpl, edges);
  build_adjacency (tmpl, edges);

  cycles = find_cycles (l);
  if (!cycles)
    sort_topologically (tmpl);

  compute_static_types (l);
  for (guint i = 0; i < tmpl->sites->len; i++)
    if (resolved[i])
      check_site_types (l, tmpl->sites->pdata[i]);
  check_scored_value_types (l);
  check_constants (l);
  check_sums (l);
}
