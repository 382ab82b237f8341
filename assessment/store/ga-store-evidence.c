/* ga-store-evidence.c: evidence files, stored once per SHA-256
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes are BLOBs in the database (table blobs), not files beside it:
 * an attachment then commits or fails with its evidence row in one
 * transaction, a backup or package carries everything, and `db check` can
 * verify each file's hash. docs/storage.md weighs this against a folder.
 */
#include "ga-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

void
ga_evidence_free (GaEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->item_id);
  g_free (evidence->sha256);
  g_free (evidence->name);
  g_free (evidence->mime_type);
  g_free (evidence->author);
  g_free (evidence->added_at);
  g_free (evidence->note);
  g_free (evidence);
}

void
ga_store_set_evidence_limit (GaStore *store,
                             guint64  max_bytes)
{
  g_return_if_fail (GA_IS_STORE (store));
  g_return_if_fail (max_bytes > 0);

  /* SQLite's default maximum value length is 1e9 bytes; stay below it. */
  store->evidence_limit = MIN (max_bytes, (guint64) 900 * 1000 * 1000);
}

guint64
ga_store_get_evidence_limit (GaStore *store)
{
  g_return_val_if_fail (GA_IS_STORE (store), 0);
  return store->evidence_limit;
}

/* Longest evidence name: what file systems allow for one file name. */
#define MAX_EVIDENCE_NAME 255

/* Characters a name may not hold: control characters (a line break or an
 * escape sequence in a list, a report or a terminal) and the bidirectional
 * overrides and isolates, which make "invoice\u202Efdp.exe" display as
 * "invoiceexe.pdf". */
static gboolean
name_char_allowed (gunichar c)
{
  return !g_unichar_iscntrl (c) && !(c >= 0x202a && c <= 0x202e)
         && !(c >= 0x2066 && c <= 0x2069);
}

gboolean
ga_store_check_evidence_name (const char  *name,
                              GError     **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "the evidence name is empty");
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "the evidence name is not valid UTF-8 text");
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > MAX_EVIDENCE_NAME)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "the evidence name is longer than %d characters", MAX_EVIDENCE_NAME);
      return FALSE;
    }
  if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "the evidence name contains a folder separator (/ or \\); a name "
                           "is one file name");
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!name_char_allowed (c))
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                       "the evidence name contains a control character (U+%04X at character "
                       "%ld)", c, g_utf8_pointer_to_offset (name, p) + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* The name an attached file is stored under: its last path component as
 * UTF-8, each character ga_store_check_evidence_name() refuses replaced by
 * U+FFFD, so that a file whose name holds a line break can still be
 * attached and is shown as what it is. */
static char *
evidence_name_for (const char *name)
{
  g_autofree char *base = NULL;
  GString *out;

  if (name == NULL || *name == '\0')
    name = "evidence";
  /* Keep only the last path component: the name is shown, not opened. */
  base = g_path_get_basename (name);
  /* A name that is not UTF-8 is a file name in the file system's
   * encoding (GBK from an archive): its display name is stored, as text. */
  if (!g_utf8_validate (base, -1, NULL))
    {
      g_free (base);
      base = g_filename_display_basename (name);
    }
  out = g_string_new (NULL);
  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\\')
        g_string_append_c (out, '_');
      else if (name_char_allowed (c))
        g_string_append_unichar (out, c);
      else
        g_string_append_unichar (out, 0xfffd);
    }
  return g_string_free (out, FALSE);
}

gboolean
ga_store_check_evidence_note (const char  *note,
                              GError     **error)
{
  if (note != NULL && (!g_utf8_validate (note, -1, NULL) || g_utf8_strlen (note, -1) > 500))
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "An evidence caption must be UTF-8 text of at most 500 characters");
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_store_refuse_too_large (GaStore     *store,
                           const char  *name,
                           guint64      size,
                           GError     **error)
{
  g_autofree char *have = NULL;
  g_autofree char *limit = NULL;

  if (size <= store->evidence_limit)
    return TRUE;
  have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  limit = g_format_size_full (store->evidence_limit, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_TOO_LARGE,
               "%s is %s (%" G_GUINT64_FORMAT " bytes), more than the %s (%" G_GUINT64_FORMAT
               " bytes) an evidence file may have. Attach a smaller file (scan at a lower "
               "resolution, or split the document)", name, have, size, limit,
               store->evidence_limit);
  return FALSE;
}

gint64
ga_store_add_evidence_bytes (GaStore     *store,
                             gint64       assessment_id,
                             const char  *item_id,
                             const char  *name,
                             GBytes      *bytes,
                             GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *base = NULL;
  const void *data;
  gsize size;
  GaDbStmt *stmt;
  gint64 id;
  gboolean stored;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (bytes != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (item_id == NULL || *item_id == '\0' || !g_utf8_validate (item_id, -1, NULL))
    {
      g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                           "Evidence must be attached to an item: give its id");
      return 0;
    }
  base = evidence_name_for (name);
  if (!ga_store_check_evidence_name (base, error))
    {
      g_prefix_error (error, "%s: ", base);
      return 0;
    }

  data = g_bytes_get_data (bytes, &size);
  if (!ga_store_refuse_too_large (store, base, size, error))
    return 0;

  hash = ga_store_sha256_hex (data != NULL ? data : "", size);
  content_type = g_content_type_guess (base, data, size, NULL);
  mime = g_content_type_get_mime_type (content_type);
  if (mime == NULL)
    mime = g_strdup ("application/octet-stream");

  if (!ga_store_begin (store, error))
    return 0;
  if (!ga_store_check_writable (store, assessment_id, error))
    goto fail;

  /* Content-addressed: the bytes go in once, whoever attaches them. */
  stmt = ga_store_stmt (store,
                        "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)"
                        " ON CONFLICT (sha256) DO NOTHING", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_text (stmt, 1, hash, -1);
  ga_db_stmt_bind_int64 (stmt, 2, size);
  /* Read in place: a file of tens of megabytes is not copied once more. */
  ga_db_stmt_bind_blob_static (stmt, 3, data, size);
  stored = ga_store_stmt_run (store, stmt, "Storing the evidence file", error);
  /* Do not keep a pointer to @bytes in the cached statement. */
  ga_db_stmt_clear_bindings (stmt);
  if (!stored)
    goto fail;

  stmt = ga_store_stmt_insert (store,
                               "INSERT INTO evidence (assessment_id, item_id, sha256, name,"
                               " mime_type, size, author, added_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "id", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);
  ga_db_stmt_bind_text (stmt, 2, item_id, -1);
  ga_db_stmt_bind_text (stmt, 3, hash, -1);
  ga_db_stmt_bind_text (stmt, 4, base, -1);
  ga_db_stmt_bind_text (stmt, 5, mime, -1);
  ga_db_stmt_bind_int64 (stmt, 6, size);
  ga_db_stmt_bind_text (stmt, 7, store->author, -1);
  ga_db_stmt_bind_text (stmt, 8, now, -1);
  if (!ga_store_stmt_run (store, stmt, "Attaching the evidence", error))
    goto fail;
  id = ga_db_stmt_get_insert_id (stmt);

  if (!ga_store_touch_assessment (store, assessment_id, now, "Attaching the evidence", error))
    goto fail;

  if (!ga_store_commit_changed (store, "Attaching the evidence", assessment_id, error))
    return 0;
  return id;

fail:
  ga_store_rollback (store);
  return 0;
}

/* How @file is named in messages: a message is UTF-8 text, a file name
 * need not be. */
static char *
file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path != NULL ? g_filename_display_name (path) : g_file_get_parse_name (file);
}

/* The name stored with the evidence: the last component, as text. GIO's
 * display name would add " (invalid encoding)" after the extension of a
 * name that is not in the file system's encoding. */
static char *
file_evidence_name (GFile     *file,
                    GFileInfo *info)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  return g_strdup (g_file_info_get_display_name (info));
}

gint64
ga_store_add_evidence (GaStore     *store,
                       gint64       assessment_id,
                       const char  *item_id,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  display = file_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      /* GIO's own message names the file again; say it once, with what to
       * do. */
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                     "The evidence file %s does not exist; check the name and the folder",
                     display);
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                     "The evidence file %s cannot be read: permission denied", display);
      else
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                     "Cannot read the evidence file %s: %s", display, local->message);
      return 0;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s is not a regular file; attach a document or an image", display);
      return 0;
    }
  name = file_evidence_name (file, info);

  /* Refuse before reading: a 4 GiB video must not be loaded first. */
  if (!ga_store_refuse_too_large (store, name, (guint64) g_file_info_get_size (info), error))
    return 0;

  bytes = g_file_load_bytes (file, NULL, NULL, &local);
  if (bytes == NULL)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   "Cannot read the evidence file %s: %s", display, local->message);
      return 0;
    }
  return ga_store_add_evidence_bytes (store, assessment_id, item_id, name, bytes, error);
}

#define EVIDENCE_COLUMNS \
  "id, assessment_id, item_id, sha256, name, mime_type, size, author, added_at, note"

static GaEvidence *
evidence_from_row (GaDbStmt *stmt)
{
  GaEvidence *e = g_new0 (GaEvidence, 1);

  e->id = ga_db_stmt_column_int64 (stmt, 0);
  e->assessment_id = ga_db_stmt_column_int64 (stmt, 1);
  e->item_id = ga_store_stmt_dup (stmt, 2);
  e->sha256 = ga_store_stmt_dup (stmt, 3);
  e->name = ga_store_stmt_dup (stmt, 4);
  e->mime_type = ga_store_stmt_dup (stmt, 5);
  e->size = ga_db_stmt_column_int64 (stmt, 6);
  e->author = ga_store_stmt_dup (stmt, 7);
  e->added_at = ga_store_stmt_dup (stmt, 8);
  e->note = ga_store_stmt_dup (stmt, 9);
  return e;
}

GPtrArray *
ga_store_list_evidence (GaStore     *store,
                        gint64       assessment_id,
                        const char  *item_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  if (item_id != NULL)
    {
      stmt = ga_store_stmt (store, "SELECT " EVIDENCE_COLUMNS " FROM evidence"
                            " WHERE assessment_id = ? AND item_id = ? ORDER BY id", error);
      if (stmt != NULL)
        ga_db_stmt_bind_text (stmt, 2, item_id, -1);
    }
  else
    stmt = ga_store_stmt (store, "SELECT " EVIDENCE_COLUMNS " FROM evidence"
                          " WHERE assessment_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, assessment_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_evidence_free);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    g_ptr_array_add (list, evidence_from_row (stmt));
  if (!ga_store_stmt_end (store, stmt, step, local, "Listing the evidence", error))
    return NULL;
  return g_steal_pointer (&list);
}

GBytes *
ga_store_get_evidence_bytes (GaStore  *store,
                             gint64    evidence_id,
                             GError  **error)
{
  GaDbStmt *stmt;
  GBytes *bytes = NULL;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  stmt = ga_store_stmt (store,
                        "SELECT b.data, e.sha256 FROM evidence e JOIN blobs b ON b.sha256 = e.sha256"
                        " WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, evidence_id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      gsize len = 0;
      const guint8 *data = ga_db_stmt_column_blob (stmt, 0, &len);
      g_autofree char *actual = ga_store_sha256_hex (data != NULL ? (const void *) data : "", len);

      /* Never hand out damaged evidence as if it were the original. */
      if (g_strcmp0 (actual, ga_db_stmt_column_text (stmt, 1)) != 0)
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_CORRUPT,
                     "Evidence %" G_GINT64_FORMAT " is damaged: its bytes no longer match their "
                     "SHA-256. Remove it and attach the file again, or take it from a backup "
                     "made before the damage", evidence_id);
      else
        bytes = g_bytes_new (data, len);
    }
  else if (step == GA_DB_STEP_DONE)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "There is no evidence with id %" G_GINT64_FORMAT, evidence_id);
  else
    ga_store_fail_db (store, local, "Reading the evidence", error);
  ga_db_stmt_reset (stmt);
  return bytes;
}

gboolean
ga_store_save_evidence (GaStore            *store,
                        gint64              evidence_id,
                        const char         *path,
                        GaStoreWriteFlags   flags,
                        GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *tmp = NULL;
  const guint8 *data;
  gsize size, done = 0;
  int fd;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ga_store_refuse_own_file (store, path, error)
      || !ga_store_refuse_existing (path, flags, error))
    return FALSE;
  bytes = ga_store_get_evidence_bytes (store, evidence_id, error);
  if (bytes == NULL)
    return FALSE;

  /* 0666 less the umask, like any file the user saves. */
  tmp = ga_store_create_temp_mode (path, 0666, error);
  if (tmp == NULL)
    return FALSE;
  fd = g_open (tmp, O_WRONLY | O_TRUNC, 0);
  if (fd < 0)
    {
      ga_store_set_file_error (error, errno, path);
      g_unlink (tmp);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &size);
  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ga_store_set_file_error (error, n < 0 ? errno : ENOSPC, path);
          close (fd);
          g_unlink (tmp);
          return FALSE;
        }
      done += n;
    }
  /* On disk before it takes the name: a crash leaves the old file or the
   * whole new one. */
  if (fsync (fd) != 0)
    {
      ga_store_set_file_error (error, errno, path);
      close (fd);
      g_unlink (tmp);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      ga_store_set_file_error (error, errno, path);
      g_unlink (tmp);
      return FALSE;
    }
  return ga_store_place_file (tmp, path, flags, error);
}

/* Inside the transaction that changes evidence @evidence_id: finds the
 * assessment it belongs to and refuses the change when there is no such
 * evidence or the assessment is final. */
static gboolean
find_writable_evidence (GaStore     *store,
               gint64       evidence_id,
               const char  *doing,
               gint64      *assessment_id,
               GError     **error)
{
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  stmt = ga_store_stmt (store, "SELECT assessment_id FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  ga_db_stmt_bind_int64 (stmt, 1, evidence_id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_DONE)
    {
      ga_db_stmt_reset (stmt);
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   "There is no evidence with id %" G_GINT64_FORMAT, evidence_id);
      return FALSE;
    }
  if (step != GA_DB_STEP_ROW)
    return ga_store_stmt_end (store, stmt, step, local, doing, error);
  *assessment_id = ga_db_stmt_column_int64 (stmt, 0);
  ga_db_stmt_reset (stmt);
  return ga_store_check_writable (store, *assessment_id, error);
}

gboolean
ga_store_remove_evidence (GaStore  *store,
                          gint64    evidence_id,
                          GError  **error)
{
  GaDbStmt *stmt;
  gint64 assessment_id = 0;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!ga_store_begin (store, error))
    return FALSE;
  if (!find_writable_evidence (store, evidence_id, "Removing the evidence", &assessment_id, error))
    goto fail;

  /* The trigger evidence_drop_blob removes the bytes when nothing else
   * refers to them. */
  stmt = ga_store_stmt (store, "DELETE FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, evidence_id);
  if (!ga_store_stmt_run (store, stmt, "Removing the evidence", error))
    goto fail;
  return ga_store_commit_changed (store, "Removing the evidence", assessment_id, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

gboolean
ga_store_set_evidence_note (GaStore     *store,
                            gint64       evidence_id,
                            const char  *note,
                            GError     **error)
{
  GaDbStmt *stmt;
  gint64 assessment_id = 0;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!ga_store_check_evidence_note (note, error))
    return FALSE;

  if (!ga_store_begin (store, error))
    return FALSE;
  if (!find_writable_evidence (store, evidence_id, "Changing the evidence caption", &assessment_id,
                               error))
    goto fail;

  stmt = ga_store_stmt (store, "UPDATE evidence SET note = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_store_bind_text_or_null (stmt, 1, note);
  ga_db_stmt_bind_int64 (stmt, 2, evidence_id);
  if (!ga_store_stmt_run (store, stmt, "Changing the evidence caption", error))
    goto fail;
  return ga_store_commit_changed (store, "Changing the evidence caption", assessment_id, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}
