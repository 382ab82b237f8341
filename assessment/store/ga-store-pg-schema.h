/* ga-store-pg-schema.h: the store's schema, roles and row-level security
 * on a PostgreSQL team server, and the management of its users
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/team-server.md describes what is enforced where. Every function
 * takes an open PostgreSQL GaDb; on an SQLite one it fails with
 * GA_DB_ERROR_MISUSE.
 */
#pragma once

#include "ga-db.h"

G_BEGIN_DECLS

/* The version of the server part (roles, policies, grants) that
 * ga_store_pg_install() installs; the tables are those of the store's
 * schema version GA_STORE_SCHEMA_VERSION. Both are rows of meta
 * ('schema_version', 'server_version'). */
#define GA_STORE_PG_SERVER_VERSION 1

typedef enum {
  GA_STORE_PG_ROLE_ADMIN,
  GA_STORE_PG_ROLE_CONSULTANT,
  GA_STORE_PG_ROLE_ENTERPRISE,
  GA_STORE_PG_ROLE_REVIEWER,
} GaStorePgRole;

/* Installs, in one transaction, the tables, the group roles ga_admin,
 * ga_consultant, ga_enterprise, ga_reviewer, the owner role ga_owner, the
 * assignments of users to enterprises, the policies and the grants. Run
 * again it changes nothing, or upgrades an older installation. Needs a
 * superuser (it creates roles and a role that bypasses row-level security). */
gboolean     ga_store_pg_install          (GaDb           *db,
                                           GError        **error);
/* The same, appending to @steps (char *) one translated line per thing
 * it created or found already there. */
gboolean     ga_store_pg_install_report   (GaDb           *db,
                                           GPtrArray      *steps,
                                           GError        **error);

/* The tables with their functions and triggers, without roles, grants or
 * row-level security, in the session's current schema, inside the
 * caller's transaction: what a store's first connection to an empty
 * database installs (a server for one user). The same table definitions
 * as ga_store_pg_install(). */
gboolean     ga_store_pg_install_tables   (GaDb           *db,
                                           GError        **error);
/* FALSE in a build without libpq (-Dpostgresql=disabled). */
gboolean     ga_store_pg_is_supported     (void);

/* "admin", "consultant", "enterprise", "reviewer" and back. */
gboolean     ga_store_pg_role_from_name   (const char     *name,
                                           GaStorePgRole  *role);
const char  *ga_store_pg_role_name        (GaStorePgRole   role);

/* Creates the login role @name, member of the group of @role, with a
 * SCRAM-SHA-256 password (hashed here, so the password itself never
 * reaches the server or its log), assigned to the enterprises of the
 * credit codes @codes (NULL-terminated, may be NULL). An administrator
 * also gets CREATEROLE, to manage users. */
gboolean     ga_store_pg_user_add         (GaDb           *db,
                                           const char     *name,
                                           GaStorePgRole   role,
                                           const char     *password,
                                           const char * const *codes,
                                           GError        **error);
/* Rows of three strings: user, role, the credit codes assigned (space
 * separated, "" for none), sorted by user. */
GPtrArray   *ga_store_pg_user_list        (GaDb           *db,
                                           GError        **error);
gboolean     ga_store_pg_user_assign      (GaDb           *db,
                                           const char     *name,
                                           const char     *code,
                                           GError        **error);
gboolean     ga_store_pg_user_unassign    (GaDb           *db,
                                           const char     *name,
                                           const char     *code,
                                           GError        **error);
/* Removes the user's assignments and drops the login role. */
gboolean     ga_store_pg_user_remove      (GaDb           *db,
                                           const char     *name,
                                           GError        **error);

G_END_DECLS
