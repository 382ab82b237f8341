/* ga-db.h: one way to talk SQL to SQLite and to PostgreSQL
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GaDb is one connection: an SQLite file opened from a path, or a
 * PostgreSQL server reached from a `postgresql://` URI (libpq). Statements
 * are written once with `?` placeholders; on PostgreSQL they become $1, $2 …
 * (never inside string literals, quoted names, comments or dollar quotes).
 * Values travel as typed, binary parameters, so integers keep all 64 bits,
 * doubles every bit, and blobs (bytea) every byte.
 *
 * What is the same on both:
 * - a statement is prepared once and stepped row by row, then reset and
 *   bound again; a text parameter must be valid UTF-8 without NUL bytes
 *   (PostgreSQL cannot store anything else, so SQLite is held to it too);
 * - ga_db_begin() nests: the outer level is a transaction, each inner one
 *   a savepoint, and ga_db_rollback() undoes only its own level;
 * - an insert prepared with ga_db_prepare_insert() reports the id of the
 *   row it inserted (RETURNING on both), and 0 when it inserted none (keys
 *   a PostgreSQL identity or sequence gives may have gaps: an insert that
 *   inserted nothing, or was rolled back, has used one up);
 * - errors carry a GaDbError code and a message with the server's or
 *   SQLite's own text and code (SQLSTATE 23505, SQLite code 2067 …).
 *
 * What is not hidden: the SQL itself (types, functions, upserts) is the
 * caller's, and after an error inside a PostgreSQL transaction nothing but
 * a rollback (of the transaction or of the savepoint) works, where SQLite
 * would carry on; callers roll back the level that failed.
 *
 * A GaDb and its statements belong to one thread at a time.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum {
  GA_DB_DIALECT_SQLITE,
  GA_DB_DIALECT_POSTGRESQL,
} GaDbDialect;

#define GA_DB_ERROR (ga_db_error_quark ())
GQuark ga_db_error_quark (void);

typedef enum {
  GA_DB_ERROR_FAILED,       /* anything else; the message has the native text and code */
  GA_DB_ERROR_OPEN,         /* the file cannot be opened, the server not reached or not logged in to */
  GA_DB_ERROR_CONNECTION,   /* the connection to the server was lost */
  GA_DB_ERROR_SQL,          /* the statement is wrong (syntax, unknown table or column) */
  GA_DB_ERROR_UNIQUE,       /* a unique or primary key constraint refused the change */
  GA_DB_ERROR_FOREIGN_KEY,  /* a foreign key refused the change */
  GA_DB_ERROR_NOT_NULL,     /* a NOT NULL column was given no value */
  GA_DB_ERROR_CHECK,        /* a CHECK constraint refused the value */
  GA_DB_ERROR_BUSY,         /* locked, a serialization failure or a deadlock: try again */
  GA_DB_ERROR_PERMISSION,   /* the role may not do this, or the file is read-only */
  GA_DB_ERROR_BAD_VALUE,    /* a parameter or stored value was refused (not UTF-8, out of range) */
  GA_DB_ERROR_MISUSE,       /* the API was used wrongly (parameter index, two statements in one) */
} GaDbError;

typedef enum {
  GA_DB_STEP_ERROR,  /* the error is set */
  GA_DB_STEP_ROW,    /* a row is ready for the column getters */
  GA_DB_STEP_DONE,   /* the statement has run to its end */
} GaDbStep;

typedef enum {
  GA_DB_TYPE_NULL,
  GA_DB_TYPE_INTEGER,
  GA_DB_TYPE_FLOAT,
  GA_DB_TYPE_TEXT,
  GA_DB_TYPE_BLOB,
} GaDbType;

typedef struct _GaDb GaDb;
typedef struct _GaDbStmt GaDbStmt;

/* TRUE when @target is a PostgreSQL connection URI (postgresql:// or
 * postgres://) rather than a path. */
gboolean     ga_db_target_is_uri         (const char   *target);

/* Opens @target: a PostgreSQL URI connects to the server (the password may
 * be in the URI, in PGPASSWORD or in ~/.pgpass), anything else opens or
 * creates that SQLite file with foreign keys on. */
GaDb        *ga_db_open                  (const char   *target,
                                          GError      **error);
/* A GaDb over an SQLite connection that stays the caller's: closing the
 * GaDb leaves @handle open. It turns on extended result codes, which the
 * error codes are read from. */
GaDb        *ga_db_new_for_sqlite        (sqlite3      *handle);
void         ga_db_close                 (GaDb         *db);

GaDbDialect  ga_db_get_dialect           (GaDb         *db);
/* The extended SQLite result code of the error the last failed call on
 * @db set (SQLITE_FULL, SQLITE_CORRUPT …), for callers that tell the
 * user more than the GaDbError code says; 0 when that error did not come
 * from SQLite (a binding GaDb refused, or a PostgreSQL connection). */
int          ga_db_get_sqlite_code       (GaDb         *db);
/* "SQLite" or "PostgreSQL", for messages. */
const char  *ga_db_dialect_name          (GaDbDialect   dialect);
/* What to show the user for this connection: the path, or the URI without
 * its password. */
const char  *ga_db_get_display_name      (GaDb         *db);

/* Runs one or more statements that take no parameters and return no rows
 * the caller needs (schema, settings). Outside a transaction, PostgreSQL
 * runs the statements of one call as one transaction, where SQLite commits
 * each by itself: schema changes that belong together go inside
 * ga_db_begin() and ga_db_commit() on both. */
gboolean     ga_db_exec                  (GaDb         *db,
                                          const char   *sql,
                                          GError      **error);

/* Transactions. ga_db_begin() at depth 0 begins one (BEGIN IMMEDIATE on
 * SQLite, so a writer never fails half-way for a lock); deeper it sets a
 * savepoint. ga_db_commit() and ga_db_rollback() end the innermost level. */
gboolean     ga_db_begin                 (GaDb         *db,
                                          GError      **error);
gboolean     ga_db_commit                (GaDb         *db,
                                          GError      **error);
gboolean     ga_db_rollback              (GaDb         *db,
                                          GError      **error);
/* 0 outside a transaction, 1 in one, 2 and more in savepoints. */
guint        ga_db_get_depth             (GaDb         *db);

/* One statement (a trailing semicolon is allowed, a second statement is
 * not), with `?` placeholders. */
GaDbStmt    *ga_db_prepare               (GaDb         *db,
                                          const char   *sql,
                                          GError      **error);
/* An INSERT whose new row's @id_column ga_db_stmt_get_insert_id() reports;
 * stepping it gives GA_DB_STEP_DONE, never a row. */
GaDbStmt    *ga_db_prepare_insert        (GaDb         *db,
                                          const char   *sql,
                                          const char   *id_column,
                                          GError      **error);
void         ga_db_stmt_free             (GaDbStmt     *stmt);

/* Parameters count from 1, as in SQLite. A binding that cannot be made
 * (index out of range, text that is not UTF-8, NaN) is reported by the next
 * ga_db_stmt_step(), which then does not run the statement; it stays until
 * ga_db_stmt_clear_bindings(). Binding ends a run still in progress, as
 * ga_db_stmt_reset() does. */
void         ga_db_stmt_bind_null        (GaDbStmt     *stmt,
                                          int           index);
void         ga_db_stmt_bind_int64       (GaDbStmt     *stmt,
                                          int           index,
                                          gint64        value);
void         ga_db_stmt_bind_double      (GaDbStmt     *stmt,
                                          int           index,
                                          double        value);
/* @length -1: up to the NUL. A NULL @text binds NULL. */
void         ga_db_stmt_bind_text        (GaDbStmt     *stmt,
                                          int           index,
                                          const char   *text,
                                          gssize        length);
/* @data may be NULL when @length is 0: that is an empty blob, not NULL. */
void         ga_db_stmt_bind_blob        (GaDbStmt     *stmt,
                                          int           index,
                                          gconstpointer data,
                                          gsize         length);
/* The same without copying @data on SQLite, for large values bound once
 * (an evidence file): @data must stay alive and unchanged until the
 * statement is bound again, its bindings cleared, or it is freed. */
void         ga_db_stmt_bind_blob_static (GaDbStmt     *stmt,
                                          int           index,
                                          gconstpointer data,
                                          gsize         length);
int          ga_db_stmt_get_param_count  (GaDbStmt     *stmt);

/* Runs the statement on the first call and moves to the next row on each
 * further one. After GA_DB_STEP_DONE the next step runs it again, as
 * SQLite does. */
GaDbStep     ga_db_stmt_step             (GaDbStmt     *stmt,
                                          GError      **error);
/* Ends the current run; the bindings stay. */
void         ga_db_stmt_reset            (GaDbStmt     *stmt);
void         ga_db_stmt_clear_bindings   (GaDbStmt     *stmt);
/* Rows the last run inserted, changed or deleted. */
gint64       ga_db_stmt_get_changes      (GaDbStmt     *stmt);
/* The id of the row the last run of an insert statement inserted; 0 if it
 * inserted none (ON CONFLICT DO NOTHING). */
gint64       ga_db_stmt_get_insert_id    (GaDbStmt     *stmt);

/* Columns of the current row (after GA_DB_STEP_ROW), counted from 0. The
 * text and blob pointers stay valid until the next step or reset. An empty
 * blob gives a non-NULL pointer and length 0; a NULL value gives NULL. */
int          ga_db_stmt_column_count     (GaDbStmt     *stmt);
const char  *ga_db_stmt_column_name      (GaDbStmt     *stmt,
                                          int           column);
GaDbType     ga_db_stmt_column_type      (GaDbStmt     *stmt,
                                          int           column);
gboolean     ga_db_stmt_column_is_null   (GaDbStmt     *stmt,
                                          int           column);
gint64       ga_db_stmt_column_int64     (GaDbStmt     *stmt,
                                          int           column);
double       ga_db_stmt_column_double    (GaDbStmt     *stmt,
                                          int           column);
const char  *ga_db_stmt_column_text      (GaDbStmt     *stmt,
                                          int           column);
const guint8 *ga_db_stmt_column_blob     (GaDbStmt     *stmt,
                                          int           column,
                                          gsize        *length);

/* The statement rewritten for @dialect: `?` outside literals, quoted names
 * and comments becomes $1, $2 … for PostgreSQL; SQLite's is @sql itself.
 * @n_params (optional) receives the number of placeholders. */
char        *ga_db_translate_placeholders (GaDbDialect  dialect,
                                           const char  *sql,
                                           int         *n_params);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaDb, ga_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaDbStmt, ga_db_stmt_free)

G_END_DECLS
