/* ga-template-load-fields.c: reading the fields of a template, each problem reported with its path
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every reader reports a missing or wrong-typed field with the JSON path
 * of the field and returns FALSE (or NULL), so that the caller keeps its
 * default and the loader carries on to the next field.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-template-private.h"

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

char *
ga_field_path (const char *path,
               const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strconcat (path, ".", key, NULL);
}

/* "path.key[index]" (or "path[index]" without @key). Built by hand: one
 * of these is made for every item, option and column of a template, and
 * printf-style formatting showed in profiles of large templates. */
char *
ga_index_path (const char *path,
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

const char *
ga_node_description (GaJsonNode *node)
{
  if (node == NULL)
    return "nothing";
  switch (GA_JSON_NODE_TYPE (node))
    {
    case GA_JSON_NODE_NULL:
      return "null";
    case GA_JSON_NODE_OBJECT:
      return "an object";
    case GA_JSON_NODE_ARRAY:
      return "a list";
    case GA_JSON_NODE_VALUE:
      switch (ga_json_node_get_value_type (node))
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

gboolean
ga_node_is_string (GaJsonNode *node)
{
  return node != NULL && ga_json_node_tag (node) == GA_JSON_TAG_STRING;
}

gboolean
ga_node_is_number (GaJsonNode *node)
{
  return node != NULL && (ga_json_node_tag (node) == GA_JSON_TAG_INT
                          || ga_json_node_tag (node) == GA_JSON_TAG_DOUBLE);
}

gboolean
ga_node_is_boolean (GaJsonNode *node)
{
  return node != NULL && ga_json_node_tag (node) == GA_JSON_TAG_BOOLEAN;
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
const char *
ga_closest_name (const char         *word,
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
void
ga_loader_check_fields (GaLoader           *l,
                        GaJsonNode         *obj,
                        const char         *path,
                        const char * const *allowed,
                        const char * const *other,
                        const char         *other_kind)
{
  GHashTable *set = field_set (allowed);
  GaJsonDoc *doc = ga_json_node_get_doc (obj);
  GByteArray *verdicts;
  GHashTable *by_list;

  if (doc == NULL)
    return;
  /* What each key of the document is for each list (1 allowed, 2 not, 0
   * not known yet), kept with the document: the same few keys come back
   * on every item. */
  by_list = ga_json_doc_get_data (doc);
  if (by_list == NULL)
    {
      by_list = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_byte_array_unref);
      ga_json_doc_set_data (doc, by_list, (GDestroyNotify) g_hash_table_unref);
    }
  verdicts = g_hash_table_lookup (by_list, allowed);
  if (verdicts == NULL)
    {
      verdicts = g_byte_array_new ();
      g_hash_table_insert (by_list, (gpointer) allowed, verdicts);
    }

  for (guint i = 0; i < ga_json_object_get_size (obj); i++)
    {
      guint32 id = obj->v.children[i].key;
      const char *key = ga_json_doc_key (doc, id);
      const char *best;
      g_autofree char *fpath = NULL;

      if (id >= verdicts->len)
        {
          guint old_len = verdicts->len;
          g_byte_array_set_size (verdicts, ga_json_doc_get_n_keys (doc));
          memset (verdicts->data + old_len, 0, verdicts->len - old_len);
        }
      if (verdicts->data[id] == 0)
        verdicts->data[id] = key[0] == '_' || g_hash_table_contains (set, key) ? 1 : 2;
      if (verdicts->data[id] == 1)
        continue;

      fpath = ga_field_path (path, key);
      if (other != NULL && g_strv_contains (other, key))
        {
          /* @other_kind is "items of kind 'number'" and the like, put
           * together only here: it is needed only for this message. */
          ga_loader_problem (l, fpath, "field '%s' is not used by %s", key, other_kind);
          continue;
        }
      best = ga_closest_name (key, allowed);
      if (best != NULL)
        ga_loader_problem (l, fpath, "unknown field '%s' (did you mean '%s'?)", key, best);
      else
        ga_loader_problem (l, fpath, "unknown field '%s'", key);
    }
}

/* ------------------------------------------------------------------------ */
/* Typed getters: each reports a missing or wrong-typed field and returns   */
/* FALSE; the caller keeps its default.                                     */

gboolean
ga_loader_want_string (GaLoader   *l,
                       GaJsonNode *obj,
                       const char *path,
                       const char *key,
                       gboolean    required,
                       char      **out)
{
  GaJsonNode *node = ga_member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return FALSE;
    }
  if (!ga_node_is_string (node))
    {
      fpath = ga_field_path (path, key);
      ga_loader_problem (l, fpath, "expected a string, found %s", ga_node_description (node));
      return FALSE;
    }
  if (required && g_strcmp0 (ga_json_node_get_string (node), "") == 0)
    {
      ga_loader_problem (l, (fpath = ga_field_path (path, key)), "must not be empty");
      return FALSE;
    }
  if (out != NULL)
    {
      g_free (*out);
      *out = g_strdup (ga_json_node_get_string (node));
    }
  return TRUE;
}

gboolean
ga_loader_want_number (GaLoader   *l,
                       GaJsonNode *obj,
                       const char *path,
                       const char *key,
                       gboolean    required,
                       double     *out)
{
  GaJsonNode *node = ga_member (obj, key);
  g_autofree char *fpath = NULL;
  double v;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return FALSE;
    }
  if (!ga_node_is_number (node))
    {
      fpath = ga_field_path (path, key);
      ga_loader_problem (l, fpath, "expected a number, found %s", ga_node_description (node));
      return FALSE;
    }
  v = ga_json_node_get_double (node);
  if (!isfinite (v))
    {
      ga_loader_problem (l, (fpath = ga_field_path (path, key)), "the number is out of range");
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
ga_loader_want_int (GaLoader   *l,
                    GaJsonNode *obj,
                    const char *path,
                    const char *key,
                    gboolean    required,
                    int         min,
                    int         max,
                    int        *out)
{
  double v = 0;
  g_autofree char *fpath = NULL;

  if (!ga_loader_want_number (l, obj, path, key, required, &v))
    return FALSE;
  if (v != floor (v) || v < min || v > max)
    {
      fpath = ga_field_path (path, key);
      ga_loader_problem (l, fpath, "expected a whole number from %d to %d, found %s",
                         min, max, ga_json_node_get_string (ga_member (obj, key)) != NULL
                         ? ga_json_node_get_string (ga_member (obj, key)) : "a fraction");
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}

gboolean
ga_loader_want_bool (GaLoader   *l,
                     GaJsonNode *obj,
                     const char *path,
                     const char *key,
                     gboolean   *out)
{
  GaJsonNode *node = ga_member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    return FALSE;
  if (!ga_node_is_boolean (node))
    {
      fpath = ga_field_path (path, key);
      ga_loader_problem (l, fpath, "expected true or false, found %s", ga_node_description (node));
      return FALSE;
    }
  *out = ga_json_node_get_boolean (node);
  return TRUE;
}

/* A required or optional field that must hold a container of @type; @what
 * names it in the message ("a list", "an object"). */
static GaJsonNode *
want_container (GaLoader      *l,
                GaJsonNode    *obj,
                const char    *path,
                const char    *key,
                gboolean       required,
                GaJsonNodeType type,
                const char    *what)
{
  GaJsonNode *node = ga_member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return NULL;
    }
  if (GA_JSON_NODE_TYPE (node) != type)
    {
      fpath = ga_field_path (path, key);
      ga_loader_problem (l, fpath, "expected %s, found %s", what, ga_node_description (node));
      return NULL;
    }
  return node;
}

GaJsonNode *
ga_loader_want_array (GaLoader   *l,
                      GaJsonNode *obj,
                      const char *path,
                      const char *key,
                      gboolean    required)
{
  GaJsonNode *node = want_container (l, obj, path, key, required, GA_JSON_NODE_ARRAY, "a list");

  return node != NULL ? ga_json_node_get_array (node) : NULL;
}

GaJsonNode *
ga_loader_want_object (GaLoader   *l,
                       GaJsonNode *obj,
                       const char *path,
                       const char *key,
                       gboolean    required)
{
  GaJsonNode *node = want_container (l, obj, path, key, required, GA_JSON_NODE_OBJECT,
                                   "an object");

  return node != NULL ? ga_json_node_get_object (node) : NULL;
}

GaJsonNode *
ga_loader_element_object (GaLoader   *l,
                          GaJsonNode *node,
                          const char *path)
{
  if (!GA_JSON_NODE_HOLDS_OBJECT (node))
    {
      ga_loader_problem (l, path, "expected an object, found %s", ga_node_description (node));
      return NULL;
    }
  return ga_json_node_get_object (node);
}

gboolean
ga_loader_want_text (GaLoader   *l,
                     GaJsonNode *obj,
                     const char *path,
                     const char *key,
                     gboolean    required,
                     GaText     *out)
{
  static const char * const text_fields[] = { "zh_CN", "en", NULL };
  GaJsonNode *node = ga_member (obj, key);
  g_autofree char *fpath = NULL;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return FALSE;
    }
  if (ga_node_is_string (node))
    {
      const char *s = node->v.string;
      if (required && *s == '\0')
        {
          ga_loader_problem (l, (fpath = ga_field_path (path, key)), "must not be empty");
          return FALSE;
        }
      ga_text_clear (out);
      /* One string serves both languages (ga_text_clear() knows). */
      out->zh = g_strdup (s);
      out->en = out->zh;
      return TRUE;
    }
  fpath = ga_field_path (path, key);
  if (GA_JSON_NODE_HOLDS_OBJECT (node))
    {
      GaJsonNode *t = ga_json_node_get_object (node);
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      ga_loader_check_fields (l, t, fpath, text_fields, NULL, NULL);
      ga_loader_want_string (l, t, fpath, "zh_CN", FALSE, &zh);
      ga_loader_want_string (l, t, fpath, "en", FALSE, &en);
      if ((zh == NULL || *zh == '\0') && (en == NULL || *en == '\0'))
        {
          gboolean misspelt = FALSE;
          GaJsonObjectIter iter;
          const char *k;

          /* A misspelt language was reported just above with the right
           * name; saying that the text is missing would be the same again. */
          ga_json_object_iter_init (&iter, t);
          while (ga_json_object_iter_next (&iter, &k, NULL))
            misspelt |= k[0] != '_' && !g_str_equal (k, "zh_CN") && !g_str_equal (k, "en")
                        && ga_closest_name (k, text_fields) != NULL;
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
                     ga_node_description (node));
  return FALSE;
}

gboolean
ga_is_identifier (const char *id)
{
  if (id == NULL || !(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return FALSE;
  return g_ascii_strcasecmp (id, "TRUE") != 0 && g_ascii_strcasecmp (id, "FALSE") != 0;
}

/* Registers a name that formulas can use; reports duplicates with the place
 * of the first definition. */
void
ga_loader_register_symbol (GaLoader     *l,
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
      g_autofree char *fpath = ga_field_path (path, "id");
      ga_loader_problem (l, fpath, "duplicate id '%s' (already used at %s)", id, first);
      return;
    }
  /* The id is owned by what it names, which outlives the loader. */
  g_hash_table_insert (l->id_paths, (gpointer) id, g_strdup (path));
  sym = g_new0 (GaSymbol, 1);
  sym->kind = kind;
  sym->index = index;
  sym->column = column;
  /* The key is owned by the structure the symbol names. */
  g_hash_table_insert (l->tmpl->symbols, (gpointer) id, sym);
}

/* ------------------------------------------------------------------------ */
/* Expressions                                                              */

void
ga_loader_add_site (GaLoader     *l,
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
GaFormula *
ga_loader_parse_expr_node (GaLoader   *l,
                           GaJsonNode *node,
                           const char *path)
{
  g_autofree char *owned = NULL;
  const char *text;
  g_autoptr(GError) error = NULL;
  GaFormula *formula;
  guint column = 0;

  if (ga_node_is_string (node))
    text = node->v.string;
  else if (ga_node_is_number (node))
    {
      double v = ga_json_node_get_double (node);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (!isfinite (v))
        {
          ga_loader_problem (l, path, "the number is out of range");
          return NULL;
        }
      if (ga_json_node_get_value_type (node) == G_TYPE_INT64)
        text = owned = g_strdup_printf ("%" G_GINT64_FORMAT, ga_json_node_get_int (node));
      else
        text = owned = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", v));
    }
  else if (ga_node_is_boolean (node))
    text = ga_json_node_get_boolean (node) ? "TRUE" : "FALSE";
  else
    {
      ga_loader_problem (l, path, "expected an expression (a formula string or a number), found %s",
                         ga_node_description (node));
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

GaFormula *
ga_loader_want_expr (GaLoader          *l,
                     GaJsonNode        *obj,
                     const char        *path,
                     const char        *key,
                     gboolean           required,
                     const GaSiteOwner *owner,
                     GaStaticType       expect,
                     gboolean           condition)
{
  GaJsonNode *node = ga_member (obj, key);
  g_autofree char *fpath = NULL;
  GaFormula *formula;

  if (node == NULL)
    {
      if (required)
        ga_loader_problem (l, path, "missing required field '%s'", key);
      return NULL;
    }
  fpath = ga_field_path (path, key);
  formula = ga_loader_parse_expr_node (l, node, fpath);
  if (formula != NULL)
    ga_loader_add_site (l, formula, fpath, owner->owner_kind, owner->owner_index,
                        owner->owner_column, owner->scope, owner->self, expect, condition);
  return formula;
}
