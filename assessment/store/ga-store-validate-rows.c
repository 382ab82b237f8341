/* ga-store-validate-rows.c: the checks of the rows of each table for
 * ga_store_validate(): enterprises, assessments with their answers,
 * history, report texts and evidence, template copies and stored files
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row is read with the functions that check what a user types, so
 * that a rule lives once (see ga-store-validate.c).
 */
#include "config.h"

#include "ga-store-validate-private.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Enterprises                                                         */

static void
add_lines (Check      *c,
           const char *where,
           const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      check_problem (c, "%s: %s", where, lines[i]);
}

gboolean
check_enterprise_row (Check        *c,
                      sqlite3_stmt *stmt,
                      gpointer      data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *where = NULL;

  e = ga_store_get_enterprise (c->store, id, &local);
  if (e == NULL)
    return check_problem (c, "enterprise %" G_GINT64_FORMAT " cannot be read: %s", id,
                          local->message);
  name = check_shown (e->name, -1);
  where = g_strdup_printf ("enterprise %" G_GINT64_FORMAT " %s", id, name);

  /* The checks of the enterprise editor: a record it would refuse cannot
   * be edited or saved again. */
  if (!ga_enterprise_validate (e, &local))
    add_lines (c, where, local->message);
  else
    {
      /* What it would store: the canonical forms, by which an enterprise
       * is found (an import matches the credit code as stored). */
      g_autofree char *code = ga_credit_code_normalize (e->credit_code);
      g_autofree char *stripped = g_strstrip (g_strdup (e->name));
      const GaIndustry *industry = e->industry != NULL ? ga_industry_lookup (e->industry) : NULL;
      const GaRegion *region = e->region != NULL ? ga_region_lookup (e->region) : NULL;

      if (g_strcmp0 (code, e->credit_code) != 0)
        check_problem (c, "%s: the 统一社会信用代码 %s is not stored as the editor stores it (%s)",
                       where, e->credit_code, code);
      if (g_strcmp0 (stripped, e->name) != 0)
        check_problem (c, "%s: the name has white space at its start or end", where);
      if (industry != NULL && g_strcmp0 (industry->code, e->industry) != 0)
        check_problem (c, "%s: the industry %s is not stored as the editor stores it (%s)", where,
                       e->industry, industry->code);
      if (region != NULL && g_strcmp0 (region->code, e->region) != 0)
        check_problem (c, "%s: the region %s is not stored as the editor stores it (%s)", where,
                       e->region, region->code);
    }

  if (!g_uuid_string_is_valid (e->uuid != NULL ? e->uuid : ""))
    {
      g_autofree char *uuid = check_column_shown (stmt, 1);
      check_problem (c, "%s: %s is not a UUID", where, uuid);
    }
  if (sqlite3_column_int64 (stmt, 2) != 0 && sqlite3_column_int64 (stmt, 2) != 1)
    check_problem (c, "%s: the demo mark is %" G_GINT64_FORMAT ", not 0 or 1", where,
                   (gint64) sqlite3_column_int64 (stmt, 2));
  check_timestamp (c, where, "the creation time", stmt, 3, FALSE);
  check_timestamp (c, where, "the time of the last change", stmt, 4, FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Assessments with their answers, history and evidence                */

typedef struct {
  gint64      id;
  const char *where;
  GaTemplate *tmpl;   /* NULL when the template copy does not load */
} Assessment;

/* An answer or a value in the history, read as a save would and then
 * against the pinned template. */
static void
check_value (Check        *c,
             Assessment   *a,
             const char   *where,
             const char   *item_id,
             sqlite3_stmt *stmt,
             int           column)
{
  const char *json = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GError) local = NULL;

  if (a->tmpl == NULL)
    {
      /* An opaque template copy (see ga_store_validate()): the checks of
       * a save, which need no template. */
      if (ga_store_check_item_id (item_id, &local))
        ga_store_check_answer_json (item_id, json, sqlite3_column_bytes (stmt, column), &local);
    }
  else
    answer = ga_store_parse_answer (a->tmpl, item_id, json, sqlite3_column_bytes (stmt, column),
                                    &local);
  if (local != NULL)
    check_problem (c, "%s: %s", where, local->message);
}

/* An item id that a row (history, evidence) refers to. */
static void
check_item (Check      *c,
            Assessment *a,
            const char *where,
            const char *item_id)
{
  g_autoptr(GError) local = NULL;

  if (!ga_store_check_item_id (item_id, &local))
    check_problem (c, "%s: %s", where, local->message);
  else if (a->tmpl != NULL && ga_template_find_item (a->tmpl, item_id) == NULL)
    check_problem (c, "%s: the template %s %s has no item '%s'", where,
                   ga_template_get_id (a->tmpl), ga_template_get_version (a->tmpl), item_id);
}

static gboolean
answer_cb (Check        *c,
           sqlite3_stmt *stmt,
           gpointer      data)
{
  Assessment *a = data;
  const char *item_id = (const char *) sqlite3_column_text (stmt, 0);

  check_value (c, a, a->where, item_id, stmt, 1);
  check_short_text (c, a->where, "the author of an answer", stmt, 2, TRUE);
  check_timestamp (c, a->where, "the time of an answer", stmt, 3, FALSE);
  return c->problems->len - c->n_before <= MAX_PROBLEMS_PER_CHECK;
}

/* The text of a narrative, or a value of its history, as a save would
 * have written it. */
static void
check_narrative_text (Check        *c,
                      const char   *where,
                      const char   *part,
                      sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);
  g_autoptr(GError) local = NULL;

  if (text != NULL && memchr (text, '\0', length) != NULL)
    check_problem (c, "%s: the text of report part %s holds the control character U+0000", where,
                   part);
  else if (!ga_narrative_check_text (part, text, length, &local))
    check_problem (c, "%s: %s", where, local->message);
  else
    {
      g_autofree char *normal = ga_narrative_normalize (text);

      if (normal == NULL)
        check_problem (c, "%s: the text of report part %s is nothing but white space; such a text "
                       "is removed, not stored", where, part);
    }
}

static void
check_part (Check      *c,
            const char *where,
            const char *part)
{
  g_autoptr(GError) local = NULL;

  if (!ga_narrative_check_part (part, &local))
    check_problem (c, "%s: %s", where, local->message);
}

static gboolean
history_cb (Check        *c,
            sqlite3_stmt *stmt,
            gpointer      data)
{
  Assessment *a = data;
  const char *item_id = (const char *) sqlite3_column_text (stmt, 1);
  gboolean narrative = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), "narrative") == 0;
  g_autofree char *where = g_strdup_printf ("%s, history row %" G_GINT64_FORMAT, a->where,
                                            (gint64) sqlite3_column_int64 (stmt, 0));

  if (narrative)
    {
      /* Undo and redo write these values back as the part's text. */
      check_part (c, where, item_id);
      for (int column = 2; column <= 3; column++)
        if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
          check_narrative_text (c, where, item_id, stmt, column);
    }
  else
    {
      /* Undo and redo write these values back as answers. */
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL
          && sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        check_item (c, a, where, item_id);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        check_value (c, a, where, item_id, stmt, 2);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        check_value (c, a, where, item_id, stmt, 3);
    }
  check_short_text (c, where, "the author", stmt, 4, TRUE);
  check_timestamp (c, where, "the time", stmt, 5, FALSE);
  if (sqlite3_column_int (stmt, 6) == 0)
    check_problem (c, "%s: an undo or redo that does not refer to an earlier change of the same "
                   "item, or a change that refers to one", where);
  return c->problems->len - c->n_before <= MAX_PROBLEMS_PER_CHECK;
}

static gboolean
narrative_cb (Check        *c,
              sqlite3_stmt *stmt,
              gpointer      data)
{
  Assessment *a = data;
  const char *part = (const char *) sqlite3_column_text (stmt, 0);
  g_autofree char *shown_part = check_column_shown (stmt, 0);
  g_autofree char *where = g_strdup_printf ("%s, report part %s", a->where, shown_part);

  check_part (c, where, part);
  check_narrative_text (c, where, part, stmt, 1);
  check_short_text (c, where, "the author of a report text", stmt, 2, TRUE);
  check_timestamp (c, where, "the time of a report text", stmt, 3, FALSE);
  return c->problems->len - c->n_before <= MAX_PROBLEMS_PER_CHECK;
}

/* A MIME type as g_content_type_get_mime_type() gives it: type/subtype
 * in printable ASCII. */
static gboolean
mime_type_ok (const char *mime)
{
  const char *slash;

  if (mime == NULL || *mime == '\0' || strlen (mime) > MAX_SHORT_TEXT)
    return FALSE;
  for (const char *p = mime; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p))
      return FALSE;
  slash = strchr (mime, '/');
  return slash != NULL && slash != mime && slash[1] != '\0' && strchr (slash + 1, '/') == NULL;
}

static gboolean
evidence_cb (Check        *c,
             sqlite3_stmt *stmt,
             gpointer      data)
{
  Assessment *a = data;
  const char *name = (const char *) sqlite3_column_text (stmt, 2);
  const char *mime = (const char *) sqlite3_column_text (stmt, 3);
  g_autofree char *where = g_strdup_printf ("%s, evidence %" G_GINT64_FORMAT, a->where,
                                            (gint64) sqlite3_column_int64 (stmt, 0));
  g_autoptr(GError) local = NULL;

  check_item (c, a, where, (const char *) sqlite3_column_text (stmt, 1));
  if (memchr (name != NULL ? name : "", '\0', sqlite3_column_bytes (stmt, 2)) != NULL)
    check_problem (c, "%s: the evidence name contains a control character (U+0000)", where);
  else if (!ga_store_check_evidence_name (name, &local))
    {
      g_autofree char *value = check_column_shown (stmt, 2);
      check_problem (c, "%s %s: %s", where, value, local->message);
    }
  g_clear_error (&local);
  if (!mime_type_ok (mime))
    {
      g_autofree char *value = check_column_shown (stmt, 3);
      check_problem (c, "%s: %s is not a MIME type (such as application/pdf)", where, value);
    }
  if (sqlite3_column_int64 (stmt, 4) < 0)
    check_problem (c, "%s: a size of %" G_GINT64_FORMAT " bytes", where,
                   (gint64) sqlite3_column_int64 (stmt, 4));
  check_short_text (c, where, "the author", stmt, 5, TRUE);
  check_timestamp (c, where, "the time it was attached", stmt, 6, FALSE);
  if (!ga_store_check_evidence_note ((const char *) sqlite3_column_text (stmt, 7), &local))
    check_problem (c, "%s: %s", where, local->message);
  return c->problems->len - c->n_before <= MAX_PROBLEMS_PER_CHECK;
}

gboolean
check_assessment_row (Check        *c,
                      sqlite3_stmt *stmt,
                      gpointer      data)
{
  GError **error = data;
  Assessment a = { 0, };
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *hash = (const char *) sqlite3_column_text (stmt, 3);
  const char *status = (const char *) sqlite3_column_text (stmt, 10);
  g_autofree char *title = check_column_shown (stmt, 7);
  g_autofree char *where = g_strdup_printf ("assessment %" G_GINT64_FORMAT " %s", id, title);
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *origin = NULL;
  gboolean final = g_strcmp0 (status, "final") == 0;

  if (!g_uuid_string_is_valid ((const char *) sqlite3_column_text (stmt, 1)))
    {
      g_autofree char *uuid = check_column_shown (stmt, 1);
      check_problem (c, "%s: %s is not a UUID", where, uuid);
    }

  /* What making an assessment checks. */
  if (!ga_store_check_assessment_fields ((const char *) sqlite3_column_text (stmt, 6),
                                         (const char *) sqlite3_column_text (stmt, 7),
                                         sqlite3_column_int64 (stmt, 8),
                                         (const char *) sqlite3_column_text (stmt, 9), &local))
    check_problem (c, "%s: %s", where, local->message);
  g_clear_error (&local);

  /* It pins the template copy it names, by id and version too. */
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4),
                 (const char *) sqlite3_column_text (stmt, 15)) != 0
      || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5),
                    (const char *) sqlite3_column_text (stmt, 16)) != 0)
    {
      g_autofree char *want_id = check_column_shown (stmt, 4);
      g_autofree char *want_version = check_column_shown (stmt, 5);

      check_problem (c, "%s: it names the template %s %s, but its template copy is %s %s", where,
                     want_id, want_version,
                     sqlite3_column_text (stmt, 15) != NULL
                     ? (const char *) sqlite3_column_text (stmt, 15) : "missing",
                     sqlite3_column_text (stmt, 16) != NULL
                     ? (const char *) sqlite3_column_text (stmt, 16) : "");
    }

  check_timestamp (c, where, "the creation time", stmt, 11, FALSE);
  check_timestamp (c, where, "the time of the last change", stmt, 12, FALSE);
  /* What ga_store_set_assessment_status() writes: a final assessment
   * records when (and by whom) it became final, a draft neither. */
  if (c->store->schema_version >= 2)
    {
      if (final)
        {
          check_timestamp (c, where, "the finalisation time", stmt, 13, FALSE);
          check_short_text (c, where, "the name of who finalised it", stmt, 14, TRUE);
        }
      else if (sqlite3_column_type (stmt, 13) != SQLITE_NULL
               || sqlite3_column_type (stmt, 14) != SQLITE_NULL)
        check_problem (c, "%s: a draft with a finalisation time or person", where);
    }

  /* The answers are read against the pinned template copy. A database may
   * hold an opaque copy (the store does not need the template to save);
   * a package must carry one that loads, or its assessment could neither
   * be evaluated nor exported. */
  origin = g_strdup_printf ("the template copy of assessment %" G_GINT64_FORMAT, id);
  if (hash != NULL)
    tmpl = ga_store_load_template_by_hash (c->store, hash, origin, &local);
  if (tmpl == NULL && c->package)
    add_lines (c, where, local != NULL ? local->message : "the assessment has no template copy");
  a.id = id;
  a.where = where;
  a.tmpl = tmpl;

  c->n_before = c->problems->len;
  if (!check_each_row (c, "SELECT item_id, value, author, updated_at FROM answers"
                       " WHERE assessment_id = ?1 ORDER BY item_id", id, answer_cb, &a, error))
    return FALSE;
  c->n_before = c->problems->len;
  if (!check_each_row (c, c->store->schema_version >= 4
                       ? "SELECT h.id, h.item_id, h.old_value, h.new_value, h.author, h.at,"
                         " CASE WHEN h.action = 'edit' THEN h.target IS NULL"
                         "  ELSE h.state = 0 AND EXISTS (SELECT 1 FROM history t"
                         " WHERE t.id = h.target"
                         "   AND t.assessment_id = h.assessment_id AND t.action = 'edit'"
                         "   AND t.item_id = h.item_id AND t.subject = h.subject"
                         " AND t.id < h.id) END,"
                         " h.subject FROM history h WHERE h.assessment_id = ?1 ORDER BY h.id"
                       : "SELECT h.id, h.item_id, h.old_value, h.new_value, h.author, h.at,"
                         " CASE WHEN h.action = 'edit' THEN h.target IS NULL"
                         "  ELSE h.state = 0 AND EXISTS (SELECT 1 FROM history t"
                         " WHERE t.id = h.target"
                         "   AND t.assessment_id = h.assessment_id AND t.action = 'edit'"
                         "   AND t.item_id = h.item_id AND t.id < h.id) END,"
                         " 'answer' FROM history h WHERE h.assessment_id = ?1 ORDER BY h.id",
                       id, history_cb, &a, error))
    return FALSE;
  c->n_before = c->problems->len;
  if (c->store->schema_version >= 4
      && !check_each_row (c, "SELECT part, text, author, updated_at FROM narratives"
                          " WHERE assessment_id = ?1 ORDER BY part", id, narrative_cb, &a, error))
    return FALSE;
  c->n_before = c->problems->len;
  if (!check_each_row (c, c->store->schema_version >= 2
                       ? "SELECT id, item_id, name, mime_type, size, author, added_at, note"
                         " FROM evidence WHERE assessment_id = ?1 ORDER BY id"
                       : "SELECT id, item_id, name, mime_type, size, author, added_at, NULL"
                         " FROM evidence WHERE assessment_id = ?1 ORDER BY id", id, evidence_cb,
                       &a, error))
    return FALSE;
  c->n_before = c->problems->len;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Templates, stored files, packages                                   */

gboolean
check_template_row (Check        *c,
                    sqlite3_stmt *stmt,
                    gpointer      data)
{
  g_autofree char *where = g_strdup_printf ("template copy %.16s…",
                                            sqlite3_column_text (stmt, 0));

  check_short_text (c, where, "the template id", stmt, 1, FALSE);
  check_short_text (c, where, "the version", stmt, 2, FALSE);
  check_timestamp (c, where, "the import time", stmt, 3, TRUE);
  if (c->package && sqlite3_column_int (stmt, 4) == 0)
    check_problem (c, "%s: it is in the package, but the package's assessment is not pinned to "
                   "it", where);
  return TRUE;
}

gboolean
check_blob_row (Check        *c,
                sqlite3_stmt *stmt,
                gpointer      data)
{
  const char *hash = (const char *) sqlite3_column_text (stmt, 1);
  g_autofree char *where = g_strdup_printf ("stored file %" G_GINT64_FORMAT,
                                            (gint64) sqlite3_column_int64 (stmt, 0));

  /* Lower-case hex, as ga_store_sha256_hex() writes it: identical files
   * are found by it and stored once. */
  if (hash == NULL || strlen (hash) != 64 || strspn (hash, "0123456789abcdef") != 64)
    {
      g_autofree char *value = check_column_shown (stmt, 1);
      check_problem (c, "%s: %s is not a SHA-256 in lower-case hexadecimal", where, value);
    }
  if (c->package && sqlite3_column_int (stmt, 2) == 0)
    check_problem (c, "%s: it is in the package, but no evidence refers to it", where);
  return TRUE;
}
