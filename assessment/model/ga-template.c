/* ga-template.c: the template object, its accessors and the bundled templates
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ga-template-private.h"

#define GA_TEMPLATES_RESOURCE_PATH "/io/github/greenassess/GreenAssess/templates/"

/* Compiled by resources/templates/meson.build with --manual-register. Calling
 * them by name also keeps the resource object in the static library's link.
 * The static resource exists only once registered, so register first. */
void       ga_templates_register_resource (void);
GResource *ga_templates_get_resource (void);

G_DEFINE_QUARK (ga-template-error-quark, ga_template_error)

static void
ensure_resources_registered (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      ga_templates_register_resource ();
      g_assert (ga_templates_get_resource () != NULL);
      g_once_init_leave (&registered, 1);
    }
}

void
ga_templates_ensure_registered (void)
{
  ensure_resources_registered ();
}

void
ga_text_clear (GaText *text)
{
  /* A plain-string text shares one allocation between both languages. */
  if (text->en == text->zh)
    text->en = NULL;
  g_clear_pointer (&text->zh, g_free);
  g_clear_pointer (&text->en, g_free);
}

static gboolean
language_is_chinese (const char *language)
{
  if (language != NULL)
    return g_str_has_prefix (language, "zh");

  /* The first entry of the user's language list decides, as gettext does. */
  const char * const *names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        return FALSE;
      return g_str_has_prefix (names[i], "zh");
    }
  return FALSE;
}

const char *
ga_text_get (const GaText *text,
             const char   *language)
{
  if (text == NULL)
    return "";

  if (language_is_chinese (language))
    return text->zh != NULL ? text->zh : (text->en != NULL ? text->en : "");
  return text->en != NULL ? text->en : (text->zh != NULL ? text->zh : "");
}

void
ga_option_free (gpointer data)
{
  GaOption *option = data;

  g_free (option->id);
  ga_text_clear (&option->label);
  g_free (option);
}

void
ga_column_free (gpointer data)
{
  GaColumn *column = data;

  g_free (column->id);
  ga_text_clear (&column->title);
  g_free (column->unit);
  g_clear_pointer (&column->formula, ga_formula_unref);
  g_clear_pointer (&column->options, g_ptr_array_unref);
  g_free (column->options_table);
  g_clear_pointer (&column->plausible, ga_plausible_free);
  ga_carrier_units_free_table (column);
  g_free (column);
}

void
ga_plausible_free (GaPlausible *plausible)
{
  if (plausible == NULL)
    return;
  g_free (plausible->source);
  g_free (plausible->unverified_reason);
  g_clear_pointer (&plausible->except_values, g_ptr_array_unref);
  g_free (plausible);
}

void
ga_band_free (gpointer data)
{
  GaBand *band = data;

  g_clear_pointer (&band->threshold, ga_formula_unref);
  g_free (band);
}

static void
score_rule_clear (GaScoreRule *rule)
{
  g_clear_pointer (&rule->formula, ga_formula_unref);
  g_clear_pointer (&rule->baseline, ga_formula_unref);
  g_clear_pointer (&rule->leading, ga_formula_unref);
  g_clear_pointer (&rule->bands, g_ptr_array_unref);
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&rule->benchmark[i], ga_formula_unref);
}

const char * const *
ga_prefill_sources (void)
{
  static const char * const sources[] = {
    "enterprise.value_added", "enterprise.output_value", "enterprise.employees",
    "assessment.year",
    "energy.total_tce", "energy.co2_total", "energy.water_withdrawal", "energy.sw_generated",
    "energy.sw_util_rate", "green_factory.score",
    "members.count", "members.cp_audit_count", "members.cp_audit_share",
    "members.green_factory_count", NULL
  };
  return sources;
}

static void
item_free (gpointer data)
{
  GaItem *item = data;

  g_free (item->id);
  ga_text_clear (&item->title);
  ga_text_clear (&item->requirement);
  ga_text_clear (&item->guidance);
  ga_text_clear (&item->guidance_evidence);
  ga_text_clear (&item->guidance_failures);
  ga_text_clear (&item->guidance_source);
  g_free (item->clause);
  g_free (item->number);
  g_free (item->source);
  g_free (item->unverified_reason);
  g_clear_pointer (&item->weight, ga_formula_unref);
  g_free (item->unit);
  g_clear_pointer (&item->options, g_ptr_array_unref);
  g_clear_pointer (&item->columns, g_ptr_array_unref);
  g_clear_pointer (&item->fixed_rows, g_ptr_array_unref);
  g_clear_pointer (&item->value, ga_formula_unref);
  g_clear_pointer (&item->applicable, ga_formula_unref);
  score_rule_clear (&item->score);
  g_clear_pointer (&item->evidence, g_ptr_array_unref);
  g_free (item->json_path);
  g_free (item->format);
  g_free (item->prefill);
  g_clear_pointer (&item->plausible, ga_plausible_free);
  g_free (item);
}

static void
section_free (gpointer data)
{
  GaSection *section = data;

  g_free (section->id);
  ga_text_clear (&section->title);
  g_free (section->clause);
  g_clear_pointer (&section->weight, ga_formula_unref);
  g_clear_pointer (&section->applicable, ga_formula_unref);
  g_clear_pointer (&section->sections, g_ptr_array_unref);
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_free (section->json_path);
  g_free (section);
}

static void
grade_free (gpointer data)
{
  GaGrade *grade = data;

  ga_text_clear (&grade->label);
  g_free (grade->id);
  g_free (grade);
}

static void
level_rule_free (gpointer data)
{
  GaLevelRule *rule = data;

  ga_text_clear (&rule->label);
  g_free (rule);
}

static void
output_free (gpointer data)
{
  GaOutput *output = data;

  g_free (output->id);
  ga_text_clear (&output->title);
  g_free (output->unit);
  g_clear_pointer (&output->formula, ga_formula_unref);
  g_free (output->format);
  ga_text_clear (&output->description);
  g_free (output);
}

void
ga_table_row_free (gpointer data, guint n_cells)
{
  GaTableRow *row = data;

  g_free (row->key);
  ga_text_clear (&row->label);
  if (row->cells != NULL)
    {
      for (guint i = 0; i < n_cells; i++)
        ga_value_clear (&row->cells[i]);
      g_free (row->cells);
    }
  g_free (row->note);
  g_free (row);
}

static void
lookup_table_free (gpointer data)
{
  GaLookupTable *table = data;
  guint n_cells = table->columns != NULL && table->columns->len > 0 ? table->columns->len - 1 : 0;

  g_free (table->id);
  ga_text_clear (&table->title);
  g_free (table->source);
  g_free (table->version);
  g_free (table->unverified_reason);
  if (table->column_titles != NULL && table->columns != NULL)
    for (guint c = 0; c < table->columns->len; c++)
      ga_text_clear (&table->column_titles[c]);
  g_clear_pointer (&table->column_titles, g_free);
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_clear_pointer (&table->column_units, g_ptr_array_unref);
  if (table->rows != NULL)
    {
      for (guint i = 0; i < table->rows->len; i++)
        ga_table_row_free (table->rows->pdata[i], n_cells);
      g_ptr_array_unref (table->rows);
    }
  g_clear_pointer (&table->row_by_key, g_hash_table_unref);
  g_free (table);
}

static void
site_free (gpointer data)
{
  GaFormulaSite *site = data;

  g_free (site->path);
  g_free (site);
}

/* Constructors of the structures, used by the loader; each array owns its
 * elements so that a half-built template frees cleanly. */
GaTemplate *
ga_template_alloc (void)
{
  GaTemplate *tmpl = g_new0 (GaTemplate, 1);

  tmpl->ref_count = 1;
  tmpl->verified = TRUE;
  tmpl->max_score = NAN;
  tmpl->pass_score = NAN;
  tmpl->bonus_cap = NAN;
  tmpl->grades = g_ptr_array_new_with_free_func (grade_free);
  tmpl->level_rules = g_ptr_array_new_with_free_func (level_rule_free);
  tmpl->root_sections = g_ptr_array_new ();
  tmpl->sections = g_ptr_array_new_with_free_func (section_free);
  tmpl->items = g_ptr_array_new_with_free_func (item_free);
  tmpl->outputs = g_ptr_array_new_with_free_func (output_free);
  tmpl->output_paths = g_ptr_array_new_with_free_func (g_free);
  tmpl->tables = g_ptr_array_new_with_free_func (lookup_table_free);
  tmpl->symbols = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  tmpl->tables_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  tmpl->sites = g_ptr_array_new_with_free_func (site_free);
  return tmpl;
}

GaTemplate *
ga_template_ref (GaTemplate *tmpl)
{
  g_return_val_if_fail (tmpl != NULL, NULL);
  g_atomic_int_inc (&tmpl->ref_count);
  return tmpl;
}

void
ga_template_unref (GaTemplate *tmpl)
{
  if (tmpl == NULL || !g_atomic_int_dec_and_test (&tmpl->ref_count))
    return;

  /* The large flat arrays first: freeing a large block makes malloc sweep
   * the small free blocks, which is cheap before the items are freed and
   * costly after. */
  g_free (tmpl->column_node_base);
  g_free (tmpl->nodes);
  g_free (tmpl->dep_start);
  g_free (tmpl->deps);
  g_free (tmpl->users_start);
  g_free (tmpl->users);
  g_free (tmpl->topo);
  g_free (tmpl->topo_pos);
  g_free (tmpl->node_types);
  g_clear_pointer (&tmpl->bytes, g_bytes_unref);
  g_free (tmpl->content_hash);
  g_free (tmpl->origin);
  g_free (tmpl->id);
  g_free (tmpl->version);
  ga_text_clear (&tmpl->title);
  ga_text_clear (&tmpl->description);
  g_free (tmpl->standard);
  g_free (tmpl->standard_title);
  g_free (tmpl->effective);
  g_free (tmpl->province);
  g_free (tmpl->source);
  g_free (tmpl->unverified_reason);
  g_free (tmpl->based_on_id);
  g_free (tmpl->based_on_version);
  g_free (tmpl->based_on_hash);
  g_strfreev (tmpl->industries);
  g_ptr_array_unref (tmpl->grades);
  g_ptr_array_unref (tmpl->level_rules);
  g_ptr_array_unref (tmpl->sites);
  g_clear_pointer (&tmpl->rules, g_ptr_array_unref);
  g_ptr_array_unref (tmpl->root_sections);
  g_ptr_array_unref (tmpl->items);
  g_ptr_array_unref (tmpl->sections);
  g_ptr_array_unref (tmpl->outputs);
  g_ptr_array_unref (tmpl->output_paths);
  g_hash_table_unref (tmpl->tables_by_id);
  g_ptr_array_unref (tmpl->tables);
  g_hash_table_unref (tmpl->symbols);
  g_free (tmpl);
}

GaTemplate *
ga_template_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                   "%s", local_error->message);
      return NULL;
    }
  return ga_template_new_from_data (data, length, path, error);
}

GBytes *
_ga_template_bundled_bytes (const char *id)
{
  g_autofree char *path = NULL;

  ensure_resources_registered ();
  if (id == NULL || strchr (id, '/') != NULL || *id == '\0')
    return NULL;
  path = g_strconcat (GA_TEMPLATES_RESOURCE_PATH, id, ".json", NULL);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

GaTemplate *
ga_template_new_from_resource (const char  *id,
                               GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (id != NULL, NULL);

  ensure_resources_registered ();
  if (strchr (id, '/') != NULL || *id == '\0')
    {
      g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                   "'%s' is not a template id", id);
      return NULL;
    }
  path = g_strconcat (GA_TEMPLATES_RESOURCE_PATH, id, ".json", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_auto(GStrv) ids = ga_template_list_bundled ();
      g_autofree char *list = g_strjoinv (", ", ids);
      g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                   "no bundled template '%s' (bundled: %s)", id,
                   *list != '\0' ? list : "none");
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  origin = g_strconcat ("resource://", path, NULL);
  return ga_template_new_from_data (data, length, origin, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
ga_template_list_bundled (void)
{
  g_auto(GStrv) children = NULL;
  GPtrArray *ids = g_ptr_array_new ();

  ensure_resources_registered ();
  children = g_resources_enumerate_children (GA_TEMPLATES_RESOURCE_PATH,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".json"))
      g_ptr_array_add (ids, g_strndup (children[i], strlen (children[i]) - strlen (".json")));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (ids, FALSE);
}

const char *
ga_template_get_id (GaTemplate *tmpl)
{
  return tmpl->id;
}

const char *
ga_template_get_version (GaTemplate *tmpl)
{
  return tmpl->version;
}

const char *
ga_template_get_content_hash (GaTemplate *tmpl)
{
  char *hash;

  /* Computed on first use: SHA-256 of a large template costs as much as
   * validating it, and most loads (the template list, validation) never
   * ask. Two threads may both compute it; the first one stored wins. */
  hash = g_atomic_pointer_get (&tmpl->content_hash);
  if (hash == NULL && tmpl->bytes != NULL)
    {
      gsize length = 0;
      const guchar *data = g_bytes_get_data (tmpl->bytes, &length);
      char *computed = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
      if (g_atomic_pointer_compare_and_exchange (&tmpl->content_hash, NULL, computed))
        hash = computed;
      else
        {
          g_free (computed);
          hash = g_atomic_pointer_get (&tmpl->content_hash);
        }
    }
  return hash;
}

GBytes *
ga_template_get_bytes (GaTemplate *tmpl)
{
  return tmpl->bytes;
}

GaTemplateKind
ga_template_get_kind (GaTemplate *tmpl)
{
  return tmpl->kind;
}

const GaText *
ga_template_get_title (GaTemplate *tmpl)
{
  return &tmpl->title;
}

const char *
ga_template_get_standard (GaTemplate *tmpl)
{
  return tmpl->standard;
}

const char *
ga_template_get_standard_title (GaTemplate *tmpl)
{
  return tmpl->standard_title;
}

const char *
ga_template_get_effective_date (GaTemplate *tmpl)
{
  return tmpl->effective;
}

/* The template this one extends (its id, version and the SHA-256 of its
 * bytes as they were when this one was loaded), or FALSE. */
gboolean
ga_template_get_based_on (GaTemplate  *tmpl,
                          const char **id,
                          const char **version,
                          const char **sha256)
{
  if (tmpl->based_on_id == NULL)
    return FALSE;
  if (id != NULL)
    *id = tmpl->based_on_id;
  if (version != NULL)
    *version = tmpl->based_on_version;
  if (sha256 != NULL)
    *sha256 = tmpl->based_on_hash;
  return TRUE;
}

/* The GB/T 4754 divisions ("30") an industry template is written for;
 * NULL for a general one. */
const char * const *
ga_template_get_industries (GaTemplate *tmpl)
{
  return (const char * const *) tmpl->industries;
}

/* Whether @tmpl names @industry (a division "30" or a finer code "3011"
 * of it) among its industries. */
gboolean
ga_template_fits_industry (GaTemplate *tmpl,
                           const char *industry)
{
  for (guint i = 0; industry != NULL && tmpl->industries != NULL && tmpl->industries[i]; i++)
    if (g_str_has_prefix (industry, tmpl->industries[i]))
      return TRUE;
  return FALSE;
}

const char *
ga_template_get_province (GaTemplate *tmpl)
{
  return tmpl->province;
}

const char *
ga_template_get_source (GaTemplate *tmpl)
{
  return tmpl->source;
}

const char *
ga_template_get_unverified_reason (GaTemplate *tmpl)
{
  return tmpl->unverified_reason;
}

gboolean
ga_template_get_verified (GaTemplate *tmpl)
{
  return tmpl->verified;
}

GaScheme
ga_template_get_scheme (GaTemplate *tmpl)
{
  return tmpl->scheme;
}

double
ga_template_get_max_score (GaTemplate *tmpl)
{
  return tmpl->max_score;
}

double
ga_template_get_pass_score (GaTemplate *tmpl)
{
  return tmpl->pass_score;
}

double
ga_template_get_bonus_cap (GaTemplate *tmpl)
{
  return tmpl->bonus_cap;
}

GaNaPolicy
ga_template_get_na_policy (GaTemplate *tmpl)
{
  return tmpl->na_policy;
}

GPtrArray *
ga_template_get_grades (GaTemplate *tmpl)
{
  return tmpl->grades;
}

GPtrArray *
ga_template_get_level_rules (GaTemplate *tmpl)
{
  return tmpl->level_rules;
}

GPtrArray *
ga_template_get_root_sections (GaTemplate *tmpl)
{
  return tmpl->root_sections;
}

GPtrArray *
ga_template_get_sections (GaTemplate *tmpl)
{
  return tmpl->sections;
}

GPtrArray *
ga_template_get_items (GaTemplate *tmpl)
{
  return tmpl->items;
}

GPtrArray *
ga_template_get_outputs (GaTemplate *tmpl)
{
  return tmpl->outputs;
}

GPtrArray *
ga_template_get_tables (GaTemplate *tmpl)
{
  return tmpl->tables;
}

const GaSymbol *
ga_template_lookup_symbol (GaTemplate *tmpl,
                           const char *name)
{
  return name != NULL ? g_hash_table_lookup (tmpl->symbols, name) : NULL;
}

GaItem *
ga_template_find_item (GaTemplate *tmpl,
                       const char *id)
{
  const GaSymbol *sym = ga_template_lookup_symbol (tmpl, id);

  return sym != NULL && sym->kind == GA_SYMBOL_ITEM ? tmpl->items->pdata[sym->index] : NULL;
}

GaSection *
ga_template_find_section (GaTemplate *tmpl,
                          const char *id)
{
  const GaSymbol *sym = ga_template_lookup_symbol (tmpl, id);

  return sym != NULL && sym->kind == GA_SYMBOL_SECTION ? tmpl->sections->pdata[sym->index] : NULL;
}

GaOutput *
ga_template_find_output (GaTemplate *tmpl,
                         const char *id)
{
  const GaSymbol *sym = ga_template_lookup_symbol (tmpl, id);

  return sym != NULL && sym->kind == GA_SYMBOL_OUTPUT ? tmpl->outputs->pdata[sym->index] : NULL;
}

GaLookupTable *
ga_template_find_table (GaTemplate *tmpl,
                        const char *id)
{
  return id != NULL ? g_hash_table_lookup (tmpl->tables_by_id, id) : NULL;
}

const GaValue *
ga_lookup_table_get (GaLookupTable *table,
                     const char    *key,
                     const char    *column)
{
  g_autofree char *folded = NULL;
  GaTableRow *row;

  g_return_val_if_fail (table != NULL, NULL);
  if (key == NULL || column == NULL || !g_utf8_validate (key, -1, NULL))
    return NULL;

  folded = g_utf8_casefold (key, -1);
  row = g_hash_table_lookup (table->row_by_key, folded);
  if (row == NULL)
    return NULL;
  /* Column 0 is the key itself; the cells hold the others. */
  for (guint c = 1; c < table->columns->len; c++)
    if (g_str_equal (table->columns->pdata[c], column))
      return &row->cells[c - 1];
  return NULL;
}

int
ga_column_index (const GaItem *table,
                 const char   *id)
{
  if (table->columns == NULL)
    return -1;
  for (guint c = 0; c < table->columns->len; c++)
    {
      const GaColumn *column = table->columns->pdata[c];
      if (g_str_equal (column->id, id))
        return (int) c;
    }
  return -1;
}

gboolean
ga_template_resolve_range (GaTemplate *tmpl,
                           const char *name,
                           guint      *table_item,
                           guint      *column)
{
  const char *dot = strchr (name, '.');
  g_autofree char *table_id = NULL;
  const GaSymbol *sym;
  GaItem *item;
  int c;

  if (dot == NULL)
    return FALSE;
  table_id = g_strndup (name, dot - name);
  sym = ga_template_lookup_symbol (tmpl, table_id);
  if (sym == NULL || sym->kind != GA_SYMBOL_ITEM)
    return FALSE;
  item = tmpl->items->pdata[sym->index];
  if (item->kind != GA_ITEM_TABLE)
    return FALSE;
  c = ga_column_index (item, dot + 1);
  if (c < 0)
    return FALSE;
  *table_item = sym->index;
  *column = (guint) c;
  return TRUE;
}

char *
ga_template_node_name (GaTemplate *tmpl,
                       guint       node)
{
  const GaNode *n = &tmpl->nodes[node];

  switch (n->kind)
    {
    case GA_NODE_ITEM:
      return g_strdup (((GaItem *) tmpl->items->pdata[n->index])->id);
    case GA_NODE_SECTION_APPLICABLE:
      return g_strdup_printf ("applicability of %s",
                              ((GaSection *) tmpl->sections->pdata[n->index])->id);
    case GA_NODE_SECTION:
      return g_strdup (((GaSection *) tmpl->sections->pdata[n->index])->id);
    case GA_NODE_OUTPUT:
      return g_strdup (((GaOutput *) tmpl->outputs->pdata[n->index])->id);
    case GA_NODE_COLUMN:
      {
        GaItem *item = tmpl->items->pdata[n->index];
        GaColumn *column = item->columns->pdata[n->column];
        return g_strdup_printf ("%s.%s", item->id, column->id);
      }
    default:
      g_assert_not_reached ();
    }
}

const char *
ga_template_node_path (GaTemplate *tmpl,
                       guint       node)
{
  const GaNode *n = &tmpl->nodes[node];

  switch (n->kind)
    {
    case GA_NODE_ITEM:
    case GA_NODE_COLUMN:
      return ((GaItem *) tmpl->items->pdata[n->index])->json_path;
    case GA_NODE_SECTION_APPLICABLE:
    case GA_NODE_SECTION:
      return ((GaSection *) tmpl->sections->pdata[n->index])->json_path;
    case GA_NODE_OUTPUT:
      return tmpl->output_paths->pdata[n->index];
    default:
      g_assert_not_reached ();
    }
}

GaStaticType
ga_column_static_type (const GaColumn *column)
{
  switch (column->kind)
    {
    case GA_ITEM_NUMBER:
      return GA_STATIC_NUMBER;
    case GA_ITEM_TEXT:
    case GA_ITEM_DATE:
    case GA_ITEM_CHOICE:
      return GA_STATIC_TEXT;
    case GA_ITEM_YESNO:
      return GA_STATIC_BOOLEAN;
    default:
      return GA_STATIC_ANY;
    }
}

GaStaticType
ga_item_static_type (const GaItem *item)
{
  switch (item->kind)
    {
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
    case GA_ITEM_MULTI:
    case GA_ITEM_TABLE:
      return GA_STATIC_NUMBER;
    case GA_ITEM_TEXT:
    case GA_ITEM_DATE:
    case GA_ITEM_CHOICE:
    case GA_ITEM_COMPLIANCE:
      return GA_STATIC_TEXT;
    case GA_ITEM_YESNO:
      return GA_STATIC_BOOLEAN;
    case GA_ITEM_COMPUTED:
    default:
      return GA_STATIC_ANY;
    }
}

gboolean
ga_item_feeds_section (const GaItem *item)
{
  return item->kind != GA_ITEM_COMPUTED || !isnan (item->points) || item->veto || item->bonus
         || item->weight != NULL;
}

const char *
ga_item_kind_to_string (GaItemKind kind)
{
  static const char * const names[] = {
    "compliance", "yesno", "number", "choice", "multi", "points", "text", "date", "table",
    "computed",
  };

  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "unknown";
}

/* Every assessment kind once: its name in templates and the store, the
 * label the user sees and the title of its self-evaluation report. */
static const struct {
  const char *name;
  const char *label;
  const char *report_zh;
  const char *report_en;
} kinds[GA_TEMPLATE_KIND_N_KINDS] = {
  [GA_TEMPLATE_KIND_GREEN_FACTORY] = { "green-factory", N_("Green factory"),
                                       "绿色工厂自评价报告", "Green Factory Self-Evaluation Report" },
  [GA_TEMPLATE_KIND_CLEAN_PRODUCTION] = { "clean-production", N_("Clean production"),
                                          "清洁生产自评价报告", "Clean Production Self-Evaluation Report" },
  [GA_TEMPLATE_KIND_ENERGY_AUDIT] = { "energy-audit", N_("Energy audit"),
                                      "能源审计自评价报告", "Energy Audit Self-Evaluation Report" },
  [GA_TEMPLATE_KIND_GREEN_PARK] = { "green-park", N_("Green industrial park"),
                                    "绿色工业园区自评价报告",
                                    "Green Industrial Park Self-Evaluation Report" },
  [GA_TEMPLATE_KIND_SUPPLY_CHAIN] = { "supply-chain", N_("Green supply chain"),
                                      "绿色供应链管理企业自评价报告",
                                      "Green Supply Chain Management Self-Evaluation Report" },
  [GA_TEMPLATE_KIND_WATER_SAVING] = { "water-saving", N_("Water-saving enterprise"),
                                      "节水型企业自评价报告", "Water-Saving Enterprise Self-Evaluation Report" },
  [GA_TEMPLATE_KIND_ENERGY_DIAGNOSIS] = { "energy-diagnosis", N_("Energy-saving diagnosis"),
                                          "工业节能诊断报告", "Industrial Energy-Saving Diagnosis Report" },
  [GA_TEMPLATE_KIND_ANNUAL_FILING] = { "annual-filing", N_("Annual filing"),
                                       "绿色工厂动态管理年度报送表", "Green Factory Annual Filing" },
  [GA_TEMPLATE_KIND_CP_AUDIT] = { "cp-audit", N_("Clean production audit"),
                                  "清洁生产审核报告", "Clean Production Audit Report" },
  [GA_TEMPLATE_KIND_CUSTOM] = { "custom", N_("Custom assessment"), "自评价报告", "Self-Evaluation Report" },
};

const char *
ga_template_kind_to_string (GaTemplateKind kind)
{
  return (guint) kind < G_N_ELEMENTS (kinds) ? kinds[kind].name : "unknown";
}

/* The kind named @name (as templates and the store spell it). */
gboolean
ga_template_kind_from_string (const char     *name,
                              GaTemplateKind *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (name, kinds[k].name) == 0)
      {
        if (kind != NULL)
          *kind = (GaTemplateKind) k;
        return TRUE;
      }
  return FALSE;
}

/* The kind as the user reads it, translated. */
const char *
ga_template_kind_label (GaTemplateKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kinds))
    kind = GA_TEMPLATE_KIND_CUSTOM;
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

/* The title of the kind's report: Chinese unless @language is "en". */
const char *
ga_template_kind_report_title (GaTemplateKind kind,
                               const char    *language)
{
  if ((guint) kind >= G_N_ELEMENTS (kinds))
    kind = GA_TEMPLATE_KIND_CUSTOM;
  return g_strcmp0 (language, "en") == 0 ? kinds[kind].report_en : kinds[kind].report_zh;
}

/* "green-factory, clean-production, … or custom", for messages. */
char *
ga_template_kind_names (void)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (k > 0)
        g_string_append (s, k + 1 == G_N_ELEMENTS (kinds) ? " or " : ", ");
      g_string_append (s, kinds[k].name);
    }
  return g_string_free (s, FALSE);
}

const char *
ga_comparator_to_string (GaComparator cmp)
{
  switch (cmp)
    {
    case GA_CMP_LE: return "≤";
    case GA_CMP_LT: return "<";
    case GA_CMP_GE: return "≥";
    case GA_CMP_GT: return ">";
    case GA_CMP_EQ: return "=";
    default: return "?";
    }
}

/* Benchmarks and band thresholds compare as Excel compares numbers (15
 * significant digits), so a value typed as 0.1+0.2 meets a benchmark of 0.3. */
gboolean
ga_comparator_holds (GaComparator cmp,
                     double       value,
                     double       threshold)
{
  int c = ga_number_compare (value, threshold);

  switch (cmp)
    {
    case GA_CMP_LE: return c <= 0;
    case GA_CMP_LT: return c < 0;
    case GA_CMP_GE: return c >= 0;
    case GA_CMP_GT: return c > 0;
    case GA_CMP_EQ: return c == 0;
    default: return FALSE;
    }
}
