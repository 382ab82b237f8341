/* ga-json-doc.h: a compact, read-only JSON tree for large documents
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template loader reads every node of a template once. json-glib gives
 * each object a hash table and each node an allocation of its own, which
 * cost more than the loader itself and about 4 KB per item of a large
 * template. This reader makes one pass over the bytes into a few large
 * blocks: 16 bytes a node, the members of an object and the elements of a
 * list side by side, keys interned once per document, strings decoded into
 * a shared buffer. It accepts exactly what ga_json_check() accepts and, on
 * anything else, reports ga_json_check()'s own message.
 *
 * The accessors mirror json-glib's names (ga_json_object_get_member() for
 * json_object_get_member() …) so that code reading a template reads the
 * same either way; an object, a list and a value are all a GaJsonNode.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _GaJsonDoc  GaJsonDoc;
typedef struct _GaJsonNode GaJsonNode;

/* What a node holds; the first four are what JSON_NODE_TYPE() tells. */
typedef enum {
  GA_JSON_TAG_NULL,
  GA_JSON_TAG_BOOLEAN,
  GA_JSON_TAG_INT,
  GA_JSON_TAG_DOUBLE,
  GA_JSON_TAG_STRING,
  GA_JSON_TAG_ARRAY,
  GA_JSON_TAG_OBJECT,
} GaJsonTag;

typedef enum {
  GA_JSON_NODE_OBJECT,
  GA_JSON_NODE_ARRAY,
  GA_JSON_NODE_VALUE,
  GA_JSON_NODE_NULL,
} GaJsonNodeType;

struct _GaJsonNode {
  guint32 tag_count;     /* GaJsonTag in the low 3 bits, the number of children above */
  guint32 key;           /* a member of an object: its key (ga_json_doc_key()); else 0 */
  union {
    double       number;
    gint64       integer;
    gboolean     boolean;
    const char  *string;       /* NUL-terminated, valid UTF-8, no NUL inside */
    GaJsonNode  *children;     /* objects: children[-1].v.doc is the document */
    GaJsonDoc   *doc;
  } v;
};

/* The most children one list or object may have (2^29 - 1). */
#define GA_JSON_DOC_MAX_CHILDREN ((1u << 29) - 1)

/* Parses @data (@length bytes; a UTF-8 byte-order mark is skipped) nested
 * at most @max_depth levels. On failure returns NULL and sets @error exactly
 * as ga_json_check() does (GA_JSON_ERROR, "LINE:COLUMN: …"). */
GaJsonDoc   *ga_json_doc_parse        (const char  *data,
                                       gsize        length,
                                       guint        max_depth,
                                       GError     **error);
void         ga_json_doc_free         (GaJsonDoc   *doc);
GaJsonNode  *ga_json_doc_get_root     (GaJsonDoc   *doc);
/* Bytes held by the tree (nodes, strings, keys), for reporting memory use. */
gsize        ga_json_doc_get_size     (GaJsonDoc   *doc);
/* Nodes in the tree. */
gsize        ga_json_doc_get_n_nodes  (GaJsonDoc   *doc);
/* The text of key number @key (1 …). */
const char  *ga_json_doc_key          (GaJsonDoc   *doc,
                                       guint32      key);

/* The document an object with at least one member belongs to (NULL for an
 * empty object or any other node). */
GaJsonDoc   *ga_json_node_get_doc     (GaJsonNode  *object);
/* One pointer a reader of the tree may keep with the document, freed with
 * @destroy when the document is (the loader keeps what it worked out about
 * each key there). */
gpointer     ga_json_doc_get_data     (GaJsonDoc   *doc);
void         ga_json_doc_set_data     (GaJsonDoc   *doc,
                                       gpointer     data,
                                       GDestroyNotify destroy);
/* How many keys the document knows (ids run from 1 to this, exclusive). */
guint32      ga_json_doc_get_n_keys   (GaJsonDoc   *doc);

/* The same tree as json-glib nodes, for the few readers shared with
 * answers files (a table's prefilled rows). */
JsonNode    *ga_json_node_to_json_glib (GaJsonNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaJsonDoc, ga_json_doc_free)

/* ------------------------------------------------------------------------ */
/* Accessors                                                                */

static inline GaJsonTag
ga_json_node_tag (const GaJsonNode *node)
{
  return (GaJsonTag) (node->tag_count & 7);
}

static inline guint
ga_json_node_n_children (const GaJsonNode *node)
{
  return node->tag_count >> 3;
}

static inline GaJsonNodeType
GA_JSON_NODE_TYPE (const GaJsonNode *node)
{
  switch (ga_json_node_tag (node))
    {
    case GA_JSON_TAG_NULL: return GA_JSON_NODE_NULL;
    case GA_JSON_TAG_ARRAY: return GA_JSON_NODE_ARRAY;
    case GA_JSON_TAG_OBJECT: return GA_JSON_NODE_OBJECT;
    default: return GA_JSON_NODE_VALUE;
    }
}

#define GA_JSON_NODE_HOLDS_OBJECT(n) ((n) != NULL && ga_json_node_tag (n) == GA_JSON_TAG_OBJECT)
#define GA_JSON_NODE_HOLDS_ARRAY(n)  ((n) != NULL && ga_json_node_tag (n) == GA_JSON_TAG_ARRAY)
#define GA_JSON_NODE_HOLDS_NULL(n)   ((n) != NULL && ga_json_node_tag (n) == GA_JSON_TAG_NULL)
#define GA_JSON_NODE_HOLDS_VALUE(n)  ((n) != NULL && GA_JSON_NODE_TYPE (n) == GA_JSON_NODE_VALUE)

/* G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_BOOLEAN or G_TYPE_STRING for a value,
 * G_TYPE_INVALID otherwise, as json_node_get_value_type(). */
GType        ga_json_node_get_value_type (const GaJsonNode *node);

static inline const char *
ga_json_node_get_string (const GaJsonNode *node)
{
  return node != NULL && ga_json_node_tag (node) == GA_JSON_TAG_STRING ? node->v.string : NULL;
}

static inline double
ga_json_node_get_double (const GaJsonNode *node)
{
  if (node == NULL)
    return 0;
  switch (ga_json_node_tag (node))
    {
    case GA_JSON_TAG_DOUBLE: return node->v.number;
    case GA_JSON_TAG_INT: return (double) node->v.integer;
    case GA_JSON_TAG_BOOLEAN: return node->v.boolean ? 1 : 0;
    default: return 0;
    }
}

static inline gint64
ga_json_node_get_int (const GaJsonNode *node)
{
  if (node == NULL)
    return 0;
  switch (ga_json_node_tag (node))
    {
    case GA_JSON_TAG_INT: return node->v.integer;
    case GA_JSON_TAG_DOUBLE: return (gint64) node->v.number;
    case GA_JSON_TAG_BOOLEAN: return node->v.boolean ? 1 : 0;
    default: return 0;
    }
}

static inline gboolean
ga_json_node_get_boolean (const GaJsonNode *node)
{
  if (node == NULL)
    return FALSE;
  switch (ga_json_node_tag (node))
    {
    case GA_JSON_TAG_BOOLEAN: return node->v.boolean;
    case GA_JSON_TAG_INT: return node->v.integer != 0;
    case GA_JSON_TAG_DOUBLE: return node->v.number != 0;
    default: return FALSE;
    }
}

/* An object and a list are their node. */
static inline GaJsonNode *
ga_json_node_get_object (GaJsonNode *node)
{
  return node;
}

static inline GaJsonNode *
ga_json_node_get_array (GaJsonNode *node)
{
  return node;
}

static inline guint
ga_json_array_get_length (const GaJsonNode *array)
{
  return ga_json_node_n_children (array);
}

static inline GaJsonNode *
ga_json_array_get_element (GaJsonNode *array,
                           guint       index)
{
  return index < ga_json_node_n_children (array) ? &array->v.children[index] : NULL;
}

static inline double
ga_json_array_get_double_element (GaJsonNode *array,
                                  guint       index)
{
  return ga_json_node_get_double (ga_json_array_get_element (array, index));
}

static inline guint
ga_json_object_get_size (const GaJsonNode *object)
{
  return ga_json_node_n_children (object);
}

GaJsonNode  *ga_json_object_get_member (GaJsonNode  *object,
                                        const char  *key);

static inline gboolean
ga_json_object_has_member (GaJsonNode *object,
                           const char *key)
{
  return ga_json_object_get_member (object, key) != NULL;
}

/* Members in the order of the document. */
typedef struct {
  GaJsonNode *object;
  guint       index;
} GaJsonObjectIter;

static inline void
ga_json_object_iter_init (GaJsonObjectIter *iter,
                          GaJsonNode       *object)
{
  iter->object = object;
  iter->index = 0;
}

static inline gboolean
ga_json_object_iter_next (GaJsonObjectIter  *iter,
                          const char       **key,
                          GaJsonNode       **value)
{
  GaJsonNode *member;

  if (iter->index >= ga_json_node_n_children (iter->object))
    return FALSE;
  member = &iter->object->v.children[iter->index++];
  if (key != NULL)
    *key = ga_json_doc_key (iter->object->v.children[-1].v.doc, member->key);
  if (value != NULL)
    *value = member;
  return TRUE;
}

G_END_DECLS
