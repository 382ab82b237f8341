/* ga-db.c: the connection and statement API, and its SQLite backend
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL backend is in ga-db-pg.c; each public function here
 * checks the dialect and either calls SQLite or hands over.
 */
#include "config.h"

#include "ga-db-private.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (ga-db-error-quark, ga_db_error)

/* ------------------------------------------------------------------ */
/* Errors                                                             */

static GaDbError
sqlite_code_to_error (int rc)
{
  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return GA_DB_ERROR_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return GA_DB_ERROR_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_NOTNULL:
      return GA_DB_ERROR_NOT_NULL;
    case SQLITE_CONSTRAINT_CHECK:
      return GA_DB_ERROR_CHECK;
    default:
      break;
    }
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return GA_DB_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return GA_DB_ERROR_PERMISSION;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
      return GA_DB_ERROR_OPEN;
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
      return GA_DB_ERROR_BAD_VALUE;
    case SQLITE_MISUSE:
      return GA_DB_ERROR_MISUSE;
    case SQLITE_ERROR:
      return GA_DB_ERROR_SQL;  /* syntax, unknown table or column, table exists */
    default:
      return GA_DB_ERROR_FAILED;
    }
}

void
ga_db_set_sqlite_error (GError  **error,
                        sqlite3  *handle,
                        int       rc)
{
  const char *msg = handle != NULL && sqlite3_extended_errcode (handle) == rc
                    ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  g_set_error (error, GA_DB_ERROR, sqlite_code_to_error (rc),
               "%s (SQLite code %d)", msg, rc);
}

void
ga_db_stmt_set_bind_error (GaDbStmt   *stmt,
                           GaDbError   code,
                           const char *format,
                           ...)
{
  va_list args;

  if (stmt->bind_error != NULL)
    return;
  va_start (args, format);
  stmt->bind_error = g_error_new_valist (GA_DB_ERROR, code, format, args);
  va_end (args);
}

gboolean
ga_db_check_index (GaDbStmt *stmt,
                   int       index)
{
  int n = ga_db_stmt_get_param_count (stmt);

  if (index < 1 || index > n)
    {
      ga_db_stmt_set_bind_error (stmt, GA_DB_ERROR_MISUSE,
                                 "Parameter %d does not exist: the statement has %d", index, n);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Placeholders                                                       */

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

/* The length of the dollar-quote tag at @p ("$$" or "$tag$"), or 0. */
static gsize
dollar_tag_length (const char *p)
{
  gsize n = 1;

  if (g_ascii_isdigit (p[1]))
    return 0;
  while (p[n] != '\0' && p[n] != '$')
    {
      if (!(g_ascii_isalnum (p[n]) || p[n] == '_' || (guchar) p[n] >= 0x80))
        return 0;
      n++;
    }
  return p[n] == '$' ? n + 1 : 0;
}

/* The translation, with @more set when a semicolon outside literals and
 * comments is followed by anything but spaces, semicolons and comments: a
 * second statement; and @empty when there is nothing but those. */
static char *
translate (GaDbDialect  dialect,
           const char  *sql,
           int         *n_params,
           gboolean    *more,
           gboolean    *empty)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  gboolean pg = dialect == GA_DB_DIALECT_POSTGRESQL;
  gboolean ended = FALSE;
  const char *p = sql;
  int n = 0;

  *more = FALSE;
  *empty = TRUE;
  while (*p != '\0')
    {
      gboolean comment = (p[0] == '-' && p[1] == '-') || (p[0] == '/' && p[1] == '*');

      if (*p == ';')
        ended = TRUE;
      else if (!comment && !g_ascii_isspace (*p))
        {
          *empty = FALSE;
          if (ended)
            *more = TRUE;
        }

      if (*p == '\'')
        {
          /* 'it''s', and E'it\'s' on PostgreSQL where E'' takes backslashes. */
          gboolean escapes = pg && p > sql && (p[-1] == 'E' || p[-1] == 'e')
                             && (p - 1 == sql || !is_ident_char (p[-2]));
          const char *start = p++;

          while (*p != '\0')
            {
              if (escapes && *p == '\\' && p[1] != '\0')
                p += 2;
              else if (*p == '\'' && p[1] == '\'')
                p += 2;
              else if (*p == '\'')
                {
                  p++;
                  break;
                }
              else
                p++;
            }
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '"' || (!pg && (*p == '`' || *p == '[')))
        {
          char close = *p == '[' ? ']' : *p;
          const char *start = p++;

          while (*p != '\0')
            {
              if (*p == close && close != ']' && p[1] == close)
                p += 2;
              else if (*p == close)
                {
                  p++;
                  break;
                }
              else
                p++;
            }
          g_string_append_len (out, start, p - start);
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *start = p;

          while (*p != '\0' && *p != '\n')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          /* PostgreSQL nests block comments; SQLite does not. */
          const char *start = p;
          int level = 1;

          p += 2;
          while (*p != '\0' && level > 0)
            {
              if (p[0] == '*' && p[1] == '/')
                {
                  level--;
                  p += 2;
                }
              else if (pg && p[0] == '/' && p[1] == '*')
                {
                  level++;
                  p += 2;
                }
              else
                p++;
            }
          g_string_append_len (out, start, p - start);
        }
      else if (pg && *p == '$' && (p == sql || !is_ident_char (p[-1])) && dollar_tag_length (p) > 0)
        {
          gsize tag = dollar_tag_length (p);
          const char *start = p;
          const char *end;

          p += tag;
          end = p;
          while (*end != '\0' && strncmp (end, start, tag) != 0)
            end++;
          p = *end != '\0' ? end + tag : end;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '?')
        {
          n++;
          if (pg)
            g_string_append_printf (out, "$%d", n);
          else
            g_string_append_c (out, '?');
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }

  if (n_params != NULL)
    *n_params = n;
  return g_string_free (out, FALSE);
}

char *
ga_db_translate_placeholders (GaDbDialect  dialect,
                              const char  *sql,
                              int         *n_params)
{
  gboolean more, empty;

  g_return_val_if_fail (sql != NULL, NULL);

  return translate (dialect, sql, n_params, &more, &empty);
}

/* ------------------------------------------------------------------ */
/* Connections                                                        */

gboolean
ga_db_target_is_uri (const char *target)
{
  return target != NULL
         && (g_str_has_prefix (target, "postgresql://") || g_str_has_prefix (target, "postgres://"));
}

static GaDb *
sqlite_db_new (sqlite3 *handle, gboolean owns, const char *name)
{
  GaDb *db = g_new0 (GaDb, 1);

  db->dialect = GA_DB_DIALECT_SQLITE;
  db->sqlite = handle;
  db->owns_sqlite = owns;
  db->display_name = g_strdup (name != NULL && *name != '\0' ? name : ":memory:");
  sqlite3_extended_result_codes (handle, 1);
  return db;
}

GaDb *
ga_db_open (const char  *target,
            GError     **error)
{
  sqlite3 *handle = NULL;
  GaDb *db;
  int rc;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ga_db_target_is_uri (target))
    return ga_db_pg_open (target, error);

  rc = sqlite3_open_v2 (target, &handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GA_DB_ERROR, GA_DB_ERROR_OPEN, "Cannot open %s: %s (SQLite code %d)",
                   target, handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc), rc);
      sqlite3_close_v2 (handle);
      return NULL;
    }
  db = sqlite_db_new (handle, TRUE, target);
  sqlite3_busy_timeout (handle, 5000);
  if (!ga_db_exec (db, "PRAGMA foreign_keys = ON", error))
    {
      ga_db_close (db);
      return NULL;
    }
  return db;
}

GaDb *
ga_db_new_for_sqlite (sqlite3 *handle)
{
  g_return_val_if_fail (handle != NULL, NULL);

  return sqlite_db_new (handle, FALSE, sqlite3_db_filename (handle, "main"));
}

void
ga_db_close (GaDb *db)
{
  if (db == NULL)
    return;
  if (db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_close (db);
  else if (db->owns_sqlite)
    sqlite3_close_v2 (db->sqlite);
  g_free (db->display_name);
  g_free (db);
}

GaDbDialect
ga_db_get_dialect (GaDb *db)
{
  return db->dialect;
}

int
ga_db_get_sqlite_code (GaDb *db)
{
  return db->sqlite_code;
}

const char *
ga_db_dialect_name (GaDbDialect dialect)
{
  return dialect == GA_DB_DIALECT_POSTGRESQL ? "PostgreSQL" : "SQLite";
}

const char *
ga_db_get_display_name (GaDb *db)
{
  return db->display_name;
}

gboolean
ga_db_exec (GaDb        *db,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_return_val_if_fail (db != NULL && sql != NULL, FALSE);

  db->sqlite_code = 0;
  if (db->dialect == GA_DB_DIALECT_POSTGRESQL)
    return ga_db_pg_exec (db, sql, error);

  rc = sqlite3_exec (db->sqlite, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      db->sqlite_code = sqlite3_extended_errcode (db->sqlite);
      ga_db_set_sqlite_error (error, db->sqlite, db->sqlite_code);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Transactions                                                       */

/* Whether the connection is inside a transaction, by its own account: a
 * failed COMMIT may or may not have ended it. */
static gboolean
in_transaction (GaDb *db)
{
  if (db->dialect == GA_DB_DIALECT_POSTGRESQL)
    return ga_db_pg_in_transaction (db);
  return !sqlite3_get_autocommit (db->sqlite);
}

gboolean
ga_db_begin (GaDb    *db,
             GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (db->depth == 0)
    sql = g_strdup (db->dialect == GA_DB_DIALECT_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN");
  else
    sql = g_strdup_printf ("SAVEPOINT ga_level_%u", db->depth + 1);
  if (!ga_db_exec (db, sql, error))
    return FALSE;
  db->depth++;
  return TRUE;
}

gboolean
ga_db_commit (GaDb    *db,
              GError **error)
{
  g_autofree char *sql = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (db->depth == 0)
    {
      g_set_error_literal (error, GA_DB_ERROR, GA_DB_ERROR_MISUSE,
                           "Nothing to commit: no transaction has begun");
      return FALSE;
    }
  if (db->depth > 1)
    {
      sql = g_strdup_printf ("RELEASE SAVEPOINT ga_level_%u", db->depth);
      if (!ga_db_exec (db, sql, error))
        return FALSE;
      db->depth--;
      return TRUE;
    }

  ok = ga_db_exec (db, "COMMIT", error);
  /* PostgreSQL answers COMMIT in a failed transaction with ROLLBACK (and
   * ga_db_pg_exec() makes that an error); either way it has ended. SQLite
   * keeps a transaction open when COMMIT fails for a lock. */
  if (ok || !in_transaction (db))
    db->depth = 0;
  return ok;
}

gboolean
ga_db_rollback (GaDb    *db,
                GError **error)
{
  g_autofree char *sql = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (db->depth == 0)
    {
      g_set_error_literal (error, GA_DB_ERROR, GA_DB_ERROR_MISUSE,
                           "Nothing to roll back: no transaction has begun");
      return FALSE;
    }
  if (db->depth > 1)
    {
      sql = g_strdup_printf ("ROLLBACK TO SAVEPOINT ga_level_%u; RELEASE SAVEPOINT ga_level_%u",
                             db->depth, db->depth);
      ok = ga_db_exec (db, sql, error);
      db->depth--;
      return ok;
    }

  /* SQLite may already have rolled back by itself (a full disk, an
   * interrupt); there is nothing left to do then. */
  if (!in_transaction (db))
    ok = TRUE;
  else
    ok = ga_db_exec (db, "ROLLBACK", error);
  db->depth = 0;
  return ok;
}

guint
ga_db_get_depth (GaDb *db)
{
  return db->depth;
}

/* ------------------------------------------------------------------ */
/* Statements                                                         */

static GaDbStmt *
prepare (GaDb        *db,
         const char  *sql,
         const char  *id_column,
         GError     **error)
{
  g_autoptr(GaDbStmt) stmt = g_new0 (GaDbStmt, 1);
  g_autofree char *with_returning = NULL;
  gboolean more, empty;
  int rc;

  stmt->db = db;
  stmt->row = -1;
  db->sqlite_code = 0;
  if (id_column != NULL)
    {
      /* Trailing semicolons and spaces go; a new line ends a trailing
       * comment before RETURNING. */
      gsize len = strlen (sql);

      while (len > 0 && (g_ascii_isspace (sql[len - 1]) || sql[len - 1] == ';'))
        len--;
      with_returning = g_strdup_printf ("%.*s\nRETURNING %s", (int) len, sql, id_column);
      sql = with_returning;
      stmt->is_insert = TRUE;
    }

  /* Both would refuse a second statement, each in its own way (SQLite
   * by leaving it unread): it is refused here, the same on both. */
  stmt->sql = translate (db->dialect, sql, &stmt->n_params, &more, &empty);
  if (empty)
    {
      g_set_error_literal (error, GA_DB_ERROR, GA_DB_ERROR_MISUSE, "The statement is empty");
      return NULL;
    }
  if (more)
    {
      g_set_error (error, GA_DB_ERROR, GA_DB_ERROR_MISUSE,
                   "Only one statement can be prepared at a time: %s", sql);
      return NULL;
    }

  if (db->dialect == GA_DB_DIALECT_POSTGRESQL)
    {
      stmt->params = g_new0 (GaDbParam, MAX (stmt->n_params, 1));
      if (!ga_db_pg_prepare (stmt, error))
        return NULL;
      return g_steal_pointer (&stmt);
    }

  rc = sqlite3_prepare_v2 (db->sqlite, sql, -1, &stmt->sq, NULL);
  if (rc != SQLITE_OK)
    {
      db->sqlite_code = sqlite3_extended_errcode (db->sqlite);
      ga_db_set_sqlite_error (error, db->sqlite, db->sqlite_code);
      return NULL;
    }
  if (stmt->sq == NULL)
    {
      g_set_error_literal (error, GA_DB_ERROR, GA_DB_ERROR_MISUSE, "The statement is empty");
      return NULL;
    }
  return g_steal_pointer (&stmt);
}

GaDbStmt *
ga_db_prepare (GaDb        *db,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (db != NULL && sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return prepare (db, sql, NULL, error);
}

GaDbStmt *
ga_db_prepare_insert (GaDb        *db,
                      const char  *sql,
                      const char  *id_column,
                      GError     **error)
{
  g_return_val_if_fail (db != NULL && sql != NULL && id_column != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return prepare (db, sql, id_column, error);
}

void
ga_db_stmt_free (GaDbStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->sq != NULL)
    sqlite3_finalize (stmt->sq);
  ga_db_pg_stmt_clear (stmt);
  ga_db_pg_stmt_free_params (stmt);
  g_clear_error (&stmt->bind_error);
  g_free (stmt->params);
  g_free (stmt->sql);
  g_free (stmt);
}

int
ga_db_stmt_get_param_count (GaDbStmt *stmt)
{
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    return stmt->n_params;
  return sqlite3_bind_parameter_count (stmt->sq);
}

/* Binding resets a statement that is still running, as both SQLite and
 * PostgreSQL need before new values can take effect. */
static void
before_bind (GaDbStmt *stmt)
{
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    {
      if (stmt->res != NULL)
        ga_db_stmt_reset (stmt);
    }
  else if (sqlite3_stmt_busy (stmt->sq))
    ga_db_stmt_reset (stmt);
}

static void
check_sqlite_bind (GaDbStmt *stmt, int index, int rc)
{
  if (rc != SQLITE_OK)
    ga_db_stmt_set_bind_error (stmt, sqlite_code_to_error (rc),
                               "Parameter %d cannot be bound: %s (SQLite code %d)",
                               index, sqlite3_errstr (rc), rc);
}

void
ga_db_stmt_bind_null (GaDbStmt *stmt,
                      int       index)
{
  before_bind (stmt);
  if (!ga_db_check_index (stmt, index))
    return;
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_bind (stmt, index, 'n', NULL, 0);
  else
    check_sqlite_bind (stmt, index, sqlite3_bind_null (stmt->sq, index));
}

void
ga_db_stmt_bind_int64 (GaDbStmt *stmt,
                       int       index,
                       gint64    value)
{
  before_bind (stmt);
  if (!ga_db_check_index (stmt, index))
    return;
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_bind (stmt, index, 'i', &value, sizeof value);
  else
    check_sqlite_bind (stmt, index, sqlite3_bind_int64 (stmt->sq, index, value));
}

void
ga_db_stmt_bind_double (GaDbStmt *stmt,
                        int       index,
                        double    value)
{
  before_bind (stmt);
  if (!ga_db_check_index (stmt, index))
    return;
  /* SQLite stores NaN as NULL, PostgreSQL as NaN: neither is a value the
   * application means, so it is refused on both. */
  if (isnan (value))
    {
      ga_db_stmt_set_bind_error (stmt, GA_DB_ERROR_BAD_VALUE,
                                 "Parameter %d is not a number (NaN) and cannot be stored", index);
      return;
    }
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_bind (stmt, index, 'd', &value, sizeof value);
  else
    check_sqlite_bind (stmt, index, sqlite3_bind_double (stmt->sq, index, value));
}

void
ga_db_stmt_bind_text (GaDbStmt   *stmt,
                      int         index,
                      const char *text,
                      gssize      length)
{
  const char *bad = NULL;
  gsize len;

  if (text == NULL)
    {
      ga_db_stmt_bind_null (stmt, index);
      return;
    }
  before_bind (stmt);
  if (!ga_db_check_index (stmt, index))
    return;
  len = length < 0 ? strlen (text) : (gsize) length;
  /* g_utf8_validate_len() also refuses NUL bytes inside the length. */
  if (!g_utf8_validate_len (text, len, &bad))
    {
      if (*bad == '\0')
        ga_db_stmt_set_bind_error (stmt, GA_DB_ERROR_BAD_VALUE,
                                   "Parameter %d holds a NUL byte at byte %" G_GSIZE_FORMAT
                                   "; text cannot contain one", index, (gsize) (bad - text));
      else
        ga_db_stmt_set_bind_error (stmt, GA_DB_ERROR_BAD_VALUE,
                                   "Parameter %d is not valid UTF-8 text (at byte %" G_GSIZE_FORMAT ")",
                                   index, (gsize) (bad - text));
      return;
    }
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_bind (stmt, index, 't', text, len);
  else
    check_sqlite_bind (stmt, index,
                       sqlite3_bind_text64 (stmt->sq, index, text, len, SQLITE_TRANSIENT, SQLITE_UTF8));
}

void
ga_db_stmt_bind_blob (GaDbStmt      *stmt,
                      int            index,
                      gconstpointer  data,
                      gsize          length)
{
  g_return_if_fail (data != NULL || length == 0);

  before_bind (stmt);
  if (!ga_db_check_index (stmt, index))
    return;
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_bind (stmt, index, 'b', data, length);
  else if (length == 0)
    /* A NULL pointer would bind NULL: an empty blob is a zero-length one. */
    check_sqlite_bind (stmt, index, sqlite3_bind_zeroblob (stmt->sq, index, 0));
  else
    check_sqlite_bind (stmt, index, sqlite3_bind_blob64 (stmt->sq, index, data, length, SQLITE_TRANSIENT));
}

void
ga_db_stmt_bind_blob_static (GaDbStmt      *stmt,
                             int            index,
                             gconstpointer  data,
                             gsize          length)
{
  g_return_if_fail (data != NULL || length == 0);

  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL || length == 0)
    {
      /* libpq's parameters are copied anyway. */
      ga_db_stmt_bind_blob (stmt, index, data, length);
      return;
    }
  before_bind (stmt);
  if (!ga_db_check_index (stmt, index))
    return;
  check_sqlite_bind (stmt, index, sqlite3_bind_blob64 (stmt->sq, index, data, length, SQLITE_STATIC));
}

void
ga_db_stmt_clear_bindings (GaDbStmt *stmt)
{
  ga_db_stmt_reset (stmt);
  g_clear_error (&stmt->bind_error);
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_stmt_free_params (stmt);
  else
    sqlite3_clear_bindings (stmt->sq);
}

void
ga_db_stmt_reset (GaDbStmt *stmt)
{
  stmt->finished = FALSE;
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    ga_db_pg_stmt_clear (stmt);
  else
    sqlite3_reset (stmt->sq);
}

static GaDbStep
sqlite_step (GaDbStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt->sq);

  if (rc == SQLITE_ROW && !stmt->is_insert)
    return GA_DB_STEP_ROW;

  if (rc == SQLITE_ROW)
    {
      /* The RETURNING row of an insert: keep its id and finish the
       * statement, which is when SQLite has written the row. */
      stmt->insert_id = sqlite3_column_int64 (stmt->sq, 0);
      while ((rc = sqlite3_step (stmt->sq)) == SQLITE_ROW)
        ;
    }
  if (rc == SQLITE_DONE)
    {
      stmt->changes = sqlite3_changes (stmt->db->sqlite);
      sqlite3_reset (stmt->sq);
      return GA_DB_STEP_DONE;
    }

  /* sqlite3_reset() returns the error again, with the right message. */
  rc = sqlite3_reset (stmt->sq);
  stmt->db->sqlite_code = sqlite3_extended_errcode (stmt->db->sqlite);
  ga_db_set_sqlite_error (error, stmt->db->sqlite, stmt->db->sqlite_code);
  return GA_DB_STEP_ERROR;
}

GaDbStep
ga_db_stmt_step (GaDbStmt  *stmt,
                 GError   **error)
{
  GaDbStep result;

  g_return_val_if_fail (stmt != NULL, GA_DB_STEP_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, GA_DB_STEP_ERROR);

  stmt->db->sqlite_code = 0;
  if (stmt->bind_error != NULL)
    {
      g_propagate_error (error, g_error_copy (stmt->bind_error));
      return GA_DB_STEP_ERROR;
    }
  if (stmt->finished)
    ga_db_stmt_reset (stmt);
  if (stmt->is_insert && (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL ? stmt->res == NULL
                                                                         : !sqlite3_stmt_busy (stmt->sq)))
    {
      stmt->insert_id = 0;
      stmt->changes = 0;
    }

  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    result = ga_db_pg_step (stmt, error);
  else
    result = sqlite_step (stmt, error);
  stmt->finished = result == GA_DB_STEP_DONE;
  return result;
}

gint64
ga_db_stmt_get_changes (GaDbStmt *stmt)
{
  return stmt->changes;
}

gint64
ga_db_stmt_get_insert_id (GaDbStmt *stmt)
{
  return stmt->insert_id;
}

/* ------------------------------------------------------------------ */
/* Columns                                                            */

int
ga_db_stmt_column_count (GaDbStmt *stmt)
{
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    return stmt->res != NULL ? PQnfields (stmt->res) : 0;
  return sqlite3_column_count (stmt->sq);
}

static gboolean
pg_has_value (GaDbStmt *stmt, int column)
{
  return stmt->res != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->res)
         && column >= 0 && column < PQnfields (stmt->res);
}

const char *
ga_db_stmt_column_name (GaDbStmt *stmt,
                        int       column)
{
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    return stmt->res != NULL && column >= 0 && column < PQnfields (stmt->res)
           ? PQfname (stmt->res, column) : NULL;
  return sqlite3_column_name (stmt->sq, column);
}

GaDbType
ga_db_stmt_column_type (GaDbStmt *stmt,
                        int       column)
{
  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    return ga_db_pg_column_type (stmt, column);

  switch (sqlite3_column_type (stmt->sq, column))
    {
    case SQLITE_INTEGER:
      return GA_DB_TYPE_INTEGER;
    case SQLITE_FLOAT:
      return GA_DB_TYPE_FLOAT;
    case SQLITE_TEXT:
      return GA_DB_TYPE_TEXT;
    case SQLITE_BLOB:
      return GA_DB_TYPE_BLOB;
    default:
      return GA_DB_TYPE_NULL;
    }
}

gboolean
ga_db_stmt_column_is_null (GaDbStmt *stmt,
                           int       column)
{
  return ga_db_stmt_column_type (stmt, column) == GA_DB_TYPE_NULL;
}

gint64
ga_db_stmt_column_int64 (GaDbStmt *stmt,
                         int       column)
{
  const char *v;

  if (stmt->db->dialect == GA_DB_DIALECT_SQLITE)
    return sqlite3_column_int64 (stmt->sq, column);

  if (!pg_has_value (stmt, column) || PQgetisnull (stmt->res, stmt->row, column))
    return 0;
  v = PQgetvalue (stmt->res, stmt->row, column);
  switch (ga_db_pg_column_type (stmt, column))
    {
    case GA_DB_TYPE_FLOAT:
      return (gint64) g_ascii_strtod (v, NULL);
    case GA_DB_TYPE_INTEGER:
      if (v[0] == 't' || v[0] == 'f')  /* boolean */
        return v[0] == 't';
      return g_ascii_strtoll (v, NULL, 10);
    default:
      return g_ascii_strtoll (v, NULL, 10);
    }
}

double
ga_db_stmt_column_double (GaDbStmt *stmt,
                          int       column)
{
  if (stmt->db->dialect == GA_DB_DIALECT_SQLITE)
    return sqlite3_column_double (stmt->sq, column);

  if (!pg_has_value (stmt, column) || PQgetisnull (stmt->res, stmt->row, column))
    return 0.0;
  if (ga_db_pg_column_type (stmt, column) == GA_DB_TYPE_INTEGER)
    return (double) ga_db_stmt_column_int64 (stmt, column);
  /* Since PostgreSQL 12 a float8 is written in the shortest form that reads
   * back to the same bits (extra_float_digits is set at connection). */
  return g_ascii_strtod (PQgetvalue (stmt->res, stmt->row, column), NULL);
}

const char *
ga_db_stmt_column_text (GaDbStmt *stmt,
                        int       column)
{
  if (stmt->db->dialect == GA_DB_DIALECT_SQLITE)
    return (const char *) sqlite3_column_text (stmt->sq, column);

  if (!pg_has_value (stmt, column) || PQgetisnull (stmt->res, stmt->row, column))
    return NULL;
  return PQgetvalue (stmt->res, stmt->row, column);
}

const guint8 *
ga_db_stmt_column_blob (GaDbStmt *stmt,
                        int       column,
                        gsize    *length)
{
  const guint8 *data;

  if (stmt->db->dialect == GA_DB_DIALECT_POSTGRESQL)
    return ga_db_pg_column_blob (stmt, column, length);

  if (sqlite3_column_type (stmt->sq, column) == SQLITE_NULL)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }
  data = sqlite3_column_blob (stmt->sq, column);
  if (length != NULL)
    *length = sqlite3_column_bytes (stmt->sq, column);
  /* SQLite gives NULL for an empty blob; the API promises non-NULL. */
  return data != NULL ? data : (const guint8 *) "";
}
