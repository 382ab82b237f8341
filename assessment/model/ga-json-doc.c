/* ga-json-doc.c: a compact, read-only JSON tree for large documents
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the bytes with an explicit stack (no recursion, whatever the
 * input). A value is pushed on the stack as a node; when a list or an
 * object closes, its children are moved from the stack into one block of
 * the tree, so that they sit side by side and the element at an index is
 * found without a search. The grammar is that of ga_json_check() (RFC 8259,
 * the nesting limit, no key twice, whole numbers of at most 18 digits);
 * the reader only notices that something is wrong and asks ga_json_check()
 * for the message, so both say the same thing in the same words.
 */
#include "config.h"

#include <string.h>

#include "ga-json.h"
#include "ga-json-doc.h"

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

/* Nodes are taken from blocks of this many (a list bigger than that gets a
 * block of its own). */
#define NODE_BLOCK   (64 * 1024)
/* Strings are copied into blocks of this many bytes. */
#define STRING_BLOCK (1024 * 1024)
/* Objects with more members than this look for duplicate keys in a hash
 * set; below it a linear search over the members is cheaper. */
#define SMALL_OBJECT 16
/* Objects with at most this many members are searched from the start;
 * larger ones (up to INDEX_MEMBERS) get an index while they are read. */
#define SCAN_MEMBERS  6
#define INDEX_MEMBERS 256
/* Entries of the cache of member names (a power of 2). */
#define LOOKUP_CACHE 256

typedef struct {
  char     *data;
  gsize     used;
  gsize     size;
  gboolean  mapped;
} Block;

struct _GaJsonDoc {
  GaJsonNode  root;
  GArray     *node_blocks;     /* Block; data holds GaJsonNode */
  GArray     *string_blocks;   /* Block */
  /* Interned keys: id -> text; the table maps a hash to an id. */
  GPtrArray  *keys;            /* id 0 is unused */
  GArray     *key_lens;        /* guint32 */
  guint32    *table;
  guint32     table_mask;
  gsize       n_nodes;
  gsize       size;
  gpointer    data;
  GDestroyNotify data_destroy;
  /* The members of the last object of more than SCAN_MEMBERS members asked
   * for by name, by key: where (slot) if stamped with the current mark. */
  GaJsonNode *indexed;
  guint32    *mark;
  guint32    *slot;
  guint32     index_size;
  guint32     current_mark;
  /* Member lookups by name: the loader asks for the same few names (string
   * constants) hundreds of thousands of times, so the id found for a name
   * is remembered by the address of the name, and checked before use. */
  struct {
    const char *name;
    guint32     id;
  } cache[LOOKUP_CACHE];
};

/* ------------------------------------------------------------------------ */
/* Memory                                                                   */

/* A block has pages of its own: as a big piece of the malloc heap, freeing
 * it makes malloc sweep every small free block of the heap
 * (malloc_consolidate), which the loader's many small strings make slow. */
static Block
block_new (gsize size)
{
  Block b = { NULL, 0, size, FALSE };

#ifdef G_OS_UNIX
  b.data = mmap (NULL, MAX (size, 1), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (b.data != MAP_FAILED)
    {
      b.mapped = TRUE;
      return b;
    }
#endif
  b.data = g_malloc (MAX (size, 1));
  return b;
}

static void
block_free (Block *b)
{
#ifdef G_OS_UNIX
  if (b->mapped)
    {
      munmap (b->data, MAX (b->size, 1));
      return;
    }
#endif
  g_free (b->data);
}

static void *
block_alloc (GArray *blocks,
             gsize   bytes,
             gsize   block_size,
             gsize   align,
             gsize  *total)
{
  Block *b = blocks->len > 0 ? &g_array_index (blocks, Block, blocks->len - 1) : NULL;
  gsize at;

  if (b != NULL)
    {
      at = (b->used + align - 1) & ~(align - 1);
      if (at + bytes <= b->size)
        {
          b->used = at + bytes;
          return b->data + at;
        }
    }
  if (bytes > block_size / 4)
    {
      /* A large piece gets a block of its own, inserted before the current
       * one so that the room left there is still used. */
      Block big = block_new (bytes);
      big.used = bytes;
      *total += big.size;
      if (blocks->len > 0)
        g_array_insert_val (blocks, blocks->len - 1, big);
      else
        g_array_append_val (blocks, big);
      return big.data;
    }
  {
    Block fresh = block_new (block_size);
    fresh.used = bytes;
    *total += block_size;
    g_array_append_val (blocks, fresh);
    return fresh.data;
  }
}

static GaJsonNode *
alloc_nodes (GaJsonDoc *doc,
             gsize      n)
{
  doc->n_nodes += n;
  return block_alloc (doc->node_blocks, n * sizeof (GaJsonNode), NODE_BLOCK * sizeof (GaJsonNode),
                      sizeof (GaJsonNode), &doc->size);
}

static char *
alloc_string (GaJsonDoc *doc,
              gsize      bytes)
{
  return block_alloc (doc->string_blocks, bytes, STRING_BLOCK, 1, &doc->size);
}

static void
free_blocks (GArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    block_free (&g_array_index (blocks, Block, i));
  g_clear_pointer (&blocks, g_array_unref);
}

void
ga_json_doc_free (GaJsonDoc *doc)
{
  if (doc == NULL)
    return;
  if (doc->data_destroy != NULL)
    doc->data_destroy (doc->data);
  free_blocks (doc->node_blocks);
  free_blocks (doc->string_blocks);
  g_ptr_array_unref (doc->keys);
  g_array_unref (doc->key_lens);
  g_free (doc->table);
  g_free (doc->mark);
  g_free (doc->slot);
  g_free (doc);
}

static GaJsonDoc *
doc_new (void)
{
  GaJsonDoc *doc = g_new0 (GaJsonDoc, 1);

  doc->node_blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  doc->string_blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  doc->keys = g_ptr_array_new ();
  doc->key_lens = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_ptr_array_add (doc->keys, NULL);
  g_array_set_size (doc->key_lens, 1);
  doc->table_mask = 63;
  doc->table = g_new0 (guint32, doc->table_mask + 1);
  return doc;
}

GaJsonNode *
ga_json_doc_get_root (GaJsonDoc *doc)
{
  return &doc->root;
}

gsize
ga_json_doc_get_size (GaJsonDoc *doc)
{
  return doc->size + doc->keys->len * (sizeof (gpointer) + sizeof (guint32))
         + (doc->table_mask + 1) * sizeof (guint32);
}

gsize
ga_json_doc_get_n_nodes (GaJsonDoc *doc)
{
  return doc->n_nodes + 1;
}

GaJsonDoc *
ga_json_node_get_doc (GaJsonNode *object)
{
  if (object == NULL || ga_json_node_tag (object) != GA_JSON_TAG_OBJECT
      || ga_json_node_n_children (object) == 0)
    return NULL;
  return object->v.children[-1].v.doc;
}

gpointer
ga_json_doc_get_data (GaJsonDoc *doc)
{
  return doc->data;
}

void
ga_json_doc_set_data (GaJsonDoc      *doc,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  if (doc->data_destroy != NULL)
    doc->data_destroy (doc->data);
  doc->data = data;
  doc->data_destroy = destroy;
}

guint32
ga_json_doc_get_n_keys (GaJsonDoc *doc)
{
  return doc->keys->len;
}

const char *
ga_json_doc_key (GaJsonDoc *doc,
                 guint32    key)
{
  return key < doc->keys->len ? doc->keys->pdata[key] : NULL;
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                     */

static inline guint32
hash_bytes (const char *text,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) text[i]) * 16777619u;
  return h;
}

/* The id of the key @text (@len bytes), 0 when the document has none. */
static guint32
find_key (GaJsonDoc  *doc,
          const char *text,
          gsize       len,
          guint32     hash)
{
  for (guint32 i = hash & doc->table_mask;; i = (i + 1) & doc->table_mask)
    {
      guint32 id = doc->table[i];

      if (id == 0)
        return 0;
      if (g_array_index (doc->key_lens, guint32, id) == len
          && memcmp (doc->keys->pdata[id], text, len) == 0)
        return id;
    }
}

static void
table_insert (GaJsonDoc *doc,
              guint32    id,
              guint32    hash)
{
  guint32 i = hash & doc->table_mask;

  while (doc->table[i] != 0)
    i = (i + 1) & doc->table_mask;
  doc->table[i] = id;
}

static guint32
intern_key (GaJsonDoc  *doc,
            const char *text,
            gsize       len)
{
  guint32 hash = hash_bytes (text, len);
  guint32 id = find_key (doc, text, len, hash);
  char *copy;

  if (id != 0)
    return id;
  copy = alloc_string (doc, len + 1);
  memcpy (copy, text, len);
  copy[len] = '\0';
  id = doc->keys->len;
  g_ptr_array_add (doc->keys, copy);
  {
    guint32 l = (guint32) len;
    g_array_append_val (doc->key_lens, l);
  }
  if ((gsize) id * 2 > doc->table_mask)
    {
      /* Grow to keep the table at most half full. */
      doc->table_mask = doc->table_mask * 2 + 1;
      g_free (doc->table);
      doc->table = g_new0 (guint32, doc->table_mask + 1);
      for (guint32 k = 1; k < doc->keys->len; k++)
        table_insert (doc, k, hash_bytes (doc->keys->pdata[k],
                                          g_array_index (doc->key_lens, guint32, k)));
    }
  else
    table_insert (doc, id, hash);
  return id;
}

GaJsonNode *
ga_json_object_get_member (GaJsonNode *object,
                           const char *key)
{
  guint n;
  GaJsonDoc *doc;
  gsize len;
  guint32 id;
  guint slot;

  if (object == NULL || ga_json_node_tag (object) != GA_JSON_TAG_OBJECT)
    return NULL;
  n = ga_json_node_n_children (object);
  if (n == 0)
    return NULL;
  doc = object->v.children[-1].v.doc;
  slot = (((guintptr) key) >> 3 ^ ((guintptr) key) >> 11) & (LOOKUP_CACHE - 1);
  if (doc->cache[slot].name == key && strcmp (doc->keys->pdata[doc->cache[slot].id], key) == 0)
    id = doc->cache[slot].id;
  else
    {
      /* A name no member has gets an id too, which no member carries. */
      len = strlen (key);
      id = intern_key (doc, key, len);
      doc->cache[slot].name = key;
      doc->cache[slot].id = id;
    }
  if (n <= SCAN_MEMBERS || n > INDEX_MEMBERS)
    {
      for (guint i = 0; i < n; i++)
        if (object->v.children[i].key == id)
          return &object->v.children[i];
      return NULL;
    }
  /* An item asks for twenty names one after the other, most of them
   * absent: an index of its keys answers each in one step. */
  if (doc->indexed != object || doc->index_size < doc->keys->len)
    {
      if (doc->index_size < doc->keys->len)
        {
          guint32 size = MAX (doc->keys->len * 2, 64);
          g_free (doc->mark);
          g_free (doc->slot);
          doc->mark = g_new0 (guint32, size);
          doc->slot = g_new (guint32, size);
          doc->index_size = size;
          doc->current_mark = 0;
        }
      if (++doc->current_mark == 0)
        {
          memset (doc->mark, 0, doc->index_size * sizeof (guint32));
          doc->current_mark = 1;
        }
      for (guint i = 0; i < n; i++)
        {
          guint32 k = object->v.children[i].key;
          doc->mark[k] = doc->current_mark;
          doc->slot[k] = i;
        }
      doc->indexed = object;
    }
  return doc->mark[id] == doc->current_mark ? &object->v.children[doc->slot[id]] : NULL;
}

GType
ga_json_node_get_value_type (const GaJsonNode *node)
{
  if (node == NULL)
    return G_TYPE_INVALID;
  switch (ga_json_node_tag (node))
    {
    case GA_JSON_TAG_BOOLEAN: return G_TYPE_BOOLEAN;
    case GA_JSON_TAG_INT: return G_TYPE_INT64;
    case GA_JSON_TAG_DOUBLE: return G_TYPE_DOUBLE;
    case GA_JSON_TAG_STRING: return G_TYPE_STRING;
    default: return G_TYPE_INVALID;
    }
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

typedef struct {
  guint       start;       /* its first child on the stack */
  guint32     key;         /* its own key in the enclosing object */
  gboolean    object;
  GHashTable *big;         /* large objects: the keys seen, as a set */
} Frame;

typedef struct {
  GaJsonDoc  *doc;
  const char *end;
  GaJsonNode *stack;
  gsize       len;
  gsize       cap;
  gboolean    too_many;    /* a container beyond GA_JSON_DOC_MAX_CHILDREN */
} Reader;

static inline GaJsonNode *
push (Reader *r)
{
  if (G_UNLIKELY (r->len == r->cap))
    {
      r->cap = MAX (r->cap * 2, 1024);
      r->stack = g_renew (GaJsonNode, r->stack, r->cap);
    }
  return &r->stack[r->len++];
}

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* Whether none of the 8 bytes of @v is a quote, a backslash, a control
 * character or beyond ASCII: such a run needs no look byte by byte. */
static inline gboolean
plain8 (guint64 v)
{
  const guint64 ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  guint64 quote = v ^ (ones * '"');
  guint64 slash = v ^ (ones * '\\');

  return ((v & high)
          | ((v - ones * 0x20) & ~v & high)
          | ((quote - ones) & ~quote & high)
          | ((slash - ones) & ~slash & high)) == 0;
}

/* Checks the string whose opening quote is at @p. Returns what follows the
 * closing quote, or NULL; *@escaped tells whether it has escapes. */
static const char *
scan_string (const char *p,
             const char *end,
             gboolean   *escaped)
{
  p++;
  *escaped = FALSE;
  for (;;)
    {
      guchar c;

      while (end - p >= 8)
        {
          guint64 v;
          memcpy (&v, p, 8);
          if (!plain8 (v))
            break;
          p += 8;
        }
      while (p < end && (c = (guchar) *p) != '"' && c != '\\' && c >= 0x20)
        {
          if (c < 0x80)
            p++;
          else
            {
              guint n = ga_json_utf8_sequence ((const guchar *) p, (const guchar *) end);
              if (n == 0)
                return NULL;
              p += n;
            }
        }
      if (p >= end)
        return NULL;
      c = (guchar) *p;
      if (c == '"')
        return p + 1;
      if (c < 0x20 || p + 1 >= end)
        return NULL;
      *escaped = TRUE;
      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          break;
        case 'u':
          {
            guint cp, low;
            if (!ga_json_hex4 (p + 2, end, &cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
              return NULL;
            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || !ga_json_hex4 (p + 8, end, &low)
                    || low < 0xDC00 || low > 0xDFFF)
                  return NULL;
                p += 12;
              }
            else
              p += 6;
          }
          break;
        default:
          return NULL;
        }
    }
}

/* Decodes the checked string between @p and @end (no quotes) into @out,
 * which has room for end - p + 1 bytes; returns the length. */
static gsize
decode_string (const char *p,
               const char *end,
               char       *out)
{
  char *o = out;

  while (p < end)
    {
      if (*p != '\\')
        {
          *o++ = *p++;
          continue;
        }
      switch (p[1])
        {
        case 'b': *o++ = '\b'; p += 2; break;
        case 'f': *o++ = '\f'; p += 2; break;
        case 'n': *o++ = '\n'; p += 2; break;
        case 'r': *o++ = '\r'; p += 2; break;
        case 't': *o++ = '\t'; p += 2; break;
        case 'u':
          {
            guint cp = 0, low = 0;
            ga_json_hex4 (p + 2, end, &cp);
            p += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && ga_json_hex4 (p + 2, end, &low))
              {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            o += g_unichar_to_utf8 (cp, o);
          }
          break;
        default:
          *o++ = p[1];
          p += 2;
          break;
        }
    }
  *o = '\0';
  return o - out;
}

/* A number at @p into @node; returns what follows, or NULL. */
static const char *
read_number (const char *p,
             const char *end,
             GaJsonNode *node)
{
  const char *start = p, *digits;
  gboolean plain = TRUE, negative = FALSE;
  guint64 whole = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return NULL;
    }
  else
    while (p < end && g_ascii_isdigit (*p))
      {
        if (p - digits < 19)
          whole = whole * 10 + (guint64) (*p - '0');
        p++;
      }
  if (p < end && *p == '.')
    {
      p++;
      plain = FALSE;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      plain = FALSE;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (plain)
    {
      /* json-glib reads whole numbers as 64-bit integers; ga_json_check()
       * refuses those it would wrap. */
      if (p - digits > 18)
        return NULL;
      node->tag_count = GA_JSON_TAG_INT;
      node->v.integer = negative ? -(gint64) whole : (gint64) whole;
      return p;
    }
  {
    char buf[64];
    g_autofree char *heap = NULL;
    gsize n = p - start;
    char *text = buf;

    if (n >= sizeof buf)
      text = heap = g_malloc (n + 1);
    memcpy (text, start, n);
    text[n] = '\0';
    node->tag_count = GA_JSON_TAG_DOUBLE;
    node->v.number = g_ascii_strtod (text, NULL);
  }
  return p;
}

/* The string at @p (checked) into @node: returns what follows or NULL. */
static const char *
read_string (Reader     *r,
             const char *p,
             GaJsonNode *node)
{
  gboolean escaped;
  const char *after = scan_string (p, r->end, &escaped);
  gsize n;
  char *copy;

  if (after == NULL)
    return NULL;
  n = after - p - 2;
  copy = alloc_string (r->doc, n + 1);
  if (escaped)
    decode_string (p + 1, after - 1, copy);
  else
    {
      memcpy (copy, p + 1, n);
      copy[n] = '\0';
    }
  node->tag_count = GA_JSON_TAG_STRING;
  node->v.string = copy;
  return after;
}

/* The key at @p and the ':' after it, checked against the members of @f
 * read so far. Returns where the value starts, or NULL. */
static const char *
read_key (Reader     *r,
          Frame      *f,
          const char *p,
          guint32    *key_out)
{
  gboolean escaped;
  const char *after;
  guint32 key;
  guint n;

  if (p >= r->end || *p != '"')
    return NULL;
  {
    /* Most keys are short and plain ASCII: hashed while they are scanned. */
    const char *q = p + 1;
    guint32 h = 2166136261u;

    while (q < r->end)
      {
        guchar c = (guchar) *q;
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
          break;
        h = (h ^ c) * 16777619u;
        q++;
      }
    if (q < r->end && *q == '"')
      {
        key = find_key (r->doc, p + 1, q - p - 1, h);
        if (key == 0)
          key = intern_key (r->doc, p + 1, q - p - 1);
        after = q + 1;
        goto check;
      }
  }
  after = scan_string (p, r->end, &escaped);
  if (after == NULL)
    return NULL;
  if (escaped)
    {
      g_autofree char *text = g_malloc (after - p);
      gsize len = decode_string (p + 1, after - 1, text);
      key = intern_key (r->doc, text, len);
    }
  else
    key = intern_key (r->doc, p + 1, after - p - 2);

check:
  n = r->len - f->start;
  if (f->big != NULL)
    {
      if (!g_hash_table_add (f->big, GUINT_TO_POINTER (key)))
        return NULL;
    }
  else
    {
      for (gsize i = f->start; i < r->len; i++)
        if (r->stack[i].key == key)
          return NULL;
      if (n + 1 > SMALL_OBJECT)
        {
          f->big = g_hash_table_new (NULL, NULL);
          for (gsize i = f->start; i < r->len; i++)
            g_hash_table_add (f->big, GUINT_TO_POINTER (r->stack[i].key));
          g_hash_table_add (f->big, GUINT_TO_POINTER (key));
        }
    }
  after = skip_space (after, r->end);
  if (after >= r->end || *after != ':')
    return NULL;
  *key_out = key;
  return skip_space (after + 1, r->end);
}

/* Moves the children of @f from the stack into the tree and leaves the
 * list or object on the stack in their place. */
static gboolean
close_container (Reader *r,
                 Frame  *f)
{
  gsize n = r->len - f->start;
  GaJsonNode *block, *node;

  if (n > GA_JSON_DOC_MAX_CHILDREN)
    {
      r->too_many = TRUE;
      return FALSE;
    }
  if (f->object)
    {
      block = alloc_nodes (r->doc, n + 1);
      block[0].tag_count = GA_JSON_TAG_NULL;
      block[0].key = 0;
      block[0].v.doc = r->doc;
      block++;
    }
  else
    block = alloc_nodes (r->doc, MAX (n, 1));
  if (n > 0)
    memcpy (block, &r->stack[f->start], n * sizeof (GaJsonNode));
  r->len = f->start;
  node = push (r);
  node->tag_count = (guint32) ((n << 3) | (f->object ? GA_JSON_TAG_OBJECT : GA_JSON_TAG_ARRAY));
  node->key = f->key;
  node->v.children = block;
  g_clear_pointer (&f->big, g_hash_table_unref);
  return TRUE;
}

static gboolean
read_document (Reader     *r,
               const char *p,
               guint       max_depth)
{
  const char *end = r->end;
  g_autofree Frame *frames = g_new0 (Frame, max_depth);
  guint depth = 0;
  guint32 key = 0;
  gboolean ok = FALSE;

  for (;;)
    {
      GaJsonNode *node;

      /* A value starts at p; key is its key in the enclosing object. */
      if (p >= end)
        goto out;
      switch (*p)
        {
        case '{':
        case '[':
          {
            gboolean object = *p == '{';
            Frame *f;

            if (depth >= max_depth)
              goto out;
            f = &frames[depth++];
            f->start = (guint) r->len;
            f->key = key;
            f->object = object;
            f->big = NULL;
            p = skip_space (p + 1, end);
            if (p < end && *p == (object ? '}' : ']'))
              {
                p++;
                close_container (r, f);
                depth--;
                break;
              }
            if (object)
              {
                if ((p = read_key (r, f, p, &key)) == NULL)
                  goto out;
              }
            else
              key = 0;
            continue;
          }
        case '"':
          node = push (r);
          node->key = key;
          if ((p = read_string (r, p, node)) == NULL)
            goto out;
          break;
        case 't':
          if (end - p < 4 || memcmp (p, "true", 4) != 0)
            goto out;
          node = push (r);
          node->tag_count = GA_JSON_TAG_BOOLEAN;
          node->key = key;
          node->v.integer = 0;
          node->v.boolean = TRUE;
          p += 4;
          break;
        case 'f':
          if (end - p < 5 || memcmp (p, "false", 5) != 0)
            goto out;
          node = push (r);
          node->tag_count = GA_JSON_TAG_BOOLEAN;
          node->key = key;
          node->v.integer = 0;
          node->v.boolean = FALSE;
          p += 5;
          break;
        case 'n':
          if (end - p < 4 || memcmp (p, "null", 4) != 0)
            goto out;
          node = push (r);
          node->tag_count = GA_JSON_TAG_NULL;
          node->key = key;
          node->v.integer = 0;
          p += 4;
          break;
        case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6':
        case '7': case '8': case '9':
          node = push (r);
          node->key = key;
          if ((p = read_number (p, end, node)) == NULL)
            goto out;
          break;
        default:
          goto out;
        }

      /* After a value: separators and closing brackets. */
      for (;;)
        {
          Frame *f;

          p = skip_space (p, end);
          if (depth == 0)
            {
              ok = p >= end;
              goto out;
            }
          f = &frames[depth - 1];
          if (p >= end)
            goto out;
          if (*p == ',')
            {
              p = skip_space (p + 1, end);
              if (f->object)
                {
                  if ((p = read_key (r, f, p, &key)) == NULL)
                    goto out;
                }
              else
                {
                  if (p < end && *p == ']')
                    goto out;
                  key = 0;
                }
              break;
            }
          if (*p == (f->object ? '}' : ']'))
            {
              p++;
              if (!close_container (r, f))
                goto out;
              depth--;
              continue;
            }
          goto out;
        }
    }

out:
  while (depth > 0)
    g_clear_pointer (&frames[--depth].big, g_hash_table_unref);
  return ok;
}

GaJsonDoc *
ga_json_doc_parse (const char  *data,
                   gsize        length,
                   guint        max_depth,
                   GError     **error)
{
  g_autoptr(GaJsonDoc) doc = doc_new ();
  Reader r = { 0 };
  const char *p = data, *end = data + length;
  gboolean ok;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  r.doc = doc;
  r.end = end;
  p = skip_space (p, end);
  ok = p < end && read_document (&r, p, MAX (max_depth, 1));
  if (ok)
    doc->root = r.stack[0];
  g_free (r.stack);
  if (ok)
    return g_steal_pointer (&doc);

  if (r.too_many)
    g_set_error (error, GA_JSON_ERROR, GA_JSON_ERROR_SYNTAX, "1:1: a list or an object holds "
                 "more than %u elements; split it", GA_JSON_DOC_MAX_CHILDREN);
  else if (ga_json_check (data, length, max_depth, error))
    /* Not expected: both read the same grammar. */
    g_set_error_literal (error, GA_JSON_ERROR, GA_JSON_ERROR_SYNTAX,
                         "1:1: the JSON cannot be read");
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* To json-glib                                                             */

JsonNode *
ga_json_node_to_json_glib (GaJsonNode *node)
{
  JsonNode *out;

  if (node == NULL)
    return NULL;
  switch (ga_json_node_tag (node))
    {
    case GA_JSON_TAG_NULL:
      return json_node_new (JSON_NODE_NULL);
    case GA_JSON_TAG_BOOLEAN:
      out = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (out, node->v.boolean);
      return out;
    case GA_JSON_TAG_INT:
      out = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (out, node->v.integer);
      return out;
    case GA_JSON_TAG_DOUBLE:
      out = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (out, node->v.number);
      return out;
    case GA_JSON_TAG_STRING:
      out = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (out, node->v.string);
      return out;
    case GA_JSON_TAG_ARRAY:
      {
        JsonArray *array = json_array_sized_new (ga_json_node_n_children (node));
        for (guint i = 0; i < ga_json_node_n_children (node); i++)
          json_array_add_element (array, ga_json_node_to_json_glib (&node->v.children[i]));
        out = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (out, array);
        return out;
      }
    case GA_JSON_TAG_OBJECT:
      {
        JsonObject *object = json_object_new ();
        GaJsonDoc *doc = node->v.children[-1].v.doc;
        for (guint i = 0; i < ga_json_node_n_children (node); i++)
          json_object_set_member (object, ga_json_doc_key (doc, node->v.children[i].key),
                                  ga_json_node_to_json_glib (&node->v.children[i]));
        out = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (out, object);
        return out;
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
