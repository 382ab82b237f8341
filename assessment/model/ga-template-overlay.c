/* ga-template-overlay.c: a template that extends another one
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An industry's green-factory requirements are the general standard (通则)
 * plus the industry's own items, changed points and thresholds. Such a
 * template names its base and lists its changes instead of copying it:
 *
 *   {"format": 1, "id": "gf-steel", "version": "0.1.0", "title": …,
 *    "standard": {…}, "source": "…", "verified": false, "unverified_reason": "…",
 *    "extends": {"id": "gbt36132-2025", "version": "1.3.0"},
 *    "changes": [ {"set": "S2", "fields": {"points": 20}},
 *                 {"remove": "E5"},
 *                 {"add": {…item…}, "to": "S3", "after": "C5"},
 *                 {"add_section": {…}, "to": "S1"},
 *                 {"add_output": {…}}, {"add_table": {…}} ]}
 *
 * The base is a bundled template. Loading applies the changes to the
 * base's JSON and reads the result as any template: every check of the
 * format runs on the whole. The result records its base in "based_on"
 * (id, version, SHA-256 of the base's bytes) and is what an assessment
 * pins and the store keeps, so an assessment keeps the base as it was
 * even after the application ships a newer one.
 */
#include "config.h"

#include <string.h>

#include "ga-json.h"
#include "ga-template-private.h"

#define MAX_OVERLAY_DEPTH 8

/* Fields an overlay may carry at its top level; "kind" must be the base's. */
static const char * const overlay_fields[] = {
  "format", "id", "version", "kind", "title", "description", "standard", "province", "source",
  "verified", "unverified_reason", "scoring", "extends", "changes", "industries", NULL
};

/* Fields copied from the overlay over the base's. */
static const char * const own_fields[] = {
  "id", "version", "title", "description", "standard", "province", "source", "industries", NULL
};

typedef struct {
  JsonObject *node;     /* the item, section or output */
  JsonObject *holder;   /* the object whose array holds it */
  const char *array;    /* "items", "sections" or "outputs" */
  gboolean    section;
} Place;

static void
problem (GPtrArray  *problems,
         const char *path,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (GPtrArray  *problems,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, g_strdup_printf ("%s: %s", path, message));
}

static gboolean has_table_imports (JsonObject *root);

/* Whether the template at @root must be expanded before it is read: it
 * extends another or shares another's lookup tables. */
gboolean
_ga_template_is_overlay (JsonNode *root)
{
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root)
         && (json_object_has_member (json_node_get_object (root), "extends")
             || has_table_imports (json_node_get_object (root)));
}

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Every id of the sections, items and outputs of @root, with its place. */
static void
index_sections (GHashTable *places,
                JsonObject *holder,
                const char *array_name)
{
  JsonArray *array;

  if (!json_object_has_member (holder, array_name)
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (holder, array_name)))
    return;
  array = json_object_get_array_member (holder, array_name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *obj;
      const char *id;
      Place *place;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      obj = json_node_get_object (element);
      id = string_member (obj, "id");
      if (id == NULL)
        continue;
      place = g_new0 (Place, 1);
      place->node = obj;
      place->holder = holder;
      place->array = array_name;
      place->section = g_str_equal (array_name, "sections");
      g_hash_table_insert (places, g_strdup (id), place);
      if (place->section)
        {
          index_sections (places, obj, "sections");
          index_sections (places, obj, "items");
        }
    }
}

static GHashTable *
index_places (JsonObject *root)
{
  GHashTable *places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  index_sections (places, root, "sections");
  index_sections (places, root, "outputs");
  return places;
}

/* @holder's array @name with @node inserted after the element whose id is
 * @after (at the end when @after is NULL). FALSE when @after is not there. */
static gboolean
insert_after (JsonObject *holder,
              const char *name,
              JsonNode   *node,
              const char *after)
{
  JsonArray *old = json_object_has_member (holder, name)
                   && JSON_NODE_HOLDS_ARRAY (json_object_get_member (holder, name))
                   ? json_object_get_array_member (holder, name) : NULL;
  JsonArray *array = json_array_new ();
  gboolean placed = after == NULL;

  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    {
      JsonNode *element = json_array_get_element (old, i);

      json_array_add_element (array, json_node_copy (element));
      if (!placed && JSON_NODE_HOLDS_OBJECT (element)
          && g_strcmp0 (string_member (json_node_get_object (element), "id"), after) == 0)
        {
          json_array_add_element (array, json_node_copy (node));
          placed = TRUE;
        }
    }
  if (after == NULL)
    json_array_add_element (array, json_node_copy (node));
  if (placed)
    json_object_set_array_member (holder, name, array);
  else
    json_array_unref (array);
  return placed;
}

static void
remove_from (JsonObject *holder,
             const char *name,
             JsonObject *node)
{
  JsonArray *array = json_object_get_array_member (holder, name);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_array_get_object_element (array, i) == node)
      {
        json_array_remove_element (array, i);
        return;
      }
}

/* {"set": "ID", "fields": {…}}: each field replaces the base's; null
 * removes it. */
static void
apply_set (JsonObject *change,
           const char *path,
           GHashTable *places,
           GPtrArray  *problems)
{
  const char *id = string_member (change, "set");
  Place *place = g_hash_table_lookup (places, id);
  JsonNode *fields_node = json_object_get_member (change, "fields");
  g_autoptr(GList) names = NULL;
  JsonObject *fields;

  if (place == NULL)
    {
      problem (problems, path, "'%s' is not a section, item or output of the base", id);
      return;
    }
  if (fields_node == NULL || !JSON_NODE_HOLDS_OBJECT (fields_node))
    {
      problem (problems, path, "\"set\" needs \"fields\": an object of the fields to change");
      return;
    }
  fields = json_node_get_object (fields_node);
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (fields, l->data);

      if (g_str_equal (l->data, "id"))
        problem (problems, path, "an id cannot be changed (remove the element and add another)");
      else if (JSON_NODE_HOLDS_NULL (value))
        json_object_remove_member (place->node, l->data);
      else
        json_object_set_member (place->node, l->data, json_node_copy (value));
    }
}

static void
apply_remove (JsonObject *change,
              const char *path,
              GHashTable *places,
              GPtrArray  *problems)
{
  const char *id = string_member (change, "remove");
  Place *place = g_hash_table_lookup (places, id);

  if (place == NULL)
    {
      problem (problems, path, "'%s' is not a section, item or output of the base", id);
      return;
    }
  remove_from (place->holder, place->array, place->node);
  g_hash_table_remove (places, id);
}

/* "add" (an item), "add_section", "add_output" or "add_table". */
static void
apply_add (JsonObject *root,
           JsonObject *change,
           const char *verb,
           const char *path,
           GHashTable *places,
           GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (change, verb);
  const char *to = string_member (change, "to");
  const char *after = string_member (change, "after");
  const char *array = g_str_equal (verb, "add") ? "items"
                      : g_str_equal (verb, "add_section") ? "sections"
                      : g_str_equal (verb, "add_output") ? "outputs" : "tables";
  JsonObject *holder = root;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (problems, path, "\"%s\" needs an object", verb);
      return;
    }
  id = string_member (json_node_get_object (node), "id");
  if (id != NULL && g_hash_table_contains (places, id))
    {
      problem (problems, path, "'%s' is already an id of the base (use \"set\" to change it)", id);
      return;
    }
  if (g_str_equal (array, "items") || (g_str_equal (array, "sections") && to != NULL))
    {
      Place *place = to != NULL ? g_hash_table_lookup (places, to) : NULL;

      if (place == NULL || !place->section)
        {
          problem (problems, path, to == NULL ? "an item needs \"to\": the id of its section"
                                              : "'%s' is not a section of the base", to);
          return;
        }
      holder = place->node;
    }
  if (!insert_after (holder, array, node, after))
    problem (problems, path, "\"after\": '%s' is not in the %s it would join", after, array);
}

static const char * const verbs[] = {
  "set", "remove", "add", "add_section", "add_output", "add_table", NULL
};

static GHashTable *
apply_changes (JsonObject *root,
               JsonArray  *changes,
               GPtrArray  *problems)
{
  GHashTable *places = index_places (root);

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      g_autofree char *path = g_strdup_printf ("changes[%u]", i);
      JsonNode *element = json_array_get_element (changes, i);
      JsonObject *change;
      const char *verb = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          problem (problems, path, "a change is an object such as {\"remove\": \"E5\"}");
          continue;
        }
      change = json_node_get_object (element);
      for (guint v = 0; verbs[v] != NULL; v++)
        if (json_object_has_member (change, verbs[v]))
          {
            if (verb != NULL)
              problem (problems, path, "one change per object (found \"%s\" and \"%s\")", verb,
                       verbs[v]);
            verb = verbs[v];
          }
      if (verb == NULL)
        problem (problems, path, "a change says what it does: set, remove, add, add_section, "
                 "add_output or add_table");
      else if (g_str_equal (verb, "set"))
        apply_set (change, path, places, problems);
      else if (g_str_equal (verb, "remove"))
        apply_remove (change, path, places, problems);
      else
        {
          apply_add (root, change, verb, path, places, problems);
          /* Later changes may refer to what was added. */
          g_hash_table_unref (places);
          places = index_places (root);
        }
    }
  return places;
}

/* The bundled template @id as JSON, itself expanded when it extends
 * another or imports tables; NULL with a problem at @path. */
static JsonNode *
bundled_json (const char *id,
              const char *path,
              GPtrArray  *problems,
              int         depth,
              GBytes    **bytes_out)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  bytes = _ga_template_bundled_bytes (id);
  if (bytes == NULL)
    {
      g_auto(GStrv) ids = ga_template_list_bundled ();
      g_autofree char *list = g_strjoinv (", ", ids);
      problem (problems, path, "no bundled template '%s' (bundled: %s)", id, list);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  parser = ga_json_parse_bounded (data, (gssize) length, GA_JSON_MAX_DEPTH, &error);
  if (parser == NULL)
    {
      problem (problems, path, "the bundled template '%s' does not read: %s", id,
               error->message);
      return NULL;
    }
  if (_ga_template_is_overlay (json_parser_get_root (parser)))
    {
      g_autoptr(GPtrArray) inner = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *merged = _ga_template_expand_overlay (json_parser_get_root (parser),
                                                             inner, depth + 1);

      if (merged == NULL)
        {
          for (guint i = 0; i < inner->len; i++)
            problem (problems, path, "%s: %s", id, (char *) inner->pdata[i]);
          return NULL;
        }
      g_clear_object (&parser);
      parser = ga_json_parse_bounded (merged, -1, GA_JSON_MAX_DEPTH, NULL);
    }
  if (bytes_out != NULL)
    *bytes_out = g_bytes_ref (bytes);
  return json_node_copy (json_parser_get_root (parser));
}

/* The base's JSON, itself expanded when it extends another template. */
static JsonNode *
load_base (JsonObject *extends,
           GPtrArray  *problems,
           int         depth,
           char      **hash_out,
           char      **version_out)
{
  const char *id = string_member (extends, "id");
  const char *version = string_member (extends, "version");
  g_autoptr(GBytes) bytes = NULL;
  JsonNode *root;
  const char *base_version;

  if (id == NULL)
    {
      problem (problems, "extends.id", "the id of the bundled template this one extends is "
               "required (as in \"gbt36132-2025\")");
      return NULL;
    }
  root = bundled_json (id, "extends.id", problems, depth, &bytes);
  if (root == NULL)
    return NULL;
  base_version = string_member (json_node_get_object (root), "version");
  if (version != NULL && g_strcmp0 (version, base_version) != 0)
    {
      problem (problems, "extends.version", "this template was written for %s %s and the "
               "application has %s %s: check that the changes still apply, then write \"%s\" "
               "here", id, version, id, base_version != NULL ? base_version : "?",
               base_version != NULL ? base_version : "?");
      json_node_unref (root);
      return NULL;
    }
  *hash_out = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  *version_out = g_strdup (base_version);
  return root;
}

/* Each lookup table written {"from": "TEMPLATE", "id": "TABLE"} becomes a
 * copy of that bundled template's table, so that two templates share one
 * set of factors instead of two copies that drift apart. */
static void
import_tables (JsonObject *root,
               GPtrArray  *problems,
               int         depth)
{
  JsonArray *tables = json_object_has_member (root, "tables")
                      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "tables"))
                      ? json_object_get_array_member (root, "tables") : NULL;

  for (guint i = 0; tables != NULL && i < json_array_get_length (tables); i++)
    {
      JsonNode *element = json_array_get_element (tables, i);
      JsonObject *ref = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *from = string_member (ref, "from");
      const char *id = string_member (ref, "id");
      g_autofree char *path = g_strdup_printf ("tables[%u].from", i);
      g_autoptr(JsonNode) other = NULL;
      JsonArray *theirs;
      JsonObject *found = NULL;

      if (ref == NULL || !json_object_has_member (ref, "from"))
        continue;
      if (from == NULL || id == NULL || json_object_get_size (ref) != 2)
        {
          problem (problems, path, "a shared table is written {\"from\": \"TEMPLATE\", "
                   "\"id\": \"TABLE\"} and nothing else");
          continue;
        }
      other = bundled_json (from, path, problems, depth + 1, NULL);
      if (other == NULL)
        continue;
      theirs = json_object_has_member (json_node_get_object (other), "tables")
               ? json_object_get_array_member (json_node_get_object (other), "tables") : NULL;
      for (guint k = 0; theirs != NULL && k < json_array_get_length (theirs); k++)
        if (g_strcmp0 (string_member (json_array_get_object_element (theirs, k), "id"), id) == 0)
          found = json_array_get_object_element (theirs, k);
      if (found == NULL)
        {
          problem (problems, path, "'%s' has no lookup table '%s'", from, id);
          continue;
        }
      json_object_set_string_member (found, "_from", from);
      json_array_remove_element (tables, i);
      {
        /* json-glib has no insert: rebuild the list with the copy in place. */
        JsonArray *rebuilt = json_array_new ();
        JsonNode *copy = json_node_new (JSON_NODE_OBJECT);

        json_node_set_object (copy, found);
        for (guint k = 0; k < json_array_get_length (tables); k++)
          {
            if (k == i)
              json_array_add_element (rebuilt, json_node_copy (copy));
            json_array_add_element (rebuilt, json_node_copy (json_array_get_element (tables, k)));
          }
        if (i == json_array_get_length (tables))
          json_array_add_element (rebuilt, json_node_copy (copy));
        json_node_unref (copy);
        json_object_set_array_member (root, "tables", rebuilt);
        tables = rebuilt;
      }
    }
}

static gboolean
has_table_imports (JsonObject *root)
{
  JsonArray *tables = json_object_has_member (root, "tables")
                      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "tables"))
                      ? json_object_get_array_member (root, "tables") : NULL;

  for (guint i = 0; tables != NULL && i < json_array_get_length (tables); i++)
    {
      JsonNode *element = json_array_get_element (tables, i);

      if (JSON_NODE_HOLDS_OBJECT (element)
          && json_object_has_member (json_node_get_object (element), "from"))
        return TRUE;
    }
  return FALSE;
}

/* verified only when both are; the reasons of both when not. */
static void
merge_verified (JsonObject *merged,
                JsonObject *overlay,
                const char *base_id)
{
  gboolean base_ok = !json_object_has_member (merged, "verified")
                     || json_object_get_boolean_member (merged, "verified");
  gboolean own_ok = !json_object_has_member (overlay, "verified")
                    || json_object_get_boolean_member (overlay, "verified");
  const char *base_reason = string_member (merged, "unverified_reason");
  const char *own_reason = string_member (overlay, "unverified_reason");
  g_autoptr(GString) reason = g_string_new (NULL);

  if (own_ok && base_ok)
    return;
  if (!own_ok && own_reason != NULL)
    g_string_append (reason, own_reason);
  if (!base_ok && base_reason != NULL)
    g_string_append_printf (reason, "%s%s: %s", reason->len > 0 ? "; " : "", base_id,
                            base_reason);
  json_object_set_boolean_member (merged, "verified", FALSE);
  if (reason->len > 0)
    json_object_set_string_member (merged, "unverified_reason", reason->str);
}

static void
check_overlay_fields (JsonObject *overlay,
                      GPtrArray  *problems)
{
  g_autoptr(GList) names = json_object_get_members (overlay);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (overlay_fields, l->data) && ((char *) l->data)[0] != '_')
      problem (problems, l->data, "unknown field '%s' in a template that extends another "
               "(sections, tables and outputs change through \"changes\")", (char *) l->data);
}

/* The overlay at @root applied to its base, as JSON text; NULL with the
 * problems added to @problems ("path: message"). */
char *
_ga_template_expand_overlay (JsonNode  *root,
                             GPtrArray *problems,
                             int        depth)
{
  JsonObject *overlay = json_node_get_object (root);
  JsonNode *extends_node = json_object_get_member (overlay, "extends");
  JsonNode *changes_node = json_object_get_member (overlay, "changes");
  g_autoptr(JsonNode) merged_node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GHashTable) places = NULL;
  g_autofree char *base_hash = NULL;
  g_autofree char *base_version = NULL;
  JsonObject *merged, *based_on;
  const char *base_id;
  guint before;

  if (depth >= MAX_OVERLAY_DEPTH)
    {
      problem (problems, "extends", "templates extend each other more than %d deep (a loop?)",
               MAX_OVERLAY_DEPTH);
      return NULL;
    }
  if (extends_node == NULL)
    {
      /* Only shared tables to bring in. */
      before = problems->len;
      merged_node = json_node_copy (root);
      import_tables (json_node_get_object (merged_node), problems, depth);
      if (problems->len > before)
        return NULL;
      generator = json_generator_new ();
      json_generator_set_root (generator, merged_node);
      return json_generator_to_data (generator, NULL);
    }
  if (!JSON_NODE_HOLDS_OBJECT (extends_node))
    {
      problem (problems, "extends", "\"extends\" is an object: {\"id\": \"gbt36132-2025\", "
               "\"version\": \"…\"}");
      return NULL;
    }
  if (changes_node != NULL && !JSON_NODE_HOLDS_ARRAY (changes_node))
    {
      problem (problems, "changes", "\"changes\" is a list of changes");
      return NULL;
    }
  before = problems->len;
  check_overlay_fields (overlay, problems);
  merged_node = load_base (json_node_get_object (extends_node), problems, depth, &base_hash,
                           &base_version);
  if (merged_node == NULL)
    return NULL;
  merged = json_node_get_object (merged_node);
  base_id = string_member (json_node_get_object (extends_node), "id");

  if (json_object_has_member (overlay, "kind")
      && g_strcmp0 (string_member (overlay, "kind"), string_member (merged, "kind")) != 0)
    problem (problems, "kind", "'%s' differs from the kind of %s ('%s'); leave \"kind\" out",
             string_member (overlay, "kind") != NULL ? string_member (overlay, "kind") : "?",
             base_id, string_member (merged, "kind"));
  if (changes_node != NULL)
    places = apply_changes (merged, json_node_get_array (changes_node), problems);
  import_tables (merged, problems, depth);
  if (problems->len > before)
    return NULL;

  merge_verified (merged, overlay, base_id);
  for (guint i = 0; own_fields[i] != NULL; i++)
    if (json_object_has_member (overlay, own_fields[i]))
      json_object_set_member (merged, own_fields[i],
                              json_node_copy (json_object_get_member (overlay, own_fields[i])));
  if (json_object_has_member (overlay, "scoring")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (overlay, "scoring"))
      && json_object_has_member (merged, "scoring"))
    {
      /* Scoring fields replace the base's one by one (a new pass mark). */
      JsonObject *own = json_object_get_object_member (overlay, "scoring");
      JsonObject *base_scoring = json_object_get_object_member (merged, "scoring");
      g_autoptr(GList) names = json_object_get_members (own);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (base_scoring, l->data,
                                json_node_copy (json_object_get_member (own, l->data)));
    }

  based_on = json_object_new ();
  json_object_set_string_member (based_on, "id", base_id);
  json_object_set_string_member (based_on, "version", base_version);
  json_object_set_string_member (based_on, "sha256", base_hash);
  json_object_set_object_member (merged, "based_on", based_on);

  generator = json_generator_new ();
  json_generator_set_root (generator, merged_node);
  return json_generator_to_data (generator, NULL);
}
