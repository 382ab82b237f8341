/* ga-db-private.h: what the two halves of GaDb share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga-db.c holds the common part and the SQLite backend, ga-db-pg.c the
 * libpq one. Nothing outside these files includes this header.
 */
#pragma once

#include "ga-db.h"

#ifdef GA_HAVE_LIBPQ
#include <libpq-fe.h>
#else
/* A build without libpq (-Dpostgresql=disabled) has no PostgreSQL
 * connection, so no statement ever holds a result: these stand-ins for the
 * libpq calls of ga-db.c's column getters are never reached. */
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
#define PQnfields(res) ((void) (res), 0)
#define PQntuples(res) ((void) (res), 0)
#define PQfname(res, column) ((void) (res), (void) (column), (char *) NULL)
#define PQgetisnull(res, row, column) ((void) (res), (void) (row), (void) (column), 1)
#define PQgetvalue(res, row, column) ((void) (res), (void) (row), (void) (column), (char *) "")
#endif

G_BEGIN_DECLS

struct _GaDb {
  GaDbDialect dialect;
  char *display_name;
  guint depth;

  sqlite3 *sqlite;
  gboolean owns_sqlite;
  /* The SQLite result code of the last error SQLite itself reported
   * (ga_db_get_sqlite_code()); 0 after a call that failed for another
   * reason or did not fail. */
  int sqlite_code;

  PGconn *pg;
  /* Server-side prepared statements by "<parameter types>\n<sql>", so each
   * SQL text with each combination of parameter types is parsed once per
   * connection. Values are the statements' names. */
  GHashTable *pg_prepared;
  guint64 pg_next_name;
};

/* One parameter of a PostgreSQL statement, in libpq's binary format
 * (integers, doubles, blobs) or as text. */
typedef struct {
  char kind;        /* 'n' null, 'i' int8, 'd' float8, 't' text, 'b' bytea */
  guint8 num[8];    /* the big-endian bytes of an int8 or float8 */
  char *owned;      /* a copy of the text (NUL-terminated) or the blob */
  gsize length;
} GaDbParam;

struct _GaDbStmt {
  GaDb *db;
  char *sql;            /* as given (SQLite) or translated to $n (PostgreSQL) */
  gboolean is_insert;
  gint64 insert_id;
  gint64 changes;
  GError *bind_error;   /* the first binding that failed, for the next step */
  gboolean finished;    /* the last step returned DONE */

  sqlite3_stmt *sq;

  int n_params;
  GaDbParam *params;
  PGresult *res;
  int row;              /* the current row of res; -1 before the first */
  /* Blobs of the current row decoded from bytea's hex form, per column. */
  guint8 **decoded;
  gsize *decoded_length;
  int n_decoded;
};

/* ga-db.c */
void      ga_db_set_sqlite_error   (GError     **error,
                                    sqlite3     *handle,
                                    int          rc);
void      ga_db_stmt_set_bind_error (GaDbStmt   *stmt,
                                     GaDbError   code,
                                     const char *format,
                                     ...) G_GNUC_PRINTF (3, 4);
gboolean  ga_db_check_index        (GaDbStmt    *stmt,
                                    int          index);

/* ga-db-pg.c */
GaDb     *ga_db_pg_open            (const char  *uri,
                                    GError     **error);
void      ga_db_pg_close           (GaDb        *db);
gboolean  ga_db_pg_exec            (GaDb        *db,
                                    const char  *sql,
                                    GError     **error);
gboolean  ga_db_pg_prepare         (GaDbStmt    *stmt,
                                    GError     **error);
void      ga_db_pg_stmt_clear      (GaDbStmt    *stmt);
void      ga_db_pg_stmt_free_params (GaDbStmt   *stmt);
void      ga_db_pg_bind            (GaDbStmt    *stmt,
                                    int          index,
                                    char         kind,
                                    const void  *data,
                                    gsize        length);
GaDbStep  ga_db_pg_step            (GaDbStmt    *stmt,
                                    GError     **error);
GaDbType  ga_db_pg_column_type     (GaDbStmt    *stmt,
                                    int          column);
const guint8 *ga_db_pg_column_blob (GaDbStmt    *stmt,
                                    int          column,
                                    gsize       *length);
gboolean  ga_db_pg_in_transaction  (GaDb        *db);

G_END_DECLS
