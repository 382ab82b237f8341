/* ga-db-pg.c: GaDb on PostgreSQL, through libpq
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parameters go in binary where the type is fixed (int8, float8, bytea) and
 * as untyped text otherwise, so the server reads a text into whatever type
 * the column has, as SQLite does. Because a binary parameter must match the
 * type the statement was prepared with, a statement is prepared on the
 * server once per combination of parameter types it is run with (nearly
 * always one); the names are kept per connection, by SQL text, so preparing
 * the same SQL again costs no round trip.
 *
 * Results come back as text (every type has a text form; a float8 in the
 * shortest form that reads back exactly), bytea in its hex form, decoded
 * when a column is read as a blob. A result is held whole in memory: with
 * libpq's row-by-row mode the connection would be busy until the last row
 * was read, and callers, as on SQLite, run other statements while they step
 * through a query.
 */
#include "config.h"

#include "ga-db-private.h"

#include <string.h>

/* Server-side statements kept per connection (see prepared_name()). */
#define GA_DB_PG_MAX_PREPARED 200

/* Type OIDs from PostgreSQL's catalog (pg_type.dat); they never change. */
enum {
  OID_BOOL = 16,
  OID_BYTEA = 17,
  OID_INT8 = 20,
  OID_INT2 = 21,
  OID_INT4 = 23,
  OID_OID = 26,
  OID_FLOAT4 = 700,
  OID_FLOAT8 = 701,
  OID_NUMERIC = 1700,
};

/* ------------------------------------------------------------------ */
/* Errors                                                             */

static GaDbError
sqlstate_to_error (const char *state)
{
  static const struct {
    const char *state;
    GaDbError code;
  } exact[] = {
    { "23505", GA_DB_ERROR_UNIQUE },
    { "23503", GA_DB_ERROR_FOREIGN_KEY },
    { "23502", GA_DB_ERROR_NOT_NULL },
    { "23514", GA_DB_ERROR_CHECK },
    { "40001", GA_DB_ERROR_BUSY },      /* serialization_failure */
    { "40P01", GA_DB_ERROR_BUSY },      /* deadlock_detected */
    { "55P03", GA_DB_ERROR_BUSY },      /* lock_not_available */
    { "42501", GA_DB_ERROR_PERMISSION },
    { "25006", GA_DB_ERROR_PERMISSION },  /* read_only_sql_transaction */
    { "57P01", GA_DB_ERROR_CONNECTION },  /* admin_shutdown */
    { "57P02", GA_DB_ERROR_CONNECTION },  /* crash_shutdown */
  };

  if (state == NULL || strlen (state) != 5)
    return GA_DB_ERROR_FAILED;
  for (gsize i = 0; i < G_N_ELEMENTS (exact); i++)
    if (strcmp (state, exact[i].state) == 0)
      return exact[i].code;
  if (g_str_has_prefix (state, "08"))
    return GA_DB_ERROR_CONNECTION;
  if (g_str_has_prefix (state, "28"))
    return GA_DB_ERROR_OPEN;
  if (g_str_has_prefix (state, "42"))
    return GA_DB_ERROR_SQL;
  if (g_str_has_prefix (state, "22"))
    return GA_DB_ERROR_BAD_VALUE;
  return GA_DB_ERROR_FAILED;
}

/* libpq's messages span lines ("FATAL:  …\n\tThis probably means …"): one
 * line, single spaces, for a message box. */
static char *
trimmed (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Sets @error from a failed result, or from the connection when there is
 * none (out of memory, connection lost). */
static void
set_pg_error (GError **error, GaDb *db, const PGresult *res)
{
  const char *state = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL) : NULL;
  g_autofree char *message = NULL;
  GaDbError code;

  if (PQstatus (db->pg) == CONNECTION_BAD)
    {
      message = trimmed (PQerrorMessage (db->pg));
      g_set_error (error, GA_DB_ERROR, GA_DB_ERROR_CONNECTION,
                   "The connection to the PostgreSQL server %s was lost: %s",
                   db->display_name, *message != '\0' ? message : "no reason given");
      return;
    }

  message = trimmed (primary != NULL ? primary
                     : res != NULL ? PQresultErrorMessage (res) : PQerrorMessage (db->pg));
  code = sqlstate_to_error (state);
  if (detail != NULL)
    g_set_error (error, GA_DB_ERROR, code, "%s: %s (SQLSTATE %s)", message, detail,
                 state != NULL ? state : "unknown");
  else
    g_set_error (error, GA_DB_ERROR, code, "%s (SQLSTATE %s)", message,
                 state != NULL ? state : "unknown");
}

/* ------------------------------------------------------------------ */
/* Connection                                                         */

/* "postgresql://user@host:port/db" without the password, from the parsed
 * URI (a socket folder shows as the host). */
static char *
display_name_of (const char *uri)
{
  PQconninfoOption *opts = PQconninfoParse (uri, NULL);
  const char *user = NULL, *host = NULL, *port = NULL, *dbname = NULL;
  GString *out;

  if (opts == NULL)
    return g_strdup ("postgresql://(a URI that cannot be read)");
  for (PQconninfoOption *o = opts; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (strcmp (o->keyword, "user") == 0)
        user = o->val;
      else if (strcmp (o->keyword, "host") == 0)
        host = o->val;
      else if (strcmp (o->keyword, "port") == 0)
        port = o->val;
      else if (strcmp (o->keyword, "dbname") == 0)
        dbname = o->val;
    }
  out = g_string_new ("postgresql://");
  if (user != NULL)
    g_string_append_printf (out, "%s@", user);
  if (host != NULL && host[0] != '/')
    g_string_append (out, host);
  if (port != NULL && (host == NULL || host[0] != '/'))
    g_string_append_printf (out, ":%s", port);
  g_string_append_printf (out, "/%s", dbname != NULL ? dbname : "");
  if (host != NULL && host[0] == '/')
    g_string_append_printf (out, "?host=%s%s%s", host, port != NULL ? "&port=" : "",
                            port != NULL ? port : "");
  PQconninfoFree (opts);
  return g_string_free (out, FALSE);
}

GaDb *
ga_db_pg_open (const char  *uri,
               GError     **error)
{
  const char *const keywords[] = { "dbname", "fallback_application_name", "client_encoding", NULL };
  const char *const values[] = { uri, "greenassess", "UTF8", NULL };
  g_autofree char *parse_error = NULL;
  char *err = NULL;
  PQconninfoOption *check;
  GaDb *db;

  /* Read the URI first, so that a typing mistake is told as such rather
   * than as a failed connection. */
  check = PQconninfoParse (uri, &err);
  if (check == NULL)
    {
      parse_error = trimmed (err);
      PQfreemem (err);
      g_set_error (error, GA_DB_ERROR, GA_DB_ERROR_OPEN,
                   "The PostgreSQL address cannot be read: %s. It looks like "
                   "postgresql://user@host:5432/database", parse_error);
      return NULL;
    }
  PQconninfoFree (check);

  db = g_new0 (GaDb, 1);
  db->dialect = GA_DB_DIALECT_POSTGRESQL;
  db->display_name = display_name_of (uri);
  db->pg_prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  db->pg = PQconnectdbParams (keywords, values, 1);
  if (db->pg == NULL || PQstatus (db->pg) != CONNECTION_OK)
    {
      g_autofree char *why = db->pg != NULL ? trimmed (PQerrorMessage (db->pg)) : g_strdup ("out of memory");

      g_set_error (error, GA_DB_ERROR, GA_DB_ERROR_OPEN,
                   "Cannot connect to the PostgreSQL server %s: %s", db->display_name, why);
      ga_db_close (db);
      return NULL;
    }

  /* What the layer relies on, whatever the server's defaults: floats in
   * their exact shortest form, bytea in hex, '' strings without backslash
   * escapes (as the placeholder scanner reads them). */
  if (!ga_db_pg_exec (db, "SET extra_float_digits = 3; SET bytea_output = 'hex'; "
                          "SET standard_conforming_strings = on", error))
    {
      ga_db_close (db);
      return NULL;
    }
  return db;
}

void
ga_db_pg_close (GaDb *db)
{
  g_clear_pointer (&db->pg_prepared, g_hash_table_unref);
  g_clear_pointer (&db->pg, PQfinish);
}

gboolean
ga_db_pg_in_transaction (GaDb *db)
{
  PGTransactionStatusType s = PQtransactionStatus (db->pg);

  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

gboolean
ga_db_pg_exec (GaDb        *db,
               const char  *sql,
               GError     **error)
{
  PGresult *res = PQexec (db->pg, sql);
  ExecStatusType status = PQresultStatus (res);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;

  if (!ok)
    set_pg_error (error, db, res);
  else if (g_ascii_strcasecmp (sql, "COMMIT") == 0 && strcmp (PQcmdStatus (res), "ROLLBACK") == 0)
    {
      /* COMMIT of a transaction in which a statement failed succeeds as a
       * ROLLBACK: nothing was saved, which the caller must hear. */
      g_set_error_literal (error, GA_DB_ERROR, GA_DB_ERROR_FAILED,
                           "Nothing was saved: a statement in the transaction had failed, so "
                           "the server rolled it back instead of committing it");
      ok = FALSE;
    }
  PQclear (res);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Statements                                                         */

static Oid
kind_oid (char kind)
{
  switch (kind)
    {
    case 'i':
      return OID_INT8;
    case 'd':
      return OID_FLOAT8;
    case 'b':
      return OID_BYTEA;
    default:
      return 0;  /* text and NULL: the server decides */
    }
}

/* The parameter types as a key: 'i', 'd', 'b', or '-' for those the server
 * types itself (text and NULL). */
static char *
type_signature (GaDbStmt *stmt)
{
  char *sig = g_malloc (stmt->n_params + 1);

  for (int i = 0; i < stmt->n_params; i++)
    sig[i] = kind_oid (stmt->params[i].kind) != 0 ? stmt->params[i].kind : '-';
  sig[stmt->n_params] = '\0';
  return sig;
}

/* The name of the server-side statement for the current parameter types,
 * prepared now if it is new. NULL with @error set if the server refuses. */
static const char *
prepared_name (GaDbStmt *stmt, GError **error)
{
  GaDb *db = stmt->db;
  g_autofree char *sig = type_signature (stmt);
  g_autofree char *key = g_strconcat (sig, "\n", stmt->sql, NULL);
  g_autofree Oid *types = NULL;
  const char *name = g_hash_table_lookup (db->pg_prepared, key);
  PGresult *res;
  char *new_name;

  if (name != NULL)
    return name;

  /* SQL built at run time (lists of ids) would fill the server's memory
   * with statements used once; past a bound they are all dropped, and each
   * GaDbStmt prepares its own again at its next step. */
  if (g_hash_table_size (db->pg_prepared) >= GA_DB_PG_MAX_PREPARED)
    {
      PQclear (PQexec (db->pg, "DEALLOCATE ALL"));
      g_hash_table_remove_all (db->pg_prepared);
    }

  types = g_new0 (Oid, MAX (stmt->n_params, 1));
  for (int i = 0; i < stmt->n_params; i++)
    types[i] = kind_oid (stmt->params[i].kind);
  new_name = g_strdup_printf ("ga_%" G_GUINT64_FORMAT, ++db->pg_next_name);
  res = PQprepare (db->pg, new_name, stmt->sql, stmt->n_params, types);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      set_pg_error (error, db, res);
      PQclear (res);
      g_free (new_name);
      return NULL;
    }
  PQclear (res);
  g_hash_table_insert (db->pg_prepared, g_steal_pointer (&key), new_name);
  return new_name;
}

gboolean
ga_db_pg_prepare (GaDbStmt  *stmt,
                  GError   **error)
{
  g_autoptr(GError) local = NULL;

  /* Prepare with untyped parameters now, so that a wrong statement fails
   * here as it does on SQLite. A parameter the server cannot type without
   * its value (SELECT ? IS NULL) waits for the first step. */
  if (prepared_name (stmt, &local) != NULL)
    return TRUE;
  if (g_str_has_suffix (local->message, "(SQLSTATE 42P18)"))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static void
clear_decoded (GaDbStmt *stmt)
{
  for (int i = 0; i < stmt->n_decoded; i++)
    g_free (stmt->decoded[i]);
  g_clear_pointer (&stmt->decoded, g_free);
  g_clear_pointer (&stmt->decoded_length, g_free);
  stmt->n_decoded = 0;
}

void
ga_db_pg_stmt_clear (GaDbStmt *stmt)
{
  clear_decoded (stmt);
  g_clear_pointer (&stmt->res, PQclear);
  stmt->row = -1;
}

void
ga_db_pg_stmt_free_params (GaDbStmt *stmt)
{
  for (int i = 0; i < stmt->n_params && stmt->params != NULL; i++)
    {
      g_clear_pointer (&stmt->params[i].owned, g_free);
      stmt->params[i].kind = 'n';
      stmt->params[i].length = 0;
    }
}

void
ga_db_pg_bind (GaDbStmt   *stmt,
               int         index,
               char        kind,
               const void *data,
               gsize       length)
{
  GaDbParam *p = &stmt->params[index - 1];

  g_clear_pointer (&p->owned, g_free);
  p->kind = kind;
  p->length = length;
  switch (kind)
    {
    case 'i':
      {
        guint64 v;

        memcpy (&v, data, 8);
        v = GUINT64_TO_BE (v);
        memcpy (p->num, &v, 8);
      }
      break;
    case 'd':
      {
        guint64 v;

        /* float8's binary form is the IEEE 754 bits in network order. */
        memcpy (&v, data, 8);
        v = GUINT64_TO_BE (v);
        memcpy (p->num, &v, 8);
      }
      break;
    case 't':
      p->owned = g_strndup (data, length);
      break;
    case 'b':
      /* Never NULL, even when empty: libpq sends a NULL value as SQL NULL. */
      p->owned = g_malloc (MAX (length, 1));
      if (length > 0)
        memcpy (p->owned, data, length);
      break;
    default:
      break;
    }
}

GaDbStep
ga_db_pg_step (GaDbStmt  *stmt,
               GError   **error)
{
  clear_decoded (stmt);

  if (stmt->res == NULL)
    {
      int n = stmt->n_params;
      g_autofree const char **values = g_new0 (const char *, MAX (n, 1));
      g_autofree int *lengths = g_new0 (int, MAX (n, 1));
      g_autofree int *formats = g_new0 (int, MAX (n, 1));
      const char *name;
      ExecStatusType status;

      for (int i = 0; i < n; i++)
        {
          GaDbParam *p = &stmt->params[i];

          switch (p->kind)
            {
            case 'i':
            case 'd':
              values[i] = (const char *) p->num;
              lengths[i] = 8;
              formats[i] = 1;
              break;
            case 't':
              values[i] = p->owned;
              break;
            case 'b':
              if (p->length > G_MAXINT)
                {
                  g_set_error (error, GA_DB_ERROR, GA_DB_ERROR_BAD_VALUE,
                               "Parameter %d is too large: %" G_GSIZE_FORMAT " bytes", i + 1, p->length);
                  return GA_DB_STEP_ERROR;
                }
              values[i] = p->owned;
              lengths[i] = (int) p->length;
              formats[i] = 1;
              break;
            default:
              values[i] = NULL;
              break;
            }
        }

      name = prepared_name (stmt, error);
      if (name == NULL)
        return GA_DB_STEP_ERROR;
      stmt->res = PQexecPrepared (stmt->db->pg, name, n, values, lengths, formats, 0);
      status = PQresultStatus (stmt->res);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          set_pg_error (error, stmt->db, stmt->res);
          g_clear_pointer (&stmt->res, PQclear);
          return GA_DB_STEP_ERROR;
        }
      stmt->row = -1;
      stmt->changes = g_ascii_strtoll (PQcmdTuples (stmt->res), NULL, 10);
      if (stmt->is_insert)
        {
          stmt->insert_id = PQntuples (stmt->res) > 0 && PQnfields (stmt->res) > 0
                            ? g_ascii_strtoll (PQgetvalue (stmt->res, 0, 0), NULL, 10) : 0;
          return GA_DB_STEP_DONE;
        }
    }

  if (stmt->row + 1 < PQntuples (stmt->res))
    {
      stmt->row++;
      return GA_DB_STEP_ROW;
    }
  stmt->row = PQntuples (stmt->res);
  return GA_DB_STEP_DONE;
}

/* ------------------------------------------------------------------ */
/* Columns                                                            */

GaDbType
ga_db_pg_column_type (GaDbStmt *stmt,
                      int       column)
{
  if (stmt->res == NULL || stmt->row < 0 || stmt->row >= PQntuples (stmt->res)
      || column < 0 || column >= PQnfields (stmt->res)
      || PQgetisnull (stmt->res, stmt->row, column))
    return GA_DB_TYPE_NULL;

  switch (PQftype (stmt->res, column))
    {
    case OID_BOOL:
    case OID_INT2:
    case OID_INT4:
    case OID_INT8:
    case OID_OID:
      return GA_DB_TYPE_INTEGER;
    case OID_NUMERIC:
      /* sum() of bigints is numeric on PostgreSQL and an integer on SQLite:
       * a numeric without a fraction that fits in 64 bits is an integer. */
      {
        const char *v = PQgetvalue (stmt->res, stmt->row, column);
        gboolean digits = *v != '\0';

        for (const char *p = *v == '-' ? v + 1 : v; *p != '\0' && digits; p++)
          digits = g_ascii_isdigit (*p);
        if (digits && strlen (v) <= 19)  /* up to 999…9 (19 digits) < 2^63 */
          return GA_DB_TYPE_INTEGER;
        if (digits)
          {
            gint64 n;

            if (g_ascii_string_to_signed (v, 10, G_MININT64, G_MAXINT64, &n, NULL))
              return GA_DB_TYPE_INTEGER;
          }
      }
      return GA_DB_TYPE_FLOAT;
    case OID_FLOAT4:
    case OID_FLOAT8:
      return GA_DB_TYPE_FLOAT;
    case OID_BYTEA:
      return GA_DB_TYPE_BLOB;
    default:
      return GA_DB_TYPE_TEXT;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

const guint8 *
ga_db_pg_column_blob (GaDbStmt *stmt,
                      int       column,
                      gsize    *length)
{
  const char *v;
  int len;

  if (length != NULL)
    *length = 0;
  if (ga_db_pg_column_type (stmt, column) == GA_DB_TYPE_NULL)
    return NULL;

  v = PQgetvalue (stmt->res, stmt->row, column);
  len = PQgetlength (stmt->res, stmt->row, column);
  if (PQftype (stmt->res, column) != OID_BYTEA)
    {
      /* Any other type: the bytes of its text, as SQLite gives them. */
      if (length != NULL)
        *length = len;
      return (const guint8 *) v;
    }

  if (stmt->decoded == NULL)
    {
      stmt->n_decoded = PQnfields (stmt->res);
      stmt->decoded = g_new0 (guint8 *, stmt->n_decoded);
      stmt->decoded_length = g_new0 (gsize, stmt->n_decoded);
    }
  if (stmt->decoded[column] == NULL)
    {
      /* The hex form, \x followed by two digits a byte (bytea_output is
       * set to hex at connection). */
      gsize n = len >= 2 ? (len - 2) / 2 : 0;
      guint8 *out = g_malloc (MAX (n, 1));

      if (len < 2 || v[0] != '\\' || v[1] != 'x' || len % 2 != 0)
        n = 0;
      for (gsize i = 0; i < n; i++)
        {
          int hi = hex_value (v[2 + 2 * i]);
          int lo = hex_value (v[3 + 2 * i]);

          if (hi < 0 || lo < 0)
            {
              n = i;
              break;
            }
          out[i] = (guint8) (hi << 4 | lo);
        }
      stmt->decoded[column] = out;
      stmt->decoded_length[column] = n;
    }
  if (length != NULL)
    *length = stmt->decoded_length[column];
  return stmt->decoded[column];
}
