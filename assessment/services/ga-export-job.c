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
#include "ga-format.h"
#include "ga-local-tables.h"
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
  char             *language;
  char             *date;
  gint64            created;
  gint64            assessment_id;  /* 0: not from a database */
  GaExportLocalTables *local;       /* the local summary tables, or NULL */
  GPtrArray        *projects;       /* GaProject* for 附件4 */
};

/* SOURCE_DATE_EPOCH as reproducible-build tools set it; 0 when unset or
 * not a positive number. */
static gint64
source_date_epoch (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 value;

  if (epoch == NULL || *epoch == '\0')
    return 0;
  value = g_ascii_strtoll (epoch, NULL, 10);
  return value > 0 ? value : 0;
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
  /* The name the enterprise editor shows; a code the table does not know
   * (a newer division code) is still what the user entered, so it is
   * written as stored rather than dropped. */
  info->region = region ? g_strdup (region->name) : g_strdup (e->region);
  info->address = g_strdup (e->address);
  info->postal_code = g_strdup (e->postal_code);
  info->main_products = g_strdup (e->main_products);
  /* The id; run_to() writes its label in the workbook's language. */
  info->ownership = g_strdup (e->ownership);
  info->registration_authority = g_strdup (e->registration_authority);
  info->registered_capital = e->registered_capital;
  info->founded = g_strdup (e->founded_on);
  info->valid_until = g_strdup (e->valid_until);
  info->legal_representative = g_strdup (e->legal_representative);
  info->legal_phone = g_strdup (e->legal_representative_phone);
  info->contact_department = g_strdup (e->contact_department);
  info->contact_person = g_strdup (e->contact_name);
  info->contact_phone = g_strdup (e->contact_phone);
  info->contact_mobile = g_strdup (e->contact_mobile);
  info->fax = g_strdup (e->fax);
  info->email = g_strdup (e->contact_email);
  info->profile = g_strdup (e->profile);
  info->output_value = e->output_value;
  info->value_added = e->value_added;
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

/* The period shown: the assessment's, else its year. */
static char *
assessment_period (const GaAssessment *assessment)
{
  if (assessment->period != NULL && assessment->period[0] != '\0')
    return g_strdup (assessment->period);
  if (assessment->year > 0)
    return g_strdup_printf ("%d", assessment->year);
  return NULL;
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
  job->engine = ga_engine_new_with_answers (ga_session_get_template (session),
                                            ga_engine_get_answers (live));
  ga_engine_copy_defaults (job->engine, live);
  job->enterprise = enterprise_info (ga_session_get_enterprise (session));
  job->assessment_name = g_strdup (assessment->title);
  job->period = assessment_period (assessment);
  job->evidence = ga_session_dup_evidence_names (session);
  job->path = g_strdup (path);
  job->overwrite = overwrite;
  job->assessment_id = assessment->id;
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
  job->period = assessment_period (assessment);
  job->evidence = evidence_names (store, assessment_id);
  job->path = g_strdup (path);
  job->assessment_id = assessment_id;
  return g_steal_pointer (&job);
}

GaExportJob *
ga_export_job_new_for_engine (GaEngine               *engine,
                              const GaEnterpriseInfo *enterprise,
                              const char             *path)
{
  GaExportJob *job = g_new0 (GaExportJob, 1);

  job->engine = ga_engine_new_with_answers (ga_engine_get_template (engine),
                                            ga_engine_get_answers (engine));
  ga_engine_copy_defaults (job->engine, engine);
  job->enterprise = enterprise != NULL ? ga_enterprise_info_copy (enterprise) : NULL;
  job->path = g_strdup (path);
  return job;
}

void
ga_export_job_free (GaExportJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->engine, ga_engine_unref);
  g_clear_pointer (&job->enterprise, ga_enterprise_info_free);
  g_clear_pointer (&job->evidence, g_hash_table_unref);
  g_clear_pointer (&job->local, ga_export_local_tables_free);
  g_clear_pointer (&job->projects, g_ptr_array_unref);
  g_free (job->assessment_name);
  g_free (job->period);
  g_free (job->path);
  g_free (job->language);
  g_free (job->date);
  g_free (job);
}

const char *
ga_export_job_get_path (GaExportJob *job)
{
  return job->path;
}

void
ga_export_job_set_language (GaExportJob *job,
                            const char  *language)
{
  g_free (job->language);
  job->language = g_strdup (language);
}

void
ga_export_job_set_date (GaExportJob *job,
                        const char  *date)
{
  g_free (job->date);
  job->date = g_strdup (date);
}

void
ga_export_job_set_created (GaExportJob *job,
                           gint64       created)
{
  job->created = created;
}

void
ga_export_job_set_period (GaExportJob *job,
                          const char  *period)
{
  if (period == NULL)
    return;
  g_free (job->period);
  job->period = g_strdup (period);
}

void
ga_export_job_set_name (GaExportJob *job,
                        const char  *name)
{
  if (name == NULL)
    return;
  g_free (job->assessment_name);
  job->assessment_name = g_strdup (name);
}

void
ga_export_job_set_overwrite (GaExportJob *job,
                             gboolean     overwrite)
{
  job->overwrite = overwrite;
}

gboolean
ga_export_job_add_local_tables (GaExportJob    *job,
                                GaStore        *store,
                                GaExportLevel   level,
                                int             plan_year,
                                GError        **error)
{
  g_autoptr(GPtrArray) projects = NULL;
  GaExportLocalTables *local;

  if (job->assessment_id == 0)
    {
      g_set_error (error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_INVALID,
                   "The local summary tables need an assessment in the database: they list "
                   "the enterprise's projects and its other years' figures");
      return FALSE;
    }
  local = ga_local_tables_gather (store, job->assessment_id, job->engine, level, plan_year,
                                  &projects, error);
  if (local == NULL)
    return FALSE;
  g_clear_pointer (&job->local, ga_export_local_tables_free);
  g_clear_pointer (&job->projects, g_ptr_array_unref);
  job->local = local;
  job->projects = g_steal_pointer (&projects);
  return TRUE;
}

static gboolean
run_to (GaExportJob  *job,
        const char   *path,
        gboolean      overwrite,
        GError      **error)
{
  GaExportOptions options = { 0 };
  g_autofree char *epoch_date = NULL;
  g_autoptr(GaEnterpriseInfo) labelled = NULL;
  const GaOwnership *ownership = NULL;
  gint64 epoch = source_date_epoch ();

  options.enterprise = job->enterprise;
  options.assessment_name = job->assessment_name;
  options.period = job->period;
  options.language = job->language != NULL ? job->language : ga_format_language ();
  /* 单位性质 is stored as an id: the workbook shows its label. */
  if (job->enterprise != NULL)
    ownership = ga_enterprise_find_ownership (job->enterprise->ownership);
  if (ownership != NULL)
    {
      labelled = ga_enterprise_info_copy (job->enterprise);
      g_free (labelled->ownership);
      labelled->ownership = g_strdup (g_str_has_prefix (options.language, "en")
                                      ? ownership->label_en : ownership->label_zh);
      options.enterprise = labelled;
    }
  options.evidence = job->evidence;
  options.overwrite = overwrite;
  if (job->local != NULL)
    {
      /* The projects' types and progress in the workbook's language. */
      ga_local_tables_set_projects (job->local, job->projects, options.language);
      options.local_tables = job->local;
    }
  options.created = job->created > 0 ? job->created : epoch;
  options.date = job->date;
  if (options.date == NULL && epoch > 0)
    {
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (epoch);

      if (day != NULL)
        epoch_date = g_date_time_format (day, "%Y-%m-%d");
      options.date = epoch_date;
    }

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
      ga_store_error_rename (local, tmp, job->path);
      g_propagate_error (error, local);
      return FALSE;
    }
  return ga_task_write_finish (task, tmp, job->path, job->overwrite, error);
}
