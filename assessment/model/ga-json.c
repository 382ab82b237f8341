/* ga-json.c: reading JSON from untrusted bytes without surprises
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the raw bytes that accepts exactly RFC 8259 JSON within a
 * nesting limit (see ga-json.h for why json-glib alone is not enough), and
 * the bounded parse built on it.
 */
#include "config.h"

#include <string.h>

#include "ga-json.h"

G_DEFINE_QUARK (ga-json-error-quark, ga_json_error)

/* A key of an open object, for finding duplicates. */
typedef struct {
  const char *text;   /* in the input, or a decoded copy when it has escapes */
  guint       len;
  guint       hash;
  const char *at;     /* its opening quote in the input, for messages */
} JsonKey;

typedef struct {
  gboolean    object;
  guint       index;       /* arrays: the element being read */
  const char *key;         /* objects: the member being read (raw), for paths */
  guint       key_len;
  guint       first_key;   /* objects: where their keys start in Scan.keys */
  GHashTable *big;         /* objects with many keys: their keys as a set */
  const char *open;        /* the bracket, for messages */
} Frame;

typedef struct {
  const char *data;
  const char *end;
  GArray     *keys;        /* JsonKey */
  GPtrArray  *decoded;     /* owned copies of keys written with escapes */
  Frame      *frames;
  guint       depth;
  guint       max_depth;
  GError    **error;
} Scan;

/* Objects with more keys than this get a hash set (answers files have one
 * key per item); below it a linear search is cheaper than hashing. */
#define SMALL_OBJECT_KEYS 24

static void
position_of (const char *data,
             const char *at,
             guint      *line,
             guint      *column)
{
  const char *line_start = data;
  const char *p = data;

  *line = 1;
  while (p < at && (p = memchr (p, '\n', at - p)) != NULL)
    {
      (*line)++;
      line_start = ++p;
    }
  /* The prefix is valid UTF-8 (checked first), so characters can be
   * counted. */
  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

static gboolean G_GNUC_PRINTF (4, 5)
scan_fail (Scan        *s,
           const char  *at,
           GaJsonError  code,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  position_of (s->data, MIN (at, s->end), &line, &column);
  g_set_error (s->error, GA_JSON_ERROR, code, "%u:%u: %s", line, column, message);
  return FALSE;
}

/* What stands at @p, for "found …" in messages. */
static char *
describe_at (const char *p,
             const char *end)
{
  gunichar c;

  if (p >= end)
    return g_strdup ("the end of the file");
  if (*p == '\0')
    return g_strdup ("a NUL byte (0x00)");
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("the byte 0x%02X (not UTF-8)", (guint) (guchar) *p);
  if (c < 0x20 || c == 0x7f)
    return g_strdup_printf ("a control character (0x%02X)", c);
  {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (c, buf);
    return g_strdup_printf ("'%s'", buf);
  }
}

/* The length of the valid UTF-8 sequence at @p (whose first byte is not
 * ASCII; the template reader ga-json-doc.c uses it too), or 0: no overlong forms, no surrogates, nothing above U+10FFFF,
 * as g_utf8_validate() decides. */
guint
ga_json_utf8_sequence (const guchar *p,
                       const guchar *end)
{
  guint len;
  gunichar c, min;

  if (*p >= 0xC2 && *p <= 0xDF)
    len = 2, c = *p & 0x1F, min = 0x80;
  else if ((*p & 0xF0) == 0xE0)
    len = 3, c = *p & 0x0F, min = 0x800;
  else if (*p >= 0xF0 && *p <= 0xF4)
    len = 4, c = *p & 0x07, min = 0x10000;
  else
    return 0;
  if ((gsize) (end - p) < len)
    return 0;
  for (guint i = 1; i < len; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      c = (c << 6) | (p[i] & 0x3F);
    }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  return len;
}

static gboolean
fail_encoding (Scan       *s,
               const char *at)
{
  return scan_fail (s, at, GA_JSON_ERROR_ENCODING, "the text is not valid UTF-8 (byte 0x%02X); "
                    "save the file as UTF-8", (guint) (guchar) *at);
}

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

gboolean
ga_json_hex4 (const char *p,
              const char *end,
              guint      *out)
{
  guint v = 0;

  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return FALSE;
      v = v * 16 + (guint) d;
    }
  *out = v;
  return TRUE;
}

/* Scans a string whose opening quote is at @p. Returns what follows the
 * closing quote, or NULL (error set). *escaped tells whether it has
 * backslash escapes. */
static const char *
scan_string (Scan       *s,
             const char *p,
             gboolean   *escaped)
{
  const char *start = p++;
  const char *end = s->end;

  *escaped = FALSE;
  for (;;)
    {
      guchar c;

      /* UTF-8 is checked here, inside the only place that may hold it,
       * rather than in a pass of its own over the whole input. */
      while (p < end && (c = (guchar) *p) != '"' && c != '\\' && c >= 0x20)
        {
          if (c < 0x80)
            p++;
          else
            {
              guint n = ga_json_utf8_sequence ((const guchar *) p, (const guchar *) end);
              if (n == 0)
                {
                  fail_encoding (s, p);
                  return NULL;
                }
              p += n;
            }
        }
      if (p >= end)
        {
          scan_fail (s, start, GA_JSON_ERROR_SYNTAX,
                     "this text is not closed: a '\"' is missing at its end");
          return NULL;
        }
      c = (guchar) *p;
      if (c == '"')
        return p + 1;
      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            scan_fail (s, start, GA_JSON_ERROR_SYNTAX,
                       "this text is not closed before the end of the line (a '\"' is missing, "
                       "or a line break inside text must be written \\n)");
          else
            scan_fail (s, p, GA_JSON_ERROR_SYNTAX,
                       "a control character (0x%02X) inside text must be written as an escape "
                       "(\\t for a tab, \\u%04X otherwise)", c, c);
          return NULL;
        }
      /* A backslash escape. */
      *escaped = TRUE;
      /* A backslash as the very last byte: the text is not closed. */
      if (p + 1 >= end)
        {
          p = end;
          continue;
        }
      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          break;
        case 'u':
          {
            guint cp, low;
            if (!ga_json_hex4 (p + 2, end, &cp))
              {
                scan_fail (s, p, GA_JSON_ERROR_SYNTAX,
                           "\\u must be followed by four hexadecimal digits (like \\u00e9)");
                return NULL;
              }
            if (cp == 0)
              {
                scan_fail (s, p, GA_JSON_ERROR_SYNTAX,
                           "\\u0000 (a NUL character) cannot be part of a text");
                return NULL;
              }
            if (cp >= 0xDC00 && cp <= 0xDFFF)
              {
                scan_fail (s, p, GA_JSON_ERROR_SYNTAX,
                           "\\u%04X is the second half of a surrogate pair without its first "
                           "half", cp);
                return NULL;
              }
            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || !ga_json_hex4 (p + 8, end, &low)
                    || low < 0xDC00 || low > 0xDFFF)
                  {
                    scan_fail (s, p, GA_JSON_ERROR_SYNTAX,
                               "\\u%04X is the first half of a surrogate pair; the second half "
                               "(\\uDC00 … \\uDFFF) must follow it", cp);
                    return NULL;
                  }
                p += 12;
              }
            else
              p += 6;
          }
          break;
        default:
          {
            g_autofree char *found = describe_at (p + 1, end);
            scan_fail (s, p, GA_JSON_ERROR_SYNTAX,
                       "unknown escape: a backslash followed by %s (write \\\\ for a backslash; "
                       "escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)", found);
            return NULL;
          }
        }
    }
}

/* The text of a key written with escapes, decoded as json-glib decodes it,
 * so that "a" and "\u0061" count as the same key. */
static char *
decode_key (const char *p,
            const char *end)
{
  GString *out = g_string_sized_new (end - p);

  while (p < end)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
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
            g_string_append_unichar (out, cp);
          }
          break;
        default:
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static guint
key_hash (const char *text,
          guint       len)
{
  guint h = 2166136261u;

  for (guint i = 0; i < len; i++)
    h = (h ^ (guchar) text[i]) * 16777619u;
  return h;
}

/* "sections[2].items[5]": where the object at depth @depth sits. */
static char *
frame_path (Scan  *s,
            guint  depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i + 1 < depth; i++)
    {
      Frame *f = &s->frames[i];
      if (f->object)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, f->key, f->key_len);
        }
      else
        g_string_append_printf (path, "[%u]", f->index);
    }
  if (path->len == 0)
    g_string_append (path, "the top-level object");
  return g_string_free (path, FALSE);
}

/* Records @key in its object; returns where the same key was first
 * written when it is a duplicate, else NULL. */
static const char *
key_seen (Scan          *s,
          Frame         *f,
          const JsonKey *key)
{
  guint n = s->keys->len - f->first_key;

  if (f->big != NULL)
    {
      g_autofree char *text = g_strndup (key->text, key->len);
      gpointer at;
      if (g_hash_table_lookup_extended (f->big, text, NULL, &at))
        return at;
      g_hash_table_insert (f->big, g_steal_pointer (&text), (gpointer) key->at);
      return NULL;
    }
  for (guint i = f->first_key; i < s->keys->len; i++)
    {
      const JsonKey *k = &g_array_index (s->keys, JsonKey, i);
      if (k->hash == key->hash && k->len == key->len && memcmp (k->text, key->text, k->len) == 0)
        return k->at;
    }
  g_array_append_val (s->keys, *key);
  if (n + 1 > SMALL_OBJECT_KEYS)
    {
      f->big = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = f->first_key; i < s->keys->len; i++)
        {
          const JsonKey *k = &g_array_index (s->keys, JsonKey, i);
          g_hash_table_insert (f->big, g_strndup (k->text, k->len), (gpointer) k->at);
        }
    }
  return NULL;
}

/* Reads the key whose quote is at @p and the ':' after it; returns where
 * the value starts or NULL. */
static const char *
scan_key (Scan       *s,
          const char *p)
{
  Frame *f = &s->frames[s->depth - 1];
  const char *first;
  JsonKey key;
  gboolean escaped;
  const char *after;

  if (*p != '"')
    {
      g_autofree char *found = NULL;
      if ((guchar) *p >= 0x80 && ga_json_utf8_sequence ((const guchar *) p, (const guchar *) s->end) == 0)
        {
          fail_encoding (s, p);
          return NULL;
        }
      found = describe_at (p, s->end);
      if (*p == '\'')
        scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "a key must be in double quotes (\"key\"), not "
                   "single quotes");
      else if (g_ascii_isalpha (*p) || *p == '_')
        scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "a key must be in double quotes (\"key\": value)");
      else
        scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "expected a key in double quotes (\"key\": value), "
                   "found %s", found);
      return NULL;
    }
  after = scan_string (s, p, &escaped);
  if (after == NULL)
    return NULL;
  f->key = p + 1;
  f->key_len = (guint) (after - p - 2);
  key.at = p;
  if (escaped)
    {
      char *text = decode_key (p + 1, after - 1);
      g_ptr_array_add (s->decoded, text);
      key.text = text;
      key.len = (guint) strlen (text);
    }
  else
    {
      key.text = p + 1;
      key.len = f->key_len;
    }
  key.hash = key_hash (key.text, key.len);
  if ((first = key_seen (s, f, &key)) != NULL)
    {
      g_autofree char *where = frame_path (s, s->depth);
      guint line, column;
      position_of (s->data, first, &line, &column);
      scan_fail (s, p, GA_JSON_ERROR_DUPLICATE_KEY,
                 "duplicate key \"%.*s\" in %s (it is already at line %u, column %u); a key may "
                 "appear only once in an object", (int) MIN (f->key_len, 200), f->key,
                 where, line, column);
      return NULL;
    }
  after = skip_space (after, s->end);
  if (after < s->end && (guchar) *after >= 0x80
      && ga_json_utf8_sequence ((const guchar *) after, (const guchar *) s->end) == 0)
    {
      fail_encoding (s, after);
      return NULL;
    }
  if (after >= s->end || *after != ':')
    {
      g_autofree char *found = describe_at (after, s->end);
      scan_fail (s, after, GA_JSON_ERROR_SYNTAX, "expected ':' after the key \"%.*s\", found %s",
                 (int) MIN (f->key_len, 200), f->key, found);
      return NULL;
    }
  return skip_space (after + 1, s->end);
}

static const char *
scan_number (Scan       *s,
             const char *p)
{
  const char *start = p, *end = s->end, *digits;
  gboolean plain = TRUE;

  if (*p == '-')
    p++;
  digits = p;
  if (p >= end || !g_ascii_isdigit (*p))
    {
      scan_fail (s, start, GA_JSON_ERROR_SYNTAX, "a '-' must be followed by digits");
      return NULL;
    }
  if (*p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        {
          scan_fail (s, start, GA_JSON_ERROR_SYNTAX,
                     "a number must not start with 0 (write 7, not 07)");
          return NULL;
        }
    }
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      p++;
      plain = FALSE;
      if (p >= end || !g_ascii_isdigit (*p))
        {
          scan_fail (s, start, GA_JSON_ERROR_SYNTAX,
                     "a decimal point must be followed by digits (write 1.0 or 1, not 1.)");
          return NULL;
        }
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
        {
          scan_fail (s, start, GA_JSON_ERROR_SYNTAX,
                     "an exponent needs digits (like 1e5 or 2.5E-3)");
          return NULL;
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  /* json-glib reads whole numbers as 64-bit integers and would wrap the
   * larger ones silently. */
  if (plain && p - digits > 18)
    {
      scan_fail (s, start, GA_JSON_ERROR_NUMBER,
                 "the whole number %.*s is too large; write it with a decimal point or an "
                 "exponent", (int) MIN (p - start, 40), start);
      return NULL;
    }
  return p;
}

/* Something that is not a JSON value: say what would be. */
static void
fail_value (Scan       *s,
            const char *p)
{
  if (p >= s->end)
    {
      scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "the file ends where a value was expected");
      return;
    }
  if ((guchar) *p >= 0x80 && ga_json_utf8_sequence ((const guchar *) p, (const guchar *) s->end) == 0)
    {
      fail_encoding (s, p);
      return;
    }
  if (*p == '\'')
    scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "text must be in double quotes (\"…\"), not single "
               "quotes");
  else if (*p == '/' && p + 1 < s->end && (p[1] == '/' || p[1] == '*'))
    scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "comments are not allowed in JSON (use a key starting "
               "with '_', like \"_note\", for a remark)");
  else if (*p == '+' || *p == '.')
    scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "a number is written like 5, -5, 0.5 or 5e3 (no "
               "leading '+' or '.')");
  else if (g_ascii_isalpha (*p) || *p == '_')
    {
      const char *w = p;
      while (w < s->end && w - p < 24 && (g_ascii_isalnum (*w) || *w == '_'))
        w++;
      scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "'%.*s' is not a JSON value (text must be in double "
                 "quotes; the words true, false and null are written in lower case)",
                 (int) (w - p), p);
    }
  else if (*p == ',' || *p == ']' || *p == '}' || *p == ':')
    scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "a value is missing before '%c'", *p);
  else
    {
      g_autofree char *found = describe_at (p, s->end);
      scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "expected a value (a number, \"text\", true, false, "
                 "null, a list […] or an object {…}), found %s", found);
    }
}

static gboolean
scan_push (Scan       *s,
           const char *p,
           gboolean    object)
{
  Frame *f;

  if (s->depth >= s->max_depth)
    {
      guint line, column;
      /* The wording names the place itself (tools match on it). */
      position_of (s->data, p, &line, &column);
      g_set_error (s->error, GA_JSON_ERROR, GA_JSON_ERROR_TOO_DEEP,
                   "nested more than %u levels at line %u, column %u (lists and objects inside "
                   "each other; no template or answers file needs that many)", s->max_depth,
                   line, column);
      return FALSE;
    }
  f = &s->frames[s->depth++];
  f->object = object;
  f->index = 0;
  f->key = NULL;
  f->key_len = 0;
  f->first_key = s->keys->len;
  f->big = NULL;
  f->open = p;
  return TRUE;
}

static void
scan_pop (Scan *s)
{
  Frame *f = &s->frames[--s->depth];

  if (f->object)
    {
      g_array_set_size (s->keys, f->first_key);
      g_clear_pointer (&f->big, g_hash_table_unref);
    }
}

/* One of the words true, false and null. */
static const char *
scan_word (Scan       *s,
           const char *p,
           const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - p) < n || memcmp (p, word, n) != 0)
    {
      fail_value (s, p);
      return NULL;
    }
  return p + n;
}

/* The bracket of a list or an object at @p. An empty one is read whole;
 * otherwise *@opened is set and the first element comes next (for an
 * object, after its first key, which is read here). */
static const char *
scan_open (Scan       *s,
           const char *p,
           gboolean    object,
           gboolean   *opened)
{
  if (!scan_push (s, p, object))
    return NULL;
  p = skip_space (p + 1, s->end);
  if (p < s->end && *p == (object ? '}' : ']'))
    {
      scan_pop (s);
      return p + 1;
    }
  *opened = TRUE;
  if (!object)
    return p;
  if (p >= s->end)
    {
      scan_fail (s, s->frames[s->depth - 1].open, GA_JSON_ERROR_SYNTAX,
                 "this object is not closed: a '}' is missing");
      return NULL;
    }
  return scan_key (s, p);
}

/* What starts a value at @p: a whole number, string or word, or the opening
 * of a list or an object (*@opened). Returns where scanning goes on, or
 * NULL (error set). */
static const char *
scan_value_start (Scan       *s,
                  const char *p,
                  gboolean   *opened)
{
  gboolean escaped;

  *opened = FALSE;
  if (p >= s->end)
    {
      fail_value (s, p);
      return NULL;
    }
  switch (*p)
    {
    case '{':
      return scan_open (s, p, TRUE, opened);
    case '[':
      return scan_open (s, p, FALSE, opened);
    case '"':
      return scan_string (s, p, &escaped);
    case 't':
      return scan_word (s, p, "true");
    case 'f':
      return scan_word (s, p, "false");
    case 'n':
      return scan_word (s, p, "null");
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6':
    case '7': case '8': case '9':
      return scan_number (s, p);
    default:
      fail_value (s, p);
      return NULL;
    }
}

/* Nothing but space may follow the value that makes the document; @p is
 * the first thing after it that is not space, @value_end where it ended. */
static gboolean
scan_document_end (Scan       *s,
                   const char *p,
                   const char *value_end)
{
  guint line, column, end_line, end_column;

  if (p >= s->end)
    return TRUE;
  position_of (s->data, p, &line, &column);
  position_of (s->data, value_end, &end_line, &end_column);
  g_set_error (s->error, GA_JSON_ERROR, GA_JSON_ERROR_TRAILING,
               "unexpected content after the end of the JSON at line %u, column "
               "%u (the JSON value ended at line %u, column %u); a file holds "
               "exactly one JSON value: remove what follows, or put both in one "
               "list or object", line, column, end_line, end_column);
  return FALSE;
}

/* The comma at @comma inside @f: returns where the next element starts
 * (for an object, after its key, which is read here). */
static const char *
scan_comma (Scan       *s,
            const char *comma,
            Frame      *f)
{
  const char *p = skip_space (comma + 1, s->end);

  if (p < s->end && ((f->object && *p == '}') || (!f->object && *p == ']')))
    {
      scan_fail (s, comma, GA_JSON_ERROR_SYNTAX, "a comma before '%c' is not "
                 "allowed in JSON (remove this comma)", *p);
      return NULL;
    }
  if (!f->object)
    {
      f->index++;
      return p;
    }
  if (p >= s->end)
    {
      scan_fail (s, f->open, GA_JSON_ERROR_SYNTAX,
                 "this object is not closed: a '}' is missing");
      return NULL;
    }
  return scan_key (s, p);
}

/* Something other than ',' or the closing bracket after a value in @f. */
static void
fail_separator (Scan       *s,
                const char *p,
                Frame      *f)
{
  g_autofree char *found = NULL;

  /* A comment or bad bytes get the message they get in place of a value. */
  if ((*p == '/' && p + 1 < s->end && (p[1] == '/' || p[1] == '*'))
      || ((guchar) *p >= 0x80
          && ga_json_utf8_sequence ((const guchar *) p, (const guchar *) s->end) == 0))
    {
      fail_value (s, p);
      return;
    }
  found = describe_at (p, s->end);
  if (f->object)
    scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "expected ',' or '}' after the value of "
               "\"%.*s\", found %s (is a comma missing?)",
               (int) MIN (f->key_len, 200), f->key, found);
  else
    scan_fail (s, p, GA_JSON_ERROR_SYNTAX, "expected ',' or ']' after element %u of "
               "the list, found %s (is a comma missing?)", f->index + 1, found);
}

/* After a value that ends at @p: a separator, the end of containers, or
 * the end of the document. Returns where the next value starts, or NULL
 * when the document ended (*@done) or a problem was reported. */
static const char *
scan_after_value (Scan       *s,
                  const char *p,
                  gboolean   *done)
{
  for (;;)
    {
      const char *value_end = p;
      Frame *f;

      p = skip_space (p, s->end);
      if (s->depth == 0)
        {
          *done = scan_document_end (s, p, value_end);
          return NULL;
        }
      f = &s->frames[s->depth - 1];
      if (p >= s->end)
        {
          scan_fail (s, f->open, GA_JSON_ERROR_SYNTAX, f->object
                     ? "this object is not closed: a '}' is missing"
                     : "this list is not closed: a ']' is missing");
          return NULL;
        }
      if (*p == ',')
        return scan_comma (s, p, f);
      if ((f->object && *p == '}') || (!f->object && *p == ']'))
        {
          /* The container is a value that ended: look again after it. */
          scan_pop (s);
          p++;
          continue;
        }
      fail_separator (s, p, f);
      return NULL;
    }
}

gboolean
ga_json_check (const char  *data,
               gsize        length,
               guint        max_depth,
               GError     **error)
{
  Scan s = { 0 };
  const char *p;
  gboolean ok = FALSE;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  s.data = data;
  s.end = data + length;
  s.error = error;
  s.max_depth = MAX (max_depth, 1);

  p = skip_space (data, s.end);
  if (p >= s.end)
    {
      g_set_error_literal (error, GA_JSON_ERROR, GA_JSON_ERROR_EMPTY,
                           "1:1: the file is empty (it holds no JSON value)");
      return FALSE;
    }

  s.keys = g_array_new (FALSE, FALSE, sizeof (JsonKey));
  s.decoded = g_ptr_array_new_with_free_func (g_free);
  s.frames = g_new0 (Frame, s.max_depth);

  /* A loop with an explicit stack: no recursion, whatever the input. Each
   * turn reads the start of a value at p, then, unless that opened a
   * container, what follows it. */
  for (;;)
    {
      gboolean opened, done = FALSE;

      if ((p = scan_value_start (&s, p, &opened)) == NULL)
        break;
      if (opened)
        continue;
      if ((p = scan_after_value (&s, p, &done)) == NULL)
        {
          ok = done;
          break;
        }
    }

  while (s.depth > 0)
    scan_pop (&s);
  g_array_unref (s.keys);
  g_ptr_array_unref (s.decoded);
  g_free (s.frames);
  return ok;
}


gboolean
ga_json_check_depth (const char  *data,
                     gsize        length,
                     guint        max_depth,
                     GError     **error)
{
  return ga_json_check (data, length, max_depth, error);
}

JsonParser *
ga_json_parse_bounded (const char  *data,
                       gssize       length,
                       guint        max_depth,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  if (data == NULL)
    {
      data = "";
      length = 0;
    }
  len = length < 0 ? strlen (data) : (gsize) length;
  if (!ga_json_check (data, len, max_depth, error))
    return NULL;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error)
      || json_parser_get_root (parser) == NULL)
    {
      /* Not expected after the check (json-glib accepts more than JSON). */
      const char *message = local_error != NULL ? local_error->message : "no JSON value";
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, GA_JSON_ERROR, GA_JSON_ERROR_SYNTAX, "%s", message);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

static gboolean
node_depth_ok (JsonNode *node,
               guint     budget)
{
  if (node == NULL || (!JSON_NODE_HOLDS_ARRAY (node) && !JSON_NODE_HOLDS_OBJECT (node)))
    return TRUE;
  if (budget == 0)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!node_depth_ok (json_array_get_element (array, i), budget - 1))
          return FALSE;
    }
  else
    {
      JsonObjectIter iter;
      JsonNode *value;
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &value))
        if (!node_depth_ok (value, budget - 1))
          return FALSE;
    }
  return TRUE;
}

gboolean
ga_json_node_depth_ok (JsonNode *node,
                       guint     max_depth)
{
  return node_depth_ok (node, max_depth);
}
