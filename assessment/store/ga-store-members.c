/* ga-store-members.c: the member enterprises of a green industrial park
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A park (an enterprise of kind park) lists the factories in it. The link
 * is a row of park_members (schema 7); the enterprises themselves are not
 * changed by adding or removing one. The kinds of both sides are checked
 * here, in the transaction that writes the link.
 */
#include "config.h"

#include "ga-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const struct {
  const char *id;
  const char *label_zh;
} enterprise_kinds[] = {
  [GA_ENTERPRISE_FACTORY] = { "factory", "工厂" },
  [GA_ENTERPRISE_PARK] = { "park", "园区" },
};

const char *
ga_enterprise_kind_to_string (GaEnterpriseKind kind)
{
  g_return_val_if_fail (kind <= GA_ENTERPRISE_PARK, "factory");
  return enterprise_kinds[kind].id;
}

gboolean
ga_enterprise_kind_from_string (const char       *text,
                                GaEnterpriseKind *kind)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (enterprise_kinds); i++)
    if (g_ascii_strcasecmp (text, enterprise_kinds[i].id) == 0
        || strcmp (text, enterprise_kinds[i].label_zh) == 0)
      {
        *kind = (GaEnterpriseKind) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
require_members_schema (GaStore  *store,
                        GError  **error)
{
  if (store->schema_version >= 7)
    return TRUE;
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
               _("The database %s has schema version %d, which has no park members; "
                 "open it for writing once to upgrade it"), store->path, store->schema_version);
  return FALSE;
}

/* The enterprise @id, which must be of @kind; NULL with @error otherwise. */
static GaEnterprise *
get_of_kind (GaStore           *store,
             gint64             id,
             GaEnterpriseKind   kind,
             GError           **error)
{
  g_autoptr(GaEnterprise) e = ga_store_get_enterprise (store, id, error);

  if (e == NULL)
    return NULL;
  if (e->kind != kind)
    {
      g_autofree char *num = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);

      if (kind == GA_ENTERPRISE_PARK)
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                     _("%s (id %s) is a factory, not a park; only a park has member "
                       "enterprises (make it a park in its details first)"), e->name, num);
      else
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                     _("%s (id %s) is a park; a park's members are factories"), e->name, num);
      return NULL;
    }
  return g_steal_pointer (&e);
}

/* Refuses to change the kind of an enterprise that is linked as the other
 * kind: a park with members, or a factory that is a member of a park.
 * Called by ga_store_update_enterprise() inside its transaction. */
gboolean
ga_store_check_kind_change (GaStore             *store,
                            const GaEnterprise  *enterprise,
                            GError             **error)
{
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  if (store->schema_version < 7)
    return TRUE;
  stmt = ga_store_stmt (store, enterprise->kind == GA_ENTERPRISE_PARK
                               ? "SELECT 1 FROM park_members WHERE member_id = ?"
                               : "SELECT 1 FROM park_members WHERE park_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, enterprise->id);
  step = ga_db_stmt_step (stmt, &local);
  if (step != GA_DB_STEP_ROW)
    return ga_store_stmt_end (store, stmt, step, local, "Checking the park members", error);
  ga_db_stmt_reset (stmt);
  if (enterprise->kind == GA_ENTERPRISE_PARK)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                 _("%s is a member of a park, so it stays a factory; remove it from the park "
                   "first"), enterprise->name);
  else
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                 _("%s has member enterprises, so it stays a park; remove its members first"),
                 enterprise->name);
  return FALSE;
}

gboolean
ga_store_add_park_member (GaStore  *store,
                          gint64    park_id,
                          gint64    member_id,
                          GError  **error)
{
  g_autoptr(GaEnterprise) park = NULL;
  g_autoptr(GaEnterprise) member = NULL;
  g_autofree char *now = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!require_members_schema (store, error) || !ga_store_begin (store, error))
    return FALSE;
  park = get_of_kind (store, park_id, GA_ENTERPRISE_PARK, error);
  if (park == NULL)
    goto fail;
  member = get_of_kind (store, member_id, GA_ENTERPRISE_FACTORY, error);
  if (member == NULL)
    goto fail;

  stmt = ga_store_stmt (store, "SELECT 1 FROM park_members WHERE park_id = ?"
                        " AND member_id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, park_id);
  ga_db_stmt_bind_int64 (stmt, 2, member_id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      ga_db_stmt_reset (stmt);
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
                   _("%s is already a member of %s"), member->name, park->name);
      goto fail;
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Adding the park member", error))
    goto fail;

  stmt = ga_store_stmt (store, "INSERT INTO park_members (park_id, member_id, added_at)"
                        " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  ga_db_stmt_bind_int64 (stmt, 1, park_id);
  ga_db_stmt_bind_int64 (stmt, 2, member_id);
  ga_db_stmt_bind_text (stmt, 3, now, -1);
  if (!ga_store_stmt_run (store, stmt, "Adding the park member", error))
    goto fail;
  return ga_store_commit_changed (store, "Adding the park member", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

gboolean
ga_store_remove_park_member (GaStore  *store,
                             gint64    park_id,
                             gint64    member_id,
                             GError  **error)
{
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!require_members_schema (store, error) || !ga_store_begin (store, error))
    return FALSE;
  stmt = ga_store_stmt (store, "DELETE FROM park_members WHERE park_id = ?"
                        " AND member_id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, park_id);
  ga_db_stmt_bind_int64 (stmt, 2, member_id);
  if (!ga_store_stmt_run (store, stmt, "Removing the park member", error))
    goto fail;
  if (ga_db_stmt_get_changes (stmt) == 0)
    {
      g_autofree char *m = g_strdup_printf ("%" G_GINT64_FORMAT, member_id);
      g_autofree char *p = g_strdup_printf ("%" G_GINT64_FORMAT, park_id);

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   _("Enterprise %s is not a member of park %s"), m, p);
      goto fail;
    }
  return ga_store_commit_changed (store, "Removing the park member", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

GPtrArray *
ga_store_list_park_members (GaStore  *store,
                            gint64    park_id,
                            GError  **error)
{
  g_autoptr(GArray) member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_enterprise_free);
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  if (store->schema_version < 7)
    return g_steal_pointer (&list);
  stmt = ga_store_stmt (store, "SELECT m.member_id FROM park_members m"
                        " JOIN enterprises e ON e.id = m.member_id"
                        " WHERE m.park_id = ? ORDER BY e.name, e.id", error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, park_id);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    {
      gint64 id = ga_db_stmt_column_int64 (stmt, 0);
      g_array_append_val (member_ids, id);
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Listing the park members", error))
    return NULL;

  for (guint i = 0; i < member_ids->len; i++)
    {
      GaEnterprise *e = ga_store_get_enterprise (store, g_array_index (member_ids, gint64, i),
                                                 error);
      if (e == NULL)
        return NULL;
      g_ptr_array_add (list, e);
    }
  return g_steal_pointer (&list);
}
