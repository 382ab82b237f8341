/* ga-export.c: writing a workbook safely to its target path
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is built into a temporary file in the target's own folder
 * (so the final rename never crosses file systems and is atomic), then
 * moved into place. Without `overwrite` the move is a link(), which fails
 * if the target appeared in the meantime, so an existing file is never
 * clobbered even by a race.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ga-export-private.h"

G_DEFINE_QUARK (ga-export-error-quark, ga_export_error)

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* Messages name files by their display names: a file name need not be
 * UTF-8 (GBK names unpacked from an archive), a message must be. */
static void
set_exists_error (GError     **error,
                  const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_EXISTS,
               "%s already exists; choose another name or allow replacing it "
               "(--force on the command line)", shown);
}

static gboolean
check_target (const char  *path,
              gboolean     overwrite,
              GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *shown_dir = NULL;
  gsize length = strlen (path);

  if (length >= PATH_MAX)
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH,
                   "cannot export to a path of %" G_GSIZE_FORMAT " bytes: the system allows "
                   "at most %d; choose a shorter folder or file name",
                   length, PATH_MAX - 1);
      return FALSE;
    }

  /* Each component, not only the last one, must fit NAME_MAX; checking
   * here gives a message that names the culprit instead of a bare errno. */
  {
    g_auto(GStrv) parts = g_strsplit (path, G_DIR_SEPARATOR_S, -1);

    for (guint i = 0; parts[i] != NULL; i++)
      if (strlen (parts[i]) > NAME_MAX)
        {
          g_autofree char *part = g_filename_display_name (parts[i]);
          g_autofree char *start = g_utf8_substring (part, 0, 20);

          g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH,
                       "cannot export to %s: the name \"%s…\" is %" G_GSIZE_FORMAT
                       " bytes long and the file system allows at most %d; shorten it",
                       shown, start, strlen (parts[i]), NAME_MAX);
          return FALSE;
        }
  }

  base = g_path_get_basename (path);
  if (g_str_has_suffix (path, G_DIR_SEPARATOR_S) || g_str_equal (base, ".") ||
      g_str_equal (base, ".."))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH,
                   "cannot export to %s: that is a folder, not a file name; "
                   "add a file name such as report.xlsx", shown);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  shown_dir = g_filename_display_name (dir);
  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH,
                   "cannot export to %s: the folder %s does not exist; "
                   "create it or choose another folder", shown, shown_dir);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH,
                   "cannot export to %s: %s is a file, not a folder; choose a folder",
                   shown, shown_dir);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_PATH,
                   "cannot export to %s: a folder of that name exists; choose another file name",
                   shown);
      return FALSE;
    }
  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_exists_error (error, path);
      return FALSE;
    }
  return TRUE;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 const char  *doing)
{
  g_autofree char *shown = g_filename_display_name (path);
  const char *hint;

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      hint = "check that the folder is writable or choose another folder";
      break;
    case ENOSPC:
    case EDQUOT:
      hint = "free some disk space or choose another disk";
      break;
    case ENAMETOOLONG:
      hint = "choose a shorter folder or file name";
      break;
    case ENOENT:
    case ENOTDIR:
      hint = "check that the folder exists";
      break;
    default:
      hint = "check the folder and try again";
      break;
    }
  g_set_error (error, GA_EXPORT_ERROR,
               saved_errno == ENAMETOOLONG || saved_errno == ENOENT || saved_errno == ENOTDIR
               ? GA_EXPORT_ERROR_PATH : GA_EXPORT_ERROR_WRITE,
               "cannot export to %s: %s failed: %s; %s",
               shown, doing, g_strerror (saved_errno), hint);
}

/* Moves @tmp to @path. Without @overwrite, link() refuses an existing
 * target atomically; file systems without hard links fall back to a
 * check followed by rename(). */
static gboolean
move_into_place (const char  *tmp,
                 const char  *path,
                 gboolean     overwrite,
                 GError     **error)
{
  if (!overwrite)
    {
      if (link (tmp, path) == 0)
        {
          g_unlink (tmp);
          return TRUE;
        }
      if (errno == EEXIST)
        {
          set_exists_error (error, path);
          return FALSE;
        }
      if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EXDEV &&
          errno != EMLINK && errno != ENOSYS)
        {
          set_errno_error (error, errno, path, "creating the file");
          return FALSE;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          set_exists_error (error, path);
          return FALSE;
        }
    }
  if (g_rename (tmp, path) != 0)
    {
      set_errno_error (error, errno, path, "moving the finished workbook into place");
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_export_workbook (GaEngine               *engine,
                    const GaExportOptions  *options,
                    const char             *path,
                    GError                **error)
{
  static const GaExportOptions defaults = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *shown = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (engine != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (path == NULL || *path == '\0')
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                   "no file name given for the export; give one ending in .xlsx");
      return FALSE;
    }
  if (!check_target (path, options->overwrite, error))
    return FALSE;

  /* A short fixed-length name, so a target name close to NAME_MAX does not
   * make the temporary name too long. The mode goes through the umask like
   * any new file's. */
  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".ga-export-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, path, "creating a temporary file in the target's folder");
      return FALSE;
    }
  close (fd);

  shown = g_filename_display_name (path);
  ok = _ga_export_build (engine, options, tmp, shown, error);
  if (ok)
    ok = move_into_place (tmp, path, options->overwrite, error);
  if (!ok)
    g_unlink (tmp);
  return ok;
}

char *
ga_export_file_name (const char *enterprise_name,
                     const char *suffix,
                     const char *fallback)
{
  GString *name = g_string_new (NULL);
  const char *source = enterprise_name;

  if (source == NULL || *source == '\0' || !g_utf8_validate (source, -1, NULL))
    source = fallback != NULL && *fallback != '\0' ? fallback : "assessment";

  for (const char *p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Characters Windows or POSIX refuse in names, and control characters. */
      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", (int) (c < 0x80 ? c : 'a')) != NULL)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  /* Leading dots would hide the file; trailing dots and spaces Windows drops. */
  while (name->len > 0 && name->str[0] == '.')
    g_string_erase (name, 0, 1);
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "assessment");

  /* Keep room for the suffix within NAME_MAX bytes, cutting on a character
   * boundary. */
  {
    gsize room = NAME_MAX - (suffix != NULL ? strlen (suffix) : 0) - 1;

    if (name->len > room)
      {
        gsize end = room;

        while (end > 0 && (name->str[end] & 0xC0) == 0x80)
          end--;
        g_string_truncate (name, end);
      }
  }
  if (suffix != NULL)
    g_string_append (name, suffix);
  return g_string_free (name, FALSE);
}
