/* ga-store-validate.c: every row of a database or package against the
 * rules the application enforces when a user types the same things
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package is an SQLite file anyone can write, and a database may have
 * been edited with another tool. SQLite's constraints (NOT NULL, CHECK,
 * foreign keys) say little: a text answer to a number item, an invalid
 * 统一社会信用代码 or a year of -99999999999 pass them, and the assessment
 * then cannot be evaluated, exported or edited. The checks read every row
 * with the same functions that check what a user types (the enterprise
 * editor's ga_enterprise_validate(), ga_store_check_assessment_fields(),
 * the pinned template through ga_store_parse_answer(), the evidence name
 * and caption rules), so that a rule lives once, and compare the schema
 * with what the migrations create. ga_store_check() (`db check`) reports
 * what they find; a package import refuses a package with any of it.
 *
 * This file holds the walk: the helpers the checks share, the schema and
 * the column types, and the order in which the tables are read; the
 * checks of each table's rows are in ga-store-validate-rows.c.
 */
#include "config.h"

#include "ga-store-validate-private.h"

#include <math.h>
#include <string.h>

/* Shown characters of a stored text in a message. */
#define SHOWN_CHARS 40

/* Appends a problem; FALSE once the current check has listed its share,
 * which it then says once. */
gboolean
check_problem (Check      *c,
               const char *format,
               ...)
{
  guint listed = c->problems->len - c->n_before;
  va_list args;

  if (listed > MAX_PROBLEMS_PER_CHECK)
    return FALSE;
  if (listed == MAX_PROBLEMS_PER_CHECK)
    {
      g_ptr_array_add (c->problems,
                       g_strdup ("further problems of the same kind are not listed"));
      return FALSE;
    }
  va_start (args, format);
  g_ptr_array_add (c->problems, g_strdup_vprintf (format, args));
  va_end (args);
  return TRUE;
}

/* A stored text as a message shows it: quoted, at most SHOWN_CHARS
 * characters, control characters as \uXXXX, so that a hostile value can
 * neither flood the message nor move the terminal's cursor. */
static char *
shown_text (const char *text,
            int         length,
            gboolean    quoted)
{
  GString *out;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("nothing");
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    return g_strdup ("(text that is not valid UTF-8)");
  out = g_string_new (quoted ? "“" : NULL);
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (n == SHOWN_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (ch) || (ch >= 0x202a && ch <= 0x202e)
          || (ch >= 0x2066 && ch <= 0x2069))
        g_string_append_printf (out, "\\u%04X", ch);
      else
        g_string_append_unichar (out, ch);
    }
  if (quoted)
    g_string_append (out, "”");
  return g_string_free (out, FALSE);
}

char *
check_shown (const char *text,
             int         length)
{
  return shown_text (text, length, TRUE);
}

char *
check_column_shown (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup ("nothing");
  return check_shown ((const char *) sqlite3_column_text (stmt, column),
                      sqlite3_column_bytes (stmt, column));
}

/* Stored times are ISO 8601 with a time zone, as ga_store_now() writes
 * them; a time that does not parse sorts wrongly and shows as nonsense. */
static gboolean
timestamp_ok (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || strlen (text) > 64 || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL;
}

void
check_timestamp (Check        *c,
                 const char   *where,
                 const char   *field,
                 sqlite3_stmt *stmt,
                 int           column,
                 gboolean      nullable)
{
  g_autofree char *value = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL && nullable)
    return;
  if (timestamp_ok ((const char *) sqlite3_column_text (stmt, column)))
    return;
  value = check_column_shown (stmt, column);
  check_problem (c, "%s: %s %s is not a time (ISO 8601 with a time zone, such as "
                 "2025-03-01T08:00:00.000Z)", where, field, value);
}

/* Names of people (authors, who finalised): one line of text. */
void
check_short_text (Check        *c,
                  const char   *where,
                  const char   *field,
                  sqlite3_stmt *stmt,
                  int           column,
                  gboolean      nullable)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);
  g_autofree char *value = NULL;

  if (text == NULL)
    {
      if (!nullable)
        check_problem (c, "%s: %s is missing", where, field);
      return;
    }
  if (g_utf8_validate_len (text, length, NULL) && g_utf8_strlen (text, length) <= MAX_SHORT_TEXT
      && (nullable || length > 0))
    {
      const char *p;

      for (p = text; p < text + length; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)))
          break;
      if (p >= text + length)
        return;
    }
  value = check_shown (text, length);
  check_problem (c, "%s: %s %s is not a line of text of 1 to %d characters without control "
                 "characters", where, field, value, MAX_SHORT_TEXT);
}

/* Runs @sql (one-off) and calls @row for each row; stops early when @row
 * returns FALSE. */
gboolean
check_each_row (Check       *c,
                const char  *sql,
                gint64       bind,
                RowFunc      row,
                gpointer     data,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (c->store->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, bind);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!row (c, stmt, data))
      {
        rc = SQLITE_DONE;
        break;
      }
  return ga_store_finalize_done (c->store, stmt, rc, "Checking the rows", error);
}

/* ------------------------------------------------------------------ */
/* The schema                                                          */

static gboolean
read_schema (sqlite3     *db,
             GHashTable  *objects,
             GPtrArray   *order)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* SQLite's own objects (automatic indexes, sqlite_stat1 of ANALYZE)
   * follow from the rest or change nothing a reader sees. */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
                           " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
                           -1, &stmt, NULL);
  while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 0),
                                   sqlite3_column_text (stmt, 1));
      char *def = g_strdup_printf ("%s\n%s", sqlite3_column_text (stmt, 2),
                                   sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                   ? "" : (const char *) sqlite3_column_text (stmt, 3));

      if (order != NULL)
        g_ptr_array_add (order, g_strdup (key));
      g_hash_table_replace (objects, key, def);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Compares the file's schema with a fresh database made by the migrations
 * up to the file's version: every table, index, trigger and view, by
 * type, name, table and SQL text. Sets *tables_ok to FALSE when a table
 * is missing or differs, so that reading rows would fail or mislead. */
static gboolean
check_schema (Check     *c,
              gboolean  *tables_ok,
              GError   **error)
{
  g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) want_order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) have_order = g_ptr_array_new_with_free_func (g_free);
  const GaStoreMigration *steps;
  sqlite3 *fresh = NULL;
  guint n_steps;
  int rc;

  *tables_ok = TRUE;
  steps = ga_store_get_migrations (&n_steps);
  rc = sqlite3_open_v2 (":memory:", &fresh, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < n_steps; i++)
    if (steps[i].version <= c->store->schema_version)
      rc = sqlite3_exec (fresh, steps[i].sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK || !read_schema (fresh, want, want_order))
    {
      ga_store_set_sqlite_error (fresh, rc != SQLITE_OK ? rc : sqlite3_errcode (fresh),
                                 "Making the reference schema", error);
      sqlite3_close_v2 (fresh);
      return FALSE;
    }
  sqlite3_close_v2 (fresh);

  if (!read_schema (c->store->db, have, have_order))
    {
      ga_store_fail (c->store, sqlite3_errcode (c->store->db), "Reading the schema", error);
      return FALSE;
    }

  c->n_before = c->problems->len;
  for (guint i = 0; i < have_order->len; i++)
    {
      const char *key = g_ptr_array_index (have_order, i);
      const char *def = g_hash_table_lookup (want, key);
      const char *space = strchr (key, ' ');
      g_autofree char *type = g_strndup (key, space - key);
      g_autofree char *name = check_shown (space + 1, -1);

      if (def == NULL)
        {
          check_problem (c, "%s %s is not part of the schema (version %d): another program added "
                         "it", type, name, c->store->schema_version);
          /* A table that shadows nothing does not stop the rows from
           * being read; an extra trigger or view neither. */
        }
      else if (g_strcmp0 (def, g_hash_table_lookup (have, key)) != 0)
        {
          check_problem (c, "%s %s differs from the schema (version %d): another program changed "
                         "its definition", type, name, c->store->schema_version);
          if (g_str_equal (type, "table"))
            *tables_ok = FALSE;
        }
    }
  for (guint i = 0; i < want_order->len; i++)
    {
      const char *key = g_ptr_array_index (want_order, i);
      const char *space = strchr (key, ' ');

      if (!g_hash_table_contains (have, key))
        {
          g_autofree char *type = g_strndup (key, space - key);

          check_problem (c, "%s %s of the schema (version %d) is missing", type, space + 1,
                         c->store->schema_version);
          if (g_str_equal (type, "table"))
            *tables_ok = FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Column types                                                        */

/* SQLite keeps whatever type a value was written with: text in a number
 * column reads back as 0, a BLOB in a text column as raw bytes. */
typedef struct {
  const char *table;
  const char *row;       /* how a row is named in a message (SQL) */
  const char *column;
  const char *types;     /* typeof() values allowed, as an SQL list */
  const char *meaning;
  int         since;     /* schema version that added the column */
} TypedColumn;

#define TEXT      "'text'", "text"
#define TEXT_NULL "'text', 'null'", "text or nothing"
#define INT       "'integer'", "a whole number"
#define INT_NULL  "'integer', 'null'", "a whole number or nothing"
#define REAL_NULL "'real', 'integer', 'null'", "a number or nothing"
#define BLOB      "'blob'", "bytes"

#define ENTERPRISE "'enterprise ' || id"
#define TEMPLATE   "'template copy ' || substr (hash, 1, 16)"
#define ASSESSMENT "'assessment ' || id"
#define ANSWER     "'assessment ' || assessment_id || ', answer to ' || substr (item_id, 1, 40)"
#define HISTORY    "'history row ' || id"
#define NARRATIVE  "'assessment ' || assessment_id || ', report part ' || substr (part, 1, 40)"
#define BLOBROW    "'stored file ' || id"
#define EVIDENCE   "'evidence ' || id"
#define META       "'meta ' || substr (key, 1, 40)"
#define REFTABLE   "'reference table ' || id"
#define PARKMEMBER "'park ' || park_id || ', member ' || member_id"

static const TypedColumn typed_columns[] = {
  { "meta", META, "key", TEXT, 1 },
  { "meta", META, "value", TEXT, 1 },
  { "reference_tables", REFTABLE, "uuid", TEXT, 6 },
  { "reference_tables", REFTABLE, "table_key", TEXT, 6 },
  { "reference_tables", REFTABLE, "version", TEXT, 6 },
  { "reference_tables", REFTABLE, "name", TEXT, 6 },
  { "reference_tables", REFTABLE, "verified", INT, 6 },
  { "reference_tables", REFTABLE, "content", TEXT, 6 },
  { "reference_tables", REFTABLE, "imported_at", TEXT, 6 },
  { "enterprises", ENTERPRISE, "uuid", TEXT, 1 },
  { "enterprises", ENTERPRISE, "name", TEXT, 1 },
  { "enterprises", ENTERPRISE, "credit_code", TEXT, 1 },
  { "enterprises", ENTERPRISE, "industry", TEXT_NULL, 1 },
  { "enterprises", ENTERPRISE, "region", TEXT_NULL, 1 },
  { "enterprises", ENTERPRISE, "address", TEXT_NULL, 1 },
  { "enterprises", ENTERPRISE, "legal_representative", TEXT_NULL, 1 },
  { "enterprises", ENTERPRISE, "contact_name", TEXT_NULL, 1 },
  { "enterprises", ENTERPRISE, "contact_phone", TEXT_NULL, 1 },
  { "enterprises", ENTERPRISE, "contact_email", TEXT_NULL, 1 },
  { "enterprises", ENTERPRISE, "output_value", REAL_NULL, 1 },
  { "enterprises", ENTERPRISE, "value_added", REAL_NULL, 1 },
  { "enterprises", ENTERPRISE, "employees", INT_NULL, 1 },
  { "enterprises", ENTERPRISE, "demo", INT, 1 },
  { "enterprises", ENTERPRISE, "created_at", TEXT, 1 },
  { "enterprises", ENTERPRISE, "updated_at", TEXT, 1 },
  { "enterprises", ENTERPRISE, "postal_code", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "ownership", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "registration_authority", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "registered_capital", REAL_NULL, 3 },
  { "enterprises", ENTERPRISE, "founded_on", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "valid_until", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "legal_representative_phone", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "contact_department", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "contact_mobile", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "fax", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "main_products", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "profile", TEXT_NULL, 3 },
  { "enterprises", ENTERPRISE, "kind", TEXT, 7 },
  { "park_members", PARKMEMBER, "added_at", TEXT, 7 },
  { "templates", TEMPLATE, "hash", TEXT, 1 },
  { "templates", TEMPLATE, "template_id", TEXT, 1 },
  { "templates", TEMPLATE, "version", TEXT, 1 },
  { "templates", TEMPLATE, "kind", TEXT, 1 },
  { "templates", TEMPLATE, "title", TEXT_NULL, 1 },
  { "templates", TEMPLATE, "imported_at", TEXT_NULL, 1 },
  { "templates", TEMPLATE, "content", BLOB, 1 },
  { "assessments", ASSESSMENT, "uuid", TEXT, 1 },
  { "assessments", ASSESSMENT, "enterprise_id", INT, 1 },
  { "assessments", ASSESSMENT, "template_hash", TEXT, 1 },
  { "assessments", ASSESSMENT, "template_id", TEXT, 1 },
  { "assessments", ASSESSMENT, "template_version", TEXT, 1 },
  { "assessments", ASSESSMENT, "kind", TEXT, 1 },
  { "assessments", ASSESSMENT, "title", TEXT, 1 },
  { "assessments", ASSESSMENT, "year", INT_NULL, 1 },
  { "assessments", ASSESSMENT, "period", TEXT_NULL, 1 },
  { "assessments", ASSESSMENT, "status", TEXT, 1 },
  { "assessments", ASSESSMENT, "created_at", TEXT, 1 },
  { "assessments", ASSESSMENT, "updated_at", TEXT, 1 },
  { "assessments", ASSESSMENT, "finalized_at", TEXT_NULL, 2 },
  { "assessments", ASSESSMENT, "finalized_by", TEXT_NULL, 2 },
  { "answers", ANSWER, "assessment_id", INT, 1 },
  { "answers", ANSWER, "item_id", TEXT, 1 },
  { "answers", ANSWER, "value", TEXT, 1 },
  { "answers", ANSWER, "author", TEXT_NULL, 1 },
  { "answers", ANSWER, "updated_at", TEXT, 1 },
  { "history", HISTORY, "assessment_id", INT, 1 },
  { "history", HISTORY, "item_id", TEXT, 1 },
  { "history", HISTORY, "old_value", TEXT_NULL, 1 },
  { "history", HISTORY, "new_value", TEXT_NULL, 1 },
  { "history", HISTORY, "author", TEXT_NULL, 1 },
  { "history", HISTORY, "at", TEXT, 1 },
  { "history", HISTORY, "action", TEXT, 1 },
  { "history", HISTORY, "state", INT, 1 },
  { "history", HISTORY, "target", INT_NULL, 1 },
  { "history", HISTORY, "subject", TEXT, 4 },
  { "narratives", NARRATIVE, "assessment_id", INT, 4 },
  { "narratives", NARRATIVE, "part", TEXT, 4 },
  { "narratives", NARRATIVE, "text", TEXT, 4 },
  { "narratives", NARRATIVE, "author", TEXT_NULL, 4 },
  { "narratives", NARRATIVE, "updated_at", TEXT, 4 },
  { "blobs", BLOBROW, "sha256", TEXT, 1 },
  { "blobs", BLOBROW, "size", INT, 1 },
  { "blobs", BLOBROW, "data", BLOB, 1 },
  { "evidence", EVIDENCE, "assessment_id", INT, 1 },
  { "evidence", EVIDENCE, "item_id", TEXT, 1 },
  { "evidence", EVIDENCE, "sha256", TEXT, 1 },
  { "evidence", EVIDENCE, "name", TEXT, 1 },
  { "evidence", EVIDENCE, "mime_type", TEXT, 1 },
  { "evidence", EVIDENCE, "size", INT, 1 },
  { "evidence", EVIDENCE, "author", TEXT_NULL, 1 },
  { "evidence", EVIDENCE, "added_at", TEXT, 1 },
  { "evidence", EVIDENCE, "note", TEXT_NULL, 2 },
};

static gboolean
type_problem_cb (Check        *c,
                 sqlite3_stmt *stmt,
                 gpointer      data)
{
  const TypedColumn *col = data;
  /* The row's name is built from stored text (an item id, a key). */
  g_autofree char *row = shown_text ((const char *) sqlite3_column_text (stmt, 0),
                                     sqlite3_column_bytes (stmt, 0), FALSE);

  return check_problem (c, "%s: %s is %s, where the schema expects %s", row, col->column,
                        sqlite3_column_text (stmt, 1), col->meaning);
}

static gboolean
check_types (Check   *c,
             GError **error)
{
  c->n_before = c->problems->len;
  for (guint i = 0; i < G_N_ELEMENTS (typed_columns); i++)
    {
      const TypedColumn *col = &typed_columns[i];
      g_autofree char *sql = NULL;

      if (col->since > c->store->schema_version)
        continue;
      sql = g_strdup_printf ("SELECT %s, typeof (%s) FROM %s WHERE typeof (%s) NOT IN (%s)",
                             col->row, col->column, col->table, col->column, col->types);
      if (!check_each_row (c, sql, 0, type_problem_cb, (gpointer) col, error))
        return FALSE;
    }
  return TRUE;
}


static gboolean
count_cb (Check        *c,
          sqlite3_stmt *stmt,
          gpointer      data)
{
  gint64 *counts = data;

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    counts[i] = sqlite3_column_int64 (stmt, i);
  return TRUE;
}

static gboolean
validate (GaStore    *store,
          GPtrArray  *problems,
          GError    **error)
{
  Check c = { store, problems, FALSE, problems->len };
  gboolean tables_ok = TRUE;
  gint64 app_id[1] = { 0 };
  gint64 counts[3] = { 0, };

  if (!check_each_row (&c, "PRAGMA application_id", 0, count_cb, app_id, error))
    return FALSE;
  c.package = (guint32) app_id[0] == GA_PACKAGE_APPLICATION_ID;

  if (!check_schema (&c, &tables_ok, error))
    return FALSE;
  if (!tables_ok)
    return TRUE;   /* the rows cannot be read as the store reads them */
  if (!check_types (&c, error))
    return FALSE;

  if (c.package)
    {
      /* One assessment, with its enterprise and its template copy: what
       * ga_store_export_package() writes, and all that an import takes. */
      if (!check_each_row (&c, "SELECT (SELECT count(*) FROM assessments),"
                           " (SELECT count(*) FROM enterprises WHERE id NOT IN"
                           "  (SELECT enterprise_id FROM assessments)),"
                           " (SELECT count(*) FROM enterprises)", 0, count_cb, counts, error))
        return FALSE;
      if (counts[0] != 1)
        check_problem (&c, "the package holds %" G_GINT64_FORMAT " assessments; a package holds "
                       "exactly one", counts[0]);
      if (counts[1] > 0)
        check_problem (&c, "the package holds %" G_GINT64_FORMAT " enterprises besides the "
                       "assessment's", counts[1]);
    }

  c.n_before = problems->len;
  if (!check_each_row (&c, "SELECT id, uuid, demo, created_at, updated_at FROM enterprises"
                       " ORDER BY id", 0, check_enterprise_row, NULL, error))
    return FALSE;
  if (!ga_store_validate_projects (store, problems, error)
      || !ga_store_validate_ref_tables (store, problems, error))
    return FALSE;
  c.n_before = problems->len;
  if (!check_each_row (&c, "SELECT hash, template_id, version, imported_at,"
                       " EXISTS (SELECT 1 FROM assessments a WHERE a.template_hash = t.hash)"
                       " FROM templates t ORDER BY hash", 0, check_template_row, NULL, error))
    return FALSE;
  c.n_before = problems->len;
  if (!check_each_row (&c, "SELECT id, sha256,"
                       " EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)"
                       " FROM blobs b ORDER BY id", 0, check_blob_row, NULL, error))
    return FALSE;
  c.n_before = problems->len;
  return check_each_row (&c, store->schema_version >= 2
                         ? "SELECT a.id, a.uuid, a.enterprise_id, a.template_hash, a.template_id,"
                           " a.template_version, a.kind, a.title, a.year, a.period, a.status,"
                           " a.created_at, a.updated_at, a.finalized_at, a.finalized_by,"
                           " t.template_id,"
                           " t.version FROM assessments a LEFT JOIN templates t ON t.hash ="
                           " a.template_hash ORDER BY a.id"
                         : "SELECT a.id, a.uuid, a.enterprise_id, a.template_hash, a.template_id,"
                           " a.template_version, a.kind, a.title, a.year, a.period, a.status,"
                           " a.created_at, a.updated_at, NULL, NULL, t.template_id,"
                           " t.version FROM assessments a LEFT JOIN templates t ON t.hash ="
                           " a.template_hash ORDER BY a.id",
                         0, check_assessment_row, error, error);
}

gboolean
ga_store_validate (GaStore    *store,
                   GPtrArray  *problems,
                   GError    **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  if (!ga_store_require_file (store, error))
    return FALSE;

  if (validate (store, problems, &local))
    return TRUE;
  /* A damaged file (which PRAGMA integrity_check has reported already)
   * may not let every row be read: that is one more problem, not a check
   * that could not run. */
  if (g_error_matches (local, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT))
    {
      g_ptr_array_add (problems, g_strdup_printf ("not every row can be read: %s",
                                                  local->message));
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
size_cb (Check        *c,
         sqlite3_stmt *stmt,
         gpointer      data)
{
  GaStore *target = data;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = check_column_shown (stmt, 1);

  if (!ga_store_refuse_too_large (target, name, sqlite3_column_int64 (stmt, 2), &local))
    return check_problem (c, "evidence %" G_GINT64_FORMAT ": %s",
                          (gint64) sqlite3_column_int64 (stmt, 0), local->message);
  return TRUE;
}

gboolean
ga_store_validate_evidence_sizes (GaStore    *pkg,
                                  GaStore    *store,
                                  GPtrArray  *problems,
                                  GError    **error)
{
  Check c = { pkg, problems, TRUE, problems->len };

  g_return_val_if_fail (GA_IS_STORE (pkg) && GA_IS_STORE (store), FALSE);

  return check_each_row (&c, "SELECT e.id, e.name, length (b.data) FROM evidence e"
                         " JOIN blobs b ON b.sha256 = e.sha256 ORDER BY e.id", 0, size_cb, store,
                         error);
}
