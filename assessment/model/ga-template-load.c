/* ga-template-load.c: JSON -> template structures, with every problem collected
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader never stops at the first problem: a template author fixing a
 * file wants the whole list. Each check reports with the JSON path of the
 * offending field and carries on with a neutral default, so that later
 * checks (references, cycles, sums) still run on what could be read.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-json.h"
#include "ga-template-private.h"

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

/* Bounds on the input, so that hostile files fail with a message instead of
 * exhausting the stack or memory. */
#define MAX_TEMPLATE_BYTES   (64 * 1024 * 1024)
#define MAX_JSON_DEPTH       GA_JSON_MAX_DEPTH
#define MAX_PROBLEMS_IN_ERROR 200

/* ------------------------------------------------------------------------ */
/* Problems and paths                                                       */

void
ga_loader_problem (GaLoader   *loader,
                   const char *path,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (loader->problems,
                   g_strdup_printf ("%s: %s", path != NULL && *path ? path : "$", message));
}

static char *
field_path (const char *path,
            const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strconcat (path, ".", key, NULL);
}

/* "path.key[index]" (or "path[index]" without @key). Built by hand: one
 * of these is made for every item, option and column of a template, and
 * printf-style formatting showed in profiles of large templates. */
static char *
index_path (const char *path,
            const char *key,
            guint       index)
{
  char digits[12];
  guint n = 0;
  gsize plen = path != NULL ? strlen (path) : 0;
  gsize klen = key != NULL ? strlen (key) : 0;
  char *out, *o;

  do
    digits[n++] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);
  out = o = g_malloc (plen + klen + n + 4);
  if (plen > 0)
    {
      memcpy (o, path, plen);
      o += plen;
      if (klen > 0)
        *o++ = '.';
    }
  if (klen > 0)
    memcpy (o, key, klen);
  o += klen;
  *o++ = '[';
  while (n > 0)
    *o++ = digits[--n];
  *o++ = ']';
  *o = '\0';
  return out;
}

static const char *
node_description (JsonNode *node)
{
  if (node == NULL)
    return "nothing";
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "a boolean";
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return "a number";
        default:
          return "a value";
        }
    default:
      return "something else";
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static JsonNode *
member (JsonObject *obj,
        const char *key)
{
  return json_object_get_member (obj, key);
}

static guint
edit_distance (const char *a,
               const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  guint row[64];

  if (la >= G_N_ELEMENTS (row) || lb >= G_N_ELEMENTS (row))
    return G_MAXUINT;
  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint prev = row[0];
      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint cur = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), prev + cost);
          prev = cur;
        }
    }
  return row[lb];
}

/* The name of @allowed that @word most likely meant: a small edit away
 * ("compliace", "pionts"), or the start or a longer form of it ("zh" for
 * "zh_CN", "en_US" for "en"). NULL when none is close. */
static const char *
closest_name (const char         *word,
              const char * const *allowed)
{
  const char *best = NULL;
  guint best_distance = 3;
  gsize len = strlen (word);

  for (guint i = 0; allowed[i] != NULL; i++)
    {
      guint d = edit_distance (word, allowed[i]);
      /* Changing every letter of a short word is not a typo ("zh" → "en"). */
      if (d < best_distance && d < len)
        {
          best_distance = d;
          best = allowed[i];
        }
    }
  if (best != NULL)
    return best;
  for (guint i = 0; allowed[i] != NULL; i++)
    {
      gsize alen = strlen (allowed[i]);
      if ((len >= 2 && len < alen && g_ascii_strncasecmp (allowed[i], word, len) == 0)
          || (alen >= 2 && alen < len && g_ascii_strncasecmp (word, allowed[i], alen) == 0
              && !g_ascii_isalnum (word[alen])))
        return allowed[i];
    }
  return NULL;
}

/* The allowed names of each field list as a set, built once: checking
 * every key of 10 000 items against lists by strcmp shows in profiles. */
typedef struct {
  const char * const *lists[48];
  GHashTable         *sets[48];
  guint               n;
} FieldSetCache;

static GHashTable *
field_set (const char * const *allowed)
{
  static GMutex lock;
  static GHashTable *sets;   /* list pointer -> set of names */
  static GPrivate cache_key = G_PRIVATE_INIT (g_free);
  FieldSetCache *cache = g_private_get (&cache_key);
  GHashTable *set;

  /* A per-thread copy of the few pointers, so that the common case takes
   * no lock. */
  if (cache == NULL)
    {
      cache = g_new0 (FieldSetCache, 1);
      g_private_set (&cache_key, cache);
    }
  for (guint i = 0; i < cache->n; i++)
    if (cache->lists[i] == allowed)
      return cache->sets[i];

  g_mutex_lock (&lock);
  if (sets == NULL)
    sets = g_hash_table_new (NULL, NULL);
  set = g_hash_table_lookup (sets, allowed);
  if (set == NULL)
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; allowed[i] != NULL; i++)
        g_hash_table_add (set, (gpointer) allowed[i]);
      g_hash_table_insert (sets, (gpointer) allowed, set);
    }
  g_mutex_unlock (&lock);
  if (cache->n < G_N_ELEMENTS (cache->lists))
    {
      cache->lists[cache->n] = allowed;
      cache->sets[cache->n] = set;
      cache->n++;
    }
  return set;
}

/* Reports every member of @obj that is not in @allowed. @other lists fields
 * that exist elsewhere (other item kinds), for a more precise message. Keys
 * starting with '_' are comments. */
static void
check_fields (GaLoader           *l,
              JsonObject         *obj,
              const char         *path,
              const char * const *allowed,
              const char * const *other,
              const char         *other_kind)
{
  GHashTable *set = field_set (allowed);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init (&iter, obj);
  while (json_object_iter_next (&iter, &key, &value))
    {
      const char *best;
      g_autofree char *fpath = NULL;

      if (key[0] == '_' || g_hash_table_contains (set, key))
        continue;

      fpath = field_path (path, key);
      if (other != NULL && g_strv_contains (other, key))
        {
          /* @other_kind is "items of kind 'number'" and the like, put
           * together only here: it is needed only for this message. */
          ga_loader_problem (l, fpath, "field '%s' is not used by %s", key, other_kind);
          continue;
        }
      best = closest_name (key, allowed);
      if (best != NULL)
        ga_loader_problem (l, fpath, "unknown field '%s' (did you mean '%s'?)", key, best);
      else
        ga_loader_problem (l, fpath, "unknown field '%s'", key);
    }
}

/* ------------------------------------------------------------------------ */
/* Typed getters: each reports a missing or wrong-typed field and returns   */
/* FALSE; the caller keeps its default.                                     */

static gboolean
want_string (GaLoader   *l,
             JsonObject *obj,
             const char *path,
             const char *key,
             gboolean    required,
             char      **out)
{
  JsonNode *node = member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return FALSE;
    }
  if (!node_is_string (node))
    {
      ga_loader_problem (l, (fpath = field_path (path, key)), "expected a string, found %s", node_description (node));
      return FALSE;
    }
  if (required && *json_node_get_string (node) == '\0')
    {
      ga_loader_problem (l, (fpath = field_path (path, key)), "must not be empty");
      return FALSE;
    }
  if (out != NULL)
    {
      g_free (*out);
      *out = g_strdup (json_node_get_string (node));
    }
  return TRUE;
}

static gboolean
want_number (GaLoader   *l,
             JsonObject *obj,
             const char *path,
             const char *key,
             gboolean    required,
             double     *out)
{
  JsonNode *node = member (obj, key);
  g_autofree char *fpath = NULL;
  double v;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return FALSE;
    }
  if (!node_is_number (node))
    {
      ga_loader_problem (l, (fpath = field_path (path, key)), "expected a number, found %s", node_description (node));
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!isfinite (v))
    {
      ga_loader_problem (l, (fpath = field_path (path, key)), "the number is out of range");
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
want_int (GaLoader   *l,
          JsonObject *obj,
          const char *path,
          const char *key,
          gboolean    required,
          int         min,
          int         max,
          int        *out)
{
  double v = 0;
  g_autofree char *fpath = NULL;

  if (!want_number (l, obj, path, key, required, &v))
    return FALSE;
  if (v != floor (v) || v < min || v > max)
    {
      ga_loader_problem (l, (fpath = field_path (path, key)), "expected a whole number from %d to %d, found %s",
                         min, max, json_node_get_string (member (obj, key)) != NULL
                         ? json_node_get_string (member (obj, key)) : "a fraction");
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}

static gboolean
want_bool (GaLoader   *l,
           JsonObject *obj,
           const char *path,
           const char *key,
           gboolean   *out)
{
  JsonNode *node = member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    return FALSE;
  if (!node_is_boolean (node))
    {
      fpath = field_path (path, key);
      ga_loader_problem (l, fpath, "expected true or false, found %s", node_description (node));
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A required or optional field that must hold a container of @type; @what
 * names it in the message ("a list", "an object"). */
static JsonNode *
want_container (GaLoader     *l,
                JsonObject   *obj,
                const char   *path,
                const char   *key,
                gboolean      required,
                JsonNodeType  type,
                const char   *what)
{
  JsonNode *node = member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return NULL;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      fpath = field_path (path, key);
      ga_loader_problem (l, fpath, "expected %s, found %s", what, node_description (node));
      return NULL;
    }
  return node;
}

static JsonArray *
want_array (GaLoader   *l,
            JsonObject *obj,
            const char *path,
            const char *key,
            gboolean    required)
{
  JsonNode *node = want_container (l, obj, path, key, required, JSON_NODE_ARRAY, "a list");

  return node != NULL ? json_node_get_array (node) : NULL;
}

static JsonObject *
want_object (GaLoader   *l,
             JsonObject *obj,
             const char *path,
             const char *key,
             gboolean    required)
{
  JsonNode *node = want_container (l, obj, path, key, required, JSON_NODE_OBJECT,
                                   "an object");

  return node != NULL ? json_node_get_object (node) : NULL;
}

static JsonObject *
element_object (GaLoader   *l,
                JsonNode   *node,
                const char *path)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ga_loader_problem (l, path, "expected an object, found %s", node_description (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
want_text (GaLoader   *l,
           JsonObject *obj,
           const char *path,
           const char *key,
           gboolean    required,
           GaText     *out)
{
  static const char * const text_fields[] = { "zh_CN", "en", NULL };
  JsonNode *node = member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return FALSE;
    }
  fpath = field_path (path, key);
  if (node_is_string (node))
    {
      const char *s = json_node_get_string (node);
      if (required && *s == '\0')
        {
          ga_loader_problem (l, fpath, "must not be empty");
          return FALSE;
        }
      ga_text_clear (out);
      /* One string serves both languages (ga_text_clear() knows). */
      out->zh = g_strdup (s);
      out->en = out->zh;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *t = json_node_get_object (node);
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      check_fields (l, t, fpath, text_fields, NULL, NULL);
      want_string (l, t, fpath, "zh_CN", FALSE, &zh);
      want_string (l, t, fpath, "en", FALSE, &en);
      if ((zh == NULL || *zh == '\0') && (en == NULL || *en == '\0'))
        {
          gboolean misspelt = FALSE;
          JsonObjectIter iter;
          const char *k;

          /* A misspelt language was reported just above with the right
           * name; saying that the text is missing would be the same again. */
          json_object_iter_init (&iter, t);
          while (json_object_iter_next (&iter, &k, NULL))
            misspelt |= k[0] != '_' && !g_str_equal (k, "zh_CN") && !g_str_equal (k, "en")
                        && closest_name (k, text_fields) != NULL;
          if (!misspelt)
            ga_loader_problem (l, fpath, "a text needs \"zh_CN\" or \"en\"");
          return FALSE;
        }
      ga_text_clear (out);
      out->zh = g_steal_pointer (&zh);
      out->en = g_steal_pointer (&en);
      return TRUE;
    }
  ga_loader_problem (l, fpath, "expected a text (a string or {\"zh_CN\": …, \"en\": …}), found %s",
                     node_description (node));
  return FALSE;
}

static gboolean
is_identifier (const char *id)
{
  if (id == NULL || !(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return FALSE;
  return g_ascii_strcasecmp (id, "TRUE") != 0 && g_ascii_strcasecmp (id, "FALSE") != 0;
}

static gboolean
is_section_id (const char *id)
{
  if (id == NULL || !(g_ascii_isalnum (id[0]) || id[0] == '_'))
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
is_template_id (const char *id)
{
  if (id == NULL || !(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
is_iso_date (const char *s)
{
  unsigned y, m, d;
  char tail;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  if (sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

/* Registers a name that formulas can use; reports duplicates with the place
 * of the first definition. */
static void
register_symbol (GaLoader     *l,
                 const char   *id,
                 const char   *path,
                 GaSymbolKind  kind,
                 guint         index,
                 guint         column)
{
  GaSymbol *sym;
  const char *first;

  if (id == NULL)
    return;
  first = g_hash_table_lookup (l->id_paths, id);
  if (first != NULL)
    {
      g_autofree char *fpath = field_path (path, "id");
      ga_loader_problem (l, fpath, "duplicate id '%s' (already used at %s)", id, first);
      return;
    }
  g_hash_table_insert (l->id_paths, g_strdup (id), g_strdup (path));
  sym = g_new0 (GaSymbol, 1);
  sym->kind = kind;
  sym->index = index;
  sym->column = column;
  /* The key is owned by the structure the symbol names. */
  g_hash_table_insert (l->tmpl->symbols, (gpointer) id, sym);
}

/* ------------------------------------------------------------------------ */
/* Expressions                                                              */

static void
add_site (GaLoader     *l,
          GaFormula    *formula,
          const char   *path,
          GaNodeKind    owner_kind,
          guint         owner_index,
          guint         owner_column,
          GaItem       *scope,
          GaItem       *self,
          GaStaticType  expect,
          gboolean      condition)
{
  GaFormulaSite *site = g_new0 (GaFormulaSite, 1);

  site->formula = formula;
  site->path = g_strdup (path);
  site->owner_kind = owner_kind;
  site->owner_index = owner_index;
  site->owner_column = owner_column;
  site->scope = scope;
  site->self = self;
  site->expect = expect;
  site->condition = condition;
  g_ptr_array_add (l->tmpl->sites, site);
}

/* A formula from a JSON node: a string is parsed, a number or boolean is
 * taken as its literal. */
static GaFormula *
parse_expr_node (GaLoader   *l,
                 JsonNode   *node,
                 const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GaFormula *formula;
  guint column = 0;

  if (node_is_string (node))
    text = g_strdup (json_node_get_string (node));
  else if (node_is_number (node))
    {
      double v = json_node_get_double (node);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (!isfinite (v))
        {
          ga_loader_problem (l, path, "the number is out of range");
          return NULL;
        }
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", v));
    }
  else if (node_is_boolean (node))
    text = g_strdup (json_node_get_boolean (node) ? "TRUE" : "FALSE");
  else
    {
      ga_loader_problem (l, path, "expected an expression (a formula string or a number), found %s",
                         node_description (node));
      return NULL;
    }

  if (*text == '\0')
    {
      ga_loader_problem (l, path, "the formula is empty");
      return NULL;
    }

  formula = ga_formula_parse (text, &column, &error);
  if (formula == NULL)
    {
      const char *message = error != NULL ? error->message : "the formula cannot be read";
      if (g_str_has_prefix (message, "column "))
        ga_loader_problem (l, path, "%s", message);
      else
        ga_loader_problem (l, path, "column %u: %s", column, message);
    }
  return formula;
}

typedef struct {
  GaNodeKind    owner_kind;
  guint         owner_index;
  guint         owner_column;
  GaItem       *scope;
  GaItem       *self;
} SiteOwner;

static GaFormula *
want_expr (GaLoader        *l,
           JsonObject      *obj,
           const char      *path,
           const char      *key,
           gboolean         required,
           const SiteOwner *owner,
           GaStaticType     expect,
           gboolean         condition)
{
  JsonNode *node = member (obj, key);
  g_autofree char *fpath = NULL;
  GaFormula *formula;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return NULL;
    }
  fpath = field_path (path, key);
  formula = parse_expr_node (l, node, fpath);
  if (formula != NULL)
    add_site (l, formula, fpath, owner->owner_kind, owner->owner_index, owner->owner_column,
              owner->scope, owner->self, expect, condition);
  return formula;
}

static gboolean
parse_comparator (GaLoader     *l,
                  JsonObject   *obj,
                  const char   *path,
                  const char   *key,
                  gboolean      required,
                  GaComparator *out)
{
  static const struct { const char *text; GaComparator cmp; } comparators[] = {
    { "<=", GA_CMP_LE }, { "≤", GA_CMP_LE }, { "<", GA_CMP_LT },
    { ">=", GA_CMP_GE }, { "≥", GA_CMP_GE }, { ">", GA_CMP_GT }, { "=", GA_CMP_EQ },
  };
  g_autofree char *text = NULL;
  g_autofree char *fpath = NULL;

  if (!want_string (l, obj, path, key, required, &text))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (comparators); i++)
    if (g_str_equal (text, comparators[i].text))
      {
        *out = comparators[i].cmp;
        return TRUE;
      }
  fpath = field_path (path, key);
  ga_loader_problem (l, fpath, "unknown comparator '%s' (use <=, <, >=, > or =)", text);
  return FALSE;
}

static gboolean
parse_na_policy (GaLoader   *l,
                 JsonObject *obj,
                 const char *path,
                 GaNaPolicy *out)
{
  g_autofree char *text = NULL;
  g_autofree char *fpath = NULL;

  if (!want_string (l, obj, path, "na_policy", FALSE, &text))
    return FALSE;
  if (g_str_equal (text, "exclude"))
    *out = GA_NA_POLICY_EXCLUDE;
  else if (g_str_equal (text, "renormalise") || g_str_equal (text, "renormalize"))
    *out = GA_NA_POLICY_RENORMALISE;
  else if (g_str_equal (text, "award"))
    *out = GA_NA_POLICY_AWARD;
  else
    {
      fpath = field_path (path, "na_policy");
      ga_loader_problem (l, fpath, "unknown N/A policy '%s' (use exclude, renormalise or award)",
                         text);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Options                                                                  */

static GPtrArray *
parse_options (GaLoader   *l,
               JsonObject *obj,
               const char *path,
               gboolean    required)
{
  static const char * const fields[] = { "id", "label", "points", "level", "fails", NULL };
  JsonArray *array = want_array (l, obj, path, "options", required);
  g_autofree char *opath = field_path (path, "options");
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *options;

  if (array == NULL)
    return NULL;
  options = g_ptr_array_new_with_free_func (ga_option_free);
  if (json_array_get_length (array) == 0)
    ga_loader_problem (l, opath, "a choice needs at least one option");

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = index_path (opath, NULL, i);
      JsonObject *o = element_object (l, json_array_get_element (array, i), p);
      GaOption *option;

      if (o == NULL)
        continue;
      check_fields (l, o, p, fields, NULL, NULL);
      option = g_new0 (GaOption, 1);
      option->points = NAN;
      g_ptr_array_add (options, option);
      if (want_string (l, o, p, "id", TRUE, &option->id))
        {
          if (g_hash_table_contains (seen, option->id))
            {
              g_autofree char *ip = field_path (p, "id");
              ga_loader_problem (l, ip, "duplicate option id '%s'", option->id);
            }
          g_hash_table_add (seen, option->id);
        }
      if (!want_text (l, o, p, "label", FALSE, &option->label) && option->id != NULL)
        {
          option->label.zh = g_strdup (option->id);
          option->label.en = g_strdup (option->id);
        }
      if (want_number (l, o, p, "points", FALSE, &option->points) && option->points < 0)
        {
          g_autofree char *pp = field_path (p, "points");
          ga_loader_problem (l, pp, "points must not be negative");
        }
      option->level = -1;
      want_int (l, o, p, "level", FALSE, 0, 3, &option->level);
      want_bool (l, o, p, "fails", &option->fails);
    }
  return options;
}

static gboolean
options_have_points (GPtrArray *options)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    if (!isnan (((GaOption *) options->pdata[i])->points))
      return TRUE;
  return FALSE;
}

static gboolean
options_have_fails (GPtrArray *options)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    if (((GaOption *) options->pdata[i])->fails)
      return TRUE;
  return FALSE;
}

static gboolean
options_have_levels (GPtrArray *options)
{
  for (guint i = 0; options != NULL && i < options->len; i++)
    if (((GaOption *) options->pdata[i])->level >= 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Lookup tables                                                            */

static void
parse_lookup_table (GaLoader   *l,
                    JsonObject *obj,
                    const char *path)
{
  static const char * const fields[] = {
    "id", "title", "source", "version", "verified", "unverified_reason", "columns", "units",
    "rows", "note", NULL
  };
  static const char * const row_fields[] = { "key", "values", "verified", "note", "label", NULL };
  GaTemplate *tmpl = l->tmpl;
  GaLookupTable *table = g_new0 (GaLookupTable, 1);
  JsonArray *columns, *units, *rows;
  guint n_cells = 0;

  check_fields (l, obj, path, fields, NULL, NULL);
  table->verified = TRUE;
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->column_units = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new ();
  table->row_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (tmpl->tables, table);

  if (want_string (l, obj, path, "id", TRUE, &table->id))
    {
      if (g_hash_table_contains (tmpl->tables_by_id, table->id))
        {
          g_autofree char *ip = field_path (path, "id");
          ga_loader_problem (l, ip, "duplicate lookup table id '%s'", table->id);
        }
      else
        g_hash_table_insert (tmpl->tables_by_id, table->id, table);
    }
  want_text (l, obj, path, "title", TRUE, &table->title);
  want_string (l, obj, path, "source", TRUE, &table->source);
  want_string (l, obj, path, "version", FALSE, &table->version);
  want_bool (l, obj, path, "verified", &table->verified);
  want_string (l, obj, path, "unverified_reason", FALSE, &table->unverified_reason);
  if (!table->verified && table->unverified_reason == NULL)
    ga_loader_problem (l, path, "a table with \"verified\": false needs \"unverified_reason\"");

  columns = want_array (l, obj, path, "columns", TRUE);
  if (columns != NULL)
    {
      g_autofree char *cpath = field_path (path, "columns");
      if (json_array_get_length (columns) < 2)
        ga_loader_problem (l, cpath, "a lookup table needs the key column and at least one more");
      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          JsonNode *n = json_array_get_element (columns, c);
          g_autofree char *p = index_path (cpath, NULL, c);
          if (!node_is_string (n) || *json_node_get_string (n) == '\0')
            {
              ga_loader_problem (l, p, "expected a column name, found %s", node_description (n));
              g_ptr_array_add (table->columns, g_strdup_printf ("column%u", c));
              continue;
            }
          for (guint k = 0; k < table->columns->len; k++)
            if (g_str_equal (table->columns->pdata[k], json_node_get_string (n)))
              ga_loader_problem (l, p, "duplicate column '%s'", json_node_get_string (n));
          g_ptr_array_add (table->columns, g_strdup (json_node_get_string (n)));
        }
    }
  n_cells = table->columns->len > 0 ? table->columns->len - 1 : 0;

  units = want_array (l, obj, path, "units", FALSE);
  for (guint c = 0; c < table->columns->len; c++)
    {
      JsonNode *n = units != NULL && c < json_array_get_length (units)
                    ? json_array_get_element (units, c) : NULL;
      g_ptr_array_add (table->column_units, node_is_string (n) ? g_strdup (json_node_get_string (n))
                                                              : NULL);
    }
  if (units != NULL)
    {
      g_autofree char *upath = field_path (path, "units");
      if (json_array_get_length (units) != table->columns->len)
        ga_loader_problem (l, upath, "%u units for %u columns",
                           json_array_get_length (units), table->columns->len);
      for (guint c = 0; c < json_array_get_length (units); c++)
        {
          JsonNode *n = json_array_get_element (units, c);
          if (!JSON_NODE_HOLDS_NULL (n) && !node_is_string (n))
            {
              g_autofree char *p = index_path (upath, NULL, c);
              ga_loader_problem (l, p, "expected a unit string or null, found %s",
                                 node_description (n));
            }
        }
    }

  rows = want_array (l, obj, path, "rows", TRUE);
  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      g_autofree char *rpath = index_path (path, "rows", r);
      JsonObject *ro = element_object (l, json_array_get_element (rows, r), rpath);
      GaTableRow *row;
      JsonArray *values;

      if (ro == NULL)
        continue;
      check_fields (l, ro, rpath, row_fields, NULL, NULL);
      row = g_new0 (GaTableRow, 1);
      row->verified = table->verified;
      row->cells = g_new0 (GaValue, MAX (n_cells, 1));
      g_ptr_array_add (table->rows, row);
      if (want_string (l, ro, rpath, "key", TRUE, &row->key))
        {
          char *folded = g_utf8_casefold (row->key, -1);
          if (g_hash_table_contains (table->row_by_key, folded))
            {
              g_autofree char *kp = field_path (rpath, "key");
              ga_loader_problem (l, kp, "duplicate key '%s'", row->key);
              g_free (folded);
            }
          else
            g_hash_table_insert (table->row_by_key, folded, row);
        }
      want_text (l, ro, rpath, "label", FALSE, &row->label);
      want_bool (l, ro, rpath, "verified", &row->verified);
      want_string (l, ro, rpath, "note", FALSE, &row->note);
      values = want_array (l, ro, rpath, "values", TRUE);
      if (values == NULL)
        continue;
      if (json_array_get_length (values) != n_cells)
        {
          g_autofree char *vp = field_path (rpath, "values");
          ga_loader_problem (l, vp, "%u values for %u columns after the key",
                             json_array_get_length (values), n_cells);
        }
      for (guint c = 0; c < n_cells && c < json_array_get_length (values); c++)
        {
          JsonNode *n = json_array_get_element (values, c);
          if (node_is_number (n) && isfinite (json_node_get_double (n)))
            ga_value_set_number (&row->cells[c], json_node_get_double (n));
          else if (node_is_string (n))
            ga_value_set_text (&row->cells[c], json_node_get_string (n));
          else if (!JSON_NODE_HOLDS_NULL (n))
            {
              g_autofree char *vp = g_strdup_printf ("%s.values[%u]", rpath, c);
              ga_loader_problem (l, vp, "expected a number, a string or null, found %s",
                                 node_description (n));
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Items                                                                    */


#define ITEM_COMMON_FIELDS \
  "id", "kind", "title", "requirement", "guidance", "clause", "source", "verified", \
  "unverified_reason", "mandatory", "veto", "limiting", "bonus", "na_allowed", "points", \
  "weight", "applicable", "evidence", "score"

/* The fields an item of @kind may have (static lists, so that their sets
 * are built once). */
static const char * const *
item_fields (GaItemKind kind)
{
  static const char * const common[] = { ITEM_COMMON_FIELDS, NULL };
  static const char * const compliance[] = { ITEM_COMMON_FIELDS, "partial_factor", NULL };
  static const char * const number[] = { ITEM_COMMON_FIELDS, "unit", "min", "max", "integer",
                                         NULL };
  static const char * const choice[] = { ITEM_COMMON_FIELDS, "options", NULL };
  static const char * const table[] = { ITEM_COMMON_FIELDS, "columns", "rows", "min_rows", NULL };
  static const char * const computed[] = { ITEM_COMMON_FIELDS, "value", "unit", "format", NULL };

  switch (kind)
    {
    case GA_ITEM_COMPLIANCE: return compliance;
    case GA_ITEM_NUMBER: return number;
    case GA_ITEM_CHOICE:
    case GA_ITEM_MULTI: return choice;
    case GA_ITEM_TABLE: return table;
    case GA_ITEM_COMPUTED: return computed;
    default: return common;
    }
}

static const char * const item_specific_fields[] = {
  "partial_factor", "unit", "min", "max", "integer", "options", "columns", "rows", "min_rows",
  "value", "format", NULL
};

static const char * const item_kind_names[] = {
  "compliance", "yesno", "number", "choice", "multi", "points", "text", "date", "table",
  "computed", NULL
};

static const char * const column_kind_names[] = {
  "number", "text", "choice", "yesno", "date", "computed", NULL
};

/* "items of kind 'number'", for messages about fields of another kind. */
static const char *
kind_phrase (GaItemKind kind,
             gboolean   column)
{
  static const char * const items[] = {
    "items of kind 'compliance'", "items of kind 'yesno'", "items of kind 'number'",
    "items of kind 'choice'", "items of kind 'multi'", "items of kind 'points'",
    "items of kind 'text'", "items of kind 'date'", "items of kind 'table'",
    "items of kind 'computed'",
  };
  static const char * const columns[] = {
    "columns of kind 'compliance'", "columns of kind 'yesno'", "columns of kind 'number'",
    "columns of kind 'choice'", "columns of kind 'multi'", "columns of kind 'points'",
    "columns of kind 'text'", "columns of kind 'date'", "columns of kind 'table'",
    "columns of kind 'computed'",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (items) == GA_ITEM_COMPUTED + 1);
  if ((guint) kind > GA_ITEM_COMPUTED)
    return column ? "columns of this kind" : "items of this kind";
  return column ? columns[kind] : items[kind];
}

/* " (did you mean 'compliance'?)" or "". */
static char *
kind_hint (const char         *kind,
           const char * const *names)
{
  const char *best = closest_name (kind, names);

  return best != NULL ? g_strdup_printf (" (did you mean '%s'?)", best) : g_strdup ("");
}

static gboolean
parse_kind (const char *text,
            GaItemKind *out)
{
  for (GaItemKind k = GA_ITEM_COMPLIANCE; k <= GA_ITEM_COMPUTED; k++)
    if (g_str_equal (text, ga_item_kind_to_string (k)))
      {
        *out = k;
        return TRUE;
      }
  return FALSE;
}

#define COLUMN_COMMON_FIELDS "id", "kind", "title", "unit", "required"

static const char * const *
column_fields_for (GaItemKind kind)
{
  static const char * const common[] = { COLUMN_COMMON_FIELDS, NULL };
  static const char * const computed[] = { COLUMN_COMMON_FIELDS, "value", NULL };
  static const char * const choice[] = { COLUMN_COMMON_FIELDS, "options", "options_table", NULL };
  static const char * const number[] = { COLUMN_COMMON_FIELDS, "min", "max", NULL };

  switch (kind)
    {
    case GA_ITEM_COMPUTED: return computed;
    case GA_ITEM_CHOICE: return choice;
    case GA_ITEM_NUMBER: return number;
    default: return common;
    }
}

static void
parse_columns (GaLoader   *l,
               JsonObject *obj,
               const char *path,
               GaItem     *item)
{
  static const char * const column_specific[] = {
    "value", "options", "options_table", "min", "max", NULL
  };
  JsonArray *array = want_array (l, obj, path, "columns", TRUE);
  g_autofree char *cpath = field_path (path, "columns");

  item->columns = g_ptr_array_new_with_free_func (ga_column_free);
  if (array == NULL)
    return;
  if (json_array_get_length (array) == 0)
    ga_loader_problem (l, cpath, "a table needs at least one column");

  for (guint c = 0; c < json_array_get_length (array); c++)
    {
      g_autofree char *p = index_path (cpath, NULL, c);
      JsonObject *co = element_object (l, json_array_get_element (array, c), p);
      g_autofree char *kind = NULL;
      GaColumn *column;
      SiteOwner owner = { GA_NODE_COLUMN, item->index, item->columns->len, item, NULL };

      column = g_new0 (GaColumn, 1);
      column->kind = GA_ITEM_TEXT;
      column->min = NAN;
      column->max = NAN;
      g_ptr_array_add (item->columns, column);
      if (co == NULL)
        {
          column->id = g_strdup_printf ("column%u", c);
          continue;
        }

      if (want_string (l, co, p, "id", TRUE, &column->id))
        {
          if (!is_identifier (column->id))
            {
              g_autofree char *ip = field_path (p, "id");
              ga_loader_problem (l, ip, "'%s' is not a valid id (letters, digits and _; not "
                                 "starting with a digit)", column->id);
            }
          register_symbol (l, column->id, p, GA_SYMBOL_COLUMN, item->index, c);
        }
      else
        column->id = g_strdup_printf ("column%u", c);

      if (want_string (l, co, p, "kind", TRUE, &kind))
        {
          GaItemKind k;
          if (!parse_kind (kind, &k) || !(k == GA_ITEM_NUMBER || k == GA_ITEM_TEXT
                                          || k == GA_ITEM_CHOICE || k == GA_ITEM_YESNO
                                          || k == GA_ITEM_DATE || k == GA_ITEM_COMPUTED))
            {
              g_autofree char *kp = field_path (p, "kind");
              g_autofree char *hint = kind_hint (kind, column_kind_names);
              ga_loader_problem (l, kp, "unknown column kind '%s'%s; use number, text, choice, "
                                 "yesno, date or computed", kind, hint);
            }
          else
            column->kind = k;
        }

      check_fields (l, co, p, column_fields_for (column->kind), column_specific,
                    kind_phrase (column->kind, TRUE));

      if (!want_text (l, co, p, "title", FALSE, &column->title))
        {
          column->title.zh = g_strdup (column->id);
          column->title.en = g_strdup (column->id);
        }
      want_string (l, co, p, "unit", FALSE, &column->unit);
      want_bool (l, co, p, "required", &column->required);

      switch (column->kind)
        {
        case GA_ITEM_COMPUTED:
          column->formula = want_expr (l, co, p, "value", TRUE, &owner, GA_STATIC_ANY, FALSE);
          break;
        case GA_ITEM_NUMBER:
          want_number (l, co, p, "min", FALSE, &column->min);
          want_number (l, co, p, "max", FALSE, &column->max);
          if (!isnan (column->min) && !isnan (column->max) && column->min > column->max)
            ga_loader_problem (l, p, "bounds: min %g is greater than max %g", column->min,
                               column->max);
          break;
        case GA_ITEM_CHOICE:
          if (member (co, "options_table") != NULL)
            {
              GaLookupTable *table;
              if (member (co, "options") != NULL)
                ga_loader_problem (l, p, "give either \"options\" or \"options_table\", not both");
              want_string (l, co, p, "options_table", TRUE, &column->options_table);
              table = column->options_table != NULL
                      ? g_hash_table_lookup (l->tmpl->tables_by_id, column->options_table) : NULL;
              column->options = g_ptr_array_new_with_free_func (ga_option_free);
              if (column->options_table != NULL && table == NULL)
                {
                  g_autofree char *tp = field_path (p, "options_table");
                  ga_loader_problem (l, tp, "unknown lookup table '%s'", column->options_table);
                }
              for (guint r = 0; table != NULL && r < table->rows->len; r++)
                {
                  GaTableRow *row = table->rows->pdata[r];
                  GaOption *option = g_new0 (GaOption, 1);
                  if (row->key == NULL)
                    {
                      g_free (option);
                      continue;
                    }
                  option->id = g_strdup (row->key);
                  option->label.zh = g_strdup (row->label.zh != NULL ? row->label.zh : row->key);
                  option->label.en = g_strdup (row->label.en != NULL ? row->label.en : row->key);
                  option->points = NAN;
                  option->level = -1;
                  g_ptr_array_add (column->options, option);
                }
            }
          else
            column->options = parse_options (l, co, p, TRUE);
          break;
        default:
          break;
        }
    }
}

static void
parse_fixed_rows (GaLoader   *l,
                  JsonObject *obj,
                  const char *path,
                  GaItem     *item)
{
  JsonArray *rows = want_array (l, obj, path, "rows", FALSE);

  if (rows == NULL)
    return;
  item->fixed_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *n = json_array_get_element (rows, r);
      g_autofree char *rpath = index_path (path, "rows", r);
      g_autoptr(GError) error = NULL;
      GaRow *row;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        {
          ga_loader_problem (l, rpath, "expected a row object, found %s", node_description (n));
          continue;
        }
      row = ga_answer_row_from_json (n, item, r, &error);
      if (row == NULL)
        ga_loader_problem (l, rpath, "%s", error->message);
      else
        ga_row_free (row);
      g_ptr_array_add (item->fixed_rows, json_object_ref (json_node_get_object (n)));
    }
}

static void
parse_score (GaLoader   *l,
             JsonObject *obj,
             const char *path,
             GaItem     *item)
{
  static const char * const score_fields[] = { "formula", "interp", "bands", "levels", NULL };
  static const char * const interp_fields[] = { "baseline", "leading", NULL };
  static const char * const bands_fields[] = { "cmp", "steps", "otherwise", NULL };
  static const char * const levels_fields[] = { "cmp", "I", "II", "III", NULL };
  JsonNode *node = member (obj, "score");
  g_autofree char *spath = field_path (path, "score");
  SiteOwner owner = { GA_NODE_ITEM, item->index, 0, NULL, item };
  GaScoreRule *rule = &item->score;
  JsonObject *so;
  guint n_forms = 0;

  if (node == NULL)
    return;
  if (node_is_string (node) || node_is_number (node))
    {
      rule->method = GA_SCORE_FORMULA;
      rule->formula = parse_expr_node (l, node, spath);
      if (rule->formula != NULL)
        add_site (l, rule->formula, spath, GA_NODE_ITEM, item->index, 0, NULL, item,
                  GA_STATIC_ANY, FALSE);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ga_loader_problem (l, spath, "expected a scoring rule object, found %s",
                         node_description (node));
      return;
    }
  so = json_node_get_object (node);
  check_fields (l, so, spath, score_fields, NULL, NULL);
  for (guint i = 0; score_fields[i] != NULL; i++)
    if (member (so, score_fields[i]) != NULL)
      n_forms++;
  if (n_forms != 1)
    {
      ga_loader_problem (l, spath, "a scoring rule needs exactly one of \"formula\", \"interp\", "
                         "\"bands\" or \"levels\" (found %u)", n_forms);
      if (n_forms == 0)
        return;
    }

  if (member (so, "formula") != NULL)
    {
      rule->method = GA_SCORE_FORMULA;
      rule->formula = want_expr (l, so, spath, "formula", TRUE, &owner, GA_STATIC_ANY, FALSE);
    }
  else if (member (so, "interp") != NULL)
    {
      g_autofree char *ipath = field_path (spath, "interp");
      JsonObject *io = want_object (l, so, spath, "interp", TRUE);

      rule->method = GA_SCORE_INTERP;
      if (io == NULL)
        return;
      check_fields (l, io, ipath, interp_fields, NULL, NULL);
      rule->baseline = want_expr (l, io, ipath, "baseline", TRUE, &owner, GA_STATIC_NUMBER, FALSE);
      rule->leading = want_expr (l, io, ipath, "leading", TRUE, &owner, GA_STATIC_NUMBER, FALSE);
    }
  else if (member (so, "bands") != NULL)
    {
      g_autofree char *bpath = field_path (spath, "bands");
      JsonObject *bo = want_object (l, so, spath, "bands", TRUE);
      JsonArray *steps;

      rule->method = GA_SCORE_BANDS;
      rule->band_cmp = GA_CMP_GE;
      rule->bands = g_ptr_array_new_with_free_func (ga_band_free);
      if (bo == NULL)
        return;
      check_fields (l, bo, bpath, bands_fields, NULL, NULL);
      parse_comparator (l, bo, bpath, "cmp", FALSE, &rule->band_cmp);
      want_number (l, bo, bpath, "otherwise", FALSE, &rule->band_otherwise);
      steps = want_array (l, bo, bpath, "steps", TRUE);
      if (steps != NULL && json_array_get_length (steps) == 0)
        {
          g_autofree char *sp = field_path (bpath, "steps");
          ga_loader_problem (l, sp, "bands need at least one step");
        }
      for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
        {
          JsonNode *sn = json_array_get_element (steps, i);
          g_autofree char *sp = index_path (bpath, "steps", i);
          JsonArray *pair;
          GaBand *band;

          if (!JSON_NODE_HOLDS_ARRAY (sn) || json_array_get_length (json_node_get_array (sn)) != 2)
            {
              ga_loader_problem (l, sp, "a step is [threshold, points], found %s",
                                 node_description (sn));
              continue;
            }
          pair = json_node_get_array (sn);
          band = g_new0 (GaBand, 1);
          g_ptr_array_add (rule->bands, band);
          {
            g_autofree char *tp = g_strdup_printf ("%s[0]", sp);
            band->threshold = parse_expr_node (l, json_array_get_element (pair, 0), tp);
            if (band->threshold != NULL)
              add_site (l, band->threshold, tp, GA_NODE_ITEM, item->index, 0, NULL, item,
                        GA_STATIC_NUMBER, FALSE);
          }
          if (!node_is_number (json_array_get_element (pair, 1))
              || !isfinite (json_array_get_double_element (pair, 1)))
            {
              g_autofree char *pp = g_strdup_printf ("%s[1]", sp);
              ga_loader_problem (l, pp, "expected the step's points (a number), found %s",
                                 node_description (json_array_get_element (pair, 1)));
            }
          else
            band->points = json_array_get_double_element (pair, 1);
        }
    }
  else if (member (so, "levels") != NULL)
    {
      static const char * const names[] = { "I", "II", "III" };
      g_autofree char *lpath = field_path (spath, "levels");
      JsonObject *lo = want_object (l, so, spath, "levels", TRUE);
      guint defined = 0;

      rule->method = GA_SCORE_LEVELS;
      if (lo == NULL)
        return;
      if (item->kind == GA_ITEM_CHOICE)
        {
          /* A choice takes its level from the chosen option: {"levels": {}}. */
          if (json_object_get_size (lo) > 0)
            ga_loader_problem (l, lpath, "choice items take their level from the chosen "
                               "option's \"level\"; leave \"levels\" empty ({})");
          return;
        }
      check_fields (l, lo, lpath, levels_fields, NULL, NULL);
      parse_comparator (l, lo, lpath, "cmp", TRUE, &rule->level_cmp);
      for (guint k = 0; k < 3; k++)
        {
          JsonNode *bn = member (lo, names[k]);
          if (bn == NULL || JSON_NODE_HOLDS_NULL (bn))
            continue;
          defined++;
          rule->benchmark[k] = want_expr (l, lo, lpath, names[k], TRUE, &owner,
                                          GA_STATIC_NUMBER, FALSE);
        }
      if (defined == 0)
        ga_loader_problem (l, lpath, "at least one of the benchmarks I, II, III is needed");
    }
}

static gboolean
kind_is_numeric (GaItemKind kind)
{
  return kind == GA_ITEM_NUMBER || kind == GA_ITEM_COMPUTED || kind == GA_ITEM_POINTS
         || kind == GA_ITEM_MULTI;
}

/* The rules that tie fields together: what is scored how, veto and bonus. */
static void
check_item_rules (GaLoader   *l,
                  JsonObject *obj,
                  const char *path,
                  GaItem     *item)
{
  GaTemplate *tmpl = l->tmpl;
  GaScoreRule *rule = &item->score;
  gboolean has_points = member (obj, "points") != NULL;
  gboolean cp = tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION;
  const char *kind = ga_item_kind_to_string (item->kind);

  /* The default rule when "score" is absent. */
  if (member (obj, "score") == NULL)
    {
      switch (item->kind)
        {
        /* Without points (and outside veto and level rules) a yes/no or a
         * compliance answer is an input, e.g. "has a boiler". */
        case GA_ITEM_COMPLIANCE:
          if (has_points || item->veto || item->weight != NULL)
            rule->method = GA_SCORE_COMPLIANCE;
          break;
        case GA_ITEM_YESNO:
          if (has_points || item->veto || item->weight != NULL)
            rule->method = GA_SCORE_YESNO;
          break;
        case GA_ITEM_CHOICE:
          if (item->weight != NULL && options_have_levels (item->options))
            rule->method = GA_SCORE_LEVELS;
          else if (options_have_points (item->options))
            rule->method = GA_SCORE_OPTIONS;
          break;
        case GA_ITEM_MULTI:
          if (options_have_points (item->options))
            rule->method = GA_SCORE_OPTIONS;
          break;
        case GA_ITEM_POINTS:
          rule->method = GA_SCORE_POINTS;
          break;
        default:
          break;
        }
    }
  else
    {
      g_autofree char *spath = field_path (path, "score");
      if ((rule->method == GA_SCORE_INTERP || rule->method == GA_SCORE_BANDS
           || rule->method == GA_SCORE_LEVELS) && !kind_is_numeric (item->kind))
        {
          if (!(item->kind == GA_ITEM_CHOICE && rule->method == GA_SCORE_LEVELS))
            ga_loader_problem (l, spath, "this rule compares a number, but items of kind '%s' "
                               "have no numeric value", kind);
        }
    }

  /* A choice without explicit points is worth its best option. */
  if (!has_points && (rule->method == GA_SCORE_OPTIONS))
    {
      double best = 0;
      for (guint i = 0; item->options != NULL && i < item->options->len; i++)
        {
          GaOption *o = item->options->pdata[i];
          if (!isnan (o->points))
            best = item->kind == GA_ITEM_MULTI ? best + o->points : MAX (best, o->points);
        }
      item->points = best;
    }

  if (item->veto)
    {
      if (has_points)
        ga_loader_problem (l, path, "veto items are pass/fail and not scored; remove \"points\"");
      if (item->bonus)
        ga_loader_problem (l, path, "an item cannot be both \"veto\" and \"bonus\"");
      if (item->weight != NULL)
        ga_loader_problem (l, path, "a veto item has no weight");
      if (rule->method == GA_SCORE_INTERP || rule->method == GA_SCORE_BANDS
          || rule->method == GA_SCORE_LEVELS || rule->method == GA_SCORE_POINTS)
        ga_loader_problem (l, path, "a veto item is pass/fail: use kind compliance or yesno, a "
                           "choice with a failing option, or a score formula that is TRUE when "
                           "the requirement is met");
      else if ((rule->method == GA_SCORE_NONE
                && !(item->kind == GA_ITEM_CHOICE && options_have_fails (item->options)))
               || (rule->method == GA_SCORE_OPTIONS && item->kind == GA_ITEM_MULTI))
        ga_loader_problem (l, path, "a veto item needs something that can fail: kind compliance "
                           "or yesno, a choice with an option marked \"fails\", or a score "
                           "formula that is TRUE when the requirement is met");
      if (item->kind == GA_ITEM_CHOICE)
        {
          gboolean any_fails = FALSE;
          for (guint i = 0; item->options != NULL && i < item->options->len; i++)
            any_fails |= ((GaOption *) item->options->pdata[i])->fails;
          if (!any_fails && rule->method != GA_SCORE_FORMULA)
            ga_loader_problem (l, path, "a veto choice needs at least one option with "
                               "\"fails\": true");
        }
      item->points = NAN;
      return;
    }

  if (item->weight != NULL)
    {
      if (!cp)
        ga_loader_problem (l, path, "\"weight\" is only used by scheme clean-production");
      else if (!(rule->method == GA_SCORE_LEVELS || rule->method == GA_SCORE_COMPLIANCE
                 || rule->method == GA_SCORE_YESNO))
        ga_loader_problem (l, path, "a weighted indicator needs a level: \"score\": {\"levels\": "
                           "…} for numbers, options with \"level\" for choices, or kind "
                           "compliance/yesno");
      if (item->kind == GA_ITEM_CHOICE && rule->method == GA_SCORE_LEVELS)
        for (guint i = 0; item->options != NULL && i < item->options->len; i++)
          {
            GaOption *o = item->options->pdata[i];
            if (o->level < 0)
              ga_loader_problem (l, path, "option '%s' has no \"level\" (0 = below III)",
                                 o->id != NULL ? o->id : "?");
          }
    }
  else if (item->limiting)
    ga_loader_problem (l, path, "a limiting indicator needs a \"weight\"");
  else if (rule->method == GA_SCORE_LEVELS && item->kind != GA_ITEM_CHOICE)
    ga_loader_problem (l, path, "level scoring is for weighted clean-production indicators; "
                       "add \"weight\"");

  if (cp && item->weight != NULL)
    {
      /* Indicators are scored by level and weight, not by points. */
      if (has_points)
        ga_loader_problem (l, path, "clean-production indicators are weighted, not scored by "
                           "points; remove \"points\"");
      item->points = NAN;
      return;
    }

  switch (rule->method)
    {
    case GA_SCORE_NONE:
      if (has_points)
        ga_loader_problem (l, path, "items of kind '%s' are not scored without a \"score\" rule; "
                           "remove \"points\" or add a rule", kind);
      if (item->bonus)
        ga_loader_problem (l, path, "a bonus item must be scored");
      item->points = NAN;
      break;
    case GA_SCORE_OPTIONS:
      for (guint i = 0; item->options != NULL && i < item->options->len; i++)
        {
          GaOption *o = item->options->pdata[i];
          if (!isnan (o->points) && o->points > item->points && item->kind == GA_ITEM_CHOICE)
            ga_loader_problem (l, path, "option '%s' gives %g points, more than the item's %g",
                               o->id != NULL ? o->id : "?", o->points, item->points);
        }
      break;
    case GA_SCORE_LEVELS:
      break;
    default:
      if (!has_points)
        ga_loader_problem (l, path, "missing required field 'points' (the item is scored)");
      break;
    }

  if (rule->method == GA_SCORE_BANDS && rule->bands != NULL && !isnan (item->points))
    for (guint i = 0; i < rule->bands->len; i++)
      {
        GaBand *band = rule->bands->pdata[i];
        if (band->points > item->points || band->points < 0)
          {
            g_autofree char *sp = g_strdup_printf ("%s.score.bands.steps[%u][1]", path, i);
            ga_loader_problem (l, sp, "%g points is outside 0 … %g (the item's points)",
                               band->points, item->points);
          }
      }
}

static GaItem *
parse_item (GaLoader   *l,
            JsonObject *obj,
            const char *path,
            GaSection  *section)
{
  GaTemplate *tmpl = l->tmpl;
  GaItem *item = g_new0 (GaItem, 1);
  g_autofree char *kind = NULL;
  SiteOwner owner = { GA_NODE_ITEM, 0, 0, NULL, NULL };
  SiteOwner self_owner;
  gboolean kind_known = FALSE;
  JsonArray *evidence;

  item->index = tmpl->items->len;
  item->section = section;
  item->json_path = g_strdup (path);
  item->verified = TRUE;
  item->mandatory = TRUE;
  item->na_allowed = TRUE;
  item->points = NAN;
  item->min = NAN;
  item->max = NAN;
  item->score.partial_factor = 0.5;
  item->kind = GA_ITEM_TEXT;
  g_ptr_array_add (tmpl->items, item);
  g_ptr_array_add (section->items, item);
  owner.owner_index = item->index;
  self_owner = owner;
  self_owner.self = item;

  if (want_string (l, obj, path, "id", TRUE, &item->id))
    {
      if (!is_identifier (item->id))
        {
          g_autofree char *ip = field_path (path, "id");
          ga_loader_problem (l, ip, "'%s' is not a valid item id (letters, digits and _, not "
                             "starting with a digit; used in formulas)", item->id);
        }
      register_symbol (l, item->id, path, GA_SYMBOL_ITEM, item->index, 0);
    }
  else
    item->id = g_strdup_printf ("#%u", item->index);

  if (want_string (l, obj, path, "kind", TRUE, &kind))
    {
      kind_known = parse_kind (kind, &item->kind);
      if (!kind_known)
        {
          g_autofree char *kp = field_path (path, "kind");
          g_autofree char *hint = kind_hint (kind, item_kind_names);
          ga_loader_problem (l, kp, "unknown item kind '%s'%s; use compliance, yesno, number, "
                             "choice, multi, points, text, date, table or computed", kind, hint);
        }
    }
  if (!kind_known)
    {
      /* Whatever depends on the kind (fields, scoring, types) would only
       * repeat this problem in other words. */
      if (l->untyped == NULL)
        l->untyped = g_hash_table_new (NULL, NULL);
      g_hash_table_add (l->untyped, item);
    }

  if (kind_known)
    check_fields (l, obj, path, item_fields (item->kind), item_specific_fields,
                  kind_phrase (item->kind, FALSE));

  want_text (l, obj, path, "title", TRUE, &item->title);
  want_text (l, obj, path, "requirement", FALSE, &item->requirement);
  want_text (l, obj, path, "guidance", FALSE, &item->guidance);
  want_string (l, obj, path, "clause", FALSE, &item->clause);
  want_string (l, obj, path, "source", TRUE, &item->source);
  want_bool (l, obj, path, "verified", &item->verified);
  want_string (l, obj, path, "unverified_reason", FALSE, &item->unverified_reason);
  if (!item->verified && item->unverified_reason == NULL)
    ga_loader_problem (l, path, "an item with \"verified\": false needs \"unverified_reason\"");
  want_bool (l, obj, path, "mandatory", &item->mandatory);
  want_bool (l, obj, path, "veto", &item->veto);
  want_bool (l, obj, path, "limiting", &item->limiting);
  want_bool (l, obj, path, "bonus", &item->bonus);
  want_bool (l, obj, path, "na_allowed", &item->na_allowed);
  if (want_number (l, obj, path, "points", FALSE, &item->points) && item->points < 0)
    {
      g_autofree char *pp = field_path (path, "points");
      ga_loader_problem (l, pp, "points must not be negative");
    }
  item->weight = want_expr (l, obj, path, "weight", FALSE, &self_owner, GA_STATIC_NUMBER, FALSE);
  item->applicable = want_expr (l, obj, path, "applicable", FALSE, &owner, GA_STATIC_BOOLEAN,
                                TRUE);

  evidence = want_array (l, obj, path, "evidence", FALSE);
  if (evidence != NULL)
    {
      item->evidence = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < json_array_get_length (evidence); i++)
        {
          JsonNode *n = json_array_get_element (evidence, i);
          if (!node_is_string (n))
            {
              g_autofree char *ep = index_path (path, "evidence", i);
              ga_loader_problem (l, ep, "expected a string, found %s", node_description (n));
              continue;
            }
          g_ptr_array_add (item->evidence, g_strdup (json_node_get_string (n)));
        }
    }

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      if (want_number (l, obj, path, "partial_factor", FALSE, &item->score.partial_factor)
          && (item->score.partial_factor < 0 || item->score.partial_factor > 1))
        {
          g_autofree char *pp = field_path (path, "partial_factor");
          ga_loader_problem (l, pp, "must be between 0 and 1");
          item->score.partial_factor = 0.5;
        }
      break;
    case GA_ITEM_NUMBER:
      want_string (l, obj, path, "unit", FALSE, &item->unit);
      want_number (l, obj, path, "min", FALSE, &item->min);
      want_number (l, obj, path, "max", FALSE, &item->max);
      want_bool (l, obj, path, "integer", &item->integer);
      if (!isnan (item->min) && !isnan (item->max) && item->min > item->max)
        ga_loader_problem (l, path, "bounds: min %g is greater than max %g", item->min, item->max);
      break;
    case GA_ITEM_CHOICE:
    case GA_ITEM_MULTI:
      item->options = parse_options (l, obj, path, TRUE);
      break;
    case GA_ITEM_TABLE:
      parse_columns (l, obj, path, item);
      parse_fixed_rows (l, obj, path, item);
      {
        int min_rows = 0;
        if (want_int (l, obj, path, "min_rows", FALSE, 0, 100000, &min_rows))
          item->min_rows = (guint) min_rows;
      }
      break;
    case GA_ITEM_COMPUTED:
      item->value = want_expr (l, obj, path, "value", TRUE, &owner, GA_STATIC_ANY, FALSE);
      want_string (l, obj, path, "unit", FALSE, &item->unit);
      want_string (l, obj, path, "format", FALSE, &item->format);
      if (member (obj, "na_allowed") == NULL)
        item->na_allowed = FALSE;
      break;
    default:
      break;
    }

  if (!kind_known)
    {
      item->points = NAN;
      return item;
    }
  parse_score (l, obj, path, item);
  check_item_rules (l, obj, path, item);
  return item;
}

/* ------------------------------------------------------------------------ */
/* Sections                                                                 */

static void
parse_section (GaLoader   *l,
               JsonObject *obj,
               const char *path,
               GaSection  *parent,
               GaNaPolicy  inherited)
{
  static const char * const fields[] = {
    "id", "title", "clause", "points", "weight", "applicable", "na_policy", "sections", "items",
    "description", NULL
  };
  GaTemplate *tmpl = l->tmpl;
  GaSection *section = g_new0 (GaSection, 1);
  JsonArray *items, *children;
  SiteOwner owner = { GA_NODE_SECTION, 0, 0, NULL, NULL };
  SiteOwner sa_owner = { GA_NODE_SECTION_APPLICABLE, 0, 0, NULL, NULL };

  section->index = tmpl->sections->len;
  section->parent = parent;
  section->depth = parent != NULL ? parent->depth + 1 : 0;
  section->json_path = g_strdup (path);
  section->points = NAN;
  section->na_policy = inherited;
  section->sections = g_ptr_array_new ();
  section->items = g_ptr_array_new ();
  g_ptr_array_add (tmpl->sections, section);
  if (parent != NULL)
    g_ptr_array_add (parent->sections, section);
  else
    g_ptr_array_add (tmpl->root_sections, section);
  owner.owner_index = section->index;
  sa_owner.owner_index = section->index;

  check_fields (l, obj, path, fields, NULL, NULL);
  if (want_string (l, obj, path, "id", TRUE, &section->id))
    {
      if (!is_section_id (section->id))
        {
          g_autofree char *ip = field_path (path, "id");
          ga_loader_problem (l, ip, "'%s' is not a valid section id (letters, digits, _ . -)",
                             section->id);
        }
      register_symbol (l, section->id, path, GA_SYMBOL_SECTION, section->index, 0);
    }
  else
    section->id = g_strdup_printf ("#section%u", section->index);
  want_text (l, obj, path, "title", TRUE, &section->title);
  want_string (l, obj, path, "clause", FALSE, &section->clause);
  if (want_number (l, obj, path, "points", FALSE, &section->points) && section->points < 0)
    {
      g_autofree char *pp = field_path (path, "points");
      ga_loader_problem (l, pp, "points must not be negative");
    }
  section->weight = want_expr (l, obj, path, "weight", FALSE, &owner, GA_STATIC_NUMBER, FALSE);
  section->applicable = want_expr (l, obj, path, "applicable", FALSE, &sa_owner,
                                   GA_STATIC_BOOLEAN, TRUE);
  parse_na_policy (l, obj, path, &section->na_policy);

  if (section->weight != NULL && tmpl->scheme != GA_SCHEME_CLEAN_PRODUCTION)
    ga_loader_problem (l, path, "\"weight\" is only used by scheme clean-production");
  else if (section->weight != NULL && parent != NULL)
    ga_loader_problem (l, path, "only first-level sections (categories) carry a weight");
  else if (section->weight == NULL && parent == NULL
           && tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && member (obj, "weight") == NULL)
    ga_loader_problem (l, path, "missing required field 'weight' (a clean-production category "
                       "needs its weight w_i)");

  items = want_array (l, obj, path, "items", FALSE);
  children = want_array (l, obj, path, "sections", FALSE);
  if ((items == NULL || json_array_get_length (items) == 0)
      && (children == NULL || json_array_get_length (children) == 0)
      && member (obj, "items") == NULL && member (obj, "sections") == NULL)
    ga_loader_problem (l, path, "a section needs \"items\" or \"sections\"");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autofree char *ipath = index_path (path, "items", i);
      JsonObject *io = element_object (l, json_array_get_element (items, i), ipath);
      if (io != NULL)
        parse_item (l, io, ipath, section);
    }
  for (guint i = 0; children != NULL && i < json_array_get_length (children); i++)
    {
      g_autofree char *cpath = index_path (path, "sections", i);
      JsonObject *co = element_object (l, json_array_get_element (children, i), cpath);
      if (co != NULL)
        parse_section (l, co, cpath, section, section->na_policy);
    }
}

/* ------------------------------------------------------------------------ */
/* Top level                                                                */

static int
compare_level_rules (gconstpointer a,
                     gconstpointer b)
{
  const GaLevelRule *ra = *(GaLevelRule * const *) a;
  const GaLevelRule *rb = *(GaLevelRule * const *) b;

  return ra->level - rb->level;
}

static void
parse_scoring (GaLoader   *l,
               JsonObject *root)
{
  static const char * const fields[] = {
    "scheme", "max", "pass", "na_policy", "bonus_cap", "grades", "levels", NULL
  };
  static const char * const grade_fields[] = { "id", "min", "label", NULL };
  static const char * const level_fields[] = {
    "level", "label", "min_index", "limiting", "others_min_level", NULL
  };
  GaTemplate *tmpl = l->tmpl;
  JsonObject *obj = want_object (l, root, "", "scoring", FALSE);
  g_autofree char *scheme = NULL;
  JsonArray *grades, *levels;

  tmpl->scheme = GA_SCHEME_POINTS;
  if (obj == NULL)
    return;
  check_fields (l, obj, "scoring", fields, NULL, NULL);
  if (want_string (l, obj, "scoring", "scheme", FALSE, &scheme))
    {
      if (g_str_equal (scheme, "points"))
        tmpl->scheme = GA_SCHEME_POINTS;
      else if (g_str_equal (scheme, "clean-production"))
        tmpl->scheme = GA_SCHEME_CLEAN_PRODUCTION;
      else if (g_str_equal (scheme, "none"))
        tmpl->scheme = GA_SCHEME_NONE;
      else
        ga_loader_problem (l, "scoring.scheme", "unknown scheme '%s' (use points, "
                           "clean-production or none)", scheme);
    }
  want_number (l, obj, "scoring", "max", FALSE, &tmpl->max_score);
  want_number (l, obj, "scoring", "pass", FALSE, &tmpl->pass_score);
  if (want_number (l, obj, "scoring", "bonus_cap", FALSE, &tmpl->bonus_cap)
      && tmpl->bonus_cap < 0)
    ga_loader_problem (l, "scoring.bonus_cap", "must not be negative");
  parse_na_policy (l, obj, "scoring", &tmpl->na_policy);
  if (!isnan (tmpl->pass_score) && !isnan (tmpl->max_score) && tmpl->pass_score > tmpl->max_score)
    ga_loader_problem (l, "scoring.pass", "the pass mark %g is above the maximum %g",
                       tmpl->pass_score, tmpl->max_score);

  grades = want_array (l, obj, "scoring", "grades", FALSE);
  for (guint i = 0; grades != NULL && i < json_array_get_length (grades); i++)
    {
      g_autofree char *p = g_strdup_printf ("scoring.grades[%u]", i);
      JsonObject *go = element_object (l, json_array_get_element (grades, i), p);
      GaGrade *grade;

      if (go == NULL)
        continue;
      check_fields (l, go, p, grade_fields, NULL, NULL);
      grade = g_new0 (GaGrade, 1);
      g_ptr_array_add (tmpl->grades, grade);
      want_string (l, go, p, "id", TRUE, &grade->id);
      want_number (l, go, p, "min", TRUE, &grade->min_score);
      if (!want_text (l, go, p, "label", FALSE, &grade->label) && grade->id != NULL)
        {
          grade->label.zh = g_strdup (grade->id);
          grade->label.en = g_strdup (grade->id);
        }
      if (i > 0 && grade->min_score >= ((GaGrade *) tmpl->grades->pdata[i - 1])->min_score)
        ga_loader_problem (l, p, "grades must be listed from the highest minimum down");
    }

  levels = want_array (l, obj, "scoring", "levels", FALSE);
  if (levels != NULL && tmpl->scheme != GA_SCHEME_CLEAN_PRODUCTION)
    ga_loader_problem (l, "scoring.levels", "levels are only used by scheme clean-production");
  if (levels == NULL && tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
    ga_loader_problem (l, "scoring", "missing required field 'levels' (the level decision table "
                       "of scheme clean-production)");
  for (guint i = 0; levels != NULL && i < json_array_get_length (levels); i++)
    {
      g_autofree char *p = g_strdup_printf ("scoring.levels[%u]", i);
      JsonObject *lo = element_object (l, json_array_get_element (levels, i), p);
      GaLevelRule *rule;

      if (lo == NULL)
        continue;
      check_fields (l, lo, p, level_fields, NULL, NULL);
      rule = g_new0 (GaLevelRule, 1);
      if (want_int (l, lo, p, "level", TRUE, 1, 3, &rule->level))
        for (guint k = 0; k < tmpl->level_rules->len; k++)
          if (((GaLevelRule *) tmpl->level_rules->pdata[k])->level == rule->level)
            ga_loader_problem (l, p, "level %d is listed twice", rule->level);
      if (!want_text (l, lo, p, "label", FALSE, &rule->label))
        {
          static const char * const names[] = { "?", "I", "II", "III" };
          rule->label.zh = g_strdup_printf ("%s级", names[CLAMP (rule->level, 0, 3)]);
          rule->label.en = g_strdup_printf ("Level %s", names[CLAMP (rule->level, 0, 3)]);
        }
      if (want_number (l, lo, p, "min_index", TRUE, &rule->min_index)
          && (rule->min_index < 0 || rule->min_index > 100))
        ga_loader_problem (l, p, "min_index must be between 0 and 100");
      want_bool (l, lo, p, "limiting", &rule->limiting_at_level);
      want_int (l, lo, p, "others_min_level", FALSE, 0, 3, &rule->others_min_level);
      if (rule->level != 0)
        g_ptr_array_add (tmpl->level_rules, rule);
      else
        {
          ga_text_clear (&rule->label);
          g_free (rule);
        }
    }
  g_ptr_array_sort (tmpl->level_rules, compare_level_rules);
}

static void
parse_outputs (GaLoader   *l,
               JsonObject *root)
{
  static const char * const fields[] = {
    "id", "title", "unit", "value", "format", "description", NULL
  };
  GaTemplate *tmpl = l->tmpl;
  JsonArray *outputs = want_array (l, root, "", "outputs", FALSE);

  for (guint i = 0; outputs != NULL && i < json_array_get_length (outputs); i++)
    {
      g_autofree char *p = g_strdup_printf ("outputs[%u]", i);
      JsonObject *oo = element_object (l, json_array_get_element (outputs, i), p);
      GaOutput *output;
      SiteOwner owner = { GA_NODE_OUTPUT, 0, 0, NULL, NULL };

      if (oo == NULL)
        continue;
      check_fields (l, oo, p, fields, NULL, NULL);
      output = g_new0 (GaOutput, 1);
      owner.owner_index = tmpl->outputs->len;
      g_ptr_array_add (tmpl->outputs, output);
      g_ptr_array_add (tmpl->output_paths, g_strdup (p));
      if (want_string (l, oo, p, "id", TRUE, &output->id))
        {
          if (!is_identifier (output->id))
            {
              g_autofree char *ip = field_path (p, "id");
              ga_loader_problem (l, ip, "'%s' is not a valid id (letters, digits and _, not "
                                 "starting with a digit)", output->id);
            }
          register_symbol (l, output->id, p, GA_SYMBOL_OUTPUT, owner.owner_index, 0);
        }
      else
        output->id = g_strdup_printf ("#output%u", owner.owner_index);
      want_text (l, oo, p, "title", TRUE, &output->title);
      want_string (l, oo, p, "unit", FALSE, &output->unit);
      want_string (l, oo, p, "format", FALSE, &output->format);
      want_text (l, oo, p, "description", FALSE, &output->description);
      output->formula = want_expr (l, oo, p, "value", TRUE, &owner, GA_STATIC_ANY, FALSE);
    }
}

static void
parse_root (GaLoader *l,
            JsonNode *root_node)
{
  static const char * const fields[] = {
    "format", "id", "version", "kind", "title", "description", "standard", "province", "source",
    "verified", "unverified_reason", "scoring", "tables", "sections", "outputs", NULL
  };
  static const char * const standard_fields[] = { "code", "title", "effective", NULL };
  GaTemplate *tmpl = l->tmpl;
  JsonObject *root, *standard;
  JsonArray *tables, *sections;
  g_autofree char *kind = NULL;
  int format = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      ga_loader_problem (l, "$", "a template is a JSON object, found %s",
                         node_description (root_node));
      return;
    }
  root = json_node_get_object (root_node);
  check_fields (l, root, "", fields, NULL, NULL);

  if (want_int (l, root, "", "format", TRUE, 0, G_MAXINT, &format) && format != 1)
    ga_loader_problem (l, "format", "format %d is not supported (this version reads format 1)",
                       format);
  if (want_string (l, root, "", "id", TRUE, &tmpl->id) && !is_template_id (tmpl->id))
    ga_loader_problem (l, "id", "'%s' is not a valid template id (lower-case letters, digits and "
                       ". _ -, starting with a letter or digit)", tmpl->id);
  want_string (l, root, "", "version", TRUE, &tmpl->version);
  if (want_string (l, root, "", "kind", TRUE, &kind))
    {
      GaTemplateKind k;
      gboolean found = FALSE;
      for (k = GA_TEMPLATE_KIND_GREEN_FACTORY; k <= GA_TEMPLATE_KIND_CUSTOM; k++)
        if (g_str_equal (kind, ga_template_kind_to_string (k)))
          {
            tmpl->kind = k;
            found = TRUE;
          }
      if (!found)
        ga_loader_problem (l, "kind", "unknown kind '%s' (use green-factory, clean-production, "
                           "energy-audit or custom)", kind);
    }
  want_text (l, root, "", "title", TRUE, &tmpl->title);
  want_text (l, root, "", "description", FALSE, &tmpl->description);
  standard = want_object (l, root, "", "standard", TRUE);
  if (standard != NULL)
    {
      check_fields (l, standard, "standard", standard_fields, NULL, NULL);
      want_string (l, standard, "standard", "code", TRUE, &tmpl->standard);
      want_string (l, standard, "standard", "title", FALSE, &tmpl->standard_title);
      if (want_string (l, standard, "standard", "effective", FALSE, &tmpl->effective)
          && !is_iso_date (tmpl->effective))
        ga_loader_problem (l, "standard.effective", "'%s' is not a date (YYYY-MM-DD)",
                           tmpl->effective);
    }
  want_string (l, root, "", "province", FALSE, &tmpl->province);
  want_string (l, root, "", "source", TRUE, &tmpl->source);
  want_bool (l, root, "", "verified", &tmpl->verified);
  want_string (l, root, "", "unverified_reason", FALSE, &tmpl->unverified_reason);
  if (!tmpl->verified && tmpl->unverified_reason == NULL)
    ga_loader_problem (l, "$", "a template with \"verified\": false needs \"unverified_reason\"");

  parse_scoring (l, root);

  /* Lookup tables first: choice columns take their options from them. */
  tables = want_array (l, root, "", "tables", FALSE);
  for (guint i = 0; tables != NULL && i < json_array_get_length (tables); i++)
    {
      g_autofree char *p = g_strdup_printf ("tables[%u]", i);
      JsonObject *to = element_object (l, json_array_get_element (tables, i), p);
      if (to != NULL)
        parse_lookup_table (l, to, p);
    }

  sections = want_array (l, root, "", "sections", TRUE);
  if (sections != NULL && json_array_get_length (sections) == 0)
    ga_loader_problem (l, "sections", "a template needs at least one section");
  for (guint i = 0; sections != NULL && i < json_array_get_length (sections); i++)
    {
      g_autofree char *p = g_strdup_printf ("sections[%u]", i);
      JsonObject *so = element_object (l, json_array_get_element (sections, i), p);
      if (so != NULL)
        parse_section (l, so, p, NULL, tmpl->na_policy);
    }

  parse_outputs (l, root);
}

/* ------------------------------------------------------------------------ */
/* Problems in file order                                                   */

/* The position of each step of @path ("sections[2].items[5].score") in the
 * document: member order for objects, the index for lists. Steps that do
 * not exist sort after those that do. */
static GArray *
path_positions (JsonNode   *root,
                const char *path)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonNode *node = root;
  const char *p = path;

  if (g_str_equal (path, "$"))
    return out;
  while (*p != '\0')
    {
      const char *name = p;
      gsize len;
      guint pos = G_MAXUINT;

      while (*p != '\0' && *p != '.' && *p != '[')
        p++;
      len = p - name;
      if (len > 0)
        {
          if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObjectIter iter;
              const char *key;
              JsonNode *value, *next = NULL;
              guint k = 0;

              json_object_iter_init_ordered (&iter, json_node_get_object (node));
              while (json_object_iter_next_ordered (&iter, &key, &value))
                {
                  if (strlen (key) == len && memcmp (key, name, len) == 0)
                    {
                      pos = k;
                      next = value;
                      break;
                    }
                  k++;
                }
              node = next;
            }
          else
            node = NULL;
          g_array_append_val (out, pos);
        }
      while (*p == '[')
        {
          guint64 index = g_ascii_strtoull (p + 1, (char **) &p, 10);
          if (*p == ']')
            p++;
          pos = (guint) MIN (index, G_MAXUINT - 1);
          if (node != NULL && JSON_NODE_HOLDS_ARRAY (node)
              && index < json_array_get_length (json_node_get_array (node)))
            node = json_array_get_element (json_node_get_array (node), (guint) index);
          else
            node = NULL;
          g_array_append_val (out, pos);
        }
      if (*p == '.')
        p++;
      else if (*p != '\0' && *p != '[')
        break;
    }
  return out;
}

typedef struct {
  GArray *positions;
  guint   seq;
  char   *text;
} SortedProblem;

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const SortedProblem *pa = a, *pb = b;
  guint n = MIN (pa->positions->len, pb->positions->len);

  for (guint i = 0; i < n; i++)
    {
      guint x = g_array_index (pa->positions, guint, i);
      guint y = g_array_index (pb->positions, guint, i);
      if (x != y)
        return x < y ? -1 : 1;
    }
  if (pa->positions->len != pb->positions->len)
    return pa->positions->len < pb->positions->len ? -1 : 1;
  return pa->seq < pb->seq ? -1 : (pa->seq > pb->seq);
}

void
ga_problems_sort (GPtrArray *problems,
                  JsonNode  *root)
{
  g_autoptr(GArray) sorted = NULL;

  if (problems == NULL || problems->len < 2 || root == NULL)
    return;
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedProblem), problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      char *text = problems->pdata[i];
      const char *colon = strstr (text, ": ");
      g_autofree char *path = colon != NULL ? g_strndup (text, colon - text) : g_strdup ("$");
      SortedProblem sp = { path_positions (root, path), i, text };
      g_array_append_val (sorted, sp);
    }
  g_array_sort (sorted, compare_problems);
  for (guint i = 0; i < sorted->len; i++)
    {
      SortedProblem *sp = &g_array_index (sorted, SortedProblem, i);
      problems->pdata[i] = sp->text;
      g_array_unref (sp->positions);
    }
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

static JsonParser *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonParser *parser;

  if (length > MAX_TEMPLATE_BYTES)
    {
      g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON,
                   "1:1: the file is %" G_GSIZE_FORMAT " bytes; templates are limited to %d MB",
                   length, MAX_TEMPLATE_BYTES / (1024 * 1024));
      return NULL;
    }
  parser = ga_json_parse_bounded (data, (gssize) length, MAX_JSON_DEPTH, &local_error);
  if (parser == NULL)
    {
      if (g_error_matches (local_error, GA_JSON_ERROR, GA_JSON_ERROR_EMPTY))
        g_set_error_literal (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON,
                             "1:1: the file is empty; a template is a JSON object");
      else
        g_set_error_literal (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON,
                             local_error->message);
    }
  return parser;
}

#ifdef G_OS_UNIX
static void
unmap_copy (gpointer data)
{
  gsize *block = (gsize *) data - 2;

  munmap (block, block[0]);
}
#endif

/* The copy of the bytes kept with the template. A large one gets pages of
 * its own: as one big block of the malloc heap, freeing it makes malloc
 * sweep every small free block of the heap (malloc_consolidate), which
 * took 8 % of loading and freeing a 10 000-item template. */
static GBytes *
copy_bytes (const char *data,
            gsize       len)
{
#ifdef G_OS_UNIX
  if (len >= 1024 * 1024)
    {
      gsize size = len + 2 * sizeof (gsize);
      gsize *block = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                           0);
      if (block != MAP_FAILED)
        {
          block[0] = size;
          memcpy (block + 2, data, len);
          return g_bytes_new_with_free_func (block + 2, len, unmap_copy, block + 2);
        }
    }
#endif
  return g_bytes_new (data, len);
}

/* Loads and validates; returns the template (even with problems) and the
 * problems, or NULL when @data is not JSON. */
static GaTemplate *
load (const char  *data,
      gssize       length,
      const char  *origin,
      GPtrArray  **problems_out,
      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GaLoader loader = { 0 };
  gsize len;

  if (data == NULL)
    {
      data = "";
      length = 0;
    }
  len = length < 0 ? strlen (data) : (gsize) length;
  /* The copy kept with the template is made first, while the heap holds
   * no small free blocks: a large allocation after the JSON tree was built
   * and freed makes malloc sweep them all (seen as malloc_consolidate in
   * profiles of large templates). */
  bytes = copy_bytes (data, len);
  parser = parse_json (g_bytes_get_data (bytes, NULL), len, error);
  if (parser == NULL)
    return NULL;

  loader.tmpl = ga_template_alloc ();
  loader.problems = g_ptr_array_new_with_free_func (g_free);
  loader.id_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  loader.tmpl->bytes = g_steal_pointer (&bytes);
  loader.tmpl->origin = g_strdup (origin);

  parse_root (&loader, json_parser_get_root (parser));
  ga_template_validate_all (&loader);
  /* Checks run field by field and then over the whole template; a person
   * fixing the file reads the problems from top to bottom. */
  ga_problems_sort (loader.problems, json_parser_get_root (parser));

  g_hash_table_unref (loader.id_paths);
  g_clear_pointer (&loader.untyped, g_hash_table_unref);
  *problems_out = loader.problems;
  return loader.tmpl;
}

GaTemplate *
ga_template_new_from_data (const char  *data,
                           gssize       length,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  GaTemplate *tmpl;

  tmpl = load (data, length, origin, &problems, error);
  if (tmpl == NULL)
    return NULL;
  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);
      guint shown = MIN (problems->len, MAX_PROBLEMS_IN_ERROR);

      for (guint i = 0; i < shown; i++)
        {
          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, problems->pdata[i]);
        }
      if (shown < problems->len)
        g_string_append_printf (message, "\n… and %u more problem%s", problems->len - shown,
                                problems->len - shown == 1 ? "" : "s");
      g_set_error_literal (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_INVALID, message->str);
      ga_template_unref (tmpl);
      return NULL;
    }
  return tmpl;
}

GPtrArray *
ga_template_validate_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  GPtrArray *problems = NULL;
  GaTemplate *tmpl;

  tmpl = load (data, length, NULL, &problems, error);
  if (tmpl == NULL)
    return NULL;
  ga_template_unref (tmpl);
  return problems;
}
