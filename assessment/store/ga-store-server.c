/* ga-store-server.c: opening a store from a postgresql:// URI
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store's first connection to a database without GreenAssess's tables
 * installs them in the connection's current schema, without roles or
 * row-level security (a server for one user); a team server is set up
 * with `greenassess-cli server init` instead, and the store then finds
 * the tables there. Both take the table definitions of
 * ga-store-pg-schema.c: the tables of the SQLite schema at
 * GA_STORE_SCHEMA_VERSION, column for column, in PostgreSQL's types, with
 * the "C" collation on the text the store sorts or compares (names, keys,
 * UUIDs), so that orders and UUID prefix ranges are those of SQLite
 * whatever locale the database was created with. The schema version is
 * kept in meta under 'schema_version', as PostgreSQL has no user_version.
 *
 * What the SQLite store does with its file (WAL, checks of the structure,
 * repair, backups by copy) has no counterpart here: the server keeps its
 * own durability and is backed up with pg_dump (docs/team-server.md).
 */
#include "config.h"

#include "ga-store-private.h"
#include "ga-store-pg-schema.h"

/* Any number: the key of the advisory lock that keeps two clients from
 * installing the schema into one database at the same time. */
#define SCHEMA_LOCK_KEY 0x47417374

/* The schema version stored in @db's current schema, 0 when there is no
 * store there yet; -1 with @error set on failure. */
static int
read_server_version (GaDb    *db,
                     GError **error)
{
  g_autoptr(GaDbStmt) stmt = NULL;
  gboolean has_meta;
  int version = 0;

  stmt = ga_db_prepare (db, "SELECT count(*) FROM information_schema.tables"
                        " WHERE table_schema = current_schema () AND table_name = 'meta'", error);
  if (stmt == NULL || ga_db_stmt_step (stmt, error) != GA_DB_STEP_ROW)
    return -1;
  has_meta = ga_db_stmt_column_int64 (stmt, 0) > 0;
  g_clear_pointer (&stmt, ga_db_stmt_free);
  if (!has_meta)
    return 0;

  stmt = ga_db_prepare (db, "SELECT value FROM meta WHERE key = 'schema_version'", error);
  if (stmt == NULL)
    return -1;
  switch (ga_db_stmt_step (stmt, error))
    {
    case GA_DB_STEP_ROW:
      version = (int) g_ascii_strtoll (ga_db_stmt_column_text (stmt, 0), NULL, 10);
      break;
    case GA_DB_STEP_DONE:
      version = 0;
      break;
    default:
      return -1;
    }
  return version;
}

gboolean
ga_store_install_server_schema (GaDb    *db,
                                int     *version,
                                GError **error)
{
  g_autofree char *lock = NULL;
  g_autofree char *meta = NULL;
  int found;

  g_return_val_if_fail (ga_db_get_dialect (db) == GA_DB_DIALECT_POSTGRESQL, FALSE);

  if (!ga_db_begin (db, error))
    return FALSE;
  lock = g_strdup_printf ("SELECT pg_advisory_xact_lock (%d)", SCHEMA_LOCK_KEY);
  if (!ga_db_exec (db, lock, error))
    goto fail;
  found = read_server_version (db, error);
  if (found < 0)
    goto fail;
  if (found == 0)
    {
      meta = g_strdup_printf ("INSERT INTO meta (key, value) VALUES ('schema_version', '%d'),"
                              " ('application_id', '%u')", GA_STORE_SCHEMA_VERSION,
                              (guint) GA_STORE_APPLICATION_ID);
      if (!ga_store_pg_install_tables (db, error) || !ga_db_exec (db, meta, error))
        goto fail;
      found = GA_STORE_SCHEMA_VERSION;
    }
  if (!ga_db_commit (db, error))
    goto fail;
  if (version != NULL)
    *version = found;
  return TRUE;

fail:
  ga_db_rollback (db, NULL);
  return FALSE;
}

GaStore *
ga_store_open_server (const char  *uri,
                      GError     **error)
{
  g_autoptr(GaStore) self = NULL;
  g_autoptr(GError) local = NULL;
  GaDb *db;
  int version = 0;

  db = ga_db_open (uri, &local);
  if (db == NULL)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot connect to the server: %s. Check the address, the user name and "
                   "the password, and that the server accepts connections", local->message);
      return NULL;
    }
  self = g_object_new (GA_TYPE_STORE, NULL);
  self->gdb = db;
  self->path = g_strdup (ga_db_get_display_name (db));
  /* The server checks and keeps its own files. */
  self->checked = TRUE;

  if (!ga_store_install_server_schema (db, &version, &local))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN,
                   "Cannot set up the store on %s: %s", self->path, local->message);
      return NULL;
    }
  if (version > GA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NEWER,
                   "The store on %s has schema version %d, newer than this program knows (%d). "
                   "Nothing was changed; use a newer GreenAssess", self->path, version,
                   GA_STORE_SCHEMA_VERSION);
      return NULL;
    }
  self->schema_version = version;
  return g_steal_pointer (&self);
}
