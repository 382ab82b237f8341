/* ga-store-templates.c: templates the user imported, and their versions
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ga-store-private.h"

#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ga-json.h"

/* ------------------------------------------------------------------ */
/* Imported templates                                                  */

void
ga_template_info_free (GaTemplateInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->version);
  g_free (info->hash);
  g_free (info->kind);
  g_free (info->title);
  g_free (info->imported_at);
  g_free (info);
}

int
ga_template_version_compare (const char *a,
                             const char *b)
{
  g_auto(GStrv) pa = NULL;
  g_auto(GStrv) pb = NULL;
  guint na, nb;

  if (a == NULL || b == NULL)
    return a == b ? 0 : (a == NULL ? -1 : 1);

  pa = g_strsplit_set (a, ".-+", -1);
  pb = g_strsplit_set (b, ".-+", -1);
  na = g_strv_length (pa);
  nb = g_strv_length (pb);

  for (guint i = 0; i < na && i < nb; i++)
    {
      char *ea = NULL, *eb = NULL;
      guint64 va = g_ascii_strtoull (pa[i], &ea, 10);
      guint64 vb = g_ascii_strtoull (pb[i], &eb, 10);
      gboolean numa = *pa[i] != '\0' && *ea == '\0';
      gboolean numb = *pb[i] != '\0' && *eb == '\0';
      int c;

      if (numa && numb)
        c = va < vb ? -1 : va > vb ? 1 : 0;
      else if (numa != numb)
        c = numa ? 1 : -1;   /* "1.0.1" is later than "1.0.beta" */
      else
        c = strcmp (pa[i], pb[i]);
      if (c != 0)
        return c;
    }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

static int
compare_info_latest_first (gconstpointer a,
                           gconstpointer b)
{
  const GaTemplateInfo *ia = *(GaTemplateInfo *const *) a;
  const GaTemplateInfo *ib = *(GaTemplateInfo *const *) b;
  int c = strcmp (ia->id, ib->id);

  if (c != 0)
    return c;
  c = ga_template_version_compare (ib->version, ia->version);
  if (c != 0)
    return c;
  return g_strcmp0 (ib->imported_at, ia->imported_at);
}

static GPtrArray *
query_templates (GaStore     *store,
                 const char  *template_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_template_info_free);
  /* No stored id is anything but UTF-8 text. */
  if (template_id != NULL && !g_utf8_validate (template_id, -1, NULL))
    return g_steal_pointer (&list);
  if (template_id != NULL)
    {
      stmt = ga_store_stmt (store,
                               "SELECT template_id, version, hash, kind, title, imported_at"
                               " FROM templates WHERE imported_at IS NOT NULL AND template_id = ?",
                               error);
      if (stmt != NULL)
        ga_db_stmt_bind_text (stmt, 1, template_id, -1);
    }
  else
    stmt = ga_store_stmt (store,
                             "SELECT template_id, version, hash, kind, title, imported_at"
                             " FROM templates WHERE imported_at IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;

  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    {
      GaTemplateInfo *info = g_new0 (GaTemplateInfo, 1);

      info->id = ga_store_stmt_dup (stmt, 0);
      info->version = ga_store_stmt_dup (stmt, 1);
      info->hash = ga_store_stmt_dup (stmt, 2);
      info->kind = ga_store_stmt_dup (stmt, 3);
      info->title = ga_store_stmt_dup (stmt, 4);
      info->imported_at = ga_store_stmt_dup (stmt, 5);
      g_ptr_array_add (list, info);
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Listing the imported templates", error))
    return NULL;
  g_ptr_array_sort (list, compare_info_latest_first);
  return g_steal_pointer (&list);
}

GPtrArray *
ga_store_list_templates (GaStore  *store,
                         GError  **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *latest;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  all = query_templates (store, NULL, error);
  if (all == NULL)
    return NULL;

  /* Sorted by id, latest version first: keep the first of each id. */
  latest = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_template_info_free);
  for (guint i = 0; i < all->len; i++)
    {
      GaTemplateInfo *info = g_ptr_array_index (all, i);

      if (latest->len == 0
          || strcmp (((GaTemplateInfo *) g_ptr_array_index (latest, latest->len - 1))->id,
                     info->id) != 0)
        g_ptr_array_add (latest, g_steal_pointer (&all->pdata[i]));
    }
  return latest;
}

GPtrArray *
ga_store_list_template_versions (GaStore     *store,
                                 const char  *template_id,
                                 GError     **error)
{
  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  return query_templates (store, template_id, error);
}

GaTemplateInfo *
ga_store_find_imported_template (GaStore     *store,
                                 const char  *template_id,
                                 const char  *version,
                                 GError     **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  versions = query_templates (store, template_id, error);
  if (versions == NULL)
    return NULL;
  for (guint i = 0; i < versions->len; i++)
    {
      GaTemplateInfo *info = g_ptr_array_index (versions, i);

      if (version == NULL || strcmp (info->version, version) == 0)
        return g_ptr_array_steal_index (versions, i);
    }
  if (version != NULL)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "Template %s version %s has not been imported", template_id, version);
  else
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "No template with id %s has been imported", template_id);
  return NULL;
}

GBytes *
ga_store_get_template (GaStore     *store,
                       const char  *template_id,
                       const char  *version,
                       GError     **error)
{
  g_autoptr(GaTemplateInfo) info = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  info = ga_store_find_imported_template (store, template_id, version, error);
  if (info == NULL)
    return NULL;
  return ga_store_get_template_copy (store, info->hash, error);
}
