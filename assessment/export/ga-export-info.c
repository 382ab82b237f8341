/* ga-export-info.c: the enterprise's basic information for the export
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-export.h"

typedef enum { FIELD_TEXT, FIELD_NUMBER } FieldKind;

typedef struct {
  const char *name;
  FieldKind   kind;
  gsize       offset;
} Field;

#define TEXT_FIELD(f)   { #f, FIELD_TEXT, G_STRUCT_OFFSET (GaEnterpriseInfo, f) }
#define NUMBER_FIELD(f) { #f, FIELD_NUMBER, G_STRUCT_OFFSET (GaEnterpriseInfo, f) }

/* One table drives new, copy, free and JSON loading, so a field added to
 * the struct needs one line here and nowhere else. */
static const Field fields[] = {
  TEXT_FIELD (name),
  TEXT_FIELD (credit_code),
  TEXT_FIELD (industry_code),
  TEXT_FIELD (industry_name),
  TEXT_FIELD (region),
  TEXT_FIELD (address),
  TEXT_FIELD (factory_address),
  TEXT_FIELD (main_products),
  TEXT_FIELD (ownership),
  TEXT_FIELD (registration_authority),
  TEXT_FIELD (founded),
  TEXT_FIELD (legal_representative),
  TEXT_FIELD (legal_phone),
  TEXT_FIELD (contact_department),
  TEXT_FIELD (contact_person),
  TEXT_FIELD (contact_phone),
  TEXT_FIELD (contact_mobile),
  TEXT_FIELD (fax),
  TEXT_FIELD (email),
  NUMBER_FIELD (registered_capital),
  NUMBER_FIELD (employees),
  NUMBER_FIELD (output_value),
  NUMBER_FIELD (revenue),
  NUMBER_FIELD (floor_area),
};

#define TEXT_AT(info, f)   G_STRUCT_MEMBER (char *, info, (f)->offset)
#define NUMBER_AT(info, f) G_STRUCT_MEMBER (double, info, (f)->offset)

GaEnterpriseInfo *
ga_enterprise_info_new (void)
{
  GaEnterpriseInfo *info = g_new0 (GaEnterpriseInfo, 1);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].kind == FIELD_NUMBER)
      NUMBER_AT (info, &fields[i]) = NAN;
  return info;
}

GaEnterpriseInfo *
ga_enterprise_info_copy (const GaEnterpriseInfo *info)
{
  GaEnterpriseInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (GaEnterpriseInfo, 1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *f = &fields[i];

      if (f->kind == FIELD_TEXT)
        TEXT_AT (copy, f) = g_strdup (TEXT_AT (info, f));
      else
        NUMBER_AT (copy, f) = NUMBER_AT (info, f);
    }
  return copy;
}

void
ga_enterprise_info_free (GaEnterpriseInfo *info)
{
  if (info == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].kind == FIELD_TEXT)
      g_free (TEXT_AT (info, &fields[i]));
  g_free (info);
}

static const Field *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

GaEnterpriseInfo *
ga_enterprise_info_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(GaEnterpriseInfo) info = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                   "enterprise information: expected a JSON object such as "
                   "{\"name\": \"…\", \"credit_code\": \"…\"}");
      return NULL;
    }

  info = ga_enterprise_info_new ();
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);
      const Field *f = find_field (name);

      if (f == NULL)
        {
          GString *known = g_string_new (NULL);

          for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
            g_string_append_printf (known, "%s%s", i ? ", " : "", fields[i].name);
          g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                       "enterprise information: unknown member '%s'; the known ones are %s",
                       name, known->str);
          g_string_free (known, TRUE);
          return NULL;
        }
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (f->kind == FIELD_TEXT)
        {
          const char *text;

          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            {
              g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                           "enterprise information: '%s' must be a string", name);
              return NULL;
            }
          text = json_node_get_string (value);
          if (!g_utf8_validate (text, -1, NULL))
            {
              g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                           "enterprise information: '%s' is not valid UTF-8", name);
              return NULL;
            }
          g_free (TEXT_AT (info, f));
          TEXT_AT (info, f) = g_strdup (text);
        }
      else
        {
          GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value)
                                                     : G_TYPE_INVALID;
          double number;

          if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
            {
              g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                           "enterprise information: '%s' must be a number", name);
              return NULL;
            }
          number = json_node_get_double (value);
          if (!isfinite (number))
            {
              g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                           "enterprise information: '%s' must be a finite number", name);
              return NULL;
            }
          NUMBER_AT (info, f) = number;
        }
    }
  return g_steal_pointer (&info);
}

/* json-glib's parser recurses once per level of nesting, so a file of
 * 100 000 '[' would exhaust the stack. The information is one flat object;
 * anything nested deeper than this is refused before json-glib sees it. */
#define INFO_MAX_DEPTH 200

/* Returns 0 when @data nests at most @max_depth levels, else the 1-based
 * line where it goes deeper. Brackets inside strings do not count. */
static guint
nesting_exceeded_at (const char *data,
                     gsize       length,
                     guint       max_depth)
{
  guint depth = 0;
  guint line = 1;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return line;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return 0;
}

GaEnterpriseInfo *
ga_enterprise_info_new_from_file (const char  *path,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  GaEnterpriseInfo *info;
  guint deep_line;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                   "%s: cannot read the enterprise information: %s", path, local_error->message);
      return NULL;
    }
  deep_line = nesting_exceeded_at (data, length, INFO_MAX_DEPTH);
  if (deep_line > 0)
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                   "%s: nested more than %d levels at line %u; the enterprise information "
                   "is one flat JSON object such as {\"name\": \"…\", \"credit_code\": \"…\"}",
                   path, INFO_MAX_DEPTH, deep_line);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                   "%s: cannot read the enterprise information: %s", path, local_error->message);
      return NULL;
    }
  info = ga_enterprise_info_new_from_json (json_parser_get_root (parser), &local_error);
  if (info == NULL)
    g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                 "%s: %s", path, local_error->message);
  return info;
}
