/* ga-db-pg-none.c: the PostgreSQL half of ga-db in a build without libpq
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built instead of ga-db-pg.c when meson is configured with
 * -Dpostgresql=disabled (the Flatpak, whose runtime has no libpq). Opening a
 * postgresql:// URI says so; no PostgreSQL connection can exist, so the
 * other functions are never reached, except the two that free a
 * statement's PostgreSQL part.
 */
#include "config.h"

#include "ga-db-private.h"

GaDb *
ga_db_pg_open (const char  *uri,
               GError     **error)
{
  g_set_error_literal (error, GA_DB_ERROR, GA_DB_ERROR_OPEN,
                       "This build of GreenAssess has no PostgreSQL support (it was built "
                       "with -Dpostgresql=disabled); open a local database file instead, or use "
                       "a build with PostgreSQL support to reach a team server.");
  return NULL;
}

void
ga_db_pg_close (GaDb *db)
{
  g_assert_not_reached ();
}

gboolean
ga_db_pg_exec (GaDb        *db,
               const char  *sql,
               GError     **error)
{
  g_assert_not_reached ();
}

gboolean
ga_db_pg_prepare (GaDbStmt  *stmt,
                  GError   **error)
{
  g_assert_not_reached ();
}

/* These two are called for every statement as it is freed, SQLite's too:
 * with no PostgreSQL statements there is nothing to clear. */
void
ga_db_pg_stmt_clear (GaDbStmt *stmt)
{
}

void
ga_db_pg_stmt_free_params (GaDbStmt *stmt)
{
}

void
ga_db_pg_bind (GaDbStmt   *stmt,
               int         index,
               char        kind,
               const void *data,
               gsize       length)
{
  g_assert_not_reached ();
}

GaDbStep
ga_db_pg_step (GaDbStmt  *stmt,
               GError   **error)
{
  g_assert_not_reached ();
}

GaDbType
ga_db_pg_column_type (GaDbStmt *stmt,
                      int       column)
{
  g_assert_not_reached ();
}

const guint8 *
ga_db_pg_column_blob (GaDbStmt *stmt,
                      int       column,
                      gsize    *length)
{
  g_assert_not_reached ();
}

gboolean
ga_db_pg_in_transaction (GaDb *db)
{
  g_assert_not_reached ();
}
