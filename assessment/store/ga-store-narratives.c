/* ga-store-narratives.c: the user's text of the report's parts
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A narrative is saved as an answer is (ga-store-answers.c): one row per
 * assessment and part key, each change a history row of subject
 * 'narrative', undone and redone through the same stack as the answers.
 */
#include "ga-store-private.h"

#include <string.h>

gboolean
ga_narrative_check_part (const char  *part,
                         GError     **error)
{
  gboolean ok = part != NULL && *part != '\0' && strlen (part) <= GA_STORE_MAX_PART_KEY
                && *part != '.';

  for (const char *p = part; ok && *p != '\0'; p++)
    {
      if (*p == '.')
        ok = p[1] != '\0' && p[1] != '.';
      else
        ok = g_ascii_isalnum (*p) || *p == '_' || *p == '-';
    }
  if (!ok)
    {
      /* g_utf8_substring() reads past the end of a shorter string. */
      g_autofree char *shown = part != NULL && g_utf8_validate (part, -1, NULL)
                               ? g_utf8_substring (part, 0, MIN (g_utf8_strlen (part, -1), 40))
                               : g_strdup ("");

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "'%s' is not a report part key (1 to %d letters, digits, '_' and '-', "
                   "words joined by '.', such as green-work.S_EN)", shown,
                   GA_STORE_MAX_PART_KEY);
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_narrative_check_text (const char  *part,
                         const char  *text,
                         gssize       length,
                         GError     **error)
{
  gsize n;

  if (text == NULL)
    text = "";
  n = length < 0 ? strlen (text) : (gsize) length;
  if (n > GA_STORE_MAX_NARRATIVE_BYTES)
    {
      g_autofree char *have = g_format_size_full (n, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (GA_STORE_MAX_NARRATIVE_BYTES,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_TOO_LARGE,
                   "The text of report part %s is %s, more than the %s a part may hold",
                   part, have, limit);
      return FALSE;
    }
  if (!g_utf8_validate_len (text, n, NULL))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "The text of report part %s is not valid UTF-8 text", part);
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "The text of report part %s is empty; an empty part has no row", part);
      return FALSE;
    }
  for (const char *p = text; p < text + n; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iscntrl (ch) && ch != '\n' && ch != '\t')
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                       "The text of report part %s holds the control character U+%04X; "
                       "only line breaks and tabs may be in it", part, ch);
          return FALSE;
        }
    }
  return TRUE;
}

char *
ga_narrative_normalize (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  for (const char *p = out->str; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return g_string_free (out, FALSE);
  /* Nothing but white space (ASCII only: a full-width space is text). */
  g_string_free (out, TRUE);
  return NULL;
}

gboolean
ga_store_set_narrative (GaStore     *store,
                        gint64       assessment_id,
                        const char  *part,
                        const char  *text,
                        GError     **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *now = NULL;
  g_autofree char *doing = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ga_narrative_check_part (part, error))
    return FALSE;
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return ga_narrative_check_text (part, text, -1, error);
  stored = ga_narrative_normalize (text);
  if (stored != NULL && !ga_narrative_check_text (part, stored, -1, error))
    return FALSE;

  if (!ga_store_begin (store, error))
    return FALSE;
  now = ga_store_now ();
  if (!ga_store_check_writable (store, assessment_id, error)
      || !ga_store_apply_change (store, GA_HISTORY_NARRATIVE, assessment_id, part, stored, now,
                                 error))
    {
      ga_store_rollback (store);
      return FALSE;
    }
  doing = g_strdup_printf ("Saving the report text of part %s", part);
  return ga_store_commit_changed (store, doing, assessment_id, error);
}

char *
ga_store_get_narrative (GaStore     *store,
                        gint64       assessment_id,
                        const char  *part,
                        GError     **error)
{
  char *text = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  if (store->schema_version < 4)
    return NULL;
  ga_store_read_change_value (store, GA_HISTORY_NARRATIVE, assessment_id, part, &text, error);
  return text;
}

GHashTable *
ga_store_load_narratives (GaStore  *store,
                          gint64    assessment_id,
                          GError  **error)
{
  g_autoptr(GHashTable) narratives = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  narratives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (store->schema_version < 4)
    return g_steal_pointer (&narratives);
  stmt = ga_store_stmt (store, "SELECT part, text FROM narratives WHERE assessment_id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    g_hash_table_insert (narratives, ga_store_stmt_dup (stmt, 0), ga_store_stmt_dup (stmt, 1));
  if (!ga_store_stmt_end (store, stmt, step, local, "Loading the report texts", error))
    return NULL;
  return g_steal_pointer (&narratives);
}
