/* ga-store-transfer.c: copying enterprises and their assessments between
 * two stores (ga-store-transfer.h)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statement here is written for SQLite and PostgreSQL alike, and the
 * values are read and bound by the type of their column (the letters of a
 * Shape: i integer, f double, t text, b bytes), so that a figure keeps all
 * its bits and a template copy or evidence file all its bytes. The content
 * of an assessment is compared through a SHA-256 over its rows in a fixed
 * order, with the ids each store gives left out (a history row's target is
 * compared as the position of the row it names).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ga-store-private.h"
#include "ga-store-transfer.h"

typedef struct {
  const char *columns;   /* comma-separated */
  const char *types;     /* one letter per column */
} Shape;

static const Shape enterprise_shape = {
  "uuid, name, credit_code, industry, region, address, legal_representative, contact_name,"
  " contact_phone, contact_email, output_value, value_added, employees, demo, created_at,"
  " updated_at, postal_code, ownership, registration_authority, registered_capital, founded_on,"
  " valid_until, legal_representative_phone, contact_department, contact_mobile, fax,"
  " main_products, profile, kind",
  "tttttttttt" "ffiitt" "tttfttttttttt",
};
static const Shape template_shape = {
  "hash, template_id, version, kind, title, imported_at, content", "ttttttb",
};
static const Shape assessment_shape = {
  "uuid, template_hash, template_id, template_version, kind, title, year, period, status,"
  " created_at, updated_at, finalized_at, finalized_by",
  "tttttti" "tttttt",
};
static const Shape answer_shape = { "item_id, value, author, updated_at", "tttt" };
/* target is remapped, so it is read apart from the others (last). */
static const Shape history_shape = {
  "item_id, old_value, new_value, author, at, action, state, subject", "ttttttit",
};
static const Shape evidence_shape = {
  "item_id, sha256, name, mime_type, size, author, added_at, note", "ttttittt",
};
static const Shape narrative_shape = { "part, text, author, updated_at", "tttt" };
static const Shape project_shape = {
  "uuid, name, type, content, investment, start_on, end_on, energy_saving, co2_cut,"
  " water_saving, progress, note, created_at, updated_at",
  "ttttfttffftttt",
};

typedef struct {
  GaStore              *src;
  GaStore              *dst;
  GaStoreTransferFlags  flags;
  GaStoreTransferStats *stats;
} Transfer;

/* ------------------------------------------------------------------ */
/* Values                                                              */

static char *
placeholders (const Shape *shape)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; shape->types[i] != '\0'; i++)
    g_string_append (out, i == 0 ? "?" : ", ?");
  return g_string_free (out, FALSE);
}

/* The columns of @shape, each prefixed with "@alias.". */
static char *
qualified (const Shape *shape,
           const char  *alias)
{
  g_auto(GStrv) names = g_strsplit (shape->columns, ",", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (out, "%s%s.%s", i == 0 ? "" : ", ", alias, g_strstrip (names[i]));
  return g_string_free (out, FALSE);
}

/* Binds the columns @first … of the current row of @from to the
 * parameters @param … of @to. */
static void
copy_values (GaDbStmt    *from,
             int          first,
             GaDbStmt    *to,
             int          param,
             const Shape *shape)
{
  for (int i = 0; shape->types[i] != '\0'; i++)
    {
      int col = first + i;
      int p = param + i;

      if (ga_db_stmt_column_is_null (from, col))
        {
          ga_db_stmt_bind_null (to, p);
          continue;
        }
      switch (shape->types[i])
        {
        case 'i':
          ga_db_stmt_bind_int64 (to, p, ga_db_stmt_column_int64 (from, col));
          break;
        case 'f':
          ga_db_stmt_bind_double (to, p, ga_db_stmt_column_double (from, col));
          break;
        case 'b':
          {
            gsize length = 0;
            const guint8 *data = ga_db_stmt_column_blob (from, col, &length);

            ga_db_stmt_bind_blob (to, p, data, length);
          }
          break;
        default:
          ga_db_stmt_bind_text (to, p, ga_db_stmt_column_text (from, col), -1);
          break;
        }
    }
}

static void
feed_bytes (GChecksum    *sum,
            char          tag,
            const guint8 *data,
            gsize         length)
{
  char head[32];

  g_snprintf (head, sizeof head, "%c%" G_GSIZE_FORMAT ":", tag, length);
  g_checksum_update (sum, (const guchar *) head, -1);
  if (length > 0)
    g_checksum_update (sum, data, length);
}

/* Feeds the columns @first … of the current row of @stmt to @sum. */
static void
feed_values (GChecksum   *sum,
             GaDbStmt    *stmt,
             int          first,
             const Shape *shape)
{
  for (int i = 0; shape->types[i] != '\0'; i++)
    {
      int col = first + i;
      char buf[64];

      if (ga_db_stmt_column_is_null (stmt, col))
        {
          g_checksum_update (sum, (const guchar *) "N", 1);
          continue;
        }
      switch (shape->types[i])
        {
        case 'i':
          g_snprintf (buf, sizeof buf, "i%" G_GINT64_FORMAT ";", ga_db_stmt_column_int64 (stmt, col));
          g_checksum_update (sum, (const guchar *) buf, -1);
          break;
        case 'f':
          {
            double value = ga_db_stmt_column_double (stmt, col);
            guint64 bits;

            memcpy (&bits, &value, sizeof bits);
            g_snprintf (buf, sizeof buf, "f%" G_GINT64_MODIFIER "x;", bits);
            g_checksum_update (sum, (const guchar *) buf, -1);
          }
          break;
        case 'b':
          {
            gsize length = 0;
            const guint8 *data = ga_db_stmt_column_blob (stmt, col, &length);

            feed_bytes (sum, 'b', data, length);
          }
          break;
        default:
          {
            const char *text = ga_db_stmt_column_text (stmt, col);

            feed_bytes (sum, 't', (const guint8 *) text, strlen (text));
          }
          break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */

static GaDbStmt *
prepare (GaStore     *store,
         const char  *sql,
         const char  *id_column,
         GError     **error)
{
  GError *local = NULL;
  GaDbStmt *stmt = id_column != NULL ? ga_db_prepare_insert (store->gdb, sql, id_column, &local)
                                     : ga_db_prepare (store->gdb, sql, &local);

  if (stmt == NULL)
    ga_store_fail_db (store, local, "Preparing a copy between databases", error);
  return stmt;
}

/* One step of @stmt of @store; on GA_DB_STEP_ERROR, @error is set. */
static GaDbStep
step (GaStore   *store,
      GaDbStmt  *stmt,
      GError   **error)
{
  GError *local = NULL;
  GaDbStep result = ga_db_stmt_step (stmt, &local);

  if (result == GA_DB_STEP_ERROR)
    {
      g_autofree char *doing = g_strdup_printf ("Copying between databases (%s)",
                                                ga_db_get_display_name (store->gdb));
      ga_store_fail_db (store, local, doing, error);
    }
  return result;
}

/* Runs @stmt to its end (a write). */
static gboolean
run (GaStore   *store,
     GaDbStmt  *stmt,
     GError   **error)
{
  gboolean ok = step (store, stmt, error) != GA_DB_STEP_ERROR;

  ga_db_stmt_reset (stmt);
  return ok;
}

/* The integer of the first column of the row @sql gives with the text
 * parameter @key (and @key2 when not NULL); 0 when there is no row. -1 on
 * error. */
static gint64
lookup_id (GaStore     *store,
           const char  *sql,
           const char  *key,
           GError     **error)
{
  g_autoptr(GaDbStmt) stmt = prepare (store, sql, NULL, error);
  GaDbStep result;

  if (stmt == NULL)
    return -1;
  ga_db_stmt_bind_text (stmt, 1, key, -1);
  result = step (store, stmt, error);
  if (result == GA_DB_STEP_ERROR)
    return -1;
  return result == GA_DB_STEP_ROW ? ga_db_stmt_column_int64 (stmt, 0) : 0;
}

/* ------------------------------------------------------------------ */
/* Fingerprints                                                        */

/* The SHA-256 over the rows of the assessment @id of @store and what
 * belongs to it; NULL on error. */
static char *
assessment_fingerprint (GaStore  *store,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, NULL);
  g_autofree char *a_columns = qualified (&assessment_shape, "a");
  g_autofree char *a_sql = g_strdup_printf ("SELECT e.credit_code, %s FROM assessments a"
                                            " JOIN enterprises e ON e.id = a.enterprise_id"
                                            " WHERE a.id = ?", a_columns);
  struct {
    const char  *tag;
    const char  *order;
    const Shape *shape;
  } parts[] = {
    { "answers", "item_id", &answer_shape },
    { "evidence", "id", &evidence_shape },
    { "narratives", "part", &narrative_shape },
  };
  g_autoptr(GaDbStmt) stmt = NULL;
  g_autofree char *h_sql = NULL;
  GaDbStep result;
  gint64 position = 0;
  static const Shape credit_code = { "credit_code", "t" };

  stmt = prepare (store, a_sql, NULL, error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  result = step (store, stmt, error);
  if (result != GA_DB_STEP_ROW)
    {
      if (result == GA_DB_STEP_DONE)
        {
          g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                       _("There is no assessment with id %s"), shown);
        }
      return NULL;
    }
  feed_values (sum, stmt, 0, &credit_code);
  feed_values (sum, stmt, 1, &assessment_shape);
  g_clear_pointer (&stmt, ga_db_stmt_free);

  for (gsize p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE assessment_id = ?"
                                              " ORDER BY %s", parts[p].shape->columns,
                                              parts[p].tag, parts[p].order);

      g_checksum_update (sum, (const guchar *) parts[p].tag, -1);
      stmt = prepare (store, sql, NULL, error);
      if (stmt == NULL)
        return NULL;
      ga_db_stmt_bind_int64 (stmt, 1, id);
      while ((result = step (store, stmt, error)) == GA_DB_STEP_ROW)
        {
          g_checksum_update (sum, (const guchar *) "|", 1);
          feed_values (sum, stmt, 0, parts[p].shape);
        }
      g_clear_pointer (&stmt, ga_db_stmt_free);
      if (result == GA_DB_STEP_ERROR)
        return NULL;
    }

  /* History, in order; a target as the position of the row it names. */
  g_checksum_update (sum, (const guchar *) "history", -1);
  h_sql = g_strdup_printf ("SELECT id, target, %s FROM history WHERE assessment_id = ?"
                           " ORDER BY id", history_shape.columns);
  stmt = prepare (store, h_sql, NULL, error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  while ((result = step (store, stmt, error)) == GA_DB_STEP_ROW)
    {
      gint64 row_id = ga_db_stmt_column_int64 (stmt, 0);
      char buf[64];

      g_hash_table_insert (positions, g_memdup2 (&row_id, sizeof row_id),
                           GSIZE_TO_POINTER (++position));
      if (ga_db_stmt_column_is_null (stmt, 1))
        g_strlcpy (buf, "|N", sizeof buf);
      else
        {
          gint64 target = ga_db_stmt_column_int64 (stmt, 1);
          gsize at = GPOINTER_TO_SIZE (g_hash_table_lookup (positions, &target));

          /* A target that is not an earlier row of this assessment is
           * compared as itself: a damaged row stays different. */
          if (at > 0)
            g_snprintf (buf, sizeof buf, "|p%" G_GSIZE_FORMAT, at);
          else
            g_snprintf (buf, sizeof buf, "|x%" G_GINT64_FORMAT, target);
        }
      g_checksum_update (sum, (const guchar *) buf, -1);
      feed_values (sum, stmt, 2, &history_shape);
    }
  if (result == GA_DB_STEP_ERROR)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

/* The SHA-256 over the columns of @shape of the row of @table whose @key
 * column is @value; NULL on error, "" when there is none. */
static char *
row_fingerprint (GaStore     *store,
                 const char  *table,
                 const Shape *shape,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?", shape->columns,
                                          table, key);
  g_autoptr(GaDbStmt) stmt = prepare (store, sql, NULL, error);
  GaDbStep result;

  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_text (stmt, 1, value, -1);
  result = step (store, stmt, error);
  if (result == GA_DB_STEP_ERROR)
    return NULL;
  if (result == GA_DB_STEP_DONE)
    return g_strdup ("");
  feed_values (sum, stmt, 0, shape);
  return g_strdup (g_checksum_get_string (sum));
}

/* ------------------------------------------------------------------ */
/* Copies                                                              */

static gboolean
copy_template (Transfer    *t,
               const char  *hash,
               GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *marks = NULL;
  g_autoptr(GaDbStmt) from = NULL;
  g_autoptr(GaDbStmt) to = NULL;
  gint64 found;
  GaDbStep result;

  found = lookup_id (t->dst, "SELECT 1 FROM templates WHERE hash = ?", hash, error);
  if (found != 0)
    return found > 0;
  sql = g_strdup_printf ("SELECT %s FROM templates WHERE hash = ?", template_shape.columns);
  from = prepare (t->src, sql, NULL, error);
  if (from == NULL)
    return FALSE;
  ga_db_stmt_bind_text (from, 1, hash, -1);
  result = step (t->src, from, error);
  if (result == GA_DB_STEP_ERROR)
    return FALSE;
  if (result == GA_DB_STEP_DONE)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   _("The template copy %s that an assessment was made from is missing in %s; "
                     "run 'greenassess-cli db check' on it"), hash,
                   ga_db_get_display_name (t->src->gdb));
      return FALSE;
    }
  g_clear_pointer (&sql, g_free);
  marks = placeholders (&template_shape);
  sql = g_strdup_printf ("INSERT INTO templates (%s) VALUES (%s) ON CONFLICT (hash) DO NOTHING",
                         template_shape.columns, marks);
  to = prepare (t->dst, sql, NULL, error);
  if (to == NULL)
    return FALSE;
  copy_values (from, 0, to, 1, &template_shape);
  return run (t->dst, to, error);
}

/* Sends the bytes of @sha256 unless the destination has them. */
static gboolean
copy_blob (Transfer    *t,
           const char  *sha256,
           GError     **error)
{
  g_autoptr(GaDbStmt) from = NULL;
  g_autoptr(GaDbStmt) to = NULL;
  g_autofree char *actual = NULL;
  const guint8 *data;
  gsize length = 0;
  gint64 found;
  GaDbStep result;

  found = lookup_id (t->dst, "SELECT 1 FROM blobs WHERE sha256 = ?", sha256, error);
  if (found != 0)
    return found > 0;
  from = prepare (t->src, "SELECT data FROM blobs WHERE sha256 = ?", NULL, error);
  if (from == NULL)
    return FALSE;
  ga_db_stmt_bind_text (from, 1, sha256, -1);
  result = step (t->src, from, error);
  if (result == GA_DB_STEP_ERROR)
    return FALSE;
  data = result == GA_DB_STEP_ROW ? ga_db_stmt_column_blob (from, 0, &length) : NULL;
  if (data != NULL)
    actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  if (data == NULL || g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT,
                   _("The evidence file with SHA-256 %s is missing or damaged in %s, so it "
                     "cannot be copied; run 'greenassess-cli db check' on it"), sha256,
                   ga_db_get_display_name (t->src->gdb));
      return FALSE;
    }
  /* A server with row-level security hides bytes others sent: they are
   * sent again, which is also the proof that the user holds them. */
  to = prepare (t->dst, "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)"
                        " ON CONFLICT (sha256) DO NOTHING", NULL, error);
  if (to == NULL)
    return FALSE;
  ga_db_stmt_bind_text (to, 1, sha256, -1);
  ga_db_stmt_bind_int64 (to, 2, (gint64) length);
  ga_db_stmt_bind_blob (to, 3, data, length);
  if (!run (t->dst, to, error))
    return FALSE;
  if (t->stats != NULL)
    t->stats->blobs_sent++;
  return TRUE;
}

/* Copies the rows of @table (answers, evidence, narratives) of the source
 * assessment @src_id into the destination assessment @dst_id, in the
 * order @order gives; with @with_blobs (evidence) each row's bytes first,
 * by its SHA-256 in the row's second column. */
static gboolean
copy_children (Transfer    *t,
               const char  *table,
               const Shape *shape,
               const char  *order,
               gboolean     with_blobs,
               gint64       src_id,
               gint64       dst_id,
               GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s WHERE assessment_id = ?"
                                             " ORDER BY %s", shape->columns, table, order);
  g_autofree char *marks = placeholders (shape);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO %s (assessment_id, %s) VALUES (?, %s)",
                                             table, shape->columns, marks);
  g_autoptr(GaDbStmt) from = prepare (t->src, select, NULL, error);
  g_autoptr(GaDbStmt) to = NULL;
  GaDbStep result;

  if (from == NULL)
    return FALSE;
  to = prepare (t->dst, insert, NULL, error);
  if (to == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (from, 1, src_id);
  while ((result = step (t->src, from, error)) == GA_DB_STEP_ROW)
    {
      if (with_blobs && !copy_blob (t, ga_db_stmt_column_text (from, 1), error))
        return FALSE;
      ga_db_stmt_clear_bindings (to);
      ga_db_stmt_bind_int64 (to, 1, dst_id);
      copy_values (from, 0, to, 2, shape);
      if (!run (t->dst, to, error))
        return FALSE;
    }
  return result == GA_DB_STEP_DONE;
}

/* History in order, each target pointed at the copy of the row it names. */
static gboolean
copy_history (Transfer  *t,
              gint64     src_id,
              gint64     dst_id,
              GError   **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) late = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autofree char *select = g_strdup_printf ("SELECT id, target, %s FROM history"
                                             " WHERE assessment_id = ? ORDER BY id",
                                             history_shape.columns);
  g_autofree char *marks = placeholders (&history_shape);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO history (assessment_id, target, %s)"
                                             " VALUES (?, ?, %s)", history_shape.columns, marks);
  g_autoptr(GaDbStmt) from = prepare (t->src, select, NULL, error);
  g_autoptr(GaDbStmt) to = NULL;
  g_autoptr(GaDbStmt) fix = NULL;
  GaDbStep result;

  if (from == NULL)
    return FALSE;
  to = prepare (t->dst, insert, "id", error);
  if (to == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (from, 1, src_id);
  while ((result = step (t->src, from, error)) == GA_DB_STEP_ROW)
    {
      gint64 old_id = ga_db_stmt_column_int64 (from, 0);
      gint64 new_id;

      ga_db_stmt_clear_bindings (to);
      ga_db_stmt_bind_int64 (to, 1, dst_id);
      if (ga_db_stmt_column_is_null (from, 1))
        ga_db_stmt_bind_null (to, 2);
      else
        {
          gint64 target = ga_db_stmt_column_int64 (from, 1);
          gint64 *mapped = g_hash_table_lookup (ids, &target);

          if (mapped != NULL)
            ga_db_stmt_bind_int64 (to, 2, *mapped);
          else
            {
              gint64 pair[2] = { 0, target };

              ga_db_stmt_bind_null (to, 2);
              g_array_append_vals (late, pair, 1);
            }
        }
      copy_values (from, 2, to, 3, &history_shape);
      if (!run (t->dst, to, error))
        return FALSE;
      new_id = ga_db_stmt_get_insert_id (to);
      g_hash_table_insert (ids, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&new_id, sizeof new_id));
      if (late->len > 0 && g_array_index (late, gint64, (late->len - 1) * 2) == 0)
        g_array_index (late, gint64, (late->len - 1) * 2) = new_id;
    }
  if (result != GA_DB_STEP_DONE)
    return FALSE;
  if (late->len == 0)
    return TRUE;

  /* A target that names a later row, or none of this assessment. */
  fix = prepare (t->dst, "UPDATE history SET target = ? WHERE id = ?", NULL, error);
  if (fix == NULL)
    return FALSE;
  for (guint i = 0; i < late->len; i++)
    {
      gint64 row = g_array_index (late, gint64, i * 2);
      gint64 target = g_array_index (late, gint64, i * 2 + 1);
      gint64 *mapped = g_hash_table_lookup (ids, &target);

      ga_db_stmt_clear_bindings (fix);
      ga_db_stmt_bind_int64 (fix, 1, mapped != NULL ? *mapped : target);
      ga_db_stmt_bind_int64 (fix, 2, row);
      if (!run (t->dst, fix, error))
        return FALSE;
    }
  return TRUE;
}

/* Copies the assessment of the current row of @from (columns: id, then
 * assessment_shape) to the destination enterprise @dst_enterprise. */
static gboolean
copy_assessment (Transfer  *t,
                 GaDbStmt  *from,
                 gint64     dst_enterprise,
                 GError   **error)
{
  gint64 src_id = ga_db_stmt_column_int64 (from, 0);
  g_autofree char *marks = placeholders (&assessment_shape);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO assessments (enterprise_id, %s)"
                                             " VALUES (?, %s)", assessment_shape.columns, marks);
  g_autoptr(GaDbStmt) to = NULL;
  gint64 dst_id;

  /* column 2 is template_hash */
  if (!copy_template (t, ga_db_stmt_column_text (from, 2), error))
    return FALSE;
  to = prepare (t->dst, insert, "id", error);
  if (to == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (to, 1, dst_enterprise);
  copy_values (from, 1, to, 2, &assessment_shape);
  if (!run (t->dst, to, error))
    return FALSE;
  dst_id = ga_db_stmt_get_insert_id (to);
  return copy_children (t, "answers", &answer_shape, "1", FALSE, src_id, dst_id, error)
         && copy_history (t, src_id, dst_id, error)
         && copy_children (t, "evidence", &evidence_shape, "id", TRUE, src_id, dst_id, error)
         && copy_children (t, "narratives", &narrative_shape, "1", FALSE, src_id, dst_id,
                           error);
}

static gboolean
transfer_assessments (Transfer    *t,
                      gint64       src_enterprise,
                      gint64       dst_enterprise,
                      const char  *enterprise_name,
                      GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT id, %s FROM assessments"
                                             " WHERE enterprise_id = ? ORDER BY id",
                                             assessment_shape.columns);
  g_autoptr(GaDbStmt) from = prepare (t->src, select, NULL, error);
  GaDbStep result;

  if (from == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (from, 1, src_enterprise);
  while ((result = step (t->src, from, error)) == GA_DB_STEP_ROW)
    {
      gint64 src_id = ga_db_stmt_column_int64 (from, 0);
      g_autofree char *uuid = g_strdup (ga_db_stmt_column_text (from, 1));
      g_autofree char *mine = NULL;
      g_autofree char *theirs = NULL;
      gint64 dst_id = lookup_id (t->dst, "SELECT id FROM assessments WHERE uuid = ?", uuid, error);

      if (dst_id < 0)
        return FALSE;
      if (dst_id == 0)
        {
          if (!copy_assessment (t, from, dst_enterprise, error))
            return FALSE;
          if (t->stats != NULL)
            t->stats->assessments_added++;
          continue;
        }
      mine = assessment_fingerprint (t->src, src_id, error);
      if (mine == NULL)
        return FALSE;
      theirs = assessment_fingerprint (t->dst, dst_id, error);
      if (theirs == NULL)
        return FALSE;
      if (g_str_equal (mine, theirs))
        {
          if (t->stats != NULL)
            t->stats->assessments_same++;
          continue;
        }
      if (!(t->flags & GA_STORE_TRANSFER_REPLACE))
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
                       _("The assessment “%s” (%s) of %s differs in %s from the copy being "
                         "sent: nothing was copied. Keep both sides' work by copying it the "
                         "other way first, or replace the copy in %s if this one is the one "
                         "to keep"), ga_db_stmt_column_text (from, 6), uuid, enterprise_name,
                       ga_db_get_display_name (t->dst->gdb), ga_db_get_display_name (t->dst->gdb));
          return FALSE;
        }
      {
        g_autoptr(GaDbStmt) drop = prepare (t->dst, "DELETE FROM assessments WHERE id = ?",
                                            NULL, error);

        if (drop == NULL)
          return FALSE;
        ga_db_stmt_bind_int64 (drop, 1, dst_id);
        if (!run (t->dst, drop, error))
          return FALSE;
      }
      if (!copy_assessment (t, from, dst_enterprise, error))
        return FALSE;
      if (t->stats != NULL)
        t->stats->assessments_replaced++;
    }
  return result == GA_DB_STEP_DONE;
}

static gboolean
transfer_projects (Transfer    *t,
                   gint64       src_enterprise,
                   gint64       dst_enterprise,
                   const char  *enterprise_name,
                   GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM projects WHERE enterprise_id = ?"
                                             " ORDER BY id", project_shape.columns);
  g_autofree char *marks = placeholders (&project_shape);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO projects (enterprise_id, %s)"
                                             " VALUES (?, %s)", project_shape.columns, marks);
  g_autoptr(GaDbStmt) from = prepare (t->src, select, NULL, error);
  GaDbStep result;

  if (from == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (from, 1, src_enterprise);
  while ((result = step (t->src, from, error)) == GA_DB_STEP_ROW)
    {
      const char *uuid = ga_db_stmt_column_text (from, 0);
      g_autofree char *key = g_strdup (uuid);
      g_autofree char *mine = row_fingerprint (t->src, "projects", &project_shape, "uuid", key,
                                               error);
      g_autofree char *theirs = NULL;
      g_autoptr(GaDbStmt) to = NULL;
      gboolean replace = FALSE;

      if (mine == NULL)
        return FALSE;
      theirs = row_fingerprint (t->dst, "projects", &project_shape, "uuid", key, error);
      if (theirs == NULL)
        return FALSE;
      if (g_str_equal (mine, theirs))
        {
          if (t->stats != NULL)
            t->stats->projects_same++;
          continue;
        }
      if (*theirs != '\0')
        {
          if (!(t->flags & GA_STORE_TRANSFER_REPLACE))
            {
              g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
                           _("The project “%s” (%s) of %s differs in %s from the copy being "
                             "sent: nothing was copied. Replace the copy in %s only if this "
                             "one is the one to keep"), ga_db_stmt_column_text (from, 1), key,
                           enterprise_name, ga_db_get_display_name (t->dst->gdb),
                           ga_db_get_display_name (t->dst->gdb));
              return FALSE;
            }
          replace = TRUE;
          to = prepare (t->dst, "DELETE FROM projects WHERE uuid = ?", NULL, error);
          if (to == NULL)
            return FALSE;
          ga_db_stmt_bind_text (to, 1, key, -1);
          if (!run (t->dst, to, error))
            return FALSE;
          g_clear_pointer (&to, ga_db_stmt_free);
        }
      to = prepare (t->dst, insert, NULL, error);
      if (to == NULL)
        return FALSE;
      ga_db_stmt_bind_int64 (to, 1, dst_enterprise);
      copy_values (from, 0, to, 2, &project_shape);
      if (!run (t->dst, to, error))
        return FALSE;
      if (t->stats != NULL)
        {
          if (replace)
            t->stats->projects_replaced++;
          else
            t->stats->projects_added++;
        }
    }
  return result == GA_DB_STEP_DONE;
}

/* The destination's id of the source enterprise of the current row of
 * @from (columns: id, then enterprise_shape), copied or updated first;
 * -1 on error. */
static gint64
transfer_enterprise (Transfer  *t,
                     GaDbStmt  *from,
                     GError   **error)
{
  const char *code = ga_db_stmt_column_text (from, 3);
  const char *name = ga_db_stmt_column_text (from, 2);
  g_autofree char *mine = row_fingerprint (t->src, "enterprises", &enterprise_shape,
                                           "credit_code", code, error);
  g_autofree char *theirs = NULL;
  g_autofree char *marks = placeholders (&enterprise_shape);
  g_autofree char *sql = NULL;
  g_autoptr(GaDbStmt) to = NULL;
  gint64 id;

  if (mine == NULL)
    return -1;
  theirs = row_fingerprint (t->dst, "enterprises", &enterprise_shape, "credit_code", code, error);
  if (theirs == NULL)
    return -1;
  if (*theirs == '\0')
    {
      sql = g_strdup_printf ("INSERT INTO enterprises (%s) VALUES (%s)", enterprise_shape.columns,
                             marks);
      to = prepare (t->dst, sql, "id", error);
      if (to == NULL)
        return -1;
      copy_values (from, 1, to, 1, &enterprise_shape);
      if (!run (t->dst, to, error))
        return -1;
      if (t->stats != NULL)
        t->stats->enterprises_added++;
      return ga_db_stmt_get_insert_id (to);
    }

  id = lookup_id (t->dst, "SELECT id FROM enterprises WHERE credit_code = ?", code, error);
  if (id <= 0)
    {
      if (id == 0)
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FAILED,
                     _("The enterprise %s (%s) vanished from %s during the copy; try again"),
                     name, code, ga_db_get_display_name (t->dst->gdb));
      return -1;
    }
  if (g_str_equal (mine, theirs))
    {
      if (t->stats != NULL)
        t->stats->enterprises_same++;
      return id;
    }
  if (!(t->flags & GA_STORE_TRANSFER_REPLACE))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
                   _("The details of the enterprise %s (%s) differ in %s from those being "
                     "sent: nothing was copied. Replace them in %s only if these are the ones "
                     "to keep"), name, code, ga_db_get_display_name (t->dst->gdb),
                   ga_db_get_display_name (t->dst->gdb));
      return -1;
    }
  {
    g_auto(GStrv) names = g_strsplit (enterprise_shape.columns, ",", -1);
    GString *set = g_string_new (NULL);

    for (guint i = 0; names[i] != NULL; i++)
      g_string_append_printf (set, "%s%s = ?", i == 0 ? "" : ", ", g_strstrip (names[i]));
    sql = g_strdup_printf ("UPDATE enterprises SET %s WHERE id = ?", set->str);
    g_string_free (set, TRUE);
  }
  to = prepare (t->dst, sql, NULL, error);
  if (to == NULL)
    return -1;
  copy_values (from, 1, to, 1, &enterprise_shape);
  ga_db_stmt_bind_int64 (to, (int) strlen (enterprise_shape.types) + 1, id);
  if (!run (t->dst, to, error))
    return -1;
  if (t->stats != NULL)
    t->stats->enterprises_replaced++;
  return id;
}

/* The source ids of the enterprises to copy, in id order: those of
 * @codes (all when empty) and the members of the parks among them. */
static GArray *
select_enterprises (Transfer            *t,
                    const char * const  *codes,
                    GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GaDbStmt) stmt = NULL;
  GaDbStep result;
  gboolean all = codes == NULL || codes[0] == NULL;

  for (guint i = 0; !all && codes[i] != NULL; i++)
    {
      gint64 id = lookup_id (t->src, "SELECT id FROM enterprises WHERE credit_code = ?",
                             codes[i], error);

      if (id < 0)
        return NULL;
      if (id == 0)
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                       _("There is no enterprise with the credit code %s in %s; "
                         "'greenassess-cli enterprise list' shows those there are"), codes[i],
                       ga_db_get_display_name (t->src->gdb));
          return NULL;
        }
      g_hash_table_add (chosen, g_memdup2 (&id, sizeof id));
    }
  if (!all)
    {
      /* The members of a park come with it, so that its membership can be
       * copied. */
      stmt = prepare (t->src, "SELECT park_id, member_id FROM park_members", NULL, error);
      if (stmt == NULL)
        return NULL;
      while ((result = step (t->src, stmt, error)) == GA_DB_STEP_ROW)
        {
          gint64 park = ga_db_stmt_column_int64 (stmt, 0);
          gint64 member = ga_db_stmt_column_int64 (stmt, 1);

          if (g_hash_table_contains (chosen, &park))
            g_hash_table_add (chosen, g_memdup2 (&member, sizeof member));
        }
      if (result != GA_DB_STEP_DONE)
        return NULL;
      g_clear_pointer (&stmt, ga_db_stmt_free);
    }
  stmt = prepare (t->src, "SELECT id FROM enterprises ORDER BY id", NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((result = step (t->src, stmt, error)) == GA_DB_STEP_ROW)
    {
      gint64 id = ga_db_stmt_column_int64 (stmt, 0);

      if (all || g_hash_table_contains (chosen, &id))
        g_array_append_val (ids, id);
    }
  if (result != GA_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
transfer_members (Transfer    *t,
                  GHashTable  *mapped,
                  GError     **error)
{
  g_autoptr(GaDbStmt) from = prepare (t->src, "SELECT park_id, member_id, added_at"
                                              " FROM park_members ORDER BY park_id, member_id",
                                      NULL, error);
  g_autoptr(GaDbStmt) to = NULL;
  GaDbStep result;

  if (from == NULL)
    return FALSE;
  to = prepare (t->dst, "INSERT INTO park_members (park_id, member_id, added_at) VALUES (?, ?, ?)"
                        " ON CONFLICT (park_id, member_id) DO NOTHING", NULL, error);
  if (to == NULL)
    return FALSE;
  while ((result = step (t->src, from, error)) == GA_DB_STEP_ROW)
    {
      gint64 park = ga_db_stmt_column_int64 (from, 0);
      gint64 member = ga_db_stmt_column_int64 (from, 1);
      gint64 *dst_park = g_hash_table_lookup (mapped, &park);
      gint64 *dst_member = g_hash_table_lookup (mapped, &member);

      if (dst_park == NULL || dst_member == NULL)
        continue;
      ga_db_stmt_clear_bindings (to);
      ga_db_stmt_bind_int64 (to, 1, *dst_park);
      ga_db_stmt_bind_int64 (to, 2, *dst_member);
      ga_db_stmt_bind_text (to, 3, ga_db_stmt_column_text (from, 2), -1);
      if (!run (t->dst, to, error))
        return FALSE;
      if (t->stats != NULL && ga_db_stmt_get_changes (to) > 0)
        t->stats->park_members_added++;
    }
  return result == GA_DB_STEP_DONE;
}

static gboolean
transfer_all (Transfer            *t,
              const char * const  *codes,
              GError             **error)
{
  g_autoptr(GArray) ids = select_enterprises (t, codes, error);
  g_autoptr(GHashTable) mapped = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  g_autofree char *select = g_strdup_printf ("SELECT id, %s FROM enterprises WHERE id = ?",
                                             enterprise_shape.columns);
  g_autoptr(GaDbStmt) from = NULL;

  if (ids == NULL)
    return FALSE;
  from = prepare (t->src, select, NULL, error);
  if (from == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 src_id = g_array_index (ids, gint64, i);
      g_autofree char *name = NULL;
      gint64 dst_id;
      GaDbStep result;

      ga_db_stmt_reset (from);
      ga_db_stmt_bind_int64 (from, 1, src_id);
      result = step (t->src, from, error);
      if (result == GA_DB_STEP_ERROR)
        return FALSE;
      if (result == GA_DB_STEP_DONE)
        continue;
      name = g_strdup (ga_db_stmt_column_text (from, 2));
      dst_id = transfer_enterprise (t, from, error);
      ga_db_stmt_reset (from);
      if (dst_id < 0)
        return FALSE;
      g_hash_table_insert (mapped, g_memdup2 (&src_id, sizeof src_id),
                           g_memdup2 (&dst_id, sizeof dst_id));
      if (!transfer_assessments (t, src_id, dst_id, name, error)
          || !transfer_projects (t, src_id, dst_id, name, error))
        return FALSE;
    }
  return transfer_members (t, mapped, error);
}

gboolean
ga_store_transfer (GaStore              *source,
                   GaStore              *destination,
                   const char * const   *credit_codes,
                   GaStoreTransferFlags  flags,
                   GaStoreTransferStats *stats,
                   GError              **error)
{
  Transfer t = { source, destination, flags, stats };
  GError *local = NULL;

  g_return_val_if_fail (GA_IS_STORE (source), FALSE);
  g_return_val_if_fail (GA_IS_STORE (destination), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats != NULL)
    memset (stats, 0, sizeof *stats);
  if (destination->read_only != NULL)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
                   _("%s cannot be written: %s"), ga_db_get_display_name (destination->gdb),
                   destination->read_only);
      return FALSE;
    }
  if (destination->damaged)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT,
                   _("%s was found damaged; nothing more is written to it"),
                   ga_db_get_display_name (destination->gdb));
      return FALSE;
    }
  if (!ga_db_begin (destination->gdb, &local))
    {
      ga_store_fail_db (destination, local, "Starting the copy", error);
      return FALSE;
    }
  if (!transfer_all (&t, credit_codes, error))
    {
      /* The error says what went wrong; a failed rollback adds nothing the
       * user can act on, and the connection's end undoes the rest. */
      ga_db_rollback (destination->gdb, NULL);
      if (stats != NULL)
        memset (stats, 0, sizeof *stats);
      return FALSE;
    }
  if (!ga_db_commit (destination->gdb, &local))
    {
      ga_db_rollback (destination->gdb, NULL);
      ga_store_fail_db (destination, local, "Saving the copy", error);
      if (stats != NULL)
        memset (stats, 0, sizeof *stats);
      return FALSE;
    }
  return TRUE;
}
