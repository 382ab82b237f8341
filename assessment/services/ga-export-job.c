/* ga-export-job.c: one workbook export, prepared on the main thread and
 * written in a worker thread
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "ga-export-job.h"
#include "ga-export.h"
#include "ga-store-engine.h"
#include "ga-task-write.h"

struct _GaExportJob
{
  GaEngine         *engine;
  GaEnterpriseInfo *enterprise;
  char             *assessment_name;
  char             *period;
  GHashTable       *evidence;
  char             *path;
  gboolean          overwrite;
};

const char *
ga_export_job_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "zh") ? "zh_CN" : "en";
}

static GaEnterpriseInfo *
enterprise_info (const GaEnterprise *e)
{
  GaEnterpriseInfo *info = ga_enterprise_info_new ();
  const GaIndustry *industry = e->industry ? ga_industry_lookup (e->industry) : NULL;
  const GaRegion *region = e->region ? ga_region_lookup (e->region) : NULL;

  info->name = g_strdup (e->name);
  info->credit_code = g_strdup (e->credit_code);
  info->industry_code = g_strdup (e->industry);
  info->industry_name = industry ? g_strdup (industry->name) : NULL;
  info->region = region ? g_strdup (region->name) : NULL;
  info->address = g_strdup (e->address);
  info->legal_representative = g_strdup (e->legal_representative);
  info->contact_person = g_strdup (e->contact_name);
  info->contact_phone = g_strdup (e->contact_phone);
  info->email = g_strdup (e->contact_email);
  info->output_value = e->output_value;
  info->employees = e->employees >= 0 ? (double) e->employees : NAN;
  return info;
}

static GHashTable *
evidence_names (GaStore *store,
                gint64   assessment_id)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) all = ga_store_list_evidence (store, assessment_id, NULL, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      GaEvidence *evidence = g_ptr_array_index (all, i);
      GPtrArray *list = g_hash_table_lookup (names, evidence->item_id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (names, g_strdup (evidence->item_id), list);
        }
      g_ptr_array_add (list, g_strdup (evidence->name));
    }
  return names;
}

GaExportJob *
ga_export_job_new_for_session (GaSession  *session,
                               const char *path,
                               gboolean    overwrite)
{
  GaExportJob *job = g_new0 (GaExportJob, 1);
  GaEngine *live = ga_session_get_engine (session);
  const GaAssessment *assessment = ga_session_get_assessment (session);

  /* An engine of its own: the user may go on editing while the worker
   * writes. */
  job->engine = ga_engine_new (ga_session_get_template (session));
  ga_engine_set_answers (job->engine, ga_engine_get_answers (live));
  job->enterprise = enterprise_info (ga_session_get_enterprise (session));
  job->assessment_name = g_strdup (assessment->title);
  job->period = g_strdup (assessment->period);
  job->evidence = ga_session_dup_evidence_names (session);
  job->path = g_strdup (path);
  job->overwrite = overwrite;
  return job;
}

GaExportJob *
ga_export_job_new (GaStore     *store,
                   gint64       assessment_id,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GaExportJob) job = g_new0 (GaExportJob, 1);
  g_autoptr(GaAssessment) assessment = NULL;
  g_autoptr(GaEnterprise) enterprise = NULL;

  assessment = ga_store_get_assessment (store, assessment_id, error);
  if (assessment == NULL)
    return NULL;
  enterprise = ga_store_get_enterprise (store, assessment->enterprise_id, error);
  if (enterprise == NULL)
    return NULL;
  job->engine = ga_store_load_engine (store, assessment_id, error);
  if (job->engine == NULL)
    return NULL;
  job->enterprise = enterprise_info (enterprise);
  job->assessment_name = g_strdup (assessment->title);
  job->period = g_strdup (assessment->period);
  job->evidence = evidence_names (store, assessment_id);
  job->path = g_strdup (path);
  return g_steal_pointer (&job);
}

void
ga_export_job_free (GaExportJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->engine, ga_engine_unref);
  g_clear_pointer (&job->enterprise, ga_enterprise_info_free);
  g_clear_pointer (&job->evidence, g_hash_table_unref);
  g_free (job->assessment_name);
  g_free (job->period);
  g_free (job->path);
  g_free (job);
}

const char *
ga_export_job_get_path (GaExportJob *job)
{
  return job->path;
}

static gboolean
run_to (GaExportJob  *job,
        const char   *path,
        gboolean      overwrite,
        GError      **error)
{
  GaExportOptions options = { 0 };

  options.enterprise = job->enterprise;
  options.assessment_name = job->assessment_name;
  options.period = job->period;
  options.language = ga_export_job_language ();
  options.evidence = job->evidence;
  options.overwrite = overwrite;

  return ga_export_workbook (job->engine, &options, path, error);
}

gboolean
ga_export_job_run (GaExportJob  *job,
                   GError      **error)
{
  return run_to (job, job->path, job->overwrite, error);
}

gboolean
ga_export_job_run_in_task (GaExportJob  *job,
                           GTask        *task,
                           GError      **error)
{
  g_autofree char *tmp = NULL;
  GError *local = NULL;

  if (!job->overwrite && g_file_test (job->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *shown = g_filename_display_name (job->path);

      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_EXISTS,
                   "%s already exists and was left unchanged", shown);
      return FALSE;
    }
  tmp = ga_task_write_begin (job->path, ".xlsx", error);
  if (tmp == NULL)
    return FALSE;
  /* The temporary file exists (it was made to reserve the name). */
  if (!run_to (job, tmp, TRUE, &local))
    {
      g_unlink (tmp);
      ga_task_write_fix_error (local, tmp, job->path);
      g_propagate_error (error, local);
      return FALSE;
    }
  return ga_task_write_finish (task, tmp, job->path, job->overwrite, error);
}
