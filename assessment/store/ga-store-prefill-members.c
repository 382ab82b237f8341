/* ga-store-prefill-members.c: park items that take their figure from the
 * member enterprises' own assessments until they are answered
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sources (docs/template-format.md, "Figures the application already
 * has"), for an assessment of an enterprise of kind park:
 *
 *   members.count            the park's member enterprises;
 *   members.cp_audit_count   members with at least one clean-production
 *                            assessment (draft or final) whose year is the
 *                            park assessment's year;
 *   members.cp_audit_share   that count ÷ members.count × 100 (%);
 *   members.green_factory_count
 *                            members with a final green-factory assessment
 *                            whose year is the park assessment's year.
 *
 * None is given for a factory, the year-bound ones none while the park
 * assessment has no year, and the share none for a park without members:
 * the item then waits for an answer, as with any prefill the record lacks.
 */
#include "config.h"

#include <math.h>

#include "ga-store-private.h"
#include "ga-store-engine.h"

#define MEMBERS_WITH(kind_and_status) \
  "SELECT count(*) FROM park_members m WHERE m.park_id = ? AND EXISTS" \
  " (SELECT 1 FROM assessments a WHERE a.enterprise_id = m.member_id" \
  "  AND a.year = ? AND " kind_and_status ")"

/* The count @sql gives for the park and the year, or -1 on an error. */
static gint64
count_members (GaStore    *store,
               const char *sql,
               gint64      park_id,
               int         year)
{
  g_autoptr(GError) error = NULL;
  GaDbStmt *stmt = ga_store_stmt (store, sql, &error);
  GError *local = NULL;
  gint64 n = -1;
  GaDbStep step;

  if (stmt == NULL)
    {
      g_debug ("park members are not counted: %s", error->message);
      return -1;
    }
  ga_db_stmt_bind_int64 (stmt, 1, park_id);
  /* The count of all members does not ask for the year. */
  if (ga_db_stmt_get_param_count (stmt) > 1)
    ga_db_stmt_bind_int64 (stmt, 2, year);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    {
      n = ga_db_stmt_column_int64 (stmt, 0);
      step = GA_DB_STEP_DONE;
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Counting the park members", &error))
    {
      g_debug ("park members are not counted: %s", error->message);
      return -1;
    }
  return n;
}

double
ga_store_members_figure (GaStore            *store,
                         const char         *source,
                         const GaEnterprise *park,
                         const GaAssessment *assessment)
{
  int year = assessment != NULL ? assessment->year : 0;
  gint64 n, members;

  g_return_val_if_fail (GA_IS_STORE (store), NAN);
  if (park == NULL || park->kind != GA_ENTERPRISE_PARK || store->schema_version < 7)
    return NAN;

  members = count_members (store, "SELECT count(*) FROM park_members WHERE park_id = ?",
                           park->id, year);
  if (members < 0)
    return NAN;
  if (g_str_equal (source, "members.count"))
    return (double) members;
  if (year <= 0)
    return NAN;
  if (g_str_equal (source, "members.cp_audit_count")
      || g_str_equal (source, "members.cp_audit_share"))
    {
      n = count_members (store, MEMBERS_WITH ("a.kind = 'clean-production'"), park->id, year);
      if (n < 0)
        return NAN;
      if (g_str_equal (source, "members.cp_audit_count"))
        return (double) n;
      return members > 0 ? (double) n / (double) members * 100 : NAN;
    }
  if (g_str_equal (source, "members.green_factory_count"))
    {
      n = count_members (store, MEMBERS_WITH ("a.kind = 'green-factory' AND a.status = 'final'"),
                         park->id, year);
      return n < 0 ? NAN : (double) n;
    }
  return NAN;
}

void
ga_store_prefill_members (GaStore            *store,
                          GaEngine           *engine,
                          const GaEnterprise *enterprise,
                          const GaAssessment *assessment)
{
  GPtrArray *items;

  g_return_if_fail (engine != NULL);
  items = ga_template_get_items (ga_engine_get_template (engine));
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      g_autoptr(GaAnswer) answer = NULL;
      g_autoptr(GError) error = NULL;
      double figure;

      if (item->prefill == NULL || !g_str_has_prefix (item->prefill, "members."))
        continue;
      figure = ga_store_members_figure (store, item->prefill, enterprise, assessment);
      if (isfinite (figure))
        {
          answer = ga_answer_new ();
          ga_value_set_number (&answer->value, figure);
        }
      if (!ga_engine_set_default (engine, item->id, answer, &error))
        g_debug ("%s is not prefilled from %s: %s", item->id, item->prefill, error->message);
    }
}
