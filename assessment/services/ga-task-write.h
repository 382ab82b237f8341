/* ga-task-write.h: files written by a worker thread that the user can
 * cancel
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writers (workbook, package) know nothing of cancelling, and each
 * writes its own temporary file and renames it over its target. A worker
 * gives them a hidden temporary target beside the real one and moves that
 * into place at the end, only if the user has not cancelled meanwhile: a
 * cancelled write leaves no file, and an existing target untouched.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Creates an empty hidden file in the folder of @target whose name ends
 * with @suffix (".xlsx") and returns its path, or NULL with @error naming
 * @target. */
char     *ga_task_write_begin   (const char  *target,
                                 const char  *suffix,
                                 GError     **error);
/* Moves @tmp onto @target (replacing it when @overwrite, else failing with
 * G_IO_ERROR_EXISTS) unless @task, started with
 * g_task_set_return_on_cancel() TRUE, was cancelled: then @tmp is removed
 * and G_IO_ERROR_CANCELLED returned. From then on the task cannot be
 * cancelled. */
gboolean  ga_task_write_finish  (GTask       *task,
                                 const char  *tmp,
                                 const char  *target,
                                 gboolean     overwrite,
                                 GError     **error);

G_END_DECLS
