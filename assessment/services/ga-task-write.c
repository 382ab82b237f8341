/* ga-task-write.c: files written by a worker thread that the user can
 * cancel
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ga-task-write.h"

char *
ga_task_write_begin (const char  *target,
                     const char  *suffix,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  char *tmp;
  int fd;

  g_return_val_if_fail (target != NULL, NULL);

  /* A short fixed name: a target close to NAME_MAX still leaves room. */
  dir = g_path_get_dirname (target);
  name = g_strconcat (".ga-part-XXXXXX", suffix ? suffix : "", NULL);
  tmp = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (target);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s cannot be written: %s. Choose another folder."), shown,
                   g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

gboolean
ga_task_write_finish (GTask       *task,
                      const char  *tmp,
                      const char  *target,
                      gboolean     overwrite,
                      GError     **error)
{
  g_return_val_if_fail (G_IS_TASK (task), FALSE);

  /* FALSE here means the task was cancelled and has already told the
   * caller so: the file must not appear after all. */
  if (!g_task_set_return_on_cancel (task, FALSE))
    {
      g_unlink (tmp);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      return FALSE;
    }

  if (!overwrite)
    {
      /* link() fails on a file that appeared meanwhile instead of
       * replacing it. */
      if (link (tmp, target) == 0)
        {
          g_unlink (tmp);
          return TRUE;
        }
      if (errno == EEXIST || g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_autofree char *shown = g_filename_display_name (target);

          g_unlink (tmp);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("%s already exists and was left unchanged. Choose another name."),
                       shown);
          return FALSE;
        }
    }
  if (g_rename (tmp, target) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (target);

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s cannot be written: %s. Choose another folder."), shown,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
