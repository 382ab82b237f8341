/* ga-export-info.c: the enterprise's basic information for the export
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ga-export.h"
#include "ga-json.h"

/* What the file should look like, for the messages about its shape. */
#define INFO_SHAPE "the enterprise information is one flat JSON object such as " \
                   "{\"name\": \"…\", \"credit_code\": \"…\"}"

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
  TEXT_FIELD (postal_code),
  TEXT_FIELD (factory_address),
  TEXT_FIELD (main_products),
  TEXT_FIELD (ownership),
  TEXT_FIELD (registration_authority),
  TEXT_FIELD (founded),
  TEXT_FIELD (valid_until),
  TEXT_FIELD (legal_representative),
  TEXT_FIELD (legal_phone),
  TEXT_FIELD (contact_department),
  TEXT_FIELD (contact_person),
  TEXT_FIELD (contact_phone),
  TEXT_FIELD (contact_mobile),
  TEXT_FIELD (fax),
  TEXT_FIELD (email),
  TEXT_FIELD (profile),
  NUMBER_FIELD (registered_capital),
  NUMBER_FIELD (employees),
  NUMBER_FIELD (output_value),
  NUMBER_FIELD (value_added),
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

GaEnterpriseInfo *
ga_enterprise_info_new_from_file (const char  *path,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *shown = NULL;
  gsize length = 0;
  GaEnterpriseInfo *info;

  g_return_val_if_fail (path != NULL, NULL);

  /* Messages name the file by its display name: it need not be UTF-8. */
  shown = g_filename_display_name (path);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                   "%s: cannot read the enterprise information: %s", shown, local_error->message);
      return NULL;
    }
  /* The bounded reader: strict JSON, no key twice (json-glib would keep
   * the last silently), nothing after the object, and a nesting limit
   * checked before json-glib recurses into the tree. */
  parser = ga_json_parse_bounded (data, (gssize) length, GA_JSON_MAX_DEPTH, &local_error);
  if (parser == NULL)
    {
      if (g_error_matches (local_error, GA_JSON_ERROR, GA_JSON_ERROR_EMPTY))
        g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                     "%s: the file is empty; %s", shown, INFO_SHAPE);
      else if (g_error_matches (local_error, GA_JSON_ERROR, GA_JSON_ERROR_TOO_DEEP))
        g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                     "%s: %s; %s", shown, local_error->message, INFO_SHAPE);
      else
        g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                     "%s: %s", shown, local_error->message);
      return NULL;
    }
  info = ga_enterprise_info_new_from_json (json_parser_get_root (parser), &local_error);
  if (info == NULL)
    g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                 "%s: %s", shown, local_error->message);
  return info;
}

/* ------------------------------------------------------------------ */
/* The local summary tables                                            */

GaExportLocalTables *
ga_export_local_tables_new (void)
{
  GaExportLocalTables *t = g_new0 (GaExportLocalTables, 1);

  t->years = g_array_new (FALSE, TRUE, sizeof (GaExportYear));
  t->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_export_project_free);
  return t;
}

void
ga_export_local_tables_free (GaExportLocalTables *tables)
{
  if (tables == NULL)
    return;
  g_clear_pointer (&tables->years, g_array_unref);
  g_clear_pointer (&tables->projects, g_ptr_array_unref);
  g_free (tables);
}

void
ga_export_project_free (GaExportProject *project)
{
  if (project == NULL)
    return;
  g_free (project->name);
  g_free (project->type);
  g_free (project->content);
  g_free (project->start);
  g_free (project->end);
  g_free (project->progress);
  g_free (project);
}

gboolean
ga_export_level_from_string (const char    *text,
                             GaExportLevel *level)
{
  static const struct { const char *id, *zh; GaExportLevel level; } levels[] = {
    { "national", "国家级", GA_EXPORT_LEVEL_NATIONAL },
    { "provincial", "省级", GA_EXPORT_LEVEL_PROVINCIAL },
    { "municipal", "市级", GA_EXPORT_LEVEL_MUNICIPAL },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (levels); i++)
    if (g_ascii_strcasecmp (text, levels[i].id) == 0 || g_strcmp0 (text, levels[i].zh) == 0)
      {
        *level = levels[i].level;
        return TRUE;
      }
  return FALSE;
}
