/* ga-package-job.c: exchange packages written and read in a worker thread
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ga-package-job.h"
#include "ga-task-write.h"

typedef struct {
  char                 *db_path;
  char                 *author;
  guint64               evidence_limit;
  gint64                assessment_id;
  char                 *path;
  GaPackageImportFlags  flags;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->db_path);
  g_free (job->author);
  g_free (job->path);
  g_free (job);
}

static Job *
job_new (GaStore    *store,
         const char *path)
{
  Job *job = g_new0 (Job, 1);

  /* Copied here, on the caller's thread: the worker never touches @store. */
  job->db_path = g_strdup (ga_store_get_path (store));
  job->author = g_strdup (ga_store_get_author (store));
  job->evidence_limit = ga_store_get_evidence_limit (store);
  job->path = g_strdup (path);
  return job;
}

static GaStore *
open_store (Job     *job,
            GError **error)
{
  GaStore *store = ga_store_open (job->db_path, error);

  if (store != NULL)
    {
      ga_store_set_author (store, job->author);
      ga_store_set_evidence_limit (store, job->evidence_limit);
    }
  return store;
}

/* ------------------------------------------------------------------ */
/* Export                                                               */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GaStore) store = NULL;
  g_autofree char *tmp = NULL;
  GError *error = NULL;

  store = open_store (job, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Renaming the finished file over the database would destroy it. */
  if (ga_store_is_own_file (store, job->path))
    {
      g_autofree char *shown = g_filename_display_name (job->path);

      g_task_return_new_error (task, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                               _("%s is the database itself. Choose another file name."),
                               shown);
      return;
    }
  tmp = ga_task_write_begin (job->path, GA_PACKAGE_SUFFIX, &error);
  if (tmp == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!ga_store_export_package_to (store, job->assessment_id, tmp, GA_STORE_WRITE_REPLACE,
                                   &error))
    {
      g_unlink (tmp);
      ga_store_error_rename (error, tmp, job->path);
      g_task_return_error (task, error);
      return;
    }
  if (!ga_task_write_finish (task, tmp, job->path, TRUE, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ga_package_export_async (GaStore             *store,
                         gint64               assessment_id,
                         const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (GA_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = job_new (store, path);
  job->assessment_id = assessment_id;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ga_package_export_async);
  g_task_set_task_data (task, job, job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ga_package_export_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ga_package_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Import                                                               */

static GHashTable *
enterprise_ids (GaStore  *store,
                GError  **error)
{
  g_autoptr(GPtrArray) summaries = ga_store_list_enterprises (store, error);
  GHashTable *ids;

  if (summaries == NULL)
    return NULL;
  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < summaries->len; i++)
    {
      GaEnterpriseSummary *summary = g_ptr_array_index (summaries, i);

      g_hash_table_add (ids, g_memdup2 (&summary->enterprise->id, sizeof (gint64)));
    }
  return ids;
}

/* Takes back an import the user cancelled while it ran. */
static void
undo_import (GaStore    *store,
             GHashTable *before,
             gint64      assessment_id)
{
  g_autoptr(GaAssessment) assessment = ga_store_get_assessment (store, assessment_id, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (assessment == NULL)
    return;
  if (!g_hash_table_contains (before, &assessment->enterprise_id))
    ok = ga_store_delete_enterprise (store, assessment->enterprise_id, &error);
  else
    ok = ga_store_delete_assessment (store, assessment_id, &error);
  if (!ok)
    g_warning ("The cancelled import of assessment %" G_GINT64_FORMAT " could not be removed: %s",
               assessment_id, error->message);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GHashTable) before = NULL;
  GError *error = NULL;
  gint64 id;

  store = open_store (job, &error);
  if (store != NULL)
    before = enterprise_ids (store, &error);
  if (before == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  id = ga_store_import_package (store, job->path, job->flags, &error);
  if (id == 0)
    {
      g_task_return_error (task, error);
      return;
    }
  /* FALSE: the user cancelled and was told nothing was imported. */
  if (!g_task_set_return_on_cancel (task, FALSE))
    {
      undo_import (store, before, id);
      return;
    }
  g_task_return_int (task, id);
}

void
ga_package_import_async (GaStore              *store,
                         const char           *path,
                         GaPackageImportFlags  flags,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (GA_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = job_new (store, path);
  job->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ga_package_import_async);
  g_task_set_task_data (task, job, job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, import_thread);
}

gint64
ga_package_import_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ga_package_import_async, 0);

  return g_task_propagate_int (G_TASK (result), error);
}
